/* test-number-row.c — number rows in the form pane: every field message is
 * shown in full, and a refused minus sign loses nothing (needs a display)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The patient form is put in a pane built as the window's side pane is
 * (340 px wide, 12 px margins, a vertical scrollbar), then driven as a
 * prescriber does: a value typed and Enter, a minus typed over a selected
 * value and focus moved on. The assertions are about what the prescriber
 * sees: the message under the field (its full text, never cut with "…"),
 * the text in the entry, and the value the plan is checked with.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "titrate-application.h"
#include "titrate-number-row.h"
#include "titrate-patient-form.h"
#include "titrate-session.h"
#include "titrate-ui-utils.h"
#include "titrate-test-gtk.h"

#define PANE_WIDTH 340

typedef struct
{
  TitrateSession     *session;
  TitratePatientForm *form;
  GtkWidget          *window;
} Pane;




static TitrateRules *
rules (void)
{
  static TitrateRules *embedded = NULL;

  if (embedded == NULL)
    {
      g_autoptr(GError) error = NULL;

      embedded = titrate_rules_new_embedded (&error);
      g_assert_no_error (error);
    }
  return embedded;
}

/* The form in a pane as wide as the window's (ui/titrate-plan-view.ui). */
static void
pane_open (Pane *pane)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  pane->session = titrate_session_new (rules (), NULL);
  titrate_session_new_document (pane->session, TITRATE_CREATININE_MG_DL);
  pane->form = g_object_new (TITRATE_TYPE_PATIENT_FORM, NULL);
  titrate_patient_form_set_session (pane->form, pane->session);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (pane->form));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_EXTERNAL, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scrolled), PANE_WIDTH);
  gtk_widget_set_size_request (scrolled, PANE_WIDTH, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  pane->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (pane->window), PANE_WIDTH, 900);
  gtk_window_set_child (GTK_WINDOW (pane->window), scrolled);
  gtk_window_present (GTK_WINDOW (pane->window));
  settle (pane->window);
}

static void
pane_close (Pane *pane)
{
  gtk_window_destroy (GTK_WINDOW (pane->window));
  pump ();
  g_clear_object (&pane->session);
}

static TitrateNumberRow *
row (Pane       *pane,
     const char *name)
{
  return form_row (pane->form, name);
}

static GtkLabel *
find_label_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label_with_class (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message under the field is on screen in full: the label holds the
 * whole text, and no line of it is cut with "…". */
static void
assert_message_in_full (Pane             *pane,
                        TitrateNumberRow *number_row,
                        const char       *expected_part,
                        const char       *context)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (number_row));
  GtkLabel *label = find_label_with_class (GTK_WIDGET (number_row), "subtitle");
  /* On screen, a number keeps its unit on its line (a no-break space). */
  g_autofree char *expected = titrate_keep_units_together (expected_part);
  PangoLayout *layout;
  int row_width;

  settle (pane->window);
  g_assert_nonnull (subtitle);
  if (strstr (subtitle, expected_part) == NULL && strstr (subtitle, expected) == NULL)
    g_error ("%s: the message “%s” does not say “%s”", context, subtitle, expected_part);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_label (label), ==, subtitle);

  /* As narrow as the side pane makes it (the message needs many lines). */
  row_width = gtk_widget_get_width (GTK_WIDGET (number_row));
  g_assert_cmpint (row_width, >, 0);
  g_assert_cmpint (row_width, <=, PANE_WIDTH);

  layout = gtk_label_get_layout (label);
  g_assert_cmpstr (pango_layout_get_text (layout), ==, subtitle);
  if (pango_layout_is_ellipsized (layout))
    g_error ("%s: the message is cut off at %d px: “%s”", context, row_width, subtitle);
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
}

static void
check_messages_in_full (const char *language)
{
  Pane pane = { 0 };
  TitrateNumberRow *weight;
  TitrateNumberRow *age;
  g_autofree char *context = NULL;
  g_autofree char *question = NULL;
  int position = 0;

  pane_open (&pane);
  weight = row (&pane, "weight_row");
  age = row (&pane, "age_row");

  enter (age, "78");
  enter (weight, "55");

  /* Grouped digits ("1,000" in English, "1.000" in French): ambiguous. */
  context = g_strdup_printf ("%s, weight with grouped digits", language);
  enter (weight, g_str_equal (language, "French") ? "1.000" : "1,000");
  g_assert_false (titrate_number_row_get_valid (weight));
  assert_message_in_full (&pane, weight, "400", context);

  /* Not a number. */
  g_free (context);
  context = g_strdup_printf ("%s, age “8a”", language);
  enter (age, "8a");
  g_assert_false (titrate_number_row_get_valid (age));
  assert_message_in_full (&pane, age, "8a", context);
  enter (age, "78");

  /* The minus sign refused. */
  g_free (context);
  context = g_strdup_printf ("%s, minus refused", language);
  enter (weight, "");
  gtk_editable_insert_text (titrate_number_row_get_entry (weight), "-", 1, &position);
  pump ();
  assert_message_in_full (&pane, weight, _("A negative number is not accepted here: the minus sign was not typed."),
                          context);

  /* 1 kg at 78 years: questioned under the field, not refused. */
  g_free (context);
  context = g_strdup_printf ("%s, weight questioned for the age", language);
  enter (weight, "1");
  g_assert_true (titrate_number_row_get_valid (weight));
  g_object_get (weight, "hint", &question, NULL);
  g_assert_nonnull (question);
  g_assert_cmpstr (question, !=, "");
  assert_message_in_full (&pane, weight, question, context);

  pane_close (&pane);
}

