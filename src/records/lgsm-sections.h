/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LgsmSectionView:
 * @LGSM_SECTION_VIEW_NONE: cards only
 * @LGSM_SECTION_VIEW_TIMELINE: a timeline above the cards
 * @LGSM_SECTION_VIEW_DEBATE: the historians' debate as two sides
 * @LGSM_SECTION_VIEW_TWINNING: the map and the chart of money raised
 *
 * What a tab shows above its cards.
 */
typedef enum {
  LGSM_SECTION_VIEW_NONE,
  LGSM_SECTION_VIEW_TIMELINE,
  LGSM_SECTION_VIEW_DEBATE,
  LGSM_SECTION_VIEW_TWINNING,
} LgsmSectionViewKind;

/**
 * LgsmSectionInfo:
 * @id: the section's id, as records files name it ("history")
 * @title: the tab's title when its file gives none (untranslated: N_())
 * @is_tab: shown as a tab of the window (people and places are not)
 * @date_ordered: its cards and slides go in date order
 * @view: what the tab shows above its cards
 *
 * One row of the table of sections: the one place that says which
 * sections exist, in what order, and how each is shown.
 */
typedef struct {
  const char          *id;
  const char          *title;
  gboolean             is_tab;
  gboolean             date_ordered;
  LgsmSectionViewKind  view;
} LgsmSectionInfo;

guint                  lgsm_sections_get_n      (void);
const LgsmSectionInfo *lgsm_sections_get_nth    (guint       index);
const LgsmSectionInfo *lgsm_sections_lookup     (const char *id);
int                    lgsm_sections_rank       (const char *id);
gboolean               lgsm_sections_is_tab     (const char *id);
guint                  lgsm_sections_get_n_tabs (void);
const LgsmSectionInfo *lgsm_sections_get_tab    (guint       index);
char                  *lgsm_sections_list_tabs  (const char *separator);

G_END_DECLS
