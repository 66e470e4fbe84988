/* titrate-teaching.h — teaching mode in the window: learner mode, the
 * instructor's tools, and the user guide
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate-session.h"

G_BEGIN_DECLS

/* Adds the window actions: win.open-scenario (s), win.save-scenario,
 * win.export-scores, win.leave-learner and win.help. */
void       titrate_teaching_install (GtkWindow      *window);
void       titrate_teaching_ensure_resources (void);
/* Called once the plan is built: opening a document that carries a
 * "teaching" section shows learner mode in @stack (page "learner") instead
 * of the "plan" page. */
void       titrate_teaching_attach  (GtkWindow      *window,
                                     GtkStack       *stack,
                                     TitrateSession *session);
/* (transfer none) (nullable): the learner pane now shown */
GtkWidget *titrate_teaching_get_learner_pane (GtkWindow *window);
/* (transfer none): the session's scores, (element-type TitrateSessionRow) */
GPtrArray *titrate_teaching_get_scores (void);
/* Writes the plan with the draft of "Save as Teaching Scenario…" (after its
 * dialog was confirmed, before the file chooser answers) to @file. */
gboolean   titrate_teaching_save_draft (GtkWindow *window,
                                        GFile     *file,
                                        GError   **error);
/* The scores as CSV to @file. */
gboolean   titrate_teaching_write_scores (GFile   *file,
                                          GError **error);

G_END_DECLS
