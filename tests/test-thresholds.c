/* test-thresholds.c — clinical numbers from the rules database: boundary
 * tests at every age, weight and renal edge, a fictional second medicine
 * proving that a new medicine needs rows, not C, and refusal at open when a
 * row is missing.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "titrate-test-db.h"
#include "titrate-test-util.h"

static char *tmpdir;

static GPtrArray *
check_with (TitrateRules *rules, TitratePatient *p, TitrateRegimen *r)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts = titrate_check (rules, p, r, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (alerts);
  return alerts;
}

static GPtrArray *
check (TitratePatient *p, TitrateRegimen *r)
{
  return check_with (test_rules (), p, r);
}

#define LABEL_PLAN "1:5,5,5;4:10,10,10;7:15,15,15;10:20,20,20"

/* A writable copy of the built database in this test's folder. */
static char *
db_copy (const char *name, const char *sql_file, const char *sql)
{
  return test_db_copy (tmpdir, name, sql_file, sql);
}

/* Ages: 4, 12, 18, 65, 66 */

static void
test_age_18_adult_band (void)
{
  /* 17.99 years: a child (weight-based, 60 mg/day from 8); 18: adult (80 mg/day). */
  g_autoptr(TitratePatient) child = test_adult (17.99, 70, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitratePatient) adult = test_adult (18, 70, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 10, LABEL_PLAN ";13:20,20,20,10");
  g_autoptr(GPtrArray) a_child = check (child, r);
  g_autoptr(GPtrArray) a_adult = check (adult, r);
  const TitrateAlert *from8 = find_alert (a_child, "dose.oral.pediatric.from8");

  /* 70 mg/day: above the UK 60 mg/day child maximum, within the adult 80. */
  g_assert_nonnull (from8);
  g_assert_nonnull (strstr (from8->trigger, "70 mg/day"));
  g_assert_nonnull (strstr (from8->trigger, "limit 60 mg/day"));
  g_assert_null (find_alert (a_adult, "dose.oral.pediatric.from8"));
  g_assert_null (find_alert (a_adult, "dose.oral.spasticity.label_max"));
}

static void
test_age_12_us_label (void)
{
  g_autoptr(TitratePatient) p11 = titrate_patient_new ();
  g_autoptr(TitratePatient) p12 = titrate_patient_new ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "oral_solution", NAN, "1:5,5,5");
  g_autoptr(GPtrArray) a11 = NULL;
  g_autoptr(GPtrArray) a12 = NULL;
  const TitrateAlert *a;

  r->concentration_mg_per_ml = 1;
  p11->age_years = 11.9;
  p11->weight_kg = 40;
  p12->age_years = 12;
  p12->weight_kg = 40;
  a11 = check (p11, r);
  a12 = check (p12, r);
  a = find_alert (a11, "pediatric.us_under12");
  g_assert_nonnull (a);
  g_assert_cmpstr (a->trigger, ==, "Age 11.9 years");
  g_assert_null (find_alert (a12, "pediatric.us_under12"));
}

static void
test_age_4_intrathecal (void)
{
  g_autoptr(TitratePatient) p3 = titrate_patient_new ();
  g_autoptr(TitratePatient) p4 = titrate_patient_new ();
  g_autoptr(TitrateRegimen) r = test_it (TITRATE_ORIGIN_CEREBRAL, 50, "1:b50");
  g_autoptr(GPtrArray) a3 = NULL;
  g_autoptr(GPtrArray) a4 = NULL;

  p3->age_years = 3.99;
  p3->weight_kg = 15;
  p4->age_years = 4;
  p4->weight_kg = 16;
  a3 = check (p3, r);
  a4 = check (p4, r);
  g_assert_nonnull (find_alert (a3, "pediatric.it_under4"));
  g_assert_cmpstr (find_alert (a3, "pediatric.it_under4")->trigger, ==, "Age 3.99 years");
  g_assert_null (find_alert (a4, "pediatric.it_under4"));
}

static void
test_age_65_66_beers_muanda (void)
{
  /* eGFR entered 50: Beers from 65, Muanda (start ≥ 20 mg/day) from 66. */
  g_autoptr(TitrateRegimen) start20 = test_oral ("spasticity", "tablet", 10, "1:10,10;8:10,10,10");
  g_autoptr(TitrateRegimen) start15 = test_oral ("spasticity", "tablet", 5, "1:5,5,5;8:10,10,10");
  double ages[] = { 64.9, 65, 65.9, 66 };
  gboolean beers[] = { FALSE, TRUE, TRUE, TRUE };
  gboolean muanda[] = { FALSE, FALSE, FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      g_autoptr(TitratePatient) p = titrate_patient_new ();
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;

      p->age_years = ages[i];
      p->weight_kg = 70;
      p->sex = TITRATE_SEX_FEMALE;
      p->egfr_ml_min_1_73m2 = 50;
      p->crcl_ml_min = 55;
      a = check (p, start20);
      b = check (p, start15);
      g_assert_cmpint (find_alert (a, "elderly.beers_egfr60") != NULL, ==, beers[i]);
      g_assert_cmpint (find_alert (a, "elderly.muanda_start20") != NULL, ==, muanda[i]);
      /* 15 mg/day is below Muanda's 20 mg/day at any age. */
      g_assert_null (find_alert (b, "elderly.muanda_start20"));
    }
}

static void
test_egfr_60_edge (void)
{
  /* Beers: eGFR below 60; exactly 60 does not fire. */
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  double egfr[] = { 59.9, 60 };
  gboolean fires[] = { TRUE, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (egfr); i++)
    {
      g_autoptr(TitratePatient) p = titrate_patient_new ();
      g_autoptr(GPtrArray) a = NULL;

      p->age_years = 70;
      p->weight_kg = 70;
      p->sex = TITRATE_SEX_MALE;
      p->crcl_ml_min = 85;
      p->egfr_ml_min_1_73m2 = egfr[i];
      a = check (p, r);
      g_assert_cmpint (find_alert (a, "elderly.beers_egfr60") != NULL, ==, fires[i]);
      if (fires[i])
        g_assert_nonnull (strstr (find_alert (a, "elderly.beers_egfr60")->trigger, "eGFR 59.9 mL/min/1.73 m²"));
    }
}

static void
test_weight_33_tablets (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:2.5,2.5,2.5");
  double weights[] = { 32.9, 33 };
  gboolean fires[] = { TRUE, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autoptr(TitratePatient) p = titrate_patient_new ();
      g_autoptr(GPtrArray) a = NULL;

      p->age_years = 10;
      p->weight_kg = weights[i];
      a = check (p, r);
      g_assert_cmpint (find_alert (a, "pediatric.tablet_under33kg") != NULL, ==, fires[i]);
      if (fires[i])
        g_assert_cmpstr (find_alert (a, "pediatric.tablet_under33kg")->trigger, ==,
                         "Age 10 years, 32.9 kg, tablets (not below 33 kg)");
    }
}

