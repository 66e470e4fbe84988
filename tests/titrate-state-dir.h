/* titrate-state-dir.h — a private autosave folder for each UI test process
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows left with unsaved changes autosave (and a later start offers to
 * restore them), so each test process points TITRATE_STATE_DIR at a fresh
 * folder of its own and removes it at the end.
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

static inline void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

/* (transfer full) a new empty folder, now TITRATE_STATE_DIR */
static inline char *
test_state_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("titrate-state-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("TITRATE_STATE_DIR", dir, TRUE);
  return dir;
}
