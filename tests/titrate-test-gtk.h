/* titrate-test-gtk.h — shared helpers for the widget tests
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "titrate-number-row.h"
#include "titrate-patient-form.h"

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

/* Runs @body in English, then in French with the build tree's French
 * messages (skipped, and said so, when fr_FR.UTF-8 is not installed),
 * then puts the locale and the catalogue back. @body gets the language's
 * name, for its assertion messages. Needs config.h. */
static inline void
in_english_and_french (void (*body) (const char *language))
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *saved = NULL;

  body ("English");
  saved = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("fr_FR.UTF-8 not installed (tools/install-deps.sh generates it)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  body ("French");
  g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  g_assert_nonnull (setlocale (LC_ALL, saved));
}

/* The patient form's number row @name (its id in the form's template). */
static inline TitrateNumberRow *
form_row (TitratePatientForm *form,
          const char         *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (form), TITRATE_TYPE_PATIENT_FORM, name);

  g_assert_true (TITRATE_IS_NUMBER_ROW (object));
  return TITRATE_NUMBER_ROW (object);
}

/* Types @text into a number row and presses Enter, as a prescriber does. */
static inline void
enter (TitrateNumberRow *number_row,
       const char       *text)
{
  GtkEditable *entry = titrate_number_row_get_entry (number_row);

  gtk_editable_set_text (entry, text);
  if (GTK_IS_ENTRY (entry))
    g_signal_emit_by_name (entry, "activate");
  pump ();
}
