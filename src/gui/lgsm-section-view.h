/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-exhibition.h"

G_BEGIN_DECLS

#define LGSM_TYPE_SECTION_VIEW (lgsm_section_view_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSectionView, lgsm_section_view, LGSM, SECTION_VIEW, GtkWidget)

GtkWidget  *lgsm_section_view_new        (LgsmExhibition  *exhibition,
                                          LgsmSection     *section);
LgsmSection *lgsm_section_view_get_section (LgsmSectionView *self);
GListModel *lgsm_section_view_get_cards  (LgsmSectionView *self);
GtkWidget  *lgsm_section_view_get_feature (LgsmSectionView *self,
                                           GType            type);
gboolean    lgsm_section_view_focus_card (LgsmSectionView *self,
                                          const char      *id);
GtkAdjustment *lgsm_section_view_get_vadjustment (LgsmSectionView *self);

G_END_DECLS
