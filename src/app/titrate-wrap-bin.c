/* titrate-wrap-bin.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bin for text that wraps: its width does not depend on its height.
 *
 * The window is laid out height-for-width: a width is chosen, then each
 * pane's height for it. GTK 4.8's GtkBox also asks each child, while
 * measuring its height, for its width at its minimum height ("natural
 * size for the minimum opposite size"). For a wrapping GtkLabel that
 * question is a binary search over widths, a dozen full text layouts, and
 * it is asked again for every height a parent tries. Measured on the
 * first-run disclaimer, that was 588 text layouts before the first frame.
 * Nothing in Titrate is laid out width-for-height, so this bin answers a
 * width question with the child's width for any height.
 */

#include "config.h"

#include "titrate-wrap-bin.h"

struct _TitrateWrapBin
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (TitrateWrapBin, titrate_wrap_bin, ADW_TYPE_BIN)

static void
titrate_wrap_bin_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
titrate_wrap_bin_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
titrate_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
titrate_wrap_bin_class_init (TitrateWrapBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = titrate_wrap_bin_measure;
  widget_class->size_allocate = titrate_wrap_bin_size_allocate;
  widget_class->get_request_mode = titrate_wrap_bin_get_request_mode;
}

static void
titrate_wrap_bin_init (TitrateWrapBin *self)
{
  /* AdwBin's layout manager would bypass measure() and size_allocate(). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

GtkWidget *
titrate_wrap_bin_new (GtkWidget *child)
{
  GtkWidget *self = g_object_new (TITRATE_TYPE_WRAP_BIN, NULL);

  adw_bin_set_child (ADW_BIN (self), child);
  return self;
}
