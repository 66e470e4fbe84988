/* titrate-step-dialog.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds or edits one step of the schedule. Oral steps take each dose in mg;
 * intrathecal steps take a daily pump dose or a screening bolus in mcg.
 * "Save" stays disabled until the input is valid, and the message says
 * what is accepted.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "titrate-number-row.h"
#include "titrate-step-dialog.h"
#include "titrate-ui-utils.h"

struct _TitrateStepDialog
{
  AdwMessageDialog  parent_instance;

  TitrateNumberRow *day_row;
  AdwActionRow     *doses_row;
  GtkEntry         *doses_entry;
  GtkLabel         *doses_unit;
  AdwComboRow      *it_kind_row;
  TitrateNumberRow *it_amount_row;

  TitrateSession   *session;
  int               old_day;
  gboolean          day_taken;
};

G_DEFINE_FINAL_TYPE (TitrateStepDialog, titrate_step_dialog, ADW_TYPE_MESSAGE_DIALOG)

#define DOSES_HINT N_("Each dose of the day, separated by + or spaces, e.g. 5 + 5 + 10. Enter 0 to stop the medicine.")

/* Helpers */

static gboolean
is_oral (TitrateStepDialog *self)
{
  return titrate_session_get_regimen (self->session)->route == TITRATE_ROUTE_ORAL;
}

/* Validates what is typed and says why it is refused; returns TRUE with
 * @step filled when it can be saved. */
static gboolean
read_step (TitrateStepDialog *self,
           TitrateStep       *step,
           char             **error)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  double day_value = titrate_number_row_get_value (self->day_row);
  int day;

  *error = NULL;
  self->day_taken = FALSE;
  if (!titrate_number_row_get_valid (self->day_row) || isnan (day_value))
    return FALSE;
  day = (int) day_value;

  for (guint i = 0; i < regimen->steps->len; i++)
    {
      int other = g_array_index (regimen->steps, TitrateStep, i).day;

      if (other == day && other != self->old_day)
        {
          *error = g_strdup_printf (_("A step already starts on day %d: edit that step instead."), day);
          self->day_taken = TRUE;
          return FALSE;
        }
    }

  if (is_oral (self))
    {
      double doses[TITRATE_MAX_DOSES_PER_DAY];
      guint n = 0;

      if (!titrate_step_dialog_parse_doses (gtk_editable_get_text (GTK_EDITABLE (self->doses_entry)),
                                            doses, &n, error))
        return FALSE;
      if (n == 1 && doses[0] == 0)
        titrate_step_init_stopped (step, day);
      else
        titrate_step_init_oral (step, day, doses, n);
      return TRUE;
    }
  else
    {
      guint kind = adw_combo_row_get_selected (self->it_kind_row);
      double amount = titrate_number_row_get_value (self->it_amount_row);

      memset (step, 0, sizeof *step);
      step->day = day;
      step->daily_mcg = NAN;
      step->bolus_mcg = NAN;
      if (kind == 2)
        {
          step->daily_mcg = 0;
          return TRUE;
        }
      if (!titrate_number_row_get_valid (self->it_amount_row) || isnan (amount))
        return FALSE;
      if (kind == 1)
        step->bolus_mcg = amount;
      else
        step->daily_mcg = amount;
      return TRUE;
    }
}

static void
update_state (TitrateStepDialog *self)
{
  g_autofree char *error = NULL;
  TitrateStep step;
  gboolean ok = read_step (self, &step, &error);

  if (is_oral (self))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->doses_entry));
      double doses[TITRATE_MAX_DOSES_PER_DAY];
      guint n;
      g_autofree char *parse_error = NULL;

      if (titrate_step_dialog_parse_doses (text, doses, &n, &parse_error) || *text == '\0')
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->doses_row), "error");
          gtk_widget_remove_css_class (GTK_WIDGET (self->doses_entry), "error");
          adw_action_row_set_subtitle (self->doses_row, _(DOSES_HINT));
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->doses_row), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->doses_entry), "error");
          adw_action_row_set_subtitle (self->doses_row, parse_error);
        }
    }
  /* A day already taken is the day field's error. */
  if (self->day_taken)
    titrate_number_row_set_error (self->day_row, error);

  gtk_widget_set_visible (GTK_WIDGET (self->it_amount_row),
                          !is_oral (self) && adw_combo_row_get_selected (self->it_kind_row) != 2);
  g_object_set (self->it_amount_row, "unit",
                adw_combo_row_get_selected (self->it_kind_row) == 1 ? "mcg" : "mcg/day", NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", ok);
}

