/* titrate-learner-pane.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Learner mode. A teaching scenario is shown as a case (brief, patient,
 * regimen, steps) with the checker's alerts hidden: nothing here reads
 * them until the learner submits. The learner flags problems (kind, plan
 * day, reason) and may correct the steps; Submit checks the plan as given
 * and as corrected, scores the flags (titrate-scenario.h) and reveals the
 * findings, the verdict on each flag, the fix-it goal, the checker's alerts
 * with their sources and the explanation. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "titrate-learner-pane.h"
#include "titrate-step-dialog.h"
#include "titrate-teaching.h"
#include "titrate-ui-utils.h"

struct _TitrateLearnerPane
{
  AdwBin           parent_instance;

  GtkLabel        *title_label;
  GtkLabel        *brief_label;
  GtkLabel        *objectives_label;
  GtkLabel        *case_label;
  GtkListBox      *steps_list;
  GtkLabel        *medicines_heading;
  GtkListBox      *medicines_list;
  GtkLabel        *plan_error_label;
  GtkLabel        *explanation_heading;
  GtkLabel        *explanation_label;
  GtkToggleButton *presenter_toggle;
  GtkStack        *review_stack;
  AdwEntryRow     *learner_row;
  GtkDropDown     *category_dropdown;
  GtkSpinButton   *day_spin;
  GtkEntry        *reason_entry;
  GtkLabel        *flag_error_label;
  GtkListBox      *flags_list;
  GtkButton       *submit_button;
  GtkLabel        *score_label;
  GtkLabel        *summary_label;
  GtkLabel        *fix_label;
  GtkListBox      *findings_list;
  GtkListBox      *verdicts_list;
  GtkListBox      *alerts_list;
  GtkButton       *next_alert_button;
  GtkButton       *add_flag_button;
  GtkButton       *add_step_button;
  GtkButton       *reset_plan_button;
  GtkButton       *again_button;
  GtkButton       *leave_button;

  TitrateRules          *rules;
  TitrateDocument       *doc;        /* the plan as given (protocol expanded) */
  TitrateScenario       *scenario;
  GPtrArray             *flags;      /* (element-type TitrateFlag) */
  TitrateScenarioResult *result;
  GPtrArray             *alerts;     /* on the plan as given, after submit */
  gint64                 started_us;
  gint64                 seconds;
  guint                  n_revealed;
};

G_DEFINE_FINAL_TYPE (TitrateLearnerPane, titrate_learner_pane, ADW_TYPE_BIN)

