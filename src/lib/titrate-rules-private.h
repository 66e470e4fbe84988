/* titrate-rules-private.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "titrate-rules.h"
#include "../tools/titrate-rules-texts.h"

G_BEGIN_DECLS

/* Typed rows, loaded once at open. NULL SQL numbers are NAN; route -1 = any. */

/* dose_limit.kind */
typedef enum {
  TITRATE_DOSE_LIMIT_LABEL_MAX,
  TITRATE_DOSE_LIMIT_UPPER_BOUND,
  TITRATE_DOSE_LIMIT_SOFT,
  TITRATE_DOSE_LIMIT_REGIONAL,
} TitrateDoseLimitKind;

typedef struct {
  const char   *medicine;         /* interned: compare pointers */
  const TitrateRuleText *rule;
  TitrateRoute  route;
  const char   *indication;        /* NULL = any */
  double        age_min_years;
  double        age_max_years;
  double        max_daily_mg;
  double        max_mg_per_kg_day;
  double        max_daily_mcg;
  const char   *kind;              /* code, for output */
  TitrateDoseLimitKind limit_kind; /* @kind, read once at load: compare this */
} TitrateDoseLimitRow;

typedef enum {
  TITRATE_TITRATION_START_DAILY_MG,
  TITRATE_TITRATION_STEP_DAILY_MG,
  TITRATE_TITRATION_INTERVAL_DAYS,
  TITRATE_TITRATION_STEP_DOSE_MG,
  TITRATE_TITRATION_START_MG_PER_KG_DAY,
} TitrateTitrationKind;

typedef struct {
  const char   *medicine;         /* interned: compare pointers */
  const TitrateRuleText *rule;
  const char   *indication;
  double        age_min_years;
  double        age_max_years;
  TitrateTitrationKind kind;
  double        value;
  const char   *source;            /* the scheme; may be NULL */
} TitrateTitrationLimitRow;

typedef struct {
  const char   *medicine;         /* interned: compare pointers */
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
  const char   *medicine;         /* interned: compare pointers */
  const char *population;
  double      dose_factor;
  double      max_daily_mg;        /* absolute ceiling, NAN if none */
  int         min_step_every_days;
  const char *source;
  const char *note;
} TitrateAdjustmentRow;

typedef struct {
  const char   *medicine;         /* interned: compare pointers */
  const TitrateRuleText *rule;
  const char *population;
  double      crcl_min;
  double      crcl_max;
  double      dose_factor;
  gboolean    avoid;
  double      conflict_daily_mg;   /* NAN if none */
  const char *conflict_source;
} TitrateRenalBandRow;

typedef struct {
  const char   *medicine;         /* interned: compare pointers */
  int         seq;
  double      bolus_mcg;
  double      age_max_years;
  const char *source;
} TitrateScreeningRow;

typedef struct {
  const char   *medicine;         /* interned: compare pointers */
  const TitrateRuleText *rule;
  TitrateOrigin origin;
  gboolean      post_implant;
  double        max_increase_pct;
  double        max_decrease_pct;
  int           min_interval_days;
} TitrateItAdjustmentRow;

typedef struct {
  const char   *medicine;         /* interned: compare pointers */
  const TitrateRuleText *rule;
  TitrateRoute route;
  const char  *indication;
  int          min_taper_days;
  double       max_step_down_daily_mg;   /* NAN = not checked */
  const char  *source;
  int          min_step_interval_days;   /* 0 = no pace: at most max_step_down_daily_mg
                                          * removed within this many days */
  double       above_daily_mg;           /* the pace counts reductions from above this; NAN = any */
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
  const char *code;               /* interned */
  const char *label;              /* translated, inside a sentence: "baclofen" */
  const char *label_start;        /* translated, opening a sentence: "Baclofen" */
  const char *source;
} TitrateMedicineRow;

/* A named patient group: metric in [min_value, max_value). */
typedef struct {
  const char *medicine;
  const char *code;
  const char *metric;
  double      min_value;
  double      max_value;
  const char *source;
  const char *note;
} TitratePopulationBandRow;

typedef enum {
  TITRATE_CMP_LT,
  TITRATE_CMP_LE,
  TITRATE_CMP_GT,
  TITRATE_CMP_GE,
  TITRATE_CMP_NE,
} TitrateComparison;

/* "metric comparison value" raises rule (NULL: a computation parameter). */
typedef struct {
  const char            *medicine;
  const char            *code;
  const TitrateRuleText *rule;
  const char            *metric;
  TitrateComparison      comparison;
  const char            *comparison_text;
  double                 value;
  const char            *unit;
  gboolean               has_severity;
  TitrateSeverity        severity;
  const char            *source;
  const char            *note;
} TitrateThresholdRow;

typedef struct {
  const char *field;
  double      min_value;
  double      max_value;
  gboolean    min_exclusive;
  const char *source;
} TitrateInputRangeRow;

/* The rule a medicine raises at one of the checker's fixed checkpoints
 * (table medicine_rule). */
typedef struct {
  const char            *medicine;   /* interned: compare pointers */
  const char            *slot;
  const TitrateRuleText *rule;
} TitrateMedicineRuleRow;

typedef struct {
  double      age_min_years;     /* [age_min_years, age_max_years) */
  double      age_max_years;
  double      min_kg;
  double      max_kg;
} TitrateWeightForAgeRow;

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
  GArray *medicines;           /* TitrateMedicineRow */
  GArray *population_bands;    /* TitratePopulationBandRow */
  GArray *thresholds;          /* TitrateThresholdRow */
  GArray *input_ranges;        /* TitrateInputRangeRow */
  GArray *weight_for_age;      /* TitrateWeightForAgeRow, an input plausibility check */
  GArray *medicine_rules;      /* TitrateMedicineRuleRow */
} TitrateRuleTables;

