/* titrate-alert-row.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One alert: severity by icon, word and colour; title and the patient value
 * that triggered it; activating the row reveals the reason, what to do and
 * the source. Contraindicated and major alerts take an acknowledgement.
 *
 * Those details (ui/titrate-alert-row-details.ui, about 20 widgets with a
 * text view) are built when the row is first opened, or when a caller asks
 * for the acknowledgement field: most alerts are never opened, and GTK 4.8
 * builds a closed revealer's child all the same (and styles and measures
 * it unless it is hidden, which it is while the row is closed).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "titrate-alert-row.h"
#include "titrate-ui-utils.h"
#include "titrate-wrap-bin.h"

struct _TitrateAlertRow
{
  GtkListBoxRow     parent_instance;

  GtkImage         *severity_icon;
  GtkLabel         *severity_label;
  GtkLabel         *day_label;
  GtkLabel         *title_label;
  GtkLabel         *trigger_label;
  GtkLabel         *ack_label;
  GtkImage         *arrow;
  GtkRevealer      *revealer;

  /* The details: NULL until built (build_details) */
  GtkWidget        *details;
  GtkLabel         *reason_label;
  GtkLabel         *action_label;
  GtkLabel         *source_label;
  GtkWidget        *ack_box;
  GtkTextView      *ack_entry;
  GtkButton        *ack_button;

  TitrateAlertItem *item;
  gboolean          details_filled;
};

G_DEFINE_FINAL_TYPE (TitrateAlertRow, titrate_alert_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update_accessible (TitrateAlertRow *self)
{
  TitrateAlert *alert = titrate_alert_item_get_alert (self->item);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  /* Severity in words, title and trigger: never the colour alone. */
  /* Translators: read by screen readers: "Major alert: <title>. <trigger>" */
  label = g_strdup_printf (_("%s alert: %s. %s"), titrate_severity_label (alert->severity),
                           alert->title, alert->trigger != NULL ? alert->trigger : "");
  /* When it applies, and whether it still needs an acknowledgement. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->ack_label)))
    description = g_strdup_printf ("%s. %s", gtk_label_get_text (self->day_label),
                                   gtk_label_get_text (self->ack_label));
  else
    description = g_strdup (gtk_label_get_text (self->day_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, g_strstrip (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* (transfer full) the reason as typed, all lines */
static char *
ack_text (TitrateAlertRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->ack_entry);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_acknowledgement (TitrateAlertRow *self)
{
  const char *ack = titrate_alert_item_get_acknowledgement (self->item);
  gboolean needs = titrate_alert_item_get_needs_acknowledgement (self->item);

  if (!needs)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->ack_label), FALSE);
      update_accessible (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->ack_label), TRUE);
  if (ack != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("✓ Acknowledged: %s"), ack);

      gtk_label_set_text (self->ack_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->ack_label), "needs-ack");
      gtk_widget_add_css_class (GTK_WIDGET (self->ack_label), "acknowledged");
      gtk_widget_add_css_class (GTK_WIDGET (self), "acknowledged");
      if (self->details != NULL)
        {
          g_autofree char *typed = ack_text (self);

          gtk_button_set_label (self->ack_button, _("_Update"));
          if (g_strcmp0 (typed, ack) != 0 && !gtk_widget_has_focus (GTK_WIDGET (self->ack_entry)))
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->ack_entry), ack, -1);
        }
    }
  else
    {
      gtk_label_set_text (self->ack_label, _("Acknowledge to save as final"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->ack_label), "acknowledged");
      gtk_widget_add_css_class (GTK_WIDGET (self->ack_label), "needs-ack");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "acknowledged");
      if (self->details != NULL)
        gtk_button_set_label (self->ack_button, _("_Acknowledge"));
    }
  update_accessible (self);
}

/* A label's text with numbers and units kept on one line; unchanged text
 * is not set again (no relayout). TRUE when it changed. */
static gboolean
set_text_keeping_units (GtkLabel   *label,
                        const char *text)
{
  g_autofree char *shown = titrate_keep_units_together (text != NULL ? text : "");

  if (g_strcmp0 (gtk_label_get_text (label), shown) == 0)
    return FALSE;
  gtk_label_set_text (label, shown);
  return TRUE;
}

/* The long texts are laid out only once the row is opened: a closed row
 * costs no text shaping, which keeps re-checks on every keystroke cheap. */
static void
fill_details (TitrateAlertRow *self)
{
  TitrateAlert *alert = titrate_alert_item_get_alert (self->item);
  g_autofree char *source = NULL;

  if (self->details == NULL || self->details_filled)
    return;
  self->details_filled = TRUE;
  set_text_keeping_units (self->reason_label, alert->reason);
  set_text_keeping_units (self->action_label, alert->action);
  /* Translators: sources of an alert and the evidence mark, e.g. "CH; AAN2016 (evidence: L)" */
  source = g_strdup_printf (_("%s (evidence: %s)"), alert->source, alert->evidence != NULL ? alert->evidence : "?");
  gtk_label_set_text (self->source_label, source);
}

