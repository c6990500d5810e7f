/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exhibition's own content: every section has records, every record
 * names its sources and has notes for teachers, every image exists, has
 * alt text and a credit, and decodes; every link resolves. */
#include <locale.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "lgsm-exhibition.h"

static LgsmExhibition *exhibition;

static void
for_each_record (void (*func) (LgsmRecord *record))
{
  GListModel *sections = lgsm_exhibition_get_sections (exhibition);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);

      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          func (record);
        }
    }
}

static void
test_no_problems (void)
{
  GListModel *problems = lgsm_exhibition_get_problems (exhibition);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      g_test_message ("%s", lgsm_problem_to_string (problem));
    }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (exhibition), >=, 30);
}

static void
test_sections (void)
{
  static const char *ids[] = { "history", "outlook", "legacy", "twinning", "people", "places" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LgsmSection *section = lgsm_exhibition_get_section (exhibition, ids[i]);

      g_assert_nonnull (section);
      g_assert_cmpuint (g_list_model_get_n_items (lgsm_section_get_records (section)), >=, 3);
    }
}

static void
check_sources_and_notes (LgsmRecord *record)
{
  const char * const *sources = lgsm_record_get_sources (record);

  if (sources[0] == NULL)
    g_test_fail_printf ("%s has no source", lgsm_record_get_id (record));
  if (lgsm_record_get_notes (record) == NULL)
    g_test_fail_printf ("%s has no notes for teachers", lgsm_record_get_id (record));
}

static void
test_sources_and_notes (void)
{
  for_each_record (check_sources_and_notes);
}

static void
check_image (LgsmRecord *record)
{
  const char *uri = lgsm_record_get_image_uri (record);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (uri == NULL)
    return;
  if (lgsm_record_get_image_alt (record) == NULL || lgsm_record_get_image_credit (record) == NULL)
    g_test_fail_printf ("%s: image without alt text or credit", lgsm_record_get_id (record));

  file = g_file_new_for_uri (uri);
  stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 320, 200, TRUE, NULL, &error);
  g_assert_no_error (error);
  /* scaled to fit 320 × 200, keeping its shape */
  g_assert_true (gdk_pixbuf_get_width (pixbuf) == 320 || gdk_pixbuf_get_height (pixbuf) == 200);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), <=, 320);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), <=, 200);
}

static void
test_images (void)
{
  gboolean svg = FALSE;
  GSList *formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);
      if (g_strcmp0 (name, "svg") == 0)
        svg = TRUE;
    }
  g_slist_free (formats);
  if (!svg)
    {
      g_test_fail_printf ("gdk-pixbuf has no SVG loader: install Debian's librsvg2-common");
      return;
    }
  for_each_record (check_image);
}

static void
test_chart_amounts (void)
{
  const char *ids[] = { "first-collection", "pits-and-perverts", "london-total" };
  const gint64 pence[] = { 15000, 500000, 2250000 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LgsmRecord *record = lgsm_exhibition_lookup (exhibition, ids[i]);
      gint64 value;
      gboolean approximate;

      g_assert_nonnull (record);
      g_assert_true (lgsm_record_get_amount (record, &value, NULL, &approximate));
      g_assert_cmpint (value, ==, pence[i]);
      g_assert_true (approximate);  /* the source says "around", "approximately", "an estimated" */
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  exhibition = lgsm_exhibition_new ();
  if (!lgsm_exhibition_load_resources (exhibition, "/org/lgsm/Exhibition/", &error))
    g_error ("%s", error->message);

  g_test_add_func ("/content/no-problems", test_no_problems);
  g_test_add_func ("/content/sections", test_sections);
  g_test_add_func ("/content/sources-and-notes", test_sources_and_notes);
  g_test_add_func ("/content/images", test_images);
  g_test_add_func ("/content/chart-amounts", test_chart_amounts);

  status = g_test_run ();
  g_object_unref (exhibition);
  return status;
}
