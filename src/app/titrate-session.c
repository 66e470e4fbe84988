/* titrate-session.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model behind one window: the file state (path, title, dirty, final)
 * around a TitratePlan, which owns the current document and re-checks it.
 * Data flows one way: the forms hand in new values, the session edits the
 * plan's document, the plan re-checks and the session tells the views what
 * changed. When the rules database is unusable the plan keeps the error,
 * which is shown: never an empty alert list.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "titrate-alert-item.h"
#include "titrate-session.h"
#include "titrate-ui-utils.h"

struct _TitrateSession
{
  GObject          parent_instance;

  TitrateRules    *rules;
  GError          *rules_error;

  TitratePlan     *plan;         /* owns the document */
  GPtrArray       *suggestion_notes; /* (element-type utf8) of the last suggestion applied */
  GFile           *file;
  char            *title;
  gboolean         dirty;
};

G_DEFINE_FINAL_TYPE (TitrateSession, titrate_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_DIRTY,
  PROP_FINAL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define EPSILON 1e-9

/* Helpers */

static inline TitrateDocument *
doc_of (TitrateSession *self)
{
  return titrate_plan_get_document (self->plan);
}

static void
set_dirty (TitrateSession *self,
           gboolean        dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_final (TitrateSession *self,
           gboolean        final)
{
  if (doc_of (self)->final == final)
    return;
  doc_of (self)->final = final;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINAL]);
}

