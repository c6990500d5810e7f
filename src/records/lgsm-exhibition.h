/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "lgsm-problem.h"
#include "lgsm-record.h"
#include "lgsm-search-index.h"
#include "lgsm-section.h"

G_BEGIN_DECLS

#define LGSM_TYPE_EXHIBITION (lgsm_exhibition_get_type ())
G_DECLARE_FINAL_TYPE (LgsmExhibition, lgsm_exhibition, LGSM, EXHIBITION, GObject)

LgsmExhibition *lgsm_exhibition_new                    (void);
void            lgsm_exhibition_set_translation_domain (LgsmExhibition *self,
                                                        const char     *domain);
gboolean        lgsm_exhibition_load_resources         (LgsmExhibition *self,
                                                        const char     *prefix,
                                                        GError        **error);
gboolean        lgsm_exhibition_load_directory         (LgsmExhibition *self,
                                                        GFile          *directory,
                                                        const char     *fallback_prefix,
                                                        GError        **error);

void            lgsm_exhibition_load_directory_async   (LgsmExhibition *self,
                                                        GFile          *directory,
                                                        const char     *fallback_prefix,
                                                        GCancellable   *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer        user_data);
gboolean        lgsm_exhibition_load_directory_finish  (LgsmExhibition *self,
                                                        GAsyncResult   *result,
                                                        GError        **error);

GListModel     *lgsm_exhibition_get_sections           (LgsmExhibition *self);
LgsmSection    *lgsm_exhibition_get_section            (LgsmExhibition *self,
                                                        const char     *id);
GListModel     *lgsm_exhibition_get_problems           (LgsmExhibition *self);
guint           lgsm_exhibition_get_n_records          (LgsmExhibition *self);
LgsmRecord     *lgsm_exhibition_lookup                 (LgsmExhibition *self,
                                                        const char     *id);
GListModel     *lgsm_exhibition_get_backlinks          (LgsmExhibition *self,
                                                        const char     *id);
GListModel     *lgsm_exhibition_search                 (LgsmExhibition *self,
                                                        const char     *query);
LgsmSearchResults *lgsm_exhibition_search_full         (LgsmExhibition *self,
                                                        const char     *query);
void            lgsm_exhibition_set_index_deferred     (LgsmExhibition *self,
                                                        gboolean        deferred);
gboolean        lgsm_exhibition_has_index              (LgsmExhibition *self);
void            lgsm_exhibition_build_index_async      (LgsmExhibition *self);
LgsmSearchIndex *lgsm_exhibition_get_search_index      (LgsmExhibition *self);
LgsmProblem    *lgsm_exhibition_get_section_problem    (LgsmExhibition *self,
                                                        const char     *section_id);

G_END_DECLS
