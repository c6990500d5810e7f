/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-search [-n REPS] [--bundled] [DIR…]
 *
 * Search latency per keystroke, for the bundled records (--bundled) and for
 * each records folder DIR (e.g. the 10k and 100k folders of
 * bench-gen-records), in one process:
 *
 *   index     lgsm_exhibition_search (): the search index built while the
 *             records loaded (its build time and size are printed);
 *   linear    the search this replaced, copied here as the baseline: every
 *             record's text folded once, on the first search, then every
 *             query word looked for with strstr () in every record.
 *
 * A "keystroke" is one query: each prefix of each typed string below, as a
 * visitor's search entry sends them ("s", "so", "sol", …). Each keystroke is
 * timed REPS times for the index (its median counts) and once for the linear
 * search (too slow to repeat at 100,000 records); the first linear query, which
 * also folds every record, is reported on its own. Prints the median, 90th
 * percentile and worst keystroke of each, and linear / index. Never fails on
 * a figure.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "lgsm-exhibition.h"

/* What a visitor types: words in the bundled records and in the synthetic
 * ones, a phrase, and two with typos (in the synthetic records neither has
 * any match: they take the "did you mean" path). */
static const char * const typed[] = {
  "Onllwyn", "solidarity", "Swansea", "miners strike", "Somervile", "solidarty",
};

/* ---- the search this replaced (lgsm-exhibition.c before the index) ---------------- */

typedef struct {
  LgsmExhibition *exhibition;
  GHashTable     *keys;   /* LgsmRecord → folded text, made on the first search */
} Linear;

static char *
old_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_sized_new (strlen (text));

  if (decomposed == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, (gssize) bare->len);
}

static void
old_append_link_titles (LgsmExhibition     *exhibition,
                        GString            *key,
                        const char * const *links)
{
  for (guint i = 0; links && links[i]; i++)
    {
      LgsmRecord *target = lgsm_exhibition_lookup (exhibition, links[i]);
      if (target)
        g_string_append_printf (key, "\n%s", lgsm_record_get_title (target));
    }
}

static const char *
old_search_key (Linear     *linear,
                LgsmRecord *record)
{
  const char * const *body = lgsm_record_get_body (record);
  g_autoptr(GString) key = NULL;
  char *folded = g_hash_table_lookup (linear->keys, record);

  if (folded)
    return folded;
  key = g_string_new (lgsm_record_get_title (record));
  g_string_append_printf (key, "\n%s", lgsm_record_get_summary (record));
  for (guint i = 0; body && body[i]; i++)
    g_string_append_printf (key, "\n%s", body[i]);
  old_append_link_titles (linear->exhibition, key, lgsm_record_get_people (record));
  old_append_link_titles (linear->exhibition, key, lgsm_record_get_places (record));
  folded = old_fold (key->str);
  g_hash_table_insert (linear->keys, record, folded);
  return folded;
}

static gboolean
old_contains_all (const char          *haystack,
                  const char * const  *words)
{
  for (guint i = 0; words[i]; i++)
    if (*words[i] && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static GListModel *
old_search (Linear     *linear,
            const char *query)
{
  g_autoptr(GPtrArray) in_title = g_ptr_array_new ();
  g_autoptr(GPtrArray) elsewhere = g_ptr_array_new ();
  GListModel *sections = lgsm_exhibition_get_sections (linear->exhibition);
  g_autofree char *folded = old_fold (query ? query : "");
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  GListStore *results = g_list_store_new (LGSM_TYPE_RECORD);

  if (words[0] == NULL || *folded == '\0')
    return G_LIST_MODEL (results);
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);
      guint n = g_list_model_get_n_items (records);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          const char *key = old_search_key (linear, record);
          const char *newline = strchr (key, '\n');
          g_autofree char *title = g_strndup (key, newline ? (gsize) (newline - key) : strlen (key));

          if (old_contains_all (title, (const char * const *) words))
            g_ptr_array_add (in_title, record);
          else if (old_contains_all (key, (const char * const *) words))
            g_ptr_array_add (elsewhere, record);
        }
    }
  g_list_store_splice (results, 0, 0, in_title->pdata, in_title->len);
  g_list_store_splice (results, in_title->len, 0, elsewhere->pdata, elsewhere->len);
  return G_LIST_MODEL (results);
}

