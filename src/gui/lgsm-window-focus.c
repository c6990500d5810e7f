/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-record-card.h"
#include "lgsm-section-view.h"
#include "lgsm-search-view.h"
#include "lgsm-window-private.h"

/* Where the keyboard focus was on a page, so that coming back to the page
 * (Back, or leaving the search) puts it on exactly the same thing. The
 * widget itself is remembered, and what it stands for (the record a link,
 * card, mark or result opens): a record page is rebuilt for each record
 * and the grids recycle their cards, so the same widget may be gone or may
 * show another record by then. */
struct _LgsmFocusMemo
{
  GWeakRef  widget;
  char     *record_id;  /* what the widget opens, or NULL */
  guint     nth;        /* among the page's widgets that open it, in order */
};

/* The record @widget opens: a link, a mark, a chart's bar, a card or a
 * search result; NULL for anything else. */
const char *
lgsm_widget_get_opened_record (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open-record") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (target && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
        return g_variant_get_string (target, NULL);
    }
  /* a grid's or a list's cell holds a card or a result */
  child = gtk_widget_get_first_child (widget);
  if (child && LGSM_IS_RECORD_CARD (child) && lgsm_record_card_get_record (LGSM_RECORD_CARD (child)))
    return lgsm_record_get_id (lgsm_record_card_get_record (LGSM_RECORD_CARD (child)));
  if (child && g_object_get_data (G_OBJECT (child), "lgsm-record-id"))
    return g_object_get_data (G_OBJECT (child), "lgsm-record-id");
  return NULL;
}

static void
collect_opening (GtkWidget  *widget,
                 const char *id,
                 GPtrArray  *found)
{
  if (!gtk_widget_get_visible (widget) || GTK_IS_NATIVE (widget))
    return;
  if (g_strcmp0 (lgsm_widget_get_opened_record (widget), id) == 0)
    {
      g_ptr_array_add (found, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_opening (child, id, found);
}

/* Remembers where the focus is on @page (NULL when it is not on @page). */
LgsmFocusMemo *
lgsm_focus_memo_save (GtkWidget *page)
{
  GtkRoot *root = page ? gtk_widget_get_root (page) : NULL;
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  LgsmFocusMemo *memo;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, page))
    return NULL;
  memo = g_new0 (LgsmFocusMemo, 1);
  /* the nearest widget around the focus that stands for a record */
  for (GtkWidget *w = focus; w && w != page; w = gtk_widget_get_parent (w))
    if (lgsm_widget_get_opened_record (w))
      {
        g_autoptr(GPtrArray) found = g_ptr_array_new ();
        guint index = 0;

        focus = w;
        memo->record_id = g_strdup (lgsm_widget_get_opened_record (w));
        collect_opening (page, memo->record_id, found);
        if (g_ptr_array_find (found, w, &index))
          memo->nth = index;
        break;
      }
  g_weak_ref_init (&memo->widget, focus);
  return memo;
}

void
lgsm_focus_memo_free (LgsmFocusMemo *memo)
{
  if (memo == NULL)
    return;
  g_weak_ref_clear (&memo->widget);
  g_free (memo->record_id);
  g_free (memo);
}

static LgsmSectionView *
find_section_view (GtkWidget *widget)
{
  if (LGSM_IS_SECTION_VIEW (widget))
    return LGSM_SECTION_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      LgsmSectionView *view = find_section_view (child);
      if (view)
        return view;
    }
  return NULL;
}

/* Puts the focus back where @memo says it was on @page.
 * Returns: whether it could. */
gboolean
lgsm_focus_memo_restore (LgsmFocusMemo *memo,
                         GtkWidget     *page)
{
  g_autoptr(GtkWidget) widget = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LgsmSectionView *view;

  if (memo == NULL || page == NULL)
    return FALSE;
  widget = g_weak_ref_get (&memo->widget);
  /* the same widget, if it is still on the page and still stands for the
   * same record */
  if (widget && gtk_widget_is_ancestor (widget, page) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (lgsm_widget_get_opened_record (widget), memo->record_id) == 0 &&
      gtk_widget_grab_focus (widget))
    return TRUE;
  if (memo->record_id == NULL)
    return FALSE;
  /* else the page's widget that opens the same record */
  found = g_ptr_array_new ();
  collect_opening (page, memo->record_id, found);
  if (found->len > 0 && gtk_widget_grab_focus (g_ptr_array_index (found, MIN (memo->nth, found->len - 1))))
    return TRUE;
  /* else a card the grid has recycled: scrolled back into view */
  view = find_section_view (page);
  if (view)
    return lgsm_section_view_focus_card (view, memo->record_id);
  if (LGSM_IS_SEARCH_VIEW (page))
    return lgsm_search_view_focus_result (LGSM_SEARCH_VIEW (page), memo->record_id);
  return FALSE;
}
