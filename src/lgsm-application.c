/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lgsm-application.h"
#include "lgsm-presentation.h"
#include "lgsm-window.h"

typedef struct {
  gboolean  requested;
  char     *dir;
} ValidateOptions;

struct _LgsmApplication
{
  GtkApplication  parent_instance;
  int             base_dpi;       /* the desktop's font resolution, × 1024 */
  double          text_scale;
  LgsmExhibition *exhibition;
  GSettings      *settings;
  ValidateOptions validate;
  char           *language;       /* "" for the desktop's */
  LgsmExhibition *second;         /* the records in the other language, for bilingual slides */
  char           *records_dir;
};

G_DEFINE_FINAL_TYPE (LgsmApplication, lgsm_application, GTK_TYPE_APPLICATION)

static const char * const tab_names[] = { "history", "outlook", "legacy", "twinning" };

gboolean
lgsm_section_name_is_tab (const char *name)
{
  return name && g_strv_contains ((const char * const *) tab_names, name);
}

/* ---- command line ------------------------------------------------------- */

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the program's version and exit"), NULL },
  { "section", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Open on a tab: history, outlook, legacy or twinning"), N_("NAME") },
  { "record", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open on the record with this id"), N_("ID") },
  { "records", 'r', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Show the records in DIR instead of the bundled ones"), N_("DIR") },
  { "quit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Quit as soon as the window has been drawn once (for tests and benchmarks)"), NULL },
  { "present", 'p', 0, G_OPTION_ARG_NONE, NULL,
    N_("Present full screen: the --section given, or the whole exhibition in date order"), NULL },
  { "kiosk", 'k', 0, G_OPTION_ARG_NONE, NULL,
    N_("Run as a gallery kiosk: full screen, locked, with an attract loop when idle"), NULL },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the exhibition in a language: en, or one of the translations (cy for Welsh)"), N_("LANG") },
  { "quit", 'q', 0, G_OPTION_ARG_NONE, NULL,
    N_("Quit the running exhibition, kiosk included (the operator's way out)"), NULL },
  { NULL }
};

static gboolean
on_validate_option (const char  *name,
                    const char  *value,
                    gpointer     data,
                    GError     **error)
{
  ValidateOptions *validate = data;

  validate->requested = TRUE;
  g_free (validate->dir);
  validate->dir = g_strdup (value);
  return TRUE;
}

static GOptionGroup *
validate_group_new (gpointer data)
{
  static const GOptionEntry entries[] = {
    { "validate", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, on_validate_option,
      N_("Check the records (bundled, or those in DIR), print each problem and exit"), N_("DIR") },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("records", _("Checking records"),
                                            _("Show the options for checking records"), data, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

/* Parses a copy of the arguments with the same options, so that a usage
 * error can exit 2 (GApplication itself would exit 1). */
gboolean
lgsm_application_check_arguments (int      argc,
                                  char   **argv,
                                  GError **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *section = NULL;
  g_autofree char *records = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *record = NULL;
  g_auto(GStrv) copy = g_new0 (char *, argc + 1);
  g_autofree char **args = NULL;
  ValidateOptions dummy = { 0 };
  gboolean flag = FALSE;
  GOptionEntry entries[G_N_ELEMENTS (main_entries)];
  int n = argc;

  /* help is GApplication's to give */
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
      return TRUE;

  memcpy (entries, main_entries, sizeof main_entries);
  entries[0].arg_data = &flag;
  entries[1].arg_data = &section;
  entries[2].arg_data = &record;
  entries[3].arg_data = &records;
  entries[4].arg_data = &flag;
  entries[5].arg_data = &flag;
  entries[6].arg_data = &flag;
  entries[7].arg_data = &lang;
  entries[8].arg_data = &flag;

  for (int i = 0; i < argc; i++)
    copy[i] = g_strdup (argv[i]);
  args = g_memdup2 (copy, sizeof (char *) * (argc + 1));  /* parsing reorders args */

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, validate_group_new (&dummy));
  g_option_context_add_group (context, g_option_group_new ("gapplication", "", "", NULL, NULL));
  if (!g_option_context_parse (context, &n, &args, error))
    {
      g_free (dummy.dir);
      return FALSE;
    }
  g_free (dummy.dir);

  if (n > 1 && !g_str_has_prefix (args[1], "--gapplication"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”"), args[1]);
      return FALSE;
    }
  if (lang && !lgsm_language_is_known (lang))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown language “%s”: use en or one of: %s"), lang, LINGUAS);
      return FALSE;
    }
  if (section && !lgsm_section_name_is_tab (section))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown section “%s”: use history, outlook, legacy or twinning"), section);
      return FALSE;
    }
  return TRUE;
}

static LgsmExhibition *
load_exhibition (const char *records_dir,
                 gboolean    translate,
                 GError    **error)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();

  if (translate)
    lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  if (records_dir)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (records_dir);
      if (!lgsm_exhibition_load_directory (exhibition, dir, RESOURCE_PREFIX, error))
        return NULL;
    }
  else if (!lgsm_exhibition_load_resources (exhibition, RESOURCE_PREFIX, error))
    return NULL;
  return g_steal_pointer (&exhibition);
}

