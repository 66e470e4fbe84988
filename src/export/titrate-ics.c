/* titrate-ics.c — calendar reminders (iCalendar, RFC 5545)
 *
 * What the reminders say and when; the text itself is written by the
 * iCalendar writer (titrate-ics-writer.h), with libical, linked in or
 * loaded on first use depending on the program.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "titrate-ics.h"
#include "titrate-export-private.h"
#include "titrate-ics-writer.h"
#include "titrate-pump.h"

#define EVENT_MINUTES 15
#define PUMP_REMINDER_MINUTES (9 * 60)   /* 09:00 local: a daytime reminder, not a clinical number */
#define UID_DOMAIN    "io.github.titrate.Titrate"

typedef struct {
  const TitrateIcsOptions *options;
  TitrateExportPlan       *plan;
  GArray                  *events;      /* (element-type TitrateIcsEvent) */
  GPtrArray               *strings;     /* owns the events' texts */
  char                    *plan_id;
  const char              *medicine;    /* "baclofen", from the rules database */
  const char              *medicine_start; /* "Baclofen", opening a sentence */
  int                      first_day;   /* first day with the medicine */
  int                      last_day;    /* last day with the medicine */
  gboolean                 stops;       /* the plan ends with a stop */
} Writer;

/* Helpers */

static gboolean
doses_equal (const TitrateDay *d)
{
  for (guint k = 1; k < d->n_doses; k++)
    if (d->doses_mg[k] != d->doses_mg[0])
      return FALSE;
  return TRUE;
}

/* "5 mg 3 times a day (15 mg a day)" or "10 mg + 5 mg (15 mg a day)" */
static char *
describe_day (const TitrateDay *d,
              const char       *unit,
              const char       *medicine)
{
  g_autofree char *total = titrate_format_dose (d->daily_total, unit);
  g_autoptr(GString) s = g_string_new (NULL);

  if (d->n_doses == 0)
    {
      if (!isnan (d->bolus_mcg))
        {
          g_autofree char *b = titrate_format_dose (d->bolus_mcg, unit);
          /* Translators: an intrathecal screening test dose */
          return g_strdup_printf (_("a test dose of %s"), b);
        }
      if (!isnan (d->daily_mcg))
        return g_strdup_printf (_("%s a day from the pump"), total);
      /* Translators: %s is the medicine, e.g. "baclofen" */
      return g_strdup_printf (_("no %s"), medicine);
    }
  if (d->n_doses == 1)
    {
      g_autofree char *one = titrate_format_dose (d->doses_mg[0], unit);
      return g_strdup_printf (_("%s once a day"), one);
    }
  if (doses_equal (d))
    {
      g_autofree char *one = titrate_format_dose (d->doses_mg[0], unit);
      /* Translators: e.g. "5 mg 3 times a day (15 mg a day)" */
      return g_strdup_printf (_("%s %u times a day (%s a day)"), one, d->n_doses, total);
    }
  for (guint k = 0; k < d->n_doses; k++)
    {
      g_autofree char *one = titrate_format_dose (d->doses_mg[k], unit);
      g_string_append_printf (s, "%s%s", k ? " + " : "", one);
    }
  return g_strdup_printf (_("%s (%s a day)"), s->str, total);
}

static const TitrateDay *
previous_day_with_doses (const Writer *w,
                         guint         index)
{
  while (index-- > 0)
    {
      const TitrateDay *d = &g_array_index (w->plan->days, TitrateDay, index);

      if (d->phase != TITRATE_PHASE_NONE && d->phase != TITRATE_PHASE_STOPPED)
        return d;
    }
  return NULL;
}

/* The note for a day that starts a new step, or NULL. */
static char *
change_note (const Writer     *w,
             guint             index,
             const TitrateDay *d)
{
  const char *unit = titrate_route_unit (w->plan->regimen->route);
  const TitrateDay *prev = previous_day_with_doses (w, index);
  g_autofree char *now = describe_day (d, unit, w->medicine);
  g_autofree char *before = NULL;

  if (d->day == w->first_day || prev == NULL)
    return g_strdup_printf (_("First day of this plan: %s."), now);
  if (!d->is_change)
    return NULL;
  before = describe_day (prev, unit, w->medicine);
  if (d->daily_total > prev->daily_total)
    return g_strdup_printf (_("Dose change today: the dose goes up to %s. Before today: %s."), now, before);
  if (d->daily_total < prev->daily_total)
    return g_strdup_printf (_("Dose change today: the dose goes down to %s. Before today: %s."), now, before);
  return g_strdup_printf (_("Dose change today: now %s. Before today: %s."), now, before);
}

