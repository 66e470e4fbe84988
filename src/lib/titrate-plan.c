/* titrate-plan.c — one document checked against the rules
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan owns a TitrateDocument and keeps what the rules say about it:
 * the alerts (updated in place, so an edit that does not change the
 * findings redraws nothing), the expanded days and the applicable maximum;
 * the renal estimate, counselling points and pump arithmetic are worked
 * out when first asked for after a change. When checking is impossible
 * the reason is kept and the alert list is empty, never a silent "none".
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "titrate-counselling.h"
#include "titrate-error.h"
#include "titrate-format.h"
#include "titrate-plan.h"
#include "titrate-json-write.h"

#define EPSILON 1e-9

struct _TitratePlan
{
  GObject          parent_instance;

  TitrateRules    *rules;
  GError          *rules_error;
  TitrateDocument *doc;

  GListStore      *alerts;       /* (element-type TitrateAlertItem) */
  GError          *check_error;
  TitrateLimit     limit;
  GArray          *days;         /* (element-type TitrateDay) days 1 … horizon */

  /* Worked out on demand, cleared on every change. */
  gboolean         have_renal;
  TitrateRenal     renal;
  GPtrArray       *counselling;
  gboolean         have_pump;
  TitratePumpPlan *pump;
  GError          *pump_error;
};

G_DEFINE_FINAL_TYPE (TitratePlan, titrate_plan, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
same_double (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) < EPSILON;
}

static gboolean
same_alert (const TitrateAlert *a,
            const TitrateAlert *b)
{
  return a->severity == b->severity &&
         a->day == b->day &&
         g_strcmp0 (a->code, b->code) == 0 &&
         g_strcmp0 (a->trigger, b->trigger) == 0 &&
         g_strcmp0 (a->reason, b->reason) == 0;
}

static char *
date_label_for_day (TitratePlan *self,
                    int          day)
{
  GDate date;

  if (day <= 0 || !g_date_valid (&self->doc->regimen->start_date))
    return NULL;
  date = self->doc->regimen->start_date;
  g_date_add_days (&date, (guint) day - 1);
  /* Translators: the date an alert applies from, strftime format */
  return titrate_format_date (&date, _("%a %-d %b %Y"));
}

static TitrateAlertItem *
make_item (TitratePlan  *self,
           TitrateAlert *alert)
{
  TitrateAlertItem *item = titrate_alert_item_new (alert);
  const TitrateAcknowledgement *ack = titrate_document_find_acknowledgement (self->doc, alert);
  g_autofree char *date = date_label_for_day (self, alert->day);

  titrate_alert_item_set_date_label (item, date);
  if (ack != NULL)
    titrate_alert_item_set_acknowledgement (item, ack->reason);
  return item;
}

static gboolean
same_codes (TitratePlan *self,
            GPtrArray   *alerts)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (G_LIST_MODEL (self->alerts), i);
      TitrateAlert *alert = g_ptr_array_index (alerts, i);

      if (g_strcmp0 (titrate_alert_item_get_code (item), alert->code) != 0 ||
          titrate_alert_item_get_severity (item) != alert->severity)
        return FALSE;
    }
  return TRUE;
}

static gboolean
sync_acknowledgements (TitratePlan *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->alerts));
  gboolean changed = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (G_LIST_MODEL (self->alerts), i);
      /* Only an acknowledgement of the alert as it stands counts: a changed
       * trigger (a higher dose, a lower CrCl) needs a new one. */
      const TitrateAcknowledgement *ack =
        titrate_document_find_acknowledgement (self->doc, titrate_alert_item_get_alert (item));
      const char *reason = ack != NULL ? ack->reason : NULL;

      if (g_strcmp0 (reason, titrate_alert_item_get_acknowledgement (item)) != 0)
        {
          titrate_alert_item_set_acknowledgement (item, reason);
          changed = TRUE;
        }
    }
  return changed;
}

static void
forget_derived (TitratePlan *self)
{
  self->have_renal = FALSE;
  g_clear_pointer (&self->counselling, g_ptr_array_unref);
  self->have_pump = FALSE;
  g_clear_pointer (&self->pump, titrate_pump_plan_free);
  g_clear_error (&self->pump_error);
}

