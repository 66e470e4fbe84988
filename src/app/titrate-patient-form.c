/* titrate-patient-form.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The patient's values and comedications. Every valid edit hands a new
 * TitratePatient to the session; invalid text stays at its field.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

#include "titrate-number-row.h"
#include "titrate-patient-form.h"
#include "titrate-ui-utils.h"

#define MAX_SUGGESTIONS 8

struct _TitratePatientForm
{
  GtkBox            parent_instance;

  TitrateNumberRow *age_row;
  TitrateNumberRow *weight_row;
  AdwComboRow      *sex_row;
  TitrateNumberRow *creatinine_row;
  GtkDropDown      *creatinine_unit_dropdown;
  TitrateNumberRow *crcl_row;
  TitrateNumberRow *height_row;
  TitrateNumberRow *egfr_row;
  AdwPreferencesRow *status_row;
  GtkFlowBox       *status_box;
  GtkCheckButton   *dialysis_check;
  GtkCheckButton   *pregnant_check;
  GtkCheckButton   *breastfeeding_check;
  AdwExpanderRow   *conditions_row;
  AdwExpanderRow   *allergies_row;
  AdwEntryRow      *allergy_entry;     /* NULL until allergies_row is first opened */
  AdwEntryRow      *comedication_entry;
  GtkListBox       *suggestion_list;
  GtkListBox       *comedication_list;

  TitrateSession   *session;
  GPtrArray        *condition_checks;  /* (element-type GtkCheckButton) built on first expansion */
  GPtrArray        *allergy_rows;      /* (element-type GtkWidget) empty until allergy_entry is made */
  guint             n_invalid;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (TitratePatientForm, titrate_patient_form, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_N_INVALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static TitratePatient *
copy_patient (TitratePatientForm *self)
{
  return titrate_patient_copy (titrate_session_get_patient (self->session));
}

static void update_weight_question (TitratePatientForm   *self,
                                    const TitratePatient *patient);

static void
commit (TitratePatientForm *self,
        TitratePatient     *patient)
{
  titrate_session_set_patient (self->session, patient);
  update_weight_question (self, patient);
}

/* A weight implausible for the age (a 1 kg adult) is questioned under the
 * field, not refused: the range comes from the rules database through
 * titrate_plausible_weight_range(). */
static void
update_weight_question (TitratePatientForm   *self,
                        const TitratePatient *patient)
{
  double min_kg = NAN, max_kg = NAN;
  g_autofree char *question = NULL;

  if (!isnan (patient->weight_kg) && !isnan (patient->age_years) &&
      titrate_plausible_weight_range (titrate_session_get_rules (self->session), patient->age_years,
                                      &min_kg, &max_kg) &&
      (patient->weight_kg < min_kg || patient->weight_kg > max_kg))
    {
      g_autofree char *w = titrate_format_amount_display (patient->weight_kg);
      g_autofree char *a = titrate_format_amount_display (patient->age_years);

      /* Translators: "Is 1 kg right for someone aged 45 years? Check the weight." */
      question = g_strdup_printf (_("Is %s kg right for someone aged %s years? Check the weight."), w, a);
    }
  g_object_set (self->weight_row, "hint", question, NULL);
}

/* Plausible ranges come from the rules database (table input_range), the
 * same ones the document loader applies. */
static void
apply_range (TitrateNumberRow *row,
             const char       *field)
{
  double min, max;
  gboolean exclusive;

  if (titrate_rules_get_default_input_range (field, &min, &max, &exclusive))
    {
      g_object_set (row, "exclusive-minimum", exclusive, NULL);
      titrate_number_row_set_range (row, min, max);   /* re-validates what is typed */
    }
}

static void
update_creatinine_range (TitratePatientForm    *self,
                         TitrateCreatinineUnit  unit)
{
  if (unit == TITRATE_CREATININE_UMOL_L)
    {
      apply_range (self->creatinine_row, "patient.serum_creatinine_umol_l");
      g_object_set (self->creatinine_row, "unit", "µmol/L", NULL);
    }
  else
    {
      apply_range (self->creatinine_row, "patient.serum_creatinine_mg_dl");
      g_object_set (self->creatinine_row, "unit", "mg/dL", NULL);
    }
}

static char *
format_estimate (double            value,
                 TitrateRenalBasis basis)
{
  /* Cut to 0.1 mL/min when computed, like every other display of it. */
  return titrate_format_amount_display (titrate_renal_estimate_shown (value, basis));
}

static void
update_renal (TitratePatientForm *self)
{
  const TitratePatient *patient = titrate_session_get_patient (self->session);
  TitrateRenal renal;
  g_autofree char *crcl = NULL;
  g_autofree char *egfr = NULL;
  g_autofree char *text = NULL;

  titrate_patient_get_renal (patient, &renal);

  if (!isnan (renal.crcl_ml_min))
    {
      g_autofree char *v = format_estimate (renal.crcl_ml_min, renal.crcl_basis);

      /* Translators: "CrCl 31 mL/min (Cockcroft–Gault, actual weight)" */
      crcl = g_strdup_printf (_("Computed CrCl %s mL/min (%s)"), v, titrate_renal_basis_to_label (renal.crcl_basis));
    }
  else
    /* Translators: %s is the reason, e.g. "weight not entered" */
    crcl = g_strdup_printf (_("CrCl not available: %s"),
                            renal.crcl_note != NULL ? _(renal.crcl_note) : _("enter age, weight, sex and creatinine"));

  if (!isnan (renal.egfr_ml_min_1_73m2))
    {
      g_autofree char *v = format_estimate (renal.egfr_ml_min_1_73m2, renal.egfr_basis);

      /* Translators: "eGFR 42 mL/min/1.73 m² (CKD-EPI 2021)" */
      egfr = g_strdup_printf (_("eGFR %s mL/min/1.73 m² (%s)"), v, titrate_renal_basis_to_label (renal.egfr_basis));
    }
  else
    egfr = g_strdup_printf (_("eGFR not available: %s"),
                            renal.egfr_note != NULL ? _(renal.egfr_note) : _("enter age, sex and creatinine"));

  /* Shown under the measured-CrCl field: what the checks use, and why. */
  if (renal.crcl_basis == TITRATE_RENAL_BASIS_ENTERED)
    /* Translators: %s is the eGFR line */
    text = g_strdup_printf (_("The entered CrCl is used. %s"), egfr);
  else
    text = g_strdup_printf ("%s\n%s", crcl, egfr);
  /* Which estimate the dose bands use, and why (eGFR when CrCl is missing). */
  if (renal.function_basis != TITRATE_RENAL_FUNCTION_CRCL && renal.function_note != NULL &&
      !isnan (renal.function_ml_min))
    {
      g_autofree char *v = titrate_format_amount_display (titrate_renal_estimate_shown (renal.function_ml_min,
                                                                                          TITRATE_RENAL_BASIS_NONE));
      char *more = g_strdup_printf (_("%s\nDose bands use %s mL/min: %s"), text, v, _(renal.function_note));
      g_free (text);
      text = more;
    }
  g_object_set (self->crcl_row, "hint", text, NULL);
}

static void
update_conditions_subtitle (TitratePatientForm *self)
{
  const TitratePatient *patient = titrate_session_get_patient (self->session);
  TitrateRules *rules = titrate_session_get_rules (self->session);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < patient->conditions->len; i++)
    {
      const char *code = g_ptr_array_index (patient->conditions, i);
      const char *label = rules != NULL ? titrate_rules_get_condition_label (rules, code) : NULL;

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, label != NULL ? label : code);
    }
  if (text->len == 0)
    g_string_append (text, _("None recorded"));
  adw_expander_row_set_subtitle (self->conditions_row, text->str);
}

