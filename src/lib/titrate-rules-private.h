/* titrate-rules-private.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate-rules.h"

G_BEGIN_DECLS

/* Typed rows, loaded once at open. NULL SQL numbers are NAN; route -1 = any. */

typedef struct {
  const TitrateRuleText *rule;
  TitrateRoute  route;
  const char   *indication;        /* NULL = any */
  double        age_min_years;
  double        age_max_years;
  double        max_daily_mg;
  double        max_mg_per_kg_day;
  double        max_daily_mcg;
  const char   *kind;
} TitrateDoseLimitRow;

typedef enum {
  TITRATE_TITRATION_START_DAILY_MG,
  TITRATE_TITRATION_STEP_DAILY_MG,
  TITRATE_TITRATION_INTERVAL_DAYS,
} TitrateTitrationKind;

typedef struct {
  const TitrateRuleText *rule;
  const char   *indication;
  double        age_min_years;
  double        age_max_years;
  TitrateTitrationKind kind;
  double        value;
} TitrateTitrationLimitRow;

typedef struct {
  const char *indication;
  double      age_min_years;
  double      age_max_years;
  int         doses_per_day;
  double      start_dose_mg;
  double      start_mg_per_kg_day;
  double      max_start_dose_mg;
  double      step_mg_per_dose;
  double      step_mg_per_kg_day;
  int         step_every_days;
  double      target_daily_mg;
  double      target_mg_per_kg_day;
  const char *source;
  const char *note;
} TitrateProtocolRow;

typedef struct {
  const char *population;
  double      dose_factor;
  double      max_daily_mg;        /* absolute ceiling, NAN if none */
  int         min_step_every_days;
  const char *source;
  const char *note;
} TitrateAdjustmentRow;

typedef struct {
  const TitrateRuleText *rule;
  const char *population;
  double      crcl_min;
  double      crcl_max;
  double      dose_factor;
  gboolean    avoid;
} TitrateRenalBandRow;

typedef struct {
  int         seq;
  double      bolus_mcg;
  double      age_max_years;
  const char *source;
} TitrateScreeningRow;

typedef struct {
  const TitrateRuleText *rule;
  TitrateOrigin origin;
  gboolean      post_implant;
  double        max_increase_pct;
  double        max_decrease_pct;
  int           min_interval_days;
} TitrateItAdjustmentRow;

typedef struct {
  const TitrateRuleText *rule;
  TitrateRoute route;
  const char  *indication;
  int          min_taper_days;
} TitrateTaperRow;

typedef struct {
  const TitrateRuleText *rule;
  const char *class_code;
  int         route;
  const char *medicine;
  gboolean    cns_depression;      /* mechanism: replaced by the burden alert */
} TitrateInteractionRow;

typedef struct {
  const TitrateRuleText *rule;
  const char *condition;
  int         route;
  const char *indication;
  const char *medicine;
} TitrateConditionRow;

typedef enum {
  TITRATE_CNS_ROLE_OTHER,
  TITRATE_CNS_ROLE_OPIOID,
  TITRATE_CNS_ROLE_BENZODIAZEPINE,
  TITRATE_CNS_ROLE_GABAPENTINOID,
} TitrateCnsRole;

typedef struct {
  const char    *medicine;
  const char    *class_code;
  gboolean       depressant;
  gboolean       beers;
  TitrateCnsRole role;
} TitrateCnsClassRow;

typedef enum {
  TITRATE_BURDEN_OPIOID_COMBINATION,
  TITRATE_BURDEN_BEERS_COUNT,
  TITRATE_BURDEN_ADDITIVE,
} TitrateBurdenKind;

typedef struct {
  const char            *medicine;
  int                    priority;
  const TitrateRuleText *rule;
  TitrateBurdenKind      kind;
  double                 age_min_years;
  int                    min_drugs;
} TitrateBurdenRow;

typedef struct {
  const char            *medicine;
  gboolean               allergy;   /* else duplication */
  int                    route;     /* regimen route, -1 = any */
  const TitrateRuleText *rule;
} TitrateSameMedicineRow;

typedef struct {
  GArray *dose_limits;         /* TitrateDoseLimitRow */
  GArray *titration_limits;    /* TitrateTitrationLimitRow */
  GArray *protocols;           /* TitrateProtocolRow */
  GArray *adjustments;         /* TitrateAdjustmentRow */
  GArray *renal_bands;         /* TitrateRenalBandRow, by crcl_min descending */
  GArray *screening;           /* TitrateScreeningRow, by seq */
  GArray *it_adjustments;      /* TitrateItAdjustmentRow */
  GArray *tapers;              /* TitrateTaperRow */
  GArray *interactions;        /* TitrateInteractionRow */
  GArray *condition_rows;      /* TitrateConditionRow */
  GArray *cns_classes;         /* TitrateCnsClassRow */
  GArray *burden_rules;        /* TitrateBurdenRow, by priority */
  GArray *same_medicine;       /* TitrateSameMedicineRow */
} TitrateRuleTables;

const TitrateRuleTables *_titrate_rules_get_tables (TitrateRules *self);

/* Class codes of a drug: primary first, then extra classes. NULL-terminated. */
const char * const *_titrate_rules_drug_classes (TitrateRules      *self,
                                                 const TitrateDrug *drug);

/* (transfer none) the drug whose code is @code, NULL if none */
const TitrateDrug *_titrate_rules_get_drug (TitrateRules *self,
                                            const char   *code);

const TitrateAdjustmentRow *_titrate_rules_get_adjustment (TitrateRules *self,
                                                          const char   *population);

/* Names the checker requires; validation fails if any is missing. */
extern const char * const _titrate_required_rules[];

G_END_DECLS
