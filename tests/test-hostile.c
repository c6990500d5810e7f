/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile records: every file in tests/data/hostile/ is loaded alone (copied
 * into a fresh folder) and must give the first problem that
 * tests/data/hostile/expected.txt names, keep its valid records (their ids
 * start with "good-") and nothing else; then the whole folder is loaded at
 * once. Cases too big to commit, or that need symlinks or FIFOs, are made
 * here at run time. Inputs that used to crash or hang the loader run in a
 * subprocess with a time limit. Last, lesson files (the other JSON the
 * record layer reads) get the same treatment.
 *
 * Assertions are not fatal: every failing fixture is listed, not the first. */
#include <errno.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "lgsm-exhibition.h"
#include "lgsm-lesson.h"
#include "lgsm-loader.h"

#define SUBPROCESS_TIMEOUT (10 * G_USEC_PER_SEC)

typedef struct {
  char *file;
  char *code;   /* nick of the first problem, or "ok" */
  char *field;  /* field of the first problem, "-" for none */
} Expectation;

static GPtrArray *expectations;

/* ---- helpers -------------------------------------------------------------- */

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "hostile", name, NULL);
}

static char *
make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *tmp = g_dir_make_tmp ("lgsm-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (tmp);
  return tmp;
}

/* Removes @path and what is below it, never following a symlink. */
static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

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

/* Copies the fixture @name into a fresh folder, under its own name, and
 * loads that folder. */
static LgsmExhibition *
load_alone (const char *name)
{
  g_autofree char *source = hostile_path (name);
  g_autofree char *tmp = make_tmp ();
  g_autofree char *target = g_build_filename (tmp, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  LgsmExhibition *exhibition;
  gsize len;

  g_file_get_contents (source, &contents, &len, &error);
  g_assert_no_error (error);
  write_file (target, contents, (gssize) len);
  exhibition = load_folder (tmp);
  remove_tree (tmp);
  return exhibition;
}

/* A problem's text must be printable as it is: valid UTF-8, no control
 * characters (C0, DEL, C1), so that --validate cannot be made to write
 * terminal escapes. */
static gboolean
text_is_plain (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
print_problems (GListModel *problems)
{
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      const char *text = lgsm_problem_to_string (problem);
      g_autofree char *escaped = text_is_plain (text) ? g_strdup (text) : g_strescape (text, NULL);

      g_test_message ("  [%s] %s", lgsm_record_error_to_nick (lgsm_problem_get_code (problem)), escaped);
    }
}

/* The first problem: its code and field, and that it names @file. */
static gboolean
check_first_problem (GListModel *problems,
                     const char *file,
                     const char *code,
                     const char *field)
{
  g_autoptr(LgsmProblem) problem = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (problems), >=, 1);
  if (g_list_model_get_n_items (problems) == 0)
    return FALSE;
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (lgsm_record_error_to_nick (lgsm_problem_get_code (problem)), ==, code);
  g_assert_cmpstr (lgsm_problem_get_field (problem), ==, field);
  g_assert_nonnull (strstr (lgsm_problem_get_file (problem), file));
  g_assert_true (g_str_has_prefix (lgsm_problem_to_string (problem), lgsm_problem_get_file (problem)));
  return TRUE;
}

/* Is there a problem with @code (or any code, for -1) in a file whose name
 * ends with @file, whose message contains @text (when not NULL)? */
static gboolean
has_problem (GListModel *problems,
             const char *file,
             int         code,
             const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);

      if (g_str_has_suffix (lgsm_problem_get_file (problem), file) &&
          (code < 0 || (int) lgsm_problem_get_code (problem) == code) &&
          (text == NULL || strstr (lgsm_problem_get_message (problem), text) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* The ids of the records given as "id": "good-…" in the raw bytes (the file
 * may well not be JSON), each once. */
static GPtrArray *
good_ids_in (const char *name)
{
  g_autofree char *path = hostile_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("\"id\"\\s*:\\s*\"(good-[a-z0-9-]+)\"", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_regex_match_full (regex, contents, (gssize) len, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      char *id = g_match_info_fetch (match, 1);

      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, id);
      else
        g_free (id);
      g_match_info_next (match, NULL);
    }
  return ids;
}

static GPtrArray *
loaded_ids (LgsmExhibition *exhibition)
{
  GListModel *sections = lgsm_exhibition_get_sections (exhibition);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);

      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          g_ptr_array_add (ids, g_strdup (lgsm_record_get_id (record)));
        }
    }
  return ids;
}

