/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads text aloud into samples with espeak-ng, off the caller's thread.
 * espeak-ng keeps its state in globals and is not thread-safe, so every
 * call into it is made on one dedicated thread, one job after another;
 * speakers only hand that thread jobs (GTasks). */
#include "config.h"

#include <espeak-ng/speak_lib.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgsm-speaker.h"

G_DEFINE_QUARK (lgsm-speech-error-quark, lgsm_speech_error)

struct _LgsmSpeaker
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (LgsmSpeaker, lgsm_speaker, G_TYPE_OBJECT)

/* What the speech thread is given, and gives back. */
typedef struct {
  char       *language;   /* as asked, for messages */
  char       *voice;      /* espeak-ng's name for the voice */
  GPtrArray  *sentences;  /* LgsmSpeechSentence: the texts, read one after another */
  GByteArray *pcm;
  int         rate;
} Job;

static void
job_free (Job *job)
{
  g_free (job->language);
  g_free (job->voice);
  g_clear_pointer (&job->sentences, g_ptr_array_unref);
  g_clear_pointer (&job->pcm, g_byte_array_unref);
  g_free (job);
}

/* ---- the speech thread: the only one that calls espeak-ng ---------------- */

static int           engine_rate;          /* 0: not started, -1: cannot start */
static char         *engine_voice;         /* the voice set, or NULL */
static GByteArray   *engine_pcm;           /* where samples go while reading */
static GCancellable *engine_cancellable;

static int
on_samples (short        *wav,
            int           n_samples,
            espeak_EVENT *events)
{
  if (engine_cancellable && g_cancellable_is_cancelled (engine_cancellable))
    return 1;   /* stop reading */
  if (wav && n_samples > 0 && engine_pcm)
    g_byte_array_append (engine_pcm, (const guint8 *) wav, (guint) n_samples * sizeof (short));
  return 0;
}

static gboolean
engine_start (GError **error)
{
  if (engine_rate == 0)
    {
      engine_rate = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
      if (engine_rate > 0)
        espeak_SetSynthCallback (on_samples);
      else
        engine_rate = -1;
    }
  if (engine_rate < 0)
    {
      g_set_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_ENGINE,
                   /* Translators: an error when reading aloud; keep the names espeak-ng and
                      espeak-ng-data (a program and its package) */
                   _("The speech engine espeak-ng could not start (is espeak-ng-data installed?)"));
      return FALSE;
    }
  return TRUE;
}

/* The first voice espeak-ng lists for the language (the best match) that
 * it can speak with itself (not an MBROLA voice, which needs other data). */
static const char *
engine_find_voice (const char *language)
{
  espeak_VOICE spec = { 0 };
  const espeak_VOICE **voices;
  gsize code_len = strcspn (language, "-");

  spec.languages = language;
  voices = espeak_ListVoices (&spec);
  for (guint i = 0; voices && voices[i]; i++)
    {
      const char *first = voices[i]->languages ? voices[i]->languages + 1 : "";

      if (g_str_has_prefix (voices[i]->identifier, "mb/") || voices[i]->identifier[0] == '!')
        continue;
      if (strncmp (first, language, code_len) == 0 && (first[code_len] == '\0' || first[code_len] == '-'))
        return voices[i]->identifier;
    }
  return NULL;
}

static gboolean
engine_set_voice (Job     *job,
                  GError **error)
{
  const char *identifier;

  if (job->voice && g_strcmp0 (engine_voice, job->voice) == 0)
    return TRUE;
  g_clear_pointer (&engine_voice, g_free);
  identifier = job->voice ? engine_find_voice (job->voice) : NULL;
  if (identifier == NULL || espeak_SetVoiceByName (identifier) != EE_OK)
    {
      g_set_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_NO_VOICE,
                   /* Translators: an error when reading aloud; %s is a language code such as "cy" */
                   _("There is no voice for the language “%s”"), job->language);
      return FALSE;
    }
  engine_voice = g_strdup (job->voice);
  return TRUE;
}

