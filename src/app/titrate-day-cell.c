/* titrate-day-cell.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One day of the titration calendar: the date, the daily total with its
 * unit, each administration's dose and the phase, shown by a shape and a
 * word as well as by colour. Screen readers get the same as one sentence.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "titrate-day-cell.h"
#include "titrate-ui-utils.h"

struct _TitrateDayCell
{
  GtkButton     parent_instance;

  GtkLabel     *number_label;
  GtkLabel     *alert_label;
  GtkLabel     *cue_label;
  GtkLabel     *total_label;
  GtkLabel     *doses_label;
  GtkLabel     *phase_label;

  GDate         date;
  const char   *phase_class;
  char         *accessible_label;
  char         *phase_text;
  const char   *phase_word;
  gboolean      over;

  /* What the cell shows, to skip updates that change nothing. */
  gboolean      shown;
  gboolean      shown_other_month;
  gboolean      shown_today;
  gboolean      shown_has_day;
  TitrateDay    shown_day;
  TitrateRoute  shown_route;
  double        shown_max;
  guint         shown_alerts;
};

G_DEFINE_FINAL_TYPE (TitrateDayCell, titrate_day_cell, GTK_TYPE_BUTTON)

/* Helpers */

/* Cells are updated for every keystroke that changes the plan: look each
 * translation up once (the strings are marked for xgettext as usual). */
static const char *translations[16];
#define TR(i, msgid) (translations[i] != NULL ? translations[i] : (translations[i] = _(msgid)))

/* An empty label is hidden: a calendar of empty days then measures only
 * the day numbers (a month has 42 cells of five labels each). */
static void
set_shown_label (GtkLabel   *label,
                 const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* "3 × 5 mg" when the doses are equal, else "10 + 5 + 5 mg". */
static char *
format_doses (const TitrateDay *day,
              const char       *unit)
{
  gboolean same = TRUE;
  g_autofree char *amount = NULL;

  if (day->n_doses == 0)
    return g_strdup ("");
  for (guint i = 1; i < day->n_doses; i++)
    if (fabs (day->doses_mg[i] - day->doses_mg[0]) > 1e-9)
      same = FALSE;
  if (!same)
    return titrate_format_doses (day->doses_mg, day->n_doses, unit);
  amount = titrate_format_amount_display (day->doses_mg[0]);
  /* Translators: number of doses × amount, e.g. "3 × 5 mg" */
  return g_strdup_printf (TR (15, N_("%u × %s %s")), day->n_doses, amount, unit);
}

/* GObject */

static void
titrate_day_cell_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TITRATE_TYPE_DAY_CELL);

  G_OBJECT_CLASS (titrate_day_cell_parent_class)->dispose (object);
}

static void
titrate_day_cell_finalize (GObject *object)
{
  TitrateDayCell *self = TITRATE_DAY_CELL (object);

  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_pointer (&self->phase_text, g_free);

  G_OBJECT_CLASS (titrate_day_cell_parent_class)->finalize (object);
}

static void
titrate_day_cell_class_init (TitrateDayCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_day_cell_dispose;
  object_class->finalize = titrate_day_cell_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-day-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateDayCell, number_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateDayCell, alert_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateDayCell, cue_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateDayCell, total_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateDayCell, doses_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateDayCell, phase_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
titrate_day_cell_init (TitrateDayCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->date, 1);
}

/* Public API */

GtkWidget *
titrate_day_cell_new (void)
{
  return g_object_new (TITRATE_TYPE_DAY_CELL, NULL);
}

/**
 * titrate_day_cell_update:
 * @day: (nullable): the plan's day, %NULL when there is no plan date
 *
 * Shows @date. Labels and style classes only change where they differ,
 * so an edit that leaves this day alone costs no redraw.
 */
