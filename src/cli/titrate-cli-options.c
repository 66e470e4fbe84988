/* titrate-cli-options.c — titrate-cli's command line, parsed without side
 * effects (so that a fuzz target can drive it)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <langinfo.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "titrate-cli-options.h"
#include "titrate-report.h"

/* Translated at run time. */
static const char summary[] = N_(
  "Commands:\n"
  "  check FILE   Check a regimen document; print the alerts as JSON\n"
  "  plan FILE    Print the document with its protocol expanded into steps\n"
  "               (--table: the day-by-day calendar for a person)\n"
  "  rules        Print the rules database's versions, counts and sources\n"
  "  drugs TERM   Search comedication names (generics, brands, synonyms)\n"
  "  selftest     Run the clinical self-test (must-alert and must-not-alert\n"
  "               scenarios) against the rules database; exit 1 if any fails\n"
  "  export (--pdf OUT [--handout] [--summary] [--paper a4|letter] | --ics OUT [--per-day] | --csv OUT) FILE\n"
  "               Write the plan as printed pages (PDF), reminders (iCalendar)\n"
  "               or a day-by-day calendar (CSV); nothing is written on error\n"
  "  scenario FILE  Print a teaching scenario's expected findings and whether the\n"
  "               checker, with the current rules, still raises each one\n"
  "\n"
  "FILE may be - for standard input, OUT - for standard output.\n"
  "Exit status: 0 checked, 1 self-test failed (scenario: an expected finding not\n"
  "raised), 2 invalid document or arguments,\n"
  "3 rules database unusable,\n"
  "4 the output could not be written in full (a full disk, a closed pipe).\n"
  "Decision support only: every alert states its source; the prescriber decides.");

void
titrate_cli_options_clear (TitrateCliOptions *options)
{
  g_clear_pointer (&options->rules, g_free);
  g_clear_pointer (&options->rules_digest, g_free);
  g_clear_pointer (&options->pdf, g_free);
  g_clear_pointer (&options->ics, g_free);
  g_clear_pointer (&options->csv, g_free);
  g_clear_pointer (&options->paper, g_free);
  g_clear_pointer (&options->argument, g_free);
  options->output = NULL;
}

/* Paper size from --paper, else from the locale (glibc's LC_PAPER: US
 * Letter is 216 × 279 mm), else A4. */
static gboolean
paper_size (TitrateCliOptions  *o,
            GError            **error)
{
  if (o->paper == NULL)
    {
      o->paper_width = TITRATE_PAPER_A4_WIDTH;
      o->paper_height = TITRATE_PAPER_A4_HEIGHT;
#if defined(__GLIBC__)
      {
        union { unsigned int word; char *string; } langinfo;

        langinfo.string = nl_langinfo (_NL_PAPER_HEIGHT);
        if (langinfo.word == 279)
          {
            o->paper_width = TITRATE_PAPER_LETTER_WIDTH;
            o->paper_height = TITRATE_PAPER_LETTER_HEIGHT;
          }
      }
#endif
      return TRUE;
    }
  if (g_ascii_strcasecmp (o->paper, "a4") == 0)
    {
      o->paper_width = TITRATE_PAPER_A4_WIDTH;
      o->paper_height = TITRATE_PAPER_A4_HEIGHT;
      return TRUE;
    }
  if (g_ascii_strcasecmp (o->paper, "letter") == 0)
    {
      o->paper_width = TITRATE_PAPER_LETTER_WIDTH;
      o->paper_height = TITRATE_PAPER_LETTER_HEIGHT;
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--paper: must be a4 or letter (got “%s”)"), o->paper);
  return FALSE;
}

/* The export checks: arguments first, so that a mistake never leaves a
 * file behind. */
static gboolean
check_export (TitrateCliOptions  *o,
              GError            **error)
{
  guint n_formats = (o->pdf != NULL) + (o->ics != NULL) + (o->csv != NULL);

  if (n_formats != 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("export needs exactly one of --pdf OUT, --ics OUT or --csv OUT"));
      return FALSE;
    }
  if ((o->handout || o->summary || o->paper != NULL) && o->pdf == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--handout, --summary and --paper apply to --pdf only"));
      return FALSE;
    }
  if (o->per_day && o->ics == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--per-day applies to --ics only"));
      return FALSE;
    }
  o->output = o->pdf ? o->pdf : o->ics ? o->ics : o->csv;
  if (*o->output == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: the output file name is empty"), o->pdf ? "--pdf" : o->ics ? "--ics" : "--csv");
      return FALSE;
    }
  if (o->pdf != NULL && !paper_size (o, error))
    return FALSE;
  return TRUE;
}

