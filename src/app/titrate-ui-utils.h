/* titrate-ui-utils.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate.h"

G_BEGIN_DECLS

typedef enum {
  TITRATE_PARSE_EMPTY,
  TITRATE_PARSE_OK,
  TITRATE_PARSE_INVALID,
  TITRATE_PARSE_AMBIGUOUS,     /* grouped digits, or a separator that may be grouping */
} TitrateParseResult;

gboolean            titrate_set_str               (char              **ptr,
                                                   const char         *value);
TitrateParseResult  titrate_parse_number          (const char         *text,
                                                   double             *out);
char               *titrate_strip_mnemonic        (const char         *text);
void                titrate_accessible_name_only  (GtkWidget          *widget,
                                                   const char         *label);
void                titrate_accessible_name_from_title (GtkWidget     *row);
gboolean            titrate_plausible_weight_range (TitrateRules *rules,
                                                    double        age_years,
                                                    double       *min_kg,
                                                    double       *max_kg);
guint               titrate_accessible_name_inner (GtkWidget          *root,
                                                   GType               type,
                                                   const char         *label);
const char         *titrate_decimal_separator     (void);
char               *titrate_describe_ambiguous    (const char         *text);
char               *titrate_format_number         (double              value);
char               *titrate_format_dose           (double              value,
                                                   const char         *unit);
char               *titrate_format_doses          (const double       *doses,
                                                   guint               n_doses,
                                                   const char         *unit);
char               *titrate_format_date           (const GDate        *date,
                                                   const char         *format);
char               *titrate_format_units          (const TitrateDay   *day);
void                titrate_today                 (GDate              *out);
char               *titrate_today_iso             (void);

const char         *titrate_severity_label        (TitrateSeverity     severity);
const char         *titrate_severity_label_plural (TitrateSeverity     severity);
const char         *titrate_severity_icon_name    (TitrateSeverity     severity);
const char         *titrate_severity_css_class    (TitrateSeverity     severity);

const char         *titrate_phase_label           (TitratePhase        phase);
const char         *titrate_phase_symbol          (TitratePhase        phase);
const char         *titrate_phase_css_class       (TitratePhase        phase);

const char         *titrate_renal_basis_label     (TitrateRenalBasis   basis);

G_END_DECLS
