/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "lgsm-language.h"
#include "lgsm-language-table.h"

/* The languages the exhibition can be shown in, and switching between
 * them at run time: gettext's language for the interface and the records,
 * and the C library's locale for dates. No GTK here.
 *
 * Any language works with whatever locale the system has for it: the best
 * installed UTF-8 locale is chosen (the user's own region first, then any
 * region). When there is none, the interface and the records are still
 * translated (gettext follows LANGUAGE under any message locale but "C"),
 * and dates take their month names from the translation (lgsm-date.c). */

/* The installed translations; LGSM_LOCALEDIR (set by `meson devenv` and
 * the tests) points at the build tree's instead. */
void
lgsm_i18n_init (void)
{
  const char *dir = g_getenv ("LGSM_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* g_dgettext() (behind GtkBuilder's and the record layer's translations)
   * decides once per process whether to translate at all, and says no when
   * it first runs in an untranslated non-English locale such as C.UTF-8;
   * the language menu may switch to Welsh later, so have it decide now,
   * under the C locale, where the answer is yes. */
  {
    g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));
    setlocale (LC_MESSAGES, "C");
    g_dgettext (GETTEXT_PACKAGE, "");
    setlocale (LC_MESSAGES, saved);
  }
}

/* English (the records' own language) and the translations in po/LINGUAS. */
gboolean
lgsm_language_is_known (const char *lang)
{
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);

  return g_strcmp0 (lang, "en") == 0 || (lang && *lang && g_strv_contains ((const char * const *) linguas, lang));
}

/* ---- names and completeness --------------------------------------------- */

/* The name a translation gives its language is the translation of this
 * entry (the build reads it from each po file into lgsm-language-table.h);
 * English's is the entry itself. */
static const char english_name[] =
  /* Translators: the name of the language of THIS translation, written in
     that language, as the language menu lists it: "Cymraeg" in the Welsh
     translation, "Français" in the French one. Not the word for English. */
  NC_("language name", "English");

/* The name of the language in a locale's own data ("français"), with a
 * capital, for a translation that does not name itself yet. */
static char *
name_from_locale (const char *locale)
{
#ifdef __GLIBC__   /* _NL_ADDRESS_LANG_NAME is an enum value of glibc's */
  locale_t l = newlocale (LC_ADDRESS_MASK, locale, (locale_t) 0);
  g_autofree char *name = NULL;

  if (l == (locale_t) 0)
    return NULL;
  name = g_strdup (nl_langinfo_l (_NL_ADDRESS_LANG_NAME, l));
  freelocale (l);
  if (name && *name && g_utf8_validate (name, -1, NULL))
    {
      gunichar first = g_unichar_totitle (g_utf8_get_char (name));
      char buf[8] = { 0 };

      g_unichar_to_utf8 (first, buf);
      return g_strconcat (buf, g_utf8_next_char (name), NULL);
    }
#endif
  return NULL;
}

static const char * const *known_locales (void);
static const char *user_locale (void);
static gboolean locale_installed (const char *locale, gpointer user_data);

/**
 * lgsm_language_get_name:
 * @lang: a language code ("en", "cy")
 *
 * The language's name in itself, for the language menu: what its
 * translation calls it ("Cymraeg"), else what the C library's locale for it
 * calls it, else the code itself.
 */
const char *
lgsm_language_get_name (const char *lang)
{
  static GHashTable *from_locale;   /* code → name, made once a language */
  const char *name;

  g_return_val_if_fail (lang != NULL, NULL);

  if (g_str_equal (lang, "en"))
    return english_name;
  for (guint i = 0; i < G_N_ELEMENTS (lgsm_language_table); i++)
    if (g_str_equal (lgsm_language_table[i].code, lang) && lgsm_language_table[i].name)
      return lgsm_language_table[i].name;

  if (from_locale == NULL)
    from_locale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!g_hash_table_lookup_extended (from_locale, lang, NULL, (gpointer *) &name))
    {
      g_autofree char *locale = lgsm_language_find_locale (lang, user_locale (), known_locales (),
                                                           locale_installed, NULL);
      name = locale ? name_from_locale (locale) : NULL;
      g_hash_table_insert (from_locale, g_strdup (lang), (gpointer) name);
    }
  return name ? name : lang;
}

/**
 * lgsm_language_get_percent:
 * @lang: a language code
 *
 * How much of the template the language's po file translates, rounded
 * down (100 only when everything is): 100 for English, 0 for a language
 * the app has no translation for.
 */
