/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_AUDIO_GUIDE (lgsm_audio_guide_get_type ())
G_DECLARE_FINAL_TYPE (LgsmAudioGuide, lgsm_audio_guide, LGSM, AUDIO_GUIDE, GObject)

LgsmAudioGuide *lgsm_audio_guide_new          (GtkWindow      *window,
                                               LgsmReader     *reader);
void            lgsm_audio_guide_set_enabled  (LgsmAudioGuide *self,
                                               gboolean        enabled);
gboolean        lgsm_audio_guide_get_enabled  (LgsmAudioGuide *self);
void            lgsm_audio_guide_start        (LgsmAudioGuide *self);
void            lgsm_audio_guide_end          (LgsmAudioGuide *self);
gboolean        lgsm_audio_guide_get_active   (LgsmAudioGuide *self);
void            lgsm_audio_guide_set_kiosk    (LgsmAudioGuide *self,
                                               LgsmKiosk      *kiosk);
void            lgsm_audio_guide_set_hold_ms  (LgsmAudioGuide *self,
                                               guint           hold_ms);
gboolean        lgsm_audio_guide_handle_key   (LgsmAudioGuide *self,
                                               guint           keyval,
                                               GdkModifierType state);
char           *lgsm_audio_guide_describe     (GtkWidget      *widget);

G_END_DECLS
