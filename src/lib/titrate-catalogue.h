/* titrate-catalogue.h: refuses a translation catalogue whose formats do not
 * match the English (private to the tree)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean titrate_catalogue_check_file  (const char  *path,
                                        GError     **error);
gboolean titrate_catalogue_use_checked (const char  *domain,
                                        const char  *localedir,
                                        GError     **error);

G_END_DECLS
