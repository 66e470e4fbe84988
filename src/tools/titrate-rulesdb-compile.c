/* titrate-rulesdb-compile.c — build-time compiler: SQL sources → rules.sqlite
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: titrate-rulesdb-compile OUTPUT.sqlite SCHEMA.sql DATA.sql…
 *
 * Runs every SQL file in order into a new database with foreign keys enforced,
 * then checks integrity and foreign keys and compacts the file. Any SQL error
 * fails the build with the file name and SQLite's message.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>

static char *
read_file (const char *path)
{
  FILE *f = fopen (path, "rb");
  char *buf;
  long len;

  if (f == NULL)
    return NULL;
  if (fseek (f, 0, SEEK_END) != 0 || (len = ftell (f)) < 0 || fseek (f, 0, SEEK_SET) != 0)
    {
      fclose (f);
      return NULL;
    }
  buf = malloc ((size_t) len + 1);
  if (buf != NULL && fread (buf, 1, (size_t) len, f) != (size_t) len)
    {
      free (buf);
      buf = NULL;
    }
  if (buf != NULL)
    buf[len] = '\0';
  fclose (f);
  return buf;
}

static int
check_pragma (sqlite3    *db,
              const char *sql,
              const char *expect_single)
{
  sqlite3_stmt *stmt;
  int bad = 0, rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "titrate-rulesdb-compile: %s: %s\n", sql, sqlite3_errmsg (db));
      return 1;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *first = (const char *) sqlite3_column_text (stmt, 0);

      if (expect_single != NULL && first != NULL && strcmp (first, expect_single) == 0)
        continue;
      fprintf (stderr, "titrate-rulesdb-compile: %s reports:", sql);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        fprintf (stderr, " %s", sqlite3_column_text (stmt, c) ? (const char *) sqlite3_column_text (stmt, c) : "NULL");
      fputc ('\n', stderr);
      bad = 1;
    }
  sqlite3_finalize (stmt);
  return bad || rc != SQLITE_DONE;
}

int
main (int   argc,
      char *argv[])
{
  sqlite3 *db = NULL;
  char *err = NULL;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s OUTPUT.sqlite FILE.sql…\n", argv[0]);
      return 2;
    }

  unlink (argv[1]);
  if (sqlite3_open (argv[1], &db) != SQLITE_OK)
    {
      fprintf (stderr, "titrate-rulesdb-compile: %s: %s\n", argv[1], sqlite3_errmsg (db));
      return 1;
    }
  sqlite3_exec (db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = OFF;", NULL, NULL, NULL);

  if (sqlite3_exec (db, "BEGIN", NULL, NULL, &err) != SQLITE_OK)
    goto sql_error;
  for (int i = 2; i < argc; i++)
    {
      char *sql = read_file (argv[i]);

      if (sql == NULL)
        {
          fprintf (stderr, "titrate-rulesdb-compile: cannot read %s\n", argv[i]);
          goto fail;
        }
      if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
        {
          fprintf (stderr, "titrate-rulesdb-compile: %s: %s\n", argv[i], err);
          free (sql);
          goto fail;
        }
      free (sql);
    }
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, &err) != SQLITE_OK)
    goto sql_error;

  if (check_pragma (db, "PRAGMA foreign_key_check", NULL) ||
      check_pragma (db, "PRAGMA integrity_check", "ok"))
    goto fail;

  if (sqlite3_exec (db, "VACUUM", NULL, NULL, &err) != SQLITE_OK)
    goto sql_error;

  sqlite3_close (db);
  return 0;

sql_error:
  fprintf (stderr, "titrate-rulesdb-compile: %s\n", err ? err : sqlite3_errmsg (db));
fail:
  sqlite3_free (err);
  sqlite3_close (db);
  unlink (argv[1]);
  return 1;
}