enum { LEAVE, SUBMITTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* "renal" → "Renal": a category word at the start of a line. */
static char *
category_title (TitrateCategory category)
{
  const char *label = titrate_category_to_label (category);
  gunichar first = g_utf8_get_char (label);
  char buf[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strconcat (buf, g_utf8_next_char (label), NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row of wrapped text: bold title, plain subtitle, an optional icon.
 * (AdwActionRow's wrapped titles mis-measure in GTK 4.8.) */
static GtkWidget *
text_row (const char *title,
          const char *subtitle,
          const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (texts), label);
  if (subtitle != NULL && *subtitle != '\0')
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (sub), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (sub), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (sub), 40);
      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_selectable (GTK_LABEL (sub), FALSE);
      gtk_box_append (GTK_BOX (texts), sub);
      g_object_set_data (G_OBJECT (row), "subtitle", sub);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "title", label);
  g_object_set_data (G_OBJECT (row), "box", box);
  return row;
}

/* The case */

static void
append_fact (GString    *out,
             const char *label,
             const char *value)
{
  /* Translators: one fact of the case, e.g. "Age: 81 years" */
  g_string_append_printf (out, _("%s: %s\n"), label, value);
}

static char *
describe_case (TitrateLearnerPane *self)
{
  const TitratePatient *p = self->doc->patient;
  const TitrateRegimen *r = self->doc->regimen;
  GString *out = g_string_new (NULL);

  if (!isnan (p->age_years))
    {
      g_autofree char *v = titrate_format_number (p->age_years);
      g_autofree char *s = g_strdup_printf (_("%s years"), v);
      append_fact (out, _("Age"), s);
    }
  if (!isnan (p->weight_kg))
    {
      g_autofree char *s = titrate_format_dose (p->weight_kg, "kg");
      append_fact (out, _("Weight"), s);
    }
  if (p->sex != TITRATE_SEX_UNKNOWN)
    append_fact (out, _("Sex"), titrate_sex_to_label (p->sex));
  if (!isnan (p->serum_creatinine))
    {
      g_autofree char *s = titrate_format_dose (p->serum_creatinine,
                                                p->creatinine_unit == TITRATE_CREATININE_UMOL_L ? "µmol/L" : "mg/dL");
      append_fact (out, _("Serum creatinine"), s);
    }
  if (!isnan (p->crcl_ml_min))
    {
      g_autofree char *s = titrate_format_dose (p->crcl_ml_min, "mL/min");
      append_fact (out, _("Creatinine clearance (measured)"), s);
    }
  if (!isnan (p->egfr_ml_min_1_73m2))
    {
      g_autofree char *s = titrate_format_dose (p->egfr_ml_min_1_73m2, "mL/min/1.73 m²");
      append_fact (out, _("eGFR (laboratory)"), s);
    }
  if (p->dialysis)
    append_fact (out, _("Dialysis"), _("yes"));
  if (p->pregnant)
    append_fact (out, _("Pregnant"), _("yes"));
  if (p->breastfeeding)
    append_fact (out, _("Breastfeeding"), _("yes"));
  if (p->conditions->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < p->conditions->len; i++)
        {
          const char *code = g_ptr_array_index (p->conditions, i);
          const char *label = titrate_rules_get_condition_label (self->rules, code);

          if (i > 0)
            g_string_append (list, ", ");
          g_string_append (list, label != NULL ? label : code);
        }
      append_fact (out, _("Conditions"), list->str);
    }
  if (p->allergies->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < p->allergies->len; i++)
        {
          if (i > 0)
            g_string_append (list, ", ");
          g_string_append (list, g_ptr_array_index (p->allergies, i));
        }
      append_fact (out, _("Allergies"), list->str);
    }
  {
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < self->doc->comedications->len; i++)
      {
        if (i > 0)
          g_string_append (list, ", ");
        g_string_append (list, g_ptr_array_index (self->doc->comedications, i));
      }
    append_fact (out, _("Other medicines"), list->len > 0 ? list->str : _("none"));
  }

  g_string_append_c (out, '\n');
  append_fact (out, _("Route"), titrate_route_to_label (r->route));
  if (r->indication != NULL)
    {
      g_autoptr(GPtrArray) items = titrate_rules_list_indications (self->rules, r->route);
      const char *label = r->indication;

      for (guint i = 0; i < items->len; i++)
        {
          const TitrateVocabItem *item = g_ptr_array_index (items, i);

          if (g_strcmp0 (item->code, r->indication) == 0)
            label = item->label;
        }
      append_fact (out, _("Indication"), label);
    }
  if (r->formulation != NULL)
    {
      const TitrateFormulation *f = titrate_rules_get_formulation (self->rules, r->formulation);

      append_fact (out, _("Formulation"), f != NULL && f->label != NULL ? f->label : r->formulation);
    }
  if (!isnan (r->strength_mg))
    {
      g_autofree char *s = titrate_format_dose (r->strength_mg, "mg");
      append_fact (out, _("Strength"), s);
    }
  if (!isnan (r->concentration_mg_per_ml))
    {
      g_autofree char *s = titrate_format_dose (r->concentration_mg_per_ml, "mg/mL");
      append_fact (out, _("Concentration"), s);
    }
  if (!isnan (r->concentration_mcg_per_ml))
    {
      g_autofree char *s = titrate_format_dose (r->concentration_mcg_per_ml, "mcg/mL");
      append_fact (out, _("Concentration"), s);
    }
  if (r->route == TITRATE_ROUTE_INTRATHECAL && r->spasticity_origin != TITRATE_ORIGIN_UNSET)
    append_fact (out, _("Origin of spasticity"), titrate_origin_to_label (r->spasticity_origin));
  if (g_date_valid (&r->start_date))
    {
      g_autofree char *s = titrate_format_date (&r->start_date, "%-d %B %Y");
      append_fact (out, _("Day 1"), s);
    }
  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Steps (editable) */

