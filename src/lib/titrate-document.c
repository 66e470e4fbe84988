/* titrate-document.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading and writing regimen documents: format "titrate-regimen", version 1.
 *
 * Rules of the reader, in short:
 *
 *  - Every error names the field it is about with a path such as
 *    "patient.age_years" or "regimen.steps[2].daily_mcg".
 *  - A dose unit that does not fit the route (a key with an "mg" part in an
 *    intrathecal regimen, or an "mcg" part in an oral one) is refused with
 *    TITRATE_ERROR_UNIT. Nothing is ever converted.
 *  - Numbers must be JSON numbers within their range; booleans must be JSON
 *    booleans. A JSON null for an optional number or text means "not known",
 *    exactly as if the key were absent. A null boolean is refused: a missing
 *    "pregnant" is false, an explicit null is a mistake.
 *  - Unknown keys at the top level, in "patient" and in "regimen" are kept and
 *    written back on save. Unknown keys inside a step, a protocol or an
 *    acknowledgement are refused: they could change what a dose means and
 *    could not be written back.
 *
 * The writer emits the keys in a fixed order, numbers in their shortest form
 * that reads back to the same value (10, not 10.0; 1.1, not
 * 1.1000000000000001), and leaves out values that are not known.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "titrate-document.h"
#include "titrate-error.h"
#include "titrate-pump.h"
#include "titrate-rules-private.h"
#include "titrate-io.h"
#include "titrate-json-read.h"
#include "titrate-types.h"

#define MAX_PLAN_DAY        TITRATE_MAX_PLAN_DAY   /* shared with the forms */
#define MAX_STEP_EVERY_DAYS TITRATE_MAX_STEP_EVERY_DAYS   /* shared with the forms */
#define INLINE_MAX_COLUMNS  100

/* Plausible amounts: software bounds, not clinical limits (those are in the
 * rules database). A strength, concentration or dose outside them is a
 * typing or file error (1e-300 mg, 1e300 mg); inside, every product,
 * quotient and count the planner and the exports compute stays finite and
 * exact enough to print. Units as the key says (mg, mcg, mg/mL, mcg/mL). */
#define AMOUNT_MIN          TITRATE_AMOUNT_MIN   /* shared with the forms (titrate-regimen.h) */
#define AMOUNT_MAX          TITRATE_AMOUNT_MAX

/* Software limits on lists (not clinical limits): far above any real plan,
 * low enough that a hostile file cannot take minutes or gigabytes. */
#define MAX_STEPS           3660     /* ten years of daily steps */
#define MAX_TEXT_LIST       200      /* comedications, conditions, allergies */
#define MAX_ACKNOWLEDGEMENTS 500

/* Largest integer a double holds exactly (2^53). */
#define MAX_EXACT_INTEGER   9007199254740992.0

G_DEFINE_BOXED_TYPE (TitrateDocument, titrate_document,
                     titrate_document_copy, titrate_document_free)

/* Keys the reader knows; anything else is "unknown" and kept (or refused). */
static const char * const root_keys[] = {
  "format", "version", "patient", "regimen", "comedications",
  "acknowledgements", "final", NULL
};

static const char * const patient_keys[] = {
  "age_years", "weight_kg", "sex", "serum_creatinine_mg_dl",
  "serum_creatinine_umol_l", "crcl_ml_min", "egfr_ml_min_1_73m2", "dialysis",
  "pregnant", "breastfeeding", "conditions", "allergies",
  "height_cm", "current_daily_mg", "current_since", NULL
};

static const char * const regimen_keys[] = {
  "drug", "route", "indication", "formulation", "strength_mg", "start_date",
  "concentration_mg_per_ml", "concentration_mcg_per_ml", "spasticity_origin",
  "steps", "protocol", "pump", "it_phase", "screening_effective_mcg", "screening_effect_hours", NULL
};

static gboolean
key_in (const char         *key,
        const char * const *keys)
{
  return g_strv_contains ((const char * const *) keys, key);
}

/* Acknowledgements */

static void
acknowledgement_free (gpointer data)
{
  TitrateAcknowledgement *ack = data;

  if (ack == NULL)
    return;

  g_free (ack->code);
  g_free (ack->reason);
  g_free (ack->date);
  g_free (ack->trigger);
  g_free (ack);
}

static TitrateAcknowledgement *
acknowledgement_new (const char *code,
                     const char *reason,
                     const char *date,
                     const char *trigger)
{
  TitrateAcknowledgement *ack = g_new0 (TitrateAcknowledgement, 1);

  ack->code = g_strdup (code);
  ack->reason = g_strdup (reason);
  ack->date = g_strdup (date);
  ack->trigger = g_strdup (trigger);

  return ack;
}

/* JSON helpers */

static JsonNode *
json_deep_copy (JsonNode *node)
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
          json_object_set_member (dst, name, json_deep_copy (member));

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
          json_array_add_element (dst, json_deep_copy (json_array_get_element (src, i)));

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

static JsonObject *
json_object_deep_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (object == NULL)
    return copy;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, json_deep_copy (member));

  return copy;
}

/* TRUE for a JSON number that is a whole number (1 or 1.0). */
static gboolean
node_get_integer (JsonNode *node,
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

      if (!isfinite (value) || value != floor (value) || fabs (value) > MAX_EXACT_INTEGER)
        return FALSE;

      *out = (gint64) value;
      return TRUE;
    }

  return FALSE;
}

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

  if (value == floor (value) && fabs (value) < MAX_EXACT_INTEGER)
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

/* Readers. Each takes the member's node (NULL when absent) and its path. */

static gboolean
read_number (JsonNode    *node,
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
static gboolean
read_ranged (JsonNode    *node,
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
  if (!titrate_rules_get_default_input_range (path, &min, &max, &min_exclusive))
    return _titrate_json_fail (error, TITRATE_ERROR_RULES, path,
                               _("no plausible range in the rules database, so the value cannot be checked"));
  return read_number (node, path, min, !min_exclusive, max, out, error);
}

/* A positive, finite number; NAN when absent. */
static gboolean
read_positive (JsonNode    *node,
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
  if (value < AMOUNT_MIN || value > AMOUNT_MAX)
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be from %g to %g, a plausible amount (got %s)"),
                                 AMOUNT_MIN, AMOUNT_MAX, got);
    }

  *out = value;
  return TRUE;
}

/* A dose: finite and 0 or more. */
static gboolean
read_dose (JsonNode    *node,
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
  if (value > 0 && (value < AMOUNT_MIN || value > AMOUNT_MAX))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 _("must be 0 or a dose in %s from %g to %g, a plausible amount (got %s)"),
                                 unit, AMOUNT_MIN, AMOUNT_MAX, got);
    }

  *out = value;
  return TRUE;
}

