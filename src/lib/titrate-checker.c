/* titrate-checker.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "titrate-checker.h"
#include "titrate-drug-names.h"
#include "titrate-error.h"
#include "titrate-format.h"
#include "titrate-pump.h"
#include "titrate-rules-private.h"
#include "titrate-units.h"

#define EPSILON 1e-9
#define MAX_WALK 512   /* steps examined before a stop (array bound, not clinical) */

/* The checker reads only the typed rows loaded at open: no SQL on the
 * per-keystroke path. Every alert's text comes from its rule row; the checker
 * adds the trigger (the patient or plan value that raised it). */

typedef struct {
  TitrateRules             *rules;
  const TitrateRuleTables  *t;
  const char               *medicine;     /* interned; selects the rows */
  const TitratePatient     *p;
  const TitrateRegimen     *r;
  GPtrArray                *alerts;
  TitrateRenal              renal;
  gboolean                  continuing;   /* the patient already takes this medicine at the first step's dose */
  double                    age;          /* NAN if unknown */
  double                    rule_age;     /* age used to pick rows: adult if unknown */
  double                    peak;         /* highest daily total (mg or mcg) */
  int                       peak_day;
  double                    first_total;  /* first dosing step's daily total */
  int                       first_day;
} Check;

/* Helpers */

/* A rules database text put into a trigger: its English original while the
 * untranslated triggers are computed (add_untranslated_triggers()). */
#define DB(text) _titrate_rules_trigger_text (c->rules, (text))

/* The title of @alert as the rules database holds it (for DB()). */
static const char *
rule_title (Check              *c,
            const TitrateAlert *alert)
{
  const TitrateRuleText *rule = _titrate_rules_medicine_rule (c->rules, c->medicine, alert->code);

  if (rule == NULL)
    rule = titrate_rules_get_rule (c->rules, alert->code);
  return rule != NULL && g_strcmp0 (rule->title, alert->title) == 0 ? rule->title : alert->title;
}

/* Numbers in alert texts follow the user's locale ("7,5 mg" in French). */
static char *
fmt (double value)
{
  return titrate_format_amount_display (value);
}

static TitrateAlert *
find_alert (Check      *c,
            const char *code)
{
  for (guint i = 0; i < c->alerts->len; i++)
    {
      TitrateAlert *a = g_ptr_array_index (c->alerts, i);

      if (strcmp (a->code, code) == 0)
        return a;
    }
  return NULL;
}

static void
raise_rule (Check                 *c,
            const TitrateRuleText *rule,
            int                    day,
            const char            *trigger)
{
  g_assert (rule != NULL);

  /* One alert per rule; the first raise (earliest day) wins. */
  if (find_alert (c, rule->code) != NULL)
    return;
  g_ptr_array_add (c->alerts,
                   titrate_alert_new (rule->code, rule->category, rule->severity, rule->title,
                                      trigger, rule->reason, rule->action, rule->source,
                                      rule->evidence, day));
}

static void raise_code (Check      *c,
                        const char *code,
                        int         day,
                        const char *format,
                        ...) G_GNUC_PRINTF (4, 5);

static void
raise_code (Check      *c,
            const char *code,
            int         day,
            const char *format,
            ...)
{
  /* The medicine's own rule at this checkpoint (table medicine_rule), so a
   * second medicine raises its own text; else the code itself. */
  const TitrateRuleText *rule = _titrate_rules_medicine_rule (c->rules, c->medicine, code);
  g_autofree char *trigger = NULL;
  va_list args;

  if (rule == NULL)
    rule = titrate_rules_get_rule (c->rules, code);
  /* Required codes are validated at open, so a miss here is a programming error. */
  g_return_if_fail (rule != NULL);
  if (find_alert (c, rule->code) != NULL)
    return;

  va_start (args, format);
  trigger = g_strdup_vprintf (format, args);
  va_end (args);
  raise_rule (c, rule, day, trigger);
}

static gboolean
route_matches (int          row_route,
               TitrateRoute route)
{
  return row_route < 0 || row_route == (int) route;
}

static gboolean
in_age (double age,
        double min,
        double max)
{
  return age >= min && age < max;
}

static const TitrateStep *
step_at (const TitrateRegimen *r,
         guint                 i)
{
  return &g_array_index (r->steps, TitrateStep, i);
}

static gboolean
is_infusion (const TitrateStep *s)
{
  return isnan (s->bolus_mcg);
}

static const TitrateRenalBandRow *
renal_band (Check *c)
{
  if (isnan (c->renal.function_ml_min))
    return NULL;
  for (guint i = 0; i < c->t->renal_bands->len; i++)
    {
      const TitrateRenalBandRow *b = &g_array_index (c->t->renal_bands, TitrateRenalBandRow, i);

      if (b->medicine == c->medicine && c->renal.function_ml_min >= b->crcl_min && c->renal.function_ml_min < b->crcl_max)
        return b;
    }
  return NULL;
}

/* The renal value the bands used, with its basis and why it was chosen. */
static char *
renal_text (Check *c)
{
  const TitrateRenal *rn = &c->renal;

  switch (rn->function_basis)
    {
    case TITRATE_RENAL_FUNCTION_CRCL:
      {
        g_autofree char *v = fmt (titrate_renal_estimate_shown (rn->crcl_ml_min, rn->crcl_basis));
        return g_strdup_printf (_("CrCl %s mL/min (%s)"), v, titrate_renal_basis_to_label (rn->crcl_basis));
      }
    case TITRATE_RENAL_FUNCTION_EGFR_DEINDEXED:
      {
        g_autofree char *e = fmt (titrate_renal_estimate_shown (rn->egfr_ml_min_1_73m2, rn->egfr_basis));
        g_autofree char *v = fmt (titrate_renal_estimate_shown (rn->function_ml_min, TITRATE_RENAL_BASIS_NONE));
        g_autofree char *bsa = fmt (floor (rn->bsa_m2 * 100 + 1e-9) / 100);
        return g_strdup_printf (_("eGFR %s mL/min/1.73 m² (%s) = %s mL/min for a body-surface area of %s m² "
                                  "(Mosteller), used because CrCl is not available (%s)"),
                                e, titrate_renal_basis_to_label (rn->egfr_basis), v, bsa,
                                rn->crcl_note ? _(rn->crcl_note) : _("not entered"));
      }
    case TITRATE_RENAL_FUNCTION_EGFR_INDEXED:
      {
        g_autofree char *e = fmt (titrate_renal_estimate_shown (rn->egfr_ml_min_1_73m2, rn->egfr_basis));
        return g_strdup_printf (_("eGFR %s mL/min/1.73 m² (%s), not de-indexed (no height or weight), used "
                                  "because CrCl is not available (%s)"),
                                e, titrate_renal_basis_to_label (rn->egfr_basis), rn->crcl_note ? _(rn->crcl_note) : _("not entered"));
      }
    case TITRATE_RENAL_FUNCTION_NONE:
    default:
      return g_strdup (_("renal function not known"));
    }
}

/* Whether the Beers 2023 eGFR rule applies; *renal_out describes the value. */
static gboolean
beers_applies (Check  *c,
               char  **renal_out)
{
  const TitrateThresholdRow *beers_age = _titrate_rules_threshold (c->rules, c->medicine, "beers_age");
  const TitrateThresholdRow *beers_egfr = _titrate_rules_threshold (c->rules, c->medicine, "beers_egfr");
  double gfr = c->renal.egfr_ml_min_1_73m2;
  TitrateRenalBasis basis = c->renal.egfr_basis;
  gboolean uses_egfr = TRUE;

  if (!_titrate_threshold_fires (beers_age, c->age) || c->r->route != TITRATE_ROUTE_ORAL)
    return FALSE;

  /* Beers uses eGFR; an entered CrCl stands in when no eGFR is known. */
  if (isnan (gfr))
    {
      gfr = c->renal.crcl_ml_min;
      basis = c->renal.crcl_basis;
      uses_egfr = FALSE;
    }
  if (!c->p->dialysis && !_titrate_threshold_fires (beers_egfr, gfr))
    return FALSE;

  if (renal_out != NULL)
    {
      g_autofree char *g = fmt (titrate_renal_estimate_shown (gfr, basis));

      if (c->p->dialysis)
        *renal_out = g_strdup (_("on dialysis"));
      else if (uses_egfr)
        *renal_out = g_strdup_printf (_("eGFR %s mL/min/1.73 m² (%s)"), g, titrate_renal_basis_to_label (basis));
      else
        *renal_out = g_strdup_printf (_("CrCl %s mL/min (%s)"), g, titrate_renal_basis_to_label (basis));
    }
  return TRUE;
}

static void
raise_rule_at (Check                 *c,
               const TitrateRuleText *rule,
               TitrateSeverity        severity,
               int                    day,
               const char            *trigger)
{
  if (find_alert (c, rule->code) != NULL)
    return;
  g_ptr_array_add (c->alerts,
                   titrate_alert_new (rule->code, rule->category, severity, rule->title,
                                      trigger, rule->reason, rule->action, rule->source,
                                      rule->evidence, day));
}

static const TitrateTitrationLimitRow *
titration_limit (Check               *c,
                 TitrateTitrationKind kind)
{
  for (guint i = 0; i < c->t->titration_limits->len; i++)
    {
      const TitrateTitrationLimitRow *row = &g_array_index (c->t->titration_limits, TitrateTitrationLimitRow, i);

      if (row->medicine == c->medicine && row->kind == kind && g_strcmp0 (row->indication, c->r->indication) == 0 &&
          in_age (c->rule_age, row->age_min_years, row->age_max_years))
        return row;
    }
  return NULL;
}

/* The lowest unadjusted label maximum (mg/day or mcg/day) for this patient. */
static double
label_limit (Check       *c,
             const char **rule_code)
{
  double best = NAN;

  for (guint i = 0; i < c->t->dose_limits->len; i++)
    {
      const TitrateDoseLimitRow *row = &g_array_index (c->t->dose_limits, TitrateDoseLimitRow, i);
      double value = NAN;

      if (row->medicine != c->medicine || row->route != c->r->route ||
          (row->indication && g_strcmp0 (row->indication, c->r->indication) != 0) ||
          !in_age (c->rule_age, row->age_min_years, row->age_max_years))
        continue;
      if (row->limit_kind != TITRATE_DOSE_LIMIT_LABEL_MAX && row->limit_kind != TITRATE_DOSE_LIMIT_SOFT)
        continue;
      if (c->r->route == TITRATE_ROUTE_INTRATHECAL)
        value = row->max_daily_mcg;
      else if (!isnan (row->max_daily_mg))
        value = row->max_daily_mg;
      else if (!isnan (row->max_mg_per_kg_day) && !isnan (c->p->weight_kg))
        value = row->max_mg_per_kg_day * c->p->weight_kg;
      if (!isnan (value) && (isnan (best) || value < best))
        {
          best = value;
          if (rule_code)
            *rule_code = row->rule->code;
        }
    }
  return best;
}

/* Input */

/* A condition code as typed or stored, matched regardless of case and
 * surrounding spaces. (transfer none) the vocabulary code, or NULL. */
static const char *
known_condition (Check      *c,
                 const char *code,
                 const char **label)
{
  g_autoptr(GPtrArray) vocab = titrate_rules_list_conditions (c->rules);
  g_autofree char *trimmed = code ? g_strstrip (g_strdup (code)) : NULL;

  for (guint i = 0; trimmed != NULL && i < vocab->len; i++)
    {
      const TitrateVocabItem *item = g_ptr_array_index (vocab, i);

      if (g_ascii_strcasecmp (item->code, trimmed) == 0)
        {
          if (label != NULL)
            *label = item->label;
          return item->code;
        }
    }
  return NULL;
}

/* Amounts in input alerts: a value too small for the display format is
 * shown as typed, never rounded to zero. */
static char *
fmt_exact (double value)
{
  char *shown = fmt (value);
  g_autofree char *zero = fmt (0);

  if (value != 0 && strcmp (shown, zero) == 0)
    {
      g_free (shown);
      shown = g_strdup_printf ("%g", value);
    }
  return shown;
}

static gboolean
has_doses (Check *c)
{
  for (guint i = 0; i < c->r->steps->len; i++)
    {
      const TitrateStep *s = step_at (c->r, i);

      if (titrate_step_daily_total (s) > 0 || (!isnan (s->bolus_mcg) && s->bolus_mcg > 0))
        return TRUE;
    }
  return FALSE;
}

