/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <glib/gstdio.h>

#include "lgsm-exhibition.h"
#include "lgsm-loader.h"

/* One fixture per class of error: the exact code, the record and field the
 * message must name, and how many good records must still load. */
static const struct {
  const char      *fixture;
  LgsmRecordError  code;
  const char      *record_id;
  const char      *field;
  guint            line;
  guint            good;
} fixtures[] = {
  { "syntax", LGSM_RECORD_ERROR_SYNTAX, "-", "-", 5, 0 },
  { "wrong-type", LGSM_RECORD_ERROR_WRONG_TYPE, "typed", "title", 22, 1 },
  { "missing-field", LGSM_RECORD_ERROR_MISSING_FIELD, "no-summary", "summary", 19, 1 },
  { "unknown-field", LGSM_RECORD_ERROR_UNKNOWN_FIELD, "misspelt", "sumary", 30, 1 },
  { "bad-id", LGSM_RECORD_ERROR_BAD_ID, "records[1]", "id", 20, 1 },
  { "duplicate-id", LGSM_RECORD_ERROR_DUPLICATE_ID, "twice", "id", 32, 2 },
  { "dangling-link", LGSM_RECORD_ERROR_DANGLING_LINK, "linker", "see-also.1", 32, 2 },
  { "bad-date", LGSM_RECORD_ERROR_BAD_DATE, "odd-date", "date", 30, 1 },
  { "bad-amount", LGSM_RECORD_ERROR_BAD_AMOUNT, "negative", "amount.pence", 31, 1 },
  { "bad-image", LGSM_RECORD_ERROR_BAD_IMAGE, "escape", "image.resource", 31, 1 },
  { "empty-text", LGSM_RECORD_ERROR_EMPTY_TEXT, "blank", "title", 22, 1 },
  { "bad-text", LGSM_RECORD_ERROR_BAD_TEXT, "bell", "summary", 23, 1 },
  { "bad-value", LGSM_RECORD_ERROR_BAD_VALUE, "battle", "kind", 21, 1 },
  { "unsupported-schema", LGSM_RECORD_ERROR_UNSUPPORTED_SCHEMA, "-", "schema", 2, 0 },
  { "too-large", LGSM_RECORD_ERROR_TOO_LARGE, "-", "-", 1, 0 },
  { "io", LGSM_RECORD_ERROR_IO, "-", "-", 0, 0 },
};

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

static void
test_fixture (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "errors", fixtures[i].fixture, NULL);
  g_autoptr(LgsmExhibition) exhibition = load_folder (path);
  GListModel *problems = lgsm_exhibition_get_problems (exhibition);
  g_autoptr(LgsmProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  text = lgsm_problem_to_string (problem);
  g_test_message ("%s", text);

  g_assert_cmpint (lgsm_problem_get_code (problem), ==, fixtures[i].code);
  g_assert_cmpstr (lgsm_problem_get_record_id (problem), ==, fixtures[i].record_id);
  g_assert_cmpstr (lgsm_problem_get_field (problem), ==, fixtures[i].field);
  g_assert_cmpuint (lgsm_problem_get_line (problem), ==, fixtures[i].line);
  g_assert_true (strstr (lgsm_problem_get_file (problem), fixtures[i].fixture) != NULL);

  /* the message names file, record id and field */
  g_assert_true (g_str_has_prefix (text, lgsm_problem_get_file (problem)));
  g_assert_true (strstr (text, fixtures[i].record_id) != NULL);
  g_assert_true (strstr (text, fixtures[i].field) != NULL);

  error = lgsm_problem_to_error (problem);
  g_assert_error (error, LGSM_RECORD_ERROR, (int) fixtures[i].code);
  g_assert_cmpstr (error->message, ==, text);

  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, fixtures[i].good);
}

