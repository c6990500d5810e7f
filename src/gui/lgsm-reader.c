/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-gui-enums.h"
#include "lgsm-reader-private.h"
#include "lgsm-speech-cli.h"

/* Reads a record (or a short phrase) aloud: the voice makes the sound on
 * the speech thread (LgsmSpeaker), GStreamer plays it, and the sentence
 * being heard is highlighted in the views that follow the reader.
 *
 * This file is the reading's state machine; lgsm-reader-playback.c plays
 * the sound (GStreamer), lgsm-reader-views.c highlights and updates the
 * buttons. */

G_DEFINE_FINAL_TYPE (LgsmReader, lgsm_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_RECORD,
  PROP_SENTENCE,
  PROP_MESSAGE,
  PROP_AVAILABLE,
  PROP_VOLUME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_SPOKEN, SIGNAL_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- state ---------------------------------------------------------------- */

void
lgsm_reader_set_state (LgsmReader      *self,
                       LgsmReaderState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  lgsm_reader_views_update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
lgsm_reader_set_sentence (LgsmReader               *self,
                          const LgsmSpeechSentence *sentence)
{
  if (self->sentence == sentence)
    return;
  self->sentence = sentence;
  lgsm_reader_views_update_highlight (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENTENCE]);
}

static void
set_message (LgsmReader *self,
             const char *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

void
lgsm_reader_set_available (LgsmReader *self,
                           gboolean    available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

/* Ends whatever is being read or made, with no signal but the state's. */
void
lgsm_reader_halt (LgsmReader *self)
{
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  lgsm_reader_playback_stop (self);
  lgsm_reader_set_sentence (self, NULL);
  g_clear_pointer (&self->recording, lgsm_speech_recording_free);
  if (self->record)
    {
      g_clear_object (&self->record);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
    }
}

/**
 * lgsm_reader_stop:
 *
 * Stops reading; the text on screen is not touched.
 */
void
lgsm_reader_stop (LgsmReader *self)
{
  g_return_if_fail (LGSM_IS_READER (self));

  lgsm_reader_halt (self);
  lgsm_reader_set_state (self, LGSM_READER_STOPPED);
}

void
lgsm_reader_fail (LgsmReader *self,
                  const char *message)
{
  lgsm_reader_halt (self);
  set_message (self, message);
  lgsm_reader_set_state (self, LGSM_READER_STOPPED);
}

/* The reading was heard to its end. */
void
lgsm_reader_finish (LgsmReader *self)
{
  lgsm_reader_halt (self);
  lgsm_reader_set_state (self, LGSM_READER_STOPPED);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

LgsmReaderPending *
lgsm_reader_pending_new (LgsmReader *self)
{
  LgsmReaderPending *pending = g_new (LgsmReaderPending, 1);

  g_weak_ref_init (&pending->reader, self);
  pending->generation = self->generation;
  return pending;
}

void
lgsm_reader_pending_free (LgsmReaderPending *pending)
{
  g_weak_ref_clear (&pending->reader);
  g_free (pending);
}

/* Returns: (transfer full) (nullable): the reader, if this is still its
 * reading */
LgsmReader *
lgsm_reader_pending_get (LgsmReaderPending *pending)
{
  LgsmReader *self = g_weak_ref_get (&pending->reader);

  if (self && self->generation != pending->generation)
    g_clear_object (&self);
  return self;
}

/* ---- reading ----------------------------------------------------------------- */

static void
on_record_spoken (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(LgsmReaderPending) pending = data;
  g_autoptr(LgsmReader) self = lgsm_reader_pending_get (pending);
  g_autoptr(GError) error = NULL;
  LgsmSpeechRecording *recording = lgsm_speaker_speak_record_finish (LGSM_SPEAKER (source), result, &error);

  if (self == NULL)
    {
      lgsm_speech_recording_free (recording);
      return;
    }
  if (recording == NULL)
    {
      /* no voice for the language: say so; the text stays on screen */
      lgsm_reader_fail (self, error->message);
      return;
    }
  lgsm_reader_playback_start (self, recording);
}

static void
on_phrase_spoken (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(LgsmReaderPending) pending = data;
  g_autoptr(LgsmReader) self = lgsm_reader_pending_get (pending);
  g_autoptr(GError) error = NULL;
  LgsmSpeechRecording *recording;
  int rate = 0;
  GBytes *pcm = lgsm_speaker_synthesize_finish (LGSM_SPEAKER (source), result, &rate, &error);

  if (self == NULL)
    {
      g_clear_pointer (&pcm, g_bytes_unref);
      return;
    }
  if (pcm == NULL)
    {
      lgsm_reader_fail (self, error->message);
      return;
    }
  recording = g_new0 (LgsmSpeechRecording, 1);
  recording->pcm = pcm;
  recording->sample_rate = rate;
  recording->sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) lgsm_speech_sentence_free);
  lgsm_reader_playback_start (self, recording);
}

/* "" or NULL: the language of the interface as it is now */
static char *
voice_language (const char *language)
{
  return language && *language ? g_strdup (language) : lgsm_speech_current_language ();
}

static void
start (LgsmReader *self)
{
  lgsm_reader_halt (self);
  set_message (self, NULL);
  self->cancellable = g_cancellable_new ();
  lgsm_reader_set_state (self, LGSM_READER_SYNTHESISING);
}

/**
 * lgsm_reader_read_record:
 * @record: a record, loaded in the language of the interface
 * @language: (nullable): "en", "cy"; NULL or "" for the interface's
 *
 * Reads @record aloud, as lgsm_speech_text_for_record() gives it: title,
 * date, summary, paragraphs, "Picture: …". Anything being read stops.
 */
void
lgsm_reader_read_record (LgsmReader *self,
                         LgsmRecord *record,
                         const char *language)
{
  g_autofree char *lang = voice_language (language);

  g_return_if_fail (LGSM_IS_READER (self));
  g_return_if_fail (LGSM_IS_RECORD (record));

  start (self);
  self->record = g_object_ref (record);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  if (g_signal_has_handler_pending (self, signals[SIGNAL_SPOKEN], 0, FALSE))
    {
      g_autoptr(GPtrArray) sentences = lgsm_speech_text_for_record (record, lang);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < sentences->len; i++)
        {
          const LgsmSpeechSentence *sentence = sentences->pdata[i];
          g_string_append_printf (text, "%s%s", i ? " " : "", sentence->text);
        }
      g_signal_emit (self, signals[SIGNAL_SPOKEN], 0, text->str, lang);
    }
  lgsm_speaker_speak_record_async (self->speaker, record, lang, self->cancellable,
                                   on_record_spoken, lgsm_reader_pending_new (self));
}

/**
 * lgsm_reader_say:
 * @text: a short text, as shown (numbers and abbreviations are written out
 *   for the voice)
 * @language: (nullable): "en", "cy"; NULL or "" for the interface's
 *
 * Says @text (the audio guide's announcements). Anything being read stops.
 */
void
lgsm_reader_say (LgsmReader *self,
                 const char *text,
                 const char *language)
{
  g_autofree char *lang = voice_language (language);
  g_autofree char *spoken = NULL;

  g_return_if_fail (LGSM_IS_READER (self));
  g_return_if_fail (text != NULL);

  start (self);
  spoken = lgsm_speech_text_normalise (text, lang);
  g_signal_emit (self, signals[SIGNAL_SPOKEN], 0, spoken, lang);
  lgsm_speaker_synthesize_async (self->speaker, lang, spoken, self->cancellable,
                                 on_phrase_spoken, lgsm_reader_pending_new (self));
}

void
lgsm_reader_pause (LgsmReader *self)
{
  g_return_if_fail (LGSM_IS_READER (self));

  if (self->state != LGSM_READER_PLAYING)
    return;
  lgsm_reader_playback_pause (self, TRUE);
  lgsm_reader_set_state (self, LGSM_READER_PAUSED);
}

void
lgsm_reader_resume (LgsmReader *self)
{
  g_return_if_fail (LGSM_IS_READER (self));

  if (self->state != LGSM_READER_PAUSED)
    return;
  lgsm_reader_playback_pause (self, FALSE);
  lgsm_reader_set_state (self, LGSM_READER_PLAYING);
}

/* Space, or the button while reading: pause, resume; while the voice is
 * still making the sound, stop. */
void
lgsm_reader_toggle (LgsmReader *self)
{
  g_return_if_fail (LGSM_IS_READER (self));

  switch (self->state)
    {
    case LGSM_READER_PLAYING:
      lgsm_reader_pause (self);
      break;
    case LGSM_READER_PAUSED:
      lgsm_reader_resume (self);
      break;
    case LGSM_READER_SYNTHESISING:
      lgsm_reader_stop (self);
      break;
    case LGSM_READER_STOPPED:
    default:
      break;
    }
}

/* ---- what views see ----------------------------------------------------------- */

LgsmReaderState
lgsm_reader_get_state (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), LGSM_READER_STOPPED);
  return self->state;
}

