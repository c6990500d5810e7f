/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search: folding, prefixes, typos at each length, ranking, the matched
 * words' byte ranges, Welsh text, suggestions, the CLI's lines, and the
 * index built and queried in other threads. The records are in
 * tests/data/search/. */
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "lgsm-exhibition.h"
#include "lgsm-search.h"

static LgsmExhibition *fixture;

static LgsmExhibition *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "search", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  LgsmExhibition *exhibition = lgsm_exhibition_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (lgsm_exhibition_load_directory (exhibition, dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_exhibition_get_problems (exhibition)), ==, 0);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, 10);
  return exhibition;
}

/* The ids found, best first, as "a b c". */
static char *
ids_of (GListModel *results)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (results, i);
      g_string_append_printf (ids, "%s%s", i ? " " : "", lgsm_record_get_id (record));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
search (const char *query)
{
  g_autoptr(GListModel) results = lgsm_exhibition_search (fixture, query);
  return ids_of (results);
}

#define assert_finds(query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search (query); \
    g_test_message ("“%s” → %s", query, found_); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static void
test_fold (void)
{
  g_auto(GStrv) words = lgsm_search_fold_words ("Brónski ŴYL, Tŷ’s CAFÉ naïve Straße 1984–85");
  const char * const expected[] = { "bronski", "wyl", "ty", "s", "cafe", "naive", "strasse", "1984", "85", NULL };
  const char * const glib_words[] = { "Brónski", "ŴYL", "Tŷ", "CAFÉ", "naïve", "Dŵr" };

  g_assert_cmpstrv (words, expected);

  /* a word outside ASCII is GLib's ASCII alternate */
  for (guint i = 0; i < G_N_ELEMENTS (glib_words); i++)
    {
      g_auto(GStrv) alternates = NULL;
      g_auto(GStrv) tokens = g_str_tokenize_and_fold (glib_words[i], "C", &alternates);
      g_auto(GStrv) ours = lgsm_search_fold_words (glib_words[i]);

      g_assert_cmpuint (g_strv_length (tokens), ==, 1);
      g_assert_nonnull (alternates[0]);
      g_assert_cmpuint (g_strv_length (ours), ==, 1);
      g_assert_cmpstr (ours[0], ==, alternates[0]);
    }

  g_assert_cmpuint (lgsm_search_edit_distance ("bronksi", "bronski"), ==, 1);  /* a swap is one edit */
  g_assert_cmpuint (lgsm_search_edit_distance ("somervile", "somerville"), ==, 1);
  g_assert_cmpuint (lgsm_search_edit_distance ("smervile", "somerville"), ==, 2);
  g_assert_cmpuint (lgsm_search_edit_distance ("dŵr", "dwr"), ==, 1);
}

static void
test_case_and_accents (void)
{
  g_autofree char *plain = search ("bronski");
  g_autofree char *accented = search ("Brónski");
  g_autofree char *upper = search ("BRONSKI");

  g_assert_cmpstr (plain, ==, "in-title in-summary welsh in-body");
  g_assert_cmpstr (accented, ==, plain);
  g_assert_cmpstr (upper, ==, plain);
}

static void
test_prefixes (void)
{
  /* words are matched from their start, in any field */
  assert_finds ("somer", "misspelt singer welsh");
  assert_finds ("SOMERV", "misspelt singer welsh");
  assert_finds ("bron beat", "in-title in-summary in-body");
  /* not from the middle of a word */
  assert_finds ("ville", "");
  assert_finds ("onski", "");
}

static void
test_typos (void)
{
  /* 3 letters: no typo allowed */
  assert_finds ("mrc", "");
  /* 4 to 7 letters: one edit */
  assert_finds ("mrch", "march-exact welsh");
  assert_finds ("Bronksi", "in-title in-summary welsh in-body");   /* a swap */
  assert_finds ("Brinski", "in-title in-summary welsh in-body");   /* a wrong letter */
  assert_finds ("Brnksi", "");                                      /* two edits: too many */
  /* 8 letters and more: two edits; fewer typos first, whatever the field */
  assert_finds ("Somervile", "misspelt singer welsh");
  assert_finds ("Somerville", "singer welsh misspelt");
  assert_finds ("Smervile", "misspelt singer welsh");
  assert_finds ("Smrvle", "");
  /* numbers have no typos: 1984 is not 1985 */
  assert_finds ("1984", "");
  assert_finds ("1985", "welsh");
}

