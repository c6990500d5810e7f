/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lgsm-application-private.h"
#include "lgsm-command-line.h"
#include "lgsm-context.h"
#include "lgsm-kiosk.h"
#include "lgsm-search.h"
#include "lgsm-search-index.h"
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
    /* Translators: --help for --section=NAME; history, outlook, legacy and twinning are the values
       to type: keep them in English */
    N_("Open on a tab: history, outlook, legacy or twinning"),
    /* Translators: the placeholder for a tab's name in --help, shown as --section=NAME; usually in
       capitals. Only the help text changes: the option itself stays --section */
    N_("NAME") },
  { "record", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: --help for --record=ID; a record's id is a short English name such as "minibus" */
    N_("Open on the record with this id"),
    /* Translators: the placeholder for a record's id in --help, shown as --record=ID (and in
       --search's description); usually in capitals */
    N_("ID") },
  { "records", 'r', 0, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: --help for --records=DIR; DIR is the placeholder, translated as "DIR" is: use
       the same word in both */
    N_("Show the records in DIR instead of the bundled ones"),
    /* Translators: the placeholder for a folder in --help, shown as --records=DIR and
       --validate[=DIR]; the descriptions of both options say DIR too: use the same word */
    N_("DIR") },
  { "quit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, NULL,
    /* Translators: --help for --quit-after-first-frame */
    N_("Quit as soon as the window has been drawn once (for tests and benchmarks)"), NULL },
  { "present", 'p', 0, G_OPTION_ARG_NONE, NULL,
    /* Translators: --help for --present; keep "--section", an option */
    N_("Present full screen: the --section given, or the whole exhibition in date order"), NULL },
  { "kiosk", 'k', 0, G_OPTION_ARG_NONE, NULL,
    /* Translators: --help for --kiosk; the attract loop: pictures shown while nobody uses the
       kiosk */
    N_("Run as a gallery kiosk: full screen, locked, with an attract loop when idle"), NULL },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: --help for --lang=LANG; "en" and "cy" are language codes to type: keep them */
    N_("Show the exhibition in a language: en, or one of the translations (cy for Welsh)"),
    /* Translators: the placeholder for a language code (en, cy) in --help, shown as --lang=LANG;
       usually in capitals */
    N_("LANG") },
  { "quit", 'q', 0, G_OPTION_ARG_NONE, NULL,
    /* Translators: --help for --quit; the operator is the member of staff who looks after a kiosk */
    N_("Quit the running exhibition, kiosk included (the operator's way out)"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: --help for --search=QUERY; QUERY and ID are placeholders, translated as "QUERY"
       and "ID" are: use the same words; "1 if none" is the exit status */
    N_("Print the records that match QUERY, best first, as ID and title, and exit (1 if none)"),
    /* Translators: the placeholder for the words to search for in --help, shown as
       --search=QUERY; the option's description says QUERY too: use the same word */
    N_("QUERY") },
  { "audio-guide", 0, 0, G_OPTION_ARG_NONE, NULL,
    /* Translators: --help for --audio-guide; keep "--kiosk", an option; a keypad: the few large
       keys (arrows, Enter, Escape, plus, minus) of an accessible kiosk */
    N_("With --kiosk: visitors can start a spoken guide with a keypad or a three-second press"), NULL },
  { "speak", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: --help for --speak=ID; keep "--output", an option, and "all", a value to type */
    N_("Read a record aloud into a WAV file (--output) and exit; “all”: every record, in every language"),
    /* Translators: the placeholder for a record's id in --help, shown as --speak=ID */
    N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: --help for --output=FILE; keep "--speak" and "--speak=all" as they are */
    N_("Where --speak writes: a .wav file, or a folder for --speak=all"),
    /* Translators: the placeholder for a file or folder in --help, shown as --output=FILE */
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
      /* Translators: --help for --validate[=DIR]; DIR is the placeholder, translated as "DIR" is:
         use the same word */
      N_("Check the records (bundled, or those in DIR), print each problem and exit"), N_("DIR") },
    { NULL }
  };
  /* Translators: --help-records: the heading over the options for curators who check records files */
  GOptionGroup *group = g_option_group_new ("records", _("Checking records"),
                                            /* Translators: --help: describes the --help-records
                                               option */
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
                   /* Translators: an error for --lang; the first %s is what was typed, the second
                      the language codes there are (e.g. "cy"); keep "en" */
                   _("Unknown language “%s”: use en or one of: %s"), lang, LINGUAS);
      return FALSE;
    }
  if (section && !lgsm_sections_is_tab (section))
    {
      g_autofree char *tabs = lgsm_sections_list_tabs (", ");
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: an error for --section; the first %s is what was typed, the
                      second the names to use, e.g. "history, outlook, legacy, twinning" (not
                      translated) */
                   _("Unknown section “%s”: use %s"), section, tabs);
      return FALSE;
    }
  return TRUE;
}

