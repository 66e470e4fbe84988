/* titrate-ui-utils.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate.h"

G_BEGIN_DECLS

gboolean            titrate_set_str               (char              **ptr,
                                                   const char         *value);
char               *titrate_strip_mnemonic        (const char         *text);
char               *titrate_keep_units_together   (const char         *text);
char               *titrate_keep_units_together_narrow (const char    *text);
void                titrate_accessible_name_only  (GtkWidget          *widget,
                                                   const char         *label);
void                titrate_accessible_name_from_title (GtkWidget     *row);
void                titrate_accessible_install_mnemonic_names (void);
void                titrate_accessible_set_name   (GtkWidget          *widget,
                                                   const char         *name);
gboolean            titrate_plausible_weight_range (TitrateRules *rules,
                                                    double        age_years,
                                                    double       *min_kg,
                                                    double       *max_kg);
guint               titrate_accessible_name_inner (GtkWidget          *root,
                                                   GType               type,
                                                   const char         *label);
void                titrate_today                 (GDate              *out);
char               *titrate_today_iso             (void);

const char         *titrate_severity_icon_name    (TitrateSeverity     severity);
const char         *titrate_severity_css_class    (TitrateSeverity     severity);

const char         *titrate_phase_symbol          (TitratePhase        phase);
const char         *titrate_phase_css_class       (TitratePhase        phase);


G_END_DECLS
