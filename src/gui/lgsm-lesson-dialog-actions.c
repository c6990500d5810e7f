/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-handout.h"
#include "lgsm-lesson-dialog-private.h"
#include "lgsm-presentation.h"

/* The lesson dialog's actions (lesson.*): a new lesson, a copy of a
 * ready-made one, deleting; moving and removing a record; presenting,
 * printing a handout, exporting and importing a file; and, when a save
 * failed, trying again or saving elsewhere. */

/* ---- lessons and their records ------------------------------------------ */

static void
add_lesson (LgsmLessonDialog *self,
            LgsmLesson       *lesson)
{
  g_autoptr(GError) error = NULL;

  if (!lgsm_lesson_store_add (self->store, lesson, &error))
    {
      lgsm_lesson_dialog_say (self, error->message);
      return;
    }
  lgsm_lesson_dialog_select (self, lesson);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  /* Translators: the name a new lesson path has until the teacher names it */
  g_autoptr(LgsmLesson) lesson = lgsm_lesson_new (_("New lesson"));
  add_lesson (LGSM_LESSON_DIALOG (widget), lesson);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  g_autoptr(LgsmLesson) copy = NULL;
  g_autofree char *name = NULL;

  if (self->lesson == NULL)
    return;
  /* Translators: the name of a teacher's copy of a ready-made lesson */
  name = g_strdup_printf (_("%s (my copy)"), lgsm_lesson_get_name (self->lesson));
  copy = lgsm_lesson_new (name);
  for (guint i = 0; i < lgsm_lesson_get_n_items (self->lesson); i++)
    lgsm_lesson_append (copy, lgsm_lesson_get_id (self->lesson, i));
  add_lesson (self, copy);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!lgsm_lesson_dialog_editable (self))
    return;
  if (!lgsm_lesson_store_remove (self->store, self->lesson, &error))
    lgsm_lesson_dialog_say (self, error->message);
}

static void
move_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  guint index;
  int delta;

  g_variant_get (parameter, "(ui)", &index, &delta);
  if (lgsm_lesson_dialog_editable (self) && index < lgsm_lesson_get_n_items (self->lesson))
    lgsm_lesson_move (self->lesson, index, delta);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (lgsm_lesson_dialog_editable (self) && index < lgsm_lesson_get_n_items (self->lesson))
    lgsm_lesson_remove (self->lesson, index);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  g_autoptr(GListModel) slides = NULL;
  LgsmPresentation *presentation;
  guint missing = 0;

  if (self->lesson == NULL)
    return;
  slides = lgsm_lesson_resolve (self->lesson, self->exhibition, &missing);
  if (missing > 0)
    {
      /* Translators: after opening a lesson path made with other records (a curator's folder): the
         records it names that are missing here */
      g_autofree char *message = g_strdup_printf (ngettext ("%u record of this lesson is not in these records and is left out",
                                                            "%u records of this lesson are not in these records and are left out",
                                                            missing), missing);
      lgsm_lesson_dialog_say (self, message);
    }
  if (g_list_model_get_n_items (slides) == 0)
    return;
  presentation = lgsm_presentation_new (gtk_window_get_application (GTK_WINDOW (self)), self->context,
                                        slides, lgsm_lesson_get_name (self->lesson));
  lgsm_presentation_start (presentation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  g_autoptr(GListModel) records = NULL;

  if (self->lesson == NULL)
    return;
  records = lgsm_lesson_resolve (self->lesson, self->exhibition, NULL);
  lgsm_handout_print (GTK_WINDOW (self), lgsm_lesson_get_name (self->lesson), records);
}

/* ---- files ------------------------------------------------------------------ */

static GtkFileChooserNative *
save_chooser_new (LgsmLessonDialog *self,
                  const char       *title,
                  const char       *accept,
                  GCallback         on_response)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, accept, _("_Cancel"));
  g_autofree char *safe = lgsm_lesson_safe_file_name (lgsm_lesson_get_name (self->lesson));
  g_autofree char *name = g_strdup_printf ("%s.json", safe);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", on_response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return chooser;
}

static void
on_export_response (GtkNativeDialog  *chooser,
                    int               response,
                    LgsmLessonDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->lesson)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!lgsm_lesson_save_file (self->lesson, file, &error))
        lgsm_lesson_dialog_say (self, error->message);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);

  if (self->lesson == NULL)
    return;
  /* Translators: title of the file chooser that saves a lesson path as a file to share; then its
     button */
  save_chooser_new (self, _("Export Lesson"), _("_Export"), G_CALLBACK (on_export_response));
}

static void
on_import_response (GtkNativeDialog  *chooser,
                    int               response,
                    LgsmLessonDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autoptr(LgsmLesson) lesson = lgsm_lesson_load_file (file, &error);

      if (lesson)
        add_lesson (self, lesson);
      else
        lgsm_lesson_dialog_say (self, error->message);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser =
    /* Translators: title of the file chooser that reads a lesson path from a file */
    gtk_file_chooser_native_new (_("Import Lesson"), GTK_WINDOW (widget),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));

  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- when a save failed --------------------------------------------------- */

/* Try Again: save what is waiting now. */
static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (lgsm_lesson_store_flush (self->store, &error))
    lgsm_lesson_dialog_show_save_error (self, NULL);
  else
    lgsm_lesson_dialog_show_save_error (self, error);
}

static void
on_save_elsewhere_response (GtkNativeDialog  *chooser,
                            int               response,
                            LgsmLessonDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->lesson)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (lgsm_lesson_store_save_as (self->store, self->lesson, file, &error))
        lgsm_lesson_dialog_show_save_error (self, NULL);
      else
        lgsm_lesson_dialog_show_save_error (self, error);
    }
  g_object_unref (chooser);
}

/* Save Elsewhere…: the lesson is saved to a file the teacher picks (a USB
 * stick with room), and later changes go there. */
static void
save_elsewhere_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);

  if (self->lesson == NULL)
    return;
  /* Translators: title of the file chooser offered when a lesson path could not be saved in its
     folder (e.g. the disk is full) */
  save_chooser_new (self, _("Save Lesson Elsewhere"), _("_Save"), G_CALLBACK (on_save_elsewhere_response));
}

/* ---- installing them --------------------------------------------------------- */

void
lgsm_lesson_dialog_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "lesson.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "lesson.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "lesson.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "lesson.move-item", "(ui)", move_item_action);
  gtk_widget_class_install_action (widget_class, "lesson.remove-item", "u", remove_item_action);
  gtk_widget_class_install_action (widget_class, "lesson.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "lesson.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "lesson.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "lesson.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "lesson.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "lesson.save-elsewhere", NULL, save_elsewhere_action);
}
