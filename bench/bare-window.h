/* bare-window.h — the bare libadwaita window Titrate's startup is compared
 * with (an AdwApplicationWindow with a header bar and a label), shared by
 * first-frame-baseline.c and late-change.c so that both are the same.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

/* The window, not yet presented; @box and @label (optional) get its
 * content box and its label. */
static inline GtkWidget *
bare_window_new (GtkApplication  *app,
                 GtkWidget      **box,
                 GtkWidget      **label)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_label_new ("Hello");

  gtk_widget_set_vexpand (text, TRUE);
  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), text);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 880);
  if (box != NULL)
    *box = content;
  if (label != NULL)
    *label = text;
  return window;
}

typedef struct
{
  GSourceOnceFunc func;
  gpointer        data;
} BareFirstPaint;

static inline void
bare_window_after_paint_cb (GdkFrameClock  *clock,
                            BareFirstPaint *once)
{
  g_signal_handlers_disconnect_by_func (clock, bare_window_after_paint_cb, once);
  once->func (once->data);
  g_free (once);
}

static inline void
bare_window_map_cb (GtkWidget      *window,
                    BareFirstPaint *once)
{
  g_signal_handlers_disconnect_by_func (window, bare_window_map_cb, once);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bare_window_after_paint_cb), once);
}

/* Calls @func (@data) once, when the window's first frame has been
 * painted (the frame clock's first after-paint once it is mapped), as the
 * app's own first-frame hook does. */
static inline void
bare_window_after_first_paint (GtkWidget       *window,
                               GSourceOnceFunc  func,
                               gpointer         data)
{
  BareFirstPaint *once = g_new (BareFirstPaint, 1);

  once->func = func;
  once->data = data;
  g_signal_connect (window, "map", G_CALLBACK (bare_window_map_cb), once);
}