static void
test_crcl_edges (void)
{
  /* Bands [50, 80) mild, [30, 50) moderate, [15, 30) severe, [0, 15) ESRD.
   * The label plan peaks at 60 mg/day: above 2/3 × 80 = 53.3 (mild), 40 (moderate). */
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  struct { double crcl; const char *code; } cases[] = {
    { 80, NULL }, { 79.9, "renal.mild" }, { 50, "renal.mild" }, { 49.9, "renal.moderate" },
    { 30, "renal.moderate" }, { 29.9, "renal.severe" }, { 15, "renal.severe" }, { 14.9, "renal.esrd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TitratePatient) p = titrate_patient_new ();
      g_autoptr(GPtrArray) a = NULL;
      const char *codes[] = { "renal.mild", "renal.moderate", "renal.severe", "renal.esrd" };

      p->age_years = 50;
      p->weight_kg = 70;
      p->sex = TITRATE_SEX_MALE;
      p->crcl_ml_min = cases[i].crcl;
      a = check (p, r);
      for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
        g_assert_cmpint (find_alert (a, codes[k]) != NULL, ==, g_strcmp0 (codes[k], cases[i].code) == 0);
      if (cases[i].code != NULL)
        g_assert_nonnull (strstr (find_alert (a, cases[i].code)->trigger, "mL/min"));
    }
}

static void
test_screening_concentration (void)
{
  g_autoptr(TitratePatient) p = test_adult (40, 70, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) ok = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50");
  g_autoptr(TitrateRegimen) strong = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:b50");
  g_autoptr(GPtrArray) a_ok = check (p, ok);
  g_autoptr(GPtrArray) a_strong = check (p, strong);
  const TitrateAlert *a = find_alert (a_strong, "dose.it.bolus_concentration");

  g_assert_null (find_alert (a_ok, "dose.it.bolus_concentration"));
  g_assert_nonnull (a);
  g_assert_cmpstr (a->trigger, ==, "Day 1: bolus from 500 mcg/mL (screening solution 50 mcg/mL)");
}

/* Input ranges: one place, the rules database */

static void
test_input_ranges (void)
{
  double min, max;
  gboolean excl;

  g_assert_true (titrate_rules_get_input_range (test_rules (), "patient.age_years", &min, &max, &excl));
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 130);
  g_assert_false (excl);
  g_assert_true (titrate_rules_get_input_range (test_rules (), "patient.weight_kg", &min, &max, &excl));
  g_assert_cmpfloat (max, ==, 400);
  g_assert_true (excl);
  g_assert_false (titrate_rules_get_input_range (test_rules (), "patient.shoe_size", &min, &max, &excl));

  /* The document loader applies the same range. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TitrateDocument) doc = titrate_document_load_from_data (
      "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"age_years\":131},"
      "\"regimen\":{\"route\":\"oral\",\"steps\":[]}}", -1, &error);

    g_assert_null (doc);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "patient.age_years"));
    g_assert_nonnull (strstr (error->message, "130"));
  }
}

/* Renal function as labs report it (§2) */

static TitratePatient *
no_weight (double age, TitrateSex sex)
{
  TitratePatient *p = titrate_patient_new ();

  p->age_years = age;
  p->sex = sex;
  return p;
}

static void
test_egfr_drives_bands_without_weight (void)
{
  /* Lab reports eGFR 45; no weight, no creatinine: the moderate band applies
   * on eGFR, and the alert says which estimate and why. */
  g_autoptr(TitratePatient) p = no_weight (50, TITRATE_SEX_FEMALE);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a = NULL;
  const TitrateAlert *mod;

  p->egfr_ml_min_1_73m2 = 45;
  a = check (p, r);
  mod = find_alert (a, "renal.moderate");
  g_assert_nonnull (mod);
  g_assert_nonnull (strstr (mod->trigger, "eGFR 45 mL/min/1.73 m² (entered), not de-indexed"));
  g_assert_nonnull (strstr (mod->trigger, "plan peaks at 60 mg/day, above the renally reduced 40 mg/day"));
  g_assert_null (find_alert (a, "input.renal_not_assessed"));
}

static void
test_egfr_edges (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  struct { double egfr; const char *code; } cases[] = {
    { 80, NULL }, { 79.9, "renal.mild" }, { 50, "renal.mild" }, { 49.9, "renal.moderate" },
    { 30, "renal.moderate" }, { 29.9, "renal.severe" }, { 15, "renal.severe" }, { 14.9, "renal.esrd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TitratePatient) p = no_weight (50, TITRATE_SEX_MALE);
      g_autoptr(GPtrArray) a = NULL;
      const char *codes[] = { "renal.mild", "renal.moderate", "renal.severe", "renal.esrd" };

      p->egfr_ml_min_1_73m2 = cases[i].egfr;
      a = check (p, r);
      for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
        g_assert_cmpint (find_alert (a, codes[k]) != NULL, ==, g_strcmp0 (codes[k], cases[i].code) == 0);
    }
}

static void
test_egfr_deindexed_by_bsa (void)
{
  /* eGFR 55 per 1.73 m² (mild), 150 cm and 50 kg: BSA (Mosteller)
   * sqrt (150 × 50 / 3600) = 1.443 m², so 55 × 1.443 / 1.73 = 45.9 mL/min:
   * moderate. Creatinine not given, so no Cockcroft–Gault. */
  g_autoptr(TitratePatient) p = no_weight (50, TITRATE_SEX_FEMALE);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a = NULL;
  const TitrateAlert *mod;
  TitrateRenal renal;

  p->egfr_ml_min_1_73m2 = 55;
  p->height_cm = 150;
  p->weight_kg = 50;
  titrate_patient_get_renal_with_rules (p, test_rules (), NULL, &renal);
  g_assert_cmpint (renal.function_basis, ==, TITRATE_RENAL_FUNCTION_EGFR_DEINDEXED);
  g_assert_cmpfloat_with_epsilon (renal.bsa_m2, 1.4434, 0.001);
  g_assert_cmpfloat_with_epsilon (renal.function_ml_min, 45.89, 0.01);

  a = check (p, r);
  mod = find_alert (a, "renal.moderate");
  g_assert_nonnull (mod);
  g_assert_nonnull (strstr (mod->trigger, "eGFR 55 mL/min/1.73 m² (entered) = 45.8 mL/min for a body-surface area of 1.44 m² (Mosteller)"));
  /* Never "no serum creatinine" as if kidney function were unknown. */
  g_assert_nonnull (strstr (mod->trigger, "only the laboratory eGFR was entered"));
  g_assert_null (strstr (mod->trigger, "no serum creatinine"));
  g_assert_null (find_alert (a, "renal.mild"));
}

static void
test_ckd_epi_without_weight (void)
{
  /* 60-year-old man, SCr 2.0 mg/dL, no weight: CKD-EPI 2021 ≈ 37, moderate. */
  g_autoptr(TitratePatient) p = no_weight (60, TITRATE_SEX_MALE);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a = NULL;
  const TitrateAlert *mod;

  p->serum_creatinine = 2.0;
  a = check (p, r);
  mod = find_alert (a, "renal.moderate");
  g_assert_nonnull (mod);
  g_assert_nonnull (strstr (mod->trigger, "(CKD-EPI 2021)"));
  g_assert_nonnull (strstr (mod->trigger, "CrCl is not available (no weight)"));
  g_assert_null (find_alert (a, "input.renal_not_assessed"));
}

static void
test_adjusted_body_weight (void)
{
  /* Man, 50 y, 170 cm: Devine IBW 50 + 2.3 × (66.93 − 60) = 65.94 kg.
   * 120 kg is 82% above IBW: adjusted weight 65.94 + 0.4 × 54.06 = 87.56 kg.
   * SCr 2.5: CrCl 90 × 87.56 / 180 = 43.8 (moderate), not 60 (mild) on
   * actual weight. At exactly 1.3 × IBW actual weight is used. */
  g_autoptr(TitratePatient) p = test_adult (50, 120, TITRATE_SEX_MALE, 2.5);
  g_autoptr(TitratePatient) edge = test_adult (50, 0, TITRATE_SEX_MALE, 2.5);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a = NULL;
  TitrateRenal renal;

  p->height_cm = 170;
  titrate_patient_get_renal_with_rules (p, test_rules (), NULL, &renal);
  g_assert_cmpint (renal.crcl_basis, ==, TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED);
  g_assert_cmpfloat_with_epsilon (renal.crcl_ml_min, 43.78, 0.01);
  a = check (p, r);
  g_assert_nonnull (find_alert (a, "renal.moderate"));
  g_assert_nonnull (strstr (find_alert (a, "renal.moderate")->trigger, "Cockcroft–Gault, adjusted body weight"));

  edge->height_cm = 170;
  edge->weight_kg = 1.3 * titrate_ibw_devine (170, TITRATE_SEX_MALE);
  titrate_patient_get_renal_with_rules (edge, test_rules (), NULL, &renal);
  g_assert_cmpint (renal.crcl_basis, ==, TITRATE_RENAL_BASIS_COCKCROFT_GAULT);
}

static void
test_creatinine_implausible (void)
{
  /* 1.1 typed in the µmol/L field: an input alert, and the value is not used. */
  g_autoptr(TitratePatient) p = test_adult (50, 70, TITRATE_SEX_MALE, NAN);
  g_autoptr(TitratePatient) ok = test_adult (50, 70, TITRATE_SEX_MALE, NAN);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  const TitrateAlert *bad;

  p->serum_creatinine = 1.1;
  p->creatinine_unit = TITRATE_CREATININE_UMOL_L;
  ok->serum_creatinine = 20;
  ok->creatinine_unit = TITRATE_CREATININE_UMOL_L;
  a = check (p, r);
  b = check (ok, r);
  bad = find_alert (a, "input.creatinine_implausible");
  g_assert_nonnull (bad);
  g_assert_cmpstr (bad->trigger, ==, "Serum creatinine 1.1 µmol/L, below 20 µmol/L: looks like mg/dL; not used for CrCl or eGFR");
  g_assert_nonnull (strstr (bad->reason, "Design choice"));
  /* Not used as if true: a creatinine of 1.1 µmol/L would give a CrCl in the thousands. */
  g_assert_nonnull (find_alert (a, "input.renal_not_assessed"));
  g_assert_null (find_alert (b, "input.creatinine_implausible"));
}

static void
test_dialysis_names_plan_dose (void)
{
  g_autoptr(TitratePatient) p = test_adult (50, 70, TITRATE_SEX_MALE, 8.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a = NULL;
  const TitrateAlert *d;

  p->dialysis = TRUE;
  a = check (p, r);
  d = find_alert (a, "renal.dialysis");
  g_assert_nonnull (d);
  g_assert_cmpstr (d->trigger, ==, "On dialysis; plan peaks at 60 mg/day, above about 5 mg/day on dialysis "
                   "(Cheong2020; UK; CA; ElHusseini2011)");
}

static void
test_severe_band_conflict (void)
{
  /* CrCl 25: avoid. The one-third reduction (26.7 mg/day, Vlavonou 2014)
   * is above Cheong's lowest toxic dose (10 mg/day): the stricter ceiling,
   * about 5 mg/day (the reference's suggested 2.5–5 mg/day below eGFR 30),
   * sets the maximum, and the alert names the one it overrides. */
  g_autoptr(TitratePatient) p = test_adult (50, 70, TITRATE_SEX_MALE, NAN);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a = NULL;
  const TitrateAlert *sev;
  TitrateLimit limit;

  p->crcl_ml_min = 25;
  a = check (p, r);
  sev = find_alert (a, "renal.severe");
  g_assert_nonnull (sev);
  g_assert_cmpint (sev->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_cmpstr (sev->trigger, ==, "CrCl 25 mL/min (entered); plan peaks at 60 mg/day, above the ceiling of about "
                   "5 mg/day if unavoidable (Titrate-D; Wolf2018; Cheong2020; UK; CA; Vlavonou2014; ElHusseini2011), "
                   "not the label maximum × 0.333 (26.667 mg/day)");
  titrate_check_applicable_limit (test_rules (), p, r, &limit);
  g_assert_cmpfloat (limit.max_daily, ==, 5);
  g_assert_cmpfloat (limit.renal_ceiling, ==, 5);

  /* End-stage (CrCl 12): the same ceiling, contraindicated */
  g_clear_pointer (&a, g_ptr_array_unref);
  p->crcl_ml_min = 12;
  a = check (p, r);
  sev = find_alert (a, "renal.esrd");
  g_assert_nonnull (sev);
  g_assert_cmpint (sev->severity, ==, TITRATE_SEVERITY_CONTRAINDICATED);
  titrate_check_applicable_limit (test_rules (), p, r, &limit);
  g_assert_cmpfloat (limit.max_daily, ==, 5);

  /* CrCl 30, the next band up: halved, no absolute ceiling */
  p->crcl_ml_min = 30;
  titrate_check_applicable_limit (test_rules (), p, r, &limit);
  g_assert_cmpfloat (fabs (limit.max_daily - 40), <, 1e-9);
  g_assert_true (isnan (limit.renal_ceiling));
}

/* Titration and doses (§3) */

static const char *titration_codes[] = {
  "titration.oral.start_high", "titration.oral.start_at_max", "titration.oral.step_large",
  "titration.oral.step_fast", "titration.oral.pediatric_start", "titration.oral.pediatric_pace", NULL
};

static void
assert_no_titration_alert (GPtrArray *alerts)
{
  for (guint i = 0; titration_codes[i] != NULL; i++)
    if (find_alert (alerts, titration_codes[i]) != NULL)
      g_error ("unexpected %s: %s", titration_codes[i], find_alert (alerts, titration_codes[i])->trigger);
}

static void
test_label_schedules_do_not_alert (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  /* US: 5 mg TID ×3 d → 10 → 15 → 20 mg TID, then 20 mg QID (80 mg/day). */
  g_autoptr(TitrateRegimen) us = test_oral ("spasticity", "tablet", 5,
                                            LABEL_PLAN ";13:20,20,20,20");
  /* Lexicomp AUD: 5 mg TID → 10 mg TID after 3 days. */
  g_autoptr(TitrateRegimen) lexi = test_oral ("alcohol_use_disorder", "tablet", 5, "1:5,5,5;4:10,10,10");
  /* Baclocur: 20 mg/day in 2 doses for 3 days, then +10 mg every 3–4 days. */
  g_autoptr(TitrateRegimen) bcr = test_oral ("alcohol_use_disorder", "tablet", 10, "1:10,10;4:10,10,10;8:10,10,10,10");
  g_autoptr(GPtrArray) a = check (p, us);
  g_autoptr(GPtrArray) b = check (p, lexi);
  g_autoptr(GPtrArray) c = check (p, bcr);

  assert_no_titration_alert (a);
  assert_no_titration_alert (b);
  assert_no_titration_alert (c);
  g_assert_null (find_alert (a, "dose.oral.spasticity.label_max"));
}

static void
test_worst_step_listed (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5,5,5;4:15,15,15;7:20,20,20,20");
  g_autoptr(GPtrArray) a = check (p, r);
  const TitrateAlert *step = find_alert (a, "titration.oral.step_large");

  g_assert_nonnull (step);
  g_assert_cmpint (step->day, ==, 7);
  g_assert_cmpstr (step->trigger, ==, "Day 7: 45 → 80 mg/day (+35 mg/day; label steps +15 mg/day (US-TAB) or "
                   "+5 mg per dose (US-TAB)); also day 4 (+30 mg/day)");
  /* AUD: the alert names both schemes. */
  {
    g_autoptr(TitrateRegimen) aud = test_oral ("alcohol_use_disorder", "tablet", 5, "1:5,5,5;4:15,15,15");
    g_autoptr(GPtrArray) b = check (p, aud);
    const TitrateAlert *x = find_alert (b, "titration.oral.step_large");

    g_assert_nonnull (x);
    g_assert_nonnull (strstr (x->trigger, "+10 mg/day (BCR) or +5 mg per dose (Lexicomp)"));
  }
}

static void
test_start_at_maximum_is_major (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 20, "1:20,20,20,20");
  g_autoptr(TitrateRegimen) r75 = test_oral ("spasticity", "tablet", 5, "1:20,20,20,15");
  g_autoptr(GPtrArray) a = check (p, r);
  g_autoptr(GPtrArray) b = check (p, r75);
  const TitrateAlert *x = find_alert (a, "titration.oral.start_at_max");

  g_assert_nonnull (x);
  g_assert_cmpint (x->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_cmpstr (x->trigger, ==, "Day 1: starts at 80 mg/day, the 80 mg/day maximum");
  g_assert_null (find_alert (a, "titration.oral.start_high"));
  /* 75 mg/day: a high start (moderate), not the maximum. */
  g_assert_null (find_alert (b, "titration.oral.start_at_max"));
  g_assert_cmpint (find_alert (b, "titration.oral.start_high")->severity, ==, TITRATE_SEVERITY_MODERATE);
}

static void
test_renewal_is_not_a_start (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 20, "1:20,20,20");
  g_autoptr(GPtrArray) before = check (p, r);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_nonnull (find_alert (before, "titration.oral.start_high"));
  p->current_daily_mg = 60;
  g_date_set_dmy (&p->current_since, 1, G_DATE_MARCH, 2026);
  after = check (p, r);
  assert_no_titration_alert (after);

  /* From 30 mg/day to 60: not a "high start" but a step from the current dose. */
  {
    g_autoptr(GPtrArray) up = NULL;
    const TitrateAlert *x;

    p->current_daily_mg = 30;
    up = check (p, r);
    g_assert_null (find_alert (up, "titration.oral.start_high"));
    x = find_alert (up, "titration.oral.step_large");
    g_assert_nonnull (x);
    g_assert_nonnull (strstr (x->trigger, "Day 1: 30 → 60 mg/day (+30 mg/day"));
  }
}

static void
test_child_start_and_pace (void)
{
  g_autoptr(TitratePatient) six = titrate_patient_new ();
  g_autoptr(TitratePatient) ten = titrate_patient_new ();

  six->age_years = 6;
  six->weight_kg = 20;
  ten->age_years = 10;
  ten->weight_kg = 30;

  /* Age 6, 20 kg: UpToDate's 0.5 mg/kg/day (10 mg/day) is the lenient start. */
  {
    g_autoptr(TitrateRegimen) ok = test_oral ("spasticity", "oral_solution", NAN, "1:2.5,2.5,2.5,2.5");
    g_autoptr(TitrateRegimen) high = test_oral ("spasticity", "oral_solution", NAN, "1:5,5,2.5");
    g_autoptr(GPtrArray) a = NULL;
    g_autoptr(GPtrArray) b = NULL;

    ok->concentration_mg_per_ml = 1;
    high->concentration_mg_per_ml = 1;
    a = check (six, ok);
    b = check (six, high);
    g_assert_null (find_alert (a, "titration.oral.pediatric_start"));
    g_assert_cmpstr (find_alert (b, "titration.oral.pediatric_start")->trigger, ==,
                     "Starts at 12.5 mg/day = 0.63 mg/kg/day for 20 kg (start about 0.3 mg/kg/day (UK-RXR; FR-RCP) "
                     "or 0.5 mg/kg/day (UpToDate))");
  }
  /* Age 10, 30 kg: UK/France 0.3 mg/kg/day = 9 mg/day. */
  {
    g_autoptr(TitrateRegimen) ok = test_oral ("spasticity", "oral_solution", NAN, "1:3,3,3");
    g_autoptr(TitrateRegimen) high = test_oral ("spasticity", "oral_solution", NAN, "1:2.5,2.5,2.5,2.5");
    g_autoptr(GPtrArray) a = NULL;
    g_autoptr(GPtrArray) b = NULL;

    ok->concentration_mg_per_ml = 1;
    high->concentration_mg_per_ml = 1;
    a = check (ten, ok);
    b = check (ten, high);
    g_assert_null (find_alert (a, "titration.oral.pediatric_start"));
    g_assert_nonnull (find_alert (b, "titration.oral.pediatric_start"));
  }
  /* Pace: about weekly. */
  {
    g_autoptr(TitrateRegimen) weekly = test_oral ("spasticity", "oral_solution", NAN, "1:3,3,3;8:4,4,4;15:5,5,5");
    g_autoptr(TitrateRegimen) fast = test_oral ("spasticity", "oral_solution", NAN, "1:3,3,3;4:4,4,4;8:5,5,5");
    g_autoptr(GPtrArray) a = NULL;
    g_autoptr(GPtrArray) b = NULL;
    const TitrateAlert *x;

    weekly->concentration_mg_per_ml = 1;
    fast->concentration_mg_per_ml = 1;
    a = check (ten, weekly);
    b = check (ten, fast);
    g_assert_null (find_alert (a, "titration.oral.pediatric_pace"));
    x = find_alert (b, "titration.oral.pediatric_pace");
    g_assert_nonnull (x);
    g_assert_cmpstr (x->trigger, ==, "Day 4: step-up 3 days after the last (label: every 7 days, UK-RXR; FR-RCP); "
                     "also day 8 (4 days after the last)");
    /* Not also the adult 3-day rule. */
    g_assert_null (find_alert (b, "titration.oral.step_fast"));
  }
}

static void
test_dose_plausibility (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) forty = test_oral ("alcohol_use_disorder", "tablet", 40, "1:10,10;4:10,10,10;8:40,40");
  g_autoptr(TitrateRegimen) fifty = test_oral ("spasticity", "tablet", 10, "1:50");
  g_autoptr(TitrateRegimen) four = test_oral ("spasticity", "tablet", 5, "1:5,5,5,5");
  g_autoptr(TitrateRegimen) five = test_oral ("spasticity", "tablet", 5, "1:5,5,5,5,5");
  g_autoptr(GPtrArray) a = check (p, forty);
  g_autoptr(GPtrArray) b = check (p, fifty);
  g_autoptr(GPtrArray) c = check (p, four);
  g_autoptr(GPtrArray) d = check (p, five);

  g_assert_null (find_alert (a, "dose.oral.single_dose_high"));
  g_assert_cmpstr (find_alert (b, "dose.oral.single_dose_high")->trigger, ==,
                   "Day 1: a single dose of 50 mg (largest marketed unit 40 mg)");
  g_assert_null (find_alert (c, "dose.oral.doses_per_day_high"));
  g_assert_cmpstr (find_alert (d, "dose.oral.doses_per_day_high")->trigger, ==,
                   "Day 1: 5 doses a day (labels: at most 4)");
}

/* Withdrawal and taper (§4) */

static void
test_taper_step_sizes (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);

  /* A taper that ends with a large drop to zero. */
  {
    g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:20,20,20;8:15,15,15;15:");
    g_autoptr(GPtrArray) a = check (p, r);
    const TitrateAlert *x = find_alert (a, "withdrawal.oral.step_down_large");

    g_assert_nonnull (x);
    g_assert_cmpstr (x->trigger, ==, "Day 15: last step from 45 mg/day to zero (−45 mg/day; steps of at most "
                     "15 mg/day, FR-RCP; ANSM17)");
    g_assert_null (find_alert (a, "withdrawal.oral.abrupt_stop"));
  }
  /* A token reduction followed by a stop: an abrupt stop in effect. */
  {
    g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:20,20,20;8:15,20,20;9:");
    g_autoptr(GPtrArray) a = check (p, r);
    const TitrateAlert *x = find_alert (a, "withdrawal.oral.abrupt_stop");

    g_assert_nonnull (x);
    g_assert_cmpint (x->severity, ==, TITRATE_SEVERITY_MAJOR);
    g_assert_cmpstr (x->trigger, ==, "Day 9: stops from 55 mg/day after a taper of 1 day from 60 mg/day; a last step "
                     "to zero larger than 15 mg/day after so short a taper is an abrupt stop in effect");
    g_assert_null (find_alert (a, "withdrawal.oral.short_taper"));
  }
  /* A reduction that does not stop: each step within 10–15 mg. */
  {
    g_autoptr(TitrateRegimen) big = test_oral ("spasticity", "tablet", 10, "1:20,20,20,20;8:10,10");
    g_autoptr(TitrateRegimen) steps = test_oral ("spasticity", "tablet", 10, "1:20,20,20,20;8:20,20,20,10;15:20,20,20");
    g_autoptr(GPtrArray) a = check (p, big);
    g_autoptr(GPtrArray) b = check (p, steps);
    const TitrateAlert *x = find_alert (a, "withdrawal.oral.step_down_large");

    g_assert_nonnull (x);
    g_assert_cmpstr (x->trigger, ==, "Day 8: 80 → 20 mg/day (−60 mg/day; steps of at most 15 mg/day, FR-RCP; ANSM17)");
    g_assert_null (find_alert (b, "withdrawal.oral.step_down_large"));
  }
  /* Alcohol use disorder from 120 mg/day: above 80 the ANSM pace rule
   * judges the reductions (120 → 80 in one step); the cut from 80 to 20
   * below it is still held to the 10–15 mg step. */
  {
    g_autoptr(TitratePatient) aud = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
    g_autoptr(TitrateRegimen) r = test_oral ("alcohol_use_disorder", "tablet", 10, "1:20,20,20,20;15:10,10");
    g_autoptr(GPtrArray) a = NULL;

    aud->current_daily_mg = 120;
    a = check (aud, r);
    g_assert_nonnull (find_alert (a, "withdrawal.oral.step_down_fast"));
    g_assert_cmpstr (find_alert (a, "withdrawal.oral.step_down_large")->trigger, ==,
                     "Day 15: 80 → 20 mg/day (−60 mg/day; steps of at most 15 mg/day, FR-RCP; ANSM17)");
  }
  /* A long plan: every step is looked at, not only the first 512. */
  {
    g_autoptr(GString) plan = g_string_new (NULL);
    g_autoptr(TitrateRegimen) r = NULL;
    g_autoptr(GPtrArray) a = NULL;

    for (guint day = 1; day <= 600; day++)
      g_string_append_printf (plan, "%s%u:20,20,20", day > 1 ? ";" : "", day);
    g_string_append (plan, ";601:10");
    r = test_oral ("spasticity", "tablet", 10, plan->str);
    a = check (p, r);
    g_assert_cmpstr (find_alert (a, "withdrawal.oral.step_down_large")->trigger, ==,
                     "Day 601: 60 → 10 mg/day (−50 mg/day; steps of at most 15 mg/day, FR-RCP; ANSM17)");
  }
  /* From the current dose (a renewal at 80 mg/day) straight to 20. */
  {
    g_autoptr(TitratePatient) renewal = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
    g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 10, "1:10,10");
    g_autoptr(GPtrArray) a = NULL;

    renewal->current_daily_mg = 80;
    a = check (renewal, r);
    g_assert_cmpstr (find_alert (a, "withdrawal.oral.step_down_large")->trigger, ==,
                     "Day 1: 80 → 20 mg/day (−60 mg/day; steps of at most 15 mg/day, FR-RCP; ANSM17)");
  }
  /* 10–15 mg every 2 days from 90 mg/day (ANSM 2017): no alert. */
  {
    g_autoptr(TitrateRegimen) r = test_oral ("alcohol_use_disorder", "tablet", 5,
                                             "1:30,30,30;3:25,25,25;5:20,20,20;7:15,15,15;9:10,10,10;11:5,5,5;13:");
    g_autoptr(GPtrArray) a = check (p, r);

    g_assert_null (find_alert (a, "withdrawal.oral.step_down_large"));
    g_assert_null (find_alert (a, "withdrawal.oral.short_taper"));
    g_assert_null (find_alert (a, "withdrawal.oral.abrupt_stop"));
  }
}

