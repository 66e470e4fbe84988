/* titrate-json-read.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "titrate-document.h"
#include "titrate-json-read.h"
#include "titrate-rules.h"
#include "titrate-rules-private.h"

/* Sets "@path: message" and returns FALSE. */
gboolean
_titrate_json_fail (GError      **error,
                    TitrateError  code,
                    const char   *path,
                    const char   *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TITRATE_ERROR, code, "%s: %s", path, message);
  return FALSE;
}

gboolean
_titrate_json_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

gboolean
_titrate_json_is_string (JsonNode *node)
{
  return node != NULL
         && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
_titrate_json_is_boolean (JsonNode *node)
{
  return node != NULL
         && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* TRUE for a JSON number with a finite value. */
gboolean
_titrate_json_get_number (JsonNode *node,
                          double   *out)
{
  GType type;
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return FALSE;

  if (!isfinite (value))
    return FALSE;

  *out = value;
  return TRUE;
}

/* A short description of a value for error messages: the JSON text of a
 * scalar (strings quoted, long ones shortened, numbers in their shortest
 * exact form), or "an object"/"an array". */
char *
_titrate_json_describe (JsonNode *node)
{
  g_autoptr(JsonNode) shortened = NULL;
  char *text;
  gsize length;

  if (node == NULL)
    return g_strdup ("nothing");

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup ("an object");
    case JSON_NODE_ARRAY:
      return g_strdup ("an array");
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  if (_titrate_json_is_string (node))
    {
      const char *str = json_node_get_string (node);

      if (g_utf8_strlen (str, -1) > 40)
        {
          g_autofree char *head = g_utf8_substring (str, 0, 40);
          g_autofree char *shown = g_strconcat (head, "…", NULL);

          shortened = json_node_new (JSON_NODE_VALUE);
          json_node_set_string (shortened, shown);
          node = shortened;
        }
    }

  /* The writer ends its text with a newline. */
  text = titrate_json_node_to_data (node, &length);
  if (length > 0 && text[length - 1] == '\n')
    text[length - 1] = '\0';
  return text;
}

/* Parses "YYYY-MM-DD" strictly. */
gboolean
_titrate_json_parse_iso_date (const char *str,
                              GDate      *date,
                              gboolean   *well_formed)
{
  unsigned year, month, day;

  *well_formed = FALSE;

  if (strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;

  *well_formed = TRUE;

  year = (unsigned) g_ascii_strtoull (str, NULL, 10);
  month = (unsigned) g_ascii_strtoull (str + 5, NULL, 10);
  day = (unsigned) g_ascii_strtoull (str + 8, NULL, 10);

  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/* A date written YYYY-MM-DD; @date and @text_out are optional. */
gboolean
_titrate_json_read_date (JsonNode    *node,
                         const char  *path,
                         GDate       *date,
                         char       **text_out,
                         GError     **error)
{
  const char *str;
  gboolean well_formed;
  GDate parsed;

  if (!_titrate_json_is_string (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be a date written YYYY-MM-DD (got %s)"), got);
    }

  str = json_node_get_string (node);
  g_date_clear (&parsed, 1);
  if (!_titrate_json_parse_iso_date (str, &parsed, &well_formed))
    {
      g_autofree char *got = _titrate_json_describe (node);

      if (well_formed)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                   _("%s is not a valid date"), str);
      else
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                   _("must be a date written YYYY-MM-DD (got %s)"), got);
    }

  if (date != NULL)
    *date = parsed;
  if (text_out != NULL)
    *text_out = g_strdup (str);

  return TRUE;
}

/* Refuses members not in @known. */
gboolean
_titrate_json_refuse_unknown (JsonObject         *object,
                              const char * const *known,
                              const char         *path,
                              GError            **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (known, name))
      {
        g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);
        g_autofree char *expected = g_strjoinv (", ", (char **) known);

        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, member_path,
                                   _("unknown key; expected one of %s"), expected);
      }

  return TRUE;
}

static gboolean
part_is_mg (const char *part)
{
  return g_ascii_strcasecmp (part, "mg") == 0
         || g_ascii_strcasecmp (part, "milligram") == 0
         || g_ascii_strcasecmp (part, "milligrams") == 0;
}

static gboolean
part_is_mcg (const char *part)
{
  return g_ascii_strcasecmp (part, "mcg") == 0
         || g_ascii_strcasecmp (part, "ug") == 0
         || g_ascii_strcasecmp (part, "microgram") == 0
         || g_ascii_strcasecmp (part, "micrograms") == 0;
}

