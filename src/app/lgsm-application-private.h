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
};

/* lgsm-application-actions.c */
void  lgsm_application_add_actions      (LgsmApplication *self);
void  lgsm_application_apply_text_scale (LgsmApplication *self,
                                         double           scale);
void  lgsm_application_lock_for_kiosk   (LgsmApplication *self);

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
