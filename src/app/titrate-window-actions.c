/* titrate-window-actions.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's win.* actions for the plan: new, open (a file or an
 * example), save (as draft or final, asking about unsaved changes first),
 * suggest, acknowledge, and moving between the panes.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "titrate-file-chooser.h"
#include "titrate-plan-view.h"
#include "titrate-recent.h"
#include "titrate-ui-utils.h"
#include "titrate-window-private.h"

/* Continuations after a decision about unsaved changes */

static void
pending_free (Pending *pending)
{
  if (pending == NULL)
    return;
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_free (pending);
}

static void
pending_run (TitrateWindow *self,
             Pending       *pending)
{
  if (pending != NULL && pending->func != NULL)
    pending->func (self, pending->data);
}

static Pending *
pending_new (Continuation   func,
             gpointer       data,
             GDestroyNotify destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;
  return pending;
}

/* Unsaved changes */

static void save_with_chooser (TitrateWindow *self,
                               gboolean       final,
                               Pending       *then);

static gboolean
save_now (TitrateWindow *self,
          GFile         *file,
          gboolean       final)
{
  g_autoptr(GError) error = NULL;

  if (!titrate_session_save (self->session, file, final, &error))
    {
      _titrate_window_show_error (self, _("The Plan Was Not Saved"), error->message);
      return FALSE;
    }
  titrate_recent_add (file);
  _titrate_window_toast (self, final ? _("Saved as final plan") : _("Plan saved"));
  return TRUE;
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TitrateWindow    *self)
{
  Pending *pending = g_object_steal_data (G_OBJECT (dialog), "pending");
  GFile *file = titrate_session_get_file (self->session);

  if (g_strcmp0 (response, "discard") == 0)
    pending_run (self, pending);
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (file != NULL)
        {
          if (save_now (self, file, titrate_session_get_final (self->session)))
            pending_run (self, pending);
        }
      else
        {
          save_with_chooser (self, FALSE, g_steal_pointer (&pending));
          return;
        }
    }
  pending_free (pending);
}

/* Runs @func now, or after the person chose to save or discard changes. */
void
_titrate_window_maybe_discard (TitrateWindow  *self,
                               Continuation    func,
                               gpointer        data,
                               GDestroyNotify  destroy)
{
  GtkWidget *dialog;

  if (!titrate_session_get_dirty (self->session))
    {
      func (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                   _("This plan has changes that are not saved. "
                                     "Unsaved changes are lost if you discard them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pending", pending_new (func, data, destroy),
                          (GDestroyNotify) pending_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* File chooser */

typedef struct {
  TitrateWindow *window;
  gboolean       final;
  Pending       *then;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  pending_free (request->then);
  g_clear_object (&request->window);
  g_free (request);
}

static void
on_save_file_chosen_cb (GFile       *file,
                        SaveRequest *request)
{
  /* The .titrate extension is kept, so the desktop opens it with Titrate. */
  if (file != NULL && save_now (request->window, file, request->final))
    pending_run (request->window, request->then);
}

static void
save_with_chooser (TitrateWindow *self,
                   gboolean       final,
                   Pending       *then)
{
  GFile *file = titrate_session_get_file (self->session);
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->window = g_object_ref (self);
  request->final = final;
  request->then = then;
  titrate_file_chooser_show (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, TITRATE_FILE_KIND_PLAN,
                             final ? _("Save as Final Plan") : _("Save Plan"), _("_Save"),
                             file == NULL ? _("plan.titrate") : NULL, file,
                             (TitrateFileChosenFunc) on_save_file_chosen_cb, request,
                             (GDestroyNotify) save_request_free);
}

static void
on_open_file_chosen_cb (GFile         *file,
                        TitrateWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (file != NULL && !titrate_window_open_file (self, file, &error))
    _titrate_window_show_error (self, _("The Plan Could Not Be Opened"), error->message);
}

static void
open_with_chooser (TitrateWindow *self,
                   gpointer       data)
{
  titrate_file_chooser_show (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, TITRATE_FILE_KIND_PLAN,
                             _("Open Plan"), _("_Open"), NULL, NULL,
                             (TitrateFileChosenFunc) on_open_file_chosen_cb, g_object_ref (self), g_object_unref);
}

/* Continuations */

static void
do_new (TitrateWindow *self,
        gpointer       data)
{
  titrate_session_new_document (self->session, _titrate_window_default_creatinine_unit (self));
}

static void
do_open_example (TitrateWindow *self,
                 gpointer       data)
{
  g_autoptr(GError) error = NULL;

  if (!titrate_window_open_example (self, data, &error))
    _titrate_window_show_error (self, _("The Example Could Not Be Opened"), error->message);
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  _titrate_window_maybe_discard (TITRATE_WINDOW (user_data), do_new, NULL, NULL);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  _titrate_window_maybe_discard (TITRATE_WINDOW (user_data), open_with_chooser, NULL, NULL);
}

static void
open_example_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  _titrate_window_maybe_discard (TITRATE_WINDOW (user_data), do_open_example,
                 g_variant_dup_string (parameter, NULL), g_free);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);
  GFile *file = titrate_session_get_file (self->session);

  /* What is typed on screen is what is saved. */
  titrate_plan_view_commit_pending (self->plan_view);
  if (file != NULL)
    save_now (self, file, titrate_session_get_final (self->session));
  else
    save_with_chooser (self, FALSE, NULL);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);

  titrate_plan_view_commit_pending (self->plan_view);
  save_with_chooser (self, titrate_session_get_final (self->session) && !titrate_session_get_dirty (self->session),
                     NULL);
}

static void
save_final_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);
  GFile *file = titrate_session_get_file (self->session);

  titrate_plan_view_commit_pending (self->plan_view);
  if (!_titrate_window_can_save_final (self))
    {
      _titrate_window_show_error (self, _("Not Ready to Save as Final"),
                                  _("Add the doses, acknowledge every contraindicated or major alert with a "
                                    "reason, and correct any field marked in red, first."));
      return;
    }
  if (file != NULL)
    save_now (self, file, TRUE);
  else
    save_with_chooser (self, TRUE, NULL);
}

