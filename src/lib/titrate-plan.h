/* titrate-plan.h — one document checked against the rules
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "titrate-alert-item.h"
#include "titrate-checker.h"
#include "titrate-document.h"
#include "titrate-patient.h"
#include "titrate-planner.h"
#include "titrate-pump.h"
#include "titrate-rules.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-plan
 * @Title: TitratePlan
 * @Short_description: one document checked against the rules database
 *
 * The way to check a loaded document: titrate_plan_new_for_document()
 * takes the document, checks it and holds its alerts
 * (titrate_plan_get_alerts()), the applicable maximum, the expanded days
 * and the pump arithmetic. titrate_plan_to_json() gives exactly what
 * `titrate-cli check` prints.
 */

/**
 * TitratePlanChange:
 * @TITRATE_PLAN_CHANGE_DAYS: the expanded days changed
 * @TITRATE_PLAN_CHANGE_ALERTS: the alerts, their acknowledgements or the
 *   check state (checked or not, and why) changed
 * @TITRATE_PLAN_CHANGE_LIMIT: the applicable maximum changed
 *
 * What a re-check changed, as passed to #TitratePlan::changed.
 */
typedef enum {
  TITRATE_PLAN_CHANGE_DAYS   = 1 << 0,
  TITRATE_PLAN_CHANGE_ALERTS = 1 << 1,
  TITRATE_PLAN_CHANGE_LIMIT  = 1 << 2,
} TitratePlanChange;

/**
 * TITRATE_PLAN_CHANGE_ALL:
 *
 * Every #TitratePlanChange flag.
 */
#define TITRATE_PLAN_CHANGE_ALL 0x7

/**
 * TitratePlan:
 *
 * A #TitrateDocument checked against a #TitrateRules database: the one
 * place where a document becomes its alerts (a #GListModel of
 * #TitrateAlertItem, most severe first), its expanded days, the applicable
 * maximum, the target, the counselling points, the renal estimate and the
 * pump arithmetic. The command line, the exports and the app all read
 * these from a plan, so the work is done once, the same way.
 *
 * The plan owns its document. Whoever edits it (through
 * titrate_plan_get_document()) calls titrate_plan_update() afterwards;
 * titrate_plan_set_document() replaces it. Both re-check and emit
 * #TitratePlan::changed with what changed.
 *
 * Fail safe: when the rules database is missing or the check fails,
 * titrate_plan_get_checked() is %FALSE, titrate_plan_get_error() says why,
 * the alert model is empty and titrate_plan_to_json() refuses. An empty
 * alert model with titrate_plan_get_checked() %TRUE, and only then, means
 * "checked, nothing found".
 */

/**
 * TITRATE_TYPE_PLAN:
 *
 * The #GType of #TitratePlan.
 */
#define TITRATE_TYPE_PLAN (titrate_plan_get_type ())

TITRATE_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TitratePlan, titrate_plan, TITRATE, PLAN, GObject)

TITRATE_AVAILABLE_IN_ALL
TitratePlan       *titrate_plan_new                   (TitrateRules          *rules,
                                                       const GError          *rules_error);
TITRATE_AVAILABLE_IN_ALL
TitratePlan       *titrate_plan_new_for_document      (TitrateRules          *rules,
                                                       TitrateDocument       *doc);

TITRATE_AVAILABLE_IN_ALL
void               titrate_plan_set_document          (TitratePlan           *self,
                                                       TitrateDocument       *doc);
TITRATE_AVAILABLE_IN_ALL
TitrateDocument   *titrate_plan_get_document          (TitratePlan           *self);
TITRATE_AVAILABLE_IN_ALL
TitratePlanChange  titrate_plan_update                (TitratePlan           *self,
                                                       gboolean               days_changed);
TITRATE_AVAILABLE_IN_ALL
gboolean           titrate_plan_sync_acknowledgements (TitratePlan           *self);

TITRATE_AVAILABLE_IN_ALL
TitrateRules      *titrate_plan_get_rules             (TitratePlan           *self);
TITRATE_AVAILABLE_IN_ALL
gboolean           titrate_plan_get_checked           (TitratePlan           *self);
TITRATE_AVAILABLE_IN_ALL
const GError      *titrate_plan_get_error             (TitratePlan           *self);

