/* test-scenario.c — teaching scenarios: format, scoring, bundled scenarios
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <gio/gio.h>

#include "titrate.h"

static TitrateRules *rules;

static TitrateAlert *
alert (const char     *code,
       TitrateCategory category,
       TitrateSeverity severity,
       int             day)
{
  return titrate_alert_new (code, category, severity, "title", "trigger", "reason", "action",
                            "US-TAB", "L", day);
}

static GPtrArray *
new_flags (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_flag_free);
}

static GPtrArray *
new_alerts (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_alert_unref);
}

/* Two findings: renal (any day, major or worse) and titration on days 3–4. */
static TitrateScenario *
two_findings (void)
{
  TitrateScenario *s = titrate_scenario_new ();
  TitrateFinding *f;

  s->title = g_strdup ("t");
  s->brief = g_strdup ("b");
  s->explanation = g_strdup ("e");
  g_ptr_array_add (s->findings, titrate_finding_new (TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_MAJOR,
                                                     NULL, "renal"));
  f = titrate_finding_new (TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MODERATE,
                           "titration.", "step");
  f->day_from = 3;
  f->day_to = 4;
  g_ptr_array_add (s->findings, f);
  return s;
}

static void
test_alert_matching (void)
{
  g_autoptr(TitrateScenario) s = two_findings ();
  TitrateFinding *renal = g_ptr_array_index (s->findings, 0);
  TitrateFinding *step = g_ptr_array_index (s->findings, 1);
  g_autoptr(TitrateAlert) major = alert ("renal.moderate", TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_MAJOR, 0);
  g_autoptr(TitrateAlert) moderate = alert ("renal.mild", TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_MODERATE, 0);
  g_autoptr(TitrateAlert) ci = alert ("renal.esrd", TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_CONTRAINDICATED, 0);
  g_autoptr(TitrateAlert) day2 = alert ("titration.oral.step_large", TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MODERATE, 2);
  g_autoptr(TitrateAlert) day3 = alert ("titration.oral.step_large", TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MODERATE, 3);
  g_autoptr(TitrateAlert) day4 = alert ("titration.oral.step_large", TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MODERATE, 4);
  g_autoptr(TitrateAlert) day5 = alert ("titration.oral.step_large", TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MODERATE, 5);
  g_autoptr(TitrateAlert) minor3 = alert ("titration.oral.step_large", TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MINOR, 3);
  g_autoptr(TitrateAlert) other_code = alert ("titrationx", TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MAJOR, 3);
  g_autoptr(TitrateFinding) exact = titrate_finding_new (TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_INFO,
                                                         "renal.mild", "x");

  /* Minimum severity: at the boundary and above it match, below does not. */
  g_assert_true (titrate_finding_matches_alert (renal, major));
  g_assert_true (titrate_finding_matches_alert (renal, ci));
  g_assert_false (titrate_finding_matches_alert (renal, moderate));
  /* Day range: both ends included, one day outside excluded. */
  g_assert_false (titrate_finding_matches_alert (step, day2));
  g_assert_true (titrate_finding_matches_alert (step, day3));
  g_assert_true (titrate_finding_matches_alert (step, day4));
  g_assert_false (titrate_finding_matches_alert (step, day5));
  g_assert_false (titrate_finding_matches_alert (step, minor3));
  /* A code prefix ends in "."; "titrationx" is not under "titration.". */
  g_assert_false (titrate_finding_matches_alert (step, other_code));
  /* An exact code. */
  g_assert_true (titrate_finding_matches_alert (exact, moderate));
  g_assert_false (titrate_finding_matches_alert (exact, major));
  /* Category must agree. */
  g_assert_false (titrate_finding_matches_alert (renal, day3));
}