/* ---- the fixtures, one at a time ------------------------------------------ */

static void
test_fixture (gconstpointer data)
{
  const Expectation *e = data;
  g_autoptr(LgsmExhibition) exhibition = load_alone (e->file);
  g_autoptr(GPtrArray) good = good_ids_in (e->file);
  g_autoptr(GPtrArray) loaded = loaded_ids (exhibition);
  GListModel *problems = lgsm_exhibition_get_problems (exhibition);

  print_problems (problems);
  if (strcmp (e->code, "ok") == 0)
    g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  else
    check_first_problem (problems, e->file, e->code, e->field);

  /* the valid records, and only those */
  for (guint i = 0; i < good->len; i++)
    if (lgsm_exhibition_lookup (exhibition, g_ptr_array_index (good, i)) == NULL)
      {
        g_test_message ("the valid record “%s” did not load", (char *) g_ptr_array_index (good, i));
        g_test_fail ();
      }
  for (guint i = 0; i < loaded->len; i++)
    if (!g_str_has_prefix (g_ptr_array_index (loaded, i), "good-"))
      {
        g_test_message ("the record “%s” loaded but is not valid", (char *) g_ptr_array_index (loaded, i));
        g_test_fail ();
      }
  g_assert_cmpuint (loaded->len, ==, good->len);
}

/* "<b>" and "&amp;" are shown as written, never as markup */
static void
test_markup_is_literal (void)
{
  const Expectation *found = NULL;
  g_autoptr(LgsmExhibition) exhibition = NULL;
  LgsmRecord *record;
  g_autofree char *id = NULL;

  for (guint i = 0; i < expectations->len && !found; i++)
    if (strstr (((Expectation *) g_ptr_array_index (expectations, i))->file, "-pango-markup-is-text."))
      found = g_ptr_array_index (expectations, i);
  g_assert_nonnull (found);
  if (!found)
    return;

  exhibition = load_alone (found->file);
  id = g_strdup_printf ("good-%.*s-a", 3, found->file);
  record = lgsm_exhibition_lookup (exhibition, id);
  g_assert_nonnull (record);
  if (!record)
    return;
  g_assert_cmpstr (lgsm_record_get_title (record), ==, "<b>bold</b> & <i>not</i> markup");
  g_assert_cmpstr (lgsm_record_get_body (record)[1], ==, "</b> unbalanced <");
}

/* ---- the whole folder at once ----------------------------------------------- */

static int
compare_expectations (gconstpointer a,
                      gconstpointer b)
{
  return strcmp ((*(Expectation * const *) a)->file, (*(Expectation * const *) b)->file);
}

