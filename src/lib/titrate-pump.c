/* titrate-pump.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Intrathecal pump management: the document's regimen.pump object, the
 * reservoir arithmetic (alarm, empty and refill-by dates) and the refill
 * checks. Every clinical number (reservoir sizes, the device's indication,
 * the refill margin, the long-interval threshold) comes from the rules
 * database (data/rules/20-pump.sql); this file holds only arithmetic.
 *
 * The arithmetic is deliberately conservative: the whole of a day's
 * infusion (and any bolus that day) is taken from the reservoir on that day,
 * starting with the refill day itself, so a volume reached part-way through
 * a day makes that day the alarm or empty date. Sums are kept in mcg, which
 * are exact for whole-mcg doses, and compared with a tolerance that can only
 * make a date earlier.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "titrate-error.h"
#include "titrate-format.h"
#include "titrate-json-read.h"
#include "titrate-json-write.h"
#include "titrate-planner.h"
#include "titrate-pump.h"
#include "titrate-rules-private.h"

#define TOLERANCE_MCG 1e-6
/* Guards the loop only (a pump with no infusion never empties). */
#define MAX_PLAN_DAYS 3660
/* 31 December 9999: GDate's years go further, ISO text does not. */
#define MAX_JULIAN 3652059u

const char * const titrate_pump_model_codes[] = {
  "synchromed_ii_20", "synchromed_ii_40", "prometra_20", "prometra_ii_20",
  "prometra_ii_40", "other", NULL
};

static const char * const pump_keys[] = {
  "model", "reservoir_ml", "low_reservoir_alarm_ml", "refills", "boluses",
  "next_refill_date", NULL
};

static const char * const required_pump_rules[] = {
  "pump.refill.after_refill_by", "pump.refill.after_alarm", "pump.refill.after_empty",
  "pump.next_refill_missing", "pump.not_planned", "pump.alarm_volume_missing",
  "pump.inconsistent", "pump.bridge_bolus", "pump.device_age",
  "pump.device_concentration", "pump.interval_long", NULL
};

static const char * const required_settings[] = {
  "refill_margin_days", "long_interval_days", NULL
};

static const char * const required_texts[] = {
  "card_keep", "card_early_signs", "card_act_now", NULL
};

G_DEFINE_BOXED_TYPE (TitratePump, titrate_pump, titrate_pump_copy, titrate_pump_free)

/* The app's preference (days, -1: the database's default). */
static int margin_override = -1;

void
titrate_pump_set_margin_override (int days)
{
  g_atomic_int_set (&margin_override, days < 0 ? -1 : days);
}

int
titrate_pump_get_margin_override (void)
{
  return g_atomic_int_get (&margin_override);
}

/* The pump */

TitratePump *
titrate_pump_new (void)
{
  TitratePump *pump = g_new0 (TitratePump, 1);

  pump->model = g_strdup ("other");
  pump->reservoir_ml = NAN;
  pump->low_reservoir_alarm_ml = NAN;
  pump->refills = g_array_new (FALSE, TRUE, sizeof (TitratePumpRefill));
  pump->boluses = g_array_new (FALSE, TRUE, sizeof (TitratePumpBolus));
  g_date_clear (&pump->next_refill_date, 1);
  pump->margin_days = -1;
  pump->unknown = json_object_new ();
  return pump;
}

TitratePump *
titrate_pump_copy (const TitratePump *pump)
{
  TitratePump *copy;

  g_return_val_if_fail (pump != NULL, NULL);

  copy = g_memdup2 (pump, sizeof *pump);
  copy->model = g_strdup (pump->model);
  copy->refills = g_array_copy (pump->refills);
  copy->boluses = g_array_copy (pump->boluses);
  /* The kept keys are never changed after loading: shared. */
  copy->unknown = pump->unknown ? json_object_ref (pump->unknown) : json_object_new ();
  return copy;
}

void
titrate_pump_free (TitratePump *pump)
{
  if (pump == NULL)
    return;
  g_free (pump->model);
  g_clear_pointer (&pump->refills, g_array_unref);
  g_clear_pointer (&pump->boluses, g_array_unref);
  g_clear_pointer (&pump->unknown, json_object_unref);
  g_free (pump);
}

char *
titrate_pump_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04u-%02u-%02u", (unsigned) g_date_get_year (date),
                          (unsigned) g_date_get_month (date), (unsigned) g_date_get_day (date));
}

/* Reading */

/* A number > 0 (or >= 0 with @zero_ok); NAN when absent or null. */
static gboolean
read_volume (JsonNode   *node,
             const char *path,
             gboolean    zero_ok,
             double     *out,
             GError    **error)
{
  double value;

  *out = NAN;
  if (_titrate_json_is_null (node))
    return TRUE;
  if (!_titrate_json_get_number (node, &value) || value < 0 || (!zero_ok && value == 0))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                 zero_ok ? _("must be a number of mL, 0 or more (got %s)")
                           : _("must be a number of mL greater than 0 (got %s)"), got);
    }
  *out = value;
  return TRUE;
}

static gboolean
load_refills (JsonNode    *node,
              TitratePump *pump,
              GError     **error)
{
  static const char * const keys[] = { "date", "volume_ml", "concentration_mcg_per_ml", NULL };
  JsonArray *array;

  if (_titrate_json_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.refills",
                                 _("must be a list of refills (got %s)"), got);
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("regimen.pump.refills[%u]", i);
      g_autofree char *p_date = g_strdup_printf ("%s.date", path);
      g_autofree char *p_volume = g_strdup_printf ("%s.volume_ml", path);
      g_autofree char *p_conc = g_strdup_printf ("%s.concentration_mcg_per_ml", path);
      TitratePumpRefill refill;
      JsonObject *object;
      double value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *got = _titrate_json_describe (element);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                     _("must be an object with date, volume_ml and concentration_mcg_per_ml (got %s)"), got);
        }
      object = json_node_get_object (element);
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          if (_titrate_json_key_has_mg (name))
            {
              g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);

              return _titrate_json_fail (error, TITRATE_ERROR_UNIT, member_path,
                                         _("oral unit (mg) in an intrathecal regimen"));
            }
      }
      if (!_titrate_json_refuse_unknown (object, keys, path, error))
        return FALSE;
      if (!_titrate_json_read_date (json_object_get_member (object, "date"), p_date, &refill.date, NULL, error))
        return FALSE;
      if (!read_volume (json_object_get_member (object, "volume_ml"), p_volume, FALSE,
                        &refill.volume_ml, error))
        return FALSE;
      if (isnan (refill.volume_ml))
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, p_volume, _("missing (mL in the reservoir after the refill)"));
      node = json_object_get_member (object, "concentration_mcg_per_ml");
      if (_titrate_json_is_null (node))
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, p_conc, _("missing (mcg/mL filled)"));
      if (!_titrate_json_get_number (node, &value) || value <= 0)
        {
          g_autofree char *got = _titrate_json_describe (node);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, p_conc,
                                     _("must be a concentration in mcg/mL greater than 0 (got %s)"), got);
        }
      refill.concentration_mcg_per_ml = value;
      g_array_append_val (pump->refills, refill);
    }
  return TRUE;
}

