/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-exhibition.h"

G_BEGIN_DECLS

#define LGSM_TYPE_APPLICATION (lgsm_application_get_type ())
G_DECLARE_FINAL_TYPE (LgsmApplication, lgsm_application, LGSM, APPLICATION, GtkApplication)

LgsmApplication *lgsm_application_new             (void);
gboolean         lgsm_application_check_arguments (int                argc,
                                                   char             **argv,
                                                   GError           **error);
LgsmExhibition  *lgsm_application_get_exhibition  (LgsmApplication   *self);
GSettings       *lgsm_application_get_settings    (LgsmApplication   *self);
void             lgsm_application_operator_quit   (LgsmApplication   *self);
double           lgsm_application_get_text_scale  (LgsmApplication   *self);

void             lgsm_i18n_init                   (void);
void             lgsm_application_set_language    (LgsmApplication   *self,
                                                   const char        *lang);
const char      *lgsm_application_get_language    (LgsmApplication   *self);
LgsmExhibition  *lgsm_application_get_second_exhibition (LgsmApplication *self);
void             lgsm_application_prepare_presentation  (LgsmApplication *self,
                                                         gpointer         presentation);
gboolean         lgsm_language_is_known           (const char        *lang);
const char      *lgsm_language_get_name           (const char        *lang);

gboolean         lgsm_section_name_is_tab         (const char        *name);

G_END_DECLS
