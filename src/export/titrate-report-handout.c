/* titrate-report-handout.c — the patient handout: calendar, tablets, warning signs
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "titrate-counselling.h"
#include "titrate-export-pump.h"
#include "titrate-report-private.h"

/* Handout content */

static int
weekday_index (const GDate *date)
{
  return g_date_get_weekday (date) % 7;   /* GDate: Monday 1 … Sunday 7 → Sunday 0 */
}

static gboolean
day_has_medicine (const TitrateDay *d)
{
  return d->phase != TITRATE_PHASE_NONE && d->phase != TITRATE_PHASE_STOPPED &&
         (d->n_doses > 0 || !isnan (d->daily_mcg) || !isnan (d->bolus_mcg));
}

static const TitrateDay *
previous_dosing_day (TitrateReport *self,
                     guint          index)
{
  while (index-- > 0)
    {
      const TitrateDay *d = &g_array_index (self->plan->days, TitrateDay, index);

      if (day_has_medicine (d))
        return d;
    }
  return NULL;
}

static char *
day_date_markup (const TitrateDay *d)
{
  g_autofree char *weekday = NULL;
  g_autofree char *date = NULL;

  if (!g_date_valid (&d->date))
    {
      g_autofree char *day = g_strdup_printf (_("Day %d"), d->day);
      return g_markup_printf_escaped ("<b>%s</b>", day);
    }
  weekday = _titrate_export_date (&d->date, "%A");
  /* Translators: day and month under the weekday in the handout, strftime
   * format, e.g. "4 January" */
  date = _titrate_export_date (&d->date, _("%e %B"));
  return g_markup_printf_escaped ("<b>%s</b>\n%s", weekday, date);
}

static Row *
build_row (TitrateReport *self,
           Table         *t,
           guint          index,
           const TitrateDay *d)
{
  Row *row = g_new0 (Row, 1);
  const char *unit = titrate_route_unit (self->plan->regimen->route);
  const TitrateDay *prev = previous_dosing_day (self, index);
  int last_day = _titrate_export_plan_last_day_with_doses (self->plan);
  gboolean stops = self->plan->last_dosing_day >= 0;
  gboolean unmeasurable = FALSE;

  for (guint c = 0; c < TITRATE_MAX_DOSES_PER_DAY; c++)
    row->units[c] = NAN;
  row->date = day_date_markup (d);

  /* What changes today, in plain words. */
  if (d->phase == TITRATE_PHASE_STOPPED)
    {
      /* Translators: %s is the medicine, e.g. "baclofen" */
      g_autofree char *none = g_strdup_printf (_("No %s from today."), _titrate_report_medicine (self));

      row->full = g_markup_printf_escaped ("<b>%s</b> %s", none,
                                           _("Do not start it again unless your prescriber tells you to."));
    }
  else if (prev == NULL)
    row->note = g_markup_printf_escaped ("<b>%s</b>", _("First day of this plan."));
  else if (d->is_change && d->daily_total > prev->daily_total)
    row->note = g_markup_printf_escaped ("<b>%s</b> %s", _("New dose from today:"), _("the dose goes up."));
  else if (d->is_change && d->daily_total < prev->daily_total)
    row->note = g_markup_printf_escaped ("<b>%s</b> %s", _("New dose from today:"), _("the dose goes down."));
  else if (d->is_change)
    row->note = g_markup_printf_escaped ("<b>%s</b>", _("New dose from today."));

  if (stops && d->day == last_day && d->phase != TITRATE_PHASE_STOPPED)
    {
      g_autofree char *last = NULL;
      g_autofree char *text = NULL;

      if (d->n_doses > 0)
        {
          g_autofree char *time = titrate_dose_time_format (titrate_dose_times_get (&self->times, d->n_doses,
                                                                                     d->n_doses - 1));
          /* Translators: the _titrate_report_medicine ("baclofen") and a time of day */
          last = g_strdup_printf (_("Last day of %s: the %s dose is the last one."), _titrate_report_medicine (self), time);
        }
      else
        /* Translators: %s is the medicine, e.g. "baclofen" */
        last = g_strdup_printf (_("Last day of %s."), _titrate_report_medicine (self));
      text = g_markup_printf_escaped ("<b>%s</b>", last);
      if (row->note != NULL)
        {
          char *joined = g_strconcat (row->note, "\n", text, NULL);
          g_free (row->note);
          row->note = joined;
        }
      else
        row->note = g_steal_pointer (&text);
    }

  if (d->phase == TITRATE_PHASE_STOPPED)
    return row;

  if (self->plan->regimen->route == TITRATE_ROUTE_INTRATHECAL)
    {
      if (!isnan (d->bolus_mcg))
        {
          g_autofree char *b = titrate_format_dose (d->bolus_mcg, unit);
          row->full = g_markup_printf_escaped (_("Test dose: <b>%s</b>, given by your care team"), b);
        }
      else if (!isnan (d->daily_mcg))
        {
          g_autofree char *a = titrate_format_dose (d->daily_mcg, unit);
          row->full = g_markup_printf_escaped (_("Your pump gives <b>%s a day</b>"), a);
        }
      {
        g_autofree char *pump = _titrate_export_pump_day_note (self->rules, self->plan->regimen, &d->date);

        if (pump != NULL)
          {
            char *joined = g_strconcat (row->full ? row->full : "", row->full ? "\n" : "", pump, NULL);

            g_free (row->full);
            row->full = joined;
          }
      }
      return row;
    }

  for (guint k = 0; k < d->n_doses; k++)
    {
      int minutes = titrate_dose_times_get (&self->times, d->n_doses, k);
      g_autofree char *amount = titrate_format_dose (d->doses_mg[k], unit);
      double units;
      guint c = 0;

      while (c < t->n_cols && t->col_minutes[c] != minutes)
        c++;
      g_assert (c < t->n_cols);

      row->tick[c] = TRUE;
      if (_titrate_export_dose_units (self->plan, d->doses_mg[k], &units))
        {
          row->dose[c] = g_markup_printf_escaped ("<b>%s</b>", amount);
          row->units[c] = units;
        }
      else
        {
          row->dose[c] = g_markup_printf_escaped ("<b>%s</b>\n%s", amount, _("Ask your pharmacist"));
          unmeasurable = TRUE;
        }
    }

  /* Say why once, where such doses begin. */
  if (unmeasurable && (prev == NULL || prev->measurable || d->is_change))
    {
      g_autofree char *s = titrate_format_amount_display (self->plan->strength);
      g_autofree char *text = g_strdup_printf (_("These doses cannot be made from %s mg tablets. Ask your pharmacist "
                                                 "how to take them before this day."), s);
      g_autofree char *escaped = g_markup_printf_escaped ("<b>%s</b>", text);
      char *joined = row->note ? g_strconcat (row->note, "\n", escaped, NULL) : g_strdup (escaped);

      g_free (row->note);
      row->note = joined;
    }
  return row;
}