TITRATE_AVAILABLE_IN_ALL
GListModel        *titrate_plan_get_alerts            (TitratePlan           *self);
TITRATE_AVAILABLE_IN_ALL
GPtrArray         *titrate_plan_dup_alert_array       (TitratePlan           *self);
TITRATE_AVAILABLE_IN_ALL
guint              titrate_plan_count_severity        (TitratePlan           *self,
                                                       TitrateSeverity        severity);
TITRATE_AVAILABLE_IN_ALL
guint              titrate_plan_count_unacknowledged  (TitratePlan           *self);

TITRATE_AVAILABLE_IN_ALL
GArray            *titrate_plan_get_days              (TitratePlan           *self);
TITRATE_AVAILABLE_IN_ALL
void               titrate_plan_get_day               (TitratePlan           *self,
                                                       int                    day,
                                                       TitrateDay            *out);
TITRATE_AVAILABLE_IN_ALL
void               titrate_plan_get_limit             (TitratePlan           *self,
                                                       TitrateLimit          *out);
TITRATE_AVAILABLE_IN_ALL
void               titrate_plan_get_renal             (TitratePlan           *self,
                                                       TitrateRenal          *out);
TITRATE_AVAILABLE_IN_ALL
double             titrate_plan_get_target            (TitratePlan           *self,
                                                       gboolean              *is_protocol_target);
TITRATE_AVAILABLE_IN_ALL
GPtrArray         *titrate_plan_get_counselling       (TitratePlan           *self);
TITRATE_AVAILABLE_IN_ALL
const TitratePumpPlan *titrate_plan_get_pump          (TitratePlan           *self,
                                                       const GError         **why_not);

/**
 * titrate_plan_to_json:
 * @self: a checked plan
 * @error: why the plan was not checked
 *
 * The plan as `titrate-cli check` prints it: a public contract, extended
 * compatibly, never renamed. One object with, in this order:
 *
 * - `rules`: the database that checked it: `title`, `schema_version`,
 *   `content_version`, `content_date`, `origin` ("embedded" or a path),
 *   `sha256`, `review_by` (null when not set).
 * - `patient`: the renal estimate: `crcl_ml_min` and `crcl_basis` (with
 *   `crcl_note` when there is no value), `egfr_ml_min_1_73m2` and
 *   `egfr_basis` (`egfr_note`), `renal_function_ml_min`,
 *   `renal_function_basis` and `renal_function_note` (what the dose bands
 *   used), `bsa_m2` (only with height and weight), `creatinine_implausible`.
 *   Numbers the estimate could not give are null.
 * - `limit`: the applicable maximum, its unit in the key: `max_daily_mg`
 *   (oral) or `max_daily_mcg` (intrathecal), null when none applies;
 *   `rule` (the rule code), `renal_factor` and, when an absolute renal ceiling sets the maximum, `renal_ceiling_mg`.
 * - `alerts`: most severe first, each with `code`, `category`, `severity`,
 *   `title`, `reason`, `trigger`, `action`, `source`, `evidence`, `day`
 *   (null for the whole plan), `date` (YYYY-MM-DD, when the plan has a
 *   start date) and `acknowledged` (the prescriber's reason, only when the
 *   alert as it stands was acknowledged).
 * - `counts`: the number of alerts per severity, most severe first.
 * - `pump` (only when the regimen has an intrathecal pump): `alarm_date`,
 *   `empty_date`, `refill_by`, `days_to_alarm`, `margin_days`, `ml_per_day`,
 *   `last_refill_date`, `next_refill_date`, `days_to_empty`,
 *   `daily_mcg_min`, `daily_mcg_max`, `concentration_mcg_per_ml`,
 *   `reservoir_ml`, `low_reservoir_alarm_ml`; or, when the arithmetic
 *   cannot be done, the first six as null and `not_planned` saying why.
 *
 * Dates are ISO 8601; numbers are printed in their shortest exact form
 * (titrate_json_node_to_data()); no value is rounded beyond the precision
 * the checker works at.
 *
 * Returns: (transfer full) (nullable): the JSON, or %NULL with @error when
 *   the plan could not be checked: never an empty alert list in its place
 */
TITRATE_AVAILABLE_IN_ALL
JsonNode          *titrate_plan_to_json               (TitratePlan           *self,
                                                       GError               **error);

G_END_DECLS