static void
check_input (Check *c)
{
  const TitrateFormulation *f = titrate_rules_get_formulation (c->rules, c->r->formulation);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);

  if (isnan (c->age))
    raise_code (c, "input.age_missing", 0, _("Age not entered"));

  if (c->r->indication == NULL || !titrate_rules_has_indication (c->rules, c->r->indication, c->r->route))
    raise_code (c, "input.unknown_indication", 0, _("Indication “%s” for %s %s"),
                c->r->indication ? c->r->indication : _("(none)"), titrate_route_to_label (c->r->route),
                DB (_titrate_rules_medicine_label (c->rules, c->medicine)));

  /* Every unknown code is named, in one alert. */
  for (guint i = 0; i < c->p->conditions->len; i++)
    {
      const char *code = g_ptr_array_index (c->p->conditions, i);

      if (code != NULL && known_condition (c, code, NULL) == NULL)
        g_ptr_array_add (unknown, g_strdup_printf (_("“%s”"), code));
    }
  if (unknown->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (unknown, NULL);
      list = g_strjoinv (", ", (char **) unknown->pdata);
      raise_code (c, "input.unknown_condition", 0,
                  ngettext ("Condition %s is not in the rules vocabulary",
                            "Conditions %s are not in the rules vocabulary", unknown->len - 1),
                  list);
    }

  if (c->renal.creatinine_implausible)
    {
      gboolean umol = c->p->creatinine_unit == TITRATE_CREATININE_UMOL_L;
      const TitrateThresholdRow *row = _titrate_rules_threshold (c->rules, c->medicine,
                                                                 umol ? "creatinine_umol_l_low" : "creatinine_mg_dl_high");
      g_autofree char *v = fmt (c->p->serum_creatinine);
      g_autofree char *lim = fmt (row->value);
      g_autofree char *trigger = g_strdup_printf (umol ? _("Serum creatinine %s µmol/L, below %s µmol/L: looks like mg/dL; "
                                                           "not used for CrCl or eGFR")
                                                       : _("Serum creatinine %s mg/dL, above %s mg/dL: looks like µmol/L; "
                                                           "not used for CrCl or eGFR"), v, lim);
      raise_rule (c, row->rule, 0, trigger);
    }

  /* Only oral rules use renal function (bands, dialysis, Beers): an
   * intrathecal plan is not told that it is missing. */
  if (isnan (c->renal.function_ml_min) && !c->p->dialysis && c->r->route == TITRATE_ROUTE_ORAL)
    raise_code (c, "input.renal_not_assessed", 0, _("CrCl not available (%s)"),
                c->renal.crcl_note ? _(c->renal.crcl_note) : _("not entered"));

  if (_titrate_band_contains (_titrate_rules_band (c->rules, c->medicine, "child"), c->age) &&
      isnan (c->p->weight_kg))
    {
      g_autofree char *age = fmt (c->age);
      raise_code (c, "input.weight_missing_child", 0, _("Age %s years, weight not entered"), age);
    }

  /* A weight above the band the database holds plausible for the age (a
   * weight in pounds typed as kg, a misplaced decimal) raises every mg/kg
   * limit with it, so it is questioned here too, not only in the form. A
   * weight below the band only lowers those limits, and many children with
   * cerebral palsy are below it: the form asks, the checker does not. */
  {
    double min_kg, max_kg;

    if (!isnan (c->p->weight_kg) && !isnan (c->p->age_years) &&
        titrate_rules_get_plausible_weight_kg (c->rules, c->p->age_years, &min_kg, &max_kg) &&
        c->p->weight_kg > max_kg)
      {
        g_autofree char *w = fmt (c->p->weight_kg);
        g_autofree char *a = fmt (c->p->age_years);
        g_autofree char *lo = fmt (min_kg);
        g_autofree char *hi = fmt (max_kg);

        raise_code (c, "input.weight_implausible", 0,
                    _("Weight %s kg at %s years (expected %s–%s kg at this age)"), w, a, lo, hi);
      }
  }

  if (c->r->route == TITRATE_ROUTE_INTRATHECAL && c->r->spasticity_origin == TITRATE_ORIGIN_UNSET)
    raise_code (c, "input.it_origin_missing", 0, _("Spasticity origin (spinal or cerebral) not set"));

  if (!has_doses (c))
    raise_code (c, "input.regimen_no_doses", 0, "%s",
                c->r->steps->len == 0 ? _("The plan has no dosing steps")
                                      : _("Every dose in the plan is zero"));

  if (c->p->sex == TITRATE_SEX_MALE && (c->p->pregnant || c->p->breastfeeding))
    raise_code (c, "input.sex_pregnancy_mismatch", 0, "%s",
                c->p->pregnant && c->p->breastfeeding ? _("Sex male; pregnant and breastfeeding")
                : c->p->pregnant ? _("Sex male; pregnant") : _("Sex male; breastfeeding"));

  if (c->r->route == TITRATE_ROUTE_ORAL && f != NULL && f->route == TITRATE_ROUTE_ORAL)
    {
      gboolean liquid = f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML;
      double strength = liquid ? c->r->concentration_mg_per_ml : c->r->strength_mg;

      if (liquid && (isnan (strength) || strength <= 0))
        raise_code (c, "input.liquid_concentration_missing", 0, _("%s, concentration not given"), DB (f->label));
      else if (!isnan (strength) && titrate_rules_get_strength (c->rules, f->code, strength) == NULL)
        {
          g_autofree char *value = fmt_exact (strength);

          if (liquid)
            raise_code (c, "input.strength_not_marketed", 0, _("%s, %s mg/mL"), DB (f->label), value);
          else
            raise_code (c, "input.strength_not_marketed", 0, _("%s, %s mg"), DB (f->label), value);
        }
    }
}

/* Route and formulation */

static void
check_route (Check *c)
{
  const TitrateFormulation *f = titrate_rules_get_formulation (c->rules, c->r->formulation);

  if (f != NULL && f->route != c->r->route)
    raise_code (c, "route.formulation_mismatch", 0, _("Formulation “%s” is for %s use; the regimen route is %s"),
                DB (f->label), titrate_route_to_label (f->route), titrate_route_to_label (c->r->route));

  if (c->r->route == TITRATE_ROUTE_INTRATHECAL && !isnan (c->r->concentration_mcg_per_ml) &&
      titrate_rules_get_strength (c->rules, "intrathecal_solution", c->r->concentration_mcg_per_ml) == NULL)
    {
      g_autofree char *conc = fmt (c->r->concentration_mcg_per_ml);
      raise_code (c, "route.it_concentration", 0, _("Concentration %s mcg/mL"), conc);
    }

  if (c->r->route == TITRATE_ROUTE_ORAL && f != NULL && f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML)
    {
      g_autofree char *conc = fmt (c->r->concentration_mg_per_ml);

      /* No concentration: also input.liquid_concentration_missing. */
      if (isnan (c->r->concentration_mg_per_ml))
        /* Translators: %s is a formulation, e.g. "Oral solution" */
        raise_code (c, "route.oral_liquid", 0, _("%s, concentration not given"), DB (f->label));
      else
        raise_code (c, "route.oral_liquid", 0, _("%s, %s mg/mL"), DB (f->label), conc);
    }
}

/* Dose limits */

static int
first_day_above (Check  *c,
                 double  value)
{
  for (guint i = 0; i < c->r->steps->len; i++)
    {
      const TitrateStep *s = step_at (c->r, i);

      if (is_infusion (s) && titrate_step_daily_total (s) > value + EPSILON)
        return s->day;
    }
  return 0;
}

static void
check_dose_limits (Check *c)
{
  const TitrateDoseLimitRow *worst_daily = NULL;
  double worst_value = NAN;
  const char *unit = titrate_route_unit (c->r->route);
  g_autofree char *peak = fmt (c->peak);

  if (c->peak <= 0)
    return;

  for (guint i = 0; i < c->t->dose_limits->len; i++)
    {
      const TitrateDoseLimitRow *row = &g_array_index (c->t->dose_limits, TitrateDoseLimitRow, i);
      double max = c->r->route == TITRATE_ROUTE_ORAL ? row->max_daily_mg : row->max_daily_mcg;

      if (row->medicine != c->medicine || row->route != c->r->route ||
          (row->indication && g_strcmp0 (row->indication, c->r->indication) != 0) ||
          !in_age (c->rule_age, row->age_min_years, row->age_max_years))
        continue;

      if (!isnan (max) && c->peak > max + EPSILON)
        {
          /* Several tiers may be passed (80 and 120 mg/day): show the most severe only. */
          if (worst_daily == NULL || row->rule->severity > worst_daily->rule->severity)
            {
              worst_daily = row;
              worst_value = max;
            }
        }

      if (!isnan (row->max_mg_per_kg_day) && !isnan (c->p->weight_kg) && c->p->weight_kg > 0)
        {
          double per_kg = c->peak / c->p->weight_kg;

          if (per_kg > row->max_mg_per_kg_day + EPSILON)
            {
              g_autofree char *pk = fmt (per_kg);
              g_autofree char *w = fmt (c->p->weight_kg);
              g_autofree char *lim = fmt (row->max_mg_per_kg_day);
              g_autofree char *trigger = g_strdup_printf (_("Plan peaks at %s mg/day = %s mg/kg/day for %s kg "
                                                          "(limit %s mg/kg/day)"), peak, pk, w, lim);
              raise_rule (c, row->rule, first_day_above (c, row->max_mg_per_kg_day * c->p->weight_kg), trigger);
            }
        }
    }

  if (worst_daily != NULL)
    {
      g_autofree char *lim = fmt (worst_value);
      g_autofree char *trigger = g_strdup_printf (_("Plan peaks at %s %s/day from day %d (limit %s %s/day)"),
                                                  peak, unit, c->peak_day, lim, unit);
      raise_rule (c, worst_daily->rule, first_day_above (c, worst_value), trigger);
    }
}

static void
check_measurable (Check *c)
{
  g_autofree char *unit_name = NULL;

  if (c->r->route != TITRATE_ROUTE_ORAL)
    return;
  unit_name = titrate_planner_unit_name (c->rules, c->r);
  if (unit_name == NULL)
    return;   /* no strength chosen: nothing to measure against */

  /* Doses only change at step boundaries. */
  for (guint i = 0; i < c->r->steps->len; i++)
    {
      const TitrateStep *s = step_at (c->r, i);

      for (guint d = 0; d < s->n_doses; d++)
        {
          double units;

          if (s->doses_mg[d] <= 0 || titrate_planner_units (c->rules, c->r, s->doses_mg[d], &units))
            continue;
          {
            g_autofree char *dose = fmt (s->doses_mg[d]);
            g_autofree char *u = fmt (round (units * 1000) / 1000);

            raise_code (c, "dose.unmeasurable", s->day, _("Day %d: %s mg = %s %s"), s->day, dose, u, unit_name);
            return;
          }
        }
    }
}

static void
check_intrathecal_doses (Check *c)
{
  double max_allowed = 0;
  const TitrateThresholdRow *conc_row = _titrate_rules_threshold (c->rules, c->medicine, "screening_concentration");

  if (c->r->route != TITRATE_ROUTE_INTRATHECAL)
    return;

  for (guint i = 0; i < c->t->screening->len; i++)
    if (g_array_index (c->t->screening, TitrateScreeningRow, i).medicine == c->medicine)
      max_allowed = MAX (max_allowed, g_array_index (c->t->screening, TitrateScreeningRow, i).bolus_mcg);

  for (guint i = 0; i < c->r->steps->len; i++)
    {
      const TitrateStep *s = step_at (c->r, i);
      gboolean listed = FALSE;
      g_autofree char *bolus = NULL;

      if (isnan (s->bolus_mcg) || s->bolus_mcg <= 0)
        continue;
      bolus = fmt (s->bolus_mcg);

      for (guint k = 0; k < c->t->screening->len; k++)
        {
          const TitrateScreeningRow *row = &g_array_index (c->t->screening, TitrateScreeningRow, k);

          if (row->medicine == c->medicine && fabs (row->bolus_mcg - s->bolus_mcg) < EPSILON &&
              c->rule_age < row->age_max_years)
            listed = TRUE;
        }

      if (s->bolus_mcg > max_allowed + EPSILON)
        raise_code (c, "dose.it.bolus_above_100", s->day, _("Day %d: screening bolus %s mcg"), s->day, bolus);
      else if (!listed)
        raise_code (c, "dose.it.bolus_not_screening", s->day, _("Day %d: bolus %s mcg"), s->day, bolus);

      if (_titrate_threshold_fires (conc_row, c->r->concentration_mcg_per_ml))
        {
          g_autofree char *conc = fmt (c->r->concentration_mcg_per_ml);
          g_autofree char *want = fmt (conc_row->value);
          g_autofree char *trigger = g_strdup_printf (_("Day %d: bolus from %s mcg/mL (screening solution %s mcg/mL)"),
                                                      s->day, conc, want);
          raise_rule (c, conc_row->rule, s->day, trigger);
        }
    }
}

