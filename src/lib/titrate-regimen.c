/* titrate-regimen.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "titrate-error.h"
#include "titrate-regimen.h"
#include "titrate-pump.h"
#include "titrate-rules-private.h"

G_DEFINE_BOXED_TYPE (TitrateRegimen, titrate_regimen, titrate_regimen_copy, titrate_regimen_free)

#define EPSILON 1e-9

/* Steps */

void
titrate_step_init_oral (TitrateStep  *step,
                        int           day,
                        const double *doses_mg,
                        guint         n_doses)
{
  g_return_if_fail (n_doses <= TITRATE_MAX_DOSES_PER_DAY);

  memset (step, 0, sizeof *step);
  step->day = day;
  step->n_doses = n_doses;
  for (guint i = 0; i < n_doses; i++)
    step->doses_mg[i] = doses_mg[i];
  step->daily_mcg = NAN;
  step->bolus_mcg = NAN;
}

void
titrate_step_init_stopped (TitrateStep *step,
                           int          day)
{
  titrate_step_init_oral (step, day, NULL, 0);
}

gboolean
titrate_step_is_stopped (const TitrateStep *step)
{
  for (guint i = 0; i < step->n_doses; i++)
    if (step->doses_mg[i] > 0)
      return FALSE;
  if (!isnan (step->daily_mcg) && step->daily_mcg > 0)
    return FALSE;
  if (!isnan (step->bolus_mcg) && step->bolus_mcg > 0)
    return FALSE;
  return TRUE;
}

double
titrate_step_daily_total (const TitrateStep *step)
{
  double total = 0;

  if (!isnan (step->daily_mcg))
    return step->daily_mcg;
  if (!isnan (step->bolus_mcg))
    return step->bolus_mcg;
  for (guint i = 0; i < step->n_doses; i++)
    total += step->doses_mg[i];
  return total;
}

const char *
titrate_protocol_kind_to_string (TitrateProtocolKind kind)
{
  return kind == TITRATE_PROTOCOL_TAPER ? "taper" : "titrate";
}

/* Regimen */

TitrateRegimen *
titrate_regimen_new (TitrateRoute route)
{
  TitrateRegimen *r = g_new0 (TitrateRegimen, 1);

  /* The rules database's default medicine (meta.drug): no name in C. */
  if (_titrate_rules_get_shared () != NULL)
    r->drug = g_strdup (titrate_rules_lookup_medicine (_titrate_rules_get_shared (), NULL));
  r->route = route;
  r->strength_mg = NAN;
  r->concentration_mg_per_ml = NAN;
  r->concentration_mcg_per_ml = NAN;
  r->screening_effective_mcg = NAN;
  r->screening_effect_hours = NAN;
  g_date_clear (&r->start_date, 1);
  r->spasticity_origin = TITRATE_ORIGIN_UNSET;
  r->steps = g_array_new (FALSE, TRUE, sizeof (TitrateStep));
  return r;
}

TitrateRegimen *
titrate_regimen_copy (const TitrateRegimen *regimen)
{
  TitrateRegimen *r;

  g_return_val_if_fail (regimen != NULL, NULL);

  r = g_memdup2 (regimen, sizeof *regimen);
  r->drug = g_strdup (regimen->drug);
  r->indication = g_strdup (regimen->indication);
  r->formulation = g_strdup (regimen->formulation);
  r->steps = g_array_copy (regimen->steps);
  r->pump = regimen->pump != NULL ? titrate_pump_copy (regimen->pump) : NULL;
  return r;
}

void
titrate_regimen_free (TitrateRegimen *regimen)
{
  if (regimen == NULL)
    return;
  g_free (regimen->drug);
  g_free (regimen->indication);
  g_free (regimen->formulation);
  g_clear_pointer (&regimen->steps, g_array_unref);
  g_clear_pointer (&regimen->pump, titrate_pump_free);
  g_free (regimen);
}

