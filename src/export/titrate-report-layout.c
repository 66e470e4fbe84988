/* titrate-report-layout.c — blocks, tables and pagination of the printed pages
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One layout engine for screen-less printing and PDF: the report is a list of
 * blocks (text, week tables, legends, blank fields), each measured as a list
 * of slices that may not be split (a line of text, a day of a table). The
 * paginator places slices on pages, repeating a table's title and header on
 * a continued part; draw_page replays the placements on any cairo_t. Every
 * drawing helper both measures (cr == NULL) and draws, so the measured
 * heights are the drawn heights. The pages' content is built by
 * titrate-report-handout.c and titrate-report-summary.c.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "titrate-report-private.h"

/* Freeing */

void
_titrate_report_row_free (Row *row)
{
  g_free (row->note);
  g_free (row->date);
  g_free (row->full);
  for (guint i = 0; i < TITRATE_MAX_DOSES_PER_DAY; i++)
    g_free (row->dose[i]);
  g_free (row);
}

static void
table_free (Table *table)
{
  g_free (table->title);
  g_free (table->single_header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
_titrate_report_block_free (Block *block)
{
  g_free (block->markup);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->slices, g_array_unref);
  g_free (block);
}

void
_titrate_report_page_clear (Page *page)
{
  g_clear_pointer (&page->placements, g_array_unref);
}

/* Pango and cairo */

PangoContext *
_titrate_report_create_context (cairo_t *cr)
{
  PangoContext *ctx = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics and unrounded positions: the same line breaks on the
   * measuring surface, a PDF and any printer resolution. Resolution 72 makes
   * a font size in points equal to user units (points). */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ctx, options);
  pango_cairo_context_set_resolution (ctx, 72.0);
  pango_context_set_round_glyph_positions (ctx, FALSE);
  if (cr != NULL)
    pango_cairo_update_context (cr, ctx);
  cairo_font_options_destroy (options);
  return ctx;
}

static PangoLayout *
make_layout (Render         *r,
             const char     *markup,
             double          size,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (r->ctx);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* Measures (and with r->cr draws) markup at (x, y); returns its height. */
double
_titrate_report_render_text (Render         *r,
                             const char     *markup,
                             double          size,
                             double          x,
                             double          y,
                             double          width,
                             PangoAlignment  align,
                             double         *out_width)
{
  g_autoptr(PangoLayout) layout = make_layout (r, markup, size, width, align);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (r->cr != NULL)
    {
      cairo_move_to (r->cr, x, y);
      pango_cairo_show_layout (r->cr, layout);
    }
  return (double) logical.height / PANGO_SCALE;
}

/* Layout helpers */

static double
body_size (TitrateReport *self)
{
  return self->kind == TITRATE_REPORT_HANDOUT ? HANDOUT_BODY : SUMMARY_BODY;
}

static double
frame_inset (const Block *b)
{
  if (b->flags & FLAG_WARNING)
    return BOX_PAD + 4;
  if (b->flags & (FLAG_FRAME | FLAG_SHADE))
    return BOX_PAD;
  return 0;
}

static double
date_column_width (TitrateReport *self,
                   const Table   *t)
{
  return round (MAX (112.0, self->content_width * 0.22));
}

Block *
_titrate_report_add_block (TitrateReport *self,
                           BlockKind      kind,
                           const char    *markup,
                           double         size,
                           guint          flags,
                           double         space_before)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->markup = g_strdup (markup);
  b->size = size;
  b->flags = flags;
  b->space_before = space_before;
  g_ptr_array_add (self->blocks, b);
  return b;
}

void
_titrate_report_add_text (TitrateReport *self,
                          const char    *markup,
                          double         size,
                          guint          flags,
                          double         space_before)
{
  _titrate_report_add_block (self, BLOCK_TEXT, markup, size, flags, space_before);
}

void
_titrate_report_add_heading_full (TitrateReport *self,
                                  const char    *text,
                                  double         size,
                                  guint          flags,
                                  double         space_before)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

  _titrate_report_add_text (self, markup, size, FLAG_KEEP_WITH_NEXT | flags, space_before);
}

void
_titrate_report_add_heading (TitrateReport *self,
                             const char    *text,
                             double         size,
                             double         space_before)
{
  _titrate_report_add_heading_full (self, text, size, 0, space_before);
}

