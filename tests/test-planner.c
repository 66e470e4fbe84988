/* test-planner.c — protocol expansion, phases, calendar dates, tablets per dose,
 * population-adjusted suggestions
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "titrate-test-util.h"

static GArray *
expand (TitrateProtocolKind kind, double start_or_from, int n, double step, int every, double target)
{
  TitrateProtocol p = { kind, 0, n, step, every, target, 0 };
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (TitrateStep));
  g_autoptr(GError) error = NULL;

  if (kind == TITRATE_PROTOCOL_TITRATE)
    p.start_dose_mg = start_or_from;
  else
    p.from_daily_mg = start_or_from;
  g_assert_true (titrate_protocol_expand (&p, steps, &error));
  g_assert_no_error (error);
  return steps;
}

static void
assert_step (GArray *steps, guint i, int day, const char *doses)
{
  const TitrateStep *s = &g_array_index (steps, TitrateStep, i);
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint d = 0; d < s->n_doses; d++)
    {
      g_autofree char *a = titrate_format_amount (s->doses_mg[d]);
      g_string_append_printf (got, "%s%s", d ? "," : "", a);
    }
  g_assert_cmpint (s->day, ==, day);
  g_assert_cmpstr (got->str, ==, doses);
}

static void
test_label_titration (void)
{
  /* US label: 5 mg TID, +5 mg/dose every 3 days, to 20 mg TID (60 mg/day) */
  g_autoptr(GArray) steps = expand (TITRATE_PROTOCOL_TITRATE, 5, 3, 5, 3, 60);

  g_assert_cmpuint (steps->len, ==, 4);
  assert_step (steps, 0, 1, "5,5,5");
  assert_step (steps, 1, 4, "10,10,10");
  assert_step (steps, 2, 7, "15,15,15");
  assert_step (steps, 3, 10, "20,20,20");
}

static void
test_target_not_divisible (void)
{
  /* 80 mg/day in three doses: 25 mg TID = 75, then the last 5 mg goes to the
   * first dose, so the target is reached exactly and never exceeded. */
  g_autoptr(GArray) steps = expand (TITRATE_PROTOCOL_TITRATE, 5, 3, 5, 3, 80);

  g_assert_cmpuint (steps->len, ==, 6);
  assert_step (steps, 4, 13, "25,25,25");
  assert_step (steps, 5, 16, "30,25,25");
  g_assert_cmpfloat (titrate_step_daily_total (&g_array_index (steps, TitrateStep, 5)), ==, 80);
}

static void
test_taper (void)
{
  g_autoptr(GArray) steps = expand (TITRATE_PROTOCOL_TAPER, 60, 3, 5, 3, 0);

  g_assert_cmpuint (steps->len, ==, 5);
  assert_step (steps, 0, 1, "20,20,20");
  assert_step (steps, 3, 10, "5,5,5");
  assert_step (steps, 4, 13, "");
  g_assert_true (titrate_step_is_stopped (&g_array_index (steps, TitrateStep, 4)));
}

static void
test_taper_uneven (void)
{
  /* 80 mg/day in 3 doses, spread in parts of one step (10 mg) → 30,30,20;
   * doses that reach 0 drop out of the day */
  g_autoptr(GArray) steps = expand (TITRATE_PROTOCOL_TAPER, 80, 3, 10, 2, 0);

  assert_step (steps, 0, 1, "30,30,20");
  assert_step (steps, 1, 3, "20,20,10");
  assert_step (steps, 2, 5, "10,10");
  assert_step (steps, 3, 7, "");
  g_assert_cmpuint (steps->len, ==, 4);
}

static void
test_fractional_doses (void)
{
  /* 2.5 mg steps are kept exactly (no 7.499999) */
  g_autoptr(GArray) steps = expand (TITRATE_PROTOCOL_TAPER, 30, 3, 2.5, 3, 0);

  assert_step (steps, 1, 4, "7.5,7.5,7.5");
  assert_step (steps, 3, 10, "2.5,2.5,2.5");
  assert_step (steps, 4, 13, "");
}

