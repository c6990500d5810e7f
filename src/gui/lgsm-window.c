/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-a11y.h"
#include "lgsm-kiosk.h"
#include "lgsm-layout.h"
#include "lgsm-language.h"
#include "lgsm-picture-cache.h"
#include "lgsm-record-page.h"
#include "lgsm-search-view.h"
#include "lgsm-section-view.h"
#include "lgsm-sections.h"
#include "lgsm-window-private.h"

/* The main window: a tab per section of the table of sections, a record
 * page shared by all of them, search, and a banner when some records could
 * not be loaded. Navigation keeps a history so Back (Alt+Left, Escape, the
 * mouse's back button, a swipe) retraces the visitor's steps. Its actions
 * are in lgsm-window-actions.c. */

G_DEFINE_FINAL_TYPE (LgsmWindow, lgsm_window, GTK_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_SECTION, PROP_RECORD_ID, PROP_LOADING, PROP_IN_LESSON, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- what is shown: the title, the history ------------------------------ */

/* The window's title names what is shown: the record, the search, or the
 * tab (screen readers and window lists read it). */
static void
update_title (LgsmWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->pages);
  LgsmRecord *record = self->record_id ? lgsm_exhibition_lookup (self->exhibition, self->record_id) : NULL;
  LgsmSection *section = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (page, "record") == 0 && record)
    {
      gtk_window_set_title (GTK_WINDOW (self), lgsm_record_get_title (record));
      return;
    }
  if (g_strcmp0 (page, "search") == 0)
    /* Translators: the window's title while search results are shown */
    title = g_strdup (_("Search – LGSM Exhibition"));
  else if (g_strcmp0 (page, "sections") == 0 && self->exhibition &&
           (section = lgsm_exhibition_get_section (self->exhibition, lgsm_window_get_section (self))) != NULL)
    /* Translators: the window's title on a tab: the tab's name, then the app's */
    title = g_strdup_printf (_("%s – LGSM Exhibition"), lgsm_section_get_title (section));
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("LGSM Exhibition"));
}

/* The compact tab switcher names the tab shown. */
static void
update_compact_switcher (LgsmWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->sections);
  const char *title = child ? gtk_stack_page_get_title (gtk_stack_get_page (self->sections, child)) : NULL;
  g_autofree char *name = NULL;

  gtk_label_set_text (self->compact_label, title ? title : "");
  /* Translators: how a screen reader names the menu of tabs on a narrow
   * window: "Sections", then the tab shown */
  name = g_strdup_printf (_("Sections: %s"), title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compact_switcher), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* On a narrow window the tabs do not fit in the header bar: the bar under
 * it names the tab shown and has the menu of tabs. */
static void
on_tabs_compact_changed (LgsmWindow *self,
                         GParamSpec *pspec,
                         LgsmFitBin *fit)
{
  gtk_widget_set_visible (self->tabs_bar, lgsm_fit_bin_get_compact (fit));
}

/* The menu of tabs, under the button that names the tab shown. */
static void
on_compact_switcher_clicked (LgsmWindow *self)
{
  if (self->tabs_popover == NULL)
    {
      self->tabs_popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->tabs_menu));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tabs_popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Sections"), -1);
      gtk_widget_set_parent (self->tabs_popover, self->compact_switcher);
    }
  gtk_popover_popup (GTK_POPOVER (self->tabs_popover));
}

static void
clear_history (LgsmWindow *self)
{
  g_ptr_array_set_size (self->history, 0);
  g_ptr_array_set_size (self->history_focus, 0);
}

/* The page the visitor sees: the tab, the search or the record. */
static GtkWidget *
visible_page (LgsmWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->pages);

  if (g_strcmp0 (page, "sections") == 0)
    return gtk_stack_get_visible_child (self->sections);
  return gtk_stack_get_visible_child (self->pages);
}

/* ---- tabs, built when first shown ------------------------------------- */

/* A tab with nothing to show says why: the problem that emptied it (a
 * file that could not be read, records that all failed) and where to see
 * the rest. */
