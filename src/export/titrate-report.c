/* titrate-report.c — the printed pages: patient handout and clinician summary
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The TitrateReport object: it lays the pages out once for a paper size
 * (titrate-report-layout.c), with the content of the handout
 * (titrate-report-handout.c) or the clinician summary
 * (titrate-report-summary.c), then draws them on any cairo_t or into a PDF.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "titrate-report-private.h"

G_DEFINE_FINAL_TYPE (TitrateReport, titrate_report, G_TYPE_OBJECT)

/* Titles */

/* The medicine's name from the rules database: inside a sentence
 * ("baclofen") and opening one ("Baclofen"). */
const char *
_titrate_report_medicine (TitrateReport *self)
{
  return titrate_rules_get_medicine_label (self->rules, self->plan->regimen->drug);
}

const char *
_titrate_report_medicine_start (TitrateReport *self)
{
  return titrate_rules_get_medicine_label_start (self->rules, self->plan->regimen->drug);
}

char *
_titrate_report_dup_title (TitrateReport *self)
{
  if (self->kind == TITRATE_REPORT_HANDOUT)
    /* Translators: the handout's title; %s is the medicine, e.g. "baclofen" */
    return g_strdup_printf (_("Your %s plan"), _titrate_report_medicine (self));
  /* Translators: the clinician summary's title; %s is the medicine, e.g. "Baclofen" */
  return g_strdup_printf (_("%s plan: clinician summary"), _titrate_report_medicine_start (self));
}

/* Footer */

double
_titrate_report_render_footer (TitrateReport *self,
                               Render        *r,
                               int            page,
                               int            n_pages)
{
  double size = self->kind == TITRATE_REPORT_HANDOUT ? HANDOUT_FOOTER : SUMMARY_FOOTER;
  g_autofree char *left = NULL;
  g_autofree char *right = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);
  g_autofree char *left_markup = NULL;
  g_autofree char *right_markup = g_markup_escape_text (right, -1);
  double x = TITRATE_REPORT_MARGIN;
  double h;
  double y;

  if (self->kind == TITRATE_REPORT_HANDOUT)
    /* Translators: the handout's footer; %s is the medicine, e.g. "baclofen" */
    left = g_strdup_printf (_("Your %s plan: bring it to every appointment"), _titrate_report_medicine (self));
  else
    left = g_strdup_printf (_("Titrate clinician summary · rules %s (%s)"),
                            titrate_rules_get_content_version (self->rules),
                            titrate_rules_get_content_date (self->rules));
  left_markup = g_markup_escape_text (left, -1);

  {
    Render measure = { r->ctx, NULL };
    h = MAX (_titrate_report_render_text (&measure, left_markup, size, 0, 0, self->content_width * 0.7, PANGO_ALIGN_LEFT, NULL),
             _titrate_report_render_text (&measure, right_markup, size, 0, 0, self->content_width * 0.3, PANGO_ALIGN_RIGHT, NULL));
  }
  if (r->cr != NULL)
    {
      y = self->height - TITRATE_REPORT_MARGIN - h;
      _titrate_report_set_gray (r->cr, 0);
      cairo_set_line_width (r->cr, 0.6);
      cairo_move_to (r->cr, x, y - 5);
      cairo_line_to (r->cr, x + self->content_width, y - 5);
      cairo_stroke (r->cr);
      _titrate_report_render_text (r, left_markup, size, x, y, self->content_width * 0.7, PANGO_ALIGN_LEFT, NULL);
      _titrate_report_render_text (r, right_markup, size, x + self->content_width * 0.7, y, self->content_width * 0.3,
                                   PANGO_ALIGN_RIGHT, NULL);
    }
  return h + 12;
}

/* Layout */

