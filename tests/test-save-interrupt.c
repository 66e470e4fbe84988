/* test-save-interrupt.c — a save interrupted at any moment leaves the old or
 * the new document, never a broken one
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * save-stress saves two different documents in turn to one path in a tight
 * loop; this test SIGKILLs it at random moments, many times, and after each
 * kill loads the path: it must hold exactly document A or document B, byte
 * for byte. What else may be left: the temporary file of the interrupted
 * save, ".plan.titrate.saving-XXXXXX", private (0600, or the document's own
 * mode in the instant before its rename), when the kill lands
 * between its creation and the rename. The next save removes it: at most
 * one is ever found, and none after a last, uninterrupted save. The
 * document keeps the permissions it was given (0640 here) throughout.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "titrate.h"
#include "titrate-state-dir.h"

#define N_KILLS 60

/* Helpers */

static TitrateDocument *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TITRATE_EXAMPLES"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TitrateDocument *doc = titrate_document_load_from_file (file, &error);

  g_assert_no_error (error);
  return doc;
}

static void
write_doc (const TitrateDocument *doc,
           const char            *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (titrate_document_save (doc, file, &error));
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, &error));
  g_assert_no_error (error);
  return data;
}

/* Temporary files of interrupted saves beside @target_name: private, and
 * nothing else unexpected. */
static guint
count_temporaries (const char *dir,
                   const char *target_name,
                   guint       kill_n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  g_autofree char *prefix = g_strconcat (".", target_name, ".saving-", NULL);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_str_equal (name, target_name) || g_str_equal (name, "a.ref") || g_str_equal (name, "b.ref"))
        continue;
      if (!(g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6))
        g_error ("Unexpected file after kill %u: %s", kill_n, name);
      g_assert_true (titrate_io_is_temporary_name (name));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      /* Private, or (killed just before its rename) the document's own
       * permissions, never wider. */
      if ((st.st_mode & 0777) != 0600)
        g_assert_cmpint (st.st_mode & 0777, ==, 0640);
      n++;
    }
  return n;
}

/* Tests */

static void
test_interrupted_save (void)
{
  const char *helper = g_getenv ("TITRATE_SAVE_STRESS");
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  g_autofree char *target_name = NULL;
  g_autoptr(TitrateDocument) a = NULL;
  g_autoptr(TitrateDocument) b = NULL;
  gsize length_a, length_b;
  guint seen_a = 0, seen_b = 0, temporaries = 0;

  if (helper == NULL)
    {
      g_test_skip ("TITRATE_SAVE_STRESS is not set (run through meson test)");
      return;
    }

  dir = g_dir_make_tmp ("titrate-save-XXXXXX", NULL);
  g_assert_nonnull (dir);
  target = g_build_filename (dir, "plan.titrate", NULL);
  target_name = g_path_get_basename (target);
  path_a = g_build_filename (dir, "a.ref", NULL);
  path_b = g_build_filename (dir, "b.ref", NULL);

  /* Two documents that differ in size and content throughout. */
  a = load_example ("older-adult-ckd.titrate");
  b = load_example ("many-cns-depressants.titrate");
  g_ptr_array_add (b->comedications, g_strdup ("a comedication with a long name, to change the size"));
  write_doc (a, path_a);
  write_doc (b, path_b);
  data_a = read_file (path_a, &length_a);
  data_b = read_file (path_b, &length_b);
  g_assert_cmpstr (data_a, !=, data_b);

  for (guint kill_n = 0; kill_n < N_KILLS; kill_n++)
    {
      const char *argv[] = { helper, target, path_a, path_b, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) listing = NULL;
      g_autoptr(TitrateDocument) loaded = NULL;
      g_autofree char *data = NULL;
      GPid pid;
      int out_fd;
      char ready[8] = { 0 };
      gsize got = 0;
      int status = 0;
      gsize length = 0;
      GStatBuf st;

      /* The previous version is always A or B; start from A each time. */
      write_doc (a, target);
      if (kill_n == 0)
        g_assert_cmpint (g_chmod (target, 0640), ==, 0);

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                               &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      while (got < 6)
        {
          gssize n = read (out_fd, ready + got, 6 - got);

          if (n < 0 && errno == EINTR)
            continue;
          g_assert_cmpint (n, >, 0);
          got += (gsize) n;
        }
      g_assert_cmpstr (ready, ==, "ready\n");

      /* Somewhere in the middle of some save: 0 to 30 ms into the loop. */
      g_usleep ((gulong) g_test_rand_int_range (0, 30000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      g_spawn_close_pid (pid);
      close (out_fd);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* Exactly the old or the new document, and it loads. */
      data = read_file (target, &length);
      if (length == length_a && memcmp (data, data_a, length) == 0)
        seen_a++;
      else if (length == length_b && memcmp (data, data_b, length) == 0)
        seen_b++;
      else
        g_error ("After kill %u the file is neither document (%" G_GSIZE_FORMAT " bytes)", kill_n, length);
      loaded = titrate_document_load_from_data (data, (gssize) length, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);

      /* The document keeps its permissions. */
      g_assert_cmpint (g_stat (target, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0640);

      /* Nothing else but the temporary file of this interrupted save
       * (the next save removed those of the earlier ones). */
      g_assert_cmpuint (count_temporaries (dir, target_name, kill_n), <=, 1);
      temporaries += count_temporaries (dir, target_name, kill_n);
    }

  /* A save after the last kill leaves no temporary file behind. */
  write_doc (a, target);
  g_assert_cmpuint (count_temporaries (dir, target_name, N_KILLS), ==, 0);

  g_test_message ("%d kills: old document (A) %u times, new (B) %u times; "
                  "%u temporary files (.plan.titrate.saving-XXXXXX) left by interrupted saves, "
                  "each removed by the next save",
                  N_KILLS, seen_a, seen_b, temporaries);
  g_assert_cmpuint (seen_a + seen_b, ==, N_KILLS);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/titrate/save/interrupted", test_interrupted_save);

  return g_test_run ();
}
