/* titrate-report.c — the printed pages: patient handout and clinician summary
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One layout engine for screen-less printing and PDF: the report is a list of
 * blocks (text, week tables, legends, blank fields), each measured as a list
 * of slices that may not be split (a line of text, a day of a table). The
 * paginator places slices on pages, repeating a table's title and header on
 * a continued part; draw_page replays the placements on any cairo_t. Every
 * drawing helper both measures (cr == NULL) and draws, so the measured
 * heights are the drawn heights.
 */

#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "titrate-report.h"
#include "titrate-counselling.h"
#include "titrate-export-private.h"
#include "titrate-export-pump.h"

#define FONT_FAMILY "Sans"

/* Handout: body 14 pt or more, for readers over 70. */
#define HANDOUT_TITLE   26.0
#define HANDOUT_H1      21.0
#define HANDOUT_H2      16.0
#define HANDOUT_BODY    14.0
#define HANDOUT_DOSE    16.0
#define HANDOUT_FOOTER  12.0
/* Clinician summary: dense, for the record. */
#define SUMMARY_TITLE   17.0
#define SUMMARY_H1      12.5
#define SUMMARY_BODY     9.5
#define SUMMARY_FOOTER   8.0

#define CELL_PAD         6.0
#define BOX_PAD         10.0
#define TICK_SIZE       18.0
#define TABLET_D        19.0
#define MAX_UNIT_PICTURES 40   /* tablets or packets drawn for one dose, at most */
#define TABLET_GAP       5.0

typedef enum {
  BLOCK_TEXT,
  BLOCK_TABLE,
  BLOCK_LEGEND,
  BLOCK_FIELD,
} BlockKind;

typedef enum {
  FLAG_FRAME          = 1 << 0,
  FLAG_WARNING        = 1 << 1,   /* thick frame */
  FLAG_SHADE          = 1 << 2,
  FLAG_KEEP_TOGETHER  = 1 << 3,
  FLAG_KEEP_WITH_NEXT = 1 << 4,
  FLAG_TABS           = 1 << 5,   /* summary step list: tab stops */
  FLAG_NEW_PAGE       = 1 << 6,   /* starts a page */
} BlockFlags;

/* One day of a week table. */
typedef struct {
  char    *note;                                /* shaded band above the day, or NULL */
  char    *date;
  char    *full;                                /* spans the dose columns, or NULL */
  char    *dose[TITRATE_MAX_DOSES_PER_DAY];     /* per column, NULL = nothing then */
  double   units[TITRATE_MAX_DOSES_PER_DAY];    /* what to draw, NAN = nothing */
  gboolean tick[TITRATE_MAX_DOSES_PER_DAY];
} Row;

typedef struct {
  char      *title;
  guint      n_cols;                            /* 0: one column of full rows */
  int        col_minutes[TITRATE_MAX_DOSES_PER_DAY];
  char      *single_header;
  GPtrArray *rows;                              /* (element-type Row) */
} Table;

typedef struct {
  BlockKind kind;
  guint     flags;
  char     *markup;
  double    size;
  double    space_before;
  Table    *table;
  /* measured */
  GArray   *slices;                             /* (element-type double) */
  double    head;                               /* repeated on every part (table title and header) */
  double    pad;                                /* inside a frame, top and bottom */
} Block;

typedef struct {
  guint  block;
  guint  first;
  guint  last;                                  /* exclusive */
  double y;
  double height;
} Placement;

typedef struct {
  GArray *placements;                           /* (element-type Placement) */
  double  height;
} Page;

typedef struct {
  PangoContext *ctx;
  cairo_t      *cr;                             /* NULL: measure only */
} Render;

struct _TitrateReport
{
  GObject            parent_instance;

  TitrateReportKind  kind;
  TitrateRules      *rules;
  TitrateDocument   *doc;
  TitrateExportPlan *plan;
  GPtrArray         *alerts;                    /* summary only */
  TitrateDoseTimes   times;
  int                week_start;                /* 0 = Sunday … 6 = Saturday */

  double             width;
  double             height;
  double             content_width;
  double             content_height;            /* for blocks: printable less the footer */
  double             footer_height;

  GPtrArray         *blocks;                    /* (element-type Block) */
  GArray            *pages;                     /* (element-type Page) */
};

G_DEFINE_FINAL_TYPE (TitrateReport, titrate_report, G_TYPE_OBJECT)

/* Freeing */

static void
row_free (Row *row)
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

static void
block_free (Block *block)
{
  g_free (block->markup);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->slices, g_array_unref);
  g_free (block);
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->placements, g_array_unref);
}

/* Pango and cairo */

