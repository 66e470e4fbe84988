/* titrate-patient.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "titrate-patient.h"
#include "titrate-rules-private.h"

G_DEFINE_BOXED_TYPE (TitratePatient, titrate_patient, titrate_patient_copy, titrate_patient_free)

static GPtrArray *
copy_strv_array (GPtrArray *src)
{
  GPtrArray *dst = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; src != NULL && i < src->len; i++)
    g_ptr_array_add (dst, g_strdup (g_ptr_array_index (src, i)));
  return dst;
}

TitratePatient *
titrate_patient_new (void)
{
  TitratePatient *p = g_new0 (TitratePatient, 1);

  p->age_years = NAN;
  p->weight_kg = NAN;
  p->height_cm = NAN;
  p->current_daily_mg = NAN;
  g_date_clear (&p->current_since, 1);
  p->sex = TITRATE_SEX_UNKNOWN;
  p->serum_creatinine = NAN;
  p->creatinine_unit = TITRATE_CREATININE_MG_DL;
  p->crcl_ml_min = NAN;
  p->egfr_ml_min_1_73m2 = NAN;
  p->conditions = g_ptr_array_new_with_free_func (g_free);
  p->allergies = g_ptr_array_new_with_free_func (g_free);
  return p;
}

TitratePatient *
titrate_patient_copy (const TitratePatient *patient)
{
  TitratePatient *p;

  g_return_val_if_fail (patient != NULL, NULL);

  p = g_memdup2 (patient, sizeof *patient);
  p->conditions = copy_strv_array (patient->conditions);
  p->allergies = copy_strv_array (patient->allergies);
  return p;
}

void
titrate_patient_free (TitratePatient *patient)
{
  if (patient == NULL)
    return;
  g_clear_pointer (&patient->conditions, g_ptr_array_unref);
  g_clear_pointer (&patient->allergies, g_ptr_array_unref);
  g_free (patient);
}

/* Condition codes match regardless of case and surrounding spaces. */
gboolean
titrate_condition_code_equal (const char *a,
                              const char *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  ta = g_strstrip (g_strdup (a));
  tb = g_strstrip (g_strdup (b));
  return g_ascii_strcasecmp (ta, tb) == 0;
}

gboolean
titrate_patient_has_condition (const TitratePatient *patient,
                               const char           *code)
{
  for (guint i = 0; patient->conditions != NULL && i < patient->conditions->len; i++)
    if (titrate_condition_code_equal (g_ptr_array_index (patient->conditions, i), code))
      return TRUE;
  return FALSE;
}

double
titrate_patient_creatinine_mg_dl (const TitratePatient *patient)
{
  if (isnan (patient->serum_creatinine))
    return NAN;
  if (patient->creatinine_unit == TITRATE_CREATININE_UMOL_L)
    return patient->serum_creatinine / TITRATE_CREATININE_UMOL_PER_MG_DL;
  return patient->serum_creatinine;
}

/* Cockcroft–Gault with actual body weight, mL/min:
 *   (140 − age) × weight / (72 × SCr [mg/dL]) × 0.85 if female.
 * Validated in adults only. */
double
titrate_cockcroft_gault (double     age_years,
                         double     weight_kg,
                         TitrateSex sex,
                         double     creatinine_mg_dl)
{
  double crcl;

  if (isnan (age_years) || isnan (weight_kg) || isnan (creatinine_mg_dl) ||
      sex == TITRATE_SEX_UNKNOWN || age_years < 18 || weight_kg <= 0 || creatinine_mg_dl <= 0)
    return NAN;

  crcl = (140.0 - age_years) * weight_kg / (72.0 * creatinine_mg_dl);
  if (sex == TITRATE_SEX_FEMALE)
    crcl *= 0.85;
  return MAX (crcl, 0.0);
}

/* CKD-EPI 2021 (race-free), mL/min/1.73 m²:
 *   142 × min(SCr/κ, 1)^α × max(SCr/κ, 1)^−1.200 × 0.9938^age × 1.012 [female]
 *   κ = 0.7 (F) / 0.9 (M); α = −0.241 (F) / −0.302 (M). Adults only. */
double
titrate_ckd_epi_2021 (double     age_years,
                      TitrateSex sex,
                      double     creatinine_mg_dl)
{
  double kappa, alpha, ratio, egfr;

  if (isnan (age_years) || isnan (creatinine_mg_dl) || sex == TITRATE_SEX_UNKNOWN ||
      age_years < 18 || creatinine_mg_dl <= 0)
    return NAN;

  kappa = sex == TITRATE_SEX_FEMALE ? 0.7 : 0.9;
  alpha = sex == TITRATE_SEX_FEMALE ? -0.241 : -0.302;
  ratio = creatinine_mg_dl / kappa;
  egfr = 142.0 * pow (MIN (ratio, 1.0), alpha) * pow (MAX (ratio, 1.0), -1.200) *
         pow (0.9938, age_years);
  if (sex == TITRATE_SEX_FEMALE)
    egfr *= 1.012;
  return egfr;
}