/* A word still being typed may have a typo in its start: "Bronk" goes on
 * to "Bronski"; once a space ends it, it is a whole word. */
static void
test_word_being_typed (void)
{
  assert_finds ("Bronk", "in-title in-summary welsh in-body");
  assert_finds ("Bronk ", "");
}

static void
test_ranking (void)
{
  g_autoptr(LgsmSearchResults) bronski = lgsm_exhibition_search_full (fixture, "bronski");
  g_autoptr(LgsmSearchResults) phrase = lgsm_exhibition_search_full (fixture, "miners strike");

  /* title, then summary, then body */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bronski)), ==, 4);
  g_assert_cmpint (lgsm_search_results_get_field (bronski, 0), ==, LGSM_SEARCH_FIELD_TITLE);
  g_assert_cmpint (lgsm_search_results_get_field (bronski, 1), ==, LGSM_SEARCH_FIELD_SUMMARY);
  g_assert_cmpint (lgsm_search_results_get_field (bronski, 2), ==, LGSM_SEARCH_FIELD_SUMMARY);
  g_assert_cmpint (lgsm_search_results_get_field (bronski, 3), ==, LGSM_SEARCH_FIELD_BODY);
  g_assert_cmpuint (lgsm_search_results_get_score (bronski, 0), >, lgsm_search_results_get_score (bronski, 1));
  g_assert_cmpuint (lgsm_search_results_get_score (bronski, 1), ==, lgsm_search_results_get_score (bronski, 2));
  g_assert_cmpuint (lgsm_search_results_get_score (bronski, 2), >, lgsm_search_results_get_score (bronski, 3));

  /* exact before a longer word in the same field; the date counts too */
  assert_finds ("march", "march-exact march-longer welsh");

  /* the whole phrase first, even in the body against both words in a title */
  assert_finds ("miners strike", "phrase words-apart");
  assert_finds ("strike miners", "words-apart phrase");
  g_assert_cmpint (lgsm_search_results_get_field (phrase, 0), ==, LGSM_SEARCH_FIELD_BODY);
  g_assert_cmpint (lgsm_search_results_get_field (phrase, 1), ==, LGSM_SEARCH_FIELD_TITLE);

  /* every word must match */
  assert_finds ("bronski nothing", "in-title in-summary in-body");
  assert_finds ("", "");
  assert_finds (" ,;– ", "");
}

