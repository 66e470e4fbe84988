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

/**
 * SECTION:titrate-rules
 * @Title: Rules database
 * @Short_description: the validated rules database the checks read
 *
 * Every clinical number the checks use lives in the rules database, a SQLite
 * image embedded in the library (titrate_rules_new_embedded()) or an
 * institution's file (titrate_rules_new_for_path()). A database that cannot
 * be opened or validated is an error: nothing can be checked without it.
 */

/* Schema version this library understands (PRAGMA user_version). */
/**
 * TITRATE_RULES_SCHEMA_VERSION:
 *
 * The rules database schema this library understands (PRAGMA user_version).
 */
#define TITRATE_RULES_SCHEMA_VERSION 1

/**
 * TitrateRuleText:
 * @code: code
 * @category: category
 * @severity: severity
 * @title: title
 * @reason: reason
 * @action: action
 * @source: source keys, "; "-separated
 * @evidence: L, G, G-t, S, SEED, U …
 * @reviewed: ISO date the row was last reviewed
 * @local: cites an institution's local source
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

/**
 * TITRATE_TYPE_RULE_TEXT:
 *
 * The boxed #GType of #TitrateRuleText.
 */
#define TITRATE_TYPE_RULE_TEXT (titrate_rule_text_get_type ())

/**
 * titrate_rule_text_get_type:
 *
 * The boxed #GType of #TitrateRuleText.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_rule_text_get_type (void) G_GNUC_CONST;

/**
 * TitrateDrug:
 * @code: generic name
 * @class_code: primary class
 * @class_label: class label
 *
 * A medicine of the comedication lexicon, owned by the rules database.
 */
typedef struct {
  const char *code;            /* generic name */
  const char *class_code;      /* primary class */
  const char *class_label;
} TitrateDrug;

/**
 * TITRATE_TYPE_DRUG:
 *
 * The boxed #GType of #TitrateDrug.
 */
#define TITRATE_TYPE_DRUG (titrate_drug_get_type ())

/**
 * titrate_drug_get_type:
 *
 * The boxed #GType of #TitrateDrug.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_drug_get_type (void) G_GNUC_CONST;

/**
 * TitrateDrugNameKind:
 * @TITRATE_DRUG_NAME_GENERIC: the generic name
 * @TITRATE_DRUG_NAME_BRAND: a brand name
 * @TITRATE_DRUG_NAME_SYNONYM: another name prescribers type
 *
 * What kind of name a #TitrateDrugName is.
 */
typedef enum {
  TITRATE_DRUG_NAME_GENERIC,
  TITRATE_DRUG_NAME_BRAND,
  TITRATE_DRUG_NAME_SYNONYM,
} TitrateDrugNameKind;

/**
 * TitrateDrugName:
 * @name: as stored (brand capitalisation kept)
 * @kind: the kind's code for output: generic, brand, synonym
 * @drug: drug
 * @name_kind: @kind, read once at load: compare this
 *
 * A name of a medicine in the comedication lexicon (generic, brand or
 * synonym), owned by the rules database.
 */
typedef struct {
  const char        *name;     /* as stored (brand capitalisation kept) */
  const char        *kind;     /* code for output: generic, brand, synonym */
  const TitrateDrug *drug;
  TitrateDrugNameKind name_kind; /* @kind, read once at load: compare this */
} TitrateDrugName;

/**
 * TITRATE_TYPE_DRUG_NAME:
 *
 * The boxed #GType of #TitrateDrugName.
 */
#define TITRATE_TYPE_DRUG_NAME (titrate_drug_name_get_type ())

/**
 * titrate_drug_name_get_type:
 *
 * The boxed #GType of #TitrateDrugName.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_drug_name_get_type (void) G_GNUC_CONST;

/**
 * TitrateVocabItem:
 * @code: code
 * @label: label
 *
 * A code and its translated label (conditions, indications), owned by the
 * rules database.
 */
typedef struct {
  const char *code;
  const char *label;
} TitrateVocabItem;

/**
 * TITRATE_TYPE_VOCAB_ITEM:
 *
 * The boxed #GType of #TitrateVocabItem.
 */
#define TITRATE_TYPE_VOCAB_ITEM (titrate_vocab_item_get_type ())

