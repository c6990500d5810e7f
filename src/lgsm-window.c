/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-handout.h"
#include "lgsm-kiosk.h"
#include "lgsm-lesson-dialog.h"
#include "lgsm-presentation.h"
#include "lgsm-record-page.h"
#include "lgsm-section-view.h"
#include "lgsm-texture-cache.h"
#include "lgsm-window.h"

/* The main window: four tabs, a record page shared by all of them, search,
 * and a banner when some records could not be loaded. Navigation keeps a
 * history so Back (Alt+Left, Escape, the mouse's back button, a swipe)
 * retraces the visitor's steps. */
struct _LgsmWindow
{
  GtkApplicationWindow  parent_instance;

  LgsmExhibition       *exhibition;
  GSettings            *settings;
  GPtrArray            *history;      /* record ids, or NULL for "the tabs/search" */
  char                 *record_id;    /* shown on the record page, or NULL */
  gboolean              quit_after_first_frame;
  LgsmKiosk            *kiosk;
  gboolean              may_close;
  gboolean              loading;
  char                 *pending_section;
  char                 *pending_record;
  guint                 help_overlay_idle;
  guint                 prebuild_idle;

  GtkWidget            *back_button;
  GtkWidget            *menu_button;
  GMenu                *language_section;
  GtkWidget            *present_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *problems_revealer;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  guint                 notice_timeout;
  GtkLabel             *problems_label;
  GtkStack             *pages;
  GtkStack             *sections;
  GtkListView          *results_view;
  GtkLabel             *results_label;
  LgsmRecordPage       *record_page;
};

G_DEFINE_FINAL_TYPE (LgsmWindow, lgsm_window, GTK_TYPE_APPLICATION_WINDOW)

static const struct {
  const char *id;
  const char *title;
} tabs[] = {
  { "history", N_("History") },
  { "outlook", N_("Outlook") },
  { "legacy", N_("Legacy") },
  { "twinning", N_("Onllwyn twinning") },
};

/* ---- tabs, built when first shown ------------------------------------- */

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
  if (section == NULL)
    {
      GtkWidget *label = gtk_label_new (_("This section has no records."));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (page), label);
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
  if (self->settings && name)
    g_settings_set_string (self->settings, "last-section", name);
}

static void
add_tabs (LgsmWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      LgsmSection *section = lgsm_exhibition_get_section (self->exhibition, tabs[i].id);
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      const char *title = section ? lgsm_section_get_title (section) : _(tabs[i].title);

      gtk_stack_add_titled (self->sections, page, tabs[i].id, title);
    }
}

void
lgsm_window_show_section (LgsmWindow *self,
                          const char *section)
{
  g_return_if_fail (LGSM_IS_WINDOW (self));

  if (!lgsm_section_name_is_tab (section))
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
  g_ptr_array_set_size (self->history, 0);
  gtk_widget_set_visible (self->back_button, FALSE);
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

static void
show_record (LgsmWindow *self,
             LgsmRecord *record)
{
  g_free (self->record_id);
  self->record_id = g_strdup (lgsm_record_get_id (record));
  /* made on first use: most visitors see a tab before any record */
  if (self->record_page == NULL)
    {
      self->record_page = LGSM_RECORD_PAGE (lgsm_record_page_new ());
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->record_page), "record");
    }
  lgsm_record_page_set_record (self->record_page, self->exhibition, record);
  gtk_stack_set_visible_child_name (self->pages, "record");
  gtk_window_set_title (GTK_WINDOW (self), lgsm_record_get_title (record));
  update_back_button (self);
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
  /* remember where we came from: a record, or the tabs/search (NULL) */
  g_ptr_array_add (self->history, g_strdup (self->record_id));
  show_record (self, record);
}

const char *
lgsm_window_get_record_id (LgsmWindow *self)
{
  g_return_val_if_fail (LGSM_IS_WINDOW (self), NULL);
  return self->record_id;
}

static void
go_back (LgsmWindow *self)
{
  g_autofree char *previous = NULL;
  LgsmRecord *record;

  if (self->history->len == 0)
    return;
  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  record = lgsm_exhibition_lookup (self->exhibition, previous);
  if (record)
    {
      show_record (self, record);
      return;
    }
  g_clear_pointer (&self->record_id, g_free);
  gtk_window_set_title (GTK_WINDOW (self), _("LGSM Exhibition"));
  gtk_stack_set_visible_child_name (self->pages,
                                    gtk_search_bar_get_search_mode (self->search_bar) &&
                                    *gtk_editable_get_text (GTK_EDITABLE (self->search_entry))
                                    ? "search" : "sections");
  update_back_button (self);
}

