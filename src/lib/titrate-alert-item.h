/* titrate-alert-item.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "titrate-alert.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_ALERT_ITEM (titrate_alert_item_get_type ())

G_DECLARE_FINAL_TYPE (TitrateAlertItem, titrate_alert_item, TITRATE, ALERT_ITEM, GObject)

TitrateAlertItem   *titrate_alert_item_new                 (TitrateAlert     *alert);
TitrateAlert       *titrate_alert_item_get_alert           (TitrateAlertItem *self);
void                titrate_alert_item_set_alert           (TitrateAlertItem *self,
                                                            TitrateAlert     *alert,
                                                            const char       *date_label);
const char         *titrate_alert_item_get_code            (TitrateAlertItem *self);
TitrateSeverity     titrate_alert_item_get_severity        (TitrateAlertItem *self);
gboolean            titrate_alert_item_get_needs_acknowledgement (TitrateAlertItem *self);
const char         *titrate_alert_item_get_acknowledgement (TitrateAlertItem *self);
void                titrate_alert_item_set_acknowledgement (TitrateAlertItem *self,
                                                            const char       *reason);
const char         *titrate_alert_item_get_date_label      (TitrateAlertItem *self);
void                titrate_alert_item_set_date_label      (TitrateAlertItem *self,
                                                            const char       *label);

G_END_DECLS
