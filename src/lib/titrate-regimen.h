/* titrate-regimen.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include "titrate-types.h"

G_BEGIN_DECLS

#define TITRATE_MAX_DOSES_PER_DAY 8

/* Input format limits, shared by the document loader (its hostile-input
 * guards) and the forms, which set their fields from these: software
 * bounds, not clinical limits (those are in the rules database). Amounts in
 * the field's own unit (mg, mcg, mg/mL, mcg/mL). */
#define TITRATE_MAX_PLAN_DAY        100000   /* ~270 years: only guards the int range */
#define TITRATE_MAX_STEP_EVERY_DAYS 365
#define TITRATE_AMOUNT_MIN          0.001
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

void     titrate_step_init_oral      (TitrateStep  *step,
                                      int           day,
                                      const double *doses_mg,
                                      guint         n_doses);
void     titrate_step_init_stopped   (TitrateStep  *step,
                                      int           day);
gboolean titrate_step_is_stopped     (const TitrateStep *step);
/* oral: sum of doses in mg; intrathecal: daily infusion in mcg (bolus: the bolus) */
double   titrate_step_daily_total    (const TitrateStep *step);

typedef enum {
  TITRATE_PROTOCOL_TITRATE,
  TITRATE_PROTOCOL_TAPER,
} TitrateProtocolKind;

/**
 * TitrateProtocol:
 *
 * A compact way to write an oral plan; titrate_protocol_expand() turns it into
 * steps. Titrate: start_dose_mg per dose, doses_per_day, +step_mg_per_dose
 * every step_every_days, up to target_daily_mg. Taper: from from_daily_mg,
 * -step_mg_per_dose every step_every_days, to zero.
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

const char *titrate_protocol_kind_to_string (TitrateProtocolKind kind);

typedef enum {
  TITRATE_IT_PHASE_UNSET,          /* not said: read from the plan */
  TITRATE_IT_PHASE_POST_IMPLANT,   /* titration after the implant (label % per 24 h) */
  TITRATE_IT_PHASE_MAINTENANCE,    /* an established infusion */
} TitrateItPhase;

/**
 * TitrateRegimen:
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

GType           titrate_regimen_get_type   (void) G_GNUC_CONST;
TitrateRegimen *titrate_regimen_new        (TitrateRoute route);
TitrateRegimen *titrate_regimen_copy       (const TitrateRegimen *regimen);
void            titrate_regimen_free       (TitrateRegimen       *regimen);

/* Validates the steps: days ≥ 1 and strictly increasing, doses ≥ 0 and finite,
 * units that fit the route. The message names the offending step. */
gboolean        titrate_regimen_validate   (const TitrateRegimen *regimen,
                                            GError              **error);

/* Adds/replaces steps. The step must fit the route (TITRATE_ERROR_UNIT). */
gboolean        titrate_regimen_add_step   (TitrateRegimen       *regimen,
                                            const TitrateStep    *step,
                                            GError              **error);

/* Index of the step in force on plan day @day (1-based), or -1 before day 1. */
int             titrate_regimen_step_at    (const TitrateRegimen *regimen,
                                            int                   day);

/* Days until the plan reaches a stop (the first stopped step's day - 1), or -1
 * when the last step runs on. */
int             titrate_regimen_last_dosing_day (const TitrateRegimen *regimen);

/**
 * TitrateDay:
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

/* Units per dose: a dose in mg on a strength, divided as @divisible allows
 * (TITRATE_DIVISIBILITY_VOLUME: the result is mL for a concentration in
 * mg/mL). Returns FALSE when the dose cannot be measured (e.g. 7.5 mg from
 * unscored 10 mg tablets, or no product); *units is still the exact
 * quotient. */
gboolean titrate_units_per_dose (double              dose_mg,
                                 double              strength,
                                 TitrateDivisibility divisible,
                                 double             *units);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateRegimen, titrate_regimen_free)

G_END_DECLS
