/* titrate-report.h — the printed pages: patient handout and clinician summary
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include "titrate.h"
#include "titrate-dose-times.h"

G_BEGIN_DECLS

/**
 * TitrateReportKind:
 * @TITRATE_REPORT_HANDOUT: for the patient: the calendar month by month,
 *   one table per week, doses at named times with tablets drawn (halves as
 *   half tablets) and tick boxes, the "do not stop suddenly" warning with its
 *   warning signs, counselling points from the rules database, blank fields
 *   for the prescriber's name and contact. Large type (body 14 pt), no
 *   clinical terms.
 * @TITRATE_REPORT_SUMMARY: for the record: patient values (CrCl and eGFR
 *   with their basis), the regimen and its steps, every alert with severity,
 *   reason, action, source and any acknowledgement, the rules database
 *   version.
 */
typedef enum {
  TITRATE_REPORT_HANDOUT,
  TITRATE_REPORT_SUMMARY,
} TitrateReportKind;

/* Paper sizes in points (1/72 inch). */
#define TITRATE_PAPER_A4_WIDTH      595.276
#define TITRATE_PAPER_A4_HEIGHT     841.890
#define TITRATE_PAPER_LETTER_WIDTH  612.0
#define TITRATE_PAPER_LETTER_HEIGHT 792.0

/* Every page keeps this margin (0.5 inch) on all four sides. */
#define TITRATE_REPORT_MARGIN 36.0

#define TITRATE_TYPE_REPORT (titrate_report_get_type ())
G_DECLARE_FINAL_TYPE (TitrateReport, titrate_report, TITRATE, REPORT, GObject)

/*
 * A report is laid out once, for one page size, and then draws any of its
 * pages onto any cairo_t whose user units are points with the origin at the
 * page's top-left corner. Printing and PDF use this one drawing code:
 *
 * - PDF: titrate_report_export_pdf() (cairo_pdf_surface).
 * - GtkPrintOperation (in the app): gtk_print_operation_set_unit (op,
 *   GTK_UNIT_POINTS) and gtk_print_operation_set_use_full_page (op, TRUE);
 *   in ::begin-print create the report with gtk_print_context_get_width() and
 *   gtk_print_context_get_height() and call gtk_print_operation_set_n_pages()
 *   with titrate_report_get_n_pages(); in ::draw-page call
 *   titrate_report_draw_page (report, gtk_print_context_get_cairo_context
 *   (context), page_nr). The report keeps TITRATE_REPORT_MARGIN on every
 *   side, inside any printer's hardware margin.
 *
 * Text is laid out with Pango (the user's language; strings go through
 * gettext) with hinting off, so the line breaks measured here are the ones
 * drawn on any surface.
 */

TitrateReport *titrate_report_new           (TitrateRules          *rules,
                                             const TitrateDocument *doc,
                                             TitrateReportKind      kind,
                                             double                 paper_width,
                                             double                 paper_height,
                                             GError               **error);
/* Dose times for the handout (default: titrate_dose_times_init()); lays the
 * report out again, so the page count may change. */
void           titrate_report_set_dose_times (TitrateReport          *self,
                                              const TitrateDoseTimes *times);

TitrateReportKind titrate_report_get_kind   (TitrateReport         *self);
int            titrate_report_get_n_pages   (TitrateReport         *self);
/* Draws page @page (0-based) onto @cr, which is left as it was. */
void           titrate_report_draw_page     (TitrateReport         *self,
                                             cairo_t               *cr,
                                             int                    page);
/* The height available for content on a page (the page less its margins). */
double         titrate_report_get_printable_height    (TitrateReport *self);
/* How far down page @page the content and footer reach, measured from the
 * top margin; never more than the printable height. */
double         titrate_report_get_page_content_height (TitrateReport *self,
                                                       int            page);

/* One PDF of the report's pages; written atomically, nothing left on error. */
gboolean       titrate_report_export_pdf    (TitrateReport         *self,
                                             const char            *path,
                                             GError               **error);
/* One PDF of several reports in turn (e.g. handout then summary), each
 * numbering its own pages. */
gboolean       titrate_report_export_pdf_many (TitrateReport * const *reports,
                                               guint                  n_reports,
                                               const char            *path,
                                               GError               **error);
GBytes        *titrate_report_pdf_many        (TitrateReport * const *reports,
                                               guint                  n_reports,
                                               GError               **error);

/* The counselling points the handout prints for this patient and regimen:
 * patient-facing rows whose route and population apply.
 * (transfer container) (element-type TitrateCounselling) */
GPtrArray     *titrate_report_list_counselling (TitrateRules          *rules,
                                                const TitrateDocument *doc);

G_END_DECLS
