/* titrate-pump-section.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_PUMP_SECTION (titrate_pump_section_get_type ())

G_DECLARE_FINAL_TYPE (TitratePumpSection, titrate_pump_section, TITRATE, PUMP_SECTION, GtkBox)

/* The regimen form's Pump section (intrathecal regimens only; hidden
 * otherwise). It edits regimen.pump through the session. */
GtkWidget *titrate_pump_section_new (TitrateSession *session);

G_END_DECLS
