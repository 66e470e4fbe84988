/* titrate-rules.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "titrate-drug-names.h"
#include "titrate-error.h"
#include "titrate-pump.h"
#include "titrate-resources.h"
#include "titrate-rules-private.h"
#define TITRATE_RULES_TEXTS_TABLE
#include "../tools/titrate-rules-texts.h"
#include "titrate-selftest.h"

#define EMBEDDED_PATH "/io/github/titrate/Titrate/rules/rules.sqlite"

struct _TitrateRules
{
  GObject      parent_instance;

  /* construction */
  char        *path;
  GBytes      *bytes;
  char        *origin;

  GStringChunk *strings;
  GHashTable  *originals;        /* translated text (its own copy) → its English; NULL if none differ */
  int          schema_version;
  const char  *content_version;
  const char  *content_date;
  const char  *title;
  const char  *default_medicine;
  const char  *review_by;        /* ISO date or NULL */
  char        *digest;           /* SHA-256 of the database image, hex */
  gboolean     embedded;
  gint64       deadline;         /* monotonic µs: queries stop after it */

  GArray      *rules;            /* TitrateRuleText */
  GHashTable  *rules_by_code;    /* code → TitrateRuleText* */
  GPtrArray   *drugs;            /* TitrateDrug* (owned) */
  GHashTable  *drugs_by_code;    /* code → TitrateDrug* */
  GHashTable  *drug_classes;     /* TitrateDrug* → const char ** (NULL-terminated) */
  GPtrArray   *drug_names;       /* TitrateDrugName* (owned), sorted by name */
  GHashTable  *names_by_key;     /* casefolded name → TitrateDrugName* */
  TitrateDrugNames *names;       /* normaliser: salt/form words, combinations */
  GPtrArray   *medicines;        /* medicine codes (string chunk) */
  GArray      *conditions;       /* TitrateVocabItem */
  GArray      *indications;      /* TitrateVocabItem + route in parallel array */
  GArray      *indication_routes;/* TitrateRoute */
  GArray      *formulations;     /* TitrateFormulation */
  GArray      *strengths;        /* TitrateStrength */
  GArray      *sources;          /* TitrateSource */
  GArray      *counselling;      /* TitrateCounselling */
  TitrateRuleTables tables;
  GHashTable  *counts;           /* table name → GINT_TO_POINTER (rows) */
};

static void titrate_rules_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TitrateRules, titrate_rules, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      titrate_rules_initable_iface_init))

const char * const _titrate_required_rules[] = {
  "dose.oral.spasticity.label_max", "dose.oral.spasticity.upper_bound",
  "dose.oral.aud.us_max", "dose.oral.aud.label_max",
  "dose.oral.pediatric.under8", "dose.oral.pediatric.from8", "dose.oral.pediatric.mg_per_kg",
  "dose.it.soft_max", "dose.unmeasurable", "dose.it.bolus_not_screening",
  "dose.it.bolus_above_100", "dose.it.bolus_concentration",
  "titration.oral.start_high", "titration.oral.step_large", "titration.oral.step_fast",
  "titration.it.increase_spinal", "titration.it.increase_cerebral",
  "withdrawal.oral.abrupt_stop", "withdrawal.oral.short_taper", "withdrawal.it.stop",
  "withdrawal.it.decrease_large",
  "interaction.alcohol", "interaction.opioid", "interaction.benzodiazepine",
  "duplication.muscle_relaxant",
  "renal.mild", "renal.moderate", "renal.severe", "renal.esrd", "renal.dialysis",
  "hepatic.impairment",
  "elderly.beers_egfr60", "elderly.muanda_start20", "elderly.cautious_titration",
  "pediatric.us_under12", "pediatric.tablet_under33kg", "pediatric.it_under4",
  "pregnancy.oral", "pregnancy.it", "lactation.oral", "lactation.it",
  "condition.epilepsy", "condition.psychotic_disorder",
  "route.formulation_mismatch", "route.it_concentration", "route.oral_liquid",
  "input.unknown_comedication", "input.unknown_condition", "input.renal_not_assessed",
  "input.age_missing", "input.weight_missing_child", "input.it_origin_missing", "input.it_screening_missing", "input.unknown_field", "input.weight_implausible",
  "input.unknown_indication",
  "input.unknown_allergy", "input.regimen_no_doses", "input.sex_pregnancy_mismatch",
  "input.liquid_concentration_missing", "input.strength_not_marketed",
  NULL
};

static const char * const required_tables[] = {
  "meta", "source", "rule", "indication", "condition", "formulation", "strength",
  "dose_limit", "titration_limit", "protocol", "protocol_adjustment", "renal_band",
  "it_screening", "it_adjustment", "taper_rule", "drug_class", "drug", "drug_name",
  "interaction", "condition_caution", "counselling",
  NULL
};

/* Helpers */

static gboolean
fail (GError    **error,
      const char *origin,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      const char *origin,
      const char *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
               _("Rules database (%s) cannot be used: %s"), origin, msg);
  return FALSE;
}

/* SQLite's reason for the last failure on @db, translated when it is
 * SQLite's own text for its result code (a damaged, unreadable or locked
 * file: what an operator sees on the blocking page); a message naming a
 * table or column is kept as SQLite wrote it. */
const char *
_titrate_sqlite_errmsg (sqlite3 *db)
{
  const char *msg = sqlite3_errmsg (db);
  int code = sqlite3_errcode (db) & 0xff;

  if (g_strcmp0 (msg, sqlite3_errstr (code)) != 0)
    return msg;
  switch (code)
    {
    case SQLITE_CORRUPT:
      return _("database disk image is malformed");
    case SQLITE_NOTADB:
      return _("file is not a database");
    case SQLITE_CANTOPEN:
      return _("unable to open database file");
    case SQLITE_IOERR:
      return _("disk I/O error");
    case SQLITE_NOMEM:
      return _("out of memory");
    case SQLITE_READONLY:
      return _("attempt to write a readonly database");
    case SQLITE_BUSY:
      return _("database is locked");
    case SQLITE_LOCKED:
      return _("database table is locked");
    case SQLITE_INTERRUPT:
      return _("interrupted");
    case SQLITE_PERM:
      return _("access permission denied");
    case SQLITE_FULL:
      return _("database or disk is full");
    case SQLITE_TOOBIG:
      return _("string or blob too big");
    case SQLITE_AUTH:
      return _("authorization denied");
    case SQLITE_SCHEMA:
      return _("database schema has changed");
    default:
      return msg;
    }
}

const char *
_titrate_rules_col_str (TitrateRules *self,
                        sqlite3_stmt *stmt,
                        int           col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  if (text == NULL)
    return NULL;
  return g_string_chunk_insert_const (self->strings, (const char *) text);
}

/* A user-visible text: translated once, here, through the catalogue built
 * from data/rules/rules-strings.c (generated from the SQL sources), with the
 * context "TABLE KEY COLUMN" that names the row (titrate-rules-texts.h): an
 * edited English text is then flagged for re-translation (fuzzy, not shown)
 * instead of losing its translation. @key_col is the row's key in @stmt. */
const char *
_titrate_rules_col_tr (TitrateRules       *self,
                       sqlite3_stmt       *stmt,
                       int                 col,
                       TitrateRulesTextId  id,
                       int                 key_col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  const TitrateRulesTextColumn *c;
  g_autofree char *context = NULL;
  const char *translated;
  const char *shown;

  g_return_val_if_fail (id >= 0 && id < TITRATE_RULES_TEXT_N, NULL);

  if (text == NULL || *text == '\0')
    return _titrate_rules_col_str (self, stmt, col);
  c = &titrate_rules_text_columns[id];
  context = g_strdup_printf ("%s %s %s", c->table, (const char *) sqlite3_column_text (stmt, key_col), c->column);
  translated = g_dpgettext2 (GETTEXT_PACKAGE, context, text);
  if (strcmp (translated, text) == 0)
    return g_string_chunk_insert_const (self->strings, text);
  /* A translated text gets its own copy, the key of its English original
   * for the untranslated triggers that match acknowledgements
   * (_titrate_rules_trigger_text()): two rows may share a translation, not
   * their English. */
  shown = g_string_chunk_insert (self->strings, translated);
  if (self->originals == NULL)
    self->originals = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (self->originals, (gpointer) shown, g_string_chunk_insert_const (self->strings, text));
  return shown;
}

gboolean
_titrate_rules_texts_translated (TitrateRules *self)
{
  return self->originals != NULL;
}

/* Set while this thread computes the untranslated triggers (titrate_check()). */
static _Thread_local gboolean untranslated_triggers;

void
_titrate_rules_set_untranslated_triggers (gboolean untranslated)
{
  untranslated_triggers = untranslated;
}

gboolean
_titrate_rules_get_untranslated_triggers (void)
{
  return untranslated_triggers;
}

/* A rules text put into an alert's trigger: as read (translated), or, while
 * this thread computes the untranslated triggers, the database's own English
 * text, so the untranslated trigger is the same in every interface language. */
const char *
_titrate_rules_trigger_text (TitrateRules *self,
                             const char   *text)
{
  const char *original;

  if (!untranslated_triggers || text == NULL || self == NULL || self->originals == NULL)
    return text;
  original = g_hash_table_lookup (self->originals, text);
  return original != NULL ? original : text;
}

double
_titrate_rules_col_num (sqlite3_stmt *stmt,
                        int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, col);
}

static int
col_route (sqlite3_stmt *stmt,
           int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  TitrateRoute route;

  if (text == NULL || !titrate_route_from_string (text, &route))
    return -1;
  return (int) route;
}

typedef gboolean (*RowFunc) (TitrateRules *self,
                             sqlite3_stmt *stmt,
                             GError      **error);

static gboolean
for_each_row (TitrateRules *self,
              sqlite3      *db,
              const char   *sql,
              RowFunc       func,
              GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (error, self->origin, _("%s (in “%s”)"), _titrate_sqlite_errmsg (db), sql);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (self, stmt, error))
      {
        sqlite3_finalize (stmt);
        return FALSE;
      }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return fail (error, self->origin, _("%s"), _titrate_sqlite_errmsg (db));
  return TRUE;
}

static const TitrateRuleText *
need_rule (TitrateRules *self,
           const char   *code,
           const char   *table,
           GError      **error)
{
  const TitrateRuleText *rule = NULL;

  if (code != NULL)
    rule = g_hash_table_lookup (self->rules_by_code, code);
  if (rule == NULL)
    fail (error, self->origin, _("table %s refers to unknown rule “%s”"), table, code ? code : "(null)");
  return rule;
}

static char *
name_key (const char *name)
{
  return _titrate_drug_names_key (name);
}