static void
update_condition_checks (TitratePatientForm *self)
{
  const TitratePatient *patient = titrate_session_get_patient (self->session);

  if (self->condition_checks == NULL)
    return;
  self->updating = TRUE;
  for (guint i = 0; i < self->condition_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->condition_checks, i);
      const char *code = g_object_get_data (G_OBJECT (check), "code");

      gtk_check_button_set_active (check, titrate_patient_has_condition (patient, code));
    }
  self->updating = FALSE;
}

static void on_condition_toggled_cb (TitratePatientForm *self,
                                     GtkCheckButton     *check);

/* The search: a condition is shown when its name holds what is typed
 * (ignoring case), or when it is ticked, so a choice never hides. */
static void
on_condition_search_changed_cb (TitratePatientForm *self,
                                GtkEditable        *search)
{
  g_autofree char *query = g_utf8_casefold (gtk_editable_get_text (search), -1);

  g_strstrip (query);
  for (guint i = 0; self->condition_checks != NULL && i < self->condition_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->condition_checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);
      g_autofree char *label = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);

      gtk_widget_set_visible (row, *query == '\0' || strstr (label, query) != NULL ||
                                   gtk_check_button_get_active (check));
    }
}

static void
build_condition_rows (TitratePatientForm *self)
{
  TitrateRules *rules = titrate_session_get_rules (self->session);
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *search;

  if (self->condition_checks != NULL || rules == NULL)
    return;

  /* Built on first expansion: 20-odd rows need not delay the first frame.
   * A search row first, so the list need not be scrolled through. */
  self->condition_checks = g_ptr_array_new ();
  search = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (search), _("Search conditions"));
  gtk_widget_add_css_class (search, "condition-search");
  g_signal_connect_object (search, "changed", G_CALLBACK (on_condition_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (self->conditions_row, search);
  items = titrate_rules_list_conditions (rules);
  for (guint i = 0; i < items->len; i++)
    {
      const TitrateVocabItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (item->code), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, item->label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_condition_toggled_cb),
                               self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->conditions_row, row);
      g_ptr_array_add (self->condition_checks, check);
    }
  update_condition_checks (self);
}

