/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <glib/gstdio.h>

#include <string.h>

#include "lgsm-lesson.h"

static char *
tmp_dir (void)
{
  return g_dir_make_tmp ("lgsm-lesson-XXXXXX", NULL);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "sub", "lesson.json", NULL);
  g_autoptr(LgsmLesson) lesson = lgsm_lesson_new ("Strike & “Pride” <b>");
  g_autoptr(LgsmLesson) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  guint n_files = 0;

  lgsm_lesson_append (lesson, "miners-strike");
  lgsm_lesson_append (lesson, "pits-and-perverts");
  lgsm_lesson_append (lesson, "minibus");
  lgsm_lesson_move (lesson, 2, -1);        /* minibus before the concert */
  lgsm_lesson_move (lesson, 0, -1);        /* out of range: nothing */
  g_assert_true (lgsm_lesson_save_file (lesson, file, &error));
  g_assert_no_error (error);

  loaded = lgsm_lesson_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lgsm_lesson_get_name (loaded), ==, "Strike & “Pride” <b>");
  g_assert_cmpuint (lgsm_lesson_get_n_items (loaded), ==, 3);
  g_assert_cmpstr (lgsm_lesson_get_id (loaded, 0), ==, "miners-strike");
  g_assert_cmpstr (lgsm_lesson_get_id (loaded, 1), ==, "minibus");
  g_assert_cmpstr (lgsm_lesson_get_id (loaded, 2), ==, "pits-and-perverts");

  /* saving again replaces the file and leaves no temporary behind */
  lgsm_lesson_remove (loaded, 0);
  g_assert_true (lgsm_lesson_save_file (loaded, file, &error));
  listing = g_dir_open (sub, 0, NULL);
  while (g_dir_read_name (listing))
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  g_clear_object (&lesson);
  lesson = lgsm_lesson_load_file (file, &error);
  g_assert_cmpuint (lgsm_lesson_get_n_items (lesson), ==, 2);

  g_unlink (g_file_peek_path (file));
  g_rmdir (sub);
  g_rmdir (dir);
}

static void
test_corrupt (void)
{
  static const struct { const char *json; int code; } cases[] = {
    { "{ \"schema\": 1, \"name\": \"x\", \"records\": [\"a\", ", LGSM_RECORD_ERROR_SYNTAX },
    { "[1, 2]", LGSM_RECORD_ERROR_WRONG_TYPE },
    { "{ \"schema\": 7, \"name\": \"x\", \"records\": [] }", LGSM_RECORD_ERROR_UNSUPPORTED_SCHEMA },
    { "{ \"schema\": 1, \"records\": [] }", LGSM_RECORD_ERROR_MISSING_FIELD },
    { "{ \"schema\": 1, \"name\": \"x\", \"records\": [\"../etc\"] }", LGSM_RECORD_ERROR_BAD_ID },
    { "{ \"schema\": 1, \"name\": \"x\", \"records\": \"a\" }", LGSM_RECORD_ERROR_WRONG_TYPE },
    { "\xff\xfe", LGSM_RECORD_ERROR_BAD_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(LgsmLesson) lesson = lgsm_lesson_load_bytes (bytes, "my-lesson.json", &error);

      g_assert_null (lesson);
      g_assert_error (error, LGSM_RECORD_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "my-lesson.json: "));
    }
}

static void
test_bundled (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/lgsm/Exhibition/lessons/strike-to-pride.json", 0, NULL);
  g_autoptr(LgsmLesson) lesson = NULL;
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autoptr(GListModel) records = NULL;
  guint missing = 99;

  g_assert_nonnull (bytes);
  lesson = lgsm_lesson_load_bytes (bytes, "strike-to-pride.json", NULL);
  g_assert_nonnull (lesson);
  /* 10 to 15 slides: a 20-minute class */
  g_assert_cmpuint (lgsm_lesson_get_n_items (lesson), >=, 10);
  g_assert_cmpuint (lgsm_lesson_get_n_items (lesson), <=, 15);

  g_assert_true (lgsm_exhibition_load_resources (exhibition, "/org/lgsm/Exhibition/", NULL));
  records = lgsm_lesson_resolve (lesson, exhibition, &missing);
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, lgsm_lesson_get_n_items (lesson));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lesson/round-trip", test_round_trip);
  g_test_add_func ("/lesson/corrupt", test_corrupt);
  g_test_add_func ("/lesson/bundled", test_bundled);

  return g_test_run ();
}
