/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-nav-bar.h"

/* The navigation a full-screen window keeps on screen: GTK hides a
 * full-screen window's header bar, and with it the tabs, Back and Search.
 * This bar is part of the page itself, shown in kiosk mode and in full
 * screen: Back (when there is somewhere to go back to), the tabs, Search
 * and, outside a kiosk, a way out of full screen. Its buttons are at least
 * 48 px for touch (style.css), and work with a mouse, touch and the
 * keyboard like any button. The window decides what is shown. */
struct _LgsmNavBar
{
  GtkWidget        parent_instance;

  GtkWidget       *back_button;
  GtkStackSwitcher *switcher;
  GtkToggleButton *search_button;
  GtkWidget       *fullscreen_button;
};

G_DEFINE_FINAL_TYPE (LgsmNavBar, lgsm_nav_bar, GTK_TYPE_WIDGET)

void
lgsm_nav_bar_set_stack (LgsmNavBar *self,
                        GtkStack   *stack)
{
  g_return_if_fail (LGSM_IS_NAV_BAR (self));
  gtk_stack_switcher_set_stack (self->switcher, stack);
}

GtkWidget *
lgsm_nav_bar_get_back_button (LgsmNavBar *self)
{
  g_return_val_if_fail (LGSM_IS_NAV_BAR (self), NULL);
  return self->back_button;
}

GtkToggleButton *
lgsm_nav_bar_get_search_button (LgsmNavBar *self)
{
  g_return_val_if_fail (LGSM_IS_NAV_BAR (self), NULL);
  return self->search_button;
}

GtkWidget *
lgsm_nav_bar_get_fullscreen_button (LgsmNavBar *self)
{
  g_return_val_if_fail (LGSM_IS_NAV_BAR (self), NULL);
  return self->fullscreen_button;
}

GtkWidget *
lgsm_nav_bar_get_switcher (LgsmNavBar *self)
{
  g_return_val_if_fail (LGSM_IS_NAV_BAR (self), NULL);
  return GTK_WIDGET (self->switcher);
}

static void
lgsm_nav_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LGSM_TYPE_NAV_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lgsm_nav_bar_parent_class)->dispose (object);
}

static void
lgsm_nav_bar_class_init (LgsmNavBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_nav_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-nav-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmNavBar, back_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmNavBar, switcher);
  gtk_widget_class_bind_template_child (widget_class, LgsmNavBar, search_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmNavBar, fullscreen_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "navbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
lgsm_nav_bar_init (LgsmNavBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lgsm_nav_bar_new (void)
{
  return g_object_new (LGSM_TYPE_NAV_BAR, NULL);
}
