/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-context.h"
#include "lgsm-problems-dialog.h"

/* Every problem met while loading the records, grouped by file in file
 * and line order, for the curator who has to fix them; Reload loads the
 * folder again, and the dialog follows the records the context shows (and
 * what the last reload found). */
struct _LgsmProblemsDialog
{
  GtkWindow       parent_instance;

  LgsmContext    *context;
  LgsmExhibition *exhibition;   /* whose problems are listed */

  GtkWidget      *reload_button;
  GtkLabel       *summary_label;
  GtkLabel       *count_label;
  GtkTextView    *text_view;
};

G_DEFINE_FINAL_TYPE (LgsmProblemsDialog, lgsm_problems_dialog, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
append_problem (GtkTextBuffer *buffer,
                LgsmProblem   *problem)
{
  GtkTextIter end;
  const char *id = lgsm_problem_get_record_id (problem);
  const char *field = lgsm_problem_get_field (problem);
  g_autoptr(GString) where = g_string_new (NULL);

  if (lgsm_problem_get_line (problem) > 0)
    /* Translators: where a problem is in a records file */
    g_string_append_printf (where, _("line %u"), lgsm_problem_get_line (problem));
  if (g_strcmp0 (id, "-") != 0)
    /* Translators: a record's id, after the line a problem is on */
    g_string_append_printf (where, where->len ? _(", record “%s”") : /* Translators: a record's id, where a problem is */ _("record “%s”"), id);
  if (g_strcmp0 (field, "-") != 0)
    /* Translators: a field of a record, after the line and the record */
    g_string_append_printf (where, where->len ? _(", field “%s”") : /* Translators: a record's field, where a problem is */ _("field “%s”"), field);

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (where->len)
    {
      g_string_append (where, ": ");
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, where->str, -1, "where", NULL);
    }
  gtk_text_buffer_insert (buffer, &end, lgsm_problem_get_message (problem), -1);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);
}

static void
fill (LgsmProblemsDialog *self)
{
  GListModel *problems = lgsm_exhibition_get_problems (self->exhibition);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint n = g_list_model_get_n_items (problems);
  g_autofree char *count = NULL;
  g_autofree char *file = NULL;
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  /* the store is ordered by file, then line: a heading where the file changes */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);

      if (i == 0 || g_strcmp0 (file, lgsm_problem_get_file (problem)) != 0)
        {
          g_free (file);
          file = g_strdup (lgsm_problem_get_file (problem));
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, i ? "\n" : "", -1, NULL, NULL);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, file ? file : "", -1, "file", NULL);
          gtk_text_buffer_insert (buffer, &end, "\n", -1);
        }
      append_problem (buffer, problem);
    }
  if (n == 0)
    /* Translators: the problems window after the records folder was read again and all is well */
    count = g_strdup (_("No problems: every record was loaded."));
  else
    /* Translators: the problems window: how many problems the records files have; the records that
       could be read are shown all the same */
    count = g_strdup_printf (ngettext ("%u problem; what could be read is shown",
                                       "%u problems; what could be read is shown", n), n);
  gtk_label_set_text (self->count_label, count);
}

static void
on_problems_changed (LgsmProblemsDialog *self)
{
  fill (self);
}

static void
follow_exhibition (LgsmProblemsDialog *self)
{
  LgsmExhibition *exhibition = lgsm_context_get_exhibition (self->context);

  if (self->exhibition)
    g_signal_handlers_disconnect_by_func (lgsm_exhibition_get_problems (self->exhibition), on_problems_changed, self);
  g_set_object (&self->exhibition, exhibition);
  g_signal_connect_object (lgsm_exhibition_get_problems (exhibition), "items-changed",
                           G_CALLBACK (on_problems_changed), self, G_CONNECT_SWAPPED);
  fill (self);
}

static void
on_reload_summary (LgsmProblemsDialog *self)
{
  const char *summary = lgsm_context_get_reload_summary (self->context);

  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
}

/* The dialog's text, as a curator would copy it. */
char *
lgsm_problems_dialog_get_text (LgsmProblemsDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (LGSM_IS_PROBLEMS_DIALOG (self), NULL);
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
lgsm_problems_dialog_constructed (GObject *object)
{
  LgsmProblemsDialog *self = LGSM_PROBLEMS_DIALOG (object);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  G_OBJECT_CLASS (lgsm_problems_dialog_parent_class)->constructed (object);

  gtk_text_buffer_create_tag (buffer, "file", "weight", PANGO_WEIGHT_BOLD, "scale", 1.1,
                              "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "where", "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_widget_set_visible (self->reload_button, lgsm_context_get_records_dir (self->context) != NULL);
  g_signal_connect_object (self->context, "notify::exhibition", G_CALLBACK (follow_exhibition), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::reload-summary", G_CALLBACK (on_reload_summary), self,
                           G_CONNECT_SWAPPED);
  follow_exhibition (self);
  on_reload_summary (self);
}

static void
lgsm_problems_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, LGSM_PROBLEMS_DIALOG (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_problems_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      LGSM_PROBLEMS_DIALOG (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_problems_dialog_dispose (GObject *object)
{
  LgsmProblemsDialog *self = LGSM_PROBLEMS_DIALOG (object);

  if (self->exhibition)
    g_signal_handlers_disconnect_by_func (lgsm_exhibition_get_problems (self->exhibition), on_problems_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_PROBLEMS_DIALOG);
  g_clear_object (&self->exhibition);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lgsm_problems_dialog_parent_class)->dispose (object);
}

static void
lgsm_problems_dialog_class_init (LgsmProblemsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lgsm_problems_dialog_constructed;
  object_class->dispose = lgsm_problems_dialog_dispose;
  object_class->get_property = lgsm_problems_dialog_get_property;
  object_class->set_property = lgsm_problems_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LGSM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmProblemsDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmProblemsDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmProblemsDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmProblemsDialog, text_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lgsm_problems_dialog_init (LgsmProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
lgsm_problems_dialog_new (GtkWindow   *parent,
                          LgsmContext *context)
{
  return g_object_new (LGSM_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       /* for app.reload-records */
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "context", context,
                       NULL);
}