static int
run_validation (const char *dir)
{
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *problems;
  guint n;

  exhibition = load_exhibition (dir, FALSE, &error);
  if (exhibition == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  problems = lgsm_exhibition_get_problems (exhibition);
  n = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      g_printerr ("%s\n", lgsm_problem_to_string (problem));
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u record is valid", "%u records are valid",
                        lgsm_exhibition_get_n_records (exhibition)),
           lgsm_exhibition_get_n_records (exhibition));
  g_print ("; ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u problem\n", "%u problems\n", n), n);
  return n == 0 ? 0 : 1;
}

static int
lgsm_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  LgsmApplication *self = LGSM_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lgsm-exhibition %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (self->validate.requested)
    return run_validation (self->validate.dir);

  return G_APPLICATION_CLASS (lgsm_application_parent_class)->handle_local_options (app, options);
}

/* ---- languages -------------------------------------------------------- */

/* The installed translations, or else those in the build tree, so that the
 * app runs translated uninstalled too. */
void
lgsm_i18n_init (void)
{
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);
  g_autofree char *installed = NULL;

  if (linguas[0] && *linguas[0])
    installed = g_build_filename (LOCALEDIR, linguas[0], "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (installed && !g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* g_dgettext() (behind GtkBuilder's and the record layer's translations)
   * decides once per process whether to translate at all, and says no when
   * it first runs in an untranslated non-English locale such as C.UTF-8;
   * the language menu may switch to Welsh later, so have it decide now,
   * under the C locale, where the answer is yes. */
  {
    g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));
    setlocale (LC_MESSAGES, "C");
    g_dgettext (GETTEXT_PACKAGE, "");
    setlocale (LC_MESSAGES, saved);
  }
}

/* English (the records' own language) and the translations in po/LINGUAS. */
gboolean
lgsm_language_is_known (const char *lang)
{
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);

  return g_strcmp0 (lang, "en") == 0 || (lang && *lang && g_strv_contains ((const char * const *) linguas, lang));
}

/* The language's name in itself, for the language menu. */
const char *
lgsm_language_get_name (const char *lang)
{
  if (g_strcmp0 (lang, "en") == 0)
    return "English";
  if (g_strcmp0 (lang, "cy") == 0)
    return "Cymraeg";
  return lang;
}

/* Sets gettext's language and the locale for messages and dates (month
 * names come from the C library's locale data, e.g. cy_GB.UTF-8). "" goes
 * back to the desktop's settings. */
static void
apply_language (const char *lang)
{
  g_autofree char *region = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *utf8b = NULL;

  if (lang == NULL || *lang == '\0')
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_MESSAGES, "");
      setlocale (LC_TIME, "");
      return;
    }
  region = g_strcmp0 (lang, "en") == 0 ? g_strdup ("en_GB") : g_strdup_printf ("%s_GB", lang);
  utf8 = g_strdup_printf ("%s.UTF-8", region);
  utf8b = g_strdup_printf ("%s.utf8", region);
  g_setenv ("LANGUAGE", lang, TRUE);
  /* gettext only looks at LANGUAGE when the message locale is not "C" */
  if (!setlocale (LC_MESSAGES, utf8) && !setlocale (LC_MESSAGES, utf8b) &&
      !setlocale (LC_MESSAGES, "en_GB.UTF-8") && !setlocale (LC_MESSAGES, "C.UTF-8"))
    g_message ("No locale for “%s” is installed; the interface may stay untranslated", lang);
  if (!setlocale (LC_TIME, utf8) && !setlocale (LC_TIME, utf8b))
    g_message ("No locale %s is installed: dates keep the desktop's month names", utf8);
}

