/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Small layout pieces for windows from 360 px wide to 4K and text from
 * 100 % to 200 %: every size here is a function of the width given and of
 * the text size, never a fixed number of pixels. */

int lgsm_widget_char_width (GtkWidget *widget);

/* A readable column: its child is as wide as it is given, up to
 * max-chars characters of the child's font, and centred. */
#define LGSM_TYPE_CLAMP (lgsm_clamp_get_type ())
G_DECLARE_FINAL_TYPE (LgsmClamp, lgsm_clamp, LGSM, CLAMP, GtkWidget)

GtkWidget *lgsm_clamp_new           (GtkWidget *child,
                                     int        max_chars);
void       lgsm_clamp_set_max_chars (LgsmClamp *self,
                                     int        max_chars);

/* Children side by side, wrapped onto as many lines as the width needs,
 * with no widget of its own between them (one Tab stop a child). */
#define LGSM_TYPE_WRAP_BOX (lgsm_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (LgsmWrapBox, lgsm_wrap_box, LGSM, WRAP_BOX, GtkWidget)

GtkWidget *lgsm_wrap_box_new    (void);
void       lgsm_wrap_box_append (LgsmWrapBox *self,
                                 GtkWidget   *child);
void       lgsm_wrap_box_remove_all (LgsmWrapBox *self);

/* A page's heading that the keyboard focus can be put on (a record opened
 * shows it with the focus there), without being a Tab stop of its own. */
#define LGSM_TYPE_HEADING (lgsm_heading_get_type ())
G_DECLARE_FINAL_TYPE (LgsmHeading, lgsm_heading, LGSM, HEADING, GtkWidget)

/* Children in a row when the width is at least threshold-chars characters,
 * one under the other when it is narrower. In a row, the first child takes
 * first-fraction of the width (up to first-max-chars characters) when
 * first-fraction is set; children that expand share what is left, the
 * others get their natural width. */
#define LGSM_TYPE_SPLIT_LAYOUT (lgsm_split_layout_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSplitLayout, lgsm_split_layout, LGSM, SPLIT_LAYOUT, GtkLayoutManager)

gboolean lgsm_split_layout_is_row (LgsmSplitLayout *self,
                                   GtkWidget       *widget,
                                   int              width);

/* A container laid out by LgsmSplitLayout. */
#define LGSM_TYPE_SPLIT_BOX (lgsm_split_box_get_type ())
G_DECLARE_FINAL_TYPE (LgsmSplitBox, lgsm_split_box, LGSM, SPLIT_BOX, GtkWidget)

GtkWidget *lgsm_split_box_new    (int           threshold_chars,
                                  double        first_fraction,
                                  int           first_max_chars);
void       lgsm_split_box_append (LgsmSplitBox *self,
                                  GtkWidget    *child);
gboolean   lgsm_split_box_is_row (LgsmSplitBox *self);

/* Shows its first child when the width allows the first child's natural
 * width, its second child (a compact form of the same thing) otherwise.
 * Its minimum width is the second child's. */
#define LGSM_TYPE_FIT_BIN (lgsm_fit_bin_get_type ())
G_DECLARE_FINAL_TYPE (LgsmFitBin, lgsm_fit_bin, LGSM, FIT_BIN, GtkWidget)

gboolean lgsm_fit_bin_get_compact (LgsmFitBin *self);

/* Its child as tall as ratio × the width, between min-height and
 * max-height (a picture that keeps its shape on a narrow window). */
#define LGSM_TYPE_ASPECT_BIN (lgsm_aspect_bin_get_type ())
G_DECLARE_FINAL_TYPE (LgsmAspectBin, lgsm_aspect_bin, LGSM, ASPECT_BIN, GtkWidget)

G_END_DECLS
