/* titrate-preferences-window.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences, each bound to its GSettings key: the creatinine unit new
 * plans start with, the minimum alert severity listed inline (contraindicated
 * and major alerts are always listed), the default dose times used for
 * reminders and handouts, one reminder per day or per dose, and the paper
 * size of handouts. Dose times are validated as typed: invalid text stays
 * as typed, in the error style with a message, and is never saved.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "titrate-preferences-window.h"
#include "titrate-rules-source.h"
#include "titrate-ui-utils.h"

struct _TitratePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *creatinine_row;
  AdwComboRow          *severity_row;
  AdwActionRow         *dose_times_row;
  GtkEntry             *dose_times_entry;
  AdwActionRow         *reminders_row;
  GtkSwitch            *reminders_switch;
  AdwComboRow          *paper_row;

  GSettings            *settings;
  gboolean              dose_times_valid;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (TitratePreferencesWindow, titrate_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The enum keys' nicks, in the order of each row's items. */
static const char *creatinine_nicks[] = { "mg-dl", "umol-l", NULL };
static const char *severity_nicks[] = { "info", "minor", "moderate", "major", NULL };
static const char *paper_nicks[] = { "auto", "a4", "letter", NULL };

#define DOSE_TIMES_HINT N_("24-hour times for the doses of a day, in order, e.g. 08:00 14:00 20:00. " \
                           "Used for calendar reminders and the printed handout.")

/* Helpers */

static gboolean
nick_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_nick (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[index]);
}

/* "8:00", "08:00" or "8h00" → minutes after midnight. */
static gboolean
parse_time (const char *text,
            int        *minutes)
{
  const char *p = text;
  int hours = 0, n_digits = 0;

  while (g_ascii_isdigit (*p) && n_digits < 3)
    {
      hours = hours * 10 + (*p - '0');
      p++;
      n_digits++;
    }
  if (n_digits == 0 || n_digits > 2)
    return FALSE;
  if (*p != ':' && *p != 'h' && *p != 'H')
    return FALSE;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return FALSE;
  if (hours > 23 || (p[0] - '0') * 10 + (p[1] - '0') > 59)
    return FALSE;
  *minutes = hours * 60 + (p[0] - '0') * 10 + (p[1] - '0');
  return TRUE;
}

static char *
join_times (const char * const *times)
{
  return g_strjoinv (" ", (char **) times);
}

static void
show_dose_times_state (TitratePreferencesWindow *self,
                       const char               *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->dose_times_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->dose_times_entry), "error");
      adw_action_row_set_subtitle (self->dose_times_row, error);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->dose_times_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->dose_times_entry), "error");
      adw_action_row_set_subtitle (self->dose_times_row, _(DOSE_TIMES_HINT));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dose_times_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  adw_action_row_get_subtitle (self->dose_times_row),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->dose_times_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* Shows the saved times, unless the field holds text being corrected. */
static void
load_dose_times (TitratePreferencesWindow *self)
{
  g_auto(GStrv) saved = g_settings_get_strv (self->settings, "dose-times");
  g_auto(GStrv) shown = NULL;
  g_autofree char *text = NULL;

  if (!self->dose_times_valid)
    return;
  if (titrate_preferences_window_parse_dose_times (gtk_editable_get_text (GTK_EDITABLE (self->dose_times_entry)),
                                                   &shown, NULL) &&
      g_strv_equal ((const char * const *) shown, (const char * const *) saved))
    return;
  text = join_times ((const char * const *) saved);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->dose_times_entry), text);
  self->updating = FALSE;
  show_dose_times_state (self, NULL);
}

/* Callbacks */

static void
on_dose_times_changed_cb (TitratePreferencesWindow *self)
{
  g_auto(GStrv) times = NULL;
  g_auto(GStrv) saved = NULL;
  g_autofree char *error = NULL;

  if (self->updating)
    return;
  self->dose_times_valid = titrate_preferences_window_parse_dose_times (
    gtk_editable_get_text (GTK_EDITABLE (self->dose_times_entry)), &times, &error);
  show_dose_times_state (self, error);
  if (!self->dose_times_valid)
    return;
  saved = g_settings_get_strv (self->settings, "dose-times");
  if (!g_strv_equal ((const char * const *) times, (const char * const *) saved))
    g_settings_set_strv (self->settings, "dose-times", (const char * const *) times);
}

static void
on_settings_changed_cb (TitratePreferencesWindow *self,
                        const char               *key)
{
  if (g_strcmp0 (key, "dose-times") == 0)
    load_dose_times (self);
}

/* GObject */

static void
titrate_preferences_window_dispose (GObject *object)
{
  TitratePreferencesWindow *self = TITRATE_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (titrate_preferences_window_parent_class)->dispose (object);
}

