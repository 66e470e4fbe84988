/* test-checker.c — clinical outcomes of every rule category
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "titrate-test-util.h"

/* A healthy adult on the label titration with 5 mg tablets. */
static TitratePatient *
healthy (void)
{
  return test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
}

#define LABEL_PLAN "1:5,5,5;4:10,10,10;7:15,15,15;10:20,20,20"

static void
assert_complete (const TitrateAlert *a)
{
  /* Every alert carries everything a prescriber needs to judge it. */
  g_assert_nonnull (a->title);
  g_assert_cmpuint (strlen (a->title), >, 3);
  g_assert_cmpuint (strlen (a->reason), >, 10);
  g_assert_cmpuint (strlen (a->action), >, 4);
  g_assert_cmpuint (strlen (a->source), >, 1);
  g_assert_nonnull (a->evidence);
}

static void
test_clean_plan_has_no_alerts (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) alerts = test_check (p, r, NULL);
  g_autofree char *codes = alert_codes (alerts);

  /* An empty list means: checked, nothing found. */
  g_assert_cmpstr (codes, ==, "");
}

static void
test_no_rules_is_an_error (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  GError *error = NULL;

  g_assert_null (titrate_check (NULL, p, r, NULL, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  g_clear_error (&error);
}

static void
test_older_adult_ckd (void)
{
  /* 78-year-old woman, 55 kg, SCr 1.3 mg/dL: CrCl 30.97 mL/min (shown 30.9), eGFR 42.1 (shown 42) */
  g_autoptr(TitratePatient) p = test_adult (78, 55, TITRATE_SEX_FEMALE, 1.3);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  const char *comeds[] = { "lorazepam", NULL };
  g_autoptr(GPtrArray) alerts = test_check (p, r, comeds);
  const TitrateAlert *renal, *beers, *benzo;

  renal = find_alert (alerts, "renal.moderate");
  g_assert_nonnull (renal);
  g_assert_cmpint (renal->category, ==, TITRATE_CATEGORY_RENAL);
  g_assert_cmpint (renal->severity, >=, TITRATE_SEVERITY_MAJOR);
  g_assert_nonnull (strstr (renal->reason, "CrCl 30.9 mL/min"));
  g_assert_nonnull (strstr (renal->reason, "Cockcroft"));
  g_assert_nonnull (strstr (renal->reason, "40 mg/day"));           /* 80 × ½ */
  g_assert_cmpint (renal->day, ==, 7);                              /* 45 mg/day > 40 from day 7 */
  assert_complete (renal);

  beers = find_alert (alerts, "elderly.beers_egfr60");
  g_assert_nonnull (beers);
  /* One kidney problem, one interruptive alert (issue #9 §2): the renal
   * alert stays major and names the Beers alert; Beers refers back to it. */
  g_assert_cmpint (beers->severity, ==, TITRATE_SEVERITY_MODERATE);
  g_assert_nonnull (strstr (beers->reason, "eGFR 42"));
  g_assert_nonnull (strstr (beers->trigger, renal->title));
  g_assert_nonnull (strstr (renal->trigger, "Beers 2023"));
  g_assert_nonnull (strstr (beers->source, "Beers23"));

  benzo = find_alert (alerts, "interaction.benzodiazepine");
  g_assert_nonnull (benzo);
  g_assert_nonnull (strstr (benzo->reason, "lorazepam"));

  assert_alert (alerts, "elderly.cautious_titration");
  assert_no_alert (alerts, "elderly.muanda_start20");               /* starts at 15 mg/day */
  assert_no_alert (alerts, "dose.oral.spasticity.label_max");

  /* Sorted most severe first */
  for (guint i = 1; i < alerts->len; i++)
    g_assert_cmpint (((TitrateAlert *) g_ptr_array_index (alerts, i - 1))->severity, >=,
                     ((TitrateAlert *) g_ptr_array_index (alerts, i))->severity);
}

static void
test_muanda_start (void)
{
  g_autoptr(TitratePatient) p = test_adult (70, 70, TITRATE_SEX_MALE, 1.6);  /* eGFR ≈ 46 */
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 10, "1:10,10");
  g_autoptr(GPtrArray) alerts = test_check (p, r, NULL);

  assert_alert (alerts, "elderly.muanda_start20");
  assert_alert (alerts, "elderly.beers_egfr60");
}

static void
test_renal_bands (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a1 = NULL;
  g_autoptr(GPtrArray) a2 = NULL;
  g_autoptr(GPtrArray) a3 = NULL;
  g_autoptr(GPtrArray) a4 = NULL;
  const TitrateAlert *severe, *dialysis;

  /* Entered CrCl wins over the computed 100 mL/min */
  p->crcl_ml_min = 25;
  a1 = test_check (p, r, NULL);
  severe = find_alert (a1, "renal.severe");
  g_assert_nonnull (severe);
  g_assert_nonnull (strstr (severe->reason, "CrCl 25 mL/min (entered)"));

  p->crcl_ml_min = 10;
  a2 = test_check (p, r, NULL);
  assert_alert (a2, "renal.esrd");
  g_assert_cmpint (find_alert (a2, "renal.esrd")->severity, ==, TITRATE_SEVERITY_CONTRAINDICATED);

  p->dialysis = TRUE;
  a3 = test_check (p, r, NULL);
  dialysis = find_alert (a3, "renal.dialysis");
  g_assert_nonnull (dialysis);
  g_assert_cmpint (dialysis->severity, ==, TITRATE_SEVERITY_CONTRAINDICATED);
  /* The conflict between sources is stated, not hidden */
  g_assert_nonnull (strstr (dialysis->reason, "5 mg"));

  /* Mild impairment, plan within the reduced ceiling (53 mg/day) and start: quiet */
  p->dialysis = FALSE;
  p->crcl_ml_min = 65;
  g_array_set_size (r->steps, 0);
  {
    g_autoptr(TitrateRegimen) low = test_oral ("spasticity", "tablet", 5, "1:5,5;4:10,10;7:15,15;10:15,15,15");
    a4 = test_check (p, low, NULL);
  }
  assert_no_alert (a4, "renal.mild");
}

static void
test_renal_boundary_display (void)
{
  /* A computed CrCl of 29.96 mL/min is in the < 30 band: not shown as "30".
   * 78-year-old woman, 55 kg: SCr 1.3437 mg/dL gives 29.96 mL/min. */
  g_autoptr(TitratePatient) p = test_adult (78, 55, TITRATE_SEX_FEMALE, 1.3437);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) alerts = NULL;
  const TitrateAlert *a;

  g_assert_cmpfloat_with_epsilon (titrate_cockcroft_gault (78, 55, TITRATE_SEX_FEMALE, 1.3437), 29.96, 0.005);
  alerts = test_check (p, r, NULL);
  a = find_alert (alerts, "renal.severe");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->reason, "CrCl 29.9 mL/min"));
  g_assert_cmpfloat (titrate_renal_estimate_shown (29.96, TITRATE_RENAL_BASIS_COCKCROFT_GAULT), ==, 29.9);
  g_assert_cmpfloat (titrate_renal_estimate_shown (31.0, TITRATE_RENAL_BASIS_COCKCROFT_GAULT), ==, 31.0);
  /* An entered value is shown exactly as entered. */
  g_assert_cmpfloat (titrate_renal_estimate_shown (29.96, TITRATE_RENAL_BASIS_ENTERED), ==, 29.96);
}

