/* test-pump.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Intrathecal pump: the reservoir arithmetic, the document's pump section
 * and the refill alerts, written from the clinical reference (addendum §1)
 * as a pharmacist would check them by hand.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "titrate.h"
#include "titrate-pump.h"

static TitrateRules *rules;

/* A spinal-origin adult on a pump. @steps and @pump are JSON fragments. */
static char *
doc_json (const char *age,
          const char *concentration,
          const char *steps,
          const char *pump)
{
  return g_strdup_printf (
    "{\"format\": \"titrate-regimen\", \"version\": 1,"
    " \"patient\": {\"age_years\": %s, \"weight_kg\": 70, \"sex\": \"male\", \"serum_creatinine_mg_dl\": 0.9},"
    " \"regimen\": {\"route\": \"intrathecal\", \"indication\": \"severe_spasticity\","
    "   \"formulation\": \"intrathecal_solution\", \"concentration_mcg_per_ml\": %s,"
    "   \"spasticity_origin\": \"spinal\", \"start_date\": \"2027-01-04\","
    "   \"steps\": %s, \"pump\": %s}}",
    age, concentration, steps, pump);
}

static TitrateDocument *
load (const char *json,
      GError    **error)
{
  return titrate_document_load_from_data (json, -1, error);
}

static TitrateDocument *
load_ok (const char *age,
         const char *concentration,
         const char *steps,
         const char *pump)
{
  g_autofree char *json = doc_json (age, concentration, steps, pump);
  g_autoptr(GError) error = NULL;
  TitrateDocument *doc = load (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = titrate_pump_format_date (date);

  g_assert_cmpstr (text, ==, iso);
}

static TitratePumpPlan *
plan_of (TitrateDocument *doc)
{
  g_autoptr(GError) error = NULL;
  TitratePumpPlan *plan = titrate_pump_plan (rules, doc->regimen, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static GPtrArray *
check (TitrateDocument *doc)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);

  g_assert_no_error (error);
  g_assert_nonnull (alerts);
  return alerts;
}

static TitrateAlert *
find (GPtrArray  *alerts,
      const char *code)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      TitrateAlert *a = g_ptr_array_index (alerts, i);

      if (strcmp (a->code, code) == 0)
        return a;
    }
  return NULL;
}

static guint
count_prefix (GPtrArray  *alerts,
              const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < alerts->len; i++)
    if (g_str_has_prefix (((TitrateAlert *) g_ptr_array_index (alerts, i))->code, prefix))
      n++;
  return n;
}

#define STEADY_500 "[{\"day\": 1, \"daily_mcg\": 500}]"

/* 20 mL of 500 mcg/mL, 500 mcg/day = 1 mL/day, alarm at 2 mL, refill
 * 2027-01-04: 18 mL last 18 days counting the refill day, so the alarm is on
 * the 18th day (2027-01-21), empty on the 20th (2027-01-23), refill by
 * 2027-01-14 with the 7-day default margin. */
static char *
steady_pump (const char *next)
{
  return g_strdup_printf ("{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2,"
                          " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]"
                          "%s%s%s}",
                          next ? ", \"next_refill_date\": \"" : "", next ? next : "", next ? "\"" : "");
}