static void
test_plateau_inside_taper (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5,
                                           "1:20,20,20;8:15,15,15;15:10,10,10;22:5,5,5;29:10,5;36:");
  g_autoptr(GPtrArray) a = check (p, r);

  /* 60 → 45 → 30 → 15 → 15 (split differently) → 0: a taper with a plateau. */
  g_assert_null (find_alert (a, "withdrawal.oral.abrupt_stop"));
  g_assert_null (find_alert (a, "withdrawal.oral.short_taper"));
  g_assert_null (find_alert (a, "withdrawal.oral.step_down_large"));
}

static void
test_current_dose_is_baseline (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) stop = test_oral ("spasticity", "tablet", 5, "1:");
  g_autoptr(TitrateRegimen) taper = test_oral ("spasticity", "tablet", 5, "1:15,15,15;8:10,10,10;15:5,5,5;22:");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  p->current_daily_mg = 60;
  a = check (p, stop);
  g_assert_cmpstr (find_alert (a, "withdrawal.oral.abrupt_stop")->trigger, ==,
                   "Day 1: stops the current 60 mg/day with no reduction before");
  b = check (p, taper);
  g_assert_null (find_alert (b, "withdrawal.oral.abrupt_stop"));
  g_assert_null (find_alert (b, "withdrawal.oral.short_taper"));
  g_assert_null (find_alert (b, "withdrawal.oral.step_down_large"));
  assert_no_titration_alert (b);

  /* From 80 mg/day, the first step of the same plan drops 35 mg/day. */
  {
    g_autoptr(GPtrArray) c = NULL;

    p->current_daily_mg = 80;
    c = check (p, taper);
    g_assert_nonnull (strstr (find_alert (c, "withdrawal.oral.step_down_large")->trigger,
                              "Day 1: 80 → 45 mg/day (−35 mg/day"));
  }
}