static void
test_score_match_and_miss (void)
{
  g_autoptr(TitrateScenario) s = two_findings ();
  g_autoptr(GPtrArray) alerts = new_alerts ();
  g_autoptr(GPtrArray) flags = new_flags ();
  g_autoptr(TitrateScenarioResult) none = NULL;
  g_autoptr(TitrateScenarioResult) one = NULL;
  g_autoptr(TitrateScenarioResult) both = NULL;

  g_ptr_array_add (alerts, alert ("renal.severe", TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_MAJOR, 0));
  g_ptr_array_add (alerts, alert ("titration.oral.step_large", TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MODERATE, 3));

  /* No flags: everything missed, score 0. */
  none = titrate_scenario_score (s, flags, alerts, NULL);
  g_assert_cmpuint (none->n_findings, ==, 2);
  g_assert_cmpuint (none->n_matched, ==, 0);
  g_assert_cmpuint (none->n_missed, ==, 2);
  g_assert_cmpuint (none->n_false, ==, 0);
  g_assert_cmpint (none->score, ==, 0);
  g_assert_true (g_array_index (none->finding_raised, gboolean, 0));
  g_assert_true (g_array_index (none->finding_raised, gboolean, 1));

  /* The renal finding accepts any day, 0 ("whole plan") included. */
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_RENAL, 0, "CrCl 22"));
  one = titrate_scenario_score (s, flags, alerts, NULL);
  g_assert_cmpuint (one->n_matched, ==, 1);
  g_assert_cmpuint (one->n_missed, ==, 1);
  g_assert_cmpint (one->score, ==, 50);
  g_assert_cmpint (g_array_index (one->finding_flag, int, 0), ==, 0);
  g_assert_cmpint (g_array_index (one->finding_flag, int, 1), ==, -1);

  /* The step finding at its last day (4) matches. */
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_TITRATION, 4, "step too big"));
  both = titrate_scenario_score (s, flags, alerts, NULL);
  g_assert_cmpuint (both->n_matched, ==, 2);
  g_assert_cmpuint (both->n_missed, ==, 0);
  g_assert_cmpuint (both->n_false, ==, 0);
  g_assert_cmpint (both->score, ==, 100);
}

static void
test_score_day_boundary (void)
{
  g_autoptr(TitrateScenario) s = two_findings ();
  const TitrateFinding *step = g_ptr_array_index (s->findings, 1);
  g_autoptr(TitrateFlag) d2 = titrate_flag_new (TITRATE_CATEGORY_TITRATION, 2, "r");
  g_autoptr(TitrateFlag) d3 = titrate_flag_new (TITRATE_CATEGORY_TITRATION, 3, "r");
  g_autoptr(TitrateFlag) d4 = titrate_flag_new (TITRATE_CATEGORY_TITRATION, 4, "r");
  g_autoptr(TitrateFlag) d5 = titrate_flag_new (TITRATE_CATEGORY_TITRATION, 5, "r");
  g_autoptr(TitrateFlag) d0 = titrate_flag_new (TITRATE_CATEGORY_TITRATION, 0, "r");
  g_autoptr(TitrateFlag) blank = titrate_flag_new (TITRATE_CATEGORY_TITRATION, 3, "  \t ");
  g_autoptr(TitrateFlag) wrong_cat = titrate_flag_new (TITRATE_CATEGORY_DOSE, 3, "r");

  g_assert_false (titrate_flag_fits (d2, step));
  g_assert_true (titrate_flag_fits (d3, step));
  g_assert_true (titrate_flag_fits (d4, step));
  g_assert_false (titrate_flag_fits (d5, step));
  /* "Whole plan" does not name the day a dated finding is about. */
  g_assert_false (titrate_flag_fits (d0, step));
  /* A flag must say why. */
  g_assert_false (titrate_flag_fits (blank, step));
  g_assert_false (titrate_flag_fits (wrong_cat, step));
}

