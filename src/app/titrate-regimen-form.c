/* titrate-regimen-form.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is prescribed: route, indication, product, start date and the
 * protocol that builds the steps. Oral doses are in mg, intrathecal doses
 * in mcg; changing the route clears the steps, never converts them.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "titrate-number-row.h"
#include "titrate-pump-section.h"
#include "titrate-regimen-form.h"
#include "titrate-ui-utils.h"
#include "titrate-wrap-bin.h"

struct _TitrateRegimenForm
{
  GtkBox            parent_instance;

  gboolean          pump_section_made;
  gboolean          protocol_made;

  AdwPreferencesGroup *regimen_group;
  AdwPreferencesGroup *plan_group;
  AdwComboRow      *route_row;
  AdwComboRow      *indication_row;
  AdwComboRow      *formulation_row;
  AdwComboRow      *strength_row;
  AdwActionRow     *start_row;
  GtkMenuButton    *start_button;
  GtkPopover       *start_popover;
  GtkCalendar      *start_calendar;
  AdwComboRow      *origin_row;
  AdwActionRow     *suggest_row;
  AdwExpanderRow   *protocol_row;
  AdwComboRow      *kind_row;
  TitrateNumberRow *start_dose_row;
  TitrateNumberRow *from_row;
  TitrateNumberRow *doses_row;
  TitrateNumberRow *step_row;
  TitrateNumberRow *every_row;
  TitrateNumberRow *target_row;
  AdwActionRow     *intrathecal_row;
  GtkLabel         *notes_label;
  GtkBox           *protocol_holder;
  /* Not shown when a plan opens, so built the first time each is needed
   * (ui/titrate-regimen-form-parts.ui), NULL until then: start_popover and
   * start_calendar (first click), origin_row and intrathecal_row (first
   * intrathecal plan), kind_row (protocol first on: protocol_made, which
   * also moves the number rows from protocol_holder into protocol_row). */

  TitrateSession   *session;
  GPtrArray        *indication_codes;
  GPtrArray        *indication_labels;
  GPtrArray        *formulation_codes;
  GArray           *strength_values;
  GPtrArray        *strength_products;
  int               list_route;
  char             *list_formulation;
  gboolean          model_has_protocol;
  guint             n_invalid;
  gboolean          updating;

  /* The product last chosen on each route, so switching route and back
   * never silently resets the strength. */
  char             *saved_formulation[2];
  double            saved_strength[2];
  double            saved_concentration[2];
};