static char *
step_text (TitrateLearnerPane *self,
           const TitrateStep  *step)
{
  if (self->doc->regimen->route == TITRATE_ROUTE_INTRATHECAL)
    {
      if (!isnan (step->bolus_mcg))
        return titrate_format_number (step->bolus_mcg);
      if (!isnan (step->daily_mcg))
        return titrate_format_number (step->daily_mcg);
      return g_strdup ("");
    }
  if (step->n_doses == 0)
    return g_strdup ("");
  {
    g_autofree char *with_unit = titrate_format_doses (step->doses_mg, step->n_doses, "");

    return g_strstrip (g_strdup (with_unit));
  }
}

static void
on_remove_step_cb (GtkButton *button,
                   GtkWidget *row)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));

  gtk_list_box_remove (list, row);
}

static void
add_step_row (TitrateLearnerPane *self,
              int                 day,
              const char         *text,
              gboolean            bolus)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *day_label = gtk_label_new_with_mnemonic (_("Da_y"));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 3650, 1);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *unit_label;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *unit_text = NULL;

  if (self->doc->regimen->route == TITRATE_ROUTE_INTRATHECAL)
    unit_text = g_strdup (bolus ? _("mcg bolus") : _("mcg/day"));
  else
    unit_text = g_strdup (_("mg per dose"));
  unit_label = gtk_label_new (unit_text);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (day_label), spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), day);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("stopped"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, unit_text, -1);
  gtk_widget_add_css_class (unit_label, "dim-label");
  gtk_widget_set_tooltip_text (remove, _("Remove this step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this step"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_step_cb), row);

  gtk_box_append (GTK_BOX (box), day_label);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), unit_label);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  g_object_set_data (G_OBJECT (row), "entry", entry);
  g_object_set_data (G_OBJECT (row), "bolus", GINT_TO_POINTER (bolus));
  gtk_list_box_append (self->steps_list, row);
}

static void
fill_steps (TitrateLearnerPane *self)
{
  const TitrateRegimen *r = self->doc->regimen;

  clear_list (self->steps_list);
  for (guint i = 0; i < r->steps->len; i++)
    {
      const TitrateStep *step = &g_array_index (r->steps, TitrateStep, i);
      g_autofree char *text = step_text (self, step);

      add_step_row (self, step->day, text, !isnan (step->bolus_mcg));
    }
}

static void
fill_medicines (TitrateLearnerPane *self)
{
  GPtrArray *comeds = self->doc->comedications;

  clear_list (self->medicines_list);
  for (guint i = 0; i < comeds->len; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (g_ptr_array_index (comeds, i));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_margin_start (check, 12);
      gtk_widget_set_margin_top (check, 6);
      gtk_widget_set_margin_bottom (check, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (self->medicines_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->medicines_heading), comeds->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->medicines_list), comeds->len > 0);
}

/* The medicines the learner kept; *@changed when one was stopped. */
static GPtrArray *
edited_medicines (TitrateLearnerPane *self,
                  gboolean           *changed)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);
  guint i = 0;

  *changed = FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->medicines_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check == NULL || i >= self->doc->comedications->len)
        continue;
      if (gtk_check_button_get_active (check))
        g_ptr_array_add (kept, g_strdup (g_ptr_array_index (self->doc->comedications, i)));
      else
        *changed = TRUE;
    }
  return kept;
}

