/* titrate-dose-times.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "titrate-dose-times.h"

#define MINUTES_PER_DAY (24 * 60)

/* Helpers */

static int
default_time (guint n_doses,
              guint index)
{
  static const int one[] = { 8 * 60 };
  static const int two[] = { 8 * 60, 20 * 60 };
  static const int three[] = { 8 * 60, 14 * 60, 20 * 60 };
  static const int four[] = { 8 * 60, 12 * 60, 16 * 60, 20 * 60 };
  int first = 8 * 60;
  int last = 22 * 60;
  int t;

  switch (n_doses)
    {
    case 0:
    case 1:
      return one[0];
    case 2:
      return two[MIN (index, 1)];
    case 3:
      return three[MIN (index, 2)];
    case 4:
      return four[MIN (index, 3)];
    default:
      break;
    }

  /* More than four doses a day: evenly spread over the waking day. */
  t = first + (int) (((double) (last - first) * index) / (n_doses - 1) + 0.5);
  return ((t + 2) / 5) * 5;
}

/* Public API */

/**
 * titrate_dose_times_init:
 * @times: (out caller-allocates): the times to reset
 *
 * Resets @times to the defaults.
 */
void
titrate_dose_times_init (TitrateDoseTimes *times)
{
  g_return_if_fail (times != NULL);

  memset (times, 0, sizeof *times);
}

/**
 * titrate_dose_times_set:
 * @times: the times to change
 * @minutes: (array length=n_minutes): times of day in minutes after midnight,
 *   strictly increasing
 * @n_minutes: 0 (back to the defaults) to %TITRATE_MAX_DOSES_PER_DAY
 * @error: set with %TITRATE_ERROR_INVALID naming the bad time
 *
 * Sets custom times for days with @n_minutes doses. On error @times is left
 * unchanged.
 *
 * Returns: %TRUE if the times were valid and set
 */
gboolean
titrate_dose_times_set (TitrateDoseTimes *times,
                        const int        *minutes,
                        guint             n_minutes,
                        GError          **error)
{
  g_return_val_if_fail (times != NULL, FALSE);
  g_return_val_if_fail (n_minutes == 0 || minutes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_minutes > TITRATE_MAX_DOSES_PER_DAY)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("dose times: at most %d times a day (got %u)"),
                   TITRATE_MAX_DOSES_PER_DAY, n_minutes);
      return FALSE;
    }
  for (guint i = 0; i < n_minutes; i++)
    {
      if (minutes[i] < 0 || minutes[i] >= MINUTES_PER_DAY)
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("dose times: time %u must be from 00:00 to 23:59 (got %d minutes)"),
                       i + 1, minutes[i]);
          return FALSE;
        }
      if (i > 0 && minutes[i] <= minutes[i - 1])
        {
          g_autofree char *a = titrate_dose_time_format (minutes[i - 1]);
          g_autofree char *b = titrate_dose_time_format (minutes[i]);

          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("dose times: time %u (%s) must come after time %u (%s)"),
                       i + 1, b, i, a);
          return FALSE;
        }
    }

  memset (times, 0, sizeof *times);
  times->n_custom = n_minutes;
  for (guint i = 0; i < n_minutes; i++)
    times->custom_minutes[i] = minutes[i];
  return TRUE;
}

/**
 * titrate_dose_times_get:
 * @times: (nullable): custom times, or %NULL for the defaults
 * @n_doses: the number of doses that day
 * @index: which dose, from 0
 *
 * Returns: the time of dose @index on a day with @n_doses doses, in minutes
 *   after midnight
 */
int
titrate_dose_times_get (const TitrateDoseTimes *times,
                        guint                   n_doses,
                        guint                   index)
{
  g_return_val_if_fail (n_doses == 0 || index < n_doses, 8 * 60);

  if (times != NULL && times->n_custom > 0 && times->n_custom == n_doses)
    return times->custom_minutes[index];
  return default_time (n_doses, index);
}

/**
 * titrate_dose_time_name:
 * @minutes: a time of day in minutes after midnight
 *
 * Returns: (transfer none): a plain name for that part of the day
 */
const char *
titrate_dose_time_name (int minutes)
{
  if (minutes >= 5 * 60 && minutes < 11 * 60)
    return _("Morning");
  if (minutes >= 11 * 60 && minutes < 13 * 60 + 30)
    return _("Midday");
  if (minutes >= 13 * 60 + 30 && minutes < 17 * 60 + 30)
    return _("Afternoon");
  if (minutes >= 17 * 60 + 30 && minutes < 21 * 60 + 30)
    return _("Evening");
  return _("Night");
}

/**
 * titrate_dose_time_format:
 * @minutes: a time of day in minutes after midnight
 *
 * Returns: (transfer full): the 24-hour clock time, e.g. "08:00"
 */
char *
titrate_dose_time_format (int minutes)
{
  minutes = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}