void
_titrate_report_add_field (TitrateReport *self,
                           const char    *label,
                           double         space_before)
{
  g_autofree char *markup = g_markup_printf_escaped ("%s:", label);

  _titrate_report_add_block (self, BLOCK_FIELD, markup, body_size (self), FLAG_KEEP_TOGETHER, space_before);
}

/* Rows */

static double
render_cell (TitrateReport *self,
             Render        *r,
             const Row     *row,
             guint          col,
             double         x,
             double         y,
             double         w)
{
  double tx = x + CELL_PAD;
  double tw;
  double h;

  if (row->dose[col] == NULL)
    {
      h = _titrate_report_render_text (r, "—", HANDOUT_BODY, x + CELL_PAD, y + CELL_PAD, w - 2 * CELL_PAD,
                                       PANGO_ALIGN_CENTER, NULL);
      return h + 2 * CELL_PAD;
    }

  /* The tick box sits at the right of the dose; the tablets and their
   * count get the cell's whole width below. */
  tw = w - 2 * CELL_PAD;
  if (row->tick[col] && r->cr != NULL)
    _titrate_report_draw_tick_box (r->cr, x + w - CELL_PAD - TICK_SIZE, y + CELL_PAD + 1);

  h = _titrate_report_render_text (r, row->dose[col], HANDOUT_DOSE, tx, y + CELL_PAD, tw - (row->tick[col] ? TICK_SIZE + 6 : 0),
                                   PANGO_ALIGN_LEFT, NULL);
  if (row->tick[col])
    h = MAX (h, TICK_SIZE + 2);
  if (!isnan (row->units[col]))
    {
      double used;
      double uh;
      double lw;
      double lh;
      g_autofree char *label = _titrate_export_units_short (self->plan, row->units[col]);
      g_autofree char *markup = label ? g_markup_escape_text (label, -1) : NULL;
      Render measure = { r->ctx, NULL };

      h += 4;
      uh = _titrate_report_render_units (r, self->plan->product, row->units[col], tx, y + CELL_PAD + h, tw, &used);
      if (markup != NULL)
        {
          lh = _titrate_report_render_text (&measure, markup, HANDOUT_BODY, 0, 0, -1, PANGO_ALIGN_LEFT, &lw);
          if (used > 0 && used + 6 + lw <= tw)
            {
              /* Beside the tablets, centred on them. */
              _titrate_report_render_text (r, markup, HANDOUT_BODY, tx + used + 6, y + CELL_PAD + h + (MAX (uh, lh) - lh) / 2,
                                           -1, PANGO_ALIGN_LEFT, NULL);
              h += MAX (uh, lh);
            }
          else
            {
              if (uh > 0)
                h += uh + 2;
              h += _titrate_report_render_text (r, markup, HANDOUT_BODY, tx, y + CELL_PAD + h, tw, PANGO_ALIGN_LEFT, NULL);
            }
        }
      else
        h += uh;
    }
  return h + 2 * CELL_PAD;
}