static void
set_title (TitrateSession *self,
           const char     *title)
{
  if (titrate_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
set_file (TitrateSession *self,
          GFile          *file)
{
  if (self->file == file)
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static gboolean
same_double (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) < EPSILON;
}

/* What a re-check of the plan changed, as the session tells its views. */
static TitrateSessionChange
session_change (TitratePlanChange flags)
{
  TitrateSessionChange out = 0;

  if (flags & TITRATE_PLAN_CHANGE_DAYS)
    out |= TITRATE_SESSION_CHANGE_STEPS;
  if (flags & TITRATE_PLAN_CHANGE_ALERTS)
    out |= TITRATE_SESSION_CHANGE_ALERTS;
  if (flags & TITRATE_PLAN_CHANGE_LIMIT)
    out |= TITRATE_SESSION_CHANGE_LIMIT;
  return out;
}

static void
emit_changed (TitrateSession       *self,
              TitrateSessionChange  flags)
{
  if (flags != 0)
    g_signal_emit (self, signals[CHANGED], 0, (guint) flags);
}

/* A user edit: the plan is no longer the one saved (nor the final one). */
static void
edited (TitrateSession       *self,
        TitrateSessionChange  flags)
{
  set_final (self, FALSE);
  set_dirty (self, TRUE);
  flags |= session_change (titrate_plan_update (self->plan, (flags & TITRATE_SESSION_CHANGE_STEPS) != 0));
  emit_changed (self, flags);
}

static gboolean
same_steps (const TitrateRegimen *a,
            const TitrateRegimen *b)
{
  if (a->steps->len != b->steps->len)
    return FALSE;
  for (guint i = 0; i < a->steps->len; i++)
    {
      const TitrateStep *sa = &g_array_index (a->steps, TitrateStep, i);
      const TitrateStep *sb = &g_array_index (b->steps, TitrateStep, i);

      if (sa->day != sb->day || sa->n_doses != sb->n_doses ||
          !same_double (sa->daily_mcg, sb->daily_mcg) ||
          !same_double (sa->bolus_mcg, sb->bolus_mcg))
        return FALSE;
      for (guint d = 0; d < sa->n_doses; d++)
        if (!same_double (sa->doses_mg[d], sb->doses_mg[d]))
          return FALSE;
    }
  return TRUE;
}

/* What the calendar shows besides the steps: dates and units per dose. */
static gboolean
same_calendar_inputs (const TitrateRegimen *a,
                      const TitrateRegimen *b)
{
  gboolean a_valid = g_date_valid (&a->start_date);
  gboolean b_valid = g_date_valid (&b->start_date);

  if (a_valid != b_valid)
    return FALSE;
  if (a_valid && g_date_compare (&a->start_date, &b->start_date) != 0)
    return FALSE;
  return a->route == b->route &&
         g_strcmp0 (a->formulation, b->formulation) == 0 &&
         same_double (a->strength_mg, b->strength_mg) &&
         same_double (a->concentration_mg_per_ml, b->concentration_mg_per_ml) &&
         same_double (a->concentration_mcg_per_ml, b->concentration_mcg_per_ml);
}

static void
replace_document (TitrateSession  *self,
                  TitrateDocument *doc,
                  GFile           *file,
                  const char      *title)
{
  titrate_plan_set_document (self->plan, doc);
  g_clear_pointer (&self->suggestion_notes, g_ptr_array_unref);
  set_file (self, file);
  set_title (self, title);
  set_dirty (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINAL]);
  emit_changed (self, TITRATE_SESSION_CHANGE_ALL);
}

/* GObject */

static void
titrate_session_finalize (GObject *object)
{
  TitrateSession *self = TITRATE_SESSION (object);

  g_clear_object (&self->rules);
  g_clear_error (&self->rules_error);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->suggestion_notes, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (titrate_session_parent_class)->finalize (object);
}

static void
titrate_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TitrateSession *self = TITRATE_SESSION (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_FINAL:
      g_value_set_boolean (value, doc_of (self)->final);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_session_class_init (TitrateSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = titrate_session_finalize;
  object_class->get_property = titrate_session_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINAL] =
    g_param_spec_boolean ("final", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TitrateSession::changed:
   * @flags: a #TitrateSessionChange mask
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
titrate_session_init (TitrateSession *self)
{
  self->title = g_strdup (_("Untitled plan"));
}

/* Public API */

/**
 * titrate_session_new:
 * @rules: (nullable): an opened rules database
 * @rules_error: (nullable): why @rules is %NULL
 *
 * Returns: (transfer full): a session holding an empty document
 */
TitrateSession *
titrate_session_new (TitrateRules *rules,
                     const GError *rules_error)
{
  TitrateSession *self = g_object_new (TITRATE_TYPE_SESSION, NULL);

  g_set_object (&self->rules, rules);
  if (rules == NULL)
    self->rules_error = rules_error != NULL
                        ? g_error_copy (rules_error)
                        : g_error_new_literal (TITRATE_ERROR, TITRATE_ERROR_RULES,
                                               _("No rules database was opened"));
  self->plan = titrate_plan_new (rules, self->rules_error);
  return self;
}

TitrateRules *
titrate_session_get_rules (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return self->rules;
}

const GError *
titrate_session_get_rules_error (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return self->rules_error;
}

const TitrateDocument *
titrate_session_get_document (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return doc_of (self);
}

const TitratePatient *
titrate_session_get_patient (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return doc_of (self)->patient;
}

const TitrateRegimen *
titrate_session_get_regimen (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return doc_of (self)->regimen;
}

/* (transfer none) (element-type utf8) */
GPtrArray *
titrate_session_get_comedications (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return doc_of (self)->comedications;
}

/* Replaces the patient with a copy of @patient. */
void
titrate_session_set_patient (TitrateSession       *self,
                             const TitratePatient *patient)
{
  g_return_if_fail (TITRATE_IS_SESSION (self));
  g_return_if_fail (patient != NULL);

  g_clear_pointer (&doc_of (self)->patient, titrate_patient_free);
  doc_of (self)->patient = titrate_patient_copy (patient);
  edited (self, TITRATE_SESSION_CHANGE_PATIENT);
}

/* Replaces the regimen with a copy of @regimen, its protocol (if any)
 * expanded. A protocol that cannot be expanded is refused with @error and
 * the model keeps its last valid regimen. */
static gboolean
set_regimen (TitrateSession        *self,
             const TitrateRegimen  *regimen,
             TitrateSessionChange   flags,
             GPtrArray             *notes,
             GError               **error)
{
  g_autoptr(TitrateRegimen) copy = NULL;

  copy = titrate_regimen_copy (regimen);
  if (!titrate_regimen_expand_protocol (copy, error))
    return FALSE;
  if (!titrate_regimen_validate (copy, error))
    return FALSE;

  flags |= TITRATE_SESSION_CHANGE_REGIMEN;
  if (!same_steps (copy, doc_of (self)->regimen) ||
      !same_calendar_inputs (copy, doc_of (self)->regimen))
    flags |= TITRATE_SESSION_CHANGE_STEPS;

  g_clear_pointer (&doc_of (self)->regimen, titrate_regimen_free);
  doc_of (self)->regimen = g_steal_pointer (&copy);
  if (flags & TITRATE_SESSION_CHANGE_SUGGESTION)
    {
      g_clear_pointer (&self->suggestion_notes, g_ptr_array_unref);
      self->suggestion_notes = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; notes != NULL && i < notes->len; i++)
        g_ptr_array_add (self->suggestion_notes, g_strdup (g_ptr_array_index (notes, i)));
    }
  edited (self, flags);
  return TRUE;
}

gboolean
titrate_session_set_regimen (TitrateSession        *self,
                             const TitrateRegimen  *regimen,
                             GError               **error)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (regimen != NULL, FALSE);

  return set_regimen (self, regimen, 0, NULL, error);
}

/* Applies a suggested protocol (@regimen, built from titrate_planner_suggest())
 * like titrate_session_set_regimen(), and keeps the suggestion's @notes
 * (element-type utf8): the session holds the last suggestion, the forms
 * show it (%TITRATE_SESSION_CHANGE_SUGGESTION). A new document forgets it. */
gboolean
titrate_session_apply_suggestion (TitrateSession        *self,
                                  const TitrateRegimen  *regimen,
                                  GPtrArray             *notes,
                                  GError               **error)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (regimen != NULL, FALSE);

  return set_regimen (self, regimen, TITRATE_SESSION_CHANGE_SUGGESTION, notes, error);
}

