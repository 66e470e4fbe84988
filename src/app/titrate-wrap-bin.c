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
 * GtkBox also asks it at every allocation, for the height it allocates.
 * Nothing in Titrate is laid out width-for-height, so this bin answers a
 * width question with the child's width for any height.
 *
 * titrate_wrap_bin_adopt_labels() puts each wrapping label of a subtree
 * that sits in a horizontal box in such a bin. Measured at startup: 2121
 * text layouts for 132 texts before (the disclaimer alone 588), 1216
 * after; the labels beyond the disclaimer were 6 % of the instructions to
 * the first frame.
 *
 * titrate_wrap_bin_install_column_measure() does the same for vertical
 * boxes, including libadwaita's own (the title column of every row): see
 * there. With it, a bin around a label in a vertical box changed no text
 * layout (246 before the first frame with and without) and cost 1.4 % of
 * the instructions to the first frame, so labels in vertical boxes are
 * left alone.
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

static void
adopt_label (GtkBox    *box,
             GtkWidget *label)
{
  GtkWidget *prev = gtk_widget_get_prev_sibling (label);
  GtkWidget *bin = g_object_new (TITRATE_TYPE_WRAP_BIN, NULL);

  g_object_ref (label);
  gtk_box_remove (box, label);
  adw_bin_set_child (ADW_BIN (bin), label);
  g_object_unref (label);
  gtk_box_insert_child_after (box, bin, prev);
  /* A row hides its empty subtitle: the bin goes with it, and so does the
   * box's spacing around it. */
  g_object_bind_property (label, "visible", bin, "visible", G_BINDING_SYNC_CREATE);
}

/**
 * titrate_wrap_bin_adopt_labels:
 * @root: a widget
 *
 * Puts each wrapping #GtkLabel under @root whose parent is a horizontal
 * #GtkBox into a #TitrateWrapBin (vertical boxes answer for their labels
 * once titrate_wrap_bin_install_column_measure() has run). Labels already
 * in one are left alone, so this can be called again after rows were
 * added. Popovers are skipped.
 */
void
titrate_wrap_bin_adopt_labels (GtkWidget *root)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (root));

  child = gtk_widget_get_first_child (root);
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LABEL (child))
        {
          /* In a vertical box the box's own measure does it (see
           * titrate_wrap_bin_install_column_measure()): a bin there
           * only adds a widget to style and lay out. */
          if (GTK_IS_BOX (root) && gtk_label_get_wrap (GTK_LABEL (child)) &&
              gtk_orientable_get_orientation (GTK_ORIENTABLE (root)) == GTK_ORIENTATION_HORIZONTAL)
            adopt_label (GTK_BOX (root), child);
        }
      else if (!GTK_IS_NATIVE (child) && !TITRATE_IS_WRAP_BIN (child))
        titrate_wrap_bin_adopt_labels (child);
      child = next;
    }
}

/* Vertical boxes: a width that does not depend on the height */

typedef void (*MeasureFunc) (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline);

static MeasureFunc box_layout_measure;

static void
column_measure (GtkLayoutManager *manager,
                GtkWidget        *widget,
                GtkOrientation    orientation,
                int               for_size,
                int              *minimum,
                int              *natural,
                int              *minimum_baseline,
                int              *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL && for_size >= 0 &&
      gtk_orientable_get_orientation (GTK_ORIENTABLE (manager)) == GTK_ORIENTATION_VERTICAL)
    for_size = -1;
  box_layout_measure (manager, widget, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/**
 * titrate_wrap_bin_install_column_measure:
 *
 * Makes every vertical #GtkBox answer a width question with its width for
 * any height, as #TitrateWrapBin does for one label.
 *
 * GTK 4.8's box layout, asked for the width of a vertical box at a given
 * height, searches for the narrowest width at which its children fit that
 * height: a binary search, each step measuring every child's height at a
 * trial width. A horizontal box asked for its height at a given width
 * asks each child for its width at trial heights, so a row of columns of
 * wrapping text (every libadwaita row's title and subtitle, the verdict
 * bar, the alert rows) ran one search inside another. Measured at the
 * first frame: 548 height measures of wrapping text before, 177 after,
 * and 10 % fewer instructions to the first frame (1322 M to 1190 M,
 * callgrind). Titrate lays nothing out width-for-height, so the width at
 * any height is the width the box asks for at none.
 *
 * Called when the plan view's class is made (the main window and the
 * widget tests alike); calling it again does nothing.
 */
void
titrate_wrap_bin_install_column_measure (void)
{
  GtkLayoutManagerClass *klass;

  if (box_layout_measure != NULL)
    return;
  /* Kept for the life of the process: the class must not be finalized
   * with our function in it. */
  klass = g_type_class_ref (GTK_TYPE_BOX_LAYOUT);
  box_layout_measure = klass->measure;
  klass->measure = column_measure;
}