static gboolean
load_boluses (JsonNode    *node,
              TitratePump *pump,
              GError     **error)
{
  static const char * const keys[] = { "date", "dose_mcg", NULL };
  JsonArray *array;

  if (_titrate_json_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.boluses",
                                 _("must be a list of boluses (got %s)"), got);
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("regimen.pump.boluses[%u]", i);
      g_autofree char *p_date = g_strdup_printf ("%s.date", path);
      g_autofree char *p_dose = g_strdup_printf ("%s.dose_mcg", path);
      TitratePumpBolus bolus;
      JsonObject *object;
      JsonNode *dose;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *got = _titrate_json_describe (element);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                     _("must be an object with date and dose_mcg (got %s)"), got);
        }
      object = json_node_get_object (element);
      if (json_object_has_member (object, "dose_mg"))
        {
          g_autofree char *member_path = g_strdup_printf ("%s.dose_mg", path);

          return _titrate_json_fail (error, TITRATE_ERROR_UNIT, member_path,
                                     _("oral unit (mg) in an intrathecal regimen"));
        }
      if (!_titrate_json_refuse_unknown (object, keys, path, error))
        return FALSE;
      if (!_titrate_json_read_date (json_object_get_member (object, "date"), p_date, &bolus.date, NULL, error))
        return FALSE;
      dose = json_object_get_member (object, "dose_mcg");
      if (!_titrate_json_get_number (dose, &bolus.dose_mcg) || bolus.dose_mcg <= 0)
        {
          g_autofree char *got = _titrate_json_describe (dose);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, p_dose,
                                     _("must be a dose in mcg greater than 0 (got %s)"), got);
        }
      g_array_append_val (pump->boluses, bolus);
    }
  return TRUE;
}

static gboolean
is_model_code (const char *code)
{
  return code != NULL && g_strv_contains (titrate_pump_model_codes, code);
}

gboolean
titrate_pump_validate (const TitratePump    *pump,
                       const TitrateRegimen *regimen,
                       double                reservoir_ml,
                       GError              **error)
{
  g_return_val_if_fail (pump != NULL, FALSE);

  if (regimen != NULL && regimen->route != TITRATE_ROUTE_INTRATHECAL)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump",
                               _("only applies to intrathecal regimens"));
  if (!is_model_code (pump->model))
    {
      g_autofree char *codes = g_strjoinv (", ", (char **) titrate_pump_model_codes);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.model",
                                 _("must be one of %s (got \"%s\")"), codes, pump->model ? pump->model : "");
    }
  if (isnan (reservoir_ml))
    reservoir_ml = pump->reservoir_ml;
  if (strcmp (pump->model, "other") == 0 && isnan (pump->reservoir_ml))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.reservoir_ml",
                               _("required when the model is \"other\" (the reservoir volume in mL)"));

  if (!isnan (pump->low_reservoir_alarm_ml) && !isnan (reservoir_ml)
      && pump->low_reservoir_alarm_ml >= reservoir_ml)
    {
      g_autofree char *alarm = titrate_format_amount (pump->low_reservoir_alarm_ml);
      g_autofree char *res = titrate_format_amount (reservoir_ml);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.low_reservoir_alarm_ml",
                                 _("%s mL is not below the reservoir (%s mL)"), alarm, res);
    }

  for (guint i = 0; i < pump->refills->len; i++)
    {
      const TitratePumpRefill *r = &g_array_index (pump->refills, TitratePumpRefill, i);

      if (i > 0)
        {
          const TitratePumpRefill *prev = &g_array_index (pump->refills, TitratePumpRefill, i - 1);

          if (g_date_compare (&r->date, &prev->date) <= 0)
            {
              g_autofree char *path = g_strdup_printf ("regimen.pump.refills[%u].date", i);
              g_autofree char *d = titrate_pump_format_date (&r->date);
              g_autofree char *p = titrate_pump_format_date (&prev->date);

              return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                         _("%s is not after the previous refill (%s): refills must be in date order"), d, p);
            }
        }
      if (!isnan (reservoir_ml) && r->volume_ml > reservoir_ml)
        {
          g_autofree char *path = g_strdup_printf ("regimen.pump.refills[%u].volume_ml", i);
          g_autofree char *v = titrate_format_amount (r->volume_ml);
          g_autofree char *res = titrate_format_amount (reservoir_ml);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                     _("%s mL is more than the reservoir (%s mL)"), v, res);
        }
    }

  if (pump->refills->len > 0 && regimen != NULL)
    {
      guint last = pump->refills->len - 1;
      const TitratePumpRefill *r = &g_array_index (pump->refills, TitratePumpRefill, last);
      g_autofree char *path = g_strdup_printf ("regimen.pump.refills[%u].concentration_mcg_per_ml", last);
      g_autofree char *c = titrate_format_amount (r->concentration_mcg_per_ml);

      if (isnan (regimen->concentration_mcg_per_ml))
        return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.concentration_mcg_per_ml",
                                   _("missing: a regimen with a pump needs the concentration in the pump (the last refill has %s mcg/mL)"), c);
      if (fabs (r->concentration_mcg_per_ml - regimen->concentration_mcg_per_ml) > 1e-9)
        {
          g_autofree char *rc = titrate_format_amount (regimen->concentration_mcg_per_ml);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, path,
                                     _("%s mcg/mL does not match the regimen's concentration (%s mcg/mL)"), c, rc);
        }
    }

  if (g_date_valid (&pump->next_refill_date) && pump->refills->len > 0)
    {
      const TitratePumpRefill *r = &g_array_index (pump->refills, TitratePumpRefill, pump->refills->len - 1);

      if (g_date_compare (&pump->next_refill_date, &r->date) <= 0)
        {
          g_autofree char *n = titrate_pump_format_date (&pump->next_refill_date);
          g_autofree char *d = titrate_pump_format_date (&r->date);

          return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.next_refill_date",
                                     _("%s is not after the last refill (%s)"), n, d);
        }
    }
  return TRUE;
}

