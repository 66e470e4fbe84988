/* titrate-csv.c — the day-by-day calendar as CSV (RFC 4180)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "titrate-csv.h"
#include "titrate-export-private.h"

/* Helpers */

static void
append_field (GString    *out,
              gboolean    first,
              const char *value)
{
  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

static void
append_number (GString  *out,
               gboolean  first,
               double    value)
{
  g_autofree char *s = isnan (value) ? NULL : titrate_format_amount (value);

  append_field (out, first, s);
}

static const char *
units_word (TitrateProductKind product)
{
  switch (product)
    {
    case TITRATE_PRODUCT_TABLET:
      return "tablets";
    case TITRATE_PRODUCT_PACKET:
      return "packets";
    case TITRATE_PRODUCT_LIQUID:
      return "ml";
    case TITRATE_PRODUCT_NONE:
    default:
      return "units";
    }
}

static gboolean
phase_from_string (const char   *str,
                   TitratePhase *out)
{
  for (int p = TITRATE_PHASE_NONE; p <= TITRATE_PHASE_SCREENING; p++)
    if (g_strcmp0 (titrate_phase_to_string (p), str) == 0)
      {
        *out = p;
        return TRUE;
      }
  return FALSE;
}

/* Splits RFC 4180 text into records of fields. Accepts LF as well as CRLF. */
static GPtrArray *
split_records (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) record = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data;
  const char *end = data + length;
  guint line = 1;

  while (p < end)
    {
      if (record == NULL)
        record = g_ptr_array_new_with_free_func (g_free);
      g_string_truncate (field, 0);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                               _("CSV line %u: unterminated quoted field"), line);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              if (*p == '"')
                {
                  g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                               _("CSV line %u: quote inside an unquoted field"), line);
                  return NULL;
                }
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (record, g_strndup (field->str, field->len));

      if (p < end && *p == ',')
        {
          p++;
          if (p == end)
            g_ptr_array_add (record, g_strdup (""));
          continue;
        }
      if (p < end && *p != '\r' && *p != '\n')
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("CSV line %u: text after a closing quote"), line);
          return NULL;
        }
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      line++;
      g_ptr_array_add (records, g_steal_pointer (&record));
    }
  if (record != NULL)
    g_ptr_array_add (records, g_steal_pointer (&record));
  return g_steal_pointer (&records);
}

static int
find_column (GPtrArray  *header,
             const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), name) == 0)
      return (int) i;
  return -1;
}

static gboolean
parse_number (const char  *text,
              double      *out,
              guint        line,
              const char  *column,
              GError     **error)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    {
      *out = NAN;
      return TRUE;
    }
  *out = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*out))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("CSV line %u, column %s: not a number (got “%s”)"), line, column, text);
      return FALSE;
    }
  return TRUE;
}

/* Public API */

/**
 * titrate_csv_write:
 * @rules: a validated rules database (tablet strengths and scoring)
 * @doc: the regimen document
 * @length: (out) (optional): length of the text
 * @error: set when the regimen cannot be planned
 *
 * Returns: (transfer full): the calendar as CSV, or %NULL with @error set
 */
