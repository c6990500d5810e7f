/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lgsm-record-private.h"
#include "lgsm-search-private.h"

/* Building the index (lgsm_search_index_new()): every record's words are
 * written to the forward stream as first-appearance ids, interned in a
 * hash table (a large archive is read in two threads, then put together);
 * then the vocabulary is sorted and each word's postings are gathered from
 * the stream. See lgsm-search-index.c for the layout. */

typedef struct {
  const char *text;
  guint32     hash;
  guint32     len;
  guint32     last;   /* record << 4 | field it was last seen in */
  guint32     count;  /* records and fields it is in */
} Entry;

#define RECENT_SIZE 4096  /* a small table in front of the big one, for frequent words */

typedef struct {
  LgsmSearchIndex *index;
  guint            first;     /* the records it reads */
  guint            end;
  GStringChunk    *chunk;
  gsize            chunk_bytes;
  GArray          *entries;   /* Entry, by first-appearance id */
  guint64         *table;     /* hash << 32 | (id + 1), 0 when free */
  guint32          table_mask;
  guint32          recent[RECENT_SIZE];  /* id + 1 by hash, 0 when free */
  guint32          record;    /* the record being written */
  guint8          *stream;
  gsize            len;
  gsize            alloc;
  gboolean         full;      /* the stream reached 4 GiB: no more words */
  LgsmSearchField  field;     /* the field being written */
  guint            n_items;   /* texts written in it */
  GHashTable      *dates;     /* packed date → formatted */
} Builder;

static void
grow_table (Builder *b)
{
  guint32 size = (b->table_mask + 1) * 2;

  g_free (b->table);
  b->table = g_new0 (guint64, size);
  b->table_mask = size - 1;
  for (guint id = 0; id < b->entries->len; id++)
    {
      guint32 hash = g_array_index (b->entries, Entry, id).hash;
      guint32 i = hash & b->table_mask;

      while (b->table[i] != 0)
        i = (i + 1) & b->table_mask;
      b->table[i] = (guint64) hash << 32 | (id + 1);
    }
}

static guint32
intern (Builder    *b,
        const char *text,
        guint       len,
        guint32     h)
{
  guint32 i = h & b->table_mask;
  guint32 r = b->recent[h % RECENT_SIZE];
  Entry entry = { 0 };

  if (r != 0)
    {
      const Entry *e = &g_array_index (b->entries, Entry, r - 1);

      if (e->hash == h && e->len == len && memcmp (e->text, text, len) == 0)
        return r - 1;
    }
  for (guint64 slot; (slot = b->table[i]) != 0; i = (i + 1) & b->table_mask)
    {
      const Entry *e;

      if ((guint32) (slot >> 32) != h)
        continue;
      e = &g_array_index (b->entries, Entry, (guint32) slot - 1);
      if (e->len == len && memcmp (e->text, text, len) == 0)
        {
          b->recent[h % RECENT_SIZE] = (guint32) slot;
          return (guint32) slot - 1;
        }
    }
  entry.text = g_string_chunk_insert_len (b->chunk, text, len);
  entry.hash = h;
  entry.len = len;
  entry.last = G_MAXUINT32;
  b->chunk_bytes += len + 1;
  g_array_append_val (b->entries, entry);
  b->table[i] = (guint64) h << 32 | b->entries->len;
  if (b->entries->len * 2 > b->table_mask)
    grow_table (b);
  return b->entries->len - 1;
}

static inline void
put_code (Builder *b,
          guint32  code)
{
  if (b->len + 5 > b->alloc)
    {
      if (b->alloc >= G_MAXUINT32 - 4096)
        {
          b->full = TRUE;
          return;
        }
      b->alloc = MIN ((gsize) G_MAXUINT32, MAX (b->alloc * 3 / 2, 4096));
      b->stream = g_realloc (b->stream, b->alloc);
    }
  while (code >= 0x80)
    {
      b->stream[b->len++] = (guint8) (code | 0x80);
      code >>= 7;
    }
  b->stream[b->len++] = (guint8) code;
}
static void
end_fields_before (Builder         *b,
                   LgsmSearchField  field)
{
  while (b->field < field)
    {
      put_code (b, CODE_END_OF_FIELD);
      b->field++;
      b->n_items = 0;
    }
}

static void
add_text (LgsmSearchField  field,
          guint            item,
          const char      *text,
          gpointer         data)
{
  Builder *b = data;
  gsize pos = 0;
  LgsmSearchWord word;

  end_fields_before (b, field);
  if (b->n_items++ > 0)
    put_code (b, CODE_NEXT_ITEM);
  while (!b->full && lgsm_search_next_word (text, &pos, &word))
    {
      guint32 id = intern (b, word.folded, word.len, word.hash);
      Entry *e = &g_array_index (b->entries, Entry, id);
      guint32 key = b->record << FIELD_BITS | field;

      put_code (b, id + CODE_FIRST_WORD);
      if (e->last != key)
        {
          e->last = key;
          e->count++;
        }
    }
}

