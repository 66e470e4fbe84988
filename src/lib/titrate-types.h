/* titrate-types.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Vocabularies shared by the whole library. Each enum has a stable string
 * form (used in documents, the CLI's JSON and the rules database). */

typedef enum {
  TITRATE_ROUTE_ORAL,          /* doses in mg */
  TITRATE_ROUTE_INTRATHECAL,   /* doses in mcg */
} TitrateRoute;

typedef enum {
  TITRATE_SEX_UNKNOWN,
  TITRATE_SEX_FEMALE,
  TITRATE_SEX_MALE,
} TitrateSex;

typedef enum {
  TITRATE_CREATININE_MG_DL,
  TITRATE_CREATININE_UMOL_L,
} TitrateCreatinineUnit;

typedef enum {
  TITRATE_ORIGIN_UNSET,
  TITRATE_ORIGIN_SPINAL,
  TITRATE_ORIGIN_CEREBRAL,
} TitrateOrigin;

/* Ordered: a larger value is more severe. */
typedef enum {
  TITRATE_SEVERITY_INFO,
  TITRATE_SEVERITY_MINOR,
  TITRATE_SEVERITY_MODERATE,
  TITRATE_SEVERITY_MAJOR,
  TITRATE_SEVERITY_CONTRAINDICATED,
} TitrateSeverity;

#define TITRATE_N_SEVERITIES 5

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

#define TITRATE_N_CATEGORIES 15

/* Phase of a day in the calendar. */
typedef enum {
  TITRATE_PHASE_NONE,          /* before the start date */
  TITRATE_PHASE_START,
  TITRATE_PHASE_STEP_UP,
  TITRATE_PHASE_MAINTENANCE,
  TITRATE_PHASE_TAPER,
  TITRATE_PHASE_STOPPED,
  TITRATE_PHASE_SCREENING,     /* intrathecal screening bolus */
} TitratePhase;

/* How an oral formulation's strength is given (rules table formulation.unit). */
typedef enum {
  TITRATE_FORMULATION_UNIT_MG_PER_UNIT,   /* mg per tablet or packet */
  TITRATE_FORMULATION_UNIT_MG_PER_ML,     /* oral liquid */
  TITRATE_FORMULATION_UNIT_MCG_PER_ML,    /* intrathecal solution */
} TitrateFormulationUnit;

/* How a product can be divided (rules table formulation.divisible). */
typedef enum {
  TITRATE_DIVISIBILITY_UNKNOWN,           /* no product chosen */
  TITRATE_DIVISIBILITY_WHOLE,
  TITRATE_DIVISIBILITY_SCORED_HALF,
  TITRATE_DIVISIBILITY_VOLUME,            /* measured in mL */
} TitrateDivisibility;

const char *titrate_route_to_string        (TitrateRoute    route);
gboolean    titrate_route_from_string      (const char     *str,
                                            TitrateRoute   *out);
/* "mg" for oral, "mcg" for intrathecal */
const char *titrate_route_unit             (TitrateRoute    route);
const char *titrate_sex_to_string          (TitrateSex      sex);
gboolean    titrate_sex_from_string        (const char     *str,
                                            TitrateSex     *out);
const char *titrate_origin_to_string       (TitrateOrigin   origin);
gboolean    titrate_origin_from_string     (const char     *str,
                                            TitrateOrigin  *out);
const char *titrate_severity_to_string     (TitrateSeverity severity);
gboolean    titrate_severity_from_string   (const char     *str,
                                            TitrateSeverity *out);
const char *titrate_category_to_string     (TitrateCategory category);
gboolean    titrate_category_from_string   (const char     *str,
                                            TitrateCategory *out);
const char *titrate_phase_to_string        (TitratePhase    phase);
const char *titrate_formulation_unit_to_string   (TitrateFormulationUnit  unit);
gboolean    titrate_formulation_unit_from_string (const char             *str,
                                                  TitrateFormulationUnit *out);
const char *titrate_divisibility_to_string       (TitrateDivisibility     divisibility);
gboolean    titrate_divisibility_from_string     (const char             *str,
                                                  TitrateDivisibility    *out);

/* Words for people (titrate_route_to_label() …) and amounts are written by
 * titrate-format.h. */

G_END_DECLS