gboolean
titrate_pump_load (JsonNode             *node,
                   const TitrateRegimen *regimen,
                   TitratePump         **out,
                   GError              **error)
{
  g_autoptr(TitratePump) pump = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonObjectIter iter;
  const char *name;

  *out = NULL;
  if (_titrate_json_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *got = _titrate_json_describe (node);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump", _("must be an object (got %s)"), got);
    }
  if (regimen->route != TITRATE_ROUTE_INTRATHECAL)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump",
                               _("only applies to intrathecal regimens"));

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (_titrate_json_key_has_mg (name))
      {
        g_autofree char *path = g_strdup_printf ("regimen.pump.%s", name);

        return _titrate_json_fail (error, TITRATE_ERROR_UNIT, path, _("oral unit (mg) in an intrathecal regimen"));
      }

  pump = titrate_pump_new ();
  member = json_object_get_member (object, "model");
  if (_titrate_json_is_null (member))
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.model",
                               _("missing (synchromed_ii_20, synchromed_ii_40, prometra_20, prometra_ii_20, prometra_ii_40 or other)"));
  if (!_titrate_json_is_string (member) || !is_model_code (json_node_get_string (member)))
    {
      g_autofree char *got = _titrate_json_describe (member);
      g_autofree char *codes = g_strjoinv (", ", (char **) titrate_pump_model_codes);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.model",
                                 _("must be one of %s (got %s)"), codes, got);
    }
  g_free (pump->model);
  pump->model = g_strdup (json_node_get_string (member));

  if (!read_volume (json_object_get_member (object, "reservoir_ml"), "regimen.pump.reservoir_ml",
                    FALSE, &pump->reservoir_ml, error))
    return FALSE;
  if (!read_volume (json_object_get_member (object, "low_reservoir_alarm_ml"),
                    "regimen.pump.low_reservoir_alarm_ml", TRUE, &pump->low_reservoir_alarm_ml, error))
    return FALSE;
  if (!load_refills (json_object_get_member (object, "refills"), pump, error))
    return FALSE;
  if (!load_boluses (json_object_get_member (object, "boluses"), pump, error))
    return FALSE;
  member = json_object_get_member (object, "next_refill_date");
  if (!_titrate_json_is_null (member)
      && !_titrate_json_read_date (member, "regimen.pump.next_refill_date", &pump->next_refill_date, NULL, error))
    return FALSE;

  if (!titrate_pump_validate (pump, regimen, NAN, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (pump_keys, name))
      json_object_set_member (pump->unknown, name, json_node_copy (member));

  *out = g_steal_pointer (&pump);
  return TRUE;
}

static JsonNode *
date_node (const GDate *date)
{
  g_autofree char *text = titrate_pump_format_date (date);
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

JsonNode *
titrate_pump_to_json (const TitratePump *pump)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_set_string_member (object, "model", pump->model);
  if (!isnan (pump->reservoir_ml))
    json_object_set_member (object, "reservoir_ml", _titrate_json_number_node (pump->reservoir_ml));
  if (!isnan (pump->low_reservoir_alarm_ml))
    json_object_set_member (object, "low_reservoir_alarm_ml", _titrate_json_number_node (pump->low_reservoir_alarm_ml));
  {
    JsonArray *array = json_array_new ();

    for (guint i = 0; i < pump->refills->len; i++)
      {
        const TitratePumpRefill *r = &g_array_index (pump->refills, TitratePumpRefill, i);
        JsonObject *o = json_object_new ();

        json_object_set_member (o, "date", date_node (&r->date));
        json_object_set_member (o, "volume_ml", _titrate_json_number_node (r->volume_ml));
        json_object_set_member (o, "concentration_mcg_per_ml", _titrate_json_number_node (r->concentration_mcg_per_ml));
        json_array_add_object_element (array, o);
      }
    json_object_set_array_member (object, "refills", array);
  }
  if (pump->boluses->len > 0)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < pump->boluses->len; i++)
        {
          const TitratePumpBolus *b = &g_array_index (pump->boluses, TitratePumpBolus, i);
          JsonObject *o = json_object_new ();

          json_object_set_member (o, "date", date_node (&b->date));
          json_object_set_member (o, "dose_mcg", _titrate_json_number_node (b->dose_mcg));
          json_array_add_object_element (array, o);
        }
      json_object_set_array_member (object, "boluses", array);
    }
  if (g_date_valid (&pump->next_refill_date))
    json_object_set_member (object, "next_refill_date", date_node (&pump->next_refill_date));

  if (pump->unknown != NULL)
    {
      json_object_iter_init_ordered (&iter, pump->unknown);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!json_object_has_member (object, name))
          json_object_set_member (object, name, json_node_copy (member));
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

/* Rules database rows */

typedef struct {
  GPtrArray    *models;     /* TitratePumpModel* */
  GPtrArray    *settings;   /* TitratePumpSetting* */
  GHashTable   *texts;      /* "medicine\x1fkey" → text */
  GHashTable   *text_sources;
} PumpTables;

static void
pump_tables_free (gpointer data)
{
  PumpTables *t = data;

  g_ptr_array_unref (t->models);
  g_ptr_array_unref (t->settings);
  g_hash_table_unref (t->texts);
  g_hash_table_unref (t->text_sources);
  g_free (t);
}

static GQuark
pump_tables_quark (void)
{
  return g_quark_from_static_string ("titrate-pump-tables");
}

static const PumpTables *
get_tables (TitrateRules *rules)
{
  return g_object_get_qdata (G_OBJECT (rules), pump_tables_quark ());
}

static char *
text_key (const char *medicine,
          const char *key)
{
  return g_strconcat (medicine ? medicine : "", "\x1f", key ? key : "", NULL);
}

