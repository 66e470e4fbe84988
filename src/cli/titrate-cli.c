/* titrate-cli.c — command-line front end to libtitrate (no GTK)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 checked (whatever the alerts), 2 invalid document or
 * arguments (message on stderr naming the field), 3 rules database unusable.
 */

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "titrate.h"
#include "titrate-export.h"

#define EXIT_CHECKED 0
#define EXIT_NOT_RAISED 1   /* scenario: an expected finding is not raised */
#define EXIT_INVALID 2
#define EXIT_RULES   3

static char *opt_rules = NULL;
static gboolean opt_table = FALSE;
static gboolean opt_version = FALSE;
static char *opt_pdf = NULL;
static char *opt_ics = NULL;
static char *opt_csv = NULL;
static gboolean opt_handout = FALSE;
static gboolean opt_summary = FALSE;
static gboolean opt_per_day = FALSE;
static char *opt_paper = NULL;

static const GOptionEntry entries[] = {
  { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &opt_rules,
    N_("Use this rules database instead of the embedded one (same validation)"), "DB" },
  { "table", 't', 0, G_OPTION_ARG_NONE, &opt_table,
    N_("plan: print the day-by-day calendar as a table"), NULL },
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &opt_pdf,
    N_("export: write the printed pages as PDF (default: the patient handout)"), "OUT" },
  { "ics", 0, 0, G_OPTION_ARG_FILENAME, &opt_ics,
    N_("export: write calendar reminders (iCalendar)"), "OUT" },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &opt_csv,
    N_("export: write the day-by-day calendar as CSV"), "OUT" },
  { "handout", 0, 0, G_OPTION_ARG_NONE, &opt_handout,
    N_("export --pdf: the patient handout (with --summary: both, handout first)"), NULL },
  { "summary", 0, 0, G_OPTION_ARG_NONE, &opt_summary,
    N_("export --pdf: the clinician summary"), NULL },
  { "per-day", 0, 0, G_OPTION_ARG_NONE, &opt_per_day,
    N_("export --ics: one reminder per day instead of one per dose"), NULL },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &opt_paper,
    N_("export --pdf: paper size, a4 or letter (default: from the locale)"), "SIZE" },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, N_("Print the version"), NULL },
  { NULL }
};

/* Translated at run time, see main (). */
static const char summary[] = N_(
  "Commands:\n"
  "  check FILE   Check a regimen document; print the alerts as JSON\n"
  "  plan FILE    Print the document with its protocol expanded into steps\n"
  "               (--table: the day-by-day calendar for a person)\n"
  "  rules        Print the rules database's versions, counts and sources\n"
  "  drugs TERM   Search comedication names (generics, brands, synonyms)\n"
  "  export (--pdf OUT [--handout] [--summary] [--paper a4|letter] | --ics OUT [--per-day] | --csv OUT) FILE\n"
  "               Write the plan as printed pages (PDF), reminders (iCalendar)\n"
  "               or a day-by-day calendar (CSV); nothing is written on error\n"
  "  scenario FILE  Print a teaching scenario's expected findings and whether the\n"
  "               checker, with the current rules, still raises each one\n"
  "\n"
  "Exit status: 0 checked, 2 invalid document or arguments, 3 rules database unusable;\n"
  "scenario: 0 every expected finding raised, 1 some not raised.\n"
  "Decision support only: every alert states its source; the prescriber decides.");

/* Helpers */

static TitrateRules *
open_rules (void)
{
  g_autoptr(GError) error = NULL;
  TitrateRules *rules;

  if (opt_rules != NULL)
    rules = titrate_rules_new_for_path (opt_rules, &error);
  else
    rules = titrate_rules_new_embedded (&error);
  if (rules == NULL)
    g_printerr (_("titrate-cli: %s\nNothing was checked.\n"), error->message);
  return rules;
}

static TitrateDocument *
open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  TitrateDocument *doc = titrate_document_load_from_file (file, &error);

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

static void
add_number (JsonBuilder *b,
            const char  *key,
            double       value,
            double       precision)
{
  json_builder_set_member_name (b, key);
  if (isnan (value))
    json_builder_add_null_value (b);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, round (value / precision) / (1.0 / precision));
}

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
print_json (JsonNode *node)
{
  /* Numbers in their shortest exact form (json-glib would print 1.1 as
   * 1.1000000000000001). */
  g_autofree char *text = titrate_json_node_to_data (node, NULL);

  g_print ("%s\n", text);
}

static void
add_rules_info (JsonBuilder  *b,
                TitrateRules *rules)
{
  json_builder_set_member_name (b, "rules");
  json_builder_begin_object (b);
  add_string (b, "title", titrate_rules_get_title (rules));
  add_number (b, "schema_version", titrate_rules_get_schema_version (rules), 1);
  add_string (b, "content_version", titrate_rules_get_content_version (rules));
  add_string (b, "content_date", titrate_rules_get_content_date (rules));
  add_string (b, "origin", titrate_rules_get_origin (rules));
  json_builder_end_object (b);
}

