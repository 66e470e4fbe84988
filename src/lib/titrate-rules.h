/* titrate-rules.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include "titrate-types.h"

G_BEGIN_DECLS

/* Schema version this library understands (PRAGMA user_version). */
#define TITRATE_RULES_SCHEMA_VERSION 1

/**
 * TitrateRuleText:
 *
 * The fixed text of one rule, owned by the rules database.
 */
typedef struct {
  const char     *code;
  TitrateCategory category;
  TitrateSeverity severity;
  const char     *title;
  const char     *reason;
  const char     *action;
  const char     *source;      /* source keys, "; "-separated */
  const char     *evidence;    /* L, G, G-t, S, SEED, U … */
  const char     *reviewed;    /* ISO date the row was last reviewed */
  gboolean        local;       /* cites an institution's local source */
} TitrateRuleText;

typedef struct {
  const char *code;            /* generic name */
  const char *class_code;      /* primary class */
  const char *class_label;
} TitrateDrug;

typedef enum {
  TITRATE_DRUG_NAME_GENERIC,
  TITRATE_DRUG_NAME_BRAND,
  TITRATE_DRUG_NAME_SYNONYM,
} TitrateDrugNameKind;

typedef struct {
  const char        *name;     /* as stored (brand capitalisation kept) */
  const char        *kind;     /* code for output: generic, brand, synonym */
  const TitrateDrug *drug;
  TitrateDrugNameKind name_kind; /* @kind, read once at load: compare this */
} TitrateDrugName;

typedef struct {
  const char *code;
  const char *label;
} TitrateVocabItem;

typedef struct {
  const char   *code;
  TitrateRoute  route;
  const char   *label;
  const char   *unit;          /* code for output: mg_per_unit, mg_per_ml, mcg_per_ml */
  const char   *divisible;     /* code for output: whole, scored_half, volume */
  TitrateFormulationUnit unit_type;     /* @unit, read once at load: compare this */
  TitrateDivisibility    divisibility;  /* @divisible, read once at load: compare this */
} TitrateFormulation;

typedef struct {
  const char *formulation;
  double      strength;        /* in the formulation's unit */
  gboolean    scored;
  const char *product;
} TitrateStrength;

typedef struct {
  const char *key;
  const char *citation;
  const char *kind;
  gboolean    local;           /* added by an institution, not the Titrate release */
} TitrateSource;

typedef struct {
  int         id;
  const char *topic;
  const char *route;           /* NULL = both */
  const char *population;      /* NULL = everyone */
  const char *text;
  const char *source;
  const char *medicine;        /* the medicine the point is about */
  const char *section;         /* "point" (things to know) or "withdrawal_sign" (the
                                * handout's warning box; topic introduces the list) */
} TitrateCounselling;

#define TITRATE_TYPE_RULES (titrate_rules_get_type ())
G_DECLARE_FINAL_TYPE (TitrateRules, titrate_rules, TITRATE, RULES, GObject)

/* Opens the rules database embedded in the library (read-only, from memory)
 * and validates it. */
TitrateRules *titrate_rules_new_embedded   (GError      **error);
/* Opens an alternative database file (read-only); the same validation applies. */
TitrateRules *titrate_rules_new_for_path   (const char   *path,
                                            GError      **error);
/* Opens a database image held in memory; @bytes is kept alive. */
TitrateRules *titrate_rules_new_for_bytes  (GBytes       *bytes,
                                            GError      **error);

int           titrate_rules_get_schema_version  (TitrateRules *self);
const char   *titrate_rules_get_content_version (TitrateRules *self);
const char   *titrate_rules_get_content_date    (TitrateRules *self);
const char   *titrate_rules_get_title           (TitrateRules *self);
/* "embedded" or the file path */
const char   *titrate_rules_get_origin          (TitrateRules *self);

/* (transfer none) NULL if no such rule */
const TitrateRuleText *titrate_rules_get_rule   (TitrateRules *self,
                                                 const char   *code);

/* Comedication lexicon: case-insensitive, surrounding spaces ignored.
 * (transfer none) NULL if unknown. */
const TitrateDrugName *titrate_rules_lookup_drug (TitrateRules *self,
                                                  const char   *name);
/* Names starting with (then containing) @term, best first.
 * (transfer container) (element-type TitrateDrugName) */
