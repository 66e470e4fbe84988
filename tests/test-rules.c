/* test-rules.c — the rules database: embedded open, validation, fail-safe
 * refusal of missing, corrupt or incomplete databases, and the drug lexicon
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "titrate-test-util.h"
#include "titrate-rules-private.h"

#define _titrate_required_rules_for_test _titrate_required_rules

static char *tmpdir;

/* A writable copy of the built database with @sql applied. */
static char *
modified_copy (const char *name, const char *sql)
{
  const char *built = g_getenv ("TITRATE_BUILT_RULES_DB");
  g_autofree char *contents = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);
  gsize len;
  sqlite3 *db;
  char *err = NULL;

  g_assert_nonnull (built);
  g_assert_true (g_file_get_contents (built, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  if (sql != NULL)
    {
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
        g_error ("%s: %s", sql, err);
      sqlite3_close (db);
    }
  return path;
}

static void
assert_refused (const char *path, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);

  g_assert_null (rules);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, fragment);
  /* Fail safe: with no rules, the checker reports that nothing was checked. */
  {
    g_autoptr(TitratePatient) p = titrate_patient_new ();
    g_autoptr(TitrateRegimen) r = titrate_regimen_new (TITRATE_ROUTE_ORAL);
    g_autoptr(GError) check_error = NULL;

    g_assert_null (titrate_check (rules, p, r, NULL, &check_error));
    g_assert_error (check_error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  }
}

static void
test_embedded (void)
{
  TitrateRules *rules = test_rules ();
  GHashTable *counts = titrate_rules_get_counts (rules);

  g_assert_cmpint (titrate_rules_get_schema_version (rules), ==, TITRATE_RULES_SCHEMA_VERSION);
  g_assert_cmpstr (titrate_rules_get_origin (rules), ==, "embedded");
  g_assert_nonnull (titrate_rules_get_content_version (rules));
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", titrate_rules_get_content_date (rules), 0, 0));
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "rule")), >=, 60);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "drug_name")), >=, 100);
}

static void
test_every_rule_sourced (void)
{
  TitrateRules *rules = test_rules ();

  for (guint i = 0; _titrate_required_rules_for_test[i] != NULL; i++)
    {
      const TitrateRuleText *r = titrate_rules_get_rule (rules, _titrate_required_rules_for_test[i]);

      g_assert_nonnull (r);
      g_assert_cmpuint (strlen (r->source), >, 1);
      g_assert_cmpuint (strlen (r->evidence), >, 0);
      g_assert_cmpuint (strlen (r->title), <=, 80);
    }
}

static void
test_alternative_db (void)
{
  g_autofree char *path = modified_copy ("copy.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (titrate_rules_get_origin (rules), ==, path);
  g_assert_nonnull (titrate_rules_lookup_drug (rules, "lorazepam"));
}

static void
test_missing_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "does-not-exist.sqlite", NULL);

  assert_refused (path, "no such file");
}

static void
test_garbage_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "garbage.sqlite", NULL);

  g_assert_true (g_file_set_contents (path, "this is not a database, just text\n", -1, NULL));
  assert_refused (path, "not a database");
}

static void
test_empty_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.sqlite", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused (path, "schema version 0");
}