/* Switches language while running: the records are loaded again in the new
 * language and the window is built again where the visitor was. */
void
lgsm_application_set_language (LgsmApplication *self,
                               const char      *lang)
{
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *section = NULL;
  g_autofree char *record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  LgsmWindow *window;

  g_return_if_fail (LGSM_IS_APPLICATION (self));

  if (lang && *lang && !lgsm_language_is_known (lang))
    return;
  g_free (self->language);
  self->language = g_strdup (lang ? lang : "");
  apply_language (self->language);
  if (self->settings)
    g_settings_set_string (self->settings, "language", self->language);
  g_action_group_change_action_state (G_ACTION_GROUP (self), "language",
                                      g_variant_new_string (self->language));

  if (old == NULL || !LGSM_IS_WINDOW (old))
    return;
  section = g_strdup (lgsm_window_get_section (LGSM_WINDOW (old)));
  record = g_strdup (lgsm_window_get_record_id (LGSM_WINDOW (old)));

  g_clear_object (&self->exhibition);
  g_clear_object (&self->second);
  self->exhibition = load_exhibition (self->records_dir, TRUE, &error);
  if (self->exhibition == NULL)
    self->exhibition = lgsm_exhibition_new ();
  window = lgsm_window_new (self, self->exhibition);
  lgsm_window_show_section (window, section);
  if (record)
    lgsm_window_open_record (window, record);
  gtk_window_present (GTK_WINDOW (window));

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    if (l->data != (gpointer) window)
      gtk_window_destroy (l->data);
}

/* The language bilingual slides pair with the current one: Welsh with
 * English, English (or any other) with the first translation. */
static const char *
second_language (LgsmApplication *self)
{
  static char first[16];
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);
  const char *current = self->language && *self->language ? self->language : NULL;

  if (current == NULL)
    {
      const char * const *names = g_get_language_names ();
      current = g_str_has_prefix (names[0], "cy") ? "cy" : "en";
    }
  if (g_strcmp0 (current, "en") != 0)
    return "en";
  g_strlcpy (first, linguas[0] ? linguas[0] : "", sizeof first);
  return *first ? first : NULL;
}

/**
 * lgsm_application_get_second_exhibition:
 *
 * The same records in the second language, loaded on first use (the
 * language is switched for the moment of loading).
 *
 * Returns: (transfer none) (nullable)
 */
LgsmExhibition *
lgsm_application_get_second_exhibition (LgsmApplication *self)
{
  const char *other = second_language (self);

  if (self->second == NULL && other != NULL)
    {
      apply_language (other);
      self->second = load_exhibition (self->records_dir, TRUE, NULL);
      apply_language (self->language);
    }
  return self->second;
}

/* Pairs a new presentation with the second language when bilingual slides are on. */
void
lgsm_application_prepare_presentation (LgsmApplication *self,
                                       gpointer         presentation)
{
  g_return_if_fail (LGSM_IS_APPLICATION (self));

  if (self->settings && g_settings_get_boolean (self->settings, "bilingual-slides"))
    lgsm_presentation_set_second_language (presentation, lgsm_application_get_second_exhibition (self), TRUE);
}

const char *
lgsm_application_get_language (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), NULL);
  return self->language;
}

static void
language_action (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  LgsmApplication *self = user_data;
  const char *lang = g_variant_get_string (state, NULL);

  if (g_strcmp0 (lang, self->language) == 0)
    return;
  g_simple_action_set_state (action, state);
  lgsm_application_set_language (self, lang);
}

/* ---- windows and records ------------------------------------------------ */

static void
on_folder_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LgsmWindow) window = user_data;
  LgsmExhibition *exhibition = LGSM_EXHIBITION (source);
  LgsmApplication *self = LGSM_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  g_autoptr(GError) error = NULL;

  if (!lgsm_exhibition_load_directory_finish (exhibition, result, &error))
    {
      /* the folder could not be read at all: show nothing, and say why */
      g_autoptr(LgsmProblem) problem =
        lgsm_problem_new (self ? self->records_dir : NULL, 0, 0, NULL, NULL, LGSM_RECORD_ERROR_IO, error->message);
      g_list_store_append (G_LIST_STORE (lgsm_exhibition_get_problems (exhibition)), problem);
    }
  if (self && self->exhibition == exhibition)
    lgsm_window_set_exhibition (window, exhibition);
}