/* (transfer none) (nullable) (element-type utf8) why the last suggested
 * protocol applied is what it is, each note with its source; NULL when no
 * suggestion was applied to this document. */
GPtrArray *
titrate_session_get_suggestion_notes (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return self->suggestion_notes;
}

/* Edits the schedule by hand: replaces the step starting on @old_day (or
 * adds one when @old_day is 0). The plan stops following its protocol. */
gboolean
titrate_session_replace_step (TitrateSession     *self,
                              int                 old_day,
                              const TitrateStep  *step,
                              GError            **error)
{
  g_autoptr(TitrateRegimen) copy = NULL;

  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  copy = titrate_regimen_copy (doc_of (self)->regimen);
  copy->has_protocol = FALSE;
  if (old_day > 0)
    for (guint i = 0; i < copy->steps->len; i++)
      if (g_array_index (copy->steps, TitrateStep, i).day == old_day)
        {
          g_array_remove_index (copy->steps, i);
          break;
        }
  if (!titrate_regimen_add_step (copy, step, error))
    return FALSE;
  return titrate_session_set_regimen (self, copy, error);
}

void
titrate_session_remove_step (TitrateSession *self,
                             int             day)
{
  g_autoptr(TitrateRegimen) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TITRATE_IS_SESSION (self));

  copy = titrate_regimen_copy (doc_of (self)->regimen);
  copy->has_protocol = FALSE;
  for (guint i = 0; i < copy->steps->len; i++)
    if (g_array_index (copy->steps, TitrateStep, i).day == day)
      {
        g_array_remove_index (copy->steps, i);
        break;
      }
  /* Removing a step from a valid plan leaves a valid plan. */
  if (!titrate_session_set_regimen (self, copy, &error))
    g_warning ("Removing step from day %d: %s", day, error->message);
}