/* ---- search ------------------------------------------------------------ */

static void
on_search_changed (LgsmWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GListModel) results = NULL;
  guint n;

  if (*text == '\0')
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "search") == 0)
        gtk_stack_set_visible_child_name (self->pages, "sections");
      return;
    }
  results = lgsm_exhibition_search (self->exhibition, text);
  n = g_list_model_get_n_items (results);
  gtk_list_view_set_model (self->results_view,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (results))));
  if (n == 0)
    gtk_label_set_text (self->results_label, _("No records match your search"));
  else
    {
      g_autofree char *text_n = g_strdup_printf (ngettext ("%u record found", "%u records found", n), n);
      gtk_label_set_text (self->results_label, text_n);
    }
  g_ptr_array_set_size (self->history, 0);
  g_clear_pointer (&self->record_id, g_free);
  gtk_stack_set_visible_child_name (self->pages, "search");
  update_back_button (self);
}

static LgsmRecord *
selected_result (LgsmWindow *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->results_view);

  if (model == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

static void
on_search_activate (LgsmWindow *self)
{
  LgsmRecord *record = selected_result (self);

  if (record)
    lgsm_window_open_record (self, lgsm_record_get_id (record));
}

static void
on_result_activate (GtkListView *view,
                    guint        position,
                    LgsmWindow  *self)
{
  g_autoptr(LgsmRecord) record = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (record)
    lgsm_window_open_record (self, lgsm_record_get_id (record));
}

static void
on_search_mode_changed (LgsmWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "search") == 0)
    gtk_stack_set_visible_child_name (self->pages, "sections");
}

static void
on_search_stop (LgsmWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
setup_result (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "result-title");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_add_css_class (box, "search-result");
  gtk_list_item_set_child (item, box);
}

static void
bind_result (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  LgsmRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *date = lgsm_record_format_date (record);
  g_autofree char *text = NULL;

  if (date)
    /* Translators: a search result's detail: its date, then its summary */
    text = g_strdup_printf (_("%s — %s"), date, lgsm_record_get_summary (record));
  gtk_label_set_text (GTK_LABEL (title), lgsm_record_get_title (record));
  gtk_label_set_text (GTK_LABEL (detail), text ? text : lgsm_record_get_summary (record));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lgsm_record_get_title (record), -1);
}

/* ---- problems banner --------------------------------------------------- */

static void
update_problems (LgsmWindow *self)
{
  GListModel *problems = lgsm_exhibition_get_problems (self->exhibition);
  guint n = g_list_model_get_n_items (problems);
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->problems_revealer, n > 0);
  /* hidden, not just folded away, so screen readers do not find it */
  gtk_widget_set_visible (GTK_WIDGET (self->problems_revealer), n > 0);
  if (n == 0)
    return;
  text = g_strdup_printf (ngettext ("%u problem in the records: what could be read is shown",
                                    "%u problems in the records: what could be read is shown", n), n);
  gtk_label_set_text (self->problems_label, text);
}

static void
show_problems (LgsmWindow *self)
{
  GListModel *problems = lgsm_exhibition_get_problems (self->exhibition);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog, *scroller, *view;
  GtkTextBuffer *buffer;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      g_string_append_printf (text, "%s\n", lgsm_problem_to_string (problem));
    }

  dialog = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Problems in the records"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 800, 400);
  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, text->str, -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (dialog), scroller);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- actions ----------------------------------------------------------- */

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lgsm_window_open_record (LGSM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_back (LGSM_WINDOW (widget));
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lgsm_window_show_section (LGSM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_problems (LGSM_WINDOW (widget));
}

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  LgsmWindow *self = LGSM_WINDOW (widget);

  if (self->history->len == 0)
    return FALSE;
  go_back (self);
  return TRUE;
}

static void
on_mouse_back (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               LgsmWindow      *self)
{
  go_back (self);
}

/* ---- presenting --------------------------------------------------------- */

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
static GListModel *
section_slides (LgsmWindow *self,
                const char *id)
{
  LgsmSection *section = lgsm_exhibition_get_section (self->exhibition, id);
  GListModel *records;

  if (section == NULL)
    return G_LIST_MODEL (g_list_store_new (LGSM_TYPE_RECORD));
  records = g_object_ref (lgsm_section_get_records (section));
  if (g_str_equal (id, "history") || g_str_equal (id, "legacy"))
    return G_LIST_MODEL (gtk_sort_list_model_new (records, GTK_SORTER (gtk_custom_sorter_new (compare_dates, NULL, NULL))));
  return records;
}