guint
lgsm_language_get_percent (const char *lang)
{
  if (g_strcmp0 (lang, "en") == 0)
    return 100;
  for (guint i = 0; i < G_N_ELEMENTS (lgsm_language_table); i++)
    if (g_strcmp0 (lgsm_language_table[i].code, lang) == 0)
      return LGSM_LANGUAGE_N_MESSAGES ? (guint) ((guint64) lgsm_language_table[i].translated * 100 /
                                                 LGSM_LANGUAGE_N_MESSAGES) : 0;
  return 0;
}

/* The language menu's label: the name, and how much is translated when
 * that is not everything ("Français (62%)"). */
char *
lgsm_language_format_label (const char *name,
                            guint       percent)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (percent >= 100)
    return g_strdup (name);
  /* Translators: a partly translated language in the language menu: its
     name in itself, and how much of the exhibition it translates, e.g.
     "Français (62%)". "%%" is the percent sign. */
  return g_strdup_printf (_("%s (%u%%)"), name, percent);
}

char *
lgsm_language_dup_label (const char *lang)
{
  return lgsm_language_format_label (lgsm_language_get_name (lang), lgsm_language_get_percent (lang));
}

/* ---- choosing a locale --------------------------------------------------- */

/* The regions a language is most often used in, best first, where that is
 * not the region spelt like the language (fr_FR, de_DE, pl_PL are tried
 * anyway). Only an order of preference: any installed region will do. */
static const struct {
  const char *language;
  const char *territories;
} common_territories[] = {
  { "en", "GB US IE AU CA NZ ZA IN" },
  { "cy", "GB" }, { "gd", "GB" }, { "gv", "GB" }, { "kw", "GB" }, { "ga", "IE" },
  { "br", "FR" }, { "oc", "FR" }, { "ca", "ES AD" }, { "eu", "ES" }, { "gl", "ES" },
  { "fr", "FR BE CA CH LU" }, { "de", "DE AT CH" }, { "nl", "NL BE" }, { "it", "IT CH" },
  { "es", "ES MX AR" }, { "pt", "PT BR" }, { "sv", "SE FI" }, { "da", "DK" },
  { "nb", "NO" }, { "nn", "NO" }, { "cs", "CZ" }, { "el", "GR" }, { "et", "EE" },
  { "sl", "SI" }, { "sq", "AL" }, { "sr", "RS" }, { "uk", "UA" }, { "be", "BY" },
  { "ka", "GE" }, { "hy", "AM" }, { "kk", "KZ" }, { "he", "IL" }, { "ar", "EG SA" },
  { "fa", "IR" }, { "ur", "PK" }, { "hi", "IN" }, { "bn", "BD IN" }, { "ja", "JP" },
  { "ko", "KR" }, { "zh", "CN TW HK" }, { "vi", "VN" }, { "ms", "MY" }, { "sw", "KE TZ" },
};

/* Splits language[_territory][.codeset][@modifier]. */
static void
split_locale (const char  *name,
              char       **language,
              char       **territory,
              char       **codeset,
              char       **modifier)
{
  const char *at = strchr (name, '@');
  const char *end = at ? at : name + strlen (name);
  const char *dot = memchr (name, '.', (gsize) (end - name));
  const char *under;

  if (dot == NULL)
    dot = end;
  under = memchr (name, '_', (gsize) (dot - name));
  *language = g_strndup (name, (gsize) ((under ? under : dot) - name));
  *territory = under ? g_strndup (under + 1, (gsize) (dot - under - 1)) : NULL;
  *codeset = dot < end ? g_strndup (dot + 1, (gsize) (end - dot - 1)) : NULL;
  *modifier = at ? g_strdup (at + 1) : NULL;
}

static gboolean
is_utf8 (const char *codeset)
{
  return codeset && (g_ascii_strcasecmp (codeset, "UTF-8") == 0 || g_ascii_strcasecmp (codeset, "utf8") == 0);
}

static void
add_candidate (GPtrArray  *list,
               const char *language,
               const char *territory,
               const char *modifier)
{
  g_autofree char *name = NULL;

  if (territory == NULL || *territory == '\0')
    return;
  name = g_strdup_printf ("%s_%s.UTF-8%s%s", language, territory, modifier ? "@" : "", modifier ? modifier : "");
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), name))
      return;
  g_ptr_array_add (list, g_steal_pointer (&name));
}

