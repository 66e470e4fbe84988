/* test-learner.c — learner mode played end to end through its widgets:
 * open a scenario (alerts hidden), flag, correct the plan, submit, read the
 * result shown; the session's scores as CSV (needs a display: Xvfb)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "titrate-application.h"
#include "titrate-learner-pane.h"
#include "titrate-state-dir.h"
#include "titrate-teaching.h"
#include "titrate-window.h"

static TitrateApplication *app;

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

/* With TITRATE_LEARNER_SCREENSHOTS=DIR, saves the window as DIR/NAME.png
 * (for the documentation; the assertions do not depend on it). */
static void
screenshot (TitrateWindow *win,
            const char    *name)
{
  const char *dir = g_getenv ("TITRATE_LEARNER_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  for (int i = 0; i < 20; i++)
    {
      g_usleep (20000);
      pump ();
    }
  width = gtk_widget_get_width (GTK_WIDGET (win));
  height = gtk_widget_get_height (GTK_WIDGET (win));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (win));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (win)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

#define PANE(pane, name) child ((pane), TITRATE_TYPE_LEARNER_PANE, (name))

static void
click (gpointer button)
{
  g_signal_emit_by_name (button, "clicked");
  pump ();
}

static TitrateWindow *
new_window (void)
{
  TitrateWindow *win = titrate_application_new_window (app);

  gtk_window_set_default_size (GTK_WINDOW (win), 1366, 768);
  return win;
}

static TitrateLearnerPane *
open_scenario (TitrateWindow *win,
               const char    *name)
{
  GtkStack *stack = child (win, TITRATE_TYPE_WINDOW, "main_stack");
  GtkWidget *pane;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.open-scenario", "s", name);
  pump ();
  pane = titrate_teaching_get_learner_pane (GTK_WINDOW (win));
  g_assert_nonnull (pane);
  /* The plan page, with its alerts, calendar marks and chart, is hidden. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "learner");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (titrate_window_get_plan_view (win))));
  return TITRATE_LEARNER_PANE (pane);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w != NULL; w = gtk_widget_get_next_sibling (w))
    n++;
  return n;
}

static void
flag (TitrateLearnerPane *pane,
      TitrateCategory     category,
      int                 day,
      const char         *reason)
{
  gtk_drop_down_set_selected (PANE (pane, "category_dropdown"), category);
  gtk_spin_button_set_value (PANE (pane, "day_spin"), day);
  gtk_editable_set_text (GTK_EDITABLE (PANE (pane, "reason_entry")), reason);
  click (PANE (pane, "add_flag_button"));
}

static GtkWidget *
step_row (TitrateLearnerPane *pane,
          guint               index)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (PANE (pane, "steps_list")));

  for (guint i = 0; i < index && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  return row;
}

static void
set_step (TitrateLearnerPane *pane,
          guint               index,
          int                 day,
          const char         *doses)
{
  GtkWidget *row = step_row (pane, index);

  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "spin"), day);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "entry"), doses);
  pump ();
}

/* Scenario 06: 60 mg/day stopped on day 4. The learner flags the stop and
 * one needless problem, does not correct the plan, and submits. */
static void
test_flag_and_submit (void)
{
  TitrateWindow *win = new_window ();
  TitrateLearnerPane *pane;
  const TitrateScenarioResult *result;
  GPtrArray *scores = titrate_teaching_get_scores ();
  guint n_scores = scores->len;

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  pane = open_scenario (win, "06-abrupt-stop");
  g_assert_cmpstr (gtk_label_get_text (PANE (pane, "title_label")), ==, "Baclofen around an elective admission");
  g_assert_nonnull (strstr (gtk_label_get_text (PANE (pane, "case_label")), "Serum creatinine: 0.7 mg/dL"));
  g_assert_cmpuint (n_rows (PANE (pane, "steps_list")), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (PANE (pane, "review_stack")), ==, "flagging");

  /* A flag without a reason is refused, and says why. */
  flag (pane, TITRATE_CATEGORY_WITHDRAWAL, 4, "   ");
  g_assert_cmpuint (n_rows (PANE (pane, "flags_list")), ==, 0);
  g_assert_true (gtk_widget_get_visible (PANE (pane, "flag_error_label")));

  flag (pane, TITRATE_CATEGORY_WITHDRAWAL, 4, "Stops 60 mg/day with no taper");
  flag (pane, TITRATE_CATEGORY_INTERACTION, 0, "Might interact");
  g_assert_cmpuint (n_rows (PANE (pane, "flags_list")), ==, 2);
  g_assert_false (gtk_widget_get_visible (PANE (pane, "flag_error_label")));
  gtk_editable_set_text (GTK_EDITABLE (PANE (pane, "learner_row")), "Zoë M.");
  screenshot (win, "learner-flagging");

  click (PANE (pane, "submit_button"));
  g_assert_cmpstr (gtk_label_get_text (PANE (pane, "plan_error_label")), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (PANE (pane, "review_stack")), ==, "results");
  result = titrate_learner_pane_get_result (pane);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_matched, ==, 1);
  g_assert_cmpuint (result->n_missed, ==, 0);
  g_assert_cmpuint (result->n_false, ==, 1);
  /* One finding (worth 100), one needless flag (−50). */
  g_assert_cmpstr (gtk_label_get_text (PANE (pane, "score_label")), ==, "Score: 50 / 100");
  g_assert_nonnull (strstr (gtk_label_get_text (PANE (pane, "summary_label")), "Found 1 of 1 problem"));
  g_assert_nonnull (strstr (gtk_label_get_text (PANE (pane, "summary_label")), "1 needless flag"));
  g_assert_true (result->has_fix_goal);
  g_assert_false (result->fix_cleared);
  g_assert_nonnull (strstr (gtk_label_get_text (PANE (pane, "fix_label")), "still raises"));
  /* Revealed now: the findings, the verdicts, the checker's alert with its
   * source, and the explanation. */
  g_assert_cmpuint (n_rows (PANE (pane, "findings_list")), ==, 1);
  g_assert_cmpuint (n_rows (PANE (pane, "verdicts_list")), ==, 2);
  g_assert_cmpuint (n_rows (PANE (pane, "alerts_list")), ==, 1);
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (PANE (pane, "alerts_list")));

    g_assert_nonnull (strstr (gtk_label_get_text (g_object_get_data (G_OBJECT (row), "subtitle")), "Source: "));
    g_assert_nonnull (strstr (gtk_label_get_text (g_object_get_data (G_OBJECT (row), "title")), "Major"));
  }
  g_assert_true (gtk_widget_get_visible (PANE (pane, "explanation_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (PANE (pane, "explanation_label")), "Sources: US-TAB"));
  screenshot (win, "learner-results");

  /* The session's scores. */
  g_assert_cmpuint (scores->len, ==, n_scores + 1);
  {
    TitrateSessionRow *row = g_ptr_array_index (scores, scores->len - 1);

    g_assert_cmpstr (row->learner, ==, "Zoë M.");
    g_assert_cmpint (row->score, ==, 50);
    g_assert_cmpuint (row->false_flags, ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (win));
  pump ();
}

/* The learner corrects the plan into a taper over 12 days: the fix-it goal
 * is cleared, and a single right flag scores 100. */
static void
test_fix_it (void)
{
  TitrateWindow *win = new_window ();
  TitrateLearnerPane *pane;
  const TitrateScenarioResult *result;

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  pane = open_scenario (win, "06-abrupt-stop");
  set_step (pane, 1, 4, "15 + 15 + 15");
  click (PANE (pane, "add_step_button"));
  set_step (pane, 2, 8, "10 + 10 + 10");
  click (PANE (pane, "add_step_button"));
  set_step (pane, 3, 12, "5 + 5 + 5");
  click (PANE (pane, "add_step_button"));
  set_step (pane, 4, 16, "");
  flag (pane, TITRATE_CATEGORY_WITHDRAWAL, 4, "Abrupt stop");

  click (PANE (pane, "submit_button"));
  result = titrate_learner_pane_get_result (pane);
  g_assert_nonnull (result);
  g_assert_cmpint (result->score, ==, 100);
  g_assert_true (result->fix_cleared);
  g_assert_nonnull (strstr (gtk_label_get_text (PANE (pane, "fix_label")), "clears the goal"));
  /* The alerts shown are those of the plan as given. */
  g_assert_cmpuint (n_rows (PANE (pane, "alerts_list")), ==, 1);

  /* A dose the parser refuses: no result, the message names the day. */
  click (PANE (pane, "again_button"));
  set_step (pane, 2, 8, "ten");
  click (PANE (pane, "submit_button"));
  g_assert_true (gtk_widget_get_visible (PANE (pane, "plan_error_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (PANE (pane, "plan_error_label")), "Day 8"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (PANE (pane, "review_stack")), ==, "flagging");

  /* Leaving shows the plan (instructor view). */
  click (PANE (pane, "leave_button"));
  g_assert_null (titrate_teaching_get_learner_pane (GTK_WINDOW (win)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (win, TITRATE_TYPE_WINDOW, "main_stack")), ==, "plan");

  gtk_window_destroy (GTK_WINDOW (win));
  pump ();
}

/* Presenter mode: alerts revealed one at a time; a plain plan leaves
 * learner mode; scores export as CSV. */
static void
test_presenter_and_export (void)
{
  TitrateWindow *win = new_window ();
  TitrateLearnerPane *pane;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "titrate-test-scores.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  pane = open_scenario (win, "05-cns-depressant-stack");
  titrate_learner_pane_set_presenter (pane, TRUE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (pane), "presenter"));
  click (PANE (pane, "submit_button"));
  g_assert_cmpint (titrate_learner_pane_get_result (pane)->score, ==, 0);
  g_assert_cmpuint (n_rows (PANE (pane, "alerts_list")), ==, 0);
  g_assert_true (gtk_widget_get_visible (PANE (pane, "next_alert_button")));
  click (PANE (pane, "next_alert_button"));
  g_assert_cmpuint (n_rows (PANE (pane, "alerts_list")), ==, 1);
  click (PANE (pane, "next_alert_button"));
  g_assert_cmpuint (n_rows (PANE (pane, "alerts_list")), ==, 2);
  screenshot (win, "learner-presenter");

  /* The learner may stop a medicine: its row unticked. */
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (PANE (pane, "medicines_list")));

    g_assert_cmpuint (n_rows (PANE (pane, "medicines_list")), ==, 3);
    g_assert_cmpstr (gtk_check_button_get_label (g_object_get_data (G_OBJECT (row), "check")), ==, "oxycodone");
  }

  /* Opening a plain example leaves learner mode. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.open-example", "s", "pregnancy");
  pump ();
  g_assert_null (titrate_teaching_get_learner_pane (GTK_WINDOW (win)));

  g_assert_true (titrate_teaching_write_scores (file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
  g_assert_true (g_str_has_prefix (csv, "scenario,learner,score,found,missed,false_flags,seconds_taken\r\n"));
  g_assert_nonnull (strstr (csv, "\"Spasticity and pain after spinal cord injury\",\"\",0,0,3,0,"));
  g_unlink (path);

  gtk_window_destroy (GTK_WINDOW (win));
  pump ();
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_checks (c, out);
}

/* Instructor: "Save as teaching scenario…" on a plain example. The draft's
 * findings come from the current alerts; an unticked one is left out; the
 * saved file opens again as a scenario in learner mode. */
static void
test_save_as_scenario (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session;
  GtkWindow *dialog;
  GtkWindow *chooser;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "titrate-test-saved-scenario.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(TitrateScenario) scenario = NULL;
  guint n_alerts;

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  gtk_widget_activate_action (GTK_WIDGET (win), "win.open-example", "s", "older-adult-ckd");
  pump ();
  g_assert_null (titrate_teaching_get_learner_pane (GTK_WINDOW (win)));
  session = titrate_window_get_session (win);
  n_alerts = g_list_model_get_n_items (titrate_session_get_alerts (session));
  g_assert_cmpuint (n_alerts, >, 1);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.save-scenario", NULL);
  pump ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, n_alerts);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);
  for (guint i = 2; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  pump ();

  /* The file chooser asks where; the test writes where it would, then
   * cancels the chooser (which drops the draft). */
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (titrate_teaching_save_draft (GTK_WINDOW (win), file, &error));
  g_assert_no_error (error);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  pump ();
  g_assert_false (titrate_teaching_save_draft (GTK_WINDOW (win), file, NULL));

  doc = titrate_document_load_from_file (file, &error);
  g_assert_no_error (error);
  scenario = titrate_scenario_from_document (doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (scenario->findings->len, ==, n_alerts - 1);
  g_assert_cmpstr (scenario->title, ==, "Older adult with CKD on lorazepam");

  /* Opened again, it is a scenario: learner mode. */
  g_assert_true (titrate_window_open_file (win, file, &error));
  g_assert_no_error (error);
  pump ();
  g_assert_nonnull (titrate_teaching_get_learner_pane (GTK_WINDOW (win)));
  g_unlink (path);

  gtk_window_destroy (GTK_WINDOW (win));
  pump ();
}

/* A malformed teaching section: the plan opens as a plain plan (nothing the
 * user had is lost) and learner mode does not start. F1 opens the guide. */
static void
test_malformed_and_help (void)
{
  TitrateWindow *win = new_window ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "titrate-test-bad-teaching.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  const char *text =
    "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
    " \"patient\": {\"age_years\": 45, \"weight_kg\": 70, \"sex\": \"female\", \"serum_creatinine_mg_dl\": 0.8},\n"
    " \"regimen\": {\"route\": \"oral\", \"indication\": \"spasticity\", \"formulation\": \"tablet\",\n"
    "   \"strength_mg\": 10, \"start_date\": \"2027-01-04\", \"steps\": [{\"day\": 1, \"doses_mg\": [5, 5, 5]}]},\n"
    " \"teaching\": {\"title\": \"t\", \"brief\": \"b\", \"explanation\": \"e\",\n"
    "   \"findings\": [{\"category\": \"kidney\", \"label\": \"x\"}]}}\n";

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (titrate_window_open_file (win, file, &error));
  g_assert_no_error (error);
  pump ();
  g_assert_null (titrate_teaching_get_learner_pane (GTK_WINDOW (win)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (win, TITRATE_TYPE_WINDOW, "main_stack")), ==, "plan");
  g_assert_cmpuint (titrate_session_get_regimen (titrate_window_get_session (win))->steps->len, ==, 1);
  g_unlink (path);

  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (win), "help") != NULL);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.help");
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));

  gtk_window_destroy (GTK_WINDOW (win));
  pump ();
}