static GtkWidget *
empty_tab_new (LgsmWindow *self,
               const char *id)
{
  LgsmProblem *problem = lgsm_exhibition_get_section_problem (self->exhibition, id);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* Translators: a tab with no records (a curator's folder may leave one empty); the reason may
     follow */
  GtkWidget *label = gtk_label_new (_("This section has no records."));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (box, TRUE);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_add_css_class (label, "title-2");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (problem && !self->kiosk)
    {
      GtkWidget *why = gtk_label_new (lgsm_problem_to_string (problem));
      /* Translators: button on an empty tab: opens the list of problems in the records files */
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Show _Problems"));

      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (why), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (why), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (why), 80);
      gtk_widget_add_css_class (why, "empty-reason");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-problems");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), why);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static void
build_tab (LgsmWindow *self,
           GtkWidget  *page)
{
  const char *id;
  LgsmSection *section;
  GtkWidget *view;

  if (page == NULL || gtk_widget_get_first_child (page) != NULL)
    return;

  id = gtk_stack_page_get_name (gtk_stack_get_page (self->sections, page));
  section = lgsm_exhibition_get_section (self->exhibition, id);
  if (section == NULL || g_list_model_get_n_items (lgsm_section_get_records (section)) == 0)
    {
      gtk_box_append (GTK_BOX (page), empty_tab_new (self, id));
      return;
    }
  view = lgsm_section_view_new (self->exhibition, section);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (page), view);
}

static void schedule_prebuild (LgsmWindow *self);

static void
on_visible_tab_changed (LgsmWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->sections);

  build_tab (self, gtk_stack_get_visible_child (self->sections));
  if (name && !self->kiosk)
    g_settings_set_string (lgsm_context_get_settings (self->context), "last-section", name);
  update_compact_switcher (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static void
add_tabs (LgsmWindow *self)
{
  g_menu_remove_all (self->tabs_menu);
  for (guint i = 0; i < lgsm_sections_get_n_tabs (); i++)
    {
      const LgsmSectionInfo *info = lgsm_sections_get_tab (i);
      LgsmSection *section = lgsm_exhibition_get_section (self->exhibition, info->id);
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      const char *title = section ? lgsm_section_get_title (section) : _(info->title);
      g_autofree char *detailed = g_strdup_printf ("win.tab::%s", info->id);

      gtk_stack_add_titled (self->sections, page, info->id, title);
      /* the narrow window's menu of tabs: radio items of win.tab */
      g_menu_append (self->tabs_menu, title, detailed);
    }
  update_compact_switcher (self);
}

void
lgsm_window_show_section (LgsmWindow *self,
                          const char *section)
{
  g_return_if_fail (LGSM_IS_WINDOW (self));

  if (!lgsm_sections_is_tab (section))
    return;
  if (self->loading)
    {
      g_free (self->pending_section);
      self->pending_section = g_strdup (section);
      return;
    }
  gtk_stack_set_visible_child_name (self->sections, section);
  gtk_stack_set_visible_child_name (self->pages, "sections");
  g_clear_pointer (&self->record_id, g_free);
  clear_history (self);
  gtk_widget_set_visible (self->back_button, FALSE);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_LESSON]);
}

const char *
lgsm_window_get_section (LgsmWindow *self)
{
  g_return_val_if_fail (LGSM_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->sections);
}

/* ---- records and history ---------------------------------------------- */

static void
update_back_button (LgsmWindow *self)
{
  gtk_widget_set_visible (self->back_button,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "record") == 0);
}

/* A kiosk hides what it cannot do rather than show it greyed out. */
static void
hide_actionables (GtkWidget  *widget,
                  const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        gtk_widget_set_visible (child, FALSE);
      else
        hide_actionables (child, action);
    }
}

/* Shows @record; the focus goes back where @memo says it was on its page
 * (coming back), else on its heading, with the page at its top. */
static void
show_record (LgsmWindow    *self,
             LgsmRecord    *record,
             LgsmFocusMemo *memo)
{
  g_free (self->record_id);
  self->record_id = g_strdup (lgsm_record_get_id (record));
  /* made on first use: most visitors see a tab before any record */
  if (self->record_page == NULL)
    {
      self->record_page = LGSM_RECORD_PAGE (lgsm_record_page_new ());
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->record_page), "record");
      if (self->kiosk)
        hide_actionables (GTK_WIDGET (self->record_page), "win.add-to-lesson");
    }
  lgsm_record_page_set_record (self->record_page, self->exhibition, record);
  gtk_stack_set_visible_child_name (self->pages, "record");
  update_title (self);
  update_back_button (self);
  if (!lgsm_focus_memo_restore (memo, GTK_WIDGET (self->record_page)))
    lgsm_record_page_focus_heading (self->record_page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_LESSON]);
}