static void
layout_report (TitrateReport *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  Render r = { _titrate_report_create_context (cr), NULL };

  g_ptr_array_set_size (self->blocks, 0);
  g_array_set_size (self->pages, 0);

  self->content_width = self->width - 2 * TITRATE_REPORT_MARGIN;
  self->footer_height = _titrate_report_render_footer (self, &r, 98, 99);
  self->content_height = self->height - 2 * TITRATE_REPORT_MARGIN - self->footer_height;

  if (self->kind == TITRATE_REPORT_HANDOUT)
    _titrate_report_build_handout (self);
  else
    _titrate_report_build_summary (self);

  for (guint i = 0; i < self->blocks->len; i++)
    _titrate_report_measure_block (self, &r, g_ptr_array_index (self->blocks, i));
  _titrate_report_paginate (self);

  g_object_unref (r.ctx);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* GObject */

static void
titrate_report_finalize (GObject *object)
{
  TitrateReport *self = (TitrateReport *) object;

  g_clear_object (&self->rules);
  g_clear_pointer (&self->doc, titrate_document_free);
  g_clear_pointer (&self->plan, _titrate_export_plan_free);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (titrate_report_parent_class)->finalize (object);
}

static void
titrate_report_class_init (TitrateReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = titrate_report_finalize;
}

static void
titrate_report_init (TitrateReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _titrate_report_block_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  g_array_set_clear_func (self->pages, (GDestroyNotify) _titrate_report_page_clear);
  titrate_dose_times_init (&self->times);
}

/* Public API */

/**
 * titrate_report_new:
 * @rules: a validated rules database
 * @doc: the regimen document (copied)
 * @kind: handout or clinician summary
 * @paper_width: page width in points (e.g. %TITRATE_PAPER_A4_WIDTH)
 * @paper_height: page height in points
 * @error: set when the regimen cannot be planned or checked
 *
 * Lays the report out for the page size. The summary runs the checker; if
 * checking is impossible the report is not made (a summary never shows
 * "no alerts" for a check that did not run).
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
TitrateReport *
titrate_report_new (TitrateRules          *rules,
                    const TitrateDocument *doc,
                    TitrateReportKind      kind,
                    double                 paper_width,
                    double                 paper_height,
                    GError               **error)
{
  g_autoptr(TitrateReport) self = NULL;

  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (kind == TITRATE_REPORT_HANDOUT || kind == TITRATE_REPORT_SUMMARY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(paper_width >= 144 && paper_height >= 144 && paper_width < 10000 && paper_height < 10000))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("paper size: %g × %g points is not a usable page"), paper_width, paper_height);
      return NULL;
    }

  self = g_object_new (TITRATE_TYPE_REPORT, NULL);
  self->kind = kind;
  self->rules = g_object_ref (rules);
  self->doc = titrate_document_copy (doc);
  self->width = paper_width;
  self->height = paper_height;
  self->week_start = titrate_locale_first_weekday ();

  if ((self->plan = _titrate_export_plan_new (rules, doc, error)) == NULL)
    return NULL;
  if (kind == TITRATE_REPORT_SUMMARY)
    {
      self->alerts = _titrate_export_plan_alerts (self->plan, error);
      if (self->alerts == NULL)
        return NULL;
    }

  layout_report (self);
  return g_steal_pointer (&self);
}

/**
 * titrate_report_set_dose_times:
 * @self: a report
 * @times: (nullable): dose times, %NULL for the defaults
 *
 * Sets the handout's dose times (use the same as the reminders) and lays the
 * report out again.
 */
void
titrate_report_set_dose_times (TitrateReport          *self,
                               const TitrateDoseTimes *times)
{
  g_return_if_fail (TITRATE_IS_REPORT (self));

  if (times != NULL)
    self->times = *times;
  else
    titrate_dose_times_init (&self->times);
  layout_report (self);
}

TitrateReportKind
titrate_report_get_kind (TitrateReport *self)
{
  g_return_val_if_fail (TITRATE_IS_REPORT (self), TITRATE_REPORT_HANDOUT);

  return self->kind;
}

int
titrate_report_get_n_pages (TitrateReport *self)
{
  g_return_val_if_fail (TITRATE_IS_REPORT (self), 0);

  return (int) self->pages->len;
}

double
titrate_report_get_printable_height (TitrateReport *self)
{
  g_return_val_if_fail (TITRATE_IS_REPORT (self), 0);

  return self->height - 2 * TITRATE_REPORT_MARGIN;
}

double
titrate_report_get_page_content_height (TitrateReport *self,
                                        int            page)
{
  g_return_val_if_fail (TITRATE_IS_REPORT (self), 0);
  g_return_val_if_fail (page >= 0 && (guint) page < self->pages->len, 0);

  /* The blocks, then the footer at the foot of the printable area. */
  return g_array_index (self->pages, Page, page).height + self->footer_height;
}

/**
 * titrate_report_draw_page:
 * @self: a report
 * @cr: a cairo context in points, origin at the page's top-left corner
 * @page: the page, from 0
 *
 * Draws one page. @cr's state is saved and restored.
 */
void
titrate_report_draw_page (TitrateReport *self,
                          cairo_t       *cr,
                          int            page)
{
  const Page *p;
  Render r;

  g_return_if_fail (TITRATE_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && (guint) page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  cairo_save (cr);
  r.cr = cr;
  r.ctx = _titrate_report_create_context (cr);

  for (guint i = 0; i < p->placements->len; i++)
    _titrate_report_draw_placement (self, &r, &g_array_index (p->placements, Placement, i), TITRATE_REPORT_MARGIN,
                                    TITRATE_REPORT_MARGIN);
  _titrate_report_render_footer (self, &r, page, (int) self->pages->len);

  g_object_unref (r.ctx);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * titrate_report_export_pdf_many:
 * @reports: (array length=n_reports): reports, drawn in turn
 * @n_reports: at least 1
 * @path: the PDF file to write (replaced atomically)
 * @error: set on failure; then no file is written
 *
 * Returns: %TRUE on success
 */
gboolean
titrate_report_export_pdf_many (TitrateReport * const *reports,
                                guint                  n_reports,
                                const char            *path,
                                GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((bytes = titrate_report_pdf_many (reports, n_reports, error)) == NULL)
    return FALSE;
  return _titrate_export_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/**
 * titrate_report_pdf_many:
 * @reports: (array length=n_reports): reports, drawn in turn
 * @n_reports: at least 1
 * @error: set on failure
 *
 * Returns: (transfer full): the PDF's bytes (for standard output), or %NULL
 */
GBytes *
titrate_report_pdf_many (TitrateReport * const *reports,
                         guint                  n_reports,
                         GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  g_autofree char *creator = g_strdup_printf ("Titrate %s", PACKAGE_VERSION);
  g_autofree char *title = NULL;

  g_return_val_if_fail (reports != NULL && n_reports > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  title = _titrate_report_dup_title (reports[0]);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, reports[0]->width, reports[0]->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cr = cairo_create (surface);

  for (guint i = 0; i < n_reports; i++)
    {
      g_return_val_if_fail (TITRATE_IS_REPORT (reports[i]), NULL);

      for (int page = 0; page < titrate_report_get_n_pages (reports[i]); page++)
        {
          cairo_pdf_surface_set_size (surface, reports[i]->width, reports[i]->height);
          titrate_report_draw_page (reports[i], cr, page);
          cairo_show_page (cr);
        }
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID, _("The PDF could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * titrate_report_export_pdf:
 * @self: a report
 * @path: the PDF file to write (replaced atomically)
 * @error: set on failure; then no file is written
 *
 * Draws every page with titrate_report_draw_page() onto a cairo PDF surface.
 *
 * Returns: %TRUE on success
 */
gboolean
titrate_report_export_pdf (TitrateReport *self,
                           const char    *path,
                           GError       **error)
{
  g_return_val_if_fail (TITRATE_IS_REPORT (self), FALSE);

  return titrate_report_export_pdf_many (&self, 1, path, error);
}

/**
 * titrate_report_list_counselling:
 * @rules: a validated rules database
 * @doc: the regimen document
 *
 * Returns: (transfer container) (element-type TitrateCounselling): the
 *   patient-facing counselling points the handout prints, in database order
 */
GPtrArray *
titrate_report_list_counselling (TitrateRules          *rules,
                                 const TitrateDocument *doc)
{
  g_return_val_if_fail (TITRATE_IS_RULES (rules), NULL);
  g_return_val_if_fail (doc != NULL, NULL);

  return _titrate_export_counselling (rules, doc);
}
