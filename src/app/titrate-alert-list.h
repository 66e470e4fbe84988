/* titrate-alert-list.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "titrate-alert-row.h"
#include "titrate-session.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_ALERT_LIST (titrate_alert_list_get_type ())

G_DECLARE_FINAL_TYPE (TitrateAlertList, titrate_alert_list, TITRATE, ALERT_LIST, GtkBox)

void             titrate_alert_list_set_session        (TitrateAlertList *self,
                                                        TitrateSession   *session);
void             titrate_alert_list_set_invalid_fields (TitrateAlertList *self,
                                                        GPtrArray        *names);
TitrateAlertRow *titrate_alert_list_get_row            (TitrateAlertList *self,
                                                        guint             index);
const char      *titrate_alert_list_get_summary        (TitrateAlertList *self);
const char      *titrate_alert_list_get_visible_page   (TitrateAlertList *self);
TitrateSeverity  titrate_alert_list_get_min_severity   (TitrateAlertList *self);
void             titrate_alert_list_set_min_severity   (TitrateAlertList *self,
                                                        TitrateSeverity   severity);
guint            titrate_alert_list_get_n_folded       (TitrateAlertList *self);
gboolean         titrate_alert_list_get_show_folded    (TitrateAlertList *self);
void             titrate_alert_list_set_show_folded    (TitrateAlertList *self,
                                                        gboolean          show);

G_END_DECLS
