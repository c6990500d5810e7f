/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any language, with whatever locale the system has for it (issue 23):
 * which locale is chosen for a language, French through fr_FR.UTF-8 (the
 * test environment has no fr_GB), a language with no locale at all (qaa)
 * still translated with the translation's month names, and the names and
 * labels of the language menu. The French and qaa translations are test
 * fixtures (tests/data/po), compiled by meson, not shipped. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "lgsm-date.h"
#include "lgsm-exhibition.h"
#include "lgsm-language.h"

static char *localedir;
static guint n_messages;
static char *last_message;

/* ---- choosing a locale (pure) ------------------------------------------- */

static gboolean
in_list (const char *locale,
         gpointer    user_data)
{
  return g_strv_contains (user_data, locale);
}

static void
test_candidates (void)
{
  static const char * const known[] = {
    "fr_CA.UTF-8", "fr_CH.utf8", "fr_LU", "fr_FR@euro", "fra_XX.UTF-8", "ga_IE.UTF-8", "sr_RS.UTF-8@latin", NULL
  };
  g_auto(GStrv) fr = lgsm_language_locale_candidates ("fr", "en_GB.UTF-8", known);
  g_auto(GStrv) fr_be = lgsm_language_locale_candidates ("fr", "fr_BE.UTF-8", NULL);
  g_auto(GStrv) ga = lgsm_language_locale_candidates ("ga", NULL, known);
  g_auto(GStrv) pt_br = lgsm_language_locale_candidates ("pt_BR", "pt_PT.UTF-8", NULL);
  g_auto(GStrv) sr = lgsm_language_locale_candidates ("sr@latin", NULL, known);
  g_auto(GStrv) en = lgsm_language_locale_candidates ("en", "C.UTF-8", NULL);
  g_auto(GStrv) pl = lgsm_language_locale_candidates ("pl", NULL, NULL);

  /* the user's region first (there is no fr_GB, but it is asked for),
   * then where French is most used, then every UTF-8 region known */
  g_assert_cmpstr (fr[0], ==, "fr_GB.UTF-8");
  g_assert_cmpstr (fr[1], ==, "fr_FR.UTF-8");
  g_assert_cmpstr (fr[2], ==, "fr_BE.UTF-8");
  g_assert_true (g_strv_contains ((const char * const *) fr, "fr_CA.UTF-8"));
  g_assert_true (g_strv_contains ((const char * const *) fr, "fr_CH.UTF-8"));
  /* not another language that starts alike, not a locale in another
   * encoding, not one with a modifier French was not asked with */
  for (guint i = 0; fr[i]; i++)
    {
      g_assert_true (g_str_has_prefix (fr[i], "fr_"));
      g_assert_null (strchr (fr[i], '@'));
    }
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint i = 0; fr[i]; i++)
      g_assert_true (g_hash_table_add (seen, fr[i]));   /* each once */
  }
  g_assert_cmpstr (fr_be[0], ==, "fr_BE.UTF-8");
  g_assert_cmpstr (fr_be[1], ==, "fr_FR.UTF-8");
  g_assert_cmpstr (ga[0], ==, "ga_IE.UTF-8");
  g_assert_cmpstr (pt_br[0], ==, "pt_BR.UTF-8");
  g_assert_cmpstr (pt_br[1], ==, "pt_PT.UTF-8");
  g_assert_cmpstr (sr[0], ==, "sr_RS.UTF-8@latin");
  for (guint i = 0; sr[i]; i++)
    g_assert_true (g_str_has_suffix (sr[i], "@latin"));
  /* English: its regions, and the C library's own English last */
  g_assert_cmpstr (en[0], ==, "en_GB.UTF-8");
  g_assert_cmpstr (en[g_strv_length (en) - 1], ==, "C.UTF-8");
  /* a language without an entry in the table: the region spelt alike */
  g_assert_cmpstr (pl[0], ==, "pl_PL.UTF-8");
}

