/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A source file with four messages, for the po tools' tests
 * (tests/test-po-tools.sh): never built. */
#include <glib/gi18n.h>

static const char language_name[] =
  /* Translators: the name of your language in itself */
  NC_("language name", "English");

void
hello (const char *who, int n)
{
  /* Translators: a greeting */
  g_print ("%s\n", _("Hello"));
  g_print ("%s\n", _("Goodbye"));
  /* Translators: a person's name, and how many records they wrote */
  g_print (_("%s wrote %d records\n"), who, n);
}
