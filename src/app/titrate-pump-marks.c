/* titrate-pump-marks.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The intrathecal pump's dates on the calendar, the chart and near the
 * plan. Small hooks in those views call these functions. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "titrate-pump.h"
#include "titrate-pump-marks.h"
#include "titrate-ui-utils.h"

#define PLAN_KEY "titrate-pump-plan"
#define MARK_KEY "titrate-pump-mark"

/* Valid for one regimen object and margin: the session replaces its
 * regimen on every edit, and views may redraw before our "changed" handler
 * has run, so the key is checked on every use. */
typedef struct {
  gboolean              valid;
  const TitrateRegimen *regimen;
  int                   margin;
  TitratePumpPlan      *plan;
} PlanCache;

/* Sessions with a plan cache: re-checked when the margin preference changes. */
static GPtrArray *sessions;

static void
session_gone_cb (gpointer  data,
                 GObject  *where)
{
  if (sessions != NULL)
    g_ptr_array_remove (sessions, where);
}

static void
plan_cache_free (gpointer data)
{
  PlanCache *c = data;

  g_clear_pointer (&c->plan, titrate_pump_plan_free);
  g_free (c);
}

static void
on_session_changed_cb (TitrateSession *session)
{
  PlanCache *c = g_object_get_data (G_OBJECT (session), PLAN_KEY);

  if (c != NULL)
    {
      c->valid = FALSE;
      g_clear_pointer (&c->plan, titrate_pump_plan_free);
    }
}

const TitratePumpPlan *
titrate_pump_marks_get_plan (TitrateSession *session)
{
  PlanCache *c = g_object_get_data (G_OBJECT (session), PLAN_KEY);
  const TitrateRegimen *regimen;

  if (c == NULL)
    {
      c = g_new0 (PlanCache, 1);
      g_object_set_data_full (G_OBJECT (session), PLAN_KEY, c, plan_cache_free);
      /* Connected first thing, so the cache is stale before any view redraws. */
      g_signal_connect (session, "changed", G_CALLBACK (on_session_changed_cb), NULL);
      if (sessions == NULL)
        sessions = g_ptr_array_new ();
      g_ptr_array_add (sessions, session);
      g_object_weak_ref (G_OBJECT (session), session_gone_cb, NULL);
    }
  regimen = titrate_session_get_regimen (session);
  if (!c->valid || c->regimen != regimen || c->margin != titrate_pump_get_margin_override ())
    {
      g_clear_pointer (&c->plan, titrate_pump_plan_free);
      c->regimen = regimen;
      c->margin = titrate_pump_get_margin_override ();
      c->plan = regimen->pump != NULL && titrate_session_get_rules (session) != NULL
                ? titrate_pump_plan (titrate_session_get_rules (session), regimen, NULL)
                : NULL;
      c->valid = TRUE;
    }
  return c->plan;
}

void
titrate_pump_marks_apply_to_cell (GtkWidget      *cell,
                                  TitrateSession *session,
                                  const GDate    *date)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (session);
  const TitratePumpPlan *plan = regimen->pump ? titrate_pump_marks_get_plan (session) : NULL;
  TitratePumpMark marks = regimen->pump ? titrate_pump_plan_marks_for (regimen->pump, plan, date)
                                        : TITRATE_PUMP_MARK_NONE;
  GtkLabel *label = g_object_get_data (G_OBJECT (cell), MARK_KEY);
  g_autofree char *words = NULL;

  if (label == NULL)
    {
      GtkWidget *box = GTK_IS_BUTTON (cell) ? gtk_button_get_child (GTK_BUTTON (cell)) : NULL;

      if (marks == TITRATE_PUMP_MARK_NONE || !GTK_IS_BOX (box))
        return;
      label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (label, 0);
      gtk_label_set_wrap (label, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (label));
      g_object_set_data (G_OBJECT (cell), MARK_KEY, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (label), marks != TITRATE_PUMP_MARK_NONE);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "accent");
  if (marks == TITRATE_PUMP_MARK_NONE)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  words = titrate_pump_mark_describe (marks);
  gtk_label_set_text (label, words);
  gtk_widget_add_css_class (GTK_WIDGET (label),
                            marks & (TITRATE_PUMP_MARK_ALARM | TITRATE_PUMP_MARK_EMPTY) ? "error"
                            : marks & TITRATE_PUMP_MARK_REFILL_BY ? "warning" : "accent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words, -1);
}

