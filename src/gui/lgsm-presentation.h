/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "lgsm-exhibition.h"
#include "lgsm-types.h"

G_BEGIN_DECLS

/**
 * LgsmPresentationMode:
 * @LGSM_PRESENTATION_SLIDE: the current slide
 * @LGSM_PRESENTATION_BLACK: the room's screen blanked black
 * @LGSM_PRESENTATION_WHITE: blanked white
 * @LGSM_PRESENTATION_OVERVIEW: every slide as a grid
 */
typedef enum {
  LGSM_PRESENTATION_SLIDE,
  LGSM_PRESENTATION_BLACK,
  LGSM_PRESENTATION_WHITE,
  LGSM_PRESENTATION_OVERVIEW,
} LgsmPresentationMode;

#define LGSM_TYPE_PRESENTATION (lgsm_presentation_get_type ())
G_DECLARE_FINAL_TYPE (LgsmPresentation, lgsm_presentation, LGSM, PRESENTATION, GtkWindow)

LgsmPresentation     *lgsm_presentation_new         (GtkApplication   *app,
                                                     LgsmContext      *context,
                                                     GListModel       *records,
                                                     const char       *title);
guint                 lgsm_presentation_get_slide   (LgsmPresentation *self);
guint                 lgsm_presentation_get_n_slides (LgsmPresentation *self);
void                  lgsm_presentation_set_slide   (LgsmPresentation *self,
                                                     guint             index);
LgsmRecord           *lgsm_presentation_get_record  (LgsmPresentation *self,
                                                     guint             index);
LgsmPresentationMode  lgsm_presentation_get_mode    (LgsmPresentation *self);
void                  lgsm_presentation_start       (LgsmPresentation *self);
GtkWindow            *lgsm_presentation_get_console (LgsmPresentation *self);
void                  lgsm_presentation_set_second_language (LgsmPresentation *self,
                                                             LgsmExhibition   *second,
                                                             gboolean          bilingual);
gboolean              lgsm_presentation_get_bilingual (LgsmPresentation *self);
gboolean              lgsm_presentation_handle_key  (LgsmPresentation *self,
                                                     guint             keyval,
                                                     GdkModifierType   state);

const char           *lgsm_presentation_mode_to_nick   (LgsmPresentationMode mode);
LgsmPresentationMode  lgsm_presentation_mode_from_nick (const char          *nick);

G_END_DECLS
