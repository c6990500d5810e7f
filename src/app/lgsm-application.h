/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-exhibition.h"
#include "lgsm-language.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_APPLICATION (lgsm_application_get_type ())
G_DECLARE_FINAL_TYPE (LgsmApplication, lgsm_application, LGSM, APPLICATION, GtkApplication)

LgsmApplication *lgsm_application_new                   (void);
LgsmContext     *lgsm_application_get_context           (LgsmApplication *self);
LgsmExhibition  *lgsm_application_get_exhibition        (LgsmApplication *self);
LgsmExhibition  *lgsm_application_get_second_exhibition (LgsmApplication *self);
GSettings       *lgsm_application_get_settings          (LgsmApplication *self);
const char      *lgsm_application_get_language          (LgsmApplication *self);
void             lgsm_application_set_language          (LgsmApplication *self,
                                                         const char      *lang);
double           lgsm_application_get_text_scale        (LgsmApplication *self);
void             lgsm_application_operator_quit         (LgsmApplication *self);
LgsmWindow      *lgsm_application_ensure_window         (LgsmApplication *self,
                                                         const char      *records_dir);

G_END_DECLS
