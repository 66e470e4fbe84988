/* titrate-document-load.c — reading a regimen document
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Rules of the reader, in short:
 *
 *  - Every error names the field it is about with a path such as
 *    "patient.age_years" or "regimen.steps[2].daily_mcg".
 *  - A dose unit that does not fit the route (a key with an "mg" part in an
 *    intrathecal regimen, or an "mcg" part in an oral one) is refused with
 *    TITRATE_ERROR_UNIT. Nothing is ever converted.
 *  - Numbers must be JSON numbers within their range; booleans must be JSON
 *    booleans. A JSON null for an optional number or text means "not known",
 *    exactly as if the key were absent. A null boolean is refused: a missing
 *    "pregnant" is false, an explicit null is a mistake.
 *  - Unknown keys at the top level, in "patient" and in "regimen" are kept and
 *    written back on save. Unknown keys inside a step, a protocol or an
 *    acknowledgement are refused: they could change what a dose means and
 *    could not be written back.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "titrate-document-private.h"
#include "titrate-error.h"
#include "titrate-format.h"
#include "titrate-io.h"
#include "titrate-json-read.h"
#include "titrate-pump.h"
#include "titrate-rules-private.h"
#include "titrate-types.h"

/* Patient */

static gboolean
load_patient (JsonObject      *object,
              TitratePatient  *patient,
              JsonObject      *unknown,
              GError         **error)
{
  JsonNode *node;
  JsonNode *mg_dl = json_object_get_member (object, "serum_creatinine_mg_dl");
  JsonNode *umol_l = json_object_get_member (object, "serum_creatinine_umol_l");

  if (!_titrate_json_read_ranged (json_object_get_member (object, "age_years"),
                                  "patient.age_years",
                                  &patient->age_years, error))
    return FALSE;

  if (!_titrate_json_read_ranged (json_object_get_member (object, "weight_kg"),
                                  "patient.weight_kg",
                                  &patient->weight_kg, error))
    return FALSE;

  node = json_object_get_member (object, "sex");
  patient->sex = TITRATE_SEX_UNKNOWN;
  if (!_titrate_json_is_null (node))
    {
      if (!_titrate_json_is_string (node)
          || !titrate_sex_from_string (json_node_get_string (node), &patient->sex))
        {
          g_autofree char *got = _titrate_json_describe (node);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "patient.sex",
                                     _("must be \"female\", \"male\" or \"unknown\" (got %s)"), got);
        }
    }

  if (!_titrate_json_is_null (mg_dl) && !_titrate_json_is_null (umol_l))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "patient.serum_creatinine_mg_dl",
                               _("give either serum_creatinine_mg_dl or serum_creatinine_umol_l, "
                               "not both"));

  patient->serum_creatinine = NAN;
  patient->creatinine_unit = TITRATE_CREATININE_MG_DL;
  if (!_titrate_json_is_null (umol_l))
    {
      if (!_titrate_json_read_ranged (umol_l, "patient.serum_creatinine_umol_l",
                                      &patient->serum_creatinine, error))
        return FALSE;
      patient->creatinine_unit = TITRATE_CREATININE_UMOL_L;
    }
  else if (!_titrate_json_read_ranged (mg_dl, "patient.serum_creatinine_mg_dl",
                                       &patient->serum_creatinine, error))
    {
      return FALSE;
    }

  if (!_titrate_json_read_ranged (json_object_get_member (object, "crcl_ml_min"),
                                  "patient.crcl_ml_min",
                                  &patient->crcl_ml_min, error))
    return FALSE;

  if (!_titrate_json_read_ranged (json_object_get_member (object, "egfr_ml_min_1_73m2"),
                                  "patient.egfr_ml_min_1_73m2",
                                  &patient->egfr_ml_min_1_73m2, error))
    return FALSE;

  /* Compatible extensions of version 1: height, and what the patient
   * already takes (daily oral dose and since when). */
  if (!_titrate_json_read_ranged (json_object_get_member (object, "height_cm"), "patient.height_cm",
                                  &patient->height_cm, error)
      || !_titrate_json_read_ranged (json_object_get_member (object, "current_daily_mg"), "patient.current_daily_mg",
                                     &patient->current_daily_mg, error))
    return FALSE;
  g_date_clear (&patient->current_since, 1);
  node = json_object_get_member (object, "current_since");
  if (!_titrate_json_is_null (node)
      && !_titrate_json_read_date (node, "patient.current_since", &patient->current_since, NULL, error))
    return FALSE;

  if (!_titrate_json_read_boolean (json_object_get_member (object, "dialysis"),
                                   "patient.dialysis", &patient->dialysis, error)
      || !_titrate_json_read_boolean (json_object_get_member (object, "pregnant"),
                                      "patient.pregnant", &patient->pregnant, error)
      || !_titrate_json_read_boolean (json_object_get_member (object, "breastfeeding"),
                                      "patient.breastfeeding", &patient->breastfeeding, error))
    return FALSE;

  if (patient->conditions == NULL)
    patient->conditions = g_ptr_array_new_with_free_func (g_free);
  if (patient->allergies == NULL)
    patient->allergies = g_ptr_array_new_with_free_func (g_free);

  if (!_titrate_json_read_string_array (json_object_get_member (object, "conditions"),
                                        "patient.conditions", MAX_TEXT_LIST, patient->conditions, error)
      || !_titrate_json_read_string_array (json_object_get_member (object, "allergies"),
                                           "patient.allergies", MAX_TEXT_LIST, patient->allergies, error))
    return FALSE;

  _titrate_json_collect_unknown (object, (const char * const *) _titrate_document_patient_keys, unknown);
  return TRUE;
}

