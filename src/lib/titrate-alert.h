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
 * TitrateAlert:
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
} TitrateAlert;

TITRATE_AVAILABLE_IN_ALL
GType         titrate_alert_get_type (void) G_GNUC_CONST;
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
TITRATE_AVAILABLE_IN_ALL
TitrateAlert *titrate_alert_ref      (TitrateAlert   *alert);
TITRATE_AVAILABLE_IN_ALL
void          titrate_alert_unref    (TitrateAlert   *alert);

/* Orders by severity (most severe first), then day, category and code. */
TITRATE_AVAILABLE_IN_ALL
int           titrate_alert_compare  (const TitrateAlert *a,
                                      const TitrateAlert *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateAlert, titrate_alert_unref)

G_END_DECLS
