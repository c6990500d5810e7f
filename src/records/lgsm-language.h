/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @locale (e.g. "fr_FR.UTF-8") can be used. */
typedef gboolean (*LgsmLocaleTestFunc) (const char *locale,
                                        gpointer    user_data);

void         lgsm_i18n_init             (void);
gboolean     lgsm_language_is_known     (const char *lang);
const char  *lgsm_language_get_name     (const char *lang);
guint        lgsm_language_get_percent  (const char *lang);
char        *lgsm_language_format_label (const char *name,
                                         guint       percent);
char        *lgsm_language_dup_label    (const char *lang);
void         lgsm_language_apply        (const char *lang);
const char  *lgsm_language_get_second   (const char *current);

GStrv        lgsm_language_locale_candidates (const char         *lang,
                                              const char         *user_locale,
                                              const char * const *known);
char        *lgsm_language_find_locale       (const char         *lang,
                                              const char         *user_locale,
                                              const char * const *known,
                                              LgsmLocaleTestFunc  test,
                                              gpointer            user_data);
const char  *lgsm_language_get_time_locale   (void);
gboolean     lgsm_language_get_dates_from_translation (void);

G_END_DECLS
