/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lgsm-types.h"

G_BEGIN_DECLS

/**
 * LgsmInkTool:
 * @LGSM_INK_TOOL_NONE: no tool: clicks go to the slides
 * @LGSM_INK_TOOL_POINTER: a spotlight follows the mouse; the rest dims
 * @LGSM_INK_TOOL_PEN: dragging (mouse, touch, stylus) draws on the slide
 */
typedef enum {
  LGSM_INK_TOOL_NONE,
  LGSM_INK_TOOL_POINTER,
  LGSM_INK_TOOL_PEN,
} LgsmInkTool;

#define LGSM_TYPE_INK_TOOL (lgsm_ink_tool_get_type ())
GType lgsm_ink_tool_get_type (void) G_GNUC_CONST;

/* What the teacher points at and draws, shared by the slides and the
 * presenter console: points are fractions of the slide's width and height,
 * so a slide and its preview of any size show the same thing. Strokes
 * belong to the slide they were drawn on. */
#define LGSM_TYPE_INK_MODEL (lgsm_ink_model_get_type ())
G_DECLARE_FINAL_TYPE (LgsmInkModel, lgsm_ink_model, LGSM, INK_MODEL, GObject)

LgsmInkModel   *lgsm_ink_model_new           (void);
LgsmInkTool     lgsm_ink_model_get_tool      (LgsmInkModel *self);
void            lgsm_ink_model_set_tool      (LgsmInkModel *self,
                                              LgsmInkTool   tool);
guint           lgsm_ink_model_get_page      (LgsmInkModel *self);
void            lgsm_ink_model_set_page      (LgsmInkModel *self,
                                              guint         page);
void            lgsm_ink_model_begin_stroke  (LgsmInkModel *self,
                                              double        x,
                                              double        y);
void            lgsm_ink_model_extend_stroke (LgsmInkModel *self,
                                              double        x,
                                              double        y);
void            lgsm_ink_model_end_stroke    (LgsmInkModel *self);
void            lgsm_ink_model_clear_page    (LgsmInkModel *self);
guint           lgsm_ink_model_get_n_strokes (LgsmInkModel *self);
const graphene_point_t *
                lgsm_ink_model_get_stroke    (LgsmInkModel *self,
                                              guint         index,
                                              guint        *n_points);
void            lgsm_ink_model_set_pointer   (LgsmInkModel *self,
                                              double        x,
                                              double        y);
void            lgsm_ink_model_hide_pointer  (LgsmInkModel *self);
gboolean        lgsm_ink_model_get_pointer   (LgsmInkModel *self,
                                              double       *x,
                                              double       *y);

/* The layer that shows a model over a slide and takes the mouse, touch or
 * stylus while a tool is on. */
#define LGSM_TYPE_INK (lgsm_ink_get_type ())
G_DECLARE_FINAL_TYPE (LgsmInk, lgsm_ink, LGSM, INK, GtkWidget)

GtkWidget      *lgsm_ink_new                 (void);
LgsmInkModel   *lgsm_ink_get_model           (LgsmInk      *self);
void            lgsm_ink_set_model           (LgsmInk      *self,
                                              LgsmInkModel *model);

G_END_DECLS
