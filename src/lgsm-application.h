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

gboolean         lgsm_section_name_is_tab         (const char        *name);

G_END_DECLS
