/* late-change.c — a check for bench/settled-content: the bare libadwaita
 * window of first-frame-baseline.c, whose label changes DELAY_MS (default
 * 500) after its first frame is painted. settled-content must time its
 * settled content about DELAY_MS (plus one redraw) after its first content.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   late-change [DELAY_MS]
 */

#include <adwaita.h>
#include <stdlib.h>

static guint delay_ms = 500;

static void
change_label_cb (gpointer user_data)
{
  gtk_label_set_label (GTK_LABEL (user_data), "Hello, a little later");
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  g_timeout_add_once (delay_ms, change_label_cb, user_data);
}

static void
on_map_cb (GtkWidget *window,
           gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), user_data);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Hello");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 880);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), label);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc > 1)
    delay_ms = (guint) strtoul (argv[1], NULL, 10);
  app = adw_application_new ("io.github.titrate.LateChange", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