void
lgsm_window_open_record (LgsmWindow *self,
                         const char *id)
{
  LgsmRecord *record;

  g_return_if_fail (LGSM_IS_WINDOW (self));

  if (self->loading)
    {
      g_free (self->pending_record);
      self->pending_record = g_strdup (id);
      return;
    }
  record = lgsm_exhibition_lookup (self->exhibition, id);
  if (record == NULL || g_strcmp0 (self->record_id, id) == 0)
    return;
  /* remember where we came from: a record, or the tabs/search (NULL), and
   * where the focus was there */
  g_ptr_array_add (self->history_focus, lgsm_focus_memo_save (visible_page (self)));
  g_ptr_array_add (self->history, g_strdup (self->record_id));
  show_record (self, record, NULL);
}

const char *
lgsm_window_get_record_id (LgsmWindow *self)
{
  g_return_val_if_fail (LGSM_IS_WINDOW (self), NULL);
  return self->record_id;
}

static gboolean
searching (LgsmWindow *self)
{
  return gtk_search_bar_get_search_mode (self->search_bar) &&
         *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

void
lgsm_window_go_back (LgsmWindow *self)
{
  g_autofree char *previous = NULL;
  LgsmFocusMemo *memo;
  LgsmRecord *record;

  /* back from the search results is back to the page searched from */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "search") == 0)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }
  if (self->history->len == 0)
    return;
  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  memo = g_ptr_array_steal_index (self->history_focus, self->history_focus->len - 1);
  record = lgsm_exhibition_lookup (self->exhibition, previous);
  if (record)
    show_record (self, record, memo);
  else
    {
      g_clear_pointer (&self->record_id, g_free);
      gtk_stack_set_visible_child_name (self->pages, searching (self) ? "search" : "sections");
      update_title (self);
      update_back_button (self);
      /* exactly where the visitor was on the tab or in the results */
      lgsm_focus_memo_restore (memo, visible_page (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
    }
  lgsm_focus_memo_free (memo);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_LESSON]);
}

/* ---- search ------------------------------------------------------------ */

/* Leaves the search results for the page that was open when the search
 * began (a tab or a record), with the focus where it was there. */
static void
leave_search (LgsmWindow *self)
{
  g_autofree char *record_id = NULL;
  LgsmFocusMemo *memo;
  LgsmRecord *record;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "search") != 0)
    return;
  record_id = g_steal_pointer (&self->search_return);
  record = record_id ? lgsm_exhibition_lookup (self->exhibition, record_id) : NULL;
  memo = g_steal_pointer (&self->search_focus);
  if (record)
    show_record (self, record, memo);
  else
    {
      gtk_stack_set_visible_child_name (self->pages, "sections");
      update_title (self);
      update_back_button (self);
      lgsm_focus_memo_restore (memo, visible_page (self));
    }
  lgsm_focus_memo_free (memo);
}

static void
on_search_changed (LgsmWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  lgsm_search_view_set_query (self->search_view, text);
  if (*text == '\0')
    {
      leave_search (self);
      return;
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "search") != 0)
    {
      /* the page the search was started from, to come back to */
      g_free (self->search_return);
      self->search_return = g_strdup (self->record_id);
    }
  g_clear_pointer (&self->record_id, g_free);
  gtk_stack_set_visible_child_name (self->pages, "search");
  update_title (self);
  update_back_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_LESSON]);
}

static void
on_search_activate (LgsmWindow *self)
{
  LgsmRecord *record = lgsm_search_view_get_selected (self->search_view);

  if (record)
    lgsm_window_open_record (self, lgsm_record_get_id (record));
}

static void
on_search_mode_changed (LgsmWindow *self)
{
  LgsmFocusMemo *memo;

  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "search") == 0)
    {
      leave_search (self);
      return;
    }
  /* closed over another page (a record opened from the results): the
   * page stays, the focus goes back where it was */
  memo = g_steal_pointer (&self->search_focus);
  lgsm_focus_memo_restore (memo, visible_page (self));
  lgsm_focus_memo_free (memo);
}

/* Ctrl+F remembers where the focus was, for Escape. */
void
lgsm_window_begin_search (LgsmWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "search") != 0)
    {
      lgsm_focus_memo_free (self->search_focus);
      self->search_focus = lgsm_focus_memo_save (visible_page (self));
    }
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_stop (LgsmWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* ---- problems banner --------------------------------------------------- */

static void
update_problems (LgsmWindow *self)
{
  GListModel *problems = lgsm_exhibition_get_problems (self->exhibition);
  guint n = g_list_model_get_n_items (problems);
  g_autofree char *text = NULL;

  n = self->kiosk ? 0 : n;  /* a visitor cannot act on them */
  gtk_revealer_set_reveal_child (self->problems_revealer, n > 0);
  /* hidden, not just folded away, so screen readers do not find it */
  gtk_widget_set_visible (GTK_WIDGET (self->problems_revealer), n > 0);
  if (n == 0)
    return;
  /* Translators: the bar at the top of the window when some records files have problems; the
     records that could be read are shown all the same */
  text = g_strdup_printf (ngettext ("%u problem in the records: what could be read is shown",
                                    "%u problems in the records: what could be read is shown", n), n);
  gtk_label_set_text (self->problems_label, text);
}

/* ---- keys and gestures --------------------------------------------------- */

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Escape in the search closes the search only */
  if (focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return TRUE;
    }
  if (self->history->len == 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "search") != 0)
    return FALSE;
  lgsm_window_go_back (self);
  return TRUE;
}

