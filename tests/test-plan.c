/* test-plan.c — TitratePlan: one document checked against the rules
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a prescriber sees through the plan: a plan with nothing wrong says
 * "checked, nothing found"; an edit that adds a risk (a benzodiazepine, a
 * creatinine that halves the renal function) raises it at once, and the
 * list says so (items-changed); a plan that could not be checked never
 * looks like one with no alerts; and titrate_plan_to_json() prints what
 * `titrate-cli check` always printed (tests/golden/check).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "titrate.h"

static TitrateRules *
test_rules (void)
{
  static TitrateRules *rules = NULL;

  if (rules == NULL)
    {
      g_autoptr(GError) error = NULL;

      rules = titrate_rules_new_embedded (&error);
      g_assert_no_error (error);
    }
  return rules;
}

/* A document as titrate-cli reads it: protocol expanded into steps. */
static TitrateDocument *
load (const char *dir_env,
      const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv (dir_env), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = titrate_document_load_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (titrate_regimen_expand_protocol (doc->regimen, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&doc);
}

typedef struct {
  guint changed;
  guint flags;
  guint items_changed;
} Counts;

static void
on_changed (TitratePlan *plan,
            guint        flags,
            Counts      *counts)
{
  counts->changed++;
  counts->flags |= flags;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counts     *counts)
{
  counts->items_changed++;
}

static TitrateAlertItem *
find_alert (TitratePlan *plan,
            const char  *code_prefix)
{
  GListModel *alerts = titrate_plan_get_alerts (plan);

  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (alerts, i);

      if (g_str_has_prefix (titrate_alert_item_get_code (item), code_prefix))
        return item;
    }
  return NULL;
}

/* Tests */

/* 45-year-old woman, 70 kg, creatinine 0.8 mg/dL, starting 5 mg three times
 * a day up to 20 mg three times a day (the label's own titration): nothing
 * to report. A benzodiazepine added: the added CNS depression is a major
 * finding, raised at once. */
static void
test_plan_rechecks_on_edit (void)
{
  g_autoptr(TitratePlan) plan = titrate_plan_new_for_document (test_rules (),
                                                               load ("TITRATE_SCENARIOS", "13-nothing-wrong.titrate"));
  GListModel *alerts = titrate_plan_get_alerts (plan);
  TitrateDocument *doc = titrate_plan_get_document (plan);
  Counts counts = { 0 };
  TitrateAlertItem *benzo;
  TitratePlanChange flags;

  g_assert_true (titrate_plan_get_checked (plan));
  g_assert_null (titrate_plan_get_error (plan));
  g_assert_cmpuint (g_list_model_get_n_items (alerts), ==, 0);
  g_assert_true (g_type_is_a (g_list_model_get_item_type (alerts), TITRATE_TYPE_ALERT_ITEM));

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &counts);
  g_signal_connect (alerts, "items-changed", G_CALLBACK (on_items_changed), &counts);

  /* Nothing changed: nothing said. */
  flags = titrate_plan_update (plan, FALSE);
  g_assert_cmpuint (flags, ==, 0);
  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_cmpuint (counts.items_changed, ==, 0);

  g_ptr_array_add (doc->comedications, g_strdup ("lorazepam"));
  flags = titrate_plan_update (plan, FALSE);
  g_assert_true (flags & TITRATE_PLAN_CHANGE_ALERTS);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_true (counts.flags & TITRATE_PLAN_CHANGE_ALERTS);
  g_assert_cmpuint (counts.items_changed, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (alerts), >=, 1);

  benzo = find_alert (plan, "interaction.");
  g_assert_nonnull (benzo);
  g_assert_cmpint (titrate_alert_item_get_alert (benzo)->category, ==, TITRATE_CATEGORY_INTERACTION);
  g_assert_cmpint (titrate_alert_item_get_severity (benzo), >=, TITRATE_SEVERITY_MAJOR);
  g_assert_nonnull (strstr (titrate_alert_item_get_alert (benzo)->trigger, "lorazepam"));
  /* A major alert without a reason blocks a final save. */
  g_assert_cmpuint (titrate_plan_count_unacknowledged (plan), >=, 1);
  g_assert_cmpuint (titrate_plan_count_severity (plan, titrate_alert_item_get_severity (benzo)), >=, 1);

  /* The prescriber's reason is mirrored onto the alert, without a re-check. */
  titrate_document_acknowledge_alert (doc, titrate_alert_item_get_alert (benzo),
                                      "Withdrawal seizure bridge, reviewed", "2027-01-04");
  counts.changed = 0;
  g_assert_true (titrate_plan_sync_acknowledgements (plan));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpstr (titrate_alert_item_get_acknowledgement (benzo), ==, "Withdrawal seizure bridge, reviewed");

  /* Taken off again: back to "checked, nothing found". */
  g_ptr_array_remove_index (doc->comedications, doc->comedications->len - 1);
  counts.items_changed = 0;
  flags = titrate_plan_update (plan, FALSE);
  g_assert_true (flags & TITRATE_PLAN_CHANGE_ALERTS);
  g_assert_cmpuint (counts.items_changed, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (alerts), ==, 0);
  g_assert_true (titrate_plan_get_checked (plan));
}

