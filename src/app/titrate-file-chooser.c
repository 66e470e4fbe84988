/* titrate-file-chooser.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way the app asks for a file: a modal native chooser with the
 * filter for the kind of file, which keeps its parent alive until it
 * answers and, when saving, adds the kind's extension when the name has
 * none (so the desktop opens the file with the right application).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "titrate-file-chooser.h"

typedef struct {
  GtkWindow             *parent;
  GtkFileChooserAction   action;
  TitrateFileKind        kind;
  TitrateFileChosenFunc  func;
  gpointer               user_data;
  GDestroyNotify         destroy;
} Request;

static void
request_free (Request *request)
{
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_clear_object (&request->parent);
  g_free (request);
}

const char *
titrate_file_kind_extension (TitrateFileKind kind)
{
  switch (kind)
    {
    case TITRATE_FILE_KIND_PLAN:
      return ".titrate";
    case TITRATE_FILE_KIND_PDF:
      return ".pdf";
    case TITRATE_FILE_KIND_ICS:
      return ".ics";
    case TITRATE_FILE_KIND_CSV:
      return ".csv";
    case TITRATE_FILE_KIND_RULES:
    case TITRATE_FILE_KIND_ANY:
    default:
      return NULL;
    }
}

static GtkFileFilter *
filter_new (TitrateFileKind kind)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  switch (kind)
    {
    case TITRATE_FILE_KIND_PLAN:
      gtk_file_filter_set_name (filter, _("Titrate plans"));
      gtk_file_filter_add_pattern (filter, "*.titrate");
      break;
    case TITRATE_FILE_KIND_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
      break;
    case TITRATE_FILE_KIND_ICS:
      gtk_file_filter_set_name (filter, _("Calendar files (iCalendar)"));
      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_pattern (filter, "*.ics");
      break;
    case TITRATE_FILE_KIND_CSV:
      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
      break;
    case TITRATE_FILE_KIND_RULES:
      gtk_file_filter_set_name (filter, _("Rules databases (SQLite)"));
      gtk_file_filter_add_pattern (filter, "*.sqlite");
      gtk_file_filter_add_pattern (filter, "*.db");
      gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
      break;
    case TITRATE_FILE_KIND_ANY:
    default:
      g_clear_object (&filter);
      break;
    }
  return filter;
}

static void
on_response_cb (GtkNativeDialog *chooser,
                int              response,
                Request         *request)
{
  g_autoptr(GFile) file = NULL;
  const char *extension = titrate_file_kind_extension (request->kind);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && request->action == GTK_FILE_CHOOSER_ACTION_SAVE && extension != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && !g_str_has_suffix (path, extension))
        {
          g_autofree char *with_extension = g_strconcat (path, extension, NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (with_extension);
        }
    }
  request->func (file, request->user_data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * titrate_file_chooser_show:
 * @current_name: (nullable): the name proposed when saving
 * @current_file: (nullable): the file to select; else its folder is used
 *   when @current_name is given
 *
 * Asks for a file of @kind; calls @func once, with the file or %NULL.
 */
void
titrate_file_chooser_show (GtkWindow             *parent,
                           GtkFileChooserAction   action,
                           TitrateFileKind        kind,
                           const char            *title,
                           const char            *accept_label,
                           const char            *current_name,
                           GFile                 *current_file,
                           TitrateFileChosenFunc  func,
                           gpointer               user_data,
                           GDestroyNotify         destroy)
{
  g_autoptr(GtkFileFilter) filter = filter_new (kind);
  GtkFileChooserNative *chooser;
  Request *request;

  g_return_if_fail (func != NULL);

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (current_file != NULL && current_name == NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current_file, NULL);
  else if (current_name != NULL)
    {
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
      /* Beside the given file, when there is one. */
      if (current_file != NULL)
        {
          g_autoptr(GFile) folder = g_file_get_parent (current_file);

          if (folder != NULL)
            gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }

  request = g_new0 (Request, 1);
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->action = action;
  request->kind = kind;
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  g_object_set_data_full (G_OBJECT (chooser), "titrate-file-request", request, (GDestroyNotify) request_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