static void
test_whole_folder (void)
{
  g_autofree char *dir = hostile_path (NULL);
  g_autoptr(LgsmExhibition) exhibition = load_folder (dir);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) loaded = loaded_ids (exhibition);
  GListModel *problems = lgsm_exhibition_get_problems (exhibition);
  guint expected_records = 0;
  guint not_ok = 0;

  /* the loader reads the files in name order; a section lives in the first
   * file that has it, and a later file with the same section is refused */
  for (guint i = 0; i < expectations->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (expectations, i));
  g_ptr_array_sort (sorted, compare_expectations);
  for (guint i = 0; i < sorted->len; i++)
    {
      const Expectation *e = g_ptr_array_index (sorted, i);
      g_autoptr(LgsmExhibition) alone = load_alone (e->file);
      GListModel *sections = lgsm_exhibition_get_sections (alone);

      if (strcmp (e->code, "ok") != 0)
        {
          not_ok++;
          if (!has_problem (problems, e->file, -1, NULL))
            {
              g_test_message ("no problem reported for %s", e->file);
              g_test_fail ();
            }
        }
      if (g_list_model_get_n_items (sections) == 1)
        {
          g_autoptr(LgsmSection) section = g_list_model_get_item (sections, 0);
          const char *id = lgsm_section_get_id (section);

          if (g_hash_table_contains (claimed, id))
            {
              if (!has_problem (problems, e->file, LGSM_RECORD_ERROR_BAD_VALUE, "already loaded"))
                {
                  g_test_message ("%s: no problem says section “%s” was already loaded", e->file, id);
                  g_test_fail ();
                }
              continue;
            }
          g_hash_table_add (claimed, g_strdup (id));

          {
            g_autoptr(GPtrArray) ids = loaded_ids (alone);

            expected_records += ids->len;
            for (guint j = 0; j < ids->len; j++)
              if (lgsm_exhibition_lookup (exhibition, g_ptr_array_index (ids, j)) == NULL)
                {
                  g_test_message ("%s: the valid record “%s” is missing from the whole folder",
                                  e->file, (char *) g_ptr_array_index (ids, j));
                  g_test_fail ();
                }
          }
        }
    }

  g_test_message ("%u files, %u with problems, %u problems, %u records, %u sections",
                  sorted->len, not_ok, g_list_model_get_n_items (problems),
                  lgsm_exhibition_get_n_records (exhibition),
                  g_hash_table_size (claimed));
  g_assert_cmpuint (g_hash_table_size (claimed), >, 1);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, expected_records);
  g_assert_cmpuint (g_list_model_get_n_items (problems), >=, not_ok);
  for (guint i = 0; i < loaded->len; i++)
    if (!g_str_has_prefix (g_ptr_array_index (loaded, i), "good-"))
      {
        g_test_message ("the record “%s” loaded but is not valid", (char *) g_ptr_array_index (loaded, i));
        g_test_fail ();
      }
}

/* ---- made at run time -------------------------------------------------------- */

#define HEADER "{\"schema\": 1, \"section\": \"%s\", \"title\": \"T\", \"summary\": \"S\", \"records\": [\n"
#define GOOD_RECORD \
  "{\"id\": \"%s\", \"kind\": \"event\", \"title\": \"Good\", \"summary\": \"S\", " \
  "\"body\": [\"p\"], \"sources\": [\"s\"]%s}"

static void
append_good (GString    *json,
             const char *id,
             const char *extra)
{
  g_string_append_printf (json, GOOD_RECORD, id, extra ? extra : "");
}

/* One string of 50 MiB: over the 1 MiB limit for a string, under the
 * 64 MiB limit for a file. */
static void
test_string_50_mib (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *path = g_build_filename (tmp, "history.json", NULL);
  g_autoptr(GString) json = g_string_sized_new (51 * 1024 * 1024);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  GListModel *problems;
  gsize huge = 50 * 1024 * 1024;

  g_string_append_printf (json, HEADER, "history");
  append_good (json, "good-before", NULL);
  g_string_append (json, ",\n{\"id\": \"bad-huge\", \"kind\": \"event\", \"title\": \"Huge\", \"summary\": \"");
  for (gsize i = 0; i < huge / 8; i++)
    g_string_append_len (json, "Lorem ip", 8);
  g_string_append (json, "\", \"body\": [\"p\"], \"sources\": [\"s\"]},\n");
  append_good (json, "good-after", NULL);
  g_string_append (json, "]}\n");
  write_file (path, json->str, (gssize) json->len);
  g_string_truncate (json, 0);

  exhibition = load_folder (tmp);
  problems = lgsm_exhibition_get_problems (exhibition);
  print_problems (problems);
  if (check_first_problem (problems, "history.json", "too-large", "summary"))
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, 0);
      g_assert_cmpstr (lgsm_problem_get_record_id (problem), ==, "bad-huge");
      /* the message does not quote the string */
      g_assert_cmpuint (strlen (lgsm_problem_to_string (problem)), <, 1024);
    }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, 2);
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "good-before"));
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "good-after"));
  remove_tree (tmp);
}

