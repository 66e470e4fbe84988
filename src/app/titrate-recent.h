/* titrate-recent.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TITRATE_RECENT_MAX_ITEMS 10

void titrate_recent_add            (GFile          *file);
void titrate_recent_bind_menu      (GMenu          *section);
void titrate_recent_install_action (GtkWindow      *window);

G_END_DECLS
