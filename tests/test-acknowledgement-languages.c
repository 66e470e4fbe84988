/* test-acknowledgement-languages.c — an acknowledgement holds in every
 * interface language
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A prescriber acknowledges the major alerts of a plan and saves it; a
 * colleague opens it in another language. The alerts are the same alerts on
 * the same patient values, so they must open acknowledged, whichever language
 * wrote the file and whichever reads it (files written before the
 * language-independent trigger was stored included, when written in English).
 * A changed patient value (a lower CrCl) must still ask again, in every
 * language. Runs with the build tree's compiled catalogues
 * ($TITRATE_LOCALEDIR); skipped when fr_FR.UTF-8 is not installed.
 *
 * The library caches some translated labels per process, so the tests that
 * switch language inside this process check the acknowledgement matching;
 * every-example-across-processes checks what a colleague sees: each
 * language in a process of its own (a writer subprocess, titrate-cli check).
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "titrate.h"

#define ENGLISH "C.UTF-8"
#define FRENCH  "fr_FR.UTF-8"

/* older-adult-ckd.titrate: 78 years, 55 kg, creatinine 1.3 mg/dL (CrCl
 * 30.9 mL/min), lorazepam, and epilepsy (a condition whose label comes from
 * the rules database, translated there). */
static char *
example_data (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), "older-adult-ckd.titrate", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TitrateDocument) doc = titrate_document_load_from_file (file, &error);

  g_assert_no_error (error);
  g_ptr_array_add (doc->patient->conditions, g_strdup ("epilepsy"));
  return titrate_document_to_data (doc, NULL);
}

static gboolean
have_french (void)
{
  if (setlocale (LC_ALL, FRENCH) == NULL)
    {
      setlocale (LC_ALL, ENGLISH);
      g_test_skip ("fr_FR.UTF-8 not installed (tools/install-deps.sh generates it)");
      return FALSE;
    }
  setlocale (LC_ALL, ENGLISH);
  return TRUE;
}

/* The rules read in @locale (their texts translated then), once per locale;
 * switches to @locale. */
static TitrateRules *
rules_in (const char *locale)
{
  static GHashTable *opened;   /* locale → TitrateRules */
  g_autoptr(GError) error = NULL;
  TitrateRules *rules;

  g_assert_nonnull (setlocale (LC_ALL, locale));
  if (opened == NULL)
    opened = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  rules = g_hash_table_lookup (opened, locale);
  if (rules == NULL)
    {
      rules = titrate_rules_new_for_path (g_getenv ("TITRATE_BUILT_RULES_DB"), &error);
      g_assert_no_error (error);
      g_hash_table_insert (opened, (gpointer) locale, rules);
    }
  return rules;
}

/* What the window's header counts: the alerts of @data, opened in @locale,
 * that still need acknowledging. */
static guint
unacknowledged_in (const char *locale,
                   const char *data)
{
  g_autoptr(GError) error = NULL;
  TitrateRules *rules = rules_in (locale);
  TitrateDocument *doc = titrate_document_load_from_data (data, -1, &error);
  g_autoptr(TitratePlan) plan = NULL;
  guint n;

  g_assert_no_error (error);
  plan = titrate_plan_new_for_document (rules, doc);
  g_assert_true (titrate_plan_get_checked (plan));
  g_assert_cmpuint (titrate_plan_count_severity (plan, TITRATE_SEVERITY_MAJOR) +
                    titrate_plan_count_severity (plan, TITRATE_SEVERITY_CONTRAINDICATED), >=, 3);
  n = titrate_plan_count_unacknowledged (plan);
  setlocale (LC_ALL, ENGLISH);
  return n;
}

/* The alerts of @data as a prescriber working in @locale sees them: the rules
 * are read (and their texts translated) in that language. */
static GPtrArray *
check_in (const char       *locale,
          TitrateDocument **doc_out,
          const char       *data)
{
  g_autoptr(GError) error = NULL;
  TitrateRules *rules = rules_in (locale);
  GPtrArray *alerts;

  *doc_out = titrate_document_load_from_data (data, -1, &error);
  g_assert_no_error (error);
  alerts = titrate_check (rules, (*doc_out)->patient, (*doc_out)->regimen, (*doc_out)->comedications, &error);
  g_assert_no_error (error);
  g_assert_nonnull (alerts);
  return alerts;
}

