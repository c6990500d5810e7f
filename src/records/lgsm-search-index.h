/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "lgsm-record.h"

G_BEGIN_DECLS

/* The text of a record a visitor can read, in ranking order: a word in the
 * title counts for more than one in the summary, the summary more than the
 * body, and so on down to the sources. */
typedef enum {
  LGSM_SEARCH_FIELD_TITLE,
  LGSM_SEARCH_FIELD_SUMMARY,
  LGSM_SEARCH_FIELD_BODY,          /* item: the paragraph */
  LGSM_SEARCH_FIELD_PEOPLE,        /* item: the link; the text is the linked record's title */
  LGSM_SEARCH_FIELD_PLACES,        /* item: the link; the text is the linked record's title */
  LGSM_SEARCH_FIELD_DATE,          /* the date as lgsm_record_format_date() writes it */
  LGSM_SEARCH_FIELD_IMAGE_ALT,
  LGSM_SEARCH_FIELD_CONTENT_NOTE,
  LGSM_SEARCH_FIELD_SEE_ALSO,      /* item: the link; the text is the linked record's title */
  LGSM_SEARCH_FIELD_IMAGE_CREDIT,
  LGSM_SEARCH_FIELD_SOURCES,       /* item: the source */
  LGSM_SEARCH_N_FIELDS
} LgsmSearchField;

/**
 * LgsmSearchRange:
 * @field: the field the word is in (%LGSM_SEARCH_N_FIELDS for a text given
 *   to lgsm_search_results_match_text())
 * @item: the paragraph, link or source within @field; 0 for the others
 * @start: byte offset of the word's first byte in that text
 * @end: byte offset just after the word
 *
 * One matched word, to highlight.
 */
typedef struct {
  LgsmSearchField field;
  guint           item;
  guint           start;
  guint           end;
} LgsmSearchRange;

/**
 * LgsmSearchHit:
 * @record: (transfer full): the record
 * @score: its rank: higher first (see lgsm_search_results_get_score())
 * @field: the best field the query matched in
 * @ranges: (element-type LgsmSearchRange): every matched word in every
 *   field of @record
 */
typedef struct {
  LgsmRecord      *record;
  guint32          score;
  LgsmSearchField  field;
  GArray          *ranges;
} LgsmSearchHit;

void lgsm_search_hit_free (LgsmSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmSearchHit, lgsm_search_hit_free)

/* ---- the index: immutable once built, shared between threads ---- */

#define LGSM_TYPE_SEARCH_INDEX (lgsm_search_index_get_type ())
typedef struct _LgsmSearchIndex LgsmSearchIndex;

#define LGSM_TYPE_SEARCH_RESULTS (lgsm_search_results_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSearchResults, lgsm_search_results, LGSM, SEARCH_RESULTS, GObject)

GType               lgsm_search_index_get_type        (void) G_GNUC_CONST;
LgsmSearchIndex    *lgsm_search_index_new             (GPtrArray        *records,
                                                       GHashTable       *by_id);
LgsmSearchIndex    *lgsm_search_index_new_for_model   (GListModel       *records,
                                                       GHashTable       *by_id);
LgsmSearchIndex    *lgsm_search_index_ref             (LgsmSearchIndex  *self);
void                lgsm_search_index_unref           (LgsmSearchIndex  *self);
guint               lgsm_search_index_get_n_records   (LgsmSearchIndex  *self);
guint               lgsm_search_index_get_n_words     (LgsmSearchIndex  *self);
gsize               lgsm_search_index_get_size        (LgsmSearchIndex  *self);
gint64              lgsm_search_index_get_build_time  (LgsmSearchIndex  *self);
char               *lgsm_search_index_dup_field_text  (LgsmSearchIndex  *self,
                                                       LgsmRecord       *record,
                                                       LgsmSearchField   field,
                                                       guint             item);
LgsmSearchResults  *lgsm_search_index_query           (LgsmSearchIndex  *self,
                                                       const char       *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmSearchIndex, lgsm_search_index_unref)

/* ---- the results: a GListModel of LgsmRecord, best first ---- */

const char         *lgsm_search_results_get_query      (LgsmSearchResults *self);
const char         *lgsm_search_results_get_suggestion (LgsmSearchResults *self);
LgsmRecord         *lgsm_search_results_get_record     (LgsmSearchResults *self,
                                                        guint              position);
guint32             lgsm_search_results_get_score      (LgsmSearchResults *self,
                                                        guint              position);
LgsmSearchField     lgsm_search_results_get_field      (LgsmSearchResults *self,
                                                        guint              position);
GArray             *lgsm_search_results_get_ranges     (LgsmSearchResults *self,
                                                        guint              position);
LgsmSearchHit      *lgsm_search_results_get_hit        (LgsmSearchResults *self,
                                                        guint              position);
GArray             *lgsm_search_results_match_text     (LgsmSearchResults *self,
                                                        const char        *text);

/* ---- words as the index sees them ---- */

char              **lgsm_search_fold_words            (const char       *text);
guint               lgsm_search_edit_distance         (const char       *a,
                                                       const char       *b);

G_END_DECLS
