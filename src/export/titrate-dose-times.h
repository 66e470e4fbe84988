/* titrate-dose-times.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate.h"

G_BEGIN_DECLS

/**
 * TitrateDoseTimes:
 * @n_custom: number of custom times, 0 to use the defaults everywhere
 * @custom_minutes: custom times of day, minutes after midnight, strictly
 *   increasing; they apply to days with exactly @n_custom doses
 *
 * The clock times at which a day's doses are taken, shared by the printed
 * handout and the calendar reminders so that both always agree. Defaults:
 * 1 dose 08:00; 2 doses 08:00, 20:00; 3 doses 08:00, 14:00, 20:00; 4 doses
 * 08:00, 12:00, 16:00, 20:00; 5 to 8 doses spread evenly from 08:00 to 22:00
 * (to the nearest 5 minutes). A plain value type: copy it by assignment.
 */
typedef struct {
  guint n_custom;
  int   custom_minutes[TITRATE_MAX_DOSES_PER_DAY];
} TitrateDoseTimes;

void        titrate_dose_times_init     (TitrateDoseTimes       *times);
gboolean    titrate_dose_times_set      (TitrateDoseTimes       *times,
                                         const int              *minutes,
                                         guint                   n_minutes,
                                         GError                **error);
int         titrate_dose_times_get      (const TitrateDoseTimes *times,
                                         guint                   n_doses,
                                         guint                   index);
/* "Morning", "Midday", "Afternoon", "Evening" or "Night" (translated) */
const char *titrate_dose_time_name      (int                     minutes);
/* "08:00" (transfer full) */
char       *titrate_dose_time_format    (int                     minutes);

G_END_DECLS