static void
test_protocol_errors (void)
{
  TitrateProtocol p = { TITRATE_PROTOCOL_TITRATE, 30, 3, 5, 3, 60, 0 };
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (TitrateStep));
  GError *error = NULL;

  /* Start above the target */
  g_assert_false (titrate_protocol_expand (&p, steps, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_PLAN);
  g_assert_nonnull (strstr (error->message, "target_daily_mg"));
  g_clear_error (&error);

  p.start_dose_mg = 5;
  p.step_mg_per_dose = 0;
  g_assert_false (titrate_protocol_expand (&p, steps, &error));
  g_assert_nonnull (strstr (error->message, "step_mg_per_dose"));
  g_clear_error (&error);

  p.step_mg_per_dose = 5;
  p.doses_per_day = 0;
  g_assert_false (titrate_protocol_expand (&p, steps, &error));
  g_assert_nonnull (strstr (error->message, "doses_per_day"));
  g_clear_error (&error);
}

static void
test_phases (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5,5,5;4:10,10,10;7:15,15,15;20:10,10,10;23:5,5,5;26:");

  g_assert_cmpint (titrate_regimen_step_phase (r, 0), ==, TITRATE_PHASE_START);
  g_assert_cmpint (titrate_regimen_step_phase (r, 1), ==, TITRATE_PHASE_STEP_UP);
  g_assert_cmpint (titrate_regimen_step_phase (r, 2), ==, TITRATE_PHASE_MAINTENANCE);
  g_assert_cmpint (titrate_regimen_step_phase (r, 3), ==, TITRATE_PHASE_TAPER);
  g_assert_cmpint (titrate_regimen_step_phase (r, 4), ==, TITRATE_PHASE_TAPER);
  g_assert_cmpint (titrate_regimen_step_phase (r, 5), ==, TITRATE_PHASE_STOPPED);
  g_assert_cmpint (titrate_regimen_last_dosing_day (r), ==, 25);
  g_assert_cmpint (titrate_planner_horizon (r), ==, 26);
}

static void
test_calendar_dates (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5,5,5;4:10,10,10");
  TitrateDay d;

  /* Month end: 30 Jan 2027 + 2 days = 1 Feb */
  g_date_set_dmy (&r->start_date, 30, G_DATE_JANUARY, 2027);
  titrate_planner_get_day (test_rules (), r, 3, &d);
  g_assert_cmpint (g_date_get_day (&d.date), ==, 1);
  g_assert_cmpint (g_date_get_month (&d.date), ==, G_DATE_FEBRUARY);

  /* Leap year: 27 Feb 2028, day 3 = 29 Feb, day 4 = 1 Mar (the step-up) */
  g_date_set_dmy (&r->start_date, 27, G_DATE_FEBRUARY, 2028);
  titrate_planner_get_day (test_rules (), r, 3, &d);
  g_assert_cmpint (g_date_get_day (&d.date), ==, 29);
  g_assert_cmpint (g_date_get_month (&d.date), ==, G_DATE_FEBRUARY);
  titrate_planner_get_day (test_rules (), r, 4, &d);
  g_assert_cmpint (g_date_get_day (&d.date), ==, 1);
  g_assert_cmpint (g_date_get_month (&d.date), ==, G_DATE_MARCH);
  g_assert_true (d.is_change);
  g_assert_cmpfloat (d.daily_total, ==, 30);

  /* Not a leap year: 28 Feb 2027 + 1 = 1 Mar; year end 31 Dec → 1 Jan */
  g_date_set_dmy (&r->start_date, 28, G_DATE_FEBRUARY, 2027);
  titrate_planner_get_day (test_rules (), r, 2, &d);
  g_assert_cmpint (g_date_get_month (&d.date), ==, G_DATE_MARCH);
  g_date_set_dmy (&r->start_date, 31, G_DATE_DECEMBER, 2027);
  titrate_planner_get_day (test_rules (), r, 2, &d);
  g_assert_cmpint (g_date_get_year (&d.date), ==, 2028);

  /* Before the start: no phase */
  titrate_planner_get_day (test_rules (), r, 0, &d);
  g_assert_cmpint (d.phase, ==, TITRATE_PHASE_NONE);
}

