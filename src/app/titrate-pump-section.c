/* titrate-pump-section.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Pump section of the regimen form: model, reservoir and alarm volumes
 * (mL), the last refill and the next refill date. Every edit is checked with
 * the rules database (reservoir against the model, volumes against the
 * reservoir, the refill's concentration against the regimen's) before it
 * reaches the session; a bad value is shown with its message and the plan
 * keeps the last valid pump. Earlier refills and boluses in the document are
 * kept as they are. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "titrate-number-row.h"
#include "titrate-pump.h"
#include "titrate-pump-section.h"
#include "titrate-ui-utils.h"

struct _TitratePumpSection
{
  GtkBox            parent_instance;

  TitrateSession   *session;
  GPtrArray        *model_codes;    /* (element-type utf8) in combo order */
  gboolean          updating;

  AdwExpanderRow   *pump_row;
  AdwComboRow      *model_row;
  TitrateNumberRow *reservoir_row;
  TitrateNumberRow *alarm_row;
  AdwEntryRow      *refill_date_row;
  TitrateNumberRow *volume_row;
  AdwEntryRow      *next_date_row;
  GtkLabel         *error_label;
  GtkLabel         *status_label;
};

G_DEFINE_FINAL_TYPE (TitratePumpSection, titrate_pump_section, GTK_TYPE_BOX)

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  unsigned y, m, d;
  char extra;

  g_date_clear (out, 1);
  if (text == NULL || *text == '\0')
    return TRUE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) != 3 || strlen (text) != 10
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static void
show_error (TitratePumpSection *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_status (TitratePumpSection *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  g_autoptr(TitratePumpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate today;

  if (regimen->pump == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      return;
    }
  titrate_today (&today);
  plan = titrate_pump_plan (titrate_session_get_rules (self->session), regimen, &error);
  if (plan != NULL)
    {
      g_autoptr(GPtrArray) lines = titrate_pump_plan_arithmetic (plan);
      g_autofree char *verdict = titrate_pump_plan_describe (plan, &today);
      g_autoptr(GString) s = g_string_new (verdict);

      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (s, "\n%s", (const char *) g_ptr_array_index (lines, i));
      text = g_string_free (g_steal_pointer (&s), FALSE);
    }
  else
    text = g_strdup_printf (_("Refill dates not computed: %s"), error ? error->message : "");
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

static void
refresh (TitratePumpSection *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  TitrateRules *rules = titrate_session_get_rules (self->session);
  const TitratePump *pump = regimen->pump;
  const TitratePumpModel *model = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), regimen->route == TITRATE_ROUTE_INTRATHECAL && rules != NULL);
  if (regimen->route != TITRATE_ROUTE_INTRATHECAL || rules == NULL)
    return;

  self->updating = TRUE;
  adw_expander_row_set_enable_expansion (self->pump_row, pump != NULL);
  if (pump != NULL)
    {
      g_autofree char *next = titrate_pump_format_date (&pump->next_refill_date);

      for (guint i = 0; i < self->model_codes->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->model_codes, i), pump->model) == 0)
          adw_combo_row_set_selected (self->model_row, i);
      model = titrate_pump_get_model (rules, pump->model);
      titrate_number_row_reset_value (self->reservoir_row,
                                      !isnan (pump->reservoir_ml) ? pump->reservoir_ml
                                      : model ? model->reservoir_ml : NAN);
      titrate_number_row_reset_value (self->alarm_row, pump->low_reservoir_alarm_ml);
      if (pump->refills->len > 0)
        {
          const TitratePumpRefill *r = &g_array_index (pump->refills, TitratePumpRefill,
                                                       pump->refills->len - 1);
          g_autofree char *date = titrate_pump_format_date (&r->date);

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->refill_date_row)), date) != 0)
            gtk_editable_set_text (GTK_EDITABLE (self->refill_date_row), date);
          titrate_number_row_reset_value (self->volume_row, r->volume_ml);
        }
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->next_date_row)), next) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->next_date_row), next);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->reservoir_row),
                            pump != NULL && g_strcmp0 (pump->model, "other") == 0);
  self->updating = FALSE;
  if (pump != NULL && pump->refills->len > 0)
    {
      const TitratePumpRefill *r = &g_array_index (pump->refills, TitratePumpRefill, pump->refills->len - 1);

      if (isnan (regimen->concentration_mcg_per_ml)
          || fabs (r->concentration_mcg_per_ml - regimen->concentration_mcg_per_ml) > 1e-9)
        {
          g_autofree char *was = titrate_format_amount_display (r->concentration_mcg_per_ml);
          g_autofree char *text = g_strdup_printf (_("The last refill was %s mcg/mL, not the regimen's strength: "
                                                     "enter the refill at the new strength (a later date), or "
                                                     "choose %s mcg/mL again."), was, was);

          show_error (self, text);
        }
    }
  update_status (self);
}

