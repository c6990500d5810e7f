/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-lesson.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_LESSON_DIALOG (lgsm_lesson_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LgsmLessonDialog, lgsm_lesson_dialog, LGSM, LESSON_DIALOG, GtkWindow)

LgsmLessonDialog *lgsm_lesson_dialog_new        (GtkWindow        *parent,
                                                 LgsmContext      *context);
LgsmLesson       *lgsm_lesson_dialog_get_lesson (LgsmLessonDialog *self);
void              lgsm_lesson_dialog_select     (LgsmLessonDialog *self,
                                                 LgsmLesson       *lesson);
const char       *lgsm_lesson_dialog_get_status (LgsmLessonDialog *self);
const char       *lgsm_lesson_dialog_get_save_message (LgsmLessonDialog *self);

G_END_DECLS
