/* titrate-wrap-bin.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TITRATE_TYPE_WRAP_BIN (titrate_wrap_bin_get_type ())

G_DECLARE_FINAL_TYPE (TitrateWrapBin, titrate_wrap_bin, TITRATE, WRAP_BIN, AdwBin)

GtkWidget *titrate_wrap_bin_new          (GtkWidget *child);
void       titrate_wrap_bin_adopt_labels (GtkWidget *root);
void       titrate_wrap_bin_install_column_measure (void);

G_END_DECLS