static void
test_ranges (void)
{
  g_autoptr(LgsmSearchResults) somer = lgsm_exhibition_search_full (fixture, "somer");
  g_autoptr(LgsmSearchResults) bronski = lgsm_exhibition_search_full (fixture, "bronski beat");
  g_autoptr(LgsmSearchHit) hit = NULL;
  g_autoptr(GArray) in_text = NULL;
  LgsmSearchRange *r;
  guint singer = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (somer)); i++)
    if (g_strcmp0 (lgsm_record_get_id (lgsm_search_results_get_record (somer, i)), "singer") == 0)
      singer = i;
  g_assert_cmpuint (singer, <, G_MAXUINT);

  /* "Jimmy Somerville": the whole word, bytes 6 to 16 */
  hit = lgsm_search_results_get_hit (somer, singer);
  g_assert_cmpstr (lgsm_record_get_id (hit->record), ==, "singer");
  g_assert_cmpint (hit->field, ==, LGSM_SEARCH_FIELD_TITLE);
  g_assert_cmpuint (hit->ranges->len, ==, 1);
  r = &g_array_index (hit->ranges, LgsmSearchRange, 0);
  g_assert_cmpint (r->field, ==, LGSM_SEARCH_FIELD_TITLE);
  g_assert_cmpuint (r->item, ==, 0);
  g_assert_cmpuint (r->start, ==, 6);
  g_assert_cmpuint (r->end, ==, 16);
  g_clear_pointer (&hit, lgsm_search_hit_free);

  /* in the body's second paragraph: "The body names Bronski Beat once." */
  hit = lgsm_search_results_get_hit (bronski, 2);
  g_assert_cmpstr (lgsm_record_get_id (hit->record), ==, "in-body");
  g_assert_cmpuint (hit->ranges->len, ==, 2);
  r = &g_array_index (hit->ranges, LgsmSearchRange, 0);
  g_assert_cmpint (r->field, ==, LGSM_SEARCH_FIELD_BODY);
  g_assert_cmpuint (r->item, ==, 1);
  g_assert_cmpuint (r->start, ==, 15);
  g_assert_cmpuint (r->end, ==, 22);
  r = &g_array_index (hit->ranges, LgsmSearchRange, 1);
  g_assert_cmpuint (r->item, ==, 1);
  g_assert_cmpuint (r->start, ==, 23);
  g_assert_cmpuint (r->end, ==, 27);
  g_clear_pointer (&hit, lgsm_search_hit_free);

  /* any text, e.g. a label: byte offsets past multi-byte letters */
  in_text = lgsm_search_results_match_text (bronski, "Tŷ Brónski’s beats");
  g_assert_cmpuint (in_text->len, ==, 2);
  r = &g_array_index (in_text, LgsmSearchRange, 0);
  g_assert_cmpint (r->field, ==, LGSM_SEARCH_N_FIELDS);
  g_assert_cmpuint (r->start, ==, 4);
  g_assert_cmpuint (r->end, ==, 12);
  r = &g_array_index (in_text, LgsmSearchRange, 1);
  g_assert_cmpuint (r->start, ==, 17);
  g_assert_cmpuint (r->end, ==, 22);
}

/* Highlighting covers typos too, and offsets are into the field's text. */
static void
test_ranges_of_typos (void)
{
  g_autoptr(LgsmSearchResults) results = lgsm_exhibition_search_full (fixture, "Bronksi");
  g_autoptr(LgsmSearchHit) hit = lgsm_search_results_get_hit (results, 2);
  g_autofree char *summary = NULL;
  LgsmSearchRange *r;

  g_assert_cmpstr (lgsm_record_get_id (hit->record), ==, "welsh");
  g_assert_cmpuint (hit->ranges->len, ==, 1);
  r = &g_array_index (hit->ranges, LgsmSearchRange, 0);
  g_assert_cmpint (r->field, ==, LGSM_SEARCH_FIELD_SUMMARY);
  g_assert_cmpuint (r->start, ==, 46);
  g_assert_cmpuint (r->end, ==, 54);
  summary = lgsm_search_index_dup_field_text (lgsm_exhibition_get_search_index (fixture), hit->record,
                                              LGSM_SEARCH_FIELD_SUMMARY, 0);
  g_assert_true (strncmp (summary + r->start, "Brónski", r->end - r->start) == 0);
}

static void
test_welsh (void)
{
  g_autoptr(LgsmSearchResults) results = lgsm_exhibition_search_full (fixture, "Tŷ");
  g_autoptr(LgsmSearchHit) hit = NULL;
  g_autofree char *people = NULL;
  LgsmSearchRange *r;

  assert_finds ("gwyl", "welsh");
  assert_finds ("Gŵyl", "welsh");
  assert_finds ("GŴYL YN Y TŶ", "welsh");
  assert_finds ("dwr", "welsh");
  assert_finds ("ty", "welsh");
  assert_finds ("ŵ ŷ", "welsh");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);
  hit = lgsm_search_results_get_hit (results, 0);
  g_assert_cmpuint (hit->ranges->len, >=, 1);
  r = &g_array_index (hit->ranges, LgsmSearchRange, 0);
  g_assert_cmpint (r->field, ==, LGSM_SEARCH_FIELD_TITLE);
  g_assert_cmpuint (r->start, ==, 11);
  g_assert_cmpuint (r->end, ==, 14);

  /* the name of a linked person is searched, and is the field's text */
  people = lgsm_search_index_dup_field_text (lgsm_exhibition_get_search_index (fixture), hit->record,
                                             LGSM_SEARCH_FIELD_PEOPLE, 0);
  g_assert_cmpstr (people, ==, "Jimmy Somerville");
}

