/* titrate-plan-view.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's panes under a permanent verdict bar: the patient and regimen
 * form in an AdwFlap, the calendar, schedule and chart, and the alerts,
 * the last two in an AdwLeaflet. The layout follows the width it is
 * given, never the other way round: the form folds over the plan when the
 * three panes do not fit (or at clinic widths below 1200 px), and the
 * plan and alerts become one pane at a time when even two do not fit, so
 * no content can widen the window past the screen. Everything here reads
 * one TitrateSession.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "titrate-number-row.h"
#include "titrate-plan-view.h"
#include "titrate-pump-marks.h"
#include "titrate-ui-utils.h"
#include "titrate-wrap-bin.h"

/* Below this width the form folds over the plan even when it would fit:
 * the plan and the alerts matter more at clinic screen sizes. */
#define WIDE_WIDTH 1200

struct _TitratePlanView
{
  AdwBin               parent_instance;

  TitratePatientForm  *patient_form;
  TitrateRegimenForm  *regimen_form;
  AdwViewStack        *view_stack;
  AdwSqueezer         *view_squeezer;
  GtkLabel            *view_title;
  AdwViewSwitcherBar  *view_switcher_bar;  /* NULL until the pane is narrow */
  TitrateCalendarView *calendar_view;
  TitrateScheduleView *schedule_view;
  TitrateDoseChart    *dose_chart;
  TitrateAlertList    *alert_list;
  TitrateVerdictBar   *verdict_bar;
  AdwFlap             *flap;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *sidebar_clamp;
  GtkWidget           *plan_pane;
  GtkWidget           *alert_pane;
  GtkWidget           *back_button;

  TitrateSession      *session;        /* not owned: the window's, which outlives the view */
  GPtrArray           *number_rows;    /* (element-type TitrateNumberRow) */
  guint                n_invalid;
  int                  mode;           /* -1 until the first allocation */
  guint                reveal_source;  /* opens the form on a new plan, once laid out */
};

G_DEFINE_FINAL_TYPE (TitratePlanView, titrate_plan_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_INVALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MODE_NARROW,      /* form folded, one of plan or alerts at a time */
  MODE_MEDIUM,      /* form folded, plan and alerts side by side */
  MODE_WIDE,        /* all three side by side */
};

/* Helpers */

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static int
choose_mode (TitratePlanView *self,
             int              width)
{
  int plan = min_width (self->plan_pane);
  /* The alert pane's minimum, not its natural width: the natural width
   * grows when an alert is opened (a long reason, the acknowledgement
   * field), and reading an alert must not fold the panes and hide the
   * list. The leaflet gives the pane its natural width when there is room. */
  int alerts = min_width (self->alert_pane);
  int form = 0;

  /* The form pane takes its natural width, up to its clamp. */
  gtk_widget_measure (self->sidebar_clamp, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &form, NULL, NULL);

  if (width >= WIDE_WIDTH && form + plan + alerts + 2 <= width)
    return MODE_WIDE;
  if (plan + alerts + 1 <= width)
    return MODE_MEDIUM;
  return MODE_NARROW;
}

/* Nothing planned yet: no step and no protocol. */
static gboolean
plan_is_empty (TitratePlanView *self)
{
  const TitrateRegimen *regimen = self->session != NULL ? titrate_session_get_regimen (self->session) : NULL;

  return regimen != NULL && regimen->steps->len == 0 && !regimen->has_protocol;
}

/* Folded, the form opens over the plan on a new, empty plan (there is
 * nothing to look at until it is filled in) and stays folded away once a
 * plan exists: on a new document, and when the width folds it. */
static gboolean
reveal_form_idle_cb (gpointer data)
{
  TitratePlanView *self = data;

  self->reveal_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->mode != MODE_WIDE && plan_is_empty (self))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  return G_SOURCE_REMOVE;
}