/**
 * titrate_vocab_item_get_type:
 *
 * The boxed #GType of #TitrateVocabItem.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_vocab_item_get_type (void) G_GNUC_CONST;

/**
 * TitrateFormulation:
 * @code: code
 * @route: route
 * @label: label
 * @unit: mg_per_unit, mg_per_ml, mcg_per_ml
 * @divisible: whole, scored_half, volume
 * @unit_type: @unit, read once at load: compare this
 * @divisibility: @divisible, read once at load: compare this
 *
 * A formulation (tablet, oral solution, intrathecal solution…), owned by the
 * rules database.
 */
typedef struct {
  const char   *code;
  TitrateRoute  route;
  const char   *label;
  const char   *unit;          /* code for output: mg_per_unit, mg_per_ml, mcg_per_ml */
  const char   *divisible;     /* code for output: whole, scored_half, volume */
  TitrateFormulationUnit unit_type;     /* @unit, read once at load: compare this */
  TitrateDivisibility    divisibility;  /* @divisible, read once at load: compare this */
} TitrateFormulation;

/**
 * TITRATE_TYPE_FORMULATION:
 *
 * The boxed #GType of #TitrateFormulation.
 */
#define TITRATE_TYPE_FORMULATION (titrate_formulation_get_type ())

/**
 * titrate_formulation_get_type:
 *
 * The boxed #GType of #TitrateFormulation.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_formulation_get_type (void) G_GNUC_CONST;

/**
 * TitrateStrength:
 * @formulation: formulation
 * @strength: in the formulation's unit
 * @scored: scored
 * @product: product
 *
 * A strength of a formulation, owned by the rules database.
 */
typedef struct {
  const char *formulation;
  double      strength;        /* in the formulation's unit */
  gboolean    scored;
  const char *product;
} TitrateStrength;

/**
 * TITRATE_TYPE_STRENGTH:
 *
 * The boxed #GType of #TitrateStrength.
 */
#define TITRATE_TYPE_STRENGTH (titrate_strength_get_type ())

/**
 * titrate_strength_get_type:
 *
 * The boxed #GType of #TitrateStrength.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_strength_get_type (void) G_GNUC_CONST;

/**
 * TitrateSource:
 * @key: key
 * @citation: citation
 * @kind: kind
 * @local: added by an institution, not the Titrate release
 *
 * A source the rules cite, owned by the rules database.
 */
typedef struct {
  const char *key;
  const char *citation;
  const char *kind;
  gboolean    local;           /* added by an institution, not the Titrate release */
} TitrateSource;

/**
 * TITRATE_TYPE_SOURCE:
 *
 * The boxed #GType of #TitrateSource.
 */
#define TITRATE_TYPE_SOURCE (titrate_source_get_type ())

/**
 * titrate_source_get_type:
 *
 * The boxed #GType of #TitrateSource.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_source_get_type (void) G_GNUC_CONST;

/**
 * TitrateCounselling:
 * @id: id
 * @topic: topic
 * @route: NULL = both
 * @population: NULL = everyone
 * @text: text
 * @source: source
 * @medicine: the medicine the point is about
 * @section: "point" (things to know) or "withdrawal_sign" (the handout's
 *   warning box; @topic introduces the list)
 *
 * A counselling point for the patient handout, owned by the rules database.
 */
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

/**
 * TITRATE_TYPE_COUNSELLING:
 *
 * The boxed #GType of #TitrateCounselling.
 */
#define TITRATE_TYPE_COUNSELLING (titrate_counselling_get_type ())

/**
 * titrate_counselling_get_type:
 *
 * The boxed #GType of #TitrateCounselling.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_counselling_get_type (void) G_GNUC_CONST;

/**
 * TITRATE_TYPE_RULES:
 *
 * The #GType of #TitrateRules.
 */
#define TITRATE_TYPE_RULES (titrate_rules_get_type ())
/**
 * TitrateRules:
 *
 * An open, validated rules database (read-only). Rows it returns are owned
 * by it and live as long as it does.
 */
TITRATE_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TitrateRules, titrate_rules, TITRATE, RULES, GObject)

/**
 * titrate_rules_new_embedded:
 * @error: return location for a #GError, or %NULL
 *
 * Opens the rules database embedded in the library (read-only, from memory)
 * and validates it.
 *
 * Returns: (transfer full): a #TitrateRules, or %NULL with @error set
 */
