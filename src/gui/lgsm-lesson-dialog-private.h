/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lgsm-lesson-dialog.c (the list of lessons, the selected one,
 * saving, closing) and lgsm-lesson-dialog-actions.c (its lesson.* actions
 * and the file choosers they open). */

#include "lgsm-lesson-dialog.h"
#include "lgsm-lesson-store.h"

G_BEGIN_DECLS

struct _LgsmLessonDialog
{
  GtkWindow        parent_instance;

  LgsmContext     *context;
  LgsmExhibition  *exhibition;
  LgsmLessonStore *store;
  LgsmLesson      *lesson;       /* selected */
  GString         *status;
  char            *save_message;
  gboolean         close_refused;  /* once, while a save fails */

  GtkListBox      *lessons_list;
  GtkEntry        *name_entry;
  GtkListBox      *items_list;
  GtkLabel        *status_label;
  GtkExpander     *skipped_expander;
  GtkLabel        *skipped_label;
  GtkRevealer     *save_revealer;
  GtkLabel        *save_label;
  GtkWidget       *copy_button;
  GtkWidget       *delete_button;
  GtkWidget       *present_button;
  GtkWidget       *print_button;
};

/* lgsm-lesson-dialog.c */
void     lgsm_lesson_dialog_say                (LgsmLessonDialog *self,
                                                const char       *message);
gboolean lgsm_lesson_dialog_editable           (LgsmLessonDialog *self);
void     lgsm_lesson_dialog_show_save_error    (LgsmLessonDialog *self,
                                                const GError     *error);

/* lgsm-lesson-dialog-actions.c */
void     lgsm_lesson_dialog_class_add_actions  (GtkWidgetClass   *widget_class);

G_END_DECLS
