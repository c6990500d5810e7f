/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keyboard flow (issue 16), in the real window: a record opened from a
 * card, a link, a mark or a search result shows from its top with the
 * focus on its heading; Back puts the focus on exactly what the visitor
 * left; a link is one Tab stop and the heading none; Escape in the search
 * goes back to the page that was open; the window's title always names
 * what is shown. */
#include <locale.h>
#include <glib/gi18n.h>

#include "lgsm-application.h"
#include "lgsm-record-card.h"
#include "lgsm-record-page.h"
#include "lgsm-search-view.h"
#include "lgsm-section-view.h"
#include "lgsm-test-util.h"
#include "lgsm-timeline.h"
#include "lgsm-window.h"

static LgsmApplication *app;
static LgsmWindow *window;

static void
settle (void)
{
  lgsm_test_settle ();
}

static GtkWidget *
focus (void)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
find_links (GtkWidget *root,
            GPtrArray *links)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (gtk_widget_has_css_class (root, "record-link"))
    g_ptr_array_add (links, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    find_links (child, links);
}

static LgsmRecordPage *
record_page (void)
{
  GtkWidget *page = find_type (GTK_WIDGET (window), LGSM_TYPE_RECORD_PAGE);

  g_assert_nonnull (page);
  return LGSM_RECORD_PAGE (page);
}

static const char *
title_of (const char *id)
{
  return lgsm_record_get_title (lgsm_exhibition_lookup (lgsm_application_get_exhibition (app), id));
}

static char *
tab_title (const char *id)
{
  LgsmSection *section = lgsm_exhibition_get_section (lgsm_application_get_exhibition (app), id);

  return g_strdup_printf (_("%s – LGSM Exhibition"), lgsm_section_get_title (section));
}

/* A record just opened: from its top, the focus on its heading, named in
 * the title. */
static void
assert_opened (const char *id)
{
  LgsmRecordPage *page;

  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, id);
  page = record_page ();
  g_assert_true (focus () == lgsm_record_page_get_heading (page));
  g_assert_cmpfloat (gtk_adjustment_get_value (lgsm_record_page_get_vadjustment (page)), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title_of (id));
}

/* What a focused widget opens (a link, card, mark or result). */
static const char *
opens (GtkWidget *widget)
{
  GtkWidget *child;

  if (widget == NULL)
    return NULL;
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)))
    return g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), NULL);
  child = gtk_widget_get_first_child (widget);
  if (child && g_object_get_data (G_OBJECT (child), "lgsm-record-id"))
    return g_object_get_data (G_OBJECT (child), "lgsm-record-id");
  return NULL;
}

static void
test_card_link_back (void)
{
  LgsmSectionView *view;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autofree char *history = tab_title ("history");
  g_autofree char *target = NULL;
  GtkWidget *cell, *link;
  LgsmRecord *first;
  guint link_index = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  settle ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, history);

  /* a card, by keyboard: Enter on it */
  view = LGSM_SECTION_VIEW (find_type (GTK_WIDGET (window), LGSM_TYPE_SECTION_VIEW));
  first = g_list_model_get_item (lgsm_section_view_get_cards (view), 2);
  g_assert_true (lgsm_section_view_focus_card (view, lgsm_record_get_id (first)));
  cell = focus ();
  g_assert_nonnull (cell);
  g_signal_emit_by_name (cell, "activate-keybinding");  /* Enter */
  settle ();
  assert_opened (lgsm_record_get_id (first));

  /* follow a link from far down the page */
  find_links (GTK_WIDGET (record_page ()), links);
  g_assert_cmpuint (links->len, >=, 2);
  link_index = links->len - 1;
  link = g_ptr_array_index (links, link_index);
  target = g_strdup (opens (link));
  gtk_widget_grab_focus (link);
  gtk_adjustment_set_value (lgsm_record_page_get_vadjustment (record_page ()), 1e6);
  settle ();
  g_signal_emit_by_name (link, "clicked");
  settle ();
  assert_opened (target);

  /* back: the focus on the very link followed */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  settle ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, lgsm_record_get_id (first));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, lgsm_record_get_title (first));
  g_ptr_array_set_size (links, 0);
  find_links (GTK_WIDGET (record_page ()), links);
  g_assert_true (focus () == g_ptr_array_index (links, link_index));

  /* back again: the focus on the card */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  settle ();
  g_assert_null (lgsm_window_get_record_id (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, history);
  g_assert_nonnull (focus ());
  g_assert_true (gtk_widget_is_ancestor (focus (), GTK_WIDGET (view)));
  g_assert_true (lgsm_record_card_get_record (LGSM_RECORD_CARD (gtk_widget_get_first_child (focus ()))) == first);
  g_object_unref (first);
}

