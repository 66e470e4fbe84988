/* main.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "titrate-application.h"

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
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = titrate_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
