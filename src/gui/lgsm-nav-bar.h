/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LGSM_TYPE_NAV_BAR (lgsm_nav_bar_get_type ())
G_DECLARE_FINAL_TYPE (LgsmNavBar, lgsm_nav_bar, LGSM, NAV_BAR, GtkWidget)

GtkWidget       *lgsm_nav_bar_new                    (void);
void             lgsm_nav_bar_set_stack              (LgsmNavBar *self,
                                                      GtkStack   *stack);
GtkWidget       *lgsm_nav_bar_get_back_button        (LgsmNavBar *self);
GtkToggleButton *lgsm_nav_bar_get_search_button      (LgsmNavBar *self);
GtkWidget       *lgsm_nav_bar_get_fullscreen_button  (LgsmNavBar *self);
GtkWidget       *lgsm_nav_bar_get_switcher           (LgsmNavBar *self);

G_END_DECLS
