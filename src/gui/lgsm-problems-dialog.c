/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-problems-dialog.h"

/* Every problem met while loading the records, one a line, for the
 * curator who has to fix them. */
struct _LgsmProblemsDialog
{
  GtkWindow       parent_instance;

  LgsmExhibition *exhibition;
  GtkTextView    *text_view;
};

G_DEFINE_FINAL_TYPE (LgsmProblemsDialog, lgsm_problems_dialog, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_EXHIBITION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
fill (LgsmProblemsDialog *self)
{
  GListModel *problems = lgsm_exhibition_get_problems (self->exhibition);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      g_string_append_printf (text, "%s\n", lgsm_problem_to_string (problem));
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text->str, -1);
}

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
lgsm_problems_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_EXHIBITION:
      g_value_set_object (value, LGSM_PROBLEMS_DIALOG (object)->exhibition);
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
  LgsmProblemsDialog *self = LGSM_PROBLEMS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_EXHIBITION:
      self->exhibition = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_problems_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (lgsm_problems_dialog_parent_class)->constructed (object);
  fill (LGSM_PROBLEMS_DIALOG (object));
}

static void
lgsm_problems_dialog_dispose (GObject *object)
{
  LgsmProblemsDialog *self = LGSM_PROBLEMS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_PROBLEMS_DIALOG);
  g_clear_object (&self->exhibition);

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

  properties[PROP_EXHIBITION] =
    g_param_spec_object ("exhibition", NULL, NULL, LGSM_TYPE_EXHIBITION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmProblemsDialog, text_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lgsm_problems_dialog_init (LgsmProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
lgsm_problems_dialog_new (GtkWindow      *parent,
                          LgsmExhibition *exhibition)
{
  return g_object_new (LGSM_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       "exhibition", exhibition,
                       NULL);
}
