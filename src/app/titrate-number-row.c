/* titrate-number-row.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row with a title, a number entry and its unit beside it. What is typed
 * reaches the plan only when it is committed: Enter, or focus leaving the
 * entry. Until then the row shows that an edit is pending and the last
 * committed value stays in force, so a half-typed "1,000" never checks a
 * 1 kg patient. A committed text that does not parse puts the row in its
 * error style with a message saying what is accepted, keeps the text as
 * typed, and never reaches the model (::value-changed fires only for valid
 * values). A minus sign in a field that takes no negative number is
 * refused with a message. Rows in a dialog can be "live": checked per
 * keystroke, as the dialog's Save button needs.
 * Numbers are shown and read with the locale's decimal separator; the
 * rule for "." and "," and for grouped digits is titrate_parse_number()'s.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "titrate-number-row.h"
#include "titrate-ui-utils.h"

struct _TitrateNumberRow
{
  AdwActionRow  parent_instance;

  GtkEntry     *entry;
  GtkLabel     *unit_label;

  char         *unit;
  char         *hint;
  double        minimum;
  double        maximum;
  gboolean      exclusive_minimum;
  gboolean      integer;
  gboolean      optional;
  gboolean      show_unit;

  double        value;
  gboolean      valid;
  gboolean      updating;
  gboolean      pending;
  gboolean      live;
  guint         validate_id;

  /* What the edit under way deleted (typing over a selection deletes it
   * first), to put back if that edit's insertion is refused; forgotten
   * once the edit is over (edit_deleted_id). */
  char         *edit_deleted;
  int           edit_deleted_at;
  guint         edit_deleted_id;
};

G_DEFINE_FINAL_TYPE (TitrateNumberRow, titrate_number_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_UNIT,
  PROP_HINT,
  PROP_MINIMUM,
  PROP_MAXIMUM,
  PROP_EXCLUSIVE_MINIMUM,
  PROP_INTEGER,
  PROP_OPTIONAL,
  PROP_SHOW_UNIT,
  PROP_VALUE,
  PROP_VALID,
  PROP_PENDING,
  PROP_LIVE,
  N_PROPS
};

enum {
  VALUE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
same_value (double a,
            double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) < 1e-12;
}

/* "Accepted: 0 to 130 years" — said with every error. */
static char *
describe_accepted (TitrateNumberRow *self)
{
  g_autofree char *min = titrate_format_amount_display (self->minimum);
  g_autofree char *max = titrate_format_amount_display (self->maximum);
  const char *unit = self->unit != NULL ? self->unit : "";
  g_autofree char *range = NULL;

  if (self->integer)
    /* Translators: accepted input, e.g. "a whole number from 1 to 8 doses" */
    range = g_strdup_printf (_("a whole number from %s to %s %s"), min, max, unit);
  else if (self->exclusive_minimum)
    /* Translators: accepted input, e.g. "a number above 0, up to 400 kg" */
    range = g_strdup_printf (_("a number above %s, up to %s %s"), min, max, unit);
  else
    /* Translators: accepted input, e.g. "a number from 0 to 130 years" */
    range = g_strdup_printf (_("a number from %s to %s %s"), min, max, unit);
  g_strchomp (range);

  if (self->optional)
    /* Translators: %s is e.g. "a number from 0 to 130 years" */
    return g_strdup_printf (_("Enter %s, or leave empty if unknown."), range);
  /* Translators: %s is e.g. "a whole number from 1 to 8 doses" */
  return g_strdup_printf (_("Enter %s."), range);
}

static void
update_accessible (TitrateNumberRow *self)
{
  g_autofree char *plain = titrate_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
  g_autofree char *label = NULL;
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (self));

  /* "Age (years)", the message or hint as its description. */
  if (self->unit != NULL && *self->unit != '\0')
    label = g_strdup_printf ("%s (%s)", plain, self->unit);
  else
    label = g_steal_pointer (&plain);

  titrate_accessible_name_only (GTK_WIDGET (self->entry), label);
  if (self->valid && self->pending)
    subtitle = _("Not applied yet: press Enter or leave the field");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry),
                               self->valid && self->pending ? subtitle : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle != NULL ? subtitle : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               self->valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