static void
on_mouse_back (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               LgsmWindow      *self)
{
  lgsm_window_go_back (self);
}

/* A swipe across the tabs goes to the next or previous one. */
static void
on_tabs_swipe (GtkGestureSwipe *gesture,
               double           velocity_x,
               double           velocity_y,
               LgsmWindow      *self)
{
  const char *current = lgsm_window_get_section (self);
  int step = velocity_x < 0 ? 1 : -1;
  int n = (int) lgsm_sections_get_n_tabs ();

  if (ABS (velocity_x) < 400 || ABS (velocity_x) < 2 * ABS (velocity_y))
    return;
  for (int i = 0; i < n; i++)
    if (g_strcmp0 (lgsm_sections_get_tab (i)->id, current) == 0 && i + step >= 0 && i + step < n)
      {
        lgsm_window_show_section (self, lgsm_sections_get_tab (i + step)->id);
        return;
      }
}

/* ---- slides ---------------------------------------------------------------- */

static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return lgsm_record_compare_by_date (a, b, NULL);
}

static int
compare_pointers_by_date (gconstpointer a,
                          gconstpointer b)
{
  return lgsm_record_compare_by_date (*(LgsmRecord **) a, *(LgsmRecord **) b, NULL);
}

/* The records of a tab, in the order the tab shows them. */
GListModel *
lgsm_window_section_slides (LgsmWindow *self,
                            const char *id)
{
  LgsmSection *section = lgsm_exhibition_get_section (self->exhibition, id);
  const LgsmSectionInfo *info = lgsm_sections_lookup (id);
  GListModel *records;

  if (section == NULL)
    return G_LIST_MODEL (g_list_store_new (LGSM_TYPE_RECORD));
  records = g_object_ref (lgsm_section_get_records (section));
  if (info && info->date_ordered)
    return G_LIST_MODEL (gtk_sort_list_model_new (records, GTK_SORTER (gtk_custom_sorter_new (compare_dates, NULL, NULL))));
  return records;
}

/* Every record of the tabs: the dated ones in date order, then those the
 * source gives no date for, in the tabs' order. */
GListModel *
lgsm_window_all_slides (LgsmWindow *self)
{
  g_autoptr(GPtrArray) dated = g_ptr_array_new ();
  g_autoptr(GPtrArray) undated = g_ptr_array_new ();
  GListStore *store = g_list_store_new (LGSM_TYPE_RECORD);

  for (guint t = 0; t < lgsm_sections_get_n_tabs (); t++)
    {
      LgsmSection *section = lgsm_exhibition_get_section (self->exhibition, lgsm_sections_get_tab (t)->id);
      GListModel *records = section ? lgsm_section_get_records (section) : NULL;

      for (guint i = 0; records && i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          g_ptr_array_add (lgsm_record_get_date (record) ? dated : undated, record);
        }
    }
  g_ptr_array_sort (dated, compare_pointers_by_date);
  g_list_store_splice (store, 0, 0, dated->pdata, dated->len);
  g_list_store_splice (store, dated->len, 0, undated->pdata, undated->len);
  return G_LIST_MODEL (store);
}

void
lgsm_window_present_slides (LgsmWindow *self,
                            const char *section)
{
  g_autoptr(GListModel) slides = NULL;

  g_return_if_fail (LGSM_IS_WINDOW (self));

  if (section == NULL)
    {
      slides = lgsm_window_all_slides (self);
      /* Translators: the name of the presentation of every record in date order (Shift+F5), e.g.
         in the presenter console */
      lgsm_window_start_presentation (self, slides, _("The whole exhibition"), 0);
      return;
    }
  slides = lgsm_window_section_slides (self, section);
  lgsm_window_start_presentation (self, slides,
                                  lgsm_section_get_title (lgsm_exhibition_get_section (self->exhibition, section)), 0);
}

/* ---- kiosk -------------------------------------------------------------- */

/* Every scrolled view back at its start: the tabs, their timelines and
 * maps, the record page, the search results. */