static void
add_week_table (TitrateReport *self,
                GArray        *indices,
                double         space_before)
{
  const TitrateDay *first = &g_array_index (self->plan->days, TitrateDay, g_array_index (indices, guint, 0));
  const TitrateDay *last = &g_array_index (self->plan->days, TitrateDay,
                                           g_array_index (indices, guint, indices->len - 1));
  Table *t = g_new0 (Table, 1);
  Block *b;
  g_autofree char *title = NULL;

  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _titrate_report_row_free);

  /* Columns: every dose time used this week, in order. */
  if (self->plan->regimen->route == TITRATE_ROUTE_ORAL)
    for (guint i = 0; i < indices->len; i++)
      {
        const TitrateDay *d = &g_array_index (self->plan->days, TitrateDay, g_array_index (indices, guint, i));

        if (d->phase == TITRATE_PHASE_STOPPED)
          continue;
        for (guint k = 0; k < d->n_doses; k++)
          {
            int m = titrate_dose_times_get (&self->times, d->n_doses, k);
            guint c = 0;

            while (c < t->n_cols && t->col_minutes[c] < m)
              c++;
            if (c < t->n_cols && t->col_minutes[c] == m)
              continue;
            if (t->n_cols == TITRATE_MAX_DOSES_PER_DAY)
              break;
            memmove (&t->col_minutes[c + 1], &t->col_minutes[c], (t->n_cols - c) * sizeof (int));
            t->col_minutes[c] = m;
            t->n_cols++;
          }
      }
  t->single_header = g_markup_printf_escaped ("<b>%s</b>", _titrate_report_medicine_start (self));

  if (g_date_valid (&first->date))
    {
      g_autofree char *a = NULL;
      /* Translators: last day of a week's table, strftime format, e.g.
       * "Sunday 10 January" */
      g_autofree char *z = _titrate_export_date (&last->date, _("%A %e %B"));

      if (first == last)
        title = g_strdup (z);
      else
        {
          /* A week across two months names both: "Sunday 31 January to
           * Saturday 6 February", not "Sunday 31 to Saturday 6 February". */
          if (g_date_get_month (&first->date) != g_date_get_month (&last->date))
            a = _titrate_export_date (&first->date, _("%A %e %B"));
          else
            /* Translators: first day of a week's table, strftime format, e.g.
             * "Monday 4" (followed by " to Sunday 10 January") */
            a = _titrate_export_date (&first->date, _("%A %e"));
          /* Translators: a week's table, e.g. "Monday 4 to Sunday 10 January" */
          title = g_strdup_printf (_("%s to %s"), a, z);
        }
    }
  else if (first == last)
    title = g_strdup_printf (_("Day %d"), first->day);
  else
    title = g_strdup_printf (_("Days %d to %d"), first->day, last->day);
  t->title = g_markup_printf_escaped ("<b>%s</b>", title);

  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);

      g_ptr_array_add (t->rows, build_row (self, t, index, &g_array_index (self->plan->days, TitrateDay, index)));
    }

  /* A week stays on one page when it fits on one. */
  b = _titrate_report_add_block (self, BLOCK_TABLE, NULL, HANDOUT_BODY, FLAG_KEEP_TOGETHER, space_before);
  b->table = t;
}