static void
test_mark_back (void)
{
  GtkWidget *timeline, *mark;
  const char *id;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "legacy");
  settle ();
  timeline = find_type (GTK_WIDGET (window), LGSM_TYPE_TIMELINE);
  g_assert_nonnull (timeline);
  mark = gtk_widget_get_last_child (timeline);
  id = opens (mark);
  gtk_widget_grab_focus (mark);
  g_signal_emit_by_name (mark, "clicked");
  settle ();
  assert_opened (id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  settle ();
  g_assert_true (focus () == mark);
}

/* Tab from the heading goes through the page: each link once, as itself
 * (no box around it takes a Tab of its own), and never onto the heading. */
static void
test_tab_stops (void)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GtkWidget *page, *heading;
  guint stops_on_links = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "pits-and-perverts");
  settle ();
  assert_opened ("pits-and-perverts");
  page = GTK_WIDGET (record_page ());
  heading = lgsm_record_page_get_heading (record_page ());
  find_links (page, links);
  g_assert_cmpuint (links->len, >=, 4);

  for (int i = 0; i < 200; i++)
    {
      GtkWidget *now;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        break;
      now = focus ();
      g_assert_true (now != heading);
      if (now == NULL || !gtk_widget_is_ancestor (now, page) || g_hash_table_contains (seen, now))
        break;
      g_hash_table_add (seen, now);
      g_assert_false (GTK_IS_FLOW_BOX_CHILD (now));
      for (GtkWidget *up = now; up && up != page; up = gtk_widget_get_parent (up))
        if (up != now && GTK_IS_FLOW_BOX_CHILD (up))
          g_error ("a link in a box of its own: two Tab stops");
      if (gtk_widget_has_css_class (now, "record-link"))
        stops_on_links++;
    }
  g_assert_cmpuint (stops_on_links, ==, links->len);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  settle ();
}

static GtkWidget *
search_entry (void)
{
  GtkWidget *entry = find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  return entry;
}

static void
search_for (const char *text)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search_entry ()), text);
  /* search-changed comes a moment after typing */
  for (int i = 0; i < 50 && g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), _("Search – LGSM Exhibition")) != 0; i++)
    settle ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("Search – LGSM Exhibition"));
}

/* Escape as the window's key binding has it. */
static void
press_escape (void)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkShortcutTrigger *escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
  gboolean done = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !done; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !done; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window), NULL);
        }
    }
  g_object_unref (escape);
  g_assert_true (done);
  settle ();
}

static void
test_search_escape (void)
{
  g_autofree char *legacy = tab_title ("legacy");
  g_autofree char *history = tab_title ("history");
  GtkWidget *heading;

  /* from a tab: Escape comes back to it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "legacy");
  settle ();
  search_for ("miners");
  g_signal_emit_by_name (search_entry (), "stop-search");
  settle ();
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "legacy");
  g_assert_null (lgsm_window_get_record_id (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, legacy);

  /* from a record: Escape (the window's key) comes back to the record,
   * the focus where it was */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "minibus");
  settle ();
  heading = lgsm_record_page_get_heading (record_page ());
  search_for ("miners");
  press_escape ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "minibus");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title_of ("minibus"));
  g_assert_true (focus () == heading);

  /* search, open a result, Ctrl+F, Escape: still on that record */
  search_for ("Somerville");
  g_signal_emit_by_name (search_entry (), "activate");
  settle ();
  assert_opened ("jimmy-somerville");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  settle ();
  press_escape ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "jimmy-somerville");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title_of ("jimmy-somerville"));
  g_assert_true (focus () == lgsm_record_page_get_heading (record_page ()));

  /* Alt+1 from a record: the title names the tab */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  settle ();
  g_assert_null (lgsm_window_get_record_id (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, history);
}

/* Back from a record opened from the results: the focus on that result. */
static void
test_search_result_back (void)
{
  GtkWidget *row;

  search_for ("miners");
  g_assert_true (lgsm_search_view_focus_result (LGSM_SEARCH_VIEW (find_type (GTK_WIDGET (window), LGSM_TYPE_SEARCH_VIEW)),
                                                "minibus"));
  row = focus ();
  g_assert_cmpstr (opens (row), ==, "minibus");
  g_signal_emit_by_name (row, "activate-keybinding");  /* Enter */
  settle ();
  assert_opened ("minibus");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  settle ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("Search – LGSM Exhibition"));
  g_assert_cmpstr (opens (focus ()), ==, "minibus");
  g_signal_emit_by_name (search_entry (), "stop-search");
  settle ();
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  settle ();
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--section=history", NULL };
  int status = 1;
  g_autofree char *data_home = g_dir_make_tmp ("lgsm-test-data-XXXXXX", NULL);

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/navigation/card-link-back", test_card_link_back);
  g_test_add_func ("/navigation/mark-back", test_mark_back);
  g_test_add_func ("/navigation/tab-stops", test_tab_stops);
  g_test_add_func ("/navigation/search-escape", test_search_escape);
  g_test_add_func ("/navigation/search-result-back", test_search_result_back);

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  return status;
}
