/* titrate-csv.h — the day-by-day calendar as CSV
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate.h"

G_BEGIN_DECLS

/*
 * The calendar of a regimen document, one row per day from day 1 to
 * titrate_planner_horizon() (which includes the first day without baclofen
 * when the plan stops). RFC 4180: comma-separated, CRLF line ends, UTF-8
 * without a byte-order mark, fields quoted only when needed. Numbers use '.'
 * as the decimal point whatever the locale and are written with
 * titrate_format_amount() (never rounded to a whole number).
 *
 * Oral header, N = the most doses on any day of the plan:
 *   date,day,phase,dose_1_mg … dose_N_mg,daily_total_mg,
 *   U_per_dose_1 … U_per_dose_N,measurable,unit
 * where U says what is counted: "tablets", "packets", "ml" (oral liquid), or
 * "units" when no strength is chosen (the cells are then empty). "unit"
 * names the product, e.g. "10 mg tablet (scored: halves allowed)".
 * Intrathecal header (mcg, never converted):
 *   date,day,phase,daily_total_mcg,bolus_mcg,measurable
 *
 * date is ISO 8601 (empty without a start date), phase is
 * titrate_phase_to_string(), measurable is "true" or "false", a day with
 * fewer doses leaves the extra cells empty, a stopped day has a daily total
 * of 0.
 */

/* (transfer full) the CSV text, or NULL with @error set (invalid regimen) */
char     *titrate_csv_write   (TitrateRules          *rules,
                               const TitrateDocument *doc,
                               gsize                 *length,
                               GError               **error);
/* Writes the CSV to @path atomically; on error no file is left behind. */
gboolean  titrate_csv_export  (TitrateRules          *rules,
                               const TitrateDocument *doc,
                               const char            *path,
                               GError               **error);
/*
 * Reads a CSV written by titrate_csv_write() back into days.
 * Returns (transfer full) (element-type TitrateDay), or NULL with
 * TITRATE_ERROR_INVALID naming the line and column. @route (optional) is set
 * from the header's unit. step_index is not stored: it is 0 for a planned day
 * and -1 before the start; is_change is not stored (FALSE).
 */
GArray   *titrate_csv_parse   (const char            *data,
                               gssize                 length,
                               TitrateRoute          *route,
                               GError               **error);

G_END_DECLS
