/* titrate-calendar-view.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The titration calendar: a month of 6 × 7 day cells starting on the
 * locale's first weekday, today marked, and the selected day's doses,
 * tablets and alerts underneath. The plan itself comes from the session
 * (the library computes every day); this view only lays it out.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "titrate-alert-item.h"
#include "titrate-calendar-view.h"
#include "titrate-pump-marks.h"
#include "titrate-ui-utils.h"

#define N_WEEKDAYS 7
#define N_ROWS     6
#define N_CELLS    (N_WEEKDAYS * N_ROWS)

struct _TitrateCalendarView
{
  AdwBin          parent_instance;

  GtkLabel       *month_label;
  GtkGrid        *grid;
  GtkLabel       *details_title;
  GtkLabel       *details_doses;
  GtkLabel       *details_units;
  GtkLabel       *details_alerts;

  TitrateSession *session;
  GtkWidget      *weekday_labels[N_WEEKDAYS];
  TitrateDayCell *cells[N_CELLS];
  GDateYear       year;
  GDateMonth      month;
  GDate           selected;
  char           *details;
  int             week_start;     /* 0 = Sunday … 6 = Saturday */
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (TitrateCalendarView, titrate_calendar_view, ADW_TYPE_BIN)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
build_grid (TitrateCalendarView *self);

static void
count_alert_days (TitrateCalendarView *self,
                  GHashTable          *counts)
{
  GListModel *alerts = titrate_session_get_alerts (self->session);
  guint n = g_list_model_get_n_items (alerts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (alerts, i);
      int day = titrate_alert_item_get_alert (item)->day;

      if (day > 0)
        g_hash_table_insert (counts, GINT_TO_POINTER (day),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (day))) + 1));
    }
}

static void
first_cell_date (TitrateCalendarView *self,
                 GDate               *out)
{
  int weekday, offset;

  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, self->month, self->year);
  weekday = g_date_get_weekday (out) % 7;   /* 0 = Sunday */
  offset = (weekday - self->week_start + 7) % 7;
  g_date_subtract_days (out, (guint) offset);
}

/* The grid is one Tab stop, as in gnome-calendar: only the selected day
 * (or the first of the month) takes focus; arrows move the selection. */
static void
update_tab_stop (TitrateCalendarView *self)
{
  int focus_index = -1;

  for (guint i = 0; i < N_CELLS; i++)
    {
      GDate cell_date;

      titrate_day_cell_get_date (self->cells[i], &cell_date);
      if (!g_date_valid (&cell_date))
        continue;
      if (g_date_valid (&self->selected) && g_date_compare (&cell_date, &self->selected) == 0)
        focus_index = (int) i;
      else if (focus_index < 0 && g_date_get_day (&cell_date) == 1 && g_date_get_month (&cell_date) == self->month)
        focus_index = (int) i;
    }
  for (guint i = 0; i < N_CELLS; i++)
    gtk_widget_set_focusable (GTK_WIDGET (self->cells[i]), (int) i == focus_index);
}

static gboolean
plan_day (TitrateCalendarView *self,
          const GDate         *date,
          TitrateDay          *out)
{
  int day = titrate_session_day_for_date (self->session, date);

  if (day == G_MININT || day < 1)
    return FALSE;
  titrate_session_get_day (self->session, day, out);
  return TRUE;
}