static void
reveal_form_if_new (TitratePlanView *self)
{
  /* Once the window has been laid out: revealed while it was being mapped,
   * the form's scrolled pane did not follow the focus (GTK 4.8), so a
   * field focused in it could stay out of sight. */
  if (self->mode == -1 || self->mode == MODE_WIDE || !plan_is_empty (self) || self->reveal_source != 0)
    return;
  self->reveal_source = g_idle_add_full (G_PRIORITY_LOW, reveal_form_idle_cb, self, NULL);
}

static void
apply_mode (TitratePlanView *self,
            int              mode)
{
  if (mode == self->mode)
    return;
  self->mode = mode;
  adw_flap_set_fold_policy (self->flap, mode == MODE_WIDE ? ADW_FLAP_FOLD_POLICY_NEVER
                                                          : ADW_FLAP_FOLD_POLICY_ALWAYS);
  adw_leaflet_set_can_unfold (self->leaflet, mode != MODE_NARROW);
  gtk_widget_set_visible (self->back_button, mode == MODE_NARROW);
  reveal_form_if_new (self);
}

static void
on_session_changed_cb (TitratePlanView *self,
                       guint            flags)
{
  if (flags & TITRATE_SESSION_CHANGE_DOCUMENT)
    reveal_form_if_new (self);
}

static void
collect_number_rows (GtkWidget *widget,
                     GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (TITRATE_IS_NUMBER_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_number_rows (child, rows);
    }
}

/* Callbacks */

/* A field holds an edit not applied yet: the verdict bar says which. */
static void
on_pending_changed_cb (TitratePlanView *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->number_rows->len; i++)
    {
      TitrateNumberRow *row = g_ptr_array_index (self->number_rows, i);

      if (titrate_number_row_get_pending (row))
        {
          g_autofree char *title = titrate_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, title);
        }
    }
  titrate_verdict_bar_set_pending (self->verdict_bar, names->len > 0 ? names->str : NULL);
}

/* Every number row of the form, including those made when first needed
 * (the pump's section): each says when it holds an edit not applied yet,
 * and every one is committed before a save or print. */
static void
on_rows_added_cb (TitratePlanView *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_number_rows (self->sidebar, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      gpointer row = g_ptr_array_index (rows, i);

      if (!g_ptr_array_find (self->number_rows, row, NULL))
        {
          g_ptr_array_add (self->number_rows, row);
          g_signal_connect_object (row, "notify::pending",
                                   G_CALLBACK (on_pending_changed_cb), self, G_CONNECT_SWAPPED);
        }
    }
}

static void
on_selection_changed_cb (TitratePlanView *self)
{
  GDate date;

  titrate_calendar_view_get_selected (self->calendar_view, &date);
  titrate_verdict_bar_set_date (self->verdict_bar, &date);
}

/* Narrow: the tabs moved to the bar below, the title names the view shown. */
static void
on_title_visible_cb (TitratePlanView *self)
{
  AdwViewStackPage *page = NULL;
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);
  g_autofree char *title = NULL;
  gboolean narrow;

  if (child != NULL)
    page = adw_view_stack_get_page (self->view_stack, child);
  if (page != NULL && adw_view_stack_page_get_title (page) != NULL)
    title = titrate_strip_mnemonic (adw_view_stack_page_get_title (page));
  gtk_label_set_label (self->view_title, title != NULL ? title : "");

  /* The bar is made the first time the tabs do not fit, then follows. */
  narrow = adw_squeezer_get_visible_child (self->view_squeezer) == GTK_WIDGET (self->view_title);
  if (self->view_switcher_bar == NULL && narrow)
    {
      self->view_switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
      adw_view_switcher_bar_set_stack (self->view_switcher_bar, self->view_stack);
      gtk_box_append (GTK_BOX (self->plan_pane), GTK_WIDGET (self->view_switcher_bar));
    }
  if (self->view_switcher_bar != NULL)
    adw_view_switcher_bar_set_reveal (self->view_switcher_bar, narrow);
}

