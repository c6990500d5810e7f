/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "lgsm-lesson-store-private.h"

/* Writing the teacher's lessons: every change saved once changes pause
 * for LGSM_LESSON_STORE_SAVE_DELAY ms, atomically; what is left unsaved
 * and why; "Save Elsewhere"; adding a lesson as a new file and deleting
 * one; the ::saved and ::save-failed signals. */

enum { SAVED, SAVE_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

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
      entry = lgsm_lesson_store_find_entry (self, lesson, NULL);
      if (entry == NULL)
        return;
      entry->dirty = FALSE;
      g_clear_error (&entry->error);
      g_signal_emit (self, signals[SAVED], 0, lesson);
      return;
    }
  *ok = FALSE;
  entry = lgsm_lesson_store_find_entry (self, lesson, NULL);
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
  lgsm_lesson_store_update_has_unsaved (self);
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

  entry = lgsm_lesson_store_find_entry (self, lesson, NULL);
  if (entry == NULL)
    return;
  entry->refresh = TRUE;
  if (entry->file != NULL)
    entry->dirty = TRUE;
  lgsm_lesson_store_update_has_unsaved (self);
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
  entry = lgsm_lesson_store_find_entry (self, lesson, &position);
  if (entry == NULL || entry->bundled)
    return TRUE;
  g_set_object (&entry->file, file);
  entry->dirty = FALSE;
  entry->refresh = FALSE;
  g_clear_error (&entry->error);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  g_signal_emit (self, signals[SAVED], 0, lesson);
  lgsm_lesson_store_update_has_unsaved (self);
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
  entry = lgsm_lesson_store_find_entry (self, lesson, NULL);
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
  entry = lgsm_lesson_store_find_entry (self, lesson, NULL);
  return entry && entry->dirty ? entry->error : NULL;
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
  return lgsm_lesson_store_find_key (self, name, FALSE) == NULL && g_lstat (path, &st) != 0;
}

/* lesson-YYYYMMDD-HHMMSS.json: names that sort in the order they were made */
char *
lgsm_lesson_store_new_file_name (LgsmLessonStore *self)
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
  g_return_val_if_fail (lgsm_lesson_store_find_entry (self, lesson, NULL) == NULL, FALSE);

  name = lgsm_lesson_store_new_file_name (self);
  file = g_file_new_build_filename (self->folder, name, NULL);
  if (!lgsm_lesson_save_file (lesson, file, error))
    return FALSE;
  lgsm_lesson_store_insert_entry (self, g_object_ref (lesson), g_steal_pointer (&file), name, FALSE);
  return TRUE;
}

/* Deletes the file of @entry, a teacher's lesson; one already gone is no
 * failure. */
static gboolean
delete_file (Entry   *entry,
             GError **error)
{
  LgsmLesson *lesson = entry->lesson;

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

  entry = lgsm_lesson_store_find_entry (self, lesson, &position);
  g_return_val_if_fail (entry != NULL, FALSE);
  if (entry->bundled)
    {
      g_set_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_READY_MADE,
                   /* Translators: %s is the name of a lesson that comes with the app */
                   _("“%s” comes with the app and cannot be deleted"), lgsm_lesson_get_name (lesson));
      return FALSE;
    }
  if (!delete_file (entry, error))
    return FALSE;
  lgsm_lesson_store_remove_entry (self, position);
  return TRUE;
}

/* ---- signals -------------------------------------------------------------- */

void
lgsm_lesson_store_class_add_signals (GObjectClass *object_class)
{
  GType type = G_TYPE_FROM_CLASS (object_class);

  /**
   * LgsmLessonStore::saved:
   * @lesson: the lesson now on disk
   */
  signals[SAVED] = g_signal_new ("saved", type, G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LGSM_TYPE_LESSON);
  /**
   * LgsmLessonStore::save-failed:
   * @lesson: the lesson, still unsaved, with its change
   * @error: why, an %LGSM_LESSON_ERROR whose message names the lesson
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", type, G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, LGSM_TYPE_LESSON, G_TYPE_ERROR);
}
