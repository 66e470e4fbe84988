/* titrate-session.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "titrate.h"

G_BEGIN_DECLS

/**
 * TitrateSessionChange:
 * @TITRATE_SESSION_CHANGE_PATIENT: a patient value changed
 * @TITRATE_SESSION_CHANGE_REGIMEN: a regimen field other than the steps changed
 * @TITRATE_SESSION_CHANGE_STEPS: the expanded steps changed (calendar, schedule, chart)
 * @TITRATE_SESSION_CHANGE_COMEDICATIONS: the comedication list changed
 * @TITRATE_SESSION_CHANGE_ALERTS: the alert list, its acknowledgements or the check state changed
 * @TITRATE_SESSION_CHANGE_LIMIT: the applicable maximum changed
 * @TITRATE_SESSION_CHANGE_DOCUMENT: the whole document was replaced (forms refill)
 * @TITRATE_SESSION_CHANGE_SUGGESTION: a suggested protocol was applied (forms
 *   refill and show its notes, titrate_session_get_suggestion_notes())
 *
 * What a #TitrateSession::changed emission touched, so each view redraws
 * only what it shows.
 */
typedef enum {
  TITRATE_SESSION_CHANGE_PATIENT       = 1 << 0,
  TITRATE_SESSION_CHANGE_REGIMEN       = 1 << 1,
  TITRATE_SESSION_CHANGE_STEPS         = 1 << 2,
  TITRATE_SESSION_CHANGE_COMEDICATIONS = 1 << 3,
  TITRATE_SESSION_CHANGE_ALERTS        = 1 << 4,
  TITRATE_SESSION_CHANGE_LIMIT         = 1 << 5,
  TITRATE_SESSION_CHANGE_DOCUMENT      = 1 << 6,
  TITRATE_SESSION_CHANGE_SUGGESTION    = 1 << 7,
} TitrateSessionChange;

#define TITRATE_SESSION_CHANGE_ALL 0xff

#define TITRATE_TYPE_SESSION (titrate_session_get_type ())

G_DECLARE_FINAL_TYPE (TitrateSession, titrate_session, TITRATE, SESSION, GObject)

TitrateSession        *titrate_session_new                  (TitrateRules          *rules,
                                                             const GError          *rules_error);

TitrateRules          *titrate_session_get_rules            (TitrateSession        *self);
const GError          *titrate_session_get_rules_error      (TitrateSession        *self);

const TitrateDocument *titrate_session_get_document         (TitrateSession        *self);
const TitratePatient  *titrate_session_get_patient          (TitrateSession        *self);
const TitrateRegimen  *titrate_session_get_regimen          (TitrateSession        *self);
GPtrArray             *titrate_session_get_comedications    (TitrateSession        *self);

void                   titrate_session_set_patient          (TitrateSession        *self,
                                                             const TitratePatient  *patient);
gboolean               titrate_session_set_regimen          (TitrateSession        *self,
                                                             const TitrateRegimen  *regimen,
                                                             GError               **error);
gboolean               titrate_session_apply_suggestion     (TitrateSession        *self,
                                                             const TitrateRegimen  *regimen,
                                                             GPtrArray             *notes,
                                                             GError               **error);
GPtrArray             *titrate_session_get_suggestion_notes (TitrateSession        *self);
gboolean               titrate_session_replace_step         (TitrateSession        *self,
                                                             int                    old_day,
                                                             const TitrateStep     *step,
                                                             GError               **error);
void                   titrate_session_remove_step          (TitrateSession        *self,
                                                             int                    day);
void                   titrate_session_add_comedication     (TitrateSession        *self,
                                                             const char            *name);
void                   titrate_session_remove_comedication  (TitrateSession        *self,
                                                             guint                  index);
void                   titrate_session_acknowledge          (TitrateSession        *self,
                                                             const char            *code,
                                                             const char            *reason);

TitratePlan           *titrate_session_get_plan             (TitrateSession        *self);
GListModel            *titrate_session_get_alerts           (TitrateSession        *self);
const GError          *titrate_session_get_check_error      (TitrateSession        *self);
gboolean               titrate_session_get_checked          (TitrateSession        *self);
guint                  titrate_session_count_severity       (TitrateSession        *self,
                                                             TitrateSeverity        severity);
guint                  titrate_session_count_unacknowledged (TitrateSession        *self);
void                   titrate_session_get_limit            (TitrateSession        *self,
                                                             TitrateLimit          *out);
int                    titrate_session_get_horizon          (TitrateSession        *self);
void                   titrate_session_get_day              (TitrateSession        *self,
                                                             int                    day,
                                                             TitrateDay            *out);
int                    titrate_session_day_for_date         (TitrateSession        *self,
                                                             const GDate           *date);
double                 titrate_session_get_target           (TitrateSession        *self,
                                                             gboolean              *is_protocol_target);

void                   titrate_session_new_document         (TitrateSession        *self,
                                                             TitrateCreatinineUnit  creatinine_unit);
gboolean               titrate_session_load_bytes           (TitrateSession        *self,
                                                             GBytes                *bytes,
                                                             GFile                 *file,
                                                             GError               **error);
gboolean               titrate_session_load_file            (TitrateSession        *self,
                                                             GFile                 *file,
                                                             GError               **error);
gboolean               titrate_session_save                 (TitrateSession        *self,
                                                             GFile                 *file,
                                                             gboolean               final,
                                                             GError               **error);
gboolean               titrate_session_restore              (TitrateSession        *self,
                                                             GBytes                *bytes,
                                                             GFile                 *file,
                                                             const char            *title,
                                                             GError               **error);
TitrateDocument       *titrate_session_dup_document_for_saving (TitrateSession     *self);

GFile                 *titrate_session_get_file             (TitrateSession        *self);
const char            *titrate_session_get_title            (TitrateSession        *self);
void                   titrate_session_set_title            (TitrateSession        *self,
                                                             const char            *title);
gboolean               titrate_session_get_dirty            (TitrateSession        *self);
gboolean               titrate_session_get_final            (TitrateSession        *self);

G_END_DECLS
