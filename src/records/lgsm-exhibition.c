/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-exhibition-private.h"

/* The whole exhibition: every section's records, checked across files
 * (unique ids, links that resolve), with lookup, back links and search.
 * This file holds the object and what it answers; lgsm-exhibition-load.c
 * loads it, and lgsm-exhibition-checks.c checks what was loaded. */

G_DEFINE_FINAL_TYPE (LgsmExhibition, lgsm_exhibition, G_TYPE_OBJECT)

static void
lgsm_exhibition_finalize (GObject *object)
{
  LgsmExhibition *self = LGSM_EXHIBITION (object);

  g_free (self->domain);
  g_clear_object (&self->sections);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->backlinks, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->index, lgsm_search_index_unref);
  g_clear_pointer (&self->not_loaded, g_hash_table_unref);
  g_clear_pointer (&self->skipped_sections, g_hash_table_unref);
  g_clear_pointer (&self->section_problems, g_hash_table_unref);
  g_clear_pointer (&self->later, g_ptr_array_unref);

  G_OBJECT_CLASS (lgsm_exhibition_parent_class)->finalize (object);
}

static void
lgsm_exhibition_class_init (LgsmExhibitionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgsm_exhibition_finalize;
}

static void
lgsm_exhibition_init (LgsmExhibition *self)
{
  self->sections = g_list_store_new (LGSM_TYPE_SECTION);
  self->problems = g_list_store_new (LGSM_TYPE_PROBLEM);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->backlinks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) lgsm_exhibition_pending_file_free);
  self->not_loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->skipped_sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->section_problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->later = g_ptr_array_new_with_free_func (g_object_unref);
}

LgsmExhibition *
lgsm_exhibition_new (void)
{
  return g_object_new (LGSM_TYPE_EXHIBITION, NULL);
}

void
lgsm_exhibition_set_translation_domain (LgsmExhibition *self,
                                        const char     *domain)
{
  g_return_if_fail (LGSM_IS_EXHIBITION (self));
  g_free (self->domain);
  self->domain = g_strdup (domain);
}

/* ---- queries -------------------------------------------------------------- */

/* The sections in exhibition order (history, outlook, legacy, twinning,
 * people, places), as a GListModel of LgsmSection. */
GListModel *
lgsm_exhibition_get_sections (LgsmExhibition *self)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);
  return G_LIST_MODEL (self->sections);
}

LgsmSection *
lgsm_exhibition_get_section (LgsmExhibition *self,
                             const char     *id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);

  model = G_LIST_MODEL (self->sections);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (model, i);
      if (g_strcmp0 (lgsm_section_get_id (section), id) == 0)
        return section;  /* still owned by the list */
    }
  return NULL;
}

GListModel *
lgsm_exhibition_get_problems (LgsmExhibition *self)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);
  return G_LIST_MODEL (self->problems);
}

guint
lgsm_exhibition_get_n_records (LgsmExhibition *self)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), 0);
  return g_hash_table_size (self->by_id);
}

LgsmRecord *
lgsm_exhibition_lookup (LgsmExhibition *self,
                        const char     *id)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/**
 * lgsm_exhibition_get_backlinks:
 *
 * Returns: (transfer full): the records that link to @id, in no set order
 */
GListModel *
lgsm_exhibition_get_backlinks (LgsmExhibition *self,
                               const char     *id)
{
  GListStore *store;
  GPtrArray *list;

  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);

  store = g_list_store_new (LGSM_TYPE_RECORD);
  list = id ? g_hash_table_lookup (self->backlinks, id) : NULL;
  if (list)
    g_list_store_splice (store, 0, 0, list->pdata, list->len);
  return G_LIST_MODEL (store);
}

/**
 * lgsm_exhibition_get_section_problem:
 * @section_id: a section's id, e.g. "people"
 *
 * Why a section has no records: the first problem of the file that should
 * have held it (a file that could not be read, or whose every record has a
 * problem).
 *
 * Returns: (transfer none) (nullable): the problem, or %NULL when the
 * section has records or no file was meant to hold it
 */
LgsmProblem *
lgsm_exhibition_get_section_problem (LgsmExhibition *self,
                                     const char     *section_id)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);
  return section_id ? g_hash_table_lookup (self->section_problems, section_id) : NULL;
}

