/* titrate-regimen.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <glib-object.h>
#include "titrate-types.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-regimen
 * @Title: Regimen
 * @Short_description: what is prescribed: steps, protocol and calendar days
 *
 * A #TitrateRegimen is an oral plan in mg or an intrathecal plan in mcg,
 * never both: a list of steps, each running from its day until the next.
 */

/**
 * TITRATE_MAX_DOSES_PER_DAY:
 *
 * The most oral administrations a step or day holds.
 */
#define TITRATE_MAX_DOSES_PER_DAY 8

/* Input format limits, shared by the document loader (its hostile-input
 * guards) and the forms, which set their fields from these: software
 * bounds, not clinical limits (those are in the rules database). Amounts in
 * the field's own unit (mg, mcg, mg/mL, mcg/mL). */

/**
 * TITRATE_MAX_PLAN_DAY:
 *
 * The latest plan day a document may name (about 270 years): a software
 * bound that only guards the int range, not a clinical limit.
 */
#define TITRATE_MAX_PLAN_DAY        100000   /* ~270 years: only guards the int range */

/**
 * TITRATE_MAX_STEP_EVERY_DAYS:
 *
 * The longest interval, in days, between a protocol's steps that a
 * document may hold: a software bound, not a clinical limit.
 */
#define TITRATE_MAX_STEP_EVERY_DAYS 365

/**
 * TITRATE_AMOUNT_MIN:
 *
 * The smallest amount a field accepts, in the field's own unit (mg, mcg,
 * mg/mL, mcg/mL): a software bound, not a clinical limit.
 */
#define TITRATE_AMOUNT_MIN          0.001

/**
 * TITRATE_AMOUNT_MAX:
 *
 * The largest amount a field accepts, in the field's own unit: a software
 * bound, not a clinical limit (those are in the rules database).
 */
#define TITRATE_AMOUNT_MAX          100000.0

/**
 * TitrateStep:
 * @day: the plan day this step starts on (day 1 = start date)
 * @n_doses: number of oral administrations per day (0 with no oral doses)
 * @doses_mg: oral doses in mg, @n_doses of them
 * @daily_mcg: intrathecal daily infusion in mcg/day, or NAN
 * @bolus_mcg: intrathecal screening bolus in mcg, or NAN
 *
 * One step of the calendar. It runs from @day until the next step starts; the
 * last step runs on. A step with no doses at all means the drug is stopped.
 */
typedef struct {
  int    day;
  guint  n_doses;
  double doses_mg[TITRATE_MAX_DOSES_PER_DAY];
  double daily_mcg;
  double bolus_mcg;
} TitrateStep;

/**
 * TITRATE_TYPE_STEP:
 *
 * The boxed #GType of #TitrateStep.
 */
#define TITRATE_TYPE_STEP (titrate_step_get_type ())

/**
 * titrate_step_get_type:
 *
 * The boxed #GType of #TitrateStep.
 * A plain value: g_boxed_copy() copies it whole.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_step_get_type (void) G_GNUC_CONST;

/**
 * titrate_step_init_oral:
 * @step: (out caller-allocates): the step
 * @day: the plan day it starts on
 * @doses_mg: (array length=n_doses): oral doses, mg
 * @n_doses: the number of doses, at most %TITRATE_MAX_DOSES_PER_DAY
 *
 * Fills @step with an oral step of @n_doses doses starting on @day.
 */
TITRATE_AVAILABLE_IN_ALL
void     titrate_step_init_oral      (TitrateStep  *step,
                                      int           day,
                                      const double *doses_mg,
                                      guint         n_doses);

/**
 * titrate_step_init_stopped:
 * @step: (out caller-allocates): the step
 * @day: the plan day the medicine stops
 *
 * Fills @step with a stop (no doses) on @day.
 */
TITRATE_AVAILABLE_IN_ALL
void     titrate_step_init_stopped   (TitrateStep  *step,
                                      int           day);

