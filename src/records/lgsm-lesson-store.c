/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lgsm-lesson-store.h"
#include "lgsm-loader.h"
#include "lgsm-problem.h"

/* The lesson paths a teacher sees: the ready-made ones from the bundle,
 * then the teacher's own, one JSON file each in the lessons folder, in the
 * order of their file names. A GListModel of LgsmLesson, for a list box.
 *
 * Reading happens in a thread, and only regular files named *.json are
 * read: a pipe, a device, a folder or a link there is reported and skipped
 * without ever being opened (lgsm_read_regular_file()), and so is a file
 * over 1 MiB or one that is not a lesson. Each problem is an LgsmProblem
 * whose message is a short sentence in the current language naming the
 * file.
 *
 * Every change to a teacher's lesson (LgsmLesson::changed) is saved once
 * changes pause for LGSM_LESSON_STORE_SAVE_DELAY ms, atomically
 * (lgsm_lesson_save_file()). A save that fails leaves the file as it was
 * and the change in memory: the lesson stays unsaved (has-unsaved,
 * lgsm_lesson_store_get_save_error()), ::save-failed says why, and
 * lgsm_lesson_store_flush() retries or lgsm_lesson_store_save_as() saves
 * it elsewhere. Disposing of the store saves what is unsaved. */

#define CURRENT_FILE_NAME "my-lesson.json"

typedef struct {
  LgsmLesson *lesson;
  GFile      *file;     /* NULL for a ready-made lesson */
  char       *key;      /* the file's (or the resource's) name: the sort order */
  gboolean    bundled;
  gboolean    dirty;    /* changed since it was last written */
  gboolean    refresh;  /* items-changed is due once changes pause */
  GError     *error;    /* why the last save failed */
} Entry;

struct _LgsmLessonStore
{
  GObject     parent_instance;

  char       *folder;
  GPtrArray  *entries;
  GListStore *problems;
  LgsmLesson *current;   /* one of the entries' lessons, or NULL */
  guint       save_id;
  guint       n_loading;
  gboolean    loaded;
  gboolean    has_unsaved;
};

static void lgsm_lesson_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LgsmLessonStore, lgsm_lesson_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lgsm_lesson_store_list_model_init))

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_LOADING,
  PROP_LOADED,
  PROP_HAS_UNSAVED,
  PROP_CURRENT_LESSON,
  N_PROPS
};
static GParamSpec *props[N_PROPS];

enum { SAVED, SAVE_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void on_lesson_changed (LgsmLesson *lesson, LgsmLessonStore *self);

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->lesson);
  g_clear_object (&entry->file);
  g_clear_error (&entry->error);
  g_free (entry->key);
  g_free (entry);
}

/* ---- GListModel ----------------------------------------------------------- */

static GType
store_get_item_type (GListModel *model)
{
  return LGSM_TYPE_LESSON;
}

static guint
store_get_n_items (GListModel *model)
{
  return LGSM_LESSON_STORE (model)->entries->len;
}

static gpointer
store_get_item (GListModel *model,
                guint       position)
{
  LgsmLessonStore *self = LGSM_LESSON_STORE (model);
  Entry *entry;

  if (position >= self->entries->len)
    return NULL;
  entry = g_ptr_array_index (self->entries, position);
  return g_object_ref (entry->lesson);
}

static void
lgsm_lesson_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = store_get_item_type;
  iface->get_n_items = store_get_n_items;
  iface->get_item = store_get_item;
}

/* ---- entries -------------------------------------------------------------- */

static Entry *
find_entry (LgsmLessonStore *self,
            LgsmLesson      *lesson,
            guint           *position)
{
  for (guint i = 0; lesson && i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      if (entry->lesson == lesson)
        {
          if (position)
            *position = i;
          return entry;
        }
    }
  return NULL;
}

static Entry *
find_key (LgsmLessonStore *self,
          const char      *key,
          gboolean         bundled)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      if (entry->bundled == bundled && g_strcmp0 (entry->key, key) == 0)
        return entry;
    }
  return NULL;
}