/* The records in exhibition order. */
static GPtrArray *
all_records (LgsmExhibition *self)
{
  GListModel *sections = G_LIST_MODEL (self->sections);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *list = lgsm_section_get_records (section);
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (records, g_list_model_get_item (list, i));
    }
  return records;
}

/* The records in exhibition order, with the names of what they link to. */
static LgsmSearchIndex *
build_index (LgsmExhibition *self)
{
  g_autoptr(GPtrArray) records = all_records (self);

  return lgsm_search_index_new (records, self->by_id);
}

/* Once loaded: the index of the records as they are now, unless it is
 * deferred. */
void
lgsm_exhibition_update_index (LgsmExhibition *self)
{
  g_clear_pointer (&self->index, lgsm_search_index_unref);
  if (!self->defer_index)
    self->index = build_index (self);
}

/**
 * lgsm_exhibition_set_index_deferred:
 *
 * Loading leaves the search index out: the records can be shown first,
 * and the index built after (lgsm_exhibition_build_index_async()), or when
 * first searched.
 */
void
lgsm_exhibition_set_index_deferred (LgsmExhibition *self,
                                    gboolean        deferred)
{
  g_return_if_fail (LGSM_IS_EXHIBITION (self));
  self->defer_index = deferred;
}

gboolean
lgsm_exhibition_has_index (LgsmExhibition *self)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), FALSE);
  return self->index != NULL;
}

typedef struct {
  GPtrArray  *records;
  GHashTable *by_id;
} IndexJob;

static void
index_job_free (IndexJob *job)
{
  g_ptr_array_unref (job->records);
  g_hash_table_unref (job->by_id);
  g_free (job);
}

static void
build_index_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  IndexJob *job = data;

  g_task_return_pointer (task, lgsm_search_index_new (job->records, job->by_id),
                         (GDestroyNotify) lgsm_search_index_unref);
}

static void
on_index_built (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LgsmExhibition *self = LGSM_EXHIBITION (source);
  LgsmSearchIndex *index = g_task_propagate_pointer (G_TASK (result), NULL);

  /* a search meanwhile may have built one in place */
  if (self->index == NULL)
    self->index = index;
  else if (index)
    lgsm_search_index_unref (index);
}

/* Builds the search index in a worker thread, for records loaded with the
 * index deferred; the records are not changed meanwhile (they never are
 * once loaded). */
void
lgsm_exhibition_build_index_async (LgsmExhibition *self)
{
  g_autoptr(GTask) task = NULL;
  IndexJob *job;

  g_return_if_fail (LGSM_IS_EXHIBITION (self));

  if (self->index)
    return;
  job = g_new0 (IndexJob, 1);
  job->records = all_records (self);
  job->by_id = g_hash_table_ref (self->by_id);
  task = g_task_new (self, NULL, on_index_built, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) index_job_free);
  g_task_run_in_thread (task, build_index_thread);
}

/**
 * lgsm_exhibition_get_search_index:
 *
 * Returns: (transfer none): the index of the records' text, built when they
 * were loaded (in the loading thread)
 */
LgsmSearchIndex *
lgsm_exhibition_get_search_index (LgsmExhibition *self)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);
  if (self->index == NULL)
    self->index = build_index (self);
  return self->index;
}

/**
 * lgsm_exhibition_search_full:
 * @query: words to find in the records' title, summary, body, the names of
 *   their people and places, their date, image description and sources
 *
 * See lgsm_search_index_query().
 *
 * Returns: (transfer full): the matching records, best first, with the
 * matched words and, when nothing matched, a suggestion
 */
LgsmSearchResults *
lgsm_exhibition_search_full (LgsmExhibition *self,
                             const char     *query)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);
  return lgsm_search_index_query (lgsm_exhibition_get_search_index (self), query);
}

/**
 * lgsm_exhibition_search:
 * @query: words that must all be found, from their start, in a record's
 *   text (case, accents and small typos do not matter)
 *
 * Returns: (transfer full): the matching records, best first (an
 * #LgsmSearchResults)
 */
GListModel *
lgsm_exhibition_search (LgsmExhibition *self,
                        const char     *query)
{
  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), NULL);
  return G_LIST_MODEL (lgsm_exhibition_search_full (self, query));
}
