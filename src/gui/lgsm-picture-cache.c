/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "lgsm-picture-cache.h"

/* Decodes images (SVG through librsvg's gdk-pixbuf loader) at the size they
 * are shown, off the main thread, and keeps the textures for reuse. The
 * context owns one; every LgsmPicture in its windows shares it. */
struct _LgsmPictureCache
{
  GObject      parent_instance;

  GHashTable  *textures;   /* "WxH uri" → GdkTexture; main thread only */
  gsize        bytes;
  GThreadPool *decoder;
  gboolean     held;       /* decoding waits for the first frame */
  GPtrArray   *waiting;    /* GTask, while held */
};

G_DEFINE_FINAL_TYPE (LgsmPictureCache, lgsm_picture_cache, G_TYPE_OBJECT)

enum { PROP_0, PROP_HELD, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* A kiosk runs all day through every picture at screen size: keep what the
 * cache holds bounded (textures on show stay alive through their widgets). */
#define CACHE_BUDGET (64 * 1024 * 1024)

typedef struct {
  char *uri;
  int   width;
  int   height;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->uri);
  g_free (data);
}

static char *
cache_key (const char *uri,
           int         width,
           int         height)
{
  return g_strdup_printf ("%dx%d %s", width, height, uri);
}

/* Scales to fit inside width × height, keeping the aspect ratio. */
GdkTexture *
lgsm_texture_load_sync (const char  *uri,
                        int          width,
                        int          height,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  stream = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (stream == NULL)
    return NULL;
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, width, height, TRUE, NULL, error);
  if (pixbuf == NULL)
    return NULL;
  return gdk_texture_new_for_pixbuf (pixbuf);
}

/* One long-lived decoding thread: decoding is off the main thread, and a
 * day of kiosk use does not churn through threads (each of which would get
 * its own malloc arena and text-rendering caches inside librsvg). */
static void
decode_job (gpointer job,
            gpointer user_data)
{
  g_autoptr(GTask) task = job;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GdkTexture *texture;

  if (g_task_return_error_if_cancelled (task))
    return;
  texture = lgsm_texture_load_sync (data->uri, data->width, data->height, &error);
  if (texture)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, error);
}

GdkTexture *
lgsm_picture_cache_lookup (LgsmPictureCache *self,
                           const char       *uri,
                           int               width,
                           int               height)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LGSM_IS_PICTURE_CACHE (self), NULL);

  if (uri == NULL)
    return NULL;
  key = cache_key (uri, width, height);
  return g_hash_table_lookup (self->textures, key);
}

static void
cache_insert (LgsmPictureCache *self,
              LoadData         *data,
              GdkTexture       *texture)
{
  gsize bytes = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;

  if (self->bytes + bytes > CACHE_BUDGET)
    {
      g_hash_table_remove_all (self->textures);
      self->bytes = 0;
    }
  self->bytes += bytes;
  g_hash_table_insert (self->textures, cache_key (data->uri, data->width, data->height), g_object_ref (texture));
}

static void
submit (LgsmPictureCache *self,
        GTask            *task)
{
  if (self->held)
    g_ptr_array_add (self->waiting, task);
  else if (self->decoder)
    g_thread_pool_push (self->decoder, task, NULL);
  else
    g_object_unref (task);  /* shut down: never shown */
}

/* Until the first frame is on screen, decoding waits: on two cores a
 * decoding thread would otherwise compete with the first frame. */
void
lgsm_picture_cache_set_held (LgsmPictureCache *self,
                             gboolean          held)
{
  g_return_if_fail (LGSM_IS_PICTURE_CACHE (self));

  held = !!held;
  if (self->held == held)
    return;
  self->held = held;
  if (!held)
    {
      for (guint i = 0; i < self->waiting->len; i++)
        if (self->decoder)
          g_thread_pool_push (self->decoder, g_ptr_array_index (self->waiting, i), NULL);
        else
          g_object_unref (g_ptr_array_index (self->waiting, i));
      g_ptr_array_set_size (self->waiting, 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD]);
}

gboolean
lgsm_picture_cache_get_held (LgsmPictureCache *self)
{
  g_return_val_if_fail (LGSM_IS_PICTURE_CACHE (self), FALSE);
  return self->held;
}

