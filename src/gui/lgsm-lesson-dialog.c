/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lgsm-context.h"
#include "lgsm-handout.h"
#include "lgsm-loader.h"
#include "lgsm-lesson-dialog.h"
#include "lgsm-presentation.h"

/* Lesson paths: the ready-made ones from the bundle and the teacher's own,
 * saved in the user's data folder. A teacher names a path, orders its
 * records, presents it, prints it as a handout, or exports it to a file
 * to share; a file that cannot be read is reported and left alone. */

typedef struct {
  LgsmLesson *lesson;
  GFile      *file;     /* NULL for a ready-made lesson */
} Entry;

struct _LgsmLessonDialog
{
  GtkWindow       parent_instance;

  LgsmContext    *context;
  LgsmExhibition *exhibition;
  GPtrArray      *entries;
  guint           selected;
  GString        *status;

  GtkListBox     *lessons_list;
  GtkEntry       *name_entry;
  GtkListBox     *items_list;
  GtkLabel       *status_label;
  GtkWidget      *copy_button;
  GtkWidget      *delete_button;
  GtkWidget      *present_button;
  GtkWidget      *print_button;
};

G_DEFINE_FINAL_TYPE (LgsmLessonDialog, lgsm_lesson_dialog, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT };

static char *current_name;  /* the file "Add to lesson" adds to */

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->lesson);
  g_clear_object (&entry->file);
  g_free (entry);
}

char *
lgsm_lessons_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "lgsm-exhibition", "lessons", NULL);
}

static GFile *
current_file (void)
{
  g_autofree char *dir = lgsm_lessons_dir ();
  return g_file_new_build_filename (dir, current_name ? current_name : "my-lesson.json", NULL);
}

/* The lesson "Add to lesson" adds to; a new "My lesson" if there is none. */
LgsmLesson *
lgsm_lessons_load_current (GError **error)
{
  g_autoptr(GFile) file = current_file ();

  if (!g_file_query_exists (file, NULL))
    return lgsm_lesson_new (_("My lesson"));
  return lgsm_lesson_load_file (file, error);
}

gboolean
lgsm_lessons_add_to_current (const char  *id,
                             GError     **error)
{
  g_autoptr(LgsmLesson) lesson = lgsm_lessons_load_current (error);
  g_autoptr(GFile) file = current_file ();

  if (lesson == NULL)
    return FALSE;
  if (lgsm_lesson_get_n_items (lesson) >= LGSM_LESSON_MAX_RECORDS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The lesson path is full: it holds at most %d records"), LGSM_LESSON_MAX_RECORDS);
      return FALSE;
    }
  lgsm_lesson_append (lesson, id);
  return lgsm_lesson_save_file (lesson, file, error);
}

static Entry *
selected_entry (LgsmLessonDialog *self)
{
  return self->selected < self->entries->len ? g_ptr_array_index (self->entries, self->selected) : NULL;
}

LgsmLesson *
lgsm_lesson_dialog_get_lesson (LgsmLessonDialog *self)
{
  Entry *entry;

  g_return_val_if_fail (LGSM_IS_LESSON_DIALOG (self), NULL);
  entry = selected_entry (self);
  return entry ? entry->lesson : NULL;
}

const char *
lgsm_lesson_dialog_get_status (LgsmLessonDialog *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_DIALOG (self), NULL);
  return self->status->str;
}

