/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lgsm-sections.h"

/* The sections, in the order the window's tabs, the slides of the whole
 * exhibition and the po template list them. Adding a tab is adding a row
 * here (and its records file). */
static const LgsmSectionInfo sections[] = {
  /* Translators: a tab's name (also its heading): the strike year, 1984–85 */
  { "history",  N_("History"),          TRUE,  TRUE,  LGSM_SECTION_VIEW_TIMELINE },
  /* Translators: a tab's name (also its heading): what the group stood for, and the historians'
     debate */
  { "outlook",  N_("Outlook"),          TRUE,  FALSE, LGSM_SECTION_VIEW_DEBATE },
  /* Translators: a tab's name (also its heading): from 1985 to today */
  { "legacy",   N_("Legacy"),           TRUE,  TRUE,  LGSM_SECTION_VIEW_TIMELINE },
  /* Translators: a tab's name (also its heading): London LGSM's twinning with the miners' support
     group around Onllwyn, a village in Wales: keep the name */
  { "twinning", N_("Onllwyn twinning"), TRUE,  FALSE, LGSM_SECTION_VIEW_TWINNING },
  { "people",   N_("People"),           FALSE, FALSE, LGSM_SECTION_VIEW_NONE },
  { "places",   N_("Places"),           FALSE, FALSE, LGSM_SECTION_VIEW_NONE },
};

guint
lgsm_sections_get_n (void)
{
  return G_N_ELEMENTS (sections);
}

const LgsmSectionInfo *
lgsm_sections_get_nth (guint index)
{
  return index < G_N_ELEMENTS (sections) ? &sections[index] : NULL;
}

/* Returns: (nullable): the row for @id, NULL for a section nobody knows */
const LgsmSectionInfo *
lgsm_sections_lookup (const char *id)
{
  for (guint i = 0; id && i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].id, id))
      return &sections[i];
  return NULL;
}

/* Position in the table; unknown ids after every known one. */
int
lgsm_sections_rank (const char *id)
{
  const LgsmSectionInfo *info = lgsm_sections_lookup (id);

  return info ? (int) (info - sections) : (int) G_N_ELEMENTS (sections);
}

gboolean
lgsm_sections_is_tab (const char *id)
{
  const LgsmSectionInfo *info = lgsm_sections_lookup (id);

  return info && info->is_tab;
}

guint
lgsm_sections_get_n_tabs (void)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    n += sections[i].is_tab;
  return n;
}

/* The @index-th tab, in tab order. */
const LgsmSectionInfo *
lgsm_sections_get_tab (guint index)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].is_tab && index-- == 0)
      return &sections[i];
  return NULL;
}

/* "history, outlook, legacy, twinning": for messages that list the tabs. */
char *
lgsm_sections_list_tabs (const char *separator)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < lgsm_sections_get_n_tabs (); i++)
    g_strv_builder_add (builder, lgsm_sections_get_tab (i)->id);
  ids = g_strv_builder_end (builder);
  return g_strjoinv (separator, ids);
}