/* The pump as the fields describe it, on top of the session's. */
static TitratePump *
pump_from_fields (TitratePumpSection *self,
                  GError            **error)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  g_autoptr(TitratePump) pump = regimen->pump ? titrate_pump_copy (regimen->pump) : titrate_pump_new ();
  guint selected = adw_combo_row_get_selected (self->model_row);
  TitratePumpRefill refill;
  GDate date;

  if (selected < self->model_codes->len)
    {
      g_free (pump->model);
      pump->model = g_strdup (g_ptr_array_index (self->model_codes, selected));
    }
  pump->reservoir_ml = g_strcmp0 (pump->model, "other") == 0
                       ? titrate_number_row_get_value (self->reservoir_row) : NAN;
  pump->low_reservoir_alarm_ml = titrate_number_row_get_value (self->alarm_row);

  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->refill_date_row)), &date))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("Last refill date: write it YYYY-MM-DD, e.g. 2027-01-04"));
      return NULL;
    }
  if (g_date_valid (&date))
    {
      refill.date = date;
      refill.volume_ml = titrate_number_row_get_value (self->volume_row);
      refill.concentration_mcg_per_ml = regimen->concentration_mcg_per_ml;
      if (isnan (refill.volume_ml))
        {
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("Volume after the refill: enter the mL in the reservoir after the refill"));
          return NULL;
        }
      /* The regimen's concentration changed since the last refill: a later
       * date records the refill at the new concentration (the history and
       * the bridge-bolus check keep the old one). Otherwise the last refill
       * is being corrected. */
      if (pump->refills->len > 0)
        {
          TitratePumpRefill *last = &g_array_index (pump->refills, TitratePumpRefill, pump->refills->len - 1);

          if (fabs (last->concentration_mcg_per_ml - regimen->concentration_mcg_per_ml) > 1e-9
              && g_date_compare (&date, &last->date) > 0)
            g_array_append_val (pump->refills, refill);
          else
            *last = refill;
        }
      else
        g_array_append_val (pump->refills, refill);
    }
  else if (pump->refills->len > 0)
    {
      /* Recorded refills are never removed from here. */
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("Last refill date: write it YYYY-MM-DD, e.g. 2027-01-04"));
      return NULL;
    }

  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->next_date_row)), &pump->next_refill_date))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                   _("Next refill date: write it YYYY-MM-DD, e.g. 2027-01-20"));
      return NULL;
    }
  if (!titrate_pump_validate_with_rules (pump, regimen, titrate_session_get_rules (self->session), error))
    return NULL;
  return g_steal_pointer (&pump);
}

static void
commit_pump (TitratePumpSection *self,
             TitratePump        *pump)
{
  g_autoptr(TitrateRegimen) regimen = titrate_regimen_copy (titrate_session_get_regimen (self->session));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&regimen->pump, titrate_pump_free);
  regimen->pump = pump;
  if (!titrate_session_set_regimen (self->session, regimen, &error))
    show_error (self, error->message);
}

static void
on_changed_cb (TitratePumpSection *self)
{
  g_autoptr(GError) error = NULL;
  TitratePump *pump;

  if (self->updating || self->session == NULL
      || !adw_expander_row_get_enable_expansion (self->pump_row))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->reservoir_row),
                            adw_combo_row_get_selected (self->model_row) < self->model_codes->len
                            && g_strcmp0 (g_ptr_array_index (self->model_codes,
                                                             adw_combo_row_get_selected (self->model_row)),
                                          "other") == 0);
  pump = pump_from_fields (self, &error);
  if (pump == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  commit_pump (self, pump);
}

