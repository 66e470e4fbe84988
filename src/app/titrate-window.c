/* titrate-window.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: patient and regimen on the left, calendar, schedule and
 * chart in the middle, alerts always visible on the right. It is given its
 * settings and rules database when it is made (see
 * titrate_application_new_window()), owns one TitrateSession and wires the
 * views to it; files, examples, suggestions and acknowledgements reach it
 * through win.* actions (titrate-window-actions.c). Without a usable rules
 * database it shows a blocking page and no plan at all.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "titrate-app-resources.h"
#include "titrate-autosave.h"
#include "titrate-plan-view.h"
#include "titrate-recent.h"
#include "titrate-rules-source.h"
#include "titrate-teaching.h"
#include "titrate-ui-utils.h"
#include "titrate-window-output.h"
#include "titrate-window-private.h"
#include "titrate-wrap-bin.h"

#define EXAMPLES_PATH "/io/github/titrate/Titrate/examples/"

G_DEFINE_FINAL_TYPE (TitrateWindow, titrate_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_RULES,
  PROP_RULES_ERROR,
  PROP_RULES_SOURCE,
  PROP_RULES_FAILURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers (shared with titrate-window-actions.c) */

void
_titrate_window_toast (TitrateWindow *self,
                       const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
_titrate_window_show_error (TitrateWindow *self,
                            const char    *heading,
                            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_titrate_window_is_blocked (TitrateWindow *self)
{
  return self->session == NULL || titrate_session_get_rules (self->session) == NULL;
}

gboolean
_titrate_window_can_save_final (TitrateWindow *self)
{
  /* An empty plan is never ready to save as final. */
  return !_titrate_window_is_blocked (self) &&
         self->plan_view != NULL &&
         titrate_session_get_regimen (self->session)->steps->len > 0 &&
         titrate_session_get_checked (self->session) &&
         titrate_session_count_unacknowledged (self->session) == 0 &&
         titrate_plan_view_get_n_invalid (self->plan_view) == 0;
}

void
_titrate_window_update_actions (TitrateWindow *self)
{
  gboolean blocked = _titrate_window_is_blocked (self);
  const char *plan_actions[] = { "new", "open", "open-example", "save", "save-as", "suggest", "acknowledge",
                                 "show-alerts", "next-pane", "toggle-form",
                                 "open-recent", "print", "export-pdf", "export-ics", "export-csv" };

  for (guint i = 0; i < G_N_ELEMENTS (plan_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), plan_actions[i]);

      /* Print and export exist only with a plan (titrate-window-output.c). */
      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !blocked);
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "save-final")),
                               _titrate_window_can_save_final (self));
}

/* The header's title (up to two lines) and subtitle; the full title is
 * also the tooltip when even two lines cannot hold it. */