static gboolean
engine_read (const char    *text,
             GByteArray    *pcm,
             GCancellable  *cancellable,
             GError       **error)
{
  espeak_ERROR result;

  engine_pcm = pcm;
  engine_cancellable = cancellable;
  result = espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
  engine_pcm = NULL;
  engine_cancellable = NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (result != EE_OK)
    {
      g_set_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_SYNTHESIS,
                   /* Translators: an error when reading aloud; %s is the text, %d the speech
                      engine's error number */
                   _("The voice could not read “%s” (espeak-ng error %d)"), text, (int) result);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_sentences (Job          *job,
                GCancellable *cancellable,
                GError      **error)
{
  for (guint i = 0; i < job->sentences->len; i++)
    {
      LgsmSpeechSentence *sentence = job->sentences->pdata[i];

      sentence->sample_start = job->pcm->len / sizeof (short);
      if (!engine_read (sentence->text, job->pcm, cancellable, error))
        return FALSE;
      sentence->sample_end = job->pcm->len / sizeof (short);
    }
  if (job->pcm->len == 0)
    {
      g_set_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_SYNTHESIS,
                   /* Translators: an error when reading aloud; %s is a language code such as "cy" */
                   _("The voice for “%s” gave no sound"), job->language);
      return FALSE;
    }
  return TRUE;
}

static void
speech_thread_run (gpointer data,
                   gpointer pool_data)
{
  g_autoptr(GTask) task = data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!engine_start (&error) || !engine_set_voice (job, &error) ||
      !read_sentences (job, g_task_get_cancellable (task), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->rate = engine_rate;
  g_task_return_boolean (task, TRUE);
}

/* One thread for the life of the process, running one job at a time. */
static GThreadPool *
speech_thread (GError **error)
{
  static GThreadPool *pool;
  static GError *failure;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *created = g_thread_pool_new (speech_thread_run, NULL, 1, TRUE, &failure);
      g_once_init_leave (&pool, created ? created : GSIZE_TO_POINTER (1));
    }
  if (pool == GSIZE_TO_POINTER (1))
    {
      g_set_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_ENGINE,
                   /* Translators: an error when reading aloud; %s is the system's reason */
                   _("The speech thread could not start: %s"), failure->message);
      return NULL;
    }
  return pool;
}

/* ---- voices ---------------------------------------------------------------- */

/**
 * lgsm_speech_voice_for_language:
 * @language: a language code: "en", "cy", "cy_GB.UTF-8"
 *
 * Returns: (transfer full) (nullable): the language to ask espeak-ng for a
 *   voice for ("en-gb" for "en": British English), or NULL when @language
 *   is not a language code
 */
char *
lgsm_speech_voice_for_language (const char *language)
{
  g_autofree char *code = NULL;
  gsize len;

  if (language == NULL)
    return NULL;
  len = strcspn (language, "_-.@");
  if (len < 2 || len > 3)
    return NULL;
  code = g_ascii_strdown (language, len);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (code[i]))
      return NULL;
  if (g_str_equal (code, "en"))
    return g_strdup ("en-gb");
  return g_steal_pointer (&code);
}

/* ---- speakers ---------------------------------------------------------------- */

static void
lgsm_speaker_class_init (LgsmSpeakerClass *klass)
{
}

static void
lgsm_speaker_init (LgsmSpeaker *self)
{
}

LgsmSpeaker *
lgsm_speaker_new (void)
{
  return g_object_new (LGSM_TYPE_SPEAKER, NULL);
}

static void
start_job (LgsmSpeaker         *self,
           const char          *language,
           GPtrArray           *sentences,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  GThreadPool *pool = speech_thread (&error);
  Job *job = g_new0 (Job, 1);

  job->language = g_strdup (language ? language : "");
  job->voice = lgsm_speech_voice_for_language (language);
  job->sentences = sentences;
  job->pcm = g_byte_array_new ();
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (pool == NULL)
    g_task_return_error (task, error);
  else
    g_thread_pool_push (pool, g_steal_pointer (&task), NULL);
}

/**
 * lgsm_speaker_synthesize_async:
 * @language: the language of @text ("en", "cy")
 * @text: what to say, as the voice should read it (see
 *   lgsm_speech_text_normalise())
 *
 * Reads @text aloud on the speech thread; the samples come back to
 * @callback in the thread-default main context.
 */
