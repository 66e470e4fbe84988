/* titrate-checker.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "titrate-checker.h"
#include "titrate-drug-names.h"
#include "titrate-error.h"
#include "titrate-planner.h"
#include "titrate-rules-private.h"

#define EPSILON 1e-9
#define ADULT_AGE 18.0

/* The checker reads only the typed rows loaded at open: no SQL on the
 * per-keystroke path. Every alert's text comes from its rule row; the checker
 * adds the trigger (the patient or plan value that raised it). */

typedef struct {
  TitrateRules             *rules;
  const TitrateRuleTables  *t;
  const TitratePatient     *p;
  const TitrateRegimen     *r;
  GPtrArray                *alerts;
  TitrateRenal              renal;
  double                    age;          /* NAN if unknown */
  double                    rule_age;     /* age used to pick rows: adult if unknown */
  double                    peak;         /* highest daily total (mg or mcg) */
  int                       peak_day;
  double                    first_total;  /* first dosing step's daily total */
  int                       first_day;
} Check;

/* Helpers */

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
  const TitrateRuleText *rule = titrate_rules_get_rule (c->rules, code);
  g_autofree char *trigger = NULL;
  va_list args;

  /* Required codes are validated at open, so a miss here is a programming error. */
  g_return_if_fail (rule != NULL);
  if (find_alert (c, code) != NULL)
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

static const char *
basis_label (TitrateRenalBasis basis)
{
  switch (basis)
    {
    case TITRATE_RENAL_BASIS_ENTERED:
      return _("entered");
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT:
      return _("Cockcroft–Gault, actual weight");
    case TITRATE_RENAL_BASIS_CKD_EPI_2021:
      return _("CKD-EPI 2021");
    case TITRATE_RENAL_BASIS_NONE:
    default:
      return _("not available");
    }
}

static const TitrateRenalBandRow *
renal_band (Check *c)
{
  if (isnan (c->renal.crcl_ml_min))
    return NULL;
  for (guint i = 0; i < c->t->renal_bands->len; i++)
    {
      const TitrateRenalBandRow *b = &g_array_index (c->t->renal_bands, TitrateRenalBandRow, i);

      if (c->renal.crcl_ml_min >= b->crcl_min && c->renal.crcl_ml_min < b->crcl_max)
        return b;
    }
  return NULL;
}