static void
set_window_title (TitrateWindow *self,
                  const char    *title,
                  const char    *subtitle)
{
  g_autofree char *shown = titrate_keep_units_together (title);

  gtk_label_set_label (self->title_label, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
}

static void
update_title (TitrateWindow *self)
{
  const char *title;
  GFile *file;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (self->session == NULL)
    return;
  if (_titrate_window_is_blocked (self))
    {
      set_window_title (self, _("Titrate"), _("Rules database unavailable"));
      return;
    }

  title = titrate_session_get_title (self->session);
  file = titrate_session_get_file (self->session);
  if (titrate_session_get_dirty (self->session))
    subtitle = g_strdup (_("Unsaved changes"));
  else if (titrate_session_get_final (self->session))
    subtitle = g_strdup (_("Saved as final plan"));
  else if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent != NULL ? g_file_get_parse_name (parent) : NULL;

      subtitle = g_strdup (path != NULL ? path : "");
    }
  else
    subtitle = g_strdup (_("Not saved"));

  set_window_title (self, title, subtitle);
  /* Translators: window title for the window list, "Titrate — plan.titrate" */
  window_title = g_strdup_printf (_("Titrate — %s"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

TitrateCreatinineUnit
_titrate_window_default_creatinine_unit (TitrateWindow *self)
{
  if (self->settings == NULL)
    return TITRATE_CREATININE_MG_DL;
  return g_settings_get_enum (self->settings, "creatinine-unit") == 1
         ? TITRATE_CREATININE_UMOL_L : TITRATE_CREATININE_MG_DL;
}

/* "moderate" → TITRATE_SEVERITY_MODERATE, for the alert list's property. */
static gboolean
severity_from_setting (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  TitrateSeverity severity;

  if (!titrate_severity_from_string (g_variant_get_string (variant, NULL), &severity))
    return FALSE;
  g_value_set_int (value, (int) severity);
  return TRUE;
}

static void
do_close (TitrateWindow *self,
          gpointer       data)
{
  self->close_confirmed = TRUE;
  /* Saved, or the changes discarded on purpose: nothing to recover. */
  if (self->autosave != NULL)
    titrate_autosave_discard (self->autosave);
  gtk_window_close (GTK_WINDOW (self));
}

/* Callbacks */

/* Picks the plan view's layout for the window's width before the first
 * allocation. At realize, not when the window is built: GTK has then
 * computed the styles (gtk_window_show validates them just before), so
 * the measures made here are the ones the first frame uses. Made at
 * construction, they were made with styles that the validation then
 * replaced, and made again: 31 M instructions to the first frame. */
static void
on_realize_cb (TitrateWindow *self)
{
  int width = 0, height = 0;

  g_signal_handlers_disconnect_by_func (self, on_realize_cb, NULL);
  if (self->plan_view == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  titrate_plan_view_prepare_width (self->plan_view, width);
}

static void
on_session_changed_cb (TitrateWindow *self,
                       guint          flags)
{
  /* The creatinine unit last chosen by hand is the default for new plans. */
  if (self->settings != NULL &&
      (flags & TITRATE_SESSION_CHANGE_PATIENT) && !(flags & TITRATE_SESSION_CHANGE_DOCUMENT))
    {
      int unit = titrate_session_get_patient (self->session)->creatinine_unit == TITRATE_CREATININE_UMOL_L ? 1 : 0;

      if (g_settings_get_enum (self->settings, "creatinine-unit") != unit)
        g_settings_set_enum (self->settings, "creatinine-unit", unit);
    }
  if (flags & (TITRATE_SESSION_CHANGE_ALERTS | TITRATE_SESSION_CHANGE_DOCUMENT))
    _titrate_window_update_actions (self);
}

static void
on_session_notify_cb (TitrateWindow *self)
{
  update_title (self);
  _titrate_window_update_actions (self);
}

static void
on_invalid_changed_cb (TitrateWindow *self)
{
  _titrate_window_update_actions (self);
}

static void
on_autosave_error_cb (TitrateWindow *self)
{
  const GError *error = titrate_autosave_get_error (self->autosave);

  if (error != NULL)
    {
      /* Translators: %s is the reason */
      g_autofree char *text = g_strdup_printf (_("Unsaved changes could not be autosaved: %s"), error->message);

      _titrate_window_toast (self, text);
    }
}

static gboolean
titrate_window_close_request (GtkWindow *window)
{
  TitrateWindow *self = TITRATE_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  if (!self->close_confirmed && !_titrate_window_is_blocked (self) && titrate_session_get_dirty (self->session))
    {
      _titrate_window_maybe_discard (self, do_close, NULL, NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (titrate_window_parent_class)->close_request (window);
}

/* GObject */

static void
titrate_window_dispose (GObject *object)
{
  TitrateWindow *self = TITRATE_WINDOW (object);

  /* Unsaved changes without a decision are written now and kept. */
  g_clear_object (&self->autosave);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), TITRATE_TYPE_WINDOW);

  G_OBJECT_CLASS (titrate_window_parent_class)->dispose (object);
}

static void
titrate_window_finalize (GObject *object)
{
  TitrateWindow *self = TITRATE_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->rules);
  g_clear_error (&self->rules_error);
  g_clear_pointer (&self->rules_failure, g_free);

  G_OBJECT_CLASS (titrate_window_parent_class)->finalize (object);
}

static void titrate_window_constructed (GObject *object);

static void
titrate_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TitrateWindow *self = TITRATE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;
    case PROP_RULES_ERROR:
      g_value_set_boxed (value, self->rules_error);
      break;
    case PROP_RULES_SOURCE:
      g_value_set_int (value, (int) self->rules_source);
      break;
    case PROP_RULES_FAILURE:
      g_value_set_string (value, self->rules_failure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TitrateWindow *self = TITRATE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_RULES:
      self->rules = g_value_dup_object (value);
      break;
    case PROP_RULES_ERROR:
      self->rules_error = g_value_dup_boxed (value);
      break;
    case PROP_RULES_SOURCE:
      self->rules_source = (TitrateRulesSource) g_value_get_int (value);
      break;
    case PROP_RULES_FAILURE:
      self->rules_failure = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_window_class_init (TitrateWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = titrate_window_constructed;
  object_class->get_property = titrate_window_get_property;
  object_class->set_property = titrate_window_set_property;
  object_class->dispose = titrate_window_dispose;
  object_class->finalize = titrate_window_finalize;

  g_type_ensure (TITRATE_TYPE_WRAP_BIN);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, TITRATE_TYPE_RULES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES_ERROR] =
    g_param_spec_boxed ("rules-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES_SOURCE] =
    g_param_spec_int ("rules-source", NULL, NULL, TITRATE_RULES_SOURCE_EMBEDDED, TITRATE_RULES_SOURCE_SETTINGS,
                      TITRATE_RULES_SOURCE_EMBEDDED,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES_FAILURE] =
    g_param_spec_string ("rules-failure", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = titrate_window_close_request;

  (void) titrate_app_get_resource ();   /* keeps the templates linked in */

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, form_button);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, examples_button);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, disclaimer_revealer);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, review_banner);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, review_icon);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, review_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TitrateWindow, toast_overlay);
}

