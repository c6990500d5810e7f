/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-attract.h"
#include "lgsm-sections.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"

/* The kiosk's attract loop: the exhibition's own pictures and titles, one
 * after another, drifting slowly in small steps (CSS animation, so it stops by itself
 * when the desktop asks for reduced motion), and a call to touch. */
struct _LgsmAttract
{
  GtkWidget   parent_instance;

  GPtrArray  *records;   /* LgsmRecord with a picture */
  guint       index;
  guint       timer;

  GtkStack   *frames;
  LgsmPicture *picture_a;
  LgsmPicture *picture_b;
  GtkLabel   *title_a;
  GtkLabel   *title_b;
};

G_DEFINE_FINAL_TYPE (LgsmAttract, lgsm_attract, GTK_TYPE_WIDGET)

void
lgsm_attract_set_exhibition (LgsmAttract    *self,
                             LgsmExhibition *exhibition)
{
  g_return_if_fail (LGSM_IS_ATTRACT (self));

  g_ptr_array_set_size (self->records, 0);
  for (guint t = 0; t < lgsm_sections_get_n_tabs (); t++)
    {
      LgsmSection *section = lgsm_exhibition_get_section (exhibition, lgsm_sections_get_tab (t)->id);
      GListModel *records = section ? lgsm_section_get_records (section) : NULL;

      /* a few hundred are plenty for a loop, whatever the archive's size */
      for (guint i = 0; records && i < g_list_model_get_n_items (records) && self->records->len < 500; i++)
        {
          LgsmRecord *record = g_list_model_get_item (records, i);
          if (lgsm_record_get_image_uri (record))
            g_ptr_array_add (self->records, record);
          else
            g_object_unref (record);
        }
    }
}

static void
show_next (LgsmAttract *self)
{
  gboolean on_a = gtk_stack_get_visible_child (self->frames) == gtk_widget_get_parent (GTK_WIDGET (self->picture_a));
  LgsmPicture *picture = on_a ? self->picture_b : self->picture_a;
  GtkLabel *title = on_a ? self->title_b : self->title_a;
  LgsmRecord *record;

  if (self->records->len == 0)
    return;
  record = g_ptr_array_index (self->records, self->index % self->records->len);
  self->index++;
  lgsm_picture_load (picture, lgsm_record_get_image_uri (record), 1920, 1200);
  gtk_label_set_text (title, lgsm_record_get_title (record));
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lgsm_record_get_image_alt (record), -1);
  gtk_stack_set_visible_child (self->frames, gtk_widget_get_parent (GTK_WIDGET (picture)));
}

static gboolean
on_tick (gpointer data)
{
  show_next (data);
  return G_SOURCE_CONTINUE;
}

void
lgsm_attract_start (LgsmAttract *self,
                    guint        interval_ms)
{
  g_return_if_fail (LGSM_IS_ATTRACT (self));

  lgsm_attract_stop (self);
  show_next (self);
  self->timer = g_timeout_add (interval_ms, on_tick, self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

void
lgsm_attract_stop (LgsmAttract *self)
{
  g_return_if_fail (LGSM_IS_ATTRACT (self));

  g_clear_handle_id (&self->timer, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

gboolean
lgsm_attract_is_running (LgsmAttract *self)
{
  g_return_val_if_fail (LGSM_IS_ATTRACT (self), FALSE);
  return self->timer != 0;
}

const char *
lgsm_attract_get_title (LgsmAttract *self)
{
  GtkWidget *frame;

  g_return_val_if_fail (LGSM_IS_ATTRACT (self), NULL);
  frame = gtk_stack_get_visible_child (self->frames);
  return gtk_label_get_text (frame == gtk_widget_get_parent (GTK_WIDGET (self->picture_a)) ? self->title_a : self->title_b);
}

static void
lgsm_attract_dispose (GObject *object)
{
  LgsmAttract *self = LGSM_ATTRACT (object);
  GtkWidget *child;

  g_clear_handle_id (&self->timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_ATTRACT);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (lgsm_attract_parent_class)->dispose (object);
}

static void
lgsm_attract_class_init (LgsmAttractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_attract_dispose;

  g_type_ensure (LGSM_TYPE_PICTURE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-attract.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmAttract, frames);
  gtk_widget_class_bind_template_child (widget_class, LgsmAttract, picture_a);
  gtk_widget_class_bind_template_child (widget_class, LgsmAttract, picture_b);
  gtk_widget_class_bind_template_child (widget_class, LgsmAttract, title_a);
  gtk_widget_class_bind_template_child (widget_class, LgsmAttract, title_b);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attract");
}

static void
lgsm_attract_init (LgsmAttract *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lgsm_attract_new (void)
{
  return g_object_new (LGSM_TYPE_ATTRACT, NULL);
}