/* Titration speed */

/* TRUE when the first dosing step is the plan's peak and a later step is
 * lower: the patient is already on this dose and the plan tapers it. */
static gboolean
continues_existing (Check *c)
{
  gboolean lower_later = FALSE;

  for (guint i = 0; i < c->r->steps->len; i++)
    {
      const TitrateStep *s = step_at (c->r, i);

      if (s->day > c->first_day && is_infusion (s) &&
          titrate_step_daily_total (s) < c->first_total - EPSILON)
        lower_later = TRUE;
    }
  return lower_later && c->peak <= c->first_total + EPSILON;
}

/* Oral titration. Several rows of one kind are alternative sourced schemes:
 * a step within any of them does not alert; the alert names them all. */

static gboolean
row_applies (Check                          *c,
             const TitrateTitrationLimitRow *row,
             TitrateTitrationKind            kind)
{
  return row->medicine == c->medicine && row->kind == kind &&
         g_strcmp0 (row->indication, c->r->indication) == 0 &&
         in_age (c->rule_age, row->age_min_years, row->age_max_years);
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

static double
max_dose (const TitrateStep *s)
{
  double m = 0;

  for (guint i = 0; i < s->n_doses; i++)
    m = MAX (m, s->doses_mg[i]);
  return m;
}

/* Within a per-dose scheme: the same number of doses, each raised by at most
 * @limit mg (doses compared largest first), or one dose added that is no
 * larger than the current ones while none is raised (20 mg three times a day
 * → 20 mg four times a day). */
static gboolean
within_dose_step (const TitrateStep *prev,
                  const TitrateStep *s,
                  double             limit)
{
  double a[TITRATE_MAX_DOSES_PER_DAY] = { 0 }, b[TITRATE_MAX_DOSES_PER_DAY] = { 0 };

  memcpy (a, prev->doses_mg, prev->n_doses * sizeof (double));
  memcpy (b, s->doses_mg, s->n_doses * sizeof (double));
  qsort (a, prev->n_doses, sizeof (double), compare_desc);
  qsort (b, s->n_doses, sizeof (double), compare_desc);

  if (s->n_doses == prev->n_doses)
    {
      for (guint i = 0; i < s->n_doses; i++)
        if (b[i] - a[i] > limit + EPSILON)
          return FALSE;
      return TRUE;
    }
  if (s->n_doses == prev->n_doses + 1 && prev->n_doses > 0)
    {
      for (guint i = 0; i < prev->n_doses; i++)
        if (b[i] > a[i] + EPSILON)
          return FALSE;
      return b[s->n_doses - 1] <= a[prev->n_doses - 1] + EPSILON;
    }
  return FALSE;
}

static char *
schemes_text (Check *c)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < c->t->titration_limits->len; i++)
    {
      const TitrateTitrationLimitRow *row = &g_array_index (c->t->titration_limits, TitrateTitrationLimitRow, i);
      g_autofree char *v = NULL;

      if (!row_applies (c, row, row->kind) ||
          (row->kind != TITRATE_TITRATION_STEP_DAILY_MG && row->kind != TITRATE_TITRATION_STEP_DOSE_MG))
        continue;
      v = fmt (row->value);
      if (out->len > 0)
        g_string_append (out, _(" or "));
      if (row->kind == TITRATE_TITRATION_STEP_DAILY_MG)
        g_string_append_printf (out, _("+%s mg/day"), v);
      else
        g_string_append_printf (out, _("+%s mg per dose"), v);
      if (row->source)
        g_string_append_printf (out, " (%s)", row->source);
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  int    day;
  double from;
  double to;
  int    gap;
} Offence;

/* "also day 4 (+20 mg/day), day 7 (+20 mg/day)" for the offences other than @worst. */
static char *
others_text (GArray     *offences,
             guint       worst,
             gboolean    gaps)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < offences->len; i++)
    {
      const Offence *o = &g_array_index (offences, Offence, i);

      if (i == worst)
        continue;
      g_string_append (out, out->len ? ", " : "");
      if (gaps)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "day %d (%d day after the last)",
                                                  "day %d (%d days after the last)", o->gap), o->day, o->gap);
      else
        {
          g_autofree char *d = fmt (o->to - o->from);
          g_string_append_printf (out, _("day %d (+%s mg/day)"), o->day, d);
        }
    }
  if (out->len == 0)
    return g_string_free (out, TRUE), g_strdup ("");
  {
    char *text = g_strdup_printf (ngettext ("; also %s", "; also %s", offences->len - 1), out->str);
    g_string_free (out, TRUE);
    return text;
  }
}

static void
check_oral_titration (Check *c)
{
  const TitrateTitrationLimitRow *start = titration_limit (c, TITRATE_TITRATION_START_DAILY_MG);
  const TitrateTitrationLimitRow *interval = NULL;
  const TitrateRuleText *step_rule = NULL;
  const TitrateAdjustmentRow *elderly = NULL;
  g_autoptr(GArray) big = g_array_new (FALSE, TRUE, sizeof (Offence));
  g_autoptr(GArray) fast = g_array_new (FALSE, TRUE, sizeof (Offence));
  g_autoptr(GArray) slow_elderly = g_array_new (FALSE, TRUE, sizeof (Offence));
  const TitrateStep *prev = NULL;
  TitrateStep current;
  double label_max = label_limit (c, NULL);
  const TitrateThresholdRow *at_max = _titrate_rules_threshold (c->rules, c->medicine, "start_at_maximum");

  if (_titrate_threshold_fires (_titrate_rules_threshold (c->rules, c->medicine, "cautious_titration_age"), c->age))
    elderly = _titrate_rules_get_adjustment (c->rules, c->medicine, "elderly");

  /* The shortest sourced interval applies (alternatives: the most lenient). */
  for (guint i = 0; i < c->t->titration_limits->len; i++)
    {
      const TitrateTitrationLimitRow *row = &g_array_index (c->t->titration_limits, TitrateTitrationLimitRow, i);

      if (row_applies (c, row, TITRATE_TITRATION_INTERVAL_DAYS) && (interval == NULL || row->value < interval->value))
        interval = row;
      if ((row_applies (c, row, TITRATE_TITRATION_STEP_DAILY_MG) || row_applies (c, row, TITRATE_TITRATION_STEP_DOSE_MG)))
        step_rule = row->rule;
    }

  /* Start. A plan at or below what the patient already takes is a renewal. */
  if (c->first_day > 0 && !c->continuing && c->peak > c->first_total - EPSILON && !continues_existing (c))
    {
      double ratio = label_max > 0 ? c->first_total / label_max : NAN;
      g_autofree char *ft = fmt (c->first_total);

      if (_titrate_threshold_fires (at_max, ratio + EPSILON))
        {
          g_autofree char *lim = fmt (label_max);
          g_autofree char *trigger = g_strdup_printf (_("Day %d: starts at %s mg/day, the %s mg/day maximum"),
                                                      c->first_day, ft, lim);
          raise_rule (c, at_max->rule, c->first_day, trigger);
        }
      else if (start != NULL && c->first_total > start->value + EPSILON)
        {
          g_autofree char *lim = fmt (start->value);
          g_autofree char *trigger = g_strdup_printf (_("Starts at %s mg/day (label start %s mg/day)"), ft, lim);
          raise_rule (c, start->rule, c->first_day, trigger);
        }

      /* Children: weight-based start (alternatives: the most lenient applies). */
      if (!isnan (c->p->weight_kg) && c->p->weight_kg > 0)
        {
          const TitrateTitrationLimitRow *best = NULL;
          GString *limits = g_string_new (NULL);
          double per_kg = c->first_total / c->p->weight_kg;

          for (guint i = 0; i < c->t->titration_limits->len; i++)
            {
              const TitrateTitrationLimitRow *row = &g_array_index (c->t->titration_limits, TitrateTitrationLimitRow, i);
              g_autofree char *v = NULL;

              if (!row_applies (c, row, TITRATE_TITRATION_START_MG_PER_KG_DAY))
                continue;
              if (best == NULL || row->value > best->value)
                best = row;
              v = fmt (row->value);
              g_string_append_printf (limits, "%s%s mg/kg/day (%s)", limits->len ? _(" or ") : "", v,
                                      row->source ? row->source : "");
            }
          if (best != NULL && per_kg > best->value + EPSILON)
            {
              g_autofree char *pk = fmt (round (per_kg * 100) / 100);
              g_autofree char *w = fmt (c->p->weight_kg);
              g_autofree char *trigger = g_strdup_printf (_("Starts at %s mg/day = %s mg/kg/day for %s kg "
                                                          "(start about %s)"), ft, pk, w, limits->str);
              raise_rule (c, best->rule, c->first_day, trigger);
            }
          g_string_free (limits, TRUE);
        }
    }

  /* Steps. A known current dose is the baseline before the first step. */
  if (c->continuing || !isnan (c->p->current_daily_mg))
    {
      double cur = c->p->current_daily_mg;

      titrate_step_init_oral (&current, 0, &cur, 1);
      if (!isnan (cur))
        prev = &current;
    }

  for (guint i = 0; i < c->r->steps->len; i++)
    {
      const TitrateStep *s = step_at (c->r, i);
      double from, to;
      gboolean ok = FALSE, any_scheme = FALSE;
      Offence o;

      if (prev == NULL || titrate_step_is_stopped (prev))
        {
          prev = s;
          continue;
        }
      from = titrate_step_daily_total (prev);
      to = titrate_step_daily_total (s);
      o.day = s->day;
      o.from = from;
      o.to = to;
      o.gap = prev == &current ? -1 : s->day - prev->day;
      if (to <= from + EPSILON)
        {
          prev = s;
          continue;
        }

      for (guint k = 0; k < c->t->titration_limits->len && !ok; k++)
        {
          const TitrateTitrationLimitRow *row = &g_array_index (c->t->titration_limits, TitrateTitrationLimitRow, k);
          gboolean single = prev == &current;   /* the current dose's split is not known */

          if (row_applies (c, row, TITRATE_TITRATION_STEP_DAILY_MG))
            {
              any_scheme = TRUE;
              ok = to - from <= row->value + EPSILON;
            }
          else if (row_applies (c, row, TITRATE_TITRATION_STEP_DOSE_MG) && !single)
            {
              any_scheme = TRUE;
              ok = within_dose_step (prev, s, row->value);
            }
        }
      if (any_scheme && !ok)
        g_array_append_val (big, o);

      if (o.gap >= 0)
        {
          if (interval != NULL && o.gap < interval->value - EPSILON)
            g_array_append_val (fast, o);
          if (elderly != NULL && o.gap < elderly->min_step_every_days)
            g_array_append_val (slow_elderly, o);
        }
      prev = s;
    }

  if (big->len > 0 && step_rule != NULL)
    {
      guint worst = 0;
      g_autofree char *schemes = schemes_text (c);
      g_autofree char *others = NULL;
      g_autofree char *f = NULL, *t = NULL, *d = NULL, *trigger = NULL;
      const Offence *w;

      for (guint i = 1; i < big->len; i++)
        if (g_array_index (big, Offence, i).to - g_array_index (big, Offence, i).from >
            g_array_index (big, Offence, worst).to - g_array_index (big, Offence, worst).from + EPSILON)
          worst = i;
      w = &g_array_index (big, Offence, worst);
      others = others_text (big, worst, FALSE);
      f = fmt (w->from);
      t = fmt (w->to);
      d = fmt (w->to - w->from);
      trigger = g_strdup_printf (_("Day %d: %s → %s mg/day (+%s mg/day; label steps %s)%s"),
                                 w->day, f, t, d, schemes, others);
      raise_rule (c, step_rule, w->day, trigger);
    }

  if (fast->len > 0)
    {
      guint worst = 0;
      g_autofree char *others = NULL;
      g_autofree char *lim = fmt (interval->value);
      g_autofree char *trigger = NULL;
      const Offence *w;

      for (guint i = 1; i < fast->len; i++)
        if (g_array_index (fast, Offence, i).gap < g_array_index (fast, Offence, worst).gap)
          worst = i;
      w = &g_array_index (fast, Offence, worst);
      others = others_text (fast, worst, TRUE);
      trigger = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Day %d: step-up %d day after the last (label: every %s days%s%s)%s",
                                              "Day %d: step-up %d days after the last (label: every %s days%s%s)%s",
                                              w->gap),
                                 w->day, w->gap, lim, interval->source ? ", " : "",
                                 interval->source ? interval->source : "", others);
      raise_rule (c, interval->rule, w->day, trigger);
    }

  if (slow_elderly->len > 0)
    {
      guint worst = 0;
      g_autofree char *age = fmt (c->age);
      g_autofree char *others = NULL;
      const Offence *w;

      for (guint i = 1; i < slow_elderly->len; i++)
        if (g_array_index (slow_elderly, Offence, i).gap < g_array_index (slow_elderly, Offence, worst).gap)
          worst = i;
      w = &g_array_index (slow_elderly, Offence, worst);
      others = others_text (slow_elderly, worst, TRUE);
      raise_code (c, "elderly.cautious_titration", w->day,
                  g_dngettext (GETTEXT_PACKAGE,
                               "Age %s years; day %d: step-up %d day after the last%s",
                               "Age %s years; day %d: step-up %d days after the last%s", w->gap),
                  age, w->day, w->gap, others);
    }
}