static const TitrateAlert *
find (GPtrArray  *alerts,
      const char *code)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);

      if (strcmp (a->code, code) == 0)
        return a;
    }
  return NULL;
}

/* The alerts this plan must raise, among them the three that need acknowledging. */
static const char * const expected[] = { "interaction.benzodiazepine", "renal.moderate", "condition.epilepsy", NULL };

/* Acknowledges every alert of @data as seen in @locale; returns the file. */
static char *
acknowledge_every_alert_in (const char *locale,
                            const char *data,
                            gboolean    ckd_example)
{
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GPtrArray) alerts = check_in (locale, &doc, data);
  guint major = 0;
  char *saved;

  for (guint i = 0; i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);
      g_autofree char *reason = g_strdup_printf ("Reviewed %s", a->code);

      major += a->severity >= TITRATE_SEVERITY_MAJOR;
      titrate_document_acknowledge_alert (doc, a, reason, "2027-01-04");
    }
  for (guint i = 0; ckd_example && expected[i] != NULL; i++)
    g_assert_nonnull (find (alerts, expected[i]));
  if (ckd_example)
    g_assert_cmpuint (major, >=, 3);
  saved = titrate_document_to_data (doc, NULL);
  setlocale (LC_ALL, ENGLISH);
  return saved;
}

static char *
acknowledge_all_in (const char *locale,
                    const char *data)
{
  return acknowledge_every_alert_in (locale, data, TRUE);
}

/* Every alert of @data, read in @locale, is acknowledged with its reason;
 * returns the triggers as shown (to prove the languages differ). */
static char *
assert_all_acknowledged_in (const char *locale,
                            const char *data)
{
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GPtrArray) alerts = check_in (locale, &doc, data);
  GString *shown = g_string_new (NULL);

  for (guint i = 0; i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);
      const TitrateAcknowledgement *ack = titrate_document_find_acknowledgement (doc, a);
      g_autofree char *reason = g_strdup_printf ("Reviewed %s", a->code);

      if (ack == NULL)
        g_error ("%s: “%s” (%s) opens unacknowledged", locale, a->trigger, a->code);
      g_assert_cmpstr (ack->reason, ==, reason);
      g_string_append_printf (shown, "%s\n", a->trigger ? a->trigger : "");
    }
  g_assert_nonnull (find (alerts, "renal.moderate"));
  g_assert_nonnull (find (alerts, "interaction.benzodiazepine"));
  /* a trigger made from a rules database text (the condition's label) */
  g_assert_nonnull (find (alerts, "condition.epilepsy"));
  setlocale (LC_ALL, ENGLISH);
  /* the header: nothing left to acknowledge */
  g_assert_cmpuint (unacknowledged_in (locale, data), ==, 0);
  return g_string_free (shown, FALSE);
}

/* Every alert whose trigger names the CrCl stops being acknowledged when the
 * CrCl changes; the others (the comedication) still are. */
static void
assert_changed_crcl_asks_again_in (const char *locale,
                                   const char *data)
{
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(TitrateDocument) lower = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *changed = NULL;
  const TitrateAlert *renal;

  {
    g_autoptr(GError) error = NULL;

    lower = titrate_document_load_from_data (data, -1, &error);
    g_assert_no_error (error);
  }
  /* Weight 55 → 60 kg: CrCl 30.9 → 33.8 mL/min, the same renal band. */
  lower->patient->weight_kg = 60;
  changed = titrate_document_to_data (lower, NULL);

  alerts = check_in (locale, &doc, changed);
  renal = find (alerts, "renal.moderate");
  g_assert_nonnull (renal);
  g_assert_nonnull (titrate_document_get_acknowledgement (doc, "renal.moderate"));
  if (titrate_document_find_acknowledgement (doc, renal) != NULL)
    g_error ("%s: “%s” kept the acknowledgement of another CrCl", locale, renal->trigger);
  g_assert_nonnull (titrate_document_find_acknowledgement (doc, find (alerts, "interaction.benzodiazepine")));
  setlocale (LC_ALL, ENGLISH);
  /* the header: one to acknowledge again */
  g_assert_cmpuint (unacknowledged_in (locale, changed), ==, 1);
}

