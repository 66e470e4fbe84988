/* titrate-alert-item.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <glib-object.h>

#include "titrate-alert.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_ALERT_ITEM (titrate_alert_item_get_type ())

TITRATE_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TitrateAlertItem, titrate_alert_item, TITRATE, ALERT_ITEM, GObject)

TITRATE_AVAILABLE_IN_ALL
TitrateAlertItem   *titrate_alert_item_new                 (TitrateAlert     *alert);
TITRATE_AVAILABLE_IN_ALL
TitrateAlert       *titrate_alert_item_get_alert           (TitrateAlertItem *self);
TITRATE_AVAILABLE_IN_ALL
void                titrate_alert_item_set_alert           (TitrateAlertItem *self,
                                                            TitrateAlert     *alert,
                                                            const char       *date_label);
TITRATE_AVAILABLE_IN_ALL
const char         *titrate_alert_item_get_code            (TitrateAlertItem *self);
TITRATE_AVAILABLE_IN_ALL
TitrateSeverity     titrate_alert_item_get_severity        (TitrateAlertItem *self);
TITRATE_AVAILABLE_IN_ALL
gboolean            titrate_alert_item_get_needs_acknowledgement (TitrateAlertItem *self);
TITRATE_AVAILABLE_IN_ALL
const char         *titrate_alert_item_get_acknowledgement (TitrateAlertItem *self);
TITRATE_AVAILABLE_IN_ALL
void                titrate_alert_item_set_acknowledgement (TitrateAlertItem *self,
                                                            const char       *reason);
TITRATE_AVAILABLE_IN_ALL
const char         *titrate_alert_item_get_date_label      (TitrateAlertItem *self);
TITRATE_AVAILABLE_IN_ALL
void                titrate_alert_item_set_date_label      (TitrateAlertItem *self,
                                                            const char       *label);

G_END_DECLS