/* A week whose every day is the same step, with no change, no alert note
 * and no stop: -1 when it is not such a week, else the step's index. */
static int
uniform_step (TitrateReport *self,
              GArray        *week)
{
  const TitrateDay *first = &g_array_index (self->plan->days, TitrateDay, g_array_index (week, guint, 0));

  if (first->phase == TITRATE_PHASE_STOPPED)
    return -1;
  for (guint i = 0; i < week->len; i++)
    {
      const TitrateDay *d = &g_array_index (self->plan->days, TitrateDay, g_array_index (week, guint, i));

      if (d->is_change || d->step_index != first->step_index || d->phase != first->phase)
        return -1;
    }
  return first->step_index;
}

/* Weeks that repeat the week above are one line, "Monday 18 January to
 * Sunday 14 March: the same doses as the week above, every day", so a
 * once-daily plan is a few pages, not one per week. */
static void
add_repeat_range (TitrateReport *self,
                  guint          first_index,
                  guint          last_index)
{
  const TitrateDay *first = &g_array_index (self->plan->days, TitrateDay, first_index);
  const TitrateDay *last = &g_array_index (self->plan->days, TitrateDay, last_index);
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  /* A range of one day is that day: "Sunday 31 January 2027", never
   * "Sunday 31 January to Sunday 31 January 2027". */
  if (g_date_valid (&first->date))
    {
      g_autofree char *z = _titrate_export_date (&last->date, "%A %e %B %Y");

      if (first_index == last_index)
        range = g_steal_pointer (&z);
      else
        {
          g_autofree char *a = _titrate_export_date (&first->date, "%A %e %B");

          /* Translators: e.g. "Monday 18 January to Sunday 14 March 2027" */
          range = g_strdup_printf (_("%s to %s"), a, z);
        }
    }
  else if (first_index == last_index)
    /* Translators: one plan day, when the plan has no start date */
    range = g_strdup_printf (_("Day %d"), first->day);
  else
    range = g_strdup_printf (_("Days %d to %d"), first->day, last->day);
  /* Translators: %s is a range of dates, or a single date */
  text = g_strdup_printf (first_index == last_index ? _("%s: take the same doses as in the week above.")
                                                    : _("%s: take the same doses as in the week above, every day."),
                          range);
  markup = g_markup_printf_escaped ("<b>%s</b>", text);
  _titrate_report_add_text (self, markup, HANDOUT_BODY, FLAG_KEEP_TOGETHER, 10);
}