/* Callbacks */

static void
on_input_changed_cb (TitrateStepDialog *self)
{
  if (self->session == NULL)
    return;
  update_state (self);
}

static void
on_response_cb (TitrateStepDialog *self,
                const char        *response)
{
  g_autofree char *error = NULL;
  g_autoptr(GError) local_error = NULL;
  TitrateStep step;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!read_step (self, &step, &error))
    return;
  if (!titrate_session_replace_step (self->session, self->old_day, &step, &local_error))
    g_warning ("Step refused: %s", local_error->message);
}

/* GObject */

static void
titrate_step_dialog_dispose (GObject *object)
{
  TitrateStepDialog *self = TITRATE_STEP_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (titrate_step_dialog_parent_class)->dispose (object);
}

static void
titrate_step_dialog_class_init (TitrateStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_step_dialog_dispose;

  g_type_ensure (TITRATE_TYPE_NUMBER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-step-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateStepDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateStepDialog, doses_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateStepDialog, doses_entry);
  gtk_widget_class_bind_template_child (widget_class, TitrateStepDialog, doses_unit);
  gtk_widget_class_bind_template_child (widget_class, TitrateStepDialog, it_kind_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateStepDialog, it_amount_row);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_response_cb);
}

static void
titrate_step_dialog_init (TitrateStepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* What the document loader accepts: format limits from the library. */
  titrate_number_row_set_range (self->day_row, 1, TITRATE_MAX_PLAN_DAY);
  titrate_number_row_set_range (self->it_amount_row, TITRATE_AMOUNT_MIN, TITRATE_AMOUNT_MAX);
}

/* Public API */

/**
 * titrate_step_dialog_new:
 * @day: the plan day of the step to edit, or 0 to add one
 */
GtkWidget *
titrate_step_dialog_new (GtkWindow      *parent,
                         TitrateSession *session,
                         int             day)
{
  TitrateStepDialog *self;
  const TitrateRegimen *regimen;
  const TitrateStep *step = NULL;
  const char *unit;
  int suggested_day = 1;

  g_return_val_if_fail (TITRATE_IS_SESSION (session), NULL);

  self = g_object_new (TITRATE_TYPE_STEP_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  self->old_day = day;
  regimen = titrate_session_get_regimen (session);
  unit = titrate_route_unit (regimen->route);

  for (guint i = 0; i < regimen->steps->len; i++)
    {
      const TitrateStep *s = &g_array_index (regimen->steps, TitrateStep, i);

      if (s->day == day)
        step = s;
      suggested_day = MAX (suggested_day, s->day + 1);
    }

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), step != NULL ? _("Edit Step") : _("Add Step"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               regimen->route == TITRATE_ROUTE_ORAL
                               ? _("Oral route: every dose in mg.")
                               : _("Intrathecal route: every dose in mcg. Never converted from oral mg."));

  gtk_label_set_text (self->doses_unit, unit);
  gtk_widget_set_visible (GTK_WIDGET (self->doses_row), regimen->route == TITRATE_ROUTE_ORAL);
  gtk_widget_set_visible (GTK_WIDGET (self->it_kind_row), regimen->route != TITRATE_ROUTE_ORAL);
  gtk_widget_set_visible (GTK_WIDGET (self->it_amount_row), regimen->route != TITRATE_ROUTE_ORAL);
  adw_action_row_set_subtitle (self->doses_row, _(DOSES_HINT));

  titrate_number_row_reset_value (self->day_row, step != NULL ? step->day : suggested_day);
  if (step != NULL && regimen->route == TITRATE_ROUTE_ORAL)
    {
      g_autofree char *doses = NULL;

      if (titrate_step_is_stopped (step))
        doses = g_strdup ("0");
      else
        {
          GString *text = g_string_new (NULL);

          for (guint i = 0; i < step->n_doses; i++)
            {
              g_autofree char *amount = titrate_format_amount_display (step->doses_mg[i]);

              if (i > 0)
                g_string_append (text, " + ");
              g_string_append (text, amount);
            }
          doses = g_string_free (text, FALSE);
        }
      gtk_editable_set_text (GTK_EDITABLE (self->doses_entry), doses);
    }
  else if (step != NULL)
    {
      if (!isnan (step->bolus_mcg))
        {
          adw_combo_row_set_selected (self->it_kind_row, 1);
          titrate_number_row_reset_value (self->it_amount_row, step->bolus_mcg);
        }
      else if (titrate_step_is_stopped (step))
        adw_combo_row_set_selected (self->it_kind_row, 2);
      else
        titrate_number_row_reset_value (self->it_amount_row, step->daily_mcg);
    }

  update_state (self);
  return GTK_WIDGET (self);
}

