/* titrate-error.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <glib.h>
#include "titrate-version-macros.h"

G_BEGIN_DECLS

/**
 * SECTION:titrate-error
 * @Title: Errors
 * @Short_description: the error domain of libtitrate
 *
 * Every failing function of libtitrate sets a #GError in the %TITRATE_ERROR
 * domain (or GIO's, for files). Messages name the field or step at fault.
 */

/**
 * TITRATE_ERROR:
 *
 * The error domain of libtitrate; the codes are #TitrateError.
 */
#define TITRATE_ERROR (titrate_error_quark ())

/**
 * TitrateError:
 * @TITRATE_ERROR_INVALID: a document, field or argument is invalid; the
 *   message names the field.
 * @TITRATE_ERROR_UNIT: a dose unit does not fit the route (mg vs mcg); never
 *   converted.
 * @TITRATE_ERROR_RULES: the rules database cannot be opened or validated;
 *   nothing can be checked.
 * @TITRATE_ERROR_UNSUPPORTED: a document version or feature is not supported.
 * @TITRATE_ERROR_PLAN: a protocol cannot be expanded into a plan.
 *
 * The error codes of the %TITRATE_ERROR domain.
 */
typedef enum {
  TITRATE_ERROR_INVALID,
  TITRATE_ERROR_UNIT,
  TITRATE_ERROR_RULES,
  TITRATE_ERROR_UNSUPPORTED,
  TITRATE_ERROR_PLAN,
} TitrateError;

/**
 * titrate_error_quark:
 *
 * The error domain of libtitrate (%TITRATE_ERROR).
 *
 * Returns: the #GQuark
 */
TITRATE_AVAILABLE_IN_ALL
GQuark titrate_error_quark (void);

G_END_DECLS
