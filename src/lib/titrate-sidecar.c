/* titrate-sidecar.c — the autosave sidecar (<id>.json): the autosaved
 * plan's window title and the file it came from
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "titrate-error.h"
#include "titrate-io.h"
#include "titrate-sidecar.h"

static char *
dup_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  /* json-glib turns an unpaired surrogate escape (\ud800) into invalid
   * UTF-8; a window title must be valid text. */
  return g_utf8_validate (text, -1, NULL) ? g_strdup (text) : g_utf8_make_valid (text, -1);
}

gboolean
titrate_sidecar_parse (const char  *data,
                       gsize        length,
                       char       **title,
                       char       **uri,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *format = NULL;
  g_autofree char *found_uri = NULL;
  JsonNode *root;
  JsonObject *object;

  *title = NULL;
  *uri = NULL;

  if (length > TITRATE_SIDECAR_MAX_BYTES)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("the autosave's sidecar is too large"));
      return FALSE;
    }
  if (!g_utf8_validate (data, (gssize) length, NULL))
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("the autosave's sidecar is not valid UTF-8 text"));
      return FALSE;
    }
  /* Before json-glib recurses: a deep sidecar must not crash the start. */
  if (!titrate_io_json_prescan (data, length, TITRATE_SIDECAR_MAX_DEPTH, error))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("the autosave's sidecar is not an object"));
      return FALSE;
    }
  object = json_node_get_object (root);
  format = dup_string_member (object, "format");
  if (g_strcmp0 (format, TITRATE_SIDECAR_FORMAT) != 0)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("the autosave's sidecar has no format \"titrate-autosave\""));
      return FALSE;
    }
  found_uri = dup_string_member (object, "uri");
  if (found_uri != NULL && (*found_uri == '\0' || !g_uri_is_valid (found_uri, G_URI_FLAGS_NONE, NULL)))
    g_clear_pointer (&found_uri, g_free);
  *title = dup_string_member (object, "title");
  *uri = g_steal_pointer (&found_uri);
  return TRUE;
}

gboolean
titrate_sidecar_read_path (const char  *path,
                           char       **title,
                           char       **uri,
                           GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  *title = NULL;
  *uri = NULL;
  if (!titrate_io_read_path (path, TITRATE_SIDECAR_MAX_BYTES, &data, &length, error))
    return FALSE;
  return titrate_sidecar_parse (data, length, title, uri, error);
}