static void
test_english_to_french (void)
{
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *english = NULL;
  g_autofree char *french = NULL;

  if (!have_french ())
    return;
  data = example_data ();
  saved = acknowledge_all_in (ENGLISH, data);
  /* Written in English, the trigger is the untranslated one: the file has
   * the keys it always had (older readers refuse unknown ones). */
  g_assert_nonnull (strstr (saved, "\"trigger\""));
  g_assert_null (strstr (saved, "trigger_untranslated"));
  english = assert_all_acknowledged_in (ENGLISH, saved);
  french = assert_all_acknowledged_in (FRENCH, saved);
  /* The French triggers really are French, decimal commas included: the
   * match is not a comparison of identical texts. */
  g_assert_nonnull (strstr (english, "30.9"));
  g_assert_nonnull (strstr (french, "30,9"));
  g_assert_null (strstr (french, "30.9"));
  /* ...and French words (the catalogue in $TITRATE_LOCALEDIR is built). */
  g_assert_null (strstr (french, "Comedication:"));
  g_assert_cmpstr (english, !=, french);
  assert_changed_crcl_asks_again_in (ENGLISH, saved);
  assert_changed_crcl_asks_again_in (FRENCH, saved);
}

static void
test_french_to_english (void)
{
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *english = NULL;
  g_autofree char *french = NULL;

  if (!have_french ())
    return;
  data = example_data ();
  saved = acknowledge_all_in (FRENCH, data);
  /* The file shows the prescriber's words (French) as the trigger. */
  g_assert_nonnull (strstr (saved, "30,9"));
  french = assert_all_acknowledged_in (FRENCH, saved);
  english = assert_all_acknowledged_in (ENGLISH, saved);
  g_assert_cmpstr (english, !=, french);
  assert_changed_crcl_asks_again_in (ENGLISH, saved);
  assert_changed_crcl_asks_again_in (FRENCH, saved);
}

/* A file from before the language-independent trigger: only "trigger", as
 * the English interface showed it. */
static char *
strip_new_key (const char *saved)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  JsonArray *acks;
  guint stripped = 0;

  g_assert_true (json_parser_load_from_data (parser, saved, -1, NULL));
  acks = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "acknowledgements");
  for (guint i = 0; i < json_array_get_length (acks); i++)
    {
      JsonObject *ack = json_array_get_object_element (acks, i);

      g_assert_true (json_object_has_member (ack, "trigger"));
      if (json_object_has_member (ack, "trigger_untranslated"))
        {
          json_object_remove_member (ack, "trigger_untranslated");
          stripped++;
        }
    }
  /* Written in French: the untranslated triggers are stored. */
  g_assert_cmpuint (stripped, >=, 2);
  json_generator_set_root (gen, json_parser_get_root (parser));
  return json_generator_to_data (gen, NULL);
}

static void
test_old_english_file_in_french (void)
{
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *old = NULL;
  g_autofree char *french = NULL;
  g_autofree char *english = NULL;

  if (!have_french ())
    return;
  data = example_data ();
  /* What a version before "trigger_untranslated" wrote in English: the
   * trigger as shown, nothing else (this version writes the same). */
  saved = acknowledge_all_in (ENGLISH, data);
  old = g_strdup (saved);
  english = assert_all_acknowledged_in (ENGLISH, old);
  french = assert_all_acknowledged_in (FRENCH, old);
  assert_changed_crcl_asks_again_in (ENGLISH, old);
  assert_changed_crcl_asks_again_in (FRENCH, old);
}

/* A file written in French before "trigger_untranslated": it still holds in
 * French (the trigger as shown), and a changed value still asks again. (In
 * another language nothing tells what the French trigger was: it asks again,
 * the safe direction.) */
static void
test_old_french_file_in_french (void)
{
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *old = NULL;
  g_autofree char *french = NULL;

  if (!have_french ())
    return;
  data = example_data ();
  saved = acknowledge_all_in (FRENCH, data);
  old = strip_new_key (saved);
  french = assert_all_acknowledged_in (FRENCH, old);
  assert_changed_crcl_asks_again_in (FRENCH, old);
}