/* Per-dose and doses-per-day plausibility (oral). */
static void
check_dose_plausibility (Check *c)
{
  const TitrateThresholdRow *single = _titrate_rules_threshold (c->rules, c->medicine, "single_dose_max");
  const TitrateThresholdRow *count = _titrate_rules_threshold (c->rules, c->medicine, "doses_per_day_max");
  const TitrateStep *worst_single = NULL, *worst_count = NULL;

  if (c->r->route != TITRATE_ROUTE_ORAL)
    return;
  for (guint i = 0; i < c->r->steps->len; i++)
    {
      const TitrateStep *s = step_at (c->r, i);

      if (_titrate_threshold_fires (single, max_dose (s)) && (worst_single == NULL || max_dose (s) > max_dose (worst_single)))
        worst_single = s;
      if (_titrate_threshold_fires (count, s->n_doses) && (worst_count == NULL || s->n_doses > worst_count->n_doses))
        worst_count = s;
    }
  if (worst_single != NULL)
    {
      g_autofree char *d = fmt (max_dose (worst_single));
      g_autofree char *lim = fmt (single->value);
      g_autofree char *trigger = g_strdup_printf (_("Day %d: a single dose of %s mg (largest marketed unit %s mg)"),
                                                  worst_single->day, d, lim);
      raise_rule (c, single->rule, worst_single->day, trigger);
    }
  if (worst_count != NULL)
    {
      g_autofree char *lim = fmt (count->value);
      g_autofree char *trigger = g_strdup_printf (ngettext ("Day %d: %u dose a day (labels: at most %s)",
                                                            "Day %d: %u doses a day (labels: at most %s)",
                                                            worst_count->n_doses),
                                                  worst_count->day, worst_count->n_doses, lim);
      raise_rule (c, count->rule, worst_count->day, trigger);
    }
}

/* Post-implant start against the effective screening dose: twice it per
 * 24 h, or once it when its effect lasted longer than the database's limit. */
static void
check_it_start (Check *c)
{
  const TitrateStep *first = NULL;
  double screening = c->r->screening_effective_mcg;
  const TitrateThresholdRow *long_effect = _titrate_rules_threshold (c->rules, c->medicine, "it_long_effect_hours");
  const TitrateThresholdRow *limit;
  gboolean boluses_before = FALSE;
  double ratio;

  if (c->r->it_phase == TITRATE_IT_PHASE_MAINTENANCE)
    return;
  for (guint i = 0; i < c->r->steps->len && first == NULL; i++)
    {
      const TitrateStep *s = step_at (c->r, i);

      if (is_infusion (s))
        {
          if (!titrate_step_is_stopped (s))
            first = s;
        }
      else if (s->bolus_mcg > 0)
        {
          boluses_before = TRUE;
          if (isnan (c->r->screening_effective_mcg))
            screening = s->bolus_mcg;   /* the last bolus before the pump: the effective one */
        }
    }
  /* A start the document calls post-implant, with no screening dose to
   * check it against, is not passed in silence. */
  if (first != NULL && c->r->it_phase == TITRATE_IT_PHASE_POST_IMPLANT && (isnan (screening) || screening <= 0))
    {
      g_autofree char *d = fmt (first->daily_mcg);

      raise_code (c, "input.it_screening_missing", first->day,
                  _("Day %d: pump starts at %s mcg/day after implant; no effective screening bolus given"),
                  first->day, d);
      return;
    }
  /* Without a phase, only a plan that screens first is a post-implant start. */
  if (first == NULL || isnan (screening) || screening <= 0 ||
      (c->r->it_phase == TITRATE_IT_PHASE_UNSET && !boluses_before))
    return;

  limit = _titrate_rules_threshold (c->rules, c->medicine,
                                    _titrate_threshold_fires (long_effect, c->r->screening_effect_hours)
                                    ? "it_start_ratio_long_effect" : "it_start_ratio");
  ratio = first->daily_mcg / screening;
  if (_titrate_threshold_fires (limit, ratio - EPSILON))
    {
      g_autofree char *d = fmt (first->daily_mcg);
      g_autofree char *sc = fmt (screening);
      g_autofree char *mx = fmt (screening * limit->value);
      g_autofree char *f = fmt (limit->value);
      g_autofree char *hours = fmt (c->r->screening_effect_hours);
      g_autofree char *trigger = NULL;

      if (_titrate_threshold_fires (long_effect, c->r->screening_effect_hours))
        trigger = g_strdup_printf (_("Day %d: pump starts at %s mcg/day; effective screening bolus %s mcg lasted "
                                     "%s h, so at most %s mcg/day (× %s)"), first->day, d, sc, hours, mx, f);
      else
        trigger = g_strdup_printf (_("Day %d: pump starts at %s mcg/day; effective screening bolus %s mcg, "
                                     "so at most %s mcg/day (× %s)"), first->day, d, sc, mx, f);
      raise_rule (c, limit->rule, first->day, trigger);
    }
}

static void
check_titration (Check *c)
{
  if (c->r->route == TITRATE_ROUTE_INTRATHECAL)
    {
      /* The document says the phase; without it, the plan is post-implant
       * titration until its first decrease or plateau. */
      gboolean initial = c->r->it_phase != TITRATE_IT_PHASE_MAINTENANCE;
      gboolean fixed = c->r->it_phase != TITRATE_IT_PHASE_UNSET;
      const TitrateStep *prev = NULL;

      check_it_start (c);

      for (guint i = 0; i < c->r->steps->len; i++)
        {
          const TitrateStep *s = step_at (c->r, i);
          double from, to, pct;

          if (!is_infusion (s))
            continue;
          if (prev == NULL || titrate_step_is_stopped (s) || titrate_step_is_stopped (prev))
            {
              prev = s;
              continue;
            }
          from = prev->daily_mcg;
          to = s->daily_mcg;
          pct = (to - from) / from * 100.0;

          if (pct > EPSILON)
            {
              /* Without a spasticity origin (input.it_origin_missing says
               * so) the stricter origin's limit applies: an increase is
               * never left unchecked. */
              const TitrateItAdjustmentRow *limit = NULL;

              for (guint k = 0; k < c->t->it_adjustments->len; k++)
                {
                  const TitrateItAdjustmentRow *row = &g_array_index (c->t->it_adjustments, TitrateItAdjustmentRow, k);

                  if (row->medicine != c->medicine || row->post_implant != initial ||
                      (c->r->spasticity_origin != TITRATE_ORIGIN_UNSET && row->origin != c->r->spasticity_origin))
                    continue;
                  if (limit == NULL || row->max_increase_pct < limit->max_increase_pct)
                    limit = row;
                }
              if (limit != NULL)
                {
                  const TitrateItAdjustmentRow *row = limit;

                  if (pct > row->max_increase_pct + EPSILON)
                    {
                      g_autofree char *f = fmt (from);
                      g_autofree char *t = fmt (to);
                      g_autofree char *pc = fmt (round (pct * 10) / 10);
                      g_autofree char *lim = fmt (row->max_increase_pct);
                      g_autofree char *trigger = g_strdup_printf (
                        _("Day %d: %s → %s mcg/day (+%s %%; %s %s limit +%s %% per 24 h)"), s->day, f, t, pc,
                        titrate_origin_to_label (row->origin), initial ? _("post-implant") : _("maintenance"), lim);
                      raise_rule (c, row->rule, s->day, trigger);
                    }
                }
            }
          else if (pct < -EPSILON)
            {
              if (!fixed)
                initial = FALSE;
              for (guint k = 0; k < c->t->it_adjustments->len; k++)
                {
                  const TitrateItAdjustmentRow *row = &g_array_index (c->t->it_adjustments, TitrateItAdjustmentRow, k);
                  TitrateOrigin origin = c->r->spasticity_origin != TITRATE_ORIGIN_UNSET
                                         ? c->r->spasticity_origin : TITRATE_ORIGIN_SPINAL;

                  if (row->medicine != c->medicine || row->origin != origin || row->post_implant)
                    continue;
                  if (-pct > row->max_decrease_pct + EPSILON)
                    {
                      g_autofree char *f = fmt (from);
                      g_autofree char *t = fmt (to);
                      g_autofree char *pc = fmt (round (-pct * 10) / 10);
                      g_autofree char *lim = fmt (row->max_decrease_pct);
                      raise_code (c, "withdrawal.it.decrease_large", s->day,
                                  _("Day %d: %s → %s mcg/day (−%s %%; usual decrease at most %s %%)"),
                                  s->day, f, t, pc, lim);
                    }
                }
            }
          else if (!fixed)
            initial = FALSE;
          prev = s;
        }
      return;
    }

  check_oral_titration (c);
}

/* Withdrawal */

static const TitrateTaperRow *
taper_row (Check      *c,
           const char *code)
{
  for (guint i = 0; i < c->t->tapers->len; i++)
    {
      const TitrateTaperRow *row = &g_array_index (c->t->tapers, TitrateTaperRow, i);

      if (row->medicine == c->medicine && row->route == c->r->route && strcmp (row->rule->code, code) == 0 &&
          (row->indication == NULL || g_strcmp0 (row->indication, c->r->indication) == 0))
        return row;
    }
  return NULL;
}

/* Each reduction among @totals[@from..@to] (daily totals on @days), within
 * the sourced step size (FR-RCP 10–15 mg); @stops: the last one is a stop
 * to zero. Reports the worst step and lists the others. */
static void
check_step_sizes (Check        *c,
                  const double *totals,
                  const int    *days,
                  guint         from,
                  guint         to,
                  gboolean      stops,
                  double        paced_above)
{
  const TitrateTaperRow *size = taper_row (c, "withdrawal.oral.step_down_large");

  if (size != NULL && !isnan (size->max_step_down_daily_mg))
    {
      guint worst = 0;
      GString *others = g_string_new (NULL);

      for (guint i = from; i <= to; i++)
        {
          double drop = totals[i - 1] - totals[i];

          if (drop <= size->max_step_down_daily_mg + EPSILON ||
              (!isnan (paced_above) && totals[i - 1] > paced_above + EPSILON))
            continue;
          if (worst == 0 || drop > totals[worst - 1] - totals[worst] + EPSILON)
            worst = i;
        }
      if (worst != 0)
        {
          g_autofree char *from_s = fmt (totals[worst - 1]);
          g_autofree char *to_s = fmt (totals[worst]);
          g_autofree char *drop = fmt (totals[worst - 1] - totals[worst]);
          g_autofree char *lim = fmt (size->max_step_down_daily_mg);
          g_autofree char *trigger = NULL;

          for (guint i = from; i <= to; i++)
            {
              double d = totals[i - 1] - totals[i];
              g_autofree char *ds = NULL;

              if (i == worst || d <= size->max_step_down_daily_mg + EPSILON ||
                  (!isnan (paced_above) && totals[i - 1] > paced_above + EPSILON))
                continue;
              ds = fmt (d);
              g_string_append_printf (others, "%s", others->len ? ", " : _("; also "));
              g_string_append_printf (others, _("day %d (−%s mg/day)"), days[i], ds);
            }
          if (stops && worst == to)
            trigger = g_strdup_printf (_("Day %d: last step from %s mg/day to zero (−%s mg/day; steps of at "
                                         "most %s mg/day, %s)%s"),
                                       days[worst], from_s, drop, lim, size->source ? size->source : "", others->str);
          else
            trigger = g_strdup_printf (_("Day %d: %s → %s mg/day (−%s mg/day; steps of at most %s mg/day, %s)%s"),
                                       days[worst], from_s, to_s, drop, lim, size->source ? size->source : "",
                                       others->str);
          raise_rule (c, size->rule, days[worst], trigger);
        }
      g_string_free (others, TRUE);
    }
}

