/* titrate-print.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing the patient handout and the clinician summary. The pages are
 * the export library's TitrateReport, drawn by titrate_report_draw_page()
 * from GtkPrintOperation::draw-page: the same drawing code as the PDF
 * export, laid out for the paper the print dialog settles on.
 *
 * What to print is asked first, in a small dialog of our own, rather than in
 * a custom tab of the print dialog: the print portal (Flatpak) shows no
 * custom tabs, and the same question comes before a PDF export.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "titrate-print.h"

typedef struct {
  TitrateSession    *session;
  GSettings         *settings;
  TitratePrintPages  pages;
  GPtrArray         *reports;    /* (element-type TitrateReport) */
  GError            *error;
  GtkWindow         *parent;
  gboolean           remember;   /* keep the printer and options chosen */
} PrintJob;

typedef struct {
  TitratePrintPagesFunc func;
  gpointer              user_data;
  GDestroyNotify        destroy;
  GtkWindow            *parent;
  GtkCheckButton       *buttons[3];
} Choice;

/* The printer and options chosen last, for the next print in this run. */
static GtkPrintSettings *last_settings;
static TitratePrintPages last_pages = TITRATE_PRINT_HANDOUT;

static const TitratePrintPages choices[3] = {
  TITRATE_PRINT_HANDOUT, TITRATE_PRINT_SUMMARY, TITRATE_PRINT_BOTH
};

/* Helpers */

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->session);
  g_clear_object (&job->settings);
  g_clear_pointer (&job->reports, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_clear_object (&job->parent);
  g_free (job);
}

static void
choice_free (Choice *choice)
{
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_clear_object (&choice->parent);
  g_free (choice);
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "08:00" → 480; -1 unless it is HH:MM on a 24-hour clock */
static int
parse_time (const char *text)
{
  guint64 hours, minutes;
  char *end;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return -1;
  hours = g_ascii_strtoull (text, &end, 10);
  if (*end != ':' || end - text > 2 || !g_ascii_isdigit (end[1]))
    return -1;
  text = end + 1;
  minutes = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || end - text != 2 || hours > 23 || minutes > 59)
    return -1;
  return (int) (hours * 60 + minutes);
}

static GtkWidget *
page_row (const char     *title,
          const char     *subtitle,
          GtkCheckButton *button)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (button));
  return row;
}

/* Callbacks */

static void
on_choice_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Choice           *choice)
{
  TitratePrintPages pages = 0;

  if (g_strcmp0 (response, "accept") != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (gtk_check_button_get_active (choice->buttons[i]))
      pages = choices[i];
  if (pages == 0)
    return;
  last_pages = pages;
  choice->func (choice->parent, pages, choice->user_data);
}

static void
on_begin_print_cb (GtkPrintOperation *op,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  int n_pages = 0;

  g_clear_pointer (&job->reports, g_ptr_array_unref);
  job->reports = titrate_print_make_reports (job->session, job->settings, job->pages,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context),
                                             &job->error);
  if (job->reports == NULL)
    {
      gtk_print_operation_cancel (op);
      return;
    }
  for (guint i = 0; i < job->reports->len; i++)
    n_pages += titrate_report_get_n_pages (g_ptr_array_index (job->reports, i));
  gtk_print_operation_set_n_pages (op, n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation *op,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  for (guint i = 0; job->reports != NULL && i < job->reports->len; i++)
    {
      TitrateReport *report = g_ptr_array_index (job->reports, i);
      int n = titrate_report_get_n_pages (report);

      if (page_nr < n)
        {
          titrate_report_draw_page (report, gtk_print_context_get_cairo_context (context), page_nr);
          return;
        }
      page_nr -= n;
    }
}

static void
on_done_cb (GtkPrintOperation       *op,
            GtkPrintOperationResult  result,
            PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->remember)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (op));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (op, &error);

  if (error == NULL && job->error != NULL)
    error = g_error_copy (job->error);
  if (error != NULL && job->parent != NULL)
    show_error (job->parent, _("The Plan Was Not Printed"), error);
}

/* Public API */

/**
 * titrate_print_get_dose_times:
 * @settings: (nullable): the app's settings
 * @times: (out caller-allocates): the dose times
 *
 * The dose times of the "dose-times" setting, the same for the handout and
 * the reminders; the defaults when the setting is unusable.
 */
