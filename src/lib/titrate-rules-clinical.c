/* titrate-rules-clinical.c — medicines, population bands, threshold rules
 * and input ranges: loaded once at open into C arrays, validated per medicine
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "titrate-counselling.h"
#include "titrate-error.h"
#include "titrate-rules-private.h"

/* Every medicine must have these rows: the checker, the planner and the
 * counselling selection ask for them by code. A missing row refuses the
 * database at open, never a default in C. */
static const char * const required_bands[] = {
  "adult", "child", "older_adult", "renal_reduced", "egfr_reduced", NULL
};

static const char * const required_thresholds[] = {
  "us_pediatric_unestablished", "tablet_min_weight", "intrathecal_min_age",
  "beers_age", "beers_egfr", "beers_beside_renal",
  "muanda_age", "muanda_egfr", "muanda_start", "cautious_titration_age",
  "screening_concentration", "start_at_maximum",
  "creatinine_umol_l_low", "creatinine_mg_dl_high", "adjusted_weight_trigger",
  "single_dose_max", "doses_per_day_max", "it_start_ratio", "it_start_ratio_long_effect",
  "it_long_effect_hours",
  NULL
};

static const char * const required_adjustments[] = { "elderly", "dialysis", NULL };

static const char * const required_input_ranges[] = {
  "patient.age_years", "patient.weight_kg", "patient.height_cm",
  "patient.serum_creatinine_mg_dl", "patient.serum_creatinine_umol_l",
  "patient.crcl_ml_min", "patient.egfr_ml_min_1_73m2", "patient.current_daily_mg",
  NULL
};

static gboolean
comparison_from_string (const char        *text,
                        TitrateComparison *out)
{
  static const struct { const char *text; TitrateComparison cmp; } map[] = {
    { "<", TITRATE_CMP_LT }, { "<=", TITRATE_CMP_LE }, { ">", TITRATE_CMP_GT },
    { ">=", TITRATE_CMP_GE }, { "!=", TITRATE_CMP_NE },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i].text, text) == 0)
      {
        *out = map[i].cmp;
        return TRUE;
      }
  return FALSE;
}

static gboolean
run (TitrateRules *self,
     sqlite3      *db,
     const char   *sql,
     gboolean    (*row) (TitrateRules *, TitrateRuleTables *, sqlite3_stmt *, GError **),
     TitrateRuleTables *tables,
     GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return _titrate_rules_fail (self, error, _("%s (in “%s”)"), _titrate_sqlite_errmsg (db), sql);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!row (self, tables, stmt, error))
      {
        sqlite3_finalize (stmt);
        return FALSE;
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _titrate_rules_fail (self, error, "%s", _titrate_sqlite_errmsg (db));
  return TRUE;
}

static gboolean
read_medicine (TitrateRules      *self,
               TitrateRuleTables *t,
               sqlite3_stmt      *stmt,
               GError           **error)
{
  TitrateMedicineRow row = { _titrate_rules_col_str (self, stmt, 0),
                             _titrate_rules_col_tr (self, stmt, 1, TITRATE_RULES_TEXT_MEDICINE_LABEL, 0),
                             _titrate_rules_col_tr (self, stmt, 2, TITRATE_RULES_TEXT_MEDICINE_LABEL_START, 0),
                             _titrate_rules_col_str (self, stmt, 3) };

  g_array_append_val (t->medicines, row);
  return TRUE;
}

static gboolean
read_band (TitrateRules      *self,
           TitrateRuleTables *t,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  TitratePopulationBandRow row = {
    _titrate_rules_col_str (self, stmt, 0), _titrate_rules_col_str (self, stmt, 1), _titrate_rules_col_str (self, stmt, 2),
    _titrate_rules_col_num (stmt, 3), _titrate_rules_col_num (stmt, 4), _titrate_rules_col_str (self, stmt, 5), _titrate_rules_col_str (self, stmt, 6),
  };

  g_array_append_val (t->population_bands, row);
  return TRUE;
}