static void
say (LgsmLessonDialog *self,
     const char       *message)
{
  if (self->status->len)
    g_string_append_c (self->status, '\n');
  g_string_append (self->status, message);
  gtk_label_set_text (self->status_label, self->status->str);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

static void
save_selected (LgsmLessonDialog *self)
{
  Entry *entry = selected_entry (self);
  g_autoptr(GError) error = NULL;

  if (entry == NULL || entry->file == NULL)
    return;
  if (!lgsm_lesson_save_file (entry->lesson, entry->file, &error))
    say (self, error->message);
}

/* ---- the list of lessons ------------------------------------------------ */

static void
load_bundled (LgsmLessonDialog *self)
{
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_PREFIX "lessons/", 0, NULL);

  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX "lessons/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) error = NULL;
      Entry *entry;

      if (bytes == NULL || !g_str_has_suffix (names[i], ".json"))
        continue;
      entry = g_new0 (Entry, 1);
      entry->lesson = lgsm_lesson_load_bytes (bytes, path, &error);
      if (entry->lesson == NULL)
        {
          say (self, error->message);
          entry_free (entry);
          continue;
        }
      {
        /* ready-made lessons are translated like the records (po/records.pot) */
        g_autofree char *base = g_strndup (names[i], strlen (names[i]) - strlen (".json"));
        g_autofree char *context = g_strdup_printf ("lesson-%s|name", base);
        lgsm_lesson_set_name (entry->lesson, lgsm_pgettext (GETTEXT_PACKAGE, context, lgsm_lesson_get_name (entry->lesson)));
      }
      g_ptr_array_add (self->entries, entry);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
load_saved (LgsmLessonDialog *self)
{
  g_autofree char *dir_path = lgsm_lessons_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GError) error = NULL;
      Entry *entry = g_new0 (Entry, 1);

      entry->file = g_file_new_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      entry->lesson = lgsm_lesson_load_file (entry->file, &error);
      if (entry->lesson == NULL)
        {
          /* a corrupt file is reported, not fatal, and not overwritten */
          g_autofree char *message = g_strdup_printf (_("A lesson could not be read and is left as it is: %s"),
                                                      error->message);
          say (self, message);
          entry_free (entry);
          continue;
        }
      g_ptr_array_add (self->entries, entry);
    }
}

static GtkWidget *
lesson_row_new (Entry *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (lgsm_lesson_get_name (entry->lesson));
  g_autofree char *count = g_strdup_printf (ngettext ("%u record", "%u records", lgsm_lesson_get_n_items (entry->lesson)),
                                            lgsm_lesson_get_n_items (entry->lesson));
  g_autofree char *detail = entry->file ? g_strdup (count)
                                        /* Translators: a lesson that comes with the app, and its size */
                                        : g_strdup_printf (_("Ready-made · %s"), count);
  GtkWidget *sub = gtk_label_new (detail);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void show_selected (LgsmLessonDialog *self);

static void
rebuild_lessons (LgsmLessonDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lessons_list))) != NULL)
    gtk_list_box_remove (self->lessons_list, child);
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->lessons_list, lesson_row_new (g_ptr_array_index (self->entries, i)));
  if (self->entries->len > 0)
    gtk_list_box_select_row (self->lessons_list,
                             gtk_list_box_get_row_at_index (self->lessons_list, (int) MIN (self->selected, self->entries->len - 1)));
  show_selected (self);
}

static void
reload (LgsmLessonDialog *self)
{
  g_ptr_array_set_size (self->entries, 0);
  load_bundled (self);
  load_saved (self);
  rebuild_lessons (self);
}

/* ---- the selected lesson ------------------------------------------------ */

static void
on_item_button (GtkButton        *button,
                LgsmLessonDialog *self)
{
  Entry *entry = selected_entry (self);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  if (entry == NULL || entry->file == NULL)
    return;
  if (delta == 0)
    lgsm_lesson_remove (entry->lesson, index);
  else
    lgsm_lesson_move (entry->lesson, index, delta);
  save_selected (self);
  rebuild_lessons (self);
}

static GtkWidget *
item_button_new (LgsmLessonDialog *self,
                 const char       *icon,
                 const char       *tooltip,
                 guint             index,
                 int               delta,
                 gboolean          sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (on_item_button), self);
  return button;
}

static GtkWidget *
item_row_new (LgsmLessonDialog *self,
              Entry            *entry,
              guint             index)
{
  const char *id = lgsm_lesson_get_id (entry->lesson, index);
  LgsmRecord *record = lgsm_exhibition_lookup (self->exhibition, id);
  guint n = lgsm_lesson_get_n_items (entry->lesson);
  gboolean editable = entry->file != NULL;
  g_autofree char *text = record
    ? g_strdup_printf ("%u. %s", index + 1, lgsm_record_get_title (record))
    /* Translators: a lesson names a record this exhibition does not have */
    : g_strdup_printf (_("%u. (no record “%s” in these records)"), index + 1, id);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (record == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), item_button_new (self, "go-up-symbolic", _("Move Up"), index, -1, editable && index > 0));
  gtk_box_append (GTK_BOX (box), item_button_new (self, "go-down-symbolic", _("Move Down"), index, 1, editable && index + 1 < n));
  gtk_box_append (GTK_BOX (box), item_button_new (self, "list-remove-symbolic", _("Remove From Lesson"), index, 0, editable));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