/* Steps */

static gboolean
load_oral_step (JsonObject   *object,
                const char   *path,
                int           day,
                TitrateStep  *step,
                GError      **error)
{
  static const char * const keys[] = { "day", "doses_mg", NULL };
  JsonNode *node = json_object_get_member (object, "doses_mg");
  g_autofree char *doses_path = g_strdup_printf ("%s.doses_mg", path);
  double doses[TITRATE_MAX_DOSES_PER_DAY];
  gboolean any = FALSE;
  JsonArray *array;
  guint n;

  if (!_titrate_json_refuse_unknown (object, keys, path, error))
    return FALSE;

  if (_titrate_json_is_null (node))
    {
      titrate_step_init_stopped (step, day);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, doses_path,
                                 _("must be a list of doses in mg (got %s)"), got);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > TITRATE_MAX_DOSES_PER_DAY)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, doses_path,
                               _("at most %d doses a day (got %u)"), TITRATE_MAX_DOSES_PER_DAY, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *dose_path = g_strdup_printf ("%s[%u]", doses_path, i);

      if (!_titrate_json_read_dose (json_array_get_element (array, i), dose_path, "mg",
                                    &doses[i], error))
        return FALSE;
      if (doses[i] > 0)
        any = TRUE;
    }

  if (!any)
    titrate_step_init_stopped (step, day);
  else
    titrate_step_init_oral (step, day, doses, n);

  return TRUE;
}

static gboolean
load_intrathecal_step (JsonObject   *object,
                       const char   *path,
                       int           day,
                       TitrateStep  *step,
                       GError      **error)
{
  static const char * const keys[] = { "day", "daily_mcg", "bolus_mcg", NULL };
  JsonNode *daily = json_object_get_member (object, "daily_mcg");
  JsonNode *bolus = json_object_get_member (object, "bolus_mcg");
  double value;

  if (!_titrate_json_refuse_unknown (object, keys, path, error))
    return FALSE;

  titrate_step_init_stopped (step, day);

  if (!_titrate_json_is_null (daily) && !_titrate_json_is_null (bolus))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                               _("give either daily_mcg or bolus_mcg, not both"));

  if (!_titrate_json_is_null (daily))
    {
      g_autofree char *daily_path = g_strdup_printf ("%s.daily_mcg", path);

      if (!_titrate_json_read_dose (daily, daily_path, "mcg", &value, error))
        return FALSE;
      if (value > 0)
        step->daily_mcg = value;
    }
  else if (!_titrate_json_is_null (bolus))
    {
      g_autofree char *bolus_path = g_strdup_printf ("%s.bolus_mcg", path);

      if (!_titrate_json_read_dose (bolus, bolus_path, "mcg", &value, error))
        return FALSE;
      if (value > 0)
        step->bolus_mcg = value;
    }

  return TRUE;
}