void
titrate_print_get_dose_times (GSettings        *settings,
                              TitrateDoseTimes *times)
{
  g_auto(GStrv) strv = NULL;
  int minutes[TITRATE_MAX_DOSES_PER_DAY];
  guint n = 0;

  g_return_if_fail (times != NULL);

  titrate_dose_times_init (times);
  if (settings == NULL)
    return;
  strv = g_settings_get_strv (settings, "dose-times");
  for (; strv[n] != NULL; n++)
    if (n >= G_N_ELEMENTS (minutes) || (minutes[n] = parse_time (strv[n])) < 0)
      {
        g_debug ("dose-times: “%s” is not usable; the default times apply", strv[n]);
        return;
      }
  if (!titrate_dose_times_set (times, minutes, n, NULL))
    g_debug ("dose-times: not in order; the default times apply");
}

/**
 * titrate_print_get_paper_size:
 * @settings: (nullable): the app's settings
 *
 * Returns: (transfer full): the paper of the "paper-size" setting: A4, US
 *   Letter, or for "auto" the locale's (GTK reads LC_PAPER)
 */
GtkPaperSize *
titrate_print_get_paper_size (GSettings *settings)
{
  switch (settings != NULL ? g_settings_get_enum (settings, "paper-size") : 0)
    {
    case 1:
      return gtk_paper_size_new (GTK_PAPER_NAME_A4);
    case 2:
      return gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
    default:
      return gtk_paper_size_new (NULL);
    }
}

/**
 * titrate_print_check_ready:
 *
 * Refuses everything without a rules database, and the clinician summary
 * unless the plan was checked: a summary never presents an unchecked plan
 * as checked.
 *
 * Returns: %TRUE if @pages can be made
 */
gboolean
titrate_print_check_ready (TitrateSession     *session,
                           TitratePrintPages   pages,
                           GError            **error)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (session), FALSE);

  if (titrate_session_get_rules (session) == NULL)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                           _("The rules database is unavailable, so nothing can be printed as checked."));
      return FALSE;
    }
  if ((pages & TITRATE_PRINT_SUMMARY) && !titrate_session_get_checked (session))
    {
      const GError *check = titrate_session_get_check_error (session);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                   /* Translators: %s is why checking failed */
                   _("The plan could not be checked (%s), so the clinician summary cannot be made."),
                   check != NULL ? check->message : _("no result"));
      return FALSE;
    }
  return TRUE;
}

/**
 * titrate_print_make_reports:
 * @width: paper width in points
 * @height: paper height in points
 *
 * Returns: (transfer container) (element-type TitrateReport) (nullable):
 *   the handout and/or the summary of the session's plan, laid out for the
 *   paper; %NULL with @error set
 */
GPtrArray *
titrate_print_make_reports (TitrateSession     *session,
                            GSettings          *settings,
                            TitratePrintPages   pages,
                            double              width,
                            double              height,
                            GError            **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  const TitrateDocument *doc;
  TitrateRules *rules;

  g_return_val_if_fail (TITRATE_IS_SESSION (session), NULL);
  g_return_val_if_fail (pages != 0, NULL);

  if (!titrate_print_check_ready (session, pages, error))
    return NULL;
  rules = titrate_session_get_rules (session);
  doc = titrate_session_get_document (session);

  if (pages & TITRATE_PRINT_HANDOUT)
    {
      TitrateReport *report = titrate_report_new (rules, doc, TITRATE_REPORT_HANDOUT, width, height, error);
      TitrateDoseTimes times;

      if (report == NULL)
        return NULL;
      titrate_print_get_dose_times (settings, &times);
      titrate_report_set_dose_times (report, &times);
      g_ptr_array_add (reports, report);
    }
  if (pages & TITRATE_PRINT_SUMMARY)
    {
      TitrateReport *report = titrate_report_new (rules, doc, TITRATE_REPORT_SUMMARY, width, height, error);

      if (report == NULL)
        return NULL;
      g_ptr_array_add (reports, report);
    }
  return g_steal_pointer (&reports);
}

/**
 * titrate_print_choose_pages:
 * @heading: e.g. "Print"
 * @accept_label: the button that goes on, e.g. "_Print…"
 * @func: called with the choice, unless the person cancels
 *
 * Asks which pages: the patient handout, the clinician summary or both.
 * The summary is offered only for a checked plan; serious alerts still
 * without an acknowledgement are pointed out.
 */