static void
reset_scrolling (GtkWidget *widget)
{
  if (GTK_IS_SCROLLABLE (widget))
    {
      GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget));
      GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));

      if (h)
        gtk_adjustment_set_value (h, gtk_adjustment_get_lower (h));
      if (v)
        gtk_adjustment_set_value (v, gtk_adjustment_get_lower (v));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    reset_scrolling (child);
}

/* Back to the start for the next visitor: the opening state of the
 * window — first tab, every view scrolled back to its start, nothing
 * focused, no record, no search, no notice, no history, no other
 * windows — and the
 * app's own (text size, language, bilingual slides: app.kiosk-reset).
 * The operator's settings are not touched.
 *
 * A records folder that changed since the last reset is applied here
 * (the live reload of the records folder, issue 18): whatever reload is
 * pending is swapped in before the tabs are built again. */
void
lgsm_window_reset_home (LgsmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GList) windows = NULL;

  g_return_if_fail (LGSM_IS_WINDOW (self));

  windows = app ? g_list_copy (gtk_application_get_windows (app)) : NULL;
  for (GList *l = windows; l; l = l->next)
    if (l->data != (gpointer) self)
      gtk_window_destroy (l->data);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_revealer), FALSE);
  /* records reloaded while the visitor was busy are shown from now on */
  lgsm_context_apply_pending (self->context);
  if (!self->loading)
    {
      g_clear_pointer (&self->record_id, g_free);
      g_ptr_array_set_size (self->history, 0);
      gtk_stack_set_visible_child_name (self->pages, "sections");
      reset_scrolling (GTK_WIDGET (self->pages));
    }
  lgsm_window_show_section (self, lgsm_sections_get_tab (0)->id);
  update_title (self);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  /* the app's part of the opening state; nothing if there is no such action */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.kiosk-reset", NULL);
}

LgsmKiosk *
lgsm_window_get_kiosk (LgsmWindow *self)
{
  g_return_val_if_fail (LGSM_IS_WINDOW (self), NULL);
  return self->kiosk;
}

/* The operator's exit (lgsm-exhibition --quit) may close a kiosk window. */
void
lgsm_window_allow_close (LgsmWindow *self)
{
  g_return_if_fail (LGSM_IS_WINDOW (self));
  self->may_close = TRUE;
}

/* ---- navigation in kiosk mode and full screen ------------------------------ */

/* GTK hides the header bar of a full-screen window: the window's own bar
 * then shows the tabs, Back and Search (Search in a kiosk only if the
 * operator allows it: kiosk-search). */
void
lgsm_window_update_nav_bar (LgsmWindow *self)
{
  GSettings *settings = lgsm_context_get_settings (self->context);
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  gboolean search = self->kiosk == NULL || g_settings_get_boolean (settings, "kiosk-search");

  gtk_widget_set_visible (GTK_WIDGET (self->nav_bar), self->kiosk != NULL || fullscreen);
  gtk_widget_set_visible (GTK_WIDGET (lgsm_nav_bar_get_search_button (self->nav_bar)), search);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), search);
  gtk_widget_set_visible (lgsm_nav_bar_get_fullscreen_button (self->nav_bar), fullscreen && self->kiosk == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", search);
  if (!search)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* A kiosk belongs to the app: a window made before the app became one
 * becomes a kiosk window too. */
static void
on_context_kiosk_changed (LgsmWindow *self)
{
  if (lgsm_context_get_kiosk (self->context) && self->kiosk == NULL)
    lgsm_window_lock_for_kiosk (self);
}

/* The time of the user's last input: what a window opened in answer to
 * it (the slides) is presented with, so that the window manager gives it
 * the focus. */
static gboolean
on_input (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          LgsmWindow               *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      self->user_time = gdk_event_get_time (event);
      break;
    default:
      break;
    }
  return FALSE;
}