static void
test_arithmetic_steady (void)
{
  g_autofree char *pump = steady_pump ("2027-01-14");
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500, pump);
  g_autoptr(TitratePumpPlan) plan = plan_of (doc);

  assert_date (&plan->alarm_date, "2027-01-21");
  assert_date (&plan->empty_date, "2027-01-23");
  assert_date (&plan->refill_by_date, "2027-01-14");
  g_assert_cmpint (plan->days_to_alarm, ==, 17);
  g_assert_cmpint (plan->days_to_empty, ==, 19);
  g_assert_cmpint (plan->margin_days, ==, 7);
  g_assert_cmpfloat_with_epsilon (plan->ml_per_day, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (g_array_index (plan->days, TitratePumpDay, 0).remaining_ml, 19.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (g_array_index (plan->days, TitratePumpDay, 17).remaining_ml, 2.0, 1e-12);
  /* End of 2027-01-13, the day before the refill: 10 mL used, 10 left. */
  g_assert_cmpfloat_with_epsilon (plan->remaining_ml_before_next_refill, 10.0, 1e-12);
}

static void
test_arithmetic_concentrations (void)
{
  /* 1000 mcg/mL (Gablofen), 500 mcg/day = 0.5 mL/day: 18 mL last 36 days. */
  {
    g_autoptr(TitrateDocument) doc = load_ok ("40", "1000", STEADY_500,
      "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-02-01\","
      " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 1000}]}");
    g_autoptr(TitratePumpPlan) plan = plan_of (doc);

    assert_date (&plan->alarm_date, "2027-02-08");
    assert_date (&plan->empty_date, "2027-02-12");
    assert_date (&plan->refill_by_date, "2027-02-01");
    g_assert_cmpfloat_with_epsilon (plan->ml_per_day, 0.5, 1e-12);
  }
  /* 2000 mcg/mL in a 40 mL pump, 600 mcg/day = 0.3 mL/day: 38 mL last
   * 126.67 days, so the alarm falls part-way through the 127th day
   * (2027-05-10), never the day after. */
  {
    g_autoptr(TitrateDocument) doc = load_ok ("40", "2000", "[{\"day\": 1, \"daily_mcg\": 600}]",
      "{\"model\": \"synchromed_ii_40\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-04-20\","
      " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 40, \"concentration_mcg_per_ml\": 2000}]}");
    g_autoptr(TitratePumpPlan) plan = plan_of (doc);
    g_autoptr(GPtrArray) alerts = check (doc);

    assert_date (&plan->alarm_date, "2027-05-10");
    assert_date (&plan->empty_date, "2027-05-17");
    assert_date (&plan->refill_by_date, "2027-05-03");
    g_assert_cmpint (plan->days_to_alarm, ==, 126);
    g_assert_cmpfloat_with_epsilon (plan->ml_per_day, 0.3, 1e-12);
    g_assert_cmpuint (count_prefix (alerts, "pump.refill."), ==, 0);
  }
}

static void
test_arithmetic_leap_and_month_end (void)
{
  /* Refill on 2028-02-27 (leap year), 1 mL/day: 29 February is a day of
   * infusion like any other. */
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2028-03-08\","
    " \"refills\": [{\"date\": \"2028-02-27\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}");
  g_autoptr(TitratePumpPlan) plan = plan_of (doc);
  g_autoptr(TitrateDocument) doc2 = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-02-10\","
    " \"refills\": [{\"date\": \"2027-01-31\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}");
  g_autoptr(TitratePumpPlan) plan2 = plan_of (doc2);
  g_autoptr(GPtrArray) alerts = check (doc);

  assert_date (&g_array_index (plan->days, TitratePumpDay, 2).date, "2028-02-29");
  assert_date (&plan->alarm_date, "2028-03-15");
  assert_date (&plan->empty_date, "2028-03-17");
  assert_date (&plan->refill_by_date, "2028-03-08");
  g_assert_null (find (alerts, "pump.refill.after_refill_by"));

  assert_date (&plan2->alarm_date, "2027-02-17");
  assert_date (&plan2->refill_by_date, "2027-02-10");
}

static void
test_arithmetic_dose_change (void)
{
  /* 500 mcg/day for days 1–10 (10 mL), then 1000 mcg/day (2 mL/day): 8 mL
   * more reach the alarm on the 4th day (2027-01-17), 10 mL on the 5th. */
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500",
    "[{\"day\": 1, \"daily_mcg\": 500}, {\"day\": 11, \"daily_mcg\": 1000}]",
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-01-10\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}");
  g_autoptr(TitratePumpPlan) plan = plan_of (doc);

  assert_date (&plan->alarm_date, "2027-01-17");
  assert_date (&plan->empty_date, "2027-01-18");
  assert_date (&plan->refill_by_date, "2027-01-10");
  g_assert_cmpfloat (plan->daily_mcg_min, ==, 500);
  g_assert_cmpfloat (plan->daily_mcg_max, ==, 1000);
  /* 18 mL over 14 days */
  g_assert_cmpfloat_with_epsilon (plan->ml_per_day, 18.0 / 14.0, 1e-12);
}

static void
test_arithmetic_bolus (void)
{
  /* A 1000 mcg bolus from the reservoir on 2027-01-06 takes 2 mL at
   * 500 mcg/mL: the alarm comes 2 days earlier (2027-01-19). A bolus before
   * the last refill does not count. */
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-01-12\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}],"
    " \"boluses\": [{\"date\": \"2026-12-20\", \"dose_mcg\": 5000}, {\"date\": \"2027-01-06\", \"dose_mcg\": 1000}]}");
  g_autoptr(TitratePumpPlan) plan = plan_of (doc);

  assert_date (&plan->alarm_date, "2027-01-19");
  assert_date (&plan->empty_date, "2027-01-21");
  assert_date (&plan->refill_by_date, "2027-01-12");
  g_assert_cmpfloat_with_epsilon (plan->bolus_ml, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (g_array_index (plan->days, TitratePumpDay, 2).used_ml, 3.0, 1e-12);
}

