/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "lgsm-lesson.h"
#include "lgsm-save.h"

G_BEGIN_DECLS

/* How long the store waits after the last change before saving (ms) */
#define LGSM_LESSON_STORE_SAVE_DELAY 500

#define LGSM_TYPE_LESSON_STORE (lgsm_lesson_store_get_type ())
G_DECLARE_FINAL_TYPE (LgsmLessonStore, lgsm_lesson_store, LGSM, LESSON_STORE, GObject)

LgsmLessonStore *lgsm_lesson_store_new              (const char          *folder);
char            *lgsm_lesson_store_default_folder   (void);
const char      *lgsm_lesson_store_get_folder       (LgsmLessonStore     *self);

/* reading the folder, off the main thread */
void             lgsm_lesson_store_load_async       (LgsmLessonStore     *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         lgsm_lesson_store_load_finish      (LgsmLessonStore     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
gboolean         lgsm_lesson_store_load             (LgsmLessonStore     *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
gboolean         lgsm_lesson_store_get_loading      (LgsmLessonStore     *self);
gboolean         lgsm_lesson_store_get_loaded       (LgsmLessonStore     *self);
GListModel      *lgsm_lesson_store_get_problems     (LgsmLessonStore     *self);

/* what the list shows about each lesson */
GFile           *lgsm_lesson_store_get_file         (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson);
gboolean         lgsm_lesson_store_is_editable      (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson);
gboolean         lgsm_lesson_store_find             (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson,
                                                     guint               *position);

/* adding and deleting the teacher's lessons */
gboolean         lgsm_lesson_store_add              (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson,
                                                     GError             **error);
gboolean         lgsm_lesson_store_remove           (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson,
                                                     GError             **error);

/* the lesson "Add to Lesson" (Ctrl+D) adds to */
LgsmLesson      *lgsm_lesson_store_get_current      (LgsmLessonStore     *self);
void             lgsm_lesson_store_set_current      (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson);
gboolean         lgsm_lesson_store_toggle           (LgsmLessonStore     *self,
                                                     const char          *id,
                                                     gboolean            *added,
                                                     GError             **error);

/* saving: every change is saved once changes pause */
void             lgsm_lesson_store_schedule_save    (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson);
gboolean         lgsm_lesson_store_flush            (LgsmLessonStore     *self,
                                                     GError             **error);
gboolean         lgsm_lesson_store_save_as          (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson,
                                                     GFile               *file,
                                                     GError             **error);
gboolean         lgsm_lesson_store_get_has_unsaved  (LgsmLessonStore     *self);
gboolean         lgsm_lesson_store_is_unsaved       (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson);
const GError    *lgsm_lesson_store_get_save_error   (LgsmLessonStore     *self,
                                                     LgsmLesson          *lesson);

G_END_DECLS