static void
show_selected (LgsmLessonDialog *self)
{
  Entry *entry = selected_entry (self);
  GtkWidget *child;
  gboolean editable = entry && entry->file;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);

  g_signal_handlers_block_matched (self->name_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), entry ? lgsm_lesson_get_name (entry->lesson) : "");
  g_signal_handlers_unblock_matched (self->name_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_entry), editable);

  for (guint i = 0; entry && i < lgsm_lesson_get_n_items (entry->lesson); i++)
    gtk_list_box_append (self->items_list, item_row_new (self, entry, i));

  gtk_widget_set_visible (self->copy_button, entry && !editable);
  gtk_widget_set_sensitive (self->delete_button, editable);
  gtk_widget_set_sensitive (self->present_button, entry && lgsm_lesson_get_n_items (entry->lesson) > 0);
  gtk_widget_set_sensitive (self->print_button, entry && lgsm_lesson_get_n_items (entry->lesson) > 0);
  if (editable)
    {
      g_free (current_name);
      current_name = g_file_get_basename (entry->file);
    }
}

static void
on_lesson_selected (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    LgsmLessonDialog *self)
{
  if (row == NULL)
    return;
  if (self->selected == (guint) gtk_list_box_row_get_index (row) && gtk_widget_get_first_child (GTK_WIDGET (self->items_list)))
    return;
  self->selected = (guint) gtk_list_box_row_get_index (row);
  show_selected (self);
}

static void
on_name_changed (GtkEditable      *editable,
                 LgsmLessonDialog *self)
{
  Entry *entry = selected_entry (self);
  const char *name = gtk_editable_get_text (editable);

  if (entry == NULL || entry->file == NULL || *name == '\0')
    return;
  lgsm_lesson_set_name (entry->lesson, name);
  save_selected (self);
}

/* ---- actions -------------------------------------------------------------- */

static GFile *
new_lesson_file (void)
{
  g_autofree char *dir = lgsm_lessons_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "lesson-%Y%m%d-%H%M%S");

  for (guint i = 0;; i++)
    {
      g_autofree char *name = i ? g_strdup_printf ("%s-%u.json", stamp, i) : g_strdup_printf ("%s.json", stamp);
      GFile *file = g_file_new_build_filename (dir, name, NULL);
      if (!g_file_query_exists (file, NULL))
        return file;
      g_object_unref (file);
    }
}

static void
add_saved (LgsmLessonDialog *self,
           LgsmLesson       *lesson)
{
  g_autoptr(GFile) file = new_lesson_file ();
  g_autoptr(GError) error = NULL;

  if (!lgsm_lesson_save_file (lesson, file, &error))
    {
      say (self, error->message);
      return;
    }
  reload (self);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      if (entry->file && g_file_equal (entry->file, file))
        {
          self->selected = i;
          gtk_list_box_select_row (self->lessons_list, gtk_list_box_get_row_at_index (self->lessons_list, (int) i));
          show_selected (self);
        }
    }
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_autoptr(LgsmLesson) lesson = lgsm_lesson_new (_("New lesson"));
  add_saved (LGSM_LESSON_DIALOG (widget), lesson);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  Entry *entry = selected_entry (self);
  g_autoptr(LgsmLesson) copy = NULL;
  g_autofree char *name = NULL;

  if (entry == NULL)
    return;
  /* Translators: the name of a teacher's copy of a ready-made lesson */
  name = g_strdup_printf (_("%s (my copy)"), lgsm_lesson_get_name (entry->lesson));
  copy = lgsm_lesson_new (name);
  for (guint i = 0; i < lgsm_lesson_get_n_items (entry->lesson); i++)
    lgsm_lesson_append (copy, lgsm_lesson_get_id (entry->lesson, i));
  add_saved (self, copy);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  Entry *entry = selected_entry (self);
  g_autoptr(GError) error = NULL;

  if (entry == NULL || entry->file == NULL)
    return;
  if (!g_file_delete (entry->file, NULL, &error))
    say (self, error->message);
  self->selected = 0;
  reload (self);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  Entry *entry = selected_entry (self);
  g_autoptr(GListModel) slides = NULL;
  LgsmPresentation *presentation;
  guint missing = 0;

  if (entry == NULL)
    return;
  slides = lgsm_lesson_resolve (entry->lesson, self->exhibition, &missing);
  if (missing > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u record of this lesson is not in these records and is left out",
                                                            "%u records of this lesson are not in these records and are left out",
                                                            missing), missing);
      say (self, message);
    }
  if (g_list_model_get_n_items (slides) == 0)
    return;
  presentation = lgsm_presentation_new (gtk_window_get_application (GTK_WINDOW (self)), self->context,
                                        slides, lgsm_lesson_get_name (entry->lesson));
  lgsm_presentation_start (presentation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  Entry *entry = selected_entry (self);
  g_autoptr(GListModel) records = NULL;

  if (entry == NULL)
    return;
  records = lgsm_lesson_resolve (entry->lesson, self->exhibition, NULL);
  lgsm_handout_print (GTK_WINDOW (self), lgsm_lesson_get_name (entry->lesson), records);
}