G_DEFINE_FINAL_TYPE (TitrateRegimenForm, titrate_regimen_form, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_N_INVALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROWS_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static TitrateRegimen *
copy_regimen (TitrateRegimenForm *self)
{
  return titrate_regimen_copy (titrate_session_get_regimen (self->session));
}

static void
commit (TitrateRegimenForm *self,
        TitrateRegimen     *regimen)
{
  g_autoptr(GError) error = NULL;

  if (!titrate_session_set_regimen (self->session, regimen, &error))
    g_warning ("Regimen refused: %s", error->message);
}

/* "Spasticity (multiple sclerosis, …)" → "Spasticity" for the row; the
 * full label goes in the subtitle. */
static char *
short_label (const char *label)
{
  const char *paren = strstr (label, " (");

  return paren != NULL ? g_strndup (label, paren - label) : g_strdup (label);
}

static guint
index_of_code (GPtrArray  *codes,
               const char *code)
{
  for (guint i = 0; code != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static const TitrateFormulation *
current_formulation (TitrateRegimenForm *self)
{
  TitrateRules *rules = titrate_session_get_rules (self->session);

  if (rules == NULL)
    return NULL;
  return titrate_rules_get_formulation (rules, titrate_session_get_regimen (self->session)->formulation);
}

static double
regimen_strength (const TitrateRegimen     *regimen,
                  const TitrateFormulation *f)
{
  if (f == NULL)
    return NAN;
  if (f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML)
    return regimen->concentration_mg_per_ml;
  if (f->unit_type == TITRATE_FORMULATION_UNIT_MCG_PER_ML)
    return regimen->concentration_mcg_per_ml;
  return regimen->strength_mg;
}

static void
set_regimen_strength (TitrateRegimen           *regimen,
                      const TitrateFormulation *f,
                      double                    value)
{
  regimen->strength_mg = NAN;
  regimen->concentration_mg_per_ml = NAN;
  regimen->concentration_mcg_per_ml = NAN;
  if (f == NULL)
    return;
  if (f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML)
    regimen->concentration_mg_per_ml = value;
  else if (f->unit_type == TITRATE_FORMULATION_UNIT_MCG_PER_ML)
    regimen->concentration_mcg_per_ml = value;
  else
    regimen->strength_mg = value;
}

static void
rebuild_route_lists (TitrateRegimenForm *self,
                     TitrateRoute        route)
{
  TitrateRules *rules = titrate_session_get_rules (self->session);
  g_autoptr(GtkStringList) indications = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) formulations = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) forms = NULL;

  g_ptr_array_set_size (self->indication_codes, 0);
  g_ptr_array_set_size (self->indication_labels, 0);
  g_ptr_array_set_size (self->formulation_codes, 0);
  if (rules != NULL)
    {
      items = titrate_rules_list_indications (rules, route);
      for (guint i = 0; i < items->len; i++)
        {
          const TitrateVocabItem *item = g_ptr_array_index (items, i);
          g_autofree char *label = short_label (item->label);

          gtk_string_list_append (indications, label);
          g_ptr_array_add (self->indication_codes, g_strdup (item->code));
          g_ptr_array_add (self->indication_labels, g_strdup (item->label));
        }
      forms = titrate_rules_list_formulations (rules, route);
      for (guint i = 0; i < forms->len; i++)
        {
          const TitrateFormulation *f = g_ptr_array_index (forms, i);
          g_autofree char *label = short_label (f->label);

          gtk_string_list_append (formulations, label);
          g_ptr_array_add (self->formulation_codes, g_strdup (f->code));
        }
    }
  adw_combo_row_set_model (self->indication_row, G_LIST_MODEL (indications));
  adw_combo_row_set_model (self->formulation_row, G_LIST_MODEL (formulations));
  self->list_route = (int) route;
  g_clear_pointer (&self->list_formulation, g_free);
}

static void
rebuild_strengths (TitrateRegimenForm *self)
{
  TitrateRules *rules = titrate_session_get_rules (self->session);
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  const TitrateFormulation *f = current_formulation (self);
  g_autoptr(GtkStringList) strengths = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) items = NULL;
  double nan_value = NAN;

  g_array_set_size (self->strength_values, 0);
  g_ptr_array_set_size (self->strength_products, 0);

  gtk_string_list_append (strengths, _("Not chosen"));
  g_array_append_val (self->strength_values, nan_value);
  g_ptr_array_add (self->strength_products, g_strdup (_("Choose a strength to see tablets or mL per dose")));

  if (rules != NULL && f != NULL)
    {
      items = titrate_rules_list_strengths (rules, f->code);
      for (guint i = 0; i < items->len; i++)
        {
          const TitrateStrength *s = g_ptr_array_index (items, i);
          g_autofree char *amount = titrate_format_amount_display (s->strength);
          g_autofree char *label = NULL;

          if (f->unit_type == TITRATE_FORMULATION_UNIT_MG_PER_ML)
            label = g_strdup_printf (_("%s mg/mL"), amount);
          else if (f->unit_type == TITRATE_FORMULATION_UNIT_MCG_PER_ML)
            label = g_strdup_printf (_("%s mcg/mL"), amount);
          else if (f->divisibility == TITRATE_DIVISIBILITY_SCORED_HALF)
            label = g_strdup_printf (s->scored ? _("%s mg (scored)") : _("%s mg (not scored)"), amount);
          else
            label = titrate_format_dose (s->strength, "mg");
          gtk_string_list_append (strengths, label);
          g_array_append_val (self->strength_values, s->strength);
          g_ptr_array_add (self->strength_products, g_strdup (s->product));
        }
    }
  adw_combo_row_set_model (self->strength_row, G_LIST_MODEL (strengths));
  g_free (self->list_formulation);
  self->list_formulation = g_strdup (regimen->formulation);
}

static guint
index_of_strength (TitrateRegimenForm *self,
                   double              value)
{
  for (guint i = 1; i < self->strength_values->len; i++)
    if (fabs (g_array_index (self->strength_values, double, i) - value) < 1e-9)
      return i;
  return 0;
}

static void on_start_date_selected_cb (TitrateRegimenForm *self);
static void on_origin_changed_cb      (TitrateRegimenForm *self);
static void on_kind_changed_cb        (TitrateRegimenForm *self);

/* Builds the named objects of ui/titrate-regimen-form-parts.ui, their
 * signals connected to the form's callbacks. */
static GtkBuilder *
build_parts (TitrateRegimenForm *self,
             const char         *first_id,
             ...)
{
  GtkBuilder *builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (ids, (gpointer) id);
  va_end (args);
  g_ptr_array_add (ids, NULL);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "on_start_date_selected_cb", G_CALLBACK (on_start_date_selected_cb),
                                           "on_origin_changed_cb", G_CALLBACK (on_origin_changed_cb),
                                           "on_kind_changed_cb", G_CALLBACK (on_kind_changed_cb),
                                           NULL);
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_expose_object (builder, "form", G_OBJECT (self));
  if (!gtk_builder_add_objects_from_resource (builder, "/io/github/titrate/Titrate/ui/titrate-regimen-form-parts.ui",
                                              (const char **) ids->pdata, &error))
    g_error ("Building the regimen form: %s", error->message);   /* a resource: a programming error */
  return builder;
}

