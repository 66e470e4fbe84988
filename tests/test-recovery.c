/* test-recovery.c — autosave and crash recovery of the desktop app
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main case kills the app for real: a child process (g_test_trap_
 * subprocess) builds the real window, saves a plan, edits it through the
 * real widgets (age, creatinine, a comedication, a step in the step editor),
 * waits until the autosave on disk holds the last edit and SIGKILLs itself.
 * The parent then starts the app as the desktop does (activate), answers
 * the recovery dialog with Restore and finds every change back, in the
 * model and in the fields, with the original file remembered; saving then
 * removes the autosave.
 *
 * GLib 2.74 keeps the child's wait status to itself (no accessor), so "died
 * by SIGKILL" is shown by what the child printed: a line just before
 * kill (getpid (), SIGKILL), none of the line just after it, a failed exit
 * and no assertion, critical or sanitizer message on stderr.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "titrate-application.h"
#include "titrate-autosave.h"
#include "titrate-number-row.h"
#include "titrate-patient-form.h"
#include "titrate-recovery.h"
#include "titrate-regimen-form.h"
#include "titrate-schedule-view.h"
#include "titrate-state-dir.h"
#include "titrate-step-dialog.h"
#include "titrate-window.h"

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

static void
type_text (GtkEditable *editable,
           const char  *text)
{
  gtk_editable_set_text (editable, "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &position);
    }
  /* Number fields apply what is typed on Enter. */
  if (GTK_IS_ENTRY (editable))
    g_signal_emit_by_name (editable, "activate");
  pump ();
}

static void
replace_text (GtkEditable *editable,
              const char  *text)
{
  gtk_editable_set_text (editable, text);
  if (GTK_IS_ENTRY (editable))
    g_signal_emit_by_name (editable, "activate");
  pump ();
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

/* Runs the main loop until @type shows up, for up to @seconds. */
static GtkWindow *
wait_for_toplevel (GType type,
                   int   seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  GtkWindow *window;

  while ((window = find_toplevel (type)) == NULL && g_get_monotonic_time () < end)
    {
      pump ();
      g_usleep (10000);
    }
  return window;
}

static void
close_window (GtkWindow *win)
{
  g_object_ref (win);
  gtk_window_destroy (win);
  pump ();
  g_assert_finalize_object (win);
}

static char *
plan_path (void)
{
  return g_build_filename (g_getenv ("TITRATE_STATE_DIR"), "plans", "plan.titrate", NULL);
}

/* The autosave folder's files with @suffix. */
static GPtrArray *
autosave_files (const char *suffix)
{
  g_autofree char *dir = titrate_autosave_get_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  return files;
}

static char *
document_data (TitrateSession *session)
{
  g_autoptr(TitrateDocument) doc = titrate_session_dup_document_for_saving (session);

  return titrate_document_to_data (doc, NULL);
}

/* Until the autosave on disk holds exactly the session's plan. */
static gboolean
wait_for_autosave (TitrateSession *session,
                   int             seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  g_autofree char *expected = document_data (session);

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GPtrArray) files = autosave_files (".titrate");
      g_autofree char *data = NULL;

      if (files->len == 1 && g_file_get_contents (g_ptr_array_index (files, 0), &data, NULL, NULL) &&
          g_strcmp0 (data, expected) == 0)
        return TRUE;
      pump ();
      g_usleep (20000);
    }
  return FALSE;
}

