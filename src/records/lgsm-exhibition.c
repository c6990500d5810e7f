/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgsm-exhibition.h"
#include "lgsm-json-locate.h"
#include "lgsm-loader.h"
#include "lgsm-problem-list.h"
#include "lgsm-record-private.h"
#include "lgsm-search-index.h"
#include "lgsm-sections.h"

/* The whole exhibition: every section's records, checked across files
 * (unique ids, links that resolve), with lookup, back links and search. */
struct _LgsmExhibition
{
  GObject     parent_instance;
  char       *domain;
  GListStore *sections;
  GListStore *problems;
  GHashTable *by_id;      /* id → LgsmRecord (owned by its section) */
  GHashTable *backlinks;  /* id → GPtrArray of LgsmRecord */
  GPtrArray  *pending;    /* PendingFile, until the cross-file checks ran */
  LgsmSearchIndex *index;
  gboolean    defer_index;       /* built after loading, by lgsm_exhibition_build_index_async() */
  GHashTable *not_loaded;        /* id → file: records left out, or in a file left out */
  GHashTable *skipped_sections;  /* section id → file that could not be read */
  GHashTable *section_problems;  /* section id → LgsmProblem: why it is empty */
  GPtrArray  *later;             /* LgsmProblem found here, placed by line at the end */
};

G_DEFINE_FINAL_TYPE (LgsmExhibition, lgsm_exhibition, G_TYPE_OBJECT)

typedef struct {
  char          *file;
  GBytes        *bytes;
  LgsmJsonIndex *index;
} PendingFile;

static void
pending_file_free (PendingFile *pf)
{
  g_free (pf->file);
  g_bytes_unref (pf->bytes);
  g_clear_pointer (&pf->index, lgsm_json_index_free);
  g_free (pf);
}

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
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_file_free);
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

/* ---- problems found across files ---------------------------------------- */

static PendingFile *
find_pending (LgsmExhibition *self,
              const char     *file)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingFile *pf = g_ptr_array_index (self->pending, i);
      if (g_strcmp0 (pf->file, file) == 0)
        return pf;
    }
  return NULL;
}

/* Where @field of @record is in its file (0 when the file is gone). */
static void
locate (LgsmExhibition *self,
        LgsmRecord     *record,
        const char     *field,
        guint          *line,
        guint          *column)
{
  PendingFile *pf = find_pending (self, record->file);

  *line = *column = 0;
  if (pf != NULL)
    {
      gsize len;
      const char *text = g_bytes_get_data (pf->bytes, &len);

      if (pf->index == NULL)
        pf->index = lgsm_json_index_new (text, len);
      lgsm_json_index_locate (pf->index, (int) record->index, field, line, column);
    }
}

G_GNUC_PRINTF (5, 6) static void
report_record (LgsmExhibition  *self,
               LgsmRecord      *record,
               const char      *field,
               LgsmRecordError  code,
               const char      *format,
               ...)
{
  g_autoptr(LgsmProblem) problem = NULL;
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  locate (self, record, field, &line, &column);
  problem = lgsm_problem_new (record->file, line, column, record->id, field, code, message);
  g_ptr_array_add (self->later, g_steal_pointer (&problem));
}

static void
report_file (LgsmExhibition  *self,
             const char      *file,
             LgsmRecordError  code,
             const char      *message)
{
  g_ptr_array_add (self->later, lgsm_problem_new (file, 0, 0, NULL, NULL, code, message));
}

/* ---- what was left out ------------------------------------------------------ */

static void
note_not_loaded (LgsmExhibition *self,
                 const char     *id,
                 const char     *file)
{
  if (!g_hash_table_contains (self->not_loaded, id))
    g_hash_table_insert (self->not_loaded, g_strdup (id), (gpointer) g_intern_string (file));
}

/* A file that could not be read: the ids its text names, so that links to
 * them make one line rather than a problem each, and the section it was
 * meant to hold ("section", else the file's name), so that its tab can say
 * why it is empty. */
