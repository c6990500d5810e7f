/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Decodes images (SVG through librsvg's gdk-pixbuf loader) at the size they
 * are shown, off the main thread, and keeps the textures for reuse. */

void          lgsm_texture_cache_load_async  (const char           *uri,
                                              int                   width,
                                              int                   height,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GdkTexture   *lgsm_texture_cache_load_finish (GAsyncResult         *result,
                                              GError              **error);
GdkTexture   *lgsm_texture_cache_lookup      (const char           *uri,
                                              int                   width,
                                              int                   height);
GdkTexture   *lgsm_texture_load_sync         (const char           *uri,
                                              int                   width,
                                              int                   height,
                                              GError              **error);
void          lgsm_picture_load              (GtkPicture           *picture,
                                              const char           *uri,
                                              int                   width,
                                              int                   height);
void          lgsm_picture_follow_allocation (GtkPicture           *picture);
void          lgsm_texture_cache_clear       (void);
void          lgsm_texture_cache_release     (void);

G_END_DECLS
