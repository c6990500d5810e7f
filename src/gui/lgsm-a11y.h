/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names for what GTK makes without one, so that a screen reader never says
 * a toolkit class name ("GtkPopoverMenu", "GtkImage"). */
void lgsm_a11y_name_menu_button      (GtkWidget  *menu_button,
                                      const char *name,
                                      const char *menu_name);
void lgsm_a11y_name_shortcuts_window (GtkWidget  *window);

G_END_DECLS
