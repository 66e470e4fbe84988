/* titrate-number-row.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TITRATE_TYPE_NUMBER_ROW (titrate_number_row_get_type ())

G_DECLARE_FINAL_TYPE (TitrateNumberRow, titrate_number_row, TITRATE, NUMBER_ROW, AdwActionRow)

double       titrate_number_row_get_value   (TitrateNumberRow *self);
gboolean     titrate_number_row_get_valid   (TitrateNumberRow *self);
void         titrate_number_row_set_value   (TitrateNumberRow *self,
                                             double            value);
void         titrate_number_row_reset_value (TitrateNumberRow *self,
                                             double            value);
void         titrate_number_row_set_error   (TitrateNumberRow *self,
                                             const char       *message);
const char  *titrate_number_row_get_unit    (TitrateNumberRow *self);
void         titrate_number_row_set_unit    (TitrateNumberRow *self,
                                             const char       *unit);
void         titrate_number_row_set_range   (TitrateNumberRow *self,
                                             double            minimum,
                                             double            maximum);
GtkEditable *titrate_number_row_get_entry   (TitrateNumberRow *self);
void         titrate_number_row_commit      (TitrateNumberRow *self);
gboolean     titrate_number_row_get_pending (TitrateNumberRow *self);

G_END_DECLS
