/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         lgsm_i18n_init             (void);
gboolean     lgsm_language_is_known     (const char *lang);
const char  *lgsm_language_get_name     (const char *lang);
void         lgsm_language_apply        (const char *lang);
const char  *lgsm_language_get_second   (const char *current);

G_END_DECLS
