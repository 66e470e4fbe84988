/* test-document.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include <sys/wait.h>

#include "titrate.h"
#include "titrate-io.h"

/* The example of the format's documentation, with a few spaces to trim. */
static const char example[] =
  "{\n"
  "  \"format\": \"titrate-regimen\",\n"
  "  \"version\": 1,\n"
  "  \"patient\": {\n"
  "    \"age_years\": 78, \"weight_kg\": 55, \"sex\": \"female\",\n"
  "    \"serum_creatinine_mg_dl\": 1.3,\n"
  "    \"crcl_ml_min\": 31,\n"
  "    \"egfr_ml_min_1_73m2\": 40,\n"
  "    \"dialysis\": false, \"pregnant\": false, \"breastfeeding\": false,\n"
  "    \"conditions\": [\" epilepsy \", \"\"], \"allergies\": []\n"
  "  },\n"
  "  \"regimen\": {\n"
  "    \"drug\": \"baclofen\", \"route\": \"oral\", \"indication\": \"spasticity\",\n"
  "    \"formulation\": \"tablet\", \"strength_mg\": 10, \"start_date\": \"2027-01-04\",\n"
  "    \"steps\": [ {\"day\": 1, \"doses_mg\": [5, 5, 5]},\n"
  "               {\"day\": 4, \"doses_mg\": [10, 10, 10]},\n"
  "               {\"day\": 30, \"doses_mg\": []} ]\n"
  "  },\n"
  "  \"comedications\": [\"lorazepam \", \" Xanax\", \"  \", \"alcohol\"],\n"
  "  \"acknowledgements\": [ {\"code\": \"renal.moderate\", \"reason\": \"CrCl 31; reduced doses\", \"date\": \"2027-01-04\"} ],\n"
  "  \"final\": false\n"
  "}\n";

/* A document with unknown keys at every level where they are kept, and
 * numbers that json-glib would write with 17 digits. */
static const char with_unknown[] =
  "{\n"
  "  \"format\": \"titrate-regimen\",\n"
  "  \"version\": 1,\n"
  "  \"x_clinic\": {\"ward\": \"B4\", \"beds\": [1, 2, 3], \"ratio\": 1.1},\n"
  "  \"patient\": {\n"
  "    \"age_years\": 64.5, \"weight_kg\": 70.3, \"sex\": \"male\",\n"
  "    \"serum_creatinine_umol_l\": 97.2,\n"
  "    \"dialysis\": true, \"pregnant\": false, \"breastfeeding\": false,\n"
  "    \"conditions\": [\"epilepsy\", \"stroke\"], \"allergies\": [\"penicillin\"],\n"
  "    \"x_mrn\": \"12345\", \"x_notes\": null\n"
  "  },\n"
  "  \"regimen\": {\n"
  "    \"route\": \"oral\", \"indication\": \"spasticity\", \"formulation\": \"oral_solution\",\n"
  "    \"concentration_mg_per_ml\": 1, \"start_date\": \"2027-03-01\",\n"
  "    \"x_prescriber\": {\"name\": \"Dr \\\"Q\\\" O'Neil\\n\", \"id\": 7},\n"
  "    \"x_max_daily_mg\": 60,\n"
  "    \"steps\": [ {\"day\": 1, \"doses_mg\": [2.5, 2.5, 1.1]},\n"
  "               {\"day\": 8, \"doses_mg\": [7.5, 7.5, 7.5, 7.5]} ]\n"
  "  },\n"
  "  \"comedications\": [\"tizanidine\"],\n"
  "  \"acknowledgements\": [\n"
  "    {\"code\": \"renal.dialysis\", \"reason\": \"nephrology agreed\", \"date\": \"2027-03-01\"},\n"
  "    {\"code\": \"interaction.cns\", \"reason\": \"monitored\"}\n"
  "  ],\n"
  "  \"final\": true,\n"
  "  \"x_trailer\": [true, false, null, \"é\"]\n"
  "}\n";

static const char intrathecal[] =
  "{\n"
  "  \"format\": \"titrate-regimen\", \"version\": 1,\n"
  "  \"patient\": {\"age_years\": 41, \"weight_kg\": 80, \"sex\": \"male\"},\n"
  "  \"regimen\": {\n"
  "    \"route\": \"intrathecal\", \"indication\": \"spasticity\",\n"
  "    \"formulation\": \"intrathecal_injection\",\n"
  "    \"concentration_mcg_per_ml\": 50, \"spasticity_origin\": \"spinal\",\n"
  "    \"start_date\": \"2027-05-10\",\n"
  "    \"steps\": [ {\"day\": 1, \"bolus_mcg\": 50},\n"
  "               {\"day\": 2, \"bolus_mcg\": 75},\n"
  "               {\"day\": 4, \"daily_mcg\": 137.5},\n"
  "               {\"day\": 60, \"daily_mcg\": 0},\n"
  "               {\"day\": 61} ]\n"
  "  }\n"
  "}\n";

static const char titrate_protocol[] =
  "{\n"
  "  \"format\": \"titrate-regimen\", \"version\": 1,\n"
  "  \"patient\": {\"age_years\": 50},\n"
  "  \"regimen\": {\n"
  "    \"route\": \"oral\", \"indication\": \"spasticity\", \"strength_mg\": 10,\n"
  "    \"protocol\": {\"kind\": \"titrate\", \"start_dose_mg\": 5, \"doses_per_day\": 3,\n"
  "                 \"step_mg_per_dose\": 2.5, \"step_every_days\": 3,\n"
  "                 \"target_daily_mg\": 60}\n"
  "  }\n"
  "}\n";

static const char taper_protocol[] =
  "{\n"
  "  \"format\": \"titrate-regimen\", \"version\": 1,\n"
  "  \"patient\": {},\n"
  "  \"regimen\": {\n"
  "    \"route\": \"oral\",\n"
  "    \"protocol\": {\"kind\": \"taper\", \"from_daily_mg\": 60, \"doses_per_day\": 3,\n"
  "                 \"step_mg_per_dose\": 5, \"step_every_days\": 7}\n"
  "  }\n"
  "}\n";

