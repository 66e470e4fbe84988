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

#include "titrate-regimen.h"
#include "titrate-rules.h"

G_BEGIN_DECLS

/* Units of the chosen product for one dose: tablets/packets, or mL of an oral
 * liquid. Returns FALSE when the dose cannot be measured (halves only of
 * scored tablets). *units is NAN when no strength is chosen. */
gboolean titrate_planner_units     (TitrateRules         *rules,
                                    const TitrateRegimen *regimen,
                                    double                dose_mg,
                                    double               *units);
/* What units_per_dose counts, e.g. "× 10 mg tablet (scored: halves allowed)"
 * or "mL of 1 mg/mL oral solution"; NULL when no strength is chosen.
 * (transfer full) */
char    *titrate_planner_unit_name (TitrateRules         *rules,
                                    const TitrateRegimen *regimen);

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
