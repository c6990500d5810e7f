/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lgsm-application-private.h"
#include "lgsm-command-line.h"
#include "lgsm-context.h"
#include "lgsm-sections.h"
#include "lgsm-speech-cli.h"
#include "lgsm-window.h"

/* The command line: the options, a check of them that exits 2 on a usage
 * error before any instance is contacted, --validate for curators, and what
 * a launch (the first or a later one) asks of the running exhibition. */

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the program's version and exit"), NULL },
  { "section", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Open on a tab: history, outlook, legacy or twinning"),
    /* Translators: the placeholder for a tab's name in --help */
    N_("NAME") },
  { "record", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open on the record with this id"),
    /* Translators: the placeholder for a record's id in --help */
    N_("ID") },
  { "records", 'r', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Show the records in DIR instead of the bundled ones"),
    /* Translators: the placeholder for a folder in --help */
    N_("DIR") },
  { "quit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Quit as soon as the window has been drawn once (for tests and benchmarks)"), NULL },
  { "present", 'p', 0, G_OPTION_ARG_NONE, NULL,
    N_("Present full screen: the --section given, or the whole exhibition in date order"), NULL },
  { "kiosk", 'k', 0, G_OPTION_ARG_NONE, NULL,
    N_("Run as a gallery kiosk: full screen, locked, with an attract loop when idle"), NULL },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the exhibition in a language: en, or one of the translations (cy for Welsh)"),
    /* Translators: the placeholder for a language code (en, cy) in --help */
    N_("LANG") },
  { "quit", 'q', 0, G_OPTION_ARG_NONE, NULL,
    N_("Quit the running exhibition, kiosk included (the operator's way out)"), NULL },
  { "audio-guide", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --kiosk: visitors can start a spoken guide with a keypad or a three-second press"), NULL },
  { "speak", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Read a record aloud into a WAV file (--output) and exit; “all”: every record, in every language"),
    N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Where --speak writes: a .wav file, or a folder for --speak=all"),
    /* Translators: the placeholder for a file or folder in --help */
    N_("FILE") },
  { NULL }
};

static gboolean
on_validate_option (const char  *name,
                    const char  *value,
                    gpointer     data,
                    GError     **error)
{
  LgsmValidateOptions *validate = data;

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

static gboolean
check_values (const char  *section,
              const char  *lang,
              GError     **error)
{
  if (lang && !lgsm_language_is_known (lang))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown language “%s”: use en or one of: %s"), lang, LINGUAS);
      return FALSE;
    }
  if (section && !lgsm_sections_is_tab (section))
    {
      g_autofree char *tabs = lgsm_sections_list_tabs (", ");
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown section “%s”: use %s"), section, tabs);
      return FALSE;
    }
  return TRUE;
}

/* What lgsm_command_line_check() looks at. */
typedef struct {
  char *section;
  char *record;
  char *records;
  char *lang;
  char *speak;
  char *output;
} CheckedValues;

static void
checked_values_clear (CheckedValues *values)
{
  g_free (values->section);
  g_free (values->record);
  g_free (values->records);
  g_free (values->lang);
  g_free (values->speak);
  g_free (values->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CheckedValues, checked_values_clear)

/* Parses a copy of the arguments with the same options, so that a usage
 * error can exit 2 (GApplication itself would exit 1). */
gboolean
lgsm_command_line_check (int      argc,
                         char   **argv,
                         GError **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(CheckedValues) checked = { NULL };
  g_auto(GStrv) copy = g_new0 (char *, argc + 1);
  g_autofree char **args = NULL;
  LgsmValidateOptions dummy = { 0 };
  gboolean flag = FALSE;
  GOptionEntry entries[G_N_ELEMENTS (main_entries)];
  int n = argc;
  gboolean ok;

  /* help is GApplication's to give */
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
      return TRUE;

  memcpy (entries, main_entries, sizeof main_entries);
  for (guint i = 0; i < G_N_ELEMENTS (entries) - 1; i++)
    {
      /* the options that take a value, by name; every other one is a flag */
      static const struct { const char *name; gsize offset; } values[] = {
        { "section", G_STRUCT_OFFSET (CheckedValues, section) },
        { "record", G_STRUCT_OFFSET (CheckedValues, record) },
        { "records", G_STRUCT_OFFSET (CheckedValues, records) },
        { "lang", G_STRUCT_OFFSET (CheckedValues, lang) },
        { "speak", G_STRUCT_OFFSET (CheckedValues, speak) },
        { "output", G_STRUCT_OFFSET (CheckedValues, output) },
      };

      entries[i].arg_data = &flag;
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        if (g_str_equal (entries[i].long_name, values[v].name))
          entries[i].arg_data = G_STRUCT_MEMBER_P (&checked, values[v].offset);
      /* an option with a value needs a place in CheckedValues */
      g_assert (entries[i].arg == G_OPTION_ARG_NONE || entries[i].arg_data != &flag);
    }

  for (int i = 0; i < argc; i++)
    copy[i] = g_strdup (argv[i]);
  args = g_memdup2 (copy, sizeof (char *) * (argc + 1));  /* parsing reorders args */

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, validate_group_new (&dummy));
  g_option_context_add_group (context, g_option_group_new ("gapplication", "", "", NULL, NULL));
  ok = g_option_context_parse (context, &n, &args, error);
  g_free (dummy.dir);
  if (!ok)
    return FALSE;

  if (n > 1 && !g_str_has_prefix (args[1], "--gapplication"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”"), args[1]);
      return FALSE;
    }
  if (checked.output && !checked.speak)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--output is for --speak: what to read aloud is missing"));
      return FALSE;
    }
  return check_values (checked.section, checked.lang, error);
}

