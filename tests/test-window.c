/* test-window.c — widget tests of the desktop app (needs a display: Xvfb)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the real window and drives the real widgets the way a prescriber
 * does (typing, choosing, activating), then asserts what the prescriber
 * would see: alert rows, calendar cells, field errors, the blocking page.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sqlite3.h>

#include "titrate-alert-list.h"
#include "titrate-application.h"
#include "titrate-calendar-view.h"
#include "titrate-dose-chart.h"
#include "titrate-number-row.h"
#include "titrate-patient-form.h"
#include "titrate-preferences-window.h"
#include "titrate-pump-section.h"
#include "titrate-regimen-form.h"
#include "titrate-schedule-view.h"
#include "titrate-start-memory.h"
#include "titrate-state-dir.h"
#include "titrate-step-dialog.h"
#include "titrate-test-gtk.h"
#include "titrate-test-util.h"
#include "titrate-ui-utils.h"
#include "titrate-verdict-bar.h"
#include "titrate-window.h"
#include "titrate-alert-item.h"
#include <glib/gi18n.h>

static TitrateApplication *app;

/* Helpers */


static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

#define WIN(win, name)     child ((win), TITRATE_TYPE_WINDOW, (name))
#define PLAN(win, name)    child (titrate_window_get_plan_view (win), TITRATE_TYPE_PLAN_VIEW, (name))
#define PATIENT(win, name) child (PLAN ((win), "patient_form"), TITRATE_TYPE_PATIENT_FORM, (name))
#define REGIMEN(win, name) child (PLAN ((win), "regimen_form"), TITRATE_TYPE_REGIMEN_FORM, (name))

static GtkWindow *find_toplevel (GType type);
static void       settle        (GtkWidget *window);

static TitrateWindow *
new_window (void)
{
  TitrateWindow *win = titrate_application_new_window (app);

  gtk_window_present (GTK_WINDOW (win));
  pump ();
  return win;
}

static void
close_window (TitrateWindow *win)
{
  g_object_ref (win);
  gtk_window_destroy (GTK_WINDOW (win));
  pump ();
  g_assert_finalize_object (win);
}

/* Number fields apply what is typed on Enter (or focus leaving). */
static void
commit (GtkEditable *editable)
{
  if (GTK_IS_ENTRY (editable))
    g_signal_emit_by_name (editable, "activate");
  pump ();
}

/* Types like a person, one character at a time, without Enter. */
static void
type_only (GtkEditable *editable,
           const char  *text)
{
  gtk_editable_set_text (editable, "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &position);
      pump ();
    }
}

/* Types, then presses Enter. */
static void
type_text (GtkEditable *editable,
           const char  *text)
{
  type_only (editable, text);
  commit (editable);
}

/* Selects everything and types over it: one edit, then Enter. */
static void
replace_text (GtkEditable *editable,
              const char  *text)
{
  gtk_editable_set_text (editable, text);
  commit (editable);
}

static void
type_number (TitrateWindow *win,
             const char    *row,
             const char    *text)
{
  type_text (titrate_number_row_get_entry (PATIENT (win, row)), text);
}

static TitrateAlertRow *
find_alert_row (TitrateWindow *win,
                const char    *title)
{
  TitrateAlertList *list = PLAN (win, "alert_list");
  TitrateAlertRow *row;

  for (guint i = 0; (row = titrate_alert_list_get_row (list, i)) != NULL; i++)
    if (g_strcmp0 (titrate_alert_row_get_title (row), title) == 0)
      return row;
  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_alert_code (TitrateWindow *win,
                const char    *code)
{
  TitrateAlertList *list = PLAN (win, "alert_list");
  TitrateAlertRow *row;

  for (guint i = 0; (row = titrate_alert_list_get_row (list, i)) != NULL; i++)
    if (g_strcmp0 (titrate_alert_item_get_code (titrate_alert_row_get_item (row)), code) == 0)
      return TRUE;
  return FALSE;
}

static TitrateDayCell *
cell_for (TitrateWindow *win,
          int            day,
          GDateMonth     month,
          int            year)
{
  GDate date;
  TitrateDayCell *cell;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, month, (GDateYear) year);
  cell = titrate_calendar_view_get_cell (PLAN (win, "calendar_view"), &date);
  g_assert_nonnull (cell);
  return cell;
}

static void
open_example (TitrateWindow *win,
              const char    *name)
{
  g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string (name));

  /* Through the action the Examples menu uses. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "open-example", target);
  pump ();
}

static void
assert_sorted_by_severity (TitrateWindow *win)
{
  TitrateAlertList *list = PLAN (win, "alert_list");
  TitrateAlertRow *row;
  int previous = TITRATE_SEVERITY_CONTRAINDICATED + 1;

  for (guint i = 0; (row = titrate_alert_list_get_row (list, i)) != NULL; i++)
    {
      int severity = titrate_alert_item_get_severity (titrate_alert_row_get_item (row));

      g_assert_cmpint (severity, <=, previous);
      previous = severity;
      /* The severity is written out, not only coloured. */
      g_assert_cmpstr (titrate_alert_row_get_severity_text (row), !=, "");
    }
}

/* Tests */

static gboolean
redraw_every_frame_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Waits (at most @ms) for the memory freed while a window started to be
 * given back; returns how many times it was, since @before. */
static guint
wait_for_trims (guint before,
                int   ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (_titrate_start_memory_get_n_trims () == before && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  return _titrate_start_memory_get_n_trims () - before;
}

/* The memory a window frees while it starts is given back once it has
 * stopped drawing, once per window; a window that never stops drawing
 * (an animation, a blinking cursor) gets it back 2 s after its first frame. */
static void
test_start_memory (void)
{
  guint before = _titrate_start_memory_get_n_trims ();
  TitrateWindow *win = new_window ();
  guint tick;

  settle (GTK_WIDGET (win));
  g_assert_cmpuint (wait_for_trims (before, 3000), ==, 1);
  /* Later frames do not give it back again. */
  gtk_widget_queue_draw (GTK_WIDGET (win));
  settle (GTK_WIDGET (win));
  g_assert_cmpuint (wait_for_trims (before + 1, 600), ==, 0);
  close_window (win);

  before = _titrate_start_memory_get_n_trims ();
  win = titrate_application_new_window (app);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (win), redraw_every_frame_cb, NULL, NULL);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_cmpuint (wait_for_trims (before, 1000), ==, 0);   /* still drawing */
  g_assert_cmpuint (wait_for_trims (before, 3000), ==, 1);   /* the 2 s cap */
  gtk_widget_remove_tick_callback (GTK_WIDGET (win), tick);
  close_window (win);

  /* A window closed before it settles stops the watch cleanly (its
   * surface's frame clock is disposed with it): no trim, no warning. */
  before = _titrate_start_memory_get_n_trims ();
  win = titrate_application_new_window (app);
  gtk_window_present (GTK_WINDOW (win));
  settle (GTK_WIDGET (win));   /* drawn, not yet quiet for 300 ms */
  close_window (win);
  g_assert_cmpuint (wait_for_trims (before, 1000), ==, 0);
}

static void
test_new_window (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);

  g_assert_false (titrate_window_get_blocked (win));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WIN (win, "main_stack")), ==, "plan");
  g_assert_true (titrate_session_get_checked (session));
  /* A new plan is checked too: the missing age is said, not ignored. */
  g_assert_true (has_alert_code (win, "input.age_missing"));
  g_assert_cmpstr (titrate_alert_list_get_visible_page (PLAN (win, "alert_list")), ==, "list");
  close_window (win);
}

/* The header's menus are made when first opened, and then hold the
 * examples and the main menu's items. */
static void
test_menus_on_demand (void)
{
  TitrateWindow *win = new_window ();
  GtkMenuButton *examples = WIN (win, "examples_button");
  GtkMenuButton *menu = WIN (win, "menu_button");
  GMenuModel *model;

  g_assert_null (gtk_menu_button_get_popover (examples));
  gtk_menu_button_popup (examples);
  model = gtk_menu_button_get_menu_model (examples);
  g_assert_nonnull (model);
  g_assert_nonnull (gtk_menu_button_get_popover (examples));
  g_assert_cmpint (g_menu_model_get_n_items (model), >, 0);
  gtk_menu_button_popdown (examples);

  gtk_menu_button_popup (menu);
  g_assert_nonnull (gtk_menu_button_get_menu_model (menu));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (menu)), >, 0);
  gtk_menu_button_popdown (menu);
  close_window (win);
}

static void
test_patient_entry (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  AdwEntryRow *comedication = PATIENT (win, "comedication_entry");
  GtkListBox *suggestions = PATIENT (win, "suggestion_list");
  GtkListBox *comedications = PATIENT (win, "comedication_list");
  TitrateAlertRow *row;
  TitrateDayCell *cell;
  GDate start;
  gboolean found = FALSE;

  type_number (win, "age_row", "78");
  type_number (win, "weight_row", "55");
  adw_combo_row_set_selected (PATIENT (win, "sex_row"), 1);   /* Female */
  type_number (win, "creatinine_row", "1.3");
  pump ();

  g_assert_cmpfloat (titrate_session_get_patient (session)->age_years, ==, 78);
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 55);
  g_assert_cmpint (titrate_session_get_patient (session)->sex, ==, TITRATE_SEX_FEMALE);
  g_assert_cmpfloat_with_epsilon (titrate_session_get_patient (session)->serum_creatinine, 1.3, 1e-9);
  g_assert_false (has_alert_code (win, "input.age_missing"));

  /* Search as you type, then Enter adds it. */
  type_text (GTK_EDITABLE (comedication), "loraz");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
  for (int i = 0; gtk_list_box_get_row_at_index (suggestions, i) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (suggestions, i))),
                   "lorazepam") == 0)
      found = TRUE;
  g_assert_true (found);
  type_text (GTK_EDITABLE (comedication), "lorazepam");
  g_signal_emit_by_name (comedication, "entry-activated");
  pump ();
  g_assert_cmpuint (titrate_session_get_comedications (session)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titrate_session_get_comedications (session), 0), ==, "lorazepam");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (comedication)), ==, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (comedications)));

  /* Pick a route: intrathecal, and every dose unit says mcg; then oral.
   * The pump's section is made when the plan first becomes intrathecal,
   * shown then, and hidden again for an oral plan. */
  g_assert_null (find_by_type (GTK_WIDGET (PLAN (win, "regimen_form")), TITRATE_TYPE_PUMP_SECTION));
  adw_combo_row_set_selected (REGIMEN (win, "route_row"), 1);
  pump ();
  g_assert_cmpint (titrate_session_get_regimen (session)->route, ==, TITRATE_ROUTE_INTRATHECAL);
  g_assert_nonnull (find_by_type (GTK_WIDGET (PLAN (win, "regimen_form")), TITRATE_TYPE_PUMP_SECTION));
  g_assert_true (gtk_widget_get_visible (find_by_type (GTK_WIDGET (PLAN (win, "regimen_form")), TITRATE_TYPE_PUMP_SECTION)));
  {
    TitrateStep step = { .day = 1, .n_doses = 0, .daily_mcg = 100, .bolus_mcg = NAN };

    g_assert_true (titrate_session_replace_step (session, 0, &step, NULL));
    pump ();
    g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), 1, 3), ==, "100 mcg/day");
    g_assert_cmpstr (titrate_day_cell_get_total (cell_for (win, g_date_get_day (&titrate_session_get_regimen (session)->start_date),
                                                           g_date_get_month (&titrate_session_get_regimen (session)->start_date),
                                                           g_date_get_year (&titrate_session_get_regimen (session)->start_date))),
                     ==, "100 mcg/day");
    titrate_session_remove_step (session, 1);
  }
  g_assert_false (gtk_widget_get_visible (REGIMEN (win, "protocol_row")));
  g_assert_true (has_alert_code (win, "input.it_origin_missing"));
  adw_combo_row_set_selected (REGIMEN (win, "route_row"), 0);
  pump ();
  g_assert_cmpint (titrate_session_get_regimen (session)->route, ==, TITRATE_ROUTE_ORAL);
  g_assert_cmpstr (titrate_number_row_get_unit (REGIMEN (win, "start_dose_row")), ==, "mg/dose");
  g_assert_false (gtk_widget_get_visible (find_by_type (GTK_WIDGET (PLAN (win, "regimen_form")), TITRATE_TYPE_PUMP_SECTION)));

  /* Switching route and back kept the product: 10 mg tablets. */
  g_assert_cmpfloat (titrate_session_get_regimen (session)->strength_mg, ==, 10);

  /* "Suggested for this patient": a renally adjusted, slower protocol. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "suggest", NULL);
  pump ();
  {
    GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    if (dialog != NULL)
      g_error ("suggest refused: %s: %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
               adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  }
  g_assert_true (titrate_session_get_regimen (session)->has_protocol);
  g_assert_cmpuint (titrate_session_get_regimen (session)->steps->len, >, 1);
  g_assert_true (adw_expander_row_get_enable_expansion (REGIMEN (win, "protocol_row")));
  g_assert_true (gtk_widget_get_visible (REGIMEN (win, "notes_label")));
  /* The session keeps the suggestion applied; the form only shows it. */
  g_assert_nonnull (titrate_session_get_suggestion_notes (session));
  g_assert_cmpuint (titrate_session_get_suggestion_notes (session)->len, >, 0);
  /* The notes name the renal estimate in words, never by its code. */
  g_assert_null (strstr (gtk_label_get_text (REGIMEN (win, "notes_label")), "cockcroft_gault"));
  g_assert_null (strstr (gtk_label_get_text (REGIMEN (win, "notes_label")), "ckd_epi"));

  /* The alerts the prescriber sees: lorazepam, a major interaction. */
  row = find_alert_row (win, "Benzodiazepine: added CNS depression");
  g_assert_nonnull (row);
  g_assert_cmpstr (titrate_alert_row_get_severity_text (row), ==, "Major");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "major"));
  g_assert_true (has_alert_code (win, "elderly.beers_egfr60"));
  assert_sorted_by_severity (win);
  g_assert_nonnull (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (titrate_alert_list_get_row (PLAN (win, "alert_list"), 0))));
  g_assert_true (g_str_has_prefix (titrate_alert_list_get_summary (PLAN (win, "alert_list")), "2 major")
                 || g_str_has_prefix (titrate_alert_list_get_summary (PLAN (win, "alert_list")), "3 major"));

  /* Expanding shows reason, action and source. */
  titrate_alert_row_set_expanded (row, TRUE);
  g_assert_true (titrate_alert_row_get_expanded (row));

  /* The calendar's first day shows the suggested start with its unit. */
  start = titrate_session_get_regimen (session)->start_date;
  cell = cell_for (win, g_date_get_day (&start), g_date_get_month (&start), g_date_get_year (&start));
  g_assert_true (g_str_has_suffix (titrate_day_cell_get_total (cell), " mg/day"));
  g_assert_nonnull (strstr (titrate_day_cell_get_phase (cell), "start"));

  close_window (win);
}