#define N_PROTOCOL_ROWS 6
#define PROTOCOL_ROWS(self) { (self)->start_dose_row, (self)->from_row, (self)->doses_row, \
                              (self)->step_row, (self)->every_row, (self)->target_row }

static gboolean
protocol_active (TitrateRegimenForm *self)
{
  return adw_expander_row_get_enable_expansion (self->protocol_row) &&
         gtk_widget_get_visible (GTK_WIDGET (self->protocol_row));
}

static void
update_n_invalid (TitrateRegimenForm *self)
{
  TitrateNumberRow *rows[N_PROTOCOL_ROWS] = PROTOCOL_ROWS (self);
  guint n_rows = N_PROTOCOL_ROWS, n = 0;

  if (protocol_active (self))
    for (guint i = 0; i < n_rows; i++)
      if (gtk_widget_get_visible (GTK_WIDGET (rows[i])) && !titrate_number_row_get_valid (rows[i]))
        n++;
  if (n == self->n_invalid)
    return;
  self->n_invalid = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INVALID]);
}

static void
update_kind_rows (TitrateRegimenForm *self)
{
  gboolean taper = self->kind_row != NULL && adw_combo_row_get_selected (self->kind_row) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->start_dose_row), !taper);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), !taper);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), taper);
}

/* The protocol's rows, the first time the protocol is on (switched on, or
 * a plan that has one): its kind, made now, and the number rows, moved
 * from where they were parked. */
static void
ensure_protocol (TitrateRegimenForm *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  TitrateNumberRow *ordered[] = { self->start_dose_row, self->from_row, self->doses_row,
                                  self->step_row, self->every_row, self->target_row };

  if (self->protocol_made)
    return;
  self->protocol_made = TRUE;
  builder = build_parts (self, "kind_row", NULL);
  self->kind_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "kind_row"));
  adw_expander_row_add_row (self->protocol_row, GTK_WIDGET (self->kind_row));
  titrate_wrap_bin_adopt_labels (GTK_WIDGET (self->kind_row));   /* as the plan view did for the rest */
  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      GtkWidget *row = GTK_WIDGET (ordered[i]);

      g_object_ref (row);
      gtk_box_remove (self->protocol_holder, row);
      adw_expander_row_add_row (self->protocol_row, row);
      g_object_unref (row);
    }
  update_kind_rows (self);
}

static TitrateNumberRow *
row_for_protocol_field (TitrateRegimenForm *self,
                        const char         *message)
{
  if (strstr (message, "start_dose_mg") != NULL)
    return self->start_dose_row;
  if (strstr (message, "target_daily_mg") != NULL)
    return self->target_row;
  if (strstr (message, "from_daily_mg") != NULL)
    return self->from_row;
  if (strstr (message, "doses_per_day") != NULL)
    return self->doses_row;
  if (strstr (message, "step_mg_per_dose") != NULL)
    return self->step_row;
  if (strstr (message, "step_every_days") != NULL)
    return self->every_row;
  return self->step_row;
}

/* Builds the protocol from the fields and hands it to the session. A
 * missing or inconsistent value is shown at its field and the session
 * keeps its last valid plan. */