/* Parses a copy of the arguments with the same options, so that a usage
 * error can exit 2 (GApplication itself would exit 1). */
gboolean
lgsm_command_line_check (int      argc,
                         char   **argv,
                         GError **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) copy = g_new0 (char *, argc + 1);
  g_autofree char **args = NULL;
  LgsmValidateOptions dummy = { 0 };
  gboolean flag = FALSE;
  GOptionEntry entries[G_N_ELEMENTS (main_entries)];
  char *values[G_N_ELEMENTS (main_entries)] = { NULL };
  const char *section = NULL, *lang = NULL, *speak = NULL, *output = NULL;
  int n = argc;
  gboolean ok;

  /* help is GApplication's to give */
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
      return TRUE;

  /* the same entries, each pointing at a place of the right type */
  memcpy (entries, main_entries, sizeof main_entries);
  for (guint i = 0; i < G_N_ELEMENTS (entries) - 1; i++)
    entries[i].arg_data = entries[i].arg == G_OPTION_ARG_NONE ? (gpointer) &flag : (gpointer) &values[i];

  for (int i = 0; i < argc; i++)
    copy[i] = g_strdup (argv[i]);
  args = g_memdup2 (copy, sizeof (char *) * (argc + 1));  /* parsing reorders args */

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, validate_group_new (&dummy));
  g_option_context_add_group (context, g_option_group_new ("gapplication", "", "", NULL, NULL));
  ok = g_option_context_parse (context, &n, &args, error);
  g_free (dummy.dir);
  for (guint i = 0; ok && i < G_N_ELEMENTS (entries) - 1; i++)
    {
      if (g_strcmp0 (entries[i].long_name, "section") == 0)
        section = values[i];
      else if (g_strcmp0 (entries[i].long_name, "lang") == 0)
        lang = values[i];
      else if (g_strcmp0 (entries[i].long_name, "speak") == 0)
        speak = values[i];
      else if (g_strcmp0 (entries[i].long_name, "output") == 0)
        output = values[i];
    }
  if (ok && n > 1 && !g_str_has_prefix (args[1], "--gapplication"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: an error on the command line: %s is a word given that is not an
                      option */
                   _("Unexpected argument “%s”"), args[1]);
      ok = FALSE;
    }
  if (ok && output && !speak)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: an error on the command line; keep "--output" and "--speak" */
                   _("--output is for --speak: what to read aloud is missing"));
      ok = FALSE;
    }
  ok = ok && check_values (section, lang, error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i]);
  return ok;
}

/* ---- --quit from another login ---------------------------------------------- */

static gboolean
instance_on_bus (const char *address)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (address == NULL || *address == '\0')
    return FALSE;
  bus = g_dbus_connection_new_for_address_sync (address,
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, NULL);
  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply)
    g_variant_get (reply, "(b)", &owned);
  g_dbus_connection_close_sync (bus, NULL, NULL);
  return owned;
}

/* `--quit` reaches the exhibition on this session's bus; from an SSH
 * login (another bus, or none) it finds the kiosk's bus where the kiosk
 * wrote it, $XDG_RUNTIME_DIR/lgsm-exhibition/session-bus. With no
 * exhibition running anywhere it says so and exits 1, rather than start
 * one only to quit it. Returns -1 to go on, or the exit status. */
