/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkPrintOperation *lgsm_handout_new    (const char  *title,
                                        GListModel  *records);
gboolean           lgsm_handout_export (const char  *title,
                                        GListModel  *records,
                                        const char  *pdf_path,
                                        GError     **error);
void               lgsm_handout_print  (GtkWindow   *parent,
                                        const char  *title,
                                        GListModel  *records);

G_END_DECLS