/* The new key is written next to the old ones and read back; the trigger
 * stays what the prescriber saw. */
static void
test_saved_keys (void)
{
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const TitrateAcknowledgement *ack;

  if (!have_french ())
    return;
  data = example_data ();
  saved = acknowledge_all_in (FRENCH, data);
  doc = titrate_document_load_from_data (saved, -1, &error);
  g_assert_no_error (error);
  ack = titrate_document_get_acknowledgement (doc, "renal.moderate");
  g_assert_nonnull (ack);
  g_assert_nonnull (strstr (ack->trigger, "30,9"));
  g_assert_nonnull (ack->trigger_untranslated);
  g_assert_nonnull (strstr (ack->trigger_untranslated, "30.9"));
  g_assert_cmpstr (ack->trigger_untranslated, !=, ack->trigger);
  ack = titrate_document_get_acknowledgement (doc, "interaction.benzodiazepine");
  g_assert_nonnull (ack);
  g_assert_cmpstr (ack->trigger_untranslated, ==, "Comedication: lorazepam");
}

/* The untranslated triggers of @data in @locale, by code. */
static GHashTable *
untranslated_in (const char *locale,
                 const char *data,
                 guint      *n_alerts)
{
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GPtrArray) alerts = check_in (locale, &doc, data);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);

      /* In English the untranslated trigger is the one shown. */
      if (g_str_equal (locale, ENGLISH) && a->trigger_untranslated != NULL)
        g_assert_cmpstr (a->trigger_untranslated, ==, a->trigger);
      g_hash_table_insert (keys, g_strdup (a->code), g_strdup (a->trigger_untranslated));
    }
  *n_alerts = alerts->len;
  setlocale (LC_ALL, ENGLISH);
  return keys;
}

static void
assert_same_untranslated (const char *name,
                          const char *data,
                          guint      *n_compared)
{
  const char * const others[] = { FRENCH, "de_DE.UTF-8", NULL };
  g_autoptr(GHashTable) english = NULL;
  guint n_english;

  english = untranslated_in (ENGLISH, data, &n_english);
  for (guint l = 0; others[l] != NULL; l++)
    {
      g_autoptr(GHashTable) other = NULL;
      GHashTableIter iter;
      gpointer code, key;
      guint n_other;

      if (setlocale (LC_ALL, others[l]) == NULL)
        continue;
      other = untranslated_in (others[l], data, &n_other);
      g_assert_cmpuint (n_other, ==, n_english);
      g_hash_table_iter_init (&iter, english);
      while (g_hash_table_iter_next (&iter, &code, &key))
        {
          g_assert_true (g_hash_table_contains (other, code));
          if (g_strcmp0 (key, g_hash_table_lookup (other, code)) != 0)
            g_error ("%s, %s: %s: untranslated trigger “%s” in %s, “%s” in English", name, others[l],
                     (char *) code, (char *) g_hash_table_lookup (other, code), others[l], (char *) key);
          *n_compared += key != NULL;
        }
    }
}

/* Every alert of every bundled example and teaching scenario (and each with
 * every listed condition and an unmarketed tablet strength, whose triggers
 * name rules database texts) has the same untranslated trigger in English,
 * French and German. */
static void
test_every_example (void)
{
  const char *dirs[] = { g_getenv ("TITRATE_EXAMPLES"), g_getenv ("TITRATE_SCENARIOS") };
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(GError) error = NULL;
  guint n_compared = 0;
  guint n_files = 0;

  if (!have_french ())
    return;
  rules = titrate_rules_new_for_path (g_getenv ("TITRATE_BUILT_RULES_DB"), &error);
  g_assert_no_error (error);
  conditions = titrate_rules_list_conditions (rules);
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *entry;

      g_assert_nonnull (dirs[d]);
      dir = g_dir_open (dirs[d], 0, &error);
      g_assert_no_error (error);
      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[d], entry, NULL);
          g_autofree char *data = NULL;
          g_autofree char *more = NULL;
          g_autoptr(TitrateDocument) doc = NULL;

          if (!g_str_has_suffix (entry, ".titrate"))
            continue;
          g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
          assert_same_untranslated (entry, data, &n_compared);

          doc = titrate_document_load_from_data (data, -1, &error);
          g_assert_no_error (error);
          for (guint i = 0; i < conditions->len; i++)
            g_ptr_array_add (doc->patient->conditions,
                             g_strdup (((const TitrateVocabItem *) g_ptr_array_index (conditions, i))->code));
          if (doc->regimen->route == TITRATE_ROUTE_ORAL && !isnan (doc->regimen->strength_mg))
            doc->regimen->strength_mg = 7;
          more = titrate_document_to_data (doc, NULL);
          assert_same_untranslated (entry, more, &n_compared);
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, >=, 20);
  /* otherwise nothing was compared */
  g_assert_cmpuint (n_compared, >=, 100);
}

