/* test-german.c — what a German-speaking prescriber and patient see
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs titrate-cli ($TITRATE_CLI) in de_DE.UTF-8 with the build tree's
 * compiled catalogues ($TITRATE_LOCALEDIR), as `meson devenv` does, and checks
 * the calendar table, the alerts, the handout and the reminders: German words,
 * decimal commas, German dates, weeks from Monday, and the units exactly as in
 * English (mg, mcg, mL; never µg). The JSON codes stay English: they are the
 * contract. Skipped when de_DE.UTF-8 is not installed (tools/install-deps.sh
 * generates it).
 */

#include <locale.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "titrate-test-cli.h"

/* A plan that starts on a Wednesday, so the handout's first week shows which
 * weekday a week starts on: 5 mg three times a day (half a scored 10 mg
 * tablet), +5 mg per dose every 3 days, to 45 mg/day. */
static const char plan_json[] =
  "{ \"format\": \"titrate-regimen\", \"version\": 1,\n"
  "  \"patient\": { \"age_years\": 45, \"weight_kg\": 70, \"sex\": \"male\",\n"
  "               \"serum_creatinine_mg_dl\": 0.9 },\n"
  "  \"regimen\": { \"drug\": \"baclofen\", \"route\": \"oral\", \"indication\": \"spasticity\",\n"
  "               \"formulation\": \"tablet\", \"strength_mg\": 10, \"start_date\": \"2027-01-06\",\n"
  "               \"protocol\": { \"kind\": \"titrate\", \"start_dose_mg\": 5, \"doses_per_day\": 3,\n"
  "                             \"step_mg_per_dose\": 5, \"step_every_days\": 3,\n"
  "                             \"target_daily_mg\": 45 } },\n"
  "  \"comedications\": [] }\n";

static char *tmpdir;

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("TITRATE_EXAMPLES"), name, NULL);
}

static char *
plan_file (void)
{
  char *path = g_build_filename (tmpdir, "wednesday.titrate", NULL);

  g_assert_true (g_file_set_contents (path, plan_json, -1, NULL));
  return path;
}

static gboolean
have_german (void)
{
  const char *saved = setlocale (LC_ALL, NULL);
  g_autofree char *copy = g_strdup (saved);
  gboolean ok = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;

  setlocale (LC_ALL, copy);
  if (!ok)
    g_test_skip ("de_DE.UTF-8 not installed (tools/install-deps.sh generates it)");
  return ok;
}

static void
assert_no_microgram (const char *text)
{
  g_assert_null (strstr (text, "µg"));
}

/* The calendar table: German headers and phases, weekday names, decimal
 * commas, tablets with their unit exactly as in English. */
static void
test_table (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) child = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *child_path = example ("child-cerebral-palsy.titrate");

  if (!have_german ())
    return;
  path = plan_file ();
  run (&r, "plan", "--table", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Baclofen, oral (mg), Einheiten pro Einzeldosis: "
                                   "× Tablette zu 10 mg (mit Bruchkerbe: Hälften möglich)"));
  g_assert_nonnull (strstr (r.out, "Einzeldosen (mg)"));
  g_assert_nonnull (strstr (r.out, "Tabletten pro Einzeldosis"));
  /* Day 1 is Wednesday 6 January, half a tablet per dose. */
  g_assert_true (g_regex_match_simple ("^Mi 2027-01-06 +1 +Beginn +5 \\+ 5 \\+ 5 +15 +½ \\+ ½ \\+ ½$",
                                       r.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Sa 2027-01-09 +4 +Steigerung +10 \\+ 10 \\+ 10 +30 ",
                                       r.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Mo 2027-01-18 +13 +Erhaltung +15 \\+ 15 \\+ 15 +45 +1½ \\+ 1½ \\+ 1½$",
                                       r.out, G_REGEX_MULTILINE, 0));
  g_assert_null (strstr (r.out, "tablet"));
  g_assert_null (strstr (r.out, "Doses"));

  /* An oral solution: 2.5 mg is written 2,5, and so are the mL. */
  run (&child, "plan", "--table", child_path, NULL);
  g_assert_cmpint (child.status, ==, 0);
  g_assert_nonnull (strstr (child.out, "mL Lösung zum Einnehmen zu 1 mg/mL"));
  g_assert_true (g_regex_match_simple ("^Mo 2027-02-01 +1 +Beginn +2,5 \\+ 2,5 \\+ 2,5 +7,5 +2,5 \\+ 2,5 \\+ 2,5$",
                                       child.out, G_REGEX_MULTILINE, 0));
  g_assert_null (strstr (child.out, "2.5"));
}

static JsonObject *
find_alert (JsonArray  *alerts,
            const char *code)
{
  for (guint i = 0; i < json_array_get_length (alerts); i++)
    {
      JsonObject *a = json_array_get_object_element (alerts, i);

      if (g_strcmp0 (json_object_get_string_member (a, "code"), code) == 0)
        return a;
    }
  return NULL;
}

/* The alerts: German text with the patient's value as the prescriber reads
 * it, the codes unchanged. */
