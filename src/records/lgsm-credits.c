/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lgsm-credits.h"

/* The pictures' credits file (resources/images/CREDITS.md) describes each
 * picture in an item or a paragraph that starts "FILE.svg: what it shows.
 * More…" and runs until a blank line, a heading or the next item. */

static char *
first_sentence (const char *text)
{
  const char *end = text;

  /* up to ". " (or the end): "a.m." and "0.01" keep their full stops */
  while ((end = strstr (end, ". ")) != NULL && end > text && g_ascii_islower (end[-1]) && end[-2] == '.')
    end += 2;
  return end ? g_strndup (text, end - text) : g_strdup (text);
}

/**
 * lgsm_credits_parse_pictures:
 * @markdown: the credits file
 *
 * Returns: (transfer full): one line per picture, "FILE: what it shows"
 */
GStrv
lgsm_credits_parse_pictures (const char *markdown)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (markdown ? markdown : "", "\n", -1);
  GString *item = NULL;

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *svg = strstr (line, ".svg: ");
      gboolean item_line = g_str_has_prefix (line, "- ");
      gboolean starts = svg && (item_line || !strchr (line, ' ') || strchr (line, ' ') > svg);

      if (item && !starts && *line != '\0' && !item_line && *line != '#')
        {
          g_string_append_c (item, ' ');
          g_string_append (item, g_strstrip (lines[i]));
          continue;
        }
      if (item)
        {
          g_autofree char *sentence = first_sentence (item->str);
          g_strv_builder_add (builder, sentence);
          g_string_free (g_steal_pointer (&item), TRUE);
        }
      if (starts)
        item = g_string_new (item_line ? line + 2 : line);
    }
  if (item)
    {
      g_autofree char *sentence = first_sentence (item->str);
      g_strv_builder_add (builder, sentence);
      g_string_free (item, TRUE);
    }
  return g_strv_builder_end (builder);
}