static gboolean
read_threshold (TitrateRules      *self,
                TitrateRuleTables *t,
                sqlite3_stmt      *stmt,
                GError           **error)
{
  TitrateThresholdRow row = { 0 };
  const char *rule = (const char *) sqlite3_column_text (stmt, 2);
  const char *severity = (const char *) sqlite3_column_text (stmt, 7);

  row.medicine = _titrate_rules_col_str (self, stmt, 0);
  row.code = _titrate_rules_col_str (self, stmt, 1);
  if (rule != NULL && (row.rule = titrate_rules_get_rule (self, rule)) == NULL)
    return _titrate_rules_fail (self, error, _("table %s refers to unknown rule “%s”"), "threshold", rule);
  row.metric = _titrate_rules_col_str (self, stmt, 3);
  row.comparison_text = _titrate_rules_col_str (self, stmt, 4);
  if (!comparison_from_string (row.comparison_text, &row.comparison))
    return _titrate_rules_fail (self, error, _("threshold %s has an unknown comparison"), row.code);
  row.value = _titrate_rules_col_num (stmt, 5);
  row.unit = _titrate_rules_col_str (self, stmt, 6);
  row.has_severity = severity != NULL;
  if (severity != NULL && !titrate_severity_from_string (severity, &row.severity))
    return _titrate_rules_fail (self, error, _("threshold %s has an unknown severity"), row.code);
  row.source = _titrate_rules_col_str (self, stmt, 8);
  row.note = _titrate_rules_col_str (self, stmt, 9);
  g_array_append_val (t->thresholds, row);
  return TRUE;
}

static gboolean
read_input_range (TitrateRules      *self,
                  TitrateRuleTables *t,
                  sqlite3_stmt      *stmt,
                  GError           **error)
{
  TitrateInputRangeRow row = {
    _titrate_rules_col_str (self, stmt, 0), _titrate_rules_col_num (stmt, 1), _titrate_rules_col_num (stmt, 2), sqlite3_column_int (stmt, 3) != 0,
    _titrate_rules_col_str (self, stmt, 4),
  };

  g_array_append_val (t->input_ranges, row);
  return TRUE;
}

static gboolean
read_weight_for_age (TitrateRules      *self,
                     TitrateRuleTables *t,
                     sqlite3_stmt      *stmt,
                     GError           **error)
{
  TitrateWeightForAgeRow row = {
    _titrate_rules_col_num (stmt, 0), _titrate_rules_col_num (stmt, 1),
    _titrate_rules_col_num (stmt, 2), _titrate_rules_col_num (stmt, 3),
  };

  if (!(row.age_min_years < row.age_max_years) || !(row.min_kg > 0 && row.min_kg < row.max_kg))
    return _titrate_rules_fail (self, error, _("table %s has a row that is not a range"), "weight_for_age");
  g_array_append_val (t->weight_for_age, row);
  return TRUE;
}

static gboolean
read_medicine_rule (TitrateRules      *self,
                    TitrateRuleTables *t,
                    sqlite3_stmt      *stmt,
                    GError           **error)
{
  const char *code = (const char *) sqlite3_column_text (stmt, 2);
  TitrateMedicineRuleRow row = {
    _titrate_rules_col_str (self, stmt, 0), _titrate_rules_col_str (self, stmt, 1),
    code ? titrate_rules_get_rule (self, code) : NULL,
  };

  if (row.medicine == NULL || row.slot == NULL || row.rule == NULL)
    return _titrate_rules_fail (self, error, _("table %s names an unknown rule “%s”"), "medicine_rule",
                                code ? code : "");
  g_array_append_val (t->medicine_rules, row);
  return TRUE;
}

