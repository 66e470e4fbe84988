/* titrate-types.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <glib-object.h>
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-types
 * @Title: Vocabularies
 * @Short_description: routes, severities, categories and their codes
 *
 * The closed vocabularies shared by the whole library. Each has a stable
 * code (used in documents, the command line's JSON and the rules database)
 * and a translated label for people. Every enum is registered as a #GType
 * (titrate-enum-types.h).
 */

/* Vocabularies shared by the whole library. Each enum has a stable string
 * form (used in documents, the CLI's JSON and the rules database). */

/**
 * TitrateRoute:
 * @TITRATE_ROUTE_ORAL: Doses in mg
 * @TITRATE_ROUTE_INTRATHECAL: Doses in mcg
 *
 * How the medicine is given. Oral doses are in mg, intrathecal doses in mcg;
 * the two never mix.
 */
typedef enum {
  TITRATE_ROUTE_ORAL,          /* doses in mg */
  TITRATE_ROUTE_INTRATHECAL,   /* doses in mcg */
} TitrateRoute;

/**
 * TitrateSex:
 * @TITRATE_SEX_UNKNOWN: Unknown
 * @TITRATE_SEX_FEMALE: Female
 * @TITRATE_SEX_MALE: Male
 *
 * The sex used by the renal equations.
 */
typedef enum {
  TITRATE_SEX_UNKNOWN,
  TITRATE_SEX_FEMALE,
  TITRATE_SEX_MALE,
} TitrateSex;

/**
 * TitrateCreatinineUnit:
 * @TITRATE_CREATININE_MG_DL: mg/dL
 * @TITRATE_CREATININE_UMOL_L: µmol/L
 *
 * The unit a serum creatinine was entered in.
 */
typedef enum {
  TITRATE_CREATININE_MG_DL,  /*< nick=mg_dl >*/
  TITRATE_CREATININE_UMOL_L, /*< nick=umol_l >*/
} TitrateCreatinineUnit;

/**
 * TitrateOrigin:
 * @TITRATE_ORIGIN_UNSET: Unset
 * @TITRATE_ORIGIN_SPINAL: Spinal
 * @TITRATE_ORIGIN_CEREBRAL: Cerebral
 *
 * The origin of spasticity (intrathecal regimens).
 */
typedef enum {
  TITRATE_ORIGIN_UNSET,
  TITRATE_ORIGIN_SPINAL,
  TITRATE_ORIGIN_CEREBRAL,
} TitrateOrigin;

/**
 * TitrateSeverity:
 * @TITRATE_SEVERITY_INFO: Info
 * @TITRATE_SEVERITY_MINOR: Minor
 * @TITRATE_SEVERITY_MODERATE: Moderate
 * @TITRATE_SEVERITY_MAJOR: Major
 * @TITRATE_SEVERITY_CONTRAINDICATED: Contraindicated
 *
 * How serious an alert is.
 *
 * Ordered: a larger value is more severe.
 */
typedef enum {
  TITRATE_SEVERITY_INFO,
  TITRATE_SEVERITY_MINOR,
  TITRATE_SEVERITY_MODERATE,
  TITRATE_SEVERITY_MAJOR,
  TITRATE_SEVERITY_CONTRAINDICATED,
} TitrateSeverity;

/**
 * TITRATE_N_SEVERITIES:
 *
 * The number of #TitrateSeverity values.
 */
#define TITRATE_N_SEVERITIES 5

/**
 * TitrateCategory:
 * @TITRATE_CATEGORY_DOSE: Dose
 * @TITRATE_CATEGORY_TITRATION: Titration
 * @TITRATE_CATEGORY_WITHDRAWAL: Withdrawal
 * @TITRATE_CATEGORY_INTERACTION: Interaction
 * @TITRATE_CATEGORY_DUPLICATION: Duplication
 * @TITRATE_CATEGORY_RENAL: Renal
 * @TITRATE_CATEGORY_HEPATIC: Hepatic
 * @TITRATE_CATEGORY_ELDERLY: Elderly
 * @TITRATE_CATEGORY_PEDIATRIC: Pediatric
 * @TITRATE_CATEGORY_PREGNANCY: Pregnancy
 * @TITRATE_CATEGORY_LACTATION: Lactation
 * @TITRATE_CATEGORY_CONDITION: Condition
 * @TITRATE_CATEGORY_ALLERGY: Allergy
 * @TITRATE_CATEGORY_ROUTE: Route
 * @TITRATE_CATEGORY_INPUT: Input
 *
 * What an alert is about.
 */
