/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Translators work in po files only: every translatable field of every
 * record must be in the template, and the committed po/records.pot must be
 * what the extractor writes from the records as they are now. */
#include <locale.h>
#include <string.h>

#include "lgsm-exhibition.h"

static guint
count_fields (LgsmExhibition *exhibition)
{
  GListModel *sections = lgsm_exhibition_get_sections (exhibition);
  guint n = 0;

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);

      n += 2;  /* the section's title and summary */
      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          const LgsmDate *date = lgsm_record_get_date (record);

          n += 2 + g_strv_length ((char **) lgsm_record_get_body (record));
          n += date && lgsm_date_get_display (date) ? 1 : 0;
          n += lgsm_record_get_image_alt (record) ? 1 : 0;
          n += lgsm_record_get_image_credit (record) ? 1 : 0;
          n += lgsm_record_get_side (record) ? 1 : 0;
          n += lgsm_record_get_notes (record) ? 1 : 0;
          n += lgsm_record_get_content_note (record) ? 1 : 0;
        }
    }
  return n;
}

/* The sources are in the template once each, with the context "source". */
static guint
count_sources (LgsmExhibition *exhibition)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *sections = lgsm_exhibition_get_sections (exhibition);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);

      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          const char * const *sources = lgsm_record_get_sources (record);

          for (guint j = 0; sources[j]; j++)
            g_hash_table_add (seen, (gpointer) sources[j]);
        }
    }
  return g_hash_table_size (seen);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

static void
test_template_complete (void)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "records.pot", NULL);
  g_autofree char *pot = NULL;
  g_auto(GStrv) lessons = g_resources_enumerate_children ("/org/lgsm/Exhibition/lessons/", 0, NULL);
  guint fields;

  g_assert_true (lgsm_exhibition_load_resources (exhibition, "/org/lgsm/Exhibition/", NULL));
  g_assert_true (g_file_get_contents (path, &pot, NULL, NULL));
  fields = count_fields (exhibition) + g_strv_length (lessons) + count_sources (exhibition);
  g_test_message ("%u translatable fields", fields);
  g_assert_cmpuint (fields, >, 400);
  g_assert_cmpuint (count_occurrences (pot, "\nmsgctxt \""), ==, fields);
  /* a few, by name */
  g_assert_nonnull (strstr (pot, "msgctxt \"pits-and-perverts|title\""));
  g_assert_nonnull (strstr (pot, "msgctxt \"minibus|image-alt\""));
  g_assert_nonnull (strstr (pot, "msgctxt \"history|section-title\""));
  g_assert_nonnull (strstr (pot, "msgctxt \"source\"\nmsgid \"LGSM source text"));
  g_assert_nonnull (strstr (pot, "#. Record “The white minibus”"));
}

static void
test_template_current (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "records.pot", NULL);
  g_autofree char *extractor = g_test_build_filename (G_TEST_BUILT, "..", "src", "tools", "lgsm-extract-records", NULL);
  const char *argv[] = { extractor, "-", NULL };
  g_autofree char *fresh = NULL;
  g_autofree char *committed = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &fresh, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (path, &committed, NULL, NULL));
  if (g_strcmp0 (fresh, committed) != 0)
    g_test_fail_printf ("po/records.pot is stale: run `meson compile -C _build lgsm-exhibition-records-pot` "
                        "then `meson compile -C _build lgsm-exhibition-update-po`");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translation/template-complete", test_template_complete);
  g_test_add_func ("/translation/template-current", test_template_current);

  return g_test_run ();
}