/* An oral plan that stops at step @k (plan index; 0 with a current dose
 * known means the plan stops what the patient takes). The current dose, when
 * known, is the baseline before the first step. A plateau inside the taper
 * is still a taper. */
static void
check_oral_stop (Check *c,
                 guint  k)
{
  double totals[MAX_WALK + 1];
  int days[MAX_WALK + 1];
  guint n = 0, stop, top, first_reduced = 0;
  guint base = 0;
  const TitrateTaperRow *row = taper_row (c, "withdrawal.oral.short_taper");
  const TitrateTaperRow *size = taper_row (c, "withdrawal.oral.step_down_large");
  g_autofree char *lt = NULL;

  /* Validated at open: every medicine has this row. */
  g_return_if_fail (row != NULL);

  {
    guint first = 0;

    if (!isnan (c->p->current_daily_mg) && k + 1 < MAX_WALK)
      {
        totals[n] = c->p->current_daily_mg;
        days[n] = 0;
        n++;
        base = 1;
      }
    /* Only the last MAX_WALK steps before the stop are examined. */
    if (k + 1 > MAX_WALK)
      first = k + 1 - MAX_WALK;
    for (guint i = first; i <= k; i++)
      {
        totals[n] = titrate_step_daily_total (step_at (c->r, i));
        days[n] = step_at (c->r, i)->day;
        n++;
      }
  }
  stop = n - 1;
  if (stop == 0 || totals[stop - 1] <= EPSILON)
    return;
  lt = fmt (totals[stop - 1]);

  /* The non-increasing run that ends in the stop starts at its highest step. */
  top = stop - 1;
  while (top >= 1 && totals[top] <= totals[top - 1] + EPSILON)
    top--;
  for (guint i = top + 1; i < stop && first_reduced == 0; i++)
    if (totals[i] < totals[i - 1] - EPSILON)
      first_reduced = i;

  if (first_reduced == 0)
    {
      raise_code (c, "withdrawal.oral.abrupt_stop", days[stop],
                  base && stop == 1 ? _("Day %d: stops the current %s mg/day with no reduction before")
                                    : _("Day %d: stops from %s mg/day with no reduction before"),
                  days[stop], lt);
      return;
    }

  {
    int taper_days = days[stop] - days[first_reduced];

    /* A token reduction, then a stop: a short taper that took off less than
     * half the dose before a last step to zero larger than the sourced
     * step is an abrupt stop in effect (80 → 79 → 0). */
    if (taper_days < row->min_taper_days && size != NULL && !isnan (size->max_step_down_daily_mg) &&
        totals[stop - 1] > size->max_step_down_daily_mg + EPSILON && totals[stop - 1] > totals[top] / 2 + EPSILON)
      {
        g_autofree char *peak = fmt (totals[top]);
        g_autofree char *lim = fmt (size->max_step_down_daily_mg);

        raise_code (c, "withdrawal.oral.abrupt_stop", days[stop],
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Day %d: stops from %s mg/day after a taper of %d day from %s mg/day; a last step "
                                 "to zero larger than %s mg/day after so short a taper is an abrupt stop in effect",
                                 "Day %d: stops from %s mg/day after a taper of %d days from %s mg/day; a last step "
                                 "to zero larger than %s mg/day after so short a taper is an abrupt stop in effect",
                                 taper_days),
                    days[stop], lt, taper_days, peak, lim);
        return;
      }
    if (taper_days < row->min_taper_days)
      {
        g_autofree char *peak = fmt (totals[top]);
        raise_code (c, "withdrawal.oral.short_taper", days[first_reduced],
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Taper from %s mg/day to zero over %d day (day %d to day %d)",
                                 "Taper from %s mg/day to zero over %d days (day %d to day %d)",
                                 taper_days),
                    peak, taper_days, days[first_reduced], days[stop]);
      }
  }

  check_step_sizes (c, totals, days, top + 1, stop, TRUE, NAN);
}

/* The pace of oral reductions, for each taper row that sets one (ANSM 2017
 * in alcohol use disorder: 10–15 mg every 2 days above 80 mg/day): the
 * reductions made from above the row's daily dose must not remove more than
 * its step within its interval. Any reduction counts, not only a taper to
 * zero; the current dose, when known, is the baseline. Reports the worst
 * window and lists the others. */
static void
check_oral_reduction_pace (Check *c)
{
  guint n_steps = MIN (c->r->steps->len, MAX_WALK);

  for (guint t = 0; t < c->t->tapers->len; t++)
    {
      const TitrateTaperRow *row = &g_array_index (c->t->tapers, TitrateTaperRow, t);
      double totals[MAX_WALK + 1];
      int days[MAX_WALK + 1];
      guint n = 0, worst = 0;
      double worst_sum = 0;
      GString *others;

      if (row->medicine != c->medicine || row->route != TITRATE_ROUTE_ORAL || row->min_step_interval_days <= 0 ||
          isnan (row->max_step_down_daily_mg) ||
          (row->indication != NULL && g_strcmp0 (row->indication, c->r->indication) != 0))
        continue;

      if (!isnan (c->p->current_daily_mg))
        {
          totals[n] = c->p->current_daily_mg;
          days[n++] = 0;
        }
      for (guint i = 0; i < n_steps; i++)
        {
          totals[n] = titrate_step_daily_total (step_at (c->r, i));
          days[n++] = step_at (c->r, i)->day;
        }

      others = g_string_new (NULL);
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 1; i < n; i++)
          {
            double sum = 0;

            if (!(totals[i] < totals[i - 1] - EPSILON) ||
                (!isnan (row->above_daily_mg) && totals[i - 1] <= row->above_daily_mg + EPSILON))
              continue;
            /* The reductions from above the threshold within the interval
             * that ends with this one. */
            for (guint j = i; j >= 1 && days[j] > days[i] - row->min_step_interval_days; j--)
              if (totals[j] < totals[j - 1] - EPSILON &&
                  (isnan (row->above_daily_mg) || totals[j - 1] > row->above_daily_mg + EPSILON))
                sum += totals[j - 1] - totals[j];
            if (sum <= row->max_step_down_daily_mg + EPSILON)
              continue;
            if (pass == 0 && sum > worst_sum + EPSILON)
              {
                worst = i;
                worst_sum = sum;
              }
            else if (pass == 1 && i != worst)
              {
                g_autofree char *ds = fmt (sum);

                g_string_append (others, others->len ? ", " : _("; also "));
                g_string_append_printf (others, _("day %d (−%s mg/day)"), days[i], ds);
              }
          }
      if (worst != 0)
        {
          g_autofree char *from = fmt (totals[worst - 1]);
          g_autofree char *to = fmt (totals[worst]);
          g_autofree char *sum = fmt (worst_sum);
          g_autofree char *lim = fmt (row->max_step_down_daily_mg);
          g_autofree char *above = fmt (isnan (row->above_daily_mg) ? 0 : row->above_daily_mg);
          g_autofree char *trigger =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Day %d: %s → %s mg/day, %s mg/day less within %d day (at most %s mg/day "
                                          "every %d day above %s mg/day, %s)%s",
                                          "Day %d: %s → %s mg/day, %s mg/day less within %d days (at most %s mg/day "
                                          "every %d days above %s mg/day, %s)%s",
                                          row->min_step_interval_days),
                             days[worst], from, to, sum, row->min_step_interval_days, lim,
                             row->min_step_interval_days, above, row->source ? row->source : "", others->str);

          raise_rule (c, row->rule, days[worst], trigger);
        }
      g_string_free (others, TRUE);
    }
}

/* An oral plan that reduces the dose without stopping: each reduction,
 * from the current dose when known, within the sourced step size
 * (withdrawal signs start 12–72 h after baclofen is reduced or stopped).
 * Reductions a pace rule for the indication has judged (ANSM 2017 in
 * alcohol use disorder, above 80 mg/day) are left to it; every step of the
 * plan is looked at. */
static void
check_oral_reductions (Check *c)
{
  guint len = c->r->steps->len + 1;
  g_autofree double *totals = g_new (double, len);
  g_autofree int *days = g_new (int, len);
  double paced_above = NAN;
  guint n = 0;

  if (find_alert (c, "withdrawal.oral.step_down_fast") != NULL)
    for (guint t = 0; t < c->t->tapers->len; t++)
      {
        const TitrateTaperRow *row = &g_array_index (c->t->tapers, TitrateTaperRow, t);

        if (row->medicine == c->medicine && row->route == TITRATE_ROUTE_ORAL && row->min_step_interval_days > 0 &&
            strcmp (row->rule->code, "withdrawal.oral.step_down_fast") == 0 &&
            (row->indication == NULL || g_strcmp0 (row->indication, c->r->indication) == 0))
          paced_above = isnan (row->above_daily_mg) ? 0 : row->above_daily_mg;
      }
  if (!isnan (c->p->current_daily_mg) && c->p->current_daily_mg > 0)
    {
      totals[n] = c->p->current_daily_mg;
      days[n++] = 0;
    }
  for (guint i = 0; i < c->r->steps->len; i++)
    {
      totals[n] = titrate_step_daily_total (step_at (c->r, i));
      days[n++] = step_at (c->r, i)->day;
    }
  if (n >= 2)
    check_step_sizes (c, totals, days, 1, n - 1, FALSE, paced_above);
}

static void
check_withdrawal (Check *c)
{
  if (c->r->route == TITRATE_ROUTE_ORAL)
    check_oral_reduction_pace (c);

  /* The plan's first step stops what the patient already takes. */
  if (c->r->route == TITRATE_ROUTE_ORAL && !isnan (c->p->current_daily_mg) && c->p->current_daily_mg > 0 &&
      c->r->steps->len > 0 && titrate_step_is_stopped (step_at (c->r, 0)))
    {
      check_oral_stop (c, 0);
      return;
    }

  for (guint k = 1; k < c->r->steps->len; k++)
    {
      const TitrateStep *stop = step_at (c->r, k);
      const TitrateStep *last = step_at (c->r, k - 1);
      double last_total;
      g_autofree char *lt = NULL;

      if (!titrate_step_is_stopped (stop) || titrate_step_is_stopped (last))
        continue;

      last_total = titrate_step_daily_total (last);
      lt = fmt (last_total);

      if (c->r->route == TITRATE_ROUTE_INTRATHECAL)
        {
          if (is_infusion (last))
            raise_code (c, "withdrawal.it.stop", stop->day, _("Day %d: intrathecal infusion stops from %s mcg/day"),
                        stop->day, lt);
          continue;
        }

      check_oral_stop (c, k);
      return;
    }
  if (c->r->route == TITRATE_ROUTE_ORAL)
    check_oral_reductions (c);
}

/* Comedications and allergies */

typedef struct {
  const TitrateDrug *drug;
  char              *shown;
  gboolean           depressant;   /* CNS-active for the additive and opioid rules */
  gboolean           beers;        /* on the Beers CNS-active list */
} Comed;

static void
comed_clear (gpointer data)
{
  g_free (((Comed *) data)->shown);
}

/* The drug of the prescribed medicine (the regimen's), or NULL. */
static const TitrateDrug *
medicine_drug (Check *c)
{
  return _titrate_rules_get_drug (c->rules, c->medicine);
}

static gboolean
same_medicine (Check             *c,
               const TitrateDrug *drug)
{
  const TitrateDrug *med = medicine_drug (c);

  return med != NULL && drug != NULL && strcmp (med->class_code, drug->class_code) == 0;
}

static const TitrateRuleText *
same_medicine_rule (Check    *c,
                    gboolean  allergy)
{
  for (guint i = 0; i < c->t->same_medicine->len; i++)
    {
      const TitrateSameMedicineRow *row = &g_array_index (c->t->same_medicine, TitrateSameMedicineRow, i);

      if (row->allergy == allergy && g_strcmp0 (row->medicine, c->medicine) == 0 &&
          route_matches (row->route, c->r->route))
        return row->rule;
    }
  return NULL;
}

