/* main.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "titrate-application.h"
#include "titrate-catalogue.h"

/* Opening the built-in rules database runs its integrity checks and
 * self-test: about 3 % of the instructions to the first frame. It runs on a
 * second core while GTK starts; the window's first use of the rules waits
 * for it (the library opens the built-in database once per process, under
 * a GOnce), and a database that fails is opened again there, with the
 * error, for the blocking page. */
static gpointer
preload_rules_thread (gpointer data)
{
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (NULL);

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TitrateApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* TITRATE_LOCALEDIR (set by `meson devenv` and tools/run.sh) points at the
   * build tree's compiled catalogues, so an uninstalled run is translated. */
  localedir = g_getenv ("TITRATE_LOCALEDIR");
  /* A damaged catalogue (a translated format that takes other values than
   * its English) is not used: English throughout, and a warning. */
  {
    g_autoptr(GError) catalogue_error = NULL;

    if (!titrate_catalogue_use_checked (GETTEXT_PACKAGE,
                                        localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR,
                                        &catalogue_error))
      g_printerr ("%s\n", catalogue_error->message);
  }
  textdomain (GETTEXT_PACKAGE);

  /* The locale is set above: GTK must not set it again while the rules
   * thread reads translations and numbers (setlocale is not thread-safe). */
  gtk_disable_setlocale ();
  g_thread_unref (g_thread_new ("titrate-rules", preload_rules_thread, NULL));
  app = titrate_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
