/* titrate-boxed.c — boxed GTypes for the public structs that own memory
 * (their free functions live with their types)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "titrate.h"

TitrateSuggestion *
titrate_suggestion_copy (const TitrateSuggestion *suggestion)
{
  TitrateSuggestion *copy;

  g_return_val_if_fail (suggestion != NULL, NULL);

  copy = g_new0 (TitrateSuggestion, 1);
  copy->protocol = suggestion->protocol;
  copy->ceiling_daily_mg = suggestion->ceiling_daily_mg;
  copy->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; suggestion->notes != NULL && i < suggestion->notes->len; i++)
    g_ptr_array_add (copy->notes, g_strdup (g_ptr_array_index (suggestion->notes, i)));
  return copy;
}

G_DEFINE_BOXED_TYPE (TitrateSuggestion, titrate_suggestion, titrate_suggestion_copy, titrate_suggestion_free)

TitratePumpPlan *
titrate_pump_plan_copy (const TitratePumpPlan *plan)
{
  TitratePumpPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof *plan);
  copy->days = plan->days != NULL ? g_array_copy (plan->days) : NULL;
  return copy;
}

G_DEFINE_BOXED_TYPE (TitratePumpPlan, titrate_pump_plan, titrate_pump_plan_copy, titrate_pump_plan_free)
