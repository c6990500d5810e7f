/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-application-private.h"
#include "lgsm-context.h"

/* A curator's records folder, watched: after a change has settled, the
 * folder is loaded again in a worker thread and the context switches to
 * the new records — in a kiosk only at its next idle reset. If the folder
 * cannot be read at all, the records on show stay, and the problems say
 * why. The reload action (app.reload-records) does the same on demand. */

#define SETTLE_MS 800

typedef struct {
  LgsmApplication *app;
  LgsmExhibition  *old;
} Reload;

static char *
describe_change (LgsmExhibition *old,
                 LgsmExhibition *new)
{
  guint before = old ? lgsm_exhibition_get_n_records (old) : 0;
  guint after = lgsm_exhibition_get_n_records (new);
  guint problems = g_list_model_get_n_items (lgsm_exhibition_get_problems (new));
  g_autofree char *records = NULL;
  g_autofree char *issues = NULL;

  /* Translators: after the records folder was loaded again: how many records
   * were shown before and now, e.g. "61 records before, 62 now" */
  records = g_strdup_printf (ngettext ("%2$u record now (%1$u before)", "%2$u records now (%1$u before)", after),
                             before, after);
  /* Translators: the second %s of "The records folder changed and was loaded again: %s; %s" */
  issues = g_strdup_printf (ngettext ("%u problem", "%u problems", problems), problems);
  /* Translators: the records folder changed and was loaded again; then how
   * many records and how many problems */
  return g_strdup_printf (_("The records folder changed and was loaded again: %s; %s"), records, issues);
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reload *reload = user_data;
  LgsmApplication *self = reload->app;
  LgsmExhibition *new = LGSM_EXHIBITION (source);
  g_autoptr(GError) error = NULL;

  self->reloading = FALSE;
  if (!lgsm_exhibition_load_directory_finish (new, result, &error))
    {
      /* nothing could be read: keep what is shown, and say so */
      LgsmExhibition *shown = lgsm_context_get_exhibition (self->context);
      /* Translators: the records folder could not be read again; %s says why */
      g_autofree char *text = g_strdup_printf (_("The records folder could not be read again, so the records "
                                                 "loaded before are still shown: %s"), error->message);
      g_autoptr(LgsmProblem) problem =
        lgsm_problem_new (lgsm_context_get_records_dir (self->context), 0, 0, NULL, NULL, LGSM_RECORD_ERROR_IO, text);

      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE", "%s", text, NULL);
      if (shown)
        g_list_store_append (G_LIST_STORE (lgsm_exhibition_get_problems (shown)), problem);
      lgsm_context_set_reload_summary (self->context, text);
    }
  else
    {
      g_autofree char *summary = describe_change (reload->old, new);

      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE", "%s", summary, NULL);
      lgsm_context_set_reload_summary (self->context, summary);
      if (lgsm_context_get_kiosk (self->context))
        lgsm_context_set_pending_exhibition (self->context, new);
      else
        lgsm_context_set_exhibition (self->context, new);
      lgsm_exhibition_build_index_async (new);
    }
  g_clear_object (&reload->old);
  g_object_unref (reload->app);
  g_free (reload);
  if (self->reload_again)
    {
      self->reload_again = FALSE;
      lgsm_application_reload_records (self);
    }
}

/* Loads the records folder again (no-op for the bundled records). */
void
lgsm_application_reload_records (LgsmApplication *self)
{
  const char *dir = lgsm_context_get_records_dir (self->context);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(GFile) folder = NULL;
  Reload *reload;

  if (dir == NULL)
    return;
  if (self->reloading)
    {
      self->reload_again = TRUE;  /* after this one: the folder changed meanwhile */
      return;
    }
  self->reloading = TRUE;
  reload = g_new0 (Reload, 1);
  reload->app = g_object_ref (self);
  reload->old = lgsm_context_get_exhibition (self->context)
    ? g_object_ref (lgsm_context_get_exhibition (self->context)) : NULL;
  exhibition = lgsm_exhibition_new ();
  lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  lgsm_exhibition_set_index_deferred (exhibition, TRUE);
  folder = g_file_new_for_commandline_arg (dir);
  lgsm_exhibition_load_directory_async (exhibition, folder, RESOURCE_PREFIX, NULL, on_reloaded, reload);
}

static gboolean
on_settled (gpointer data)
{
  LgsmApplication *self = data;

  self->reload_timeout = 0;
  lgsm_application_reload_records (self);
  return G_SOURCE_REMOVE;
}

static void
on_folder_changed (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   LgsmApplication   *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)
    return;
  /* an editor's save or a copy comes as many events: wait for quiet */
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  self->reload_timeout = g_timeout_add (SETTLE_MS, on_settled, self);
}

/* Watches the context's records folder (none for the bundled records). */
void
lgsm_application_watch_records (LgsmApplication *self)
{
  const char *dir = lgsm_context_get_records_dir (self->context);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->monitor);
  if (dir == NULL)
    return;
  folder = g_file_new_for_commandline_arg (dir);
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "The records folder %s is not watched for changes: %s", dir, error->message, NULL);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_folder_changed), self, 0);
}

void
lgsm_application_unwatch_records (LgsmApplication *self)
{
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  if (self->monitor)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}