/* The bundled records load at once (they are small and read in place from
 * the GResource); a curator's folder, which may hold 100,000 records,
 * loads in a worker thread while the window is already on screen. */
static LgsmWindow *
ensure_window (LgsmApplication *self,
               const char      *records_dir)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  LgsmWindow *new_window;

  if (window != NULL)
    return LGSM_WINDOW (window);

  g_free (self->records_dir);
  self->records_dir = g_strdup (records_dir);
  if (records_dir == NULL)
    {
      self->exhibition = load_exhibition (NULL, TRUE, &error);
      if (self->exhibition == NULL)
        self->exhibition = lgsm_exhibition_new ();
      return lgsm_window_new (self, self->exhibition);
    }

  self->exhibition = lgsm_exhibition_new ();
  lgsm_exhibition_set_translation_domain (self->exhibition, GETTEXT_PACKAGE);
  new_window = lgsm_window_new (self, lgsm_exhibition_new ());
  lgsm_window_set_loading (new_window);
  {
    g_autoptr(GFile) dir = g_file_new_for_commandline_arg (records_dir);
    lgsm_exhibition_load_directory_async (self->exhibition, dir, RESOURCE_PREFIX, NULL,
                                          on_folder_loaded, g_object_ref (new_window));
  }
  return new_window;
}

static int
lgsm_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  LgsmApplication *self = LGSM_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *records = NULL;
  g_autofree char *records_path = NULL;
  const char *section = NULL;
  LgsmWindow *window;

  if (g_variant_dict_contains (options, "quit"))
    {
      lgsm_application_operator_quit (self);
      return 0;
    }

  g_variant_dict_lookup (options, "section", "&s", &section);
  {
    const char *lang = NULL;
    if (g_variant_dict_lookup (options, "lang", "&s", &lang) && g_strcmp0 (lang, self->language) != 0)
      lgsm_application_set_language (self, lang);
  }
  if (g_variant_dict_lookup (options, "records", "^ay", &records))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, records);
      records_path = g_file_get_path (file);
    }

  window = ensure_window (self, records_path);
  if (g_variant_dict_contains (options, "kiosk") ||
      (self->settings && g_settings_get_boolean (self->settings, "kiosk")))
    {
      g_autofree char *pin = self->settings ? g_settings_get_string (self->settings, "kiosk-pin") : NULL;
      guint idle = self->settings ? g_settings_get_uint (self->settings, "idle-seconds") : 90;

      lgsm_window_set_kiosk (window, idle, pin);
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { NULL });
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", (const char *[]) { NULL });
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "quit")), FALSE);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "about")), FALSE);
    }
  if (section)
    lgsm_window_show_section (window, section);
  {
    const char *record = NULL;
    if (g_variant_dict_lookup (options, "record", "&s", &record))
      {
        if (lgsm_exhibition_lookup (self->exhibition, record))
          lgsm_window_open_record (window, record);
        else
          g_application_command_line_printerr (command_line, _("There is no record “%s”\n"), record);
      }
  }
  if (g_variant_dict_contains (options, "quit-after-first-frame"))
    lgsm_window_quit_after_first_frame (window);
  gtk_window_present (GTK_WINDOW (window));
  if (g_variant_dict_contains (options, "present"))
    lgsm_window_present_slides (window, section);
  return 0;
}

static void
lgsm_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (LGSM_APPLICATION (app), NULL)));
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