static void
test_renal_not_assessed (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, NAN);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) alerts = test_check (p, r, NULL);
  const TitrateAlert *a = find_alert (alerts, "input.renal_not_assessed");

  g_assert_nonnull (a);
  g_assert_cmpint (a->category, ==, TITRATE_CATEGORY_INPUT);
  g_assert_nonnull (strstr (a->reason, "no serum creatinine"));
}

static void
test_dose_limits_spasticity (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r90 = test_oral ("spasticity", "tablet", 10, "1:30,30,30");
  g_autoptr(TitrateRegimen) r130 = test_oral ("spasticity", "tablet", 10, "1:40,40,50");
  g_autoptr(GPtrArray) a90 = test_check (p, r90, NULL);
  g_autoptr(GPtrArray) a130 = test_check (p, r130, NULL);
  const TitrateAlert *a;

  a = find_alert (a90, "dose.oral.spasticity.label_max");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_nonnull (strstr (a->reason, "90 mg/day"));
  g_assert_nonnull (strstr (a->reason, "80 mg/day"));

  /* Above 120 mg/day only the stronger alert shows (no duplicate nuisance) */
  assert_alert (a130, "dose.oral.spasticity.upper_bound");
  assert_no_alert (a130, "dose.oral.spasticity.label_max");
  g_assert_cmpint (find_alert (a130, "dose.oral.spasticity.upper_bound")->severity, ==,
                   TITRATE_SEVERITY_CONTRAINDICATED);
}

