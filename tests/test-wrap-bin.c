/* test-wrap-bin.c — text that wraps is measured height-for-width only
 * (needs a display)
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column of wrapping text (a row's title and subtitle, a verdict-bar
 * column) must give the same width whatever height it is asked about,
 * and its true height for a width: GTK 4.8's box otherwise searched for
 * a width that fits a height, one search inside another, at every
 * layout. These tests measure the widgets as their parents do.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "titrate-application.h"
#include "titrate-plan-view.h"
#include "titrate-wrap-bin.h"
#include "titrate-test-gtk.h"

#define TEXT "Reduce the dose: the patient's creatinine clearance is below 30 mL/min, " \
             "and baclofen is cleared by the kidneys."

static GtkWidget *
wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/* Two wrapping labels in a vertical box, as libadwaita builds a row's
 * title column, in a window so that they have a style. */
static GtkWidget *
column_in_window (GtkWidget **window)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (column), wrapping_label ("Creatinine clearance"));
  gtk_box_append (GTK_BOX (column), wrapping_label (TEXT));
  titrate_wrap_bin_adopt_labels (column);
  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), column);
  return column;
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural)
{
  gtk_widget_measure (widget, orientation, for_size, minimum, natural, NULL, NULL);
}

/* A wrapping label in a horizontal box is adopted into a bin, and
 * adopting twice changes nothing; one in a vertical box, which answers for
 * it, and one that does not wrap are left alone. */
static void
test_adopt_labels (void)
{
  GtkWidget *window;
  GtkWidget *column = column_in_window (&window);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *first;

  gtk_box_append (GTK_BOX (row), gtk_label_new ("years"));
  gtk_box_append (GTK_BOX (row), wrapping_label (TEXT));
  gtk_box_append (GTK_BOX (column), row);
  titrate_wrap_bin_adopt_labels (column);
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (column)));
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (row)));
  first = gtk_widget_get_last_child (row);
  g_assert_true (TITRATE_IS_WRAP_BIN (first));
  g_assert_true (GTK_IS_LABEL (adw_bin_get_child (ADW_BIN (first))));
  titrate_wrap_bin_adopt_labels (column);
  g_assert_true (gtk_widget_get_last_child (row) == first);
  g_assert_true (GTK_IS_LABEL (adw_bin_get_child (ADW_BIN (first))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A stand-in for wrapping text that counts the questions it is asked:
 * 200 px on one line, 50 px at its narrowest, 20 px per line. */
typedef struct { GtkWidget parent_instance; } TestText;
typedef struct { GtkWidgetClass parent_class; } TestTextClass;
static GType test_text_get_type (void);
G_DEFINE_TYPE (TestText, test_text, GTK_TYPE_WIDGET)

static guint height_questions;

static void
test_text_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 50;
      *natural = 200;
      return;
    }
  if (for_size >= 0)
    height_questions++;
  *minimum = *natural = 20 * ((200 + MAX (for_size, 50) - 1) / MAX (for_size, 50));
  if (for_size < 0)
    *minimum = *natural = 20;
}

static GtkSizeRequestMode
test_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_text_class_init (TestTextClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = test_text_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = test_text_get_request_mode;
}

static void
test_text_init (TestText *self)
{
}

/* A column's width is the same at any height, and finding it asks no
 * height of the text: GTK 4.8 searched for the width at which the text
 * fits the height, each step asking every child's height. */
static void
test_column_width_for_any_height (void)
{
  g_type_class_unref (g_type_class_ref (TITRATE_TYPE_PLAN_VIEW));

  for (int height = 20; height <= 200; height += 20)
    {
      GtkWidget *column = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
      int min_width, nat_width;

      gtk_box_append (GTK_BOX (column), g_object_new (test_text_get_type (), NULL));
      gtk_box_append (GTK_BOX (column), g_object_new (test_text_get_type (), NULL));
      height_questions = 0;
      measure (column, GTK_ORIENTATION_HORIZONTAL, height, &min_width, &nat_width);
      g_assert_cmpuint (height_questions, ==, 0);
      g_assert_cmpint (min_width, ==, 50);
      g_assert_cmpint (nat_width, ==, 200);

      /* Height for width is still asked and true: narrower is taller. */
      {
        int wide, narrow, unused;

        measure (column, GTK_ORIENTATION_VERTICAL, 200, &wide, &unused);
        measure (column, GTK_ORIENTATION_VERTICAL, 50, &narrow, &unused);
        g_assert_cmpint (wide, ==, 20 + 6 + 20);
        g_assert_cmpint (narrow, ==, 80 + 6 + 80);
      }
      g_object_unref (column);
    }
}

/* The same with real text: a one-line height gives the width of no
 * height. */
static void
test_labels_width_for_any_height (void)
{
  GtkWidget *window;
  GtkWidget *column;
  int min_width, nat_width, line_height, unused;

  g_type_class_unref (g_type_class_ref (TITRATE_TYPE_PLAN_VIEW));
  column = column_in_window (&window);
  measure (column, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width);
  g_assert_cmpint (min_width, >, 0);
  g_assert_cmpint (nat_width, >, min_width);
  measure (gtk_widget_get_first_child (column), GTK_ORIENTATION_VERTICAL, -1, &line_height, &unused);
  for (int height = line_height; height <= 20 * line_height; height += line_height)
    {
      int min_for_height, nat_for_height;

      measure (column, GTK_ORIENTATION_HORIZONTAL, height, &min_for_height, &nat_for_height);
      g_assert_cmpint (min_for_height, ==, min_width);
      g_assert_cmpint (nat_for_height, ==, nat_width);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* In a horizontal row (an icon, a column of text, a button), the text
 * gets the width the row can give, and the row is as tall as the text
 * wrapped to it: nothing overlaps and nothing is cut. */
static void
test_row_of_columns (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_label ("Acknowledge");
  GtkWidget *text;
  int row_min, row_nat, text_min, text_nat;

  g_type_class_unref (g_type_class_ref (TITRATE_TYPE_PLAN_VIEW));
  gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (column), wrapping_label (TEXT));
  gtk_box_append (GTK_BOX (row), column);
  gtk_box_append (GTK_BOX (row), button);
  titrate_wrap_bin_adopt_labels (row);
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, -1);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);

  text = gtk_widget_get_first_child (column);
  measure (text, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (text), &text_min, &text_nat);
  g_assert_cmpint (gtk_widget_get_height (text), >=, text_min);
  measure (row, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (row), &row_min, &row_nat);
  g_assert_cmpint (gtk_widget_get_height (row), >=, row_min);
  g_assert_cmpint (row_min, >=, text_min);
  g_assert_cmpint (gtk_widget_get_width (row), <=, 300);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  titrate_application_ensure_resources ();

  g_test_add_func ("/titrate/wrap-bin/adopt-labels", test_adopt_labels);
  g_test_add_func ("/titrate/wrap-bin/column-width-for-any-height", test_column_width_for_any_height);
  g_test_add_func ("/titrate/wrap-bin/labels-width-for-any-height", test_labels_width_for_any_height);
  g_test_add_func ("/titrate/wrap-bin/row-of-columns", test_row_of_columns);
  return g_test_run ();
}
