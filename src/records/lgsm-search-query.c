/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lgsm-search-private.h"

/* Queries (lgsm_search_index_query()): each query word is looked up in the
 * sorted vocabulary (the words it starts) and, for its typos, compared with
 * every word that passes the length and letter filters; each record gets a
 * rank per query word from the postings, a phrase is checked in the
 * forward stream, and the records that match every word are sorted by
 * score. When none does, "did you mean" looks further for each unknown
 * word. */

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
      wc = lgsm_search_to_chars (self->words[id], chars, &mask);
      distance = lgsm_search_osa_distance (q->chars, q->n_chars, chars, wc, max, q->open);
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
  guint max = lgsm_search_suggestion_reach (q->text, q->n_chars);
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
      wc = lgsm_search_to_chars (self->words[id], chars, &mask);
      distance = lgsm_search_osa_distance (q->chars, q->n_chars, chars, wc, MIN (max, best_distance), FALSE);
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
          guint32 code = lgsm_search_get_code (&p);
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

/* Each query word's rank in each record (@rank: n_words rows of
 * n_records) and, for a phrase, the fields it is in (@fields, or NULL). */
static void
rank_words (LgsmSearchResults *self,
            guint8            *rank,
            guint16           *fields)
{
  LgsmSearchIndex *index = self->index;
  guint n_records = index->records->len;

  for (guint w = 0; w < self->n_words; w++)
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
}

/* Record @r's score, when every query word matched in it (@n_records and
 * @n_words passed in: kept in registers for the loop over the records). */
static gboolean
score_record (LgsmSearchResults *self,
              const guint8      *rank,
              const guint16     *fields,
              guint              n_records,
              guint              n_words,
              guint              r,
              Hit               *hit)
{
  guint typos = 0, weight = 0, exact = 0, phrase = 0;
  guint field = RANK_FIELD (rank[r]);
  guint16 common = 0xFFFF;
  gboolean all = TRUE;

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
    return FALSE;
  if (fields && common)
    {
      int found = find_phrase (self->index, r, common, self->words, n_words);
      if (found >= 0)
        {
          phrase = LGSM_SEARCH_N_FIELDS - (guint) found;
          field = (guint) found;
        }
    }
  hit->record = r << FIELD_BITS | field;
  hit->score = phrase << 24 | (63 - MIN (typos, 63)) << 16 | weight << 5 | exact;
  return TRUE;
}

static void
run_query (LgsmSearchResults *self)
{
  guint n_records = self->index->records->len;
  guint n_words = self->n_words;
  g_autofree guint8 *rank = NULL;
  g_autofree guint16 *fields = NULL;
  GArray *hits;

  if (n_words == 0 || n_records == 0)
    return;

  rank = g_malloc0 ((gsize) n_records * n_words);
  if (n_words > 1)
    fields = g_malloc0 ((gsize) n_records * n_words * sizeof (guint16));
  rank_words (self, rank, fields);

  hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  for (guint r = 0; r < n_records; r++)
    {
      Hit hit;

      if (score_record (self, rank, fields, n_records, n_words, r, &hit))
        g_array_append_val (hits, hit);
    }
  self->n_hits = hits->len;
  self->hits = (Hit *) (gpointer) g_array_free (hits, FALSE);
  sort_hits (self->hits, self->n_hits);
}

static void
add_query_word (LgsmSearchResults    *self,
                const LgsmSearchWord *word)
{
  QueryWord *q = &self->words[self->n_words++];

  memcpy (q->text, word->folded, word->len + 1);
  q->len = word->len;
  q->n_chars = lgsm_search_to_chars (q->text, q->chars, &q->mask);
  q->open = self->query[word->end] == '\0';
  q->fuzzy = g_array_new (FALSE, FALSE, sizeof (Fuzzy));
  find_prefix (self->index, q);
  /* a word being typed is matched by its start with typos only from
   * five letters: "mine" would start half the words of the archive */
  if (q->open && q->n_chars < 5)
    q->open = FALSE;
  if (lgsm_search_typos_allowed (q->text, q->n_chars) > 0)
    find_fuzzy (self->index, q, lgsm_search_typos_allowed (q->text, q->n_chars));
}

static LgsmSearchResults *query (LgsmSearchIndex *index,
                                 const char      *text,
                                 gboolean         suggest);

/* "Did you mean": the query with each word that starts no word of the
 * records replaced by the closest one, when that finds records; else
 * NULL. */
static char *
find_suggestion (LgsmSearchResults *self)
{
  LgsmSearchIndex *index = self->index;
  g_autoptr(GString) suggestion = g_string_new (NULL);
  g_autoptr(LgsmSearchResults) check = NULL;
  gboolean changed = FALSE;

  for (guint w = 0; w < self->n_words; w++)
    {
      QueryWord *q = &self->words[w];
      const char *spelling = q->text;

      if (q->hi == q->lo)
        {
          gint64 closest = find_closest (index, q);

          if (closest < 0)
            return NULL;
          spelling = index->words[closest];
          changed = TRUE;
        }
      if (w > 0)
        g_string_append_c (suggestion, ' ');
      g_string_append (suggestion, spelling);
    }
  if (!changed)
    return NULL;
  check = query (index, suggestion->str, FALSE);
  if (check->n_hits == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&suggestion), FALSE);
}

static LgsmSearchResults *
query (LgsmSearchIndex *index,
       const char      *text,
       gboolean         suggest)
{
  LgsmSearchResults *self = g_object_new (LGSM_TYPE_SEARCH_RESULTS, NULL);
  gsize pos = 0;
  LgsmSearchWord word;

  self->index = lgsm_search_index_ref (index);
  self->query = g_utf8_make_valid (text ? text : "", -1);
  self->words = g_new0 (QueryWord, MAX_QUERY_WORDS);
  while (self->n_words < MAX_QUERY_WORDS && lgsm_search_next_word (self->query, &pos, &word))
    add_query_word (self, &word);
  run_query (self);

  if (self->n_hits == 0 && suggest && self->n_words > 0)
    self->suggestion = find_suggestion (self);
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
