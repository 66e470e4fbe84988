/* titrate-ics.h — calendar reminders (iCalendar, RFC 5545)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate.h"
#include "titrate-dose-times.h"

G_BEGIN_DECLS

/**
 * TitrateIcsMode:
 * @TITRATE_ICS_PER_ADMINISTRATION: one event per dose, at its time
 * @TITRATE_ICS_PER_DAY: one event per day, at the day's first dose time,
 *   listing every dose of the day
 */
typedef enum {
  TITRATE_ICS_PER_ADMINISTRATION,
  TITRATE_ICS_PER_DAY,
} TitrateIcsMode;

/**
 * TitrateIcsOptions:
 * @mode: one event per administration (default) or per day
 * @times: dose times (the handout uses the same #TitrateDoseTimes)
 * @alarm_minutes_before: 0 (default) rings at the event time
 * @dtstamp: Unix time written as DTSTAMP; 0 means now (set it for
 *   reproducible output)
 *
 * Initialise with titrate_ics_options_init(), then change what you need.
 */
typedef struct {
  TitrateIcsMode   mode;
  TitrateDoseTimes times;
  int              alarm_minutes_before;
  gint64           dtstamp;
} TitrateIcsOptions;

void      titrate_ics_options_init (TitrateIcsOptions       *options);

/*
 * The calendar, for days 1 … titrate_planner_horizon():
 *
 * - Oral: one VEVENT per administration (or per day), SUMMARY with the dose
 *   and what to take ("Baclofen 5 mg — ½ tablet of 10 mg"), each with a
 *   DISPLAY VALARM at the event time. A dose the chosen product cannot
 *   measure says so instead of a tablet count. DESCRIPTION carries a note on
 *   the first day, at each dose change, on the final day of a plan that stops
 *   ("Last dose today — do not restart without advice" on the last dose), on
 *   the last day of a plan that runs on (the reminders end; the plan does
 *   not), and on a dose that cannot be measured.
 * - Intrathecal (mcg): the pump is run by the care team, so one event per
 *   screening bolus day and per day the infusion changes, never per
 *   administration, whatever @mode says.
 *
 * Times are floating local times (DTSTART without TZID or "Z"): 08:00 means
 * 08:00 wherever the phone is, which is what a dose schedule wants. Events
 * last 15 minutes and are transparent (they do not block free/busy time).
 * UIDs are stable: "<YYYYMMDD>-dose<K>-<plan>@io.github.titrate.Titrate" (or
 * "-day-"), where <plan> hashes the drug, route and start date, so importing a
 * revised plan with the same start date updates the same events instead of
 * duplicating them. (Events of days a revised plan no longer has are not
 * removed by an import; the app should tell the user to delete the old
 * "Baclofen plan" calendar first.)
 *
 * Needs a start date (TITRATE_ERROR_INVALID naming regimen.start_date).
 * @options may be NULL for the defaults. Returns (transfer full) the text.
 */
char     *titrate_ics_write        (TitrateRules            *rules,
                                    const TitrateDocument   *doc,
                                    const TitrateIcsOptions *options,
                                    gsize                   *length,
                                    GError                 **error);
/* Writes the calendar to @path atomically; on error no file is left behind. */
gboolean  titrate_ics_export       (TitrateRules            *rules,
                                    const TitrateDocument   *doc,
                                    const TitrateIcsOptions *options,
                                    const char              *path,
                                    GError                 **error);

/* The iCalendar text is written with libical, which the desktop app loads
 * on the first export (titrate-ics-writer.h): %FALSE with @error naming
 * what failed when it cannot be loaded. Always %TRUE where it is linked. */
gboolean  titrate_ics_writer_available (GError               **error);

G_END_DECLS
