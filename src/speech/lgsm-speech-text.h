/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include "lgsm-record.h"

G_BEGIN_DECLS

/**
 * LgsmSpeechSentence:
 * @field: the record field the sentence comes from: "title", "date",
 *   "amount", "content-note", "summary", "body-1", "body-2", …, "image-alt"
 * @start: the first byte of the sentence in the field's text as shown
 * @end: the byte after its last one
 * @text: what the voice is given (numbers, ranges and abbreviations
 *   written out for the voice)
 * @sample_start: where the sentence starts in a recording, in samples
 *   (0 until it has been synthesised)
 * @sample_end: the sample after its last one
 *
 * One sentence to read aloud, with the bytes it covers in the text on
 * screen so that a reader can highlight it while it is heard. The field's
 * text as shown is the record's own string, except "date"
 * (lgsm_record_format_date()) and "amount" (lgsm_record_format_amount()).
 */
typedef struct {
  char    *field;
  gsize    start;
  gsize    end;
  char    *text;
  guint64  sample_start;
  guint64  sample_end;
} LgsmSpeechSentence;

LgsmSpeechSentence *lgsm_speech_sentence_new        (const char *field,
                                                     gsize       start,
                                                     gsize       end,
                                                     const char *text);
void                lgsm_speech_sentence_free       (LgsmSpeechSentence *sentence);

char               *lgsm_speech_text_normalise      (const char *text,
                                                     const char *language);
GPtrArray          *lgsm_speech_text_split          (const char *field,
                                                     const char *text,
                                                     const char *language);
GPtrArray          *lgsm_speech_text_for_record     (LgsmRecord *record,
                                                     const char *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmSpeechSentence, lgsm_speech_sentence_free)

G_END_DECLS
