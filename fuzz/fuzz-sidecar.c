/* fuzz-sidecar.c — libFuzzer target: the autosave sidecar (<id>.json) read
 * at every start of the app
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input must either give a title and URI (each NULL or valid UTF-8) or
 * fail with a GError; never crash, leak, hang or recurse without bound
 * (a deep sidecar once made the app unable to start).
 */

#include "titrate.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;

  if (!titrate_sidecar_parse ((const char *) data, size, &title, &uri, &error))
    {
      g_assert_nonnull (error);
      g_assert_null (title);
      g_assert_null (uri);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_true (title == NULL || g_utf8_validate (title, -1, NULL));
  if (uri != NULL)
    g_assert_true (g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL));
  return 0;
}
