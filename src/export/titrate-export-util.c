/* titrate-export-util.c — helpers shared by the CSV, iCalendar and report writers
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "titrate-counselling.h"
#include "titrate-export-private.h"

#define EPSILON 1e-9

/* Helpers */

static gboolean
day_has_doses (const TitrateDay *d)
{
  if (d->phase == TITRATE_PHASE_NONE || d->phase == TITRATE_PHASE_STOPPED)
    return FALSE;
  return d->n_doses > 0 || !isnan (d->daily_mcg) || !isnan (d->bolus_mcg);
}

/* Plan */

void
_titrate_export_plan_free (TitrateExportPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_object (&plan->rules);
  g_clear_object (&plan->checked);
  g_free (plan);
}

TitrateExportPlan *
_titrate_export_plan_new (TitrateRules           *rules,
                          const TitrateDocument  *doc,
                          GError                **error)
{
  g_autoptr(TitrateExportPlan) plan = g_new0 (TitrateExportPlan, 1);
  g_autoptr(TitrateDocument) copy = NULL;
  const TitrateFormulation *f;

  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);
  g_return_val_if_fail (doc != NULL && doc->regimen != NULL, NULL);

  plan->rules = g_object_ref (rules);
  copy = titrate_document_copy (doc);
  if (!titrate_regimen_expand_protocol (copy->regimen, error))
    return NULL;
  if (!titrate_regimen_validate (copy->regimen, error))
    return NULL;

  /* The days (and alerts) come from the library's plan, as everywhere. */
  plan->checked = titrate_plan_new_for_document (rules, g_steal_pointer (&copy));
  plan->regimen = titrate_plan_get_document (plan->checked)->regimen;
  plan->days = titrate_plan_get_days (plan->checked);
  plan->last_dosing_day = titrate_regimen_last_dosing_day (plan->regimen);
  plan->strength = NAN;

  f = titrate_rules_get_formulation (rules, plan->regimen->formulation);
  if (plan->regimen->route == TITRATE_ROUTE_ORAL && f != NULL && f->route == TITRATE_ROUTE_ORAL)
    {
      double units;

      if (f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML)
        {
          plan->product = TITRATE_PRODUCT_LIQUID;
          plan->strength = plan->regimen->concentration_mg_per_ml;
        }
      else
        {
          plan->product = g_strcmp0 (f->code, "granules") == 0 ? TITRATE_PRODUCT_PACKET : TITRATE_PRODUCT_TABLET;
          plan->strength = plan->regimen->strength_mg;
        }
      /* The planner decides divisibility (halves only of tablets the
       * database marks as scored); ask it rather than guess. */
      plan->halves = plan->product == TITRATE_PRODUCT_TABLET && !isnan (plan->strength) &&
                     titrate_planner_units (rules, plan->regimen, plan->strength / 2, &units);
      if (isnan (plan->strength) || plan->strength <= 0)
        {
          plan->product = TITRATE_PRODUCT_NONE;
          plan->strength = NAN;
        }
    }

  return g_steal_pointer (&plan);
}

GPtrArray *
_titrate_export_plan_alerts (const TitrateExportPlan  *plan,
                             GError                  **error)
{
  GPtrArray *alerts = titrate_plan_dup_alert_array (plan->checked);

  if (alerts == NULL)
    g_propagate_error (error, g_error_copy (titrate_plan_get_error (plan->checked)));
  return alerts;
}

int
_titrate_export_plan_last_day_with_doses (const TitrateExportPlan *plan)
{
  for (guint i = plan->days->len; i > 0; i--)
    {
      const TitrateDay *d = &g_array_index (plan->days, TitrateDay, i - 1);

      if (day_has_doses (d))
        return d->day;
    }
  return 0;
}

gboolean
_titrate_export_dose_units (const TitrateExportPlan *plan,
                            double                   dose_mg,
                            double                  *units)
{
  if (plan->product == TITRATE_PRODUCT_NONE)
    {
      *units = NAN;
      return TRUE;
    }
  return titrate_planner_units (plan->rules, plan->regimen, dose_mg, units);
}