static void
commit_protocol (TitrateRegimenForm *self)
{
  g_autoptr(TitrateRegimen) regimen = NULL;
  g_autoptr(GArray) scratch = NULL;
  g_autoptr(GError) error = NULL;
  TitrateProtocol protocol = { 0 };
  gboolean taper;
  TitrateNumberRow *needed[5];
  TitrateNumberRow *rows[N_PROTOCOL_ROWS] = PROTOCOL_ROWS (self);
  guint n_needed = 0, n_rows = N_PROTOCOL_ROWS;
  gboolean complete = TRUE;

  ensure_protocol (self);
  taper = adw_combo_row_get_selected (self->kind_row) == 1;

  for (guint i = 0; i < n_rows; i++)
    titrate_number_row_set_error (rows[i], NULL);

  if (taper)
    needed[n_needed++] = self->from_row;
  else
    {
      needed[n_needed++] = self->start_dose_row;
      needed[n_needed++] = self->target_row;
    }
  needed[n_needed++] = self->doses_row;
  needed[n_needed++] = self->step_row;
  needed[n_needed++] = self->every_row;

  for (guint i = 0; i < n_needed; i++)
    {
      if (!titrate_number_row_get_valid (needed[i]))
        complete = FALSE;
      else if (isnan (titrate_number_row_get_value (needed[i])))
        {
          titrate_number_row_set_error (needed[i], _("Needed to build the steps from the protocol"));
          complete = FALSE;
        }
    }
  update_n_invalid (self);
  if (!complete)
    return;

  protocol.kind = taper ? TITRATE_PROTOCOL_TAPER : TITRATE_PROTOCOL_TITRATE;
  protocol.start_dose_mg = taper ? NAN : titrate_number_row_get_value (self->start_dose_row);
  protocol.target_daily_mg = taper ? NAN : titrate_number_row_get_value (self->target_row);
  protocol.from_daily_mg = taper ? titrate_number_row_get_value (self->from_row) : NAN;
  protocol.doses_per_day = (int) titrate_number_row_get_value (self->doses_row);
  protocol.step_mg_per_dose = titrate_number_row_get_value (self->step_row);
  protocol.step_every_days = (int) titrate_number_row_get_value (self->every_row);

  scratch = g_array_new (FALSE, TRUE, sizeof (TitrateStep));
  if (!titrate_protocol_expand (&protocol, scratch, &error))
    {
      const char *colon = strstr (error->message, ": ");
      g_autofree char *message = NULL;

      /* Translators: %s is the library's explanation */
      message = g_strdup_printf (_("Cannot build the steps: %s"), colon != NULL ? colon + 2 : error->message);
      titrate_number_row_set_error (row_for_protocol_field (self, error->message), message);
      update_n_invalid (self);
      return;
    }

  regimen = copy_regimen (self);
  regimen->has_protocol = TRUE;
  regimen->protocol = protocol;
  commit (self, regimen);
}

static void
show_route_widgets (TitrateRegimenForm *self,
                    TitrateRoute        route)
{
  gboolean oral = route == TITRATE_ROUTE_ORAL;

  /* The intrathecal rows: made for the first intrathecal plan. */
  if (!oral && self->origin_row == NULL)
    {
      g_autoptr(GtkBuilder) builder = build_parts (self, "origin_row", "intrathecal_row", NULL);

      self->origin_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "origin_row"));
      self->intrathecal_row = ADW_ACTION_ROW (gtk_builder_get_object (builder, "intrathecal_row"));
      adw_preferences_group_add (self->regimen_group, GTK_WIDGET (self->origin_row));
      /* After protocol_row, before the notes (outside the group's list). */
      adw_preferences_group_add (self->plan_group, GTK_WIDGET (self->intrathecal_row));
      titrate_wrap_bin_adopt_labels (GTK_WIDGET (self->origin_row));
      titrate_wrap_bin_adopt_labels (GTK_WIDGET (self->intrathecal_row));
    }
  if (self->origin_row != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->origin_row), !oral);
      gtk_widget_set_visible (GTK_WIDGET (self->intrathecal_row), !oral);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->protocol_row), oral);
  gtk_widget_set_visible (GTK_WIDGET (self->suggest_row), oral);
}

