/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-record.h"

G_BEGIN_DECLS

#define LGSM_TYPE_PRESENTER_CONSOLE (lgsm_presenter_console_get_type ())
G_DECLARE_FINAL_TYPE (LgsmPresenterConsole, lgsm_presenter_console, LGSM, PRESENTER_CONSOLE, GtkWindow)

GtkWindow  *lgsm_presenter_console_new      (void);
void        lgsm_presenter_console_show     (LgsmPresenterConsole *self,
                                             LgsmRecord           *current,
                                             LgsmRecord           *next,
                                             guint                 index,
                                             guint                 n_slides);
const char *lgsm_presenter_console_get_notes (LgsmPresenterConsole *self);

G_END_DECLS
