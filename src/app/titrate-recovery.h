/* titrate-recovery.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate-application.h"

G_BEGIN_DECLS

gboolean titrate_recovery_offer (TitrateApplication *application,
                                 GtkWindow          *parent);

G_END_DECLS
