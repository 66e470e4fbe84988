/* titrate-document.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "titrate-alert.h"
#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-document
 * @Title: Documents
 * @Short_description: .titrate documents: load, save and acknowledgements
 *
 * A #TitrateDocument is the JSON file format "titrate-regimen", version 1:
 * patient, regimen, comedications and the prescriber's acknowledgements.
 * Unknown keys are kept and written back.
 */

/**
 * TITRATE_DOCUMENT_FORMAT:
 *
 * The "format" member of a document.
 */
#define TITRATE_DOCUMENT_FORMAT  "titrate-regimen"
/**
 * TITRATE_DOCUMENT_VERSION:
 *
 * The "version" member of the documents this library writes.
 */
#define TITRATE_DOCUMENT_VERSION 1

/**
 * TitrateAcknowledgement:
 * @code: code
 * @reason: reason
 * @date: nullable, ISO 8601
 * @trigger: nullable
 * @trigger_untranslated: nullable
 *
 * A prescriber's acknowledgement of a contraindicated or major alert, stored
 * in the document: {"code": …, "reason": …, "date": "YYYY-MM-DD", "trigger":
 * …, "trigger_untranslated": …}. The trigger is the patient or plan value
 * the prescriber saw (the alert's trigger, in the interface language);
 * @trigger_untranslated is the same as untranslated (C locale) text (the
 * alert's trigger_untranslated), the same in every interface language. When
 * the value changes (the dose rose, CrCl fell) the acknowledgement no longer
 * applies. Acknowledgements without a trigger (as version 1 documents may
 * hold) match on the code alone; without @trigger_untranslated (files
 * written before it), @trigger is also compared with the untranslated
 * trigger, which is the English interface's.
 */
typedef struct {
  char *code;
  char *reason;
  char *date;           /* nullable, ISO 8601 */
  char *trigger;        /* nullable */
  char *trigger_untranslated;  /* nullable */
} TitrateAcknowledgement;

/**
 * TITRATE_TYPE_ACKNOWLEDGEMENT:
 *
 * The boxed #GType of #TitrateAcknowledgement.
 */
#define TITRATE_TYPE_ACKNOWLEDGEMENT (titrate_acknowledgement_get_type ())

/**
 * titrate_acknowledgement_get_type:
 *
 * The boxed #GType of #TitrateAcknowledgement.
 * A copy made with g_boxed_copy() owns its strings; free it with g_boxed_free().
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType titrate_acknowledgement_get_type (void) G_GNUC_CONST;

/**
 * TitrateDocument:
 * @patient: patient
 * @regimen: regimen
 * @comedications: (element-type utf8) as typed
 * @acknowledgements: (element-type TitrateAcknowledgement)
 * @final: saved as a final plan
 *
 * A regimen document (format "titrate-regimen", version 1): patient,
 * regimen, comedications and acknowledgements. Unknown keys in the
 * top-level, patient and regimen objects are kept and written back on save.
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

/**
 * TITRATE_TYPE_DOCUMENT:
 *
 * The boxed #GType of #TitrateDocument.
 */
#define TITRATE_TYPE_DOCUMENT (titrate_document_get_type ())

/**
 * titrate_document_get_type:
 *
 * The boxed #GType of #TitrateDocument.
 *
 * Returns: the #GType
 */
TITRATE_AVAILABLE_IN_ALL
GType            titrate_document_get_type   (void) G_GNUC_CONST;

/**
 * titrate_document_new:
 *
 * An empty document: a new patient and an oral regimen.
 *
 * Returns: (transfer full): a new #TitrateDocument
 */
TITRATE_AVAILABLE_IN_ALL
TitrateDocument *titrate_document_new        (void);

/**
 * titrate_document_copy:
 * @doc: a #TitrateDocument
 *
 * Copies a document, unknown keys included.
 *
 * Returns: (transfer full): a copy of @doc
 */
TITRATE_AVAILABLE_IN_ALL
TitrateDocument *titrate_document_copy       (const TitrateDocument *doc);

/**
 * titrate_document_free:
 * @doc: a #TitrateDocument
 *
 * Frees a document.
 */
TITRATE_AVAILABLE_IN_ALL
void             titrate_document_free       (TitrateDocument       *doc);

/**
 * titrate_document_load_from_data:
 * @data: the JSON text
 * @length: (out) (optional): where to store the length in bytes, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Reads a document (format "titrate-regimen", version 1). Every error
 * message names the field.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
TITRATE_AVAILABLE_IN_ALL
TitrateDocument *titrate_document_load_from_data (const char  *data,
                                                  gssize       length,
                                                  GError     **error);

/**
 * titrate_document_load_from_file:
 * @file: a #GFile
 * @error: return location for a #GError, or %NULL
 *
 * Reads a document file (format "titrate-regimen", version 1). Every error
 * message names the field.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
TITRATE_AVAILABLE_IN_ALL
TitrateDocument *titrate_document_load_from_file (GFile       *file,
                                                  GError     **error);

/**
 * titrate_document_load_from_data_with_rules:
 * @data: the JSON text
 * @length: its length in bytes, or -1 if nul-terminated
 * @rules: (nullable): the rules database in use; %NULL: the embedded one
 * @error: return location for a #GError, or %NULL
 *
 * The same as titrate_document_load_from_data(), with regimen.drug checked
 * against @rules.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
TITRATE_AVAILABLE_IN_ALL
TitrateDocument *titrate_document_load_from_data_with_rules (const char    *data,
                                                             gssize         length,
                                                             TitrateRules  *rules,
                                                             GError       **error);

/**
 * titrate_document_load_from_file_with_rules:
 * @file: a #GFile
 * @rules: (nullable): the rules database in use; %NULL: the embedded one
 * @error: return location for a #GError, or %NULL
 *
 * The same as titrate_document_load_from_file(), with regimen.drug checked
 * against @rules.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
TITRATE_AVAILABLE_IN_ALL
TitrateDocument *titrate_document_load_from_file_with_rules (GFile         *file,
                                                             TitrateRules  *rules,
                                                             GError       **error);

/**
 * titrate_document_to_data:
 * @doc: a #TitrateDocument
 * @length: (out) (optional): where to store the length in bytes, or %NULL
 *
 * The document as pretty-printed JSON.
 *
 * Returns: (transfer full): the JSON text
 */
