/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-attract.h"
#include "lgsm-sections.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"

/* The kiosk's attract loop: the exhibition's own pictures and titles, one
 * after another, and a call to touch. A kiosk shows it all day, so it
 * costs little: nothing moves between changes, so nothing is drawn then
 * (no CSS animation ticking the frame clock), and a change fades the new
 * picture in over 0.9 s in six steps, six frames where a 60 Hz cross-fade
 * drew ninety. The exhibition underneath is left out of the frames while
 * the loop is shown (LgsmKiosk). Measured with tests/bench (the attract
 * part) at 1920×1080 without a GPU: a full-screen drift and a 60 Hz
 * cross-fade cost 37-39% of a core; this costs a few per cent. With
 * reduced motion (the desktop's animations off) a picture simply replaces
 * the last one. */

#define FADE_STEP_MS   150   /* under seven frames a second while fading */
#define FADE_STEPS     6     /* 0.9 s */
#define FADE_WAIT_MAX  14    /* steps to wait for a picture to be decoded (2 s) */

struct _LgsmAttract
{
  GtkWidget    parent_instance;

  GPtrArray   *records;   /* LgsmRecord with a picture */
  guint        index;
  guint        timer;     /* the next picture */
  guint        fade_timer;
  guint        fade_step;
  guint        fade_wait;
  gboolean     on_b;      /* the picture on top is the one on show */
  gboolean     to_b;      /* the fade under way shows the one on top */
  GtkLabel    *current_title;

  GtkWidget   *frame_a;
  GtkWidget   *frame_b;
  LgsmPicture *picture_a;
  LgsmPicture *picture_b;
  GtkLabel    *title_a;
  GtkLabel    *title_b;
  GtkWidget   *call;
};

G_DEFINE_FINAL_TYPE (LgsmAttract, lgsm_attract, GTK_TYPE_WIDGET)

static gboolean
animations_enabled (LgsmAttract *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

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

static gboolean
on_fade_step (gpointer data)
{
  LgsmAttract *self = data;
  LgsmPicture *incoming = self->to_b ? self->picture_b : self->picture_a;
  double t;

  /* the fade starts once the new picture is decoded, or after 2 s anyway */
  if (self->fade_step == 0 && lgsm_picture_get_paintable (incoming) == NULL &&
      self->fade_wait++ < FADE_WAIT_MAX)
    return G_SOURCE_CONTINUE;
  self->fade_step++;
  t = MIN (1.0, (double) self->fade_step / FADE_STEPS);
  gtk_widget_set_opacity (self->frame_b, self->to_b ? t : 1.0 - t);
  if (self->fade_step < FADE_STEPS)
    return G_SOURCE_CONTINUE;
  self->on_b = self->to_b;
  self->fade_timer = 0;
  return G_SOURCE_REMOVE;
}

static void
show_next (LgsmAttract *self)
{
  LgsmPicture *picture;
  GtkLabel *title;
  LgsmRecord *record;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self)) * scale;
  int height = gtk_widget_get_height (GTK_WIDGET (self)) * scale;

  if (self->records->len == 0)
    return;
  /* a fade still under way ends where it was going */
  if (self->fade_timer)
    {
      g_clear_handle_id (&self->fade_timer, g_source_remove);
      gtk_widget_set_opacity (self->frame_b, self->to_b ? 1.0 : 0.0);
      self->on_b = self->to_b;
    }
  /* the new picture goes where the old one is not */
  self->to_b = !self->on_b;
  picture = self->to_b ? self->picture_b : self->picture_a;
  title = self->to_b ? self->title_b : self->title_a;
  record = g_ptr_array_index (self->records, self->index % self->records->len);
  self->index++;
  /* decoded at the size shown (not larger: every frame would scale it) */
  if (width <= 0 || height <= 0)
    width = 1920, height = 1200;
  lgsm_picture_load (picture, lgsm_record_get_image_uri (record), width, height);
  gtk_label_set_text (title, lgsm_record_get_title (record));
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lgsm_record_get_image_alt (record), -1);
  self->current_title = title;

  if (!animations_enabled (self))
    {
      gtk_widget_set_opacity (self->frame_b, self->to_b ? 1.0 : 0.0);
      self->on_b = self->to_b;
      return;
    }
  self->fade_step = 0;
  self->fade_wait = 0;
  self->fade_timer = g_timeout_add (FADE_STEP_MS, on_fade_step, self);
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
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  show_next (self);
  self->timer = g_timeout_add (interval_ms, on_tick, self);
}

void
lgsm_attract_stop (LgsmAttract *self)
{
  g_return_if_fail (LGSM_IS_ATTRACT (self));

  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_handle_id (&self->fade_timer, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

gboolean
lgsm_attract_is_running (LgsmAttract *self)
{
  g_return_val_if_fail (LGSM_IS_ATTRACT (self), FALSE);
  return self->timer != 0;
}

/* The title of the picture on show, or fading in. */
const char *
lgsm_attract_get_title (LgsmAttract *self)
{
  g_return_val_if_fail (LGSM_IS_ATTRACT (self), NULL);
  return self->current_title ? gtk_label_get_text (self->current_title) : "";
}

static void
lgsm_attract_dispose (GObject *object)
{
  LgsmAttract *self = LGSM_ATTRACT (object);
  GtkWidget *child;

  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_handle_id (&self->fade_timer, g_source_remove);
  self->current_title = NULL;
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
  gtk_widget_class_bind_template_child (widget_class, LgsmAttract, frame_a);
  gtk_widget_class_bind_template_child (widget_class, LgsmAttract, frame_b);
  gtk_widget_class_bind_template_child (widget_class, LgsmAttract, call);
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