/* YYYY-MM-DD, a real calendar date */
static gboolean
is_iso_date (const char *text)
{
  unsigned y, m, d;
  char tail;

  return text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
         sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Row readers */

static gboolean
read_meta (TitrateRules *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  const char *key = _titrate_rules_col_str (self, stmt, 0);
  const char *value = _titrate_rules_col_str (self, stmt, 1);

  if (g_strcmp0 (key, "content_version") == 0)
    self->content_version = value;
  else if (g_strcmp0 (key, "content_date") == 0)
    self->content_date = value;
  else if (g_strcmp0 (key, "title") == 0)
    self->title = value;
  else if (g_strcmp0 (key, "drug") == 0)
    self->default_medicine = value;
  else if (g_strcmp0 (key, "review_by") == 0)
    {
      if (!is_iso_date (value))
        return fail (error, self->origin, _("meta.review_by is not a date (YYYY-MM-DD)"));
      self->review_by = value;
    }
  else if (g_strcmp0 (key, "schema_version") == 0 &&
           g_ascii_strtoll (value, NULL, 10) != TITRATE_RULES_SCHEMA_VERSION)
    return fail (error, self->origin, _("meta.schema_version is %s, this Titrate needs %d"),
                 value, TITRATE_RULES_SCHEMA_VERSION);
  return TRUE;
}

static gboolean
read_source (TitrateRules *self,
             sqlite3_stmt *stmt,
             GError      **error)
{
  TitrateSource s = { _titrate_rules_col_str (self, stmt, 0), _titrate_rules_col_str (self, stmt, 1), _titrate_rules_col_str (self, stmt, 2),
                      sqlite3_column_int (stmt, 3) != 0 };

  g_array_append_val (self->sources, s);
  return TRUE;
}

static gboolean
read_rule (TitrateRules *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  TitrateRuleText r = { 0 };

  r.code = _titrate_rules_col_str (self, stmt, 0);
  if (!titrate_category_from_string ((const char *) sqlite3_column_text (stmt, 1), &r.category))
    return fail (error, self->origin, _("rule %s has an unknown category"), r.code);
  if (!titrate_severity_from_string ((const char *) sqlite3_column_text (stmt, 2), &r.severity))
    return fail (error, self->origin, _("rule %s has an unknown severity"), r.code);
  r.title = _titrate_rules_col_tr (self, stmt, 3, TITRATE_RULES_TEXT_RULE_TITLE, 0);
  r.reason = _titrate_rules_col_tr (self, stmt, 4, TITRATE_RULES_TEXT_RULE_REASON, 0);
  r.action = _titrate_rules_col_tr (self, stmt, 5, TITRATE_RULES_TEXT_RULE_ACTION, 0);
  r.source = _titrate_rules_col_str (self, stmt, 6);
  r.evidence = _titrate_rules_col_str (self, stmt, 7);
  r.reviewed = _titrate_rules_col_str (self, stmt, 8);
  if (!is_iso_date (r.reviewed))
    return fail (error, self->origin, _("rule %s has no review date (YYYY-MM-DD)"), r.code);
  if (r.title == NULL || r.reason == NULL || r.action == NULL || r.source == NULL || r.evidence == NULL)
    return fail (error, self->origin, _("rule %s lacks title, reason, action, source or evidence"), r.code);
  g_array_append_val (self->rules, r);
  return TRUE;
}

static gboolean
read_condition (TitrateRules *self,
                sqlite3_stmt *stmt,
                GError      **error)
{
  TitrateVocabItem item = { _titrate_rules_col_str (self, stmt, 0), _titrate_rules_col_tr (self, stmt, 1, TITRATE_RULES_TEXT_CONDITION_LABEL, 0) };

  g_array_append_val (self->conditions, item);
  return TRUE;
}

static gboolean
read_indication (TitrateRules *self,
                 sqlite3_stmt *stmt,
                 GError      **error)
{
  TitrateVocabItem item = { _titrate_rules_col_str (self, stmt, 0),
                            _titrate_rules_col_tr (self, stmt, 2, TITRATE_RULES_TEXT_INDICATION_LABEL, 0) };
  TitrateRoute route = col_route (stmt, 1);

  g_array_append_val (self->indications, item);
  g_array_append_val (self->indication_routes, route);
  return TRUE;
}

static gboolean
read_formulation (TitrateRules *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  TitrateFormulation f = {
    _titrate_rules_col_str (self, stmt, 0), col_route (stmt, 1),
    _titrate_rules_col_tr (self, stmt, 2, TITRATE_RULES_TEXT_FORMULATION_LABEL, 0),
    _titrate_rules_col_str (self, stmt, 3), _titrate_rules_col_str (self, stmt, 4),
  };

  /* Closed vocabularies become enums here, once; nothing compares the codes later. */
  if (!titrate_formulation_unit_from_string (f.unit, &f.unit_type))
    return fail (error, self->origin, _("formulation “%s” has an unknown unit"), f.code);
  if (!titrate_divisibility_from_string (f.divisible, &f.divisibility))
    return fail (error, self->origin, _("formulation “%s” has an unknown divisibility"), f.code);
  g_array_append_val (self->formulations, f);
  return TRUE;
}

static gboolean
read_strength (TitrateRules *self,
               sqlite3_stmt *stmt,
               GError      **error)
{
  TitrateStrength s = {
    _titrate_rules_col_str (self, stmt, 0), _titrate_rules_col_num (stmt, 1), sqlite3_column_int (stmt, 2) != 0,
    _titrate_rules_col_str (self, stmt, 3),
  };

  g_array_append_val (self->strengths, s);
  return TRUE;
}

static gboolean
read_dose_limit (TitrateRules *self,
                 sqlite3_stmt *stmt,
                 GError      **error)
{
  TitrateDoseLimitRow row = { 0 };

  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 1), "dose_limit", error)))
    return FALSE;
  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  row.route = col_route (stmt, 2);
  row.indication = _titrate_rules_col_str (self, stmt, 3);
  row.age_min_years = _titrate_rules_col_num (stmt, 4);
  row.age_max_years = _titrate_rules_col_num (stmt, 5);
  row.max_daily_mg = _titrate_rules_col_num (stmt, 6);
  row.max_mg_per_kg_day = _titrate_rules_col_num (stmt, 7);
  row.max_daily_mcg = _titrate_rules_col_num (stmt, 8);
  row.kind = _titrate_rules_col_str (self, stmt, 9);
  if (g_strcmp0 (row.kind, "label_max") == 0)
    row.limit_kind = TITRATE_DOSE_LIMIT_LABEL_MAX;
  else if (g_strcmp0 (row.kind, "upper_bound") == 0)
    row.limit_kind = TITRATE_DOSE_LIMIT_UPPER_BOUND;
  else if (g_strcmp0 (row.kind, "soft") == 0)
    row.limit_kind = TITRATE_DOSE_LIMIT_SOFT;
  else if (g_strcmp0 (row.kind, "regional") == 0)
    row.limit_kind = TITRATE_DOSE_LIMIT_REGIONAL;
  else
    return fail (error, self->origin, _("dose_limit %s has an unknown kind"), row.rule->code);
  g_array_append_val (self->tables.dose_limits, row);
  return TRUE;
}

static gboolean
read_titration_limit (TitrateRules *self,
                      sqlite3_stmt *stmt,
                      GError      **error)
{
  TitrateTitrationLimitRow row = { 0 };
  const char *kind = (const char *) sqlite3_column_text (stmt, 5);

  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 1), "titration_limit", error)))
    return FALSE;
  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  row.indication = _titrate_rules_col_str (self, stmt, 2);
  row.age_min_years = _titrate_rules_col_num (stmt, 3);
  row.age_max_years = _titrate_rules_col_num (stmt, 4);
  if (g_strcmp0 (kind, "start_daily_mg") == 0)
    row.kind = TITRATE_TITRATION_START_DAILY_MG;
  else if (g_strcmp0 (kind, "step_daily_mg") == 0)
    row.kind = TITRATE_TITRATION_STEP_DAILY_MG;
  else if (g_strcmp0 (kind, "step_dose_mg") == 0)
    row.kind = TITRATE_TITRATION_STEP_DOSE_MG;
  else if (g_strcmp0 (kind, "start_mg_per_kg_day") == 0)
    row.kind = TITRATE_TITRATION_START_MG_PER_KG_DAY;
  else
    row.kind = TITRATE_TITRATION_INTERVAL_DAYS;
  row.value = _titrate_rules_col_num (stmt, 6);
  row.source = _titrate_rules_col_str (self, stmt, 7);
  g_array_append_val (self->tables.titration_limits, row);
  return TRUE;
}

static gboolean
read_protocol (TitrateRules *self,
               sqlite3_stmt *stmt,
               GError      **error)
{
  TitrateProtocolRow row = {
    .medicine = _titrate_rules_col_str (self, stmt, 0),
    .indication = _titrate_rules_col_str (self, stmt, 1),
    .age_min_years = _titrate_rules_col_num (stmt, 2),
    .age_max_years = _titrate_rules_col_num (stmt, 3),
    .doses_per_day = sqlite3_column_int (stmt, 4),
    .start_dose_mg = _titrate_rules_col_num (stmt, 5),
    .start_mg_per_kg_day = _titrate_rules_col_num (stmt, 6),
    .max_start_dose_mg = _titrate_rules_col_num (stmt, 7),
    .step_mg_per_dose = _titrate_rules_col_num (stmt, 8),
    .step_mg_per_kg_day = _titrate_rules_col_num (stmt, 9),
    .step_every_days = sqlite3_column_int (stmt, 10),
    .target_daily_mg = _titrate_rules_col_num (stmt, 11),
    .target_mg_per_kg_day = _titrate_rules_col_num (stmt, 12),
    .source = _titrate_rules_col_str (self, stmt, 13),
    .note = _titrate_rules_col_tr (self, stmt, 14, TITRATE_RULES_TEXT_PROTOCOL_NOTE, 15),
  };

  g_array_append_val (self->tables.protocols, row);
  return TRUE;
}

static gboolean
read_adjustment (TitrateRules *self,
                 sqlite3_stmt *stmt,
                 GError      **error)
{
  TitrateAdjustmentRow row = {
    _titrate_rules_col_str (self, stmt, 0), _titrate_rules_col_str (self, stmt, 1), _titrate_rules_col_num (stmt, 2), _titrate_rules_col_num (stmt, 3), sqlite3_column_int (stmt, 4),
    _titrate_rules_col_str (self, stmt, 5), _titrate_rules_col_tr (self, stmt, 6, TITRATE_RULES_TEXT_PROTOCOL_ADJUSTMENT_NOTE, 1),
  };

  g_array_append_val (self->tables.adjustments, row);
  return TRUE;
}

static gboolean
read_renal_band (TitrateRules *self,
                 sqlite3_stmt *stmt,
                 GError      **error)
{
  TitrateRenalBandRow row = { 0 };

  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 1), "renal_band", error)))
    return FALSE;
  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  row.population = _titrate_rules_col_str (self, stmt, 2);
  row.crcl_min = _titrate_rules_col_num (stmt, 3);
  row.crcl_max = _titrate_rules_col_num (stmt, 4);
  row.dose_factor = _titrate_rules_col_num (stmt, 5);
  row.avoid = sqlite3_column_int (stmt, 6) != 0;
  row.conflict_daily_mg = _titrate_rules_col_num (stmt, 7);
  row.conflict_source = _titrate_rules_col_str (self, stmt, 8);
  g_array_append_val (self->tables.renal_bands, row);
  return TRUE;
}