static void
update_alert (TitrateAlertRow *self)
{
  TitrateAlert *alert = titrate_alert_item_get_alert (self->item);
  const char *date = titrate_alert_item_get_date_label (self->item);
  g_autofree char *day = NULL;

  set_text_keeping_units (self->title_label, alert->title);
  /* One line while closed (it changes as values are typed, and wrapping
   * costs a relayout per keystroke); the whole of it is in the reason when
   * the row is opened, and in the tooltip. */
  if (set_text_keeping_units (self->trigger_label, alert->trigger))
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->trigger_label), alert->trigger);
  gtk_widget_set_visible (GTK_WIDGET (self->trigger_label), alert->trigger != NULL && *alert->trigger != '\0');

  if (alert->day > 0 && date != NULL)
    /* Translators: "from day 7 · Sun 10 Jan 2027" */
    day = g_strdup_printf (_("from day %d · %s"), alert->day, date);
  else if (alert->day > 0)
    day = g_strdup_printf (_("from day %d"), alert->day);
  else
    day = g_strdup (_("whole plan"));
  gtk_label_set_text (self->day_label, day);

  if (self->details_filled)
    {
      self->details_filled = FALSE;
      fill_details (self);
    }
  update_accessible (self);
}

/* Callbacks */

static void
on_alert_changed_cb (TitrateAlertRow *self)
{
  update_alert (self);
}

static void
on_acknowledgement_changed_cb (TitrateAlertRow *self)
{
  update_acknowledgement (self);
}

static void
on_ack_entry_changed_cb (TitrateAlertRow *self)
{
  g_autofree char *text = g_strstrip (ack_text (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->ack_button), *text != '\0');
}

static void
on_ack_activated_cb (TitrateAlertRow *self)
{
  g_autofree char *text = g_strstrip (ack_text (self));

  if (*text == '\0')
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.acknowledge", "(ss)",
                              titrate_alert_item_get_code (self->item), text);
}

/* Builds the details once, for the alert shown and its acknowledgement
 * as it stands; they stay hidden while the row is closed. */
static void
build_details (TitrateAlertRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  const char *ack;

  if (self->details != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/titrate/Titrate/ui/titrate-alert-row-details.ui");
  self->details = GTK_WIDGET (gtk_builder_get_object (builder, "details"));
  self->reason_label = GTK_LABEL (gtk_builder_get_object (builder, "reason_label"));
  self->action_label = GTK_LABEL (gtk_builder_get_object (builder, "action_label"));
  self->source_label = GTK_LABEL (gtk_builder_get_object (builder, "source_label"));
  self->ack_box = GTK_WIDGET (gtk_builder_get_object (builder, "ack_box"));
  self->ack_entry = GTK_TEXT_VIEW (gtk_builder_get_object (builder, "ack_entry"));
  self->ack_button = GTK_BUTTON (gtk_builder_get_object (builder, "ack_button"));

  /* Hidden while closed: a closed revealer still measures a visible child. */
  gtk_widget_set_visible (self->details, gtk_revealer_get_reveal_child (self->revealer));
  gtk_revealer_set_child (self->revealer, self->details);
  /* The same measuring bins for wrapping texts as the rest of the window */
  titrate_wrap_bin_adopt_labels (self->details);
  g_signal_connect_object (gtk_text_view_get_buffer (self->ack_entry), "changed",
                           G_CALLBACK (on_ack_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ack_button, "clicked",
                           G_CALLBACK (on_ack_activated_cb), self, G_CONNECT_SWAPPED);

  if (self->item == NULL)
    return;
  self->details_filled = FALSE;
  fill_details (self);
  ack = titrate_alert_item_get_acknowledgement (self->item);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->ack_entry), ack != NULL ? ack : "", -1);
  gtk_widget_set_visible (self->ack_box, titrate_alert_item_get_needs_acknowledgement (self->item));
  update_acknowledgement (self);
}

/* GObject */

static void
titrate_alert_row_dispose (GObject *object)
{
  TitrateAlertRow *self = TITRATE_ALERT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TITRATE_TYPE_ALERT_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (titrate_alert_row_parent_class)->dispose (object);
}

static void
titrate_alert_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TitrateAlertRow *self = TITRATE_ALERT_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, titrate_alert_row_get_expanded (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_alert_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TitrateAlertRow *self = TITRATE_ALERT_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      titrate_alert_row_set_expanded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_alert_row_class_init (TitrateAlertRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_alert_row_dispose;
  object_class->get_property = titrate_alert_row_get_property;
  object_class->set_property = titrate_alert_row_set_property;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-alert-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertRow, severity_icon);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertRow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertRow, trigger_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertRow, ack_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertRow, arrow);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertRow, revealer);
}

