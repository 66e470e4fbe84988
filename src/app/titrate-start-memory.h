/* titrate-start-memory.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  titrate_start_memory_watch        (GtkWindow *window);
guint _titrate_start_memory_get_n_trims (void);

G_END_DECLS
