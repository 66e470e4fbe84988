/* titrate-autosave.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Autosave and crash recovery. Each window's session gets one
 * TitrateAutosave: from the first unsaved edit it writes the plan, within
 * TITRATE_AUTOSAVE_DELAY_SECONDS, to
 *
 *   $TITRATE_STATE_DIR/autosave/<id>.titrate     (else
 *   g_get_user_state_dir()/titrate/autosave/<id>.titrate)
 *
 * with titrate_document_save() (atomic: temporary file, fsync, rename), and
 * beside it <id>.json, the original file's URI and the window title, and
 * <id>.lock. The plan is copied on the main thread and written in a worker
 * thread, one write at a time, so that an fsync on a slow disk never stalls
 * typing. A save, a new or opened plan, or an explicit "discard" removes
 * all three. What is left when Titrate ends without saving (a crash, a power
 * cut, SIGKILL) is found by titrate_autosave_find_orphans() on the next start.
 *
 * The lock file carries a flock() held for as long as the plan is
 * autosaved, and the kernel drops it when the process dies, however it dies.
 * So a second running Titrate never offers a plan another one is still
 * editing (that holds across Flatpak sandboxes too, where process ids do
 * not). A window destroyed without a save-or-discard decision keeps its
 * files, and its lock until the process exits: the next start offers them.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "titrate.h"
#include "titrate-autosave.h"

#define SIDECAR_FORMAT TITRATE_SIDECAR_FORMAT

struct _TitrateAutosaveEntry
{
  char      *dir;
  char      *id;
  char      *title;
  GFile     *file;
  GDateTime *modified;
  int        lock_fd;
};

struct _TitrateAutosave
{
  GObject         parent_instance;

  TitrateSession *session;
  char           *dir;
  char           *id;
  int             lock_fd;        /* -1 until the first write */
  guint           timeout_id;
  GError         *error;
  gboolean        writing;        /* a write runs in a worker thread */
  gboolean        write_again;    /* changed meanwhile: write once more */
  gboolean        remove_when_written;
};

G_DEFINE_FINAL_TYPE (TitrateAutosave, titrate_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Locks of plans this process still autosaves for windows that are gone:
 * held until exit so that this process never offers its own plans. */
static GArray *kept_locks;
G_LOCK_DEFINE_STATIC (kept_locks);

/* Helpers */

static char *
file_path (const char *dir,
           const char *id,
           const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
remove_file (const char *dir,
             const char *id,
             const char *suffix)
{
  g_autofree char *path = file_path (dir, id, suffix);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("Autosave: could not remove %s: %s", path, g_strerror (errno));
}

/* Opens and locks <id>.lock; -1 with errno set when it cannot, EWOULDBLOCK
 * when another process (or another window here) holds it. */
static int
take_lock (const char *dir,
           const char *id)
{
  g_autofree char *path = file_path (dir, id, ".lock");
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  int saved;

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    return fd;
  saved = errno;
  close (fd);
  errno = saved;
  return -1;
}

static void
keep_lock_until_exit (int fd)
{
  G_LOCK (kept_locks);
  if (kept_locks == NULL)
    kept_locks = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (kept_locks, fd);
  G_UNLOCK (kept_locks);
}

static void
set_error (TitrateAutosave *self,
           const GError    *error)
{
  if (self->error == NULL && error == NULL)
    return;
  if (self->error != NULL && error != NULL &&
      self->error->domain == error->domain && self->error->code == error->code &&
      g_strcmp0 (self->error->message, error->message) == 0)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static char *
sidecar_data (TitrateAutosave *self,
              gsize           *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  GFile *file = titrate_session_get_file (self->session);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, SIDECAR_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, titrate_session_get_title (self->session));
  json_builder_set_member_name (builder, "uri");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "autosaved");
  json_builder_add_string_value (builder, when);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

/* What one autosave writes, taken from the session on the main thread and
 * written in a worker thread (an fsync on a slow disk must not stall
 * typing). */
typedef struct {
  char            *dir;
  char            *id;
  char            *sidecar;
  gsize            sidecar_length;
  TitrateDocument *doc;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->dir);
  g_free (job->id);
  g_free (job->sidecar);
  g_clear_pointer (&job->doc, titrate_document_free);
  g_free (job);
}

/* Makes the folder and takes the lock (on the main thread: the lock belongs
 * to @self), then copies what is to be written. */
static WriteJob *
write_job_new (TitrateAutosave  *self,
               GError          **error)
{
  WriteJob *job;

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The folder %s could not be made: %s"), self->dir, g_strerror (saved));
      return NULL;
    }
  if (self->lock_fd < 0 && (self->lock_fd = take_lock (self->dir, self->id)) < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The autosave in %s could not be locked: %s"), self->dir, g_strerror (saved));
      return NULL;
    }

  job = g_new0 (WriteJob, 1);
  job->dir = g_strdup (self->dir);
  job->id = g_strdup (self->id);
  job->sidecar = sidecar_data (self, &job->sidecar_length);
  job->doc = titrate_session_dup_document_for_saving (self->session);
  return job;
}

