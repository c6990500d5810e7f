/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lgsm-lesson-store-private.h"
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
 * it elsewhere. Disposing of the store saves what is unsaved.
 *
 * This file holds the list and its entries, the current lesson and the
 * object; lgsm-lesson-store-load.c reads the lessons, and
 * lgsm-lesson-store-save.c writes them. */

static void lgsm_lesson_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LgsmLessonStore, lgsm_lesson_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lgsm_lesson_store_list_model_init))

static GParamSpec *props[N_PROPS];

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

Entry *
lgsm_lesson_store_find_entry (LgsmLessonStore *self,
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

Entry *
lgsm_lesson_store_find_key (LgsmLessonStore *self,
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
int
lgsm_lesson_store_compare_file_names (const char *a,
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
  return lgsm_lesson_store_compare_file_names (a->key, b->key);
}

void
lgsm_lesson_store_update_has_unsaved (LgsmLessonStore *self)
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
Entry *
lgsm_lesson_store_insert_entry (LgsmLessonStore *self,
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

/* Takes the lesson at @position out of the store (its file is gone). */
void
lgsm_lesson_store_remove_entry (LgsmLessonStore *self,
                                guint            position)
{
  Entry *entry = g_ptr_array_index (self->entries, position);
  LgsmLesson *lesson = entry->lesson;

  g_signal_handlers_disconnect_by_func (lesson, on_lesson_changed, self);
  if (self->current == lesson)
    {
      self->current = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CURRENT_LESSON]);
    }
  g_ptr_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  lgsm_lesson_store_update_has_unsaved (self);
}

void
lgsm_lesson_store_notify (LgsmLessonStore *self,
                          guint            prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[prop_id]);
}

static void
on_lesson_changed (LgsmLesson      *lesson,
                   LgsmLessonStore *self)
{
  lgsm_lesson_store_schedule_save (self, lesson);
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
  entry = lgsm_lesson_store_find_entry (self, lesson, NULL);
  return entry ? entry->file : NULL;
}

gboolean
lgsm_lesson_store_is_editable (LgsmLessonStore *self,
                               LgsmLesson      *lesson)
{
  Entry *entry;

  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  entry = lgsm_lesson_store_find_entry (self, lesson, NULL);
  return entry && !entry->bundled;
}

gboolean
lgsm_lesson_store_find (LgsmLessonStore *self,
                        LgsmLesson      *lesson,
                        guint           *position)
{
  g_return_val_if_fail (LGSM_IS_LESSON_STORE (self), FALSE);
  return lgsm_lesson_store_find_entry (self, lesson, position) != NULL;
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
  entry = lgsm_lesson_store_find_key (self, CURRENT_FILE_NAME, FALSE);
  return entry ? entry->lesson : NULL;
}

void
lgsm_lesson_store_set_current (LgsmLessonStore *self,
                               LgsmLesson      *lesson)
{
  Entry *entry;

  g_return_if_fail (LGSM_IS_LESSON_STORE (self));

  entry = lgsm_lesson_store_find_entry (self, lesson, NULL);
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
          lgsm_lesson_store_insert_entry (self, lesson, g_file_new_for_path (path), CURRENT_FILE_NAME, FALSE);
          return lesson;
        }
    }
  if (name == NULL)
    name = lgsm_lesson_store_new_file_name (self);  /* my-lesson.json is there but is not a lesson: left alone */
  /* Translators: the lesson path "Add to Lesson" makes when there is none */
  lesson = lgsm_lesson_new (_("My lesson"));
  lgsm_lesson_store_insert_entry (self, lesson, g_file_new_build_filename (self->folder, name, NULL), name, FALSE);
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
  lgsm_lesson_store_class_add_signals (object_class);
}

static void
lgsm_lesson_store_init (LgsmLessonStore *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->problems = g_list_store_new (LGSM_TYPE_PROBLEM);
}