void
lgsm_speaker_synthesize_async (LgsmSpeaker         *self,
                               const char          *language,
                               const char          *text,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) lgsm_speech_sentence_free);

  g_return_if_fail (LGSM_IS_SPEAKER (self));
  g_return_if_fail (text != NULL);

  g_ptr_array_add (sentences, lgsm_speech_sentence_new ("text", 0, strlen (text), text));
  start_job (self, language, sentences, lgsm_speaker_synthesize_async, cancellable, callback, user_data);
}

/**
 * lgsm_speaker_synthesize_finish:
 * @sample_rate: (out) (optional): samples a second
 *
 * Returns: (transfer full): 16-bit signed mono samples in the machine's
 *   byte order, or NULL with @error set
 */
GBytes *
lgsm_speaker_synthesize_finish (LgsmSpeaker   *self,
                                GAsyncResult  *result,
                                int           *sample_rate,
                                GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lgsm_speaker_synthesize_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  if (sample_rate)
    *sample_rate = job->rate;
  return g_byte_array_free_to_bytes (g_steal_pointer (&job->pcm));
}

/**
 * lgsm_speaker_speak_record_async:
 * @record: a record, loaded in @language
 * @language: "en", "cy"
 *
 * Reads the whole record aloud (lgsm_speech_text_for_record()) on the
 * speech thread. The text is made on the calling thread, so that it is in
 * the current translation.
 */
void
lgsm_speaker_speak_record_async (LgsmSpeaker         *self,
                                 LgsmRecord          *record,
                                 const char          *language,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (LGSM_IS_SPEAKER (self));
  g_return_if_fail (LGSM_IS_RECORD (record));

  start_job (self, language, lgsm_speech_text_for_record (record, language),
             lgsm_speaker_speak_record_async, cancellable, callback, user_data);
}

/**
 * lgsm_speaker_speak_record_finish:
 *
 * Returns: (transfer full): the recording, its sentences with the samples
 *   each takes, or NULL with @error set
 */
LgsmSpeechRecording *
lgsm_speaker_speak_record_finish (LgsmSpeaker   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  LgsmSpeechRecording *recording;
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lgsm_speaker_speak_record_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  recording = g_new0 (LgsmSpeechRecording, 1);
  recording->pcm = g_byte_array_free_to_bytes (g_steal_pointer (&job->pcm));
  recording->sample_rate = job->rate;
  recording->sentences = g_steal_pointer (&job->sentences);
  return recording;
}

static void
on_record_spoken (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/**
 * lgsm_speaker_speak_record:
 *
 * lgsm_speaker_speak_record_async(), waiting for the recording (for the
 * command line; the reading still happens on the speech thread).
 *
 * Returns: (transfer full): the recording, or NULL with @error set
 */
LgsmSpeechRecording *
lgsm_speaker_speak_record (LgsmSpeaker   *self,
                           LgsmRecord    *record,
                           const char    *language,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (LGSM_IS_SPEAKER (self), NULL);

  g_main_context_push_thread_default (context);
  lgsm_speaker_speak_record_async (self, record, language, cancellable, on_record_spoken, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  return lgsm_speaker_speak_record_finish (self, result, error);
}

/* ---- recordings ---------------------------------------------------------------- */

void
lgsm_speech_recording_free (LgsmSpeechRecording *recording)
{
  if (recording == NULL)
    return;
  g_clear_pointer (&recording->pcm, g_bytes_unref);
  g_clear_pointer (&recording->sentences, g_ptr_array_unref);
  g_free (recording);
}

guint64
lgsm_speech_recording_get_n_samples (LgsmSpeechRecording *recording)
{
  g_return_val_if_fail (recording != NULL, 0);
  return g_bytes_get_size (recording->pcm) / sizeof (gint16);
}

/**
 * lgsm_speech_recording_sentence_at:
 * @sample: a position in the recording, in samples
 *
 * Returns: (transfer none) (nullable): the sentence heard at @sample, for
 *   highlighting it
 */
const LgsmSpeechSentence *
lgsm_speech_recording_sentence_at (LgsmSpeechRecording *recording,
                                   guint64              sample)
{
  g_return_val_if_fail (recording != NULL, NULL);

  for (guint i = 0; i < recording->sentences->len; i++)
    {
      const LgsmSpeechSentence *sentence = recording->sentences->pdata[i];
      if (sample >= sentence->sample_start && sample < sentence->sample_end)
        return sentence;
    }
  return NULL;
}
