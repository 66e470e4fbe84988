/* titrate-application.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: app.* actions and accelerators, the About window with
 * the rules database's versions and sources, and file opening. Nothing
 * slow happens before the first window is shown: the rules database is
 * opened from memory in a few milliseconds.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "titrate-app-resources.h"
#include "titrate-application.h"
#include "titrate-pump-marks.h"
#include "titrate-preferences-window.h"
#include "titrate-recovery.h"
#include "titrate-rules-source.h"
#include "titrate-start-memory.h"
#include "titrate-ui-utils.h"
#include "titrate-window.h"

#define SCHEMA_ID      "io.github.titrate.Titrate"
#define RESOURCE_PATH  "/io/github/titrate/Titrate"

struct _TitrateApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        settings_looked_up;
  char           *example;        /* --example NAME, opened on activate */
  char           *rules_option;   /* --rules FILE */
  TitrateRulesSource rules_source; /* where the last open looked */
  char           *rules_path;
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (TitrateApplication, titrate_application, ADW_TYPE_APPLICATION)

/* Helpers */

static TitrateWindow *
get_window (TitrateApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TITRATE_IS_WINDOW (window))
    return TITRATE_WINDOW (window);
  /* The plan is built before the first frame: what matters is the time to
   * usable content, and an empty shell painted first then laid out again
   * made that about 150 ms longer (measured with startup_settled.py). */
  return titrate_application_new_window (self);
}

static char *
describe_rules (TitrateRules *rules,
                GString      *sources)
{
  g_autoptr(GPtrArray) list = titrate_rules_list_sources (rules);

  for (guint i = 0; i < list->len; i++)
    {
      const TitrateSource *source = g_ptr_array_index (list, i);

      g_autofree char *key = g_markup_escape_text (source->key, -1);
      g_autofree char *citation = g_markup_escape_text (source->citation, -1);

      /* The legal section's text is markup. */
      g_string_append_printf (sources, "%s — %s\n", key, citation);
    }
  /* Translators: "Titrate baclofen rules 2026.11.1 (2026-11-21), schema 1, 52 sources" */
  /* Translators: 1: title, 2: version, 3: date, 4: schema, 5: number of sources, 6: "built in" or a
   * file name, 7: a review date, 8: SHA-256 (hex) */
  return g_strdup_printf (_("%s %s (%s), schema %d, %u sources; %s; review by %s; SHA-256 %s"),
                          titrate_rules_get_title (rules),
                          titrate_rules_get_content_version (rules),
                          titrate_rules_get_content_date (rules),
                          titrate_rules_get_schema_version (rules),
                          list->len,
                          titrate_rules_is_embedded (rules) ? _("built in") : titrate_rules_get_origin (rules),
                          titrate_rules_get_review_by (rules) ? titrate_rules_get_review_by (rules) : "—",
                          titrate_rules_get_digest (rules));
}

/* Once per run, at the first window: plans a crash left unsaved. */
static void
offer_recovery (TitrateApplication *self,
                GtkWindow          *parent)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  titrate_recovery_offer (parent, (TitrateRecoveryNewWindow) titrate_application_new_window, self);
}

/* First-frame measurement for bench/first-frame.py: prints the monotonic
 * time of the first painted frame, then quits. */

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  const char *delay = g_getenv ("TITRATE_QUIT_DELAY_MS");

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_timeout_add_once (delay != NULL ? (guint) g_ascii_strtoull (delay, NULL, 10) : 0,
                      (GSourceOnceFunc) g_application_quit, app);
}

