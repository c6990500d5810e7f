/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the search's files, and included from src/records/ only:
 * lgsm-search-words.c (folding, tokenising, edit distance),
 * lgsm-search-index.c (the index: its life, a record's texts),
 * lgsm-search-build.c (building the index),
 * lgsm-search-query.c (queries, ranking, "did you mean") and
 * lgsm-search-results.c (the results model, highlight ranges). */

#include "lgsm-record.h"
#include "lgsm-search-index.h"

G_BEGIN_DECLS

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

/* See lgsm-search-index.c for how it is laid out. */
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

typedef struct {
  guint start;    /* bytes of the word in the text */
  guint end;
  guint len;      /* bytes of folded */
  guint n_chars;  /* characters of folded */
  guint32 hash;   /* of folded (FNV-1a) */
  char  folded[MAX_WORD_BYTES + 1];
} LgsmSearchWord;

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

typedef void (*LgsmSearchTextFunc) (LgsmSearchField  field,
                                    guint            item,
                                    const char      *text,
                                    gpointer         data);

/* The next word code of the forward stream, at *@p (LEB128). */
static inline guint32
lgsm_search_get_code (const guint8 **p)
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

/* lgsm-search-words.c */
gboolean  lgsm_search_next_word          (const char         *text,
                                          gsize              *pos,
                                          LgsmSearchWord     *word);
guint     lgsm_search_to_chars           (const char         *text,
                                          gunichar           *out,
                                          guint32            *mask);
guint     lgsm_search_osa_distance       (const gunichar     *a,
                                          guint               n,
                                          const gunichar     *b,
                                          guint               m,
                                          guint               max,
                                          gboolean            prefix);
guint     lgsm_search_typos_allowed      (const char         *word,
                                          guint               n_chars);
guint     lgsm_search_suggestion_reach   (const char         *word,
                                          guint               n_chars);

/* lgsm-search-index.c */
void      lgsm_search_index_foreach_text (LgsmSearchIndex    *self,
                                          LgsmRecord         *record,
                                          const char         *date,
                                          LgsmSearchTextFunc  func,
                                          gpointer            data);

/* lgsm-search-build.c */
void      lgsm_search_index_build        (LgsmSearchIndex    *self);

G_END_DECLS
