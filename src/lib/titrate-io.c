/* titrate-io.c — bounded reading, a structural pre-scan of JSON, and safe
 * replacement of files
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "titrate-error.h"
#include "titrate-io.h"

#define TEMPORARY_INFIX ".saving-"
#define READ_CHUNK      65536
#define MAX_LINKS       40

/* Reading */

static void
set_too_large (GError **error,
               gsize    max_bytes)
{
  g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
               _("the file is larger than %s, the limit for a regimen document"), limit);
}

gboolean
titrate_io_read_fd (int      fd,
                    gsize    max_bytes,
                    char   **contents,
                    gsize   *length,
                    GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  for (;;)
    {
      guint8 chunk[READ_CHUNK];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("could not read: %s"), g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > max_bytes)
        {
          set_too_large (error, max_bytes);
          return FALSE;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

gboolean
titrate_io_read_path (const char  *path,
                      gsize        max_bytes,
                      char       **contents,
                      gsize       *length,
                      GError     **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  /* Non-blocking: opening a FIFO must not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("could not open: %s"), g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("could not read: %s"), g_strerror (saved));
      close (fd);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           S_ISDIR (st.st_mode) ? _("this is a folder, not a regimen document")
                                                : _("not a regular file (a FIFO, a socket or a device); "
                                                    "only a saved document can be read"));
      close (fd);
      return FALSE;
    }
  if ((guint64) st.st_size > max_bytes)
    {
      set_too_large (error, max_bytes);
      close (fd);
      return FALSE;
    }
  /* Regular files never block; the flag is cleared for form's sake. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  ok = titrate_io_read_fd (fd, max_bytes, contents, length, error);
  close (fd);
  return ok;
}

gboolean
titrate_io_read_file (GFile   *file,
                      gsize    max_bytes,
                      char   **contents,
                      gsize   *length,
                      GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;

  if (path != NULL)
    return titrate_io_read_path (path, max_bytes, contents, length, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("not a regular file (a FIFO, a socket or a device); "
                             "only a saved document can be read"));
      return FALSE;
    }
  if ((guint64) g_file_info_get_size (info) > max_bytes)
    {
      set_too_large (error, max_bytes);
      return FALSE;
    }
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  buffer = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[READ_CHUNK];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > max_bytes)
        {
          set_too_large (error, max_bytes);
          return FALSE;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

/* Pre-scan */

typedef struct {
  gboolean    is_object;
  gboolean    expect_key;
  guint       index;       /* arrays: the current element */
  char       *key;         /* objects: the current key (owned by keys) */
  GHashTable *keys;        /* objects: keys seen */
} Level;

/* "patient.age_years", "regimen.steps[3].day" for the first @depth levels. */
static char *
level_path (Level *stack,
            guint  depth)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (stack[i].is_object)
        {
          if (stack[i].key == NULL)
            break;
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, stack[i].key);
        }
      else
        g_string_append_printf (path, "[%u]", stack[i].index);
    }
  if (path->len == 0)
    g_string_append (path, _("(top level)"));
  /* Deep nesting would make a path of hundreds of "[0]". */
  if (path->len > 80)
    {
      const char *end = g_utf8_find_prev_char (path->str, path->str + 81);

      g_string_truncate (path, end != NULL ? (gsize) (end - path->str) : 80);
      g_string_append (path, "…");
    }
  return g_string_free (path, FALSE);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Scans the string starting after the opening quote at data[*i]; leaves *i
 * after the closing quote. Decodes it into @out when @out is not NULL. Sets
 * *has_nul for an escaped NUL. FALSE when it is unterminated or malformed
 * (left for the parser to report). */
static gboolean
scan_string (const char *data,
             gsize       length,
             gsize      *i,
             GString    *out,
             gboolean   *has_nul)
{
  gsize p = *i;

  while (p < length)
    {
      char c = data[p++];

      if (c == '"')
        {
          *i = p;
          return TRUE;
        }
      if (c != '\\')
        {
          if (out != NULL)
            g_string_append_c (out, c);
          continue;
        }
      if (p >= length)
        return FALSE;
      c = data[p++];
      if (c == 'u')
        {
          gunichar u = 0;

          if (p + 4 > length)
            return FALSE;
          for (int k = 0; k < 4; k++)
            {
              int h = hex_value (data[p + k]);

              if (h < 0)
                return FALSE;
              u = u * 16 + (gunichar) h;
            }
          p += 4;
          if (u == 0)
            *has_nul = TRUE;
          if (out != NULL)
            {
              /* A surrogate pair is one character. */
              if (u >= 0xD800 && u < 0xDC00 && p + 6 <= length && data[p] == '\\' && data[p + 1] == 'u')
                {
                  gunichar lo = 0;
                  gboolean hex = TRUE;

                  for (int k = 0; k < 4 && hex; k++)
                    {
                      int h = hex_value (data[p + 2 + k]);

                      hex = h >= 0;
                      lo = lo * 16 + (gunichar) MAX (h, 0);
                    }
                  if (hex && lo >= 0xDC00 && lo < 0xE000)
                    {
                      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                      p += 6;
                    }
                }
              /* An unpaired surrogate is no character: U+FFFD keeps the
               * message valid UTF-8. */
              if (u >= 0xD800 && u < 0xE000)
                u = 0xFFFD;
              g_string_append_unichar (out, u);
            }
        }
      else if (out != NULL)
        {
          switch (c)
            {
            case 'b': g_string_append_c (out, '\b'); break;
            case 'f': g_string_append_c (out, '\f'); break;
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case 't': g_string_append_c (out, '\t'); break;
            default:  g_string_append_c (out, c); break;
            }
        }
    }
  return FALSE;
}

static gboolean
count_brackets (const char  *data,
                gsize        length,
                guint        depth,
                guint        max_depth,
                GError     **error)
{
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '[' || data[i] == '{')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("not a JSON document: nested deeper than %u levels, the limit for a regimen document"),
                           max_depth);
              return FALSE;
            }
        }
      else if ((data[i] == ']' || data[i] == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* Line and column (1-based, in characters) of byte @i of @data. */
static void
text_position (const char *data,
               gsize       i,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize k = 0; k < i; k++)
    {
      if (data[k] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[k] & 0xC0) != 0x80)
        (*column)++;
    }
}