/* File names in order, ".json" left out: "lesson-…-093000" comes before
 * "lesson-…-093000-1", made in the same second after it. */
static int
compare_file_names (const char *a,
                    const char *b)
{
  gsize la = g_str_has_suffix (a, ".json") ? strlen (a) - 5 : strlen (a);
  gsize lb = g_str_has_suffix (b, ".json") ? strlen (b) - 5 : strlen (b);
  int cmp = memcmp (a, b, MIN (la, lb));

  if (cmp != 0)
    return cmp;
  return la < lb ? -1 : la > lb ? 1 : strcmp (a, b);
}

/* ready-made lessons first, then the teacher's by file name */
static int
compare_entries (const Entry *a,
                 const Entry *b)
{
  if (a->bundled != b->bundled)
    return a->bundled ? -1 : 1;
  return compare_file_names (a->key, b->key);
}

static void
update_has_unsaved (LgsmLessonStore *self)
{
  gboolean unsaved = FALSE;

  for (guint i = 0; i < self->entries->len && !unsaved; i++)
    unsaved = ((Entry *) g_ptr_array_index (self->entries, i))->dirty;
  if (unsaved == self->has_unsaved)
    return;
  self->has_unsaved = unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_HAS_UNSAVED]);
}

/* Takes @lesson and @file; returns the new entry. */
static Entry *
insert_entry (LgsmLessonStore *self,
              LgsmLesson      *lesson,
              GFile           *file,
              const char      *key,
              gboolean         bundled)
{
  Entry *entry = g_new0 (Entry, 1);
  guint position = 0;

  entry->lesson = lesson;
  entry->file = file;
  entry->key = g_strdup (key);
  entry->bundled = bundled;
  while (position < self->entries->len &&
         compare_entries (g_ptr_array_index (self->entries, position), entry) <= 0)
    position++;
  g_ptr_array_insert (self->entries, (int) position, entry);
  g_signal_connect_object (lesson, "changed", G_CALLBACK (on_lesson_changed), self, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  return entry;
}

/* ---- saving --------------------------------------------------------------- */

static void
save_entry (LgsmLessonStore *self,
            LgsmLesson      *lesson,
            GFile           *file,
            gboolean        *ok,
            GError         **first_error)
{
  g_autoptr(GError) error = NULL;
  Entry *entry;

  if (lgsm_lesson_save_file (lesson, file, &error))
    {
      entry = find_entry (self, lesson, NULL);
      if (entry == NULL)
        return;
      entry->dirty = FALSE;
      g_clear_error (&entry->error);
      g_signal_emit (self, signals[SAVED], 0, lesson);
      return;
    }
  *ok = FALSE;
  entry = find_entry (self, lesson, NULL);
  if (entry)
    {
      g_clear_error (&entry->error);
      entry->error = g_error_copy (error);
    }
  g_signal_emit (self, signals[SAVE_FAILED], 0, lesson, error);
  if (first_error && *first_error == NULL)
    *first_error = g_steal_pointer (&error);
}

/* Updates the rows of lessons that changed, then writes every unsaved
 * lesson. Handlers of the signals may change the store, so the work is
 * listed first. */
static gboolean
save_pending (LgsmLessonStore  *self,
              GError          **error)
{
  g_autoptr(GPtrArray) lessons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = TRUE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      if (entry->refresh)
        {
          entry->refresh = FALSE;
          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
        }
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      if (entry->dirty && entry->file)
        {
          g_ptr_array_add (lessons, g_object_ref (entry->lesson));
          g_ptr_array_add (files, g_object_ref (entry->file));
        }
    }
  for (guint i = 0; i < lessons->len; i++)
    save_entry (self, g_ptr_array_index (lessons, i), g_ptr_array_index (files, i), &ok, error);
  update_has_unsaved (self);
  return ok;
}