/* 100,000 records in one file, and a bad one after them, found at its line */
static void
test_records_100k (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *path = g_build_filename (tmp, "history.json", NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  GListModel *problems;
  const guint n = 100000;

  g_string_append_printf (json, HEADER, "history");   /* line 1 */
  for (guint i = 0; i < n; i++)                        /* lines 2 … n + 1 */
    {
      char id[32];

      g_snprintf (id, sizeof id, "good-r%06u", i);
      append_good (json, id, i % 7 == 0 ? ", \"date\": \"1984-12-10\"" : NULL);
      g_string_append (json, ",\n");
    }
  g_string_append (json, "{\"id\": \"bad-last\", \"kind\": \"event\", \"title\": 1, \"summary\": \"S\", "
                         "\"body\": [\"p\"], \"sources\": [\"s\"]}\n]}\n");   /* line n + 2 */
  write_file (path, json->str, (gssize) json->len);

  exhibition = load_folder (tmp);
  problems = lgsm_exhibition_get_problems (exhibition);
  print_problems (problems);
  if (check_first_problem (problems, "history.json", "wrong-type", "title"))
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, 0);
      g_assert_cmpstr (lgsm_problem_get_record_id (problem), ==, "bad-last");
      g_assert_cmpuint (lgsm_problem_get_line (problem), ==, n + 2);
    }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, n);
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "good-r000000"));
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "good-r099999"));
  remove_tree (tmp);
}

/* images/ is a symlink to /etc, and pics/x.svg one to /etc/passwd */
static void
test_symlinked_images (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *path = g_build_filename (tmp, "history.json", NULL);
  g_autofree char *images = g_build_filename (tmp, "images", NULL);
  g_autofree char *pics = g_build_filename (tmp, "pics", NULL);
  g_autofree char *pic = g_build_filename (tmp, "pics", "x.svg", NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  GListModel *problems;

  g_assert_cmpint (symlink ("/etc", images), ==, 0);
  g_assert_cmpint (g_mkdir (pics, 0700), ==, 0);
  g_assert_cmpint (symlink ("/etc/passwd", pic), ==, 0);

  g_string_append_printf (json, HEADER, "history");
  append_good (json, "good-a", NULL);
  g_string_append (json, ",\n");
  append_good (json, "bad-dir-link",
               ", \"image\": {\"resource\": \"images/passwd\", \"alt\": \"a\", \"credit\": \"c\"}");
  g_string_append (json, ",\n");
  append_good (json, "bad-file-link",
               ", \"image\": {\"resource\": \"pics/x.svg\", \"alt\": \"a\", \"credit\": \"c\"}");
  g_string_append (json, ",\n");
  append_good (json, "good-b", NULL);
  g_string_append (json, "]}\n");
  write_file (path, json->str, (gssize) json->len);

  exhibition = load_folder (tmp);
  problems = lgsm_exhibition_get_problems (exhibition);
  print_problems (problems);
  check_first_problem (problems, "history.json", "bad-image", "image.resource");
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 2);
  g_assert_true (has_problem (problems, "history.json", LGSM_RECORD_ERROR_BAD_IMAGE, "outside"));
  g_assert_null (lgsm_exhibition_lookup (exhibition, "bad-dir-link"));
  g_assert_null (lgsm_exhibition_lookup (exhibition, "bad-file-link"));
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "good-a"));
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "good-b"));
  remove_tree (tmp);
}

/* Records "files" that are a symlink out of the folder, a dangling
 * symlink, a FIFO (opening it would block for ever) and a directory. */
