/* titrate-document-save.c — writing a regimen document
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The writer emits the keys in a fixed order, numbers in their shortest form
 * that reads back to the same value (10, not 10.0; 1.1, not
 * 1.1000000000000001), and leaves out values that are not known. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "titrate-document-private.h"
#include "titrate-error.h"
#include "titrate-format.h"
#include "titrate-io.h"
#include "titrate-json-read.h"
#include "titrate-json-write.h"
#include "titrate-pump.h"
#include "titrate-rules-private.h"
#include "titrate-types.h"

static void
set_unknown (JsonObject         *object,
             JsonObject         *unknown,
             const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (unknown == NULL)
    return;

  json_object_iter_init_ordered (&iter, unknown);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!_titrate_json_key_in (name, known) && !json_object_has_member (object, name))
      json_object_set_member (object, name, _titrate_json_deep_copy (member));
}

static JsonObject *
patient_to_json (const TitratePatient *patient,
                 JsonObject           *unknown)
{
  JsonObject *object = json_object_new ();

  _titrate_json_set_number (object, "age_years", patient->age_years);
  _titrate_json_set_number (object, "weight_kg", patient->weight_kg);
  _titrate_json_set_number (object, "height_cm", patient->height_cm);
  if (patient->sex != TITRATE_SEX_UNKNOWN)
    json_object_set_string_member (object, "sex", titrate_sex_to_string (patient->sex));
  if (patient->creatinine_unit == TITRATE_CREATININE_UMOL_L)
    _titrate_json_set_number (object, "serum_creatinine_umol_l", patient->serum_creatinine);
  else
    _titrate_json_set_number (object, "serum_creatinine_mg_dl", patient->serum_creatinine);
  _titrate_json_set_number (object, "crcl_ml_min", patient->crcl_ml_min);
  _titrate_json_set_number (object, "egfr_ml_min_1_73m2", patient->egfr_ml_min_1_73m2);
  json_object_set_boolean_member (object, "dialysis", patient->dialysis);
  json_object_set_boolean_member (object, "pregnant", patient->pregnant);
  json_object_set_boolean_member (object, "breastfeeding", patient->breastfeeding);
  _titrate_json_set_string_array (object, "conditions", patient->conditions);
  _titrate_json_set_string_array (object, "allergies", patient->allergies);
  _titrate_json_set_number (object, "current_daily_mg", patient->current_daily_mg);
  if (g_date_valid (&patient->current_since))
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", (unsigned) g_date_get_year (&patient->current_since),
                  (unsigned) g_date_get_month (&patient->current_since),
                  (unsigned) g_date_get_day (&patient->current_since));
      json_object_set_string_member (object, "current_since", buf);
    }

  set_unknown (object, unknown, _titrate_document_patient_keys);
  return object;
}

static JsonObject *
step_to_json (const TitrateStep *step,
              TitrateRoute       route)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "day", step->day);

  if (route == TITRATE_ROUTE_ORAL)
    {
      JsonArray *doses = json_array_new ();
      guint n = MIN (step->n_doses, TITRATE_MAX_DOSES_PER_DAY);

      for (guint i = 0; i < n; i++)
        json_array_add_element (doses, _titrate_json_number_node (step->doses_mg[i]));
      json_object_set_array_member (object, "doses_mg", doses);
    }
  else if (isfinite (step->bolus_mcg) && step->bolus_mcg > 0)
    {
      _titrate_json_set_number (object, "bolus_mcg", step->bolus_mcg);
    }
  else if (isfinite (step->daily_mcg) && step->daily_mcg > 0)
    {
      _titrate_json_set_number (object, "daily_mcg", step->daily_mcg);
    }
  else
    {
      json_object_set_int_member (object, "daily_mcg", 0);
    }

  return object;
}

static JsonObject *
protocol_to_json (const TitrateProtocol *protocol)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "kind",
                                 protocol->kind == TITRATE_PROTOCOL_TAPER
                                 ? "taper" : "titrate");
  if (protocol->kind == TITRATE_PROTOCOL_TAPER)
    {
      _titrate_json_set_number (object, "from_daily_mg", protocol->from_daily_mg);
      json_object_set_int_member (object, "doses_per_day", protocol->doses_per_day);
      _titrate_json_set_number (object, "step_mg_per_dose", protocol->step_mg_per_dose);
      json_object_set_int_member (object, "step_every_days", protocol->step_every_days);
    }
  else
    {
      _titrate_json_set_number (object, "start_dose_mg", protocol->start_dose_mg);
      json_object_set_int_member (object, "doses_per_day", protocol->doses_per_day);
      _titrate_json_set_number (object, "step_mg_per_dose", protocol->step_mg_per_dose);
      json_object_set_int_member (object, "step_every_days", protocol->step_every_days);
      _titrate_json_set_number (object, "target_daily_mg", protocol->target_daily_mg);
    }

  return object;
}

static JsonObject *
regimen_to_json (const TitrateRegimen *regimen,
                 JsonObject           *unknown)
{
  JsonObject *object = json_object_new ();
  gboolean oral = regimen->route == TITRATE_ROUTE_ORAL;
  guint n_steps = regimen->steps != NULL ? regimen->steps->len : 0;

  {
    TitrateRules *shared = _titrate_rules_get_shared ();
    const char *drug = regimen->drug ? regimen->drug : shared ? titrate_rules_lookup_medicine (shared, NULL) : NULL;

    if (drug != NULL)
      json_object_set_string_member (object, "drug", drug);
  }
  json_object_set_string_member (object, "route", titrate_route_to_string (regimen->route));
  if (regimen->indication != NULL && *regimen->indication != '\0')
    json_object_set_string_member (object, "indication", regimen->indication);
  if (regimen->formulation != NULL && *regimen->formulation != '\0')
    json_object_set_string_member (object, "formulation", regimen->formulation);
  if (oral)
    _titrate_json_set_number (object, "strength_mg", regimen->strength_mg);

  if (g_date_valid (&regimen->start_date))
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%04u-%02u-%02u",
                  (unsigned) g_date_get_year (&regimen->start_date),
                  (unsigned) g_date_get_month (&regimen->start_date),
                  (unsigned) g_date_get_day (&regimen->start_date));
      json_object_set_string_member (object, "start_date", buf);
    }

  if (oral)
    {
      _titrate_json_set_number (object, "concentration_mg_per_ml", regimen->concentration_mg_per_ml);
    }
  else
    {
      _titrate_json_set_number (object, "concentration_mcg_per_ml", regimen->concentration_mcg_per_ml);
      if (regimen->spasticity_origin != TITRATE_ORIGIN_UNSET)
        json_object_set_string_member (object, "spasticity_origin",
                                       titrate_origin_to_string (regimen->spasticity_origin));
      if (regimen->it_phase != TITRATE_IT_PHASE_UNSET)
        json_object_set_string_member (object, "it_phase",
                                       regimen->it_phase == TITRATE_IT_PHASE_POST_IMPLANT ? "post_implant"
                                                                                          : "maintenance");
      _titrate_json_set_number (object, "screening_effective_mcg", regimen->screening_effective_mcg);
      _titrate_json_set_number (object, "screening_effect_hours", regimen->screening_effect_hours);
    }

  if (oral && regimen->has_protocol && n_steps == 0)
    {
      json_object_set_object_member (object, "protocol",
                                     protocol_to_json (&regimen->protocol));
    }
  else
    {
      JsonArray *steps = json_array_new ();

      for (guint i = 0; i < n_steps; i++)
        json_array_add_object_element (steps,
                                       step_to_json (&g_array_index (regimen->steps,
                                                                     TitrateStep, i),
                                                     regimen->route));
      json_object_set_array_member (object, "steps", steps);
    }
  if (regimen->pump != NULL && !oral)
    json_object_set_member (object, "pump", titrate_pump_to_json (regimen->pump));

  set_unknown (object, unknown, _titrate_document_regimen_keys);
  return object;
}

/**
 * titrate_document_to_json:
 * @doc: a document
 *
 * Returns: (transfer full): the document as a JSON object node, with the same
 *   content titrate_document_save() writes
 */
