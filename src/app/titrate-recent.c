/* titrate-recent.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recent plans: every plan opened or saved goes into the desktop's recent
 * list (GtkRecentManager, ~/.local/share/recently-used.xbel), and the main
 * menu's "Open Recent" lists the ones that still exist.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "titrate-recent.h"

#define MIME_TYPE "application/x-titrate"

/* Helpers */

static gboolean
is_plan (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return (g_strcmp0 (gtk_recent_info_get_mime_type (info), MIME_TYPE) == 0 ||
          (uri != NULL && g_str_has_suffix (uri, ".titrate"))) &&
         gtk_recent_info_exists (info);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static void
fill (GMenu *section)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (is_plan (l->data))
        g_ptr_array_add (plans, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (plans, compare_newest_first);

  g_menu_remove_all (section);
  for (guint i = 0; i < plans->len && i < TITRATE_RECENT_MAX_ITEMS; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (plans, i);
      g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);
      /* An underscore in a file name is not a mnemonic. */
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (section, item);
    }
  if (plans->len == 0)
    g_menu_append (section, _("No Recent Plans"), "win.no-recent-plans");
}

/* Callbacks */

static void
on_manager_changed_cb (GtkRecentManager *manager,
                       GMenu            *section)
{
  fill (section);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (user_data));

  if (application == NULL)
    return;
  /* As the desktop opens a plan: into an untouched window, else a new one;
   * work in progress is never replaced. */
  g_application_open (G_APPLICATION (application), &file, 1, "");
}

/* Public API */

/* Adds @file, a plan just opened or saved, to the desktop's recent list. */
void
titrate_recent_add (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *exec = NULL;
  GtkRecentData data = { 0 };

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  exec = g_strconcat (g_get_prgname () != NULL ? g_get_prgname () : "titrate", " %u", NULL);
  data.mime_type = (char *) MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = exec;
  if (!gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data))
    g_debug ("Recent: %s was not added", uri);
}

/* Fills @section with the recent plans, and keeps it up to date. */
void
titrate_recent_bind_menu (GMenu *section)
{
  g_return_if_fail (G_IS_MENU (section));

  fill (section);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_manager_changed_cb), section, 0);
}

/* Adds win.open-recent (the URI) and the always disabled
 * win.no-recent-plans, for the menu's placeholder. */
void
titrate_recent_install_action (GtkWindow *window)
{
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open-recent", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) none = g_simple_action_new ("no-recent-plans", NULL);

  g_return_if_fail (GTK_IS_WINDOW (window) && G_IS_ACTION_MAP (window));

  g_signal_connect_object (open, "activate", G_CALLBACK (open_recent_action), window, 0);
  g_simple_action_set_enabled (none, FALSE);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (open));
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (none));
}