/* `titrate-cli check FILE` in @locale (a fresh process, as a colleague opens
 * the file): the number of alerts, and of those acknowledged. */
static void
cli_check_in (const char *locale,
              const char *path,
              guint      *n_alerts,
              guint      *n_acknowledged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("TITRATE_CLI"), "check", path, NULL };
  int status = 0;
  JsonArray *alerts;

  g_assert_nonnull (argv[0]);
  env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("titrate-cli check %s in %s: %s", path, locale, err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  alerts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "alerts");
  *n_alerts = json_array_get_length (alerts);
  *n_acknowledged = 0;
  for (guint i = 0; i < *n_alerts; i++)
    {
      JsonObject *a = json_array_get_object_element (alerts, i);

      if (json_object_has_member (a, "acknowledged"))
        (*n_acknowledged)++;
      else
        g_test_message ("%s, %s: %s not acknowledged: %s", path, locale,
                        json_object_get_string_member (a, "code"), json_object_get_string_member (a, "trigger"));
    }
}

/* Run in a fresh process (g_test_trap_subprocess()) whose first language is
 * $ACK_LOCALE: acknowledges every alert of $ACK_IN, saves to $ACK_OUT. */
static void
test_subprocess_write (void)
{
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("only run by the other tests");
      return;
    }
  g_assert_true (g_file_get_contents (g_getenv ("ACK_IN"), &data, NULL, NULL));
  {
    /* as the app does: the plan's alerts, acknowledged in its document */
    TitrateRules *rules = rules_in (g_getenv ("ACK_LOCALE"));
    g_autoptr(GError) error = NULL;
    TitrateDocument *doc = titrate_document_load_from_data (data, -1, &error);
    g_autoptr(TitratePlan) plan = NULL;
    g_autoptr(GPtrArray) alerts = NULL;

    g_assert_no_error (error);
    /* as titrate-cli and the app open a file */
    g_assert_true (titrate_regimen_expand_protocol (doc->regimen, &error));
    g_assert_no_error (error);
    doc->regimen->has_protocol = FALSE;
    plan = titrate_plan_new_for_document (rules, doc);
    alerts = titrate_plan_dup_alert_array (plan);
    for (guint i = 0; i < alerts->len; i++)
      titrate_document_acknowledge_alert (titrate_plan_get_document (plan), g_ptr_array_index (alerts, i),
                                          "Reviewed", "2027-01-04");
    saved = titrate_document_to_data (titrate_plan_get_document (plan), NULL);
  }
  g_assert_true (g_file_set_contents (g_getenv ("ACK_OUT"), saved, -1, NULL));
}

/* Every bundled example and teaching scenario, with every listed condition
 * and an unmarketed tablet strength added (triggers that name rules
 * database texts), acknowledged in full in English or French in a process
 * of its own, opens fully acknowledged in English, French and German, each
 * in a process of its own (as `titrate-cli check` reports it): a process
 * caches translations, so one process in two languages would not do. */
