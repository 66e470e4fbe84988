/* titrate-catalogue.c: refuses a translation catalogue whose formats do not
 * match the English
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A translated printf format with other conversions than its English
 * ("%s" for "%d", one "%s" more, a number typed in place of "%s") makes
 * g_strdup_printf() read arguments that are not there: a crash, or a
 * trigger that shows a number the checker never computed ("limite 800
 * mg/jour" for 80). The build checks the shipped catalogues (msgfmt -c),
 * but not one damaged or replaced after installation. Before any text is
 * translated, titrate_catalogue_check() reads the catalogue gettext would
 * use and compares, for every entry whose English is a format, the
 * conversions of each translation with the English ones; on a mismatch the
 * caller falls back to English (titrate_catalogue_use_checked()).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "titrate-catalogue.h"
#include "titrate-error.h"

#define MO_MAGIC 0x950412deU
#define MAX_CONVERSIONS 32

/* The conversions of @s (the letters, in order; "%%" is none). FALSE when
 * a '%' does not start a conversion a format of this project would use
 * (then @s is plain text, e.g. "50% of", and is not compared). */
static gboolean
conversions (const char *s,
             gsize       len,
             GString    *out)
{
  g_string_truncate (out, 0);
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] != '%')
        continue;
      i++;
      if (i < len && s[i] == '%')
        continue;
      /* position (%1$s) */
      {
        gsize k = i;

        while (k < len && g_ascii_isdigit (s[k]))
          k++;
        if (k > i && k < len && s[k] == '$')
          i = k + 1;
      }
      while (i < len && strchr ("-+#0'", s[i]) != NULL)
        i++;
      while (i < len && (g_ascii_isdigit (s[i]) || s[i] == '*'))
        i++;
      if (i < len && s[i] == '.')
        {
          i++;
          while (i < len && (g_ascii_isdigit (s[i]) || s[i] == '*'))
            i++;
        }
      while (i < len && strchr ("hlLqjzt", s[i]) != NULL)
        i++;
      if (i >= len || strchr ("diouxXeEfFgGaAcsp", s[i]) == NULL)
        return FALSE;
      if (out->len >= MAX_CONVERSIONS)
        return FALSE;
      /* d and i are the same conversion */
      g_string_append_c (out, s[i] == 'i' ? 'd' : s[i]);
    }
  return TRUE;
}

static guint32
read_u32 (const guchar *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* @form's conversions match the English: those of the singular or of the
 * plural, or (a form for one) the plural's without its count. */
static gboolean
form_matches (const char *form,
              gsize       len,
              const char *singular,
              const char *plural)
{
  g_autoptr(GString) got = g_string_new (NULL);

  if (!conversions (form, len, got))
    return FALSE;
  if (strcmp (got->str, singular) == 0 || (plural != NULL && strcmp (got->str, plural) == 0))
    return TRUE;
  /* "one day" for "%d day": the count may be left out of a form. */
  for (const char *english = singular; english != NULL; english = english == singular ? plural : NULL)
    {
      const char *d = strchr (english, 'd');

      if (d != NULL)
        {
          g_autoptr(GString) without = g_string_new_len (english, d - english);

          g_string_append (without, d + 1);
          if (strcmp (got->str, without->str) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

gboolean
titrate_catalogue_check_file (const char  *path,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  const guchar *data;
  gsize size;
  guint32 n, orig, trans;
  gboolean swap;
  g_autoptr(GString) english = g_string_new (NULL);
  g_autoptr(GString) english_plural = g_string_new (NULL);

  if (!g_file_get_contents (path, &contents, &size, &local))
    {
      g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID, "%s", local->message);
      return FALSE;
    }
  data = (const guchar *) contents;
  if (size < 20)
    goto damaged;
  swap = read_u32 (data, FALSE) != MO_MAGIC;
  if (swap && read_u32 (data, TRUE) != MO_MAGIC)
    goto damaged;
  n = read_u32 (data + 8, swap);
  orig = read_u32 (data + 12, swap);
  trans = read_u32 (data + 16, swap);
  if (orig > size || trans > size || n > (size - orig) / 8 || n > (size - trans) / 8)
    goto damaged;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data + orig + 8 * i, swap), ooff = read_u32 (data + orig + 8 * i + 4, swap);
      guint32 tlen = read_u32 (data + trans + 8 * i, swap), toff = read_u32 (data + trans + 8 * i + 4, swap);
      const char *msgid, *msgstr, *id, *plural;
      gsize id_len, plural_len = 0;

      if (ooff > size || olen > size - ooff || toff > size || tlen > size - toff)
        goto damaged;
      msgid = contents + ooff;
      msgstr = contents + toff;
      /* Past the context (context \004 msgid), then msgid \0 msgid_plural. */
      id = memchr (msgid, '\004', olen);
      id = id != NULL ? id + 1 : msgid;
      id_len = olen - (gsize) (id - msgid);
      plural = memchr (id, '\0', id_len);
      if (plural != NULL)
        {
          plural_len = id_len - (gsize) (plural - id) - 1;
          id_len = (gsize) (plural - id);
          plural++;
        }
      if (memchr (id, '%', id_len) == NULL ||
          !conversions (id, id_len, english) || english->len == 0)
        continue;
      if (plural != NULL && !conversions (plural, plural_len, english_plural))
        continue;

      /* Each form (NUL-separated) of the translation. */
      for (gsize start = 0; start <= tlen;)
        {
          const char *end = memchr (msgstr + start, '\0', tlen - start);
          gsize form_len = end != NULL ? (gsize) (end - (msgstr + start)) : tlen - start;

          if (!form_matches (msgstr + start, form_len, english->str, plural != NULL ? english_plural->str : NULL))
            {
              g_autofree char *shown_id = g_strndup (id, MIN (id_len, 80));
              g_autofree char *shown_tr = g_strndup (msgstr + start, MIN (form_len, 80));

              /* In English: this catalogue's own translation of the
               * message cannot be trusted. */
              g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
                           "%s: the translation \"%s\" of \"%s\" does not take the same values; "
                           "translations are off", path, shown_tr, shown_id);
              return FALSE;
            }
          start += form_len + 1;
        }
    }
  return TRUE;

damaged:
  g_set_error (error, TITRATE_ERROR, TITRATE_ERROR_INVALID,
               "%s is not a translation catalogue (.mo file); translations are off", path);
  return FALSE;
}

/* The catalogue gettext would use for @domain in @localedir: the first of
 * the user's languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that has one. */
static char *
catalogue_path (const char *domain,
                const char *localedir)
{
  const char * const *names = g_get_language_names ();
  g_autofree char *file = g_strconcat (domain, ".mo", NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (strcmp (names[i], "C") == 0 || strcmp (names[i], "POSIX") == 0)
        break;
      path = g_build_filename (localedir, names[i], "LC_MESSAGES", file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

gboolean
titrate_catalogue_use_checked (const char  *domain,
                               const char  *localedir,
                               GError     **error)
{
  g_autofree char *path = NULL;

  bindtextdomain (domain, localedir);
  bind_textdomain_codeset (domain, "UTF-8");
  path = catalogue_path (domain, localedir);
  if (path == NULL || titrate_catalogue_check_file (path, error))
    return TRUE;
  /* Nothing of this domain is translated: English throughout. */
  bindtextdomain (domain, "/nonexistent/titrate-catalogue-refused");
  return FALSE;
}
