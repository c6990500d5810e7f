/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-record.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_PRESENTER_CONSOLE (lgsm_presenter_console_get_type ())
G_DECLARE_FINAL_TYPE (LgsmPresenterConsole, lgsm_presenter_console, LGSM, PRESENTER_CONSOLE, GtkWindow)

GtkWindow        *lgsm_presenter_console_new               (LgsmContext          *context);
LgsmConsoleView  *lgsm_presenter_console_get_view          (LgsmPresenterConsole *self);
void              lgsm_presenter_console_show              (LgsmPresenterConsole *self,
                                                            LgsmRecord           *current,
                                                            LgsmRecord           *next,
                                                            guint                 index,
                                                            guint                 n_slides);
const char       *lgsm_presenter_console_get_notes         (LgsmPresenterConsole *self);
const char       *lgsm_presenter_console_get_question      (LgsmPresenterConsole *self);
const char       *lgsm_presenter_console_get_position      (LgsmPresenterConsole *self);
void              lgsm_presenter_console_set_status        (LgsmPresenterConsole *self,
                                                            const char           *status,
                                                            const GdkRGBA        *blank);
const char       *lgsm_presenter_console_get_status        (LgsmPresenterConsole *self);
void              lgsm_presenter_console_set_ink_model     (LgsmPresenterConsole *self,
                                                            LgsmInkModel         *model);
void              lgsm_presenter_console_set_audience_size (LgsmPresenterConsole *self,
                                                            int                   width,
                                                            int                   height);
LgsmSlidePreview *lgsm_presenter_console_get_preview       (LgsmPresenterConsole *self,
                                                            gboolean              next);

G_END_DECLS