/* ---- measuring -------------------------------------------------------------------- */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The @q quantile (0.5: median) of @values, sorted in place. */
static double
quantile (GArray *values,
          double  q)
{
  double pos;
  guint i;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_double);
  pos = q * (values->len - 1);
  i = (guint) pos;
  if (i + 1 >= values->len)
    return g_array_index (values, double, values->len - 1);
  return g_array_index (values, double, i) * (i + 1 - pos) + g_array_index (values, double, i + 1) * (pos - i);
}

static char *
format_time (double us)
{
  if (us >= 1e6)
    return g_strdup_printf ("%.2f s", us / 1e6);
  if (us >= 1e3)
    return g_strdup_printf ("%.1f ms", us / 1e3);
  return g_strdup_printf ("%.0f us", us);
}

typedef struct {
  char   *name;
  guint   n_records;
  gint64  load_us;
  gint64  index_us;
  gsize   index_bytes;
  guint   n_words;
  GArray *index;          /* double, µs per keystroke */
  GArray *linear;
  double  linear_first;   /* µs: the first linear query, which folds every record */
  guint   matches_min, matches_max;
  GString *per_word;
} Result;

static double
time_index (LgsmExhibition *exhibition,
            const char     *query,
            int             reps,
            guint          *n_matches)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int r = 0; r < reps; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GListModel) results = lgsm_exhibition_search (exhibition, query);
      double us;

      *n_matches = g_list_model_get_n_items (results);
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (times, us);
    }
  return quantile (times, 0.5);
}

