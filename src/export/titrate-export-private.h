/* titrate-export-private.h — helpers shared by the CSV, iCalendar and report writers
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate.h"

G_BEGIN_DECLS

typedef enum {
  TITRATE_PRODUCT_NONE,     /* no strength chosen (or intrathecal): doses only */
  TITRATE_PRODUCT_TABLET,
  TITRATE_PRODUCT_PACKET,   /* single-dose granules */
  TITRATE_PRODUCT_LIQUID,   /* units are mL */
} TitrateProductKind;

/* A document's plan for a writer: the library's TitratePlan (the one
 * expansion and check of the document) and what the writers add to it. */
typedef struct {
  TitratePlan       *checked;          /* owns a copy of the document, protocol expanded */
  TitrateRules      *rules;
  TitrateRegimen    *regimen;          /* (transfer none) the plan's regimen */
  GArray            *days;             /* (transfer none) (element-type TitrateDay) days 1 … horizon */
  TitrateProductKind product;
  double             strength;         /* mg per tablet/packet, or mg per mL */
  gboolean           halves;           /* scored tablet: halves allowed */
  int                last_dosing_day;  /* the day before the plan stops, or -1 if it runs on */
} TitrateExportPlan;

TitrateExportPlan *_titrate_export_plan_new     (TitrateRules            *rules,
                                                 const TitrateDocument   *doc,
                                                 GError                 **error);
void               _titrate_export_plan_free    (TitrateExportPlan       *plan);
/* (transfer container) (element-type TitrateAlert) the plan's alerts, or
 * NULL with @error when it could not be checked. */
GPtrArray         *_titrate_export_plan_alerts  (const TitrateExportPlan *plan,
                                                 GError                 **error);

/* The last day in the plan with any baclofen (oral dose, infusion or bolus), or 0. */
int                _titrate_export_plan_last_day_with_doses (const TitrateExportPlan *plan);

/* Whether one dose can be measured with the chosen product; *units is the
 * exact quotient (NAN without a product). */
gboolean           _titrate_export_dose_units   (const TitrateExportPlan *plan,
                                                 double                   dose_mg,
                                                 double                  *units);

/* "½ tablet", "2 tablets", "5 mL", "1 packet"; NULL without a product. */
char              *_titrate_export_units_short  (const TitrateExportPlan *plan,
                                                 double                   units);
/* "½ tablet of 10 mg", "5 mL of 1 mg/mL liquid"; NULL without a product. */
char              *_titrate_export_units_long   (const TitrateExportPlan *plan,
                                                 double                   units);
/* Localised date, e.g. "Monday 4 January 2027" (strftime @format). */
char              *_titrate_export_date         (const GDate             *date,
                                                 const char              *format);

/* (transfer container) (element-type TitrateCounselling) patient-facing points. */
GPtrArray         *_titrate_export_counselling  (TitrateRules            *rules,
                                                 const TitrateDocument   *doc);

/* Writes @data to @path atomically (temporary file, then rename). */
gboolean           _titrate_export_write_file   (const char              *path,
                                                 const char              *data,
                                                 gsize                    length,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TitrateExportPlan, _titrate_export_plan_free)

G_END_DECLS