/* Mosteller body-surface area, m²: sqrt (height [cm] × weight [kg] / 3600). */
double
titrate_bsa_mosteller (double height_cm,
                       double weight_kg)
{
  if (isnan (height_cm) || isnan (weight_kg) || height_cm <= 0 || weight_kg <= 0)
    return NAN;
  return sqrt (height_cm * weight_kg / 3600.0);
}

/* Devine ideal body weight, kg: 50 (men) or 45.5 (women) + 2.3 kg per inch
 * over 5 feet (2.54 cm per inch). NAN when the result is not positive. */
double
titrate_ibw_devine (double     height_cm,
                    TitrateSex sex)
{
  double ibw;

  if (isnan (height_cm) || height_cm <= 0 || sex == TITRATE_SEX_UNKNOWN)
    return NAN;
  ibw = (sex == TITRATE_SEX_FEMALE ? 45.5 : 50.0) + 2.3 * (height_cm / 2.54 - 60.0);
  return ibw > 0 ? ibw : NAN;
}

static const char *
missing_note (const TitratePatient *p,
              gboolean              implausible,
              gboolean              needs_weight)
{
  if (isnan (p->serum_creatinine) && !isnan (p->egfr_ml_min_1_73m2))
    return N_("only the laboratory eGFR was entered");
  if (isnan (p->serum_creatinine))
    return N_("no serum creatinine");
  if (implausible)
    return N_("serum creatinine implausible for its unit, not used");
  if (isnan (p->age_years))
    return N_("no age");
  if (p->age_years < 18)
    return N_("equation not valid under 18 years");
  if (p->sex == TITRATE_SEX_UNKNOWN)
    return N_("no sex");
  if (needs_weight && isnan (p->weight_kg))
    return N_("no weight");
  return N_("not computable");
}

static gboolean
creatinine_implausible (const TitratePatient *p,
                        TitrateRules         *rules,
                        const char           *medicine)
{
  const TitrateThresholdRow *row;

  if (rules == NULL || medicine == NULL || isnan (p->serum_creatinine))
    return FALSE;
  if (p->creatinine_unit == TITRATE_CREATININE_UMOL_L)
    row = _titrate_rules_threshold (rules, medicine, "creatinine_umol_l_low");
  else
    row = _titrate_rules_threshold (rules, medicine, "creatinine_mg_dl_high");
  return _titrate_threshold_fires (row, p->serum_creatinine);
}