static void
test_dose_limits_aud (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r70 = test_oral ("alcohol_use_disorder", "tablet", 10, "1:5,5,5;4:20,20,30");
  g_autoptr(TitrateRegimen) r90 = test_oral ("alcohol_use_disorder", "tablet", 10, "1:5,5,5;4:30,30,30");
  g_autoptr(GPtrArray) a70 = test_check (p, r70, NULL);
  g_autoptr(GPtrArray) a90 = test_check (p, r90, NULL);

  assert_alert (a70, "dose.oral.aud.us_max");
  assert_no_alert (a70, "dose.oral.aud.label_max");
  assert_alert (a90, "dose.oral.aud.label_max");
  assert_no_alert (a90, "dose.oral.aud.us_max");
  /* The spasticity ceiling does not apply to AUD and vice versa */
  assert_no_alert (a90, "dose.oral.spasticity.label_max");
}

static void
test_pediatric (void)
{
  /* 6 years, 20 kg, 45 mg/day in tablets */
  g_autoptr(TitratePatient) p = test_adult (6, 20, TITRATE_SEX_FEMALE, NAN);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5,5,5;8:15,15,15");
  g_autoptr(GPtrArray) alerts = test_check (p, r, NULL);
  const TitrateAlert *kg;

  assert_alert (alerts, "dose.oral.pediatric.under8");
  kg = find_alert (alerts, "dose.oral.pediatric.mg_per_kg");
  g_assert_nonnull (kg);
  g_assert_nonnull (strstr (kg->reason, "2.25 mg/kg/day"));
  assert_alert (alerts, "pediatric.us_under12");
  assert_alert (alerts, "pediatric.tablet_under33kg");
  assert_no_alert (alerts, "dose.oral.spasticity.label_max");       /* adult row does not apply */
  /* No creatinine: renal clearance (70–80 % of baclofen) is unknown, and said so */
  assert_alert (alerts, "input.renal_not_assessed");
}

static void
test_pediatric_weight_missing (void)
{
  g_autoptr(TitratePatient) p = test_adult (10, NAN, TITRATE_SEX_FEMALE, NAN);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "oral_solution", NAN, "1:5,5");
  g_autoptr(GPtrArray) alerts = NULL;

  r->concentration_mg_per_ml = 1;
  alerts = test_check (p, r, NULL);
  assert_alert (alerts, "input.weight_missing_child");
  assert_alert (alerts, "pediatric.us_under12");
  assert_alert (alerts, "route.oral_liquid");
  assert_no_alert (alerts, "dose.oral.pediatric.from8");
}

static void
test_pregnancy_lactation (void)
{
  g_autoptr(TitratePatient) p = test_adult (31, 68, TITRATE_SEX_FEMALE, 0.7);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) preg = NULL;
  g_autoptr(GPtrArray) lact = NULL;
  const TitrateAlert *a;

  p->pregnant = TRUE;
  preg = test_check (p, r, NULL);
  a = find_alert (preg, "pregnancy.oral");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_nonnull (strstr (a->action, "deliver"));                 /* taper before delivery */

  p->pregnant = FALSE;
  p->breastfeeding = TRUE;
  lact = test_check (p, r, NULL);
  a = find_alert (lact, "lactation.oral");
  g_assert_nonnull (a);
  /* Compatible per LactMed: never a block */
  g_assert_cmpint (a->severity, <=, TITRATE_SEVERITY_MINOR);
  g_assert_nonnull (strstr (a->source, "LactMed"));
  assert_no_alert (lact, "pregnancy.oral");
}