static TitrateDocument *
load_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  TitrateDocument *doc = titrate_document_load_from_data (data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static const TitrateStep *
step_at (const TitrateDocument *doc,
         guint                  i)
{
  g_assert_cmpuint (i, <, doc->regimen->steps->len);
  return &g_array_index (doc->regimen->steps, TitrateStep, i);
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
test_example (void)
{
  g_autoptr(TitrateDocument) doc = load_ok (example);
  const TitratePatient *p = doc->patient;
  const TitrateRegimen *r = doc->regimen;
  const TitrateAcknowledgement *ack;
  const TitrateStep *step;

  g_assert_cmpfloat (p->age_years, ==, 78);
  g_assert_cmpfloat (p->weight_kg, ==, 55);
  g_assert_cmpint (p->sex, ==, TITRATE_SEX_FEMALE);
  g_assert_cmpint (p->creatinine_unit, ==, TITRATE_CREATININE_MG_DL);
  g_assert_cmpfloat (p->serum_creatinine, ==, 1.3);
  g_assert_cmpfloat (p->crcl_ml_min, ==, 31);
  g_assert_cmpfloat (p->egfr_ml_min_1_73m2, ==, 40);
  g_assert_false (p->dialysis);
  g_assert_false (p->pregnant);
  g_assert_false (p->breastfeeding);
  g_assert_cmpuint (p->conditions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (p->conditions, 0), ==, "epilepsy");
  g_assert_cmpuint (p->allergies->len, ==, 0);

  g_assert_cmpstr (r->drug, ==, "baclofen");
  g_assert_cmpint (r->route, ==, TITRATE_ROUTE_ORAL);
  g_assert_cmpstr (r->indication, ==, "spasticity");
  g_assert_cmpstr (r->formulation, ==, "tablet");
  g_assert_cmpfloat (r->strength_mg, ==, 10);
  g_assert_true (isnan (r->concentration_mg_per_ml));
  g_assert_true (isnan (r->concentration_mcg_per_ml));
  assert_date (&r->start_date, 2027, 1, 4);
  g_assert_cmpint (r->spasticity_origin, ==, TITRATE_ORIGIN_UNSET);
  g_assert_false (r->has_protocol);

  g_assert_cmpuint (r->steps->len, ==, 3);
  step = step_at (doc, 0);
  g_assert_cmpint (step->day, ==, 1);
  g_assert_cmpuint (step->n_doses, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (step->doses_mg[i], ==, 5);
  step = step_at (doc, 1);
  g_assert_cmpint (step->day, ==, 4);
  g_assert_cmpuint (step->n_doses, ==, 3);
  g_assert_cmpfloat (step->doses_mg[2], ==, 10);
  step = step_at (doc, 2);
  g_assert_cmpint (step->day, ==, 30);
  g_assert_cmpuint (step->n_doses, ==, 0);
  g_assert_true (titrate_step_is_stopped (step));

  g_assert_cmpuint (doc->comedications->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (doc->comedications, 0), ==, "lorazepam");
  g_assert_cmpstr (g_ptr_array_index (doc->comedications, 1), ==, "Xanax");
  g_assert_cmpstr (g_ptr_array_index (doc->comedications, 2), ==, "alcohol");

  g_assert_cmpuint (doc->acknowledgements->len, ==, 1);
  ack = titrate_document_get_acknowledgement (doc, "renal.moderate");
  g_assert_nonnull (ack);
  g_assert_cmpstr (ack->reason, ==, "CrCl 31; reduced doses");
  g_assert_cmpstr (ack->date, ==, "2027-01-04");
  g_assert_null (titrate_document_get_acknowledgement (doc, "renal.severe"));
  g_assert_false (doc->final);

  g_assert_cmpuint (json_object_get_size (doc->unknown_root), ==, 0);
  g_assert_cmpuint (json_object_get_size (doc->unknown_patient), ==, 0);
  g_assert_cmpuint (json_object_get_size (doc->unknown_regimen), ==, 0);
}

static void
test_umol (void)
{
  g_autoptr(TitrateDocument) doc = load_ok (with_unknown);
  g_autofree char *data = NULL;

  g_assert_cmpint (doc->patient->creatinine_unit, ==, TITRATE_CREATININE_UMOL_L);
  g_assert_cmpfloat (doc->patient->serum_creatinine, ==, 97.2);
  g_assert_true (isnan (doc->patient->crcl_ml_min));
  g_assert_true (isnan (doc->patient->egfr_ml_min_1_73m2));
  g_assert_true (doc->patient->dialysis);

  data = titrate_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (data, "\"serum_creatinine_umol_l\": 97.2"));
  g_assert_null (strstr (data, "serum_creatinine_mg_dl"));
  g_assert_null (strstr (data, "crcl_ml_min"));
}

/* Equal, or both unknown. */
static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static void
assert_same_document (const TitrateDocument *a,
                      const TitrateDocument *b)
{
  g_autofree char *data_a = titrate_document_to_data (a, NULL);
  g_autofree char *data_b = titrate_document_to_data (b, NULL);

  g_assert_cmpstr (data_a, ==, data_b);

  g_assert_true (same_number (a->patient->age_years, b->patient->age_years));
  g_assert_true (same_number (a->patient->weight_kg, b->patient->weight_kg));
  g_assert_true (same_number (a->patient->serum_creatinine, b->patient->serum_creatinine));
  g_assert_cmpint (a->patient->creatinine_unit, ==, b->patient->creatinine_unit);
  g_assert_true (same_number (a->regimen->strength_mg, b->regimen->strength_mg));
  g_assert_cmpint (a->regimen->route, ==, b->regimen->route);
  g_assert_cmpuint (a->regimen->steps->len, ==, b->regimen->steps->len);
  for (guint i = 0; i < a->regimen->steps->len; i++)
    {
      const TitrateStep *sa = &g_array_index (a->regimen->steps, TitrateStep, i);
      const TitrateStep *sb = &g_array_index (b->regimen->steps, TitrateStep, i);

      g_assert_cmpint (sa->day, ==, sb->day);
      g_assert_cmpuint (sa->n_doses, ==, sb->n_doses);
      for (guint j = 0; j < sa->n_doses; j++)
        g_assert_cmpfloat (sa->doses_mg[j], ==, sb->doses_mg[j]);
      g_assert_true (same_number (sa->daily_mcg, sb->daily_mcg));
      g_assert_true (same_number (sa->bolus_mcg, sb->bolus_mcg));
    }
  g_assert_cmpuint (a->comedications->len, ==, b->comedications->len);
  g_assert_cmpuint (a->acknowledgements->len, ==, b->acknowledgements->len);
  g_assert_cmpint (a->final, ==, b->final);
}

static void
test_acknowledgement_trigger (void)
{
  g_autoptr(TitrateDocument) doc = titrate_document_new ();
  g_autoptr(TitrateDocument) again = NULL;
  g_autoptr(TitrateAlert) alert = titrate_alert_new ("renal.moderate", TITRATE_CATEGORY_RENAL,
                                                     TITRATE_SEVERITY_MAJOR, "t", "CrCl 30.9 mL/min",
                                                     "r", "a", "s", "S", 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const TitrateAcknowledgement *ack;

  /* No title key: no title. */
  g_assert_null (titrate_document_dup_title (doc));

  /* The trigger the prescriber saw is stored with the reason, and read back. */
  titrate_document_acknowledge_alert (doc, alert, "Halved doses", "2027-01-04");
  data = titrate_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (data, "\"trigger\": \"CrCl 30.9 mL/min\""));
  again = titrate_document_load_from_data (data, -1, &error);
  g_assert_no_error (error);
  ack = titrate_document_find_acknowledgement (again, alert);
  g_assert_nonnull (ack);
  g_assert_cmpstr (ack->trigger, ==, "CrCl 30.9 mL/min");
  g_assert_cmpstr (ack->reason, ==, "Halved doses");

  /* A trigger must be text. */
  g_clear_pointer (&again, titrate_document_free);
  again = titrate_document_load_from_data ("{\"format\":\"titrate-regimen\",\"version\":1,"
                                           "\"patient\":{},\"regimen\":{\"route\":\"oral\",\"steps\":[]},"
                                           "\"acknowledgements\":[{\"code\":\"x\",\"reason\":\"y\",\"trigger\":5}]}",
                                           -1, &error);
  g_assert_null (again);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "acknowledgements[0].trigger"));
}

/* An acknowledgement matches the alert's untranslated trigger, so it holds
 * in every interface language; a changed value does not match in any. */
static void
test_acknowledgement_untranslated (void)
{
  const char *doc_text = "{\"format\":\"titrate-regimen\",\"version\":1,"
                         "\"patient\":{},\"regimen\":{\"route\":\"oral\",\"steps\":[]},"
                         "\"acknowledgements\":[{\"code\":\"renal.moderate\",\"reason\":\"Halved\","
                         "\"trigger\":\"ClCr 30,9 mL/min\",\"trigger_untranslated\":\"CrCl 30.9 mL/min\"},"
                         "{\"code\":\"interaction.benzodiazepine\",\"reason\":\"Seen\","
                         "\"trigger\":\"Comedication: lorazepam\"}]}";
  g_autoptr(TitrateDocument) doc = load_ok (doc_text);
  g_autoptr(TitrateDocument) again = NULL;
  g_autoptr(TitrateDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  /* The same CrCl as shown in German, in English, and a lower one. */
  g_autoptr(TitrateAlert) german = titrate_alert_new ("renal.moderate", TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_MAJOR,
                                                      "t", "KrCl 30,9 mL/min", "r", "a", "s", "S", 0);
  g_autoptr(TitrateAlert) english = titrate_alert_new ("renal.moderate", TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_MAJOR,
                                                       "t", "CrCl 30.9 mL/min", "r", "a", "s", "S", 0);
  g_autoptr(TitrateAlert) lower = titrate_alert_new ("renal.moderate", TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_MAJOR,
                                                     "t", "KrCl 28,2 mL/min", "r", "a", "s", "S", 0);
  g_autoptr(TitrateAlert) benzo = titrate_alert_new ("interaction.benzodiazepine", TITRATE_CATEGORY_INTERACTION,
                                                     TITRATE_SEVERITY_MAJOR, "t", "Begleitmedikation: lorazepam",
                                                     "r", "a", "s", "S", 0);
  g_autoptr(TitrateAlert) benzo_other = titrate_alert_new ("interaction.benzodiazepine", TITRATE_CATEGORY_INTERACTION,
                                                           TITRATE_SEVERITY_MAJOR, "t", "Begleitmedikation: diazepam",
                                                           "r", "a", "s", "S", 0);

  german->trigger_untranslated = g_strdup ("CrCl 30.9 mL/min");
  english->trigger_untranslated = g_strdup ("CrCl 30.9 mL/min");
  lower->trigger_untranslated = g_strdup ("CrCl 28.2 mL/min");
  benzo->trigger_untranslated = g_strdup ("Comedication: lorazepam");
  benzo_other->trigger_untranslated = g_strdup ("Comedication: diazepam");

  g_assert_nonnull (titrate_document_find_acknowledgement (doc, german));
  g_assert_nonnull (titrate_document_find_acknowledgement (doc, english));
  g_assert_null (titrate_document_find_acknowledgement (doc, lower));
  /* Written before the key, in English: the trigger is the untranslated one. */
  g_assert_nonnull (titrate_document_find_acknowledgement (doc, benzo));
  g_assert_null (titrate_document_find_acknowledgement (doc, benzo_other));
  /* Without an untranslated trigger (not from the checker), as shown only. */
  g_clear_pointer (&german->trigger_untranslated, g_free);
  g_assert_null (titrate_document_find_acknowledgement (doc, german));

  /* Saved and copied; acknowledging stores it, only where it differs. */
  copy = titrate_document_copy (doc);
  g_assert_cmpstr (titrate_document_get_acknowledgement (copy, "renal.moderate")->trigger_untranslated, ==,
                   "CrCl 30.9 mL/min");
  titrate_document_acknowledge_alert (doc, lower, "Lower CrCl seen", NULL);
  titrate_document_acknowledge_alert (doc, english, "Seen in English", NULL);
  g_assert_cmpstr (titrate_document_get_acknowledgement (doc, "renal.moderate")->trigger_untranslated, ==,
                   "CrCl 30.9 mL/min");
  titrate_document_acknowledge_alert (doc, lower, "Lower CrCl seen", NULL);
  data = titrate_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (data, "\"trigger_untranslated\": \"CrCl 28.2 mL/min\""));
  g_assert_null (strstr (data, "\"trigger_untranslated\": \"Comedication: lorazepam\""));
  again = load_ok (data);
  g_assert_nonnull (titrate_document_find_acknowledgement (again, lower));
  g_assert_null (titrate_document_find_acknowledgement (again, english));

  /* It must be text. */
  g_clear_pointer (&again, titrate_document_free);
  again = titrate_document_load_from_data ("{\"format\":\"titrate-regimen\",\"version\":1,"
                                           "\"patient\":{},\"regimen\":{\"route\":\"oral\",\"steps\":[]},"
                                           "\"acknowledgements\":[{\"code\":\"x\",\"reason\":\"y\","
                                           "\"trigger_untranslated\":[1]}]}",
                                           -1, &error);
  g_assert_null (again);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "acknowledgements[0].trigger_untranslated"));
}