static void
test_alerts (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = example ("older-adult-ckd.titrate");
  JsonObject *root;
  JsonObject *renal;
  JsonObject *benzo;

  if (!have_german ())
    return;
  run (&r, "check", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  renal = find_alert (json_object_get_array_member (root, "alerts"), "renal.moderate");
  g_assert_nonnull (renal);
  g_assert_cmpstr (json_object_get_string_member (renal, "severity"), ==, "major");
  g_assert_cmpstr (json_object_get_string_member (renal, "category"), ==, "renal");
  g_assert_cmpstr (json_object_get_string_member (renal, "title"), ==, "CrCl oder eGFR 30–50 mL/min: Dosis halbieren");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (renal, "trigger"),
                                   "CrCl 30,9 mL/min (Cockcroft–Gault, tatsächliches Gewicht); "
                                   "Plan erreicht maximal 60 mg/Tag"));
  g_assert_nonnull (strstr (json_object_get_string_member (renal, "reason"),
                            "Plan erreicht maximal 60 mg/Tag, über den renal reduzierten 40 mg/Tag "
                            "(Höchstdosis laut Fachinformation × 0,5)"));
  g_assert_nonnull (strstr (json_object_get_string_member (renal, "action"),
                            "Die Hälfte der üblichen Dosis und Höchstdosis verwenden"));

  benzo = find_alert (json_object_get_array_member (root, "alerts"), "interaction.benzodiazepine");
  g_assert_nonnull (benzo);
  g_assert_cmpstr (json_object_get_string_member (benzo, "title"), ==, "Benzodiazepin: zusätzliche ZNS-Dämpfung");
  g_assert_cmpstr (json_object_get_string_member (benzo, "trigger"), ==, "Begleitmedikation: lorazepam");
  /* The renal basis code in the patient block is the contract, not text. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "patient"), "crcl_basis"), ==,
                   "cockcroft_gault_actual_weight");
  assert_no_microgram (r.out);
}

static char *
collapse_spaces (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* The handout: German dates, the week from Monday to Sunday, the patient's
 * words. */
static void
test_handout (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *pdf = g_build_filename (tmpdir, "handout.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!have_german ())
    return;
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  path = plan_file ();
  run (&r, "export", "--pdf", pdf, "--handout", "--summary", "--paper", "a4", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
  }
  text = collapse_spaces (out);
  g_assert_nonnull (strstr (text, "Ihr Baclofen-Plan"));
  g_assert_nonnull (strstr (text, "Beginn: Mittwoch, 6. Januar 2027"));
  /* The first week runs from the start (Wednesday) to Sunday: German weeks
   * start on Monday. */
  g_assert_nonnull (strstr (text, "Mittwoch, 6. bis Sonntag, 10. Januar"));
  g_assert_nonnull (strstr (text, "Montag, 11. bis Sonntag, 17. Januar"));
  g_assert_nonnull (strstr (text, "Setzen Sie Baclofen nicht plötzlich ab"));
  g_assert_nonnull (strstr (text, "½ Tablette"));
  g_assert_nonnull (strstr (text, "1½ Tabletten"));
  /* The summary. */
  g_assert_nonnull (strstr (text, "Baclofen-Plan: ärztliche Zusammenfassung"));
  g_assert_nonnull (strstr (text, "Geltende Höchstdosis: 80 mg/Tag"));
  g_assert_nonnull (strstr (text, "Herkunft: in Titrate eingebettet"));
  g_assert_null (strstr (text, "tablet "));
  g_assert_null (strstr (text, "Monday"));
  assert_no_microgram (text);
}

/* The reminders: German text, the dose with its unit. */
static void
test_reminders (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *ics = g_build_filename (tmpdir, "plan.ics", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *unfolded = NULL;

  if (!have_german ())
    return;
  path = plan_file ();
  run (&r, "export", "--ics", ics, path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (ics, &contents, NULL, NULL));
  /* iCalendar folds long lines: CRLF and one space. */
  {
    g_auto(GStrv) parts = g_strsplit (contents, "\r\n ", -1);

    unfolded = g_strjoinv ("", parts);
  }
  g_assert_nonnull (strstr (unfolded, "SUMMARY:Baclofen 5 mg — ½ Tablette zu 10 mg"));
  g_assert_nonnull (strstr (unfolded, "Erster Tag dieses Plans: 5 mg 3-mal täglich (15 mg pro Tag)."));
  g_assert_nonnull (strstr (unfolded, "Dosisänderung heute: Die Dosis steigt auf 10 mg 3-mal täglich (30 mg pro Tag). "
                                      "Bisher: 5 mg 3-mal täglich (15 mg pro Tag)."));
  g_assert_null (strstr (unfolded, "tablet"));
  assert_no_microgram (unfolded);
}

/* A rules file that is not a database: SQLite's own reason is given in
 * German too, not only the sentence around it. */
static void
test_unusable_rules (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *garbage = g_build_filename (tmpdir, "kaputt.sqlite", NULL);

  if (!have_german ())
    return;
  path = plan_file ();
  g_assert_true (g_file_set_contents (garbage, "this is not a database, just text\n", -1, NULL));
  run (&r, "check", "--rules", garbage, path, NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, "die Datei ist keine Datenbank"));
  g_assert_null (strstr (r.err, "not a database"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The children run in German with the build tree's catalogues. */
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("titrate-german-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/titrate/german/table", test_table);
  g_test_add_func ("/titrate/german/alerts", test_alerts);
  g_test_add_func ("/titrate/german/handout", test_handout);
  g_test_add_func ("/titrate/german/reminders", test_reminders);
  g_test_add_func ("/titrate/german/unusable-rules", test_unusable_rules);
  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (tmpdir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return status;
}
