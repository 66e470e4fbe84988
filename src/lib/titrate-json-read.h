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
#include "titrate-regimen.h"
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

/* Plausible amounts: software bounds, not clinical limits (those are in the
 * rules database). A strength, concentration or dose outside them is a
 * typing or file error (1e-300 mg, 1e300 mg); inside, every product,
 * quotient and count the planner and the exports compute stays finite and
 * exact enough to print. Units as the key says (mg, mcg, mg/mL, mcg/mL). */
#define TITRATE_JSON_AMOUNT_MIN          TITRATE_AMOUNT_MIN   /* shared with the forms (titrate-regimen.h) */
#define TITRATE_JSON_AMOUNT_MAX          TITRATE_AMOUNT_MAX

/* Largest integer a double holds exactly (2^53). */
#define TITRATE_JSON_MAX_EXACT_INTEGER   9007199254740992.0

JsonNode           *_titrate_json_deep_copy        (JsonNode            *node);
/* (transfer full): an empty object for NULL */
JsonObject         *_titrate_json_object_deep_copy (JsonObject          *object);
gboolean            _titrate_json_key_in           (const char          *key,
                                                    const char * const  *keys);
/* Keeps (copies into @dest) the members of @object not in @known. */
void                _titrate_json_collect_unknown  (JsonObject          *object,
                                                    const char * const  *known,
                                                    JsonObject          *dest);
/* TRUE for a JSON number that is a whole number (1 or 1.0). */
gboolean            _titrate_json_get_integer      (JsonNode            *node,
                                                    gint64              *out);
gboolean            _titrate_json_is_iso_date      (const char          *str);
/* The object member @key; "missing" or "must be an object" errors. */
JsonObject         *_titrate_json_get_object_member (JsonObject         *parent,
                                                    const char          *key,
                                                    const char          *path,
                                                    GError             **error);

/* Typed readers: each takes the member's node (NULL when absent) and its
 * path, and fails with "path: what was expected (got …)". Optional numbers
 * and texts are NAN / NULL when absent or null. */
gboolean            _titrate_json_read_number      (JsonNode            *node,
                                                    const char          *path,
                                                    double               min,
                                                    gboolean             min_inclusive,
                                                    double               max,
                                                    double              *out,
                                                    GError             **error);
/* Within the plausible range the rules database gives for @path. */
gboolean            _titrate_json_read_ranged      (JsonNode            *node,
                                                    const char          *path,
                                                    double              *out,
                                                    GError             **error);
/* > 0 and a plausible amount. */
gboolean            _titrate_json_read_positive    (JsonNode            *node,
                                                    const char          *path,
                                                    double              *out,
                                                    GError             **error);
/* 0, or a plausible amount in @unit; required. */
gboolean            _titrate_json_read_dose        (JsonNode            *node,
                                                    const char          *path,
                                                    const char          *unit,
                                                    double              *out,
                                                    GError             **error);
gboolean            _titrate_json_read_integer     (JsonNode            *node,
                                                    const char          *path,
                                                    gint64               min,
                                                    gint64               max,
                                                    int                 *out,
                                                    GError             **error);
/* FALSE when absent; null is refused. */
gboolean            _titrate_json_read_boolean     (JsonNode            *node,
                                                    const char          *path,
                                                    gboolean            *out,
                                                    GError             **error);
/* Trimmed, not empty. */
gboolean            _titrate_json_read_text        (JsonNode            *node,
                                                    const char          *path,
                                                    char               **out,
                                                    GError             **error);
/* Appends the strings of an array (at most @max), trimmed, leaving out
 * empty ones. */
gboolean            _titrate_json_read_string_array (JsonNode           *node,
                                                    const char          *path,
                                                    guint                max,
                                                    GPtrArray           *dest,
                                                    GError             **error);

G_END_DECLS