static gboolean
has_taper (const TitrateRuleTables *t,
           const char              *medicine,
           const char              *rule)
{
  for (guint i = 0; i < t->tapers->len; i++)
    {
      const TitrateTaperRow *row = &g_array_index (t->tapers, TitrateTaperRow, i);

      if (row->medicine == medicine && strcmp (row->rule->code, rule) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_titration_kind (const TitrateRuleTables *t,
                    const char              *medicine,
                    const char              *indication,
                    TitrateTitrationKind     kind)
{
  for (guint i = 0; i < t->titration_limits->len; i++)
    {
      const TitrateTitrationLimitRow *row = &g_array_index (t->titration_limits, TitrateTitrationLimitRow, i);

      if (row->medicine == medicine && row->kind == kind && g_strcmp0 (row->indication, indication) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
validate (TitrateRules      *self,
          TitrateRuleTables *t,
          GError           **error)
{
  if (t->medicines->len == 0)
    return _titrate_rules_fail (self, error, _("table %s is empty"), "medicine");

  for (guint m = 0; m < t->medicines->len; m++)
    {
      const char *med = g_array_index (t->medicines, TitrateMedicineRow, m).code;
      gboolean any_band = FALSE;

      for (guint i = 0; required_bands[i] != NULL; i++)
        if (_titrate_rules_band (self, med, required_bands[i]) == NULL)
          return _titrate_rules_fail (self, error, _("medicine %s has no population band “%s”"), med, required_bands[i]);
      for (guint i = 0; required_thresholds[i] != NULL; i++)
        if (_titrate_rules_threshold (self, med, required_thresholds[i]) == NULL)
          return _titrate_rules_fail (self, error, _("medicine %s has no threshold “%s”"), med, required_thresholds[i]);
      for (guint i = 0; required_adjustments[i] != NULL; i++)
        if (_titrate_rules_get_adjustment (self, med, required_adjustments[i]) == NULL)
          return _titrate_rules_fail (self, error, _("medicine %s has no protocol adjustment “%s”"), med, required_adjustments[i]);
      if (!has_taper (t, med, "withdrawal.oral.short_taper") || !has_taper (t, med, "withdrawal.oral.abrupt_stop"))
        return _titrate_rules_fail (self, error, _("medicine %s has no oral taper rule"), med);
      for (guint i = 0; i < t->renal_bands->len; i++)
        any_band |= g_array_index (t->renal_bands, TitrateRenalBandRow, i).medicine == med;
      if (!any_band)
        return _titrate_rules_fail (self, error, _("medicine %s has no renal band"), med);
      /* Where the medicine is to be avoided (a renal band that always
       * alerts, or dialysis), the maximum shown for an override is an
       * absolute ceiling: without it the scaled label maximum would stand,
       * far above the doses reported as toxic there. */
      for (guint i = 0; i < t->renal_bands->len; i++)
        {
          const TitrateRenalBandRow *band = &g_array_index (t->renal_bands, TitrateRenalBandRow, i);
          const TitrateAdjustmentRow *adj;

          if (band->medicine != med || !band->avoid)
            continue;
          adj = _titrate_rules_band_adjustment (self, med, band);
          if (adj == NULL || isnan (adj->max_daily_mg))
            return _titrate_rules_fail (self, error,
                                        _("medicine %s: renal band %s (always an alert) has no ceiling "
                                          "(protocol_adjustment max_daily_mg)"), med, band->rule->code);
        }
      if (isnan (_titrate_rules_get_adjustment (self, med, "dialysis")->max_daily_mg))
        return _titrate_rules_fail (self, error,
                                    _("medicine %s: dialysis has no ceiling (protocol_adjustment max_daily_mg)"), med);

      /* A titration limit for an indication needs all three kinds. */
      for (guint i = 0; i < t->titration_limits->len; i++)
        {
          const TitrateTitrationLimitRow *row = &g_array_index (t->titration_limits, TitrateTitrationLimitRow, i);

          if (row->medicine != med)
            continue;
          if (!has_titration_kind (t, med, row->indication, TITRATE_TITRATION_START_DAILY_MG) ||
              !has_titration_kind (t, med, row->indication, TITRATE_TITRATION_STEP_DAILY_MG) ||
              !has_titration_kind (t, med, row->indication, TITRATE_TITRATION_INTERVAL_DAYS))
            return _titrate_rules_fail (self, error, _("medicine %s: titration limits for %s are incomplete"),
                                        med, row->indication);
        }
    }

  /* A checkpoint mapped for one medicine is mapped for every medicine:
   * otherwise another medicine would raise a rule written for the first. */
  for (guint i = 0; i < t->medicine_rules->len; i++)
    {
      const char *slot = g_array_index (t->medicine_rules, TitrateMedicineRuleRow, i).slot;

      for (guint m = 0; m < t->medicines->len; m++)
        {
          const char *med = g_array_index (t->medicines, TitrateMedicineRow, m).code;
          gboolean found = FALSE;

          for (guint k = 0; k < t->medicine_rules->len && !found; k++)
            {
              const TitrateMedicineRuleRow *row = &g_array_index (t->medicine_rules, TitrateMedicineRuleRow, k);

              found = g_strcmp0 (row->medicine, med) == 0 && strcmp (row->slot, slot) == 0;
            }
          if (!found)
            return _titrate_rules_fail (self, error, _("medicine %s names no rule for the check “%s”"), med, slot);
        }
    }

  /* Every medicine-keyed row names a medicine the table holds. */
#define CHECK_MEDICINE(array, type, table)                                              \
  for (guint i = 0; i < (array)->len; i++)                                            \
    if (_titrate_rules_medicine (self, g_array_index ((array), type, i).medicine) !=  \
        g_array_index ((array), type, i).medicine)                                    \
      return _titrate_rules_fail (self, error, _("table %s refers to an unknown medicine"), table);
  CHECK_MEDICINE (t->dose_limits, TitrateDoseLimitRow, "dose_limit");
  CHECK_MEDICINE (t->titration_limits, TitrateTitrationLimitRow, "titration_limit");
  CHECK_MEDICINE (t->renal_bands, TitrateRenalBandRow, "renal_band");
  CHECK_MEDICINE (t->tapers, TitrateTaperRow, "taper_rule");
#undef CHECK_MEDICINE

  /* A counselling point for a group the selection does not know would be
   * dropped from every handout without a word. */
  {
    g_autoptr(GPtrArray) points = titrate_rules_list_counselling (self);

    for (guint i = 0; i < points->len; i++)
      {
        const TitrateCounselling *c = g_ptr_array_index (points, i);

        if (!_titrate_counselling_population_is_known (c->population))
          return _titrate_rules_fail (self, error, _("counselling point %d names an unknown population “%s”"),
                                     (int) c->id, c->population);
        if (!_titrate_counselling_section_is_known (c->section))
          return _titrate_rules_fail (self, error, _("counselling point %d names an unknown section “%s”"),
                                     (int) c->id, c->section ? c->section : "");
      }

    /* The handout's "do not stop suddenly" box lists the warning signs of
     * each route: a medicine without them would print an empty box. */
    for (guint m = 0; m < t->medicines->len; m++)
      {
        const char *med = g_array_index (t->medicines, TitrateMedicineRow, m).code;
        const char *routes[] = { "oral", "intrathecal" };

        for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
          {
            gboolean found = FALSE;

            for (guint i = 0; i < points->len && !found; i++)
              {
                const TitrateCounselling *c = g_ptr_array_index (points, i);

                found = g_strcmp0 (c->medicine, med) == 0 && g_strcmp0 (c->section, "withdrawal_sign") == 0 &&
                        c->population == NULL && (c->route == NULL || strcmp (c->route, routes[r]) == 0);
              }
            if (!found)
              return _titrate_rules_fail (self, error, _("medicine %s has no withdrawal warning signs for the %s route"),
                                          med, routes[r]);
          }
      }
  }

  for (guint i = 0; required_input_ranges[i] != NULL; i++)
    {
      double min, max;
      gboolean excl;

      if (!titrate_rules_get_input_range (self, required_input_ranges[i], &min, &max, &excl))
        return _titrate_rules_fail (self, error, _("no input range for %s"), required_input_ranges[i]);
    }
  return TRUE;
}

gboolean
_titrate_rules_load_clinical (TitrateRules      *self,
                              TitrateRuleTables *t,
                              gpointer           db,
                              GError           **error)
{
  t->medicines = g_array_new (FALSE, TRUE, sizeof (TitrateMedicineRow));
  t->population_bands = g_array_new (FALSE, TRUE, sizeof (TitratePopulationBandRow));
  t->thresholds = g_array_new (FALSE, TRUE, sizeof (TitrateThresholdRow));
  t->input_ranges = g_array_new (FALSE, TRUE, sizeof (TitrateInputRangeRow));
  t->weight_for_age = g_array_new (FALSE, TRUE, sizeof (TitrateWeightForAgeRow));
  t->medicine_rules = g_array_new (FALSE, TRUE, sizeof (TitrateMedicineRuleRow));

  if (!run (self, db, "SELECT code, label, label_start, source FROM medicine ORDER BY code", read_medicine, t, error) ||
      !run (self, db, "SELECT medicine, code, metric, min_value, max_value, source, note FROM population_band",
            read_band, t, error) ||
      !run (self, db, "SELECT medicine, code, rule, metric, comparison, value, unit, severity, source, note "
            "FROM threshold", read_threshold, t, error) ||
      !run (self, db, "SELECT field, min_value, max_value, min_exclusive, source FROM input_range",
            read_input_range, t, error) ||
      !run (self, db, "SELECT age_min_years, age_max_years, min_kg, max_kg FROM weight_for_age "
            "ORDER BY age_min_years", read_weight_for_age, t, error) ||
      !run (self, db, "SELECT medicine, slot, rule FROM medicine_rule ORDER BY medicine, slot",
            read_medicine_rule, t, error))
    return FALSE;
  return validate (self, t, error);
}

void
_titrate_rules_free_clinical (TitrateRuleTables *t)
{
  g_clear_pointer (&t->medicines, g_array_unref);
  g_clear_pointer (&t->population_bands, g_array_unref);
  g_clear_pointer (&t->thresholds, g_array_unref);
  g_clear_pointer (&t->input_ranges, g_array_unref);
  g_clear_pointer (&t->weight_for_age, g_array_unref);
  g_clear_pointer (&t->medicine_rules, g_array_unref);
}

const TitrateRuleText *
_titrate_rules_medicine_rule (TitrateRules *self,
                              const char   *medicine,
                              const char   *slot)
{
  const GArray *rows = _titrate_rules_get_tables (self)->medicine_rules;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const TitrateMedicineRuleRow *row = &g_array_index (rows, TitrateMedicineRuleRow, i);

      if (g_strcmp0 (row->medicine, medicine) == 0 && strcmp (row->slot, slot) == 0)
        return row->rule;
    }
  return NULL;
}

gboolean
_titrate_rules_slot_is_mapped (TitrateRules *self,
                               const char   *slot)
{
  const GArray *rows = _titrate_rules_get_tables (self)->medicine_rules;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (strcmp (g_array_index (rows, TitrateMedicineRuleRow, i).slot, slot) == 0)
      return TRUE;
  return FALSE;
}

/**
 * titrate_rules_get_plausible_weight_kg:
 * @rules: the rules database
 * @age_years: the patient's age
 * @min_kg: (out): the lightest plausible weight for the age
 * @max_kg: (out): the heaviest plausible weight for the age
 *
 * An input plausibility check, not a clinical limit: the weight range the
 * rules database gives for this age (table weight_for_age: for children
 * the CDC 2000 growth charts' 3rd and 97th percentiles; for adults a
 * design-choice floor only). A weight outside it is to be questioned (a
 * typing slip?), never refused.
 *
 * Returns: FALSE (and NAN) when the database has no band for the age (an
 * unknown age, or one beyond the table).
 */
gboolean
titrate_rules_get_plausible_weight_kg (TitrateRules *rules,
                                       double        age_years,
                                       double       *min_kg,
                                       double       *max_kg)
{
  const GArray *rows;

  if (min_kg)
    *min_kg = NAN;
  if (max_kg)
    *max_kg = NAN;
  g_return_val_if_fail (TITRATE_IS_RULES (rules), FALSE);
  if (isnan (age_years))
    return FALSE;
  rows = _titrate_rules_get_tables (rules)->weight_for_age;
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const TitrateWeightForAgeRow *row = &g_array_index (rows, TitrateWeightForAgeRow, i);

      if (age_years >= row->age_min_years && age_years < row->age_max_years)
        {
          if (min_kg)
            *min_kg = row->min_kg;
          if (max_kg)
            *max_kg = row->max_kg;
          return TRUE;
        }
    }
  return FALSE;
}

const TitratePopulationBandRow *
_titrate_rules_band (TitrateRules *self,
                     const char   *medicine,
                     const char   *code)
{
  const GArray *bands = _titrate_rules_get_tables (self)->population_bands;

  for (guint i = 0; bands != NULL && i < bands->len; i++)
    {
      const TitratePopulationBandRow *row = &g_array_index (bands, TitratePopulationBandRow, i);

      if (row->medicine == medicine && strcmp (row->code, code) == 0)
        return row;
    }
  return NULL;
}

const TitrateThresholdRow *
_titrate_rules_threshold (TitrateRules *self,
                          const char   *medicine,
                          const char   *code)
{
  const GArray *rows = _titrate_rules_get_tables (self)->thresholds;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const TitrateThresholdRow *row = &g_array_index (rows, TitrateThresholdRow, i);

      if (row->medicine == medicine && strcmp (row->code, code) == 0)
        return row;
    }
  return NULL;
}

gboolean
_titrate_band_contains (const TitratePopulationBandRow *band,
                        double                          value)
{
  return band != NULL && !isnan (value) && value >= band->min_value && value < band->max_value;
}

gboolean
_titrate_threshold_fires (const TitrateThresholdRow *row,
                          double                     value)
{
  if (row == NULL || isnan (value))
    return FALSE;
  switch (row->comparison)
    {
    case TITRATE_CMP_LT:
      return value < row->value;
    case TITRATE_CMP_LE:
      return value <= row->value;
    case TITRATE_CMP_GT:
      return value > row->value;
    case TITRATE_CMP_GE:
      return value >= row->value;
    case TITRATE_CMP_NE:
      return fabs (value - row->value) > 1e-9;
    default:
      return FALSE;
    }
}

gboolean
titrate_rules_get_input_range (TitrateRules *self,
                               const char   *field,
                               double       *min,
                               double       *max,
                               gboolean     *min_exclusive)
{
  const GArray *rows;

  g_return_val_if_fail (TITRATE_IS_RULES (self), FALSE);
  rows = _titrate_rules_get_tables (self)->input_ranges;
  for (guint i = 0; field != NULL && rows != NULL && i < rows->len; i++)
    {
      const TitrateInputRangeRow *row = &g_array_index (rows, TitrateInputRangeRow, i);

      if (strcmp (row->field, field) == 0)
        {
          if (min)
            *min = row->min_value;
          if (max)
            *max = row->max_value;
          if (min_exclusive)
            *min_exclusive = row->min_exclusive;
          return TRUE;
        }
    }
  return FALSE;
}

/* Why the shared database could not be opened (set once, with it). */
static GError *shared_error;
/* Tests only: the reason the next first open is to fail with. */
static char *shared_failure_for_testing;

static gpointer
open_shared (gpointer data)
{
  /* Kept for the life of the process; NULL if the embedded database is
   * unusable, and then every range lookup fails (fail safe). */
  if (shared_failure_for_testing != NULL)
    {
      g_set_error_literal (&shared_error, TITRATE_ERROR, TITRATE_ERROR_RULES, shared_failure_for_testing);
      return NULL;
    }
  return _titrate_rules_open_embedded (&shared_error);
}

TitrateRules *
_titrate_rules_get_shared (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, open_shared, NULL);
}

const GError *
_titrate_rules_get_shared_error (void)
{
  return _titrate_rules_get_shared () == NULL ? shared_error : NULL;
}

void
_titrate_rules_fail_shared_for_testing (const char *reason)
{
  g_free (shared_failure_for_testing);
  shared_failure_for_testing = g_strdup (reason);
}

gboolean
titrate_rules_get_default_input_range (const char *field,
                                       double     *min,
                                       double     *max,
                                       gboolean   *min_exclusive)
{
  TitrateRules *shared = _titrate_rules_get_shared ();

  return shared != NULL && titrate_rules_get_input_range (shared, field, min, max, min_exclusive);
}

const char *
_titrate_rules_medicine_label (TitrateRules *self,
                               const char   *medicine)
{
  const GArray *rows = _titrate_rules_get_tables (self)->medicines;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (g_array_index (rows, TitrateMedicineRow, i).code == medicine)
      return g_array_index (rows, TitrateMedicineRow, i).label;
  return medicine;
}

static const TitrateMedicineRow *
medicine_row (TitrateRules *self,
              const char   *drug)
{
  const char *code = titrate_rules_lookup_medicine (self, drug);
  const GArray *rows = _titrate_rules_get_tables (self)->medicines;

  for (guint i = 0; code != NULL && rows != NULL && i < rows->len; i++)
    if (g_array_index (rows, TitrateMedicineRow, i).code == code)
      return &g_array_index (rows, TitrateMedicineRow, i);
  return NULL;
}

/**
 * titrate_rules_get_medicine_label:
 * @self: a validated rules database
 * @drug: (nullable): a regimen's drug, as typed; NULL for the default medicine
 *
 * Returns: (transfer none): the medicine's name as written inside a sentence
 *   ("baclofen"), translated, from the database's medicine table; @drug
 *   itself when the database holds no such medicine.
 */
const char *
titrate_rules_get_medicine_label (TitrateRules *self,
                                  const char   *drug)
{
  const TitrateMedicineRow *row;

  g_return_val_if_fail (TITRATE_IS_RULES (self), drug);
  row = medicine_row (self, drug);
  return row != NULL ? row->label : drug != NULL ? drug : "";
}

/**
 * titrate_rules_get_medicine_label_start:
 * @self: a validated rules database
 * @drug: (nullable): a regimen's drug, as typed; NULL for the default medicine
 *
 * Returns: (transfer none): the medicine's name opening a sentence or a
 *   heading ("Baclofen"), translated; @drug itself when the database holds
 *   no such medicine.
 */
const char *
titrate_rules_get_medicine_label_start (TitrateRules *self,
                                        const char   *drug)
{
  const TitrateMedicineRow *row;

  g_return_val_if_fail (TITRATE_IS_RULES (self), drug);
  row = medicine_row (self, drug);
  return row != NULL ? row->label_start : drug != NULL ? drug : "";
}

char *
titrate_rules_dup_medicine_codes (TitrateRules *self)
{
  const GArray *rows = _titrate_rules_get_tables (self)->medicines;
  GString *out = g_string_new (NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", g_array_index (rows, TitrateMedicineRow, i).code);
  return g_string_free (out, FALSE);
}

const char *
titrate_rules_lookup_medicine (TitrateRules *self,
                               const char   *drug)
{
  g_return_val_if_fail (TITRATE_IS_RULES (self), NULL);
  return _titrate_rules_medicine (self, drug);
}
