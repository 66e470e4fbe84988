/* titrate-rules-source.c — which rules database the app uses (built-in, an
 * institution's file from Preferences, --rules or TITRATE_RULES_DB), the
 * blocking page's advice when it cannot be used, the review-by warning and
 * the Preferences page that chooses it
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "titrate-file-chooser.h"
#include "titrate-rules-source.h"
#include "titrate-ui-utils.h"

TitrateRules *
titrate_rules_source_open (const char          *option_path,
                           GSettings           *settings,
                           TitrateRulesSource  *source,
                           char               **path,
                           GError             **error)
{
  const char *env = g_getenv ("TITRATE_RULES_DB");
  g_autofree char *chosen = settings ? g_settings_get_string (settings, "rules-path") : NULL;
  g_autofree char *digest = settings ? g_settings_get_string (settings, "rules-digest") : NULL;
  TitrateRulesSource kind = TITRATE_RULES_SOURCE_EMBEDDED;
  const char *file = NULL;
  TitrateRules *rules;

  if (option_path != NULL && *option_path != '\0')
    kind = TITRATE_RULES_SOURCE_OPTION, file = option_path;
  else if (env != NULL && *env != '\0')
    kind = TITRATE_RULES_SOURCE_ENVIRONMENT, file = env;
  else if (chosen != NULL && *chosen != '\0')
    kind = TITRATE_RULES_SOURCE_SETTINGS, file = chosen;

  if (source != NULL)
    *source = kind;
  if (path != NULL)
    *path = g_strdup (file);

  rules = file != NULL ? titrate_rules_new_for_path (file, error) : titrate_rules_new_embedded (error);
  if (rules != NULL && !titrate_rules_check_digest (rules, digest, error))
    g_clear_object (&rules);
  return rules;
}

char *
titrate_rules_source_describe_failure (TitrateRulesSource  source,
                                       const char         *path,
                                       const GError       *error)
{
  const char *advice;
  g_autofree char *which = NULL;

  switch (source)
    {
    case TITRATE_RULES_SOURCE_SETTINGS:
      /* Translators: %s is a file name */
      which = g_strdup_printf (_("This is your institution’s rules database, chosen in Preferences: %s"), path);
      advice = _("Ask whoever maintains that file for a reviewed copy, or choose the built-in database "
                 "in Preferences (Rules Database) and restart Titrate.");
      break;
    case TITRATE_RULES_SOURCE_OPTION:
      which = g_strdup_printf (_("This is the rules database given with --rules: %s"), path);
      advice = _("Start Titrate without --rules to use the built-in database, or ask whoever "
                 "maintains that file for a reviewed copy.");
      break;
    case TITRATE_RULES_SOURCE_ENVIRONMENT:
      which = g_strdup_printf (_("This is the rules database named by TITRATE_RULES_DB: %s"), path);
      advice = _("Unset TITRATE_RULES_DB to use the built-in database, or ask whoever maintains "
                 "that file for a reviewed copy.");
      break;
    case TITRATE_RULES_SOURCE_EMBEDDED:
    default:
      which = g_strdup (_("This is the rules database built into Titrate."));
      advice = g_error_matches (error, TITRATE_ERROR, TITRATE_ERROR_RULES) &&
               strstr (error->message, "SHA-256") != NULL
               ? _("Its SHA-256 is not the one pinned in Preferences (Rules Database): ask whoever "
                   "reviewed it which is right.")
               : _("Reinstall Titrate or report this problem.");
      break;
    }

  /* Translators: 1: which file; 2: why it cannot be used; 3: what to do */
  return g_strdup_printf (_("%s\n\n%s\n\nNo plan can be shown as checked. %s"),
                          which, error ? error->message : "", advice);
}

