/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* json-glib 1.6 keeps no source positions for parsed nodes, so problems
 * found after parsing are placed by re-scanning the text. The scan is only
 * made for files that have problems; valid files never pay for it. */

typedef struct _LgsmJsonIndex LgsmJsonIndex;

typedef enum {
  LGSM_JSON_OK,
  LGSM_JSON_TOO_DEEP,        /* nesting deeper than allowed */
  LGSM_JSON_NOT_STRICT,      /* a comment or a single-quoted string */
  LGSM_JSON_TRAILING,        /* something after the one top-level value */
  LGSM_JSON_ESCAPED_NUL,     /* \u0000 in a string */
  LGSM_JSON_LONE_SURROGATE,  /* \uD800–\uDFFF not in a proper pair */
} LgsmJsonCheck;

LgsmJsonCheck  lgsm_json_precheck          (const char    *text,
                                            gsize          len,
                                            guint          max_depth,
                                            gsize         *offset);
void           lgsm_json_offset_to_line_col (const char   *text,
                                            gsize          len,
                                            gsize          offset,
                                            guint         *line,
                                            guint         *column);

LgsmJsonIndex *lgsm_json_index_new         (const char    *text,
                                            gsize          len);
void           lgsm_json_index_free        (LgsmJsonIndex *index);
void           lgsm_json_index_locate      (LgsmJsonIndex *index,
                                            int            record,
                                            const char    *path,
                                            guint         *line,
                                            guint         *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmJsonIndex, lgsm_json_index_free)

G_END_DECLS
