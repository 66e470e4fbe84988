/* test-format.c — amounts, counts, labels and typed numbers, as people see
 * them; no display needed
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "titrate-catalogue.h"
#include "titrate-test-util.h"

#define assert_format(expr, expected)                                          \
  G_STMT_START {                                                               \
    g_autofree char *text_ = (expr);                                           \
    g_assert_cmpstr (text_, ==, (expected));                                   \
  } G_STMT_END

/* One rounding rule: three decimals, trailing zeros trimmed, never to a
 * whole number. 80 mg/day in three doses is 26.667 mg, not 27 nor 26.7. */
static void
test_amount (void)
{
  assert_format (titrate_format_amount (80.0 / 3), "26.667");
  assert_format (titrate_format_amount (7.5), "7.5");
  assert_format (titrate_format_amount (2.25), "2.25");
  assert_format (titrate_format_amount (0.125), "0.125");
  assert_format (titrate_format_amount (10), "10");
  assert_format (titrate_format_amount (-0.0001), "0");
  assert_format (titrate_format_amount (NAN), "—");
  assert_format (titrate_format_number (NAN), "");
  assert_format (titrate_format_number (2.5), "2.5");
}

/* mg oral, mcg intrathecal, mL of a liquid: the unit always follows. */
static void
test_amount_with_unit (void)
{
  const double doses[] = { 5, 7.5, 5 };

  assert_format (titrate_format_dose (15, titrate_route_unit (TITRATE_ROUTE_ORAL)), "15 mg");
  assert_format (titrate_format_dose (150, titrate_route_unit (TITRATE_ROUTE_INTRATHECAL)), "150 mcg");
  assert_format (titrate_format_dose (80.0 / 3, "mg"), "26.667 mg");
  assert_format (titrate_format_dose (2.5, "mL"), "2.5 mL");
  assert_format (titrate_format_doses (doses, G_N_ELEMENTS (doses), "mg"), "5 + 7.5 + 5 mg");
}

/* Halves of a scored tablet as the label prints them; anything else keeps
 * its decimals rather than becoming a glyph. */
static void
test_unit_count (void)
{
  const TitrateFormulationUnit tablet = TITRATE_FORMULATION_UNIT_MG_PER_UNIT;
  const TitrateFormulationUnit liquid = TITRATE_FORMULATION_UNIT_MG_PER_ML;
  char *saved;

  assert_format (titrate_format_unit_count (0.5, tablet), "½");
  assert_format (titrate_format_unit_count (1.5, tablet), "1½");
  assert_format (titrate_format_unit_count (2, tablet), "2");
  assert_format (titrate_format_unit_count (1, tablet), "1");
  assert_format (titrate_format_unit_count (0.75, tablet), "0.75");
  assert_format (titrate_format_unit_count (1.25, tablet), "1.25");
  assert_format (titrate_format_unit_count (0.5 + 1e-12, tablet), "½");
  assert_format (titrate_format_unit_count (NAN, tablet), "—");
  /* A syringe is marked in decimals: 2.5 mL, never "2½ mL". */
  assert_format (titrate_format_unit_count (2.5, liquid), "2.5");
  assert_format (titrate_format_unit_count (0.5, liquid), "0.5");
  assert_format (titrate_format_unit_count (80.0 / 3, liquid), "26.667");

  saved = enter_locale ("fr_FR.UTF-8");
  if (saved != NULL)
    {
      assert_format (titrate_format_unit_count (2.5, liquid), "2,5");
      assert_format (titrate_format_unit_count (1.5, tablet), "1½");
      assert_format (titrate_format_unit_count (0.75, tablet), "0,75");
      leave_locale (saved);
    }
  else
    g_test_message ("fr_FR.UTF-8 not installed: French part skipped");
}

/* Units per dose for a day or step: one count when all doses are alike. */
static void
test_unit_counts (void)
{
  const double same[] = { 0.5, 0.5, 0.5 };
  const double mixed[] = { 0.5, 0.5, 1 };
  const double none[] = { NAN, NAN };

  assert_format (titrate_format_unit_counts (same, 3, TITRATE_FORMULATION_UNIT_MG_PER_UNIT), "½");
  assert_format (titrate_format_unit_counts (mixed, 3, TITRATE_FORMULATION_UNIT_MG_PER_UNIT), "½ + ½ + 1");
  assert_format (titrate_format_unit_counts (mixed, 3, TITRATE_FORMULATION_UNIT_MG_PER_ML), "0.5 + 0.5 + 1");
  g_assert_null (titrate_format_unit_counts (none, 2, TITRATE_FORMULATION_UNIT_MG_PER_UNIT));
  g_assert_null (titrate_format_unit_counts (same, 0, TITRATE_FORMULATION_UNIT_MG_PER_UNIT));
}