static void
test_all_problems_in_a_file (void)
{
  g_autoptr(LgsmLoader) loader = lgsm_loader_new ();
  g_autoptr(GListStore) problems = g_list_store_new (LGSM_TYPE_PROBLEM);
  g_autoptr(LgsmSection) section = NULL;
  static const char json[] =
    "{\"schema\":1,\"section\":\"history\",\"title\":\"T\",\"summary\":\"S\",\"records\":["
    "{\"id\":\"a\",\"kind\":\"event\",\"title\":\"\",\"summary\":7,\"body\":[],\"sources\":[\"s\"]},"
    "{\"id\":\"b\",\"kind\":\"event\",\"title\":\"B\",\"summary\":\"S\",\"body\":[\"p\"],\"sources\":[\"s\"]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);

  section = lgsm_loader_load_bytes (loader, bytes, "inline.json", problems);
  g_assert_nonnull (section);
  /* title empty, summary wrong type, body empty: all three, not just the first */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_section_get_records (section)), ==, 1);
}

static void
test_folder_with_one_bad_file (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lgsm-test-XXXXXX", NULL);
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "valid", "history.json", NULL);
  g_autofree char *good = g_build_filename (tmp, "a-good.json", NULL);
  g_autofree char *bad = g_build_filename (tmp, "b-bad.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(LgsmExhibition) exhibition = NULL;
  LgsmRecord *record;

  g_assert_true (g_file_get_contents (valid, &contents, NULL, NULL));
  /* its concert links to people and places, and an image, that are not
   * in this folder: that record is left out; the other three load */
  g_assert_true (g_file_set_contents (good, contents, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{ \"schema\": 1, \"section\": ", -1, NULL));

  exhibition = load_folder (tmp);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, 3);
  g_assert_null (lgsm_exhibition_lookup (exhibition, "concert"));
  record = lgsm_exhibition_lookup (exhibition, "collection");
  g_assert_nonnull (record);
  g_assert_cmpstr (lgsm_record_get_title (record), ==, "First collection");
  /* the missing image, then the syntax error in the second file */
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_exhibition_get_problems (exhibition)), ==, 2);

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (tmp);
}

static void
test_valid_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autoptr(LgsmExhibition) exhibition = load_folder (path);
  g_autoptr(GListModel) backlinks = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  LgsmSection *history;
  LgsmRecord *concert;
  gint64 pence;
  gboolean approximate;
  const char *currency;

  g_assert_cmpuint (g_list_model_get_n_items (lgsm_exhibition_get_problems (exhibition)), ==, 0);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, 7);

  /* sections come in exhibition order, whatever the file names */
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_exhibition_get_sections (exhibition)), ==, 3);
  history = lgsm_exhibition_get_section (exhibition, "history");
  g_assert_cmpstr (lgsm_section_get_title (history), ==, "History");
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_section_get_records (history)), ==, 4);

  concert = lgsm_exhibition_lookup (exhibition, "concert");
  g_assert_cmpint (lgsm_record_get_kind (concert), ==, LGSM_RECORD_KIND_EVENT);
  g_assert_cmpstr (lgsm_record_get_body (concert)[1], ==, "It raised money.");
  g_assert_true (lgsm_record_get_amount (concert, &pence, &currency, &approximate));
  g_assert_cmpint (pence, ==, 500000);
  g_assert_cmpstr (currency, ==, "GBP");
  g_assert_true (approximate);
  g_assert_cmpstr ((amount = lgsm_record_format_amount (concert)), ==, "about £5,000");
  g_assert_cmpstr ((date = lgsm_record_format_date (concert)), ==, "10 December 1984");
  g_assert_true (g_str_has_prefix (lgsm_record_get_image_uri (concert), "file:///"));
  g_assert_true (g_str_has_suffix (lgsm_record_get_image_uri (concert), "/images/square.svg"));
  g_assert_cmpstr (lgsm_record_get_image_alt (concert), ==, "A pink square");

  /* reverse links: the place knows the concert links to it */
  backlinks = lgsm_exhibition_get_backlinks (exhibition, "camden");
  g_assert_cmpuint (g_list_model_get_n_items (backlinks), ==, 1);
  {
    g_autoptr(LgsmRecord) first = g_list_model_get_item (backlinks, 0);
    g_autofree char *strike = lgsm_record_format_date (lgsm_exhibition_lookup (exhibition, "strike"));

    g_assert_true (first == concert);
    g_assert_cmpstr (strike, ==, "spring 1984 to spring 1985");
  }
}