gboolean
titrate_cli_options_parse (TitrateCliOptions  *o,
                           char              **args,
                           gboolean            help_enabled,
                           GError            **error)
{
  const GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &o->rules,
      N_("Use this rules database instead of the embedded one (same validation, and the clinical self-test)"), "DB" },
    { "rules-digest", 0, 0, G_OPTION_ARG_STRING, &o->rules_digest,
      N_("Refuse the rules database unless its SHA-256 is this one (the copy your institution reviewed)"), "HEX" },
    { "table", 't', 0, G_OPTION_ARG_NONE, &o->table,
      N_("plan: print the day-by-day calendar as a table"), NULL },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &o->pdf,
      N_("export: write the printed pages as PDF (default: the patient handout)"), "OUT" },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &o->ics,
      N_("export: write calendar reminders (iCalendar)"), "OUT" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &o->csv,
      N_("export: write the day-by-day calendar as CSV"), "OUT" },
    { "handout", 0, 0, G_OPTION_ARG_NONE, &o->handout,
      N_("export --pdf: the patient handout (with --summary: both, handout first)"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &o->summary,
      N_("export --pdf: the clinician summary"), NULL },
    { "per-day", 0, 0, G_OPTION_ARG_NONE, &o->per_day,
      N_("export --ics: one reminder per day instead of one per dose"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o->paper,
      N_("export --pdf: paper size, a4 or letter (default: from the locale)"), "SIZE" },
    { "pump-margin-days", 0, 0, G_OPTION_ARG_INT, &o->pump_margin_days,
      N_("check, export: days between the pump refill-by date and the alarm date (default: the rules database's)"), "N" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, N_("Print the version"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) argv = args;
  const char *command;
  guint argc;

  memset (o, 0, sizeof *o);
  o->pump_margin_days = -1;
  context = g_option_context_new (_("COMMAND [ARGUMENT] — regimen checks against the rules database"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(summary));
  g_option_context_set_help_enabled (context, help_enabled);
  if (!g_option_context_parse_strv (context, &argv, error))
    return FALSE;
  /* A pin that is empty or not a digest (an unset shell variable, a typo)
   * must not silently pin nothing. */
  if (o->rules_digest != NULL)
    {
      g_autofree char *digest = g_strstrip (g_strdup (o->rules_digest));
      gboolean hex = strlen (digest) == 64;

      for (const char *p = digest; hex && *p != '\0'; p++)
        hex = g_ascii_isxdigit (*p);
      if (!hex)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--rules-digest: “%s” is not a SHA-256 digest (64 hexadecimal digits, as printed by "
                         "`titrate-cli rules` or sha256sum)"), o->rules_digest);
          return FALSE;
        }
    }

  if (o->version)
    {
      o->command = TITRATE_CLI_VERSION;
      return TRUE;
    }
  argc = argv != NULL ? g_strv_length (argv) : 0;
  if (argc < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("no command given (check, plan, rules, selftest, drugs, export or scenario); see --help"));
      return FALSE;
    }

  command = argv[1];
  if (strcmp (command, "rules") == 0 && argc == 2)
    {
      o->command = TITRATE_CLI_RULES;
      return TRUE;
    }
  if (strcmp (command, "selftest") == 0 && argc == 2)
    {
      o->command = TITRATE_CLI_SELFTEST;
      return TRUE;
    }
  if (argc == 3)
    {
      if (strcmp (command, "check") == 0)
        o->command = TITRATE_CLI_CHECK;
      else if (strcmp (command, "plan") == 0)
        o->command = TITRATE_CLI_PLAN;
      else if (strcmp (command, "drugs") == 0)
        o->command = TITRATE_CLI_DRUGS;
      else if (strcmp (command, "export") == 0)
        o->command = TITRATE_CLI_EXPORT;
      else if (strcmp (command, "scenario") == 0)
        o->command = TITRATE_CLI_SCENARIO;
      else
        goto unknown;
      o->argument = g_strdup (argv[2]);
      if (o->command == TITRATE_CLI_EXPORT)
        return check_export (o, error);
      return TRUE;
    }

  if (strcmp (command, "check") == 0 || strcmp (command, "plan") == 0 || strcmp (command, "drugs") == 0 ||
      strcmp (command, "export") == 0 || strcmp (command, "scenario") == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s takes exactly one argument (%s)"), command,
                   strcmp (command, "drugs") == 0 ? "TERM" : "FILE");
      return FALSE;
    }
unknown:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("unknown command “%s” (check, plan, rules, selftest, drugs, export or scenario); see --help"), command);
  return FALSE;
}