static gboolean
read_integer (JsonNode    *node,
              const char  *path,
              gint64       min,
              gint64       max,
              int         *out,
              GError     **error)
{
  gint64 value;

  if (!node_get_integer (node, &value) || value < min || value > max)
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

static gboolean
read_boolean (JsonNode    *node,
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
static gboolean
read_text (JsonNode    *node,
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
static gboolean
read_string_array (JsonNode    *node,
                   const char  *path,
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
  if (n > MAX_TEXT_LIST)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                               _("at most %d entries, the limit for a regimen document (got %u)"),
                               MAX_TEXT_LIST, n);
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

static gboolean
iso_date_is_valid (const char *str)
{
  gboolean well_formed;

  return str != NULL && _titrate_json_parse_iso_date (str, NULL, &well_formed);
}

/* Objects */

static JsonObject *
get_object_member (JsonObject  *parent,
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
static void
collect_unknown (JsonObject         *object,
                 const char * const *known,
                 JsonObject         *dest)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!key_in (name, known))
      json_object_set_member (dest, name, json_deep_copy (member));
}

/* Patient */

static gboolean
load_patient (JsonObject      *object,
              TitratePatient  *patient,
              JsonObject      *unknown,
              GError         **error)
{
  JsonNode *node;
  JsonNode *mg_dl = json_object_get_member (object, "serum_creatinine_mg_dl");
  JsonNode *umol_l = json_object_get_member (object, "serum_creatinine_umol_l");

  if (!read_ranged (json_object_get_member (object, "age_years"),
                    "patient.age_years",
                    &patient->age_years, error))
    return FALSE;

  if (!read_ranged (json_object_get_member (object, "weight_kg"),
                    "patient.weight_kg",
                    &patient->weight_kg, error))
    return FALSE;

  node = json_object_get_member (object, "sex");
  patient->sex = TITRATE_SEX_UNKNOWN;
  if (!_titrate_json_is_null (node))
    {
      if (!_titrate_json_is_string (node)
          || !titrate_sex_from_string (json_node_get_string (node), &patient->sex))
        {
          g_autofree char *got = _titrate_json_describe (node);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "patient.sex",
                                     _("must be \"female\", \"male\" or \"unknown\" (got %s)"), got);
        }
    }

  if (!_titrate_json_is_null (mg_dl) && !_titrate_json_is_null (umol_l))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "patient.serum_creatinine_mg_dl",
                               _("give either serum_creatinine_mg_dl or serum_creatinine_umol_l, "
                               "not both"));

  patient->serum_creatinine = NAN;
  patient->creatinine_unit = TITRATE_CREATININE_MG_DL;
  if (!_titrate_json_is_null (umol_l))
    {
      if (!read_ranged (umol_l, "patient.serum_creatinine_umol_l",
                        &patient->serum_creatinine, error))
        return FALSE;
      patient->creatinine_unit = TITRATE_CREATININE_UMOL_L;
    }
  else if (!read_ranged (mg_dl, "patient.serum_creatinine_mg_dl",
                         &patient->serum_creatinine, error))
    {
      return FALSE;
    }

  if (!read_ranged (json_object_get_member (object, "crcl_ml_min"),
                    "patient.crcl_ml_min",
                    &patient->crcl_ml_min, error))
    return FALSE;

  if (!read_ranged (json_object_get_member (object, "egfr_ml_min_1_73m2"),
                    "patient.egfr_ml_min_1_73m2",
                    &patient->egfr_ml_min_1_73m2, error))
    return FALSE;

  /* Compatible extensions of version 1: height, and what the patient
   * already takes (daily oral dose and since when). */
  if (!read_ranged (json_object_get_member (object, "height_cm"), "patient.height_cm",
                    &patient->height_cm, error)
      || !read_ranged (json_object_get_member (object, "current_daily_mg"), "patient.current_daily_mg",
                       &patient->current_daily_mg, error))
    return FALSE;
  g_date_clear (&patient->current_since, 1);
  node = json_object_get_member (object, "current_since");
  if (!_titrate_json_is_null (node)
      && !_titrate_json_read_date (node, "patient.current_since", &patient->current_since, NULL, error))
    return FALSE;

  if (!read_boolean (json_object_get_member (object, "dialysis"),
                     "patient.dialysis", &patient->dialysis, error)
      || !read_boolean (json_object_get_member (object, "pregnant"),
                        "patient.pregnant", &patient->pregnant, error)
      || !read_boolean (json_object_get_member (object, "breastfeeding"),
                        "patient.breastfeeding", &patient->breastfeeding, error))
    return FALSE;

  if (patient->conditions == NULL)
    patient->conditions = g_ptr_array_new_with_free_func (g_free);
  if (patient->allergies == NULL)
    patient->allergies = g_ptr_array_new_with_free_func (g_free);

  if (!read_string_array (json_object_get_member (object, "conditions"),
                          "patient.conditions", patient->conditions, error)
      || !read_string_array (json_object_get_member (object, "allergies"),
                             "patient.allergies", patient->allergies, error))
    return FALSE;

  collect_unknown (object, (const char * const *) patient_keys, unknown);
  return TRUE;
}

/* Steps */

static gboolean
load_oral_step (JsonObject   *object,
                const char   *path,
                int           day,
                TitrateStep  *step,
                GError      **error)
{
  static const char * const keys[] = { "day", "doses_mg", NULL };
  JsonNode *node = json_object_get_member (object, "doses_mg");
  g_autofree char *doses_path = g_strdup_printf ("%s.doses_mg", path);
  double doses[TITRATE_MAX_DOSES_PER_DAY];
  gboolean any = FALSE;
  JsonArray *array;
  guint n;

  if (!_titrate_json_refuse_unknown (object, keys, path, error))
    return FALSE;

  if (_titrate_json_is_null (node))
    {
      titrate_step_init_stopped (step, day);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, doses_path,
                                 _("must be a list of doses in mg (got %s)"), got);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > TITRATE_MAX_DOSES_PER_DAY)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, doses_path,
                               _("at most %d doses a day (got %u)"), TITRATE_MAX_DOSES_PER_DAY, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *dose_path = g_strdup_printf ("%s[%u]", doses_path, i);

      if (!read_dose (json_array_get_element (array, i), dose_path, "mg",
                      &doses[i], error))
        return FALSE;
      if (doses[i] > 0)
        any = TRUE;
    }

  if (!any)
    titrate_step_init_stopped (step, day);
  else
    titrate_step_init_oral (step, day, doses, n);

  return TRUE;
}