/* The checker's fixed checkpoints (pregnancy, breastfeeding, dialysis, an
 * oral liquid, the older adult's pace) raise the rule the medicine maps
 * (table medicine_rule): examplofen speaks with its own text, never
 * baclofen's; a medicine missing a mapping is refused at open. */
static void
assert_no_baclofen (const TitrateAlert *a)
{
  g_autofree char *all = g_strjoin ("\n", a->title, a->reason, a->action, a->source, NULL);
  g_autofree char *lower = g_utf8_strdown (all, -1);

  if (strstr (lower, "baclofen") != NULL || strstr (lower, "lioresal") != NULL)
    g_error ("alert %s for examplofen names baclofen:\n%s", a->code, all);
}

static void
test_second_medicine_checkpoints (void)
{
  g_autofree char *path = db_copy ("examplofen-slots.sqlite", "fixtures/examplofen.sql", NULL);
  g_autofree char *partial = db_copy ("examplofen-no-slot.sqlite", "fixtures/examplofen.sql",
                                      "DELETE FROM medicine_rule WHERE medicine = 'examplofen' AND slot = 'pregnancy.oral'");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);
  g_autoptr(TitrateRules) refused = NULL;
  g_autoptr(TitratePatient) p = test_adult (40, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitrateRegimen) r = test_oral ("example_indication", "oral_solution", NAN, "1:5,5");
  g_autoptr(TitrateRegimen) bac = test_oral ("spasticity", "oral_solution", NAN, "1:5,5");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  TitrateLimit limit;
  const char *const slots[] = { "pregnancy.oral", "lactation.oral", "route.oral_liquid", "renal.dialysis", NULL };

  g_assert_no_error (error);
  g_free (r->drug);
  r->drug = g_strdup ("examplofen");
  r->concentration_mg_per_ml = 1;
  bac->concentration_mg_per_ml = 1;
  p->pregnant = TRUE;
  p->breastfeeding = TRUE;
  p->dialysis = TRUE;

  a = check_with (rules, p, r);
  b = check_with (rules, p, bac);
  for (guint i = 0; slots[i] != NULL; i++)
    {
      g_autofree char *own = g_strconcat ("examplofen.", slots[i], NULL);
      const TitrateAlert *alert = find_alert (a, own);

      if (alert == NULL)
        g_error ("examplofen raised no %s", own);
      assert_no_baclofen (alert);
      g_assert_null (find_alert (a, slots[i]));
      /* Baclofen, in the same database, keeps its own rules. */
      g_assert_nonnull (find_alert (b, slots[i]));
      g_assert_null (find_alert (b, own));
    }
  titrate_check_applicable_limit (rules, p, r, &limit);
  g_assert_cmpstr (limit.rule_code, ==, "examplofen.renal.dialysis");

  /* An abrupt stop: examplofen's own rule, with the plan's own trigger. */
  {
    g_autoptr(TitratePatient) adult = test_adult (40, 70, TITRATE_SEX_FEMALE, 0.8);
    g_autoptr(TitrateRegimen) stop = test_oral ("example_indication", "tablet", 10, "1:10,10;8:");
    g_autoptr(GPtrArray) c = NULL;
    const TitrateAlert *alert;

    g_free (stop->drug);
    stop->drug = g_strdup ("examplofen");
    c = check_with (rules, adult, stop);
    alert = find_alert (c, "examplofen.withdrawal.oral.abrupt_stop");
    g_assert_nonnull (alert);
    g_assert_cmpstr (alert->trigger, ==, "Day 8: stops from 20 mg/day with no reduction before");
    assert_no_baclofen (alert);
    g_assert_null (find_alert (c, "withdrawal.oral.abrupt_stop"));
  }

  refused = titrate_rules_new_for_path (partial, &error);
  g_assert_null (refused);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  g_assert_nonnull (strstr (error->message, "pregnancy.oral"));
}