/**
 * lgsm_language_locale_candidates:
 * @lang: a language code as in po/LINGUAS ("fr", "pt_BR", "sr@latin")
 * @user_locale: (nullable): the user's own locale ("en_GB.UTF-8"), for
 *   their region
 * @known: (nullable): locale names the system may have ("fr_CA.UTF-8",
 *   "fr_CH.utf8"; others and those not in UTF-8 are ignored)
 *
 * The UTF-8 locales that could show @lang, best first: the region @lang
 * names, the user's own region, the regions the language is most used in,
 * the region spelt like the language (de_DE), then every region in
 * @known. For English, C.UTF-8 last: its month names are English. Nothing
 * here asks the system what is installed.
 *
 * Returns: (transfer full): the candidates
 */
GStrv
lgsm_language_locale_candidates (const char         *lang,
                                 const char         *user_locale,
                                 const char * const *known)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *language = NULL, *territory = NULL, *codeset = NULL, *modifier = NULL;

  g_return_val_if_fail (lang != NULL, NULL);

  split_locale (lang, &language, &territory, &codeset, &modifier);
  if (*language)
    {
      g_autofree char *upper = g_ascii_strup (language, -1);

      add_candidate (list, language, territory, modifier);
      if (user_locale && *user_locale)
        {
          g_autofree char *ul = NULL, *ut = NULL, *uc = NULL, *um = NULL;

          split_locale (user_locale, &ul, &ut, &uc, &um);
          add_candidate (list, language, ut, modifier);
        }
      for (guint i = 0; i < G_N_ELEMENTS (common_territories); i++)
        if (g_str_equal (common_territories[i].language, language))
          {
            g_auto(GStrv) territories = g_strsplit (common_territories[i].territories, " ", -1);

            for (guint j = 0; territories[j]; j++)
              add_candidate (list, language, territories[j], modifier);
          }
      add_candidate (list, language, upper, modifier);
      for (guint i = 0; known && known[i]; i++)
        {
          g_autofree char *kl = NULL, *kt = NULL, *kc = NULL, *km = NULL;

          split_locale (known[i], &kl, &kt, &kc, &km);
          if (g_str_equal (kl, language) && is_utf8 (kc) && g_strcmp0 (km, modifier) == 0)
            add_candidate (list, language, kt, modifier);
        }
      if (g_str_equal (language, "en") && modifier == NULL)
        g_ptr_array_add (list, g_strdup ("C.UTF-8"));
    }
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

/**
 * lgsm_language_find_locale:
 * @lang: a language code
 * @user_locale: (nullable): the user's own locale, for their region
 * @known: (nullable): locale names the system may have
 * @test: says whether a locale is installed
 * @user_data: for @test
 *
 * Returns: (transfer full) (nullable): the first of
 *   lgsm_language_locale_candidates() that @test accepts, or %NULL
 */
char *
lgsm_language_find_locale (const char         *lang,
                           const char         *user_locale,
                           const char * const *known,
                           LgsmLocaleTestFunc  test,
                           gpointer            user_data)
{
  g_auto(GStrv) candidates = lgsm_language_locale_candidates (lang, user_locale, known);

  g_return_val_if_fail (test != NULL, NULL);

  for (guint i = 0; candidates && candidates[i]; i++)
    if (test (candidates[i], user_data))
      return g_strdup (candidates[i]);
  return NULL;
}

/* The locales this system may have, read once: the folders of
 * /usr/lib/locale (locales made outside the archive) and the list of
 * locales the C library supports (Debian's /usr/share/i18n/SUPPORTED).
 * Which of them are installed is for locale_installed() to say. */
static const char * const *
known_locales (void)
{
  static GStrv known;

  if (g_once_init_enter (&known))
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GDir) dir = g_dir_open ("/usr/lib/locale", 0, NULL);
      g_autofree char *supported = NULL;
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        if (strchr (name, '_'))
          g_ptr_array_add (names, g_strdup (name));
      if (g_file_get_contents ("/usr/share/i18n/SUPPORTED", &supported, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (supported, "\n", -1);

          for (guint i = 0; lines[i]; i++)
            if (lines[i][0] && lines[i][0] != '#')
              {
                char *space = strpbrk (lines[i], " \t");
                g_ptr_array_add (names, space ? g_strndup (lines[i], (gsize) (space - lines[i])) : g_strdup (lines[i]));
              }
        }
      g_ptr_array_add (names, NULL);
      g_once_init_leave (&known, (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE));
    }
  return (const char * const *) known;
}

