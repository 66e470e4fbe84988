/* titrate-cli.c — command-line front end to libtitrate (no GTK)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 checked (whatever the alerts), 1 selftest: a scenario
 * failed, 2 invalid document or arguments (message on stderr naming the
 * field), 3 rules database unusable, 4 the output could not be written in
 * full (a full disk, a closed pipe): a failure never looks like an empty
 * alert list.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <signal.h>
#include <unistd.h>

#include "titrate.h"
#include "titrate-catalogue.h"
#include "titrate-drug-names.h"
#include "titrate-pump.h"
#include "titrate-cli-options.h"
#include "titrate-json-write.h"
#ifdef TITRATE_CLI_WITH_EXPORT
#include "titrate-export.h"
#else
#include "titrate-cli-exec.h"
#endif

#define EXIT_CHECKED TITRATE_CLI_EXIT_CHECKED
#define EXIT_SELFTEST TITRATE_CLI_EXIT_SELFTEST
#define EXIT_INVALID TITRATE_CLI_EXIT_INVALID
#define EXIT_RULES   TITRATE_CLI_EXIT_RULES
#define EXIT_IO      TITRATE_CLI_EXIT_IO
#define EXIT_NOT_RAISED TITRATE_CLI_EXIT_NOT_RAISED /* scenario: an expected finding is not raised */

static TitrateCliOptions opts;

/* Helpers */

/* The rules database in use (--rules or the embedded one), opened once: the
 * document loader checks regimen.drug against it, then the command checks
 * with it. NULL with @error set when it cannot be used. */
static TitrateRules *
rules_in_use (GError **error)
{
  static TitrateRules *rules;
  static GError *failure;
  static gboolean opened;

  if (!opened)
    {
      opened = TRUE;
      if (opts.rules != NULL)
        rules = titrate_rules_new_for_path (opts.rules, &failure);
      else
        rules = titrate_rules_new_embedded (&failure);
      if (rules != NULL && !titrate_rules_check_digest (rules, opts.rules_digest, &failure))
        g_clear_object (&rules);
    }
  if (rules == NULL)
    {
      if (error != NULL)
        *error = g_error_copy (failure);
      return NULL;
    }
  return g_object_ref (rules);
}

static TitrateRules *
open_rules (void)
{
  g_autoptr(GError) error = NULL;
  TitrateRules *rules;

  rules = rules_in_use (&error);
  if (rules == NULL)
    {
      g_printerr (_("titrate-cli: %s\nNothing was checked.\n"), error->message);
      return NULL;
    }
  /* Past its review date: a visible warning, not a block. */
  if (titrate_rules_review_overdue (rules, NULL))
    g_printerr (_("titrate-cli: warning: the rules database (%s) was due for review on %s; "
                  "ask whoever maintains it whether it is still current.\n"),
                titrate_rules_get_origin (rules), titrate_rules_get_review_by (rules));
  return rules;
}

static TitrateDocument *
open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  /* An unusable database is reported (and refused) by open_rules(); the
   * document is then read against the embedded one. */
  g_autoptr(TitrateRules) rules = rules_in_use (NULL);
  TitrateDocument *doc = NULL;

  if (strcmp (path, "-") == 0)
    {
      /* Standard input, bounded like a file. */
      g_autofree char *data = NULL;
      gsize length = 0;

      if (titrate_io_read_fd (STDIN_FILENO, TITRATE_IO_MAX_DOCUMENT_BYTES, &data, &length, &error))
        doc = titrate_document_load_from_data_with_rules (data, (gssize) length, rules, &error);
      path = _("standard input");
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      doc = titrate_document_load_from_file_with_rules (file, rules, &error);
    }

  if (doc == NULL)
    {
      g_printerr ("titrate-cli: %s: %s\n", path, error->message);
      return NULL;
    }
  if (!titrate_regimen_expand_protocol (doc->regimen, &error))
    {
      g_printerr ("titrate-cli: %s: %s\n", path, error->message);
      titrate_document_free (doc);
      return NULL;
    }
  doc->regimen->has_protocol = FALSE;
  return doc;
}