static void on_remove_allergy_cb (TitratePatientForm *self,
                                  GtkButton          *button);

/* The subtitle always; the rows only once the expander was opened (a
 * closed expander's rows are still built, styled and measured). */
static void
rebuild_allergies (TitratePatientForm *self)
{
  const TitratePatient *patient = titrate_session_get_patient (self->session);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < self->allergy_rows->len; i++)
    adw_expander_row_remove (self->allergies_row, g_ptr_array_index (self->allergy_rows, i));
  g_ptr_array_set_size (self->allergy_rows, 0);

  for (guint i = 0; i < patient->allergies->len; i++)
    {
      const char *name = g_ptr_array_index (patient->allergies, i);
      GtkWidget *row;
      GtkWidget *button;
      g_autofree char *label = NULL;

      if (i > 0)
        g_string_append (subtitle, "; ");
      g_string_append (subtitle, name);
      if (self->allergy_entry == NULL)
        continue;

      row = adw_action_row_new ();
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      label = g_strdup_printf (_("Remove allergy %s"), name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_allergy_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (self->allergies_row, row);
      g_ptr_array_add (self->allergy_rows, row);
    }
  if (subtitle->len == 0)
    g_string_append (subtitle, _("None recorded"));
  adw_expander_row_set_subtitle (self->allergies_row, subtitle->str);
}

static void on_remove_comedication_cb (TitratePatientForm *self,
                                       GtkButton          *button);

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
rebuild_comedications (TitratePatientForm *self)
{
  GPtrArray *names = titrate_session_get_comedications (self->session);
  TitrateRules *rules = titrate_session_get_rules (self->session);

  clear_list (self->comedication_list);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const TitrateDrugName *found = rules != NULL ? titrate_rules_lookup_drug (rules, name) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (found != NULL)
        {
          g_autofree char *subtitle = NULL;

          if (g_ascii_strcasecmp (found->drug->code, name) == 0)
            subtitle = g_strdup (found->drug->class_label);
          else
            /* Translators: "lorazepam · Benzodiazepine", for a brand typed */
            subtitle = g_strdup_printf (_("%s · %s"), found->drug->code, found->drug->class_label);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_widget_add_css_class (row, "comedication-checked");
        }
      else
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not recognised: not checked"));
          gtk_widget_add_css_class (row, "not-checked");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_comedication_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->comedication_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->comedication_list), names->len > 0);
}

