/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-record.h"
#include "lgsm-speech-text.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

/**
 * LgsmReaderState:
 * @LGSM_READER_STOPPED: nothing is being read
 * @LGSM_READER_SYNTHESISING: the voice is making the sound (off the main thread)
 * @LGSM_READER_PLAYING: the sound is being heard
 * @LGSM_READER_PAUSED: paused; lgsm_reader_resume() goes on where it stopped
 */
typedef enum {
  LGSM_READER_STOPPED,
  LGSM_READER_SYNTHESISING,
  LGSM_READER_PLAYING,
  LGSM_READER_PAUSED,
} LgsmReaderState;

#define LGSM_TYPE_READER (lgsm_reader_get_type ())
G_DECLARE_FINAL_TYPE (LgsmReader, lgsm_reader, LGSM, READER, GObject)

LgsmReader               *lgsm_reader_new           (void);

void                      lgsm_reader_read_record   (LgsmReader *self,
                                                     LgsmRecord *record,
                                                     const char *language);
void                      lgsm_reader_say           (LgsmReader *self,
                                                     const char *text,
                                                     const char *language);
void                      lgsm_reader_stop          (LgsmReader *self);
void                      lgsm_reader_pause         (LgsmReader *self);
void                      lgsm_reader_resume        (LgsmReader *self);
void                      lgsm_reader_toggle        (LgsmReader *self);

LgsmReaderState           lgsm_reader_get_state     (LgsmReader *self);
gboolean                  lgsm_reader_is_active     (LgsmReader *self);
LgsmRecord               *lgsm_reader_get_record    (LgsmReader *self);
const LgsmSpeechSentence *lgsm_reader_get_sentence  (LgsmReader *self);
const char               *lgsm_reader_get_message   (LgsmReader *self);
gboolean                  lgsm_reader_get_available (LgsmReader *self);
double                    lgsm_reader_get_volume    (LgsmReader *self);
void                      lgsm_reader_set_volume    (LgsmReader *self,
                                                     double      volume);

/* Views: what is being read is highlighted in the widgets marked with the
 * field they show, under the widgets the reader follows. */
void                      lgsm_reader_mark_field    (GtkWidget  *widget,
                                                     const char *field);
void                      lgsm_reader_follow        (LgsmReader *self,
                                                     GtkWidget  *view);
void                      lgsm_reader_bind_button   (LgsmReader *self,
                                                     GtkButton  *button);

G_END_DECLS
