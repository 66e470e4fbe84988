/* titrate-selftest.c — the clinical self-test: must-alert and must-not-alert
 * scenarios, shipped as data (data/selftest, JSON), run against a rules
 * database
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario file:
 *   { "format": "titrate-selftest", "version": 1,
 *     "defaults": { "patient": {…}, "regimen": {…}, "comedications": […] },
 *     "scenarios": [ { "name": …, "why": …,
 *                      "patient": {…}, "regimen": {…}, "comedications": […],
 *                      "must_alert": [ EXPECT… ], "must_not_alert": [ EXPECT… ] } ] }
 * A scenario's patient and regimen override the defaults key by key (null
 * removes a key); the result is an ordinary .titrate document. EXPECT is
 * { "code": "renal.dialysis" } (a trailing * matches a prefix) and/or
 * { "category": "renal" }, optionally with "min_severity": "major".
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "titrate-checker.h"
#include "titrate-document.h"
#include "titrate-error.h"
#include "titrate-format.h"
#include "titrate-planner.h"
#include "titrate-resources.h"
#include "titrate-selftest.h"

#define SELFTEST_PATH "/io/github/titrate/Titrate/selftest"

static void
failure_free (gpointer data)
{
  TitrateSelftestFailure *f = data;

  g_free (f->file);
  g_free (f->name);
  g_free (f->detail);
  g_free (f);
}

void
titrate_selftest_result_free (TitrateSelftestResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->failures, g_ptr_array_unref);
  g_free (result);
}

/* defaults ⊕ overrides, key by key; a null override removes the key */
static JsonObject *
merge (JsonObject *defaults,
       JsonObject *overrides)
{
  JsonObject *out = json_object_new ();
  g_autoptr(GList) keys = NULL;

  if (defaults != NULL)
    {
      keys = json_object_get_members (defaults);
      for (GList *l = keys; l != NULL; l = l->next)
        json_object_set_member (out, l->data, json_node_copy (json_object_get_member (defaults, l->data)));
      g_clear_pointer (&keys, g_list_free);
    }
  if (overrides != NULL)
    {
      keys = json_object_get_members (overrides);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (overrides, l->data);

          if (JSON_NODE_HOLDS_NULL (node))
            json_object_remove_member (out, l->data);
          else
            json_object_set_member (out, l->data, json_node_copy (node));
        }
    }
  return out;
}

static JsonObject *
member_object (JsonObject *object,
               const char *key)
{
  JsonNode *node = object ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *key)
{
  JsonNode *node = object ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = object ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

typedef struct {
  const char     *code;
  gboolean        prefix;
  gboolean        has_category;
  TitrateCategory category;
  TitrateSeverity min_severity;
} Expect;

static const char * const scenario_keys[] = {
  "name", "why", "patient", "regimen", "comedications", "must_alert", "must_not_alert", "max_daily_at_most", NULL
};
static const char * const expect_keys[] = { "code", "category", "min_severity", NULL };

/* TRUE when every member of @o is one of @keys; else the first unknown
 * one in @unknown (transfer none). */
static gboolean
only_known_keys (JsonObject         *o,
                 const char * const *keys,
                 const char        **unknown)
{
  g_autoptr(GList) members = json_object_get_members (o);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (keys, l->data))
      {
        if (unknown != NULL)
          *unknown = l->data;
        return FALSE;
      }
  return TRUE;
}

static gboolean
parse_expect (JsonNode *node,
              Expect   *e)
{
  JsonObject *o;
  const char *category, *severity;

  memset (e, 0, sizeof *e);
  e->min_severity = TITRATE_SEVERITY_INFO;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  if (!only_known_keys (o, expect_keys, NULL))
    return FALSE;
  e->code = member_string (o, "code");
  category = member_string (o, "category");
  severity = member_string (o, "min_severity");
  if (e->code == NULL && category == NULL)
    return FALSE;
  if (e->code != NULL && g_str_has_suffix (e->code, "*"))
    e->prefix = TRUE;
  if (category != NULL)
    {
      if (!titrate_category_from_string (category, &e->category))
        return FALSE;
      e->has_category = TRUE;
    }
  if (severity != NULL && !titrate_severity_from_string (severity, &e->min_severity))
    return FALSE;
  return TRUE;
}

static gboolean
matches (const Expect       *e,
         const TitrateAlert *a)
{
  if (e->code != NULL)
    {
      if (e->prefix ? strncmp (a->code, e->code, strlen (e->code) - 1) != 0 : strcmp (a->code, e->code) != 0)
        return FALSE;
    }
  if (e->has_category && a->category != e->category)
    return FALSE;
  return a->severity >= e->min_severity;
}

static char *
describe_expect (const Expect *e)
{
  GString *s = g_string_new (NULL);

  if (e->code != NULL)
    g_string_append (s, e->code);
  if (e->has_category)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", titrate_category_to_string (e->category));
  if (e->min_severity > TITRATE_SEVERITY_INFO)
    g_string_append_printf (s, " ≥ %s", titrate_severity_to_string (e->min_severity));
  return g_string_free (s, FALSE);
}