static gboolean
load_intrathecal_step (JsonObject   *object,
                       const char   *path,
                       int           day,
                       TitrateStep  *step,
                       GError      **error)
{
  static const char * const keys[] = { "day", "daily_mcg", "bolus_mcg", NULL };
  JsonNode *daily = json_object_get_member (object, "daily_mcg");
  JsonNode *bolus = json_object_get_member (object, "bolus_mcg");
  double value;

  if (!_titrate_json_refuse_unknown (object, keys, path, error))
    return FALSE;

  titrate_step_init_stopped (step, day);

  if (!_titrate_json_is_null (daily) && !_titrate_json_is_null (bolus))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                               _("give either daily_mcg or bolus_mcg, not both"));

  if (!_titrate_json_is_null (daily))
    {
      g_autofree char *daily_path = g_strdup_printf ("%s.daily_mcg", path);

      if (!read_dose (daily, daily_path, "mcg", &value, error))
        return FALSE;
      if (value > 0)
        step->daily_mcg = value;
    }
  else if (!_titrate_json_is_null (bolus))
    {
      g_autofree char *bolus_path = g_strdup_printf ("%s.bolus_mcg", path);

      if (!read_dose (bolus, bolus_path, "mcg", &value, error))
        return FALSE;
      if (value > 0)
        step->bolus_mcg = value;
    }

  return TRUE;
}

static gboolean
load_steps (JsonNode        *node,
            TitrateRegimen  *regimen,
            GError         **error)
{
  JsonArray *array;
  guint n;
  int previous_day = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.steps",
                                 _("must be a list of steps (got %s)"), got);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_STEPS)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.steps",
                               _("at most %d steps, the limit for a regimen document (got %u)"),
                               MAX_STEPS, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("regimen.steps[%u]", i);
      g_autofree char *day_path = g_strdup_printf ("%s.day", path);
      JsonObject *object;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      TitrateStep step;
      int day;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *got = _titrate_json_describe (element);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                     _("must be an object with a day and its doses (got %s)"), got);
        }
      object = json_node_get_object (element);

      /* Units first: a wrong unit is never read as a number. */
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);

          if (!_titrate_json_check_key_unit (member_path, name, regimen->route, error))
            return FALSE;
        }

      if (!json_object_has_member (object, "day"))
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, day_path, _("missing"));
      if (!read_integer (json_object_get_member (object, "day"), day_path,
                         1, MAX_PLAN_DAY, &day, error))
        return FALSE;

      if (day == previous_day)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, day_path,
                                   _("day %d appears twice; steps must be in increasing day order"),
                                   day);
      if (day < previous_day)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, day_path,
                                   _("steps must be in increasing day order (day %d comes after day %d)"),
                                   day, previous_day);
      previous_day = day;

      if (regimen->route == TITRATE_ROUTE_ORAL)
        {
          if (!load_oral_step (object, path, day, &step, error))
            return FALSE;
        }
      else
        {
          if (!load_intrathecal_step (object, path, day, &step, error))
            return FALSE;
        }

      if (!titrate_regimen_add_step (regimen, &step, error))
        return FALSE;
    }

  return TRUE;
}

/* Protocol */

static gboolean
load_protocol (JsonNode         *node,
               TitrateProtocol  *protocol,
               GError          **error)
{
  static const char * const titrate_keys[] = {
    "kind", "start_dose_mg", "doses_per_day", "step_mg_per_dose",
    "step_every_days", "target_daily_mg", NULL
  };
  static const char * const taper_keys[] = {
    "kind", "from_daily_mg", "doses_per_day", "step_mg_per_dose",
    "step_every_days", NULL
  };
  const char * const *keys;
  JsonObject *object;
  JsonNode *kind;
  const char *kind_str;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.protocol",
                                 _("must be an object (got %s)"), got);
    }
  object = json_node_get_object (node);

  /* A protocol is oral: any mcg key in it is a unit error. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *path = g_strdup_printf ("regimen.protocol.%s", name);

      if (!_titrate_json_check_key_unit (path, name, TITRATE_ROUTE_ORAL, error))
        return FALSE;
    }

  kind = json_object_get_member (object, "kind");
  kind_str = _titrate_json_is_string (kind) ? json_node_get_string (kind) : NULL;
  if (g_strcmp0 (kind_str, "titrate") == 0)
    {
      protocol->kind = TITRATE_PROTOCOL_TITRATE;
      keys = titrate_keys;
    }
  else if (g_strcmp0 (kind_str, "taper") == 0)
    {
      protocol->kind = TITRATE_PROTOCOL_TAPER;
      keys = taper_keys;
    }
  else
    {
      g_autofree char *got = _titrate_json_describe (kind);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.protocol.kind",
                                 _("must be \"titrate\" or \"taper\" (got %s)"), got);
    }

  if (!_titrate_json_refuse_unknown (object, keys, "regimen.protocol", error))
    return FALSE;

  /* Every field of the chosen kind is required. */
  for (guint i = 0; keys[i] != NULL; i++)
    if (_titrate_json_is_null (json_object_get_member (object, keys[i])))
      {
        g_autofree char *path = g_strdup_printf ("regimen.protocol.%s", keys[i]);
        g_autofree char *needed = g_strjoinv (", ", (char **) keys + 1);

        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                   _("missing (a %s protocol needs %s)"), kind_str, needed);
      }

  protocol->start_dose_mg = NAN;
  protocol->target_daily_mg = NAN;
  protocol->from_daily_mg = NAN;

  if (protocol->kind == TITRATE_PROTOCOL_TITRATE)
    {
      if (!read_positive (json_object_get_member (object, "start_dose_mg"),
                          "regimen.protocol.start_dose_mg",
                          &protocol->start_dose_mg, error))
        return FALSE;
    }
  else
    {
      if (!read_positive (json_object_get_member (object, "from_daily_mg"),
                          "regimen.protocol.from_daily_mg",
                          &protocol->from_daily_mg, error))
        return FALSE;
    }

  if (!read_integer (json_object_get_member (object, "doses_per_day"),
                     "regimen.protocol.doses_per_day",
                     1, TITRATE_MAX_DOSES_PER_DAY, &protocol->doses_per_day, error)
      || !read_positive (json_object_get_member (object, "step_mg_per_dose"),
                         "regimen.protocol.step_mg_per_dose",
                         &protocol->step_mg_per_dose, error)
      || !read_integer (json_object_get_member (object, "step_every_days"),
                        "regimen.protocol.step_every_days",
                        1, MAX_STEP_EVERY_DAYS, &protocol->step_every_days, error))
    return FALSE;

  if (protocol->kind == TITRATE_PROTOCOL_TITRATE)
    {
      double start_daily = protocol->start_dose_mg * protocol->doses_per_day;

      if (!read_positive (json_object_get_member (object, "target_daily_mg"),
                          "regimen.protocol.target_daily_mg",
                          &protocol->target_daily_mg, error))
        return FALSE;

      if (protocol->target_daily_mg < start_daily)
        {
          g_autofree char *start_str = titrate_format_amount (start_daily);
          g_autofree char *target_str = titrate_format_amount (protocol->target_daily_mg);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.protocol.target_daily_mg",
                                     _("%s mg is below the starting daily dose "
                                     "(start_dose_mg × doses_per_day = %s mg)"),
                                     target_str, start_str);
        }
    }

  return TRUE;
}