int
lgsm_command_line_prepare_quit (int    argc,
                                char **argv)
{
  g_autofree char *address = NULL;
  g_autofree char *file = NULL;
  g_autofree char *kiosk_address = NULL;
  gboolean quit = FALSE;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--quit") || g_str_equal (argv[i], "-q"))
      quit = TRUE;
  if (!quit)
    return -1;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (instance_on_bus (address))
    return -1;
  file = lgsm_application_kiosk_bus_file ();
  if (g_file_get_contents (file, &kiosk_address, NULL, NULL))
    {
      g_strstrip (kiosk_address);
      if (instance_on_bus (kiosk_address))
        {
          g_setenv ("DBUS_SESSION_BUS_ADDRESS", kiosk_address, TRUE);
          return -1;
        }
    }
  /* Translators: "lgsm-exhibition --quit" found nothing to quit; "bus" is the D-Bus session bus;
     %s is the file a kiosk writes its bus's address to */
  g_printerr (_("No exhibition is running on this session's bus, nor a kiosk in %s\n"), file);
  return 1;
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
  /* Translators: --validate's summary, printed in a terminal, followed by "; " and the number of
     problems */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u record is valid", "%u records are valid",
                        lgsm_exhibition_get_n_records (exhibition)),
           lgsm_exhibition_get_n_records (exhibition));
  g_print ("; ");
  /* Translators: --validate's summary in a terminal, after the number of valid records and "; " */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u problem\n", "%u problems\n", n), n);
  return n == 0 ? 0 : 1;
}

/* --search=QUERY [--records=DIR] [--lang=LANG]: the ranked matches as
 * ID<TAB>TITLE lines; 0 if there are any, 1 if none (with "did you mean"
 * on stderr when the records suggest one). */
static int
run_search (GVariantDict *options,
            const char   *query)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *records = NULL;
  const char *lang = NULL;
  gboolean loaded;
  int n;

  if (g_variant_dict_lookup (options, "lang", "&s", &lang))
    lgsm_language_apply (lang);
  lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  if (g_variant_dict_lookup (options, "records", "^ay", &records))
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (records);
      loaded = lgsm_exhibition_load_directory (exhibition, folder, RESOURCE_PREFIX, &error);
    }
  else
    loaded = lgsm_exhibition_load_resources (exhibition, RESOURCE_PREFIX, &error);
  if (!loaded)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n = lgsm_search_print (exhibition, query, out);
  g_print ("%s", out->str);
  if (n == 0)
    {
      g_autoptr(LgsmSearchResults) results = lgsm_exhibition_search_full (exhibition, query);
      const char *suggestion = lgsm_search_results_get_suggestion (results);

      if (suggestion)
        /* Translators: --search found nothing; %s is a word from the records */
        g_printerr (_("No record matches. Did you mean “%s”?\n"), suggestion);
      else
        /* Translators: --search found nothing, printed in a terminal */
        g_printerr (_("No record matches.\n"));
    }
  return n > 0 ? 0 : 1;
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
  const char *query = NULL, *speak = NULL, *lang = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lgsm-exhibition %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (self->validate.requested)
    return run_validation (self->validate.dir);
  if (g_variant_dict_lookup (options, "search", "&s", &query))
    return run_search (options, query);
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
    /* Translators: --help: the line under "Usage:"; keep the name of the group as it is */
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
    /* Translators: --record=ID names no record; %s is the id given */
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
  gboolean new_kiosk;

  if (g_variant_dict_contains (options, "quit"))
    {
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Quit asked for from the command line (--quit)",
                        "LGSM_KIOSK_EVENT", "operator-quit");
      lgsm_application_operator_quit (self);
      return 0;
    }
  if (lgsm_application_kiosk_command_line (self, command_line))
    return 0;
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

  new_kiosk = lgsm_context_get_kiosk (self->context) &&
              gtk_application_get_windows (GTK_APPLICATION (self)) == NULL;
  window = lgsm_application_ensure_window (self, records_path);
  if (g_variant_dict_lookup (options, "section", "&s", &section))
    lgsm_window_show_section (window, section);
  if (g_variant_dict_lookup (options, "record", "&s", &record))
    open_record (self, window, command_line, record);
  if (g_variant_dict_contains (options, "quit-after-first-frame"))
    lgsm_window_quit_after_first_frame (window);
  gtk_window_present (GTK_WINDOW (window));
  /* a kiosk starts as it is when nobody is there: at boot, or brought
   * back after a crash by its service */
  if (new_kiosk && lgsm_window_get_kiosk (window))
    lgsm_kiosk_start_attract (lgsm_window_get_kiosk (window));
  if (g_variant_dict_contains (options, "present"))
    lgsm_window_present_slides (window, section);
  return 0;
}
