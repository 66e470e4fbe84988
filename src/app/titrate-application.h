/* titrate-application.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "titrate.h"

G_BEGIN_DECLS

#define TITRATE_TYPE_APPLICATION (titrate_application_get_type ())

G_DECLARE_FINAL_TYPE (TitrateApplication, titrate_application, TITRATE, APPLICATION, AdwApplication)

typedef struct _TitrateWindow TitrateWindow;

TitrateApplication *titrate_application_new          (const char          *application_id,
                                                      GApplicationFlags    flags);
GSettings          *titrate_application_get_settings (TitrateApplication  *self);
TitrateRules       *titrate_application_open_rules   (TitrateApplication  *self,
                                                      GError             **error);
TitrateWindow      *titrate_application_new_window   (TitrateApplication  *self);
void                titrate_application_ensure_resources (void);

G_END_DECLS