static void
test_interactions (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  const char *comeds[] = { "Xanax", "  LORAZEPAM ", "alcohol", "oxycodone", "tizanidine",
                           "amitriptyline", "unobtainium", "", NULL };
  g_autoptr(GPtrArray) alerts = test_check (p, r, comeds);
  const TitrateAlert *benzo, *unknown;

  /* An opioid with a benzodiazepine on baclofen: one cumulative alert
   * (major at any age) names every CNS-active drug as typed (brand →
   * generic) and replaces the pairwise alerts for the same mechanism. */
  benzo = find_alert (alerts, "interaction.cns_burden_opioid_combination");
  g_assert_nonnull (benzo);
  g_assert_cmpint (benzo->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_nonnull (strstr (benzo->reason, "Xanax (alprazolam)"));
  g_assert_nonnull (strstr (benzo->reason, "LORAZEPAM"));
  g_assert_nonnull (strstr (benzo->trigger, "alcohol"));
  g_assert_nonnull (strstr (benzo->trigger, "oxycodone"));
  g_assert_nonnull (strstr (benzo->trigger, "tizanidine"));
  g_assert_nonnull (strstr (benzo->trigger, "amitriptyline"));
  assert_no_alert (alerts, "interaction.benzodiazepine");
  assert_no_alert (alerts, "interaction.alcohol");
  assert_no_alert (alerts, "interaction.opioid");
  /* Distinct mechanisms keep their own alerts. */
  assert_alert (alerts, "interaction.tca");
  assert_alert (alerts, "duplication.muscle_relaxant");
  g_assert_cmpint (find_alert (alerts, "duplication.muscle_relaxant")->category, ==,
                   TITRATE_CATEGORY_DUPLICATION);

  unknown = find_alert (alerts, "input.unknown_comedication");
  g_assert_nonnull (unknown);
  g_assert_nonnull (strstr (unknown->reason, "unobtainium"));
  g_assert_null (strstr (unknown->reason, "alcohol"));
}

static void
test_duplicate_baclofen (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitrateRegimen) it = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d200");
  const char *comeds[] = { "Ozobax", NULL };
  g_autoptr(GPtrArray) oral = test_check (p, r, comeds);
  g_autoptr(GPtrArray) intrathecal = test_check (p, it, comeds);

  assert_alert (oral, "duplication.baclofen");
  assert_alert (intrathecal, "duplication.oral_with_it");
  assert_no_alert (intrathecal, "duplication.baclofen");
}

static void
test_allergy (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_ptr_array_add (p->allergies, g_strdup ("penicillin"));
  none = test_check (p, r, NULL);
  assert_no_alert (none, "allergy.baclofen");

  g_ptr_array_add (p->allergies, g_strdup ("Lioresal"));
  alerts = test_check (p, r, NULL);
  assert_alert (alerts, "allergy.baclofen");
  g_assert_cmpint (find_alert (alerts, "allergy.baclofen")->severity, ==, TITRATE_SEVERITY_CONTRAINDICATED);
}

static void
test_conditions (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) alerts = NULL;
  const TitrateAlert *epi;
  const char *codes[] = { "epilepsy", "psychotic_disorder", "stroke", "autonomic_dysreflexia", "peptic_ulcer",
                          "respiratory_impairment", "substance_use_disorder", "diabetes", "parkinson_disease",
                          "not_a_condition" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_ptr_array_add (p->conditions, g_strdup (codes[i]));
  g_ptr_array_add (p->conditions, g_strdup ("hepatic_impairment"));
  alerts = test_check (p, r, NULL);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *code = g_strconcat ("condition.", codes[i], NULL);
      assert_alert (alerts, code);
      g_assert_cmpint (find_alert (alerts, code)->category, ==, TITRATE_CATEGORY_CONDITION);
    }
  assert_alert (alerts, "hepatic.impairment");
  g_assert_cmpint (find_alert (alerts, "hepatic.impairment")->category, ==, TITRATE_CATEGORY_HEPATIC);
  assert_alert (alerts, "input.unknown_condition");

  /* Epilepsy: the sources conflict (Germany contraindicates, US/UK monitor); both are named */
  epi = find_alert (alerts, "condition.epilepsy");
  g_assert_cmpint (epi->severity, >=, TITRATE_SEVERITY_MAJOR);
  g_assert_true (strstr (epi->reason, "DE") != NULL || strstr (epi->reason, "German") != NULL);
  g_assert_true (strstr (epi->reason, "US") != NULL);
  g_assert_nonnull (strstr (epi->reason, "Condition: Epilepsy") ? epi->reason : epi->trigger);
}

static void
test_withdrawal (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) abrupt = test_oral ("spasticity", "tablet", 5, LABEL_PLAN ";30:");
  g_autoptr(TitrateRegimen) short_taper = test_oral ("spasticity", "tablet", 5,
                                                     LABEL_PLAN ";30:15,15,15;32:10,10,10;34:5,5,5;36:");
  g_autoptr(TitrateRegimen) halved_then_stopped = test_oral ("spasticity", "tablet", 5, LABEL_PLAN ";30:10,10,10;32:");
  g_autoptr(TitrateRegimen) slow = test_oral ("spasticity", "tablet", 5,
                                              LABEL_PLAN ";30:15,15,15;33:10,10,10;36:5,5,5;39:");
  g_autoptr(GPtrArray) a1 = test_check (p, abrupt, NULL);
  g_autoptr(GPtrArray) a2 = test_check (p, short_taper, NULL);
  g_autoptr(GPtrArray) a3 = test_check (p, slow, NULL);
  g_autoptr(GPtrArray) a4 = test_check (p, halved_then_stopped, NULL);
  const TitrateAlert *a;

  a = find_alert (a1, "withdrawal.oral.abrupt_stop");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_cmpint (a->day, ==, 30);
  g_assert_nonnull (strstr (a->reason, "60 mg/day"));

  /* 60 → 45 → 30 → 15 → 0 in 15 mg steps over 6 days: too short a taper */
  a = find_alert (a2, "withdrawal.oral.short_taper");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->reason, "6 days"));
  assert_no_alert (a2, "withdrawal.oral.abrupt_stop");
  assert_no_alert (a2, "withdrawal.oral.step_down_large");

  /* 60 → 30 → 0 within 2 days: half the dose came off first, so it is a
   * taper, too short and in steps too large (two moderate alerts), not a
   * token reduction before a stop */
  assert_alert (a4, "withdrawal.oral.short_taper");
  assert_alert (a4, "withdrawal.oral.step_down_large");
  assert_no_alert (a4, "withdrawal.oral.abrupt_stop");

  assert_no_alert (a3, "withdrawal.oral.short_taper");
  assert_no_alert (a3, "withdrawal.oral.abrupt_stop");
}

