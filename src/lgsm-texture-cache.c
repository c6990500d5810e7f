/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "lgsm-texture-cache.h"

static GHashTable *cache;  /* "WxH uri" → GdkTexture; main thread only */
static gsize cache_bytes;

/* A kiosk runs all day through every picture at screen size: keep what the
 * cache holds bounded (textures on show stay alive through their widgets). */
#define CACHE_BUDGET (64 * 1024 * 1024)

static char *
cache_key (const char *uri,
           int         width,
           int         height)
{
  return g_strdup_printf ("%dx%d %s", width, height, uri);
}

GdkTexture *
lgsm_texture_cache_lookup (const char *uri,
                           int         width,
                           int         height)
{
  g_autofree char *key = NULL;

  if (cache == NULL || uri == NULL)
    return NULL;
  key = cache_key (uri, width, height);
  return g_hash_table_lookup (cache, key);
}

static void
cache_insert (const char *uri,
              int         width,
              int         height,
              GdkTexture *texture)
{
  gsize bytes = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (cache_bytes + bytes > CACHE_BUDGET)
    {
      g_hash_table_remove_all (cache);
      cache_bytes = 0;
    }
  cache_bytes += bytes;
  g_hash_table_insert (cache, cache_key (uri, width, height), g_object_ref (texture));
}

void
lgsm_texture_cache_clear (void)
{
  g_clear_pointer (&cache, g_hash_table_unref);
  cache_bytes = 0;
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

static GThreadPool *
decoder (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (decode_job, NULL, 1, TRUE, NULL));
  return pool;
}

/* Until the first frame is on screen, decoding waits: on two cores a
 * decoding thread would otherwise compete with the first frame. */
static gboolean held = TRUE;
static GPtrArray *waiting;

static void
submit (GTask *task)
{
  if (held)
    {
      if (waiting == NULL)
        waiting = g_ptr_array_new ();
      g_ptr_array_add (waiting, task);
      return;
    }
  g_thread_pool_push (decoder (), task, NULL);
}

void
lgsm_texture_cache_release (void)
{
  held = FALSE;
  for (guint i = 0; waiting && i < waiting->len; i++)
    g_thread_pool_push (decoder (), g_ptr_array_index (waiting, i), NULL);
  g_clear_pointer (&waiting, g_ptr_array_unref);
}

void
lgsm_texture_cache_load_async (const char          *uri,
                               int                  width,
                               int                  height,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GdkTexture *cached = lgsm_texture_cache_lookup (uri, width, height);
  LoadData *data;

  g_task_set_source_tag (task, lgsm_texture_cache_load_async);
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
  submit (g_steal_pointer (&task));
}

GdkTexture *
lgsm_texture_cache_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);
  GdkTexture *texture = g_task_propagate_pointer (task, error);

  if (texture && data)
    cache_insert (data->uri, data->width, data->height, texture);
  return texture;
}

static void
picture_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  const char *wanted = g_object_get_data (G_OBJECT (picture), "lgsm-uri");
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);

  texture = lgsm_texture_cache_load_finish (result, &error);
  if (texture == NULL)
    {
      g_warning ("Cannot show an image: %s", error->message);
      return;
    }
  /* the picture may have been recycled for another record, or asked for
   * another size, meanwhile: only the last request is shown */
  if (data == NULL ||
      (g_strcmp0 (wanted, data->uri) == 0 &&
       GPOINTER_TO_INT (g_object_get_data (G_OBJECT (picture), "lgsm-width")) == data->width &&
       GPOINTER_TO_INT (g_object_get_data (G_OBJECT (picture), "lgsm-height")) == data->height))
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

/* Shows @uri in @picture, decoded at width × height device pixels;
 * at once if cached, else when decoded. A size of 0 (a picture not laid
 * out yet) decodes nothing: lgsm_picture_follow_allocation() does, once
 * the picture has its size. */
void
lgsm_picture_load (GtkPicture *picture,
                   const char *uri,
                   int         width,
                   int         height)
{
  GdkTexture *cached;
  gboolean same = uri != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (picture), "lgsm-uri"), uri) == 0;

  g_object_set_data_full (G_OBJECT (picture), "lgsm-uri", g_strdup (uri), g_free);
  g_object_set_data (G_OBJECT (picture), "lgsm-width", GINT_TO_POINTER (width));
  g_object_set_data (G_OBJECT (picture), "lgsm-height", GINT_TO_POINTER (height));
  if (uri == NULL)
    {
      gtk_picture_set_paintable (picture, NULL);
      return;
    }
  if (width <= 0 || height <= 0)
    {
      if (!same)
        gtk_picture_set_paintable (picture, NULL);
      return;
    }
  cached = lgsm_texture_cache_lookup (uri, width, height);
  if (cached)
    {
      gtk_picture_set_paintable (picture, GDK_PAINTABLE (cached));
      return;
    }
  /* the same picture at a new size: keep showing the old one meanwhile */
  if (!same)
    gtk_picture_set_paintable (picture, NULL);
  lgsm_texture_cache_load_async (uri, width, height, NULL, picture_loaded, g_object_ref (picture));
}

static gboolean
refit_picture (gpointer data)
{
  GtkPicture *picture = data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (picture));
  /* a copy: lgsm_picture_load() replaces the string it is given here */
  g_autofree char *uri = g_strdup (g_object_get_data (G_OBJECT (picture), "lgsm-uri"));

  g_object_steal_data (G_OBJECT (picture), "lgsm-refit");
  lgsm_picture_load (picture, uri,
                     gtk_widget_get_width (GTK_WIDGET (picture)) * scale,
                     gtk_widget_get_height (GTK_WIDGET (picture)) * scale);
  return G_SOURCE_REMOVE;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/* For a parent's size_allocate(), once @picture has its allocation: when it
 * is shown at another size than it was decoded at, decode it again at the
 * size shown, once that has settled for 150 ms (a resize passes through
 * many sizes). A picture drawn at the size it was decoded is copied to the
 * screen; a larger one is scaled on every frame, and GTK 4.8's cairo
 * renderer converts every pixel of it each time it is drawn. */
void
lgsm_picture_follow_allocation (GtkPicture *picture)
{
  GObject *object = G_OBJECT (picture);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (picture));
  int width = gtk_widget_get_width (GTK_WIDGET (picture)) * scale;
  int height = gtk_widget_get_height (GTK_WIDGET (picture)) * scale;

  if (g_object_get_data (object, "lgsm-uri") == NULL || width <= 0 || height <= 0 ||
      (width == GPOINTER_TO_INT (g_object_get_data (object, "lgsm-width")) &&
       height == GPOINTER_TO_INT (g_object_get_data (object, "lgsm-height"))))
    return;
  /* not from inside the layout: loading may change the picture's size */
  g_object_set_data_full (object, "lgsm-refit", GUINT_TO_POINTER (g_timeout_add (150, refit_picture, picture)),
                          remove_source);
}