JsonNode *
titrate_document_to_json (const TitrateDocument *doc)
{
  g_autoptr(JsonObject) root = NULL;
  JsonArray *acks;
  JsonNode *node;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (doc->patient != NULL, NULL);
  g_return_val_if_fail (doc->regimen != NULL, NULL);

  root = json_object_new ();
  json_object_set_string_member (root, "format", TITRATE_DOCUMENT_FORMAT);
  json_object_set_int_member (root, "version", TITRATE_DOCUMENT_VERSION);
  json_object_set_object_member (root, "patient",
                                 patient_to_json (doc->patient, doc->unknown_patient));
  json_object_set_object_member (root, "regimen",
                                 regimen_to_json (doc->regimen, doc->unknown_regimen));
  _titrate_json_set_string_array (root, "comedications", doc->comedications);

  acks = json_array_new ();
  if (doc->acknowledgements != NULL)
    for (guint i = 0; i < doc->acknowledgements->len; i++)
      {
        const TitrateAcknowledgement *ack = g_ptr_array_index (doc->acknowledgements, i);
        JsonObject *object = json_object_new ();

        json_object_set_string_member (object, "code", ack->code);
        json_object_set_string_member (object, "reason", ack->reason);
        if (ack->date != NULL)
          json_object_set_string_member (object, "date", ack->date);
        if (ack->trigger != NULL)
          json_object_set_string_member (object, "trigger", ack->trigger);
        /* Only where it differs from the trigger (a translated interface):
         * written in English, a file holds the same keys as before, which
         * readers older than this key still open. Without it the trigger is
         * compared as the untranslated one (titrate_document_find_acknowledgement()). */
        if (ack->trigger_untranslated != NULL && g_strcmp0 (ack->trigger_untranslated, ack->trigger) != 0)
          json_object_set_string_member (object, "trigger_untranslated", ack->trigger_untranslated);
        json_array_add_object_element (acks, object);
      }
  json_object_set_array_member (root, "acknowledgements", acks);

  json_object_set_boolean_member (root, "final", doc->final);

  set_unknown (root, doc->unknown_root, _titrate_document_root_keys);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;
}

