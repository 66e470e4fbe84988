/* test-print.c — printing, exports and recent plans from the desktop app
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints through the real GtkPrintOperation (export action: a PDF written
 * by the print system, from the same titrate_report_draw_page() as the PDF
 * export) and reads its text back with pdftotext; drives the menu actions
 * through their dialogs (which pages, the file chooser, the print dialog);
 * checks the refusals (fields in red, no rules database), the calendar
 * writer the app loads on first use (and its absence), and the recent
 * list.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "titrate-application.h"
#include "titrate-number-row.h"
#include "titrate-patient-form.h"
#include "titrate-print.h"
#include "titrate-recent.h"
#include "titrate-state-dir.h"
#include "titrate-window.h"
#include "titrate-window-output.h"

static TitrateApplication *app;

/* Helpers */

static void
pump (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

#define PLAN(win, name)    child (titrate_window_get_plan_view (win), TITRATE_TYPE_PLAN_VIEW, (name))
#define PATIENT(win, name) child (PLAN ((win), "patient_form"), TITRATE_TYPE_PATIENT_FORM, (name))

static TitrateWindow *
new_window (void)
{
  TitrateWindow *win = titrate_application_new_window (app);

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  return win;
}

static TitrateWindow *
example_window (void)
{
  TitrateWindow *win = new_window ();
  g_autoptr(GError) error = NULL;

  g_assert_true (titrate_window_open_example (win, "older-adult-ckd", &error));
  g_assert_no_error (error);
  pump ();
  return win;
}

static void
close_window (TitrateWindow *win)
{
  g_object_ref (win);
  gtk_window_destroy (GTK_WINDOW (win));
  pump ();
  g_assert_finalize_object (win);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *window;

  while ((window = find_toplevel (type)) == NULL && g_get_monotonic_time () < end)
    {
      pump ();
      g_usleep (10000);
    }
  return window;
}

static GSettings *
settings (void)
{
  GSettings *s = titrate_application_get_settings (app);

  g_assert_nonnull (s);
  return s;
}

static char *
run_pdftotext (const char *pdf,
               const char *mode)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, mode, pdf, "-", NULL };
  int status;

  if (program == NULL)
    return NULL;
  argv[0] = program;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The PDF's text, whitespace collapsed; NULL (test skipped) without pdftotext. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *text = run_pdftotext (pdf, "-layout");
  GString *s;
  gboolean space = FALSE;

  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  s = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

/* The first page's width and height in points, from pdftotext -bbox. */
static void
pdf_page_size (const char *pdf,
               double     *width,
               double     *height)
{
  g_autofree char *html = run_pdftotext (pdf, "-bbox");
  const char *w, *h;

  g_assert_nonnull (html);
  w = strstr (html, "<page width=\"");
  g_assert_nonnull (w);
  *width = g_ascii_strtod (w + strlen ("<page width=\""), NULL);
  h = strstr (w, "height=\"");
  g_assert_nonnull (h);
  *height = g_ascii_strtod (h + strlen ("height=\""), NULL);
}

#define assert_contains(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("%s:%d: “%s” not found in the PDF text", __FILE__, __LINE__, (needle)); \
  } G_STMT_END

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The file's text without its DTSTAMP lines (the time of writing). */
static char *
without_dtstamp (const char *ics)
{
  g_auto(GStrv) lines = g_strsplit (ics, "\r\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @ics (written by the app) is what `titrate-cli export --ics` writes for
 * @dir/@plan, DTSTAMP aside. */
static void
assert_same_as_cli_ics (const char *ics,
                        const char *dir,
                        const char *plan)
{
  const char *cli = g_getenv ("TITRATE_CLI");
  g_autofree char *plan_path = g_build_filename (dir, plan, NULL);
  g_autofree char *out = g_build_filename (dir, "cli.ics", NULL);
  g_autofree char *cli_text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "export", "--ics", out, plan_path, NULL };
  int wait_status = 0;

  if (cli == NULL)
    {
      g_test_message ("TITRATE_CLI unset: the app's .ics is not compared with titrate-cli's");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &cli_text, NULL, NULL));
  a = without_dtstamp (ics);
  b = without_dtstamp (cli_text);
  g_assert_cmpuint (count (a, "BEGIN:VEVENT"), >, 0);
  g_assert_cmpuint (count (a, "DTSTAMP"), ==, 0);
  g_assert_cmpstr (a, ==, b);
  g_unlink (out);
}