char *
titrate_csv_write (TitrateRules          *rules,
                   const TitrateDocument *doc,
                   gsize                 *length,
                   GError               **error)
{
  g_autoptr(TitrateExportPlan) plan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *unit_name = NULL;
  gboolean oral;
  guint max_doses = 0;

  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((plan = _titrate_export_plan_new (rules, doc, error)) == NULL)
    return NULL;

  oral = plan->regimen->route == TITRATE_ROUTE_ORAL;
  for (guint i = 0; i < plan->days->len; i++)
    max_doses = MAX (max_doses, g_array_index (plan->days, TitrateDay, i).n_doses);

  unit_name = titrate_planner_unit_name (rules, plan->regimen);
  if (unit_name != NULL && g_str_has_prefix (unit_name, "× "))
    memmove (unit_name, unit_name + strlen ("× "), strlen (unit_name) - strlen ("× ") + 1);

  /* Header */
  append_field (out, TRUE, "date");
  append_field (out, FALSE, "day");
  append_field (out, FALSE, "phase");
  if (oral)
    {
      for (guint k = 1; k <= max_doses; k++)
        {
          g_autofree char *name = g_strdup_printf ("dose_%u_mg", k);
          append_field (out, FALSE, name);
        }
      append_field (out, FALSE, "daily_total_mg");
      for (guint k = 1; k <= max_doses; k++)
        {
          g_autofree char *name = g_strdup_printf ("%s_per_dose_%u", units_word (plan->product), k);
          append_field (out, FALSE, name);
        }
      append_field (out, FALSE, "measurable");
      append_field (out, FALSE, "unit");
    }
  else
    {
      append_field (out, FALSE, "daily_total_mcg");
      append_field (out, FALSE, "bolus_mcg");
      append_field (out, FALSE, "measurable");
    }
  g_string_append (out, "\r\n");

  /* One row per day */
  for (guint i = 0; i < plan->days->len; i++)
    {
      const TitrateDay *d = &g_array_index (plan->days, TitrateDay, i);
      g_autofree char *day = g_strdup_printf ("%d", d->day);
      char date[16] = "";

      if (g_date_valid (&d->date))
        g_date_strftime (date, sizeof date, "%Y-%m-%d", &d->date);

      append_field (out, TRUE, date);
      append_field (out, FALSE, day);
      append_field (out, FALSE, titrate_phase_to_string (d->phase));
      if (oral)
        {
          for (guint k = 0; k < max_doses; k++)
            append_number (out, FALSE, k < d->n_doses ? d->doses_mg[k] : NAN);
          append_number (out, FALSE, d->daily_total);
          for (guint k = 0; k < max_doses; k++)
            append_number (out, FALSE, k < d->n_doses ? d->units_per_dose[k] : NAN);
          append_field (out, FALSE, d->measurable ? "true" : "false");
          append_field (out, FALSE, unit_name);
        }
      else
        {
          append_number (out, FALSE, d->daily_total);
          append_number (out, FALSE, d->bolus_mcg);
          append_field (out, FALSE, d->measurable ? "true" : "false");
        }
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * titrate_csv_export:
 * @rules: a validated rules database
 * @doc: the regimen document
 * @path: the file to write (replaced atomically)
 * @error: set on failure; then no file is written
 *
 * Returns: %TRUE on success
 */
gboolean
titrate_csv_export (TitrateRules          *rules,
                    const TitrateDocument *doc,
                    const char            *path,
                    GError               **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((text = titrate_csv_write (rules, doc, &length, error)) == NULL)
    return FALSE;
  return _titrate_export_write_file (path, text, length, error);
}

/**
 * titrate_csv_parse:
 * @data: CSV text as written by titrate_csv_write()
 * @length: length of @data, or -1 if nul-terminated
 * @route: (out) (optional): the route named by the header's units
 * @error: set with %TITRATE_ERROR_INVALID naming the line and column
 *
 * Returns: (transfer full) (element-type TitrateDay): the days, or %NULL
 */
GArray *
titrate_csv_parse (const char    *data,
                   gssize         length,
                   TitrateRoute  *route,
                   GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) days = NULL;
  GPtrArray *header;
  int c_date, c_day, c_phase, c_total, c_bolus, c_measurable;
  int c_dose[TITRATE_MAX_DOSES_PER_DAY];
  int c_units[TITRATE_MAX_DOSES_PER_DAY];
  static const char *const words[] = { "tablets", "packets", "ml", "units" };
  gboolean oral;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if ((records = split_records (data, (gsize) length, error)) == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID, _("CSV: no header line"));
      return NULL;
    }

  header = g_ptr_array_index (records, 0);
  c_date = find_column (header, "date");
  c_day = find_column (header, "day");
  c_phase = find_column (header, "phase");
  c_measurable = find_column (header, "measurable");
  c_total = find_column (header, "daily_total_mg");
  oral = c_total >= 0;
  c_bolus = -1;
  if (!oral)
    {
      c_total = find_column (header, "daily_total_mcg");
      c_bolus = find_column (header, "bolus_mcg");
    }
  if (c_date < 0 || c_day < 0 || c_phase < 0 || c_total < 0 || c_measurable < 0 || (!oral && c_bolus < 0))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("CSV line 1: the header needs date, day, phase, daily_total_mg or daily_total_mcg "
                     "(with bolus_mcg) and measurable"));
      return NULL;
    }
  for (guint k = 0; k < TITRATE_MAX_DOSES_PER_DAY; k++)
    {
      g_autofree char *dose = g_strdup_printf ("dose_%u_mg", k + 1);

      c_dose[k] = oral ? find_column (header, dose) : -1;
      c_units[k] = -1;
      for (guint w = 0; w < G_N_ELEMENTS (words) && oral; w++)
        {
          g_autofree char *name = g_strdup_printf ("%s_per_dose_%u", words[w], k + 1);

          if ((c_units[k] = find_column (header, name)) >= 0)
            break;
        }
    }
  if (route != NULL)
    *route = oral ? TITRATE_ROUTE_ORAL : TITRATE_ROUTE_INTRATHECAL;

  days = g_array_sized_new (FALSE, TRUE, sizeof (TitrateDay), records->len);
  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *rec = g_ptr_array_index (records, r);
      guint line = r + 1;
      TitrateDay d;
      const char *s;
      double value;

      /* A blank last line is not a record. */
      if (rec->len == 1 && *(const char *) g_ptr_array_index (rec, 0) == '\0')
        continue;
      if (rec->len != header->len)
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("CSV line %u: %u fields, the header has %u"), line, rec->len, header->len);
          return NULL;
        }

      memset (&d, 0, sizeof d);
      d.daily_mcg = NAN;
      d.bolus_mcg = NAN;
      g_date_clear (&d.date, 1);

      s = g_ptr_array_index (rec, c_date);
      if (*s != '\0')
        {
          int y, m, dd;
          char extra;

          if (sscanf (s, "%4d-%2d-%2d%c", &y, &m, &dd, &extra) != 3 ||
              !g_date_valid_dmy ((GDateDay) dd, (GDateMonth) m, (GDateYear) y))
            {
              g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("CSV line %u, column date: not a YYYY-MM-DD date (got “%s”)"), line, s);
              return NULL;
            }
          g_date_set_dmy (&d.date, (GDateDay) dd, (GDateMonth) m, (GDateYear) y);
        }

      if (!parse_number (g_ptr_array_index (rec, c_day), &value, line, "day", error))
        return NULL;
      if (isnan (value) || value != floor (value))
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("CSV line %u, column day: must be a whole number"), line);
          return NULL;
        }
      d.day = (int) value;

      s = g_ptr_array_index (rec, c_phase);
      if (!phase_from_string (s, &d.phase))
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("CSV line %u, column phase: unknown phase “%s”"), line, s);
          return NULL;
        }
      d.step_index = d.phase == TITRATE_PHASE_NONE ? -1 : 0;

      for (guint k = 0; k < TITRATE_MAX_DOSES_PER_DAY && c_dose[k] >= 0; k++)
        {
          g_autofree char *dose_col = g_strdup_printf ("dose_%u_mg", k + 1);

          if (!parse_number (g_ptr_array_index (rec, c_dose[k]), &value, line, dose_col, error))
            return NULL;
          if (isnan (value))
            break;
          d.doses_mg[k] = value;
          d.units_per_dose[k] = NAN;
          if (c_units[k] >= 0 &&
              !parse_number (g_ptr_array_index (rec, c_units[k]), &d.units_per_dose[k], line,
                             (const char *) g_ptr_array_index (header, c_units[k]), error))
            return NULL;
          d.n_doses = k + 1;
        }

      if (!parse_number (g_ptr_array_index (rec, c_total), &d.daily_total, line,
                         (const char *) g_ptr_array_index (header, c_total), error))
        return NULL;
      if (c_bolus >= 0)
        {
          if (!parse_number (g_ptr_array_index (rec, c_bolus), &d.bolus_mcg, line, "bolus_mcg", error))
            return NULL;
          if (isnan (d.bolus_mcg) && d.phase != TITRATE_PHASE_STOPPED && d.phase != TITRATE_PHASE_NONE)
            d.daily_mcg = d.daily_total;
        }

      s = g_ptr_array_index (rec, c_measurable);
      if (g_strcmp0 (s, "true") == 0)
        d.measurable = TRUE;
      else if (g_strcmp0 (s, "false") == 0)
        d.measurable = FALSE;
      else
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("CSV line %u, column measurable: must be true or false (got “%s”)"), line, s);
          return NULL;
        }

      g_array_append_val (days, d);
    }

  return g_steal_pointer (&days);
}