static void
update_details (TitrateCalendarView *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  const char *unit = titrate_route_unit (regimen->route);
  TitrateDay day;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *doses = NULL;
  g_autofree char *units = NULL;
  g_autoptr(GString) alerts_text = g_string_new (NULL);
  gboolean has_day;

  if (!g_date_valid (&self->selected))
    return;

  /* Translators: selected day, strftime format */
  date = titrate_format_date (&self->selected, _("%A %-d %B %Y"));
  g_strstrip (date);
  has_day = plan_day (self, &self->selected, &day) && day.phase != TITRATE_PHASE_NONE;

  if (!g_date_valid (&regimen->start_date))
    {
      title = g_strdup (date);
      doses = g_strdup (_("Set a start date to see the plan on the calendar."));
    }
  else if (!has_day)
    {
      title = g_strdup (date);
      doses = g_strdup (_("Nothing planned on this day."));
    }
  else
    {
      g_autofree char *total = titrate_format_amount_display (day.daily_total);

      /* Translators: "Thursday 7 January 2027 · plan day 4" */
      title = g_strdup_printf (_("%s · plan day %d"), date, day.day);

      if (day.phase == TITRATE_PHASE_STOPPED)
        doses = g_strdup_printf (_("%s %s: no doses from this day."),
                                 titrate_phase_symbol (day.phase), titrate_phase_label (day.phase));
      else if (!isnan (day.bolus_mcg))
        doses = g_strdup_printf (_("%s %s: one intrathecal bolus of %s %s."),
                                 titrate_phase_symbol (day.phase), titrate_phase_label (day.phase), total, unit);
      else if (!isnan (day.daily_mcg))
        doses = g_strdup_printf (_("%s %s: %s %s/day by continuous intrathecal infusion."),
                                 titrate_phase_symbol (day.phase), titrate_phase_label (day.phase), total, unit);
      else
        {
          g_autofree char *list = titrate_format_doses (day.doses_mg, day.n_doses, unit);

          doses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s %s: %u dose a day, %s = %s %s/day.",
                                                "%s %s: %u doses a day, %s = %s %s/day.",
                                                day.n_doses),
                                   titrate_phase_symbol (day.phase), titrate_phase_label (day.phase),
                                   day.n_doses, list, total, unit);
        }
      {
        TitrateLimit limit;

        titrate_session_get_limit (self->session, &limit);
        if (!isnan (limit.max_daily) && isnan (day.bolus_mcg) && day.phase != TITRATE_PHASE_STOPPED &&
            day.daily_total > limit.max_daily + 1e-9)
          {
            g_autofree char *max = titrate_format_amount_display (limit.max_daily);
            /* Translators: "⚠ Above the maximum for this patient: 40 mg/day." */
            char *with_over = g_strdup_printf (_("%s ⚠ Above the maximum for this patient: %s %s/day."),
                                               doses, max, unit);

            g_free (doses);
            doses = with_over;
          }
      }
      if (day.is_change)
        {
          char *with_change = g_strdup_printf ("%s %s", doses, _("The dose changes on this day."));

          g_free (doses);
          doses = with_change;
        }

      if (regimen->route == TITRATE_ROUTE_ORAL && day.n_doses > 0)
        {
          TitrateRules *rules = titrate_session_get_rules (self->session);
          const TitrateFormulation *f = rules != NULL ? titrate_rules_get_formulation (rules, regimen->formulation) : NULL;
          g_autofree char *unit_name = titrate_planner_unit_name (rules, regimen);
          g_autofree char *count = titrate_format_unit_counts (day.units_per_dose, day.n_doses,
                                                               f != NULL ? f->unit_type : TITRATE_FORMULATION_UNIT_MG_PER_UNIT);

          if (unit_name == NULL || count == NULL)
            units = g_strdup (_("Choose a strength to see tablets or mL per dose."));
          else if (!day.measurable)
            /* Translators: "⚠ Cannot be measured: 0.75 × 10 mg Tablet (scored: halves allowed) per dose" */
            units = g_strdup_printf (_("⚠ Cannot be measured with this strength: %s %s per dose."), count, unit_name);
          else
            /* Translators: "Per dose: 1 × 10 mg Tablet (scored: halves allowed)" */
            units = g_strdup_printf (_("Per dose: %s %s."), count, unit_name);
        }
    }

  if (has_day)
    {
      GListModel *alerts = titrate_session_get_alerts (self->session);
      guint n = g_list_model_get_n_items (alerts), n_plan = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TitrateAlertItem) item = g_list_model_get_item (alerts, i);
          TitrateAlert *alert = titrate_alert_item_get_alert (item);

          if (alert->day == 0)
            n_plan++;
          else if (alert->day == day.day)
            /* Translators: "From this day: Major — CrCl 30–50 mL/min: halve the dose" */
            g_string_append_printf (alerts_text, _("From this day: %s — %s\n"),
                                    titrate_severity_label (alert->severity), alert->title);
          else if (alert->day < day.day)
            /* Translators: "Since day 7: Major — …" */
            g_string_append_printf (alerts_text, _("Since day %d: %s — %s\n"), alert->day,
                                    titrate_severity_label (alert->severity), alert->title);
        }
      /* No count here: this text stays put while typing elsewhere. */
      if (n_plan > 0)
        g_string_append (alerts_text, _("Alerts for the whole plan are in the Alerts panel."));
      else if (alerts_text->len > 0)
        g_string_truncate (alerts_text, alerts_text->len - 1);
      if (!titrate_session_get_checked (self->session))
        g_string_assign (alerts_text, _("Not checked: the rules database is unavailable."));
    }

  gtk_label_set_text (self->details_title, title);
  gtk_label_set_text (self->details_doses, doses != NULL ? doses : "");
  gtk_label_set_text (self->details_units, units != NULL ? units : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_units), units != NULL);
  gtk_label_set_text (self->details_alerts, alerts_text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_alerts), alerts_text->len > 0);

  g_free (self->details);
  self->details = g_strjoin ("\n", title, doses != NULL ? doses : "", units != NULL ? units : "",
                             alerts_text->str, NULL);
}

