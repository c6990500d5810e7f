/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lgsm-search-private.h"

/* The results of a query (lgsm-search-query.c makes them): a GListModel of
 * LgsmRecord, best first, with each record's score and best field, and the
 * words to highlight, found again in a record's texts (or any text) by the
 * query's words, their starts and their typos. */

static void lgsm_search_results_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LgsmSearchResults, lgsm_search_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lgsm_search_results_list_model_init))

static GType
lgsm_search_results_get_item_type (GListModel *model)
{
  return LGSM_TYPE_RECORD;
}

static guint
lgsm_search_results_get_n_items (GListModel *model)
{
  return LGSM_SEARCH_RESULTS (model)->n_hits;
}

static gpointer
lgsm_search_results_get_item (GListModel *model,
                              guint       position)
{
  LgsmSearchResults *self = LGSM_SEARCH_RESULTS (model);

  if (position >= self->n_hits)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->index->records, self->hits[position].record >> FIELD_BITS));
}

static void
lgsm_search_results_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lgsm_search_results_get_item_type;
  iface->get_n_items = lgsm_search_results_get_n_items;
  iface->get_item = lgsm_search_results_get_item;
}

static void
lgsm_search_results_finalize (GObject *object)
{
  LgsmSearchResults *self = LGSM_SEARCH_RESULTS (object);

  for (guint i = 0; i < self->n_words; i++)
    g_clear_pointer (&self->words[i].fuzzy, g_array_unref);
  g_free (self->words);
  g_free (self->hits);
  g_free (self->query);
  g_free (self->suggestion);
  g_clear_pointer (&self->index, lgsm_search_index_unref);

  G_OBJECT_CLASS (lgsm_search_results_parent_class)->finalize (object);
}

static void
lgsm_search_results_class_init (LgsmSearchResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgsm_search_results_finalize;
}

static void
lgsm_search_results_init (LgsmSearchResults *self)
{
}

/* ---- what the results hold ------------------------------------------------------- */

const char *
lgsm_search_results_get_query (LgsmSearchResults *self)
{
  g_return_val_if_fail (LGSM_IS_SEARCH_RESULTS (self), NULL);
  return self->query;
}

/**
 * lgsm_search_results_get_suggestion:
 *
 * Returns: (nullable): when nothing matched, the query with its unknown
 * words replaced by the closest words of the records (folded: lower case,
 * without accents), which does match; otherwise %NULL
 */
const char *
lgsm_search_results_get_suggestion (LgsmSearchResults *self)
{
  g_return_val_if_fail (LGSM_IS_SEARCH_RESULTS (self), NULL);
  return self->suggestion;
}

/**
 * lgsm_search_results_get_record:
 *
 * Returns: (transfer none): the record at @position
 */
LgsmRecord *
lgsm_search_results_get_record (LgsmSearchResults *self,
                                guint              position)
{
  g_return_val_if_fail (LGSM_IS_SEARCH_RESULTS (self), NULL);
  g_return_val_if_fail (position < self->n_hits, NULL);
  return g_ptr_array_index (self->index->records, self->hits[position].record >> FIELD_BITS);
}

/**
 * lgsm_search_results_get_score:
 *
 * Returns: the rank of the record at @position; results come in decreasing
 * score. Bits 24–27: the field where the whole phrase was found (0: none);
 * 16–21: 63 minus the typos; 5–12: how highly ranked the fields the words
 * are in; 0–4: how many words were exact
 */
guint32
lgsm_search_results_get_score (LgsmSearchResults *self,
                               guint              position)
{
  g_return_val_if_fail (LGSM_IS_SEARCH_RESULTS (self), 0);
  g_return_val_if_fail (position < self->n_hits, 0);
  return self->hits[position].score;
}

/**
 * lgsm_search_results_get_field:
 *
 * Returns: the field of the phrase, or else the best field the first word
 * of the query matched in: the text to show under the title
 */
LgsmSearchField
lgsm_search_results_get_field (LgsmSearchResults *self,
                               guint              position)
{
  g_return_val_if_fail (LGSM_IS_SEARCH_RESULTS (self), LGSM_SEARCH_FIELD_TITLE);
  g_return_val_if_fail (position < self->n_hits, LGSM_SEARCH_FIELD_TITLE);
  return (LgsmSearchField) (self->hits[position].record & FIELD_MASK);
}

/* ---- the words to highlight ------------------------------------------------------ */