/**
 * titrate_document_to_data:
 * @doc: a document
 * @length: (out) (optional): length of the result
 *
 * Returns: (transfer full): the document as pretty-printed JSON
 */
char *
titrate_document_to_data (const TitrateDocument *doc,
                          gsize                 *length)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  root = titrate_document_to_json (doc);
  g_return_val_if_fail (root != NULL, NULL);

  return titrate_json_node_to_data (root, length);
}

/**
 * titrate_document_save:
 * @doc: a document
 * @file: where to write it
 * @error: return location for a #GError
 *
 * Writes @doc atomically: the new content goes to a temporary file that is
 * synced and renamed over @file, so a crash leaves either the old or the new
 * document, never a mix. Patient data stays private: the temporary file is
 * 0600, a new document too, an existing one keeps its permissions; a link is
 * followed to its target; a FIFO or device is refused, never replaced; the
 * temporary files of an interrupted save are removed by the next one (see
 * titrate_io_replace_file()).
 *
 * Returns: %TRUE on success
 */
gboolean
titrate_document_save (const TitrateDocument *doc,
                       GFile                 *file,
                       GError               **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = titrate_document_to_data (doc, &length);

  /* What could not be opened again is not written (deeply nested kept
   * keys grow when indented). */
  if (length > TITRATE_IO_MAX_DOCUMENT_BYTES)
    {
      g_autofree char *limit = g_format_size_full (TITRATE_IO_MAX_DOCUMENT_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("the document would be larger than %s, the limit for a regimen document; "
                     "nothing was written"), limit);
      return FALSE;
    }

  if (g_file_is_native (file))
    {
      g_autofree char *path = g_file_get_path (file);

      /* Follows a link to its target, keeps an existing file's
       * permissions, creates a new one private (0600). */
      if (path != NULL)
        return titrate_io_replace_file (path, data, length, 0600, error);
    }

  /* GIO's replace also writes a temporary file and renames it into place. */
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

