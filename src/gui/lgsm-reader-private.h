/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the reader's files: lgsm-reader.c (the reading's state
 * machine: what is read, its state, the sentence heard, the object),
 * lgsm-reader-playback.c (GStreamer: the pipeline made on a worker
 * thread, the output, the volume, the position heard) and
 * lgsm-reader-views.c (the views that follow the reader: the sentence
 * highlighted in marked labels, the "Read This Aloud" buttons). */

#include <gst/gst.h>

#include "lgsm-reader.h"
#include "lgsm-speaker.h"

G_BEGIN_DECLS

struct _LgsmReader
{
  GObject              parent_instance;

  LgsmSpeaker         *speaker;
  LgsmReaderState      state;
  LgsmRecord          *record;        /* being read, or NULL (a phrase, or nothing) */
  LgsmSpeechRecording *recording;
  const LgsmSpeechSentence *sentence; /* heard now, in recording */
  char                *message;       /* why the last reading failed, or NULL */
  gboolean             available;
  double               volume;

  guint                generation;    /* a reading's callbacks check it is still theirs */
  GCancellable        *cancellable;
  GstElement          *pipeline;
  guint                bus_watch;
  guint                position_timer;

  GPtrArray           *views;         /* GWeakRef: widgets whose marked labels highlight */
  GPtrArray           *buttons;       /* GWeakRef: "Read this aloud" buttons */
  GWeakRef             highlighted;
};

/* A reading's callback: the reader (weakly: a reader that is gone plays
 * nothing) and which of its readings it belongs to. */
typedef struct {
  GWeakRef reader;
  guint    generation;
} LgsmReaderPending;

/* lgsm-reader.c */
void               lgsm_reader_set_state               (LgsmReader               *self,
                                                        LgsmReaderState           state);
void               lgsm_reader_set_sentence            (LgsmReader               *self,
                                                        const LgsmSpeechSentence *sentence);
void               lgsm_reader_set_available           (LgsmReader               *self,
                                                        gboolean                  available);
void               lgsm_reader_halt                    (LgsmReader               *self);
void               lgsm_reader_fail                    (LgsmReader               *self,
                                                        const char               *message);
void               lgsm_reader_finish                  (LgsmReader               *self);
LgsmReaderPending *lgsm_reader_pending_new             (LgsmReader               *self);
LgsmReader        *lgsm_reader_pending_get             (LgsmReaderPending        *pending);
void               lgsm_reader_pending_free            (LgsmReaderPending        *pending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmReaderPending, lgsm_reader_pending_free)

/* lgsm-reader-playback.c */
void               lgsm_reader_playback_start          (LgsmReader               *self,
                                                        LgsmSpeechRecording      *recording);
void               lgsm_reader_playback_stop           (LgsmReader               *self);
void               lgsm_reader_playback_pause          (LgsmReader               *self,
                                                        gboolean                  paused);
void               lgsm_reader_playback_update_volume  (LgsmReader               *self);

/* lgsm-reader-views.c */
void               lgsm_reader_views_init              (LgsmReader               *self);
void               lgsm_reader_views_dispose           (LgsmReader               *self);
void               lgsm_reader_views_finalize          (LgsmReader               *self);
void               lgsm_reader_views_update_highlight  (LgsmReader               *self);
void               lgsm_reader_views_update_buttons    (LgsmReader               *self);

G_END_DECLS
