/* titrate-ics-loader.c — the iCalendar writer, loaded on first use
 *
 * For the desktop app: libical (and with it ICU and libstdc++) is not
 * linked, so it costs neither memory nor loading time at start. The first
 * calendar export loads titrate-ics.so, which stays loaded. It is looked
 * for in $TITRATE_MODULEDIR when set (the tests and `meson devenv` point it
 * at the build tree), else beside the build tree's programs
 * (src/app/../export), else in the installed module directory.
 *
 * A module that cannot be loaded, lacks the writer or was built for another
 * version is an error naming the file and the reason; nothing is written.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "titrate-ics-writer.h"

typedef guint (*AbiFunc) (void);

G_LOCK_DEFINE_STATIC (writer);
static TitrateIcsWriteFunc writer;

/* Helpers */

/* (transfer full) where the module should be. */
static char *
module_path (void)
{
  const char *env = g_getenv ("TITRATE_MODULEDIR");
  g_autofree char *self = NULL;

  if (env != NULL && *env != '\0')
    return g_build_filename (env, TITRATE_ICS_MODULE_NAME, NULL);

  /* Uninstalled: src/app/titrate and src/cli/titrate-cli-export sit beside
   * src/export, where the module is built. */
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *candidate = g_build_filename (dir, "..", "export", TITRATE_ICS_MODULE_NAME, NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&candidate);
    }
  return g_build_filename (TITRATE_ICS_MODULEDIR, TITRATE_ICS_MODULE_NAME, NULL);
}

static TitrateIcsWriteFunc
load (GError **error)
{
  g_autofree char *path = module_path ();
  GModule *module;
  gpointer abi = NULL;
  gpointer write_text = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name; the calendar writer is part of Titrate */
                   _("The calendar writer of Titrate was not found (%s). Reinstall Titrate to export reminders."),
                   path);
      return NULL;
    }
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("The calendar writer of Titrate (%s) could not be loaded: %s"),
                   path, g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, TITRATE_ICS_MODULE_ABI_SYM, &abi) || abi == NULL ||
      !g_module_symbol (module, TITRATE_ICS_MODULE_SYM, &write_text) || write_text == NULL ||
      ((AbiFunc) abi) () != TITRATE_ICS_WRITER_ABI)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("The calendar writer of Titrate (%s) belongs to another version of Titrate. "
                     "Reinstall Titrate to export reminders."),
                   path);
      g_module_close (module);
      return NULL;
    }
  /* libical keeps global state: never unloaded. */
  g_module_make_resident (module);
  g_debug ("iCalendar writer loaded from %s", path);
  return (TitrateIcsWriteFunc) write_text;
}

/* Private API */

TitrateIcsWriteFunc
_titrate_ics_writer_get (GError **error)
{
  TitrateIcsWriteFunc found;

  G_LOCK (writer);
  /* A failure is not remembered: the next export tries again. */
  if (writer == NULL)
    writer = load (error);
  found = writer;
  G_UNLOCK (writer);
  return found;
}