static void
suggest_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);
  g_autoptr(TitrateSuggestion) suggestion = NULL;
  g_autoptr(TitrateRegimen) regimen = NULL;
  g_autoptr(GError) error = NULL;

  /* Suggest never proposes a dose the product cannot give: without a
   * strength it cannot know, so it asks for one first. */
  if (titrate_session_get_regimen (self->session)->route == TITRATE_ROUTE_ORAL)
    {
      double probe = NAN;

      titrate_planner_units (titrate_session_get_rules (self->session),
                             titrate_session_get_regimen (self->session), 1, &probe);
      if (isnan (probe))
        {
          _titrate_window_show_error (self, _("Choose a Strength First"),
                                      _("A suggested dose must be one the product can give. Choose the "
                                        "tablet strength, packet or liquid concentration, then ask for a "
                                        "suggestion again."));
          return;
        }
    }

  suggestion = titrate_planner_suggest (titrate_session_get_rules (self->session),
                                        titrate_session_get_patient (self->session),
                                        titrate_session_get_regimen (self->session),
                                        &error);
  if (suggestion == NULL)
    {
      _titrate_window_show_error (self, _("No Suggested Protocol"), error->message);
      return;
    }

  regimen = titrate_regimen_copy (titrate_session_get_regimen (self->session));
  regimen->has_protocol = TRUE;
  regimen->protocol = suggestion->protocol;
  if (regimen->route == TITRATE_ROUTE_ORAL)
    {
      const double doses[] = { suggestion->protocol.start_dose_mg, suggestion->protocol.step_mg_per_dose };

      for (guint i = 0; i < G_N_ELEMENTS (doses); i++)
        {
          double units = NAN;

          if (!isnan (doses[i]) && doses[i] > 0 &&
              !titrate_planner_units (titrate_session_get_rules (self->session), regimen, doses[i], &units))
            {
              g_autofree char *amount = titrate_format_amount_display (doses[i]);
              /* Translators: %s is a dose in mg, e.g. "3.333" */
              g_autofree char *body = g_strdup_printf (_("The suggestion needs %s mg per dose, which the chosen "
                                                         "product cannot give. Choose another strength or a "
                                                         "liquid, or enter the protocol by hand."), amount);

              _titrate_window_show_error (self, _("The Suggested Dose Cannot Be Measured"), body);
              return;
            }
        }
    }
  /* The session keeps the suggestion; the form shows it from there. */
  if (!titrate_session_apply_suggestion (self->session, regimen, suggestion->notes, &error))
    {
      _titrate_window_show_error (self, _("The Suggested Protocol Could Not Be Used"), error->message);
      return;
    }
  _titrate_window_toast (self, _("Suggested protocol filled in: review its notes and the alerts"));
}

static void
acknowledge_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);
  const char *code, *reason;

  g_variant_get (parameter, "(&s&s)", &code, &reason);
  titrate_session_acknowledge (self->session, code, reason);
  _titrate_window_toast (self, _("Acknowledgement recorded in the plan"));
}

static void
accept_disclaimer_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "disclaimer-accepted", TRUE);
  /* Hidden, not just unrevealed: a GtkRevealer without a transition still
   * reserved its height in GTK 4.8, leaving a blank band. */
  gtk_widget_set_visible (GTK_WIDGET (self->disclaimer_revealer), FALSE);
}

static void
show_alerts_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);

  if (self->plan_view != NULL)
    titrate_plan_view_show_alerts (self->plan_view);
}

static void
next_pane_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);

  if (self->plan_view != NULL)
    titrate_plan_view_focus_next_pane (self->plan_view);
}

static void
toggle_form_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);

  if (self->plan_view != NULL)
    {
      AdwFlap *flap = titrate_plan_view_get_flap (self->plan_view);

      adw_flap_set_reveal_flap (flap, !adw_flap_get_reveal_flap (flap));
      if (adw_flap_get_reveal_flap (flap))
        gtk_widget_child_focus (adw_flap_get_flap (flap), GTK_DIR_TAB_FORWARD);
    }
}

/* The keyboard shortcuts window is built when first asked for (a
 * GtkShortcutsWindow of some 150 widgets), not for every window at start
 * as GtkApplication does with gtk/help-overlay.ui. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  TitrateWindow *self = TITRATE_WINDOW (user_data);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/titrate/Titrate/titrate-shortcuts.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

static const GActionEntry win_entries[] = {
  { "show-help-overlay", show_help_overlay_action },
  { "show-alerts", show_alerts_action },
  { "next-pane", next_pane_action },
  { "toggle-form", toggle_form_action },
  { "new", new_action },
  { "open", open_action },
  { "open-example", open_example_action, "s" },
  { "save", save_action },
  { "save-as", save_as_action },
  { "save-final", save_final_action },
  { "suggest", suggest_action },
  { "acknowledge", acknowledge_action, "(ss)" },
  { "accept-disclaimer", accept_disclaimer_action },
};

void
_titrate_window_actions_init (TitrateWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
}