static void
hide_suggestions (TitratePatientForm *self)
{
  clear_list (self->suggestion_list);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list), FALSE);
}

static void
update_suggestions (TitratePatientForm *self)
{
  TitrateRules *rules = titrate_session_get_rules (self->session);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comedication_entry));
  g_autofree char *term = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) matches = NULL;

  clear_list (self->suggestion_list);
  if (rules == NULL || *term == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list), FALSE);
      return;
    }

  matches = titrate_rules_search_drugs (rules, term, MAX_SUGGESTIONS);
  for (guint i = 0; i < matches->len; i++)
    {
      const TitrateDrugName *match = g_ptr_array_index (matches, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
      if (match->name_kind == TITRATE_DRUG_NAME_GENERIC)
        subtitle = g_strdup (match->drug->class_label);
      else
        /* Translators: "brand of lorazepam · Benzodiazepine" */
        subtitle = g_strdup_printf (_("%s of %s · %s"),
                                    match->name_kind == TITRATE_DRUG_NAME_BRAND ? _("brand") : _("synonym"),
                                    match->drug->code, match->drug->class_label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "name", g_strdup (match->name), g_free);
      gtk_list_box_append (self->suggestion_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list), matches->len > 0);
}

static void
add_comedication (TitratePatientForm *self,
                  const char         *name)
{
  titrate_session_add_comedication (self->session, name);
  gtk_editable_set_text (GTK_EDITABLE (self->comedication_entry), "");
  hide_suggestions (self);
}

static void
update_n_invalid (TitratePatientForm *self)
{
  TitrateNumberRow *rows[] = { self->age_row, self->weight_row, self->height_row, self->creatinine_row,
                               self->crcl_row, self->egfr_row };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!titrate_number_row_get_valid (rows[i]))
      n++;
  if (n == self->n_invalid)
    return;
  self->n_invalid = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INVALID]);
}

/* Fills every field from the model. @force replaces text being corrected
 * (used when a whole document is loaded). */
static void
refresh (TitratePatientForm *self,
         gboolean            force)
{
  const TitratePatient *p = titrate_session_get_patient (self->session);
  void (*set) (TitrateNumberRow *, double) = force ? titrate_number_row_reset_value
                                                   : titrate_number_row_set_value;

  self->updating = TRUE;
  update_creatinine_range (self, p->creatinine_unit);
  gtk_drop_down_set_selected (self->creatinine_unit_dropdown,
                              p->creatinine_unit == TITRATE_CREATININE_UMOL_L ? 1 : 0);
  set (self->age_row, p->age_years);
  set (self->weight_row, p->weight_kg);
  set (self->creatinine_row, p->serum_creatinine);
  set (self->crcl_row, p->crcl_ml_min);
  set (self->height_row, p->height_cm);
  set (self->egfr_row, p->egfr_ml_min_1_73m2);
  adw_combo_row_set_selected (self->sex_row,
                              p->sex == TITRATE_SEX_FEMALE ? 1 : p->sex == TITRATE_SEX_MALE ? 2 : 0);
  gtk_check_button_set_active (self->dialysis_check, p->dialysis);
  gtk_check_button_set_active (self->pregnant_check, p->pregnant);
  gtk_check_button_set_active (self->breastfeeding_check, p->breastfeeding);
  self->updating = FALSE;

  update_condition_checks (self);
  update_conditions_subtitle (self);
  rebuild_allergies (self);
  update_renal (self);
  update_n_invalid (self);
  /* An opened plan's weight is questioned as a typed one is. */
  update_weight_question (self, p);
}

/* Callbacks */