static void
test_bad_field (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  TitrateNumberRow *age = PATIENT (win, "age_row");
  GtkEditable *entry = titrate_number_row_get_entry (age);
  GtkLabel *invalid = child (PLAN (win, "alert_list"), TITRATE_TYPE_ALERT_LIST, "invalid_label");

  type_text (entry, "78");
  g_assert_cmpfloat (titrate_session_get_patient (session)->age_years, ==, 78);

  replace_text (entry, "abc");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (age), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_false (titrate_number_row_get_valid (age));
  /* The message says what is accepted … */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (age)), "from 0 to 130 years"));
  /* … the model keeps its last valid value, and nothing typed is lost. */
  g_assert_cmpfloat (titrate_session_get_patient (session)->age_years, ==, 78);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "abc");
  /* The alert panel says the alerts are for the last valid values. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (invalid)));
  g_assert_nonnull (strstr (gtk_label_get_text (invalid), "Age"));
  g_assert_false (titrate_window_get_can_save_final (win));

  /* Out of range is refused the same way. */
  replace_text (entry, "200");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (age), "error"));
  g_assert_cmpfloat (titrate_session_get_patient (session)->age_years, ==, 78);
  replace_text (entry, "1e3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (age), "error"));

  /* A decimal comma is a decimal separator, not an error. */
  replace_text (entry, "80,5");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (age), "error"));
  g_assert_cmpfloat (titrate_session_get_patient (session)->age_years, ==, 80.5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (invalid)));

  /* Emptied: unknown, which the checker says. */
  replace_text (entry, "");
  g_assert_true (isnan (titrate_session_get_patient (session)->age_years));
  g_assert_true (has_alert_code (win, "input.age_missing"));

  close_window (win);
}

/* Half-typed values never reach the plan; unparseable ones keep the last
 * committed value; a minus sign is refused with a message. */
static void
test_commit_on_enter (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  TitrateNumberRow *weight = PATIENT (win, "weight_row");
  TitrateNumberRow *age = PATIENT (win, "age_row");
  GtkEditable *entry = titrate_number_row_get_entry (weight);

  type_number (win, "age_row", "45");
  type_number (win, "weight_row", "70");
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 70);

  /* "1,000" typed key by key: after "1" nothing is checked as 1 kg. */
  type_only (entry, "1,000");
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 70);
  g_assert_true (titrate_number_row_get_pending (weight));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (weight), "pending"));
  /* Enter: ambiguous, refused, and 70 kg stays in force. */
  commit (entry);
  g_assert_false (titrate_number_row_get_pending (weight));
  g_assert_false (titrate_number_row_get_valid (weight));
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 70);

  /* "8a" in Age: never an 8-year-old. */
  type_text (titrate_number_row_get_entry (age), "8a");
  g_assert_false (titrate_number_row_get_valid (age));
  g_assert_cmpfloat (titrate_session_get_patient (session)->age_years, ==, 45);
  g_assert_false (has_alert_code (win, "input.weight_missing_child"));

  /* A minus sign is refused, and the row says so. */
  type_text (entry, "-5");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "5");
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 5);
  gtk_editable_set_text (entry, "");
  {
    int position = 0;

    gtk_editable_insert_text (entry, "-", 1, &position);
  }
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (weight)), "negative"));

  /* Conditions: a search narrows the list; a ticked one stays shown. */
  {
    AdwExpanderRow *conditions = PATIENT (win, "conditions_row");
    GtkWidget *search;
    guint shown = 0;

    adw_expander_row_set_expanded (conditions, TRUE);
    pump ();
    search = NULL;
    {
      /* Find the search row among the expander's descendants. */
      GtkWidget *stack[64];
      int top = 0;

      stack[top++] = GTK_WIDGET (conditions);
      while (top > 0 && search == NULL)
        {
          GtkWidget *w = stack[--top];

          if (ADW_IS_ENTRY_ROW (w) && gtk_widget_has_css_class (w, "condition-search"))
            search = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && top < 64; c = gtk_widget_get_next_sibling (c))
            stack[top++] = c;
        }
    }
    g_assert_nonnull (search);
    type_text (GTK_EDITABLE (search), "SEIZURE");
    for (GtkWidget *w = gtk_widget_get_parent (search) ? gtk_widget_get_first_child (gtk_widget_get_parent (search)) : NULL;
         w != NULL; w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_ACTION_ROW (w) && gtk_widget_get_visible (w))
        {
          shown++;
          g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "eizure"));
        }
    g_assert_cmpuint (shown, ==, 1);
  }

  /* The row itself is not a Tab stop: its entry is. */
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (weight)));
  close_window (win);
}

/* The calendar is one Tab stop with arrow keys; F6 moves between panes;
 * one shortcut brings up the alert list. */
static void
test_panes_keyboard (void)
{
  TitrateWindow *win = new_window ();
  TitrateCalendarView *calendar;
  GtkWidget *alerts;
  GtkWidget *focus;
  guint focusable = 0;
  GDate date;

  gtk_window_set_default_size (GTK_WINDOW (win), 1366, 768);
  open_example (win, "older-adult-ckd");
  settle (GTK_WIDGET (win));
  calendar = PLAN (win, "calendar_view");
  alerts = GTK_WIDGET (PLAN (win, "alert_list"));

  g_date_clear (&date, 1);
  for (int day = 1; day <= 31; day++)
    {
      g_date_set_dmy (&date, (GDateDay) day, G_DATE_JANUARY, 2027);
      if (gtk_widget_get_focusable (GTK_WIDGET (titrate_calendar_view_get_cell (calendar, &date))))
        focusable++;
    }
  g_assert_cmpuint (focusable, ==, 1);

  /* A click on a day that is not the Tab stop selects and focuses it (the
   * arrows go on from there); Right arrow: the next day is selected and
   * focused. */
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (cell_for (win, 10, G_DATE_JANUARY, 2027))));
  g_signal_emit_by_name (cell_for (win, 10, G_DATE_JANUARY, 2027), "clicked");
  pump ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cell_for (win, 10, G_DATE_JANUARY, 2027))));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (cell_for (win, 10, G_DATE_JANUARY, 2027))));
  {
    GtkEventController *keys = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (child (calendar, TITRATE_TYPE_CALENDAR_VIEW, "grid"));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (c))
          keys = c;
      }
    g_object_unref (controllers);
    g_assert_nonnull (keys);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
    g_assert_true (handled);
  }
  pump ();
  titrate_calendar_view_get_selected (calendar, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 11);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cell_for (win, 11, G_DATE_JANUARY, 2027))));
  g_assert_cmpstr (titrate_verdict_bar_get_dose (titrate_plan_view_get_verdict_bar (titrate_window_get_plan_view (win))),
                   ==, "45 mg/day");

  /* Ctrl+Shift+A's action: focus in the alert list. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-alerts", NULL);
  pump ();
  focus = gtk_root_get_focus (GTK_ROOT (win));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, alerts));

  /* F6's action: to the next pane, the form, then the plan. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "next-pane", NULL);
  pump ();
  focus = gtk_root_get_focus (GTK_ROOT (win));
  g_assert_false (gtk_widget_is_ancestor (focus, alerts));
  g_action_group_activate_action (G_ACTION_GROUP (win), "next-pane", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (win), "next-pane", NULL);
  pump ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (win)), alerts));
  close_window (win);
}


static void
assert_inside (GtkWidget  *widget,
               GtkWidget  *window,
               const char *what,
               const char *context)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (!gtk_widget_get_mapped (widget))
    g_error ("%s: %s is not shown", context, what);
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  if (bounds.origin.x < 0 || bounds.origin.y < 0 ||
      bounds.origin.x + bounds.size.width > width + 0.5 ||
      bounds.origin.y + bounds.size.height > height + 0.5)
    g_error ("%s: %s at %.0f,%.0f %.0f×%.0f is outside the %d×%d window", context, what,
             bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height, width, height);
}

/* The chart's labels (axis ticks, axis title, reference lines) never
 * overlap at the size the chart gets in this window. */
static void
assert_chart_labels_apart (TitratePlanView *plan,
                           const char      *context)
{
  AdwViewStack *views = titrate_plan_view_get_view_stack (plan);
  TitrateDoseChart *chart = titrate_plan_view_get_dose_chart (plan);
  g_autoptr(GArray) rects = NULL;
  int width, height;

  adw_view_stack_set_visible_child_name (views, "chart");
  settle (GTK_WIDGET (plan));
  width = gtk_widget_get_width (GTK_WIDGET (chart));
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_assert_cmpint (width, >, 0);
  rects = titrate_dose_chart_get_label_rects (chart, width, height);
  /* At least the axis title, two ticks on each axis and the maximum. */
  if (rects->len < 5)
    g_error ("%s: the chart at %d×%d has only %u labels", context, width, height, rects->len);
  for (guint i = 0; i < rects->len; i++)
    for (guint j = i + 1; j < rects->len; j++)
      {
        graphene_rect_t a = g_array_index (rects, graphene_rect_t, i);
        graphene_rect_t b = g_array_index (rects, graphene_rect_t, j);
        graphene_rect_t overlap;

        if (graphene_rect_intersection (&a, &b, &overlap) &&
            overlap.size.width > 0.5 && overlap.size.height > 0.5)
          g_error ("%s: chart labels %u (%.0f,%.0f %.0f×%.0f) and %u (%.0f,%.0f %.0f×%.0f) overlap at %d×%d",
                   context, i, a.origin.x, a.origin.y, a.size.width, a.size.height,
                   j, b.origin.x, b.origin.y, b.size.width, b.size.height, width, height);
      }
  adw_view_stack_set_visible_child_name (views, "calendar");
}