static void
setup_nav_bar (LgsmWindow *self)
{
  GtkEventController *input = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect (input, "event", G_CALLBACK (on_input), self);
  gtk_widget_add_controller (GTK_WIDGET (self), input);

  lgsm_nav_bar_set_stack (self->nav_bar, self->sections);
  g_object_bind_property (self->back_button, "visible",
                          lgsm_nav_bar_get_back_button (self->nav_bar), "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->search_bar, "search-mode-enabled",
                          lgsm_nav_bar_get_search_button (self->nav_bar), "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (lgsm_window_update_nav_bar), NULL);
  g_signal_connect_object (lgsm_context_get_settings (self->context), "changed::kiosk-search",
                           G_CALLBACK (lgsm_window_update_nav_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::kiosk",
                           G_CALLBACK (on_context_kiosk_changed), self, G_CONNECT_SWAPPED);
}

/* ---- window state ------------------------------------------------------ */

static gboolean
lgsm_window_close_request (GtkWindow *window)
{
  LgsmWindow *self = LGSM_WINDOW (window);
  GSettings *settings = lgsm_context_get_settings (self->context);
  int width, height;

  if (self->kiosk && !self->may_close)
    return TRUE;  /* a visitor cannot close the kiosk */
  if (!self->kiosk)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set (settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }
  return GTK_WINDOW_CLASS (lgsm_window_parent_class)->close_request (window);
}

static void
restore_state (LgsmWindow *self)
{
  GSettings *settings = lgsm_context_get_settings (self->context);
  g_autofree char *section = NULL;
  int width, height;

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  if (!self->kiosk)  /* a kiosk has the monitor's size */
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized") && !self->kiosk)
    gtk_window_maximize (GTK_WINDOW (self));
  section = g_settings_get_string (settings, "last-section");
  if (lgsm_sections_is_tab (section) && !self->kiosk)
    gtk_stack_set_visible_child_name (self->sections, section);
  build_tab (self, gtk_stack_get_visible_child (self->sections));
}

/* ---- the records shown --------------------------------------------------- */

static void
show_loading_page (LgsmWindow *self)
{
  GtkWidget *box, *spinner, *label;

  if (gtk_stack_get_child_by_name (self->pages, "loading") == NULL)
    {
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      spinner = gtk_spinner_new ();
      /* Translators: shown while the records are read, e.g. after changing the language */
      label = gtk_label_new (_("Loading the records…"));
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (spinner, 48, 48);
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_add_css_class (label, "empty-section");
      gtk_box_append (GTK_BOX (box), spinner);
      gtk_box_append (GTK_BOX (box), label);
      gtk_stack_add_named (self->pages, box, "loading");
    }
  gtk_stack_set_visible_child_name (self->pages, "loading");
}

/* While a records folder loads in the background, the window is on
 * screen with a spinner where the tabs will be; the context's next
 * exhibition replaces it. */
void
lgsm_window_set_loading (LgsmWindow *self,
                         gboolean    loading)
{
  g_return_if_fail (LGSM_IS_WINDOW (self));

  loading = !!loading;
  if (self->loading == loading)
    return;
  self->loading = loading;
  if (loading)
    show_loading_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
lgsm_window_get_loading (LgsmWindow *self)
{
  g_return_val_if_fail (LGSM_IS_WINDOW (self), FALSE);
  return self->loading;
}

/* Shows the context's exhibition in place of the one the window had (a
 * folder that has finished loading), then whatever was asked for
 * meanwhile. */
static void
on_exhibition_changed (LgsmWindow *self)
{
  g_autofree char *section = NULL;
  g_autofree char *record = NULL;
  GtkWidget *child;

  section = g_steal_pointer (&self->pending_section);
  record = g_steal_pointer (&self->pending_record);
  if (section == NULL)
    section = g_strdup (lgsm_window_get_section (self));
  /* reloaded records: the visitor stays on the record they were reading */
  if (record == NULL && self->record_id)
    record = g_strdup (self->record_id);
  g_clear_pointer (&self->record_id, g_free);
  g_ptr_array_set_size (self->history, 0);
  g_set_object (&self->exhibition, lgsm_context_get_exhibition (self->context));
  lgsm_search_view_set_exhibition (self->search_view, self->exhibition);
  lgsm_window_set_loading (self, FALSE);

  g_signal_handlers_block_by_func (self->sections, on_visible_tab_changed, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_stack_remove (self->sections, child);
  add_tabs (self);
  g_signal_handlers_unblock_by_func (self->sections, on_visible_tab_changed, self);

  gtk_stack_set_visible_child_name (self->pages, "sections");
  if (section)
    gtk_stack_set_visible_child_name (self->sections, section);
  build_tab (self, gtk_stack_get_visible_child (self->sections));
  update_problems (self);
  update_compact_switcher (self);
  update_title (self);
  if (record)
    lgsm_window_open_record (self, record);
  schedule_prebuild (self);
}

static void
on_reload_summary (LgsmWindow *self)
{
  const char *summary = lgsm_context_get_reload_summary (self->context);

  if (summary && !self->kiosk)
    lgsm_window_show_notice (self, summary);
}

/* ---- first frame -------------------------------------------------------- */

/* Once the window is on screen, the other tabs are built and laid out at
 * the window's width while nothing else happens, one per idle: opening a
 * tab for the first time then costs what opening it again does. */
static gboolean
prebuild_tab (gpointer data)
{
  LgsmWindow *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->sections));

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->sections)); page;
       page = gtk_widget_get_next_sibling (page))
    if (gtk_widget_get_first_child (page) == NULL)
      {
        int min, nat;

        build_tab (self, page);
        if (width > 0)
          gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
        return G_SOURCE_CONTINUE;
      }
  self->prebuild_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_prebuild (LgsmWindow *self)
{
  if (self->prebuild_idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->loading)
    self->prebuild_idle = g_idle_add_full (G_PRIORITY_LOW, prebuild_tab, self, NULL);
}

