/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "lgsm-application-private.h"
#include "lgsm-context.h"
#include "lgsm-picture-cache.h"
#include "lgsm-window.h"

/* The shell: owns the context (settings, records, language), makes the
 * windows, and answers launches. Its actions are in
 * lgsm-application-actions.c, its command line in lgsm-command-line.c. */

G_DEFINE_FINAL_TYPE (LgsmApplication, lgsm_application, GTK_TYPE_APPLICATION)

/* ---- windows and records ------------------------------------------------ */

static void
on_folder_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LgsmContext) context = user_data;
  LgsmExhibition *exhibition = LGSM_EXHIBITION (source);
  g_autoptr(GError) error = NULL;

  if (!lgsm_exhibition_load_directory_finish (exhibition, result, &error))
    {
      /* the folder could not be read at all: show nothing, and say why */
      g_autoptr(LgsmProblem) problem =
        lgsm_problem_new (lgsm_context_get_records_dir (context), 0, 0, NULL, NULL,
                          LGSM_RECORD_ERROR_IO, error->message);
      g_list_store_append (G_LIST_STORE (lgsm_exhibition_get_problems (exhibition)), problem);
    }
  lgsm_context_set_exhibition (context, exhibition);
  /* the records are on screen: now the index for search */
  lgsm_exhibition_build_index_async (exhibition);
}

/* The bundled records load at once (they are small and read in place from
 * the GResource); a curator's folder, which may hold 100,000 records,
 * loads in a worker thread while the window is already on screen. */
static void
load_records (LgsmApplication *self,
              LgsmWindow      *window)
{
  const char *records_dir = lgsm_context_get_records_dir (self->context);
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(GFile) dir = NULL;

  if (records_dir == NULL)
    {
      exhibition = lgsm_context_load_exhibition (self->context, NULL);
      lgsm_context_set_exhibition (self->context, exhibition ? exhibition : lgsm_exhibition_new ());
      return;
    }
  exhibition = lgsm_exhibition_new ();
  lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  lgsm_exhibition_set_index_deferred (exhibition, TRUE);
  if (window)
    lgsm_window_set_loading (window, TRUE);
  dir = g_file_new_for_commandline_arg (records_dir);
  lgsm_exhibition_load_directory_async (exhibition, dir, RESOURCE_PREFIX, NULL,
                                        on_folder_loaded, g_object_ref (self->context));
}

/* The window on show; made (with the records of @records_dir, or the
 * bundled ones) if there is none. */
LgsmWindow *
lgsm_application_ensure_window (LgsmApplication *self,
                                const char      *records_dir)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  LgsmWindow *window;

  g_autofree char *kiosk_folder = NULL;

  if (active != NULL && LGSM_IS_WINDOW (active))
    return LGSM_WINDOW (active);

  /* a kiosk shows the operator's records folder (records-folder), if set */
  if (records_dir == NULL && lgsm_context_get_kiosk (self->context))
    {
      kiosk_folder = g_settings_get_string (lgsm_context_get_settings (self->context), "records-folder");
      if (kiosk_folder && *kiosk_folder)
        records_dir = kiosk_folder;
    }
  lgsm_context_set_records_dir (self->context, records_dir);
  if (records_dir == NULL)
    load_records (self, NULL);
  else
    lgsm_context_set_exhibition (self->context, lgsm_exhibition_new ());
  window = lgsm_window_new (GTK_APPLICATION (self), self->context);
  if (records_dir)
    {
      load_records (self, window);
      lgsm_application_watch_records (self);
    }
  return window;
}

static void
lgsm_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (lgsm_application_ensure_window (LGSM_APPLICATION (app), NULL)));
}

static int
lgsm_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  int status = lgsm_application_handle_options (LGSM_APPLICATION (app), options);

  if (status >= 0)
    return status;
  return G_APPLICATION_CLASS (lgsm_application_parent_class)->handle_local_options (app, options);
}

static int
lgsm_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  return lgsm_application_run_command_line (LGSM_APPLICATION (app), command_line);
}

/* Closes every window, kiosk or not, and quits. */
void
lgsm_application_operator_quit (LgsmApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l; l = l->next)
    {
      if (LGSM_IS_WINDOW (l->data))
        lgsm_window_allow_close (l->data);
      gtk_window_close (l->data);
    }
  g_application_quit (G_APPLICATION (self));
}

/* ---- language ----------------------------------------------------------- */

/* Switches language while running: the records are loaded again in the new
 * language and the window is built again where the visitor was (a kiosk
 * window again, when the app is a kiosk). */