/* Appends "alarm 2027-01-25" to @beyond when @date is past the chart. */
static void
note_beyond (GString     *beyond,
             const GDate *date,
             const GDate *start,
             int          n_days,
             const char  *word)
{
  g_autofree char *iso = NULL;

  if (!g_date_valid (date) || g_date_days_between (start, date) + 1 <= n_days + 1)
    return;
  iso = titrate_pump_format_date (date);
  g_string_append_printf (beyond, "%s%s %s", beyond->len ? ", " : "", word, iso);
}

static void
draw_line (GtkWidget     *widget,
           cairo_t       *cr,
           const GDate   *date,
           const GDate   *start,
           const char    *word,
           const char    *color_name,
           const char    *fallback,
           double         left,
           double         top,
           double         width,
           double         height,
           int            n_days,
           int            row)
{
  GdkRGBA color;
  PangoLayout *layout;
  double dashes[] = { 4, 3 };
  double x;
  int day;

  if (!g_date_valid (date))
    return;
  day = g_date_days_between (start, date) + 1;
  if (day < 1 || day > n_days + 1)
    return;
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), color_name, &color))
    gdk_rgba_parse (&color, fallback);
  x = round (left + ((double) day - 1) / (double) n_days * width) + 0.5;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, top + height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  layout = gtk_widget_create_pango_layout (widget, word);
  cairo_move_to (cr, x + 3, top + 2 + row * 14);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

void
titrate_pump_marks_draw_chart (GtkWidget      *widget,
                               cairo_t        *cr,
                               TitrateSession *session,
                               double          left,
                               double          top,
                               double          width,
                               double          height,
                               int             n_days)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (session);
  const TitratePumpPlan *plan;

  if (regimen->pump == NULL || !g_date_valid (&regimen->start_date) || n_days < 1)
    return;
  cairo_save (cr);
  for (guint i = 0; i < regimen->pump->refills->len; i++)
    draw_line (widget, cr, &g_array_index (regimen->pump->refills, TitratePumpRefill, i).date,
               &regimen->start_date, _("refill"), "accent_color", "#1c71d8", left, top, width, height, n_days, 0);
  draw_line (widget, cr, &regimen->pump->next_refill_date, &regimen->start_date, _("refill appointment"),
             "accent_color", "#1c71d8", left, top, width, height, n_days, 1);
  plan = titrate_pump_marks_get_plan (session);
  if (plan != NULL)
    {
      g_autoptr(GString) beyond = g_string_new (NULL);

      draw_line (widget, cr, &plan->refill_by_date, &regimen->start_date, _("refill by"),
                 "warning_color", "#ae7b03", left, top, width, height, n_days, 2);
      draw_line (widget, cr, &plan->alarm_date, &regimen->start_date, _("alarm"),
                 "error_color", "#c01c28", left, top, width, height, n_days, 3);
      draw_line (widget, cr, &plan->empty_date, &regimen->start_date, _("empty"),
                 "error_color", "#c01c28", left, top, width, height, n_days, 4);
      /* Dates past the charted days are said in words, never dropped. */
      note_beyond (beyond, &regimen->pump->next_refill_date, &regimen->start_date, n_days, _("refill appointment"));
      note_beyond (beyond, &plan->refill_by_date, &regimen->start_date, n_days, _("refill by"));
      note_beyond (beyond, &plan->alarm_date, &regimen->start_date, n_days, _("alarm"));
      note_beyond (beyond, &plan->empty_date, &regimen->start_date, n_days, _("empty"));
      if (beyond->len > 0)
        {
          g_autofree char *text = g_strdup_printf (_("Pump, after the charted days: %s"), beyond->str);
          PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
          int w, h;
          GdkRGBA fg;

          gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
          gdk_cairo_set_source_rgba (cr, &fg);
          pango_layout_get_pixel_size (layout, &w, &h);
          cairo_move_to (cr, left + width - w, top + height - h - 4);
          pango_cairo_show_layout (cr, layout);
          g_object_unref (layout);
        }
    }
  cairo_restore (cr);
}