static TitrateWindow *
find_plan_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (TITRATE_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* The edits a prescriber makes, through the widgets; then the crash. */
static void
edit_and_crash (void)
{
  TitrateWindow *win = titrate_application_new_window (app);
  TitrateSession *session;
  g_autofree char *path = plan_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwEntryRow *comedication;
  GtkWidget *dialog;
  const TitrateRegimen *regimen;
  int day;

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  session = titrate_window_get_session (win);

  /* A plan saved once: the restored plan must remember this file. */
  type_text (titrate_number_row_get_entry (PATIENT (win, "age_row")), "81");
  type_text (titrate_number_row_get_entry (PATIENT (win, "weight_row")), "62");
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (titrate_window_save_to_file (win, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (titrate_session_get_dirty (session));

  /* Edits after the save. */
  replace_text (titrate_number_row_get_entry (PATIENT (win, "age_row")), "83");
  type_text (titrate_number_row_get_entry (PATIENT (win, "creatinine_row")), "1.4");
  comedication = PATIENT (win, "comedication_entry");
  type_text (GTK_EDITABLE (comedication), "lorazepam");
  g_signal_emit_by_name (comedication, "entry-activated");
  pump ();
  g_action_group_activate_action (G_ACTION_GROUP (win), "suggest", NULL);
  pump ();
  regimen = titrate_session_get_regimen (session);
  g_assert_cmpuint (regimen->steps->len, >=, 2);
  day = g_array_index (regimen->steps, TitrateStep, 1).day;

  /* A step changed in the step editor, opened as the schedule opens it. */
  gtk_widget_activate_action (GTK_WIDGET (PLAN (win, "schedule_view")), "schedule.edit-step", "i", day);
  pump ();
  dialog = GTK_WIDGET (find_toplevel (TITRATE_TYPE_STEP_DIALOG));
  g_assert_nonnull (dialog);
  replace_text (child (dialog, TITRATE_TYPE_STEP_DIALOG, "doses_entry"), "5 + 7.5 + 5");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pump ();

  regimen = titrate_session_get_regimen (session);
  g_assert_false (regimen->has_protocol);
  for (guint i = 0; i < regimen->steps->len; i++)
    if (g_array_index (regimen->steps, TitrateStep, i).day == day)
      g_assert_cmpfloat (g_array_index (regimen->steps, TitrateStep, i).doses_mg[1], ==, 7.5);
  g_assert_true (titrate_session_get_dirty (session));

  /* The autosave catches up within seconds, with no save. */
  g_assert_true (wait_for_autosave (session, 15));
  printf ("# autosaved, now SIGKILL\n");
  fflush (stdout);
  kill (getpid (), SIGKILL);
  printf ("# survived SIGKILL\n");
}

/* Tests */

static void
test_kill_and_restore (void)
{
  g_autofree char *path = plan_path ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) sidecars = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TitrateDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sidecar = NULL;
  GtkWindow *dialog;
  TitrateWindow *win;
  TitrateSession *session;
  const TitrateRegimen *regimen;
  GtkListBox *comedications;
  gboolean changed_step = FALSE;

  if (g_test_subprocess ())
    {
      edit_and_crash ();
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("*# autosaved, now SIGKILL*");
  g_test_trap_assert_stdout_unmatched ("*survived SIGKILL*");
  g_test_trap_assert_stderr_unmatched ("*ERROR*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr_unmatched ("*Sanitizer*");
  g_test_trap_assert_stderr_unmatched ("*runtime error*");

  /* What the crash left: one plan with its sidecar (and lock). */
  plans = autosave_files (".titrate");
  sidecars = autosave_files (".json");
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpuint (sidecars->len, ==, 1);
  g_assert_true (g_file_get_contents (g_ptr_array_index (sidecars, 0), &sidecar, NULL, NULL));
  g_assert_nonnull (strstr (sidecar, "plan.titrate"));

  /* The next start, as from the desktop: it offers the plan. */
  g_application_activate (G_APPLICATION (app));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 10);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Restore the Unsaved Plan?");
  {
    GtkWidget *list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

    g_assert_nonnull (row);
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "plan.titrate");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), path));
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gtk_window_destroy (dialog);
  pump ();

  /* Every change is back, unsaved, with its file remembered. */
  win = find_plan_window ();
  g_assert_nonnull (win);
  session = titrate_window_get_session (win);
  pump ();
  g_assert_true (titrate_session_get_dirty (session));
  g_assert_nonnull (titrate_session_get_file (session));
  file = g_file_new_for_path (path);
  g_assert_true (g_file_equal (titrate_session_get_file (session), file));
  g_assert_cmpstr (titrate_session_get_title (session), ==, "plan.titrate");
  g_assert_cmpfloat (titrate_session_get_patient (session)->age_years, ==, 83);
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 62);
  g_assert_cmpfloat_with_epsilon (titrate_session_get_patient (session)->serum_creatinine, 1.4, 1e-9);
  g_assert_cmpuint (titrate_session_get_comedications (session)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titrate_session_get_comedications (session), 0), ==, "lorazepam");
  regimen = titrate_session_get_regimen (session);
  g_assert_false (regimen->has_protocol);
  g_assert_cmpuint (regimen->steps->len, >=, 2);
  for (guint i = 0; i < regimen->steps->len; i++)
    {
      const TitrateStep *step = &g_array_index (regimen->steps, TitrateStep, i);

      if (step->n_doses == 3 && step->doses_mg[0] == 5 && step->doses_mg[1] == 7.5 && step->doses_mg[2] == 5)
        changed_step = TRUE;
    }
  g_assert_true (changed_step);

  /* … and in the fields the prescriber sees. */
  g_assert_cmpstr (gtk_editable_get_text (titrate_number_row_get_entry (PATIENT (win, "age_row"))), ==, "83");
  g_assert_cmpstr (gtk_editable_get_text (titrate_number_row_get_entry (PATIENT (win, "creatinine_row"))), ==, "1.4");
  comedications = PATIENT (win, "comedication_list");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (comedications)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (comedications, 0));

  /* Until it is saved, the restored plan stays recoverable. */
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = autosave_files (".titrate");
  g_assert_cmpuint (plans->len, ==, 1);
  {
    g_autoptr(GPtrArray) orphans = titrate_autosave_find_orphans ();

    /* … and held by this process: not offered to another one. */
    g_assert_cmpuint (orphans->len, ==, 0);
  }

  /* Save (Ctrl+S): into the remembered file, and the autosave is gone. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "save", NULL);
  pump ();
  g_assert_false (titrate_session_get_dirty (session));
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = autosave_files (".titrate");
  g_assert_cmpuint (plans->len, ==, 0);
  g_clear_pointer (&sidecars, g_ptr_array_unref);
  sidecars = autosave_files (".json");
  g_assert_cmpuint (sidecars->len, ==, 0);
  {
    g_autoptr(GPtrArray) locks = autosave_files (".lock");

    g_assert_cmpuint (locks->len, ==, 0);
  }
  saved = titrate_document_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (saved->patient->age_years, ==, 83);
  g_assert_cmpuint (saved->comedications->len, ==, 1);

  close_window (GTK_WINDOW (win));
}

/* Autosave within seconds; a live plan is never offered; discarding on
 * close removes it. */
