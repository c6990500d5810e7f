/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-record.h"

G_BEGIN_DECLS

#define LGSM_TYPE_RECORD_CARD (lgsm_record_card_get_type ())
G_DECLARE_FINAL_TYPE (LgsmRecordCard, lgsm_record_card, LGSM, RECORD_CARD, GtkWidget)

GtkWidget  *lgsm_record_card_new        (void);
void        lgsm_record_card_set_record (LgsmRecordCard *self,
                                         LgsmRecord     *record);
LgsmRecord *lgsm_record_card_get_record (LgsmRecordCard *self);
const char *lgsm_record_group_name      (const char     *group);
void        lgsm_record_card_describe   (GtkAccessible  *accessible,
                                         LgsmRecord     *record);
GtkListItemFactory *lgsm_record_card_factory_new (void);

G_END_DECLS
