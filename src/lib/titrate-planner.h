/* titrate-planner.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"
#include "titrate-units.h"   /* titrate_planner_units(), titrate_planner_unit_name() */

G_BEGIN_DECLS

/* Expands a protocol into steps (replacing @steps' contents). Titrate:
 * per-dose increments until the next would pass the target, then a last step
 * that reaches the target exactly (the remainder spread over the first doses
 * in step-sized parts). Taper: per-dose decrements to zero, then a stopped step. */
gboolean titrate_protocol_expand    (const TitrateProtocol *protocol,
                                     GArray                *steps,
                                     GError               **error);

/* Replaces a regimen's steps with its protocol's expansion, if it has one. */
gboolean titrate_regimen_expand_protocol (TitrateRegimen *regimen,
                                          GError        **error);

/**
 * TitrateSuggestion:
 *
 * The population-adjusted default protocol for a patient, with the reasons
 * (each naming its source) for every adjustment.
 */
typedef struct {
  TitrateProtocol protocol;
  double          ceiling_daily_mg;   /* applicable maximum, NAN if none */
  GPtrArray      *notes;              /* (element-type utf8) */
} TitrateSuggestion;

TitrateSuggestion *titrate_planner_suggest (TitrateRules         *rules,
                                            const TitratePatient *patient,
                                            const TitrateRegimen *regimen,
                                            GError              **error);
void               titrate_suggestion_free (TitrateSuggestion    *suggestion);

/* Day-by-day view. @rules (nullable) gives divisibility of the chosen strength. */
void     titrate_planner_get_day   (TitrateRules         *rules,
                                    const TitrateRegimen *regimen,
                                    int                   day,
                                    TitrateDay           *out);
/* (transfer full) (element-type TitrateDay) days 1 … n_days */
GArray  *titrate_planner_expand    (TitrateRules         *rules,
                                    const TitrateRegimen *regimen,
                                    int                   n_days);
/* A sensible calendar length: to the stop day, or the last change + 14 days. */
int      titrate_planner_horizon   (const TitrateRegimen *regimen);
/* Phase of step @index: start, step-up, maintenance (the plateau at the plan peak), taper, stopped or screening. */
TitratePhase titrate_regimen_step_phase (const TitrateRegimen *regimen,
                                         guint                 index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateSuggestion, titrate_suggestion_free)

G_END_DECLS
