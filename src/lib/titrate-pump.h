/* titrate-pump.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <json-glib/json-glib.h>
#include "titrate-alert.h"
#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-pump
 * @Title: Intrathecal pump
 * @Short_description: the reservoir of an implanted pump: refills, alarm and empty dates
 *
 * The "pump" object of an intrathecal regimen, its validation against the
 * pump models of the rules database, and the reservoir arithmetic
 * (#TitratePumpPlan).
 */

/**
 * TitratePumpRefill:
 * @date: the refill date
 * @volume_ml: volume in the reservoir after the refill, mL
 * @concentration_mcg_per_ml: concentration filled, mcg/mL
 *
 * One refill of the reservoir (regimen.pump.refills).
 */
typedef struct {
  GDate  date;
  double volume_ml;
  double concentration_mcg_per_ml;
} TitratePumpRefill;

/**
 * TITRATE_TYPE_PUMP_REFILL:
 *
 * The boxed #GType of #TitratePumpRefill.
 */
#define TITRATE_TYPE_PUMP_REFILL (titrate_pump_refill_get_type ())

/**
 * titrate_pump_refill_get_type:
 *
 * The boxed #GType of #TitratePumpRefill.
 * A plain value: g_boxed_copy() copies it whole.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_pump_refill_get_type (void) G_GNUC_CONST;

/**
 * TitratePumpBolus:
 * @date: the day the bolus is given
 * @dose_mcg: a bolus programmed from the reservoir (bridge or clinician
 *   bolus), mcg. Screening boluses by lumbar puncture (steps' bolus_mcg) are
 *   not drawn from the reservoir and do not belong here.
 *
 * A bolus drawn from the reservoir (regimen.pump.boluses).
 */
typedef struct {
  GDate  date;
  double dose_mcg;
} TitratePumpBolus;

/**
 * TITRATE_TYPE_PUMP_BOLUS:
 *
 * The boxed #GType of #TitratePumpBolus.
 */
#define TITRATE_TYPE_PUMP_BOLUS (titrate_pump_bolus_get_type ())

/**
 * titrate_pump_bolus_get_type:
 *
 * The boxed #GType of #TitratePumpBolus.
 * A plain value: g_boxed_copy() copies it whole.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_pump_bolus_get_type (void) G_GNUC_CONST;

/**
 * TitratePump:
 * @model: the pump model code, e.g. "synchromed_ii_20"
 * @reservoir_ml: the reservoir volume, mL (NAN: the model's)
 * @low_reservoir_alarm_ml: the low-reservoir alarm volume, mL (NAN: not
 *   entered)
 * @refills: (element-type TitratePumpRefill): the refills, by date
 * @boluses: (element-type TitratePumpBolus): boluses from the reservoir, by
 *   date
 * @next_refill_date: the scheduled next refill (invalid: none scheduled)
 * @margin_days: days of margin before the alarm date; -1 means the rules
 *   database's default
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
TITRATE_AVAILABLE_IN_ALL
const char * const titrate_pump_model_codes[];

/**
 * TITRATE_TYPE_PUMP:
 *
 * The boxed #GType of #TitratePump.
 */
#define TITRATE_TYPE_PUMP (titrate_pump_get_type ())

/**
 * titrate_pump_get_type:
 *
 * The boxed #GType of #TitratePump.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType        titrate_pump_get_type (void) G_GNUC_CONST;

/**
 * titrate_pump_new:
 *
 * An empty pump (model unset, volumes NAN).
 *
 * Returns: (transfer full): a new #TitratePump
 */
TITRATE_AVAILABLE_IN_ALL
TitratePump *titrate_pump_new      (void);

/**
 * titrate_pump_copy:
 * @pump: a #TitratePump
 *
 * Copies a pump, unknown keys included.
 *
 * Returns: (transfer full): a copy of @pump
 */
TITRATE_AVAILABLE_IN_ALL
TitratePump *titrate_pump_copy     (const TitratePump *pump);