/* The intrathecal pump's dates (refill, appointment, refill-by, alarm,
 * empty) as a line on the day, coloured as titrate-pump-marks.c colours
 * them; the cell draws it, and screen readers get it as its description. */
static void
update_pump_note (TitrateCalendarView *self,
                  TitrateDayCell      *cell,
                  const GDate         *date)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  TitratePumpMark marks;
  g_autofree char *words = NULL;

  if (regimen->pump == NULL)
    {
      titrate_day_cell_set_note (cell, NULL, TITRATE_DAY_CELL_NOTE_ACCENT);
      return;
    }
  marks = titrate_pump_plan_marks_for (regimen->pump, titrate_pump_marks_get_plan (self->session), date);
  if (marks == TITRATE_PUMP_MARK_NONE)
    {
      titrate_day_cell_set_note (cell, NULL, TITRATE_DAY_CELL_NOTE_ACCENT);
      return;
    }
  words = titrate_pump_mark_describe (marks);
  titrate_day_cell_set_note (cell, words,
                             marks & (TITRATE_PUMP_MARK_ALARM | TITRATE_PUMP_MARK_EMPTY) ? TITRATE_DAY_CELL_NOTE_ERROR
                             : marks & TITRATE_PUMP_MARK_REFILL_BY ? TITRATE_DAY_CELL_NOTE_WARNING
                             : TITRATE_DAY_CELL_NOTE_ACCENT);
}

static void
update_cells (TitrateCalendarView *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autofree char *month = NULL;
  GDate date, today, first;
  TitrateLimit limit;

  titrate_today (&today);
  titrate_session_get_limit (self->session, &limit);
  count_alert_days (self, counts);
  first_cell_date (self, &date);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, self->month, self->year);
  /* Translators: calendar month title, strftime format ("%OB" is the
   * stand-alone month name) */
  month = titrate_format_date (&first, _("%OB %Y"));
  gtk_label_set_label (self->month_label, month);

  for (guint i = 0; i < N_CELLS; i++)
    {
      TitrateDay day;
      gboolean has_day = plan_day (self, &date, &day);
      guint n_alerts = has_day ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (day.day))) : 0;

      titrate_day_cell_update (self->cells[i], &date,
                               g_date_get_month (&date) != self->month,
                               g_date_compare (&date, &today) == 0,
                               has_day ? &day : NULL,
                               regimen->route, limit.max_daily, n_alerts);
      titrate_day_cell_set_selected (self->cells[i],
                                     g_date_valid (&self->selected) &&
                                     g_date_compare (&date, &self->selected) == 0);
      update_pump_note (self, self->cells[i], &date);
      g_date_add_days (&date, 1);
    }
  update_tab_stop (self);
}