static void
assert_refused (const char *pump,
                const char *concentration,
                const char *field)
{
  g_autofree char *json = doc_json ("40", concentration, STEADY_500, pump);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = load (json, &error);
  g_autofree char *prefix = g_strconcat (field, ": ", NULL);

  g_assert_null (doc);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
test_bad_input (void)
{
  /* refill volume above the reservoir */
  assert_refused ("{\"model\": \"other\", \"reservoir_ml\": 20, \"low_reservoir_alarm_ml\": 2,"
                  " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 25, \"concentration_mcg_per_ml\": 500}]}",
                  "500", "regimen.pump.refills[0].volume_ml");
  /* concentration not the regimen's */
  assert_refused ("{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2,"
                  " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 2000}]}",
                  "500", "regimen.pump.refills[0].concentration_mcg_per_ml");
  /* refill dates out of order, and the same date twice */
  assert_refused ("{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2,"
                  " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500},"
                  " {\"date\": \"2026-12-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}",
                  "500", "regimen.pump.refills[1].date");
  assert_refused ("{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2,"
                  " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500},"
                  " {\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}",
                  "500", "regimen.pump.refills[1].date");
  /* alarm volume at or above the reservoir */
  assert_refused ("{\"model\": \"other\", \"reservoir_ml\": 20, \"low_reservoir_alarm_ml\": 20, \"refills\": []}",
                  "500", "regimen.pump.low_reservoir_alarm_ml");
  assert_refused ("{\"model\": \"other\", \"reservoir_ml\": 20, \"low_reservoir_alarm_ml\": 21, \"refills\": []}",
                  "500", "regimen.pump.low_reservoir_alarm_ml");
  /* "other" needs its reservoir; models are a closed list */
  assert_refused ("{\"model\": \"other\", \"refills\": []}", "500", "regimen.pump.reservoir_ml");
  assert_refused ("{\"model\": \"SynchroMed\", \"refills\": []}", "500", "regimen.pump.model");
  assert_refused ("{\"refills\": []}", "500", "regimen.pump.model");
  /* next refill not after the last */
  assert_refused ("{\"model\": \"synchromed_ii_20\", \"next_refill_date\": \"2027-01-04\","
                  " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}",
                  "500", "regimen.pump.next_refill_date");
  /* malformed values */
  assert_refused ("{\"model\": \"synchromed_ii_20\","
                  " \"refills\": [{\"date\": \"2027-02-30\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}",
                  "500", "regimen.pump.refills[0].date");
  assert_refused ("{\"model\": \"synchromed_ii_20\","
                  " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": \"20\", \"concentration_mcg_per_ml\": 500}]}",
                  "500", "regimen.pump.refills[0].volume_ml");
  assert_refused ("{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": -1, \"refills\": []}",
                  "500", "regimen.pump.low_reservoir_alarm_ml");
  assert_refused ("{\"model\": \"synchromed_ii_20\", \"refills\": [],"
                  " \"boluses\": [{\"date\": \"2027-01-05\", \"dose_mcg\": 0}]}",
                  "500", "regimen.pump.boluses[0].dose_mcg");
  assert_refused ("{\"model\": \"synchromed_ii_20\","
                  " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500, \"note\": 1}]}",
                  "500", "regimen.pump.refills[0].note");

  /* an oral unit is refused as a unit error, never converted */
  {
    g_autofree char *json = doc_json ("40", "500", STEADY_500,
      "{\"model\": \"synchromed_ii_20\", \"refills\": [], \"boluses\": [{\"date\": \"2027-01-05\", \"dose_mg\": 1}]}");
    g_autoptr(GError) error = NULL;
    g_autoptr(TitrateDocument) doc = load (json, &error);

    g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_UNIT);
  }
  /* a pump on an oral regimen */
  {
    const char *json =
      "{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {\"age_years\": 40},"
      " \"regimen\": {\"route\": \"oral\", \"indication\": \"spasticity\", \"start_date\": \"2027-01-04\","
      "  \"steps\": [{\"day\": 1, \"doses_mg\": [5, 5, 5]}], \"pump\": {\"model\": \"synchromed_ii_20\"}}}";
    g_autoptr(GError) error = NULL;
    g_autoptr(TitrateDocument) doc = load (json, &error);

    g_assert_nonnull (error);
    g_assert_true (g_str_has_prefix (error->message, "regimen.pump: "));
  }
}