static gboolean
read_screening (TitrateRules *self,
                sqlite3_stmt *stmt,
                GError      **error)
{
  TitrateScreeningRow row = {
    _titrate_rules_col_str (self, stmt, 0), sqlite3_column_int (stmt, 1), _titrate_rules_col_num (stmt, 2), _titrate_rules_col_num (stmt, 3), _titrate_rules_col_str (self, stmt, 4),
  };

  g_array_append_val (self->tables.screening, row);
  return TRUE;
}

static gboolean
read_it_adjustment (TitrateRules *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  TitrateItAdjustmentRow row = { 0 };

  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 1), "it_adjustment", error)))
    return FALSE;
  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  if (!titrate_origin_from_string ((const char *) sqlite3_column_text (stmt, 2), &row.origin))
    return fail (error, self->origin, _("it_adjustment has an unknown origin"));
  row.post_implant = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "post_implant") == 0;
  row.max_increase_pct = _titrate_rules_col_num (stmt, 4);
  row.max_decrease_pct = _titrate_rules_col_num (stmt, 5);
  row.min_interval_days = sqlite3_column_int (stmt, 6);
  g_array_append_val (self->tables.it_adjustments, row);
  return TRUE;
}

static gboolean
read_taper (TitrateRules *self,
            sqlite3_stmt *stmt,
            GError      **error)
{
  TitrateTaperRow row = { 0 };

  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 1), "taper_rule", error)))
    return FALSE;
  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  row.route = col_route (stmt, 2);
  row.indication = _titrate_rules_col_str (self, stmt, 3);
  row.min_taper_days = sqlite3_column_int (stmt, 4);
  row.max_step_down_daily_mg = _titrate_rules_col_num (stmt, 5);
  row.source = _titrate_rules_col_str (self, stmt, 6);
  row.min_step_interval_days = sqlite3_column_int (stmt, 7);
  row.above_daily_mg = _titrate_rules_col_num (stmt, 8);
  g_array_append_val (self->tables.tapers, row);
  return TRUE;
}

static gboolean
read_drug_class (TitrateRules *self,
                 sqlite3_stmt *stmt,
                 GError      **error)
{
  /* class labels are attached to drugs below */
  return TRUE;
}

static gboolean
read_drug (TitrateRules *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  TitrateDrug *drug = g_new0 (TitrateDrug, 1);

  drug->code = _titrate_rules_col_str (self, stmt, 0);
  drug->class_code = _titrate_rules_col_str (self, stmt, 1);
  drug->class_label = _titrate_rules_col_tr (self, stmt, 2, TITRATE_RULES_TEXT_DRUG_CLASS_LABEL, 1);
  g_ptr_array_add (self->drugs, drug);
  g_hash_table_insert (self->drugs_by_code, (gpointer) drug->code, drug);
  return TRUE;
}

static gboolean
read_drug_name (TitrateRules *self,
                sqlite3_stmt *stmt,
                GError      **error)
{
  TitrateDrugName *name = g_new0 (TitrateDrugName, 1);
  const char *drug_code = (const char *) sqlite3_column_text (stmt, 1);
  char *key;

  name->name = _titrate_rules_col_str (self, stmt, 0);
  name->kind = _titrate_rules_col_str (self, stmt, 2);
  name->drug = drug_code ? g_hash_table_lookup (self->drugs_by_code, drug_code) : NULL;
  g_ptr_array_add (self->drug_names, name);
  if (name->drug == NULL)
    return fail (error, self->origin, _("drug name “%s” refers to unknown drug"), name->name);
  if (g_strcmp0 (name->kind, "generic") == 0)
    name->name_kind = TITRATE_DRUG_NAME_GENERIC;
  else if (g_strcmp0 (name->kind, "brand") == 0)
    name->name_kind = TITRATE_DRUG_NAME_BRAND;
  else if (g_strcmp0 (name->kind, "synonym") == 0)
    name->name_kind = TITRATE_DRUG_NAME_SYNONYM;
  else
    return fail (error, self->origin, _("drug name “%s” has an unknown kind"), name->name);
  key = name_key (name->name);
  if (key == NULL)
    return fail (error, self->origin, _("drug name is not valid UTF-8"));
  g_hash_table_replace (self->names_by_key, key, name);
  return TRUE;
}

static gboolean
read_extra_class (TitrateRules *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  TitrateDrug *drug = g_hash_table_lookup (self->drugs_by_code, sqlite3_column_text (stmt, 0));
  const char **classes;
  guint n;

  if (drug == NULL)
    return fail (error, self->origin, _("drug_extra_class refers to unknown drug"));
  classes = g_hash_table_lookup (self->drug_classes, drug);
  n = classes ? g_strv_length ((char **) classes) : 1;
  if (classes == NULL)
    {
      classes = g_new0 (const char *, 3);
      classes[0] = drug->class_code;
    }
  else
    classes = g_renew (const char *, classes, n + 2);
  classes[n] = _titrate_rules_col_str (self, stmt, 1);
  classes[n + 1] = NULL;
  g_hash_table_steal (self->drug_classes, drug);
  g_hash_table_insert (self->drug_classes, drug, classes);
  return TRUE;
}

static gboolean
read_interaction (TitrateRules *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  TitrateInteractionRow row = { 0 };

  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 0), "interaction", error)))
    return FALSE;
  row.class_code = _titrate_rules_col_str (self, stmt, 1);
  row.route = col_route (stmt, 2);
  row.medicine = _titrate_rules_col_str (self, stmt, 3);
  row.cns_depression = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "cns_depression") == 0;
  g_array_append_val (self->tables.interactions, row);
  return TRUE;
}

static gboolean
read_condition_row (TitrateRules *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  TitrateConditionRow row = { 0 };

  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 0), "condition_caution", error)))
    return FALSE;
  row.condition = _titrate_rules_col_str (self, stmt, 1);
  row.route = col_route (stmt, 2);
  row.indication = _titrate_rules_col_str (self, stmt, 3);
  row.medicine = _titrate_rules_col_str (self, stmt, 4);
  g_array_append_val (self->tables.condition_rows, row);
  return TRUE;
}

/* Comedication vocabulary (12-comedications.sql) */

static gboolean
read_name_word (TitrateRules *self,
                sqlite3_stmt *stmt,
                GError      **error)
{
  const char *word = (const char *) sqlite3_column_text (stmt, 0);
  const char *kind = (const char *) sqlite3_column_text (stmt, 1);
  TitrateNameWordKind k;

  if (g_strcmp0 (kind, "salt") == 0)
    k = TITRATE_NAME_WORD_SALT;
  else if (g_strcmp0 (kind, "form") == 0)
    k = TITRATE_NAME_WORD_FORM;
  else if (g_strcmp0 (kind, "unit") == 0)
    k = TITRATE_NAME_WORD_UNIT;
  else if (g_strcmp0 (kind, "separator") == 0)
    k = TITRATE_NAME_WORD_SEPARATOR;
  else if (g_strcmp0 (kind, "no_allergy") == 0)
    k = TITRATE_NAME_WORD_NO_ALLERGY;
  else if (g_strcmp0 (kind, "reason") == 0)
    k = TITRATE_NAME_WORD_REASON;
  else
    return fail (error, self->origin, _("name_word “%s” has an unknown kind"), word ? word : "(null)");
  if (!_titrate_drug_names_add_word (self->names, word, k))
    return fail (error, self->origin, _("name_word “%s” is not a single word"), word ? word : "(null)");
  return TRUE;
}

static gboolean
read_combination (TitrateRules *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  const char *name = (const char *) sqlite3_column_text (stmt, 0);
  const char *ingredient = (const char *) sqlite3_column_text (stmt, 1);
  g_autofree char *key = name_key (ingredient ? ingredient : "");
  const TitrateDrugName *generic = key ? g_hash_table_lookup (self->names_by_key, key) : NULL;

  /* The ingredient is shown by its generic name. */
  if (generic == NULL || strcmp (generic->drug->code, ingredient) != 0 ||
      !_titrate_drug_names_add_combination (self->names, name, generic))
    return fail (error, self->origin, _("combination “%s”: ingredient “%s” has no generic name"),
                 name ? name : "(null)", ingredient ? ingredient : "(null)");
  return TRUE;
}

static gboolean
read_cns_class (TitrateRules *self,
                sqlite3_stmt *stmt,
                GError      **error)
{
  TitrateCnsClassRow row = { 0 };
  const char *role = (const char *) sqlite3_column_text (stmt, 4);

  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  row.class_code = _titrate_rules_col_str (self, stmt, 1);
  row.depressant = sqlite3_column_int (stmt, 2) != 0;
  row.beers = sqlite3_column_int (stmt, 3) != 0;
  if (g_strcmp0 (role, "opioid") == 0)
    row.role = TITRATE_CNS_ROLE_OPIOID;
  else if (g_strcmp0 (role, "benzodiazepine") == 0)
    row.role = TITRATE_CNS_ROLE_BENZODIAZEPINE;
  else if (g_strcmp0 (role, "gabapentinoid") == 0)
    row.role = TITRATE_CNS_ROLE_GABAPENTINOID;
  else if (g_strcmp0 (role, "other") == 0)
    row.role = TITRATE_CNS_ROLE_OTHER;
  else
    return fail (error, self->origin, _("cns_class “%s” has an unknown role"), row.class_code);
  g_array_append_val (self->tables.cns_classes, row);
  return TRUE;
}

static gboolean
read_burden_rule (TitrateRules *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  TitrateBurdenRow row = { 0 };
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);

  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  row.priority = sqlite3_column_int (stmt, 1);
  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 2), "cns_burden_rule", error)))
    return FALSE;
  if (g_strcmp0 (kind, "opioid_combination") == 0)
    row.kind = TITRATE_BURDEN_OPIOID_COMBINATION;
  else if (g_strcmp0 (kind, "beers_count") == 0)
    row.kind = TITRATE_BURDEN_BEERS_COUNT;
  else if (g_strcmp0 (kind, "additive") == 0)
    row.kind = TITRATE_BURDEN_ADDITIVE;
  else
    return fail (error, self->origin, _("cns_burden_rule %s has an unknown kind"), row.rule->code);
  row.age_min_years = _titrate_rules_col_num (stmt, 4);
  row.min_drugs = sqlite3_column_int (stmt, 5);
  if (isnan (row.age_min_years) || row.min_drugs < 2)
    return fail (error, self->origin, _("cns_burden_rule %s has no usable threshold"), row.rule->code);
  g_array_append_val (self->tables.burden_rules, row);
  return TRUE;
}

static gboolean
read_medicine (TitrateRules *self,
               sqlite3_stmt *stmt,
               GError      **error)
{
  const char *code = _titrate_rules_col_str (self, stmt, 0);

  if (code == NULL)
    return fail (error, self->origin, _("medicine without a code"));
  g_ptr_array_add (self->medicines, (gpointer) code);
  return TRUE;
}

