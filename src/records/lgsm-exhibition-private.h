/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the exhibition's files, and included from src/records/ only:
 * lgsm-exhibition.c (the object, lookup, back links, search),
 * lgsm-exhibition-load.c (loading: the bundle, a folder, off the main
 * thread) and lgsm-exhibition-checks.c (the checks across files: unique
 * ids, links, back links, what was left out and why). */

#include "lgsm-exhibition.h"
#include "lgsm-json-locate.h"

G_BEGIN_DECLS

struct _LgsmExhibition
{
  GObject     parent_instance;
  char       *domain;
  GListStore *sections;
  GListStore *problems;
  GHashTable *by_id;      /* id → LgsmRecord (owned by its section) */
  GHashTable *backlinks;  /* id → GPtrArray of LgsmRecord */
  GPtrArray  *pending;    /* PendingFile, until the cross-file checks ran */
  LgsmSearchIndex *index;
  gboolean    defer_index;       /* built after loading, by lgsm_exhibition_build_index_async() */
  GHashTable *not_loaded;        /* id → file: records left out, or in a file left out */
  GHashTable *skipped_sections;  /* section id → file that could not be read */
  GHashTable *section_problems;  /* section id → LgsmProblem: why it is empty */
  GPtrArray  *later;             /* LgsmProblem found here, placed by line at the end */
};

/* A file read, kept until the cross-file checks ran: they find the line
 * and column of what they report in it. */
typedef struct {
  char          *file;
  GBytes        *bytes;
  LgsmJsonIndex *index;
} PendingFile;

/* lgsm-exhibition.c */
void             lgsm_exhibition_update_index      (LgsmExhibition  *self);

/* lgsm-exhibition-checks.c */
void             lgsm_exhibition_pending_file_free (PendingFile     *pf);
void             lgsm_exhibition_report_file       (LgsmExhibition  *self,
                                                    const char      *file,
                                                    LgsmRecordError  code,
                                                    const char      *message);
void             lgsm_exhibition_note_skipped_file (LgsmExhibition  *self,
                                                    GBytes          *bytes,
                                                    const char      *file);
void             lgsm_exhibition_skip_file         (LgsmExhibition  *self,
                                                    const char      *file,
                                                    LgsmRecordError  code,
                                                    const char      *message);
void             lgsm_exhibition_add_section       (LgsmExhibition  *self,
                                                    LgsmSection     *section);
void             lgsm_exhibition_finish_loading    (LgsmExhibition  *self);

G_END_DECLS