TITRATE_AVAILABLE_IN_ALL
TitrateRules *titrate_rules_new_embedded   (GError      **error);

/**
 * titrate_rules_new_for_path:
 * @path: the database file
 * @error: return location for a #GError, or %NULL
 *
 * Opens an alternative database file (read-only); the same validation
 * applies.
 *
 * Returns: (transfer full): a #TitrateRules, or %NULL with @error set
 */
TITRATE_AVAILABLE_IN_ALL
TitrateRules *titrate_rules_new_for_path   (const char   *path,
                                            GError      **error);

/**
 * titrate_rules_new_for_bytes:
 * @bytes: the database image
 * @error: return location for a #GError, or %NULL
 *
 * Opens a database image held in memory; @bytes is kept alive.
 *
 * Returns: (transfer full): a #TitrateRules, or %NULL with @error set
 */
TITRATE_AVAILABLE_IN_ALL
TitrateRules *titrate_rules_new_for_bytes  (GBytes       *bytes,
                                            GError      **error);

/**
 * titrate_rules_get_schema_version:
 * @self: a #TitrateRules
 *
 * The schema version of the database (PRAGMA user_version).
 *
 * Returns: the schema version
 */
TITRATE_AVAILABLE_IN_ALL
int           titrate_rules_get_schema_version  (TitrateRules *self);

/**
 * titrate_rules_get_content_version:
 * @self: a #TitrateRules
 *
 * The version of the database's content (meta.content_version).
 *
 * Returns: (transfer none): the content version
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_content_version (TitrateRules *self);

/**
 * titrate_rules_get_content_date:
 * @self: a #TitrateRules
 *
 * The date of the database's content (ISO 8601).
 *
 * Returns: (transfer none): the date
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_content_date    (TitrateRules *self);

/**
 * titrate_rules_get_title:
 * @self: a #TitrateRules
 *
 * The database's title.
 *
 * Returns: (transfer none): the title
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_title           (TitrateRules *self);

/**
 * titrate_rules_get_origin:
 * @self: a #TitrateRules
 *
 * "embedded" or the file path
 *
 * Returns: (transfer none): "embedded" or the path
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_origin          (TitrateRules *self);

/**
 * titrate_rules_get_rule:
 * @self: a #TitrateRules
 * @code: a rule code
 *
 * (transfer none) NULL if no such rule
 *
 * Returns: (transfer none) (nullable): the rule's text
 */
TITRATE_AVAILABLE_IN_ALL
const TitrateRuleText *titrate_rules_get_rule   (TitrateRules *self,
                                                 const char   *code);

/**
 * titrate_rules_lookup_drug:
 * @self: a #TitrateRules
 * @name: a medicine name as typed
 *
 * Comedication lexicon: case-insensitive, surrounding spaces ignored.
 * (transfer none) NULL if unknown.
 *
 * Returns: (transfer none) (nullable): the name, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const TitrateDrugName *titrate_rules_lookup_drug (TitrateRules *self,
                                                  const char   *name);

/**
 * titrate_rules_search_drugs:
 * @self: a #TitrateRules
 * @term: what was typed so far
 * @max_results: the most names to return
 *
 * Names starting with (then containing) @term, best first. (transfer
 * container) (element-type TitrateDrugName)
 *
 * Returns: (transfer container) (element-type TitrateDrugName): the names
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_search_drugs    (TitrateRules *self,
                                             const char   *term,
                                             guint         max_results);

/**
 * titrate_rules_list_conditions:
 * @self: a #TitrateRules
 *
 * The conditions the database knows, in database order.
 *
 * Returns: (transfer container) (element-type TitrateVocabItem): the
 *   conditions
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_conditions  (TitrateRules *self);

/**
 * titrate_rules_list_indications:
 * @self: a #TitrateRules
 * @route: the route
 *
 * The indications the database knows for @route, in database order.
 *
 * Returns: (transfer container) (element-type TitrateVocabItem): the
 *   indications for @route
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_indications (TitrateRules *self,
                                              TitrateRoute  route);

/**
 * titrate_rules_list_formulations:
 * @self: a #TitrateRules
 * @route: the route
 *
 * The formulations the database knows for @route, in database order.
 *
 * Returns: (transfer container) (element-type TitrateFormulation): the
 *   formulations for @route
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_formulations (TitrateRules *self,
                                               TitrateRoute  route);

/**
 * titrate_rules_list_strengths:
 * @self: a #TitrateRules
 * @formulation: a formulation code, e.g. "tablet"
 *
 * The strengths of @formulation, in database order.
 *
 * Returns: (transfer container) (element-type TitrateStrength): the
 *   strengths of @formulation
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_strengths   (TitrateRules *self,
                                              const char   *formulation);

/**
 * titrate_rules_list_sources:
 * @self: a #TitrateRules
 *
 * The sources the rules cite, in database order.
 *
 * Returns: (transfer container) (element-type TitrateSource): the sources
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_sources     (TitrateRules *self);

/**
 * titrate_rules_list_counselling:
 * @self: a #TitrateRules
 *
 * The counselling points, in database order.
 *
 * Returns: (transfer container) (element-type TitrateCounselling): the
 *   counselling points
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray    *titrate_rules_list_counselling (TitrateRules *self);

/**
 * titrate_rules_get_input_range:
 * @self: a #TitrateRules
 * @field: a document path, e.g. "patient.age_years"
 * @min: (out): where to store the lowest plausible value
 * @max: (out): where to store the highest plausible value
 * @min_exclusive: (out): where to store whether @min itself is refused
 *
 * The plausible range of a patient input (document path, e.g.
 * "patient.age_years"), from the rules database. FALSE if the field has no
 * range. *min_exclusive says whether min itself is refused.
 *
 * Returns: %TRUE if @field has a range
 */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_get_input_range  (TitrateRules *self,
                                              const char   *field,
                                              double       *min,
                                              double       *max,
                                              gboolean     *min_exclusive);