static const TitrateTitrationLimitRow *
titration_limit (Check               *c,
                 TitrateTitrationKind kind)
{
  for (guint i = 0; i < c->t->titration_limits->len; i++)
    {
      const TitrateTitrationLimitRow *row = &g_array_index (c->t->titration_limits, TitrateTitrationLimitRow, i);

      if (row->kind == kind && g_strcmp0 (row->indication, c->r->indication) == 0 &&
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

      if (row->route != c->r->route || (row->indication && g_strcmp0 (row->indication, c->r->indication) != 0) ||
          !in_age (c->rule_age, row->age_min_years, row->age_max_years))
        continue;
      if (strcmp (row->kind, "label_max") != 0 && strcmp (row->kind, "soft") != 0)
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
    raise_code (c, "input.unknown_indication", 0, _("Indication “%s” for the %s route"),
                c->r->indication ? c->r->indication : _("(none)"), titrate_route_to_label (c->r->route));

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

  if (isnan (c->renal.crcl_ml_min) && !c->p->dialysis)
    raise_code (c, "input.renal_not_assessed", 0, _("CrCl not available (%s)"),
                c->renal.crcl_note ? _(c->renal.crcl_note) : _("not entered"));

  if (!isnan (c->age) && c->age < ADULT_AGE && isnan (c->p->weight_kg))
    {
      g_autofree char *age = fmt (c->age);
      raise_code (c, "input.weight_missing_child", 0, _("Age %s years, weight not entered"), age);
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
      gboolean liquid = g_strcmp0 (f->unit, "mg_per_ml") == 0;
      double strength = liquid ? c->r->concentration_mg_per_ml : c->r->strength_mg;

      if (liquid && (isnan (strength) || strength <= 0))
        raise_code (c, "input.liquid_concentration_missing", 0, _("%s, concentration not given"), f->label);
      else if (!isnan (strength) && titrate_rules_get_strength (c->rules, f->code, strength) == NULL)
        {
          g_autofree char *value = fmt_exact (strength);

          if (liquid)
            raise_code (c, "input.strength_not_marketed", 0, _("%s, %s mg/mL"), f->label, value);
          else
            raise_code (c, "input.strength_not_marketed", 0, _("%s, %s mg"), f->label, value);
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
                f->label, titrate_route_to_label (f->route), titrate_route_to_label (c->r->route));

  if (c->r->route == TITRATE_ROUTE_INTRATHECAL && !isnan (c->r->concentration_mcg_per_ml) &&
      titrate_rules_get_strength (c->rules, "intrathecal_solution", c->r->concentration_mcg_per_ml) == NULL)
    {
      g_autofree char *conc = fmt (c->r->concentration_mcg_per_ml);
      raise_code (c, "route.it_concentration", 0, _("Concentration %s mcg/mL"), conc);
    }

  if (c->r->route == TITRATE_ROUTE_ORAL && f != NULL && g_strcmp0 (f->unit, "mg_per_ml") == 0)
    {
      g_autofree char *conc = fmt (c->r->concentration_mg_per_ml);

      /* No concentration: also input.liquid_concentration_missing. */
      if (isnan (c->r->concentration_mg_per_ml))
        raise_code (c, "route.oral_liquid", 0, _("%s, concentration not given"), f->label);
      else
        raise_code (c, "route.oral_liquid", 0, _("%s, %s mg/mL"), f->label, conc);
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

      if (row->route != c->r->route || (row->indication && g_strcmp0 (row->indication, c->r->indication) != 0) ||
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

  if (c->r->route != TITRATE_ROUTE_INTRATHECAL)
    return;

  for (guint i = 0; i < c->t->screening->len; i++)
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

          if (fabs (row->bolus_mcg - s->bolus_mcg) < EPSILON && c->rule_age < row->age_max_years)
            listed = TRUE;
        }

      if (s->bolus_mcg > max_allowed + EPSILON)
        raise_code (c, "dose.it.bolus_above_100", s->day, _("Day %d: screening bolus %s mcg"), s->day, bolus);
      else if (!listed)
        raise_code (c, "dose.it.bolus_not_screening", s->day, _("Day %d: bolus %s mcg"), s->day, bolus);

      if (!isnan (c->r->concentration_mcg_per_ml) && fabs (c->r->concentration_mcg_per_ml - 50) > EPSILON)
        {
          g_autofree char *conc = fmt (c->r->concentration_mcg_per_ml);
          raise_code (c, "dose.it.bolus_concentration", s->day, _("Day %d: bolus from %s mcg/mL"),
                      s->day, conc);
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

static void
check_titration (Check *c)
{
  const TitrateTitrationLimitRow *start, *step, *interval;
  const TitrateAdjustmentRow *elderly = NULL;

  if (c->r->route == TITRATE_ROUTE_INTRATHECAL)
    {
      gboolean initial = TRUE;
      const TitrateStep *prev = NULL;

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

          if (pct > EPSILON && c->r->spasticity_origin != TITRATE_ORIGIN_UNSET)
            {
              for (guint k = 0; k < c->t->it_adjustments->len; k++)
                {
                  const TitrateItAdjustmentRow *row = &g_array_index (c->t->it_adjustments, TitrateItAdjustmentRow, k);

                  if (row->origin != c->r->spasticity_origin || row->post_implant != initial)
                    continue;
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
              initial = FALSE;
              for (guint k = 0; k < c->t->it_adjustments->len; k++)
                {
                  const TitrateItAdjustmentRow *row = &g_array_index (c->t->it_adjustments, TitrateItAdjustmentRow, k);
                  TitrateOrigin origin = c->r->spasticity_origin != TITRATE_ORIGIN_UNSET
                                         ? c->r->spasticity_origin : TITRATE_ORIGIN_SPINAL;

                  if (row->origin != origin || row->post_implant)
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
          else
            initial = FALSE;
          prev = s;
        }
      return;
    }

  start = titration_limit (c, TITRATE_TITRATION_START_DAILY_MG);
  step = titration_limit (c, TITRATE_TITRATION_STEP_DAILY_MG);
  interval = titration_limit (c, TITRATE_TITRATION_INTERVAL_DAYS);
  if (!isnan (c->age) && c->age >= 65)
    elderly = _titrate_rules_get_adjustment (c->rules, "elderly");

  /* A plan that never rises above its first dose continues an existing
   * treatment (a taper or a maintenance plan): its first step is not a start. */
  if (start != NULL && c->first_day > 0 && c->first_total > start->value + EPSILON &&
      c->peak > c->first_total - EPSILON && !continues_existing (c))
    {
      g_autofree char *ft = fmt (c->first_total);
      g_autofree char *lim = fmt (start->value);
      g_autofree char *trigger = g_strdup_printf (_("Starts at %s mg/day (label start %s mg/day)"), ft, lim);
      raise_rule (c, start->rule, c->first_day, trigger);
    }

  for (guint i = 1; i < c->r->steps->len; i++)
    {
      const TitrateStep *prev = step_at (c->r, i - 1);
      const TitrateStep *s = step_at (c->r, i);
      double from = titrate_step_daily_total (prev);
      double to = titrate_step_daily_total (s);
      int gap = s->day - prev->day;
      g_autofree char *f = NULL;
      g_autofree char *t = NULL;

      if (to <= from + EPSILON || titrate_step_is_stopped (prev))
        continue;
      f = fmt (from);
      t = fmt (to);

      if (step != NULL && to - from > step->value + EPSILON)
        {
          g_autofree char *d = fmt (to - from);
          g_autofree char *lim = fmt (step->value);
          g_autofree char *trigger = g_strdup_printf (_("Day %d: %s → %s mg/day (+%s mg/day; label steps "
                                                      "+%s mg/day)"), s->day, f, t, d, lim);
          raise_rule (c, step->rule, s->day, trigger);
        }
      if (interval != NULL && gap < interval->value - EPSILON)
        {
          g_autofree char *lim = fmt (interval->value);
          g_autofree char *trigger = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "Day %d: step-up %d day after the last (label: every %s days)",
                                                                   "Day %d: step-up %d days after the last (label: every %s days)",
                                                                   gap),
                                                      s->day, gap, lim);
          raise_rule (c, interval->rule, s->day, trigger);
        }
      if (elderly != NULL && gap < elderly->min_step_every_days)
        {
          g_autofree char *age = fmt (c->age);
          raise_code (c, "elderly.cautious_titration", s->day,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "Age %s years; day %d: step-up %d day after the last",
                                   "Age %s years; day %d: step-up %d days after the last", gap),
                      age, s->day, gap);
        }
    }
}

/* Withdrawal */

static const TitrateTaperRow *
taper_row (Check      *c,
           const char *code)
{
  for (guint i = 0; i < c->t->tapers->len; i++)
    {
      const TitrateTaperRow *row = &g_array_index (c->t->tapers, TitrateTaperRow, i);

      if (row->route == c->r->route && strcmp (row->rule->code, code) == 0 &&
          (row->indication == NULL || g_strcmp0 (row->indication, c->r->indication) == 0))
        return row;
    }
  return NULL;
}

static void
check_withdrawal (Check *c)
{
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

      /* Walk back over the decreasing run that leads to the stop. */
      {
        guint first_reduced = k;
        const TitrateTaperRow *row = taper_row (c, "withdrawal.oral.short_taper");
        int min_days = row ? row->min_taper_days : 7;

        while (first_reduced >= 2 &&
               titrate_step_daily_total (step_at (c->r, first_reduced - 1)) <
               titrate_step_daily_total (step_at (c->r, first_reduced - 2)) - EPSILON)
          first_reduced--;

        if (first_reduced == k)
          raise_code (c, "withdrawal.oral.abrupt_stop", stop->day,
                      _("Day %d: stops from %s mg/day with no reduction before"), stop->day, lt);
        else
          {
            int taper_days = stop->day - step_at (c->r, first_reduced)->day;

            if (taper_days < min_days)
              {
                g_autofree char *peak = fmt (titrate_step_daily_total (step_at (c->r, first_reduced - 1)));
                raise_code (c, "withdrawal.oral.short_taper", step_at (c->r, first_reduced)->day,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Taper from %s mg/day to zero over %d day (day %d to day %d)",
                                         "Taper from %s mg/day to zero over %d days (day %d to day %d)",
                                         taper_days),
                            peak, taper_days, step_at (c->r, first_reduced)->day, stop->day);
              }
          }
      }
      return;
    }
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
  return _titrate_rules_get_drug (c->rules, c->r->drug);
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

      if (row->allergy == allergy && g_strcmp0 (row->medicine, c->r->drug) == 0 &&
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

        if (strcmp (row->class_code, classes[k]) != 0 || g_strcmp0 (row->medicine, c->r->drug) != 0)
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
  if (g_strcmp0 (row->medicine, c->r->drug) != 0)
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
      if (chosen != NULL || g_strcmp0 (row->medicine, c->r->drug) != 0 ||
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
  const TitrateRuleText *rules[64];
  GString *names[64];
  GString *codes[64];   /* the drugs' generic names, for the burden alert */
  gboolean cns_pair[64];
  const TitrateRuleText *also[4];
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
                g_strcmp0 (row->medicine, c->r->drug) != 0)
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
                                 counts.n_beers, c->r->drug);
      else
        count = g_strdup_printf (ngettext ("%u CNS depressant in all, %s included",
                                           "%u CNS depressants in all, %s included", counts.n_depressant),
                                 counts.n_depressant, c->r->drug);
      if (isnan (c->age))
        /* TRANSLATORS: "With baclofen: oxycodone, lorazepam (3 CNS depressants in all, baclofen included)" */
        trigger = g_strdup_printf (_("With %s: %s (%s)"), c->r->drug, list->str, count);
      else
        {
          g_autofree char *age = fmt (c->age);
          trigger = g_strdup_printf (ngettext ("With %s: %s (%s; age %s year)",
                                               "With %s: %s (%s; age %s years)", c->age == 1 ? 1 : 2),
                                     c->r->drug, list->str, count, age);
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
  if (c->r->drug != NULL && strstr (key, c->r->drug) != NULL)
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
  g_autofree char *crcl = NULL;

  if (c->r->route != TITRATE_ROUTE_ORAL)
    return;

  if (c->p->dialysis)
    {
      raise_code (c, "renal.dialysis", 0, _("On dialysis"));
      return;
    }

  band = renal_band (c);
  if (band == NULL)
    return;
  crcl = fmt (titrate_renal_estimate_shown (c->renal.crcl_ml_min, c->renal.crcl_basis));

  if (band->avoid)
    {
      g_autofree char *trigger = g_strdup_printf (_("CrCl %s mL/min (%s)"), crcl, basis_label (c->renal.crcl_basis));
      raise_rule (c, band->rule, 0, trigger);
      return;
    }

  {
    const TitrateTitrationLimitRow *start = titration_limit (c, TITRATE_TITRATION_START_DAILY_MG);
    double ceiling = label_limit (c, NULL) * band->dose_factor;
    double start_max = start ? start->value * band->dose_factor : NAN;
    g_autofree char *ceil_s = fmt (round (ceiling * 10) / 10);
    g_autofree char *peak = fmt (c->peak);
    g_autofree char *factor = fmt (round (band->dose_factor * 1000) / 1000);

    if (!isnan (ceiling) && c->peak > ceiling + EPSILON)
      {
        g_autofree char *trigger = g_strdup_printf (_("CrCl %s mL/min (%s); plan peaks at %s mg/day, above the "
                                                    "renally reduced %s mg/day (label maximum × %s)"), crcl,
                                                    basis_label (c->renal.crcl_basis), peak, ceil_s, factor);
        raise_rule (c, band->rule, first_day_above (c, ceiling), trigger);
      }
    else if (!isnan (start_max) && c->first_total > start_max + EPSILON)
      {
        g_autofree char *ft = fmt (c->first_total);
        g_autofree char *sm = fmt (round (start_max * 100) / 100);
        g_autofree char *trigger = g_strdup_printf (_("CrCl %s mL/min (%s); starts at %s mg/day, above the "
                                                    "renally reduced start %s mg/day (label start × %s)"), crcl,
                                                    basis_label (c->renal.crcl_basis), ft, sm, factor);
        raise_rule (c, band->rule, c->first_day, trigger);
      }
  }
}

static void
check_elderly (Check *c)
{
  double gfr;
  gboolean uses_egfr;
  TitrateRenalBasis basis;

  if (isnan (c->age) || c->age < 65 || c->r->route != TITRATE_ROUTE_ORAL)
    return;

  /* Beers uses eGFR; an entered CrCl stands in when no eGFR is known. */
  gfr = c->renal.egfr_ml_min_1_73m2;
  basis = c->renal.egfr_basis;
  uses_egfr = TRUE;
  if (isnan (gfr))
    {
      gfr = c->renal.crcl_ml_min;
      basis = c->renal.crcl_basis;
      uses_egfr = FALSE;
    }

  if (c->p->dialysis || (!isnan (gfr) && gfr < 60))
    {
      g_autofree char *age = fmt (c->age);
      g_autofree char *g = fmt (titrate_renal_estimate_shown (gfr, basis));
      g_autofree char *renal = NULL;

      if (c->p->dialysis)
        renal = g_strdup (_("on dialysis"));
      else if (uses_egfr)
        renal = g_strdup_printf (_("eGFR %s mL/min/1.73 m² (%s)"), g, basis_label (basis));
      else
        renal = g_strdup_printf (_("CrCl %s mL/min (%s)"), g, basis_label (basis));

      raise_code (c, "elderly.beers_egfr60", 0, _("Age %s years, %s"), age, renal);

      if (c->age >= 66 && c->first_day > 0 && c->first_total >= 20 - EPSILON)
        {
          g_autofree char *ft = fmt (c->first_total);
          raise_code (c, "elderly.muanda_start20", c->first_day, _("Age %s years, %s, starting at %s mg/day"),
                      age, renal, ft);
        }
    }
}

static void
check_pediatric (Check *c)
{
  g_autofree char *age = NULL;

  if (isnan (c->age) || c->age >= ADULT_AGE)
    return;
  age = fmt (c->age);

  if (c->r->route == TITRATE_ROUTE_ORAL)
    {
      const TitrateFormulation *f = titrate_rules_get_formulation (c->rules, c->r->formulation);

      if (c->age < 12)
        raise_code (c, "pediatric.us_under12", 0, _("Age %s years"), age);
      if (f != NULL && g_strcmp0 (f->code, "tablet") == 0 && !isnan (c->p->weight_kg) && c->p->weight_kg < 33)
        {
          g_autofree char *w = fmt (c->p->weight_kg);
          raise_code (c, "pediatric.tablet_under33kg", 0, _("Age %s years, %s kg, tablets"), age, w);
        }
    }
  else if (c->age < 4)
    raise_code (c, "pediatric.it_under4", 0, _("Age %s years"), age);
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

          if (strcmp (row->condition, code) != 0 || g_strcmp0 (row->medicine, c->r->drug) != 0 ||
              !route_matches (row->route, c->r->route) ||
              (row->indication != NULL && g_strcmp0 (row->indication, c->r->indication) != 0))
            continue;
          trigger = g_strdup_printf (_("Condition: %s"), label);
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
  c->age = patient->age_years;
  /* With no age, adult rows apply; the missing age itself is an alert. */
  c->rule_age = isnan (patient->age_years) ? ADULT_AGE : patient->age_years;
  titrate_patient_get_renal (patient, &c->renal);
  summarise_plan (c);
}

GPtrArray *
titrate_check (TitrateRules         *rules,
               const TitratePatient *patient,
               const TitrateRegimen *regimen,
               GPtrArray            *comedications,
               GError              **error)
{
  Check c;

  if (rules == NULL)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                           "No usable rules database: nothing was checked");
      return NULL;
    }
  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);
  g_return_val_if_fail (patient != NULL && regimen != NULL, NULL);

  init_check (&c, rules, patient, regimen);
  c.alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_alert_unref);

  check_input (&c);
  check_route (&c);
  check_dose_limits (&c);
  check_measurable (&c);
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

  g_ptr_array_sort (c.alerts, compare_alert_ptrs);
  return c.alerts;
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
  if (rules == NULL)
    return;

  init_check (&c, rules, patient, regimen);
  out->max_daily = label_limit (&c, &out->rule_code);
  if (regimen->route != TITRATE_ROUTE_ORAL || isnan (out->max_daily))
    return;

  band = renal_band (&c);
  if (patient->dialysis)
    {
      const TitrateAdjustmentRow *adj = _titrate_rules_get_adjustment (rules, "dialysis");

      out->renal_factor = adj ? adj->dose_factor : 1.0;
      out->rule_code = "renal.dialysis";
      out->max_daily *= out->renal_factor;
      /* A sourced absolute ceiling (about 5 mg/day, UK/CA) wins over the
       * scaled label maximum, which no source gives for dialysis. */
      if (adj != NULL && !isnan (adj->max_daily_mg))
        out->max_daily = MIN (out->max_daily, adj->max_daily_mg);
      return;
    }
  if (band != NULL)
    {
      out->renal_factor = band->dose_factor;
      out->rule_code = band->rule->code;
    }
  out->max_daily *= out->renal_factor;
}
