/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lgsm-record-private.h"
#include "lgsm-search-index.h"

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

#define MAX_WORD_BYTES   48  /* longer words are indexed by their start */
#define MAX_QUERY_WORDS  16  /* the rest of a longer query is not used */
#define FIELD_BITS       4
#define FIELD_MASK       ((1u << FIELD_BITS) - 1)
#define MAX_RECORDS      (G_MAXUINT32 >> FIELD_BITS)

G_STATIC_ASSERT (LGSM_SEARCH_N_FIELDS <= (1 << FIELD_BITS));

/* stream codes; a word is its first-appearance id + 2 */
#define CODE_END_OF_FIELD 0
#define CODE_NEXT_ITEM    1
#define CODE_FIRST_WORD   2

struct _LgsmSearchIndex
{
  gatomicrefcount  ref;
  GPtrArray       *records;      /* LgsmRecord, in exhibition order */
  GHashTable      *by_id;        /* (nullable) id → LgsmRecord, for link names */

  GStringChunk    *chunk;        /* the words' text */
  guint            n_words;
  const char     **words;        /* sorted */
  guint8          *word_chars;   /* length in characters */
  guint32         *word_mask;    /* which letters, for the typo filter */
  guint32         *offsets;      /* [n_words + 1] into postings */
  guint32         *postings;

  guint32         *sorted_id;    /* first-appearance id → sorted id */
  guint8          *stream;
  gsize            stream_len;
  guint32         *record_start; /* [n_records + 1] into stream */

  gsize            chunk_bytes;
  gint64           build_time;
};

G_DEFINE_BOXED_TYPE (LgsmSearchIndex, lgsm_search_index, lgsm_search_index_ref, lgsm_search_index_unref)

/* ---- words ------------------------------------------------------------------ */

typedef struct {
  guint start;    /* bytes of the word in the text */
  guint end;
  guint len;      /* bytes of folded */
  guint n_chars;  /* characters of folded */
  guint32 hash;   /* of folded (FNV-1a) */
  char  folded[MAX_WORD_BYTES + 1];
} Word;

/* an ASCII letter or digit, folded; 0 for the rest */
static const char ascii_fold[128] = {
  ['0'] = '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  ['A'] = 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
          'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
  ['a'] = 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
          'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
};

static guint32
hash_bytes (const char *text,
            guint       len)
{
  guint32 h = 2166136261u;  /* FNV-1a */

  for (guint i = 0; i < len; i++)
    h = (h ^ (guchar) text[i]) * 16777619u;
  return h;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gsize
cut_utf8 (const char *text,
          gsize       len,
          gsize       max)
{
  if (len <= max)
    return len;
  len = max;
  while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
    len--;
  return len;
}

/* Lower case, no marks: for words GLib cannot spell in ASCII. */
static char *
strip_marks (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed ? decomposed : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, (gssize) bare->len);
}

/* A word with letters outside ASCII, folded as g_str_tokenize_and_fold()
 * does (composed, case-folded), then spelt in ASCII when GLib can
 * ("Brónski" → "bronski", "Ŵyl" → "wyl"), else stripped of its marks. */
static void
fold_slow (const char *start,
           gsize       len,
           Word       *word)
{
  g_autofree char *piece = g_strndup (start, len);
  g_auto(GStrv) alternates = NULL;
  g_auto(GStrv) tokens = g_str_tokenize_and_fold (piece, "C", &alternates);
  g_autofree char *bare = NULL;
  const char *folded = "";
  gsize n;

  if (alternates && alternates[0])
    folded = alternates[0];
  else if (tokens && tokens[0])
    folded = bare = strip_marks (tokens[0]);
  n = cut_utf8 (folded, strlen (folded), MAX_WORD_BYTES);
  memcpy (word->folded, folded, n);
  word->folded[n] = '\0';
  word->len = (guint) n;
  word->n_chars = (guint) g_utf8_strlen (word->folded, (gssize) n);
}

/* The next word of @text from byte *@pos: a run of letters, digits and
 * marks (GLib's rule), folded. */