void
titrate_patient_get_renal_with_rules (const TitratePatient *patient,
                                      TitrateRules         *rules,
                                      const char           *drug,
                                      TitrateRenal         *out)
{
  const char *medicine = rules ? _titrate_rules_medicine (rules, drug) : NULL;
  gboolean implausible = creatinine_implausible (patient, rules, medicine);
  double scr = implausible ? NAN : titrate_patient_creatinine_mg_dl (patient);
  double weight = patient->weight_kg;
  gboolean adjusted = FALSE;

  memset (out, 0, sizeof *out);
  out->creatinine_implausible = implausible;
  out->bsa_m2 = titrate_bsa_mosteller (patient->height_cm, patient->weight_kg);
  out->ibw_kg = titrate_ibw_devine (patient->height_cm, patient->sex);

  /* Adjusted body weight when actual weight is well above ideal weight
   * (threshold from the rules database; IBW + 0.4 × excess). */
  if (!isnan (out->ibw_kg) && !isnan (weight) && medicine != NULL)
    {
      const TitrateThresholdRow *row = _titrate_rules_threshold (rules, medicine, "adjusted_weight_trigger");

      if (_titrate_threshold_fires (row, weight / out->ibw_kg))
        {
          weight = out->ibw_kg + 0.4 * (weight - out->ibw_kg);
          adjusted = TRUE;
        }
    }

  if (!isnan (patient->crcl_ml_min))
    {
      out->crcl_ml_min = patient->crcl_ml_min;
      out->crcl_basis = TITRATE_RENAL_BASIS_ENTERED;
    }
  else
    {
      out->crcl_ml_min = titrate_cockcroft_gault (patient->age_years, weight, patient->sex, scr);
      out->crcl_basis = isnan (out->crcl_ml_min) ? TITRATE_RENAL_BASIS_NONE
                        : adjusted ? TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED
                                   : TITRATE_RENAL_BASIS_COCKCROFT_GAULT;
      if (isnan (out->crcl_ml_min))
        out->crcl_note = missing_note (patient, implausible, TRUE);
    }

  if (!isnan (patient->egfr_ml_min_1_73m2))
    {
      out->egfr_ml_min_1_73m2 = patient->egfr_ml_min_1_73m2;
      out->egfr_basis = TITRATE_RENAL_BASIS_ENTERED;
    }
  else
    {
      out->egfr_ml_min_1_73m2 = titrate_ckd_epi_2021 (patient->age_years, patient->sex, scr);
      out->egfr_basis = isnan (out->egfr_ml_min_1_73m2) ? TITRATE_RENAL_BASIS_NONE
                                                        : TITRATE_RENAL_BASIS_CKD_EPI_2021;
      if (isnan (out->egfr_ml_min_1_73m2))
        out->egfr_note = missing_note (patient, implausible, FALSE);
    }

  /* The estimate the dose bands use. CrCl first: the renal study of the first medicine
   * (Vlavonou 2014) used Cockcroft–Gault. Without it, eGFR (NKF 2024: eGFR
   * for medication decisions), de-indexed to mL/min when BSA is known. */
  if (!isnan (out->crcl_ml_min))
    {
      out->function_ml_min = out->crcl_ml_min;
      out->function_basis = TITRATE_RENAL_FUNCTION_CRCL;
      out->function_note = out->crcl_basis == TITRATE_RENAL_BASIS_ENTERED ? N_("CrCl as entered")
                           : adjusted ? N_("Cockcroft–Gault CrCl with adjusted body weight (Devine ideal weight + 0.4 × excess), "
                                          "because actual weight is far above ideal weight")
                                      : N_("Cockcroft–Gault CrCl with actual body weight");
    }
  else if (!isnan (out->egfr_ml_min_1_73m2) && !isnan (out->bsa_m2))
    {
      out->function_ml_min = out->egfr_ml_min_1_73m2 * out->bsa_m2 / 1.73;
      out->function_basis = TITRATE_RENAL_FUNCTION_EGFR_DEINDEXED;
      out->function_note = N_("eGFR de-indexed by body-surface area (Mosteller), because CrCl could not be computed");
    }
  else if (!isnan (out->egfr_ml_min_1_73m2))
    {
      out->function_ml_min = out->egfr_ml_min_1_73m2;
      out->function_basis = TITRATE_RENAL_FUNCTION_EGFR_INDEXED;
      out->function_note = N_("eGFR per 1.73 m² (no height and weight to de-index it), because CrCl could not be computed");
    }
  else
    {
      out->function_ml_min = NAN;
      out->function_basis = TITRATE_RENAL_FUNCTION_NONE;
      out->function_note = out->crcl_note;
    }
}

void
titrate_patient_get_renal (const TitratePatient *patient,
                           TitrateRenal         *out)
{
  titrate_patient_get_renal_with_rules (patient, _titrate_rules_get_shared (), NULL, out);
}

const char *
titrate_renal_function_to_string (TitrateRenalFunction function)
{
  switch (function)
    {
    case TITRATE_RENAL_FUNCTION_CRCL:
      return "crcl";
    case TITRATE_RENAL_FUNCTION_EGFR_DEINDEXED:
      return "egfr_deindexed_bsa";
    case TITRATE_RENAL_FUNCTION_EGFR_INDEXED:
      return "egfr_indexed";
    case TITRATE_RENAL_FUNCTION_NONE:
    default:
      return "none";
    }
}

const char *
titrate_renal_basis_to_string (TitrateRenalBasis basis)
{
  switch (basis)
    {
    case TITRATE_RENAL_BASIS_ENTERED:
      return "entered";
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT:
      return "cockcroft_gault_actual_weight";
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED:
      return "cockcroft_gault_adjusted_weight";
    case TITRATE_RENAL_BASIS_CKD_EPI_2021:
      return "ckd_epi_2021";
    case TITRATE_RENAL_BASIS_NONE:
    default:
      return "none";
    }
}

double
titrate_renal_estimate_shown (double            value,
                              TitrateRenalBasis basis)
{
  if (isnan (value) || basis == TITRATE_RENAL_BASIS_ENTERED)
    return value;
  /* The small epsilon keeps 31.0 (stored as 30.999…) at 31.0. */
  return floor (value * 10.0 + 1e-9) / 10.0;
}