/* The CNS-burden flags of one drug (all its classes). */
static void
cns_flags (Check             *c,
           const TitrateDrug *drug,
           gboolean          *depressant,
           gboolean          *beers,
           guint             *roles)
{
  const char * const *classes = _titrate_rules_drug_classes (c->rules, drug);

  *depressant = *beers = FALSE;
  for (guint k = 0; classes[k] != NULL; k++)
    for (guint x = 0; x < c->t->cns_classes->len; x++)
      {
        const TitrateCnsClassRow *row = &g_array_index (c->t->cns_classes, TitrateCnsClassRow, x);

        if (strcmp (row->class_code, classes[k]) != 0 || g_strcmp0 (row->medicine, c->medicine) != 0)
          continue;
        *depressant |= row->depressant;
        *beers |= row->beers;
        if (roles != NULL)
          *roles |= 1u << row->role;
      }
}

/* "“acetaminophn”" or "“acetaminophn” (in “Hydrocodone/Acetaminophn 5/325”)" */
static char *
unrecognised_part (const char *typed,
                   const char *part)
{
  g_autofree char *key = _titrate_drug_names_key (typed);

  if (key != NULL && strcmp (key, part) == 0)
    return g_strdup_printf (_("“%s”"), typed);
  return g_strdup_printf (_("“%s” (in “%s”)"), part, typed);
}

/* One typed entry → its drugs (added to @comeds once each) and its
 * unrecognised parts (added to @unknown). */
static void
collect_comedication (Check      *c,
                      const char *typed,
                      GArray     *comeds,
                      GPtrArray  *unknown)
{
  g_autoptr(GArray) matches = titrate_rules_resolve_drug (c->rules, typed);

  for (guint m = 0; m < matches->len; m++)
    {
      const TitrateDrugMatch *match = &g_array_index (matches, TitrateDrugMatch, m);
      const TitrateDrug *drug;
      gboolean seen = FALSE;
      Comed comed = { 0 };

      if (match->name == NULL)
        {
          g_ptr_array_add (unknown, unrecognised_part (typed, match->part));
          continue;
        }
      drug = match->name->drug;
      for (guint i = 0; i < comeds->len && !seen; i++)
        {
          Comed *prev = &g_array_index (comeds, Comed, i);

          seen = prev->drug == drug;
          /* The same drug entered again (brand and generic, or typed twice):
           * counted once, but the second entry stays in view. */
          if (seen && strstr (prev->shown, typed) == NULL)
            {
              g_autofree char *old = prev->shown;

              prev->shown = g_strdup_printf (_("%s, listed again as “%s”"), old, typed);
            }
        }
      if (seen)
        continue;

      comed.drug = drug;
      if (matches->len == 1 && g_ascii_strcasecmp (typed, drug->code) == 0)
        comed.shown = g_strdup (typed);
      else
        comed.shown = g_strdup_printf (_("%s (%s)"), typed, drug->code);
      /* Another product of the prescribed medicine is a duplicate, not a
       * further CNS-active drug. */
      if (!same_medicine (c, drug))
        cns_flags (c, drug, &comed.depressant, &comed.beers, NULL);
      g_array_append_val (comeds, comed);
    }
}

typedef struct {
  gboolean med_depressant;
  guint    n_depressant;
  guint    n_beers;
  guint    roles;
} BurdenCounts;

static void
burden_counts (Check        *c,
               GArray       *comeds,
               BurdenCounts *k)
{
  const TitrateDrug *med = medicine_drug (c);
  gboolean med_beers = FALSE;

  memset (k, 0, sizeof *k);
  if (med != NULL)
    cns_flags (c, med, &k->med_depressant, &med_beers, NULL);
  k->n_depressant = k->med_depressant ? 1 : 0;
  k->n_beers = med_beers ? 1 : 0;
  for (guint i = 0; i < comeds->len; i++)
    {
      const Comed *comed = &g_array_index (comeds, Comed, i);
      gboolean d, b;

      if (!comed->depressant && !comed->beers)
        continue;
      cns_flags (c, comed->drug, &d, &b, &k->roles);
      k->n_depressant += d;
      k->n_beers += b;
    }
}

/* Whether a specific (not 'additive') burden row applies. */
static gboolean
burden_row_applies (Check                  *c,
                    const TitrateBurdenRow *row,
                    const BurdenCounts     *k)
{
  if (g_strcmp0 (row->medicine, c->medicine) != 0)
    return FALSE;
  switch (row->kind)
    {
    case TITRATE_BURDEN_OPIOID_COMBINATION:
      return (k->roles & (1u << TITRATE_CNS_ROLE_OPIOID)) &&
             (k->roles & ((1u << TITRATE_CNS_ROLE_BENZODIAZEPINE) | (1u << TITRATE_CNS_ROLE_GABAPENTINOID))) &&
             k->med_depressant && k->n_depressant >= (guint) row->min_drugs && c->rule_age >= row->age_min_years;
    case TITRATE_BURDEN_BEERS_COUNT:
      return !isnan (c->age) && c->age >= row->age_min_years && k->n_beers >= (guint) row->min_drugs;
    case TITRATE_BURDEN_ADDITIVE:
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

/* Cumulative CNS burden: the first matching cns_burden_rule row, or NULL.
 * @max_pair: the most severe pairwise CNS-depression rule it would replace.
 * @also: the other specific rows that apply too (e.g. Beers' three or more
 * CNS-active drugs when an opioid combination leads), NULL-terminated; their
 * advice is carried by the one alert. */
static const TitrateRuleText *
burden_rule (Check                  *c,
             GArray                 *comeds,
             gboolean                any_pair,
             TitrateSeverity         max_pair,
             const TitrateRuleText **also,
             guint                   n_also,
             BurdenCounts           *counts,
             gboolean               *beers_kind)
{
  BurdenCounts k;
  const TitrateRuleText *chosen = NULL;
  const TitrateRuleText *fallback = NULL;
  guint n = 0;

  burden_counts (c, comeds, &k);
  *counts = k;
  *beers_kind = FALSE;
  also[0] = NULL;
  for (guint i = 0; i < c->t->burden_rules->len; i++)
    {
      const TitrateBurdenRow *row = &g_array_index (c->t->burden_rules, TitrateBurdenRow, i);

      if (g_strcmp0 (row->medicine, c->medicine) != 0)
        continue;
      if (row->kind != TITRATE_BURDEN_ADDITIVE)
        {
          if (!burden_row_applies (c, row, &k))
            continue;
          if (chosen == NULL)
            {
              chosen = row->rule;
              *beers_kind = row->kind == TITRATE_BURDEN_BEERS_COUNT;
            }
          else if (row->rule != chosen && n + 1 < n_also)
            {
              also[n++] = row->rule;
              also[n] = NULL;
            }
          continue;
        }
      if (chosen != NULL || g_strcmp0 (row->medicine, c->medicine) != 0 ||
          k.n_depressant < (guint) row->min_drugs)
        continue;
      /* Graded as the most serious pair it replaces, never lower. */
      if (!any_pair || row->rule->severity == max_pair)
        chosen = row->rule;
      else if (row->rule->severity > max_pair && (fallback == NULL || row->rule->severity < fallback->severity))
        fallback = row->rule;
    }
  return chosen != NULL ? chosen : fallback;
}

/* Appends the source keys of @more to @sources, each once. */
static void
merge_sources (GString    *sources,
               const char *more)
{
  g_auto(GStrv) keys = g_strsplit (more, ";", -1);
  g_auto(GStrv) have = g_strsplit (sources->str, ";", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *key = g_strstrip (g_strdup (keys[i]));
      gboolean seen = FALSE;

      for (guint j = 0; have[j] != NULL && !seen; j++)
        {
          g_autofree char *old = g_strstrip (g_strdup (have[j]));
          seen = strcmp (old, key) == 0;
        }
      if (*key != '\0' && !seen)
        g_string_append_printf (sources, "%s%s", sources->len ? "; " : "", key);
    }
}

/* The burden alert carries the advice of everything it stands for: the
 * other burden rules that apply (their title and action) and each pairwise
 * alert it replaces (title, the drugs concerned and action), so that nothing
 * disappears from view; their sources are added to its own. */
static void
raise_burden (Check                  *c,
              const TitrateRuleText  *burden,
              const TitrateRuleText **also,
              const TitrateRuleText **rules,
              GString               **codes,
              const gboolean         *cns_pair,
              guint                   n_rules,
              const char             *trigger)
{
  TitrateRuleText text = *burden;
  g_autoptr(GString) action = g_string_new (burden->action);
  g_autoptr(GString) sources = g_string_new (NULL);

  merge_sources (sources, burden->source);
  for (guint i = 0; also[i] != NULL; i++)
    {
      g_string_append_c (action, ' ');
      /* TRANSLATORS: another rule's title, then its advice */
      g_string_append_printf (action, _("%s. %s"), also[i]->title, also[i]->action);
      merge_sources (sources, also[i]->source);
    }
  for (guint i = 0; i < n_rules; i++)
    {
      if (!cns_pair[i])
        continue;
      g_string_append_c (action, ' ');
      /* TRANSLATORS: a replaced alert's title, the medicines it concerns,
       * then its advice: "Antipsychotic: added sedation; psychosis may
       * worsen (quetiapine). Monitor sedation and mental state." */
      g_string_append_printf (action, _("%s (%s). %s"), rules[i]->title, codes[i]->str, rules[i]->action);
      merge_sources (sources, rules[i]->source);
    }
  text.action = action->str;
  text.source = sources->str;
  raise_rule (c, &text, 0, trigger);
}

static void
check_comedications (Check     *c,
                     GPtrArray *comedications)
{
  /* rule → names, in the order typed */
  const TitrateRuleText *rules[TITRATE_MAX_INTERACTION_RULES];
  GString *names[TITRATE_MAX_INTERACTION_RULES];
  GString *codes[TITRATE_MAX_INTERACTION_RULES];   /* the drugs' generic names, for the burden alert */
  gboolean cns_pair[TITRATE_MAX_INTERACTION_RULES];
  const TitrateRuleText *also[TITRATE_MAX_BURDEN_RULES + 1];
  guint n_rules = 0;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) comeds = g_array_new (FALSE, TRUE, sizeof (Comed));
  const TitrateRuleText *burden;
  BurdenCounts counts;
  gboolean beers_kind = FALSE;
  gboolean any_pair = FALSE;
  TitrateSeverity max_pair = TITRATE_SEVERITY_INFO;

  g_array_set_clear_func (comeds, comed_clear);
  if (comedications == NULL)
    return;

  for (guint i = 0; i < comedications->len; i++)
    {
      const char *typed = g_ptr_array_index (comedications, i);
      g_autofree char *trimmed = NULL;

      if (typed == NULL)
        continue;
      trimmed = g_strstrip (g_strdup (typed));
      if (*trimmed != '\0')
        collect_comedication (c, trimmed, comeds, unknown);
    }

  for (guint i = 0; i < comeds->len; i++)
    {
      const Comed *comed = &g_array_index (comeds, Comed, i);
      const char * const *classes;

      if (same_medicine (c, comed->drug))
        {
          const TitrateRuleText *rule = same_medicine_rule (c, FALSE);
          g_autofree char *trigger = g_strdup_printf (_("Comedication: %s"), comed->shown);

          if (rule != NULL)
            raise_rule (c, rule, 0, trigger);
          continue;
        }

      classes = _titrate_rules_drug_classes (c->rules, comed->drug);
      for (guint k = 0; classes[k] != NULL; k++)
        for (guint x = 0; x < c->t->interactions->len; x++)
          {
            const TitrateInteractionRow *row = &g_array_index (c->t->interactions, TitrateInteractionRow, x);
            guint slot;

            if (strcmp (row->class_code, classes[k]) != 0 || !route_matches (row->route, c->r->route) ||
                g_strcmp0 (row->medicine, c->medicine) != 0)
              continue;
            for (slot = 0; slot < n_rules && rules[slot] != row->rule; slot++)
              ;
            if (slot == n_rules)
              {
                if (n_rules == G_N_ELEMENTS (rules))
                  continue;
                rules[n_rules] = row->rule;
                names[n_rules] = g_string_new (NULL);
                codes[n_rules] = g_string_new (NULL);
                cns_pair[n_rules] = row->cns_depression;
                n_rules++;
              }
            if (strstr (names[slot]->str, comed->shown) == NULL)
              g_string_append_printf (names[slot], "%s%s", names[slot]->len ? ", " : "", comed->shown);
            if (strstr (codes[slot]->str, comed->drug->code) == NULL)
              g_string_append_printf (codes[slot], "%s%s", codes[slot]->len ? ", " : "", comed->drug->code);
          }
    }

  for (guint i = 0; i < n_rules; i++)
    if (cns_pair[i])
      {
        any_pair = TRUE;
        max_pair = MAX (max_pair, rules[i]->severity);
      }

  /* One graded alert names every CNS-active medicine and replaces the
   * pairwise alerts for the same mechanism. */
  burden = burden_rule (c, comeds, any_pair, max_pair, also, G_N_ELEMENTS (also), &counts, &beers_kind);
  if (burden != NULL)
    {
      GString *list = g_string_new (NULL);
      g_autofree char *count = NULL;
      g_autofree char *trigger = NULL;

      for (guint i = 0; i < comeds->len; i++)
        {
          const Comed *comed = &g_array_index (comeds, Comed, i);

          if (!comed->depressant && !comed->beers)
            continue;
          g_string_append_printf (list, "%s%s", list->len ? ", " : "", comed->shown);
        }
      /* Counted as the rule counts: Beers' list of CNS-active drugs, or CNS
       * depressants (alcohol among them); the medicine itself included. */
      if (beers_kind)
        count = g_strdup_printf (ngettext ("%u CNS-active drug on the Beers list, %s included",
                                           "%u CNS-active drugs on the Beers list, %s included", counts.n_beers),
                                 counts.n_beers, DB (_titrate_rules_medicine_label (c->rules, c->medicine)));
      else
        count = g_strdup_printf (ngettext ("%u CNS depressant in all, %s included",
                                           "%u CNS depressants in all, %s included", counts.n_depressant),
                                 counts.n_depressant, DB (_titrate_rules_medicine_label (c->rules, c->medicine)));
      if (isnan (c->age))
        /* TRANSLATORS: "With baclofen: oxycodone, lorazepam (3 CNS depressants in all, baclofen included)" */
        trigger = g_strdup_printf (_("With %s: %s (%s)"), DB (_titrate_rules_medicine_label (c->rules, c->medicine)), list->str, count);
      else
        {
          g_autofree char *age = fmt (c->age);
          trigger = g_strdup_printf (ngettext ("With %s: %s (%s; age %s year)",
                                               "With %s: %s (%s; age %s years)", c->age == 1 ? 1 : 2),
                                     DB (_titrate_rules_medicine_label (c->rules, c->medicine)), list->str, count, age);
        }
      raise_burden (c, burden, also, rules, codes, cns_pair, n_rules, trigger);
      g_string_free (list, TRUE);
    }

  for (guint i = 0; i < n_rules; i++)
    {
      if (!(burden != NULL && cns_pair[i]))
        {
          g_autofree char *trigger = g_strdup_printf (_("Comedication: %s"), names[i]->str);
          raise_rule (c, rules[i], 0, trigger);
        }
      g_string_free (names[i], TRUE);
      g_string_free (codes[i], TRUE);
    }

  if (unknown->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (unknown, NULL);
      list = g_strjoinv (", ", (char **) unknown->pdata);
      raise_code (c, "input.unknown_comedication", 0, _("Not recognised, so not checked: %s"), list);
    }
}

/* An allergy entry names the prescribed medicine: a lexicon name of it
 * anywhere in the text ("Lioresal – rash"), or its generic name inside a word. */
static gboolean
allergy_names_medicine (Check      *c,
                        const char *typed,
                        GArray     *matches)
{
  g_autofree char *key = _titrate_drug_names_key (typed);
  g_auto(GStrv) words = NULL;

  for (guint m = 0; m < matches->len; m++)
    {
      const TitrateDrugMatch *match = &g_array_index (matches, TitrateDrugMatch, m);

      if (match->name != NULL && same_medicine (c, match->name->drug))
        return TRUE;
    }
  if (key == NULL)
    return FALSE;
  if (c->medicine != NULL && strstr (key, c->medicine) != NULL)
    return TRUE;
  words = g_strsplit_set (key, " \t,;:()[]/-", -1);
  for (guint w = 0; words[w] != NULL; w++)
    {
      const TitrateDrugName *name = *words[w] ? titrate_rules_lookup_drug (c->rules, words[w]) : NULL;

      if (name != NULL && same_medicine (c, name->drug))
        return TRUE;
    }
  return FALSE;
}

static void
check_allergies (Check *c)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < c->p->allergies->len; i++)
    {
      const char *typed = g_ptr_array_index (c->p->allergies, i);
      g_autofree char *shown = NULL;
      g_autoptr(GArray) matches = NULL;

      if (typed == NULL)
        continue;
      shown = g_strstrip (g_utf8_make_valid (typed, -1));
      if (*shown == '\0' || titrate_rules_allergy_says_none (c->rules, shown))
        continue;
      matches = titrate_rules_resolve_drug (c->rules, shown);
      if (allergy_names_medicine (c, shown, matches))
        {
          const TitrateRuleText *rule = same_medicine_rule (c, TRUE);
          g_autofree char *trigger = g_strdup_printf (_("Allergy recorded: %s"), shown);

          if (rule != NULL)
            raise_rule (c, rule, 0, trigger);
          continue;
        }
      for (guint m = 0; m < matches->len; m++)
        {
          const TitrateDrugMatch *match = &g_array_index (matches, TitrateDrugMatch, m);

          if (match->name == NULL)
            g_ptr_array_add (unknown, unrecognised_part (shown, match->part));
        }
    }

  if (unknown->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (unknown, NULL);
      list = g_strjoinv (", ", (char **) unknown->pdata);
      raise_code (c, "input.unknown_allergy", 0, _("Not recognised, so not checked: %s"), list);
    }
}