/* The first dose unit named by a part of @key. */
TitrateJsonKeyUnit
_titrate_json_key_unit (const char *key)
{
  g_auto(GStrv) parts = g_strsplit (key, "_", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (part_is_mg (parts[i]))
        return TITRATE_JSON_KEY_UNIT_MG;
      if (part_is_mcg (parts[i]))
        return TITRATE_JSON_KEY_UNIT_MCG;
    }

  return TITRATE_JSON_KEY_UNIT_NONE;
}

/* TRUE when any part of @key names an oral unit. */
gboolean
_titrate_json_key_has_mg (const char *key)
{
  g_auto(GStrv) parts = g_strsplit (key, "_", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (part_is_mg (parts[i]))
      return TRUE;
  return FALSE;
}

/* Refuses an intrathecal unit in an oral regimen and the reverse. */
gboolean
_titrate_json_check_key_unit (const char    *path,
                              const char    *key,
                              TitrateRoute   route,
                              GError       **error)
{
  TitrateJsonKeyUnit unit = _titrate_json_key_unit (key);

  if (route == TITRATE_ROUTE_ORAL && unit == TITRATE_JSON_KEY_UNIT_MCG)
    return _titrate_json_fail (error, TITRATE_ERROR_UNIT, path,
                               _("intrathecal unit (mcg) in an oral regimen"));
  if (route == TITRATE_ROUTE_INTRATHECAL && unit == TITRATE_JSON_KEY_UNIT_MG)
    return _titrate_json_fail (error, TITRATE_ERROR_UNIT, path,
                               _("oral unit (mg) in an intrathecal regimen"));

  return TRUE;
}

/* Copies */

JsonNode *
_titrate_json_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *src = json_node_get_object (node);
        g_autoptr(JsonObject) dst = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, src);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (dst, name, _titrate_json_deep_copy (member));

        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_set_object (copy, dst);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *src = json_node_get_array (node);
        guint n = json_array_get_length (src);
        g_autoptr(JsonArray) dst = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (dst, _titrate_json_deep_copy (json_array_get_element (src, i)));

        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_set_array (copy, dst);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

JsonObject *
_titrate_json_object_deep_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (object == NULL)
    return copy;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, _titrate_json_deep_copy (member));

  return copy;
}

/* TRUE for a JSON number that is a whole number (1 or 1.0). */
gboolean
_titrate_json_get_integer (JsonNode *node,
                           gint64   *out)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (!isfinite (value) || value != floor (value) || fabs (value) > TITRATE_JSON_MAX_EXACT_INTEGER)
        return FALSE;

      *out = (gint64) value;
      return TRUE;
    }

  return FALSE;
}

gboolean
_titrate_json_key_in (const char         *key,
                      const char * const *keys)
{
  return g_strv_contains ((const char * const *) keys, key);
}

/* Typed readers. Each takes the member's node (NULL when absent) and its path. */

gboolean
_titrate_json_read_number (JsonNode    *node,
                           const char  *path,
                           double       min,
                           gboolean     min_inclusive,
                           double       max,
                           double      *out,
                           GError     **error)
{
  double value;

  if (_titrate_json_is_null (node))
    {
      *out = NAN;
      return TRUE;
    }

  if (!_titrate_json_get_number (node, &value)
      || (min_inclusive ? value < min : value <= min)
      || value > max)
    {
      g_autofree char *got = _titrate_json_describe (node);

      if (min_inclusive)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                   _("must be a number from %g to %g (got %s)"), min, max, got);
      else
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                   _("must be a number greater than %g and at most %g (got %s)"),
                                   min, max, got);
    }

  *out = value;
  return TRUE;
}

/* A number within the plausible range the rules database gives for @path
 * (table input_range); NAN when absent. */
gboolean
_titrate_json_read_ranged (JsonNode    *node,
                           const char  *path,
                           double      *out,
                           GError     **error)
{
  double min, max;
  gboolean min_exclusive;

  if (_titrate_json_is_null (node))
    {
      *out = NAN;
      return TRUE;
    }
  if (_titrate_rules_get_shared () == NULL)
    {
      const GError *why = _titrate_rules_get_shared_error ();

      return _titrate_json_fail (error, TITRATE_ERROR_RULES, path,
                                 /* Translators: %s is why the database could not be opened. */
                                 _("the built-in rules database could not be opened (%s), so the value cannot be checked"),
                                 why != NULL ? why->message : _("no reason given"));
    }
  if (!titrate_rules_get_default_input_range (path, &min, &max, &min_exclusive))
    return _titrate_json_fail (error, TITRATE_ERROR_RULES, path,
                               _("no plausible range in the rules database, so the value cannot be checked"));
  return _titrate_json_read_number (node, path, min, !min_exclusive, max, out, error);
}