/* Every dated record of the four tabs, in date order. */
static GListModel *
all_slides (LgsmWindow *self)
{
  g_autoptr(GPtrArray) dated = g_ptr_array_new ();
  GListStore *store = g_list_store_new (LGSM_TYPE_RECORD);

  for (guint t = 0; t < G_N_ELEMENTS (tabs); t++)
    {
      LgsmSection *section = lgsm_exhibition_get_section (self->exhibition, tabs[t].id);
      GListModel *records = section ? lgsm_section_get_records (section) : NULL;

      for (guint i = 0; records && i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          if (lgsm_record_get_date (record))
            g_ptr_array_add (dated, record);
        }
    }
  g_ptr_array_sort (dated, compare_pointers_by_date);
  g_list_store_splice (store, 0, 0, dated->pdata, dated->len);
  return G_LIST_MODEL (store);
}

static void
start_presentation (LgsmWindow *self,
                    GListModel *slides,
                    const char *title,
                    guint       first)
{
  LgsmPresentation *presentation;

  if (g_list_model_get_n_items (slides) == 0)
    return;
  presentation = lgsm_presentation_new (gtk_window_get_application (GTK_WINDOW (self)), slides, title);
  lgsm_presentation_set_slide (presentation, first);
  lgsm_application_prepare_presentation (LGSM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                         presentation);
  lgsm_presentation_start (presentation);
}

/* F5: the tab on show, from the record on show if there is one */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  const char *id = lgsm_window_get_section (self);
  LgsmRecord *record = lgsm_exhibition_lookup (self->exhibition, self->record_id);
  g_autoptr(GListModel) slides = NULL;
  guint first = 0;

  if (record && lgsm_section_name_is_tab (lgsm_record_get_section (record)))
    id = lgsm_record_get_section (record);
  slides = section_slides (self, id);
  for (guint i = 0; record && i < g_list_model_get_n_items (slides); i++)
    {
      g_autoptr(LgsmRecord) item = g_list_model_get_item (slides, i);
      if (item == record)
        first = i;
    }
  start_presentation (self, slides, lgsm_section_get_title (lgsm_exhibition_get_section (self->exhibition, id)), first);
}

static void
present_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  g_autoptr(GListModel) slides = all_slides (self);

  start_presentation (self, slides, _("The whole exhibition"), 0);
}

void
lgsm_window_present_slides (LgsmWindow *self,
                            const char *section)
{
  g_autoptr(GListModel) slides = NULL;

  g_return_if_fail (LGSM_IS_WINDOW (self));

  if (section == NULL)
    {
      slides = all_slides (self);
      start_presentation (self, slides, _("The whole exhibition"), 0);
      return;
    }
  slides = section_slides (self, section);
  start_presentation (self, slides, lgsm_section_get_title (lgsm_exhibition_get_section (self->exhibition, section)), 0);
}

/* ---- lessons and handouts ------------------------------------------------ */

static gboolean
hide_notice (gpointer data)
{
  LgsmWindow *self = data;

  self->notice_timeout = 0;
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
show_notice (LgsmWindow *self,
             const char *text)
{
  gtk_label_set_text (self->notice_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  self->notice_timeout = g_timeout_add_seconds (4, hide_notice, self);
}

static void
lessons_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (lgsm_lesson_dialog_new (GTK_WINDOW (self), self->exhibition)));
}

static void
add_to_lesson_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  g_autoptr(LgsmLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->record_id == NULL)
    return;
  if (!lgsm_lessons_add_to_current (self->record_id, &error))
    {
      show_notice (self, error->message);
      return;
    }
  lesson = lgsm_lessons_load_current (NULL);
  /* Translators: after adding a record to a lesson path: the lesson's name and its size */
  text = g_strdup_printf (ngettext ("Added to “%s”, which now has %u record",
                                    "Added to “%s”, which now has %u records",
                                    lesson ? lgsm_lesson_get_n_items (lesson) : 0),
                          lesson ? lgsm_lesson_get_name (lesson) : "", lesson ? lgsm_lesson_get_n_items (lesson) : 0);
  show_notice (self, text);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  const char *id = lgsm_window_get_section (self);
  g_autoptr(GListModel) records = section_slides (self, id);
  LgsmSection *section = lgsm_exhibition_get_section (self->exhibition, id);

  lgsm_handout_print (GTK_WINDOW (self), section ? lgsm_section_get_title (section) : "", records);
}

