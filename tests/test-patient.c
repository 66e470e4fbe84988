/* test-patient.c — Cockcroft–Gault, CKD-EPI 2021, creatinine units, renal basis
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "titrate-test-util.h"

static void
test_cockcroft_gault (void)
{
  /* (140 − 78) × 55 / (72 × 1.3) × 0.85 = 30.97 mL/min */
  g_assert_cmpfloat_with_epsilon (titrate_cockcroft_gault (78, 55, TITRATE_SEX_FEMALE, 1.3), 30.97, 0.01);
  /* (140 − 50) × 80 / 72 = 100 mL/min */
  g_assert_cmpfloat_with_epsilon (titrate_cockcroft_gault (50, 80, TITRATE_SEX_MALE, 1.0), 100.0, 1e-9);
  /* Not computable: no sex, child, missing weight */
  g_assert_true (isnan (titrate_cockcroft_gault (50, 80, TITRATE_SEX_UNKNOWN, 1.0)));
  g_assert_true (isnan (titrate_cockcroft_gault (12, 40, TITRATE_SEX_MALE, 0.5)));
  g_assert_true (isnan (titrate_cockcroft_gault (50, NAN, TITRATE_SEX_MALE, 1.0)));
}

static void
test_ckd_epi (void)
{
  /* Reference values of the 2021 race-free equation. */
  g_assert_cmpfloat_with_epsilon (titrate_ckd_epi_2021 (78, TITRATE_SEX_FEMALE, 1.3), 42.1, 0.2);
  g_assert_cmpfloat_with_epsilon (titrate_ckd_epi_2021 (50, TITRATE_SEX_MALE, 1.0), 91.7, 0.2);
  /* Below κ: the α branch (female, SCr 0.6 < 0.7) */
  g_assert_cmpfloat_with_epsilon (titrate_ckd_epi_2021 (40, TITRATE_SEX_FEMALE, 0.6),
                                  142 * pow (0.6 / 0.7, -0.241) * pow (0.9938, 40) * 1.012, 1e-9);
  g_assert_true (isnan (titrate_ckd_epi_2021 (16, TITRATE_SEX_FEMALE, 0.6)));
}

static void
test_creatinine_units (void)
{
  g_autoptr(TitratePatient) p = test_adult (78, 55, TITRATE_SEX_FEMALE, NAN);
  TitrateRenal renal;

  /* 115 µmol/L = 1.30 mg/dL: same CrCl as the mg/dL entry */
  p->serum_creatinine = 115;
  p->creatinine_unit = TITRATE_CREATININE_UMOL_L;
  g_assert_cmpfloat_with_epsilon (titrate_patient_creatinine_mg_dl (p), 115 / 88.42, 1e-9);
  titrate_patient_get_renal (p, &renal);
  g_assert_cmpint (renal.crcl_basis, ==, TITRATE_RENAL_BASIS_COCKCROFT_GAULT);
  g_assert_cmpfloat_with_epsilon (renal.crcl_ml_min, 30.97, 0.05);
  g_assert_cmpint (renal.egfr_basis, ==, TITRATE_RENAL_BASIS_CKD_EPI_2021);
}

static void
test_entered_wins (void)
{
  g_autoptr(TitratePatient) p = test_adult (78, 55, TITRATE_SEX_FEMALE, 1.3);
  TitrateRenal renal;

  p->crcl_ml_min = 45;
  p->egfr_ml_min_1_73m2 = 50;
  titrate_patient_get_renal (p, &renal);
  g_assert_cmpfloat (renal.crcl_ml_min, ==, 45);
  g_assert_cmpint (renal.crcl_basis, ==, TITRATE_RENAL_BASIS_ENTERED);
  g_assert_cmpfloat (renal.egfr_ml_min_1_73m2, ==, 50);
  g_assert_cmpint (renal.egfr_basis, ==, TITRATE_RENAL_BASIS_ENTERED);
  g_assert_cmpstr (titrate_renal_basis_to_string (renal.crcl_basis), ==, "entered");
}

static void
test_missing_basis (void)
{
  g_autoptr(TitratePatient) p = test_adult (78, 55, TITRATE_SEX_UNKNOWN, 1.3);
  TitrateRenal renal;

  titrate_patient_get_renal (p, &renal);
  g_assert_true (isnan (renal.crcl_ml_min));
  g_assert_cmpint (renal.crcl_basis, ==, TITRATE_RENAL_BASIS_NONE);
  g_assert_cmpstr (renal.crcl_note, ==, "no sex");

  p->sex = TITRATE_SEX_MALE;
  p->serum_creatinine = NAN;
  titrate_patient_get_renal (p, &renal);
  g_assert_cmpstr (renal.crcl_note, ==, "no serum creatinine");
}

static void
test_copy (void)
{
  g_autoptr(TitratePatient) p = test_adult (30, 60, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitratePatient) q = NULL;

  g_ptr_array_add (p->conditions, g_strdup ("epilepsy"));
  q = titrate_patient_copy (p);
  g_ptr_array_set_size (p->conditions, 0);
  g_assert_true (titrate_patient_has_condition (q, "epilepsy"));
  g_assert_false (titrate_patient_has_condition (p, "epilepsy"));
}

static void
test_format_amount (void)
{
  const struct { double v; const char *s; } cases[] = {
    { 10, "10" }, { 7.5, "7.5" }, { 2.25, "2.25" }, { 0.125, "0.125" }, { 53.333333, "53.333" },
    { 0, "0" }, { 1000, "1000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = titrate_format_amount (cases[i].v);
      g_assert_cmpstr (s, ==, cases[i].s);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/titrate/patient/cockcroft-gault", test_cockcroft_gault);
  g_test_add_func ("/titrate/patient/ckd-epi-2021", test_ckd_epi);
  g_test_add_func ("/titrate/patient/creatinine-units", test_creatinine_units);
  g_test_add_func ("/titrate/patient/entered-wins", test_entered_wins);
  g_test_add_func ("/titrate/patient/missing-basis", test_missing_basis);
  g_test_add_func ("/titrate/patient/copy", test_copy);
  g_test_add_func ("/titrate/patient/format-amount", test_format_amount);
  return g_test_run ();
}