/* The regimen as corrected by the learner, or NULL with @message set. */
static TitrateRegimen *
edited_regimen (TitrateLearnerPane *self,
                char              **message)
{
  g_autoptr(TitrateRegimen) r = titrate_regimen_copy (self->doc->regimen);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  g_array_set_size (r->steps, 0);
  r->has_protocol = FALSE;
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), "spin");
      GtkEditable *entry = g_object_get_data (G_OBJECT (row), "entry");
      gboolean bolus = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "bolus"));
      int day = spin != NULL ? gtk_spin_button_get_value_as_int (spin) : 0;
      double doses[TITRATE_MAX_DOSES_PER_DAY];
      guint n = 0;
      g_autofree char *parse_error = NULL;
      g_autofree char *text = NULL;
      TitrateStep step;

      if (spin == NULL)
        continue;
      text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
      /* An empty box means stopped. */
      if (*text != '\0' && !titrate_step_dialog_parse_doses (text, doses, &n, &parse_error))
        {
          *message = g_strdup_printf (_("Day %d: %s"), day, parse_error);
          return NULL;
        }
      titrate_step_init_stopped (&step, day);
      if (r->route == TITRATE_ROUTE_INTRATHECAL)
        {
          if (n > 1)
            {
              *message = g_strdup_printf (_("Day %d: give one intrathecal amount in mcg"), day);
              return NULL;
            }
          if (n == 1 && doses[0] > 0)
            {
              if (bolus)
                step.bolus_mcg = doses[0];
              else
                step.daily_mcg = doses[0];
            }
        }
      else if (n > 0)
        titrate_step_init_oral (&step, day, doses, n);
      if (!titrate_regimen_add_step (r, &step, &error))
        {
          *message = g_strdup_printf (_("Day %d: %s"), day, error->message);
          return NULL;
        }
    }
  if (!titrate_regimen_validate (r, &error))
    {
      *message = g_strdup (error->message);
      return NULL;
    }
  return g_steal_pointer (&r);
}

static gboolean
steps_edited (TitrateLearnerPane   *self,
              const TitrateRegimen *edited)
{
  const TitrateRegimen *r = self->doc->regimen;

  if (edited->steps->len != r->steps->len)
    return TRUE;
  for (guint i = 0; i < r->steps->len; i++)
    {
      const TitrateStep *a = &g_array_index (r->steps, TitrateStep, i);
      const TitrateStep *b = &g_array_index (edited->steps, TitrateStep, i);

      if (a->day != b->day || a->n_doses != b->n_doses ||
          titrate_step_daily_total (a) != titrate_step_daily_total (b))
        return TRUE;
      for (guint k = 0; k < a->n_doses; k++)
        if (a->doses_mg[k] != b->doses_mg[k])
          return TRUE;
    }
  return FALSE;
}

/* Flags */

static void
on_remove_flag_cb (GtkButton          *button,
                   TitrateLearnerPane *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  g_ptr_array_remove_index (self->flags, (guint) index);
  gtk_list_box_remove (self->flags_list, row);
}

static char *
flag_title (const TitrateFlag *flag)
{
  g_autofree char *category = category_title (flag->category);

  if (flag->day > 0)
    /* Translators: a learner's flag, e.g. "Renal — from day 4" */
    return g_strdup_printf (_("%s — from day %d"), category, flag->day);
  /* Translators: a learner's flag about the whole plan, e.g. "Renal — whole plan" */
  return g_strdup_printf (_("%s — whole plan"), category);
}

