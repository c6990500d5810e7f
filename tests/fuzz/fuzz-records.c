/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the record layer (no GTK). See README.md here.
 *
 * Each input is one records file, or several: a NUL byte (which no valid
 * records file contains) splits it into up to MAX_PARTS files.
 *
 *  1. The whole input goes through lgsm_loader_load_bytes() with an image
 *     resolver that refuses everything: exactly what one file in a folder
 *     sees (an input with a NUL is refused as not UTF-8).
 *  2. Each part goes through a second loader that resolves nothing (no
 *     resolver: image paths are only syntax-checked, so records with images
 *     survive), and every surviving record is read back through the public
 *     API (formatted date and amount, links, body, …).
 *  3. Unless LGSM_FUZZ_LESSON=0, the whole input is also read as a
 *     teacher's lesson file (lgsm_lesson_load_bytes()); a lesson that loads
 *     must survive being written out and read back.
 *  4. Unless LGSM_FUZZ_EXHIBITION=0, the parts are written as
 *     0.json, 1.json … into one scratch folder made once per process and
 *     loaded with lgsm_exhibition_load_directory(): the cross-file checks
 *     (duplicate ids, sections in two files, links, back links) and search.
 *
 * Criticals and warnings are fatal, so a g_return_if_fail() that fires is a
 * crash the fuzzer reports; so is a file the loader accepts although it
 * nests deeper than LGSM_LOADER_MAX_DEPTH (json-glib's parser recurses, and
 * a deep enough file overflows the stack; the fuzzer's inputs are too small
 * to, so depth is measured). Everything is freed: run with leak detection.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lgsm-exhibition.h"
#include "lgsm-lesson.h"
#include "lgsm-loader.h"

#define MAX_PARTS 4

static char     *scratch;          /* the scratch folder, or NULL */
static gboolean  use_exhibition = TRUE;
static gboolean  use_lesson = TRUE;

static char *
refuse_every_image (const char  *path,
                    gpointer     user_data,
                    GError     **error)
{
  g_set_error (error, LGSM_RECORD_ERROR, LGSM_RECORD_ERROR_BAD_IMAGE,
               "the fuzzer refuses the image “%s”", path);
  return NULL;
}

static void
remove_scratch (void)
{
  if (scratch == NULL)
    return;
  for (guint i = 0; i < MAX_PARTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.json", i);
      g_autofree char *path = g_build_filename (scratch, name, NULL);
      g_unlink (path);
    }
  g_rmdir (scratch);
  g_clear_pointer (&scratch, g_free);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *env = g_getenv ("LGSM_FUZZ_EXHIBITION");

  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  use_exhibition = env == NULL || strcmp (env, "0") != 0;
  env = g_getenv ("LGSM_FUZZ_LESSON");
  use_lesson = env == NULL || strcmp (env, "0") != 0;
  if (use_exhibition)
    {
      /* one folder per process (and per -jobs worker); file names are
       * reused so that the loader's interned file names do not grow */
      const char *shm = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
      g_autofree char *tmpl = g_build_filename (shm, "lgsm-fuzz-XXXXXX", NULL);

      scratch = g_mkdtemp (g_steal_pointer (&tmpl));
      if (scratch == NULL)
        use_exhibition = FALSE;
      else
        atexit (remove_scratch);
    }
  return 0;
}

