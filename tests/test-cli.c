/* test-cli.c — titrate-cli's public contract: JSON output, exit status 0/2/3,
 * messages naming the field, plan expansion and the calendar table
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "titrate.h"
#include "titrate-test-cli.h"


static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("TITRATE_EXAMPLES"), name, NULL);
}

static char *
write_temp (const char *name, const char *contents)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static JsonObject *
find_alert (JsonArray *alerts, const char *code)
{
  for (guint i = 0; i < json_array_get_length (alerts); i++)
    {
      JsonObject *a = json_array_get_object_element (alerts, i);

      if (g_strcmp0 (json_object_get_string_member (a, "code"), code) == 0)
        return a;
    }
  return NULL;
}

/* Runs titrate-cli (killed after 30 s: a hang fails the test) with @in_fd
 * as standard input (-1: none) and @out_fd as standard output (-1:
 * captured in r->out). */
static void
run_fds (Run        *r,
         int         in_fd,
         int         out_fd,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *err_path = NULL;
  int captured_out = -1;
  int err_fd;
  int null_fd = -1;
  int wait_status = 0;
  const char *arg;
  GPid pid;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "timeout");
  g_ptr_array_add (argv, (gpointer) "-s");
  g_ptr_array_add (argv, (gpointer) "KILL");
  g_ptr_array_add (argv, (gpointer) "30");
  g_ptr_array_add (argv, (gpointer) g_getenv ("TITRATE_CLI"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (out_fd < 0)
    {
      captured_out = g_file_open_tmp ("titrate-cli-out-XXXXXX", &out_path, &error);
      g_assert_no_error (error);
      out_fd = captured_out;
    }
  err_fd = g_file_open_tmp ("titrate-cli-err-XXXXXX", &err_path, &error);
  g_assert_no_error (error);
  if (in_fd < 0)
    in_fd = null_fd = open ("/dev/null", O_RDONLY);

  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv->pdata, NULL,
                                         G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                         &pid, in_fd, out_fd, err_fd, &error));
  g_assert_no_error (error);
  while (waitpid (pid, &wait_status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_assert_cmpint (r->status, !=, 137);   /* killed by timeout: it hung */

  if (out_path != NULL)
    {
      g_assert_true (g_file_get_contents (out_path, &r->out, NULL, NULL));
      g_unlink (out_path);
      close (captured_out);
    }
  else
    r->out = g_strdup ("");
  g_assert_true (g_file_get_contents (err_path, &r->err, NULL, NULL));
  g_unlink (err_path);
  close (err_fd);
  if (null_fd >= 0)
    close (null_fd);
  g_test_message ("exit %d: %s", r->status, r->err);
}

static char *
deep_document (guint depth)
{
  GString *s = g_string_new ("{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"age_years\":40},"
                             "\"regimen\":{\"route\":\"oral\",\"steps\":[]},\"x_deep\":");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* Output that cannot be written in full (a full disk, a reader gone)
 * exits 4 with a message, never 0: a lost check must not look like an
 * empty alert list. */
static void
test_output_failure (void)
{
  g_autofree char *path = example ("older-adult-ckd.titrate");
  const char *commands[][3] = {
    { "check", path, NULL },
    { "plan", path, NULL },
    { "plan", "--table", path },
    { "rules", NULL, NULL },
    { "drugs", "xan", NULL },
    { "--help", NULL, NULL },
  };
  int full = open ("/dev/full", O_WRONLY);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      int pipe_fds[2];

      if (full >= 0)
        {
          g_auto(Run) r = { 0 };

          run_fds (&r, -1, full, commands[i][0], commands[i][1], commands[i][2], NULL);
          g_assert_cmpint (r.status, ==, 4);
          g_assert_nonnull (strstr (r.err, "could not be written"));
          g_assert_nonnull (strstr (r.err, "No space left on device"));
        }
      /* A reader that is there gets everything (and exit 0). */
      {
        g_auto(Run) r = { 0 };

        run_fds (&r, -1, -1, commands[i][0], commands[i][1], commands[i][2], NULL);
        g_assert_cmpint (r.status, ==, 0);
        g_assert_cmpuint (strlen (r.out), >, 0);
      }

      /* A pipe whose reader is gone. */
      g_assert_cmpint (pipe (pipe_fds), ==, 0);
      close (pipe_fds[0]);
      {
        g_auto(Run) r = { 0 };

        run_fds (&r, -1, pipe_fds[1], commands[i][0], commands[i][1], commands[i][2], NULL);
        g_assert_cmpint (r.status, ==, 4);
        g_assert_nonnull (strstr (r.err, "could not be written"));
      }
      close (pipe_fds[1]);
    }
  if (full < 0)
    g_test_message ("no /dev/full: only the closed pipe was tried");
  else
    close (full);
}

/* Documents are regular files, or "-" for standard input; hostile ones are
 * refused with the field named, without a crash or a hang. */
static void
test_hostile_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("titrate-cli-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "plan.titrate", NULL);
  g_autofree char *deep = deep_document (100000);
  g_autofree char *deep_path = g_build_filename (dir, "deep.titrate", NULL);
  g_autofree char *twice_path = g_build_filename (dir, "twice.titrate", NULL);
  g_autofree char *good = example ("older-adult-ckd.titrate");
  g_autoptr(GString) huge = g_string_new ("{\"x\":\"");
  g_autofree char *huge_path = g_build_filename (dir, "huge.titrate", NULL);

  g_assert_true (g_file_set_contents (deep_path, deep, -1, NULL));
  g_assert_true (g_file_set_contents (twice_path,
    "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"age_years\":80,\"age_years\":30},"
    "\"regimen\":{\"route\":\"oral\",\"steps\":[]}}", -1, NULL));
  while (huge->len < 5 * 1024 * 1024)
    g_string_append (huge, "0123456789abcdef");
  g_string_append (huge, "\"}");
  g_assert_true (g_file_set_contents (huge_path, huge->str, (gssize) huge->len, NULL));

  /* A FIFO: refused at once (it blocked forever before). */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  {
    g_auto(Run) r = { 0 };

    run_fds (&r, -1, -1, "check", fifo, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "FIFO"));
    g_assert_cmpstr (r.out, ==, "");
  }

  /* Deep nesting: check and plan refuse it, naming the key. */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) r2 = { 0 };

    run_fds (&r, -1, -1, "check", deep_path, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "x_deep"));
    g_assert_nonnull (strstr (r.err, "nested deeper"));
    g_assert_cmpstr (r.out, ==, "");
    run_fds (&r2, -1, -1, "plan", deep_path, NULL);
    g_assert_cmpint (r2.status, ==, 2);
    g_assert_nonnull (strstr (r2.err, "nested deeper"));
  }

  /* A duplicate key, named. */
  {
    g_auto(Run) r = { 0 };

    run_fds (&r, -1, -1, "check", twice_path, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "patient.age_years"));
    g_assert_nonnull (strstr (r.err, "twice"));
  }

  /* Too large, from a file and from standard input. */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) r2 = { 0 };
    int fd = open (huge_path, O_RDONLY);

    run_fds (&r, -1, -1, "check", huge_path, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "larger than"));
    run_fds (&r2, fd, -1, "check", "-", NULL);
    g_assert_cmpint (r2.status, ==, 2);
    g_assert_nonnull (strstr (r2.err, "larger than"));
    g_assert_nonnull (strstr (r2.err, "standard input"));
    close (fd);
  }

  /* "-" is standard input: the same alerts as the file. */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) r2 = { 0 };
    int fd = open (good, O_RDONLY);

    run_fds (&r, fd, -1, "check", "-", NULL);
    g_assert_cmpint (r.status, ==, 0);
    run (&r2, "check", good, NULL);
    g_assert_cmpstr (r.out, ==, r2.out);
    close (fd);
  }

  g_unlink (fifo);
  g_unlink (deep_path);
  g_unlink (twice_path);
  g_unlink (huge_path);
  g_rmdir (dir);
}