static void
test_expand_days (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5,5,5;4:10,10,10;7:15,15,15;10:20,20,20");
  g_autoptr(GArray) days = titrate_planner_expand (test_rules (), r, 90);
  const TitrateDay *d;

  g_assert_cmpuint (days->len, ==, 90);
  d = &g_array_index (days, TitrateDay, 0);
  g_assert_cmpint (d->phase, ==, TITRATE_PHASE_START);
  g_assert_cmpfloat (d->daily_total, ==, 15);
  g_assert_cmpfloat (d->units_per_dose[0], ==, 1);     /* one 5 mg tablet */
  d = &g_array_index (days, TitrateDay, 89);
  g_assert_cmpint (d->phase, ==, TITRATE_PHASE_MAINTENANCE);
  g_assert_cmpfloat (d->daily_total, ==, 60);
  g_assert_cmpfloat (d->units_per_dose[2], ==, 4);     /* 20 mg = four 5 mg tablets */
  g_assert_false (d->is_change);
}

static void
test_screening_bolus_once (void)
{
  /* Boluses on days 1 and 2, pump from day 10: days 3–9 have no dose */
  g_autoptr(TitrateRegimen) r = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50;2:b75;10:d150");
  g_autoptr(GArray) days = titrate_planner_expand (test_rules (), r, 12);

  g_assert_cmpfloat (g_array_index (days, TitrateDay, 0).bolus_mcg, ==, 50);
  g_assert_cmpfloat (g_array_index (days, TitrateDay, 1).bolus_mcg, ==, 75);
  g_assert_cmpint (g_array_index (days, TitrateDay, 1).phase, ==, TITRATE_PHASE_SCREENING);
  for (int d = 3; d <= 9; d++)
    {
      g_assert_true (isnan (g_array_index (days, TitrateDay, d - 1).bolus_mcg));
      g_assert_cmpfloat (g_array_index (days, TitrateDay, d - 1).daily_total, ==, 0);
    }
  g_assert_cmpfloat (g_array_index (days, TitrateDay, 9).daily_mcg, ==, 150);
  g_assert_cmpfloat (g_array_index (days, TitrateDay, 11).daily_total, ==, 150);
}

static void
test_tablet_halves (void)
{
  TitrateRules *rules = test_rules ();
  const TitrateStrength *baclocur = titrate_rules_get_strength (rules, "tablet", 40);
  g_autoptr(TitrateRegimen) r = test_oral ("alcohol_use_disorder", "tablet", 40, "1:20,20");
  g_autoptr(TitrateRegimen) granules = test_oral ("spasticity", "granules", 5, "1:2.5");
  g_autoptr(TitrateRegimen) liquid = test_oral ("spasticity", "oral_solution", NAN, "1:7.5");
  double units;

  /* Baclocur 40 mg is scored: 20 mg is half a tablet; 10 mg is not measurable */
  g_assert_nonnull (baclocur);
  g_assert_true (baclocur->scored);
  g_assert_true (titrate_planner_units (rules, r, 20, &units));
  g_assert_cmpfloat (units, ==, 0.5);
  g_assert_false (titrate_planner_units (rules, r, 10, &units));
  g_assert_cmpfloat (units, ==, 0.25);

  /* Granule packets are whole only */
  g_assert_false (titrate_planner_units (rules, granules, 2.5, &units));

  /* Oral solution 1 mg/mL: 7.5 mg = 7.5 mL */
  liquid->concentration_mg_per_ml = 1;
  g_assert_true (titrate_planner_units (rules, liquid, 7.5, &units));
  g_assert_cmpfloat (units, ==, 7.5);

  /* Halves only where the database marks the tablet as scored */
  for (double s = 5; s <= 20; s += 5)
    {
      const TitrateStrength *st = titrate_rules_get_strength (rules, "tablet", s);
      g_autoptr(TitrateRegimen) t = test_oral ("spasticity", "tablet", s, "1:5");

      g_assert_nonnull (st);
      g_assert_cmpint (titrate_planner_units (rules, t, s / 2, &units), ==, st->scored);
      g_assert_true (titrate_planner_units (rules, t, s, &units));
      g_assert_cmpfloat (units, ==, 1);
    }
}

