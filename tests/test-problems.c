/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Problems a curator can act on (tests/data/problems/): a file that cannot
 * be read and a record that fails each make their own problem, and the links
 * to their records one line for the file that holds them; problems come
 * grouped by file, in line order; a duplicate id says where the first copy
 * is; an empty section says why. */
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "lgsm-exhibition.h"

static LgsmExhibition *
load_folder (const char *path)
{
  LgsmExhibition *exhibition = lgsm_exhibition_new ();
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (lgsm_exhibition_load_directory (exhibition, dir, NULL, &error));
  g_assert_no_error (error);
  return exhibition;
}

static LgsmExhibition *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "problems", NULL);
  LgsmExhibition *exhibition = load_folder (path);
  GListModel *problems = lgsm_exhibition_get_problems (exhibition);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      g_test_message ("%s", lgsm_problem_to_string (problem));
    }
  return exhibition;
}

static LgsmProblem *
problem_at (LgsmExhibition *exhibition,
            guint           i)
{
  GListModel *problems = lgsm_exhibition_get_problems (exhibition);
  LgsmProblem *problem = g_list_model_get_item (problems, i);

  g_object_unref (problem);  /* the list keeps it */
  return problem;
}

/* One problem for the file that cannot be read, one for the record that
 * fails, and one line for the four links to their records, not four. */
static void
test_left_out_links (void)
{
  g_autoptr(LgsmExhibition) exhibition = load_fixture ();
  g_autofree char *dir = NULL;
  g_autofree char *people = NULL;
  g_autofree char *expected = NULL;
  LgsmProblem *summary;
  guint n_dangling = 0;

  g_assert_cmpuint (g_list_model_get_n_items (lgsm_exhibition_get_problems (exhibition)), ==, 5);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, 4);

  summary = problem_at (exhibition, 0);
  dir = g_path_get_dirname (lgsm_problem_get_file (summary));
  people = g_build_filename (dir, "b-people.json", NULL);
  expected = g_strdup_printf ("4 links point at records that were not loaded: pm-one, pm-two, broken-record "
                              "(see the problems of %s, %s)", people, lgsm_problem_get_file (summary));
  g_assert_true (g_str_has_suffix (lgsm_problem_get_file (summary), "a-history.json"));
  g_assert_cmpstr (lgsm_problem_get_message (summary), ==, expected);
  g_assert_cmpint (lgsm_problem_get_code (summary), ==, LGSM_RECORD_ERROR_DANGLING_LINK);
  /* at the first of those links: "people": [ "pm-one", … */
  g_assert_cmpuint (lgsm_problem_get_line (summary), ==, 16);

  /* a link to an id that was never written is a mistake of its own */
  for (guint i = 0; i < 5; i++)
    if (lgsm_problem_get_code (problem_at (exhibition, i)) == LGSM_RECORD_ERROR_DANGLING_LINK)
      n_dangling++;
  g_assert_cmpuint (n_dangling, ==, 2);
  g_assert_cmpstr (lgsm_problem_get_record_id (problem_at (exhibition, 1)), ==, "linker");
  g_assert_cmpstr (lgsm_problem_get_field (problem_at (exhibition, 1)), ==, "see-also.1");
  g_assert_cmpstr (lgsm_problem_get_message (problem_at (exhibition, 1)), ==, "no record has the id “never-written”");

  /* the records with those links are kept */
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "linker"));
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "second-linker"));
}

/* Grouped by file in the order they are read, each in line order, though
 * links and duplicates are only found once every file is in. */
