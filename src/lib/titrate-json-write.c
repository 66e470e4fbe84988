/* titrate-json-write.c — JSON as people read it: fixed key order, shortest exact numbers
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "titrate-document.h"
#include "titrate-rules.h"
#include "titrate-json-read.h"
#include "titrate-json-write.h"

#define INLINE_MAX_COLUMNS  100

/* Serializer. json-glib 1.6 writes doubles with 17 significant digits
 * ("1.1000000000000001"), which is not what the prescriber typed; this one
 * writes the shortest form that reads back to the same double. */

static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* Cannot be represented in JSON; never produced by this file. */
      g_string_append (out, "null");
      return;
    }

  if (value == floor (value) && fabs (value) < TITRATE_JSON_MAX_EXACT_INTEGER)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
}

static void
append_string (GString    *out,
               const char *str)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (str, -1, NULL))
    str = valid = g_utf8_make_valid (str, -1);

  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_scalar (GString  *out,
               JsonNode *node)
{
  GType type;

  if (_titrate_json_is_null (node))
    {
      g_string_append (out, "null");
      return;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    append_double (out, json_node_get_double (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_STRING)
    append_string (out, json_node_get_string (node));
  else
    g_string_append (out, "null");
}

static gboolean
array_is_flat (JsonArray *array)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNodeType type = json_node_get_node_type (json_array_get_element (array, i));

      if (type == JSON_NODE_OBJECT || type == JSON_NODE_ARRAY)
        return FALSE;
    }

  return TRUE;
}

/* An object is flat when its members are scalars or arrays of scalars. */
static gboolean
object_is_flat (JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      JsonNodeType type = json_node_get_node_type (member);

      if (type == JSON_NODE_OBJECT)
        return FALSE;
      if (type == JSON_NODE_ARRAY && !array_is_flat (json_node_get_array (member)))
        return FALSE;
    }

  return TRUE;
}

static void append_node (GString  *out,
                         JsonNode *node,
                         guint     indent,
                         gboolean  in_array);

static void
append_inline (GString  *out,
               JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (!first)
            g_string_append (out, ", ");
          first = FALSE;
          append_string (out, name);
          g_string_append (out, ": ");
          append_inline (out, member);
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_inline (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else
    {
      append_scalar (out, node);
    }
}

static void
append_indent (GString *out,
               guint    indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append (out, "  ");
}

/* Arrays of scalars go on one line ("doses_mg": [5, 5, 5]); so do flat
 * objects inside arrays when they fit (one step per line). */
static void
append_node (GString  *out,
             JsonNode *node,
             guint     indent,
             gboolean  in_array)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      if (json_object_get_size (object) == 0)
        {
          g_string_append (out, "{}");
          return;
        }

      if (in_array && object_is_flat (object))
        {
          gsize line_start, start = out->len;

          append_inline (out, node);
          line_start = start;
          while (line_start > 0 && out->str[line_start - 1] != '\n')
            line_start--;
          if (out->len - line_start <= INLINE_MAX_COLUMNS)
            return;
          g_string_truncate (out, start);
        }

      g_string_append (out, "{\n");
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (!first)
            g_string_append (out, ",\n");
          first = FALSE;
          append_indent (out, indent + 1);
          append_string (out, name);
          g_string_append (out, ": ");
          append_node (out, member, indent + 1, FALSE);
        }
      g_string_append_c (out, '\n');
      append_indent (out, indent);
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0 || array_is_flat (array))
        {
          append_inline (out, node);
          return;
        }

      g_string_append (out, "[\n");
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (out, ",\n");
          append_indent (out, indent + 1);
          append_node (out, json_array_get_element (array, i), indent + 1, TRUE);
        }
      g_string_append_c (out, '\n');
      append_indent (out, indent);
      g_string_append_c (out, ']');
    }
  else
    {
      append_scalar (out, node);
    }
}

/**
 * titrate_json_node_to_data:
 * @node: a JSON node
 * @length: (out) (optional): length of the result
 *
 * Writes @node as pretty-printed JSON (2-space indent, trailing newline) with
 * numbers in their shortest exact form. Unlike JsonGenerator in json-glib
 * 1.6, a dose of 1.1 is written "1.1", not "1.1000000000000001".
 *
 * Returns: (transfer full): the JSON text
 */
char *
titrate_json_node_to_data (JsonNode *node,
                           gsize    *length)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_new (NULL);
  append_node (out, node, 0, FALSE);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Building */

void
_titrate_json_set_number (JsonObject *object,
                          const char *key,
                          double      value)
{
  if (!isfinite (value))
    return;

  if (value == floor (value) && fabs (value) < TITRATE_JSON_MAX_EXACT_INTEGER)
    json_object_set_int_member (object, key, (gint64) value);
  else
    json_object_set_double_member (object, key, value);
}

JsonNode *
_titrate_json_number_node (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (value == floor (value) && fabs (value) < TITRATE_JSON_MAX_EXACT_INTEGER)
    json_node_set_int (node, (gint64) value);
  else
    json_node_set_double (node, value);

  return node;
}

void
_titrate_json_set_string_array (JsonObject *object,
                                const char *key,
                                GPtrArray  *strings)
{
  JsonArray *array = json_array_new ();

  if (strings != NULL)
    for (guint i = 0; i < strings->len; i++)
      {
        const char *str = g_ptr_array_index (strings, i);

        if (str != NULL)
          json_array_add_string_element (array, str);
      }

  json_object_set_array_member (object, key, array);
}


void
_titrate_json_builder_add_number (JsonBuilder *b,
                                  const char  *key,
                                  double       value,
                                  double       precision)
{
  json_builder_set_member_name (b, key);
  if (isnan (value))
    json_builder_add_null_value (b);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, round (value / precision) / (1.0 / precision));
}

void
_titrate_json_builder_add_string (JsonBuilder *b,
                                  const char  *key,
                                  const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

void
_titrate_json_builder_add_rules_info (JsonBuilder  *b,
                                      TitrateRules *rules)
{
  json_builder_set_member_name (b, "rules");
  json_builder_begin_object (b);
  _titrate_json_builder_add_string (b, "title", titrate_rules_get_title (rules));
  _titrate_json_builder_add_number (b, "schema_version", titrate_rules_get_schema_version (rules), 1);
  _titrate_json_builder_add_string (b, "content_version", titrate_rules_get_content_version (rules));
  _titrate_json_builder_add_string (b, "content_date", titrate_rules_get_content_date (rules));
  _titrate_json_builder_add_string (b, "origin", titrate_rules_get_origin (rules));
  _titrate_json_builder_add_string (b, "sha256", titrate_rules_get_digest (rules));
  _titrate_json_builder_add_string (b, "review_by", titrate_rules_get_review_by (rules));
  json_builder_end_object (b);
}