static void
test_title (void)
{
  const char *with_title = "{\"format\":\"titrate-regimen\",\"version\":1,\"title\":\"Older adult\","
                           "\"patient\":{},\"regimen\":{\"route\":\"oral\",\"steps\":[]}}";
  const char *odd_title = "{\"format\":\"titrate-regimen\",\"version\":1,\"title\":7,"
                          "\"patient\":{},\"regimen\":{\"route\":\"oral\",\"steps\":[]}}";
  g_autoptr(TitrateDocument) a = load_ok (with_title);
  g_autoptr(TitrateDocument) b = load_ok (odd_title);
  g_autofree char *title = titrate_document_dup_title (a);

  g_assert_cmpstr (title, ==, "Older adult");
  /* Kept as an unknown key, but not a title. */
  g_assert_null (titrate_document_dup_title (b));
}

static void
test_round_trip (void)
{
  g_autoptr(TitrateDocument) doc = load_ok (with_unknown);
  g_autoptr(TitrateDocument) again = NULL;
  g_autoptr(TitrateDocument) copy = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  JsonNode *node;

  g_assert_cmpuint (json_object_get_size (doc->unknown_root), ==, 2);
  g_assert_cmpuint (json_object_get_size (doc->unknown_patient), ==, 2);
  g_assert_cmpuint (json_object_get_size (doc->unknown_regimen), ==, 2);
  node = json_object_get_member (doc->unknown_regimen, "x_prescriber");
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  data = titrate_document_to_data (doc, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  g_test_message ("%s", data);

  /* Exact numbers, fixed key order, unknown keys at all three levels. */
  g_assert_true (g_str_has_prefix (data, "{\n  \"format\": \"titrate-regimen\",\n"
                                         "  \"version\": 1,\n  \"patient\": {\n"
                                         "    \"age_years\": 64.5,\n"));
  g_assert_nonnull (strstr (data, "\"doses_mg\": [2.5, 2.5, 1.1]"));
  g_assert_nonnull (strstr (data, "\"doses_mg\": [7.5, 7.5, 7.5, 7.5]"));
  g_assert_nonnull (strstr (data, "\"ratio\": 1.1"));
  g_assert_nonnull (strstr (data, "\"concentration_mg_per_ml\": 1,"));
  g_assert_null (strstr (data, "1.1000000000000001"));
  g_assert_null (strstr (data, ".0,"));
  g_assert_nonnull (strstr (data, "\"x_mrn\": \"12345\""));
  g_assert_nonnull (strstr (data, "\"x_notes\": null"));
  g_assert_nonnull (strstr (data, "\"x_max_daily_mg\": 60"));
  g_assert_nonnull (strstr (data, "\"name\": \"Dr \\\"Q\\\" O'Neil\\n\""));
  g_assert_nonnull (strstr (data, "\"x_trailer\": [true, false, null, \"é\"]"));
  g_assert_true (strstr (data, "\"final\": true") < strstr (data, "\"x_trailer\""));
  g_assert_true (strstr (data, "\"steps\"") < strstr (data, "\"x_prescriber\""));
  g_assert_true (strstr (data, "\"allergies\"") < strstr (data, "\"x_mrn\""));

  again = titrate_document_load_from_data (data, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  assert_same_document (doc, again);

  data_again = titrate_document_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data_again);

  g_assert_cmpfloat (again->patient->weight_kg, ==, 70.3);
  g_assert_cmpfloat (step_at (again, 0)->doses_mg[2], ==, 1.1);
  g_assert_nonnull (titrate_document_get_acknowledgement (again, "renal.dialysis"));
  g_assert_null (titrate_document_get_acknowledgement (again, "interaction.cns")->date);
  g_assert_true (again->final);
  g_assert_cmpuint (json_object_get_size (again->unknown_root), ==, 2);
  g_assert_cmpuint (json_object_get_size (again->unknown_patient), ==, 2);
  g_assert_cmpuint (json_object_get_size (again->unknown_regimen), ==, 2);

  /* Copies are deep and equal. */
  copy = titrate_document_copy (doc);
  assert_same_document (doc, copy);
  g_clear_pointer (&doc, titrate_document_free);
  {
    g_autofree char *data_copy = titrate_document_to_data (copy, NULL);

    g_assert_cmpstr (data, ==, data_copy);
  }

  /* The example document round-trips too. */
  {
    g_autoptr(TitrateDocument) ex = load_ok (example);
    g_autofree char *ex_data = titrate_document_to_data (ex, NULL);
    g_autoptr(TitrateDocument) ex_again = load_ok (ex_data);

    assert_same_document (ex, ex_again);
    g_assert_nonnull (strstr (ex_data, "\"strength_mg\": 10,"));
    g_assert_nonnull (strstr (ex_data, "\"serum_creatinine_mg_dl\": 1.3,"));
    g_assert_nonnull (strstr (ex_data, "{\"day\": 30, \"doses_mg\": []}"));
    g_assert_nonnull (strstr (ex_data, "\"comedications\": [\"lorazepam\", \"Xanax\", \"alcohol\"]"));
  }
}

static void
test_to_json (void)
{
  g_autoptr(TitrateDocument) doc = load_ok (example);
  g_autoptr(JsonNode) root = titrate_document_to_json (doc);
  g_autofree char *data = titrate_document_to_data (doc, NULL);
  g_autofree char *from_node = NULL;
  JsonObject *object;
  JsonObject *regimen;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "titrate-regimen");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  regimen = json_object_get_object_member (object, "regimen");
  g_assert_nonnull (regimen);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (regimen, "strength_mg")),
                   ==, G_TYPE_INT64);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (regimen, "steps")),
                    ==, 3);

  from_node = titrate_json_node_to_data (root, NULL);
  g_assert_cmpstr (from_node, ==, data);
}

static void
test_intrathecal (void)
{
  g_autoptr(TitrateDocument) doc = load_ok (intrathecal);
  g_autoptr(TitrateDocument) again = NULL;
  g_autofree char *data = NULL;
  const TitrateRegimen *r = doc->regimen;
  const TitrateStep *step;

  g_assert_cmpint (r->route, ==, TITRATE_ROUTE_INTRATHECAL);
  g_assert_cmpfloat (r->concentration_mcg_per_ml, ==, 50);
  g_assert_true (isnan (r->strength_mg));
  g_assert_true (isnan (r->concentration_mg_per_ml));
  g_assert_cmpint (r->spasticity_origin, ==, TITRATE_ORIGIN_SPINAL);
  assert_date (&r->start_date, 2027, 5, 10);
  g_assert_cmpuint (r->steps->len, ==, 5);

  step = step_at (doc, 0);
  g_assert_cmpint (step->day, ==, 1);
  g_assert_cmpuint (step->n_doses, ==, 0);
  g_assert_cmpfloat (step->bolus_mcg, ==, 50);
  g_assert_true (isnan (step->daily_mcg));
  step = step_at (doc, 1);
  g_assert_cmpfloat (step->bolus_mcg, ==, 75);
  step = step_at (doc, 2);
  g_assert_cmpint (step->day, ==, 4);
  g_assert_cmpfloat (step->daily_mcg, ==, 137.5);
  g_assert_true (isnan (step->bolus_mcg));
  g_assert_false (titrate_step_is_stopped (step));
  step = step_at (doc, 3);
  g_assert_cmpint (step->day, ==, 60);
  g_assert_true (titrate_step_is_stopped (step));
  step = step_at (doc, 4);
  g_assert_cmpint (step->day, ==, 61);
  g_assert_true (titrate_step_is_stopped (step));

  data = titrate_document_to_data (doc, NULL);
  g_test_message ("%s", data);
  g_assert_nonnull (strstr (data, "{\"day\": 1, \"bolus_mcg\": 50}"));
  g_assert_nonnull (strstr (data, "{\"day\": 4, \"daily_mcg\": 137.5}"));
  g_assert_nonnull (strstr (data, "{\"day\": 60, \"daily_mcg\": 0}"));
  g_assert_nonnull (strstr (data, "\"concentration_mcg_per_ml\": 50"));
  g_assert_nonnull (strstr (data, "\"spasticity_origin\": \"spinal\""));
  g_assert_null (strstr (data, "_mg"));

  again = load_ok (data);
  assert_same_document (doc, again);
}

