/* titrate-counselling.c — which counselling points apply to a patient
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "titrate-counselling.h"
#include "titrate-rules-private.h"

static gboolean
in_band (TitrateRules *rules,
         const char   *medicine,
         const char   *code,
         double        value)
{
  return _titrate_band_contains (_titrate_rules_band (rules, medicine, code), value);
}

/* Every population code population_applies() below answers for. */
static const char * const known_populations[] = {
  "clinician", "elderly", "pediatric", "pregnancy", "lactation", "aud", "epilepsy",
  "hepatic_or_diabetes", "intrathecal", "liquid", "renal", NULL
};

gboolean
_titrate_counselling_population_is_known (const char *population)
{
  return population == NULL || g_strv_contains (known_populations, population);
}

/* Whether a counselling row's population applies. An unknown population code
 * is left out: a point meant for another group (pregnancy, a pump) must not
 * reach this patient's handout (and the database is refused at open, see
 * _titrate_counselling_population_is_known()). */
static gboolean
population_applies (TitrateRules         *rules,
                    const char           *medicine,
                    const char           *population,
                    const TitratePatient *p,
                    const TitrateRegimen *r)
{
  if (population == NULL)
    return TRUE;
  if (strcmp (population, "clinician") == 0)
    return FALSE;
  if (strcmp (population, "elderly") == 0)
    return in_band (rules, medicine, "older_adult", p->age_years);
  if (strcmp (population, "pediatric") == 0)
    return in_band (rules, medicine, "child", p->age_years);
  if (strcmp (population, "pregnancy") == 0)
    return p->pregnant;
  if (strcmp (population, "lactation") == 0)
    return p->breastfeeding;
  if (strcmp (population, "aud") == 0)
    return g_strcmp0 (r->indication, "alcohol_use_disorder") == 0;
  if (strcmp (population, "epilepsy") == 0)
    return titrate_patient_has_condition (p, "epilepsy");
  if (strcmp (population, "hepatic_or_diabetes") == 0)
    return titrate_patient_has_condition (p, "hepatic_impairment") ||
           titrate_patient_has_condition (p, "diabetes");
  if (strcmp (population, "intrathecal") == 0)
    return r->route == TITRATE_ROUTE_INTRATHECAL;
  if (strcmp (population, "liquid") == 0)
    {
      const TitrateFormulation *f = titrate_rules_get_formulation (rules, r->formulation);

      return r->route == TITRATE_ROUTE_ORAL && f != NULL && f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML;
    }
  if (strcmp (population, "renal") == 0)
    {
      TitrateRenal renal;

      if (p->dialysis)
        return TRUE;
      titrate_patient_get_renal_with_rules (p, rules, r->drug, &renal);
      if (!isnan (renal.crcl_ml_min))
        return in_band (rules, medicine, "renal_reduced", renal.crcl_ml_min);
      return in_band (rules, medicine, "egfr_reduced", renal.egfr_ml_min_1_73m2);
    }
  return FALSE;
}

/* The rows of @section for this patient and regimen, in database order. */
static GPtrArray *
select_section (TitrateRules         *rules,
                const TitratePatient *patient,
                const TitrateRegimen *regimen,
                const char           *section)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *out = g_ptr_array_new ();
  const char *route;
  const char *medicine;

  g_return_val_if_fail (TITRATE_IS_RULES (rules), out);
  g_return_val_if_fail (patient != NULL && regimen != NULL, out);

  medicine = _titrate_rules_medicine (rules, regimen->drug);
  if (medicine == NULL)
    return out;
  route = titrate_route_to_string (regimen->route);
  all = titrate_rules_list_counselling (rules);
  for (guint i = 0; i < all->len; i++)
    {
      const TitrateCounselling *c = g_ptr_array_index (all, i);

      if (g_strcmp0 (c->medicine, medicine) != 0 || g_strcmp0 (c->section, section) != 0)
        continue;
      if (c->route != NULL && strcmp (c->route, route) != 0)
        continue;
      if (!population_applies (rules, medicine, c->population, patient, regimen))
        continue;
      g_ptr_array_add (out, (gpointer) c);
    }
  return out;
}

GPtrArray *
titrate_counselling_select (TitrateRules         *rules,
                            const TitratePatient *patient,
                            const TitrateRegimen *regimen)
{
  return select_section (rules, patient, regimen, "point");
}

GPtrArray *
titrate_counselling_select_withdrawal_signs (TitrateRules         *rules,
                                             const TitratePatient *patient,
                                             const TitrateRegimen *regimen)
{
  return select_section (rules, patient, regimen, "withdrawal_sign");
}

gboolean
_titrate_counselling_section_is_known (const char *section)
{
  return g_strcmp0 (section, "point") == 0 || g_strcmp0 (section, "withdrawal_sign") == 0;
}