static void
test_reservoir_against_model (void)
{
  /* Named as a 20 mL SynchroMed II but entered as 40 mL: the database
   * knows the model, so the pump is refused and never planned. */
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"reservoir_ml\": 40, \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-02-20\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 40, \"concentration_mcg_per_ml\": 500}]}");
  g_autoptr(TitrateDocument) doc2 = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"prometra_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-02-20\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 30, \"concentration_mcg_per_ml\": 500}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GPtrArray) alerts = check (doc);
  TitrateAlert *a = find (alerts, "pump.inconsistent");

  g_assert_false (titrate_pump_validate_with_rules (doc->regimen->pump, doc->regimen, rules, &error));
  g_assert_true (g_str_has_prefix (error->message, "regimen.pump.reservoir_ml: "));
  g_assert_false (titrate_pump_validate_with_rules (doc2->regimen->pump, doc2->regimen, rules, &error2));
  g_assert_true (g_str_has_prefix (error2->message, "regimen.pump.refills[0].volume_ml: "));
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_cmpuint (count_prefix (alerts, "pump.refill."), ==, 0);
}

static void
assert_tier (const char     *next,
             const char     *code,
             TitrateSeverity severity)
{
  g_autofree char *pump = steady_pump (next);
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500, pump);
  g_autoptr(GPtrArray) alerts = check (doc);
  TitrateAlert *a;

  g_test_message ("next refill %s", next);
  if (code == NULL)
    {
      g_assert_cmpuint (count_prefix (alerts, "pump.refill."), ==, 0);
      return;
    }
  g_assert_cmpuint (count_prefix (alerts, "pump.refill."), ==, 1);
  a = find (alerts, code);
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, severity);
  g_assert_cmpint (a->category, ==, TITRATE_CATEGORY_WITHDRAWAL);
  /* What the prescriber needs: the dates, mcg/day and mL/day. */
  g_assert_nonnull (strstr (a->trigger, next));
  g_assert_nonnull (strstr (a->trigger, "2027-01-23"));
  g_assert_nonnull (strstr (a->trigger, "500 mcg/day"));
  g_assert_nonnull (strstr (a->trigger, "1 mL/day"));
  g_assert_nonnull (strstr (a->reason, a->trigger));
  g_assert_cmpstr (a->source, !=, "");
}

static void
test_tiers (void)
{
  /* refill-by 2027-01-14, alarm 2027-01-21, empty 2027-01-23 */
  assert_tier ("2027-01-10", NULL, 0);
  assert_tier ("2027-01-14", NULL, 0);
  assert_tier ("2027-01-15", "pump.refill.after_refill_by", TITRATE_SEVERITY_MODERATE);
  assert_tier ("2027-01-20", "pump.refill.after_refill_by", TITRATE_SEVERITY_MODERATE);
  assert_tier ("2027-01-21", "pump.refill.after_alarm", TITRATE_SEVERITY_MAJOR);
  assert_tier ("2027-01-22", "pump.refill.after_alarm", TITRATE_SEVERITY_MAJOR);
  assert_tier ("2027-01-23", "pump.refill.after_empty", TITRATE_SEVERITY_CONTRAINDICATED);
  assert_tier ("2027-03-01", "pump.refill.after_empty", TITRATE_SEVERITY_CONTRAINDICATED);
}

static void
test_margin_setting (void)
{
  const TitratePumpSetting *s = titrate_pump_get_setting (rules, "refill_margin_days");
  g_autofree char *pump = steady_pump ("2027-01-17");
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500, pump);
  g_autoptr(GPtrArray) alerts_default = check (doc);
  g_autoptr(GPtrArray) alerts_3 = NULL;
  g_autoptr(TitratePumpPlan) plan = NULL;

  /* The default is a [D] setting that says so. */
  g_assert_nonnull (s);
  g_assert_cmpfloat (s->value, ==, 7);
  g_assert_cmpfloat (s->min_value, ==, 3);
  g_assert_cmpfloat (s->max_value, ==, 10);
  g_assert_cmpstr (s->evidence, ==, "D");
  g_assert_nonnull (strstr (s->note, "design choice, not a published limit"));
  g_assert_nonnull (find (alerts_default, "pump.refill.after_refill_by"));

  /* A 3-day margin (Gillette refills page): refill by 2027-01-18. */
  doc->regimen->pump->margin_days = 3;
  plan = plan_of (doc);
  assert_date (&plan->refill_by_date, "2027-01-18");
  alerts_3 = check (doc);
  g_assert_cmpuint (count_prefix (alerts_3, "pump.refill."), ==, 0);
}

