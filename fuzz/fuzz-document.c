/* fuzz-document.c — libFuzzer target: regimen documents, then plan and check
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input must either load (then expand, check and save back to a document
 * that loads again) or fail with a GError; never crash, leak or warn.
 */

#include "titrate.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static TitrateRules *rules = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (rules == NULL)
    rules = titrate_rules_new_embedded (NULL);

  doc = titrate_document_load_from_data ((const char *) data, (gssize) size, &error);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  /* Saved documents always load again. */
  {
    gsize len;
    g_autofree char *text = titrate_document_to_data (doc, &len);
    g_autoptr(TitrateDocument) again = NULL;

    /* Indenting can grow a document past the size limit: then saving
     * refuses it rather than write what would not open. */
    if (len > TITRATE_IO_MAX_DOCUMENT_BYTES)
      return 0;
    again = titrate_document_load_from_data (text, (gssize) len, &error);
    if (again == NULL)
      g_error ("saved document does not load: %s\n%s", error->message, text);
  }

  if (titrate_regimen_expand_protocol (doc->regimen, NULL))
    {
      g_autoptr(GPtrArray) alerts = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);
      g_autoptr(GArray) days = titrate_planner_expand (rules, doc->regimen,
                                                       MIN (titrate_planner_horizon (doc->regimen), 400));

      g_assert_nonnull (alerts);
      g_assert_nonnull (days);
    }
  return 0;
}
