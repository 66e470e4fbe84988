/* test-export.c — documents out of a plan: CSV round trip, iCalendar read back
 * with libical, PDF text (pdftotext) and pagination on A4 and US Letter, and
 * `titrate-cli export`
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "titrate-test-util.h"
#include "titrate-export.h"
#include "titrate-counselling.h"
#include "titrate-test-cli.h"

static const char *const examples[] = {
  "alcohol-use-disorder.titrate",
  "child-cerebral-palsy.titrate",
  "discontinuation-taper.titrate",
  "intrathecal-pump-late-refill.titrate",
  "intrathecal-spinal.titrate",
  "many-cns-depressants.titrate",
  "older-adult-ckd.titrate",
  "pregnancy.titrate",
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Helpers */

static TitrateDocument *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TitrateDocument *doc = titrate_document_load_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The calendar as the planner gives it (the protocol expanded on a copy). */
static GArray *
planned_days (const TitrateDocument *doc)
{
  g_autoptr(TitrateRegimen) r = titrate_regimen_copy (doc->regimen);
  g_autoptr(GError) error = NULL;

  g_assert_true (titrate_regimen_expand_protocol (r, &error));
  g_assert_no_error (error);
  return titrate_planner_expand (test_rules (), r, titrate_planner_horizon (r));
}

static char *
tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("titrate-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static char *
collapse_spaces (const char *text)
{
  g_autoptr(GRegex) ws = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (ws, text, -1, 0, " ", 0, NULL);
}

#define assert_contains(haystack, needle)                                          \
  G_STMT_START {                                                                   \
    if (strstr ((haystack), (needle)) == NULL)                                     \
      g_error ("expected “%s” in:\n%s", (needle), (haystack));                     \
  } G_STMT_END

#define assert_not_contains(haystack, needle)                                      \
  G_STMT_START {                                                                   \
    if (strstr ((haystack), (needle)) != NULL)                                     \
      g_error ("did not expect “%s” in:\n%s", (needle), (haystack));               \
  } G_STMT_END

/* pdftotext's text of a PDF, whitespace collapsed, or NULL (test skipped)
 * when pdftotext is not installed. */
static char *
pdf_text (const char *pdf,
          gboolean    bbox)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { NULL, bbox ? "-bbox" : "-layout", pdf, "-", NULL };

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  argv[0] = program;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return bbox ? g_steal_pointer (&out) : collapse_spaces (out);
}

/* CSV */

static void
assert_same_amount (double a,
                    double b,
                    double tolerance)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat_with_epsilon (a, b, tolerance);
}

static void
test_csv_round_trip (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TitrateDocument) doc = load_example (examples[e]);
      g_autoptr(GArray) expected = planned_days (doc);
      g_autoptr(GArray) parsed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = NULL;
      TitrateRoute route;
      gsize length;

      g_test_message ("%s", examples[e]);
      csv = titrate_csv_write (test_rules (), doc, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (length, ==, strlen (csv));
      g_assert_true (g_utf8_validate (csv, -1, NULL));
      /* RFC 4180: every record ends in CRLF. */
      g_assert_true (g_str_has_suffix (csv, "\r\n"));
      for (const char *p = strchr (csv, '\n'); p != NULL; p = strchr (p + 1, '\n'))
        g_assert_cmpint (p[-1], ==, '\r');

      parsed = titrate_csv_parse (csv, -1, &route, &error);
      g_assert_no_error (error);
      g_assert_cmpint (route, ==, doc->regimen->route);
      g_assert_cmpuint (parsed->len, ==, expected->len);

      for (guint i = 0; i < expected->len; i++)
        {
          const TitrateDay *a = &g_array_index (expected, TitrateDay, i);
          const TitrateDay *b = &g_array_index (parsed, TitrateDay, i);

          g_assert_cmpint (a->day, ==, b->day);
          g_assert_cmpint (g_date_valid (&a->date), ==, g_date_valid (&b->date));
          if (g_date_valid (&a->date))
            g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
          g_assert_cmpint (a->phase, ==, b->phase);
          g_assert_cmpuint (a->n_doses, ==, b->n_doses);
          for (guint k = 0; k < a->n_doses; k++)
            {
              /* Doses and totals are written exactly; units to 3 decimals. */
              g_assert_cmpfloat (a->doses_mg[k], ==, b->doses_mg[k]);
              assert_same_amount (a->units_per_dose[k], b->units_per_dose[k], 0.0005);
            }
          g_assert_cmpfloat (a->daily_total, ==, b->daily_total);
          assert_same_amount (a->bolus_mcg, b->bolus_mcg, 1e-9);
          g_assert_cmpint (a->measurable, ==, b->measurable);
        }
    }
}

static void
test_csv_header (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(TitrateDocument) it = load_example ("intrathecal-spinal.titrate");
  g_autofree char *csv = titrate_csv_write (test_rules (), doc, NULL, NULL);
  g_autofree char *it_csv = titrate_csv_write (test_rules (), it, NULL, NULL);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  g_auto(GStrv) it_lines = g_strsplit (it_csv, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==, "date,day,phase,dose_1_mg,dose_2_mg,dose_3_mg,daily_total_mg,"
                                 "tablets_per_dose_1,tablets_per_dose_2,tablets_per_dose_3,measurable,unit");
  g_assert_cmpstr (lines[1], ==, "2027-01-04,1,start,5,5,5,15,0.5,0.5,0.5,true,10 mg tablet (scored: halves allowed)");
  g_assert_cmpstr (lines[7], ==, "2027-01-10,7,step_up,15,15,15,45,1.5,1.5,1.5,true,10 mg tablet (scored: halves allowed)");
  /* Intrathecal stays in mcg: no mg column at all. */
  g_assert_cmpstr (it_lines[0], ==, "date,day,phase,daily_total_mcg,bolus_mcg,measurable");
  g_assert_cmpstr (it_lines[1], ==, "2027-04-05,1,screening,50,50,true");
  assert_not_contains (it_csv, "_mg");
}