static void
update_start_label (TitrateRegimenForm *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  g_autofree char *label = NULL;

  if (g_date_valid (&regimen->start_date))
    {
      g_autoptr(GDateTime) dt = NULL;

      /* Translators: start date button, strftime format */
      label = titrate_format_date (&regimen->start_date, _("%a %-d %b %Y"));
      dt = g_date_time_new_local (g_date_get_year (&regimen->start_date),
                                  g_date_get_month (&regimen->start_date),
                                  g_date_get_day (&regimen->start_date), 12, 0, 0);
      if (self->start_calendar != NULL)
        gtk_calendar_select_day (self->start_calendar, dt);
    }
  else
    label = g_strdup (_("Not set"));
  gtk_menu_button_set_label (self->start_button, g_strstrip (label));
  /* Named "Start date" for screen readers; the date is its description. */
  titrate_accessible_name_only (GTK_WIDGET (self->start_button), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

static void
refresh (TitrateRegimenForm *self,
         gboolean            force)
{
  const TitrateRegimen *r = titrate_session_get_regimen (self->session);
  const TitrateFormulation *f;
  void (*set) (TitrateNumberRow *, double) = force ? titrate_number_row_reset_value
                                                   : titrate_number_row_set_value;
  guint index;

  self->updating = TRUE;

  adw_combo_row_set_selected (self->route_row, r->route == TITRATE_ROUTE_INTRATHECAL ? 1 : 0);
  if (self->list_route != (int) r->route)
    rebuild_route_lists (self, r->route);
  show_route_widgets (self, r->route);

  index = index_of_code (self->indication_codes, r->indication);
  adw_combo_row_set_selected (self->indication_row, index);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->indication_row),
                               index != GTK_INVALID_LIST_POSITION
                               ? (const char *) g_ptr_array_index (self->indication_labels, index)
                               : _("Not in the rules database: nothing indication-specific is checked"));

  adw_combo_row_set_selected (self->formulation_row, index_of_code (self->formulation_codes, r->formulation));
  if (self->list_formulation == NULL || g_strcmp0 (self->list_formulation, r->formulation) != 0)
    rebuild_strengths (self);
  f = current_formulation (self);
  index = index_of_strength (self, regimen_strength (r, f));
  adw_combo_row_set_selected (self->strength_row, index);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->strength_row),
                               g_ptr_array_index (self->strength_products, index));

  update_start_label (self);
  if (self->origin_row != NULL)
    adw_combo_row_set_selected (self->origin_row,
                                r->spasticity_origin == TITRATE_ORIGIN_SPINAL ? 1 :
                                r->spasticity_origin == TITRATE_ORIGIN_CEREBRAL ? 2 : 0);

  /* The switch follows the model only when the model changed it (a step
   * edited by hand turns it off), so a protocol being filled in stays on. */
  if (r->has_protocol)
    ensure_protocol (self);
  if (force || r->has_protocol != self->model_has_protocol)
    adw_expander_row_set_enable_expansion (self->protocol_row, r->has_protocol);
  self->model_has_protocol = r->has_protocol;
  if (r->has_protocol)
    {
      const TitrateProtocol *p = &r->protocol;

      adw_combo_row_set_selected (self->kind_row, p->kind == TITRATE_PROTOCOL_TAPER ? 1 : 0);
      set (self->start_dose_row, p->kind == TITRATE_PROTOCOL_TAPER ? NAN : p->start_dose_mg);
      set (self->target_row, p->kind == TITRATE_PROTOCOL_TAPER ? NAN : p->target_daily_mg);
      set (self->from_row, p->kind == TITRATE_PROTOCOL_TAPER ? p->from_daily_mg : NAN);
      set (self->doses_row, p->doses_per_day);
      set (self->step_row, p->step_mg_per_dose);
      set (self->every_row, p->step_every_days);
    }
  else if (force)
    {
      TitrateNumberRow *rows[N_PROTOCOL_ROWS] = PROTOCOL_ROWS (self);
      guint n_rows = N_PROTOCOL_ROWS;

      for (guint i = 0; i < n_rows; i++)
        titrate_number_row_reset_value (rows[i], NAN);
    }
  update_kind_rows (self);
  if (r->has_protocol && force)
    adw_expander_row_set_expanded (self->protocol_row, TRUE);

  self->updating = FALSE;
  update_n_invalid (self);
}

/* Route */

static void
apply_route (TitrateRegimenForm *self,
             TitrateRoute        route)
{
  TitrateRules *rules = titrate_session_get_rules (self->session);
  g_autoptr(TitrateRegimen) regimen = copy_regimen (self);
  g_autoptr(GPtrArray) indications = NULL;
  g_autoptr(GPtrArray) formulations = NULL;
  int old = regimen->route == TITRATE_ROUTE_INTRATHECAL ? 1 : 0;
  int new = route == TITRATE_ROUTE_INTRATHECAL ? 1 : 0;

  g_free (self->saved_formulation[old]);
  self->saved_formulation[old] = g_strdup (regimen->formulation);
  self->saved_strength[old] = regimen->strength_mg;
  self->saved_concentration[old] = old == 1 ? regimen->concentration_mcg_per_ml : regimen->concentration_mg_per_ml;

  regimen->route = route;
  regimen->has_protocol = FALSE;
  g_array_set_size (regimen->steps, 0);
  regimen->spasticity_origin = TITRATE_ORIGIN_UNSET;
  g_clear_pointer (&regimen->indication, g_free);
  g_clear_pointer (&regimen->formulation, g_free);
  g_clear_pointer (&regimen->pump, titrate_pump_free);
  set_regimen_strength (regimen, NULL, NAN);

  if (rules != NULL)
    {
      indications = titrate_rules_list_indications (rules, route);
      formulations = titrate_rules_list_formulations (rules, route);
      if (indications->len > 0)
        regimen->indication = g_strdup (((TitrateVocabItem *) g_ptr_array_index (indications, 0))->code);
      if (formulations->len > 0)
        regimen->formulation = g_strdup (((TitrateFormulation *) g_ptr_array_index (formulations, 0))->code);
    }
  if (self->saved_formulation[new] != NULL)
    {
      g_free (regimen->formulation);
      regimen->formulation = g_strdup (self->saved_formulation[new]);
      regimen->strength_mg = self->saved_strength[new];
      if (new == 1)
        regimen->concentration_mcg_per_ml = self->saved_concentration[new];
      else
        regimen->concentration_mg_per_ml = self->saved_concentration[new];
    }
  commit (self, regimen);
}

