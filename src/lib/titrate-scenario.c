/* titrate-scenario.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Teaching scenarios: the "teaching" section of a regimen document, and the
 * scoring of a learner's review. The rules are in titrate-scenario.h. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "titrate-error.h"
#include "titrate-json-read.h"
#include "titrate-scenario.h"

#define TEACHING_KEY "teaching"
#define MAX_FINDINGS 200
#define MAX_TEXT     20000

/* Findings */

TitrateFinding *
titrate_finding_new (TitrateCategory category,
                     TitrateSeverity min_severity,
                     const char     *code,
                     const char     *label)
{
  TitrateFinding *f = g_new0 (TitrateFinding, 1);

  f->has_category = TRUE;
  f->category = category;
  f->min_severity = min_severity;
  f->code = g_strdup (code);
  f->label = g_strdup (label);
  return f;
}

void
titrate_finding_free (TitrateFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->id);
  g_free (finding->code);
  g_free (finding->label);
  g_free (finding);
}

static gboolean
code_matches (const char *pattern,
              const char *code)
{
  gsize len;

  if (pattern == NULL)
    return TRUE;
  if (code == NULL)
    return FALSE;
  len = strlen (pattern);
  if (len > 0 && pattern[len - 1] == '.')
    return strncmp (code, pattern, len) == 0;
  return strcmp (code, pattern) == 0;
}

gboolean
titrate_finding_matches_alert (const TitrateFinding *finding,
                               const TitrateAlert   *alert)
{
  g_return_val_if_fail (finding != NULL, FALSE);
  g_return_val_if_fail (alert != NULL, FALSE);

  if (finding->has_category && alert->category != finding->category)
    return FALSE;
  if (alert->severity < finding->min_severity)
    return FALSE;
  if (!code_matches (finding->code, alert->code))
    return FALSE;
  if (finding->day_from > 0 && (alert->day < finding->day_from || alert->day > finding->day_to))
    return FALSE;
  return TRUE;
}

gboolean
titrate_finding_is_raised (const TitrateFinding *finding,
                           GPtrArray            *alerts)
{
  if (alerts == NULL)
    return FALSE;
  for (guint i = 0; i < alerts->len; i++)
    if (titrate_finding_matches_alert (finding, g_ptr_array_index (alerts, i)))
      return TRUE;
  return FALSE;
}

/* Scenarios */

TitrateScenario *
titrate_scenario_new (void)
{
  TitrateScenario *s = g_new0 (TitrateScenario, 1);

  s->objectives = g_ptr_array_new_with_free_func (g_free);
  s->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_finding_free);
  s->fix_goal = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_finding_free);
  s->sources = g_ptr_array_new_with_free_func (g_free);
  return s;
}

void
titrate_scenario_free (TitrateScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->title);
  g_free (scenario->brief);
  g_free (scenario->explanation);
  g_clear_pointer (&scenario->objectives, g_ptr_array_unref);
  g_clear_pointer (&scenario->findings, g_ptr_array_unref);
  g_clear_pointer (&scenario->fix_goal, g_ptr_array_unref);
  g_clear_pointer (&scenario->sources, g_ptr_array_unref);
  g_free (scenario);
}

/* Reading */

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}


static gboolean
read_text (JsonObject  *object,
           const char  *key,
           const char  *parent,
           gboolean     required,
           char       **out,
           GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s.%s", parent, key);
  JsonNode *node = json_object_get_member (object, key);
  const char *value;

  if (_titrate_json_is_null (node))
    {
      if (required)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("is required"));
      return TRUE;
    }
  if (!_titrate_json_is_string (node))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must be text"));
  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must be UTF-8 text"));
  if (strlen (value) > MAX_TEXT)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("is too long (at most %d bytes)"), MAX_TEXT);
  if (required && text_is_blank (value))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must not be empty"));
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_texts (JsonObject  *object,
            const char  *key,
            GPtrArray   *out,
            GError     **error)
{
  g_autofree char *path = g_strdup_printf ("teaching.%s", key);
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;

  if (_titrate_json_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must be a list of texts"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
          !g_utf8_validate (json_node_get_string (item), -1, NULL))
        {
          g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, item_path, _("must be text"));
        }
      g_ptr_array_add (out, g_strdup (json_node_get_string (item)));
    }
  return TRUE;
}

