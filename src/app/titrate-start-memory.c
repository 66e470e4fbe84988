/* titrate-start-memory.c: gives back the memory a window freed while it started
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a window and drawing its first frames allocate, then free,
 * several MiB: text layouts measured and dropped, and the full-window
 * images of the first frames (with the cairo renderer on X11 the second
 * frame, the server's first expose, redraws the whole window). glibc keeps
 * freed memory in its heap for reuse, so the process held it for the rest
 * of its life: bench/settled-content.sh read 47–48 MiB at settled content
 * in about half the runs, against 40–42 MiB in the others.
 *
 * Once the window has gone TRIM_QUIET_MS without drawing a frame, or
 * TRIM_LATEST_MS after its first frame if it keeps drawing (a blinking
 * cursor), malloc_trim() gives the free heap pages back to the system,
 * once per window. It costs about a millisecond, at a moment when the
 * window has nothing to draw. Without glibc this does nothing.
 */

#include "config.h"

#include <stdlib.h>   /* defines __GLIBC__ with glibc */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "titrate-start-memory.h"

#define TRIM_QUIET_MS 300
#define TRIM_LATEST_MS 2000

typedef struct
{
  GtkWidget     *window;            /* not owned: left on "unrealize" */
  gulong         unrealize_handler;
  GdkFrameClock *clock;
  gulong         paint_handler;
  guint          quiet_source;
  gint64         first_paint_us;
} StartTrim;

static guint n_trims;

/* Stops watching; gives the memory back when @give_back. Safe whatever
 * happened to the frame clock: a surface destroyed with its window
 * disposes its clock, which drops every handler on it. */
static void
start_trim_finish (StartTrim *trim,
                   gboolean   give_back)
{
  if (give_back)
    {
#ifdef __GLIBC__
      malloc_trim (0);
#endif
      n_trims++;
    }
  g_clear_handle_id (&trim->quiet_source, g_source_remove);
  if (trim->paint_handler != 0
      && g_signal_handler_is_connected (trim->clock, trim->paint_handler))
    g_signal_handler_disconnect (trim->clock, trim->paint_handler);
  trim->paint_handler = 0;
  g_clear_signal_handler (&trim->unrealize_handler, trim->window);
  g_clear_object (&trim->clock);
  g_free (trim);
}

static void
on_quiet_cb (gpointer user_data)
{
  StartTrim *trim = user_data;

  trim->quiet_source = 0;   /* a once-source: removed after this */
  start_trim_finish (trim, TRUE);
}

/* The window went away before it settled: nothing to wait for. */
static void
on_unrealize_cb (GtkWidget *window,
                 gpointer   user_data)
{
  start_trim_finish (user_data, FALSE);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  StartTrim *trim = user_data;
  gint64 now = g_get_monotonic_time ();

  if (trim->first_paint_us == 0)
    trim->first_paint_us = now;
  g_clear_handle_id (&trim->quiet_source, g_source_remove);
  if (now - trim->first_paint_us >= (gint64) TRIM_LATEST_MS * 1000)
    start_trim_finish (trim, TRUE);
  else
    trim->quiet_source = g_timeout_add_once (TRIM_QUIET_MS, on_quiet_cb, trim);
}

static void
on_map_cb (GtkWidget *window,
           gpointer   user_data)
{
  StartTrim *trim;

  g_signal_handlers_disconnect_by_func (window, on_map_cb, user_data);
  trim = g_new0 (StartTrim, 1);
  trim->window = window;
  trim->unrealize_handler = g_signal_connect (window, "unrealize",
                                              G_CALLBACK (on_unrealize_cb),
                                              trim);
  trim->clock = g_object_ref (gtk_widget_get_frame_clock (window));
  trim->paint_handler = g_signal_connect (trim->clock, "after-paint",
                                          G_CALLBACK (on_after_paint_cb), trim);
}

/**
 * titrate_start_memory_watch:
 * @window: a window not yet mapped
 *
 * Gives back the memory @window freed while it started, once its first
 * frames are drawn (see the top of this file).
 */
void
titrate_start_memory_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (!gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), NULL);
}

/* For tests: how many times the freed memory was given back. */
guint
_titrate_start_memory_get_n_trims (void)
{
  return n_trims;
}
