/* titrate-format.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number, amount and label written for people comes from here, so
 * that the app, the printed pages and the command line say the same thing
 * the same way; and typed numbers are read back by one rule. No GTK.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "titrate-format.h"
#include "titrate-rules-private.h"

#define EPSILON 1e-9

/* Amounts */

char *
titrate_format_amount (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *p;

  if (isnan (value))
    return g_strdup ("—");

  /* Three decimals keep 0.125 mg/kg and 2.25 tablets exact; we never print
   * fewer digits than the value has up to that precision. */
  g_ascii_formatd (buf, sizeof buf, "%.3f", value);
  p = buf + strlen (buf) - 1;
  while (p > buf && *p == '0')
    *p-- = '\0';
  if (*p == '.')
    *p = '\0';
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buf);
}

char *
titrate_format_amount_display (double value)
{
  const char *point = localeconv ()->decimal_point;
  char *text = titrate_format_amount (value);
  char *dot;

  if (point == NULL || strcmp (point, ".") == 0 || (dot = strchr (text, '.')) == NULL)
    return text;
  *dot = '\0';
  {
    char *localised = g_strconcat (text, point, dot + 1, NULL);
    g_free (text);
    return localised;
  }
}

/* What a number field shows: as the library formats amounts (never
 * rounded silently), with the locale's decimal separator, so that it reads
 * back as the same value. Files and JSON use titrate_format_amount(). */
char *
titrate_format_number (double value)
{
  if (isnan (value))
    return g_strdup ("");
  return titrate_format_amount_display (value);
}

/* The one "amount with unit" for translators. */
static char *
with_unit (const char *amount,
           const char *unit)
{
  /* Translators: an amount and its unit, e.g. "15 mg", "150 mcg", "5 mL",
   * or several amounts in one unit, "5 + 7.5 + 5 mg" */
  return g_strdup_printf (C_("amount with unit", "%s %s"), amount, unit);
}

char *
titrate_format_dose (double      value,
                     const char *unit)
{
  g_autofree char *amount = titrate_format_amount_display (value);

  return with_unit (amount, unit);
}

/* "45 mg/day" */
char *
titrate_format_daily (double      value,
                      const char *unit)
{
  g_autofree char *amount = titrate_format_amount_display (value);

  /* Translators: an amount per day and its unit, e.g. "45 mg/day" */
  return g_strdup_printf (_("%s %s/day"), amount, unit);
}

/* "5 + 5 + 5 mg" */
char *
titrate_format_doses (const double *doses,
                      guint         n_doses,
                      const char   *unit)
{
  g_autoptr(GString) amounts = g_string_new (NULL);

  for (guint i = 0; i < n_doses; i++)
    {
      g_autofree char *amount = titrate_format_amount_display (doses[i]);

      if (i > 0)
        g_string_append (amounts, " + ");
      g_string_append (amounts, amount);
    }
  return with_unit (amounts->str, unit);
}

/* Counts of a product */

/* Tablets break in halves: "½", "1½", "2"; any other fraction keeps its
 * decimals ("0.75") rather than being rounded to a glyph. */
static char *
format_fraction (double units)
{
  double whole = floor (units + EPSILON);
  double frac = units - whole;

  if (fabs (frac) < EPSILON)
    return titrate_format_amount_display (whole);
  if (fabs (frac - 0.5) < EPSILON)
    return whole > 0 ? g_strdup_printf ("%.0f½", whole) : g_strdup ("½");
  return titrate_format_amount_display (units);
}

char *
titrate_format_unit_count (double                 units,
                           TitrateFormulationUnit unit)
{
  if (isnan (units))
    return titrate_format_amount_display (units);
  if (unit == TITRATE_FORMULATION_UNIT_MG_PER_UNIT)
    return format_fraction (units);
  /* A syringe is marked in decimals. */
  return titrate_format_amount_display (units);
}

