/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-exhibition.h"

G_BEGIN_DECLS

#define LGSM_TYPE_MAP (lgsm_map_get_type ())
G_DECLARE_FINAL_TYPE (LgsmMap, lgsm_map, LGSM, MAP, GtkWidget)

GtkWidget *lgsm_map_new            (void);
void       lgsm_map_set_exhibition (LgsmMap        *self,
                                    LgsmExhibition *exhibition,
                                    GListModel     *routes);
guint      lgsm_map_get_n_places   (LgsmMap        *self);
void       lgsm_map_set_max_height (LgsmMap        *self,
                                    int             height);
GtkWidget *lgsm_map_get_mark       (LgsmMap        *self,
                                    guint           i);
LgsmRecord *lgsm_map_get_place     (LgsmMap        *self,
                                    guint           i);
const char *lgsm_map_get_current_name (LgsmMap        *self);
gboolean   lgsm_map_get_label_bounds (LgsmMap         *self,
                                      guint            i,
                                      graphene_rect_t *bounds);

/* The projection the artwork map-britain.svg is drawn in (600 × 940). */
#define LGSM_MAP_WIDTH  600.0
#define LGSM_MAP_HEIGHT 940.0
#define LGSM_MAP_X(lon) (((lon) + 8.0) * 60.0)
#define LGSM_MAP_Y(lat) ((59.0 - (lat)) * 102.0)

G_END_DECLS