static void
test_every_example_across_processes (void)
{
  const char *dirs[] = { g_getenv ("TITRATE_EXAMPLES"), g_getenv ("TITRATE_SCENARIOS") };
  const char * const languages[] = { ENGLISH, FRENCH, "de_DE.UTF-8" };
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  guint n_files = 0;

  if (!have_french ())
    return;
  tmp = g_dir_make_tmp ("ack-languages-XXXXXX", &error);
  g_assert_no_error (error);
  conditions = titrate_rules_list_conditions (rules_in (ENGLISH));
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *entry;

      g_assert_nonnull (dirs[d]);
      dir = g_dir_open (dirs[d], 0, &error);
      g_assert_no_error (error);
      while ((entry = g_dir_read_name (dir)) != NULL)
        for (guint variant = 1; variant < 2 && g_str_has_suffix (entry, ".titrate"); variant++)
          {
            g_autofree char *path = g_build_filename (dirs[d], entry, NULL);
            g_autofree char *in = g_build_filename (tmp, "in.titrate", NULL);
            g_autoptr(TitrateDocument) doc = NULL;
            g_autofree char *data = NULL;

            g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
            doc = titrate_document_load_from_data (data, -1, &error);
            g_assert_no_error (error);
            if (variant == 1)
              {
                for (guint i = 0; i < conditions->len; i++)
                  g_ptr_array_add (doc->patient->conditions,
                                   g_strdup (((const TitrateVocabItem *) g_ptr_array_index (conditions, i))->code));
                if (doc->regimen->route == TITRATE_ROUTE_ORAL && !isnan (doc->regimen->strength_mg))
                  doc->regimen->strength_mg = 7;
              }
            g_free (data);
            data = titrate_document_to_data (doc, NULL);
            g_assert_true (g_file_set_contents (in, data, -1, NULL));

            /* written in English and in French; read in all three */
            for (guint w = 0; w < 2; w++)
              {
                g_autofree char *out = g_build_filename (tmp, "out.titrate", NULL);
                guint n_alerts = 0, n_ack = 0, n_alerts_w = 0, n_ack_w = 0;

                if (setlocale (LC_ALL, languages[w]) == NULL)
                  continue;
                setlocale (LC_ALL, ENGLISH);
                g_setenv ("ACK_LOCALE", languages[w], TRUE);
                g_setenv ("ACK_IN", in, TRUE);
                g_setenv ("ACK_OUT", out, TRUE);
                g_test_trap_subprocess ("/acknowledgement-languages/subprocess/write", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
                g_test_trap_assert_passed ();
                /* as written, in the writer's language */
                cli_check_in (languages[w], out, &n_alerts_w, &n_ack_w);
                g_assert_cmpuint (n_ack_w, ==, n_alerts_w);
                for (guint r = 0; r < G_N_ELEMENTS (languages); r++)
                  {
                    if (r == w || setlocale (LC_ALL, languages[r]) == NULL)
                      continue;
                    setlocale (LC_ALL, ENGLISH);
                    cli_check_in (languages[r], out, &n_alerts, &n_ack);
                    g_assert_cmpuint (n_alerts, ==, n_alerts_w);
                    if (n_ack != n_alerts)
                      g_error ("%s%s, written in %s, read in %s: %u of %u alerts acknowledged", entry,
                               variant ? " (+ conditions)" : "", languages[w], languages[r], n_ack, n_alerts);
                  }
              }
            n_files++;
          }
    }
  g_assert_cmpuint (n_files, >=, 20);
  {
    g_autofree char *in = g_build_filename (tmp, "in.titrate", NULL);
    g_autofree char *out = g_build_filename (tmp, "out.titrate", NULL);

    g_unlink (in);
    g_unlink (out);
    g_rmdir (tmp);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TITRATE_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (localedir);
  setlocale (LC_ALL, ENGLISH);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_add_func ("/acknowledgement-languages/english-to-french", test_english_to_french);
  g_test_add_func ("/acknowledgement-languages/french-to-english", test_french_to_english);
  g_test_add_func ("/acknowledgement-languages/old-english-file-in-french", test_old_english_file_in_french);
  g_test_add_func ("/acknowledgement-languages/old-french-file-in-french", test_old_french_file_in_french);
  g_test_add_func ("/acknowledgement-languages/saved-keys", test_saved_keys);
  g_test_add_func ("/acknowledgement-languages/every-example", test_every_example);
  g_test_add_func ("/acknowledgement-languages/subprocess/write", test_subprocess_write);
  g_test_add_func ("/acknowledgement-languages/every-example-across-processes", test_every_example_across_processes);
  return g_test_run ();
}