static void
test_check_json (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = example ("older-adult-ckd.titrate");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *patient, *rules, *renal;
  JsonArray *alerts;
  const char *keys[] = { "code", "category", "severity", "title", "reason", "action", "source" };

  run (&r, "check", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  rules = json_object_get_object_member (root, "rules");
  g_assert_cmpint (json_object_get_int_member (rules, "schema_version"), ==, 1);
  g_assert_nonnull (json_object_get_string_member (rules, "content_version"));

  patient = json_object_get_object_member (root, "patient");
  g_assert_cmpfloat (json_object_get_double_member (patient, "crcl_ml_min"), ==, 30.9);
  g_assert_cmpstr (json_object_get_string_member (patient, "crcl_basis"), ==, "cockcroft_gault_actual_weight");
  g_assert_cmpfloat (json_object_get_double_member (patient, "egfr_ml_min_1_73m2"), ==, 42);

  alerts = json_object_get_array_member (root, "alerts");
  renal = find_alert (alerts, "renal.moderate");
  g_assert_nonnull (renal);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpuint (strlen (json_object_get_string_member (renal, keys[i])), >, 0);
  g_assert_cmpstr (json_object_get_string_member (renal, "category"), ==, "renal");
  g_assert_nonnull (strstr (json_object_get_string_member (renal, "reason"), "CrCl 30.9 mL/min"));
  g_assert_cmpint (json_object_get_int_member (renal, "day"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (renal, "date"), ==, "2027-01-10");
  g_assert_nonnull (find_alert (alerts, "interaction.benzodiazepine"));
  g_assert_nonnull (find_alert (alerts, "elderly.beers_egfr60"));
}

static void
test_check_scenarios (void)
{
  const struct { const char *file; const char *code; } cases[] = {
    { "pregnancy.titrate", "pregnancy.oral" },
    { "child-cerebral-palsy.titrate", "pediatric.us_under12" },
    { "alcohol-use-disorder.titrate", "dose.oral.aud.label_max" },
    /* Alcohol with diazepam on baclofen: one cumulative CNS alert replaces the pairs. */
    { "alcohol-use-disorder.titrate", "interaction.cns_burden_additive_major" },
    { "many-cns-depressants.titrate", "interaction.cns_burden_opioid_combination" },
    { "many-cns-depressants.titrate", "interaction.tca" },
    { "intrathecal-spinal.titrate", "input.unknown_comedication" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r = { 0 };
      g_autofree char *path = example (cases[i].file);
      g_autoptr(JsonParser) parser = json_parser_new ();

      run (&r, "check", path, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
      g_assert_nonnull (find_alert (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                  "alerts"), cases[i].code));
    }
}

static void
test_invalid_document (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_autofree char *bad_age = write_temp ("titrate-cli-bad-age.titrate",
    "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"age_years\":-3},"
    "\"regimen\":{\"drug\":\"baclofen\",\"route\":\"oral\",\"steps\":[]}}");
  g_autofree char *bad_unit = write_temp ("titrate-cli-bad-unit.titrate",
    "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"age_years\":40},"
    "\"regimen\":{\"drug\":\"baclofen\",\"route\":\"oral\",\"steps\":[{\"day\":1,\"daily_mcg\":100}]}}");

  run (&r, "check", bad_age, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "patient.age_years"));
  g_assert_cmpstr (r.out, ==, "");

  run (&r2, "check", bad_unit, NULL);
  g_assert_cmpint (r2.status, ==, 2);
  g_assert_nonnull (strstr (r2.err, "daily_mcg"));

  run (&r3, "check", "/nonexistent/plan.titrate", NULL);
  g_assert_cmpint (r3.status, ==, 2);
}

static void
test_bad_arguments (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };

  run (&r, NULL);
  g_assert_cmpint (r.status, ==, 2);
  run (&r2, "frobnicate", NULL);
  g_assert_cmpint (r2.status, ==, 2);
  g_assert_nonnull (strstr (r2.err, "frobnicate"));
  run (&r3, "check", NULL);
  g_assert_cmpint (r3.status, ==, 2);
}

static void
test_unusable_rules (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = example ("older-adult-ckd.titrate");
  g_autofree char *garbage = write_temp ("titrate-cli-garbage.sqlite", "not a database");

  run (&r, "check", "--rules", garbage, path, NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_nonnull (strstr (r.err, "cannot be used"));
  /* Nothing that could pass for an empty alert list */
  g_assert_cmpstr (r.out, ==, "");
}

static void
test_alternative_rules (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = example ("older-adult-ckd.titrate");

  run (&r, "check", "--rules", g_getenv ("TITRATE_BUILT_RULES_DB"), path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "renal.moderate"));
}

static void
test_plan_expands_protocol (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = example ("discontinuation-taper.titrate");
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  run (&r, "plan", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "\"protocol\""));
  doc = titrate_document_load_from_data (r.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->regimen->steps->len, ==, 5);
  g_assert_true (titrate_step_is_stopped (&g_array_index (doc->regimen->steps, TitrateStep, 4)));
  /* Unknown keys of the source document survive */
  g_assert_nonnull (strstr (r.out, "\"title\""));
}

