/* titrate-planner.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "titrate-checker.h"
#include "titrate-error.h"
#include "titrate-format.h"
#include "titrate-planner.h"
#include "titrate-rules-private.h"
#include "titrate-units.h"

#define EPSILON 1e-9
#define MAX_STEPS 400

/* Helpers */

/* Removes floating-point noise (0.30000000000000004) without rounding any
 * clinically meaningful digit: doses are kept to 1/1000 mg. */
static double
snap (double value)
{
  return round (value * 1000.0) / 1000.0;
}

static gboolean
plan_error (GError    **error,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static gboolean
plan_error (GError    **error,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_PLAN, "");
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);
  return FALSE;
}

/* Spreads @total over @n doses in chunks of @chunk, round-robin from the
 * first dose, so doses differ by at most one chunk and sum to @total exactly. */
static void
spread (double  total,
        guint   n,
        double  chunk,
        double *doses)
{
  double left = total;
  guint i = 0;

  for (guint d = 0; d < n; d++)
    doses[d] = 0;
  while (left > EPSILON && i < 100000)
    {
      double part = MIN (chunk, left);

      doses[i % n] = snap (doses[i % n] + part);
      left = snap (left - part);
      i++;
    }
}

static void
append_oral (GArray       *steps,
             int           day,
             const double *doses,
             guint         n)
{
  TitrateStep step;
  double kept[TITRATE_MAX_DOSES_PER_DAY];
  guint k = 0;

  for (guint i = 0; i < n; i++)
    if (doses[i] > EPSILON)
      kept[k++] = doses[i];
  titrate_step_init_oral (&step, day, kept, k);
  g_array_append_val (steps, step);
}

/* Protocol expansion */

gboolean
titrate_protocol_expand (const TitrateProtocol *p,
                         GArray                *steps,
                         GError               **error)
{
  double doses[TITRATE_MAX_DOSES_PER_DAY];
  guint n;
  int day = 1;

  g_return_val_if_fail (p != NULL && steps != NULL, FALSE);

  g_array_set_size (steps, 0);

  if (p->doses_per_day < 1 || p->doses_per_day > TITRATE_MAX_DOSES_PER_DAY)
    return plan_error (error, _("regimen.protocol.doses_per_day: must be from 1 to %d"),
                       TITRATE_MAX_DOSES_PER_DAY);
  if (!(p->step_mg_per_dose > 0) || !isfinite (p->step_mg_per_dose))
    return plan_error (error, _("regimen.protocol.step_mg_per_dose: must be more than 0 mg"));
  if (p->step_every_days < 1)
    return plan_error (error, _("regimen.protocol.step_every_days: must be 1 day or more"));
  n = (guint) p->doses_per_day;

  if (p->kind == TITRATE_PROTOCOL_TITRATE)
    {
      double dose = p->start_dose_mg;

      if (!(dose > 0) || !isfinite (dose))
        return plan_error (error, _("regimen.protocol.start_dose_mg: must be more than 0 mg"));
      if (!(p->target_daily_mg > 0) || !isfinite (p->target_daily_mg))
        return plan_error (error, _("regimen.protocol.target_daily_mg: must be more than 0 mg"));
      if (dose * n > p->target_daily_mg + EPSILON)
        return plan_error (error, _("regimen.protocol.target_daily_mg: %g mg/day is below the start "
                           "(%g mg × %u doses = %g mg/day)"), p->target_daily_mg, dose, n, dose * n);

      for (guint d = 0; d < n; d++)
        doses[d] = dose;
      append_oral (steps, day, doses, n);

      while (dose * n < p->target_daily_mg - EPSILON)
        {
          double next = snap (dose + p->step_mg_per_dose);

          if (steps->len >= MAX_STEPS)
            return plan_error (error, _("regimen.protocol: more than %d steps; use a larger step"), MAX_STEPS);
          day += p->step_every_days;
          if (next * n <= p->target_daily_mg + EPSILON)
            {
              dose = next;
              for (guint d = 0; d < n; d++)
                doses[d] = dose;
            }
          else
            {
              /* Last step: reach the target exactly; the remainder goes to the
               * first doses in parts no larger than one step. */
              double rest = snap (p->target_daily_mg - dose * n);
              double extra[TITRATE_MAX_DOSES_PER_DAY];

              spread (rest, n, p->step_mg_per_dose, extra);
              for (guint d = 0; d < n; d++)
                doses[d] = snap (dose + extra[d]);
              append_oral (steps, day, doses, n);
              break;
            }
          append_oral (steps, day, doses, n);
        }
      return TRUE;
    }
  else
    {
      gboolean any;

      if (!(p->from_daily_mg > 0) || !isfinite (p->from_daily_mg))
        return plan_error (error, _("regimen.protocol.from_daily_mg: must be more than 0 mg"));

      spread (p->from_daily_mg, n, p->step_mg_per_dose, doses);
      append_oral (steps, day, doses, n);
      do
        {
          if (steps->len >= MAX_STEPS)
            return plan_error (error, _("regimen.protocol: more than %d steps; use a larger step"), MAX_STEPS);
          any = FALSE;
          for (guint d = 0; d < n; d++)
            {
              doses[d] = snap (MAX (0.0, doses[d] - p->step_mg_per_dose));
              any |= doses[d] > EPSILON;
            }
          day += p->step_every_days;
          append_oral (steps, day, doses, n);
        }
      while (any);
      return TRUE;
    }
}

