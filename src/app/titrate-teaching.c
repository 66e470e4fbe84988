/* titrate-teaching.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Teaching mode, kept out of the window's own code: the window calls
 * titrate_teaching_install() once and titrate_teaching_attach() when its
 * plan exists. Everything else (actions, the learner page, the instructor's
 * dialogs, help) lives here. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "titrate-alert-item.h"
#include "titrate-file-chooser.h"
#include "titrate-learner-pane.h"
#include "titrate-teaching.h"
#include "titrate-teaching-resources.h"
#include "titrate-window.h"

#define SCENARIOS_PATH "/io/github/titrate/Titrate/scenarios/"
#define STATE_KEY      "titrate-teaching"

typedef struct {
  GtkWindow      *window;     /* unowned */
  GtkStack       *stack;      /* unowned */
  TitrateSession *session;    /* unowned */
  GtkWidget      *pane;       /* unowned, in the stack */
  TitrateScenario *draft;     /* "Save as teaching scenario…" in progress */
  GPtrArray      *draft_checks; /* (element-type GtkCheckButton) one per finding */
  GtkEditable    *draft_title;
  GtkEditable    *draft_brief;
} Teaching;

static GPtrArray *scores;   /* the session's scores (this run of the app) */

static void
teaching_free (Teaching *t)
{
  g_clear_pointer (&t->draft, titrate_scenario_free);
  g_clear_pointer (&t->draft_checks, g_ptr_array_unref);
  g_free (t);
}

static Teaching *
get (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), STATE_KEY);
}

GPtrArray *
titrate_teaching_get_scores (void)
{
  if (scores == NULL)
    scores = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_session_row_free);
  return scores;
}

static void
toast (Teaching   *t,
       const char *text)
{
  if (TITRATE_IS_WINDOW (t->window))
    titrate_window_add_toast (TITRATE_WINDOW (t->window), text);
}

static void
show_error (Teaching   *t,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (t->window, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Learner mode */

static void
leave_learner (Teaching *t)
{
  if (t->pane == NULL)
    return;
  gtk_stack_set_visible_child_name (t->stack, "plan");
  gtk_stack_remove (t->stack, t->pane);
  t->pane = NULL;
}

static void
on_leave_cb (GtkWidget *pane,
             Teaching  *t)
{
  leave_learner (t);
}

static void
on_submitted_cb (TitrateLearnerPane *pane,
                 Teaching           *t)
{
  TitrateSessionRow *row = titrate_learner_pane_dup_row (pane);

  if (row != NULL)
    g_ptr_array_add (titrate_teaching_get_scores (), row);
}

static void
enter_learner (Teaching              *t,
               const TitrateDocument *doc,
               const TitrateScenario *scenario)
{
  TitrateRules *rules = titrate_session_get_rules (t->session);

  leave_learner (t);
  if (rules == NULL)
    return;
  t->pane = titrate_learner_pane_new (rules, doc, scenario);
  g_signal_connect (t->pane, "leave", G_CALLBACK (on_leave_cb), t);
  g_signal_connect (t->pane, "submitted", G_CALLBACK (on_submitted_cb), t);
  gtk_stack_add_named (t->stack, t->pane, "learner");
  gtk_stack_set_visible_child (t->stack, t->pane);
}

static void
on_session_changed_cb (TitrateSession *session,
                       guint           flags,
                       GtkWindow      *window)
{
  Teaching *t = get (window);
  const TitrateDocument *doc;
  g_autoptr(TitrateScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  if (t == NULL || !(flags & TITRATE_SESSION_CHANGE_DOCUMENT))
    return;
  doc = titrate_session_get_document (session);
  if (doc == NULL || !titrate_document_has_scenario (doc))
    {
      leave_learner (t);
      return;
    }
  scenario = titrate_scenario_from_document (doc, &error);
  if (scenario == NULL)
    {
      /* A malformed teaching section: the plan opens as a plain plan, and
       * the instructor is told why. */
      leave_learner (t);
      toast (t, error->message);
      return;
    }
  enter_learner (t, doc, scenario);
}

GtkWidget *
titrate_teaching_get_learner_pane (GtkWindow *window)
{
  Teaching *t = get (window);

  return t != NULL ? t->pane : NULL;
}

/* Actions */

static void
open_scenario_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Teaching *t = get (user_data);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (t == NULL || t->session == NULL)
    return;
  path = g_strconcat (SCENARIOS_PATH, name, ".titrate", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL || !titrate_session_load_bytes (t->session, bytes, NULL, &error))
    show_error (t, _("The Scenario Could Not Be Opened"), error->message);
}

static void
leave_learner_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Teaching *t = get (user_data);

  if (t != NULL)
    leave_learner (t);
}

/* Save as teaching scenario: a draft from the current alerts, edited in a
 * dialog, then written with the plan to a file the instructor picks. */

gboolean
titrate_teaching_save_draft (GtkWindow  *window,
                             GFile      *file,
                             GError    **error)
{
  Teaching *t = get (window);
  g_autoptr(TitrateDocument) doc = NULL;

  if (t == NULL || t->draft == NULL || t->session == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No teaching scenario is being saved"));
      return FALSE;
    }
  doc = titrate_session_dup_document_for_saving (t->session);
  titrate_scenario_set_on_document (t->draft, doc);
  return titrate_document_save (doc, file, error);
}

static void
on_scenario_file_chosen_cb (GFile   *file,
                            Teaching *t)
{
  if (file != NULL && t->draft != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!titrate_teaching_save_draft (t->window, file, &error))
        show_error (t, _("The Scenario Could Not Be Saved"), error->message);
      else
        toast (t, _("Teaching scenario saved"));
    }
  g_clear_pointer (&t->draft, titrate_scenario_free);
}

