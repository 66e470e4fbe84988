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
