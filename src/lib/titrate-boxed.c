/* titrate-boxed.c — boxed GTypes for the public structs: those that own
 * memory (their free functions live with their types), plain values, and
 * the rules database's rows (whose copies own their strings)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "titrate.h"
#include "titrate-document-private.h"

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

/* Plain values: the struct holds no pointers it owns (TitrateRenal's notes
 * are static strings), so a copy is the bytes. */

#define DEFINE_VALUE_BOXED(TypeName, type_name)                                \
  static TypeName *                                                            \
  type_name##_boxed_copy (const TypeName *value)                               \
  {                                                                            \
    g_return_val_if_fail (value != NULL, NULL);                                \
    return g_memdup2 (value, sizeof *value);                                   \
  }                                                                            \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_boxed_copy, g_free)

DEFINE_VALUE_BOXED (TitrateStep, titrate_step)
DEFINE_VALUE_BOXED (TitrateProtocol, titrate_protocol)
DEFINE_VALUE_BOXED (TitrateDay, titrate_day)
DEFINE_VALUE_BOXED (TitrateRenal, titrate_renal)
DEFINE_VALUE_BOXED (TitratePumpRefill, titrate_pump_refill)
DEFINE_VALUE_BOXED (TitratePumpBolus, titrate_pump_bolus)
DEFINE_VALUE_BOXED (TitratePumpDay, titrate_pump_day)

/* Structs whose strings belong to someone else (the rules database, or a
 * static string): the boxed copy owns copies of them, so it outlives the
 * #TitrateRules it came from. Only copies made here are freed here. */

#define DUP(field) copy->field = g_strdup (value->field)
#define FREE(field) g_free ((char *) value->field)

static TitrateLimit *
titrate_limit_boxed_copy (const TitrateLimit *value)
{
  TitrateLimit *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (rule_code);
  return copy;
}

static void
titrate_limit_boxed_free (TitrateLimit *value)
{
  FREE (rule_code);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateLimit, titrate_limit, titrate_limit_boxed_copy, titrate_limit_boxed_free)

static TitrateAcknowledgement *
titrate_acknowledgement_boxed_copy (const TitrateAcknowledgement *value)
{
  TitrateAcknowledgement *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_new0 (TitrateAcknowledgement, 1);
  DUP (code);
  DUP (reason);
  DUP (date);
  DUP (trigger);
  DUP (trigger_untranslated);
  return copy;
}

static void
titrate_acknowledgement_boxed_free (TitrateAcknowledgement *value)
{
  _titrate_acknowledgement_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateAcknowledgement, titrate_acknowledgement,
                     titrate_acknowledgement_boxed_copy, titrate_acknowledgement_boxed_free)

static TitratePumpModel *
titrate_pump_model_boxed_copy (const TitratePumpModel *value)
{
  TitratePumpModel *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (code);
  DUP (label);
  DUP (source);
  return copy;
}

static void
titrate_pump_model_boxed_free (TitratePumpModel *value)
{
  FREE (code);
  FREE (label);
  FREE (source);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitratePumpModel, titrate_pump_model,
                     titrate_pump_model_boxed_copy, titrate_pump_model_boxed_free)

static TitratePumpSetting *
titrate_pump_setting_boxed_copy (const TitratePumpSetting *value)
{
  TitratePumpSetting *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (key);
  DUP (source);
  DUP (evidence);
  DUP (note);
  return copy;
}

static void
titrate_pump_setting_boxed_free (TitratePumpSetting *value)
{
  FREE (key);
  FREE (source);
  FREE (evidence);
  FREE (note);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitratePumpSetting, titrate_pump_setting,
                     titrate_pump_setting_boxed_copy, titrate_pump_setting_boxed_free)

static TitrateRuleText *
titrate_rule_text_boxed_copy (const TitrateRuleText *value)
{
  TitrateRuleText *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (code);
  DUP (title);
  DUP (reason);
  DUP (action);
  DUP (source);
  DUP (evidence);
  DUP (reviewed);
  return copy;
}

