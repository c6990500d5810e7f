/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lgsm-a11y.h"
#include "lgsm-context.h"
#include "lgsm-lesson-dialog-private.h"

/* Lesson paths: the ready-made ones and the teacher's own, as the
 * context's lesson store holds them (bound with gtk_list_box_bind_model).
 * A teacher names a path, orders its records, presents it, prints it as a
 * handout, or exports it to share. The store saves every change once
 * typing pauses; when a save fails, the dialog says why, keeps the edit,
 * and offers to try again or save elsewhere — also when it is closed.
 *
 * This file is the list, the selected lesson, saving and closing;
 * lgsm-lesson-dialog-actions.c has the lesson.* actions. */

G_DEFINE_FINAL_TYPE (LgsmLessonDialog, lgsm_lesson_dialog, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_LESSON, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void show_selected (LgsmLessonDialog *self);

/* Returns: (transfer none) (nullable): the lesson on show */
LgsmLesson *
lgsm_lesson_dialog_get_lesson (LgsmLessonDialog *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_DIALOG (self), NULL);
  return self->lesson;
}

/* What the dialog has told the teacher (lessons left out, errors). */
const char *
lgsm_lesson_dialog_get_status (LgsmLessonDialog *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_DIALOG (self), NULL);
  return self->status->str;
}

/* The "not saved" message on show, or NULL. */
const char *
lgsm_lesson_dialog_get_save_message (LgsmLessonDialog *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON_DIALOG (self), NULL);
  return self->save_message;
}

/* Tells the teacher @message, under what the dialog said before. */
void
lgsm_lesson_dialog_say (LgsmLessonDialog *self,
                        const char       *message)
{
  if (self->status->len)
    g_string_append_c (self->status, '\n');
  g_string_append (self->status, message);
  gtk_label_set_text (self->status_label, self->status->str);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

/* A lesson is selected, and it is the teacher's own. */
gboolean
lgsm_lesson_dialog_editable (LgsmLessonDialog *self)
{
  return self->lesson && lgsm_lesson_store_is_editable (self->store, self->lesson);
}

/* ---- saving -------------------------------------------------------------- */

void
lgsm_lesson_dialog_show_save_error (LgsmLessonDialog *self,
                                    const GError     *error)
{
  if (error == NULL)
    self->close_refused = FALSE;
  g_free (self->save_message);
  self->save_message = error ? g_strdup (error->message) : NULL;
  gtk_label_set_text (self->save_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->save_revealer), error != NULL);
  gtk_revealer_set_reveal_child (self->save_revealer, error != NULL);
}

static void
on_save_failed (LgsmLessonDialog *self,
                LgsmLesson       *lesson,
                const GError     *error)
{
  lgsm_lesson_dialog_show_save_error (self, error);
}

static void
on_saved (LgsmLessonDialog *self,
          LgsmLesson       *lesson)
{
  if (!lgsm_lesson_store_get_has_unsaved (self->store))
    lgsm_lesson_dialog_show_save_error (self, NULL);
}

/* ---- the list of lessons ------------------------------------------------ */

/* A list row around @child, named for screen readers (issue 16). */
static GtkWidget *
named_row_new (GtkWidget  *child,
               const char *name,
               const char *description)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (description)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return row;
}

static GtkWidget *
lesson_row_new (gpointer item,
                gpointer user_data)
{
  LgsmLessonDialog *self = user_data;
  LgsmLesson *lesson = item;
  guint n = lgsm_lesson_get_n_items (lesson);
  /* Translators: under a lesson's name in the list of lesson paths: how many records it has */
  g_autofree char *count = g_strdup_printf (ngettext ("%u record", "%u records", n), n);
  g_autofree char *detail = lgsm_lesson_store_is_editable (self->store, lesson)
    ? g_strdup (count)
    /* Translators: a lesson that comes with the app, and its size */
    : g_strdup_printf (_("Ready-made · %s"), count);
  const GError *error = lgsm_lesson_store_get_save_error (self->store, lesson);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (lgsm_lesson_get_name (lesson));
  GtkWidget *sub = gtk_label_new (detail);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), sub);
  if (error)
    {
      /* Translators: under a lesson's name when its last change could not be
       * saved; %s is the reason, e.g. “The disk is full” */
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), lgsm_lesson_error_get_reason (error->code));
      GtkWidget *unsaved = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (unsaved), 0);
      gtk_label_set_wrap (GTK_LABEL (unsaved), TRUE);
      gtk_widget_add_css_class (unsaved, "error");
      gtk_box_append (GTK_BOX (box), unsaved);
    }
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return named_row_new (box, lgsm_lesson_get_name (lesson), detail);
}

/* Rows are made again when the store says a lesson changed: keep the
 * selected lesson selected. */