/* ANSM 2017 (§4): in alcohol use disorder, patients above 80 mg/day are
 * reduced by 10–15 mg every 2 days; the French label's 10–15 mg steps over
 * 1–2 weeks are a separate check. */
static void
test_aud_reduction_pace (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  /* 120 → 105 → 90 → 80 mg/day every 2 days: ANSM's own scheme. */
  g_autoptr(TitrateRegimen) ansm = test_oral ("alcohol_use_disorder", "tablet", 5,
                                              "1:35,35,35;3:30,30,30;5:20,20,20,20");
  /* The same steps on consecutive days. */
  g_autoptr(TitrateRegimen) fast = test_oral ("alcohol_use_disorder", "tablet", 5,
                                              "1:35,35,35;2:30,30,30;3:20,20,20,20");
  /* From 80 mg/day down, ANSM's pace does not apply. */
  g_autoptr(TitrateRegimen) below = test_oral ("alcohol_use_disorder", "tablet", 5,
                                               "1:25,25,25;2:20,20,20;3:15,15,15");
  g_autoptr(TitrateRegimen) spasticity = test_oral ("spasticity", "tablet", 5,
                                                    "1:35,35,35;2:30,30,30;3:20,20,20,20");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;
  const TitrateAlert *alert;

  p->current_daily_mg = 120;
  a = check (p, ansm);
  g_assert_null (find_alert (a, "withdrawal.oral.step_down_fast"));
  g_assert_null (find_alert (a, "withdrawal.oral.step_down_large"));

  b = check (p, fast);
  alert = find_alert (b, "withdrawal.oral.step_down_fast");
  g_assert_nonnull (alert);
  g_assert_cmpstr (alert->trigger, ==,
                   "Day 2: 105 → 90 mg/day, 30 mg/day less within 2 days (at most 15 mg/day every 2 days "
                   "above 80 mg/day, ANSM 2017); also day 3 (−25 mg/day)");
  g_assert_cmpint (alert->severity, ==, TITRATE_SEVERITY_MODERATE);
  g_assert_nonnull (strstr (alert->source, "ANSM17"));

  p->current_daily_mg = 80;
  c = check (p, below);
  g_assert_null (find_alert (c, "withdrawal.oral.step_down_fast"));

  /* Not alcohol use disorder: ANSM's scheme is not this patient's. */
  p->current_daily_mg = 120;
  d = check (p, spasticity);
  g_assert_null (find_alert (d, "withdrawal.oral.step_down_fast"));
}