static void
on_session_changed_cb (TitratePatientForm *self,
                       guint               flags)
{
  if (flags & TITRATE_SESSION_CHANGE_DOCUMENT)
    {
      refresh (self, TRUE);
      rebuild_comedications (self);
      return;
    }
  if (flags & TITRATE_SESSION_CHANGE_PATIENT)
    {
      update_renal (self);
      update_conditions_subtitle (self);
    }
  if (flags & TITRATE_SESSION_CHANGE_COMEDICATIONS)
    rebuild_comedications (self);
}

static void
on_valid_changed_cb (TitratePatientForm *self)
{
  update_n_invalid (self);
}

#define NUMBER_CALLBACK(name, field)                                           \
static void                                                                    \
on_##name##_changed_cb (TitratePatientForm *self,                              \
                        TitrateNumberRow   *row)                               \
{                                                                              \
  g_autoptr(TitratePatient) patient = NULL;                                    \
                                                                               \
  if (self->updating || self->session == NULL)                                 \
    return;                                                                    \
  patient = copy_patient (self);                                               \
  patient->field = titrate_number_row_get_value (row);                         \
  commit (self, patient);                                                      \
}

NUMBER_CALLBACK (age, age_years)
NUMBER_CALLBACK (weight, weight_kg)
NUMBER_CALLBACK (creatinine, serum_creatinine)
NUMBER_CALLBACK (crcl, crcl_ml_min)
NUMBER_CALLBACK (height, height_cm)
NUMBER_CALLBACK (egfr, egfr_ml_min_1_73m2)

#undef NUMBER_CALLBACK

static void
on_sex_changed_cb (TitratePatientForm *self)
{
  g_autoptr(TitratePatient) patient = NULL;
  guint selected;

  if (self->updating || self->session == NULL)
    return;
  selected = adw_combo_row_get_selected (self->sex_row);
  patient = copy_patient (self);
  patient->sex = selected == 1 ? TITRATE_SEX_FEMALE : selected == 2 ? TITRATE_SEX_MALE : TITRATE_SEX_UNKNOWN;
  commit (self, patient);
}

static void
on_creatinine_unit_changed_cb (TitratePatientForm *self)
{
  g_autoptr(TitratePatient) patient = NULL;
  TitrateCreatinineUnit unit;

  if (self->updating || self->session == NULL)
    return;
  unit = gtk_drop_down_get_selected (self->creatinine_unit_dropdown) == 1
         ? TITRATE_CREATININE_UMOL_L : TITRATE_CREATININE_MG_DL;

  /* The number typed is read in the new unit, never converted behind the
   * prescriber's back; if it does not fit the new unit, the field says so
   * and the model keeps its last valid value. */
  self->updating = TRUE;
  update_creatinine_range (self, unit);
  self->updating = FALSE;
  if (!titrate_number_row_get_valid (self->creatinine_row))
    return;
  patient = copy_patient (self);
  patient->creatinine_unit = unit;
  patient->serum_creatinine = titrate_number_row_get_value (self->creatinine_row);
  commit (self, patient);
}

static void
on_flag_changed_cb (TitratePatientForm *self)
{
  g_autoptr(TitratePatient) patient = NULL;

  if (self->updating || self->session == NULL)
    return;
  patient = copy_patient (self);
  patient->dialysis = gtk_check_button_get_active (self->dialysis_check);
  patient->pregnant = gtk_check_button_get_active (self->pregnant_check);
  patient->breastfeeding = gtk_check_button_get_active (self->breastfeeding_check);
  commit (self, patient);
}

static void
on_conditions_expanded_cb (TitratePatientForm *self)
{
  if (self->session != NULL && adw_expander_row_get_expanded (self->conditions_row))
    build_condition_rows (self);
}

