/* test-public-api.c — libtitrate as a program outside the tree sees it:
 * linked to the shared library, <titrate.h> only, public symbols only
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <titrate.h>

static TitrateDocument *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TitrateDocument *doc = titrate_document_load_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_true (titrate_regimen_expand_protocol (doc->regimen, &error));
  g_assert_no_error (error);
  return doc;
}

/* Every public enum is a GType whose nicks are the codes documents and the
 * CLI's JSON use. */
static void
test_enum_types (void)
{
  g_autoptr(GEnumClass) severity = g_type_class_ref (TITRATE_TYPE_SEVERITY);
  g_autoptr(GEnumClass) category = g_type_class_ref (TITRATE_TYPE_CATEGORY);
  g_autoptr(GEnumClass) route = g_type_class_ref (TITRATE_TYPE_ROUTE);

  g_assert_cmpuint (severity->n_values, ==, TITRATE_N_SEVERITIES);
  for (guint i = 0; i < severity->n_values; i++)
    g_assert_cmpstr (severity->values[i].value_nick, ==,
                     titrate_severity_to_string (severity->values[i].value));
  g_assert_cmpuint (category->n_values, ==, TITRATE_N_CATEGORIES);
  for (guint i = 0; i < category->n_values; i++)
    g_assert_cmpstr (category->values[i].value_nick, ==,
                     titrate_category_to_string (category->values[i].value));
  for (guint i = 0; i < route->n_values; i++)
    g_assert_cmpstr (route->values[i].value_nick, ==,
                     titrate_route_to_string (route->values[i].value));

  g_assert_cmpint (g_enum_get_value_by_nick (severity, "contraindicated")->value, ==,
                   TITRATE_SEVERITY_CONTRAINDICATED);
  g_assert_true (G_TYPE_IS_FLAGS (TITRATE_TYPE_PUMP_MARK));
  g_assert_true (G_TYPE_IS_ENUM (TITRATE_TYPE_ERROR));
  g_assert_true (G_TYPE_IS_ENUM (TITRATE_TYPE_RENAL_BASIS));
  g_assert_true (G_TYPE_IS_FLAGS (TITRATE_TYPE_PLAN_CHANGE));
  g_assert_true (G_TYPE_IS_ENUM (TITRATE_TYPE_DIVISIBILITY));
  g_assert_true (G_TYPE_IS_ENUM (TITRATE_TYPE_FORMULATION_UNIT));
  g_assert_true (G_TYPE_IS_ENUM (TITRATE_TYPE_DRUG_NAME_KIND));
  g_assert_true (G_TYPE_IS_ENUM (TITRATE_TYPE_PARSE_RESULT));
}

/* A document checked through the public TitratePlan: the older adult with
 * CKD gets alerts, each a TitrateAlertItem, and the JSON lists the same
 * ones. Without a rules database nothing is checked and the JSON is
 * refused: never an empty alert list in its place. */
static void
test_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (&error);
  g_autoptr(TitratePlan) plan = NULL;
  g_autoptr(TitratePlan) unchecked = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *alerts;
  GListModel *model;
  guint n;

  g_assert_no_error (error);
  plan = titrate_plan_new_for_document (rules, load_example ("older-adult-ckd.titrate"));
  g_assert_true (titrate_plan_get_checked (plan));
  model = titrate_plan_get_alerts (plan);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_true (g_list_model_get_item_type (model) == TITRATE_TYPE_ALERT_ITEM);

  json = titrate_plan_to_json (plan, &error);
  g_assert_no_error (error);
  alerts = json_object_get_array_member (json_node_get_object (json), "alerts");
  g_assert_cmpuint (json_array_get_length (alerts), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (alerts, i), "code"), ==,
                       titrate_alert_item_get_code (item));
    }

  unchecked = titrate_plan_new (NULL, NULL);
  g_assert_false (titrate_plan_get_checked (unchecked));
  g_assert_nonnull (titrate_plan_get_error (unchecked));
  g_assert_cmpuint (g_list_model_get_n_items (titrate_plan_get_alerts (unchecked)), ==, 0);
  g_assert_null (titrate_plan_to_json (unchecked, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
}

/* Amounts are never rounded to a whole number, and keep their unit. */
static void
test_format (void)
{
  g_autofree char *amount = titrate_format_amount (7.5);
  g_autofree char *dose = titrate_format_dose (2.25, "mg");
  g_autofree char *daily = titrate_format_daily (100, "mcg");

  g_assert_cmpstr (amount, ==, "7.5");
  g_assert_cmpstr (dose, ==, "2.25 mg");
  g_assert_cmpstr (daily, ==, "100 mcg/day");
}

static void
test_boxed_types (void)
{
  GType types[] = {
    TITRATE_TYPE_RULES,
    titrate_alert_get_type (),
    titrate_patient_get_type (),
    titrate_regimen_get_type (),
    titrate_document_get_type (),
    titrate_pump_get_type (),
    titrate_suggestion_get_type (),
    titrate_pump_plan_get_type (),
  };

  g_assert_true (G_TYPE_IS_OBJECT (types[0]));
  for (guint i = 1; i < G_N_ELEMENTS (types); i++)
    g_assert_true (G_TYPE_IS_BOXED (types[i]));
}

/* The older adult with CKD: a suggestion with notes, copied whole. */
static void
test_suggestion_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (&error);
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(TitrateSuggestion) suggestion = NULL;
  g_autoptr(TitrateSuggestion) copy = NULL;

  g_assert_no_error (error);
  suggestion = titrate_planner_suggest (rules, doc->patient, doc->regimen, &error);
  g_assert_no_error (error);
  g_assert_nonnull (suggestion);
  g_assert_cmpuint (suggestion->notes->len, >, 0);

  copy = g_boxed_copy (titrate_suggestion_get_type (), suggestion);
  g_assert_true (copy != suggestion);
  g_assert_true (copy->notes != suggestion->notes);
  g_assert_cmpuint (copy->notes->len, ==, suggestion->notes->len);
  for (guint i = 0; i < copy->notes->len; i++)
    g_assert_cmpstr (g_ptr_array_index (copy->notes, i), ==, g_ptr_array_index (suggestion->notes, i));
  g_assert_cmpmem (&copy->protocol, sizeof copy->protocol, &suggestion->protocol, sizeof suggestion->protocol);
  g_assert_true (copy->ceiling_daily_mg == suggestion->ceiling_daily_mg ||
                 (isnan (copy->ceiling_daily_mg) && isnan (suggestion->ceiling_daily_mg)));
}

