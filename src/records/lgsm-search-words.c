/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lgsm-search-private.h"

/* Words as the search index sees them: a run of letters, digits and marks,
 * folded (case and accents, "Brónski" → "bronski"), and the typos between
 * two words counted by a bounded Damerau-Levenshtein distance (optimal
 * string alignment). The index, the queries and the highlights all cut
 * text into words here, so that they agree. */

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
fold_slow (const char     *start,
           gsize           len,
           LgsmSearchWord *word)
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

/* The first byte of a word at or after byte @i of @text (its end when
 * there is none). */
static gsize
skip_to_word (const char *text,
              gsize       i)
{
  const guchar *s = (const guchar *) text;

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
  return i;
}

/* Reads the word of @text that starts at byte @start into @word, folded;
 * returns where it ends. */
static gsize
read_word (const char     *text,
           gsize           start,
           LgsmSearchWord *word)
{
  const guchar *s = (const guchar *) text;
  gboolean ascii = TRUE;
  guint32 h = 2166136261u;
  gsize i = start;

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
  return i;
}

/* The next word of @text from byte *@pos: a run of letters, digits and
 * marks (GLib's rule), folded. */
gboolean
lgsm_search_next_word (const char     *text,
                       gsize          *pos,
                       LgsmSearchWord *word)
{
  gsize i = *pos;

  for (;;)
    {
      i = skip_to_word (text, i);
      if (text[i] == '\0')
        {
          *pos = i;
          return FALSE;
        }
      i = read_word (text, i, word);
      *pos = i;
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
  LgsmSearchWord word;

  while (lgsm_search_next_word (valid, &pos, &word))
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
guint
lgsm_search_to_chars (const char *text,
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
guint
lgsm_search_osa_distance (const gunichar *a,
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
  guint n = lgsm_search_to_chars (a, ca, &mask);
  guint m = lgsm_search_to_chars (b, cb, &mask);

  return lgsm_search_osa_distance (ca, n, cb, m, MAX (n, m), FALSE);
}

/* How many typos a word of @n_chars characters may have (one for 4 to 7
 * letters, two from 8) and, for "did you mean", how far to look. A number
 * has none: "1984" is not a misspelt "1985". */
guint
lgsm_search_typos_allowed (const char *word,
                           guint       n_chars)
{
  if (strpbrk (word, "0123456789"))
    return 0;
  return n_chars >= 8 ? 2 : n_chars >= 4 ? 1 : 0;
}

guint
lgsm_search_suggestion_reach (const char *word,
                              guint       n_chars)
{
  if (strpbrk (word, "0123456789"))
    return 0;
  return n_chars >= 8 ? 3 : n_chars >= 4 ? 2 : n_chars == 3 ? 1 : 0;
}
