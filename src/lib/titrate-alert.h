/* titrate-alert.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <glib-object.h>
#include "titrate-types.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-alert
 * @Title: Alerts
 * @Short_description: one finding of the checker
 *
 * A #TitrateAlert carries everything a prescriber needs to judge it:
 * category, severity, title, the value that fired it, reason, action and
 * source.
 */

/**
 * TitrateAlert:
 * @code: the rule code, e.g. "renal.moderate" (for files, not for people)
 * @category: what the alert is about
 * @severity: how serious it is
 * @title: a short title
 * @trigger: (nullable): the patient or plan value that fired it, e.g.
 *   "CrCl 31 mL/min (Cockcroft–Gault)"
 * @reason: why: the trigger, then the rule's reason
 * @action: what to do
 * @source: the source keys the rule cites, "; "-separated
 * @evidence: (nullable): the evidence level (L, G, S…)
 * @day: the plan day it first applies from, 0 when not schedule-bound
 * @trigger_untranslated: (nullable): the same trigger as the untranslated
 *   (C locale) text: English words, "." as the decimal separator, the rules
 *   database's texts as written there. The same in every interface
 *   language, it matches acknowledgements (titrate_document_find_acknowledgement()).
 *   Set by titrate_check() on every alert of a check that raised a
 *   contraindicated or major one; otherwise %NULL.
 *
 * One finding of the checker. Every alert carries its category, severity, a
 * short title, the reason (starting with the patient value that triggered it),
 * what to do and its source, so the prescriber can judge it independently.
 * @day is the plan day it first applies from (0 when not schedule-bound).
 * Immutable and reference counted.
 */
typedef struct {
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  char           *code;
  TitrateCategory category;
  TitrateSeverity severity;
  char           *title;
  char           *trigger;     /* patient/plan value, e.g. "CrCl 31 mL/min (Cockcroft–Gault)" */
  char           *reason;      /* trigger + rule reason */
  char           *action;
  char           *source;
  char           *evidence;
  int             day;
  char           *trigger_untranslated;   /* nullable; see above */
} TitrateAlert;

/**
 * TITRATE_TYPE_ALERT:
 *
 * The boxed #GType of #TitrateAlert.
 */
#define TITRATE_TYPE_ALERT (titrate_alert_get_type ())

/**
 * titrate_alert_get_type:
 *
 * The boxed #GType of #TitrateAlert.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType         titrate_alert_get_type (void) G_GNUC_CONST;

/**
 * titrate_alert_new:
 * @code: the rule code
 * @category: a #TitrateCategory
 * @severity: a #TitrateSeverity
 * @title: a short title
 * @trigger: (nullable): the patient or plan value that fired it
 * @reason: the reason, starting with the trigger
 * @action: what to do
 * @source: the source keys
 * @evidence: (nullable): the evidence level
 * @day: the plan day it first applies from, 0 when not schedule-bound
 *
 * A new alert. Every alert says what the prescriber needs to judge it:
 * category, severity, title, the value that fired it, reason, action and
 * source.
 *
 * Returns: (transfer full): a new #TitrateAlert
 */
TITRATE_AVAILABLE_IN_ALL
TitrateAlert *titrate_alert_new      (const char     *code,
                                      TitrateCategory category,
                                      TitrateSeverity severity,
                                      const char     *title,
                                      const char     *trigger,
                                      const char     *reason,
                                      const char     *action,
                                      const char     *source,
                                      const char     *evidence,
                                      int             day);

/**
 * titrate_alert_ref:
 * @alert: a #TitrateAlert
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @alert
 */
TITRATE_AVAILABLE_IN_ALL
TitrateAlert *titrate_alert_ref      (TitrateAlert   *alert);

/**
 * titrate_alert_unref:
 * @alert: a #TitrateAlert
 *
 * Drops a reference; the last one frees the alert.
 */
TITRATE_AVAILABLE_IN_ALL
void          titrate_alert_unref    (TitrateAlert   *alert);

/**
 * titrate_alert_compare:
 * @a: an alert
 * @b: another alert
 *
 * Orders by severity (most severe first), then day, category and code.
 *
 * Returns: negative, zero or positive, as for qsort()
 */
TITRATE_AVAILABLE_IN_ALL
int           titrate_alert_compare  (const TitrateAlert *a,
                                      const TitrateAlert *b);

/* Getters (for bindings and programs that keep the struct opaque). */

/**
 * titrate_alert_get_code:
 * @alert: a #TitrateAlert
 *
 * The rule code (for files and logs, not for people).
 *
 * Returns: (transfer none): the code
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_alert_get_code (const TitrateAlert *alert);

/**
 * titrate_alert_get_category:
 * @alert: a #TitrateAlert
 *
 * What the alert is about.
 *
 * Returns: the category
 */
TITRATE_AVAILABLE_IN_ALL
TitrateCategory titrate_alert_get_category (const TitrateAlert *alert);

/**
 * titrate_alert_get_severity:
 * @alert: a #TitrateAlert
 *
 * How serious the alert is.
 *
 * Returns: the severity
 */
TITRATE_AVAILABLE_IN_ALL
TitrateSeverity titrate_alert_get_severity (const TitrateAlert *alert);

/**
 * titrate_alert_get_title:
 * @alert: a #TitrateAlert
 *
 * The alert's short title.
 *
 * Returns: (transfer none): the title
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_alert_get_title (const TitrateAlert *alert);

/**
 * titrate_alert_get_trigger:
 * @alert: a #TitrateAlert
 *
 * The patient or plan value that fired the alert.
 *
 * Returns: (transfer none) (nullable): the trigger
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_alert_get_trigger (const TitrateAlert *alert);

/**
 * titrate_alert_get_reason:
 * @alert: a #TitrateAlert
 *
 * Why: the trigger, then the rule's reason.
 *
 * Returns: (transfer none): the reason
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_alert_get_reason (const TitrateAlert *alert);

/**
 * titrate_alert_get_action:
 * @alert: a #TitrateAlert
 *
 * What to do.
 *
 * Returns: (transfer none): the action
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_alert_get_action (const TitrateAlert *alert);

/**
 * titrate_alert_get_source:
 * @alert: a #TitrateAlert
 *
 * The source keys the rule cites, "; "-separated.
 *
 * Returns: (transfer none): the source keys
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_alert_get_source (const TitrateAlert *alert);

/**
 * titrate_alert_get_evidence:
 * @alert: a #TitrateAlert
 *
 * The evidence level of the rule.
 *
 * Returns: (transfer none) (nullable): the evidence level
 */
TITRATE_AVAILABLE_IN_ALL
const char *titrate_alert_get_evidence (const TitrateAlert *alert);

/**
 * titrate_alert_get_day:
 * @alert: a #TitrateAlert
 *
 * The plan day the alert first applies from.
 *
 * Returns: the day, or 0 when not schedule-bound
 */
TITRATE_AVAILABLE_IN_ALL
int titrate_alert_get_day (const TitrateAlert *alert);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateAlert, titrate_alert_unref)

G_END_DECLS