static void
titrate_rule_text_boxed_free (TitrateRuleText *value)
{
  FREE (code);
  FREE (title);
  FREE (reason);
  FREE (action);
  FREE (source);
  FREE (evidence);
  FREE (reviewed);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateRuleText, titrate_rule_text,
                     titrate_rule_text_boxed_copy, titrate_rule_text_boxed_free)

static TitrateDrug *
titrate_drug_boxed_copy (const TitrateDrug *value)
{
  TitrateDrug *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (code);
  DUP (class_code);
  DUP (class_label);
  return copy;
}

static void
titrate_drug_boxed_free (TitrateDrug *value)
{
  if (value == NULL)
    return;
  FREE (code);
  FREE (class_code);
  FREE (class_label);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateDrug, titrate_drug, titrate_drug_boxed_copy, titrate_drug_boxed_free)

/* The copy owns a copy of the medicine it names, too. */
static TitrateDrugName *
titrate_drug_name_boxed_copy (const TitrateDrugName *value)
{
  TitrateDrugName *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (name);
  DUP (kind);
  copy->drug = value->drug != NULL ? titrate_drug_boxed_copy (value->drug) : NULL;
  return copy;
}

static void
titrate_drug_name_boxed_free (TitrateDrugName *value)
{
  FREE (name);
  FREE (kind);
  titrate_drug_boxed_free ((TitrateDrug *) value->drug);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateDrugName, titrate_drug_name,
                     titrate_drug_name_boxed_copy, titrate_drug_name_boxed_free)

static TitrateVocabItem *
titrate_vocab_item_boxed_copy (const TitrateVocabItem *value)
{
  TitrateVocabItem *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (code);
  DUP (label);
  return copy;
}

static void
titrate_vocab_item_boxed_free (TitrateVocabItem *value)
{
  FREE (code);
  FREE (label);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateVocabItem, titrate_vocab_item,
                     titrate_vocab_item_boxed_copy, titrate_vocab_item_boxed_free)

static TitrateFormulation *
titrate_formulation_boxed_copy (const TitrateFormulation *value)
{
  TitrateFormulation *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (code);
  DUP (label);
  DUP (unit);
  DUP (divisible);
  return copy;
}

static void
titrate_formulation_boxed_free (TitrateFormulation *value)
{
  FREE (code);
  FREE (label);
  FREE (unit);
  FREE (divisible);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateFormulation, titrate_formulation,
                     titrate_formulation_boxed_copy, titrate_formulation_boxed_free)

static TitrateStrength *
titrate_strength_boxed_copy (const TitrateStrength *value)
{
  TitrateStrength *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (formulation);
  DUP (product);
  return copy;
}

static void
titrate_strength_boxed_free (TitrateStrength *value)
{
  FREE (formulation);
  FREE (product);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateStrength, titrate_strength,
                     titrate_strength_boxed_copy, titrate_strength_boxed_free)

static TitrateSource *
titrate_source_boxed_copy (const TitrateSource *value)
{
  TitrateSource *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (key);
  DUP (citation);
  DUP (kind);
  return copy;
}

static void
titrate_source_boxed_free (TitrateSource *value)
{
  FREE (key);
  FREE (citation);
  FREE (kind);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateSource, titrate_source,
                     titrate_source_boxed_copy, titrate_source_boxed_free)

static TitrateCounselling *
titrate_counselling_boxed_copy (const TitrateCounselling *value)
{
  TitrateCounselling *copy;

  g_return_val_if_fail (value != NULL, NULL);
  copy = g_memdup2 (value, sizeof *value);
  DUP (topic);
  DUP (route);
  DUP (population);
  DUP (text);
  DUP (source);
  DUP (medicine);
  DUP (section);
  return copy;
}

static void
titrate_counselling_boxed_free (TitrateCounselling *value)
{
  FREE (topic);
  FREE (route);
  FREE (population);
  FREE (text);
  FREE (source);
  FREE (medicine);
  FREE (section);
  g_free (value);
}

G_DEFINE_BOXED_TYPE (TitrateCounselling, titrate_counselling,
                     titrate_counselling_boxed_copy, titrate_counselling_boxed_free)