static void
test_plan_table (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = example ("older-adult-ckd.titrate");

  run (&r, "plan", "--table", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Mon 2027-01-04"));
  g_assert_nonnull (strstr (r.out, "Tablets per dose"));
  g_assert_nonnull (strstr (r.out, "20 + 20 + 20"));
  g_assert_nonnull (strstr (r.out, "½ + ½ + ½"));      /* 5 mg from scored 10 mg tablets */
}

static void
test_rules_and_drugs (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) d = { 0 };
  g_auto(Run) none = { 0 };

  run (&r, "rules", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "schema version:  1"));
  g_assert_nonnull (strstr (r.out, "Beers23"));

  run (&d, "drugs", "xan", NULL);
  g_assert_cmpint (d.status, ==, 0);
  g_assert_nonnull (strstr (d.out, "Xanax"));
  g_assert_nonnull (strstr (d.out, "alprazolam"));

  run (&none, "drugs", "unobtainium", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_nonnull (strstr (none.out, "not checked"));
}

/* A copy of the built rules database with @sql applied. */
static char *
mutated_db (const char *name,
            const char *sql)
{
  g_autofree char *contents = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  gsize len;
  sqlite3 *db;
  char *err = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("TITRATE_BUILT_RULES_DB"), &contents, &len, NULL));
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

