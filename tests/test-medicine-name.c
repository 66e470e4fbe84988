/* test-medicine-name.c
 *
 * Copyright 2026 The Titrate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents name the medicine from the rules database, never from C: a
 * regimen of the fictional "examplofen" (tests/fixtures/examplofen.sql) gives
 * a handout, a clinician summary and reminders that say "examplofen" and
 * never "baclofen"; the same documents for baclofen still say "baclofen".
 * The document loader checks regimen.drug against the database in use:
 * an examplofen document loads with the examplofen database (and through
 * `titrate-cli --rules`), and is refused, naming the field, without it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "titrate-ics.h"
#include "titrate-report.h"
#include "titrate-test-cli.h"
#include "titrate-test-db.h"
#include "titrate-test-util.h"

static char *tmpdir;
static char *db_path;

/* Rows examplofen's fixture does not give (protocols, pump settings,
 * comedication rows…) are copied from baclofen's, as in test-thresholds. */
static const char *
examplofen_db (void)
{
  /* The summary prints the database's own title: data, not C. (The pump
   * card's texts are the fixture's own pump_text rows, keyed by medicine.) */
  if (db_path == NULL)
    db_path = test_db_copy (tmpdir, "examplofen.sqlite", "fixtures/examplofen.sql",
                            "UPDATE meta SET value = 'Titrate examplofen test rules' WHERE key = 'title'; "
                            /* Its own (fictional) warning sign and pump card line, to
                             * prove the handout draws the medicine's rows. */
                            "UPDATE counselling SET text = 'see examplofen-blue spots' "
                            "WHERE medicine = 'examplofen' AND section = 'withdrawal_sign' AND id = 1101; "
                            "UPDATE pump_text SET text = 'Examplofen pumps hum when low.' "
                            "WHERE medicine = 'examplofen' AND key = 'card_keep'");
  return db_path;
}

