/* titrate-window-output.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's ways out for a plan: win.print (Ctrl+P), win.export-pdf,
 * win.export-ics and win.export-csv. Each refuses a plan with a field
 * marked in red (the pages would show the last valid value, not what is on
 * screen), asks what and where, and writes through the export library,
 * which writes atomically: on failure the dialog names the problem and no
 * file is left half-written.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "titrate-window-output.h"

typedef struct {
  TitrateWindow       *window;
  TitrateOutputFormat  format;
  TitratePrintPages    pages;
} Export;

/* Helpers */

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_free (export);
}

static GSettings *
get_settings (TitrateWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  return TITRATE_IS_APPLICATION (app) ? titrate_application_get_settings (TITRATE_APPLICATION (app)) : NULL;
}

static void
show_error (TitrateWindow *window,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The plan on screen is the plan in the model, and it can be used. */
static gboolean
ready (TitrateWindow *window)
{
  TitratePlanView *plan_view;

  if (titrate_window_get_blocked (window))
    return FALSE;
  plan_view = titrate_window_get_plan_view (window);
  /* What is typed on screen is what is printed: apply pending edits. */
  if (plan_view != NULL)
    titrate_plan_view_commit_pending (plan_view);
  if (plan_view != NULL && titrate_plan_view_get_n_invalid (plan_view) > 0)
    {
      show_error (window, _("Correct the Fields Marked in Red First"),
                  _("A field holds a value that is not accepted, so the plan still has the last valid "
                    "value. The pages would not show what is on screen."));
      return FALSE;
    }
  return TRUE;
}

static const char *
extension (TitrateOutputFormat format)
{
  switch (format)
    {
    case TITRATE_OUTPUT_PDF:
      return ".pdf";
    case TITRATE_OUTPUT_ICS:
      return ".ics";
    case TITRATE_OUTPUT_CSV:
    default:
      return ".csv";
    }
}

static const char *
failure_heading (TitrateOutputFormat format)
{
  switch (format)
    {
    case TITRATE_OUTPUT_PDF:
      return _("The PDF Was Not Exported");
    case TITRATE_OUTPUT_ICS:
      return _("The Reminders Were Not Exported");
    case TITRATE_OUTPUT_CSV:
    default:
      return _("The Calendar Was Not Exported");
    }
}

/* Callbacks */

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Export          *export)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  TitrateWindow *window = export->window;
  TitrateSession *session = titrate_window_get_session (window);

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      show_error (window, failure_heading (export->format),
                  _("Choose a folder on this computer: the file could not be written there."));
      goto out;
    }
  if (!g_str_has_suffix (path, extension (export->format)))
    {
      char *with = g_strconcat (path, extension (export->format), NULL);

      g_free (path);
      path = with;
    }

  if (!titrate_output_export (session, get_settings (window), export->format, export->pages, path, &error))
    {
      /* Translators: %s is the reason; the export library leaves no partial file */
      g_autofree char *body = g_strdup_printf (_("%s\n\nNo file was written."), error->message);

      show_error (window, failure_heading (export->format), body);
      goto out;
    }

  name = g_path_get_basename (path);
  if (export->format == TITRATE_OUTPUT_ICS)
    {
      /* The export library's stable UIDs update a re-imported plan's events,
       * but days a revised plan no longer has stay in the phone's calendar:
       * say so every time. */
      g_autofree char *body =
        g_strdup_printf (_("Open “%s” on the phone or in a calendar app to add the reminders.\n\n"
                           "For a changed plan, delete the reminders of the earlier plan first: "
                           "importing the new file does not remove the days the new plan no longer has."),
                         name);

      show_error (window, _("Reminders Exported"), body);
    }
  else
    {
      /* Translators: %s is the file name */
      g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

      titrate_window_add_toast (window, text);
    }

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (TitrateWindow       *window,
             TitrateOutputFormat  format,
             TitratePrintPages    pages)
{
  const char *titles[] = { N_("Export PDF"), N_("Export Reminders"), N_("Export Calendar") };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = titrate_output_suggest_name (titrate_window_get_session (window), format, pages);
  GtkFileChooserNative *chooser;
  Export *export;

  switch (format)
    {
    case TITRATE_OUTPUT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
      break;
    case TITRATE_OUTPUT_ICS:
      gtk_file_filter_set_name (filter, _("Calendar files (iCalendar)"));
      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_pattern (filter, "*.ics");
      break;
    case TITRATE_OUTPUT_CSV:
    default:
      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
      break;
    }

  chooser = gtk_file_chooser_native_new (_(titles[format]), GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Beside the plan's file, when it has one. */
  if (titrate_session_get_file (titrate_window_get_session (window)) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (titrate_session_get_file (titrate_window_get_session (window)));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  export = g_new0 (Export, 1);
  export->window = g_object_ref (window);
  export->format = format;
  export->pages = pages;
  g_object_set_data_full (G_OBJECT (chooser), "titrate-export", export, (GDestroyNotify) export_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_print_pages_chosen_cb (GtkWindow         *parent,
                          TitratePrintPages  pages,
                          gpointer           user_data)
{
  TitrateWindow *window = TITRATE_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (titrate_print_run (GTK_WINDOW (window), titrate_window_get_session (window), get_settings (window), pages,
                         GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (window, _("The Plan Was Not Printed"), error->message);
}

static void
on_pdf_pages_chosen_cb (GtkWindow         *parent,
                        TitratePrintPages  pages,
                        gpointer           user_data)
{
  TitrateWindow *window = TITRATE_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  /* Say now, not after the file chooser, when the pages cannot be made. */
  if (!titrate_print_check_ready (titrate_window_get_session (window), pages, &error))
    {
      show_error (window, failure_heading (TITRATE_OUTPUT_PDF), error->message);
      return;
    }
  choose_file (window, TITRATE_OUTPUT_PDF, pages);
}

/* Actions */

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TitrateWindow *window = TITRATE_WINDOW (user_data);

  if (!ready (window))
    return;
  titrate_print_choose_pages (GTK_WINDOW (window), titrate_window_get_session (window),
                              _("Print"), _("_Print…"),
                              on_print_pages_chosen_cb, g_object_ref (window), g_object_unref);
}

static void
export_pdf_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TitrateWindow *window = TITRATE_WINDOW (user_data);

  if (!ready (window))
    return;
  titrate_print_choose_pages (GTK_WINDOW (window), titrate_window_get_session (window),
                              _("Export PDF"), _("_Export…"),
                              on_pdf_pages_chosen_cb, g_object_ref (window), g_object_unref);
}

static void
export_ics_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TitrateWindow *window = TITRATE_WINDOW (user_data);

  if (ready (window))
    choose_file (window, TITRATE_OUTPUT_ICS, 0);
}

static void
export_csv_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TitrateWindow *window = TITRATE_WINDOW (user_data);

  if (ready (window))
    choose_file (window, TITRATE_OUTPUT_CSV, 0);
}

static const GActionEntry output_entries[] = {
  { "print", print_action },
  { "export-pdf", export_pdf_action },
  { "export-ics", export_ics_action },
  { "export-csv", export_csv_action },
};

/* Public API */

/* Adds win.print, win.export-pdf, win.export-ics and win.export-csv. */
void
titrate_window_output_install (TitrateWindow *window)
{
  g_return_if_fail (TITRATE_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), output_entries, G_N_ELEMENTS (output_entries), window);
}

/**
 * titrate_output_export:
 * @settings: (nullable): paper size, dose times and reminder mode
 * @pages: for %TITRATE_OUTPUT_PDF: which pages
 * @path: the file to write (replaced atomically)
 *
 * Writes the session's plan. On failure nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
titrate_output_export (TitrateSession       *session,
                       GSettings            *settings,
                       TitrateOutputFormat   format,
                       TitratePrintPages     pages,
                       const char           *path,
                       GError              **error)
{
  TitrateRules *rules;
  const TitrateDocument *doc;

  g_return_val_if_fail (TITRATE_IS_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rules = titrate_session_get_rules (session);
  doc = titrate_session_get_document (session);
  if (rules == NULL)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                           _("The rules database is unavailable, so nothing can be exported."));
      return FALSE;
    }

  switch (format)
    {
    case TITRATE_OUTPUT_PDF:
      {
        g_autoptr(GtkPaperSize) paper = titrate_print_get_paper_size (settings);
        g_autoptr(GPtrArray) reports = NULL;

        g_return_val_if_fail (pages != 0, FALSE);
        reports = titrate_print_make_reports (session, settings, pages,
                                              gtk_paper_size_get_width (paper, GTK_UNIT_POINTS),
                                              gtk_paper_size_get_height (paper, GTK_UNIT_POINTS),
                                              error);
        if (reports == NULL)
          return FALSE;
        return titrate_report_export_pdf_many ((TitrateReport * const *) reports->pdata, reports->len, path, error);
      }

    case TITRATE_OUTPUT_ICS:
      {
        TitrateIcsOptions options;

        titrate_ics_options_init (&options);
        if (settings != NULL && g_settings_get_boolean (settings, "reminders-per-day"))
          options.mode = TITRATE_ICS_PER_DAY;
        titrate_print_get_dose_times (settings, &options.times);
        return titrate_ics_export (rules, doc, &options, path, error);
      }

    case TITRATE_OUTPUT_CSV:
      return titrate_csv_export (rules, doc, path, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* (transfer full) a file name for the export, from the plan's title */
char *
titrate_output_suggest_name (TitrateSession      *session,
                             TitrateOutputFormat  format,
                             TitratePrintPages    pages)
{
  g_autofree char *base = NULL;
  const char *title;

  g_return_val_if_fail (TITRATE_IS_SESSION (session), NULL);

  title = titrate_session_get_title (session);
  base = g_strdup (title != NULL && *title != '\0' ? title : _("plan"));
  if (g_str_has_suffix (base, ".titrate"))
    base[strlen (base) - strlen (".titrate")] = '\0';
  g_strdelimit (base, "/\\:", '-');

  switch (format)
    {
    case TITRATE_OUTPUT_PDF:
      if (pages == TITRATE_PRINT_BOTH)
        /* Translators: file name; %s is the plan's title */
        return g_strdup_printf (_("%s (handout and summary).pdf"), base);
      if (pages == TITRATE_PRINT_SUMMARY)
        /* Translators: file name; %s is the plan's title */
        return g_strdup_printf (_("%s (summary).pdf"), base);
      /* Translators: file name; %s is the plan's title */
      return g_strdup_printf (_("%s (handout).pdf"), base);
    case TITRATE_OUTPUT_ICS:
      /* Translators: file name; %s is the plan's title */
      return g_strdup_printf (_("%s (reminders).ics"), base);
    case TITRATE_OUTPUT_CSV:
    default:
      /* Translators: file name; %s is the plan's title */
      return g_strdup_printf (_("%s (calendar).csv"), base);
    }
}
