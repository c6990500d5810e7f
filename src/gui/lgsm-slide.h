/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-record.h"

G_BEGIN_DECLS

#define LGSM_TYPE_SLIDE (lgsm_slide_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSlide, lgsm_slide, LGSM, SLIDE, GtkWidget)

GtkWidget  *lgsm_slide_new        (void);
void        lgsm_slide_set_record (LgsmSlide  *self,
                                   LgsmRecord *record);
LgsmRecord *lgsm_slide_get_record (LgsmSlide  *self);
const char *lgsm_slide_get_title  (LgsmSlide  *self);
void        lgsm_slide_set_second_title (LgsmSlide  *self,
                                         const char *title);
const char *lgsm_slide_get_second_title (LgsmSlide  *self);

G_END_DECLS
