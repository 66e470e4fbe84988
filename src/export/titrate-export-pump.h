/* titrate-export-pump.h — the intrathecal pump in printed pages
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate.h"

G_BEGIN_DECLS

/* Pango markup of the handout's pump card (model, reservoir, concentration,
 * dose, alarm and refill-by dates, the refill appointment, then the early
 * withdrawal signs and when to act at once, from the rules database), or
 * NULL when the regimen has no pump. (transfer full) */
char *_titrate_export_pump_card       (TitrateRules         *rules,
                                       const TitrateRegimen *regimen,
                                       int                   body_size);
/* Pango markup of the clinician summary's volume arithmetic, or NULL when
 * the regimen has no pump. (transfer full) */
char *_titrate_export_pump_arithmetic (TitrateRules         *rules,
                                       const TitrateRegimen *regimen);

/* Pango markup for one calendar day of the handout: the refill appointment,
 * the refill-by, alarm and empty dates on that day, or NULL. (transfer full) */
char *_titrate_export_pump_day_note   (TitrateRules         *rules,
                                       const TitrateRegimen *regimen,
                                       const GDate          *date);

G_END_DECLS
