/* late-change.c — a check for bench/settled-content: the bare libadwaita
 * window of first-frame-baseline.c, whose label changes DELAY_MS (default
 * 500) after its first frame is painted. settled-content must time its
 * settled content about DELAY_MS (plus one redraw) after its first content.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   late-change [DELAY_MS] [--repaint]
 *
 * With --repaint the window also has a drawing area redrawn every 100 ms,
 * the same pixels each time: repaints that change nothing must not move
 * settled content.
 */

#include <adwaita.h>
#include <stdlib.h>

#include "bare-window.h"

static guint delay_ms = 500;
static gboolean repaint;

/* GTK draws nothing when the render nodes did not change, but a drawing
 * area's node is new at each draw: redrawn, the same pixels. */
static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static gboolean
repaint_cb (gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
  return G_SOURCE_CONTINUE;
}

static void
change_label_cb (gpointer user_data)
{
  gtk_label_set_label (GTK_LABEL (user_data), "Hello, a little later");
}

static void
first_frame_cb (gpointer user_data)
{
  g_timeout_add_once (delay_ms, change_label_cb, user_data);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *box, *label;
  GtkWidget *window = bare_window_new (GTK_APPLICATION (app), &box, &label);

  bare_window_after_first_paint (window, first_frame_cb, label);
  if (repaint)
    {
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 200);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 40);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cb, NULL, NULL);
      gtk_box_append (GTK_BOX (box), area);
      g_timeout_add (100, repaint_cb, area);
    }
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--repaint") == 0)
        repaint = TRUE;
      else
        delay_ms = (guint) strtoul (argv[i], NULL, 10);
    }
  app = adw_application_new ("io.github.titrate.LateChange", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