/* One day: its note band, then the date and dose cells. Returns the height. */
static double
render_row (TitrateReport *self,
            Render        *r,
            const Table   *t,
            const Row     *row,
            double         x,
            double         y)
{
  double w = self->content_width;
  double date_w = date_column_width (self, t);
  double cols_w = w - date_w;
  double note_h = 0;
  double main_h;
  double y2;

  if (row->note != NULL)
    {
      Render measure = { r->ctx, NULL };

      note_h = _titrate_report_render_text (&measure, row->note, HANDOUT_BODY, 0, 0, w - 2 * CELL_PAD, PANGO_ALIGN_LEFT, NULL)
               + 2 * CELL_PAD;
      if (r->cr != NULL)
        {
          cairo_rectangle (r->cr, x, y, w, note_h);
          _titrate_report_set_gray (r->cr, 0.88);
          cairo_fill (r->cr);
          _titrate_report_set_gray (r->cr, 0);
          _titrate_report_render_text (r, row->note, HANDOUT_BODY, x + CELL_PAD, y + CELL_PAD, w - 2 * CELL_PAD,
                                       PANGO_ALIGN_LEFT, NULL);
        }
    }
  y2 = y + note_h;

  {
    Render measure = { r->ctx, NULL };
    double date_h = _titrate_report_render_text (&measure, row->date, HANDOUT_BODY, 0, 0, date_w - 2 * CELL_PAD,
                                                 PANGO_ALIGN_LEFT, NULL) + 2 * CELL_PAD;
    double cells_h = 0;

    if (row->full != NULL || t->n_cols == 0)
      cells_h = _titrate_report_render_text (&measure, row->full ? row->full : "", HANDOUT_BODY, 0, 0, cols_w - 2 * CELL_PAD,
                                             PANGO_ALIGN_LEFT, NULL) + 2 * CELL_PAD;
    else
      for (guint c = 0; c < t->n_cols; c++)
        cells_h = MAX (cells_h, render_cell (self, &measure, row, c, 0, 0, cols_w / t->n_cols));
    main_h = MAX (date_h, cells_h);
  }

  if (r->cr != NULL)
    {
      _titrate_report_render_text (r, row->date, HANDOUT_BODY, x + CELL_PAD, y2 + CELL_PAD, date_w - 2 * CELL_PAD,
                                   PANGO_ALIGN_LEFT, NULL);
      if (row->full != NULL || t->n_cols == 0)
        _titrate_report_render_text (r, row->full ? row->full : "", HANDOUT_BODY, x + date_w + CELL_PAD, y2 + CELL_PAD,
                                     cols_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT, NULL);
      else
        for (guint c = 0; c < t->n_cols; c++)
          render_cell (self, r, row, c, x + date_w + c * (cols_w / t->n_cols), y2, cols_w / t->n_cols);

      /* Rules: above the day (and its note), and between the columns. */
      _titrate_report_set_gray (r->cr, 0);
      cairo_set_line_width (r->cr, 1.0);
      cairo_move_to (r->cr, x, y);
      cairo_line_to (r->cr, x + w, y);
      if (row->note != NULL)
        {
          cairo_move_to (r->cr, x, y2);
          cairo_line_to (r->cr, x + w, y2);
        }
      cairo_move_to (r->cr, x + date_w, y2);
      cairo_line_to (r->cr, x + date_w, y2 + main_h);
      if (row->full == NULL)
        for (guint c = 1; c < t->n_cols; c++)
          {
            cairo_move_to (r->cr, x + date_w + c * (cols_w / t->n_cols), y2);
            cairo_line_to (r->cr, x + date_w + c * (cols_w / t->n_cols), y2 + main_h);
          }
      cairo_stroke (r->cr);
    }
  return note_h + main_h;
}

/* The table's title and column header; returns the height. */
static double
render_table_head (TitrateReport *self,
                   Render        *r,
                   const Table   *t,
                   gboolean       continued,
                   double         x,
                   double         y,
                   double        *out_title_h)
{
  double w = self->content_width;
  double date_w = date_column_width (self, t);
  double cols_w = w - date_w;
  g_autofree char *title = NULL;
  Render measure = { r->ctx, NULL };
  g_autofree char *day_header = g_markup_printf_escaped ("<b>%s</b>", _("Day"));
  double title_h;
  double header_h;

  if (continued)
    {
      g_autofree char *more = g_markup_escape_text (_("(continued)"), -1);
      title = g_strdup_printf ("%s <span size=\"smaller\">%s</span>", t->title, more);
    }
  else
    title = g_strdup (t->title);
  title_h = _titrate_report_render_text (r, title, HANDOUT_H2, x, y, w, PANGO_ALIGN_LEFT, NULL) + 6;
  if (out_title_h != NULL)
    *out_title_h = title_h;

  header_h = _titrate_report_render_text (&measure, day_header, HANDOUT_BODY, 0, 0, date_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT, NULL);
  if (t->n_cols == 0)
    header_h = MAX (header_h, _titrate_report_render_text (&measure, t->single_header, HANDOUT_BODY, 0, 0, cols_w - 2 * CELL_PAD,
                                                           PANGO_ALIGN_LEFT, NULL));
  for (guint c = 0; c < t->n_cols; c++)
    {
      g_autofree char *time = titrate_dose_time_format (t->col_minutes[c]);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s", titrate_dose_time_name (t->col_minutes[c]),
                                                         time);

      header_h = MAX (header_h, _titrate_report_render_text (&measure, markup, HANDOUT_BODY, 0, 0, cols_w / t->n_cols - 2 * CELL_PAD,
                                                             PANGO_ALIGN_CENTER, NULL));
    }
  header_h += 2 * CELL_PAD;

  if (r->cr != NULL)
    {
      double hy = y + title_h;

      cairo_rectangle (r->cr, x, hy, w, header_h);
      _titrate_report_set_gray (r->cr, 0.80);
      cairo_fill (r->cr);
      _titrate_report_set_gray (r->cr, 0);
      _titrate_report_render_text (r, day_header, HANDOUT_BODY, x + CELL_PAD, hy + CELL_PAD, date_w - 2 * CELL_PAD,
                                   PANGO_ALIGN_LEFT, NULL);
      if (t->n_cols == 0)
        _titrate_report_render_text (r, t->single_header, HANDOUT_BODY, x + date_w + CELL_PAD, hy + CELL_PAD,
                                     cols_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT, NULL);
      for (guint c = 0; c < t->n_cols; c++)
        {
          g_autofree char *time = titrate_dose_time_format (t->col_minutes[c]);
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s",
                                                             titrate_dose_time_name (t->col_minutes[c]), time);

          _titrate_report_render_text (r, markup, HANDOUT_BODY, x + date_w + c * (cols_w / t->n_cols) + CELL_PAD, hy + CELL_PAD,
                                       cols_w / t->n_cols - 2 * CELL_PAD, PANGO_ALIGN_CENTER, NULL);
        }
      cairo_set_line_width (r->cr, 1.0);
      cairo_move_to (r->cr, x + date_w, hy);
      cairo_line_to (r->cr, x + date_w, hy + header_h);
      for (guint c = 1; c < t->n_cols; c++)
        {
          cairo_move_to (r->cr, x + date_w + c * (cols_w / t->n_cols), hy);
          cairo_line_to (r->cr, x + date_w + c * (cols_w / t->n_cols), hy + header_h);
        }
      cairo_stroke (r->cr);
    }
  return title_h + header_h;
}