/* Renal, elderly, paediatric, pregnancy, lactation, conditions */

static void
check_renal (Check *c)
{
  const TitrateRenalBandRow *band;
  g_autofree char *renal = NULL;
  g_autofree char *peak = fmt (c->peak);
  g_autofree char *beers_note = NULL;

  if (c->r->route != TITRATE_ROUTE_ORAL)
    return;

  /* One kidney problem, one interruptive alert: the renal alert names the
   * Beers alert, which then shows below it (check_elderly). */
  if (beers_applies (c, NULL))
    beers_note = g_strdup (_("; Beers 2023 also advises avoiding it at this age (see the older-adult alert)"));

  if (c->p->dialysis)
    {
      const TitrateAdjustmentRow *adj = _titrate_rules_get_adjustment (c->rules, c->medicine, "dialysis");
      g_autofree char *trigger = NULL;

      if (adj != NULL && !isnan (adj->max_daily_mg) && c->peak > 0)
        {
          g_autofree char *ceil_s = fmt (adj->max_daily_mg);

          trigger = g_strdup_printf (c->peak > adj->max_daily_mg + EPSILON
                                     ? _("On dialysis; plan peaks at %s mg/day, above about %s mg/day on dialysis (%s)%s")
                                     : _("On dialysis; plan peaks at %s mg/day (about %s mg/day at most on dialysis, %s)%s"),
                                     peak, ceil_s, adj->source, beers_note ? beers_note : "");
        }
      else
        trigger = g_strdup_printf (_("On dialysis%s"), beers_note ? beers_note : "");
      raise_code (c, "renal.dialysis", 0, "%s", trigger);
      return;
    }

  band = renal_band (c);
  if (band == NULL)
    return;
  renal = renal_text (c);

  if (band->avoid)
    {
      const TitrateAdjustmentRow *adj = _titrate_rules_band_adjustment (c->rules, c->medicine, band);
      double ceiling = label_limit (c, NULL) * band->dose_factor;
      GString *trigger = g_string_new (renal);

      if (!isnan (ceiling) && c->peak > 0 && adj != NULL && !isnan (adj->max_daily_mg) &&
          adj->max_daily_mg < ceiling)
        {
          /* The database's absolute ceiling for the band is the stricter
           * source; the scaled label maximum it overrides is named. */
          g_autofree char *ceil_s = fmt (adj->max_daily_mg);
          g_autofree char *scaled_s = fmt (ceiling);
          g_autofree char *factor = fmt (round (band->dose_factor * 1000) / 1000);

          g_string_append_printf (trigger, c->peak > adj->max_daily_mg + EPSILON
                                  ? _("; plan peaks at %s mg/day, above the ceiling of about %s mg/day if unavoidable "
                                      "(%s), not the label maximum × %s (%s mg/day)")
                                  : _("; plan peaks at %s mg/day, within the ceiling of about %s mg/day if unavoidable "
                                      "(%s), not the label maximum × %s (%s mg/day)"),
                                  peak, ceil_s, adj->source, factor, scaled_s);
        }
      else if (!isnan (ceiling) && c->peak > 0)
        {
          g_autofree char *ceil_s = fmt (ceiling);
          g_autofree char *factor = fmt (round (band->dose_factor * 1000) / 1000);

          g_string_append_printf (trigger, _("; plan peaks at %s mg/day; if unavoidable, at most about %s mg/day "
                                             "(label maximum × %s)"), peak, ceil_s, factor);
          if (!isnan (band->conflict_daily_mg) && ceiling > band->conflict_daily_mg + EPSILON)
            {
              g_autofree char *tox = fmt (band->conflict_daily_mg);
              g_string_append_printf (trigger, _(", but sources conflict: %s reports toxicity from %s mg/day "
                                                 "at this level of kidney function"),
                                      band->conflict_source, tox);
            }
        }
      if (beers_note)
        g_string_append (trigger, beers_note);
      raise_rule (c, band->rule, 0, trigger->str);
      g_string_free (trigger, TRUE);
      return;
    }

  {
    const TitrateTitrationLimitRow *start = titration_limit (c, TITRATE_TITRATION_START_DAILY_MG);
    double ceiling = label_limit (c, NULL) * band->dose_factor;
    double start_max = start ? start->value * band->dose_factor : NAN;
    g_autofree char *ceil_s = fmt (ceiling);
    g_autofree char *factor = fmt (round (band->dose_factor * 1000) / 1000);

    if (!isnan (ceiling) && c->peak > ceiling + EPSILON)
      {
        g_autofree char *trigger = g_strdup_printf (_("%s; plan peaks at %s mg/day, above the "
                                                    "renally reduced %s mg/day (label maximum × %s)%s"), renal,
                                                    peak, ceil_s, factor, beers_note ? beers_note : "");
        raise_rule (c, band->rule, first_day_above (c, ceiling), trigger);
      }
    else if (!isnan (start_max) && c->first_total > start_max + EPSILON && !c->continuing)
      {
        g_autofree char *ft = fmt (c->first_total);
        g_autofree char *sm = fmt (start_max);
        g_autofree char *trigger = g_strdup_printf (_("%s; starts at %s mg/day, above the "
                                                    "renally reduced start %s mg/day (label start × %s)%s"), renal,
                                                    ft, sm, factor, beers_note ? beers_note : "");
        raise_rule (c, band->rule, c->first_day, trigger);
      }
  }
}

static void
check_elderly (Check *c)
{
  g_autofree char *renal = NULL;
  g_autofree char *age = NULL;
  const TitrateThresholdRow *beers_age = _titrate_rules_threshold (c->rules, c->medicine, "beers_age");
  const TitrateAlert *kidney = NULL;

  if (!beers_applies (c, &renal))
    return;
  age = fmt (c->age);

  for (guint i = 0; i < c->alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (c->alerts, i);

      if (a->category == TITRATE_CATEGORY_RENAL && a->severity >= TITRATE_SEVERITY_MAJOR)
        kidney = a;
    }

  if (kidney != NULL)
    {
      const TitrateThresholdRow *beside = _titrate_rules_threshold (c->rules, c->medicine, "beers_beside_renal");
      g_autofree char *trigger = g_strdup_printf (_("Age %s years, %s; the same kidney problem is the "
                                                    "interruptive alert “%s”"), age, renal, DB (rule_title (c, kidney)));

      raise_rule_at (c, beers_age->rule, beside->has_severity ? beside->severity : beers_age->rule->severity,
                     0, trigger);
    }
  else
    {
      g_autofree char *trigger = g_strdup_printf (_("Age %s years, %s"), age, renal);
      raise_rule (c, beers_age->rule, 0, trigger);
    }

  {
    const TitrateThresholdRow *m_age = _titrate_rules_threshold (c->rules, c->medicine, "muanda_age");
    const TitrateThresholdRow *m_egfr = _titrate_rules_threshold (c->rules, c->medicine, "muanda_egfr");
    const TitrateThresholdRow *m_start = _titrate_rules_threshold (c->rules, c->medicine, "muanda_start");
    double gfr = isnan (c->renal.egfr_ml_min_1_73m2) ? c->renal.crcl_ml_min : c->renal.egfr_ml_min_1_73m2;

    if (_titrate_threshold_fires (m_age, c->age) && (c->p->dialysis || _titrate_threshold_fires (m_egfr, gfr)) &&
        c->first_day > 0 && !c->continuing && _titrate_threshold_fires (m_start, c->first_total + EPSILON))
      {
        g_autofree char *ft = fmt (c->first_total);
        g_autofree char *trigger = g_strdup_printf (_("Age %s years, %s, starting at %s mg/day"), age, renal, ft);
        raise_rule (c, m_start->rule, c->first_day, trigger);
      }
  }
}