static gboolean
read_same_medicine (TitrateRules *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  TitrateSameMedicineRow row = { 0 };

  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  row.allergy = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "allergy") == 0;
  row.route = col_route (stmt, 2);
  if (!(row.rule = need_rule (self, (const char *) sqlite3_column_text (stmt, 3), "same_medicine_rule", error)))
    return FALSE;
  g_array_append_val (self->tables.same_medicine, row);
  return TRUE;
}

static gboolean
read_counselling (TitrateRules *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  TitrateCounselling c = {
    sqlite3_column_int (stmt, 0), _titrate_rules_col_tr (self, stmt, 1, TITRATE_RULES_TEXT_COUNSELLING_TOPIC, 0),
    _titrate_rules_col_str (self, stmt, 2), _titrate_rules_col_str (self, stmt, 3),
    _titrate_rules_col_tr (self, stmt, 4, TITRATE_RULES_TEXT_COUNSELLING_TEXT, 0), _titrate_rules_col_str (self, stmt, 5), _titrate_rules_col_str (self, stmt, 6),
    _titrate_rules_col_str (self, stmt, 7),
  };

  g_array_append_val (self->counselling, c);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const TitrateDrugName *na = *(TitrateDrugName **) a;
  const TitrateDrugName *nb = *(TitrateDrugName **) b;

  return g_ascii_strcasecmp (na->name, nb->name);
}

/* Validation */

