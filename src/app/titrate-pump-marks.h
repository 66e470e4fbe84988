/* titrate-pump-marks.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-pump.h"
#include "titrate-session.h"

G_BEGIN_DECLS

/* The session's pump plan, computed once per change. (transfer none) NULL
 * when the regimen has no pump or it cannot be planned. */
const TitratePumpPlan *titrate_pump_marks_get_plan (TitrateSession *session);

/* Shows the pump's dates (refill, appointment, refill-by, alarm, empty) on a
 * calendar day cell: a short word line under the doses and an accessible
 * description. */
void titrate_pump_marks_apply_to_cell (GtkWidget      *cell,
                                       TitrateSession *session,
                                       const GDate    *date);

/* Draws the same dates as vertical lines on the dose chart; days map to x
 * as the chart does: left + (day - 1) / n_days × width. */
void titrate_pump_marks_draw_chart    (GtkWidget      *widget,
                                       cairo_t        *cr,
                                       TitrateSession *session,
                                       double          left,
                                       double          top,
                                       double          width,
                                       double          height,
                                       int             n_days);

/* A label that shows days to the pump alarm and the refill-by date (hidden
 * without a pump); for the plan view. */
GtkWidget *titrate_pump_marks_status_label_new (TitrateSession *session);

/* Applies the "pump-margin-days" setting (-1: the rules database's default)
 * and keeps following it. */
void titrate_pump_marks_bind_settings (GSettings *settings);

/* Adds a "Pump" page with the refill margin (choices from the rules
 * database's range; the default says it is a design choice). */
void titrate_pump_marks_add_preferences (AdwPreferencesWindow *window,
                                         GSettings            *settings,
                                         TitrateRules         *rules);

G_END_DECLS