static void
note_skipped_file (LgsmExhibition *self,
                   GBytes         *bytes,
                   const char     *file)
{
  gsize len = 0, pos = 0;
  const char *text = bytes ? g_bytes_get_data (bytes, &len) : NULL;
  g_autofree char *section = NULL;
  char *id;

  while (text && (id = lgsm_problems_scan_member (text, len, &pos, "id")) != NULL)
    {
      note_not_loaded (self, id, file);
      g_free (id);
    }
  pos = 0;
  section = text ? lgsm_problems_scan_member (text, len, &pos, "section") : NULL;
  if (section == NULL || !lgsm_section_id_is_known (section))
    {
      g_autofree char *base = g_path_get_basename (file);

      g_clear_pointer (&section, g_free);
      if (g_str_has_suffix (base, ".json"))
        section = g_strndup (base, strlen (base) - strlen (".json"));
    }
  if (section && lgsm_section_id_is_known (section) &&
      !g_hash_table_contains (self->skipped_sections, section))
    g_hash_table_insert (self->skipped_sections, g_steal_pointer (&section),
                         (gpointer) g_intern_string (file));
}

static void
skip_file (LgsmExhibition  *self,
           const char      *file,
           LgsmRecordError  code,
           const char      *message)
{
  report_file (self, file, code, message);
  note_skipped_file (self, NULL, file);
}

/* For each section that has no records: the first problem of its file. */
static void
explain_empty_sections (LgsmExhibition *self)
{
  GListModel *problems = G_LIST_MODEL (self->problems);
  guint n_sections = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  GHashTableIter iter;
  gpointer id, file;

  g_hash_table_remove_all (self->section_problems);
  g_hash_table_iter_init (&iter, self->skipped_sections);
  while (g_hash_table_iter_next (&iter, &id, &file))
    {
      LgsmSection *section = lgsm_exhibition_get_section (self, id);
      LgsmProblem *problem;

      if (section && g_list_model_get_n_items (lgsm_section_get_records (section)) > 0)
        continue;
      if ((problem = lgsm_problems_find_file (problems, file)) != NULL)
        g_hash_table_insert (self->section_problems, g_strdup (id), problem);
    }
  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), s);
      const char *id = lgsm_section_get_id (section);
      LgsmProblem *problem;

      if (g_list_model_get_n_items (lgsm_section_get_records (section)) > 0 ||
          g_hash_table_contains (self->section_problems, id))
        continue;
      if ((problem = lgsm_problems_find_file (problems, lgsm_section_get_file (section))) != NULL)
        g_hash_table_insert (self->section_problems, g_strdup (id), problem);
    }
}

/* ---- loading -------------------------------------------------------------- */

static int
section_rank (LgsmSection *section)
{
  return lgsm_sections_rank (lgsm_section_get_id (section));
}

static int
compare_sections (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return section_rank ((LgsmSection *) a) - section_rank ((LgsmSection *) b);
}

/* Registers a section's ids; a duplicate is reported and left out. */
static void
add_section (LgsmExhibition *self,
             LgsmSection    *section)
{
  GListModel *records = lgsm_section_get_records (section);
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (records);

  if (lgsm_exhibition_get_section (self, lgsm_section_get_id (section)) != NULL)
    {
      LgsmSection *first = lgsm_exhibition_get_section (self, lgsm_section_get_id (section));
      g_autofree char *message =
        g_strdup_printf ("section “%s” was already loaded from %s; a section lives in one file",
                         lgsm_section_get_id (section), lgsm_section_get_file (first));
      report_file (self, lgsm_section_get_file (section), LGSM_RECORD_ERROR_BAD_VALUE, message);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          note_not_loaded (self, record->id, record->file);
        }
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
      LgsmRecord *first = g_hash_table_lookup (self->by_id, record->id);

      if (first == NULL)
        {
          g_hash_table_insert (self->by_id, (gpointer) record->id, record);
          continue;
        }
      {
        guint line, column;

        locate (self, first, "id", &line, &column);
        if (line > 0)
          report_record (self, record, "id", LGSM_RECORD_ERROR_DUPLICATE_ID,
                         /* Translators: a record id, the title of the record that has it
                          * first, and where that one is (FILE:LINE) */
                         _("“%s” is already the id of “%s” at %s:%u"), record->id, first->title, first->file, line);
        else
          report_record (self, record, "id", LGSM_RECORD_ERROR_DUPLICATE_ID,
                         /* Translators: a record id, the title of the record that has it
                          * first, and the file it is in */
                         _("“%s” is already the id of “%s” in %s"), record->id, first->title, first->file);
      }
      g_ptr_array_add (duplicates, g_steal_pointer (&record));
    }
  for (guint i = 0; i < duplicates->len; i++)
    lgsm_section_remove (section, g_ptr_array_index (duplicates, i));

  g_list_store_insert_sorted (self->sections, section, compare_sections, NULL);
}

