/* titrate-verdict-bar.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verdict first: a permanent bar above the plan with the selected
 * day's dose (unit and tablets), this patient's maximum and its basis,
 * and the worst alert not yet acknowledged, beside a button with the alert
 * count and worst severity that brings up the alert list. It is loud only
 * when something is wrong and unacknowledged; once everything is
 * acknowledged it says so quietly. It changes only when the plan does
 * (a committed edit), never per keystroke.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "titrate-alert-item.h"
#include "titrate-ui-utils.h"
#include "titrate-verdict-bar.h"

struct _TitrateVerdictBar
{
  GtkBox          parent_instance;

  GtkLabel       *day_label;
  GtkLabel       *dose_label;
  GtkLabel       *units_label;
  GtkLabel       *max_label;
  GtkLabel       *basis_label;
  GtkWidget      *alert_box;
  GtkImage       *alert_icon;
  GtkLabel       *alert_caption;
  GtkLabel       *alert_label;
  GtkButton      *alerts_button;
  GtkImage       *count_icon;
  GtkLabel       *count_label;

  TitrateSession *session;
  GDate           date;
  char           *pending;
  const char     *state_class;
};

G_DEFINE_FINAL_TYPE (TitrateVerdictBar, titrate_verdict_bar, GTK_TYPE_BOX)

/* Helpers */

static void
set_state_class (TitrateVerdictBar *self,
                 const char        *css)
{
  if (css == self->state_class)
    return;
  if (self->state_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->state_class);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), css);
  self->state_class = css;
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  /* Same text: no relayout. */
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
update_day (TitrateVerdictBar *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  const char *unit = titrate_route_unit (regimen->route);
  g_autofree char *caption = NULL;
  g_autofree char *dose = NULL;
  g_autofree char *units = NULL;
  TitrateDay day;
  int n;

  if (regimen->steps->len == 0)
    {
      set_text (self->day_label, _("Selected day"));
      set_text (self->dose_label, _("No doses planned yet"));
      set_text (self->units_label, "");
      return;
    }

  if (g_date_valid (&self->date) && g_date_valid (&regimen->start_date))
    n = titrate_session_day_for_date (self->session, &self->date);
  else
    n = 1;
  if (n == G_MININT || n < 1)
    {
      g_autofree char *date = titrate_format_date (&self->date, _("%a %-d %b %Y"));

      set_text (self->day_label, date);
      set_text (self->dose_label, _("Before the plan starts"));
      set_text (self->units_label, "");
      return;
    }
  titrate_session_get_day (self->session, n, &day);

  if (g_date_valid (&day.date))
    {
      /* Translators: selected day, strftime format */
      g_autofree char *date = titrate_format_date (&day.date, _("%a %-d %b %Y"));

      /* Translators: "Thu 14 Jan 2027 · day 12" */
      caption = g_strdup_printf (_("%s · day %d"), g_strstrip (date), day.day);
    }
  else
    /* Translators: plan day without a start date */
    caption = g_strdup_printf (_("Plan day %d"), day.day);

  if (day.phase == TITRATE_PHASE_NONE || day.phase == TITRATE_PHASE_STOPPED)
    dose = g_strdup (_("No dose this day"));
  else
    {
      g_autofree char *total = titrate_format_amount_display (day.daily_total);

      if (!isnan (day.bolus_mcg))
        /* Translators: "50 mcg bolus" */
        dose = g_strdup_printf (_("%s %s bolus"), total, unit);
      else
        dose = titrate_format_daily (day.daily_total, unit);

      if (isnan (day.daily_mcg) && isnan (day.bolus_mcg) && day.n_doses > 0)
        {
          g_autofree char *list = NULL;
          TitrateRules *rules = titrate_session_get_rules (self->session);
          const TitrateFormulation *f = rules != NULL ? titrate_rules_get_formulation (rules, regimen->formulation) : NULL;
          g_autofree char *per = titrate_format_unit_counts (day.units_per_dose, day.n_doses,
                                                             f != NULL ? f->unit_type : TITRATE_FORMULATION_UNIT_MG_PER_UNIT);
          g_autofree char *product = titrate_planner_unit_name (rules, regimen);
          gboolean same = TRUE;

          for (guint i = 1; i < day.n_doses; i++)
            if (day.doses_mg[i] != day.doses_mg[0])
              same = FALSE;
          if (same)
            {
              g_autofree char *one = titrate_format_dose (day.doses_mg[0], unit);

              /* Translators: "3 × 5 mg": doses a day × dose */
              list = g_strdup_printf (_("%u × %s"), day.n_doses, one);
            }
          else
            list = titrate_format_doses (day.doses_mg, day.n_doses, unit);

          if (per != NULL && product != NULL)
            /* Translators: "3 × 5 mg, each 0.5 × 10 mg tablet (scored: halves allowed)" */
            units = g_strdup_printf (_("%s, each %s %s"), list, per, product);
          else
            /* Translators: "3 × 5 mg, no strength chosen" */
            units = g_strdup_printf (_("%s, no strength chosen"), list);
          if (!day.measurable)
            {
              /* Translators: appended when a dose cannot be given with the product */
              char *more = g_strdup_printf (_("%s: cannot be measured with this product"), units);

              g_free (units);
              units = more;
            }
        }
    }
  set_text (self->day_label, caption);
  set_text (self->dose_label, dose);
  set_text (self->units_label, units != NULL ? units : "");
}

