/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "lgsm-problem.h"
#include "lgsm-section.h"

G_BEGIN_DECLS

#define LGSM_LOADER_MAX_FILE_SIZE   (64 * 1024 * 1024)
#define LGSM_LOADER_MAX_STRING_SIZE (1024 * 1024)
#define LGSM_LOADER_MAX_DEPTH       32
#define LGSM_SCHEMA_VERSION         1
#define LGSM_LOADER_MAX_PROBLEMS_PER_RECORD 20

/**
 * LgsmImageResolver:
 * @path: a relative image path that has passed the syntax check
 *
 * Returns: (transfer full): the URI of the image, or %NULL with @error set
 * (code %LGSM_RECORD_ERROR_BAD_IMAGE) when it does not exist.
 */
typedef char *(*LgsmImageResolver) (const char  *path,
                                    gpointer     user_data,
                                    GError     **error);

#define LGSM_TYPE_LOADER (lgsm_loader_get_type ())
G_DECLARE_FINAL_TYPE (LgsmLoader, lgsm_loader, LGSM, LOADER, GObject)

LgsmLoader  *lgsm_loader_new                    (void);
void         lgsm_loader_set_translation_domain (LgsmLoader        *self,
                                                 const char        *domain);
void         lgsm_loader_set_image_resolver     (LgsmLoader        *self,
                                                 LgsmImageResolver  resolver,
                                                 gpointer           user_data,
                                                 GDestroyNotify     destroy);
void         lgsm_loader_set_rejected_ids       (LgsmLoader        *self,
                                                 GHashTable        *ids);
LgsmSection *lgsm_loader_load_bytes             (LgsmLoader        *self,
                                                 GBytes            *bytes,
                                                 const char        *file,
                                                 GListStore        *problems);

const char  *lgsm_pgettext                      (const char        *domain,
                                                 const char        *context,
                                                 const char        *msgid);
gboolean     lgsm_id_is_valid                   (const char        *id);
gboolean     lgsm_image_path_is_safe            (const char        *path);

G_END_DECLS
