/* titrate-counselling.h — which counselling points apply to a patient
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"

G_BEGIN_DECLS

/* The counselling points (TitrateCounselling, owned by @rules) for this
 * patient and regimen, in database order: the regimen's medicine and route,
 * and the population groups the patient belongs to, with the group limits
 * (age, renal function) read from the rules database's population bands.
 * Points for clinicians only, and groups the library does not know, are left
 * out. The export library draws exactly this list. */
GPtrArray *titrate_counselling_select (TitrateRules         *rules,
                                       const TitratePatient *patient,
                                       const TitrateRegimen *regimen);

/* The warning signs of withdrawal the handout lists in its "do not stop
 * suddenly" box (TitrateCounselling rows of section "withdrawal_sign", owned
 * by @rules) for this patient and regimen, in database order: the regimen's
 * medicine and route. Each row's topic is the line introducing the list, its
 * text one sign. The database is refused at open when a medicine has none
 * for a route, so an empty list means the medicine is unknown. */
GPtrArray *titrate_counselling_select_withdrawal_signs (TitrateRules         *rules,
                                                        const TitratePatient *patient,
                                                        const TitrateRegimen *regimen);

/* Whether a counselling row's section is one the library draws. */
gboolean   _titrate_counselling_section_is_known (const char *section);

/* Whether the selection above knows the population code (NULL, everyone,
 * is known); the rules database is refused at open otherwise. */
gboolean   _titrate_counselling_population_is_known (const char *population);

G_END_DECLS