/**
 * titrate_rules_get_plausible_weight_kg:
 * @rules: a #TitrateRules
 * @age_years: the child's age, years
 * @min_kg: (out): where to store the lowest plausible weight, kg
 * @max_kg: (out): where to store the highest plausible weight, kg
 *
 * An input plausibility check, not a clinical limit: the weight range for a
 * child of @age_years (CDC 2000 growth charts, 3rd–97th percentiles over a
 * one-year band, either sex). %FALSE and NAN when no band covers the age.
 *
 * Returns: %TRUE if a band covers @age_years
 */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_get_plausible_weight_kg (TitrateRules *rules,
                                                     double        age_years,
                                                     double       *min_kg,
                                                     double       *max_kg);


/**
 * titrate_rules_lookup_medicine:
 * @self: a #TitrateRules
 * @drug: (nullable): a medicine code or name; %NULL for the database default
 *
 * The medicine code the database holds rules for that @drug names (case and
 * spaces ignored), or its default medicine when @drug is NULL; NULL if none.
 *
 * Returns: (transfer none) (nullable): the medicine code
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_lookup_medicine  (TitrateRules *self,
                                              const char   *drug);

/**
 * titrate_rules_get_medicine_label:
 * @self: a #TitrateRules
 * @drug: (nullable): a medicine code or name; %NULL for the database default
 *
 * The medicine's name, translated, from the database: inside a sentence
 * ("baclofen") and opening a sentence or heading ("Baclofen"). @drug as for
 * titrate_rules_lookup_medicine(); @drug itself if the database lacks it.
 *
 * Returns: (transfer none): the name
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_medicine_label       (TitrateRules *self,
                                                      const char   *drug);

/**
 * titrate_rules_get_medicine_label_start:
 * @self: a #TitrateRules
 * @drug: (nullable): a medicine code or name; %NULL for the database default
 *
 * The medicine's translated name opening a sentence or heading ("Baclofen");
 * see titrate_rules_get_medicine_label().
 *
 * Returns: (transfer none): the name
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_medicine_label_start (TitrateRules *self,
                                                      const char   *drug);

/**
 * titrate_rules_dup_medicine_codes:
 * @self: a #TitrateRules
 *
 * "baclofen, …": the medicines the database holds rules for. Free with
 * g_free().
 *
 * Returns: (transfer full): the codes, comma-separated
 */
TITRATE_AVAILABLE_IN_ALL
char         *titrate_rules_dup_medicine_codes (TitrateRules *self);

