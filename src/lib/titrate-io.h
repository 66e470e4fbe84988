/* titrate-io.h — bounded reading, a structural pre-scan of JSON, and safe
 * replacement of files
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Software limits on what is read (not clinical limits): a regimen document
 * of a few kilobytes is typical; these keep a hostile or broken file from
 * exhausting memory or the stack. */
#define TITRATE_IO_MAX_DOCUMENT_BYTES (4 * 1024 * 1024)  /* 4 MiB */
#define TITRATE_IO_MAX_JSON_DEPTH     64                 /* nested arrays and objects */
#define TITRATE_IO_MAX_JSON_ARRAY     10000              /* elements in any one array */

/* Reads a whole regular file of at most @max_bytes. Refuses a FIFO, a
 * device or a folder without blocking (G_IO_ERROR_NOT_REGULAR_FILE), and a
 * larger file with a message naming the limit (TITRATE_ERROR_INVALID).
 * @contents is NUL-terminated. */
gboolean titrate_io_read_path  (const char  *path,
                                gsize        max_bytes,
                                char       **contents,
                                gsize       *length,
                                GError     **error);
/* The same for an open descriptor (standard input): reads at most
 * @max_bytes, then refuses. Blocks as the descriptor does. */
gboolean titrate_io_read_fd    (int          fd,
                                gsize        max_bytes,
                                char       **contents,
                                gsize       *length,
                                GError     **error);
/* The same for any GFile (native ones go through titrate_io_read_path()). */
gboolean titrate_io_read_file  (GFile       *file,
                                gsize        max_bytes,
                                char       **contents,
                                gsize       *length,
                                GError     **error);

/* A byte-level pre-scan of JSON text, before any parser recurses into it.
 * Refuses (TITRATE_ERROR_INVALID, the message naming the key's path):
 * nesting deeper than @max_depth, an array longer than
 * TITRATE_IO_MAX_JSON_ARRAY, a key given twice in one object, and an
 * escaped NUL (\u0000) in any key or string. Malformed text passes: the
 * parser reports it. */
gboolean titrate_io_json_prescan (const char  *data,
                                  gsize        length,
                                  guint        max_depth,
                                  GError     **error);

/* Replaces the file at @path with @data, atomically: a temporary file
 * ".NAME.saving-XXXXXX" (mode 0600, locked while written) beside the
 * target is written, synced and renamed over it. A symbolic link is
 * followed: its target is replaced. An existing file keeps its permission
 * bits (and, where allowed, its owner); a new one gets @new_mode. A target
 * that is not a regular file (a FIFO, a device, a folder) is refused and
 * left alone. Temporary files of this target left by an interrupted save
 * (their writer gone) are removed first. */
gboolean titrate_io_replace_file (const char  *path,
                                  const void  *data,
                                  gsize        length,
                                  guint        new_mode,
                                  GError     **error);

/* Whether @name is a temporary file of titrate_io_replace_file(). */
gboolean titrate_io_is_temporary_name (const char *name);

/* Writes all of @data to @fd (standard output); FALSE with errno's
 * message on a short write (a full disk, a closed pipe). */
gboolean titrate_io_write_fd   (int          fd,
                                const void  *data,
                                gsize        length,
                                GError     **error);

G_END_DECLS