static char *
describe_alerts (GPtrArray *alerts)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; alerts != NULL && i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);
      g_string_append_printf (s, "%s%s (%s)", i ? ", " : "", a->code, titrate_severity_to_string (a->severity));
    }
  if (s->len == 0)
    g_string_append (s, "none");
  return g_string_free (s, FALSE);
}

static void
add_failure (TitrateSelftestResult *result,
             const char            *file,
             const char            *name,
             gboolean               must_alert,
             char                  *detail)
{
  TitrateSelftestFailure *f = g_new0 (TitrateSelftestFailure, 1);

  f->file = g_strdup (file);
  f->name = g_strdup (name);
  f->must_alert = must_alert;
  f->detail = detail;
  g_ptr_array_add (result->failures, f);
  if (must_alert)
    result->must_alert_failed++;
}

/* Runs one scenario; TRUE when every expectation holds. */
static gboolean
run_scenario (TitrateRules          *rules,
              TitrateSelftestResult *result,
              const char            *file,
              JsonObject            *defaults,
              JsonObject            *scenario)
{
  const char *name = member_string (scenario, "name");
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *document = json_object_new ();
  JsonArray *comeds, *expects;
  gboolean ok = TRUE;

  if (name == NULL)
    name = "(unnamed)";
  json_object_set_string_member (document, "format", TITRATE_DOCUMENT_FORMAT);
  json_object_set_int_member (document, "version", TITRATE_DOCUMENT_VERSION);
  json_object_set_object_member (document, "patient",
                                 merge (member_object (defaults, "patient"), member_object (scenario, "patient")));
  json_object_set_object_member (document, "regimen",
                                 merge (member_object (defaults, "regimen"), member_object (scenario, "regimen")));
  comeds = member_array (scenario, "comedications");
  if (comeds == NULL)
    comeds = member_array (defaults, "comedications");
  json_object_set_array_member (document, "comedications", comeds ? json_array_ref (comeds) : json_array_new ());
  json_node_take_object (root, document);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);

  doc = titrate_document_load_from_data_with_rules (text, -1, rules, &error);
  if (doc != NULL && !titrate_regimen_expand_protocol (doc->regimen, &error))
    g_clear_pointer (&doc, titrate_document_free);
  if (doc != NULL)
    alerts = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);
  if (alerts == NULL)
    {
      add_failure (result, file, name, TRUE,
                   g_strdup_printf (_("nothing was checked: %s"), error ? error->message : "?"));
      return FALSE;
    }

  expects = member_array (scenario, "must_alert");
  for (guint i = 0; expects != NULL && i < json_array_get_length (expects); i++)
    {
      Expect e;
      gboolean found = FALSE;

      if (!parse_expect (json_array_get_element (expects, i), &e))
        {
          add_failure (result, file, name, TRUE, g_strdup (_("invalid must_alert entry")));
          return FALSE;
        }
      for (guint k = 0; k < alerts->len && !found; k++)
        found = matches (&e, g_ptr_array_index (alerts, k));
      if (!found)
        {
          g_autofree char *want = describe_expect (&e);
          g_autofree char *got = describe_alerts (alerts);

          add_failure (result, file, name, TRUE,
                       g_strdup_printf (_("must alert %s; raised: %s"), want, got));
          ok = FALSE;
        }
    }

  /* The maximum shown for this patient (verdict bar, calendar, chart,
   * summary) must be at most this: a raised ceiling is as unsafe as a
   * missing alert, so it counts as one. */
  if (json_object_has_member (scenario, "max_daily_at_most"))
    {
      JsonNode *node = json_object_get_member (scenario, "max_daily_at_most");
      TitrateLimit limit;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) == G_TYPE_STRING ||
          json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        {
          add_failure (result, file, name, TRUE, g_strdup (_("the highest maximum this scenario allows is not a number")));
          return FALSE;
        }
      titrate_check_applicable_limit (rules, doc->patient, doc->regimen, &limit);
      if (isnan (limit.max_daily) || limit.max_daily > json_node_get_double (node) + 1e-9)
        {
          g_autofree char *want = titrate_format_amount_display (json_node_get_double (node));
          g_autofree char *got = titrate_format_amount_display (limit.max_daily);

          add_failure (result, file, name, TRUE,
                       g_strdup_printf (_("the maximum for this patient must be at most %s a day; it is %s (%s)"),
                                        want, isnan (limit.max_daily) ? _("none") : got,
                                        limit.rule_code != NULL ? limit.rule_code : "-"));
          ok = FALSE;
        }
    }

  expects = member_array (scenario, "must_not_alert");
  for (guint i = 0; expects != NULL && i < json_array_get_length (expects); i++)
    {
      Expect e;

      if (!parse_expect (json_array_get_element (expects, i), &e))
        {
          add_failure (result, file, name, TRUE, g_strdup (_("invalid must_not_alert entry")));
          return FALSE;
        }
      for (guint k = 0; k < alerts->len; k++)
        {
          const TitrateAlert *a = g_ptr_array_index (alerts, k);

          if (matches (&e, a))
            {
              g_autofree char *want = describe_expect (&e);

              add_failure (result, file, name, FALSE,
                           g_strdup_printf (_("must not alert %s; raised %s (%s): %s"), want, a->code,
                                            titrate_severity_to_string (a->severity), a->trigger ? a->trigger : ""));
              ok = FALSE;
              break;
            }
        }
    }
  return ok;
}

