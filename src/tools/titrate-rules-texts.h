/* titrate-rules-texts.h — the rules database's translatable text columns
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One list, shared by the build-time compiler (which writes every text as
 * NC_("TABLE KEY COLUMN", "English") into data/rules/rules-strings.c for
 * xgettext) and by the library (which translates each text it loads with
 * g_dpgettext2 and the same context). The context names the row, not the
 * sentence: when the English of a row changes, msgmerge keeps the old
 * translation as fuzzy ("needs re-translation") instead of dropping it, and a
 * fuzzy translation is never shown (the English is, until a translator
 * confirms it).
 *
 * Plain C (no GLib): the compiler is a native build tool.
 */

#ifndef TITRATE_RULES_TEXTS_H
#define TITRATE_RULES_TEXTS_H

typedef enum {
  TITRATE_RULES_TEXT_MEDICINE_LABEL,
  TITRATE_RULES_TEXT_MEDICINE_LABEL_START,
  TITRATE_RULES_TEXT_RULE_TITLE,
  TITRATE_RULES_TEXT_RULE_REASON,
  TITRATE_RULES_TEXT_RULE_ACTION,
  TITRATE_RULES_TEXT_CONDITION_LABEL,
  TITRATE_RULES_TEXT_INDICATION_LABEL,
  TITRATE_RULES_TEXT_FORMULATION_LABEL,
  TITRATE_RULES_TEXT_DRUG_CLASS_LABEL,
  TITRATE_RULES_TEXT_PROTOCOL_NOTE,
  TITRATE_RULES_TEXT_PROTOCOL_ADJUSTMENT_NOTE,
  TITRATE_RULES_TEXT_COUNSELLING_TOPIC,
  TITRATE_RULES_TEXT_COUNSELLING_TEXT,
  TITRATE_RULES_TEXT_PUMP_TEXT_TEXT,
  TITRATE_RULES_TEXT_PUMP_SETTING_NOTE,
  TITRATE_RULES_TEXT_N
} TitrateRulesTextId;

#endif

/* The table itself, for the two files that read it (included a second time
 * with TITRATE_RULES_TEXTS_TABLE defined). */
#if defined (TITRATE_RULES_TEXTS_TABLE) && !defined (TITRATE_RULES_TEXTS_TABLE_H)
#define TITRATE_RULES_TEXTS_TABLE_H

/* table, key column (unique and stable: a code or an explicit id), text
 * column, and what the translator is told about it. */
typedef struct {
  const char *table;
  const char *key;
  const char *column;
  const char *comment;
} TitrateRulesTextColumn;

static const TitrateRulesTextColumn titrate_rules_text_columns[TITRATE_RULES_TEXT_N] = {
  [TITRATE_RULES_TEXT_MEDICINE_LABEL] = { "medicine", "code", "label", "medicine name inside a sentence" },
  [TITRATE_RULES_TEXT_MEDICINE_LABEL_START] = { "medicine", "code", "label_start", "medicine name opening a sentence" },
  [TITRATE_RULES_TEXT_RULE_TITLE] = { "rule", "code", "title", "alert title" },
  [TITRATE_RULES_TEXT_RULE_REASON] = { "rule", "code", "reason", "alert reason" },
  [TITRATE_RULES_TEXT_RULE_ACTION] = { "rule", "code", "action", "alert action for the prescriber" },
  [TITRATE_RULES_TEXT_CONDITION_LABEL] = { "condition", "code", "label", "patient condition" },
  [TITRATE_RULES_TEXT_INDICATION_LABEL] = { "indication", "code", "label", "indication" },
  [TITRATE_RULES_TEXT_FORMULATION_LABEL] = { "formulation", "code", "label", "formulation" },
  [TITRATE_RULES_TEXT_DRUG_CLASS_LABEL] = { "drug_class", "code", "label", "class of co-medication" },
  [TITRATE_RULES_TEXT_PROTOCOL_NOTE] = { "protocol", "id", "note", "note on a suggested schedule" },
  [TITRATE_RULES_TEXT_PROTOCOL_ADJUSTMENT_NOTE] = { "protocol_adjustment", "population", "note",
                                                    "note on a population adjustment" },
  [TITRATE_RULES_TEXT_COUNSELLING_TOPIC] = { "counselling", "id", "topic", "counselling topic (patient handout)" },
  [TITRATE_RULES_TEXT_COUNSELLING_TEXT] = { "counselling", "id", "text", "counselling text (patient handout)" },
  [TITRATE_RULES_TEXT_PUMP_TEXT_TEXT] = { "pump_text", "key", "text", "intrathecal pump text" },
  [TITRATE_RULES_TEXT_PUMP_SETTING_NOTE] = { "pump_setting", "key", "note", "note on an intrathecal pump setting" },
};

#endif
