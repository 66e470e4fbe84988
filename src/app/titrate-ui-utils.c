/* titrate-ui-utils.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the views: parsing what a prescriber types and
 * the words, symbols and style classes for severities and phases. Nothing
 * clinical is decided here.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "titrate-ui-utils.h"

gboolean
titrate_set_str (char       **ptr,
                 const char  *value)
{
  char *copy;

  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*ptr);
  *ptr = copy;
  return TRUE;
}

/* "_Age" → "Age": what a screen reader should say. */
char *
titrate_strip_mnemonic (const char *text)
{
  char *plain = g_strdup (text != NULL ? text : "");
  char *q = plain;

  for (const char *p = plain; *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      *q++ = *p;
    else if (p[1] == '\0')
      break;
  *q = '\0';
  return plain;
}

/* Gives @widget exactly @label as its accessible name. An AdwActionRow
 * relates its activatable widget to the row's title and subtitle, and GTK
 * 4.8 reads a label and a labelling relation one after the other ("Age
 * (years) Age"): drop the relations, the label and description say it. */
void
titrate_accessible_name_only (GtkWidget  *widget,
                              const char *label)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Names the widgets of @type inside @root (the switch of an expander row,
 * the button of a drop-down or split button), which libadwaita 1.2 and
 * GTK 4.8 leave unnamed. Returns how many were named. */
guint
titrate_accessible_name_inner (GtkWidget  *root,
                               GType       type,
                               const char *label)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          n++;
        }
      else
        n += titrate_accessible_name_inner (child, type, label);
    }
  return n;
}

/* Names a row (an expander row, or a plain preferences row holding other
 * controls) after its title: libadwaita 1.2 leaves them unnamed. */
void
titrate_accessible_name_from_title (GtkWidget *row)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_object_get (row, "title", &title, NULL);
  name = titrate_strip_mnemonic (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
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

char *
titrate_format_dose (double      value,
                     const char *unit)
{
  g_autofree char *amount = titrate_format_amount_display (value);

  /* Translators: an amount and its unit, e.g. "15 mg" */
  return g_strdup_printf (C_("amount with unit", "%s %s"), amount, unit);
}

/* "5 + 5 + 5 mg" */
char *
titrate_format_doses (const double *doses,
                      guint         n_doses,
                      const char   *unit)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_doses; i++)
    {
      g_autofree char *amount = titrate_format_amount_display (doses[i]);

      if (i > 0)
        g_string_append (out, " + ");
      g_string_append (out, amount);
    }
  g_string_append_printf (out, " %s", unit);
  return g_string_free (out, FALSE);
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

/* Tablets (or mL) per dose for one day, e.g. "½ tablet" style counts are
 * written as decimals the library computed: "0.5", "1", "1.5" ("0,5" in
 * French). */
char *
titrate_format_units (const TitrateDay *day)
{
  GString *out;
  gboolean same = TRUE;

  if (day->n_doses == 0 || isnan (day->units_per_dose[0]))
    return NULL;

  for (guint i = 1; i < day->n_doses; i++)
    if (fabs (day->units_per_dose[i] - day->units_per_dose[0]) > 1e-9)
      same = FALSE;

  out = g_string_new (NULL);
  if (same)
    {
      g_autofree char *u = titrate_format_amount_display (day->units_per_dose[0]);

      g_string_append (out, u);
    }
  else
    for (guint i = 0; i < day->n_doses; i++)
      {
        g_autofree char *u = titrate_format_amount_display (day->units_per_dose[i]);

        if (i > 0)
          g_string_append (out, " + ");
        g_string_append (out, u);
      }
  return g_string_free (out, FALSE);
}

void
titrate_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

char *
titrate_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* These run for every calendar cell on every keystroke: look each
 * translation up once. */
#define CACHED(i, expr) (cache[i] != NULL ? cache[i] : (cache[i] = (expr)))

