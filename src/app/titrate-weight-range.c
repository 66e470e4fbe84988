/* titrate-weight-range.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a file of its own so that a test can link its own range in place of
 * this one (tests/test-weight-question.c), and so that wiring the rules
 * database's weight-for-age table in touches nothing else.
 */

#include "config.h"

#include <math.h>

#include "titrate-ui-utils.h"

/* The weights plausible for @age_years, from the rules database, to
 * question (never refuse) a weight typed for the wrong patient. The one
 * place the app reads input ranges: the rules database's input-range API
 * (being added in the library) belongs here. Until this branch has it,
 * there is no range: no sourced weight-for-age figures exist in the
 * clinical reference, and none is invented in C. */
gboolean
titrate_plausible_weight_range (TitrateRules *rules,
                                double        age_years,
                                double       *min_kg,
                                double       *max_kg)
{
  *min_kg = NAN;
  *max_kg = NAN;
  return FALSE;
}