/* Whether the form is folded and open over the plan once a window at
 * 1024×768 has settled, on a new plan or on @example. */
static void
form_state_at_1024 (const char *example,
                    gboolean   *folded,
                    gboolean   *revealed)
{
  TitrateWindow *win = titrate_application_new_window (app);
  AdwFlap *flap;

  gtk_window_set_default_size (GTK_WINDOW (win), 1024, 768);
  gtk_window_present (GTK_WINDOW (win));
  if (example != NULL)
    open_example (win, example);
  settle (GTK_WIDGET (win));
  pump ();
  flap = titrate_plan_view_get_flap (titrate_window_get_plan_view (win));
  *folded = adw_flap_get_folded (flap);
  *revealed = adw_flap_get_reveal_flap (flap);
  close_window (win);
}

/* At 1024×768 the form is folded away behind the Patient toggle; on a new,
 * empty plan it opens over the plan (there is nothing else to do yet), and
 * once a plan exists it stays folded (window sketch, medium width). */
static void
test_form_open_on_new_plan (void)
{
  gboolean folded, revealed;

  form_state_at_1024 (NULL, &folded, &revealed);
  g_assert_true (folded);
  g_assert_true (revealed);
  form_state_at_1024 ("older-adult-ckd", &folded, &revealed);
  g_assert_true (folded);
  g_assert_false (revealed);
}

/* Every bundled example at clinic screen sizes, in English and French:
 * the window stays within the screen, and the verdict bar and the alert
 * count are inside it. */
static void
fit_examples (const char *language)
{
  const int sizes[][2] = { { 1024, 768 }, { 1366, 768 } };
  g_auto(GStrv) examples = g_resources_enumerate_children ("/io/github/titrate/Titrate/examples/", 0, NULL);

  g_assert_nonnull (examples);
  g_assert_cmpuint (g_strv_length (examples), >=, 7);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint i = 0; examples[i] != NULL; i++)
      {
        TitrateWindow *win = titrate_application_new_window (app);
        TitratePlanView *plan;
        TitrateVerdictBar *bar;
        g_autofree char *name = g_strndup (examples[i], strlen (examples[i]) - strlen (".titrate"));
        g_autofree char *context = g_strdup_printf ("%s at %d×%d in %s", name, sizes[s][0], sizes[s][1], language);

        gtk_window_set_default_size (GTK_WINDOW (win), sizes[s][0], sizes[s][1]);
        gtk_window_present (GTK_WINDOW (win));
        open_example (win, name);
        settle (GTK_WIDGET (win));

        plan = titrate_window_get_plan_view (win);
        bar = titrate_plan_view_get_verdict_bar (plan);
        /* The example's title, in the user's language. */
        {
          g_autofree char *path = g_strconcat ("/io/github/titrate/Titrate/examples/", examples[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          g_autoptr(TitrateDocument) doc = NULL;
          g_autofree char *english = NULL;
          const char *shown = titrate_session_get_title (titrate_window_get_session (win));

          g_assert_nonnull (bytes);
          doc = titrate_document_load_from_data (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL);
          g_assert_nonnull (doc);
          english = titrate_document_dup_title (doc);
          g_assert_nonnull (english);
          if (g_str_equal (language, "French") == (g_strcmp0 (shown, english) == 0))
            g_error ("%s: the title is “%s” (the example's is “%s”)", context, shown, english);
        }
        if (gtk_widget_get_width (GTK_WIDGET (win)) > sizes[s][0])
          g_error ("%s: the window is %d px wide", context, gtk_widget_get_width (GTK_WIDGET (win)));
        /* The plan's title in the header is whole (two lines at most). */
        if (pango_layout_is_ellipsized (gtk_label_get_layout (WIN (win, "title_label"))))
          g_error ("%s: the title “%s” is cut short in the header", context,
                   gtk_label_get_text (WIN (win, "title_label")));
        g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (win)), <=, sizes[s][1]);
        assert_inside (GTK_WIDGET (bar), GTK_WIDGET (win), "the verdict bar", context);
        assert_inside (titrate_verdict_bar_get_count_button (bar), GTK_WIDGET (win), "the alert count", context);
        /* The bar says something real: a dose or why there is none, a
         * maximum, and a count. */
        g_assert_cmpstr (titrate_verdict_bar_get_dose (bar), !=, "");
        g_assert_cmpstr (titrate_verdict_bar_get_maximum (bar), !=, "");
        g_assert_cmpstr (titrate_verdict_bar_get_count (bar), !=, "");
        /* The alert list is on screen beside the plan at these sizes, and
         * the calendar is not under it. */
        assert_inside (GTK_WIDGET (PLAN (win, "alert_list")), GTK_WIDGET (win), "the alert list", context);
        {
          graphene_rect_t grid, list;
          GtkWidget *calendar_grid = child (PLAN (win, "calendar_view"), TITRATE_TYPE_CALENDAR_VIEW, "grid");

          g_assert_true (gtk_widget_compute_bounds (calendar_grid, GTK_WIDGET (win), &grid));
          g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (PLAN (win, "alert_list")), GTK_WIDGET (win), &list));
          if (grid.origin.x + grid.size.width > list.origin.x + 0.5)
            g_error ("%s: the calendar (right edge %.0f) runs under the alerts (left edge %.0f)", context,
                     grid.origin.x + grid.size.width, list.origin.x);
        }
        assert_chart_labels_apart (plan, context);
        /* Reading an alert keeps the layout: expanding every alert (a long
         * reason, the acknowledgement field) neither hides the list nor
         * pushes it over the calendar. */
        {
          TitrateAlertList *list = PLAN (win, "alert_list");
          TitrateAlertRow *row;
          int mode_width = gtk_widget_get_width (GTK_WIDGET (list));

          for (guint r = 0; (row = titrate_alert_list_get_row (list, r)) != NULL; r++)
            titrate_alert_row_set_expanded (row, TRUE);
          settle (GTK_WIDGET (win));
          assert_inside (GTK_WIDGET (list), GTK_WIDGET (win), "the alert list with every alert open", context);
          if (gtk_widget_get_width (GTK_WIDGET (list)) != mode_width)
            g_error ("%s: opening every alert changed the alert list's width from %d to %d px", context,
                     mode_width, gtk_widget_get_width (GTK_WIDGET (list)));
        }
        /* The form shown over the plan (folded) is opaque: nothing of the
         * calendar shows through it. */
        {
          AdwFlap *flap = titrate_plan_view_get_flap (plan);

          if (adw_flap_get_folded (flap))
            {
              adw_flap_set_reveal_flap (flap, TRUE);
              settle (GTK_WIDGET (win));
              if (!gtk_widget_has_css_class (adw_flap_get_flap (flap), "background"))
                g_error ("%s: the folded form pane has no background", context);
              adw_flap_set_reveal_flap (flap, FALSE);
            }
        }
        close_window (win);
      }
}

static void
test_fits_screens (void)
{
  in_english_and_french (fit_examples);
}

/* The verdict bar: the selected day's dose with its unit, the maximum with
 * its basis, and the worst unacknowledged alert; quiet once acknowledged. */
static void
test_verdict_bar (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  TitrateVerdictBar *bar = titrate_plan_view_get_verdict_bar (titrate_window_get_plan_view (win));
  GtkWidget *basis = child (bar, TITRATE_TYPE_VERDICT_BAR, "basis_label");
  GtkWidget *units = child (bar, TITRATE_TYPE_VERDICT_BAR, "units_label");
  GListModel *alerts;

  /* A new, empty plan: never ready to save as final. */
  g_assert_cmpstr (titrate_verdict_bar_get_dose (bar), ==, "No doses planned yet");
  g_assert_false (titrate_window_get_can_save_final (win));
  /* No age yet: no maximum is shown as this patient's (the checker's adult
   * fallback is not the maximum for a child). */
  g_assert_cmpstr (titrate_verdict_bar_get_maximum (bar), ==, "Needs the age");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (basis)), ==, "the maximum depends on age");

  open_example (win, "older-adult-ckd");
  /* Day 1 (4 January 2027): 3 × 5 mg. */
  g_assert_cmpstr (titrate_verdict_bar_get_dose (bar), ==, "15 mg/day");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (units)), "3 × 5 mg, each ½ × 10 mg tablet"));
  /* CrCl 30.9 mL/min: the label maximum 80 mg/day halved. */
  g_assert_cmpstr (titrate_verdict_bar_get_maximum (bar), ==, "40 mg/day");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (basis)), ==, "basis: renal × 0.5");
  g_assert_true (g_str_has_prefix (titrate_verdict_bar_get_alert (bar), "Major · 2 to acknowledge"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (bar), "loud"));

  /* Selecting 10 January (day 7) shows that day. */
  g_signal_emit_by_name (cell_for (win, 10, G_DATE_JANUARY, 2027), "clicked");
  pump ();
  g_assert_cmpstr (titrate_verdict_bar_get_dose (bar), ==, "45 mg/day");

  /* Acknowledge every alert that needs it: the bar and header go quiet. */
  alerts = titrate_session_get_alerts (session);
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (alerts, i);

      if (titrate_alert_item_get_needs_acknowledgement (item))
        titrate_session_acknowledge (session, titrate_alert_item_get_code (item), "Reviewed with the renal team");
    }
  pump ();
  g_assert_true (g_str_has_prefix (titrate_verdict_bar_get_alert (bar), "2 acknowledged · ready to save as final"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (bar), "loud"));
  g_assert_cmpstr (titrate_alert_list_get_summary (PLAN (win, "alert_list")), ==, "2 acknowledged");
  g_assert_true (titrate_window_get_can_save_final (win));

  /* An edit not applied yet is said in the bar. */
  type_only (titrate_number_row_get_entry (PATIENT (win, "weight_row")), "5");
  g_assert_true (g_str_has_prefix (titrate_verdict_bar_get_alert (bar), "Edit not applied yet: Weight"));
  commit (titrate_number_row_get_entry (PATIENT (win, "weight_row")));
  g_assert_false (g_str_has_prefix (titrate_verdict_bar_get_alert (bar), "Edit not applied yet"));
  close_window (win);
}

static void
test_creatinine_unit (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  TitrateNumberRow *creatinine = PATIENT (win, "creatinine_row");
  GtkDropDown *unit = PATIENT (win, "creatinine_unit_dropdown");
  GSettings *settings = titrate_application_get_settings (app);

  type_number (win, "creatinine_row", "115");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (creatinine), "error"));   /* > 30 mg/dL */

  /* The number typed is read in the chosen unit, never converted. */
  gtk_drop_down_set_selected (unit, 1);   /* µmol/L */
  pump ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (creatinine), "error"));
  g_assert_cmpint (titrate_session_get_patient (session)->creatinine_unit, ==, TITRATE_CREATININE_UMOL_L);
  g_assert_cmpfloat (titrate_session_get_patient (session)->serum_creatinine, ==, 115);
  g_assert_cmpstr (gtk_editable_get_text (titrate_number_row_get_entry (creatinine)), ==, "115");
  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_enum (settings, "creatinine-unit"), ==, 1);

  gtk_drop_down_set_selected (unit, 0);   /* back to mg/dL: 115 is refused there */
  pump ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (creatinine), "error"));
  g_assert_cmpint (titrate_session_get_patient (session)->creatinine_unit, ==, TITRATE_CREATININE_UMOL_L);
  g_assert_cmpfloat (titrate_session_get_patient (session)->serum_creatinine, ==, 115);

  g_settings_reset (settings, "creatinine-unit");
  close_window (win);
}

