/* titrate-cli-exec.c — hands `titrate-cli export` to the export helper
 *
 * `check`, `rules`, `drugs` and the other commands need only libtitrate;
 * the PDF, iCalendar and CSV writers pull in cairo, Pango and libical, whose
 * loading and relocation were a third of a `check`'s time. So titrate-cli
 * links without them, and `export` runs titrate-cli-export: the same program
 * built with the export library, given the very same command line (its
 * messages, exit statuses and output are those of `titrate-cli export`).
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "titrate-cli-exec.h"
#include "titrate-cli-options.h"

#define HELPER_NAME "titrate-cli-export"

/* The helper next to this executable (the build tree), or where the
 * install put it relative to this executable (a DESTDIR or relocated
 * install), else in the configured LIBEXECDIR. (transfer full) */
static char *
find_helper (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      const char *relative[] = { ".", TITRATE_BINDIR_TO_LIBEXECDIR };

      for (guint i = 0; i < G_N_ELEMENTS (relative); i++)
        {
          g_autofree char *candidate = g_build_filename (dir, relative[i], HELPER_NAME, NULL);

          if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
            return g_steal_pointer (&candidate);
        }
    }
  return g_build_filename (TITRATE_LIBEXECDIR, HELPER_NAME, NULL);
}

int
titrate_cli_exec_export (char **argv)
{
  g_autofree char *helper = find_helper ();
  int saved;

  execv (helper, argv);
  saved = errno;
  g_printerr (_("titrate-cli: the export helper %s could not be run: %s\nNothing was written.\n"),
              helper, g_strerror (saved));
  return TITRATE_CLI_EXIT_IO;
}