static gboolean
on_save_timeout (gpointer data)
{
  LgsmLessonStore *self = data;

  self->save_id = 0;
  save_pending (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
restart_timer (LgsmLessonStore *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (LGSM_LESSON_STORE_SAVE_DELAY, on_save_timeout, self);
  g_source_set_name_by_id (self->save_id, "[lgsm] lesson save");
}

static void
on_lesson_changed (LgsmLesson      *lesson,
                   LgsmLessonStore *self)
{
  lgsm_lesson_store_schedule_save (self, lesson);
}

/**
 * lgsm_lesson_store_schedule_save:
 *
 * Marks @lesson as changed: its row is updated and it is written once
 * nothing has changed for %LGSM_LESSON_STORE_SAVE_DELAY ms. Every
 * LgsmLesson::changed of a lesson in the store does this already.
 */
void
lgsm_lesson_store_schedule_save (LgsmLessonStore *self,
                                 LgsmLesson      *lesson)
{
  Entry *entry;

  g_return_if_fail (LGSM_IS_LESSON_STORE (self));
  g_return_if_fail (LGSM_IS_LESSON (lesson));

  entry = find_entry (self, lesson, NULL);
  if (entry == NULL)
    return;
  entry->refresh = TRUE;
  if (entry->file != NULL)
    entry->dirty = TRUE;
  update_has_unsaved (self);
  restart_timer (self);
}

/**
 * lgsm_lesson_store_flush:
 *
 * Saves every unsaved lesson now (closing the dialog, quitting, "Try
 * Again"). Lessons that cannot be saved stay unsaved, and each emits
 * ::save-failed.
 *
 * Returns: %TRUE when nothing is left unsaved; otherwise the first
 *   failure, an %LGSM_LESSON_ERROR naming the lesson
 */
gboolean
lgsm_lesson_store_flush (LgsmLessonStore  *self,
                         GError          **error)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  return save_pending (self, error);
}

/**
 * lgsm_lesson_store_save_as:
 *
 * Saves @lesson to @file ("Save Elsewhere" when its own folder cannot be
 * written to); from then on its changes are saved there. A ready-made
 * lesson is only written out, as an export.
 */
gboolean
lgsm_lesson_store_save_as (LgsmLessonStore  *self,
                           LgsmLesson       *lesson,
                           GFile            *file,
                           GError          **error)
{
  Entry *entry;
  guint position;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  g_return_val_if_fail (LGSM_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!lgsm_lesson_save_file (lesson, file, error))
    return FALSE;
  entry = find_entry (self, lesson, &position);
  if (entry == NULL || entry->bundled)
    return TRUE;
  g_set_object (&entry->file, file);
  entry->dirty = FALSE;
  entry->refresh = FALSE;
  g_clear_error (&entry->error);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  g_signal_emit (self, signals[SAVED], 0, lesson);
  update_has_unsaved (self);
  return TRUE;
}

gboolean
lgsm_lesson_store_get_has_unsaved (LgsmLessonStore *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  return self->has_unsaved;
}

gboolean
lgsm_lesson_store_is_unsaved (LgsmLessonStore *self,
                              LgsmLesson      *lesson)
{
  Entry *entry;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  entry = find_entry (self, lesson, NULL);
  return entry && entry->dirty;
}

/**
 * lgsm_lesson_store_get_save_error:
 *
 * Returns: (nullable) (transfer none): why the last save of @lesson
 *   failed, while it stays unsaved
 */
const GError *
lgsm_lesson_store_get_save_error (LgsmLessonStore *self,
                                  LgsmLesson      *lesson)
{
  Entry *entry;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), NULL);
  entry = find_entry (self, lesson, NULL);
  return entry && entry->dirty ? entry->error : NULL;
}

/* ---- reading -------------------------------------------------------------- */

typedef struct {
  LgsmLesson *lesson;
  char       *key;
  gboolean    bundled;
} Loaded;

typedef struct {
  GPtrArray *loaded;    /* of Loaded */
  GPtrArray *problems;  /* of LgsmProblem */
} LoadResult;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->lesson);
  g_free (loaded->key);
  g_free (loaded);
}

static void
load_result_free (LoadResult *result)
{
  g_ptr_array_unref (result->loaded);
  g_ptr_array_unref (result->problems);
  g_free (result);
}

