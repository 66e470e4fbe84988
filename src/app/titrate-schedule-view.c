/* titrate-schedule-view.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule as a table, one row per step: from–to days and dates, the
 * doses, the daily total and tablets (or mL) per dose for the chosen
 * strength. Steps are added, edited and removed here; doing so detaches
 * the plan from its protocol.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "titrate-schedule-view.h"
#include "titrate-step-dialog.h"
#include "titrate-ui-utils.h"

enum {
  COLUMN_PHASE,
  COLUMN_DAYS,
  COLUMN_DOSES,
  COLUMN_TOTAL,
  COLUMN_UNITS,
  COLUMN_ACTIONS,
  N_COLUMNS
};

struct _TitrateScheduleView
{
  AdwBin          parent_instance;

  GtkLabel       *caption_label;
  GtkGrid        *table;
  GtkWidget      *empty_label;

  TitrateSession *session;
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (TitrateScheduleView, titrate_schedule_view, ADW_TYPE_BIN)

/* Helpers */

static GtkWidget *
cell_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "cell");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return label;
}

static char *
format_units_for_step (TitrateRules         *rules,
                       const TitrateRegimen *regimen,
                       const TitrateStep    *step)
{
  const TitrateFormulation *f = rules != NULL ? titrate_rules_get_formulation (rules, regimen->formulation) : NULL;
  double units[TITRATE_MAX_DOSES_PER_DAY];
  gboolean measurable = TRUE;
  g_autofree char *counts = NULL;
  GString *out;

  if (regimen->route != TITRATE_ROUTE_ORAL || step->n_doses == 0)
    return g_strdup ("—");

  for (guint i = 0; i < step->n_doses; i++)
    if (!titrate_planner_units (rules, regimen, step->doses_mg[i], &units[i]))
      measurable = FALSE;
  counts = titrate_format_unit_counts (units, step->n_doses,
                                       f != NULL ? f->unit_type : TITRATE_FORMULATION_UNIT_MG_PER_UNIT);
  if (counts == NULL)
    return g_strdup ("—");

  /* The count with its product, as the handout counts tablets: "½ × 10 mg
   * tablet", "3 × 5 mg tablets", or "5 mL" of a liquid. */
  if (f != NULL && f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML)
    {
      out = g_string_new (NULL);
      /* Translators: millilitres per dose of a liquid, e.g. "2.5 mL" */
      g_string_printf (out, _("%s mL"), counts);
    }
  else
    {
      g_autofree char *amount = titrate_format_amount_display (regimen->strength_mg);
      /* "10 mg" stays on one line when the cell wraps: U+00A0 NO-BREAK SPACE */
      g_autofree char *strength = g_strdup_printf ("%s\u00a0mg", amount);
      gulong plural = titrate_format_unit_plural (units, step->n_doses);

      out = g_string_new (NULL);
      if (f != NULL && g_strcmp0 (f->code, "tablet") == 0)
        /* Translators: tablets per dose, e.g. "½ × 10 mg tablet", "3 × 5 mg tablets";
         * the first %s is the count, the second the strength with its unit, "10 mg" */
        g_string_printf (out, ngettext ("%s × %s tablet", "%s × %s tablets", plural), counts, strength);
      else if (f != NULL && g_strcmp0 (f->code, "granules") == 0)
        /* Translators: packets per dose, e.g. "1 × 10 mg packet", "2 × 5 mg packets";
         * the first %s is the count, the second the strength with its unit, "10 mg" */
        g_string_printf (out, ngettext ("%s × %s packet", "%s × %s packets", plural), counts, strength);
      else
        /* Translators: units of a product per dose, e.g. "2 × 10 mg" */
        g_string_printf (out, _("%s × %s"), counts, strength);
    }
  if (!measurable)
    {
      g_string_prepend (out, "⚠ ");
      g_string_append (out, _(" (cannot be measured)"));
    }
  return g_string_free (out, FALSE);
}