/* A positive, finite number; NAN when absent. */
gboolean
_titrate_json_read_positive (JsonNode    *node,
                             const char  *path,
                             double      *out,
                             GError     **error)
{
  double value;

  if (_titrate_json_is_null (node))
    {
      *out = NAN;
      return TRUE;
    }

  if (!_titrate_json_get_number (node, &value) || value <= 0)
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be a number greater than 0 (got %s)"), got);
    }
  if (value < TITRATE_JSON_AMOUNT_MIN || value > TITRATE_JSON_AMOUNT_MAX)
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be from %g to %g, a plausible amount (got %s)"),
                                 TITRATE_JSON_AMOUNT_MIN, TITRATE_JSON_AMOUNT_MAX, got);
    }

  *out = value;
  return TRUE;
}

/* A dose: finite and 0 or more. */
gboolean
_titrate_json_read_dose (JsonNode    *node,
                         const char  *path,
                         const char  *unit,
                         double      *out,
                         GError     **error)
{
  double value;

  if (!_titrate_json_get_number (node, &value) || value < 0)
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be a dose in %s, 0 or more (got %s)"), unit, got);
    }
  if (value > 0 && (value < TITRATE_JSON_AMOUNT_MIN || value > TITRATE_JSON_AMOUNT_MAX))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be 0 or a dose in %s from %g to %g, a plausible amount (got %s)"),
                                 unit, TITRATE_JSON_AMOUNT_MIN, TITRATE_JSON_AMOUNT_MAX, got);
    }

  *out = value;
  return TRUE;
}

gboolean
_titrate_json_read_integer (JsonNode    *node,
                            const char  *path,
                            gint64       min,
                            gint64       max,
                            int         *out,
                            GError     **error)
{
  gint64 value;

  if (!_titrate_json_get_integer (node, &value) || value < min || value > max)
    {
      g_autofree char *got = _titrate_json_describe (node);

      g_autofree char *from = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *to = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be a whole number from %s to %s (got %s)"), from, to, got);
    }

  *out = (int) value;
  return TRUE;
}

gboolean
_titrate_json_read_boolean (JsonNode    *node,
                            const char  *path,
                            gboolean    *out,
                            GError     **error)
{
  if (node == NULL)
    {
      *out = FALSE;
      return TRUE;
    }

  if (!_titrate_json_is_boolean (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be true or false (got %s)"), got);
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* Optional text: trimmed, must not be empty when given. NULL when absent. */
gboolean
_titrate_json_read_text (JsonNode    *node,
                         const char  *path,
                         char       **out,
                         GError     **error)
{
  g_autofree char *text = NULL;

  if (_titrate_json_is_null (node))
    {
      *out = NULL;
      return TRUE;
    }

  if (!_titrate_json_is_string (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be text (got %s)"), got);
    }

  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*text == '\0')
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must not be empty"));

  *out = g_steal_pointer (&text);
  return TRUE;
}

/* Appends the strings of an array, trimmed, leaving out empty ones. */
gboolean
_titrate_json_read_string_array (JsonNode    *node,
                                 const char  *path,
                                 guint        max,
                                 GPtrArray   *dest,
                                 GError     **error)
{
  JsonArray *array;
  guint n;

  if (_titrate_json_is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be a list of text (got %s)"), got);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > max)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                               _("at most %d entries, the limit for a regimen document (got %u)"),
                               (int) max, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *text = NULL;

      if (!_titrate_json_is_string (element))
        {
          g_autofree char *got = _titrate_json_describe (element);
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, element_path,
                                     _("must be text (got %s)"), got);
        }

      text = g_strstrip (g_strdup (json_node_get_string (element)));
      if (*text != '\0')
        g_ptr_array_add (dest, g_steal_pointer (&text));
    }

  return TRUE;
}

gboolean
_titrate_json_is_iso_date (const char *str)
{
  gboolean well_formed;

  return str != NULL && _titrate_json_parse_iso_date (str, NULL, &well_formed);
}

/* Objects */

JsonObject *
_titrate_json_get_object_member (JsonObject  *parent,
                                 const char  *key,
                                 const char  *path,
                                 GError     **error)
{
  JsonNode *node = json_object_get_member (parent, key);

  if (node == NULL)
    {
      _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("missing"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      _titrate_json_fail (error, TITRATE_ERROR_INVALID, path, _("must be an object (got %s)"), got);
      return NULL;
    }

  return json_node_get_object (node);
}

/* Keeps the members not in @known. */
void
_titrate_json_collect_unknown (JsonObject         *object,
                               const char * const *known,
                               JsonObject         *dest)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!_titrate_json_key_in (name, known))
      json_object_set_member (dest, name, _titrate_json_deep_copy (member));
}
