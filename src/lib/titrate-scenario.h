/* titrate-scenario.h — teaching scenarios and the scoring of a learner's review
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include "titrate-alert.h"
#include "titrate-document.h"
#include "titrate-types.h"

G_BEGIN_DECLS

/*
 * A teaching scenario is an ordinary regimen document with an optional
 * top-level "teaching" object (a compatible extension of version 1: the
 * document reader keeps unknown top-level keys and writes them back, so the
 * CLI, the exports and older versions of the app read a scenario as a plan):
 *
 *   "teaching": {
 *     "title": "Renal dosing in an older adult",           (required, text)
 *     "brief": "Mrs B, 81, is starting …",                  (required, text)
 *     "objectives": ["Estimate CrCl …", "…"],               (optional, texts)
 *     "findings": [                                         (required, may be [])
 *       { "id": "renal",                                    (optional, text)
 *         "category": "renal",                              (required)
 *         "min_severity": "major",                          (optional, default "info")
 *         "code": "renal.severe",                           (optional; a code
 *                                                            ending in "." is a prefix)
 *         "day_from": 1, "day_to": 3,                        (optional plan days)
 *         "label": "CrCl below 30 mL/min: …",               (required, text)
 *         "optional": false } ],                            (optional, default false)
 *     "fix_goal": [ { "category": "renal", "min_severity": "major" } ],
 *                                                           (optional matchers)
 *     "explanation": "…",                                   (required, text)
 *     "sources": ["Vlavonou2014", "Beers23"] }              (optional, source keys)
 *
 * Matching an alert.  A finding (or a fix-goal matcher) matches a checker
 * alert when all its given parts agree: the alert's category equals
 * "category"; its severity is at least "min_severity"; its code equals
 * "code" (or starts with it when "code" ends in "."); and, when "day_from" /
 * "day_to" are given, the alert's plan day lies in [day_from, day_to]
 * (an alert about the whole plan, day 0, lies in no range). A finding is
 * *raised* when at least one alert matches it.
 *
 * Matching a learner's flag.  A flag (category, plan day or 0 for "the whole
 * plan", short reason) fits a finding when the categories are equal and,
 * when the finding gives a day range, the flag's day lies in it (day 0 then
 * does not fit); a finding without a range accepts any day, 0 included. The
 * reason must not be blank (the app refuses such a flag; the scorer treats
 * a blank reason as fitting nothing). Flags are paired with findings one to
 * one, so that the number of pairs is as large as possible (maximum
 * bipartite matching; ties go to the earlier flag and the earlier finding).
 *
 *   - matched: a required finding paired with a flag;
 *   - missed: a required finding paired with no flag;
 *   - redundant: a flag left unpaired that fits a required finding already
 *     matched (a second flag about the same problem), or that fits an
 *     "optional" finding (a real but minor point the scenario does not
 *     teach): neither credited nor penalised;
 *   - false flag: any other flag (fits no finding).
 *
 * Score, an integer from 0 to 100, with n required findings, m matched,
 * f false flags:
 *
 *   n > 0:  score = clamp (floor (100 × (2m − f) / (2n)), 0, 100)
 *           each finding is worth 100/n; each false flag costs half of that.
 *   n = 0:  score = clamp (100 − 25 f, 0, 100)   (a plan with nothing wrong:
 *           restraint is the lesson; four false flags score 0).
 *
 * Flagging too much is penalised because alert fatigue is a safety problem:
 * a reviewer who flags every line teaches colleagues to ignore flags. The
 * "fix it" goal is reported separately (cleared or not) and does not change
 * the score: the plan is cleared when the checker, run on the learner's
 * edited plan, raises no alert matching any fix-goal matcher.
 */

typedef struct {
  char           *id;            /* nullable */
  gboolean        has_category;  /* always TRUE for findings */
  TitrateCategory category;
  TitrateSeverity min_severity;
  char           *code;          /* nullable; trailing "." = prefix */
  int             day_from;      /* 0 = no range */
  int             day_to;        /* 0 = no range */
  char           *label;         /* nullable for fix-goal matchers */
  gboolean        optional;      /* neither counted nor missed */
} TitrateFinding;

typedef struct {
  char      *title;
  char      *brief;
  GPtrArray *objectives;   /* (element-type utf8) */
  GPtrArray *findings;     /* (element-type TitrateFinding) */
  GPtrArray *fix_goal;     /* (element-type TitrateFinding); empty = no goal */
  char      *explanation;
  GPtrArray *sources;      /* (element-type utf8) source keys */
} TitrateScenario;