/**
 * titrate_step_dialog_parse_doses:
 * @error: (out) (transfer full): what is wrong, when FALSE
 *
 * Reads "5 + 5 + 10" (or "5 5 10", "5; 5; 10"): the doses of one day in
 * the route's unit. A single 0 means the drug is stopped. Each dose is
 * read by titrate_parse_number()'s rule. A comma after a dose ("5, 5")
 * separates doses only where the comma is not the decimal separator: in
 * French "2, 5" is refused (a mistyped 2,5 must not become 2 and 5 mg),
 * and a dose starts with a digit ("2 ,5" is refused, not 2 and 0.5 mg).
 */
gboolean
titrate_step_dialog_parse_doses (const char  *text,
                                 double      *doses,
                                 guint       *n_doses,
                                 char       **error)
{
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  *n_doses = 0;
  *error = NULL;
  parts = g_regex_split_simple ("[\\s+;]+", text != NULL ? text : "", 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      double value;
      TitrateParseResult result;
      g_autofree char *part = g_strdup (parts[i]);
      gsize len = strlen (part);

      if (len > 0 && part[len - 1] == ',')
        {
          if (strcmp (titrate_decimal_separator (), ",") == 0)
            {
              /* Translators: a dose typed as “2,” followed by a space, where the
               * comma is the decimal separator */
              *error = g_strdup_printf (_("“%s” is incomplete: the comma is the decimal separator here. "
                                          "Separate doses with + or spaces, e.g. 2,5 + 5."), parts[i]);
              return FALSE;
            }
          part[len - 1] = '\0';
        }
      if (*part == '\0')
        continue;
      if (*part == ',' || *part == '.')
        {
          /* "2 ,5" must not become 2 and 0.5 mg: a dose starts with a digit. */
          g_autofree char *example = titrate_format_amount_display (0.5);

          /* Translators: a dose typed without its leading zero, e.g. “,5”; the
           * second %s is an example, e.g. “0,5” */
          *error = g_strdup_printf (_("“%s”: write a zero before the decimal separator, e.g. %s."),
                                    parts[i], example);
          return FALSE;
        }
      result = titrate_parse_number (part, &value);
      if (result == TITRATE_PARSE_AMBIGUOUS)
        {
          *error = titrate_describe_ambiguous (part);
          return FALSE;
        }
      if (result != TITRATE_PARSE_OK)
        {
          /* Translators: a dose that is not a number, e.g. “5mg” */
          *error = g_strdup_printf (_("“%s” is not a dose in this unit. Enter each dose as a number, "
                                      "separated by + or spaces, e.g. 5 + 5 + 10."), parts[i]);
          return FALSE;
        }
      if (n == TITRATE_MAX_DOSES_PER_DAY)
        {
          *error = g_strdup_printf (_("At most %d doses a day."), TITRATE_MAX_DOSES_PER_DAY);
          return FALSE;
        }
      doses[n++] = value;
    }
  if (n == 0)
    {
      *error = g_strdup (_("Enter the doses of the day, e.g. 5 + 5 + 10, or 0 to stop."));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (doses[i] == 0 && n > 1)
      {
        *error = g_strdup (_("A dose of 0 only stands alone (0 stops baclofen); remove the empty dose."));
        return FALSE;
      }
  *n_doses = n;
  return TRUE;
}
