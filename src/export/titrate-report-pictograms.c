/* titrate-report-pictograms.c — tablets, packets and tick boxes drawn on the handout
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "titrate-report-private.h"

void
_titrate_report_set_gray (cairo_t *cr,
                          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* A whole tablet: a disc with its score line. */
void
_titrate_report_draw_whole_tablet (cairo_t *cr,
                                   double   x,
                                   double   y,
                                   double   d)
{
  double rr = d / 2;

  cairo_new_path (cr);
  cairo_arc (cr, x + rr, y + rr, rr - 0.6, 0, 2 * G_PI);
  _titrate_report_set_gray (cr, 0.86);
  cairo_fill_preserve (cr);
  _titrate_report_set_gray (cr, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  cairo_move_to (cr, x + rr, y + 2.5);
  cairo_line_to (cr, x + rr, y + d - 2.5);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
}

/* Half a tablet: the left half-disc, flat side on the score line. */
void
_titrate_report_draw_half_tablet (cairo_t *cr,
                                  double   x,
                                  double   y,
                                  double   d)
{
  double rr = d / 2;

  cairo_new_path (cr);
  cairo_arc (cr, x + rr, y + rr, rr - 0.6, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
  _titrate_report_set_gray (cr, 0.86);
  cairo_fill_preserve (cr);
  _titrate_report_set_gray (cr, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

void
_titrate_report_draw_packet (cairo_t *cr,
                             double   x,
                             double   y,
                             double   d)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x + d * 0.15, y + 0.6, d * 0.7, d - 1.2);
  _titrate_report_set_gray (cr, 0.86);
  cairo_fill_preserve (cr);
  _titrate_report_set_gray (cr, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

void
_titrate_report_draw_tick_box (cairo_t *cr,
                               double   x,
                               double   y)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, TICK_SIZE, TICK_SIZE);
  _titrate_report_set_gray (cr, 1);
  cairo_fill_preserve (cr);
  _titrate_report_set_gray (cr, 0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

/* Tablets or packets for @units, wrapped to @width; returns the height and
 * the width used. Nothing for a liquid or a count that is not whole or half. */
double
_titrate_report_render_units (Render            *r,
                              TitrateProductKind product,
                              double             units,
                              double             x,
                              double             y,
                              double             width,
                              double            *used_width)
{
  guint whole;
  gboolean half;
  guint n;
  guint per_row;
  guint rows;

  *used_width = 0;
  if (isnan (units) || units <= 0 || (product != TITRATE_PRODUCT_TABLET && product != TITRATE_PRODUCT_PACKET))
    return 0;
  /* A picture helps count a few tablets; beyond that (an odd strength)
   * the text alone says how many, and the page stays drawable. */
  if (units > MAX_UNIT_PICTURES)
    return 0;
  whole = (guint) floor (units + 1e-9);
  half = fabs (units - whole - 0.5) < 1e-9;
  if (!half && fabs (units - whole) > 1e-9)
    return 0;
  if (product == TITRATE_PRODUCT_PACKET && half)
    return 0;

  n = whole + (half ? 1 : 0);
  per_row = MAX (1, (guint) floor ((width + TABLET_GAP) / (TABLET_D + TABLET_GAP)));
  rows = (n + per_row - 1) / per_row;
  *used_width = MIN (n, per_row) * (TABLET_D + TABLET_GAP) - TABLET_GAP;
  if (half && n <= per_row)
    *used_width -= TABLET_D / 2 - 1;   /* a half tablet is half as wide */

  if (r->cr != NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          double tx = x + (i % per_row) * (TABLET_D + TABLET_GAP);
          double ty = y + (i / per_row) * (TABLET_D + TABLET_GAP);

          if (product == TITRATE_PRODUCT_PACKET)
            _titrate_report_draw_packet (r->cr, tx, ty, TABLET_D);
          else if (i < whole)
            _titrate_report_draw_whole_tablet (r->cr, tx, ty, TABLET_D);
          else
            _titrate_report_draw_half_tablet (r->cr, tx, ty, TABLET_D);
        }
    }
  return rows * TABLET_D + (rows - 1) * TABLET_GAP;
}