static void
test_csv_parse_rfc4180 (void)
{
  const char *text =
    "date,day,phase,dose_1_mg,daily_total_mg,tablets_per_dose_1,measurable,unit\n"
    "2027-01-04,1,start,2.5,2.5,0.25,false,\"5 mg tablet, \"\"whole\"\"\r\nonly\"\n"
    "\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = titrate_csv_parse (text, -1, NULL, &error);
  const TitrateDay *d;

  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  d = &g_array_index (days, TitrateDay, 0);
  g_assert_cmpfloat (d->doses_mg[0], ==, 2.5);
  g_assert_cmpfloat (d->units_per_dose[0], ==, 0.25);
  g_assert_false (d->measurable);
}

static void
test_csv_parse_errors (void)
{
  const struct { const char *text; const char *message; } cases[] = {
    { "date,day,phase,daily_total_mg,measurable\r\n2027-01-04,1,start,1O,true\r\n", "line 2, column daily_total_mg" },
    { "date,day,phase,daily_total_mg,measurable\r\n2027-01-04,1,start,10\r\n", "line 2: 4 fields" },
    { "date,day,phase,daily_total_mg,measurable\r\n2027-13-04,1,start,10,true\r\n", "column date" },
    { "date,day,phase,daily_total_mg,measurable\r\n2027-01-04,1,warp,10,true\r\n", "unknown phase" },
    { "date,day,phase,daily_total_mg,measurable\r\n2027-01-04,1,start,\"10,true\r\n", "unterminated" },
    { "day,phase\r\n", "header" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) days = titrate_csv_parse (cases[i].text, -1, NULL, &error);

      g_assert_null (days);
      g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
      assert_contains (error->message, cases[i].message);
    }
}

/* iCalendar */

typedef struct {
  guint n_events;
  guint n_alarms;
  GHashTable *uids;
} IcsCounts;

static icalcomponent *
parse_ics (const char *text)
{
  icalcomponent *cal = icalparser_parse_string (text);

  g_assert_nonnull (cal);
  g_assert_cmpint (icalcomponent_isa (cal), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (cal), ==, 0);
  return cal;
}

static char *
write_ics (const char        *example,
           TitrateIcsMode     mode,
           const TitrateDoseTimes *times)
{
  g_autoptr(TitrateDocument) doc = load_example (example);
  g_autoptr(GError) error = NULL;
  TitrateIcsOptions options;
  char *text;

  titrate_ics_options_init (&options);
  options.mode = mode;
  options.dtstamp = 1795000000;   /* reproducible output */
  if (times != NULL)
    options.times = *times;
  text = titrate_ics_write (test_rules (), doc, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static const char *
event_description (icalcomponent *event)
{
  icalproperty *p = icalcomponent_get_first_property (event, ICAL_DESCRIPTION_PROPERTY);

  return p ? icalproperty_get_description (p) : NULL;
}

static void
check_alarm (icalcomponent *event)
{
  icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
  icalproperty *action;
  icalproperty *trigger;
  struct icaltriggertype t;

  g_assert_nonnull (alarm);
  action = icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY);
  g_assert_nonnull (action);
  g_assert_cmpint (icalproperty_get_action (action), ==, ICAL_ACTION_DISPLAY);
  trigger = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
  g_assert_nonnull (trigger);
  t = icalproperty_get_trigger (trigger);
  g_assert_cmpint (icaldurationtype_as_int (t.duration), ==, 0);   /* at the event time */
  g_assert_nonnull (icalcomponent_get_first_property (alarm, ICAL_DESCRIPTION_PROPERTY));
}

static void
test_ics_per_administration (void)
{
  g_autofree char *text = write_ics ("older-adult-ckd.titrate", TITRATE_ICS_PER_ADMINISTRATION, NULL);
  g_autofree char *again = write_ics ("older-adult-ckd.titrate", TITRATE_ICS_PER_ADMINISTRATION, NULL);
  g_autoptr(icalcomponent) cal = parse_ics (text);
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;
  guint notes = 0;

  /* Stable: the same plan gives the same calendar (and UIDs). */
  g_assert_cmpstr (text, ==, again);

  for (icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); ev != NULL;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (ev);
      const char *summary = icalcomponent_get_summary (ev);
      const char *description = event_description (ev);
      int slot = (int) (n % 3);
      int day = (int) (n / 3) + 1;
      static const int hours[] = { 8, 14, 20 };

      /* Floating local time: no zone, not UTC, not a date. */
      g_assert_null (start.zone);
      g_assert_false (icaltime_is_utc (start));
      g_assert_false (start.is_date);
      g_assert_cmpint (start.hour, ==, hours[slot]);
      g_assert_cmpint (start.minute, ==, 0);
      g_assert_cmpint (start.year, ==, 2027);
      g_assert_cmpint (start.month, ==, 1);
      g_assert_cmpint (start.day, ==, 3 + day);

      g_assert_true (g_hash_table_add (uids, (gpointer) icalcomponent_get_uid (ev)));
      check_alarm (ev);

      if (day <= 3)
        g_assert_cmpstr (summary, ==, "Baclofen 5 mg — ½ tablet of 10 mg");
      else if (day <= 6)
        g_assert_cmpstr (summary, ==, "Baclofen 10 mg — 1 tablet of 10 mg");
      else if (day <= 9)
        g_assert_cmpstr (summary, ==, "Baclofen 15 mg — 1½ tablets of 10 mg");
      else
        g_assert_cmpstr (summary, ==, "Baclofen 20 mg — 2 tablets of 10 mg");

      /* A note at each change (days 1, 4, 7, 10) and where the reminders end. */
      if (day == 1 || day == 4 || day == 7 || day == 10)
        {
          g_assert_nonnull (description);
          notes++;
          if (day == 7)
            assert_contains (description, "the dose goes up to 15 mg 3 times a day (45 mg a day)");
        }
      else if (day == 28 && slot == 2)
        assert_contains (description, "keep taking baclofen as prescribed");
      else
        g_assert_null (description);
      n++;
    }
  g_assert_cmpuint (n, ==, 28 * 3);
  g_assert_cmpuint (notes, ==, 4 * 3);
}