static void
test_find (void)
{
  static const char * const only_fr_fr[] = { "fr_FR.UTF-8", NULL };
  static const char * const fr_ca_and_be[] = { "fr_CA.UTF-8", "fr_BE.UTF-8", NULL };
  static const char * const known[] = { "fr_CA.UTF-8", NULL };
  static const char * const none[] = { NULL };
  g_autofree char *gb_user = lgsm_language_find_locale ("fr", "en_GB.UTF-8", NULL, in_list, (gpointer) only_fr_fr);
  g_autofree char *be_user = lgsm_language_find_locale ("fr", "fr_BE.UTF-8", NULL, in_list, (gpointer) fr_ca_and_be);
  g_autofree char *any = lgsm_language_find_locale ("fr", "de_DE.UTF-8", known, in_list, (gpointer) known);
  g_autofree char *nothing = lgsm_language_find_locale ("fr", "en_GB.UTF-8", known, in_list, (gpointer) none);

  g_assert_cmpstr (gb_user, ==, "fr_FR.UTF-8");   /* no fr_GB: France */
  g_assert_cmpstr (be_user, ==, "fr_BE.UTF-8");   /* the user's region before Canada */
  g_assert_cmpstr (any, ==, "fr_CA.UTF-8");       /* any region at all */
  g_assert_null (nothing);
}

/* ---- switching, with the system's real locales -------------------------- */

static void
on_message (const char     *domain,
            GLogLevelFlags  level,
            const char     *message,
            gpointer        user_data)
{
  n_messages++;
  g_free (last_message);
  last_message = g_strdup (message);
}

static char *
format_date (const char *iso)
{
  g_autoptr(LgsmDate) date = lgsm_date_parse (iso, NULL);

  g_assert_nonnull (date);
  return lgsm_date_format (date);
}

static const char *
minibus_title (void)
{
  static char *title;
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();

  lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  g_assert_true (lgsm_exhibition_load_resources (exhibition, "/org/lgsm/Exhibition/", NULL));
  g_free (title);
  title = g_strdup (lgsm_record_get_title (lgsm_exhibition_lookup (exhibition, "minibus")));
  return title;
}

/* French with fr_FR.UTF-8 installed and no fr_GB: the interface and the
 * records in French, and the C library's French month names (the test
 * translation has none of its own). */
static void
test_installed_locale (void)
{
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;

  n_messages = 0;
  lgsm_language_apply ("fr");
  if (lgsm_language_get_time_locale () == NULL)
    {
      g_test_fail_printf ("no French locale is installed: run .ci/setup (it makes fr_FR.UTF-8); %s",
                          last_message ? last_message : "");
      return;
    }
  g_assert_true (g_str_has_prefix (lgsm_language_get_time_locale (), "fr_"));
  g_assert_false (lgsm_language_get_dates_from_translation ());
  g_assert_cmpuint (n_messages, ==, 0);
  g_assert_cmpstr (_("History"), ==, "Histoire");
  g_assert_cmpstr (_("Outlook"), ==, "Outlook");          /* not translated yet: English */
  g_assert_cmpstr (minibus_title (), ==, "Le minibus blanc");
  day = format_date ("1984-12-10");
  month = format_date ("1985-02");
  g_assert_cmpstr (day, ==, "10 décembre 1984");
  g_assert_cmpstr (month, ==, "février 1985");
}

/* qaa: no C library has a locale for it. The interface and the records are
 * translated all the same, dates take the translation's month names (and
 * its date format), the log says so once, and English months stay where
 * the translation has none. */
