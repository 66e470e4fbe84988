/* titrate-rules.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <gio/gio.h>
#include "titrate-types.h"
#include "titrate-version-macros.h"

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

typedef struct {
  const char        *name;     /* as stored (brand capitalisation kept) */
  const char        *kind;     /* generic, brand, synonym */
  const TitrateDrug *drug;
} TitrateDrugName;

typedef struct {
  const char *code;
  const char *label;
} TitrateVocabItem;

typedef struct {
  const char   *code;
  TitrateRoute  route;
  const char   *label;
  const char   *unit;          /* mg_per_unit, mg_per_ml, mcg_per_ml */
  const char   *divisible;     /* whole, scored_half, volume */
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
} TitrateCounselling;

#define TITRATE_TYPE_RULES (titrate_rules_get_type ())
TITRATE_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TitrateRules, titrate_rules, TITRATE, RULES, GObject)

/* Opens the rules database embedded in the library (read-only, from memory)
 * and validates it. */
TITRATE_AVAILABLE_IN_ALL
TitrateRules *titrate_rules_new_embedded   (GError      **error);
/* Opens an alternative database file (read-only); the same validation applies. */
TITRATE_AVAILABLE_IN_ALL
TitrateRules *titrate_rules_new_for_path   (const char   *path,
                                            GError      **error);
/* Opens a database image held in memory; @bytes is kept alive. */
TITRATE_AVAILABLE_IN_ALL
TitrateRules *titrate_rules_new_for_bytes  (GBytes       *bytes,
                                            GError      **error);

TITRATE_AVAILABLE_IN_ALL
int           titrate_rules_get_schema_version  (TitrateRules *self);
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_content_version (TitrateRules *self);
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_content_date    (TitrateRules *self);
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_title           (TitrateRules *self);
/* "embedded" or the file path */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_origin          (TitrateRules *self);

/* (transfer none) NULL if no such rule */
TITRATE_AVAILABLE_IN_ALL
const TitrateRuleText *titrate_rules_get_rule   (TitrateRules *self,
                                                 const char   *code);

/* Comedication lexicon: case-insensitive, surrounding spaces ignored.
 * (transfer none) NULL if unknown. */
TITRATE_AVAILABLE_IN_ALL
const TitrateDrugName *titrate_rules_lookup_drug (TitrateRules *self,
                                                  const char   *name);
/* Names starting with (then containing) @term, best first.
 * (transfer container) (element-type TitrateDrugName) */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_search_drugs    (TitrateRules *self,
                                             const char   *term,
                                             guint         max_results);

/* (transfer container) vocabularies, in database order */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_conditions  (TitrateRules *self);  /* TitrateVocabItem */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_indications (TitrateRules *self,
                                              TitrateRoute  route); /* TitrateVocabItem */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_formulations (TitrateRules *self,
                                               TitrateRoute  route); /* TitrateFormulation */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_strengths   (TitrateRules *self,
                                              const char   *formulation); /* TitrateStrength */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_sources     (TitrateRules *self);  /* TitrateSource */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_counselling (TitrateRules *self);  /* TitrateCounselling */

/* The plausible range of a patient input (document path, e.g.
 * "patient.age_years"), from the rules database. FALSE if the field has no
 * range. *min_exclusive says whether min itself is refused. */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_get_input_range  (TitrateRules *self,
                                              const char   *field,
                                              double       *min,
                                              double       *max,
                                              gboolean     *min_exclusive);
/* The medicine code the database holds rules for that @drug names (case and
 * spaces ignored), or its default medicine when @drug is NULL; NULL if none. */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_lookup_medicine  (TitrateRules *self,
                                              const char   *drug);
/* The medicine's name, translated, from the database: inside a sentence
 * ("baclofen") and opening a sentence or heading ("Baclofen"). @drug as for
 * titrate_rules_lookup_medicine(); @drug itself if the database lacks it. */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_medicine_label       (TitrateRules *self,
                                                      const char   *drug);
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_medicine_label_start (TitrateRules *self,
                                                      const char   *drug);
/* "baclofen, …": the medicines the database holds rules for. Free with g_free(). */
TITRATE_AVAILABLE_IN_ALL
char         *titrate_rules_dup_medicine_codes (TitrateRules *self);

/* The same, from the embedded database (for readers that have no rules
 * object, such as the document loader). */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_get_default_input_range (const char *field,
                                                     double     *min,
                                                     double     *max,
                                                     gboolean   *min_exclusive);

TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_has_condition    (TitrateRules *self,
                                              const char   *code);
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_has_indication   (TitrateRules *self,
                                              const char   *code,
                                              TitrateRoute  route);
TITRATE_AVAILABLE_IN_ALL
const TitrateFormulation *titrate_rules_get_formulation (TitrateRules *self,
                                                         const char   *code);
TITRATE_AVAILABLE_IN_ALL
const TitrateStrength    *titrate_rules_get_strength    (TitrateRules *self,
                                                         const char   *formulation,
                                                         double        strength);
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_condition_label (TitrateRules *self,
                                                 const char   *code);

/* SHA-256 of the database image as read (lower-case hex). */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_digest      (TitrateRules *self);
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_is_embedded     (TitrateRules *self);
/* Refuses (TITRATE_ERROR_RULES, both digests in the message) when
 * @expected (hex, any case; NULL or "" = not pinned) differs. */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_check_digest    (TitrateRules *self,
                                             const char   *expected,
                                             GError      **error);
/* meta.review_by (ISO date) or NULL; overdue = @today (NULL: now) after it. */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_review_by   (TitrateRules *self);
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_review_overdue  (TitrateRules *self,
                                             GDate        *today);

/* Row counts per table, for `titrate-cli rules`. (transfer none) name → count */
TITRATE_AVAILABLE_IN_ALL
GHashTable   *titrate_rules_get_counts      (TitrateRules *self);

G_END_DECLS