static void
add_calendar (TitrateReport *self)
{
  g_autoptr(GArray) week = g_array_new (FALSE, FALSE, sizeof (guint));
  int month = -1;
  gboolean first = TRUE;
  int shown_step = -1;            /* step of the last week shown as a table, if uniform */
  guint run_first = G_MAXUINT;    /* a run of repeated weeks not yet written */
  guint run_last = 0;

  for (guint i = 0; i <= self->plan->days->len; i++)
    {
      const TitrateDay *d = i < self->plan->days->len ? &g_array_index (self->plan->days, TitrateDay, i) : NULL;
      gboolean dated = d != NULL && g_date_valid (&d->date);
      gboolean new_week;

      if (d != NULL && d->phase == TITRATE_PHASE_NONE)
        continue;

      if (d == NULL)
        new_week = TRUE;
      else if (dated)
        new_week = weekday_index (&d->date) == self->week_start;
      else
        new_week = (d->day - 1) % 7 == 0;

      if (week->len > 0 && new_week)
        {
          int step = uniform_step (self, week);
          const TitrateDay *w0 = &g_array_index (self->plan->days, TitrateDay, g_array_index (week, guint, 0));

          if (step >= 0 && step == shown_step)
            {
              /* The same as the week above: part of a range. */
              if (run_first == G_MAXUINT)
                run_first = g_array_index (week, guint, 0);
              run_last = g_array_index (week, guint, week->len - 1);
            }
          else
            {
              if (run_first != G_MAXUINT)
                add_repeat_range (self, run_first, run_last);
              run_first = G_MAXUINT;
              if (g_date_valid (&w0->date) && (int) g_date_get_month (&w0->date) != month)
                {
                  g_autofree char *name = _titrate_export_date (&w0->date, "%B %Y");

                  month = g_date_get_month (&w0->date);
                  /* The calendar starts on a page of its own. */
                  _titrate_report_add_heading_full (self, name, HANDOUT_H1, first ? FLAG_NEW_PAGE : 0, 22);
                  first = FALSE;
                }
              else if (first)
                {
                  _titrate_report_add_heading_full (self, _("Your calendar"), HANDOUT_H1, FLAG_NEW_PAGE, 0);
                  first = FALSE;
                }
              add_week_table (self, week, 14);
              shown_step = step;
            }
          g_array_set_size (week, 0);
        }
      if (d != NULL)
        g_array_append_val (week, i);
    }
  if (run_first != G_MAXUINT)
    add_repeat_range (self, run_first, run_last);
}

/* The handout's warning box: @warning as its title, @advice, then the
 * warning signs the library selected (counselling rows of section
 * "withdrawal_sign"; a row's topic introduces its list when it differs from
 * the row before). */