static void
test_suggest_adult (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateSuggestion) s = titrate_planner_suggest (test_rules (), p, r, &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->protocol.doses_per_day, ==, 3);
  g_assert_cmpfloat (s->protocol.start_dose_mg, ==, 5);
  g_assert_cmpfloat (s->protocol.step_mg_per_dose, ==, 5);
  g_assert_cmpint (s->protocol.step_every_days, ==, 3);
  g_assert_cmpfloat (s->protocol.target_daily_mg, ==, 60);
  g_assert_cmpfloat (s->ceiling_daily_mg, ==, 80);
  g_assert_cmpuint (s->notes->len, >=, 1);
}

static void
test_suggest_renal (void)
{
  /* CrCl 30.97 mL/min: Vlavonou ½ reduction, steps no closer than 7 days */
  g_autoptr(TitratePatient) p = test_adult (78, 55, TITRATE_SEX_FEMALE, 1.3);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateSuggestion) s = titrate_planner_suggest (test_rules (), p, r, &error);
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (TitrateStep));
  g_autoptr(GPtrArray) alerts = NULL;
  gboolean mentions_renal = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (s->protocol.step_every_days, >=, 7);
  g_assert_cmpfloat (s->ceiling_daily_mg, ==, 40);
  g_assert_cmpfloat (s->protocol.target_daily_mg, <=, 30 + 1e-9);   /* 60 × ½ */
  g_assert_cmpfloat (s->protocol.start_dose_mg * s->protocol.doses_per_day, <=, 7.5 + 1e-9);
  for (guint i = 0; i < s->notes->len; i++)
    mentions_renal |= strstr (g_ptr_array_index (s->notes, i), "CrCl 30.9 mL/min") != NULL;
  g_assert_true (mentions_renal);

  /* The suggestion passes its own renal dose checks */
  g_assert_true (titrate_protocol_expand (&s->protocol, steps, &error));
  g_array_set_size (r->steps, 0);
  g_array_append_vals (r->steps, steps->data, steps->len);
  alerts = titrate_check (test_rules (), p, r, NULL, &error);
  g_assert_no_error (error);
  assert_no_alert (alerts, "renal.moderate");
  assert_no_alert (alerts, "dose.unmeasurable");
  assert_no_alert (alerts, "elderly.cautious_titration");
  assert_no_alert (alerts, "titration.oral.step_fast");
}