static void
on_add_flag_cb (TitrateLearnerPane *self)
{
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (reason));
  guint position = gtk_drop_down_get_selected (self->category_dropdown);
  TitrateFlag *flag;
  g_autofree char *title = NULL;
  GtkWidget *row;
  GtkWidget *remove;

  if (position == GTK_INVALID_LIST_POSITION || position >= TITRATE_N_CATEGORIES)
    return;
  if (*stripped == '\0')
    {
      gtk_label_set_text (self->flag_error_label, _("Write a short reason: a flag must say why."));
      gtk_widget_set_visible (GTK_WIDGET (self->flag_error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flag_error_label), FALSE);

  flag = titrate_flag_new ((TitrateCategory) position, gtk_spin_button_get_value_as_int (self->day_spin), stripped);
  g_ptr_array_add (self->flags, flag);
  title = flag_title (flag);
  row = text_row (title, flag->reason, "mark-location-symbolic");
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this flag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this flag"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_flag_cb), self);
  gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (row), "box")), remove);
  gtk_list_box_append (self->flags_list, row);

  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
}

/* Results */

static void
show_alert_rows (TitrateLearnerPane *self)
{
  gboolean presenter = gtk_toggle_button_get_active (self->presenter_toggle);
  guint n_shown;

  clear_list (self->alerts_list);
  if (self->alerts == NULL)
    return;
  n_shown = presenter ? MIN (self->n_revealed, self->alerts->len) : self->alerts->len;
  for (guint i = 0; i < n_shown; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (self->alerts, i);
      g_autofree char *title = g_strdup_printf ("%s: %s", titrate_severity_label (a->severity), a->title);
      g_autofree char *day = a->day > 0 ? g_strdup_printf (_("From day %d. "), a->day) : g_strdup ("");
      /* Translators: an alert revealed after a learner's review:
       * "From day 4. <trigger>\n<action>\nSource: <keys>" */
      g_autofree char *subtitle = g_strdup_printf (_("%s%s\n%s\nSource: %s"), day,
                                                   a->trigger != NULL ? a->trigger : "",
                                                   a->action != NULL ? a->action : "",
                                                   a->source != NULL ? a->source : "");

      gtk_list_box_append (self->alerts_list,
                           text_row (title, subtitle, titrate_severity_icon_name (a->severity)));
    }
  if (self->alerts->len == 0)
    gtk_list_box_append (self->alerts_list, text_row (_("No alerts: checked, nothing found"), NULL,
                                                      "emblem-ok-symbolic"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_alert_button), presenter && n_shown < self->alerts->len);
}