gboolean
titrate_regimen_expand_protocol (TitrateRegimen *regimen,
                                 GError        **error)
{
  g_autoptr(GArray) steps = NULL;

  if (!regimen->has_protocol)
    return TRUE;
  if (regimen->route != TITRATE_ROUTE_ORAL)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_UNIT,
                           _("regimen.protocol: protocols are written in mg and are for oral regimens only"));
      return FALSE;
    }
  steps = g_array_new (FALSE, TRUE, sizeof (TitrateStep));
  if (!titrate_protocol_expand (&regimen->protocol, steps, error))
    return FALSE;
  g_array_set_size (regimen->steps, 0);
  g_array_append_vals (regimen->steps, steps->data, steps->len);
  return TRUE;
}

/* A bolus step given while an infusion runs is on top of it: the infusion
 * continues at its last rate. NAN when no infusion precedes @index. */
static double
running_infusion (const TitrateRegimen *regimen,
                  guint                 index)
{
  for (guint i = index; i-- > 0;)
    {
      const TitrateStep *s = &g_array_index (regimen->steps, TitrateStep, i);

      if (isnan (s->bolus_mcg))
        return !isnan (s->daily_mcg) && s->daily_mcg > 0 ? s->daily_mcg : NAN;
    }
  return NAN;
}

/* Phases */

TitratePhase
titrate_regimen_step_phase (const TitrateRegimen *regimen,
                            guint                 index)
{
  const TitrateStep *step;
  double total, prev, later_max = -1;

  g_return_val_if_fail (index < regimen->steps->len, TITRATE_PHASE_NONE);

  step = &g_array_index (regimen->steps, TitrateStep, index);
  if (titrate_step_is_stopped (step))
    return TITRATE_PHASE_STOPPED;
  if (!isnan (step->bolus_mcg))
    return isnan (running_infusion (regimen, index)) ? TITRATE_PHASE_SCREENING : TITRATE_PHASE_MAINTENANCE;

  total = titrate_step_daily_total (step);
  for (guint i = index + 1; i < regimen->steps->len; i++)
    {
      const TitrateStep *s = &g_array_index (regimen->steps, TitrateStep, i);

      if (!isnan (s->bolus_mcg))
        continue;
      later_max = MAX (later_max, titrate_step_daily_total (s));
    }

  if (index == 0 || !isnan (g_array_index (regimen->steps, TitrateStep, index - 1).bolus_mcg))
    return later_max > total + EPSILON ? TITRATE_PHASE_START : TITRATE_PHASE_MAINTENANCE;

  prev = titrate_step_daily_total (&g_array_index (regimen->steps, TitrateStep, index - 1));
  if (total < prev - EPSILON)
    return TITRATE_PHASE_TAPER;
  if (total > prev + EPSILON)
    return later_max > total + EPSILON ? TITRATE_PHASE_STEP_UP : TITRATE_PHASE_MAINTENANCE;
  return TITRATE_PHASE_MAINTENANCE;
}

