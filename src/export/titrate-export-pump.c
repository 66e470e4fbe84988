/* titrate-export-pump.c — the intrathecal pump in printed pages
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "titrate-export-pump.h"
#include "titrate-export-private.h"
#include "titrate-pump.h"

#define PATIENT_DATE "%A %e %B %Y"

static void
add_line (GString    *s,
          const char *label,
          const char *value)
{
  g_autofree char *line = g_markup_printf_escaped ("<b>%s</b> %s\n", label, value);

  g_string_append (s, line);
}

char *
_titrate_export_pump_card (TitrateRules         *rules,
                           const TitrateRegimen *regimen,
                           int                   body_size)
{
  const TitratePump *pump = regimen->pump;
  const TitratePumpModel *model;
  g_autoptr(TitratePumpPlan) plan = NULL;
  g_autoptr(GString) s = NULL;
  g_autofree char *conc = NULL;
  const char *keys[] = { "card_keep", "card_early_signs", "card_act_now" };

  if (pump == NULL || regimen->route != TITRATE_ROUTE_INTRATHECAL)
    return NULL;

  model = titrate_pump_get_model (rules, pump->model);
  plan = titrate_pump_plan (rules, regimen, NULL);
  s = g_string_new (NULL);

  add_line (s, _("Pump:"), model ? model->label : pump->model);
  if (plan != NULL)
    {
      g_autofree char *res = titrate_format_amount_display (plan->reservoir_ml);
      g_autofree char *text = g_strdup_printf (_("%s mL"), res);

      add_line (s, _("Reservoir:"), text);
    }
  if (!isnan (regimen->concentration_mcg_per_ml))
    {
      g_autofree char *c = titrate_format_amount_display (regimen->concentration_mcg_per_ml);

      conc = g_strdup_printf (_("%s mcg in each mL"), c);
      add_line (s, _("Medicine strength:"), conc);
    }
  if (plan != NULL)
    {
      g_autofree char *lo = titrate_format_amount_display (plan->daily_mcg_min);
      g_autofree char *hi = titrate_format_amount_display (plan->daily_mcg_max);
      g_autofree char *dose = fabs (plan->daily_mcg_max - plan->daily_mcg_min) < 1e-9
                              ? g_strdup_printf (_("%s mcg a day"), lo)
                              : g_strdup_printf (_("%s to %s mcg a day (your team changes it step by step)"), lo, hi);

      add_line (s, _("Dose:"), dose);
      if (g_date_valid (&plan->alarm_date))
        {
          g_autofree char *alarm = _titrate_export_date (&plan->alarm_date, PATIENT_DATE);
          g_autofree char *by = _titrate_export_date (&plan->refill_by_date, PATIENT_DATE);

          add_line (s, _("Pump alarm date:"), alarm);
          add_line (s, _("Refill by:"), by);
        }
      else if (g_date_valid (&plan->empty_date))
        {
          g_autofree char *empty = _titrate_export_date (&plan->empty_date, PATIENT_DATE);

          add_line (s, _("Pump runs empty on:"), empty);
          if (g_date_valid (&plan->refill_by_date))
            {
              g_autofree char *by = _titrate_export_date (&plan->refill_by_date, PATIENT_DATE);

              add_line (s, _("Refill by:"), by);
            }
        }
    }
  if (g_date_valid (&pump->next_refill_date))
    {
      g_autofree char *next = _titrate_export_date (&pump->next_refill_date, PATIENT_DATE);

      add_line (s, _("Your next refill appointment:"), next);
    }
  else
    add_line (s, _("Your next refill appointment:"), _("ask your pump team to book it"));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *text = titrate_pump_get_medicine_text (rules, regimen->drug, keys[i], NULL);
      g_autofree char *escaped = NULL;

      if (text == NULL)
        continue;
      escaped = g_markup_escape_text (text, -1);
      g_string_append_c (s, '\n');
      if (i == G_N_ELEMENTS (keys) - 1)
        g_string_append_printf (s, "<b>%s</b>", escaped);
      else
        g_string_append (s, escaped);
    }
  return g_strdup_printf ("<span size=\"%d\">%s</span>", body_size, s->str);
}

char *
_titrate_export_pump_arithmetic (TitrateRules         *rules,
                                 const TitrateRegimen *regimen)
{
  g_autoptr(TitratePumpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) s = NULL;
  const TitratePumpModel *model;

  if (regimen->pump == NULL || regimen->route != TITRATE_ROUTE_INTRATHECAL)
    return NULL;
  model = titrate_pump_get_model (rules, regimen->pump->model);
  s = g_string_new (NULL);
  {
    g_autofree char *line = g_markup_printf_escaped ("<b>%s</b> %s\n", _("Pump:"),
                                                     model ? model->label : regimen->pump->model);
    g_string_append (s, line);
  }
  plan = titrate_pump_plan (rules, regimen, &error);
  if (plan == NULL)
    {
      g_autofree char *line = g_markup_printf_escaped (_("Not computed: %s"), error ? error->message : "");
      g_string_append (s, line);
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  lines = titrate_pump_plan_arithmetic (plan);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (lines, i), -1);

      g_string_append_printf (s, "%s%s", i > 0 ? "\n" : "", escaped);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
_titrate_export_pump_day_note (TitrateRules         *rules,
                               const TitrateRegimen *regimen,
                               const GDate          *date)
{
  g_autoptr(TitratePumpPlan) plan = NULL;
  g_autoptr(GString) s = NULL;
  TitratePumpMark marks;

  if (regimen->pump == NULL || regimen->route != TITRATE_ROUTE_INTRATHECAL || date == NULL || !g_date_valid (date))
    return NULL;
  plan = titrate_pump_plan (rules, regimen, NULL);
  marks = titrate_pump_plan_marks_for (regimen->pump, plan, date);
  if (marks == TITRATE_PUMP_MARK_NONE)
    return NULL;
  s = g_string_new (NULL);
  if (marks & TITRATE_PUMP_MARK_REFILL)
    g_string_append_printf (s, "%s%s", s->len ? "\n" : "", _("Pump refilled today."));
  if (marks & TITRATE_PUMP_MARK_NEXT)
    g_string_append_printf (s, "%s<b>%s</b>", s->len ? "\n" : "", _("Pump refill appointment today."));
  if (marks & TITRATE_PUMP_MARK_REFILL_BY)
    g_string_append_printf (s, "%s<b>%s</b>", s->len ? "\n" : "",
                            _("Refill by today: if no refill is booked, call your pump team."));
  if (marks & TITRATE_PUMP_MARK_ALARM)
    g_string_append_printf (s, "%s<b>%s</b>", s->len ? "\n" : "",
                            _("Pump alarm expected today if it has not been refilled."));
  if (marks & TITRATE_PUMP_MARK_EMPTY)
    g_string_append_printf (s, "%s<b>%s</b>", s->len ? "\n" : "",
                            _("Pump runs empty today if it has not been refilled: get help at once."));
  return g_string_free (g_steal_pointer (&s), FALSE);
}