static TitrateRules *
open_rules (gboolean examplofen)
{
  g_autoptr(GError) error = NULL;
  TitrateRules *rules = examplofen ? titrate_rules_new_for_path (examplofen_db (), &error)
                                   : titrate_rules_new_embedded (&error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* The example document, prescribing @drug. */
static TitrateDocument *
load_example (const char *name,
              const char *drug)
{
  g_autofree char *path = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TitrateDocument *doc = titrate_document_load_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_free (doc->regimen->drug);
  doc->regimen->drug = g_strdup (drug);
  return doc;
}

static void
assert_names (const char *text,
              const char *drug)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (strcmp (drug, "examplofen") == 0)
    {
      if (strstr (lower, "baclofen") != NULL)
        g_error ("“baclofen” in an examplofen document:\n%s", text);
      g_assert_nonnull (strstr (lower, "examplofen"));
    }
  else
    {
      g_assert_nonnull (strstr (lower, "baclofen"));
      g_assert_null (strstr (lower, "examplofen"));
    }
}

static char *
pdf_text (TitrateRules       *rules,
          TitrateDocument    *doc,
          TitrateReportKind   kind)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *path = g_build_filename (tmpdir, "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateReport) report = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  report = titrate_report_new (rules, doc, kind, TITRATE_PAPER_A4_WIDTH, TITRATE_PAPER_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_true (titrate_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { program, path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                                 &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_remove (path);
  return out;
}

static char *
ics_text (TitrateRules    *rules,
          TitrateDocument *doc,
          TitrateIcsMode   mode)
{
  g_autoptr(GError) error = NULL;
  TitrateIcsOptions options;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autoptr(GRegex) fold = g_regex_new ("\r\n[ \t]", 0, 0, NULL);

  titrate_ics_options_init (&options);
  options.mode = mode;
  options.dtstamp = 1795000000;
  text = titrate_ics_write (rules, doc, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  return g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);
}

static void
check_documents (const char *example,
                 const char *drug,
                 const char *const *expect)
{
  g_autoptr(TitrateRules) rules = open_rules (strcmp (drug, "examplofen") == 0);
  g_autoptr(TitrateDocument) doc = load_example (example, drug);
  g_autofree char *handout = pdf_text (rules, doc, TITRATE_REPORT_HANDOUT);
  g_autofree char *summary = pdf_text (rules, doc, TITRATE_REPORT_SUMMARY);
  g_autofree char *ics = ics_text (rules, doc, TITRATE_ICS_PER_ADMINISTRATION);
  g_autofree char *per_day = ics_text (rules, doc, TITRATE_ICS_PER_DAY);
  g_autofree char *all = NULL;

  assert_names (ics, drug);
  assert_names (per_day, drug);
  if (handout == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  assert_names (handout, drug);
  /* The summary quotes the alerts' own texts: in this fixture examplofen
   * borrows baclofen's rows (renal bands, interactions), and their text,
   * which is data. Only the summary's own words are checked here. */
  all = g_strjoin ("\n", handout, summary, ics, per_day, NULL);
  for (guint i = 0; expect[i] != NULL; i++)
    if (strstr (all, expect[i]) == NULL)
      g_error ("expected “%s” in:\n%s", expect[i], all);
}

static void
test_taper (void)
{
  const char *const examplofen[] = { "Your examplofen plan", "Examplofen plan: clinician summary",
                                     "Do not stop examplofen suddenly", "see examplofen-blue spots",
                                     "Last day of examplofen",
                                     "X-WR-CALNAME:Examplofen plan", "SUMMARY:Examplofen ", NULL };
  const char *const baclofen[] = { "Your baclofen plan", "Baclofen plan: clinician summary",
                                   "Do not stop baclofen suddenly", "Last day of baclofen",
                                   "X-WR-CALNAME:Baclofen plan", "SUMMARY:Baclofen ", NULL };

  check_documents ("discontinuation-taper.titrate", "examplofen", examplofen);
  check_documents ("discontinuation-taper.titrate", "baclofen", baclofen);
}

static void
test_titration (void)
{
  const char *const examplofen[] = { "how much examplofen to take", "keep taking examplofen as prescribed", NULL };
  const char *const baclofen[] = { "how much baclofen to take", "keep taking baclofen as prescribed", NULL };

  check_documents ("older-adult-ckd.titrate", "examplofen", examplofen);
  check_documents ("older-adult-ckd.titrate", "baclofen", baclofen);
}

static void
test_pump (void)
{
  const char *const examplofen[] = { "SUMMARY:Examplofen pump refill appointment",
                                     "Do not stop examplofen suddenly: never let",
                                     "Examplofen pumps hum when low.", NULL };
  const char *const baclofen[] = { "SUMMARY:Baclofen pump refill appointment",
                                   "Do not stop baclofen suddenly: never let", NULL };

  check_documents ("intrathecal-pump-late-refill.titrate", "examplofen", examplofen);
  check_documents ("intrathecal-pump-late-refill.titrate", "baclofen", baclofen);
}

static void
test_api (void)
{
  g_autoptr(TitrateRules) rules = open_rules (TRUE);

  g_assert_cmpstr (titrate_rules_get_medicine_label (rules, "examplofen"), ==, "examplofen");
  g_assert_cmpstr (titrate_rules_get_medicine_label_start (rules, "Examplofen"), ==, "Examplofen");
  g_assert_cmpstr (titrate_rules_get_medicine_label (rules, NULL), ==, "baclofen");
  g_assert_cmpstr (titrate_rules_get_medicine_label_start (rules, "baclofen"), ==, "Baclofen");
}

/* An examplofen regimen (day 1: 5 mg twice a day; day 8: 5 mg three times). */
static const char examplofen_doc[] =
  "{\"format\":\"titrate-regimen\",\"version\":1,"
  "\"patient\":{\"age_years\":40,\"weight_kg\":70,\"sex\":\"female\",\"crcl_ml_min\":100},"
  "\"regimen\":{\"drug\":\"examplofen\",\"route\":\"oral\",\"indication\":\"example_indication\","
  "\"formulation\":\"tablet\",\"strength_mg\":5,\"start_date\":\"2027-01-04\","
  "\"steps\":[{\"day\":1,\"doses_mg\":[5,5]},{\"day\":8,\"doses_mg\":[5,5,5]}]}}";

static void
test_load_with_rules (void)
{
  g_autoptr(TitrateRules) rules = open_rules (TRUE);
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(TitrateDocument) refused = NULL;
  g_autoptr(GError) error = NULL;

  /* The embedded database has no examplofen: refused, naming the field. */
  refused = titrate_document_load_from_data (examplofen_doc, -1, &error);
  g_assert_null (refused);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "regimen.drug"));
  g_assert_nonnull (strstr (error->message, "examplofen"));
  g_clear_error (&error);

  /* The database in use holds it: loads, and is checked with its rows. */
  doc = titrate_document_load_from_data_with_rules (examplofen_doc, -1, rules, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (doc->regimen->drug, ==, "examplofen");
  {
    g_autoptr(GPtrArray) alerts = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);

    g_assert_no_error (error);
    g_assert_nonnull (alerts);
  }
}

static void
test_cli_rules (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "examplofen.titrate", NULL);
  g_auto(Run) embedded = { 0 };
  g_auto(Run) in_use = { 0 };

  g_assert_true (g_file_set_contents (path, examplofen_doc, -1, NULL));
  run (&embedded, "check", path, NULL);
  g_assert_cmpint (embedded.status, ==, 2);
  g_assert_nonnull (strstr (embedded.err, "regimen.drug"));

  run (&in_use, "--rules", examplofen_db (), "check", path, NULL);
  if (in_use.status != 0)
    g_error ("titrate-cli --rules examplofen check: status %d\n%s", in_use.status, in_use.err);
  g_assert_nonnull (strstr (in_use.out, "\"alerts\""));
  g_remove (path);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("titrate-medicine-name-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_test_add_func ("/titrate/medicine-name/api", test_api);
  g_test_add_func ("/titrate/medicine-name/taper", test_taper);
  g_test_add_func ("/titrate/medicine-name/titration", test_titration);
  g_test_add_func ("/titrate/medicine-name/pump", test_pump);
  g_test_add_func ("/titrate/medicine-name/load-with-rules", test_load_with_rules);
  g_test_add_func ("/titrate/medicine-name/cli-rules", test_cli_rules);
  status = g_test_run ();
  if (db_path != NULL)
    g_remove (db_path);
  g_rmdir (tmpdir);
  g_free (db_path);
  g_free (tmpdir);
  return status;
}
