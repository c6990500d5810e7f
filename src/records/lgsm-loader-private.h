/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the loader's files, and included from src/records/ only:
 * lgsm-loader.c (the object, a file's text and header, the record loop),
 * lgsm-loader-fields.c (the typed field readers: text, strings, lists,
 * dates, images, amounts, positions, body) and lgsm-loader-report.c
 * (reporting a problem where it is; type and member checks). */

#include <json-glib/json-glib.h>

#include "lgsm-json-locate.h"
#include "lgsm-loader.h"
#include "lgsm-record-private.h"

G_BEGIN_DECLS

struct _LgsmLoader
{
  GObject            parent_instance;
  char              *domain;
  LgsmImageResolver  resolver;
  gpointer           resolver_data;
  GDestroyNotify     resolver_destroy;
  GHashTable        *rejected;   /* (nullable) id → file of records left out */
};

/* One file being read. */
typedef struct {
  LgsmLoader    *loader;
  const char    *file;
  const char    *text;
  gsize          len;
  GListStore    *problems;
  LgsmJsonIndex *index;     /* made on the first problem */
  gboolean       indexable; /* the text is sane enough to scan */
  const char    *section;
} FileCtx;

/* One record being read (or the file's header, index -1). */
typedef struct {
  FileCtx      *fc;
  int           index;      /* position in "records", -1 for the file's header */
  const char   *id;         /* NULL until known to be valid */
  char          label[32];  /* "records[N]" when the id is not known */
  gboolean      failed;
  LgsmRecord   *record;
  guint         n_reported;
} RecCtx;

/* lgsm-loader-report.c */
void         lgsm_loader_report             (RecCtx             *rc,
                                             const char         *field,
                                             LgsmRecordError     code,
                                             const char         *format,
                                             ...) G_GNUC_PRINTF (4, 5);
void         lgsm_loader_report_more        (RecCtx             *rc);
void         lgsm_loader_report_offset      (FileCtx            *fc,
                                             gsize               offset,
                                             LgsmRecordError     code,
                                             const char         *message);
void         lgsm_loader_report_parse_error (FileCtx            *fc,
                                             const GError       *error);
const char  *lgsm_loader_json_type_name     (JsonNode           *node);
gboolean     lgsm_loader_expect_type        (RecCtx             *rc,
                                             JsonNode           *node,
                                             const char         *field,
                                             GType               value_type,
                                             const char         *wanted);
void         lgsm_loader_check_members      (RecCtx             *rc,
                                             JsonObject         *object,
                                             const char         *prefix,
                                             const char * const *known,
                                             guint               n_known);

/* lgsm-loader-fields.c */
const char  *lgsm_loader_translate          (RecCtx             *rc,
                                             const char         *owner,
                                             const char         *field,
                                             const char         *text);
const char  *lgsm_loader_get_text           (RecCtx             *rc,
                                             JsonObject         *object,
                                             const char         *name,
                                             const char         *field,
                                             gboolean            required);
const char  *lgsm_loader_get_translated     (RecCtx             *rc,
                                             JsonObject         *object,
                                             const char         *name,
                                             gboolean            required);
const char **lgsm_loader_get_strv           (RecCtx             *rc,
                                             JsonObject         *object,
                                             const char         *name,
                                             gboolean            required,
                                             gboolean            ids);
void         lgsm_loader_read_body          (RecCtx             *rc,
                                             JsonObject         *record);
void         lgsm_loader_read_date          (RecCtx             *rc,
                                             JsonObject         *record);
void         lgsm_loader_read_image         (RecCtx             *rc,
                                             JsonObject         *record);
void         lgsm_loader_read_amount        (RecCtx             *rc,
                                             JsonObject         *record);
void         lgsm_loader_read_geo           (RecCtx             *rc,
                                             JsonObject         *record);

G_END_DECLS