static gboolean
check_step_units (TitrateRoute       route,
                  const TitrateStep *step,
                  guint              index,
                  GError           **error)
{
  if (route == TITRATE_ROUTE_ORAL && (!isnan (step->daily_mcg) || !isnan (step->bolus_mcg)))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_UNIT,
                   _("regimen.steps[%u]: intrathecal dose (mcg) in an oral regimen; "
                   "oral doses are given in mg and are never converted"), index);
      return FALSE;
    }
  if (route == TITRATE_ROUTE_INTRATHECAL && step->n_doses > 0)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_UNIT,
                   _("regimen.steps[%u]: oral doses (mg) in an intrathecal regimen; "
                   "intrathecal doses are given in mcg and are never converted"), index);
      return FALSE;
    }
  if (!isnan (step->daily_mcg) && !isnan (step->bolus_mcg))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("regimen.steps[%u]: give either daily_mcg or bolus_mcg, not both"), index);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_amount (double      value,
              guint       index,
              const char *field,
              GError    **error)
{
  if (!isfinite (value) || value < 0)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("regimen.steps[%u].%s: must be a number of 0 or more"), index, field);
      return FALSE;
    }
  return TRUE;
}

gboolean
titrate_regimen_validate (const TitrateRegimen *regimen,
                          GError              **error)
{
  int previous_day = 0;

  g_return_val_if_fail (regimen != NULL, FALSE);

  for (guint i = 0; i < regimen->steps->len; i++)
    {
      const TitrateStep *step = &g_array_index (regimen->steps, TitrateStep, i);

      if (step->day < 1)
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("regimen.steps[%u].day: must be 1 or more (day 1 is the start date)"), i);
          return FALSE;
        }
      if (step->day <= previous_day)
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("regimen.steps[%u].day: steps must be in increasing day order "
                       "(day %d follows day %d)"), i, step->day, previous_day);
          return FALSE;
        }
      previous_day = step->day;

      if (!check_step_units (regimen->route, step, i, error))
        return FALSE;
      if (step->n_doses > TITRATE_MAX_DOSES_PER_DAY)
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("regimen.steps[%u].doses_mg: at most %d doses a day"),
                       i, TITRATE_MAX_DOSES_PER_DAY);
          return FALSE;
        }
      for (guint d = 0; d < step->n_doses; d++)
        if (!check_amount (step->doses_mg[d], i, "doses_mg", error))
          return FALSE;
      if (!isnan (step->daily_mcg) && !check_amount (step->daily_mcg, i, "daily_mcg", error))
        return FALSE;
      if (!isnan (step->bolus_mcg) && !check_amount (step->bolus_mcg, i, "bolus_mcg", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
titrate_regimen_add_step (TitrateRegimen    *regimen,
                          const TitrateStep *step,
                          GError           **error)
{
  guint i;

  g_return_val_if_fail (regimen != NULL, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (step->day < 1)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("step day must be 1 or more (day 1 is the start date)"));
      return FALSE;
    }
  if (!check_step_units (regimen->route, step, regimen->steps->len, error))
    return FALSE;

  for (i = 0; i < regimen->steps->len; i++)
    {
      TitrateStep *s = &g_array_index (regimen->steps, TitrateStep, i);

      if (s->day == step->day)
        {
          *s = *step;
          return TRUE;
        }
      if (s->day > step->day)
        break;
    }
  g_array_insert_val (regimen->steps, i, *step);
  return TRUE;
}

int
titrate_regimen_step_at (const TitrateRegimen *regimen,
                         int                   day)
{
  int lo = 0, hi = (int) regimen->steps->len - 1, found = -1;

  /* Binary search for the last step starting on or before @day. */
  while (lo <= hi)
    {
      int mid = (lo + hi) / 2;

      if (g_array_index (regimen->steps, TitrateStep, mid).day <= day)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  return found;
}

int
titrate_regimen_last_dosing_day (const TitrateRegimen *regimen)
{
  for (guint i = 0; i < regimen->steps->len; i++)
    {
      const TitrateStep *s = &g_array_index (regimen->steps, TitrateStep, i);

      if (titrate_step_is_stopped (s))
        return s->day - 1;
    }
  return -1;
}

gboolean
titrate_units_per_dose (double              dose_mg,
                        double              strength,
                        TitrateDivisibility divisible,
                        double             *units)
{
  double u, twice;

  *units = NAN;
  if (isnan (dose_mg) || isnan (strength) || strength <= 0 || divisible == TITRATE_DIVISIBILITY_UNKNOWN)
    return FALSE;

  u = dose_mg / strength;
  *units = u;
  if (divisible == TITRATE_DIVISIBILITY_VOLUME)
    return TRUE;
  if (divisible == TITRATE_DIVISIBILITY_SCORED_HALF)
    {
      twice = u * 2;
      return fabs (twice - round (twice)) < EPSILON * MAX (1.0, twice);
    }
  return fabs (u - round (u)) < EPSILON * MAX (1.0, u);
}