static gboolean
load_steps (JsonNode        *node,
            TitrateRegimen  *regimen,
            GError         **error)
{
  JsonArray *array;
  guint n;
  int previous_day = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.steps",
                                 _("must be a list of steps (got %s)"), got);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_STEPS)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.steps",
                               _("at most %d steps, the limit for a regimen document (got %u)"),
                               MAX_STEPS, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("regimen.steps[%u]", i);
      g_autofree char *day_path = g_strdup_printf ("%s.day", path);
      JsonObject *object;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      TitrateStep step;
      int day;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *got = _titrate_json_describe (element);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                     _("must be an object with a day and its doses (got %s)"), got);
        }
      object = json_node_get_object (element);

      /* Units first: a wrong unit is never read as a number. */
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);

          if (!_titrate_json_check_key_unit (member_path, name, regimen->route, error))
            return FALSE;
        }

      if (!json_object_has_member (object, "day"))
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, day_path, _("missing"));
      if (!_titrate_json_read_integer (json_object_get_member (object, "day"), day_path,
                                       1, MAX_PLAN_DAY, &day, error))
        return FALSE;

      if (day == previous_day)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, day_path,
                                   _("day %d appears twice; steps must be in increasing day order"),
                                   day);
      if (day < previous_day)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, day_path,
                                   _("steps must be in increasing day order (day %d comes after day %d)"),
                                   day, previous_day);
      previous_day = day;

      if (regimen->route == TITRATE_ROUTE_ORAL)
        {
          if (!load_oral_step (object, path, day, &step, error))
            return FALSE;
        }
      else
        {
          if (!load_intrathecal_step (object, path, day, &step, error))
            return FALSE;
        }

      if (!titrate_regimen_add_step (regimen, &step, error))
        return FALSE;
    }

  return TRUE;
}

/* Protocol */