static void
go_to_start (TitrateCalendarView *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  GDate date;

  if (g_date_valid (&regimen->start_date))
    date = regimen->start_date;
  else
    titrate_today (&date);
  self->selected = date;
  titrate_calendar_view_show_month (self, g_date_get_year (&date), g_date_get_month (&date));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
shift_month (TitrateCalendarView *self,
             int                  delta)
{
  int index = (int) self->year * 12 + (int) self->month - 1 + delta;

  titrate_calendar_view_show_month (self, (GDateYear) (index / 12), (GDateMonth) (index % 12 + 1));
}

/* Callbacks */

static void
on_session_changed_cb (TitrateCalendarView *self,
                       guint                flags)
{
  if (flags & TITRATE_SESSION_CHANGE_DOCUMENT)
    {
      go_to_start (self);
      return;
    }
  if (flags & (TITRATE_SESSION_CHANGE_STEPS | TITRATE_SESSION_CHANGE_ALERTS |
               TITRATE_SESSION_CHANGE_REGIMEN | TITRATE_SESSION_CHANGE_LIMIT))
    {
      /* A new start date moves the calendar with it. */
      if (flags & TITRATE_SESSION_CHANGE_STEPS)
        {
          const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
          int start_day = titrate_session_day_for_date (self->session, &self->selected);

          if (g_date_valid (&regimen->start_date) && start_day == G_MININT)
            {
              go_to_start (self);
              return;
            }
        }
      /* A hidden calendar is brought up to date when it is shown. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        {
          self->stale = TRUE;
          return;
        }
      update_cells (self);
      update_details (self);
    }
}

static void
on_map_cb (TitrateCalendarView *self)
{
  if (self->stale && self->session != NULL)
    {
      self->stale = FALSE;
      update_cells (self);
      update_details (self);
    }
}

static void
on_cell_clicked_cb (TitrateCalendarView *self,
                    TitrateDayCell      *cell)
{
  GDate date;

  titrate_day_cell_get_date (cell, &date);
  titrate_calendar_view_select_date (self, &date);
  /* The clicked day is the grid's Tab stop now, and has the focus, so that
   * the arrow keys go on from it (the month may have changed: a day of the
   * next or last month was clicked). */
  cell = titrate_calendar_view_get_cell (self, &date);
  if (cell != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (cell));
}

static gboolean
on_grid_key_pressed_cb (TitrateCalendarView *self,
                        guint                keyval,
                        guint                keycode,
                        GdkModifierType      state)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int delta = 0;
  GDate date;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      delta = rtl ? 1 : -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      delta = rtl ? -1 : 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      delta = -7;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      delta = 7;
      break;
    default:
      return FALSE;
    }

  if (g_date_valid (&self->selected))
    date = self->selected;
  else
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, self->month, self->year);
    }
  if (delta > 0)
    g_date_add_days (&date, (guint) delta);
  else
    g_date_subtract_days (&date, (guint) -delta);
  titrate_calendar_view_select_date (self, &date);
  {
    TitrateDayCell *cell = titrate_calendar_view_get_cell (self, &date);

    if (cell != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (cell));
  }
  return TRUE;
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  shift_month (TITRATE_CALENDAR_VIEW (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  shift_month (TITRATE_CALENDAR_VIEW (widget), 1);
}

static void
go_to_start_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  go_to_start (TITRATE_CALENDAR_VIEW (widget));
}

/* GObject */

static void
titrate_calendar_view_dispose (GObject *object)
{
  TitrateCalendarView *self = TITRATE_CALENDAR_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TITRATE_TYPE_CALENDAR_VIEW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (titrate_calendar_view_parent_class)->dispose (object);
}

static void
titrate_calendar_view_finalize (GObject *object)
{
  TitrateCalendarView *self = TITRATE_CALENDAR_VIEW (object);

  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (titrate_calendar_view_parent_class)->finalize (object);
}