void
titrate_session_add_comedication (TitrateSession *self,
                                  const char     *name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (TITRATE_IS_SESSION (self));
  g_return_if_fail (name != NULL);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    return;
  for (guint i = 0; i < doc_of (self)->comedications->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (doc_of (self)->comedications, i), stripped) == 0)
      return;
  g_ptr_array_add (doc_of (self)->comedications, g_steal_pointer (&stripped));
  edited (self, TITRATE_SESSION_CHANGE_COMEDICATIONS);
}

void
titrate_session_remove_comedication (TitrateSession *self,
                                     guint           index)
{
  g_return_if_fail (TITRATE_IS_SESSION (self));
  g_return_if_fail (index < doc_of (self)->comedications->len);

  g_ptr_array_remove_index (doc_of (self)->comedications, index);
  edited (self, TITRATE_SESSION_CHANGE_COMEDICATIONS);
}

/* Stores the prescriber's reason for going ahead despite an alert. */
void
titrate_session_acknowledge (TitrateSession *self,
                             const char     *code,
                             const char     *reason)
{
  g_autofree char *stripped = NULL;
  g_autofree char *today = NULL;

  g_return_if_fail (TITRATE_IS_SESSION (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (reason != NULL);

  stripped = g_strstrip (g_strdup (reason));
  if (*stripped == '\0')
    return;
  today = titrate_today_iso ();
  {
    guint n = g_list_model_get_n_items (titrate_plan_get_alerts (self->plan));
    TitrateAlert *shown = NULL;

    for (guint i = 0; i < n && shown == NULL; i++)
      {
        g_autoptr(TitrateAlertItem) item = g_list_model_get_item (titrate_plan_get_alerts (self->plan), i);

        if (g_strcmp0 (titrate_alert_item_get_code (item), code) == 0)
          shown = titrate_alert_item_get_alert (item);
      }
    /* Record what the prescriber saw, so a later change asks again. */
    if (shown != NULL)
      titrate_document_acknowledge_alert (doc_of (self), shown, stripped, today);
    else
      titrate_document_set_acknowledgement (doc_of (self), code, stripped, today);
  }
  set_final (self, FALSE);
  set_dirty (self, TRUE);
  if (titrate_plan_sync_acknowledgements (self->plan))
    emit_changed (self, TITRATE_SESSION_CHANGE_ALERTS);
}

/* (transfer none) the checked plan behind this session */
TitratePlan *
titrate_session_get_plan (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return self->plan;
}

/* (transfer none) (element-type TitrateAlertItem) most severe first */
GListModel *
titrate_session_get_alerts (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return titrate_plan_get_alerts (self->plan);
}

/* Why checking was impossible, or NULL when the plan was checked. */
const GError *
titrate_session_get_check_error (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return titrate_plan_get_error (self->plan);
}

gboolean
titrate_session_get_checked (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);

  return titrate_plan_get_checked (self->plan);
}

guint
titrate_session_count_severity (TitrateSession  *self,
                                TitrateSeverity  severity)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), 0);

  return titrate_plan_count_severity (self->plan, severity);
}

/* Contraindicated and major alerts still without a reason. */
guint
titrate_session_count_unacknowledged (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), 0);

  return titrate_plan_count_unacknowledged (self->plan);
}

void
titrate_session_get_limit (TitrateSession *self,
                           TitrateLimit   *out)
{
  g_return_if_fail (TITRATE_IS_SESSION (self));

  titrate_plan_get_limit (self->plan, out);
}

int
titrate_session_get_horizon (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), 0);

  return (int) titrate_plan_get_days (self->plan)->len;
}

void
titrate_session_get_day (TitrateSession *self,
                         int             day,
                         TitrateDay     *out)
{
  g_return_if_fail (TITRATE_IS_SESSION (self));

  titrate_plan_get_day (self->plan, day, out);
}