static void
show_results (TitrateLearnerPane *self)
{
  const TitrateScenarioResult *r = self->result;
  g_autofree char *score = g_strdup_printf (_("Score: %d / 100"), r->score);
  g_autofree char *found = g_strdup_printf (ngettext ("Found %u of %u problem", "Found %u of %u problems",
                                                      r->n_findings),
                                            r->n_matched, r->n_findings);
  g_autofree char *falses = g_strdup_printf (ngettext ("%u needless flag", "%u needless flags", r->n_false),
                                             r->n_false);
  g_autofree char *minutes = g_strdup_printf (ngettext ("%u minute", "%u minutes", (guint) (self->seconds / 60)),
                                              (guint) (self->seconds / 60));
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->score_label, score);
  /* Translators: "Found 1 of 2 problems · 1 needless flag · 4 minutes" */
  summary = g_strdup_printf (_("%s · %s · %s"), found, falses, minutes);
  gtk_label_set_text (self->summary_label, summary);

  if (!r->has_fix_goal)
    gtk_label_set_text (self->fix_label, _("This scenario has no “fix it” goal."));
  else if (r->fix_cleared)
    gtk_label_set_text (self->fix_label, _("Fix it: your corrected plan clears the goal."));
  else
    gtk_label_set_text (self->fix_label, _("Fix it: the plan still raises the alerts it should clear."));

  clear_list (self->findings_list);
  for (guint j = 0; j < self->scenario->findings->len; j++)
    {
      const TitrateFinding *f = g_ptr_array_index (self->scenario->findings, j);
      gboolean matched = g_array_index (r->finding_flag, int, j) >= 0;
      gboolean raised = g_array_index (r->finding_raised, gboolean, j);
      const char *status;
      const char *icon;
      g_autofree char *title = NULL;

      if (f->optional)
        {
          status = _("Optional");
          icon = "dialog-information-symbolic";
        }
      else if (matched)
        {
          status = _("Found");
          icon = "emblem-ok-symbolic";
        }
      else
        {
          status = _("Missed");
          icon = "dialog-warning-symbolic";
        }
      /* Translators: "Found — renal" */
      title = g_strdup_printf (_("%s — %s"), status, titrate_category_to_label (f->category));
      if (!raised)
        {
          g_autofree char *label = g_strdup_printf (_("%s (the checker does not raise this with the current rules)"),
                                                    f->label);
          gtk_list_box_append (self->findings_list, text_row (title, label, icon));
        }
      else
        gtk_list_box_append (self->findings_list, text_row (title, f->label, icon));
    }
  if (self->scenario->findings->len == 0)
    gtk_list_box_append (self->findings_list,
                         text_row (_("Nothing: this plan is sound"), NULL, "emblem-ok-symbolic"));

  clear_list (self->verdicts_list);
  for (guint i = 0; i < self->flags->len; i++)
    {
      const TitrateFlag *flag = g_ptr_array_index (self->flags, i);
      TitrateFlagVerdict v = g_array_index (r->flag_verdict, TitrateFlagVerdict, i);
      g_autofree char *what = flag_title (flag);
      g_autofree char *title = NULL;
      const char *verdict;
      const char *icon;

      switch (v)
        {
        case TITRATE_FLAG_MATCHED:
          verdict = _("Counted");
          icon = "emblem-ok-symbolic";
          break;
        case TITRATE_FLAG_REDUNDANT:
          verdict = _("Not counted, not penalised");
          icon = "dialog-information-symbolic";
          break;
        case TITRATE_FLAG_FALSE:
        default:
          verdict = _("Needless flag");
          icon = "dialog-warning-symbolic";
          break;
        }
      /* Translators: "Counted: Renal — whole plan" */
      title = g_strdup_printf (_("%s: %s"), verdict, what);
      gtk_list_box_append (self->verdicts_list, text_row (title, flag->reason, icon));
    }
  if (self->flags->len == 0)
    gtk_list_box_append (self->verdicts_list, text_row (_("You flagged nothing"), NULL, NULL));

  self->n_revealed = gtk_toggle_button_get_active (self->presenter_toggle) ? 0 : G_MAXUINT;
  show_alert_rows (self);

  {
    g_autoptr(GString) text = g_string_new (self->scenario->explanation);

    if (self->scenario->sources->len > 0)
      {
        g_string_append (text, "\n\n");
        g_string_append (text, _("Sources: "));
        for (guint i = 0; i < self->scenario->sources->len; i++)
          {
            if (i > 0)
              g_string_append (text, ", ");
            g_string_append (text, g_ptr_array_index (self->scenario->sources, i));
          }
      }
    gtk_label_set_text (self->explanation_label, text->str);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_heading), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), TRUE);
  gtk_stack_set_visible_child_name (self->review_stack, "results");
}

static void
on_submit_cb (TitrateLearnerPane *self)
{
  g_autoptr(TitrateRegimen) edited = NULL;
  g_autoptr(GPtrArray) edited_alerts = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean medicines_changed = FALSE;

  medicines = edited_medicines (self, &medicines_changed);
  edited = edited_regimen (self, &message);
  if (edited == NULL)
    {
      gtk_label_set_text (self->plan_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), FALSE);

  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = titrate_check (self->rules, self->doc->patient, self->doc->regimen, self->doc->comedications, &error);
  if (self->alerts == NULL)
    {
      /* Fail safe: no score from a check that did not run. */
      gtk_label_set_text (self->plan_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), TRUE);
      return;
    }
  if (steps_edited (self, edited) || medicines_changed)
    {
      edited_alerts = titrate_check (self->rules, self->doc->patient, edited, medicines, &error);
      if (edited_alerts == NULL)
        {
          gtk_label_set_text (self->plan_error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), TRUE);
          g_clear_pointer (&self->alerts, g_ptr_array_unref);
          return;
        }
    }

  g_clear_pointer (&self->result, titrate_scenario_result_free);
  self->result = titrate_scenario_score (self->scenario, self->flags, self->alerts, edited_alerts);
  self->seconds = (g_get_monotonic_time () - self->started_us) / G_USEC_PER_SEC;
  show_results (self);
  g_signal_emit (self, signals[SUBMITTED], 0);
}