static void
test_order (void)
{
  g_autoptr(LgsmExhibition) exhibition = load_fixture ();
  static const struct {
    const char *file;
    guint       line;
    const char *record_id;
    const char *field;
    LgsmRecordError code;
  } expected[] = {
    { "a-history.json", 16, "-", "-", LGSM_RECORD_ERROR_DANGLING_LINK },
    { "a-history.json", 21, "linker", "see-also.1", LGSM_RECORD_ERROR_DANGLING_LINK },
    { "a-history.json", 42, "broken-record", "summary", LGSM_RECORD_ERROR_MISSING_FIELD },
    { "b-people.json", 18, "-", "-", LGSM_RECORD_ERROR_SYNTAX },
    { "c-outlook.json", 20, "twice", "id", LGSM_RECORD_ERROR_DUPLICATE_ID },
  };

  g_assert_cmpuint (g_list_model_get_n_items (lgsm_exhibition_get_problems (exhibition)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LgsmProblem *problem = problem_at (exhibition, i);

      g_assert_true (g_str_has_suffix (lgsm_problem_get_file (problem), expected[i].file));
      g_assert_cmpuint (lgsm_problem_get_line (problem), ==, expected[i].line);
      g_assert_cmpstr (lgsm_problem_get_record_id (problem), ==, expected[i].record_id);
      g_assert_cmpstr (lgsm_problem_get_field (problem), ==, expected[i].field);
      g_assert_cmpint (lgsm_problem_get_code (problem), ==, expected[i].code);
    }
}

/* The second copy is reported where it is, and names the first's file:line. */
static void
test_duplicate_names_both_places (void)
{
  g_autoptr(LgsmExhibition) exhibition = load_fixture ();
  LgsmProblem *problem = problem_at (exhibition, 4);
  g_autofree char *dir = g_path_get_dirname (lgsm_problem_get_file (problem));
  g_autofree char *first = g_build_filename (dir, "a-history.json", NULL);
  g_autofree char *expected = g_strdup_printf ("“twice” is already the id of “Twice, the first copy” at %s:54", first);

  g_assert_true (g_str_has_suffix (lgsm_problem_get_file (problem), "c-outlook.json"));
  g_assert_cmpuint (lgsm_problem_get_line (problem), ==, 20);
  g_assert_cmpstr (lgsm_problem_get_message (problem), ==, expected);
  g_assert_cmpstr (lgsm_record_get_title (lgsm_exhibition_lookup (exhibition, "twice")), ==, "Twice, the first copy");
}

/* A tab whose file could not be read can say why. */
static void
test_section_problem (void)
{
  g_autoptr(LgsmExhibition) exhibition = load_fixture ();

  g_assert_null (lgsm_exhibition_get_section (exhibition, "people"));
  g_assert_true (lgsm_exhibition_get_section_problem (exhibition, "people") == problem_at (exhibition, 3));
  g_assert_null (lgsm_exhibition_get_section_problem (exhibition, "history"));
  g_assert_null (lgsm_exhibition_get_section_problem (exhibition, "outlook"));
  g_assert_null (lgsm_exhibition_get_section_problem (exhibition, "twinning"));
  g_assert_null (lgsm_exhibition_get_section_problem (exhibition, NULL));
}

/* Sections left empty otherwise: a file whose every record fails, a file
 * that is not a file, a file refused before it is parsed (named by its file
 * name when the text does not say). */
static void
test_section_problem_other_causes (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lgsm-problems-XXXXXX", NULL);
  g_autofree char *legacy = g_build_filename (tmp, "legacy.json", NULL);
  g_autofree char *places = g_build_filename (tmp, "places.json", NULL);
  g_autofree char *twinning = g_build_filename (tmp, "twinning.json", NULL);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  LgsmProblem *problem;

  g_assert_true (g_file_set_contents (legacy,
                                      "{\"schema\": 1, \"section\": \"legacy\", \"title\": \"L\", \"summary\": \"S\",\n"
                                      " \"records\": [\n"
                                      "  {\"id\": \"no-title\", \"kind\": \"event\", \"summary\": \"S\", \"body\": [\"p\"], \"sources\": [\"s\"]}\n"
                                      "]}\n", -1, NULL));
  g_assert_cmpint (g_mkdir (places, 0700), ==, 0);
  g_assert_true (g_file_set_contents (twinning, "\x00\x01 not text", 11, NULL));

  exhibition = load_folder (tmp);

  problem = lgsm_exhibition_get_section_problem (exhibition, "legacy");
  g_assert_nonnull (problem);
  g_assert_cmpstr (lgsm_problem_get_record_id (problem), ==, "no-title");
  g_assert_cmpstr (lgsm_problem_get_field (problem), ==, "title");
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_section_get_records (lgsm_exhibition_get_section (exhibition, "legacy"))), ==, 0);

  problem = lgsm_exhibition_get_section_problem (exhibition, "places");
  g_assert_nonnull (problem);
  g_assert_cmpint (lgsm_problem_get_code (problem), ==, LGSM_RECORD_ERROR_IO);
  g_assert_true (g_str_has_suffix (lgsm_problem_get_file (problem), "places.json"));

  problem = lgsm_exhibition_get_section_problem (exhibition, "twinning");
  g_assert_nonnull (problem);
  g_assert_cmpint (lgsm_problem_get_code (problem), ==, LGSM_RECORD_ERROR_BAD_TEXT);

  g_unlink (legacy);
  g_rmdir (places);
  g_unlink (twinning);
  g_rmdir (tmp);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/problems/left-out-links", test_left_out_links);
  g_test_add_func ("/problems/order", test_order);
  g_test_add_func ("/problems/duplicate-names-both-places", test_duplicate_names_both_places);
  g_test_add_func ("/problems/section", test_section_problem);
  g_test_add_func ("/problems/section-other-causes", test_section_problem_other_causes);

  return g_test_run ();
}
