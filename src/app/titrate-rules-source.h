/* titrate-rules-source.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "titrate.h"

G_BEGIN_DECLS

/* Where the app's rules database came from. */
typedef enum {
  TITRATE_RULES_SOURCE_EMBEDDED,
  TITRATE_RULES_SOURCE_OPTION,        /* --rules FILE */
  TITRATE_RULES_SOURCE_ENVIRONMENT,   /* TITRATE_RULES_DB */
  TITRATE_RULES_SOURCE_SETTINGS,      /* Preferences (rules-path) */
} TitrateRulesSource;

/* Opens --rules FILE (@option_path), else $TITRATE_RULES_DB, else the
 * Preferences file, else the built-in database; then the pinned digest
 * (rules-digest) is checked. @source and @path say which was tried. */
TitrateRules *titrate_rules_source_open              (const char          *option_path,
                                                      GSettings           *settings,
                                                      TitrateRulesSource  *source,
                                                      char               **path,
                                                      GError             **error);
/* (transfer full) the blocking page's text: which file, why, what to do */
char         *titrate_rules_source_describe_failure  (TitrateRulesSource   source,
                                                      const char          *path,
                                                      const GError        *error);
/* (transfer full) the blocking page's buttons */
GtkWidget    *titrate_rules_source_blocked_actions   (TitrateRulesSource   source);
/* (transfer full) (nullable) a warning when the content is past its
 * review-by date */
char         *titrate_rules_source_review_warning    (TitrateRules        *rules);
/* Adds the "Rules Database" page (file chooser, pinned digest) */
void          titrate_rules_source_add_preferences   (AdwPreferencesWindow *window,
                                                      GSettings           *settings);

G_END_DECLS