/**
 * titrate_step_is_stopped:
 * @step: a #TitrateStep
 *
 * Whether the step has no doses at all (the medicine is stopped).
 *
 * Returns: %TRUE if stopped
 */
TITRATE_AVAILABLE_IN_ALL
gboolean titrate_step_is_stopped     (const TitrateStep *step);

/**
 * titrate_step_daily_total:
 * @step: a #TitrateStep
 *
 * oral: sum of doses in mg; intrathecal: daily infusion in mcg (bolus: the
 * bolus)
 *
 * Returns: mg/day (oral) or mcg (intrathecal)
 */
TITRATE_AVAILABLE_IN_ALL
double   titrate_step_daily_total    (const TitrateStep *step);

/**
 * TitrateProtocolKind:
 * @TITRATE_PROTOCOL_TITRATE: Titrate
 * @TITRATE_PROTOCOL_TAPER: Taper
 *
 * The kind of a #TitrateProtocol.
 */
typedef enum {
  TITRATE_PROTOCOL_TITRATE,
  TITRATE_PROTOCOL_TAPER,
} TitrateProtocolKind;

/**
 * TitrateProtocol:
 * @kind: kind
 * @start_dose_mg: start dose, mg
 * @doses_per_day: doses per day
 * @step_mg_per_dose: step mg per dose
 * @step_every_days: step every, days
 * @target_daily_mg: target daily, mg
 * @from_daily_mg: from daily, mg
 *
 * A compact way to write an oral plan; titrate_protocol_expand() turns it
 * into steps. Titrate: start_dose_mg per dose, doses_per_day,
 * +step_mg_per_dose every step_every_days, up to target_daily_mg. Taper:
 * from from_daily_mg, -step_mg_per_dose every step_every_days, to zero.
 */
typedef struct {
  TitrateProtocolKind kind;
  double start_dose_mg;
  int    doses_per_day;
  double step_mg_per_dose;
  int    step_every_days;
  double target_daily_mg;
  double from_daily_mg;
} TitrateProtocol;

/**
 * TITRATE_TYPE_PROTOCOL:
 *
 * The boxed #GType of #TitrateProtocol.
 */
#define TITRATE_TYPE_PROTOCOL (titrate_protocol_get_type ())

/**
 * titrate_protocol_get_type:
 *
 * The boxed #GType of #TitrateProtocol.
 * A plain value: g_boxed_copy() copies it whole.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_protocol_get_type (void) G_GNUC_CONST;

/**
 * titrate_protocol_kind_to_string:
 * @kind: a #TitrateProtocolKind
 *
 * The file/JSON code of a protocol kind.
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_protocol_kind_to_string (TitrateProtocolKind kind);

/**
 * TitrateItPhase:
 * @TITRATE_IT_PHASE_UNSET: Not said: read from the plan
 * @TITRATE_IT_PHASE_POST_IMPLANT: Titration after the implant (label % per
 *   24 h)
 * @TITRATE_IT_PHASE_MAINTENANCE: An established infusion
 *
 * The phase of an intrathecal regimen.
 */
typedef enum {
  TITRATE_IT_PHASE_UNSET,          /* not said: read from the plan */
  TITRATE_IT_PHASE_POST_IMPLANT, /*< nick=post_implant >*/ /* titration after the implant (label % per 24 h) */
  TITRATE_IT_PHASE_MAINTENANCE,    /* an established infusion */
} TitrateItPhase;

