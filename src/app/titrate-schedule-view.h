/* titrate-schedule-view.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_SCHEDULE_VIEW (titrate_schedule_view_get_type ())

G_DECLARE_FINAL_TYPE (TitrateScheduleView, titrate_schedule_view, TITRATE, SCHEDULE_VIEW, AdwBin)

void        titrate_schedule_view_set_session (TitrateScheduleView *self,
                                               TitrateSession      *session);
const char *titrate_schedule_view_get_cell    (TitrateScheduleView *self,
                                               guint                row,
                                               guint                column);
const char *titrate_schedule_view_get_caption (TitrateScheduleView *self);

G_END_DECLS