static void
titrate_window_init (TitrateWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The split button's two halves, unnamed in libadwaita 1.2. */
  titrate_accessible_name_inner (GTK_WIDGET (self->save_button), GTK_TYPE_MENU_BUTTON, _("More ways to save"));
  {
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->save_button));

    if (GTK_IS_BUTTON (first) && !GTK_IS_MENU_BUTTON (first))
      gtk_accessible_update_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"), -1);
  }

  _titrate_window_actions_init (self);
  titrate_recent_install_action (GTK_WINDOW (self));
  titrate_teaching_install (GTK_WINDOW (self));   /* teaching mode, help */
}

/* Public API */

/* A header menu's popover, made when first opened. */
static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, g_object_get_data (G_OBJECT (button), "titrate-menu"));
}

/* Builds the plan's panes for the rules given at construction, or the
 * blocking page without them. Run once, by titrate_window_new(). */
static void
load (TitrateWindow *self)
{
  TitrateRules *rules = self->rules;

  if (self->session != NULL)
    return;

  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/titrate/Titrate/ui/titrate-menus.ui");

    /* The menus' popovers (some 50 widgets) are made when first opened. */
    g_object_set_data_full (G_OBJECT (self->examples_button), "titrate-menu",
                            g_object_ref (gtk_builder_get_object (builder, "examples_menu")), g_object_unref);
    gtk_menu_button_set_create_popup_func (self->examples_button, create_menu_popup_cb, NULL, NULL);
    g_object_set_data_full (G_OBJECT (self->menu_button), "titrate-menu",
                            g_object_ref (gtk_builder_get_object (builder, "primary_menu")), g_object_unref);
    gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_popup_cb, NULL, NULL);
    adw_split_button_set_menu_model (self->save_button,
                                     G_MENU_MODEL (gtk_builder_get_object (builder, "save_menu")));
    titrate_recent_bind_menu (G_MENU (gtk_builder_get_object (builder, "recent_section")));
  }

  if (rules == NULL && self->rules_error == NULL)
    self->rules_error = g_error_new_literal (TITRATE_ERROR, TITRATE_ERROR_RULES,
                                             _("No rules database was given"));
  self->session = titrate_session_new (rules, self->rules_error);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify", G_CALLBACK (on_session_notify_cb), self, G_CONNECT_SWAPPED);

  if (rules == NULL)
    {
      /* Nothing can be checked: show which file, why, and no plan at all. */
      const char *description = self->rules_failure != NULL ? self->rules_failure : self->rules_error->message;

      self->blocked_page = ADW_STATUS_PAGE (adw_status_page_new ());
      adw_status_page_set_icon_name (self->blocked_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->blocked_page, _("Rules database unavailable — nothing can be checked"));
      adw_status_page_set_description (self->blocked_page, description);
      gtk_widget_add_css_class (GTK_WIDGET (self->blocked_page), "blocked");
      adw_status_page_set_child (self->blocked_page, titrate_rules_source_blocked_actions (self->rules_source));
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->blocked_page), "blocked");
      gtk_stack_set_visible_child_name (self->main_stack, "blocked");
    }
  else
    {
      const char *view = g_getenv ("TITRATE_VIEW");
      AdwViewStack *views;
      GtkWidget *plan;

      g_autofree char *review_warning = titrate_rules_source_review_warning (rules);

      titrate_session_new_document (self->session, _titrate_window_default_creatinine_unit (self));
      /* Past the database's review-by date: a warning that stays, not a
       * block, in full (a toast would cut it to one line). */
      if (review_warning != NULL)
        {
          gtk_label_set_text (self->review_label, review_warning);
          gtk_image_set_from_icon_name (self->review_icon, titrate_severity_icon_name (TITRATE_SEVERITY_MODERATE));
          gtk_widget_set_visible (self->review_banner, TRUE);
        }
      self->autosave = titrate_autosave_new (self->session);
      g_signal_connect_object (self->autosave, "notify::error", G_CALLBACK (on_autosave_error_cb),
                               self, G_CONNECT_SWAPPED);
      plan = titrate_plan_view_new (self->session);
      self->plan_view = TITRATE_PLAN_VIEW (plan);
      g_signal_connect_object (plan, "notify::n-invalid", G_CALLBACK (on_invalid_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, plan, "plan");
      /* The layout for the window's width from the first frame on. */
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        on_realize_cb (self);
      else
        g_signal_connect (self, "realize", G_CALLBACK (on_realize_cb), NULL);
      titrate_window_output_install (GTK_WINDOW (self), self->session, self->plan_view,
                                     self->settings, self->toast_overlay);
      gtk_stack_set_visible_child_name (self->main_stack, "plan");
      /* Teaching mode: a scenario opens as learner mode (page "learner"). */
      titrate_teaching_attach (GTK_WINDOW (self), self->main_stack, self->session);
      /* The header's Patient toggle shows and hides the form pane. */
      g_object_bind_property (titrate_plan_view_get_flap (self->plan_view), "reveal-flap",
                              self->form_button, "active",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->form_button), TRUE);
      /* The decision-support notice, until acknowledged (first run). */
      gtk_widget_set_visible (GTK_WIDGET (self->disclaimer_revealer),
                              self->settings == NULL ||
                              !g_settings_get_boolean (self->settings, "disclaimer-accepted"));
      /* Alerts below this severity are folded (and counted). */
      if (self->settings != NULL)
        g_settings_bind_with_mapping (self->settings, "min-inline-severity",
                                      titrate_plan_view_get_alert_list (self->plan_view), "min-inline-severity",
                                      G_SETTINGS_BIND_GET, severity_from_setting, NULL, NULL, NULL);
      /* tools/screenshots.sh picks the page to render. */
      views = titrate_plan_view_get_view_stack (self->plan_view);
      if (view != NULL && adw_view_stack_get_child_by_name (views, view) != NULL)
        adw_view_stack_set_visible_child_name (views, view);
    }

  update_title (self);
  _titrate_window_update_actions (self);
}