static void
rebuild_days (TitratePlan *self)
{
  g_clear_pointer (&self->days, g_array_unref);
  self->days = titrate_planner_expand (self->rules, self->doc->regimen,
                                       titrate_planner_horizon (self->doc->regimen));
}

/* Runs the checker and updates the alert store only where it differs. */
static int
compare_alert_ptrs (gconstpointer a,
                    gconstpointer b)
{
  return titrate_alert_compare (*(TitrateAlert **) a, *(TitrateAlert **) b);
}

/* Fields of the document this Titrate does not read are kept and written
 * back (a newer Titrate's, say), but never silently: a misspelt "pregnnt"
 * would otherwise leave the pregnancy checks undone. One alert lists them. */
static void
add_unknown_fields_alert (TitratePlan *self,
                          GPtrArray   *alerts)
{
  const struct {
    JsonObject *object;
    const char *prefix;
  } parts[] = {
    { self->doc->unknown_root, "" },
    { self->doc->unknown_patient, "patient." },
    { self->doc->unknown_regimen, "regimen." },
  };
  g_autoptr(GString) names = g_string_new (NULL);
  const TitrateRuleText *rule;
  g_autofree char *trigger = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GList) members = parts[i].object != NULL ? json_object_get_members (parts[i].object) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        {
          /* Known keys kept with the unknown ones and read by their own
           * modules: the title (titrate-document.c) and a teaching
           * scenario (titrate-scenario.c). */
          if (*parts[i].prefix == '\0' && (strcmp (l->data, "title") == 0 || strcmp (l->data, "teaching") == 0))
            continue;
          {
            /* A name as typed, but short and printable. */
            g_autofree char *valid = g_utf8_make_valid (l->data, -1);
            g_autofree char *name = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 40));

            for (char *q = name; *q != '\0'; q++)
              if (g_ascii_iscntrl (*q))
                *q = '?';
            g_string_append_printf (names, "%s“%s%s%s”", names->len ? ", " : "", parts[i].prefix, name,
                                    g_utf8_strlen (valid, -1) > 40 ? "…" : "");
          }
        }
    }
  if (names->len == 0 || (rule = titrate_rules_get_rule (self->rules, "input.unknown_field")) == NULL)
    return;
  /* Translators: %s lists field names, e.g. “patient.pregnnt”, “regimen.dose” */
  trigger = g_strdup_printf (_("Not read, so not checked: %s"), names->str);
  g_ptr_array_add (alerts, titrate_alert_new (rule->code, rule->category, rule->severity, rule->title, trigger,
                                              rule->reason, rule->action, rule->source, rule->evidence, 0));
  g_ptr_array_sort (alerts, compare_alert_ptrs);
}

