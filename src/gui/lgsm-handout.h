/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * LgsmHandoutKind:
 * @LGSM_HANDOUT_STUDENT: for the class: the records and a question each
 * @LGSM_HANDOUT_TEACHER: the teacher's copy: the presenter notes too
 */
typedef enum {
  LGSM_HANDOUT_STUDENT,
  LGSM_HANDOUT_TEACHER,
} LgsmHandoutKind;

/**
 * LgsmHandoutBoxKind:
 *
 * What a rectangle of a laid-out handout holds.
 */
typedef enum {
  LGSM_HANDOUT_BOX_HEADER,
  LGSM_HANDOUT_BOX_FOOTER,
  LGSM_HANDOUT_BOX_TITLE,
  LGSM_HANDOUT_BOX_DATE,
  LGSM_HANDOUT_BOX_CONTENT_NOTE,
  LGSM_HANDOUT_BOX_PICTURE,
  LGSM_HANDOUT_BOX_SUMMARY,
  LGSM_HANDOUT_BOX_BODY,
  LGSM_HANDOUT_BOX_QUESTION,
  LGSM_HANDOUT_BOX_NOTES,
  LGSM_HANDOUT_BOX_SOURCES,
  LGSM_HANDOUT_BOX_RULE,
} LgsmHandoutBoxKind;

/* One thing drawn on a page, where it is drawn (points, from the paper's
 * top-left corner) and the record it belongs to (G_MAXUINT: the page's
 * own header or footer). */
typedef struct {
  LgsmHandoutBoxKind kind;
  guint              page;
  guint              record;
  graphene_rect_t    rect;
} LgsmHandoutBox;

/* The margin on every side, 18 mm, in points */
#define LGSM_HANDOUT_MARGIN (18.0 * 72.0 / 25.4)

typedef struct _LgsmHandoutLayout LgsmHandoutLayout;

LgsmHandoutLayout    *lgsm_handout_layout_new         (const char         *title,
                                                       GListModel         *records,
                                                       LgsmHandoutKind     kind,
                                                       double              page_width,
                                                       double              page_height);
guint                 lgsm_handout_layout_get_n_pages (LgsmHandoutLayout  *layout);
guint                 lgsm_handout_layout_get_n_boxes (LgsmHandoutLayout  *layout);
const LgsmHandoutBox *lgsm_handout_layout_get_box     (LgsmHandoutLayout  *layout,
                                                       guint               index);
const char           *lgsm_handout_layout_get_text    (LgsmHandoutLayout  *layout,
                                                       guint               index);
void                  lgsm_handout_layout_draw_page   (LgsmHandoutLayout  *layout,
                                                       cairo_t            *cr,
                                                       guint               page);
void                  lgsm_handout_layout_free        (LgsmHandoutLayout  *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmHandoutLayout, lgsm_handout_layout_free)

GtkPrintOperation *lgsm_handout_new         (const char       *title,
                                             GListModel       *records);
GtkPrintOperation *lgsm_handout_new_kind    (const char       *title,
                                             GListModel       *records,
                                             LgsmHandoutKind   kind);
gboolean           lgsm_handout_export      (const char       *title,
                                             GListModel       *records,
                                             const char       *pdf_path,
                                             GError          **error);
gboolean           lgsm_handout_export_kind (const char       *title,
                                             GListModel       *records,
                                             LgsmHandoutKind   kind,
                                             const char       *pdf_path,
                                             GError          **error);
void               lgsm_handout_print       (GtkWindow        *parent,
                                             const char       *title,
                                             GListModel       *records);

G_END_DECLS