static void
test_example_calendar (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  TitrateDayCell *cell;
  const char *chart;

  open_example (win, "older-adult-ckd");
  /* Examples open as ordinary, untitled plans. */
  g_assert_null (titrate_session_get_file (session));
  g_assert_cmpstr (titrate_session_get_title (session), ==, "Older adult with CKD on lorazepam");
  g_assert_false (titrate_session_get_dirty (session));

  /* Day 1, Monday 4 January 2027: 5 mg three times a day. */
  cell = cell_for (win, 4, G_DATE_JANUARY, 2027);
  g_assert_cmpstr (titrate_day_cell_get_total (cell), ==, "15 mg/day");
  g_assert_cmpstr (titrate_day_cell_get_doses (cell), ==, "3 × 5 mg");
  g_assert_cmpstr (titrate_day_cell_get_phase (cell), ==, "◆ start");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "start"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "change"));

  cell = cell_for (win, 6, G_DATE_JANUARY, 2027);
  g_assert_cmpstr (titrate_day_cell_get_total (cell), ==, "15 mg/day");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "change"));

  /* Day 4: step-up to 30 mg/day, shape and word as well as colour. */
  cell = cell_for (win, 7, G_DATE_JANUARY, 2027);
  g_assert_cmpstr (titrate_day_cell_get_total (cell), ==, "30 mg/day");
  g_assert_cmpstr (titrate_day_cell_get_doses (cell), ==, "3 × 10 mg");
  g_assert_cmpstr (titrate_day_cell_get_phase (cell), ==, "▲ step-up");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "step-up"));

  /* Day 10 (13 January): 60 mg/day maintenance. */
  cell = cell_for (win, 13, G_DATE_JANUARY, 2027);
  g_assert_cmpstr (titrate_day_cell_get_total (cell), ==, "60 mg/day");
  g_assert_cmpstr (titrate_day_cell_get_phase (cell), ==, "● maintenance");

  /* Before the start: nothing planned. */
  cell = cell_for (win, 3, G_DATE_JANUARY, 2027);
  g_assert_cmpstr (titrate_day_cell_get_total (cell), ==, "");

  /* The renal alert starts on day 7 (10 January): marked on that cell. */
  g_assert_true (has_alert_code (win, "renal.moderate"));
  cell = cell_for (win, 10, G_DATE_JANUARY, 2027);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "has-alert"));

  /* Selecting a day shows its doses, tablets and alerts. */
  g_signal_emit_by_name (cell, "clicked");
  pump ();
  g_assert_nonnull (strstr (titrate_calendar_view_get_details (PLAN (win, "calendar_view")), "plan day 7"));
  g_assert_nonnull (strstr (titrate_calendar_view_get_details (PLAN (win, "calendar_view")), "1½ × 10 mg tablet"));
  g_assert_nonnull (strstr (titrate_calendar_view_get_details (PLAN (win, "calendar_view")), "From this day: Major"));

  /* The schedule table and the chart say the same. */
  g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), 1, 1), ==, "1–3\n4 Jan – 6 Jan");
  g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), 1, 2), ==, "3 × 5 mg");
  g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), 1, 3), ==, "15 mg/day");
  g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), 4, 1), ==, "10 onwards\nfrom 13 Jan");
  /* Above this patient's maximum (40 mg/day): marked in words. */
  g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), 4, 3), ==, "60 mg/day\n⚠ above max");
  g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), 4, 4), ==, "2 × 10\u00a0mg tablets");
  chart = titrate_dose_chart_get_summary (PLAN (win, "dose_chart"));
  g_assert_nonnull (strstr (chart, "Maximum for this patient 40 mg/day"));
  g_assert_nonnull (strstr (chart, "above it from day"));

  close_window (win);
}

/* The Schedule tab says what each dose is in tablets, with its number and
 * unit, as the handout does; it warns about the maximum only when a step
 * is above it, on that step, and otherwise states the maximum plainly. */
static void
test_schedule_caption (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  TitrateScheduleView *schedule = PLAN (win, "schedule_view");
  const char *caption;

  /* Older adult, CrCl about 31 mL/min: at most 40 mg/day (renal × 0.5).
   * 10 mg scored tablets; steps of 3 × 5, 10, 15 and 20 mg. */
  open_example (win, "older-adult-ckd");
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 0, 4), ==, "Per dose");
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 1, 4), ==, "½ × 10\u00a0mg tablet");
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 2, 4), ==, "1 × 10\u00a0mg tablet");
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 3, 4), ==, "1½ × 10\u00a0mg tablets");
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 4, 4), ==, "2 × 10\u00a0mg tablets");

  /* 45 and 60 mg/day are above 40: each says so; 15 and 30 do not. */
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 1, 3), ==, "15 mg/day");
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 2, 3), ==, "30 mg/day");
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 3, 3), ==, "45 mg/day\n⚠ above max");
  g_assert_cmpstr (titrate_schedule_view_get_cell (schedule, 4, 3), ==, "60 mg/day\n⚠ above max");

  caption = titrate_schedule_view_get_caption (schedule);
  /* The product as the printed record names it, never a count-less "× 10 mg". */
  g_assert_nonnull (strstr (caption, "Doses given as: 10 mg tablet (scored: halves allowed)."));
  g_assert_null (strstr (caption, ": ×"));
  g_assert_null (strstr (caption, " × 10 mg tablet"));
  g_assert_nonnull (strstr (caption, "⚠ 2 steps are above the maximum for this patient, 40 mg/day."));
  g_assert_null (strstr (caption, "Maximum for this patient:"));

  /* One step above: singular. */
  titrate_session_remove_step (session, 7);
  pump ();
  caption = titrate_schedule_view_get_caption (schedule);
  g_assert_nonnull (strstr (caption, "⚠ 1 step is above the maximum for this patient, 40 mg/day."));

  /* No step above the maximum: stated, not a warning. */
  titrate_session_remove_step (session, 10);
  pump ();
  caption = titrate_schedule_view_get_caption (schedule);
  g_assert_nonnull (strstr (caption, "Maximum for this patient: 40 mg/day."));
  g_assert_null (strstr (caption, "⚠"));
  g_assert_null (strstr (caption, "above the maximum"));
  for (guint row = 1; row <= titrate_session_get_regimen (session)->steps->len; row++)
    g_assert_null (strstr (titrate_schedule_view_get_cell (schedule, row, 3), "⚠"));

  close_window (win);
}

static void
test_unknown_comedication (void)
{
  TitrateWindow *win = new_window ();
  AdwEntryRow *entry = PATIENT (win, "comedication_entry");
  GtkListBox *list = PATIENT (win, "comedication_list");
  GtkListBoxRow *row;

  type_text (GTK_EDITABLE (entry), "zzqx unknownium");
  g_signal_emit_by_name (entry, "entry-activated");
  pump ();
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  /* It stays visible, and says it is not checked. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "zzqx unknownium");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not recognised: not checked");
  g_assert_true (has_alert_code (win, "input.unknown_comedication"));

  close_window (win);
}

static void
test_blocked (void)
{
  g_autofree char *dir = g_dir_make_tmp ("titrate-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "garbage.sqlite", NULL);
  TitrateWindow *win;
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, "this is not a SQLite database\n", -1, NULL));
  g_setenv ("TITRATE_RULES_DB", path, TRUE);
  win = new_window ();
  g_unsetenv ("TITRATE_RULES_DB");

  g_assert_true (titrate_window_get_blocked (win));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WIN (win, "main_stack")), ==, "blocked");
  page = gtk_stack_get_visible_child (WIN (win, "main_stack"));
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==,
                   "Rules database unavailable — nothing can be checked");
  /* It says why. */
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "garbage.sqlite"));
  g_assert_false (titrate_session_get_checked (titrate_window_get_session (win)));
  /* Nothing can be opened, saved or shown as checked. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "save"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "save-final"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "open-example"));
  /* No plan at all, so nothing can look checked. */
  g_assert_null (titrate_window_get_plan_view (win));

  close_window (win);
  g_remove (path);
  g_rmdir (dir);
}

/* A rules database past its review-by date: still used, with a warning
 * that stays on screen and is never cut short. */
static void
test_review_overdue (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("titrate-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "overdue.sqlite", NULL);
  PangoLayout *layout;
  TitrateWindow *win;
  GtkLabel *label;
  sqlite3 *db;
  gsize len;

  g_assert_true (g_file_get_contents (g_getenv ("TITRATE_BUILT_RULES_DB"), &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE meta SET value = '2020-01-01' WHERE key = 'review_by';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_setenv ("TITRATE_RULES_DB", path, TRUE);
  win = titrate_application_new_window (app);
  g_unsetenv ("TITRATE_RULES_DB");
  gtk_window_set_default_size (GTK_WINDOW (win), 1024, 768);
  gtk_window_present (GTK_WINDOW (win));
  settle (GTK_WIDGET (win));

  g_assert_false (titrate_window_get_blocked (win));
  assert_inside (WIN (win, "review_banner"), GTK_WIDGET (win), "the review warning", "overdue database at 1024×768");
  label = WIN (win, "review_label");
  g_assert_nonnull (strstr (gtk_label_get_text (label), "2020-01-01"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "check it is still current"));
  layout = gtk_label_get_layout (label);
  g_assert_false (pango_layout_is_ellipsized (layout));
  close_window (win);
  g_remove (path);
  g_rmdir (dir);
}

/* An institution's file chosen in Preferences that cannot be used: the page
 * names the file and gives advice that fits (Preferences, not reinstall). */
static void
test_blocked_institution (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.titrate.Titrate");
  g_autofree char *dir = g_dir_make_tmp ("titrate-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hospital-rules.sqlite", NULL);
  TitrateWindow *win;
  GtkWidget *page;
  const char *text;

  g_assert_true (g_file_set_contents (path, "not a database\n", -1, NULL));
  g_settings_set_string (settings, "rules-path", path);
  win = new_window ();
  g_settings_reset (settings, "rules-path");

  g_assert_true (titrate_window_get_blocked (win));
  page = gtk_stack_get_visible_child (WIN (win, "main_stack"));
  text = adw_status_page_get_description (ADW_STATUS_PAGE (page));
  g_assert_nonnull (strstr (text, "hospital-rules.sqlite"));
  g_assert_nonnull (strstr (text, "Preferences"));
  g_assert_null (strstr (text, "Reinstall"));
  g_assert_null (titrate_window_get_plan_view (win));
  close_window (win);

  /* A pinned digest that does not match refuses even the built-in one. */
  g_settings_set_string (settings, "rules-digest", "0123abcd");
  win = new_window ();
  g_settings_reset (settings, "rules-digest");
  g_assert_true (titrate_window_get_blocked (win));
  page = gtk_stack_get_visible_child (WIN (win, "main_stack"));
  text = adw_status_page_get_description (ADW_STATUS_PAGE (page));
  g_assert_nonnull (strstr (text, "SHA-256"));
  g_assert_nonnull (strstr (text, "0123abcd"));
  close_window (win);

  g_remove (path);
  g_rmdir (dir);
}

static void
acknowledge_all (TitrateWindow *win)
{
  TitrateAlertList *list = PLAN (win, "alert_list");

  for (guint i = 0; ; i++)
    {
      TitrateAlertRow *row = titrate_alert_list_get_row (list, i);

      if (row == NULL)
        break;
      if (!titrate_alert_item_get_needs_acknowledgement (titrate_alert_row_get_item (row)))
        continue;
      titrate_alert_row_set_expanded (row, TRUE);
      /* The reason field takes several lines. */
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (titrate_alert_row_get_ack_entry (row)),
                                "Reviewed with the patient;\nlow dose, monitored", -1);
      pump ();
      g_assert_cmpint (gtk_text_view_get_wrap_mode (titrate_alert_row_get_ack_entry (row)), !=, GTK_WRAP_NONE);
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (titrate_alert_row_get_ack_button (row))));
      g_signal_emit_by_name (titrate_alert_row_get_ack_button (row), "clicked");
      pump ();
    }
}

