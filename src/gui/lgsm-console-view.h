/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-record.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_CONSOLE_VIEW (lgsm_console_view_get_type ())
G_DECLARE_FINAL_TYPE (LgsmConsoleView, lgsm_console_view, LGSM, CONSOLE_VIEW, GtkWidget)

GtkWidget        *lgsm_console_view_new               (void);
void              lgsm_console_view_show              (LgsmConsoleView *self,
                                                       LgsmRecord      *current,
                                                       LgsmRecord      *next,
                                                       guint            index,
                                                       guint            n_slides);
const char       *lgsm_console_view_get_notes         (LgsmConsoleView *self);
const char       *lgsm_console_view_get_question      (LgsmConsoleView *self);
const char       *lgsm_console_view_get_position      (LgsmConsoleView *self);
void              lgsm_console_view_set_status        (LgsmConsoleView *self,
                                                       const char      *status,
                                                       const GdkRGBA   *blank);
const char       *lgsm_console_view_get_status        (LgsmConsoleView *self);
void              lgsm_console_view_set_ink_model     (LgsmConsoleView *self,
                                                       LgsmInkModel    *model);
void              lgsm_console_view_set_audience_size (LgsmConsoleView *self,
                                                       int              width,
                                                       int              height);
LgsmSlidePreview *lgsm_console_view_get_preview       (LgsmConsoleView *self,
                                                       gboolean         next);

G_END_DECLS