/* The late pump refill: the reservoir plan, days and dates, copied whole. */
static void
test_pump_plan_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (&error);
  g_autoptr(TitrateDocument) doc = load_example ("intrathecal-pump-late-refill.titrate");
  g_autoptr(TitratePumpPlan) plan = NULL;
  g_autoptr(TitratePumpPlan) copy = NULL;

  g_assert_no_error (error);
  plan = titrate_pump_plan (rules, doc->regimen, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->days->len, >, 0);

  copy = g_boxed_copy (titrate_pump_plan_get_type (), plan);
  g_assert_true (copy->days != plan->days);
  g_assert_cmpuint (copy->days->len, ==, plan->days->len);
  g_assert_cmpmem (copy->days->data, copy->days->len * sizeof (TitratePumpDay),
                   plan->days->data, plan->days->len * sizeof (TitratePumpDay));
  g_assert_cmpint (g_date_compare (&copy->alarm_date, &plan->alarm_date), ==, 0);
  g_assert_cmpint (copy->days_to_alarm, ==, plan->days_to_alarm);
}

/* Getters return what the struct holds, for every alert of a busy example. */
static void
test_alert_getters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (&error);
  g_autoptr(TitrateDocument) doc = load_example ("many-cns-depressants.titrate");
  g_autoptr(GPtrArray) alerts = NULL;

  g_assert_no_error (error);
  alerts = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, >, 0);
  for (guint i = 0; i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);

      g_assert_cmpstr (titrate_alert_get_code (a), ==, a->code);
      g_assert_cmpint (titrate_alert_get_category (a), ==, a->category);
      g_assert_cmpint (titrate_alert_get_severity (a), ==, a->severity);
      g_assert_cmpstr (titrate_alert_get_title (a), ==, a->title);
      g_assert_cmpstr (titrate_alert_get_trigger (a), ==, a->trigger);
      g_assert_cmpstr (titrate_alert_get_reason (a), ==, a->reason);
      g_assert_cmpstr (titrate_alert_get_action (a), ==, a->action);
      g_assert_cmpstr (titrate_alert_get_source (a), ==, a->source);
      g_assert_cmpstr (titrate_alert_get_evidence (a), ==, a->evidence);
      g_assert_cmpint (titrate_alert_get_day (a), ==, a->day);
      /* what a prescriber needs to judge it */
      g_assert_nonnull (titrate_alert_get_title (a));
      g_assert_nonnull (titrate_alert_get_action (a));
      g_assert_nonnull (titrate_alert_get_source (a));
    }
}

static void
test_version (void)
{
  g_assert_true (TITRATE_CHECK_VERSION (0, 0, 0));
  g_assert_false (TITRATE_CHECK_VERSION (TITRATE_MAJOR_VERSION + 1, 0, 0));
  g_assert_cmpstr (TITRATE_VERSION_S, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/public-api/enum-types", test_enum_types);
  g_test_add_func ("/public-api/boxed-types", test_boxed_types);
  g_test_add_func ("/public-api/plan", test_plan);
  g_test_add_func ("/public-api/format", test_format);
  g_test_add_func ("/public-api/suggestion-copy", test_suggestion_copy);
  g_test_add_func ("/public-api/pump-plan-copy", test_pump_plan_copy);
  g_test_add_func ("/public-api/alert-getters", test_alert_getters);
  g_test_add_func ("/public-api/version", test_version);
  return g_test_run ();
}