static void
test_protocol (void)
{
  g_autoptr(TitrateDocument) doc = load_ok (titrate_protocol);
  g_autoptr(TitrateDocument) taper = load_ok (taper_protocol);
  g_autoptr(TitrateDocument) again = NULL;
  g_autofree char *data = NULL;
  const TitrateProtocol *protocol = &doc->regimen->protocol;

  g_assert_true (doc->regimen->has_protocol);
  g_assert_cmpuint (doc->regimen->steps->len, ==, 0);
  g_assert_cmpint (protocol->kind, ==, TITRATE_PROTOCOL_TITRATE);
  g_assert_cmpfloat (protocol->start_dose_mg, ==, 5);
  g_assert_cmpint (protocol->doses_per_day, ==, 3);
  g_assert_cmpfloat (protocol->step_mg_per_dose, ==, 2.5);
  g_assert_cmpint (protocol->step_every_days, ==, 3);
  g_assert_cmpfloat (protocol->target_daily_mg, ==, 60);

  data = titrate_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (data, "\"protocol\": {"));
  g_assert_null (strstr (data, "\"steps\""));
  again = load_ok (data);
  g_assert_true (again->regimen->has_protocol);
  g_assert_true (memcmp (&again->regimen->protocol, protocol, sizeof *protocol) == 0
                 || (again->regimen->protocol.start_dose_mg == 5
                     && again->regimen->protocol.target_daily_mg == 60));
  assert_same_document (doc, again);

  protocol = &taper->regimen->protocol;
  g_assert_true (taper->regimen->has_protocol);
  g_assert_cmpint (protocol->kind, ==, TITRATE_PROTOCOL_TAPER);
  g_assert_cmpfloat (protocol->from_daily_mg, ==, 60);
  g_assert_cmpint (protocol->doses_per_day, ==, 3);
  g_assert_cmpfloat (protocol->step_mg_per_dose, ==, 5);
  g_assert_cmpint (protocol->step_every_days, ==, 7);

  /* Once steps exist, they are what is saved. */
  {
    TitrateStep step;
    double doses[] = { 5, 5, 5 };
    g_autoptr(GError) error = NULL;
    g_autofree char *with_steps = NULL;

    titrate_step_init_oral (&step, 1, doses, 3);
    g_assert_true (titrate_regimen_add_step (doc->regimen, &step, &error));
    g_assert_no_error (error);
    with_steps = titrate_document_to_data (doc, NULL);
    g_assert_nonnull (strstr (with_steps, "\"steps\": [\n"));
    g_assert_null (strstr (with_steps, "\"protocol\""));
  }
}

static void
test_new_document (void)
{
  g_autoptr(TitrateDocument) doc = titrate_document_new ();
  g_autoptr(TitrateDocument) again = NULL;
  g_autofree char *data = NULL;
  GType type = titrate_document_get_type ();
  TitrateDocument *boxed;

  g_assert_true (G_TYPE_IS_BOXED (type));
  g_assert_cmpstr (g_type_name (type), ==, "TitrateDocument");

  data = titrate_document_to_data (doc, NULL);
  g_test_message ("%s", data);
  again = load_ok (data);
  g_assert_true (isnan (again->patient->age_years));
  g_assert_cmpint (again->regimen->route, ==, TITRATE_ROUTE_ORAL);
  g_assert_cmpuint (again->regimen->steps->len, ==, 0);

  titrate_document_set_acknowledgement (doc, "renal.moderate", "first", NULL);
  titrate_document_set_acknowledgement (doc, "elderly.falls", "second", "2027-01-02");
  titrate_document_set_acknowledgement (doc, "renal.moderate", "replaced", "2027-01-03");
  g_assert_cmpuint (doc->acknowledgements->len, ==, 2);
  g_assert_cmpstr (titrate_document_get_acknowledgement (doc, "renal.moderate")->reason,
                   ==, "replaced");
  g_assert_cmpstr (titrate_document_get_acknowledgement (doc, "renal.moderate")->date,
                   ==, "2027-01-03");

  boxed = g_boxed_copy (type, doc);
  g_assert_cmpuint (boxed->acknowledgements->len, ==, 2);
  g_boxed_free (type, boxed);
}

typedef struct {
  const char   *name;
  const char   *data;
  TitrateError  code;
  const char   *needles[3];
} InvalidCase;

#define HEAD "{\"format\": \"titrate-regimen\", \"version\": 1, "
#define PATIENT "\"patient\": {\"age_years\": 78}, "
#define ORAL "\"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, \"doses_mg\": [5]}]}}"