static void
test_odd_records_files (void)
{
  g_autofree char *outside = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *real = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  GListModel *problems;
  static const char * const odd[] = { "a-link-out.json", "b-dangling.json", "c-fifo.json", "d-dir.json" };

  if (!g_test_subprocess ())
    {
      /* a FIFO must not hang the suite */
      g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  outside = make_tmp ();
  tmp = make_tmp ();
  real = g_build_filename (outside, "history.json", NULL);
  g_string_append_printf (json, HEADER, "history");
  append_good (json, "outside-record", NULL);
  g_string_append (json, "]}\n");
  write_file (real, json->str, (gssize) json->len);

  {
    g_autofree char *link_out = g_build_filename (tmp, odd[0], NULL);
    g_autofree char *dangling = g_build_filename (tmp, odd[1], NULL);
    g_autofree char *fifo = g_build_filename (tmp, odd[2], NULL);
    g_autofree char *dir = g_build_filename (tmp, odd[3], NULL);
    g_autofree char *good = g_build_filename (tmp, "e-good.json", NULL);

    g_assert_cmpint (symlink (real, link_out), ==, 0);
    g_assert_cmpint (symlink ("/nonexistent/lgsm/history.json", dangling), ==, 0);
    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

    g_string_truncate (json, 0);
    g_string_append_printf (json, HEADER, "people");
    append_good (json, "good-inside", NULL);
    g_string_append (json, "]}\n");
    write_file (good, json->str, (gssize) json->len);
  }

  exhibition = load_folder (tmp);
  problems = lgsm_exhibition_get_problems (exhibition);
  print_problems (problems);
  check_first_problem (problems, odd[0], "io", "-");
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    if (!has_problem (problems, odd[i], LGSM_RECORD_ERROR_IO, NULL))
      {
        g_test_message ("no io problem for %s", odd[i]);
        g_test_fail ();
      }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (odd));
  g_assert_null (lgsm_exhibition_lookup (exhibition, "outside-record"));
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "good-inside"));
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, 1);
  remove_tree (tmp);
  remove_tree (outside);
}

/* Writes history.json with a good record "good-a" and a record "bad-b"
 * ending with @extra into a fresh folder, and loads it. */
static LgsmExhibition *
load_with_extra (const char *extra,
                 char      **first_problem_nick)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *path = g_build_filename (tmp, "history.json", NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  LgsmExhibition *exhibition;
  GListModel *problems;

  g_string_append_printf (json, HEADER, "history");
  append_good (json, "good-a", NULL);
  g_string_append (json, ",\n");
  append_good (json, "bad-b", extra);
  g_string_append (json, "]}\n");
  write_file (path, json->str, (gssize) json->len);

  exhibition = load_folder (tmp);
  problems = lgsm_exhibition_get_problems (exhibition);
  if (g_list_model_get_n_items (problems) > 0)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, 0);
      g_test_message ("first of %u problems: %s", g_list_model_get_n_items (problems),
                      lgsm_problem_to_string (problem));
      *first_problem_nick = g_strdup (lgsm_record_error_to_nick (lgsm_problem_get_code (problem)));
    }
  remove_tree (tmp);
  return exhibition;
}

/* 200,000 levels of nesting that the depth check does not see, hidden
 * behind a '"' that json-glib does not take as the end or start of a string
 * (in a comment or a single-quoted string, which json-glib accepts, or
 * swallowed after a lone surrogate): json-glib's recursive parser must
 * never get it. */
static const struct {
  const char *name;
  const char *opener;
  const char *closer;
} hidden_nesting[] = {
  { "single-quote", "['\"', ", ", '\"']" },
  { "comment", "/* \" */ ", " /* \" */" },
  { "lone-surrogate", "[\"\\udc00\" ,\"  , ", " ]" },
};

static void
test_nesting_hidden (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(GString) extra = g_string_new (", \"x-data\": ");
  g_autofree char *nick = NULL;
  const guint depth = 200000;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_string_append (extra, hidden_nesting[which].opener);
  for (guint i = 0; i < depth; i++)
    g_string_append_c (extra, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (extra, ']');
  g_string_append (extra, hidden_nesting[which].closer);

  exhibition = load_with_extra (extra->str, &nick);
  /* refused as a whole (too deep, not JSON, or not text) */
  g_assert_true (g_strcmp0 (nick, "too-large") == 0 || g_strcmp0 (nick, "syntax") == 0 ||
                 g_strcmp0 (nick, "bad-text") == 0);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), ==, 0);
}