/* GLib 2.74's g_int64_hash() keeps the low 32 bits only */
static guint
hash_date (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;
  return (guint) ((k ^ (k >> 32)) * 2654435761u);
}

/* Dates repeat: each is formatted once (month names in the current
 * language). */
static const char *
date_text (Builder    *b,
           LgsmRecord *record)
{
  const LgsmDatePoint *start, *end;
  guint64 key;
  char *text;

  if (record->date == NULL)
    return NULL;
  if (lgsm_date_get_display (record->date))
    return lgsm_date_get_display (record->date);
  start = lgsm_date_get_start (record->date);
  end = lgsm_date_get_end (record->date);
  key = (guint64) start->year << 48 | (guint64) start->month << 40 | (guint64) start->day << 32;
  if (end)
    key |= (guint64) end->year << 16 | (guint64) end->month << 8 | end->day;
  key = key * 2 + (lgsm_date_is_circa (record->date) ? 1 : 0);  /* years < 2¹⁵ */
  text = g_hash_table_lookup (b->dates, &key);
  if (text == NULL)
    {
      guint64 *k = g_new (guint64, 1);

      *k = key;
      text = lgsm_date_format (record->date);
      g_hash_table_insert (b->dates, k, text);
    }
  return text;
}

static void
prefetch_texts (LgsmRecord *record)
{
  __builtin_prefetch (record->title);
  __builtin_prefetch (record->summary);
  if (record->body)
    {
      __builtin_prefetch (record->body[0]);
      if (record->body[0])
        __builtin_prefetch (record->body[1]);
    }
  if (record->sources)
    __builtin_prefetch (record->sources[0]);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *entries = user_data;

  return strcmp (entries[*(const guint32 *) a].text, entries[*(const guint32 *) b].text);
}

/* Calls @func (first-appearance id, record << 4 | field) once for each
 * word, record and field, in record order. */
static void
walk_stream (LgsmSearchIndex *self,
             guint32         *last,
             guint32         *fill,  /* (nullable): positions in postings, by id */
             guint32         *count)
{
  for (guint r = 0; r < self->records->len; r++)
    {
      const guint8 *p = self->stream + self->record_start[r];
      const guint8 *end = self->stream + self->record_start[r + 1];
      guint32 field = 0;

      while (p < end)
        {
          guint32 code = lgsm_search_get_code (&p);
          guint32 id, key;

          if (code == CODE_END_OF_FIELD)
            {
              field++;
              continue;
            }
          if (code == CODE_NEXT_ITEM)
            continue;
          id = code - CODE_FIRST_WORD;
          key = (guint32) r << FIELD_BITS | field;
          if (last[id] == key)
            continue;
          last[id] = key;
          if (fill)
            self->postings[fill[id]++] = key;
          else
            count[id]++;
        }
    }
}

static void
builder_init (Builder         *b,
              LgsmSearchIndex *index,
              guint            first,
              guint            end)
{
  memset (b, 0, sizeof *b);
  b->index = index;
  b->first = first;
  b->end = end;
  b->chunk = g_string_chunk_new (64 * 1024);
  b->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  b->table_mask = 4095;
  b->table = g_new0 (guint64, b->table_mask + 1);
  b->dates = g_hash_table_new_full (hash_date, g_int64_equal, g_free, g_free);
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->chunk, g_string_chunk_free);
  g_clear_pointer (&b->entries, g_array_unref);
  g_clear_pointer (&b->table, g_free);
  g_clear_pointer (&b->dates, g_hash_table_unref);
  g_clear_pointer (&b->stream, g_free);
}

/* Writes the words of records first…end into the builder's stream;
 * index->record_start gets their offsets in it. */
static gpointer
tokenize_records (gpointer data)
{
  Builder *b = data;
  LgsmSearchIndex *self = b->index;

  for (guint r = b->first; r < b->end; r++)
    {
      LgsmRecord *record = g_ptr_array_index (self->records, r);

      /* the records' text is spread over the parsed JSON: ask for the next
       * record's while this one is read */
      if (r + 2 < b->end)
        __builtin_prefetch (g_ptr_array_index (self->records, r + 2));
      if (r + 1 < b->end)
        prefetch_texts (g_ptr_array_index (self->records, r + 1));
      self->record_start[r] = (guint32) b->len;
      b->record = r;
      b->field = 0;
      b->n_items = 0;
      if (!b->full)
        lgsm_search_index_foreach_text (self, record, date_text (b, record), add_text, b);
      end_fields_before (b, LGSM_SEARCH_N_FIELDS);
      if (b->full)
        b->len = self->record_start[r];  /* records that do not fit hold no words */
    }
  return NULL;
}

