/* titrate-dose-chart.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Daily dose over time, drawn with cairo, with the target and the maximum
 * that applies to this patient as labelled reference lines. Any part of the
 * plan above that maximum is drawn in the error colour. The same facts are
 * given to screen readers as one sentence.
 *
 * A drawing area has no children, so this widget has no template.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "titrate-dose-chart.h"
#include "titrate-pump-marks.h"
#include "titrate-ui-utils.h"

#define MARGIN_LEFT   64.0
#define MARGIN_RIGHT  24.0
#define MARGIN_TOP    40.0
#define MARGIN_BOTTOM 44.0

struct _TitrateDoseChart
{
  GtkDrawingArea  parent_instance;

  TitrateSession *session;
  char           *summary;
  GArray         *record;     /* (element-type graphene_rect_t) (nullable):
                               * where each label went, for the tests */
};

G_DEFINE_FINAL_TYPE (TitrateDoseChart, titrate_dose_chart, GTK_TYPE_DRAWING_AREA)

/* Helpers */

static double
nice_step (double range)
{
  double raw = range / 5.0;
  double magnitude = pow (10, floor (log10 (raw)));
  double normalized = raw / magnitude;

  if (normalized <= 1)
    return magnitude;
  if (normalized <= 2)
    return 2 * magnitude;
  if (normalized <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *out,
              const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

static PangoLayout *
text_layout (GtkWidget  *widget,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

/* Where @text would go, aligned on (@x, @y). */
static graphene_rect_t
text_rect (GtkWidget  *widget,
           const char *text,
           double      x,
           double      y,
           double      xalign,
           double      yalign,
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = text_layout (widget, text, bold);
  graphene_rect_t rect;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  graphene_rect_init (&rect, x - width * xalign, y - height * yalign, width, height);
  return rect;
}

static void
draw_text (GtkWidget     *widget,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         xalign,
           double         yalign,
           const GdkRGBA *color,
           gboolean       bold)
{
  TitrateDoseChart *self = TITRATE_DOSE_CHART (widget);
  g_autoptr(PangoLayout) layout = text_layout (widget, text, bold);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x - width * xalign, y - height * yalign);
  pango_cairo_show_layout (cr, layout);
  if (self->record != NULL)
    {
      graphene_rect_t rect;

      graphene_rect_init (&rect, x - width * xalign, y - height * yalign, width, height);
      g_array_append_val (self->record, rect);
    }
}

/* The smallest multiple of @step (days) whose labels, @label_width wide,
 * leave a gap between them at @px_per_day. */
static int
thin_day_step (int    step,
               double px_per_day,
               double label_width)
{
  int k = 1;

  while (k * step * px_per_day < label_width + 12 && k * step < 10000)
    k++;
  return k * step;
}

static void
update_summary (TitrateDoseChart *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  const char *unit = titrate_route_unit (regimen->route);
  TitrateLimit limit;
  double low = NAN, high = NAN, target;
  int over_day = 0;
  gboolean protocol_target = FALSE;
  g_autoptr(GString) text = g_string_new (NULL);

  titrate_session_get_limit (self->session, &limit);
  target = titrate_session_get_target (self->session, &protocol_target);
  for (guint i = 0; i < regimen->steps->len; i++)
    {
      const TitrateStep *s = &g_array_index (regimen->steps, TitrateStep, i);
      double total = titrate_step_daily_total (s);

      if (isnan (low) || total < low)
        low = total;
      if (isnan (high) || total > high)
        high = total;
      if (over_day == 0 && !isnan (limit.max_daily) && total > limit.max_daily + 1e-9)
        over_day = s->day;
    }

  if (isnan (high))
    g_string_append (text, _("Dose chart: no steps yet."));
  else
    {
      g_autofree char *l = titrate_format_amount_display (low);
      g_autofree char *h = titrate_format_amount_display (high);

      /* Translators: "Dose chart: daily dose from 15 to 60 mg/day." */
      g_string_append_printf (text, _("Dose chart: daily dose from %s to %s %s/day."), l, h, unit);
    }
  if (!isnan (target))
    {
      g_autofree char *t = titrate_format_amount_display (target);

      g_string_append_printf (text, " %s %s %s/day.", protocol_target ? _("Target") : _("Maintenance"), t, unit);
    }
  if (!isnan (limit.max_daily))
    {
      g_autofree char *m = titrate_format_amount_display (limit.max_daily);

      g_string_append_printf (text, _(" Maximum for this patient %s %s/day."), m, unit);
      if (over_day > 0)
        g_string_append_printf (text, _(" The plan is above it from day %d."), over_day);
    }
  else
    g_string_append (text, _(" No maximum applies."));

  if (g_strcmp0 (self->summary, text->str) != 0)
    {
      g_free (self->summary);
      self->summary = g_strdup (text->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                      -1);
    }
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  TitrateDoseChart *self = TITRATE_DOSE_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  const TitrateRegimen *regimen;
  const char *unit;
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, accent, error, grid, target_color;
  TitrateLimit limit;
  double target, y_max = 0, y_step, plot_w, plot_h;
  int n_days, day_step;
  graphene_rect_t target_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  gboolean protocol_target = FALSE;

  if (self->session == NULL)
    return;
  regimen = titrate_session_get_regimen (self->session);
  unit = titrate_route_unit (regimen->route);

  gtk_style_context_get_color (context, &fg);
  lookup_color (widget, "accent_color", &accent, "#1c71d8");
  lookup_color (widget, "error_color", &error, "#c01c28");
  grid = fg;
  grid.alpha = 0.12;
  target_color = fg;
  target_color.alpha = 0.8;

  if (regimen->steps->len == 0)
    {
      draw_text (widget, cr, _("No steps to chart yet."), width / 2.0, height / 2.0, 0.5, 0.5, &fg, FALSE);
      return;
    }

  titrate_session_get_limit (self->session, &limit);
  target = titrate_session_get_target (self->session, &protocol_target);
  n_days = MAX (titrate_session_get_horizon (self->session), 14);

  for (guint i = 0; i < regimen->steps->len; i++)
    y_max = MAX (y_max, titrate_step_daily_total (&g_array_index (regimen->steps, TitrateStep, i)));
  if (!isnan (target))
    y_max = MAX (y_max, target);
  if (!isnan (limit.max_daily))
    y_max = MAX (y_max, limit.max_daily);
  if (y_max <= 0)
    y_max = 1;
  y_step = nice_step (y_max * 1.1);
  y_max = ceil (y_max * 1.1 / y_step) * y_step;

  plot_w = width - MARGIN_LEFT - MARGIN_RIGHT;
  plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;
  if (plot_w < 50 || plot_h < 50)
    return;

#define X(day) (MARGIN_LEFT + ((double) (day) - 1) / (double) n_days * plot_w)
#define Y(val) (MARGIN_TOP + plot_h - (val) / y_max * plot_h)

  /* Axis labels never collide: the steps grow until each label has room. */
  {
    graphene_rect_t sample = text_rect (widget, "0", 0, 0, 0, 0, FALSE);

    while (y_step / y_max * plot_h < sample.size.height + 4 && y_step < y_max)
      {
        y_step = nice_step (y_step * 5.0 * 1.5);
        y_max = ceil (y_max / y_step) * y_step;
      }
  }
  {
    g_autofree char *widest = g_strdup_printf (_("day %d"), n_days);
    graphene_rect_t sample = text_rect (widget, widest, 0, 0, 0, 0, FALSE);

    day_step = thin_day_step (7, plot_w / n_days, sample.size.width);
  }

  /* Grid and axes */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= y_max + 1e-9; v += y_step)
    {
      g_autofree char *amount = titrate_format_amount_display (v);

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_move_to (cr, MARGIN_LEFT, round (Y (v)) + 0.5);
      cairo_line_to (cr, MARGIN_LEFT + plot_w, round (Y (v)) + 0.5);
      cairo_stroke (cr);
      draw_text (widget, cr, amount, MARGIN_LEFT - 8, Y (v), 1.0, 0.5, &fg, FALSE);
    }
  {
    g_autofree char *axis = g_strdup_printf (_("%s/day"), unit);

    draw_text (widget, cr, axis, MARGIN_LEFT - 8, MARGIN_TOP - 12, 1.0, 1.0, &fg, TRUE);
  }
  for (int day = 1; day <= n_days; day += day_step)
    {
      g_autofree char *label = g_strdup_printf (_("day %d"), day);

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_move_to (cr, round (X (day)) + 0.5, MARGIN_TOP);
      cairo_line_to (cr, round (X (day)) + 0.5, MARGIN_TOP + plot_h);
      cairo_stroke (cr);
      draw_text (widget, cr, label, X (day), MARGIN_TOP + plot_h + 6, 0.0, 0.0, &fg, FALSE);
    }

  /* Above the maximum for this patient: a light red band. */
  if (!isnan (limit.max_daily) && limit.max_daily < y_max)
    {
      cairo_set_source_rgba (cr, error.red, error.green, error.blue, 0.08);
      cairo_rectangle (cr, MARGIN_LEFT, MARGIN_TOP, plot_w, Y (limit.max_daily) - MARGIN_TOP);
      cairo_fill (cr);
    }

  /* The plan: a step line, filled below, red where above the maximum. */
  cairo_new_path (cr);
  cairo_move_to (cr, X (1), Y (0));
  for (guint i = 0; i < regimen->steps->len; i++)
    {
      const TitrateStep *s = &g_array_index (regimen->steps, TitrateStep, i);
      int to = i + 1 < regimen->steps->len ? g_array_index (regimen->steps, TitrateStep, i + 1).day : n_days + 1;
      double total = titrate_step_is_stopped (s) ? 0 : titrate_step_daily_total (s);

      cairo_line_to (cr, X (s->day), Y (total));
      cairo_line_to (cr, X (MIN (to, n_days + 1)), Y (total));
    }
  cairo_line_to (cr, X (n_days + 1), Y (0));
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.18);
  cairo_fill (cr);

  cairo_set_line_width (cr, 3);
  for (guint i = 0; i < regimen->steps->len; i++)
    {
      const TitrateStep *s = &g_array_index (regimen->steps, TitrateStep, i);
      int to = i + 1 < regimen->steps->len ? g_array_index (regimen->steps, TitrateStep, i + 1).day : n_days + 1;
      double total = titrate_step_is_stopped (s) ? 0 : titrate_step_daily_total (s);
      gboolean over = !isnan (limit.max_daily) && total > limit.max_daily + 1e-9;

      gdk_cairo_set_source_rgba (cr, over ? &error : &accent);
      if (i > 0)
        {
          const TitrateStep *p = &g_array_index (regimen->steps, TitrateStep, i - 1);
          double prev = titrate_step_is_stopped (p) ? 0 : titrate_step_daily_total (p);

          cairo_move_to (cr, X (s->day), Y (prev));
          cairo_line_to (cr, X (s->day), Y (total));
          cairo_stroke (cr);
        }
      cairo_move_to (cr, X (s->day), Y (total));
      cairo_line_to (cr, X (MIN (to, n_days + 1)), Y (total));
      cairo_stroke (cr);
      if (!isnan (s->bolus_mcg))
        {
          cairo_arc (cr, X (s->day) + 3, Y (total), 5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* Reference lines, each with its own label. */
  if (!isnan (target))
    {
      g_autofree char *amount = titrate_format_amount_display (target);
      g_autofree char *label = NULL;
      double dashes[] = { 8, 5 };

      label = g_strdup_printf (protocol_target ? _("Target %s %s/day") : _("Maintenance %s %s/day"), amount, unit);
      gdk_cairo_set_source_rgba (cr, &target_color);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, MARGIN_LEFT, Y (target));
      cairo_line_to (cr, MARGIN_LEFT + plot_w, Y (target));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      target_rect = text_rect (widget, label, MARGIN_LEFT + 6, Y (target) - 3, 0.0, 1.0, FALSE);
      draw_text (widget, cr, label, MARGIN_LEFT + 6, Y (target) - 3, 0.0, 1.0, &target_color, FALSE);
    }
  if (!isnan (limit.max_daily))
    {
      g_autofree char *amount = titrate_format_amount_display (limit.max_daily);
      g_autofree char *label = NULL;

      if (!isnan (limit.renal_ceiling))
        /* Translators: "Maximum for this patient 5 mg/day (renal ceiling)" */
        label = g_strdup_printf (_("Maximum for this patient %s %s/day (renal ceiling)"), amount, unit);
      else if (limit.renal_factor < 1.0 - 1e-9)
        {
          g_autofree char *factor = titrate_format_amount_display (limit.renal_factor);

          /* Translators: "Maximum for this patient 40 mg/day (renal × 0.5)" */
          label = g_strdup_printf (_("Maximum for this patient %s %s/day (renal × %s)"), amount, unit, factor);
        }
      else
        label = g_strdup_printf (_("Maximum for this patient %s %s/day"), amount, unit);
      gdk_cairo_set_source_rgba (cr, &error);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, MARGIN_LEFT, Y (limit.max_daily));
      cairo_line_to (cr, MARGIN_LEFT + plot_w, Y (limit.max_daily));
      cairo_stroke (cr);
      {
        graphene_rect_t above = text_rect (widget, label, MARGIN_LEFT + plot_w - 6, Y (limit.max_daily) - 3,
                                           1.0, 1.0, TRUE);

        /* Close to the target line, the two labels would overlap: the
         * maximum's goes below its line instead. */
        if (graphene_rect_intersection (&above, &target_rect, NULL))
          draw_text (widget, cr, label, MARGIN_LEFT + plot_w - 6, Y (limit.max_daily) + 3, 1.0, 0.0, &error, TRUE);
        else
          draw_text (widget, cr, label, MARGIN_LEFT + plot_w - 6, Y (limit.max_daily) - 3, 1.0, 1.0, &error, TRUE);
      }
    }

  titrate_pump_marks_draw_chart (widget, cr, self->session, MARGIN_LEFT, MARGIN_TOP, plot_w, plot_h, n_days);

#undef X
#undef Y
}

/* Callbacks */

static void
on_session_changed_cb (TitrateDoseChart *self,
                       guint             flags)
{
  if (!(flags & (TITRATE_SESSION_CHANGE_STEPS | TITRATE_SESSION_CHANGE_LIMIT |
                 TITRATE_SESSION_CHANGE_REGIMEN | TITRATE_SESSION_CHANGE_DOCUMENT)))
    return;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
titrate_dose_chart_dispose (GObject *object)
{
  TitrateDoseChart *self = TITRATE_DOSE_CHART (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (titrate_dose_chart_parent_class)->dispose (object);
}

static void
titrate_dose_chart_finalize (GObject *object)
{
  TitrateDoseChart *self = TITRATE_DOSE_CHART (object);

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (titrate_dose_chart_parent_class)->finalize (object);
}

static void
titrate_dose_chart_class_init (TitrateDoseChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_dose_chart_dispose;
  object_class->finalize = titrate_dose_chart_finalize;

  gtk_widget_class_set_css_name (widget_class, "dosechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
titrate_dose_chart_init (TitrateDoseChart *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 320);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_chart, NULL, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/* Public API */

void
titrate_dose_chart_set_session (TitrateDoseChart *self,
                                TitrateSession   *session)
{
  g_return_if_fail (TITRATE_IS_DOSE_CHART (self));
  g_return_if_fail (TITRATE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The chart's facts in words (also its accessible label). */
const char *
titrate_dose_chart_get_summary (TitrateDoseChart *self)
{
  g_return_val_if_fail (TITRATE_IS_DOSE_CHART (self), NULL);

  return self->summary;
}

/**
 * titrate_dose_chart_get_label_rects:
 *
 * Lays the chart out at @width × @height, as it would be drawn, and says
 * where each text label goes (for the tests: no two may overlap).
 *
 * Returns: (transfer full) (element-type graphene_rect_t): the labels' extents
 */
GArray *
titrate_dose_chart_get_label_rects (TitrateDoseChart *self,
                                    int               width,
                                    int               height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GArray *rects;

  g_return_val_if_fail (TITRATE_IS_DOSE_CHART (self), NULL);

  rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  self->record = rects;
  draw_chart (GTK_DRAWING_AREA (self), cr, width, height, NULL);
  self->record = NULL;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return rects;
}