static void
test_suggestion (void)
{
  static const struct {
    const char *query;
    const char *suggestion;
  } cases[] = {
    { "Bronksy", "bronski" },           /* two edits: no match, but close */
    { "bronksy beet", "bronski beat" },
    { "Bronski zzxxqq", NULL },         /* nothing close to zzxxqq */
    { "zeppelin", NULL },
    { "bronski nothing", NULL },        /* matches: nothing to suggest */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LgsmSearchResults) results = lgsm_exhibition_search_full (fixture, cases[i].query);

      g_test_message ("“%s” → %s", cases[i].query, lgsm_search_results_get_suggestion (results));
      if (cases[i].suggestion)
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);
      g_assert_cmpstr (lgsm_search_results_get_suggestion (results), ==, cases[i].suggestion);
    }
}

static void
test_print (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (lgsm_search_print (fixture, "march", out), ==, 3);
  g_assert_cmpstr (out->str, ==,
                   "march-exact\tThe march\n"
                   "march-longer\tThe marchers\n"
                   "welsh\tGŵyl yn y Tŷ\n");
  g_string_truncate (out, 0);
  g_assert_cmpint (lgsm_search_print (fixture, "zeppelin", out), ==, 0);
  g_assert_cmpstr (out->str, ==, "");
}

/* The index is built in one thread and queried in two others at once. */
typedef struct {
  LgsmSearchIndex *index;
  const char      *query;
  char            *ids;
} Job;

static gpointer
build_in_thread (gpointer data)
{
  LgsmExhibition *exhibition = data;
  GListModel *sections = lgsm_exhibition_get_sections (exhibition);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *list = lgsm_section_get_records (section);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (records, g_list_model_get_item (list, i));
    }
  return lgsm_search_index_new (records, NULL);
}

static gpointer
query_in_thread (gpointer data)
{
  Job *job = data;

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(LgsmSearchResults) results = lgsm_search_index_query (job->index, job->query);

      g_free (job->ids);
      job->ids = ids_of (G_LIST_MODEL (results));
    }
  return NULL;
}

static void
test_threads (void)
{
  GThread *builder = g_thread_new ("build", build_in_thread, fixture);
  g_autoptr(LgsmSearchIndex) index = g_thread_join (builder);
  Job jobs[] = { { index, "Bronksi", NULL }, { index, "miners strike", NULL } };
  GThread *threads[G_N_ELEMENTS (jobs)];

  g_assert_cmpuint (lgsm_search_index_get_n_records (index), ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    threads[i] = g_thread_new ("query", query_in_thread, &jobs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    g_thread_join (threads[i]);
  g_assert_cmpstr (jobs[0].ids, ==, "in-title in-summary welsh in-body");
  g_assert_cmpstr (jobs[1].ids, ==, "phrase words-apart");
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    g_free (jobs[i].ids);
}

/* From 20,000 records the index reads two halves in two threads and puts
 * them together: words of either half, and of both, find the right records. */
static void
test_large (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lgsm-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "history.json", NULL);
  g_autoptr(GString) json = g_string_new ("{\"schema\": 1, \"section\": \"history\", \"title\": \"T\", "
                                          "\"summary\": \"S\", \"records\": [\n");
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GError) error = NULL;
  const guint n = 24000;
  static const struct {
    const char *query;
    guint       n_found;
    const char *first;
  } cases[] = {
    { "w000005", 1, "r000005" },
    { "w023999", 1, "r023999" },
    { "w01200", 10, "r012000" },        /* prefix, across the two halves */
    { "common", 24000, "r000000" },
    { "second half", 12000, "r012000" },
    { "frist hlaf", 12000, "r000000" }, /* a swap in each */
    { "fsrit", 0, NULL },               /* two edits in five letters: too many */
    { "uniq23999", 1, "r023999" },
  };

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"r%06u\", \"kind\": \"event\", \"title\": \"Record w%06u common\", "
                            "\"summary\": \"In the %s half, uniq%u.\", \"body\": [\"p\"], \"sources\": [\"s\"]}\n",
                            i ? "," : "", i, i, i < n / 2 ? "first" : "second", i);
  g_string_append (json, "]}\n");
  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));
  g_assert_true (lgsm_exhibition_load_directory (exhibition, dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, n);
  /* every record's number and "uniq" word, and record, common, in, the,
   * first, second, half, p, s */
  g_assert_cmpuint (lgsm_search_index_get_n_words (lgsm_exhibition_get_search_index (exhibition)), ==, 2 * n + 9);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LgsmSearchResults) results = lgsm_exhibition_search_full (exhibition, cases[i].query);
      guint found = g_list_model_get_n_items (G_LIST_MODEL (results));

      g_test_message ("“%s” → %u", cases[i].query, found);
      g_assert_cmpuint (found, ==, cases[i].n_found);
      if (found > 0)
        {
          g_autoptr(LgsmSearchHit) hit = lgsm_search_results_get_hit (results, 0);
          g_assert_cmpstr (lgsm_record_get_id (hit->record), ==, cases[i].first);
          g_assert_cmpuint (hit->ranges->len, >=, 1);
        }
    }
  /* records that rank alike stay in order, across the halves */
  {
    g_autoptr(GListModel) results = lgsm_exhibition_search (exhibition, "common");
    g_autoptr(LgsmRecord) last = g_list_model_get_item (results, n - 1);
    g_autoptr(LgsmRecord) middle = g_list_model_get_item (results, n / 2);

    g_assert_cmpstr (lgsm_record_get_id (last), ==, "r023999");
    g_assert_cmpstr (lgsm_record_get_id (middle), ==, "r012000");
  }
  g_unlink (path);
  g_rmdir (tmp);
}