static gboolean
load_protocol (JsonNode         *node,
               TitrateProtocol  *protocol,
               GError          **error)
{
  static const char * const titrate_keys[] = {
    "kind", "start_dose_mg", "doses_per_day", "step_mg_per_dose",
    "step_every_days", "target_daily_mg", NULL
  };
  static const char * const taper_keys[] = {
    "kind", "from_daily_mg", "doses_per_day", "step_mg_per_dose",
    "step_every_days", NULL
  };
  const char * const *keys;
  JsonObject *object;
  JsonNode *kind;
  const char *kind_str;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.protocol",
                                 _("must be an object (got %s)"), got);
    }
  object = json_node_get_object (node);

  /* A protocol is oral: any mcg key in it is a unit error. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *path = g_strdup_printf ("regimen.protocol.%s", name);

      if (!_titrate_json_check_key_unit (path, name, TITRATE_ROUTE_ORAL, error))
        return FALSE;
    }

  kind = json_object_get_member (object, "kind");
  kind_str = _titrate_json_is_string (kind) ? json_node_get_string (kind) : NULL;
  if (g_strcmp0 (kind_str, "titrate") == 0)
    {
      protocol->kind = TITRATE_PROTOCOL_TITRATE;
      keys = titrate_keys;
    }
  else if (g_strcmp0 (kind_str, "taper") == 0)
    {
      protocol->kind = TITRATE_PROTOCOL_TAPER;
      keys = taper_keys;
    }
  else
    {
      g_autofree char *got = _titrate_json_describe (kind);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.protocol.kind",
                                 _("must be \"titrate\" or \"taper\" (got %s)"), got);
    }

  if (!_titrate_json_refuse_unknown (object, keys, "regimen.protocol", error))
    return FALSE;

  /* Every field of the chosen kind is required. */
  for (guint i = 0; keys[i] != NULL; i++)
    if (_titrate_json_is_null (json_object_get_member (object, keys[i])))
      {
        g_autofree char *path = g_strdup_printf ("regimen.protocol.%s", keys[i]);
        g_autofree char *needed = g_strjoinv (", ", (char **) keys + 1);

        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                   _("missing (a %s protocol needs %s)"), kind_str, needed);
      }

  protocol->start_dose_mg = NAN;
  protocol->target_daily_mg = NAN;
  protocol->from_daily_mg = NAN;

  if (protocol->kind == TITRATE_PROTOCOL_TITRATE)
    {
      if (!_titrate_json_read_positive (json_object_get_member (object, "start_dose_mg"),
                                        "regimen.protocol.start_dose_mg",
                                        &protocol->start_dose_mg, error))
        return FALSE;
    }
  else
    {
      if (!_titrate_json_read_positive (json_object_get_member (object, "from_daily_mg"),
                                        "regimen.protocol.from_daily_mg",
                                        &protocol->from_daily_mg, error))
        return FALSE;
    }

  if (!_titrate_json_read_integer (json_object_get_member (object, "doses_per_day"),
                                   "regimen.protocol.doses_per_day",
                                   1, TITRATE_MAX_DOSES_PER_DAY, &protocol->doses_per_day, error)
      || !_titrate_json_read_positive (json_object_get_member (object, "step_mg_per_dose"),
                                       "regimen.protocol.step_mg_per_dose",
                                       &protocol->step_mg_per_dose, error)
      || !_titrate_json_read_integer (json_object_get_member (object, "step_every_days"),
                                      "regimen.protocol.step_every_days",
                                      1, MAX_STEP_EVERY_DAYS, &protocol->step_every_days, error))
    return FALSE;

  if (protocol->kind == TITRATE_PROTOCOL_TITRATE)
    {
      double start_daily = protocol->start_dose_mg * protocol->doses_per_day;

      if (!_titrate_json_read_positive (json_object_get_member (object, "target_daily_mg"),
                                        "regimen.protocol.target_daily_mg",
                                        &protocol->target_daily_mg, error))
        return FALSE;

      if (protocol->target_daily_mg < start_daily)
        {
          g_autofree char *start_str = titrate_format_amount (start_daily);
          g_autofree char *target_str = titrate_format_amount (protocol->target_daily_mg);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.protocol.target_daily_mg",
                                     _("%s mg is below the starting daily dose "
                                     "(start_dose_mg × doses_per_day = %s mg)"),
                                     target_str, start_str);
        }
    }

  return TRUE;
}

/* Regimen */

