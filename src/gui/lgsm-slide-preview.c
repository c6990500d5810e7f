/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-slide-preview.h"
#include "lgsm-ink.h"
#include "lgsm-slide.h"

/* A slide as the class sees it, made small for the presenter console: the
 * slide is laid out at the size of the room's screen (the same text sizes,
 * the same line breaks) and drawn scaled down into whatever space the
 * console has. So the preview asks for almost no space of its own — the
 * console fits any monitor — and it shows exactly what is projected: the
 * slide, the pen and pointer (the same ink model), a blanked screen. */

struct _LgsmSlidePreview
{
  GtkWidget  parent_instance;

  LgsmSlide *slide;
  LgsmInk   *ink;
  int        audience_width;
  int        audience_height;
  gboolean   blanked;
  GdkRGBA    blank;
};

G_DEFINE_FINAL_TYPE (LgsmSlidePreview, lgsm_slide_preview, GTK_TYPE_WIDGET)

/* The smallest preview worth drawing: a thumbnail. */
#define MIN_WIDTH 128

/* Returns: (transfer none): the slide laid out at the room's size */
LgsmSlide *
lgsm_slide_preview_get_slide (LgsmSlidePreview *self)
{
  g_return_val_if_fail (LGSM_IS_SLIDE_PREVIEW (self), NULL);
  return self->slide;
}

void
lgsm_slide_preview_set_record (LgsmSlidePreview *self,
                               LgsmRecord       *record)
{
  g_return_if_fail (LGSM_IS_SLIDE_PREVIEW (self));
  lgsm_slide_set_record (self->slide, record);
}

/* The size of the room's screen (the slides' window): the preview lays
 * the slide out at it. */
void
lgsm_slide_preview_set_audience_size (LgsmSlidePreview *self,
                                      int               width,
                                      int               height)
{
  g_return_if_fail (LGSM_IS_SLIDE_PREVIEW (self));

  if (width <= 0 || height <= 0 || (width == self->audience_width && height == self->audience_height))
    return;
  self->audience_width = width;
  self->audience_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
lgsm_slide_preview_get_audience_size (LgsmSlidePreview *self,
                                      int              *width,
                                      int              *height)
{
  g_return_if_fail (LGSM_IS_SLIDE_PREVIEW (self));

  if (width)
    *width = self->audience_width;
  if (height)
    *height = self->audience_height;
}

void
lgsm_slide_preview_set_ink_model (LgsmSlidePreview *self,
                                  LgsmInkModel     *model)
{
  g_return_if_fail (LGSM_IS_SLIDE_PREVIEW (self));
  lgsm_ink_set_model (self->ink, model);
}

/* A blanked room's screen (B, W): @color, or NULL for the slide again. */
void
lgsm_slide_preview_set_blank (LgsmSlidePreview *self,
                              const GdkRGBA    *color)
{
  g_return_if_fail (LGSM_IS_SLIDE_PREVIEW (self));

  self->blanked = color != NULL;
  if (color)
    self->blank = *color;
  gtk_widget_set_visible (GTK_WIDGET (self->ink), !self->blanked);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
lgsm_slide_preview_get_blank (LgsmSlidePreview *self,
                              GdkRGBA          *color)
{
  g_return_val_if_fail (LGSM_IS_SLIDE_PREVIEW (self), FALSE);

  if (color && self->blanked)
    *color = self->blank;
  return self->blanked;
}

static double
fit (LgsmSlidePreview *self,
     int               width,
     int               height,
     double           *x,
     double           *y)
{
  double scale = MIN ((double) width / self->audience_width, (double) height / self->audience_height);

  scale = MAX (scale, 0.0001);
  *x = floor ((width - self->audience_width * scale) / 2);
  *y = floor ((height - self->audience_height * scale) / 2);
  return scale;
}

/* Where the small slide is drawn, in the preview's coordinates. */
void
lgsm_slide_preview_get_slide_bounds (LgsmSlidePreview *self,
                                     graphene_rect_t  *bounds)
{
  double x, y, scale;

  g_return_if_fail (LGSM_IS_SLIDE_PREVIEW (self));

  scale = fit (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)), &x, &y);
  graphene_rect_init (bounds, x, y, self->audience_width * scale, self->audience_height * scale);
}

