/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lgsm-presentation.c (slides, modes, the console) and
 * lgsm-presentation-actions.c (the presenter's keys as actions). */

#include "lgsm-presentation.h"
#include "lgsm-slide.h"

G_BEGIN_DECLS

struct _LgsmPresentation
{
  GtkWindow           parent_instance;

  LgsmContext        *context;
  GListModel         *records;
  LgsmExhibition     *second;        /* the records in a second language */
  gboolean            bilingual;
  guint               index;
  LgsmPresentationMode mode;
  gboolean            jumping;       /* G pressed: digits follow */
  GString            *jump_digits;
  GtkWindow          *console;
  GtkCssProvider     *scale_css;
  int                 scaled_height;

  GtkStack           *modes;
  GtkStack           *slides;
  LgsmSlide          *slide_a;
  LgsmSlide          *slide_b;
  GtkProgressBar     *progress;
  GtkGridView        *overview;
  GtkLabel           *jump_label;
};

/* lgsm-presentation.c */
void        lgsm_presentation_set_mode           (LgsmPresentation     *self,
                                                  LgsmPresentationMode  mode);
void        lgsm_presentation_toggle_bilingual   (LgsmPresentation     *self);

/* lgsm-presentation-actions.c */
void        lgsm_presentation_step               (LgsmPresentation     *self,
                                                  int                   delta);
void        lgsm_presentation_class_add_actions  (GtkWidgetClass       *widget_class);
gboolean    lgsm_presentation_on_key_pressed     (GtkEventControllerKey *controller,
                                                  guint                  keyval,
                                                  guint                  keycode,
                                                  GdkModifierType        state,
                                                  LgsmPresentation      *self);

G_END_DECLS