/* Two bytes of the interaction index's benzodiazepine key changed. */
static char *
index_corrupted_db (void)
{
  char *path = mutated_db ("titrate-cli-index.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize len, page_size;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int root;
  char *hit;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema "
                                           "WHERE name = 'sqlite_autoindex_interaction_1'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  hit = memmem (contents + (root - 1) * page_size, page_size, "benzodiazepine", 14);
  g_assert_nonnull (hit);
  hit[0] = 'c';
  hit[1] = 'f';
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

/* Every altered database is refused: exit 3, the reason on stderr, nothing
 * on stdout that could pass for an empty alert list. */
static void
test_altered_rules_refused (void)
{
  static const struct {
    const char *name;
    const char *sql;
    const char *fragment;
  } cases[] = {
    { "empty-source", "PRAGMA ignore_check_constraints = ON; UPDATE rule SET source = '' WHERE code = 'renal.severe';",
      "CHECK constraint failed" },
    { "view", "CREATE VIEW v AS SELECT * FROM rule;", "view v" },
    { "trigger", "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM interaction; END;", "trigger t" },
    { "recursive-view", "CREATE VIEW forever AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                        "SELECT x FROM c;", "forever" },
    { "indication-code", "UPDATE titration_limit SET indication = 'spasticitx' "
                         "WHERE indication = 'spasticity' AND kind = 'start_daily_mg';", "spasticitx" },
    { "no-opioid-class", "DELETE FROM interaction WHERE class = 'opioid';"
                         "DELETE FROM drug_combination WHERE name IN (SELECT name FROM drug_combination "
                         "  WHERE ingredient IN (SELECT code FROM drug WHERE class = 'opioid'));"
                         "DELETE FROM cns_class WHERE class = 'opioid';"
                         "DELETE FROM drug_name WHERE drug IN (SELECT code FROM drug WHERE class = 'opioid');"
                         "DELETE FROM drug_extra_class WHERE class = 'opioid' "
                         "  OR drug IN (SELECT code FROM drug WHERE class = 'opioid');"
                         "DELETE FROM drug WHERE class = 'opioid'; DELETE FROM drug_class WHERE code = 'opioid';",
      "opioid" },
    { "no-benzodiazepine-row", "DELETE FROM interaction WHERE rule = 'interaction.benzodiazepine';", "benzodiazepine" },
    { "raised-limit", "UPDATE dose_limit SET max_daily_mg = 800 WHERE rule = 'dose.oral.spasticity.label_max';",
      "self-test" },
    /* Each clinical limit has a self-test case that only it can satisfy
     * (a red-team of the database found these edits accepted). */
    { "no-aud-cap", "DELETE FROM dose_limit WHERE rule = 'dose.oral.aud.label_max';", "90 mg/day, above the 80" },
    { "aud-cap-from-50", "UPDATE dose_limit SET age_min_years = 50 WHERE rule = 'dose.oral.aud.label_max';",
      "90 mg/day, above the 80" },
    { "spasticity-cap-to-65", "UPDATE dose_limit SET age_max_years = 65 WHERE rule = 'dose.oral.spasticity.label_max';",
      "70 years, normal renal function, 90 mg/day" },
    { "one-day-taper", "UPDATE taper_rule SET min_taper_days = 1;", "15 mg/day steps over 3 days" },
    { "step-size-100", "UPDATE taper_rule SET max_step_down_daily_mg = 100 WHERE rule = 'withdrawal.oral.step_down_large';",
      "cut to 20 mg/day" },
    { "no-refill-margin", "PRAGMA ignore_check_constraints = ON; "
                          "UPDATE pump_setting SET value = 0, min_value = 0 WHERE key = 'refill_margin_days';",
      "after the refill-by date" },
    { "no-cns-burden", "UPDATE cns_burden_rule SET min_drugs = 99;", "three CNS-active drugs" },
    { "reservoir-x10", "UPDATE pump_model SET reservoir_ml = reservoir_ml * 10;", "self-test" },
    { "no-renal-ceiling", "UPDATE protocol_adjustment SET max_daily_mg = NULL WHERE population = 'renal_severe';",
      "has no ceiling" },
    { "raised-renal-ceiling", "UPDATE protocol_adjustment SET max_daily_mg = 25 WHERE population = 'renal_severe';",
      "CrCl 20 mL/min" },
    { "raised-dialysis-ceiling", "UPDATE protocol_adjustment SET max_daily_mg = 20 WHERE population = 'dialysis';",
      "Haemodialysis" },
  };
  g_autofree char *doc = example ("older-adult-ckd.titrate");

  for (guint i = 0; i <= G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r = { 0 };
      g_auto(Run) s = { 0 };
      g_autofree char *file = g_strdup_printf ("titrate-cli-%s.sqlite", i < G_N_ELEMENTS (cases) ? cases[i].name : "x");
      g_autofree char *path = i < G_N_ELEMENTS (cases) ? mutated_db (file, cases[i].sql) : index_corrupted_db ();
      const char *fragment = i < G_N_ELEMENTS (cases) ? cases[i].fragment : "integrity";

      run (&r, "check", "--rules", path, doc, NULL);
      if (r.status != 3 || strstr (r.err, fragment) == NULL || *r.out != '\0')
        g_error ("%s: exit %d, stderr “%s”, stdout “%s”", path, r.status, r.err, r.out);
      run (&s, "selftest", "--rules", path, NULL);
      g_assert_cmpint (s.status, ==, 3);
      g_assert_cmpstr (s.out, ==, "");
      g_remove (path);
    }
}

/* A write-ahead log beside the file (an edit committed but never
 * checkpointed: here one that deletes every interaction) or a rollback
 * journal (an edit interrupted, its changes partly in the file): the file
 * alone is not the database SQLite would show, so it is refused (exit 3),
 * naming the file beside it. Nothing is checked, and the file is not
 * changed. An empty journal (nothing to roll back) is harmless. */
static void
test_rules_side_files_refused (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) j = { 0 };
  g_auto(Run) e = { 0 };
  g_autofree char *doc = example ("older-adult-ckd.titrate");
  g_autofree char *path = mutated_db ("titrate-cli-wal.sqlite", "PRAGMA journal_mode = WAL;");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *path2 = mutated_db ("titrate-cli-journal.sqlite", NULL);
  g_autofree char *journal = g_strconcat (path2, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0; DELETE FROM interaction;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  run (&r, "check", "--rules", path, doc, NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, wal));
  g_assert_nonnull (strstr (r.err, "unfinished or not yet written"));

  /* A journal that still holds an edit to undo (SQLite's journal magic)
   * beside an unchanged copy */
  g_assert_true (g_file_get_contents (path2, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (journal, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7 journal pages", 22, NULL));
  run (&j, "check", "--rules", path2, doc, NULL);
  g_assert_cmpint (j.status, ==, 3);
  g_assert_cmpstr (j.out, ==, "");
  g_assert_nonnull (strstr (j.err, journal));
  g_assert_true (g_file_get_contents (path2, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* An empty journal, or one journal_mode=PERSIST left after a commit
   * (its header zeroed): nothing to roll back */
  g_assert_true (g_file_set_contents (journal, "", 0, NULL));
  run (&e, "check", "--rules", path2, doc, NULL);
  g_assert_cmpint (e.status, ==, 0);
  g_assert_nonnull (strstr (e.out, "interaction.benzodiazepine"));
  {
    g_auto(Run) persist = { 0 };
    char zeroed[512] = { 0 };

    g_assert_true (g_file_set_contents (journal, zeroed, sizeof zeroed, NULL));
    run (&persist, "check", "--rules", path2, doc, NULL);
    g_assert_cmpint (persist.status, ==, 0);
  }

  g_remove (wal);
  g_remove (path);
  g_remove (journal);
  g_remove (path2);
}

static void
test_rules_digest (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) ok = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) info = { 0 };
  g_autofree char *doc = example ("older-adult-ckd.titrate");
  g_autofree char *contents = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *copy = mutated_db ("titrate-cli-digest.sqlite", NULL);
  g_autofree char *other = mutated_db ("titrate-cli-other.sqlite",
                                       "UPDATE rule SET action = action || ' ' WHERE code = 'renal.mild';");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *rules;
  gsize len;

  g_assert_true (g_file_get_contents (copy, &contents, &len, NULL));
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);

  run (&info, "rules", NULL);
  g_assert_nonnull (strstr (info.out, digest));

  run (&ok, "check", "--rules", copy, "--rules-digest", digest, doc, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, ok.out, -1, NULL));
  rules = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "rules");
  g_assert_cmpstr (json_object_get_string_member (rules, "sha256"), ==, digest);
  g_assert_nonnull (json_object_get_string_member (rules, "review_by"));

  /* A different file (one space added to one rule): both digests shown. */
  run (&bad, "check", "--rules", other, "--rules-digest", digest, doc, NULL);
  g_assert_cmpint (bad.status, ==, 3);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_nonnull (strstr (bad.err, digest));
  g_assert_nonnull (strstr (bad.err, "SHA-256"));

  /* The pin applies to the embedded database too. */
  run (&r, "check", "--rules-digest", "00000000000000000000000000000000000000000000000000000000000000ff", doc, NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");

  /* An empty pin (an unset shell variable) or one that is not a digest is
   * refused; it never turns the pin off. */
  {
    const char *not_digests[] = { "", "   ", "0000", "zz", NULL };

    for (guint i = 0; not_digests[i] != NULL; i++)
      {
        g_auto(Run) e = { 0 };

        run (&e, "check", "--rules", other, "--rules-digest", not_digests[i], doc, NULL);
        g_assert_cmpint (e.status, ==, 2);
        g_assert_cmpstr (e.out, ==, "");
        g_assert_nonnull (strstr (e.err, "--rules-digest"));
        g_assert_nonnull (strstr (e.err, "not a SHA-256 digest"));
      }
  }
  g_remove (copy);
  g_remove (other);
}

/* Past its review-by date: a warning on stderr, still checked (exit 0). */
static void
test_rules_review_overdue (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *doc = example ("older-adult-ckd.titrate");
  g_autofree char *path = mutated_db ("titrate-cli-overdue.sqlite",
                                      "UPDATE meta SET value = '2020-01-01' WHERE key = 'review_by';");

  run (&r, "check", "--rules", path, doc, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "warning"));
  g_assert_nonnull (strstr (r.err, "2020-01-01"));
  g_assert_nonnull (strstr (r.out, "renal.moderate"));
  g_remove (path);
}

static void
test_selftest_command (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) m = { 0 };
  g_autofree char *lax = mutated_db ("titrate-cli-lax.sqlite",
                                     "UPDATE rule SET severity = 'minor' WHERE code = 'interaction.alcohol';");
  g_autofree char *nuisance = mutated_db ("titrate-cli-nuisance.sqlite",
                                          "UPDATE rule SET severity = 'major' WHERE code = 'interaction.ssri_snri';");
  guint passed = 0, failed = 0;
  const char *last;

  run (&r, "selftest", NULL);
  g_assert_cmpint (r.status, ==, 0);
  last = g_strrstr (g_strchomp (r.out), "\n");
  last = last ? last + 1 : r.out;
  g_assert_cmpint (sscanf (last, "%u passed, %u failed", &passed, &failed), ==, 2);
  g_assert_cmpuint (passed, >=, 60);
  g_assert_cmpuint (failed, ==, 0);

  /* check refuses it, naming the must-alert scenario that failed. */
  {
    g_auto(Run) c = { 0 };
    g_autofree char *doc = example ("older-adult-ckd.titrate");

    run (&c, "check", "--rules", lax, doc, NULL);
    g_assert_cmpint (c.status, ==, 3);
    g_assert_nonnull (strstr (c.err, "Alcohol"));
    g_assert_cmpstr (c.out, ==, "");
  }

  /* A nuisance alert (a must-not-alert scenario alerts) is not a reason to
   * refuse the database, but selftest reports it and exits 1. */
  run (&m, "selftest", "--rules", nuisance, NULL);
  g_assert_cmpint (m.status, ==, 1);
  g_assert_nonnull (strstr (m.out, "FAIL"));
  g_assert_nonnull (strstr (m.out, "Sertraline"));
  g_assert_nonnull (strstr (m.out, " passed, 1 failed"));
  g_remove (nuisance);
  g_remove (lax);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/titrate/cli/check-json", test_check_json);
  g_test_add_func ("/titrate/cli/check-scenarios", test_check_scenarios);
  g_test_add_func ("/titrate/cli/invalid-document", test_invalid_document);
  g_test_add_func ("/titrate/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/titrate/cli/unusable-rules", test_unusable_rules);
  g_test_add_func ("/titrate/cli/alternative-rules", test_alternative_rules);
  g_test_add_func ("/titrate/cli/plan-expands-protocol", test_plan_expands_protocol);
  g_test_add_func ("/titrate/cli/plan-table", test_plan_table);
  g_test_add_func ("/titrate/cli/rules-and-drugs", test_rules_and_drugs);
  g_test_add_func ("/titrate/cli/altered-rules-refused", test_altered_rules_refused);
  g_test_add_func ("/titrate/cli/rules-side-files-refused", test_rules_side_files_refused);
  g_test_add_func ("/titrate/cli/rules-digest", test_rules_digest);
  g_test_add_func ("/titrate/cli/selftest", test_selftest_command);
  g_test_add_func ("/titrate/cli/rules-review-overdue", test_rules_review_overdue);
  g_test_add_func ("/titrate/cli/output-failure", test_output_failure);
  g_test_add_func ("/titrate/cli/hostile-input", test_hostile_input);
  return g_test_run ();
}