static void
on_condition_toggled_cb (TitratePatientForm *self,
                         GtkCheckButton     *check)
{
  g_autoptr(TitratePatient) patient = NULL;
  const char *code = g_object_get_data (G_OBJECT (check), "code");
  gboolean active = gtk_check_button_get_active (check);

  if (self->updating || self->session == NULL)
    return;
  patient = copy_patient (self);
  if (active && !titrate_patient_has_condition (patient, code))
    g_ptr_array_add (patient->conditions, g_strdup (code));
  else if (!active)
    for (guint i = 0; i < patient->conditions->len; i++)
      if (titrate_condition_code_equal (g_ptr_array_index (patient->conditions, i), code))
        g_ptr_array_remove_index (patient->conditions, i--);
  commit (self, patient);
}

static void on_allergy_apply_cb (TitratePatientForm *self);

/* The entry and one row per allergy, made when the expander is first
 * opened. */
static void
ensure_allergy_rows (TitratePatientForm *self)
{
  GtkWidget *entry;

  if (self->allergy_entry != NULL || self->session == NULL)
    return;
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add an allergy"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_signal_connect_object (entry, "apply", G_CALLBACK (on_allergy_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_allergy_apply_cb), self, G_CONNECT_SWAPPED);
  self->allergy_entry = ADW_ENTRY_ROW (entry);
  adw_expander_row_add_row (self->allergies_row, entry);
  rebuild_allergies (self);
}

static void
on_allergies_expanded_cb (TitratePatientForm *self)
{
  if (adw_expander_row_get_expanded (self->allergies_row))
    ensure_allergy_rows (self);
}

static void
on_allergy_apply_cb (TitratePatientForm *self)
{
  g_autoptr(TitratePatient) patient = NULL;
  g_autofree char *name = NULL;

  if (self->session == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->allergy_entry))));
  if (*name == '\0')
    return;
  patient = copy_patient (self);
  g_ptr_array_add (patient->allergies, g_steal_pointer (&name));
  gtk_editable_set_text (GTK_EDITABLE (self->allergy_entry), "");
  commit (self, patient);
  rebuild_allergies (self);
}

static void
on_remove_allergy_cb (TitratePatientForm *self,
                      GtkButton          *button)
{
  g_autoptr(TitratePatient) patient = copy_patient (self);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (index >= patient->allergies->len)
    return;
  g_ptr_array_remove_index (patient->allergies, index);
  commit (self, patient);
  rebuild_allergies (self);
}

static void
on_comedication_search_cb (TitratePatientForm *self)
{
  if (self->session == NULL)
    return;
  update_suggestions (self);
}

static void
on_comedication_activated_cb (TitratePatientForm *self)
{
  TitrateRules *rules;
  g_autofree char *text = NULL;
  GtkListBoxRow *first;

  if (self->session == NULL)
    return;
  rules = titrate_session_get_rules (self->session);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comedication_entry))));
  if (*text == '\0')
    return;

  /* An exact name (generic, brand or synonym) is taken as typed; else the
   * best match; else the text itself, which stays visible as not checked. */
  first = gtk_list_box_get_row_at_index (self->suggestion_list, 0);
  if (rules != NULL && titrate_rules_lookup_drug (rules, text) != NULL)
    add_comedication (self, text);
  else if (first != NULL)
    add_comedication (self, g_object_get_data (G_OBJECT (first), "name"));
  else
    add_comedication (self, text);
}