/* Stopping a medicine counts as a correction: the fix-it goal about its
 * interaction is cleared. */
static void
test_stop_medicine (void)
{
  TitrateWindow *win = new_window ();
  TitrateLearnerPane *pane;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "titrate-test-medicine.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const TitrateScenarioResult *result;
  GtkWidget *row;
  const char *text =
    "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
    " \"patient\": {\"age_years\": 45, \"weight_kg\": 70, \"sex\": \"female\", \"serum_creatinine_mg_dl\": 0.8},\n"
    " \"regimen\": {\"route\": \"oral\", \"indication\": \"spasticity\", \"formulation\": \"tablet\",\n"
    "   \"strength_mg\": 10, \"start_date\": \"2027-01-04\", \"steps\": [{\"day\": 1, \"doses_mg\": [5, 5, 5]}]},\n"
    " \"comedications\": [\"lorazepam\"],\n"
    " \"teaching\": {\"title\": \"t\", \"brief\": \"b\", \"explanation\": \"e\",\n"
    "   \"findings\": [{\"category\": \"interaction\", \"min_severity\": \"major\", \"label\": \"benzodiazepine\"}],\n"
    "   \"fix_goal\": [{\"category\": \"interaction\", \"min_severity\": \"major\"}]}}\n";

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (titrate_window_open_file (win, file, &error));
  g_assert_no_error (error);
  pump ();
  pane = TITRATE_LEARNER_PANE (titrate_teaching_get_learner_pane (GTK_WINDOW (win)));
  g_assert_nonnull (pane);
  row = gtk_widget_get_first_child (GTK_WIDGET (PANE (pane, "medicines_list")));
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), FALSE);
  flag (pane, TITRATE_CATEGORY_INTERACTION, 0, "Lorazepam adds sedation");
  click (PANE (pane, "submit_button"));
  result = titrate_learner_pane_get_result (pane);
  g_assert_nonnull (result);
  g_assert_cmpint (result->score, ==, 100);
  g_assert_true (result->fix_cleared);

  /* Undo restores the medicine: not cleared any more. */
  click (PANE (pane, "again_button"));
  click (PANE (pane, "reset_plan_button"));
  click (PANE (pane, "submit_button"));
  g_assert_false (titrate_learner_pane_get_result (pane)->fix_cleared);
  g_unlink (path);

  gtk_window_destroy (GTK_WINDOW (win));
  pump ();
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
      g_test_add_func ("/titrate/learner/no-display", test_no_display);
      return g_test_run ();
    }

  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "C");

  app = titrate_application_new ("io.github.titrate.Titrate.LearnerTest", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/titrate/learner/flag-and-submit", test_flag_and_submit);
  g_test_add_func ("/titrate/learner/fix-it", test_fix_it);
  g_test_add_func ("/titrate/learner/presenter-and-export", test_presenter_and_export);
  g_test_add_func ("/titrate/learner/save-as-scenario", test_save_as_scenario);
  g_test_add_func ("/titrate/learner/malformed-and-help", test_malformed_and_help);
  g_test_add_func ("/titrate/learner/stop-medicine", test_stop_medicine);

  state_dir = test_state_dir_new ();
  status = g_test_run ();
  g_clear_object (&app);
  test_remove_tree (state_dir);
  return status;
}