static void
on_route_dialog_response_cb (AdwMessageDialog   *dialog,
                             const char         *response,
                             TitrateRegimenForm *self)
{
  TitrateRoute route = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "route"));

  if (g_strcmp0 (response, "change") == 0)
    apply_route (self, route);
  else
    refresh (self, FALSE);
}

/* Callbacks */

/* The intrathecal pump's section (some 100 widgets) is made the first
 * time the plan is intrathecal, not for every oral plan at start. */
static void
ensure_pump_section (TitrateRegimenForm *self)
{
  GtkWidget *section;

  if (self->pump_section_made ||
      titrate_session_get_regimen (self->session)->route != TITRATE_ROUTE_INTRATHECAL)
    return;
  self->pump_section_made = TRUE;
  section = titrate_pump_section_new (self->session);
  gtk_box_append (GTK_BOX (self), section);
  titrate_wrap_bin_adopt_labels (section);
  g_signal_emit (self, signals[ROWS_ADDED], 0);
}

static void
on_session_changed_cb (TitrateRegimenForm *self,
                       guint               flags)
{
  ensure_pump_section (self);
  if (flags & TITRATE_SESSION_CHANGE_DOCUMENT)
    {
      /* Another plan: no product remembered from the last one. */
      g_clear_pointer (&self->saved_formulation[0], g_free);
      g_clear_pointer (&self->saved_formulation[1], g_free);
      gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
      refresh (self, TRUE);
    }
  else if (flags & TITRATE_SESSION_CHANGE_SUGGESTION)
    {
      /* A suggestion applied: every field from it, and why (kept by the session). */
      refresh (self, TRUE);
      titrate_regimen_form_set_notes (self, titrate_session_get_suggestion_notes (self->session));
    }
  else if (flags & (TITRATE_SESSION_CHANGE_REGIMEN | TITRATE_SESSION_CHANGE_STEPS))
    refresh (self, FALSE);
}

static void
on_valid_changed_cb (TitrateRegimenForm *self)
{
  update_n_invalid (self);
}

static void
on_route_changed_cb (TitrateRegimenForm *self)
{
  const TitrateRegimen *regimen;
  TitrateRoute route;
  AdwMessageDialog *dialog;

  if (self->updating || self->session == NULL)
    return;
  regimen = titrate_session_get_regimen (self->session);
  route = adw_combo_row_get_selected (self->route_row) == 1 ? TITRATE_ROUTE_INTRATHECAL : TITRATE_ROUTE_ORAL;
  if (route == regimen->route)
    return;
  if (regimen->steps->len == 0)
    {
      apply_route (self, route);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Change the route and clear the steps?"),
                                                       _("Oral doses are in mg and intrathecal doses in mcg. "
                                                         "They are never converted, so the current steps are removed.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "change", _("C_hange Route"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "route", GINT_TO_POINTER (route));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_route_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_indication_changed_cb (TitrateRegimenForm *self)
{
  g_autoptr(TitrateRegimen) regimen = NULL;
  guint selected;

  if (self->updating || self->session == NULL)
    return;
  selected = adw_combo_row_get_selected (self->indication_row);
  if (selected >= self->indication_codes->len)
    return;
  regimen = copy_regimen (self);
  g_free (regimen->indication);
  regimen->indication = g_strdup (g_ptr_array_index (self->indication_codes, selected));
  commit (self, regimen);
}

static void
on_formulation_changed_cb (TitrateRegimenForm *self)
{
  g_autoptr(TitrateRegimen) regimen = NULL;
  guint selected;

  if (self->updating || self->session == NULL)
    return;
  selected = adw_combo_row_get_selected (self->formulation_row);
  if (selected >= self->formulation_codes->len)
    return;
  regimen = copy_regimen (self);
  g_free (regimen->formulation);
  regimen->formulation = g_strdup (g_ptr_array_index (self->formulation_codes, selected));
  /* A strength belongs to its formulation: choose again. */
  set_regimen_strength (regimen, NULL, NAN);
  commit (self, regimen);
}

static void
on_strength_changed_cb (TitrateRegimenForm *self)
{
  g_autoptr(TitrateRegimen) regimen = NULL;
  guint selected;

  if (self->updating || self->session == NULL)
    return;
  selected = adw_combo_row_get_selected (self->strength_row);
  if (selected >= self->strength_values->len)
    return;
  regimen = copy_regimen (self);
  set_regimen_strength (regimen, current_formulation (self),
                        g_array_index (self->strength_values, double, selected));
  commit (self, regimen);
}

static void
on_start_date_selected_cb (TitrateRegimenForm *self)
{
  g_autoptr(TitrateRegimen) regimen = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (self->updating || self->session == NULL)
    return;
  dt = gtk_calendar_get_date (self->start_calendar);
  regimen = copy_regimen (self);
  g_date_clear (&regimen->start_date, 1);
  g_date_set_dmy (&regimen->start_date, g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt), g_date_time_get_year (dt));
  commit (self, regimen);
  gtk_popover_popdown (self->start_popover);
}

/* The start date's calendar (some 80 widgets): made at the first click. */
static void
create_start_popover_cb (GtkMenuButton *button,
                         gpointer       user_data)
{
  TitrateRegimenForm *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->start_popover != NULL)
    return;
  builder = build_parts (self, "start_popover", NULL);
  self->start_popover = GTK_POPOVER (gtk_builder_get_object (builder, "start_popover"));
  self->start_calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "start_calendar"));
  self->updating = TRUE;
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->start_popover));
  if (self->session != NULL)
    update_start_label (self);   /* selects the plan's start date */
  self->updating = FALSE;
}