/* The same woman with a creatinine of 2.0 mg/dL: Cockcroft–Gault CrCl
 * (140 − 45) × 70 × 0.85 / (72 × 2.0) ≈ 39 mL/min, moderate impairment.
 * The plan's renal estimate, its maximum and its alerts follow. */
static void
test_plan_renal_change (void)
{
  g_autoptr(TitratePlan) plan = titrate_plan_new_for_document (test_rules (),
                                                               load ("TITRATE_SCENARIOS", "13-nothing-wrong.titrate"));
  TitrateDocument *doc = titrate_plan_get_document (plan);
  TitrateLimit before, after;
  TitrateRenal renal;
  Counts counts = { 0 };

  titrate_plan_get_limit (plan, &before);
  g_assert_false (isnan (before.max_daily));
  titrate_plan_get_renal (plan, &renal);
  g_assert_cmpfloat (renal.crcl_ml_min, >, 90);

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &counts);
  g_assert_cmpint (doc->patient->creatinine_unit, ==, TITRATE_CREATININE_MG_DL);
  doc->patient->serum_creatinine = 2.0;
  titrate_plan_update (plan, FALSE);

  titrate_plan_get_renal (plan, &renal);
  g_assert_cmpfloat_with_epsilon (renal.crcl_ml_min, 95.0 * 70 * 0.85 / (72 * 2.0), 0.5);
  g_assert_nonnull (find_alert (plan, "renal."));
  titrate_plan_get_limit (plan, &after);
  g_assert_true (counts.flags & TITRATE_PLAN_CHANGE_LIMIT);
  g_assert_cmpfloat (after.max_daily, <, before.max_daily);
  g_assert_cmpfloat (after.renal_factor, <, 1.0);
}

/* The days follow the steps: a plan that stops on day 5 has no doses after. */
static void
test_plan_days (void)
{
  g_autoptr(TitratePlan) plan = titrate_plan_new_for_document (test_rules (),
                                                               load ("TITRATE_SCENARIOS", "13-nothing-wrong.titrate"));
  TitrateDocument *doc = titrate_plan_get_document (plan);
  GArray *days = titrate_plan_get_days (plan);
  TitrateDay day;
  gboolean is_protocol = TRUE;

  g_assert_cmpuint (days->len, ==, (guint) titrate_planner_horizon (doc->regimen));
  titrate_plan_get_day (plan, 1, &day);
  g_assert_cmpint (day.day, ==, 1);
  g_assert_cmpfloat (day.daily_total, >, 0);
  /* The peak of the steps (no protocol once expanded by hand). */
  doc->regimen->has_protocol = FALSE;
  g_assert_cmpfloat (titrate_plan_get_target (plan, &is_protocol), >=, day.daily_total);
  g_assert_false (is_protocol);
  /* Oral tablets: counselling points for the patient, and no pump. */
  g_assert_cmpuint (titrate_plan_get_counselling (plan)->len, >, 0);
  g_assert_null (titrate_plan_get_pump (plan, NULL));
}

/* No rules database: the plan says why, never "no alerts". */
static void
test_plan_no_rules (void)
{
  g_autoptr(GError) why = g_error_new_literal (TITRATE_ERROR, TITRATE_ERROR_RULES, "rules.db: file is not a database");
  g_autoptr(TitratePlan) plan = titrate_plan_new (NULL, why);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;

  g_assert_false (titrate_plan_get_checked (plan));
  g_assert_nonnull (titrate_plan_get_error (plan));
  g_assert_cmpuint (g_list_model_get_n_items (titrate_plan_get_alerts (plan)), ==, 0);
  json = titrate_plan_to_json (plan, &error);
  g_assert_null (json);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
}

/* A field this version does not read (here a misspelt "pregnant") is kept
 * but never dropped in silence: one moderate input alert names it, and the
 * pregnancy check it meant to trigger is visibly not done. Known keys kept
 * with the unknown ones (the title) are not listed. */