/* Never larger than the screen: a size saved on a bigger monitor, or the
 * default, must not push the alerts or the close button off this one. */
static void
set_default_size_on_screen (TitrateWindow *self,
                            int            width,
                            int            height)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = display != NULL ? gdk_display_get_monitors (display) : NULL;

  if (monitors != NULL && g_list_model_get_n_items (monitors) > 0)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      if (geometry.width > 0)
        width = MIN (width, geometry.width);
      if (geometry.height > 0)
        height = MIN (height, geometry.height);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
}

static void
titrate_window_constructed (GObject *object)
{
  TitrateWindow *self = TITRATE_WINDOW (object);

  G_OBJECT_CLASS (titrate_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    set_default_size_on_screen (self, 1400, 880);
  else
    {
      set_default_size_on_screen (self,
                                  g_settings_get_int (self->settings, "window-width"),
                                  g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

/**
 * titrate_window_new:
 * @application: the application
 * @settings: (nullable): the app's settings; %NULL remembers nothing
 * @rules: (nullable): the rules database the plan is checked against
 * @rules_error: (nullable): why @rules is %NULL
 * @rules_source: where the rules database was looked for
 * @rules_failure: (nullable): the blocking page's text when @rules is %NULL
 *
 * A window for one plan. Without @rules it shows only the blocking page.
 */
TitrateWindow *
titrate_window_new (GtkApplication     *application,
                    GSettings          *settings,
                    TitrateRules       *rules,
                    const GError       *rules_error,
                    TitrateRulesSource  rules_source,
                    const char         *rules_failure)
{
  TitrateWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (rules == NULL || TITRATE_IS_RULES (rules), NULL);

  self = g_object_new (TITRATE_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "rules", rules,
                       "rules-error", rules_error,
                       "rules-source", (int) rules_source,
                       "rules-failure", rules_failure,
                       NULL);
  /* Built once the window belongs to the application ("application" is
   * set after construction), so the plan's accelerators reach it. */
  load (self);
  return self;
}

/* (transfer none) (nullable): the plan's panes; NULL when
 * the rules database is unavailable */
TitratePlanView *
titrate_window_get_plan_view (TitrateWindow *self)
{
  g_return_val_if_fail (TITRATE_IS_WINDOW (self), NULL);

  return self->plan_view;
}

TitrateSession *
titrate_window_get_session (TitrateWindow *self)
{
  g_return_val_if_fail (TITRATE_IS_WINDOW (self), NULL);

  return self->session;
}

gboolean
titrate_window_get_blocked (TitrateWindow *self)
{
  g_return_val_if_fail (TITRATE_IS_WINDOW (self), TRUE);

  return _titrate_window_is_blocked (self);
}

gboolean
titrate_window_get_can_save_final (TitrateWindow *self)
{
  g_return_val_if_fail (TITRATE_IS_WINDOW (self), FALSE);

  return _titrate_window_can_save_final (self);
}

/* An untouched new plan, which an opened file may replace. */
gboolean
titrate_window_is_pristine (TitrateWindow *self)
{
  g_return_val_if_fail (TITRATE_IS_WINDOW (self), FALSE);

  return !_titrate_window_is_blocked (self) &&
         titrate_session_get_file (self->session) == NULL &&
         !titrate_session_get_dirty (self->session) &&
         titrate_session_get_regimen (self->session)->steps->len == 0;
}

gboolean
titrate_window_open_file (TitrateWindow  *self,
                          GFile          *file,
                          GError        **error)
{
  g_return_val_if_fail (TITRATE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (_titrate_window_is_blocked (self))
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                           _("The rules database is unavailable: no plan can be opened"));
      return FALSE;
    }
  if (!titrate_session_load_file (self->session, file, error))
    return FALSE;
  titrate_recent_add (file);
  return TRUE;
}

/* (transfer full) (nullable): the Examples menu's label for @name */
static char *
example_label (TitrateWindow *self,
               const char    *name)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (self->examples_button);

  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *target = NULL;
          g_autofree char *label = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_TARGET, "s", &target) &&
              g_strcmp0 (target, name) == 0 &&
              g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label))
            return g_steal_pointer (&label);
        }
    }
  return NULL;
}