/* A weight above the band the database holds plausible for the age is
 * questioned by the checker too (a document from a file has no form to ask
 * in): pounds typed as kg for an infant. Below the band (a small child with
 * cerebral palsy, a slip to 1 kg) only lowers the limits: the form asks,
 * the checker does not. */
static void
test_weight_implausible (void)
{
  static const struct {
    double age;
    double weight;
    const char *trigger;   /* NULL: no alert */
  } cases[] = {
    { 0.5, 15.4, "Weight 15.4 kg at 0.5 years (expected 2.3–12.6 kg at this age)" },
    { 4, 60, "Weight 60 kg at 4 years (expected 12.7–24.7 kg at this age)" },
    { 4, 12, NULL },      /* below the band (cerebral palsy): the form asks */
    { 78, 1, NULL },      /* below: lowers limits; the form asks */
    { 78, 38, NULL },
    { 6, 20, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TitratePatient) p = test_adult (cases[i].age, cases[i].weight, TITRATE_SEX_FEMALE, 0.8);
      g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5,5,5");
      g_autoptr(GPtrArray) a = test_check (p, r, NULL);
      const TitrateAlert *alert = find_alert (a, "input.weight_implausible");

      if (cases[i].trigger == NULL)
        g_assert_null (alert);
      else
        {
          g_assert_nonnull (alert);
          g_assert_cmpint (alert->severity, ==, TITRATE_SEVERITY_MODERATE);
          g_assert_cmpstr (alert->trigger, ==, cases[i].trigger);
        }
    }
}

static void
test_titration_speed (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) high = test_oral ("spasticity", "tablet", 10, "1:10,10,10");
  g_autoptr(TitrateRegimen) jump = test_oral ("spasticity", "tablet", 5, "1:5,5,5;4:15,15,15");
  g_autoptr(TitrateRegimen) fast = test_oral ("spasticity", "tablet", 5, "1:5,5,5;2:10,10,10");
  g_autoptr(GPtrArray) a1 = test_check (p, high, NULL);
  g_autoptr(GPtrArray) a2 = test_check (p, jump, NULL);
  g_autoptr(GPtrArray) a3 = test_check (p, fast, NULL);

  assert_alert (a1, "titration.oral.start_high");
  assert_alert (a2, "titration.oral.step_large");
  g_assert_cmpint (find_alert (a2, "titration.oral.step_large")->day, ==, 4);
  assert_alert (a3, "titration.oral.step_fast");
  assert_no_alert (a3, "titration.oral.step_large");

  /* A taper from an existing 60 mg/day is not a high start (no nuisance alert) */
  {
    g_autoptr(TitrateRegimen) taper = test_oral ("spasticity", "tablet", 5,
                                                 "1:20,20,20;4:15,15,15;7:10,10,10;10:5,5,5;13:");
    g_autoptr(GPtrArray) a4 = test_check (p, taper, NULL);
    g_autofree char *codes = alert_codes (a4);

    g_assert_cmpstr (codes, ==, "");
  }
}

static void
test_unmeasurable (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 10, "1:7.5,7.5");
  g_autoptr(GPtrArray) alerts = test_check (p, r, NULL);
  const TitrateAlert *a = find_alert (alerts, "dose.unmeasurable");

  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->reason, "7.5 mg = 0.75"));
}