/* Regimen */

static gboolean
load_regimen (JsonObject      *object,
              TitrateRules    *rules,
              TitrateRegimen **out,
              JsonObject      *unknown,
              GError         **error)
{
  g_autoptr(TitrateRegimen) regimen = NULL;
  TitrateRoute route;
  JsonNode *node;
  JsonNode *steps;
  JsonNode *protocol;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  const char *drug_code = NULL;

  /* No drug named: the rules database's default medicine. */
  if (rules != NULL)
    drug_code = titrate_rules_lookup_medicine (rules, NULL);

  node = json_object_get_member (object, "drug");
  if (!_titrate_json_is_null (node))
    {
      g_autofree char *drug = NULL;

      if (_titrate_json_is_string (node))
        drug = g_strstrip (g_strdup (json_node_get_string (node)));

      /* The medicines the rules database in use holds rules for (no name in C). */
      {
        const char *medicine = rules && drug ? titrate_rules_lookup_medicine (rules, drug) : NULL;

        if (medicine == NULL)
          {
            g_autofree char *got = _titrate_json_describe (node);
            g_autofree char *known = rules ? titrate_rules_dup_medicine_codes (rules) : g_strdup ("");

            return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.drug",
                                       _("the rules database has rules for %s only (got %s)"), known, got);
          }
        drug_code = medicine;
      }
    }

  node = json_object_get_member (object, "route");
  if (_titrate_json_is_null (node))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.route",
                               _("missing (\"oral\" or \"intrathecal\")"));
  if (!_titrate_json_is_string (node)
      || !titrate_route_from_string (json_node_get_string (node), &route))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.route",
                                 _("must be \"oral\" or \"intrathecal\" (got %s)"), got);
    }

  /* Units before anything else: a wrong unit is never read as a number. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *path = g_strdup_printf ("regimen.%s", name);

      if (!_titrate_json_check_key_unit (path, name, route, error))
        return FALSE;
    }

  steps = json_object_get_member (object, "steps");
  protocol = json_object_get_member (object, "protocol");

  if (!_titrate_json_is_null (protocol) && route != TITRATE_ROUTE_ORAL)
    return _titrate_json_fail (error, TITRATE_ERROR_UNIT, "regimen.protocol",
                               _("protocols are written in mg for oral regimens; "
                               "an intrathecal regimen gives its steps in mcg"));

  if (!_titrate_json_is_null (protocol) && !_titrate_json_is_null (steps))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.protocol",
                               _("give either steps or protocol, not both"));

  regimen = titrate_regimen_new (route);
  regimen->route = route;
  g_free (regimen->drug);
  regimen->drug = g_strdup (drug_code);

  g_clear_pointer (&regimen->indication, g_free);
  if (!read_text (json_object_get_member (object, "indication"),
                  "regimen.indication", &regimen->indication, error))
    return FALSE;

  g_clear_pointer (&regimen->formulation, g_free);
  if (!read_text (json_object_get_member (object, "formulation"),
                  "regimen.formulation", &regimen->formulation, error))
    return FALSE;

  /* The unit check above already refused these on the wrong route. */
  if (!read_positive (json_object_get_member (object, "strength_mg"),
                      "regimen.strength_mg", &regimen->strength_mg, error)
      || !read_positive (json_object_get_member (object, "concentration_mg_per_ml"),
                         "regimen.concentration_mg_per_ml",
                         &regimen->concentration_mg_per_ml, error)
      || !read_positive (json_object_get_member (object, "concentration_mcg_per_ml"),
                         "regimen.concentration_mcg_per_ml",
                         &regimen->concentration_mcg_per_ml, error))
    return FALSE;

  g_date_clear (&regimen->start_date, 1);
  node = json_object_get_member (object, "start_date");
  if (!_titrate_json_is_null (node)
      && !_titrate_json_read_date (node, "regimen.start_date", &regimen->start_date, NULL, error))
    return FALSE;

  regimen->spasticity_origin = TITRATE_ORIGIN_UNSET;
  node = json_object_get_member (object, "spasticity_origin");
  if (!_titrate_json_is_null (node))
    {
      if (route != TITRATE_ROUTE_INTRATHECAL)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.spasticity_origin",
                                   _("only applies to intrathecal regimens"));

      if (!_titrate_json_is_string (node)
          || !titrate_origin_from_string (json_node_get_string (node),
                                          &regimen->spasticity_origin)
          || regimen->spasticity_origin == TITRATE_ORIGIN_UNSET)
        {
          g_autofree char *got = _titrate_json_describe (node);

          regimen->spasticity_origin = TITRATE_ORIGIN_UNSET;
          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.spasticity_origin",
                                     _("must be \"spinal\" or \"cerebral\" (got %s)"), got);
        }
    }

  /* Compatible extensions of version 1 for intrathecal regimens. */
  regimen->it_phase = TITRATE_IT_PHASE_UNSET;
  node = json_object_get_member (object, "it_phase");
  if (!_titrate_json_is_null (node))
    {
      const char *phase = _titrate_json_is_string (node) ? json_node_get_string (node) : NULL;

      if (route != TITRATE_ROUTE_INTRATHECAL)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.it_phase",
                                   _("only applies to intrathecal regimens"));
      if (g_strcmp0 (phase, "post_implant") == 0)
        regimen->it_phase = TITRATE_IT_PHASE_POST_IMPLANT;
      else if (g_strcmp0 (phase, "maintenance") == 0)
        regimen->it_phase = TITRATE_IT_PHASE_MAINTENANCE;
      else
        {
          g_autofree char *got = _titrate_json_describe (node);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.it_phase",
                                     _("must be \"post_implant\" or \"maintenance\" (got %s)"), got);
        }
    }
  if (!read_positive (json_object_get_member (object, "screening_effective_mcg"),
                      "regimen.screening_effective_mcg", &regimen->screening_effective_mcg, error)
      || !read_positive (json_object_get_member (object, "screening_effect_hours"),
                         "regimen.screening_effect_hours", &regimen->screening_effect_hours, error))
    return FALSE;
  if (route != TITRATE_ROUTE_INTRATHECAL && !isnan (regimen->screening_effect_hours))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.screening_effect_hours",
                               _("only applies to intrathecal regimens"));

  if (regimen->steps != NULL)
    g_array_set_size (regimen->steps, 0);
  if (!_titrate_json_is_null (steps) && !load_steps (steps, regimen, error))
    return FALSE;

  regimen->has_protocol = FALSE;
  if (!_titrate_json_is_null (protocol))
    {
      if (!load_protocol (protocol, &regimen->protocol, error))
        return FALSE;
      regimen->has_protocol = TRUE;
    }

  if (!titrate_regimen_validate (regimen, error))
    return FALSE;
  if (!titrate_pump_load (json_object_get_member (object, "pump"), regimen, &regimen->pump, error))
    return FALSE;

  collect_unknown (object, (const char * const *) regimen_keys, unknown);

  *out = g_steal_pointer (&regimen);
  return TRUE;
}

