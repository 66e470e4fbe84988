/* titrate-test-gtk.h — shared helpers for the widget tests
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

/* Runs what is pending in the main loop (bounded). */
static inline void
pump (void)
{
  for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static inline void
settle_after_paint_cb (GdkFrameClock *clock,
                       guint         *count)
{
  (*count)++;
}

/* Until the window has been laid out and drawn twice (at most 3 s). */
static inline void
settle (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  guint count = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (settle_after_paint_cb), &count);
  gtk_widget_queue_draw (window);
  while (count < 2 && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      {
        gtk_widget_queue_draw (window);
        g_usleep (1000);
      }
  g_signal_handler_disconnect (clock, id);
  pump ();
}
