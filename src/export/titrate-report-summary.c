/* titrate-report-summary.c — the clinician summary: patient, regimen, alerts
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "titrate-export-pump.h"
#include "titrate-report-private.h"

/* Clinician summary content */

static void
kv (GString    *s,
    const char *key,
    const char *value)
{
  g_autofree char *line = g_markup_printf_escaped ("<b>%s:</b> %s\n", key, value);

  g_string_append (s, line);
}

static char *
join_strings (GPtrArray  *items,
              const char *empty)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (items == NULL || items->len == 0)
    return g_strdup (empty);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (items, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
indication_label (TitrateReport *self)
{
  g_autoptr(GPtrArray) items = titrate_rules_list_indications (self->rules, self->plan->regimen->route);

  for (guint i = 0; i < items->len; i++)
    {
      const TitrateVocabItem *v = g_ptr_array_index (items, i);

      if (g_strcmp0 (v->code, self->plan->regimen->indication) == 0)
        return v->label;
    }
  return self->plan->regimen->indication ? self->plan->regimen->indication : _("not recorded");
}

static void
add_patient_section (TitrateReport *self)
{
  const TitratePatient *p = self->doc->patient;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autofree char *age = titrate_format_amount_display (p->age_years);
  g_autofree char *crcl = titrate_format_amount_display (0);
  g_autofree char *egfr = NULL;
  g_autofree char *scr = NULL;
  g_autofree char *conds = NULL;
  g_autofree char *allergies = NULL;
  g_autofree char *comeds = NULL;
  g_autofree char *text = NULL;
  TitrateRenal renal;

  titrate_patient_get_renal (p, &renal);

  _titrate_report_add_heading (self, _("Patient"), SUMMARY_H1, 12);

  text = g_strdup_printf (_("%s years"), age);
  kv (s, _("Age"), text);
  kv (s, _("Sex"), titrate_sex_to_label (p->sex));
  g_free (text);
  text = titrate_format_dose (p->weight_kg, "kg");
  kv (s, _("Weight"), text);
  if (isnan (p->serum_creatinine))
    scr = g_strdup (_("not recorded"));
  else
    {
      g_autofree char *v = titrate_format_amount_display (p->serum_creatinine);
      scr = g_strdup_printf ("%s %s", v, p->creatinine_unit == TITRATE_CREATININE_MG_DL ? "mg/dL" : "µmol/L");
    }
  kv (s, _("Serum creatinine"), scr);

  g_free (crcl);
  if (isnan (renal.crcl_ml_min))
    crcl = g_strdup_printf (_("not available (%s)"), renal.crcl_note ? _(renal.crcl_note) : titrate_renal_basis_to_label (renal.crcl_basis));
  else
    {
      g_autofree char *v = titrate_format_amount_display (titrate_renal_estimate_shown (renal.crcl_ml_min, renal.crcl_basis));
      crcl = g_strdup_printf (_("%s mL/min (%s)"), v, titrate_renal_basis_to_label (renal.crcl_basis));
    }
  kv (s, _("Creatinine clearance (CrCl)"), crcl);
  if (isnan (renal.egfr_ml_min_1_73m2))
    egfr = g_strdup_printf (_("not available (%s)"), renal.egfr_note ? _(renal.egfr_note) : titrate_renal_basis_to_label (renal.egfr_basis));
  else
    {
      g_autofree char *v = titrate_format_amount_display (titrate_renal_estimate_shown (renal.egfr_ml_min_1_73m2, renal.egfr_basis));
      egfr = g_strdup_printf (_("%s mL/min/1.73 m² (%s)"), v, titrate_renal_basis_to_label (renal.egfr_basis));
    }
  kv (s, _("eGFR"), egfr);
  kv (s, _("Dialysis"), p->dialysis ? _("yes") : _("no"));
  kv (s, _("Pregnant"), p->pregnant ? _("yes") : _("no"));
  kv (s, _("Breastfeeding"), p->breastfeeding ? _("yes") : _("no"));

  for (guint i = 0; p->conditions != NULL && i < p->conditions->len; i++)
    {
      const char *code = g_ptr_array_index (p->conditions, i);
      const char *label = titrate_rules_get_condition_label (self->rules, code);

      g_ptr_array_add (conditions, (gpointer) (label ? label : code));
    }
  conds = join_strings (conditions, _("none recorded"));
  kv (s, _("Conditions"), conds);
  allergies = join_strings (p->allergies, _("none recorded"));
  kv (s, _("Allergies"), allergies);
  comeds = join_strings (self->doc->comedications, _("none recorded"));
  kv (s, _("Other medicines"), comeds);

  g_string_truncate (s, s->len - 1);
  _titrate_report_add_text (self, s->str, SUMMARY_BODY, 0, 4);
}

static char *
step_doses (const TitrateStep *step,
            TitrateRoute       route)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (titrate_step_is_stopped (step))
    return g_strdup (_("stopped"));
  if (route == TITRATE_ROUTE_INTRATHECAL)
    {
      if (!isnan (step->bolus_mcg))
        {
          g_autofree char *b = titrate_format_dose (step->bolus_mcg, "mcg");
          return g_strdup_printf (_("bolus %s"), b);
        }
      {
        g_autofree char *d = titrate_format_dose (step->daily_mcg, "mcg");
        return g_strdup_printf (_("infusion %s/day"), d);
      }
    }
  for (guint k = 0; k < step->n_doses; k++)
    {
      g_autofree char *d = titrate_format_amount_display (step->doses_mg[k]);
      g_string_append_printf (s, "%s%s", k ? " + " : "", d);
    }
  g_string_append (s, " mg");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
add_regimen_section (TitrateReport *self)
{
  const TitrateRegimen *r = self->plan->regimen;
  const TitrateFormulation *f = titrate_rules_get_formulation (self->rules, r->formulation);
  const char *unit = titrate_route_unit (r->route);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autofree char *product = titrate_planner_unit_name (self->rules, r);
  g_autofree char *start = _titrate_export_date (&r->start_date, "%Y-%m-%d (%A)");
  g_autofree char *limit_text = NULL;
  g_autofree char *route = NULL;
  TitrateLimit limit;

  _titrate_report_add_heading (self, _("Regimen"), SUMMARY_H1, 12);

  route = g_strdup_printf ("%s (%s)", r->route == TITRATE_ROUTE_ORAL ? _("oral") : _("intrathecal"), unit);
  kv (s, _("Route"), route);
  kv (s, _("Indication"), indication_label (self));
  kv (s, _("Formulation"), f ? f->label : (r->formulation ? r->formulation : _("not recorded")));
  /* The unit name is written to follow a count ("× 10 mg tablet"): here
   * it stands alone, so without the "×" and under a label that says so. */
  kv (s, _("Doses given as"),
      product == NULL ? _("no strength chosen")
                      : g_str_has_prefix (product, "× ") ? product + strlen ("× ") : product);
  kv (s, _("Start date"), *start ? start : _("not set"));
  if (self->doc->regimen->has_protocol)
    {
      const TitrateProtocol *p = &self->doc->regimen->protocol;
      g_autofree char *text = NULL;
      g_autofree char *step_mg = titrate_format_amount_display (p->step_mg_per_dose);

      if (p->kind == TITRATE_PROTOCOL_TITRATE)
        {
          g_autofree char *from = titrate_format_amount_display (p->start_dose_mg);
          g_autofree char *to = titrate_format_amount_display (p->target_daily_mg);
          text = g_strdup_printf (_("titrate from %s mg × %d a day, +%s mg per dose every %d days, to %s mg/day"),
                                  from, p->doses_per_day, step_mg, p->step_every_days, to);
        }
      else
        {
          g_autofree char *from = titrate_format_amount_display (p->from_daily_mg);
          text = g_strdup_printf (_("taper from %s mg/day in %d doses, −%s mg per dose every %d days, to zero"),
                                  from, p->doses_per_day, step_mg, p->step_every_days);
        }
      kv (s, _("Protocol"), text);
    }
  titrate_check_applicable_limit (self->rules, self->doc->patient, r, &limit);
  if (isnan (limit.max_daily))
    limit_text = g_strdup (_("none applies"));
  else
    {
      /* One rounding rule for the maximum, on screen and on paper:
       * titrate_format_amount_display(), three decimals at most. */
      g_autofree char *m = titrate_format_amount_display (limit.max_daily);
      g_autofree char *factor = titrate_format_amount_display (limit.renal_factor);

      if (!isnan (limit.renal_ceiling))
        /* Translators: "5 mg/day (renal ceiling)" */
        limit_text = g_strdup_printf (_("%s %s/day (renal ceiling)"), m, unit);
      else
        /* Translators: "26.667 mg/day (renal factor 0.333)" */
        limit_text = g_strdup_printf (_("%s %s/day (renal factor %s)"), m, unit, factor);
    }
  kv (s, _("Applicable maximum"), limit_text);
  kv (s, _("Plan status"), self->doc->final ? _("final") : _("draft"));
  g_string_truncate (s, s->len - 1);
  _titrate_report_add_text (self, s->str, SUMMARY_BODY, 0, 4);

  /* Steps, one line each, with tab stops. */
  {
    g_autofree char *header = g_markup_printf_escaped ("<b>%s\t%s\t%s\t%s\t%s</b>", _("Day"), _("Date"), _("Phase"),
                                                       _("Doses"), _("Daily total"));
    g_string_append (steps, header);
  }
  for (guint i = 0; i < r->steps->len; i++)
    {
      const TitrateStep *st = &g_array_index (r->steps, TitrateStep, i);
      g_autofree char *doses = step_doses (st, r->route);
      g_autofree char *total = titrate_format_dose (titrate_step_is_stopped (st) ? 0 : titrate_step_daily_total (st),
                                                       unit);
      char date[16] = "—";
      g_autofree char *line = NULL;

      if (g_date_valid (&r->start_date))
        {
          GDate d = r->start_date;

          g_date_add_days (&d, (guint) st->day - 1);
          g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
        }
      line = g_markup_printf_escaped ("\n%d\t%s\t%s\t%s\t%s", st->day, date,
                                      titrate_phase_to_label (titrate_regimen_step_phase (r, i)), doses, total);
      g_string_append (steps, line);
    }
  _titrate_report_add_text (self, steps->str, SUMMARY_BODY, FLAG_TABS, 8);
}

static void
add_alerts_section (TitrateReport *self)
{
  guint counts[TITRATE_N_SEVERITIES] = { 0 };
  g_autofree char *heading = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(GString) count_line = g_string_new (NULL);

  for (guint i = 0; i < self->alerts->len; i++)
    counts[((TitrateAlert *) g_ptr_array_index (self->alerts, i))->severity]++;

  heading = g_strdup_printf (_("Alerts (%u)"), self->alerts->len);
  _titrate_report_add_heading (self, heading, SUMMARY_H1, 12);

  if (self->alerts->len == 0)
    {
      markup = g_markup_escape_text (_("Checked against the rules database: no alerts."), -1);
      _titrate_report_add_text (self, markup, SUMMARY_BODY, 0, 4);
      return;
    }
  for (int sev = TITRATE_N_SEVERITIES - 1; sev >= 0; sev--)
    g_string_append_printf (count_line, "%s%s %u", sev < TITRATE_N_SEVERITIES - 1 ? ", " : "",
                            titrate_severity_to_label (sev), counts[sev]);
  markup = g_markup_escape_text (count_line->str, -1);
  _titrate_report_add_text (self, markup, SUMMARY_BODY, 0, 4);

  for (guint i = 0; i < self->alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (self->alerts, i);
      const TitrateAcknowledgement *ack = titrate_document_find_acknowledgement (self->doc, a);
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *head = NULL;
      g_autofree char *when = NULL;
      g_autofree char *severity = g_utf8_strup (titrate_severity_to_label (a->severity), -1);

      if (a->day > 0 && g_date_valid (&self->plan->regimen->start_date))
        {
          GDate d = self->plan->regimen->start_date;
          char buf[16];

          g_date_add_days (&d, (guint) a->day - 1);
          g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
          when = g_strdup_printf (_(" · from day %d (%s)"), a->day, buf);
        }
      else if (a->day > 0)
        when = g_strdup_printf (_(" · from day %d"), a->day);

      /* no rule code: the title names the alert for a reader */
      head = g_markup_printf_escaped ("<b>%s</b> · %s%s\n<b>%s</b>\n", severity,
                                      titrate_category_to_label (a->category), when ? when : "", a->title);
      g_string_append (s, head);
      {
        g_autofree char *reason = g_markup_printf_escaped ("<b>%s</b> %s\n<b>%s</b> %s\n<b>%s</b> %s (%s %s)",
                                                           _("Reason:"), a->reason, _("Action:"), a->action,
                                                           _("Source:"), a->source, _("evidence"),
                                                           a->evidence ? a->evidence : "—");
        g_string_append (s, reason);
      }
      if (ack != NULL)
        {
          g_autofree char *line = g_markup_printf_escaped ("\n<b>%s</b> %s%s%s%s", _("Acknowledged:"),
                                                           ack->reason ? ack->reason : "",
                                                           ack->date ? " (" : "", ack->date ? ack->date : "",
                                                           ack->date ? ")" : "");
          g_string_append (s, line);
        }
      else if (a->severity >= TITRATE_SEVERITY_MAJOR)
        {
          g_autofree char *line = g_markup_printf_escaped ("\n<b>%s</b>", _("Not acknowledged."));
          g_string_append (s, line);
        }
      _titrate_report_add_text (self, s->str, SUMMARY_BODY, FLAG_FRAME | FLAG_KEEP_TOGETHER, 6);
    }
}

void
_titrate_report_build_summary (TitrateReport *self)
{
  g_autoptr(GPtrArray) counselling = _titrate_export_counselling (self->rules, self->doc);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *generated = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = _titrate_report_dup_title (self);

  _titrate_report_add_heading (self, title, SUMMARY_TITLE, 0);
  generated = g_date_time_format (now, "%Y-%m-%d %H:%M");
  markup = g_markup_printf_escaped ("%s\n%s %s", _("Decision support, not a prescription: every alert states its "
                                                   "reason and source; the prescriber decides."),
                                    _("Generated"), generated);
  _titrate_report_add_text (self, markup, SUMMARY_BODY, 0, 4);

  add_patient_section (self);
  add_regimen_section (self);
  {
    g_autofree char *pump = _titrate_export_pump_arithmetic (self->rules, self->plan->regimen);

    if (pump != NULL)
      {
        _titrate_report_add_heading (self, _("Pump reservoir arithmetic"), SUMMARY_H1, 12);
        _titrate_report_add_text (self, pump, SUMMARY_BODY, 0, 4);
      }
  }
  add_alerts_section (self);

  _titrate_report_add_heading (self, _("Counselling points on the patient handout"), SUMMARY_H1, 12);
  g_clear_pointer (&markup, g_free);
  if (counselling->len == 0)
    markup = g_markup_escape_text (_("none"), -1);
  else
    {
      for (guint i = 0; i < counselling->len; i++)
        {
          const TitrateCounselling *c = g_ptr_array_index (counselling, i);
          g_autofree char *line = g_markup_printf_escaped ("%s• %s (%s)", i ? "\n" : "", c->topic, c->source);

          g_string_append (s, line);
        }
      markup = g_strdup (s->str);
    }
  _titrate_report_add_text (self, markup, SUMMARY_BODY, 0, 4);

  _titrate_report_add_heading (self, _("Rules database"), SUMMARY_H1, 12);
  g_string_truncate (s, 0);
  kv (s, _("Title"), titrate_rules_get_title (self->rules));
  kv (s, _("Content version"), titrate_rules_get_content_version (self->rules));
  kv (s, _("Content date"), titrate_rules_get_content_date (self->rules));
  {
    g_autofree char *schema = g_strdup_printf ("%d", titrate_rules_get_schema_version (self->rules));
    kv (s, _("Schema version"), schema);
  }
  kv (s, _("Origin"), g_strcmp0 (titrate_rules_get_origin (self->rules), "embedded") == 0
                      ? _("embedded in Titrate") : titrate_rules_get_origin (self->rules));
  g_string_truncate (s, s->len - 1);
  _titrate_report_add_text (self, s->str, SUMMARY_BODY, 0, 4);

  _titrate_report_add_heading (self, _("Prescriber"), SUMMARY_H1, 14);
  _titrate_report_add_field (self, _("Name"), 2);
  _titrate_report_add_field (self, _("Signature"), 2);
  _titrate_report_add_field (self, _("Date"), 2);
}