static void
on_origin_changed_cb (TitrateRegimenForm *self)
{
  g_autoptr(TitrateRegimen) regimen = NULL;
  guint selected;

  if (self->updating || self->session == NULL)
    return;
  selected = adw_combo_row_get_selected (self->origin_row);
  regimen = copy_regimen (self);
  regimen->spasticity_origin = selected == 1 ? TITRATE_ORIGIN_SPINAL :
                               selected == 2 ? TITRATE_ORIGIN_CEREBRAL : TITRATE_ORIGIN_UNSET;
  commit (self, regimen);
}

static void
on_protocol_enabled_cb (TitrateRegimenForm *self)
{
  g_autoptr(TitrateRegimen) regimen = NULL;

  if (self->updating || self->session == NULL)
    return;
  if (adw_expander_row_get_enable_expansion (self->protocol_row))
    {
      ensure_protocol (self);
      adw_expander_row_set_expanded (self->protocol_row, TRUE);
      commit_protocol (self);
      return;
    }
  /* Off: the steps stay as they are and can be edited by hand. */
  update_n_invalid (self);
  regimen = copy_regimen (self);
  if (!regimen->has_protocol)
    return;
  regimen->has_protocol = FALSE;
  commit (self, regimen);
}

static void
on_kind_changed_cb (TitrateRegimenForm *self)
{
  update_kind_rows (self);
  if (self->updating || self->session == NULL)
    return;
  if (protocol_active (self))
    commit_protocol (self);
  update_n_invalid (self);
}

static void
on_protocol_changed_cb (TitrateRegimenForm *self)
{
  if (self->updating || self->session == NULL)
    return;
  if (protocol_active (self))
    commit_protocol (self);
}

/* GObject */

static void
titrate_regimen_form_dispose (GObject *object)
{
  TitrateRegimenForm *self = TITRATE_REGIMEN_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TITRATE_TYPE_REGIMEN_FORM);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (titrate_regimen_form_parent_class)->dispose (object);
}

static void
titrate_regimen_form_finalize (GObject *object)
{
  TitrateRegimenForm *self = TITRATE_REGIMEN_FORM (object);

  g_clear_pointer (&self->indication_codes, g_ptr_array_unref);
  g_clear_pointer (&self->indication_labels, g_ptr_array_unref);
  g_clear_pointer (&self->formulation_codes, g_ptr_array_unref);
  g_clear_pointer (&self->strength_values, g_array_unref);
  g_clear_pointer (&self->strength_products, g_ptr_array_unref);
  g_clear_pointer (&self->list_formulation, g_free);
  g_clear_pointer (&self->saved_formulation[0], g_free);
  g_clear_pointer (&self->saved_formulation[1], g_free);

  G_OBJECT_CLASS (titrate_regimen_form_parent_class)->finalize (object);
}

