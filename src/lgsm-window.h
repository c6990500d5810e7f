/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-application.h"
#include "lgsm-exhibition.h"
#include "lgsm-kiosk.h"

G_BEGIN_DECLS

#define LGSM_TYPE_WINDOW (lgsm_window_get_type ())
G_DECLARE_FINAL_TYPE (LgsmWindow, lgsm_window, LGSM, WINDOW, GtkApplicationWindow)

LgsmWindow *lgsm_window_new                     (LgsmApplication *app,
                                                 LgsmExhibition  *exhibition);
void        lgsm_window_show_section            (LgsmWindow      *self,
                                                 const char      *section);
const char *lgsm_window_get_section             (LgsmWindow      *self);
void        lgsm_window_open_record             (LgsmWindow      *self,
                                                 const char      *id);
const char *lgsm_window_get_record_id           (LgsmWindow      *self);
void        lgsm_window_present_slides          (LgsmWindow      *self,
                                                 const char      *section);
void        lgsm_window_set_loading             (LgsmWindow      *self);
void        lgsm_window_set_exhibition          (LgsmWindow      *self,
                                                 LgsmExhibition  *exhibition);
void        lgsm_window_reset_home              (LgsmWindow      *self);
void        lgsm_window_set_kiosk               (LgsmWindow      *self,
                                                 guint            idle_seconds,
                                                 const char      *pin);
LgsmKiosk  *lgsm_window_get_kiosk               (LgsmWindow      *self);
void        lgsm_window_allow_close             (LgsmWindow      *self);
void        lgsm_window_quit_after_first_frame  (LgsmWindow      *self);

G_END_DECLS
