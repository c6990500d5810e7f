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
void            lgsm_kiosk_set_pin_delay (LgsmKiosk          *self,
                                          guint               first_ms,
                                          guint               max_ms);
guint           lgsm_kiosk_get_pin_wait  (LgsmKiosk          *self);
GtkWindow      *lgsm_kiosk_get_pin_dialog (LgsmKiosk         *self);
void            lgsm_kiosk_start_attract (LgsmKiosk          *self);

/* the lock-down every kiosk window gets (see lgsm-kiosk.c) */
gboolean        lgsm_kiosk_key_allowed   (guint               keyval,
                                          GdkModifierType     state);
void            lgsm_kiosk_lock_window   (GtkWindow          *window);
gboolean        lgsm_kiosk_is_locked_window (GtkWidget       *widget);
guint           lgsm_kiosk_get_n_inspectors_closed (void);

G_END_DECLS
