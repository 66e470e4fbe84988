/* save-stress.c — saves two documents in turn to one path, for ever
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: save-stress TARGET DOC_A DOC_B
 *
 * Loads DOC_A and DOC_B, prints "ready" once both are loaded, then saves
 * them in turn to TARGET with titrate_document_save() until it is killed.
 * test-save-interrupt SIGKILLs it at random moments and checks that TARGET
 * is always exactly one of the two documents.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "titrate.h"

int
main (int   argc,
      char *argv[])
{
  TitrateDocument *docs[2] = { NULL, NULL };   /* never freed: killed */
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 4)
    {
      fprintf (stderr, "usage: save-stress TARGET DOC_A DOC_B\n");
      return 2;
    }
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (argv[2 + i]);

      if ((docs[i] = titrate_document_load_from_file (file, &error)) == NULL)
        {
          fprintf (stderr, "save-stress: %s: %s\n", argv[2 + i], error->message);
          return 1;
        }
    }
  target = g_file_new_for_path (argv[1]);
  printf ("ready\n");
  fflush (stdout);

  for (guint64 n = 0; ; n++)
    if (!titrate_document_save (docs[n % 2], target, &error))
      {
        fprintf (stderr, "save-stress: %s\n", error->message);
        return 1;
      }
}