static const InvalidCase invalid_cases[] = {
  { "negative-age",
    HEAD "\"patient\": {\"age_years\": -1}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.age_years", "from 0 to 130" } },
  { "string-age",
    HEAD "\"patient\": {\"age_years\": \"abc\"}, " ORAL,
    TITRATE_ERROR_INVALID,
    { "patient.age_years: must be a number from 0 to 130 (got \"abc\")" } },
  { "age-too-high",
    HEAD "\"patient\": {\"age_years\": 131}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.age_years" } },
  { "string-weight",
    HEAD "\"patient\": {\"weight_kg\": \"55\"}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.weight_kg", "\"55\"" } },
  { "bool-weight",
    HEAD "\"patient\": {\"weight_kg\": true}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.weight_kg", "true" } },
  { "zero-weight",
    HEAD "\"patient\": {\"weight_kg\": 0}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.weight_kg" } },
  { "creatinine-too-high",
    HEAD "\"patient\": {\"serum_creatinine_mg_dl\": 97}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.serum_creatinine_mg_dl" } },
  { "crcl-zero",
    HEAD "\"patient\": {\"crcl_ml_min\": 0}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.crcl_ml_min" } },
  { "egfr-object",
    HEAD "\"patient\": {\"egfr_ml_min_1_73m2\": {}}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.egfr_ml_min_1_73m2", "an object" } },
  { "both-creatinine",
    HEAD "\"patient\": {\"serum_creatinine_mg_dl\": 1.3, \"serum_creatinine_umol_l\": 115}, " ORAL,
    TITRATE_ERROR_INVALID, { "serum_creatinine_mg_dl", "serum_creatinine_umol_l" } },
  { "bad-sex",
    HEAD "\"patient\": {\"sex\": \"F\"}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.sex" } },
  { "string-boolean",
    HEAD "\"patient\": {\"dialysis\": \"no\"}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.dialysis", "true or false" } },
  { "null-boolean",
    HEAD "\"patient\": {\"pregnant\": null}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.pregnant" } },
  { "number-boolean",
    HEAD "\"patient\": {\"breastfeeding\": 0}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.breastfeeding" } },
  { "condition-not-string",
    HEAD "\"patient\": {\"conditions\": [\"epilepsy\", 3]}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.conditions[1]" } },
  { "allergies-not-array",
    HEAD "\"patient\": {\"allergies\": \"penicillin\"}, " ORAL,
    TITRATE_ERROR_INVALID, { "patient.allergies" } },
  { "comedication-object",
    HEAD PATIENT "\"comedications\": [{}], " ORAL,
    TITRATE_ERROR_INVALID, { "comedications[0]" } },
  { "impossible-date",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"start_date\": \"2027-02-29\"}}",
    TITRATE_ERROR_INVALID, { "regimen.start_date: 2027-02-29 is not a valid date" } },
  { "month-13",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"start_date\": \"2027-13-01\"}}",
    TITRATE_ERROR_INVALID, { "regimen.start_date", "2027-13-01" } },
  { "malformed-date",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"start_date\": \"4/1/2027\"}}",
    TITRATE_ERROR_INVALID, { "regimen.start_date", "YYYY-MM-DD" } },
  { "datetime",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"start_date\": \"2027-01-04T10:00\"}}",
    TITRATE_ERROR_INVALID, { "regimen.start_date" } },
  { "steps-out-of-order",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": ["
    "{\"day\": 4, \"doses_mg\": [10]}, {\"day\": 1, \"doses_mg\": [5]}]}}",
    TITRATE_ERROR_INVALID,
    { "regimen.steps[1].day", "steps must be in increasing day order" } },
  { "duplicate-day",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": ["
    "{\"day\": 1, \"doses_mg\": [5]}, {\"day\": 1, \"doses_mg\": [10]}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[1].day", "increasing day order" } },
  { "day-zero",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 0}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0].day" } },
  { "day-fraction",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1.5}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0].day" } },
  { "day-missing",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [{\"doses_mg\": [5]}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0].day" } },
  { "negative-dose",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, \"doses_mg\": [5, -5]}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0].doses_mg[1]" } },
  { "string-dose",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, \"doses_mg\": [\"5\"]}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0].doses_mg[0]" } },
  { "too-many-doses",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, "
    "\"doses_mg\": [1, 1, 1, 1, 1, 1, 1, 1, 1]}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0].doses_mg", "at most 8" } },
  { "unknown-step-key",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, \"doses\": [5]}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0].doses" } },
  { "step-not-object",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [5]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0]" } },
  { "missing-format",
    "{\"version\": 1, " PATIENT ORAL,
    TITRATE_ERROR_INVALID, { "format" } },
  { "wrong-format",
    "{\"format\": \"titrate-plan\", \"version\": 1, " PATIENT ORAL,
    TITRATE_ERROR_INVALID, { "format", "titrate-plan" } },
  { "missing-version",
    "{\"format\": \"titrate-regimen\", " PATIENT ORAL,
    TITRATE_ERROR_INVALID, { "version" } },
  { "version-2",
    "{\"format\": \"titrate-regimen\", \"version\": 2, " PATIENT ORAL,
    TITRATE_ERROR_UNSUPPORTED,
    { "version 2 is not supported (this Titrate reads version 1)" } },
  { "version-string",
    "{\"format\": \"titrate-regimen\", \"version\": \"1\", " PATIENT ORAL,
    TITRATE_ERROR_INVALID, { "version", "\"1\"" } },
  { "version-zero",
    "{\"format\": \"titrate-regimen\", \"version\": 0, " PATIENT ORAL,
    TITRATE_ERROR_INVALID, { "version" } },
  { "mg-on-intrathecal",
    HEAD PATIENT "\"regimen\": {\"route\": \"intrathecal\", \"strength_mg\": 10}}",
    TITRATE_ERROR_UNIT,
    { "regimen.strength_mg: oral unit (mg) in an intrathecal regimen" } },
  { "doses-mg-on-intrathecal",
    HEAD PATIENT "\"regimen\": {\"route\": \"intrathecal\", \"steps\": ["
    "{\"day\": 1, \"doses_mg\": [50]}]}}",
    TITRATE_ERROR_UNIT, { "regimen.steps[0].doses_mg" } },
  { "mg-concentration-on-intrathecal",
    HEAD PATIENT "\"regimen\": {\"route\": \"intrathecal\", \"concentration_mg_per_ml\": 2}}",
    TITRATE_ERROR_UNIT, { "regimen.concentration_mg_per_ml" } },
  { "unknown-mg-key-on-intrathecal",
    HEAD PATIENT "\"regimen\": {\"route\": \"intrathecal\", \"x_max_daily_mg\": 2}}",
    TITRATE_ERROR_UNIT, { "regimen.x_max_daily_mg" } },
  { "daily-mcg-on-oral",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": ["
    "{\"day\": 1, \"doses_mg\": [5]}, {\"day\": 2, \"doses_mg\": [10]}, "
    "{\"day\": 3, \"daily_mcg\": 100}]}}",
    TITRATE_ERROR_UNIT,
    { "regimen.steps[2].daily_mcg: intrathecal unit (mcg) in an oral regimen" } },
  { "mcg-concentration-on-oral",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"concentration_mcg_per_ml\": 50}}",
    TITRATE_ERROR_UNIT, { "regimen.concentration_mcg_per_ml" } },
  { "protocol-on-intrathecal",
    HEAD PATIENT "\"regimen\": {\"route\": \"intrathecal\", \"protocol\": {\"kind\": \"taper\"}}}",
    TITRATE_ERROR_UNIT, { "regimen.protocol" } },
  { "mcg-in-protocol",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"protocol\": {\"kind\": \"taper\", "
    "\"from_daily_mcg\": 60}}}",
    TITRATE_ERROR_UNIT, { "regimen.protocol.from_daily_mcg" } },
  { "daily-and-bolus",
    HEAD PATIENT "\"regimen\": {\"route\": \"intrathecal\", \"steps\": ["
    "{\"day\": 1, \"daily_mcg\": 100, \"bolus_mcg\": 50}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0]", "daily_mcg", "bolus_mcg" } },
  { "negative-daily-mcg",
    HEAD PATIENT "\"regimen\": {\"route\": \"intrathecal\", \"steps\": ["
    "{\"day\": 1, \"daily_mcg\": -1}]}}",
    TITRATE_ERROR_INVALID, { "regimen.steps[0].daily_mcg" } },
  { "origin-on-oral",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"spasticity_origin\": \"spinal\"}}",
    TITRATE_ERROR_INVALID, { "regimen.spasticity_origin" } },
  { "bad-origin",
    HEAD PATIENT "\"regimen\": {\"route\": \"intrathecal\", \"spasticity_origin\": \"brain\"}}",
    TITRATE_ERROR_INVALID, { "regimen.spasticity_origin" } },
  { "protocol-and-steps",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"steps\": [], \"protocol\": "
    "{\"kind\": \"taper\", \"from_daily_mg\": 60, \"doses_per_day\": 3, "
    "\"step_mg_per_dose\": 5, \"step_every_days\": 7}}}",
    TITRATE_ERROR_INVALID, { "regimen.protocol", "either steps or protocol" } },
  { "protocol-bad-kind",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"protocol\": {\"kind\": \"ramp\"}}}",
    TITRATE_ERROR_INVALID, { "regimen.protocol.kind" } },
  { "protocol-missing-field",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"protocol\": {\"kind\": \"titrate\", "
    "\"start_dose_mg\": 5, \"doses_per_day\": 3, \"step_mg_per_dose\": 5, "
    "\"step_every_days\": 3}}}",
    TITRATE_ERROR_INVALID, { "regimen.protocol.target_daily_mg", "missing" } },
  { "protocol-doses-per-day",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"protocol\": {\"kind\": \"taper\", "
    "\"from_daily_mg\": 60, \"doses_per_day\": 9, \"step_mg_per_dose\": 5, "
    "\"step_every_days\": 7}}}",
    TITRATE_ERROR_INVALID, { "regimen.protocol.doses_per_day" } },
  { "protocol-every-fraction",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"protocol\": {\"kind\": \"taper\", "
    "\"from_daily_mg\": 60, \"doses_per_day\": 3, \"step_mg_per_dose\": 5, "
    "\"step_every_days\": 2.5}}}",
    TITRATE_ERROR_INVALID, { "regimen.protocol.step_every_days" } },
  { "protocol-zero-step",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"protocol\": {\"kind\": \"taper\", "
    "\"from_daily_mg\": 60, \"doses_per_day\": 3, \"step_mg_per_dose\": 0, "
    "\"step_every_days\": 7}}}",
    TITRATE_ERROR_INVALID, { "regimen.protocol.step_mg_per_dose" } },
  { "protocol-target-below-start",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"protocol\": {\"kind\": \"titrate\", "
    "\"start_dose_mg\": 10, \"doses_per_day\": 3, \"step_mg_per_dose\": 5, "
    "\"step_every_days\": 3, \"target_daily_mg\": 20}}}",
    TITRATE_ERROR_INVALID, { "regimen.protocol.target_daily_mg", "30 mg" } },
  { "protocol-foreign-key",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"protocol\": {\"kind\": \"taper\", "
    "\"from_daily_mg\": 60, \"doses_per_day\": 3, \"step_mg_per_dose\": 5, "
    "\"step_every_days\": 7, \"target_daily_mg\": 0}}}",
    TITRATE_ERROR_INVALID, { "regimen.protocol.target_daily_mg" } },
  { "missing-route",
    HEAD PATIENT "\"regimen\": {\"indication\": \"spasticity\"}}",
    TITRATE_ERROR_INVALID, { "regimen.route" } },
  { "bad-route",
    HEAD PATIENT "\"regimen\": {\"route\": \"iv\"}}",
    TITRATE_ERROR_INVALID, { "regimen.route", "\"iv\"" } },
  { "other-drug",
    HEAD PATIENT "\"regimen\": {\"drug\": \"tizanidine\", \"route\": \"oral\"}}",
    TITRATE_ERROR_INVALID, { "regimen.drug", "baclofen" } },
  { "empty-indication",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"indication\": \"  \"}}",
    TITRATE_ERROR_INVALID, { "regimen.indication" } },
  { "zero-strength",
    HEAD PATIENT "\"regimen\": {\"route\": \"oral\", \"strength_mg\": 0}}",
    TITRATE_ERROR_INVALID, { "regimen.strength_mg" } },
  { "missing-patient",
    HEAD ORAL,
    TITRATE_ERROR_INVALID, { "patient", "missing" } },
  { "patient-not-object",
    HEAD "\"patient\": [], " ORAL,
    TITRATE_ERROR_INVALID, { "patient" } },
  { "missing-regimen",
    HEAD "\"patient\": {}}",
    TITRATE_ERROR_INVALID, { "regimen", "missing" } },
  { "ack-without-reason",
    HEAD PATIENT "\"acknowledgements\": [{\"code\": \"renal.moderate\"}], " ORAL,
    TITRATE_ERROR_INVALID, { "acknowledgements[0].reason" } },
  { "ack-bad-date",
    HEAD PATIENT "\"acknowledgements\": [{\"code\": \"a\", \"reason\": \"b\", "
    "\"date\": \"2027-02-30\"}], " ORAL,
    TITRATE_ERROR_INVALID, { "acknowledgements[0].date", "2027-02-30" } },
  { "ack-twice",
    HEAD PATIENT "\"acknowledgements\": [{\"code\": \"a\", \"reason\": \"b\"}, "
    "{\"code\": \"a\", \"reason\": \"c\"}], " ORAL,
    TITRATE_ERROR_INVALID, { "acknowledgements[1].code" } },
  { "final-string",
    HEAD PATIENT "\"final\": \"yes\", " ORAL,
    TITRATE_ERROR_INVALID, { "final" } },
  { "not-json",
    "{\n  \"format\": \"titrate-regimen\",\n  \"version\": 1,\n}",
    TITRATE_ERROR_INVALID, { "not a JSON document", "line 3" } },
  { "garbage",
    "this is not json",
    TITRATE_ERROR_INVALID, { "not a JSON document", "line 1" } },
  { "empty",
    "",
    TITRATE_ERROR_INVALID, { "empty" } },
  { "blank",
    "  \n ",
    TITRATE_ERROR_INVALID, { "empty" } },
  { "top-level-array",
    "[{\"format\": \"titrate-regimen\", \"version\": 1}]",
    TITRATE_ERROR_INVALID, { "top level", "an array" } },
  { "top-level-string",
    "\"titrate-regimen\"",
    TITRATE_ERROR_INVALID, { "top level" } },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = NULL;

  doc = titrate_document_load_from_data (c->data, -1, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", c->name, error->message);
  g_assert_true (g_error_matches (error, TITRATE_ERROR, c->code));
  for (guint i = 0; i < G_N_ELEMENTS (c->needles) && c->needles[i] != NULL; i++)
    {
      if (strstr (error->message, c->needles[i]) == NULL)
        g_error ("%s: \"%s\" not in \"%s\"", c->name, c->needles[i], error->message);
    }
}