static void
add_problem (GPtrArray       *problems,
             const char      *file,
             guint            line,
             LgsmRecordError  code,
             const char      *message)
{
  g_ptr_array_add (problems, lgsm_problem_new (file, line, 0, NULL, NULL, code, message));
}

/* A short sentence in the current language for a file that is not a lesson. */
static char *
invalid_message (const char   *display,
                 const GError *error,
                 guint         line)
{
  switch (error->code)
    {
    case LGSM_RECORD_ERROR_UNSUPPORTED_SCHEMA:
      /* Translators: %s is a file name in the lessons folder */
      return g_strdup_printf (_("“%s” could not be read: it is in a format this version of the app does not know"),
                              display);
    case LGSM_RECORD_ERROR_TOO_LARGE:
      /* Translators: %s is a file name in the lessons folder: the file has more records than a
         lesson path may */
      return g_strdup_printf (_("“%s” could not be read: it holds more than a lesson can"), display);
    default:
      if (line > 0)
        /* Translators: %s is a file name in the lessons folder, %u the line where it goes wrong */
        return g_strdup_printf (_("“%s” could not be read: it is not a valid lesson (line %u)"), display, line);
      /* Translators: %s is a file name in the lessons folder: the file is not a lesson path the
         app can read */
      return g_strdup_printf (_("“%s” could not be read: it is not a valid lesson"), display);
    }
}

static void
read_bundled (LoadResult *result)
{
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_PREFIX "lessons/", 0, NULL);

  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX "lessons/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *base = NULL;
      g_autofree char *context = NULL;
      LgsmLesson *lesson;
      Loaded *loaded;

      if (!g_str_has_suffix (names[i], ".json") ||
          (bytes = g_resources_lookup_data (path, 0, NULL)) == NULL)
        continue;
      lesson = lgsm_lesson_load_bytes (bytes, path, &error);
      if (lesson == NULL)
        {
          /* a defect in the bundle, which the tests catch; not the teacher's to see */
          g_warning ("%s", error->message);
          continue;
        }
      /* ready-made lessons are translated like the records (po/records.pot) */
      base = g_strndup (names[i], strlen (names[i]) - strlen (".json"));
      context = g_strdup_printf ("lesson-%s|name", base);
      lgsm_lesson_set_name (lesson, lgsm_pgettext (GETTEXT_PACKAGE, context, lgsm_lesson_get_name (lesson)));
      loaded = g_new0 (Loaded, 1);
      loaded->lesson = lesson;
      loaded->key = g_strdup (names[i]);
      loaded->bundled = TRUE;
      g_ptr_array_add (result->loaded, loaded);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return compare_file_names (*(const char * const *) a, *(const char * const *) b);
}