static void
test_score_false_flags (void)
{
  g_autoptr(TitrateScenario) s = two_findings ();
  g_autoptr(GPtrArray) alerts = new_alerts ();
  g_autoptr(GPtrArray) flags = new_flags ();
  int expected[] = { 75, 50, 25, 0, 0 };

  /* One finding found; then each false flag costs 25 (half of a finding
   * worth 50), down to 0 and never below. */
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_RENAL, 0, "CrCl"));
  {
    g_autoptr(TitrateScenarioResult) r = titrate_scenario_score (s, flags, alerts, NULL);
    g_assert_cmpint (r->score, ==, 50);
  }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TitrateScenarioResult) r = NULL;

      /* day 5 is just outside the step finding's range */
      g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_TITRATION, 5, "too fast?"));
      r = titrate_scenario_score (s, flags, alerts, NULL);
      g_assert_cmpuint (r->n_false, ==, i + 1);
      g_assert_cmpuint (r->n_matched, ==, 1);
      g_assert_cmpint (r->score, ==, MAX (0, 50 - 25 * (int) (i + 1)));
      g_assert_cmpint (g_array_index (r->flag_verdict, TitrateFlagVerdict, i + 1), ==, TITRATE_FLAG_FALSE);
    }

  /* Everything found plus one false flag: 100 − 25 = 75. */
  g_ptr_array_set_size (flags, 0);
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_RENAL, 0, "CrCl"));
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_TITRATION, 3, "step"));
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_PREGNANCY, 0, "not pregnant"));
  {
    g_autoptr(TitrateScenarioResult) r = titrate_scenario_score (s, flags, alerts, NULL);
    g_assert_cmpint (r->score, ==, 75);
    g_assert_cmpuint (r->n_false, ==, 1);
  }
}

static void
test_score_redundant_and_optional (void)
{
  g_autoptr(TitrateScenario) s = two_findings ();
  g_autoptr(GPtrArray) alerts = new_alerts ();
  g_autoptr(GPtrArray) flags = new_flags ();
  g_autoptr(TitrateScenarioResult) r = NULL;
  TitrateFinding *opt = titrate_finding_new (TITRATE_CATEGORY_ROUTE, TITRATE_SEVERITY_MINOR, NULL, "liquid");

  opt->optional = TRUE;
  g_ptr_array_add (s->findings, opt);

  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_RENAL, 0, "CrCl"));
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_RENAL, 7, "CrCl again"));
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_ROUTE, 0, "liquid"));
  r = titrate_scenario_score (s, flags, alerts, NULL);
  /* The optional finding does not count: n = 2. */
  g_assert_cmpuint (r->n_findings, ==, 2);
  g_assert_cmpuint (r->n_matched, ==, 1);
  g_assert_cmpuint (r->n_missed, ==, 1);
  g_assert_cmpuint (r->n_redundant, ==, 2);
  g_assert_cmpuint (r->n_false, ==, 0);
  g_assert_cmpint (r->score, ==, 50);
  g_assert_cmpint (g_array_index (r->flag_verdict, TitrateFlagVerdict, 1), ==, TITRATE_FLAG_REDUNDANT);
  g_assert_cmpint (g_array_index (r->flag_verdict, TitrateFlagVerdict, 2), ==, TITRATE_FLAG_REDUNDANT);
  g_assert_cmpint (g_array_index (r->finding_flag, int, 2), ==, 2);
}

/* Pairing is one to one and maximal: a flag that fits two findings must not
 * take the only one another flag fits. */
static void
test_score_maximum_matching (void)
{
  g_autoptr(TitrateScenario) s = titrate_scenario_new ();
  g_autoptr(GPtrArray) flags = new_flags ();
  g_autoptr(TitrateScenarioResult) r = NULL;
  TitrateFinding *any = titrate_finding_new (TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_INFO, NULL, "any day");
  TitrateFinding *day3 = titrate_finding_new (TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_INFO, NULL, "day 3");

  day3->day_from = day3->day_to = 3;
  g_ptr_array_add (s->findings, any);
  g_ptr_array_add (s->findings, day3);
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_TITRATION, 3, "first"));
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_TITRATION, 9, "second"));
  r = titrate_scenario_score (s, flags, NULL, NULL);
  g_assert_cmpuint (r->n_matched, ==, 2);
  g_assert_cmpint (r->score, ==, 100);
  g_assert_cmpint (g_array_index (r->finding_flag, int, 1), ==, 0);
  g_assert_cmpint (g_array_index (r->finding_flag, int, 0), ==, 1);
}

static void
test_score_nothing_wrong (void)
{
  g_autoptr(TitrateScenario) s = titrate_scenario_new ();
  g_autoptr(GPtrArray) flags = new_flags ();
  int expected[] = { 100, 75, 50, 25, 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TitrateScenarioResult) r = titrate_scenario_score (s, flags, NULL, NULL);

      g_assert_cmpuint (r->n_findings, ==, 0);
      g_assert_cmpuint (r->n_false, ==, i);
      g_assert_cmpint (r->score, ==, expected[i]);
      g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_DOSE, 1, "looks high"));
    }
}

