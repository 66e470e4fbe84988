/* titrate-alert-item.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small GObject around one immutable TitrateAlert, so alerts can cross
 * into the UI as a GListModel. The only mutable state is the prescriber's
 * acknowledgement, which the plan (TitratePlan) mirrors from the document.
 */

#include "config.h"

#include "titrate-alert-item.h"

/* Replaces *@ptr by a copy of @value; FALSE when they were equal. */
static gboolean
set_str (char       **ptr,
         const char  *value)
{
  char *copy;

  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*ptr);
  *ptr = copy;
  return TRUE;
}

struct _TitrateAlertItem
{
  GObject       parent_instance;

  TitrateAlert *alert;
  char         *acknowledgement;
  char         *date_label;
};

G_DEFINE_FINAL_TYPE (TitrateAlertItem, titrate_alert_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACKNOWLEDGEMENT,
  PROP_ALERT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject */

static void
titrate_alert_item_finalize (GObject *object)
{
  TitrateAlertItem *self = TITRATE_ALERT_ITEM (object);

  g_clear_pointer (&self->alert, titrate_alert_unref);
  g_clear_pointer (&self->acknowledgement, g_free);
  g_clear_pointer (&self->date_label, g_free);

  G_OBJECT_CLASS (titrate_alert_item_parent_class)->finalize (object);
}

static void
titrate_alert_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TitrateAlertItem *self = TITRATE_ALERT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ACKNOWLEDGEMENT:
      g_value_set_string (value, self->acknowledgement);
      break;

    case PROP_ALERT:
      g_value_set_boxed (value, self->alert);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_alert_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TitrateAlertItem *self = TITRATE_ALERT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ACKNOWLEDGEMENT:
      titrate_alert_item_set_acknowledgement (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_alert_item_class_init (TitrateAlertItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = titrate_alert_item_finalize;
  object_class->get_property = titrate_alert_item_get_property;
  object_class->set_property = titrate_alert_item_set_property;

  properties[PROP_ACKNOWLEDGEMENT] =
    g_param_spec_string ("acknowledgement", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The finding itself; replaced (same code and severity) when a new value
   * typed changes only its wording, e.g. the age in the trigger. */
  properties[PROP_ALERT] =
    g_param_spec_boxed ("alert", NULL, NULL, titrate_alert_get_type (),
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
titrate_alert_item_init (TitrateAlertItem *self)
{
}

/* Public API */

TitrateAlertItem *
titrate_alert_item_new (TitrateAlert *alert)
{
  TitrateAlertItem *self;

  g_return_val_if_fail (alert != NULL, NULL);

  self = g_object_new (TITRATE_TYPE_ALERT_ITEM, NULL);
  self->alert = titrate_alert_ref (alert);
  return self;
}

TitrateAlert *
titrate_alert_item_get_alert (TitrateAlertItem *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ITEM (self), NULL);

  return self->alert;
}

/* Replaces the finding by a new one with the same code and severity. */
void
titrate_alert_item_set_alert (TitrateAlertItem *self,
                              TitrateAlert     *alert,
                              const char       *date_label)
{
  g_return_if_fail (TITRATE_IS_ALERT_ITEM (self));
  g_return_if_fail (alert != NULL);
  g_return_if_fail (g_strcmp0 (alert->code, self->alert->code) == 0);
  g_return_if_fail (alert->severity == self->alert->severity);

  if (alert == self->alert)
    return;
  titrate_alert_ref (alert);
  titrate_alert_unref (self->alert);
  self->alert = alert;
  set_str (&self->date_label, date_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALERT]);
}

const char *
titrate_alert_item_get_code (TitrateAlertItem *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ITEM (self), NULL);

  return self->alert->code;
}

TitrateSeverity
titrate_alert_item_get_severity (TitrateAlertItem *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ITEM (self), TITRATE_SEVERITY_INFO);

  return self->alert->severity;
}

/* Contraindicated and major alerts must be acknowledged with a reason
 * before a plan can be saved as final. */
gboolean
titrate_alert_item_get_needs_acknowledgement (TitrateAlertItem *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ITEM (self), FALSE);

  return self->alert->severity >= TITRATE_SEVERITY_MAJOR;
}

const char *
titrate_alert_item_get_acknowledgement (TitrateAlertItem *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ITEM (self), NULL);

  return self->acknowledgement;
}

void
titrate_alert_item_set_acknowledgement (TitrateAlertItem *self,
                                        const char       *reason)
{
  g_return_if_fail (TITRATE_IS_ALERT_ITEM (self));

  if (set_str (&self->acknowledgement, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACKNOWLEDGEMENT]);
}

/* The calendar date the alert applies from ("Sun 10 Jan"), or NULL. */
const char *
titrate_alert_item_get_date_label (TitrateAlertItem *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ITEM (self), NULL);

  return self->date_label;
}

void
titrate_alert_item_set_date_label (TitrateAlertItem *self,
                                   const char       *label)
{
  g_return_if_fail (TITRATE_IS_ALERT_ITEM (self));

  set_str (&self->date_label, label);
}