static void
on_export_response (GtkNativeDialog  *chooser,
                    int               response,
                    LgsmLessonDialog *self)
{
  Entry *entry = selected_entry (self);
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && entry)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!lgsm_lesson_save_file (entry->lesson, file, &error))
        say (self, error->message);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (widget);
  Entry *entry = selected_entry (self);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (entry == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Lesson"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.json", lgsm_lesson_get_name (entry->lesson));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
        add_saved (self, lesson);
      else
        say (self, error->message);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Import Lesson"), GTK_WINDOW (widget),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));

  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- life cycle ----------------------------------------------------------- */

static void
lgsm_lesson_dialog_dispose (GObject *object)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_LESSON_DIALOG);
  g_clear_object (&self->exhibition);
  g_clear_object (&self->context);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (lgsm_lesson_dialog_parent_class)->dispose (object);
}

static void
lgsm_lesson_dialog_finalize (GObject *object)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (object);

  g_string_free (self->status, TRUE);

  G_OBJECT_CLASS (lgsm_lesson_dialog_parent_class)->finalize (object);
}

static void
lgsm_lesson_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, LGSM_LESSON_DIALOG (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_lesson_dialog_class_init (LgsmLessonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_lesson_dialog_dispose;
  object_class->finalize = lgsm_lesson_dialog_finalize;
  object_class->get_property = lgsm_lesson_dialog_get_property;

  g_object_class_install_property (object_class, PROP_CONTEXT,
    g_param_spec_object ("context", NULL, NULL, LGSM_TYPE_CONTEXT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-lesson-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, lessons_list);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, items_list);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, present_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_lesson_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);

  gtk_widget_class_install_action (widget_class, "lesson.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "lesson.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "lesson.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "lesson.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "lesson.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "lesson.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "lesson.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lgsm_lesson_dialog_init (LgsmLessonDialog *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->status = g_string_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LgsmLessonDialog *
lgsm_lesson_dialog_new (GtkWindow   *parent,
                        LgsmContext *context)
{
  LgsmLessonDialog *self = g_object_new (LGSM_TYPE_LESSON_DIALOG,
                                         "transient-for", parent,
                                         "application", gtk_window_get_application (parent),
                                         NULL);

  self->context = g_object_ref (context);
  self->exhibition = g_object_ref (lgsm_context_get_exhibition (context));
  reload (self);
  /* open on the lesson "Add to lesson" adds to, when there is one */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *base = entry->file ? g_file_get_basename (entry->file) : NULL;
      if (g_strcmp0 (base, current_name ? current_name : "my-lesson.json") == 0)
        {
          self->selected = i;
          gtk_list_box_select_row (self->lessons_list, gtk_list_box_get_row_at_index (self->lessons_list, (int) i));
          show_selected (self);
        }
    }
  return self;
}
