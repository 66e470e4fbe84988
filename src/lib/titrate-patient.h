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

/* Serum creatinine: 1 mg/dL = 88.42 µmol/L */
#define TITRATE_CREATININE_UMOL_PER_MG_DL 88.42

typedef enum {
  TITRATE_RENAL_BASIS_NONE,              /* not available: see note */
  TITRATE_RENAL_BASIS_ENTERED,           /* typed by the prescriber; wins */
  TITRATE_RENAL_BASIS_COCKCROFT_GAULT,   /* computed, actual body weight */
  TITRATE_RENAL_BASIS_CKD_EPI_2021,      /* computed, race-free 2021 equation */
  TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED, /* computed, adjusted body weight (obesity) */
} TitrateRenalBasis;

/* Which renal estimate the dose bands use (TitrateRenal.function_basis). */
typedef enum {
  TITRATE_RENAL_FUNCTION_NONE,
  TITRATE_RENAL_FUNCTION_CRCL,            /* entered or Cockcroft–Gault CrCl, mL/min */
  TITRATE_RENAL_FUNCTION_EGFR_DEINDEXED,  /* eGFR × BSA / 1.73, mL/min */
  TITRATE_RENAL_FUNCTION_EGFR_INDEXED,    /* eGFR as reported, mL/min/1.73 m² (no height/weight) */
} TitrateRenalFunction;

/**
 * TitratePatient:
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
 *
 * Renal function as the checks use it, each value with its basis. A value that
 * could not be computed is NAN and its note says why.
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

TITRATE_AVAILABLE_IN_ALL
GType           titrate_patient_get_type        (void) G_GNUC_CONST;
TITRATE_AVAILABLE_IN_ALL
TitratePatient *titrate_patient_new             (void);
TITRATE_AVAILABLE_IN_ALL
TitratePatient *titrate_patient_copy            (const TitratePatient *patient);
TITRATE_AVAILABLE_IN_ALL
void            titrate_patient_free            (TitratePatient       *patient);
TITRATE_AVAILABLE_IN_ALL
gboolean        titrate_condition_code_equal    (const char           *a,
                                                 const char           *b);
TITRATE_AVAILABLE_IN_ALL
gboolean        titrate_patient_has_condition   (const TitratePatient *patient,
                                                 const char           *code);
TITRATE_AVAILABLE_IN_ALL
double          titrate_patient_creatinine_mg_dl (const TitratePatient *patient);
TITRATE_AVAILABLE_IN_ALL
void            titrate_patient_get_renal       (const TitratePatient *patient,
                                                 TitrateRenal         *out);
/* The same with the thresholds (adjusted-weight trigger, creatinine
 * plausibility) of @rules for @drug (NULL: the database default);
 * titrate_patient_get_renal() uses the embedded database. */
struct _TitrateRules;
TITRATE_AVAILABLE_IN_ALL
void            titrate_patient_get_renal_with_rules (const TitratePatient *patient,
                                                      struct _TitrateRules *rules,
                                                      const char           *drug,
                                                      TitrateRenal         *out);

/* Pure equations, exposed for testing. NAN when an input is missing or out of range. */
TITRATE_AVAILABLE_IN_ALL
double titrate_cockcroft_gault (double age_years, double weight_kg, TitrateSex sex,
                                double creatinine_mg_dl);
TITRATE_AVAILABLE_IN_ALL
double titrate_ckd_epi_2021    (double age_years, TitrateSex sex, double creatinine_mg_dl);
TITRATE_AVAILABLE_IN_ALL
double titrate_bsa_mosteller   (double height_cm, double weight_kg);
TITRATE_AVAILABLE_IN_ALL
double titrate_ibw_devine      (double height_cm, TitrateSex sex);

TITRATE_AVAILABLE_IN_ALL
const char *titrate_renal_function_to_string (TitrateRenalFunction function);

TITRATE_AVAILABLE_IN_ALL
const char *titrate_renal_basis_to_string (TitrateRenalBasis basis);

/* A CrCl or eGFR as shown to people and written to files. A computed
 * estimate is cut (not rounded) to 0.1 mL/min, so it never overstates renal
 * function or lands on the wrong side of a band limit (29.96 shows as 29.9,
 * not 30); an entered value is shown exactly as entered. */
TITRATE_AVAILABLE_IN_ALL
double      titrate_renal_estimate_shown  (double            value,
                                           TitrateRenalBasis basis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitratePatient, titrate_patient_free)

G_END_DECLS
