/* test-accessible-names.c — buttons with a mnemonic are named once, without
 * the underscore (needs a display)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a button labelled "S_uggest" "S_uggest Suggest" and a check
 * button labelled "_Dialysis" "_Dialysis": a screen reader spells out the
 * underscore or says the name twice. The app names them after the label
 * without the underscore (titrate_accessible_install_mnemonic_names()).
 * tests/a11y.py checks the names AT-SPI gives for what is on screen; this
 * checks what it cannot reach: a button not shown yet, a button relabelled
 * while shown (an alert row's "_Acknowledge" becoming "_Update"), and a
 * button named on purpose, which keeps its name.
 */

#include "config.h"

#include <string.h>

#include "titrate-application.h"
#include "titrate-patient-form.h"
#include "titrate-ui-utils.h"
#include "titrate-test-gtk.h"

/* Named by its LABEL alone: no labelling relation says it again. */
static void
assert_named (GtkWidget  *widget,
              const char *name)
{
  gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
}

static void
test_mnemonic_names (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *suggest = gtk_button_new_with_mnemonic ("S_uggest");
  GtkWidget *check = gtk_check_button_new_with_mnemonic ("_Dialysis");
  GtkWidget *toggle = gtk_toggle_button_new_with_mnemonic ("_Presenter");
  GtkWidget *chosen = gtk_button_new_with_mnemonic ("C_hoose…");
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *acknowledge = gtk_button_new_with_mnemonic ("_Acknowledge");
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *hidden_page = gtk_button_new_with_mnemonic ("_Add Step");
  GtkWidget *form;

  titrate_accessible_install_mnemonic_names ();
  titrate_accessible_set_name (chosen, "Choose a rules database file");

  gtk_box_append (GTK_BOX (box), suggest);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), toggle);
  gtk_box_append (GTK_BOX (box), chosen);
  /* Not shown: in a closed revealer, and on a stack page not shown. */
  gtk_revealer_set_child (GTK_REVEALER (revealer), acknowledge);
  gtk_box_append (GTK_BOX (box), revealer);
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Calendar"), "calendar");
  gtk_stack_add_named (GTK_STACK (stack), hidden_page, "schedule");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "calendar");
  gtk_box_append (GTK_BOX (box), stack);
  /* The real patient form, with its "_Dialysis", "_Pregnant"… */
  form = g_object_new (TITRATE_TYPE_PATIENT_FORM, NULL);
  gtk_box_append (GTK_BOX (box), form);

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  pump ();

  assert_named (suggest, "Suggest");
  assert_named (check, "Dialysis");
  assert_named (toggle, "Presenter");
  assert_named (acknowledge, "Acknowledge");
  assert_named (hidden_page, "Add Step");
  assert_named (chosen, "Choose a rules database file");
  assert_named (GTK_WIDGET (gtk_widget_get_template_child (form, TITRATE_TYPE_PATIENT_FORM, "dialysis_check")),
                "Dialysis");
  assert_named (GTK_WIDGET (gtk_widget_get_template_child (form, TITRATE_TYPE_PATIENT_FORM, "pregnant_check")),
                "Pregnant");

  /* Relabelled while shown (as an acknowledged alert's button is). */
  gtk_revealer_set_reveal_child (GTK_REVEALER (revealer), TRUE);
  pump ();
  gtk_button_set_label (GTK_BUTTON (acknowledge), "_Update");
  pump ();
  assert_named (acknowledge, "Update");
  gtk_button_set_label (GTK_BUTTON (suggest), "_Acquitter");
  assert_named (suggest, "Acquitter");

  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible properties are read through GTK's in-process test context,
   * whatever GTK_A11Y the caller had. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  titrate_application_ensure_resources ();

  g_test_add_func ("/titrate/accessible-names/mnemonics", test_mnemonic_names);
  return g_test_run ();
}