static void
test_score_rounding (void)
{
  g_autoptr(TitrateScenario) s = titrate_scenario_new ();
  g_autoptr(GPtrArray) flags = new_flags ();

  for (int i = 0; i < 3; i++)
    g_ptr_array_add (s->findings, titrate_finding_new (TITRATE_CATEGORY_DOSE + i, TITRATE_SEVERITY_INFO, NULL, "f"));
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_DOSE, 0, "r"));
  {
    /* 1 of 3: floor (100 × 2 / 6) = 33 */
    g_autoptr(TitrateScenarioResult) r = titrate_scenario_score (s, flags, NULL, NULL);
    g_assert_cmpint (r->score, ==, 33);
  }
  g_ptr_array_add (flags, titrate_flag_new (TITRATE_CATEGORY_ALLERGY, 0, "r"));
  {
    /* 1 of 3, 1 false: floor (100 × 1 / 6) = 16 */
    g_autoptr(TitrateScenarioResult) r = titrate_scenario_score (s, flags, NULL, NULL);
    g_assert_cmpint (r->score, ==, 16);
  }
}

static void
test_fix_goal (void)
{
  g_autoptr(TitrateScenario) s = two_findings ();
  g_autoptr(GPtrArray) before = new_alerts ();
  g_autoptr(GPtrArray) after = new_alerts ();
  g_autoptr(GPtrArray) flags = new_flags ();
  TitrateFinding *goal = titrate_finding_new (TITRATE_CATEGORY_WITHDRAWAL, TITRATE_SEVERITY_MODERATE, NULL, NULL);

  g_ptr_array_add (s->fix_goal, goal);
  g_ptr_array_add (before, alert ("withdrawal.oral.abrupt_stop", TITRATE_CATEGORY_WITHDRAWAL, TITRATE_SEVERITY_MAJOR, 4));
  {
    /* Not edited: the original alerts still stand. */
    g_autoptr(TitrateScenarioResult) r = titrate_scenario_score (s, flags, before, NULL);
    g_assert_true (r->has_fix_goal);
    g_assert_false (r->fix_cleared);
  }
  /* A minor withdrawal alert is below the goal's minimum: cleared. */
  g_ptr_array_add (after, alert ("withdrawal.x", TITRATE_CATEGORY_WITHDRAWAL, TITRATE_SEVERITY_MINOR, 9));
  {
    g_autoptr(TitrateScenarioResult) r = titrate_scenario_score (s, flags, before, after);
    g_assert_true (r->fix_cleared);
    g_assert_cmpint (r->score, ==, 0);
  }
  /* At the minimum: not cleared. */
  g_ptr_array_add (after, alert ("withdrawal.oral.short_taper", TITRATE_CATEGORY_WITHDRAWAL, TITRATE_SEVERITY_MODERATE, 9));
  {
    g_autoptr(TitrateScenarioResult) r = titrate_scenario_score (s, flags, before, after);
    g_assert_false (r->fix_cleared);
  }
}