char *
titrate_format_unit_counts (const double          *units,
                            guint                  n_units,
                            TitrateFormulationUnit unit)
{
  GString *out;
  gboolean same = TRUE;

  if (n_units == 0 || isnan (units[0]))
    return NULL;

  for (guint i = 1; i < n_units; i++)
    if (fabs (units[i] - units[0]) > EPSILON)
      same = FALSE;

  out = g_string_new (NULL);
  for (guint i = 0; i < (same ? 1 : n_units); i++)
    {
      g_autofree char *count = titrate_format_unit_count (units[i], unit);

      if (i > 0)
        g_string_append (out, " + ");
      g_string_append (out, count);
    }
  return g_string_free (out, FALSE);
}

gulong
titrate_format_unit_plural (const double *units,
                            guint         n_units)
{
  double most = 0;

  /* "½ tablet", "1 tablet", "1½ tablets"; "½ + 1 tablets": the largest
   * count decides. Converting a double outside gulong's range (or NaN) is
   * undefined: NaN is skipped, anything huge (the loader refuses such
   * strengths) picks the form of a large round number. */
  for (guint i = 0; i < n_units; i++)
    if (!isnan (units[i]) && units[i] > most)
      most = units[i];
  if (most <= 1 + EPSILON)
    return 1;
  if (most >= 1e9)
    return 1000000000;
  return (gulong) ceil (most - EPSILON);
}

/* Labels for people */

const char *
titrate_route_to_label (TitrateRoute route)
{
  return route == TITRATE_ROUTE_INTRATHECAL ? _("intrathecal") : _("oral");
}

const char *
titrate_origin_to_label (TitrateOrigin origin)
{
  switch (origin)
    {
    case TITRATE_ORIGIN_SPINAL:
      return _("spinal");
    case TITRATE_ORIGIN_CEREBRAL:
      return _("cerebral");
    case TITRATE_ORIGIN_UNSET:
    default:
      return _("origin not set");
    }
}

const char *
titrate_sex_to_label (TitrateSex sex)
{
  switch (sex)
    {
    case TITRATE_SEX_FEMALE:
      return _("female");
    case TITRATE_SEX_MALE:
      return _("male");
    case TITRATE_SEX_UNKNOWN:
    default:
      return _("not recorded");
    }
}

const char *
titrate_severity_to_label (TitrateSeverity severity)
{
  static const char *labels[] = {
    N_("info"), N_("minor"), N_("moderate"), N_("major"), N_("contraindicated"),
  };

  g_return_val_if_fail ((gsize) severity < G_N_ELEMENTS (labels), NULL);
  return _(labels[severity]);
}

const char *
titrate_category_to_label (TitrateCategory category)
{
  static const char *labels[] = {
    N_("dose"), N_("titration"), N_("withdrawal"), N_("interaction"), N_("duplication"),
    N_("renal"), N_("hepatic"), N_("elderly"), N_("pediatric"), N_("pregnancy"),
    N_("lactation"), N_("condition"), N_("allergy"), N_("route"), N_("input"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == TITRATE_N_CATEGORIES);
  g_return_val_if_fail ((gsize) category < G_N_ELEMENTS (labels), NULL);
  return _(labels[category]);
}

const char *
titrate_phase_to_label (TitratePhase phase)
{
  static const char *labels[] = {
    N_("before start"), N_("start"), N_("step-up"), N_("maintenance"), N_("taper"),
    N_("stopped"), N_("screening"),
  };

  g_return_val_if_fail ((gsize) phase < G_N_ELEMENTS (labels), NULL);
  return _(labels[phase]);
}

/* These run for every calendar cell on every keystroke: look each
 * translation up once. Not while titrate_check() makes the untranslated
 * triggers (C locale, this thread): those want the English, and must not
 * leave it in the cache. */
/* Atomic: the app opens the built-in rules (and runs their self-test,
 * which formats) on a second thread while the window is built. */
static inline const char *
cached (const char **slot,
        const char  *value)
{
  const char *old = g_atomic_pointer_get (slot);

  if (old != NULL)
    return old;
  g_atomic_pointer_set (slot, value);
  return value;
}

#define CACHED(i, expr) (_titrate_rules_get_untranslated_triggers () ? (expr) : \
                         g_atomic_pointer_get (&cache[i]) != NULL ? g_atomic_pointer_get (&cache[i]) \
                                                                  : cached (&cache[i], (expr)))