static void
test_no_next_refill (void)
{
  g_autofree char *pump = steady_pump (NULL);
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500, pump);
  g_autoptr(GPtrArray) alerts = check (doc);
  TitrateAlert *a = find (alerts, "pump.next_refill_missing");

  g_assert_nonnull (a);
  g_assert_cmpint (a->category, ==, TITRATE_CATEGORY_INPUT);
}

static void
test_alarm_volume_missing (void)
{
  /* Without the alarm volume only the empty date can be checked, and the
   * prescriber is told so. */
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"next_refill_date\": \"2027-01-24\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}");
  g_autoptr(GPtrArray) alerts = check (doc);
  g_autoptr(TitratePumpPlan) plan = plan_of (doc);

  g_assert_false (g_date_valid (&plan->alarm_date));
  assert_date (&plan->empty_date, "2027-01-23");
  g_assert_nonnull (find (alerts, "pump.alarm_volume_missing"));
  g_assert_nonnull (find (alerts, "pump.refill.after_empty"));
}

/* 20 mL of 500 mcg/mL at 400 mcg/day, no alarm volume: 10000 mcg last 25
 * days counting the refill day (2027-01-04), so empty on 2027-01-28; the
 * refill-by date counts back 7 days from it: 2027-01-21. */
static TitrateDocument *
no_alarm_doc (const char *next)
{
  g_autofree char *pump = g_strdup_printf (
    "{\"model\": \"synchromed_ii_20\", \"next_refill_date\": \"%s\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}", next);

  return load_ok ("40", "500", "[{\"day\": 1, \"daily_mcg\": 400}]", pump);
}

static void
test_no_alarm_refill_by (void)
{
  struct { const char *next; const char *code; TitrateSeverity severity; } cases[] = {
    { "2027-01-21", NULL, 0 },
    { "2027-01-22", "pump.refill.after_refill_by", TITRATE_SEVERITY_MODERATE },
    { "2027-01-27", "pump.refill.after_refill_by", TITRATE_SEVERITY_MODERATE },
    { "2027-01-28", "pump.refill.after_empty", TITRATE_SEVERITY_CONTRAINDICATED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TitrateDocument) doc = no_alarm_doc (cases[i].next);
      g_autoptr(TitratePumpPlan) plan = plan_of (doc);
      g_autoptr(GPtrArray) alerts = check (doc);
      TitrateAlert *a;

      g_test_message ("next refill %s", cases[i].next);
      g_assert_false (g_date_valid (&plan->alarm_date));
      assert_date (&plan->empty_date, "2027-01-28");
      assert_date (&plan->refill_by_date, "2027-01-21");
      g_assert_true (plan->refill_by_from_empty);
      g_assert_nonnull (find (alerts, "pump.alarm_volume_missing"));
      if (cases[i].code == NULL)
        {
          g_assert_cmpuint (count_prefix (alerts, "pump.refill."), ==, 0);
          continue;
        }
      g_assert_cmpuint (count_prefix (alerts, "pump.refill."), ==, 1);
      a = find (alerts, cases[i].code);
      g_assert_nonnull (a);
      g_assert_cmpint (a->severity, ==, cases[i].severity);
      g_assert_nonnull (strstr (a->trigger, cases[i].next));
      g_assert_nonnull (strstr (a->trigger, "2027-01-28"));
      g_assert_nonnull (strstr (a->trigger, "400 mcg/day"));
      if (cases[i].severity == TITRATE_SEVERITY_MODERATE)
        {
          g_assert_nonnull (strstr (a->trigger, "2027-01-21"));
          g_assert_nonnull (strstr (a->trigger, "alarm volume was not given"));
          g_assert_nonnull (strstr (a->trigger, "counts back from the empty date"));
        }
    }
}

