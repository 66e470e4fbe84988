/* titrate-patient.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <glib-object.h>
#include "titrate-types.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-patient
 * @Title: Patient
 * @Short_description: the patient values the checks need, and renal function
 *
 * A #TitratePatient holds what the checks read about the patient; unknown
 * numbers are NAN. Renal function (Cockcroft–Gault CrCl, CKD-EPI 2021 eGFR)
 * is computed with titrate_patient_get_renal_with_rules(), each value with
 * its basis.
 */

/* Serum creatinine: 1 mg/dL = 88.42 µmol/L */
/**
 * TITRATE_CREATININE_UMOL_PER_MG_DL:
 *
 * Serum creatinine: µmol/L in 1 mg/dL.
 */
#define TITRATE_CREATININE_UMOL_PER_MG_DL 88.42

/**
 * TitrateRenalBasis:
 * @TITRATE_RENAL_BASIS_NONE: Not available: see note
 * @TITRATE_RENAL_BASIS_ENTERED: Typed by the prescriber; wins
 * @TITRATE_RENAL_BASIS_COCKCROFT_GAULT: Computed, actual body weight
 * @TITRATE_RENAL_BASIS_CKD_EPI_2021: Computed, race-free 2021 equation
 * @TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED: Computed, adjusted body
 *   weight (obesity)
 *
 * How a CrCl or eGFR was had.
 */
typedef enum {
  TITRATE_RENAL_BASIS_NONE,              /* not available: see note */
  TITRATE_RENAL_BASIS_ENTERED,           /* typed by the prescriber; wins */
  TITRATE_RENAL_BASIS_COCKCROFT_GAULT, /*< nick=cockcroft_gault_actual_weight >*/ /* computed, actual body weight */
  TITRATE_RENAL_BASIS_CKD_EPI_2021, /*< nick=ckd_epi_2021 >*/ /* computed, race-free 2021 equation */
  TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED, /*< nick=cockcroft_gault_adjusted_weight >*/ /* computed, adjusted body weight (obesity) */
} TitrateRenalBasis;

/**
 * TitrateRenalFunction:
 * @TITRATE_RENAL_FUNCTION_NONE: No renal estimate could be had
 * @TITRATE_RENAL_FUNCTION_CRCL: Entered or Cockcroft–Gault CrCl, mL/min
 * @TITRATE_RENAL_FUNCTION_EGFR_DEINDEXED: EGFR × BSA / 1.73, mL/min
 * @TITRATE_RENAL_FUNCTION_EGFR_INDEXED: EGFR as reported, mL/min/1.73 m² (no
 *   height/weight)
 *
 * Which renal estimate the dose bands use (#TitrateRenal.function_basis).
 *
 * Which renal estimate the dose bands use (TitrateRenal.function_basis).
 */
typedef enum {
  TITRATE_RENAL_FUNCTION_NONE,
  TITRATE_RENAL_FUNCTION_CRCL,            /* entered or Cockcroft–Gault CrCl, mL/min */
  TITRATE_RENAL_FUNCTION_EGFR_DEINDEXED, /*< nick=egfr_deindexed_bsa >*/ /* eGFR × BSA / 1.73, mL/min */
  TITRATE_RENAL_FUNCTION_EGFR_INDEXED, /*< nick=egfr_indexed >*/ /* eGFR as reported, mL/min/1.73 m² (no height/weight) */
} TitrateRenalFunction;

/**
 * TitratePatient:
 * @age_years: age, years
 * @weight_kg: weight, kg
 * @height_cm: optional; NAN if unknown
 * @sex: sex
 * @serum_creatinine: in creatinine_unit; NAN if unknown
 * @creatinine_unit: the unit of @serum_creatinine
 * @crcl_ml_min: CrCl as entered, mL/min (NAN if not); wins over the computed
 *   value
 * @egfr_ml_min_1_73m2: eGFR as entered, mL/min/1.73 m² (NAN if not)
 * @dialysis: on dialysis
 * @pregnant: pregnant
 * @breastfeeding: breastfeeding
 * @current_daily_mg: already taking this medicine orally: mg/day; NAN if not
 * @current_since: since when (cleared if unknown)
 * @conditions: (element-type utf8) condition codes
 * @allergies: (element-type utf8) free text / drug names
 *
 * The patient values the checks need. Unknown numbers are NAN. A plain value
 * type: copy it to keep it, free it with titrate_patient_free().
 */