const char *
titrate_severity_label (TitrateSeverity severity)
{
  static const char *cache[16];

  switch (severity)
    {
    case TITRATE_SEVERITY_CONTRAINDICATED:
      return CACHED (0, _("Contraindicated"));
    case TITRATE_SEVERITY_MAJOR:
      return CACHED (1, _("Major"));
    case TITRATE_SEVERITY_MODERATE:
      return CACHED (2, _("Moderate"));
    case TITRATE_SEVERITY_MINOR:
      return CACHED (3, _("Minor"));
    case TITRATE_SEVERITY_INFO:
    default:
      return CACHED (4, _("Information"));
    }
}

const char *
titrate_phase_label (TitratePhase phase)
{
  static const char *cache[16];

  if (phase == TITRATE_PHASE_NONE || (guint) phase >= G_N_ELEMENTS (cache))
    return "";
  return CACHED (phase, titrate_phase_to_label (phase));
}

/* The basis of a renal estimate as shown to the prescriber (never the JSON
 * code). */
const char *
titrate_renal_basis_to_label (TitrateRenalBasis basis)
{
  static const char *cache[16];

  switch (basis)
    {
    case TITRATE_RENAL_BASIS_ENTERED:
      return CACHED (0, _("entered"));
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT:
      return CACHED (1, _("Cockcroft–Gault, actual weight"));
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED:
      return CACHED (2, _("Cockcroft–Gault, adjusted body weight"));
    case TITRATE_RENAL_BASIS_CKD_EPI_2021:
      return CACHED (3, _("CKD-EPI 2021"));
    case TITRATE_RENAL_BASIS_NONE:
    default:
      return CACHED (4, _("not available"));
    }
}

/* The locale */

/* glibc: the first weekday is _NL_TIME_FIRST_WEEKDAY (1 = the week's
 * origin day) counted from _NL_TIME_WEEK_1STDAY (19971130 = a Sunday,
 * 19971201 = a Monday), as GTK's own calendar computes it. Monday
 * elsewhere. */
int
titrate_locale_first_weekday (void)
{
#if defined(__GLIBC__)
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  int origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (langinfo.word == 19971130)
    origin = 0;
  else if (langinfo.word == 19971201)
    origin = 1;
  else
    return 1;
  if (first_weekday < 1 || first_weekday > 7)
    return 1;
  return (origin + first_weekday - 1) % 7;
#else
  return 1;
#endif
}

/* Typed numbers and the locale.
 *
 * A decimal comma read as a thousands separator is a tenfold (or
 * thousandfold) dose error, so what a person types for an amount is read
 * by one rule, the same in every field:
 *
 *  1. Digits, at most one decimal separator, spaces around. Signs,
 *     exponents, units and letters are refused ("1e3", "5mg", "-2").
 *  2. The locale's decimal separator is always a decimal separator
 *     ("2,5" = 2.5 in French, "2.5" = 2.5 in English).
 *  3. Thousands separators are never accepted: no dose needs them. Text
 *     that groups digits (the locale's grouping separator, a space between
 *     digits, or two separators as in "1,000.5") is refused as ambiguous,
 *     with a message, never read as one number or another.
 *  4. The other one of "." and "," is read as a decimal separator too,
 *     but only where it cannot be a grouping separator: not when it is the
 *     locale's own grouping separator ("2,5" in English is refused), and
 *     not when exactly three digits follow it ("1,000" in C, "1.000" in
 *     French), which is how grouped thousands look.
 *
 * So in fr_FR "2,5" and "2.5" are 2.5 and "1.000" is refused; in en_US
 * "2.5" is 2.5 and "2,5" and "1,000" are refused; in C, which has no
 * grouping separator, "2,5" is 2.5 and "1,000" is refused. */