/* A number exactly as JSON (RFC 8259) writes one:
 * -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. json-glib's scanner also
 * reads 0x10 (16), 05 and .5, which a reader of the file would not. */
static gboolean
is_json_number (const char *s,
                gsize       n)
{
  gsize i = 0;

  if (i < n && s[i] == '-')
    i++;
  if (i >= n || !g_ascii_isdigit (s[i]))
    return FALSE;
  if (s[i] == '0')
    i++;
  else
    while (i < n && g_ascii_isdigit (s[i]))
      i++;
  if (i < n && s[i] == '.')
    {
      i++;
      if (i >= n || !g_ascii_isdigit (s[i]))
        return FALSE;
      while (i < n && g_ascii_isdigit (s[i]))
        i++;
    }
  if (i < n && (s[i] == 'e' || s[i] == 'E'))
    {
      i++;
      if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
      if (i >= n || !g_ascii_isdigit (s[i]))
        return FALSE;
      while (i < n && g_ascii_isdigit (s[i]))
        i++;
    }
  return i == n;
}

gboolean
titrate_io_json_prescan (const char  *data,
                         gsize        length,
                         guint        max_depth,
                         GError     **error)
{
  g_autofree Level *stack = g_new0 (Level, max_depth + 1);
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean ok = TRUE;
  gboolean closed = FALSE;
  guint depth = 0;
  gsize i = 0;

  while (i < length && ok)
    {
      char c = data[i];
      Level *top = depth > 0 ? &stack[depth - 1] : NULL;

      /* After the document's closing bracket, only white space. */
      if (closed && !g_ascii_isspace (c))
        {
          guint line, column;

          text_position (data, i, &line, &column);
          g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                       _("not a JSON document: line %u, column %u: text after the end of the document"),
                       line, column);
          ok = FALSE;
          break;
        }

      switch (c)
        {
        case '\'':
        case '/':
          {
            /* json-glib's scanner also takes 'text' and comments (and a
             * bracket in them would escape this count): not JSON. */
            guint line, column;

            text_position (data, i, &line, &column);
            g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                         _("not a JSON document: line %u, column %u: a comment or a single quote "
                           "(write text in double quotes)"), line, column);
            ok = FALSE;
          }
          break;

        case '"':
          {
            gboolean is_key = top != NULL && top->is_object && top->expect_key;
            gboolean has_nul = FALSE;
            gsize start = i;

            i++;
            g_string_truncate (key, 0);
            if (!scan_string (data, length, &i, is_key ? key : NULL, &has_nul))
              {
                /* Malformed: the parser says where. Until then, count
                 * every bracket, in strings or not: never less nesting
                 * than the parser could see. */
                ok = count_brackets (data + start + 1, length - start - 1, depth, max_depth, error);
                goto done;
              }
            if (is_key)
              {
                char *stored;

                top->expect_key = FALSE;
                if (g_hash_table_contains (top->keys, key->str))
                  {
                    g_autofree char *path = NULL;

                    top->key = g_hash_table_lookup (top->keys, key->str);
                    path = level_path (stack, depth);
                    g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                                 _("%s: the key appears twice in one object; "
                                   "which value is meant is unclear"), path);
                    ok = FALSE;
                    break;
                  }
                stored = g_strndup (key->str, key->len);
                g_hash_table_add (top->keys, stored);
                top->key = stored;
                if (has_nul)
                  {
                    g_autofree char *path = level_path (stack, depth);

                    g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                                 _("%s: the key contains a NUL character (\\u0000)"), path);
                    ok = FALSE;
                  }
              }
            else if (has_nul)
              {
                g_autofree char *path = level_path (stack, depth);

                g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                             _("%s: the text contains a NUL character (\\u0000), "
                               "which would cut it short"), path);
                ok = FALSE;
              }
          }
          continue;

        case '{':
        case '[':
          if (depth >= max_depth)
            {
              g_autofree char *path = level_path (stack, depth);

              g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           _("%s: nested deeper than %u levels, the limit for a regimen document"),
                           path, max_depth);
              ok = FALSE;
              break;
            }
          memset (&stack[depth], 0, sizeof (Level));
          stack[depth].is_object = c == '{';
          stack[depth].expect_key = c == '{';
          if (c == '{')
            stack[depth].keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          depth++;
          break;

        case '}':
        case ']':
          if (depth == 0)
            goto done;
          depth--;
          g_clear_pointer (&stack[depth].keys, g_hash_table_unref);
          closed = depth == 0;
          break;

        case ',':
          if (top != NULL && top->is_object)
            {
              top->expect_key = TRUE;
              top->key = NULL;
            }
          else if (top != NULL)
            {
              top->index++;
              if (top->index >= TITRATE_IO_MAX_JSON_ARRAY)
                {
                  g_autofree char *path = NULL;

                  top->index = 0;
                  path = level_path (stack, depth - 1);
                  g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                               _("%s: more than %u elements in one list, the limit for a regimen document"),
                               path, (guint) TITRATE_IO_MAX_JSON_ARRAY);
                  ok = FALSE;
                }
            }
          break;

        default:
          /* A number (or a word) outside strings, up to its delimiter. */
          if (g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.')
            {
              gsize end = i;

              while (end < length && strchr (",]}: \t\r\n", data[end]) == NULL)
                end++;
              if (!is_json_number (data + i, end - i))
                {
                  g_autofree char *path = level_path (stack, depth);
                  g_autofree char *token = g_strndup (data + i, MIN (end - i, 40));

                  g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                               _("%s: “%s” is not a number as JSON writes one (in decimal, with no leading "
                                 "zero or plus sign, e.g. 16, 0.5 or 1e3)"), path, token);
                  ok = FALSE;
                  break;
                }
              /* 1e309 is JSON, but no double holds it: json-glib would read
               * infinity, shown as "null". */
              {
                g_autofree char *token = g_strndup (data + i, end - i);

                if (isinf (g_ascii_strtod (token, NULL)))
                  {
                    g_autofree char *path = level_path (stack, depth);

                    if (strlen (token) > 40)
                      strcpy (token + 37, "...");
                    g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                                 _("%s: “%s” is too large to be a number"), path, token);
                    ok = FALSE;
                    break;
                  }
              }
              i = end;
              continue;
            }
          break;
        }
      i++;
    }