static gboolean
single_int (sqlite3    *db,
            const char *sql,
            int        *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Runs @sql; each row it returns is a defect, reported with @format
 * (two %s: the row's first two columns). */
static gboolean
refuse_rows (TitrateRules *self,
             sqlite3      *db,
             const char   *sql,
             const char   *format,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (error, self->origin, _("%s (in “%s”)"), _titrate_sqlite_errmsg (db), sql);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *a = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *b = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_autofree char *msg = NULL;

      sqlite3_finalize (stmt);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      msg = g_strdup_printf (format, a ? a : "NULL", b ? b : "NULL");
#pragma GCC diagnostic pop
      return fail (error, self->origin, "%s", msg);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return fail (error, self->origin, _("%s"), _titrate_sqlite_errmsg (db));
  return TRUE;
}

/* PRAGMA integrity_check for any database file (not quick_check: it also
 * compares every index with its table, so a damaged index cannot hide a row
 * from a query). The embedded image, part of the executable and checked in
 * full by the build, gets quick_check: it costs a third at every start. */
static gboolean
integrity (TitrateRules *self,
           sqlite3      *db,
           const char   *schema,
           const char   *pragma,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA \"%s\".%s", schema, pragma);
  sqlite3_stmt *stmt = NULL;
  const char *text;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (error, self->origin, _("%s"), _titrate_sqlite_errmsg (db));
  rc = sqlite3_step (stmt);
  text = (const char *) sqlite3_column_text (stmt, 0);
  if (rc != SQLITE_ROW || g_strcmp0 (text, "ok") != 0)
    {
      g_autofree char *msg = g_strdup (text ? text : _titrate_sqlite_errmsg (db));
      sqlite3_finalize (stmt);
      return fail (error, self->origin, _("integrity check failed: %s"), msg);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
check_structure (TitrateRules *self,
                 sqlite3      *db,
                 GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return fail (error, self->origin, _("%s"), _titrate_sqlite_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return fail (error, self->origin, _("table %s refers to a missing row"), table);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return fail (error, self->origin, _("%s"), _titrate_sqlite_errmsg (db));

  for (guint i = 0; required_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", required_tables[i]);
      int count = 0;

      if (!single_int (db, sql, &count))
        return fail (error, self->origin, _("table %s is missing (%s)"),
                     required_tables[i], _titrate_sqlite_errmsg (db));
      if (count == 0)
        return fail (error, self->origin, _("table %s is empty"), required_tables[i]);
      g_hash_table_insert (self->counts, (gpointer) required_tables[i], GINT_TO_POINTER (count));
    }
  return TRUE;
}

/* Semantic validation: every value a prescriber can choose can still raise
 * what it should, and every code in a row is a known code. Each query
 * returns the defects; the message names the first. */
static const struct {
  const char *sql;
  const char *message;
} semantic_checks[] = {
  { "SELECT 'dose_limit', indication FROM dose_limit d WHERE indication IS NOT NULL AND NOT EXISTS "
    "  (SELECT 1 FROM indication i WHERE i.code = d.indication AND i.route = d.route) "
    "UNION ALL SELECT 'titration_limit', indication FROM titration_limit t WHERE NOT EXISTS "
    "  (SELECT 1 FROM indication i WHERE i.code = t.indication AND i.route = 'oral') "
    "UNION ALL SELECT 'protocol', indication FROM protocol p WHERE NOT EXISTS "
    "  (SELECT 1 FROM indication i WHERE i.code = p.indication AND i.route = 'oral') "
    "UNION ALL SELECT 'taper_rule', indication FROM taper_rule t WHERE indication IS NOT NULL AND NOT EXISTS "
    "  (SELECT 1 FROM indication i WHERE i.code = t.indication AND i.route = t.route) "
    "UNION ALL SELECT 'condition_caution', indication FROM condition_caution c WHERE indication IS NOT NULL "
    "  AND NOT EXISTS (SELECT 1 FROM indication i WHERE i.code = c.indication "
    "                  AND (c.route IS NULL OR i.route = c.route))",
    N_("table %s names unknown indication “%s”") },
  { "SELECT code, route FROM indication i WHERE NOT EXISTS (SELECT 1 FROM dose_limit d "
    "  WHERE d.route = i.route AND (d.indication = i.code OR d.indication IS NULL) AND d.age_max_years >= 200)",
    N_("indication “%s” (%s) has no adult dose limit") },
  { "SELECT i.code, k.kind FROM indication i, (SELECT 'start_daily_mg' AS kind UNION ALL SELECT 'step_daily_mg' "
    "  UNION ALL SELECT 'interval_days') k WHERE i.route = 'oral' AND NOT EXISTS "
    "  (SELECT 1 FROM titration_limit t WHERE t.indication = i.code AND t.kind = k.kind)",
    N_("oral indication “%s” has no titration limit of kind %s") },
  { "SELECT code, route FROM indication i WHERE NOT EXISTS (SELECT 1 FROM taper_rule t "
    "  WHERE t.route = i.route AND (t.indication IS NULL OR t.indication = i.code))",
    N_("indication “%s” (%s) has no taper rule") },
  { "SELECT code, route FROM formulation f WHERE NOT EXISTS (SELECT 1 FROM strength s WHERE s.formulation = f.code)",
    N_("formulation “%s” (%s) has no strength") },
  /* (IN over a subquery: each set is built once, not per row) */
  { "SELECT code, label FROM drug_class WHERE code NOT IN "
    "  (SELECT class FROM drug WHERE code IN (SELECT drug FROM drug_name) "
    "   UNION SELECT class FROM drug_extra_class WHERE drug IN (SELECT drug FROM drug_name))",
    N_("drug class “%s” (%s) has no drug name a prescriber could type") },
  { "SELECT code, class FROM drug WHERE code NOT IN (SELECT drug FROM drug_name)",
    N_("drug “%s” (%s) has no name") },
  /* A class may rightly raise nothing (a name recognised so it is not
   * reported as unknown, with no interaction in the sources): which classes
   * must alert is the clinical self-test's to say, not a list here. */
  { "SELECT i.rule, r.category FROM interaction i JOIN rule r ON r.code = i.rule "
    "  WHERE r.category NOT IN ('interaction', 'duplication')",
    N_("interaction row for rule %s has category %s") },
  { "SELECT rule, crcl_min FROM renal_band a WHERE crcl_min > 0 AND NOT EXISTS "
    "  (SELECT 1 FROM renal_band b WHERE b.crcl_max = a.crcl_min) "
    "UNION ALL SELECT 'renal_band', 'no band from 0 mL/min' WHERE NOT EXISTS (SELECT 1 FROM renal_band WHERE crcl_min = 0)",
    N_("renal bands leave a gap below rule %s (%s)") },
  { "SELECT rule, 'dose_limit' FROM dose_limit WHERE age_min_years >= age_max_years "
    "UNION ALL SELECT rule, 'titration_limit' FROM titration_limit WHERE age_min_years >= age_max_years",
    N_("rule %s has an empty age range in %s") },
};

static gboolean
check_semantics (TitrateRules *self,
                 sqlite3      *db,
                 GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (semantic_checks); i++)
    if (!refuse_rows (self, db, semantic_checks[i].sql, _(semantic_checks[i].message), error))
      return FALSE;
  return TRUE;
}

static gboolean
check_sources (TitrateRules *self,
               GError      **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->sources->len; i++)
    {
      TitrateSource *s = &g_array_index (self->sources, TitrateSource, i);
      g_hash_table_insert (keys, (gpointer) s->key, s);
    }

  /* Every element of rule.source starts with a known source key. A rule
   * citing an institution's local source is a local rule, and says so. */
  for (guint i = 0; i < self->rules->len; i++)
    {
      TitrateRuleText *r = &g_array_index (self->rules, TitrateRuleText, i);
      g_auto(GStrv) parts = g_strsplit (r->source, ";", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          g_autofree char *part = g_strstrip (g_strdup (parts[p]));
          char *space = strpbrk (part, " ,(");
          const TitrateSource *source;

          if (space != NULL)
            *space = '\0';
          source = *part ? g_hash_table_lookup (keys, part) : NULL;
          if (source == NULL)
            return fail (error, self->origin, _("rule %s cites unknown source “%s”"), r->code, part);
          if (source->local)
            r->local = TRUE;
        }
      if (r->local)
        {
          /* TRANSLATORS: appended to an alert's source keys, e.g. "CHU2027 (local rule)" */
          g_autofree char *marked = g_strdup_printf (_("%s (local rule)"), r->source);
          r->source = g_string_chunk_insert_const (self->strings, marked);
        }
    }

  /* A condition the prescriber can pick must be able to raise something;
   * otherwise choosing it would look like "checked, nothing found". */
  for (guint i = 0; i < self->conditions->len; i++)
    {
      const char *code = g_array_index (self->conditions, TitrateVocabItem, i).code;
      gboolean covered = FALSE;

      for (guint k = 0; k < self->tables.condition_rows->len && !covered; k++)
        covered = strcmp (g_array_index (self->tables.condition_rows, TitrateConditionRow, k).condition, code) == 0;
      if (!covered)
        return fail (error, self->origin, _("condition “%s” has no caution row"), code);
    }

  for (guint i = 0; _titrate_required_rules[i] != NULL; i++)
    if (!g_hash_table_contains (self->rules_by_code, _titrate_required_rules[i]))
      return fail (error, self->origin, _("required rule %s is missing"), _titrate_required_rules[i]);

  /* Every route a prescriber can choose has indications and formulations. */
  for (TitrateRoute route = TITRATE_ROUTE_ORAL; route <= TITRATE_ROUTE_INTRATHECAL; route++)
    {
      g_autoptr(GPtrArray) indications = titrate_rules_list_indications (self, route);
      g_autoptr(GPtrArray) formulations = titrate_rules_list_formulations (self, route);

      if (indications->len == 0 || formulations->len == 0)
        return fail (error, self->origin, _("route %s has no indication or no formulation"),
                     titrate_route_to_string (route));
    }
  return TRUE;
}

static gboolean
load (TitrateRules *self,
      sqlite3      *db,
      GError      **error)
{
  static const struct {
    const char *sql;
    RowFunc     func;
  } readers[] = {
    { "SELECT key, value FROM meta", read_meta },
    { "SELECT key, citation, kind, local FROM source ORDER BY key", read_source },
    { "SELECT code, category, severity, title, reason, action, source, evidence, reviewed FROM rule ORDER BY code",
      read_rule },
    { "SELECT code, label FROM condition ORDER BY label", read_condition },
    { "SELECT code, route, label FROM indication ORDER BY rowid", read_indication },
    { "SELECT code, route, label, unit, divisible FROM formulation ORDER BY rowid", read_formulation },
    { "SELECT formulation, strength, scored, product FROM strength ORDER BY formulation, strength", read_strength },
    { "SELECT medicine, rule, route, indication, age_min_years, age_max_years, max_daily_mg, max_mg_per_kg_day, "
      "max_daily_mcg, kind FROM dose_limit", read_dose_limit },
    { "SELECT medicine, rule, indication, age_min_years, age_max_years, kind, value, source FROM titration_limit", read_titration_limit },
    { "SELECT medicine, indication, age_min_years, age_max_years, doses_per_day, start_dose_mg, start_mg_per_kg_day, "
      "max_start_dose_mg, step_mg_per_dose, step_mg_per_kg_day, step_every_days, target_daily_mg, "
      "target_mg_per_kg_day, source, note, id FROM protocol ORDER BY id", read_protocol },
    { "SELECT medicine, population, dose_factor, max_daily_mg, min_step_every_days, source, note FROM protocol_adjustment",
      read_adjustment },
    { "SELECT medicine, rule, population, crcl_min, crcl_max, dose_factor, avoid, conflict_daily_mg, conflict_source FROM renal_band ORDER BY crcl_min DESC", read_renal_band },
    { "SELECT medicine, seq, bolus_mcg, age_max_years, source FROM it_screening ORDER BY medicine, seq", read_screening },
    { "SELECT medicine, rule, origin, phase, max_increase_pct, max_decrease_pct, min_interval_days FROM it_adjustment", read_it_adjustment },
    { "SELECT medicine, rule, route, indication, min_taper_days, max_step_down_daily_mg, source, "
      "min_step_interval_days, above_daily_mg FROM taper_rule", read_taper },
    { "SELECT code, label FROM drug_class", read_drug_class },
    { "SELECT d.code, d.class, c.label FROM drug d JOIN drug_class c ON c.code = d.class ORDER BY d.code", read_drug },
    { "SELECT name, drug, kind FROM drug_name ORDER BY name", read_drug_name },
    { "SELECT drug, class FROM drug_extra_class ORDER BY drug, class", read_extra_class },
    { "SELECT rule, class, route, medicine, mechanism FROM interaction ORDER BY medicine, class, rule", read_interaction },
    { "SELECT rule, condition, route, indication, medicine FROM condition_caution ORDER BY medicine, condition, rule",
      read_condition_row },
    { "SELECT code FROM medicine ORDER BY code", read_medicine },
    { "SELECT word, kind FROM name_word ORDER BY word", read_name_word },
    { "SELECT name, ingredient FROM drug_combination ORDER BY rowid", read_combination },
    { "SELECT medicine, class, depressant, beers, role FROM cns_class ORDER BY medicine, class", read_cns_class },
    { "SELECT medicine, priority, rule, kind, age_min_years, min_drugs FROM cns_burden_rule "
      "ORDER BY medicine, priority", read_burden_rule },
    { "SELECT medicine, kind, route, rule FROM same_medicine_rule ORDER BY rowid", read_same_medicine },
    { "SELECT id, topic, route, population, text, source, medicine, section FROM counselling ORDER BY id", read_counselling },
  };

  /* The embedded image's semantics are checked by the build, which opens
   * the very same file by path (`titrate-cli selftest --rules`), so every
   * start need not pay for them again. */
  if (!check_structure (self, db, error) || (!self->embedded && !check_semantics (self, db, error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      if (!for_each_row (self, db, readers[i].sql, readers[i].func, error))
        return FALSE;
      if (readers[i].func == read_rule)
        for (guint r = 0; r < self->rules->len; r++)
          {
            TitrateRuleText *rule = &g_array_index (self->rules, TitrateRuleText, r);
            g_hash_table_insert (self->rules_by_code, (gpointer) rule->code, rule);
          }
    }

  if (self->content_version == NULL || self->content_date == NULL)
    return fail (error, self->origin, _("meta lacks content_version or content_date"));
  if (!_titrate_pump_rules_load (self, db, error))
    return FALSE;

  g_ptr_array_sort (self->drug_names, compare_names);

  /* Every medicine needs its comedication rows: without them its
   * duplication, allergy and CNS-burden checks would silently find nothing. */
  {
    GPtrArray *medicines = self->medicines;

    for (guint i = 0; i < medicines->len; i++)
      {
        const char *code = g_ptr_array_index (medicines, i);
        gboolean allergy = TRUE, duplication = TRUE, burden = FALSE, cns = FALSE;
        const TitrateRoute routes[] = { TITRATE_ROUTE_ORAL, TITRATE_ROUTE_INTRATHECAL };

        /* Allergy and duplication rows must cover every route: the checker
         * looks the row up by the regimen's route, and a route without one
         * would check nothing for it. */
        for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
          {
            gboolean has_allergy = FALSE, has_duplication = FALSE;

            for (guint k = 0; k < self->tables.same_medicine->len; k++)
              {
                const TitrateSameMedicineRow *row = &g_array_index (self->tables.same_medicine, TitrateSameMedicineRow, k);

                if (strcmp (row->medicine, code) != 0 || (row->route != -1 && row->route != (int) routes[r]))
                  continue;
                has_allergy |= row->allergy;
                has_duplication |= !row->allergy;
              }
            allergy &= has_allergy;
            duplication &= has_duplication;
          }
        for (guint k = 0; k < self->tables.burden_rules->len; k++)
          burden |= strcmp (g_array_index (self->tables.burden_rules, TitrateBurdenRow, k).medicine, code) == 0;
        for (guint k = 0; k < self->tables.cns_classes->len; k++)
          cns |= strcmp (g_array_index (self->tables.cns_classes, TitrateCnsClassRow, k).medicine, code) == 0;
        {
          guint n_burden = 0;
          g_autoptr(GHashTable) interaction_rules = g_hash_table_new (NULL, NULL);

          for (guint k = 0; k < self->tables.burden_rules->len; k++)
            n_burden += strcmp (g_array_index (self->tables.burden_rules, TitrateBurdenRow, k).medicine, code) == 0;
          for (guint k = 0; k < self->tables.interactions->len; k++)
            {
              const TitrateInteractionRow *row = &g_array_index (self->tables.interactions, TitrateInteractionRow, k);

              if (g_strcmp0 (row->medicine, code) == 0)
                g_hash_table_add (interaction_rules, (gpointer) row->rule);
            }
          if (n_burden > TITRATE_MAX_BURDEN_RULES ||
              g_hash_table_size (interaction_rules) > TITRATE_MAX_INTERACTION_RULES)
            return fail (error, self->origin, _("medicine “%s” has more interaction rules (%u, at most %d) or "
                                                "CNS-burden rules (%u, at most %d) than the checker can hold"),
                         code, g_hash_table_size (interaction_rules), TITRATE_MAX_INTERACTION_RULES,
                         n_burden, TITRATE_MAX_BURDEN_RULES);
        }
        if (!g_hash_table_contains (self->drugs_by_code, code) || !allergy || !duplication || !burden || !cns)
          return fail (error, self->origin, _("medicine “%s” lacks its comedication rows (drug, "
                                              "same_medicine_rule allergy and duplication for every route, cns_burden_rule, "
                                              "cns_class)"), code);
      }
  }

  /* A pairwise alert replaced by the CNS-burden alert must have its drugs
   * named there: its class must count as a CNS depressant. */
  for (guint i = 0; i < self->tables.interactions->len; i++)
    {
      const TitrateInteractionRow *row = &g_array_index (self->tables.interactions, TitrateInteractionRow, i);
      gboolean counted = FALSE;

      if (!row->cns_depression)
        continue;
      for (guint k = 0; k < self->tables.cns_classes->len && !counted; k++)
        {
          const TitrateCnsClassRow *cns = &g_array_index (self->tables.cns_classes, TitrateCnsClassRow, k);
          counted = cns->depressant && g_strcmp0 (cns->medicine, row->medicine) == 0 &&
                    strcmp (cns->class_code, row->class_code) == 0;
        }
      if (!counted)
        return fail (error, self->origin, _("interaction %s (class %s) is a CNS-depression row but its class "
                                            "is not a depressant in cns_class"), row->rule->code, row->class_code);
    }

  /* The burden alert is complete only if every part of it has its row: a
   * missing row would silently drop a check that still seems to run. */
  for (guint i = 0; i < self->medicines->len; i++)
    {
      const char *code = g_ptr_array_index (self->medicines, i);
      const TitrateDrug *med = g_hash_table_lookup (self->drugs_by_code, code);
      gboolean kinds[3] = { FALSE, FALSE, FALSE };
      gboolean own = FALSE, opioid = FALSE, partner = FALSE;
      static const char * const kind_names[] = { "opioid_combination", "beers_count", "additive" };

      for (guint k = 0; k < self->tables.burden_rules->len; k++)
        {
          const TitrateBurdenRow *row = &g_array_index (self->tables.burden_rules, TitrateBurdenRow, k);

          if (strcmp (row->medicine, code) != 0)
            continue;
          kinds[0] |= row->kind == TITRATE_BURDEN_OPIOID_COMBINATION;
          kinds[1] |= row->kind == TITRATE_BURDEN_BEERS_COUNT;
          kinds[2] |= row->kind == TITRATE_BURDEN_ADDITIVE;
        }
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (!kinds[k])
          return fail (error, self->origin, _("medicine “%s” lacks its %s row in cns_burden_rule"),
                       code, kind_names[k]);

      for (guint k = 0; k < self->tables.cns_classes->len; k++)
        {
          const TitrateCnsClassRow *cns = &g_array_index (self->tables.cns_classes, TitrateCnsClassRow, k);
          gboolean routes[2] = { FALSE, FALSE };

          if (strcmp (cns->medicine, code) != 0)
            continue;
          opioid |= cns->role == TITRATE_CNS_ROLE_OPIOID;
          partner |= cns->role == TITRATE_CNS_ROLE_BENZODIAZEPINE || cns->role == TITRATE_CNS_ROLE_GABAPENTINOID;
          if (med != NULL && strcmp (cns->class_code, med->class_code) == 0)
            {
              own = TRUE;
              continue;
            }
          if (!cns->depressant)
            continue;
          /* A CNS depressant the burden alert counts must raise its own
           * alert when the burden alert does not fire, on either route. */
          for (guint x = 0; x < self->tables.interactions->len; x++)
            {
              const TitrateInteractionRow *row = &g_array_index (self->tables.interactions, TitrateInteractionRow, x);

              if (g_strcmp0 (row->medicine, code) != 0 || strcmp (row->class_code, cns->class_code) != 0)
                continue;
              routes[0] |= row->route < 0 || row->route == TITRATE_ROUTE_ORAL;
              routes[1] |= row->route < 0 || row->route == TITRATE_ROUTE_INTRATHECAL;
            }
          if (!routes[0] || !routes[1])
            return fail (error, self->origin, _("cns_class %s of medicine “%s” has no interaction row for the %s route"),
                         cns->class_code, code, routes[0] ? "intrathecal" : "oral");
        }
      if (!own)
        return fail (error, self->origin, _("medicine “%s” lacks the cns_class row of its own class"), code);
      if (!opioid || !partner)
        return fail (error, self->origin, _("cns_class rows of medicine “%s” name no opioid, or no benzodiazepine "
                                            "or gabapentinoid, for the opioid-combination rule"), code);
    }

  {
    const char *combination = _titrate_drug_names_incomplete_combination (self->names);

    if (combination != NULL)
      return fail (error, self->origin, _("drug_combination “%s” lists fewer than two ingredients"), combination);
  }

  /* The comedication checks need their vocabulary: an empty table would
   * silently check nothing. */
  if (_titrate_drug_names_count_words (self->names) == 0 || self->tables.cns_classes->len == 0 ||
      self->tables.burden_rules->len == 0 || self->tables.same_medicine->len == 0)
    return fail (error, self->origin, _("the comedication tables (name_word, cns_class, cns_burden_rule, "
                                        "same_medicine_rule) are empty"));
  if (!_titrate_rules_load_clinical (self, &self->tables, db, error))
    return FALSE;

  /* Every drug gets its NULL-terminated class vector now, so lookups on the
   * check path never allocate or mutate. */
  for (guint i = 0; i < self->drugs->len; i++)
    {
      TitrateDrug *drug = g_ptr_array_index (self->drugs, i);

      if (!g_hash_table_contains (self->drug_classes, drug))
        {
          const char **classes = g_new0 (const char *, 2);
          classes[0] = drug->class_code;
          g_hash_table_insert (self->drug_classes, drug, classes);
        }
    }
  return check_sources (self, error);
}

/* Hard bounds on what opening a database may cost: a file larger than this
 * is refused unread, and every query stops when the time budget is spent (a
 * hostile file must not hang the app or the CLI). */
#define MAX_DATABASE_BYTES (64 * 1024 * 1024)
#define QUERY_BUDGET_USEC  (10 * G_USEC_PER_SEC)

static int
on_progress (void *data)
{
  TitrateRules *self = data;

  return g_get_monotonic_time () > self->deadline;
}

static gboolean
sql_fail (TitrateRules *self,
          sqlite3      *db,
          GError      **error)
{
  if (g_get_monotonic_time () > self->deadline)
    return fail (error, self->origin, _("reading it took too long (more than %d seconds)"),
                 (int) (QUERY_BUDGET_USEC / G_USEC_PER_SEC));
  return fail (error, self->origin, _("%s"), _titrate_sqlite_errmsg (db));
}

/* A connection that trusts nothing in the file: no triggers, no views, no
 * functions called from the schema, no writes to sqlite_schema, every query
 * bounded in time. */
static sqlite3 *
open_guarded (TitrateRules *self,
              GError      **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      fail (error, self->origin, _("%s"), db ? _titrate_sqlite_errmsg (db) : _("out of memory"));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
#ifdef SQLITE_DBCONFIG_ENABLE_VIEW
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
#endif
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_progress_handler (db, 1000, on_progress, self);
  return db;
}

/* Deserializes a private copy of @bytes as @schema, read-only. The copy's
 * header is set to rollback-journal mode: the image is read exactly as it
 * is, and no -wal or -journal file is ever looked for, let alone applied. */
static gboolean
attach_image (TitrateRules *self,
              sqlite3      *db,
              const char   *schema,
              GBytes       *bytes,
              GError      **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  unsigned char *copy;

  if (strcmp (schema, "main") != 0)
    {
      g_autofree char *sql = g_strdup_printf ("ATTACH ':memory:' AS \"%s\"", schema);

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return sql_fail (self, db, error);
    }
  copy = sqlite3_malloc64 (MAX (len, 1));
  if (copy == NULL)
    return fail (error, self->origin, _("out of memory"));
  if (len > 0)
    memcpy (copy, data, len);
  if (len >= 20 && (copy[18] == 2 || copy[19] == 2))
    copy[18] = copy[19] = 1;
  if (sqlite3_deserialize (db, schema, copy, len, len,
                           SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE) != SQLITE_OK)
    return sql_fail (self, db, error);
  return TRUE;
}

static gboolean
check_version (TitrateRules *self,
               sqlite3      *db,
               const char   *schema,
               GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA \"%s\".user_version", schema);
  int version = -1;

  /* The first read tells whether this is a database at all. */
  if (!single_int (db, sql, &version))
    return sql_fail (self, db, error);
  if (version == 0)
    return fail (error, self->origin,
                 _("not a Titrate rules database (it has no Titrate schema version: an empty file, or "
                   "another program's database)"));
  if (version != TITRATE_RULES_SCHEMA_VERSION)
    return fail (error, self->origin, _("schema version %d, this Titrate needs %d"),
                 version, TITRATE_RULES_SCHEMA_VERSION);
  return TRUE;
}

/* The reference schema is the embedded database's own: its CREATE
 * statements, in order, from sqlite_schema. */
static GBytes *
embedded_image (void)
{
  return g_resource_lookup_data (titrate_data_get_resource (), EMBEDDED_PATH,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static gboolean
create_reference_schema (TitrateRules *self,
                         sqlite3      *db,
                         GError      **error)
{
  g_autoptr(GBytes) reference = embedded_image ();
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *ref = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize len = 0;
  const guint8 *data;
  gboolean ok = FALSE;

  if (reference == NULL)
    return fail (error, self->origin, _("the embedded database is missing from the build"));
  data = g_bytes_get_data (reference, &len);
  if (sqlite3_open_v2 (":memory:", &ref, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_deserialize (ref, "main", (unsigned char *) data, len, len, SQLITE_DESERIALIZE_READONLY) == SQLITE_OK &&
      sqlite3_prepare_v2 (ref, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      ok = statements->len > 0;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (ref);
  if (!ok)
    return fail (error, self->origin, _("the embedded reference schema cannot be read"));

  for (guint i = 0; i < statements->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (statements, i), NULL, NULL, NULL) != SQLITE_OK)
      return sql_fail (self, db, error);
  return TRUE;
}

/* Only the objects the reference schema defines, each exactly as defined:
 * no view, trigger, extra index or table, no altered CHECK. */
static gboolean
compare_schema (TitrateRules *self,
                sqlite3      *db,
                GError      **error)
{
  return refuse_rows (self, db,
                      "SELECT type, name FROM cand.sqlite_schema c WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_schema m "
                      "  WHERE m.type = c.type AND m.name = c.name AND m.tbl_name = c.tbl_name AND m.sql IS c.sql)",
                      _("it holds an object the Titrate schema does not define, or defines differently: %s %s"),
                      error) &&
         refuse_rows (self, db,
                      "SELECT type, name FROM main.sqlite_schema m WHERE NOT EXISTS (SELECT 1 FROM cand.sqlite_schema c "
                      "  WHERE m.type = c.type AND m.name = c.name)",
                      _("%s %s of the Titrate schema is missing"),
                      error);
}

/* Copies every row of the candidate into the reference schema, where every
 * CHECK, NOT NULL, UNIQUE and type constraint is enforced again: a read-only
 * connection never enforces them, so an edited file could hold rows the
 * schema forbids (an empty source, an unknown severity). */
static gboolean
copy_checked (TitrateRules *self,
              sqlite3      *db,
              GError      **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
                              "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid", -1, &stmt, NULL) != SQLITE_OK)
    return sql_fail (self, db, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return sql_fail (self, db, error);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO main.\"%s\" SELECT * FROM cand.\"%s\" ORDER BY rowid",
                                              table, table);

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          gboolean late = g_get_monotonic_time () > self->deadline;
          g_autofree char *msg = g_strdup (_titrate_sqlite_errmsg (db));

          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          if (late)
            return fail (error, self->origin, _("reading it took too long (more than %d seconds)"),
                         (int) (QUERY_BUDGET_USEC / G_USEC_PER_SEC));
          return fail (error, self->origin, _("a row of table %s breaks the schema (%s)"), table, msg);
        }
    }
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "DETACH cand", NULL, NULL, NULL) != SQLITE_OK)
    return sql_fail (self, db, error);
  return TRUE;
}

static gboolean
check_selftest (TitrateRules *self,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TitrateSelftestResult) result = titrate_selftest_run (self, &local_error);
  g_autoptr(GString) names = NULL;
  guint shown = 0;

  if (result == NULL)
    return fail (error, self->origin, _("the clinical self-test could not run: %s"), local_error->message);
  if (result->must_alert_failed == 0)
    return TRUE;

  names = g_string_new (NULL);
  for (guint i = 0; i < result->failures->len; i++)
    {
      const TitrateSelftestFailure *f = g_ptr_array_index (result->failures, i);

      if (!f->must_alert)
        continue;
      if (shown++ == 5)
        {
          g_string_append (names, "; …");
          break;
        }
      /* Names only: the details (with alert codes) are for `titrate-cli selftest`. */
      g_string_append_printf (names, "%s“%s”", names->len ? "; " : "", f->name);
    }
  return fail (error, self->origin,
               g_dngettext (GETTEXT_PACKAGE,
                            "the clinical self-test failed: %u scenario that must raise an alert did not: %s",
                            "the clinical self-test failed: %u scenarios that must raise an alert did not: %s",
                            result->must_alert_failed),
               result->must_alert_failed, names->str);
}