typedef struct {
  TitrateCategory category;
  int             day;           /* plan day, 0 = the whole plan */
  char           *reason;
} TitrateFlag;

typedef enum {
  TITRATE_FLAG_MATCHED,
  TITRATE_FLAG_REDUNDANT,
  TITRATE_FLAG_FALSE,
} TitrateFlagVerdict;

typedef struct {
  guint     n_findings;
  guint     n_matched;
  guint     n_missed;
  guint     n_false;
  guint     n_redundant;
  GArray   *finding_flag;     /* (element-type int) per finding: flag index or -1
                               * (for an optional finding: the first flag that fits) */
  GArray   *finding_raised;   /* (element-type gboolean) per finding */
  GArray   *flag_verdict;     /* (element-type TitrateFlagVerdict) per flag */
  GArray   *flag_finding;     /* (element-type int) per flag: finding index or -1 */
  gboolean  has_fix_goal;
  gboolean  fix_cleared;      /* meaningful when has_fix_goal */
  int       score;            /* 0–100 */
} TitrateScenarioResult;

#define TITRATE_FLAG_REASON_MAX 500   /* characters */

TitrateFinding  *titrate_finding_new          (TitrateCategory category,
                                               TitrateSeverity min_severity,
                                               const char     *code,
                                               const char     *label);
void             titrate_finding_free         (TitrateFinding *finding);
gboolean         titrate_finding_matches_alert (const TitrateFinding *finding,
                                                const TitrateAlert   *alert);
gboolean         titrate_finding_is_raised    (const TitrateFinding *finding,
                                               GPtrArray            *alerts);

TitrateScenario *titrate_scenario_new         (void);
void             titrate_scenario_free        (TitrateScenario *scenario);

/* Reads doc's "teaching" section. Returns NULL with no error set when the
 * document has none; NULL with @error (TITRATE_ERROR_INVALID, naming the
 * field, e.g. "teaching.findings[1].category") when it is malformed. */
TitrateScenario *titrate_scenario_from_document (const TitrateDocument *doc,
                                                 GError               **error);
TitrateScenario *titrate_scenario_from_json   (JsonNode              *node,
                                               GError               **error);
JsonNode        *titrate_scenario_to_json     (const TitrateScenario *scenario);
/* Stores @scenario as doc's "teaching" section (NULL removes it). */
void             titrate_scenario_set_on_document (const TitrateScenario *scenario,
                                                   TitrateDocument       *doc);
gboolean         titrate_document_has_scenario    (const TitrateDocument *doc);

/* A draft for an instructor: one finding per alert (category, code, the
 * alert's severity as minimum, its day as a one-day range, its title as
 * label), and a fix goal that clears the contraindicated and major ones. */
TitrateScenario *titrate_scenario_new_from_alerts (const char *title,
                                                   GPtrArray  *alerts);

TitrateFlag     *titrate_flag_new             (TitrateCategory category,
                                               int             day,
                                               const char     *reason);
void             titrate_flag_free            (TitrateFlag *flag);
gboolean         titrate_flag_fits            (const TitrateFlag    *flag,
                                               const TitrateFinding *finding);

/* @alerts: the checker's alerts on the plan as given; @edited_alerts: on the
 * learner's edited plan (NULL = not edited, @alerts is used). */
TitrateScenarioResult *titrate_scenario_score (const TitrateScenario *scenario,
                                               GPtrArray             *flags,
                                               GPtrArray             *alerts,
                                               GPtrArray             *edited_alerts);
void             titrate_scenario_result_free (TitrateScenarioResult *result);

/* One row of a teaching session, for the instructor's CSV export. */
typedef struct {
  char   *scenario;
  char   *learner;        /* as typed */
  int     score;
  guint   found;
  guint   missed;
  guint   false_flags;
  gint64  seconds;        /* time taken */
} TitrateSessionRow;

void             titrate_session_row_free     (TitrateSessionRow *row);
/* CSV (RFC 4180, UTF-8, CRLF): a header, then one line per row. Text
 * beginning with = + - @ is prefixed with ' so spreadsheets do not run it. */
char            *titrate_session_rows_to_csv  (GPtrArray *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateScenario, titrate_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateFinding, titrate_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateFlag, titrate_flag_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateScenarioResult, titrate_scenario_result_free)

G_END_DECLS