static void
test_beyond_horizon (void)
{
  /* 5 mcg/day of 2000 mcg/mL: 40000 mcg last 8000 days, beyond what the
   * plan simulates. The next refill in 2037 is still checked: the long
   * interval is noted, saying the fill lasts beyond the days simulated. */
  g_autoptr(TitrateDocument) doc = load_ok ("40", "2000", "[{\"day\": 1, \"daily_mcg\": 5}]",
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2037-12-01\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 2000}]}");
  g_autoptr(TitratePumpPlan) plan = plan_of (doc);
  g_autoptr(GPtrArray) alerts = check (doc);
  TitrateAlert *a = find (alerts, "pump.interval_long");

  g_assert_true (plan->lasts_beyond_horizon);
  g_assert_cmpint (plan->horizon_days, >, 180);
  g_assert_cmpint (plan->days_to_empty, ==, -1);
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_INFO);
  g_assert_nonnull (strstr (a->trigger, "lasts beyond"));
  g_assert_nonnull (strstr (a->trigger, "2027-01-04"));
  g_assert_nonnull (strstr (a->trigger, "5 mcg/day"));
}

static void
test_margin_clamped (void)
{
  /* The app's preference may hold 0 or 30: the margin used stays within
   * the rules database's 3-10 days. Steady pump: alarm 2027-01-21. */
  g_autofree char *pump = steady_pump ("2027-01-19");
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500, pump);
  g_autoptr(TitratePumpPlan) p0 = NULL;
  g_autoptr(TitratePumpPlan) p30 = NULL;
  g_autoptr(GPtrArray) alerts = NULL;

  titrate_pump_set_margin_override (0);
  p0 = plan_of (doc);
  alerts = check (doc);
  titrate_pump_set_margin_override (30);
  p30 = plan_of (doc);
  titrate_pump_set_margin_override (-1);
  g_assert_cmpint (p0->margin_days, ==, 3);
  assert_date (&p0->refill_by_date, "2027-01-18");
  g_assert_nonnull (find (alerts, "pump.refill.after_refill_by"));
  g_assert_cmpint (p30->margin_days, ==, 10);
  assert_date (&p30->refill_by_date, "2027-01-11");
}

static void
test_not_planned (void)
{
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"refills\": []}");
  g_autoptr(GPtrArray) alerts = check (doc);

  g_assert_nonnull (find (alerts, "pump.not_planned"));
  g_assert_nonnull (find (alerts, "pump.next_refill_missing"));
}

static void
test_bridge_bolus (void)
{
  g_autoptr(TitrateDocument) doc = load_ok ("40", "1000", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-01-20\","
    " \"refills\": [{\"date\": \"2026-12-01\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500},"
    " {\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 1000}]}");
  g_autofree char *same_pump = steady_pump ("2027-01-10");
  g_autoptr(TitrateDocument) same = load_ok ("40", "500", STEADY_500, same_pump);
  g_autoptr(GPtrArray) alerts = check (doc);
  g_autoptr(GPtrArray) alerts_same = check (same);
  TitrateAlert *a = find (alerts, "pump.bridge_bolus");

  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->source, "SAUL16-D"));
  g_assert_nonnull (strstr (a->trigger, "500"));
  g_assert_nonnull (strstr (a->trigger, "1000"));
  g_assert_null (find (alerts_same, "pump.bridge_bolus"));
}

static void
test_device_indication (void)
{
  const char *prometra =
    "{\"model\": \"prometra_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-01-10\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": %s}]}";
  g_autofree char *p500 = g_strdup_printf (prometra, "500");
  g_autofree char *p50 = g_strdup_printf (prometra, "50");
  g_autoptr(TitrateDocument) child = load_ok ("10", "500", STEADY_500, p500);
  g_autoptr(TitrateDocument) twelve = load_ok ("12", "500", STEADY_500, p500);
  g_autoptr(TitrateDocument) dilute = load_ok ("40", "50", "[{\"day\": 1, \"daily_mcg\": 50}]", p50);
  g_autoptr(GPtrArray) a_child = check (child);
  g_autoptr(GPtrArray) a_twelve = check (twelve);
  g_autoptr(GPtrArray) a_dilute = check (dilute);
  TitrateAlert *age = find (a_child, "pump.device_age");
  TitrateAlert *conc = find (a_dilute, "pump.device_concentration");

  g_assert_nonnull (age);
  g_assert_cmpint (age->severity, ==, TITRATE_SEVERITY_MODERATE);
  g_assert_cmpstr (age->source, ==, "FLX-BS");
  g_assert_null (find (a_twelve, "pump.device_age"));
  g_assert_null (find (a_twelve, "pump.device_concentration"));
  g_assert_nonnull (conc);
  g_assert_cmpint (conc->severity, ==, TITRATE_SEVERITY_MODERATE);
  g_assert_null (find (a_child, "pump.device_concentration"));
}