/* The plan day of @date (1 = start date), or G_MININT without a start date. */
int
titrate_session_day_for_date (TitrateSession *self,
                              const GDate    *date)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), G_MININT);

  if (!g_date_valid (&doc_of (self)->regimen->start_date) || !g_date_valid (date))
    return G_MININT;
  return g_date_days_between (&doc_of (self)->regimen->start_date, date) + 1;
}

/* The protocol's target, or else the plan's peak daily total; NAN if none. */
double
titrate_session_get_target (TitrateSession *self,
                            gboolean       *is_protocol_target)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NAN);

  return titrate_plan_get_target (self->plan, is_protocol_target);
}

/* Starts an empty plan: oral baclofen tablets for spasticity from today. */
void
titrate_session_new_document (TitrateSession        *self,
                              TitrateCreatinineUnit  creatinine_unit)
{
  TitrateDocument *doc;

  g_return_if_fail (TITRATE_IS_SESSION (self));

  doc = titrate_document_new ();
  doc->patient->creatinine_unit = creatinine_unit;
  g_free (doc->regimen->indication);
  doc->regimen->indication = g_strdup ("spasticity");
  g_free (doc->regimen->formulation);
  doc->regimen->formulation = g_strdup ("tablet");
  doc->regimen->strength_mg = 10;
  titrate_today (&doc->regimen->start_date);
  doc->regimen->protocol.kind = TITRATE_PROTOCOL_TITRATE;
  doc->regimen->protocol.start_dose_mg = NAN;
  doc->regimen->protocol.target_daily_mg = NAN;
  doc->regimen->protocol.from_daily_mg = NAN;
  doc->regimen->protocol.step_mg_per_dose = NAN;
  replace_document (self, doc, NULL, _("Untitled plan"));
}

/* The titles of the bundled examples (data/examples/NAME.titrate) and
 * teaching scenarios (data/scenarios/NAME.titrate), for xgettext: a
 * bundled document opens with its title in the user's language. The test
 * bundled-titles fails when a bundled document's title is missing here. */
static const char *const bundled_titles[] G_GNUC_UNUSED = {
  N_("Alcohol use disorder with cirrhosis"),
  N_("Child (6 years, 20 kg) with cerebral palsy, oral solution"),
  N_("Intrathecal pump: refill booked after the alarm date"),
  N_("Intrathecal: screening and post-implant titration (spinal origin)"),
  N_("Older adult with CKD on lorazepam"),
  N_("Pregnancy: multiple sclerosis on maintenance, taper before delivery"),
  N_("Spinal cord injury with many CNS depressants"),
  N_("Stopping baclofen: taper from 60 mg/day"),
  N_("Teaching: starting baclofen in an older woman"),
  N_("Teaching: spasticity after stroke in an older man"),
  N_("Teaching: oral solution for a young child"),
  N_("Teaching: pregnancy near delivery"),
  N_("Teaching: spasticity and pain after spinal cord injury"),
  N_("Teaching: baclofen around an elective admission"),
  N_("Teaching: stopping baclofen that did not help"),
  N_("Teaching: baclofen for alcohol use disorder"),
  N_("Teaching: an oral suspension through a feeding tube"),
  N_("Teaching: intrathecal titration after implant"),
  N_("Teaching: intrathecal pump replacement surgery"),
  N_("Teaching: booking an intrathecal pump refill"),
  N_("Teaching: starting baclofen in multiple sclerosis"),
};

/* Loads a document; @file is NULL for a bundled example, which opens as
 * an untitled document. */
