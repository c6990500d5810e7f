/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-presenter-console.h"
#include "lgsm-slide.h"

/* What the teacher sees while the class sees the slides: the current and
 * next slide, the record's notes in large type, the time since the start
 * and the time of day. Keys pressed here drive the slides too. */
struct _LgsmPresenterConsole
{
  GtkWindow  parent_instance;

  gint64     started;
  guint      tick;

  LgsmSlide *current;
  LgsmSlide *next;
  GtkWidget *next_heading;
  GtkLabel  *notes_label;
  GtkLabel  *position_label;
  GtkLabel  *elapsed_label;
  GtkLabel  *clock_label;
};

G_DEFINE_FINAL_TYPE (LgsmPresenterConsole, lgsm_presenter_console, GTK_TYPE_WINDOW)

static gboolean
update_clocks (gpointer data)
{
  LgsmPresenterConsole *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  gint64 seconds = (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;
  g_autofree char *elapsed = g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                                              seconds / 60, seconds % 60);

  gtk_label_set_text (self->elapsed_label, elapsed);
  gtk_label_set_text (self->clock_label, clock);
  return G_SOURCE_CONTINUE;
}

void
lgsm_presenter_console_show (LgsmPresenterConsole *self,
                             LgsmRecord           *current,
                             LgsmRecord           *next,
                             guint                 index,
                             guint                 n_slides)
{
  g_autofree char *position = NULL;
  const char *notes;

  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));

  lgsm_slide_set_record (self->current, current);
  gtk_widget_set_visible (GTK_WIDGET (self->next), next != NULL);
  gtk_widget_set_visible (self->next_heading, next != NULL);
  if (next)
    lgsm_slide_set_record (self->next, next);
  notes = lgsm_record_get_notes (current);
  /* Translators: presenter console: in place of the teacher's notes when the slide's record has
     none */
  gtk_label_set_text (self->notes_label, notes ? notes : _("No notes for this record."));
  /* Translators: the slide being shown, e.g. "Slide 3 of 12" */
  position = g_strdup_printf (_("Slide %u of %u"), index + 1, n_slides);
  gtk_label_set_text (self->position_label, position);
}

const char *
lgsm_presenter_console_get_notes (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return gtk_label_get_text (self->notes_label);
}

static void
lgsm_presenter_console_dispose (GObject *object)
{
  LgsmPresenterConsole *self = LGSM_PRESENTER_CONSOLE (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_PRESENTER_CONSOLE);

  G_OBJECT_CLASS (lgsm_presenter_console_parent_class)->dispose (object);
}

static void
lgsm_presenter_console_class_init (LgsmPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_presenter_console_dispose;

  g_type_ensure (LGSM_TYPE_SLIDE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, current);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, next);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, next_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, notes_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, position_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, clock_label);
}

static void
lgsm_presenter_console_init (LgsmPresenterConsole *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->started = g_get_monotonic_time ();
  self->tick = g_timeout_add_seconds (1, update_clocks, self);
  update_clocks (self);
}

GtkWindow *
lgsm_presenter_console_new (void)
{
  return g_object_new (LGSM_TYPE_PRESENTER_CONSOLE, NULL);
}