done:
  for (guint d = 0; d < depth; d++)
    g_clear_pointer (&stack[d].keys, g_hash_table_unref);
  return ok;
}

/* Writing */

gboolean
titrate_io_is_temporary_name (const char *name)
{
  const char *infix;

  if (name[0] != '.')
    return FALSE;
  infix = g_strrstr (name, TEMPORARY_INFIX);
  return infix != NULL && infix > name + 1 && strlen (infix) == strlen (TEMPORARY_INFIX) + 6;
}

static void
set_io_error (GError    **error,
              int         saved_errno,
              const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("could not write %s: %s"), display, g_strerror (saved_errno));
}

/* Follows symbolic links (not only the last one: a link to a link). A
 * dangling link resolves to the path it names, which is then created. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (int n = 0; n < MAX_LINKS; n++)
    {
      struct stat st;
      g_autofree char *target = NULL;
      g_autoptr(GError) local = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, &local);
      if (target == NULL)
        return g_steal_pointer (&current);
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, target, NULL);

          g_free (current);
          current = g_steal_pointer (&joined);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }
  set_io_error (error, ELOOP, path);
  return NULL;
}

/* Removes the temporary files of @base in @dir whose writer is gone (it held
 * a lock on it while writing; the kernel drops it however it ends). */
static void
remove_stale_temporaries (const char *dir,
                          const char *base)
{
  g_autofree char *prefix = g_strconcat (".", base, TEMPORARY_INFIX, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (g_unlink (path) != 0)
            g_debug ("Could not remove the stale temporary file %s: %s", path, g_strerror (errno));
        }
      close (fd);
    }
}