/* Issue #11: "never truncate; wrap text in every language shipped". */
static void
test_messages_in_full (void)
{
  in_english_and_french (check_messages_in_full);
}

/* The input method of the entry's text: what a key press commits through. */
static GtkIMContext *
entry_im_context (GtkEditable *entry)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (entry));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_key_get_im_context (GTK_EVENT_CONTROLLER_KEY (controller)) != NULL)
        return gtk_event_controller_key_get_im_context (GTK_EVENT_CONTROLLER_KEY (controller));
    }
  g_assert_not_reached ();
  return NULL;
}

/* Ctrl+A, then a key: the text the key types, as GtkText receives it. */
static void
type_over_all (GtkEditable *entry,
               const char  *typed)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  pump ();
  gtk_editable_select_region (entry, 0, -1);
  g_signal_emit_by_name (entry_im_context (entry), "commit", typed);
  pump ();
}

/* Weight 55, Ctrl+A, "-", Tab: the minus is refused and 55 stays, in the
 * field and in the plan (an empty weight would change the renal basis). */
static void
test_minus_over_selection (void)
{
  Pane pane = { 0 };
  TitrateNumberRow *weight;
  TitrateNumberRow *height;
  GtkEditable *entry;

  pane_open (&pane);
  weight = row (&pane, "weight_row");
  height = row (&pane, "height_row");
  entry = titrate_number_row_get_entry (weight);

  enter (row (&pane, "age_row"), "78");
  enter (weight, "55");
  g_assert_cmpfloat (titrate_session_get_patient (pane.session)->weight_kg, ==, 55);

  type_over_all (entry, "-");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "55");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (weight)), "negative"));
  g_assert_false (titrate_number_row_get_pending (weight));

  /* Tab: focus leaves, the field commits what it shows. */
  gtk_widget_grab_focus (GTK_WIDGET (titrate_number_row_get_entry (height)));
  pump ();
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (entry))));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "55");
  g_assert_true (titrate_number_row_get_valid (weight));
  g_assert_cmpfloat (titrate_number_row_get_value (weight), ==, 55);
  g_assert_cmpfloat (titrate_session_get_patient (pane.session)->weight_kg, ==, 55);

  /* "-60" pasted or committed at once over the selection: refused whole. */
  type_over_all (entry, "-60");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "55");
  gtk_widget_grab_focus (GTK_WIDGET (titrate_number_row_get_entry (height)));
  pump ();
  g_assert_cmpfloat (titrate_session_get_patient (pane.session)->weight_kg, ==, 55);

  /* Typing a digit over the selection still replaces it. */
  type_over_all (entry, "6");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "6");
  g_assert_true (titrate_number_row_get_pending (weight));
  g_assert_cmpfloat (titrate_session_get_patient (pane.session)->weight_kg, ==, 55);
  gtk_widget_grab_focus (GTK_WIDGET (titrate_number_row_get_entry (height)));
  pump ();
  g_assert_cmpfloat (titrate_session_get_patient (pane.session)->weight_kg, ==, 6);

  /* A selection deleted on its own (Delete), then a minus typed: the
   * minus is refused, and the deletion, a separate edit, stands. */
  enter (weight, "55");
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  pump ();
  gtk_editable_select_region (entry, 0, -1);
  gtk_editable_delete_selection (entry);
  pump ();
  g_signal_emit_by_name (entry_im_context (entry), "commit", "-");
  pump ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_true (titrate_number_row_get_pending (weight));
  g_assert_cmpfloat (titrate_session_get_patient (pane.session)->weight_kg, ==, 55);

  pane_close (&pane);
}

/* On screen a number keeps its unit and a compound unit stays whole;
 * other slashes and spaces still break, and nothing else changes. */
static void
test_units_together (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "22.5 mg/day", "22.5\u00a0mg/\u2060day" },
    { "maximum de 80 mg/jour", "maximum de 80\u00a0mg/\u2060jour" },
    { "CrCl 30–50 mL/min", "CrCl 30–50\u00a0mL/\u2060min" },
    { "2 mg/kg/day", "2\u00a0mg/\u2060kg/\u2060day" },
    { "7 %", "7\u00a0%" },
    { "and/or hydrocodone/acetaminophen", "and/or hydrocodone/acetaminophen" },
    { "2027/01/04, 3 tablets", "2027/01/04, 3 tablets" },
    { "12 hours", "12 hours" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = titrate_keep_units_together (cases[i].in);
      g_autofree char *narrow = titrate_keep_units_together_narrow (cases[i].in);

      g_assert_cmpstr (shown, ==, cases[i].out);
      g_assert_true (g_utf8_validate (narrow, -1, NULL));
    }
  {
    g_autofree char *narrow = titrate_keep_units_together_narrow ("400 mcg/day");

    g_assert_cmpstr (narrow, ==, "400\u00a0mcg\u200b/\u2060day");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  titrate_application_ensure_resources ();

  g_test_add_func ("/titrate/number-row/units-together", test_units_together);
  g_test_add_func ("/titrate/number-row/messages-in-full", test_messages_in_full);
  g_test_add_func ("/titrate/number-row/minus-over-selection", test_minus_over_selection);
  return g_test_run ();
}