static void
test_intrathecal (void)
{
  g_autoptr(TitratePatient) p = test_adult (34, 74, TITRATE_SEX_MALE, 0.8);
  g_autoptr(TitrateRegimen) ok = test_it (TITRATE_ORIGIN_SPINAL, 50, "1:b50;2:b75;10:d150;12:d180;14:d216");
  g_autoptr(TitrateRegimen) fast = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d150;2:d225");
  g_autoptr(TitrateRegimen) cerebral = test_it (TITRATE_ORIGIN_CEREBRAL, 500, "1:d100;2:d120");
  g_autoptr(TitrateRegimen) big = test_it (TITRATE_ORIGIN_SPINAL, 2000, "1:d1000;5:d1100");
  g_autoptr(TitrateRegimen) bolus = test_it (TITRATE_ORIGIN_UNSET, 500, "1:b60;2:b150");
  g_autoptr(TitrateRegimen) stop = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d300;5:d0");
  g_autoptr(GPtrArray) a_ok = test_check (p, ok, NULL);
  g_autoptr(GPtrArray) a_fast = test_check (p, fast, NULL);
  g_autoptr(GPtrArray) a_cer = test_check (p, cerebral, NULL);
  g_autoptr(GPtrArray) a_big = test_check (p, big, NULL);
  g_autoptr(GPtrArray) a_bolus = test_check (p, bolus, NULL);
  g_autoptr(GPtrArray) a_stop = test_check (p, stop, NULL);
  g_autofree char *codes = alert_codes (a_ok);
  const TitrateAlert *a;

  /* The label sequence (50, 75 mcg; 2× start; +20 %/step) raises nothing */
  g_assert_cmpstr (codes, ==, "");

  a = find_alert (a_fast, "titration.it.increase_spinal");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->reason, "+50 %"));
  g_assert_nonnull (strstr (a->reason, "mcg/day"));

  assert_alert (a_cer, "titration.it.increase_cerebral");        /* +20 % > 15 % */
  a = find_alert (a_big, "dose.it.soft_max");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, <, TITRATE_SEVERITY_MAJOR);          /* soft alert, not a hard stop */
  assert_alert (a_bolus, "dose.it.bolus_not_screening");
  assert_alert (a_bolus, "dose.it.bolus_above_100");
  assert_alert (a_bolus, "dose.it.bolus_concentration");
  assert_alert (a_bolus, "input.it_origin_missing");
  assert_alert (a_stop, "withdrawal.it.stop");

  /* No origin given: an increase is held to the stricter origin's limit
   * (cerebral post-implant +15 %), never left unchecked; +10 % passes. */
  {
    g_autoptr(TitrateRegimen) unset_fast = test_it (TITRATE_ORIGIN_UNSET, 500, "1:d100;2:d120");
    g_autoptr(TitrateRegimen) unset_slow = test_it (TITRATE_ORIGIN_UNSET, 500, "1:d100;2:d110");
    g_autoptr(GPtrArray) a_unset_fast = test_check (p, unset_fast, NULL);
    g_autoptr(GPtrArray) a_unset_slow = test_check (p, unset_slow, NULL);

    assert_alert (a_unset_fast, "input.it_origin_missing");
    a = find_alert (a_unset_fast, "titration.it.increase_cerebral");
    g_assert_nonnull (a);
    g_assert_nonnull (strstr (a->trigger, "+20 %"));
    assert_no_alert (a_unset_slow, "titration.it.increase_cerebral");
    assert_no_alert (a_unset_slow, "titration.it.increase_spinal");
  }

  /* After implant, with no screening dose given and no screening boluses
   * in the plan: the start cannot be checked, and an alert says so. With
   * the effective screening dose it is checked (800 > 2 × 200); in
   * maintenance there is no start to check. */
  {
    g_autoptr(TitrateRegimen) post = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d800");
    g_autoptr(GPtrArray) a_post = NULL;
    g_autoptr(GPtrArray) a_screened = NULL;
    g_autoptr(GPtrArray) a_maintenance = NULL;

    post->it_phase = TITRATE_IT_PHASE_POST_IMPLANT;
    a_post = test_check (p, post, NULL);
    a = find_alert (a_post, "input.it_screening_missing");
    g_assert_nonnull (a);
    g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MODERATE);
    g_assert_cmpstr (a->trigger, ==, "Day 1: pump starts at 800 mcg/day after implant; no effective screening bolus given");

    post->screening_effective_mcg = 200;
    a_screened = test_check (p, post, NULL);
    assert_no_alert (a_screened, "input.it_screening_missing");
    assert_alert (a_screened, "titration.it.start_above_screening");

    post->screening_effective_mcg = NAN;
    post->it_phase = TITRATE_IT_PHASE_MAINTENANCE;
    a_maintenance = test_check (p, post, NULL);
    assert_no_alert (a_maintenance, "input.it_screening_missing");
  }

  /* No creatinine: only oral rules use renal function, so an intrathecal
   * plan gets no "kidney function not known"; an oral one does. */
  {
    g_autoptr(TitratePatient) no_scr = test_adult (34, 74, TITRATE_SEX_MALE, NAN);
    g_autoptr(TitrateRegimen) it = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d100;2:d120");
    g_autoptr(TitrateRegimen) oral = test_oral ("spasticity", "tablet", 5, "1:5,5,5");
    g_autoptr(GPtrArray) a_it = test_check (no_scr, it, NULL);
    g_autoptr(GPtrArray) a_oral = test_check (no_scr, oral, NULL);

    assert_no_alert (a_it, "input.renal_not_assessed");
    assert_alert (a_oral, "input.renal_not_assessed");
  }
  /* Oral rules never fire on intrathecal plans */
  assert_no_alert (a_big, "dose.oral.spasticity.label_max");
  assert_no_alert (a_stop, "withdrawal.oral.abrupt_stop");
}

