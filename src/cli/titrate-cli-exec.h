/* titrate-cli-exec.h — hands `titrate-cli export` to the export helper
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces the process with titrate-cli-export (the same command line, the
 * export library linked in): found next to the running titrate-cli (the
 * build tree) or in the installed libexecdir. Returns only when it could not
 * be run, with a message printed and exit status 4 (nothing was written). */
int titrate_cli_exec_export (char **argv);

G_END_DECLS