gboolean
_titrate_pump_rules_load (TitrateRules *rules,
                          void         *db_ptr,
                          GError      **error)
{
  sqlite3 *db = db_ptr;
  PumpTables *t = g_new0 (PumpTables, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  t->models = g_ptr_array_new_with_free_func (g_free);
  t->settings = g_ptr_array_new_with_free_func (g_free);
  t->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->text_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_object_set_qdata_full (G_OBJECT (rules), pump_tables_quark (), t, pump_tables_free);

  if (sqlite3_prepare_v2 (db, "SELECT code, label, reservoir_ml, device_min_concentration_mcg_per_ml, "
                          "device_max_concentration_mcg_per_ml, device_min_age_years, source "
                          "FROM pump_model ORDER BY rowid", -1, &stmt, NULL) != SQLITE_OK)
    {
      return _titrate_rules_fail (rules, error, _("table pump_model is missing (%s)"), _titrate_sqlite_errmsg (db));
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TitratePumpModel *m = g_new0 (TitratePumpModel, 1);

      m->code = _titrate_rules_col_str (rules, stmt, 0);
      m->label = _titrate_rules_col_str (rules, stmt, 1);
      m->reservoir_ml = _titrate_rules_col_num (stmt, 2);
      m->device_min_concentration_mcg_per_ml = _titrate_rules_col_num (stmt, 3);
      m->device_max_concentration_mcg_per_ml = _titrate_rules_col_num (stmt, 4);
      m->device_min_age_years = _titrate_rules_col_num (stmt, 5);
      m->source = _titrate_rules_col_str (rules, stmt, 6);
      g_ptr_array_add (t->models, m);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _titrate_rules_fail (rules, error, "%s", _titrate_sqlite_errmsg (db));

  if (sqlite3_prepare_v2 (db, "SELECT key, value, min_value, max_value, source, evidence, note "
                          "FROM pump_setting", -1, &stmt, NULL) != SQLITE_OK)
    {
      return _titrate_rules_fail (rules, error, _("table pump_setting is missing (%s)"), _titrate_sqlite_errmsg (db));
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TitratePumpSetting *s = g_new0 (TitratePumpSetting, 1);

      s->key = _titrate_rules_col_str (rules, stmt, 0);
      s->value = _titrate_rules_col_num (stmt, 1);
      s->min_value = _titrate_rules_col_num (stmt, 2);
      s->max_value = _titrate_rules_col_num (stmt, 3);
      s->source = _titrate_rules_col_str (rules, stmt, 4);
      s->evidence = _titrate_rules_col_str (rules, stmt, 5);
      s->note = _titrate_rules_col_tr (rules, stmt, 6, TITRATE_RULES_TEXT_PUMP_SETTING_NOTE, 0);
      g_ptr_array_add (t->settings, s);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _titrate_rules_fail (rules, error, "%s", _titrate_sqlite_errmsg (db));

  /* Keyed by medicine, like every clinical text. */
  if (sqlite3_prepare_v2 (db, "SELECT medicine, key, text, source FROM pump_text", -1, &stmt, NULL) != SQLITE_OK)
    {
      return _titrate_rules_fail (rules, error, _("table pump_text is missing (%s)"), _titrate_sqlite_errmsg (db));
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *medicine = _titrate_rules_col_str (rules, stmt, 0);
      const char *key = _titrate_rules_col_str (rules, stmt, 1);

      g_hash_table_insert (t->texts, text_key (medicine, key),
                           (gpointer) _titrate_rules_col_tr (rules, stmt, 2, TITRATE_RULES_TEXT_PUMP_TEXT_TEXT, 1));
      g_hash_table_insert (t->text_sources, text_key (medicine, key), (gpointer) _titrate_rules_col_str (rules, stmt, 3));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _titrate_rules_fail (rules, error, "%s", _titrate_sqlite_errmsg (db));

  /* Completeness: everything the planner and the checker use must be there. */
  for (guint i = 0; titrate_pump_model_codes[i] != NULL; i++)
    if (titrate_pump_get_model (rules, titrate_pump_model_codes[i]) == NULL)
      {
        return _titrate_rules_fail (rules, error, _("pump model %s is missing"), titrate_pump_model_codes[i]);
      }
  for (guint i = 0; required_settings[i] != NULL; i++)
    if (titrate_pump_get_setting (rules, required_settings[i]) == NULL)
      {
        return _titrate_rules_fail (rules, error, _("pump setting %s is missing"), required_settings[i]);
      }
  /* Every medicine's pump card: a medicine without one would print a card
   * without its warnings. */
  if (sqlite3_prepare_v2 (db, "SELECT code FROM medicine ORDER BY code", -1, &stmt, NULL) != SQLITE_OK)
    return _titrate_rules_fail (rules, error, "%s", _titrate_sqlite_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *medicine = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; medicine != NULL && required_texts[i] != NULL; i++)
        {
          g_autofree char *k = text_key (medicine, required_texts[i]);

          if (!g_hash_table_contains (t->texts, k))
            {
              g_autofree char *m = g_strdup (medicine);

              sqlite3_finalize (stmt);
              return _titrate_rules_fail (rules, error, _("pump text %s is missing for %s"), required_texts[i], m);
            }
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _titrate_rules_fail (rules, error, "%s", _titrate_sqlite_errmsg (db));
  for (guint i = 0; required_pump_rules[i] != NULL; i++)
    if (titrate_rules_get_rule (rules, required_pump_rules[i]) == NULL)
      {
        return _titrate_rules_fail (rules, error, _("required rule %s is missing"), required_pump_rules[i]);
      }
  return TRUE;
}

const TitratePumpModel *
titrate_pump_get_model (TitrateRules *rules,
                        const char   *code)
{
  const PumpTables *t;

  if (rules == NULL || code == NULL || (t = get_tables (rules)) == NULL)
    return NULL;
  for (guint i = 0; i < t->models->len; i++)
    {
      const TitratePumpModel *m = g_ptr_array_index (t->models, i);

      if (strcmp (m->code, code) == 0)
        return m;
    }
  return NULL;
}

GPtrArray *
titrate_pump_list_models (TitrateRules *rules)
{
  const PumpTables *t = rules ? get_tables (rules) : NULL;
  GPtrArray *out = g_ptr_array_new ();

  if (t != NULL)
    for (guint i = 0; i < t->models->len; i++)
      g_ptr_array_add (out, g_ptr_array_index (t->models, i));
  return out;
}

const TitratePumpSetting *
titrate_pump_get_setting (TitrateRules *rules,
                          const char   *key)
{
  const PumpTables *t;

  if (rules == NULL || key == NULL || (t = get_tables (rules)) == NULL)
    return NULL;
  for (guint i = 0; i < t->settings->len; i++)
    {
      const TitratePumpSetting *s = g_ptr_array_index (t->settings, i);

      if (strcmp (s->key, key) == 0)
        return s;
    }
  return NULL;
}

const char *
titrate_pump_get_text (TitrateRules *rules,
                       const char   *key,
                       const char  **source)
{
  return titrate_pump_get_medicine_text (rules, NULL, key, source);
}

const char *
titrate_pump_get_medicine_text (TitrateRules *rules,
                                const char   *drug,
                                const char   *key,
                                const char  **source)
{
  const PumpTables *t = rules ? get_tables (rules) : NULL;
  const char *medicine = rules ? _titrate_rules_medicine (rules, drug) : NULL;
  g_autofree char *k = NULL;

  if (source != NULL)
    *source = NULL;
  if (t == NULL || medicine == NULL || key == NULL)
    return NULL;
  k = text_key (medicine, key);
  if (source != NULL)
    *source = g_hash_table_lookup (t->text_sources, k);
  return g_hash_table_lookup (t->texts, k);
}

static double
effective_reservoir (TitrateRules      *rules,
                     const TitratePump *pump)
{
  const TitratePumpModel *m;

  if (!isnan (pump->reservoir_ml))
    return pump->reservoir_ml;
  m = titrate_pump_get_model (rules, pump->model);
  return m ? m->reservoir_ml : NAN;
}

gboolean
titrate_pump_validate_with_rules (const TitratePump    *pump,
                                  const TitrateRegimen *regimen,
                                  TitrateRules         *rules,
                                  GError              **error)
{
  const TitratePumpModel *m = titrate_pump_get_model (rules, pump->model);

  if (m == NULL)
    return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.model",
                               _("\"%s\" is not in the rules database"), pump->model);
  if (!isnan (pump->reservoir_ml) && !isnan (m->reservoir_ml)
      && fabs (pump->reservoir_ml - m->reservoir_ml) > 1e-9)
    {
      g_autofree char *v = titrate_format_amount (pump->reservoir_ml);
      g_autofree char *mv = titrate_format_amount (m->reservoir_ml);

      return _titrate_json_fail (error, TITRATE_ERROR_INVALID, "regimen.pump.reservoir_ml",
                                 _("%s mL does not match the %s reservoir (%s mL); choose \"other\" for a pump not listed"),
                                 v, m->label, mv);
    }
  return titrate_pump_validate (pump, regimen, effective_reservoir (rules, pump), error);
}

/* The plan */

void
titrate_pump_plan_free (TitratePumpPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->days, g_array_unref);
  g_free (plan);
}

TitratePumpPlan *
titrate_pump_plan (TitrateRules         *rules,
                   const TitrateRegimen *regimen,
                   GError              **error)
{
  const TitratePump *pump;
  const TitratePumpRefill *last;
  const TitratePumpSetting *margin;
  g_autoptr(TitratePumpPlan) plan = NULL;
  double alarm_budget = NAN, empty_budget, consumed = 0;
  double sum_ml = 0, sum_bolus_ml = 0;
  guint counted = 0;
  gboolean nothing_more = FALSE;
  GDate last_bolus;
  g_autoptr(GHashTable) bolus_by_day = NULL;
  guint32 refill_julian, start_julian, last_bolus_julian;
  int step_index, last_step;

  g_return_val_if_fail (regimen != NULL, NULL);
  pump = regimen->pump;
  if (pump == NULL)
    return NULL;

  if (rules == NULL)
    {
      g_set_error_literal (error, TITRATE_ERROR, TITRATE_ERROR_RULES,
                           _("No usable rules database: the pump was not planned"));
      return NULL;
    }
  if (pump->refills->len == 0)
    {
      _titrate_json_fail (error, TITRATE_ERROR_PLAN, "regimen.pump.refills",
                          _("no refill recorded: the alarm and empty dates are counted from the last refill"));
      return NULL;
    }
  if (!g_date_valid (&regimen->start_date))
    {
      _titrate_json_fail (error, TITRATE_ERROR_PLAN, "regimen.start_date",
                          _("missing: the daily doses cannot be placed in time"));
      return NULL;
    }
  if (regimen->steps->len == 0)
    {
      _titrate_json_fail (error, TITRATE_ERROR_PLAN, "regimen.steps",
                          _("no daily dose in mcg/day to infuse"));
      return NULL;
    }
  if (!titrate_pump_validate_with_rules (pump, regimen, rules, error))
    return NULL;

  margin = titrate_pump_get_setting (rules, "refill_margin_days");
  last = &g_array_index (pump->refills, TitratePumpRefill, pump->refills->len - 1);

  plan = g_new0 (TitratePumpPlan, 1);
  plan->last_refill_date = last->date;
  plan->fill_ml = last->volume_ml;
  plan->concentration_mcg_per_ml = last->concentration_mcg_per_ml;
  plan->previous_concentration_mcg_per_ml = pump->refills->len > 1
    ? g_array_index (pump->refills, TitratePumpRefill, pump->refills->len - 2).concentration_mcg_per_ml
    : NAN;
  plan->reservoir_ml = effective_reservoir (rules, pump);
  plan->alarm_ml = pump->low_reservoir_alarm_ml;
  {
    int override = titrate_pump_get_margin_override ();

    plan->margin_is_default = pump->margin_days < 0 && override < 0;
    plan->margin_days = pump->margin_days >= 0 ? pump->margin_days
                        : override >= 0 ? override : (int) margin->value;
    /* The app's preference and the document take any whole number: the
     * margin used stays within the rules database's range, as the CLI's. */
    if (plan->margin_days < margin->min_value)
      plan->margin_days = (int) ceil (margin->min_value);
    if (plan->margin_days > margin->max_value)
      plan->margin_days = (int) floor (margin->max_value);
  }
  g_date_clear (&plan->alarm_date, 1);
  g_date_clear (&plan->empty_date, 1);
  g_date_clear (&plan->refill_by_date, 1);
  plan->next_refill_date = pump->next_refill_date;
  plan->days_to_alarm = -1;
  plan->days_to_empty = -1;
  plan->daily_mcg_min = INFINITY;
  plan->daily_mcg_max = 0;
  plan->remaining_ml_before_next_refill = NAN;
  plan->days = g_array_new (FALSE, TRUE, sizeof (TitratePumpDay));

  /* Budgets in mcg at the filled concentration: exact for whole-mcg doses. */
  empty_budget = plan->fill_ml * plan->concentration_mcg_per_ml;
  if (!isnan (plan->alarm_ml))
    alarm_budget = (plan->fill_ml - plan->alarm_ml) * plan->concentration_mcg_per_ml;

  /* Boluses from the refill day on, summed per day (julian day → mcg). */
  g_date_clear (&last_bolus, 1);
  bolus_by_day = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < pump->boluses->len; i++)
    {
      const TitratePumpBolus *b = &g_array_index (pump->boluses, TitratePumpBolus, i);
      gpointer key = GUINT_TO_POINTER (g_date_get_julian (&b->date));
      double *sum;

      if (g_date_compare (&b->date, &last->date) < 0)
        continue;
      if ((sum = g_hash_table_lookup (bolus_by_day, key)) == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (bolus_by_day, key, sum);
        }
      *sum += b->dose_mcg;
      if (!g_date_valid (&last_bolus) || g_date_compare (&b->date, &last_bolus) > 0)
        last_bolus = b->date;
    }

  /* Days as julian numbers; the step in force is followed forward (steps
   * are sorted by day), so a long interval stays cheap on every keystroke. */
  refill_julian = g_date_get_julian (&last->date);
  start_julian = g_date_get_julian (&regimen->start_date);
  last_step = (int) regimen->steps->len - 1;
  last_bolus_julian = g_date_valid (&last_bolus) ? g_date_get_julian (&last_bolus) : 0;
  step_index = 0;
  g_array_set_size (plan->days, 0);

  for (int k = 0; k < MAX_PLAN_DAYS && g_date_valid_julian (refill_julian + (guint32) k)
                  && refill_julian + (guint32) k <= MAX_JULIAN; k++)
    {
      TitratePumpDay d = { 0 };
      guint32 julian = refill_julian + (guint32) k;
      gint64 day = (gint64) julian - (gint64) start_julian + 1;   /* plan day; < 1 before the start */
      const TitrateStep *step;
      /* Statistics over the refill day … alarm day (or empty day). */
      gboolean in_window = isnan (alarm_budget) ? plan->days_to_empty < 0 : plan->days_to_alarm < 0;

      while (step_index < last_step && g_array_index (regimen->steps, TitrateStep, step_index + 1).day <= day)
        step_index++;
      step = &g_array_index (regimen->steps, TitrateStep, step_index);
      g_date_clear (&d.date, 1);
      g_date_set_julian (&d.date, julian);
      /* Days before the start date take the first step. */
      d.daily_mcg = titrate_step_is_stopped (step) || isnan (step->daily_mcg) ? 0 : step->daily_mcg;
      if (g_hash_table_size (bolus_by_day) > 0)
        {
          const double *sum = g_hash_table_lookup (bolus_by_day, GUINT_TO_POINTER (julian));

          d.bolus_mcg = sum ? *sum : 0;
        }
      consumed += d.daily_mcg + d.bolus_mcg;
      d.used_ml = (d.daily_mcg + d.bolus_mcg) / plan->concentration_mcg_per_ml;
      d.remaining_ml = MAX (0.0, (empty_budget - consumed) / plan->concentration_mcg_per_ml);
      g_array_append_val (plan->days, d);

      if (in_window)
        {
          plan->daily_mcg_min = MIN (plan->daily_mcg_min, d.daily_mcg);
          plan->daily_mcg_max = MAX (plan->daily_mcg_max, d.daily_mcg);
          sum_ml += d.used_ml;
          sum_bolus_ml += d.bolus_mcg / plan->concentration_mcg_per_ml;
          counted++;
        }

      if (!isnan (alarm_budget) && plan->days_to_alarm < 0 && consumed >= alarm_budget - TOLERANCE_MCG)
        {
          plan->alarm_date = d.date;
          plan->days_to_alarm = k;
        }
      if (consumed >= empty_budget - TOLERANCE_MCG)
        {
          plan->empty_date = d.date;
          plan->days_to_empty = k;
          break;
        }
      /* Nothing more will ever be drawn: the last step infuses nothing and
       * no bolus is to come. */
      if (d.daily_mcg == 0 && step_index == last_step && day >= step->day
          && (last_bolus_julian == 0 || julian >= last_bolus_julian))
        {
          nothing_more = TRUE;
          break;
        }
    }

  if (counted > 0)
    {
      plan->ml_per_day = sum_ml / counted;
      plan->bolus_ml = sum_bolus_ml;
    }
  if (isinf (plan->daily_mcg_min))
    plan->daily_mcg_min = 0;

  /* Not empty: the fill lasts beyond the days simulated (the whole horizon
   * when nothing more is ever drawn). */
  if (plan->days_to_empty < 0)
    {
      plan->lasts_beyond_horizon = TRUE;
      plan->horizon_days = (int) plan->days->len;
      if (nothing_more)
        plan->horizon_days = MAX_PLAN_DAYS;
    }

  /* Refill-by counts back from the alarm date or, without an alarm volume,
   * from the empty date. */
  if (g_date_valid (&plan->alarm_date) || g_date_valid (&plan->empty_date))
    {
      const GDate *base = g_date_valid (&plan->alarm_date) ? &plan->alarm_date : &plan->empty_date;

      plan->refill_by_from_empty = !g_date_valid (&plan->alarm_date);
      /* Pure arithmetic, even when it falls before the refill itself. */
      plan->refill_by_date = *base;
      if (g_date_get_julian (base) > (guint32) plan->margin_days)
        g_date_subtract_days (&plan->refill_by_date, (guint) plan->margin_days);
      else
        g_date_set_julian (&plan->refill_by_date, 1);   /* 1 January of year 1: a date cannot be earlier */
    }

  if (g_date_valid (&plan->next_refill_date))
    {
      int n = g_date_days_between (&plan->last_refill_date, &plan->next_refill_date) - 1;

      if (n >= 0 && (guint) n < plan->days->len)
        plan->remaining_ml_before_next_refill = g_array_index (plan->days, TitratePumpDay, n).remaining_ml;
      else if (n >= 0 && plan->days_to_empty >= 0)
        plan->remaining_ml_before_next_refill = 0;
    }

  return g_steal_pointer (&plan);
}

int
titrate_pump_plan_days_until (const TitratePumpPlan *plan,
                              const GDate           *from)
{
  if (plan == NULL || !g_date_valid (&plan->alarm_date))
    return G_MININT;
  if (from == NULL || !g_date_valid (from))
    return plan->days_to_alarm;
  return g_date_days_between (from, &plan->alarm_date);
}

TitratePumpMark
titrate_pump_plan_marks_for (const TitratePump     *pump,
                             const TitratePumpPlan *plan,
                             const GDate           *date)
{
  TitratePumpMark marks = TITRATE_PUMP_MARK_NONE;

  if (date == NULL || !g_date_valid (date))
    return marks;
  if (pump != NULL)
    {
      for (guint i = 0; i < pump->refills->len; i++)
        if (g_date_compare (&g_array_index (pump->refills, TitratePumpRefill, i).date, date) == 0)
          marks |= TITRATE_PUMP_MARK_REFILL;
      if (g_date_valid (&pump->next_refill_date) && g_date_compare (&pump->next_refill_date, date) == 0)
        marks |= TITRATE_PUMP_MARK_NEXT;
    }
  if (plan != NULL)
    {
      if (g_date_valid (&plan->refill_by_date) && g_date_compare (&plan->refill_by_date, date) == 0)
        marks |= TITRATE_PUMP_MARK_REFILL_BY;
      if (g_date_valid (&plan->alarm_date) && g_date_compare (&plan->alarm_date, date) == 0)
        marks |= TITRATE_PUMP_MARK_ALARM;
      if (g_date_valid (&plan->empty_date) && g_date_compare (&plan->empty_date, date) == 0)
        marks |= TITRATE_PUMP_MARK_EMPTY;
    }
  return marks;
}

char *
titrate_pump_mark_describe (TitratePumpMark marks)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  if (marks & TITRATE_PUMP_MARK_REFILL)
    g_ptr_array_add (words, (gpointer) _("pump refilled"));
  if (marks & TITRATE_PUMP_MARK_NEXT)
    g_ptr_array_add (words, (gpointer) _("pump refill appointment"));
  if (marks & TITRATE_PUMP_MARK_REFILL_BY)
    g_ptr_array_add (words, (gpointer) _("refill-by date"));
  if (marks & TITRATE_PUMP_MARK_ALARM)
    g_ptr_array_add (words, (gpointer) _("pump low-reservoir alarm"));
  if (marks & TITRATE_PUMP_MARK_EMPTY)
    g_ptr_array_add (words, (gpointer) _("pump empty"));
  g_ptr_array_add (words, NULL);
  return g_strjoinv (", ", (char **) words->pdata);
}

/* A date as shown to people, in their language ("Mon 25 Jan 2027"); the
 * same format as the alerts' dates. ISO dates stay in files and exports. */
static char *
format_date_shown (const GDate *date)
{
  /* Translators: the date an alert applies from, strftime format */
  return titrate_format_date (date, _("%a %-d %b %Y"));
}

char *
titrate_pump_plan_describe (const TitratePumpPlan *plan,
                            const GDate           *today)
{
  g_autofree char *alarm = NULL;
  g_autofree char *by = NULL;
  g_autofree char *empty = NULL;
  int days;

  if (plan == NULL)
    return NULL;
  empty = format_date_shown (&plan->empty_date);
  if (!g_date_valid (&plan->alarm_date))
    {
      if (g_date_valid (&plan->empty_date))
        return g_strdup_printf (_("Pump empty on %s (alarm volume not entered)"), empty);
      return g_strdup (_("Pump does not empty at the planned doses"));
    }
  alarm = format_date_shown (&plan->alarm_date);
  by = format_date_shown (&plan->refill_by_date);
  days = titrate_pump_plan_days_until (plan, today);
  if (today == NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pump alarm %d day after the last refill (%s); refill by %s",
                                      "Pump alarm %d days after the last refill (%s); refill by %s", days),
                            days, alarm, by);
  if (days < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pump alarm date passed %d day ago (%s); empty %s",
                                      "Pump alarm date passed %d days ago (%s); empty %s", -days),
                            -days, alarm, empty);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pump alarm in %d day (%s); refill by %s",
                                    "Pump alarm in %d days (%s); refill by %s", days),
                          days, alarm, by);
}

