/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-exhibition.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_SEARCH_VIEW (lgsm_search_view_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSearchView, lgsm_search_view, LGSM, SEARCH_VIEW, GtkWidget)

GtkWidget      *lgsm_search_view_new            (void);
void            lgsm_search_view_set_exhibition (LgsmSearchView *self,
                                                 LgsmExhibition *exhibition);
const char     *lgsm_search_view_get_query      (LgsmSearchView *self);
void            lgsm_search_view_set_query      (LgsmSearchView *self,
                                                 const char     *query);
guint           lgsm_search_view_get_n_results  (LgsmSearchView *self);
LgsmRecord     *lgsm_search_view_get_selected   (LgsmSearchView *self);
const char     *lgsm_search_view_get_summary    (LgsmSearchView *self);
gboolean        lgsm_search_view_focus_result   (LgsmSearchView *self,
                                                 const char     *id);

G_END_DECLS
