/* titrate-pump.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include "titrate-alert.h"
#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"

G_BEGIN_DECLS

/**
 * TitratePumpRefill:
 * @date: the refill date
 * @volume_ml: volume in the reservoir after the refill, mL
 * @concentration_mcg_per_ml: concentration filled, mcg/mL
 */
typedef struct {
  GDate  date;
  double volume_ml;
  double concentration_mcg_per_ml;
} TitratePumpRefill;

/**
 * TitratePumpBolus:
 * @date: the day the bolus is given
 * @dose_mcg: a bolus programmed from the reservoir (bridge or clinician
 *   bolus), mcg. Screening boluses by lumbar puncture (steps' bolus_mcg) are
 *   not drawn from the reservoir and do not belong here.
 */
typedef struct {
  GDate  date;
  double dose_mcg;
} TitratePumpBolus;

/**
 * TitratePump:
 *
 * The "pump" object of an intrathecal regimen (document key regimen.pump).
 * @margin_days is a run-time setting (app preference or the CLI's
 * --pump-margin-days), never written to the document; -1 means the rules
 * database's default.
 */
typedef struct _TitratePump {
  char       *model;                   /* code, e.g. "synchromed_ii_20" */
  double      reservoir_ml;            /* NAN: the model's */
  double      low_reservoir_alarm_ml;  /* NAN: not entered */
  GArray     *refills;                 /* (element-type TitratePumpRefill), by date */
  GArray     *boluses;                 /* (element-type TitratePumpBolus), by date */
  GDate       next_refill_date;        /* may be invalid (none scheduled) */
  int         margin_days;             /* -1: the rules database's default */
  /*< private >*/
  JsonObject *unknown;                 /* unknown keys, kept and written back */
} TitratePump;

/* Model codes a document may use, NULL-terminated. */
extern const char * const titrate_pump_model_codes[];

GType        titrate_pump_get_type (void) G_GNUC_CONST;
TitratePump *titrate_pump_new      (void);
TitratePump *titrate_pump_copy     (const TitratePump *pump);
void         titrate_pump_free     (TitratePump       *pump);

/* Reads regimen.pump. Every message names its field, e.g.
 * "regimen.pump.refills[1].volume_ml: 25 mL is more than the reservoir (20 mL)".
 * Checks what needs no rules database: known model, reservoir for "other",
 * volumes within the reservoir when it is given, alarm below the reservoir,
 * refill dates in order, next refill after the last, the last refill's
 * concentration equal to the regimen's. */
gboolean     titrate_pump_load    (JsonNode             *node,
                                   const TitrateRegimen *regimen,
                                   TitratePump         **out,
                                   GError              **error);
/* The same checks on a pump built in memory (the app's pump section). */
gboolean     titrate_pump_validate (const TitratePump    *pump,
                                    const TitrateRegimen *regimen,
                                    double                reservoir_ml,
                                    GError              **error);
/* Checks the reservoir against the model in the rules database and the
 * volumes against the model's reservoir. */
gboolean     titrate_pump_validate_with_rules (const TitratePump    *pump,
                                               const TitrateRegimen *regimen,
                                               TitrateRules         *rules,
                                               GError              **error);
/* (transfer full) the "pump" object as written to a document */
JsonNode    *titrate_pump_to_json  (const TitratePump *pump);

/* Rules database rows (src/lib/titrate-pump.c reads data/rules/20-pump.sql). */
typedef struct {
  const char *code;
  const char *label;
  double      reservoir_ml;                          /* NAN for "other" */
  double      device_min_concentration_mcg_per_ml;   /* NAN: none */
  double      device_max_concentration_mcg_per_ml;
  double      device_min_age_years;
  const char *source;
} TitratePumpModel;

typedef struct {
  const char *key;
  double      value;
  double      min_value;
  double      max_value;
  const char *source;
  const char *evidence;     /* "D": a design choice, not a published limit */
  const char *note;         /* translated */
} TitratePumpSetting;

/* (transfer none) NULL when unknown */
const TitratePumpModel   *titrate_pump_get_model   (TitrateRules *rules,
                                                    const char   *code);
/* (transfer container) (element-type TitratePumpModel) in database order */
GPtrArray                *titrate_pump_list_models (TitrateRules *rules);
/* "refill_margin_days" or "long_interval_days" (transfer none) */
const TitratePumpSetting *titrate_pump_get_setting (TitrateRules *rules,
                                                    const char   *key);
/* Patient texts of the handout's pump card: "card_keep", "card_early_signs",
 * "card_act_now" (translated; transfer none), for the medicine @drug names
 * (NULL: the database's default medicine). Every medicine has them (checked
 * at open). */
const char               *titrate_pump_get_medicine_text (TitrateRules *rules,
                                                          const char   *drug,
                                                          const char   *key,
                                                          const char  **source);
/* The same for the database's default medicine. */
const char               *titrate_pump_get_text    (TitrateRules *rules,
                                                    const char   *key,
                                                    const char  **source);

