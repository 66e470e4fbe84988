/* titrate-day-cell.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_DAY_CELL (titrate_day_cell_get_type ())

G_DECLARE_FINAL_TYPE (TitrateDayCell, titrate_day_cell, TITRATE, DAY_CELL, GtkButton)

/**
 * TitrateDayCellNoteStyle:
 * @TITRATE_DAY_CELL_NOTE_ACCENT: a date to know (the theme's accent colour)
 * @TITRATE_DAY_CELL_NOTE_WARNING: a date to act by (warning colour)
 * @TITRATE_DAY_CELL_NOTE_ERROR: a date that must not be reached (error colour)
 */
typedef enum {
  TITRATE_DAY_CELL_NOTE_ACCENT,
  TITRATE_DAY_CELL_NOTE_WARNING,
  TITRATE_DAY_CELL_NOTE_ERROR,
} TitrateDayCellNoteStyle;

GtkWidget  *titrate_day_cell_new          (void);
void        titrate_day_cell_update       (TitrateDayCell   *self,
                                           const GDate      *date,
                                           gboolean          other_month,
                                           gboolean          today,
                                           const TitrateDay *day,
                                           TitrateRoute      route,
                                           double            max_daily,
                                           guint             n_alerts_from_day);
void        titrate_day_cell_get_date     (TitrateDayCell   *self,
                                           GDate            *out);
void        titrate_day_cell_set_selected (TitrateDayCell   *self,
                                           gboolean          selected);
const char *titrate_day_cell_get_total    (TitrateDayCell   *self);
const char *titrate_day_cell_get_doses    (TitrateDayCell   *self);
const char *titrate_day_cell_get_phase    (TitrateDayCell   *self);
gboolean    titrate_day_cell_get_over_max (TitrateDayCell   *self);
void        titrate_day_cell_set_note     (TitrateDayCell          *self,
                                           const char              *text,
                                           TitrateDayCellNoteStyle  style);
const char *titrate_day_cell_get_note     (TitrateDayCell   *self);
GArray     *titrate_day_cell_get_text_rects (TitrateDayCell *self);

G_END_DECLS
