/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgsm-exhibition-private.h"
#include "lgsm-loader.h"

/* Loading the exhibition: the records bundled in the app's resources, or
 * every "*.json" of a records folder (never a file that leads outside it,
 * nor one that is not a regular file or is too large), in a worker thread
 * for a large archive. Each file is parsed by the loader, then the checks
 * across files run (lgsm-exhibition-checks.c) and the search index is
 * built. */

/* One file: kept for the checks across files, parsed, and its section
 * added, or what it meant to hold noted. */
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
    lgsm_exhibition_add_section (self, section);
  else
    lgsm_exhibition_note_skipped_file (self, bytes, file);
}

/* ---- the bundle ------------------------------------------------------------ */

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
  lgsm_exhibition_finish_loading (self);
  return TRUE;
}

/* ---- a records folder ------------------------------------------------------ */

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
      lgsm_exhibition_skip_file (self, path, LGSM_RECORD_ERROR_IO, "the file leads outside the records folder");
      return;
    }
  if (g_stat (real, &st) != 0 || !S_ISREG (st.st_mode))
    {
      lgsm_exhibition_skip_file (self, path, LGSM_RECORD_ERROR_IO, "not a regular file");
      return;
    }
  if (st.st_size > LGSM_LOADER_MAX_FILE_SIZE)
    {
      g_autofree char *message =
        g_strdup_printf ("the file is %" G_GINT64_FORMAT " bytes; the limit is %d MiB",
                         (gint64) st.st_size, LGSM_LOADER_MAX_FILE_SIZE / (1024 * 1024));
      lgsm_exhibition_skip_file (self, path, LGSM_RECORD_ERROR_TOO_LARGE, message);
      return;
    }

  file = g_file_new_for_path (real);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      lgsm_exhibition_skip_file (self, path, LGSM_RECORD_ERROR_IO, error->message);
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
    lgsm_exhibition_report_file (self, folder, LGSM_RECORD_ERROR_IO, "the folder holds no “.json” records file");
  lgsm_exhibition_finish_loading (self);
  return TRUE;
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