static void
update_maximum (TitrateVerdictBar *self)
{
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);
  const char *unit = titrate_route_unit (regimen->route);
  TitrateLimit limit;
  g_autofree char *max = NULL;
  g_autofree char *basis = NULL;

  titrate_session_get_limit (self->session, &limit);
  /* The checker falls back to the adult rows when age is unknown (and says
   * so in an alert); an age-based maximum is not this patient's until the
   * age is known, so none is shown as such. A renal or dialysis ceiling
   * does not depend on age and is shown. */
  if (isnan (titrate_session_get_patient (self->session)->age_years) && isnan (limit.renal_ceiling))
    {
      set_text (self->max_label, _("Needs the age"));
      set_text (self->basis_label, _("the maximum depends on age"));
      return;
    }
  if (isnan (limit.max_daily))
    {
      set_text (self->max_label, _("None applies"));
      set_text (self->basis_label, _("no rule sets one for this patient"));
      return;
    }
  max = titrate_format_daily (limit.max_daily, unit);
  if (titrate_session_get_patient (self->session)->dialysis && regimen->route == TITRATE_ROUTE_ORAL)
    basis = g_strdup (_("basis: dialysis"));
  else if (!isnan (limit.renal_ceiling))
    /* Translators: the maximum is an absolute ceiling the rules give for
     * this level of kidney function, not the label maximum scaled down */
    basis = g_strdup (_("basis: renal ceiling"));
  else if (limit.renal_factor < 1.0 - 1e-9)
    {
      g_autofree char *factor = titrate_format_amount_display (limit.renal_factor);

      /* Translators: "basis: renal × 0.5" */
      basis = g_strdup_printf (_("basis: renal × %s"), factor);
    }
  else if (limit.rule_code != NULL && strstr (limit.rule_code, "per_kg") != NULL)
    basis = g_strdup (_("basis: by weight"));
  else
    basis = g_strdup (_("basis: label maximum (indication, age)"));
  set_text (self->max_label, max);
  set_text (self->basis_label, basis);
}

