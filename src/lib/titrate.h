/* titrate.h — libtitrate, the whole public API
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Public headers: installed under include/titrate-1/ and listed in
 * src/lib/meson.build (lib_public_headers). A program includes this file
 * only: <titrate.h>, with `pkg-config --cflags titrate-1`. */
#define TITRATE_INSIDE
#include "titrate-version.h"
#include "titrate-version-macros.h"
#include "titrate-error.h"
#include "titrate-types.h"
#include "titrate-enum-types.h"
#include "titrate-format.h"
#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"
#include "titrate-alert.h"
#include "titrate-checker.h"
#include "titrate-planner.h"
#include "titrate-document.h"
#include "titrate-pump.h"
#include "titrate-alert-item.h"
#include "titrate-plan.h"
/* New public headers go here, in lib_public_headers (src/lib/meson.build)
 * and in docs/reference/titrate-docs.xml. */
#undef TITRATE_INSIDE

/* Inside the Titrate tree (TITRATE_COMPILATION is set by the internal
 * dependency in src/lib/meson.build), the private headers too: the CLI, the
 * export library, the app and the tests use them. They are not installed. */
#ifdef TITRATE_COMPILATION
#include "titrate-counselling.h"
#include "titrate-selftest.h"
#include "titrate-io.h"
#include "titrate-sidecar.h"
#include "titrate-scenario.h"
#include "titrate-units.h"
#endif
