/* titrate-format.h — the one place where numbers, amounts and labels are
 * written for people and where typed numbers are read back
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <glib.h>

#include "titrate-types.h"
#include "titrate-patient.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-format
 * @Title: Formatting
 * @Short_description: amounts with their units, labels, and typed numbers
 *
 * The one place where numbers, amounts and labels are written for people
 * and where typed numbers are read back. One rounding rule for every
 * amount: up to 3 decimals, trailing zeros trimmed ("7.5", "2.25", "10",
 * "26.667" for 80/3). Never rounds to a whole number silently. NAN is
 * written "—". The *_to_string forms of titrate-types.h are file/JSON
 * codes; the labels here are translated words for people.
 */

/**
 * titrate_format_amount:
 * @value: an amount
 *
 * The amount for files and JSON: "." as decimal separator, whatever the
 * locale.
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_amount          (double          value);

/**
 * titrate_format_amount_display:
 * @value: an amount
 *
 * The same for people: the locale's decimal separator ("7,5" in French).
 * Files and JSON always use titrate_format_amount().
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_amount_display  (double          value);

/**
 * titrate_format_date:
 * @date: a date, or %NULL
 * @format: a g_date_time_format() format, usually translated, e.g. "%a %-d %b %Y"
 *
 * A date for people, in their language ("Mon 25 Jan 2027"); files and
 * exports keep ISO dates. "" for %NULL or an invalid date.
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_date            (const GDate    *date,
                                            const char     *format);

/**
 * titrate_format_dose:
 * @value: an amount
 * @unit: its unit, e.g. "mg", "mcg", "mL"
 *
 * An amount and its unit for people: "15 mg", "150 mcg", "5 mL".
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_dose            (double          value,
                                            const char     *unit);

/**
 * titrate_format_daily:
 * @value: an amount per day
 * @unit: its unit, e.g. "mg", "mcg"
 *
 * An amount per day: "45 mg/day", "100 mcg/day".
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_daily           (double          value,
                                            const char     *unit);

/**
 * titrate_format_doses:
 * @doses: (array length=n_doses): the amounts
 * @n_doses: how many
 * @unit: their unit
 *
 * Several amounts in one unit: "5 + 5 + 5 mg".
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_doses           (const double   *doses,
                                            guint           n_doses,
                                            const char     *unit);

/**
 * titrate_format_number:
 * @value: a number
 *
 * What a number field shows: titrate_format_amount_display(), "" for NAN.
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_number          (double          value);

/**
 * titrate_format_unit_count:
 * @units: a count of the product
 * @unit: how the product's strength is given
 *
 * Counts of a product, one rule everywhere: tablets and packets
 * (%TITRATE_FORMULATION_UNIT_MG_PER_UNIT) break in halves, written as
 * fractions ("½", "1½", "2"; any other fraction keeps its decimals,
 * "0.75"); a liquid is measured in mL with decimals ("2.5", "2,5" in
 * French).
 *
 * Returns: (transfer full): the text
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_unit_count      (double                 units,
                                            TitrateFormulationUnit unit);

/**
 * titrate_format_unit_counts:
 * @units: (array length=n_units): units per dose
 * @n_units: how many doses
 * @unit: how the product's strength is given
 *
 * Units per dose for a day or a step: one count when every dose takes the
 * same ("½"), else each ("½ + ½ + 1").
 *
 * Returns: (transfer full) (nullable): the text, or %NULL without units
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_format_unit_counts     (const double          *units,
                                            guint                  n_units,
                                            TitrateFormulationUnit unit);

/**
 * titrate_format_unit_plural:
 * @units: (array length=n_units): units per dose
 * @n_units: how many doses
 *
 * The number to give ngettext() for a count of tablets or packets, one
 * rule everywhere: a count up to one (½, 1) is singular, a larger count
 * (1½, 2) plural; with several doses, the largest decides.
 *
 * Returns: the count for choosing the plural form
 */
TITRATE_AVAILABLE_IN_ALL
gulong      titrate_format_unit_plural     (const double          *units,
                                            guint                  n_units);

