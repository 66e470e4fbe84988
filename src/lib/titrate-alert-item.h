/* titrate-alert-item.h — one alert of a plan, with its acknowledgement
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

/**
 * SECTION:titrate-alert-item
 * @Title: TitrateAlertItem
 * @Short_description: one alert of a plan, with the prescriber's acknowledgement
 *
 * A #TitrateAlertItem is the #GObject a #TitratePlan's alert model holds:
 * one #TitrateAlert, the reason the prescriber gave for going ahead anyway
 * (contraindicated and major alerts need one before a plan is final) and
 * the calendar date the alert applies from.
 */

/**
 * TITRATE_TYPE_ALERT_ITEM:
 *
 * The #GType of #TitrateAlertItem.
 */
#define TITRATE_TYPE_ALERT_ITEM (titrate_alert_item_get_type ())

/**
 * TitrateAlertItem:
 *
 * One alert in a plan's alert model.
 */
TITRATE_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (TitrateAlertItem, titrate_alert_item, TITRATE, ALERT_ITEM, GObject)

/**
 * titrate_alert_item_new:
 * @alert: a #TitrateAlert
 *
 * Wraps @alert for a plan's alert model.
 *
 * Returns: (transfer full): an item holding a reference to @alert
 */
TITRATE_AVAILABLE_IN_ALL
TitrateAlertItem   *titrate_alert_item_new                 (TitrateAlert     *alert);

/**
 * titrate_alert_item_get_alert:
 * @self: a #TitrateAlertItem
 *
 * The finding this item holds.
 *
 * Returns: (transfer none): the alert
 */
TITRATE_AVAILABLE_IN_ALL
TitrateAlert       *titrate_alert_item_get_alert           (TitrateAlertItem *self);

/**
 * titrate_alert_item_set_alert:
 * @self: a #TitrateAlertItem
 * @alert: a new finding with the same code and severity
 * @date_label: (nullable): the calendar date it applies from, for people
 *
 * Replaces the finding (after a re-check) and keeps the acknowledgement.
 */
TITRATE_AVAILABLE_IN_ALL
void                titrate_alert_item_set_alert           (TitrateAlertItem *self,
                                                            TitrateAlert     *alert,
                                                            const char       *date_label);

/**
 * titrate_alert_item_get_code:
 * @self: a #TitrateAlertItem
 *
 * The code of the alert, e.g. for matching acknowledgements.
 *
 * Returns: (transfer none): the alert's code
 */
TITRATE_AVAILABLE_IN_ALL
const char         *titrate_alert_item_get_code            (TitrateAlertItem *self);

/**
 * titrate_alert_item_get_severity:
 * @self: a #TitrateAlertItem
 *
 * The severity of the alert.
 *
 * Returns: the alert's severity
 */
TITRATE_AVAILABLE_IN_ALL
TitrateSeverity     titrate_alert_item_get_severity        (TitrateAlertItem *self);

/**
 * titrate_alert_item_get_needs_acknowledgement:
 * @self: a #TitrateAlertItem
 *
 * Contraindicated and major alerts must be acknowledged with a reason
 * before a plan can be saved as final.
 *
 * Returns: %TRUE if the alert needs the prescriber's reason
 */
TITRATE_AVAILABLE_IN_ALL
gboolean            titrate_alert_item_get_needs_acknowledgement (TitrateAlertItem *self);

/**
 * titrate_alert_item_get_acknowledgement:
 * @self: a #TitrateAlertItem
 *
 * The reason the prescriber gave for going ahead despite the alert.
 *
 * Returns: (transfer none) (nullable): the prescriber's reason, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const char         *titrate_alert_item_get_acknowledgement (TitrateAlertItem *self);

/**
 * titrate_alert_item_set_acknowledgement:
 * @self: a #TitrateAlertItem
 * @reason: (nullable): the prescriber's reason, or %NULL to withdraw it
 *
 * Records why the prescriber goes ahead despite the alert.
 */
TITRATE_AVAILABLE_IN_ALL
void                titrate_alert_item_set_acknowledgement (TitrateAlertItem *self,
                                                            const char       *reason);

/**
 * titrate_alert_item_get_date_label:
 * @self: a #TitrateAlertItem
 *
 * The calendar date the alert applies from.
 *
 * Returns: (transfer none) (nullable): the calendar date the alert applies
 *   from, for people ("Sun 10 Jan"), or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const char         *titrate_alert_item_get_date_label      (TitrateAlertItem *self);

/**
 * titrate_alert_item_set_date_label:
 * @self: a #TitrateAlertItem
 * @label: (nullable): the calendar date, for people
 *
 * Sets the date the alert applies from.
 */
TITRATE_AVAILABLE_IN_ALL
void                titrate_alert_item_set_date_label      (TitrateAlertItem *self,
                                                            const char       *label);

G_END_DECLS