static void
rebuild (TitrateScheduleView *self)
{
  TitrateRules *rules = titrate_session_get_rules (self->session);
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  const char *unit = titrate_route_unit (regimen->route);
  g_autofree char *unit_name = titrate_planner_unit_name (rules, regimen);
  g_autofree char *doses_header = NULL;
  g_autofree char *total_header = NULL;
  g_autofree char *units_header = NULL;
  const char *headers[N_COLUMNS];
  GtkWidget *child;
  TitrateLimit limit;
  guint n_over = 0;

  titrate_session_get_limit (self->session, &limit);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  /* The unit is written in every cell: short headers keep the table narrow. */
  doses_header = g_strdup (_("Doses"));
  total_header = g_strdup (_("Daily total"));
  units_header = g_strdup (regimen->route == TITRATE_ROUTE_ORAL ? _("Per dose") : "");

  headers[COLUMN_PHASE] = _("Phase");
  headers[COLUMN_DAYS] = _("Days");
  headers[COLUMN_DOSES] = doses_header;
  headers[COLUMN_TOTAL] = total_header;
  headers[COLUMN_UNITS] = units_header;
  headers[COLUMN_ACTIONS] = "";
  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *label = cell_label (headers[c], "column-header");

      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, headers[c], -1);
      gtk_grid_attach (self->table, label, c, 0, 1, 1);
    }

  for (guint i = 0; i < regimen->steps->len; i++)
    {
      const TitrateStep *step = &g_array_index (regimen->steps, TitrateStep, i);
      TitratePhase phase = titrate_regimen_step_phase (regimen, i);
      gboolean last = i + 1 == regimen->steps->len;
      int to_day = last ? -1 : g_array_index (regimen->steps, TitrateStep, i + 1).day - 1;
      g_autofree char *phase_text = g_strdup_printf ("%s %s", titrate_phase_symbol (phase), titrate_phase_label (phase));
      g_autofree char *days = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *doses = NULL;
      g_autofree char *total = NULL;
      g_autofree char *units = NULL;
      g_autofree char *edit_label = NULL;
      g_autofree char *remove_label = NULL;
      g_autofree char *amount = titrate_format_amount_display (titrate_step_daily_total (step));
      GtkWidget *actions, *edit, *remove;
      const char *row_class = (i % 2 == 0) ? "even" : "odd";
      gboolean over;
      int row = (int) i + 1;

      if (last)
        /* Translators: a step that runs on, e.g. "10 onwards" */
        days = g_strdup_printf (_("%d onwards"), step->day);
      else if (to_day == step->day)
        days = g_strdup_printf ("%d", step->day);
      else
        days = g_strdup_printf ("%d–%d", step->day, to_day);

      if (g_date_valid (&regimen->start_date))
        {
          GDate from = regimen->start_date;
          g_autofree char *from_text = NULL;

          g_date_add_days (&from, (guint) step->day - 1);
          /* Translators: short date in the schedule, strftime format */
          from_text = g_strstrip (titrate_format_date (&from, _("%-d %b")));
          if (last)
            dates = g_strdup_printf (_("from %s"), from_text);
          else if (to_day == step->day)
            dates = g_strdup (from_text);
          else
            {
              GDate to = regimen->start_date;
              g_autofree char *to_text = NULL;

              g_date_add_days (&to, (guint) to_day - 1);
              to_text = g_strstrip (titrate_format_date (&to, _("%-d %b")));
              dates = g_strdup_printf ("%s – %s", from_text, to_text);
            }
        }
      else
        dates = g_strdup (_("no start date"));

      if (titrate_step_is_stopped (step))
        {
          doses = g_strdup (_("stopped"));
          /* Translators: daily total on a day without baclofen, e.g. "0 mg/day" */
          total = g_strdup_printf (_("0 %s/day"), unit);
        }
      else if (!isnan (step->bolus_mcg))
        {
          doses = g_strdup_printf (_("bolus %s %s"), amount, unit);
          total = g_strdup_printf (_("%s %s (bolus)"), amount, unit);
        }
      else if (!isnan (step->daily_mcg))
        {
          doses = g_strdup (_("continuous infusion"));
          total = titrate_format_daily (titrate_step_daily_total (step), unit);
        }
      else
        {
          gboolean same = TRUE;

          for (guint d = 1; d < step->n_doses; d++)
            if (fabs (step->doses_mg[d] - step->doses_mg[0]) > 1e-9)
              same = FALSE;
          if (same && step->n_doses > 1)
            {
              g_autofree char *each = titrate_format_amount_display (step->doses_mg[0]);

              /* Translators: number of doses × amount, e.g. "3 × 5 mg" */
              doses = g_strdup_printf (_("%u × %s %s"), step->n_doses, each, unit);
            }
          else
            doses = titrate_format_doses (step->doses_mg, step->n_doses, unit);
          total = titrate_format_daily (titrate_step_daily_total (step), unit);
        }
      units = format_units_for_step (rules, regimen, step);
      over = !isnan (limit.max_daily) && isnan (step->bolus_mcg) && !titrate_step_is_stopped (step) &&
             titrate_step_daily_total (step) > limit.max_daily + 1e-9;
      if (over)
        {
          /* The warning sits on the step it concerns, in words as well as
           * the sign, as on the calendar's days. */
          char *marked = g_strdup_printf ("%s\n⚠ %s", total, _("above max"));

          g_free (total);
          total = marked;
          n_over++;
        }

      gtk_grid_attach (self->table, cell_label (phase_text, titrate_phase_css_class (phase)), COLUMN_PHASE, row, 1, 1);
      {
        /* Plan days, and the dates under them. */
        g_autofree char *days_dates = g_strdup_printf ("%s\n%s", days, dates);

        gtk_grid_attach (self->table, cell_label (days_dates, NULL), COLUMN_DAYS, row, 1, 1);
      }
      gtk_grid_attach (self->table, cell_label (doses, NULL), COLUMN_DOSES, row, 1, 1);
      gtk_grid_attach (self->table, cell_label (total, over ? "over-max" : "total"), COLUMN_TOTAL, row, 1, 1);
      {
        /* Tablets per dose are the longest cell ("1½ × 10 mg tablets",
         * longer in French): on a narrow screen they wrap rather than
         * push the table and its buttons out of sight. */
        GtkWidget *units_cell = cell_label (units, NULL);

        gtk_label_set_wrap (GTK_LABEL (units_cell), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (units_cell), PANGO_WRAP_WORD_CHAR);
        gtk_grid_attach (self->table, units_cell, COLUMN_UNITS, row, 1, 1);
      }

      actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_add_css_class (actions, "cell");
      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      edit_label = g_strdup_printf (_("Edit the step from day %d"), step->day);
      remove_label = g_strdup_printf (_("Remove the step from day %d"), step->day);
      gtk_widget_set_tooltip_text (edit, edit_label);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_add_css_class (remove, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "schedule.edit-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "i", step->day);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "schedule.remove-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", step->day);
      gtk_box_append (GTK_BOX (actions), edit);
      gtk_box_append (GTK_BOX (actions), remove);
      gtk_grid_attach (self->table, actions, COLUMN_ACTIONS, row, 1, 1);

      for (int c = 0; c < N_COLUMNS; c++)
        gtk_widget_add_css_class (gtk_grid_get_child_at (self->table, c, row), row_class);
    }

  gtk_widget_set_visible (self->empty_label, regimen->steps->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->table), regimen->steps->len > 0);

  {
    g_autoptr(GString) caption = g_string_new (NULL);
    g_autofree char *start = titrate_format_date (&regimen->start_date, _("%A %-d %B %Y"));

    if (regimen->has_protocol)
      g_string_append (caption, _("Steps built from the protocol; editing a step here turns the protocol off."));
    else if (regimen->route == TITRATE_ROUTE_INTRATHECAL)
      g_string_append (caption, _("Intrathecal steps in mcg: screening boluses, then daily pump doses."));
    else
      g_string_append (caption, _("Steps entered by hand."));
    if (g_date_valid (&regimen->start_date))
      g_string_append_printf (caption, _("\nDay 1 is %s."), g_strstrip (start));
    if (unit_name != NULL)
      /* Translators: %s is the product the "Per dose" column counts, e.g.
       * "10 mg tablet (scored: halves allowed)"; the same words as the
       * printed record's "Doses given as" */
      g_string_append_printf (caption, _(" Doses given as: %s."),
                              g_str_has_prefix (unit_name, "× ") ? unit_name + strlen ("× ") : unit_name);
    if (!isnan (limit.max_daily))
      {
        g_autofree char *max = titrate_format_daily (limit.max_daily, unit);

        g_string_append_c (caption, '\n');
        if (n_over == 0)
          /* Translators: stated plainly when no step is above it, e.g.
           * "Maximum for this patient: 80 mg/day." */
          g_string_append_printf (caption, _("Maximum for this patient: %s."), max);
        else
          /* Translators: %s is e.g. "40 mg/day"; those steps are marked
           * "⚠ above max" in the table */
          g_string_append_printf (caption, ngettext ("⚠ %u step is above the maximum for this patient, %s.",
                                                     "⚠ %u steps are above the maximum for this patient, %s.",
                                                     n_over),
                                  n_over, max);
      }
    gtk_label_set_text (self->caption_label, caption->str);
  }
}

