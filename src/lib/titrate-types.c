/* titrate-types.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "titrate-types.h"

static const char *route_names[] = { "oral", "intrathecal" };
static const char *sex_names[] = { "unknown", "female", "male" };
static const char *origin_names[] = { "unset", "spinal", "cerebral" };
static const char *severity_names[] = { "info", "minor", "moderate", "major", "contraindicated" };
static const char *category_names[] = {
  "dose", "titration", "withdrawal", "interaction", "duplication", "renal", "hepatic",
  "elderly", "pediatric", "pregnancy", "lactation", "condition", "allergy", "route", "input",
};
static const char *formulation_unit_names[] = { "mg_per_unit", "mg_per_ml", "mcg_per_ml" };
static const char *divisibility_names[] = { "unknown", "whole", "scored_half", "volume" };
static const char *phase_names[] = {
  "none", "start", "step_up", "maintenance", "taper", "stopped", "screening",
};

G_STATIC_ASSERT (G_N_ELEMENTS (severity_names) == TITRATE_N_SEVERITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (category_names) == TITRATE_N_CATEGORIES);

/* Index of @str in @names, searching from @first (values below it, such as
 * "unset", are not accepted as input). */
static gboolean
lookup (const char  *str,
        const char **names,
        guint        first,
        guint        n_names,
        guint       *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = first; i < n_names; i++)
    if (strcmp (str, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_STRINGS(type, prefix, names, first_valid)                       \
  const char *                                                                 \
  prefix##_to_string (type value)                                              \
  {                                                                            \
    g_return_val_if_fail ((gsize) value < G_N_ELEMENTS (names), NULL);         \
    return names[value];                                                       \
  }                                                                            \
  gboolean                                                                     \
  prefix##_from_string (const char *str,                                       \
                        type       *out)                                       \
  {                                                                            \
    guint v;                                                                   \
    if (!lookup (str, names, first_valid, G_N_ELEMENTS (names), &v))           \
      return FALSE;                                                            \
    *out = (type) v;                                                           \
    return TRUE;                                                               \
  }

DEFINE_STRINGS (TitrateRoute, titrate_route, route_names, 0)
DEFINE_STRINGS (TitrateSex, titrate_sex, sex_names, 0)
DEFINE_STRINGS (TitrateOrigin, titrate_origin, origin_names, 1)
DEFINE_STRINGS (TitrateSeverity, titrate_severity, severity_names, 0)
DEFINE_STRINGS (TitrateCategory, titrate_category, category_names, 0)
DEFINE_STRINGS (TitrateFormulationUnit, titrate_formulation_unit, formulation_unit_names, 0)
DEFINE_STRINGS (TitrateDivisibility, titrate_divisibility, divisibility_names, 1)

const char *
titrate_phase_to_string (TitratePhase phase)
{
  g_return_val_if_fail ((guint) phase < G_N_ELEMENTS (phase_names), NULL);
  return phase_names[phase];
}

const char *
titrate_route_unit (TitrateRoute route)
{
  return route == TITRATE_ROUTE_INTRATHECAL ? "mcg" : "mg";
}
