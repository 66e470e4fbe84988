/* fuzz-rules.c — libFuzzer target: mutated rules database files
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any database image must either open (pass every check and the clinical
 * self-test, and then check a plan) or be refused with a TITRATE_ERROR_RULES
 * error; never crash, hang, leak or warn.
 *
 * Input: if it starts with the SQLite header it is used whole as a database
 * file. Otherwise it is read as patches to the embedded database (4 bytes of
 * offset, little-endian, then 1 byte of value, repeated), so the fuzzer
 * explores small changes to a valid database from the first run, without a
 * binary seed in the repository.
 */

#include <string.h>

#include "titrate.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char sqlite_header[16] = "SQLite format 3";

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static GBytes *embedded = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(GError) error = NULL;

  if (embedded == NULL)
    embedded = g_resources_lookup_data ("/io/github/titrate/Titrate/rules/rules.sqlite",
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (embedded);

  if (size >= sizeof sqlite_header && memcmp (data, sqlite_header, sizeof sqlite_header) == 0)
    image = g_bytes_new (data, size);
  else
    {
      gsize len = g_bytes_get_size (embedded);
      guint8 *copy = g_memdup2 (g_bytes_get_data (embedded, NULL), len);

      for (size_t i = 0; i + 5 <= size; i += 5)
        {
          guint32 offset = (guint32) data[i] | (guint32) data[i + 1] << 8 |
                           (guint32) data[i + 2] << 16 | (guint32) data[i + 3] << 24;

          copy[offset % len] = data[i + 4];
        }
      image = g_bytes_new_take (copy, len);
    }

  rules = titrate_rules_new_for_bytes (image, &error);
  if (rules == NULL)
    {
      g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_RULES);
      return 0;
    }

  /* It opened: it must check a plan, never fail quietly. */
  {
    g_autoptr(TitratePatient) patient = titrate_patient_new ();
    g_autoptr(TitrateRegimen) regimen = titrate_regimen_new (TITRATE_ROUTE_ORAL);
    g_autoptr(GPtrArray) comeds = g_ptr_array_new ();
    g_autoptr(GPtrArray) alerts = NULL;

    patient->age_years = 70;
    patient->weight_kg = 60;
    g_ptr_array_add (comeds, (gpointer) "lorazepam");
    alerts = titrate_check (rules, patient, regimen, comeds, &error);
    g_assert_no_error (error);
    g_assert_nonnull (alerts);
  }
  return 0;
}