static void
on_back_clicked_cb (TitratePlanView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->plan_pane);
}

/* A field holds text the model refused: say so above the alerts, which
 * are then the check of the last valid values. */
static void
on_invalid_changed_cb (TitratePlanView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  titrate_patient_form_describe_invalid (self->patient_form, names);
  titrate_regimen_form_describe_invalid (self->regimen_form, names);
  titrate_alert_list_set_invalid_fields (self->alert_list, names);
  if (self->n_invalid == names->len)
    return;
  self->n_invalid = names->len;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INVALID]);
}

/* GtkWidget */

/* As narrow as the most folded layout: the width decides the layout. */
static void
titrate_plan_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  TitratePlanView *self = TITRATE_PLAN_VIEW (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int narrow = MAX (MAX (min_width (self->plan_pane), min_width (self->alert_pane)),
                        min_width (GTK_WIDGET (self->verdict_bar)));

      *minimum = narrow;
      *natural = MAX (*natural, narrow);
    }
}

static void
titrate_plan_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (titrate_plan_view_parent_class)->map (widget);
  reveal_form_if_new (TITRATE_PLAN_VIEW (widget));
}

static void
titrate_plan_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  TitratePlanView *self = TITRATE_PLAN_VIEW (widget);

  apply_mode (self, choose_mode (self, width));
  gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);
}

/* GObject */

static void
titrate_plan_view_dispose (GObject *object)
{
  TitratePlanView *self = TITRATE_PLAN_VIEW (object);

  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_pointer (&self->number_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), TITRATE_TYPE_PLAN_VIEW);

  G_OBJECT_CLASS (titrate_plan_view_parent_class)->dispose (object);
}

static void
titrate_plan_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TitratePlanView *self = TITRATE_PLAN_VIEW (object);

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
titrate_plan_view_class_init (TitratePlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_plan_view_dispose;
  object_class->get_property = titrate_plan_view_get_property;
  widget_class->measure = titrate_plan_view_measure;
  widget_class->size_allocate = titrate_plan_view_size_allocate;
  widget_class->map = titrate_plan_view_map;

  properties[PROP_N_INVALID] =
    g_param_spec_uint ("n-invalid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TITRATE_TYPE_PATIENT_FORM);
  g_type_ensure (TITRATE_TYPE_REGIMEN_FORM);
  g_type_ensure (TITRATE_TYPE_CALENDAR_VIEW);
  g_type_ensure (TITRATE_TYPE_SCHEDULE_VIEW);
  g_type_ensure (TITRATE_TYPE_DOSE_CHART);
  g_type_ensure (TITRATE_TYPE_ALERT_LIST);
  g_type_ensure (TITRATE_TYPE_VERDICT_BAR);
  titrate_wrap_bin_install_column_measure ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, patient_form);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, regimen_form);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, view_squeezer);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, view_title);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, dose_chart);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, alert_list);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, verdict_bar);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, flap);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, plan_pane);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, alert_pane);
  gtk_widget_class_bind_template_child (widget_class, TitratePlanView, back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_invalid_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible_cb);
}