static void
test_intrathecal_child (void)
{
  g_autoptr(TitratePatient) small = test_adult (3, 14, TITRATE_SEX_MALE, NAN);
  g_autoptr(TitratePatient) child = test_adult (7, 22, TITRATE_SEX_MALE, NAN);
  g_autoptr(TitratePatient) adult = healthy ();
  g_autoptr(TitrateRegimen) r = test_it (TITRATE_ORIGIN_CEREBRAL, 50, "1:b25;2:b50");
  g_autoptr(GPtrArray) a_small = test_check (small, r, NULL);
  g_autoptr(GPtrArray) a_child = test_check (child, r, NULL);
  g_autoptr(GPtrArray) a_adult = test_check (adult, r, NULL);

  assert_alert (a_small, "pediatric.it_under4");
  assert_no_alert (a_child, "pediatric.it_under4");
  /* 25 mcg is a small-child screening dose, not an adult one */
  assert_no_alert (a_child, "dose.it.bolus_not_screening");
  assert_alert (a_adult, "dose.it.bolus_not_screening");
}

static void
test_route_mismatch (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "intrathecal_solution", NAN, "1:5,5,5");
  g_autoptr(GPtrArray) alerts = test_check (p, r, NULL);

  assert_alert (alerts, "route.formulation_mismatch");
  g_assert_cmpint (find_alert (alerts, "route.formulation_mismatch")->severity, ==,
                   TITRATE_SEVERITY_CONTRAINDICATED);
}

static void
test_unit_refused (void)
{
  g_autoptr(TitrateRegimen) oral = titrate_regimen_new (TITRATE_ROUTE_ORAL);
  g_autoptr(TitrateRegimen) it = titrate_regimen_new (TITRATE_ROUTE_INTRATHECAL);
  double five = 5;
  TitrateStep step;
  GError *error = NULL;

  titrate_step_init_oral (&step, 1, NULL, 0);
  step.daily_mcg = 100;
  g_assert_false (titrate_regimen_add_step (oral, &step, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_UNIT);
  g_clear_error (&error);

  titrate_step_init_oral (&step, 1, &five, 1);
  g_assert_false (titrate_regimen_add_step (it, &step, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_UNIT);
  g_clear_error (&error);
  g_assert_cmpuint (oral->steps->len + it->steps->len, ==, 0);
}

static void
test_missing_age (void)
{
  g_autoptr(TitratePatient) p = healthy ();
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitrateRegimen) bad = test_oral ("migraine", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) a2 = NULL;

  p->age_years = NAN;
  alerts = test_check (p, r, NULL);
  assert_alert (alerts, "input.age_missing");
  a2 = test_check (p, bad, NULL);
  assert_alert (a2, "input.unknown_indication");
}

static void
test_acknowledgement_follows_trigger (void)
{
  /* Acknowledged at 90 mg/day; the plan then rises to 110 mg/day. */
  g_autoptr(TitrateDocument) doc = titrate_document_new ();
  g_autoptr(TitrateRegimen) r110 = test_oral ("spasticity", "tablet", 10, "1:30,30,30;8:40,40,30");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const TitrateAlert *a;

  titrate_patient_free (doc->patient);
  doc->patient = healthy ();
  titrate_regimen_free (doc->regimen);
  doc->regimen = test_oral ("spasticity", "tablet", 10, "1:30,30,30");
  before = test_check (doc->patient, doc->regimen, NULL);
  a = find_alert (before, "dose.oral.spasticity.label_max");
  g_assert_nonnull (a);
  titrate_document_acknowledge_alert (doc, a, "Specialist plan, monitored", "2027-01-04");
  g_assert_nonnull (titrate_document_find_acknowledgement (doc, a));
  g_assert_cmpstr (titrate_document_find_acknowledgement (doc, a)->trigger, ==, a->trigger);

  /* Same code, new trigger: the acknowledgement no longer covers it. */
  after = test_check (doc->patient, r110, NULL);
  a = find_alert (after, "dose.oral.spasticity.label_max");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "110 mg/day"));
  g_assert_null (titrate_document_find_acknowledgement (doc, a));

  /* A version-1 acknowledgement with no trigger matches on the code. */
  titrate_document_set_acknowledgement (doc, a->code, "Reviewed", NULL);
  g_assert_nonnull (titrate_document_find_acknowledgement (doc, a));
}