static void
test_plan_unknown_fields (void)
{
  static const char doc_json[] =
    "{ \"format\": \"titrate-regimen\", \"version\": 1, \"title\": \"Typo\", \"extra_note\": 1,"
    "  \"patient\": { \"age_years\": 30, \"weight_kg\": 60, \"sex\": \"female\","
    "                \"serum_creatinine_mg_dl\": 0.8, \"pregnnt\": true },"
    "  \"regimen\": { \"drug\": \"baclofen\", \"route\": \"oral\", \"indication\": \"spasticity\","
    "                \"formulation\": \"tablet\", \"strength_mg\": 5, \"start_date\": \"2027-01-04\","
    "                \"steps\": [ { \"day\": 1, \"doses_mg\": [5, 5, 5] } ] },"
    "  \"comedications\": [] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = titrate_document_load_from_data (doc_json, -1, &error);
  g_autoptr(TitratePlan) plan = NULL;
  TitrateAlertItem *item;
  const TitrateAlert *alert;

  g_assert_no_error (error);
  plan = titrate_plan_new_for_document (test_rules (), g_steal_pointer (&doc));
  item = find_alert (plan, "input.unknown_field");
  g_assert_nonnull (item);
  alert = titrate_alert_item_get_alert (item);
  g_assert_cmpint (alert->severity, ==, TITRATE_SEVERITY_MODERATE);
  g_assert_cmpstr (alert->trigger, ==, "Not read, so not checked: “extra_note”, “patient.pregnnt”");
  g_assert_null (find_alert (plan, "pregnancy"));
}

/* A check that fails after one that found something: the old alerts go,
 * and the plan says it was not checked; it is never an empty "all clear". */
static void
test_plan_error_not_empty (void)
{
  g_autoptr(TitratePlan) plan = titrate_plan_new_for_document (test_rules (),
                                                               load ("TITRATE_EXAMPLES", "older-adult-ckd.titrate"));
  TitrateDocument *doc = titrate_plan_get_document (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;
  Counts counts = { 0 };

  g_assert_true (titrate_plan_get_checked (plan));
  g_assert_cmpuint (g_list_model_get_n_items (titrate_plan_get_alerts (plan)), >, 0);

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &counts);
  /* A medicine the rules database has no rules for: nothing can be checked. */
  g_free (doc->regimen->drug);
  doc->regimen->drug = g_strdup ("tizanidine");
  titrate_plan_update (plan, FALSE);

  g_assert_true (counts.flags & TITRATE_PLAN_CHANGE_ALERTS);
  g_assert_false (titrate_plan_get_checked (plan));
  g_assert_error ((GError *) titrate_plan_get_error (plan), TITRATE_ERROR, TITRATE_ERROR_RULES);
  g_assert_cmpuint (g_list_model_get_n_items (titrate_plan_get_alerts (plan)), ==, 0);
  json = titrate_plan_to_json (plan, &error);
  g_assert_null (json);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);

  /* Back to baclofen: checked again, and the findings are back. */
  g_free (doc->regimen->drug);
  doc->regimen->drug = g_strdup ("baclofen");
  titrate_plan_update (plan, FALSE);
  g_assert_true (titrate_plan_get_checked (plan));
  g_assert_null (titrate_plan_get_error (plan));
  g_assert_nonnull (find_alert (plan, "renal."));
}

/* titrate_plan_to_json() is what `titrate-cli check` prints: byte for byte
 * the golden files, for every bundled example and scenario. */
static void
check_golden_dir (const char *dir_env)
{
  g_autoptr(GDir) dir = g_dir_open (g_getenv (dir_env), 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(TitrateDocument) doc = NULL;
      g_autoptr(TitratePlan) plan = NULL;
      g_autoptr(JsonNode) json = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *base = NULL;
      g_autofree char *golden_path = NULL;
      g_autofree char *golden = NULL;
      g_autofree char *text = NULL;
      g_autofree char *printed = NULL;

      if (!g_str_has_suffix (name, ".titrate"))
        continue;
      doc = load (dir_env, name);
      /* As titrate-cli: the steps as expanded, the pump margin from the rules. */
      doc->regimen->has_protocol = FALSE;
      if (doc->regimen->pump != NULL)
        doc->regimen->pump->margin_days = -1;
      plan = titrate_plan_new_for_document (test_rules (), g_steal_pointer (&doc));
      json = titrate_plan_to_json (plan, &error);
      g_assert_no_error (error);
      text = titrate_json_node_to_data (json, NULL);
      printed = g_strconcat (text, "\n", NULL);

      base = g_strndup (name, strlen (name) - strlen (".titrate"));
      golden_path = g_strconcat (g_getenv ("G_TEST_SRCDIR"), "/golden/check/", base, ".json", NULL);
      g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
      if (strcmp (golden, printed) != 0)
        g_test_message ("%s differs from %s", name, golden_path);
      g_assert_cmpstr (printed, ==, golden);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_plan_json_golden (void)
{
  check_golden_dir ("TITRATE_EXAMPLES");
  check_golden_dir ("TITRATE_SCENARIOS");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/recheck-on-edit", test_plan_rechecks_on_edit);
  g_test_add_func ("/plan/renal-change", test_plan_renal_change);
  g_test_add_func ("/plan/days", test_plan_days);
  g_test_add_func ("/plan/no-rules", test_plan_no_rules);
  g_test_add_func ("/plan/error-never-empty", test_plan_error_not_empty);
  g_test_add_func ("/plan/unknown-fields", test_plan_unknown_fields);
  g_test_add_func ("/plan/json-golden", test_plan_json_golden);

  return g_test_run ();
}