static void
titrate_plan_view_init (TitratePlanView *self)
{
  self->mode = -1;
  /* AdwBin's layout manager would bypass measure() and size_allocate(). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Showing or hiding the form is instant: nothing to wait for. */
  {
    g_autoptr(AdwSpringParams) params = adw_spring_params_new (1.0, 1.0, 1.0e6);

    adw_flap_set_reveal_params (self->flap, params);
  }
  apply_mode (self, MODE_NARROW);

  self->number_rows = g_ptr_array_new ();
  on_rows_added_cb (self);
  g_signal_connect_object (self->regimen_form, "rows-added",
                           G_CALLBACK (on_rows_added_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_title_visible_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_view, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
titrate_plan_view_new (TitrateSession *session)
{
  TitratePlanView *self;

  g_return_val_if_fail (TITRATE_IS_SESSION (session), NULL);

  self = g_object_new (TITRATE_TYPE_PLAN_VIEW, NULL);
  self->session = session;
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  titrate_patient_form_set_session (self->patient_form, session);
  titrate_regimen_form_set_session (self->regimen_form, session);
  titrate_calendar_view_set_session (self->calendar_view, session);
  titrate_schedule_view_set_session (self->schedule_view, session);
  titrate_dose_chart_set_session (self->dose_chart, session);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->view_stack))),
                              titrate_pump_marks_status_label_new (session),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->view_stack)));
  titrate_alert_list_set_session (self->alert_list, session);
  titrate_verdict_bar_set_session (self->verdict_bar, session);
  on_selection_changed_cb (self);
  titrate_wrap_bin_adopt_labels (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * titrate_plan_view_prepare_width:
 * @width: the width the view is about to get (the window's default width)
 *
 * Picks the layout for @width before the first allocation, so that the
 * first frame already has the panes it keeps: decided only at allocation,
 * the form pane appeared one frame later and the content moved.
 */
void
titrate_plan_view_prepare_width (TitratePlanView *self,
                                 int              width)
{
  g_return_if_fail (TITRATE_IS_PLAN_VIEW (self));

  if (width > 0)
    apply_mode (self, choose_mode (self, width));
}

TitrateVerdictBar *
titrate_plan_view_get_verdict_bar (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->verdict_bar;
}

AdwFlap *
titrate_plan_view_get_flap (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->flap;
}

/* Brings the alert list up (the one pane shown when narrow) and focuses it. */
void
titrate_plan_view_show_alerts (TitratePlanView *self)
{
  g_return_if_fail (TITRATE_IS_PLAN_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->alert_pane);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (self->alert_list), GTK_DIR_TAB_FORWARD);
}

/* F6: form (when shown), plan, alerts, in turn. */
void
titrate_plan_view_focus_next_pane (TitratePlanView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *panes[3] = { self->sidebar, self->plan_pane, self->alert_pane };
  int current = -1;

  g_return_if_fail (TITRATE_IS_PLAN_VIEW (self));

  for (int i = 0; i < 3 && focus != NULL; i++)
    if (gtk_widget_is_ancestor (focus, panes[i]) || focus == panes[i])
      current = i;
  for (int step = 1; step <= 3; step++)
    {
      int next = (current + step + 3) % 3;
      GtkWidget *pane = panes[next];

      if (pane == self->sidebar && !adw_flap_get_reveal_flap (self->flap))
        continue;
      if (pane != self->sidebar && adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, pane);
      if (pane != self->sidebar && adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap, FALSE);
      if (gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD))
        return;
    }
}

/* Applies every edit still pending in the form (before saving or printing). */
void
titrate_plan_view_commit_pending (TitratePlanView *self)
{
  g_return_if_fail (TITRATE_IS_PLAN_VIEW (self));

  for (guint i = 0; i < self->number_rows->len; i++)
    titrate_number_row_commit (g_ptr_array_index (self->number_rows, i));
}

TitratePatientForm *
titrate_plan_view_get_patient_form (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->patient_form;
}

TitrateRegimenForm *
titrate_plan_view_get_regimen_form (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->regimen_form;
}

TitrateCalendarView *
titrate_plan_view_get_calendar_view (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->calendar_view;
}

TitrateScheduleView *
titrate_plan_view_get_schedule_view (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->schedule_view;
}

TitrateDoseChart *
titrate_plan_view_get_dose_chart (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->dose_chart;
}

TitrateAlertList *
titrate_plan_view_get_alert_list (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->alert_list;
}

AdwViewStack *
titrate_plan_view_get_view_stack (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), NULL);

  return self->view_stack;
}

guint
titrate_plan_view_get_n_invalid (TitratePlanView *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN_VIEW (self), 0);

  return self->n_invalid;
}
