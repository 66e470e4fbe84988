/* titrate-units.c — what one dose is in the chosen product (tablets,
 * packets, mL of an oral liquid)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the planner (day-by-day view) and the checker (doses that cannot
 * be measured), so neither includes the other's header for it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "titrate-format.h"
#include "titrate-rules-private.h"
#include "titrate-types.h"
#include "titrate-units.h"

/* A formulation name ("Tablet", "Oral solution") inside a sentence: in lower
 * case where the language writes it so, unchanged where it keeps its capital. */
char *
_titrate_label_in_sentence (const char *label)
{
  /* Translators: "lowercase" if a formulation name such as "Tablet" is written
   * in lower case inside a sentence in your language (English, French); "keep"
   * if it keeps its capital (German nouns). Anything else means "lowercase". */
  if (g_strcmp0 (C_("formulation name inside a sentence", "lowercase"), "keep") == 0)
    return g_strdup (label);
  return g_utf8_strdown (label, -1);
}

void
_titrate_unit_for_regimen (TitrateRules         *rules,
                           const TitrateRegimen *regimen,
                           double               *strength,
                           TitrateDivisibility  *divisible)
{
  const TitrateFormulation *f;

  *strength = NAN;
  *divisible = TITRATE_DIVISIBILITY_UNKNOWN;
  if (rules == NULL || regimen->route != TITRATE_ROUTE_ORAL)
    return;
  f = titrate_rules_get_formulation (rules, regimen->formulation);
  if (f == NULL || f->route != TITRATE_ROUTE_ORAL)
    return;

  if (f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML)
    {
      *strength = regimen->concentration_mg_per_ml;
      *divisible = TITRATE_DIVISIBILITY_VOLUME;
    }
  else
    {
      const TitrateStrength *s;

      *strength = regimen->strength_mg;
      *divisible = f->divisibility;
      /* Halves only where the database marks that tablet as scored. */
      if (f->divisibility == TITRATE_DIVISIBILITY_SCORED_HALF)
        {
          s = titrate_rules_get_strength (rules, regimen->formulation, regimen->strength_mg);
          if (s == NULL || !s->scored)
            *divisible = TITRATE_DIVISIBILITY_WHOLE;
        }
    }
}

gboolean
titrate_planner_units (TitrateRules         *rules,
                       const TitrateRegimen *regimen,
                       double                dose_mg,
                       double               *units)
{
  double strength;
  TitrateDivisibility divisible;

  _titrate_unit_for_regimen (rules, regimen, &strength, &divisible);
  if (isnan (strength))
    {
      *units = NAN;
      return TRUE;
    }
  return titrate_units_per_dose (dose_mg, strength, divisible, units);
}

char *
titrate_planner_unit_name (TitrateRules         *rules,
                           const TitrateRegimen *regimen)
{
  const TitrateFormulation *f;
  double strength;
  TitrateDivisibility divisible;
  g_autofree char *amount = NULL;
  g_autofree char *label = NULL;

  _titrate_unit_for_regimen (rules, regimen, &strength, &divisible);
  if (isnan (strength))
    return NULL;
  f = titrate_rules_get_formulation (rules, regimen->formulation);
  amount = titrate_format_amount_display (strength);
  /* the database English while titrate_check() makes untranslated triggers */
  label = _titrate_label_in_sentence (_titrate_rules_trigger_text (rules, f->label));
  if (divisible == TITRATE_DIVISIBILITY_VOLUME)
    return g_strdup_printf (_("mL of %s mg/mL %s"), amount, label);
  if (divisible == TITRATE_DIVISIBILITY_SCORED_HALF)
    return g_strdup_printf (_("× %s mg %s (scored: halves allowed)"), amount, label);
  if (f->divisibility == TITRATE_DIVISIBILITY_SCORED_HALF)
    return g_strdup_printf (_("× %s mg %s (not scored: whole only)"), amount, label);
  return g_strdup_printf (_("× %s mg %s (whole only)"), amount, label);
}