/* Text */

/* Plural count for a number of tablets: "½ tablet", "1 tablet", "1½
 * tablets", by the library's one rule. */
static gulong
plural_count (double units)
{
  return titrate_format_unit_plural (&units, 1);
}

char *
_titrate_export_units_short (const TitrateExportPlan *plan,
                             double                   units)
{
  g_autofree char *n = NULL;

  if (plan->product == TITRATE_PRODUCT_NONE || isnan (units))
    return NULL;
  /* Tablets break in halves ("1½"); a syringe is marked in decimals. */
  n = titrate_format_unit_count (units, plan->product == TITRATE_PRODUCT_LIQUID ? TITRATE_FORMULATION_UNIT_MG_PER_ML
                                                                              : TITRATE_FORMULATION_UNIT_MG_PER_UNIT);
  switch (plan->product)
    {
    case TITRATE_PRODUCT_TABLET:
      /* Translators: a number of tablets, e.g. "½ tablet", "2 tablets" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s tablet", "%s tablets", plural_count (units)), n);
    case TITRATE_PRODUCT_PACKET:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s packet", "%s packets", plural_count (units)), n);
    case TITRATE_PRODUCT_LIQUID:
      /* Translators: millilitres of liquid medicine */
      return g_strdup_printf (_("%s mL"), n);
    case TITRATE_PRODUCT_NONE:
    default:
      return NULL;
    }
}

char *
_titrate_export_units_long (const TitrateExportPlan *plan,
                            double                   units)
{
  g_autofree char *n = NULL;
  g_autofree char *s = NULL;

  if (plan->product == TITRATE_PRODUCT_NONE || isnan (units))
    return NULL;
  n = titrate_format_unit_count (units, plan->product == TITRATE_PRODUCT_LIQUID ? TITRATE_FORMULATION_UNIT_MG_PER_ML
                                                                              : TITRATE_FORMULATION_UNIT_MG_PER_UNIT);
  s = titrate_format_amount_display (plan->strength);
  switch (plan->product)
    {
    case TITRATE_PRODUCT_TABLET:
      /* Translators: e.g. "½ tablet of 10 mg" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s tablet of %s mg", "%s tablets of %s mg", plural_count (units)), n, s);
    case TITRATE_PRODUCT_PACKET:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s packet of %s mg", "%s packets of %s mg", plural_count (units)), n, s);
    case TITRATE_PRODUCT_LIQUID:
      /* Translators: e.g. "5 mL of the 1 mg/mL liquid" */
      return g_strdup_printf (_("%s mL of the %s mg/mL liquid"), n, s);
    case TITRATE_PRODUCT_NONE:
    default:
      return NULL;
    }
}

char *
_titrate_export_date (const GDate *date,
                      const char  *format)
{
  char buf[128];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup ("");
  /* %e pads single-digit days with a space: "Monday  4 January". */
  for (char *p = strstr (buf, "  "); p != NULL; p = strstr (p, "  "))
    memmove (p, p + 1, strlen (p + 1) + 1);
  return g_strstrip (g_strdup (buf));
}

GPtrArray *
_titrate_export_counselling (TitrateRules          *rules,
                             const TitrateDocument *doc)
{
  /* The library selects; the export only draws what it is given. */
  return titrate_counselling_select (rules, doc->patient, doc->regimen);
}

gboolean
_titrate_export_write_file (const char  *path,
                            const char  *data,
                            gsize        length,
                            GError     **error)
{
  /* Temporary file, fsync, rename: a reader never sees a half-written
   * export, and a failed export leaves no file behind. A link is followed
   * to its target; a FIFO or device is refused, never replaced; an
   * existing file keeps its permissions, a new one (patient data) is
   * private to its owner. */
  return titrate_io_replace_file (path, data, length, 0600, error);
}