void
titrate_print_choose_pages (GtkWindow             *parent,
                            TitrateSession        *session,
                            const char            *heading,
                            const char            *accept_label,
                            TitratePrintPagesFunc  func,
                            gpointer               user_data,
                            GDestroyNotify         destroy)
{
  const char *titles[3] = {
    _("Patient _handout"), _("Clinician _summary"), _("_Both"),
  };
  const char *subtitles[3] = {
    _("The calendar with each dose and its tablets, the warning signs and advice, in large type"),
    _("Patient values, the regimen, every alert with its source and acknowledgement, the rules version"),
    _("The handout, then the summary"),
  };
  gboolean checked = titrate_session_get_checked (session);
  guint unacknowledged = titrate_session_count_unacknowledged (session);
  Choice *choice;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;

  g_return_if_fail (TITRATE_IS_SESSION (session));
  g_return_if_fail (func != NULL);

  choice = g_new0 (Choice, 1);
  choice->func = func;
  choice->user_data = user_data;
  choice->destroy = destroy;
  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;

  dialog = adw_message_dialog_new (parent, heading, _("Which pages?"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *row;

      choice->buttons[i] = GTK_CHECK_BUTTON (button);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), choice->buttons[0]);
      row = page_row (titles[i], subtitles[i], GTK_CHECK_BUTTON (button));
      if ((choices[i] & TITRATE_PRINT_SUMMARY) && !checked)
        {
          gtk_widget_set_sensitive (row, FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not available: the plan could not be checked"));
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i] == last_pages)
      gtk_check_button_set_active (choice->buttons[i],
                                   checked || !(choices[i] & TITRATE_PRINT_SUMMARY));
  if (!gtk_check_button_get_active (choice->buttons[1]) && !gtk_check_button_get_active (choice->buttons[2]))
    gtk_check_button_set_active (choice->buttons[0], TRUE);
  gtk_box_append (GTK_BOX (box), list);

  if (unacknowledged > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u contraindicated or major alert has no acknowledgement yet. "
                                      "Review it before the patient gets the handout.",
                                      "%u contraindicated or major alerts have no acknowledgement yet. "
                                      "Review them before the patient gets the handout.",
                                      unacknowledged),
                         unacknowledged);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "titrate-choice", choice, (GDestroyNotify) choice_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choice_response_cb), choice);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * titrate_print_run:
 * @parent: (nullable): the window printing
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to ask (the call
 *   returns at once and a failure is shown over @parent), or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_filename to write a
 *   PDF through the print system (tests), which runs to the end
 * @export_filename: (nullable): for %GTK_PRINT_OPERATION_ACTION_EXPORT
 *
 * Prints the handout and/or the summary. The page setup starts from the
 * "paper-size" setting; the pages are laid out for the paper finally chosen.
 *
 * Returns: the print operation's result; %GTK_PRINT_OPERATION_RESULT_ERROR
 *   with @error set when nothing could be printed
 */
GtkPrintOperationResult
titrate_print_run (GtkWindow                *parent,
                   TitrateSession           *session,
                   GSettings                *settings,
                   TitratePrintPages         pages,
                   GtkPrintOperationAction   action,
                   const char               *export_filename,
                   GError                  **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GPtrArray) trial = NULL;
  g_autoptr(GError) run_error = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (TITRATE_IS_SESSION (session), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  /* Say what is wrong before the print dialog, not after it. */
  paper = titrate_print_get_paper_size (settings);
  trial = titrate_print_make_reports (session, settings, pages,
                                      gtk_paper_size_get_width (paper, GTK_UNIT_POINTS),
                                      gtk_paper_size_get_height (paper, GTK_UNIT_POINTS),
                                      error);
  if (trial == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  job = g_new0 (PrintJob, 1);
  job->session = g_object_ref (session);
  job->settings = settings != NULL ? g_object_ref (settings) : NULL;
  job->pages = pages;
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->remember = action != GTK_PRINT_OPERATION_ACTION_EXPORT;

  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  op = gtk_print_operation_new ();
  /* Points, origin at the paper's corner: what titrate_report_draw_page()
   * expects; the report keeps its own margins. */
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_default_page_setup (op, setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (op, last_settings);
  /* Translators: print job name; %s is the plan's title */
  job_name = g_strdup_printf (_("Medication plan — %s"), titrate_session_get_title (session));
  gtk_print_operation_set_job_name (op, job_name);
  if (action == GTK_PRINT_OPERATION_ACTION_EXPORT)
    gtk_print_operation_set_export_filename (op, export_filename);
  else
    gtk_print_operation_set_allow_async (op, TRUE);

  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (op, "done", G_CALLBACK (on_done_cb), job);
  g_object_set_data_full (G_OBJECT (op), "titrate-print-job", job, (GDestroyNotify) print_job_free);

  if (action != GTK_PRINT_OPERATION_ACTION_EXPORT)
    {
      /* "done" reports; the operation lives until then. */
      g_signal_connect (op, "done", G_CALLBACK (g_object_unref), NULL);
      g_object_ref (op);
      result = gtk_print_operation_run (op, action, parent, &run_error);
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&run_error));
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The print system failed"));
        }
      return result;
    }

  /* Export: synchronous, so failures come back here rather than as a dialog. */
  g_clear_object (&job->parent);
  result = gtk_print_operation_run (op, action, parent, &run_error);
  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (run_error != NULL)
        g_propagate_error (error, g_steal_pointer (&run_error));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The print system failed"));
    }
  return result;
}