static void
titrate_regimen_form_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TitrateRegimenForm *self = TITRATE_REGIMEN_FORM (object);

  switch (prop_id)
    {
    case PROP_N_INVALID:
      g_value_set_uint (value, self->n_invalid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The protocol fields accept what the document loader accepts: the format
 * limits come from the library, not from the template. */
static void
set_protocol_limits (TitrateRegimenForm *self)
{
  TitrateNumberRow *amounts[] = { self->start_dose_row, self->from_row, self->step_row, self->target_row };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    titrate_number_row_set_range (amounts[i], TITRATE_AMOUNT_MIN, TITRATE_AMOUNT_MAX);
  titrate_number_row_set_range (self->doses_row, 1, TITRATE_MAX_DOSES_PER_DAY);
  titrate_number_row_set_range (self->every_row, 1, TITRATE_MAX_STEP_EVERY_DAYS);
}

static void
titrate_regimen_form_class_init (TitrateRegimenFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_regimen_form_dispose;
  object_class->finalize = titrate_regimen_form_finalize;
  object_class->get_property = titrate_regimen_form_get_property;

  properties[PROP_N_INVALID] =
    g_param_spec_uint ("n-invalid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TitrateRegimenForm::rows-added:
   *
   * Rows made when first needed (the pump's section) were added: whoever
   * keeps the form's number rows (for pending edits, committed before a
   * save) collects them again.
   */
  signals[ROWS_ADDED] =
    g_signal_new ("rows-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TITRATE_TYPE_NUMBER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-regimen-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, route_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, indication_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, formulation_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, strength_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, start_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, start_button);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, suggest_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, protocol_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, start_dose_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, from_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, doses_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, step_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, every_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, target_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, protocol_holder);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, regimen_group);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, plan_group);
  gtk_widget_class_bind_template_child (widget_class, TitrateRegimenForm, notes_label);
  gtk_widget_class_bind_template_callback (widget_class, on_valid_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_route_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_indication_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_formulation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_strength_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_protocol_enabled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_protocol_changed_cb);
}

static void
titrate_regimen_form_init (TitrateRegimenForm *self)
{
  self->indication_codes = g_ptr_array_new_with_free_func (g_free);
  self->indication_labels = g_ptr_array_new_with_free_func (g_free);
  self->formulation_codes = g_ptr_array_new_with_free_func (g_free);
  self->strength_values = g_array_new (FALSE, TRUE, sizeof (double));
  self->strength_products = g_ptr_array_new_with_free_func (g_free);
  self->list_route = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->start_button, create_start_popover_cb, self, NULL);
  set_protocol_limits (self);
  titrate_accessible_name_from_title (GTK_WIDGET (self->protocol_row));
  titrate_accessible_name_inner (GTK_WIDGET (self->protocol_row), GTK_TYPE_SWITCH,
                                 _("Build steps from a protocol"));
}

/* Public API */

void
titrate_regimen_form_set_session (TitrateRegimenForm *self,
                                  TitrateSession     *session)
{
  g_return_if_fail (TITRATE_IS_REGIMEN_FORM (self));
  g_return_if_fail (TITRATE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  refresh (self, TRUE);
  ensure_pump_section (self);
}

/* Refills every field from the model (after a suggestion was applied). */
void
titrate_regimen_form_reload (TitrateRegimenForm *self)
{
  g_return_if_fail (TITRATE_IS_REGIMEN_FORM (self));

  refresh (self, TRUE);
}

/* Shows why the suggested protocol is what it is, each note with its source. */
void
titrate_regimen_form_set_notes (TitrateRegimenForm *self,
                                GPtrArray          *notes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (TITRATE_IS_REGIMEN_FORM (self));

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "• %s", (const char *) g_ptr_array_index (notes, i));
    }
  /* The notes name the renal estimate by its code: say it in words. */
  for (int basis = TITRATE_RENAL_BASIS_NONE; basis <= TITRATE_RENAL_BASIS_CKD_EPI_2021; basis++)
    {
      const char *code = titrate_renal_basis_to_string ((TitrateRenalBasis) basis);
      g_autofree char *coded = code != NULL ? g_strdup_printf ("(%s)", code) : NULL;
      g_autofree char *worded = g_strdup_printf ("(%s)", titrate_renal_basis_to_label ((TitrateRenalBasis) basis));

      if (coded != NULL)
        g_string_replace (text, coded, worded, 0);
    }
  gtk_label_set_text (self->notes_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), text->len > 0);
}

guint
titrate_regimen_form_get_n_invalid (TitrateRegimenForm *self)
{
  g_return_val_if_fail (TITRATE_IS_REGIMEN_FORM (self), 0);

  return self->n_invalid;
}

void
titrate_regimen_form_describe_invalid (TitrateRegimenForm *self,
                                       GPtrArray          *names)
{
  TitrateNumberRow *rows[N_PROTOCOL_ROWS] = PROTOCOL_ROWS (self);
  guint n_rows = N_PROTOCOL_ROWS;

  g_return_if_fail (TITRATE_IS_REGIMEN_FORM (self));

  if (!protocol_active (self))
    return;
  for (guint i = 0; i < n_rows; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (rows[i])) && !titrate_number_row_get_valid (rows[i]))
      {
        const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i]));
        GString *plain = g_string_new (NULL);

        for (const char *p = title; *p != '\0'; p++)
          if (*p != '_')
            g_string_append_c (plain, *p);
        g_ptr_array_add (names, g_string_free (plain, FALSE));
      }
}
