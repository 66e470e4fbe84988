/* titrate-window-output.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-plan-view.h"
#include "titrate-print.h"
#include "titrate-session.h"

G_BEGIN_DECLS

/**
 * TitrateOutputFormat:
 * @TITRATE_OUTPUT_PDF: the handout and/or summary pages as PDF
 * @TITRATE_OUTPUT_ICS: calendar reminders (iCalendar)
 * @TITRATE_OUTPUT_CSV: the day-by-day calendar (CSV)
 */
typedef enum {
  TITRATE_OUTPUT_PDF,
  TITRATE_OUTPUT_ICS,
  TITRATE_OUTPUT_CSV,
} TitrateOutputFormat;

void      titrate_window_output_install  (GtkWindow            *window,
                                          TitrateSession       *session,
                                          TitratePlanView      *plan_view,
                                          GSettings            *settings,
                                          AdwToastOverlay      *toasts);

gboolean  titrate_output_export          (TitrateSession       *session,
                                          GSettings            *settings,
                                          TitrateOutputFormat   format,
                                          TitratePrintPages     pages,
                                          const char           *path,
                                          GError              **error);
char     *titrate_output_suggest_name    (TitrateSession       *session,
                                          TitrateOutputFormat   format,
                                          TitratePrintPages     pages);

G_END_DECLS