/* ---- --validate ----------------------------------------------------------- */

static int
run_validation (const char *dir)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autoptr(GError) error = NULL;
  GListModel *problems;
  gboolean loaded;
  guint n;

  if (dir)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);
      loaded = lgsm_exhibition_load_directory (exhibition, folder, RESOURCE_PREFIX, &error);
    }
  else
    loaded = lgsm_exhibition_load_resources (exhibition, RESOURCE_PREFIX, &error);
  if (!loaded)
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

/* ---- --speak ---------------------------------------------------------------- */

static LgsmExhibition *
load_in_current_language (const char  *records_dir,
                          GError     **error)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();

  lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  if (records_dir)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (records_dir);
      if (!lgsm_exhibition_load_directory (exhibition, folder, RESOURCE_PREFIX, error))
        return NULL;
    }
  else if (!lgsm_exhibition_load_resources (exhibition, RESOURCE_PREFIX, error))
    return NULL;
  return g_steal_pointer (&exhibition);
}

/* The languages --speak reads in: the one asked for; for "all", English
 * and every translation; else the desktop's, if the exhibition has it. */
static GStrv
speak_languages (const char *id,
                 const char *lang)
{
  g_autofree char *current = NULL;
  g_autofree char *all = NULL;

  if (lang)
    return g_strsplit (lang, " ", 2);
  if (g_str_equal (id, "all"))
    {
      all = g_strconcat ("en ", LINGUAS, NULL);
      return g_strsplit_set (g_strstrip (all), " ", -1);
    }
  current = lgsm_speech_current_language ();
  return g_strsplit (lgsm_language_is_known (current) ? current : "en", " ", 2);
}

/* --speak=ID|all --output=FILE|DIR [--lang=LANG] [--records=DIR], with no
 * window and no display: each language is switched to, the records are
 * loaded in it and read aloud. Exits 0, or 1 naming the record or file. */
static int
run_speak (const char *id,
           const char *output,
           const char *lang,
           const char *records_dir)
{
  g_auto(GStrv) languages = speak_languages (id, lang);

  for (guint i = 0; languages[i]; i++)
    {
      g_autoptr(LgsmExhibition) exhibition = NULL;
      g_autoptr(GError) error = NULL;

      if (*languages[i] == '\0')
        continue;
      lgsm_language_apply (languages[i]);
      exhibition = load_in_current_language (records_dir, &error);
      if (exhibition == NULL ||
          lgsm_speech_command_line (exhibition, id, languages[i], output, &error) != 0)
        {
          g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "lgsm-exhibition", error->message);
          return 1;
        }
    }
  return 0;
}

/* What is handled in the launching process itself: -1 goes on. */
int
lgsm_application_handle_options (LgsmApplication *self,
                                 GVariantDict    *options)
{
  const char *speak = NULL, *lang = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lgsm-exhibition %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (self->validate.requested)
    return run_validation (self->validate.dir);
  if (g_variant_dict_lookup (options, "speak", "&s", &speak))
    {
      g_autofree char *output = NULL;
      g_autofree char *records = NULL;

      g_variant_dict_lookup (options, "output", "^ay", &output);
      g_variant_dict_lookup (options, "records", "^ay", &records);
      g_variant_dict_lookup (options, "lang", "&s", &lang);
      return run_speak (speak, output, lang, records);
    }
  return -1;
}

void
lgsm_application_add_options (LgsmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_add_option_group (G_APPLICATION (self), validate_group_new (&self->validate));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("An exhibition about Lesbians and Gays Support the Miners, 1984–85."));
}

/* ---- a launch ------------------------------------------------------------- */

static void
open_record (LgsmApplication         *self,
             LgsmWindow              *window,
             GApplicationCommandLine *command_line,
             const char              *record)
{
  if (lgsm_exhibition_lookup (lgsm_context_get_exhibition (self->context), record) ||
      lgsm_window_get_loading (window))
    lgsm_window_open_record (window, record);
  else
    g_application_command_line_printerr (command_line, _("There is no record “%s”\n"), record);
}

int
lgsm_application_run_command_line (LgsmApplication         *self,
                                   GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *records = NULL;
  g_autofree char *records_path = NULL;
  const char *section = NULL, *lang = NULL, *record = NULL;
  LgsmWindow *window;

  if (g_variant_dict_contains (options, "quit"))
    {
      lgsm_application_operator_quit (self);
      return 0;
    }
  if (g_variant_dict_lookup (options, "lang", "&s", &lang))
    lgsm_application_set_language (self, lang);
  if (g_variant_dict_lookup (options, "records", "^ay", &records))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, records);
      records_path = g_file_get_path (file);
    }
  if (g_variant_dict_contains (options, "kiosk"))
    lgsm_application_lock_for_kiosk (self);
  if (g_variant_dict_contains (options, "audio-guide"))
    lgsm_context_set_audio_guide (self->context, TRUE);

  window = lgsm_application_ensure_window (self, records_path);
  if (g_variant_dict_lookup (options, "section", "&s", &section))
    lgsm_window_show_section (window, section);
  if (g_variant_dict_lookup (options, "record", "&s", &record))
    open_record (self, window, command_line, record);
  if (g_variant_dict_contains (options, "quit-after-first-frame"))
    lgsm_window_quit_after_first_frame (window);
  gtk_window_present (GTK_WINDOW (window));
  if (g_variant_dict_contains (options, "present"))
    lgsm_window_present_slides (window, section);
  return 0;
}