static void
test_roundtrip (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  g_autofree char *dir = g_dir_make_tmp ("titrate-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  TitrateWindow *second;

  open_example (win, "older-adult-ckd");
  /* Renal (major) and benzodiazepine (major); the Beers alert refers to the
   * renal one and is moderate: one kidney problem, one interruptive alert. */
  g_assert_cmpuint (titrate_session_count_unacknowledged (session), ==, 2);

  /* Not final yet: the serious alerts need a reason first. */
  g_assert_false (titrate_window_get_can_save_final (win));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "save-final"));
  g_assert_false (titrate_window_save_to_file (win, file, TRUE, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_clear_error (&error);

  acknowledge_all (win);
  g_assert_cmpuint (titrate_session_count_unacknowledged (session), ==, 0);
  g_assert_true (titrate_window_get_can_save_final (win));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "save-final"));
  g_assert_true (titrate_session_get_dirty (session));

  /* An edit on top changes CrCl (30.9 → 31.8 mL/min): the renal
   * acknowledgement was for the value the prescriber saw, so it must be
   * given again; the other two still stand. */
  type_number (win, "weight_row", "56.5");
  g_assert_cmpuint (titrate_session_count_unacknowledged (session), ==, 1);
  g_assert_false (titrate_window_get_can_save_final (win));
  g_assert_false (titrate_window_save_to_file (win, file, TRUE, &error));
  g_assert_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID);
  g_clear_error (&error);
  acknowledge_all (win);
  g_assert_cmpuint (titrate_session_count_unacknowledged (session), ==, 0);

  /* Then save as final. */
  g_assert_true (titrate_window_save_to_file (win, file, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (titrate_session_get_dirty (session));
  g_assert_true (titrate_session_get_final (session));

  /* What was saved is what was shown. */
  doc = titrate_document_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (doc->patient->age_years, ==, 78);
  g_assert_cmpfloat (doc->patient->weight_kg, ==, 56.5);
  g_assert_cmpint (doc->patient->sex, ==, TITRATE_SEX_FEMALE);
  g_assert_cmpfloat_with_epsilon (doc->patient->serum_creatinine, 1.3, 1e-9);
  g_assert_cmpuint (doc->comedications->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->comedications, 0), ==, "lorazepam");
  g_assert_cmpint (doc->regimen->route, ==, TITRATE_ROUTE_ORAL);
  g_assert_cmpstr (doc->regimen->formulation, ==, "tablet");
  g_assert_cmpfloat (doc->regimen->strength_mg, ==, 10);
  g_assert_cmpuint (doc->regimen->steps->len, ==, 4);
  g_assert_cmpint (g_array_index (doc->regimen->steps, TitrateStep, 3).day, ==, 10);
  g_assert_cmpfloat (g_array_index (doc->regimen->steps, TitrateStep, 3).doses_mg[0], ==, 20);
  g_assert_true (doc->final);
  g_assert_cmpuint (doc->acknowledgements->len, ==, 2);   /* renal + benzodiazepine (Beers is moderate) */
  g_assert_nonnull (titrate_document_get_acknowledgement (doc, "interaction.benzodiazepine"));
  g_assert_cmpstr (titrate_document_get_acknowledgement (doc, "renal.moderate")->reason, ==,
                   "Reviewed with the patient;\nlow dose, monitored");

  /* Opened again in a new window: the fields show the saved values. */
  second = new_window ();
  g_assert_true (titrate_window_open_file (second, file, &error));
  g_assert_no_error (error);
  pump ();
  g_assert_cmpstr (gtk_editable_get_text (titrate_number_row_get_entry (PATIENT (second, "age_row"))), ==, "78");
  g_assert_cmpstr (gtk_editable_get_text (titrate_number_row_get_entry (PATIENT (second, "weight_row"))), ==, "56.5");
  g_assert_cmpstr (gtk_editable_get_text (titrate_number_row_get_entry (PATIENT (second, "creatinine_row"))), ==, "1.3");
  g_assert_cmpstr (titrate_session_get_title (titrate_window_get_session (second)), ==, "plan.titrate");
  g_assert_cmpuint (titrate_session_count_unacknowledged (titrate_window_get_session (second)), ==, 0);
  g_assert_true (titrate_window_get_can_save_final (second));
  g_assert_cmpstr (titrate_day_cell_get_total (cell_for (second, 13, G_DATE_JANUARY, 2027)), ==, "60 mg/day");

  close_window (second);
  close_window (win);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_protocol_error (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  TitrateNumberRow *target = REGIMEN (win, "target_row");

  type_number (win, "age_row", "40");
  g_action_group_activate_action (G_ACTION_GROUP (win), "suggest", NULL);
  pump ();
  g_assert_cmpuint (titrate_session_get_regimen (session)->steps->len, ==, 4);

  /* A target below the start cannot be built: said at the field. */
  replace_text (titrate_number_row_get_entry (target), "10");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (target), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (target)), "below the start"));
  g_assert_cmpuint (titrate_session_get_regimen (session)->steps->len, ==, 4);
  g_assert_cmpfloat (titrate_session_get_regimen (session)->protocol.target_daily_mg, ==, 60);

  replace_text (titrate_number_row_get_entry (target), "45");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (target), "error"));
  g_assert_cmpfloat (titrate_session_get_regimen (session)->protocol.target_daily_mg, ==, 45);

  /* Editing a step by hand turns the protocol off; the steps stay. */
  {
    TitrateStep step;
    double doses[] = { 5, 5 };

    titrate_step_init_oral (&step, 2, doses, 2);
    g_assert_true (titrate_session_replace_step (session, 0, &step, NULL));
    pump ();
    g_assert_false (titrate_session_get_regimen (session)->has_protocol);
    g_assert_false (adw_expander_row_get_enable_expansion (REGIMEN (win, "protocol_row")));
  }

  /* Adding a step in the step editor: the day and each dose in mg. */
  {
    guint n_steps = titrate_session_get_regimen (session)->steps->len;
    GtkWidget *dialog = titrate_step_dialog_new (GTK_WINDOW (win), session, 0);
    TitrateNumberRow *day = child (dialog, TITRATE_TYPE_STEP_DIALOG, "day_row");
    GtkEditable *doses = child (dialog, TITRATE_TYPE_STEP_DIALOG, "doses_entry");

    g_assert_cmpstr (gtk_label_get_text (child (dialog, TITRATE_TYPE_STEP_DIALOG, "doses_unit")), ==, "mg");
    /* A day that already has a step is refused at the day field. */
    replace_text (titrate_number_row_get_entry (day), "2");
    replace_text (doses, "5 + 5");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (day), "error"));
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
    replace_text (titrate_number_row_get_entry (day), "40");
    replace_text (doses, "5mg");
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
    replace_text (doses, "7.5 + 5");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    pump ();
    g_assert_cmpuint (titrate_session_get_regimen (session)->steps->len, ==, n_steps + 1);
    g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), n_steps + 1, 2), ==, "7.5 + 5 mg");
  }

  close_window (win);
}

static void
test_parse_doses (void)
{
  double doses[TITRATE_MAX_DOSES_PER_DAY];
  guint n;
  char *error = NULL;

  g_assert_true (titrate_step_dialog_parse_doses ("5 + 5 + 10", doses, &n, &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (doses[2], ==, 10);
  g_assert_true (titrate_step_dialog_parse_doses ("2,5 2,5", doses, &n, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (doses[0], ==, 2.5);
  g_assert_true (titrate_step_dialog_parse_doses ("0", doses, &n, &error));
  g_assert_false (titrate_step_dialog_parse_doses ("5mg", doses, &n, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&error, g_free);
  g_assert_false (titrate_step_dialog_parse_doses ("", doses, &n, &error));
  g_clear_pointer (&error, g_free);
  g_assert_false (titrate_step_dialog_parse_doses ("5 + 0", doses, &n, &error));
  g_clear_pointer (&error, g_free);
}

static void
test_keyboard (void)
{
  TitrateWindow *win = new_window ();
  const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.quit", "<Control>q" },
    { "win.new", "<Control>n" },
    { "win.open", "<Control>o" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.save-final", "<Control>Return" },
    { "win.suggest", "<Control>g" },
  };
  const char *patient_rows[] = { "age_row", "weight_row", "sex_row", "creatinine_row", "crcl_row" };
  const char *regimen_rows[] = { "route_row", "indication_row", "formulation_row", "strength_row", "start_row" };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }

  /* Every field has a mnemonic (Alt + underlined letter). */
  for (guint i = 0; i < G_N_ELEMENTS (patient_rows); i++)
    {
      AdwPreferencesRow *row = PATIENT (win, patient_rows[i]);

      g_assert_true (adw_preferences_row_get_use_underline (row));
      g_assert_nonnull (strchr (adw_preferences_row_get_title (row), '_'));
    }
  for (guint i = 0; i < G_N_ELEMENTS (regimen_rows); i++)
    {
      AdwPreferencesRow *row = REGIMEN (win, regimen_rows[i]);

      g_assert_true (adw_preferences_row_get_use_underline (row));
      g_assert_nonnull (strchr (adw_preferences_row_get_title (row), '_'));
    }

  /* A mnemonic moves the focus into its field. */
  gtk_widget_mnemonic_activate (GTK_WIDGET (PATIENT (win, "age_row")), FALSE);
  pump ();
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (titrate_number_row_get_entry (PATIENT (win, "age_row"))))
                 || gtk_widget_has_focus (GTK_WIDGET (titrate_number_row_get_entry (PATIENT (win, "age_row"))))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (win)),
                                            GTK_WIDGET (titrate_number_row_get_entry (PATIENT (win, "age_row")))));

  /* Calendar days are reachable by keyboard and read as grid cells. */
  titrate_today (&date);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (cell_for (win, g_date_get_day (&date),
                                                                 g_date_get_month (&date),
                                                                 g_date_get_year (&date)))));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell_for (win, g_date_get_day (&date),
                                                             g_date_get_month (&date),
                                                             g_date_get_year (&date))),
                                   GTK_ACCESSIBLE_ROLE_GRID_CELL);

  close_window (win);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_about (void)
{
  TitrateWindow *win = new_window ();
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  pump ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  /* The disclaimer, and the rules database's version, date and sources. */
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)),
                            "Decision support, not a prescription"));
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "sources"));
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "SHA-256"));
  gtk_window_destroy (about);

  /* The shortcuts window is not made with the window, only when asked for
   * (win.show-help-overlay, Ctrl+?). Showing it is left out here: GTK 4.8's
   * shortcuts window warns about a label's negative width at this size. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    g_autoptr(GtkBuilder) builder = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        g_assert_false (GTK_IS_SHORTCUTS_WINDOW (toplevel));
      }
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (win), "show-help-overlay"));
    builder = gtk_builder_new_from_resource ("/io/github/titrate/Titrate/titrate-shortcuts.ui");
    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  }
  close_window (win);
}

static void
test_disclaimer (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.titrate.Titrate");
  TitrateWindow *win;
  TitrateWindow *again;
  GtkWidget *notice;

  /* First run: the decision-support notice is shown above the plan. */
  g_settings_set_boolean (settings, "disclaimer-accepted", FALSE);
  win = new_window ();
  notice = WIN (win, "disclaimer_revealer");
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_cmpint (gtk_widget_get_height (notice), >, 0);

  /* "I Understand": gone (no blank band left) and remembered. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "accept-disclaimer", NULL);
  pump ();
  g_assert_false (gtk_widget_get_visible (notice));
  g_assert_true (g_settings_get_boolean (settings, "disclaimer-accepted"));
  close_window (win);

  again = new_window ();
  g_assert_false (gtk_widget_get_visible (WIN (again, "disclaimer_revealer")));
  close_window (again);
  g_settings_reset (settings, "disclaimer-accepted");
}

static void
test_unsaved_guard (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  GtkWindow *dialog;

  type_number (win, "age_row", "50");
  g_assert_true (titrate_session_get_dirty (session));

  /* New plan with changes: asks first, and Cancel keeps the plan. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "new", NULL);
  pump ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  pump ();
  g_assert_cmpfloat (titrate_session_get_patient (session)->age_years, ==, 50);

  /* Discard: a new, empty plan. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "new", NULL);
  pump ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (dialog);
  pump ();
  g_assert_true (isnan (titrate_session_get_patient (session)->age_years));
  g_assert_false (titrate_session_get_dirty (session));
  g_assert_cmpstr (gtk_editable_get_text (titrate_number_row_get_entry (PATIENT (win, "age_row"))), ==, "");

  close_window (win);
}

static void
test_open_files (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "intrathecal-spinal.titrate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  GList *windows;
  TitrateWindow *win = NULL;
  TitrateSession *session;

  /* As the desktop or the command line does: HANDLES_OPEN. */
  g_application_open (G_APPLICATION (app), files, 1, "");
  pump ();
  for (windows = gtk_application_get_windows (GTK_APPLICATION (app)); windows != NULL; windows = windows->next)
    if (TITRATE_IS_WINDOW (windows->data) &&
        titrate_session_get_file (titrate_window_get_session (windows->data)) != NULL)
      win = windows->data;
  g_assert_nonnull (win);
  session = titrate_window_get_session (win);
  g_assert_cmpstr (titrate_session_get_title (session), ==, "intrathecal-spinal.titrate");
  g_assert_cmpint (titrate_session_get_regimen (session)->route, ==, TITRATE_ROUTE_INTRATHECAL);
  /* Intrathecal: the doses are in mcg, in the calendar and in the step editor. */
  g_assert_cmpstr (titrate_day_cell_get_total (cell_for (win, 5, G_DATE_APRIL, 2027)), ==, "50 mcg bolus");
  g_assert_cmpstr (titrate_day_cell_get_total (cell_for (win, 14, G_DATE_APRIL, 2027)), ==, "150 mcg/day");
  {
    GtkWidget *dialog = titrate_step_dialog_new (GTK_WINDOW (win), session, 10);
    TitrateNumberRow *amount = child (dialog, TITRATE_TYPE_STEP_DIALOG, "it_amount_row");

    g_assert_cmpstr (titrate_number_row_get_unit (amount), ==, "mcg/day");
    g_assert_cmpfloat (titrate_number_row_get_value (amount), ==, 150);
    g_assert_false (gtk_widget_get_visible (child (dialog, TITRATE_TYPE_STEP_DIALOG, "doses_row")));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  close_window (win);
}