static void
update_alerts (TitrateVerdictBar *self)
{
  GListModel *model = titrate_session_get_alerts (self->session);
  guint n = g_list_model_get_n_items (model);
  guint unacknowledged = 0, acknowledged = 0;
  g_autoptr(TitrateAlertItem) worst = NULL;
  int worst_severity = -1;
  g_autofree char *count = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *text = NULL;
  const char *icon = "emblem-ok-symbolic";
  const char *state = "quiet";
  const TitrateRegimen *regimen = titrate_session_get_regimen (self->session);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (model, i);
      int severity = titrate_alert_item_get_severity (item);

      if (titrate_alert_item_get_acknowledgement (item) != NULL)
        {
          acknowledged++;
          continue;
        }
      if (titrate_alert_item_get_needs_acknowledgement (item))
        unacknowledged++;
      if (severity > worst_severity)
        {
          worst_severity = severity;
          g_set_object (&worst, item);
        }
    }

  if (!titrate_session_get_checked (self->session))
    {
      caption = g_strdup (_("Not checked"));
      text = g_strdup (_("No alert can be shown: nothing here is checked"));
      icon = "dialog-error-symbolic";
      state = "loud";
      count = g_strdup (_("Alerts"));
    }
  else
    {
      if (n == 0)
        count = g_strdup (_("No alerts"));
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alert", "%u alerts", n), n);

      if (worst != NULL)
        {
          TitrateSeverity s = (TitrateSeverity) worst_severity;
          TitrateAlert *alert = titrate_alert_item_get_alert (worst);

          icon = titrate_severity_icon_name (s);
          state = unacknowledged > 0 ? "loud" : "calm";
          if (unacknowledged > 0)
            caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s · %u to acknowledge",
                                                    "%s · %u to acknowledge", unacknowledged),
                                       titrate_severity_label (s), unacknowledged);
          else
            caption = g_strdup (titrate_severity_label (s));
          text = g_strdup (alert->title);
        }
      else if (regimen->steps->len == 0)
        {
          caption = g_strdup (_("Not ready to save as final"));
          text = g_strdup (_("Add doses or a protocol: an empty plan is not a prescription"));
          icon = "dialog-information-symbolic";
        }
      else if (acknowledged > 0)
        {
          caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u acknowledged", "%u acknowledged",
                                                  acknowledged), acknowledged);
          text = g_strdup (_("Ready to save as final"));
        }
      else
        {
          caption = g_strdup (_("Checked"));
          text = g_strdup (_("No alerts for this plan, as entered"));
        }

      if (worst != NULL && unacknowledged == 0 && acknowledged > 0 && regimen->steps->len > 0)
        {
          /* Quiet, and says what is left. */
          g_autofree char *quiet = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%u acknowledged · ready to save as final",
                                                                 "%u acknowledged · ready to save as final",
                                                                 acknowledged), acknowledged);
          g_free (caption);
          caption = g_steal_pointer (&quiet);
        }
    }

  if (self->pending != NULL)
    {
      /* Translators: %s names the fields, e.g. "Weight" */
      g_autofree char *more = g_strdup_printf (_("Edit not applied yet: %s"), self->pending);

      g_free (caption);
      caption = g_steal_pointer (&more);
    }

  gtk_image_set_from_icon_name (self->alert_icon, icon);
  gtk_image_set_from_icon_name (self->count_icon, worst != NULL ? icon : "emblem-ok-symbolic");
  set_text (self->alert_caption, caption);
  set_text (self->alert_label, text);
  set_text (self->count_label, count);
  {
    g_autofree char *name = worst != NULL
      /* Translators: accessible name of the alert button, "Show 3 alerts, worst: Major" */
      ? g_strdup_printf (_("Show %s, worst: %s"), count, titrate_severity_label ((TitrateSeverity) worst_severity))
      : g_strdup_printf (_("Show alerts: %s"), count);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->alerts_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  set_state_class (self, state);
  if (worst != NULL)
    {
      const char *classes[] = { "info", "minor", "moderate", "major", "contraindicated" };

      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->alerts_button), classes[i]);
      gtk_widget_add_css_class (GTK_WIDGET (self->alerts_button),
                                titrate_severity_css_class ((TitrateSeverity) worst_severity));
    }
}

static void
update (TitrateVerdictBar *self)
{
  if (self->session == NULL)
    return;
  update_day (self);
  update_maximum (self);
  update_alerts (self);
}