void
titrate_day_cell_update (TitrateDayCell   *self,
                         const GDate      *date,
                         gboolean          other_month,
                         gboolean          today,
                         const TitrateDay *day,
                         TitrateRoute      route,
                         double            max_daily,
                         guint             n_alerts_from_day)
{
  const char *unit = titrate_route_unit (route);
  TitratePhase phase = day != NULL ? day->phase : TITRATE_PHASE_NONE;
  g_autofree char *number = NULL;
  g_autofree char *total = NULL;
  g_autofree char *doses = NULL;
  g_autofree char *phase_text = NULL;
  g_autofree char *long_date = NULL;
  g_autoptr(GString) a11y = g_string_new (NULL);
  const char *phase_class;
  gboolean over;

  g_return_if_fail (TITRATE_IS_DAY_CELL (self));

  if (self->shown &&
      g_date_valid (&self->date) && g_date_compare (&self->date, date) == 0 &&
      self->shown_other_month == other_month &&
      self->shown_today == today &&
      self->shown_has_day == (day != NULL) &&
      (day == NULL || memcmp (&self->shown_day, day, sizeof *day) == 0) &&
      self->shown_route == route &&
      memcmp (&self->shown_max, &max_daily, sizeof max_daily) == 0 &&
      self->shown_alerts == n_alerts_from_day)
    return;
  self->shown = TRUE;
  self->shown_other_month = other_month;
  self->shown_today = today;
  self->shown_has_day = day != NULL;
  if (day != NULL)
    self->shown_day = *day;
  self->shown_route = route;
  self->shown_max = max_daily;
  self->shown_alerts = n_alerts_from_day;

  self->date = *date;
  number = g_strdup_printf ("%u", g_date_get_day (date));

  if (phase == TITRATE_PHASE_NONE)
    {
      total = g_strdup ("");
      doses = g_strdup ("");
      phase_text = g_strdup ("");
    }
  else if (phase == TITRATE_PHASE_STOPPED)
    {
      /* Translators: daily total on a day without baclofen, e.g. "0 mg/day" */
      total = g_strdup_printf (TR (0, N_("0 %s/day")), unit);
      doses = g_strdup (TR (1, N_("no doses")));
      phase_text = g_strdup (titrate_phase_label (phase));
    }
  else
    {
      g_autofree char *amount = titrate_format_amount_display (day->daily_total);

      if (!isnan (day->bolus_mcg))
        {
          /* Translators: intrathecal screening bolus, e.g. "50 mcg bolus" */
          total = g_strdup_printf (TR (2, N_("%s %s bolus")), amount, unit);
          doses = g_strdup (TR (3, N_("single injection")));
        }
      else if (!isnan (day->daily_mcg))
        {
          /* Translators: daily total, e.g. "150 mcg/day" */
          total = g_strdup_printf (TR (4, N_("%s %s/day")), amount, unit);
          doses = g_strdup (TR (5, N_("continuous infusion")));
        }
      else
        {
          total = g_strdup_printf (TR (4, N_("%s %s/day")), amount, unit);
          doses = format_doses (day, unit);
        }
      phase_text = g_strdup (titrate_phase_label (phase));
    }

  gtk_label_set_label (self->number_label, number);
  set_shown_label (self->total_label, total);
  set_shown_label (self->doses_label, doses);
  /* Above the maximum that applies to this patient: said in words, in
   * place of the phase word (the phase keeps its shape and colour). */
  over = day != NULL && phase != TITRATE_PHASE_NONE && phase != TITRATE_PHASE_STOPPED &&
         !isnan (max_daily) && isnan (day->bolus_mcg) && day->daily_total > max_daily + 1e-9;
  self->over = over;
  self->phase_word = titrate_phase_label (phase);
  set_shown_label (self->phase_label, over ? TR (6, N_("above max")) : phase_text);
  set_class (GTK_WIDGET (self->phase_label), "over-mark", over);
  set_shown_label (self->cue_label, titrate_phase_symbol (phase));
  gtk_widget_set_visible (GTK_WIDGET (self->alert_label), n_alerts_from_day > 0);

  phase_class = titrate_phase_css_class (phase);
  if (phase_class != self->phase_class)
    {
      if (self->phase_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->phase_class);
      gtk_widget_add_css_class (GTK_WIDGET (self), phase_class);
      self->phase_class = phase_class;
    }
  set_class (GTK_WIDGET (self), "today", today);
  set_class (GTK_WIDGET (self), "other-month", other_month);
  set_class (GTK_WIDGET (self), "has-alert", n_alerts_from_day > 0);
  set_class (GTK_WIDGET (self), "over-max", over);
  set_class (GTK_WIDGET (self), "change", day != NULL && day->is_change);
  set_class (GTK_WIDGET (self), "unmeasurable", day != NULL && phase != TITRATE_PHASE_NONE && !day->measurable);

  /* Translators: date read by screen readers, strftime format */
  long_date = titrate_format_date (date, TR (7, N_("%A %-d %B %Y")));
  g_string_append (a11y, g_strstrip (long_date));
  if (today)
    g_string_append_printf (a11y, ", %s", TR (8, N_("today")));
  if (phase != TITRATE_PHASE_NONE)
    {
      g_string_append_printf (a11y, TR (9, N_(", plan day %d")), day->day);
      g_string_append_printf (a11y, ", %s: %s", titrate_phase_label (phase), total);
      if (*doses != '\0')
        g_string_append_printf (a11y, " (%s)", doses);
      if (over)
        {
          g_autofree char *max = titrate_format_amount_display (max_daily);

          /* Translators: "above the maximum for this patient (40 mg/day)" */
          g_string_append_printf (a11y, TR (10, N_(", above the maximum for this patient (%s %s/day)")), max, unit);
        }
      if (day->is_change)
        g_string_append_printf (a11y, ", %s", TR (11, N_("dose changes on this day")));
      if (!day->measurable)
        g_string_append_printf (a11y, ", %s", TR (12, N_("a dose cannot be measured with the chosen strength")));
    }
  else
    g_string_append_printf (a11y, ", %s", TR (13, N_("nothing planned")));
  if (n_alerts_from_day > 0)
    g_string_append_printf (a11y,
                            g_dngettext (GETTEXT_PACKAGE, ", %u alert applies from this day",
                                         ", %u alerts apply from this day", n_alerts_from_day),
                            n_alerts_from_day);

  if (g_strcmp0 (self->accessible_label, a11y->str) != 0)
    {
      g_free (self->accessible_label);
      self->accessible_label = g_strdup (a11y->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label,
                                      -1);
    }
}

void
titrate_day_cell_get_date (TitrateDayCell *self,
                           GDate          *out)
{
  g_return_if_fail (TITRATE_IS_DAY_CELL (self));

  *out = self->date;
}

void
titrate_day_cell_set_selected (TitrateDayCell *self,
                               gboolean        selected)
{
  g_return_if_fail (TITRATE_IS_DAY_CELL (self));

  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
}

const char *
titrate_day_cell_get_total (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), NULL);

  return gtk_label_get_label (self->total_label);
}

const char *
titrate_day_cell_get_doses (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), NULL);

  return gtk_label_get_label (self->doses_label);
}

/* The phase as shown: its shape and its word, e.g. "▲ step-up". */
const char *
titrate_day_cell_get_phase (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), NULL);

  g_free (self->phase_text);
  self->phase_text = g_strdup_printf ("%s %s", gtk_label_get_label (self->cue_label),
                                      self->phase_word != NULL ? self->phase_word : "");
  return g_strstrip (self->phase_text);
}

gboolean
titrate_day_cell_get_over_max (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), FALSE);

  return self->over;
}