typedef struct {
  double     age_years;
  double     weight_kg;
  double     height_cm;                   /* optional; NAN if unknown */
  TitrateSex sex;
  double     serum_creatinine;            /* in creatinine_unit; NAN if unknown */
  TitrateCreatinineUnit creatinine_unit;
  double     crcl_ml_min;                 /* entered; wins over the computed value */
  double     egfr_ml_min_1_73m2;          /* entered */
  gboolean   dialysis;
  gboolean   pregnant;
  gboolean   breastfeeding;
  double     current_daily_mg;            /* already taking this medicine orally: mg/day; NAN if not */
  GDate      current_since;               /* since when (cleared if unknown) */
  GPtrArray *conditions;                  /* (element-type utf8) condition codes */
  GPtrArray *allergies;                   /* (element-type utf8) free text / drug names */
} TitratePatient;

/**
 * TitrateRenal:
 * @crcl_ml_min: creatinine clearance, mL/min, or NAN
 * @crcl_basis: how @crcl_ml_min was had
 * @crcl_note: static, untranslated reason when NONE
 * @egfr_ml_min_1_73m2: eGFR, mL/min/1.73 m², or NAN
 * @egfr_basis: how @egfr_ml_min_1_73m2 was had
 * @egfr_note: static, untranslated reason when NONE
 * @function_ml_min: the renal function the dose bands use, mL/min
 * @function_basis: which estimate @function_ml_min is
 * @function_note: why (untranslated, N_())
 * @bsa_m2: Mosteller; NAN without height and weight
 * @ibw_kg: Devine; NAN without height and sex
 * @creatinine_implausible: value not used: see input.creatinine_implausible
 *
 * Renal function as the checks use it, each value with its basis. A value
 * that could not be computed is NAN and its note says why.
 */
typedef struct {
  double            crcl_ml_min;
  TitrateRenalBasis crcl_basis;
  const char       *crcl_note;            /* static, untranslated reason when NONE */
  double            egfr_ml_min_1_73m2;
  TitrateRenalBasis egfr_basis;
  const char       *egfr_note;
  /* The renal function the dose bands use: CrCl when it can be had (entered
   * or Cockcroft–Gault), otherwise eGFR, de-indexed by BSA (Mosteller) when
   * height and weight are known. function_note says why, untranslated N_(). */
  double            function_ml_min;
  TitrateRenalFunction function_basis;
  const char       *function_note;
  double            bsa_m2;               /* Mosteller; NAN without height and weight */
  double            ibw_kg;               /* Devine; NAN without height and sex */
  gboolean          creatinine_implausible; /* value not used: see input.creatinine_implausible */
} TitrateRenal;

/**
 * TITRATE_TYPE_RENAL:
 *
 * The boxed #GType of #TitrateRenal.
 */
#define TITRATE_TYPE_RENAL (titrate_renal_get_type ())

/**
 * titrate_renal_get_type:
 *
 * The boxed #GType of #TitrateRenal.
 * A plain value: g_boxed_copy() copies it whole.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_renal_get_type (void) G_GNUC_CONST;

/**
 * TITRATE_TYPE_PATIENT:
 *
 * The boxed #GType of #TitratePatient.
 */
#define TITRATE_TYPE_PATIENT (titrate_patient_get_type ())

/**
 * titrate_patient_get_type:
 *
 * The boxed #GType of #TitratePatient.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType           titrate_patient_get_type        (void) G_GNUC_CONST;

/**
 * titrate_patient_new:
 *
 * A patient with every number unknown (NAN).
 *
 * Returns: (transfer full): a new #TitratePatient
 */
TITRATE_AVAILABLE_IN_ALL
TitratePatient *titrate_patient_new             (void);

/**
 * titrate_patient_copy:
 * @patient: the patient
 *
 * Copies a patient, lists included.
 *
 * Returns: (transfer full): a copy of @patient
 */
TITRATE_AVAILABLE_IN_ALL
TitratePatient *titrate_patient_copy            (const TitratePatient *patient);

/**
 * titrate_patient_free:
 * @patient: the patient
 *
 * Frees a patient.
 */
TITRATE_AVAILABLE_IN_ALL
void            titrate_patient_free            (TitratePatient       *patient);

/**
 * titrate_condition_code_equal:
 * @a: a condition code
 * @b: another condition code
 *
 * Whether two condition codes name the same condition (case and surrounding
 * spaces ignored).
 *
 * Returns: %TRUE if they are equal
 */
TITRATE_AVAILABLE_IN_ALL
gboolean        titrate_condition_code_equal    (const char           *a,
                                                 const char           *b);

/**
 * titrate_patient_has_condition:
 * @patient: the patient
 * @code: a condition code
 *
 * Whether the patient has the condition @code.
 *
 * Returns: %TRUE if so
 */
TITRATE_AVAILABLE_IN_ALL
gboolean        titrate_patient_has_condition   (const TitratePatient *patient,
                                                 const char           *code);

