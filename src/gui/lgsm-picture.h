/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_PICTURE (lgsm_picture_get_type ())
G_DECLARE_FINAL_TYPE (LgsmPicture, lgsm_picture, LGSM, PICTURE, GtkWidget)

GtkWidget        *lgsm_picture_new                (void);
void              lgsm_picture_load               (LgsmPicture      *self,
                                                   const char       *uri,
                                                   int               width,
                                                   int               height);
const char       *lgsm_picture_get_uri            (LgsmPicture      *self);
GdkPaintable     *lgsm_picture_get_paintable      (LgsmPicture      *self);
void              lgsm_picture_get_decoded_size   (LgsmPicture      *self,
                                                   int              *width,
                                                   int              *height);
void              lgsm_picture_set_cache          (LgsmPicture      *self,
                                                   LgsmPictureCache *cache);
void              lgsm_picture_set_content_fit    (LgsmPicture      *self,
                                                   GtkContentFit     fit);

G_END_DECLS
