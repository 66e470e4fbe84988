/* titrate.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define TITRATE_INSIDE
#include "titrate-error.h"
#include "titrate-types.h"
#include "titrate-format.h"
#include "titrate-patient.h"
#include "titrate-regimen.h"
#include "titrate-rules.h"
#include "titrate-alert.h"
#include "titrate-checker.h"
#include "titrate-counselling.h"
#include "titrate-planner.h"
#include "titrate-document.h"
#include "titrate-pump.h"
#include "titrate-selftest.h"
#include "titrate-io.h"
#include "titrate-sidecar.h"
#include "titrate-scenario.h"
#include "titrate-alert-item.h"
#include "titrate-plan.h"
#undef TITRATE_INSIDE
