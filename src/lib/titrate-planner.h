/* titrate-planner.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-planner
 * @Title: Planner
 * @Short_description: protocols, suggested plans and the day-by-day calendar
 *
 * Expands a protocol into steps, suggests a population-adjusted starting
 * protocol, and lays a regimen out day by day with the units of the chosen
 * product.
 */

/**
 * titrate_protocol_expand:
 * @protocol: a #TitrateProtocol
 * @steps: (element-type TitrateStep): the array to fill
 * @error: return location for a #GError, or %NULL
 *
 * Expands a protocol into steps (replacing @steps' contents). Titrate:
 * per-dose increments until the next would pass the target, then a last step
 * that reaches the target exactly (the remainder spread over the first doses
 * in step-sized parts). Taper: per-dose decrements to zero, then a stopped
 * step.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 */
TITRATE_AVAILABLE_IN_ALL
gboolean titrate_protocol_expand    (const TitrateProtocol *protocol,
                                     GArray                *steps,
                                     GError               **error);

/**
 * titrate_regimen_expand_protocol:
 * @regimen: the regimen
 * @error: return location for a #GError, or %NULL
 *
 * Replaces a regimen's steps with its protocol's expansion, if it has one.
 *
 * Returns: %TRUE on success (or without a protocol); %FALSE with @error set
 */
TITRATE_AVAILABLE_IN_ALL
gboolean titrate_regimen_expand_protocol (TitrateRegimen *regimen,
                                          GError        **error);

/**
 * TitrateSuggestion:
 * @protocol: protocol
 * @ceiling_daily_mg: applicable maximum, NAN if none
 * @notes: (element-type utf8)
 *
 * The population-adjusted default protocol for a patient, with the reasons
 * (each naming its source) for every adjustment.
 */
typedef struct {
  TitrateProtocol protocol;
  double          ceiling_daily_mg;   /* applicable maximum, NAN if none */
  GPtrArray      *notes;              /* (element-type utf8) */
} TitrateSuggestion;

/**
 * titrate_planner_suggest:
 * @rules: a validated #TitrateRules
 * @patient: the patient
 * @regimen: the regimen
 * @error: return location for a #GError, or %NULL
 *
 * The population-adjusted default protocol for the patient, each adjustment
 * with its reason and source.
 *
 * Returns: (transfer full): a #TitrateSuggestion, or %NULL with @error set
 */
TITRATE_AVAILABLE_IN_ALL
TitrateSuggestion *titrate_planner_suggest (TitrateRules         *rules,
                                            const TitratePatient *patient,
                                            const TitrateRegimen *regimen,
                                            GError              **error);

/**
 * TITRATE_TYPE_SUGGESTION:
 *
 * The boxed #GType of #TitrateSuggestion.
 */
#define TITRATE_TYPE_SUGGESTION (titrate_suggestion_get_type ())

/**
 * titrate_suggestion_get_type:
 *
 * The boxed #GType of #TitrateSuggestion.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType              titrate_suggestion_get_type (void) G_GNUC_CONST;

/**
 * titrate_suggestion_copy:
 * @suggestion: a #TitrateSuggestion
 *
 * Copies a suggestion, notes included.
 *
 * Returns: (transfer full): a copy of @suggestion
 */
TITRATE_AVAILABLE_IN_ALL
TitrateSuggestion *titrate_suggestion_copy (const TitrateSuggestion *suggestion);

/**
 * titrate_suggestion_free:
 * @suggestion: a #TitrateSuggestion
 *
 * Frees a suggestion.
 */
TITRATE_AVAILABLE_IN_ALL
void               titrate_suggestion_free (TitrateSuggestion    *suggestion);

/**
 * titrate_planner_get_day:
 * @rules: (nullable): a #TitrateRules, for the divisibility of the chosen
 *   strength
 * @regimen: the regimen
 * @day: a plan day (1-based; day 1 is the start date)
 * @out: (out caller-allocates): the day
 *
 * Day-by-day view. @rules (nullable) gives divisibility of the chosen
 * strength.
 */
TITRATE_AVAILABLE_IN_ALL
void     titrate_planner_get_day   (TitrateRules         *rules,
                                    const TitrateRegimen *regimen,
                                    int                   day,
                                    TitrateDay           *out);

/**
 * titrate_planner_expand:
 * @rules: (nullable): a #TitrateRules, for the divisibility of the chosen
 *   strength
 * @regimen: the regimen
 * @n_days: how many days
 *
 * (transfer full) (element-type TitrateDay) days 1 … n_days
 *
 * Returns: (transfer full) (element-type TitrateDay): the days
 */
TITRATE_AVAILABLE_IN_ALL
GArray  *titrate_planner_expand    (TitrateRules         *rules,
                                    const TitrateRegimen *regimen,
                                    int                   n_days);

/**
 * titrate_planner_units:
 * @rules: (nullable): a #TitrateRules
 * @regimen: the regimen
 * @dose_mg: one oral dose, mg
 * @units: (out): where to store the units per dose
 *
 * Units of the chosen product for one dose: tablets/packets, or mL of an
 * oral liquid. Returns FALSE when the dose cannot be measured (halves only
 * of scored tablets). *units is NAN when no strength is chosen.
 *
 * Returns: %TRUE if the dose can be measured
 */
TITRATE_AVAILABLE_IN_ALL
gboolean titrate_planner_units     (TitrateRules         *rules,
                                    const TitrateRegimen *regimen,
                                    double                dose_mg,
                                    double               *units);

/**
 * titrate_planner_unit_name:
 * @rules: (nullable): a #TitrateRules
 * @regimen: the regimen
 *
 * What units_per_dose counts, e.g. "× 10 mg tablet (scored: halves allowed)"
 * or "mL of 1 mg/mL oral solution"; NULL when no strength is chosen.
 * (transfer full)
 *
 * Returns: (transfer full) (nullable): the unit name
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_planner_unit_name (TitrateRules         *rules,
                                       const TitrateRegimen *regimen);

/**
 * titrate_planner_horizon:
 * @regimen: the regimen
 *
 * A sensible calendar length: to the stop day, or the last change + 14 days.
 *
 * Returns: the number of days
 */
TITRATE_AVAILABLE_IN_ALL
int      titrate_planner_horizon   (const TitrateRegimen *regimen);

/**
 * titrate_regimen_step_phase:
 * @regimen: the regimen
 * @index: a step index
 *
 * Phase of step @index: start, step-up, maintenance (the plateau at the plan
 * peak), taper, stopped or screening.
 *
 * Returns: the phase
 */
TITRATE_AVAILABLE_IN_ALL
TitratePhase titrate_regimen_step_phase (const TitrateRegimen *regimen,
                                         guint                 index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateSuggestion, titrate_suggestion_free)

G_END_DECLS
