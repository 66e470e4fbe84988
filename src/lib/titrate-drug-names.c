/* titrate-drug-names.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "titrate-drug-names.h"

/* Prescribers type comedications as they read them on a box or in a record:
 * "oxycodone HCl 5 mg tab", "zolpidem tartrate 10 MG Oral Tablet [Ambien]",
 * "hydrocodone/acetaminophen 5/325", "Percocet". The lexicon holds generic
 * names, brands and synonyms; this file reduces a typed text to those names.
 *
 * Order, most specific first, so that a listed name is never taken apart:
 *   1. the whole text (a combination product, then a lexicon name);
 *   2. without brackets, form and unit words, then also without numbers
 *      (strengths); each also without trailing salt words;
 *   3. split into ingredients on separators other than the hyphen, each part
 *      tried whole, without trailing salts, then split on hyphens;
 *   4. the bracketed text (an RxNorm brand such as "[Ambien]") when the rest
 *      left something unrecognised.
 * Whatever is left unrecognised is returned as such, naming the part. */

struct _TitrateDrugNames
{
  GHashTable *names_by_key;   /* not owned */
  GHashTable *words;          /* key → TitrateNameWordKind */
  GHashTable *combinations;   /* key → GPtrArray of const TitrateDrugName* */
};

#define PART_BREAK '\x1f'

TitrateDrugNames *
_titrate_drug_names_new (GHashTable *names_by_key)
{
  TitrateDrugNames *self = g_new0 (TitrateDrugNames, 1);

  self->names_by_key = names_by_key;
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->combinations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
_titrate_drug_names_free (TitrateDrugNames *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->words);
  g_hash_table_unref (self->combinations);
  g_free (self);
}

char *
_titrate_drug_names_key (const char *name)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normal = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  trimmed = g_strstrip (g_strdup (name));
  normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return NULL;
  /* Decomposed above; accents dropped so that "Liorésal" (the French brand)
   * and "baclofène" match "Lioresal" and "baclofene". */
  {
    GString *bare = g_string_new (NULL);
    g_autofree char *folded = NULL;

    for (const char *p = normal; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
          g_string_append_unichar (bare, c);
      }
    folded = g_string_free (bare, FALSE);
    return g_utf8_casefold (folded, -1);
  }
}

gboolean
_titrate_drug_names_add_word (TitrateDrugNames    *self,
                              const char          *word,
                              TitrateNameWordKind  kind)
{
  char *key = _titrate_drug_names_key (word);

  if (key == NULL || *key == '\0' || strchr (key, ' ') != NULL)
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_replace (self->words, key, GINT_TO_POINTER (kind));
  return TRUE;
}

gboolean
_titrate_drug_names_add_combination (TitrateDrugNames      *self,
                                     const char            *name,
                                     const TitrateDrugName *ingredient)
{
  char *key = _titrate_drug_names_key (name);
  GPtrArray *list;

  if (key == NULL || *key == '\0' || ingredient == NULL)
    {
      g_free (key);
      return FALSE;
    }
  list = g_hash_table_lookup (self->combinations, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->combinations, key, list);
    }
  else
    g_free (key);
  g_ptr_array_add (list, (gpointer) ingredient);
  return TRUE;
}

/* A combination product listed with fewer than two distinct ingredients
 * (one row lost): its name, or NULL. Matched before the lexicon, such a row
 * would silently hide the missing ingredient. */
const char *
_titrate_drug_names_incomplete_combination (TitrateDrugNames *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->combinations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;
      gboolean distinct = FALSE;

      for (guint i = 1; i < list->len && !distinct; i++)
        distinct = ((const TitrateDrugName *) g_ptr_array_index (list, i))->drug !=
                   ((const TitrateDrugName *) g_ptr_array_index (list, 0))->drug;
      if (!distinct)
        return key;
    }
  return NULL;
}

guint
_titrate_drug_names_count_words (TitrateDrugNames *self)
{
  return g_hash_table_size (self->words);
}

static TitrateNameWordKind
word_kind (TitrateDrugNames *self,
           const char       *word)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->words, word));
}

static void
add_match (GArray                *out,
           const char            *part,
           const TitrateDrugName *name)
{
  TitrateDrugMatch m = { g_strdup (part), name };

  g_array_append_val (out, m);
}

