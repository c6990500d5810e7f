/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-record.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_SLIDE_PREVIEW (lgsm_slide_preview_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSlidePreview, lgsm_slide_preview, LGSM, SLIDE_PREVIEW, GtkWidget)

GtkWidget  *lgsm_slide_preview_new               (void);
LgsmSlide  *lgsm_slide_preview_get_slide         (LgsmSlidePreview *self);
void        lgsm_slide_preview_set_record        (LgsmSlidePreview *self,
                                                  LgsmRecord       *record);
void        lgsm_slide_preview_set_audience_size (LgsmSlidePreview *self,
                                                  int               width,
                                                  int               height);
void        lgsm_slide_preview_get_audience_size (LgsmSlidePreview *self,
                                                  int              *width,
                                                  int              *height);
void        lgsm_slide_preview_set_ink_model     (LgsmSlidePreview *self,
                                                  LgsmInkModel     *model);
void        lgsm_slide_preview_set_blank         (LgsmSlidePreview *self,
                                                  const GdkRGBA    *color);
gboolean    lgsm_slide_preview_get_blank         (LgsmSlidePreview *self,
                                                  GdkRGBA          *color);
void        lgsm_slide_preview_get_slide_bounds  (LgsmSlidePreview *self,
                                                  graphene_rect_t  *bounds);

G_END_DECLS