/* A rollback journal that still holds an edit to undo starts with
 * SQLite's journal magic; one left by journal_mode=PERSIST after a commit
 * has its header zeroed and holds nothing to undo. */
static gboolean
hot_journal (const char *path)
{
  static const guchar magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  guchar head[8] = { 0 };
  FILE *f = g_fopen (path, "rb");
  gboolean hot;

  if (f == NULL)
    return TRUE;   /* unreadable: cannot be shown to be harmless */
  hot = fread (head, 1, sizeof head, f) != sizeof head || memcmp (head, magic, sizeof magic) == 0;
  fclose (f);
  return hot;
}

static gboolean
titrate_rules_initable_init (GInitable     *initable,
                             GCancellable  *cancellable,
                             GError       **error)
{
  TitrateRules *self = TITRATE_RULES (initable);
  sqlite3 *db = NULL;
  gboolean ok;

  self->deadline = g_get_monotonic_time () + QUERY_BUDGET_USEC;

  if (self->path != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      GStatBuf st;
      char *contents = NULL;
      gsize len = 0;

      /* Read exactly the file that was reviewed, whole: no -wal or
       * -journal beside it is ever opened. */
      self->origin = g_strdup (self->path);
      if (g_stat (self->path, &st) != 0)
        {
          int saved = errno;

          return fail (error, self->origin, "%s",
                       saved == ENOENT ? _("no such file") : g_strerror (saved));
        }
      if (S_ISDIR (st.st_mode))
        return fail (error, self->origin, _("this is a folder, not a database file"));
      if (!S_ISREG (st.st_mode))
        return fail (error, self->origin, _("this is not a regular file (a device or a pipe?)"));
      /* A rollback journal or a write-ahead log beside it means the file is
       * not the database SQLite would show: an edit was interrupted (the
       * file holds changes never committed) or is committed but still in
       * the log. Either way the file alone is not what was reviewed. */
      for (guint i = 0; i < 2; i++)
        {
          static const char * const suffixes[] = { "-journal", "-wal" };
          /* SQLite looks beside the file itself, not beside a link to it. */
          g_autofree char *real = realpath (self->path, NULL);
          g_autofree char *side = g_strconcat (real != NULL ? real : self->path, suffixes[i], NULL);
          GStatBuf side_st;

          if (g_stat (side, &side_st) == 0 &&
              (!S_ISREG (side_st.st_mode) || (side_st.st_size > 0 && (i == 1 || hot_journal (side)))))
            return fail (error, self->origin,
                         _("an edit of this database is unfinished or not yet written into the file (%s is "
                           "beside it): open the database once with sqlite3 and close it, so that the edit is "
                           "completed or rolled back, then try again"),
                         side);
        }
      if (st.st_size > MAX_DATABASE_BYTES)
        return fail (error, self->origin, _("the file is larger than %d MiB"), MAX_DATABASE_BYTES / (1024 * 1024));
      if (!g_file_get_contents (self->path, &contents, &len, &local_error))
        return fail (error, self->origin, "%s", local_error->message);
      self->bytes = g_bytes_new_take (contents, len);
    }
  else if (self->bytes == NULL)
    {
      self->origin = g_strdup ("embedded");
      self->embedded = TRUE;
      self->bytes = embedded_image ();
      if (self->bytes == NULL)
        return fail (error, self->origin, _("the embedded database is missing from the build"));
    }
  else
    self->origin = g_strdup ("memory");

  if (g_bytes_get_size (self->bytes) > MAX_DATABASE_BYTES)
    return fail (error, self->origin, _("the file is larger than %d MiB"), MAX_DATABASE_BYTES / (1024 * 1024));
  /* The embedded image's digest is computed when first asked for (its
   * bytes are static); a file's now, before its bytes are dropped. */
  if (!self->embedded)
    self->digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);

  if ((db = open_guarded (self, error)) == NULL)
    return FALSE;

  if (self->embedded)
    {
      /* Built, integrity-checked and self-tested by the build. */
      ok = attach_image (self, db, "main", self->bytes, error) &&
           check_version (self, db, "main", error) &&
           integrity (self, db, "main", "quick_check", error);
    }
  else
    {
      /* Anything else is compared with the embedded reference schema and
       * copied, row by row, into it. */
      ok = create_reference_schema (self, db, error) &&
           attach_image (self, db, "cand", self->bytes, error) &&
           check_version (self, db, "cand", error) &&
           compare_schema (self, db, error) &&
           integrity (self, db, "cand", "integrity_check", error) &&
           copy_checked (self, db, error);
    }

  ok = ok && load (self, db, error);
  sqlite3_close (db);
  /* Everything is copied into memory; the image is no longer needed (the
   * embedded one is static data, kept for its digest). */
  if (!self->embedded)
    g_clear_pointer (&self->bytes, g_bytes_unref);

  /* A database other than the one built and tested with this Titrate must
   * still raise what the clinical self-test says it must. */
  if (ok && !self->embedded)
    ok = check_selftest (self, error);
  if (ok && g_get_monotonic_time () > self->deadline)
    ok = fail (error, self->origin, _("reading it took too long (more than %d seconds)"),
               (int) (QUERY_BUDGET_USEC / G_USEC_PER_SEC));
  return ok;
}

