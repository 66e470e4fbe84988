/* bench-logic.c — speed of the logic layer on a realistic regimen
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An older patient with CKD (81 y, CrCl ≈ 27 mL/min), 10 comedications and a
 * 90-day titration-maintenance-taper calendar. Prints medians and throughput
 * on one core. Targets: full check < 50 µs median and ≥ 20 000 checks/s;
 * database open + validation < 5 ms.
 *
 * Run: meson test -C _build --benchmark --verbose   (or ./_build/bench/bench-logic)
 */

#include <stdio.h>
#include <time.h>
#include <stdlib.h>

#include "titrate.h"
#include "titrate-rules-private.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof *v, compare_double);
  return v[n / 2];
}

static double
percentile (double *v,
            int     n,
            double  p)
{
  qsort (v, n, sizeof *v, compare_double);
  return v[MIN (n - 1, (int) (p * n))];
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  const char *comeds[] = { "lorazepam", "oxycodone", "gabapentin", "amlodipine", "metformin",
                           "sertraline", "tizanidine", "ibuprofen", "Zyprexa", "alcohol" };
  const int n_open = 50, n_check = 20000, n_plan = 5000, n_selftest = 30, n_file = 20;
  g_autofree double *t_selftest = g_new (double, n_selftest);
  g_autofree double *t_file = g_new (double, n_file);
  guint n_scenarios = 0;
  g_autofree double *t_open = g_new (double, n_open);
  g_autofree double *t_check = g_new (double, n_check);
  g_autofree double *t_plan = g_new (double, n_plan);
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(TitratePatient) p = titrate_patient_new ();
  g_autoptr(TitrateRegimen) r = titrate_regimen_new (TITRATE_ROUTE_ORAL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  TitrateProtocol up = { TITRATE_PROTOCOL_TITRATE, 5, 3, 5, 7, 40, 0 };
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (TitrateStep));
  guint n_alerts = 0;
  gint64 t0, wall;

  /* Database open + validation */
  for (int i = 0; i < n_open; i++)
    {
      g_autoptr(GError) error = NULL;
      t0 = g_get_monotonic_time ();
      g_clear_object (&rules);
      rules = _titrate_rules_open_embedded (&error);   /* a fresh open, not the shared one */
      t_open[i] = (g_get_monotonic_time () - t0) / 1000.0;
      if (rules == NULL)
        {
          g_printerr ("bench-logic: %s\n", error->message);
          return 1;
        }
    }

  /* The clinical self-test, whole suite, on the embedded database. CPU
   * time of this process, so other load on a shared machine does not count. */
  for (int i = 0; i < n_selftest; i++)
    {
      g_autoptr(TitrateSelftestResult) result = NULL;
      double c0 = cpu_ms ();
      result = titrate_selftest_run (rules, NULL);
      t_selftest[i] = cpu_ms () - c0;
      if (result == NULL || result->failed > 0)
        {
          g_printerr ("bench-logic: the self-test fails on the embedded database\n");
          return 1;
        }
      n_scenarios = result->passed;
    }

  /* A database that is not the embedded one (an institution's copy): read,
   * schema compared, every row re-checked, semantic checks, self-test. */
  {
    g_autoptr(GBytes) image = g_resources_lookup_data ("/io/github/titrate/Titrate/rules/rules.sqlite",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    for (int i = 0; image != NULL && i < n_file; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(TitrateRules) copy = NULL;
        double c0 = cpu_ms ();
        copy = titrate_rules_new_for_bytes (image, &error);
        t_file[i] = cpu_ms () - c0;
        if (copy == NULL)
          {
            g_printerr ("bench-logic: %s\n", error->message);
            return 1;
          }
      }
  }

  /* An older woman with CKD */
  p->age_years = 81;
  p->weight_kg = 58;
  p->sex = TITRATE_SEX_FEMALE;
  p->serum_creatinine = 1.6;
  g_ptr_array_add (p->conditions, g_strdup ("diabetes"));
  g_ptr_array_add (p->conditions, g_strdup ("respiratory_impairment"));
  for (guint i = 0; i < G_N_ELEMENTS (comeds); i++)
    g_ptr_array_add (names, (gpointer) comeds[i]);

  /* 90 days: titrate to 40 mg/day over 7-day steps, maintain, then taper */
  r->indication = g_strdup ("spasticity");
  r->formulation = g_strdup ("tablet");
  r->strength_mg = 10;
  g_date_set_dmy (&r->start_date, 4, G_DATE_JANUARY, 2027);
  titrate_protocol_expand (&up, steps, NULL);
  g_array_append_vals (r->steps, steps->data, steps->len);
  {
    double d[3][3] = { { 10, 10, 10 }, { 5, 5, 5 }, { 0 } };
    TitrateStep s;
    titrate_step_init_oral (&s, 70, d[0], 3); titrate_regimen_add_step (r, &s, NULL);
    titrate_step_init_oral (&s, 77, d[1], 3); titrate_regimen_add_step (r, &s, NULL);
    titrate_step_init_oral (&s, 84, d[2], 0); titrate_regimen_add_step (r, &s, NULL);
  }

  /* Full check */
  wall = g_get_monotonic_time ();
  for (int i = 0; i < n_check; i++)
    {
      g_autoptr(GPtrArray) alerts = NULL;
      t0 = g_get_monotonic_time ();
      alerts = titrate_check (rules, p, r, names, NULL);
      t_check[i] = (double) (g_get_monotonic_time () - t0);
      n_alerts = alerts->len;
    }
  wall = g_get_monotonic_time () - wall;

  /* Planner: protocol expansion + 90-day calendar */
  for (int i = 0; i < n_plan; i++)
    {
      g_autoptr(GArray) days = NULL;
      t0 = g_get_monotonic_time ();
      titrate_protocol_expand (&up, steps, NULL);
      days = titrate_planner_expand (rules, r, 90);
      t_plan[i] = (double) (g_get_monotonic_time () - t0);
    }

  printf ("Titrate logic benchmark (%u steps, 90-day calendar, %u comedications, %u alerts)\n",
          r->steps->len, names->len, n_alerts);
  printf ("  rules open + validation: median %.2f ms, p95 %.2f ms   (target < 5 ms)\n",
          median (t_open, n_open), percentile (t_open, n_open, 0.95));
  printf ("  full check:              median %.1f µs, p99 %.1f µs   (target < 50 µs)\n",
          median (t_check, n_check), percentile (t_check, n_check, 0.99));
  printf ("  checks per second:       %.0f on one core            (target ≥ 20000)\n",
          n_check / (wall / 1e6));
  printf ("  planner (expand + 90 d): median %.1f µs\n", median (t_plan, n_plan));
  printf ("  clinical self-test:      median %.2f ms, p95 %.2f ms CPU for %u scenarios   (target < 50 ms)\n",
          median (t_selftest, n_selftest), percentile (t_selftest, n_selftest, 0.95), n_scenarios);
  printf ("  institution DB open:     median %.2f ms, p95 %.2f ms CPU (validation + copy + self-test)\n",
          median (t_file, n_file), percentile (t_file, n_file, 0.95));
  return 0;
}
