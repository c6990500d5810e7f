/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-attract.h"

G_BEGIN_DECLS

typedef enum {
  LGSM_KIOSK_ACTIVE,     /* a visitor is using it */
  LGSM_KIOSK_COUNTDOWN,  /* idle: "going back to the start in N s" */
  LGSM_KIOSK_ATTRACT,    /* nobody there: the attract loop */
} LgsmKioskState;

#define LGSM_TYPE_KIOSK (lgsm_kiosk_get_type ())
G_DECLARE_FINAL_TYPE (LgsmKiosk, lgsm_kiosk, LGSM, KIOSK, GObject)

typedef void (*LgsmKioskResetFunc) (gpointer user_data);

LgsmKiosk      *lgsm_kiosk_new           (GtkWindow          *window,
                                          GtkOverlay         *overlay,
                                          LgsmExhibition     *exhibition,
                                          LgsmKioskResetFunc  reset,
                                          gpointer            user_data);
void            lgsm_kiosk_set_timings   (LgsmKiosk          *self,
                                          guint               idle_ms,
                                          guint               countdown_steps,
                                          guint               step_ms,
                                          guint               slide_ms);
void            lgsm_kiosk_set_pin       (LgsmKiosk          *self,
                                          const char         *pin);
LgsmKioskState  lgsm_kiosk_get_state     (LgsmKiosk          *self);
guint           lgsm_kiosk_get_countdown (LgsmKiosk          *self);
LgsmAttract    *lgsm_kiosk_get_attract   (LgsmKiosk          *self);
void            lgsm_kiosk_activity      (LgsmKiosk          *self);
void            lgsm_kiosk_keep_looking  (LgsmKiosk          *self);
gboolean        lgsm_kiosk_try_pin       (LgsmKiosk          *self,
                                          const char         *pin);
void            lgsm_kiosk_ask_pin       (LgsmKiosk          *self);

G_END_DECLS