/* Writes the sidecar, then the plan: both atomically, so each is either the
 * previous or the new version. A plan without its sidecar still restores
 * (untitled). Touches nothing but @job: runs in any thread. */
static gboolean
write_job_run (WriteJob  *job,
               GError   **error)
{
  g_autofree char *sidecar_path = file_path (job->dir, job->id, ".json");
  g_autofree char *doc_path = file_path (job->dir, job->id, ".titrate");
  g_autoptr(GFile) file = g_file_new_for_path (doc_path);

  if (!titrate_io_replace_file (sidecar_path, job->sidecar, job->sidecar_length, 0600, error))
    return FALSE;
  return titrate_document_save (job->doc, file, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* At once, on this thread: only when going away. */
static gboolean
write_now (TitrateAutosave  *self,
           GError          **error)
{
  WriteJob *job = write_job_new (self, error);
  gboolean ok;

  if (job == NULL)
    return FALSE;
  ok = write_job_run (job, error);
  write_job_free (job);
  return ok;
}

static void
remove_files_now (TitrateAutosave *self)
{
  if (self->lock_fd < 0)
    return;
  remove_file (self->dir, self->id, ".titrate");
  remove_file (self->dir, self->id, ".json");
  remove_file (self->dir, self->id, ".lock");
  close (self->lock_fd);
  self->lock_fd = -1;
}

/* Saved or discarded. A write still running would bring the files back, so
 * they are removed when it is done. */
static void
remove_files (TitrateAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->write_again = FALSE;
  if (self->writing)
    self->remove_when_written = TRUE;
  else
    remove_files_now (self);
}

static void start_write (TitrateAutosave *self);

static void
on_write_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TitrateAutosave *self = TITRATE_AUTOSAVE (source);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Autosave failed: %s", error->message);

  if (self->remove_when_written)
    {
      self->remove_when_written = FALSE;
      remove_files_now (self);
      set_error (self, NULL);
    }
  else
    set_error (self, error);

  if (self->write_again)
    {
      self->write_again = FALSE;
      start_write (self);
    }
}

/* One write at a time; changes made meanwhile are written right after. */
static void
start_write (TitrateAutosave *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  if (self->session == NULL || !titrate_session_get_dirty (self->session))
    return;
  if (self->writing)
    {
      self->write_again = TRUE;
      return;
    }
  if ((job = write_job_new (self, &error)) == NULL)
    {
      g_debug ("Autosave failed: %s", error->message);
      set_error (self, error);
      return;
    }
  self->writing = TRUE;
  task = g_task_new (self, NULL, on_write_done_cb, NULL);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
autosave_cb (gpointer user_data)
{
  TitrateAutosave *self = user_data;

  self->timeout_id = 0;
  start_write (self);
  return G_SOURCE_REMOVE;
}

/* From the first unsaved change, not from the last: typing without a pause
 * still gets autosaved every few seconds. */
static void
schedule (TitrateAutosave *self)
{
  if (self->timeout_id == 0 && titrate_session_get_dirty (self->session))
    self->timeout_id = g_timeout_add_seconds (TITRATE_AUTOSAVE_DELAY_SECONDS, autosave_cb, self);
}

static gboolean
is_plan_name (const char  *name,
              char       **id)
{
  g_autofree char *base = NULL;

  if (!g_str_has_suffix (name, ".titrate"))
    return FALSE;
  base = g_strndup (name, strlen (name) - strlen (".titrate"));
  if (!g_uuid_string_is_valid (base))
    return FALSE;
  *id = g_steal_pointer (&base);
  return TRUE;
}

/* "<uuid>.suffix" with @suffix one of ours, optionally followed by GLib's
 * ".XXXXXX" temporary-file tail (older versions), or a temporary file of
 * titrate_io_replace_file(), ".<uuid>.suffix.saving-XXXXXX". */
static char *
id_of_file (const char *name,
            gboolean   *is_temporary)
{
  const char *suffixes[] = { ".titrate", ".json", ".lock" };
  g_autofree char *id = NULL;
  const char *rest;

  if (titrate_io_is_temporary_name (name))
    {
      g_autofree char *inner = g_strndup (name + 1, strlen (name) - 1 - strlen (".saving-XXXXXX"));
      gboolean ignored;
      char *found = id_of_file (inner, &ignored);

      *is_temporary = TRUE;
      return found;
    }
  if (strlen (name) < 36)
    return NULL;
  id = g_strndup (name, 36);
  if (!g_uuid_string_is_valid (id))
    return NULL;
  rest = name + 36;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_prefix (rest, suffixes[i]))
      {
        const char *tail = rest + strlen (suffixes[i]);

        if (*tail == '\0')
          *is_temporary = FALSE;
        else if (*tail == '.' && strlen (tail) == 7)
          *is_temporary = TRUE;
        else
          return NULL;
        return g_steal_pointer (&id);
      }
  return NULL;
}

static void
read_sidecar (TitrateAutosaveEntry *entry)
{
  g_autofree char *path = file_path (entry->dir, entry->id, ".json");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  /* Bounded, regular files only, pre-scanned: a broken sidecar costs the
   * title and the original file's name, never the start. */
  if (!titrate_sidecar_read_path (path, &entry->title, &uri, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Autosave: ignoring the sidecar %s: %s", path, error->message);
      return;
    }
  if (uri != NULL)
    entry->file = g_file_new_for_uri (uri);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const TitrateAutosaveEntry *ea = *(TitrateAutosaveEntry **) a;
  const TitrateAutosaveEntry *eb = *(TitrateAutosaveEntry **) b;

  /* Newest first. */
  return g_date_time_compare (eb->modified, ea->modified);
}

/* GObject */

static void
titrate_autosave_dispose (GObject *object)
{
  TitrateAutosave *self = TITRATE_AUTOSAVE (object);

  /* Going away with changes not yet written and no decision taken: write
   * them now rather than lose the last seconds. */
  if (self->timeout_id != 0)
    {
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&self->timeout_id, g_source_remove);
      if (self->session != NULL && titrate_session_get_dirty (self->session) && !write_now (self, &error))
        g_debug ("Autosave failed: %s", error->message);
    }
  if (self->lock_fd >= 0)
    {
      keep_lock_until_exit (self->lock_fd);
      self->lock_fd = -1;
    }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (titrate_autosave_parent_class)->dispose (object);
}

static void
titrate_autosave_finalize (GObject *object)
{
  TitrateAutosave *self = TITRATE_AUTOSAVE (object);

  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (titrate_autosave_parent_class)->finalize (object);
}

static void
titrate_autosave_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TitrateAutosave *self = TITRATE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_autosave_class_init (TitrateAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = titrate_autosave_dispose;
  object_class->finalize = titrate_autosave_finalize;
  object_class->get_property = titrate_autosave_get_property;

  /**
   * TitrateAutosave:error:
   *
   * Why the last autosave failed, or %NULL after one succeeded.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
titrate_autosave_init (TitrateAutosave *self)
{
  self->lock_fd = -1;
  self->dir = titrate_autosave_get_dir ();
  self->id = g_uuid_string_random ();
}

/* Callbacks */

static void
on_session_dirty_cb (TitrateAutosave *self)
{
  if (titrate_session_get_dirty (self->session))
    schedule (self);
  else
    {
      /* Saved, or replaced by a new or opened plan: nothing to recover. */
      remove_files (self);
      set_error (self, NULL);
    }
}

static void
on_session_changed_cb (TitrateAutosave *self)
{
  schedule (self);
}

/* Public API */

/**
 * titrate_autosave_get_dir:
 *
 * Returns: (transfer full): the autosave folder: $TITRATE_STATE_DIR/autosave
 *   when that variable is set (tests), else the user's state folder
 *   (XDG_STATE_HOME, ~/.local/state)/titrate/autosave
 */
char *
titrate_autosave_get_dir (void)
{
  const char *state = g_getenv ("TITRATE_STATE_DIR");

  if (state != NULL && *state != '\0')
    return g_build_filename (state, "autosave", NULL);
  return g_build_filename (g_get_user_state_dir (), "titrate", "autosave", NULL);
}

/**
 * titrate_autosave_new:
 * @session: the session whose unsaved changes are autosaved
 *
 * Returns: (transfer full): a new autosave with a fresh id; it writes
 *   nothing until the session has unsaved changes
 */
TitrateAutosave *
titrate_autosave_new (TitrateSession *session)
{
  TitrateAutosave *self;

  g_return_val_if_fail (TITRATE_IS_SESSION (session), NULL);

  self = g_object_new (TITRATE_TYPE_AUTOSAVE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::dirty", G_CALLBACK (on_session_dirty_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::title", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::file", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  schedule (self);
  return self;
}

const char *
titrate_autosave_get_id (TitrateAutosave *self)
{
  g_return_val_if_fail (TITRATE_IS_AUTOSAVE (self), NULL);

  return self->id;
}

/* (transfer full) (nullable): the autosaved plan's path, or %NULL while
 * nothing is autosaved */
char *
titrate_autosave_dup_path (TitrateAutosave *self)
{
  g_return_val_if_fail (TITRATE_IS_AUTOSAVE (self), NULL);

  if (self->lock_fd < 0)
    return NULL;
  return file_path (self->dir, self->id, ".titrate");
}

const GError *
titrate_autosave_get_error (TitrateAutosave *self)
{
  g_return_val_if_fail (TITRATE_IS_AUTOSAVE (self), NULL);

  return self->error;
}

/**
 * titrate_autosave_discard:
 *
 * The person chose to discard the unsaved changes: the autosave goes too.
 */
void
titrate_autosave_discard (TitrateAutosave *self)
{
  g_return_if_fail (TITRATE_IS_AUTOSAVE (self));

  remove_files (self);
  set_error (self, NULL);
}

/**
 * titrate_autosave_adopt:
 * @entry: a plan just restored into this autosave's session
 *
 * Continues @entry's files and lock, so that the plan stays recoverable
 * until it is saved or discarded. @entry keeps only its description.
 */
void
titrate_autosave_adopt (TitrateAutosave      *self,
                        TitrateAutosaveEntry *entry)
{
  g_return_if_fail (TITRATE_IS_AUTOSAVE (self));
  g_return_if_fail (entry != NULL);
  g_return_if_fail (entry->lock_fd >= 0);
  /* Only into a session with nothing autosaved yet (a new window). */
  g_return_if_fail (!self->writing);

  remove_files (self);
  g_free (self->id);
  self->id = g_strdup (entry->id);
  g_free (self->dir);
  self->dir = g_strdup (entry->dir);
  self->lock_fd = entry->lock_fd;
  entry->lock_fd = -1;
  schedule (self);
}

/* (transfer full) where autosaved plans that could not be restored are
 * kept: <autosave dir>/rejected */
char *
titrate_autosave_get_rejected_dir (void)
{
  g_autofree char *dir = titrate_autosave_get_dir ();

  return g_build_filename (dir, "rejected", NULL);
}

/**
 * titrate_autosave_find_orphans:
 *
 * Lists the plans left autosaved by a Titrate that is no longer running,
 * newest first, each locked until its entry is freed. Also removes what
 * such a Titrate left half-done: a lock or sidecar without its plan, and
 * GLib's temporary files of an interrupted write.
 *
 * Returns: (transfer container) (element-type TitrateAutosaveEntry)
 */
GPtrArray *
titrate_autosave_find_orphans (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) titrate_autosave_entry_free);
  g_autoptr(GHashTable) others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = titrate_autosave_get_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GHashTableIter iter;
  const char *name;
  gpointer key;

  if (listing == NULL)
    return g_steal_pointer (&entries);

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *id = NULL;
      gboolean temporary = FALSE;

      if (is_plan_name (name, &id))
        {
          g_autoptr(TitrateAutosaveEntry) entry = NULL;
          g_autofree char *path = NULL;
          g_autoptr(GFile) file = NULL;
          g_autoptr(GFileInfo) info = NULL;
          int fd = take_lock (dir, id);

          if (fd < 0)
            continue;   /* a running Titrate's plan, or unreadable */

          entry = g_new0 (TitrateAutosaveEntry, 1);
          entry->dir = g_strdup (dir);
          entry->id = g_steal_pointer (&id);
          entry->lock_fd = fd;
          path = file_path (dir, entry->id, ".titrate");
          file = g_file_new_for_path (path);
          info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
          if (info == NULL)
            {
              /* Removed while we looked: its owner saved it just now. */
              remove_file (dir, entry->id, ".lock");
              continue;
            }
          entry->modified = g_file_info_get_modification_date_time (info);
          if (entry->modified == NULL)
            entry->modified = g_date_time_new_now_utc ();
          read_sidecar (entry);
          g_ptr_array_add (entries, g_steal_pointer (&entry));
        }
      else if ((id = id_of_file (name, &temporary)) != NULL)
        {
          /* Remember leftovers; decided once every plan is known. */
          g_hash_table_add (others, g_strdup (name));
        }
    }

  g_hash_table_iter_init (&iter, others);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *other = key;
      gboolean temporary = FALSE;
      g_autofree char *id = id_of_file (other, &temporary);
      g_autofree char *plan = file_path (dir, id, ".titrate");
      g_autofree char *path = g_build_filename (dir, other, NULL);
      gboolean listed = FALSE;
      int fd;

      for (guint i = 0; i < entries->len && !listed; i++)
        listed = g_strcmp0 (((TitrateAutosaveEntry *) g_ptr_array_index (entries, i))->id, id) == 0;

      if (listed)
        {
          /* Its owner died: a temporary file is an interrupted write (the
           * plan itself is whole: the old or the new version). */
          if (temporary)
            g_unlink (path);
          continue;
        }
      /* Anything of a plan that a running Titrate holds is left alone: it
       * may be writing that temporary file right now. */
      if (g_file_test (plan, G_FILE_TEST_EXISTS) || (fd = take_lock (dir, id)) < 0)
        continue;
      /* A sidecar, lock or temporary file whose plan is gone, and whose
       * owner is gone: remove it, and the lock file we hold. */
      g_debug ("Autosave: removing leftover %s", path);
      g_unlink (path);
      remove_file (dir, id, ".lock");
      close (fd);
    }

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