/* The user's own locale, for their region (not changed by the app, which
 * only calls setlocale()). */
static const char *
user_locale (void)
{
  static const char * const vars[] = { "LC_ALL", "LC_TIME", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);
      if (value && *value)
        return value;
    }
  return NULL;
}

/* Whether the C library has @locale, without changing the process's. */
static gboolean
locale_installed (const char *locale,
                  gpointer    user_data)
{
  locale_t l = newlocale (LC_TIME_MASK | LC_MESSAGES_MASK, locale, (locale_t) 0);

  if (l == (locale_t) 0)
    return FALSE;
  freelocale (l);
  return TRUE;
}

/* ---- switching ---------------------------------------------------------- */

static char *time_locale;                 /* the locale dates use, NULL: the desktop's */
static gboolean dates_from_translation;   /* no locale for the language: months from the po */

/* gettext ignores LANGUAGE under the "C" message locale only: any other
 * (the desktop's, else C.UTF-8) lets it translate. */
static gboolean
set_message_locale_for_language (void)
{
  static const char * const tried[] = { "", "C.UTF-8", "C.utf8", "en_GB.UTF-8", "en_US.UTF-8" };

  for (guint i = 0; i < G_N_ELEMENTS (tried); i++)
    {
      const char *set = setlocale (LC_MESSAGES, tried[i]);

      if (set && !g_str_equal (set, "C") && !g_str_equal (set, "POSIX"))
        return TRUE;
    }
  return FALSE;
}

/**
 * lgsm_language_apply:
 * @lang: (nullable): a language code, or "" (or %NULL) for the desktop's
 *
 * Sets gettext's language and the locale for messages and dates: the best
 * installed locale for @lang (see lgsm_language_locale_candidates()). When
 * there is none, says so once in the log, still translates, and has dates
 * take their month names from the translation.
 */
void
lgsm_language_apply (const char *lang)
{
  static GHashTable *reported;   /* languages whose missing locale was logged */
  g_autofree char *found = NULL;

  g_clear_pointer (&time_locale, g_free);
  dates_from_translation = FALSE;
  if (lang == NULL || *lang == '\0')
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_MESSAGES, "");
      setlocale (LC_TIME, "");
      return;
    }

  g_setenv ("LANGUAGE", lang, TRUE);
  found = lgsm_language_find_locale (lang, user_locale (), known_locales (), locale_installed, NULL);
  if (found && setlocale (LC_TIME, found) && setlocale (LC_MESSAGES, found))
    {
      time_locale = g_steal_pointer (&found);
      return;
    }

  setlocale (LC_TIME, "");
  dates_from_translation = TRUE;
  if (reported == NULL)
    reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (set_message_locale_for_language ())
    {
      if (g_hash_table_add (reported, g_strdup (lang)))
        {
          g_auto(GStrv) candidates = lgsm_language_locale_candidates (lang, user_locale (), NULL);

          g_message ("No locale for the language “%s” is installed (such as %s): the interface "
                     "is translated, and dates use the translation's month names",
                     lang, candidates[0] ? candidates[0] : lang);
        }
    }
  else if (g_hash_table_add (reported, g_strdup (lang)))
    g_message ("Neither a locale for the language “%s” nor C.UTF-8 is installed: the interface "
               "stays untranslated", lang);
}

/* The locale dates are formatted in after lgsm_language_apply(), or NULL
 * for the desktop's own (no language chosen, or none installed). */
const char *
lgsm_language_get_time_locale (void)
{
  return time_locale;
}

/* TRUE when the chosen language has no locale: dates then take their
 * month names from the translation (lgsm-date.c). */
gboolean
lgsm_language_get_dates_from_translation (void)
{
  return dates_from_translation;
}

/* The language bilingual slides pair with @current ("" or NULL: the
 * desktop's): Welsh with English, English (or any other) with the first
 * translation. NULL when there is none. */
const char *
lgsm_language_get_second (const char *current)
{
  static char first[16];
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);

  if (current == NULL || *current == '\0')
    {
      const char * const *names = g_get_language_names ();
      current = g_str_has_prefix (names[0], "cy") ? "cy" : "en";
    }
  if (g_strcmp0 (current, "en") != 0)
    return "en";
  g_strlcpy (first, linguas[0] ? linguas[0] : "", sizeof first);
  return *first ? first : NULL;
}