static void
show_state (TitrateNumberRow *self,
            const char       *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), error);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      /* A pending edit is shown by the row's colour, the entry's tooltip
       * and accessible description, and named in the verdict bar; not by
       * a subtitle: a line appearing and going at the first keystroke
       * made the whole form lay out again. */
      g_autofree char *hint = titrate_keep_units_together (self->hint != NULL ? self->hint : "");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), hint);
    }
  update_accessible (self);
}

static void
set_pending (TitrateNumberRow *self,
             gboolean          pending)
{
  if (self->pending == pending)
    return;
  self->pending = pending;
  if (pending)
    gtk_widget_add_css_class (GTK_WIDGET (self), "pending");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "pending");
  if (self->valid)
    show_state (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
set_valid (TitrateNumberRow *self,
           gboolean          valid)
{
  if (self->valid == valid)
    return;
  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
validate (TitrateNumberRow *self,
          gboolean          emit)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *error = NULL;
  g_autofree char *accepted = NULL;
  double value = NAN;
  gboolean changed;

  if (emit)
    {
      self->pending = FALSE;
      gtk_widget_remove_css_class (GTK_WIDGET (self), "pending");
    }

  switch (titrate_parse_number (text, &value))
    {
    case TITRATE_PARSE_EMPTY:
      if (!self->optional)
        {
          accepted = describe_accepted (self);
          /* Translators: %s says what is accepted */
          error = g_strdup_printf (_("Required. %s"), accepted);
        }
      break;

    case TITRATE_PARSE_INVALID:
      {
        g_autofree char *shown = g_strstrip (g_strdup (text));

        accepted = describe_accepted (self);
        /* Translators: "“abc” is not a number. Enter a number from 0 to 130 years." */
        error = g_strdup_printf (_("“%s” is not a number. %s"), shown, accepted);
      }
      break;

    case TITRATE_PARSE_AMBIGUOUS:
      /* "1,000" in English: never read as 1 or as 1000. */
      {
        g_autofree char *why = titrate_describe_ambiguous (text);

        accepted = describe_accepted (self);
        /* Two sentences, each translated. */
        error = g_strdup_printf ("%s %s", why, accepted);
      }
      break;

    case TITRATE_PARSE_OK:
    default:
      if (value > self->maximum ||
          value < self->minimum ||
          (self->exclusive_minimum && value <= self->minimum) ||
          (self->integer && value != floor (value)))
        {
          g_autofree char *shown = titrate_format_amount_display (value);

          accepted = describe_accepted (self);
          /* Translators: "200 is not accepted here. Enter a number from 0 to 130 years." */
          error = g_strdup_printf (_("%s is not accepted here. %s"), shown, accepted);
        }
      break;
    }

  /* The value first, then the notifications: a handler of ::notify::valid
   * must already see the new value. */
  changed = error == NULL && !same_value (value, self->value);
  if (changed)
    self->value = value;
  show_state (self, error);
  set_valid (self, error == NULL);
  if (emit)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
      if (emit)
        g_signal_emit (self, signals[VALUE_CHANGED], 0);
    }
}

/* Is the text what the committed value would show? */
static gboolean
text_is_committed (TitrateNumberRow *self)
{
  double shown = NAN;
  TitrateParseResult result;

  result = titrate_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &shown);
  return self->valid && (result == TITRATE_PARSE_OK || result == TITRATE_PARSE_EMPTY) && same_value (shown, self->value);
}

static void
write_text (TitrateNumberRow *self,
            double            value)
{
  g_autofree char *text = titrate_format_number (value);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->updating = FALSE;
}

