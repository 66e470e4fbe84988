/* titrate-ics-ical.c — the iCalendar text of a list of events, written with libical
 *
 * Built twice: into titrate-ics.so, the module the desktop app loads on its
 * first calendar export, and into the static writer titrate-cli-export and
 * the tests link (see titrate-ics-writer.h). GLib and libical only.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gmodule.h>
#include <libical/ical.h>

#include "titrate-ics-writer.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Helpers */

static struct icaltimetype
floating_time (const TitrateIcsEvent *e)
{
  struct icaltimetype t = icaltime_null_time ();

  t.year = e->year;
  t.month = e->month;
  t.day = e->day;
  t.hour = e->minutes / 60;
  t.minute = e->minutes % 60;
  t.second = 0;
  t.is_date = 0;
  t.zone = NULL;   /* floating: local time wherever the device is */
  return t;
}

static void
add_event (icalcomponent             *calendar,
           const TitrateIcsCalendar  *cal,
           struct icaltimetype        dtstamp,
           const TitrateIcsEvent     *e)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger;

  icalcomponent_add_property (event, icalproperty_new_uid (e->uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (dtstamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (floating_time (e)));
  icalcomponent_add_property (event, icalproperty_new_duration (icaldurationtype_from_int (cal->event_minutes * 60)));
  icalcomponent_add_property (event, icalproperty_new_summary (e->summary));
  if (e->description != NULL && *e->description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (e->description));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  memset (&trigger, 0, sizeof trigger);
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_from_int (-60 * MAX (cal->alarm_minutes_before, 0));
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (e->summary));
  icalcomponent_add_component (event, alarm);

  icalcomponent_add_component (calendar, event);
}

/* Public API */

/**
 * titrate_ics_module_abi:
 *
 * Returns: %TITRATE_ICS_WRITER_ABI as this writer was built; the loader
 *   refuses a module that answers otherwise.
 */
G_MODULE_EXPORT guint
titrate_ics_module_abi (void)
{
  return TITRATE_ICS_WRITER_ABI;
}

/**
 * titrate_ics_module_write:
 * @calendar: the calendar's properties and events
 * @error_message: (out): why, when %NULL is returned (g_free() it)
 *
 * Returns: (transfer full): the iCalendar text (g_free() it), or %NULL
 */
G_MODULE_EXPORT char *
titrate_ics_module_write (const TitrateIcsCalendar  *calendar,
                          char                     **error_message)
{
  g_autoptr(icalcomponent) vcalendar = NULL;
  struct icaltimetype dtstamp;
  icalproperty *x;
  char *text;
  char *copy;

  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (error_message != NULL && *error_message == NULL, NULL);

  dtstamp = icaltime_from_timet_with_zone ((time_t) calendar->dtstamp, 0, icaltimezone_get_utc_timezone ());

  vcalendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (vcalendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (vcalendar, icalproperty_new_prodid (calendar->prodid));
  icalcomponent_add_property (vcalendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (vcalendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  x = icalproperty_new_x (calendar->calname);
  icalproperty_set_x_name (x, "X-WR-CALNAME");
  icalcomponent_add_property (vcalendar, x);

  for (gsize i = 0; i < calendar->n_events; i++)
    add_event (vcalendar, calendar, dtstamp, &calendar->events[i]);

  /* The _r variant returns a buffer we own (the plain one uses libical's
   * ring buffer, which later calls may reuse). */
  text = icalcomponent_as_ical_string_r (vcalendar);
  if (text == NULL)
    {
      *error_message = g_strdup (icalerror_strerror (icalerrno));
      return NULL;
    }
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  return copy;
}