static Result *
measure (const char *name,
         const char *dir,
         int         reps)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);
  LgsmSearchIndex *index;
  Linear linear = { exhibition, g_hash_table_new_full (NULL, NULL, NULL, g_free) };
  gint64 start = g_get_monotonic_time ();
  gboolean first = TRUE;

  if (dir)
    {
      g_autoptr(GFile) file = g_file_new_for_path (dir);
      if (!lgsm_exhibition_load_directory (exhibition, file, NULL, &error))
        g_error ("%s: %s", dir, error->message);
    }
  else if (!lgsm_exhibition_load_resources (exhibition, "/org/lgsm/Exhibition/", &error))
    g_error ("bundled records: %s", error->message);

  result->load_us = g_get_monotonic_time () - start;
  result->name = g_strdup (name);
  result->n_records = lgsm_exhibition_get_n_records (exhibition);
  index = lgsm_exhibition_get_search_index (exhibition);
  result->index_us = lgsm_search_index_get_build_time (index);
  result->index_bytes = lgsm_search_index_get_size (index);
  result->n_words = lgsm_search_index_get_n_words (index);
  result->index = g_array_new (FALSE, FALSE, sizeof (double));
  result->linear = g_array_new (FALSE, FALSE, sizeof (double));
  result->matches_min = G_MAXUINT;
  result->per_word = g_string_new (NULL);

  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    {
      g_autoptr(GArray) word_index = g_array_new (FALSE, FALSE, sizeof (double));
      glong n_chars = g_utf8_strlen (typed[w], -1);
      guint n_matches = 0, n_linear = 0;
      double word_linear = 0;

      for (glong c = 1; c <= n_chars; c++)
        {
          g_autofree char *prefix = g_utf8_substring (typed[w], 0, c);
          double us = time_index (exhibition, prefix, reps, &n_matches);
          gint64 t0;

          g_array_append_val (result->index, us);
          g_array_append_val (word_index, us);
          result->matches_min = MIN (result->matches_min, n_matches);
          result->matches_max = MAX (result->matches_max, n_matches);

          t0 = g_get_monotonic_time ();
          {
            g_autoptr(GListModel) old = old_search (&linear, prefix);
            n_linear = g_list_model_get_n_items (old);
          }
          us = (double) (g_get_monotonic_time () - t0);
          if (first)
            result->linear_first = us;
          else
            g_array_append_val (result->linear, us);
          first = FALSE;
          word_linear = us;
        }
      {
        g_autofree char *m = format_time (quantile (word_index, 0.5));
        g_string_append_printf (result->per_word, "%s“%s” %s (%u found; linear %u)",
                                w ? ", " : "", typed[w], m, n_matches, n_linear);
      }
      (void) word_linear;
    }
  g_hash_table_unref (linear.keys);
  return result;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) results = g_ptr_array_new ();
  int reps = 7;
  guint n_keys = 0;

  setlocale (LC_ALL, "");
  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    n_keys += (guint) g_utf8_strlen (typed[w], -1);

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "-n") == 0 && i + 1 < argc)
        {
          reps = atoi (argv[++i]);
          reps = MAX (reps, 1);
        }
      else if (strcmp (argv[i], "--bundled") == 0)
        {
          g_printerr ("bench-search: bundled records...\n");
          g_ptr_array_add (results, measure ("bundled", NULL, reps));
        }
      else
        {
          g_autofree char *base = g_path_get_basename (argv[i]);
          g_printerr ("bench-search: %s...\n", argv[i]);
          g_ptr_array_add (results, measure (base, argv[i], reps));
        }
    }
  if (results->len == 0)
    {
      g_printerr ("usage: %s [-n REPS] [--bundled] [DIR...]\n", argv[0]);
      return 2;
    }

  g_print ("\nSEARCH PER KEYSTROKE - %u keystrokes: every prefix of", n_keys);
  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    g_print ("%s “%s”", w ? "," : "", typed[w]);
  g_print ("\n  index = lgsm_exhibition_search () on the index built at load (median of %d runs per keystroke);\n"
           "  linear = the search it replaced, in the same process (one run per keystroke; its first query,\n"
           "  which folds every record's text, is shown apart and left out of its figures)\n\n", reps);
  g_print ("  %-9s %8s | %-29s | %-29s | %-13s | %s\n",
           "records", "", "index per keystroke", "linear per keystroke", "linear / index", "");
  g_print ("  %-9s %8s | %9s %9s %9s | %9s %9s %9s | %6s %6s | %s\n",
           "", "n", "median", "p90", "worst", "median", "p90", "worst", "median", "p90", "linear first query");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = g_ptr_array_index (results, i);
      double im = quantile (r->index, 0.5), ip = quantile (r->index, 0.9), iw = quantile (r->index, 1);
      double lm = quantile (r->linear, 0.5), lp = quantile (r->linear, 0.9), lw = quantile (r->linear, 1);
      g_autofree char *ims = format_time (im), *ips = format_time (ip), *iws = format_time (iw);
      g_autofree char *lms = format_time (lm), *lps = format_time (lp), *lws = format_time (lw);
      g_autofree char *lfs = format_time (r->linear_first);

      g_print ("  %-9s %8u | %9s %9s %9s | %9s %9s %9s | %5.0fx %5.0fx | %s\n",
               r->name, r->n_records, ims, ips, iws, lms, lps, lws, lm / im, lp / ip, lfs);
    }
  g_print ("\n");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = g_ptr_array_index (results, i);
      g_autofree char *load = format_time ((double) r->load_us);
      g_autofree char *build = format_time ((double) r->index_us);

      g_print ("  %-9s load %s, of which the index %s (%.0f%%); index %.1f MB (%.0f bytes a record), %u words;\n"
               "            %u to %u records found a keystroke; per word (median): %s\n",
               r->name, load, build, 100.0 * r->index_us / MAX (r->load_us, 1),
               r->index_bytes / 1048576.0, (double) r->index_bytes / MAX (r->n_records, 1), r->n_words,
               r->matches_min, r->matches_max, r->per_word->str);
    }
  g_print ("\n");
  return 0;
}