static gboolean
load_regimen (JsonObject      *object,
              TitrateRules    *rules,
              TitrateRegimen **out,
              JsonObject      *unknown,
              GError         **error)
{
  g_autoptr(TitrateRegimen) regimen = NULL;
  TitrateRoute route;
  JsonNode *node;
  JsonNode *steps;
  JsonNode *protocol;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  const char *drug_code = NULL;

  /* No drug named: the rules database's default medicine. */
  if (rules != NULL)
    drug_code = titrate_rules_lookup_medicine (rules, NULL);

  node = json_object_get_member (object, "drug");
  if (!_titrate_json_is_null (node))
    {
      g_autofree char *drug = NULL;

      if (_titrate_json_is_string (node))
        drug = g_strstrip (g_strdup (json_node_get_string (node)));

      /* The medicines the rules database in use holds rules for (no name in C). */
      {
        const char *medicine = rules && drug ? titrate_rules_lookup_medicine (rules, drug) : NULL;

        if (medicine == NULL)
          {
            g_autofree char *got = _titrate_json_describe (node);
            g_autofree char *known = rules ? titrate_rules_dup_medicine_codes (rules) : g_strdup ("");

            return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.drug",
                                       _("the rules database has rules for %s only (got %s)"), known, got);
          }
        drug_code = medicine;
      }
    }

  node = json_object_get_member (object, "route");
  if (_titrate_json_is_null (node))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.route",
                               _("missing (\"oral\" or \"intrathecal\")"));
  if (!_titrate_json_is_string (node)
      || !titrate_route_from_string (json_node_get_string (node), &route))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.route",
                                 _("must be \"oral\" or \"intrathecal\" (got %s)"), got);
    }

  /* Units before anything else: a wrong unit is never read as a number. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *path = g_strdup_printf ("regimen.%s", name);

      if (!_titrate_json_check_key_unit (path, name, route, error))
        return FALSE;
    }

  steps = json_object_get_member (object, "steps");
  protocol = json_object_get_member (object, "protocol");

  if (!_titrate_json_is_null (protocol) && route != TITRATE_ROUTE_ORAL)
    return _titrate_json_fail (error, TITRATE_ERROR_UNIT, "regimen.protocol",
                               _("protocols are written in mg for oral regimens; "
                               "an intrathecal regimen gives its steps in mcg"));

  if (!_titrate_json_is_null (protocol) && !_titrate_json_is_null (steps))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.protocol",
                               _("give either steps or protocol, not both"));

  regimen = titrate_regimen_new (route);
  regimen->route = route;
  g_free (regimen->drug);
  regimen->drug = g_strdup (drug_code);

  g_clear_pointer (&regimen->indication, g_free);
  if (!_titrate_json_read_text (json_object_get_member (object, "indication"),
                                "regimen.indication", &regimen->indication, error))
    return FALSE;

  g_clear_pointer (&regimen->formulation, g_free);
  if (!_titrate_json_read_text (json_object_get_member (object, "formulation"),
                                "regimen.formulation", &regimen->formulation, error))
    return FALSE;

  /* The unit check above already refused these on the wrong route. */
  if (!_titrate_json_read_positive (json_object_get_member (object, "strength_mg"),
                                    "regimen.strength_mg", &regimen->strength_mg, error)
      || !_titrate_json_read_positive (json_object_get_member (object, "concentration_mg_per_ml"),
                                       "regimen.concentration_mg_per_ml",
                                       &regimen->concentration_mg_per_ml, error)
      || !_titrate_json_read_positive (json_object_get_member (object, "concentration_mcg_per_ml"),
                                       "regimen.concentration_mcg_per_ml",
                                       &regimen->concentration_mcg_per_ml, error))
    return FALSE;

  g_date_clear (&regimen->start_date, 1);
  node = json_object_get_member (object, "start_date");
  if (!_titrate_json_is_null (node)
      && !_titrate_json_read_date (node, "regimen.start_date", &regimen->start_date, NULL, error))
    return FALSE;

  regimen->spasticity_origin = TITRATE_ORIGIN_UNSET;
  node = json_object_get_member (object, "spasticity_origin");
  if (!_titrate_json_is_null (node))
    {
      if (route != TITRATE_ROUTE_INTRATHECAL)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.spasticity_origin",
                                   _("only applies to intrathecal regimens"));

      if (!_titrate_json_is_string (node)
          || !titrate_origin_from_string (json_node_get_string (node),
                                          &regimen->spasticity_origin)
          || regimen->spasticity_origin == TITRATE_ORIGIN_UNSET)
        {
          g_autofree char *got = _titrate_json_describe (node);

          regimen->spasticity_origin = TITRATE_ORIGIN_UNSET;
          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.spasticity_origin",
                                     _("must be \"spinal\" or \"cerebral\" (got %s)"), got);
        }
    }

  /* Compatible extensions of version 1 for intrathecal regimens. */
  regimen->it_phase = TITRATE_IT_PHASE_UNSET;
  node = json_object_get_member (object, "it_phase");
  if (!_titrate_json_is_null (node))
    {
      const char *phase = _titrate_json_is_string (node) ? json_node_get_string (node) : NULL;

      if (route != TITRATE_ROUTE_INTRATHECAL)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.it_phase",
                                   _("only applies to intrathecal regimens"));
      if (g_strcmp0 (phase, "post_implant") == 0)
        regimen->it_phase = TITRATE_IT_PHASE_POST_IMPLANT;
      else if (g_strcmp0 (phase, "maintenance") == 0)
        regimen->it_phase = TITRATE_IT_PHASE_MAINTENANCE;
      else
        {
          g_autofree char *got = _titrate_json_describe (node);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.it_phase",
                                     _("must be \"post_implant\" or \"maintenance\" (got %s)"), got);
        }
    }
  if (!_titrate_json_read_positive (json_object_get_member (object, "screening_effective_mcg"),
                                    "regimen.screening_effective_mcg", &regimen->screening_effective_mcg, error)
      || !_titrate_json_read_positive (json_object_get_member (object, "screening_effect_hours"),
                                       "regimen.screening_effect_hours", &regimen->screening_effect_hours, error))
    return FALSE;
  if (route != TITRATE_ROUTE_INTRATHECAL && !isnan (regimen->screening_effect_hours))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.screening_effect_hours",
                               _("only applies to intrathecal regimens"));

  if (regimen->steps != NULL)
    g_array_set_size (regimen->steps, 0);
  if (!_titrate_json_is_null (steps) && !load_steps (steps, regimen, error))
    return FALSE;

  regimen->has_protocol = FALSE;
  if (!_titrate_json_is_null (protocol))
    {
      if (!load_protocol (protocol, &regimen->protocol, error))
        return FALSE;
      regimen->has_protocol = TRUE;
    }

  if (!titrate_regimen_validate (regimen, error))
    return FALSE;
  if (!titrate_pump_load (json_object_get_member (object, "pump"), regimen, &regimen->pump, error))
    return FALSE;

  _titrate_json_collect_unknown (object, (const char * const *) _titrate_document_regimen_keys, unknown);

  *out = g_steal_pointer (&regimen);
  return TRUE;
}