static void
titrate_preferences_window_class_init (TitratePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/titrate/Titrate/ui/titrate-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TitratePreferencesWindow, creatinine_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePreferencesWindow, severity_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePreferencesWindow, dose_times_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePreferencesWindow, dose_times_entry);
  gtk_widget_class_bind_template_child (widget_class, TitratePreferencesWindow, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, TitratePreferencesWindow, paper_row);
  gtk_widget_class_bind_template_callback (widget_class, on_dose_times_changed_cb);
}

static void
titrate_preferences_window_init (TitratePreferencesWindow *self)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  g_autoptr(GtkStringList) papers = NULL;
  g_autofree char *automatic = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->dose_times_valid = TRUE;

  /* "Automatic (A4)": what the locale gives, said. */
  /* Translators: paper size from the language and region settings; %s is
   * the paper it gives here, e.g. "A4" or "US Letter" */
  automatic = g_strdup_printf (_("Automatic (%s)"), gtk_paper_size_get_display_name (paper));
  papers = gtk_string_list_new ((const char * const []) { automatic, _("A4"), _("US Letter"), NULL });
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));
  adw_action_row_set_subtitle (self->dose_times_row, _(DOSE_TIMES_HINT));
  titrate_accessible_name_only (GTK_WIDGET (self->dose_times_entry), NULL);
  titrate_accessible_name_only (GTK_WIDGET (self->reminders_switch), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reminders_switch),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  adw_action_row_get_subtitle (self->reminders_row),
                                  -1);
}

/* Public API */

/**
 * titrate_preferences_window_new:
 * @settings: the application's settings (schema io.github.titrate.Titrate)
 */
GtkWidget *
titrate_preferences_window_new (GtkWindow *parent,
                                GSettings *settings)
{
  TitratePreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TITRATE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "creatinine-unit", self->creatinine_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_index, index_to_nick,
                                (gpointer) creatinine_nicks, NULL);
  g_settings_bind_with_mapping (settings, "min-inline-severity", self->severity_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_index, index_to_nick,
                                (gpointer) severity_nicks, NULL);
  g_settings_bind_with_mapping (settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_index, index_to_nick,
                                (gpointer) paper_nicks, NULL);
  g_settings_bind (settings, "reminders-per-day", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);

  titrate_rules_source_add_preferences (ADW_PREFERENCES_WINDOW (self), settings);
  load_dose_times (self);
  g_signal_connect_swapped (settings, "changed", G_CALLBACK (on_settings_changed_cb), self);
  return GTK_WIDGET (self);
}

/**
 * titrate_preferences_window_parse_dose_times:
 * @times: (out) (transfer full): the times as "HH:MM", when valid
 * @error: (out) (transfer full) (optional): what is wrong, when not
 *
 * Reads "08:00 14:00 20:00" (or "8:00, 14:00, 20:00", "8h00 14h00"): one
 * to eight 24-hour times of day, each later than the one before.
 *
 * Returns: %TRUE if valid
 */
gboolean
titrate_preferences_window_parse_dose_times (const char  *text,
                                             GStrv       *times,
                                             char       **error)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,;]+", text != NULL ? text : "", 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int previous = -1;
  guint n = 0;
  char *message = NULL;

  *times = NULL;
  for (guint i = 0; parts[i] != NULL && message == NULL; i++)
    {
      int minutes;
      g_autofree char *normal = NULL;

      if (*parts[i] == '\0')
        continue;
      if (!parse_time (parts[i], &minutes))
        /* Translators: a dose time that could not be read, e.g. “25:00” */
        message = g_strdup_printf (_("“%s” is not a time of day. Use 24-hour HH:MM, from 00:00 to 23:59."),
                                   parts[i]);
      else if (n == TITRATE_MAX_DOSES_PER_DAY)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At most %d time a day.",
                                                "At most %d times a day.", TITRATE_MAX_DOSES_PER_DAY),
                                   TITRATE_MAX_DOSES_PER_DAY);
      else if (minutes <= previous)
        {
          g_autofree char *before = g_strdup_printf ("%02d:%02d", previous / 60, previous % 60);

          /* Translators: e.g. "14:00 must come after 20:00: list the times in order through the day." */
          message = g_strdup_printf (_("%s must come after %s: list the times in order through the day."),
                                     parts[i], before);
        }
      else
        {
          normal = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
          g_strv_builder_add (builder, normal);
          previous = minutes;
          n++;
        }
    }
  if (message == NULL && n == 0)
    message = g_strdup (_("Enter at least one time, e.g. 08:00 14:00 20:00."));

  if (message != NULL)
    {
      if (error != NULL)
        *error = message;
      else
        g_free (message);
      return FALSE;
    }
  if (error != NULL)
    *error = NULL;
  *times = g_strv_builder_end (builder);
  return TRUE;
}