/* ---- actions ------------------------------------------------------------ */

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

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *authors[] = { "The LGSM Exhibition team", NULL };
  static const char *artists[] = { N_("Illustrations drawn for this project"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("LGSM Exhibition"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Lesbians and Gays Support the Miners, 1984–85: "
                                       "its history, outlook, legacy and the twinning with Onllwyn"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "artists", artists,
                         "translator-credits", _("translator-credits"),
                         "copyright", _("Text written for this project from the Wikipedia article "
                                        "“Lesbians and Gays Support the Miners” (CC BY-SA 4.0)"),
                         NULL);
}

/* Text size: the whole app, slides included, follows one factor on top
 * of the desktop's own font scaling (GtkSettings:gtk-xft-dpi). */
static void
apply_text_scale (LgsmApplication *self,
                  double           scale)
{
  GtkSettings *settings = gtk_settings_get_default ();

  int dpi, current = 0;

  self->text_scale = CLAMP (scale, 0.5, 3.0);
  dpi = (int) (self->base_dpi * self->text_scale);
  if (settings)
    g_object_get (settings, "gtk-xft-dpi", &current, NULL);
  /* setting it, even to the same value, makes GTK reload its fonts */
  if (settings && self->base_dpi > 0 && dpi != current)
    g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  if (self->settings && g_settings_get_double (self->settings, "text-scale") != self->text_scale)
    g_settings_set_double (self->settings, "text-scale", self->text_scale);
}

static void
zoom_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LgsmApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "zoom-in"))
    apply_text_scale (self, self->text_scale * 1.1);
  else if (g_str_equal (name, "zoom-out"))
    apply_text_scale (self, self->text_scale / 1.1);
  else
    apply_text_scale (self, 1.0);
}

double
lgsm_application_get_text_scale (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), 1.0);
  return self->text_scale;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "zoom-in", zoom_action },
  { "zoom-out", zoom_action },
  { "zoom-reset", zoom_action },
  { "language", NULL, "s", "''", language_action },
};

/* The schema as installed, or else the one compiled in the build tree, so
 * that the app runs uninstalled; NULL if neither exists. */
static GSettings *
lgsm_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL && g_file_test (SCHEMA_BUILD_DIR, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GSettingsSchemaSource) build =
        g_settings_schema_source_new_from_directory (SCHEMA_BUILD_DIR, source, FALSE, NULL);
      if (build)
        schema = g_settings_schema_source_lookup (build, APPLICATION_ID, FALSE);
    }
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: nothing will be remembered", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
lgsm_application_startup (GApplication *app)
{
  LgsmApplication *self = LGSM_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  static const struct { const char *action; const char *accels[4]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.fullscreen", { "F11", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.present-all", { "<Shift>F5", NULL } },
    { "win.lessons", { "<Control>l", NULL } },
    { "win.add-to-lesson", { "<Control>d", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.back", { "<Alt>Left", "Back", NULL } },
    { "win.section::history", { "<Alt>1", NULL } },
    { "win.section::outlook", { "<Alt>2", NULL } },
    { "win.section::legacy", { "<Alt>3", NULL } },
    { "win.section::twinning", { "<Alt>4", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "app.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "app.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  };

  G_APPLICATION_CLASS (lgsm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APPLICATION_ID);
  self->settings = lgsm_settings_new ();
  if (self->settings)
    {
      g_autoptr(GAction) bilingual = g_settings_create_action (self->settings, "bilingual-slides");
      g_action_map_add_action (G_ACTION_MAP (app), bilingual);
    }

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &self->base_dpi, NULL);
  if (self->base_dpi <= 0)
    self->base_dpi = 96 * 1024;
  apply_text_scale (self, self->settings ? g_settings_get_double (self->settings, "text-scale") : 1.0);

  /* the language chosen last time, unless --lang says otherwise */
  if (self->settings)
    {
      g_autofree char *lang = g_settings_get_string (self->settings, "language");
      if (lgsm_language_is_known (lang))
        lgsm_application_set_language (self, lang);
    }
}

/* ---- life cycle --------------------------------------------------------- */

static void
lgsm_application_finalize (GObject *object)
{
  LgsmApplication *self = LGSM_APPLICATION (object);

  g_clear_object (&self->exhibition);
  g_clear_object (&self->second);
  g_clear_object (&self->settings);
  g_free (self->validate.dir);
  g_free (self->language);
  g_free (self->records_dir);

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
}

static void
lgsm_application_init (LgsmApplication *self)
{
  self->text_scale = 1.0;
  self->language = g_strdup ("");
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_add_option_group (G_APPLICATION (self), validate_group_new (&self->validate));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("An exhibition about Lesbians and Gays Support the Miners, 1984–85."));
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

LgsmExhibition *
lgsm_application_get_exhibition (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), NULL);
  return self->exhibition;
}

/* NULL when the schema is not installed and the build tree's is not found:
 * the app then runs without remembering anything. */
GSettings *
lgsm_application_get_settings (LgsmApplication *self)
{
  g_return_val_if_fail (LGSM_IS_APPLICATION (self), NULL);
  return self->settings;
}
