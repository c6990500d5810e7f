/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lgsm-application.c (life cycle, windows, language),
 * lgsm-application-actions.c (app.* actions and accelerators) and
 * lgsm-command-line.c (options, --validate, what a launch asks for). */

#include "lgsm-application.h"

G_BEGIN_DECLS

typedef struct {
  gboolean  requested;
  char     *dir;
} LgsmValidateOptions;

struct _LgsmApplication
{
  GtkApplication       parent_instance;

  LgsmContext         *context;
  int                  base_dpi;       /* the desktop's font resolution, × 1024 */
  double               text_scale;
  LgsmValidateOptions  validate;
  GFileMonitor        *monitor;        /* the records folder's */
  guint                reload_timeout;
  gboolean             reloading;
  gboolean             reload_again;

  /* the kiosk (lgsm-application-kiosk.c) */
  gboolean             kiosk_locked;
  guint                kiosk_inhibit;    /* gtk_application_inhibit() cookie */
  guint                kiosk_language_idle;
  char                *kiosk_bus_file;   /* written for --quit, removed at the end */
  struct {
    double             text_scale;
    char              *language;
    gboolean           bilingual;
  } kiosk_opening;                       /* what every idle reset restores */
};

/* lgsm-application-actions.c */
void  lgsm_application_add_actions      (LgsmApplication *self);
void  lgsm_application_apply_text_scale (LgsmApplication *self,
                                         double           scale);

/* lgsm-application-kiosk.c */
void      lgsm_application_lock_for_kiosk             (LgsmApplication         *self);
void      lgsm_application_kiosk_end                  (LgsmApplication         *self);
void      lgsm_application_kiosk_set_opening_language (LgsmApplication         *self,
                                                       const char              *lang);
gboolean  lgsm_application_kiosk_command_line         (LgsmApplication         *self,
                                                       GApplicationCommandLine *command_line);
char     *lgsm_application_kiosk_bus_file             (void);

/* lgsm-records-watch.c */
void  lgsm_application_watch_records    (LgsmApplication *self);
void  lgsm_application_unwatch_records  (LgsmApplication *self);
void  lgsm_application_reload_records   (LgsmApplication *self);

/* lgsm-command-line.c */
void  lgsm_application_add_options      (LgsmApplication         *self);
int   lgsm_application_handle_options   (LgsmApplication         *self,
                                         GVariantDict            *options);
int   lgsm_application_run_command_line (LgsmApplication         *self,
                                         GApplicationCommandLine *command_line);

G_END_DECLS