static void
on_again_cb (TitrateLearnerPane *self)
{
  gtk_stack_set_visible_child_name (self->review_stack, "flagging");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), FALSE);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->started_us = g_get_monotonic_time ();
}

static void
on_next_alert_cb (TitrateLearnerPane *self)
{
  self->n_revealed++;
  show_alert_rows (self);
}

static void
on_presenter_toggled_cb (TitrateLearnerPane *self)
{
  if (gtk_toggle_button_get_active (self->presenter_toggle))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");
      self->n_revealed = 0;
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presenter");
      self->n_revealed = G_MAXUINT;
    }
  show_alert_rows (self);
}

static void
on_add_step_cb (TitrateLearnerPane *self)
{
  const TitrateRegimen *r = self->doc->regimen;
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->steps_list));
  int day = 1;

  if (last != NULL && g_object_get_data (G_OBJECT (last), "spin") != NULL)
    day = gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (last), "spin")) + 3;
  else if (r->steps->len > 0)
    day = g_array_index (r->steps, TitrateStep, r->steps->len - 1).day + 3;
  add_step_row (self, day, "", FALSE);
}

static void
on_reset_plan_cb (TitrateLearnerPane *self)
{
  fill_steps (self);
  fill_medicines (self);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), FALSE);
}

static void
on_leave_cb (TitrateLearnerPane *self)
{
  g_signal_emit (self, signals[LEAVE], 0);
}

/* GObject */

static void
titrate_learner_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TITRATE_TYPE_LEARNER_PANE);
  G_OBJECT_CLASS (titrate_learner_pane_parent_class)->dispose (object);
}

static void
titrate_learner_pane_finalize (GObject *object)
{
  TitrateLearnerPane *self = TITRATE_LEARNER_PANE (object);

  g_clear_object (&self->rules);
  g_clear_pointer (&self->doc, titrate_document_free);
  g_clear_pointer (&self->scenario, titrate_scenario_free);
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  g_clear_pointer (&self->result, titrate_scenario_result_free);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  G_OBJECT_CLASS (titrate_learner_pane_parent_class)->finalize (object);
}

static void
titrate_learner_pane_class_init (TitrateLearnerPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_learner_pane_dispose;
  object_class->finalize = titrate_learner_pane_finalize;

  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SUBMITTED] = g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  titrate_teaching_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-learner-pane.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TitrateLearnerPane, name)
  BIND (title_label);
  BIND (brief_label);
  BIND (objectives_label);
  BIND (case_label);
  BIND (steps_list);
  BIND (medicines_heading);
  BIND (medicines_list);
  BIND (plan_error_label);
  BIND (explanation_heading);
  BIND (explanation_label);
  BIND (presenter_toggle);
  BIND (review_stack);
  BIND (learner_row);
  BIND (category_dropdown);
  BIND (day_spin);
  BIND (reason_entry);
  BIND (flag_error_label);
  BIND (flags_list);
  BIND (submit_button);
  BIND (score_label);
  BIND (summary_label);
  BIND (fix_label);
  BIND (findings_list);
  BIND (verdicts_list);
  BIND (alerts_list);
  BIND (next_alert_button);
  BIND (add_flag_button);
  BIND (add_step_button);
  BIND (reset_plan_button);
  BIND (again_button);
  BIND (leave_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_add_flag_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_again_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_alert_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_presenter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_step_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_plan_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leave_cb);
}

