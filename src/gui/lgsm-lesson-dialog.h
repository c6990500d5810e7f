/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-lesson.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_LESSON_DIALOG (lgsm_lesson_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LgsmLessonDialog, lgsm_lesson_dialog, LGSM, LESSON_DIALOG, GtkWindow)

LgsmLessonDialog *lgsm_lesson_dialog_new            (GtkWindow        *parent,
                                                     LgsmContext      *context);
LgsmLesson       *lgsm_lesson_dialog_get_lesson     (LgsmLessonDialog *self);
const char       *lgsm_lesson_dialog_get_status     (LgsmLessonDialog *self);

/* Where teachers' lessons are kept: $XDG_DATA_HOME/lgsm-exhibition/lessons */
char             *lgsm_lessons_dir                  (void);
LgsmLesson       *lgsm_lessons_load_current         (GError          **error);
gboolean          lgsm_lessons_add_to_current       (const char       *id,
                                                     GError          **error);

G_END_DECLS
