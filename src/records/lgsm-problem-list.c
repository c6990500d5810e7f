/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lgsm-problem-list.h"

/* ---- order ------------------------------------------------------------------- */

typedef struct {
  LgsmProblem *problem;
  guint        file;   /* in the order files first appear */
  guint        line;   /* where it goes in its file */
  guint        column;
  guint        index;
} OrderedProblem;

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const OrderedProblem *x = a, *y = b;

  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * lgsm_problems_sort:
 * @n_in_order: how many problems, at the start of @problems, came in the
 *   order of their file (as the loader finds them, record after record)
 *
 * Groups @problems by file, the files in the order they first appear (the
 * order they were read), each file's problems in line order: the first
 * @n_in_order keep their order (a record's problems stay together, in the
 * order they were found, the first of them first), and each later one (a
 * duplicate id, a link, found once every file was read) goes after those
 * before its line.
 */
void
lgsm_problems_sort (GListStore *problems,
                    guint       n_in_order)
{
  GListModel *model = G_LIST_MODEL (problems);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree OrderedProblem *items = g_new (OrderedProblem, MAX (n, 1));
  g_autofree gpointer *sorted = g_new (gpointer, MAX (n, 1));
  g_autoptr(GArray) reached = g_array_new (FALSE, TRUE, sizeof (guint64));  /* by file: line << 32 | column */

  for (guint i = 0; i < n; i++)
    {
      const char *file;
      guint rank;
      guint64 place;

      items[i].problem = g_list_model_get_item (model, i);
      items[i].index = i;
      items[i].line = lgsm_problem_get_line (items[i].problem);
      items[i].column = lgsm_problem_get_column (items[i].problem);
      file = lgsm_problem_get_file (items[i].problem);
      rank = GPOINTER_TO_UINT (g_hash_table_lookup (files, file));
      if (rank == 0)
        {
          rank = g_hash_table_size (files) + 1;
          g_hash_table_insert (files, (gpointer) file, GUINT_TO_POINTER (rank));
          g_array_set_size (reached, rank + 1);
        }
      items[i].file = rank;
      if (i >= n_in_order)
        continue;
      /* in order already: placed where its file has reached, or further */
      place = MAX (g_array_index (reached, guint64, rank), (guint64) items[i].line << 32 | items[i].column);
      g_array_index (reached, guint64, rank) = place;
      items[i].line = (guint) (place >> 32);
      items[i].column = (guint) place;
    }
  qsort (items, n, sizeof *items, compare_problems);
  for (guint i = 0; i < n; i++)
    sorted[i] = items[i].problem;
  g_list_store_splice (problems, 0, n, sorted, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i].problem);
}

/**
 * lgsm_problems_find_file:
 *
 * Returns: (transfer full) (nullable): the first problem of @file
 */
LgsmProblem *
lgsm_problems_find_file (GListModel *problems,
                         const char *file)
{
  guint n = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);

      if (g_strcmp0 (lgsm_problem_get_file (problem), file) == 0)
        return g_steal_pointer (&problem);
    }
  return NULL;
}

/**
 * lgsm_problems_scan_member:
 * @pos: where to start in @text; moved past what was read
 *
 * Looks for "@name": "VALUE" in @text, whatever else it holds (a file
 * json-glib could not read), where VALUE is 1 to 64 lower-case letters,
 * digits and "-" (an id or a section).
 *
 * Returns: (transfer full) (nullable): the next such VALUE, or %NULL at the end
 */
char *
lgsm_problems_scan_member (const char *text,
                           gsize       len,
                           gsize      *pos,
                           const char *name)
{
  const char *end = text + len;
  gsize n = strlen (name);

  while (*pos < len)
    {
      const char *p = memchr (text + *pos, '"', len - *pos);
      const char *start;

      if (p == NULL)
        break;
      *pos = (gsize) (p - text) + 1;
      if ((gsize) (end - p) < n + 2 || memcmp (p + 1, name, n) != 0 || p[n + 1] != '"')
        continue;
      p += n + 2;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p == end || *p++ != ':')
        continue;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p == end || *p++ != '"')
        continue;
      start = p;
      while (p < end && p - start <= 64 && (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
        p++;
      *pos = (gsize) (p - text);
      if (p < end && *p == '"' && p > start && p - start <= 64)
        return g_strndup (start, (gsize) (p - start));
    }
  *pos = len;
  return NULL;
}

/* ---- links to records that were left out --------------------------------------- */