static gboolean
read_day (JsonObject  *object,
          const char  *key,
          const char  *parent,
          int         *out,
          GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s.%s", parent, key);
  JsonNode *node = json_object_get_member (object, key);
  double value;

  if (_titrate_json_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must be a plan day (a whole number from 1)"));
  value = json_node_get_double (node);
  if (value < 1 || value > 100000 || value != (double) (int) value)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must be a plan day (a whole number from 1)"));
  *out = (int) value;
  return TRUE;
}

static const char * const finding_keys[] = {
  "id", "category", "min_severity", "code", "day_from", "day_to", "label",
  "optional", NULL
};

static gboolean
read_finding (JsonNode        *node,
              const char      *path,
              gboolean         is_goal,
              TitrateFinding **out,
              GError         **error)
{
  g_autoptr(TitrateFinding) f = g_new0 (TitrateFinding, 1);
  g_autofree char *category = NULL;
  g_autofree char *severity = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must be an object"));
  object = json_node_get_object (node);

  /* A misspelt key could silently widen what counts: refuse it. */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    if (!g_strv_contains (finding_keys, name))
      {
        g_autofree char *key_path = g_strdup_printf ("%s.%s", path, name);
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, key_path, _("is not a known key"));
      }

  if (!read_text (object, "id", path, FALSE, &f->id, error) ||
      !read_text (object, "category", path, !is_goal, &category, error) ||
      !read_text (object, "min_severity", path, FALSE, &severity, error) ||
      !read_text (object, "code", path, FALSE, &f->code, error) ||
      !read_text (object, "label", path, !is_goal, &f->label, error) ||
      !read_day (object, "day_from", path, &f->day_from, error) ||
      !read_day (object, "day_to", path, &f->day_to, error))
    return FALSE;

  member = json_object_get_member (object, "optional");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        {
          g_autofree char *key_path = g_strdup_printf ("%s.optional", path);
          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, key_path, _("must be true or false"));
        }
      f->optional = json_node_get_boolean (member);
    }

  if (category != NULL)
    {
      if (!titrate_category_from_string (category, &f->category))
        {
          g_autofree char *key_path = g_strdup_printf ("%s.category", path);
          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, key_path, _("must be one of the alert categories (got “%s”)"), category);
        }
      f->has_category = TRUE;
    }
  f->min_severity = TITRATE_SEVERITY_INFO;
  if (severity != NULL && !titrate_severity_from_string (severity, &f->min_severity))
    {
      g_autofree char *key_path = g_strdup_printf ("%s.min_severity", path);
      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, key_path, _("must be one of contraindicated, major, moderate, minor, info (got “%s”)"),
                                 severity);
    }
  if (f->code != NULL && *f->code == '\0')
    {
      g_autofree char *key_path = g_strdup_printf ("%s.code", path);
      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, key_path, _("must not be empty"));
    }
  if (is_goal && !f->has_category && f->code == NULL)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("needs a category or a code"));
  if ((f->day_from > 0) != (f->day_to > 0))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("day_from and day_to go together"));
  if (f->day_from > f->day_to)
    {
      g_autofree char *key_path = g_strdup_printf ("%s.day_to", path);
      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, key_path, _("must not be before day_from"));
    }

  *out = g_steal_pointer (&f);
  return TRUE;
}

static gboolean
read_findings (JsonObject  *object,
               const char  *key,
               gboolean     required,
               gboolean     is_goal,
               GPtrArray   *out,
               GError     **error)
{
  g_autofree char *path = g_strdup_printf ("teaching.%s", key);
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;

  if (_titrate_json_is_null (node))
    {
      if (required)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("is required (an empty list when nothing is wrong)"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must be a list"));
  array = json_node_get_array (node);
  if (json_array_get_length (array) > MAX_FINDINGS)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("has too many entries (at most %d)"), MAX_FINDINGS);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      TitrateFinding *f = NULL;

      if (!read_finding (json_array_get_element (array, i), item_path, is_goal, &f, error))
        return FALSE;
      g_ptr_array_add (out, f);
    }
  return TRUE;
}