static const char *
keep (Writer     *w,
      const char *text)
{
  char *copy = g_strdup (text);

  g_ptr_array_add (w->strings, copy);
  return copy;
}

static void
add_event (Writer      *w,
           const GDate *date,
           int          minutes,
           const char  *slot,
           const char  *summary,
           const char  *description)
{
  TitrateIcsEvent event = { 0 };
  char ymd[16];
  g_autofree char *uid = NULL;

  g_date_strftime (ymd, sizeof ymd, "%Y%m%d", date);
  uid = g_strdup_printf ("%s-%s-%s@%s", ymd, slot, w->plan_id, UID_DOMAIN);

  event.year = g_date_get_year (date);
  event.month = g_date_get_month (date);
  event.day = g_date_get_day (date);
  event.minutes = minutes;
  event.uid = keep (w, uid);
  event.summary = keep (w, summary);
  event.description = description != NULL && *description != '\0' ? keep (w, description) : NULL;
  g_array_append_val (w->events, event);
}

/* "5 mg — ½ tablet of 10 mg" / "7.5 mg — ask your pharmacist …" / "5 mg" */
static char *
dose_phrase (const Writer *w,
             double        dose,
             gboolean     *measurable)
{
  g_autofree char *amount = titrate_format_dose (dose, "mg");
  g_autofree char *units_text = NULL;
  double units;

  *measurable = _titrate_export_dose_units (w->plan, dose, &units);
  if (!*measurable)
    /* Translators: the dose cannot be made up with the chosen tablets */
    return g_strdup_printf (_("%s — ask your pharmacist how to measure this dose"), amount);
  units_text = _titrate_export_units_long (w->plan, units);
  if (units_text == NULL)
    return g_steal_pointer (&amount);
  /* Translators: e.g. "5 mg — ½ tablet of 10 mg" */
  return g_strdup_printf (_("%s — %s"), amount, units_text);
}

static char *
unmeasurable_note (const Writer *w)
{
  g_autofree char *s = titrate_format_amount_display (w->plan->strength);

  return g_strdup_printf (_("This dose cannot be made up exactly from %s mg tablets. "
                            "Ask your pharmacist or prescriber before taking it."), s);
}