static TitratePlanChange
recheck (TitratePlan *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  TitratePlanChange flags = 0;
  TitrateLimit limit = { NAN, NULL, 1.0 };
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->alerts));
  gboolean same = FALSE;

  forget_derived (self);

  /* Without rules, titrate_check() says so (nothing was checked). */
  alerts = titrate_check (self->rules, self->doc->patient, self->doc->regimen,
                          self->doc->comedications, &error);
  if (alerts != NULL)
    add_unknown_fields_alert (self, alerts);
  if (alerts == NULL)
    {
      /* Checking is impossible: keep the reason, show no alert as "none". */
      if (error == NULL)
        g_set_error_literal (&error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                             _("The checker gave no result"));
      if (self->check_error == NULL || g_strcmp0 (self->check_error->message, error->message) != 0)
        flags |= TITRATE_PLAN_CHANGE_ALERTS;
      g_clear_error (&self->check_error);
      self->check_error = g_steal_pointer (&error);
      if (n_old > 0)
        {
          g_list_store_remove_all (self->alerts);
          flags |= TITRATE_PLAN_CHANGE_ALERTS;
        }
    }
  else
    {
      if (self->check_error != NULL)
        {
          g_clear_error (&self->check_error);
          flags |= TITRATE_PLAN_CHANGE_ALERTS;
        }

      if (n_old == alerts->len)
        {
          same = TRUE;
          for (guint i = 0; i < n_old && same; i++)
            {
              g_autoptr(TitrateAlertItem) item = g_list_model_get_item (G_LIST_MODEL (self->alerts), i);

              same = same_alert (titrate_alert_item_get_alert (item), g_ptr_array_index (alerts, i));
            }
        }

      if (!same && n_old == alerts->len && same_codes (self, alerts))
        {
          /* The same findings with new values (e.g. the age typed): update
           * the items in place, so their rows only change their text. */
          for (guint i = 0; i < n_old; i++)
            {
              g_autoptr(TitrateAlertItem) item = g_list_model_get_item (G_LIST_MODEL (self->alerts), i);
              TitrateAlert *alert = g_ptr_array_index (alerts, i);

              if (!same_alert (titrate_alert_item_get_alert (item), alert))
                {
                  g_autofree char *date = date_label_for_day (self, alert->day);

                  titrate_alert_item_set_alert (item, alert, date);
                }
            }
          flags |= TITRATE_PLAN_CHANGE_ALERTS;
        }
      else if (!same)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < alerts->len; i++)
            g_ptr_array_add (items, make_item (self, g_ptr_array_index (alerts, i)));
          g_list_store_splice (self->alerts, 0, n_old, items->pdata, items->len);
          flags |= TITRATE_PLAN_CHANGE_ALERTS;
        }
    }

  if (sync_acknowledgements (self))
    flags |= TITRATE_PLAN_CHANGE_ALERTS;

  if (self->rules != NULL)
    titrate_check_applicable_limit (self->rules, self->doc->patient, self->doc->regimen, &limit);
  if (!same_double (limit.max_daily, self->limit.max_daily) ||
      g_strcmp0 (limit.rule_code, self->limit.rule_code) != 0 ||
      !same_double (limit.renal_factor, self->limit.renal_factor) ||
      !same_double (limit.renal_ceiling, self->limit.renal_ceiling))
    {
      self->limit = limit;
      flags |= TITRATE_PLAN_CHANGE_LIMIT;
    }

  return flags;
}

static void
emit_changed (TitratePlan       *self,
              TitratePlanChange  flags)
{
  if (flags != 0)
    g_signal_emit (self, signals[CHANGED], 0, (guint) flags);
}

/* GObject */

static void
titrate_plan_finalize (GObject *object)
{
  TitratePlan *self = TITRATE_PLAN (object);

  forget_derived (self);
  g_clear_object (&self->rules);
  g_clear_error (&self->rules_error);
  g_clear_pointer (&self->doc, titrate_document_free);
  g_clear_object (&self->alerts);
  g_clear_error (&self->check_error);
  g_clear_pointer (&self->days, g_array_unref);

  G_OBJECT_CLASS (titrate_plan_parent_class)->finalize (object);
}