/* Acknowledgements */

static gboolean
load_acknowledgements (JsonNode         *node,
                       GPtrArray        *dest,
                       GError          **error)
{
  static const char * const keys[] = { "code", "reason", "date", "trigger", NULL };
  JsonArray *array;
  guint n;

  if (_titrate_json_is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "acknowledgements",
                                 _("must be a list (got %s)"), got);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_ACKNOWLEDGEMENTS)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "acknowledgements",
                               _("at most %d acknowledgements, the limit for a regimen document (got %u)"),
                               MAX_ACKNOWLEDGEMENTS, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("acknowledgements[%u]", i);
      g_autofree char *code_path = g_strdup_printf ("%s.code", path);
      g_autofree char *reason_path = g_strdup_printf ("%s.reason", path);
      g_autofree char *date_path = g_strdup_printf ("%s.date", path);
      g_autofree char *trigger_path = g_strdup_printf ("%s.trigger", path);
      g_autofree char *trigger = NULL;
      g_autofree char *code = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *date = NULL;
      JsonObject *object;
      JsonNode *date_node;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *got = _titrate_json_describe (element);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                     _("must be an object with a code and a reason (got %s)"), got);
        }
      object = json_node_get_object (element);

      if (!_titrate_json_refuse_unknown (object, keys, path, error))
        return FALSE;

      if (!read_text (json_object_get_member (object, "code"), code_path,
                      &code, error)
          || !read_text (json_object_get_member (object, "reason"), reason_path,
                         &reason, error))
        return FALSE;

      if (!read_text (json_object_get_member (object, "trigger"), trigger_path, &trigger, error))
        return FALSE;

      if (code == NULL)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, code_path, _("missing"));
      if (reason == NULL)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, reason_path,
                                   _("missing; an acknowledgement needs a reason"));

      date_node = json_object_get_member (object, "date");
      if (!_titrate_json_is_null (date_node)
          && !_titrate_json_read_date (date_node, date_path, NULL, &date, error))
        return FALSE;

      for (guint j = 0; j < dest->len; j++)
        {
          TitrateAcknowledgement *other = g_ptr_array_index (dest, j);

          if (g_strcmp0 (other->code, code) == 0)
            return _titrate_json_fail (error, TITRATE_ERROR_INVALID, code_path,
                                       _("\"%s\" is acknowledged twice"), code);
        }

      g_ptr_array_add (dest, acknowledgement_new (code, reason, date, trigger));
    }

  return TRUE;
}

/* Document */

/**
 * titrate_document_new:
 *
 * Returns: (transfer full): an empty document: a patient with nothing known
 *   and an oral regimen with no steps
 */
TitrateDocument *
titrate_document_new (void)
{
  TitrateDocument *doc = g_new0 (TitrateDocument, 1);

  doc->patient = titrate_patient_new ();
  doc->regimen = titrate_regimen_new (TITRATE_ROUTE_ORAL);
  doc->comedications = g_ptr_array_new_with_free_func (g_free);
  doc->acknowledgements = g_ptr_array_new_with_free_func (acknowledgement_free);
  doc->final = FALSE;
  doc->unknown_root = json_object_new ();
  doc->unknown_patient = json_object_new ();
  doc->unknown_regimen = json_object_new ();

  return doc;
}

TitrateDocument *
titrate_document_copy (const TitrateDocument *doc)
{
  TitrateDocument *copy;

  g_return_val_if_fail (doc != NULL, NULL);

  copy = g_new0 (TitrateDocument, 1);
  copy->patient = doc->patient != NULL ? titrate_patient_copy (doc->patient) : NULL;
  copy->regimen = doc->regimen != NULL ? titrate_regimen_copy (doc->regimen) : NULL;
  copy->comedications = g_ptr_array_new_with_free_func (g_free);
  copy->acknowledgements = g_ptr_array_new_with_free_func (acknowledgement_free);
  copy->final = doc->final;

  if (doc->comedications != NULL)
    for (guint i = 0; i < doc->comedications->len; i++)
      g_ptr_array_add (copy->comedications,
                       g_strdup (g_ptr_array_index (doc->comedications, i)));

  if (doc->acknowledgements != NULL)
    for (guint i = 0; i < doc->acknowledgements->len; i++)
      {
        const TitrateAcknowledgement *ack = g_ptr_array_index (doc->acknowledgements, i);

        g_ptr_array_add (copy->acknowledgements,
                         acknowledgement_new (ack->code, ack->reason, ack->date, ack->trigger));
      }

  copy->unknown_root = json_object_deep_copy (doc->unknown_root);
  copy->unknown_patient = json_object_deep_copy (doc->unknown_patient);
  copy->unknown_regimen = json_object_deep_copy (doc->unknown_regimen);

  return copy;
}

void
titrate_document_free (TitrateDocument *doc)
{
  if (doc == NULL)
    return;

  g_clear_pointer (&doc->patient, titrate_patient_free);
  g_clear_pointer (&doc->regimen, titrate_regimen_free);
  g_clear_pointer (&doc->comedications, g_ptr_array_unref);
  g_clear_pointer (&doc->acknowledgements, g_ptr_array_unref);
  g_clear_pointer (&doc->unknown_root, json_object_unref);
  g_clear_pointer (&doc->unknown_patient, json_object_unref);
  g_clear_pointer (&doc->unknown_regimen, json_object_unref);
  g_free (doc);
}

/* "<data>:2:7: Parse error: unexpected …" → "line 2, column 7: unexpected …" */
static char *
describe_parse_error (const char *message)
{
  const char *prefix = "<data>:";
  unsigned line, column;
  int consumed = 0;
  const char *rest;

  if (!g_str_has_prefix (message, prefix)
      || sscanf (message + strlen (prefix), "%u:%u: %n", &line, &column, &consumed) < 2
      || consumed == 0)
    return g_strdup (message);

  rest = message + strlen (prefix) + consumed;
  if (g_str_has_prefix (rest, "Parse error: "))
    rest += strlen ("Parse error: ");

  return g_strdup_printf ("line %u, column %u: %s", line, column, rest);
}