static void
on_enabled_cb (TitratePumpSection *self)
{
  if (self->updating || self->session == NULL)
    return;
  show_error (self, NULL);
  if (!adw_expander_row_get_enable_expansion (self->pump_row))
    {
      commit_pump (self, NULL);
      return;
    }
  adw_expander_row_set_expanded (self->pump_row, TRUE);
  if (titrate_session_get_regimen (self->session)->pump == NULL)
    {
      TitrateRules *rules = titrate_session_get_rules (self->session);
      TitratePump *pump = NULL;

      /* Start from the first listed model whose reservoir the database
       * knows; the prescriber picks the real one. */
      for (guint i = 0; i < self->model_codes->len && pump == NULL; i++)
        {
          const TitratePumpModel *m = titrate_pump_get_model (rules, g_ptr_array_index (self->model_codes, i));

          if (m != NULL && !isnan (m->reservoir_ml))
            {
              pump = titrate_pump_new ();
              g_free (pump->model);
              pump->model = g_strdup (m->code);
            }
        }
      if (pump == NULL)
        {
          show_error (self, _("No pump model with a known reservoir in the rules database"));
          return;
        }
      commit_pump (self, pump);
    }
}

/* Works around a GTK 4.8 size-cache race, the cause of the flaky
 * "AdwPreferencesGroup reports a minimum height of N, but minimum height
 * for width of 1048576 is N+1" critical.
 *
 * Expanding or collapsing the row sets or clears its :checked state, and
 * libadwaita's boxed-list style gives the header row of a last-child
 * expander a 1 px bottom border only while it is :checked (54 px high
 * collapsed, 55 px expanded). GTK only clears a widget's cached sizes when
 * the CSS change is validated, in the frame clock's update phase; but a
 * layout pass can run before that (a relayout requested by the toolkit
 * without an update phase), and there the header computes its new style
 * lazily: sizes measured afresh have the new border while the sizes
 * cached before the state change still have the old one. GtkWindow's
 * minimum-size search then asks for the section's width at its cached
 * minimum height and GtkBox finds no width at which the children fit
 * (gtkboxlayout.c, distribute_remaining_size), hence the critical.
 *
 * Queueing a resize on the rows as soon as the state changes drops the
 * stale sizes, so every later measurement uses the same (new) style. */
static void
queue_resize_rows (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_widget_queue_resize (child);
      queue_resize_rows (child);
    }
}

static void
on_expanded_cb (TitratePumpSection *self)
{
  queue_resize_rows (GTK_WIDGET (self->pump_row));
}

static void
on_session_changed_cb (TitratePumpSection *self)
{
  refresh (self);
}

static void
titrate_pump_section_dispose (GObject *object)
{
  TitratePumpSection *self = TITRATE_PUMP_SECTION (object);

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), TITRATE_TYPE_PUMP_SECTION);
  G_OBJECT_CLASS (titrate_pump_section_parent_class)->dispose (object);
}

static void
titrate_pump_section_finalize (GObject *object)
{
  TitratePumpSection *self = TITRATE_PUMP_SECTION (object);

  g_clear_pointer (&self->model_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (titrate_pump_section_parent_class)->finalize (object);
}

static void
titrate_pump_section_class_init (TitratePumpSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_pump_section_dispose;
  object_class->finalize = titrate_pump_section_finalize;

  g_type_ensure (TITRATE_TYPE_NUMBER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-pump-section.ui");
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, pump_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, model_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, reservoir_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, alarm_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, refill_date_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, volume_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, next_date_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, TitratePumpSection, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enabled_cb);
}

static void
titrate_pump_section_init (TitratePumpSection *self)
{
  GtkWidget *date_rows[2];

  self->model_codes = g_ptr_array_new_with_free_func (g_free);
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  g_signal_connect_object (self->pump_row, "notify::expanded",
                           G_CALLBACK (on_expanded_cb), self, G_CONNECT_SWAPPED);

  /* A date reaches the plan when it is committed (Enter, or focus leaving
   * the row), never half-typed, like every number row. */
  date_rows[0] = GTK_WIDGET (self->refill_date_row);
  date_rows[1] = GTK_WIDGET (self->next_date_row);
  for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (date_rows[i], focus);
    }
}

GtkWidget *
titrate_pump_section_new (TitrateSession *session)
{
  TitratePumpSection *self;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (TITRATE_IS_SESSION (session), NULL);

  self = g_object_new (TITRATE_TYPE_PUMP_SECTION, NULL);
  self->session = g_object_ref (session);
  models = titrate_pump_list_models (titrate_session_get_rules (session));
  for (guint i = 0; i < models->len; i++)
    {
      const TitratePumpModel *m = g_ptr_array_index (models, i);

      g_ptr_array_add (self->model_codes, g_strdup (m->code));
      gtk_string_list_append (labels, g_strcmp0 (m->code, "other") == 0 ? _("Other pump (enter its reservoir)") : m->label);
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->model_row, G_LIST_MODEL (labels));
  self->updating = FALSE;
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}
