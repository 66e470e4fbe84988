/* titrate-verdict-bar.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_VERDICT_BAR (titrate_verdict_bar_get_type ())

G_DECLARE_FINAL_TYPE (TitrateVerdictBar, titrate_verdict_bar, TITRATE, VERDICT_BAR, GtkBox)

void        titrate_verdict_bar_set_session (TitrateVerdictBar *self,
                                             TitrateSession    *session);
void        titrate_verdict_bar_set_date    (TitrateVerdictBar *self,
                                             const GDate       *date);
void        titrate_verdict_bar_set_pending (TitrateVerdictBar *self,
                                             const char        *fields);
const char *titrate_verdict_bar_get_dose    (TitrateVerdictBar *self);
const char *titrate_verdict_bar_get_maximum (TitrateVerdictBar *self);
const char *titrate_verdict_bar_get_alert   (TitrateVerdictBar *self);
const char *titrate_verdict_bar_get_count   (TitrateVerdictBar *self);
GtkWidget  *titrate_verdict_bar_get_count_button (TitrateVerdictBar *self);

G_END_DECLS