/**
 * titrate_pump_free:
 * @pump: a #TitratePump
 *
 * Frees a pump.
 */
TITRATE_AVAILABLE_IN_ALL
void         titrate_pump_free     (TitratePump       *pump);

/**
 * titrate_pump_load:
 * @node: the regimen.pump member
 * @regimen: the regimen the pump belongs to
 * @out: (out) (transfer full): where to store the pump
 * @error: return location for a #GError, or %NULL
 *
 * Reads regimen.pump. Every message names its field, e.g.
 * "regimen.pump.refills[1].volume_ml: 25 mL is more than the reservoir (20
 * mL)". Checks what needs no rules database: known model, reservoir for
 * "other", volumes within the reservoir when it is given, alarm below the
 * reservoir, refill dates in order, next refill after the last, the last
 * refill's concentration equal to the regimen's.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 */
TITRATE_AVAILABLE_IN_ALL
gboolean     titrate_pump_load    (JsonNode             *node,
                                   const TitrateRegimen *regimen,
                                   TitratePump         **out,
                                   GError              **error);

/**
 * titrate_pump_validate:
 * @pump: a #TitratePump
 * @regimen: the regimen the pump belongs to
 * @reservoir_ml: the reservoir volume, mL (NAN: the model's)
 * @error: return location for a #GError, or %NULL
 *
 * The same checks on a pump built in memory (the app's pump section).
 *
 * Returns: %TRUE if valid; %FALSE with @error set
 */
TITRATE_AVAILABLE_IN_ALL
gboolean     titrate_pump_validate (const TitratePump    *pump,
                                    const TitrateRegimen *regimen,
                                    double                reservoir_ml,
                                    GError              **error);

/**
 * titrate_pump_validate_with_rules:
 * @pump: a #TitratePump
 * @regimen: the regimen the pump belongs to
 * @rules: a validated #TitrateRules
 * @error: return location for a #GError, or %NULL
 *
 * Checks the reservoir against the model in the rules database and the
 * volumes against the model's reservoir.
 *
 * Returns: %TRUE if valid; %FALSE with @error set
 */
TITRATE_AVAILABLE_IN_ALL
gboolean     titrate_pump_validate_with_rules (const TitratePump    *pump,
                                               const TitrateRegimen *regimen,
                                               TitrateRules         *rules,
                                               GError              **error);

/**
 * titrate_pump_to_json:
 * @pump: a #TitratePump
 *
 * (transfer full) the "pump" object as written to a document
 *
 * Returns: (transfer full): the JSON node
 */
TITRATE_AVAILABLE_IN_ALL
JsonNode    *titrate_pump_to_json  (const TitratePump *pump);

/**
 * TitratePumpModel:
 * @code: code
 * @label: label
 * @reservoir_ml: NAN for "other"
 * @device_min_concentration_mcg_per_ml: NAN: none
 * @device_max_concentration_mcg_per_ml: device max concentration, mcg/mL
 * @device_min_age_years: device min age, years
 * @source: source
 *
 * An implantable pump model, from the rules database
 * (data/rules/20-pump.sql).
 *
 * Rules database rows (src/lib/titrate-pump.c reads data/rules/20-pump.sql).
 */
typedef struct {
  const char *code;
  const char *label;
  double      reservoir_ml;                          /* NAN for "other" */
  double      device_min_concentration_mcg_per_ml;   /* NAN: none */
  double      device_max_concentration_mcg_per_ml;
  double      device_min_age_years;
  const char *source;
} TitratePumpModel;

/**
 * TITRATE_TYPE_PUMP_MODEL:
 *
 * The boxed #GType of #TitratePumpModel.
 */
#define TITRATE_TYPE_PUMP_MODEL (titrate_pump_model_get_type ())

/**
 * titrate_pump_model_get_type:
 *
 * The boxed #GType of #TitratePumpModel.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_pump_model_get_type (void) G_GNUC_CONST;

/**
 * TitratePumpSetting:
 * @key: key
 * @value: value
 * @min_value: min value
 * @max_value: max value
 * @source: source
 * @evidence: "D": a design choice, not a published limit
 * @note: translated
 *
 * A pump setting of the rules database, with its allowed range and source.
 */
