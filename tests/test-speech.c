/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading aloud with espeak-ng: real records to WAV files in English and
 * Welsh, the errors of --speak, and reading off the calling thread. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lgsm-exhibition.h"
#include "lgsm-speaker.h"
#include "lgsm-speech-cli.h"
#include "lgsm-speech-wav.h"
#include "speech-language.h"

static LgsmExhibition *
load_bundled (void)
{
  LgsmExhibition *exhibition = lgsm_exhibition_new ();
  g_autoptr(GError) error = NULL;

  lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  g_assert_true (lgsm_exhibition_load_resources (exhibition, "/org/lgsm/Exhibition/", &error));
  g_assert_no_error (error);
  return exhibition;
}

static guint32
get_u32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static guint16
get_u16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

/* Checks a WAV file's header and returns its samples (host order). */
static GArray *
read_wav (const char *path,
          guint32    *rate)
{
  g_autofree guint8 *data = NULL;
  GArray *samples;
  gsize size;

  g_assert_true (g_file_get_contents (path, (char **) &data, &size, NULL));
  g_assert_cmpuint (size, >, 44);
  g_assert_cmpmem (data, 4, "RIFF", 4);
  g_assert_cmpuint (get_u32 (data + 4), ==, size - 8);
  g_assert_cmpmem (data + 8, 8, "WAVEfmt ", 8);
  g_assert_cmpuint (get_u32 (data + 16), ==, 16);
  g_assert_cmpuint (get_u16 (data + 20), ==, 1);      /* PCM */
  g_assert_cmpuint (get_u16 (data + 22), ==, 1);      /* mono */
  *rate = get_u32 (data + 24);
  g_assert_cmpuint (get_u32 (data + 28), ==, *rate * 2);
  g_assert_cmpuint (get_u16 (data + 32), ==, 2);
  g_assert_cmpuint (get_u16 (data + 34), ==, 16);
  g_assert_cmpmem (data + 36, 4, "data", 4);
  g_assert_cmpuint (get_u32 (data + 40), ==, size - 44);

  samples = g_array_sized_new (FALSE, FALSE, sizeof (gint16), (size - 44) / 2);
  for (gsize i = 44; i + 1 < size; i += 2)
    {
      gint16 sample = (gint16) get_u16 (data + i);
      g_array_append_val (samples, sample);
    }
  return samples;
}

