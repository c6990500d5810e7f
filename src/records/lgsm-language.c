/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "lgsm-language.h"

/* The languages the exhibition can be shown in, and switching between
 * them at run time: gettext's language for the interface and the records,
 * and the C library's locale for dates. No GTK here. */

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

/* The language's name in itself, for the language menu. */
const char *
lgsm_language_get_name (const char *lang)
{
  if (g_strcmp0 (lang, "en") == 0)
    return "English";
  if (g_strcmp0 (lang, "cy") == 0)
    return "Cymraeg";
  return lang;
}

/* Sets gettext's language and the locale for messages and dates (month
 * names come from the C library's locale data, e.g. cy_GB.UTF-8). "" goes
 * back to the desktop's settings. */
void
lgsm_language_apply (const char *lang)
{
  g_autofree char *region = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *utf8b = NULL;

  if (lang == NULL || *lang == '\0')
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_MESSAGES, "");
      setlocale (LC_TIME, "");
      return;
    }
  region = g_strcmp0 (lang, "en") == 0 ? g_strdup ("en_GB") : g_strdup_printf ("%s_GB", lang);
  utf8 = g_strdup_printf ("%s.UTF-8", region);
  utf8b = g_strdup_printf ("%s.utf8", region);
  g_setenv ("LANGUAGE", lang, TRUE);
  /* gettext only looks at LANGUAGE when the message locale is not "C" */
  if (!setlocale (LC_MESSAGES, utf8) && !setlocale (LC_MESSAGES, utf8b) &&
      !setlocale (LC_MESSAGES, "en_GB.UTF-8") && !setlocale (LC_MESSAGES, "C.UTF-8"))
    g_message ("No locale for “%s” is installed; the interface may stay untranslated", lang);
  if (!setlocale (LC_TIME, utf8) && !setlocale (LC_TIME, utf8b))
    g_message ("No locale %s is installed: dates keep the desktop's month names", utf8);
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