typedef enum {
  TITRATE_CATEGORY_DOSE,
  TITRATE_CATEGORY_TITRATION,
  TITRATE_CATEGORY_WITHDRAWAL,
  TITRATE_CATEGORY_INTERACTION,
  TITRATE_CATEGORY_DUPLICATION,
  TITRATE_CATEGORY_RENAL,
  TITRATE_CATEGORY_HEPATIC,
  TITRATE_CATEGORY_ELDERLY,
  TITRATE_CATEGORY_PEDIATRIC,
  TITRATE_CATEGORY_PREGNANCY,
  TITRATE_CATEGORY_LACTATION,
  TITRATE_CATEGORY_CONDITION,
  TITRATE_CATEGORY_ALLERGY,
  TITRATE_CATEGORY_ROUTE,
  TITRATE_CATEGORY_INPUT,
} TitrateCategory;

/**
 * TITRATE_N_CATEGORIES:
 *
 * The number of #TitrateCategory values.
 */
#define TITRATE_N_CATEGORIES 15

/**
 * TitratePhase:
 * @TITRATE_PHASE_NONE: Before the start date
 * @TITRATE_PHASE_START: Start
 * @TITRATE_PHASE_STEP_UP: Step up
 * @TITRATE_PHASE_MAINTENANCE: Maintenance
 * @TITRATE_PHASE_TAPER: Taper
 * @TITRATE_PHASE_STOPPED: Stopped
 * @TITRATE_PHASE_SCREENING: Intrathecal screening bolus
 *
 * The phase of a day in the calendar.
 */
typedef enum {
  TITRATE_PHASE_NONE,          /* before the start date */
  TITRATE_PHASE_START,
  TITRATE_PHASE_STEP_UP, /*< nick=step_up >*/
  TITRATE_PHASE_MAINTENANCE,
  TITRATE_PHASE_TAPER,
  TITRATE_PHASE_STOPPED,
  TITRATE_PHASE_SCREENING,     /* intrathecal screening bolus */
} TitratePhase;

/**
 * TitrateFormulationUnit:
 * @TITRATE_FORMULATION_UNIT_MG_PER_UNIT: mg per tablet or packet
 * @TITRATE_FORMULATION_UNIT_MG_PER_ML: oral liquid, mg/mL
 * @TITRATE_FORMULATION_UNIT_MCG_PER_ML: intrathecal solution, mcg/mL
 *
 * How an oral formulation's strength is given (rules table
 * formulation.unit).
 */
typedef enum {
  TITRATE_FORMULATION_UNIT_MG_PER_UNIT, /*< nick=mg_per_unit >*/ /* mg per tablet or packet */
  TITRATE_FORMULATION_UNIT_MG_PER_ML,   /*< nick=mg_per_ml >*/ /* oral liquid */
  TITRATE_FORMULATION_UNIT_MCG_PER_ML,  /*< nick=mcg_per_ml >*/ /* intrathecal solution */
} TitrateFormulationUnit;

/**
 * TitrateDivisibility:
 * @TITRATE_DIVISIBILITY_UNKNOWN: no product chosen
 * @TITRATE_DIVISIBILITY_WHOLE: whole units only
 * @TITRATE_DIVISIBILITY_SCORED_HALF: scored: halves allowed
 * @TITRATE_DIVISIBILITY_VOLUME: measured in mL
 *
 * How a product can be divided (rules table formulation.divisible).
 */
typedef enum {
  TITRATE_DIVISIBILITY_UNKNOWN,           /* no product chosen */
  TITRATE_DIVISIBILITY_WHOLE,
  TITRATE_DIVISIBILITY_SCORED_HALF, /*< nick=scored_half >*/
  TITRATE_DIVISIBILITY_VOLUME,            /* measured in mL */
} TitrateDivisibility;

/**
 * titrate_route_to_string:
 * @route: the route
 *
 * The file/JSON code of a route ("oral", "intrathecal").
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_route_to_string        (TitrateRoute    route);

/**
 * titrate_route_from_string:
 * @str: the file/JSON code
 * @out: (out caller-allocates): where to store the result
 *
 * Reads a route from its file/JSON code.
 *
 * Returns: %TRUE if @str is a known code
 */
