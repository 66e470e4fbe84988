/* titrate-regimen-form.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_REGIMEN_FORM (titrate_regimen_form_get_type ())

G_DECLARE_FINAL_TYPE (TitrateRegimenForm, titrate_regimen_form, TITRATE, REGIMEN_FORM, GtkBox)

void     titrate_regimen_form_set_session      (TitrateRegimenForm *self,
                                                TitrateSession     *session);
void     titrate_regimen_form_reload           (TitrateRegimenForm *self);
void     titrate_regimen_form_set_notes        (TitrateRegimenForm *self,
                                                GPtrArray          *notes);
guint    titrate_regimen_form_get_n_invalid    (TitrateRegimenForm *self);
void     titrate_regimen_form_describe_invalid (TitrateRegimenForm *self,
                                                GPtrArray          *names);

G_END_DECLS