/* Reads every accessor of a record: what the views do with it. */
static void
touch_record (LgsmRecord *record)
{
  g_autofree char *date = lgsm_record_format_date (record);
  g_autofree char *amount = lgsm_record_format_amount (record);
  const char * const *lists[] = {
    lgsm_record_get_body (record),
    lgsm_record_get_places (record),
    lgsm_record_get_people (record),
    lgsm_record_get_see_also (record),
    lgsm_record_get_sources (record),
  };
  volatile gsize total = 0;
  double lat, lon;
  gint64 pence;
  const char *currency;
  gboolean approximate;

  g_assert_nonnull (lgsm_record_get_id (record));
  g_assert_true (lgsm_id_is_valid (lgsm_record_get_id (record)));
  g_assert_true (g_utf8_validate (lgsm_record_get_title (record), -1, NULL));
  g_assert_true (g_utf8_validate (lgsm_record_get_summary (record), -1, NULL));
  g_assert_nonnull (lgsm_record_kind_to_string (lgsm_record_get_kind (record)));
  g_assert_nonnull (lgsm_record_get_section (record));
  g_assert_nonnull (lgsm_record_get_file (record));
  g_assert_true (lgsm_record_get_body (record)[0] != NULL);
  g_assert_true (lgsm_record_get_sources (record)[0] != NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i]; i++)
      total += strlen (lists[l][i]);
  if (date)
    total += strlen (date);
  if (lgsm_record_get_date (record))
    total += (gsize) lgsm_date_to_years (lgsm_record_get_date (record));
  if (lgsm_record_get_amount (record, &pence, &currency, &approximate))
    {
      g_assert_nonnull (amount);
      g_assert_cmpint (pence, >=, 0);
      g_assert_nonnull (currency);
    }
  if (lgsm_record_get_geo (record, &lat, &lon))
    {
      g_assert_true (lat >= -90 && lat <= 90);
      g_assert_true (lon >= -180 && lon <= 180);
    }
  if (lgsm_record_get_image_uri (record))
    {
      g_assert_nonnull (lgsm_record_get_image_alt (record));
      g_assert_nonnull (lgsm_record_get_image_credit (record));
    }
  (void) lgsm_record_get_group (record);
  (void) lgsm_record_get_side (record);
  (void) lgsm_record_get_notes (record);
  (void) lgsm_record_get_content_note (record);
  (void) lgsm_record_get_image_licence (record);
  (void) total;
}

static void
touch_problems (GListModel *problems)
{
  guint n = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      g_autoptr(GError) error = lgsm_problem_to_error (problem);

      g_assert_error (error, LGSM_RECORD_ERROR, (int) lgsm_problem_get_code (problem));
      g_assert_cmpstr (error->message, ==, lgsm_problem_to_string (problem));
      g_assert_nonnull (lgsm_problem_get_file (problem));
      g_assert_nonnull (lgsm_problem_get_record_id (problem));
      g_assert_nonnull (lgsm_problem_get_field (problem));
      g_assert_cmpstr (lgsm_record_error_to_nick (lgsm_problem_get_code (problem)), !=, "unknown");
    }
}

static void
touch_section (LgsmSection *section)
{
  GListModel *records = lgsm_section_get_records (section);
  guint n = g_list_model_get_n_items (records);

  g_assert_true (lgsm_section_id_is_known (lgsm_section_get_id (section)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
      touch_record (record);
    }
}

/* How deeply @node nests (an object or array is one level), counted no
 * further than @limit + 1. */
static guint
node_depth (JsonNode *node,
            guint     limit)
{
  guint deepest = 0;

  if (limit == 0)
    return JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node) ? 1 : 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          guint depth = node_depth (json_array_get_element (array, i), limit - 1);
          deepest = MAX (deepest, depth);
        }
      return deepest + 1;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        {
          guint depth = node_depth (member, limit - 1);
          deepest = MAX (deepest, depth);
        }
      return deepest + 1;
    }
  return 0;
}

/* The loader must refuse a file nested deeper than LGSM_LOADER_MAX_DEPTH
 * before json-glib, whose parser recurses once per level, sees it (a deep
 * enough file overflows the stack; 64 KiB of input is not deep enough to
 * crash, so measure instead). */
static void
check_depth_was_refused (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);

  if (!json_parser_load_from_data (parser, text ? text : "", (gssize) len, NULL))
    return;
  if (node_depth (json_parser_get_root (parser), LGSM_LOADER_MAX_DEPTH + 1) > LGSM_LOADER_MAX_DEPTH)
    {
      g_printerr ("the loader accepted a file nested more than %d levels deep\n",
                  LGSM_LOADER_MAX_DEPTH);
      abort ();
    }
}

static void
load_with (LgsmLoader *loader,
           GBytes     *bytes,
           const char *file)
{
  g_autoptr(GListStore) problems = g_list_store_new (LGSM_TYPE_PROBLEM);
  g_autoptr(LgsmSection) section = lgsm_loader_load_bytes (loader, bytes, file, problems);

  touch_problems (G_LIST_MODEL (problems));
  if (section)
    {
      touch_section (section);
      check_depth_was_refused (bytes);
    }
  else
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), >, 0);
}