static gboolean
next_word (const char *text,
           gsize      *pos,
           Word       *word)
{
  const guchar *s = (const guchar *) text;
  gsize i = *pos;

  for (;;)
    {
      gsize start;
      gboolean ascii = TRUE;
      guint32 h = 2166136261u;

      while (s[i])
        {
          if (s[i] < 0x80)
            {
              if (ascii_fold[s[i]])
                break;
              i++;
            }
          else if (is_word_char (g_utf8_get_char (text + i)))
            break;
          else
            i = (gsize) (g_utf8_next_char (text + i) - text);
        }
      if (s[i] == '\0')
        {
          *pos = i;
          return FALSE;
        }
      start = i;
      while (s[i])
        {
          if (s[i] < 0x80)
            {
              char c = ascii_fold[s[i]];

              if (c == 0)
                break;
              if (i - start < MAX_WORD_BYTES)
                {
                  word->folded[i - start] = c;
                  h = (h ^ (guchar) c) * 16777619u;
                }
              i++;
            }
          else if (is_word_char (g_utf8_get_char (text + i)))
            {
              ascii = FALSE;
              i = (gsize) (g_utf8_next_char (text + i) - text);
            }
          else
            break;
        }
      *pos = i;
      word->start = (guint) start;
      word->end = (guint) i;
      if (ascii)
        {
          gsize n = MIN (i - start, MAX_WORD_BYTES);

          word->folded[n] = '\0';
          word->len = word->n_chars = (guint) n;
          word->hash = h;
        }
      else
        {
          fold_slow (text + start, i - start, word);
          word->hash = hash_bytes (word->folded, word->len);
        }
      if (word->len > 0)
        return TRUE;
    }
}

/**
 * lgsm_search_fold_words:
 *
 * Returns: (transfer full): the words of @text as the index holds them
 */
char **
lgsm_search_fold_words (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GPtrArray *words = g_ptr_array_new ();
  gsize pos = 0;
  Word word;

  while (next_word (valid, &pos, &word))
    g_ptr_array_add (words, g_strdup (word.folded));
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

static guint32
char_bit (gunichar c)
{
  if (c >= 'a' && c <= 'z')
    return 1u << (c - 'a');
  if (c >= '0' && c <= '9')
    return 1u << (26 + (c - '0') % 5);
  return 1u << 31;
}

/* Up to MAX_WORD_BYTES characters of @text into @out. */
static guint
to_chars (const char *text,
          gunichar   *out,
          guint32    *mask)
{
  guint n = 0;

  *mask = 0;
  for (const char *p = text; *p && n < MAX_WORD_BYTES; p = g_utf8_next_char (p))
    {
      out[n] = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      *mask |= char_bit (out[n]);
      n++;
    }
  return n;
}

/* Optimal string alignment distance (Damerau-Levenshtein where a swapped
 * pair counts as one edit) between @a and @b, or @max + 1 when more than
 * @max. With @prefix, the distance from @a to the closest start of @b. */
static guint
osa_distance (const gunichar *a,
              guint           n,
              const gunichar *b,
              guint           m,
              guint           max,
              gboolean        prefix)
{
  guint rows[3][MAX_WORD_BYTES + 1];
  guint *before = rows[0], *prev = rows[1], *cur = rows[2];
  guint prev_min = 0, result;

  if (prefix)
    m = MIN (m, n + max);
  else if (n > m + max || m > n + max)
    return max + 1;

  for (guint j = 0; j <= m; j++)
    prev[j] = j;
  for (guint i = 1; i <= n; i++)
    {
      guint row_min;
      guint *t;

      cur[0] = row_min = i;
      for (guint j = 1; j <= m; j++)
        {
          guint v = prev[j - 1] + (a[i - 1] != b[j - 1]);

          v = MIN (v, prev[j] + 1);
          v = MIN (v, cur[j - 1] + 1);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            v = MIN (v, before[j - 2] + 1);
          cur[j] = v;
          row_min = MIN (row_min, v);
        }
      /* a swap reaches back two rows: both must be past @max */
      if (row_min > max && prev_min > max)
        return max + 1;
      prev_min = row_min;
      t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
  result = prev[m];
  if (prefix)
    for (guint j = 0; j < m; j++)
      result = MIN (result, prev[j]);
  return MIN (result, max + 1);
}

/**
 * lgsm_search_edit_distance:
 *
 * Returns: the optimal string alignment distance between @a and @b (their
 * first 48 characters), as the search counts typos
 */
guint
lgsm_search_edit_distance (const char *a,
                           const char *b)
{
  gunichar ca[MAX_WORD_BYTES], cb[MAX_WORD_BYTES];
  guint32 mask;
  guint n = to_chars (a, ca, &mask);
  guint m = to_chars (b, cb, &mask);

  return osa_distance (ca, n, cb, m, MAX (n, m), FALSE);
}

/* How many typos a word of @n_chars characters may have (one for 4 to 7
 * letters, two from 8) and, for "did you mean", how far to look. A number
 * has none: "1984" is not a misspelt "1985". */
static guint
typos_allowed (const char *word,
               guint       n_chars)
{
  if (strpbrk (word, "0123456789"))
    return 0;
  return n_chars >= 8 ? 2 : n_chars >= 4 ? 1 : 0;
}

static guint
suggestion_reach (const char *word,
                  guint       n_chars)
{
  if (strpbrk (word, "0123456789"))
    return 0;
  return n_chars >= 8 ? 3 : n_chars >= 4 ? 2 : n_chars == 3 ? 1 : 0;
}

/* ---- the texts of a record ---------------------------------------------------- */

typedef void (*TextFunc) (LgsmSearchField  field,
                          guint            item,
                          const char      *text,
                          gpointer         data);

static void
foreach_link (LgsmSearchIndex  *self,
              LgsmSearchField   field,
              char            **links,
              TextFunc          func,
              gpointer          data)
{
  for (guint i = 0; links && links[i] && self->by_id; i++)
    {
      LgsmRecord *target = g_hash_table_lookup (self->by_id, links[i]);
      if (target && target->title)
        func (field, i, target->title, data);
    }
}

/* Every text of @record a visitor can read, in field order. */
static void
foreach_text (LgsmSearchIndex *self,
              LgsmRecord      *record,
              const char      *date,
              TextFunc         func,
              gpointer         data)
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

/* ---- building ------------------------------------------------------------------ */

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

static guint32
get_code (const guint8 **p)
{
  guint32 code = 0;
  guint shift = 0;

  while (**p & 0x80)
    {
      code |= (guint32) (*(*p)++ & 0x7F) << shift;
      shift += 7;
    }
  return code | (guint32) *(*p)++ << shift;
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
  Word word;

  end_fields_before (b, field);
  if (b->n_items++ > 0)
    put_code (b, CODE_NEXT_ITEM);
  while (!b->full && next_word (text, &pos, &word))
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
          guint32 code = get_code (&p);
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
        foreach_text (self, record, date_text (b, record), add_text, b);
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
          guint32 code = get_code (&p);
          put_code (into, code >= CODE_FIRST_WORD ? ids[code - CODE_FIRST_WORD] + CODE_FIRST_WORD : code);
        }
      if (into->full)
        into->len = self->record_start[r];
    }
}