static char *
fmt (double value)
{
  return titrate_format_amount_display (value);
}

/* "500 mcg/day at 500 mcg/mL = 1 mL/day" or, when the dose changes,
 * "400–600 mcg/day at 500 mcg/mL, 1.02 mL/day on average" */
static char *
describe_rate (const TitratePumpPlan *plan)
{
  g_autofree char *conc = fmt (plan->concentration_mcg_per_ml);
  g_autofree char *ml = fmt (plan->ml_per_day);
  g_autofree char *lo = fmt (plan->daily_mcg_min);
  g_autofree char *hi = fmt (plan->daily_mcg_max);
  g_autofree char *bolus = fmt (plan->bolus_ml);

  if (fabs (plan->daily_mcg_max - plan->daily_mcg_min) < 1e-9 && plan->bolus_ml == 0)
    return g_strdup_printf (_("%s mcg/day at %s mcg/mL = %s mL/day"), lo, conc, ml);
  if (plan->bolus_ml > 0)
    return g_strdup_printf (_("%s–%s mcg/day at %s mcg/mL plus boluses of %s mL: %s mL/day on average"),
                            lo, hi, conc, bolus, ml);
  return g_strdup_printf (_("%s–%s mcg/day at %s mcg/mL: %s mL/day on average"), lo, hi, conc, ml);
}

