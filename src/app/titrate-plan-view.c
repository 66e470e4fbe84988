/* titrate-plan-view.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's three panes: patient and regimen forms, the calendar,
 * schedule and chart, and the alerts. The window builds it once its first
 * frame is painted, so startup shows the window at once; everything here
 * reads one TitrateSession.
 */

#include "config.h"

#include "titrate-plan-view.h"
#include "titrate-pump-marks.h"

struct _TitratePlanView
{
  AdwBin               parent_instance;

  TitratePatientForm  *patient_form;
  TitrateRegimenForm  *regimen_form;
  AdwViewStack        *view_stack;
  TitrateCalendarView *calendar_view;
  TitrateScheduleView *schedule_view;
  TitrateDoseChart    *dose_chart;
  TitrateAlertList    *alert_list;

  guint                n_invalid;
};

G_DEFINE_FINAL_TYPE (TitratePlanView, titrate_plan_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_INVALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Callbacks */

/* A field holds text the model refused: say so above the alerts, which
 * are then the check of the last valid values. */
static void
on_invalid_changed_cb (TitratePlanView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  titrate_patient_form_describe_invalid (self->patient_form, names);
  titrate_regimen_form_describe_invalid (self->regimen_form, names);
  titrate_alert_list_set_invalid_fields (self->alert_list, names);
  if (self->n_invalid == names->len)
    return;
  self->n_invalid = names->len;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INVALID]);
}

/* GObject */

static void
titrate_plan_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TITRATE_TYPE_PLAN_VIEW);

  G_OBJECT_CLASS (titrate_plan_view_parent_class)->dispose (object);
}

static void
titrate_plan_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TitratePlanView *self = TITRATE_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_INVALID:
      g_value_set_uint (value, self->n_invalid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_plan_view_class_init (TitratePlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_plan_view_dispose;
  object_class->get_property = titrate_plan_view_get_property;

  properties[PROP_N_INVALID] =
    g_param_spec_uint ("n-invalid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TITRATE_TYPE_PATIENT_FORM);
  g_type_ensure (TITRATE_TYPE_REGIMEN_FORM);
  g_type_ensure (TITRATE_TYPE_CALENDAR_VIEW);
  g_type_ensure (TITRATE_TYPE_SCHEDULE_VIEW);
  g_type_ensure (TITRATE_TYPE_DOSE_CHART);
  g_type_ensure (TITRATE_TYPE_ALERT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, patient_form);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, regimen_form);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, dose_chart);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, alert_list);
  gtk_widget_class_bind_template_callback (widget_class, on_invalid_changed_cb);
}

static void
titrate_plan_view_init (TitratePlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
titrate_plan_view_new (TitrateSession *session)
{
  TitratePlanView *self;

  g_return_val_if_fail (TITRATE_IS_SESSION (session), NULL);

  self = g_object_new (TITRATE_TYPE_PLAN_VIEW, NULL);
  titrate_patient_form_set_session (self->patient_form, session);
  titrate_regimen_form_set_session (self->regimen_form, session);
  titrate_calendar_view_set_session (self->calendar_view, session);
  titrate_schedule_view_set_session (self->schedule_view, session);
  titrate_dose_chart_set_session (self->dose_chart, session);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->view_stack))),
                              titrate_pump_marks_status_label_new (session),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->view_stack)));
  titrate_alert_list_set_session (self->alert_list, session);
  return GTK_WIDGET (self);
}

TitratePatientForm *
titrate_plan_view_get_patient_form (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->patient_form;
}

TitrateRegimenForm *
titrate_plan_view_get_regimen_form (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->regimen_form;
}

TitrateCalendarView *
titrate_plan_view_get_calendar_view (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->calendar_view;
}

TitrateScheduleView *
titrate_plan_view_get_schedule_view (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->schedule_view;
}

TitrateDoseChart *
titrate_plan_view_get_dose_chart (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->dose_chart;
}

TitrateAlertList *
titrate_plan_view_get_alert_list (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->alert_list;
}

AdwViewStack *
titrate_plan_view_get_view_stack (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->view_stack;
}

guint
titrate_plan_view_get_n_invalid (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), 0);

  return self->n_invalid;
}
