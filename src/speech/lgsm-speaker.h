/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "lgsm-record.h"
#include "lgsm-speech-text.h"

G_BEGIN_DECLS

#define LGSM_SPEECH_ERROR (lgsm_speech_error_quark ())

typedef enum {
  LGSM_SPEECH_ERROR_NO_VOICE,        /* no voice for the language */
  LGSM_SPEECH_ERROR_ENGINE,          /* espeak-ng (or its data) cannot start */
  LGSM_SPEECH_ERROR_SYNTHESIS,       /* the voice failed on a text */
  LGSM_SPEECH_ERROR_UNKNOWN_RECORD,  /* no record with the id asked for */
  LGSM_SPEECH_ERROR_TOO_LONG,        /* more audio than a WAV file holds */
} LgsmSpeechError;

GQuark lgsm_speech_error_quark (void);

/**
 * LgsmSpeechRecording:
 * @pcm: 16-bit signed mono samples, in the machine's byte order
 * @sample_rate: samples a second
 * @sentences: (element-type LgsmSpeechSentence): what was read, each with
 *   the samples it takes (sample_start, sample_end)
 *
 * A record read aloud.
 */
typedef struct {
  GBytes    *pcm;
  int        sample_rate;
  GPtrArray *sentences;
} LgsmSpeechRecording;

void                      lgsm_speech_recording_free        (LgsmSpeechRecording *recording);
guint64                   lgsm_speech_recording_get_n_samples (LgsmSpeechRecording *recording);
const LgsmSpeechSentence *lgsm_speech_recording_sentence_at (LgsmSpeechRecording *recording,
                                                             guint64              sample);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmSpeechRecording, lgsm_speech_recording_free)

char *lgsm_speech_voice_for_language (const char *language);

#define LGSM_TYPE_SPEAKER (lgsm_speaker_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSpeaker, lgsm_speaker, LGSM, SPEAKER, GObject)

LgsmSpeaker         *lgsm_speaker_new                   (void);

void                 lgsm_speaker_synthesize_async      (LgsmSpeaker          *self,
                                                         const char           *language,
                                                         const char           *text,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GBytes              *lgsm_speaker_synthesize_finish     (LgsmSpeaker          *self,
                                                         GAsyncResult         *result,
                                                         int                  *sample_rate,
                                                         GError              **error);

void                 lgsm_speaker_speak_record_async    (LgsmSpeaker          *self,
                                                         LgsmRecord           *record,
                                                         const char           *language,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
LgsmSpeechRecording *lgsm_speaker_speak_record_finish   (LgsmSpeaker          *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
LgsmSpeechRecording *lgsm_speaker_speak_record          (LgsmSpeaker          *self,
                                                         LgsmRecord           *record,
                                                         const char           *language,
                                                         GCancellable         *cancellable,
                                                         GError              **error);

G_END_DECLS