static void
read_one (LoadResult *result,
          int         dir_fd,
          const char *name)
{
  g_autofree char *display = g_filename_display_name (name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LgsmLesson *lesson;
  Loaded *loaded;
  guint line = 0;

  bytes = lgsm_read_regular_file (dir_fd, name, LGSM_LESSON_MAX_SIZE, LGSM_READ_SKIPPING, &error);
  if (bytes == NULL)
    {
      add_problem (result->problems, display, 0,
                   error->code == LGSM_LESSON_ERROR_TOO_LARGE ? LGSM_RECORD_ERROR_TOO_LARGE : LGSM_RECORD_ERROR_IO,
                   error->message);
      return;
    }
  lesson = lgsm_lesson_load_bytes_full (bytes, display, &line, &error);
  if (lesson == NULL)
    {
      g_autofree char *message = invalid_message (display, error, line);
      add_problem (result->problems, display, line, error->code, message);
      return;
    }
  loaded = g_new0 (Loaded, 1);
  loaded->lesson = lesson;
  loaded->key = g_strdup (name);
  g_ptr_array_add (result->loaded, loaded);
}

static void
read_folder (LoadResult   *result,
             const char   *folder,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *dirent;
  DIR *dir;
  int dir_fd;

  /* O_NONBLOCK: were the folder's name a pipe, opening it must not wait */
  dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK);
  if (dir_fd < 0)
    {
      int errsv = errno;
      g_autofree char *display = NULL;
      g_autofree char *message = NULL;

      if (errsv == ENOENT)  /* no lessons saved yet */
        return;
      display = g_filename_display_name (folder);
      /* Translators: the folder of the teacher's lessons, and why it could not be read */
      message = g_strdup_printf (_("The lessons folder “%s” could not be read: %s"), display,
                                 lgsm_lesson_error_get_reason (lgsm_lesson_error_from_errno (errsv)));
      add_problem (result->problems, display, 0, LGSM_RECORD_ERROR_IO, message);
      return;
    }
  dir = fdopendir (dir_fd);
  if (dir == NULL)
    {
      close (dir_fd);
      return;
    }
  while ((dirent = readdir (dir)) != NULL)
    if (g_str_has_suffix (dirent->d_name, ".json"))
      g_ptr_array_add (names, g_strdup (dirent->d_name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len && !g_cancellable_is_cancelled (cancellable); i++)
    read_one (result, dirfd (dir), g_ptr_array_index (names, i));
  closedir (dir);
}

static LoadResult *
read_all (const char   *folder,
          GCancellable *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) loaded_free);
  result->problems = g_ptr_array_new_with_free_func (g_object_unref);
  read_bundled (result);
  read_folder (result, folder, cancellable);
  return result;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadResult *result = read_all (task_data, cancellable);

  if (g_task_return_error_if_cancelled (task))
    load_result_free (result);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/* Loading never replaces a lesson the store has already (it may have
 * changes not yet saved): it adds the ones it did not have. */
static void
merge (LgsmLessonStore *self,
       LoadResult      *result)
{
  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       result->problems->pdata, result->problems->len);
  for (guint i = 0; i < result->loaded->len; i++)
    {
      Loaded *loaded = g_ptr_array_index (result->loaded, i);

      if (find_key (self, loaded->key, loaded->bundled))
        continue;
      insert_entry (self, g_steal_pointer (&loaded->lesson),
                    loaded->bundled ? NULL : g_file_new_build_filename (self->folder, loaded->key, NULL),
                    loaded->key, loaded->bundled);
    }
}