static void
test_ics_taper_final_day (void)
{
  g_autofree char *text = write_ics ("discontinuation-taper.titrate", TITRATE_ICS_PER_ADMINISTRATION, NULL);
  g_autoptr(icalcomponent) cal = parse_ics (text);
  guint n = 0;
  guint last_notes = 0;

  for (icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); ev != NULL;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (ev);
      const char *description = event_description (ev);

      /* Nothing on or after the stop day (2027-05-15). */
      g_assert_cmpint (start.month, ==, 5);
      g_assert_cmpint (start.day, <=, 14);
      check_alarm (ev);
      if (start.day == 14 && start.hour == 20)
        {
          g_assert_cmpstr (icalcomponent_get_summary (ev), ==, "Baclofen 5 mg — ½ tablet of 10 mg");
          assert_contains (description, "Last dose today — do not restart without advice");
          last_notes++;
        }
      else if (start.day == 14)
        assert_contains (description, "the 20:00 dose is the last one");
      else if (description != NULL)
        assert_not_contains (description, "Last dose today");
      n++;
    }
  g_assert_cmpuint (n, ==, 12 * 3);
  g_assert_cmpuint (last_notes, ==, 1);
}

static void
test_ics_per_day (void)
{
  g_autofree char *text = write_ics ("discontinuation-taper.titrate", TITRATE_ICS_PER_DAY, NULL);
  g_autoptr(icalcomponent) cal = parse_ics (text);
  guint n = 0;

  for (icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); ev != NULL;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (ev);
      const char *summary = icalcomponent_get_summary (ev);

      g_assert_cmpint (start.hour, ==, 8);
      check_alarm (ev);
      if (start.day == 3)
        g_assert_cmpstr (summary, ==, "Baclofen 20 mg — 2 tablets of 10 mg — at 08:00, 14:00, 20:00");
      if (start.day == 14)
        {
          g_assert_cmpstr (summary, ==, "Baclofen 5 mg — ½ tablet of 10 mg — at 08:00, 14:00, 20:00");
          assert_contains (event_description (ev), "Last dose today — do not restart without advice");
        }
      n++;
    }
  g_assert_cmpuint (n, ==, 12);
}

static void
test_ics_custom_times (void)
{
  const int minutes[] = { 7 * 60 + 30, 13 * 60, 21 * 60 + 15 };
  TitrateDoseTimes times;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) cal = NULL;
  icalcomponent *ev;
  struct icaltimetype t;

  titrate_dose_times_init (&times);
  g_assert_true (titrate_dose_times_set (&times, minutes, 3, &error));
  g_assert_no_error (error);
  text = write_ics ("older-adult-ckd.titrate", TITRATE_ICS_PER_ADMINISTRATION, &times);
  cal = parse_ics (text);

  ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
  t = icalcomponent_get_dtstart (ev);
  g_assert_cmpint (t.hour * 60 + t.minute, ==, minutes[0]);
  ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT);
  ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT);
  t = icalcomponent_get_dtstart (ev);
  g_assert_cmpint (t.hour * 60 + t.minute, ==, minutes[2]);
}

static void
test_ics_intrathecal (void)
{
  g_autofree char *text = write_ics ("intrathecal-spinal.titrate", TITRATE_ICS_PER_ADMINISTRATION, NULL);
  g_autoptr(icalcomponent) cal = parse_ics (text);
  guint n = 0;

  /* One event per screening bolus (days 1 and 2 only: a bolus is given once)
   * and per infusion change (days 10, 12, 14, 16), in mcg. */
  for (icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); ev != NULL;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      const char *summary = icalcomponent_get_summary (ev);

      assert_contains (summary, " mcg");
      assert_not_contains (summary, " mg");
      check_alarm (ev);
      n++;
    }
  g_assert_cmpuint (n, ==, 2 + 4);
  assert_contains (text, "Baclofen test dose 50 mcg");
  assert_contains (text, "Baclofen pump: 259 mcg a day from today");
}