/* Severities: always icon + word + colour, never colour alone. */

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
titrate_severity_label_plural (TitrateSeverity severity)
{
  static const char *cache[16];

  switch (severity)
    {
    case TITRATE_SEVERITY_CONTRAINDICATED:
      return CACHED (0, _("contraindicated"));
    case TITRATE_SEVERITY_MAJOR:
      return CACHED (1, _("major"));
    case TITRATE_SEVERITY_MODERATE:
      return CACHED (2, _("moderate"));
    case TITRATE_SEVERITY_MINOR:
      return CACHED (3, _("minor"));
    case TITRATE_SEVERITY_INFO:
    default:
      return CACHED (4, _("info"));
    }
}

const char *
titrate_severity_icon_name (TitrateSeverity severity)
{
  switch (severity)
    {
    case TITRATE_SEVERITY_CONTRAINDICATED:
      return "action-unavailable-symbolic";
    case TITRATE_SEVERITY_MAJOR:
      return "dialog-error-symbolic";
    case TITRATE_SEVERITY_MODERATE:
      return "dialog-warning-symbolic";
    case TITRATE_SEVERITY_MINOR:
      return "dialog-information-symbolic";
    case TITRATE_SEVERITY_INFO:
    default:
      return "help-about-symbolic";
    }
}

const char *
titrate_severity_css_class (TitrateSeverity severity)
{
  switch (severity)
    {
    case TITRATE_SEVERITY_CONTRAINDICATED:
      return "contraindicated";
    case TITRATE_SEVERITY_MAJOR:
      return "major";
    case TITRATE_SEVERITY_MODERATE:
      return "moderate";
    case TITRATE_SEVERITY_MINOR:
      return "minor";
    case TITRATE_SEVERITY_INFO:
    default:
      return "info";
    }
}

/* Phases: a word and a shape as well as a colour. */

const char *
titrate_phase_label (TitratePhase phase)
{
  static const char *cache[16];

  switch (phase)
    {
    case TITRATE_PHASE_START:
      return CACHED (0, _("start"));
    case TITRATE_PHASE_STEP_UP:
      return CACHED (1, _("step-up"));
    case TITRATE_PHASE_MAINTENANCE:
      return CACHED (2, _("maintenance"));
    case TITRATE_PHASE_TAPER:
      return CACHED (3, _("taper"));
    case TITRATE_PHASE_STOPPED:
      return CACHED (4, _("stopped"));
    case TITRATE_PHASE_SCREENING:
      return CACHED (5, _("screening"));
    case TITRATE_PHASE_NONE:
    default:
      return "";
    }
}

const char *
titrate_phase_symbol (TitratePhase phase)
{
  switch (phase)
    {
    case TITRATE_PHASE_START:
      return "◆";
    case TITRATE_PHASE_STEP_UP:
      return "▲";
    case TITRATE_PHASE_MAINTENANCE:
      return "●";
    case TITRATE_PHASE_TAPER:
      return "▼";
    case TITRATE_PHASE_STOPPED:
      return "✕";
    case TITRATE_PHASE_SCREENING:
      return "◇";
    case TITRATE_PHASE_NONE:
    default:
      return "";
    }
}

const char *
titrate_phase_css_class (TitratePhase phase)
{
  switch (phase)
    {
    case TITRATE_PHASE_START:
      return "start";
    case TITRATE_PHASE_STEP_UP:
      return "step-up";
    case TITRATE_PHASE_MAINTENANCE:
      return "maintenance";
    case TITRATE_PHASE_TAPER:
      return "taper";
    case TITRATE_PHASE_STOPPED:
      return "stopped";
    case TITRATE_PHASE_SCREENING:
      return "screening";
    case TITRATE_PHASE_NONE:
    default:
      return "no-plan";
    }
}

const char *
titrate_renal_basis_label (TitrateRenalBasis basis)
{
  static const char *cache[16];

  switch (basis)
    {
    case TITRATE_RENAL_BASIS_ENTERED:
      return CACHED (0, _("entered"));
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT:
      return CACHED (1, _("Cockcroft–Gault"));
    case TITRATE_RENAL_BASIS_CKD_EPI_2021:
      return CACHED (2, _("CKD-EPI 2021"));
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED:
      return CACHED (4, _("Cockcroft–Gault, adjusted body weight"));
    case TITRATE_RENAL_BASIS_NONE:
    default:
      return CACHED (3, _("not available"));
    }
}