/* Moves @from's words and stream to the end of @into's. */
static void
merge_builders (Builder *into,
                Builder *from)
{
  LgsmSearchIndex *self = into->index;
  g_autofree guint32 *ids = g_new (guint32, MAX (from->entries->len, 1));
  const guint8 *p = from->stream;

  for (guint id = 0; id < from->entries->len; id++)
    {
      const Entry *e = &g_array_index (from->entries, Entry, id);

      ids[id] = intern (into, e->text, e->len, e->hash);
      g_array_index (into->entries, Entry, ids[id]).count += e->count;
    }
  into->full |= from->full;
  for (guint r = from->first; r < from->end; r++)
    {
      const guint8 *end = from->stream + (r + 1 < from->end ? self->record_start[r + 1] : from->len);

      self->record_start[r] = (guint32) into->len;
      while (p < end && !into->full)
        {
          guint32 code = lgsm_search_get_code (&p);
          put_code (into, code >= CODE_FIRST_WORD ? ids[code - CODE_FIRST_WORD] + CODE_FIRST_WORD : code);
        }
      if (into->full)
        into->len = self->record_start[r];
    }
}

/* Writes every record's words into @parts[0]: a large archive is read in
 * two threads, then put together. The index takes the stream and the
 * words' text. */
static void
tokenize_all (LgsmSearchIndex *self,
              Builder          parts[2])
{
  guint n_records = self->records->len;
  guint n_parts = n_records >= 20000 && g_get_num_processors () > 1 ? 2 : 1;
  Builder *b = &parts[0];

  self->record_start = g_new (guint32, n_records + 1);
  for (guint i = 0; i < n_parts; i++)
    builder_init (&parts[i], self, n_records * i / n_parts, n_records * (i + 1) / n_parts);
  if (n_parts == 2)
    {
      GThread *second = g_thread_new ("lgsm-search-index", tokenize_records, &parts[1]);

      tokenize_records (&parts[0]);
      g_thread_join (second);
      merge_builders (&parts[0], &parts[1]);
      builder_clear (&parts[1]);
    }
  else
    tokenize_records (b);
  self->record_start[n_records] = (guint32) b->len;
  self->stream = g_realloc (g_steal_pointer (&b->stream), MAX (b->len, 1));
  self->stream_len = b->len;
  self->chunk = g_steal_pointer (&b->chunk);
  self->chunk_bytes = b->chunk_bytes;
}

/* The sorted vocabulary, and where each word's postings start (@count:
 * how many it has, by first-appearance id). Returns how many postings
 * there are in all. */
static guint32
sort_vocabulary (LgsmSearchIndex *self,
                 Entry           *entries,
                 const guint32   *count)
{
  guint n = self->n_words;
  g_autofree guint32 *order = g_new (guint32, MAX (n, 1));
  guint32 total = 0;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint32), compare_entries, entries);
  self->words = g_new (const char *, MAX (n, 1));
  self->word_chars = g_new (guint8, MAX (n, 1));
  self->word_mask = g_new (guint32, MAX (n, 1));
  self->sorted_id = g_new (guint32, MAX (n, 1));
  self->offsets = g_new (guint32, n + 1);
  for (guint id = 0; id < n; id++)
    {
      const Entry *e = &entries[order[id]];
      gunichar chars[MAX_WORD_BYTES];

      self->words[id] = e->text;
      self->word_chars[id] = (guint8) lgsm_search_to_chars (e->text, chars, &self->word_mask[id]);
      self->sorted_id[order[id]] = id;
      self->offsets[id] = total;
      total += count[order[id]];
    }
  self->offsets[n] = total;
  return total;
}

/* Builds the index of self->records (see lgsm_search_index_new()). */
void
lgsm_search_index_build (LgsmSearchIndex *self)
{
  Builder parts[2];
  Builder *b = &parts[0];
  g_autofree guint32 *count = NULL;
  g_autofree guint32 *last = NULL;
  Entry *entries;
  guint32 total;
  guint n;

  tokenize_all (self, parts);

  /* how many postings each word has: counted on the way, unless records
   * that did not fit were cut off */
  n = self->n_words = b->entries->len;
  entries = (Entry *) (gpointer) b->entries->data;
  count = g_new0 (guint32, MAX (n, 1));
  last = g_new (guint32, MAX (n, 1));
  memset (last, 0xFF, n * sizeof (guint32));
  if (b->full)
    walk_stream (self, last, NULL, count);
  else
    for (guint i = 0; i < n; i++)
      count[i] = entries[i].count;

  total = sort_vocabulary (self, entries, count);

  /* the postings, in record order within each word */
  self->postings = g_new (guint32, MAX (total, 1));
  for (guint i = 0; i < n; i++)
    count[i] = self->offsets[self->sorted_id[i]];
  memset (last, 0xFF, n * sizeof (guint32));
  walk_stream (self, last, count, NULL);

  builder_clear (b);
}