/**
 * titrate_rules_get_default_input_range:
 * @field: a document path, e.g. "patient.age_years"
 * @min: (out): where to store the lowest plausible value
 * @max: (out): where to store the highest plausible value
 * @min_exclusive: (out): where to store whether @min itself is refused
 *
 * The same, from the embedded database (for readers that have no rules
 * object, such as the document loader).
 *
 * Returns: %TRUE if @field has a range
 */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_get_default_input_range (const char *field,
                                                     double     *min,
                                                     double     *max,
                                                     gboolean   *min_exclusive);

/**
 * titrate_rules_has_condition:
 * @self: a #TitrateRules
 * @code: a condition code
 *
 * Whether the database knows the condition @code.
 *
 * Returns: %TRUE if so
 */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_has_condition    (TitrateRules *self,
                                              const char   *code);

/**
 * titrate_rules_has_indication:
 * @self: a #TitrateRules
 * @code: an indication code
 * @route: the route
 *
 * Whether the database knows the indication @code on @route.
 *
 * Returns: %TRUE if so
 */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_has_indication   (TitrateRules *self,
                                              const char   *code,
                                              TitrateRoute  route);

/**
 * titrate_rules_get_formulation:
 * @self: a #TitrateRules
 * @code: a formulation code
 *
 * The formulation @code.
 *
 * Returns: (transfer none) (nullable): the formulation, or %NULL if unknown
 */
TITRATE_AVAILABLE_IN_ALL
const TitrateFormulation *titrate_rules_get_formulation (TitrateRules *self,
                                                         const char   *code);

/**
 * titrate_rules_get_strength:
 * @self: a #TitrateRules
 * @formulation: a formulation code, e.g. "tablet"
 * @strength: the strength, in the formulation's unit
 *
 * The strength @strength of @formulation.
 *
 * Returns: (transfer none) (nullable): the strength, or %NULL if unknown
 */
TITRATE_AVAILABLE_IN_ALL
const TitrateStrength    *titrate_rules_get_strength    (TitrateRules *self,
                                                         const char   *formulation,
                                                         double        strength);

/**
 * titrate_rules_get_condition_label:
 * @self: a #TitrateRules
 * @code: a condition code
 *
 * The translated name of the condition @code.
 *
 * Returns: (transfer none) (nullable): the label, or %NULL if unknown
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_condition_label (TitrateRules *self,
                                                 const char   *code);

/**
 * titrate_rules_get_digest:
 * @self: a #TitrateRules
 *
 * SHA-256 of the database image as read (lower-case hex).
 *
 * Returns: (transfer none): the digest
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_digest      (TitrateRules *self);

/**
 * titrate_rules_is_embedded:
 * @self: a #TitrateRules
 *
 * Whether the database is the one embedded in the library.
 *
 * Returns: %TRUE if embedded
 */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_is_embedded     (TitrateRules *self);

/**
 * titrate_rules_check_digest:
 * @self: a #TitrateRules
 * @expected: (nullable): the expected SHA-256 in hex, or %NULL or "" when
 *   not pinned
 * @error: return location for a #GError, or %NULL
 *
 * Refuses (TITRATE_ERROR_RULES, both digests in the message) when @expected
 * (hex, any case; NULL or "" = not pinned) differs.
 *
 * Returns: %TRUE if it matches or is not pinned; %FALSE with @error set
 */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_check_digest    (TitrateRules *self,
                                             const char   *expected,
                                             GError      **error);

/**
 * titrate_rules_get_review_by:
 * @self: a #TitrateRules
 *
 * meta.review_by (ISO date) or NULL; overdue = @today (NULL: now) after it.
 *
 * Returns: (transfer none) (nullable): the date, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const char   *titrate_rules_get_review_by   (TitrateRules *self);

/**
 * titrate_rules_review_overdue:
 * @self: a #TitrateRules
 * @today: (nullable): today, or %NULL for now
 *
 * Whether the database's review date (meta.review_by) has passed on @today.
 *
 * Returns: %TRUE if overdue
 */
TITRATE_AVAILABLE_IN_ALL
gboolean      titrate_rules_review_overdue  (TitrateRules *self,
                                             GDate        *today);

/**
 * titrate_rules_get_counts:
 * @self: a #TitrateRules
 *
 * Row counts per table, for `titrate-cli rules`. (transfer none) name →
 * count
 *
 * Returns: (transfer none) (element-type utf8 guint): table name → row count
 */
TITRATE_AVAILABLE_IN_ALL
GHashTable   *titrate_rules_get_counts      (TitrateRules *self);

G_END_DECLS
