/* titrate-plan-view.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-alert-list.h"
#include "titrate-calendar-view.h"
#include "titrate-dose-chart.h"
#include "titrate-patient-form.h"
#include "titrate-regimen-form.h"
#include "titrate-schedule-view.h"
#include "titrate-session.h"
#include "titrate-verdict-bar.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_PLAN_VIEW (titrate_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (TitratePlanView, titrate_plan_view, TITRATE, PLAN_VIEW, AdwBin)

GtkWidget           *titrate_plan_view_new               (TitrateSession  *session);
TitratePatientForm  *titrate_plan_view_get_patient_form  (TitratePlanView *self);
TitrateRegimenForm  *titrate_plan_view_get_regimen_form  (TitratePlanView *self);
TitrateCalendarView *titrate_plan_view_get_calendar_view (TitratePlanView *self);
TitrateScheduleView *titrate_plan_view_get_schedule_view (TitratePlanView *self);
TitrateDoseChart    *titrate_plan_view_get_dose_chart    (TitratePlanView *self);
TitrateAlertList    *titrate_plan_view_get_alert_list    (TitratePlanView *self);
AdwViewStack        *titrate_plan_view_get_view_stack    (TitratePlanView *self);
guint                titrate_plan_view_get_n_invalid     (TitratePlanView *self);
void                titrate_plan_view_prepare_width     (TitratePlanView *self,
                                                         int              width);
TitrateVerdictBar   *titrate_plan_view_get_verdict_bar   (TitratePlanView *self);
AdwFlap             *titrate_plan_view_get_flap          (TitratePlanView *self);
void                 titrate_plan_view_show_alerts       (TitratePlanView *self);
void                 titrate_plan_view_focus_next_pane   (TitratePlanView *self);
void                 titrate_plan_view_commit_pending    (TitratePlanView *self);

G_END_DECLS
