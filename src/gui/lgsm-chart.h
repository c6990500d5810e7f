/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-exhibition.h"

G_BEGIN_DECLS

#define LGSM_TYPE_CHART (lgsm_chart_get_type ())
G_DECLARE_FINAL_TYPE (LgsmChart, lgsm_chart, LGSM, CHART, GtkWidget)

GtkWidget *lgsm_chart_new            (void);
void       lgsm_chart_set_exhibition (LgsmChart      *self,
                                      LgsmExhibition *exhibition);
guint      lgsm_chart_get_n_bars     (LgsmChart      *self);

G_END_DECLS
