/* titrate-document-private.h — what the document files share; not installed
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate-document.h"

G_BEGIN_DECLS

#define MAX_PLAN_DAY        TITRATE_MAX_PLAN_DAY          /* shared with the forms (titrate-regimen.h) */
#define MAX_STEP_EVERY_DAYS TITRATE_MAX_STEP_EVERY_DAYS   /* shared with the forms */

/* Software limits on lists (not clinical limits): far above any real plan,
 * low enough that a hostile file cannot take minutes or gigabytes. */
#define MAX_STEPS           3660     /* ten years of daily steps */
#define MAX_TEXT_LIST       200      /* comedications, conditions, allergies */
#define MAX_ACKNOWLEDGEMENTS 500

/* Keys the reader knows (NULL-terminated); anything else is "unknown" and
 * kept at these three levels. */
extern const char * const _titrate_document_root_keys[];
extern const char * const _titrate_document_patient_keys[];
extern const char * const _titrate_document_regimen_keys[];

TitrateAcknowledgement *_titrate_acknowledgement_new  (const char *code,
                                                       const char *reason,
                                                       const char *date,
                                                       const char *trigger,
                                                       const char *trigger_untranslated);
void                    _titrate_acknowledgement_free (gpointer    data);

G_END_DECLS
