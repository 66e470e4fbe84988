/* test-pump-section.c — the app's Pump section and pump marks (needs a display)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As a prescriber would: open the late-refill example, see the major alert,
 * move the refill appointment to the refill-by date and see it go, type a
 * bad date and keep the last valid one, switch the pump off.
 */

#include "config.h"

#include <string.h>

#include "titrate-alert-item.h"
#include "titrate-application.h"
#include "titrate-number-row.h"
#include "titrate-pump-marks.h"
#include "titrate-pump-section.h"
#include "titrate-session.h"

static void
iterate (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gpointer
child (gpointer    widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), TITRATE_TYPE_PUMP_SECTION, name);

  g_assert_nonnull (object);
  return object;
}

/* Types a date into a row and commits it (Enter), as a prescriber would. */
static void
commit_date (gpointer    row,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

static guint
count_code (TitrateSession *session,
            const char     *prefix,
            TitrateSeverity *severity)
{
  GListModel *alerts = titrate_session_get_alerts (session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (alerts, i);
      TitrateAlert *a = titrate_alert_item_get_alert (item);

      if (g_str_has_prefix (a->code, prefix))
        {
          n++;
          if (severity != NULL)
            *severity = a->severity;
        }
    }
  return n;
}

static void
test_section (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TitrateRules) rules = titrate_rules_new_embedded (&error);
  g_autoptr(TitrateSession) session = titrate_session_new (rules, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "intrathecal-pump-late-refill.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *section;
  TitrateSeverity severity = TITRATE_SEVERITY_INFO;
  GDate date;

  g_assert_no_error (error);
  section = titrate_pump_section_new (session);
  gtk_window_set_child (GTK_WINDOW (window), section);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  g_assert_true (titrate_session_load_file (session, file, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_true (gtk_widget_get_visible (section));
  g_assert_true (adw_expander_row_get_enable_expansion (child (section, "pump_row")));
  g_assert_cmpstr (gtk_editable_get_text (child (section, "next_date_row")), ==, "2027-01-26");
  g_assert_cmpfloat (titrate_number_row_get_value (child (section, "alarm_row")), ==, 2);
  g_assert_cmpuint (count_code (session, "pump.refill.", &severity), ==, 1);
  g_assert_cmpint (severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_nonnull (strstr (gtk_label_get_text (child (section, "status_label")), "refill by Mon 18 Jan 2027"));

  /* On the refill-by date: no refill alert. A day later: moderate. */
  commit_date (child (section, "next_date_row"), "2027-01-18");
  iterate ();
  g_assert_cmpuint (count_code (session, "pump.refill.", NULL), ==, 0);
  commit_date (child (section, "next_date_row"), "2027-01-19");
  iterate ();
  g_assert_cmpuint (count_code (session, "pump.refill.", &severity), ==, 1);
  g_assert_cmpint (severity, ==, TITRATE_SEVERITY_MODERATE);

  /* A bad date is shown and refused; the plan keeps 2027-01-19. (Typed
   * over the end of the field: "2027-01-19" becomes "2027-01-190".) */
  {
    int position = -1;

    gtk_editable_insert_text (child (section, "next_date_row"), "0", 1, &position);
    g_signal_emit_by_name (child (section, "next_date_row"), "entry-activated");
  }
  iterate ();
  g_assert_true (gtk_widget_get_visible (child (section, "error_label")));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 19, G_DATE_JANUARY, 2027);
  g_assert_cmpint (g_date_compare (&titrate_session_get_regimen (session)->pump->next_refill_date, &date), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (child (section, "next_date_row")), ==, "2027-01-190");

  /* A refill volume above the 20 mL reservoir: refused with the field named. */
  commit_date (child (section, "next_date_row"), "2027-01-19");
  gtk_editable_set_text (titrate_number_row_get_entry (child (section, "volume_row")), "25");
  titrate_number_row_commit (child (section, "volume_row"));
  iterate ();
  g_assert_true (gtk_widget_get_visible (child (section, "error_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (child (section, "error_label")), "volume_ml"));
  gtk_editable_set_text (titrate_number_row_get_entry (child (section, "volume_row")), "20");
  titrate_number_row_commit (child (section, "volume_row"));
  iterate ();
  g_assert_false (gtk_widget_get_visible (child (section, "error_label")));

  /* The strength changes to 1000 mcg/mL: the pump still holds 500. The
   * section says so; entering a later refill records it at the new
   * strength and keeps the old one (bridge bolus). */
  {
    g_autoptr(TitrateRegimen) regimen = titrate_regimen_copy (titrate_session_get_regimen (session));

    regimen->concentration_mcg_per_ml = 1000;
    g_assert_true (titrate_session_set_regimen (session, regimen, NULL));
  }
  iterate ();
  g_assert_true (gtk_widget_get_visible (child (section, "error_label")));
  g_assert_cmpuint (count_code (session, "pump.inconsistent", NULL), ==, 1);
  commit_date (child (section, "refill_date_row"), "2027-01-11");
  iterate ();
  g_assert_false (gtk_widget_get_visible (child (section, "error_label")));
  g_assert_cmpuint (titrate_session_get_regimen (session)->pump->refills->len, ==, 3);
  g_assert_cmpuint (count_code (session, "pump.inconsistent", NULL), ==, 0);
  g_assert_cmpuint (count_code (session, "pump.bridge_bolus", NULL), ==, 1);
  /* Back to the example's refill for the marks below. */
  {
    g_autoptr(TitrateRegimen) regimen = titrate_regimen_copy (titrate_session_get_regimen (session));

    regimen->concentration_mcg_per_ml = 500;
    g_array_set_size (regimen->pump->refills, 2);
    g_assert_true (titrate_session_set_regimen (session, regimen, NULL));
  }
  iterate ();

  /* The calendar's marks: the alarm day says so. */
  {
    GtkWidget *cell = gtk_button_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *mark;

    g_object_ref_sink (cell);
    gtk_button_set_child (GTK_BUTTON (cell), box);
    g_date_set_dmy (&date, 25, G_DATE_JANUARY, 2027);
    titrate_pump_marks_apply_to_cell (cell, session, &date);
    mark = gtk_widget_get_last_child (box);
    g_assert_true (GTK_IS_LABEL (mark));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (mark)), "alarm"));
    g_date_set_dmy (&date, 18, G_DATE_JANUARY, 2027);
    titrate_pump_marks_apply_to_cell (cell, session, &date);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (mark)), "refill-by"));
    g_date_set_dmy (&date, 12, G_DATE_JANUARY, 2027);
    titrate_pump_marks_apply_to_cell (cell, session, &date);
    g_assert_false (gtk_widget_get_visible (mark));
    g_object_unref (cell);
  }

  /* The margin preference moves the refill-by date and re-checks at once. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.titrate.Titrate");

    commit_date (child (section, "next_date_row"), "2027-01-20");
    iterate ();
    g_assert_cmpuint (count_code (session, "pump.refill.after_refill_by", NULL), ==, 1);
    titrate_pump_marks_bind_settings (settings);
    g_settings_set_int (settings, "pump-margin-days", 3);
    iterate ();
    g_date_set_dmy (&date, 22, G_DATE_JANUARY, 2027);
    g_assert_cmpint (g_date_compare (&titrate_pump_marks_get_plan (session)->refill_by_date, &date), ==, 0);
    g_assert_cmpuint (count_code (session, "pump.refill.", NULL), ==, 0);
    g_settings_set_int (settings, "pump-margin-days", -1);
    iterate ();
    g_assert_cmpint (titrate_pump_get_margin_override (), ==, -1);
    g_assert_cmpuint (count_code (session, "pump.refill.after_refill_by", NULL), ==, 1);
  }

  /* Pump off: no pump, no pump alerts. */
  adw_expander_row_set_enable_expansion (child (section, "pump_row"), FALSE);
  iterate ();
  g_assert_null (titrate_session_get_regimen (session)->pump);
  g_assert_cmpuint (count_code (session, "pump.", NULL), ==, 0);

  /* On again: a new pump with nothing recorded says what is missing. */
  adw_expander_row_set_enable_expansion (child (section, "pump_row"), TRUE);
  iterate ();
  g_assert_nonnull (titrate_session_get_regimen (session)->pump);
  g_assert_cmpstr (titrate_session_get_regimen (session)->pump->model, ==, "synchromed_ii_20");
  g_assert_cmpuint (count_code (session, "pump.not_planned", NULL), ==, 1);
  g_assert_cmpuint (count_code (session, "pump.next_refill_missing", NULL), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  titrate_application_ensure_resources ();
  g_test_add_func ("/pump-section/edit", test_section);
  return g_test_run ();
}