/* Intrathecal (§5) */

static void
test_it_start_against_screening (void)
{
  g_autoptr(TitratePatient) p = test_adult (34, 74, TITRATE_SEX_MALE, 0.8);
  g_autoptr(TitrateRegimen) ok = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50;2:b75;10:d150");
  g_autoptr(TitrateRegimen) high = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50;2:b75;10:d200");
  g_autoptr(TitrateRegimen) long_ok = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50;2:b75;10:d75");
  g_autoptr(TitrateRegimen) long_high = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50;2:b75;10:d100");
  g_autoptr(GPtrArray) a = check (p, ok);
  g_autoptr(GPtrArray) b = check (p, high);
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;

  g_assert_null (find_alert (a, "titration.it.start_above_screening"));
  g_assert_cmpstr (find_alert (b, "titration.it.start_above_screening")->trigger, ==,
                   "Day 10: pump starts at 200 mcg/day; effective screening bolus 75 mcg, so at most 150 mcg/day (× 2)");
  /* Effect over 8 h: once the screening dose. */
  long_ok->screening_effect_hours = 10;
  long_high->screening_effect_hours = 10;
  c = check (p, long_ok);
  d = check (p, long_high);
  g_assert_null (find_alert (c, "titration.it.start_above_screening"));
  g_assert_cmpstr (find_alert (d, "titration.it.start_above_screening")->trigger, ==,
                   "Day 10: pump starts at 100 mcg/day; effective screening bolus 75 mcg lasted 10 h, so at most "
                   "75 mcg/day (× 1)");
  /* Exactly 8 h is not "more than 8 h". */
  {
    g_autoptr(GPtrArray) e = NULL;

    long_high->screening_effect_hours = 8;
    e = check (p, long_high);
    g_assert_null (find_alert (e, "titration.it.start_above_screening"));
  }
}