static const char scenario_doc[] =
  "{\n"
  "  \"format\": \"titrate-regimen\",\n"
  "  \"version\": 1,\n"
  "  \"patient\": {\"age_years\": 46, \"weight_kg\": 68, \"sex\": \"female\", \"serum_creatinine_mg_dl\": 0.7},\n"
  "  \"regimen\": {\"drug\": \"baclofen\", \"route\": \"oral\", \"indication\": \"spasticity\",\n"
  "    \"formulation\": \"tablet\", \"strength_mg\": 10, \"start_date\": \"2027-01-04\",\n"
  "    \"steps\": [{\"day\": 1, \"doses_mg\": [20, 20, 20]}, {\"day\": 4, \"doses_mg\": []}]},\n"
  "  \"comedications\": [],\n"
  "  \"teaching\": {\n"
  "    \"title\": \"Abrupt stop\", \"brief\": \"Review.\", \"objectives\": [\"Taper\"],\n"
  "    \"findings\": [{\"id\": \"a\", \"category\": \"withdrawal\", \"min_severity\": \"major\",\n"
  "                  \"code\": \"withdrawal.\", \"day_from\": 4, \"day_to\": 4, \"label\": \"stops\"},\n"
  "                 {\"category\": \"route\", \"label\": \"x\", \"optional\": true}],\n"
  "    \"fix_goal\": [{\"category\": \"withdrawal\", \"min_severity\": \"moderate\"}],\n"
  "    \"explanation\": \"Labels.\", \"sources\": [\"US-TAB\"]\n"
  "  }\n"
  "}\n";

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = titrate_document_load_from_data (scenario_doc, -1, &error);
  g_autoptr(TitrateScenario) s = NULL;
  g_autoptr(TitrateScenario) again = NULL;
  g_autoptr(TitrateDocument) doc2 = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  const TitrateFinding *f;

  g_assert_no_error (error);
  g_assert_true (titrate_document_has_scenario (doc));
  s = titrate_scenario_from_document (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->title, ==, "Abrupt stop");
  g_assert_cmpuint (s->findings->len, ==, 2);
  f = g_ptr_array_index (s->findings, 0);
  g_assert_cmpstr (f->id, ==, "a");
  g_assert_cmpint (f->category, ==, TITRATE_CATEGORY_WITHDRAWAL);
  g_assert_cmpint (f->min_severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_cmpstr (f->code, ==, "withdrawal.");
  g_assert_cmpint (f->day_from, ==, 4);
  g_assert_true (((TitrateFinding *) g_ptr_array_index (s->findings, 1))->optional);
  g_assert_cmpuint (s->fix_goal->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s->sources, 0), ==, "US-TAB");

  /* The document writes the section back unchanged, and so does a
   * re-serialised scenario. */
  data = titrate_document_to_data (doc, NULL);
  g_assert_nonnull (strstr (data, "\"teaching\""));
  titrate_scenario_set_on_document (s, doc);
  data2 = titrate_document_to_data (doc, NULL);
  g_assert_cmpstr (data, ==, data2);

  doc2 = titrate_document_load_from_data (data2, -1, &error);
  g_assert_no_error (error);
  again = titrate_scenario_from_document (doc2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->explanation, ==, "Labels.");
  g_assert_cmpuint (again->findings->len, ==, 2);

  /* Removing it leaves a plain plan. */
  titrate_scenario_set_on_document (NULL, doc2);
  g_assert_false (titrate_document_has_scenario (doc2));
  g_assert_null (titrate_scenario_from_document (doc2, &error));
  g_assert_no_error (error);
}

static void
test_invalid (void)
{
  struct { const char *json; const char *field; } cases[] = {
    { "{\"brief\": \"b\", \"findings\": [], \"explanation\": \"e\"}", "teaching.title" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"explanation\": \"e\"}", "teaching.findings" },
    { "{\"title\": \"t\", \"brief\": \" \", \"findings\": [], \"explanation\": \"e\"}", "teaching.brief" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"findings\": [{\"label\": \"x\"}], \"explanation\": \"e\"}",
      "teaching.findings[0].category" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"findings\": [{\"category\": \"renal\", \"label\": \"x\", \"min_severity\": \"serious\"}], \"explanation\": \"e\"}",
      "teaching.findings[0].min_severity" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"findings\": [{\"category\": \"kidney\", \"label\": \"x\"}], \"explanation\": \"e\"}",
      "teaching.findings[0].category" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"findings\": [{\"category\": \"renal\", \"label\": \"x\", \"severity\": \"major\"}], \"explanation\": \"e\"}",
      "teaching.findings[0].severity" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"findings\": [{\"category\": \"renal\", \"label\": \"x\", \"day_from\": 4, \"day_to\": 3}], \"explanation\": \"e\"}",
      "teaching.findings[0].day_to" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"findings\": [{\"category\": \"renal\", \"label\": \"x\", \"day_from\": 0.5, \"day_to\": 3}], \"explanation\": \"e\"}",
      "teaching.findings[0].day_from" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"findings\": [], \"fix_goal\": [{}], \"explanation\": \"e\"}",
      "teaching.fix_goal[0]" },
    { "{\"title\": \"t\", \"brief\": \"b\", \"findings\": [], \"explanation\": \"e\", \"answer\": 1}",
      "teaching.answer" },
    { "[]", "teaching" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, &error);
      g_autoptr(TitrateScenario) s = NULL;
      g_autofree char *prefix = g_strdup_printf ("%s:", cases[i].field);

      g_assert_no_error (error);
      s = titrate_scenario_from_json (node, &error);
      g_assert_null (s);
      g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %u: expected “%s”, got “%s”", i, prefix, error->message);
    }
}