/* Commands */

static int
cmd_check (const char *path)
{
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  TitrateRenal renal;
  TitrateLimit limit;
  const char *unit;
  guint counts[TITRATE_N_SEVERITIES] = { 0 };

  if ((doc = open_document (path)) == NULL)
    return EXIT_INVALID;
  if ((rules = open_rules ()) == NULL)
    return EXIT_RULES;

  alerts = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);
  if (alerts == NULL)
    {
      g_printerr ("titrate-cli: %s\n", error->message);
      return EXIT_RULES;
    }

  titrate_patient_get_renal (doc->patient, &renal);
  titrate_check_applicable_limit (rules, doc->patient, doc->regimen, &limit);
  unit = titrate_route_unit (doc->regimen->route);

  json_builder_begin_object (b);
  add_rules_info (b, rules);

  json_builder_set_member_name (b, "patient");
  json_builder_begin_object (b);
  add_number (b, "crcl_ml_min", titrate_renal_estimate_shown (renal.crcl_ml_min, renal.crcl_basis), 0.001);
  add_string (b, "crcl_basis", titrate_renal_basis_to_string (renal.crcl_basis));
  if (renal.crcl_note)
    add_string (b, "crcl_note", renal.crcl_note);
  add_number (b, "egfr_ml_min_1_73m2", titrate_renal_estimate_shown (renal.egfr_ml_min_1_73m2, renal.egfr_basis), 0.001);
  add_string (b, "egfr_basis", titrate_renal_basis_to_string (renal.egfr_basis));
  if (renal.egfr_note)
    add_string (b, "egfr_note", renal.egfr_note);
  json_builder_end_object (b);

  /* Extension (compatible): the applicable maximum, unit in the key. */
  json_builder_set_member_name (b, "limit");
  json_builder_begin_object (b);
  {
    g_autofree char *key = g_strdup_printf ("max_daily_%s", unit);
    add_number (b, key, limit.max_daily, 0.01);
  }
  add_string (b, "rule", limit.rule_code);
  add_number (b, "renal_factor", limit.renal_factor, 0.001);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "alerts");
  json_builder_begin_array (b);
  for (guint i = 0; i < alerts->len; i++)
    {
      TitrateAlert *a = g_ptr_array_index (alerts, i);
      const TitrateAcknowledgement *ack = titrate_document_find_acknowledgement (doc, a);

      counts[a->severity]++;
      json_builder_begin_object (b);
      add_string (b, "code", a->code);
      add_string (b, "category", titrate_category_to_string (a->category));
      add_string (b, "severity", titrate_severity_to_string (a->severity));
      add_string (b, "title", a->title);
      add_string (b, "reason", a->reason);
      add_string (b, "trigger", a->trigger);
      add_string (b, "action", a->action);
      add_string (b, "source", a->source);
      add_string (b, "evidence", a->evidence);
      if (a->day > 0)
        {
          add_number (b, "day", a->day, 1);
          if (g_date_valid (&doc->regimen->start_date))
            {
              GDate date = doc->regimen->start_date;
              char buf[16];

              g_date_add_days (&date, (guint) a->day - 1);
              g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
              add_string (b, "date", buf);
            }
        }
      else
        {
          json_builder_set_member_name (b, "day");
          json_builder_add_null_value (b);
        }
      if (ack != NULL)
        add_string (b, "acknowledged", ack->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  for (int s = TITRATE_N_SEVERITIES - 1; s >= 0; s--)
    add_number (b, titrate_severity_to_string (s), counts[s], 1);
  json_builder_end_object (b);

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  print_json (root);
  return EXIT_CHECKED;
}

static char *
format_units (double units)
{
  double whole;
  double frac;

  if (isnan (units))
    return g_strdup ("");
  whole = floor (units + 1e-9);
  frac = units - whole;
  if (fabs (frac) < 1e-9)
    return titrate_format_amount_display (whole);
  if (fabs (frac - 0.5) < 1e-9)
    return whole > 0 ? g_strdup_printf ("%g½", whole) : g_strdup ("½");
  return titrate_format_amount_display (units);
}

static int
print_table (TitrateRules    *rules,
             TitrateDocument *doc)
{
  const TitrateRegimen *r = doc->regimen;
  g_autoptr(GArray) days = titrate_planner_expand (rules, r, titrate_planner_horizon (r));
  g_autofree char *unit_name = titrate_planner_unit_name (rules, r);
  const char *unit = titrate_route_unit (r->route);
  gboolean liquid = unit_name != NULL && g_str_has_prefix (unit_name, "mL");

  g_print (_("Baclofen, %s (%s)%s%s\n"), titrate_route_to_label (r->route), unit,
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

  if (opt_table)
    {
      g_autoptr(TitrateRules) rules = open_rules ();

      if (rules == NULL)
        return EXIT_RULES;
      return print_table (rules, doc);
    }

  root = titrate_document_to_json (doc);
  print_json (root);
  return EXIT_CHECKED;
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
  g_print (_("  origin:          %s\n"), titrate_rules_get_origin (rules));
  g_print (_("  schema version:  %d\n"), titrate_rules_get_schema_version (rules));
  g_print (_("  content version: %s (%s)\n"), titrate_rules_get_content_version (rules),
           titrate_rules_get_content_date (rules));

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
      g_print ("  %-22s [%s] %s\n", s->key, s->kind, s->citation);
    }
  return EXIT_CHECKED;
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
    g_print (_("No comedication name matches “%s”; it would be reported as not checked.\n"), term);
  for (guint i = 0; i < found->len; i++)
    {
      const TitrateDrugName *n = g_ptr_array_index (found, i);
      g_print ("%-28s %-8s → %-24s %s\n", n->name, n->kind, n->drug->code, n->drug->class_label);
    }
  return EXIT_CHECKED;
}

/* Paper size from --paper, else from the locale (glibc's LC_PAPER: US
 * Letter is 216 × 279 mm), else A4. */
static gboolean
paper_size (double *width,
            double *height)
{
  if (opt_paper == NULL)
    {
#if defined(__GLIBC__)
      union { unsigned int word; char *string; } langinfo;

      langinfo.string = nl_langinfo (_NL_PAPER_HEIGHT);
      if (langinfo.word == 279)
        {
          *width = TITRATE_PAPER_LETTER_WIDTH;
          *height = TITRATE_PAPER_LETTER_HEIGHT;
          return TRUE;
        }
#endif
      *width = TITRATE_PAPER_A4_WIDTH;
      *height = TITRATE_PAPER_A4_HEIGHT;
      return TRUE;
    }
  if (g_ascii_strcasecmp (opt_paper, "a4") == 0)
    {
      *width = TITRATE_PAPER_A4_WIDTH;
      *height = TITRATE_PAPER_A4_HEIGHT;
      return TRUE;
    }
  if (g_ascii_strcasecmp (opt_paper, "letter") == 0)
    {
      *width = TITRATE_PAPER_LETTER_WIDTH;
      *height = TITRATE_PAPER_LETTER_HEIGHT;
      return TRUE;
    }
  g_printerr (_("titrate-cli: --paper: must be a4 or letter (got “%s”)\n"), opt_paper);
  return FALSE;
}

/* `scenario FILE`: a teaching scenario's expected findings, and whether the
 * checker with the current rules still raises each one (for instructors
 * re-validating scenarios after a rules update). */
static int
cmd_scenario (const char *path)
{
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(TitrateScenario) scenario = NULL;
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

  alerts = titrate_check (rules, doc->patient, doc->regimen, doc->comedications, &error);
  if (alerts == NULL)
    {
      g_printerr ("titrate-cli: %s\n", error->message);
      return EXIT_RULES;
    }

  json_builder_begin_object (b);
  add_rules_info (b, rules);
  add_string (b, "title", scenario->title);

  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < scenario->findings->len; i++)
    {
      const TitrateFinding *f = g_ptr_array_index (scenario->findings, i);
      gboolean raised = FALSE;

      json_builder_begin_object (b);
      add_string (b, "id", f->id);
      add_string (b, "category", titrate_category_to_string (f->category));
      add_string (b, "min_severity", titrate_severity_to_string (f->min_severity));
      add_string (b, "code", f->code);
      if (f->day_from > 0)
        {
          add_number (b, "day_from", f->day_from, 1);
          add_number (b, "day_to", f->day_to, 1);
        }
      add_string (b, "label", f->label);
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
  add_number (b, "required", n_required, 1);
  add_number (b, "raised", n_raised, 1);
  json_builder_set_member_name (b, "all_raised");
  json_builder_add_boolean_value (b, n_raised == n_required);
  json_builder_end_object (b);

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  print_json (root);
  return n_raised == n_required ? EXIT_CHECKED : EXIT_NOT_RAISED;
}

static int
cmd_export (const char *path)
{
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *out;
  guint n_formats = (opt_pdf != NULL) + (opt_ics != NULL) + (opt_csv != NULL);
  double width = 0;
  double height = 0;

  /* Arguments first: a mistake here must not leave a file behind either. */
  if (n_formats != 1)
    {
      g_printerr (_("titrate-cli: export needs exactly one of --pdf OUT, --ics OUT or --csv OUT\n"));
      return EXIT_INVALID;
    }
  if ((opt_handout || opt_summary || opt_paper != NULL) && opt_pdf == NULL)
    {
      g_printerr (_("titrate-cli: --handout, --summary and --paper apply to --pdf only\n"));
      return EXIT_INVALID;
    }
  if (opt_per_day && opt_ics == NULL)
    {
      g_printerr (_("titrate-cli: --per-day applies to --ics only\n"));
      return EXIT_INVALID;
    }
  out = opt_pdf ? opt_pdf : opt_ics ? opt_ics : opt_csv;
  if (*out == '\0')
    {
      g_printerr (_("titrate-cli: %s: the output file name is empty\n"), opt_pdf ? "--pdf" : opt_ics ? "--ics" : "--csv");
      return EXIT_INVALID;
    }
  if (opt_pdf != NULL && !paper_size (&width, &height))
    return EXIT_INVALID;

  if ((doc = open_document (path)) == NULL)
    return EXIT_INVALID;
  if ((rules = open_rules ()) == NULL)
    return EXIT_RULES;

  if (opt_csv != NULL)
    {
      if (!titrate_csv_export (rules, doc, opt_csv, &error))
        goto failed;
      g_print (_("%s: day-by-day calendar (CSV)\n"), opt_csv);
    }
  else if (opt_ics != NULL)
    {
      TitrateIcsOptions options;

      titrate_ics_options_init (&options);
      options.mode = opt_per_day ? TITRATE_ICS_PER_DAY : TITRATE_ICS_PER_ADMINISTRATION;
      if (!titrate_ics_export (rules, doc, &options, opt_ics, &error))
        goto failed;
      g_print (_("%s: calendar reminders (iCalendar, %s)\n"), opt_ics,
               opt_per_day ? _("one per day") : _("one per dose"));
    }
  else
    {
      g_autoptr(TitrateReport) handout = NULL;
      g_autoptr(TitrateReport) summary_report = NULL;
      TitrateReport *reports[2];
      guint n = 0;
      int pages = 0;

      if (opt_handout || !opt_summary)
        {
          if ((handout = titrate_report_new (rules, doc, TITRATE_REPORT_HANDOUT, width, height, &error)) == NULL)
            goto failed;
          reports[n++] = handout;
        }
      if (opt_summary)
        {
          if ((summary_report = titrate_report_new (rules, doc, TITRATE_REPORT_SUMMARY, width, height, &error)) == NULL)
            goto failed;
          reports[n++] = summary_report;
        }
      for (guint i = 0; i < n; i++)
        pages += titrate_report_get_n_pages (reports[i]);
      if (!titrate_report_export_pdf_many (reports, n, opt_pdf, &error))
        goto failed;
      g_print (_("%s: %s, %d pages\n"), opt_pdf,
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
  g_printerr (_("titrate-cli: %s: %s\nNothing was written.\n"), error->domain == TITRATE_ERROR ? path : out,
              error->message);
  return EXIT_INVALID;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  textdomain (GETTEXT_PACKAGE);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  context = g_option_context_new (_("COMMAND [ARGUMENT] — baclofen regimen checks"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(summary));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("titrate-cli: %s\n", error->message);
      return EXIT_INVALID;
    }
  if (opt_version)
    {
      g_print ("titrate-cli %s\n", PACKAGE_VERSION);
      return EXIT_CHECKED;
    }
  if (argc < 2)
    {
      g_printerr (_("titrate-cli: no command given (check, plan, rules, drugs or export); see --help\n"));
      return EXIT_INVALID;
    }

  command = argv[1];
  if (strcmp (command, "rules") == 0 && argc == 2)
    return cmd_rules ();
  if (strcmp (command, "check") == 0 && argc == 3)
    return cmd_check (argv[2]);
  if (strcmp (command, "plan") == 0 && argc == 3)
    return cmd_plan (argv[2]);
  if (strcmp (command, "drugs") == 0 && argc == 3)
    return cmd_drugs (argv[2]);
  if (strcmp (command, "export") == 0 && argc == 3)
    return cmd_export (argv[2]);
  if (strcmp (command, "scenario") == 0 && argc == 3)
    return cmd_scenario (argv[2]);

  if (strcmp (command, "check") == 0 || strcmp (command, "plan") == 0 || strcmp (command, "drugs") == 0 ||
      strcmp (command, "export") == 0 || strcmp (command, "scenario") == 0)
    g_printerr (_("titrate-cli: %s takes exactly one argument (%s)\n"), command,
                strcmp (command, "drugs") == 0 ? "TERM" : "FILE");
  else
    g_printerr (_("titrate-cli: unknown command “%s” (check, plan, rules, drugs or export); see --help\n"), command);
  return EXIT_INVALID;
}
