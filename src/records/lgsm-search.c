/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-search.h"

/* Tabs and line breaks would break the ID<TAB>TITLE lines. */
static void
append_on_one_line (GString    *out,
                    const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/**
 * lgsm_search_print:
 * @query: the words to search for, as a visitor would type them
 * @out: receives one line per matching record, best first: its id, a tab,
 *   its title (tabs and line breaks in it made spaces)
 *
 * For `--search=QUERY`: curators' scripts, and testing the ranking outside
 * the window.
 *
 * Returns: how many records matched (exit with 0 when some did, 1 when none)
 */
int
lgsm_search_print (LgsmExhibition *exhibition,
                   const char     *query,
                   GString        *out)
{
  g_autoptr(LgsmSearchResults) results = NULL;
  guint n;

  g_return_val_if_fail (LGSM_IS_EXHIBITION (exhibition), 0);
  g_return_val_if_fail (out != NULL, 0);

  results = lgsm_exhibition_search_full (exhibition, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (results));
  for (guint i = 0; i < n; i++)
    {
      LgsmRecord *record = lgsm_search_results_get_record (results, i);

      g_string_append (out, lgsm_record_get_id (record));
      g_string_append_c (out, '\t');
      append_on_one_line (out, lgsm_record_get_title (record));
      g_string_append_c (out, '\n');
    }
  return (int) MIN (n, (guint) G_MAXINT);
}