static void
titrate_learner_pane_init (TitrateLearnerPane *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  static GtkCssProvider *css;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->flags = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_flag_free);
  self->n_revealed = G_MAXUINT;

  for (int c = 0; c < TITRATE_N_CATEGORIES; c++)
    {
      g_autofree char *title = category_title ((TitrateCategory) c);

      gtk_string_list_append (categories, title);
    }
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));

  /* Presenter mode: large text for a projector. */
  if (css == NULL)
    {
      css = gtk_css_provider_new ();
      gtk_css_provider_load_from_data (css,
                                       ".presenter { font-size: 150%; }\n"
                                       ".presenter .title-1 { font-size: 200%; }\n"
                                       ".learner-brief { font-size: 110%; }\n", -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

GtkWidget *
titrate_learner_pane_new (TitrateRules          *rules,
                          const TitrateDocument *doc,
                          const TitrateScenario *scenario)
{
  TitrateLearnerPane *self;
  g_autoptr(GString) objectives = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *case_text = NULL;

  g_return_val_if_fail (rules != NULL && doc != NULL && scenario != NULL, NULL);

  self = g_object_new (TITRATE_TYPE_LEARNER_PANE, NULL);
  self->rules = g_object_ref (rules);
  self->doc = titrate_document_copy (doc);
  if (!titrate_regimen_expand_protocol (self->doc->regimen, &error))
    {
      /* Shown, never hidden: a plan that cannot be expanded is not scored. */
      gtk_label_set_text (self->plan_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), FALSE);
      g_clear_error (&error);
    }
  self->doc->regimen->has_protocol = FALSE;
  {
    g_autoptr(JsonNode) node = titrate_scenario_to_json (scenario);

    self->scenario = titrate_scenario_from_json (node, NULL);
    if (self->scenario == NULL)
      {
        self->scenario = titrate_scenario_new ();
        self->scenario->title = g_strdup (scenario->title);
        self->scenario->brief = g_strdup (scenario->brief);
        self->scenario->explanation = g_strdup (scenario->explanation);
      }
  }

  gtk_label_set_text (self->title_label, self->scenario->title);
  gtk_label_set_text (self->brief_label, self->scenario->brief);
  if (self->scenario->objectives->len > 0)
    {
      g_string_append (objectives, _("Learning objectives:"));
      for (guint i = 0; i < self->scenario->objectives->len; i++)
        g_string_append_printf (objectives, "\n• %s", (char *) g_ptr_array_index (self->scenario->objectives, i));
    }
  gtk_label_set_text (self->objectives_label, objectives->str);
  gtk_widget_set_visible (GTK_WIDGET (self->objectives_label), objectives->len > 0);
  case_text = describe_case (self);
  gtk_label_set_text (self->case_label, case_text);
  fill_steps (self);
  fill_medicines (self);
  gtk_spin_button_set_range (self->day_spin, 0, 3650);
  self->started_us = g_get_monotonic_time ();
  return GTK_WIDGET (self);
}

const TitrateScenarioResult *
titrate_learner_pane_get_result (TitrateLearnerPane *self)
{
  g_return_val_if_fail (TITRATE_IS_LEARNER_PANE (self), NULL);
  return self->result;
}

TitrateSessionRow *
titrate_learner_pane_dup_row (TitrateLearnerPane *self)
{
  TitrateSessionRow *row;

  g_return_val_if_fail (TITRATE_IS_LEARNER_PANE (self), NULL);
  if (self->result == NULL)
    return NULL;
  row = g_new0 (TitrateSessionRow, 1);
  row->scenario = g_strdup (self->scenario->title);
  row->learner = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->learner_row)));
  row->score = self->result->score;
  row->found = self->result->n_matched;
  row->missed = self->result->n_missed;
  row->false_flags = self->result->n_false;
  row->seconds = self->seconds;
  return row;
}

void
titrate_learner_pane_set_presenter (TitrateLearnerPane *self,
                                    gboolean            presenter)
{
  g_return_if_fail (TITRATE_IS_LEARNER_PANE (self));
  gtk_toggle_button_set_active (self->presenter_toggle, presenter);
}
