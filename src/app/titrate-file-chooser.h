/* titrate-file-chooser.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The kinds of file the app reads or writes, each with its filter and
 * extension. */
typedef enum {
  TITRATE_FILE_KIND_ANY,
  TITRATE_FILE_KIND_PLAN,          /* .titrate */
  TITRATE_FILE_KIND_PDF,
  TITRATE_FILE_KIND_ICS,
  TITRATE_FILE_KIND_CSV,
  TITRATE_FILE_KIND_RULES,         /* an SQLite rules database */
} TitrateFileKind;

/* @file is the chosen file, or %NULL when the chooser was cancelled. */
typedef void (*TitrateFileChosenFunc) (GFile    *file,
                                       gpointer  user_data);

const char *titrate_file_kind_extension (TitrateFileKind         kind);
void        titrate_file_chooser_show   (GtkWindow              *parent,
                                         GtkFileChooserAction    action,
                                         TitrateFileKind         kind,
                                         const char             *title,
                                         const char             *accept_label,
                                         const char             *current_name,
                                         GFile                  *current_file,
                                         TitrateFileChosenFunc   func,
                                         gpointer                user_data,
                                         GDestroyNotify          destroy);

G_END_DECLS
