/* test-export-pump.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The intrathecal pump in documents out: the handout's pump card, the
 * clinician summary's volume arithmetic and the .ics reminders, on the
 * bundled late-refill example (refill 2027-01-04, alarm 2027-01-25, refill
 * by 2027-01-18, empty 2027-01-27, next refill booked 2027-01-26).
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "titrate.h"
#include "titrate-export.h"
#include "titrate-export-pump.h"
#include "titrate-pump.h"

static TitrateRules *rules;

static TitrateDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TITRATE_EXAMPLES"),
                                            "intrathecal-pump-late-refill.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TitrateDocument *doc = titrate_document_load_from_file (file, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_card (void)
{
  g_autoptr(TitrateDocument) doc = load_example ();
  g_autofree char *card = _titrate_export_pump_card (rules, doc->regimen, 14 * 1024);

  g_assert_nonnull (card);
  g_test_message ("%s", card);
  g_assert_nonnull (strstr (card, "SynchroMed II 20 mL"));
  g_assert_nonnull (strstr (card, "20 mL"));
  g_assert_nonnull (strstr (card, "500 mcg in each mL"));
  g_assert_nonnull (strstr (card, "400 to 440 mcg a day"));
  g_assert_nonnull (strstr (card, "25 January 2027"));   /* alarm */
  g_assert_nonnull (strstr (card, "18 January 2027"));   /* refill by */
  g_assert_nonnull (strstr (card, "26 January 2027"));   /* appointment */
  g_assert_nonnull (strstr (card, "itching"));
  g_assert_nonnull (strstr (card, "pins and needles"));
  g_assert_nonnull (strstr (card, "low blood pressure"));
  g_assert_nonnull (strstr (card, "Fever, confusion"));
  g_assert_nonnull (strstr (card, "at once"));
}

static void
test_summary_arithmetic (void)
{
  g_autoptr(TitrateDocument) doc = load_example ();
  g_autofree char *text = _titrate_export_pump_arithmetic (rules, doc->regimen);

  g_assert_nonnull (text);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "20 mL of 500 mcg/mL = 10000 mcg"));
  g_assert_nonnull (strstr (text, "(20 mL − 2 mL alarm volume) = 18 mL"));
  g_assert_nonnull (strstr (text, "alarm on 2027-01-25"));
  g_assert_nonnull (strstr (text, "Refill by 2027-01-18"));
  g_assert_nonnull (strstr (text, "Empty on 2027-01-27"));
  g_assert_nonnull (strstr (text, "1.2 mL left"));
}

static void
test_day_notes (void)
{
  g_autoptr(TitrateDocument) doc = load_example ();
  GDate date;
  struct { int day; const char *text; } cases[] = {
    { 4, "Pump refilled today." },
    { 18, "Refill by today" },
    { 25, "Pump alarm expected today" },
    { 26, "Pump refill appointment today." },
    { 27, "Pump runs empty today" },
  };

  g_date_clear (&date, 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *note = NULL;

      g_date_set_dmy (&date, cases[i].day, G_DATE_JANUARY, 2027);
      note = _titrate_export_pump_day_note (rules, doc->regimen, &date);
      g_assert_nonnull (note);
      g_assert_nonnull (strstr (note, cases[i].text));
    }
  g_date_set_dmy (&date, 20, G_DATE_JANUARY, 2027);
  g_assert_null (_titrate_export_pump_day_note (rules, doc->regimen, &date));
}

static void
test_no_pump (void)
{
  g_autoptr(TitrateDocument) doc = titrate_document_new ();

  g_assert_null (_titrate_export_pump_card (rules, doc->regimen, 1));
  g_assert_null (_titrate_export_pump_arithmetic (rules, doc->regimen));
}

static void
test_ics (void)
{
  g_autoptr(TitrateDocument) doc = load_example ();
  g_autoptr(GError) error = NULL;
  TitrateIcsOptions options;
  g_autofree char *ics = NULL;

  titrate_ics_options_init (&options);
  options.dtstamp = 1800000000;
  ics = titrate_ics_write (rules, doc, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ics, "UID:20270126-pump-refill-"));
  g_assert_nonnull (strstr (ics, "DTSTART:20270126T090000"));
  g_assert_nonnull (strstr (ics, "SUMMARY:Baclofen pump refill appointment"));
  g_assert_nonnull (strstr (ics, "UID:20270118-pump-refill-by-"));
  g_assert_nonnull (strstr (ics, "DTSTART:20270118T090000"));
  g_assert_nonnull (strstr (ics, "SUMMARY:Baclofen pump: refill by today"));

  /* A 3-day margin moves the refill-by reminder to 2027-01-22. */
  doc->regimen->pump->margin_days = 3;
  g_clear_pointer (&ics, g_free);
  ics = titrate_ics_write (rules, doc, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ics, "UID:20270122-pump-refill-by-"));

  /* Without an alarm volume the reminder still comes, 7 days before the
   * empty date (2027-01-27). */
  doc->regimen->pump->margin_days = -1;
  doc->regimen->pump->low_reservoir_alarm_ml = NAN;
  g_clear_pointer (&ics, g_free);
  ics = titrate_ics_write (rules, doc, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ics, "UID:20270120-pump-refill-by-"));
  g_assert_nonnull (strstr (ics, "SUMMARY:Baclofen pump: refill by today"));
  g_assert_nonnull (strstr (ics, "expected to run empty on"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  rules = titrate_rules_new_embedded (&error);
  g_assert_no_error (error);

  g_test_add_func ("/export-pump/card", test_card);
  g_test_add_func ("/export-pump/summary-arithmetic", test_summary_arithmetic);
  g_test_add_func ("/export-pump/day-notes", test_day_notes);
  g_test_add_func ("/export-pump/no-pump", test_no_pump);
  g_test_add_func ("/export-pump/ics", test_ics);

  ret = g_test_run ();
  g_clear_object (&rules);
  return ret;
}
