/* titrate-units.h — what one dose is in the chosen product
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small header of its own so that the checker and the planner do not
 * include each other (the planner uses the checker's applicable limit; the
 * checker uses these).
 */

#pragma once

#include "titrate-planner.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"

G_BEGIN_DECLS

/* titrate_planner_units() and titrate_planner_unit_name() are public:
 * declared in titrate-planner.h. */

/*< private >*/
/* The chosen strength (mg per unit, or mg/mL) and how it divides (whole,
 * scored half, volume); NAN and TITRATE_DIVISIBILITY_UNKNOWN when none is
 * chosen. Halves only where the database marks that strength as scored. */
void     _titrate_unit_for_regimen  (TitrateRules         *rules,
                                     const TitrateRegimen *regimen,
                                     double               *strength,
                                     TitrateDivisibility  *divisible);
/* A formulation name inside a sentence, as the language writes it. */
char    *_titrate_label_in_sentence (const char           *label);

G_END_DECLS