/**
 * titrate_route_to_label:
 * @route: a #TitrateRoute
 *
 * The route in words for people.
 *
 * Returns: (transfer none): the translated word for the route
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_route_to_label         (TitrateRoute    route);

/**
 * titrate_origin_to_label:
 * @origin: a #TitrateOrigin
 *
 * The spasticity origin in words for people.
 *
 * Returns: (transfer none): the translated words for the spasticity origin
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_origin_to_label        (TitrateOrigin   origin);

/**
 * titrate_sex_to_label:
 * @sex: a #TitrateSex
 *
 * The recorded sex in words for people.
 *
 * Returns: (transfer none): "female", "male" or "not recorded", translated
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_sex_to_label           (TitrateSex      sex);

/**
 * titrate_severity_to_label:
 * @severity: a #TitrateSeverity
 *
 * The severity in words for people, inside a sentence.
 *
 * Returns: (transfer none): the translated severity in lower case, e.g.
 *   "major" (also in counts: "2 major")
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_severity_to_label      (TitrateSeverity severity);

/**
 * titrate_severity_label:
 * @severity: a #TitrateSeverity
 *
 * The severity in words for people, as a heading or a badge.
 *
 * Returns: (transfer none): the translated severity, capitalised, standing
 *   alone, e.g. "Major", "Information"
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_severity_label         (TitrateSeverity severity);

/**
 * titrate_category_to_label:
 * @category: a #TitrateCategory
 *
 * The alert category in words for people.
 *
 * Returns: (transfer none): the translated alert category
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_category_to_label      (TitrateCategory category);

/**
 * titrate_phase_to_label:
 * @phase: a #TitratePhase
 *
 * The calendar phase in words for people.
 *
 * Returns: (transfer none): the translated phase; "before start" for
 *   %TITRATE_PHASE_NONE
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_phase_to_label         (TitratePhase    phase);

/**
 * titrate_phase_label:
 * @phase: a #TitratePhase
 *
 * The same as titrate_phase_to_label(), but "" for %TITRATE_PHASE_NONE (a
 * calendar cell before the plan).
 *
 * Returns: (transfer none): the translated phase
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_phase_label            (TitratePhase    phase);

/**
 * titrate_renal_basis_to_label:
 * @basis: a #TitrateRenalBasis
 *
 * How a renal estimate was obtained, e.g. "Cockcroft–Gault, actual
 * weight": one wording for the checker, the planner, the report and the
 * app.
 *
 * Returns: (transfer none): the translated words
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_renal_basis_to_label   (TitrateRenalBasis basis);

/**
 * titrate_locale_first_weekday:
 *
 * The first day of the week for calendars, from the locale (Monday where the C library does not say).
 *
 * Returns: the locale's first day of the week, 0 = Sunday … 6 = Saturday
 */
TITRATE_AVAILABLE_IN_ALL
int         titrate_locale_first_weekday   (void);

/**
 * TitrateParseResult:
 * @TITRATE_PARSE_EMPTY: nothing but spaces
 * @TITRATE_PARSE_OK: a number
 * @TITRATE_PARSE_INVALID: not a number (signs, exponents, units, letters)
 * @TITRATE_PARSE_AMBIGUOUS: grouped digits, or a separator that may be
 *   grouping: refused, see titrate_describe_ambiguous()
 *
 * What titrate_parse_number() read.
 */
typedef enum {
  TITRATE_PARSE_EMPTY,
  TITRATE_PARSE_OK,
  TITRATE_PARSE_INVALID,
  TITRATE_PARSE_AMBIGUOUS,     /* grouped digits, or a separator that may be grouping */
} TitrateParseResult;

/**
 * titrate_parse_number:
 * @text: what a person typed for an amount
 * @out: (out): where to store the number
 *
 * Reads a typed amount by one rule, the same in every field: the locale's
 * decimal separator is always a decimal separator; thousands separators
 * are never accepted, and text that may group digits ("1,000" in English,
 * "1.000" in French) is refused as ambiguous rather than read as one
 * number or another.
 *
 * Returns: what was read; @out holds the number for %TITRATE_PARSE_OK
 */
TITRATE_AVAILABLE_IN_ALL
TitrateParseResult titrate_parse_number    (const char     *text,
                                            double         *out);

/**
 * titrate_decimal_separator:
 *
 * The decimal separator titrate_parse_number() always accepts.
 *
 * Returns: (transfer none): the locale's decimal separator, e.g. "," in
 *   French
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_decimal_separator      (void);

/**
 * titrate_describe_ambiguous:
 * @text: text titrate_parse_number() refused as ambiguous
 *
 * Explains a %TITRATE_PARSE_AMBIGUOUS result to the person who typed it.
 *
 * Returns: (transfer full): a translated message saying why @text was
 *   refused and how to write it
 */
TITRATE_AVAILABLE_IN_ALL
char       *titrate_describe_ambiguous     (const char     *text);

G_END_DECLS