static void
test_long_interval (void)
{
  /* 200 mcg/day of 2000 mcg/mL = 0.1 mL/day. Alarm at 1.9 mL: 18.1 mL last
   * 181 days (alarm 180 days after the refill: no note). At 1.8 mL: 182
   * days (181 after the refill): an information note. */
  const char *fmt =
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": %s, \"next_refill_date\": \"2027-03-01\","
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 2000}]}";
  g_autofree char *at = g_strdup_printf (fmt, "1.9");
  g_autofree char *above = g_strdup_printf (fmt, "1.8");
  g_autoptr(TitrateDocument) d_at = load_ok ("40", "2000", "[{\"day\": 1, \"daily_mcg\": 200}]", at);
  g_autoptr(TitrateDocument) d_above = load_ok ("40", "2000", "[{\"day\": 1, \"daily_mcg\": 200}]", above);
  g_autoptr(TitratePumpPlan) p_at = plan_of (d_at);
  g_autoptr(TitratePumpPlan) p_above = plan_of (d_above);
  g_autoptr(GPtrArray) a_at = check (d_at);
  g_autoptr(GPtrArray) a_above = check (d_above);
  TitrateAlert *a = find (a_above, "pump.interval_long");

  g_assert_cmpint (p_at->days_to_alarm, ==, 180);
  g_assert_cmpint (p_above->days_to_alarm, ==, 181);
  g_assert_null (find (a_at, "pump.interval_long"));
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_INFO);
  g_assert_nonnull (strstr (a->reason, "No label states a stability limit in days"));
  g_assert_nonnull (strstr (a->reason, "design choice, not a published limit"));
}

static void
test_round_trip (void)
{
  g_autoptr(TitrateDocument) doc = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"reservoir_ml\": 20, \"low_reservoir_alarm_ml\": 2.5,"
    " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 19.5, \"concentration_mcg_per_ml\": 500}],"
    " \"boluses\": [{\"date\": \"2027-01-06\", \"dose_mcg\": 100}],"
    " \"next_refill_date\": \"2027-01-12\", \"programmer_serial\": \"A-17\"}");
  g_autofree char *data = titrate_document_to_data (doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) again = load (data, &error);
  g_autofree char *data2 = NULL;
  TitratePump *p;

  g_assert_no_error (error);
  p = again->regimen->pump;
  g_assert_nonnull (p);
  g_assert_cmpstr (p->model, ==, "synchromed_ii_20");
  g_assert_cmpfloat (p->reservoir_ml, ==, 20);
  g_assert_cmpfloat (p->low_reservoir_alarm_ml, ==, 2.5);
  g_assert_cmpuint (p->refills->len, ==, 1);
  g_assert_cmpfloat (g_array_index (p->refills, TitratePumpRefill, 0).volume_ml, ==, 19.5);
  g_assert_cmpuint (p->boluses->len, ==, 1);
  assert_date (&p->next_refill_date, "2027-01-12");
  g_assert_nonnull (strstr (data, "\"programmer_serial\": \"A-17\""));
  data2 = titrate_document_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data2);

  /* A copy is independent of its original. */
  {
    g_autoptr(TitrateDocument) copy = titrate_document_copy (again);

    g_array_set_size (copy->regimen->pump->refills, 0);
    g_assert_cmpuint (again->regimen->pump->refills->len, ==, 1);
  }
}

static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TITRATE_EXAMPLES"),
                                            "intrathecal-pump-late-refill.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = titrate_document_load_from_file (file, &error);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(TitratePumpPlan) plan = NULL;
  TitrateAlert *a;

  g_assert_no_error (error);
  alerts = check (doc);
  plan = plan_of (doc);
  /* 400 mcg/day for 7 days, then 440: 18 mL last to 2027-01-25. */
  assert_date (&plan->alarm_date, "2027-01-25");
  assert_date (&plan->empty_date, "2027-01-27");
  assert_date (&plan->refill_by_date, "2027-01-18");
  a = find (alerts, "pump.refill.after_alarm");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "400–440 mcg/day"));
}