static gint64
word_id (LgsmSearchIndex *index,
         const char      *text)
{
  guint lo = 0, hi = index->n_words;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = strcmp (index->words[mid], text);

      if (c == 0)
        return mid;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

static int
compare_fuzzy (gconstpointer a,
               gconstpointer b)
{
  guint32 x = ((const Fuzzy *) a)->id, y = ((const Fuzzy *) b)->id;
  return (x > y) - (x < y);
}

static gboolean
word_matches (LgsmSearchResults    *self,
              const LgsmSearchWord *word)
{
  gint64 id = -2;

  for (guint w = 0; w < self->n_words; w++)
    {
      const QueryWord *q = &self->words[w];

      if (word->len >= q->len && memcmp (word->folded, q->text, q->len) == 0)
        return TRUE;
      if (q->fuzzy->len == 0)
        continue;
      if (id == -2)
        id = word_id (self->index, word->folded);
      if (id >= 0)
        {
          Fuzzy key = { (guint32) id, 0 };
          if (bsearch (&key, q->fuzzy->data, q->fuzzy->len, sizeof (Fuzzy), compare_fuzzy))
            return TRUE;
        }
    }
  return FALSE;
}

typedef struct {
  LgsmSearchResults *results;
  GArray            *ranges;
} RangeCollector;

static void
collect_ranges (LgsmSearchField  field,
                guint            item,
                const char      *text,
                gpointer         data)
{
  RangeCollector *c = data;
  gsize pos = 0;
  LgsmSearchWord word;

  while (lgsm_search_next_word (text, &pos, &word))
    if (word_matches (c->results, &word))
      {
        LgsmSearchRange range = { field, item, word.start, word.end };
        g_array_append_val (c->ranges, range);
      }
}

/**
 * lgsm_search_results_match_text:
 * @text: any text, e.g. a label's
 *
 * Returns: (transfer full) (element-type LgsmSearchRange): the words of
 * @text the query matches, in order, with @field %LGSM_SEARCH_N_FIELDS
 */
GArray *
lgsm_search_results_match_text (LgsmSearchResults *self,
                                const char        *text)
{
  RangeCollector c = { self, g_array_new (FALSE, FALSE, sizeof (LgsmSearchRange)) };

  g_return_val_if_fail (LGSM_IS_SEARCH_RESULTS (self), c.ranges);

  if (text && g_utf8_validate (text, -1, NULL))
    collect_ranges (LGSM_SEARCH_N_FIELDS, 0, text, &c);
  return c.ranges;
}

/**
 * lgsm_search_results_get_ranges:
 *
 * Returns: (transfer full) (element-type LgsmSearchRange): every word the
 * query matches in every field of the record at @position, in field order;
 * offsets are into the field's text (see lgsm_search_index_dup_field_text())
 */
GArray *
lgsm_search_results_get_ranges (LgsmSearchResults *self,
                                guint              position)
{
  RangeCollector c = { self, g_array_new (FALSE, FALSE, sizeof (LgsmSearchRange)) };
  g_autofree char *date = NULL;
  LgsmRecord *record;

  g_return_val_if_fail (LGSM_IS_SEARCH_RESULTS (self), c.ranges);
  g_return_val_if_fail (position < self->n_hits, c.ranges);

  record = lgsm_search_results_get_record (self, position);
  date = lgsm_record_format_date (record);
  lgsm_search_index_foreach_text (self->index, record, date, collect_ranges, &c);
  return c.ranges;
}

/**
 * lgsm_search_results_get_hit:
 *
 * Returns: (transfer full): the record at @position with its score, best
 * field and matched words; free with lgsm_search_hit_free()
 */
LgsmSearchHit *
lgsm_search_results_get_hit (LgsmSearchResults *self,
                             guint              position)
{
  LgsmSearchHit *hit;

  g_return_val_if_fail (LGSM_IS_SEARCH_RESULTS (self), NULL);
  g_return_val_if_fail (position < self->n_hits, NULL);

  hit = g_new0 (LgsmSearchHit, 1);
  hit->record = g_object_ref (lgsm_search_results_get_record (self, position));
  hit->score = self->hits[position].score;
  hit->field = lgsm_search_results_get_field (self, position);
  hit->ranges = lgsm_search_results_get_ranges (self, position);
  return hit;
}

void
lgsm_search_hit_free (LgsmSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_clear_object (&hit->record);
  g_clear_pointer (&hit->ranges, g_array_unref);
  g_free (hit);
}