/* One wording for the renal basis everywhere, never the JSON code. */
/* Which plural a count of tablets takes: "½ tablet", "1 tablet",
 * "1½ tablets", "2 tablets"; with several doses the largest decides. */
static void
test_unit_plural (void)
{
  const double half[] = { 0.5 }, one[] = { 1 }, one_half[] = { 1.5 }, two[] = { 2 };
  const double mixed[] = { 0.5, 0.5, 1.5 }, none[] = { NAN };

  g_assert_cmpuint (titrate_format_unit_plural (half, 1), ==, 1);
  g_assert_cmpuint (titrate_format_unit_plural (one, 1), ==, 1);
  g_assert_cmpuint (titrate_format_unit_plural (one_half, 1), ==, 2);
  g_assert_cmpuint (titrate_format_unit_plural (two, 1), ==, 2);
  g_assert_cmpuint (titrate_format_unit_plural (mixed, 3), ==, 2);
  g_assert_cmpuint (titrate_format_unit_plural (none, 1), ==, 1);
  g_assert_cmpuint (titrate_format_unit_plural (one, 0), ==, 1);
}

static void
test_renal_basis (void)
{
  g_assert_cmpstr (titrate_renal_basis_to_label (TITRATE_RENAL_BASIS_ENTERED), ==, "entered");
  g_assert_cmpstr (titrate_renal_basis_to_label (TITRATE_RENAL_BASIS_COCKCROFT_GAULT), ==,
                   "Cockcroft–Gault, actual weight");
  g_assert_cmpstr (titrate_renal_basis_to_label (TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED), ==,
                   "Cockcroft–Gault, adjusted body weight");
  g_assert_cmpstr (titrate_renal_basis_to_label (TITRATE_RENAL_BASIS_CKD_EPI_2021), ==, "CKD-EPI 2021");
  g_assert_cmpstr (titrate_renal_basis_to_label (TITRATE_RENAL_BASIS_NONE), ==, "not available");
  for (int b = TITRATE_RENAL_BASIS_NONE; b <= TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED; b++)
    g_assert_null (strchr (titrate_renal_basis_to_label ((TitrateRenalBasis) b), '_'));
}

static void
test_labels (void)
{
  g_assert_cmpstr (titrate_severity_label (TITRATE_SEVERITY_MAJOR), ==, "Major");
  g_assert_cmpstr (titrate_severity_label (TITRATE_SEVERITY_INFO), ==, "Information");
  g_assert_cmpstr (titrate_severity_to_label (TITRATE_SEVERITY_CONTRAINDICATED), ==, "contraindicated");
  g_assert_cmpstr (titrate_severity_to_label (TITRATE_SEVERITY_INFO), ==, "info");
  g_assert_cmpstr (titrate_phase_to_label (TITRATE_PHASE_STEP_UP), ==, "step-up");
  g_assert_cmpstr (titrate_phase_to_label (TITRATE_PHASE_NONE), ==, "before start");
  g_assert_cmpstr (titrate_phase_label (TITRATE_PHASE_STEP_UP), ==, "step-up");
  g_assert_cmpstr (titrate_phase_label (TITRATE_PHASE_NONE), ==, "");
  g_assert_cmpstr (titrate_route_to_label (TITRATE_ROUTE_INTRATHECAL), ==, "intrathecal");
}

/* Monday in C and in France, Sunday in the United States. */
static void
test_first_weekday (void)
{
  char *saved;

  g_assert_cmpint (titrate_locale_first_weekday (), >=, 0);
  g_assert_cmpint (titrate_locale_first_weekday (), <=, 6);
  saved = enter_locale ("fr_FR.UTF-8");
  if (saved != NULL)
    {
      g_assert_cmpint (titrate_locale_first_weekday (), ==, 1);
      leave_locale (saved);
    }
  else
    g_test_message ("fr_FR.UTF-8 not installed: French part skipped");
  saved = enter_locale ("en_US.UTF-8");
  if (saved != NULL)
    {
      g_assert_cmpint (titrate_locale_first_weekday (), ==, 0);
      leave_locale (saved);
    }
  else
    g_test_message ("en_US.UTF-8 not installed: US English part skipped");
}

