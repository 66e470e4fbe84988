/* titrate-version-macros.h — what each public symbol of libtitrate is
 * available since, and which symbols the shared library exports
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TITRATE_INSIDE) && !defined(TITRATE_COMPILATION)
#error "Only <titrate.h> can be included directly."
#endif

#include <glib.h>

#include "titrate-version.h"

/**
 * SECTION:titrate-version-macros
 * @Title: Availability macros
 * @Short_description: what each symbol is available since
 *
 * Every public function of libtitrate is marked with one of these macros.
 * A program may define %TITRATE_VERSION_MIN_REQUIRED and
 * %TITRATE_VERSION_MAX_ALLOWED (e.g. to %TITRATE_VERSION_0_3) before
 * including titrate.h to be warned about newer or deprecated API.
 */

/* libtitrate is built with hidden visibility: only declarations marked with
 * one of the TITRATE_AVAILABLE_IN_* macros below are exported from the
 * shared library. Everything else is private to the Titrate tree. */
#ifndef _TITRATE_EXTERN
#if defined(_WIN32)
#define _TITRATE_EXTERN __declspec(dllexport) extern
#else
#define _TITRATE_EXTERN __attribute__((visibility ("default"))) extern
#endif
#endif

/* Versions a program can ask for with TITRATE_VERSION_MIN_REQUIRED and
 * TITRATE_VERSION_MAX_ALLOWED (like GLib's and libadwaita's). The first
 * public release of the library is 0.3. */
/**
 * TITRATE_VERSION_0_3:
 *
 * The version 0.3 of libtitrate, its first public release.
 */
#define TITRATE_VERSION_0_3 (TITRATE_ENCODE_VERSION (0, 3, 0))

/* A tree between releases already carries the next minor release's API
 * (0.2.x develops 0.3): it is allowed by default. */
#define TITRATE_VERSION_CUR_STABLE \
  (TITRATE_ENCODE_VERSION (TITRATE_MAJOR_VERSION, TITRATE_MINOR_VERSION, 0))
#define TITRATE_VERSION_NEXT_STABLE \
  (TITRATE_ENCODE_VERSION (TITRATE_MAJOR_VERSION, TITRATE_MINOR_VERSION + 1, 0))

/**
 * TITRATE_VERSION_MIN_REQUIRED:
 *
 * The oldest libtitrate a program wants to build with: API deprecated
 * since then warns. Defaults to the version of the headers.
 */
#ifndef TITRATE_VERSION_MIN_REQUIRED
#define TITRATE_VERSION_MIN_REQUIRED (TITRATE_VERSION_CUR_STABLE)
#endif

/**
 * TITRATE_VERSION_MAX_ALLOWED:
 *
 * The newest libtitrate API a program may use: newer API warns. Defaults
 * to the next release (the tree between releases carries its API).
 */
#ifndef TITRATE_VERSION_MAX_ALLOWED
#define TITRATE_VERSION_MAX_ALLOWED (TITRATE_VERSION_NEXT_STABLE)
#endif

#if TITRATE_VERSION_MAX_ALLOWED < TITRATE_VERSION_MIN_REQUIRED
#error "TITRATE_VERSION_MAX_ALLOWED must be >= TITRATE_VERSION_MIN_REQUIRED"
#endif

#define TITRATE_DEPRECATED                 G_DEPRECATED _TITRATE_EXTERN
#define TITRATE_DEPRECATED_FOR(f)          G_DEPRECATED_FOR(f) _TITRATE_EXTERN
#define TITRATE_UNAVAILABLE(maj,min)       G_UNAVAILABLE(maj,min) _TITRATE_EXTERN

/**
 * TITRATE_AVAILABLE_IN_ALL:
 *
 * Marks a symbol that has been in libtitrate since its first public release
 * (0.3): exported from the shared library.
 */
#define TITRATE_AVAILABLE_IN_ALL           _TITRATE_EXTERN

/**
 * TITRATE_AVAILABLE_IN_0_3:
 *
 * Marks a symbol added in libtitrate 0.3 (the same as
 * %TITRATE_AVAILABLE_IN_ALL; new API in later releases gets a macro of its
 * own, e.g. TITRATE_AVAILABLE_IN_0_4).
 */
#if TITRATE_VERSION_MAX_ALLOWED < TITRATE_VERSION_0_3
#define TITRATE_AVAILABLE_IN_0_3           TITRATE_UNAVAILABLE (0, 3)
#else
#define TITRATE_AVAILABLE_IN_0_3           _TITRATE_EXTERN
#endif

#if TITRATE_VERSION_MIN_REQUIRED >= TITRATE_VERSION_0_3
#define TITRATE_DEPRECATED_IN_0_3          TITRATE_DEPRECATED
#define TITRATE_DEPRECATED_IN_0_3_FOR(f)   TITRATE_DEPRECATED_FOR (f)
#else
#define TITRATE_DEPRECATED_IN_0_3          _TITRATE_EXTERN
#define TITRATE_DEPRECATED_IN_0_3_FOR(f)   _TITRATE_EXTERN
#endif