/* Locales */

/* "1,000" is refused at the field, with a message, not read as 1 or 1000. */
static void
test_grouping_refused (void)
{
  TitrateWindow *win = new_window ();
  TitrateSession *session = titrate_window_get_session (win);
  TitrateNumberRow *weight = PATIENT (win, "weight_row");
  GtkEditable *entry = titrate_number_row_get_entry (weight);
  char *saved;

  type_text (entry, "70");
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 70);
  replace_text (entry, "1,000");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
  g_assert_false (titrate_number_row_get_valid (weight));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (weight)), "ambiguous"));
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 70);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "1,000");
  replace_text (entry, "1 000");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 70);

  /* In the step editor too: one dose of 1,000 mg is not one of 1 mg. */
  {
    double doses[TITRATE_MAX_DOSES_PER_DAY];
    guint n;
    g_autofree char *error = NULL;

    g_assert_false (titrate_step_dialog_parse_doses ("1,000", doses, &n, &error));
    g_assert_nonnull (strstr (error, "ambiguous"));
  }

  saved = enter_locale ("en_US.UTF-8");
  if (saved != NULL)
    {
      replace_text (entry, "72,5");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
      g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 70);
      replace_text (entry, "72.5");
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (weight), "error"));
      g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 72.5);
      leave_locale (saved);
    }
  close_window (win);
}

/* French: decimal commas on screen and in what is typed, dates in French,
 * weeks from Monday. */
static void
test_locale_fr (void)
{
  char *saved = enter_locale ("fr_FR.UTF-8");
  TitrateWindow *win;
  TitrateSession *session;
  TitrateCalendarView *calendar;
  TitrateDayCell *cell;
  GtkWidget *first;
  GDate date;
  const char *details;

  if (saved == NULL)
    {
      g_test_skip ("fr_FR.UTF-8 not installed (tools/install-deps.sh generates it)");
      return;
    }

  win = new_window ();
  session = titrate_window_get_session (win);
  calendar = PLAN (win, "calendar_view");
  open_example (win, "older-adult-ckd");

  /* The week starts on Monday, named in French. */
  g_assert_cmpint (titrate_locale_first_weekday (), ==, 1);
  first = gtk_grid_get_child_at (child (calendar, TITRATE_TYPE_CALENDAR_VIEW, "grid"), 0, 1);
  g_assert_true (TITRATE_IS_DAY_CELL (first));
  titrate_day_cell_get_date (TITRATE_DAY_CELL (first), &date);
  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (child (calendar, TITRATE_TYPE_CALENDAR_VIEW, "grid"), 0, 0))), "lun"));

  /* Values loaded from a file are shown with a decimal comma … */
  g_assert_cmpstr (gtk_editable_get_text (titrate_number_row_get_entry (PATIENT (win, "creatinine_row"))), ==, "1,3");
  /* … and typed with one. */
  type_number (win, "weight_row", "56,5");
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 56.5);
  replace_text (titrate_number_row_get_entry (PATIENT (win, "weight_row")), "57.5");
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 57.5);
  replace_text (titrate_number_row_get_entry (PATIENT (win, "weight_row")), "1.000");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (PATIENT (win, "weight_row")), "error"));
  g_assert_cmpfloat (titrate_session_get_patient (session)->weight_kg, ==, 57.5);

  /* Day 7 (10 January): one and a half tablets per dose, the date in French. */
  cell = cell_for (win, 10, G_DATE_JANUARY, 2027);
  g_signal_emit_by_name (cell, "clicked");
  pump ();
  details = titrate_calendar_view_get_details (calendar);
  g_assert_nonnull (strstr (details, "1½ × 10 mg"));
  g_assert_nonnull (strstr (details, "janvier 2027"));

  /* A dose typed "2,5" is 2.5 mg, and the calendar shows "2,5". */
  g_action_group_activate_action (G_ACTION_GROUP (win), "suggest", NULL);
  pump ();
  g_assert_true (titrate_session_get_regimen (session)->has_protocol);
  type_text (titrate_number_row_get_entry (REGIMEN (win, "start_dose_row")), "2,5");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (REGIMEN (win, "start_dose_row")), "error"));
  g_assert_cmpfloat (titrate_session_get_regimen (session)->protocol.start_dose_mg, ==, 2.5);
  cell = cell_for (win, 4, G_DATE_JANUARY, 2027);
  g_assert_nonnull (strstr (titrate_day_cell_get_doses (cell), "2,5 mg"));
  g_assert_null (strstr (titrate_day_cell_get_doses (cell), "2.5"));
  g_assert_nonnull (strstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), 1, 2), "2,5 mg"));

  /* The step editor: "2,5 + 5" is two doses, 2.5 and 5 mg; "2, 5" is
   * refused (a mistyped 2,5), and so is "2 ,5". */
  {
    double doses[TITRATE_MAX_DOSES_PER_DAY];
    guint n;
    char *error = NULL;

    g_assert_true (titrate_step_dialog_parse_doses ("2,5 + 5", doses, &n, &error));
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpfloat (doses[0], ==, 2.5);
    g_assert_cmpfloat (doses[1], ==, 5);
    g_assert_false (titrate_step_dialog_parse_doses ("2, 5", doses, &n, &error));
    g_clear_pointer (&error, g_free);
    g_assert_false (titrate_step_dialog_parse_doses ("2 ,5", doses, &n, &error));
    g_clear_pointer (&error, g_free);
  }
  {
    GtkWidget *dialog = titrate_step_dialog_new (GTK_WINDOW (win), session, 0);
    GtkEditable *doses = child (dialog, TITRATE_TYPE_STEP_DIALOG, "doses_entry");

    replace_text (titrate_number_row_get_entry (child (dialog, TITRATE_TYPE_STEP_DIALOG, "day_row")), "60");
    replace_text (doses, "7,5 + 2,5");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    pump ();
  }
  {
    const TitrateRegimen *regimen = titrate_session_get_regimen (session);
    guint i;

    for (i = 0; i < regimen->steps->len && g_array_index (regimen->steps, TitrateStep, i).day != 60; i++)
      ;
    g_assert_cmpuint (i, <, regimen->steps->len);
    g_assert_cmpfloat (g_array_index (regimen->steps, TitrateStep, i).doses_mg[0], ==, 7.5);
    g_assert_cmpfloat (g_array_index (regimen->steps, TitrateStep, i).doses_mg[1], ==, 2.5);
    g_assert_cmpstr (titrate_schedule_view_get_cell (PLAN (win, "schedule_view"), i + 1, 2), ==, "7,5 + 2,5 mg");
  }

  /* Discard the changes (no question while closing a test window). */
  titrate_session_new_document (session, TITRATE_CREATININE_MG_DL);
  close_window (win);
  leave_locale (saved);
}

/* Preferences */

static TitratePreferencesWindow *
open_preferences (void)
{
  TitratePreferencesWindow *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  pump ();
  prefs = (TitratePreferencesWindow *) find_toplevel (TITRATE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  return prefs;
}

#define PREFS(prefs, name) child ((prefs), TITRATE_TYPE_PREFERENCES_WINDOW, (name))

static void
test_preferences (void)
{
  TitrateWindow *win = new_window ();
  GSettings *settings = titrate_application_get_settings (app);
  TitratePreferencesWindow *prefs;
  GtkEditable *times;
  AdwActionRow *times_row;
  g_auto(GStrv) saved = NULL;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");

  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  prefs = open_preferences ();
  times = PREFS (prefs, "dose_times_entry");
  times_row = PREFS (prefs, "dose_times_row");

  /* The defaults, as saved. */
  g_assert_cmpstr (gtk_editable_get_text (times), ==, "08:00 14:00 20:00");
  g_assert_cmpuint (adw_combo_row_get_selected (PREFS (prefs, "creatinine_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (PREFS (prefs, "severity_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (PREFS (prefs, "paper_row")), ==, 0);

  /* A bad time: error style and a message; nothing saved, nothing lost. */
  replace_text (times, "08:00 25:00");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (times_row), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (times), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (times_row), "25:00"));
  g_assert_cmpstr (gtk_editable_get_text (times), ==, "08:00 25:00");
  saved = g_settings_get_strv (settings, "dose-times");
  g_assert_cmpuint (g_strv_length (saved), ==, 3);
  g_assert_cmpstr (saved[1], ==, "14:00");
  g_clear_pointer (&saved, g_strfreev);
  replace_text (times, "20:00 08:00");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (times_row), "error"));
  replace_text (times, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (times_row), "error"));

  /* Good times, however written, are saved as HH:MM. */
  replace_text (times, "7:30, 13h00 19:30");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (times_row), "error"));
  saved = g_settings_get_strv (settings, "dose-times");
  g_assert_cmpuint (g_strv_length (saved), ==, 3);
  g_assert_cmpstr (saved[0], ==, "07:30");
  g_assert_cmpstr (saved[1], ==, "13:00");
  g_assert_cmpstr (saved[2], ==, "19:30");
  g_clear_pointer (&saved, g_strfreev);
  /* A change made elsewhere shows in the field. */
  g_settings_reset (settings, "dose-times");
  pump ();
  g_assert_cmpstr (gtk_editable_get_text (times), ==, "08:00 14:00 20:00");

  /* The other rows write their keys. */
  adw_combo_row_set_selected (PREFS (prefs, "creatinine_row"), 1);
  adw_combo_row_set_selected (PREFS (prefs, "paper_row"), 2);
  gtk_switch_set_active (PREFS (prefs, "reminders_switch"), TRUE);
  pump ();
  {
    g_autofree char *unit = g_settings_get_string (settings, "creatinine-unit");
    g_autofree char *paper = g_settings_get_string (settings, "paper-size");

    g_assert_cmpstr (unit, ==, "umol-l");
    g_assert_cmpstr (paper, ==, "letter");
  }
  g_assert_true (g_settings_get_boolean (settings, "reminders-per-day"));
  /* New plans start with the chosen creatinine unit. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "new", NULL);
  pump ();
  g_assert_cmpint (titrate_session_get_patient (titrate_window_get_session (win))->creatinine_unit,
                   ==, TITRATE_CREATININE_UMOL_L);

  /* Every control is named for screen readers. */
  gtk_test_accessible_assert_property (PREFS (prefs, "dose_times_entry"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Default dose times");
  gtk_test_accessible_assert_property (PREFS (prefs, "reminders_switch"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "One reminder per day");

  gtk_window_destroy (GTK_WINDOW (prefs));
  pump ();
  g_settings_reset (settings, "creatinine-unit");
  g_settings_reset (settings, "paper-size");
  g_settings_reset (settings, "reminders-per-day");
  close_window (win);
}

/* Alerts below the chosen severity are folded, counted and one row away;
 * contraindicated and major alerts always show. */
static void
test_alert_folding (void)
{
  TitrateWindow *win = new_window ();
  GSettings *settings = titrate_application_get_settings (app);
  TitrateAlertList *list = PLAN (win, "alert_list");
  GtkListBoxRow *more = child (list, TITRATE_TYPE_ALERT_LIST, "more_row");
  GtkLabel *more_label = child (list, TITRATE_TYPE_ALERT_LIST, "more_label");
  GtkListBox *box = child (list, TITRATE_TYPE_ALERT_LIST, "list");
  TitratePreferencesWindow *prefs;
  TitrateAlertRow *row;
  guint n_shown;

  /* 1 major (one cumulative CNS alert naming all ten CNS-active drugs),
   * 3 moderate and 1 minor alert. */
  open_example (win, "many-cns-depressants");
  g_assert_cmpuint (titrate_alert_list_get_n_folded (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));

  /* Chosen in the preferences: moderate and more severe. */
  prefs = open_preferences ();
  adw_combo_row_set_selected (PREFS (prefs, "severity_row"), 2);
  pump ();
  {
    g_autofree char *severity = g_settings_get_string (settings, "min-inline-severity");

    g_assert_cmpstr (severity, ==, "moderate");
  }
  g_assert_cmpint (titrate_alert_list_get_min_severity (list), ==, TITRATE_SEVERITY_MODERATE);
  g_assert_cmpuint (titrate_alert_list_get_n_folded (list), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more)));
  g_assert_nonnull (strstr (gtk_label_get_text (more_label), "1 minor"));
  for (n_shown = 0; (row = titrate_alert_list_get_row (list, n_shown)) != NULL; n_shown++)
    g_assert_cmpint (titrate_alert_item_get_severity (titrate_alert_row_get_item (row)), >=, TITRATE_SEVERITY_MODERATE);
  g_assert_cmpuint (n_shown, ==, 4);
  /* Still counted in the summary's chips. */
  g_assert_cmpuint (titrate_session_count_severity (titrate_window_get_session (win), TITRATE_SEVERITY_MINOR), ==, 1);

  /* "Show 1 more alert" opens them. */
  g_signal_emit_by_name (box, "row-activated", more);
  pump ();
  g_assert_true (titrate_alert_list_get_show_folded (list));
  for (n_shown = 0; titrate_alert_list_get_row (list, n_shown) != NULL; n_shown++)
    ;
  g_assert_cmpuint (n_shown, ==, 5);
  g_signal_emit_by_name (box, "row-activated", more);
  pump ();
  g_assert_false (titrate_alert_list_get_show_folded (list));

  /* Major only: moderate and minor folded, majors all listed. */
  adw_combo_row_set_selected (PREFS (prefs, "severity_row"), 3);
  pump ();
  g_assert_cmpuint (titrate_alert_list_get_n_folded (list), ==, 4);
  g_assert_nonnull (strstr (gtk_label_get_text (more_label), "4 more alerts"));
  for (n_shown = 0; (row = titrate_alert_list_get_row (list, n_shown)) != NULL; n_shown++)
    g_assert_cmpint (titrate_alert_item_get_severity (titrate_alert_row_get_item (row)), ==, TITRATE_SEVERITY_MAJOR);
  g_assert_cmpuint (n_shown, ==, 1);

  /* Never above major, whoever asks. */
  titrate_alert_list_set_min_severity (list, TITRATE_SEVERITY_CONTRAINDICATED);
  g_assert_cmpint (titrate_alert_list_get_min_severity (list), ==, TITRATE_SEVERITY_MAJOR);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "min-inline-severity");
  pump ();
  g_assert_cmpuint (titrate_alert_list_get_n_folded (list), ==, 0);
  close_window (win);
}