GPtrArray *
titrate_pump_plan_arithmetic (const TitratePumpPlan *plan)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *refill = titrate_pump_format_date (&plan->last_refill_date);
  g_autofree char *fill = fmt (plan->fill_ml);
  g_autofree char *conc = fmt (plan->concentration_mcg_per_ml);
  g_autofree char *mcg = fmt (plan->fill_ml * plan->concentration_mcg_per_ml);
  g_autofree char *res = fmt (plan->reservoir_ml);
  g_autofree char *rate = describe_rate (plan);

  g_ptr_array_add (lines, g_strdup_printf (_("Last refill %s: %s mL of %s mcg/mL = %s mcg in a %s mL reservoir."),
                                           refill, fill, conc, mcg, res));
  g_ptr_array_add (lines, g_strdup_printf (_("Infusion: %s (each day's dose counted from the refill day, boluses from the reservoir included)."), rate));
  if (!isnan (plan->alarm_ml))
    {
      g_autofree char *alarm_ml = fmt (plan->alarm_ml);
      g_autofree char *usable = fmt (plan->fill_ml - plan->alarm_ml);

      if (g_date_valid (&plan->alarm_date))
        {
          g_autofree char *alarm = titrate_pump_format_date (&plan->alarm_date);
          g_autofree char *by = titrate_pump_format_date (&plan->refill_by_date);

          g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, 
              "(%s mL − %s mL alarm volume) = %s mL before the alarm: alarm on %s, %d day after the refill.",
              "(%s mL − %s mL alarm volume) = %s mL before the alarm: alarm on %s, %d days after the refill.",
              plan->days_to_alarm), fill, alarm_ml, usable, alarm, plan->days_to_alarm));
          g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, 
              "Refill by %s: the alarm date minus a %d-day margin%s.",
              "Refill by %s: the alarm date minus a %d-day margin%s.", plan->margin_days),
              by, plan->margin_days,
              plan->margin_is_default ? _(" (default setting: a design choice, not a published limit)") : ""));
        }
    }
  else if (g_date_valid (&plan->refill_by_date))
    {
      g_autofree char *by = titrate_pump_format_date (&plan->refill_by_date);

      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
          "Low-reservoir alarm volume not entered: refill by %s, the empty date minus a %d-day margin%s.",
          "Low-reservoir alarm volume not entered: refill by %s, the empty date minus a %d-day margin%s.",
          plan->margin_days),
          by, plan->margin_days,
          plan->margin_is_default ? _(" (default setting: a design choice, not a published limit)") : ""));
    }
  else
    g_ptr_array_add (lines, g_strdup (_("Low-reservoir alarm volume not entered: no alarm or refill-by date.")));
  if (g_date_valid (&plan->empty_date))
    {
      g_autofree char *empty = titrate_pump_format_date (&plan->empty_date);

      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Empty on %s, %d day after the refill.",
                                                         "Empty on %s, %d days after the refill.",
                                                         plan->days_to_empty),
                                               empty, plan->days_to_empty));
    }
  if (g_date_valid (&plan->next_refill_date))
    {
      g_autofree char *next = titrate_pump_format_date (&plan->next_refill_date);

      if (!isnan (plan->remaining_ml_before_next_refill))
        {
          g_autofree char *left = fmt (plan->remaining_ml_before_next_refill);

          g_ptr_array_add (lines, g_strdup_printf (_("Next refill %s: %s mL left at the end of the day before."),
                                                   next, left));
        }
      else
        g_ptr_array_add (lines, g_strdup_printf (_("Next refill %s."), next));
    }
  else
    g_ptr_array_add (lines, g_strdup (_("No next refill scheduled.")));
  return lines;
}