/* A records folder is shown before its index is built: loading with the
 * index deferred leaves it out, a worker thread builds it, and a search
 * meanwhile still finds the same records. */
static void
test_deferred_index (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "search", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(LgsmExhibition) deferred = lgsm_exhibition_new ();
  g_autoptr(LgsmExhibition) early = lgsm_exhibition_new ();
  g_autoptr(GListModel) now = NULL, before = NULL;
  g_autofree char *now_ids = NULL, *before_ids = NULL;
  gint64 deadline;

  lgsm_exhibition_set_index_deferred (deferred, TRUE);
  g_assert_true (lgsm_exhibition_load_directory (deferred, dir, NULL, NULL));
  g_assert_false (lgsm_exhibition_has_index (deferred));
  lgsm_exhibition_build_index_async (deferred);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!lgsm_exhibition_has_index (deferred))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  now = lgsm_exhibition_search (deferred, "Bronski");
  before = lgsm_exhibition_search (fixture, "Bronski");
  now_ids = ids_of (now);
  before_ids = ids_of (before);
  g_assert_cmpstr (now_ids, ==, before_ids);
  g_assert_cmpstr (now_ids, !=, "");

  /* searched before the thread is done: the same answer */
  lgsm_exhibition_set_index_deferred (early, TRUE);
  g_assert_true (lgsm_exhibition_load_directory (early, dir, NULL, NULL));
  lgsm_exhibition_build_index_async (early);
  {
    g_autoptr(GListModel) results = lgsm_exhibition_search (early, "Bronski");
    g_autofree char *ids = ids_of (results);
    g_assert_cmpstr (ids, ==, before_ids);
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (lgsm_exhibition_has_index (early));
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  fixture = load_fixture ();
  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/case-and-accents", test_case_and_accents);
  g_test_add_func ("/search/prefixes", test_prefixes);
  g_test_add_func ("/search/typos", test_typos);
  g_test_add_func ("/search/word-being-typed", test_word_being_typed);
  g_test_add_func ("/search/ranking", test_ranking);
  g_test_add_func ("/search/ranges", test_ranges);
  g_test_add_func ("/search/ranges-of-typos", test_ranges_of_typos);
  g_test_add_func ("/search/welsh", test_welsh);
  g_test_add_func ("/search/suggestion", test_suggestion);
  g_test_add_func ("/search/print", test_print);
  g_test_add_func ("/search/threads", test_threads);
  g_test_add_func ("/search/large", test_large);
  g_test_add_func ("/search/deferred-index", test_deferred_index);

  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
