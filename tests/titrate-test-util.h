/* titrate-test-util.h — shared helpers for the logic-layer tests
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <locale.h>
#include <math.h>
#include <string.h>
#include "titrate.h"

/* The embedded rules, opened once per test program. */
static inline TitrateRules *
test_rules (void)
{
  static TitrateRules *rules = NULL;

  if (rules == NULL)
    {
      g_autoptr(GError) error = NULL;

      rules = titrate_rules_new_embedded (&error);
      g_assert_no_error (error);
      g_assert_nonnull (rules);
    }
  return rules;
}

static inline TitratePatient *
test_adult (double age, double weight, TitrateSex sex, double scr_mg_dl)
{
  TitratePatient *p = titrate_patient_new ();

  p->age_years = age;
  p->weight_kg = weight;
  p->sex = sex;
  p->serum_creatinine = scr_mg_dl;
  p->creatinine_unit = TITRATE_CREATININE_MG_DL;
  return p;
}

/* An oral regimen from "day:dose,dose,dose;day:…" ("10:" = stopped). */
static inline TitrateRegimen *
test_oral (const char *indication, const char *formulation, double strength_mg, const char *plan)
{
  TitrateRegimen *r = titrate_regimen_new (TITRATE_ROUTE_ORAL);
  g_auto(GStrv) steps = g_strsplit (plan, ";", -1);

  r->indication = g_strdup (indication);
  r->formulation = g_strdup (formulation);
  r->strength_mg = strength_mg;
  g_date_set_dmy (&r->start_date, 4, G_DATE_JANUARY, 2027);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (steps[i], ":", 2);
      g_auto(GStrv) doses = g_strsplit (parts[1] ? parts[1] : "", ",", -1);
      double values[TITRATE_MAX_DOSES_PER_DAY];
      guint n = 0;
      TitrateStep step;
      g_autoptr(GError) error = NULL;

      for (guint d = 0; doses[d] != NULL && *doses[d] != '\0'; d++)
        values[n++] = g_ascii_strtod (doses[d], NULL);
      titrate_step_init_oral (&step, atoi (parts[0]), values, n);
      g_assert_true (titrate_regimen_add_step (r, &step, &error));
      g_assert_no_error (error);
    }
  return r;
}

/* An intrathecal regimen from "day:b50;day:d150" (b = bolus mcg, d = daily mcg). */
static inline TitrateRegimen *
test_it (TitrateOrigin origin, double conc_mcg_per_ml, const char *plan)
{
  TitrateRegimen *r = titrate_regimen_new (TITRATE_ROUTE_INTRATHECAL);
  g_auto(GStrv) steps = g_strsplit (plan, ";", -1);

  r->indication = g_strdup ("severe_spasticity");
  r->formulation = g_strdup ("intrathecal_solution");
  r->concentration_mcg_per_ml = conc_mcg_per_ml;
  r->spasticity_origin = origin;
  g_date_set_dmy (&r->start_date, 5, G_DATE_APRIL, 2027);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (steps[i], ":", 2);
      TitrateStep step;
      g_autoptr(GError) error = NULL;

      titrate_step_init_oral (&step, atoi (parts[0]), NULL, 0);
      if (parts[1][0] == 'b')
        step.bolus_mcg = g_ascii_strtod (parts[1] + 1, NULL);
      else
        step.daily_mcg = g_ascii_strtod (parts[1] + 1, NULL);
      g_assert_true (titrate_regimen_add_step (r, &step, &error));
      g_assert_no_error (error);
    }
  return r;
}

/* Checks with the embedded rules; the check must succeed (a failed check
 * is never an empty alert list). */
static inline GPtrArray *
test_check (TitratePatient *p, TitrateRegimen *r, const char *const *comeds)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts;

  for (guint i = 0; comeds != NULL && comeds[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (comeds[i]));
  alerts = titrate_check (test_rules (), p, r, names, &error);
  g_assert_no_error (error);
  g_assert_nonnull (alerts);
  return alerts;
}

static inline const TitrateAlert *
find_alert (GPtrArray *alerts, const char *code)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);
      if (strcmp (a->code, code) == 0)
        return a;
    }
  return NULL;
}

static inline char *
alert_codes (GPtrArray *alerts)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < alerts->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", ((TitrateAlert *) g_ptr_array_index (alerts, i))->code);
  return g_string_free (s, FALSE);
}

#define assert_alert(alerts, code)                                               \
  G_STMT_START {                                                                 \
    if (find_alert ((alerts), (code)) == NULL)                                   \
      {                                                                          \
        g_autofree char *_codes = alert_codes (alerts);                          \
        g_error ("expected alert %s; got: %s", (code), _codes);                  \
      }                                                                          \
  } G_STMT_END

#define assert_no_alert(alerts, code)                                            \
  G_STMT_START {                                                                 \
    if (find_alert ((alerts), (code)) != NULL)                                   \
      {                                                                          \
        g_autofree char *_codes = alert_codes (alerts);                          \
        g_error ("unexpected alert %s; got: %s", (code), _codes);                \
      }                                                                          \
  } G_STMT_END

/* Switches the whole process to @locale; NULL when it is not installed. */
static inline char *
enter_locale (const char *locale)
{
  char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_free (saved);
      return NULL;
    }
  return saved;
}

static inline void
leave_locale (char *saved)
{
  g_assert_nonnull (setlocale (LC_ALL, saved));
  g_free (saved);
}