static void
titrate_plan_class_init (TitratePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = titrate_plan_finalize;

  /**
   * TitratePlan::changed:
   * @self: the plan
   * @flags: a #TitratePlanChange mask
   *
   * Emitted after a re-check that changed something, once, with all of
   * what changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
titrate_plan_init (TitratePlan *self)
{
  self->alerts = g_list_store_new (TITRATE_TYPE_ALERT_ITEM);
  self->limit.max_daily = NAN;
  self->limit.renal_factor = 1.0;
  self->limit.renal_ceiling = NAN;
}

/* Public API */

static TitratePlan *
plan_new (TitrateRules    *rules,
          const GError    *rules_error,
          TitrateDocument *doc)
{
  TitratePlan *self = g_object_new (TITRATE_TYPE_PLAN, NULL);

  g_set_object (&self->rules, rules);
  if (rules == NULL)
    self->rules_error = rules_error != NULL
                        ? g_error_copy (rules_error)
                        : g_error_new_literal (TITRATE_ERROR, TITRATE_ERROR_RULES,
                                               _("No rules database was opened"));
  self->doc = doc;
  rebuild_days (self);
  recheck (self);
  return self;
}

/**
 * titrate_plan_new:
 * @rules: (nullable): an opened rules database
 * @rules_error: (nullable): why @rules is %NULL
 *
 * A plan for an empty document. Without @rules nothing is ever checked:
 * the plan's error is @rules_error.
 *
 * Returns: (transfer full): a new plan
 */
TitratePlan *
titrate_plan_new (TitrateRules *rules,
                  const GError *rules_error)
{
  g_return_val_if_fail (rules == NULL || TITRATE_IS_RULES (rules), NULL);

  return plan_new (rules, rules_error, titrate_document_new ());
}

/**
 * titrate_plan_new_for_document:
 * @rules: (nullable): an opened rules database
 * @doc: (transfer full): the document, its protocol already expanded
 *
 * A plan for @doc, checked against @rules.
 *
 * Returns: (transfer full): the plan of @doc, checked
 */
TitratePlan *
titrate_plan_new_for_document (TitrateRules    *rules,
                               TitrateDocument *doc)
{
  g_return_val_if_fail (rules == NULL || TITRATE_IS_RULES (rules), NULL);
  g_return_val_if_fail (doc != NULL, NULL);

  return plan_new (rules, NULL, doc);
}

/**
 * titrate_plan_set_document:
 * @self: a plan
 * @doc: (transfer full): the new document, its protocol already expanded
 *
 * Replaces the document and re-checks it; emits #TitratePlan::changed with
 * %TITRATE_PLAN_CHANGE_ALL.
 */
void
titrate_plan_set_document (TitratePlan     *self,
                           TitrateDocument *doc)
{
  g_return_if_fail (TITRATE_IS_PLAN (self));
  g_return_if_fail (doc != NULL);

  if (doc != self->doc)
    {
      g_clear_pointer (&self->doc, titrate_document_free);
      self->doc = doc;
    }
  rebuild_days (self);
  recheck (self);
  emit_changed (self, TITRATE_PLAN_CHANGE_ALL);
}

/**
 * titrate_plan_get_document:
 * @self: a plan
 *
 * The document the plan checks. Whoever changes it calls
 * titrate_plan_update() before anything is read from the plan again.
 *
 * Returns: (transfer none): the document
 */
TitrateDocument *
titrate_plan_get_document (TitratePlan *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);

  return self->doc;
}

/**
 * titrate_plan_update:
 * @self: a plan
 * @days_changed: the steps, start date or product changed (the days are
 *   expanded again)
 *
 * Re-checks the document after an edit; emits #TitratePlan::changed when
 * something changed.
 *
 * Returns: what changed
 */
TitratePlanChange
titrate_plan_update (TitratePlan *self,
                     gboolean     days_changed)
{
  TitratePlanChange flags = 0;

  g_return_val_if_fail (TITRATE_IS_PLAN (self), 0);

  if (days_changed)
    {
      rebuild_days (self);
      flags |= TITRATE_PLAN_CHANGE_DAYS;
    }
  flags |= recheck (self);
  emit_changed (self, flags);
  return flags;
}

/**
 * titrate_plan_sync_acknowledgements:
 * @self: a plan
 *
 * Mirrors the document's acknowledgements onto the alert items, after one
 * was added, without re-checking.
 *
 * Returns: %TRUE (and #TitratePlan::changed emitted) if one changed
 */
gboolean
titrate_plan_sync_acknowledgements (TitratePlan *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), FALSE);

  if (!sync_acknowledgements (self))
    return FALSE;
  emit_changed (self, TITRATE_PLAN_CHANGE_ALERTS);
  return TRUE;
}

/**
 * titrate_plan_get_rules:
 * @self: a plan
 *
 * The rules database the plan checks against.
 *
 * Returns: (transfer none) (nullable): the rules database
 */
TitrateRules *
titrate_plan_get_rules (TitratePlan *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);

  return self->rules;
}

/**
 * titrate_plan_get_checked:
 * @self: a plan
 *
 * Whether the document was checked against the rules.
 *
 * Returns: %TRUE if the document was checked: only then does an empty
 *   alert list mean "nothing found"
 */
gboolean
titrate_plan_get_checked (TitratePlan *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), FALSE);

  return self->rules != NULL && self->check_error == NULL;
}

/**
 * titrate_plan_get_error:
 * @self: a plan
 *
 * Why the document could not be checked.
 *
 * Returns: (nullable) (transfer none): why the document could not be
 *   checked, or %NULL when it was
 */