/**
 * TitrateRegimen:
 * @drug: medicine code (new regimens: the rules database default)
 * @route: route
 * @indication: code, e.g. "spasticity"
 * @formulation: code, e.g. "tablet"
 * @strength_mg: tablet/packet strength, mg; NAN if n/a
 * @concentration_mg_per_ml: oral liquid; NAN if n/a
 * @concentration_mcg_per_ml: intrathecal; NAN if n/a
 * @start_date: may be invalid (not set)
 * @spasticity_origin: intrathecal only
 * @it_phase: intrathecal: post-implant titration or maintenance
 * @screening_effective_mcg: intrathecal: effective screening bolus; NAN if
 *   not given
 * @screening_effect_hours: intrathecal: how long that bolus worked; NAN if
 *   not given
 * @steps: (element-type TitrateStep), sorted by day
 * @has_protocol: has protocol
 * @protocol: as written in the document
 * @pump: intrathecal: regimen.pump, or NULL (titrate-pump.h)
 *
 * What is prescribed. Oral regimens use mg; intrathecal regimens use mcg and
 * never share a field with oral ones.
 */
typedef struct {
  char          *drug;                      /* medicine code (new regimens: the rules database default) */
  TitrateRoute   route;
  char          *indication;                /* code, e.g. "spasticity" */
  char          *formulation;               /* code, e.g. "tablet" */
  double         strength_mg;               /* tablet/packet strength, mg; NAN if n/a */
  double         concentration_mg_per_ml;   /* oral liquid; NAN if n/a */
  double         concentration_mcg_per_ml;  /* intrathecal; NAN if n/a */
  GDate          start_date;                /* may be invalid (not set) */
  TitrateOrigin  spasticity_origin;         /* intrathecal only */
  TitrateItPhase it_phase;                  /* intrathecal: post-implant titration or maintenance */
  double         screening_effective_mcg;   /* intrathecal: effective screening bolus; NAN if not given */
  double         screening_effect_hours;    /* intrathecal: how long that bolus worked; NAN if not given */
  GArray        *steps;                     /* (element-type TitrateStep), sorted by day */
  gboolean       has_protocol;
  TitrateProtocol protocol;                 /* as written in the document */
  struct _TitratePump *pump;                /* intrathecal: regimen.pump, or NULL (titrate-pump.h) */
} TitrateRegimen;

/**
 * TITRATE_TYPE_REGIMEN:
 *
 * The boxed #GType of #TitrateRegimen.
 */
#define TITRATE_TYPE_REGIMEN (titrate_regimen_get_type ())

/**
 * titrate_regimen_get_type:
 *
 * The boxed #GType of #TitrateRegimen.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType           titrate_regimen_get_type   (void) G_GNUC_CONST;

/**
 * titrate_regimen_new:
 * @route: oral (doses in mg) or intrathecal (doses in mcg)
 *
 * An empty regimen on @route, with the rules database's default medicine.
 *
 * Returns: (transfer full): a new #TitrateRegimen
 */
TITRATE_AVAILABLE_IN_ALL
TitrateRegimen *titrate_regimen_new        (TitrateRoute route);

/**
 * titrate_regimen_copy:
 * @regimen: the regimen
 *
 * Copies a regimen, steps and pump included.
 *
 * Returns: (transfer full): a copy of @regimen
 */
TITRATE_AVAILABLE_IN_ALL
TitrateRegimen *titrate_regimen_copy       (const TitrateRegimen *regimen);

/**
 * titrate_regimen_free:
 * @regimen: the regimen
 *
 * Frees a regimen.
 */
TITRATE_AVAILABLE_IN_ALL
void            titrate_regimen_free       (TitrateRegimen       *regimen);

/**
 * titrate_regimen_validate:
 * @regimen: the regimen
 * @error: return location for a #GError, or %NULL
 *
 * Validates the steps: days ≥ 1 and strictly increasing, doses ≥ 0 and
 * finite, units that fit the route. The message names the offending step.
 *
 * Returns: %TRUE if valid; %FALSE with @error set
 */
TITRATE_AVAILABLE_IN_ALL
gboolean        titrate_regimen_validate   (const TitrateRegimen *regimen,
                                            GError              **error);

/**
 * titrate_regimen_add_step:
 * @regimen: the regimen
 * @step: a #TitrateStep
 * @error: return location for a #GError, or %NULL
 *
 * Adds/replaces steps. The step must fit the route (TITRATE_ERROR_UNIT).
 *
 * Returns: %TRUE if added; %FALSE with @error set
 */