static void
load_bytes (LgsmExhibition *self,
            LgsmLoader     *loader,
            GBytes         *bytes,
            const char     *file)
{
  g_autoptr(LgsmSection) section = NULL;
  PendingFile *pf = g_new0 (PendingFile, 1);

  pf->file = g_strdup (file);
  pf->bytes = g_bytes_ref (bytes);
  g_ptr_array_add (self->pending, pf);

  section = lgsm_loader_load_bytes (loader, bytes, file, self->problems);
  if (section != NULL)
    add_section (self, section);
  else
    note_skipped_file (self, bytes, file);
}

static void
add_backlink (LgsmExhibition *self,
              const char     *target,
              LgsmRecord     *from)
{
  GPtrArray *list = g_hash_table_lookup (self->backlinks, target);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->backlinks, (gpointer) target, list);
    }
  if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != from)
    g_ptr_array_add (list, from);
}

static void
check_links (LgsmExhibition     *self,
             LgsmLeftOutLinks   *left_out,
             LgsmRecord         *record,
             const char * const *links,
             const char         *field,
             int                 wanted_kind)
{
  guint n_bad = 0;

  for (guint i = 0; links && links[i]; i++)
    {
      LgsmRecord *target = g_hash_table_lookup (self->by_id, links[i]);
      char path[64];

      g_snprintf (path, sizeof path, "%s.%u", field, i);
      if (target == NULL && g_hash_table_contains (self->not_loaded, links[i]))
        {
          /* its record has a problem of its own: one line for all of these */
          if (lgsm_left_out_links_add (left_out, record->file, links[i],
                                       g_hash_table_lookup (self->not_loaded, links[i])))
            {
              guint line, column;

              locate (self, record, path, &line, &column);
              lgsm_left_out_links_set_place (left_out, record->file, line, column);
            }
          continue;
        }
      if ((target == NULL || (wanted_kind >= 0 && target->kind != (LgsmRecordKind) wanted_kind)) &&
          ++n_bad > LGSM_LOADER_MAX_PROBLEMS_PER_RECORD)
        continue;  /* counted below */
      if (target == NULL)
        report_record (self, record, path, LGSM_RECORD_ERROR_DANGLING_LINK,
                       "no record has the id “%s”", links[i]);
      else if (wanted_kind >= 0 && target->kind != (LgsmRecordKind) wanted_kind)
        report_record (self, record, path, LGSM_RECORD_ERROR_DANGLING_LINK,
                       "“%s” is a record of kind “%s”, not “%s”", links[i],
                       lgsm_record_kind_to_string (target->kind),
                       lgsm_record_kind_to_string ((LgsmRecordKind) wanted_kind));
      else
        add_backlink (self, target->id, record);
    }
  if (n_bad > LGSM_LOADER_MAX_PROBLEMS_PER_RECORD)
    report_record (self, record, field, LGSM_RECORD_ERROR_DANGLING_LINK,
                   "and %u more links that do not resolve, not listed one by one",
                   n_bad - LGSM_LOADER_MAX_PROBLEMS_PER_RECORD);
}

static LgsmSearchIndex *build_index (LgsmExhibition *self);

/* Cross-file checks, once every file is in. A dangling link is reported
 * and the record kept: the views skip links that do not resolve. */
