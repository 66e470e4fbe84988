/* titrate-alert.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "titrate-alert.h"

G_DEFINE_BOXED_TYPE (TitrateAlert, titrate_alert, titrate_alert_ref, titrate_alert_unref)

TitrateAlert *
titrate_alert_new (const char     *code,
                   TitrateCategory category,
                   TitrateSeverity severity,
                   const char     *title,
                   const char     *trigger,
                   const char     *reason,
                   const char     *action,
                   const char     *source,
                   const char     *evidence,
                   int             day)
{
  TitrateAlert *alert = g_new0 (TitrateAlert, 1);

  g_atomic_ref_count_init (&alert->ref_count);
  alert->code = g_strdup (code);
  alert->category = category;
  alert->severity = severity;
  alert->title = g_strdup (title);
  alert->trigger = g_strdup (trigger);
  if (trigger != NULL && *trigger != '\0')
    alert->reason = g_strconcat (trigger, ". ", reason, NULL);
  else
    alert->reason = g_strdup (reason);
  alert->action = g_strdup (action);
  alert->source = g_strdup (source);
  alert->evidence = g_strdup (evidence);
  alert->day = day;
  return alert;
}

TitrateAlert *
titrate_alert_ref (TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, NULL);
  g_atomic_ref_count_inc (&alert->ref_count);
  return alert;
}

void
titrate_alert_unref (TitrateAlert *alert)
{
  if (alert == NULL || !g_atomic_ref_count_dec (&alert->ref_count))
    return;
  g_free (alert->code);
  g_free (alert->title);
  g_free (alert->trigger);
  g_free (alert->trigger_untranslated);
  g_free (alert->reason);
  g_free (alert->action);
  g_free (alert->source);
  g_free (alert->evidence);
  g_free (alert);
}

int
titrate_alert_compare (const TitrateAlert *a,
                       const TitrateAlert *b)
{
  if (a->severity != b->severity)
    return a->severity > b->severity ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  if (a->category != b->category)
    return a->category < b->category ? -1 : 1;
  return g_strcmp0 (a->code, b->code);
}

/* Getters */

const char *
titrate_alert_get_code (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, NULL);
  return alert->code;
}

TitrateCategory
titrate_alert_get_category (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, 0);
  return alert->category;
}

TitrateSeverity
titrate_alert_get_severity (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, 0);
  return alert->severity;
}

const char *
titrate_alert_get_title (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, NULL);
  return alert->title;
}

const char *
titrate_alert_get_trigger (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, NULL);
  return alert->trigger;
}

const char *
titrate_alert_get_reason (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, NULL);
  return alert->reason;
}

const char *
titrate_alert_get_action (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, NULL);
  return alert->action;
}

const char *
titrate_alert_get_source (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, NULL);
  return alert->source;
}

const char *
titrate_alert_get_evidence (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, NULL);
  return alert->evidence;
}

int
titrate_alert_get_day (const TitrateAlert *alert)
{
  g_return_val_if_fail (alert != NULL, 0);
  return alert->day;
}