static void
write_oral_day (Writer           *w,
                guint             index,
                const TitrateDay *d)
{
  const TitrateDoseTimes *times = &w->options->times;
  g_autofree char *change = change_note (w, index, d);
  gboolean final = w->stops && d->day == w->last_day;
  gboolean reminders_end = !w->stops && d->day == (int) w->plan->days->len;
  g_autofree char *last_time = titrate_dose_time_format (titrate_dose_times_get (times, d->n_doses, d->n_doses - 1));
  /* Translators: %s is the medicine, e.g. "baclofen" */
  g_autofree char *end_note = g_strdup_printf (_("These reminders end today, but your plan does not: keep taking %s as "
                                                 "prescribed. Do not stop suddenly."), w->medicine);

  if (w->options->mode == TITRATE_ICS_PER_DAY)
    {
      g_autoptr(GString) summary = g_string_new (NULL);
      g_autoptr(GString) description = g_string_new (change);
      gboolean all_measurable = TRUE;

      if (doses_equal (d))
        {
          gboolean m;
          g_autofree char *phrase = dose_phrase (w, d->doses_mg[0], &m);
          g_autoptr(GString) at = g_string_new (NULL);

          all_measurable = m;
          for (guint k = 0; k < d->n_doses; k++)
            {
              g_autofree char *t = titrate_dose_time_format (titrate_dose_times_get (times, d->n_doses, k));
              g_string_append_printf (at, "%s%s", k ? ", " : "", t);
            }
          /* Translators: the medicine, the dose, the times, e.g.
           * "Baclofen 5 mg — ½ tablet of 10 mg — at 08:00, 14:00, 20:00" */
          g_string_printf (summary, C_("calendar event", "%s %s — at %s"), w->medicine_start, phrase, at->str);
        }
      else
        {
          g_string_append (summary, w->medicine_start);
          for (guint k = 0; k < d->n_doses; k++)
            {
              gboolean m;
              g_autofree char *t = titrate_dose_time_format (titrate_dose_times_get (times, d->n_doses, k));
              g_autofree char *phrase = dose_phrase (w, d->doses_mg[k], &m);

              all_measurable &= m;
              g_string_append_printf (summary, "%s %s %s", k ? "," : "", t, phrase);
            }
        }
      if (!all_measurable)
        {
          g_autofree char *note = unmeasurable_note (w);
          g_string_append_printf (description, "%s%s", description->len ? "\n" : "", note);
        }
      if (final)
        g_string_append_printf (description, "%s%s", description->len ? "\n" : "",
                                _("Last dose today — do not restart without advice."));
      if (reminders_end)
        g_string_append_printf (description, "%s%s", description->len ? "\n" : "", end_note);
      add_event (w, &d->date, titrate_dose_times_get (times, d->n_doses, 0), "day", summary->str,
                 description->str);
      return;
    }

  for (guint k = 0; k < d->n_doses; k++)
    {
      g_autofree char *phrase = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *slot = g_strdup_printf ("dose%u", k + 1);
      g_autoptr(GString) description = g_string_new (change);
      gboolean measurable;

      phrase = dose_phrase (w, d->doses_mg[k], &measurable);
      /* Translators: the medicine and the dose, e.g. "Baclofen 5 mg — 1 tablet of 5 mg" */
      summary = g_strdup_printf (C_("calendar event", "%s %s"), w->medicine_start, phrase);
      if (!measurable)
        {
          g_autofree char *note = unmeasurable_note (w);
          g_string_append_printf (description, "%s%s", description->len ? "\n" : "", note);
        }
      if (final && k + 1 == d->n_doses)
        g_string_append_printf (description, "%s%s", description->len ? "\n" : "",
                                _("Last dose today — do not restart without advice."));
      else if (final)
        {
          /* Translators: the medicine ("baclofen") and a time of day */
          g_autofree char *note = g_strdup_printf (_("Last day of %s: the %s dose is the last one. "
                                                     "Do not restart without advice."), w->medicine, last_time);
          g_string_append_printf (description, "%s%s", description->len ? "\n" : "", note);
        }
      if (reminders_end && k + 1 == d->n_doses)
        g_string_append_printf (description, "%s%s", description->len ? "\n" : "", end_note);

      add_event (w, &d->date, titrate_dose_times_get (times, d->n_doses, k), slot, summary,
                 description->str);
    }
}

static void
write_intrathecal_day (Writer           *w,
                       guint             index,
                       const TitrateDay *d)
{
  g_autofree char *summary = NULL;
  g_autoptr(GString) description = NULL;
  g_autofree char *change = NULL;
  int when = titrate_dose_times_get (&w->options->times, 1, 0);

  if (isnan (d->bolus_mcg) && !d->is_change && d->day != w->first_day)
    return;

  change = change_note (w, index, d);
  description = g_string_new (change);
  if (!isnan (d->bolus_mcg))
    {
      g_autofree char *b = titrate_format_dose (d->bolus_mcg, "mcg");
      /* Translators: an intrathecal screening bolus, given in hospital */
      /* Translators: the medicine ("Baclofen") and the dose */
      summary = g_strdup_printf (_("%s test dose %s (given by your care team)"), w->medicine_start, b);
    }
  else
    {
      g_autofree char *t = titrate_format_dose (d->daily_mcg, "mcg");
      /* Translators: the medicine ("Baclofen") and the daily dose */
      summary = g_strdup_printf (_("%s pump: %s a day from today (set by your care team)"), w->medicine_start, t);
    }
  if (w->stops && d->day == w->last_day)
    g_string_append_printf (description, "%s%s", description->len ? "\n" : "",
                            _("Last dose today — do not restart without advice."));
  add_event (w, &d->date, when, "day", summary, description->str);
}

