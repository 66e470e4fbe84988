/* titrate-checker.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include "titrate-alert.h"
#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-checker
 * @Title: Checker
 * @Short_description: checks a patient and regimen against the rules database
 *
 * titrate_check() runs every rule category. It returns %NULL with an error
 * when checking was impossible; an empty array means "checked, nothing
 * found".
 */

/**
 * titrate_check:
 * @rules: (nullable): a validated rules database
 * @patient: the patient
 * @regimen: the regimen, its steps already expanded from any protocol
 *   (titrate_regimen_expand_protocol())
 * @comedications: (nullable) (element-type utf8): names as typed
 * @error: return location for a #GError (%TITRATE_ERROR_RULES when @rules is
 *   %NULL), or %NULL
 *
 * Runs every rule category of the rules database on the patient and regimen.
 *
 * Returns: (transfer full) (element-type TitrateAlert): the alerts sorted by
 *   titrate_alert_compare(), or %NULL with @error set when checking was
 *   impossible. An empty array means "checked, nothing found".
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray *titrate_check (TitrateRules         *rules,
                          const TitratePatient *patient,
                          const TitrateRegimen *regimen,
                          GPtrArray            *comedications,
                          GError              **error);

/**
 * TitrateLimit:
 * @max_daily: mg/day (oral) or mcg/day (intrathecal)
 * @rule_code: the rule that sets it
 * @renal_factor: 1.0 when no renal reduction
 * @renal_ceiling: an absolute renal ceiling (mg/day) that the rules database
 *   gives for this patient's renal band or for dialysis and that sets
 *   @max_daily, below the label maximum × @renal_factor; NAN when none does
 *
 * The maximum daily dose that applies to this patient and regimen, after
 * age-band, weight and renal adjustments. NAN when none applies.
 */
typedef struct {
  double      max_daily;       /* mg/day (oral) or mcg/day (intrathecal) */
  const char *rule_code;       /* the rule that sets it */
  double      renal_factor;    /* 1.0 when no renal reduction */
  double      renal_ceiling;   /* mg/day; NAN when no absolute ceiling sets max_daily */
} TitrateLimit;

/**
 * TITRATE_TYPE_LIMIT:
 *
 * The boxed #GType of #TitrateLimit.
 */
#define TITRATE_TYPE_LIMIT (titrate_limit_get_type ())

/**
 * titrate_limit_get_type:
 *
 * The boxed #GType of #TitrateLimit.
 * A copy made with g_boxed_copy() owns its strings; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_limit_get_type (void) G_GNUC_CONST;

/**
 * titrate_check_applicable_limit:
 * @rules: a validated #TitrateRules
 * @patient: the patient
 * @regimen: the regimen
 * @out: (out caller-allocates): the limit
 *
 * The maximum daily dose that applies to this patient and regimen (see
 * #TitrateLimit).
 */
TITRATE_AVAILABLE_IN_ALL
void titrate_check_applicable_limit (TitrateRules         *rules,
                                     const TitratePatient *patient,
                                     const TitrateRegimen *regimen,
                                     TitrateLimit         *out);

G_END_DECLS