static void
on_window_map_cb (GtkWidget *window,
                  gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, on_window_map_cb, user_data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), user_data);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TitrateApplication *self = TITRATE_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *rules_text = NULL;
  g_autofree char *comments = NULL;
  GtkWidget *about;
  const char *developers[] = { _("The Titrate authors"), NULL };

  rules = titrate_application_open_rules (self, &error);
  if (rules != NULL)
    rules_text = describe_rules (rules, sources);
  else
    /* Translators: %s is the reason */
    rules_text = g_strdup_printf (_("unavailable: %s"), error->message);

  /* Translators: the About window's description; %s describes the rules database */
  comments = g_strdup_printf (_("Decision support, not a prescription. Titrate checks a baclofen plan "
                                "against a rules database in which every alert names its source; the "
                                "database can be incomplete or wrong. The prescriber decides and checks "
                                "every dose.\n\nRules database: %s."), rules_text);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Titrate"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Titrate authors"),
                        "developers", developers,
                        "comments", comments,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Titrate authors",
                        NULL);
  if (sources->len > 0)
    adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Rules database sources"),
                                        NULL, GTK_LICENSE_CUSTOM, sources->str);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TitrateApplication *self = TITRATE_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GSettings *settings = titrate_application_get_settings (self);
  GtkWidget *window;

  if (settings == NULL)
    {
      /* Running from the build tree without GSETTINGS_SCHEMA_DIR. */
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Preferences Unavailable"),
                                                  _("The settings schema is not installed, so "
                                                    "preferences cannot be kept."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  window = titrate_preferences_window_new (parent, settings);
  {
    g_autoptr(TitrateRules) rules = titrate_application_open_rules (self, NULL);

    if (rules != NULL)
      titrate_pump_marks_add_preferences (ADW_PREFERENCES_WINDOW (window), settings, rules);
  }
  gtk_window_present (GTK_WINDOW (window));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
};

/* GApplication */

static void
titrate_application_startup (GApplication *application)
{
  GtkApplication *app = GTK_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Shift><Control>s", NULL } },
    { "win.save-final", { "<Control>Return", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.suggest", { "<Control>g", NULL } },
    { "win.show-alerts", { "<Shift><Control>a", NULL } },
    { "win.next-pane", { "F6", NULL } },
    { "win.toggle-form", { "F9", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (titrate_application_parent_class)->startup (application);
  /* Buttons with a mnemonic: named once, without the underscore. */
  titrate_accessible_install_mnemonic_names ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static int
titrate_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  TitrateApplication *self = TITRATE_APPLICATION (application);
  const char *example = NULL;
  const char *rules = NULL;

  if (g_variant_dict_lookup (options, "rules", "^&ay", &rules))
    {
      g_free (self->rules_option);
      self->rules_option = g_strdup (rules);
    }
  if (g_variant_dict_lookup (options, "example", "&s", &example))
    {
      g_free (self->example);
      self->example = g_strdup (example);
    }
  return -1;
}

static void
titrate_application_activate (GApplication *application)
{
  TitrateApplication *self = TITRATE_APPLICATION (application);
  TitrateWindow *window = get_window (self);

  if (self->example != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *example = g_steal_pointer (&self->example);

      if (!titrate_window_open_example (window, example, &error))
        g_printerr ("titrate: --example %s: %s\n", example, error->message);
    }

  if (g_getenv ("TITRATE_FIRST_FRAME") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), application);
  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (self, GTK_WINDOW (window));
}

static void
titrate_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  TitrateApplication *self = TITRATE_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
      TitrateWindow *window;
      g_autoptr(GError) error = NULL;

      /* Reuse an untouched new plan; never replace work in progress. */
      if (TITRATE_IS_WINDOW (active) && titrate_window_is_pristine (TITRATE_WINDOW (active)))
        window = TITRATE_WINDOW (active);
      else
        window = titrate_application_new_window (self);
      gtk_window_present (GTK_WINDOW (window));

      if (!titrate_window_open_file (window, files[i], &error))
        {
          g_autofree char *name = g_file_get_parse_name (files[i]);
          g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* GObject */

static void
titrate_application_dispose (GObject *object)
{
  TitrateApplication *self = TITRATE_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->example, g_free);
  g_clear_pointer (&self->rules_option, g_free);
  g_clear_pointer (&self->rules_path, g_free);

  G_OBJECT_CLASS (titrate_application_parent_class)->dispose (object);
}

static void
titrate_application_class_init (TitrateApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = titrate_application_dispose;
  app_class->startup = titrate_application_startup;
  app_class->activate = titrate_application_activate;
  app_class->handle_local_options = titrate_application_handle_local_options;
  app_class->open = titrate_application_open;

  titrate_application_ensure_resources ();
}

static void
titrate_application_init (TitrateApplication *self)
{
  const GOptionEntry options[] = {
    { "example", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open a bundled teaching case (e.g. older-adult-ckd) as a new plan"), N_("NAME") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use this rules database (an institution’s reviewed copy) instead of the built-in one or the one "
         "chosen in Preferences; it must pass the same checks and the clinical self-test"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/* Public API */

TitrateApplication *
titrate_application_new (const char        *application_id,
                         GApplicationFlags  flags)
{
  return g_object_new (TITRATE_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/* The app's GResource lives in a static library; referencing it here keeps
 * the linker from dropping it (and with it the templates). */
void
titrate_application_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      (void) titrate_app_get_resource ();
      g_once_init_leave (&done, 1);
    }
}

/**
 * titrate_application_get_settings:
 *
 * Returns: (nullable) (transfer none): the app's settings, or %NULL when
 *   the schema is not installed (e.g. running from the build tree); then
 *   nothing is remembered between runs.
 */
GSettings *
titrate_application_get_settings (TitrateApplication *self)
{
  g_return_val_if_fail (TITRATE_IS_APPLICATION (self), NULL);

  if (!self->settings_looked_up)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      self->settings_looked_up = TRUE;
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
      if (schema != NULL)
        {
          self->settings = g_settings_new_full (schema, NULL, NULL);
          titrate_pump_marks_bind_settings (self->settings);
        }
      else
        g_debug ("Settings schema %s not installed: nothing is remembered", SCHEMA_ID);
    }
  return self->settings;
}

/**
 * titrate_application_open_rules:
 *
 * Opens the rules database: --rules FILE, else the file named by the
 * TITRATE_RULES_DB environment variable, else the institution's file chosen
 * in Preferences, else the embedded one (same validation and self-test for
 * every file), and checks the digest pinned in Preferences.
 *
 * Returns: (transfer full) (nullable): the rules, or %NULL with @error set
 */
TitrateRules *
titrate_application_open_rules (TitrateApplication  *self,
                                GError             **error)
{
  g_clear_pointer (&self->rules_path, g_free);
  return titrate_rules_source_open (self->rules_option, titrate_application_get_settings (self),
                                    &self->rules_source, &self->rules_path, error);
}

/**
 * titrate_application_new_window:
 *
 * Opens the rules database (see titrate_application_open_rules()) and
 * makes a window for one plan, checked against it; without a usable
 * database the window shows only the blocking page, which says which file
 * failed and why.
 *
 * Returns: (transfer none): the new window, owned by the application
 */
TitrateWindow *
titrate_application_new_window (TitrateApplication *self)
{
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *failure = NULL;
  TitrateWindow *window;

  g_return_val_if_fail (TITRATE_IS_APPLICATION (self), NULL);

  rules = titrate_application_open_rules (self, &error);
  if (rules == NULL)
    failure = titrate_rules_source_describe_failure (self->rules_source, self->rules_path, error);
  window = titrate_window_new (GTK_APPLICATION (self), titrate_application_get_settings (self),
                               rules, error, self->rules_source, failure);
  titrate_start_memory_watch (GTK_WINDOW (window));
  return window;
}