static void
test_ics_needs_start_date (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.ics", NULL);

  g_date_clear (&doc->regimen->start_date, 1);
  g_assert_false (titrate_ics_export (test_rules (), doc, NULL, path, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  assert_contains (error->message, "regimen.start_date");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static void
test_dose_times (void)
{
  TitrateDoseTimes times;
  const int bad_order[] = { 8 * 60, 8 * 60 };
  const int bad_range[] = { 24 * 60 };
  g_autoptr(GError) error = NULL;
  g_autofree char *t = NULL;

  titrate_dose_times_init (&times);
  g_assert_cmpint (titrate_dose_times_get (&times, 1, 0), ==, 8 * 60);
  g_assert_cmpint (titrate_dose_times_get (&times, 2, 1), ==, 20 * 60);
  g_assert_cmpint (titrate_dose_times_get (&times, 3, 1), ==, 14 * 60);
  g_assert_cmpint (titrate_dose_times_get (NULL, 4, 1), ==, 12 * 60);
  g_assert_cmpint (titrate_dose_times_get (NULL, 4, 2), ==, 16 * 60);
  g_assert_cmpint (titrate_dose_times_get (NULL, 5, 4), ==, 22 * 60);
  for (guint n = 5; n <= TITRATE_MAX_DOSES_PER_DAY; n++)
    for (guint k = 1; k < n; k++)
      g_assert_cmpint (titrate_dose_times_get (NULL, n, k), >, titrate_dose_times_get (NULL, n, k - 1));

  g_assert_false (titrate_dose_times_set (&times, bad_order, 2, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (titrate_dose_times_set (&times, bad_range, 1, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);

  t = titrate_dose_time_format (8 * 60 + 5);
  g_assert_cmpstr (t, ==, "08:05");
  g_assert_cmpstr (titrate_dose_time_name (8 * 60), ==, "Morning");
  g_assert_cmpstr (titrate_dose_time_name (12 * 60), ==, "Midday");
  g_assert_cmpstr (titrate_dose_time_name (14 * 60), ==, "Afternoon");
  g_assert_cmpstr (titrate_dose_time_name (20 * 60), ==, "Evening");
  g_assert_cmpstr (titrate_dose_time_name (23 * 60), ==, "Night");
}

/* Counselling */

static gboolean
has_topic (GPtrArray  *items,
           const char *topic)
{
  for (guint i = 0; i < items->len; i++)
    if (strcmp (((const TitrateCounselling *) g_ptr_array_index (items, i))->topic, topic) == 0)
      return TRUE;
  return FALSE;
}

static void
test_counselling_selection (void)
{
  g_autoptr(TitrateDocument) older = load_example ("older-adult-ckd.titrate");
  g_autoptr(TitrateDocument) it = load_example ("intrathecal-spinal.titrate");
  g_autoptr(TitrateDocument) preg = load_example ("pregnancy.titrate");
  g_autoptr(GPtrArray) a = titrate_report_list_counselling (test_rules (), older);
  g_autoptr(GPtrArray) b = titrate_report_list_counselling (test_rules (), it);
  g_autoptr(GPtrArray) c = titrate_report_list_counselling (test_rules (), preg);

  g_assert_true (has_topic (a, "Never stop suddenly"));
  g_assert_true (has_topic (a, "Older adults: go slowly"));
  g_assert_true (has_topic (a, "Kidney checks"));
  g_assert_false (has_topic (a, "Pregnancy"));
  g_assert_false (has_topic (a, "Pump refills and alarms"));
  for (guint i = 0; i < a->len; i++)
    g_assert_false (g_str_has_prefix (((const TitrateCounselling *) g_ptr_array_index (a, i))->topic, "For clinicians"));

  g_assert_true (has_topic (b, "Pump refills and alarms"));
  g_assert_false (has_topic (b, "Never stop suddenly"));   /* the oral point */

  g_assert_true (has_topic (c, "Pregnancy"));
  g_assert_false (has_topic (c, "Older adults: go slowly"));

  /* The warning signs are drawn in the warning box, not as points. */
  g_assert_false (has_topic (a, "Get medical help straight away if you:"));
  g_assert_false (has_topic (b, "Get medical help the same day if you:"));
}

static gboolean
has_sign (GPtrArray  *signs,
          const char *text)
{
  for (guint i = 0; i < signs->len; i++)
    if (strcmp (((const TitrateCounselling *) g_ptr_array_index (signs, i))->text, text) == 0)
      return TRUE;
  return FALSE;
}

/* The handout's withdrawal warning signs are rows of the rules database,
 * chosen by the library for the regimen's medicine and route (labels: oral
 * abrupt stops, US-TAB/OZO/LYV; intrathecal early signs, GAB §5.5). */
static void
test_withdrawal_signs_selection (void)
{
  g_autoptr(TitrateDocument) oral = load_example ("older-adult-ckd.titrate");
  g_autoptr(TitrateDocument) it = load_example ("intrathecal-spinal.titrate");
  g_autoptr(GPtrArray) a = titrate_counselling_select_withdrawal_signs (test_rules (), oral->patient, oral->regimen);
  g_autoptr(GPtrArray) b = titrate_counselling_select_withdrawal_signs (test_rules (), it->patient, it->regimen);

  g_assert_cmpuint (a->len, ==, 5);
  g_assert_true (has_sign (a, "see or hear things that are not there"));
  g_assert_true (has_sign (a, "have a fit (seizure)"));
  g_assert_true (has_sign (a, "have muscles that are much stiffer than usual"));
  g_assert_false (has_sign (a, "feel itchy, or have pins and needles"));
  g_assert_cmpstr (((const TitrateCounselling *) g_ptr_array_index (a, 0))->topic, ==,
                   "Get medical help straight away if you:");
  for (guint i = 0; i < a->len; i++)
    g_assert_nonnull (((const TitrateCounselling *) g_ptr_array_index (a, i))->source);

  g_assert_cmpuint (b->len, ==, 5);
  g_assert_true (has_sign (b, "feel itchy, or have pins and needles"));
  g_assert_true (has_sign (b, "feel faint or dizzy"));
  g_assert_false (has_sign (b, "have a fit (seizure)"));
  g_assert_cmpstr (((const TitrateCounselling *) g_ptr_array_index (b, 0))->topic, ==,
                   "Get medical help the same day if you:");
  /* Fever and confusion can herald a life-threatening intrathecal
   * withdrawal (boxed warning): straight away, as the pump card says. */
  for (guint i = 0; i < b->len; i++)
    {
      const TitrateCounselling *c = g_ptr_array_index (b, i);

      if (strcmp (c->text, "have a high temperature") == 0 || strcmp (c->text, "feel confused or not yourself") == 0)
        g_assert_cmpstr (c->topic, ==, "Get medical help straight away if you:");
    }
}

/* Reports and PDF */

static void
test_pdf_handout_text (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateReport) report = titrate_report_new (test_rules (), doc, TITRATE_REPORT_HANDOUT,
                                                        TITRATE_PAPER_A4_WIDTH, TITRATE_PAPER_A4_HEIGHT, &error);
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (titrate_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  if ((text = pdf_text (path, FALSE)) == NULL)
    {
      remove_dir (dir);
      return;
    }

  /* Dates, doses at named times, tablets */
  assert_contains (text, "Your baclofen plan");
  assert_contains (text, "January 2027");
  /* (-layout keeps a table cell's lines apart: check them one by one) */
  assert_contains (text, "Monday 4 to Saturday 9 January");
  assert_contains (text, "4 January");
  assert_contains (text, "Wednesday");
  assert_contains (text, "31 January");
  assert_contains (text, "Start: Monday 4 January 2027");
  assert_contains (text, "Morning");
  assert_contains (text, "08:00");
  assert_contains (text, "Afternoon");
  assert_contains (text, "14:00");
  assert_contains (text, "Evening");
  assert_contains (text, "20:00");
  assert_contains (text, "5 mg");
  assert_contains (text, "½ tablet");
  assert_contains (text, "1½ tablets");
  assert_contains (text, "20 mg");
  assert_contains (text, "2 tablets");
  assert_contains (text, "New dose from today");
  /* The warning, its signs, the blank fields */
  assert_contains (text, "Do not stop baclofen suddenly");
  assert_contains (text, "see or hear things that are not there");
  assert_contains (text, "have a fit (seizure)");
  assert_contains (text, "Prescriber:");
  assert_contains (text, "Phone:");
  assert_contains (text, "keep taking the same dose");
  /* Counselling for an older adult with CKD, in the database's words */
  assert_contains (text, "Older people feel the effects of baclofen more");
  assert_contains (text, "Your kidneys clear baclofen from the body");
  assert_contains (text, "Keep enough baclofen at home so you never run out");
  /* Nothing for clinicians or other groups; no clinical terms */
  assert_not_contains (text, "Routine toxicology screens");
  assert_not_contains (text, "If you are pregnant");
  assert_not_contains (text, "CrCl");
  assert_not_contains (text, "titration");
  assert_not_contains (text, "taper");
  assert_not_contains (text, "renal");

  remove_dir (dir);
}

static void
test_pdf_taper_text (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("discontinuation-taper.titrate");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateReport) report = titrate_report_new (test_rules (), doc, TITRATE_REPORT_HANDOUT,
                                                        TITRATE_PAPER_LETTER_WIDTH, TITRATE_PAPER_LETTER_HEIGHT,
                                                        &error);
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "taper.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (titrate_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  if ((text = pdf_text (path, FALSE)) != NULL)
    {
      assert_contains (text, "Monday 3 to Saturday 8 May");
      assert_contains (text, "14 May");
      assert_contains (text, "the dose goes down");
      assert_contains (text, "Last day of baclofen: the 20:00 dose is the last one");
      assert_contains (text, "No baclofen from today");
      assert_contains (text, "Do not stop baclofen suddenly");
    }
  remove_dir (dir);
}

/* The record shows the patient's values as entered: a weight of 55.25 kg
 * is not rounded to 55.3 (the one rounding rule: up to 3 decimals). */
static void
test_pdf_summary_values_as_entered (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateReport) report = NULL;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;

  doc->patient->weight_kg = 55.25;
  doc->patient->age_years = 78.75;
  report = titrate_report_new (test_rules (), doc, TITRATE_REPORT_SUMMARY, TITRATE_PAPER_A4_WIDTH,
                               TITRATE_PAPER_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_true (titrate_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  if ((text = pdf_text (path, FALSE)) != NULL)
    {
      assert_contains (text, "55.25 kg");
      assert_contains (text, "78.75 years");
    }
  remove_dir (dir);
}

static void
test_pdf_summary_text (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateReport) report = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(TitrateRegimen) r = titrate_regimen_copy (doc->regimen);
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;

  titrate_document_set_acknowledgement (doc, "renal.moderate", "Discussed with the renal team; half dose agreed",
                                        "2027-01-04");
  report = titrate_report_new (test_rules (), doc, TITRATE_REPORT_SUMMARY, TITRATE_PAPER_A4_WIDTH,
                               TITRATE_PAPER_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_true (titrate_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  if ((text = pdf_text (path, FALSE)) == NULL)
    {
      remove_dir (dir);
      return;
    }

  assert_contains (text, "30.9 mL/min (Cockcroft–Gault, actual weight)");
  assert_contains (text, "42 mL/min/1.73 m² (CKD-EPI 2021)");
  assert_contains (text, "1.3 mg/dL");
  assert_contains (text, "lorazepam");
  assert_contains (text, "10 mg tablet");
  assert_contains (text, "2027-01-04");
  assert_contains (text, "20 + 20 + 20 mg");

  /* Every alert: severity, title, reason, action, source */
  g_assert_true (titrate_regimen_expand_protocol (r, NULL));
  alerts = titrate_check (test_rules (), doc->patient, r, doc->comedications, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, >, 0);
  for (guint i = 0; i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);
      g_autofree char *title = collapse_spaces (a->title);
      g_autofree char *source = collapse_spaces (a->source);
      g_autofree char *severity = g_ascii_strup (titrate_severity_to_string (a->severity), -1);

      assert_contains (text, title);
      assert_contains (text, source);
      assert_not_contains (text, a->code);  /* a developer code, not for readers */
      assert_contains (text, severity);
    }
  assert_contains (text, "Acknowledged: Discussed with the renal team; half dose agreed (2027-01-04)");
  assert_contains (text, "Not acknowledged");
  /* The rules database version */
  version = g_strdup_printf ("Content version: %s", titrate_rules_get_content_version (test_rules ()));
  assert_contains (text, version);
  assert_contains (text, titrate_rules_get_content_date (test_rules ()));

  remove_dir (dir);
}

/* Every word pdftotext finds lies inside the page margins. */
static void
check_bbox (const char *pdf,
            guint       expected_pages)
{
  g_autofree char *html = pdf_text (pdf, TRUE);
  g_autoptr(GRegex) page_re = NULL;
  g_autoptr(GRegex) word_re = NULL;
  g_autoptr(GMatchInfo) m = NULL;
  double width = 0;
  double height = 0;
  guint pages = 0;
  guint words = 0;

  if (html == NULL)
    return;
  page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  word_re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">",
                         0, 0, NULL);

  g_regex_match (page_re, html, 0, &m);
  while (g_match_info_matches (m))
    {
      g_autofree char *w = g_match_info_fetch (m, 1);
      g_autofree char *h = g_match_info_fetch (m, 2);

      width = g_ascii_strtod (w, NULL);
      height = g_ascii_strtod (h, NULL);
      pages++;
      g_match_info_next (m, NULL);
    }
  g_clear_pointer (&m, g_match_info_unref);
  g_assert_cmpuint (pages, ==, expected_pages);

  g_regex_match (word_re, html, 0, &m);
  while (g_match_info_matches (m))
    {
      double v[4];

      for (int i = 0; i < 4; i++)
        {
          g_autofree char *s = g_match_info_fetch (m, i + 1);
          v[i] = g_ascii_strtod (s, NULL);
        }
      /* Glyph boxes (ascent/descent) may reach 1 pt past the text box. */
      g_assert_cmpfloat (v[0], >=, TITRATE_REPORT_MARGIN - 1);
      g_assert_cmpfloat (v[1], >=, TITRATE_REPORT_MARGIN - 1);
      g_assert_cmpfloat (v[2], <=, width - TITRATE_REPORT_MARGIN + 1);
      g_assert_cmpfloat (v[3], <=, height - TITRATE_REPORT_MARGIN + 1);
      words++;
      g_match_info_next (m, NULL);
    }
  g_assert_cmpuint (words, >, 50);
}

static void
test_pagination (void)
{
  static const struct { const char *name; double width; double height; } papers[] = {
    { "A4", TITRATE_PAPER_A4_WIDTH, TITRATE_PAPER_A4_HEIGHT },
    { "Letter", TITRATE_PAPER_LETTER_WIDTH, TITRATE_PAPER_LETTER_HEIGHT },
  };
  g_autofree char *dir = tmp_dir ();

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
      for (int kind = TITRATE_REPORT_HANDOUT; kind <= TITRATE_REPORT_SUMMARY; kind++)
        {
          g_autoptr(TitrateDocument) doc = load_example (examples[e]);
          g_autoptr(GError) error = NULL;
          g_autoptr(TitrateReport) report = titrate_report_new (test_rules (), doc, kind, papers[p].width,
                                                                papers[p].height, &error);
          g_autofree char *name = g_strdup_printf ("%s-%s-%d.pdf", examples[e], papers[p].name, kind);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          int n;

          g_test_message ("%s on %s, kind %d", examples[e], papers[p].name, kind);
          g_assert_no_error (error);
          n = titrate_report_get_n_pages (report);
          g_assert_cmpint (n, >=, 1);
          g_assert_cmpfloat (titrate_report_get_printable_height (report), ==,
                             papers[p].height - 2 * TITRATE_REPORT_MARGIN);
          for (int page = 0; page < n; page++)
            {
              double h = titrate_report_get_page_content_height (report, page);

              g_assert_cmpfloat (h, >, 0);
              g_assert_cmpfloat (h, <=, titrate_report_get_printable_height (report));
            }

          g_assert_true (titrate_report_export_pdf (report, path, &error));
          g_assert_no_error (error);
          check_bbox (path, (guint) n);
          if (g_test_failed ())
            break;
        }
  remove_dir (dir);
}

/* Replaces @doc's regimen with once-daily oral steps: @mg[i] mg/day from
 * day @days[i]. */
static void
set_once_daily_steps (TitrateDocument *doc,
                      const int       *days,
                      const double    *mg,
                      guint            n)
{
  doc->regimen->has_protocol = FALSE;
  g_array_set_size (doc->regimen->steps, 0);
  for (guint i = 0; i < n; i++)
    {
      TitrateStep step;

      titrate_step_init_oral (&step, days[i], &mg[i], 1);
      g_assert_true (titrate_regimen_add_step (doc->regimen, &step, NULL));
    }
}

/* A once-daily plan: weeks that repeat the week above are one line, so the
 * handout stays a few pages, not one page per week. */
static void
test_handout_collapses_weeks (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(TitrateReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const int days[] = { 1, 85 };
  const double mg[] = { 10, 20 };

  set_once_daily_steps (doc, days, mg, G_N_ELEMENTS (days));
  report = titrate_report_new (test_rules (), doc, TITRATE_REPORT_HANDOUT,
                               TITRATE_PAPER_A4_WIDTH, TITRATE_PAPER_A4_HEIGHT, &error);
  g_assert_no_error (error);
  /* Cover, counselling, two week tables per change, the ranges, the end. */
  g_assert_cmpint (titrate_report_get_n_pages (report), <=, 6);
}

/* Repeated weeks are written as a range; a range of one day is that day
 * ("Sunday 31 January 2027"), never "Sunday 31 January to Sunday 31
 * January". Once daily, 5 → 10 → 20 mg from Monday 4 January 2027; the
 * handout's weeks run Sunday to Saturday, so Sunday 31 January repeats
 * the week above on its own. */
static void
test_handout_one_day_range (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(TitrateReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "once-daily.pdf", NULL);
  g_autofree char *text = NULL;
  const int days[] = { 1, 8, 15 };
  const double mg[] = { 5, 10, 20 };

  set_once_daily_steps (doc, days, mg, G_N_ELEMENTS (days));
  g_date_set_dmy (&doc->regimen->start_date, 4, G_DATE_JANUARY, 2027);
  report = titrate_report_new (test_rules (), doc, TITRATE_REPORT_HANDOUT,
                               TITRATE_PAPER_A4_WIDTH, TITRATE_PAPER_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_true (titrate_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  if ((text = pdf_text (path, FALSE)) != NULL)
    {
      assert_contains (text, "Sunday 31 January 2027: take the same doses as in the week above.");
      assert_not_contains (text, "Sunday 31 January to Sunday 31 January");
      assert_not_contains (text, "Sunday 31 to Sunday 31");
      /* A week across two months names both months. */
      assert_not_contains (text, "Sunday 31 to Saturday 6 February");
    }
  remove_dir (dir);

  /* Two steps a month apart: a range of several weeks keeps "to". */
  {
    g_autoptr(TitrateReport) longer = NULL;
    g_autofree char *dir2 = tmp_dir ();
    g_autofree char *path2 = g_build_filename (dir2, "two-steps.pdf", NULL);
    g_autofree char *text2 = NULL;
    const int days2[] = { 1, 29 };
    const double mg2[] = { 10, 20 };

    set_once_daily_steps (doc, days2, mg2, G_N_ELEMENTS (days2));
    longer = titrate_report_new (test_rules (), doc, TITRATE_REPORT_HANDOUT,
                                 TITRATE_PAPER_A4_WIDTH, TITRATE_PAPER_A4_HEIGHT, &error);
    g_assert_no_error (error);
    g_assert_true (titrate_report_export_pdf (longer, path2, &error));
    g_assert_no_error (error);
    if ((text2 = pdf_text (path2, FALSE)) != NULL)
      {
        assert_contains (text2, "Sunday 17 January to Saturday 30 January 2027: take the same doses as in the week above, every day.");
        assert_contains (text2, "Sunday 31 January to Saturday 6 February");
        assert_not_contains (text2, "Sunday 31 to Saturday 6 February");
      }
    remove_dir (dir2);
  }
}

/* The app prints through GtkPrintOperation at printer resolution: the same
 * draw_page on a scaled raster surface must draw cleanly. */
static void
test_draw_page_scaled (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("older-adult-ckd.titrate");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateReport) report = titrate_report_new (test_rules (), doc, TITRATE_REPORT_HANDOUT,
                                                        TITRATE_PAPER_LETTER_WIDTH, TITRATE_PAPER_LETTER_HEIGHT,
                                                        &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612 * 2, 792 * 2);
  cairo_t *cr = cairo_create (surface);
  cairo_matrix_t before;
  cairo_matrix_t after;

  g_assert_no_error (error);
  cairo_scale (cr, 2, 2);
  cairo_get_matrix (cr, &before);
  titrate_report_draw_page (report, cr, 1);
  cairo_get_matrix (cr, &after);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (before.xx, ==, after.xx);   /* state restored */
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_pdf_many_and_no_partial_file (void)
{
  g_autoptr(TitrateDocument) doc = load_example ("pregnancy.titrate");
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateReport) a = titrate_report_new (test_rules (), doc, TITRATE_REPORT_HANDOUT,
                                                   TITRATE_PAPER_A4_WIDTH, TITRATE_PAPER_A4_HEIGHT, &error);
  g_autoptr(TitrateReport) b = titrate_report_new (test_rules (), doc, TITRATE_REPORT_SUMMARY,
                                                   TITRATE_PAPER_A4_WIDTH, TITRATE_PAPER_A4_HEIGHT, &error);
  TitrateReport *both[] = { a, b };
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "both.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-dir", "x.pdf", NULL);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (titrate_report_export_pdf_many (both, 2, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  check_bbox (path, (guint) (titrate_report_get_n_pages (a) + titrate_report_get_n_pages (b)));

  g_assert_false (titrate_report_export_pdf (a, bad, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

/* titrate-cli export */


static gboolean
dir_is_empty (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  return d != NULL && g_dir_read_name (d) == NULL;
}

static void
test_cli_export (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *doc = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), "older-adult-ckd.titrate", NULL);
  g_autofree char *csv = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *ics = g_build_filename (dir, "plan.ics", NULL);
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *both = g_build_filename (dir, "both.pdf", NULL);
  g_autofree char *text = NULL;

  {
    g_auto(Run) r = { 0 };
    g_autoptr(GArray) days = NULL;

    run (&r, "export", "--csv", csv, doc, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    days = titrate_csv_parse (text, -1, NULL, NULL);
    g_assert_nonnull (days);
    g_assert_cmpuint (days->len, ==, 28);
    g_clear_pointer (&text, g_free);
  }
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) r2 = { 0 };
    g_autoptr(icalcomponent) cal = NULL;

    run (&r, "export", "--ics", ics, doc, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
    cal = parse_ics (text);
    g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 84);
    g_clear_pointer (&text, g_free);
    g_clear_pointer (&cal, icalcomponent_free);

    run (&r2, "export", "--ics", ics, "--per-day", doc, NULL);
    g_assert_cmpint (r2.status, ==, 0);
    g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
    cal = parse_ics (text);
    g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 28);
    g_clear_pointer (&text, g_free);
  }
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) r2 = { 0 };

    run (&r, "export", "--pdf", pdf, "--paper", "letter", doc, NULL);
    g_assert_cmpint (r.status, ==, 0);
    assert_contains (r.out, "patient handout");
    g_assert_true (g_file_get_contents (pdf, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "%PDF-"));
    g_clear_pointer (&text, g_free);

    run (&r2, "export", "--pdf", both, "--handout", "--summary", doc, NULL);
    g_assert_cmpint (r2.status, ==, 0);
    assert_contains (r2.out, "patient handout and clinician summary");
    if ((text = pdf_text (both, FALSE)) != NULL)
      {
        assert_contains (text, "Do not stop baclofen suddenly");
        assert_contains (text, "clinician summary");
        assert_contains (text, "Cockcroft–Gault");
      }
  }
  remove_dir (dir);
}

static void
test_cli_export_errors (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *good = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), "older-adult-ckd.titrate", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad-age.titrate", NULL);
  g_autofree char *nostart = g_build_filename (dir, "no-start.titrate", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.sqlite", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "plan.pdf", NULL);
  g_autofree char *keep = g_build_filename (out_dir, "keep.csv", NULL);
  g_autofree char *ics = g_build_filename (out_dir, "plan.ics", NULL);
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (bad,
    "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"age_years\":-3},"
    "\"regimen\":{\"drug\":\"baclofen\",\"route\":\"oral\",\"steps\":[{\"day\":1,\"doses_mg\":[5]}]}}", -1, NULL));
  g_assert_true (g_file_set_contents (nostart,
    "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"age_years\":40},"
    "\"regimen\":{\"drug\":\"baclofen\",\"route\":\"oral\",\"indication\":\"spasticity\","
    "\"formulation\":\"tablet\",\"strength_mg\":10,\"steps\":[{\"day\":1,\"doses_mg\":[5,5,5]}]}}", -1, NULL));
  g_assert_true (g_file_set_contents (garbage, "not a database", -1, NULL));
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  /* Invalid document: 2, the field named, nothing written */
  {
    const char *formats[] = { "--pdf", "--ics", "--csv" };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_auto(Run) r = { 0 };

        run (&r, "export", formats[i], out, bad, NULL);
        g_assert_cmpint (r.status, ==, 2);
        assert_contains (r.err, "patient.age_years");
        g_assert_true (dir_is_empty (out_dir));
      }
  }
  /* Arguments: no format, two formats, options for another format */
  {
    g_auto(Run) r1 = { 0 };
    g_auto(Run) r2 = { 0 };
    g_auto(Run) r3 = { 0 };
    g_auto(Run) r4 = { 0 };
    g_auto(Run) r5 = { 0 };
    g_auto(Run) r6 = { 0 };

    run (&r1, "export", good, NULL);
    g_assert_cmpint (r1.status, ==, 2);
    run (&r2, "export", "--pdf", out, "--csv", keep, good, NULL);
    g_assert_cmpint (r2.status, ==, 2);
    run (&r3, "export", "--csv", keep, "--summary", good, NULL);
    g_assert_cmpint (r3.status, ==, 2);
    run (&r4, "export", "--pdf", out, "--per-day", good, NULL);
    g_assert_cmpint (r4.status, ==, 2);
    run (&r5, "export", "--pdf", out, "--paper", "a3", good, NULL);
    g_assert_cmpint (r5.status, ==, 2);
    assert_contains (r5.err, "--paper");
    run (&r6, "export", "--csv", keep, NULL);
    g_assert_cmpint (r6.status, ==, 2);
    g_assert_true (dir_is_empty (out_dir));
  }
  /* No start date: reminders impossible, the field named */
  {
    g_auto(Run) r = { 0 };

    run (&r, "export", "--ics", ics, nostart, NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_contains (r.err, "regimen.start_date");
    g_assert_true (dir_is_empty (out_dir));
  }
  /* Unusable rules database: 3, nothing written */
  {
    g_auto(Run) r = { 0 };

    run (&r, "export", "--rules", garbage, "--pdf", out, good, NULL);
    g_assert_cmpint (r.status, ==, 3);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_true (dir_is_empty (out_dir));
  }
  /* A failed export leaves an existing file as it was */
  {
    g_auto(Run) r = { 0 };

    g_assert_true (g_file_set_contents (keep, "previous export\r\n", -1, NULL));
    run (&r, "export", "--csv", keep, bad, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_true (g_file_get_contents (keep, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "previous export\r\n");
  }
  /* An output directory that does not exist: an output failure (4), named */
  {
    g_auto(Run) r = { 0 };
    g_autofree char *nowhere = g_build_filename (dir, "missing", "plan.csv", NULL);

    run (&r, "export", "--csv", nowhere, good, NULL);
    g_assert_cmpint (r.status, ==, 4);
    assert_contains (r.err, "plan.csv");
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }

  g_remove (keep);
  g_rmdir (out_dir);
  remove_dir (dir);
}

/* Export targets: "-" is standard output; a link's target is written; a
 * FIFO is refused and left a FIFO; a new export is private, an existing one
 * keeps its permissions; output that cannot be written exits 4. */
static void
test_cli_export_targets (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *good = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), "older-adult-ckd.titrate", NULL);
  g_autofree char *csv = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.csv", NULL);
  g_autofree char *tiny = g_build_filename (dir, "tiny.titrate", NULL);
  g_autofree char *target = NULL;
  GStatBuf st;

  /* Standard output */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) r2 = { 0 };

    run (&r, "export", "--csv", "-", good, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "date,day,phase,"));
    assert_contains (r.err, "standard output");
    run (&r2, "export", "--ics", "-", good, NULL);
    g_assert_cmpint (r2.status, ==, 0);
    g_assert_true (g_str_has_prefix (r2.out, "BEGIN:VCALENDAR"));
  }
  /* New: private; existing: keeps its permissions */
  {
    g_auto(Run) r = { 0 };
    g_auto(Run) r2 = { 0 };

    run (&r, "export", "--csv", csv, good, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (g_stat (csv, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
    run (&r2, "export", "--csv", csv, good, NULL);
    g_assert_cmpint (r2.status, ==, 0);
    g_assert_cmpint (g_stat (csv, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  }
  /* A link: the target is written, the link stays */
  {
    g_auto(Run) r = { 0 };

    g_assert_true (g_file_set_contents (csv, "old", -1, NULL));
    g_assert_cmpint (symlink ("plan.csv", link), ==, 0);
    run (&r, "export", "--csv", link, good, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
    target = g_file_read_link (link, NULL);
    g_assert_cmpstr (target, ==, "plan.csv");
    {
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
      g_assert_true (g_str_has_prefix (text, "date,day,phase,"));
    }
  }
  /* A FIFO: refused (exit 4, named), never replaced, never waited on */
  {
    g_auto(Run) r = { 0 };

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    run (&r, "export", "--csv", fifo, good, NULL);
    g_assert_cmpint (r.status, ==, 4);
    assert_contains (r.err, "fifo.csv");
    assert_contains (r.err, "not a regular file");
    g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
  }
  /* Standard output full: 4 (a redirection, never /dev/full as a target) */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      const char *argv[] = { "sh", "-c", "exec \"$0\" export --pdf - \"$1\" >/dev/full", g_getenv ("TITRATE_CLI"), good, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 4);
      assert_contains (err, "No space left on device");
    }
  /* Extreme but accepted amounts (a 0.001 mg tablet, 100 g doses): every
   * format is written, quickly, without undefined behaviour. */
  {
    const char *formats[] = { "--csv", "--ics", "--pdf" };

    g_assert_true (g_file_set_contents (tiny,
      "{\"format\":\"titrate-regimen\",\"version\":1,\"patient\":{\"age_years\":40,\"weight_kg\":70,\"sex\":\"male\"},"
      "\"regimen\":{\"route\":\"oral\",\"indication\":\"spasticity\",\"formulation\":\"tablet\",\"strength_mg\":0.001,"
      "\"start_date\":\"2027-01-04\",\"steps\":[{\"day\":1,\"doses_mg\":[100000,0.001]}]}}", -1, NULL));
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_auto(Run) r = { 0 };
        gint64 start = g_get_monotonic_time ();

        run (&r, "export", formats[i], "-", tiny, NULL);
        g_assert_cmpint (r.status, ==, 0);
        g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
      }
  }

  g_unlink (link);
  g_unlink (fifo);
  g_unlink (csv);
  g_unlink (tiny);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/titrate/export/pdf/handout-collapses-weeks", test_handout_collapses_weeks);
  g_test_add_func ("/titrate/export/pdf/handout-one-day-range", test_handout_one_day_range);
  g_test_add_func ("/titrate/export/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/titrate/export/csv/header", test_csv_header);
  g_test_add_func ("/titrate/export/csv/parse-rfc4180", test_csv_parse_rfc4180);
  g_test_add_func ("/titrate/export/csv/parse-errors", test_csv_parse_errors);
  g_test_add_func ("/titrate/export/ics/per-administration", test_ics_per_administration);
  g_test_add_func ("/titrate/export/ics/taper-final-day", test_ics_taper_final_day);
  g_test_add_func ("/titrate/export/ics/per-day", test_ics_per_day);
  g_test_add_func ("/titrate/export/ics/custom-times", test_ics_custom_times);
  g_test_add_func ("/titrate/export/ics/intrathecal", test_ics_intrathecal);
  g_test_add_func ("/titrate/export/ics/needs-start-date", test_ics_needs_start_date);
  g_test_add_func ("/titrate/export/dose-times", test_dose_times);
  g_test_add_func ("/titrate/export/counselling", test_counselling_selection);
  g_test_add_func ("/titrate/export/withdrawal-signs", test_withdrawal_signs_selection);
  g_test_add_func ("/titrate/export/pdf/handout-text", test_pdf_handout_text);
  g_test_add_func ("/titrate/export/pdf/taper-text", test_pdf_taper_text);
  g_test_add_func ("/titrate/export/pdf/summary-text", test_pdf_summary_text);
  g_test_add_func ("/titrate/export/pdf/summary-values-as-entered", test_pdf_summary_values_as_entered);
  g_test_add_func ("/titrate/export/pdf/pagination", test_pagination);
  g_test_add_func ("/titrate/export/pdf/draw-page-scaled", test_draw_page_scaled);
  g_test_add_func ("/titrate/export/pdf/many-and-no-partial-file", test_pdf_many_and_no_partial_file);
  g_test_add_func ("/titrate/export/cli/export", test_cli_export);
  g_test_add_func ("/titrate/export/cli/errors", test_cli_export_errors);
  g_test_add_func ("/titrate/export/cli/targets", test_cli_export_targets);

  return g_test_run ();
}