/* Legend: tablet shapes with what they mean. */
static double
render_legend_item (TitrateReport *self,
                    Render        *r,
                    guint          item,
                    double         x,
                    double         y)
{
  g_autofree char *strength = titrate_format_amount_display (self->plan->strength);
  g_autofree char *half = titrate_format_amount_display (self->plan->strength / 2);
  g_autofree char *markup = NULL;
  double text_x = x + 2 * (TABLET_D + TABLET_GAP) + 6;
  double h;

  if (item == 0 && self->plan->product == TITRATE_PRODUCT_PACKET)
    markup = g_markup_printf_escaped (_("= one packet (%s mg). Use the whole packet."), strength);
  else if (item == 0)
    markup = g_markup_printf_escaped (self->plan->halves ? _("= one whole tablet (%s mg)")
                                                         : _("= one whole tablet (%s mg). Do not break these tablets."),
                                      strength);
  else
    markup = g_markup_printf_escaped (_("= half a tablet (%s mg). Break a tablet along its line."), half);

  h = _titrate_report_render_text (r, markup, HANDOUT_BODY, text_x, y, self->content_width - (text_x - x), PANGO_ALIGN_LEFT, NULL);
  if (r->cr != NULL)
    {
      double ty = y + MAX (0, (MIN (h, 24) - TABLET_D) / 2);

      if (self->plan->product == TITRATE_PRODUCT_PACKET)
        _titrate_report_draw_packet (r->cr, x + TABLET_D / 2, ty, TABLET_D);
      else if (item == 0)
        _titrate_report_draw_whole_tablet (r->cr, x + TABLET_D / 2, ty, TABLET_D);
      else
        _titrate_report_draw_half_tablet (r->cr, x + TABLET_D / 2, ty, TABLET_D);
    }
  return MAX (h, TABLET_D) + 6;
}

static double
render_field (TitrateReport *self,
              Render        *r,
              const Block   *b,
              double         x,
              double         y)
{
  double lw;
  double h = _titrate_report_render_text (r, b->markup, b->size, x, y + 8, -1, PANGO_ALIGN_LEFT, &lw);

  if (r->cr != NULL)
    {
      _titrate_report_set_gray (r->cr, 0);
      cairo_set_line_width (r->cr, 0.8);
      cairo_move_to (r->cr, x + lw + 8, y + 8 + h - 2);
      cairo_line_to (r->cr, x + self->content_width, y + 8 + h - 2);
      cairo_stroke (r->cr);
    }
  return h + 8;
}