static void
set_loading (LgsmLessonStore *self,
             gboolean         loading)
{
  gboolean was_loading = self->n_loading > 0;

  if (loading)
    self->n_loading++;
  else
    self->n_loading--;
  if (was_loading != (self->n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

static void
set_loaded (LgsmLessonStore *self)
{
  if (self->loaded)
    return;
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADED]);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *res,
           gpointer      data)
{
  LgsmLessonStore *self = LGSM_LESSON_STORE (source);
  g_autoptr(GTask) outer = data;
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result)
    {
      merge (self, result);
      load_result_free (result);
      set_loaded (self);
    }
  set_loading (self, FALSE);
  if (error)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

/**
 * lgsm_lesson_store_load_async:
 *
 * Reads the ready-made lessons and the lessons folder in a thread, then
 * adds to the store (in the main context) each lesson it does not have
 * yet, and replaces the problems. Files that are not lessons are problems,
 * not errors: the load fails only when cancelled.
 */
void
lgsm_lesson_store_load_async (LgsmLessonStore     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (LGSM_IS_LESSON_STORE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, lgsm_lesson_store_load_async);
  inner = g_task_new (self, cancellable, on_loaded, outer);
  g_task_set_task_data (inner, g_strdup (self->folder), g_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
lgsm_lesson_store_load_finish (LgsmLessonStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lgsm_lesson_store_load:
 *
 * lgsm_lesson_store_load_async(), in the calling thread (tests, the
 * command line): it never blocks on a pipe either.
 */
gboolean
lgsm_lesson_store_load (LgsmLessonStore  *self,
                        GCancellable     *cancellable,
                        GError          **error)
{
  LoadResult *result;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);

  result = read_all (self->folder, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      load_result_free (result);
      return FALSE;
    }
  merge (self, result);
  load_result_free (result);
  set_loaded (self);
  return TRUE;
}

gboolean
lgsm_lesson_store_get_loading (LgsmLessonStore *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  return self->n_loading > 0;
}

gboolean
lgsm_lesson_store_get_loaded (LgsmLessonStore *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  return self->loaded;
}

/**
 * lgsm_lesson_store_get_problems:
 *
 * Returns: (transfer none): the files of the last load that were skipped,
 *   a GListModel of LgsmProblem; lgsm_problem_get_message() is a sentence
 *   in the current language naming the file
 */
GListModel *
lgsm_lesson_store_get_problems (LgsmLessonStore *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/* ---- about each lesson ---------------------------------------------------- */

/**
 * lgsm_lesson_store_get_file:
 *
 * Returns: (nullable) (transfer none): where @lesson is saved; %NULL for a
 *   ready-made lesson
 */
GFile *
lgsm_lesson_store_get_file (LgsmLessonStore *self,
                            LgsmLesson      *lesson)
{
  Entry *entry;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), NULL);
  entry = find_entry (self, lesson, NULL);
  return entry ? entry->file : NULL;
}

gboolean
lgsm_lesson_store_is_editable (LgsmLessonStore *self,
                               LgsmLesson      *lesson)
{
  Entry *entry;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  entry = find_entry (self, lesson, NULL);
  return entry && !entry->bundled;
}

gboolean
lgsm_lesson_store_find (LgsmLessonStore *self,
                        LgsmLesson      *lesson,
                        guint           *position)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  return find_entry (self, lesson, position) != NULL;
}

/* ---- adding and deleting -------------------------------------------------- */

static gboolean
name_is_free (LgsmLessonStore *self,
              const char      *name)
{
  g_autofree char *path = g_build_filename (self->folder, name, NULL);
  struct stat st;

  /* a name that cannot even be looked at (the folder is missing or cannot
   * be read) is taken as free: saving to it then says why it failed */
  return find_key (self, name, FALSE) == NULL && g_lstat (path, &st) != 0;
}

/* lesson-YYYYMMDD-HHMMSS.json: names that sort in the order they were made */
static char *
new_file_name (LgsmLessonStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "lesson-%Y%m%d-%H%M%S");

  for (guint i = 0;; i++)
    {
      char *name = i ? g_strdup_printf ("%s-%u.json", stamp, i) : g_strdup_printf ("%s.json", stamp);
      if (name_is_free (self, name))
        return name;
      g_free (name);
    }
}

/**
 * lgsm_lesson_store_add:
 *
 * Saves @lesson (a new one, a copy of a ready-made one, an imported one)
 * as a new file in the lessons folder and adds it to the store.
 *
 * Returns: %FALSE, and nothing is added, when it cannot be saved
 */
gboolean
lgsm_lesson_store_add (LgsmLessonStore  *self,
                       LgsmLesson       *lesson,
                       GError          **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  g_return_val_if_fail (LGSM_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (find_entry (self, lesson, NULL) == NULL, FALSE);

  name = new_file_name (self);
  file = g_file_new_build_filename (self->folder, name, NULL);
  if (!lgsm_lesson_save_file (lesson, file, error))
    return FALSE;
  insert_entry (self, g_object_ref (lesson), g_steal_pointer (&file), name, FALSE);
  return TRUE;
}

/**
 * lgsm_lesson_store_remove:
 *
 * Deletes a teacher's lesson: its file, and its place in the store.
 */
gboolean
lgsm_lesson_store_remove (LgsmLessonStore  *self,
                          LgsmLesson       *lesson,
                          GError          **error)
{
  Entry *entry;
  guint position;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);

  entry = find_entry (self, lesson, &position);
  g_return_val_if_fail (entry != NULL, FALSE);
  if (entry->bundled)
    {
      g_set_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_READY_MADE,
                   /* Translators: %s is the name of a lesson that comes with the app */
                   _("“%s” comes with the app and cannot be deleted"), lgsm_lesson_get_name (lesson));
      return FALSE;
    }
  if (g_file_peek_path (entry->file) == NULL)  /* saved elsewhere, on a network share */
    {
      g_autoptr(GError) local = NULL;
      if (!g_file_delete (entry->file, NULL, &local) && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          LgsmLessonError code = lgsm_lesson_error_from_gerror (local);
          g_set_error (error, LGSM_LESSON_ERROR, code, _("“%s” was not deleted: %s"),
                       lgsm_lesson_get_name (lesson), lgsm_lesson_error_get_reason (code));
          return FALSE;
        }
    }
  else if (g_unlink (g_file_peek_path (entry->file)) != 0 && errno != ENOENT)
    {
      LgsmLessonError code = lgsm_lesson_error_from_errno (errno);
      g_set_error (error, LGSM_LESSON_ERROR, code,
                   /* Translators: %s is a lesson's name, then why its file could not be deleted */
                   _("“%s” was not deleted: %s"), lgsm_lesson_get_name (lesson), lgsm_lesson_error_get_reason (code));
      return FALSE;
    }
  g_signal_handlers_disconnect_by_func (lesson, on_lesson_changed, self);
  if (self->current == lesson)
    {
      self->current = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CURRENT_LESSON]);
    }
  g_ptr_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  update_has_unsaved (self);
  return TRUE;
}