/* A closed revealer still measures a visible child: hide it once closed. */
static void
on_child_revealed_cb (TitrateAlertRow *self)
{
  if (self->details != NULL &&
      !gtk_revealer_get_child_revealed (self->revealer) && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (self->details, FALSE);
}

static void
titrate_alert_row_init (TitrateAlertRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Rows are made again when the set of alerts changes: their wrapping
   * texts get the same measuring bins as the rest of the window. */
  titrate_wrap_bin_adopt_labels (GTK_WIDGET (self));
  g_signal_connect_swapped (self->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed_cb), self);
}

/* Public API */

GtkWidget *
titrate_alert_row_new (TitrateAlertItem *item)
{
  TitrateAlertRow *self;

  g_return_val_if_fail (TITRATE_IS_ALERT_ITEM (item), NULL);

  self = g_object_new (TITRATE_TYPE_ALERT_ROW, NULL);
  titrate_alert_row_set_item (self, item);
  return GTK_WIDGET (self);
}

/* Shows another alert in this row: rows are reused across re-checks, so a
 * keystroke costs text updates, not new widgets. */
void
titrate_alert_row_set_item (TitrateAlertRow  *self,
                            TitrateAlertItem *item)
{
  TitrateAlert *alert;
  gboolean same_code;

  g_return_if_fail (TITRATE_IS_ALERT_ROW (self));
  g_return_if_fail (TITRATE_IS_ALERT_ITEM (item));

  if (self->item == item)
    return;
  same_code = self->item != NULL &&
              g_strcmp0 (titrate_alert_item_get_code (self->item), titrate_alert_item_get_code (item)) == 0;
  if (self->item != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->item, self);
      gtk_widget_remove_css_class (GTK_WIDGET (self),
                                   titrate_severity_css_class (titrate_alert_item_get_severity (self->item)));
      g_clear_object (&self->item);
    }
  self->item = g_object_ref (item);
  alert = titrate_alert_item_get_alert (item);

  gtk_widget_add_css_class (GTK_WIDGET (self), titrate_severity_css_class (alert->severity));
  gtk_image_set_from_icon_name (self->severity_icon, titrate_severity_icon_name (alert->severity));
  gtk_label_set_text (self->severity_label, titrate_severity_label (alert->severity));
  self->details_filled = FALSE;
  if (titrate_alert_row_get_expanded (self))
    fill_details (self);
  update_alert (self);

  /* A reason typed for one alert never shows under another. */
  if (self->details != NULL && !same_code)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->ack_entry),
                              titrate_alert_item_get_acknowledgement (item) != NULL
                              ? titrate_alert_item_get_acknowledgement (item) : "", -1);
  if (self->details != NULL)
    gtk_widget_set_visible (self->ack_box, titrate_alert_item_get_needs_acknowledgement (item));
  g_signal_connect_object (item, "notify::acknowledgement",
                           G_CALLBACK (on_acknowledgement_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::alert",
                           G_CALLBACK (on_alert_changed_cb), self, G_CONNECT_SWAPPED);
  update_acknowledgement (self);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED,
                               titrate_alert_row_get_expanded (self), -1);
}

TitrateAlertItem *
titrate_alert_row_get_item (TitrateAlertRow *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ROW (self), NULL);

  return self->item;
}

gboolean
titrate_alert_row_get_expanded (TitrateAlertRow *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ROW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
titrate_alert_row_set_expanded (TitrateAlertRow *self,
                                gboolean         expanded)
{
  g_return_if_fail (TITRATE_IS_ALERT_ROW (self));

  if (expanded == titrate_alert_row_get_expanded (self))
    return;
  if (expanded)
    {
      build_details (self);
      fill_details (self);
      gtk_widget_set_visible (self->details, TRUE);
    }
  gtk_revealer_set_reveal_child (self->revealer, expanded);
  gtk_image_set_from_icon_name (self->arrow, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

const char *
titrate_alert_row_get_title (TitrateAlertRow *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
titrate_alert_row_get_severity_text (TitrateAlertRow *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ROW (self), NULL);

  return gtk_label_get_text (self->severity_label);
}

/* The reason field: several lines, wrapped, never cut. Built on demand,
 * hidden while the row is closed. */
GtkTextView *
titrate_alert_row_get_ack_entry (TitrateAlertRow *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ROW (self), NULL);

  build_details (self);
  return self->ack_entry;
}

GtkButton *
titrate_alert_row_get_ack_button (TitrateAlertRow *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_ROW (self), NULL);

  build_details (self);
  return self->ack_button;
}
