/* titrate-weight-range.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a file of its own so that a test can link its own range in place of
 * this one (tests/test-weight-question.c): the range itself comes from
 * the rules database's weight-for-age table.
 */

#include "config.h"

#include <math.h>

#include "titrate-ui-utils.h"

/* The weights plausible for @age_years, from the rules database, to
 * question (never refuse) a weight typed for the wrong patient: an input
 * plausibility check, not a clinical limit (CDC 2000 growth charts, see
 * titrate_rules_get_plausible_weight_kg()). FALSE for adults, an unknown
 * age or no database: then there is no range, and none is invented in C. */
gboolean
titrate_plausible_weight_range (TitrateRules *rules,
                                double        age_years,
                                double       *min_kg,
                                double       *max_kg)
{
  *min_kg = NAN;
  *max_kg = NAN;
  if (rules == NULL)
    return FALSE;
  return titrate_rules_get_plausible_weight_kg (rules, age_years, min_kg, max_kg);
}
