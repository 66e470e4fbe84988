/* fuzz-cli-args.c — libFuzzer target: titrate-cli's command line
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at NUL bytes into arguments after the program name.
 * Any command line must either parse (then the command and its argument are
 * consistent, and an export has exactly one output) or fail with a GError;
 * never crash, leak or exit (--help is disabled here).
 */

#include <string.h>

#include "titrate-cli-options.h"

#define MAX_ARGS 64

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  TitrateCliOptions options;
  size_t start = 0;

  g_ptr_array_add (args, g_strdup ("titrate-cli"));
  for (size_t i = 0; i <= size && args->len < MAX_ARGS; i++)
    {
      if (i == size || data[i] == '\0')
        {
          g_ptr_array_add (args, g_strndup ((const char *) data + start, i - start));
          start = i + 1;
        }
    }
  g_ptr_array_add (args, NULL);

  /* The options take the arguments over. */
  if (!titrate_cli_options_parse (&options, (char **) g_ptr_array_steal (args, NULL), FALSE, &error))
    {
      g_assert_nonnull (error);
      titrate_cli_options_clear (&options);
      return 0;
    }

  g_assert_no_error (error);
  switch (options.command)
    {
    case TITRATE_CLI_VERSION:
    case TITRATE_CLI_RULES:
    case TITRATE_CLI_SELFTEST:
      break;
    case TITRATE_CLI_EXPORT:
      g_assert_nonnull (options.output);
      g_assert_true (options.output == options.pdf || options.output == options.ics ||
                     options.output == options.csv);
      g_assert_cmpint ((options.pdf != NULL) + (options.ics != NULL) + (options.csv != NULL), ==, 1);
      g_assert_true (*options.output != '\0');
      if (options.pdf != NULL)
        g_assert_true (options.paper_width > 0 && options.paper_height > 0);
      G_GNUC_FALLTHROUGH;
    case TITRATE_CLI_CHECK:
    case TITRATE_CLI_PLAN:
    case TITRATE_CLI_DRUGS:
    case TITRATE_CLI_SCENARIO:
      g_assert_nonnull (options.argument);
      break;
    default:
      g_assert_not_reached ();
    }
  titrate_cli_options_clear (&options);
  return 0;
}
