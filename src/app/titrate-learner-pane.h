/* titrate-learner-pane.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_LEARNER_PANE (titrate_learner_pane_get_type ())

G_DECLARE_FINAL_TYPE (TitrateLearnerPane, titrate_learner_pane, TITRATE, LEARNER_PANE, AdwBin)

/* @doc must carry a "teaching" section (@scenario, already read from it). */
GtkWidget                   *titrate_learner_pane_new        (TitrateRules          *rules,
                                                              const TitrateDocument *doc,
                                                              const TitrateScenario *scenario);
/* (nullable): NULL until submitted */
const TitrateScenarioResult *titrate_learner_pane_get_result (TitrateLearnerPane    *self);
/* (transfer full) (nullable): the last submission as a row of the session's scores */
TitrateSessionRow           *titrate_learner_pane_dup_row    (TitrateLearnerPane    *self);
void                         titrate_learner_pane_set_presenter (TitrateLearnerPane *self,
                                                                 gboolean            presenter);

G_END_DECLS
