/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Switches the test process to a language as the app does (gettext's
 * LANGUAGE, and the locale for messages and month names), with the
 * translations the test environment points LGSM_LOCALEDIR at. */
#pragma once

#include "config.h"

#include <glib.h>
#include <libintl.h>
#include <locale.h>

#include "lgsm-language.h"

static inline gboolean
speech_test_use_language (const char *lang)
{
  const char *dir = g_getenv ("LGSM_LOCALEDIR");
  g_autofree char *locale = g_strdup_printf ("%s_GB.UTF-8", lang);
  g_autofree char *mo = g_build_filename (dir ? dir : LOCALEDIR, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_str_equal (lang, "en") && !g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: build the translations first (meson compile)", mo);
  lgsm_i18n_init ();
  g_setenv ("LANGUAGE", lang, TRUE);
  if (setlocale (LC_MESSAGES, locale) && setlocale (LC_TIME, locale))
    return TRUE;
  if (g_str_equal (lang, "en"))
    {
      /* English is the records' own language: C.UTF-8 will do */
      setlocale (LC_MESSAGES, "C.UTF-8");
      setlocale (LC_TIME, "C.UTF-8");
      return TRUE;
    }
  return FALSE;
}
