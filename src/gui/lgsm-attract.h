/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-exhibition.h"

G_BEGIN_DECLS

#define LGSM_TYPE_ATTRACT (lgsm_attract_get_type ())
G_DECLARE_FINAL_TYPE (LgsmAttract, lgsm_attract, LGSM, ATTRACT, GtkWidget)

GtkWidget  *lgsm_attract_new          (void);
void        lgsm_attract_set_exhibition (LgsmAttract    *self,
                                         LgsmExhibition *exhibition);
void        lgsm_attract_start        (LgsmAttract    *self,
                                       guint           interval_ms);
void        lgsm_attract_stop         (LgsmAttract    *self);
gboolean    lgsm_attract_is_running   (LgsmAttract    *self);
const char *lgsm_attract_get_title    (LgsmAttract    *self);

G_END_DECLS