/* Reading, or about to: not stopped. */
gboolean
lgsm_reader_is_active (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), FALSE);
  return self->state != LGSM_READER_STOPPED;
}

/* Returns: (transfer none) (nullable): the record being read */
LgsmRecord *
lgsm_reader_get_record (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), NULL);
  return self->record;
}

/* Returns: (transfer none) (nullable): the sentence being heard: its
 * field, and the bytes it covers in the field's text */
const LgsmSpeechSentence *
lgsm_reader_get_sentence (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), NULL);
  return self->sentence;
}

/* Returns: (nullable): why the last reading did not happen or stopped
 * (no voice for the language, no audio output), for the visitor */
const char *
lgsm_reader_get_message (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), NULL);
  return self->message;
}

/* FALSE once reading aloud found no way to play sound (until it does). */
gboolean
lgsm_reader_get_available (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), FALSE);
  return self->available;
}

double
lgsm_reader_get_volume (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), 1.0);
  return self->volume;
}

/* 0 (silent) to 2 (twice as loud as the voice); 1 is the voice as made. */
void
lgsm_reader_set_volume (LgsmReader *self,
                        double      volume)
{
  g_return_if_fail (LGSM_IS_READER (self));

  volume = CLAMP (volume, 0.0, 2.0);
  if (G_APPROX_VALUE (self->volume, volume, 1e-6))
    return;
  self->volume = volume;
  lgsm_reader_playback_update_volume (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}


/* ---- object ---------------------------------------------------------------------- */

static void
lgsm_reader_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LgsmReader *self = LGSM_READER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_SENTENCE:
      g_value_set_pointer (value, (gpointer) self->sentence);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_reader_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VOLUME:
      lgsm_reader_set_volume (LGSM_READER (object), g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_reader_dispose (GObject *object)
{
  LgsmReader *self = LGSM_READER (object);

  lgsm_reader_halt (self);
  lgsm_reader_views_dispose (self);

  G_OBJECT_CLASS (lgsm_reader_parent_class)->dispose (object);
}

static void
lgsm_reader_finalize (GObject *object)
{
  LgsmReader *self = LGSM_READER (object);

  g_clear_object (&self->speaker);
  lgsm_reader_views_finalize (self);
  g_free (self->message);

  G_OBJECT_CLASS (lgsm_reader_parent_class)->finalize (object);
}

static void
lgsm_reader_class_init (LgsmReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lgsm_reader_dispose;
  object_class->finalize = lgsm_reader_finalize;
  object_class->get_property = lgsm_reader_get_property;
  object_class->set_property = lgsm_reader_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LGSM_TYPE_READER_STATE, LGSM_READER_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, LGSM_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LgsmReader:sentence: (type gpointer)
   *
   * The LgsmSpeechSentence being heard: lgsm_reader_get_sentence().
   */
  properties[PROP_SENTENCE] =
    g_param_spec_pointer ("sentence", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 2.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LgsmReader::spoken:
   * @text: what is handed to the voice (for a record, its sentences one
   *   after another, as the voice reads them)
   * @language: the language of the voice
   *
   * Emitted as a reading starts.
   */
  signals[SIGNAL_SPOKEN] =
    g_signal_new ("spoken", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * LgsmReader::finished:
   *
   * Emitted when a reading has been heard to its end (not when it stops
   * for another reason).
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lgsm_reader_init (LgsmReader *self)
{
  self->speaker = lgsm_speaker_new ();
  self->available = TRUE;
  self->volume = 1.0;
  lgsm_reader_views_init (self);
}

LgsmReader *
lgsm_reader_new (void)
{
  return g_object_new (LGSM_TYPE_READER, NULL);
}