static void
build (LgsmSearchIndex *self)
{
  guint n_records = self->records->len;
  Builder parts[2];
  guint n_parts = n_records >= 20000 && g_get_num_processors () > 1 ? 2 : 1;
  Builder *b = &parts[0];
  g_autofree guint32 *count = NULL;
  g_autofree guint32 *last = NULL;
  g_autofree guint32 *order = NULL;
  Entry *entries;
  guint32 total = 0;
  guint n;

  self->record_start = g_new (guint32, n_records + 1);

  /* a large archive is read in two threads, then put together */
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

  /* the sorted vocabulary */
  order = g_new (guint32, MAX (n, 1));
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
      self->word_chars[id] = (guint8) to_chars (e->text, chars, &self->word_mask[id]);
      self->sorted_id[order[id]] = id;
      self->offsets[id] = total;
      total += count[order[id]];
    }
  self->offsets[n] = total;

  /* the postings, in record order within each word */
  self->postings = g_new (guint32, MAX (total, 1));
  for (guint i = 0; i < n; i++)
    count[i] = self->offsets[self->sorted_id[i]];
  memset (last, 0xFF, n * sizeof (guint32));
  walk_stream (self, last, count, NULL);

  builder_clear (b);
}

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
  build (self);
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
  foreach_text (self, record, date, find_field_text, &lookup);
  return lookup.text;
}

/* ---- queries ------------------------------------------------------------------- */

typedef struct {
  guint32 id;
  guint32 distance;
} Fuzzy;

typedef struct {
  char      text[MAX_WORD_BYTES + 1];
  guint     len;
  guint     n_chars;
  gunichar  chars[MAX_WORD_BYTES];
  guint32   mask;
  gboolean  open;     /* the last word, perhaps not typed to its end */
  guint     lo, hi;   /* the words that start with it */
  gint64    exact;    /* the word itself, or -1 */
  GArray   *fuzzy;    /* Fuzzy, by id: words within its typos, outside lo…hi */
} QueryWord;