TITRATE_AVAILABLE_IN_ALL
char            *titrate_document_to_data        (const TitrateDocument *doc,
                                                  gsize                 *length);

/**
 * titrate_document_save:
 * @doc: a #TitrateDocument
 * @file: a #GFile
 * @error: return location for a #GError, or %NULL
 *
 * Atomic: writes a temporary file, syncs it and renames it over @file (a
 * link's target). Keeps an existing file's permissions; a new file is 0600.
 * Refuses a FIFO or device target.
 *
 * Returns: %TRUE if saved; %FALSE with @error set, and the file as it was
 */
TITRATE_AVAILABLE_IN_ALL
gboolean         titrate_document_save           (const TitrateDocument *doc,
                                                  GFile                 *file,
                                                  GError               **error);

/**
 * titrate_document_to_json:
 * @doc: a #TitrateDocument
 *
 * JSON nodes for the CLI: patient/regimen parts of the contract.
 *
 * Returns: (transfer full): the JSON node
 */
TITRATE_AVAILABLE_IN_ALL
JsonNode        *titrate_document_to_json        (const TitrateDocument *doc);

/**
 * titrate_json_node_to_data:
 * @node: a #JsonNode
 * @length: (out) (optional): where to store the length in bytes, or %NULL
 *
 * (transfer full) @node as pretty-printed JSON (2-space indent, trailing
 * newline), numbers in their shortest exact form: 1.1 is written "1.1", not
 * json-glib 1.6's "1.1000000000000001"; integral values without ".0".
 *
 * Returns: (transfer full): the JSON text
 */
TITRATE_AVAILABLE_IN_ALL
char            *titrate_json_node_to_data       (JsonNode              *node,
                                                  gsize                 *length);

/**
 * titrate_document_set_acknowledgement:
 * @doc: a #TitrateDocument
 * @code: the alert code
 * @reason: the prescriber's reason
 * @date: (nullable): the date, ISO 8601
 *
 * Records (or replaces) the prescriber's acknowledgement of the alert @code.
 */
TITRATE_AVAILABLE_IN_ALL
void             titrate_document_set_acknowledgement (TitrateDocument *doc,
                                                       const char      *code,
                                                       const char      *reason,
                                                       const char      *date);

/**
 * titrate_document_get_acknowledgement:
 * @doc: a #TitrateDocument
 * @code: the alert code
 *
 * The acknowledgement recorded for the alert @code, stale or not.
 *
 * Returns: (transfer none) (nullable): the acknowledgement, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const TitrateAcknowledgement *titrate_document_get_acknowledgement (const TitrateDocument *doc,
                                                                    const char            *code);

/**
 * titrate_document_dup_title:
 * @doc: a #TitrateDocument
 *
 * The document's optional top-level "title" (a kept, non-contract key used
 * by the bundled examples), or NULL. (transfer full)
 *
 * Returns: (transfer full) (nullable): the title, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
char            *titrate_document_dup_title           (const TitrateDocument *doc);

/**
 * titrate_document_acknowledge_alert:
 * @doc: a #TitrateDocument
 * @alert: the alert shown
 * @reason: the prescriber's reason
 * @date: (nullable): the date, ISO 8601
 *
 * Acknowledges @alert as shown: its code, its trigger and (when the checker
 * gave it) its untranslated trigger.
 */
TITRATE_AVAILABLE_IN_ALL
void             titrate_document_acknowledge_alert   (TitrateDocument    *doc,
                                                       const TitrateAlert *alert,
                                                       const char         *reason,
                                                       const char         *date);

/**
 * titrate_document_find_acknowledgement:
 * @doc: a #TitrateDocument
 * @alert: the alert shown
 *
 * The acknowledgement that covers @alert now: same code, and the trigger the
 * prescriber saw (or none recorded), compared as shown or, whatever the
 * language it was written and is read in, as untranslated text. NULL when
 * there is none or it is stale.
 *
 * Returns: (transfer none) (nullable): the acknowledgement, or %NULL
 */
TITRATE_AVAILABLE_IN_ALL
const TitrateAcknowledgement *titrate_document_find_acknowledgement (const TitrateDocument *doc,
                                                                     const TitrateAlert    *alert);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateDocument, titrate_document_free)

G_END_DECLS