/* Checks */

static int
plan_day (const TitrateRegimen *regimen,
          const GDate          *date)
{
  int day;

  if (!g_date_valid (&regimen->start_date) || date == NULL || !g_date_valid (date))
    return 0;
  day = g_date_days_between (&regimen->start_date, date) + 1;
  return day >= 1 ? day : 0;
}

static gboolean
has_alert (GPtrArray  *alerts,
           const char *code)
{
  for (guint i = 0; i < alerts->len; i++)
    if (strcmp (((TitrateAlert *) g_ptr_array_index (alerts, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

static void
raise_alert (TitrateRules *rules,
             GPtrArray    *alerts,
             const char   *code,
             int           day,
             const char   *trigger)
{
  const TitrateRuleText *rule = titrate_rules_get_rule (rules, code);

  /* Required codes are validated at open. */
  g_return_if_fail (rule != NULL);
  if (has_alert (alerts, code))
    return;
  g_ptr_array_add (alerts, titrate_alert_new (rule->code, rule->category, rule->severity, rule->title,
                                              trigger, rule->reason, rule->action, rule->source,
                                              rule->evidence, day));
}

static void
check_device (TitrateRules         *rules,
              const TitratePatient *patient,
              const TitrateRegimen *regimen,
              GPtrArray            *alerts)
{
  const TitratePump *pump = regimen->pump;
  const TitratePumpModel *m = titrate_pump_get_model (rules, pump->model);
  double conc = regimen->concentration_mcg_per_ml;

  if (m == NULL)
    return;
  if (!isnan (m->device_min_age_years) && patient != NULL && !isnan (patient->age_years)
      && patient->age_years < m->device_min_age_years)
    {
      g_autofree char *age = fmt (patient->age_years);
      g_autofree char *min = fmt (m->device_min_age_years);
      g_autofree char *trigger = g_strdup_printf (_("%s pump, age %s years (device labelled from %s years)"),
                                                  m->label, age, min);

      raise_alert (rules, alerts, "pump.device_age", 0, trigger);
    }
  if (!isnan (conc) && !isnan (m->device_min_concentration_mcg_per_ml)
      && (conc < m->device_min_concentration_mcg_per_ml
          || (!isnan (m->device_max_concentration_mcg_per_ml) && conc > m->device_max_concentration_mcg_per_ml)))
    {
      g_autofree char *c = fmt (conc);
      g_autofree char *lo = fmt (m->device_min_concentration_mcg_per_ml);
      g_autofree char *hi = fmt (m->device_max_concentration_mcg_per_ml);
      g_autofree char *trigger = g_strdup_printf (_("%s mcg/mL in a %s pump (device labelled for %s–%s mcg/mL)"),
                                                  c, m->label, lo, hi);

      raise_alert (rules, alerts, "pump.device_concentration", 0, trigger);
    }
}

void
titrate_pump_check (TitrateRules         *rules,
                    const TitratePatient *patient,
                    const TitrateRegimen *regimen,
                    GPtrArray            *alerts)
{
  const TitratePump *pump;
  const TitratePumpSetting *long_interval;
  g_autoptr(TitratePumpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *next = NULL;
  g_autofree char *alarm = NULL;
  g_autofree char *by = NULL;
  g_autofree char *empty = NULL;
  int interval;

  g_return_if_fail (rules != NULL && regimen != NULL && alerts != NULL);
  pump = regimen->pump;
  if (pump == NULL || regimen->route != TITRATE_ROUTE_INTRATHECAL)
    return;

  check_device (rules, patient, regimen, alerts);

  if (!g_date_valid (&pump->next_refill_date))
    raise_alert (rules, alerts, "pump.next_refill_missing", 0, _("No next refill date in the pump section"));

  if (!titrate_pump_validate_with_rules (pump, regimen, rules, &error))
    {
      raise_alert (rules, alerts, "pump.inconsistent", 0, error->message);
      return;
    }

  plan = titrate_pump_plan (rules, regimen, &error);
  if (plan == NULL)
    {
      raise_alert (rules, alerts, "pump.not_planned", 0, error ? error->message : _("no plan"));
      return;
    }

  if (!isnan (plan->previous_concentration_mcg_per_ml)
      && fabs (plan->previous_concentration_mcg_per_ml - plan->concentration_mcg_per_ml) > 1e-9)
    {
      g_autofree char *from = fmt (plan->previous_concentration_mcg_per_ml);
      g_autofree char *to = fmt (plan->concentration_mcg_per_ml);
      g_autofree char *date = titrate_pump_format_date (&plan->last_refill_date);
      g_autofree char *trigger = g_strdup_printf (_("Refill %s changed the concentration from %s to %s mcg/mL"),
                                                  date, from, to);

      raise_alert (rules, alerts, "pump.bridge_bolus", plan_day (regimen, &plan->last_refill_date), trigger);
    }

  if (isnan (plan->alarm_ml))
    raise_alert (rules, alerts, "pump.alarm_volume_missing", 0,
           _("No low-reservoir alarm volume (mL) in the pump section"));

  rate = describe_rate (plan);
  next = titrate_pump_format_date (&plan->next_refill_date);
  alarm = titrate_pump_format_date (&plan->alarm_date);
  by = titrate_pump_format_date (&plan->refill_by_date);
  empty = titrate_pump_format_date (&plan->empty_date);

  if (g_date_valid (&plan->next_refill_date))
    {
      if (g_date_valid (&plan->empty_date) && g_date_compare (&plan->next_refill_date, &plan->empty_date) >= 0)
        {
          g_autofree char *trigger = g_date_valid (&plan->alarm_date)
            ? g_strdup_printf (_("Next refill %s; pump empty %s (low-reservoir alarm %s, refill by %s); %s"),
                               next, empty, alarm, by, rate)
            : g_strdup_printf (_("Next refill %s; pump empty %s; %s"), next, empty, rate);

          raise_alert (rules, alerts, "pump.refill.after_empty", plan_day (regimen, &plan->empty_date), trigger);
        }
      else if (g_date_valid (&plan->alarm_date) && g_date_compare (&plan->next_refill_date, &plan->alarm_date) >= 0)
        {
          g_autofree char *trigger = g_strdup_printf (_("Next refill %s; low-reservoir alarm %s, refill by %s, empty %s; %s"),
                                                      next, alarm, by, empty, rate);

          raise_alert (rules, alerts, "pump.refill.after_alarm", plan_day (regimen, &plan->alarm_date), trigger);
        }
      else if (g_date_valid (&plan->refill_by_date)
               && g_date_compare (&plan->next_refill_date, &plan->refill_by_date) > 0)
        {
          GDate from = plan->refill_by_date;
          g_autofree char *trigger = NULL;

          g_date_add_days (&from, 1);
          if (plan->refill_by_from_empty)
            trigger = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Next refill %s; refill by %s (empty date %s minus a %d-day margin: the low-reservoir alarm volume was not given, so the refill-by date counts back from the empty date); %s",
                                                    "Next refill %s; refill by %s (empty date %s minus a %d-day margin: the low-reservoir alarm volume was not given, so the refill-by date counts back from the empty date); %s",
                                                    plan->margin_days),
                                       next, by, empty, plan->margin_days, rate);
          else
            trigger = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next refill %s; refill by %s (alarm %s minus a %d-day margin), empty %s; %s",
                                                 "Next refill %s; refill by %s (alarm %s minus a %d-day margin), empty %s; %s",
                                                 plan->margin_days),
                                       next, by, alarm, plan->margin_days, empty, rate);
          raise_alert (rules, alerts, "pump.refill.after_refill_by", plan_day (regimen, &from), trigger);
        }
    }

  long_interval = titrate_pump_get_setting (rules, "long_interval_days");
  interval = plan->days_to_alarm >= 0 ? plan->days_to_alarm
             : plan->days_to_empty >= 0 ? plan->days_to_empty : plan->horizon_days;
  if (long_interval != NULL && plan->lasts_beyond_horizon && plan->days_to_alarm < 0
      && interval > long_interval->value)
    {
      g_autofree char *limit = fmt (long_interval->value);
      g_autofree char *refill = titrate_pump_format_date (&plan->last_refill_date);
      g_autofree char *trigger = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The fill lasts beyond %d day from the refill on %s, the longest the plan is simulated (note above %s days); %s",
                                                            "The fill lasts beyond %d days from the refill on %s, the longest the plan is simulated (note above %s days); %s",
                                                            interval),
                                                  interval, refill, limit, rate);

      raise_alert (rules, alerts, "pump.interval_long", 0, trigger);
    }
  else if (long_interval != NULL && interval > long_interval->value)
    {
      g_autofree char *limit = fmt (long_interval->value);
      g_autofree char *refill = titrate_pump_format_date (&plan->last_refill_date);
      g_autofree char *trigger = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The fill lasts %d day from the refill on %s (note above %s days); %s",
                                                            "The fill lasts %d days from the refill on %s (note above %s days); %s",
                                                            interval),
                                                  interval, refill, limit, rate);

      raise_alert (rules, alerts, "pump.interval_long", 0, trigger);
    }
}