static const char * const teaching_keys[] = {
  "title", "brief", "objectives", "findings", "fix_goal", "explanation", "sources", NULL
};

/**
 * titrate_scenario_from_json:
 * @node: the "teaching" object
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the scenario, or %NULL with @error naming the field
 */
TitrateScenario *
titrate_scenario_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(TitrateScenario) s = titrate_scenario_new ();
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _titrate_json_fail (error, TITRATE_ERROR_INVALID, TEACHING_KEY, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    if (!g_strv_contains (teaching_keys, name))
      {
        g_autofree char *key_path = g_strdup_printf (TEACHING_KEY ".%s", name);
        _titrate_json_fail (error, TITRATE_ERROR_INVALID, key_path, _("is not a known key"));
        return NULL;
      }

  if (!read_text (object, "title", TEACHING_KEY, TRUE, &s->title, error) ||
      !read_text (object, "brief", TEACHING_KEY, TRUE, &s->brief, error) ||
      !read_texts (object, "objectives", s->objectives, error) ||
      !read_findings (object, "findings", TRUE, FALSE, s->findings, error) ||
      !read_findings (object, "fix_goal", FALSE, TRUE, s->fix_goal, error) ||
      !read_text (object, "explanation", TEACHING_KEY, TRUE, &s->explanation, error) ||
      !read_texts (object, "sources", s->sources, error))
    return NULL;

  return g_steal_pointer (&s);
}

TitrateScenario *
titrate_scenario_from_document (const TitrateDocument *doc,
                                GError               **error)
{
  JsonNode *node;

  g_return_val_if_fail (doc != NULL, NULL);

  if (doc->unknown_root == NULL || !json_object_has_member (doc->unknown_root, TEACHING_KEY))
    return NULL;
  node = json_object_get_member (doc->unknown_root, TEACHING_KEY);
  return titrate_scenario_from_json (node, error);
}

gboolean
titrate_document_has_scenario (const TitrateDocument *doc)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  return doc->unknown_root != NULL && json_object_has_member (doc->unknown_root, TEACHING_KEY);
}

/* Writing */

static JsonArray *
texts_to_json (GPtrArray *texts)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (texts, i));
  return array;
}

static JsonArray *
findings_to_json (GPtrArray *findings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const TitrateFinding *f = g_ptr_array_index (findings, i);
      JsonObject *o = json_object_new ();

      if (f->id != NULL)
        json_object_set_string_member (o, "id", f->id);
      if (f->has_category)
        json_object_set_string_member (o, "category", titrate_category_to_string (f->category));
      if (f->min_severity != TITRATE_SEVERITY_INFO)
        json_object_set_string_member (o, "min_severity", titrate_severity_to_string (f->min_severity));
      if (f->code != NULL)
        json_object_set_string_member (o, "code", f->code);
      if (f->day_from > 0)
        {
          json_object_set_int_member (o, "day_from", f->day_from);
          json_object_set_int_member (o, "day_to", f->day_to);
        }
      if (f->label != NULL)
        json_object_set_string_member (o, "label", f->label);
      if (f->optional)
        json_object_set_boolean_member (o, "optional", TRUE);
      json_array_add_object_element (array, o);
    }
  return array;
}

JsonNode *
titrate_scenario_to_json (const TitrateScenario *s)
{
  JsonObject *o = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (s != NULL, NULL);

  json_object_set_string_member (o, "title", s->title ? s->title : "");
  json_object_set_string_member (o, "brief", s->brief ? s->brief : "");
  json_object_set_array_member (o, "objectives", texts_to_json (s->objectives));
  json_object_set_array_member (o, "findings", findings_to_json (s->findings));
  if (s->fix_goal != NULL && s->fix_goal->len > 0)
    json_object_set_array_member (o, "fix_goal", findings_to_json (s->fix_goal));
  json_object_set_string_member (o, "explanation", s->explanation ? s->explanation : "");
  json_object_set_array_member (o, "sources", texts_to_json (s->sources));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, o);
  return node;
}

