/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "lgsm-problem.h"

G_BEGIN_DECLS

/* Helpers for a list of problems a curator reads: in file and line order,
 * with links to records that were left out made one line per file. */

void          lgsm_problems_sort          (GListStore  *problems,
                                           guint        n_in_order);
LgsmProblem  *lgsm_problems_find_file     (GListModel  *problems,
                                           const char  *file);
char         *lgsm_problems_scan_member   (const char  *text,
                                           gsize        len,
                                           gsize       *pos,
                                           const char  *name);

typedef struct _LgsmLeftOutLinks LgsmLeftOutLinks;

LgsmLeftOutLinks *lgsm_left_out_links_new       (void);
void              lgsm_left_out_links_free      (LgsmLeftOutLinks *self);
gboolean          lgsm_left_out_links_add       (LgsmLeftOutLinks *self,
                                                 const char       *file,
                                                 const char       *target,
                                                 const char       *target_file);
void              lgsm_left_out_links_set_place (LgsmLeftOutLinks *self,
                                                 const char       *file,
                                                 guint             line,
                                                 guint             column);
void              lgsm_left_out_links_report    (LgsmLeftOutLinks *self,
                                                 GListStore       *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmLeftOutLinks, lgsm_left_out_links_free)

G_END_DECLS