static void
titrate_rules_initable_iface_init (GInitableIface *iface)
{
  iface->init = titrate_rules_initable_init;
}

/* GObject */

static void
titrate_rules_finalize (GObject *object)
{
  TitrateRules *self = TITRATE_RULES (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->digest, g_free);
  g_clear_pointer (&self->rules_by_code, g_hash_table_unref);
  g_clear_pointer (&self->rules, g_array_unref);
  g_clear_pointer (&self->names_by_key, g_hash_table_unref);
  g_clear_pointer (&self->names, _titrate_drug_names_free);
  g_clear_pointer (&self->medicines, g_ptr_array_unref);
  g_clear_pointer (&self->drug_names, g_ptr_array_unref);
  g_clear_pointer (&self->drug_classes, g_hash_table_unref);
  g_clear_pointer (&self->drugs_by_code, g_hash_table_unref);
  g_clear_pointer (&self->drugs, g_ptr_array_unref);
  g_clear_pointer (&self->conditions, g_array_unref);
  g_clear_pointer (&self->indications, g_array_unref);
  g_clear_pointer (&self->indication_routes, g_array_unref);
  g_clear_pointer (&self->formulations, g_array_unref);
  g_clear_pointer (&self->strengths, g_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->counselling, g_array_unref);
  g_clear_pointer (&self->tables.dose_limits, g_array_unref);
  g_clear_pointer (&self->tables.titration_limits, g_array_unref);
  g_clear_pointer (&self->tables.protocols, g_array_unref);
  g_clear_pointer (&self->tables.adjustments, g_array_unref);
  g_clear_pointer (&self->tables.renal_bands, g_array_unref);
  g_clear_pointer (&self->tables.screening, g_array_unref);
  g_clear_pointer (&self->tables.it_adjustments, g_array_unref);
  g_clear_pointer (&self->tables.tapers, g_array_unref);
  g_clear_pointer (&self->tables.interactions, g_array_unref);
  g_clear_pointer (&self->tables.condition_rows, g_array_unref);
  g_clear_pointer (&self->tables.cns_classes, g_array_unref);
  g_clear_pointer (&self->tables.burden_rules, g_array_unref);
  g_clear_pointer (&self->tables.same_medicine, g_array_unref);
  _titrate_rules_free_clinical (&self->tables);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->originals, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (titrate_rules_parent_class)->finalize (object);
}

static void
titrate_rules_class_init (TitrateRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = titrate_rules_finalize;
}

#define NEW_ARRAY(type) g_array_new (FALSE, TRUE, sizeof (type))

static void
titrate_rules_init (TitrateRules *self)
{
  self->strings = g_string_chunk_new (16384);
  self->rules = NEW_ARRAY (TitrateRuleText);
  self->rules_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->drugs = g_ptr_array_new_with_free_func (g_free);
  self->drugs_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->drug_classes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->drug_names = g_ptr_array_new_with_free_func (g_free);
  self->names_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = _titrate_drug_names_new (self->names_by_key);
  self->medicines = g_ptr_array_new ();
  self->conditions = NEW_ARRAY (TitrateVocabItem);
  self->indications = NEW_ARRAY (TitrateVocabItem);
  self->indication_routes = NEW_ARRAY (TitrateRoute);
  self->formulations = NEW_ARRAY (TitrateFormulation);
  self->strengths = NEW_ARRAY (TitrateStrength);
  self->sources = NEW_ARRAY (TitrateSource);
  self->counselling = NEW_ARRAY (TitrateCounselling);
  self->tables.dose_limits = NEW_ARRAY (TitrateDoseLimitRow);
  self->tables.titration_limits = NEW_ARRAY (TitrateTitrationLimitRow);
  self->tables.protocols = NEW_ARRAY (TitrateProtocolRow);
  self->tables.adjustments = NEW_ARRAY (TitrateAdjustmentRow);
  self->tables.renal_bands = NEW_ARRAY (TitrateRenalBandRow);
  self->tables.screening = NEW_ARRAY (TitrateScreeningRow);
  self->tables.it_adjustments = NEW_ARRAY (TitrateItAdjustmentRow);
  self->tables.tapers = NEW_ARRAY (TitrateTaperRow);
  self->tables.interactions = NEW_ARRAY (TitrateInteractionRow);
  self->tables.condition_rows = NEW_ARRAY (TitrateConditionRow);
  self->tables.cns_classes = NEW_ARRAY (TitrateCnsClassRow);
  self->tables.burden_rules = NEW_ARRAY (TitrateBurdenRow);
  self->tables.same_medicine = NEW_ARRAY (TitrateSameMedicineRow);
  self->counts = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Public API */

TitrateRules *
titrate_rules_new_embedded (GError **error)
{
  /* The embedded database is immutable: every caller shares the one the
   * library opened (the document loader needs it for input ranges), so a
   * start opens and validates it once, not twice. */
  TitrateRules *shared = _titrate_rules_get_shared ();

  if (shared != NULL)
    return g_object_ref (shared);
  return _titrate_rules_open_embedded (error);
}

TitrateRules *
_titrate_rules_open_embedded (GError **error)
{
  return g_initable_new (TITRATE_TYPE_RULES, NULL, error, NULL);
}

TitrateRules *
titrate_rules_new_for_path (const char  *path,
                            GError     **error)
{
  TitrateRules *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TITRATE_TYPE_RULES, NULL);
  self->path = g_strdup (path);
  if (!g_initable_init (G_INITABLE (self), NULL, error))
    g_clear_object (&self);
  return self;
}

TitrateRules *
titrate_rules_new_for_bytes (GBytes  *bytes,
                             GError **error)
{
  TitrateRules *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (TITRATE_TYPE_RULES, NULL);
  self->bytes = g_bytes_ref (bytes);
  if (!g_initable_init (G_INITABLE (self), NULL, error))
    g_clear_object (&self);
  return self;
}

int
titrate_rules_get_schema_version (TitrateRules *self)
{
  return TITRATE_RULES_SCHEMA_VERSION;
}

const char *
titrate_rules_get_content_version (TitrateRules *self)
{
  return self->content_version;
}

const char *
titrate_rules_get_content_date (TitrateRules *self)
{
  return self->content_date;
}

/* The embedded database's meta title, for xgettext: shown translated. An
 * institution's own title has no translation and is shown as stored. */
static const char *const embedded_title G_GNUC_UNUSED = N_("Titrate baclofen rules");

const char *
titrate_rules_get_title (TitrateRules *self)
{
  return self->title ? g_dgettext (GETTEXT_PACKAGE, self->title) : _("Titrate rules");
}

const char *
titrate_rules_get_origin (TitrateRules *self)
{
  return self->origin;
}

const TitrateRuleText *
titrate_rules_get_rule (TitrateRules *self,
                        const char   *code)
{
  g_return_val_if_fail (TITRATE_IS_RULES (self), NULL);
  return g_hash_table_lookup (self->rules_by_code, code);
}

