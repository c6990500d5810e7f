/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-context.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"

/* A picture from a URI, decoded off the main thread by the context's
 * picture cache at the size it is shown: drawn at the size it was decoded,
 * it is copied to the screen; a larger texture would be scaled on every
 * frame, and GTK 4.8's cairo renderer converts every pixel each time. With
 * follow-allocation, a picture shown at another size than it was decoded
 * at is decoded again once its size has settled for 150 ms (a resize
 * passes through many sizes). */
struct _LgsmPicture
{
  GtkWidget         parent_instance;

  char             *uri;
  int               width;      /* the size asked for, in device pixels */
  int               height;
  GdkPaintable     *paintable;
  LgsmPictureCache *cache;
  GtkContentFit     content_fit;
  gboolean          follow_allocation;
  guint             refit_source;
};

G_DEFINE_FINAL_TYPE (LgsmPicture, lgsm_picture, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_URI, PROP_CONTENT_FIT, PROP_FOLLOW_ALLOCATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static LgsmPictureCache *
get_cache (LgsmPicture *self)
{
  LgsmContext *context;

  if (self->cache)
    return self->cache;
  context = lgsm_context_from_widget (GTK_WIDGET (self));
  return context ? lgsm_context_get_picture_cache (context) : lgsm_picture_cache_get_default ();
}

static void
set_paintable (LgsmPicture  *self,
               GdkPaintable *paintable)
{
  if (!g_set_object (&self->paintable, paintable))
    return;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

typedef struct {
  LgsmPicture *self;
  char        *uri;
  int          width;
  int          height;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request->uri);
  g_free (request);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  LgsmPicture *self = request->self;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = lgsm_picture_cache_load_finish (LGSM_PICTURE_CACHE (source), result, &error);
  if (texture == NULL)
    g_warning ("Cannot show the picture %s: %s", request->uri, error->message);
  /* the picture may have been recycled for another record, or asked for
   * another size, meanwhile: only the last request is shown */
  else if (g_strcmp0 (self->uri, request->uri) == 0 &&
           self->width == request->width && self->height == request->height)
    set_paintable (self, GDK_PAINTABLE (texture));
  request_free (request);
}

/**
 * lgsm_picture_load:
 * @uri: (nullable): what to show
 * @width: @height: the size to decode it at, in device pixels
 *
 * Shows @uri, at once if the cache has it at this size, else when it is
 * decoded. A size of 0 (a picture not laid out yet) decodes nothing until
 * the picture has its size (with follow-allocation).
 */
void
lgsm_picture_load (LgsmPicture *self,
                   const char  *uri,
                   int          width,
                   int          height)
{
  LgsmPictureCache *cache;
  GdkTexture *cached;
  gboolean same;
  Request *request;

  g_return_if_fail (LGSM_IS_PICTURE (self));

  same = uri != NULL && g_strcmp0 (self->uri, uri) == 0;
  if (!same)
    {
      g_free (self->uri);
      self->uri = g_strdup (uri);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
    }
  self->width = width;
  self->height = height;
  if (uri == NULL || width <= 0 || height <= 0)
    {
      if (!same)
        set_paintable (self, NULL);
      return;
    }
  cache = get_cache (self);
  cached = lgsm_picture_cache_lookup (cache, uri, width, height);
  if (cached)
    {
      set_paintable (self, GDK_PAINTABLE (cached));
      return;
    }
  /* the same picture at a new size: keep showing the old one meanwhile */
  if (!same)
    set_paintable (self, NULL);
  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->uri = g_strdup (uri);
  request->width = width;
  request->height = height;
  lgsm_picture_cache_load_async (cache, uri, width, height, NULL, on_loaded, request);
}

static gboolean
refit (gpointer data)
{
  LgsmPicture *self = data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  /* a copy: lgsm_picture_load() replaces the string */
  g_autofree char *uri = g_strdup (self->uri);

  self->refit_source = 0;
  lgsm_picture_load (self, uri,
                     gtk_widget_get_width (GTK_WIDGET (self)) * scale,
                     gtk_widget_get_height (GTK_WIDGET (self)) * scale);
  return G_SOURCE_REMOVE;
}

static void
lgsm_picture_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  LgsmPicture *self = LGSM_PICTURE (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (!self->follow_allocation || self->uri == NULL || width <= 0 || height <= 0 ||
      (width * scale == self->width && height * scale == self->height))
    {
      g_clear_handle_id (&self->refit_source, g_source_remove);
      return;
    }
  /* not from inside the layout: loading may change the picture's size */
  g_clear_handle_id (&self->refit_source, g_source_remove);
  self->refit_source = g_timeout_add (150, refit, self);
}

static void
lgsm_picture_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  LgsmPicture *self = LGSM_PICTURE (widget);
  double width, height;

  *minimum = 0;  /* it can always shrink */
  *natural = 0;
  if (self->paintable == NULL)
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gdk_paintable_compute_concrete_size (self->paintable, 0, MAX (for_size, 0), 1, 1, &width, &height);
      *natural = (int) ceil (width);
    }
  else
    {
      gdk_paintable_compute_concrete_size (self->paintable, MAX (for_size, 0), 0, 1, 1, &width, &height);
      *natural = (int) ceil (height);
    }
}