static gboolean
load_format_and_version (JsonObject  *root,
                         GError     **error)
{
  JsonNode *node;
  gint64 version;

  node = json_object_get_member (root, "format");
  if (node == NULL)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "format",
                               _("missing; this is not a Titrate regimen document"));
  if (!_titrate_json_is_string (node)
      || g_strcmp0 (json_node_get_string (node), TITRATE_DOCUMENT_FORMAT) != 0)
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "format",
                                 _("must be \"%s\" (got %s); this is not a Titrate regimen document"),
                                 TITRATE_DOCUMENT_FORMAT, got);
    }

  node = json_object_get_member (root, "version");
  if (node == NULL)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "version", _("missing"));
  if (!node_get_integer (node, &version))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "version",
                                 _("must be a whole number (got %s)"), got);
    }
  if (version < 1)
    {
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "version", _("%s is not a valid version"), v);
    }
  if (version > TITRATE_DOCUMENT_VERSION)
    {
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_UNSUPPORTED,
                   _("version %s is not supported (this Titrate reads version %d)"),
                   v, TITRATE_DOCUMENT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * titrate_document_load_from_data:
 * @data: the document's text
 * @length: length of @data, or -1 if NUL-terminated
 * @error: return location for a #GError
 *
 * Reads a regimen document. Errors are in the TITRATE_ERROR domain: INVALID
 * (the message names the field), UNIT (a dose unit that does not fit the
 * route) or UNSUPPORTED (a newer version).
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
TitrateDocument *
titrate_document_load_from_data (const char  *data,
                                 gssize       length,
                                 GError     **error)
{
  return titrate_document_load_from_data_with_rules (data, length, NULL, error);
}

/**
 * titrate_document_load_from_data_with_rules:
 * @data: the document's text
 * @length: length of @data, or -1 if NUL-terminated
 * @rules: (nullable): the rules database in use (`--rules FILE`, an
 *   institution's database); %NULL for the embedded one
 * @error: return location for a #GError
 *
 * As titrate_document_load_from_data(), with `regimen.drug` checked against
 * the medicines of @rules, so a medicine that only the database in use holds
 * rules for loads.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
TitrateDocument *
titrate_document_load_from_data_with_rules (const char    *data,
                                            gssize         length,
                                            TitrateRules  *rules,
                                            GError       **error)
{
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root_node;
  JsonObject *root;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  len = length < 0 ? strlen (data) : (gsize) length;

  if (len > TITRATE_IO_MAX_DOCUMENT_BYTES)
    {
      g_autofree char *limit = g_format_size_full (TITRATE_IO_MAX_DOCUMENT_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("the document is larger than %s, the limit for a regimen document"), limit);
      return NULL;
    }

  if (!g_utf8_validate (data, (gssize) len, NULL))
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("not a JSON document: the text is not valid UTF-8"));
      return NULL;
    }

  /* A byte order mark, as some editors write, is not an error. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  /* Before json-glib recurses into it: depth, duplicate keys, NULs. */
  if (!titrate_io_json_prescan (data, len, TITRATE_IO_MAX_JSON_DEPTH, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_autofree char *message = describe_parse_error (local_error->message);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("not a JSON document: %s"), message);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("not a JSON document: the file is empty"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *got = _titrate_json_describe (root_node);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("not a Titrate regimen document: the top level must be "
                   "an object (got %s)"), got);
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!load_format_and_version (root, error))
    return NULL;

  doc = titrate_document_new ();

  object = get_object_member (root, "patient", "patient", error);
  if (object == NULL || !load_patient (object, doc->patient, doc->unknown_patient, error))
    return NULL;

  object = get_object_member (root, "regimen", "regimen", error);
  if (object == NULL)
    return NULL;
  g_clear_pointer (&doc->regimen, titrate_regimen_free);
  if (!load_regimen (object, rules ? rules : _titrate_rules_get_shared (), &doc->regimen,
                     doc->unknown_regimen, error))
    return NULL;

  if (!read_string_array (json_object_get_member (root, "comedications"),
                          "comedications", doc->comedications, error))
    return NULL;

  if (!load_acknowledgements (json_object_get_member (root, "acknowledgements"),
                              doc->acknowledgements, error))
    return NULL;

  if (!read_boolean (json_object_get_member (root, "final"), "final",
                     &doc->final, error))
    return NULL;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!key_in (name, root_keys))
      json_object_set_member (doc->unknown_root, name, json_deep_copy (member));

  return g_steal_pointer (&doc);
}

/**
 * titrate_document_load_from_file:
 * @file: the document
 * @error: return location for a #GError
 *
 * Reads a regimen document from @file. I/O errors are in the G_IO_ERROR
 * domain; content errors as for titrate_document_load_from_data().
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
TitrateDocument *
titrate_document_load_from_file (GFile   *file,
                                 GError **error)
{
  return titrate_document_load_from_file_with_rules (file, NULL, error);
}

/**
 * titrate_document_load_from_file_with_rules:
 * @file: the document
 * @rules: (nullable): the rules database in use; %NULL for the embedded one
 * @error: return location for a #GError
 *
 * As titrate_document_load_from_file(), with `regimen.drug` checked against
 * the medicines of @rules.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
TitrateDocument *
titrate_document_load_from_file_with_rules (GFile         *file,
                                            TitrateRules  *rules,
                                            GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Regular files only (a FIFO would block), and bounded. */
  if (!titrate_io_read_file (file, TITRATE_IO_MAX_DOCUMENT_BYTES, &contents, &length, error))
    return NULL;

  return titrate_document_load_from_data_with_rules (contents, (gssize) length, rules, error);
}

/* Writing */

static void
set_number (JsonObject *object,
            const char *key,
            double      value)
{
  if (!isfinite (value))
    return;

  if (value == floor (value) && fabs (value) < MAX_EXACT_INTEGER)
    json_object_set_int_member (object, key, (gint64) value);
  else
    json_object_set_double_member (object, key, value);
}

static JsonNode *
number_node (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (value == floor (value) && fabs (value) < MAX_EXACT_INTEGER)
    json_node_set_int (node, (gint64) value);
  else
    json_node_set_double (node, value);

  return node;
}

static void
set_string_array (JsonObject *object,
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

static void
set_unknown (JsonObject         *object,
             JsonObject         *unknown,
             const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (unknown == NULL)
    return;

  json_object_iter_init_ordered (&iter, unknown);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!key_in (name, known) && !json_object_has_member (object, name))
      json_object_set_member (object, name, json_deep_copy (member));
}

