/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-record-private.h"
#include "lgsm-search-private.h"

/* The search index: every word a visitor can read in the records, folded
 * (case and accents), with where it occurs.
 *
 * - The vocabulary is sorted (byte order), so the words that start with a
 *   query word are one range of ids, found by binary search.
 * - Each word has a posting list: sorted guint32s of (record << 4 | field),
 *   one per record and field it occurs in, all in one array.
 * - A forward stream holds every record's words in order (LEB128 varints of
 *   word ids, in order of first appearance, so frequent words take a byte):
 *   a phrase is checked there, only for the records that hold all its words
 *   in one field.
 * - Typos: a query word is compared with the vocabulary (not the records)
 *   by a bounded Damerau-Levenshtein distance (optimal string alignment),
 *   after a filter on length and on the set of letters (each edit changes
 *   that set by at most two letters), which lets few words through.
 *
 * Nothing changes after lgsm_search_index_new(): queries may run in any
 * thread, at the same time. */

G_DEFINE_BOXED_TYPE (LgsmSearchIndex, lgsm_search_index, lgsm_search_index_ref, lgsm_search_index_unref)

/* ---- life cycle ----------------------------------------------------------------- */

/**
 * lgsm_search_index_new:
 * @records: (element-type LgsmRecord): the records, in the order results
 *   that rank alike should keep
 * @by_id: (nullable): id → #LgsmRecord, to index the names of the people,
 *   places and records a record links to; the index keeps a reference and
 *   only reads it
 *
 * Builds the index of the records' text as it is now (already translated).
 * Safe to call in a worker thread; the index is immutable and may then be
 * shared and queried from any thread.
 */
LgsmSearchIndex *
lgsm_search_index_new (GPtrArray  *records,
                       GHashTable *by_id)
{
  LgsmSearchIndex *self = g_new0 (LgsmSearchIndex, 1);
  gint64 start = g_get_monotonic_time ();
  guint n;

  g_return_val_if_fail (records != NULL, NULL);

  g_atomic_ref_count_init (&self->ref);
  n = MIN (records->len, MAX_RECORDS);
  self->records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->records, g_object_ref (g_ptr_array_index (records, i)));
  self->by_id = by_id ? g_hash_table_ref (by_id) : NULL;
  lgsm_search_index_build (self);
  self->build_time = g_get_monotonic_time () - start;
  return self;
}

LgsmSearchIndex *
lgsm_search_index_new_for_model (GListModel *records,
                                 GHashTable *by_id)
{
  guint n = g_list_model_get_n_items (records);
  g_autoptr(GPtrArray) array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (records, i));
  return lgsm_search_index_new (array, by_id);
}

LgsmSearchIndex *
lgsm_search_index_ref (LgsmSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
lgsm_search_index_unref (LgsmSearchIndex *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_ptr_array_unref (self->records);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_string_chunk_free (self->chunk);
  g_free (self->words);
  g_free (self->word_chars);
  g_free (self->word_mask);
  g_free (self->offsets);
  g_free (self->postings);
  g_free (self->sorted_id);
  g_free (self->stream);
  g_free (self->record_start);
  g_free (self);
}

guint
lgsm_search_index_get_n_records (LgsmSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->records->len;
}

guint
lgsm_search_index_get_n_words (LgsmSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_words;
}

/* Bytes the index holds (not counting the records themselves). */
gsize
lgsm_search_index_get_size (LgsmSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return sizeof *self + self->records->len * sizeof (gpointer) + self->chunk_bytes +
         (gsize) self->n_words * (sizeof (char *) + 1 + 4 + 4 + 4) + 4 +
         (gsize) self->offsets[self->n_words] * sizeof (guint32) +
         self->stream_len + ((gsize) self->records->len + 1) * sizeof (guint32);
}

/* Microseconds lgsm_search_index_new() took. */
gint64
lgsm_search_index_get_build_time (LgsmSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->build_time;
}

/* ---- the texts of a record ---------------------------------------------------- */

static void
foreach_link (LgsmSearchIndex     *self,
              LgsmSearchField      field,
              char               **links,
              LgsmSearchTextFunc   func,
              gpointer             data)
{
  for (guint i = 0; links && links[i] && self->by_id; i++)
    {
      LgsmRecord *target = g_hash_table_lookup (self->by_id, links[i]);
      if (target && target->title)
        func (field, i, target->title, data);
    }
}

/* Every text of @record a visitor can read, in field order. */
void
lgsm_search_index_foreach_text (LgsmSearchIndex    *self,
                                LgsmRecord         *record,
                                const char         *date,
                                LgsmSearchTextFunc  func,
                                gpointer            data)
{
  if (record->title)
    func (LGSM_SEARCH_FIELD_TITLE, 0, record->title, data);
  if (record->summary)
    func (LGSM_SEARCH_FIELD_SUMMARY, 0, record->summary, data);
  for (guint i = 0; record->body && record->body[i]; i++)
    func (LGSM_SEARCH_FIELD_BODY, i, record->body[i], data);
  foreach_link (self, LGSM_SEARCH_FIELD_PEOPLE, (char **) record->people, func, data);
  foreach_link (self, LGSM_SEARCH_FIELD_PLACES, (char **) record->places, func, data);
  if (date)
    func (LGSM_SEARCH_FIELD_DATE, 0, date, data);
  if (record->image_alt)
    func (LGSM_SEARCH_FIELD_IMAGE_ALT, 0, record->image_alt, data);
  if (record->content_note)
    func (LGSM_SEARCH_FIELD_CONTENT_NOTE, 0, record->content_note, data);
  foreach_link (self, LGSM_SEARCH_FIELD_SEE_ALSO, (char **) record->see_also, func, data);
  if (record->image_credit)
    func (LGSM_SEARCH_FIELD_IMAGE_CREDIT, 0, record->image_credit, data);
  for (guint i = 0; record->sources && record->sources[i]; i++)
    func (LGSM_SEARCH_FIELD_SOURCES, i, record->sources[i], data);
}

typedef struct {
  LgsmSearchField  field;
  guint            item;
  char            *text;
} FieldLookup;

static void
find_field_text (LgsmSearchField  field,
                 guint            item,
                 const char      *text,
                 gpointer         data)
{
  FieldLookup *lookup = data;

  if (lookup->text == NULL && field == lookup->field && item == lookup->item)
    lookup->text = g_strdup (text);
}

/**
 * lgsm_search_index_dup_field_text:
 *
 * Returns: (transfer full) (nullable): the text the index holds for @field
 * and @item of @record (the date formatted, a link as its record's title),
 * the text that #LgsmSearchRange offsets point into
 */
char *
lgsm_search_index_dup_field_text (LgsmSearchIndex *self,
                                  LgsmRecord      *record,
                                  LgsmSearchField  field,
                                  guint            item)
{
  FieldLookup lookup = { field, item, NULL };
  g_autofree char *date = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (LGSM_IS_RECORD (record), NULL);

  if (field == LGSM_SEARCH_FIELD_DATE)
    date = lgsm_record_format_date (record);
  lgsm_search_index_foreach_text (self, record, date, find_field_text, &lookup);
  return lookup.text;
}