const TitrateRuleTables *_titrate_rules_get_tables (TitrateRules *self);

/* Class codes of a drug: primary first, then extra classes. NULL-terminated. */
const char * const *_titrate_rules_drug_classes (TitrateRules      *self,
                                                 const TitrateDrug *drug);

/* (transfer none) the drug whose code is @code, NULL if none */
const TitrateDrug *_titrate_rules_get_drug (TitrateRules *self,
                                            const char   *code);

const TitrateAdjustmentRow *_titrate_rules_get_adjustment (TitrateRules *self,
                                                          const char   *medicine,
                                                          const char   *population);
const TitrateAdjustmentRow *_titrate_rules_band_adjustment (TitrateRules              *self,
                                                            const char                *medicine,
                                                            const TitrateRenalBandRow *band);

/* Clinical tables keyed by medicine (titrate-rules-clinical.c). */
gboolean    _titrate_rules_load_clinical      (TitrateRules      *self,
                                               TitrateRuleTables *tables,
                                               gpointer           db,
                                               GError           **error);
void        _titrate_rules_free_clinical      (TitrateRuleTables *tables);
const char *_titrate_rules_intern             (TitrateRules      *self,
                                               const char        *text);
/* "Rules database (origin) cannot be used: message". */
gboolean    _titrate_rules_fail               (TitrateRules      *self,
                                               GError           **error,
                                               const char        *format,
                                               ...) G_GNUC_PRINTF (3, 4);

/* Column readers for loading tables: text interned in @self (NULL stays
 * NULL); _col_tr translates user-visible text once through the catalogue,
 * in the context of its row (@id names the table and column, @key_col is the
 * row's key in @stmt: titrate-rules-texts.h);
 * a NULL number is NAN. */
const char *_titrate_rules_col_str            (TitrateRules      *self,
                                               sqlite3_stmt      *stmt,
                                               int                col);
const char *_titrate_rules_col_tr             (TitrateRules      *self,
                                               sqlite3_stmt      *stmt,
                                               int                col,
                                               TitrateRulesTextId id,
                                               int                key_col);
double      _titrate_rules_col_num            (sqlite3_stmt      *stmt,
                                               int                col);

/* Untranslated triggers (titrate_check()): while set on this thread,
 * _titrate_rules_trigger_text() gives a translated rules text's English
 * original; otherwise the text itself. */
void        _titrate_rules_set_untranslated_triggers (gboolean      untranslated);
gboolean    _titrate_rules_get_untranslated_triggers (void);
const char *_titrate_rules_trigger_text       (TitrateRules      *self,
                                               const char        *text);
/* Whether any text was translated when @self was read. */
gboolean    _titrate_rules_texts_translated   (TitrateRules      *self);

/* The interned code of the medicine a regimen prescribes (regimen->drug, or
 * the database's default, meta.drug); NULL when the database has no rows for it. */
const char *_titrate_rules_medicine           (TitrateRules      *self,
                                               const char        *drug);

const char *_titrate_rules_medicine_label     (TitrateRules      *self,
                                               const char        *medicine);

/* The rule @medicine raises at the checker's checkpoint @slot (table
 * medicine_rule), or NULL when the database maps no medicine at that slot
 * (then the slot is itself the rule's code). */
const TitrateRuleText *_titrate_rules_medicine_rule (TitrateRules *self,
                                                     const char   *medicine,
                                                     const char   *slot);
gboolean    _titrate_rules_slot_is_mapped     (TitrateRules      *self,
                                               const char        *slot);

const TitratePopulationBandRow *_titrate_rules_band      (TitrateRules *self,
                                                          const char   *medicine,
                                                          const char   *code);
const TitrateThresholdRow      *_titrate_rules_threshold (TitrateRules *self,
                                                          const char   *medicine,
                                                          const char   *code);
gboolean _titrate_band_contains      (const TitratePopulationBandRow *band,
                                      double                          value);
gboolean _titrate_threshold_fires    (const TitrateThresholdRow *row,
                                      double                     value);

/* The embedded database, opened once for readers without a rules object;
 * NULL if it is unusable. Not a reference: do not unref. */
TitrateRules *_titrate_rules_get_shared (void);
/* sqlite3_errmsg (@db), translated when it is SQLite's generic text. */
const char   *_titrate_sqlite_errmsg (sqlite3 *db);
/* Why _titrate_rules_get_shared () returns NULL (NULL when it does not). */
const GError *_titrate_rules_get_shared_error (void);
/* Tests only, before the first use: the shared database fails to open,
 * with @reason, as it does when unusable. */
void _titrate_rules_fail_shared_for_testing (const char *reason);
/* A new object for the embedded database (titrate_rules_new_embedded ()
 * returns the shared one). */
TitrateRules *_titrate_rules_open_embedded (GError **error);

/* The checker's per-check capacities (array bounds, not clinical numbers):
 * distinct interaction rules of one medicine, and CNS-burden rules of one
 * medicine. A database above either is refused at open, so the check never
 * has to drop a rule for lack of room. */
#define TITRATE_MAX_INTERACTION_RULES 64
#define TITRATE_MAX_BURDEN_RULES      8

/* Names the checker requires; validation fails if any is missing. */
extern const char * const _titrate_required_rules[];

G_END_DECLS