typedef struct {
  const char *key;
  double      value;
  double      min_value;
  double      max_value;
  const char *source;
  const char *evidence;     /* "D": a design choice, not a published limit */
  const char *note;         /* translated */
} TitratePumpSetting;

/**
 * TITRATE_TYPE_PUMP_SETTING:
 *
 * The boxed #GType of #TitratePumpSetting.
 */
#define TITRATE_TYPE_PUMP_SETTING (titrate_pump_setting_get_type ())

/**
 * titrate_pump_setting_get_type:
 *
 * The boxed #GType of #TitratePumpSetting.
 * A copy made with g_boxed_copy() owns its strings, so it outlives the
 * #TitrateRules it came from; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_pump_setting_get_type (void) G_GNUC_CONST;

/**
 * titrate_pump_get_model:
 * @rules: a validated #TitrateRules
 * @code: a pump model code
 *
 * (transfer none) NULL when unknown
 *
 * Returns: (transfer none) (nullable): the model, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const TitratePumpModel   *titrate_pump_get_model   (TitrateRules *rules,
                                                    const char   *code);

/**
 * titrate_pump_list_models:
 * @rules: a validated #TitrateRules
 *
 * (transfer container) (element-type TitratePumpModel) in database order
 *
 * Returns: (transfer container) (element-type TitratePumpModel): the models
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray                *titrate_pump_list_models (TitrateRules *rules);

/**
 * titrate_pump_get_setting:
 * @rules: a validated #TitrateRules
 * @key: the setting or text key
 *
 * "refill_margin_days" or "long_interval_days" (transfer none)
 *
 * Returns: (transfer none) (nullable): the setting, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const TitratePumpSetting *titrate_pump_get_setting (TitrateRules *rules,
                                                    const char   *key);

/**
 * titrate_pump_get_medicine_text:
 * @rules: a validated #TitrateRules
 * @drug: (nullable): the medicine code or name; %NULL: the database's
 *   default medicine
 * @key: the text key
 * @source: (out) (optional) (transfer none): where to store the text's
 *   source keys
 *
 * Patient texts of the handout's pump card: "card_keep", "card_early_signs",
 * "card_act_now" (translated), for the medicine @drug names. Every medicine
 * has them (checked at open).
 *
 * Returns: (transfer none) (nullable): the text, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const char               *titrate_pump_get_medicine_text (TitrateRules *rules,
                                                          const char   *drug,
                                                          const char   *key,
                                                          const char  **source);

/**
 * titrate_pump_get_text:
 * @rules: a validated #TitrateRules
 * @key: the setting or text key
 * @source: (out) (optional) (transfer none): where to store the text's
 *   source keys
 *
 * The same as titrate_pump_get_medicine_text() for the database's default
 * medicine.
 *
 * Returns: (transfer none) (nullable): the text, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const char               *titrate_pump_get_text    (TitrateRules *rules,
                                                    const char   *key,
                                                    const char  **source);

/**
 * TitratePumpDay:
 * @date: date
 * @daily_mcg: infusion in force, mcg/day
 * @bolus_mcg: boluses from the reservoir that day, mcg
 * @used_ml: mL drawn that day
 * @remaining_ml: mL left at the end of the day (never below 0)
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
 * TITRATE_TYPE_PUMP_DAY:
 *
 * The boxed #GType of #TitratePumpDay.
 */
#define TITRATE_TYPE_PUMP_DAY (titrate_pump_day_get_type ())