const char *
titrate_autosave_entry_get_id (const TitrateAutosaveEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->id;
}

/* (nullable) the window title it had, NULL when its sidecar is lost */
const char *
titrate_autosave_entry_get_title (const TitrateAutosaveEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->title;
}

/* (transfer none) (nullable) the file it was opened from or saved to */
GFile *
titrate_autosave_entry_get_file (const TitrateAutosaveEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->file;
}

/* (transfer none) when it was last autosaved */
GDateTime *
titrate_autosave_entry_get_modified (const TitrateAutosaveEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->modified;
}

/* (transfer full) the autosaved plan's bytes */
GBytes *
titrate_autosave_entry_load (const TitrateAutosaveEntry  *entry,
                             GError                     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (entry != NULL, NULL);

  path = file_path (entry->dir, entry->id, ".titrate");
  /* Autosave writes regular files only: a link (to a device, say), a FIFO
   * or a huge file is refused at once, never waited on. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("The autosaved plan is a link, not a file Titrate wrote."));
      return NULL;
    }
  if (!titrate_io_read_path (path, TITRATE_IO_MAX_DOCUMENT_BYTES, &data, &length, error))
    {
      g_prefix_error (error, _("The autosaved plan could not be read: "));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* The person chose not to restore it: its files go. */
void
titrate_autosave_entry_delete (TitrateAutosaveEntry *entry)
{
  g_return_if_fail (entry != NULL);

  remove_file (entry->dir, entry->id, ".titrate");
  remove_file (entry->dir, entry->id, ".json");
  if (entry->lock_fd >= 0)
    {
      remove_file (entry->dir, entry->id, ".lock");
      close (entry->lock_fd);
      entry->lock_fd = -1;
    }
}

/* It could not be read: moved to the folder rejected/ beside the autosaves
 * (kept for inspection, never offered again). */
void
titrate_autosave_entry_set_aside (TitrateAutosaveEntry *entry)
{
  g_autofree char *path = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *name = NULL;
  g_autofree char *aside = NULL;

  g_return_if_fail (entry != NULL);

  path = file_path (entry->dir, entry->id, ".titrate");
  rejected = titrate_autosave_get_rejected_dir ();
  name = g_strconcat (entry->id, ".titrate", NULL);
  aside = g_build_filename (rejected, name, NULL);
  if (g_mkdir_with_parents (rejected, 0700) != 0 || g_rename (path, aside) != 0)
    {
      /* Never offered again either way: what cannot be kept aside goes. */
      g_debug ("Autosave: could not set %s aside: %s; removing it", path, g_strerror (errno));
      g_unlink (path);
    }
  remove_file (entry->dir, entry->id, ".json");
  if (entry->lock_fd >= 0)
    {
      remove_file (entry->dir, entry->id, ".lock");
      close (entry->lock_fd);
      entry->lock_fd = -1;
    }
}

/* Frees @entry and lets go of its lock; its files stay. */
void
titrate_autosave_entry_free (TitrateAutosaveEntry *entry)
{
  if (entry == NULL)
    return;
  if (entry->lock_fd >= 0)
    close (entry->lock_fd);
  g_free (entry->dir);
  g_free (entry->id);
  g_free (entry->title);
  g_clear_object (&entry->file);
  g_clear_pointer (&entry->modified, g_date_time_unref);
  g_free (entry);
}