/* ---- the current lesson --------------------------------------------------- */

/**
 * lgsm_lesson_store_get_current:
 *
 * Returns: (nullable) (transfer none): the lesson "Add to Lesson" adds to:
 *   the one set with lgsm_lesson_store_set_current(), or else the
 *   teacher's "my-lesson.json"; %NULL when there is neither yet
 */
LgsmLesson *
lgsm_lesson_store_get_current (LgsmLessonStore *self)
{
  Entry *entry;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), NULL);

  if (self->current)
    return self->current;
  entry = find_key (self, CURRENT_FILE_NAME, FALSE);
  return entry ? entry->lesson : NULL;
}

void
lgsm_lesson_store_set_current (LgsmLessonStore *self,
                               LgsmLesson      *lesson)
{
  Entry *entry;

  g_return_if_fail (LGSM_IS_LESSON_STORE (self));

  entry = find_entry (self, lesson, NULL);
  g_return_if_fail (lesson == NULL || (entry != NULL && !entry->bundled));
  if (self->current == lesson)
    return;
  self->current = lesson;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CURRENT_LESSON]);
}

/* The current lesson, made when there is none: "my-lesson.json" read now
 * if the folder has not been loaded yet (a pipe there does not block), a
 * new "My lesson" otherwise, never over a file that could not be read. */
static LgsmLesson *
ensure_current (LgsmLessonStore *self)
{
  LgsmLesson *lesson = lgsm_lesson_store_get_current (self);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  struct stat st;

  if (lesson)
    return lesson;
  path = g_build_filename (self->folder, CURRENT_FILE_NAME, NULL);
  if (g_lstat (path, &st) != 0 && errno == ENOENT)
    name = g_strdup (CURRENT_FILE_NAME);
  else if (!self->loaded)
    {
      g_autoptr(GBytes) bytes = lgsm_read_regular_file (AT_FDCWD, path, LGSM_LESSON_MAX_SIZE, 0, NULL);
      lesson = bytes ? lgsm_lesson_load_bytes (bytes, CURRENT_FILE_NAME, NULL) : NULL;
      if (lesson)
        {
          insert_entry (self, lesson, g_file_new_for_path (path), CURRENT_FILE_NAME, FALSE);
          return lesson;
        }
    }
  if (name == NULL)
    name = new_file_name (self);  /* my-lesson.json is there but is not a lesson: left alone */
  /* Translators: the lesson path "Add to Lesson" makes when there is none */
  lesson = lgsm_lesson_new (_("My lesson"));
  insert_entry (self, lesson, g_file_new_build_filename (self->folder, name, NULL), name, FALSE);
  self->current = lesson;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CURRENT_LESSON]);
  return lesson;
}

