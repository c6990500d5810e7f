/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "lgsm-application-private.h"
#include "lgsm-context.h"
#include "lgsm-kiosk.h"
#include "lgsm-window.h"

/* The kiosk belongs to the application, not to a window: from the moment
 * the app becomes a kiosk (--kiosk, or the "kiosk" setting) every window it
 * makes or rebuilds is a kiosk window, idle (the screen saver) is held off
 * until it ends, the opening state (text size, language, bilingual
 * slides) is remembered and restored at every idle reset without writing
 * a visitor's changes into the operator's settings, a later launch may
 * change only the language (or quit), and the session bus is written
 * where `lgsm-exhibition --quit` from an SSH login finds it. */

/* ---- a crash says why, in the journal ------------------------------------ */

static void
on_fatal_signal (int signum)
{
  /* only what is safe in a signal handler: write(2) a fixed text */
  static const char text[] = "lgsm-exhibition: the kiosk crashed (fatal signal); "
                             "its service restarts it\n";
  ssize_t ignored = write (STDERR_FILENO, text, sizeof text - 1);

  (void) ignored;
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
install_crash_report (void)
{
  static const int signals[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    signal (signals[i], on_fatal_signal);
}

/* ---- where the operator's --quit finds the kiosk -------------------------- */

char *
lgsm_application_kiosk_bus_file (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "lgsm-exhibition", "session-bus", NULL);
}

static void
write_bus_file (LgsmApplication *self)
{
  g_autofree char *file = lgsm_application_kiosk_bus_file ();
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;

  if (g_application_get_dbus_connection (G_APPLICATION (self)) == NULL)
    return;
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (address == NULL ||
      g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (file, address, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING,
                        "MESSAGE", "Kiosk: cannot write %s for “--quit”: %s", file,
                        error ? error->message : g_strerror (errno),
                        "LGSM_KIOSK_EVENT", "bus-file");
      return;
    }
  self->kiosk_bus_file = g_steal_pointer (&file);
}

/* ---- the opening state ------------------------------------------------------ */

static gboolean
restore_language (gpointer data)
{
  LgsmApplication *self = data;
  GtkWindow *window;

  self->kiosk_language_idle = 0;
  if (g_strcmp0 (lgsm_context_get_language (self->context), self->kiosk_opening.language) == 0)
    return G_SOURCE_REMOVE;
  lgsm_application_set_language (self, self->kiosk_opening.language);
  /* the rebuilt window goes on with the attract loop the reset started */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (LGSM_IS_WINDOW (window) && lgsm_window_get_kiosk (LGSM_WINDOW (window)))
    lgsm_kiosk_start_attract (lgsm_window_get_kiosk (LGSM_WINDOW (window)));
  return G_SOURCE_REMOVE;
}

/* app.kiosk-reset, from each window's idle reset (lgsm_window_reset_home) */
static void
kiosk_reset_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LgsmApplication *self = user_data;
  GSettings *settings = lgsm_context_get_settings (self->context);

  if (!lgsm_context_get_kiosk (self->context))
    return;
  if (self->text_scale != self->kiosk_opening.text_scale)
    lgsm_application_apply_text_scale (self, self->kiosk_opening.text_scale);
  if (g_settings_get_boolean (settings, "bilingual-slides") != self->kiosk_opening.bilingual)
    g_settings_set_boolean (settings, "bilingual-slides", self->kiosk_opening.bilingual);
  /* a new language rebuilds the window: not from inside its own reset */
  if (g_strcmp0 (lgsm_context_get_language (self->context), self->kiosk_opening.language) != 0 &&
      self->kiosk_language_idle == 0)
    self->kiosk_language_idle = g_idle_add (restore_language, self);
}

/* The operator changed the language of the running kiosk (--lang): that is
 * the language resets come back to from now on. */
void
lgsm_application_kiosk_set_opening_language (LgsmApplication *self,
                                             const char      *lang)
{
  g_free (self->kiosk_opening.language);
  self->kiosk_opening.language = g_strdup (lang);
}

/* ---- beginning and end ----------------------------------------------------- */

/* Idle is inhibited for a realized window (GTK's Wayland side wants one);
 * the cookie outlives the window (a language switch builds another). */