static void
on_first_paint (GdkFrameClock *clock,
                LgsmWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  lgsm_picture_cache_set_held (lgsm_context_get_picture_cache (self->context), FALSE);
  schedule_prebuild (self);
}

static void
on_after_paint (GdkFrameClock *clock,
                LgsmWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* GTK titles its shortcuts window from its own translations, which lack
 * Welsh: the titles come from ours instead. */
static void
translate_shortcuts_titles (GtkWidget *widget)
{
  /* Translators: the title of the keyboard shortcuts window (Ctrl+?) */
  static const char *titles[] = { N_("Shortcuts"),
                                  /* Translators: in the keyboard shortcuts window, over the
                                     shortcuts found by typing in its search box */
                                  N_("Search Results") };

  if (GTK_IS_LABEL (widget))
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), g_dgettext ("gtk40", titles[i])) == 0)
        gtk_label_set_text (GTK_LABEL (widget), _(titles[i]));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    translate_shortcuts_titles (child);
}

/* The keyboard shortcuts window is built once the window is on screen, not
 * before its first frame; a kiosk has none. */
static gboolean
add_help_overlay (gpointer data)
{
  LgsmWindow *self = data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "ui/help-overlay.ui");

  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  self->help_overlay_idle = 0;
  translate_shortcuts_titles (overlay);
  lgsm_a11y_name_shortcuts_window (overlay);
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), GTK_SHORTCUTS_WINDOW (overlay));
  return G_SOURCE_REMOVE;
}

static void
lgsm_window_map (GtkWidget *widget)
{
  LgsmWindow *self = LGSM_WINDOW (widget);

  GTK_WIDGET_CLASS (lgsm_window_parent_class)->map (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_paint), self, 0);
  if (self->help_overlay_idle == 0 && !self->kiosk &&
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) == NULL)
    self->help_overlay_idle = g_timeout_add (300, add_help_overlay, self);
  if (self->quit_after_first_frame)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_after_paint), self, 0);
}

/* Exits as soon as the window has been painted once (smoke tests,
 * start-up benchmarks). */
void
lgsm_window_quit_after_first_frame (LgsmWindow *self)
{
  g_return_if_fail (LGSM_IS_WINDOW (self));

  self->quit_after_first_frame = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_after_paint), self, 0);
}

/* ---- the language menu -------------------------------------------------- */

/* English and every translation, each named in its own language (and
 * with how much of it is translated, when that is not everything); the
 * app.language action's state ticks the current one. */
static void
fill_language_menu (LgsmWindow *self)
{
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);
  /* Translators: Language menu: the first item, to follow the language of the computer's desktop
     rather than choose one */
  g_autoptr(GMenuItem) system = g_menu_item_new (_("Desktop Language"), NULL);
  g_autofree char *english = lgsm_language_dup_label ("en");

  g_menu_item_set_action_and_target_value (system, "app.language", g_variant_new_string (""));
  g_menu_append_item (self->language_section, system);
  g_menu_append (self->language_section, english, "app.language::en");
  for (guint i = 0; linguas[i]; i++)
    if (*linguas[i])
      {
        g_autofree char *detailed = g_strdup_printf ("app.language::%s", linguas[i]);
        g_autofree char *label = lgsm_language_dup_label (linguas[i]);
        g_menu_append (self->language_section, label, detailed);
      }
}

/* ---- life cycle ---------------------------------------------------------- */

