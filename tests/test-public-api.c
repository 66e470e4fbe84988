/* test-public-api.c — libtitrate as a program outside the tree sees it:
 * linked to the shared library, <titrate.h> only, public symbols only
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

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

/* Every public enum with a *_to_string() function: each value's nick is
 * that function's code (the one documents, the rules database and the
 * CLI's JSON use), for every value. */
#define CHECK_NICKS(TYPE, to_string, n_expected)                               \
  G_STMT_START {                                                               \
    g_autoptr(GEnumClass) klass = g_type_class_ref (TYPE);                     \
    g_assert_cmpuint (klass->n_values, ==, n_expected);                        \
    for (guint i = 0; i < klass->n_values; i++)                                \
      g_assert_cmpstr (klass->values[i].value_nick, ==,                        \
                       to_string (klass->values[i].value));                    \
  } G_STMT_END

static void
test_enum_nicks (void)
{
  CHECK_NICKS (TITRATE_TYPE_ROUTE, titrate_route_to_string, 2);
  CHECK_NICKS (TITRATE_TYPE_SEX, titrate_sex_to_string, 3);
  CHECK_NICKS (TITRATE_TYPE_ORIGIN, titrate_origin_to_string, 3);
  CHECK_NICKS (TITRATE_TYPE_SEVERITY, titrate_severity_to_string, TITRATE_N_SEVERITIES);
  CHECK_NICKS (TITRATE_TYPE_CATEGORY, titrate_category_to_string, TITRATE_N_CATEGORIES);
  CHECK_NICKS (TITRATE_TYPE_PHASE, titrate_phase_to_string, 7);
  CHECK_NICKS (TITRATE_TYPE_FORMULATION_UNIT, titrate_formulation_unit_to_string, 3);
  CHECK_NICKS (TITRATE_TYPE_DIVISIBILITY, titrate_divisibility_to_string, 4);
  CHECK_NICKS (TITRATE_TYPE_RENAL_BASIS, titrate_renal_basis_to_string, 5);
  CHECK_NICKS (TITRATE_TYPE_RENAL_FUNCTION, titrate_renal_function_to_string, 4);
  CHECK_NICKS (TITRATE_TYPE_PROTOCOL_KIND, titrate_protocol_kind_to_string, 2);

  /* and the round trip through the parsers that have one */
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (TITRATE_TYPE_DIVISIBILITY);
    TitrateDivisibility d;

    g_assert_true (titrate_divisibility_from_string (
      g_enum_get_value (klass, TITRATE_DIVISIBILITY_SCORED_HALF)->value_nick, &d));
    g_assert_cmpint (d, ==, TITRATE_DIVISIBILITY_SCORED_HALF);
  }
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (TITRATE_TYPE_FORMULATION_UNIT);
    TitrateFormulationUnit u;

    for (guint i = 0; i < klass->n_values; i++)
      {
        g_assert_true (titrate_formulation_unit_from_string (klass->values[i].value_nick, &u));
        g_assert_cmpint (u, ==, klass->values[i].value);
      }
  }

  /* Enums without a *_to_string(): the codes documents use. */
  {
    g_autoptr(GEnumClass) it_phase = g_type_class_ref (TITRATE_TYPE_IT_PHASE);
    g_autoptr(GEnumClass) kind = g_type_class_ref (TITRATE_TYPE_DRUG_NAME_KIND);
    g_autoptr(GEnumClass) creatinine = g_type_class_ref (TITRATE_TYPE_CREATININE_UNIT);

    g_assert_cmpstr (g_enum_get_value (it_phase, TITRATE_IT_PHASE_POST_IMPLANT)->value_nick, ==, "post_implant");
    g_assert_cmpstr (g_enum_get_value (it_phase, TITRATE_IT_PHASE_MAINTENANCE)->value_nick, ==, "maintenance");
    g_assert_cmpstr (g_enum_get_value (kind, TITRATE_DRUG_NAME_GENERIC)->value_nick, ==, "generic");
    g_assert_cmpstr (g_enum_get_value (kind, TITRATE_DRUG_NAME_BRAND)->value_nick, ==, "brand");
    g_assert_cmpstr (g_enum_get_value (kind, TITRATE_DRUG_NAME_SYNONYM)->value_nick, ==, "synonym");
    g_assert_cmpstr (g_enum_get_value (creatinine, TITRATE_CREATININE_MG_DL)->value_nick, ==, "mg_dl");
    g_assert_cmpstr (g_enum_get_value (creatinine, TITRATE_CREATININE_UMOL_L)->value_nick, ==, "umol_l");
  }
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
    TITRATE_TYPE_ALERT,
    TITRATE_TYPE_PATIENT,
    TITRATE_TYPE_REGIMEN,
    TITRATE_TYPE_DOCUMENT,
    TITRATE_TYPE_PUMP,
    TITRATE_TYPE_SUGGESTION,
    TITRATE_TYPE_PUMP_PLAN,
    TITRATE_TYPE_STEP,
    TITRATE_TYPE_PROTOCOL,
    TITRATE_TYPE_DAY,
    TITRATE_TYPE_RENAL,
    TITRATE_TYPE_LIMIT,
    TITRATE_TYPE_ACKNOWLEDGEMENT,
    TITRATE_TYPE_PUMP_REFILL,
    TITRATE_TYPE_PUMP_BOLUS,
    TITRATE_TYPE_PUMP_DAY,
    TITRATE_TYPE_PUMP_MODEL,
    TITRATE_TYPE_PUMP_SETTING,
    TITRATE_TYPE_RULE_TEXT,
    TITRATE_TYPE_DRUG,
    TITRATE_TYPE_DRUG_NAME,
    TITRATE_TYPE_VOCAB_ITEM,
    TITRATE_TYPE_FORMULATION,
    TITRATE_TYPE_STRENGTH,
    TITRATE_TYPE_SOURCE,
    TITRATE_TYPE_COUNSELLING,
  };

  g_assert_true (G_TYPE_IS_OBJECT (types[0]));
  for (guint i = 1; i < G_N_ELEMENTS (types); i++)
    g_assert_true (G_TYPE_IS_BOXED (types[i]));
}

