/* titrate-step-dialog.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_STEP_DIALOG (titrate_step_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TitrateStepDialog, titrate_step_dialog, TITRATE, STEP_DIALOG, AdwMessageDialog)

GtkWidget *titrate_step_dialog_new (GtkWindow      *parent,
                                    TitrateSession *session,
                                    int             day);
gboolean   titrate_step_dialog_parse_doses (const char *text,
                                            double     *doses,
                                            guint      *n_doses,
                                            char      **error);

G_END_DECLS