static void
assert_parse (const char         *text,
              TitrateParseResult  expected,
              double              value)
{
  double out = 0;
  TitrateParseResult result = titrate_parse_number (text, &out);

  if (result != expected)
    g_error ("“%s” in %s: parsed as %d, expected %d", text, setlocale (LC_NUMERIC, NULL), result, expected);
  if (expected == TITRATE_PARSE_OK)
    g_assert_cmpfloat_with_epsilon (out, value, 1e-12);
  else
    g_assert_true (isnan (out));
}

/* The rule for "." and "," (titrate-format.c), in C, French and US English. */
static void
test_parse_number (void)
{
  char *saved;

  /* C (the tests' locale): no grouping separator, "." decimal. */
  assert_parse ("2.5", TITRATE_PARSE_OK, 2.5);
  assert_parse ("2,5", TITRATE_PARSE_OK, 2.5);
  assert_parse (" 7,5 ", TITRATE_PARSE_OK, 7.5);
  assert_parse ("0.125", TITRATE_PARSE_OK, 0.125);
  assert_parse (".5", TITRATE_PARSE_OK, 0.5);
  assert_parse ("1.000", TITRATE_PARSE_OK, 1);
  assert_parse ("1,000", TITRATE_PARSE_AMBIGUOUS, 0);
  assert_parse ("0,125", TITRATE_PARSE_AMBIGUOUS, 0);
  assert_parse ("1 000", TITRATE_PARSE_AMBIGUOUS, 0);
  assert_parse ("1,000.5", TITRATE_PARSE_AMBIGUOUS, 0);
  assert_parse ("1,000,000", TITRATE_PARSE_AMBIGUOUS, 0);
  assert_parse ("1.2.3", TITRATE_PARSE_INVALID, 0);
  assert_parse ("5mg", TITRATE_PARSE_INVALID, 0);
  assert_parse ("1e3", TITRATE_PARSE_INVALID, 0);
  assert_parse ("-2", TITRATE_PARSE_INVALID, 0);
  assert_parse (",", TITRATE_PARSE_INVALID, 0);
  assert_parse ("  ", TITRATE_PARSE_EMPTY, 0);
  {
    g_autofree char *shown = titrate_format_number (2.5);

    g_assert_cmpstr (shown, ==, "2.5");
  }

  /* French: "," decimal, a narrow no-break space groups thousands. */
  saved = enter_locale ("fr_FR.UTF-8");
  if (saved != NULL)
    {
      g_autofree char *shown = titrate_format_number (2.5);
      g_autofree char *message = titrate_describe_ambiguous ("1.000");

      g_assert_cmpstr (shown, ==, "2,5");
      assert_parse ("2,5", TITRATE_PARSE_OK, 2.5);
      assert_parse ("2.5", TITRATE_PARSE_OK, 2.5);
      assert_parse ("0,125", TITRATE_PARSE_OK, 0.125);
      assert_parse ("1,000", TITRATE_PARSE_OK, 1);
      assert_parse ("1.000", TITRATE_PARSE_AMBIGUOUS, 0);
      assert_parse ("0.125", TITRATE_PARSE_AMBIGUOUS, 0);
      assert_parse ("1 000", TITRATE_PARSE_AMBIGUOUS, 0);
      assert_parse ("1\u202f000", TITRATE_PARSE_AMBIGUOUS, 0);
      assert_parse ("1\u00a0000", TITRATE_PARSE_AMBIGUOUS, 0);
      assert_parse ("1.000,5", TITRATE_PARSE_AMBIGUOUS, 0);
      assert_parse ("2,5,1", TITRATE_PARSE_INVALID, 0);
      /* The message shows the decimal separator to use, by example. */
      g_assert_nonnull (strstr (message, "2,5"));
      leave_locale (saved);
    }
  else
    g_test_message ("fr_FR.UTF-8 not installed: French part skipped");

  /* US English: "," groups thousands, so it is never a decimal. */
  saved = enter_locale ("en_US.UTF-8");
  if (saved != NULL)
    {
      assert_parse ("2.5", TITRATE_PARSE_OK, 2.5);
      assert_parse ("1.000", TITRATE_PARSE_OK, 1);
      assert_parse ("2,5", TITRATE_PARSE_AMBIGUOUS, 0);
      assert_parse ("1,000", TITRATE_PARSE_AMBIGUOUS, 0);
      leave_locale (saved);
    }
  else
    g_test_message ("en_US.UTF-8 not installed: US English part skipped");
}