static GtkSizeRequestMode
lgsm_slide_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The slide's own text never enters the request: a preview is as large as
 * the console makes it, at the room's screen's shape. */
static void
lgsm_slide_preview_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  LgsmSlidePreview *self = LGSM_SLIDE_PREVIEW (widget);
  double ratio = (double) self->audience_width / self->audience_height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = for_size > 0 ? MAX (MIN_WIDTH, (int) (for_size * ratio)) : 4 * MIN_WIDTH;
    }
  else
    {
      *minimum = (int) ceil (MIN_WIDTH / ratio);
      *natural = (int) ceil ((for_size > 0 ? for_size : 4 * MIN_WIDTH) / ratio);
    }
}

static void
lgsm_slide_preview_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  LgsmSlidePreview *self = LGSM_SLIDE_PREVIEW (widget);
  double x, y, scale = fit (self, width, height, &x, &y);
  GskTransform *transform;
  int min;

  /* children are measured before they are given a size, as GTK wants */
  gtk_widget_measure (GTK_WIDGET (self->slide), GTK_ORIENTATION_VERTICAL, self->audience_width,
                      &min, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->ink), GTK_ORIENTATION_VERTICAL, self->audience_width,
                      &min, NULL, NULL, NULL);

  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y));
  transform = gsk_transform_scale (transform, scale, scale);
  gtk_widget_allocate (GTK_WIDGET (self->slide), self->audience_width, self->audience_height, -1,
                       gsk_transform_ref (transform));
  gtk_widget_allocate (GTK_WIDGET (self->ink), self->audience_width, self->audience_height, -1, transform);
}

static void
lgsm_slide_preview_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LgsmSlidePreview *self = LGSM_SLIDE_PREVIEW (widget);
  graphene_rect_t bounds;

  lgsm_slide_preview_get_slide_bounds (self, &bounds);
  gtk_snapshot_push_clip (snapshot, &bounds);
  if (self->blanked)
    gtk_snapshot_append_color (snapshot, &self->blank, &bounds);
  else
    {
      gtk_widget_snapshot_child (widget, GTK_WIDGET (self->slide), snapshot);
      gtk_widget_snapshot_child (widget, GTK_WIDGET (self->ink), snapshot);
    }
  gtk_snapshot_pop (snapshot);
}

static void
lgsm_slide_preview_dispose (GObject *object)
{
  LgsmSlidePreview *self = LGSM_SLIDE_PREVIEW (object);

  if (self->ink)
    gtk_widget_unparent (GTK_WIDGET (self->ink));
  if (self->slide)
    gtk_widget_unparent (GTK_WIDGET (self->slide));
  self->ink = NULL;
  self->slide = NULL;

  G_OBJECT_CLASS (lgsm_slide_preview_parent_class)->dispose (object);
}

static void
lgsm_slide_preview_class_init (LgsmSlidePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_slide_preview_dispose;
  widget_class->get_request_mode = lgsm_slide_preview_get_request_mode;
  widget_class->measure = lgsm_slide_preview_measure;
  widget_class->size_allocate = lgsm_slide_preview_size_allocate;
  widget_class->snapshot = lgsm_slide_preview_snapshot;

  gtk_widget_class_set_css_name (widget_class, "slidepreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lgsm_slide_preview_init (LgsmSlidePreview *self)
{
  self->audience_width = 1920;
  self->audience_height = 1080;
  self->slide = LGSM_SLIDE (lgsm_slide_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->slide), GTK_WIDGET (self));
  self->ink = LGSM_INK (lgsm_ink_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->ink), GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
lgsm_slide_preview_new (void)
{
  return g_object_new (LGSM_TYPE_SLIDE_PREVIEW, NULL);
}