TITRATE_AVAILABLE_IN_ALL
gboolean    titrate_route_from_string      (const char     *str,
                                            TitrateRoute   *out);

/**
 * titrate_route_unit:
 * @route: the route
 *
 * "mg" for oral, "mcg" for intrathecal
 *
 * Returns: (transfer none): "mg" or "mcg"
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_route_unit             (TitrateRoute    route);

/**
 * titrate_sex_to_string:
 * @sex: the sex
 *
 * The file/JSON code of a sex.
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_sex_to_string          (TitrateSex      sex);

/**
 * titrate_sex_from_string:
 * @str: the file/JSON code
 * @out: (out caller-allocates): where to store the result
 *
 * Reads a sex from its file/JSON code.
 *
 * Returns: %TRUE if @str is a known code
 */
TITRATE_AVAILABLE_IN_ALL
gboolean    titrate_sex_from_string        (const char     *str,
                                            TitrateSex     *out);

/**
 * titrate_origin_to_string:
 * @origin: a #TitrateOrigin
 *
 * The file/JSON code of a spasticity origin.
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_origin_to_string       (TitrateOrigin   origin);

/**
 * titrate_origin_from_string:
 * @str: the file/JSON code
 * @out: (out caller-allocates): where to store the result
 *
 * Reads a spasticity origin from its file/JSON code.
 *
 * Returns: %TRUE if @str is a known code
 */
TITRATE_AVAILABLE_IN_ALL
gboolean    titrate_origin_from_string     (const char     *str,
                                            TitrateOrigin  *out);

/**
 * titrate_severity_to_string:
 * @severity: a #TitrateSeverity
 *
 * The file/JSON code of a severity.
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_severity_to_string     (TitrateSeverity severity);

/**
 * titrate_severity_from_string:
 * @str: the file/JSON code
 * @out: (out caller-allocates): where to store the result
 *
 * Reads a severity from its file/JSON code.
 *
 * Returns: %TRUE if @str is a known code
 */
TITRATE_AVAILABLE_IN_ALL
gboolean    titrate_severity_from_string   (const char     *str,
                                            TitrateSeverity *out);

/**
 * titrate_category_to_string:
 * @category: a #TitrateCategory
 *
 * The file/JSON code of an alert category.
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_category_to_string     (TitrateCategory category);

/**
 * titrate_category_from_string:
 * @str: the file/JSON code
 * @out: (out caller-allocates): where to store the result
 *
 * Reads an alert category from its file/JSON code.
 *
 * Returns: %TRUE if @str is a known code
 */
TITRATE_AVAILABLE_IN_ALL
gboolean    titrate_category_from_string   (const char     *str,
                                            TitrateCategory *out);

/**
 * titrate_phase_to_string:
 * @phase: a #TitratePhase
 *
 * The file/JSON code of a calendar phase.
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_phase_to_string        (TitratePhase    phase);

/**
 * titrate_formulation_unit_to_string:
 * @unit: a #TitrateFormulationUnit
 *
 * The rules database's code of a formulation unit ("mg_per_unit",
 * "mg_per_ml", "mcg_per_ml").
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_formulation_unit_to_string   (TitrateFormulationUnit  unit);

/**
 * titrate_formulation_unit_from_string:
 * @str: the code
 * @out: (out caller-allocates): where to store the result
 *
 * Reads a formulation unit from its code.
 *
 * Returns: %TRUE if @str is a known code
 */
TITRATE_AVAILABLE_IN_ALL
gboolean    titrate_formulation_unit_from_string (const char             *str,
                                                  TitrateFormulationUnit *out);

/**
 * titrate_divisibility_to_string:
 * @divisibility: a #TitrateDivisibility
 *
 * The rules database's code of a divisibility ("whole", "scored_half",
 * "volume").
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_divisibility_to_string       (TitrateDivisibility     divisibility);

/**
 * titrate_divisibility_from_string:
 * @str: the code
 * @out: (out caller-allocates): where to store the result
 *
 * Reads a divisibility from its code.
 *
 * Returns: %TRUE if @str is a known code
 */
TITRATE_AVAILABLE_IN_ALL
gboolean    titrate_divisibility_from_string     (const char             *str,
                                                  TitrateDivisibility    *out);

/* Words for people (titrate_route_to_label() …) and amounts are written by
 * titrate-format.h. */

G_END_DECLS