/* A widget of a template by its id in the .ui, bound or not. */
static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (GTK_IS_BUILDABLE (widget) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_id (c, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Screen readers: names for every control, meaning beyond colour for
 * alerts and calendar days (checked over the accessible properties; the
 * same through AT-SPI is tests/a11y.py). */
static void
test_accessible (void)
{
  TitrateWindow *win = new_window ();
  TitrateAlertRow *row;
  TitrateDayCell *cell;
  char *message;

  open_example (win, "older-adult-ckd");

  /* The age field: its title and unit. */
  gtk_test_accessible_assert_property (titrate_number_row_get_entry (PATIENT (win, "age_row")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Age (years)");
  /* Icon-only buttons have names. */
  gtk_test_accessible_assert_property (find_by_id (GTK_WIDGET (win), "open_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Open a plan");
  gtk_test_accessible_assert_property (WIN (win, "menu_button"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Main menu");
  gtk_test_accessible_assert_property (find_by_id (GTK_WIDGET (PLAN (win, "calendar_view")), "previous_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Previous month");
  gtk_test_accessible_assert_property (find_by_id (GTK_WIDGET (PLAN (win, "calendar_view")), "next_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Next month");
  gtk_test_accessible_assert_property (REGIMEN (win, "start_button"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Start date");
  gtk_test_accessible_assert_property (REGIMEN (win, "start_button"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Mon 4 Jan 2027");

  /* An alert: severity in words, title and trigger; when it applies. */
  row = find_alert_row (win, "Benzodiazepine: added CNS depression");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Major alert: Benzodiazepine: added CNS depression. Comedication: lorazepam");
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                "whole plan. Acknowledge to save as final");
  g_assert_null (message);

  /* A day: date, phase, daily total with unit, and the alert from that day. */
  cell = cell_for (win, 4, G_DATE_JANUARY, 2027);
  gtk_test_accessible_assert_role (cell, GTK_ACCESSIBLE_ROLE_GRID_CELL);
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Monday 4 January 2027, plan day 1, start: 15 mg/day (3 × 5 mg), "
                                       "dose changes on this day");
  cell = cell_for (win, 10, G_DATE_JANUARY, 2027);
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Sunday 10 January 2027, plan day 7, step-up: 45 mg/day (3 × 15 mg), "
                                       "above the maximum for this patient (40 mg/day), dose changes on this day, "
                                       "1 alert applies from this day");

  close_window (win);
}

/* What the form does not show at start is built when first needed, and
 * then behaves as if it had always been there. */
static GtkWidget *
find_row_titled (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row_titled (c, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_form_lazy_parts (void)
{
  TitrateWindow *win = titrate_application_new_window (app);
  TitrateSession *session = titrate_window_get_session (win);
  GtkWidget *regimen = PLAN (win, "regimen_form");
  GtkMenuButton *start = REGIMEN (win, "start_button");
  AdwExpanderRow *protocol = REGIMEN (win, "protocol_row");
  TitrateNumberRow *start_dose = REGIMEN (win, "start_dose_row");
  AdwExpanderRow *allergies = PATIENT (win, "allergies_row");
  const GDate *start_date = &titrate_session_get_regimen (session)->start_date;
  GtkWidget *popover, *calendar, *entry;

  /* Inside the test screen (1280×800), so that the popover below has a
   * monitor to be placed on. */
  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 700);
  gtk_window_present (GTK_WINDOW (win));
  pump ();
  /* The start date's calendar: made at the first click, on the plan's date
   * (the form pane shown, so that the popover has somewhere to go). */
  adw_flap_set_reveal_flap (titrate_plan_view_get_flap (titrate_window_get_plan_view (win)), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (start));   /* scrolled to */
  settle (GTK_WIDGET (win));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (start)));
  g_assert_null (gtk_menu_button_get_popover (start));
  gtk_menu_button_popup (start);   /* down again before the next frame, as in test_menus_on_demand */
  popover = GTK_WIDGET (gtk_menu_button_get_popover (start));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  calendar = gtk_popover_get_child (GTK_POPOVER (popover));
  g_assert_true (GTK_IS_CALENDAR (calendar));
  g_assert_true (g_date_valid (start_date));
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));

    g_assert_cmpint (g_date_time_get_year (shown), ==, g_date_get_year (start_date));
    g_assert_cmpint (g_date_time_get_month (shown), ==, g_date_get_month (start_date));
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, g_date_get_day (start_date));
  }
  gtk_menu_button_popdown (start);
  pump ();

  /* The protocol's rows join the expander when it is switched on; the plan
   * view still knows them (a pending edit is committed before saving). */
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (start_dose), GTK_WIDGET (protocol)));
  g_assert_null (find_row_titled (regimen, ADW_TYPE_COMBO_ROW, _("_Kind")));
  adw_expander_row_set_enable_expansion (protocol, TRUE);
  settle (GTK_WIDGET (win));   /* mapped at the next frame's layout */
  g_assert_true (adw_expander_row_get_expanded (protocol));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (start_dose), GTK_WIDGET (protocol)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (start_dose)));
  g_assert_nonnull (find_row_titled (GTK_WIDGET (protocol), ADW_TYPE_COMBO_ROW, _("_Kind")));
  type_only (titrate_number_row_get_entry (start_dose), "5");
  g_assert_true (titrate_number_row_get_pending (start_dose));
  titrate_plan_view_commit_pending (titrate_window_get_plan_view (win));
  g_assert_false (titrate_number_row_get_pending (start_dose));
  g_assert_cmpfloat (titrate_number_row_get_value (start_dose), ==, 5);
  adw_expander_row_set_enable_expansion (protocol, FALSE);
  pump ();

  /* The intrathecal rows: made with the first intrathecal plan. */
  g_assert_null (find_row_titled (regimen, ADW_TYPE_COMBO_ROW, _("Spasticity _origin")));
  adw_combo_row_set_selected (REGIMEN (win, "route_row"), 1);
  pump ();
  g_assert_cmpint (titrate_session_get_regimen (session)->route, ==, TITRATE_ROUTE_INTRATHECAL);
  g_assert_true (gtk_widget_get_visible (find_row_titled (regimen, ADW_TYPE_COMBO_ROW, _("Spasticity _origin"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (protocol)));

  /* The pump's rows, made now, are known to the plan view like the rest:
   * an edit not applied yet is said in the verdict bar and committed
   * before a save. */
  {
    GtkWidget *section = find_by_type (regimen, TITRATE_TYPE_PUMP_SECTION);
    TitrateNumberRow *pump_row = TITRATE_NUMBER_ROW (find_by_type (section, TITRATE_TYPE_NUMBER_ROW));
    TitrateVerdictBar *bar = titrate_plan_view_get_verdict_bar (titrate_window_get_plan_view (win));
    g_autofree char *title = titrate_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (pump_row)));

    type_only (titrate_number_row_get_entry (pump_row), "5");
    g_assert_true (titrate_number_row_get_pending (pump_row));
    g_assert_nonnull (strstr (titrate_verdict_bar_get_alert (bar), title));
    titrate_plan_view_commit_pending (titrate_window_get_plan_view (win));
    pump ();
    g_assert_false (titrate_number_row_get_pending (pump_row));
    g_assert_null (strstr (titrate_verdict_bar_get_alert (bar), title));
  }

  /* Allergies: the entry is made when the expander is first opened. */
  g_assert_null (find_row_titled (GTK_WIDGET (allergies), ADW_TYPE_ENTRY_ROW, _("Add an allergy")));
  adw_expander_row_set_expanded (allergies, TRUE);
  pump ();
  entry = find_row_titled (GTK_WIDGET (allergies), ADW_TYPE_ENTRY_ROW, _("Add an allergy"));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "penicillin");
  g_signal_emit_by_name (entry, "entry-activated");
  pump ();
  g_assert_cmpuint (titrate_session_get_patient (session)->allergies->len, ==, 1);
  g_assert_cmpstr (adw_expander_row_get_subtitle (allergies), ==, "penicillin");
  g_assert_nonnull (find_row_titled (GTK_WIDGET (allergies), ADW_TYPE_ACTION_ROW, "penicillin"));
  close_window (win);
}

/* Every day cell draws each of its texts inside its allocation, is given
 * at least the height it asks for at its width, and no two texts overlap:
 * nothing in the calendar is cut off or drawn over, with doses ("above
 * max" badges) and with a pump's dates, at 1024×768 and 1366×768. */