/* Opens a bundled teaching case as an untitled plan. */
gboolean
titrate_window_open_example (TitrateWindow  *self,
                             const char     *name,
                             GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TITRATE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (_titrate_window_is_blocked (self))
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                           _("The rules database is unavailable: no plan can be opened"));
      return FALSE;
    }
  path = g_strconcat (EXAMPLES_PATH, name, ".titrate", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  if (!titrate_session_load_bytes (self->session, bytes, NULL, error))
    return FALSE;
  /* The title in the user's language: the Examples menu's, translated. */
  {
    g_autofree char *label = example_label (self, name);

    if (label != NULL)
      titrate_session_set_title (self->session, label);
  }
  gtk_widget_activate_action (GTK_WIDGET (titrate_plan_view_get_calendar_view (self->plan_view)),
                              "calendar.go-to-start", NULL);
  return TRUE;
}

gboolean
titrate_window_save_to_file (TitrateWindow  *self,
                             GFile          *file,
                             gboolean        final,
                             GError        **error)
{
  g_return_val_if_fail (TITRATE_IS_WINDOW (self), FALSE);

  if (final && !_titrate_window_can_save_final (self))
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("Not ready to save as final: acknowledge every contraindicated or "
                             "major alert and correct the fields marked in red"));
      return FALSE;
    }
  return titrate_session_save (self->session, file, final, error);
}

/* (transfer none) (nullable): the autosave of the window's plan; NULL when
 * the rules database is unavailable */
TitrateAutosave *
titrate_window_get_autosave (TitrateWindow *self)
{
  g_return_val_if_fail (TITRATE_IS_WINDOW (self), NULL);

  return self->autosave;
}

void
titrate_window_add_toast (TitrateWindow *self,
                          const char    *text)
{
  g_return_if_fail (TITRATE_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  _titrate_window_toast (self, text);
}