static void
open_dialog (TitrateScheduleView *self,
             int                  day)
{
  GtkWidget *dialog = titrate_step_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->session, day);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_session_changed_cb (TitrateScheduleView *self,
                       guint                flags)
{
  if (!(flags & (TITRATE_SESSION_CHANGE_STEPS | TITRATE_SESSION_CHANGE_REGIMEN | TITRATE_SESSION_CHANGE_DOCUMENT)))
    return;
  /* A hidden table is rebuilt when it is shown, not on every keystroke. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
}

static void
on_map_cb (TitrateScheduleView *self)
{
  if (self->stale && self->session != NULL)
    {
      self->stale = FALSE;
      rebuild (self);
    }
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_dialog (TITRATE_SCHEDULE_VIEW (widget), 0);
}

static void
edit_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_dialog (TITRATE_SCHEDULE_VIEW (widget), g_variant_get_int32 (parameter));
}

static void
remove_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TitrateScheduleView *self = TITRATE_SCHEDULE_VIEW (widget);

  titrate_session_remove_step (self->session, g_variant_get_int32 (parameter));
}

/* GObject */

static void
titrate_schedule_view_dispose (GObject *object)
{
  TitrateScheduleView *self = TITRATE_SCHEDULE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TITRATE_TYPE_SCHEDULE_VIEW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (titrate_schedule_view_parent_class)->dispose (object);
}

static void
titrate_schedule_view_class_init (TitrateScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_schedule_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateScheduleView, caption_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateScheduleView, table);
  gtk_widget_class_bind_template_child (widget_class, TitrateScheduleView, empty_label);

  gtk_widget_class_install_action (widget_class, "schedule.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "schedule.edit-step", "i", edit_step_action);
  gtk_widget_class_install_action (widget_class, "schedule.remove-step", "i", remove_step_action);
}

static void
titrate_schedule_view_init (TitrateScheduleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* Public API */

void
titrate_schedule_view_set_session (TitrateScheduleView *self,
                                   TitrateSession      *session)
{
  g_return_if_fail (TITRATE_IS_SCHEDULE_VIEW (self));
  g_return_if_fail (TITRATE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/* The text of a table cell; @row 0 is the header. (nullable) */
const char *
titrate_schedule_view_get_cell (TitrateScheduleView *self,
                                guint                row,
                                guint                column)
{
  GtkWidget *child;

  g_return_val_if_fail (TITRATE_IS_SCHEDULE_VIEW (self), NULL);

  if (self->stale)
    {
      self->stale = FALSE;
      rebuild (self);
    }
  child = gtk_grid_get_child_at (self->table, (int) column, (int) row);
  if (child == NULL || !GTK_IS_LABEL (child))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (child));
}

/* The text above the table: how the steps were made, day 1, the product
 * the "Per dose" column counts and this patient's maximum. */
const char *
titrate_schedule_view_get_caption (TitrateScheduleView *self)
{
  g_return_val_if_fail (TITRATE_IS_SCHEDULE_VIEW (self), NULL);

  if (self->stale)
    {
      self->stale = FALSE;
      rebuild (self);
    }
  return gtk_label_get_text (self->caption_label);
}