static void
test_suggest_severe_ckd (void)
{
  /* CrCl about 23 mL/min (CKD stage 4). One third of the 80 mg/day label
   * maximum (Vlavonou 2014) would allow about 26.7 mg/day, but Cheong 2020
   * reports toxicity from 10 mg/day in CKD stages 4–5, and the reference's
   * suggested rule below eGFR 30 is a hard stop or an override with a
   * 2.5–5 mg/day ceiling. The stricter source sets this patient's maximum
   * (5 mg/day, an absolute renal ceiling), and the suggestion never goes
   * above it; its notes name the ceiling and the sources that conflict. */
  g_autoptr(TitratePatient) p = test_adult (60, 60, TITRATE_SEX_FEMALE, 2.5);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateSuggestion) s = titrate_planner_suggest (test_rules (), p, r, &error);
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (TitrateStep));
  g_autoptr(GPtrArray) alerts = NULL;
  gboolean names_ceiling = FALSE;
  double peak = 0;
  TitrateLimit limit;

  titrate_check_applicable_limit (test_rules (), p, r, &limit);
  g_assert_cmpfloat (limit.max_daily, ==, 5);
  g_assert_cmpfloat (limit.renal_ceiling, ==, 5);
  g_assert_cmpstr (limit.rule_code, ==, "renal.severe");

  g_assert_no_error (error);
  g_assert_cmpfloat (s->protocol.start_dose_mg * s->protocol.doses_per_day, <=, 5 + 1e-9);
  g_assert_cmpfloat (s->protocol.target_daily_mg, <=, 5 + 1e-9);
  g_assert_cmpint (s->protocol.step_every_days, >=, 7);
  for (guint i = 0; i < s->notes->len; i++)
    {
      const char *note = g_ptr_array_index (s->notes, i);

      names_ceiling |= strstr (note, "2.5–5 mg/day") != NULL && strstr (note, "Cheong 2020") != NULL &&
                       strstr (note, "Vlavonou 2014") != NULL && strstr (note, "stricter") != NULL;
    }
  if (!names_ceiling)
    for (guint i = 0; i < s->notes->len; i++)
      g_printerr ("note: %s\n", (const char *) g_ptr_array_index (s->notes, i));
  g_assert_true (names_ceiling);

  /* Expanded, it never goes above the ceiling; the renal alert (avoid
   * below 30) still shows, with the plan's own peak and the ceiling. */
  g_assert_true (titrate_protocol_expand (&s->protocol, steps, &error));
  g_array_set_size (r->steps, 0);
  g_array_append_vals (r->steps, steps->data, steps->len);
  for (guint i = 0; i < r->steps->len; i++)
    peak = MAX (peak, titrate_step_daily_total (&g_array_index (r->steps, TitrateStep, i)));
  g_assert_cmpfloat (peak, <=, 5 + 1e-9);
  alerts = titrate_check (test_rules (), p, r, NULL, &error);
  g_assert_no_error (error);
  {
    const TitrateAlert *a = find_alert (alerts, "renal.severe");

    g_assert_nonnull (a);
    g_assert_nonnull (strstr (a->trigger, "plan peaks at 5 mg/day, within the ceiling of about 5 mg/day"));
    g_assert_nonnull (strstr (a->trigger, "not the label maximum × 0.333 (26.667 mg/day)"));
  }
  assert_no_alert (alerts, "titration.oral.step_fast");
  assert_no_alert (alerts, "dose.unmeasurable");
  assert_no_alert (alerts, "dose.oral.spasticity.label_max");
}

