/* titrate-ics-linked.c — the iCalendar writer, linked in
 *
 * For titrate-cli-export, the fuzzers and the export tests: the writer is
 * part of the program (titrate-ics-ical.c), as libical is.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "titrate-ics-writer.h"

TitrateIcsWriteFunc
_titrate_ics_writer_get (GError **error)
{
  return titrate_ics_module_write;
}