/* A .mo file with the given (msgid, msgstr) pairs; NUL bytes inside
 * separate plural forms, so lengths are given. */
typedef struct {
  const char *id;
  gsize id_len;
  const char *str;
  gsize str_len;
} MoEntry;

static char *
write_mo (const MoEntry *entries,
          guint          n)
{
  g_autoptr(GByteArray) mo = g_byte_array_new ();
  guint32 header[7] = { 0x950412de, 0, n, 28, 28 + 8 * n, 0, 0 };   /* no hash table */
  guint32 offset = 28 + 16 * n;
  g_autofree char *path = NULL;
  int fd;

  g_byte_array_append (mo, (guint8 *) header, sizeof header);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        guint32 len = pass == 0 ? entries[i].id_len : entries[i].str_len;
        guint32 pair[2] = { len, offset };

        g_byte_array_append (mo, (guint8 *) pair, sizeof pair);
        offset += len + 1;
      }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_byte_array_append (mo, (const guint8 *) (pass == 0 ? entries[i].id : entries[i].str),
                             pass == 0 ? entries[i].id_len : entries[i].str_len);
        g_byte_array_append (mo, (const guint8 *) "", 1);
      }
  fd = g_file_open_tmp ("titrate-XXXXXX.mo", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, (const char *) mo->data, mo->len, NULL));
  return g_steal_pointer (&path);
}

#define E(id, str) { id, sizeof id - 1, str, sizeof str - 1 }

/* A catalogue whose translated formats take other values than the English
 * would crash g_strdup_printf() or show a number never computed: refused.
 * The shipped catalogues pass; plain text with a percent sign is not a
 * format; a plural form may leave out its count. */
static void
test_catalogue_formats (void)
{
  static const char * const languages[] = { "fr", "de" };
  static const MoEntry good[] = {
    E ("", "Content-Type: text/plain; charset=UTF-8\n"),
    E ("Day %d: %s mg/day", "Jour %d : %s mg/jour"),
    E ("7% of patients", "7 % des patients"),
    E ("%d day\0%d days", "un jour\0%d jours"),
    E ("amount with unit\004%s %s", "%s %s"),
  };
  static const MoEntry swapped[] = { E ("Day %d: %s mg/day", "Jour %s : %s mg/jour") };
  static const MoEntry literal[] = { E ("limit %s mg/day", "limite 800 mg/jour") };
  static const MoEntry extra[] = { E ("%s mg", "%s %s mg") };
  static const MoEntry plural[] = { E ("%d day\0%d days", "%d jour\0%s jours") };
  const MoEntry *bad[] = { swapped, literal, extra, plural };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", languages[i],
                                                "LC_MESSAGES", "titrate.mo", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (titrate_catalogue_check_file (path, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *path = write_mo (good, G_N_ELEMENTS (good));
    g_autoptr(GError) error = NULL;

    g_assert_true (titrate_catalogue_check_file (path, &error));
    g_assert_no_error (error);
    g_remove (path);
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_mo (bad[i], 1);
      g_autoptr(GError) error = NULL;

      g_assert_false (titrate_catalogue_check_file (path, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "does not take the same values"));
      g_remove (path);
    }
  {
    g_autofree char *path = NULL;
    g_autoptr(GError) error = NULL;
    int fd = g_file_open_tmp ("titrate-XXXXXX.mo", &path, NULL);

    close (fd);
    g_assert_true (g_file_set_contents (path, "not a catalogue at all", -1, NULL));
    g_assert_false (titrate_catalogue_check_file (path, &error));
    g_assert_nonnull (strstr (error->message, "not a translation catalogue"));
    g_remove (path);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/titrate/format/amount", test_amount);
  g_test_add_func ("/titrate/format/amount-with-unit", test_amount_with_unit);
  g_test_add_func ("/titrate/format/unit-count", test_unit_count);
  g_test_add_func ("/titrate/format/unit-counts", test_unit_counts);
  g_test_add_func ("/titrate/format/unit-plural", test_unit_plural);
  g_test_add_func ("/titrate/format/renal-basis", test_renal_basis);
  g_test_add_func ("/titrate/format/labels", test_labels);
  g_test_add_func ("/titrate/format/first-weekday", test_first_weekday);
  g_test_add_func ("/titrate/format/parse-number", test_parse_number);
  g_test_add_func ("/titrate/format/catalogue-formats", test_catalogue_formats);
  return g_test_run ();
}