static PangoContext *
create_context (cairo_t *cr)
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
static double
render_text (Render         *r,
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

static void
set_gray (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* A whole tablet: a disc with its score line. */
static void
draw_whole_tablet (cairo_t *cr,
                   double   x,
                   double   y,
                   double   d)
{
  double rr = d / 2;

  cairo_new_path (cr);
  cairo_arc (cr, x + rr, y + rr, rr - 0.6, 0, 2 * G_PI);
  set_gray (cr, 0.86);
  cairo_fill_preserve (cr);
  set_gray (cr, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  cairo_move_to (cr, x + rr, y + 2.5);
  cairo_line_to (cr, x + rr, y + d - 2.5);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
}

/* Half a tablet: the left half-disc, flat side on the score line. */
static void
draw_half_tablet (cairo_t *cr,
                  double   x,
                  double   y,
                  double   d)
{
  double rr = d / 2;

  cairo_new_path (cr);
  cairo_arc (cr, x + rr, y + rr, rr - 0.6, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_gray (cr, 0.86);
  cairo_fill_preserve (cr);
  set_gray (cr, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

static void
draw_packet (cairo_t *cr,
             double   x,
             double   y,
             double   d)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x + d * 0.15, y + 0.6, d * 0.7, d - 1.2);
  set_gray (cr, 0.86);
  cairo_fill_preserve (cr);
  set_gray (cr, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

static void
draw_tick_box (cairo_t *cr,
               double   x,
               double   y)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, TICK_SIZE, TICK_SIZE);
  set_gray (cr, 1);
  cairo_fill_preserve (cr);
  set_gray (cr, 0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

/* Tablets or packets for @units, wrapped to @width; returns the height and
 * the width used. Nothing for a liquid or a count that is not whole or half. */
static double
render_units (Render            *r,
              TitrateProductKind product,
              double             units,
              double             x,
              double             y,
              double             width,
              double            *used_width)
{
  guint whole;
  gboolean half;
  guint n;
  guint per_row;
  guint rows;

  *used_width = 0;
  if (isnan (units) || units <= 0 || (product != TITRATE_PRODUCT_TABLET && product != TITRATE_PRODUCT_PACKET))
    return 0;
  /* A picture helps count a few tablets; beyond that (an odd strength)
   * the text alone says how many, and the page stays drawable. */
  if (units > MAX_UNIT_PICTURES)
    return 0;
  whole = (guint) floor (units + 1e-9);
  half = fabs (units - whole - 0.5) < 1e-9;
  if (!half && fabs (units - whole) > 1e-9)
    return 0;
  if (product == TITRATE_PRODUCT_PACKET && half)
    return 0;

  n = whole + (half ? 1 : 0);
  per_row = MAX (1, (guint) floor ((width + TABLET_GAP) / (TABLET_D + TABLET_GAP)));
  rows = (n + per_row - 1) / per_row;
  *used_width = MIN (n, per_row) * (TABLET_D + TABLET_GAP) - TABLET_GAP;
  if (half && n <= per_row)
    *used_width -= TABLET_D / 2 - 1;   /* a half tablet is half as wide */

  if (r->cr != NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          double tx = x + (i % per_row) * (TABLET_D + TABLET_GAP);
          double ty = y + (i / per_row) * (TABLET_D + TABLET_GAP);

          if (product == TITRATE_PRODUCT_PACKET)
            draw_packet (r->cr, tx, ty, TABLET_D);
          else if (i < whole)
            draw_whole_tablet (r->cr, tx, ty, TABLET_D);
          else
            draw_half_tablet (r->cr, tx, ty, TABLET_D);
        }
    }
  return rows * TABLET_D + (rows - 1) * TABLET_GAP;
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

static Block *
add_block (TitrateReport *self,
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

static void
add_text (TitrateReport *self,
          const char    *markup,
          double         size,
          guint          flags,
          double         space_before)
{
  add_block (self, BLOCK_TEXT, markup, size, flags, space_before);
}

static void
add_heading_full (TitrateReport *self,
                  const char    *text,
                  double         size,
                  guint          flags,
                  double         space_before)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

  add_text (self, markup, size, FLAG_KEEP_WITH_NEXT | flags, space_before);
}

static void
add_heading (TitrateReport *self,
             const char    *text,
             double         size,
             double         space_before)
{
  add_heading_full (self, text, size, 0, space_before);
}

static void
add_field (TitrateReport *self,
           const char    *label,
           double         space_before)
{
  g_autofree char *markup = g_markup_printf_escaped ("%s:", label);

  add_block (self, BLOCK_FIELD, markup, body_size (self), FLAG_KEEP_TOGETHER, space_before);
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
      h = render_text (r, "—", HANDOUT_BODY, x + CELL_PAD, y + CELL_PAD, w - 2 * CELL_PAD,
                       PANGO_ALIGN_CENTER, NULL);
      return h + 2 * CELL_PAD;
    }

  /* The tick box sits at the right of the dose; the tablets and their
   * count get the cell's whole width below. */
  tw = w - 2 * CELL_PAD;
  if (row->tick[col] && r->cr != NULL)
    draw_tick_box (r->cr, x + w - CELL_PAD - TICK_SIZE, y + CELL_PAD + 1);

  h = render_text (r, row->dose[col], HANDOUT_DOSE, tx, y + CELL_PAD, tw - (row->tick[col] ? TICK_SIZE + 6 : 0),
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
      uh = render_units (r, self->plan->product, row->units[col], tx, y + CELL_PAD + h, tw, &used);
      if (markup != NULL)
        {
          lh = render_text (&measure, markup, HANDOUT_BODY, 0, 0, -1, PANGO_ALIGN_LEFT, &lw);
          if (used > 0 && used + 6 + lw <= tw)
            {
              /* Beside the tablets, centred on them. */
              render_text (r, markup, HANDOUT_BODY, tx + used + 6, y + CELL_PAD + h + (MAX (uh, lh) - lh) / 2,
                           -1, PANGO_ALIGN_LEFT, NULL);
              h += MAX (uh, lh);
            }
          else
            {
              if (uh > 0)
                h += uh + 2;
              h += render_text (r, markup, HANDOUT_BODY, tx, y + CELL_PAD + h, tw, PANGO_ALIGN_LEFT, NULL);
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

      note_h = render_text (&measure, row->note, HANDOUT_BODY, 0, 0, w - 2 * CELL_PAD, PANGO_ALIGN_LEFT, NULL)
               + 2 * CELL_PAD;
      if (r->cr != NULL)
        {
          cairo_rectangle (r->cr, x, y, w, note_h);
          set_gray (r->cr, 0.88);
          cairo_fill (r->cr);
          set_gray (r->cr, 0);
          render_text (r, row->note, HANDOUT_BODY, x + CELL_PAD, y + CELL_PAD, w - 2 * CELL_PAD,
                       PANGO_ALIGN_LEFT, NULL);
        }
    }
  y2 = y + note_h;

  {
    Render measure = { r->ctx, NULL };
    double date_h = render_text (&measure, row->date, HANDOUT_BODY, 0, 0, date_w - 2 * CELL_PAD,
                                 PANGO_ALIGN_LEFT, NULL) + 2 * CELL_PAD;
    double cells_h = 0;

    if (row->full != NULL || t->n_cols == 0)
      cells_h = render_text (&measure, row->full ? row->full : "", HANDOUT_BODY, 0, 0, cols_w - 2 * CELL_PAD,
                             PANGO_ALIGN_LEFT, NULL) + 2 * CELL_PAD;
    else
      for (guint c = 0; c < t->n_cols; c++)
        cells_h = MAX (cells_h, render_cell (self, &measure, row, c, 0, 0, cols_w / t->n_cols));
    main_h = MAX (date_h, cells_h);
  }

  if (r->cr != NULL)
    {
      render_text (r, row->date, HANDOUT_BODY, x + CELL_PAD, y2 + CELL_PAD, date_w - 2 * CELL_PAD,
                   PANGO_ALIGN_LEFT, NULL);
      if (row->full != NULL || t->n_cols == 0)
        render_text (r, row->full ? row->full : "", HANDOUT_BODY, x + date_w + CELL_PAD, y2 + CELL_PAD,
                     cols_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT, NULL);
      else
        for (guint c = 0; c < t->n_cols; c++)
          render_cell (self, r, row, c, x + date_w + c * (cols_w / t->n_cols), y2, cols_w / t->n_cols);

      /* Rules: above the day (and its note), and between the columns. */
      set_gray (r->cr, 0);
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
  title_h = render_text (r, title, HANDOUT_H2, x, y, w, PANGO_ALIGN_LEFT, NULL) + 6;
  if (out_title_h != NULL)
    *out_title_h = title_h;

  header_h = render_text (&measure, day_header, HANDOUT_BODY, 0, 0, date_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT, NULL);
  if (t->n_cols == 0)
    header_h = MAX (header_h, render_text (&measure, t->single_header, HANDOUT_BODY, 0, 0, cols_w - 2 * CELL_PAD,
                                           PANGO_ALIGN_LEFT, NULL));
  for (guint c = 0; c < t->n_cols; c++)
    {
      g_autofree char *time = titrate_dose_time_format (t->col_minutes[c]);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s", titrate_dose_time_name (t->col_minutes[c]),
                                                         time);

      header_h = MAX (header_h, render_text (&measure, markup, HANDOUT_BODY, 0, 0, cols_w / t->n_cols - 2 * CELL_PAD,
                                             PANGO_ALIGN_CENTER, NULL));
    }
  header_h += 2 * CELL_PAD;

  if (r->cr != NULL)
    {
      double hy = y + title_h;

      cairo_rectangle (r->cr, x, hy, w, header_h);
      set_gray (r->cr, 0.80);
      cairo_fill (r->cr);
      set_gray (r->cr, 0);
      render_text (r, day_header, HANDOUT_BODY, x + CELL_PAD, hy + CELL_PAD, date_w - 2 * CELL_PAD,
                   PANGO_ALIGN_LEFT, NULL);
      if (t->n_cols == 0)
        render_text (r, t->single_header, HANDOUT_BODY, x + date_w + CELL_PAD, hy + CELL_PAD,
                     cols_w - 2 * CELL_PAD, PANGO_ALIGN_LEFT, NULL);
      for (guint c = 0; c < t->n_cols; c++)
        {
          g_autofree char *time = titrate_dose_time_format (t->col_minutes[c]);
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s",
                                                             titrate_dose_time_name (t->col_minutes[c]), time);

          render_text (r, markup, HANDOUT_BODY, x + date_w + c * (cols_w / t->n_cols) + CELL_PAD, hy + CELL_PAD,
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

  h = render_text (r, markup, HANDOUT_BODY, text_x, y, self->content_width - (text_x - x), PANGO_ALIGN_LEFT, NULL);
  if (r->cr != NULL)
    {
      double ty = y + MAX (0, (MIN (h, 24) - TABLET_D) / 2);

      if (self->plan->product == TITRATE_PRODUCT_PACKET)
        draw_packet (r->cr, x + TABLET_D / 2, ty, TABLET_D);
      else if (item == 0)
        draw_whole_tablet (r->cr, x + TABLET_D / 2, ty, TABLET_D);
      else
        draw_half_tablet (r->cr, x + TABLET_D / 2, ty, TABLET_D);
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
  double h = render_text (r, b->markup, b->size, x, y + 8, -1, PANGO_ALIGN_LEFT, &lw);

  if (r->cr != NULL)
    {
      set_gray (r->cr, 0);
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

static void
measure_block (TitrateReport *self,
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

static void
draw_placement (TitrateReport   *self,
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
          set_gray (r->cr, 0.92);
          cairo_fill_preserve (r->cr);
        }
      set_gray (r->cr, 0);
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

        set_gray (r->cr, 0);
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
        set_gray (r->cr, 0);
        cairo_set_line_width (r->cr, 1.5);
        cairo_rectangle (r->cr, x + 0.75, y + title_h, self->content_width - 1.5, ty - (y + title_h));
        cairo_stroke (r->cr);
      }
      break;

    case BLOCK_LEGEND:
      {
        double ly = y;

        set_gray (r->cr, 0);
        for (guint i = p->first; i < p->last; i++)
          ly += render_legend_item (self, r, i, x, ly);
      }
      break;

    case BLOCK_FIELD:
      set_gray (r->cr, 0);
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

static void
paginate (TitrateReport *self)
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

/* Handout content */

static int
locale_week_start (void)
{
  /* glibc: the first weekday is _NL_TIME_FIRST_WEEKDAY (1 = the week's
   * origin day) counted from _NL_TIME_WEEK_1STDAY (19971130 = a Sunday). */
#if defined(__GLIBC__)
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  int origin = 1;   /* Monday */

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (langinfo.word == 19971130)
    origin = 0;
  else if (langinfo.word == 19971201)
    origin = 1;
  if (first_weekday < 1 || first_weekday > 7)
    return 1;
  return (origin + first_weekday - 1) % 7;
#else
  return 1;
#endif
}

static int
weekday_index (const GDate *date)
{
  return g_date_get_weekday (date) % 7;   /* GDate: Monday 1 … Sunday 7 → Sunday 0 */
}

/* The medicine's name from the rules database: inside a sentence
 * ("baclofen") and opening one ("Baclofen"). */
static const char *
medicine (TitrateReport *self)
{
  return titrate_rules_get_medicine_label (self->rules, self->plan->regimen->drug);
}

static const char *
medicine_start (TitrateReport *self)
{
  return titrate_rules_get_medicine_label_start (self->rules, self->plan->regimen->drug);
}

static char *
dup_title (TitrateReport *self)
{
  if (self->kind == TITRATE_REPORT_HANDOUT)
    /* Translators: the handout's title; %s is the medicine, e.g. "baclofen" */
    return g_strdup_printf (_("Your %s plan"), medicine (self));
  /* Translators: the clinician summary's title; %s is the medicine, e.g. "Baclofen" */
  return g_strdup_printf (_("%s plan: clinician summary"), medicine_start (self));
}

static gboolean
day_has_medicine (const TitrateDay *d)
{
  return d->phase != TITRATE_PHASE_NONE && d->phase != TITRATE_PHASE_STOPPED &&
         (d->n_doses > 0 || !isnan (d->daily_mcg) || !isnan (d->bolus_mcg));
}

static const TitrateDay *
previous_dosing_day (TitrateReport *self,
                     guint          index)
{
  while (index-- > 0)
    {
      const TitrateDay *d = &g_array_index (self->plan->days, TitrateDay, index);

      if (day_has_medicine (d))
        return d;
    }
  return NULL;
}

static char *
day_date_markup (const TitrateDay *d)
{
  g_autofree char *weekday = NULL;
  g_autofree char *date = NULL;

  if (!g_date_valid (&d->date))
    {
      g_autofree char *day = g_strdup_printf (_("Day %d"), d->day);
      return g_markup_printf_escaped ("<b>%s</b>", day);
    }
  weekday = _titrate_export_date (&d->date, "%A");
  /* Translators: day and month under the weekday in the handout, strftime
   * format, e.g. "4 January" */
  date = _titrate_export_date (&d->date, _("%e %B"));
  return g_markup_printf_escaped ("<b>%s</b>\n%s", weekday, date);
}

static Row *
build_row (TitrateReport *self,
           Table         *t,
           guint          index,
           const TitrateDay *d)
{
  Row *row = g_new0 (Row, 1);
  const char *unit = titrate_route_unit (self->plan->regimen->route);
  const TitrateDay *prev = previous_dosing_day (self, index);
  int last_day = _titrate_export_plan_last_day_with_doses (self->plan);
  gboolean stops = self->plan->last_dosing_day >= 0;
  gboolean unmeasurable = FALSE;

  for (guint c = 0; c < TITRATE_MAX_DOSES_PER_DAY; c++)
    row->units[c] = NAN;
  row->date = day_date_markup (d);

  /* What changes today, in plain words. */
  if (d->phase == TITRATE_PHASE_STOPPED)
    {
      /* Translators: %s is the medicine, e.g. "baclofen" */
      g_autofree char *none = g_strdup_printf (_("No %s from today."), medicine (self));

      row->full = g_markup_printf_escaped ("<b>%s</b> %s", none,
                                           _("Do not start it again unless your prescriber tells you to."));
    }
  else if (prev == NULL)
    row->note = g_markup_printf_escaped ("<b>%s</b>", _("First day of this plan."));
  else if (d->is_change && d->daily_total > prev->daily_total)
    row->note = g_markup_printf_escaped ("<b>%s</b> %s", _("New dose from today:"), _("the dose goes up."));
  else if (d->is_change && d->daily_total < prev->daily_total)
    row->note = g_markup_printf_escaped ("<b>%s</b> %s", _("New dose from today:"), _("the dose goes down."));
  else if (d->is_change)
    row->note = g_markup_printf_escaped ("<b>%s</b>", _("New dose from today."));

  if (stops && d->day == last_day && d->phase != TITRATE_PHASE_STOPPED)
    {
      g_autofree char *last = NULL;
      g_autofree char *text = NULL;

      if (d->n_doses > 0)
        {
          g_autofree char *time = titrate_dose_time_format (titrate_dose_times_get (&self->times, d->n_doses,
                                                                                     d->n_doses - 1));
          /* Translators: the medicine ("baclofen") and a time of day */
          last = g_strdup_printf (_("Last day of %s: the %s dose is the last one."), medicine (self), time);
        }
      else
        /* Translators: %s is the medicine, e.g. "baclofen" */
        last = g_strdup_printf (_("Last day of %s."), medicine (self));
      text = g_markup_printf_escaped ("<b>%s</b>", last);
      if (row->note != NULL)
        {
          char *joined = g_strconcat (row->note, "\n", text, NULL);
          g_free (row->note);
          row->note = joined;
        }
      else
        row->note = g_steal_pointer (&text);
    }

  if (d->phase == TITRATE_PHASE_STOPPED)
    return row;

  if (self->plan->regimen->route == TITRATE_ROUTE_INTRATHECAL)
    {
      if (!isnan (d->bolus_mcg))
        {
          g_autofree char *b = _titrate_export_amount (d->bolus_mcg, unit);
          row->full = g_markup_printf_escaped (_("Test dose: <b>%s</b>, given by your care team"), b);
        }
      else if (!isnan (d->daily_mcg))
        {
          g_autofree char *a = _titrate_export_amount (d->daily_mcg, unit);
          row->full = g_markup_printf_escaped (_("Your pump gives <b>%s a day</b>"), a);
        }
      {
        g_autofree char *pump = _titrate_export_pump_day_note (self->rules, self->plan->regimen, &d->date);

        if (pump != NULL)
          {
            char *joined = g_strconcat (row->full ? row->full : "", row->full ? "\n" : "", pump, NULL);

            g_free (row->full);
            row->full = joined;
          }
      }
      return row;
    }

  for (guint k = 0; k < d->n_doses; k++)
    {
      int minutes = titrate_dose_times_get (&self->times, d->n_doses, k);
      g_autofree char *amount = _titrate_export_amount (d->doses_mg[k], unit);
      double units;
      guint c = 0;

      while (c < t->n_cols && t->col_minutes[c] != minutes)
        c++;
      g_assert (c < t->n_cols);

      row->tick[c] = TRUE;
      if (_titrate_export_dose_units (self->plan, d->doses_mg[k], &units))
        {
          row->dose[c] = g_markup_printf_escaped ("<b>%s</b>", amount);
          row->units[c] = units;
        }
      else
        {
          row->dose[c] = g_markup_printf_escaped ("<b>%s</b>\n%s", amount, _("Ask your pharmacist"));
          unmeasurable = TRUE;
        }
    }

  /* Say why once, where such doses begin. */
  if (unmeasurable && (prev == NULL || prev->measurable || d->is_change))
    {
      g_autofree char *s = titrate_format_amount_display (self->plan->strength);
      g_autofree char *text = g_strdup_printf (_("These doses cannot be made from %s mg tablets. Ask your pharmacist "
                                                 "how to take them before this day."), s);
      g_autofree char *escaped = g_markup_printf_escaped ("<b>%s</b>", text);
      char *joined = row->note ? g_strconcat (row->note, "\n", escaped, NULL) : g_strdup (escaped);

      g_free (row->note);
      row->note = joined;
    }
  return row;
}

static void
add_week_table (TitrateReport *self,
                GArray        *indices,
                double         space_before)
{
  const TitrateDay *first = &g_array_index (self->plan->days, TitrateDay, g_array_index (indices, guint, 0));
  const TitrateDay *last = &g_array_index (self->plan->days, TitrateDay,
                                           g_array_index (indices, guint, indices->len - 1));
  Table *t = g_new0 (Table, 1);
  Block *b;
  g_autofree char *title = NULL;

  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  /* Columns: every dose time used this week, in order. */
  if (self->plan->regimen->route == TITRATE_ROUTE_ORAL)
    for (guint i = 0; i < indices->len; i++)
      {
        const TitrateDay *d = &g_array_index (self->plan->days, TitrateDay, g_array_index (indices, guint, i));

        if (d->phase == TITRATE_PHASE_STOPPED)
          continue;
        for (guint k = 0; k < d->n_doses; k++)
          {
            int m = titrate_dose_times_get (&self->times, d->n_doses, k);
            guint c = 0;

            while (c < t->n_cols && t->col_minutes[c] < m)
              c++;
            if (c < t->n_cols && t->col_minutes[c] == m)
              continue;
            if (t->n_cols == TITRATE_MAX_DOSES_PER_DAY)
              break;
            memmove (&t->col_minutes[c + 1], &t->col_minutes[c], (t->n_cols - c) * sizeof (int));
            t->col_minutes[c] = m;
            t->n_cols++;
          }
      }
  t->single_header = g_markup_printf_escaped ("<b>%s</b>", medicine_start (self));

  if (g_date_valid (&first->date))
    {
      g_autofree char *a = NULL;
      /* Translators: last day of a week's table, strftime format, e.g.
       * "Sunday 10 January" */
      g_autofree char *z = _titrate_export_date (&last->date, _("%A %e %B"));

      if (first == last)
        title = g_strdup (z);
      else
        {
          /* Translators: first day of a week's table, strftime format, e.g.
           * "Monday 4" (followed by " to Sunday 10 January") */
          a = _titrate_export_date (&first->date, _("%A %e"));
          /* Translators: a week's table, e.g. "Monday 4 to Sunday 10 January" */
          title = g_strdup_printf (_("%s to %s"), a, z);
        }
    }
  else
    title = g_strdup_printf (_("Days %d to %d"), first->day, last->day);
  t->title = g_markup_printf_escaped ("<b>%s</b>", title);

  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);

      g_ptr_array_add (t->rows, build_row (self, t, index, &g_array_index (self->plan->days, TitrateDay, index)));
    }

  /* A week stays on one page when it fits on one. */
  b = add_block (self, BLOCK_TABLE, NULL, HANDOUT_BODY, FLAG_KEEP_TOGETHER, space_before);
  b->table = t;
}

/* A week whose every day is the same step, with no change, no alert note
 * and no stop: -1 when it is not such a week, else the step's index. */
static int
uniform_step (TitrateReport *self,
              GArray        *week)
{
  const TitrateDay *first = &g_array_index (self->plan->days, TitrateDay, g_array_index (week, guint, 0));

  if (first->phase == TITRATE_PHASE_STOPPED)
    return -1;
  for (guint i = 0; i < week->len; i++)
    {
      const TitrateDay *d = &g_array_index (self->plan->days, TitrateDay, g_array_index (week, guint, i));

      if (d->is_change || d->step_index != first->step_index || d->phase != first->phase)
        return -1;
    }
  return first->step_index;
}

/* Weeks that repeat the week above are one line, "Monday 18 January to
 * Sunday 14 March: the same doses as the week above, every day", so a
 * once-daily plan is a few pages, not one per week. */
static void
add_repeat_range (TitrateReport *self,
                  guint          first_index,
                  guint          last_index)
{
  const TitrateDay *first = &g_array_index (self->plan->days, TitrateDay, first_index);
  const TitrateDay *last = &g_array_index (self->plan->days, TitrateDay, last_index);
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  if (g_date_valid (&first->date))
    {
      g_autofree char *a = _titrate_export_date (&first->date, "%A %e %B");
      g_autofree char *z = _titrate_export_date (&last->date, "%A %e %B %Y");

      /* Translators: e.g. "Monday 18 January to Sunday 14 March 2027" */
      range = g_strdup_printf (_("%s to %s"), a, z);
    }
  else
    range = g_strdup_printf (_("Days %d to %d"), first->day, last->day);
  /* Translators: %s is a range of dates */
  text = g_strdup_printf (_("%s: take the same doses as in the week above, every day."), range);
  markup = g_markup_printf_escaped ("<b>%s</b>", text);
  add_text (self, markup, HANDOUT_BODY, FLAG_KEEP_TOGETHER, 10);
}

static void
add_calendar (TitrateReport *self)
{
  g_autoptr(GArray) week = g_array_new (FALSE, FALSE, sizeof (guint));
  int month = -1;
  gboolean first = TRUE;
  int shown_step = -1;            /* step of the last week shown as a table, if uniform */
  guint run_first = G_MAXUINT;    /* a run of repeated weeks not yet written */
  guint run_last = 0;

  for (guint i = 0; i <= self->plan->days->len; i++)
    {
      const TitrateDay *d = i < self->plan->days->len ? &g_array_index (self->plan->days, TitrateDay, i) : NULL;
      gboolean dated = d != NULL && g_date_valid (&d->date);
      gboolean new_week;

      if (d != NULL && d->phase == TITRATE_PHASE_NONE)
        continue;

      if (d == NULL)
        new_week = TRUE;
      else if (dated)
        new_week = weekday_index (&d->date) == self->week_start;
      else
        new_week = (d->day - 1) % 7 == 0;

      if (week->len > 0 && new_week)
        {
          int step = uniform_step (self, week);
          const TitrateDay *w0 = &g_array_index (self->plan->days, TitrateDay, g_array_index (week, guint, 0));

          if (step >= 0 && step == shown_step)
            {
              /* The same as the week above: part of a range. */
              if (run_first == G_MAXUINT)
                run_first = g_array_index (week, guint, 0);
              run_last = g_array_index (week, guint, week->len - 1);
            }
          else
            {
              if (run_first != G_MAXUINT)
                add_repeat_range (self, run_first, run_last);
              run_first = G_MAXUINT;
              if (g_date_valid (&w0->date) && (int) g_date_get_month (&w0->date) != month)
                {
                  g_autofree char *name = _titrate_export_date (&w0->date, "%B %Y");

                  month = g_date_get_month (&w0->date);
                  /* The calendar starts on a page of its own. */
                  add_heading_full (self, name, HANDOUT_H1, first ? FLAG_NEW_PAGE : 0, 22);
                  first = FALSE;
                }
              else if (first)
                {
                  add_heading_full (self, _("Your calendar"), HANDOUT_H1, FLAG_NEW_PAGE, 0);
                  first = FALSE;
                }
              add_week_table (self, week, 14);
              shown_step = step;
            }
          g_array_set_size (week, 0);
        }
      if (d != NULL)
        g_array_append_val (week, i);
    }
  if (run_first != G_MAXUINT)
    add_repeat_range (self, run_first, run_last);
}

/* The handout's warning box: @warning as its title, @advice, then the
 * warning signs the library selected (counselling rows of section
 * "withdrawal_sign"; a row's topic introduces its list when it differs from
 * the row before). */
static char *
warning_markup (int         big,
                int         body,
                const char *warning,
                const char *advice,
                GPtrArray  *signs)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *head = g_markup_printf_escaped ("<span size=\"%d\"><b>%s</b></span>\n<span size=\"%d\">%s",
                                                   big, warning, body, advice);

  g_string_append (s, head);
  for (guint i = 0; signs != NULL && i < signs->len; i++)
    {
      const TitrateCounselling *c = g_ptr_array_index (signs, i);
      const TitrateCounselling *before = i > 0 ? g_ptr_array_index (signs, i - 1) : NULL;
      g_autofree char *line = before == NULL || g_strcmp0 (before->topic, c->topic) != 0
                              ? g_markup_printf_escaped ("\n\n<b>%s</b>\n• %s", c->topic, c->text)
                              : g_markup_printf_escaped ("\n• %s", c->text);

      g_string_append (s, line);
    }
  g_string_append (s, "</span>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
build_handout (TitrateReport *self)
{
  const TitrateRegimen *r = self->plan->regimen;
  gboolean oral = r->route == TITRATE_ROUTE_ORAL;
  g_autoptr(GPtrArray) counselling = _titrate_export_counselling (self->rules, self->doc);
  g_autoptr(GPtrArray) signs = titrate_counselling_select_withdrawal_signs (self->rules, self->doc->patient, r);
  g_autofree char *markup = NULL;
  g_autofree char *start = NULL;
  g_autofree char *title = dup_title (self);
  g_autofree char *intro = NULL;
  g_autofree char *warning = NULL;
  int body = (int) (HANDOUT_BODY * PANGO_SCALE);
  int big = (int) (18 * PANGO_SCALE);

  add_heading (self, title, HANDOUT_TITLE, 0);
  add_field (self, _("Name"), 6);

  /* Translators: the plan's start date on the handout, strftime format,
   * e.g. "Monday 4 January 2027" */
  start = _titrate_export_date (&r->start_date, _("%A %e %B %Y"));
  if (oral)
    {
      /* Translators: %s is the medicine, e.g. "baclofen" */
      intro = g_strdup_printf (_("This calendar shows how much %s to take each day, and when. "
                                 "The dose changes slowly, step by step."), medicine (self));
      markup = g_markup_printf_escaped ("%s\n%s", intro, _("At each time, take the amount shown. Then tick the box."));
    }
  else
    {
      /* Translators: %s is the medicine, e.g. "baclofen" */
      intro = g_strdup_printf (_("This calendar shows the %s your care team gives you "
                                 "each day, through the pump or as a test dose."), medicine (self));
      markup = g_markup_printf_escaped ("%s", intro);
    }
  add_text (self, markup, HANDOUT_BODY, 0, 14);
  if (*start != '\0')
    {
      g_clear_pointer (&markup, g_free);
      markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Start:"), start);
      add_text (self, markup, HANDOUT_BODY, 0, 8);
    }

  if (oral && (self->plan->product == TITRATE_PRODUCT_TABLET || self->plan->product == TITRATE_PRODUCT_PACKET))
    {
      add_heading (self, self->plan->product == TITRATE_PRODUCT_TABLET ? _("Your tablets") : _("Your packets"),
                   HANDOUT_H2, 16);
      add_block (self, BLOCK_LEGEND, NULL, HANDOUT_BODY, FLAG_KEEP_TOGETHER, 6);
    }
  else if (oral && self->plan->product == TITRATE_PRODUCT_LIQUID)
    {
      g_autofree char *s = titrate_format_amount_display (self->plan->strength);
      g_autofree char *text = g_strdup_printf (_("Your medicine is a liquid with %s mg in each mL. The calendar "
                                                 "shows how many mL to measure with the oral syringe."), s);

      g_clear_pointer (&markup, g_free);
      markup = g_markup_escape_text (text, -1);
      add_text (self, markup, HANDOUT_BODY, 0, 12);
    }

  /* The warning box. */
  g_clear_pointer (&markup, g_free);
  if (oral)
    /* Translators: %s is the medicine, e.g. "baclofen" */
    warning = g_strdup_printf (_("Do not stop %s suddenly"), medicine (self));
  else
    /* Translators: %s is the medicine, e.g. "baclofen" */
    warning = g_strdup_printf (_("Do not stop %s suddenly: never let your pump run empty"), medicine (self));
  markup = warning_markup (big, body, warning,
                           oral ? _("Stopping suddenly, or missing several doses, can make you very ill. "
                                    "If you run out or cannot take it, call your prescriber or pharmacist "
                                    "the same day.")
                                : _("Go to every refill appointment. If the pump alarm sounds, call your "
                                    "pump team straight away."),
                           signs);
  add_text (self, markup, HANDOUT_BODY, FLAG_WARNING | FLAG_KEEP_TOGETHER, 18);

  g_clear_pointer (&markup, g_free);
  if ((markup = _titrate_export_pump_card (self->rules, r, body)) != NULL)
    {
      add_heading (self, _("Your pump"), HANDOUT_H2, 16);
      add_text (self, markup, HANDOUT_BODY, FLAG_FRAME | FLAG_KEEP_TOGETHER, 6);
    }

  add_heading (self, _("Who to call"), HANDOUT_H2, 16);
  add_field (self, _("Prescriber"), 2);
  add_field (self, _("Phone"), 2);
  add_field (self, oral ? _("Pharmacy") : _("Pump team"), 2);

  if (counselling->len > 0)
    {
      add_heading (self, _("Things to know"), HANDOUT_H1, 24);
      for (guint i = 0; i < counselling->len; i++)
        {
          const TitrateCounselling *c = g_ptr_array_index (counselling, i);

          g_clear_pointer (&markup, g_free);
          markup = g_markup_printf_escaped ("<b>%s</b>\n%s", c->topic, c->text);
          add_text (self, markup, HANDOUT_BODY, FLAG_KEEP_TOGETHER, 12);
        }
    }

  add_calendar (self);

  g_clear_pointer (&markup, g_free);
  if (self->plan->last_dosing_day >= 0)
    {
      /* Translators: %s is the medicine, e.g. "baclofen" */
      g_autofree char *again = g_strdup_printf (_("do not start %s again unless your prescriber tells you to."),
                                                medicine (self));

      markup = g_markup_printf_escaped ("<b>%s</b> %s", _("After your last dose:"), again);
    }
  else if (!oral)
    markup = g_markup_printf_escaped ("<b>%s</b> %s", _("After this calendar ends:"),
                                      _("your pump keeps giving the same dose as on the last day above, until "
                                        "your care team changes it. Never let it run empty."));
  else
    markup = g_markup_printf_escaped ("<b>%s</b> %s", _("After this calendar ends:"),
                                      _("keep taking the same dose as on the last day above, every day, until "
                                        "your prescriber changes it. Do not stop suddenly."));
  add_text (self, markup, HANDOUT_BODY, FLAG_FRAME | FLAG_KEEP_TOGETHER, 18);
}

/* Clinician summary content */

static const char *
sex_label (TitrateSex sex)
{
  switch (sex)
    {
    case TITRATE_SEX_FEMALE:
      return _("female");
    case TITRATE_SEX_MALE:
      return _("male");
    case TITRATE_SEX_UNKNOWN:
    default:
      return _("not recorded");
    }
}

static const char *
basis_label (TitrateRenalBasis basis)
{
  switch (basis)
    {
    case TITRATE_RENAL_BASIS_ENTERED:
      return _("entered by the prescriber");
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT:
      return _("Cockcroft–Gault, actual body weight");
    case TITRATE_RENAL_BASIS_COCKCROFT_GAULT_ADJUSTED:
      return _("Cockcroft–Gault, adjusted body weight");
    case TITRATE_RENAL_BASIS_CKD_EPI_2021:
      return _("CKD-EPI 2021");
    case TITRATE_RENAL_BASIS_NONE:
    default:
      return _("not available");
    }
}

static char *
number_or_dash (double value,
                double precision)
{
  if (isnan (value))
    return g_strdup ("—");
  return titrate_format_amount_display (round (value / precision) * precision);
}

static void
kv (GString    *s,
    const char *key,
    const char *value)
{
  g_autofree char *line = g_markup_printf_escaped ("<b>%s:</b> %s\n", key, value);

  g_string_append (s, line);
}

static char *
join_strings (GPtrArray  *items,
              const char *empty)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (items == NULL || items->len == 0)
    return g_strdup (empty);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (items, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
indication_label (TitrateReport *self)
{
  g_autoptr(GPtrArray) items = titrate_rules_list_indications (self->rules, self->plan->regimen->route);

  for (guint i = 0; i < items->len; i++)
    {
      const TitrateVocabItem *v = g_ptr_array_index (items, i);

      if (g_strcmp0 (v->code, self->plan->regimen->indication) == 0)
        return v->label;
    }
  return self->plan->regimen->indication ? self->plan->regimen->indication : _("not recorded");
}

static void
add_patient_section (TitrateReport *self)
{
  const TitratePatient *p = self->doc->patient;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autofree char *age = number_or_dash (p->age_years, 0.1);
  g_autofree char *weight = number_or_dash (p->weight_kg, 0.1);
  g_autofree char *crcl = number_or_dash (0, 1);
  g_autofree char *egfr = NULL;
  g_autofree char *scr = NULL;
  g_autofree char *conds = NULL;
  g_autofree char *allergies = NULL;
  g_autofree char *comeds = NULL;
  g_autofree char *text = NULL;
  TitrateRenal renal;

  titrate_patient_get_renal (p, &renal);

  add_heading (self, _("Patient"), SUMMARY_H1, 12);

  text = g_strdup_printf (_("%s years"), age);
  kv (s, _("Age"), text);
  kv (s, _("Sex"), sex_label (p->sex));
  g_free (text);
  text = g_strdup_printf (_("%s kg"), weight);
  kv (s, _("Weight"), text);
  if (isnan (p->serum_creatinine))
    scr = g_strdup (_("not recorded"));
  else
    {
      g_autofree char *v = titrate_format_amount_display (p->serum_creatinine);
      scr = g_strdup_printf ("%s %s", v, p->creatinine_unit == TITRATE_CREATININE_MG_DL ? "mg/dL" : "µmol/L");
    }
  kv (s, _("Serum creatinine"), scr);

  g_free (crcl);
  if (isnan (renal.crcl_ml_min))
    crcl = g_strdup_printf (_("not available (%s)"), renal.crcl_note ? _(renal.crcl_note) : basis_label (renal.crcl_basis));
  else
    {
      g_autofree char *v = number_or_dash (titrate_renal_estimate_shown (renal.crcl_ml_min, renal.crcl_basis), 0.001);
      crcl = g_strdup_printf (_("%s mL/min (%s)"), v, basis_label (renal.crcl_basis));
    }
  kv (s, _("Creatinine clearance (CrCl)"), crcl);
  if (isnan (renal.egfr_ml_min_1_73m2))
    egfr = g_strdup_printf (_("not available (%s)"), renal.egfr_note ? _(renal.egfr_note) : basis_label (renal.egfr_basis));
  else
    {
      g_autofree char *v = number_or_dash (titrate_renal_estimate_shown (renal.egfr_ml_min_1_73m2, renal.egfr_basis), 0.001);
      egfr = g_strdup_printf (_("%s mL/min/1.73 m² (%s)"), v, basis_label (renal.egfr_basis));
    }
  kv (s, _("eGFR"), egfr);
  kv (s, _("Dialysis"), p->dialysis ? _("yes") : _("no"));
  kv (s, _("Pregnant"), p->pregnant ? _("yes") : _("no"));
  kv (s, _("Breastfeeding"), p->breastfeeding ? _("yes") : _("no"));

  for (guint i = 0; p->conditions != NULL && i < p->conditions->len; i++)
    {
      const char *code = g_ptr_array_index (p->conditions, i);
      const char *label = titrate_rules_get_condition_label (self->rules, code);

      g_ptr_array_add (conditions, (gpointer) (label ? label : code));
    }
  conds = join_strings (conditions, _("none recorded"));
  kv (s, _("Conditions"), conds);
  allergies = join_strings (p->allergies, _("none recorded"));
  kv (s, _("Allergies"), allergies);
  comeds = join_strings (self->doc->comedications, _("none recorded"));
  kv (s, _("Other medicines"), comeds);

  g_string_truncate (s, s->len - 1);
  add_text (self, s->str, SUMMARY_BODY, 0, 4);
}

static char *
step_doses (const TitrateStep *step,
            TitrateRoute       route)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (titrate_step_is_stopped (step))
    return g_strdup (_("stopped"));
  if (route == TITRATE_ROUTE_INTRATHECAL)
    {
      if (!isnan (step->bolus_mcg))
        {
          g_autofree char *b = _titrate_export_amount (step->bolus_mcg, "mcg");
          return g_strdup_printf (_("bolus %s"), b);
        }
      {
        g_autofree char *d = _titrate_export_amount (step->daily_mcg, "mcg");
        return g_strdup_printf (_("infusion %s/day"), d);
      }
    }
  for (guint k = 0; k < step->n_doses; k++)
    {
      g_autofree char *d = titrate_format_amount_display (step->doses_mg[k]);
      g_string_append_printf (s, "%s%s", k ? " + " : "", d);
    }
  g_string_append (s, " mg");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
add_regimen_section (TitrateReport *self)
{
  const TitrateRegimen *r = self->plan->regimen;
  const TitrateFormulation *f = titrate_rules_get_formulation (self->rules, r->formulation);
  const char *unit = titrate_route_unit (r->route);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autofree char *product = titrate_planner_unit_name (self->rules, r);
  g_autofree char *start = _titrate_export_date (&r->start_date, "%Y-%m-%d (%A)");
  g_autofree char *limit_text = NULL;
  g_autofree char *route = NULL;
  TitrateLimit limit;

  add_heading (self, _("Regimen"), SUMMARY_H1, 12);

  route = g_strdup_printf ("%s (%s)", r->route == TITRATE_ROUTE_ORAL ? _("oral") : _("intrathecal"), unit);
  kv (s, _("Route"), route);
  kv (s, _("Indication"), indication_label (self));
  kv (s, _("Formulation"), f ? f->label : (r->formulation ? r->formulation : _("not recorded")));
  /* The unit name is written to follow a count ("× 10 mg tablet"): here
   * it stands alone, so without the "×" and under a label that says so. */
  kv (s, _("Doses given as"),
      product == NULL ? _("no strength chosen")
                      : g_str_has_prefix (product, "× ") ? product + strlen ("× ") : product);
  kv (s, _("Start date"), *start ? start : _("not set"));
  if (self->doc->regimen->has_protocol)
    {
      const TitrateProtocol *p = &self->doc->regimen->protocol;
      g_autofree char *text = NULL;
      g_autofree char *step_mg = titrate_format_amount_display (p->step_mg_per_dose);

      if (p->kind == TITRATE_PROTOCOL_TITRATE)
        {
          g_autofree char *from = titrate_format_amount_display (p->start_dose_mg);
          g_autofree char *to = titrate_format_amount_display (p->target_daily_mg);
          text = g_strdup_printf (_("titrate from %s mg × %d a day, +%s mg per dose every %d days, to %s mg/day"),
                                  from, p->doses_per_day, step_mg, p->step_every_days, to);
        }
      else
        {
          g_autofree char *from = titrate_format_amount_display (p->from_daily_mg);
          text = g_strdup_printf (_("taper from %s mg/day in %d doses, −%s mg per dose every %d days, to zero"),
                                  from, p->doses_per_day, step_mg, p->step_every_days);
        }
      kv (s, _("Protocol"), text);
    }
  titrate_check_applicable_limit (self->rules, self->doc->patient, r, &limit);
  if (isnan (limit.max_daily))
    limit_text = g_strdup (_("none applies"));
  else
    {
      /* One rounding rule for the maximum, on screen and on paper:
       * titrate_format_amount_display(), three decimals at most. */
      g_autofree char *m = titrate_format_amount_display (limit.max_daily);
      g_autofree char *factor = titrate_format_amount_display (limit.renal_factor);
      /* Translators: "26.667 mg/day (renal factor 0.333)" */
      limit_text = g_strdup_printf (_("%s %s/day (renal factor %s)"), m, unit, factor);
    }
  kv (s, _("Applicable maximum"), limit_text);
  kv (s, _("Plan status"), self->doc->final ? _("final") : _("draft"));
  g_string_truncate (s, s->len - 1);
  add_text (self, s->str, SUMMARY_BODY, 0, 4);

  /* Steps, one line each, with tab stops. */
  {
    g_autofree char *header = g_markup_printf_escaped ("<b>%s\t%s\t%s\t%s\t%s</b>", _("Day"), _("Date"), _("Phase"),
                                                       _("Doses"), _("Daily total"));
    g_string_append (steps, header);
  }
  for (guint i = 0; i < r->steps->len; i++)
    {
      const TitrateStep *st = &g_array_index (r->steps, TitrateStep, i);
      g_autofree char *doses = step_doses (st, r->route);
      g_autofree char *total = _titrate_export_amount (titrate_step_is_stopped (st) ? 0 : titrate_step_daily_total (st),
                                                       unit);
      char date[16] = "—";
      g_autofree char *line = NULL;

      if (g_date_valid (&r->start_date))
        {
          GDate d = r->start_date;

          g_date_add_days (&d, (guint) st->day - 1);
          g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
        }
      line = g_markup_printf_escaped ("\n%d\t%s\t%s\t%s\t%s", st->day, date,
                                      titrate_phase_to_label (titrate_regimen_step_phase (r, i)), doses, total);
      g_string_append (steps, line);
    }
  add_text (self, steps->str, SUMMARY_BODY, FLAG_TABS, 8);
}

static void
add_alerts_section (TitrateReport *self)
{
  guint counts[TITRATE_N_SEVERITIES] = { 0 };
  g_autofree char *heading = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(GString) count_line = g_string_new (NULL);

  for (guint i = 0; i < self->alerts->len; i++)
    counts[((TitrateAlert *) g_ptr_array_index (self->alerts, i))->severity]++;

  heading = g_strdup_printf (_("Alerts (%u)"), self->alerts->len);
  add_heading (self, heading, SUMMARY_H1, 12);

  if (self->alerts->len == 0)
    {
      markup = g_markup_escape_text (_("Checked against the rules database: no alerts."), -1);
      add_text (self, markup, SUMMARY_BODY, 0, 4);
      return;
    }
  for (int sev = TITRATE_N_SEVERITIES - 1; sev >= 0; sev--)
    g_string_append_printf (count_line, "%s%s %u", sev < TITRATE_N_SEVERITIES - 1 ? ", " : "",
                            titrate_severity_to_label (sev), counts[sev]);
  markup = g_markup_escape_text (count_line->str, -1);
  add_text (self, markup, SUMMARY_BODY, 0, 4);

  for (guint i = 0; i < self->alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (self->alerts, i);
      const TitrateAcknowledgement *ack = titrate_document_find_acknowledgement (self->doc, a);
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *head = NULL;
      g_autofree char *when = NULL;
      g_autofree char *severity = g_utf8_strup (titrate_severity_to_label (a->severity), -1);

      if (a->day > 0 && g_date_valid (&self->plan->regimen->start_date))
        {
          GDate d = self->plan->regimen->start_date;
          char buf[16];

          g_date_add_days (&d, (guint) a->day - 1);
          g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
          when = g_strdup_printf (_(" · from day %d (%s)"), a->day, buf);
        }
      else if (a->day > 0)
        when = g_strdup_printf (_(" · from day %d"), a->day);

      /* no rule code: the title names the alert for a reader */
      head = g_markup_printf_escaped ("<b>%s</b> · %s%s\n<b>%s</b>\n", severity,
                                      titrate_category_to_label (a->category), when ? when : "", a->title);
      g_string_append (s, head);
      {
        g_autofree char *reason = g_markup_printf_escaped ("<b>%s</b> %s\n<b>%s</b> %s\n<b>%s</b> %s (%s %s)",
                                                           _("Reason:"), a->reason, _("Action:"), a->action,
                                                           _("Source:"), a->source, _("evidence"),
                                                           a->evidence ? a->evidence : "—");
        g_string_append (s, reason);
      }
      if (ack != NULL)
        {
          g_autofree char *line = g_markup_printf_escaped ("\n<b>%s</b> %s%s%s%s", _("Acknowledged:"),
                                                           ack->reason ? ack->reason : "",
                                                           ack->date ? " (" : "", ack->date ? ack->date : "",
                                                           ack->date ? ")" : "");
          g_string_append (s, line);
        }
      else if (a->severity >= TITRATE_SEVERITY_MAJOR)
        {
          g_autofree char *line = g_markup_printf_escaped ("\n<b>%s</b>", _("Not acknowledged."));
          g_string_append (s, line);
        }
      add_text (self, s->str, SUMMARY_BODY, FLAG_FRAME | FLAG_KEEP_TOGETHER, 6);
    }
}

static void
build_summary (TitrateReport *self)
{
  g_autoptr(GPtrArray) counselling = _titrate_export_counselling (self->rules, self->doc);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *generated = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = dup_title (self);

  add_heading (self, title, SUMMARY_TITLE, 0);
  generated = g_date_time_format (now, "%Y-%m-%d %H:%M");
  markup = g_markup_printf_escaped ("%s\n%s %s", _("Decision support, not a prescription: every alert states its "
                                                   "reason and source; the prescriber decides."),
                                    _("Generated"), generated);
  add_text (self, markup, SUMMARY_BODY, 0, 4);

  add_patient_section (self);
  add_regimen_section (self);
  {
    g_autofree char *pump = _titrate_export_pump_arithmetic (self->rules, self->plan->regimen);

    if (pump != NULL)
      {
        add_heading (self, _("Pump reservoir arithmetic"), SUMMARY_H1, 12);
        add_text (self, pump, SUMMARY_BODY, 0, 4);
      }
  }
  add_alerts_section (self);

  add_heading (self, _("Counselling points on the patient handout"), SUMMARY_H1, 12);
  g_clear_pointer (&markup, g_free);
  if (counselling->len == 0)
    markup = g_markup_escape_text (_("none"), -1);
  else
    {
      for (guint i = 0; i < counselling->len; i++)
        {
          const TitrateCounselling *c = g_ptr_array_index (counselling, i);
          g_autofree char *line = g_markup_printf_escaped ("%s• %s (%s)", i ? "\n" : "", c->topic, c->source);

          g_string_append (s, line);
        }
      markup = g_strdup (s->str);
    }
  add_text (self, markup, SUMMARY_BODY, 0, 4);

  add_heading (self, _("Rules database"), SUMMARY_H1, 12);
  g_string_truncate (s, 0);
  kv (s, _("Title"), titrate_rules_get_title (self->rules));
  kv (s, _("Content version"), titrate_rules_get_content_version (self->rules));
  kv (s, _("Content date"), titrate_rules_get_content_date (self->rules));
  {
    g_autofree char *schema = g_strdup_printf ("%d", titrate_rules_get_schema_version (self->rules));
    kv (s, _("Schema version"), schema);
  }
  kv (s, _("Origin"), g_strcmp0 (titrate_rules_get_origin (self->rules), "embedded") == 0
                      ? _("embedded in Titrate") : titrate_rules_get_origin (self->rules));
  g_string_truncate (s, s->len - 1);
  add_text (self, s->str, SUMMARY_BODY, 0, 4);

  add_heading (self, _("Prescriber"), SUMMARY_H1, 14);
  add_field (self, _("Name"), 2);
  add_field (self, _("Signature"), 2);
  add_field (self, _("Date"), 2);
}

/* Footer */

static double
render_footer (TitrateReport *self,
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
    left = g_strdup_printf (_("Your %s plan: bring it to every appointment"), medicine (self));
  else
    left = g_strdup_printf (_("Titrate clinician summary · rules %s (%s)"),
                            titrate_rules_get_content_version (self->rules),
                            titrate_rules_get_content_date (self->rules));
  left_markup = g_markup_escape_text (left, -1);

  {
    Render measure = { r->ctx, NULL };
    h = MAX (render_text (&measure, left_markup, size, 0, 0, self->content_width * 0.7, PANGO_ALIGN_LEFT, NULL),
             render_text (&measure, right_markup, size, 0, 0, self->content_width * 0.3, PANGO_ALIGN_RIGHT, NULL));
  }
  if (r->cr != NULL)
    {
      y = self->height - TITRATE_REPORT_MARGIN - h;
      set_gray (r->cr, 0);
      cairo_set_line_width (r->cr, 0.6);
      cairo_move_to (r->cr, x, y - 5);
      cairo_line_to (r->cr, x + self->content_width, y - 5);
      cairo_stroke (r->cr);
      render_text (r, left_markup, size, x, y, self->content_width * 0.7, PANGO_ALIGN_LEFT, NULL);
      render_text (r, right_markup, size, x + self->content_width * 0.7, y, self->content_width * 0.3,
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
  Render r = { create_context (cr), NULL };

  g_ptr_array_set_size (self->blocks, 0);
  g_array_set_size (self->pages, 0);

  self->content_width = self->width - 2 * TITRATE_REPORT_MARGIN;
  self->footer_height = render_footer (self, &r, 98, 99);
  self->content_height = self->height - 2 * TITRATE_REPORT_MARGIN - self->footer_height;

  if (self->kind == TITRATE_REPORT_HANDOUT)
    build_handout (self);
  else
    build_summary (self);

  for (guint i = 0; i < self->blocks->len; i++)
    measure_block (self, &r, g_ptr_array_index (self->blocks, i));
  paginate (self);

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
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  g_array_set_clear_func (self->pages, (GDestroyNotify) page_clear);
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
  self->week_start = locale_week_start ();

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
  r.ctx = create_context (cr);

  for (guint i = 0; i < p->placements->len; i++)
    draw_placement (self, &r, &g_array_index (p->placements, Placement, i), TITRATE_REPORT_MARGIN,
                    TITRATE_REPORT_MARGIN);
  render_footer (self, &r, page, (int) self->pages->len);

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

  title = dup_title (reports[0]);
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