static double
rms (GArray *samples)
{
  double sum = 0;

  for (guint i = 0; i < samples->len; i++)
    {
      double s = g_array_index (samples, gint16, i);
      sum += s * s;
    }
  return samples->len ? sqrt (sum / samples->len) : 0;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lgsm-speech-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

/* --speak=RECORD-ID --lang=LANG --output=FILE.wav for a bundled record. */
static GArray *
speak_bundled (const char *language,
               const char *path,
               char      **title)
{
  g_autoptr(LgsmExhibition) exhibition = load_bundled ();
  g_autoptr(GError) error = NULL;
  GArray *samples;
  guint32 rate;

  g_assert_cmpint (lgsm_speech_command_line (exhibition, "pits-and-perverts", language, path, &error), ==, 0);
  g_assert_no_error (error);
  samples = read_wav (path, &rate);
  g_assert_cmpuint (rate, ==, 22050);
  g_test_message ("%s: %.1f s, RMS %.0f", language, samples->len / (double) rate, rms (samples));
  g_assert_cmpfloat (samples->len / (double) rate, >, 10.0);
  g_assert_cmpfloat (rms (samples), >, 500.0);    /* speech, not silence (full scale 32767) */
  *title = g_strdup (lgsm_record_get_title (lgsm_exhibition_lookup (exhibition, "pits-and-perverts")));
  return samples;
}

static void
test_record_english_and_welsh (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *en_path = g_build_filename (dir, "pits.en.wav", NULL);
  g_autofree char *cy_path = g_build_filename (dir, "pits.cy.wav", NULL);
  g_autofree char *en_title = NULL;
  g_autofree char *cy_title = NULL;
  g_autoptr(GArray) en = NULL;
  g_autoptr(GArray) cy = NULL;

  if (!speech_test_use_language ("cy"))
    {
      g_test_skip ("no cy_GB.UTF-8 locale (.ci/setup makes it)");
      remove_dir (dir);
      return;
    }
  cy = speak_bundled ("cy", cy_path, &cy_title);
  g_assert_true (speech_test_use_language ("en"));
  en = speak_bundled ("en", en_path, &en_title);

  /* the Welsh file reads the Welsh text with the Welsh voice */
  g_assert_cmpstr (en_title, !=, cy_title);
  g_assert_true (en->len != cy->len || memcmp (en->data, cy->data, en->len * 2) != 0);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  remove_dir (dir);
}

static void
test_recording_sentences (void)
{
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(LgsmSpeaker) speaker = lgsm_speaker_new ();
  g_autoptr(LgsmSpeechRecording) recording = NULL;
  g_autoptr(GError) error = NULL;
  guint64 previous_end = 0;

  g_assert_true (speech_test_use_language ("en"));
  exhibition = load_bundled ();
  recording = lgsm_speaker_speak_record (speaker, lgsm_exhibition_lookup (exhibition, "lgsm"), "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (recording->sample_rate, ==, 22050);
  g_assert_cmpuint (recording->sentences->len, >, 5);
  for (guint i = 0; i < recording->sentences->len; i++)
    {
      const LgsmSpeechSentence *sentence = recording->sentences->pdata[i];
      guint64 middle = (sentence->sample_start + sentence->sample_end) / 2;

      /* one after another, each heard for a while, the player's highlight follows */
      g_assert_cmpuint (sentence->sample_start, ==, previous_end);
      g_assert_cmpuint (sentence->sample_end, >, sentence->sample_start + recording->sample_rate / 4);
      g_assert_true (lgsm_speech_recording_sentence_at (recording, middle) == sentence);
      previous_end = sentence->sample_end;
    }
  g_assert_cmpuint (previous_end, ==, lgsm_speech_recording_get_n_samples (recording));
  g_assert_null (lgsm_speech_recording_sentence_at (recording, previous_end));
}

static void
test_unknown_id (void)
{
  g_autoptr(LgsmExhibition) exhibition = load_bundled ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.wav", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (lgsm_speech_command_line (exhibition, "no-such-record", "en", path, &error), ==, 1);
  g_assert_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_UNKNOWN_RECORD);
  g_assert_nonnull (strstr (error->message, "no-such-record"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_dir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(LgsmExhibition) exhibition = load_bundled ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.wav", NULL);
  g_autofree char *taken = g_build_filename (dir, "a-folder", NULL);
  g_autoptr(GError) error = NULL;

  /* a folder that does not exist */
  g_assert_cmpint (lgsm_speech_command_line (exhibition, "lgsm", "en", missing, &error), ==, 1);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* a folder where the file should go: the sound is written, then cannot
   * take the folder's place, and nothing is left behind */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  g_assert_cmpint (lgsm_speech_command_line (exhibition, "lgsm", "en", taken, &error), ==, 1);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, taken));
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_clear_error (&error);

  g_assert_cmpint (lgsm_speech_command_line (exhibition, "lgsm", "en", NULL, &error), ==, 1);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  remove_dir (dir);
}

/* --speak=all --output=DIR: one file per record, DIR/ID.LANG.wav. */
static void
test_all (void)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autofree char *records = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (records);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "guide", NULL);
  g_autofree char *one = g_build_filename (out, "concert.en.wav", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = NULL;
  guint32 rate;

  g_assert_true (speech_test_use_language ("en"));
  g_assert_true (lgsm_exhibition_load_directory (exhibition, folder, "/org/lgsm/Exhibition/", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lgsm_speech_command_line (exhibition, "all", "en", out, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (out), ==, lgsm_exhibition_get_n_records (exhibition));
  samples = read_wav (one, &rate);
  g_assert_cmpfloat (rms (samples), >, 500.0);
  remove_dir (dir);
}

static void
test_no_voice (void)
{
  g_autoptr(LgsmExhibition) exhibition = load_bundled ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.wav", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (lgsm_speech_command_line (exhibition, "lgsm", "xx", path, &error), ==, 1);
  g_assert_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_NO_VOICE);
  g_assert_nonnull (strstr (error->message, "“xx”"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_dir (dir);
}

static void
test_voice_for_language (void)
{
  g_autofree char *en = lgsm_speech_voice_for_language ("en");
  g_autofree char *cy = lgsm_speech_voice_for_language ("cy");
  g_autofree char *locale = lgsm_speech_voice_for_language ("cy_GB.UTF-8");
  g_autofree char *path = lgsm_speech_voice_for_language ("../../etc/passwd");
  g_autofree char *empty = lgsm_speech_voice_for_language ("");

  g_assert_cmpstr (en, ==, "en-gb");
  g_assert_cmpstr (cy, ==, "cy");
  g_assert_cmpstr (locale, ==, "cy");
  g_assert_null (path);
  g_assert_null (empty);
}

static void
test_wav_bytes (void)
{
  const gint16 samples[] = { 0, 1, -1, 32767, -32768 };
  const guint8 expected[] = { 0, 0, 1, 0, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x80 };
  g_autoptr(GBytes) pcm = g_bytes_new (samples, sizeof samples);
  g_autoptr(GBytes) wav = lgsm_speech_wav_new (pcm, 16000, NULL);
  const guint8 *data = g_bytes_get_data (wav, NULL);

  g_assert_cmpuint (g_bytes_get_size (wav), ==, 44 + sizeof samples);
  g_assert_cmpuint (get_u32 (data + 24), ==, 16000);
  g_assert_cmpmem (data + 44, sizeof expected, expected, sizeof expected);
}

/* ---- off the calling thread ---- */

typedef struct {
  GMainLoop *loop;
  GError    *error;
  gsize      size;
  guint      ticks;
  guint      ticks_before_done;
  gboolean   done;
  GThread   *callback_thread;
} Wait;

static void
on_synthesized (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Wait *wait = data;
  g_autoptr(GBytes) pcm = lgsm_speaker_synthesize_finish (LGSM_SPEAKER (source), result, NULL, &wait->error);

  wait->size = pcm ? g_bytes_get_size (pcm) : 0;
  wait->done = TRUE;
  wait->ticks_before_done = wait->ticks;
  wait->callback_thread = g_thread_self ();
  g_main_loop_quit (wait->loop);
}

static gboolean
on_tick (gpointer data)
{
  Wait *wait = data;

  wait->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
cancel_now (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static char *
long_text (guint repeats)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < repeats; i++)
    g_string_append (text, "The miners were on strike for a year, and lesbians and gay men in London "
                           "collected money for them in pubs, clubs and on the street. ");
  return g_string_free (text, FALSE);
}

/* The main loop keeps running while a long text is read: a timeout fires
 * in the meantime, and the main loop can cancel the reading. */
static void
test_off_thread (void)
{
  g_autoptr(LgsmSpeaker) speaker = lgsm_speaker_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *text = long_text (400);
  Wait wait = { loop };
  guint tick = g_timeout_add (1, on_tick, &wait);

  /* a reading on the calling thread could not be cancelled from its main loop */
  lgsm_speaker_synthesize_async (speaker, "en", text, cancellable, on_synthesized, &wait);
  g_idle_add (cancel_now, cancellable);
  g_main_loop_run (loop);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (wait.callback_thread == g_thread_self ());
  g_clear_error (&wait.error);

  /* the speech thread is free again, and reads while the main loop runs */
  wait = (Wait) { loop };
  g_free (text);
  text = long_text (40);
  lgsm_speaker_synthesize_async (speaker, "en", text, NULL, on_synthesized, &wait);
  g_assert_false (wait.done);
  g_main_loop_run (loop);
  g_assert_no_error (wait.error);
  g_test_message ("%u timeouts fired while reading %" G_GSIZE_FORMAT " bytes of sound",
                  wait.ticks_before_done, wait.size);
  g_assert_cmpuint (wait.size, >, 22050 * 2 * 30);
  g_assert_cmpuint (wait.ticks_before_done, >, 0);
  g_source_remove (tick);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speech/voice-for-language", test_voice_for_language);
  g_test_add_func ("/speech/wav-bytes", test_wav_bytes);
  g_test_add_func ("/speech/record-english-and-welsh", test_record_english_and_welsh);
  g_test_add_func ("/speech/recording-sentences", test_recording_sentences);
  g_test_add_func ("/speech/unknown-id", test_unknown_id);
  g_test_add_func ("/speech/unwritable", test_unwritable);
  g_test_add_func ("/speech/all", test_all);
  g_test_add_func ("/speech/no-voice", test_no_voice);
  g_test_add_func ("/speech/off-thread", test_off_thread);

  return g_test_run ();
}