static void
load_lesson (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LgsmLesson) lesson = lgsm_lesson_load_bytes (bytes, "fuzz.lesson", &error);
  g_autoptr(LgsmLesson) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  char *json;

  if (lesson == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < lgsm_lesson_get_n_items (lesson); i++)
    g_assert_true (lgsm_id_is_valid (lgsm_lesson_get_id (lesson, i)));

  json = lgsm_lesson_to_json (lesson);
  saved = g_bytes_new_take (json, strlen (json));
  again = lgsm_lesson_load_bytes (saved, "saved.lesson", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpstr (lgsm_lesson_get_name (again), ==, lgsm_lesson_get_name (lesson));
  g_assert_cmpuint (lgsm_lesson_get_n_items (again), ==, lgsm_lesson_get_n_items (lesson));
}

static void
load_exhibition (GBytes **parts,
                 guint    n_parts)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autoptr(GFile) dir = g_file_new_for_path (scratch);
  g_autoptr(GError) error = NULL;
  GListModel *sections;
  guint n_sections;

  for (guint i = 0; i < MAX_PARTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.json", i);
      g_autofree char *path = g_build_filename (scratch, name, NULL);

      if (i < n_parts)
        {
          gsize len;
          const char *text = g_bytes_get_data (parts[i], &len);
          if (!g_file_set_contents (path, text ? text : "", (gssize) len, NULL))
            abort ();
        }
      else
        g_unlink (path);
    }

  if (!lgsm_exhibition_load_directory (exhibition, dir, NULL, &error))
    abort ();
  touch_problems (lgsm_exhibition_get_problems (exhibition));

  sections = lgsm_exhibition_get_sections (exhibition);
  n_sections = g_list_model_get_n_items (sections);
  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);
      guint n = g_list_model_get_n_items (records);

      g_assert_true (lgsm_exhibition_get_section (exhibition, lgsm_section_get_id (section)) == section);
      touch_section (section);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          g_autoptr(GListModel) backlinks = lgsm_exhibition_get_backlinks (exhibition, lgsm_record_get_id (record));

          /* ids are unique once loaded */
          g_assert_true (lgsm_exhibition_lookup (exhibition, lgsm_record_get_id (record)) == record);
          (void) g_list_model_get_n_items (backlinks);
        }
      if (s == 0 && n > 0)
        {
          g_autoptr(LgsmRecord) first = g_list_model_get_item (records, 0);
          g_autoptr(GListModel) hits = lgsm_exhibition_search (exhibition, lgsm_record_get_title (first));

          const char *title = lgsm_record_get_title (first);
          gboolean plain_ascii = FALSE;

          /* a plain ASCII title must find its own record */
          for (const char *p = title; *p; p++)
            {
              if (g_ascii_isalnum (*p))
                plain_ascii = TRUE;
              else if (*p != ' ')
                {
                  plain_ascii = FALSE;
                  break;
                }
            }
          if (plain_ascii)
            g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LgsmLoader) refusing = lgsm_loader_new ();
  g_autoptr(LgsmLoader) plain = lgsm_loader_new ();
  g_autoptr(GBytes) whole = g_bytes_new (data, size);
  GBytes *parts[MAX_PARTS] = { NULL };
  guint n_parts = 0;
  size_t start = 0;

  if (size > LGSM_LOADER_MAX_FILE_SIZE)
    return -1;

  lgsm_loader_set_image_resolver (refusing, refuse_every_image, NULL, NULL);
  load_with (refusing, whole, "fuzz.json");
  if (use_lesson)
    load_lesson (whole);

  /* split at NUL bytes; the last part takes the rest, NULs and all */
  while (n_parts < MAX_PARTS)
    {
      const uint8_t *nul = n_parts + 1 < MAX_PARTS && start < size
                           ? memchr (data + start, '\0', size - start) : NULL;
      size_t end = nul ? (size_t) (nul - data) : size;

      parts[n_parts++] = g_bytes_new_from_bytes (whole, start, end - start);
      if (nul == NULL)
        break;
      start = end + 1;
    }

  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *name = g_strdup_printf ("part-%u.json", i);
      load_with (plain, parts[i], name);
    }

  if (use_exhibition)
    load_exhibition (parts, n_parts);

  for (guint i = 0; i < n_parts; i++)
    g_bytes_unref (parts[i]);
  return 0;
}