static void
on_draft_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Teaching         *t)
{
  g_autoptr(GPtrArray) kept = NULL;

  if (g_strcmp0 (response, "save") != 0 || t->draft == NULL)
    {
      g_clear_pointer (&t->draft, titrate_scenario_free);
      return;
    }

  g_free (t->draft->title);
  t->draft->title = g_strdup (gtk_editable_get_text (t->draft_title));
  g_free (t->draft->brief);
  t->draft->brief = g_strdup (gtk_editable_get_text (t->draft_brief));
  if (*g_strstrip (t->draft->title) == '\0')
    t->draft->title = (g_free (t->draft->title), g_strdup (_("Untitled scenario")));
  if (*g_strstrip (t->draft->brief) == '\0')
    t->draft->brief = (g_free (t->draft->brief), g_strdup (_("Review this plan.")));
  if (t->draft->explanation == NULL)
    t->draft->explanation = g_strdup (_("Explain the findings here, with their sources."));

  /* Unticked findings are dropped. */
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_finding_free);
  for (guint i = 0; i < t->draft_checks->len && i < t->draft->findings->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (t->draft_checks, i)))
      {
        g_ptr_array_add (kept, g_ptr_array_index (t->draft->findings, i));
        t->draft->findings->pdata[i] = NULL;
      }
  g_ptr_array_unref (t->draft->findings);
  t->draft->findings = g_steal_pointer (&kept);

  titrate_file_chooser_show (t->window, GTK_FILE_CHOOSER_ACTION_SAVE, TITRATE_FILE_KIND_PLAN,
                             _("Save as Teaching Scenario"), _("_Save"), _("scenario.titrate"), NULL,
                             (TitrateFileChosenFunc) on_scenario_file_chosen_cb, t, NULL);
}

static GPtrArray *
current_alerts (Teaching *t)
{
  GListModel *model = titrate_session_get_alerts (t->session);
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_alert_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (model, i);
      TitrateAlert *alert = titrate_alert_item_get_alert (item);

      if (alert != NULL)
        g_ptr_array_add (alerts, titrate_alert_ref (alert));
    }
  return alerts;
}