const GError *
titrate_plan_get_error (TitratePlan *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);

  return self->check_error;
}

/**
 * titrate_plan_get_alerts:
 * @self: a plan
 *
 * The plan's alerts, most severe first.
 *
 * Returns: (transfer none): the alerts, a #GListModel of #TitrateAlertItem,
 *   most severe first; empty when not checked (see titrate_plan_get_checked())
 */
GListModel *
titrate_plan_get_alerts (TitratePlan *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->alerts);
}

/**
 * titrate_plan_dup_alert_array:
 * @self: a plan
 *
 * The alerts as titrate_check() returns them, for code that works on
 * arrays (teaching scenarios, reports).
 *
 * Returns: (transfer container) (element-type TitrateAlert) (nullable): the
 *   alerts, most severe first, or %NULL when the plan was not checked
 */
GPtrArray *
titrate_plan_dup_alert_array (TitratePlan *self)
{
  GListModel *model;
  GPtrArray *out;
  guint n;

  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);

  if (!titrate_plan_get_checked (self))
    return NULL;
  model = G_LIST_MODEL (self->alerts);
  n = g_list_model_get_n_items (model);
  out = g_ptr_array_new_full (n, (GDestroyNotify) titrate_alert_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (model, i);

      g_ptr_array_add (out, titrate_alert_ref (titrate_alert_item_get_alert (item)));
    }
  return out;
}

/**
 * titrate_plan_count_severity:
 * @self: a plan
 * @severity: a #TitrateSeverity
 *
 * Counts the plan's alerts of one severity.
 *
 * Returns: the number of alerts of @severity
 */
