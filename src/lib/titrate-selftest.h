/* titrate-selftest.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include "titrate-rules.h"

G_BEGIN_DECLS

/**
 * TitrateSelftestFailure:
 *
 * One clinical scenario whose expectation the rules database did not meet.
 * @must_alert is %TRUE when an alert that must be raised was missing (the
 * database cannot be trusted to check), %FALSE when an alert that must not
 * be raised was raised (a nuisance alert).
 */
typedef struct {
  char     *file;          /* scenario file, e.g. "interaction.json" */
  char     *name;          /* scenario name */
  gboolean  must_alert;
  char     *detail;        /* what was expected and what came out */
} TitrateSelftestFailure;

typedef struct {
  guint      passed;
  guint      failed;
  guint      must_alert_failed;
  GPtrArray *failures;     /* (element-type TitrateSelftestFailure) */
  gint64     elapsed_usec;
} TitrateSelftestResult;

/* Runs every scenario shipped in the library (data/selftest, JSON) against
 * @rules. %NULL with @error set only when the scenarios themselves cannot be
 * read; clinical failures are in the result. */
TitrateSelftestResult *titrate_selftest_run          (TitrateRules           *rules,
                                                      GError                **error);
TitrateSelftestResult *titrate_selftest_run_data     (TitrateRules           *rules,
                                                      const char             *file,
                                                      const char             *data,
                                                      gssize                  length,
                                                      GError                **error);
void                   titrate_selftest_result_free  (TitrateSelftestResult  *result);
/* The number of shipped scenarios (for tests and the README's claim). */
guint                  titrate_selftest_count        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateSelftestResult, titrate_selftest_result_free)

G_END_DECLS