/**
 * titrate_patient_creatinine_mg_dl:
 * @patient: the patient
 *
 * The serum creatinine in mg/dL, converted from µmol/L if needed
 * (%TITRATE_CREATININE_UMOL_PER_MG_DL).
 *
 * Returns: mg/dL, or NAN if unknown
 */
TITRATE_AVAILABLE_IN_ALL
double          titrate_patient_creatinine_mg_dl (const TitratePatient *patient);

/**
 * titrate_patient_get_renal:
 * @patient: the patient
 * @out: (out caller-allocates): the renal function
 *
 * The renal function as the checks use it, with the embedded database's
 * thresholds (see titrate_patient_get_renal_with_rules()).
 */
TITRATE_AVAILABLE_IN_ALL
void            titrate_patient_get_renal       (const TitratePatient *patient,
                                                 TitrateRenal         *out);
/* The same with the thresholds (adjusted-weight trigger, creatinine
 * plausibility) of @rules for @drug (NULL: the database default);
 * titrate_patient_get_renal() uses the embedded database. */
struct _TitrateRules;

/**
 * titrate_patient_get_renal_with_rules:
 * @patient: the patient
 * @rules: a #TitrateRules
 * @drug: (nullable): a medicine code or name; %NULL for the database default
 * @out: (out caller-allocates): the renal function
 *
 * The renal function as the checks use it, with the thresholds
 * (adjusted-weight trigger, creatinine plausibility) of @rules for @drug.
 */
TITRATE_AVAILABLE_IN_ALL
void            titrate_patient_get_renal_with_rules (const TitratePatient *patient,
                                                      struct _TitrateRules *rules,
                                                      const char           *drug,
                                                      TitrateRenal         *out);

/**
 * titrate_cockcroft_gault:
 * @age_years: age, years
 * @weight_kg: body weight, kg
 * @sex: the sex
 * @creatinine_mg_dl: serum creatinine, mg/dL
 *
 * Pure equations, exposed for testing. NAN when an input is missing or out
 * of range.
 *
 * Returns: CrCl, mL/min, or NAN
 */
TITRATE_AVAILABLE_IN_ALL
double titrate_cockcroft_gault (double age_years, double weight_kg, TitrateSex sex,
                                double creatinine_mg_dl);

/**
 * titrate_ckd_epi_2021:
 * @age_years: age, years
 * @sex: the sex
 * @creatinine_mg_dl: serum creatinine, mg/dL
 *
 * The race-free CKD-EPI 2021 creatinine equation.
 *
 * Returns: eGFR, mL/min/1.73 m², or NAN when an input is missing or out of
 *   range
 */
TITRATE_AVAILABLE_IN_ALL
double titrate_ckd_epi_2021    (double age_years, TitrateSex sex, double creatinine_mg_dl);

/**
 * titrate_bsa_mosteller:
 * @height_cm: height, cm
 * @weight_kg: body weight, kg
 *
 * Body surface area by Mosteller's formula.
 *
 * Returns: BSA, m², or NAN when an input is missing or out of range
 */
TITRATE_AVAILABLE_IN_ALL
double titrate_bsa_mosteller   (double height_cm, double weight_kg);

/**
 * titrate_ibw_devine:
 * @height_cm: height, cm
 * @sex: the sex
 *
 * Ideal body weight by Devine's formula.
 *
 * Returns: IBW, kg, or NAN when an input is missing or out of range
 */
TITRATE_AVAILABLE_IN_ALL
double titrate_ibw_devine      (double height_cm, TitrateSex sex);

/**
 * titrate_renal_function_to_string:
 * @function: a #TitrateRenalFunction
 *
 * The file/JSON code of a #TitrateRenalFunction.
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_renal_function_to_string (TitrateRenalFunction function);

/**
 * titrate_renal_basis_to_string:
 * @basis: a #TitrateRenalBasis
 *
 * The file/JSON code of a #TitrateRenalBasis.
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_renal_basis_to_string (TitrateRenalBasis basis);

/**
 * titrate_renal_estimate_shown:
 * @value: a CrCl or eGFR
 * @basis: how @value was had
 *
 * A CrCl or eGFR as shown to people and written to files. A computed
 * estimate is cut (not rounded) to 0.1 mL/min, so it never overstates renal
 * function or lands on the wrong side of a band limit (29.96 shows as 29.9,
 * not 30); an entered value is shown exactly as entered.
 *
 * Returns: the value to show
 */
TITRATE_AVAILABLE_IN_ALL
double      titrate_renal_estimate_shown  (double            value,
                                           TitrateRenalBasis basis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitratePatient, titrate_patient_free)

G_END_DECLS