static void
titrate_calendar_view_class_init (TitrateCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_calendar_view_dispose;
  object_class->finalize = titrate_calendar_view_finalize;

  g_type_ensure (TITRATE_TYPE_DAY_CELL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateCalendarView, month_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateCalendarView, grid);
  gtk_widget_class_bind_template_child (widget_class, TitrateCalendarView, details_title);
  gtk_widget_class_bind_template_child (widget_class, TitrateCalendarView, details_doses);
  gtk_widget_class_bind_template_child (widget_class, TitrateCalendarView, details_units);
  gtk_widget_class_bind_template_child (widget_class, TitrateCalendarView, details_alerts);

  /**
   * TitrateCalendarView::selection-changed:
   *
   * Another day was selected (clicked, moved to with the arrows, or the
   * plan's start after a new document).
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.go-to-start", NULL, go_to_start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "calendar.go-to-start", NULL);
}

static void
build_grid (TitrateCalendarView *self)
{
  GDate sunday;

  /* 7 January 2024 was a Sunday: weekday names in the locale's words. */
  g_date_clear (&sunday, 1);
  g_date_set_dmy (&sunday, 7, G_DATE_JANUARY, 2024);
  for (int col = 0; col < N_WEEKDAYS; col++)
    {
      GDate date = sunday;
      g_autofree char *name = NULL;
      g_autofree char *full = NULL;
      GtkWidget *label;

      g_date_add_days (&date, (guint) ((col + self->week_start) % N_WEEKDAYS));
      name = titrate_format_date (&date, "%a");
      full = titrate_format_date (&date, "%A");
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "weekday");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      gtk_grid_attach (self->grid, label, col, 0, 1, 1);
      self->weekday_labels[col] = label;
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      GtkWidget *cell = titrate_day_cell_new ();
      int col = (int) (i % N_WEEKDAYS);

      g_signal_connect_object (cell, "clicked", G_CALLBACK (on_cell_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_RELATION_COL_INDEX, col + 1,
                                      GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) (i / N_WEEKDAYS) + 2,
                                      -1);
      gtk_grid_attach (self->grid, cell, col, (int) (i / N_WEEKDAYS) + 1, 1, 1);
      self->cells[i] = TITRATE_DAY_CELL (cell);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Titration calendar"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, N_WEEKDAYS,
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, N_ROWS + 1,
                                  -1);
}

static void
titrate_calendar_view_init (TitrateCalendarView *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->week_start = titrate_locale_first_weekday ();
  titrate_today (&today);
  self->year = g_date_get_year (&today);
  self->month = g_date_get_month (&today);
  g_date_clear (&self->selected, 1);
  build_grid (self);

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_grid_key_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->grid), keys);
  }
  update_tab_stop (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* Public API */

void
titrate_calendar_view_set_session (TitrateCalendarView *self,
                                   TitrateSession      *session)
{
  g_return_if_fail (TITRATE_IS_CALENDAR_VIEW (self));
  g_return_if_fail (TITRATE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  go_to_start (self);
}

void
titrate_calendar_view_show_month (TitrateCalendarView *self,
                                  GDateYear            year,
                                  GDateMonth           month)
{
  g_return_if_fail (TITRATE_IS_CALENDAR_VIEW (self));
  g_return_if_fail (g_date_valid_month (month));

  self->year = year;
  self->month = month;
  self->stale = FALSE;
  if (self->session == NULL)
    return;
  update_cells (self);
  update_details (self);
}

void
titrate_calendar_view_select_date (TitrateCalendarView *self,
                                   const GDate         *date)
{
  g_return_if_fail (TITRATE_IS_CALENDAR_VIEW (self));
  g_return_if_fail (g_date_valid (date));

  self->selected = *date;
  if (g_date_get_month (date) != self->month || g_date_get_year (date) != self->year)
    titrate_calendar_view_show_month (self, g_date_get_year (date), g_date_get_month (date));
  else
    {
      for (guint i = 0; i < N_CELLS; i++)
        {
          GDate cell_date;

          titrate_day_cell_get_date (self->cells[i], &cell_date);
          titrate_day_cell_set_selected (self->cells[i], g_date_compare (&cell_date, date) == 0);
        }
      update_tab_stop (self);
      update_details (self);
    }
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* The selected day, or an invalid date. */
void
titrate_calendar_view_get_selected (TitrateCalendarView *self,
                                    GDate               *out)
{
  g_return_if_fail (TITRATE_IS_CALENDAR_VIEW (self));

  *out = self->selected;
}

/* (nullable) (transfer none): the cell showing @date this month */
TitrateDayCell *
titrate_calendar_view_get_cell (TitrateCalendarView *self,
                                const GDate         *date)
{
  g_return_val_if_fail (TITRATE_IS_CALENDAR_VIEW (self), NULL);

  on_map_cb (self);
  for (guint i = 0; i < N_CELLS; i++)
    {
      GDate cell_date;

      titrate_day_cell_get_date (self->cells[i], &cell_date);
      if (g_date_valid (&cell_date) && g_date_compare (&cell_date, date) == 0)
        return self->cells[i];
    }
  return NULL;
}

/* The selected day's details as plain text. */
const char *
titrate_calendar_view_get_details (TitrateCalendarView *self)
{
  g_return_val_if_fail (TITRATE_IS_CALENDAR_VIEW (self), NULL);

  on_map_cb (self);
  return self->details;
}