void
lgsm_picture_cache_load_async (LgsmPictureCache    *self,
                               const char          *uri,
                               int                  width,
                               int                  height,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GdkTexture *cached;
  LoadData *data;

  g_return_if_fail (LGSM_IS_PICTURE_CACHE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lgsm_picture_cache_load_async);
  cached = lgsm_picture_cache_lookup (self, uri, width, height);
  if (cached)
    {
      g_task_return_pointer (task, g_object_ref (cached), g_object_unref);
      return;
    }
  data = g_new0 (LoadData, 1);
  data->uri = g_strdup (uri);
  data->width = width;
  data->height = height;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  submit (self, g_steal_pointer (&task));
}

GdkTexture *
lgsm_picture_cache_load_finish (LgsmPictureCache  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);
  GdkTexture *texture;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  texture = g_task_propagate_pointer (task, error);
  if (texture && data)
    cache_insert (self, data, texture);
  return texture;
}

/* At the app's end: pictures still waiting are dropped and the one being
 * decoded is waited for, so that no decoding thread runs while the process
 * exits (librsvg and pango tear down their state at exit). */
void
lgsm_picture_cache_shutdown (LgsmPictureCache *self)
{
  g_return_if_fail (LGSM_IS_PICTURE_CACHE (self));

  if (self->decoder == NULL)
    return;
  self->held = TRUE;  /* nothing more is pushed */
  g_thread_pool_free (self->decoder, TRUE, TRUE);
  self->decoder = NULL;
}

void
lgsm_picture_cache_clear (LgsmPictureCache *self)
{
  g_return_if_fail (LGSM_IS_PICTURE_CACHE (self));

  g_hash_table_remove_all (self->textures);
  self->bytes = 0;
}

guint
lgsm_picture_cache_get_n_items (LgsmPictureCache *self)
{
  g_return_val_if_fail (LGSM_IS_PICTURE_CACHE (self), 0);
  return g_hash_table_size (self->textures);
}

static void
lgsm_picture_cache_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LgsmPictureCache *self = LGSM_PICTURE_CACHE (object);

  switch (prop_id)
    {
    case PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_picture_cache_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_HELD:
      lgsm_picture_cache_set_held (LGSM_PICTURE_CACHE (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_picture_cache_finalize (GObject *object)
{
  LgsmPictureCache *self = LGSM_PICTURE_CACHE (object);

  /* tasks still waiting are dropped: nobody is left to show them */
  for (guint i = 0; i < self->waiting->len; i++)
    g_object_unref (g_ptr_array_index (self->waiting, i));
  g_ptr_array_unref (self->waiting);
  if (self->decoder)
    g_thread_pool_free (self->decoder, FALSE, TRUE);
  g_hash_table_unref (self->textures);

  G_OBJECT_CLASS (lgsm_picture_cache_parent_class)->finalize (object);
}

static void
lgsm_picture_cache_class_init (LgsmPictureCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lgsm_picture_cache_finalize;
  object_class->get_property = lgsm_picture_cache_get_property;
  object_class->set_property = lgsm_picture_cache_set_property;

  /**
   * LgsmPictureCache:held:
   *
   * Whether decoding waits (until a window's first frame is painted).
   */
  properties[PROP_HELD] =
    g_param_spec_boolean ("held", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lgsm_picture_cache_init (LgsmPictureCache *self)
{
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->waiting = g_ptr_array_new ();
  self->decoder = g_thread_pool_new (decode_job, NULL, 1, TRUE, NULL);
}

LgsmPictureCache *
lgsm_picture_cache_new (void)
{
  return g_object_new (LGSM_TYPE_PICTURE_CACHE, NULL);
}

/**
 * lgsm_picture_cache_get_default:
 *
 * The cache of pictures shown outside any context's window (a widget
 * test's, a preview's). Windows use their context's.
 *
 * Returns: (transfer none)
 */
LgsmPictureCache *
lgsm_picture_cache_get_default (void)
{
  static LgsmPictureCache *fallback;

  if (fallback == NULL)
    fallback = lgsm_picture_cache_new ();
  return fallback;
}