static void
test_search (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autoptr(LgsmExhibition) exhibition = load_folder (path);
  g_autoptr(GListModel) by_person = lgsm_exhibition_search (exhibition, "somerville");
  g_autoptr(GListModel) by_place = lgsm_exhibition_search (exhibition, "CAMDEN town");
  g_autoptr(GListModel) accents = lgsm_exhibition_search (exhibition, "Onllŵyn");
  g_autoptr(GListModel) none = lgsm_exhibition_search (exhibition, "zeppelin");
  g_autoptr(GListModel) empty = lgsm_exhibition_search (exhibition, "   ");
  g_autoptr(LgsmRecord) first = NULL;
  g_autoptr(LgsmRecord) second = NULL;

  /* the person's own record first (title), then the concert that names them */
  g_assert_cmpuint (g_list_model_get_n_items (by_person), ==, 2);
  first = g_list_model_get_item (by_person, 0);
  second = g_list_model_get_item (by_person, 1);
  g_assert_cmpstr (lgsm_record_get_id (first), ==, "singer");
  g_assert_cmpstr (lgsm_record_get_id (second), ==, "concert");

  g_assert_cmpuint (g_list_model_get_n_items (by_place), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (accents), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
}

static void
test_bundled_resources (void)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autoptr(GError) error = NULL;
  GListModel *problems;

  g_assert_true (lgsm_exhibition_load_resources (exhibition, "/org/lgsm/Exhibition/", &error));
  g_assert_no_error (error);
  problems = lgsm_exhibition_get_problems (exhibition);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      g_printerr ("%s\n", lgsm_problem_to_string (problem));
    }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), >=, 30);
  g_assert_true (g_str_has_prefix (lgsm_record_get_image_uri (lgsm_exhibition_lookup (exhibition, "minibus")),
                                   "resource:///org/lgsm/Exhibition/images/"));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (lgsm_exhibition_load_directory_finish (LGSM_EXHIBITION (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* A large folder loads in a worker thread while the window is on screen. */
static void
test_load_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  gboolean done = FALSE;

  lgsm_exhibition_load_directory_async (exhibition, dir, NULL, NULL, on_loaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, 7);
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "concert"));
}

static void
test_file_too_large (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("lgsm-test-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (tmp, "history.json", NULL);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(LgsmProblem) problem = NULL;
  FILE *f = g_fopen (big, "w");

  /* sparse: 65 MiB without writing them */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 65 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc (' ', f);
  fclose (f);

  exhibition = load_folder (tmp);
  problem = g_list_model_get_item (lgsm_exhibition_get_problems (exhibition), 0);
  g_assert_cmpint (lgsm_problem_get_code (problem), ==, LGSM_RECORD_ERROR_TOO_LARGE);
  g_assert_true (strstr (lgsm_problem_to_string (problem), "history.json") != NULL);
  g_unlink (big);
  g_rmdir (tmp);
}

static void
test_image_paths (void)
{
  const char *safe[] = { "images/a.svg", "a.png", "x/y_z-1.svg" };
  const char *unsafe[] = { "", "/etc/passwd", "../a.svg", "images/../../a", "file:///etc/passwd",
                           "resource:///org/gtk/x", "C:\\a.svg", ".hidden", "images//a.svg",
                           "images/", "a b.svg", "images/./a.svg" };

  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    g_assert_true (lgsm_image_path_is_safe (safe[i]));
  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    g_assert_false (lgsm_image_path_is_safe (unsafe[i]));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/loader/errors/%s", fixtures[i].fixture);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_fixture);
    }
  g_test_add_func ("/loader/errors/all-in-a-file", test_all_problems_in_a_file);
  g_test_add_func ("/loader/errors/file-too-large", test_file_too_large);
  g_test_add_func ("/loader/folder-with-one-bad-file", test_folder_with_one_bad_file);
  g_test_add_func ("/loader/valid-folder", test_valid_folder);
  g_test_add_func ("/loader/async", test_load_async);
  g_test_add_func ("/loader/image-paths", test_image_paths);
  g_test_add_func ("/loader/bundled-resources", test_bundled_resources);
  g_test_add_func ("/exhibition/search", test_search);

  return g_test_run ();
}