static void
test_extreme_dates (void)
{
  /* Nothing a document can hold makes the arithmetic fail: refills at the
   * ends of the calendar, boluses by the thousand. */
  g_autoptr(TitrateDocument) early = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 19.5, \"next_refill_date\": \"0001-01-05\","
    " \"refills\": [{\"date\": \"0001-01-01\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}");
  g_autoptr(TitrateDocument) late = load_ok ("40", "500", STEADY_500,
    "{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"9999-12-31\","
    " \"refills\": [{\"date\": \"9999-12-20\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}]}");
  g_autoptr(TitratePumpPlan) p_early = plan_of (early);
  g_autoptr(TitratePumpPlan) p_late = plan_of (late);
  g_autoptr(GPtrArray) a_late = check (late);
  g_autoptr(GString) boluses = g_string_new ("[");
  g_autofree char *pump = NULL;

  assert_date (&p_early->alarm_date, "0001-01-01");
  assert_date (&p_early->refill_by_date, "0001-01-01");
  assert_date (&p_late->empty_date, "");
  g_assert_cmpuint (p_late->days->len, ==, 12);
  (void) a_late;

  for (int i = 0; i < 5000; i++)
    g_string_append_printf (boluses, "%s{\"date\": \"2027-01-%02d\", \"dose_mcg\": 1}", i ? ", " : "", 4 + i % 20);
  g_string_append_c (boluses, ']');
  pump = g_strdup_printf ("{\"model\": \"synchromed_ii_20\", \"low_reservoir_alarm_ml\": 2, \"next_refill_date\": \"2027-01-10\","
                          " \"refills\": [{\"date\": \"2027-01-04\", \"volume_ml\": 20, \"concentration_mcg_per_ml\": 500}],"
                          " \"boluses\": %s}", boluses->str);
  {
    g_autoptr(TitrateDocument) many = load_ok ("40", "500", STEADY_500, pump);
    g_autoptr(TitratePumpPlan) p_many = plan_of (many);

    /* 250 mcg of boluses a day on top of 500 mcg/day: 1.5 mL/day, 12 days to 18 mL. */
    assert_date (&p_many->alarm_date, "2027-01-15");
  }
}

static void
test_models (void)
{
  const TitratePumpModel *m = titrate_pump_get_model (rules, "synchromed_ii_40");
  const TitratePumpModel *other = titrate_pump_get_model (rules, "other");
  g_autoptr(GPtrArray) all = titrate_pump_list_models (rules);

  g_assert_cmpuint (all->len, ==, g_strv_length ((char **) titrate_pump_model_codes));
  g_assert_cmpfloat (m->reservoir_ml, ==, 40);
  g_assert_true (isnan (other->reservoir_ml));
  g_assert_nonnull (titrate_pump_get_text (rules, "card_early_signs", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  rules = titrate_rules_new_embedded (&error);
  g_assert_no_error (error);

  g_test_add_func ("/pump/arithmetic/steady", test_arithmetic_steady);
  g_test_add_func ("/pump/arithmetic/concentrations", test_arithmetic_concentrations);
  g_test_add_func ("/pump/arithmetic/leap-and-month-end", test_arithmetic_leap_and_month_end);
  g_test_add_func ("/pump/arithmetic/dose-change", test_arithmetic_dose_change);
  g_test_add_func ("/pump/arithmetic/bolus", test_arithmetic_bolus);
  g_test_add_func ("/pump/document/bad-input", test_bad_input);
  g_test_add_func ("/pump/document/reservoir-against-model", test_reservoir_against_model);
  g_test_add_func ("/pump/document/round-trip", test_round_trip);
  g_test_add_func ("/pump/check/tiers", test_tiers);
  g_test_add_func ("/pump/check/margin-setting", test_margin_setting);
  g_test_add_func ("/pump/check/no-next-refill", test_no_next_refill);
  g_test_add_func ("/pump/check/alarm-volume-missing", test_alarm_volume_missing);
  g_test_add_func ("/pump/check/no-alarm-refill-by", test_no_alarm_refill_by);
  g_test_add_func ("/pump/check/beyond-horizon", test_beyond_horizon);
  g_test_add_func ("/pump/plan/margin-clamped", test_margin_clamped);
  g_test_add_func ("/pump/check/not-planned", test_not_planned);
  g_test_add_func ("/pump/check/bridge-bolus", test_bridge_bolus);
  g_test_add_func ("/pump/check/device-indication", test_device_indication);
  g_test_add_func ("/pump/check/long-interval", test_long_interval);
  g_test_add_func ("/pump/example", test_example);
  g_test_add_func ("/pump/arithmetic/extreme-dates", test_extreme_dates);
  g_test_add_func ("/pump/rules/models", test_models);

  ret = g_test_run ();
  g_clear_object (&rules);
  return ret;
}
