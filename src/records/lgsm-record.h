/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "lgsm-date.h"

G_BEGIN_DECLS

typedef enum {
  LGSM_RECORD_KIND_EVENT,
  LGSM_RECORD_KIND_THEME,
  LGSM_RECORD_KIND_PERSON,
  LGSM_RECORD_KIND_PLACE,
  LGSM_RECORD_KIND_ORGANISATION,
  LGSM_RECORD_KIND_ITEM,
} LgsmRecordKind;

#define LGSM_TYPE_RECORD (lgsm_record_get_type ())
G_DECLARE_FINAL_TYPE (LgsmRecord, lgsm_record, LGSM, RECORD, GObject)

gboolean             lgsm_record_kind_from_string   (const char     *text,
                                                     LgsmRecordKind *kind);
const char          *lgsm_record_kind_to_string     (LgsmRecordKind  kind);

const char          *lgsm_record_get_id             (LgsmRecord *self);
LgsmRecordKind       lgsm_record_get_kind           (LgsmRecord *self);
const char          *lgsm_record_get_section        (LgsmRecord *self);
const char          *lgsm_record_get_file           (LgsmRecord *self);
const char          *lgsm_record_get_title          (LgsmRecord *self);
const char          *lgsm_record_get_summary        (LgsmRecord *self);
const char * const  *lgsm_record_get_body           (LgsmRecord *self);
const LgsmDate      *lgsm_record_get_date           (LgsmRecord *self);
char                *lgsm_record_format_date        (LgsmRecord *self);
const char          *lgsm_record_get_image_uri      (LgsmRecord *self);
const char          *lgsm_record_get_image_alt      (LgsmRecord *self);
const char          *lgsm_record_get_image_credit   (LgsmRecord *self);
const char          *lgsm_record_get_image_licence  (LgsmRecord *self);
gboolean             lgsm_record_get_amount         (LgsmRecord *self,
                                                     gint64     *pence,
                                                     const char **currency,
                                                     gboolean   *approximate);
char                *lgsm_record_format_amount      (LgsmRecord *self);
const char * const  *lgsm_record_get_places         (LgsmRecord *self);
const char * const  *lgsm_record_get_people         (LgsmRecord *self);
const char * const  *lgsm_record_get_see_also       (LgsmRecord *self);
const char          *lgsm_record_get_group          (LgsmRecord *self);
const char          *lgsm_record_get_side           (LgsmRecord *self);
gboolean             lgsm_record_get_geo            (LgsmRecord *self,
                                                     double     *lat,
                                                     double     *lon);
const char          *lgsm_record_get_notes          (LgsmRecord *self);
const char          *lgsm_record_get_content_note   (LgsmRecord *self);
const char * const  *lgsm_record_get_sources        (LgsmRecord *self);

int                  lgsm_record_compare_by_date    (gconstpointer a,
                                                     gconstpointer b,
                                                     gpointer      user_data);

G_END_DECLS
