/* titrate-window.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-autosave.h"
#include "titrate-plan-view.h"
#include "titrate-rules-source.h"
#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_WINDOW (titrate_window_get_type ())

G_DECLARE_FINAL_TYPE (TitrateWindow, titrate_window, TITRATE, WINDOW, AdwApplicationWindow)

TitrateWindow  *titrate_window_new            (GtkApplication     *application,
                                               GSettings          *settings,
                                               TitrateRules       *rules,
                                               const GError       *rules_error,
                                               TitrateRulesSource  rules_source,
                                               const char         *rules_failure);
TitratePlanView *titrate_window_get_plan_view (TitrateWindow      *self);
TitrateSession *titrate_window_get_session    (TitrateWindow      *self);
gboolean        titrate_window_get_blocked    (TitrateWindow      *self);
gboolean        titrate_window_get_can_save_final (TitrateWindow  *self);
gboolean        titrate_window_is_pristine    (TitrateWindow      *self);
gboolean        titrate_window_open_file      (TitrateWindow      *self,
                                               GFile              *file,
                                               GError            **error);
gboolean        titrate_window_open_example   (TitrateWindow      *self,
                                               const char         *name,
                                               GError            **error);
gboolean        titrate_window_save_to_file   (TitrateWindow      *self,
                                               GFile              *file,
                                               gboolean            final,
                                               GError            **error);
TitrateAutosave *titrate_window_get_autosave  (TitrateWindow      *self);
void            titrate_window_add_toast      (TitrateWindow      *self,
                                               const char         *text);

G_END_DECLS