/* Day-by-day view */

static void
fill_day (const TitrateRegimen *regimen,
          int                   index,
          TitratePhase          phase,
          double                strength,
          TitrateDivisibility   divisible,
          int                   day,
          TitrateDay           *out)
{
  const TitrateStep *step;

  memset (out, 0, sizeof *out);
  out->day = day;
  out->step_index = index;
  out->daily_mcg = NAN;
  out->bolus_mcg = NAN;
  out->measurable = TRUE;
  g_date_clear (&out->date, 1);
  if (g_date_valid (&regimen->start_date) && day >= 1)
    {
      out->date = regimen->start_date;
      g_date_add_days (&out->date, (guint) day - 1);
    }
  if (index < 0)
    {
      out->phase = TITRATE_PHASE_NONE;
      return;
    }

  step = &g_array_index (regimen->steps, TitrateStep, index);
  out->phase = phase;
  out->is_change = step->day == day;
  out->n_doses = step->n_doses;
  for (guint i = 0; i < step->n_doses; i++)
    {
      out->doses_mg[i] = step->doses_mg[i];
      if (!titrate_units_per_dose (step->doses_mg[i], strength, divisible, &out->units_per_dose[i]))
        out->measurable = FALSE;
    }
  out->daily_mcg = step->daily_mcg;
  out->bolus_mcg = step->bolus_mcg;
  out->daily_total = titrate_step_daily_total (step);
  if (phase == TITRATE_PHASE_STOPPED)
    out->daily_total = 0;
  /* A screening bolus is given once, on its day; the days after it (waiting
   * for the next bolus or the implant) have no intrathecal dose. A bolus
   * during an established infusion is given on top of it: the infusion runs
   * on at its rate, never "drops" to the bolus amount. */
  if (!isnan (step->bolus_mcg))
    {
      double infusion = running_infusion (regimen, (guint) index);

      if (!isnan (infusion))
        {
          out->daily_mcg = infusion;
          out->daily_total = infusion + (step->day == day ? step->bolus_mcg : 0);
        }
      else if (step->day != day)
        out->daily_total = 0;
      if (step->day != day)
        out->bolus_mcg = NAN;
    }
}

void
titrate_planner_get_day (TitrateRules         *rules,
                         const TitrateRegimen *regimen,
                         int                   day,
                         TitrateDay           *out)
{
  double strength;
  TitrateDivisibility divisible;
  int index = titrate_regimen_step_at (regimen, day);

  _titrate_unit_for_regimen (rules, regimen, &strength, &divisible);
  fill_day (regimen, index, index >= 0 ? titrate_regimen_step_phase (regimen, (guint) index) : TITRATE_PHASE_NONE,
            strength, divisible, day, out);
}

GArray *
titrate_planner_expand (TitrateRules         *rules,
                        const TitrateRegimen *regimen,
                        int                   n_days)
{
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (TitrateDay), MAX (n_days, 0));
  g_autofree TitratePhase *phases = g_new0 (TitratePhase, regimen->steps->len + 1);
  double strength;
  TitrateDivisibility divisible;
  int index = -1;

  _titrate_unit_for_regimen (rules, regimen, &strength, &divisible);
  for (guint i = 0; i < regimen->steps->len; i++)
    phases[i] = titrate_regimen_step_phase (regimen, i);

  for (int day = 1; day <= n_days; day++)
    {
      TitrateDay d;

      /* Walk the sorted steps instead of searching for every day. */
      while ((guint) (index + 1) < regimen->steps->len &&
             g_array_index (regimen->steps, TitrateStep, index + 1).day <= day)
        index++;
      fill_day (regimen, index, index >= 0 ? phases[index] : TITRATE_PHASE_NONE,
                strength, divisible, day, &d);
      g_array_append_val (days, d);
    }
  return days;
}