static JsonObject *
patient_to_json (const TitratePatient *patient,
                 JsonObject           *unknown)
{
  JsonObject *object = json_object_new ();

  set_number (object, "age_years", patient->age_years);
  set_number (object, "weight_kg", patient->weight_kg);
  set_number (object, "height_cm", patient->height_cm);
  if (patient->sex != TITRATE_SEX_UNKNOWN)
    json_object_set_string_member (object, "sex", titrate_sex_to_string (patient->sex));
  if (patient->creatinine_unit == TITRATE_CREATININE_UMOL_L)
    set_number (object, "serum_creatinine_umol_l", patient->serum_creatinine);
  else
    set_number (object, "serum_creatinine_mg_dl", patient->serum_creatinine);
  set_number (object, "crcl_ml_min", patient->crcl_ml_min);
  set_number (object, "egfr_ml_min_1_73m2", patient->egfr_ml_min_1_73m2);
  json_object_set_boolean_member (object, "dialysis", patient->dialysis);
  json_object_set_boolean_member (object, "pregnant", patient->pregnant);
  json_object_set_boolean_member (object, "breastfeeding", patient->breastfeeding);
  set_string_array (object, "conditions", patient->conditions);
  set_string_array (object, "allergies", patient->allergies);
  set_number (object, "current_daily_mg", patient->current_daily_mg);
  if (g_date_valid (&patient->current_since))
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", (unsigned) g_date_get_year (&patient->current_since),
                  (unsigned) g_date_get_month (&patient->current_since),
                  (unsigned) g_date_get_day (&patient->current_since));
      json_object_set_string_member (object, "current_since", buf);
    }

  set_unknown (object, unknown, patient_keys);
  return object;
}

static JsonObject *
step_to_json (const TitrateStep *step,
              TitrateRoute       route)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "day", step->day);

  if (route == TITRATE_ROUTE_ORAL)
    {
      JsonArray *doses = json_array_new ();
      guint n = MIN (step->n_doses, TITRATE_MAX_DOSES_PER_DAY);

      for (guint i = 0; i < n; i++)
        json_array_add_element (doses, number_node (step->doses_mg[i]));
      json_object_set_array_member (object, "doses_mg", doses);
    }
  else if (isfinite (step->bolus_mcg) && step->bolus_mcg > 0)
    {
      set_number (object, "bolus_mcg", step->bolus_mcg);
    }
  else if (isfinite (step->daily_mcg) && step->daily_mcg > 0)
    {
      set_number (object, "daily_mcg", step->daily_mcg);
    }
  else
    {
      json_object_set_int_member (object, "daily_mcg", 0);
    }

  return object;
}

static JsonObject *
protocol_to_json (const TitrateProtocol *protocol)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "kind",
                                 protocol->kind == TITRATE_PROTOCOL_TAPER
                                 ? "taper" : "titrate");
  if (protocol->kind == TITRATE_PROTOCOL_TAPER)
    {
      set_number (object, "from_daily_mg", protocol->from_daily_mg);
      json_object_set_int_member (object, "doses_per_day", protocol->doses_per_day);
      set_number (object, "step_mg_per_dose", protocol->step_mg_per_dose);
      json_object_set_int_member (object, "step_every_days", protocol->step_every_days);
    }
  else
    {
      set_number (object, "start_dose_mg", protocol->start_dose_mg);
      json_object_set_int_member (object, "doses_per_day", protocol->doses_per_day);
      set_number (object, "step_mg_per_dose", protocol->step_mg_per_dose);
      json_object_set_int_member (object, "step_every_days", protocol->step_every_days);
      set_number (object, "target_daily_mg", protocol->target_daily_mg);
    }

  return object;
}

static JsonObject *
regimen_to_json (const TitrateRegimen *regimen,
                 JsonObject           *unknown)
{
  JsonObject *object = json_object_new ();
  gboolean oral = regimen->route == TITRATE_ROUTE_ORAL;
  guint n_steps = regimen->steps != NULL ? regimen->steps->len : 0;

  {
    TitrateRules *shared = _titrate_rules_get_shared ();
    const char *drug = regimen->drug ? regimen->drug : shared ? titrate_rules_lookup_medicine (shared, NULL) : NULL;

    if (drug != NULL)
      json_object_set_string_member (object, "drug", drug);
  }
  json_object_set_string_member (object, "route", titrate_route_to_string (regimen->route));
  if (regimen->indication != NULL && *regimen->indication != '\0')
    json_object_set_string_member (object, "indication", regimen->indication);
  if (regimen->formulation != NULL && *regimen->formulation != '\0')
    json_object_set_string_member (object, "formulation", regimen->formulation);
  if (oral)
    set_number (object, "strength_mg", regimen->strength_mg);

  if (g_date_valid (&regimen->start_date))
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%04u-%02u-%02u",
                  (unsigned) g_date_get_year (&regimen->start_date),
                  (unsigned) g_date_get_month (&regimen->start_date),
                  (unsigned) g_date_get_day (&regimen->start_date));
      json_object_set_string_member (object, "start_date", buf);
    }

  if (oral)
    {
      set_number (object, "concentration_mg_per_ml", regimen->concentration_mg_per_ml);
    }
  else
    {
      set_number (object, "concentration_mcg_per_ml", regimen->concentration_mcg_per_ml);
      if (regimen->spasticity_origin != TITRATE_ORIGIN_UNSET)
        json_object_set_string_member (object, "spasticity_origin",
                                       titrate_origin_to_string (regimen->spasticity_origin));
      if (regimen->it_phase != TITRATE_IT_PHASE_UNSET)
        json_object_set_string_member (object, "it_phase",
                                       regimen->it_phase == TITRATE_IT_PHASE_POST_IMPLANT ? "post_implant"
                                                                                          : "maintenance");
      set_number (object, "screening_effective_mcg", regimen->screening_effective_mcg);
      set_number (object, "screening_effect_hours", regimen->screening_effect_hours);
    }

  if (oral && regimen->has_protocol && n_steps == 0)
    {
      json_object_set_object_member (object, "protocol",
                                     protocol_to_json (&regimen->protocol));
    }
  else
    {
      JsonArray *steps = json_array_new ();

      for (guint i = 0; i < n_steps; i++)
        json_array_add_object_element (steps,
                                       step_to_json (&g_array_index (regimen->steps,
                                                                     TitrateStep, i),
                                                     regimen->route));
      json_object_set_array_member (object, "steps", steps);
    }
  if (regimen->pump != NULL && !oral)
    json_object_set_member (object, "pump", titrate_pump_to_json (regimen->pump));

  set_unknown (object, unknown, regimen_keys);
  return object;
}