void
lgsm_application_set_language (LgsmApplication *self,
                               const char      *lang)
{
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *section = NULL;
  g_autofree char *record = NULL;
  g_autoptr(GList) windows = NULL;
  LgsmWindow *window;

  g_return_if_fail (LGSM_IS_APPLICATION (self));

  if (lang == NULL || (*lang && !lgsm_language_is_known (lang)))
    return;
  if (g_strcmp0 (lang, lgsm_context_get_language (self->context)) == 0)
    return;
  lgsm_context_set_language (self->context, lang);
  g_settings_set_string (lgsm_context_get_settings (self->context), "language", lang);
  g_action_group_change_action_state (G_ACTION_GROUP (self), "language", g_variant_new_string (lang));

  if (old == NULL || !LGSM_IS_WINDOW (old))
    return;
  section = g_strdup (lgsm_window_get_section (LGSM_WINDOW (old)));
  record = g_strdup (lgsm_window_get_record_id (LGSM_WINDOW (old)));
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  load_records (self, NULL);
  window = lgsm_window_new (GTK_APPLICATION (self), self->context);
  lgsm_window_show_section (window, section);
  if (record)
    lgsm_window_open_record (window, record);
  gtk_window_present (GTK_WINDOW (window));

  for (GList *l = windows; l; l = l->next)
    {
      if (LGSM_IS_WINDOW (l->data))
        lgsm_window_allow_close (l->data);
      gtk_window_destroy (l->data);
    }
}

const char *
lgsm_application_get_language (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), NULL);
  return lgsm_context_get_language (self->context);
}

/* ---- life cycle --------------------------------------------------------- */

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

  if (schema == NULL)
    {
      /* GSettings aborts without its schema: say how to fix it instead */
      g_printerr (_("The settings schema %s is not installed: install the app (meson install), "
                    "or run it from the build tree with “meson devenv -C _build lgsm-exhibition”\n"),
                  APPLICATION_ID);
      exit (1);
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
lgsm_application_startup (GApplication *app)
{
  LgsmApplication *self = LGSM_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *lang = NULL;

  G_APPLICATION_CLASS (lgsm_application_parent_class)->startup (app);

  settings = settings_new ();
  self->context = lgsm_context_new (settings, NULL);
  lgsm_context_set_kiosk (self->context, g_settings_get_boolean (settings, "kiosk"));
  lgsm_context_set_audio_guide (self->context, g_settings_get_boolean (settings, "audio-guide"));
  lgsm_application_add_actions (self);

  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &self->base_dpi, NULL);
  if (self->base_dpi <= 0)
    self->base_dpi = 96 * 1024;
  lgsm_application_apply_text_scale (self, g_settings_get_double (settings, "text-scale"));

  /* the language chosen last time, unless --lang says otherwise */
  lang = g_settings_get_string (settings, "language");
  if (lgsm_language_is_known (lang))
    lgsm_application_set_language (self, lang);
  if (lgsm_context_get_kiosk (self->context))
    lgsm_application_lock_for_kiosk (self);
}

static void
lgsm_application_shutdown (GApplication *app)
{
  LgsmApplication *self = LGSM_APPLICATION (app);

  lgsm_application_kiosk_end (self);
  lgsm_application_unwatch_records (self);
  /* no decoding thread left running while the process exits */
  if (self->context)
    lgsm_picture_cache_shutdown (lgsm_context_get_picture_cache (self->context));
  G_APPLICATION_CLASS (lgsm_application_parent_class)->shutdown (app);
}

static void
lgsm_application_finalize (GObject *object)
{
  LgsmApplication *self = LGSM_APPLICATION (object);

  g_clear_object (&self->context);
  g_free (self->validate.dir);
  g_free (self->kiosk_opening.language);

  G_OBJECT_CLASS (lgsm_application_parent_class)->finalize (object);
}

static void
lgsm_application_class_init (LgsmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lgsm_application_finalize;
  app_class->handle_local_options = lgsm_application_handle_local_options;
  app_class->command_line = lgsm_application_command_line;
  app_class->activate = lgsm_application_activate;
  app_class->startup = lgsm_application_startup;
  app_class->shutdown = lgsm_application_shutdown;
}

static void
lgsm_application_init (LgsmApplication *self)
{
  self->text_scale = 1.0;
  lgsm_application_add_options (self);
}

LgsmApplication *
lgsm_application_new (void)
{
  return g_object_new (LGSM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/lgsm/Exhibition",
                       NULL);
}

/* Returns: (transfer none): what every window shares */
LgsmContext *
lgsm_application_get_context (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), NULL);
  return self->context;
}

LgsmExhibition *
lgsm_application_get_exhibition (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), NULL);
  return lgsm_context_get_exhibition (self->context);
}

LgsmExhibition *
lgsm_application_get_second_exhibition (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), NULL);
  return lgsm_context_get_second_exhibition (self->context);
}

GSettings *
lgsm_application_get_settings (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), NULL);
  return lgsm_context_get_settings (self->context);
}
