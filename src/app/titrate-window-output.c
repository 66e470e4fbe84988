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

#include "titrate-file-chooser.h"
#include "titrate-window-output.h"

/* What the actions work on: the window's plan, given when it is built. */
typedef struct {
  GtkWindow       *window;      /* unowned: the data lives on it */
  TitrateSession  *session;
  TitratePlanView *plan_view;   /* unowned, inside the window */
  GSettings       *settings;    /* (nullable) */
  AdwToastOverlay *toasts;      /* unowned, inside the window */
} Output;

typedef struct {
  Output              *output;
  GtkWindow           *window;  /* keeps @output alive */
  TitrateOutputFormat  format;
  TitratePrintPages    pages;
} Export;

/* Helpers */

static void
output_free (Output *output)
{
  g_clear_object (&output->session);
  g_clear_object (&output->settings);
  g_free (output);
}

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_free (export);
}

static void
show_error (Output     *output,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (output->window, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The plan on screen is the plan in the model, and it can be used. */
static gboolean
ready (Output *output)
{
  if (titrate_session_get_rules (output->session) == NULL)
    return FALSE;
  /* What is typed on screen is what is printed: apply pending edits. */
  titrate_plan_view_commit_pending (output->plan_view);
  if (titrate_plan_view_get_n_invalid (output->plan_view) > 0)
    {
      show_error (output, _("Correct the Fields Marked in Red First"),
                  _("A field holds a value that is not accepted, so the plan still has the last valid "
                    "value. The pages would not show what is on screen."));
      return FALSE;
    }
  return TRUE;
}

static TitrateFileKind
file_kind (TitrateOutputFormat format)
{
  switch (format)
    {
    case TITRATE_OUTPUT_PDF:
      return TITRATE_FILE_KIND_PDF;
    case TITRATE_OUTPUT_ICS:
      return TITRATE_FILE_KIND_ICS;
    case TITRATE_OUTPUT_CSV:
    default:
      return TITRATE_FILE_KIND_CSV;
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
on_file_chosen_cb (GFile  *file,
                   Export *export)
{
  Output *output = export->output;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (output, failure_heading (export->format),
                  _("Choose a folder on this computer: the file could not be written there."));
      return;
    }

  if (!titrate_output_export (output->session, output->settings, export->format, export->pages, path, &error))
    {
      /* Translators: %s is the reason; the export library leaves no partial file */
      g_autofree char *body = g_strdup_printf (_("%s\n\nNo file was written."), error->message);

      show_error (output, failure_heading (export->format), body);
      return;
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

      show_error (output, _("Reminders Exported"), body);
    }
  else
    {
      /* Translators: %s is the file name */
      g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

      adw_toast_overlay_add_toast (output->toasts, adw_toast_new (text));
    }
}

static void
choose_file (Output              *output,
             TitrateOutputFormat  format,
             TitratePrintPages    pages)
{
  const char *titles[] = { N_("Export PDF"), N_("Export Reminders"), N_("Export Calendar") };
  g_autofree char *name = titrate_output_suggest_name (output->session, format, pages);
  Export *export;

  export = g_new0 (Export, 1);
  export->output = output;
  export->window = g_object_ref (output->window);
  export->format = format;
  export->pages = pages;
  /* Beside the plan's file, when it has one. */
  titrate_file_chooser_show (output->window, GTK_FILE_CHOOSER_ACTION_SAVE, file_kind (format),
                             _(titles[format]), _("_Export"), name, titrate_session_get_file (output->session),
                             (TitrateFileChosenFunc) on_file_chosen_cb, export, (GDestroyNotify) export_free);
}

static void
on_print_pages_chosen_cb (GtkWindow         *parent,
                          TitratePrintPages  pages,
                          gpointer           user_data)
{
  Output *output = g_object_get_data (G_OBJECT (user_data), "titrate-output");
  g_autoptr(GError) error = NULL;

  if (titrate_print_run (output->window, output->session, output->settings, pages,
                         GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (output, _("The Plan Was Not Printed"), error->message);
}

static void
on_pdf_pages_chosen_cb (GtkWindow         *parent,
                        TitratePrintPages  pages,
                        gpointer           user_data)
{
  Output *output = g_object_get_data (G_OBJECT (user_data), "titrate-output");
  g_autoptr(GError) error = NULL;

  /* Say now, not after the file chooser, when the pages cannot be made. */
  if (!titrate_print_check_ready (output->session, pages, &error))
    {
      show_error (output, failure_heading (TITRATE_OUTPUT_PDF), error->message);
      return;
    }
  choose_file (output, TITRATE_OUTPUT_PDF, pages);
}

/* Actions */

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  Output *output = user_data;

  if (!ready (output))
    return;
  titrate_print_choose_pages (output->window, output->session, _("Print"), _("_Print…"),
                              on_print_pages_chosen_cb, g_object_ref (output->window), g_object_unref);
}

static void
export_pdf_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Output *output = user_data;

  if (!ready (output))
    return;
  titrate_print_choose_pages (output->window, output->session, _("Export PDF"), _("_Export…"),
                              on_pdf_pages_chosen_cb, g_object_ref (output->window), g_object_unref);
}

static void
export_ics_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Output *output = user_data;
  g_autoptr(GError) error = NULL;

  if (!ready (output))
    return;
  /* The calendar writer (libical) is loaded now, on first use, not at
   * start: when it cannot be, say so before a file name is asked for. */
  if (!titrate_ics_writer_available (&error))
    {
      /* Translators: %s is the reason */
      g_autofree char *body = g_strdup_printf (_("%s\n\nNo file was written."), error->message);

      show_error (output, failure_heading (TITRATE_OUTPUT_ICS), body);
      return;
    }
  choose_file (output, TITRATE_OUTPUT_ICS, 0);
}

static void
export_csv_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Output *output = user_data;

  if (ready (output))
    choose_file (output, TITRATE_OUTPUT_CSV, 0);
}

static const GActionEntry output_entries[] = {
  { "print", print_action },
  { "export-pdf", export_pdf_action },
  { "export-ics", export_ics_action },
  { "export-csv", export_csv_action },
};

/* Public API */

/**
 * titrate_window_output_install:
 * @window: the window, which gets the actions
 * @session: its plan; must have a usable rules database
 * @plan_view: the plan's panes in @window
 * @settings: (nullable): the app's settings (prescriber, pump marks)
 * @toasts: where "Exported …" is said
 *
 * Adds win.print, win.export-pdf, win.export-ics and win.export-csv. A
 * window without a checked plan has none of them, so nothing can be
 * printed or exported from it.
 */
void
titrate_window_output_install (GtkWindow       *window,
                               TitrateSession  *session,
                               TitratePlanView *plan_view,
                               GSettings       *settings,
                               AdwToastOverlay *toasts)
{
  Output *output;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (TITRATE_IS_SESSION (session));
  g_return_if_fail (TITRATE_IS_PLAN_VIEW (plan_view));

  output = g_new0 (Output, 1);
  output->window = window;
  output->session = g_object_ref (session);
  output->plan_view = plan_view;
  output->settings = settings != NULL ? g_object_ref (settings) : NULL;
  output->toasts = toasts;
  g_object_set_data_full (G_OBJECT (window), "titrate-output", output, (GDestroyNotify) output_free);
  g_action_map_add_action_entries (G_ACTION_MAP (window), output_entries, G_N_ELEMENTS (output_entries), output);
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