const TitrateDrugName *
titrate_rules_lookup_drug (TitrateRules *self,
                           const char   *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (TITRATE_IS_RULES (self), NULL);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  key = name_key (name);
  if (key == NULL || *key == '\0')
    return NULL;
  {
    const TitrateDrugName *exact = g_hash_table_lookup (self->names_by_key, key);
    g_autoptr(GArray) matches = NULL;
    const TitrateDrugName *first = NULL;

    if (exact != NULL)
      return exact;
    /* As typed on a box or in a record ("oxycodone HCl 5 mg tab",
     * "hydrocodone/acetaminophen"): recognised only if every part is. */
    matches = _titrate_drug_names_resolve (self->names, name);
    for (guint i = 0; i < matches->len; i++)
      {
        const TitrateDrugMatch *m = &g_array_index (matches, TitrateDrugMatch, i);

        if (m->name == NULL)
          return NULL;
        if (first == NULL)
          first = m->name;
      }
    return first;
  }
}

gboolean
titrate_rules_allergy_says_none (TitrateRules *self,
                                 const char   *typed)
{
  g_return_val_if_fail (TITRATE_IS_RULES (self), FALSE);
  return _titrate_drug_names_says_none (self->names, typed);
}

GArray *
titrate_rules_resolve_drug (TitrateRules *self,
                            const char   *typed)
{
  g_return_val_if_fail (TITRATE_IS_RULES (self), NULL);
  return _titrate_drug_names_resolve (self->names, typed);
}

static gboolean
any_name_contains (TitrateRules *self,
                   const char   *key)
{
  for (guint i = 0; i < self->drug_names->len; i++)
    {
      g_autofree char *nk = name_key (((TitrateDrugName *) g_ptr_array_index (self->drug_names, i))->name);

      if (nk != NULL && strstr (nk, key) != NULL)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
titrate_rules_search_drugs (TitrateRules *self,
                            const char   *term,
                            guint         max_results)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autofree char *key = NULL;

  g_return_val_if_fail (TITRATE_IS_RULES (self), found);
  if (term == NULL || !g_utf8_validate (term, -1, NULL) || (key = name_key (term)) == NULL || *key == '\0')
    return found;
  /* "oxycodone HCl 5 mg" searches for "oxycodone" when nothing matches as typed. */
  if (!any_name_contains (self, key))
    {
      char *clean = _titrate_drug_names_clean (self->names, term);

      if (clean != NULL)
        {
          g_free (key);
          key = clean;
        }
    }

  /* Two passes: names starting with the term, then names containing it. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->drug_names->len && found->len < max_results; i++)
      {
        TitrateDrugName *n = g_ptr_array_index (self->drug_names, i);
        g_autofree char *nk = name_key (n->name);
        const char *at = strstr (nk, key);

        if (at == NULL || (pass == 0) != (at == nk))
          continue;
        g_ptr_array_add (found, n);
      }
  return found;
}

#define LIST_ARRAY(array, type)                                                \
  G_STMT_START {                                                               \
    for (guint i = 0; i < (array)->len; i++)                                   \
      g_ptr_array_add (list, &g_array_index ((array), type, i));               \
  } G_STMT_END

GPtrArray *
titrate_rules_list_conditions (TitrateRules *self)
{
  GPtrArray *list = g_ptr_array_new ();
  LIST_ARRAY (self->conditions, TitrateVocabItem);
  return list;
}

GPtrArray *
titrate_rules_list_indications (TitrateRules *self,
                                TitrateRoute  route)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < self->indications->len; i++)
    if (g_array_index (self->indication_routes, TitrateRoute, i) == route)
      g_ptr_array_add (list, &g_array_index (self->indications, TitrateVocabItem, i));
  return list;
}

GPtrArray *
titrate_rules_list_formulations (TitrateRules *self,
                                 TitrateRoute  route)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < self->formulations->len; i++)
    if (g_array_index (self->formulations, TitrateFormulation, i).route == route)
      g_ptr_array_add (list, &g_array_index (self->formulations, TitrateFormulation, i));
  return list;
}

GPtrArray *
titrate_rules_list_strengths (TitrateRules *self,
                              const char   *formulation)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < self->strengths->len; i++)
    if (g_strcmp0 (g_array_index (self->strengths, TitrateStrength, i).formulation, formulation) == 0)
      g_ptr_array_add (list, &g_array_index (self->strengths, TitrateStrength, i));
  return list;
}

GPtrArray *
titrate_rules_list_sources (TitrateRules *self)
{
  GPtrArray *list = g_ptr_array_new ();
  LIST_ARRAY (self->sources, TitrateSource);
  return list;
}

GPtrArray *
titrate_rules_list_counselling (TitrateRules *self)
{
  GPtrArray *list = g_ptr_array_new ();
  LIST_ARRAY (self->counselling, TitrateCounselling);
  return list;
}

gboolean
titrate_rules_has_condition (TitrateRules *self,
                             const char   *code)
{
  return titrate_rules_get_condition_label (self, code) != NULL;
}

const char *
titrate_rules_get_condition_label (TitrateRules *self,
                                   const char   *code)
{
  for (guint i = 0; i < self->conditions->len; i++)
    if (g_strcmp0 (g_array_index (self->conditions, TitrateVocabItem, i).code, code) == 0)
      return g_array_index (self->conditions, TitrateVocabItem, i).label;
  return NULL;
}

gboolean
titrate_rules_has_indication (TitrateRules *self,
                              const char   *code,
                              TitrateRoute  route)
{
  for (guint i = 0; i < self->indications->len; i++)
    if (g_strcmp0 (g_array_index (self->indications, TitrateVocabItem, i).code, code) == 0 &&
        g_array_index (self->indication_routes, TitrateRoute, i) == route)
      return TRUE;
  return FALSE;
}

const TitrateFormulation *
titrate_rules_get_formulation (TitrateRules *self,
                               const char   *code)
{
  for (guint i = 0; code != NULL && i < self->formulations->len; i++)
    if (strcmp (g_array_index (self->formulations, TitrateFormulation, i).code, code) == 0)
      return &g_array_index (self->formulations, TitrateFormulation, i);
  return NULL;
}

const TitrateStrength *
titrate_rules_get_strength (TitrateRules *self,
                            const char   *formulation,
                            double        strength)
{
  for (guint i = 0; formulation != NULL && i < self->strengths->len; i++)
    {
      const TitrateStrength *s = &g_array_index (self->strengths, TitrateStrength, i);

      if (strcmp (s->formulation, formulation) == 0 && fabs (s->strength - strength) < 1e-9)
        return s;
    }
  return NULL;
}

const char *
titrate_rules_get_digest (TitrateRules *self)
{
  g_return_val_if_fail (TITRATE_IS_RULES (self), NULL);
  if (self->digest == NULL && self->bytes != NULL)
    self->digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);
  return self->digest;
}

gboolean
titrate_rules_is_embedded (TitrateRules *self)
{
  g_return_val_if_fail (TITRATE_IS_RULES (self), FALSE);
  return self->embedded;
}

const char *
titrate_rules_get_review_by (TitrateRules *self)
{
  g_return_val_if_fail (TITRATE_IS_RULES (self), NULL);
  return self->review_by;
}

gboolean
titrate_rules_review_overdue (TitrateRules *self,
                              GDate        *today)
{
  GDate due;
  unsigned y, m, d;

  g_return_val_if_fail (TITRATE_IS_RULES (self), FALSE);
  if (self->review_by == NULL || sscanf (self->review_by, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return FALSE;
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (today != NULL)
    return g_date_compare (today, &due) > 0;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    GDate t;

    g_date_clear (&t, 1);
    g_date_set_dmy (&t, (GDateDay) g_date_time_get_day_of_month (now),
                    (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    return g_date_compare (&t, &due) > 0;
  }
}

gboolean
titrate_rules_check_digest (TitrateRules *self,
                            const char   *expected,
                            GError      **error)
{
  g_autofree char *want = NULL;

  g_return_val_if_fail (TITRATE_IS_RULES (self), FALSE);
  if (expected == NULL || *expected == '\0')
    return TRUE;
  want = g_ascii_strdown (expected, -1);
  g_strstrip (want);
  if (strcmp (want, titrate_rules_get_digest (self)) == 0)
    return TRUE;
  g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
               _("Rules database (%s) cannot be used: its SHA-256 is %s, but the reviewed copy that is "
                 "pinned is %s"), self->origin, titrate_rules_get_digest (self), want);
  return FALSE;
}

GHashTable *
titrate_rules_get_counts (TitrateRules *self)
{
  return self->counts;
}

/* Private API */

const TitrateRuleTables *
_titrate_rules_get_tables (TitrateRules *self)
{
  return &self->tables;
}

const char * const *
_titrate_rules_drug_classes (TitrateRules      *self,
                             const TitrateDrug *drug)
{
  return g_hash_table_lookup (self->drug_classes, drug);
}

const TitrateDrug *
_titrate_rules_get_drug (TitrateRules *self,
                         const char   *code)
{
  return code ? g_hash_table_lookup (self->drugs_by_code, code) : NULL;
}

const char *
_titrate_rules_intern (TitrateRules *self,
                       const char   *text)
{
  return text ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

gboolean
_titrate_rules_fail (TitrateRules *self,
                     GError      **error,
                     const char   *format,
                     ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  return fail (error, self->origin, "%s", msg);
}

const char *
_titrate_rules_medicine (TitrateRules *self,
                         const char   *drug)
{
  const GArray *medicines = self->tables.medicines;
  g_autofree char *folded = NULL;

  if (drug == NULL || *drug == '\0')
    drug = self->default_medicine;
  if (drug == NULL || medicines == NULL)
    return NULL;
  folded = g_ascii_strdown (drug, -1);
  g_strstrip (folded);
  for (guint i = 0; i < medicines->len; i++)
    if (strcmp (g_array_index (medicines, TitrateMedicineRow, i).code, folded) == 0)
      return g_array_index (medicines, TitrateMedicineRow, i).code;
  return NULL;
}

const TitrateAdjustmentRow *
_titrate_rules_get_adjustment (TitrateRules *self,
                               const char   *medicine,
                               const char   *population)
{
  for (guint i = 0; i < self->tables.adjustments->len; i++)
    {
      const TitrateAdjustmentRow *row = &g_array_index (self->tables.adjustments, TitrateAdjustmentRow, i);

      if (row->medicine == medicine && g_strcmp0 (row->population, population) == 0)
        return row;
    }
  return NULL;
}

/* The population adjustment for a renal band: the band's own, else the
 * severe band's (the end-stage band has no row of its own). */
const TitrateAdjustmentRow *
_titrate_rules_band_adjustment (TitrateRules              *self,
                                const char                *medicine,
                                const TitrateRenalBandRow *band)
{
  const TitrateAdjustmentRow *adj;

  if (band == NULL)
    return NULL;
  adj = _titrate_rules_get_adjustment (self, medicine, band->population);
  return adj != NULL ? adj : _titrate_rules_get_adjustment (self, medicine, "renal_severe");
}
