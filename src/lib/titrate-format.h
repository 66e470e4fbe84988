/* titrate-format.h — the one place where numbers, amounts and labels are
 * written for people and where typed numbers are read back
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "titrate-types.h"
#include "titrate-patient.h"

G_BEGIN_DECLS

/* Amounts. One rounding rule for every amount: up to 3 decimals, trailing
 * zeros trimmed ("7.5", "2.25", "10", 26.667 for 80/3). Never rounds to a
 * whole number silently. NAN is written "—". */
char       *titrate_format_amount          (double          value);
/* The same for people: the locale's decimal separator ("7,5" in French).
 * Files and JSON always use titrate_format_amount(). */
char       *titrate_format_amount_display  (double          value);
/* An amount and its unit for people: "15 mg", "150 mcg", "5 mL". */
char       *titrate_format_dose            (double          value,
                                            const char     *unit);
/* An amount per day: "45 mg/day", "100 mcg/day". */
char       *titrate_format_daily           (double          value,
                                            const char     *unit);
/* Several amounts in one unit: "5 + 5 + 5 mg". */
char       *titrate_format_doses           (const double   *doses,
                                            guint           n_doses,
                                            const char     *unit);
/* What a number field shows: titrate_format_amount_display(), "" for NAN. */
char       *titrate_format_number          (double          value);

/* Counts of a product, one rule everywhere: tablets and packets
 * (TITRATE_FORMULATION_UNIT_MG_PER_UNIT) break in halves, written as
 * fractions ("½", "1½", "2"; any other fraction keeps its decimals,
 * "0.75"); a liquid is measured in mL with decimals ("2.5", "2,5" in
 * French). */
char       *titrate_format_unit_count      (double                 units,
                                            TitrateFormulationUnit unit);
/* Units per dose for a day or a step: one count when every dose takes the
 * same ("½"), else each ("½ + ½ + 1"); NULL without units. */
char       *titrate_format_unit_counts     (const double          *units,
                                            guint                  n_units,
                                            TitrateFormulationUnit unit);

/* Labels for people (the *_to_string forms are file/JSON codes). */
const char *titrate_route_to_label         (TitrateRoute    route);
const char *titrate_origin_to_label        (TitrateOrigin   origin);
/* "female", "male", "not recorded". */
const char *titrate_sex_to_label           (TitrateSex      sex);
/* Lower case, e.g. "major" (also in counts: "2 major"). */
const char *titrate_severity_to_label      (TitrateSeverity severity);
/* Capitalised, standing alone, e.g. "Major", "Information". */
const char *titrate_severity_label         (TitrateSeverity severity);
const char *titrate_category_to_label      (TitrateCategory category);
/* "before start" for TITRATE_PHASE_NONE. */
const char *titrate_phase_to_label         (TitratePhase    phase);
/* The same, but "" for TITRATE_PHASE_NONE (a calendar cell before the plan). */
const char *titrate_phase_label            (TitratePhase    phase);
/* How a renal estimate was obtained, e.g. "Cockcroft–Gault, actual body
 * weight": one wording for the checker, the planner, the report and the app. */
const char *titrate_renal_basis_to_label   (TitrateRenalBasis basis);

/* The locale's first day of the week, 0 = Sunday … 6 = Saturday. */
int         titrate_locale_first_weekday   (void);

/* Typed numbers, read by one rule in every field (see titrate-format.c). */
typedef enum {
  TITRATE_PARSE_EMPTY,
  TITRATE_PARSE_OK,
  TITRATE_PARSE_INVALID,
  TITRATE_PARSE_AMBIGUOUS,     /* grouped digits, or a separator that may be grouping */
} TitrateParseResult;

TitrateParseResult titrate_parse_number    (const char     *text,
                                            double         *out);
/* The locale's decimal separator, e.g. "," in French. */
const char *titrate_decimal_separator      (void);
/* Says why @text was refused as ambiguous and how to write it. */
char       *titrate_describe_ambiguous     (const char     *text);

G_END_DECLS