GtkWidget *
titrate_rules_source_blocked_actions (TitrateRulesSource source)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *quit = gtk_button_new_with_mnemonic (_("_Quit"));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  if (source == TITRATE_RULES_SOURCE_SETTINGS || source == TITRATE_RULES_SOURCE_EMBEDDED)
    {
      GtkWidget *prefs = gtk_button_new_with_mnemonic (_("_Preferences"));

      gtk_widget_add_css_class (prefs, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (prefs), "app.preferences");
      gtk_box_append (GTK_BOX (box), prefs);
    }
  gtk_widget_add_css_class (quit, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  gtk_box_append (GTK_BOX (box), quit);
  return box;
}

char *
titrate_rules_source_review_warning (TitrateRules *rules)
{
  if (rules == NULL || !titrate_rules_review_overdue (rules, NULL))
    return NULL;
  /* Translators: %s is a date (YYYY-MM-DD) */
  return g_strdup_printf (_("The rules database was due for review on %s: check it is still current"),
                          titrate_rules_get_review_by (rules));
}

/* Preferences page */

static void
update_file_row (AdwActionRow *row,
                 GSettings    *settings)
{
  g_autofree char *path = g_settings_get_string (settings, "rules-path");

  adw_action_row_set_subtitle (row, *path != '\0' ? path
                               : _("Built into Titrate (reviewed with this release)"));
}

static void
on_rules_path_changed_cb (GSettings    *settings,
                          const char   *key,
                          AdwActionRow *row)
{
  update_file_row (row, settings);
}

static void
on_rules_file_chosen_cb (GFile     *file,
                         GSettings *settings)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    g_settings_set_string (settings, "rules-path", path);
}

static void
on_choose_clicked_cb (GtkButton *button,
                      GSettings *settings)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  titrate_file_chooser_show (GTK_WINDOW (root), GTK_FILE_CHOOSER_ACTION_OPEN, TITRATE_FILE_KIND_RULES,
                             _("Choose a Rules Database"), _("_Choose"), NULL, NULL,
                             (TitrateFileChosenFunc) on_rules_file_chosen_cb, g_object_ref (settings),
                             g_object_unref);
}

static void
on_builtin_clicked_cb (GtkButton *button,
                       GSettings *settings)
{
  g_settings_reset (settings, "rules-path");
}

void
titrate_rules_source_add_preferences (AdwPreferencesWindow *window,
                                      GSettings            *settings)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwActionRow *file_row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *digest_row = adw_entry_row_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *builtin = gtk_button_new_with_mnemonic (_("_Built-in"));

  adw_preferences_page_set_title (page, _("Rules Database"));
  adw_preferences_page_set_icon_name (page, "emblem-documents-symbolic");
  adw_preferences_group_set_title (group, _("Rules Database"));
  adw_preferences_group_set_description (group,
    _("An institution can use its own reviewed copy of the rules database. The file must pass the same "
      "checks and the clinical self-test as the built-in one, or nothing is checked. Takes effect the "
      "next time Titrate starts."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (file_row), _("Database file"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (builtin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (builtin, _("Use the rules database built into Titrate"));
  titrate_accessible_set_name (choose, _("Choose a rules database file"));
  titrate_accessible_set_name (builtin, _("Use the rules database built into Titrate"));
  adw_action_row_add_suffix (file_row, choose);
  adw_action_row_add_suffix (file_row, builtin);
  g_signal_connect_object (choose, "clicked", G_CALLBACK (on_choose_clicked_cb), settings, 0);
  g_signal_connect_object (builtin, "clicked", G_CALLBACK (on_builtin_clicked_cb), settings, 0);
  update_file_row (file_row, settings);
  g_signal_connect_object (settings, "changed::rules-path", G_CALLBACK (on_rules_path_changed_cb), file_row, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (digest_row), _("Pinned SHA-256 (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (digest_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pinned SHA-256 of the rules database"), -1);
  g_settings_bind (settings, "rules-digest", digest_row, "text", G_SETTINGS_BIND_DEFAULT);

  adw_preferences_group_add (group, GTK_WIDGET (file_row));
  adw_preferences_group_add (group, digest_row);
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (window, page);
}