/**
 * lgsm_lesson_store_toggle:
 * @added: (out) (optional): %TRUE when @id was added, %FALSE when removed
 *
 * Ctrl+D: adds @id to the current lesson, or takes it out when it is
 * there, making "My lesson" when there is no current lesson. The change is
 * saved like any other (lgsm_lesson_store_flush() to save it now).
 */
gboolean
lgsm_lesson_store_toggle (LgsmLessonStore  *self,
                          const char       *id,
                          gboolean         *added,
                          GError          **error)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);

  return lgsm_lesson_toggle (ensure_current (self), id, added, error);
}

/* ---- life cycle ----------------------------------------------------------- */

char *
lgsm_lesson_store_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "lgsm-exhibition", "lessons", NULL);
}

/**
 * lgsm_lesson_store_new:
 * @folder: (nullable): the lessons folder; %NULL for
 *   $XDG_DATA_HOME/lgsm-exhibition/lessons
 *
 * Returns: (transfer full): an empty store; load it with
 *   lgsm_lesson_store_load_async()
 */
LgsmLessonStore *
lgsm_lesson_store_new (const char *folder)
{
  return g_object_new (LGSM_TYPE_LESSON_STORE, "folder", folder, NULL);
}

const char *
lgsm_lesson_store_get_folder (LgsmLessonStore *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), NULL);
  return self->folder;
}

static void
lgsm_lesson_store_dispose (GObject *object)
{
  LgsmLessonStore *self = LGSM_LESSON_STORE (object);

  /* nothing the teacher did is dropped without a word */
  if (self->entries && (self->save_id || self->has_unsaved))
    {
      g_autoptr(GError) error = NULL;
      if (!lgsm_lesson_store_flush (self, &error))
        g_warning ("%s", error->message);
    }
  g_clear_handle_id (&self->save_id, g_source_remove);
  for (guint i = 0; self->entries && i < self->entries->len; i++)
    g_signal_handlers_disconnect_by_func (((Entry *) g_ptr_array_index (self->entries, i))->lesson,
                                          on_lesson_changed, self);
  self->current = NULL;
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (lgsm_lesson_store_parent_class)->dispose (object);
}

static void
lgsm_lesson_store_finalize (GObject *object)
{
  LgsmLessonStore *self = LGSM_LESSON_STORE (object);

  g_free (self->folder);

  G_OBJECT_CLASS (lgsm_lesson_store_parent_class)->finalize (object);
}

static void
lgsm_lesson_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LgsmLessonStore *self = LGSM_LESSON_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loading > 0);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_HAS_UNSAVED:
      g_value_set_boolean (value, self->has_unsaved);
      break;
    case PROP_CURRENT_LESSON:
      g_value_set_object (value, self->entries ? lgsm_lesson_store_get_current (self) : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_lesson_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LgsmLessonStore *self = LGSM_LESSON_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_free (self->folder);
      self->folder = g_value_get_string (value) ? g_value_dup_string (value)
                                                : lgsm_lesson_store_default_folder ();
      break;
    case PROP_CURRENT_LESSON:
      lgsm_lesson_store_set_current (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_lesson_store_class_init (LgsmLessonStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lgsm_lesson_store_dispose;
  object_class->finalize = lgsm_lesson_store_finalize;
  object_class->get_property = lgsm_lesson_store_get_property;
  object_class->set_property = lgsm_lesson_store_set_property;

  props[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  props[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_HAS_UNSAVED] =
    g_param_spec_boolean ("has-unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_CURRENT_LESSON] =
    g_param_spec_object ("current-lesson", NULL, NULL, LGSM_TYPE_LESSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * LgsmLessonStore::saved:
   * @lesson: the lesson now on disk
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LGSM_TYPE_LESSON);
  /**
   * LgsmLessonStore::save-failed:
   * @lesson: the lesson, still unsaved, with its change
   * @error: why, an %LGSM_LESSON_ERROR whose message names the lesson
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, LGSM_TYPE_LESSON, G_TYPE_ERROR);
}

static void
lgsm_lesson_store_init (LgsmLessonStore *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->problems = g_list_store_new (LGSM_TYPE_PROBLEM);
}
