/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_PICTURE_CACHE (lgsm_picture_cache_get_type ())
G_DECLARE_FINAL_TYPE (LgsmPictureCache, lgsm_picture_cache, LGSM, PICTURE_CACHE, GObject)

LgsmPictureCache *lgsm_picture_cache_new         (void);
LgsmPictureCache *lgsm_picture_cache_get_default (void);
GdkTexture       *lgsm_picture_cache_lookup      (LgsmPictureCache     *self,
                                                  const char           *uri,
                                                  int                   width,
                                                  int                   height);
void              lgsm_picture_cache_load_async  (LgsmPictureCache     *self,
                                                  const char           *uri,
                                                  int                   width,
                                                  int                   height,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GdkTexture       *lgsm_picture_cache_load_finish (LgsmPictureCache     *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void              lgsm_picture_cache_set_held    (LgsmPictureCache     *self,
                                                  gboolean              held);
gboolean          lgsm_picture_cache_get_held    (LgsmPictureCache     *self);
void              lgsm_picture_cache_clear       (LgsmPictureCache     *self);
void              lgsm_picture_cache_shutdown    (LgsmPictureCache     *self);
guint             lgsm_picture_cache_get_n_items (LgsmPictureCache     *self);

GdkTexture       *lgsm_texture_load_sync         (const char           *uri,
                                                  int                   width,
                                                  int                   height,
                                                  GError              **error);

G_END_DECLS
