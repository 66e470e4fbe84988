/* test-cli-scenario.c — `titrate-cli scenario FILE`: expected findings and
 * whether the checker still raises them; exit status 0/1/2/3
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "titrate.h"
#include "titrate-test-cli.h"

static char *
scenario (const char *name)
{
  return g_build_filename (g_getenv ("TITRATE_SCENARIOS"), name, NULL);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_all_raised (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = scenario ("06-abrupt-stop.titrate");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *finding, *summary;
  JsonArray *findings, *raised_by;

  run (&r, "scenario", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "rules"), "origin"), ==,
                   "embedded");
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Baclofen around an elective admission");
  findings = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
  finding = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "category"), ==, "withdrawal");
  g_assert_cmpstr (json_object_get_string_member (finding, "min_severity"), ==, "major");
  g_assert_true (json_object_get_boolean_member (finding, "raised"));
  raised_by = json_object_get_array_member (finding, "raised_by");
  g_assert_cmpstr (json_array_get_string_element (raised_by, 0), ==, "withdrawal.oral.abrupt_stop");
  g_assert_false (json_object_get_boolean_member (root, "fix_goal_met_as_given"));
  summary = json_object_get_object_member (root, "summary");
  g_assert_true (json_object_get_boolean_member (summary, "all_raised"));
}

/* An expected finding the checker does not raise: exit 1, and the JSON
 * says which. */
static void
test_not_raised (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = write_temp ("titrate-scenario-not-raised.titrate",
    "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
    " \"patient\": {\"age_years\": 45, \"weight_kg\": 70, \"sex\": \"female\", \"serum_creatinine_mg_dl\": 0.8},\n"
    " \"regimen\": {\"route\": \"oral\", \"indication\": \"spasticity\", \"formulation\": \"tablet\",\n"
    "   \"strength_mg\": 10, \"start_date\": \"2027-01-04\", \"steps\": [{\"day\": 1, \"doses_mg\": [5, 5, 5]}]},\n"
    " \"teaching\": {\"title\": \"t\", \"brief\": \"b\", \"explanation\": \"e\",\n"
    "   \"findings\": [{\"category\": \"allergy\", \"min_severity\": \"major\", \"label\": \"no allergy here\"},\n"
    "                {\"category\": \"renal\", \"label\": \"optional\", \"optional\": true}]}}\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *summary;

  run (&r, "scenario", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "required"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "raised"), ==, 0);
  g_assert_false (json_object_get_boolean_member (summary, "all_raised"));
  g_assert_false (json_object_get_boolean_member (
    json_array_get_object_element (json_object_get_array_member (root, "findings"), 0), "raised"));
  g_assert_true (json_object_get_null_member (root, "fix_goal_met_as_given"));
  g_unlink (path);
}

static void
test_invalid (void)
{
  g_autofree char *plain = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), "pregnancy.titrate", NULL);
  g_autofree char *bad = write_temp ("titrate-scenario-bad.titrate",
    "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
    " \"patient\": {\"age_years\": 45},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, \"doses_mg\": [5]}]},\n"
    " \"teaching\": {\"title\": \"t\", \"brief\": \"b\", \"explanation\": \"e\",\n"
    "   \"findings\": [{\"category\": \"kidney\", \"label\": \"x\"}]}}\n");

  {
    /* A plan without a teaching section is not a scenario. */
    g_auto(Run) r = { 0 };

    run (&r, "scenario", plain, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, "teaching"));
  }
  {
    g_auto(Run) r = { 0 };

    run (&r, "scenario", bad, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, "teaching.findings[0].category"));
  }
  {
    g_auto(Run) r = { 0 };

    run (&r, "scenario", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  g_unlink (bad);
}

/* An unusable rules database: exit 3 and nothing on stdout, so a failure
 * never looks like "every finding raised". */
static void
test_rules_unusable (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = scenario ("06-abrupt-stop.titrate");
  g_autofree char *junk = write_temp ("titrate-scenario-junk.sqlite", "not a database");

  run (&r, "--rules", junk, "scenario", path, NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");
  g_unlink (junk);
}

/* The scenario file is still a plan: `check` reads it and ignores the
 * teaching section. */
static void
test_check_ignores_section (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = scenario ("13-nothing-wrong.titrate");

  run (&r, "check", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "teaching"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/scenario/all-raised", test_all_raised);
  g_test_add_func ("/cli/scenario/not-raised", test_not_raised);
  g_test_add_func ("/cli/scenario/invalid", test_invalid);
  g_test_add_func ("/cli/scenario/rules-unusable", test_rules_unusable);
  g_test_add_func ("/cli/scenario/check-ignores-section", test_check_ignores_section);
  return g_test_run ();
}