guint
titrate_plan_count_severity (TitratePlan     *self,
                             TitrateSeverity  severity)
{
  guint n, count = 0;

  g_return_val_if_fail (TITRATE_IS_PLAN (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->alerts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (G_LIST_MODEL (self->alerts), i);

      if (titrate_alert_item_get_severity (item) == severity)
        count++;
    }
  return count;
}

/**
 * titrate_plan_count_unacknowledged:
 * @self: a plan
 *
 * Counts the alerts that still need the prescriber's reason before the plan is final.
 *
 * Returns: the number of contraindicated and major alerts still without
 *   the prescriber's reason
 */
guint
titrate_plan_count_unacknowledged (TitratePlan *self)
{
  guint n, count = 0;

  g_return_val_if_fail (TITRATE_IS_PLAN (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->alerts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (G_LIST_MODEL (self->alerts), i);

      if (titrate_alert_item_get_needs_acknowledgement (item) &&
          titrate_alert_item_get_acknowledgement (item) == NULL)
        count++;
    }
  return count;
}

/**
 * titrate_plan_get_days:
 * @self: a plan
 *
 * The expanded calendar: what is taken each day.
 *
 * Returns: (transfer none) (element-type TitrateDay): days 1 … the horizon
 *   (titrate_planner_horizon())
 */
GArray *
titrate_plan_get_days (TitratePlan *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);

  return self->days;
}

/**
 * titrate_plan_get_day:
 * @self: a plan
 * @day: a plan day (1 = the start date), also outside the expanded days
 * @out: (out caller-allocates): where to store the day
 *
 * What is taken on day @day.
 */
void
titrate_plan_get_day (TitratePlan *self,
                      int          day,
                      TitrateDay  *out)
{
  g_return_if_fail (TITRATE_IS_PLAN (self));
  g_return_if_fail (out != NULL);

  if (day >= 1 && (guint) day <= self->days->len)
    *out = g_array_index (self->days, TitrateDay, day - 1);
  else
    titrate_planner_get_day (self->rules, self->doc->regimen, day, out);
}

/**
 * titrate_plan_get_limit:
 * @self: a plan
 * @out: (out caller-allocates): where to store the limit
 *
 * The applicable maximum and the rule it comes from (max_daily NAN: none
 * applies).
 */
void
titrate_plan_get_limit (TitratePlan  *self,
                        TitrateLimit *out)
{
  g_return_if_fail (TITRATE_IS_PLAN (self));
  g_return_if_fail (out != NULL);

  *out = self->limit;
}

/**
 * titrate_plan_get_renal:
 * @self: a plan
 * @out: (out caller-allocates): where to store the estimate
 *
 * The renal estimate the checks use, each value with its basis.
 */
void
titrate_plan_get_renal (TitratePlan  *self,
                        TitrateRenal *out)
{
  g_return_if_fail (TITRATE_IS_PLAN (self));
  g_return_if_fail (out != NULL);

  if (!self->have_renal)
    {
      titrate_patient_get_renal_with_rules (self->doc->patient, self->rules,
                                            self->doc->regimen->drug, &self->renal);
      self->have_renal = TRUE;
    }
  *out = self->renal;
}

/**
 * titrate_plan_get_target:
 * @self: a plan
 * @is_protocol_target: (out) (optional): where to store whether the value
 *   is the protocol's target (else the plan's peak)
 *
 * The protocol's target, or else the plan's peak daily total, in the
 * route's unit (mg oral, mcg intrathecal).
 *
 * Returns: the target, or NAN if none
 */
double
titrate_plan_get_target (TitratePlan *self,
                         gboolean    *is_protocol_target)
{
  const TitrateRegimen *r;
  double peak = NAN;

  g_return_val_if_fail (TITRATE_IS_PLAN (self), NAN);

  r = self->doc->regimen;
  if (r->has_protocol && r->protocol.kind == TITRATE_PROTOCOL_TITRATE &&
      r->route == TITRATE_ROUTE_ORAL)
    {
      if (is_protocol_target != NULL)
        *is_protocol_target = TRUE;
      return r->protocol.target_daily_mg;
    }

  for (guint i = 0; i < r->steps->len; i++)
    {
      const TitrateStep *s = &g_array_index (r->steps, TitrateStep, i);

      if (!isnan (s->bolus_mcg))
        continue;
      if (isnan (peak) || titrate_step_daily_total (s) > peak)
        peak = titrate_step_daily_total (s);
    }
  if (is_protocol_target != NULL)
    *is_protocol_target = FALSE;
  return peak;
}

/**
 * titrate_plan_get_counselling:
 * @self: a plan
 *
 * The counselling points for the patient handout.
 *
 * Returns: (transfer none) (element-type TitrateCounselling): the
 *   counselling points for this patient and route (from the rules database);
 *   empty without a rules database
 */
GPtrArray *
titrate_plan_get_counselling (TitratePlan *self)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);

  if (self->counselling == NULL)
    self->counselling = self->rules != NULL
                        ? titrate_counselling_select (self->rules, self->doc->patient, self->doc->regimen)
                        : g_ptr_array_new ();
  return self->counselling;
}

/**
 * titrate_plan_get_pump:
 * @self: a plan
 * @why_not: (out) (optional) (nullable) (transfer none): why the pump
 *   arithmetic could not be done, when the regimen has a pump
 *
 * The intrathecal pump's reservoir arithmetic: alarm, empty and refill dates.
 *
 * Returns: (nullable) (transfer none): the reservoir arithmetic
 *   (titrate_pump_plan()); %NULL without a pump (@why_not %NULL) or when it
 *   cannot be computed (@why_not says why)
 */
const TitratePumpPlan *
titrate_plan_get_pump (TitratePlan   *self,
                       const GError **why_not)
{
  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);

  if (!self->have_pump)
    {
      if (self->doc->regimen->pump != NULL && self->rules != NULL)
        self->pump = titrate_pump_plan (self->rules, self->doc->regimen, &self->pump_error);
      else if (self->doc->regimen->pump != NULL)
        self->pump_error = g_error_copy (self->rules_error);
      self->have_pump = TRUE;
    }
  if (why_not != NULL)
    *why_not = self->pump_error;
  return self->pump;
}

/* JSON */