gboolean
titrate_io_replace_file (const char  *path,
                         const void  *data,
                         gsize        length,
                         guint        new_mode,
                         GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GError) local = NULL;
  struct stat st;
  gboolean exists;
  guint mode;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);

  if ((target = resolve_links (path, error)) == NULL)
    return FALSE;

  exists = g_stat (target, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   S_ISDIR (st.st_mode) ? _("%s is a folder; nothing was written")
                                        : _("%s is not a regular file (a FIFO, a socket or a device); "
                                            "it was left alone and nothing was written"),
                   display);
      return FALSE;
    }
  /* A file its owner made read-only is not replaced behind its back (the
   * rename below only needs the folder to be writable). */
  if (exists && access (target, W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("%s is read-only; it was left unchanged and nothing was written"), display);
      return FALSE;
    }
  mode = exists ? (st.st_mode & 07777) : new_mode;

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  remove_stale_temporaries (dir, base);

  temporary = g_strdup_printf ("%s%s.%s%sXXXXXX", dir, G_DIR_SEPARATOR_S, base, TEMPORARY_INFIX);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, target);
      return FALSE;
    }
  /* Held until the rename: a later save knows this one is not stale. */
  (void) flock (fd, LOCK_EX | LOCK_NB);

  if (!titrate_io_write_fd (fd, data, length, &local))
    {
      g_autofree char *display = g_filename_display_name (target);

      g_prefix_error (&local, _("could not write %s: "), display);
      goto failed;
    }
  if (fsync (fd) != 0)
    {
      set_io_error (&local, errno, target);
      goto failed;
    }
  /* Created 0600; only in the last instant before it becomes the document
   * does it get the document's owner and permissions (never wider than
   * the document's own), so that the rename keeps them atomically. */
  if (exists && (st.st_uid != geteuid () || st.st_gid != getegid ()))
    (void) fchown (fd, st.st_uid, st.st_gid);
  if (mode != 0600 && fchmod (fd, mode) != 0)
    g_debug ("Could not keep the permissions of %s: %s", target, g_strerror (errno));
  if (g_rename (temporary, target) != 0)
    {
      set_io_error (&local, errno, target);
      goto failed;
    }
  if (close (fd) != 0)
    {
      set_io_error (error, errno, target);
      return FALSE;
    }
  /* The rename itself reaches the disk. */
  {
    int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        (void) fsync (dir_fd);
        close (dir_fd);
      }
  }
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (temporary);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

gboolean
titrate_io_write_fd (int          fd,
                     const void  *data,
                     gsize        length,
                     GError     **error)
{
  const char *p = data;

  while (length > 0)
    {
      gssize n = write (fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}