static gboolean
validate_cb (gpointer user_data)
{
  TitrateNumberRow *self = user_data;

  self->validate_id = 0;
  validate (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Runs a pending check now (a getter must not see stale state). */
static void
flush (TitrateNumberRow *self)
{
  if (self->validate_id == 0)
    return;
  g_clear_handle_id (&self->validate_id, g_source_remove);
  validate (self, TRUE);
}

/* Callbacks */

static void
on_entry_changed_cb (TitrateNumberRow *self)
{
  if (self->updating)
    return;
  if (!self->live)
    {
      /* Nothing reaches the plan while typing: only say an edit waits. */
      set_pending (self, !text_is_committed (self));
      return;
    }
  /* One edit can change the text twice (typing over a selection deletes,
   * then inserts): check once it is complete, so a transient empty field
   * never replaces a known value. The idle runs before the next redraw. */
  if (self->validate_id == 0)
    self->validate_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, validate_cb, self, NULL);
}

static void
on_entry_activate_cb (TitrateNumberRow *self)
{
  titrate_number_row_commit (self);
}

static void
on_focus_leave_cb (TitrateNumberRow *self)
{
  titrate_number_row_commit (self);
}

/* Typing or pasting over a selection is one edit in two steps: GtkText
 * deletes the selection, then inserts, both in the same call (GTK 4.8
 * says "changed" in between). Remember what the first step deleted, in
 * case the second is refused, until that call is over: the idle runs
 * before the next key press is handled. */
static gboolean
forget_deleted_cb (gpointer user_data)
{
  TitrateNumberRow *self = user_data;

  self->edit_deleted_id = 0;
  g_clear_pointer (&self->edit_deleted, g_free);
  return G_SOURCE_REMOVE;
}

static void
on_delete_text_cb (GtkEditable      *delegate,
                   int               start_pos,
                   int               end_pos,
                   TitrateNumberRow *self)
{
  if (self->updating)
    return;
  if (end_pos >= 0 && end_pos < start_pos)
    {
      int swap = start_pos;

      start_pos = end_pos;
      end_pos = swap;
    }
  g_free (self->edit_deleted);
  self->edit_deleted = gtk_editable_get_chars (delegate, start_pos, end_pos);
  self->edit_deleted_at = start_pos;
  if (self->edit_deleted_id == 0)
    self->edit_deleted_id = g_idle_add_full (G_PRIORITY_HIGH, forget_deleted_cb, self, NULL);
}

/* A minus sign where no negative number is accepted: refused, and said.
 * The whole edit is refused: text it had already deleted (a selected
 * value typed over) is put back, so the refusal loses nothing. */
static void
on_insert_text_cb (GtkEditable      *delegate,
                   const char       *text,
                   int               length,
                   int              *position,
                   TitrateNumberRow *self)
{
  if (self->minimum < 0 || self->updating)
    return;
  if (length < 0)
    length = (int) strlen (text);
  if (memchr (text, '-', (size_t) length) == NULL && g_strstr_len (text, length, "−") == NULL)
    {
      /* Accepted: the edit is complete, its deletion stands. */
      g_clear_pointer (&self->edit_deleted, g_free);
      return;
    }
  g_signal_stop_emission_by_name (delegate, "insert-text");
  if (self->edit_deleted != NULL && *self->edit_deleted != '\0' && *position == self->edit_deleted_at)
    {
      g_autofree char *restore = g_steal_pointer (&self->edit_deleted);
      int at = self->edit_deleted_at;

      self->updating = TRUE;
      gtk_editable_insert_text (delegate, restore, -1, &at);
      self->updating = FALSE;
      *position = at;
      /* Back to what it was: committed, or still pending. */
      set_pending (self, !text_is_committed (self));
    }
  gtk_widget_error_bell (GTK_WIDGET (self->entry));
  show_state (self, _("A negative number is not accepted here: the minus sign was not typed."));
}

static void
on_title_changed_cb (TitrateNumberRow *self)
{
  update_accessible (self);
}

/* GObject */

static void
titrate_number_row_dispose (GObject *object)
{
  TitrateNumberRow *self = TITRATE_NUMBER_ROW (object);

  g_clear_handle_id (&self->validate_id, g_source_remove);
  g_clear_handle_id (&self->edit_deleted_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), TITRATE_TYPE_NUMBER_ROW);

  G_OBJECT_CLASS (titrate_number_row_parent_class)->dispose (object);
}

