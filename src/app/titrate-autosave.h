/* titrate-autosave.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "titrate-session.h"

G_BEGIN_DECLS

/* Seconds from the first unsaved edit to its autosave. */
#define TITRATE_AUTOSAVE_DELAY_SECONDS 2

/**
 * TitrateAutosaveEntry:
 *
 * A plan autosaved by a Titrate that ended without saving it (a crash, a
 * power cut, a kill). While an entry exists it holds the plan's lock, so no
 * other Titrate offers the same plan.
 */
typedef struct _TitrateAutosaveEntry TitrateAutosaveEntry;

#define TITRATE_TYPE_AUTOSAVE (titrate_autosave_get_type ())

G_DECLARE_FINAL_TYPE (TitrateAutosave, titrate_autosave, TITRATE, AUTOSAVE, GObject)

char            *titrate_autosave_get_dir        (void);
char            *titrate_autosave_get_rejected_dir (void);

TitrateAutosave *titrate_autosave_new            (TitrateSession   *session);
const char      *titrate_autosave_get_id         (TitrateAutosave  *self);
char            *titrate_autosave_dup_path       (TitrateAutosave  *self);
const GError    *titrate_autosave_get_error      (TitrateAutosave  *self);
void             titrate_autosave_discard        (TitrateAutosave  *self);
void             titrate_autosave_adopt          (TitrateAutosave      *self,
                                                  TitrateAutosaveEntry *entry);

GPtrArray       *titrate_autosave_find_orphans   (void);

const char      *titrate_autosave_entry_get_id       (const TitrateAutosaveEntry *entry);
const char      *titrate_autosave_entry_get_title    (const TitrateAutosaveEntry *entry);
GFile           *titrate_autosave_entry_get_file     (const TitrateAutosaveEntry *entry);
GDateTime       *titrate_autosave_entry_get_modified (const TitrateAutosaveEntry *entry);
GBytes          *titrate_autosave_entry_load         (const TitrateAutosaveEntry *entry,
                                                      GError                    **error);
void             titrate_autosave_entry_delete       (TitrateAutosaveEntry       *entry);
void             titrate_autosave_entry_set_aside    (TitrateAutosaveEntry       *entry);
void             titrate_autosave_entry_free         (TitrateAutosaveEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateAutosaveEntry, titrate_autosave_entry_free)

G_END_DECLS
