/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_PROBLEMS_DIALOG (lgsm_problems_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LgsmProblemsDialog, lgsm_problems_dialog, LGSM, PROBLEMS_DIALOG, GtkWindow)

GtkWindow *lgsm_problems_dialog_new      (GtkWindow          *parent,
                                          LgsmContext        *context);
char      *lgsm_problems_dialog_get_text (LgsmProblemsDialog *self);

G_END_DECLS