static void
titrate_number_row_finalize (GObject *object)
{
  TitrateNumberRow *self = TITRATE_NUMBER_ROW (object);

  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->hint, g_free);
  g_clear_pointer (&self->edit_deleted, g_free);

  G_OBJECT_CLASS (titrate_number_row_parent_class)->finalize (object);
}

static void
titrate_number_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TitrateNumberRow *self = TITRATE_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;

    case PROP_MINIMUM:
      g_value_set_double (value, self->minimum);
      break;

    case PROP_MAXIMUM:
      g_value_set_double (value, self->maximum);
      break;

    case PROP_EXCLUSIVE_MINIMUM:
      g_value_set_boolean (value, self->exclusive_minimum);
      break;

    case PROP_INTEGER:
      g_value_set_boolean (value, self->integer);
      break;

    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;

    case PROP_SHOW_UNIT:
      g_value_set_boolean (value, self->show_unit);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_number_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TitrateNumberRow *self = TITRATE_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      titrate_number_row_set_unit (self, g_value_get_string (value));
      break;

    case PROP_HINT:
      if (titrate_set_str (&self->hint, g_value_get_string (value)))
        {
          if (self->valid)
            show_state (self, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_MINIMUM:
      self->minimum = g_value_get_double (value);
      break;

    case PROP_MAXIMUM:
      self->maximum = g_value_get_double (value);
      break;

    case PROP_EXCLUSIVE_MINIMUM:
      self->exclusive_minimum = g_value_get_boolean (value);
      break;

    case PROP_INTEGER:
      self->integer = g_value_get_boolean (value);
      break;

    case PROP_OPTIONAL:
      self->optional = g_value_get_boolean (value);
      break;

    case PROP_LIVE:
      self->live = g_value_get_boolean (value);
      break;

    case PROP_SHOW_UNIT:
      /* Off when another widget beside the entry shows the unit. */
      self->show_unit = g_value_get_boolean (value);
      gtk_widget_set_visible (GTK_WIDGET (self->unit_label),
                              self->show_unit && self->unit != NULL && *self->unit != '\0');
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_number_row_class_init (TitrateNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_number_row_dispose;
  object_class->finalize = titrate_number_row_finalize;
  object_class->get_property = titrate_number_row_get_property;
  object_class->set_property = titrate_number_row_set_property;

  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINIMUM] =
    g_param_spec_double ("minimum", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAXIMUM] =
    g_param_spec_double ("maximum", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXCLUSIVE_MINIMUM] =
    g_param_spec_boolean ("exclusive-minimum", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTEGER] =
    g_param_spec_boolean ("integer", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_UNIT] =
    g_param_spec_boolean ("show-unit", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TitrateNumberRow::value-changed:
   *
   * A new valid value was committed (NAN when a field that may be empty was
   * emptied). Invalid text never emits it.
   */
  signals[VALUE_CHANGED] =
    g_signal_new ("value-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-number-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateNumberRow, entry);
  gtk_widget_class_bind_template_child (widget_class, TitrateNumberRow, unit_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
}

static void
titrate_number_row_init (TitrateNumberRow *self)
{
  GtkEventController *focus;

  self->value = NAN;
  self->valid = TRUE;
  self->optional = TRUE;
  self->show_unit = TRUE;
  self->minimum = 0;
  self->maximum = G_MAXDOUBLE;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* One Tab stop per row: the entry, not the row around it. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->entry)), "insert-text",
                           G_CALLBACK (on_insert_text_cb), self, 0);
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->entry)), "delete-text",
                           G_CALLBACK (on_delete_text_cb), self, 0);

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
}

