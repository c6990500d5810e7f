/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgsm-exhibition-private.h"
#include "lgsm-loader.h"
#include "lgsm-problem-list.h"
#include "lgsm-record-private.h"
#include "lgsm-sections.h"

/* The checks across files, once each file is in: an id is unique (a
 * duplicate is reported and left out), a section lives in one file, links
 * resolve to a record of the right kind (and make the back links), and a
 * link to a record that was left out makes one line for all of them. Every
 * problem found here names its file, line and column, found again in the
 * file's text; a section left empty keeps the first problem of its file,
 * to say why. */

void
lgsm_exhibition_pending_file_free (PendingFile *pf)
{
  g_free (pf->file);
  g_bytes_unref (pf->bytes);
  g_clear_pointer (&pf->index, lgsm_json_index_free);
  g_free (pf);
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

void
lgsm_exhibition_report_file (LgsmExhibition  *self,
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
void
lgsm_exhibition_note_skipped_file (LgsmExhibition *self,
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

void
lgsm_exhibition_skip_file (LgsmExhibition  *self,
                           const char      *file,
                           LgsmRecordError  code,
                           const char      *message)
{
  lgsm_exhibition_report_file (self, file, code, message);
  lgsm_exhibition_note_skipped_file (self, NULL, file);
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

/* ---- sections and ids ------------------------------------------------------ */

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

/* A second file for a section already loaded from @first's: reported,
 * and its records left out. */
static void
reject_section (LgsmExhibition *self,
                LgsmSection    *section,
                LgsmSection    *first)
{
  GListModel *records = lgsm_section_get_records (section);
  guint n = g_list_model_get_n_items (records);
  g_autofree char *message =
    g_strdup_printf ("section “%s” was already loaded from %s; a section lives in one file",
                     lgsm_section_get_id (section), lgsm_section_get_file (first));

  lgsm_exhibition_report_file (self, lgsm_section_get_file (section), LGSM_RECORD_ERROR_BAD_VALUE, message);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
      note_not_loaded (self, record->id, record->file);
    }
}

/* @record has the id of @first, loaded before it. */
static void
report_duplicate (LgsmExhibition *self,
                  LgsmRecord     *record,
                  LgsmRecord     *first)
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

/* Registers a section's ids; a duplicate is reported and left out. */
void
lgsm_exhibition_add_section (LgsmExhibition *self,
                             LgsmSection    *section)
{
  GListModel *records = lgsm_section_get_records (section);
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (records);
  LgsmSection *loaded = lgsm_exhibition_get_section (self, lgsm_section_get_id (section));

  if (loaded != NULL)
    {
      reject_section (self, section, loaded);
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
      report_duplicate (self, record, first);
      g_ptr_array_add (duplicates, g_steal_pointer (&record));
    }
  for (guint i = 0; i < duplicates->len; i++)
    lgsm_section_remove (section, g_ptr_array_index (duplicates, i));

  g_list_store_insert_sorted (self->sections, section, compare_sections, NULL);
}

/* ---- links and back links --------------------------------------------------- */

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

/* ---- once every file is in -------------------------------------------------- */

/* Cross-file checks, once every file is in. A dangling link is reported
 * and the record kept: the views skip links that do not resolve. */
void
lgsm_exhibition_finish_loading (LgsmExhibition *self)
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
  lgsm_exhibition_update_index (self);
}
