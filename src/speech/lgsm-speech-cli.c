/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audio guide export: --speak=RECORD-ID --output=FILE.wav writes one
 * record read aloud, --speak=all --output=DIR every record as DIR/ID.LANG.wav. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgsm-speaker.h"
#include "lgsm-speech-cli.h"
#include "lgsm-speech-wav.h"

/**
 * lgsm_speech_current_language:
 *
 * Returns: (transfer full): the language of the current messages locale as
 *   a code for the voice ("cy" under LANGUAGE=cy or cy_GB.UTF-8), "en" when
 *   it is C or POSIX
 */
char *
lgsm_speech_current_language (void)
{
  const char *name = g_get_language_names ()[0];
  gsize len = strcspn (name, "_-.@");

  if (len < 2 || len > 3 || g_str_equal (name, "POSIX"))
    return g_strdup ("en");
  return g_ascii_strdown (name, len);
}

static gboolean
speak_to_file (LgsmSpeaker  *speaker,
               LgsmRecord   *record,
               const char   *language,
               GFile        *file,
               GError      **error)
{
  g_autoptr(LgsmSpeechRecording) recording = NULL;

  recording = lgsm_speaker_speak_record (speaker, record, language, NULL, error);
  if (recording == NULL)
    {
      /* Translators: put before an error, with the record's id */
      g_prefix_error (error, _("Record “%s”: "), lgsm_record_get_id (record));
      return FALSE;
    }
  return lgsm_speech_write_wav (recording->pcm, recording->sample_rate, file, error);
}

static gboolean
make_directory (GFile   *dir,
                GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;

  if (g_file_make_directory_with_parents (dir, NULL, &local) ||
      g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;
  name = g_file_get_parse_name (dir);
  /* Translators: --speak=all --output=DIR: the first %s is the folder, the second the system's
     reason */
  g_set_error (error, G_IO_ERROR, local->code, _("Could not make the folder “%s”: %s"),
               name, local->message);
  return FALSE;
}

/* Every record of every section, as DIR/ID.LANG.wav. */
static gboolean
speak_all (LgsmExhibition  *exhibition,
           LgsmSpeaker     *speaker,
           const char      *language,
           GFile           *dir,
           GError         **error)
{
  GListModel *sections = lgsm_exhibition_get_sections (exhibition);

  if (!make_directory (dir, error))
    return FALSE;
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);

      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          g_autofree char *name = g_strdup_printf ("%s.%s.wav", lgsm_record_get_id (record), language);
          g_autoptr(GFile) file = g_file_get_child (dir, name);

          if (!speak_to_file (speaker, record, language, file, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * lgsm_speech_command_line:
 * @exhibition: the records, loaded in @language
 * @record_id_or_all: a record's id, or "all"
 * @language: (nullable): "en", "cy"; NULL or "" for the current language
 * @output: a WAV file to write, or for "all" a folder (made if need be)
 *
 * Writes the record read aloud to @output, or every record to
 * @output/ID.LANG.wav. A file is written whole or not at all.
 *
 * Returns: the exit status: 0, or 1 with @error set (naming the record id
 *   or the file)
 */
int
lgsm_speech_command_line (LgsmExhibition  *exhibition,
                          const char      *record_id_or_all,
                          const char      *language,
                          const char      *output,
                          GError         **error)
{
  g_autoptr(LgsmSpeaker) speaker = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *current = NULL;
  LgsmRecord *record;

  g_return_val_if_fail (LGSM_IS_EXHIBITION (exhibition), 1);
  g_return_val_if_fail (record_id_or_all != NULL, 1);

  if (output == NULL || *output == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: an error on the command line; keep the options --speak, --output
                      and --speak=all as they are */
                   _("--speak needs --output: a .wav file, or a folder for --speak=all"));
      return 1;
    }
  if (language == NULL || *language == '\0')
    language = current = lgsm_speech_current_language ();
  speaker = lgsm_speaker_new ();
  file = g_file_new_for_commandline_arg (output);
  if (g_str_equal (record_id_or_all, "all"))
    return speak_all (exhibition, speaker, language, file, error) ? 0 : 1;

  record = lgsm_exhibition_lookup (exhibition, record_id_or_all);
  if (record == NULL)
    {
      g_set_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_UNKNOWN_RECORD,
                   /* Translators: --speak=ID names no record; %s is the id given */
                   _("There is no record with the id “%s”"), record_id_or_all);
      return 1;
    }
  return speak_to_file (speaker, record, language, file, error) ? 0 : 1;
}
