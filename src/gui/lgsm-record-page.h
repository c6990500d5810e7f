/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-exhibition.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_RECORD_PAGE (lgsm_record_page_get_type ())
G_DECLARE_FINAL_TYPE (LgsmRecordPage, lgsm_record_page, LGSM, RECORD_PAGE, GtkWidget)

GtkWidget  *lgsm_record_page_new        (void);
void        lgsm_record_page_set_record (LgsmRecordPage *self,
                                         LgsmExhibition *exhibition,
                                         LgsmRecord     *record);
LgsmRecord *lgsm_record_page_get_record (LgsmRecordPage *self);
void        lgsm_record_page_focus_heading (LgsmRecordPage *self);
GtkWidget  *lgsm_record_page_get_heading (LgsmRecordPage *self);
GtkAdjustment *lgsm_record_page_get_vadjustment (LgsmRecordPage *self);
void        lgsm_record_page_set_reader (LgsmRecordPage *self,
                                         LgsmReader     *reader);

G_END_DECLS