static void
test_suggest_dialysis (void)
{
  /* On dialysis: the sourced ceiling (about 5 mg/day, UK/CA), start 2.5 mg/day (Cheong) */
  g_autoptr(TitratePatient) p = test_adult (70, 70, TITRATE_SEX_MALE, 6.0);
  g_autoptr(TitrateRegimen) tablets = test_oral ("spasticity", "tablet", 10, "1:5");
  g_autoptr(TitrateRegimen) liquid = test_oral ("spasticity", "oral_solution", NAN, "1:1");
  g_autoptr(TitrateSuggestion) s = NULL;
  GError *error = NULL;
  TitrateLimit limit;

  p->dialysis = TRUE;
  titrate_check_applicable_limit (test_rules (), p, tablets, &limit);
  g_assert_cmpfloat (limit.max_daily, ==, 5);
  g_assert_cmpstr (limit.rule_code, ==, "renal.dialysis");

  /* Half a 10 mg tablet (5 mg) is already above the 2.5 mg/day start: refused, with the way out */
  g_assert_null (titrate_planner_suggest (test_rules (), p, tablets, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_PLAN);
  g_assert_nonnull (strstr (error->message, "oral liquid"));
  g_clear_error (&error);

  liquid->concentration_mg_per_ml = 1;
  s = titrate_planner_suggest (test_rules (), p, liquid, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (s->ceiling_daily_mg, ==, 5);
  g_assert_cmpfloat (s->protocol.target_daily_mg, <=, 5);
  g_assert_cmpfloat (s->protocol.start_dose_mg * s->protocol.doses_per_day, <=, 2.5 + 1e-9);
}

static void
test_suggest_child (void)
{
  /* 6 years, 20 kg: weight-based start, weekly steps, age-band ceiling 40 mg/day */
  g_autoptr(TitratePatient) p = test_adult (6, 20, TITRATE_SEX_MALE, NAN);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "oral_solution", NAN, "1:1");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateSuggestion) s = NULL;

  r->concentration_mg_per_ml = 1;
  s = titrate_planner_suggest (test_rules (), p, r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->protocol.step_every_days, ==, 7);
  g_assert_cmpfloat (s->protocol.start_dose_mg * s->protocol.doses_per_day, <=, 0.5 * 20 + 1e-9);
  g_assert_cmpfloat (s->protocol.target_daily_mg, <=, 40);
  g_assert_cmpfloat (s->ceiling_daily_mg, <=, 40);

  /* No weight: refused with a message naming what is needed */
  p->weight_kg = NAN;
  g_clear_pointer (&s, titrate_suggestion_free);
  s = titrate_planner_suggest (test_rules (), p, r, &error);
  g_assert_null (s);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_PLAN);
  g_assert_nonnull (strstr (error->message, "weight"));
}

static void
test_suggest_refusals (void)
{
  g_autoptr(TitratePatient) p = test_adult (1, 9, TITRATE_SEX_MALE, NAN);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5");
  g_autoptr(TitrateRegimen) it = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50");
  GError *error = NULL;

  /* Under 2 years: no sourced protocol */
  g_assert_null (titrate_planner_suggest (test_rules (), p, r, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_PLAN);
  g_clear_error (&error);

  /* Intrathecal: never derived from an oral dose */
  p->age_years = 40;
  g_assert_null (titrate_planner_suggest (test_rules (), p, it, &error));
  g_assert_nonnull (strstr (error->message, "no oral-to-intrathecal conversion"));
  g_clear_error (&error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/titrate/planner/label-titration", test_label_titration);
  g_test_add_func ("/titrate/planner/target-not-divisible", test_target_not_divisible);
  g_test_add_func ("/titrate/planner/taper", test_taper);
  g_test_add_func ("/titrate/planner/taper-uneven", test_taper_uneven);
  g_test_add_func ("/titrate/planner/fractional-doses", test_fractional_doses);
  g_test_add_func ("/titrate/planner/protocol-errors", test_protocol_errors);
  g_test_add_func ("/titrate/planner/phases", test_phases);
  g_test_add_func ("/titrate/planner/calendar-dates", test_calendar_dates);
  g_test_add_func ("/titrate/planner/expand-days", test_expand_days);
  g_test_add_func ("/titrate/planner/tablet-halves", test_tablet_halves);
  g_test_add_func ("/titrate/planner/screening-bolus-once", test_screening_bolus_once);
  g_test_add_func ("/titrate/planner/suggest-adult", test_suggest_adult);
  g_test_add_func ("/titrate/planner/suggest-renal", test_suggest_renal);
  g_test_add_func ("/titrate/planner/suggest-child", test_suggest_child);
  g_test_add_func ("/titrate/planner/suggest-dialysis", test_suggest_dialysis);
  g_test_add_func ("/titrate/planner/suggest-severe-ckd", test_suggest_severe_ckd);
  g_test_add_func ("/titrate/planner/suggest-refusals", test_suggest_refusals);
  return g_test_run ();
}