/* Acknowledgements */

static gboolean
load_acknowledgements (JsonNode         *node,
                       GPtrArray        *dest,
                       GError          **error)
{
  static const char * const keys[] = { "code", "reason", "date", "trigger", "trigger_untranslated", NULL };
  JsonArray *array;
  guint n;

  if (_titrate_json_is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "acknowledgements",
                                 _("must be a list (got %s)"), got);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_ACKNOWLEDGEMENTS)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "acknowledgements",
                               _("at most %d acknowledgements, the limit for a regimen document (got %u)"),
                               MAX_ACKNOWLEDGEMENTS, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("acknowledgements[%u]", i);
      g_autofree char *code_path = g_strdup_printf ("%s.code", path);
      g_autofree char *reason_path = g_strdup_printf ("%s.reason", path);
      g_autofree char *date_path = g_strdup_printf ("%s.date", path);
      g_autofree char *trigger_path = g_strdup_printf ("%s.trigger", path);
      g_autofree char *untranslated_path = g_strdup_printf ("%s.trigger_untranslated", path);
      g_autofree char *trigger = NULL;
      g_autofree char *untranslated = NULL;
      g_autofree char *code = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *date = NULL;
      JsonObject *object;
      JsonNode *date_node;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *got = _titrate_json_describe (element);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                     _("must be an object with a code and a reason (got %s)"), got);
        }
      object = json_node_get_object (element);

      if (!_titrate_json_refuse_unknown (object, keys, path, error))
        return FALSE;

      if (!_titrate_json_read_text (json_object_get_member (object, "code"), code_path,
                                    &code, error)
          || !_titrate_json_read_text (json_object_get_member (object, "reason"), reason_path,
                                       &reason, error))
        return FALSE;

      if (!_titrate_json_read_text (json_object_get_member (object, "trigger"), trigger_path, &trigger, error)
          || !_titrate_json_read_text (json_object_get_member (object, "trigger_untranslated"), untranslated_path,
                                       &untranslated, error))
        return FALSE;

      if (code == NULL)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, code_path, _("missing"));
      if (reason == NULL)
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, reason_path,
                                   _("missing; an acknowledgement needs a reason"));

      date_node = json_object_get_member (object, "date");
      if (!_titrate_json_is_null (date_node)
          && !_titrate_json_read_date (date_node, date_path, NULL, &date, error))
        return FALSE;

      for (guint j = 0; j < dest->len; j++)
        {
          TitrateAcknowledgement *other = g_ptr_array_index (dest, j);

          if (g_strcmp0 (other->code, code) == 0)
            return _titrate_json_fail (error, TITRATE_ERROR_INVALID, code_path,
                                       _("\"%s\" is acknowledged twice"), code);
        }

      g_ptr_array_add (dest, _titrate_acknowledgement_new (code, reason, date, trigger, untranslated));
    }

  return TRUE;
}

