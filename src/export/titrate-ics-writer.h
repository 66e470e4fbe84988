/* titrate-ics-writer.h — the iCalendar text writer, apart from what goes in it
 *
 * titrate-ics.c decides the events (days, doses, notes, UIDs) without
 * libical; the writer turns them into RFC 5545 text with libical. libical
 * pulls in ICU and libstdc++ (about 2.5 MiB of memory and their loading at
 * every start), so the desktop app does not link it: it loads the writer as
 * a module (titrate-ics.so in the package's libdir) on the first calendar
 * export. titrate-cli-export and the export tests link it in directly.
 *
 * Only GLib types and plain C cross this boundary, so the module depends on
 * GLib and libical alone (no libtitrate of its own: one copy of the types).
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bumped on any change to the structures or the function below: a module
 * of another version is refused, not called. */
#define TITRATE_ICS_WRITER_ABI 1

#define TITRATE_ICS_MODULE_NAME    "titrate-ics.so"
#define TITRATE_ICS_MODULE_ABI_SYM "titrate_ics_module_abi"
#define TITRATE_ICS_MODULE_SYM     "titrate_ics_module_write"

/* One VEVENT with its VALARM (whose DESCRIPTION is the summary). Times are
 * floating local times. */
typedef struct {
  int         year;
  int         month;                /* 1 … 12 */
  int         day;                  /* 1 … 31 */
  int         minutes;              /* minutes after midnight */
  const char *uid;
  const char *summary;
  const char *description;          /* (nullable) no DESCRIPTION when NULL or empty */
} TitrateIcsEvent;

typedef struct {
  const char            *prodid;
  const char            *calname;   /* X-WR-CALNAME */
  gint64                 dtstamp;   /* Unix time, written in UTC */
  int                    event_minutes;
  int                    alarm_minutes_before;
  const TitrateIcsEvent *events;
  gsize                  n_events;
} TitrateIcsCalendar;

/* Returns (transfer full) (g_free) the text, or NULL with *error_message
 * set (g_free) to why. */
typedef char *(*TitrateIcsWriteFunc) (const TitrateIcsCalendar *calendar,
                                      char                    **error_message);

/* The writer itself (titrate-ics-ical.c, with libical). */
guint     titrate_ics_module_abi     (void);
char     *titrate_ics_module_write   (const TitrateIcsCalendar *calendar,
                                      char                    **error_message);

/* The writer for this program: linked in (titrate-ics-linked.c) or loaded
 * (titrate-ics-loader.c), whichever the program was built with. NULL with
 * @error set when the module cannot be loaded. */
TitrateIcsWriteFunc _titrate_ics_writer_get (GError **error);

G_END_DECLS
