/* test-rules-texts.c — every rules-database text is translated with its row's context
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In German and in French, from the build tree's catalogues: each text the
 * library hands out (condition, indication and formulation names, the
 * medicine's names, drug-class labels, counselling, pump texts and settings,
 * the suggested protocol's and the population adjustments' notes) is exactly
 * g_dpgettext2 ("TABLE KEY COLUMN", English) for its row, as rules-strings.c
 * gives the texts to xgettext; and each table has translations to check. A
 * library that looked a text up under another row's context, or none, fails.
 */

#include "config.h"

#include <locale.h>
#include <glib.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "titrate-planner.h"
#include "titrate-pump.h"
#include "titrate-rules.h"
#include "titrate-test-util.h"

static sqlite3 *db;

/* The row's English and what the catalogue gives for it under its context. */
static char *
expected (const char *table,
          const char *key_col,
          const char *column,
          const char *key,
          char      **english_out)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE CAST(\"%s\" AS TEXT) = ?1",
                                          column, table, key_col);
  g_autofree char *context = g_strdup_printf ("%s %s %s", table, key, column);
  sqlite3_stmt *stmt = NULL;
  char *english;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  english = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (english_out != NULL)
    *english_out = g_strdup (english);
  {
    char *translated = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, context, english));

    g_free (english);
    return translated;
  }
}

/* Asserts @shown is the row's translation; TRUE if it differs from the English. */
static gboolean
assert_row (const char *table,
            const char *key_col,
            const char *column,
            const char *key,
            const char *shown)
{
  g_autofree char *english = NULL;
  g_autofree char *want = expected (table, key_col, column, key, &english);

  if (g_strcmp0 (shown, want) != 0)
    g_error ("%s %s %s: the library shows “%s”, the catalogue says “%s”", table, key, column, shown, want);
  return g_strcmp0 (want, english) != 0;
}

static void
check_language (gconstpointer data)
{
  const char *locale = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(GPtrArray) counselling = NULL;
  g_autoptr(GPtrArray) models = NULL;
  guint translated = 0;
  const char *pump_texts[] = { "card_keep", "card_early_signs", "card_act_now" };
  const char *pump_settings[] = { "refill_margin_days", "long_interval_days" };

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip ("locale not installed (tools/install-deps.sh generates it)");
      return;
    }
  /* texts are translated once, when the database is read */
  rules = titrate_rules_new_for_path (g_getenv ("TITRATE_BUILT_RULES_DB"), &error);
  g_assert_no_error (error);

  conditions = titrate_rules_list_conditions (rules);
  for (guint i = 0; i < conditions->len; i++)
    {
      const TitrateVocabItem *c = g_ptr_array_index (conditions, i);
      translated += assert_row ("condition", "code", "label", c->code, c->label);
    }
  for (TitrateRoute route = TITRATE_ROUTE_ORAL; route <= TITRATE_ROUTE_INTRATHECAL; route++)
    {
      g_autoptr(GPtrArray) indications = titrate_rules_list_indications (rules, route);
      g_autoptr(GPtrArray) formulations = titrate_rules_list_formulations (rules, route);

      for (guint i = 0; i < indications->len; i++)
        {
          const TitrateVocabItem *c = g_ptr_array_index (indications, i);
          translated += assert_row ("indication", "code", "label", c->code, c->label);
        }
      for (guint i = 0; i < formulations->len; i++)
        {
          const TitrateFormulation *f = g_ptr_array_index (formulations, i);
          translated += assert_row ("formulation", "code", "label", f->code, f->label);
        }
    }
  translated += assert_row ("medicine", "code", "label", "baclofen", titrate_rules_get_medicine_label (rules, "baclofen"));
  translated += assert_row ("medicine", "code", "label_start", "baclofen",
                            titrate_rules_get_medicine_label_start (rules, "baclofen"));
  {
    const TitrateDrugName *n = titrate_rules_lookup_drug (rules, "lorazepam");

    g_assert_nonnull (n);
    translated += assert_row ("drug_class", "code", "label", n->drug->class_code, n->drug->class_label);
  }
  counselling = titrate_rules_list_counselling (rules);
  g_assert_cmpuint (counselling->len, >, 0);
  for (guint i = 0; i < counselling->len; i++)
    {
      const TitrateCounselling *c = g_ptr_array_index (counselling, i);
      g_autofree char *id = g_strdup_printf ("%d", c->id);

      translated += assert_row ("counselling", "id", "topic", id, c->topic);
      translated += assert_row ("counselling", "id", "text", id, c->text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pump_texts); i++)
    translated += assert_row ("pump_text", "key", "text", pump_texts[i],
                              titrate_pump_get_text (rules, pump_texts[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (pump_settings); i++)
    translated += assert_row ("pump_setting", "key", "note", pump_settings[i],
                              titrate_pump_get_setting (rules, pump_settings[i])->note);

  /* Suggested protocols: an older adult with CrCl about 31 mL/min (the
   * renal adjustment's note) and one with CrCl about 84 mL/min (the
   * older-adult adjustment's note); both carry the protocol's note */
  {
    struct { double weight, scr; const char *table, *key_col, *key; } cases[] = {
      { 55, 1.3, "protocol_adjustment", "population", "renal_moderate" },
      { 80, 0.7, "protocol_adjustment", "population", "elderly" },
      { 80, 0.7, "protocol", "id", NULL },
    };
    sqlite3_stmt *stmt = NULL;
    g_autofree char *protocol_id = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM protocol WHERE indication = 'spasticity' "
                                         "AND age_min_years <= 78 AND age_max_years > 78", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    protocol_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(TitratePatient) p = test_adult (78, cases[i].weight, TITRATE_SEX_FEMALE, cases[i].scr);
        g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, "1:5");
        g_autoptr(TitrateSuggestion) s = titrate_planner_suggest (rules, p, r, &error);
        const char *key = cases[i].key ? cases[i].key : protocol_id;
        g_autofree char *english = NULL;
        g_autofree char *want = expected (cases[i].table, cases[i].key_col, "note", key, &english);
        gboolean found = FALSE;

        g_assert_no_error (error);
        for (guint n = 0; n < s->notes->len && !found; n++)
          found = strstr (g_ptr_array_index (s->notes, n), want) != NULL;
        if (!found)
          g_error ("%s %s note: no suggestion note holds the catalogue's “%s”", cases[i].table, key, want);
        translated += g_strcmp0 (want, english) != 0;
      }
  }

  /* the catalogue translates these rows: otherwise nothing was proved */
  g_assert_cmpuint (translated, >, 30);
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TITRATE_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_cmpint (sqlite3_open_v2 (g_getenv ("TITRATE_BUILT_RULES_DB"), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_test_add_data_func ("/rules-texts/german", "de_DE.UTF-8", check_language);
  g_test_add_data_func ("/rules-texts/french", "fr_FR.UTF-8", check_language);
  return g_test_run ();
}
