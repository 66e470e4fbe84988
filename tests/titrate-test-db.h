/* titrate-test-db.h — writable copies of the built rules database for tests
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

/* Every medicine-keyed table the fixture gives no rows for (tables other
 * parts of the program own, such as comedication tables) gets a copy of
 * @from's rows for @to, so the fixture stays complete as tables are added. */
static inline void
test_copy_missing_medicine_rows (sqlite3    *db,
                                 const char *to,
                                 const char *from)
{
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1,
                                       &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *info = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
      g_autoptr(GString) cols = g_string_new (NULL);
      g_autoptr(GString) vals = g_string_new (NULL);
      gboolean keyed = FALSE;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (stmt, 1);

          g_string_append_printf (cols, "%s\"%s\"", cols->len ? ", " : "", col);
          if (strcmp (col, "medicine") == 0)
            {
              keyed = TRUE;
              g_string_append_printf (vals, "%s'%s'", vals->len ? ", " : "", to);
            }
          else
            g_string_append_printf (vals, "%s\"%s\"", vals->len ? ", " : "", col);
        }
      sqlite3_finalize (stmt);
      if (keyed)
        {
          g_autofree char *sql = g_strdup_printf (
            "INSERT OR IGNORE INTO \"%s\" (%s) SELECT %s FROM \"%s\" WHERE medicine = '%s' "
            "AND NOT EXISTS (SELECT 1 FROM \"%s\" WHERE medicine = '%s')",
            table, cols->str, vals->str, table, from, table, to);
          char *err = NULL;

          if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
            g_error ("%s: %s", sql, err);
        }
    }
  sqlite3_finalize (tables);
}

/* A writable copy of the built database, named @name in @dir, with
 * @sql_file (under tests/, examplofen's rows; baclofen's fill the tables it
 * leaves empty) and then @sql applied. */
static inline char *
test_db_copy (const char *dir,
              const char *name,
              const char *sql_file,
              const char *sql)
{
  const char *built = g_getenv ("TITRATE_BUILT_RULES_DB");
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize len;
  sqlite3 *db;
  char *err = NULL;

  g_assert_nonnull (built);
  g_assert_true (g_file_get_contents (built, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sql_file != NULL)
    {
      g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, sql_file, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
      if (sqlite3_exec (db, text, NULL, NULL, &err) != SQLITE_OK)
        g_error ("%s: %s", sql_file, err);
      test_copy_missing_medicine_rows (db, "examplofen", "baclofen");
    }
  if (sql != NULL && sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
  sqlite3_close (db);
  return path;
}