/**
 * titrate_document_to_json:
 * @doc: a document
 *
 * Returns: (transfer full): the document as a JSON object node, with the same
 *   content titrate_document_save() writes
 */
JsonNode *
titrate_document_to_json (const TitrateDocument *doc)
{
  g_autoptr(JsonObject) root = NULL;
  JsonArray *acks;
  JsonNode *node;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (doc->patient != NULL, NULL);
  g_return_val_if_fail (doc->regimen != NULL, NULL);

  root = json_object_new ();
  json_object_set_string_member (root, "format", TITRATE_DOCUMENT_FORMAT);
  json_object_set_int_member (root, "version", TITRATE_DOCUMENT_VERSION);
  json_object_set_object_member (root, "patient",
                                 patient_to_json (doc->patient, doc->unknown_patient));
  json_object_set_object_member (root, "regimen",
                                 regimen_to_json (doc->regimen, doc->unknown_regimen));
  set_string_array (root, "comedications", doc->comedications);

  acks = json_array_new ();
  if (doc->acknowledgements != NULL)
    for (guint i = 0; i < doc->acknowledgements->len; i++)
      {
        const TitrateAcknowledgement *ack = g_ptr_array_index (doc->acknowledgements, i);
        JsonObject *object = json_object_new ();

        json_object_set_string_member (object, "code", ack->code);
        json_object_set_string_member (object, "reason", ack->reason);
        if (ack->date != NULL)
          json_object_set_string_member (object, "date", ack->date);
        if (ack->trigger != NULL)
          json_object_set_string_member (object, "trigger", ack->trigger);
        json_array_add_object_element (acks, object);
      }
  json_object_set_array_member (root, "acknowledgements", acks);

  json_object_set_boolean_member (root, "final", doc->final);

  set_unknown (root, doc->unknown_root, root_keys);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;
}

/**
 * titrate_document_to_data:
 * @doc: a document
 * @length: (out) (optional): length of the result
 *
 * Returns: (transfer full): the document as pretty-printed JSON
 */
char *
titrate_document_to_data (const TitrateDocument *doc,
                          gsize                 *length)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  root = titrate_document_to_json (doc);
  g_return_val_if_fail (root != NULL, NULL);

  return titrate_json_node_to_data (root, length);
}

/**
 * titrate_document_save:
 * @doc: a document
 * @file: where to write it
 * @error: return location for a #GError
 *
 * Writes @doc atomically: the new content goes to a temporary file that is
 * synced and renamed over @file, so a crash leaves either the old or the new
 * document, never a mix. Patient data stays private: the temporary file is
 * 0600, a new document too, an existing one keeps its permissions; a link is
 * followed to its target; a FIFO or device is refused, never replaced; the
 * temporary files of an interrupted save are removed by the next one (see
 * titrate_io_replace_file()).
 *
 * Returns: %TRUE on success
 */
gboolean
titrate_document_save (const TitrateDocument *doc,
                       GFile                 *file,
                       GError               **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = titrate_document_to_data (doc, &length);

  /* What could not be opened again is not written (deeply nested kept
   * keys grow when indented). */
  if (length > TITRATE_IO_MAX_DOCUMENT_BYTES)
    {
      g_autofree char *limit = g_format_size_full (TITRATE_IO_MAX_DOCUMENT_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("the document would be larger than %s, the limit for a regimen document; "
                     "nothing was written"), limit);
      return FALSE;
    }

  if (g_file_is_native (file))
    {
      g_autofree char *path = g_file_get_path (file);

      /* Follows a link to its target, keeps an existing file's
       * permissions, creates a new one private (0600). */
      if (path != NULL)
        return titrate_io_replace_file (path, data, length, 0600, error);
    }

  /* GIO's replace also writes a temporary file and renames it into place. */
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

static void
set_acknowledgement (TitrateDocument *doc,
                     const char      *code,
                     const char      *trigger,
                     const char      *reason,
                     const char      *date)
{
  if (doc->acknowledgements == NULL)
    doc->acknowledgements = g_ptr_array_new_with_free_func (acknowledgement_free);

  for (guint i = 0; i < doc->acknowledgements->len; i++)
    {
      TitrateAcknowledgement *ack = g_ptr_array_index (doc->acknowledgements, i);

      if (g_strcmp0 (ack->code, code) == 0)
        {
          g_ptr_array_index (doc->acknowledgements, i) = acknowledgement_new (code, reason, date, trigger);
          acknowledgement_free (ack);
          return;
        }
    }

  g_ptr_array_add (doc->acknowledgements, acknowledgement_new (code, reason, date, trigger));
}

void
titrate_document_set_acknowledgement (TitrateDocument *doc,
                                      const char      *code,
                                      const char      *reason,
                                      const char      *date)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (code != NULL && *code != '\0');
  g_return_if_fail (reason != NULL && *reason != '\0');
  g_return_if_fail (date == NULL || iso_date_is_valid (date));

  set_acknowledgement (doc, code, NULL, reason, date);
}

void
titrate_document_acknowledge_alert (TitrateDocument    *doc,
                                    const TitrateAlert *alert,
                                    const char         *reason,
                                    const char         *date)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (alert != NULL && alert->code != NULL);
  g_return_if_fail (reason != NULL && *reason != '\0');
  g_return_if_fail (date == NULL || iso_date_is_valid (date));

  set_acknowledgement (doc, alert->code, alert->trigger, reason, date);
}

const TitrateAcknowledgement *
titrate_document_find_acknowledgement (const TitrateDocument *doc,
                                       const TitrateAlert    *alert)
{
  const TitrateAcknowledgement *ack;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (alert != NULL, NULL);

  ack = titrate_document_get_acknowledgement (doc, alert->code);
  if (ack == NULL || (ack->trigger != NULL && g_strcmp0 (ack->trigger, alert->trigger) != 0))
    return NULL;
  return ack;
}

const TitrateAcknowledgement *
titrate_document_get_acknowledgement (const TitrateDocument *doc,
                                      const char            *code)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (doc->acknowledgements == NULL)
    return NULL;

  for (guint i = 0; i < doc->acknowledgements->len; i++)
    {
      const TitrateAcknowledgement *ack = g_ptr_array_index (doc->acknowledgements, i);

      if (g_strcmp0 (ack->code, code) == 0)
        return ack;
    }

  return NULL;
}

char *
titrate_document_dup_title (const TitrateDocument *doc)
{
  JsonNode *node;

  g_return_val_if_fail (doc != NULL, NULL);

  if (doc->unknown_root == NULL || !json_object_has_member (doc->unknown_root, "title"))
    return NULL;
  node = json_object_get_member (doc->unknown_root, "title");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}