static char *
warning_markup (int         big,
                int         body,
                const char *warning,
                const char *advice,
                GPtrArray  *signs)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *head = g_markup_printf_escaped ("<span size=\"%d\"><b>%s</b></span>\n<span size=\"%d\">%s",
                                                   big, warning, body, advice);

  g_string_append (s, head);
  for (guint i = 0; signs != NULL && i < signs->len; i++)
    {
      const TitrateCounselling *c = g_ptr_array_index (signs, i);
      const TitrateCounselling *before = i > 0 ? g_ptr_array_index (signs, i - 1) : NULL;
      g_autofree char *line = before == NULL || g_strcmp0 (before->topic, c->topic) != 0
                              ? g_markup_printf_escaped ("\n\n<b>%s</b>\n• %s", c->topic, c->text)
                              : g_markup_printf_escaped ("\n• %s", c->text);

      g_string_append (s, line);
    }
  g_string_append (s, "</span>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
_titrate_report_build_handout (TitrateReport *self)
{
  const TitrateRegimen *r = self->plan->regimen;
  gboolean oral = r->route == TITRATE_ROUTE_ORAL;
  g_autoptr(GPtrArray) counselling = _titrate_export_counselling (self->rules, self->doc);
  g_autoptr(GPtrArray) signs = titrate_counselling_select_withdrawal_signs (self->rules, self->doc->patient, r);
  g_autofree char *markup = NULL;
  g_autofree char *start = NULL;
  g_autofree char *title = _titrate_report_dup_title (self);
  g_autofree char *intro = NULL;
  g_autofree char *warning = NULL;
  int body = (int) (HANDOUT_BODY * PANGO_SCALE);
  int big = (int) (18 * PANGO_SCALE);

  _titrate_report_add_heading (self, title, HANDOUT_TITLE, 0);
  _titrate_report_add_field (self, _("Name"), 6);

  /* Translators: the plan's start date on the handout, strftime format,
   * e.g. "Monday 4 January 2027" */
  start = _titrate_export_date (&r->start_date, _("%A %e %B %Y"));
  if (oral)
    {
      /* Translators: %s is the medicine, e.g. "baclofen" */
      intro = g_strdup_printf (_("This calendar shows how much %s to take each day, and when. "
                                 "The dose changes slowly, step by step."), _titrate_report_medicine (self));
      markup = g_markup_printf_escaped ("%s\n%s", intro, _("At each time, take the amount shown. Then tick the box."));
    }
  else
    {
      /* Translators: %s is the medicine, e.g. "baclofen" */
      intro = g_strdup_printf (_("This calendar shows the %s your care team gives you "
                                 "each day, through the pump or as a test dose."), _titrate_report_medicine (self));
      markup = g_markup_printf_escaped ("%s", intro);
    }
  _titrate_report_add_text (self, markup, HANDOUT_BODY, 0, 14);
  if (*start != '\0')
    {
      g_clear_pointer (&markup, g_free);
      markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Start:"), start);
      _titrate_report_add_text (self, markup, HANDOUT_BODY, 0, 8);
    }

  if (oral && (self->plan->product == TITRATE_PRODUCT_TABLET || self->plan->product == TITRATE_PRODUCT_PACKET))
    {
      _titrate_report_add_heading (self, self->plan->product == TITRATE_PRODUCT_TABLET ? _("Your tablets") : _("Your packets"),
                                   HANDOUT_H2, 16);
      _titrate_report_add_block (self, BLOCK_LEGEND, NULL, HANDOUT_BODY, FLAG_KEEP_TOGETHER, 6);
    }
  else if (oral && self->plan->product == TITRATE_PRODUCT_LIQUID)
    {
      g_autofree char *s = titrate_format_amount_display (self->plan->strength);
      g_autofree char *text = g_strdup_printf (_("Your medicine is a liquid with %s mg in each mL. The calendar "
                                                 "shows how many mL to measure with the oral syringe."), s);

      g_clear_pointer (&markup, g_free);
      markup = g_markup_escape_text (text, -1);
      _titrate_report_add_text (self, markup, HANDOUT_BODY, 0, 12);
    }

  /* The warning box. */
  g_clear_pointer (&markup, g_free);
  if (oral)
    /* Translators: %s is the medicine, e.g. "baclofen" */
    warning = g_strdup_printf (_("Do not stop %s suddenly"), _titrate_report_medicine (self));
  else
    /* Translators: %s is the medicine, e.g. "baclofen" */
    warning = g_strdup_printf (_("Do not stop %s suddenly: never let your pump run empty"), _titrate_report_medicine (self));
  markup = warning_markup (big, body, warning,
                           oral ? _("Stopping suddenly, or missing several doses, can make you very ill. "
                                    "If you run out or cannot take it, call your prescriber or pharmacist "
                                    "the same day.")
                                : _("Go to every refill appointment. If the pump alarm sounds, call your "
                                    "pump team straight away."),
                           signs);
  _titrate_report_add_text (self, markup, HANDOUT_BODY, FLAG_WARNING | FLAG_KEEP_TOGETHER, 18);

  g_clear_pointer (&markup, g_free);
  if ((markup = _titrate_export_pump_card (self->rules, r, body)) != NULL)
    {
      _titrate_report_add_heading (self, _("Your pump"), HANDOUT_H2, 16);
      _titrate_report_add_text (self, markup, HANDOUT_BODY, FLAG_FRAME | FLAG_KEEP_TOGETHER, 6);
    }

  _titrate_report_add_heading (self, _("Who to call"), HANDOUT_H2, 16);
  _titrate_report_add_field (self, _("Prescriber"), 2);
  _titrate_report_add_field (self, _("Phone"), 2);
  _titrate_report_add_field (self, oral ? _("Pharmacy") : _("Pump team"), 2);

  if (counselling->len > 0)
    {
      _titrate_report_add_heading (self, _("Things to know"), HANDOUT_H1, 24);
      for (guint i = 0; i < counselling->len; i++)
        {
          const TitrateCounselling *c = g_ptr_array_index (counselling, i);

          g_clear_pointer (&markup, g_free);
          markup = g_markup_printf_escaped ("<b>%s</b>\n%s", c->topic, c->text);
          _titrate_report_add_text (self, markup, HANDOUT_BODY, FLAG_KEEP_TOGETHER, 12);
        }
    }

  add_calendar (self);

  g_clear_pointer (&markup, g_free);
  if (self->plan->last_dosing_day >= 0)
    {
      /* Translators: %s is the medicine, e.g. "baclofen" */
      g_autofree char *again = g_strdup_printf (_("do not start %s again unless your prescriber tells you to."),
                                                _titrate_report_medicine (self));

      markup = g_markup_printf_escaped ("<b>%s</b> %s", _("After your last dose:"), again);
    }
  else if (!oral)
    markup = g_markup_printf_escaped ("<b>%s</b> %s", _("After this calendar ends:"),
                                      _("your pump keeps giving the same dose as on the last day above, until "
                                        "your care team changes it. Never let it run empty."));
  else
    markup = g_markup_printf_escaped ("<b>%s</b> %s", _("After this calendar ends:"),
                                      _("keep taking the same dose as on the last day above, every day, until "
                                        "your prescriber changes it. Do not stop suddenly."));
  _titrate_report_add_text (self, markup, HANDOUT_BODY, FLAG_FRAME | FLAG_KEEP_TOGETHER, 18);
}
