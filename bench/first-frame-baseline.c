/* first-frame-baseline.c — the bare libadwaita window Titrate's startup is
 * compared with: an AdwApplicationWindow with a header bar and a label.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Same measurement hook as the app: with TITRATE_FIRST_FRAME set it prints
 * "first-frame-us <g_get_monotonic_time()>" at the first frame clock
 * after-paint, then quits after TITRATE_QUIT_DELAY_MS (default 0).
 */

#include <adwaita.h>

#include "bare-window.h"
#include <stdio.h>

static void
first_frame_cb (gpointer user_data)
{
  const char *delay = g_getenv ("TITRATE_QUIT_DELAY_MS");

  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_timeout_add_once (delay != NULL ? (guint) g_ascii_strtoull (delay, NULL, 10) : 0,
                      (GSourceOnceFunc) g_application_quit, user_data);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = bare_window_new (GTK_APPLICATION (app), NULL, NULL);

  if (g_getenv ("TITRATE_FIRST_FRAME") != NULL)
    bare_window_after_first_paint (window, first_frame_cb, app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.titrate.FirstFrameBaseline",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
