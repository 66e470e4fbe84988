/* test-rules.c — the rules database: embedded open, validation, fail-safe
 * refusal of missing, corrupt or incomplete databases, and the drug lexicon
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <math.h>
#include <unistd.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "titrate-test-db.h"
#include "titrate-test-util.h"
#include "titrate-rules-private.h"

#define _titrate_required_rules_for_test _titrate_required_rules

static char *tmpdir;

/* A writable copy of the built database with @sql applied. */
static char *
modified_copy (const char *name, const char *sql)
{
  return test_db_copy (tmpdir, name, NULL, sql);
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
  assert_refused (path, "not a Titrate rules database");
}

/* A folder, or a symbolic-link loop, is named as what it is, not as a
 * missing file. */
static void
test_not_a_file (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "folder.sqlite", NULL);
  g_autofree char *loop1 = g_build_filename (tmpdir, "loop1.sqlite", NULL);
  g_autofree char *loop2 = g_build_filename (tmpdir, "loop2.sqlite", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  assert_refused (dir, "a folder, not a database file");
  g_assert_cmpint (symlink (loop2, loop1), ==, 0);
  g_assert_cmpint (symlink (loop1, loop2), ==, 0);
  assert_refused (loop1, g_strerror (ELOOP));
  g_remove (loop1);
  g_remove (loop2);
  g_rmdir (dir);
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
                                         "DELETE FROM medicine_rule WHERE rule = 'renal.dialysis';"
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

/* A WAL beside the file holds committed changes that delete interactions and
 * raise a limit: the library neither applies it nor reads the main file as
 * if it were not there; the database is refused until the edit is written
 * into the file (or undone). */
static void
test_wal_not_applied (void)
{
  g_autofree char *path = modified_copy ("wal.sqlite", "PRAGMA journal_mode = WAL;");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = NULL;
  sqlite3 *db;
  int n = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0;"
                                     "PRAGMA foreign_keys = OFF;"
                                     "DELETE FROM interaction;"
                                     "UPDATE dose_limit SET max_daily_mg = 900 WHERE max_daily_mg IS NOT NULL;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The file alone is not the database SQLite would show: refused,
   * naming the log, never read as if the edit were not there. */
  rules = titrate_rules_new_for_path (path, &error);
  g_assert_null (rules);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  g_assert_nonnull (strstr (error->message, wal));
  /* …and the WAL is still there, unapplied, as proof the mutation was real. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM interaction", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    n = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  g_assert_cmpint (n, ==, 0);
}

/* Two bytes changed inside an index page: quick_check passes, a query using
 * the index misses the benzodiazepine row. integrity_check refuses it. */
static void
test_index_corruption (void)
{
  g_autofree char *path = modified_copy ("index.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize len, page_size;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int root;
  char *hit = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_interaction_1'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (len, >=, root * page_size);
  hit = memmem (contents + (root - 1) * page_size, page_size, "benzodiazepine", strlen ("benzodiazepine"));
  g_assert_nonnull (hit);
  hit[0] = 'c';
  hit[1] = 'f';
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  assert_refused (path, "integrity");
}

static void
test_empty_rule_source (void)
{
  /* A read-only connection does not enforce CHECK constraints. */
  g_autofree char *path = modified_copy ("empty-source.sqlite",
                                         "PRAGMA ignore_check_constraints = ON;"
                                         "UPDATE rule SET source = '' WHERE code = 'renal.severe';");

  assert_refused (path, "CHECK constraint failed");
}

static void
test_bad_severity (void)
{
  g_autofree char *path = modified_copy ("bad-severity.sqlite",
                                         "PRAGMA ignore_check_constraints = ON;"
                                         "UPDATE rule SET title = 'x' WHERE code = 'interaction.opioid';");

  assert_refused (path, "rule");
}

/* The codes are read into enums once, at load, and agree with the codes
 * kept for output. */
static void
test_vocabulary_enums (void)
{
  gboolean liquid = FALSE, scored = FALSE;

  for (int route = TITRATE_ROUTE_ORAL; route <= TITRATE_ROUTE_INTRATHECAL; route++)
    {
      g_autoptr(GPtrArray) list = titrate_rules_list_formulations (test_rules (), (TitrateRoute) route);

      g_assert_cmpuint (list->len, >, 0);
      for (guint i = 0; i < list->len; i++)
        {
          const TitrateFormulation *f = g_ptr_array_index (list, i);

          g_assert_cmpstr (titrate_formulation_unit_to_string (f->unit_type), ==, f->unit);
          g_assert_cmpstr (titrate_divisibility_to_string (f->divisibility), ==, f->divisible);
          liquid |= f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML;
          scored |= f->divisibility == TITRATE_DIVISIBILITY_SCORED_HALF;
          if (route == TITRATE_ROUTE_INTRATHECAL)
            g_assert_cmpint (f->unit_type, ==, TITRATE_FORMULATION_UNIT_MCG_PER_ML);
        }
    }
  /* Baclofen comes as scored tablets and as an oral liquid. */
  g_assert_true (liquid);
  g_assert_true (scored);
}

/* A formulation's unit and a dose limit's kind are closed vocabularies the
 * checker and the planner act on: a code outside them (a tablet read as a
 * liquid, a limit of no known kind) is refused, never treated as the
 * nearest known one. */
static void
test_unknown_vocabulary (void)
{
  const char *alterations[] = {
    "UPDATE formulation SET unit = 'mg_per_tablet' WHERE unit = 'mg_per_unit';",
    "UPDATE formulation SET divisible = 'quarters' WHERE divisible = 'scored_half';",
    "UPDATE dose_limit SET kind = 'advisory' WHERE kind = 'label_max';",
    "UPDATE drug_name SET kind = 'nickname' WHERE kind = 'brand';",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (alterations); i++)
    {
      g_autofree char *sql = g_strconcat ("PRAGMA ignore_check_constraints = ON;", alterations[i], NULL);
      g_autofree char *name = g_strdup_printf ("vocabulary-%" G_GSIZE_FORMAT ".sqlite", i);
      g_autofree char *path = modified_copy (name, sql);
      g_autoptr(GError) error = NULL;
      g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);

      g_assert_null (rules);
      g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
      g_test_message ("%s → %s", alterations[i], error->message);
    }
}

static void
test_view (void)
{
  g_autofree char *path = modified_copy ("view.sqlite", "CREATE VIEW v AS SELECT * FROM rule;");

  assert_refused (path, "view v");
}

static void
test_trigger (void)
{
  g_autofree char *path = modified_copy ("trigger.sqlite",
                                         "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM interaction; END;");

  assert_refused (path, "trigger t");
}

static void
test_recursive_view (void)
{
  /* Would run forever if anything selected from it. */
  g_autofree char *path = modified_copy ("recursive-view.sqlite",
                                         "CREATE VIEW forever AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                         "SELECT x FROM c;");
  gint64 start = g_get_monotonic_time ();

  assert_refused (path, "forever");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_table_replaced_by_view (void)
{
  g_autofree char *path = modified_copy ("view-table.sqlite",
                                         "PRAGMA foreign_keys = OFF;"
                                         "ALTER TABLE interaction RENAME TO interaction_old;"
                                         "CREATE VIEW interaction AS SELECT * FROM interaction_old WHERE class <> 'opioid';");

  assert_refused (path, "does not define");
}

static void
test_extra_index (void)
{
  g_autofree char *path = modified_copy ("extra-index.sqlite", "CREATE INDEX extra ON rule (severity);");

  assert_refused (path, "index extra");
}

static void
test_altered_check (void)
{
  /* A looser CHECK in the file's own schema does not make its rows valid. */
  g_autofree char *path = modified_copy ("altered-check.sqlite",
                                         "PRAGMA writable_schema = ON;"
                                         "UPDATE sqlite_schema SET sql = replace (sql, 'length(source) >= 2', 'length(source) >= 0') "
                                         "WHERE name = 'rule';");

  assert_refused (path, "table rule");
}

static void
test_altered_indication_code (void)
{
  /* One byte: the adult start-dose limit would never match a regimen. */
  g_autofree char *path = modified_copy ("indication-byte.sqlite",
                                         "UPDATE titration_limit SET indication = 'spasticitx' "
                                         "WHERE indication = 'spasticity' AND kind = 'start_daily_mg';");

  assert_refused (path, "spasticitx");
}

static void
test_deleted_interaction_row (void)
{
  g_autofree char *path = modified_copy ("no-benzo.sqlite",
                                         "DELETE FROM interaction WHERE rule = 'interaction.benzodiazepine';");

  assert_refused (path, "benzodiazepine");
}

static void
test_deleted_opioid_class (void)
{
  /* The opioid class, its drugs, names and interactions gone: consistent
   * in itself; the comedication validation (no class with the opioid role)
   * or the clinical self-test must notice. */
  g_autofree char *path = modified_copy ("no-opioids.sqlite",
                                         "DELETE FROM interaction WHERE class = 'opioid';"
                                         "DELETE FROM drug_combination WHERE name IN (SELECT name FROM drug_combination WHERE ingredient IN "
                                         "  (SELECT code FROM drug WHERE class = 'opioid'));"
                                         "DELETE FROM cns_class WHERE class = 'opioid';"
                                         "DELETE FROM drug_name WHERE drug IN (SELECT code FROM drug WHERE class = 'opioid');"
                                         "DELETE FROM drug_extra_class WHERE drug IN (SELECT code FROM drug WHERE class = 'opioid') "
                                         "  OR class = 'opioid';"
                                         "DELETE FROM drug WHERE class = 'opioid';"
                                         "DELETE FROM drug_class WHERE code = 'opioid';");

  assert_refused (path, "opioid");
}

static void
test_interaction_route_changed (void)
{
  /* The oral opioid interaction moved to the intrathecal route: structurally
   * valid, clinically silent for every oral regimen. */
  g_autofree char *path = modified_copy ("opioid-route.sqlite",
                                         "UPDATE interaction SET route = 'intrathecal' WHERE rule = 'interaction.opioid';");

  assert_refused (path, "oral route");
}

static void
test_formulation_without_strength (void)
{
  g_autofree char *path = modified_copy ("no-strength.sqlite",
                                         "DELETE FROM strength WHERE formulation = 'granules';");

  assert_refused (path, "granules");
}

static void
test_renal_gap (void)
{
  g_autofree char *path = modified_copy ("renal-gap.sqlite",
                                         "UPDATE renal_band SET crcl_max = 29 WHERE rule = 'renal.severe';");

  assert_refused (path, "renal");
}

static void
test_review_date_missing (void)
{
  g_autofree char *path = modified_copy ("no-review.sqlite",
                                         "UPDATE rule SET reviewed = '' WHERE code = 'renal.mild';");

  assert_refused (path, "review date");
}

static void
test_digest (void)
{
  g_autofree char *path = modified_copy ("digest.sqlite", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  rules = titrate_rules_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (titrate_rules_get_digest (rules), ==, expected);
  g_assert_true (titrate_rules_check_digest (rules, NULL, &error));
  g_assert_true (titrate_rules_check_digest (rules, expected, &error));
  {
    g_autofree char *upper = g_ascii_strup (expected, -1);
    g_assert_true (titrate_rules_check_digest (rules, upper, &error));
  }
  g_assert_no_error (error);
  g_assert_false (titrate_rules_check_digest (rules, "00ff", &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_nonnull (strstr (error->message, "00ff"));
  /* The embedded database has a digest too, and it is the built file's. */
  g_assert_cmpstr (titrate_rules_get_digest (test_rules ()), ==, expected);
}

static void
test_review_metadata (void)
{
  TitrateRules *rules = test_rules ();
  const TitrateRuleText *r = titrate_rules_get_rule (rules, "renal.moderate");
  GDate before, after;

  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", r->reviewed, 0, 0));
  g_assert_false (r->local);
  g_assert_nonnull (titrate_rules_get_review_by (rules));
  g_date_clear (&before, 1);
  g_date_clear (&after, 1);
  g_assert_true (g_date_valid_dmy (1, 1, 2000));
  g_date_set_dmy (&before, 1, 1, 2000);
  g_date_set_dmy (&after, 1, 1, 2999);
  g_assert_false (titrate_rules_review_overdue (rules, &before));
  g_assert_true (titrate_rules_review_overdue (rules, &after));
}

static void
test_local_rule (void)
{
  /* An institution's own source and rule, added after the release files. */
  g_autofree char *path = modified_copy ("local.sqlite",
                                         "INSERT INTO source (key, citation, kind) VALUES ('CHU2027', 'Local protocol', 'guideline');"
                                         "UPDATE rule SET source = source || '; CHU2027', reviewed = '2027-01-15' "
                                         "WHERE code = 'interaction.opioid';");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_for_path (path, &error);
  const TitrateRuleText *r;

  g_assert_no_error (error);
  r = titrate_rules_get_rule (rules, "interaction.opioid");
  g_assert_true (r->local);
  g_assert_cmpstr (r->reviewed, ==, "2027-01-15");
  g_assert_nonnull (strstr (r->source, "CHU2027"));
  g_assert_nonnull (strstr (r->source, "local rule"));
  g_assert_false (titrate_rules_get_rule (rules, "interaction.alcohol")->local);
}

/* A counselling point for a group the library does not know would silently
 * drop out of every handout: the database is refused, naming the row. */
static void
test_counselling_unknown_population (void)
{
  g_autofree char *path = modified_copy ("counselling-population.db",
    "UPDATE counselling SET population = 'pregnant' "
    "WHERE id = (SELECT MIN(id) FROM counselling WHERE population = 'pregnancy');");

  assert_refused (path, "unknown population “pregnant”");
}

/* The handout's warning box lists each route's withdrawal signs from the
 * database: a medicine without them for a route is refused at open, and a
 * medicine without its own pump card texts too. */
static void
test_withdrawal_signs_required (void)
{
  g_autofree char *no_it = modified_copy ("no-it-signs.db",
    "DELETE FROM counselling WHERE section = 'withdrawal_sign' AND route = 'intrathecal';");
  g_autofree char *no_card = modified_copy ("no-pump-card.db",
    "DELETE FROM pump_text WHERE key = 'card_act_now';");
  g_autofree char *bad_section = modified_copy ("bad-section.db",
    "PRAGMA ignore_check_constraints = ON; UPDATE counselling SET section = 'warning' WHERE id = 101;");

  assert_refused (no_it, "no withdrawal warning signs for the intrathecal route");
  assert_refused (no_card, "pump text card_act_now is missing for baclofen");
  assert_refused (bad_section, "counselling");
}

/* Weight for age: an input plausibility check from the CDC 2000 growth
 * charts (3rd–97th percentiles, either sex, one-year bands), never a
 * clinical limit; for adults only a design-choice floor. */
static void
test_plausible_weight (void)
{
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (NULL);
  g_autofree char *no_table = modified_copy ("no-weight-for-age.db", "DROP TABLE weight_for_age;");
  double lo, hi;

  g_assert_nonnull (rules);
  g_assert_true (titrate_rules_get_plausible_weight_kg (rules, 4, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 12.7);
  g_assert_cmpfloat (hi, ==, 24.7);
  /* Band edges: 5 years opens the next band. */
  g_assert_true (titrate_rules_get_plausible_weight_kg (rules, 4.99, &lo, &hi));
  g_assert_cmpfloat (hi, ==, 24.7);
  g_assert_true (titrate_rules_get_plausible_weight_kg (rules, 5, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 14.3);
  g_assert_cmpfloat (hi, ==, 28.6);
  /* A newborn; a 19-year-old; then the charts end. */
  g_assert_true (titrate_rules_get_plausible_weight_kg (rules, 0, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 2.3);
  g_assert_true (titrate_rules_get_plausible_weight_kg (rules, 19.5, &lo, &hi));
  g_assert_cmpfloat (hi, ==, 100.8);
  /* Adults: a design-choice floor only (the 1-year band's lowest weight), so
   * a "1 kg" slip is questioned and a 40 kg older adult is not; the upper
   * end is the document's own 400 kg limit. */
  g_assert_true (titrate_rules_get_plausible_weight_kg (rules, 20, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 7.9);
  g_assert_cmpfloat (hi, ==, 400);
  g_assert_true (titrate_rules_get_plausible_weight_kg (rules, 85, &lo, &hi));
  g_assert_true (1 < lo && 40 > lo && 150 < hi);
  g_assert_true (titrate_rules_get_plausible_weight_kg (rules, 130, &lo, &hi));
  g_assert_false (titrate_rules_get_plausible_weight_kg (rules, 131, &lo, &hi));
  g_assert_true (isnan (lo) && isnan (hi));
  g_assert_false (titrate_rules_get_plausible_weight_kg (rules, NAN, &lo, &hi));
  /* Its source is cited. */
  {
    g_autoptr(GPtrArray) sources = titrate_rules_list_sources (rules);
    gboolean cited = FALSE;

    for (guint i = 0; i < sources->len; i++)
      cited |= strcmp (((const TitrateSource *) g_ptr_array_index (sources, i))->key, "CDC2000-WFA") == 0;
    g_assert_true (cited);
  }
  assert_refused (no_table, "weight_for_age");
}

/* The self-test never skips: an entry that is not an object, a misspelt
 * key (here "must_alret", which would drop the expectation) or an empty
 * scenario list is a named failure that would refuse the database. */
static void
test_selftest_malformed (void)
{
  static const char head[] =
    "{\"format\": \"titrate-selftest\", \"version\": 1, \"defaults\": {"
    " \"patient\": {\"age_years\": 45, \"weight_kg\": 70, \"sex\": \"female\", \"serum_creatinine_mg_dl\": 0.8},"
    " \"regimen\": {\"route\": \"oral\", \"indication\": \"spasticity\", \"formulation\": \"tablet\","
    "   \"strength_mg\": 10, \"start_date\": \"2027-01-04\", \"steps\": [{\"day\": 1, \"doses_mg\": [5, 5, 5]}]}},";
  g_autofree char *good = g_strconcat (head,
    " \"scenarios\": [{\"name\": \"5 mg TID\", \"why\": \"label start\", \"must_not_alert\": [{\"category\": \"dose\"}]}]}", NULL);
  g_autofree char *not_object = g_strconcat (head,
    " \"scenarios\": [{\"name\": \"5 mg TID\", \"must_not_alert\": [{\"category\": \"dose\"}]}, \"oops\"]}", NULL);
  g_autofree char *misspelt = g_strconcat (head,
    " \"scenarios\": [{\"name\": \"200 mg a day\", \"regimen\": {\"steps\": [{\"day\": 1, \"doses_mg\": [50, 50, 50, 50]}]},"
    "   \"must_alret\": [{\"category\": \"dose\", \"min_severity\": \"major\"}]}]}", NULL);
  g_autofree char *misspelt_entry = g_strconcat (head,
    " \"scenarios\": [{\"name\": \"200 mg a day\", \"regimen\": {\"steps\": [{\"day\": 1, \"doses_mg\": [50, 50, 50, 50]}]},"
    "   \"must_alert\": [{\"category\": \"dose\", \"min_severty\": \"major\"}]}]}", NULL);
  g_autofree char *empty = g_strconcat (head, " \"scenarios\": []}", NULL);
  g_autofree char *missing = g_strconcat (head, " \"scenario\": []}", NULL);
  struct { const char *json; guint passed; const char *name; const char *detail; } cases[] = {
    { good, 1, NULL, NULL },
    { not_object, 1, "scenarios[1]", "not an object" },
    { misspelt, 0, "200 mg a day", "must_alret" },
    { misspelt_entry, 0, "200 mg a day", "invalid must_alert entry" },
    { empty, 0, "(none)", "no scenario was run" },
    { missing, 0, "(file)", "scenarios" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TitrateSelftestResult) r = titrate_selftest_run_data (test_rules (), "t.json", cases[i].json, -1, &error);
      const TitrateSelftestFailure *f;

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_nonnull (r);
      g_assert_cmpuint (r->passed, ==, cases[i].passed);
      if (cases[i].name == NULL)
        {
          g_assert_cmpuint (r->failed, ==, 0);
          continue;
        }
      g_assert_cmpuint (r->failed, ==, 1);
      g_assert_cmpuint (r->must_alert_failed, ==, 1);
      g_assert_cmpuint (r->failures->len, ==, 1);
      f = g_ptr_array_index (r->failures, 0);
      g_test_message ("%s: %s", f->name, f->detail);
      g_assert_cmpstr (f->name, ==, cases[i].name);
      g_assert_nonnull (strstr (f->detail, cases[i].detail));
    }
}

/* The shipped self-test: at least 60 scenarios, every category has a
 * must-alert scenario, and all pass on the embedded database. */
static void
test_selftest_suite (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateSelftestResult) result = titrate_selftest_run (test_rules (), &error);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "selftest", NULL);
  g_autoptr(GDir) files = g_dir_open (dir, 0, &error);
  gboolean must[TITRATE_N_CATEGORIES] = { FALSE };
  gboolean must_not[TITRATE_N_CATEGORIES] = { FALSE };
  guint n = 0;
  const char *name;

  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->failures->len; i++)
    {
      const TitrateSelftestFailure *f = g_ptr_array_index (result->failures, i);
      g_printerr ("FAIL %s: %s: %s\n", f->file, f->name, f->detail);
    }
  g_assert_cmpuint (result->failed, ==, 0);
  g_assert_cmpuint (result->passed, ==, titrate_selftest_count ());
  g_assert_cmpuint (result->passed, >=, 60);

  while ((name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *scenarios;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      scenarios = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "scenarios");
      for (guint i = 0; i < json_array_get_length (scenarios); i++)
        {
          JsonObject *s = json_array_get_object_element (scenarios, i);
          const char *keys[] = { "must_alert", "must_not_alert" };

          n++;
          g_assert_true (json_object_has_member (s, "why"));
          for (guint k = 0; k < 2; k++)
            {
              JsonArray *e = json_object_has_member (s, keys[k]) ? json_object_get_array_member (s, keys[k]) : NULL;

              for (guint j = 0; e != NULL && j < json_array_get_length (e); j++)
                {
                  JsonObject *x = json_array_get_object_element (e, j);
                  TitrateCategory c;

                  if (json_object_has_member (x, "category") &&
                      titrate_category_from_string (json_object_get_string_member (x, "category"), &c))
                    (k == 0 ? must : must_not)[c] = TRUE;
                }
            }
        }
    }
  g_assert_cmpuint (n, ==, titrate_selftest_count ());
  for (guint c = 0; c < TITRATE_N_CATEGORIES; c++)
    if (!must[c])
      g_error ("no must-alert scenario for category %s", titrate_category_to_string (c));
  /* The labels' own schedules and other quiet cases are covered too. */
  g_assert_true (must_not[TITRATE_CATEGORY_DOSE] && must_not[TITRATE_CATEGORY_TITRATION] &&
                 must_not[TITRATE_CATEGORY_WITHDRAWAL] && must_not[TITRATE_CATEGORY_INTERACTION] &&
                 must_not[TITRATE_CATEGORY_RENAL] && must_not[TITRATE_CATEGORY_LACTATION]);
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
  /* A row for one route only: the other route's regimens would check
   * nothing (an oral-only allergy row leaves intrathecal unchecked). */
  {
    g_autofree char *oral_allergy = modified_copy ("oral-allergy-row.sqlite",
                                                   "UPDATE same_medicine_rule SET route = 'oral' WHERE kind = 'allergy';");
    g_autofree char *no_it_duplication = modified_copy ("no-it-duplication-row.sqlite",
                                                        "DELETE FROM same_medicine_rule WHERE kind = 'duplication' "
                                                        "AND route = 'intrathecal';");
    assert_refused (oral_allergy, "every route");
    assert_refused (no_it_duplication, "every route");
  }
  /* More burden rules than the check can hold: refused at open, never
   * silently dropped during a check. */
  {
    g_autofree char *too_many = modified_copy ("too-many-burden-rules.sqlite",
                                               "INSERT INTO cns_burden_rule SELECT medicine, priority + 100, rule, kind, "
                                               "age_min_years, min_drugs FROM cns_burden_rule;");
    assert_refused (too_many, "than the checker can hold");
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

/* The built-in database cannot be opened (a malformed image, or a query
 * budget spent on a machine under load): a document is refused with that
 * reason, not with "no plausible range", which would send the operator
 * looking for a missing rule. */
static void
test_shared_unusable (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TitrateDocument) doc = NULL;
      double min, max;

      _titrate_rules_fail_shared_for_testing ("database disk image is malformed");
      g_assert_false (titrate_rules_get_default_input_range ("patient.weight_kg", &min, &max, NULL));
      g_assert_nonnull (_titrate_rules_get_shared_error ());
      doc = titrate_document_load_from_data ("{\"format\": \"titrate-regimen\", \"version\": 1,"
                                             " \"patient\": {\"age_years\": 41, \"weight_kg\": 80},"
                                             " \"regimen\": {\"route\": \"oral\"}}", -1, &error);
      g_assert_null (doc);
      g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
      g_assert_nonnull (strstr (error->message, "built-in rules database could not be opened"));
      g_assert_nonnull (strstr (error->message, "database disk image is malformed"));
      g_assert_null (strstr (error->message, "no plausible range"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* Opened: no reason to give. */
  g_assert_nonnull (_titrate_rules_get_shared ());
  g_assert_null (_titrate_rules_get_shared_error ());
}

int
main (int argc, char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("titrate-rules-XXXXXX", NULL);

  g_test_add_func ("/titrate/rules/not-a-file", test_not_a_file);
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
  g_test_add_func ("/titrate/rules/vocabulary-enums", test_vocabulary_enums);
  g_test_add_func ("/titrate/rules/unknown-vocabulary", test_unknown_vocabulary);
  g_test_add_func ("/titrate/rules/unknown-source", test_unknown_source);
  g_test_add_func ("/titrate/rules/missing-table", test_missing_table);
  g_test_add_func ("/titrate/rules/condition-without-rule", test_condition_without_rule);
  g_test_add_func ("/titrate/rules/readonly", test_readonly);
  g_test_add_func ("/titrate/rules/wal-not-applied", test_wal_not_applied);
  g_test_add_func ("/titrate/rules/index-corruption", test_index_corruption);
  g_test_add_func ("/titrate/rules/empty-rule-source", test_empty_rule_source);
  g_test_add_func ("/titrate/rules/short-title", test_bad_severity);
  g_test_add_func ("/titrate/rules/view", test_view);
  g_test_add_func ("/titrate/rules/trigger", test_trigger);
  g_test_add_func ("/titrate/rules/recursive-view", test_recursive_view);
  g_test_add_func ("/titrate/rules/table-replaced-by-view", test_table_replaced_by_view);
  g_test_add_func ("/titrate/rules/extra-index", test_extra_index);
  g_test_add_func ("/titrate/rules/altered-check", test_altered_check);
  g_test_add_func ("/titrate/rules/altered-indication-code", test_altered_indication_code);
  g_test_add_func ("/titrate/rules/deleted-interaction-row", test_deleted_interaction_row);
  g_test_add_func ("/titrate/rules/deleted-opioid-class", test_deleted_opioid_class);
  g_test_add_func ("/titrate/rules/interaction-route-changed", test_interaction_route_changed);
  g_test_add_func ("/titrate/rules/formulation-without-strength", test_formulation_without_strength);
  g_test_add_func ("/titrate/rules/renal-gap", test_renal_gap);
  g_test_add_func ("/titrate/rules/review-date-missing", test_review_date_missing);
  g_test_add_func ("/titrate/rules/digest", test_digest);
  g_test_add_func ("/titrate/rules/review-metadata", test_review_metadata);
  g_test_add_func ("/titrate/rules/local-rule", test_local_rule);
  g_test_add_func ("/titrate/rules/selftest-suite", test_selftest_suite);
  g_test_add_func ("/titrate/rules/selftest-malformed", test_selftest_malformed);
  g_test_add_func ("/titrate/rules/counselling-unknown-population", test_counselling_unknown_population);
  g_test_add_func ("/titrate/rules/withdrawal-signs-required", test_withdrawal_signs_required);
  g_test_add_func ("/titrate/rules/plausible-weight", test_plausible_weight);
  g_test_add_func ("/titrate/rules/drug-lookup", test_drug_lookup);
  g_test_add_func ("/titrate/rules/drug-search", test_drug_search);
  g_test_add_func ("/titrate/rules/vocabularies", test_vocabularies);
  g_test_add_func ("/titrate/rules/comedication-tables-required", test_comedication_tables_required);
  g_test_add_func ("/titrate/rules/shared-unusable", test_shared_unusable);
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
