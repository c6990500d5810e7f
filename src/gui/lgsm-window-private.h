/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lgsm-window.c (tabs, records, history, state) and
 * lgsm-window-actions.c (the window's actions and what they open). */

#include "lgsm-context.h"
#include "lgsm-nav-bar.h"
#include "lgsm-window.h"

G_BEGIN_DECLS

typedef struct _LgsmFocusMemo LgsmFocusMemo;

struct _LgsmWindow
{
  GtkApplicationWindow  parent_instance;

  LgsmContext          *context;
  LgsmExhibition       *exhibition;   /* the context's, while it is shown */
  GPtrArray            *history;      /* record ids, or NULL for "the tabs/search" */
  GPtrArray            *history_focus; /* LgsmFocusMemo per history entry: where the focus was */
  LgsmFocusMemo        *search_focus; /* where the focus was when the search was opened */
  char                 *search_return; /* the record shown when the search began, or NULL */
  char                 *record_id;    /* shown on the record page, or NULL */
  gboolean              quit_after_first_frame;
  LgsmKiosk            *kiosk;
  LgsmReader           *reader;       /* reading aloud (issue 19) */
  LgsmAudioGuide       *audio_guide;
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
  GtkWidget            *tab_switcher;     /* the tabs, or (narrow) a menu of them: */
  GtkWidget            *tabs_bar;
  GtkWidget            *compact_switcher;
  GtkLabel             *compact_label;
  GMenu                *tabs_menu;
  GtkWidget            *tabs_popover;  /* made on first use */
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

  LgsmLessonStore      *lessons;       /* the context's, once a record was shown */
  LgsmLesson           *current_lesson; /* watched for Ctrl+D's state */
};

/* lgsm-window-focus.c */

const char    *lgsm_widget_get_opened_record (GtkWidget     *widget);
LgsmFocusMemo *lgsm_focus_memo_save          (GtkWidget     *page);
gboolean       lgsm_focus_memo_restore       (LgsmFocusMemo *memo,
                                              GtkWidget     *page);
void           lgsm_focus_memo_free          (LgsmFocusMemo *memo);

/* lgsm-window.c */
void        lgsm_window_go_back            (LgsmWindow *self);
void        lgsm_window_begin_search       (LgsmWindow *self);
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
void        lgsm_window_setup_reading      (LgsmWindow     *self);
gboolean    lgsm_window_get_in_lesson      (LgsmWindow     *self);
void        lgsm_window_set_in_lesson      (LgsmWindow     *self,
                                            gboolean        in_lesson);
void        lgsm_window_forget_lessons     (LgsmWindow     *self);

G_END_DECLS