static void
test_no_locale (void)
{
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *untranslated = NULL;

  n_messages = 0;
  lgsm_language_apply ("qaa");
  g_assert_null (lgsm_language_get_time_locale ());
  g_assert_true (lgsm_language_get_dates_from_translation ());
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_nonnull (strstr (last_message, "“qaa”"));
  g_assert_cmpstr (_("History"), ==, "⟦History⟧");
  g_assert_cmpstr (minibus_title (), ==, "⟦The white minibus⟧");
  day = format_date ("1984-12-10");
  month = format_date ("1984-09");
  untranslated = format_date ("1985-03");
  g_assert_cmpstr (day, ==, "⟦December⟧ 10, 1984");
  g_assert_cmpstr (month, ==, "⟦September⟧ 1984");
  g_assert_cmpstr (untranslated, ==, "March 1985");

  /* once: not again for the same language */
  lgsm_language_apply ("fr");
  lgsm_language_apply ("qaa");
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_cmpstr (_("History"), ==, "⟦History⟧");
}

/* Back to the desktop's language (C.UTF-8 in the tests): English. */
static void
test_back_to_desktop (void)
{
  g_autofree char *day = NULL;

  lgsm_language_apply ("qaa");
  lgsm_language_apply ("");
  g_assert_null (g_getenv ("LANGUAGE"));
  g_assert_null (lgsm_language_get_time_locale ());
  g_assert_false (lgsm_language_get_dates_from_translation ());
  g_assert_cmpstr (_("History"), ==, "History");
  day = format_date ("1984-12-10");
  g_assert_cmpstr (day, ==, "10 December 1984");
}

/* ---- the language menu's names and labels ------------------------------- */

static void
test_names (void)
{
  g_autofree char *cy = lgsm_language_dup_label ("cy");
  g_autofree char *partial = lgsm_language_format_label ("Français", 62);
  g_autofree char *almost = lgsm_language_format_label ("Français", 99);
  g_autofree char *complete = lgsm_language_format_label ("Français", 100);

  lgsm_language_apply ("");
  /* from the po files, through the generated table */
  g_assert_cmpstr (lgsm_language_get_name ("en"), ==, "English");
  g_assert_cmpstr (lgsm_language_get_name ("cy"), ==, "Cymraeg");
  /* Welsh is complete (po/COMPLETE), so no percentage */
  g_assert_cmpuint (lgsm_language_get_percent ("cy"), ==, 100);
  g_assert_cmpstr (cy, ==, "Cymraeg");
  g_assert_cmpstr (partial, ==, "Français (62%)");
  g_assert_cmpstr (almost, ==, "Français (99%)");
  g_assert_cmpstr (complete, ==, "Français");
  /* no translation in the app: the locale's own name for it, else the code */
  g_assert_cmpuint (lgsm_language_get_percent ("fr"), ==, 0);
  g_assert_cmpstr (lgsm_language_get_name ("fr"), ==, "Français");
  g_assert_cmpstr (lgsm_language_get_name ("qaa"), ==, "qaa");
}

static void
install_translation (const char *lang)
{
  g_autofree char *name = g_strdup_printf ("test-%s.mo", lang);
  g_autofree char *from = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autofree char *dir = g_build_filename (localedir, lang, "LC_MESSAGES", NULL);
  g_autofree char *to = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  lgsm_i18n_init ();

  /* the test translations, in a locale folder of their own */
  localedir = g_dir_make_tmp ("lgsm-test-locale-XXXXXX", NULL);
  g_assert_nonnull (localedir);
  install_translation ("fr");
  install_translation ("qaa");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  g_log_set_handler (NULL, G_LOG_LEVEL_MESSAGE, on_message, NULL);

  g_test_add_func ("/language/candidates", test_candidates);
  g_test_add_func ("/language/find", test_find);
  g_test_add_func ("/language/installed-locale", test_installed_locale);
  g_test_add_func ("/language/no-locale", test_no_locale);
  g_test_add_func ("/language/back-to-desktop", test_back_to_desktop);
  g_test_add_func ("/language/names", test_names);

  status = g_test_run ();
  remove_tree (localedir);
  g_free (localedir);
  return status;
}