/* A whole key: a combination product (every ingredient) or one lexicon name. */
static gboolean
try_whole (TitrateDrugNames *self,
           const char       *key,
           GArray           *out)
{
  GPtrArray *combination;
  const TitrateDrugName *name;

  if (key == NULL || *key == '\0')
    return FALSE;
  combination = g_hash_table_lookup (self->combinations, key);
  if (combination != NULL)
    {
      for (guint i = 0; i < combination->len; i++)
        add_match (out, key, g_ptr_array_index (combination, i));
      return TRUE;
    }
  name = g_hash_table_lookup (self->names_by_key, key);
  if (name != NULL)
    {
      add_match (out, key, name);
      return TRUE;
    }
  return FALSE;
}

static gboolean
has_digit (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isdigit (*s))
      return TRUE;
  return FALSE;
}

/* Collapses runs of spaces and trims. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n\r", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_string_append_printf (s, "%s%s", s->len ? " " : "", tokens[i]);
  return g_string_free (s, FALSE);
}

/* Drops trailing salt words, keeping at least one word ("sodium oxybate"
 * keeps "sodium"; "oxycodone hcl" loses "hcl"). */
static char *
strip_salts (TitrateDrugNames *self,
             const char       *part)
{
  g_auto(GStrv) tokens = g_strsplit (part, " ", -1);
  guint n = g_strv_length (tokens);

  while (n > 1 && word_kind (self, tokens[n - 1]) == TITRATE_NAME_WORD_SALT)
    {
      g_free (tokens[n - 1]);
      tokens[--n] = NULL;
    }
  return g_strjoinv (" ", tokens);
}

/* A token made only of unit, form and number pieces: "mg", "units/day",
 * "5/325", "10mg/5ml". */
static gboolean
is_dose_token (TitrateDrugNames *self,
               const char       *token,
               gboolean          keep_numbers)
{
  g_auto(GStrv) pieces = g_strsplit (token, "/", -1);
  gboolean any = FALSE;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      TitrateNameWordKind kind;

      if (*pieces[i] == '\0')
        continue;
      kind = word_kind (self, pieces[i]);
      if (kind == TITRATE_NAME_WORD_FORM || kind == TITRATE_NAME_WORD_UNIT)
        any = TRUE;
      else if (!keep_numbers && has_digit (pieces[i]))
        any = TRUE;
      else
        return FALSE;
    }
  return any;
}

/* Removes bracketed text, collecting it in @alts; removes unit and form
 * words and, unless @keep_numbers ("Tylenol #3", "Tylenol No. 3"), numbers. */
static char *
clean_tokens (TitrateDrugNames *self,
              const char       *key,
              gboolean          keep_numbers,
              GPtrArray        *alts)
{
  GString *plain = g_string_new (NULL);
  GString *alt = NULL;
  int depth = 0;
  g_auto(GStrv) tokens = NULL;
  GString *kept = g_string_new (NULL);

  for (const char *p = key; *p; p++)
    {
      if (*p == '[' || *p == '(')
        {
          if (depth++ == 0)
            alt = g_string_new (NULL);
          g_string_append_c (plain, ' ');
          continue;
        }
      if ((*p == ']' || *p == ')') && depth > 0)
        {
          if (--depth == 0 && alt != NULL)
            {
              if (alts != NULL)
                g_ptr_array_add (alts, g_string_free (alt, FALSE));
              else
                g_string_free (alt, TRUE);
              alt = NULL;
            }
          g_string_append_c (plain, ' ');
          continue;
        }
      g_string_append_c (depth > 0 ? alt : plain, *p);
    }
  if (alt != NULL)
    g_string_free (alt, TRUE);

  tokens = g_strsplit_set (plain->str, " \t\n\r", -1);
  g_string_free (plain, TRUE);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];

      if (*t == '\0' || is_dose_token (self, t, keep_numbers))
        continue;
      g_string_append_printf (kept, "%s%s", kept->len ? " " : "", t);
    }
  return g_string_free (kept, FALSE);
}

/* Replaces separators (other than the hyphen) with PART_BREAK: single
 * characters inside words, separator words between them. */