/* Public API */

double
titrate_number_row_get_value (TitrateNumberRow *self)
{
  g_return_val_if_fail (TITRATE_IS_NUMBER_ROW (self), NAN);

  flush (self);
  return self->value;
}

gboolean
titrate_number_row_get_valid (TitrateNumberRow *self)
{
  g_return_val_if_fail (TITRATE_IS_NUMBER_ROW (self), FALSE);

  flush (self);
  return self->valid;
}

/* Shows the model's @value unless the field already says it, or holds text
 * the person is still correcting (nothing typed is lost). */
void
titrate_number_row_set_value (TitrateNumberRow *self,
                              double            value)
{
  double shown = NAN;
  TitrateParseResult result;

  g_return_if_fail (TITRATE_IS_NUMBER_ROW (self));

  flush (self);
  if (!self->valid || self->pending)
    return;
  result = titrate_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &shown);
  if ((result == TITRATE_PARSE_OK || result == TITRATE_PARSE_EMPTY) && same_value (shown, value))
    return;
  write_text (self, value);
  validate (self, FALSE);
}

/* Shows @value whatever was typed (a whole document was loaded). */
void
titrate_number_row_reset_value (TitrateNumberRow *self,
                                double            value)
{
  g_return_if_fail (TITRATE_IS_NUMBER_ROW (self));

  g_clear_handle_id (&self->validate_id, g_source_remove);
  write_text (self, value);
  self->value = value;
  set_pending (self, FALSE);
  validate (self, FALSE);
}

/* Applies what is typed now: as Enter does. */
void
titrate_number_row_commit (TitrateNumberRow *self)
{
  g_return_if_fail (TITRATE_IS_NUMBER_ROW (self));

  g_clear_handle_id (&self->validate_id, g_source_remove);
  if (!self->pending && !self->live && text_is_committed (self))
    return;
  validate (self, TRUE);
}

gboolean
titrate_number_row_get_pending (TitrateNumberRow *self)
{
  g_return_val_if_fail (TITRATE_IS_NUMBER_ROW (self), FALSE);

  return self->pending;
}

/* Marks the current text as refused for a reason found elsewhere (e.g. a
 * protocol that cannot be expanded). Cleared by the next edit. */
void
titrate_number_row_set_error (TitrateNumberRow *self,
                              const char       *message)
{
  g_return_if_fail (TITRATE_IS_NUMBER_ROW (self));

  flush (self);
  if (message == NULL)
    {
      validate (self, FALSE);
      return;
    }
  show_state (self, message);
  set_valid (self, FALSE);
}

const char *
titrate_number_row_get_unit (TitrateNumberRow *self)
{
  g_return_val_if_fail (TITRATE_IS_NUMBER_ROW (self), NULL);

  return self->unit;
}

void
titrate_number_row_set_unit (TitrateNumberRow *self,
                             const char       *unit)
{
  g_return_if_fail (TITRATE_IS_NUMBER_ROW (self));

  if (!titrate_set_str (&self->unit, unit))
    return;
  gtk_label_set_label (self->unit_label, unit != NULL ? unit : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), self->show_unit && unit != NULL && *unit != '\0');
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

void
titrate_number_row_set_range (TitrateNumberRow *self,
                              double            minimum,
                              double            maximum)
{
  g_return_if_fail (TITRATE_IS_NUMBER_ROW (self));

  self->minimum = minimum;
  self->maximum = maximum;
  if (!self->pending)
    validate (self, TRUE);
}

GtkEditable *
titrate_number_row_get_entry (TitrateNumberRow *self)
{
  g_return_val_if_fail (TITRATE_IS_NUMBER_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}