/* Text blocks line by line */

static PangoLayout *
block_layout (TitrateReport *self,
              Render        *r,
              const Block   *b)
{
  PangoLayout *layout = make_layout (r, b->markup, b->size, self->content_width - 2 * frame_inset (b),
                                     PANGO_ALIGN_LEFT);

  if (b->flags & FLAG_TABS)
    {
      static const double stops[] = { 34, 108, 190, 330 };   /* points, at SUMMARY_BODY */
      PangoTabArray *tabs = pango_tab_array_new (G_N_ELEMENTS (stops), FALSE);

      for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
        pango_tab_array_set_tab (tabs, (int) i, PANGO_TAB_LEFT, (int) (stops[i] * PANGO_SCALE));
      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
    }
  return layout;
}

void
_titrate_report_measure_block (TitrateReport *self,
                               Render        *r,
                               Block         *b)
{
  double h;

  b->slices = g_array_new (FALSE, FALSE, sizeof (double));
  b->head = 0;
  b->pad = frame_inset (b) > 0 ? BOX_PAD : 0;

  switch (b->kind)
    {
    case BLOCK_TEXT:
      {
        g_autoptr(PangoLayout) layout = block_layout (self, r, b);
        PangoLayoutIter *iter = pango_layout_get_iter (layout);
        PangoRectangle logical;
        int prev_y = -1;
        int prev_h = 0;

        /* A slice per line: from its top to the next line's top. */
        do
          {
            pango_layout_iter_get_line_extents (iter, NULL, &logical);
            if (prev_y >= 0)
              {
                h = (double) (logical.y - prev_y) / PANGO_SCALE;
                g_array_append_val (b->slices, h);
              }
            prev_y = logical.y;
            prev_h = logical.height;
          }
        while (pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
        h = (double) prev_h / PANGO_SCALE;
        g_array_append_val (b->slices, h);
      }
      break;

    case BLOCK_TABLE:
      /* A continued part's title may wrap to one more line. */
      b->head = MAX (render_table_head (self, r, b->table, FALSE, 0, 0, NULL),
                     render_table_head (self, r, b->table, TRUE, 0, 0, NULL));
      for (guint i = 0; i < b->table->rows->len; i++)
        {
          h = render_row (self, r, b->table, g_ptr_array_index (b->table->rows, i), 0, 0);
          g_array_append_val (b->slices, h);
        }
      break;

    case BLOCK_LEGEND:
      for (guint i = 0; i < (self->plan->halves ? 2u : 1u); i++)
        {
          h = render_legend_item (self, r, i, 0, 0);
          g_array_append_val (b->slices, h);
        }
      break;

    case BLOCK_FIELD:
      h = render_field (self, r, b, 0, 0);
      g_array_append_val (b->slices, h);
      break;

    default:
      g_assert_not_reached ();
    }
}

static double
slices_sum (const Block *b,
            guint        first,
            guint        last)
{
  double h = 0;

  for (guint i = first; i < last; i++)
    h += g_array_index (b->slices, double, i);
  return h;
}

static double
block_total (const Block *b)
{
  return b->head + 2 * b->pad + slices_sum (b, 0, b->slices->len);
}

static gboolean
keeps_together (TitrateReport *self,
                const Block   *b)
{
  return (b->flags & FLAG_KEEP_TOGETHER) && block_total (b) <= self->content_height;
}

/* The least that must start on a page with this block. */
static double
block_first_part (TitrateReport *self,
                  const Block   *b)
{
  if (keeps_together (self, b))
    return block_total (b);
  return b->head + 2 * b->pad + g_array_index (b->slices, double, 0);
}

void
_titrate_report_draw_placement (TitrateReport   *self,
                                Render          *r,
                                const Placement *p,
                                double           x0,
                                double           y0)
{
  const Block *b = g_ptr_array_index (self->blocks, p->block);
  double x = x0;
  double y = y0 + p->y;
  double inset = frame_inset (b);

  if (b->flags & (FLAG_FRAME | FLAG_WARNING | FLAG_SHADE))
    {
      double lw = (b->flags & FLAG_WARNING) ? 3.0 : 1.0;

      /* Inside the margins: the stroke's outer edge on the content edge. */
      cairo_new_path (r->cr);
      cairo_rectangle (r->cr, x + lw / 2, y + lw / 2, self->content_width - lw, p->height - lw);
      if (b->flags & FLAG_SHADE)
        {
          _titrate_report_set_gray (r->cr, 0.92);
          cairo_fill_preserve (r->cr);
        }
      _titrate_report_set_gray (r->cr, 0);
      cairo_set_line_width (r->cr, lw);
      if (b->flags & (FLAG_FRAME | FLAG_WARNING))
        cairo_stroke (r->cr);
      else
        cairo_new_path (r->cr);
    }

  switch (b->kind)
    {
    case BLOCK_TEXT:
      {
        g_autoptr(PangoLayout) layout = block_layout (self, r, b);
        PangoLayoutIter *iter = pango_layout_get_iter (layout);
        guint line = 0;
        int top = 0;

        _titrate_report_set_gray (r->cr, 0);
        do
          {
            PangoRectangle logical;

            pango_layout_iter_get_line_extents (iter, NULL, &logical);
            if (line == p->first)
              top = logical.y;
            if (line >= p->first && line < p->last)
              {
                int baseline = pango_layout_iter_get_baseline (iter);

                cairo_move_to (r->cr, x + inset + (double) logical.x / PANGO_SCALE,
                               y + b->pad + (double) (baseline - top) / PANGO_SCALE);
                pango_cairo_show_layout_line (r->cr, pango_layout_iter_get_line_readonly (iter));
              }
            line++;
          }
        while (line < p->last && pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
      }
      break;

    case BLOCK_TABLE:
      {
        double title_h;
        double ty = y + render_table_head (self, r, b->table, p->first > 0, x, y, &title_h);

        for (guint i = p->first; i < p->last; i++)
          ty += render_row (self, r, b->table, g_ptr_array_index (b->table->rows, i), x, ty);
        _titrate_report_set_gray (r->cr, 0);
        cairo_set_line_width (r->cr, 1.5);
        cairo_rectangle (r->cr, x + 0.75, y + title_h, self->content_width - 1.5, ty - (y + title_h));
        cairo_stroke (r->cr);
      }
      break;

    case BLOCK_LEGEND:
      {
        double ly = y;

        _titrate_report_set_gray (r->cr, 0);
        for (guint i = p->first; i < p->last; i++)
          ly += render_legend_item (self, r, i, x, ly);
      }
      break;

    case BLOCK_FIELD:
      _titrate_report_set_gray (r->cr, 0);
      render_field (self, r, b, x, y);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Pagination */

static Page *
new_page (TitrateReport *self)
{
  Page page = { g_array_new (FALSE, FALSE, sizeof (Placement)), 0 };

  g_array_append_val (self->pages, page);
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

void
_titrate_report_paginate (TitrateReport *self)
{
  double avail = self->content_height;
  Page *page = new_page (self);
  double y = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *b = g_ptr_array_index (self->blocks, i);
      gboolean together = keeps_together (self, b);
      double before = y > 0 ? b->space_before : 0;
      guint s = 0;
      guint n = b->slices->len;

      while (s < n)
        {
          double need = b->head + 2 * b->pad + (together ? slices_sum (b, s, n) : g_array_index (b->slices, double, s));
          Placement p;
          double h;
          guint e = s;

          if ((b->flags & FLAG_KEEP_WITH_NEXT) && s == 0 && i + 1 < self->blocks->len)
            {
              const Block *next = g_ptr_array_index (self->blocks, i + 1);

              need = block_total (b) + next->space_before + block_first_part (self, next);
            }
          if (y > 0 && s == 0 && (b->flags & FLAG_NEW_PAGE))
            {
              page = new_page (self);
              y = 0;
              before = 0;
              continue;
            }
          if (y > 0 && before + need > avail - y)
            {
              page = new_page (self);
              y = 0;
              before = 0;
              continue;
            }
          y += before;
          before = 0;

          h = b->head + b->pad;
          do
            {
              h += g_array_index (b->slices, double, e);
              e++;
            }
          while (e < n && (together || h + g_array_index (b->slices, double, e) + b->pad <= avail - y));
          h += b->pad;

          p.block = i;
          p.first = s;
          p.last = e;
          p.y = y;
          p.height = h;
          g_array_append_val (page->placements, p);
          y += h;
          page->height = MAX (page->height, y);
          s = e;
          if (s < n)
            {
              page = new_page (self);
              y = 0;
            }
        }
    }
}