/* ---- touch and kiosk ------------------------------------------------------ */

/* A swipe across the tabs goes to the next or previous one. */
static void
on_tabs_swipe (GtkGestureSwipe *gesture,
               double           velocity_x,
               double           velocity_y,
               LgsmWindow      *self)
{
  const char *current = lgsm_window_get_section (self);
  int step = velocity_x < 0 ? 1 : -1;

  if (ABS (velocity_x) < 400 || ABS (velocity_x) < 2 * ABS (velocity_y))
    return;
  for (int i = 0; i < (int) G_N_ELEMENTS (tabs); i++)
    if (g_strcmp0 (tabs[i].id, current) == 0 && i + step >= 0 && i + step < (int) G_N_ELEMENTS (tabs))
      {
        lgsm_window_show_section (self, tabs[i + step].id);
        return;
      }
}

/* Back to the start for the next visitor: first tab, no search, no
 * history, no other windows. */
void
lgsm_window_reset_home (LgsmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GList) windows = NULL;

  g_return_if_fail (LGSM_IS_WINDOW (self));

  windows = g_list_copy (gtk_application_get_windows (app));
  for (GList *l = windows; l; l = l->next)
    if (l->data != (gpointer) self)
      gtk_window_destroy (l->data);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  lgsm_window_show_section (self, tabs[0].id);
  gtk_window_set_title (GTK_WINDOW (self), _("LGSM Exhibition"));
}

static void
kiosk_reset (gpointer data)
{
  lgsm_window_reset_home (data);
}

/* Full screen, nothing that quits or leaves the exhibition, and the idle
 * reset and attract loop of LgsmKiosk. */
void
lgsm_window_set_kiosk (LgsmWindow *self,
                       guint       idle_seconds,
                       const char *pin)
{
  static const char *locked[] = {
    "win.fullscreen", "win.lessons", "win.print", "win.present", "win.present-all",
    "win.add-to-lesson", "win.show-problems", "window.close",
  };

  g_return_if_fail (LGSM_IS_WINDOW (self));

  if (self->kiosk)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), locked[i], FALSE);
  gtk_widget_set_visible (self->menu_button, FALSE);
  gtk_widget_set_visible (self->present_button, FALSE);
  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));

  /* the window's child; not a bound template child, which GtkWindow's own
   * dispose would then unparent a second time */
  self->kiosk = lgsm_kiosk_new (GTK_WINDOW (self), GTK_OVERLAY (gtk_window_get_child (GTK_WINDOW (self))),
                                self->exhibition, kiosk_reset, self);
  lgsm_kiosk_set_timings (self->kiosk, MAX (idle_seconds, 1) * 1000, 15, 1000, 8000);
  lgsm_kiosk_set_pin (self->kiosk, pin);
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

/* ---- window state ------------------------------------------------------ */

static gboolean
lgsm_window_close_request (GtkWindow *window)
{
  LgsmWindow *self = LGSM_WINDOW (window);
  int width, height;

  if (self->kiosk && !self->may_close)
    return TRUE;  /* a visitor cannot close the kiosk */
  if (self->settings && !self->kiosk)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }
  return GTK_WINDOW_CLASS (lgsm_window_parent_class)->close_request (window);
}

static void
restore_state (LgsmWindow *self)
{
  g_autofree char *section = NULL;
  int width, height;

  if (self->settings == NULL)
    {
      build_tab (self, gtk_stack_get_visible_child (self->sections));
      return;
    }
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  section = g_settings_get_string (self->settings, "last-section");
  if (lgsm_section_name_is_tab (section))
    gtk_stack_set_visible_child_name (self->sections, section);
  build_tab (self, gtk_stack_get_visible_child (self->sections));
}

/* ---- loading a large folder ------------------------------------------------ */

/* While a records folder loads in the background: the window is on screen,
 * with a spinner where the tabs will be. */
void
lgsm_window_set_loading (LgsmWindow *self)
{
  GtkWidget *box, *spinner, *label;

  g_return_if_fail (LGSM_IS_WINDOW (self));

  self->loading = TRUE;
  if (gtk_stack_get_child_by_name (self->pages, "loading") == NULL)
    {
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      spinner = gtk_spinner_new ();
      label = gtk_label_new (_("Loading the records…"));
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (spinner, 48, 48);
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), spinner);
      gtk_box_append (GTK_BOX (box), label);
      gtk_stack_add_named (self->pages, box, "loading");
    }
  gtk_stack_set_visible_child_name (self->pages, "loading");
}