/* Callbacks */

static void
on_session_changed_cb (TitrateVerdictBar *self,
                       guint              flags)
{
  if (flags & TITRATE_SESSION_CHANGE_DOCUMENT)
    g_date_clear (&self->date, 1);
  update (self);
}

/* GObject */

static void
titrate_verdict_bar_dispose (GObject *object)
{
  TitrateVerdictBar *self = TITRATE_VERDICT_BAR (object);

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), TITRATE_TYPE_VERDICT_BAR);

  G_OBJECT_CLASS (titrate_verdict_bar_parent_class)->dispose (object);
}

static void
titrate_verdict_bar_finalize (GObject *object)
{
  TitrateVerdictBar *self = TITRATE_VERDICT_BAR (object);

  g_free (self->pending);

  G_OBJECT_CLASS (titrate_verdict_bar_parent_class)->finalize (object);
}

static void
titrate_verdict_bar_class_init (TitrateVerdictBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_verdict_bar_dispose;
  object_class->finalize = titrate_verdict_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-verdict-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, day_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, dose_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, units_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, max_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, basis_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, alert_box);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, alert_icon);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, alert_caption);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, alert_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, alerts_button);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, count_icon);
  gtk_widget_class_bind_template_child (widget_class, TitrateVerdictBar, count_label);
  gtk_widget_class_set_css_name (widget_class, "verdictbar");
}

static void
titrate_verdict_bar_init (TitrateVerdictBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->date, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Verdict for the selected day"), -1);
}

/* Public API */

void
titrate_verdict_bar_set_session (TitrateVerdictBar *self,
                                 TitrateSession    *session)
{
  g_return_if_fail (TITRATE_IS_VERDICT_BAR (self));
  g_return_if_fail (TITRATE_IS_SESSION (session));

  g_set_object (&self->session, session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

/* The calendar's selected day; an invalid date means the first plan day. */
void
titrate_verdict_bar_set_date (TitrateVerdictBar *self,
                              const GDate       *date)
{
  g_return_if_fail (TITRATE_IS_VERDICT_BAR (self));

  if (date != NULL && g_date_valid (date))
    self->date = *date;
  else
    g_date_clear (&self->date, 1);
  if (self->session != NULL)
    update_day (self);
}

/* Names of fields holding an edit not applied yet, or NULL. */
void
titrate_verdict_bar_set_pending (TitrateVerdictBar *self,
                                 const char        *fields)
{
  g_return_if_fail (TITRATE_IS_VERDICT_BAR (self));

  if (!titrate_set_str (&self->pending, fields))
    return;
  if (self->session != NULL)
    update_alerts (self);
}

const char *
titrate_verdict_bar_get_dose (TitrateVerdictBar *self)
{
  g_return_val_if_fail (TITRATE_IS_VERDICT_BAR (self), NULL);

  return gtk_label_get_label (self->dose_label);
}

const char *
titrate_verdict_bar_get_maximum (TitrateVerdictBar *self)
{
  g_return_val_if_fail (TITRATE_IS_VERDICT_BAR (self), NULL);

  return gtk_label_get_label (self->max_label);
}

/* The caption and title of the worst unacknowledged alert, "Major: …" */
const char *
titrate_verdict_bar_get_alert (TitrateVerdictBar *self)
{
  g_return_val_if_fail (TITRATE_IS_VERDICT_BAR (self), NULL);

  return gtk_label_get_label (self->alert_caption);
}

const char *
titrate_verdict_bar_get_count (TitrateVerdictBar *self)
{
  g_return_val_if_fail (TITRATE_IS_VERDICT_BAR (self), NULL);

  return gtk_label_get_label (self->count_label);
}

GtkWidget *
titrate_verdict_bar_get_count_button (TitrateVerdictBar *self)
{
  g_return_val_if_fail (TITRATE_IS_VERDICT_BAR (self), NULL);

  return GTK_WIDGET (self->alerts_button);
}
