/* test-cli-pump.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `titrate-cli check` with an intrathecal pump: the top-level "pump" object,
 * --pump-margin-days, and the contract unchanged without a pump.
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "titrate-test-cli.h"

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("TITRATE_EXAMPLES"), name, NULL);
}

static JsonObject *
parse (const char *text,
       JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_pump_object (void)
{
  g_autofree char *path = example ("intrathecal-pump-late-refill.titrate");
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *pump;

  run (&r, "check", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out, parser);
  g_assert_true (json_object_has_member (root, "pump"));
  pump = json_object_get_object_member (root, "pump");
  g_assert_cmpstr (json_object_get_string_member (pump, "alarm_date"), ==, "2027-01-25");
  g_assert_cmpstr (json_object_get_string_member (pump, "empty_date"), ==, "2027-01-27");
  g_assert_cmpstr (json_object_get_string_member (pump, "refill_by"), ==, "2027-01-18");
  g_assert_cmpint (json_object_get_int_member (pump, "days_to_alarm"), ==, 21);
  g_assert_cmpint (json_object_get_int_member (pump, "margin_days"), ==, 7);
  /* 18.8 mL over 22 days (7 × 0.8 + 15 × 0.88) */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pump, "ml_per_day"), 0.854545, 1e-6);
  g_assert_nonnull (strstr (r.out, "\"pump.refill.after_alarm\""));
}

static void
test_margin_option (void)
{
  g_autofree char *path = example ("intrathecal-pump-late-refill.titrate");
  g_auto(Run) r = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) low = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *pump;

  run (&r, "check", "--pump-margin-days", "3", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  pump = json_object_get_object_member (parse (r.out, parser), "pump");
  g_assert_cmpint (json_object_get_int_member (pump, "margin_days"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (pump, "refill_by"), ==, "2027-01-22");

  /* Outside the range the rules database gives (3–10 days): refused. */
  run (&bad, "check", "--pump-margin-days", "11", path, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_nonnull (strstr (bad.err, "--pump-margin-days"));
  run (&low, "check", "--pump-margin-days", "2", path, NULL);
  g_assert_cmpint (low.status, ==, 2);
}

static void
test_no_pump_unchanged (void)
{
  g_autofree char *path = example ("intrathecal-spinal.titrate");
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();

  run (&r, "check", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_false (json_object_has_member (parse (r.out, parser), "pump"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-pump/pump-object", test_pump_object);
  g_test_add_func ("/cli-pump/margin-option", test_margin_option);
  g_test_add_func ("/cli-pump/no-pump-unchanged", test_no_pump_unchanged);
  return g_test_run ();
}
