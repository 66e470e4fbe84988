/* titrate-document.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Regimen documents, format "titrate-regimen", version 1: the type, its
 * copies and its acknowledgements. Reading is in titrate-document-load.c,
 * writing in titrate-document-save.c, the JSON helpers they share in
 * titrate-json-read.c and titrate-json-write.c. */

#include "config.h"

#include <string.h>

#include "titrate-document-private.h"
#include "titrate-json-read.h"

G_DEFINE_BOXED_TYPE (TitrateDocument, titrate_document,
                     titrate_document_copy, titrate_document_free)

/* Keys the reader knows; anything else is "unknown" and kept (or refused). */
const char * const _titrate_document_root_keys[] = {
  "format", "version", "patient", "regimen", "comedications",
  "acknowledgements", "final", NULL
};

const char * const _titrate_document_patient_keys[] = {
  "age_years", "weight_kg", "sex", "serum_creatinine_mg_dl",
  "serum_creatinine_umol_l", "crcl_ml_min", "egfr_ml_min_1_73m2", "dialysis",
  "pregnant", "breastfeeding", "conditions", "allergies",
  "height_cm", "current_daily_mg", "current_since", NULL
};

const char * const _titrate_document_regimen_keys[] = {
  "drug", "route", "indication", "formulation", "strength_mg", "start_date",
  "concentration_mg_per_ml", "concentration_mcg_per_ml", "spasticity_origin",
  "steps", "protocol", "pump", "it_phase", "screening_effective_mcg", "screening_effect_hours", NULL
};

/* Acknowledgements */

void
_titrate_acknowledgement_free (gpointer data)
{
  TitrateAcknowledgement *ack = data;

  if (ack == NULL)
    return;

  g_free (ack->code);
  g_free (ack->reason);
  g_free (ack->date);
  g_free (ack->trigger);
  g_free (ack->trigger_untranslated);
  g_free (ack);
}

TitrateAcknowledgement *
_titrate_acknowledgement_new (const char *code,
                              const char *reason,
                              const char *date,
                              const char *trigger,
                              const char *trigger_untranslated)
{
  TitrateAcknowledgement *ack = g_new0 (TitrateAcknowledgement, 1);

  ack->code = g_strdup (code);
  ack->reason = g_strdup (reason);
  ack->date = g_strdup (date);
  ack->trigger = g_strdup (trigger);
  ack->trigger_untranslated = g_strdup (trigger_untranslated);

  return ack;
}

/* Document */

/**
 * titrate_document_new:
 *
 * Returns: (transfer full): an empty document: a patient with nothing known
 *   and an oral regimen with no steps
 */
TitrateDocument *
titrate_document_new (void)
{
  TitrateDocument *doc = g_new0 (TitrateDocument, 1);

  doc->patient = titrate_patient_new ();
  doc->regimen = titrate_regimen_new (TITRATE_ROUTE_ORAL);
  doc->comedications = g_ptr_array_new_with_free_func (g_free);
  doc->acknowledgements = g_ptr_array_new_with_free_func (_titrate_acknowledgement_free);
  doc->final = FALSE;
  doc->unknown_root = json_object_new ();
  doc->unknown_patient = json_object_new ();
  doc->unknown_regimen = json_object_new ();

  return doc;
}

TitrateDocument *
titrate_document_copy (const TitrateDocument *doc)
{
  TitrateDocument *copy;

  g_return_val_if_fail (doc != NULL, NULL);

  copy = g_new0 (TitrateDocument, 1);
  copy->patient = doc->patient != NULL ? titrate_patient_copy (doc->patient) : NULL;
  copy->regimen = doc->regimen != NULL ? titrate_regimen_copy (doc->regimen) : NULL;
  copy->comedications = g_ptr_array_new_with_free_func (g_free);
  copy->acknowledgements = g_ptr_array_new_with_free_func (_titrate_acknowledgement_free);
  copy->final = doc->final;

  if (doc->comedications != NULL)
    for (guint i = 0; i < doc->comedications->len; i++)
      g_ptr_array_add (copy->comedications,
                       g_strdup (g_ptr_array_index (doc->comedications, i)));

  if (doc->acknowledgements != NULL)
    for (guint i = 0; i < doc->acknowledgements->len; i++)
      {
        const TitrateAcknowledgement *ack = g_ptr_array_index (doc->acknowledgements, i);

        g_ptr_array_add (copy->acknowledgements,
                         _titrate_acknowledgement_new (ack->code, ack->reason, ack->date, ack->trigger,
                                                       ack->trigger_untranslated));
      }

  copy->unknown_root = _titrate_json_object_deep_copy (doc->unknown_root);
  copy->unknown_patient = _titrate_json_object_deep_copy (doc->unknown_patient);
  copy->unknown_regimen = _titrate_json_object_deep_copy (doc->unknown_regimen);

  return copy;
}