static gboolean
is_space_at (const char *s)
{
  gunichar c = g_utf8_get_char (s);

  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

TitrateParseResult
titrate_parse_number (const char *text,
                      double     *out)
{
  struct lconv *conv = localeconv ();
  const char *point = conv->decimal_point != NULL && *conv->decimal_point != '\0' ? conv->decimal_point : ".";
  const char *group = conv->thousands_sep != NULL ? conv->thousands_sep : "";
  gsize point_len = strlen (point), group_len = strlen (group);
  g_autofree char *copy = NULL;
  g_autoptr(GString) ascii = g_string_new (NULL);
  const char *s;
  gboolean seen_digit = FALSE, grouped = FALSE;
  guint n_separators = 0, n_foreign = 0;
  guint digits_after = 0;
  gboolean foreign_last = FALSE;
  char foreign = point[0] == ',' ? '.' : ',';
  char *end = NULL;
  double value;

  *out = NAN;
  if (text == NULL)
    return TITRATE_PARSE_EMPTY;

  copy = g_strstrip (g_strdup (text));
  /* Unicode spaces around the number too (e.g. a pasted no-break space). */
  while (*copy != '\0' && is_space_at (copy))
    memmove (copy, g_utf8_next_char (copy), strlen (g_utf8_next_char (copy)) + 1);
  for (gsize len = strlen (copy); len > 0; len = strlen (copy))
    {
      char *last = g_utf8_find_prev_char (copy, copy + len);

      if (last == NULL || !is_space_at (last))
        break;
      *last = '\0';
    }
  if (*copy == '\0')
    return TITRATE_PARSE_EMPTY;

  for (s = copy; *s != '\0'; )
    {
      if (g_ascii_isdigit (*s))
        {
          seen_digit = TRUE;
          digits_after++;
          g_string_append_c (ascii, *s);
          s++;
        }
      else if (strncmp (s, point, point_len) == 0)
        {
          n_separators++;
          foreign_last = FALSE;
          digits_after = 0;
          g_string_append_c (ascii, '.');
          s += point_len;
        }
      else if (group_len > 0 && strncmp (s, group, group_len) == 0)
        {
          grouped = TRUE;
          s += group_len;
        }
      else if (*s == foreign)
        {
          n_separators++;
          n_foreign++;
          foreign_last = TRUE;
          digits_after = 0;
          g_string_append_c (ascii, '.');
          s++;
        }
      else if (is_space_at (s))
        {
          /* "1 000": digits grouped by a space. */
          grouped = TRUE;
          s = g_utf8_next_char (s);
        }
      else
        return TITRATE_PARSE_INVALID;
    }
  if (!seen_digit)
    return TITRATE_PARSE_INVALID;
  if (grouped || (n_separators > 1 && n_foreign > 0))
    return TITRATE_PARSE_AMBIGUOUS;
  if (n_separators > 1)
    return TITRATE_PARSE_INVALID;
  if (n_foreign == 1 && foreign_last && digits_after == 3 && ascii->str[0] != '.')
    return TITRATE_PARSE_AMBIGUOUS;

  value = g_ascii_strtod (ascii->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return TITRATE_PARSE_INVALID;

  *out = value;
  return TITRATE_PARSE_OK;
}

/* The locale's decimal separator, e.g. "," in French. */
const char *
titrate_decimal_separator (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && *point != '\0' ? point : ".";
}

/* Says why @text was refused as ambiguous and how to write it. */
char *
titrate_describe_ambiguous (const char *text)
{
  g_autofree char *shown = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *example = titrate_format_amount_display (2.5);

  /* Translators: a typed number that could be read two ways, e.g. "“1,000”
   * is ambiguous: … with “.” for decimals, e.g. 2.5". The second %s is the
   * locale's decimal separator, the third an example in it. */
  return g_strdup_printf (_("“%s” is ambiguous: type numbers without thousands separators, "
                            "with “%s” for decimals, e.g. %s."),
                          shown, titrate_decimal_separator (), example);
}

char *
titrate_format_date (const GDate *date,
                     const char  *format)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 12, 0, 0);
  return g_date_time_format (dt, format);
}