static int
compare_strv (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

static char **
list_files (GError **error)
{
  char **names = g_resource_enumerate_children (titrate_data_get_resource (), SELFTEST_PATH,
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (names != NULL)
    qsort (names, g_strv_length (names), sizeof (char *), compare_strv);
  return names;
}

static JsonObject *
load_file (const char *name,
           JsonParser *parser,
           GError    **error)
{
  g_autofree char *path = g_strconcat (SELFTEST_PATH "/", name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (titrate_data_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  JsonNode *root;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (member_string (json_node_get_object (root), "format"), "titrate-selftest") != 0)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES, _("self-test file %s is not a scenario file"), name);
      return NULL;
    }
  return json_node_get_object (root);
}

/* A malformed entry is a failure that names itself, never a skip; it
 * counts as a must-alert failure, since it may have been one. */
static void
malformed (TitrateSelftestResult *result,
           const char            *file,
           const char            *name,
           char                  *detail)
{
  add_failure (result, file, name, TRUE, detail);
  result->failed++;
}

static void
run_root (TitrateRules          *rules,
          TitrateSelftestResult *result,
          const char            *file,
          JsonObject            *root)
{
  JsonArray *scenarios = member_array (root, "scenarios");

  if (scenarios == NULL)
    {
      malformed (result, file, "(file)", g_strdup (_("no \"scenarios\" list in the file")));
      return;
    }
  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    {
      JsonNode *node = json_array_get_element (scenarios, i);
      g_autofree char *entry = g_strdup_printf ("scenarios[%u]", i);
      const char *unknown = NULL;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          malformed (result, file, entry, g_strdup (_("this scenario entry is not an object")));
          continue;
        }
      name = member_string (json_node_get_object (node), "name");
      if (!only_known_keys (json_node_get_object (node), scenario_keys, &unknown))
        {
          malformed (result, file, name ? name : entry,
                     g_strdup_printf (_("unknown key “%s” in the scenario (a misspelling would skip its checks)"),
                                      unknown));
          continue;
        }
      if (run_scenario (rules, result, file, member_object (root, "defaults"), json_node_get_object (node)))
        result->passed++;
      else
        result->failed++;
    }
}

/* A run that checked nothing is not a pass. */
static void
finish (TitrateSelftestResult *result)
{
  if (result->passed + result->failed == 0)
    malformed (result, "", "(none)", g_strdup (_("no scenario was run: the self-test checked nothing")));
}

TitrateSelftestResult *
titrate_selftest_run (TitrateRules  *rules,
                      GError       **error)
{
  g_autoptr(TitrateSelftestResult) result = g_new0 (TitrateSelftestResult, 1);
  g_auto(GStrv) files = NULL;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);

  result->failures = g_ptr_array_new_with_free_func (failure_free);
  if ((files = list_files (error)) == NULL)
    return NULL;

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      JsonObject *root = load_file (files[f], parser, error);

      if (root == NULL)
        return NULL;
      run_root (rules, result, files[f], root);
    }
  finish (result);
  result->elapsed_usec = g_get_monotonic_time () - start;
  return g_steal_pointer (&result);
}

/**
 * titrate_selftest_run_data:
 * @file: the name shown in failures
 *
 * Runs one scenario file given as JSON text, with the same rules as the
 * shipped files (for tests of the self-test itself).
 */
TitrateSelftestResult *
titrate_selftest_run_data (TitrateRules  *rules,
                           const char    *file,
                           const char    *data,
                           gssize         length,
                           GError       **error)
{
  g_autoptr(TitrateSelftestResult) result = g_new0 (TitrateSelftestResult, 1);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);

  result->failures = g_ptr_array_new_with_free_func (failure_free);
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (member_string (json_node_get_object (root), "format"), "titrate-selftest") != 0)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES, _("self-test file %s is not a scenario file"), file);
      return NULL;
    }
  run_root (rules, result, file, json_node_get_object (root));
  finish (result);
  result->elapsed_usec = g_get_monotonic_time () - start;
  return g_steal_pointer (&result);
}

guint
titrate_selftest_count (void)
{
  g_auto(GStrv) files = list_files (NULL);
  guint n = 0;

  for (guint f = 0; files != NULL && files[f] != NULL; f++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      JsonObject *root = load_file (files[f], parser, NULL);
      JsonArray *scenarios = member_array (root, "scenarios");

      n += scenarios ? json_array_get_length (scenarios) : 0;
    }
  return n;
}
