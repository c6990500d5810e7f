/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-exhibition.h"
#include "lgsm-lesson-store.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

#define LGSM_TYPE_CONTEXT (lgsm_context_get_type ())
G_DECLARE_FINAL_TYPE (LgsmContext, lgsm_context, LGSM, CONTEXT, GObject)

LgsmContext      *lgsm_context_new                   (GSettings      *settings,
                                                      const char     *records_dir);
LgsmContext      *lgsm_context_from_widget           (GtkWidget      *widget);

LgsmExhibition   *lgsm_context_get_exhibition        (LgsmContext    *self);
void              lgsm_context_set_exhibition        (LgsmContext    *self,
                                                      LgsmExhibition *exhibition);
LgsmExhibition   *lgsm_context_load_exhibition       (LgsmContext    *self,
                                                      GError        **error);
LgsmExhibition   *lgsm_context_get_second_exhibition (LgsmContext    *self);
const char       *lgsm_context_get_second_language   (LgsmContext    *self);
GSettings        *lgsm_context_get_settings          (LgsmContext    *self);
const char       *lgsm_context_get_records_dir       (LgsmContext    *self);
void              lgsm_context_set_records_dir       (LgsmContext    *self,
                                                      const char     *records_dir);
const char       *lgsm_context_get_language          (LgsmContext    *self);
void              lgsm_context_set_language          (LgsmContext    *self,
                                                      const char     *language);
LgsmPictureCache *lgsm_context_get_picture_cache     (LgsmContext    *self);
LgsmLessonStore  *lgsm_context_get_lesson_store      (LgsmContext    *self);
void              lgsm_context_set_pending_exhibition (LgsmContext   *self,
                                                       LgsmExhibition *exhibition);
LgsmExhibition   *lgsm_context_get_pending_exhibition (LgsmContext   *self);
gboolean          lgsm_context_apply_pending         (LgsmContext    *self);
const char       *lgsm_context_get_reload_summary    (LgsmContext    *self);
void              lgsm_context_set_reload_summary    (LgsmContext    *self,
                                                      const char     *summary);
gboolean          lgsm_context_get_kiosk             (LgsmContext    *self);
void              lgsm_context_set_kiosk             (LgsmContext    *self,
                                                      gboolean        kiosk);
gboolean          lgsm_context_get_audio_guide       (LgsmContext    *self);
void              lgsm_context_set_audio_guide       (LgsmContext    *self,
                                                      gboolean        audio_guide);

G_END_DECLS