static void
test_it_phase (void)
{
  g_autoptr(TitratePatient) p = test_adult (34, 74, TITRATE_SEX_MALE, 0.8);
  /* +33 %: above the 30 % post-implant limit, within the 40 % maintenance limit (spinal). */
  g_autoptr(TitrateRegimen) r = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d300;2:d400");
  /* Cerebral: −7 % then +18 %: above 15 % post-implant, within 20 % maintenance. */
  g_autoptr(TitrateRegimen) q = test_it (TITRATE_ORIGIN_CEREBRAL, 500, "1:d300;2:d280;3:d330");
  g_autoptr(GPtrArray) a = check (p, r);
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = check (p, q);
  g_autoptr(GPtrArray) d = NULL;

  g_assert_nonnull (find_alert (a, "titration.it.increase_spinal"));
  r->it_phase = TITRATE_IT_PHASE_MAINTENANCE;
  b = check (p, r);
  g_assert_null (find_alert (b, "titration.it.increase_spinal"));

  g_assert_null (find_alert (c, "titration.it.increase_cerebral"));
  q->it_phase = TITRATE_IT_PHASE_POST_IMPLANT;
  d = check (p, q);
  g_assert_nonnull (strstr (find_alert (d, "titration.it.increase_cerebral")->trigger, "post-implant"));
}

static void
test_it_bolus_on_top_of_infusion (void)
{
  g_autoptr(TitratePatient) p = test_adult (34, 74, TITRATE_SEX_MALE, 0.8);
  g_autoptr(TitrateRegimen) r = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d300;5:b50");
  g_autoptr(GPtrArray) a = check (p, r);
  TitrateDay day;

  /* The bolus day: infusion plus bolus; the days after: the infusion runs on. */
  titrate_planner_get_day (test_rules (), r, 5, &day);
  g_assert_cmpfloat (day.daily_mcg, ==, 300);
  g_assert_cmpfloat (day.bolus_mcg, ==, 50);
  g_assert_cmpfloat (day.daily_total, ==, 350);
  titrate_planner_get_day (test_rules (), r, 8, &day);
  g_assert_cmpfloat (day.daily_mcg, ==, 300);
  g_assert_cmpfloat (day.daily_total, ==, 300);
  g_assert_cmpint (day.phase, ==, TITRATE_PHASE_MAINTENANCE);
  /* Never read as the infusion dropping to 50 mcg. */
  g_assert_null (find_alert (a, "withdrawal.it.decrease_large"));
  g_assert_null (find_alert (a, "withdrawal.it.stop"));

  /* A screening bolus with no infusion before it stays a single dose. */
  {
    g_autoptr(TitrateRegimen) s = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50");

    titrate_planner_get_day (test_rules (), s, 2, &day);
    g_assert_cmpfloat (day.daily_total, ==, 0);
  }
}

/* Document extensions (compatible with version 1) */

static void
test_document_extensions (void)
{
  const char *json =
    "{\"format\":\"titrate-regimen\",\"version\":1,"
    "\"patient\":{\"age_years\":70,\"weight_kg\":90,\"height_cm\":165,\"sex\":\"female\","
    "\"egfr_ml_min_1_73m2\":40,\"current_daily_mg\":30,\"current_since\":\"2026-05-01\"},"
    "\"regimen\":{\"drug\":\"Baclofen\",\"route\":\"intrathecal\",\"indication\":\"severe_spasticity\","
    "\"spasticity_origin\":\"spinal\",\"it_phase\":\"maintenance\",\"screening_effective_mcg\":75,"
    "\"screening_effect_hours\":6,\"steps\":[{\"day\":1,\"daily_mcg\":300}]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = titrate_document_load_from_data (json, -1, &error);
  g_autoptr(TitrateDocument) again = NULL;
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (doc->patient->height_cm, ==, 165);
  g_assert_cmpfloat (doc->patient->current_daily_mg, ==, 30);
  g_assert_cmpint (g_date_get_year (&doc->patient->current_since), ==, 2026);
  g_assert_cmpint (doc->regimen->it_phase, ==, TITRATE_IT_PHASE_MAINTENANCE);
  g_assert_cmpfloat (doc->regimen->screening_effective_mcg, ==, 75);
  g_assert_cmpstr (doc->regimen->drug, ==, "baclofen");

  out = titrate_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (out, "\"height_cm\""));
  g_assert_nonnull (strstr (out, "\"current_since\": \"2026-05-01\""));
  g_assert_nonnull (strstr (out, "\"it_phase\": \"maintenance\""));
  again = titrate_document_load_from_data (out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (again->regimen->screening_effect_hours, ==, 6);

  /* Bad values name the field; an unknown medicine names what the database has. */
  {
    struct { const char *json; const char *fragment; } bad[] = {
      { "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"height_cm\":400},"
        "\"regimen\":{\"route\":\"oral\",\"steps\":[]}}", "patient.height_cm" },
      { "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{},"
        "\"regimen\":{\"route\":\"intrathecal\",\"it_phase\":\"titration\",\"steps\":[]}}", "regimen.it_phase" },
      { "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{},"
        "\"regimen\":{\"route\":\"oral\",\"it_phase\":\"maintenance\",\"steps\":[]}}", "regimen.it_phase" },
      { "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{},"
        "\"regimen\":{\"drug\":\"tizanidine\",\"route\":\"oral\",\"steps\":[]}}", "rules for baclofen only" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) e = NULL;
        g_autoptr(TitrateDocument) d = titrate_document_load_from_data (bad[i].json, -1, &e);

        g_assert_null (d);
        g_assert_nonnull (e);
        if (strstr (e->message, bad[i].fragment) == NULL)
          g_error ("“%s” lacks “%s”", e->message, bad[i].fragment);
      }
  }
}

static void
test_creatinine_mg_dl_edge (void)
{
  g_autoptr(TitratePatient) p = test_adult (50, 70, TITRATE_SEX_MALE, 30);
  g_autoptr(TitratePatient) q = test_adult (50, 70, TITRATE_SEX_MALE, 30.5);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a = check (p, r);
  g_autoptr(GPtrArray) b = check (q, r);

  g_assert_null (find_alert (a, "input.creatinine_implausible"));
  g_assert_cmpstr (find_alert (b, "input.creatinine_implausible")->trigger, ==,
                   "Serum creatinine 30.5 mg/dL, above 30 mg/dL: looks like µmol/L; not used for CrCl or eGFR");
}

/* A second, fictional medicine: rows, not C */

