/* titrate-json-write.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private: building JSON for the document and pump writers. The text itself
 * is written by titrate_json_node_to_data() (titrate-document.h). Not
 * installed. */

#pragma once

#include <json-glib/json-glib.h>

#include "titrate-rules.h"

G_BEGIN_DECLS

/* A whole number as an integer (10, not 10.0), anything else as a double. */
JsonNode *_titrate_json_number_node      (double      value);
/* Sets @key unless @value is not finite (unknown values are left out). */
void      _titrate_json_set_number       (JsonObject *object,
                                          const char *key,
                                          double      value);
void      _titrate_json_set_string_array (JsonObject *object,
                                          const char *key,
                                          GPtrArray  *strings);

/* For JsonBuilder output (the CLI contract, titrate_plan_to_json()): @key
 * with null for NaN, an integer for a whole number, otherwise @value rounded
 * to @precision (e.g. 0.001). */
void      _titrate_json_builder_add_number (JsonBuilder *builder,
                                            const char  *key,
                                            double       value,
                                            double       precision);
/* @key with null for a NULL @value. */
void      _titrate_json_builder_add_string (JsonBuilder *builder,
                                            const char  *key,
                                            const char  *value);
/* The "rules" object of the CLI contract: which rules database checked. */
void      _titrate_json_builder_add_rules_info (JsonBuilder  *builder,
                                                TitrateRules *rules);

G_END_DECLS
