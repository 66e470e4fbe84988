/* titrate-export.h — documents out of a plan: CSV, iCalendar, handout and summary pages, PDF
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "titrate.h"
#include "titrate-dose-times.h"
#include "titrate-csv.h"
#include "titrate-ics.h"
#include "titrate-report.h"
