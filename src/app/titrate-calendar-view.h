/* titrate-calendar-view.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-day-cell.h"
#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_CALENDAR_VIEW (titrate_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (TitrateCalendarView, titrate_calendar_view, TITRATE, CALENDAR_VIEW, AdwBin)

void            titrate_calendar_view_set_session  (TitrateCalendarView *self,
                                                    TitrateSession      *session);
void            titrate_calendar_view_show_month   (TitrateCalendarView *self,
                                                    GDateYear            year,
                                                    GDateMonth           month);
void            titrate_calendar_view_select_date  (TitrateCalendarView *self,
                                                    const GDate         *date);
TitrateDayCell *titrate_calendar_view_get_cell     (TitrateCalendarView *self,
                                                    const GDate         *date);
const char     *titrate_calendar_view_get_details  (TitrateCalendarView *self);
void            titrate_calendar_view_get_selected (TitrateCalendarView *self,
                                                    GDate               *out);

G_END_DECLS