static void
reselect (LgsmLessonDialog *self)
{
  guint position;

  if (self->lesson && lgsm_lesson_store_find (self->store, self->lesson, &position))
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->lessons_list, (int) position);
      if (row && gtk_list_box_get_selected_row (self->lessons_list) != row)
        gtk_list_box_select_row (self->lessons_list, row);
      return;
    }
  /* the selected lesson was deleted, or nothing was selected yet */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    {
      g_autoptr(LgsmLesson) first = g_list_model_get_item (G_LIST_MODEL (self->store), 0);
      LgsmLesson *current = lgsm_lesson_store_get_current (self->store);
      lgsm_lesson_dialog_select (self, current && lgsm_lesson_store_find (self->store, current, NULL) ? current : first);
    }
  else
    lgsm_lesson_dialog_select (self, NULL);
}

static void
on_store_changed (LgsmLessonDialog *self)
{
  reselect (self);
}

static void
update_skipped (LgsmLessonDialog *self)
{
  GListModel *problems = lgsm_lesson_store_get_problems (self->store);
  guint n = g_list_model_get_n_items (problems);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->skipped_expander), n > 0);
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      g_string_append_printf (text, "%s%s", i ? "\n" : "", lgsm_problem_get_message (problem));
    }
  /* Translators: a folded list of files in the lessons folder that are not lessons */
  title = g_strdup_printf (ngettext ("%u file in the lessons folder was skipped",
                                     "%u files in the lessons folder were skipped", n), n);
  gtk_expander_set_label (self->skipped_expander, title);
  gtk_label_set_text (self->skipped_label, text->str);
}

void
lgsm_lesson_dialog_select (LgsmLessonDialog *self,
                           LgsmLesson       *lesson)
{
  guint position;

  g_return_if_fail (LGSM_IS_LESSON_DIALOG (self));

  if (self->lesson != lesson)
    {
      if (self->lesson)
        g_signal_handlers_disconnect_by_func (self->lesson, show_selected, self);
      g_set_object (&self->lesson, lesson);
      if (lesson)
        g_signal_connect_object (lesson, "changed", G_CALLBACK (show_selected), self, G_CONNECT_SWAPPED);
      if (lesson && lgsm_lesson_store_is_editable (self->store, lesson))
        lgsm_lesson_store_set_current (self->store, lesson);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON]);
    }
  if (lesson && lgsm_lesson_store_find (self->store, lesson, &position))
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->lessons_list, (int) position);
      if (row && gtk_list_box_get_selected_row (self->lessons_list) != row)
        gtk_list_box_select_row (self->lessons_list, row);
    }
  show_selected (self);
}

static void
on_lesson_selected (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    LgsmLessonDialog *self)
{
  g_autoptr(LgsmLesson) lesson = NULL;

  if (row == NULL)
    return;
  lesson = g_list_model_get_item (G_LIST_MODEL (self->store), (guint) gtk_list_box_row_get_index (row));
  if (lesson != self->lesson)
    lgsm_lesson_dialog_select (self, lesson);
}

/* ---- the selected lesson ------------------------------------------------ */

static GtkWidget *
item_button_new (const char *icon,
                 const char *tooltip,
                 const char *action,
                 GVariant   *target,
                 gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_sensitive (button, sensitive);
  return button;
}

static GtkWidget *
item_row_new (LgsmLessonDialog *self,
              guint             index)
{
  const char *id = lgsm_lesson_get_id (self->lesson, index);
  LgsmRecord *record = lgsm_exhibition_lookup (self->exhibition, id);
  guint n = lgsm_lesson_get_n_items (self->lesson);
  gboolean can_edit = lgsm_lesson_dialog_editable (self);
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
  /* Translators: tooltip of the arrow buttons beside each record of a lesson path; then "Move
     Down", "Remove From Lesson" */
  gtk_box_append (GTK_BOX (box), item_button_new ("go-up-symbolic", _("Move Up"), "lesson.move-item",
                                                  g_variant_new ("(ui)", index, -1), can_edit && index > 0));
  /* Translators: tooltip of an arrow button beside each record of a lesson path */
  gtk_box_append (GTK_BOX (box), item_button_new ("go-down-symbolic", _("Move Down"), "lesson.move-item",
                                                  g_variant_new ("(ui)", index, 1), can_edit && index + 1 < n));
  /* Translators: tooltip of the button beside each record of a lesson path that takes it out of
     the lesson */
  gtk_box_append (GTK_BOX (box), item_button_new ("list-remove-symbolic", _("Remove From Lesson"), "lesson.remove-item",
                                                  g_variant_new_uint32 (index), can_edit));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  return named_row_new (box, text, NULL);
}

