/* titrate-document.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "titrate-alert.h"
#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"

G_BEGIN_DECLS

#define TITRATE_DOCUMENT_FORMAT  "titrate-regimen"
#define TITRATE_DOCUMENT_VERSION 1

/**
 * TitrateAcknowledgement:
 *
 * A prescriber's acknowledgement of a contraindicated or major alert, stored
 * in the document: {"code": …, "reason": …, "date": "YYYY-MM-DD",
 * "trigger": …}. The trigger is the patient or plan value the prescriber saw
 * (the alert's trigger); when it changes (the dose rose, CrCl fell) the
 * acknowledgement no longer applies. Acknowledgements without a trigger (as
 * version 1 documents may hold) match on the code alone.
 */
typedef struct {
  char *code;
  char *reason;
  char *date;           /* nullable, ISO 8601 */
  char *trigger;        /* nullable */
} TitrateAcknowledgement;

/**
 * TitrateDocument:
 *
 * A regimen document (format "titrate-regimen", version 1): patient, regimen,
 * comedications and acknowledgements. Unknown keys in the top-level, patient
 * and regimen objects are kept and written back on save.
 */
typedef struct {
  TitratePatient *patient;
  TitrateRegimen *regimen;
  GPtrArray      *comedications;     /* (element-type utf8) as typed */
  GPtrArray      *acknowledgements;  /* (element-type TitrateAcknowledgement) */
  gboolean        final;             /* saved as a final plan */
  /*< private >*/
  JsonObject     *unknown_root;
  JsonObject     *unknown_patient;
  JsonObject     *unknown_regimen;
} TitrateDocument;

GType            titrate_document_get_type   (void) G_GNUC_CONST;
TitrateDocument *titrate_document_new        (void);
TitrateDocument *titrate_document_copy       (const TitrateDocument *doc);
void             titrate_document_free       (TitrateDocument       *doc);

TitrateDocument *titrate_document_load_from_data (const char  *data,
                                                  gssize       length,
                                                  GError     **error);
TitrateDocument *titrate_document_load_from_file (GFile       *file,
                                                  GError     **error);
/* The same, with regimen.drug checked against @rules (the database in use;
 * NULL: the embedded one). */
TitrateDocument *titrate_document_load_from_data_with_rules (const char    *data,
                                                             gssize         length,
                                                             TitrateRules  *rules,
                                                             GError       **error);
TitrateDocument *titrate_document_load_from_file_with_rules (GFile         *file,
                                                             TitrateRules  *rules,
                                                             GError       **error);
/* (transfer full) pretty-printed JSON */
char            *titrate_document_to_data        (const TitrateDocument *doc,
                                                  gsize                 *length);
/* Atomic: writes a temporary file, syncs it and renames it over @file (a
 * link's target). Keeps an existing file's permissions; a new file is 0600.
 * Refuses a FIFO or device target. See titrate_io_replace_file(). */
gboolean         titrate_document_save           (const TitrateDocument *doc,
                                                  GFile                 *file,
                                                  GError               **error);

/* JSON nodes for the CLI: patient/regimen parts of the contract. */
JsonNode        *titrate_document_to_json        (const TitrateDocument *doc);

/* (transfer full) @node as pretty-printed JSON (2-space indent, trailing
 * newline), numbers in their shortest exact form: 1.1 is written "1.1", not
 * json-glib 1.6's "1.1000000000000001"; integral values without ".0". */
char            *titrate_json_node_to_data       (JsonNode              *node,
                                                  gsize                 *length);

void             titrate_document_set_acknowledgement (TitrateDocument *doc,
                                                       const char      *code,
                                                       const char      *reason,
                                                       const char      *date);
const TitrateAcknowledgement *titrate_document_get_acknowledgement (const TitrateDocument *doc,
                                                                    const char            *code);
/* The document's optional top-level "title" (a kept, non-contract key used by
 * the bundled examples), or NULL. (transfer full) */
char            *titrate_document_dup_title           (const TitrateDocument *doc);

/* Acknowledges @alert as shown: its code and its trigger. */
void             titrate_document_acknowledge_alert   (TitrateDocument    *doc,
                                                       const TitrateAlert *alert,
                                                       const char         *reason,
                                                       const char         *date);
/* The acknowledgement that covers @alert now: same code, and the trigger the
 * prescriber saw (or none recorded). NULL when there is none or it is stale. */
const TitrateAcknowledgement *titrate_document_find_acknowledgement (const TitrateDocument *doc,
                                                                     const TitrateAlert    *alert);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateDocument, titrate_document_free)

G_END_DECLS
