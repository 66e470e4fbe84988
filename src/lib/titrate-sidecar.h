/* titrate-sidecar.h — the autosave sidecar (<id>.json): the autosaved
 * plan's window title and the file it came from
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TITRATE_SIDECAR_FORMAT    "titrate-autosave"
#define TITRATE_SIDECAR_MAX_BYTES (64 * 1024)
#define TITRATE_SIDECAR_MAX_DEPTH 8

/* Reads a sidecar's text: {"format": "titrate-autosave", "title": …,
 * "uri": …}. Bounded, pre-scanned (depth, duplicate keys, NULs) before it
 * is parsed. @title and @uri are NULL when absent or not text. FALSE
 * (TITRATE_ERROR_INVALID) when it is not a sidecar. */
gboolean titrate_sidecar_parse     (const char  *data,
                                    gsize        length,
                                    char       **title,
                                    char       **uri,
                                    GError     **error);
/* The same from a file: a regular file of at most TITRATE_SIDECAR_MAX_BYTES. */
gboolean titrate_sidecar_read_path (const char  *path,
                                    char       **title,
                                    char       **uri,
                                    GError     **error);

G_END_DECLS