static void
update_status_label (GtkLabel *label)
{
  TitrateSession *session = g_object_get_data (G_OBJECT (label), "session");
  const TitrateRegimen *regimen;
  const TitratePumpPlan *plan;
  g_autofree char *text = NULL;
  GDate today;

  if (session == NULL)
    return;
  regimen = titrate_session_get_regimen (session);
  plan = regimen->pump ? titrate_pump_marks_get_plan (session) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (label), regimen->pump != NULL);
  if (regimen->pump == NULL)
    return;
  titrate_today (&today);
  text = plan != NULL ? titrate_pump_plan_describe (plan, &today)
                      : g_strdup (_("Pump refill dates not computed: complete the pump section"));
  gtk_label_set_text (label, text);
}

GtkWidget *
titrate_pump_marks_status_label_new (TitrateSession *session)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  g_object_set_data_full (G_OBJECT (label), "session", g_object_ref (session), g_object_unref);
  titrate_pump_marks_get_plan (session);   /* the cache listens first */
  g_signal_connect_object (session, "changed", G_CALLBACK (update_status_label), label, G_CONNECT_SWAPPED);
  update_status_label (GTK_LABEL (label));
  return label;
}

static void
on_margin_changed_cb (GSettings  *settings,
                      const char *key)
{
  int days = g_settings_get_int (settings, "pump-margin-days");

  if (days == titrate_pump_get_margin_override ())
    return;
  titrate_pump_set_margin_override (days);
  /* The refill-by date and the refill alerts depend on it: re-check every
   * plan with a pump. */
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      TitrateSession *session = g_ptr_array_index (sessions, i);
      const TitrateRegimen *regimen = titrate_session_get_regimen (session);

      if (regimen->pump != NULL)
        titrate_session_set_regimen (session, regimen, NULL);
    }
}

void
titrate_pump_marks_bind_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, "pump-margin-days"))
    return;
  on_margin_changed_cb (settings, NULL);
  g_signal_connect (settings, "changed::pump-margin-days", G_CALLBACK (on_margin_changed_cb), NULL);
}

static void
on_margin_selected_cb (AdwComboRow *row,
                       GParamSpec  *pspec,
                       GSettings   *settings)
{
  GArray *values = g_object_get_data (G_OBJECT (row), "margins");
  guint selected = adw_combo_row_get_selected (row);

  if (values != NULL && selected < values->len)
    g_settings_set_int (settings, "pump-margin-days", g_array_index (values, int, selected));
}

void
titrate_pump_marks_add_preferences (AdwPreferencesWindow *window,
                                    GSettings            *settings,
                                    TitrateRules         *rules)
{
  const TitratePumpSetting *margin = titrate_pump_get_setting (rules, "refill_margin_days");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (int));
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  AdwComboRow *row;
  int current;
  guint selected = 0;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (margin == NULL || schema == NULL || !g_settings_schema_has_key (schema, "pump-margin-days"))
    {
      g_array_unref (values);
      return;
    }
  current = g_settings_get_int (settings, "pump-margin-days");
  {
    int def = (int) margin->value;
    g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Default: %d day", "Default: %d days", def), def);
    int none = -1;

    gtk_string_list_append (labels, label);
    g_array_append_val (values, none);
  }
  for (int d = (int) margin->min_value; d <= (int) margin->max_value; d++)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", d), d);

      gtk_string_list_append (labels, label);
      if (d == current)
        selected = values->len;
      g_array_append_val (values, d);
    }

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (page, _("Pump"));
  adw_preferences_page_set_icon_name (page, "alarm-symbolic");
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Intrathecal pump refills"));
  adw_preferences_group_set_description (group, margin->note);
  row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Refill-by _margin before the alarm date"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  g_object_set_data_full (G_OBJECT (row), "margins", values, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_margin_selected_cb), settings, 0);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (window, page);
}
