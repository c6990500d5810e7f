/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LGSM_TYPE_TIMELINE (lgsm_timeline_get_type ())
G_DECLARE_FINAL_TYPE (LgsmTimeline, lgsm_timeline, LGSM, TIMELINE, GtkWidget)

#define LGSM_TIMELINE_MAX_MARKS 300

GtkWidget *lgsm_timeline_new         (void);
void       lgsm_timeline_set_records (LgsmTimeline *self,
                                      GListModel   *records);
guint      lgsm_timeline_get_n_marks (LgsmTimeline *self);

G_END_DECLS