static char *
mark_separators (TitrateDrugNames *self,
                 const char       *text)
{
  g_auto(GStrv) tokens = g_strsplit (text, " ", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];

      if (*t == '\0')
        continue;
      if (word_kind (self, t) == TITRATE_NAME_WORD_SEPARATOR && strcmp (t, "-") != 0)
        {
          g_string_append_c (s, PART_BREAK);
          continue;
        }
      if (s->len)
        g_string_append_c (s, ' ');
      for (const char *p = t; *p; p = g_utf8_next_char (p))
        {
          char one[8] = { 0 };

          memcpy (one, p, g_utf8_next_char (p) - p);
          /* Only punctuation splits inside a word: a one-letter separator
           * word would cut every name containing that letter. */
          if (strcmp (one, "-") != 0 && !g_unichar_isalnum (g_utf8_get_char (one)) &&
              word_kind (self, one) == TITRATE_NAME_WORD_SEPARATOR)
            g_string_append_c (s, PART_BREAK);
          else
            g_string_append (s, one);
        }
    }
  return g_string_free (s, FALSE);
}

static void clear_match (gpointer data);
static void resolve_part (TitrateDrugNames *self,
                          const char       *raw,
                          GArray           *out);

/* "lorazepam prn panic attacks", "oxycodone for back pain": the text before
 * the first reason word, resolved, when no word after it is a listed name
 * (otherwise FALSE, and the part is resolved as a whole). */
static gboolean
resolve_before_reason (TitrateDrugNames *self,
                       const char       *part,
                       GArray           *out)
{
  g_auto(GStrv) words = g_strsplit (part, " ", -1);
  g_autoptr(GArray) probe = NULL;
  GString *before;
  guint cut = 0;

  for (guint i = 1; words[i] != NULL && cut == 0; i++)
    if (word_kind (self, words[i]) == TITRATE_NAME_WORD_REASON)
      cut = i;
  if (cut == 0)
    return FALSE;

  probe = g_array_new (FALSE, TRUE, sizeof (TitrateDrugMatch));
  g_array_set_clear_func (probe, clear_match);
  for (guint j = cut + 1; words[j] != NULL; j++)
    if (try_whole (self, words[j], probe))
      return FALSE;

  before = g_string_new (NULL);
  for (guint i = 0; i < cut; i++)
    g_string_append_printf (before, "%s%s", before->len ? " " : "", words[i]);
  {
    g_autofree char *text = g_string_free (before, FALSE);
    g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (TitrateDrugMatch));

    /* Recognised or not, the name is the text before the reason: an
     * unrecognised one is reported by itself ("gabapenton"). The parts move
     * to @out, which frees them. */
    resolve_part (self, text, found);
    g_array_append_vals (out, found->data, found->len);
    return found->len > 0;
  }
}

static void
resolve_part (TitrateDrugNames *self,
              const char       *raw,
              GArray           *out)
{
  g_autofree char *part = squeeze (raw);
  g_autofree char *bare = NULL;
  g_auto(GStrv) pieces = NULL;

  if (*part == '\0')
    return;
  if (try_whole (self, part, out))
    return;
  bare = strip_salts (self, part);
  if (try_whole (self, bare, out))
    return;

  /* A sig's reason: "lorazepam prn panic attacks" is lorazepam, unless a
   * word after "prn" is itself a listed name (then nothing is set aside). */
  if (resolve_before_reason (self, part, out))
    return;

  /* Hyphenated names ("sacubitril-valsartan") were tried whole above. */
  if (strchr (bare, '-') != NULL && word_kind (self, "-") == TITRATE_NAME_WORD_SEPARATOR)
    {
      pieces = g_strsplit (bare, "-", -1);
      if (g_strv_length (pieces) > 1)
        {
          for (guint i = 0; pieces[i] != NULL; i++)
            {
              g_autofree char *piece = squeeze (pieces[i]);
              g_autofree char *piece_bare = NULL;

              if (*piece == '\0')
                continue;
              piece_bare = strip_salts (self, piece);
              if (!try_whole (self, piece, out) && !try_whole (self, piece_bare, out))
                add_match (out, piece, NULL);
            }
          return;
        }
    }
  add_match (out, part, NULL);
}

static gboolean
all_known (GArray *matches)
{
  for (guint i = 0; i < matches->len; i++)
    if (g_array_index (matches, TitrateDrugMatch, i).name == NULL)
      return FALSE;
  return matches->len > 0;
}