/* Intrathecal pump: the refill appointment and the refill-by date. */
static void
write_pump_reminders (Writer       *w,
                      TitrateRules *rules)
{
  g_autoptr(TitratePumpPlan) plan = titrate_pump_plan (rules, w->plan->regimen, NULL);
  const TitratePump *pump = w->plan->regimen->pump;
  g_autofree char *by = NULL;
  g_autofree char *alarm = NULL;
  g_autofree char *empty = NULL;

  if (pump == NULL)
    return;
  if (plan != NULL && g_date_valid (&plan->refill_by_date))
    {
      by = _titrate_export_date (&plan->refill_by_date, "%A %e %B %Y");
      /* Without an alarm volume the refill-by date counts back from the
       * empty date: the reminder names that date instead. */
      if (g_date_valid (&plan->alarm_date))
        alarm = _titrate_export_date (&plan->alarm_date, "%A %e %B %Y");
      else
        empty = _titrate_export_date (&plan->empty_date, "%A %e %B %Y");
    }
  if (g_date_valid (&pump->next_refill_date))
    {
      /* Translators: the medicine ("Baclofen"), then two dates */
      g_autofree char *description = by != NULL && alarm == NULL
        /* Translators: the medicine ("Baclofen"), then two dates */
        ? g_strdup_printf (_("%s pump refill appointment. Never let the pump run empty. "
                             "Refill by %s; the pump is expected to run empty on %s."), w->medicine_start, by, empty)
        : by != NULL
        ? g_strdup_printf (_("%s pump refill appointment. Never let the pump run empty. "
                             "Refill by %s; pump alarm date %s."), w->medicine_start, by, alarm)
        /* Translators: %s is the medicine, e.g. "Baclofen" */
        : g_strdup_printf (_("%s pump refill appointment. Never let the pump run empty."), w->medicine_start);
      /* Translators: %s is the medicine, e.g. "Baclofen" */
      g_autofree char *summary = g_strdup_printf (_("%s pump refill appointment"), w->medicine_start);

      add_event (w, &pump->next_refill_date, PUMP_REMINDER_MINUTES, "pump-refill",
                 summary, description);
    }
  if (by != NULL)
    {
      /* Translators: the medicine ("baclofen") and a date */
      g_autofree char *description = alarm != NULL
        ? g_strdup_printf (_("Last day to refill your %s pump safely: the pump alarm is expected on %s. "
                             "If no refill is booked by today, call your pump team now."), w->medicine, alarm)
        /* Translators: the medicine ("baclofen") and a date */
        : g_strdup_printf (_("Last day to refill your %s pump safely: the pump is expected to run empty on %s. "
                             "If no refill is booked by today, call your pump team now."), w->medicine, empty);
      /* Translators: %s is the medicine, e.g. "Baclofen" */
      g_autofree char *summary = g_strdup_printf (_("%s pump: refill by today"), w->medicine_start);

      add_event (w, &plan->refill_by_date, PUMP_REMINDER_MINUTES, "pump-refill-by",
                 summary, description);
    }
}

/* Public API */

/**
 * titrate_ics_options_init:
 * @options: (out caller-allocates): options to reset
 *
 * One event per administration, default dose times, alarm at the event
 * time, DTSTAMP now.
 */
void
titrate_ics_options_init (TitrateIcsOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->mode = TITRATE_ICS_PER_ADMINISTRATION;
  titrate_dose_times_init (&options->times);
}

/**
 * titrate_ics_write:
 * @rules: a validated rules database
 * @doc: the regimen document
 * @options: (nullable): options, %NULL for the defaults
 * @length: (out) (optional): length of the text
 * @error: set when the regimen cannot be planned or has no start date
 *
 * Returns: (transfer full): the iCalendar text, or %NULL with @error set
 */