static void
test_invalid_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  static const char nul_inside[] = "{\"format\": \"titrate-regimen\"\0, \"version\": 1}";
  static const char latin1[] = "{\"format\": \"titrate-r\xe9gimen\"}";

  /* Only @length bytes are read: a document cut short is not JSON. */
  doc = titrate_document_load_from_data (example, 40, &error);
  g_assert_null (doc);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_clear_error (&error);

  doc = titrate_document_load_from_data (nul_inside, sizeof nul_inside - 1, &error);
  g_assert_null (doc);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_clear_error (&error);

  doc = titrate_document_load_from_data (latin1, -1, &error);
  g_assert_null (doc);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  /* A byte order mark is fine. */
  {
    g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", example, NULL);
    g_autoptr(TitrateDocument) with_bom = load_ok (bom);

    g_assert_cmpfloat (with_bom->patient->age_years, ==, 78);
  }
}

/* Every known field given every kind of JSON value: no crash, no critical
 * (fatal under g_test), and either a document or a TITRATE_ERROR. */
static void
test_wrong_types (void)
{
  static const char * const values[] = {
    "null", "true", "false", "0", "-1", "1.5", "1e308", "\"\"", "\"x\"",
    "\"2027-01-04\"", "[]", "[1]", "[\"a\"]", "[null]", "[[]]", "{}", "{\"a\": 1}",
  };
  static const char * const fields[] = {
    "format", "version", "patient", "regimen", "comedications",
    "acknowledgements", "final",
    "patient.age_years", "patient.weight_kg", "patient.sex",
    "patient.serum_creatinine_mg_dl", "patient.serum_creatinine_umol_l",
    "patient.crcl_ml_min", "patient.egfr_ml_min_1_73m2", "patient.dialysis",
    "patient.pregnant", "patient.breastfeeding", "patient.conditions",
    "patient.allergies",
    "regimen.drug", "regimen.route", "regimen.indication", "regimen.formulation",
    "regimen.strength_mg", "regimen.start_date", "regimen.concentration_mg_per_ml",
    "regimen.concentration_mcg_per_ml", "regimen.spasticity_origin",
    "regimen.steps", "regimen.protocol",
    "step.day", "step.doses_mg", "step.daily_mcg", "step.bolus_mcg",
    "ack.code", "ack.reason", "ack.date",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(GError) error = NULL;
        g_autoptr(TitrateDocument) doc = NULL;
        g_autoptr(JsonNode) value = json_from_string (values[v], &error);
        g_autofree char *text = NULL;
        JsonObject *root;
        JsonObject *target;
        const char *key = fields[f];

        g_assert_no_error (error);
        g_assert_true (json_parser_load_from_data (parser, example, -1, NULL));
        root = json_node_get_object (json_parser_get_root (parser));
        target = root;

        if (g_str_has_prefix (key, "patient."))
          {
            target = json_object_get_object_member (root, "patient");
            key += strlen ("patient.");
          }
        else if (g_str_has_prefix (key, "regimen."))
          {
            target = json_object_get_object_member (root, "regimen");
            key += strlen ("regimen.");
          }
        else if (g_str_has_prefix (key, "step."))
          {
            JsonObject *regimen = json_object_get_object_member (root, "regimen");

            target = json_array_get_object_element (
              json_object_get_array_member (regimen, "steps"), 1);
            key += strlen ("step.");
          }
        else if (g_str_has_prefix (key, "ack."))
          {
            target = json_array_get_object_element (
              json_object_get_array_member (root, "acknowledgements"), 0);
            key += strlen ("ack.");
          }

        json_object_set_member (target, key, json_node_copy (value));
        text = json_to_string (json_parser_get_root (parser), FALSE);

        doc = titrate_document_load_from_data (text, -1, &error);
        g_assert_true ((doc != NULL) != (error != NULL));
        if (error != NULL)
          g_assert_true (error->domain == TITRATE_ERROR);
        else
          {
            g_autofree char *saved = titrate_document_to_data (doc, NULL);
            g_autoptr(TitrateDocument) again = load_ok (saved);

            assert_same_document (doc, again);
          }
      }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("titrate-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.titrate.json", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "missing", NULL);
  g_autofree char *missing_path = g_build_filename (missing_dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(TitrateDocument) doc = load_ok (example);
  g_autoptr(TitrateDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* First save creates the file. */
  g_assert_true (titrate_document_save (doc, file, &error));
  g_assert_no_error (error);
  expected = titrate_document_to_data (doc, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&expected, g_free);

  /* Second save replaces it whole, leaving no temporary file behind. */
  doc->patient->age_years = 79;
  doc->final = TRUE;
  titrate_document_set_acknowledgement (doc, "elderly.falls", "lives with carer", "2027-01-05");
  g_assert_true (titrate_document_save (doc, file, &error));
  g_assert_no_error (error);
  expected = titrate_document_to_data (doc, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  loaded = titrate_document_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpfloat (loaded->patient->age_years, ==, 79);
  g_assert_true (loaded->final);
  g_assert_nonnull (titrate_document_get_acknowledgement (loaded, "elderly.falls"));

  /* A directory that does not exist: an error, and nothing is created. */
  g_assert_false (titrate_document_save (doc, missing, &error));
  g_assert_nonnull (error);
  g_test_message ("save into missing directory: %s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Loading a file that does not exist is an I/O error. */
  g_assert_null (titrate_document_load_from_file (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Hostile and odd documents: each refused with a message naming what is
 * wrong, quickly, before anything recurses or allocates without bound. */

static const char hostile_head[] =
  "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
  " \"patient\": {\"age_years\": 50, \"weight_kg\": 70},\n"
  " \"regimen\": {\"route\": \"oral\", \"indication\": \"spasticity\", \"formulation\": \"tablet\",\n"
  "             \"strength_mg\": 10, \"steps\": [{\"day\": 1, \"doses_mg\": [5, 5, 5]}]}";

static void
assert_refused (const char *data,
                gssize      length,
                const char *must_name,
                const char *must_say)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = titrate_document_load_from_data (data, length, &error);
  gint64 start = g_get_monotonic_time ();

  g_assert_null (doc);
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, must_name) == NULL || strstr (error->message, must_say) == NULL)
    g_error ("message \"%s\" does not name \"%s\" and say \"%s\"", error->message, must_name, must_say);
  /* Refusing is quick (a million steps took a minute before). */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static char *
nested_arrays (guint depth)
{
  GString *s = g_string_new (hostile_head);

  g_string_append (s, ",\n \"x_deep\": ");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, "}\n");
  return g_string_free (s, FALSE);
}

static void
test_hostile_nesting (void)
{
  g_autofree char *deep = nested_arrays (100000);
  g_autofree char *fine = nested_arrays (TITRATE_IO_MAX_JSON_DEPTH - 1);
  g_autofree char *over = nested_arrays (TITRATE_IO_MAX_JSON_DEPTH);
  g_autoptr(GString) objects = g_string_new ("[");
  g_autoptr(TitrateDocument) doc = NULL;

  /* 100,000 nested arrays in a kept unknown key crashed json-glib. */
  assert_refused (deep, -1, "x_deep", "nested deeper than 64 levels");
  assert_refused (over, -1, "x_deep", "nested deeper than 64 levels");

  /* Within the limit it is kept, and saved back the same. */
  doc = load_ok (fine);
  {
    g_autofree char *saved = titrate_document_to_data (doc, NULL);
    g_autoptr(TitrateDocument) again = load_ok (saved);

    assert_same_document (doc, again);
  }

  /* Objects nest too; so does a bare top level. */
  for (guint i = 0; i < 70000; i++)
    g_string_append (objects, "{\"a\":");
  assert_refused (objects->str, -1, "[0].a.a", "nested deeper");

  /* json-glib also reads comments and 'text', where brackets would escape
   * the count: not JSON, refused with where. */
  assert_refused ("{\"format\": \"titrate-regimen\", /* \" */ \"version\": 1}", -1,
                  "line 1, column 31", "comment or a single quote");
  assert_refused ("{'format': 'titrate-regimen', 'version': 1}", -1, "line 1, column 2", "single quote");
  /* A malformed string: every bracket after it counts. */
  {
    GString *bad = g_string_new ("{\"format\": \"titrate-regimen\", \"x\": \"\\u12\" ");

    for (guint i = 0; i < 1000; i++)
      g_string_append_c (bad, '[');
    assert_refused (bad->str, -1, "not a JSON document", "nested deeper");
    g_string_free (bad, TRUE);
  }
}

static void
test_hostile_duplicates (void)
{
  g_autofree char *twice_age = g_strconcat (
    "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
    " \"patient\": {\"age_years\": 80, \"weight_kg\": 70, \"age_years\": 30},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": []}}", NULL);
  g_autofree char *twice_patient = g_strconcat (
    "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
    " \"patient\": {\"age_years\": 80, \"dialysis\": true},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": []},\n"
    " \"patient\": {\"age_years\": 30}}", NULL);
  /* The same key spelt with an escape is the same key. */
  g_autofree char *twice_escaped = g_strconcat (
    "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
    " \"patient\": {\"age_years\": 80, \"age\\u005fyears\": 30},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": []}}", NULL);
  g_autofree char *twice_in_step = g_strconcat (
    "{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, \"doses_mg\": [5]},\n"
    "   {\"day\": 2, \"doses_mg\": [5], \"doses_mg\": [50]}]}}", NULL);
  /* Equal keys in different objects are fine. */
  g_autofree char *apart = g_strconcat (hostile_head, ", \"x_a\": {\"age_years\": 1}, \"x_b\": {\"age_years\": 2}}", NULL);
  g_autoptr(TitrateDocument) doc = NULL;

  assert_refused (twice_age, -1, "patient.age_years", "appears twice");
  assert_refused (twice_patient, -1, "patient", "appears twice");
  assert_refused (twice_escaped, -1, "patient.age_years", "appears twice");
  assert_refused (twice_in_step, -1, "regimen.steps[1].doses_mg", "appears twice");
  doc = load_ok (apart);
  g_assert_cmpfloat (doc->patient->age_years, ==, 50);
}

/* json-glib's scanner reads 0x10 as 16, 05 as 5, .5 and +5, and stops at
 * the first complete value; a reader of the file sees none of that. Numbers
 * are JSON's own, named by field, and nothing may follow the document. */
static void
test_hostile_numbers_and_trailing_text (void)
{
  static const struct {
    const char *age;
    const char *path;
  } bad[] = {
    { "0x10", "patient.age_years" }, { "05", "patient.age_years" }, { ".5", "patient.age_years" },
    { "+5", "patient.age_years" }, { "5.", "patient.age_years" }, { "1e", "patient.age_years" },
    { "-Infinity", "patient.age_years" }, { "1_0", "patient.age_years" },
  };
  static const char * const good[] = { "0", "50", "50.5", "5e1", "5.0E+1", "0.5e-0" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"titrate-regimen\", \"version\": 1,\n"
                                               " \"patient\": {\"age_years\": %s, \"weight_kg\": 70},\n"
                                               " \"regimen\": {\"route\": \"oral\", \"steps\": []}}",
                                               bad[i].age);

      assert_refused (text, -1, bad[i].path, "is not a number as JSON writes one");
    }
  {
    g_autofree char *huge = g_strdup_printf ("{\"format\": \"titrate-regimen\", \"version\": 1,\n"
                                             " \"patient\": {\"age_years\": 1e309, \"weight_kg\": 70},\n"
                                             " \"regimen\": {\"route\": \"oral\", \"steps\": []}}");

    assert_refused (huge, -1, "patient.age_years", "“1e309” is too large to be a number");
  }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"titrate-regimen\", \"version\": 1,\n"
                                               " \"patient\": {\"age_years\": %s, \"weight_kg\": 70},\n"
                                               " \"regimen\": {\"route\": \"oral\", \"steps\": []}}",
                                               good[i]);
      g_autoptr(TitrateDocument) doc = load_ok (text);

      g_assert_cmpfloat (doc->patient->age_years, ==, g_ascii_strtod (good[i], NULL));
    }

  {
    g_autofree char *two = g_strconcat (hostile_head, "}\n{\"x\": 1}", NULL);
    g_autofree char *spaces = g_strconcat (hostile_head, "}\n\t \n", NULL);
    g_autoptr(TitrateDocument) doc = NULL;

    assert_refused (two, -1, "line 5, column 1", "text after the end of the document");
    doc = load_ok (spaces);
    g_assert_cmpfloat (doc->patient->age_years, ==, 50);
  }
}