/* Shows @exhibition in place of the one the window had (a folder that has
 * finished loading), then whatever was asked for meanwhile. */
void
lgsm_window_set_exhibition (LgsmWindow     *self,
                            LgsmExhibition *exhibition)
{
  g_autofree char *section = NULL;
  g_autofree char *record = NULL;
  GtkWidget *child;

  g_return_if_fail (LGSM_IS_WINDOW (self));

  section = g_steal_pointer (&self->pending_section);
  record = g_steal_pointer (&self->pending_record);
  if (section == NULL)
    section = g_strdup (lgsm_window_get_section (self));
  g_set_object (&self->exhibition, exhibition);
  self->loading = FALSE;

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
  if (record)
    lgsm_window_open_record (self, record);
  schedule_prebuild (self);
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
  if (self->prebuild_idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->prebuild_idle = g_idle_add_full (G_PRIORITY_LOW, prebuild_tab, self, NULL);
}

static void
on_first_paint (GdkFrameClock *clock,
                LgsmWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  lgsm_texture_cache_release ();
  schedule_prebuild (self);
}

static void
on_after_paint (GdkFrameClock *clock,
                LgsmWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* The keyboard shortcuts window is built once the window is on screen, not
 * before its first frame. */
static gboolean
add_help_overlay (gpointer data)
{
  LgsmWindow *self = data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "ui/help-overlay.ui");

  self->help_overlay_idle = 0;
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  return G_SOURCE_REMOVE;
}

static void
lgsm_window_map (GtkWidget *widget)
{
  LgsmWindow *self = LGSM_WINDOW (widget);

  GTK_WIDGET_CLASS (lgsm_window_parent_class)->map (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_paint), self, 0);
  if (self->help_overlay_idle == 0 && gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) == NULL)
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

/* ---- life cycle ---------------------------------------------------------- */

static void
lgsm_window_dispose (GObject *object)
{
  LgsmWindow *self = LGSM_WINDOW (object);

  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  g_clear_handle_id (&self->help_overlay_idle, g_source_remove);
  g_clear_handle_id (&self->prebuild_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_WINDOW);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->exhibition);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lgsm_window_parent_class)->dispose (object);
}

static void
lgsm_window_finalize (GObject *object)
{
  LgsmWindow *self = LGSM_WINDOW (object);

  g_ptr_array_unref (self->history);
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

  object_class->dispose = lgsm_window_dispose;
  object_class->finalize = lgsm_window_finalize;
  widget_class->map = lgsm_window_map;
  window_class->close_request = lgsm_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, back_button);
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
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, results_view);
  gtk_widget_class_bind_template_child (widget_class, LgsmWindow, results_label);

  gtk_widget_class_bind_template_callback (widget_class, on_visible_tab_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_mouse_back);
  gtk_widget_class_bind_template_callback (widget_class, on_tabs_swipe);

  gtk_widget_class_install_action (widget_class, "win.open-record", "s", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.lessons", NULL, lessons_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-lesson", NULL, add_to_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.present-all", NULL, present_all_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_escape, NULL);
}

/* English and every translation, each named in its own language. */
static void
fill_language_menu (LgsmWindow *self)
{
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);
  g_autoptr(GMenuItem) system = g_menu_item_new (_("Desktop Language"), NULL);

  g_menu_item_set_action_and_target_value (system, "app.language", g_variant_new_string (""));
  g_menu_append_item (self->language_section, system);
  g_menu_append (self->language_section, lgsm_language_get_name ("en"), "app.language::en");
  for (guint i = 0; linguas[i]; i++)
    if (*linguas[i])
      {
        g_autofree char *detailed = g_strdup_printf ("app.language::%s", linguas[i]);
        g_menu_append (self->language_section, lgsm_language_get_name (linguas[i]), detailed);
      }
}

static void
lgsm_window_init (LgsmWindow *self)
{
  self->history = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_language_menu (self);
}

LgsmWindow *
lgsm_window_new (LgsmApplication *app,
                 LgsmExhibition  *exhibition)
{
  LgsmWindow *self = g_object_new (LGSM_TYPE_WINDOW, "application", app, NULL);
  GSettings *settings = lgsm_application_get_settings (app);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->exhibition = g_object_ref (exhibition);
  self->settings = settings ? g_object_ref (settings) : NULL;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result), NULL);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);
  add_tabs (self);
  restore_state (self);
  update_problems (self);
  return self;
}
