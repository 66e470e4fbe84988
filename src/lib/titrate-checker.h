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
 * titrate_check:
 * @rules: (nullable): a validated rules database
 * @patient: the patient
 * @regimen: the regimen (steps already expanded from any protocol)
 * @comedications: (nullable) (element-type utf8): names as typed
 * @error: set with TITRATE_ERROR_RULES when @rules is NULL
 *
 * Runs every rule category. Returns (transfer full) (element-type TitrateAlert)
 * the alerts sorted by titrate_alert_compare(), or NULL with @error set when
 * checking was impossible. An empty array means "checked, nothing found".
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray *titrate_check (TitrateRules         *rules,
                          const TitratePatient *patient,
                          const TitrateRegimen *regimen,
                          GPtrArray            *comedications,
                          GError              **error);

/**
 * TitrateLimit:
 *
 * The maximum daily dose that applies to this patient and regimen, after
 * age-band, weight and renal adjustments. NAN when none applies.
 */
typedef struct {
  double      max_daily;       /* mg/day (oral) or mcg/day (intrathecal) */
  const char *rule_code;       /* the rule that sets it */
  double      renal_factor;    /* 1.0 when no renal reduction */
} TitrateLimit;

TITRATE_AVAILABLE_IN_ALL
void titrate_check_applicable_limit (TitrateRules         *rules,
                                     const TitratePatient *patient,
                                     const TitrateRegimen *regimen,
                                     TitrateLimit         *out);

G_END_DECLS