gboolean
titrate_session_load_bytes (TitrateSession  *self,
                            GBytes          *bytes,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(TitrateDocument) doc = NULL;
  g_autofree char *title = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  doc = titrate_document_load_from_data_with_rules (data, (gssize) length, self->rules, error);
  if (doc == NULL)
    return FALSE;
  if (!titrate_regimen_expand_protocol (doc->regimen, error))
    return FALSE;
  if (!titrate_regimen_validate (doc->regimen, error))
    return FALSE;

  if (file != NULL)
    title = g_file_get_basename (file);
  else
    {
      /* A bundled example: its title in the user's language (a title
       * without a translation is shown as written). */
      g_autofree char *stored = titrate_document_dup_title (doc);

      title = stored != NULL ? g_strdup (g_dgettext (GETTEXT_PACKAGE, stored)) : NULL;
    }
  if (title == NULL)
    title = g_strdup (_("Untitled plan"));
  replace_document (self, g_steal_pointer (&doc), file, title);
  return TRUE;
}

gboolean
titrate_session_load_file (TitrateSession  *self,
                           GFile           *file,
                           GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Regular files only (a FIFO would freeze the window), bounded. */
  {
    char *data = NULL;
    gsize length = 0;

    if (!titrate_io_read_file (file, TITRATE_IO_MAX_DOCUMENT_BYTES, &data, &length, error))
      return FALSE;
    bytes = g_bytes_new_take (data, length);
  }
  return titrate_session_load_bytes (self, bytes, file, error);
}

/* Loads an autosaved plan after a crash: like titrate_session_load_bytes(),
 * but the plan stays unsaved, remembers the file it came from (@file, may
 * be NULL) and gets @title back (NULL: from the file or the document). */
gboolean
titrate_session_restore (TitrateSession  *self,
                         GBytes          *bytes,
                         GFile           *file,
                         const char      *title,
                         GError         **error)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (!titrate_session_load_bytes (self, bytes, file, error))
    return FALSE;
  if (title != NULL && *title != '\0')
    set_title (self, title);
  set_dirty (self, TRUE);
  return TRUE;
}

/* (transfer full) the document as a save writes it: a plan that follows its
 * protocol is saved as the protocol, so it opens again with the same inputs
 * (the library expands it the same way). */
TitrateDocument *
titrate_session_dup_document_for_saving (TitrateSession *self)
{
  TitrateDocument *copy;

  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  copy = titrate_document_copy (doc_of (self));
  if (copy->regimen->has_protocol && copy->regimen->route == TITRATE_ROUTE_ORAL)
    g_array_set_size (copy->regimen->steps, 0);
  return copy;
}

/* Saves to @file. A final save is refused unless the plan was checked and
 * every contraindicated or major alert carries an acknowledgement. */
gboolean
titrate_session_save (TitrateSession  *self,
                      GFile           *file,
                      gboolean         final,
                      GError         **error)
{
  g_autoptr(TitrateDocument) copy = NULL;

  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (final && !titrate_session_get_checked (self))
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                           _("The plan could not be checked, so it cannot be saved as final"));
      return FALSE;
    }
  if (final && titrate_session_count_unacknowledged (self) > 0)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("Every contraindicated or major alert needs an acknowledgement "
                             "before the plan can be saved as final"));
      return FALSE;
    }

  copy = titrate_session_dup_document_for_saving (self);
  copy->final = final;

  if (!titrate_document_save (copy, file, error))
    return FALSE;

  {
    g_autofree char *basename = g_file_get_basename (file);

    set_file (self, file);
    set_title (self, basename);
  }
  set_final (self, final);
  set_dirty (self, FALSE);
  return TRUE;
}

GFile *
titrate_session_get_file (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return self->file;
}

const char *
titrate_session_get_title (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), NULL);

  return self->title;
}

gboolean
titrate_session_get_dirty (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);

  return self->dirty;
}

gboolean
titrate_session_get_final (TitrateSession *self)
{
  g_return_val_if_fail (TITRATE_IS_SESSION (self), FALSE);

  return doc_of (self)->final;
}

/* A title for people (an example's name in the user's language). */
void
titrate_session_set_title (TitrateSession *self,
                           const char     *title)
{
  g_return_if_fail (TITRATE_IS_SESSION (self));
  g_return_if_fail (title != NULL);

  set_title (self, title);
}
