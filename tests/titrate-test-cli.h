/* titrate-test-cli.h — runs titrate-cli (path in $TITRATE_CLI) for tests
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/wait.h>
#include <glib.h>

typedef struct {
  int   status;     /* exit status */
  char *out;        /* stdout */
  char *err;        /* stderr */
} Run;

static inline void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* run (&r, "check", path, NULL): the arguments after the program name. */
static inline void
run (Run *r, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TITRATE_CLI"));
  va_start (args, r);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}