static gboolean
on_comedication_key_pressed_cb (TitratePatientForm    *self,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                GtkEventControllerKey *controller)
{
  GtkListBoxRow *first;

  if (keyval == GDK_KEY_Escape && gtk_widget_get_visible (GTK_WIDGET (self->suggestion_list)))
    {
      hide_suggestions (self);
      return TRUE;
    }
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->suggestion_list, 0);
  if (first == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
on_suggestion_activated_cb (TitratePatientForm *self,
                            GtkListBoxRow      *row)
{
  add_comedication (self, g_object_get_data (G_OBJECT (row), "name"));
  gtk_widget_grab_focus (GTK_WIDGET (self->comedication_entry));
}

static void
on_remove_comedication_cb (TitratePatientForm *self,
                           GtkButton          *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  titrate_session_remove_comedication (self->session, index);
  gtk_widget_grab_focus (GTK_WIDGET (self->comedication_entry));
}

/* GObject */

static void
titrate_patient_form_dispose (GObject *object)
{
  TitratePatientForm *self = TITRATE_PATIENT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TITRATE_TYPE_PATIENT_FORM);
  g_clear_object (&self->session);
  g_clear_pointer (&self->condition_checks, g_ptr_array_unref);
  g_clear_pointer (&self->allergy_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (titrate_patient_form_parent_class)->dispose (object);
}

static void
titrate_patient_form_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TitratePatientForm *self = TITRATE_PATIENT_FORM (object);

  switch (prop_id)
    {
    case PROP_N_INVALID:
      g_value_set_uint (value, self->n_invalid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_patient_form_class_init (TitratePatientFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_patient_form_dispose;
  object_class->get_property = titrate_patient_form_get_property;

  properties[PROP_N_INVALID] =
    g_param_spec_uint ("n-invalid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TITRATE_TYPE_NUMBER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-patient-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, age_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, weight_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, sex_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, creatinine_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, creatinine_unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, crcl_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, height_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, egfr_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, status_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, status_box);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, dialysis_check);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, pregnant_check);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, breastfeeding_check);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, conditions_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, allergies_row);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, comedication_entry);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, TitratePatientForm, comedication_list);
  gtk_widget_class_bind_template_callback (widget_class, on_age_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_creatinine_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_crcl_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_height_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_egfr_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_valid_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sex_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_creatinine_unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_conditions_expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_allergies_expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_comedication_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_comedication_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_comedication_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated_cb);
}

static void
titrate_patient_form_init (TitratePatientForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  apply_range (self->age_row, "patient.age_years");
  apply_range (self->weight_row, "patient.weight_kg");
  apply_range (self->crcl_row, "patient.crcl_ml_min");
  apply_range (self->height_row, "patient.height_cm");
  apply_range (self->egfr_row, "patient.egfr_ml_min_1_73m2");
  update_creatinine_range (self, TITRATE_CREATININE_MG_DL);

  /* The check buttons take the focus, not the flow box's cells; the cells
   * are named after their check button, not "GtkFlowBoxChild". */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->status_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));
      g_autofree char *name = titrate_strip_mnemonic (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)));

      gtk_widget_set_focusable (c, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  titrate_accessible_name_inner (GTK_WIDGET (self->creatinine_unit_dropdown), GTK_TYPE_TOGGLE_BUTTON,
                                 _("Creatinine unit"));
  titrate_accessible_name_from_title (GTK_WIDGET (self->status_row));
  titrate_accessible_name_from_title (GTK_WIDGET (self->conditions_row));
  titrate_accessible_name_from_title (GTK_WIDGET (self->allergies_row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (self->status_row), -1);

  self->allergy_rows = g_ptr_array_new ();
}

/* Public API */

void
titrate_patient_form_set_session (TitratePatientForm *self,
                                  TitrateSession     *session)
{
  g_return_if_fail (TITRATE_IS_PATIENT_FORM (self));
  g_return_if_fail (TITRATE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  refresh (self, TRUE);
  rebuild_comedications (self);
}

guint
titrate_patient_form_get_n_invalid (TitratePatientForm *self)
{
  g_return_val_if_fail (TITRATE_IS_PATIENT_FORM (self), 0);

  return self->n_invalid;
}

/* Appends the (translated, mnemonic-free) titles of invalid fields. */
void
titrate_patient_form_describe_invalid (TitratePatientForm *self,
                                       GPtrArray          *names)
{
  TitrateNumberRow *rows[] = { self->age_row, self->weight_row, self->height_row, self->creatinine_row,
                               self->crcl_row, self->egfr_row };

  g_return_if_fail (TITRATE_IS_PATIENT_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!titrate_number_row_get_valid (rows[i]))
      {
        const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i]));
        GString *plain = g_string_new (NULL);

        for (const char *p = title; *p != '\0'; p++)
          if (*p != '_')
            g_string_append_c (plain, *p);
        g_ptr_array_add (names, g_string_free (plain, FALSE));
      }
}