static void
test_every_alert_complete (void)
{
  /* The busiest example: everything it raises carries full text and a source. */
  g_autoptr(TitratePatient) p = test_adult (80, 50, TITRATE_SEX_FEMALE, 2.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 10, "1:10,10,10;2:45,45,45;3:");
  const char *comeds[] = { "morphine", "Xyrem", "pregabalin", "lithium", "levodopa", "ibuprofen", "metformin",
                           "amlodipine", "haloperidol", "promethazine", "phenelzine", "propofol", "sertraline",
                           "probenecid", "rocuronium", "zolpidem", NULL };
  g_autoptr(GPtrArray) alerts = NULL;

  g_ptr_array_add (p->conditions, g_strdup ("epilepsy"));
  p->pregnant = FALSE;
  alerts = test_check (p, r, comeds);
  /* The CNS depressants (morphine, Xyrem, pregabalin, haloperidol,
   * promethazine, phenelzine, sertraline, zolpidem) make one cumulative alert. */
  assert_alert (alerts, "interaction.cns_burden_opioid_combination");
  g_assert_cmpuint (alerts->len, >=, 14);
  for (guint i = 0; i < alerts->len; i++)
    assert_complete (g_ptr_array_index (alerts, i));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/titrate/checker/weight-implausible", test_weight_implausible);
  g_test_add_func ("/titrate/checker/clean-plan-has-no-alerts", test_clean_plan_has_no_alerts);
  g_test_add_func ("/titrate/checker/no-rules-is-an-error", test_no_rules_is_an_error);
  g_test_add_func ("/titrate/checker/older-adult-ckd", test_older_adult_ckd);
  g_test_add_func ("/titrate/checker/muanda-start", test_muanda_start);
  g_test_add_func ("/titrate/checker/renal-bands", test_renal_bands);
  g_test_add_func ("/titrate/checker/renal-not-assessed", test_renal_not_assessed);
  g_test_add_func ("/titrate/checker/renal-boundary-display", test_renal_boundary_display);
  g_test_add_func ("/titrate/checker/dose-limits-spasticity", test_dose_limits_spasticity);
  g_test_add_func ("/titrate/checker/dose-limits-aud", test_dose_limits_aud);
  g_test_add_func ("/titrate/checker/pediatric", test_pediatric);
  g_test_add_func ("/titrate/checker/pediatric-weight-missing", test_pediatric_weight_missing);
  g_test_add_func ("/titrate/checker/pregnancy-lactation", test_pregnancy_lactation);
  g_test_add_func ("/titrate/checker/interactions", test_interactions);
  g_test_add_func ("/titrate/checker/duplicate-baclofen", test_duplicate_baclofen);
  g_test_add_func ("/titrate/checker/allergy", test_allergy);
  g_test_add_func ("/titrate/checker/conditions", test_conditions);
  g_test_add_func ("/titrate/checker/withdrawal", test_withdrawal);
  g_test_add_func ("/titrate/checker/titration-speed", test_titration_speed);
  g_test_add_func ("/titrate/checker/unmeasurable", test_unmeasurable);
  g_test_add_func ("/titrate/checker/intrathecal", test_intrathecal);
  g_test_add_func ("/titrate/checker/intrathecal-child", test_intrathecal_child);
  g_test_add_func ("/titrate/checker/route-mismatch", test_route_mismatch);
  g_test_add_func ("/titrate/checker/unit-refused", test_unit_refused);
  g_test_add_func ("/titrate/checker/missing-age", test_missing_age);
  g_test_add_func ("/titrate/checker/every-alert-complete", test_every_alert_complete);
  g_test_add_func ("/titrate/checker/acknowledgement-follows-trigger", test_acknowledgement_follows_trigger);
  return g_test_run ();
}