TITRATE_AVAILABLE_IN_ALL
gboolean        titrate_regimen_add_step   (TitrateRegimen       *regimen,
                                            const TitrateStep    *step,
                                            GError              **error);

/**
 * titrate_regimen_step_at:
 * @regimen: the regimen
 * @day: a plan day (1-based)
 *
 * Index of the step in force on plan day @day (1-based), or -1 before day 1.
 *
 * Returns: the step index, or -1
 */
TITRATE_AVAILABLE_IN_ALL
int             titrate_regimen_step_at    (const TitrateRegimen *regimen,
                                            int                   day);

/**
 * titrate_regimen_last_dosing_day:
 * @regimen: the regimen
 *
 * Days until the plan reaches a stop (the first stopped step's day - 1), or
 * -1 when the last step runs on.
 *
 * Returns: the last dosing day, or -1
 */
TITRATE_AVAILABLE_IN_ALL
int             titrate_regimen_last_dosing_day (const TitrateRegimen *regimen);

/**
 * TitrateDay:
 * @day: 1-based plan day
 * @date: invalid if the regimen has no start date
 * @step_index: -1 before the start
 * @phase: phase
 * @n_doses: n doses
 * @doses_mg: doses, mg
 * @units_per_dose: tablets/packets, or mL for liquids; NAN if unknown
 * @measurable: every dose can be given with the chosen strength
 * @daily_total: mg (oral) or mcg (intrathecal)
 * @daily_mcg: intrathecal infusion, NAN otherwise
 * @bolus_mcg: intrathecal screening bolus, NAN otherwise
 * @is_change: first day of a step
 *
 * One calendar day of a plan.
 */
typedef struct {
  int          day;                  /* 1-based plan day */
  GDate        date;                 /* invalid if the regimen has no start date */
  int          step_index;           /* -1 before the start */
  TitratePhase phase;
  guint        n_doses;
  double       doses_mg[TITRATE_MAX_DOSES_PER_DAY];
  double       units_per_dose[TITRATE_MAX_DOSES_PER_DAY]; /* tablets/packets, or mL for liquids; NAN if unknown */
  gboolean     measurable;           /* every dose can be given with the chosen strength */
  double       daily_total;          /* mg (oral) or mcg (intrathecal) */
  double       daily_mcg;            /* intrathecal infusion, NAN otherwise */
  double       bolus_mcg;            /* intrathecal screening bolus, NAN otherwise */
  gboolean     is_change;            /* first day of a step */
} TitrateDay;

/**
 * TITRATE_TYPE_DAY:
 *
 * The boxed #GType of #TitrateDay.
 */
#define TITRATE_TYPE_DAY (titrate_day_get_type ())

/**
 * titrate_day_get_type:
 *
 * The boxed #GType of #TitrateDay.
 * A plain value: g_boxed_copy() copies it whole.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_day_get_type (void) G_GNUC_CONST;

/**
 * titrate_units_per_dose:
 * @dose_mg: one oral dose, mg
 * @strength: the tablet or packet strength (mg), or the concentration
 *   (mg/mL)
 * @divisible: how the product divides
 * @units: (out): where to store the units per dose
 *
 * Units per dose: a dose in mg on a strength, divided as @divisible allows
 * (%TITRATE_DIVISIBILITY_VOLUME: the result is mL for a concentration in
 * mg/mL). Returns %FALSE when the dose cannot be measured (e.g. 7.5 mg from
 * unscored 10 mg tablets, or no product); *units is still the exact
 * quotient.
 *
 * Returns: %TRUE if the dose can be measured
 */
TITRATE_AVAILABLE_IN_ALL
gboolean titrate_units_per_dose (double              dose_mg,
                                 double              strength,
                                 TitrateDivisibility divisible,
                                 double             *units);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateRegimen, titrate_regimen_free)

G_END_DECLS
