/* titrate-types.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "titrate-types.h"

static const char *route_names[] = { "oral", "intrathecal" };
static const char *sex_names[] = { "unknown", "female", "male" };
static const char *origin_names[] = { "unset", "spinal", "cerebral" };
static const char *severity_names[] = { "info", "minor", "moderate", "major", "contraindicated" };
static const char *category_names[] = {
  "dose", "titration", "withdrawal", "interaction", "duplication", "renal", "hepatic",
  "elderly", "pediatric", "pregnancy", "lactation", "condition", "allergy", "route", "input",
};
static const char *phase_names[] = {
  "none", "start", "step_up", "maintenance", "taper", "stopped", "screening",
};

G_STATIC_ASSERT (G_N_ELEMENTS (severity_names) == TITRATE_N_SEVERITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (category_names) == TITRATE_N_CATEGORIES);

/* Index of @str in @names, searching from @first (values below it, such as
 * "unset", are not accepted as input). */
static gboolean
lookup (const char  *str,
        const char **names,
        guint        first,
        guint        n_names,
        guint       *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = first; i < n_names; i++)
    if (strcmp (str, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_STRINGS(type, prefix, names, first_valid)                       \
  const char *                                                                 \
  prefix##_to_string (type value)                                              \
  {                                                                            \
    g_return_val_if_fail ((gsize) value < G_N_ELEMENTS (names), NULL);         \
    return names[value];                                                       \
  }                                                                            \
  gboolean                                                                     \
  prefix##_from_string (const char *str,                                       \
                        type       *out)                                       \
  {                                                                            \
    guint v;                                                                   \
    if (!lookup (str, names, first_valid, G_N_ELEMENTS (names), &v))           \
      return FALSE;                                                            \
    *out = (type) v;                                                           \
    return TRUE;                                                               \
  }

DEFINE_STRINGS (TitrateRoute, titrate_route, route_names, 0)
DEFINE_STRINGS (TitrateSex, titrate_sex, sex_names, 0)
DEFINE_STRINGS (TitrateOrigin, titrate_origin, origin_names, 1)
DEFINE_STRINGS (TitrateSeverity, titrate_severity, severity_names, 0)
DEFINE_STRINGS (TitrateCategory, titrate_category, category_names, 0)

const char *
titrate_phase_to_string (TitratePhase phase)
{
  g_return_val_if_fail ((guint) phase < G_N_ELEMENTS (phase_names), NULL);
  return phase_names[phase];
}

const char *
titrate_route_unit (TitrateRoute route)
{
  return route == TITRATE_ROUTE_INTRATHECAL ? "mcg" : "mg";
}

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
