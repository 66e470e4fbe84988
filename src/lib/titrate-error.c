/* titrate-error.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "titrate-error.h"

G_DEFINE_QUARK (titrate-error-quark, titrate_error)
