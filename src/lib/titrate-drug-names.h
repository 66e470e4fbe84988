/* titrate-drug-names.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate-rules.h"

G_BEGIN_DECLS

/**
 * TitrateDrugMatch:
 * @part: the part of the typed text this match is about, normalised (lower
 *   case, strengths and forms removed); shown when it was not recognised
 * @name: (nullable): the lexicon entry, or %NULL when @part was not recognised
 *
 * One ingredient of a typed comedication.
 */
typedef struct {
  char                  *part;
  const TitrateDrugName *name;
} TitrateDrugMatch;

/* Drug-name normaliser. Its vocabulary (salt, form, unit and separator words;
 * combination products) comes from the rules database (tables name_word and
 * drug_combination) and is loaded once at open. */
typedef struct _TitrateDrugNames TitrateDrugNames;

typedef enum {
  TITRATE_NAME_WORD_SALT = 1,
  TITRATE_NAME_WORD_FORM,
  TITRATE_NAME_WORD_UNIT,
  TITRATE_NAME_WORD_SEPARATOR,
  TITRATE_NAME_WORD_NO_ALLERGY,
  TITRATE_NAME_WORD_REASON,
} TitrateNameWordKind;

/* @names_by_key: casefolded, NFKC-normalised name → TitrateDrugName*; not owned. */
TitrateDrugNames *_titrate_drug_names_new             (GHashTable          *names_by_key);
void              _titrate_drug_names_free            (TitrateDrugNames    *self);
gboolean          _titrate_drug_names_add_word        (TitrateDrugNames    *self,
                                                       const char          *word,
                                                       TitrateNameWordKind  kind);
gboolean          _titrate_drug_names_add_combination (TitrateDrugNames    *self,
                                                       const char          *name,
                                                       const TitrateDrugName *ingredient);
guint             _titrate_drug_names_count_words     (TitrateDrugNames    *self);
const char       *_titrate_drug_names_incomplete_combination (TitrateDrugNames *self);

/* NFKC, casefolded, trimmed; NULL for invalid UTF-8. */
char             *_titrate_drug_names_key             (const char          *name);

/* Splits a comedication as typed ("oxycodone HCl 5 mg tab",
 * "hydrocodone/acetaminophen", "Percocet") into its ingredients, each either
 * recognised or not. Empty for blank text.
 * (transfer full) (element-type TitrateDrugMatch) */
GArray           *_titrate_drug_names_resolve         (TitrateDrugNames    *self,
                                                       const char          *typed);

/* The typed text with brackets, strengths, forms and trailing salts removed,
 * for searching the lexicon. (transfer full) NULL if nothing is left. */
char             *_titrate_drug_names_clean           (TitrateDrugNames    *self,
                                                       const char          *typed);

/* TRUE when @typed says there is no allergy ("NKDA", "No known drug allergies"). */
gboolean          _titrate_drug_names_says_none       (TitrateDrugNames    *self,
                                                       const char          *typed);

/* TRUE when @typed, an allergy entry, says there is none ("NKDA"). */
gboolean          titrate_rules_allergy_says_none     (TitrateRules        *self,
                                                       const char          *typed);

/* Public: resolves a typed comedication with the rules' lexicon.
 * (transfer full) (element-type TitrateDrugMatch) */
GArray           *titrate_rules_resolve_drug          (TitrateRules        *self,
                                                       const char          *typed);

G_END_DECLS
