/* check-document.c — checks .titrate documents with libtitrate
 *
 * A small program an integrator can start from: it links the installed
 * library through pkg-config,
 *
 *   cc check-document.c $(pkg-config --cflags --libs titrate-1) -o check-document
 *
 * loads each document, checks it through a TitratePlan with the rules
 * database embedded in the library and prints every alert with what the prescriber needs to judge it:
 * severity, category, title, the patient value that fired it, reason,
 * action and source.
 *
 * Exit status: 0 checked (alerts or not), 2 a document could not be read,
 * 3 the rules database is unusable (nothing was checked).
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include <titrate.h>

static int
check_one (TitrateRules *rules,
           const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(TitratePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *alerts;
  guint n_alerts;

  doc = titrate_document_load_from_file (file, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "check-document: %s: %s\n", path, error->message);
      return 2;
    }

  /* A document may write an oral plan as a protocol (start dose, step,
   * target): the checker reads steps, so expand it first. */
  if (!titrate_regimen_expand_protocol (doc->regimen, &error))
    {
      fprintf (stderr, "check-document: %s: %s\n", path, error->message);
      return 2;
    }

  /* An intrathecal pump is checked against its model in the database. */
  if (doc->regimen->pump != NULL &&
      !titrate_pump_validate_with_rules (doc->regimen->pump, doc->regimen, rules, &error))
    {
      fprintf (stderr, "check-document: %s: %s\n", path, error->message);
      return 2;
    }

  /* The plan takes the document and checks it: the alerts come most
   * severe first, as `titrate-cli check` prints them (titrate_plan_to_json()
   * gives that very JSON). */
  plan = titrate_plan_new_for_document (rules, g_steal_pointer (&doc));
  if (!titrate_plan_get_checked (plan))
    {
      /* Never "no alerts": checking was impossible. */
      fprintf (stderr, "check-document: %s: not checked: %s\n", path,
               titrate_plan_get_error (plan)->message);
      return 3;
    }

  alerts = titrate_plan_get_alerts (plan);
  n_alerts = g_list_model_get_n_items (alerts);
  if (n_alerts == 0)
    printf ("%s: checked, no alerts\n", path);
  else if (n_alerts == 1)
    printf ("%s: 1 alert\n", path);
  else
    printf ("%s: %u alerts\n", path, n_alerts);

  for (guint i = 0; i < n_alerts; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (alerts, i);
      const TitrateAlert *alert = titrate_alert_item_get_alert (item);
      const char *trigger = titrate_alert_get_trigger (alert);

      printf ("  [%s] %s: %s (%s)\n",
              titrate_severity_to_string (titrate_alert_get_severity (alert)),
              titrate_category_to_string (titrate_alert_get_category (alert)),
              titrate_alert_get_title (alert), titrate_alert_get_code (alert));
      if (trigger != NULL)
        printf ("    value:  %s\n", trigger);
      printf ("    reason: %s\n", titrate_alert_get_reason (alert));
      printf ("    action: %s\n", titrate_alert_get_action (alert));
      printf ("    source: %s\n", titrate_alert_get_source (alert));
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TitrateRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s DOCUMENT.titrate…\n", argv[0]);
      return 2;
    }

  printf ("libtitrate %s\n", TITRATE_VERSION_S);

  rules = titrate_rules_new_embedded (&error);
  if (rules == NULL)
    {
      fprintf (stderr, "check-document: the rules database is unusable: %s\n", error->message);
      return 3;
    }
  printf ("rules: %s %s (%s)\n", titrate_rules_get_title (rules),
          titrate_rules_get_content_version (rules), titrate_rules_get_content_date (rules));

  for (int i = 1; i < argc; i++)
    {
      int one = check_one (rules, argv[i]);

      if (one > status)
        status = one;
    }
  return status;
}
