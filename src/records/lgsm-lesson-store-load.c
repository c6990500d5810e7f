/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "lgsm-lesson-store-private.h"
#include "lgsm-loader.h"
#include "lgsm-problem.h"

/* Reading the lessons: the ready-made ones from the bundle, then the
 * teacher's, one JSON file each in the lessons folder, in a thread (or in
 * the calling thread for lgsm_lesson_store_load()). Only regular files
 * named *.json are read: a pipe, a device, a folder or a link there is
 * reported and skipped without ever being opened, and so is a file over
 * 1 MiB or one that is not a lesson. What was read is then merged into the
 * store in the main context. */

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
  return lgsm_lesson_store_compare_file_names (*(const char * const *) a, *(const char * const *) b);
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

/* ---- into the store, in the main context ---------------------------------- */

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

      if (lgsm_lesson_store_find_key (self, loaded->key, loaded->bundled))
        continue;
      lgsm_lesson_store_insert_entry (self, g_steal_pointer (&loaded->lesson),
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
    lgsm_lesson_store_notify (self, PROP_LOADING);
}

static void
set_loaded (LgsmLessonStore *self)
{
  if (self->loaded)
    return;
  self->loaded = TRUE;
  lgsm_lesson_store_notify (self, PROP_LOADED);
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
