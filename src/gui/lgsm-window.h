/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_WINDOW (lgsm_window_get_type ())
G_DECLARE_FINAL_TYPE (LgsmWindow, lgsm_window, LGSM, WINDOW, GtkApplicationWindow)

LgsmWindow  *lgsm_window_new                     (GtkApplication *app,
                                                  LgsmContext    *context);
LgsmContext *lgsm_window_get_context             (LgsmWindow     *self);
void         lgsm_window_show_section            (LgsmWindow     *self,
                                                  const char     *section);
const char  *lgsm_window_get_section             (LgsmWindow     *self);
void         lgsm_window_open_record             (LgsmWindow     *self,
                                                  const char     *id);
const char  *lgsm_window_get_record_id           (LgsmWindow     *self);
void         lgsm_window_present_slides          (LgsmWindow     *self,
                                                  const char     *section);
void         lgsm_window_set_loading             (LgsmWindow     *self,
                                                  gboolean        loading);
gboolean     lgsm_window_get_loading             (LgsmWindow     *self);
void         lgsm_window_reset_home              (LgsmWindow     *self);
LgsmKiosk   *lgsm_window_get_kiosk               (LgsmWindow     *self);
LgsmReader  *lgsm_window_get_reader              (LgsmWindow     *self);
LgsmAudioGuide *lgsm_window_get_audio_guide      (LgsmWindow     *self);
void         lgsm_window_allow_close             (LgsmWindow     *self);
void         lgsm_window_quit_after_first_frame  (LgsmWindow     *self);

G_END_DECLS