static void
assert_day_cells_fit (TitrateWindow *win,
                      const char    *context)
{
  GtkWidget *grid = child (PLAN (win, "calendar_view"), TITRATE_TYPE_CALENDAR_VIEW, "grid");
  guint n_cells = 0, n_texts = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      TitrateDayCell *cell;
      g_autoptr(GArray) rects = NULL;
      graphene_rect_t border;
      int width, height, min_height;
      GDate date;

      if (!TITRATE_IS_DAY_CELL (c) || !gtk_widget_get_mapped (c))
        continue;
      cell = TITRATE_DAY_CELL (c);
      titrate_day_cell_get_date (cell, &date);
      width = gtk_widget_get_width (c);
      height = gtk_widget_get_height (c);
      g_assert_true (gtk_widget_compute_bounds (c, c, &border));
      gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, (int) border.size.width, &min_height, NULL, NULL, NULL);
      if (border.size.height + 0.5 < min_height)
        g_error ("%s: the cell for %d/%d is %.0f px high, under the %d px its texts need at %.0f px wide",
                 context, g_date_get_day (&date), g_date_get_month (&date), border.size.height, min_height,
                 border.size.width);
      rects = titrate_day_cell_get_text_rects (cell);
      /* The day number at least; a planned day its total, doses and phase too. */
      g_assert_cmpuint (rects->len, >=, *titrate_day_cell_get_total (cell) != '\0' ? 4 : 1);
      for (guint i = 0; i < rects->len; i++)
        {
          graphene_rect_t r = g_array_index (rects, graphene_rect_t, i);

          if (r.origin.x < -0.5 || r.origin.y < -0.5 ||
              r.origin.x + r.size.width > width + 0.5 || r.origin.y + r.size.height > height + 0.5)
            g_error ("%s: text %u of the cell for %d/%d (%.0f,%.0f %.0f×%.0f) is outside its %d×%d",
                     context, i, g_date_get_day (&date), g_date_get_month (&date),
                     r.origin.x, r.origin.y, r.size.width, r.size.height, width, height);
          for (guint j = i + 1; j < rects->len; j++)
            {
              graphene_rect_t q = g_array_index (rects, graphene_rect_t, j);
              graphene_rect_t overlap;

              if (graphene_rect_intersection (&r, &q, &overlap) &&
                  overlap.size.width > 0.5 && overlap.size.height > 0.5)
                g_error ("%s: texts %u and %u of the cell for %d/%d overlap", context, i, j,
                         g_date_get_day (&date), g_date_get_month (&date));
            }
        }
      n_cells++;
      n_texts += rects->len;
    }
  g_assert_cmpuint (n_cells, >=, 28);
  g_assert_cmpuint (n_texts, >, n_cells);
}

static void
day_cells_fit (const char *language)
{
  const int sizes[][2] = { { 1024, 768 }, { 1366, 768 } };
  const char *examples[] = { "older-adult-ckd", "intrathecal-pump-late-refill" };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
      {
        TitrateWindow *win = titrate_application_new_window (app);
        g_autofree char *context = g_strdup_printf ("%s at %d×%d in %s", examples[e], sizes[s][0], sizes[s][1],
                                                    language);

        gtk_window_set_default_size (GTK_WINDOW (win), sizes[s][0], sizes[s][1]);
        gtk_window_present (GTK_WINDOW (win));
        open_example (win, examples[e]);
        settle (GTK_WIDGET (win));
        assert_day_cells_fit (win, context);
        if (e == 0)
          /* In the language of the run (units too). */
          g_assert_cmpstr (titrate_day_cell_get_total (cell_for (win, 13, G_DATE_JANUARY, 2027)), ==,
                           g_str_equal (language, "English") ? "60 mg/day" : "60 mg/jour");
        if (e == 1)
          {
            /* The pump's dates are a line of their own, and a description. */
            TitrateDayCell *cell = cell_for (win, 4, G_DATE_JANUARY, 2027);

            g_assert_nonnull (titrate_day_cell_get_note (cell));
            g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (cell),
                                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
            g_assert_null (titrate_day_cell_get_note (cell_for (win, 5, G_DATE_JANUARY, 2027)));
            if (g_str_equal (language, "English"))
              {
                g_assert_cmpstr (titrate_day_cell_get_note (cell), ==, "pump refilled");
                g_assert_cmpstr (titrate_day_cell_get_note (cell_for (win, 18, G_DATE_JANUARY, 2027)), ==,
                                 "refill-by date");
              }
          }
        close_window (win);
      }
}

static void
test_day_cells_fit (void)
{
  in_english_and_french (day_cells_fit);
}

/* Waits for an alert row's revealer to end its animation. */
static void
wait_revealed (TitrateAlertRow *row,
               gboolean         revealed)
{
  GtkRevealer *revealer = child (row, TITRATE_TYPE_ALERT_ROW, "revealer");

  while (gtk_revealer_get_child_revealed (revealer) != revealed)
    g_main_context_iteration (NULL, TRUE);
  pump ();
}

/* An alert row's details are built when it is first opened (or when its
 * reason field is asked for), then behave as if they had always been
 * there: what was typed stays, the acknowledgement shows, and opening a
 * row never widens the alert pane's minimum. */
static void
test_alert_details_on_demand (void)
{
  TitrateWindow *win = new_window ();
  TitrateAlertList *list;
  TitrateAlertRow *row, *other = NULL;
  GtkTextView *entry;
  GtkButton *button;
  g_autofree char *typed = NULL;
  GtkTextIter start, end;
  AdwStatusPage *page;
  int closed_min, open_min;

  /* A plan checked with nothing found: the page that says so is made
   * when first needed, and says what it was checked against. */
  open_example (win, "discontinuation-taper");
  list = PLAN (win, "alert_list");
  g_assert_cmpstr (titrate_alert_list_get_visible_page (list), ==, "empty");
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (child (list, TITRATE_TYPE_ALERT_LIST, "stack")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Alerts Found");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (page), "Checked against "));
  g_assert_null (titrate_alert_list_get_row (list, 0));

  open_example (win, "older-adult-ckd");
  g_assert_cmpstr (titrate_alert_list_get_visible_page (list), ==, "list");
  for (guint i = 0; (row = titrate_alert_list_get_row (list, i)) != NULL; i++)
    {
      g_assert_false (titrate_alert_row_get_expanded (row));
      g_assert_null (gtk_revealer_get_child (child (row, TITRATE_TYPE_ALERT_ROW, "revealer")));
    }
  gtk_widget_measure (GTK_WIDGET (list), GTK_ORIENTATION_HORIZONTAL, -1, &closed_min, NULL, NULL, NULL);

  /* Opened: the reason field, an Acknowledge button waiting for a reason. */
  row = find_alert_row (win, "Benzodiazepine: added CNS depression");
  g_assert_nonnull (row);
  titrate_alert_row_set_expanded (row, TRUE);
  wait_revealed (row, TRUE);
  g_assert_true (gtk_widget_get_visible (gtk_revealer_get_child (child (row, TITRATE_TYPE_ALERT_ROW, "revealer"))));
  entry = titrate_alert_row_get_ack_entry (row);
  button = titrate_alert_row_get_ack_button (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Acknowledge");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_widget_measure (GTK_WIDGET (list), GTK_ORIENTATION_HORIZONTAL, -1, &open_min, NULL, NULL, NULL);
  g_assert_cmpint (open_min, <=, closed_min);

  /* Typed, closed and opened again: the reason is still there. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (entry), "Reviewed with the patient", -1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  titrate_alert_row_set_expanded (row, FALSE);
  wait_revealed (row, FALSE);
  titrate_alert_row_set_expanded (row, TRUE);
  wait_revealed (row, TRUE);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (entry), &start, &end);
  typed = gtk_text_buffer_get_text (gtk_text_view_get_buffer (entry), &start, &end, FALSE);
  g_assert_cmpstr (typed, ==, "Reviewed with the patient");

  /* Another alert that needs a reason, acknowledged while its row stays
   * closed: its details are made for the asking, and stay hidden. */
  for (guint i = 0; (other = titrate_alert_list_get_row (list, i)) != NULL; i++)
    if (other != row && titrate_alert_item_get_needs_acknowledgement (titrate_alert_row_get_item (other)))
      break;
  g_assert_nonnull (other);
  entry = titrate_alert_row_get_ack_entry (other);
  g_assert_nonnull (entry);
  g_assert_false (titrate_alert_row_get_expanded (other));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (entry), "Low dose, monitored", -1);
  g_signal_emit_by_name (titrate_alert_row_get_ack_button (other), "clicked");
  pump ();
  g_assert_cmpstr (titrate_alert_item_get_acknowledgement (titrate_alert_row_get_item (other)), ==,
                   "Low dose, monitored");
  g_assert_cmpstr (gtk_button_get_label (titrate_alert_row_get_ack_button (other)), ==, "_Update");
  titrate_alert_row_set_expanded (other, TRUE);
  wait_revealed (other, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entry)));

  close_window (win);
}

static void
test_no_display (void)
{
  g_test_skip ("No display: run under xvfb-run (tools/test.sh does)");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = NULL;
  int status;

  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  g_unsetenv ("TITRATE_RULES_DB");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/titrate/window/no-display", test_no_display);
      return g_test_run ();
    }

  /* Accessible properties are kept (and checked) only with an AT context:
   * GTK's in-process test one, whatever GTK_A11Y the caller had. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() picks en_US.UTF-8 when installed, else leaves C: the
   * tests run in C.UTF-8 either way, and switch locale where they say so. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "C");

  app = titrate_application_new ("io.github.titrate.Titrate.Test", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/titrate/window/new", test_new_window);
  g_test_add_func ("/titrate/window/start-memory", test_start_memory);
  g_test_add_func ("/titrate/window/menus-on-demand", test_menus_on_demand);
  g_test_add_func ("/titrate/window/review-overdue", test_review_overdue);
  g_test_add_func ("/titrate/window/patient-entry", test_patient_entry);
  g_test_add_func ("/titrate/window/bad-field", test_bad_field);
  g_test_add_func ("/titrate/window/commit-on-enter", test_commit_on_enter);
  g_test_add_func ("/titrate/window/verdict-bar", test_verdict_bar);
  g_test_add_func ("/titrate/window/fits-screens", test_fits_screens);
  g_test_add_func ("/titrate/window/panes-keyboard", test_panes_keyboard);
  g_test_add_func ("/titrate/window/creatinine-unit", test_creatinine_unit);
  g_test_add_func ("/titrate/window/example-calendar", test_example_calendar);
  g_test_add_func ("/titrate/window/schedule-caption", test_schedule_caption);
  g_test_add_func ("/titrate/window/unknown-comedication", test_unknown_comedication);
  g_test_add_func ("/titrate/window/blocked", test_blocked);
  g_test_add_func ("/titrate/window/blocked-institution", test_blocked_institution);
  g_test_add_func ("/titrate/window/roundtrip", test_roundtrip);
  g_test_add_func ("/titrate/window/protocol-error", test_protocol_error);
  g_test_add_func ("/titrate/window/parse-doses", test_parse_doses);
  g_test_add_func ("/titrate/window/keyboard", test_keyboard);
  g_test_add_func ("/titrate/window/about", test_about);
  g_test_add_func ("/titrate/window/disclaimer", test_disclaimer);
  g_test_add_func ("/titrate/window/unsaved-guard", test_unsaved_guard);
  g_test_add_func ("/titrate/window/open-files", test_open_files);
  g_test_add_func ("/titrate/window/grouping-refused", test_grouping_refused);
  g_test_add_func ("/titrate/window/locale-fr", test_locale_fr);
  g_test_add_func ("/titrate/window/preferences", test_preferences);
  g_test_add_func ("/titrate/window/alert-folding", test_alert_folding);
  g_test_add_func ("/titrate/window/accessible", test_accessible);
  g_test_add_func ("/titrate/window/form-lazy-parts", test_form_lazy_parts);
  g_test_add_func ("/titrate/window/form-open-on-new-plan", test_form_open_on_new_plan);
  g_test_add_func ("/titrate/window/day-cells-fit", test_day_cells_fit);
  g_test_add_func ("/titrate/window/alert-details-on-demand", test_alert_details_on_demand);

  /* Windows left unsaved autosave there, not in the user's state folder. */
  state_dir = test_state_dir_new ();
  status = g_test_run ();
  g_clear_object (&app);
  test_remove_tree (state_dir);
  return status;
}