static void
finish_loading (LgsmExhibition *self)
{
  guint n_sections = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  g_autoptr(LgsmLeftOutLinks) left_out = lgsm_left_out_links_new ();
  guint n_in_order = g_list_model_get_n_items (G_LIST_MODEL (self->problems));

  g_hash_table_remove_all (self->backlinks);
  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), s);
      GListModel *records = lgsm_section_get_records (section);
      guint n = g_list_model_get_n_items (records);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);

          check_links (self, left_out, record, (const char * const *) record->places, "places", LGSM_RECORD_KIND_PLACE);
          check_links (self, left_out, record, (const char * const *) record->people, "people", LGSM_RECORD_KIND_PERSON);
          check_links (self, left_out, record, (const char * const *) record->see_also, "see-also", -1);
        }
    }
  lgsm_left_out_links_report (left_out, self->problems);
  g_list_store_splice (self->problems, g_list_model_get_n_items (G_LIST_MODEL (self->problems)), 0,
                       self->later->pdata, self->later->len);
  g_ptr_array_set_size (self->later, 0);
  g_ptr_array_set_size (self->pending, 0);
  lgsm_problems_sort (self->problems, n_in_order);
  explain_empty_sections (self);

  g_clear_pointer (&self->index, lgsm_search_index_unref);
  if (!self->defer_index)
    self->index = build_index (self);
}

