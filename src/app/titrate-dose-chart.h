/* titrate-dose-chart.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_DOSE_CHART (titrate_dose_chart_get_type ())

G_DECLARE_FINAL_TYPE (TitrateDoseChart, titrate_dose_chart, TITRATE, DOSE_CHART, GtkDrawingArea)

void        titrate_dose_chart_set_session (TitrateDoseChart *self,
                                            TitrateSession   *session);
const char *titrate_dose_chart_get_summary (TitrateDoseChart *self);
GArray     *titrate_dose_chart_get_label_rects (TitrateDoseChart *self,
                                                int               width,
                                                int               height);

G_END_DECLS