static void
check_pediatric (Check *c)
{
  g_autofree char *age = NULL;
  const TitrateThresholdRow *row;

  if (!_titrate_band_contains (_titrate_rules_band (c->rules, c->medicine, "child"), c->age))
    return;
  age = fmt (c->age);

  if (c->r->route == TITRATE_ROUTE_ORAL)
    {
      const TitrateFormulation *f = titrate_rules_get_formulation (c->rules, c->r->formulation);

      row = _titrate_rules_threshold (c->rules, c->medicine, "us_pediatric_unestablished");
      if (_titrate_threshold_fires (row, c->age))
        {
          g_autofree char *trigger = g_strdup_printf (_("Age %s years"), age);
          raise_rule (c, row->rule, 0, trigger);
        }
      row = _titrate_rules_threshold (c->rules, c->medicine, "tablet_min_weight");
      if (f != NULL && g_strcmp0 (f->code, "tablet") == 0 && _titrate_threshold_fires (row, c->p->weight_kg))
        {
          g_autofree char *w = fmt (c->p->weight_kg);
          g_autofree char *lim = fmt (row->value);
          g_autofree char *trigger = g_strdup_printf (_("Age %s years, %s kg, tablets (not below %s kg)"), age, w, lim);
          raise_rule (c, row->rule, 0, trigger);
        }
    }
  else
    {
      row = _titrate_rules_threshold (c->rules, c->medicine, "intrathecal_min_age");
      if (_titrate_threshold_fires (row, c->age))
        {
          g_autofree char *trigger = g_strdup_printf (_("Age %s years"), age);
          raise_rule (c, row->rule, 0, trigger);
        }
    }
}

static void
check_pregnancy_lactation (Check *c)
{
  gboolean oral = c->r->route == TITRATE_ROUTE_ORAL;

  if (c->p->pregnant)
    raise_code (c, oral ? "pregnancy.oral" : "pregnancy.it", 0, "%s", _("Pregnant"));
  if (c->p->breastfeeding)
    raise_code (c, oral ? "lactation.oral" : "lactation.it", 0, "%s", _("Breastfeeding"));
}

static void
check_conditions (Check *c)
{
  for (guint i = 0; i < c->p->conditions->len; i++)
    {
      const char *label = NULL;
      const char *code = known_condition (c, g_ptr_array_index (c->p->conditions, i), &label);

      if (code == NULL)
        continue;   /* named by input.unknown_condition */
      for (guint k = 0; k < c->t->condition_rows->len; k++)
        {
          const TitrateConditionRow *row = &g_array_index (c->t->condition_rows, TitrateConditionRow, k);
          g_autofree char *trigger = NULL;

          if (strcmp (row->condition, code) != 0 || g_strcmp0 (row->medicine, c->medicine) != 0 ||
              !route_matches (row->route, c->r->route) ||
              (row->indication != NULL && g_strcmp0 (row->indication, c->r->indication) != 0))
            continue;
          trigger = g_strdup_printf (_("Condition: %s"), DB (label));
          raise_rule (c, row->rule, 0, trigger);
        }
    }
}

/* Public API */

static int
compare_alert_ptrs (gconstpointer a,
                    gconstpointer b)
{
  return titrate_alert_compare (*(TitrateAlert **) a, *(TitrateAlert **) b);
}

static void
summarise_plan (Check *c)
{
  c->peak = 0;
  c->peak_day = 0;
  c->first_total = 0;
  c->first_day = 0;
  for (guint i = 0; i < c->r->steps->len; i++)
    {
      const TitrateStep *s = step_at (c->r, i);
      double total;

      if (!is_infusion (s) || titrate_step_is_stopped (s))
        continue;
      total = titrate_step_daily_total (s);
      if (c->first_day == 0)
        {
          c->first_day = s->day;
          c->first_total = total;
        }
      if (total > c->peak + EPSILON)
        {
          c->peak = total;
          c->peak_day = s->day;
        }
    }
}

static void
init_check (Check                *c,
            TitrateRules         *rules,
            const TitratePatient *patient,
            const TitrateRegimen *regimen)
{
  memset (c, 0, sizeof *c);
  c->rules = rules;
  c->t = _titrate_rules_get_tables (rules);
  c->p = patient;
  c->r = regimen;
  c->medicine = _titrate_rules_medicine (rules, regimen->drug);
  c->age = patient->age_years;
  /* With no age, adult rows apply; the missing age itself is an alert. */
  c->rule_age = patient->age_years;
  if (isnan (c->rule_age) && c->medicine != NULL)
    c->rule_age = _titrate_rules_band (rules, c->medicine, "adult")->min_value;
  titrate_patient_get_renal_with_rules (patient, rules, regimen->drug, &c->renal);
  summarise_plan (c);
  /* Already taking this medicine: the plan renews or changes the current
   * dose, it does not start treatment (a rise is checked as a step from the
   * current dose). */
  c->continuing = regimen->route == TITRATE_ROUTE_ORAL && !isnan (patient->current_daily_mg) &&
                  patient->current_daily_mg > 0 && c->first_day > 0;
}

static GPtrArray *
run_checks (TitrateRules         *rules,
            const TitratePatient *patient,
            const TitrateRegimen *regimen,
            GPtrArray            *comedications,
            GError              **error)
{
  Check c;

  init_check (&c, rules, patient, regimen);
  if (c.medicine == NULL)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                   _("The rules database has no rules for “%s”: nothing was checked"),
                   regimen->drug ? regimen->drug : _("(no medicine named)"));
      return NULL;
    }
  c.alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_alert_unref);

  check_input (&c);
  check_route (&c);
  check_dose_limits (&c);
  check_measurable (&c);
  check_dose_plausibility (&c);
  check_intrathecal_doses (&c);
  check_titration (&c);
  check_withdrawal (&c);
  check_comedications (&c, comedications);
  check_allergies (&c);
  check_renal (&c);
  check_elderly (&c);
  check_pediatric (&c);
  check_pregnancy_lactation (&c);
  check_conditions (&c);
  titrate_pump_check (rules, patient, regimen, c.alerts);

  g_ptr_array_sort (c.alerts, compare_alert_ptrs);
  return c.alerts;
}

/* The C locale: untranslated messages, "." for decimals, English dates. */
static locale_t
c_locale (void)
{
  static gsize once = 0;
  static locale_t loc = (locale_t) 0;

  if (g_once_init_enter (&once))
    {
      loc = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
      g_once_init_leave (&once, 1);
    }
  return loc;
}

/* Whether the triggers as shown are already the untranslated ones, as in an
 * English interface: no catalogue for the messages (its header entry ""
 * untranslated), no rules text translated, "." for decimals, and English
 * day and month names. Then the second run is skipped. */
static gboolean
shown_is_untranslated (TitrateRules *rules)
{
  const char *time = setlocale (LC_TIME, NULL);
  const char *point = localeconv ()->decimal_point;

  return *dgettext (GETTEXT_PACKAGE, "") == '\0' &&
         !_titrate_rules_texts_translated (rules) &&
         point != NULL && strcmp (point, ".") == 0 &&
         time != NULL && (strcmp (time, "C") == 0 || strcmp (time, "POSIX") == 0 ||
                          g_str_has_prefix (time, "C.") || g_str_has_prefix (time, "en_"));
}

/* Gives each alert its trigger as the untranslated (C locale) text, the same
 * whatever the interface language, so that an acknowledgement made in one
 * language matches in another (titrate_document_find_acknowledgement()). The
 * checks run a second time on this thread in the C locale ("C" itself, which
 * makes gettext ignore $LANGUAGE), with the rules database's English texts.
 * Only when an alert needs acknowledging: a plan without one pays nothing.
 * If the second run fails, alerts keep no untranslated trigger and
 * acknowledgements match the shown trigger only (the safe direction). */
static void
add_untranslated_triggers (TitrateRules         *rules,
                           const TitratePatient *patient,
                           const TitrateRegimen *regimen,
                           GPtrArray            *comedications,
                           GPtrArray            *alerts)
{
  g_autoptr(GPtrArray) english = NULL;
  gboolean needed = FALSE;
  locale_t loc = c_locale ();
  locale_t old;

  for (guint i = 0; i < alerts->len && !needed; i++)
    needed = ((TitrateAlert *) g_ptr_array_index (alerts, i))->severity >= TITRATE_SEVERITY_MAJOR;
  if (!needed)
    return;
  if (shown_is_untranslated (rules))
    {
      for (guint i = 0; i < alerts->len; i++)
        {
          TitrateAlert *alert = g_ptr_array_index (alerts, i);

          alert->trigger_untranslated = g_strdup (alert->trigger);
        }
      return;
    }
  if (loc == (locale_t) 0)
    return;

  old = uselocale (loc);
  _titrate_rules_set_untranslated_triggers (TRUE);
  english = run_checks (rules, patient, regimen, comedications, NULL);
  _titrate_rules_set_untranslated_triggers (FALSE);
  uselocale (old);
  if (english == NULL)
    return;

  /* One alert per code (raise_rule()). */
  for (guint i = 0; i < alerts->len; i++)
    {
      TitrateAlert *alert = g_ptr_array_index (alerts, i);

      for (guint j = 0; j < english->len; j++)
        {
          const TitrateAlert *same = g_ptr_array_index (english, j);

          if (strcmp (same->code, alert->code) == 0)
            {
              g_free (alert->trigger_untranslated);
              alert->trigger_untranslated = g_strdup (same->trigger);
              break;
            }
        }
    }
}

GPtrArray *
titrate_check (TitrateRules         *rules,
               const TitratePatient *patient,
               const TitrateRegimen *regimen,
               GPtrArray            *comedications,
               GError              **error)
{
  GPtrArray *alerts;

  if (rules == NULL)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                           _("No usable rules database: nothing was checked"));
      return NULL;
    }
  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);
  g_return_val_if_fail (patient != NULL && regimen != NULL, NULL);

  alerts = run_checks (rules, patient, regimen, comedications, error);
  if (alerts != NULL)
    add_untranslated_triggers (rules, patient, regimen, comedications, alerts);
  return alerts;
}

void
titrate_check_applicable_limit (TitrateRules         *rules,
                                const TitratePatient *patient,
                                const TitrateRegimen *regimen,
                                TitrateLimit         *out)
{
  Check c;
  const TitrateRenalBandRow *band;

  out->max_daily = NAN;
  out->rule_code = NULL;
  out->renal_factor = 1.0;
  out->renal_ceiling = NAN;
  if (rules == NULL)
    return;

  init_check (&c, rules, patient, regimen);
  if (c.medicine == NULL)
    return;
  out->max_daily = label_limit (&c, &out->rule_code);
  if (regimen->route != TITRATE_ROUTE_ORAL || isnan (out->max_daily))
    return;

  band = renal_band (&c);
  if (patient->dialysis)
    {
      const TitrateAdjustmentRow *adj = _titrate_rules_get_adjustment (rules, c.medicine, "dialysis");

      out->renal_factor = adj ? adj->dose_factor : 1.0;
      {
        const TitrateRuleText *own = _titrate_rules_medicine_rule (rules, c.medicine, "renal.dialysis");

        out->rule_code = own != NULL ? own->code : "renal.dialysis";
      }
      out->max_daily *= out->renal_factor;
      /* A sourced absolute ceiling (about 5 mg/day, UK/CA) wins over the
       * scaled label maximum, which no source gives for dialysis. */
      if (adj != NULL && !isnan (adj->max_daily_mg) && adj->max_daily_mg < out->max_daily)
        out->max_daily = out->renal_ceiling = adj->max_daily_mg;
      return;
    }
  if (band != NULL)
    {
      const TitrateAdjustmentRow *adj = _titrate_rules_band_adjustment (rules, c.medicine, band);

      out->renal_factor = band->dose_factor;
      out->rule_code = band->rule->code;
      out->max_daily *= out->renal_factor;
      /* The band's absolute ceiling, where the database gives one (below
       * 30 mL/min), wins over the scaled label maximum. */
      if (adj != NULL && !isnan (adj->max_daily_mg) && adj->max_daily_mg < out->max_daily)
        out->max_daily = out->renal_ceiling = adj->max_daily_mg;
    }
}