static void
lgsm_window_constructed (GObject *object)
{
  LgsmWindow *self = LGSM_WINDOW (object);

  G_OBJECT_CLASS (lgsm_window_parent_class)->constructed (object);

  self->exhibition = g_object_ref (lgsm_context_get_exhibition (self->context));
  lgsm_search_view_set_exhibition (self->search_view, self->exhibition);
  g_signal_connect_object (self->context, "notify::exhibition",
                           G_CALLBACK (on_exhibition_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::reload-summary",
                           G_CALLBACK (on_reload_summary), self, G_CONNECT_SWAPPED);
  add_tabs (self);
  setup_nav_bar (self);
  if (lgsm_context_get_kiosk (self->context))
    lgsm_window_lock_for_kiosk (self);
  lgsm_window_update_nav_bar (self);
  lgsm_window_setup_reading (self);
  restore_state (self);
  update_problems (self);
}

static void
lgsm_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LgsmWindow *self = LGSM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SECTION:
      g_value_set_string (value, lgsm_window_get_section (self));
      break;
    case PROP_RECORD_ID:
      g_value_set_string (value, self->record_id);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_IN_LESSON:
      g_value_set_boolean (value, lgsm_window_get_in_lesson (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LgsmWindow *self = LGSM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SECTION:
      lgsm_window_show_section (self, g_value_get_string (value));
      break;
    case PROP_RECORD_ID:
      lgsm_window_open_record (self, g_value_get_string (value));
      break;
    case PROP_LOADING:
      lgsm_window_set_loading (self, g_value_get_boolean (value));
      break;
    case PROP_IN_LESSON:
      lgsm_window_set_in_lesson (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_window_dispose (GObject *object)
{
  LgsmWindow *self = LGSM_WINDOW (object);

  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  g_clear_handle_id (&self->help_overlay_idle, g_source_remove);
  g_clear_handle_id (&self->prebuild_idle, g_source_remove);
  g_clear_pointer (&self->tabs_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_WINDOW);
  g_clear_object (&self->audio_guide);
  g_clear_object (&self->reader);
  lgsm_window_forget_lessons (self);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->exhibition);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lgsm_window_parent_class)->dispose (object);
}

static void
lgsm_window_finalize (GObject *object)
{
  LgsmWindow *self = LGSM_WINDOW (object);

  g_ptr_array_unref (self->history);
  g_ptr_array_unref (self->history_focus);
  lgsm_focus_memo_free (self->search_focus);
  g_free (self->search_return);
  g_free (self->record_id);
  g_free (self->pending_section);
  g_free (self->pending_record);

  G_OBJECT_CLASS (lgsm_window_parent_class)->finalize (object);
}

static void
lgsm_window_class_init (LgsmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lgsm_window_constructed;
  object_class->dispose = lgsm_window_dispose;
  object_class->finalize = lgsm_window_finalize;
  object_class->get_property = lgsm_window_get_property;
  object_class->set_property = lgsm_window_set_property;
  widget_class->map = lgsm_window_map;
  window_class->close_request = lgsm_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LGSM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_string ("record-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LgsmWindow:in-lesson:
   *
   * Whether the record on show is in the current lesson path; the state
   * of win.add-to-lesson (Ctrl+D), which toggles it.
   */
  properties[PROP_IN_LESSON] =
    g_param_spec_boolean ("in-lesson", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LGSM_TYPE_SEARCH_VIEW);
  g_type_ensure (LGSM_TYPE_NAV_BAR);
  g_type_ensure (LGSM_TYPE_FIT_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, tab_switcher);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, compact_switcher);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, tabs_bar);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, compact_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, tabs_menu);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, nav_bar);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, language_section);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, search_view);

  gtk_widget_class_bind_template_callback (widget_class, on_visible_tab_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mouse_back);
  gtk_widget_class_bind_template_callback (widget_class, on_tabs_swipe);
  gtk_widget_class_bind_template_callback (widget_class, on_compact_switcher_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_tabs_compact_changed);

  lgsm_window_class_add_actions (widget_class);
  /* the narrow window's menu of tabs (radio items) */
  gtk_widget_class_install_property_action (widget_class, "win.tab", "section");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_escape, NULL);
}

static void
lgsm_window_init (LgsmWindow *self)
{
  self->history = g_ptr_array_new_with_free_func (g_free);
  self->history_focus = g_ptr_array_new_with_free_func ((GDestroyNotify) lgsm_focus_memo_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  lgsm_a11y_name_menu_button (self->menu_button, _("Main Menu"), _("Main Menu"));
  fill_language_menu (self);
}

LgsmWindow *
lgsm_window_new (GtkApplication *app,
                 LgsmContext    *context)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (context), NULL);

  return g_object_new (LGSM_TYPE_WINDOW,
                       "application", app,
                       "context", context,
                       NULL);
}

/* Returns: (transfer none) */
LgsmContext *
lgsm_window_get_context (LgsmWindow *self)
{
  g_return_val_if_fail (LGSM_IS_WINDOW (self), NULL);
  return self->context;
}
