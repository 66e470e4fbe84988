/* titrate-patient-form.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_PATIENT_FORM (titrate_patient_form_get_type ())

G_DECLARE_FINAL_TYPE (TitratePatientForm, titrate_patient_form, TITRATE, PATIENT_FORM, GtkBox)

void     titrate_patient_form_set_session      (TitratePatientForm *self,
                                                TitrateSession     *session);
guint    titrate_patient_form_get_n_invalid    (TitratePatientForm *self);
void     titrate_patient_form_describe_invalid (TitratePatientForm *self,
                                                GPtrArray          *names);

G_END_DECLS
