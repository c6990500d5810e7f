/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lgsm-window.c (tabs, records, history, state) and
 * lgsm-window-actions.c (the window's actions and what they open). */

#include "lgsm-context.h"
#include "lgsm-nav-bar.h"
#include "lgsm-window.h"

G_BEGIN_DECLS

struct _LgsmWindow
{
  GtkApplicationWindow  parent_instance;

  LgsmContext          *context;
  LgsmExhibition       *exhibition;   /* the context's, while it is shown */
  GPtrArray            *history;      /* record ids, or NULL for "the tabs/search" */
  char                 *record_id;    /* shown on the record page, or NULL */
  gboolean              quit_after_first_frame;
  LgsmKiosk            *kiosk;
  gboolean              may_close;
  gboolean              loading;
  char                 *pending_section;
  char                 *pending_record;
  guint                 help_overlay_idle;
  guint                 prebuild_idle;
  guint                 notice_timeout;
  guint32               user_time;    /* of the last key, click or touch */

  GtkWidget            *back_button;
  LgsmNavBar           *nav_bar;      /* on screen in kiosk mode and full screen */
  GtkWidget            *menu_button;
  GMenu                *language_section;
  GtkWidget            *present_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *problems_revealer;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  GtkLabel             *problems_label;
  GtkStack             *pages;
  GtkStack             *sections;
  LgsmSearchView       *search_view;
  LgsmRecordPage       *record_page;
};

/* lgsm-window.c */
void        lgsm_window_go_back            (LgsmWindow *self);
GListModel *lgsm_window_section_slides     (LgsmWindow *self,
                                            const char *id);
GListModel *lgsm_window_all_slides         (LgsmWindow *self);

/* lgsm-window-actions.c */
void        lgsm_window_class_add_actions  (GtkWidgetClass *widget_class);
void        lgsm_window_show_notice        (LgsmWindow     *self,
                                            const char     *text);
void        lgsm_window_start_presentation (LgsmWindow     *self,
                                            GListModel     *slides,
                                            const char     *title,
                                            guint           first);
void        lgsm_window_lock_for_kiosk     (LgsmWindow     *self);
void        lgsm_window_update_nav_bar     (LgsmWindow     *self);

G_END_DECLS