/**
 * TitratePumpDay:
 *
 * One day of the reservoir arithmetic: the whole day's infusion and any
 * bolus are taken from the reservoir on that day (so a day the alarm volume
 * is reached part-way through counts as the alarm day).
 */
typedef struct {
  GDate  date;
  double daily_mcg;       /* infusion in force, mcg/day */
  double bolus_mcg;       /* boluses from the reservoir that day, mcg */
  double used_ml;         /* mL drawn that day */
  double remaining_ml;    /* mL left at the end of the day (never below 0) */
} TitratePumpDay;

/**
 * TitratePumpPlan:
 *
 * The reservoir arithmetic from the last refill. Dates that could not be
 * reached are invalid GDates. @days_to_alarm and @days_to_empty count from
 * the last refill date (-1 when not reached); titrate_pump_plan_days_until()
 * counts from another day (e.g. today, for the window's verdict).
 */
typedef struct {
  GDate   last_refill_date;
  double  fill_ml;                    /* volume after the last refill, mL */
  double  concentration_mcg_per_ml;
  double  previous_concentration_mcg_per_ml;  /* refill before the last, NAN */
  double  reservoir_ml;
  double  alarm_ml;                   /* NAN when not entered */
  int     margin_days;
  gboolean margin_is_default;
  GDate   alarm_date;
  GDate   empty_date;
  GDate   refill_by_date;             /* alarm date - margin; empty date - margin
                                       * when no alarm volume was entered */
  GDate   next_refill_date;
  int     days_to_alarm;
  int     days_to_empty;
  double  daily_mcg_min;              /* infusion over refill → alarm (or empty) day */
  double  daily_mcg_max;
  double  ml_per_day;                 /* mean mL/day drawn over the same days, boluses included */
  double  bolus_ml;                   /* boluses counted over the same days, mL */
  double  remaining_ml_before_next_refill; /* at the end of the day before the next refill, NAN */
  GArray *days;                       /* (element-type TitratePumpDay) refill day … empty day */
  gboolean refill_by_from_empty;      /* refill_by_date counts back from the empty date */
  gboolean lasts_beyond_horizon;      /* not empty after horizon_days simulated days */
  int     horizon_days;               /* days simulated when lasts_beyond_horizon */
} TitratePumpPlan;

/* A process-wide margin (the app's preference) used when a pump's own
 * margin_days is -1; -1 restores the rules database's default. */
void             titrate_pump_set_margin_override (int days);
int              titrate_pump_get_margin_override (void);

/* Computes the plan. Returns NULL without @error when the regimen has no
 * pump; NULL with @error (naming what is missing) when it cannot be
 * computed. @margin_days < 0: the rules database's default. */
TitratePumpPlan *titrate_pump_plan      (TitrateRules         *rules,
                                         const TitrateRegimen *regimen,
                                         GError              **error);
void             titrate_pump_plan_free (TitratePumpPlan      *plan);
/* Days from @from to the alarm date (negative once past), G_MININT if none. */
int              titrate_pump_plan_days_until (const TitratePumpPlan *plan,
                                               const GDate           *from);

/* Marks for a calendar day. */
typedef enum {
  TITRATE_PUMP_MARK_NONE      = 0,
  TITRATE_PUMP_MARK_REFILL    = 1 << 0,   /* a recorded refill */
  TITRATE_PUMP_MARK_NEXT      = 1 << 1,   /* the scheduled next refill */
  TITRATE_PUMP_MARK_REFILL_BY = 1 << 2,
  TITRATE_PUMP_MARK_ALARM     = 1 << 3,
  TITRATE_PUMP_MARK_EMPTY     = 1 << 4,
} TitratePumpMark;

TitratePumpMark  titrate_pump_plan_marks_for (const TitratePump     *pump,
                                              const TitratePumpPlan *plan,
                                              const GDate           *date);
/* Translated words for the marks present, e.g. "pump alarm, refill by" (transfer full) */
char            *titrate_pump_mark_describe  (TitratePumpMark marks);

/* One line for the window: "Pump alarm in 12 days (2027-01-22); refill by
 * 2027-01-15" (translated, transfer full). @today may be NULL (then counted
 * from the last refill). */
char            *titrate_pump_plan_describe  (const TitratePumpPlan *plan,
                                              const GDate           *today);
/* The volume arithmetic for the clinician summary, one line per entry
 * (translated; transfer full; element-type utf8). */
GPtrArray       *titrate_pump_plan_arithmetic (const TitratePumpPlan *plan);

/* Adds the pump alerts to @alerts (called by titrate_check). */
void             titrate_pump_check (TitrateRules         *rules,
                                     const TitratePatient *patient,
                                     const TitrateRegimen *regimen,
                                     GPtrArray            *alerts);

/* Reads the pump tables at open (called by the rules loader). */
gboolean         _titrate_pump_rules_load (TitrateRules *rules,
                                           void         *db,
                                           GError      **error);

/* ISO date text (transfer full), "" for an invalid date. */
char            *titrate_pump_format_date (const GDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitratePump, titrate_pump_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitratePumpPlan, titrate_pump_plan_free)

G_END_DECLS