/* Replacing a file its owner made read-only: refused, the file unchanged
 * (the rename that replaces it only needs a writable folder). Run as an
 * ordinary user: root may write anything, so as root the check runs in a
 * child that drops to nobody. */
static gboolean
replace_read_only_refused (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "kept.titrate", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  if (!g_file_set_contents (path, "original", -1, NULL) || g_chmod (path, 0444) != 0)
    return FALSE;
  if (titrate_io_replace_file (path, "replacement", 11, 0644, &error))
    return FALSE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) || strstr (error->message, "read-only") == NULL)
    return FALSE;
  return g_file_get_contents (path, &after, NULL, NULL) && strcmp (after, "original") == 0;
}

static void
test_save_read_only_target (void)
{
  g_autofree char *dir = g_dir_make_tmp ("titrate-readonly-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  if (getuid () != 0)
    g_assert_true (replace_read_only_refused (dir));
  else
    {
      pid_t pid = fork ();
      int status = 0;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        _exit (setgid (65534) == 0 && setuid (65534) == 0 && replace_read_only_refused (dir) ? 0 : 1);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  {
    g_autofree char *path = g_build_filename (dir, "kept.titrate", NULL);

    g_remove (path);
  }
  g_rmdir (dir);
}

static void
test_hostile_unpaired_surrogate (void)
{
  /* A lone high surrogate in a key is no character: the message naming
   * the key stays valid UTF-8, with U+FFFD in its place. */
  static const char twice[] =
    "{\"format\": \"titrate-regimen\", \"version\": 1,\n"
    " \"patient\": {\"x\\uD800\": 1, \"x\\uD800\": 2},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": []}}";
  g_autoptr(GError) error = NULL;

  g_assert_null (titrate_document_load_from_data (twice, -1, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "patient.x\xEF\xBF\xBD"));
  g_assert_nonnull (strstr (error->message, "appears twice"));
}