/**
 * titrate_pump_day_get_type:
 *
 * The boxed #GType of #TitratePumpDay.
 * A plain value: g_boxed_copy() copies it whole.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_pump_day_get_type (void) G_GNUC_CONST;

/**
 * TitratePumpPlan:
 * @last_refill_date: last refill date
 * @fill_ml: volume after the last refill, mL
 * @concentration_mcg_per_ml: concentration, mcg/mL
 * @previous_concentration_mcg_per_ml: refill before the last, NAN
 * @reservoir_ml: reservoir, mL
 * @alarm_ml: NAN when not entered
 * @margin_days: margin, days
 * @margin_is_default: margin is default
 * @alarm_date: alarm date
 * @empty_date: empty date
 * @refill_by_date: alarm date - margin; empty date - margin when no alarm
 *   volume was entered
 * @next_refill_date: next refill date
 * @days_to_alarm: days to alarm
 * @days_to_empty: days to empty
 * @daily_mcg_min: infusion over refill → alarm (or empty) day
 * @daily_mcg_max: daily mcg max
 * @ml_per_day: mean mL/day drawn over the same days, boluses included
 * @bolus_ml: boluses counted over the same days, mL
 * @remaining_ml_before_next_refill: at the end of the day before the next
 *   refill, NAN
 * @days: (element-type TitratePumpDay) refill day … empty day
 * @refill_by_from_empty: refill_by_date counts back from the empty date
 * @lasts_beyond_horizon: not empty after horizon_days simulated days
 * @horizon_days: days simulated when lasts_beyond_horizon
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

/**
 * titrate_pump_set_margin_override:
 * @days: days; -1 restores the rules database's default
 *
 * A process-wide margin (the app's preference) used when a pump's own
 * margin_days is -1; -1 restores the rules database's default.
 */
TITRATE_AVAILABLE_IN_ALL
void             titrate_pump_set_margin_override (int days);

/**
 * titrate_pump_get_margin_override:
 *
 * The process-wide refill margin set with
 * titrate_pump_set_margin_override().
 *
 * Returns: days, or -1 for the rules database's default
 */
TITRATE_AVAILABLE_IN_ALL
int              titrate_pump_get_margin_override (void);

/**
 * titrate_pump_plan:
 * @rules: a validated #TitrateRules
 * @regimen: the regimen
 * @error: return location for a #GError, or %NULL
 *
 * Computes the plan. Returns NULL without @error when the regimen has no
 * pump; NULL with @error (naming what is missing) when it cannot be
 * computed. @margin_days < 0: the rules database's default.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
TitratePumpPlan *titrate_pump_plan      (TitrateRules         *rules,
                                         const TitrateRegimen *regimen,
                                         GError              **error);

/**
 * TITRATE_TYPE_PUMP_PLAN:
 *
 * The boxed #GType of #TitratePumpPlan.
 */
#define TITRATE_TYPE_PUMP_PLAN (titrate_pump_plan_get_type ())

/**
 * titrate_pump_plan_get_type:
 *
 * The boxed #GType of #TitratePumpPlan.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType            titrate_pump_plan_get_type (void) G_GNUC_CONST;

/**
 * titrate_pump_plan_copy:
 * @plan: a #TitratePumpPlan
 *
 * Copies a pump plan, its days included.
 *
 * Returns: (transfer full): a copy of @plan
 */
TITRATE_AVAILABLE_IN_ALL
TitratePumpPlan *titrate_pump_plan_copy (const TitratePumpPlan *plan);

/**
 * titrate_pump_plan_free:
 * @plan: a #TitratePumpPlan
 *
 * Frees a pump plan.
 */
TITRATE_AVAILABLE_IN_ALL
void             titrate_pump_plan_free (TitratePumpPlan      *plan);

/**
 * titrate_pump_plan_days_until:
 * @plan: a #TitratePumpPlan
 * @from: the day to count from
 *
 * Days from @from to the alarm date (negative once past), G_MININT if none.
 *
 * Returns: days, or %G_MININT
 */
TITRATE_AVAILABLE_IN_ALL
int              titrate_pump_plan_days_until (const TitratePumpPlan *plan,
                                               const GDate           *from);

