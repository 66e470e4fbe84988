/* titrate-alert-row.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate-alert-item.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_ALERT_ROW (titrate_alert_row_get_type ())

G_DECLARE_FINAL_TYPE (TitrateAlertRow, titrate_alert_row, TITRATE, ALERT_ROW, GtkListBoxRow)

GtkWidget        *titrate_alert_row_new          (TitrateAlertItem *item);
TitrateAlertItem *titrate_alert_row_get_item     (TitrateAlertRow  *self);
void              titrate_alert_row_set_item     (TitrateAlertRow  *self,
                                                  TitrateAlertItem *item);
gboolean          titrate_alert_row_get_expanded (TitrateAlertRow  *self);
void              titrate_alert_row_set_expanded (TitrateAlertRow  *self,
                                                  gboolean          expanded);
const char       *titrate_alert_row_get_title    (TitrateAlertRow  *self);
const char       *titrate_alert_row_get_severity_text (TitrateAlertRow *self);
GtkTextView      *titrate_alert_row_get_ack_entry (TitrateAlertRow *self);
GtkButton        *titrate_alert_row_get_ack_button (TitrateAlertRow *self);

G_END_DECLS