static void
test_from_alerts (void)
{
  g_autoptr(GPtrArray) alerts = new_alerts ();
  g_autoptr(TitrateScenario) s = NULL;
  const TitrateFinding *f;

  g_ptr_array_add (alerts, alert ("renal.severe", TITRATE_CATEGORY_RENAL, TITRATE_SEVERITY_MAJOR, 0));
  g_ptr_array_add (alerts, alert ("titration.oral.step_fast", TITRATE_CATEGORY_TITRATION, TITRATE_SEVERITY_MODERATE, 4));
  s = titrate_scenario_new_from_alerts ("Draft", alerts);
  g_assert_cmpuint (s->findings->len, ==, 2);
  f = g_ptr_array_index (s->findings, 1);
  g_assert_cmpstr (f->code, ==, "titration.oral.step_fast");
  g_assert_cmpint (f->day_from, ==, 4);
  g_assert_cmpint (f->day_to, ==, 4);
  g_assert_cmpint (f->min_severity, ==, TITRATE_SEVERITY_MODERATE);
  /* Only major and contraindicated alerts go into the fix goal. */
  g_assert_cmpuint (s->fix_goal->len, ==, 1);
}

static void
test_csv (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_session_row_free);
  TitrateSessionRow *row = g_new0 (TitrateSessionRow, 1);
  g_autofree char *csv = NULL;

  row->scenario = g_strdup ("Abrupt stop");
  row->learner = g_strdup ("=HYPERLINK(\"x\"), Zoë");
  row->score = 75;
  row->found = 1;
  row->missed = 0;
  row->false_flags = 1;
  row->seconds = 312;
  g_ptr_array_add (rows, row);
  csv = titrate_session_rows_to_csv (rows);
  g_assert_cmpstr (csv, ==,
                   "scenario,learner,score,found,missed,false_flags,seconds_taken\r\n"
                   "\"Abrupt stop\",\"'=HYPERLINK(\"\"x\"\"), Zoë\",75,1,0,1,312\r\n");
}

/* Each fix-it goal can be met: a corrected plan, written as a pharmacist
 * would correct it, clears it (and keeps the patient and medicines). */
static const struct {
  const char *file;
  const char *steps;
} corrections[] = {
  { "02-beers-older-adult.titrate", "[{\"day\": 1, \"doses_mg\": [5]}, {\"day\": 8, \"doses_mg\": [5, 5]}]" },
  { "03-child-mg-per-kg.titrate", "[{\"day\": 1, \"doses_mg\": [1, 1, 1.5]}, {\"day\": 8, \"doses_mg\": [2.5, 2.5, 2.5]}]" },
  { "06-abrupt-stop.titrate", "[{\"day\": 1, \"doses_mg\": [20, 20, 20]}, {\"day\": 4, \"doses_mg\": [15, 15, 15]},"
                              " {\"day\": 8, \"doses_mg\": [10, 10, 10]}, {\"day\": 12, \"doses_mg\": [5, 5, 5]},"
                              " {\"day\": 16, \"doses_mg\": []}]" },
  { "07-taper-too-fast.titrate", "[{\"day\": 1, \"doses_mg\": [20, 20, 20]}, {\"day\": 4, \"doses_mg\": [15, 15, 15]},"
                                 " {\"day\": 7, \"doses_mg\": [10, 10, 10]}, {\"day\": 10, \"doses_mg\": [5, 5, 5]},"
                                 " {\"day\": 13, \"doses_mg\": []}]" },
  { "08-aud-above-80.titrate", "[{\"day\": 1, \"doses_mg\": [5, 5, 5]}, {\"day\": 4, \"doses_mg\": [10, 10, 10]},"
                               " {\"day\": 8, \"doses_mg\": [15, 15, 15]}, {\"day\": 12, \"doses_mg\": [20, 20, 20]},"
                               " {\"day\": 16, \"doses_mg\": [20, 20, 20, 20]}]" },
  { "09-oral-liquid-mg-ml.titrate", "[{\"day\": 1, \"doses_mg\": [5, 5, 5]}]" },
  { "10-it-post-implant-step.titrate", "[{\"day\": 1, \"daily_mcg\": 200}, {\"day\": 3, \"daily_mcg\": 240},"
                                       " {\"day\": 5, \"daily_mcg\": 280}]" },
  { "11-it-interruption.titrate", "[{\"day\": 1, \"daily_mcg\": 450}]" },
};

