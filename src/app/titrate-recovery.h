/* titrate-recovery.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate-window.h"

G_BEGIN_DECLS

/* Makes a new window for a restored plan. */
typedef TitrateWindow *(*TitrateRecoveryNewWindow) (gpointer user_data);

gboolean titrate_recovery_offer (GtkWindow                *parent,
                                 TitrateRecoveryNewWindow  new_window,
                                 gpointer                  user_data);

G_END_DECLS