/* A boxed copy of a plain value holds the same bytes at another address. */
static void
check_value_copy (GType         type,
                  gconstpointer value,
                  gsize         size)
{
  gpointer copy = g_boxed_copy (type, value);

  g_assert_true (G_TYPE_IS_BOXED (type));
  g_assert_true (copy != value);
  g_assert_cmpmem (copy, size, value, size);
  g_boxed_free (type, copy);
}

/* A copied string: equal text, its own memory. */
#define assert_str_copied(copy, orig, field)                                   \
  G_STMT_START {                                                               \
    g_assert_cmpstr ((copy)->field, ==, (orig)->field);                        \
    if ((orig)->field != NULL)                                                 \
      g_assert_true ((gconstpointer) (copy)->field != (gconstpointer) (orig)->field); \
  } G_STMT_END

/* Every public struct has a boxed GType; a copy is deep (its strings are
 * its own, so a rules row copied outlives the rules database) and
 * g_boxed_free() frees only what the copy owns. */
static void
test_boxed_copies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (&error);
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  const double doses[] = { 5, 5, 10 };
  TitrateStep step;
  TitrateProtocol protocol;
  TitrateDay day;
  TitrateRenal renal;
  TitratePumpRefill refill;
  TitratePumpBolus bolus;
  TitratePumpDay pump_day;
  TitrateLimit limit = { 0 };
  TitrateAcknowledgement ack = { (char *) "renal.severe", (char *) "discussed with nephrology",
                                 (char *) "2026-01-05", NULL };
  TitrateAcknowledgement *ack_copy;
  TitrateLimit *limit_copy;

  g_assert_no_error (error);

  titrate_step_init_oral (&step, 4, doses, G_N_ELEMENTS (doses));
  check_value_copy (TITRATE_TYPE_STEP, &step, sizeof step);
  /* zeroed first: the byte comparison covers the padding too */
  memset (&protocol, 0, sizeof protocol);
  protocol.kind = TITRATE_PROTOCOL_TITRATE;
  protocol.start_dose_mg = 5;
  protocol.doses_per_day = 3;
  protocol.step_mg_per_dose = 5;
  protocol.step_every_days = 3;
  protocol.target_daily_mg = 60;
  protocol.from_daily_mg = NAN;
  check_value_copy (TITRATE_TYPE_PROTOCOL, &protocol, sizeof protocol);
  memset (&day, 0, sizeof day);
  day.day = 3;
  g_date_set_dmy (&day.date, 5, 1, 2026);
  day.n_doses = 2;
  day.doses_mg[0] = day.doses_mg[1] = 7.5;
  day.daily_total = 15;
  check_value_copy (TITRATE_TYPE_DAY, &day, sizeof day);
  memset (&refill, 0, sizeof refill);
  g_date_set_dmy (&refill.date, 5, 1, 2026);
  refill.volume_ml = 20;
  refill.concentration_mcg_per_ml = 500;
  check_value_copy (TITRATE_TYPE_PUMP_REFILL, &refill, sizeof refill);
  memset (&bolus, 0, sizeof bolus);
  g_date_set_dmy (&bolus.date, 6, 1, 2026);
  bolus.dose_mcg = 50;
  check_value_copy (TITRATE_TYPE_PUMP_BOLUS, &bolus, sizeof bolus);
  memset (&pump_day, 0, sizeof pump_day);
  g_date_set_dmy (&pump_day.date, 7, 1, 2026);
  pump_day.daily_mcg = 100;
  pump_day.used_ml = 0.2;
  pump_day.remaining_ml = 18.5;
  check_value_copy (TITRATE_TYPE_PUMP_DAY, &pump_day, sizeof pump_day);

  memset (&renal, 0, sizeof renal);
  titrate_patient_get_renal (doc->patient, &renal);
  check_value_copy (TITRATE_TYPE_RENAL, &renal, sizeof renal);

  /* The applicable limit names a rule owned by the rules database. */
  titrate_check_applicable_limit (rules, doc->patient, doc->regimen, &limit);
  g_assert_nonnull (limit.rule_code);
  limit_copy = g_boxed_copy (TITRATE_TYPE_LIMIT, &limit);
  assert_str_copied (limit_copy, &limit, rule_code);
  g_assert_cmpfloat (limit_copy->max_daily, ==, limit.max_daily);
  g_assert_cmpfloat (limit_copy->renal_factor, ==, limit.renal_factor);
  g_boxed_free (TITRATE_TYPE_LIMIT, limit_copy);

  ack_copy = g_boxed_copy (TITRATE_TYPE_ACKNOWLEDGEMENT, &ack);
  assert_str_copied (ack_copy, &ack, code);
  assert_str_copied (ack_copy, &ack, reason);
  assert_str_copied (ack_copy, &ack, date);
  g_assert_null (ack_copy->trigger);
  {
    /* a copy of a copy, both freed */
    TitrateAcknowledgement *again = g_boxed_copy (TITRATE_TYPE_ACKNOWLEDGEMENT, ack_copy);

    assert_str_copied (again, ack_copy, code);
    g_boxed_free (TITRATE_TYPE_ACKNOWLEDGEMENT, ack_copy);
    g_assert_cmpstr (again->reason, ==, "discussed with nephrology");
    g_boxed_free (TITRATE_TYPE_ACKNOWLEDGEMENT, again);
  }

  /* Rules database rows */
  {
    const TitrateRuleText *text = titrate_rules_get_rule (rules, limit.rule_code);
    TitrateRuleText *c;

    g_assert_nonnull (text);
    c = g_boxed_copy (TITRATE_TYPE_RULE_TEXT, text);
    assert_str_copied (c, text, code);
    assert_str_copied (c, text, title);
    assert_str_copied (c, text, reason);
    assert_str_copied (c, text, action);
    assert_str_copied (c, text, source);
    assert_str_copied (c, text, evidence);
    assert_str_copied (c, text, reviewed);
    g_assert_cmpint (c->category, ==, text->category);
    g_assert_cmpint (c->severity, ==, text->severity);
    g_assert_cmpint (c->local, ==, text->local);
    g_boxed_free (TITRATE_TYPE_RULE_TEXT, c);
  }
  {
    g_autoptr(GPtrArray) names = titrate_rules_search_drugs (rules, "a", 20);

    g_assert_cmpuint (names->len, >, 0);
    for (guint i = 0; i < names->len; i++)
      {
        const TitrateDrugName *name = g_ptr_array_index (names, i);
        TitrateDrugName *c = g_boxed_copy (TITRATE_TYPE_DRUG_NAME, name);
        TitrateDrug *drug;

        assert_str_copied (c, name, name);
        assert_str_copied (c, name, kind);
        g_assert_cmpint (c->name_kind, ==, name->name_kind);
        g_assert_nonnull (c->drug);
        g_assert_true (c->drug != name->drug);
        assert_str_copied (c->drug, name->drug, code);
        assert_str_copied (c->drug, name->drug, class_code);
        assert_str_copied (c->drug, name->drug, class_label);
        drug = g_boxed_copy (TITRATE_TYPE_DRUG, c->drug);
        g_boxed_free (TITRATE_TYPE_DRUG_NAME, c);
        assert_str_copied (drug, name->drug, code);
        g_boxed_free (TITRATE_TYPE_DRUG, drug);
      }
  }
  {
    g_autoptr(GPtrArray) models = titrate_pump_list_models (rules);
    const TitratePumpSetting *setting = titrate_pump_get_setting (rules, "refill_margin_days");
    TitratePumpSetting *s;

    g_assert_cmpuint (models->len, >, 0);
    for (guint i = 0; i < models->len; i++)
      {
        const TitratePumpModel *model = g_ptr_array_index (models, i);
        TitratePumpModel *c = g_boxed_copy (TITRATE_TYPE_PUMP_MODEL, model);

        assert_str_copied (c, model, code);
        assert_str_copied (c, model, label);
        assert_str_copied (c, model, source);
        g_assert_cmpmem (&c->reservoir_ml, 4 * sizeof (double), &model->reservoir_ml, 4 * sizeof (double));
        g_boxed_free (TITRATE_TYPE_PUMP_MODEL, c);
      }
    g_assert_nonnull (setting);
    s = g_boxed_copy (TITRATE_TYPE_PUMP_SETTING, setting);
    assert_str_copied (s, setting, key);
    assert_str_copied (s, setting, source);
    assert_str_copied (s, setting, evidence);
    assert_str_copied (s, setting, note);
    g_assert_cmpfloat (s->value, ==, setting->value);
    g_assert_cmpfloat (s->min_value, ==, setting->min_value);
    g_assert_cmpfloat (s->max_value, ==, setting->max_value);
    g_boxed_free (TITRATE_TYPE_PUMP_SETTING, s);
  }
  {
    g_autoptr(GPtrArray) conditions = titrate_rules_list_conditions (rules);

    g_assert_cmpuint (conditions->len, >, 0);
    for (guint i = 0; i < conditions->len; i++)
      {
        const TitrateVocabItem *item = g_ptr_array_index (conditions, i);
        TitrateVocabItem *c = g_boxed_copy (TITRATE_TYPE_VOCAB_ITEM, item);

        assert_str_copied (c, item, code);
        assert_str_copied (c, item, label);
        g_boxed_free (TITRATE_TYPE_VOCAB_ITEM, c);
      }
  }
  for (TitrateRoute route = TITRATE_ROUTE_ORAL; route <= TITRATE_ROUTE_INTRATHECAL; route++)
    {
      g_autoptr(GPtrArray) formulations = titrate_rules_list_formulations (rules, route);

      g_assert_cmpuint (formulations->len, >, 0);
      for (guint i = 0; i < formulations->len; i++)
        {
          const TitrateFormulation *form = g_ptr_array_index (formulations, i);
          TitrateFormulation *c = g_boxed_copy (TITRATE_TYPE_FORMULATION, form);
          g_autoptr(GPtrArray) strengths = titrate_rules_list_strengths (rules, form->code);

          assert_str_copied (c, form, code);
          assert_str_copied (c, form, label);
          assert_str_copied (c, form, unit);
          assert_str_copied (c, form, divisible);
          g_assert_cmpint (c->route, ==, form->route);
          g_assert_cmpint (c->unit_type, ==, form->unit_type);
          g_assert_cmpint (c->divisibility, ==, form->divisibility);
          g_boxed_free (TITRATE_TYPE_FORMULATION, c);

          for (guint j = 0; j < strengths->len; j++)
            {
              const TitrateStrength *strength = g_ptr_array_index (strengths, j);
              TitrateStrength *sc = g_boxed_copy (TITRATE_TYPE_STRENGTH, strength);

              assert_str_copied (sc, strength, formulation);
              assert_str_copied (sc, strength, product);
              g_assert_cmpfloat (sc->strength, ==, strength->strength);
              g_assert_cmpint (sc->scored, ==, strength->scored);
              g_boxed_free (TITRATE_TYPE_STRENGTH, sc);
            }
        }
    }
  {
    g_autoptr(GPtrArray) sources = titrate_rules_list_sources (rules);

    g_assert_cmpuint (sources->len, >, 0);
    for (guint i = 0; i < sources->len; i++)
      {
        const TitrateSource *source = g_ptr_array_index (sources, i);
        TitrateSource *c = g_boxed_copy (TITRATE_TYPE_SOURCE, source);

        assert_str_copied (c, source, key);
        assert_str_copied (c, source, citation);
        assert_str_copied (c, source, kind);
        g_assert_cmpint (c->local, ==, source->local);
        g_boxed_free (TITRATE_TYPE_SOURCE, c);
      }
  }
  {
    g_autoptr(GPtrArray) points = titrate_rules_list_counselling (rules);

    g_assert_cmpuint (points->len, >, 0);
    for (guint i = 0; i < points->len; i++)
      {
        const TitrateCounselling *point = g_ptr_array_index (points, i);
        TitrateCounselling *c = g_boxed_copy (TITRATE_TYPE_COUNSELLING, point);

        g_assert_cmpint (c->id, ==, point->id);
        assert_str_copied (c, point, topic);
        assert_str_copied (c, point, route);
        assert_str_copied (c, point, population);
        assert_str_copied (c, point, text);
        assert_str_copied (c, point, source);
        assert_str_copied (c, point, medicine);
        assert_str_copied (c, point, section);
        g_boxed_free (TITRATE_TYPE_COUNSELLING, c);
      }
  }
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
  g_test_add_func ("/public-api/enum-nicks", test_enum_nicks);
  g_test_add_func ("/public-api/boxed-types", test_boxed_types);
  g_test_add_func ("/public-api/boxed-copies", test_boxed_copies);
  g_test_add_func ("/public-api/plan", test_plan);
  g_test_add_func ("/public-api/format", test_format);
  g_test_add_func ("/public-api/suggestion-copy", test_suggestion_copy);
  g_test_add_func ("/public-api/pump-plan-copy", test_pump_plan_copy);
  g_test_add_func ("/public-api/alert-getters", test_alert_getters);
  g_test_add_func ("/public-api/version", test_version);
  return g_test_run ();
}