int
titrate_planner_horizon (const TitrateRegimen *regimen)
{
  int last_dosing = titrate_regimen_last_dosing_day (regimen);
  int last_change;

  if (regimen->steps->len == 0)
    return 28;
  if (last_dosing >= 0)
    return last_dosing + 1;     /* include the first day without the medicine */
  last_change = g_array_index (regimen->steps, TitrateStep, regimen->steps->len - 1).day;
  return MAX (last_change + 13, 28);
}

/* Suggestion */

void
titrate_suggestion_free (TitrateSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_clear_pointer (&suggestion->notes, g_ptr_array_unref);
  g_free (suggestion);
}

static const TitrateProtocolRow *
find_protocol (TitrateRules *rules,
               const char   *medicine,
               const char   *indication,
               double        age)
{
  const TitrateRuleTables *t = _titrate_rules_get_tables (rules);

  for (guint i = 0; i < t->protocols->len; i++)
    {
      const TitrateProtocolRow *row = &g_array_index (t->protocols, TitrateProtocolRow, i);

      if (row->medicine == medicine && g_strcmp0 (row->indication, indication) == 0 &&
          age >= row->age_min_years && age < row->age_max_years)
        return row;
    }
  return NULL;
}

static const TitrateRenalBandRow *
find_renal_band (TitrateRules *rules,
                 const char   *medicine,
                 double        crcl)
{
  const TitrateRuleTables *t = _titrate_rules_get_tables (rules);

  if (isnan (crcl))
    return NULL;
  for (guint i = 0; i < t->renal_bands->len; i++)
    {
      const TitrateRenalBandRow *row = &g_array_index (t->renal_bands, TitrateRenalBandRow, i);

      if (row->medicine == medicine && crcl >= row->crcl_min && crcl < row->crcl_max)
        return row;
    }
  return NULL;
}

static double
floor_to (double value,
          double unit)
{
  if (isnan (unit) || unit <= 0)
    return snap (value);
  return snap (floor (value / unit + EPSILON) * unit);
}

/* Numbers in notes follow the user's locale ("7,5 mg" in French). */
static char *
fmt (double value)
{
  return titrate_format_amount_display (value);
}