typedef struct {
  char       *file;     /* the file with the links */
  guint       line;     /* of the first of them */
  guint       column;
  guint       n_links;
  GPtrArray  *targets;  /* the ids, each once */
  GHashTable *seen;
  GPtrArray  *files;    /* where the targets were, each once */
} LeftOut;

struct _LgsmLeftOutLinks
{
  GPtrArray *by_file;   /* LeftOut, in the order the files come */
};

static void
left_out_free (LeftOut *lo)
{
  g_free (lo->file);
  g_ptr_array_unref (lo->targets);
  g_hash_table_unref (lo->seen);
  g_ptr_array_unref (lo->files);
  g_free (lo);
}

LgsmLeftOutLinks *
lgsm_left_out_links_new (void)
{
  LgsmLeftOutLinks *self = g_new0 (LgsmLeftOutLinks, 1);

  self->by_file = g_ptr_array_new_with_free_func ((GDestroyNotify) left_out_free);
  return self;
}

void
lgsm_left_out_links_free (LgsmLeftOutLinks *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->by_file);
  g_free (self);
}

static LeftOut *
find_file (LgsmLeftOutLinks *self,
           const char       *file)
{
  /* links come record by record: mostly the last file */
  for (guint i = self->by_file->len; i-- > 0;)
    {
      LeftOut *lo = g_ptr_array_index (self->by_file, i);
      if (strcmp (lo->file, file) == 0)
        return lo;
    }
  return NULL;
}

/**
 * lgsm_left_out_links_add:
 * @file: the file with the link
 * @target: the id it points at
 * @target_file: the file where that record was, and was left out
 *
 * Returns: %TRUE for the first link of @file: give its place with
 * lgsm_left_out_links_set_place()
 */
gboolean
lgsm_left_out_links_add (LgsmLeftOutLinks *self,
                         const char       *file,
                         const char       *target,
                         const char       *target_file)
{
  LeftOut *lo = find_file (self, file);
  gboolean first = lo == NULL;
  char *id;

  if (lo == NULL)
    {
      lo = g_new0 (LeftOut, 1);
      lo->file = g_strdup (file);
      lo->targets = g_ptr_array_new_with_free_func (g_free);
      lo->seen = g_hash_table_new (g_str_hash, g_str_equal);
      lo->files = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->by_file, lo);
    }
  lo->n_links++;
  if (g_hash_table_contains (lo->seen, target))
    return first;
  id = g_strdup (target);
  g_ptr_array_add (lo->targets, id);
  g_hash_table_add (lo->seen, id);
  if (!g_ptr_array_find_with_equal_func (lo->files, target_file, g_str_equal, NULL))
    g_ptr_array_add (lo->files, g_strdup (target_file));
  return first;
}

void
lgsm_left_out_links_set_place (LgsmLeftOutLinks *self,
                               const char       *file,
                               guint             line,
                               guint             column)
{
  LeftOut *lo = find_file (self, file);

  g_return_if_fail (lo != NULL);
  lo->line = line;
  lo->column = column;
}

/**
 * lgsm_left_out_links_report:
 *
 * Adds one problem to @problems for each file with links to records that
 * were left out, at the first of them: "3 links point at records that were
 * not loaded: a, b, c (see the problems of people.json)".
 */
void
lgsm_left_out_links_report (LgsmLeftOutLinks *self,
                            GListStore       *problems)
{
  for (guint f = 0; f < self->by_file->len; f++)
    {
      LeftOut *lo = g_ptr_array_index (self->by_file, f);
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autoptr(GString) files = g_string_new (NULL);
      g_autoptr(LgsmProblem) problem = NULL;
      g_autofree char *message = NULL;

      for (guint i = 0; i < lo->targets->len && i < 10; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (lo->targets, i));
      if (lo->targets->len > 10)
        g_string_append (ids, ", …");
      for (guint i = 0; i < lo->files->len; i++)
        g_string_append_printf (files, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (lo->files, i));
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: how many links, the record ids they
                                               * point at, and the files where those records are
                                               * (each of them has a problem of its own) */
                                              "%u link points at a record that was not loaded: %s (see the problems of %s)",
                                              "%u links point at records that were not loaded: %s (see the problems of %s)",
                                              lo->n_links),
                                 lo->n_links, ids->str, files->str);
      problem = lgsm_problem_new (lo->file, lo->line, lo->column, NULL, NULL,
                                  LGSM_RECORD_ERROR_DANGLING_LINK, message);
      g_list_store_append (problems, problem);
    }
}
