/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "lgsm-record.h"

G_BEGIN_DECLS

#define LGSM_TYPE_SECTION (lgsm_section_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSection, lgsm_section, LGSM, SECTION, GObject)

LgsmSection  *lgsm_section_new          (const char  *id,
                                         const char  *title,
                                         const char  *summary,
                                         const char  *file);
const char   *lgsm_section_get_id       (LgsmSection *self);
const char   *lgsm_section_get_title    (LgsmSection *self);
const char   *lgsm_section_get_summary  (LgsmSection *self);
const char   *lgsm_section_get_file     (LgsmSection *self);
GListModel   *lgsm_section_get_records  (LgsmSection *self);
void          lgsm_section_take_records (LgsmSection *self,
                                         GPtrArray   *records);
void          lgsm_section_remove       (LgsmSection *self,
                                         LgsmRecord  *record);

gboolean      lgsm_section_id_is_known  (const char  *id);

G_END_DECLS