typedef struct {
  guint32 record;   /* record << 4 | best field */
  guint32 score;
} Hit;

struct _LgsmSearchResults
{
  GObject           parent_instance;
  LgsmSearchIndex  *index;
  char             *query;
  char             *suggestion;
  QueryWord        *words;
  guint             n_words;
  Hit              *hits;
  guint             n_hits;
};

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

/* The ids lo…hi of the words that start with @q. */
static void
find_prefix (LgsmSearchIndex *self,
             QueryWord       *q)
{
  guint lo = 0, hi = self->n_words;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (strcmp (self->words[mid], q->text) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  q->lo = lo;
  hi = self->n_words;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (strncmp (self->words[mid], q->text, q->len) == 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  q->hi = lo;
  q->exact = q->lo < q->hi && strcmp (self->words[q->lo], q->text) == 0 ? (gint64) q->lo : -1;
}

/* The words within @max edits of @q (of its start, for an open word),
 * not counting those that already start with it. */
static void
find_fuzzy (LgsmSearchIndex *self,
            QueryWord       *q,
            guint            max)
{
  gunichar chars[MAX_WORD_BYTES];
  guint32 mask;

  for (guint id = 0; id < self->n_words; id++)
    {
      guint wc = self->word_chars[id];
      guint distance;

      if (id == q->lo && q->hi > q->lo)
        {
          id = q->hi - 1;
          continue;
        }
      if (q->open)
        {
          if (wc + max < q->n_chars || (guint) __builtin_popcount (q->mask & ~self->word_mask[id]) > max)
            continue;
        }
      else if (wc + max < q->n_chars || wc > q->n_chars + max ||
               (guint) __builtin_popcount (q->mask ^ self->word_mask[id]) > 2 * max)
        continue;
      wc = to_chars (self->words[id], chars, &mask);
      distance = osa_distance (q->chars, q->n_chars, chars, wc, max, q->open);
      if (distance <= max)
        {
          Fuzzy f = { id, distance };
          g_array_append_val (q->fuzzy, f);
        }
    }
}

/* For "did you mean": the closest word to @q, the more frequent of equals:
 * among those within its typos if there are any, else further. */
static gint64
find_closest (LgsmSearchIndex *self,
              QueryWord       *q)
{
  guint max = suggestion_reach (q->text, q->n_chars);
  gunichar chars[MAX_WORD_BYTES];
  guint best_distance = max + 1;
  guint32 best_count = 0, mask;
  gint64 best = -1;

  /* within the typos allowed, the closest of those */
  for (guint i = 0; i < q->fuzzy->len; i++)
    {
      const Fuzzy *f = &g_array_index (q->fuzzy, Fuzzy, i);
      guint32 count = self->offsets[f->id + 1] - self->offsets[f->id];

      if (f->distance < best_distance || (f->distance == best_distance && count > best_count))
        {
          best = f->id;
          best_distance = f->distance;
          best_count = count;
        }
    }
  if (best >= 0 || max == 0)
    return best;
  for (guint id = 0; id < self->n_words; id++)
    {
      guint wc = self->word_chars[id];
      guint32 count = self->offsets[id + 1] - self->offsets[id];
      guint distance;

      if (wc + max < q->n_chars || wc > q->n_chars + max ||
          (guint) __builtin_popcount (q->mask ^ self->word_mask[id]) > 2 * max)
        continue;
      wc = to_chars (self->words[id], chars, &mask);
      distance = osa_distance (q->chars, q->n_chars, chars, wc, MIN (max, best_distance), FALSE);
      if (distance < best_distance || (distance == best_distance && distance <= max && count > best_count))
        {
          best = id;
          best_distance = distance;
          best_count = count;
        }
    }
  return best_distance <= max ? best : -1;
}

/* rank of a word's match in a record, as a byte: typos (fewer first), then
 * field (title first), then exact before prefix; 0 for no match */
#define RANK(typos, field, exact) \
  ((guint8) ((3 - (typos)) << 5 | (LGSM_SEARCH_N_FIELDS - (field)) << 1 | (exact)))
#define RANK_TYPOS(rank)  (3 - ((rank) >> 5))
#define RANK_WEIGHT(rank) (((rank) >> 1) & 0xF)
#define RANK_FIELD(rank)  (LGSM_SEARCH_N_FIELDS - RANK_WEIGHT (rank))

static void
apply_word (LgsmSearchIndex *self,
            guint            id,
            guint            typos,
            gboolean         exact,
            guint8          *rank,
            guint16         *fields)
{
  const guint32 *p = self->postings + self->offsets[id];
  const guint32 *end = self->postings + self->offsets[id + 1];
  guint8 base = RANK (typos, LGSM_SEARCH_N_FIELDS, exact ? 1 : 0);

  for (; p < end; p++)
    {
      guint32 r = *p >> FIELD_BITS, f = *p & FIELD_MASK;
      guint8 v = base | (guint8) ((LGSM_SEARCH_N_FIELDS - f) << 1);

      if (v > rank[r])
        rank[r] = v;
      if (fields)
        fields[r] |= (guint16) (1u << f);
    }
}

/* The best field of @record where @words occur one after the other (the
 * words as typed or started, no typos), or -1. */
static int
find_phrase (LgsmSearchIndex *self,
             guint            record,
             guint            candidates,
             const QueryWord *words,
             guint            n_words)
{
  const guint8 *p = self->stream + self->record_start[record];
  const guint8 *end = self->stream + self->record_start[record + 1];
  guint field = 0;

  while (p < end && candidates >> field)
    {
      gboolean wanted = (candidates >> field) & 1;
      guint32 run[MAX_QUERY_WORDS];
      guint n_run = 0;

      for (;;)
        {
          guint32 code = get_code (&p);
          guint32 id;
          gboolean found = TRUE;

          if (code == CODE_END_OF_FIELD)
            break;
          if (!wanted)
            continue;
          if (code == CODE_NEXT_ITEM)
            {
              n_run = 0;
              continue;
            }
          id = self->sorted_id[code - CODE_FIRST_WORD];
          /* the last n_words words, oldest first */
          if (n_run == n_words)
            memmove (run, run + 1, (n_words - 1) * sizeof (guint32));
          else
            n_run++;
          run[n_run - 1] = id;
          if (n_run < n_words)
            continue;
          for (guint i = 0; i < n_words && found; i++)
            found = run[i] >= words[i].lo && run[i] < words[i].hi;
          if (found)
            return (int) field;
        }
      field++;
    }
  return -1;
}

/* Stable, by score, highest first: records that rank alike stay in order. */
static void
sort_hits (Hit   *hits,
           guint  n)
{
  g_autofree Hit *tmp = NULL;
  Hit *from = hits, *to;

  if (n < 2)
    return;
  to = tmp = g_new (Hit, n);
  for (guint shift = 0; shift < 32; shift += 8)
    {
      guint count[257] = { 0 };
      Hit *t;

      for (guint i = 0; i < n; i++)
        count[((~from[i].score >> shift) & 0xFF) + 1]++;
      if (count[((~from[0].score >> shift) & 0xFF) + 1] == n)
        continue;  /* all alike in this byte */
      for (guint b = 1; b <= 256; b++)
        count[b] += count[b - 1];
      for (guint i = 0; i < n; i++)
        to[count[(~from[i].score >> shift) & 0xFF]++] = from[i];
      t = from;
      from = to;
      to = t;
    }
  if (from != hits)
    memcpy (hits, from, n * sizeof (Hit));
}

static void
run_query (LgsmSearchResults *self)
{
  LgsmSearchIndex *index = self->index;
  guint n_records = index->records->len;
  guint n_words = self->n_words;
  g_autofree guint8 *rank = NULL;
  g_autofree guint16 *fields = NULL;
  GArray *hits;

  if (n_words == 0 || n_records == 0)
    return;

  rank = g_malloc0 ((gsize) n_records * n_words);
  if (n_words > 1)
    fields = g_malloc0 ((gsize) n_records * n_words * sizeof (guint16));
  for (guint w = 0; w < n_words; w++)
    {
      QueryWord *q = &self->words[w];
      guint8 *word_rank = rank + (gsize) w * n_records;
      guint16 *word_fields = fields ? fields + (gsize) w * n_records : NULL;

      for (guint id = q->lo; id < q->hi; id++)
        apply_word (index, id, 0, (gint64) id == q->exact, word_rank, word_fields);
      for (guint i = 0; i < q->fuzzy->len; i++)
        {
          Fuzzy *f = &g_array_index (q->fuzzy, Fuzzy, i);
          apply_word (index, f->id, f->distance, FALSE, word_rank, NULL);
        }
    }

  hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  for (guint r = 0; r < n_records; r++)
    {
      guint typos = 0, weight = 0, exact = 0, phrase = 0;
      guint field = RANK_FIELD (rank[r]);
      guint16 common = 0xFFFF;
      gboolean all = TRUE;
      Hit hit;

      for (guint w = 0; w < n_words && all; w++)
        {
          guint8 v = rank[(gsize) w * n_records + r];

          all = v != 0;
          typos += RANK_TYPOS (v);
          weight += RANK_WEIGHT (v);
          exact += v & 1;
          if (fields)
            common &= fields[(gsize) w * n_records + r];
        }
      if (!all)
        continue;
      if (fields && common)
        {
          int found = find_phrase (index, r, common, self->words, n_words);
          if (found >= 0)
            {
              phrase = LGSM_SEARCH_N_FIELDS - (guint) found;
              field = (guint) found;
            }
        }
      hit.record = r << FIELD_BITS | field;
      hit.score = phrase << 24 | (63 - MIN (typos, 63)) << 16 | weight << 5 | exact;
      g_array_append_val (hits, hit);
    }
  self->n_hits = hits->len;
  self->hits = (Hit *) (gpointer) g_array_free (hits, FALSE);
  sort_hits (self->hits, self->n_hits);
}

static LgsmSearchResults *
query (LgsmSearchIndex *index,
       const char      *text,
       gboolean         suggest)
{
  LgsmSearchResults *self = g_object_new (LGSM_TYPE_SEARCH_RESULTS, NULL);
  gsize pos = 0;
  Word word;

  self->index = lgsm_search_index_ref (index);
  self->query = g_utf8_make_valid (text ? text : "", -1);
  self->words = g_new0 (QueryWord, MAX_QUERY_WORDS);
  while (self->n_words < MAX_QUERY_WORDS && next_word (self->query, &pos, &word))
    {
      QueryWord *q = &self->words[self->n_words++];

      memcpy (q->text, word.folded, word.len + 1);
      q->len = word.len;
      q->n_chars = to_chars (q->text, q->chars, &q->mask);
      q->open = self->query[word.end] == '\0';
      q->fuzzy = g_array_new (FALSE, FALSE, sizeof (Fuzzy));
      find_prefix (index, q);
      /* a word being typed is matched by its start with typos only from
       * five letters: "mine" would start half the words of the archive */
      if (q->open && q->n_chars < 5)
        q->open = FALSE;
      if (typos_allowed (q->text, q->n_chars) > 0)
        find_fuzzy (index, q, typos_allowed (q->text, q->n_chars));
    }
  run_query (self);

  if (self->n_hits == 0 && suggest && self->n_words > 0)
    {
      g_autoptr(GString) suggestion = g_string_new (NULL);
      gboolean changed = FALSE;

      for (guint w = 0; w < self->n_words; w++)
        {
          QueryWord *q = &self->words[w];
          const char *spelling = q->text;

          if (q->hi == q->lo)
            {
              gint64 closest = find_closest (index, q);

              if (closest < 0)
                {
                  changed = FALSE;
                  break;
                }
              spelling = index->words[closest];
              changed = TRUE;
            }
          if (w > 0)
            g_string_append_c (suggestion, ' ');
          g_string_append (suggestion, spelling);
        }
      if (changed)
        {
          g_autoptr(LgsmSearchResults) check = query (index, suggestion->str, FALSE);

          if (check->n_hits > 0)
            self->suggestion = g_string_free (g_steal_pointer (&suggestion), FALSE);
        }
    }
  return self;
}

/**
 * lgsm_search_index_query:
 * @query: what the visitor typed
 *
 * Every word of @query must match a word of the record: the same word, a
 * word it starts ("somer" finds "Somerville"), or one within its typos (one
 * for words of 4 to 7 letters, two from 8; "Bronksi" finds "Bronski"), case
 * and accents aside. Records where the words are one after the other come
 * first, then those with fewer typos, then where the words are (title,
 * summary, body, …), then exact words before started ones; records alike
 * keep the order of the index. Safe to call from any thread.
 *
 * Returns: (transfer full): the results, with a suggestion when there are
 * none and a close spelling would find some
 */
LgsmSearchResults *
lgsm_search_index_query (LgsmSearchIndex *self,
                         const char      *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  return query (self, text, TRUE);
}

/* ---- results ---------------------------------------------------------------------- */

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
word_matches (LgsmSearchResults *self,
              const Word        *word)
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
  Word word;

  while (next_word (text, &pos, &word))
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
  foreach_text (self->index, record, date, collect_ranges, &c);
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