static void
lgsm_picture_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LgsmPicture *self = LGSM_PICTURE (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double ratio, w, h, x, y;

  if (self->paintable == NULL || width <= 0 || height <= 0)
    return;
  ratio = gdk_paintable_get_intrinsic_aspect_ratio (self->paintable);
  if (self->content_fit == GTK_CONTENT_FIT_FILL || ratio <= 0)
    {
      gdk_paintable_snapshot (self->paintable, snapshot, width, height);
      return;
    }
  if ((self->content_fit == GTK_CONTENT_FIT_COVER) == (width / height > ratio))
    w = width, h = width / ratio;
  else
    h = height, w = height * ratio;
  if (self->content_fit == GTK_CONTENT_FIT_SCALE_DOWN)
    {
      double iw = gdk_paintable_get_intrinsic_width (self->paintable);
      if (iw > 0 && iw < w)
        h = h * iw / w, w = iw;
    }
  /* whole device pixels: a texture at its decoded size is copied, not scaled */
  x = floor ((width - w) / 2);
  y = floor ((height - h) / 2);
  if (self->content_fit == GTK_CONTENT_FIT_COVER)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (self->paintable, snapshot, w, h);
  gtk_snapshot_restore (snapshot);
  if (self->content_fit == GTK_CONTENT_FIT_COVER)
    gtk_snapshot_pop (snapshot);
}

static void
lgsm_picture_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LgsmPicture *self = LGSM_PICTURE (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_CONTENT_FIT:
      g_value_set_enum (value, self->content_fit);
      break;
    case PROP_FOLLOW_ALLOCATION:
      g_value_set_boolean (value, self->follow_allocation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_picture_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LgsmPicture *self = LGSM_PICTURE (object);

  switch (prop_id)
    {
    case PROP_URI:
      lgsm_picture_load (self, g_value_get_string (value), self->width, self->height);
      break;
    case PROP_CONTENT_FIT:
      lgsm_picture_set_content_fit (self, g_value_get_enum (value));
      break;
    case PROP_FOLLOW_ALLOCATION:
      self->follow_allocation = g_value_get_boolean (value);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_picture_dispose (GObject *object)
{
  LgsmPicture *self = LGSM_PICTURE (object);

  g_clear_handle_id (&self->refit_source, g_source_remove);
  g_clear_object (&self->paintable);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (lgsm_picture_parent_class)->dispose (object);
}

static void
lgsm_picture_finalize (GObject *object)
{
  g_free (LGSM_PICTURE (object)->uri);

  G_OBJECT_CLASS (lgsm_picture_parent_class)->finalize (object);
}

static void
lgsm_picture_class_init (LgsmPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_picture_dispose;
  object_class->finalize = lgsm_picture_finalize;
  object_class->get_property = lgsm_picture_get_property;
  object_class->set_property = lgsm_picture_set_property;
  widget_class->measure = lgsm_picture_measure;
  widget_class->size_allocate = lgsm_picture_size_allocate;
  widget_class->snapshot = lgsm_picture_snapshot;

  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT_FIT] =
    g_param_spec_enum ("content-fit", NULL, NULL, GTK_TYPE_CONTENT_FIT, GTK_CONTENT_FIT_CONTAIN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOW_ALLOCATION] =
    g_param_spec_boolean ("follow-allocation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "picture");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lgsm_picture_init (LgsmPicture *self)
{
  self->content_fit = GTK_CONTENT_FIT_CONTAIN;
}

GtkWidget *
lgsm_picture_new (void)
{
  return g_object_new (LGSM_TYPE_PICTURE, NULL);
}

const char *
lgsm_picture_get_uri (LgsmPicture *self)
{
  g_return_val_if_fail (LGSM_IS_PICTURE (self), NULL);
  return self->uri;
}

/* Returns: (transfer none) (nullable): what is shown */
GdkPaintable *
lgsm_picture_get_paintable (LgsmPicture *self)
{
  g_return_val_if_fail (LGSM_IS_PICTURE (self), NULL);
  return self->paintable;
}

/* The size last asked for, in device pixels. */
void
lgsm_picture_get_decoded_size (LgsmPicture *self,
                               int         *width,
                               int         *height)
{
  g_return_if_fail (LGSM_IS_PICTURE (self));
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

/* Uses @cache instead of the context's (NULL: the context's again). */
void
lgsm_picture_set_cache (LgsmPicture      *self,
                        LgsmPictureCache *cache)
{
  g_return_if_fail (LGSM_IS_PICTURE (self));
  g_set_object (&self->cache, cache);
}

void
lgsm_picture_set_content_fit (LgsmPicture   *self,
                              GtkContentFit  fit)
{
  g_return_if_fail (LGSM_IS_PICTURE (self));

  if (self->content_fit == fit)
    return;
  self->content_fit = fit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_FIT]);
}