static void
test_fix_goals_reachable (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_getenv ("TITRATE_SCENARIOS"), 0, NULL);
  const char *name;
  guint n_goals = 0;

  /* Every scenario with a goal has a correction below. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("TITRATE_SCENARIOS"), name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(TitrateDocument) doc = NULL;
      g_autoptr(TitrateScenario) s = NULL;
      gboolean listed = FALSE;

      if (!g_str_has_suffix (name, ".titrate"))
        continue;
      doc = titrate_document_load_from_file (file, NULL);
      g_assert_nonnull (doc);
      s = titrate_scenario_from_document (doc, NULL);
      g_assert_nonnull (s);
      if (s->fix_goal->len == 0)
        continue;
      n_goals++;
      for (guint i = 0; i < G_N_ELEMENTS (corrections); i++)
        listed |= g_strcmp0 (corrections[i].file, name) == 0;
      if (!listed)
        g_error ("%s has a fix-it goal but no correction in this test", name);
    }
  g_assert_cmpuint (n_goals, ==, G_N_ELEMENTS (corrections));

  for (guint i = 0; i < G_N_ELEMENTS (corrections); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("TITRATE_SCENARIOS"), corrections[i].file, NULL);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonNode) steps = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TitrateDocument) doc = NULL;
      g_autoptr(TitrateDocument) fixed = NULL;
      g_autoptr(TitrateScenario) s = NULL;
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GPtrArray) flags = new_flags ();
      g_autoptr(TitrateScenarioResult) r = NULL;
      g_autofree char *fixed_text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      doc = titrate_document_load_from_data (text, -1, &error);
      g_assert_no_error (error);
      root = json_from_string (text, &error);
      g_assert_no_error (error);
      steps = json_from_string (corrections[i].steps, &error);
      g_assert_no_error (error);
      json_object_set_member (json_object_get_object_member (json_node_get_object (root), "regimen"), "steps",
                              g_steal_pointer (&steps));
      fixed_text = json_to_string (root, FALSE);
      fixed = titrate_document_load_from_data (fixed_text, -1, &error);
      g_assert_no_error (error);

      s = titrate_scenario_from_document (doc, &error);
      g_assert_no_error (error);
      before = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);
      g_assert_no_error (error);
      after = titrate_check (rules, fixed->patient, fixed->regimen, fixed->comedications, &error);
      g_assert_no_error (error);
      r = titrate_scenario_score (s, flags, before, after);
      g_assert_true (r->has_fix_goal);
      if (!r->fix_cleared)
        g_error ("%s: the corrected plan does not clear the fix-it goal", corrections[i].file);
    }
}

/* Bundled scenarios */

