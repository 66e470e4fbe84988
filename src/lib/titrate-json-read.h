/* titrate-json-read.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private: typed readers of JSON members with "path: message" errors,
 * shared by the document and the pump loaders. Not installed. */

#pragma once

#include <json-glib/json-glib.h>

#include "titrate-error.h"
#include "titrate-types.h"

G_BEGIN_DECLS

/* Dose units in key names. A key is split at "_"; a part "mg" marks an oral
 * unit, "mcg" (or "ug") an intrathecal one. */
typedef enum {
  TITRATE_JSON_KEY_UNIT_NONE,
  TITRATE_JSON_KEY_UNIT_MG,
  TITRATE_JSON_KEY_UNIT_MCG,
} TitrateJsonKeyUnit;

G_GNUC_PRINTF (4, 5)
gboolean            _titrate_json_fail             (GError             **error,
                                                    TitrateError         code,
                                                    const char          *path,
                                                    const char          *format,
                                                    ...);
gboolean            _titrate_json_is_null          (JsonNode            *node);
gboolean            _titrate_json_is_string        (JsonNode            *node);
gboolean            _titrate_json_is_boolean       (JsonNode            *node);
gboolean            _titrate_json_get_number       (JsonNode            *node,
                                                    double              *out);
char               *_titrate_json_describe         (JsonNode            *node);
gboolean            _titrate_json_parse_iso_date   (const char          *str,
                                                    GDate               *date,
                                                    gboolean            *well_formed);
gboolean            _titrate_json_read_date        (JsonNode            *node,
                                                    const char          *path,
                                                    GDate               *date,
                                                    char               **text_out,
                                                    GError             **error);
gboolean            _titrate_json_refuse_unknown   (JsonObject          *object,
                                                    const char * const  *known,
                                                    const char          *path,
                                                    GError             **error);
TitrateJsonKeyUnit  _titrate_json_key_unit         (const char          *key);
gboolean            _titrate_json_key_has_mg       (const char          *key);
gboolean            _titrate_json_check_key_unit   (const char          *path,
                                                    const char          *key,
                                                    TitrateRoute         route,
                                                    GError             **error);

G_END_DECLS