GPtrArray    *titrate_rules_search_drugs    (TitrateRules *self,
                                             const char   *term,
                                             guint         max_results);

/* (transfer container) vocabularies, in database order */
GPtrArray    *titrate_rules_list_conditions  (TitrateRules *self);  /* TitrateVocabItem */
GPtrArray    *titrate_rules_list_indications (TitrateRules *self,
                                              TitrateRoute  route); /* TitrateVocabItem */
GPtrArray    *titrate_rules_list_formulations (TitrateRules *self,
                                               TitrateRoute  route); /* TitrateFormulation */
GPtrArray    *titrate_rules_list_strengths   (TitrateRules *self,
                                              const char   *formulation); /* TitrateStrength */
GPtrArray    *titrate_rules_list_sources     (TitrateRules *self);  /* TitrateSource */
GPtrArray    *titrate_rules_list_counselling (TitrateRules *self);  /* TitrateCounselling */

/* The plausible range of a patient input (document path, e.g.
 * "patient.age_years"), from the rules database. FALSE if the field has no
 * range. *min_exclusive says whether min itself is refused. */
gboolean      titrate_rules_get_input_range  (TitrateRules *self,
                                              const char   *field,
                                              double       *min,
                                              double       *max,
                                              gboolean     *min_exclusive);
/* An input plausibility check, not a clinical limit: the weight range for a
 * child of @age_years (CDC 2000 growth charts, 3rd–97th percentiles over a
 * one-year band, either sex). FALSE and NAN when no band covers the age. */
gboolean      titrate_rules_get_plausible_weight_kg (TitrateRules *rules,
                                                     double        age_years,
                                                     double       *min_kg,
                                                     double       *max_kg);
/* The medicine code the database holds rules for that @drug names (case and
 * spaces ignored), or its default medicine when @drug is NULL; NULL if none. */
const char   *titrate_rules_lookup_medicine  (TitrateRules *self,
                                              const char   *drug);
/* The medicine's name, translated, from the database: inside a sentence
 * ("baclofen") and opening a sentence or heading ("Baclofen"). @drug as for
 * titrate_rules_lookup_medicine(); @drug itself if the database lacks it. */
const char   *titrate_rules_get_medicine_label       (TitrateRules *self,
                                                      const char   *drug);
const char   *titrate_rules_get_medicine_label_start (TitrateRules *self,
                                                      const char   *drug);
/* "baclofen, …": the medicines the database holds rules for. Free with g_free(). */
char         *titrate_rules_dup_medicine_codes (TitrateRules *self);

/* The same, from the embedded database (for readers that have no rules
 * object, such as the document loader). */
gboolean      titrate_rules_get_default_input_range (const char *field,
                                                     double     *min,
                                                     double     *max,
                                                     gboolean   *min_exclusive);

gboolean      titrate_rules_has_condition    (TitrateRules *self,
                                              const char   *code);
gboolean      titrate_rules_has_indication   (TitrateRules *self,
                                              const char   *code,
                                              TitrateRoute  route);
const TitrateFormulation *titrate_rules_get_formulation (TitrateRules *self,
                                                         const char   *code);
const TitrateStrength    *titrate_rules_get_strength    (TitrateRules *self,
                                                         const char   *formulation,
                                                         double        strength);
const char   *titrate_rules_get_condition_label (TitrateRules *self,
                                                 const char   *code);

/* SHA-256 of the database image as read (lower-case hex). */
const char   *titrate_rules_get_digest      (TitrateRules *self);
gboolean      titrate_rules_is_embedded     (TitrateRules *self);
/* Refuses (TITRATE_ERROR_RULES, both digests in the message) when
 * @expected (hex, any case; NULL or "" = not pinned) differs. */
gboolean      titrate_rules_check_digest    (TitrateRules *self,
                                             const char   *expected,
                                             GError      **error);
/* meta.review_by (ISO date) or NULL; overdue = @today (NULL: now) after it. */
const char   *titrate_rules_get_review_by   (TitrateRules *self);
gboolean      titrate_rules_review_overdue  (TitrateRules *self,
                                             GDate        *today);

/* Row counts per table, for `titrate-cli rules`. (transfer none) name → count */
GHashTable   *titrate_rules_get_counts      (TitrateRules *self);

G_END_DECLS