void
titrate_document_free (TitrateDocument *doc)
{
  if (doc == NULL)
    return;

  g_clear_pointer (&doc->patient, titrate_patient_free);
  g_clear_pointer (&doc->regimen, titrate_regimen_free);
  g_clear_pointer (&doc->comedications, g_ptr_array_unref);
  g_clear_pointer (&doc->acknowledgements, g_ptr_array_unref);
  g_clear_pointer (&doc->unknown_root, json_object_unref);
  g_clear_pointer (&doc->unknown_patient, json_object_unref);
  g_clear_pointer (&doc->unknown_regimen, json_object_unref);
  g_free (doc);
}

static void
set_acknowledgement (TitrateDocument *doc,
                     const char      *code,
                     const char      *trigger,
                     const char      *trigger_untranslated,
                     const char      *reason,
                     const char      *date)
{
  if (doc->acknowledgements == NULL)
    doc->acknowledgements = g_ptr_array_new_with_free_func (_titrate_acknowledgement_free);

  for (guint i = 0; i < doc->acknowledgements->len; i++)
    {
      TitrateAcknowledgement *ack = g_ptr_array_index (doc->acknowledgements, i);

      if (g_strcmp0 (ack->code, code) == 0)
        {
          g_ptr_array_index (doc->acknowledgements, i) =
            _titrate_acknowledgement_new (code, reason, date, trigger, trigger_untranslated);
          _titrate_acknowledgement_free (ack);
          return;
        }
    }

  g_ptr_array_add (doc->acknowledgements,
                   _titrate_acknowledgement_new (code, reason, date, trigger, trigger_untranslated));
}

void
titrate_document_set_acknowledgement (TitrateDocument *doc,
                                      const char      *code,
                                      const char      *reason,
                                      const char      *date)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (code != NULL && *code != '\0');
  g_return_if_fail (reason != NULL && *reason != '\0');
  g_return_if_fail (date == NULL || _titrate_json_is_iso_date (date));

  set_acknowledgement (doc, code, NULL, NULL, reason, date);
}

void
titrate_document_acknowledge_alert (TitrateDocument    *doc,
                                    const TitrateAlert *alert,
                                    const char         *reason,
                                    const char         *date)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (alert != NULL && alert->code != NULL);
  g_return_if_fail (reason != NULL && *reason != '\0');
  g_return_if_fail (date == NULL || _titrate_json_is_iso_date (date));

  /* The trigger as shown (what the prescriber read) and, when the checker
   * gave it, as untranslated text (what matches in every language). */
  set_acknowledgement (doc, alert->code, alert->trigger, alert->trigger_untranslated, reason, date);
}

const TitrateAcknowledgement *
titrate_document_find_acknowledgement (const TitrateDocument *doc,
                                       const TitrateAlert    *alert)
{
  const TitrateAcknowledgement *ack;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (alert != NULL, NULL);

  ack = titrate_document_get_acknowledgement (doc, alert->code);
  if (ack == NULL)
    return NULL;
  /* No trigger recorded: the code alone. */
  if (ack->trigger == NULL && ack->trigger_untranslated == NULL)
    return ack;
  /* The trigger as the prescriber saw it, in the same language. */
  if (ack->trigger != NULL && g_strcmp0 (ack->trigger, alert->trigger) == 0)
    return ack;
  /* In another language: the untranslated trigger, the same in every
   * language, so a changed value (a higher dose, a lower CrCl) still asks
   * again. A file written before "trigger_untranslated" has only the trigger
   * as shown; written in English, that is the untranslated trigger. */
  if (alert->trigger_untranslated != NULL)
    {
      const char *saved = ack->trigger_untranslated != NULL ? ack->trigger_untranslated : ack->trigger;

      if (strcmp (saved, alert->trigger_untranslated) == 0)
        return ack;
    }
  return NULL;
}

const TitrateAcknowledgement *
titrate_document_get_acknowledgement (const TitrateDocument *doc,
                                      const char            *code)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (doc->acknowledgements == NULL)
    return NULL;

  for (guint i = 0; i < doc->acknowledgements->len; i++)
    {
      const TitrateAcknowledgement *ack = g_ptr_array_index (doc->acknowledgements, i);

      if (g_strcmp0 (ack->code, code) == 0)
        return ack;
    }

  return NULL;
}

char *
titrate_document_dup_title (const TitrateDocument *doc)
{
  JsonNode *node;

  g_return_val_if_fail (doc != NULL, NULL);

  if (doc->unknown_root == NULL || !json_object_has_member (doc->unknown_root, "title"))
    return NULL;
  node = json_object_get_member (doc->unknown_root, "title");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}