/* The top-level "pump" object (only when the regimen has a pump). */
static void
add_pump (JsonBuilder *b,
          TitratePlan *self)
{
  const TitratePumpPlan *plan;
  const GError *error = NULL;
  const char *keys[] = { "alarm_date", "empty_date", "refill_by" };

  if (self->doc->regimen->pump == NULL)
    return;
  plan = titrate_plan_get_pump (self, &error);
  json_builder_set_member_name (b, "pump");
  json_builder_begin_object (b);
  if (plan == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        _titrate_json_builder_add_string (b, keys[i], NULL);
      _titrate_json_builder_add_number (b, "days_to_alarm", NAN, 1);
      _titrate_json_builder_add_number (b, "margin_days", NAN, 1);
      _titrate_json_builder_add_number (b, "ml_per_day", NAN, 1);
      _titrate_json_builder_add_string (b, "not_planned", error ? error->message : NULL);
    }
  else
    {
      g_autofree char *alarm = titrate_pump_format_date (&plan->alarm_date);
      g_autofree char *empty = titrate_pump_format_date (&plan->empty_date);
      g_autofree char *by = titrate_pump_format_date (&plan->refill_by_date);
      g_autofree char *last = titrate_pump_format_date (&plan->last_refill_date);
      g_autofree char *next = titrate_pump_format_date (&plan->next_refill_date);

      _titrate_json_builder_add_string (b, "alarm_date", *alarm ? alarm : NULL);
      _titrate_json_builder_add_string (b, "empty_date", *empty ? empty : NULL);
      _titrate_json_builder_add_string (b, "refill_by", *by ? by : NULL);
      _titrate_json_builder_add_number (b, "days_to_alarm", plan->days_to_alarm >= 0 ? plan->days_to_alarm : NAN, 1);
      _titrate_json_builder_add_number (b, "margin_days", plan->margin_days, 1);
      _titrate_json_builder_add_number (b, "ml_per_day", plan->ml_per_day, 1e-6);
      /* Extensions: where the count starts, and what it rests on. */
      _titrate_json_builder_add_string (b, "last_refill_date", last);
      _titrate_json_builder_add_string (b, "next_refill_date", *next ? next : NULL);
      _titrate_json_builder_add_number (b, "days_to_empty", plan->days_to_empty >= 0 ? plan->days_to_empty : NAN, 1);
      _titrate_json_builder_add_number (b, "daily_mcg_min", plan->daily_mcg_min, 1e-9);
      _titrate_json_builder_add_number (b, "daily_mcg_max", plan->daily_mcg_max, 1e-9);
      _titrate_json_builder_add_number (b, "concentration_mcg_per_ml", plan->concentration_mcg_per_ml, 1e-9);
      _titrate_json_builder_add_number (b, "reservoir_ml", plan->reservoir_ml, 1e-9);
      _titrate_json_builder_add_number (b, "low_reservoir_alarm_ml", plan->alarm_ml, 1e-9);
    }
  json_builder_end_object (b);
}

static void
add_patient (JsonBuilder *b,
             TitratePlan *self)
{
  TitrateRenal renal;

  titrate_plan_get_renal (self, &renal);
  json_builder_set_member_name (b, "patient");
  json_builder_begin_object (b);
  _titrate_json_builder_add_number (b, "crcl_ml_min", titrate_renal_estimate_shown (renal.crcl_ml_min, renal.crcl_basis), 0.001);
  _titrate_json_builder_add_string (b, "crcl_basis", titrate_renal_basis_to_string (renal.crcl_basis));
  if (renal.crcl_note)
    _titrate_json_builder_add_string (b, "crcl_note", renal.crcl_note);
  _titrate_json_builder_add_number (b, "egfr_ml_min_1_73m2", titrate_renal_estimate_shown (renal.egfr_ml_min_1_73m2, renal.egfr_basis), 0.001);
  _titrate_json_builder_add_string (b, "egfr_basis", titrate_renal_basis_to_string (renal.egfr_basis));
  if (renal.egfr_note)
    _titrate_json_builder_add_string (b, "egfr_note", renal.egfr_note);
  /* Extension (compatible): the renal function the dose bands used and why. */
  _titrate_json_builder_add_number (b, "renal_function_ml_min",
              titrate_renal_estimate_shown (renal.function_ml_min, TITRATE_RENAL_BASIS_NONE), 0.001);
  _titrate_json_builder_add_string (b, "renal_function_basis", titrate_renal_function_to_string (renal.function_basis));
  if (renal.function_note)
    _titrate_json_builder_add_string (b, "renal_function_note", renal.function_note);
  if (!isnan (renal.bsa_m2))
    _titrate_json_builder_add_number (b, "bsa_m2", floor (renal.bsa_m2 * 100 + 1e-9) / 100, 0.01);
  json_builder_set_member_name (b, "creatinine_implausible");
  json_builder_add_boolean_value (b, renal.creatinine_implausible);
  json_builder_end_object (b);
}