static void
test_autosave_and_discard (void)
{
  TitrateWindow *win = titrate_application_new_window (app);
  TitrateSession *session;
  TitrateAutosave *autosave;
  g_autofree char *autosaved = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  GtkWindow *dialog;
  gint64 start;

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  session = titrate_window_get_session (win);
  autosave = titrate_window_get_autosave (win);
  g_assert_nonnull (autosave);

  /* A new, untouched plan writes nothing. */
  g_assert_null (titrate_autosave_dup_path (autosave));

  start = g_get_monotonic_time ();
  type_text (titrate_number_row_get_entry (PATIENT (win, "age_row")), "47");
  g_assert_true (wait_for_autosave (session, 10));
  /* g_timeout_add_seconds() fires 2 to 3 s after the first edit. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, (TITRATE_AUTOSAVE_DELAY_SECONDS + 2) * G_USEC_PER_SEC);
  autosaved = titrate_autosave_dup_path (autosave);
  g_assert_nonnull (autosaved);
  g_assert_true (g_file_test (autosaved, G_FILE_TEST_EXISTS));
  /* Patient data: private to its owner, the plan and its sidecar. */
  {
    g_autofree char *sidecar = g_strconcat (autosaved, NULL);
    GStatBuf st;

    strcpy (sidecar + strlen (sidecar) - strlen (".titrate"), ".json");
    g_assert_cmpint (g_stat (autosaved, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (sidecar, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* Locked by this running process: not offered as a crashed plan. */
  orphans = titrate_autosave_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Close, then Discard: the autosave goes with the changes. */
  gtk_window_close (GTK_WINDOW (win));
  pump ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_object_ref (win);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (dialog);
  pump ();
  g_assert_false (g_file_test (autosaved, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GPtrArray) left = autosave_files ("");

    g_assert_cmpuint (left->len, ==, 0);
  }
  g_assert_finalize_object (win);
}

/* A plan whose autosave cannot be read is kept aside and said, not lost
 * silently; leftovers of a dead process's interrupted write are removed. */
static void
test_broken_autosave (void)
{
  g_autofree char *dir = titrate_autosave_get_dir ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (id, ".titrate", NULL);
  g_autofree char *broken = g_build_filename (dir, name, NULL);
  g_autofree char *rejected = titrate_autosave_get_rejected_dir ();
  g_autofree char *aside = g_build_filename (rejected, name, NULL);
  g_autofree char *temporary = g_strconcat (broken, ".Ab3dE9", NULL);
  g_autofree char *saving_name = g_strconcat (".", name, ".saving-Zz9yY8", NULL);
  g_autofree char *saving = g_build_filename (dir, saving_name, NULL);
  g_autofree char *other_id = g_uuid_string_random ();
  g_autofree char *other_name = g_strconcat (other_id, ".json", NULL);
  g_autofree char *lonely_sidecar = g_build_filename (dir, other_name, NULL);
  g_autoptr(GPtrArray) orphans = NULL;
  TitrateWindow *win;
  GtkWindow *dialog;
  GtkWindow *error_dialog;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "{ \"format\": \"titrate-regimen\", \"vers", -1, NULL));
  g_assert_true (g_file_set_contents (temporary, "{ half", -1, NULL));
  g_assert_true (g_file_set_contents (saving, "{ half", -1, NULL));
  g_assert_true (g_file_set_contents (lonely_sidecar, "{}", -1, NULL));

  orphans = titrate_autosave_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (titrate_autosave_entry_get_id (g_ptr_array_index (orphans, 0)), ==, id);
  g_assert_null (titrate_autosave_entry_get_title (g_ptr_array_index (orphans, 0)));
  /* The interrupted write's temporary file and the lone sidecar are gone. */
  g_assert_false (g_file_test (temporary, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (saving, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (lonely_sidecar, G_FILE_TEST_EXISTS));
  g_clear_pointer (&orphans, g_ptr_array_unref);

  win = titrate_application_new_window (app);
  gtk_window_present (GTK_WINDOW (win));
  pump ();
  g_assert_true (titrate_recovery_offer (GTK_WINDOW (win), (TitrateRecoveryNewWindow) titrate_application_new_window, app));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gtk_window_destroy (dialog);
  pump ();

  /* Said, with the place the copy is kept; the window keeps its new plan. */
  error_dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5);
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==,
                   "An Unsaved Plan Could Not Be Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)), dir));
  gtk_window_destroy (error_dialog);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));
  g_assert_true (titrate_window_is_pristine (win));
  orphans = titrate_autosave_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Set aside for good: a later start neither offers it nor deletes it. */
  orphans = titrate_autosave_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_clear_pointer (&orphans, g_ptr_array_unref);

  g_unlink (aside);
  close_window (GTK_WINDOW (win));
}

static char *
deep_json (const char *head,
           guint       depth)
{
  GString *s = g_string_new (head);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* Hostile autosaves: deep, huge, a FIFO, a link to a device. Each is
 * offered, fails to restore with a message, is set aside in rejected/ and
 * never offered again; nothing crashes or waits. A deep sidecar costs only
 * the title. */
static void
test_hostile_autosaves (void)
{
  g_autofree char *dir = titrate_autosave_get_dir ();
  g_autofree char *rejected = titrate_autosave_get_rejected_dir ();
  const char *kinds[] = { "deep", "huge", "fifo", "device-link" };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *name = g_strconcat (id, ".titrate", NULL);
      g_autofree char *sidecar_name = g_strconcat (id, ".json", NULL);
      g_autofree char *plan = g_build_filename (dir, name, NULL);
      g_autofree char *sidecar = g_build_filename (dir, sidecar_name, NULL);
      g_autofree char *aside = g_build_filename (rejected, name, NULL);
      g_autofree char *deep_sidecar = deep_json ("{\"format\": \"titrate-autosave\", \"title\": ", 100000);
      g_autoptr(GPtrArray) orphans = NULL;
      TitrateWindow *win;
      GtkWindow *dialog;
      GtkWindow *error_dialog;
      GStatBuf st;

      if (g_str_equal (kinds[k], "deep"))
        {
          g_autofree char *deep = deep_json ("{\"format\": \"titrate-regimen\", \"version\": 1, "
                                             "\"patient\": {}, \"regimen\": {\"route\": \"oral\", "
                                             "\"steps\": []}, \"x_deep\": ", 100000);

          g_assert_true (g_file_set_contents (plan, deep, -1, NULL));
        }
      else if (g_str_equal (kinds[k], "huge"))
        {
          FILE *f = fopen (plan, "w");

          g_assert_nonnull (f);
          /* Sparse: 5 GB on paper, nothing on disk. */
          g_assert_cmpint (fseeko (f, (off_t) 5 * 1024 * 1024 * 1024, SEEK_SET), ==, 0);
          g_assert_cmpint (fputc ('}', f), !=, EOF);
          fclose (f);
        }
      else if (g_str_equal (kinds[k], "fifo"))
        g_assert_cmpint (mkfifo (plan, 0600), ==, 0);
      else if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
        g_assert_cmpint (symlink ("/dev/zero", plan), ==, 0);
      else
        continue;
      g_assert_true (g_file_set_contents (sidecar, deep_sidecar, -1, NULL));

      /* Listed (without the title of the deep sidecar), not crashed on. */
      orphans = titrate_autosave_find_orphans ();
      g_assert_cmpuint (orphans->len, ==, 1);
      g_assert_null (titrate_autosave_entry_get_title (g_ptr_array_index (orphans, 0)));
      g_clear_pointer (&orphans, g_ptr_array_unref);

      win = titrate_application_new_window (app);
      gtk_window_present (GTK_WINDOW (win));
      pump ();
      g_assert_true (titrate_recovery_offer (GTK_WINDOW (win), (TitrateRecoveryNewWindow) titrate_application_new_window, app));
      dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5);
      g_assert_nonnull (dialog);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      gtk_window_destroy (dialog);
      pump ();

      error_dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5);
      g_assert_nonnull (error_dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==,
                       "An Unsaved Plan Could Not Be Restored");
      g_test_message ("%s: %s", kinds[k], adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)), rejected));
      gtk_window_destroy (error_dialog);
      g_assert_true (titrate_window_is_pristine (win));

      /* Set aside as it was (a FIFO stays a FIFO, a link a link). */
      g_assert_cmpint (g_lstat (aside, &st), ==, 0);
      g_assert_false (g_file_test (plan, G_FILE_TEST_EXISTS) || g_file_test (plan, G_FILE_TEST_IS_SYMLINK));
      g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
      if (g_str_equal (kinds[k], "fifo"))
        g_assert_true (S_ISFIFO (st.st_mode));
      if (g_str_equal (kinds[k], "device-link"))
        g_assert_true (S_ISLNK (st.st_mode));

      /* Never offered again. */
      orphans = titrate_autosave_find_orphans ();
      g_assert_cmpuint (orphans->len, ==, 0);

      g_unlink (aside);
      close_window (GTK_WINDOW (win));
    }
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
      g_test_add_func ("/titrate/recovery/no-display", test_no_display);
      return g_test_run ();
    }

  gtk_test_init (&argc, &argv, NULL);
  /* The child of g_test_trap_subprocess() shares its parent's folder. */
  if (!g_test_subprocess ())
    state_dir = test_state_dir_new ();

  app = titrate_application_new ("io.github.titrate.Titrate.Test", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/titrate/recovery/kill-and-restore", test_kill_and_restore);
  g_test_add_func ("/titrate/recovery/autosave-and-discard", test_autosave_and_discard);
  g_test_add_func ("/titrate/recovery/broken-autosave", test_broken_autosave);
  g_test_add_func ("/titrate/recovery/hostile-autosaves", test_hostile_autosaves);

  status = g_test_run ();
  g_clear_object (&app);
  if (state_dir != NULL)
    test_remove_tree (state_dir);
  return status;
}