static void
clear_match (gpointer data)
{
  g_free (((TitrateDrugMatch *) data)->part);
}

static GArray *
new_matches (void)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (TitrateDrugMatch));

  g_array_set_clear_func (out, clear_match);
  return out;
}

static GArray *
resolve_key (TitrateDrugNames *self,
             const char       *key,
             gboolean          use_brackets)
{
  GArray *out = new_matches ();
  g_autoptr(GPtrArray) alts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *with_numbers = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *marked = NULL;
  g_auto(GStrv) parts = NULL;

  /* 1. The whole text. */
  if (try_whole (self, key, out))
    return out;

  /* 2. Without forms and units, then also without numbers (strengths). */
  with_numbers = clean_tokens (self, key, TRUE, alts);
  cleaned = clean_tokens (self, key, FALSE, NULL);
  for (guint pass = 0; pass < 2; pass++)
    {
      const char *text = pass == 0 ? with_numbers : cleaned;
      g_autofree char *bare = strip_salts (self, text);

      if (try_whole (self, text, out) || try_whole (self, bare, out))
        return out;
    }

  /* 3. Ingredients. */
  marked = mark_separators (self, cleaned);
  parts = g_strsplit (marked, (char[]) { PART_BREAK, '\0' }, -1);
  if (g_strv_length (parts) > 1)
    {
      /* "levodopa + carbidopa" may be listed as "levodopa/carbidopa". */
      g_autoptr(GPtrArray) bare = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *slash = NULL;
      g_autofree char *hyphen = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *part = squeeze (parts[i]);
          g_ptr_array_add (bare, strip_salts (self, part));
        }
      g_ptr_array_add (bare, NULL);
      slash = g_strjoinv ("/", (char **) bare->pdata);
      hyphen = g_strjoinv ("-", (char **) bare->pdata);
      if (try_whole (self, slash, out) || try_whole (self, hyphen, out))
        return out;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    resolve_part (self, parts[i], out);

  /* 4. A bracketed brand, when the rest was not fully recognised. */
  if (use_brackets && !all_known (out))
    for (guint i = 0; i < alts->len; i++)
      {
        g_autofree char *alt_key = squeeze (g_ptr_array_index (alts, i));
        GArray *alt = resolve_key (self, alt_key, FALSE);

        if (all_known (alt))
          {
            g_array_unref (out);
            return alt;
          }
        g_array_unref (alt);
      }

  /* Nothing left at all (e.g. "10 mg"): the whole text is not recognised. */
  if (out->len == 0)
    add_match (out, key, NULL);
  return out;
}

GArray *
_titrate_drug_names_resolve (TitrateDrugNames *self,
                             const char       *typed)
{
  g_autofree char *key = _titrate_drug_names_key (typed);

  if (key == NULL)
    {
      /* Not UTF-8: not recognised, shown as the replacement of the bytes. */
      GArray *out = new_matches ();
      g_autofree char *shown = typed ? g_utf8_make_valid (typed, -1) : NULL;

      if (shown != NULL && *g_strstrip (shown) != '\0')
        add_match (out, shown, NULL);
      return out;
    }
  if (*key == '\0')
    return new_matches ();
  return resolve_key (self, key, TRUE);
}

char *
_titrate_drug_names_clean (TitrateDrugNames *self,
                           const char       *typed)
{
  g_autofree char *key = _titrate_drug_names_key (typed);
  g_autofree char *cleaned = NULL;
  char *bare;

  if (key == NULL)
    return NULL;
  cleaned = clean_tokens (self, key, FALSE, NULL);
  bare = strip_salts (self, cleaned);
  if (*bare == '\0')
    g_clear_pointer (&bare, g_free);
  return bare;
}

gboolean
_titrate_drug_names_says_none (TitrateDrugNames *self,
                               const char       *typed)
{
  g_autofree char *key = _titrate_drug_names_key (typed);
  g_auto(GStrv) words = NULL;
  gboolean any = FALSE;

  if (key == NULL)
    return FALSE;
  words = g_strsplit_set (key, " \t,.;:-", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (word_kind (self, words[i]) != TITRATE_NAME_WORD_NO_ALLERGY)
        return FALSE;
      any = TRUE;
    }
  return any;
}