static void
add_alert (JsonBuilder      *b,
           TitratePlan      *self,
           TitrateAlertItem *item)
{
  const TitrateAlert *a = titrate_alert_item_get_alert (item);
  const char *ack = titrate_alert_item_get_acknowledgement (item);

  json_builder_begin_object (b);
  _titrate_json_builder_add_string (b, "code", a->code);
  _titrate_json_builder_add_string (b, "category", titrate_category_to_string (a->category));
  _titrate_json_builder_add_string (b, "severity", titrate_severity_to_string (a->severity));
  _titrate_json_builder_add_string (b, "title", a->title);
  _titrate_json_builder_add_string (b, "reason", a->reason);
  _titrate_json_builder_add_string (b, "trigger", a->trigger);
  _titrate_json_builder_add_string (b, "action", a->action);
  _titrate_json_builder_add_string (b, "source", a->source);
  _titrate_json_builder_add_string (b, "evidence", a->evidence);
  if (a->day > 0)
    {
      _titrate_json_builder_add_number (b, "day", a->day, 1);
      if (g_date_valid (&self->doc->regimen->start_date))
        {
          GDate date = self->doc->regimen->start_date;
          char buf[16];

          g_date_add_days (&date, (guint) a->day - 1);
          g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
          _titrate_json_builder_add_string (b, "date", buf);
        }
    }
  else
    {
      json_builder_set_member_name (b, "day");
      json_builder_add_null_value (b);
    }
  if (ack != NULL)
    _titrate_json_builder_add_string (b, "acknowledged", ack);
  json_builder_end_object (b);
}

/* The CLI contract: documented with the declaration, in titrate-plan.h. */
JsonNode *
titrate_plan_to_json (TitratePlan  *self,
                      GError      **error)
{
  g_autoptr(JsonBuilder) b = NULL;
  guint counts[TITRATE_N_SEVERITIES] = { 0 };
  GListModel *alerts;
  guint n;

  g_return_val_if_fail (TITRATE_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!titrate_plan_get_checked (self))
    {
      if (self->check_error != NULL)
        g_propagate_error (error, g_error_copy (self->check_error));
      else
        g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES, _("The checker gave no result"));
      return NULL;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  _titrate_json_builder_add_rules_info (b, self->rules);
  add_patient (b, self);

  /* Extension (compatible): the applicable maximum, unit in the key. */
  json_builder_set_member_name (b, "limit");
  json_builder_begin_object (b);
  {
    g_autofree char *key = g_strdup_printf ("max_daily_%s", titrate_route_unit (self->doc->regimen->route));

    _titrate_json_builder_add_number (b, key, self->limit.max_daily, 0.01);
  }
  _titrate_json_builder_add_string (b, "rule", self->limit.rule_code);
  _titrate_json_builder_add_number (b, "renal_factor", self->limit.renal_factor, 0.001);
  /* Extension (compatible): an absolute renal ceiling that sets the
   * maximum (below 30 mL/min, on dialysis); absent when none does. */
  if (!isnan (self->limit.renal_ceiling))
    _titrate_json_builder_add_number (b, "renal_ceiling_mg", self->limit.renal_ceiling, 0.01);
  json_builder_end_object (b);

  alerts = G_LIST_MODEL (self->alerts);
  n = g_list_model_get_n_items (alerts);
  json_builder_set_member_name (b, "alerts");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (alerts, i);

      counts[titrate_alert_item_get_severity (item)]++;
      add_alert (b, self, item);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  for (int s = TITRATE_N_SEVERITIES - 1; s >= 0; s--)
    _titrate_json_builder_add_number (b, titrate_severity_to_string (s), counts[s], 1);
  json_builder_end_object (b);
  add_pump (b, self);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}