static void
check_bundled (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateDocument) doc = titrate_document_load_from_file (file, &error);
  g_autoptr(TitrateScenario) s = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) flags = new_flags ();
  g_autoptr(TitrateScenarioResult) perfect = NULL;
  guint n_required = 0;

  g_assert_no_error (error);
  s = titrate_scenario_from_document (doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->title, !=, "");

  /* Saved and read again, the document and its section are unchanged. */
  {
    g_autofree char *once = titrate_document_to_data (doc, NULL);
    g_autoptr(TitrateDocument) again = titrate_document_load_from_data (once, -1, &error);
    g_autofree char *twice = NULL;
    g_autoptr(JsonNode) a = NULL;
    g_autoptr(JsonNode) b = NULL;

    g_assert_no_error (error);
    twice = titrate_document_to_data (again, NULL);
    g_assert_cmpstr (once, ==, twice);
    a = titrate_scenario_to_json (s);
    {
      g_autoptr(TitrateScenario) s2 = titrate_scenario_from_document (again, &error);
      g_assert_no_error (error);
      b = titrate_scenario_to_json (s2);
    }
    g_assert_true (json_node_equal (a, b));
  }
  g_assert_cmpuint (s->objectives->len, >, 0);
  g_assert_cmpuint (s->sources->len, >, 0);

  g_assert_true (titrate_regimen_expand_protocol (doc->regimen, &error));
  g_assert_no_error (error);
  alerts = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);
  g_assert_no_error (error);
  g_assert_nonnull (alerts);

  /* Every source key is one the rules database knows. */
  sources = titrate_rules_list_sources (rules);
  for (guint i = 0; i < s->sources->len; i++)
    {
      const char *key = g_ptr_array_index (s->sources, i);
      gboolean known = FALSE;

      for (guint j = 0; j < sources->len && !known; j++)
        known = g_strcmp0 (((TitrateSource *) g_ptr_array_index (sources, j))->key, key) == 0;
      if (!known)
        g_error ("%s: source “%s” is not in the rules database", path, key);
    }

  /* Every required finding is still raised by the checker. */
  for (guint j = 0; j < s->findings->len; j++)
    {
      const TitrateFinding *f = g_ptr_array_index (s->findings, j);

      if (f->optional)
        continue;
      n_required++;
      if (!titrate_finding_is_raised (f, alerts))
        g_error ("%s: finding %u (%s, %s) is no longer raised by the checker", path, j,
                 titrate_category_to_string (f->category), f->label);
      /* A learner who flags exactly the findings scores 100. */
      g_ptr_array_add (flags, titrate_flag_new (f->category, f->day_from, "found"));
    }

  /* The fix goal is not already met by the flawed plan. */
  perfect = titrate_scenario_score (s, flags, alerts, NULL);
  g_assert_cmpint (perfect->score, ==, 100);
  g_assert_cmpuint (perfect->n_matched, ==, n_required);
  if (perfect->has_fix_goal)
    g_assert_false (perfect->fix_cleared);

  /* The scenario with nothing wrong raises nothing above minor. */
  if (n_required == 0)
    for (guint i = 0; i < alerts->len; i++)
      g_assert_cmpint (((TitrateAlert *) g_ptr_array_index (alerts, i))->severity, <, TITRATE_SEVERITY_MODERATE);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *scenarios_dir = g_getenv ("TITRATE_SCENARIOS");
  const char *name;
  int ret;

  g_test_init (&argc, &argv, NULL);

  rules = titrate_rules_new_embedded (&error);
  g_assert_no_error (error);

  g_test_add_func ("/scenario/alert-matching", test_alert_matching);
  g_test_add_func ("/scenario/score/match-and-miss", test_score_match_and_miss);
  g_test_add_func ("/scenario/score/day-boundary", test_score_day_boundary);
  g_test_add_func ("/scenario/score/false-flags", test_score_false_flags);
  g_test_add_func ("/scenario/score/redundant-and-optional", test_score_redundant_and_optional);
  g_test_add_func ("/scenario/score/maximum-matching", test_score_maximum_matching);
  g_test_add_func ("/scenario/score/nothing-wrong", test_score_nothing_wrong);
  g_test_add_func ("/scenario/score/rounding", test_score_rounding);
  g_test_add_func ("/scenario/fix-goal", test_fix_goal);
  g_test_add_func ("/scenario/round-trip", test_round_trip);
  g_test_add_func ("/scenario/invalid", test_invalid);
  g_test_add_func ("/scenario/from-alerts", test_from_alerts);
  g_test_add_func ("/scenario/csv", test_csv);
  g_test_add_func ("/scenario/fix-goals-reachable", test_fix_goals_reachable);

  g_assert_nonnull (scenarios_dir);
  dir = g_dir_open (scenarios_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".titrate"))
      g_ptr_array_add (paths, g_build_filename (scenarios_dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  g_assert_cmpuint (paths->len, >=, 12);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
      g_autofree char *test_path = g_strdup_printf ("/scenario/bundled/%s", base);

      g_test_add_data_func (test_path, g_ptr_array_index (paths, i), check_bundled);
    }

  ret = g_test_run ();
  g_clear_object (&rules);
  return ret;
}