void
titrate_scenario_set_on_document (const TitrateScenario *scenario,
                                  TitrateDocument       *doc)
{
  g_return_if_fail (doc != NULL);

  if (doc->unknown_root == NULL)
    doc->unknown_root = json_object_new ();
  if (scenario == NULL)
    json_object_remove_member (doc->unknown_root, TEACHING_KEY);
  else
    json_object_set_member (doc->unknown_root, TEACHING_KEY, titrate_scenario_to_json (scenario));
}

TitrateScenario *
titrate_scenario_new_from_alerts (const char *title,
                                  GPtrArray  *alerts)
{
  TitrateScenario *s = titrate_scenario_new ();

  s->title = g_strdup (title);
  for (guint i = 0; alerts != NULL && i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);
      TitrateFinding *f = titrate_finding_new (a->category, a->severity, a->code, a->title);

      if (a->day > 0)
        f->day_from = f->day_to = a->day;
      g_ptr_array_add (s->findings, f);
      if (a->severity >= TITRATE_SEVERITY_MAJOR)
        g_ptr_array_add (s->fix_goal, titrate_finding_new (a->category, a->severity, a->code, NULL));
    }
  return s;
}

/* Flags and scoring */

TitrateFlag *
titrate_flag_new (TitrateCategory category,
                  int             day,
                  const char     *reason)
{
  TitrateFlag *flag = g_new0 (TitrateFlag, 1);

  flag->category = category;
  flag->day = MAX (day, 0);
  flag->reason = g_strdup (reason ? reason : "");
  return flag;
}

void
titrate_flag_free (TitrateFlag *flag)
{
  if (flag == NULL)
    return;
  g_free (flag->reason);
  g_free (flag);
}

gboolean
titrate_flag_fits (const TitrateFlag    *flag,
                   const TitrateFinding *finding)
{
  g_return_val_if_fail (flag != NULL && finding != NULL, FALSE);

  if (text_is_blank (flag->reason))
    return FALSE;
  if (!finding->has_category || flag->category != finding->category)
    return FALSE;
  if (finding->day_from > 0 && (flag->day < finding->day_from || flag->day > finding->day_to))
    return FALSE;
  return TRUE;
}

/* Kuhn's augmenting path for flag @u; @seen marks findings visited. */
static gboolean
augment (const TitrateScenario *s,
         GPtrArray             *flags,
         guint                  u,
         gboolean              *seen,
         int                   *finding_flag,
         int                   *flag_finding)
{
  for (guint j = 0; j < s->findings->len; j++)
    {
      const TitrateFinding *f = g_ptr_array_index (s->findings, j);

      if (f->optional)
        continue;
      if (seen[j] || !titrate_flag_fits (g_ptr_array_index (flags, u), g_ptr_array_index (s->findings, j)))
        continue;
      seen[j] = TRUE;
      if (finding_flag[j] < 0 ||
          augment (s, flags, (guint) finding_flag[j], seen, finding_flag, flag_finding))
        {
          finding_flag[j] = (int) u;
          flag_finding[u] = (int) j;
          return TRUE;
        }
    }
  return FALSE;
}