static char *
resolve_resource (const char  *path,
                  gpointer     user_data,
                  GError     **error)
{
  const char *prefix = user_data;
  g_autofree char *full = g_strconcat (prefix, path, NULL);
  g_autofree char *escaped = NULL;

  if (!g_resources_get_info (full, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    {
      g_set_error (error, LGSM_RECORD_ERROR, LGSM_RECORD_ERROR_BAD_IMAGE,
                   "there is no image “%s” in the application's bundle", path);
      return NULL;
    }
  escaped = g_uri_escape_string (full, "/", FALSE);
  return g_strconcat ("resource://", escaped, NULL);
}

/**
 * lgsm_exhibition_load_resources:
 * @prefix: a resource folder, e.g. "/org/lgsm/Exhibition/", whose "seeds/"
 *   holds the records and against which image paths resolve
 *
 * Returns: %FALSE only when no records folder exists in the bundle; problems
 * in the records themselves are in lgsm_exhibition_get_problems().
 */
gboolean
lgsm_exhibition_load_resources (LgsmExhibition  *self,
                                const char      *prefix,
                                GError         **error)
{
  g_autoptr(LgsmLoader) loader = lgsm_loader_new ();
  g_autofree char *seeds = g_strconcat (prefix, "seeds/", NULL);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), FALSE);

  names = g_resources_enumerate_children (seeds, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;

  lgsm_loader_set_translation_domain (loader, self->domain);
  lgsm_loader_set_rejected_ids (loader, self->not_loaded);
  lgsm_loader_set_image_resolver (loader, resolve_resource, g_strdup (prefix), g_free);
  qsort (names, g_strv_length (names), sizeof (char *), (int (*)(const void *, const void *)) g_strcmp0);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (seeds, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;
      load_bytes (self, loader, bytes, path);
    }
  finish_loading (self);
  return TRUE;
}

typedef struct {
  char *folder;          /* real path, no trailing slash */
  char *fallback_prefix; /* resource prefix, or NULL */
} FolderResolver;

static void
folder_resolver_free (FolderResolver *fr)
{
  g_free (fr->folder);
  g_free (fr->fallback_prefix);
  g_free (fr);
}

static gboolean
is_inside (const char *folder,
           const char *path)
{
  gsize n = strlen (folder);
  return strncmp (path, folder, n) == 0 && path[n] == G_DIR_SEPARATOR;
}

static char *
resolve_in_folder (const char  *path,
                   gpointer     user_data,
                   GError     **error)
{
  FolderResolver *fr = user_data;
  g_autofree char *candidate = g_build_filename (fr->folder, path, NULL);
  g_autofree char *real = realpath (candidate, NULL);

  if (real != NULL)
    {
      if (!is_inside (fr->folder, real))
        {
          g_set_error (error, LGSM_RECORD_ERROR, LGSM_RECORD_ERROR_BAD_IMAGE,
                       "“%s” leads outside the records folder", path);
          return NULL;
        }
      if (g_file_test (real, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (real, NULL, error);
    }
  if (fr->fallback_prefix)
    return resolve_resource (path, fr->fallback_prefix, error);

  g_set_error (error, LGSM_RECORD_ERROR, LGSM_RECORD_ERROR_BAD_IMAGE,
               "there is no image “%s” in the records folder", path);
  return NULL;
}

static int
compare_file_names (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
load_folder_file (LgsmExhibition *self,
                  LgsmLoader     *loader,
                  const char     *folder,
                  const char     *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *real = realpath (path, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (real == NULL || !is_inside (folder, real))
    {
      skip_file (self, path, LGSM_RECORD_ERROR_IO, "the file leads outside the records folder");
      return;
    }
  if (g_stat (real, &st) != 0 || !S_ISREG (st.st_mode))
    {
      skip_file (self, path, LGSM_RECORD_ERROR_IO, "not a regular file");
      return;
    }
  if (st.st_size > LGSM_LOADER_MAX_FILE_SIZE)
    {
      g_autofree char *message =
        g_strdup_printf ("the file is %" G_GINT64_FORMAT " bytes; the limit is %d MiB",
                         (gint64) st.st_size, LGSM_LOADER_MAX_FILE_SIZE / (1024 * 1024));
      skip_file (self, path, LGSM_RECORD_ERROR_TOO_LARGE, message);
      return;
    }

  file = g_file_new_for_path (real);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      skip_file (self, path, LGSM_RECORD_ERROR_IO, error->message);
      return;
    }
  load_bytes (self, loader, bytes, path);
}

/**
 * lgsm_exhibition_load_directory:
 * @fallback_prefix: (nullable): a resource prefix whose images may be used
 *   when the folder has no image of that name
 *
 * Loads every "*.json" in @directory, in name order. Returns %FALSE only when
 * the folder itself cannot be read.
 */
gboolean
lgsm_exhibition_load_directory (LgsmExhibition  *self,
                                GFile           *directory,
                                const char      *fallback_prefix,
                                GError         **error)
{
  g_autoptr(LgsmLoader) loader = lgsm_loader_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_file_get_path (directory);
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  FolderResolver *fr;
  const char *name;

  g_return_val_if_fail (LGSM_IS_EXHIBITION (self), FALSE);

  folder = path ? realpath (path, NULL) : NULL;
  if (folder == NULL)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot open the records folder “%s”: %s", path ? path : "?", g_strerror (saved));
      return FALSE;
    }
  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_file_names);

  fr = g_new0 (FolderResolver, 1);
  fr->folder = g_strdup (folder);
  fr->fallback_prefix = g_strdup (fallback_prefix);
  lgsm_loader_set_translation_domain (loader, self->domain);
  lgsm_loader_set_rejected_ids (loader, self->not_loaded);
  lgsm_loader_set_image_resolver (loader, resolve_in_folder, fr, (GDestroyNotify) folder_resolver_free);

  for (guint i = 0; i < names->len; i++)
    load_folder_file (self, loader, folder, g_ptr_array_index (names, i));
  if (names->len == 0)
    report_file (self, folder, LGSM_RECORD_ERROR_IO, "the folder holds no “.json” records file");
  finish_loading (self);
  return TRUE;
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

/* ---- loading off the main thread ------------------------------------------ */

typedef struct {
  GFile *directory;
  char  *fallback_prefix;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->directory);
  g_free (job->fallback_prefix);
  g_free (job);
}

static void
load_directory_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;

  if (lgsm_exhibition_load_directory (source_object, job->directory, job->fallback_prefix, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * lgsm_exhibition_load_directory_async:
 *
 * lgsm_exhibition_load_directory() in a worker thread, so that a window can
 * be on screen while a large archive loads. Do not touch @self until
 * @callback has run.
 */
void
lgsm_exhibition_load_directory_async (LgsmExhibition      *self,
                                      GFile               *directory,
                                      const char          *fallback_prefix,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  LoadJob *job = g_new0 (LoadJob, 1);

  g_return_if_fail (LGSM_IS_EXHIBITION (self));

  job->directory = g_object_ref (directory);
  job->fallback_prefix = g_strdup (fallback_prefix);
  g_task_set_source_tag (task, lgsm_exhibition_load_directory_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_directory_thread);
}

gboolean
lgsm_exhibition_load_directory_finish (LgsmExhibition  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
