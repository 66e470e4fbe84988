/* titrate-preferences-window.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TITRATE_TYPE_PREFERENCES_WINDOW (titrate_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TitratePreferencesWindow, titrate_preferences_window, TITRATE, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *titrate_preferences_window_new              (GtkWindow   *parent,
                                                        GSettings   *settings);
gboolean   titrate_preferences_window_parse_dose_times (const char  *text,
                                                        GStrv       *times,
                                                        char       **error);

G_END_DECLS