static void
inhibit_idle (GtkWidget       *window,
              LgsmApplication *self)
{
  if (self->kiosk_inhibit || !lgsm_context_get_kiosk (self->context))
    return;
  self->kiosk_inhibit = gtk_application_inhibit (GTK_APPLICATION (self), GTK_WINDOW (window),
                                                 GTK_APPLICATION_INHIBIT_IDLE,
                                                 /* Translators: why the screen saver is held off */
                                                 _("Running as a gallery kiosk"));
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                    "MESSAGE", "Kiosk: screen saver held off: %s", self->kiosk_inhibit ? "yes" : "no",
                    "LGSM_KIOSK_EVENT", "inhibit");
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        data)
{
  LgsmApplication *self = data;

  if (self->kiosk_inhibit || !LGSM_IS_WINDOW (window))
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    inhibit_idle (GTK_WIDGET (window), self);
  else
    g_signal_connect_object (window, "realize", G_CALLBACK (inhibit_idle), self, G_CONNECT_AFTER);
}

/* Every window made from now on is a kiosk window (and those already
 * there become kiosk windows: LgsmWindow watches the context), and
 * nothing quits. */
void
lgsm_application_lock_for_kiosk (LgsmApplication *self)
{
  static const char *disabled[] = { "quit", "about", "bilingual-slides", "language" };
  static const GActionEntry actions[] = {
    { "kiosk-reset", kiosk_reset_action },
  };
  GSettings *settings = lgsm_context_get_settings (self->context);
  g_autoptr(GList) windows = NULL;

  if (self->kiosk_locked)
    return;
  self->kiosk_locked = TRUE;

  self->kiosk_opening.text_scale = self->text_scale;
  self->kiosk_opening.language = g_strdup (lgsm_context_get_language (self->context));
  self->kiosk_opening.bilingual = g_settings_get_boolean (settings, "bilingual-slides");
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", (const char *[]) { NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", (const char *[]) { NULL });
  for (guint i = 0; i < G_N_ELEMENTS (disabled); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), disabled[i]);
      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
    }
  /* what a non-kiosk window had opened (slides, lessons, dialogs) goes */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    if (!LGSM_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_clear_pointer (&windows, g_list_free);
  lgsm_context_set_kiosk (self->context, TRUE);

  /* the screen stays on for as long as the kiosk runs (from its first window) */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    on_window_added (GTK_APPLICATION (self), l->data, self);
  g_signal_connect (self, "window-added", G_CALLBACK (on_window_added), self);
  write_bus_file (self);
  install_crash_report ();
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                    "MESSAGE", "Kiosk started",
                    "LGSM_KIOSK_EVENT", "start");
}

/* The app shuts down: idle is allowed again, and --quit no longer finds
 * this kiosk. */
void
lgsm_application_kiosk_end (LgsmApplication *self)
{
  g_clear_handle_id (&self->kiosk_language_idle, g_source_remove);
  if (self->kiosk_inhibit)
    {
      gtk_application_uninhibit (GTK_APPLICATION (self), self->kiosk_inhibit);
      self->kiosk_inhibit = 0;
    }
  if (self->kiosk_bus_file)
    {
      g_unlink (self->kiosk_bus_file);
      g_clear_pointer (&self->kiosk_bus_file, g_free);
    }
  if (self->kiosk_locked)
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                      "MESSAGE", "Kiosk ended",
                      "LGSM_KIOSK_EVENT", "end");
}

/* A later launch while the kiosk runs (someone at a terminal, a desktop
 * icon): only the language may change, or the operator quits; whatever
 * else it asks for is refused. Returns TRUE if the launch was handled. */
gboolean
lgsm_application_kiosk_command_line (LgsmApplication         *self,
                                     GApplicationCommandLine *command_line)
{
  static const char *refused[] = { "section", "record", "records", "present", "quit-after-first-frame",
                                   "audio-guide" };
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *lang = NULL;

  if (!lgsm_context_get_kiosk (self->context) ||
      gtk_application_get_windows (GTK_APPLICATION (self)) == NULL ||
      !g_application_command_line_get_is_remote (command_line))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (g_variant_dict_contains (options, refused[i]))
      {
        g_application_command_line_printerr (command_line,
          /* Translators: to someone who launched the app again while it runs as a gallery kiosk;
             --%s is the option refused (e.g. --section); keep "--lang" and "--quit" */
          _("The exhibition is running as a kiosk: --%s is ignored (only --lang and --quit are accepted)\n"),
          refused[i]);
      }
  if (g_variant_dict_lookup (options, "lang", "&s", &lang))
    {
      lgsm_application_kiosk_set_opening_language (self, lang);
      lgsm_application_set_language (self, lang);
    }
  return TRUE;
}