char *
titrate_ics_write (TitrateRules            *rules,
                   const TitrateDocument   *doc,
                   const TitrateIcsOptions *options,
                   gsize                   *length,
                   GError                 **error)
{
  g_autoptr(TitrateExportPlan) plan = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *prodid = NULL;
  g_autofree char *calname = NULL;
  g_autofree char *why = NULL;
  TitrateIcsOptions defaults;
  TitrateIcsCalendar calendar = { 0 };
  TitrateIcsWriteFunc write_text;
  Writer w = { 0 };
  char start[16];
  char *text;

  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      titrate_ics_options_init (&defaults);
      options = &defaults;
    }
  if (!g_date_valid (&doc->regimen->start_date))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("regimen.start_date: a start date is needed for calendar reminders"));
      return NULL;
    }
  if ((plan = _titrate_export_plan_new (rules, doc, error)) == NULL)
    return NULL;
  if ((write_text = _titrate_ics_writer_get (error)) == NULL)
    return NULL;

  g_date_strftime (start, sizeof start, "%Y-%m-%d", &plan->regimen->start_date);
  key = g_strdup_printf ("%s|%s|%s", plan->regimen->drug ? plan->regimen->drug : titrate_rules_lookup_medicine (rules, NULL),
                         titrate_route_to_string (plan->regimen->route), start);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  hash[16] = '\0';

  events = g_array_new (FALSE, TRUE, sizeof (TitrateIcsEvent));
  strings = g_ptr_array_new_with_free_func (g_free);
  w.options = options;
  w.plan = plan;
  w.medicine = titrate_rules_get_medicine_label (rules, plan->regimen->drug);
  w.medicine_start = titrate_rules_get_medicine_label_start (rules, plan->regimen->drug);
  w.plan_id = hash;
  w.events = events;
  w.strings = strings;
  w.last_day = _titrate_export_plan_last_day_with_doses (plan);
  w.stops = plan->last_dosing_day >= 0;
  w.first_day = 0;
  for (guint i = 0; i < plan->days->len && w.first_day == 0; i++)
    {
      const TitrateDay *d = &g_array_index (plan->days, TitrateDay, i);

      if (d->phase != TITRATE_PHASE_NONE && d->phase != TITRATE_PHASE_STOPPED &&
          (d->n_doses > 0 || !isnan (d->daily_mcg) || !isnan (d->bolus_mcg)))
        w.first_day = d->day;
    }

  for (guint i = 0; i < plan->days->len; i++)
    {
      const TitrateDay *d = &g_array_index (plan->days, TitrateDay, i);

      if (d->phase == TITRATE_PHASE_NONE || d->phase == TITRATE_PHASE_STOPPED)
        continue;
      if (plan->regimen->route == TITRATE_ROUTE_INTRATHECAL)
        write_intrathecal_day (&w, i, d);
      else if (d->n_doses > 0)
        write_oral_day (&w, i, d);
    }
  write_pump_reminders (&w, rules);

  prodid = g_strdup_printf ("-//Titrate//Titrate %s//EN", PACKAGE_VERSION);
  /* Translators: the calendar's name; %s is the medicine, e.g. "Baclofen" */
  calname = g_strdup_printf (_("%s plan"), w.medicine_start);
  calendar.prodid = prodid;
  calendar.calname = calname;
  calendar.dtstamp = options->dtstamp != 0 ? options->dtstamp : g_get_real_time () / G_USEC_PER_SEC;
  calendar.event_minutes = EVENT_MINUTES;
  calendar.alarm_minutes_before = options->alarm_minutes_before;
  calendar.events = (const TitrateIcsEvent *) events->data;
  calendar.n_events = events->len;

  if ((text = write_text (&calendar, &why)) == NULL)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID, _("The calendar could not be written (libical: %s)"),
                   why != NULL ? why : "?");
      return NULL;
    }
  if (length != NULL)
    *length = strlen (text);
  return text;
}

/**
 * titrate_ics_writer_available:
 * @error: set to why when the iCalendar writer cannot be had
 *
 * Whether calendar reminders can be written by this program. The desktop
 * app loads its writer on first use: it asks here before the file chooser
 * so that an installation problem is told at once, not after a name was
 * chosen. Programs that link the writer always have it.
 *
 * Returns: %TRUE when titrate_ics_write() can write text
 */
gboolean
titrate_ics_writer_available (GError **error)
{
  return _titrate_ics_writer_get (error) != NULL;
}

/**
 * titrate_ics_export:
 * @rules: a validated rules database
 * @doc: the regimen document
 * @options: (nullable): options, %NULL for the defaults
 * @path: the file to write (replaced atomically)
 * @error: set on failure; then no file is written
 *
 * Returns: %TRUE on success
 */
gboolean
titrate_ics_export (TitrateRules            *rules,
                    const TitrateDocument   *doc,
                    const TitrateIcsOptions *options,
                    const char              *path,
                    GError                 **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((text = titrate_ics_write (rules, doc, options, &length, error)) == NULL)
    return FALSE;
  return _titrate_export_write_file (path, text, length, error);
}