static void
save_scenario_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Teaching *t = get (user_data);
  g_autoptr(GPtrArray) alerts = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *title_row;
  GtkWidget *brief_row;
  GtkWidget *heading;
  GtkWidget *scrolled;
  const char *title;

  if (t == NULL || t->session == NULL || titrate_session_get_rules (t->session) == NULL)
    return;
  if (!titrate_session_get_checked (t->session))
    {
      show_error (t, _("The Plan Is Not Checked"),
                  _("A scenario's findings come from the checker: correct the plan until it can be checked."));
      return;
    }
  alerts = current_alerts (t);
  title = titrate_session_get_title (t->session);
  g_clear_pointer (&t->draft, titrate_scenario_free);
  t->draft = titrate_scenario_new_from_alerts (title != NULL ? title : "", alerts);
  g_clear_pointer (&t->draft_checks, g_ptr_array_unref);
  t->draft_checks = g_ptr_array_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), t->draft->title);
  brief_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (brief_row), _("Brief for the learner"));
  gtk_list_box_append (GTK_LIST_BOX (list), title_row);
  gtk_list_box_append (GTK_LIST_BOX (list), brief_row);
  t->draft_title = GTK_EDITABLE (title_row);
  t->draft_brief = GTK_EDITABLE (brief_row);
  gtk_box_append (GTK_BOX (box), list);

  heading = gtk_label_new (_("Findings that count (from the current alerts; untick to leave one out)"));
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < t->draft->findings->len; i++)
    {
      const TitrateFinding *f = g_ptr_array_index (t->draft->findings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", titrate_category_to_label (f->category),
                                                   titrate_severity_to_label (f->min_severity));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), f->min_severity >= TITRATE_SEVERITY_MODERATE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (t->draft_checks, check);
    }
  if (t->draft->findings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No alerts: the scenario will teach restraint"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  dialog = adw_message_dialog_new (t->window, _("Save as Teaching Scenario"),
                                   _("Learners will see the plan and the brief, not the alerts. "
                                     "Edit the explanation and sources in the saved file."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_signal_connect (dialog, "response", G_CALLBACK (on_draft_response_cb), t);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
titrate_teaching_write_scores (GFile   *file,
                               GError **error)
{
  g_autofree char *csv = titrate_session_rows_to_csv (titrate_teaching_get_scores ());

  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
on_scores_file_chosen_cb (GFile    *file,
                          Teaching *t)
{
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;
  if (!titrate_teaching_write_scores (file, &error))
    show_error (t, _("The Scores Could Not Be Exported"), error->message);
  else
    toast (t, _("Session scores exported"));
}

static void
export_scores_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Teaching *t = get (user_data);

  if (t == NULL)
    return;
  titrate_file_chooser_show (t->window, GTK_FILE_CHOOSER_ACTION_SAVE, TITRATE_FILE_KIND_CSV,
                             _("Export Session Scores"), _("_Export"), _("scores.csv"), NULL,
                             (TitrateFileChosenFunc) on_scores_file_chosen_cb, t, NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  gtk_show_uri (GTK_WINDOW (user_data), "help:" APP_ID, GDK_CURRENT_TIME);
}

static const GActionEntry entries[] = {
  { "open-scenario", open_scenario_action, "s" },
  { "save-scenario", save_scenario_action },
  { "export-scores", export_scores_action },
  { "leave-learner", leave_learner_action },
  { "help", help_action },
};

/* Links the teaching resources in (the static library would drop them). */
void
titrate_teaching_ensure_resources (void)
{
  (void) titrate_teaching_get_resource ();
}

void
titrate_teaching_install (GtkWindow *window)
{
  Teaching *t = g_new0 (Teaching, 1);

  titrate_teaching_ensure_resources ();
  t->window = window;
  g_object_set_data_full (G_OBJECT (window), STATE_KEY, t, (GDestroyNotify) teaching_free);
  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
}

void
titrate_teaching_attach (GtkWindow      *window,
                         GtkStack       *stack,
                         TitrateSession *session)
{
  Teaching *t = get (window);
  GtkApplication *application = gtk_window_get_application (window);

  g_return_if_fail (t != NULL);
  t->stack = stack;
  t->session = session;
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), window, 0);
  if (application != NULL)
    {
      const char *help_accels[] = { "F1", NULL };

      gtk_application_set_accels_for_action (application, "win.help", help_accels);
    }
}
