/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lgsm-application-private.h"
#include "lgsm-context.h"
#include "lgsm-credits.h"
#include "lgsm-language.h"
#include "lgsm-sections.h"
#include "lgsm-window.h"

/* The application's actions (app.*) and every accelerator of the app. */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* closing lets each window save its state */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (app);
}

/* Every picture, with what it shows, from the credits file; a line kept
 * short enough for the About dialog (its labels do not wrap). */
static GStrv
picture_credits (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "images/CREDITS.md", 0, NULL);
  GStrv lines = lgsm_credits_parse_pictures (bytes ? g_bytes_get_data (bytes, NULL) : NULL);

  for (guint i = 0; lines[i]; i++)
    {
      char *cut = strpbrk (lines[i], ";,(");

      if (cut)
        *cut = '\0';
      if (g_utf8_strlen (lines[i], -1) > 70)
        {
          char *end = g_utf8_offset_to_pointer (lines[i], 68);
          while (end > lines[i] && *end != ' ')
            end--;
          if (end > lines[i])
            {
              *end = '\0';
              lines[i] = g_realloc (lines[i], strlen (lines[i]) + 4);
              strcat (lines[i], "…");
            }
        }
    }
  return lines;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *authors[] = { "The LGSM Exhibition team", NULL };
  /* Translators: the About dialog's credit for the pictures */
  const char *artists[] = { _("Drawn for the LGSM Exhibition by its contributors, © 2026, CC BY-SA 4.0"), NULL };
  g_auto(GStrv) pictures = picture_credits ();
  GtkWidget *about = gtk_about_dialog_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (app),
                "modal", TRUE,
                "program-name", _("LGSM Exhibition"),
                "logo-icon-name", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                /* Translators: the line under the app's name in the About dialog; keep the names of
                   the groups as they are (see po/README.md) */
                "comments", _("Lesbians and Gays Support the Miners, 1984–85: its history, outlook, legacy, "
                              "and its twinning with the Neath, Dulais and Swansea Valleys Miners Support Group"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "authors", authors,
                "artists", artists,
                /* Translators: your names, one a line, as the About dialog's translator credits */
                "translator-credits", _("translator-credits"),
                /* Translators: the About dialog's copyright line: where the exhibition's text comes
                   from and its licence; keep the article's title and "CC BY-SA 4.0" */
                "copyright", _("Text written for this project from the Wikipedia article "
                               "“Lesbians and Gays Support the Miners” (CC BY-SA 4.0)"),
                NULL);
  if (pictures[0])
    /* Translators: a heading in the About dialog's credits, over the list of
     * pictures and what each shows; they are illustrations, not records */
    gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (about), _("Pictures (illustrations)"),
                                         (const char **) pictures);
  gtk_window_present (GTK_WINDOW (about));
}

/* Text size: the whole app, slides included, follows one factor on top
 * of the desktop's own font scaling (GtkSettings:gtk-xft-dpi). */
void
lgsm_application_apply_text_scale (LgsmApplication *self,
                                   double           scale)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  GSettings *settings = lgsm_context_get_settings (self->context);
  int dpi, current = 0;

  self->text_scale = CLAMP (scale, 0.5, 3.0);
  dpi = (int) (self->base_dpi * self->text_scale);
  if (gtk_settings)
    g_object_get (gtk_settings, "gtk-xft-dpi", &current, NULL);
  /* setting it, even to the same value, makes GTK reload its fonts */
  if (gtk_settings && self->base_dpi > 0 && dpi != current)
    g_object_set (gtk_settings, "gtk-xft-dpi", dpi, NULL);
  /* a visitor's text size is the kiosk's until the next reset, never the operator's setting */
  if (g_settings_get_double (settings, "text-scale") != self->text_scale && !self->kiosk_locked)
    g_settings_set_double (settings, "text-scale", self->text_scale);
}

double
lgsm_application_get_text_scale (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), 1.0);
  return self->text_scale;
}

static void
zoom_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LgsmApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "zoom-in"))
    lgsm_application_apply_text_scale (self, self->text_scale * 1.1);
  else if (g_str_equal (name, "zoom-out"))
    lgsm_application_apply_text_scale (self, self->text_scale / 1.1);
  else
    lgsm_application_apply_text_scale (self, 1.0);
}

static void
language_action (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  LgsmApplication *self = user_data;
  const char *lang = g_variant_get_string (state, NULL);

  if (*lang && !lgsm_language_is_known (lang))
    return;
  /* the state ticks the language in the menu: set it even when the
   * language is already in use (--lang and the saved language switch
   * first, then come here through lgsm_application_set_language()) */
  g_simple_action_set_state (action, state);
  lgsm_application_set_language (self, lang);
}

/* The curator's "Reload": the records folder again, now. */
static void
reload_records_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  lgsm_application_reload_records (LGSM_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "reload-records", reload_records_action },
  { "quit", quit_action },
  { "about", about_action },
  { "zoom-in", zoom_action },
  { "zoom-out", zoom_action },
  { "zoom-reset", zoom_action },
  { "language", NULL, "s", "''", language_action },
};

static void
set_accels (LgsmApplication *self)
{
  static const struct { const char *action; const char *accels[4]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.fullscreen", { "F11", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.present-all", { "<Shift>F5", NULL } },
    { "win.lessons", { "<Control>l", NULL } },
    { "win.add-to-lesson", { "<Control>d", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.read-aloud", { "<Control>r", NULL } },
    { "win.back", { "<Alt>Left", "Back", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "app.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "app.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
  /* Alt+1… for the tabs, in the table's order */
  for (guint i = 0; i < lgsm_sections_get_n_tabs (); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.section::%s", lgsm_sections_get_tab (i)->id);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *list[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), action, list);
    }
}

void
lgsm_application_add_actions (LgsmApplication *self)
{
  g_autoptr(GAction) bilingual = g_settings_create_action (lgsm_context_get_settings (self->context),
                                                            "bilingual-slides");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_action_map_add_action (G_ACTION_MAP (self), bilingual);
  set_accels (self);
}
