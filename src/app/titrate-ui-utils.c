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

/* Accepts what a person types for a non-negative amount: digits with at
 * most one decimal separator, "." or "," (whatever the locale), and
 * surrounding spaces. Anything else (signs, exponents, units, letters) is
 * refused, so "1e3" or "5mg" never become a number silently. */
TitrateParseResult
titrate_parse_number (const char *text,
                      double     *out)
{
  g_autofree char *copy = NULL;
  char *s;
  gboolean seen_digit = FALSE, seen_sep = FALSE;
  char *end = NULL;
  double value;

  *out = NAN;
  if (text == NULL)
    return TITRATE_PARSE_EMPTY;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return TITRATE_PARSE_EMPTY;

  for (s = copy; *s != '\0'; s++)
    {
      if (g_ascii_isdigit (*s))
        seen_digit = TRUE;
      else if ((*s == '.' || *s == ',') && !seen_sep)
        {
          seen_sep = TRUE;
          *s = '.';
        }
      else
        return TITRATE_PARSE_INVALID;
    }
  if (!seen_digit)
    return TITRATE_PARSE_INVALID;

  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return TITRATE_PARSE_INVALID;

  *out = value;
  return TITRATE_PARSE_OK;
}

/* As the library formats amounts: never rounds silently. */
char *
titrate_format_number (double value)
{
  if (isnan (value))
    return g_strdup ("");
  return titrate_format_amount (value);
}

char *
titrate_format_dose (double      value,
                     const char *unit)
{
  g_autofree char *amount = titrate_format_amount (value);

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
      g_autofree char *amount = titrate_format_amount (doses[i]);

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
 * written as decimals the library computed: "0.5", "1", "1.5". */
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
      g_autofree char *u = titrate_format_amount (day->units_per_dose[0]);

      g_string_append (out, u);
    }
  else
    for (guint i = 0; i < day->n_doses; i++)
      {
        g_autofree char *u = titrate_format_amount (day->units_per_dose[i]);

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
    case TITRATE_RENAL_BASIS_NONE:
    default:
      return CACHED (3, _("not available"));
    }
}