/* Tens of thousands of problems in one record must not take quadratic
 * time (each used to re-scan the record from its start to be located). */
enum { MANY_UNKNOWN_FIELDS, MANY_BAD_LINKS, MANY_DANGLING_LINKS };

static void
test_many_problems (gconstpointer data)
{
  int mode = GPOINTER_TO_INT (data);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(GString) extra = g_string_new (mode == MANY_UNKNOWN_FIELDS ? "" : ", \"places\": [");
  g_autofree char *nick = NULL;
  const guint n = 40000;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 5 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  for (guint i = 0; i < n; i++)
    if (mode == MANY_UNKNOWN_FIELDS)
      g_string_append_printf (extra, ", \"unknown-%u\": %u", i, i);
    else if (mode == MANY_BAD_LINKS)
      g_string_append_printf (extra, "%s\"Not An Id\"", i ? ", " : "");
    else
      g_string_append_printf (extra, "%s\"nowhere-%u\"", i ? ", " : "", i);
  if (mode != MANY_UNKNOWN_FIELDS)
    g_string_append (extra, "]");

  exhibition = load_with_extra (extra->str, &nick);
  g_assert_cmpstr (nick, ==, mode == MANY_UNKNOWN_FIELDS ? "unknown-field" :
                             mode == MANY_BAD_LINKS ? "bad-id" : "dangling-link");
  g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "good-a"));
  /* a record with dangling links is kept; the views skip those links */
  if (mode == MANY_DANGLING_LINKS)
    g_assert_nonnull (lgsm_exhibition_lookup (exhibition, "bad-b"));
  else
    g_assert_null (lgsm_exhibition_lookup (exhibition, "bad-b"));
}

/* Names of unknown fields and json-glib's syntax messages come from the
 * file: the problem text must not carry its control characters or invalid
 * UTF-8 to a terminal (--validate) or a label. */
static void
test_messages_are_plain (void)
{
  static const char * const inputs[] = {
    /* an unknown field named with terminal escapes */
    HEADER "{\"id\": \"a\", \"kind\": \"event\", \"title\": \"T\", \"summary\": \"S\", "
    "\"body\": [\"p\"], \"sources\": [\"s\"], \"\\u001b[2J\\u001b]0;pwned\\u0007\": 1}]}",
    /* … with C1 CSI */
    HEADER "{\"id\": \"a\", \"kind\": \"event\", \"title\": \"T\", \"summary\": \"S\", "
    "\"body\": [\"p\"], \"sources\": [\"s\"], \"\\u009b31mred\": 1}]}",
    /* … that is not UTF-8 once decoded (a lone surrogate) */
    HEADER "{\"id\": \"a\", \"kind\": \"event\", \"title\": \"T\", \"summary\": \"S\", "
    "\"body\": [\"p\"], \"sources\": [\"s\"], \"\\udc00xy\": 1}]}",
    /* a raw escape character where JSON expects a value */
    "{\"schema\": \x1b[31m1}",
  };
  g_autoptr(LgsmLoader) loader = lgsm_loader_new ();
  g_autofree char *dir = hostile_path (NULL);
  g_autoptr(LgsmExhibition) exhibition = load_folder (dir);
  GListModel *all = lgsm_exhibition_get_problems (exhibition);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *text = g_strdup_printf (inputs[i], "history");
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GListStore) problems = g_list_store_new (LGSM_TYPE_PROBLEM);
      g_autoptr(LgsmSection) section = lgsm_loader_load_bytes (loader, bytes, "inline.json", problems);

      g_assert_true (section == NULL || LGSM_IS_SECTION (section));

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), >=, 1);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (problems)); j++)
        {
          g_autoptr(LgsmProblem) problem = g_list_model_get_item (G_LIST_MODEL (problems), j);
          const char *full = lgsm_problem_to_string (problem);
          g_autofree char *escaped = g_strescape (full, NULL);

          if (!text_is_plain (full) || !text_is_plain (lgsm_problem_get_field (problem)))
            {
              g_test_message ("input %u: not plain text: %s", i, escaped);
              g_test_fail ();
            }
        }
    }

  /* a file name is bytes from the folder: control characters, not UTF-8 */
  {
    g_autofree char *tmp = make_tmp ();
    static const char * const names[] = { "a-\x1b]0;pwned\x07.json", "b-\xff\xfe.json", "c-new\nline.json" };
    g_autoptr(LgsmExhibition) odd = NULL;
    GListModel *problems;

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (tmp, names[i], NULL);
        write_file (path, "{", -1);
      }
    odd = load_folder (tmp);
    problems = lgsm_exhibition_get_problems (odd);
    g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (names));
    for (guint j = 0; j < g_list_model_get_n_items (problems); j++)
      {
        g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, j);
        const char *full = lgsm_problem_to_string (problem);

        if (!text_is_plain (full))
          {
            g_autofree char *escaped = g_strescape (full, NULL);
            g_test_message ("file name not made plain: %s", escaped);
            g_test_fail ();
          }
      }
    remove_tree (tmp);
  }

  for (guint j = 0; j < g_list_model_get_n_items (all); j++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (all, j);
      const char *full = lgsm_problem_to_string (problem);

      if (!text_is_plain (full))
        {
          g_autofree char *escaped = g_strescape (full, NULL);
          g_test_message ("not plain text: %s", escaped);
          g_test_fail ();
        }
    }
}