TitrateSuggestion *
titrate_planner_suggest (TitrateRules         *rules,
                         const TitratePatient *patient,
                         const TitrateRegimen *regimen,
                         GError              **error)
{
  g_autoptr(TitrateSuggestion) s = NULL;
  const TitrateProtocolRow *row;
  const TitrateAdjustmentRow *adj = NULL;
  const TitrateRenalBandRow *band = NULL;
  const char *indication;
  TitrateRenal renal;
  TitrateLimit limit;
  double strength, unit = NAN, factor = 1.0;
  double start_daily, step_dose, target;
  TitrateDivisibility divisible;
  const char *medicine;
  int every, n;

  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);

  medicine = _titrate_rules_medicine (rules, regimen->drug);
  if (medicine == NULL)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                   _("The rules database has no rules for “%s”."), regimen->drug ? regimen->drug : "");
      return NULL;
    }

  if (regimen->route != TITRATE_ROUTE_ORAL)
    {
      plan_error (error, _("Suggested protocols are for oral regimens only. Intrathecal dosing follows "
                  "the screening bolus and pump titration; no oral-to-intrathecal conversion is computed."));
      return NULL;
    }
  if (isnan (patient->age_years))
    {
      plan_error (error, _("Enter the patient's age to get a suggested protocol."));
      return NULL;
    }

  indication = regimen->indication;
  row = indication ? find_protocol (rules, medicine, indication, patient->age_years) : NULL;
  if (row == NULL)
    {
      g_autofree char *age = fmt (patient->age_years);
      plan_error (error, _("No sourced default protocol for %s at age %s years; enter the plan step by step."),
                  indication ? indication : _("no indication"), age);
      return NULL;
    }
  if ((!isnan (row->start_mg_per_kg_day) || !isnan (row->step_mg_per_kg_day) ||
       (isnan (row->target_daily_mg) && !isnan (row->target_mg_per_kg_day))) &&
      isnan (patient->weight_kg))
    {
      plan_error (error, _("Enter the patient's weight: this protocol is dosed in mg/kg."));
      return NULL;
    }

  s = g_new0 (TitrateSuggestion, 1);
  s->notes = g_ptr_array_new_with_free_func (g_free);
  n = row->doses_per_day;
  every = row->step_every_days;

  start_daily = !isnan (row->start_dose_mg) ? row->start_dose_mg * n
                                            : row->start_mg_per_kg_day * patient->weight_kg;
  if (!isnan (row->max_start_dose_mg))
    start_daily = MIN (start_daily, row->max_start_dose_mg * n);
  step_dose = !isnan (row->step_mg_per_dose) ? row->step_mg_per_dose
                                             : row->step_mg_per_kg_day * patient->weight_kg / n;
  target = !isnan (row->target_daily_mg) ? row->target_daily_mg
                                         : row->target_mg_per_kg_day * patient->weight_kg;
  g_ptr_array_add (s->notes, g_strdup_printf (_("%s (%s)"), row->note, row->source));

  /* Population adjustments */
  titrate_patient_get_renal_with_rules (patient, rules, regimen->drug, &renal);
  if (patient->dialysis)
    adj = _titrate_rules_get_adjustment (rules, medicine, "dialysis");
  else
    {
      band = find_renal_band (rules, medicine, renal.function_ml_min);
      adj = _titrate_rules_band_adjustment (rules, medicine, band);
    }
  if (adj != NULL)
    {
      g_autofree char *crcl = fmt (titrate_renal_estimate_shown (renal.crcl_ml_min, renal.crcl_basis));

      factor = adj->dose_factor;
      every = MAX (every, adj->min_step_every_days);
      if (patient->dialysis)
        g_ptr_array_add (s->notes, g_strdup_printf (_("On dialysis: %s (%s)"), adj->note, adj->source));
      else
        g_ptr_array_add (s->notes, g_strdup_printf (_("CrCl %s mL/min (%s): %s (%s)"), crcl,
                                                    titrate_renal_basis_to_label (renal.crcl_basis),
                                                    adj->note, adj->source));
    }
  if (_titrate_threshold_fires (_titrate_rules_threshold (rules, medicine, "cautious_titration_age"), patient->age_years))
    {
      const TitrateAdjustmentRow *elderly = _titrate_rules_get_adjustment (rules, medicine, "elderly");

      if (elderly != NULL && elderly->min_step_every_days > every)
        {
          every = elderly->min_step_every_days;
          g_ptr_array_add (s->notes, g_strdup_printf (_("Older adult: %s (%s)"), elderly->note, elderly->source));
        }
    }

  start_daily *= factor;
  step_dose *= factor;
  target *= factor;

  /* The applicable maximum caps the target. */
  titrate_check_applicable_limit (rules, patient, regimen, &limit);
  s->ceiling_daily_mg = limit.max_daily;
  if (!isnan (limit.max_daily) && target > limit.max_daily)
    target = limit.max_daily;

  /* Where the renal alert says the sources conflict (a source reports
   * toxicity at a dose below this band's reduced maximum), the suggestion
   * follows the stricter source and says so: it stays at its start, below
   * that dose, and does not step up. */
  if (band != NULL && !isnan (band->conflict_daily_mg) && target > band->conflict_daily_mg - EPSILON)
    {
      g_autofree char *ceil_s = fmt (round (target * 10) / 10);
      g_autofree char *tox = fmt (band->conflict_daily_mg);
      g_autofree char *st = fmt (start_daily);

      if (start_daily > band->conflict_daily_mg - EPSILON)
        {
          plan_error (error, _("The adjusted start (%s mg/day) is not below the %s mg/day at which %s reports "
                      "toxicity at this level of kidney function; enter the plan step by step."),
                      st, tox, band->conflict_source);
          return NULL;
        }
      g_ptr_array_add (s->notes,
                       g_strdup_printf (_("Sources conflict: this band's reduced maximum is %s mg/day, but %s "
                                          "reports toxicity from %s mg/day at this level of kidney function. "
                                          "This suggestion follows %s, the stricter source: it stays at the "
                                          "start dose (%s mg/day) and does not step up; any increase is a "
                                          "specialist's decision."),
                                       ceil_s, band->conflict_source, tox, band->conflict_source, st));
      target = start_daily;
    }

  /* Round DOWN to what the chosen strength measures, and say so. */
  _titrate_unit_for_regimen (rules, regimen, &strength, &divisible);
  if (divisible == TITRATE_DIVISIBILITY_SCORED_HALF)
    unit = strength / 2;
  else if (divisible == TITRATE_DIVISIBILITY_WHOLE)
    unit = strength;

  if (!isnan (unit))
    {
      double start_dose;

      while (n > 1 && start_daily / n < unit - EPSILON)
        n--;
      start_dose = floor_to (start_daily / n, unit);
      if (start_dose < unit - EPSILON)
        {
          g_autofree char *sd = fmt (start_daily);
          g_autofree char *u = fmt (unit);
          g_autofree char *st = fmt (strength);
          const TitrateFormulation *form = titrate_rules_get_formulation (rules, regimen->formulation);
          g_autofree char *form_label = _titrate_label_in_sentence (form != NULL ? form->label : _("tablet"));

          plan_error (error, _("The adjusted start (%s mg/day) is smaller than the smallest dose the "
                      "%s mg %s can give (%s mg). Choose a lower strength or an oral liquid."),
                      sd, st, form_label, u);
          return NULL;
        }
      if (fabs (start_dose * n - start_daily) > EPSILON)
        {
          g_autofree char *from = fmt (start_daily);
          g_autofree char *to = fmt (start_dose * n);
          g_autofree char *st = fmt (strength);
          if (divisible == TITRATE_DIVISIBILITY_SCORED_HALF)
            g_ptr_array_add (s->notes, g_strdup_printf (_("Start rounded down from %s to %s mg/day to fit %s mg tablets (halves allowed)."),
                                                        from, to, st));
          else
            g_ptr_array_add (s->notes, g_strdup_printf (_("Start rounded down from %s to %s mg/day to fit whole %s mg tablets."),
                                                        from, to, st));
        }
      s->protocol.start_dose_mg = start_dose;

      if (step_dose < unit - EPSILON)
        {
          /* Keep the same mg/day gained per day: a whole unit, less often. */
          int slower = (int) ceil (every * unit / step_dose - EPSILON);
          g_autofree char *u = fmt (unit);

          g_ptr_array_add (s->notes, g_strdup_printf (_("Steps of %s mg per dose (the smallest this strength "
                                                      "measures) every %d days instead of every %d, so the "
                                                      "daily increase per day is no faster."), u, slower, every));
          step_dose = unit;
          every = slower;
        }
      else
        step_dose = floor_to (step_dose, unit);
      target = floor_to (target, unit);
    }
  else
    {
      /* Liquids: kept to 1/1000 mg, and cut rather than rounded, so the
       * adjusted start and target are never exceeded. */
      s->protocol.start_dose_mg = floor_to (start_daily / n, 0.001);
      step_dose = floor_to (step_dose, 0.001);
      target = floor_to (target, 0.001);
    }

  s->protocol.kind = TITRATE_PROTOCOL_TITRATE;
  s->protocol.doses_per_day = n;
  s->protocol.step_mg_per_dose = step_dose;
  s->protocol.step_every_days = every;
  s->protocol.target_daily_mg = MAX (target, s->protocol.start_dose_mg * n);
  return g_steal_pointer (&s);
}