static void
test_second_medicine (void)
{
  g_autofree char *path = db_copy ("examplofen.sqlite", "fixtures/examplofen.sql", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);
  g_autoptr(TitratePatient) p = test_adult (68, 70, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) r = test_oral ("example_indication", "tablet", 10, "1:10;5:10,10;9:10,10,10;13:20,20");
  g_autoptr(TitrateRegimen) bac = test_oral ("spasticity", "tablet", 10, "1:10;5:10,10;9:10,10,10;13:20,20");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  const TitrateAlert *max;
  TitrateLimit limit;

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  g_free (r->drug);
  r->drug = g_strdup ("examplofen");
  p->egfr_ml_min_1_73m2 = 50;
  p->crcl_ml_min = 60;

  a = check_with (rules, p, r);
  b = check_with (rules, p, bac);

  /* Examplofen's own 30 mg/day maximum, text from its own rule row. */
  max = find_alert (a, "examplofen.dose.label_max");
  g_assert_nonnull (max);
  g_assert_cmpstr (max->title, ==, "Above the 30 mg/day examplofen maximum");
  g_assert_nonnull (strstr (max->trigger, "Plan peaks at 40 mg/day"));
  g_assert_null (find_alert (b, "examplofen.dose.label_max"));
  g_assert_null (find_alert (b, "dose.oral.spasticity.label_max"));

  /* Its older-adult band starts at 70 and its eGFR limit is 40: a 68-year-old
   * with eGFR 50 gets no older-adult alert; baclofen's Beers rule fires. */
  g_assert_null (find_alert (a, "examplofen.elderly"));
  g_assert_null (find_alert (a, "elderly.beers_egfr60"));
  g_assert_nonnull (find_alert (b, "elderly.beers_egfr60"));

  /* Its step limit is 10 mg/day every 2 days: the plan's +10 mg/day steps
   * 4 days apart are fine; baclofen's renal band (CrCl 60: mild) differs. */
  g_assert_null (find_alert (a, "titration.oral.step_large"));
  g_assert_null (find_alert (a, "renal.mild"));

  titrate_check_applicable_limit (rules, p, r, &limit);
  g_assert_cmpfloat (limit.max_daily, ==, 30);
  g_assert_cmpstr (limit.rule_code, ==, "examplofen.dose.label_max");

  /* A medicine the database does not hold is an error, never an empty list. */
  {
    g_autoptr(GError) e2 = NULL;
    g_free (r->drug);
    r->drug = g_strdup ("unknownofen");
    g_assert_null (titrate_check (rules, p, r, NULL, &e2));
    g_assert_error (e2, TITRATE_ERROR, TITRATE_ERROR_RULES);
    g_assert_nonnull (strstr (e2->message, "unknownofen"));
  }
}

static void
assert_refused (const char *path, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);

  g_assert_null (rules);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, fragment);
}

static void
test_missing_rows_refused (void)
{
  struct { const char *name; const char *sql; const char *fragment; } cases[] = {
    { "no-taper.sqlite", "DELETE FROM taper_rule WHERE rule = 'withdrawal.oral.short_taper';", "taper" },
    { "no-band.sqlite", "DELETE FROM population_band WHERE code = 'older_adult';", "older_adult" },
    { "no-threshold.sqlite", "DELETE FROM threshold WHERE code = 'tablet_min_weight';", "tablet_min_weight" },
    { "no-range.sqlite", "DELETE FROM input_range WHERE field = 'patient.weight_kg';", "patient.weight_kg" },
    { "no-elderly.sqlite", "DELETE FROM protocol_adjustment WHERE population = 'elderly';", "elderly" },
    { "part-titration.sqlite", "DELETE FROM titration_limit WHERE kind = 'interval_days' AND indication = 'spasticity';",
      "titration limit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = db_copy (cases[i].name, NULL, cases[i].sql);
      assert_refused (path, cases[i].fragment);
    }

  /* The fictional medicine without one of its required thresholds. */
  {
    g_autofree char *path = db_copy ("examplofen-partial.sqlite", "fixtures/examplofen.sql",
                                     "DELETE FROM threshold WHERE medicine = 'examplofen' AND code = 'muanda_start';");
    assert_refused (path, "examplofen");
  }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("titrate-thresholds-XXXXXX", NULL);

  g_test_add_func ("/titrate/thresholds/age-18-adult-band", test_age_18_adult_band);
  g_test_add_func ("/titrate/thresholds/age-12-us-label", test_age_12_us_label);
  g_test_add_func ("/titrate/thresholds/age-4-intrathecal", test_age_4_intrathecal);
  g_test_add_func ("/titrate/thresholds/age-65-66-beers-muanda", test_age_65_66_beers_muanda);
  g_test_add_func ("/titrate/thresholds/egfr-60-edge", test_egfr_60_edge);
  g_test_add_func ("/titrate/thresholds/weight-33-tablets", test_weight_33_tablets);
  g_test_add_func ("/titrate/thresholds/crcl-edges", test_crcl_edges);
  g_test_add_func ("/titrate/thresholds/screening-concentration", test_screening_concentration);
  g_test_add_func ("/titrate/thresholds/input-ranges", test_input_ranges);
  g_test_add_func ("/titrate/renal/egfr-drives-bands-without-weight", test_egfr_drives_bands_without_weight);
  g_test_add_func ("/titrate/renal/egfr-edges", test_egfr_edges);
  g_test_add_func ("/titrate/renal/egfr-deindexed-by-bsa", test_egfr_deindexed_by_bsa);
  g_test_add_func ("/titrate/renal/ckd-epi-without-weight", test_ckd_epi_without_weight);
  g_test_add_func ("/titrate/renal/adjusted-body-weight", test_adjusted_body_weight);
  g_test_add_func ("/titrate/renal/creatinine-implausible", test_creatinine_implausible);
  g_test_add_func ("/titrate/renal/dialysis-names-plan-dose", test_dialysis_names_plan_dose);
  g_test_add_func ("/titrate/renal/severe-band-conflict", test_severe_band_conflict);
  g_test_add_func ("/titrate/titration/label-schedules-do-not-alert", test_label_schedules_do_not_alert);
  g_test_add_func ("/titrate/titration/worst-step-listed", test_worst_step_listed);
  g_test_add_func ("/titrate/titration/start-at-maximum-is-major", test_start_at_maximum_is_major);
  g_test_add_func ("/titrate/titration/renewal-is-not-a-start", test_renewal_is_not_a_start);
  g_test_add_func ("/titrate/titration/child-start-and-pace", test_child_start_and_pace);
  g_test_add_func ("/titrate/titration/dose-plausibility", test_dose_plausibility);
  g_test_add_func ("/titrate/taper/step-sizes", test_taper_step_sizes);
  g_test_add_func ("/titrate/taper/plateau-inside-taper", test_plateau_inside_taper);
  g_test_add_func ("/titrate/taper/current-dose-is-baseline", test_current_dose_is_baseline);
  g_test_add_func ("/titrate/intrathecal/start-against-screening", test_it_start_against_screening);
  g_test_add_func ("/titrate/intrathecal/phase", test_it_phase);
  g_test_add_func ("/titrate/intrathecal/bolus-on-top-of-infusion", test_it_bolus_on_top_of_infusion);
  g_test_add_func ("/titrate/document/extensions", test_document_extensions);
  g_test_add_func ("/titrate/renal/creatinine-mg-dl-edge", test_creatinine_mg_dl_edge);
  g_test_add_func ("/titrate/thresholds/second-medicine", test_second_medicine);
  g_test_add_func ("/titrate/thresholds/second-medicine-checkpoints", test_second_medicine_checkpoints);
  g_test_add_func ("/titrate/withdrawal/aud-reduction-pace", test_aud_reduction_pace);
  g_test_add_func ("/titrate/thresholds/missing-rows-refused", test_missing_rows_refused);

  ret = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return ret;
}
