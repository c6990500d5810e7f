/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-a11y.h"

/* A menu button is a button inside a button, and its menu a popover: each
 * gets a name. @name names the button; @menu_name its menu. */
void
lgsm_a11y_name_menu_button (GtkWidget  *menu_button,
                            const char *name,
                            const char *menu_name)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (menu_button));

  if (name)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (gtk_widget_get_first_child (menu_button))
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (menu_button)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  if (popover && menu_name)
    gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name, -1);
}

static void
name_shortcuts_parts (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        /* Translators: for screen readers: the search box of the
                                           keyboard shortcuts window (Ctrl+?) */
                                        _("Search the Shortcuts"), -1);
      else if (GTK_IS_MENU_BUTTON (child))
        {
          /* Translators: for screen readers: the keyboard shortcuts window's menu of its
             sections (kinds of shortcut: the exhibition, presenting…) */
          lgsm_a11y_name_menu_button (child, _("Kinds of Shortcut"), _("Kinds of Shortcut"));
          continue;
        }
      else if (GTK_IS_TOGGLE_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        /* the only icon button: the search's */
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        /* Translators: for screen readers: the button that opens
                                           the search of the keyboard shortcuts window */
                                        _("Search the Shortcuts"), -1);
      name_shortcuts_parts (child);
    }
}

/* GtkShortcutsWindow's own search entry, search button and menu of
 * sections have no names. */
void
lgsm_a11y_name_shortcuts_window (GtkWidget *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  if (gtk_window_get_title (GTK_WINDOW (window)) == NULL)
    /* Translators: the title of the keyboard shortcuts window (Ctrl+?) */
    gtk_window_set_title (GTK_WINDOW (window), _("Keyboard Shortcuts"));
  name_shortcuts_parts (window);
  /* its header bar is the window's title bar, not among its children */
  if (gtk_window_get_titlebar (GTK_WINDOW (window)))
    name_shortcuts_parts (gtk_window_get_titlebar (GTK_WINDOW (window)));
}