TitrateScenarioResult *
titrate_scenario_score (const TitrateScenario *s,
                        GPtrArray             *flags,
                        GPtrArray             *alerts,
                        GPtrArray             *edited_alerts)
{
  TitrateScenarioResult *r;
  guint n_flags;
  guint n;
  g_autofree gboolean *seen = NULL;
  int score;

  g_return_val_if_fail (s != NULL, NULL);

  n_flags = flags != NULL ? flags->len : 0;
  n = s->findings->len;
  seen = g_new0 (gboolean, MAX (n, 1));

  r = g_new0 (TitrateScenarioResult, 1);
  r->finding_flag = g_array_sized_new (FALSE, FALSE, sizeof (int), n);
  r->finding_raised = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), n);
  r->flag_verdict = g_array_sized_new (FALSE, FALSE, sizeof (TitrateFlagVerdict), n_flags);
  r->flag_finding = g_array_sized_new (FALSE, FALSE, sizeof (int), n_flags);

  for (guint j = 0; j < n; j++)
    {
      int none = -1;
      gboolean raised = titrate_finding_is_raised (g_ptr_array_index (s->findings, j), alerts);

      g_array_append_val (r->finding_flag, none);
      g_array_append_val (r->finding_raised, raised);
    }
  for (guint i = 0; i < n_flags; i++)
    {
      int none = -1;
      TitrateFlagVerdict v = TITRATE_FLAG_FALSE;

      g_array_append_val (r->flag_finding, none);
      g_array_append_val (r->flag_verdict, v);
    }

  for (guint i = 0; i < n_flags; i++)
    {
      memset (seen, 0, sizeof (gboolean) * MAX (n, 1));
      augment (s, flags, i, seen, (int *) (void *) r->finding_flag->data, (int *) (void *) r->flag_finding->data);
    }

  for (guint j = 0; j < n; j++)
    {
      const TitrateFinding *f = g_ptr_array_index (s->findings, j);

      if (f->optional)
        continue;
      r->n_findings++;
      if (g_array_index (r->finding_flag, int, j) >= 0)
        r->n_matched++;
    }
  r->n_missed = r->n_findings - r->n_matched;

  for (guint i = 0; i < n_flags; i++)
    {
      const TitrateFlag *flag = g_ptr_array_index (flags, i);

      if (g_array_index (r->flag_finding, int, i) >= 0)
        {
          g_array_index (r->flag_verdict, TitrateFlagVerdict, i) = TITRATE_FLAG_MATCHED;
          continue;
        }
      for (guint j = 0; j < n; j++)
        if (titrate_flag_fits (flag, g_ptr_array_index (s->findings, j)))
          {
            const TitrateFinding *f = g_ptr_array_index (s->findings, j);

            g_array_index (r->flag_verdict, TitrateFlagVerdict, i) = TITRATE_FLAG_REDUNDANT;
            g_array_index (r->flag_finding, int, i) = (int) j;
            if (f->optional && g_array_index (r->finding_flag, int, j) < 0)
              g_array_index (r->finding_flag, int, j) = (int) i;
            break;
          }
      if (g_array_index (r->flag_verdict, TitrateFlagVerdict, i) == TITRATE_FLAG_REDUNDANT)
        r->n_redundant++;
      else
        r->n_false++;
    }

  if (r->n_findings > 0)
    {
      int num = 100 * (2 * (int) r->n_matched - (int) r->n_false);
      int den = 2 * (int) r->n_findings;

      /* floor, also for negative numerators */
      score = num >= 0 ? num / den : -((-num + den - 1) / den);
    }
  else
    score = 100 - 25 * (int) r->n_false;
  r->score = CLAMP (score, 0, 100);

  r->has_fix_goal = s->fix_goal != NULL && s->fix_goal->len > 0;
  if (r->has_fix_goal)
    {
      GPtrArray *after = edited_alerts != NULL ? edited_alerts : alerts;

      r->fix_cleared = TRUE;
      for (guint k = 0; k < s->fix_goal->len; k++)
        if (titrate_finding_is_raised (g_ptr_array_index (s->fix_goal, k), after))
          r->fix_cleared = FALSE;
    }
  return r;
}

void
titrate_scenario_result_free (TitrateScenarioResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->finding_flag);
  g_array_unref (result->finding_raised);
  g_array_unref (result->flag_verdict);
  g_array_unref (result->flag_finding);
  g_free (result);
}

/* Session CSV */

void
titrate_session_row_free (TitrateSessionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->scenario);
  g_free (row->learner);
  g_free (row);
}

static void
append_csv_text (GString    *out,
                 const char *text)
{
  if (text == NULL)
    text = "";
  g_string_append_c (out, '"');
  if (*text == '=' || *text == '+' || *text == '-' || *text == '@' || *text == '\t' || *text == '\r')
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
titrate_session_rows_to_csv (GPtrArray *rows)
{
  GString *out = g_string_new ("scenario,learner,score,found,missed,false_flags,seconds_taken\r\n");

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const TitrateSessionRow *row = g_ptr_array_index (rows, i);

      append_csv_text (out, row->scenario);
      g_string_append_c (out, ',');
      append_csv_text (out, row->learner);
      g_string_append_printf (out, ",%d,%u,%u,%u,%" G_GINT64_FORMAT "\r\n",
                              row->score, row->found, row->missed, row->false_flags,
                              MAX (row->seconds, 0));
    }
  return g_string_free (out, FALSE);
}
