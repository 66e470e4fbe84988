/* titrate-report-private.h — what the report files share; not installed
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "titrate-report.h"
#include "titrate-export-private.h"

G_BEGIN_DECLS

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

/* Layout (titrate-report-layout.c) */
void _titrate_report_row_free (Row *row);
void _titrate_report_block_free (Block *block);
void _titrate_report_page_clear (Page *page);
PangoContext *_titrate_report_create_context (cairo_t *cr);
/* Measures (and with r->cr draws) markup at (x, y); returns its height. */
double _titrate_report_render_text (Render         *r,
                                    const char     *markup,
                                    double          size,
                                    double          x,
                                    double          y,
                                    double          width,
                                    PangoAlignment  align,
                                    double         *out_width);
Block *_titrate_report_add_block (TitrateReport *self,
                                  BlockKind      kind,
                                  const char    *markup,
                                  double         size,
                                  guint          flags,
                                  double         space_before);
void _titrate_report_add_text (TitrateReport *self,
                               const char    *markup,
                               double         size,
                               guint          flags,
                               double         space_before);
void _titrate_report_add_heading_full (TitrateReport *self,
                                       const char    *text,
                                       double         size,
                                       guint          flags,
                                       double         space_before);
void _titrate_report_add_heading (TitrateReport *self,
                                  const char    *text,
                                  double         size,
                                  double         space_before);
void _titrate_report_add_field (TitrateReport *self,
                                const char    *label,
                                double         space_before);
void _titrate_report_measure_block (TitrateReport *self,
                                    Render        *r,
                                    Block         *b);
void _titrate_report_draw_placement (TitrateReport   *self,
                                     Render          *r,
                                     const Placement *p,
                                     double           x0,
                                     double           y0);
void _titrate_report_paginate (TitrateReport *self);

/* Pictograms (titrate-report-pictograms.c) */
void _titrate_report_set_gray (cairo_t *cr,
                               double   level);
/* A whole tablet: a disc with its score line. */
void _titrate_report_draw_whole_tablet (cairo_t *cr,
                                        double   x,
                                        double   y,
                                        double   d);
/* Half a tablet: the left half-disc, flat side on the score line. */
void _titrate_report_draw_half_tablet (cairo_t *cr,
                                       double   x,
                                       double   y,
                                       double   d);
void _titrate_report_draw_packet (cairo_t *cr,
                                  double   x,
                                  double   y,
                                  double   d);
void _titrate_report_draw_tick_box (cairo_t *cr,
                                    double   x,
                                    double   y);
/* Tablets or packets for @units, wrapped to @width; returns the height and
 * the width used. Nothing for a liquid or a count that is not whole or half. */
double _titrate_report_render_units (Render            *r,
                                     TitrateProductKind product,
                                     double             units,
                                     double             x,
                                     double             y,
                                     double             width,
                                     double            *used_width);

/* Content (titrate-report-handout.c, titrate-report-summary.c) */
void _titrate_report_build_handout (TitrateReport *self);
void _titrate_report_build_summary (TitrateReport *self);

/* Titles and footer (titrate-report.c) */
/* The medicine's name from the rules database: inside a sentence
 * ("baclofen") and opening one ("Baclofen"). */
const char *_titrate_report_medicine (TitrateReport *self);
const char *_titrate_report_medicine_start (TitrateReport *self);
char *_titrate_report_dup_title (TitrateReport *self);
double _titrate_report_render_footer (TitrateReport *self,
                                      Render        *r,
                                      int            page,
                                      int            n_pages);

G_END_DECLS