static void
show_selected (LgsmLessonDialog *self)
{
  GtkWidget *child;
  gboolean can_edit = lgsm_lesson_dialog_editable (self);
  guint n = self->lesson ? lgsm_lesson_get_n_items (self->lesson) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->items_list, item_row_new (self, i));

  /* the name as the teacher types it is not set back while typing */
  if (!gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->name_entry)))))
    {
      g_signal_handlers_block_matched (self->name_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->lesson ? lgsm_lesson_get_name (self->lesson) : "");
      g_signal_handlers_unblock_matched (self->name_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
  gtk_editable_set_editable (GTK_EDITABLE (self->name_entry), can_edit);

  gtk_widget_set_visible (self->copy_button, self->lesson && !can_edit);
  gtk_widget_set_sensitive (self->delete_button, can_edit);
  gtk_widget_set_sensitive (self->present_button, n > 0);
  gtk_widget_set_sensitive (self->print_button, n > 0);
}

/* Renaming: the store saves once typing pauses, and the list shows the
 * new name then. */
static void
on_name_changed (GtkEditable      *editable_entry,
                 LgsmLessonDialog *self)
{
  const char *name = gtk_editable_get_text (editable_entry);

  if (!lgsm_lesson_dialog_editable (self) || *name == '\0' || strlen (name) > LGSM_LESSON_MAX_NAME)
    return;
  lgsm_lesson_set_name (self->lesson, name);
}

/* ---- closing --------------------------------------------------------------- */

/* Closing saves what is waiting; if that fails, the dialog stays open with
 * the reason and the two ways out (Try Again, Save Elsewhere…). Closing a
 * second time leaves the edit in the store, which saves it with the next
 * change that succeeds, and says so in the log when the app quits. */
static gboolean
lgsm_lesson_dialog_close_request (GtkWindow *window)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (window);
  g_autoptr(GError) error = NULL;

  if (!self->close_refused && lgsm_lesson_store_get_has_unsaved (self->store) &&
      !lgsm_lesson_store_flush (self->store, &error))
    {
      self->close_refused = TRUE;
      lgsm_lesson_dialog_show_save_error (self, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->save_revealer));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (lgsm_lesson_dialog_parent_class)->close_request (window);
}

/* ---- life cycle ----------------------------------------------------------- */

static void
lgsm_lesson_dialog_constructed (GObject *object)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (object);

  G_OBJECT_CLASS (lgsm_lesson_dialog_parent_class)->constructed (object);

  self->exhibition = g_object_ref (lgsm_context_get_exhibition (self->context));
  self->store = g_object_ref (lgsm_context_get_lesson_store (self->context));
  gtk_list_box_bind_model (self->lessons_list, G_LIST_MODEL (self->store), lesson_row_new, self, NULL);
  g_signal_connect_object (self->store, "items-changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "save-failed", G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lgsm_lesson_store_get_problems (self->store), "items-changed",
                           G_CALLBACK (update_skipped), self, G_CONNECT_SWAPPED);
  update_skipped (self);
  reselect (self);
}

static void
lgsm_lesson_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_lesson_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_LESSON:
      lgsm_lesson_dialog_select (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_lesson_dialog_dispose (GObject *object)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (object);

  if (self->lesson)
    g_signal_handlers_disconnect_by_func (self->lesson, show_selected, self);
  if (self->lessons_list)
    gtk_list_box_bind_model (self->lessons_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_LESSON_DIALOG);
  g_clear_object (&self->lesson);
  g_clear_object (&self->store);
  g_clear_object (&self->exhibition);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lgsm_lesson_dialog_parent_class)->dispose (object);
}

static void
lgsm_lesson_dialog_finalize (GObject *object)
{
  LgsmLessonDialog *self = LGSM_LESSON_DIALOG (object);

  g_string_free (self->status, TRUE);
  g_free (self->save_message);

  G_OBJECT_CLASS (lgsm_lesson_dialog_parent_class)->finalize (object);
}

static void
lgsm_lesson_dialog_class_init (LgsmLessonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lgsm_lesson_dialog_constructed;
  object_class->dispose = lgsm_lesson_dialog_dispose;
  object_class->finalize = lgsm_lesson_dialog_finalize;
  object_class->get_property = lgsm_lesson_dialog_get_property;
  object_class->set_property = lgsm_lesson_dialog_set_property;
  window_class->close_request = lgsm_lesson_dialog_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LGSM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LESSON] =
    g_param_spec_object ("lesson", NULL, NULL, LGSM_TYPE_LESSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-lesson-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, lessons_list);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, items_list);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, skipped_expander);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, present_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmLessonDialog, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_lesson_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);

  lgsm_lesson_dialog_class_add_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* no field: named for screen readers at init, through gtk_widget_get_template_child() */
  gtk_widget_class_bind_template_child_full (widget_class, "more_button", FALSE, 0);
}

static void
lgsm_lesson_dialog_init (LgsmLessonDialog *self)
{
  self->status = g_string_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  lgsm_a11y_name_menu_button (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), LGSM_TYPE_LESSON_DIALOG,
                                                                         "more_button")),
                              _("More"), _("More"));
}

LgsmLessonDialog *
lgsm_lesson_dialog_new (GtkWindow   *parent,
                        LgsmContext *context)
{
  return g_object_new (LGSM_TYPE_LESSON_DIALOG,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "context", context,
                       NULL);
}