/* ---- lesson files --------------------------------------------------------------- */

/* A teacher's lesson file is JSON too, read with the same json-glib: it must
 * be refused with an error, never crash, hit a critical, or load something
 * that cannot be saved and read back. Each runs in a subprocess. */
static const struct {
  const char *name;
  const char *json;   /* NULL: made by the test */
  gboolean    loads;
} lessons[] = {
  { "valid", "{\"schema\": 1, \"name\": \"Strike <b>&amp;</b>\", \"records\": [\"a\", \"b-2\"]}", TRUE },
  { "empty-file", "", FALSE },
  { "only-white-space", " \n\t ", FALSE },
  { "nesting-300000-deep", NULL, FALSE },
  { "name-lone-surrogate", "{\"schema\": 1, \"name\": \"half \\udc00 a pair\", \"records\": []}", FALSE },
  { "name-escaped-nul", "{\"schema\": 1, \"name\": \"cut\\u0000short\", \"records\": []}", FALSE },
  { "second-object", "{\"schema\": 1, \"name\": \"A\", \"records\": []} {\"schema\": 1}", FALSE },
  { "name-control-character", "{\"schema\": 1, \"name\": \"bell\\u0007\", \"records\": []}", FALSE },
  { "records-1001", NULL, FALSE },
  { "largest-allowed", NULL, TRUE },
};

