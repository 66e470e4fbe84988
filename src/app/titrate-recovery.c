/* titrate-recovery.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash recovery at startup: the plans a previous Titrate autosaved but
 * never saved (see titrate-autosave.c) are listed in one dialog, each with a
 * tick. Restore opens the ticked ones as unsaved plans, each in its own
 * window, remembering the file each came from; the unticked ones are
 * deleted. Discard deletes them all. Closing the dialog (Escape) decides
 * nothing: they are offered again at the next start.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "titrate-autosave.h"
#include "titrate-recovery.h"
#include "titrate-window.h"

typedef struct {
  TitrateRecoveryNewWindow new_window;
  gpointer            new_window_data;
  GtkWindow          *parent;
  GPtrArray          *entries;    /* (element-type TitrateAutosaveEntry) */
  GPtrArray          *buttons;    /* (element-type GtkCheckButton) */
} Recovery;

/* Helpers */

static void
recovery_free (Recovery *recovery)
{
  g_clear_object (&recovery->parent);
  g_clear_pointer (&recovery->entries, g_ptr_array_unref);
  g_clear_pointer (&recovery->buttons, g_ptr_array_unref);
  g_free (recovery);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe (TitrateAutosaveEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (titrate_autosave_entry_get_modified (entry));
  GFile *file = titrate_autosave_entry_get_file (entry);
  g_autofree char *where = file != NULL ? g_file_get_parse_name (file) : NULL;
  g_autofree char *when = NULL;

  /* Translators: when a plan was last autosaved, a g_date_time_format() format */
  when = g_date_time_format (local, _("%e %B %Y, %H:%M"));

  g_strstrip (when);
  if (where != NULL)
    /* Translators: "Autosaved 4 January 2027, 10:12 · changes to /home/…/plan.titrate" */
    return g_strdup_printf (_("Autosaved %s · changes to %s"), when, where);
  /* Translators: "Autosaved 4 January 2027, 10:12 · never saved" */
  return g_strdup_printf (_("Autosaved %s · never saved"), when);
}

/* Opens @entry in @window, or in a new window when @window is NULL or not
 * an untouched new plan. Returns FALSE when the plan could not be shown;
 * then its files are kept or set aside, never lost. */
static gboolean
restore (Recovery             *recovery,
         TitrateAutosaveEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TitrateWindow *window = NULL;
  gboolean created = FALSE;

  if (TITRATE_IS_WINDOW (recovery->parent) && titrate_window_is_pristine (TITRATE_WINDOW (recovery->parent)))
    window = TITRATE_WINDOW (recovery->parent);
  else
    {
      window = recovery->new_window (recovery->new_window_data);
      created = TRUE;
    }

  if (titrate_window_get_blocked (window))
    {
      /* Nothing can be shown as checked: keep the plans for a later start. */
      show_error (GTK_WINDOW (window), _("Unsaved Plans Not Restored"),
                  _("The rules database is unavailable, so no plan can be opened. "
                    "The unsaved plans were kept and are offered again at the next start."));
      if (created)
        gtk_window_destroy (GTK_WINDOW (window));
      return FALSE;
    }

  bytes = titrate_autosave_entry_load (entry, &error);
  if (bytes == NULL ||
      !titrate_session_restore (titrate_window_get_session (window), bytes,
                                titrate_autosave_entry_get_file (entry),
                                titrate_autosave_entry_get_title (entry), &error))
    {
      g_autofree char *dir = titrate_autosave_get_rejected_dir ();
      g_autofree char *body = NULL;

      titrate_autosave_entry_set_aside (entry);
      /* Translators: %s is the reason, then the folder the copy is kept in */
      body = g_strdup_printf (_("%s\n\nThe autosaved copy was set aside in %s and will not be offered again."),
                              error->message, dir);
      show_error (recovery->parent, _("An Unsaved Plan Could Not Be Restored"), body);
      if (created)
        gtk_window_destroy (GTK_WINDOW (window));
      return FALSE;
    }

  /* Its autosave goes on in the same files until it is saved or discarded. */
  titrate_autosave_adopt (titrate_window_get_autosave (window), entry);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

/* Callbacks */

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Recovery         *recovery)
{
  if (g_strcmp0 (response, "restore") == 0)
    {
      gboolean blocked = FALSE;

      for (guint i = 0; i < recovery->entries->len; i++)
        {
          TitrateAutosaveEntry *entry = g_ptr_array_index (recovery->entries, i);

          if (!gtk_check_button_get_active (g_ptr_array_index (recovery->buttons, i)))
            titrate_autosave_entry_delete (entry);
          else if (!blocked && !restore (recovery, entry))
            blocked = TITRATE_IS_WINDOW (recovery->parent) &&
                      titrate_window_get_blocked (TITRATE_WINDOW (recovery->parent));
        }
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < recovery->entries->len; i++)
        titrate_autosave_entry_delete (g_ptr_array_index (recovery->entries, i));
    }
  /* Otherwise ("later"): the entries' locks go with the dialog, the files stay. */
}

/* Public API */

/**
 * titrate_recovery_offer:
 * @parent: (nullable): the first window; an untouched one takes the first
 *   restored plan
 * @new_window: makes a window for each other restored plan; @user_data
 *   must outlive the dialog (the application)
 *
 * Offers to restore the plans a previous Titrate left unsaved.
 *
 * Returns: %TRUE when there were such plans and the dialog is shown
 */
gboolean
titrate_recovery_offer (GtkWindow                *parent,
                        TitrateRecoveryNewWindow  new_window,
                        gpointer                  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  Recovery *recovery;
  GtkWidget *dialog;
  GtkWidget *list;
  guint n;

  g_return_val_if_fail (new_window != NULL, FALSE);

  entries = titrate_autosave_find_orphans ();
  n = entries->len;
  if (n == 0)
    return FALSE;

  recovery = g_new0 (Recovery, 1);
  recovery->new_window = new_window;
  recovery->new_window_data = user_data;
  recovery->parent = parent != NULL ? g_object_ref (parent) : NULL;
  recovery->entries = g_steal_pointer (&entries);
  recovery->buttons = g_ptr_array_new ();

  dialog = adw_message_dialog_new (parent,
                                   g_dngettext (GETTEXT_PACKAGE, "Restore the Unsaved Plan?",
                                                "Restore the Unsaved Plans?", n),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "Titrate closed before this plan was saved; its changes "
                                                "were kept. Restore it to go on, or discard it.",
                                                "Titrate closed before these plans were saved; their changes "
                                                "were kept. Restore the ticked plans to go on; the others "
                                                "are deleted.", n));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n; i++)
    {
      TitrateAutosaveEntry *entry = g_ptr_array_index (recovery->entries, i);
      const char *title = titrate_autosave_entry_get_title (entry);
      g_autofree char *subtitle = describe (entry);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : _("Untitled plan"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_visible (check, n > 1);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (recovery->buttons, check);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", n > 1 ? _("_Discard All") : _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Escape decides nothing: offered again next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "titrate-recovery", recovery, (GDestroyNotify) recovery_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), recovery);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
