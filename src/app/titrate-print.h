/* titrate-print.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-export.h"
#include "titrate-session.h"

G_BEGIN_DECLS

/**
 * TitratePrintPages:
 * @TITRATE_PRINT_HANDOUT: the patient handout
 * @TITRATE_PRINT_SUMMARY: the clinician summary
 * @TITRATE_PRINT_BOTH: the handout, then the summary
 *
 * Which pages to print or export.
 */
typedef enum {
  TITRATE_PRINT_HANDOUT = 1 << 0,
  TITRATE_PRINT_SUMMARY = 1 << 1,
  TITRATE_PRINT_BOTH    = TITRATE_PRINT_HANDOUT | TITRATE_PRINT_SUMMARY,
} TitratePrintPages;

typedef void (*TitratePrintPagesFunc) (GtkWindow         *parent,
                                       TitratePrintPages  pages,
                                       gpointer           user_data);

void                    titrate_print_get_dose_times  (GSettings              *settings,
                                                       TitrateDoseTimes       *times);
GtkPaperSize           *titrate_print_get_paper_size  (GSettings              *settings);
gboolean                titrate_print_check_ready     (TitrateSession         *session,
                                                       TitratePrintPages       pages,
                                                       GError                **error);
GPtrArray              *titrate_print_make_reports    (TitrateSession         *session,
                                                       GSettings              *settings,
                                                       TitratePrintPages       pages,
                                                       double                  width,
                                                       double                  height,
                                                       GError                **error);
void                    titrate_print_choose_pages    (GtkWindow              *parent,
                                                       TitrateSession         *session,
                                                       const char             *heading,
                                                       const char             *accept_label,
                                                       TitratePrintPagesFunc   func,
                                                       gpointer                user_data,
                                                       GDestroyNotify          destroy);
GtkPrintOperationResult titrate_print_run             (GtkWindow              *parent,
                                                       TitrateSession         *session,
                                                       GSettings              *settings,
                                                       TitratePrintPages       pages,
                                                       GtkPrintOperationAction action,
                                                       const char             *export_filename,
                                                       GError                **error);

G_END_DECLS