static void
test_truncated_file (void)
{
  g_autofree char *full = modified_copy ("full.sqlite", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "truncated.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (full, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len / 2, NULL));
  assert_refused (path, "cannot be used");
}

static void
test_corrupt_page (void)
{
  g_autofree char *full = modified_copy ("corrupt.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  /* Scribble over the middle of the file (b-tree pages), keep the header. */
  g_assert_true (g_file_get_contents (full, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 16384);
  memset (contents + len / 2, 0xA5, 4096);
  g_assert_true (g_file_set_contents (full, contents, len, NULL));
  assert_refused (full, "cannot be used");
}

static void
test_wrong_schema_version (void)
{
  g_autofree char *path = modified_copy ("v2.sqlite", "PRAGMA user_version = 2;");

  assert_refused (path, "schema version 2");
}

static void
test_empty_table (void)
{
  g_autofree char *path = modified_copy ("no-interactions.sqlite", "DELETE FROM interaction;");

  assert_refused (path, "table interaction is empty");
}

static void
test_missing_rule (void)
{
  g_autofree char *path = modified_copy ("no-renal.sqlite",
                                         "PRAGMA foreign_keys = OFF;"
                                         "DELETE FROM renal_band WHERE rule = 'renal.dialysis';"
                                         "DELETE FROM rule WHERE code = 'renal.dialysis';");

  assert_refused (path, "renal.dialysis");
}

static void
test_unknown_source (void)
{
  g_autofree char *path = modified_copy ("bad-source.sqlite",
                                         "UPDATE rule SET source = 'MadeUp2099' WHERE code = 'renal.mild';");

  assert_refused (path, "MadeUp2099");
}

static void
test_condition_without_rule (void)
{
  g_autofree char *path = modified_copy ("uncovered.sqlite",
                                         "INSERT INTO condition (code, label) VALUES ('gout', 'Gout');");

  /* Selectable but unable to raise anything: refused, never silently quiet. */
  assert_refused (path, "gout");
}

static void
test_missing_table (void)
{
  g_autofree char *path = modified_copy ("no-table.sqlite", "DROP TABLE counselling;");

  assert_refused (path, "counselling");
}

static void
test_readonly (void)
{
  g_autofree char *path = modified_copy ("ro.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len1, len2;

  /* Opening never writes to an institution's reviewed copy. */
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &len1, NULL));
  g_clear_object (&rules);
  g_assert_true (g_file_get_contents (path, &after, &len2, NULL));
  g_assert_cmpmem (before, len1, after, len2);
}

static void
test_drug_lookup (void)
{
  TitrateRules *rules = test_rules ();
  const TitrateDrugName *n;

  n = titrate_rules_lookup_drug (rules, "Xanax");
  g_assert_nonnull (n);
  g_assert_cmpstr (n->kind, ==, "brand");
  g_assert_cmpstr (n->drug->code, ==, "alprazolam");
  g_assert_cmpstr (n->drug->class_code, ==, "benzodiazepine");

  n = titrate_rules_lookup_drug (rules, "  LORAZEPAM  ");
  g_assert_nonnull (n);
  g_assert_cmpstr (n->drug->code, ==, "lorazepam");

  n = titrate_rules_lookup_drug (rules, "Alcohol");
  g_assert_nonnull (n);
  g_assert_cmpstr (n->drug->class_code, ==, "alcohol");
  n = titrate_rules_lookup_drug (rules, "ethanol");
  g_assert_cmpstr (n->drug->class_code, ==, "alcohol");

  g_assert_nonnull (titrate_rules_lookup_drug (rules, "Gablofen"));
  g_assert_null (titrate_rules_lookup_drug (rules, "unobtainium"));
  g_assert_null (titrate_rules_lookup_drug (rules, ""));
  g_assert_null (titrate_rules_lookup_drug (rules, "\xff\xfe"));
}

static void
test_drug_search (void)
{
  g_autoptr(GPtrArray) found = titrate_rules_search_drugs (test_rules (), "lora", 10);
  g_autoptr(GPtrArray) inner = titrate_rules_search_drugs (test_rules (), "azepam", 50);
  g_autoptr(GPtrArray) none = titrate_rules_search_drugs (test_rules (), "", 10);

  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpstr (((TitrateDrugName *) g_ptr_array_index (found, 0))->name, ==, "lorazepam");
  /* substring matches come after prefix matches: lorazepam, diazepam, … */
  g_assert_cmpuint (inner->len, >=, 3);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_vocabularies (void)
{
  TitrateRules *rules = test_rules ();
  const char *required[] = { "epilepsy", "psychotic_disorder", "stroke", "autonomic_dysreflexia",
                             "peptic_ulcer", "respiratory_impairment", "hepatic_impairment",
                             "substance_use_disorder", "diabetes", "parkinson_disease" };
  g_autoptr(GPtrArray) oral = titrate_rules_list_indications (rules, TITRATE_ROUTE_ORAL);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (titrate_rules_has_condition (rules, required[i]));
  g_assert_true (titrate_rules_has_indication (rules, "spasticity", TITRATE_ROUTE_ORAL));
  g_assert_true (titrate_rules_has_indication (rules, "alcohol_use_disorder", TITRATE_ROUTE_ORAL));
  g_assert_false (titrate_rules_has_indication (rules, "alcohol_use_disorder", TITRATE_ROUTE_INTRATHECAL));
  g_assert_cmpuint (oral->len, >=, 2);
}

/* The comedication checks refuse to run without their vocabulary or rows. */
static void
test_comedication_tables_required (void)
{
  g_autofree char *words = modified_copy ("no-name-words.sqlite", "DELETE FROM name_word;");
  g_autofree char *burden = modified_copy ("no-burden.sqlite", "DELETE FROM cns_burden_rule;");
  g_autofree char *allergy = modified_copy ("no-allergy-row.sqlite",
                                            "DELETE FROM same_medicine_rule WHERE kind = 'allergy';");
  g_autofree char *old_schema = modified_copy ("no-mechanism.sqlite", "ALTER TABLE interaction DROP COLUMN mechanism;");

  assert_refused (words, "name_word");
  assert_refused (burden, "cns_burden_rule");
  assert_refused (allergy, "same_medicine_rule");
  {
    g_autofree char *duplication = modified_copy ("no-duplication-row.sqlite",
                                                  "DELETE FROM same_medicine_rule WHERE kind = 'duplication';");
    assert_refused (duplication, "same_medicine_rule");
  }
  assert_refused (old_schema, "mechanism");

  /* A pair the burden alert replaces must be named by it. */
  {
    g_autofree char *uncounted = modified_copy ("uncounted.sqlite",
                                                "DELETE FROM cns_class WHERE class = 'benzodiazepine';");
    assert_refused (uncounted, "benzodiazepine");
  }
}

/* Red-team: a rules database edited so that one part of the CNS-burden alert,
 * or a pairwise alert it would replace, is missing is refused at open; a
 * missing row must never silently drop a check. */
static void
test_burden_rows_required (void)
{
  static const struct { const char *file; const char *sql; const char *named; } cases[] = {
    { "no-beers-row.sqlite", "DELETE FROM cns_burden_rule WHERE kind = 'beers_count';", "beers_count" },
    { "no-opioid-row.sqlite", "DELETE FROM cns_burden_rule WHERE kind = 'opioid_combination';", "opioid_combination" },
    { "no-additive-row.sqlite", "DELETE FROM cns_burden_rule WHERE kind = 'additive';", "additive" },
    { "no-alcohol-pair.sqlite", "DELETE FROM interaction WHERE class = 'alcohol';", "alcohol" },
    { "no-oral-opioid-pair.sqlite", "DELETE FROM interaction WHERE class = 'opioid' AND route = 'oral';", "opioid" },
    { "no-it-opioid-pair.sqlite", "DELETE FROM interaction WHERE class = 'opioid' AND route = 'intrathecal';", "intrathecal" },
    { "no-own-class.sqlite", "DELETE FROM cns_class WHERE class = 'baclofen';", "own class" },
    { "no-opioid-role.sqlite", "UPDATE cns_class SET role = 'other' WHERE class = 'opioid';", "opioid" },
    { "half-combination.sqlite",
      "DELETE FROM drug_combination WHERE name = 'Norco' AND ingredient = 'hydrocodone';", "norco" },
    { "no-partner-role.sqlite",
      "UPDATE cns_class SET role = 'other' WHERE class IN ('benzodiazepine', 'gabapentinoid');", "gabapentinoid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = modified_copy (cases[i].file, cases[i].sql);

      assert_refused (path, cases[i].named);
    }

  /* Changing a threshold is a reviewer's edit, not a missing row: accepted. */
  {
    g_autofree char *path = modified_copy ("beers-age.sqlite",
                                           "UPDATE cns_burden_rule SET age_min_years = 70 WHERE kind = 'beers_count';");
    g_autoptr(GError) error = NULL;
    g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (rules);
  }
}

int
main (int argc, char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("titrate-rules-XXXXXX", NULL);

  g_test_add_func ("/titrate/rules/embedded", test_embedded);
  g_test_add_func ("/titrate/rules/burden-rows-required", test_burden_rows_required);
  g_test_add_func ("/titrate/rules/every-rule-sourced", test_every_rule_sourced);
  g_test_add_func ("/titrate/rules/alternative-db", test_alternative_db);
  g_test_add_func ("/titrate/rules/missing-file", test_missing_file);
  g_test_add_func ("/titrate/rules/garbage-file", test_garbage_file);
  g_test_add_func ("/titrate/rules/empty-file", test_empty_file);
  g_test_add_func ("/titrate/rules/truncated-file", test_truncated_file);
  g_test_add_func ("/titrate/rules/corrupt-page", test_corrupt_page);
  g_test_add_func ("/titrate/rules/wrong-schema-version", test_wrong_schema_version);
  g_test_add_func ("/titrate/rules/empty-table", test_empty_table);
  g_test_add_func ("/titrate/rules/missing-rule", test_missing_rule);
  g_test_add_func ("/titrate/rules/unknown-source", test_unknown_source);
  g_test_add_func ("/titrate/rules/missing-table", test_missing_table);
  g_test_add_func ("/titrate/rules/condition-without-rule", test_condition_without_rule);
  g_test_add_func ("/titrate/rules/readonly", test_readonly);
  g_test_add_func ("/titrate/rules/drug-lookup", test_drug_lookup);
  g_test_add_func ("/titrate/rules/drug-search", test_drug_search);
  g_test_add_func ("/titrate/rules/vocabularies", test_vocabularies);
  g_test_add_func ("/titrate/rules/comedication-tables-required", test_comedication_tables_required);
  rc = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
    g_free (tmpdir);
  }
  return rc;
}