/* "<data>:2:7: Parse error: unexpected …" → "line 2, column 7: unexpected …" */
static char *
describe_parse_error (const char *message)
{
  const char *prefix = "<data>:";
  unsigned line, column;
  int consumed = 0;
  const char *rest;

  if (!g_str_has_prefix (message, prefix)
      || sscanf (message + strlen (prefix), "%u:%u: %n", &line, &column, &consumed) < 2
      || consumed == 0)
    return g_strdup (message);

  rest = message + strlen (prefix) + consumed;
  if (g_str_has_prefix (rest, "Parse error: "))
    rest += strlen ("Parse error: ");

  return g_strdup_printf ("line %u, column %u: %s", line, column, rest);
}

static gboolean
load_format_and_version (JsonObject  *root,
                         GError     **error)
{
  JsonNode *node;
  gint64 version;

  node = json_object_get_member (root, "format");
  if (node == NULL)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "format",
                               _("missing; this is not a Titrate regimen document"));
  if (!_titrate_json_is_string (node)
      || g_strcmp0 (json_node_get_string (node), TITRATE_DOCUMENT_FORMAT) != 0)
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "format",
                                 _("must be \"%s\" (got %s); this is not a Titrate regimen document"),
                                 TITRATE_DOCUMENT_FORMAT, got);
    }

  node = json_object_get_member (root, "version");
  if (node == NULL)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "version", _("missing"));
  if (!_titrate_json_get_integer (node, &version))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "version",
                                 _("must be a whole number (got %s)"), got);
    }
  if (version < 1)
    {
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "version", _("%s is not a valid version"), v);
    }
  if (version > TITRATE_DOCUMENT_VERSION)
    {
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_UNSUPPORTED,
                   _("version %s is not supported (this Titrate reads version %d)"),
                   v, TITRATE_DOCUMENT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * titrate_document_load_from_data:
 * @data: the document's text
 * @length: length of @data, or -1 if NUL-terminated
 * @error: return location for a #GError
 *
 * Reads a regimen document. Errors are in the TITRATE_ERROR domain: INVALID
 * (the message names the field), UNIT (a dose unit that does not fit the
 * route) or UNSUPPORTED (a newer version).
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
TitrateDocument *
titrate_document_load_from_data (const char  *data,
                                 gssize       length,
                                 GError     **error)
{
  return titrate_document_load_from_data_with_rules (data, length, NULL, error);
}

/**
 * titrate_document_load_from_data_with_rules:
 * @data: the document's text
 * @length: length of @data, or -1 if NUL-terminated
 * @rules: (nullable): the rules database in use (`--rules FILE`, an
 *   institution's database); %NULL for the embedded one
 * @error: return location for a #GError
 *
 * As titrate_document_load_from_data(), with `regimen.drug` checked against
 * the medicines of @rules, so a medicine that only the database in use holds
 * rules for loads.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
TitrateDocument *
titrate_document_load_from_data_with_rules (const char    *data,
                                            gssize         length,
                                            TitrateRules  *rules,
                                            GError       **error)
{
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root_node;
  JsonObject *root;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  len = length < 0 ? strlen (data) : (gsize) length;

  if (len > TITRATE_IO_MAX_DOCUMENT_BYTES)
    {
      g_autofree char *limit = g_format_size_full (TITRATE_IO_MAX_DOCUMENT_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("the document is larger than %s, the limit for a regimen document"), limit);
      return NULL;
    }

  if (!g_utf8_validate (data, (gssize) len, NULL))
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("not a JSON document: the text is not valid UTF-8"));
      return NULL;
    }

  /* A byte order mark, as some editors write, is not an error. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  /* Before json-glib recurses into it: depth, duplicate keys, NULs. */
  if (!titrate_io_json_prescan (data, len, TITRATE_IO_MAX_JSON_DEPTH, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_autofree char *message = describe_parse_error (local_error->message);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("not a JSON document: %s"), message);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("not a JSON document: the file is empty"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *got = _titrate_json_describe (root_node);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("not a Titrate regimen document: the top level must be "
                   "an object (got %s)"), got);
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!load_format_and_version (root, error))
    return NULL;

  doc = titrate_document_new ();

  object = _titrate_json_get_object_member (root, "patient", "patient", error);
  if (object == NULL || !load_patient (object, doc->patient, doc->unknown_patient, error))
    return NULL;

  object = _titrate_json_get_object_member (root, "regimen", "regimen", error);
  if (object == NULL)
    return NULL;
  g_clear_pointer (&doc->regimen, titrate_regimen_free);
  if (!load_regimen (object, rules ? rules : _titrate_rules_get_shared (), &doc->regimen,
                     doc->unknown_regimen, error))
    return NULL;

  if (!_titrate_json_read_string_array (json_object_get_member (root, "comedications"),
                                        "comedications", MAX_TEXT_LIST, doc->comedications, error))
    return NULL;

  if (!load_acknowledgements (json_object_get_member (root, "acknowledgements"),
                              doc->acknowledgements, error))
    return NULL;

  if (!_titrate_json_read_boolean (json_object_get_member (root, "final"), "final",
                                   &doc->final, error))
    return NULL;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!_titrate_json_key_in (name, _titrate_document_root_keys))
      json_object_set_member (doc->unknown_root, name, _titrate_json_deep_copy (member));

  return g_steal_pointer (&doc);
}

/**
 * titrate_document_load_from_file:
 * @file: the document
 * @error: return location for a #GError
 *
 * Reads a regimen document from @file. I/O errors are in the G_IO_ERROR
 * domain; content errors as for titrate_document_load_from_data().
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
TitrateDocument *
titrate_document_load_from_file (GFile   *file,
                                 GError **error)
{
  return titrate_document_load_from_file_with_rules (file, NULL, error);
}

/**
 * titrate_document_load_from_file_with_rules:
 * @file: the document
 * @rules: (nullable): the rules database in use; %NULL for the embedded one
 * @error: return location for a #GError
 *
 * As titrate_document_load_from_file(), with `regimen.drug` checked against
 * the medicines of @rules.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
TitrateDocument *
titrate_document_load_from_file_with_rules (GFile         *file,
                                            TitrateRules  *rules,
                                            GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Regular files only (a FIFO would block), and bounded. */
  if (!titrate_io_read_file (file, TITRATE_IO_MAX_DOCUMENT_BYTES, &contents, &length, error))
    return NULL;

  return titrate_document_load_from_data_with_rules (contents, (gssize) length, rules, error);
}

