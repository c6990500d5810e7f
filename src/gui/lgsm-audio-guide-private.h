/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the audio guide's files: lgsm-audio-guide.c (the object,
 * starting and ending, what it hears from the window and the kiosk),
 * lgsm-audio-guide-speech.c (what is said: the focus described, said once
 * the window has drawn it) and lgsm-audio-guide-keys.c (the keypad's keys,
 * the long press, moving the focus through the page and the tabs). */

#include "lgsm-audio-guide.h"
#include "lgsm-exhibition.h"

G_BEGIN_DECLS

struct _LgsmAudioGuide
{
  GObject      parent_instance;

  GtkWindow   *window;        /* weak */
  LgsmReader  *reader;
  LgsmKiosk   *kiosk;         /* weak */
  gboolean     enabled;
  gboolean     active;
  guint        hold_ms;
  guint        hold_timer;
  GtkGesture  *hold;
  gboolean     announcing;    /* waiting for a frame to say where the focus is */
  char        *prefix;        /* said before the focus: "Back.", the tab */
  gboolean     focus_first;   /* a new tab: the focus to its first thing first */
  gboolean     quiet;         /* the guide itself moves the focus */
  GtkGridView *pending_grid;  /* weak: a card to focus once the grid has made it */
  guint        pending_position;
  gboolean     warning;       /* saying the idle countdown */
  GWeakRef     before_record; /* the focus before a record opened */
};

/* lgsm-audio-guide-speech.c */
LgsmExhibition *lgsm_audio_guide_exhibition_of         (GtkWidget      *widget);
LgsmRecord     *lgsm_audio_guide_card_record           (GtkWidget      *widget);
void            lgsm_audio_guide_say                   (LgsmAudioGuide *self,
                                                        const char     *text);
void            lgsm_audio_guide_say_focus             (LgsmAudioGuide *self,
                                                        const char     *before);
void            lgsm_audio_guide_announce              (LgsmAudioGuide *self,
                                                        const char     *prefix);
void            lgsm_audio_guide_cancel_announcement   (LgsmAudioGuide *self);

/* lgsm-audio-guide-keys.c */
void            lgsm_audio_guide_add_controllers       (LgsmAudioGuide *self,
                                                        GtkWindow      *window);
gboolean        lgsm_audio_guide_focus_quietly         (LgsmAudioGuide *self,
                                                        GtkWidget      *widget);
gboolean        lgsm_audio_guide_grab_card             (GtkGridView    *grid,
                                                        guint           position);

G_END_DECLS
