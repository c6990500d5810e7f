/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the lesson store's files, and included from src/records/ only:
 * lgsm-lesson-store.c (the list, the current lesson, the object),
 * lgsm-lesson-store-load.c (reading the lessons, off the main thread) and
 * lgsm-lesson-store-save.c (saving once changes pause, adding, deleting). */

#include "lgsm-lesson-store.h"

G_BEGIN_DECLS

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

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_LOADING,
  PROP_LOADED,
  PROP_HAS_UNSAVED,
  PROP_CURRENT_LESSON,
  N_PROPS
};

/* lgsm-lesson-store.c */
void     lgsm_lesson_store_notify             (LgsmLessonStore *self,
                                               guint            prop_id);
Entry   *lgsm_lesson_store_find_entry         (LgsmLessonStore *self,
                                               LgsmLesson      *lesson,
                                               guint           *position);
Entry   *lgsm_lesson_store_find_key           (LgsmLessonStore *self,
                                               const char      *key,
                                               gboolean         bundled);
int      lgsm_lesson_store_compare_file_names (const char      *a,
                                               const char      *b);
Entry   *lgsm_lesson_store_insert_entry       (LgsmLessonStore *self,
                                               LgsmLesson      *lesson,
                                               GFile           *file,
                                               const char      *key,
                                               gboolean         bundled);
void     lgsm_lesson_store_remove_entry       (LgsmLessonStore *self,
                                               guint            position);
void     lgsm_lesson_store_update_has_unsaved (LgsmLessonStore *self);

/* lgsm-lesson-store-save.c */
void     lgsm_lesson_store_class_add_signals  (GObjectClass    *object_class);
char    *lgsm_lesson_store_new_file_name      (LgsmLessonStore *self);

G_END_DECLS