/* Standard output, kept until the end and then written in one go, so that
 * a short write (a full disk, a reader gone) is known, with its reason.
 * Documents are bounded, so is what is printed about them. */
static GString *output = NULL;

static void
print_to_output (const char *text)
{
  if (output == NULL)
    output = g_string_new (NULL);
  g_string_append (output, text);
}

static gboolean
flush_output (GError **error)
{
  gboolean ok = TRUE;

  if (output != NULL && output->len > 0)
    ok = titrate_io_write_fd (STDOUT_FILENO, output->str, output->len, error);
  if (output != NULL)
    g_string_truncate (output, 0);
  if (ok && fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
      ok = FALSE;
    }
  return ok;
}

static void
print_json (JsonNode *node)
{
  /* Numbers in their shortest exact form (json-glib would print 1.1 as
   * 1.1000000000000001). */
  g_autofree char *text = titrate_json_node_to_data (node, NULL);

  g_print ("%s\n", text);
}


/* Intrathecal pump: applies --pump-margin-days (within the rules database's
 * range) and checks the pump against its model. FALSE: message printed. */
static gboolean
prepare_pump (const char      *path,
              TitrateDocument *doc,
              TitrateRules    *rules)
{
  g_autoptr(GError) error = NULL;
  TitratePump *pump = doc->regimen->pump;
  const TitratePumpSetting *margin = titrate_pump_get_setting (rules, "refill_margin_days");

  if (opts.pump_margin_days >= 0 || opts.pump_margin_days < -1)
    {
      if (opts.pump_margin_days < margin->min_value || opts.pump_margin_days > margin->max_value)
        {
          g_printerr (_("titrate-cli: --pump-margin-days must be a whole number of days from %g to %g (got %d)\n"),
                      margin->min_value, margin->max_value, opts.pump_margin_days);
          return FALSE;
        }
    }
  if (pump == NULL)
    return TRUE;
  pump->margin_days = opts.pump_margin_days;
  if (!titrate_pump_validate_with_rules (pump, doc->regimen, rules, &error))
    {
      g_printerr ("titrate-cli: %s: %s\n", path, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Commands */

static int
cmd_check (const char *path)
{
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(TitratePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  if ((doc = open_document (path)) == NULL)
    return EXIT_INVALID;
  if ((rules = open_rules ()) == NULL)
    return EXIT_RULES;
  if (!prepare_pump (path, doc, rules))
    return EXIT_INVALID;

  plan = titrate_plan_new_for_document (rules, g_steal_pointer (&doc));
  if ((root = titrate_plan_to_json (plan, &error)) == NULL)
    {
      g_printerr ("titrate-cli: %s\n", error->message);
      return EXIT_RULES;
    }
  print_json (root);
  return EXIT_CHECKED;
}

static char *
format_units (double units)
{
  return isnan (units) ? g_strdup ("") : titrate_format_unit_count (units, TITRATE_FORMULATION_UNIT_MG_PER_UNIT);
}

static int
print_table (TitratePlan *plan)
{
  TitrateRules *rules = titrate_plan_get_rules (plan);
  const TitrateRegimen *r = titrate_plan_get_document (plan)->regimen;
  GArray *days = titrate_plan_get_days (plan);
  g_autofree char *unit_name = titrate_planner_unit_name (rules, r);
  const char *unit = titrate_route_unit (r->route);
  gboolean liquid = unit_name != NULL && g_str_has_prefix (unit_name, "mL");

  /* Translators: the medicine ("Baclofen"), the route, the unit, then
   * ", units per dose: " and the unit name, or two empty strings */
  g_print (_("%s, %s (%s)%s%s\n"), titrate_rules_get_medicine_label_start (rules, r->drug),
           titrate_route_to_label (r->route), unit,
           unit_name ? _(", units per dose: ") : "", unit_name ? unit_name : "");
  if (r->route == TITRATE_ROUTE_ORAL)
    g_print ("%-16s %4s  %-12s %-26s %12s  %s\n", _("Date"), _("Day"), _("Phase"), _("Doses (mg)"), _("Daily (mg)"),
             liquid ? _("mL per dose") : _("Tablets per dose"));
  else
    g_print ("%-16s %4s  %-12s %-26s %12s\n", _("Date"), _("Day"), _("Phase"), _("Bolus (mcg)"), _("Daily (mcg)"));

  for (guint i = 0; i < days->len; i++)
    {
      TitrateDay *d = &g_array_index (days, TitrateDay, i);
      g_autoptr(GString) doses = g_string_new (NULL);
      g_autoptr(GString) units = g_string_new (NULL);
      g_autofree char *total = titrate_format_amount_display (d->daily_total);
      char date[32] = "";

      if (g_date_valid (&d->date))
        g_date_strftime (date, sizeof date, "%a %Y-%m-%d", &d->date);

      if (r->route == TITRATE_ROUTE_ORAL)
        {
          for (guint k = 0; k < d->n_doses; k++)
            {
              g_autofree char *dose = titrate_format_amount_display (d->doses_mg[k]);
              g_autofree char *u = liquid ? titrate_format_amount_display (d->units_per_dose[k])
                                              : format_units (d->units_per_dose[k]);

              g_string_append_printf (doses, "%s%s", k ? " + " : "", dose);
              g_string_append_printf (units, "%s%s", k ? " + " : "", u);
            }
          if (d->phase == TITRATE_PHASE_STOPPED)
            g_string_assign (doses, _("stopped"));
          if (!d->measurable)
            g_string_append (units, _("  (not measurable)"));
        }
      else if (!isnan (d->bolus_mcg))
        {
          g_autofree char *bolus = titrate_format_amount_display (d->bolus_mcg);
          g_string_append_printf (doses, _("bolus %s"), bolus);
        }

      g_print ("%-16s %4d  %-12s %-26s %12s  %s\n", date, d->day, titrate_phase_to_label (d->phase),
               doses->str, total, units->str);
    }
  return EXIT_CHECKED;
}

static int
cmd_plan (const char *path)
{
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(JsonNode) root = NULL;

  if ((doc = open_document (path)) == NULL)
    return EXIT_INVALID;

  if (opts.table)
    {
      g_autoptr(TitrateRules) rules = open_rules ();
      g_autoptr(TitratePlan) plan = NULL;

      if (rules == NULL)
        return EXIT_RULES;
      plan = titrate_plan_new_for_document (rules, g_steal_pointer (&doc));
      return print_table (plan);
    }

  root = titrate_document_to_json (doc);
  print_json (root);
  return EXIT_CHECKED;
}

/* A word from the rules database's vocabulary (a source's or a drug name's
 * kind), as the user reads it; an unknown word is shown as stored. */
static const char *
kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } labels[] = {
    { "label", N_("label") },
    { "guideline", N_("guideline") },
    { "tertiary", N_("tertiary") },
    { "study", N_("study") },
    { "seed", N_("background") },
    { "generic", N_("generic") },
    { "brand", N_("brand") },
    { "synonym", N_("synonym") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return _(labels[i].label);
  return kind;
}

static int
cmd_rules (void)
{
  g_autoptr(TitrateRules) rules = open_rules ();
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GList) tables = NULL;
  GHashTable *counts;

  if (rules == NULL)
    return EXIT_RULES;

  g_print ("%s\n", titrate_rules_get_title (rules));
  g_print (_("  origin:          %s\n"), g_strcmp0 (titrate_rules_get_origin (rules), "embedded") == 0
                                         ? _("embedded in Titrate") : titrate_rules_get_origin (rules));
  g_print (_("  schema version:  %d\n"), titrate_rules_get_schema_version (rules));
  g_print (_("  content version: %s (%s)\n"), titrate_rules_get_content_version (rules),
           titrate_rules_get_content_date (rules));
  g_print (_("  review by:       %s\n"), titrate_rules_get_review_by (rules) ? titrate_rules_get_review_by (rules) : _("not set"));
  g_print (_("  SHA-256:         %s\n"), titrate_rules_get_digest (rules));

  g_print (_("\nRows per table:\n"));
  counts = titrate_rules_get_counts (rules);
  tables = g_list_sort (g_hash_table_get_keys (counts), (GCompareFunc) strcmp);
  for (GList *l = tables; l != NULL; l = l->next)
    g_print ("  %-20s %5d\n", (const char *) l->data, GPOINTER_TO_INT (g_hash_table_lookup (counts, l->data)));

  g_print (_("\nSources:\n"));
  sources = titrate_rules_list_sources (rules);
  for (guint i = 0; i < sources->len; i++)
    {
      const TitrateSource *s = g_ptr_array_index (sources, i);
      g_print ("  %-22s [%s] %s\n", s->key, kind_label (s->kind), s->citation);
    }
  return EXIT_CHECKED;
}

static int
cmd_selftest (void)
{
  g_autoptr(TitrateRules) rules = open_rules ();
  g_autoptr(TitrateSelftestResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (rules == NULL)
    return EXIT_RULES;
  if ((result = titrate_selftest_run (rules, &error)) == NULL)
    {
      g_printerr ("titrate-cli: %s\n", error->message);
      return EXIT_RULES;
    }
  for (guint i = 0; i < result->failures->len; i++)
    {
      const TitrateSelftestFailure *f = g_ptr_array_index (result->failures, i);

      g_print (_("FAIL %s: %s: %s\n"), f->file, f->name, f->detail);
    }
  /* TRANSLATORS: the self-test's closing line, e.g. "104 passed, 0 failed" */
  g_print (_("%u passed, %u failed\n"), result->passed, result->failed);
  return result->failed == 0 ? EXIT_CHECKED : EXIT_SELFTEST;
}

static int
cmd_drugs (const char *term)
{
  g_autoptr(TitrateRules) rules = open_rules ();
  g_autoptr(GPtrArray) found = NULL;

  if (rules == NULL)
    return EXIT_RULES;

  found = titrate_rules_search_drugs (rules, term, 50);
  if (found->len == 0)
    {
      /* A combination as typed ("hydrocodone/acetaminophen"): how the checker reads it. */
      g_autoptr(GArray) parts = titrate_rules_resolve_drug (rules, term);
      gboolean any = FALSE;

      for (guint i = 0; i < parts->len; i++)
        any = any || g_array_index (parts, TitrateDrugMatch, i).name != NULL;
      if (!any)
        g_print (_("No comedication name matches “%s”; it would be reported as not checked.\n"), term);
      for (guint i = 0; i < parts->len; i++)
        {
          const TitrateDrugMatch *m = &g_array_index (parts, TitrateDrugMatch, i);

          if (m->name != NULL)
            g_print ("%-28s %-8s → %-24s %s\n", m->part, m->name->kind, m->name->drug->code,
                     m->name->drug->class_label);
          else if (any)
            g_print (_("%-28s not recognised: not checked\n"), m->part);
        }
    }
  for (guint i = 0; i < found->len; i++)
    {
      const TitrateDrugName *n = g_ptr_array_index (found, i);
      g_autoptr(GArray) parts = titrate_rules_resolve_drug (rules, n->name);

      g_print ("%-28s %-8s → %-24s %s\n", n->name, kind_label (n->kind), n->drug->code, n->drug->class_label);
      /* A combination product: every ingredient is checked. */
      for (guint k = 0; parts->len > 1 && k < parts->len; k++)
        {
          const TitrateDrugMatch *m = &g_array_index (parts, TitrateDrugMatch, k);

          if (m->name != NULL && m->name->drug != n->drug)
            g_print (_("%-28s also contains %s (%s), checked too\n"), "", m->name->drug->code,
                     m->name->drug->class_label);
        }
    }
  return EXIT_CHECKED;
}

#ifdef TITRATE_CLI_WITH_EXPORT
/* Writes an export to @out, or to standard output for "-". */
static gboolean
write_output (const char  *out,
              const void  *data,
              gsize        length,
              GError     **error)
{
  if (strcmp (out, "-") == 0)
    {
      if (flush_output (error) && titrate_io_write_fd (STDOUT_FILENO, data, length, error))
        return TRUE;
      g_prefix_error (error, "%s: ", _("standard output"));
      return FALSE;
    }
  return titrate_io_replace_file (out, data, length, 0600, error);
}

/* What was written, on standard error when the data went to standard
 * output. */
G_GNUC_PRINTF (1, 2)
static void
say_written (const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (strcmp (opts.output, "-") == 0)
    g_printerr ("%s", text);
  else
    g_print ("%s", text);
}

#endif /* TITRATE_CLI_WITH_EXPORT */

/* `scenario FILE`: a teaching scenario's expected findings, and whether the
 * checker with the current rules still raises each one (for instructors
 * re-validating scenarios after a rules update). */
static int
cmd_scenario (const char *path)
{
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(TitrateScenario) scenario = NULL;
  g_autoptr(TitratePlan) plan = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_required = 0;
  guint n_raised = 0;

  if ((doc = open_document (path)) == NULL)
    return EXIT_INVALID;
  scenario = titrate_scenario_from_document (doc, &error);
  if (scenario == NULL)
    {
      if (error != NULL)
        g_printerr ("titrate-cli: %s: %s\n", path, error->message);
      else
        g_printerr (_("titrate-cli: %s: not a teaching scenario (no “teaching” section)\n"), path);
      return EXIT_INVALID;
    }
  if ((rules = open_rules ()) == NULL)
    return EXIT_RULES;

  plan = titrate_plan_new_for_document (rules, titrate_document_copy (doc));
  if ((alerts = titrate_plan_dup_alert_array (plan)) == NULL)
    {
      g_printerr ("titrate-cli: %s\n", titrate_plan_get_error (plan)->message);
      return EXIT_RULES;
    }

  json_builder_begin_object (b);
  _titrate_json_builder_add_rules_info (b, rules);
  _titrate_json_builder_add_string (b, "title", scenario->title);

  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < scenario->findings->len; i++)
    {
      const TitrateFinding *f = g_ptr_array_index (scenario->findings, i);
      gboolean raised = FALSE;

      json_builder_begin_object (b);
      _titrate_json_builder_add_string (b, "id", f->id);
      _titrate_json_builder_add_string (b, "category", titrate_category_to_string (f->category));
      _titrate_json_builder_add_string (b, "min_severity", titrate_severity_to_string (f->min_severity));
      _titrate_json_builder_add_string (b, "code", f->code);
      if (f->day_from > 0)
        {
          _titrate_json_builder_add_number (b, "day_from", f->day_from, 1);
          _titrate_json_builder_add_number (b, "day_to", f->day_to, 1);
        }
      _titrate_json_builder_add_string (b, "label", f->label);
      json_builder_set_member_name (b, "optional");
      json_builder_add_boolean_value (b, f->optional);
      json_builder_set_member_name (b, "raised_by");
      json_builder_begin_array (b);
      for (guint j = 0; j < alerts->len; j++)
        {
          TitrateAlert *a = g_ptr_array_index (alerts, j);

          if (titrate_finding_matches_alert (f, a))
            {
              json_builder_add_string_value (b, a->code);
              raised = TRUE;
            }
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "raised");
      json_builder_add_boolean_value (b, raised);
      json_builder_end_object (b);
      if (!f->optional)
        {
          n_required++;
          n_raised += raised ? 1 : 0;
        }
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "fix_goal_met_as_given");
  if (scenario->fix_goal->len == 0)
    json_builder_add_null_value (b);
  else
    {
      gboolean met = TRUE;

      for (guint k = 0; k < scenario->fix_goal->len; k++)
        if (titrate_finding_is_raised (g_ptr_array_index (scenario->fix_goal, k), alerts))
          met = FALSE;
      json_builder_add_boolean_value (b, met);
    }

  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  _titrate_json_builder_add_number (b, "required", n_required, 1);
  _titrate_json_builder_add_number (b, "raised", n_raised, 1);
  json_builder_set_member_name (b, "all_raised");
  json_builder_add_boolean_value (b, n_raised == n_required);
  json_builder_end_object (b);

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  print_json (root);
  return n_raised == n_required ? EXIT_CHECKED : EXIT_NOT_RAISED;
}

#ifdef TITRATE_CLI_WITH_EXPORT
static int
cmd_export (const char *path)
{
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *out = opts.output;
  const char *shown = strcmp (out, "-") == 0 ? _("standard output") : out;

  if ((doc = open_document (path)) == NULL)
    return EXIT_INVALID;
  if ((rules = open_rules ()) == NULL)
    return EXIT_RULES;
  if (!prepare_pump (path, doc, rules))
    return EXIT_INVALID;

  if (opts.csv != NULL)
    {
      g_autofree char *text = NULL;
      gsize length = 0;

      if ((text = titrate_csv_write (rules, doc, &length, &error)) == NULL ||
          !write_output (out, text, length, &error))
        goto failed;
      say_written (_("%s: day-by-day calendar (CSV)\n"), shown);
    }
  else if (opts.ics != NULL)
    {
      TitrateIcsOptions options;
      g_autofree char *text = NULL;
      gsize length = 0;

      titrate_ics_options_init (&options);
      options.mode = opts.per_day ? TITRATE_ICS_PER_DAY : TITRATE_ICS_PER_ADMINISTRATION;
      if ((text = titrate_ics_write (rules, doc, &options, &length, &error)) == NULL ||
          !write_output (out, text, length, &error))
        goto failed;
      say_written (_("%s: calendar reminders (iCalendar, %s)\n"), shown,
                   opts.per_day ? _("one per day") : _("one per dose"));
    }
  else
    {
      g_autoptr(TitrateReport) handout = NULL;
      g_autoptr(TitrateReport) summary_report = NULL;
      g_autoptr(GBytes) bytes = NULL;
      TitrateReport *reports[2];
      guint n = 0;
      int pages = 0;

      if (opts.handout || !opts.summary)
        {
          if ((handout = titrate_report_new (rules, doc, TITRATE_REPORT_HANDOUT, opts.paper_width,
                                             opts.paper_height, &error)) == NULL)
            goto failed;
          reports[n++] = handout;
        }
      if (opts.summary)
        {
          if ((summary_report = titrate_report_new (rules, doc, TITRATE_REPORT_SUMMARY, opts.paper_width,
                                                    opts.paper_height, &error)) == NULL)
            goto failed;
          reports[n++] = summary_report;
        }
      for (guint i = 0; i < n; i++)
        pages += titrate_report_get_n_pages (reports[i]);
      if ((bytes = titrate_report_pdf_many (reports, n, &error)) == NULL ||
          !write_output (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        goto failed;
      say_written (_("%s: %s, %d pages\n"), shown,
                   handout && summary_report ? _("patient handout and clinician summary") :
                   handout ? _("patient handout") : _("clinician summary"), pages);
    }
  return EXIT_CHECKED;

failed:
  if (g_error_matches (error, TITRATE_ERROR, TITRATE_ERROR_RULES))
    {
      g_printerr (_("titrate-cli: %s\nNothing was written.\n"), error->message);
      return EXIT_RULES;
    }
  if (error->domain == G_IO_ERROR)
    {
      if (strcmp (out, "-") == 0)
        g_printerr (_("titrate-cli: %s\nThe export was not written in full.\n"), error->message);
      else
        g_printerr (_("titrate-cli: %s\nNothing was written.\n"), error->message);
      return EXIT_IO;
    }
  g_printerr (_("titrate-cli: %s: %s\nNothing was written.\n"), error->domain == TITRATE_ERROR ? path : shown,
              error->message);
  return EXIT_INVALID;
}
#endif /* TITRATE_CLI_WITH_EXPORT */

/* Everything printed reached standard output, or the exit status says it
 * did not: a check whose output was lost must not look like no alerts. */
static int
finish_output (int status)
{
  g_autoptr(GError) error = NULL;

  if (!flush_output (&error))
    {
      g_printerr (_("titrate-cli: the output could not be written in full: %s\n"), error->message);
      status = EXIT_IO;
    }
  if (output != NULL)
    g_string_free (g_steal_pointer (&output), TRUE);
  return status;
}

static void
check_help_output (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr (_("titrate-cli: the output could not be written in full: %s\n"), g_strerror (errno));
      _exit (EXIT_IO);
    }
}

static char **cli_argv;

static int
run_command (void)
{
  switch (opts.command)
    {
    case TITRATE_CLI_VERSION:
      g_print ("titrate-cli %s\n", PACKAGE_VERSION);
      return EXIT_CHECKED;
    case TITRATE_CLI_CHECK:
      return cmd_check (opts.argument);
    case TITRATE_CLI_PLAN:
      return cmd_plan (opts.argument);
    case TITRATE_CLI_RULES:
      return cmd_rules ();
    case TITRATE_CLI_DRUGS:
      return cmd_drugs (opts.argument);
    case TITRATE_CLI_EXPORT:
#ifdef TITRATE_CLI_WITH_EXPORT
      return cmd_export (opts.argument);
#else
      /* The export helper links cairo, Pango and libical, which the other
       * commands need not load: it runs the same command line. */
      return titrate_cli_exec_export (cli_argv);
#endif
    case TITRATE_CLI_SELFTEST:
      return cmd_selftest ();
    case TITRATE_CLI_SCENARIO:
      return cmd_scenario (opts.argument);
    default:
      g_assert_not_reached ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir;
  int status;

  setlocale (LC_ALL, "");
  /* TITRATE_LOCALEDIR (set by `meson devenv` and tools/run.sh) points at the
   * build tree's compiled catalogues, so an uninstalled run is translated. */
  localedir = g_getenv ("TITRATE_LOCALEDIR");
  /* A damaged catalogue (a translated format that takes other values than
   * its English) is not used: English throughout, and a warning. */
  {
    g_autoptr(GError) catalogue_error = NULL;

    if (!titrate_catalogue_use_checked (GETTEXT_PACKAGE,
                                        localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR,
                                        &catalogue_error))
      g_printerr ("%s\n", catalogue_error->message);
  }
  textdomain (GETTEXT_PACKAGE);

  /* A reader that went away is a write error (EPIPE), reported with exit
   * status 4, not a silent death. */
  signal (SIGPIPE, SIG_IGN);
  /* --help prints and exits from inside the option parser. */
  atexit (check_help_output);

  cli_argv = argv;
  if (!titrate_cli_options_parse (&opts, g_strdupv (argv), TRUE, &error))
    {
      g_printerr ("titrate-cli: %s\n", error->message);
      titrate_cli_options_clear (&opts);
      return EXIT_INVALID;
    }
  g_set_print_handler (print_to_output);

  status = finish_output (run_command ());
  titrate_cli_options_clear (&opts);
  return status;
}
