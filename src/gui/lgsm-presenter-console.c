/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-console-view.h"
#include "lgsm-context.h"
#include "lgsm-presenter-console.h"

/* The presenter console's own window, for the teacher's monitor when there
 * is a second one (the projector shows the slides): an LgsmConsoleView,
 * full screen. Keys pressed here drive the slides too (lgsm-presentation.c
 * forwards them). */
struct _LgsmPresenterConsole
{
  GtkWindow        parent_instance;

  LgsmContext     *context;
  LgsmConsoleView *view;
};

G_DEFINE_FINAL_TYPE (LgsmPresenterConsole, lgsm_presenter_console, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Returns: (transfer none) */
LgsmConsoleView *
lgsm_presenter_console_get_view (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return self->view;
}

void
lgsm_presenter_console_show (LgsmPresenterConsole *self,
                             LgsmRecord           *current,
                             LgsmRecord           *next,
                             guint                 index,
                             guint                 n_slides)
{
  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));
  g_return_if_fail (self->view != NULL);
  lgsm_console_view_show (self->view, current, next, index, n_slides);
}

const char *
lgsm_presenter_console_get_notes (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return lgsm_console_view_get_notes (self->view);
}

const char *
lgsm_presenter_console_get_question (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return lgsm_console_view_get_question (self->view);
}

const char *
lgsm_presenter_console_get_position (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return lgsm_console_view_get_position (self->view);
}

void
lgsm_presenter_console_set_status (LgsmPresenterConsole *self,
                                   const char           *status,
                                   const GdkRGBA        *blank)
{
  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));
  lgsm_console_view_set_status (self->view, status, blank);
}

const char *
lgsm_presenter_console_get_status (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return lgsm_console_view_get_status (self->view);
}

void
lgsm_presenter_console_set_ink_model (LgsmPresenterConsole *self,
                                      LgsmInkModel         *model)
{
  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));
  lgsm_console_view_set_ink_model (self->view, model);
}

void
lgsm_presenter_console_set_audience_size (LgsmPresenterConsole *self,
                                          int                   width,
                                          int                   height)
{
  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));
  lgsm_console_view_set_audience_size (self->view, width, height);
}

LgsmSlidePreview *
lgsm_presenter_console_get_preview (LgsmPresenterConsole *self,
                                    gboolean              next)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return lgsm_console_view_get_preview (self->view, next);
}

static void
lgsm_presenter_console_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LgsmPresenterConsole *self = LGSM_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_presenter_console_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LgsmPresenterConsole *self = LGSM_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_presenter_console_dispose (GObject *object)
{
  LgsmPresenterConsole *self = LGSM_PRESENTER_CONSOLE (object);

  /* the view is the window's child, which GtkWindow disposes of itself */
  self->view = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lgsm_presenter_console_parent_class)->dispose (object);
}

static void
lgsm_presenter_console_class_init (LgsmPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_presenter_console_dispose;
  object_class->get_property = lgsm_presenter_console_get_property;
  object_class->set_property = lgsm_presenter_console_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LGSM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LGSM_TYPE_CONSOLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, view);
}

static void
lgsm_presenter_console_init (LgsmPresenterConsole *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
lgsm_presenter_console_new (LgsmContext *context)
{
  return g_object_new (LGSM_TYPE_PRESENTER_CONSOLE, "context", context, NULL);
}
