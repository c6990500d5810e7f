/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the curator signs off about the pictures and the sources: every
 * picture the app bundles is credited (who made it, its licence, what it
 * shows) in the credits file the About dialog shows, and the "How do we
 * know?" sources are translated like the rest of a record. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lgsm-credits.h"
#include "lgsm-exhibition.h"
#include "lgsm-language.h"

static GStrv
credits (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "images/CREDITS.md", 0, NULL);

  g_assert_nonnull (bytes);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "CC BY-SA 4.0"));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "the LGSM Exhibition contributors"));
  return lgsm_credits_parse_pictures (g_bytes_get_data (bytes, NULL));
}

static gboolean
credited (GStrv       lines,
          const char *file)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", file);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix) && strlen (lines[i]) > strlen (prefix) + 10)
      return TRUE;
  return FALSE;
}

/* Every SVG in the bundle has a line that says what it shows. */
static void
test_every_picture_credited (void)
{
  g_auto(GStrv) lines = credits ();
  g_auto(GStrv) files = g_resources_enumerate_children (RESOURCE_PREFIX "images/", 0, NULL);
  guint n = 0;

  g_assert_nonnull (files);
  for (guint i = 0; files[i]; i++)
    if (g_str_has_suffix (files[i], ".svg"))
      {
        if (!credited (lines, files[i]))
          g_error ("%s has no line in resources/images/CREDITS.md", files[i]);
        n++;
      }
  g_assert_cmpuint (n, >=, 20);
  g_assert_cmpuint (g_strv_length (lines), ==, n);
}

/* The parser: an item's first sentence, its indented lines joined. */
static void
test_parse (void)
{
  const char *md = "# Credits\n\n- a.svg: one thing; two words. More text\n  on the next line.\n"
                   "- b.svg: wraps\n  over two lines. Then more.\n\nNot an item.\n- c.png: ignored\n\n"
                   "## A heading\n\nd.svg: a paragraph\nof its own. More.\n";
  g_auto(GStrv) lines = lgsm_credits_parse_pictures (md);

  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "a.svg: one thing; two words");
  g_assert_cmpstr (lines[1], ==, "b.svg: wraps over two lines");
  g_assert_cmpstr (lines[2], ==, "d.svg: a paragraph of its own");
}

/* In Welsh, a record's sources are the translation's. */
static void
test_sources_translated (void)
{
  g_autoptr(LgsmExhibition) english = lgsm_exhibition_new ();
  g_autoptr(LgsmExhibition) welsh = lgsm_exhibition_new ();
  const char * const *en, * const *cy;

  lgsm_exhibition_set_translation_domain (english, GETTEXT_PACKAGE);
  lgsm_exhibition_set_translation_domain (welsh, GETTEXT_PACKAGE);
  lgsm_language_apply ("en");
  g_assert_true (lgsm_exhibition_load_resources (english, RESOURCE_PREFIX, NULL));
  lgsm_language_apply ("cy");
  g_assert_true (lgsm_exhibition_load_resources (welsh, RESOURCE_PREFIX, NULL));
  lgsm_language_apply ("en");

  en = lgsm_record_get_sources (lgsm_exhibition_lookup (english, "minibus"));
  cy = lgsm_record_get_sources (lgsm_exhibition_lookup (welsh, "minibus"));
  g_assert_nonnull (en[0]);
  g_assert_nonnull (cy[0]);
  g_assert_cmpstr (en[0], !=, cy[0]);
  g_assert_nonnull (strstr (en[0], "Wikipedia"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/credits/parse", test_parse);
  g_test_add_func ("/credits/every-picture", test_every_picture_credited);
  g_test_add_func ("/credits/sources-translated", test_sources_translated);
  return g_test_run ();
}