/**
 * TitratePumpMark:
 * @TITRATE_PUMP_MARK_NONE: No mark
 * @TITRATE_PUMP_MARK_REFILL: A recorded refill
 * @TITRATE_PUMP_MARK_NEXT: The scheduled next refill
 * @TITRATE_PUMP_MARK_REFILL_BY: The refill-by date (alarm or empty date less
 *   the margin)
 * @TITRATE_PUMP_MARK_ALARM: The low-reservoir alarm date
 * @TITRATE_PUMP_MARK_EMPTY: The date the reservoir runs empty
 *
 * Marks for a calendar day of an intrathecal regimen with a pump.
 */
typedef enum {
  TITRATE_PUMP_MARK_NONE      = 0,
  TITRATE_PUMP_MARK_REFILL    = 1 << 0,   /* a recorded refill */
  TITRATE_PUMP_MARK_NEXT      = 1 << 1,   /* the scheduled next refill */
  TITRATE_PUMP_MARK_REFILL_BY = 1 << 2,
  TITRATE_PUMP_MARK_ALARM     = 1 << 3,
  TITRATE_PUMP_MARK_EMPTY     = 1 << 4,
} TitratePumpMark;

/**
 * titrate_pump_plan_marks_for:
 * @pump: a #TitratePump
 * @plan: a #TitratePumpPlan
 * @date: a calendar date
 *
 * The pump marks of a calendar day: refills, the scheduled refill,
 * refill-by, alarm and empty dates.
 *
 * Returns: the marks
 */
TITRATE_AVAILABLE_IN_ALL
TitratePumpMark  titrate_pump_plan_marks_for (const TitratePump     *pump,
                                              const TitratePumpPlan *plan,
                                              const GDate           *date);

/**
 * titrate_pump_mark_describe:
 * @marks: the marks
 *
 * Translated words for the marks present, e.g. "pump alarm, refill by"
 * (transfer full)
 *
 * Returns: (transfer full): the words
 */
TITRATE_AVAILABLE_IN_ALL
char            *titrate_pump_mark_describe  (TitratePumpMark marks);

/**
 * titrate_pump_plan_describe:
 * @plan: a #TitratePumpPlan
 * @today: (nullable): the day to count from, or %NULL
 *
 * One line for the window: "Pump alarm in 12 days (2027-01-22); refill by
 * 2027-01-15" (translated, transfer full). @today may be NULL (then counted
 * from the last refill).
 *
 * Returns: (transfer full): the line
 */
TITRATE_AVAILABLE_IN_ALL
char            *titrate_pump_plan_describe  (const TitratePumpPlan *plan,
                                              const GDate           *today);

/**
 * titrate_pump_plan_arithmetic:
 * @plan: a #TitratePumpPlan
 *
 * The volume arithmetic for the clinician summary, one line per entry
 * (translated; transfer full; element-type utf8).
 *
 * Returns: (transfer full) (element-type utf8): the lines
 */
TITRATE_AVAILABLE_IN_ALL
GPtrArray       *titrate_pump_plan_arithmetic (const TitratePumpPlan *plan);

/**
 * titrate_pump_check:
 * @rules: a validated #TitrateRules
 * @patient: the patient
 * @regimen: the regimen
 * @alerts: (element-type TitrateAlert): the array to add to
 *
 * Adds the pump alerts to @alerts (called by titrate_check).
 */
TITRATE_AVAILABLE_IN_ALL
void             titrate_pump_check (TitrateRules         *rules,
                                     const TitratePatient *patient,
                                     const TitrateRegimen *regimen,
                                     GPtrArray            *alerts);

/* Reads the pump tables at open (called by the rules loader). */
gboolean         _titrate_pump_rules_load (TitrateRules *rules,
                                           void         *db,
                                           GError      **error);

/**
 * titrate_pump_format_date:
 * @date: a date
 *
 * ISO date text (transfer full), "" for an invalid date.
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char            *titrate_pump_format_date (const GDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitratePump, titrate_pump_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitratePumpPlan, titrate_pump_plan_free)

G_END_DECLS