static void
test_hostile_nul (void)
{
  static const char route[] =
    "{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
    " \"regimen\": {\"route\": \"oral\\u0000intrathecal\", \"steps\": []}}";
  static const char comedication[] =
    "{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": []},\n"
    " \"comedications\": [\"ibuprofen\", \"lorazepam\\u0000 (stopped)\"]}";
  static const char key[] =
    "{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {\"x\\u0000\": 1},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": []}}";
  /* A raw NUL byte is not text either. */
  static const char raw[] = "{\"format\": \"titrate-regimen\", \"version\": 1, \"x\": \"a\0b\"}";
  g_autoptr(GError) error = NULL;

  assert_refused (route, -1, "regimen.route", "NUL character");
  assert_refused (comedication, -1, "comedications[1]", "NUL character");
  assert_refused (key, -1, "patient.x", "NUL character");
  g_assert_null (titrate_document_load_from_data (raw, sizeof raw - 1, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
}

static void
test_hostile_sizes (void)
{
  g_autoptr(GString) big = g_string_new (hostile_head);
  g_autoptr(GString) steps = g_string_new (
    "{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": [");
  g_autoptr(GString) comedications = g_string_new (hostile_head);
  g_autoptr(GString) long_list = g_string_new (hostile_head);
  g_autoptr(GString) doses = g_string_new (
    "{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
    " \"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, \"doses_mg\": [");

  /* Document size, in bytes. */
  g_string_append (big, ", \"x_pad\": \"");
  while (big->len <= TITRATE_IO_MAX_DOCUMENT_BYTES)
    g_string_append (big, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (big, "\"}");
  assert_refused (big->str, (gssize) big->len, "MiB", "larger than 4.0");

  /* Steps: one more than the limit. */
  for (guint i = 1; i <= 3661; i++)
    g_string_append_printf (steps, "%s{\"day\": %u, \"doses_mg\": [5]}", i > 1 ? "," : "", i);
  g_string_append (steps, "]}}");
  assert_refused (steps->str, -1, "regimen.steps", "at most 3660 steps");

  /* Comedications. */
  g_string_append (comedications, ", \"comedications\": [");
  for (guint i = 0; i < 201; i++)
    g_string_append_printf (comedications, "%s\"drug %u\"", i ? "," : "", i);
  g_string_append (comedications, "]}");
  assert_refused (comedications->str, -1, "comedications", "at most 200 entries");

  /* Doses per step: the list is refused before each dose is read. */
  for (guint i = 0; i < 9; i++)
    g_string_append_printf (doses, "%s5", i ? "," : "");
  g_string_append (doses, "]}]}}");
  assert_refused (doses->str, -1, "regimen.steps[0].doses_mg", "at most 8 doses a day");

  /* Any other list, even in a kept unknown key. */
  g_string_append (long_list, ", \"x_list\": [");
  for (guint i = 0; i < TITRATE_IO_MAX_JSON_ARRAY + 1; i++)
    g_string_append_printf (long_list, "%s0", i ? "," : "");
  g_string_append (long_list, "]}");
  assert_refused (long_list->str, -1, "x_list", "more than 10000 elements");
}

static void
test_hostile_amounts (void)
{
  static const struct { const char *key; const char *value; } cases[] = {
    { "strength_mg", "1e-300" },
    { "strength_mg", "1e300" },
    { "strength_mg", "0.0001" },
    { "strength_mg", "200000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
        " \"regimen\": {\"route\": \"oral\", \"formulation\": \"tablet\", \"%s\": %s, \"steps\": []}}",
        cases[i].key, cases[i].value);

      assert_refused (text, -1, "regimen.strength_mg", "plausible amount");
    }

  assert_refused ("{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
                  " \"regimen\": {\"route\": \"oral\", \"steps\": [{\"day\": 1, \"doses_mg\": [1e300]}]}}",
                  -1, "regimen.steps[0].doses_mg[0]", "plausible amount");
  assert_refused ("{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
                  " \"regimen\": {\"route\": \"intrathecal\", \"steps\": [{\"day\": 1, \"bolus_mcg\": 1e-300}]}}",
                  -1, "regimen.steps[0].bolus_mcg", "plausible amount");
  assert_refused ("{\"format\": \"titrate-regimen\", \"version\": 1, \"patient\": {},\n"
                  " \"regimen\": {\"route\": \"oral\", \"formulation\": \"oral_solution\", "
                  "\"concentration_mg_per_ml\": 1e-300, \"steps\": []}}",
                  -1, "regimen.concentration_mg_per_ml", "plausible amount");
}

/* Input documents are regular files: a FIFO is refused at once, never
 * waited on. */
static void
test_hostile_not_regular (void)
{
  g_autofree char *dir = g_dir_make_tmp ("titrate-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "plan.titrate", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (titrate_document_load_from_file (fifo_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "FIFO"));
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_assert_null (titrate_document_load_from_file (dir_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  g_unlink (fifo);
  g_rmdir (dir);
}

/* A document that loads but whose indented form would pass the size limit
 * (deep kept keys) is not saved: what is written always opens again. */
static void
test_save_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("titrate-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (hostile_head);
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *saved = NULL;

  for (guint k = 0; k < 3; k++)
    {
      g_string_append_printf (text, ", \"x_%u\": ", k);
      for (guint i = 0; i < 55; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < 9000; i++)
        g_string_append (text, i ? ",[[0]]" : "[[0]]");
      for (guint i = 0; i < 55; i++)
        g_string_append_c (text, ']');
    }
  g_string_append (text, "}");
  g_assert_cmpuint (text->len, <, TITRATE_IO_MAX_DOCUMENT_BYTES);
  doc = load_ok (text->str);
  saved = titrate_document_to_data (doc, &length);
  g_assert_cmpuint (length, >, TITRATE_IO_MAX_DOCUMENT_BYTES);

  g_assert_false (titrate_document_save (doc, file, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "would be larger than"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Saving: permissions kept, new files private, links followed, FIFOs left
 * alone, stale temporary files removed. */
static void
test_save_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("titrate-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.titrate", NULL);
  g_autofree char *link = g_build_filename (dir, "link.titrate", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.titrate", NULL);
  g_autofree char *stale = g_build_filename (dir, ".plan.titrate.saving-Ab3dE9", NULL);
  g_autofree char *busy = g_build_filename (dir, ".plan.titrate.saving-Zz9yY8", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(TitrateDocument) doc = load_ok (example);
  g_autoptr(TitrateDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;
  int busy_fd;

  /* New: private to its owner, whatever the umask. */
  g_assert_true (titrate_document_save (doc, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Existing: keeps the permissions it was given. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (titrate_document_save (doc, file, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* A link: its target is written, the link stays. */
  g_assert_cmpint (symlink ("plan.titrate", link), ==, 0);
  doc->patient->age_years = 81;
  g_assert_true (titrate_document_save (doc, link_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "plan.titrate");
  loaded = titrate_document_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (loaded->patient->age_years, ==, 81);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* A FIFO: refused, and still a FIFO. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (titrate_document_save (doc, fifo_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_test_message ("save to a FIFO: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* A temporary file whose writer is gone is removed by the next save; one
   * still being written (locked) is not. */
  g_assert_true (g_file_set_contents (stale, "{ half", -1, NULL));
  busy_fd = g_open (busy, O_RDWR | O_CREAT, 0600);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);
  g_assert_true (titrate_document_save (doc, file, &error));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  close (busy_fd);
  g_assert_true (titrate_document_save (doc, file, &error));
  g_assert_false (g_file_test (busy, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 3);

  g_unlink (fifo);
  g_unlink (link);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* An autosave sidecar whose title holds an unpaired surrogate escape (found
 * by the fuzz smoke): the title handed to the window is valid UTF-8. */
static void
test_sidecar_surrogate (void)
{
  const char *data = "{\"format\":\"" TITRATE_SIDECAR_FORMAT "\",\"title\":\"a\\ud800b\"}";
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (titrate_sidecar_parse (data, strlen (data), &title, &uri, &error));
  g_assert_no_error (error);
  g_assert_nonnull (title);
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_true (g_str_has_prefix (title, "a"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/titrate/document/example", test_example);
  g_test_add_func ("/titrate/document/umol", test_umol);
  g_test_add_func ("/titrate/document/round-trip", test_round_trip);
  g_test_add_func ("/titrate/document/acknowledgement-trigger", test_acknowledgement_trigger);
  g_test_add_func ("/titrate/document/acknowledgement-untranslated", test_acknowledgement_untranslated);
  g_test_add_func ("/titrate/document/title", test_title);
  g_test_add_func ("/titrate/document/to-json", test_to_json);
  g_test_add_func ("/titrate/document/intrathecal", test_intrathecal);
  g_test_add_func ("/titrate/document/protocol", test_protocol);
  g_test_add_func ("/titrate/document/new", test_new_document);
  g_test_add_func ("/titrate/document/invalid-length", test_invalid_length);
  g_test_add_func ("/titrate/document/wrong-types", test_wrong_types);
  g_test_add_func ("/titrate/document/save", test_save);
  g_test_add_func ("/titrate/document/save-files", test_save_files);
  g_test_add_func ("/titrate/document/save-read-only-target", test_save_read_only_target);
  g_test_add_func ("/titrate/document/save-too-large", test_save_too_large);
  g_test_add_func ("/titrate/document/hostile/nesting", test_hostile_nesting);
  g_test_add_func ("/titrate/document/hostile/duplicates", test_hostile_duplicates);
  g_test_add_func ("/titrate/document/hostile/numbers-trailing-text", test_hostile_numbers_and_trailing_text);
  g_test_add_func ("/titrate/document/hostile/unpaired-surrogate", test_hostile_unpaired_surrogate);
  g_test_add_func ("/titrate/document/hostile/nul", test_hostile_nul);
  g_test_add_func ("/titrate/document/hostile/sizes", test_hostile_sizes);
  g_test_add_func ("/titrate/document/hostile/amounts", test_hostile_amounts);
  g_test_add_func ("/titrate/document/hostile/not-regular", test_hostile_not_regular);
  g_test_add_func ("/titrate/document/hostile/sidecar-surrogate", test_sidecar_surrogate);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/titrate/document/invalid/%s",
                                                    invalid_cases[i].name);

      g_test_add_data_func (test_path, &invalid_cases[i], test_invalid);
    }

  return g_test_run ();
}