static void
test_lesson (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  g_autoptr(GString) json = g_string_new (lessons[which].json);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LgsmLesson) lesson = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  if (g_str_equal (lessons[which].name, "nesting-300000-deep"))
    {
      g_string_append (json, "{\"schema\": 1, \"name\": \"Deep\", \"records\": ");
      for (guint i = 0; i < 300000; i++)
        g_string_append_c (json, '[');
      for (guint i = 0; i < 300000; i++)
        g_string_append_c (json, ']');
      g_string_append (json, "}");
    }
  else if (lessons[which].json == NULL)
    {
      /* the most a lesson may hold: it must still load once saved (the
       * saved file is pretty-printed, and loading takes at most 1 MiB) */
      guint n = g_str_equal (lessons[which].name, "records-1001") ? LGSM_LESSON_MAX_RECORDS + 1 : LGSM_LESSON_MAX_RECORDS;

      g_string_append (json, "{\"schema\": 1, \"name\": \"");
      for (guint i = 0; i < LGSM_LESSON_MAX_NAME / 2; i++)
        g_string_append (json, "\\\"");    /* a quote, escaped: two bytes of name each */
      g_string_append (json, "\", \"records\": [");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (json, "%s\"%064u\"", i ? "," : "", i);
      g_string_append (json, "]}");
    }
  bytes = g_bytes_new (json->str, json->len);
  lesson = lgsm_lesson_load_bytes (bytes, "hostile.lesson", &error);
  if (!lessons[which].loads)
    {
      g_assert_null (lesson);
      g_assert_nonnull (error);
      if (error)
        {
          g_assert_true (error->domain == LGSM_RECORD_ERROR);
          g_test_message ("%s", error->message);
        }
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (lesson);
  if (lesson)
    {
      g_autofree char *saved = lgsm_lesson_to_json (lesson);
      g_autoptr(GBytes) again = g_bytes_new (saved, strlen (saved));
      g_autoptr(LgsmLesson) reloaded = lgsm_lesson_load_bytes (again, "saved.lesson", &error);

      g_assert_no_error (error);
      g_assert_nonnull (reloaded);
      if (reloaded)
        {
          g_assert_cmpstr (lgsm_lesson_get_name (reloaded), ==, lgsm_lesson_get_name (lesson));
          g_assert_cmpuint (lgsm_lesson_get_n_items (reloaded), ==, lgsm_lesson_get_n_items (lesson));
        }
    }
}

/* ---- main -------------------------------------------------------------------- */

static void
expectation_free (Expectation *e)
{
  g_free (e->file);
  g_free (e->code);
  g_free (e->field);
  g_free (e);
}

static void
read_manifest (void)
{
  g_autofree char *path = hostile_path ("expected.txt");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  expectations = g_ptr_array_new_with_free_func ((GDestroyNotify) expectation_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) parts = NULL;
      Expectation *e;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      parts = g_strsplit_set (lines[i], " \t", -1);
      if (g_strv_length (parts) != 3)
        g_error ("expected.txt:%u: want “FILE CODE FIELD”", i + 1);
      e = g_new0 (Expectation, 1);
      e->file = g_strdup (parts[0]);
      e->code = g_strdup (parts[1]);
      e->field = g_strdup (parts[2]);
      g_ptr_array_add (expectations, e);
    }
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  read_manifest ();

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *name = g_strdup_printf ("/hostile/file/%s", e->file);
      g_test_add_data_func (name, e, test_fixture);
    }
  g_test_add_func ("/hostile/markup-is-literal", test_markup_is_literal);
  g_test_add_func ("/hostile/whole-folder", test_whole_folder);
  g_test_add_func ("/hostile/messages-are-plain", test_messages_are_plain);
  g_test_add_func ("/hostile/generated/string-50-mib", test_string_50_mib);
  g_test_add_func ("/hostile/generated/records-100k", test_records_100k);
  g_test_add_func ("/hostile/generated/symlinked-images", test_symlinked_images);
  g_test_add_func ("/hostile/generated/odd-records-files", test_odd_records_files);
  for (guint i = 0; i < G_N_ELEMENTS (hidden_nesting); i++)
    {
      g_autofree char *name = g_strdup_printf ("/hostile/generated/nesting-hidden-by-%s", hidden_nesting[i].name);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_nesting_hidden);
    }
  g_test_add_data_func ("/hostile/generated/many-unknown-fields", GINT_TO_POINTER (MANY_UNKNOWN_FIELDS),
                        test_many_problems);
  g_test_add_data_func ("/hostile/generated/many-bad-links", GINT_TO_POINTER (MANY_BAD_LINKS),
                        test_many_problems);
  g_test_add_data_func ("/hostile/generated/many-dangling-links", GINT_TO_POINTER (MANY_DANGLING_LINKS),
                        test_many_problems);

  for (guint i = 0; i < G_N_ELEMENTS (lessons); i++)
    {
      g_autofree char *name = g_strdup_printf ("/hostile/lesson/%s", lessons[i].name);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_lesson);
    }

  status = g_test_run ();
  g_ptr_array_unref (expectations);
  return status;
}
