/* test-weight-question.c — a weight implausible for the age is questioned
 * under the field, never refused (needs a display)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's titrate_plausible_weight_range() reads the rules database's
 * weight-for-age table (children and adolescents only). This test links
 * its own range in place of the app's (the function lives alone in
 * titrate-weight-range.c for that), to show what the prescriber sees when
 * a range applies, independently of the table's figures: the typed weight
 * is used as typed (the plan is checked with it, as for any value) and a
 * question appears next to the field.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "titrate-application.h"
#include "titrate-number-row.h"
#include "titrate-patient-form.h"
#include "titrate-session.h"
#include "titrate-ui-utils.h"
#include "titrate-test-gtk.h"

/* A range for this test only, with no clinical meaning: the app's own
 * comes from the rules database. Adults only; none below 18. */
gboolean
titrate_plausible_weight_range (TitrateRules *rules,
                                double        age_years,
                                double       *min_kg,
                                double       *max_kg)
{
  *min_kg = NAN;
  *max_kg = NAN;
  if (isnan (age_years) || age_years < 18)
    return FALSE;
  *min_kg = 30;
  *max_kg = 250;
  return TRUE;
}

static char *
hint (TitrateNumberRow *number_row)
{
  char *text = NULL;

  g_object_get (number_row, "hint", &text, NULL);
  return text;
}

static void
test_questioned_not_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (&error);
  g_autoptr(TitrateSession) session = NULL;
  TitratePatientForm *form;
  GtkWidget *window;
  g_autofree char *question = NULL;
  g_autofree char *none = NULL;
  g_autofree char *child_hint = NULL;

  g_assert_no_error (error);
  session = titrate_session_new (rules, NULL);
  titrate_session_new_document (session, TITRATE_CREATININE_MG_DL);
  form = g_object_new (TITRATE_TYPE_PATIENT_FORM, NULL);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (form));
  titrate_patient_form_set_session (form, session);
  gtk_window_present (GTK_WINDOW (window));
  pump ();

  /* "1" typed for a 45-year-old (meant 100 kg, or 1,000 g): questioned,
   * and the plan holds what was typed, not a silent correction. */
  enter (form_row (form, "age_row"), "45");
  enter (form_row (form, "weight_row"), "1");
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 1.0);
  question = hint (form_row (form, "weight_row"));
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (question, "1 kg"));
  g_assert_nonnull (strstr (question, "45 years"));
  g_assert_nonnull (strstr (question, "Check the weight"));

  /* A plausible weight: the question goes. */
  enter (form_row (form, "weight_row"), "72");
  none = hint (form_row (form, "weight_row"));
  g_assert_true (none == NULL || *none == '\0');

  /* No range for the age (here, a child): nothing is questioned. */
  enter (form_row (form, "weight_row"), "1");
  enter (form_row (form, "age_row"), "6");
  child_hint = hint (form_row (form, "weight_row"));
  g_assert_true (child_hint == NULL || *child_hint == '\0');

  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
}

/* An opened plan's weight is questioned as a typed one is. */
static void
test_opened_plan_questioned (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (&error);
  g_autoptr(TitrateSession) session = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *question = NULL;
  TitratePatientForm *form;
  GtkWidget *window;
  const char *text =
    "{\"format\": \"titrate-regimen\", \"version\": 1, \"title\": \"t\",\n"
    " \"patient\": {\"age_years\": 52, \"weight_kg\": 2},\n"
    " \"regimen\": {\"drug\": \"baclofen\", \"route\": \"oral\", \"steps\": []}}\n";

  g_assert_no_error (error);
  session = titrate_session_new (rules, NULL);
  titrate_session_new_document (session, TITRATE_CREATININE_MG_DL);
  form = g_object_new (TITRATE_TYPE_PATIENT_FORM, NULL);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (form));
  titrate_patient_form_set_session (form, session);
  gtk_window_present (GTK_WINDOW (window));
  pump ();

  bytes = g_bytes_new_static (text, strlen (text));
  g_assert_true (titrate_session_load_bytes (session, bytes, NULL, &error));
  g_assert_no_error (error);
  pump ();
  question = hint (form_row (form, "weight_row"));
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (question, "2 kg"));

  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  titrate_application_ensure_resources ();

  g_test_add_func ("/titrate/weight-question/questioned-not-refused", test_questioned_not_refused);
  g_test_add_func ("/titrate/weight-question/opened-plan", test_opened_plan_questioned);
  return g_test_run ();
}