/* Chooses @dir/@name in the (fallback) file chooser and accepts. */
static void
accept_file_chooser (const char *dir,
                     const char *name)
{
  GtkWindow *chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  gint64 end;

  g_assert_nonnull (chooser);
  /* It opens beside the plan's file; only the name is typed. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) parent = chosen != NULL ? g_file_get_parent (chosen) : NULL;

      if (parent != NULL && g_file_equal (parent, folder))
        break;
      /* Never accept a file anywhere else (the working directory). */
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      pump ();
      g_usleep (10000);
    }
  /* As the person does: the Export button. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT));
  G_GNUC_END_IGNORE_DEPRECATIONS
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL && g_get_monotonic_time () < end)
    {
      pump ();
      g_usleep (10000);
    }
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  pump ();
}

/* The "which pages" dialog: ticks row @index (0 handout, 1 summary,
 * 2 both) and accepts. */
static void
choose_pages (guint index)
{
  GtkWindow *dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *box, *list;
  GtkListBoxRow *row;

  g_assert_nonnull (dialog);
  box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  list = gtk_widget_get_first_child (box);
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) index);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  gtk_window_destroy (dialog);
  pump ();
}

/* Tests */

static void
test_print_handout (void)
{
  TitrateWindow *win = example_window ();
  g_autofree char *dir = g_dir_make_tmp ("titrate-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  g_autofree char *text = NULL;
  double width = 0, height = 0;

  g_assert_cmpint (titrate_print_run (GTK_WINDOW (win), titrate_window_get_session (win), settings (),
                                      TITRATE_PRINT_HANDOUT, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  if ((text = pdf_text (path)) != NULL)
    {
      /* The handout of the example: its dates, doses, tablets, warnings. */
      assert_contains (text, "Your baclofen plan");
      assert_contains (text, "January 2027");
      assert_contains (text, "Monday 4 to Saturday 9 January");
      assert_contains (text, "Start: Monday 4 January 2027");
      assert_contains (text, "31 January");
      assert_contains (text, "Morning");
      assert_contains (text, "08:00");
      assert_contains (text, "14:00");
      assert_contains (text, "20:00");
      assert_contains (text, "5 mg");
      assert_contains (text, "½ tablet");
      assert_contains (text, "20 mg");
      assert_contains (text, "2 tablets");
      assert_contains (text, "New dose from today");
      assert_contains (text, "Do not stop baclofen suddenly");
      assert_contains (text, "Prescriber:");
      g_assert_null (strstr (text, "Cockcroft"));   /* no summary pages */

      /* "auto": the locale's paper, as GTK reads it. */
      pdf_page_size (path, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, gtk_paper_size_get_width (paper, GTK_UNIT_POINTS), 1.0);
      g_assert_cmpfloat_with_epsilon (height, gtk_paper_size_get_height (paper, GTK_UNIT_POINTS), 1.0);
    }

  close_window (win);
  test_remove_tree (dir);
}

static void
test_print_settings (void)
{
  TitrateWindow *win = example_window ();
  g_autofree char *dir = g_dir_make_tmp ("titrate-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "both.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *times[] = { "07:00", "13:00", "19:30", NULL };
  double width = 0, height = 0;

  /* The settings the Preferences window edits. */
  g_settings_set_enum (settings (), "paper-size", 2);   /* letter */
  g_settings_set_strv (settings (), "dose-times", times);

  g_assert_cmpint (titrate_print_run (GTK_WINDOW (win), titrate_window_get_session (win), settings (),
                                      TITRATE_PRINT_BOTH, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  if ((text = pdf_text (path)) != NULL)
    {
      pdf_page_size (path, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 612, 1.0);
      g_assert_cmpfloat_with_epsilon (height, 792, 1.0);
      /* The handout at the chosen times … */
      assert_contains (text, "Your baclofen plan");
      assert_contains (text, "07:00");
      assert_contains (text, "19:30");
      g_assert_null (strstr (text, "14:00"));
      /* … then the clinician summary. */
      assert_contains (text, "30.9 mL/min (Cockcroft–Gault, actual weight)");
      g_assert_cmpuint (count (text, "Your baclofen plan"), >=, 1);
    }

  g_settings_reset (settings (), "paper-size");
  g_settings_reset (settings (), "dose-times");
  close_window (win);
  test_remove_tree (dir);
}

/* Ctrl+P, which pages, then GTK's print dialog (cancelled here). */
static void
test_print_dialogs (void)
{
  TitrateWindow *win = example_window ();
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  GType print_dialog_type;
  GtkWindow *print_dialog;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>p");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "print"));

  g_action_group_activate_action (G_ACTION_GROUP (win), "print", NULL);
  pump ();
  choose_pages (2);

  print_dialog_type = g_type_from_name ("GtkPrintUnixDialog");
  g_assert_true (print_dialog_type != 0);
  print_dialog = wait_for_toplevel (print_dialog_type);
  g_assert_nonnull (print_dialog);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  pump ();
  /* Cancelled: nothing printed, and no error shown. */
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  close_window (win);
}

/* A field in red: the pages would not show what is on screen. */
static void
test_refuse_invalid (void)
{
  TitrateWindow *win = example_window ();
  GtkWindow *dialog;

  gtk_editable_set_text (titrate_number_row_get_entry (PATIENT (win, "age_row")), "abc");
  g_signal_emit_by_name (titrate_number_row_get_entry (PATIENT (win, "age_row")), "activate");
  pump ();
  g_assert_cmpuint (titrate_plan_view_get_n_invalid (titrate_window_get_plan_view (win)), >, 0);

  g_action_group_activate_action (G_ACTION_GROUP (win), "print", NULL);
  pump ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Correct the Fields Marked in Red First");
  g_assert_null (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (win), "export-csv", NULL);
  pump ();
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  /* Discard the invalid text before closing. */
  gtk_editable_set_text (titrate_number_row_get_entry (PATIENT (win, "age_row")), "78");
  g_signal_emit_by_name (titrate_number_row_get_entry (PATIENT (win, "age_row")), "activate");
  pump ();
  close_window (win);
}

/* No rules database: nothing printed or exported, the summary never. */
static void
test_blocked (void)
{
  g_autofree char *dir = g_dir_make_tmp ("titrate-print-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "garbage.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *actions[] = { "print", "export-pdf", "export-ics", "export-csv", "open-recent" };
  TitrateWindow *win;

  g_assert_true (g_file_set_contents (db, "this is not a SQLite database\n", -1, NULL));
  g_setenv ("TITRATE_RULES_DB", db, TRUE);
  win = new_window ();
  g_unsetenv ("TITRATE_RULES_DB");
  g_assert_true (titrate_window_get_blocked (win));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), actions[i]));

  g_assert_cmpint (titrate_print_run (GTK_WINDOW (win), titrate_window_get_session (win), settings (),
                                      TITRATE_PRINT_SUMMARY, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  g_clear_error (&error);
  g_assert_false (titrate_output_export (titrate_window_get_session (win), settings (), TITRATE_OUTPUT_PDF,
                                         TITRATE_PRINT_HANDOUT, pdf, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_null (titrate_window_get_autosave (win));

  close_window (win);
  test_remove_tree (dir);
}

/* The three export menu items, through their dialogs. */
static void
test_export_actions (void)
{
  TitrateWindow *win = example_window ();
  TitrateSession *session = titrate_window_get_session (win);
  g_autofree char *dir = g_dir_make_tmp ("titrate-export-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "calendar.csv", NULL);
  g_autofree char *ics = g_build_filename (dir, "reminders.ics", NULL);
  g_autofree char *ics_day = g_build_filename (dir, "per-day.ics", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.csv", NULL);
  g_autofree char *data = NULL;
  g_autofree char *data_day = NULL;
  g_autofree char *text = NULL;
  g_autofree char *suggested = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  suggested = titrate_output_suggest_name (session, TITRATE_OUTPUT_PDF, TITRATE_PRINT_BOTH);
  g_assert_cmpstr (suggested, ==, "Older adult with CKD on lorazepam (handout and summary).pdf");

  /* Saved first: the file chooser then opens in the plan's folder. */
  {
    g_autofree char *plan = g_build_filename (dir, "ckd.titrate", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (plan);

    g_assert_true (titrate_window_save_to_file (win, file, FALSE, &error));
    g_assert_no_error (error);
  }

  /* CSV: the file chooser, then the file; the name gets its extension. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "export-csv", NULL);
  accept_file_chooser (dir, "calendar");
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "date,day,phase,"));
  days = titrate_csv_parse (data, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, (guint) titrate_session_get_horizon (session));
  g_clear_pointer (&data, g_free);

  /* Reminders, one per dose, then (the setting) one per day. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "export-ics", NULL);
  accept_file_chooser (dir, "reminders.ics");
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Reminders Exported");
  /* How to replace the reminders of an earlier plan. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "delete the reminders"));
  gtk_window_destroy (dialog);
  g_assert_true (g_file_get_contents (ics, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (data, "DTSTART:20270104T080000"));
  /* The app's writer is the module it loads; titrate-cli export links the
   * same writer in. The two write the same calendar (but for DTSTAMP). */
  assert_same_as_cli_ics (data, dir, "ckd.titrate");

  g_settings_set_boolean (settings (), "reminders-per-day", TRUE);
  g_assert_true (titrate_output_export (session, settings (), TITRATE_OUTPUT_ICS, 0, ics_day, &error));
  g_assert_no_error (error);
  g_settings_reset (settings (), "reminders-per-day");
  g_assert_true (g_file_get_contents (ics_day, &data_day, NULL, NULL));
  g_assert_cmpuint (count (data_day, "BEGIN:VEVENT"), <, count (data, "BEGIN:VEVENT"));

  /* PDF: which pages, then where. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "export-pdf", NULL);
  pump ();
  choose_pages (1);
  accept_file_chooser (dir, "summary.pdf");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  if ((text = pdf_text (pdf)) != NULL)
    {
      assert_contains (text, "Cockcroft–Gault");
      g_assert_null (strstr (text, "Do not stop baclofen suddenly"));
    }

  /* A failure names the problem and leaves no file. */
  g_assert_false (titrate_output_export (session, settings (), TITRATE_OUTPUT_CSV, 0, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  close_window (win);
  test_remove_tree (dir);
}

/* (transfer full) the path of a library this process has loaded whose
 * file name starts with @prefix, or NULL. */
static char *
loaded_library (const char *prefix)
{
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    return NULL;
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *path = strchr (lines[i], '/');
      g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;

      if (base != NULL && g_str_has_prefix (base, prefix))
        return g_strdup (path);
    }
  return NULL;
}

/* The app loads the calendar writer (libical) on its first reminders
 * export. Without it: a dialog naming the file, before any file chooser,
 * and no file; with a file that is no module, or a module that is not the
 * writer, the same; once it is back,
 * the export works (a failure is not remembered). In a child process: a
 * writer once loaded stays loaded. */
static void
test_ics_writer_missing (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *modules = NULL;
  g_autofree char *junk = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *data = NULL;
  g_autofree char *real = NULL;
  g_autoptr(GError) error = NULL;
  TitrateWindow *win;
  TitrateSession *session;
  GtkWindow *dialog;
  const char *body;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("titrate-ics-module-XXXXXX", NULL);
  modules = g_build_filename (dir, "modules", NULL);
  junk = g_build_filename (modules, "titrate-ics.so", NULL);
  ics = g_build_filename (dir, "reminders.ics", NULL);
  real = g_strdup (g_getenv ("TITRATE_MODULEDIR"));
  g_assert_nonnull (real);
  g_assert_cmpint (g_mkdir (modules, 0700), ==, 0);
  g_setenv ("TITRATE_MODULEDIR", modules, TRUE);

  win = example_window ();
  session = titrate_window_get_session (win);

  /* The menu item: the dialog says what failed, and no file is asked for. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "export-ics", NULL);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Reminders Were Not Exported");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "calendar writer"));
  g_assert_nonnull (strstr (body, junk));
  g_assert_nonnull (strstr (body, "No file was written."));
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  gtk_window_destroy (dialog);

  /* The export itself fails the same way and writes nothing. */
  g_assert_false (titrate_output_export (session, settings (), TITRATE_OUTPUT_ICS, 0, ics, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A file that is not a module: refused, named, nothing written. */
  g_assert_true (g_file_set_contents (junk, "not a shared object", -1, NULL));
  g_assert_false (titrate_output_export (session, settings (), TITRATE_OUTPUT_ICS, 0, ics, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, junk));
  g_assert_nonnull (strstr (error->message, "could not be loaded"));
  g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A shared object that is not the writer (here a copy of GLib's
   * libgmodule): refused as another version's, nothing written. */
  {
    g_autofree char *other = loaded_library ("libgmodule-2.0.so");
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_nonnull (other);
    g_assert_true (g_file_get_contents (other, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (junk, contents, length, NULL));
    g_assert_false (titrate_output_export (session, settings (), TITRATE_OUTPUT_ICS, 0, ics, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, junk));
    g_assert_nonnull (strstr (error->message, "another version"));
    g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* Back in place: the next export loads it. */
  g_setenv ("TITRATE_MODULEDIR", real, TRUE);
  g_assert_true (titrate_output_export (session, settings (), TITRATE_OUTPUT_ICS, 0, ics, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ics, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "BEGIN:VCALENDAR"));
  g_assert_cmpuint (count (data, "BEGIN:VEVENT"), >, 0);

  close_window (win);
  test_remove_tree (dir);
}

/* Opened and saved plans go into the desktop's recent list and the menu. */
static void
test_recent (void)
{
  g_autofree char *dir = g_dir_make_tmp ("titrate-recent-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "recent_plan.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) section = g_menu_new ();
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  TitrateWindow *win = example_window ();
  TitrateWindow *other = NULL;
  gboolean listed = FALSE;
  gint64 end;

  gtk_recent_manager_remove_item (manager, uri, NULL);
  /* Saved through the Save action's path (the file is known once saved). */
  g_assert_true (titrate_window_save_to_file (win, file, FALSE, &error));
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (win), "save", NULL);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!gtk_recent_manager_has_item (manager, uri) && g_get_monotonic_time () < end)
    {
      pump ();
      g_usleep (10000);
    }
  g_assert_true (gtk_recent_manager_has_item (manager, uri));
  {
    g_autoptr(GtkRecentInfo) info = gtk_recent_manager_lookup_item (manager, uri, NULL);

    g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-titrate");
  }

  /* "Open Recent" lists it (an underscore is not a mnemonic). */
  titrate_recent_bind_menu (section);
  for (int i = 0; i < g_menu_model_get_n_items (G_MENU_MODEL (section)); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *target = NULL;

      g_menu_model_get_item_attribute (G_MENU_MODEL (section), i, "label", "s", &label);
      g_menu_model_get_item_attribute (G_MENU_MODEL (section), i, "target", "s", &target);
      if (g_strcmp0 (target, uri) == 0)
        {
          g_assert_cmpstr (label, ==, "recent__plan.titrate");
          listed = TRUE;
        }
    }
  g_assert_true (listed);

  /* Choosing it opens it in a new window: work in progress stays. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "open-recent", g_variant_new_string (uri));
  pump ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (l->data != win && TITRATE_IS_WINDOW (l->data))
      other = l->data;
  g_assert_nonnull (other);
  g_assert_cmpstr (titrate_session_get_title (titrate_window_get_session (other)), ==, "recent_plan.titrate");

  gtk_recent_manager_remove_item (manager, uri, NULL);
  close_window (other);
  close_window (win);
  test_remove_tree (dir);
}

static void
test_no_display (void)
{
  g_test_skip ("No display: run under xvfb-run (tools/test.sh does)");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = NULL;
  int status;

  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  g_unsetenv ("TITRATE_RULES_DB");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/titrate/print/no-display", test_no_display);
      return g_test_run ();
    }

  gtk_test_init (&argc, &argv, NULL);
  state_dir = test_state_dir_new ();

  app = titrate_application_new ("io.github.titrate.Titrate.Test", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/titrate/print/handout", test_print_handout);
  g_test_add_func ("/titrate/print/settings", test_print_settings);
  g_test_add_func ("/titrate/print/dialogs", test_print_dialogs);
  g_test_add_func ("/titrate/print/refuse-invalid", test_refuse_invalid);
  g_test_add_func ("/titrate/print/blocked", test_blocked);
  g_test_add_func ("/titrate/print/export-actions", test_export_actions);
  g_test_add_func ("/titrate/print/ics-writer-missing", test_ics_writer_missing);
  g_test_add_func ("/titrate/print/recent", test_recent);

  status = g_test_run ();
  g_clear_object (&app);
  test_remove_tree (state_dir);
  return status;
}
