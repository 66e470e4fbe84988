/* titrate-cli-options.h — titrate-cli's command line, parsed without side
 * effects (so that a fuzz target can drive it)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses (documented in README.md and --help). */
#define TITRATE_CLI_EXIT_CHECKED 0
#define TITRATE_CLI_EXIT_SELFTEST 1  /* selftest: a scenario failed */
#define TITRATE_CLI_EXIT_NOT_RAISED 1 /* scenario: an expected finding is not raised */
#define TITRATE_CLI_EXIT_INVALID 2   /* invalid document or arguments */
#define TITRATE_CLI_EXIT_RULES   3   /* rules database unusable */
#define TITRATE_CLI_EXIT_IO      4   /* the output could not be written in full */

typedef enum {
  TITRATE_CLI_VERSION,
  TITRATE_CLI_CHECK,
  TITRATE_CLI_PLAN,
  TITRATE_CLI_RULES,
  TITRATE_CLI_DRUGS,
  TITRATE_CLI_EXPORT,
  TITRATE_CLI_SELFTEST,
  TITRATE_CLI_SCENARIO,
} TitrateCliCommand;

typedef struct {
  char     *rules;
  char     *rules_digest;  /* pinned SHA-256, hex */
  int       pump_margin_days; /* -1: the rules database's default */
  gboolean  table;
  gboolean  version;
  char     *pdf;
  char     *ics;
  char     *csv;
  gboolean  handout;
  gboolean  summary;
  gboolean  per_day;
  char     *paper;

  TitrateCliCommand command;
  char     *argument;      /* FILE ("-": standard input) or TERM */
  char     *output;        /* export: the one of pdf, ics, csv given ("-": standard output) */
  double    paper_width;   /* export --pdf, in points */
  double    paper_height;
} TitrateCliOptions;

/* Parses @args (the program name first; stolen into the options or freed)
 * into @options: the options, the command and its argument, and for export
 * the checks that must pass before anything is read or written. FALSE with
 * a message for exit status 2. --help prints and exits only when
 * @help_enabled. */
gboolean titrate_cli_options_parse (TitrateCliOptions  *options,
                                    char              **args,
                                    gboolean            help_enabled,
                                    GError            **error);
void     titrate_cli_options_clear (TitrateCliOptions  *options);

G_END_DECLS
