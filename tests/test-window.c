/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the real application under Xvfb: opens with --section=legacy,
 * then goes through the tabs, a record, its links, back, and search,
 * checking what a visitor would see and what a screen reader would say. */
#include <locale.h>
#include <glib/gstdio.h>

#include "lgsm-application.h"
#include "lgsm-test-util.h"
#include "lgsm-chart.h"
#include "lgsm-handout.h"
#include "lgsm-lesson-dialog.h"
#include "lgsm-map.h"
#include "lgsm-picture.h"
#include "lgsm-presentation.h"
#include "lgsm-presenter-console.h"
#include "lgsm-slide.h"
#include "lgsm-record-page.h"
#include "lgsm-section-view.h"
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
find_by_class (GtkWidget  *root,
               const char *css_class,
               gboolean    visible_only)
{
  if (visible_only && !gtk_widget_get_visible (root))
    return NULL;
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class, visible_only);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static const char *
record_page_text (const char *css_class)
{
  GtkWidget *page = find_by_type (GTK_WIDGET (window), LGSM_TYPE_RECORD_PAGE);
  GtkWidget *label;

  g_assert_nonnull (page);
  label = find_by_class (page, css_class, TRUE);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_opens_on_section_option (void)
{
  GtkWidget *view;

  g_assert_cmpstr (lgsm_window_get_section (window), ==, "legacy");
  view = find_by_type (GTK_WIDGET (window), LGSM_TYPE_SECTION_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpstr (lgsm_section_get_id (lgsm_section_view_get_section (LGSM_SECTION_VIEW (view))), ==, "legacy");
}

static void
test_tabs (void)
{
  static const char *ids[] = { "history", "outlook", "legacy", "twinning" };
  LgsmExhibition *exhibition = lgsm_application_get_exhibition (app);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LgsmSection *section = lgsm_exhibition_get_section (exhibition, ids[i]);
      GtkWidget *view, *title;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", ids[i]);
      settle ();
      g_assert_cmpstr (lgsm_window_get_section (window), ==, ids[i]);
      view = find_by_type (GTK_WIDGET (window), LGSM_TYPE_SECTION_VIEW);
      g_assert_nonnull (view);
      title = find_by_class (view, "section-title", TRUE);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, lgsm_section_get_title (section));
      g_assert_cmpuint (g_list_model_get_n_items (lgsm_section_view_get_cards (LGSM_SECTION_VIEW (view))), >, 0);
    }
}

static void
test_features (void)
{
  GtkWidget *view, *timeline, *map, *chart;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  settle ();
  view = find_by_type (GTK_WIDGET (window), LGSM_TYPE_SECTION_VIEW);
  timeline = lgsm_section_view_get_feature (LGSM_SECTION_VIEW (view), LGSM_TYPE_TIMELINE);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (lgsm_timeline_get_n_marks (LGSM_TIMELINE (timeline)), >=, 8);

  /* keyboard: Home focuses the first mark, Right the next; each has a name */
  gtk_widget_grab_focus (gtk_widget_get_first_child (timeline));
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (timeline)));
  gtk_widget_child_focus (timeline, GTK_DIR_RIGHT);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "twinning");
  settle ();
  view = find_by_type (GTK_WIDGET (window), LGSM_TYPE_SECTION_VIEW);
  map = lgsm_section_view_get_feature (LGSM_SECTION_VIEW (view), LGSM_TYPE_MAP);
  chart = lgsm_section_view_get_feature (LGSM_SECTION_VIEW (view), LGSM_TYPE_CHART);
  g_assert_nonnull (map);
  g_assert_nonnull (chart);
  g_assert_cmpuint (lgsm_map_get_n_places (LGSM_MAP (map)), >=, 6);
  g_assert_cmpuint (lgsm_chart_get_n_bars (LGSM_CHART (chart)), ==, 3);
}

static void
test_record_and_links (void)
{
  LgsmExhibition *exhibition = lgsm_application_get_exhibition (app);
  LgsmRecord *concert = lgsm_exhibition_lookup (exhibition, "pits-and-perverts");
  GtkWidget *page, *link, *picture;
  g_autofree char *date = NULL;
  g_autofree char *target = NULL;

  g_assert_nonnull (concert);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "pits-and-perverts");
  settle ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "pits-and-perverts");
  g_assert_cmpstr (record_page_text ("record-title"), ==, lgsm_record_get_title (concert));
  date = lgsm_record_format_date (concert);
  g_assert_cmpstr (record_page_text ("record-date"), ==, "10 December 1984");
  g_assert_cmpstr (record_page_text ("record-amount"), ==, "about £5,000");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, lgsm_record_get_title (concert));

  page = find_by_type (GTK_WIDGET (window), LGSM_TYPE_RECORD_PAGE);
  picture = find_by_class (page, "record-picture", TRUE);
  g_assert_nonnull (picture);

  /* follow the first link, then come back */
  link = find_by_class (page, "record-link", TRUE);
  g_assert_nonnull (link);
  target = g_variant_dup_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (link)), NULL);
  g_signal_emit_by_name (link, "clicked");
  settle ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, target);
  g_assert_cmpstr (record_page_text ("record-title"), ==,
                   lgsm_record_get_title (lgsm_exhibition_lookup (exhibition, target)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  settle ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "pits-and-perverts");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  settle ();
  g_assert_null (lgsm_window_get_record_id (window));
}

static void
test_search (void)
{
  GtkWidget *entry, *results;
  GtkSelectionModel *model;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  settle ();
  entry = find_by_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))) ||
                 gtk_widget_has_focus (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Somerville");
  /* search-changed is delayed a little for typing */
  for (int i = 0; i < 30 && find_by_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW) == NULL; i++)
    settle ();
  results = find_by_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (results);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (results));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 2);

  /* Enter opens the selected (first) result: the person's own record */
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "jimmy-somerville");
}

static LgsmPresentation *
find_presentation (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LGSM_IS_PRESENTATION (l->data))
      return l->data;
  return NULL;
}

/* Sends a key through the presentation's key controller, as GDK would. */
static void
press (LgsmPresentation *presentation,
       guint             keyval)
{
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (presentation));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
      }
    g_assert_true (handled);
  }
  settle ();
}

static const char *
shown_title (LgsmPresentation *presentation)
{
  GtkWidget *slide = find_by_type (GTK_WIDGET (presentation), LGSM_TYPE_SLIDE);

  g_assert_nonnull (slide);
  return lgsm_slide_get_title (LGSM_SLIDE (slide));
}

static void
test_presentation (void)
{
  LgsmPresentation *p;
  guint n;

  /* reduced motion: slides change at once, with no cross-fade */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  settle ();
  p = find_presentation ();
  g_assert_nonnull (p);
  n = lgsm_presentation_get_n_slides (p);
  g_assert_cmpuint (n, >=, 8);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 0);
  g_assert_cmpstr (shown_title (p), ==, lgsm_record_get_title (lgsm_presentation_get_record (p, 0)));

  /* clicker keys: PageDown, Space, Right forward; PageUp, Backspace back */
  press (p, GDK_KEY_Page_Down);
  press (p, GDK_KEY_space);
  press (p, GDK_KEY_Right);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 3);
  g_assert_cmpstr (shown_title (p), ==, lgsm_record_get_title (lgsm_presentation_get_record (p, 3)));
  press (p, GDK_KEY_Page_Up);
  press (p, GDK_KEY_BackSpace);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 1);
  press (p, GDK_KEY_End);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, n - 1);
  press (p, GDK_KEY_Right);   /* stays on the last */
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, n - 1);
  press (p, GDK_KEY_Home);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 0);

  /* blanking: B and period to black, W to white, again to come back */
  press (p, GDK_KEY_b);
  g_assert_cmpint (lgsm_presentation_get_mode (p), ==, LGSM_PRESENTATION_BLACK);
  press (p, GDK_KEY_period);
  g_assert_cmpint (lgsm_presentation_get_mode (p), ==, LGSM_PRESENTATION_SLIDE);
  press (p, GDK_KEY_w);
  g_assert_cmpint (lgsm_presentation_get_mode (p), ==, LGSM_PRESENTATION_WHITE);
  press (p, GDK_KEY_Right);   /* a clicker's next also un-blanks */
  g_assert_cmpint (lgsm_presentation_get_mode (p), ==, LGSM_PRESENTATION_SLIDE);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 1);

  /* G 5 Enter jumps to the fifth slide */
  press (p, GDK_KEY_g);
  press (p, GDK_KEY_5);
  press (p, GDK_KEY_Return);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 4);
  g_assert_cmpstr (shown_title (p), ==, lgsm_record_get_title (lgsm_presentation_get_record (p, 4)));

  /* Tab shows the overview of all slides; Escape returns */
  press (p, GDK_KEY_Tab);
  g_assert_cmpint (lgsm_presentation_get_mode (p), ==, LGSM_PRESENTATION_OVERVIEW);
  press (p, GDK_KEY_Escape);
  g_assert_cmpint (lgsm_presentation_get_mode (p), ==, LGSM_PRESENTATION_SLIDE);

  /* the console shows the notes of the slide on show */
  g_assert_nonnull (lgsm_presentation_get_console (p));
  g_assert_cmpstr (lgsm_presenter_console_get_notes (LGSM_PRESENTER_CONSOLE (lgsm_presentation_get_console (p))), ==,
                   lgsm_record_get_notes (lgsm_presentation_get_record (p, 4)));

  /* Escape leaves */
  press (p, GDK_KEY_Escape);
  g_assert_null (find_presentation ());
}

/* A horizontal GtkBox asks each child for its width at a given height, and
 * a wrapping GtkLabel answers that by laying its text out again and again
 * (a binary search over widths): a tab once measured one summary 254 times
 * for a single frame. Text that wraps sits in vertical boxes and grids. */
static void
collect_wrapped_in_hbox (GtkWidget *widget,
                         GtkWidget *root,
                         GString   *found,
                         guint     *n_wrapped)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    (*n_wrapped)++;
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    for (GtkWidget *up = gtk_widget_get_parent (widget); up && up != gtk_widget_get_parent (root);
         up = gtk_widget_get_parent (up))
      if (GTK_IS_BOX (up) && gtk_orientable_get_orientation (GTK_ORIENTABLE (up)) == GTK_ORIENTATION_HORIZONTAL)
        {
          g_string_append_printf (found, "\n  \"%.40s\" (in a %s)", gtk_label_get_text (GTK_LABEL (widget)),
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (up)));
          break;
        }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))  /* GTK's own tooltips and popovers */
      collect_wrapped_in_hbox (child, root, found, n_wrapped);
}

static void
test_wrapped_text_layout (void)
{
  static const char *ids[] = { "history", "outlook", "legacy", "twinning" };
  g_autoptr(GString) found = g_string_new (NULL);
  LgsmPresentation *p;
  guint n_wrapped = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", ids[i]);
      settle ();
    }
  /* a record with a content note (an icon beside wrapped text) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "pits-and-perverts");
  settle ();
  collect_wrapped_in_hbox (GTK_WIDGET (window), GTK_WIDGET (window), found, &n_wrapped);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  settle ();
  p = find_presentation ();
  g_assert_nonnull (p);
  collect_wrapped_in_hbox (GTK_WIDGET (p), GTK_WIDGET (p), found, &n_wrapped);

  /* the slide fits the screen, and its picture is decoded at the size it
   * is shown (a larger one would be scaled on every frame of a fade) */
  {
    GtkWidget *slide = find_by_type (GTK_WIDGET (p), LGSM_TYPE_SLIDE);
    GtkWidget *picture = find_by_class (slide, "slide-picture", TRUE);
    GdkPaintable *paintable = NULL;
    GdkRectangle screen;
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
    int w, h;

    gdk_monitor_get_geometry (monitor, &screen);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (p)), <=, screen.height);
    int scale = gtk_widget_get_scale_factor (picture);
    gboolean fits = FALSE;

    g_assert_nonnull (picture);
    /* the window may be laid out more than once: wait (up to ~10 s) for
     * the texture decoded at the size the picture has now */
    for (int i = 0; i < 100 && !fits; i++)
      {
        int pw = gtk_widget_get_width (picture) * scale, ph = gtk_widget_get_height (picture) * scale;

        settle ();
        paintable = lgsm_picture_get_paintable (LGSM_PICTURE (picture));
        if (!GDK_IS_TEXTURE (paintable))
          continue;
        w = gdk_texture_get_width (GDK_TEXTURE (paintable));
        h = gdk_texture_get_height (GDK_TEXTURE (paintable));
        fits = w <= pw && h <= ph && (w >= pw - 1 || h >= ph - 1);
      }
    g_assert_true (GDK_IS_TEXTURE (paintable));
    w = gdk_texture_get_width (GDK_TEXTURE (paintable));
    h = gdk_texture_get_height (GDK_TEXTURE (paintable));
    g_assert_cmpint (w, <=, gtk_widget_get_width (picture) * scale);
    g_assert_cmpint (h, <=, gtk_widget_get_height (picture) * scale);
    g_assert_true (w >= gtk_widget_get_width (picture) * scale - 1 || h >= gtk_widget_get_height (picture) * scale - 1);
    g_test_message ("slide picture %d×%d shown in %d×%d", w, h,
                    gtk_widget_get_width (picture), gtk_widget_get_height (picture));
  }
  collect_wrapped_in_hbox (GTK_WIDGET (lgsm_presentation_get_console (p)),
                           GTK_WIDGET (lgsm_presentation_get_console (p)), found, &n_wrapped);
  press (p, GDK_KEY_Escape);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  settle ();

  /* the walk saw the text: four tab summaries, cards, the record page, slides */
  g_assert_cmpuint (n_wrapped, >=, 30);
  if (found->len > 0)
    g_error ("wrapped text inside horizontal boxes:%s", found->str);
}

static LgsmLessonDialog *
find_lesson_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (LGSM_IS_LESSON_DIALOG (window))
        return LGSM_LESSON_DIALOG (window);
    }
  return NULL;
}

/* A teacher picks two records, finds them saved as a lesson, presents it
 * and prints it as a handout. */
static void
test_lesson_path (void)
{
  LgsmExhibition *exhibition = lgsm_application_get_exhibition (app);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "lgsm-exhibition", "lessons", "my-lesson.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LgsmLesson) saved = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "lgsm-handout-test.pdf", NULL);
  g_autofree char *info = NULL, *text = NULL;
  LgsmLessonDialog *dialog;
  LgsmPresentation *p;
  int status;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "minibus");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-lesson", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "pits-and-perverts");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-lesson", NULL);
  settle ();

  /* saved once the teacher pauses (half a second), in order */
  for (int i = 0; i < 200 && (saved == NULL || lgsm_lesson_get_n_items (saved) < 2); i++)
    {
      settle ();
      g_clear_object (&saved);
      saved = lgsm_lesson_load_file (file, NULL);
    }
  g_assert_nonnull (saved);
  g_assert_cmpuint (lgsm_lesson_get_n_items (saved), ==, 2);
  g_assert_cmpstr (lgsm_lesson_get_id (saved, 0), ==, "minibus");
  g_assert_cmpstr (lgsm_lesson_get_id (saved, 1), ==, "pits-and-perverts");

  /* the dialog reads it back from disk, as after a restart, and presents it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lessons", NULL);
  settle ();
  dialog = find_lesson_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (lgsm_lesson_get_n_items (lgsm_lesson_dialog_get_lesson (dialog)), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "lesson.present", NULL);
  settle ();
  p = find_presentation ();
  g_assert_nonnull (p);
  g_assert_cmpuint (lgsm_presentation_get_n_slides (p), ==, 2);
  g_assert_cmpstr (shown_title (p), ==, lgsm_record_get_title (lgsm_exhibition_lookup (exhibition, "minibus")));
  press (p, GDK_KEY_Escape);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  /* the handout: one page a record, numbered */
  records = lgsm_lesson_resolve (saved, exhibition, NULL);
  g_assert_true (lgsm_handout_export ("My lesson", records, pdf, NULL));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  {
    const char *pdfinfo[] = { "pdfinfo", pdf, NULL };
    const char *pdftotext[] = { "pdftotext", pdf, "-", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) pdfinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, &status, NULL));
    g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, NULL));
  }
  g_assert_nonnull (strstr (info, "Pages:           2"));
  g_assert_nonnull (strstr (text, "Page 2 of 2"));
  g_assert_nonnull (strstr (text, "How do we know?"));
  g_unlink (pdf);
}

static void
test_text_scale (void)
{
  int before, after;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &before, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &after, NULL);
  g_assert_cmpfloat_with_epsilon (lgsm_application_get_text_scale (app), 1.21, 0.001);
  g_assert_cmpint (after, >, before * 1.2);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &after, NULL);
  g_assert_cmpint (after, ==, before);
}

static const char *
tab_title (const char *id)
{
  GtkWidget *stack = find_by_type (GTK_WIDGET (window), GTK_TYPE_STACK_SWITCHER);

  g_assert_nonnull (stack);
  stack = GTK_WIDGET (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (stack)));
  return gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (stack), gtk_stack_get_child_by_name (GTK_STACK (stack), id)));
}

/* Welsh and back, while running: tab names, record text and month names
 * change; the visitor stays on the same record. */
static void
test_language (void)
{
  LgsmExhibition *exhibition;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "pits-and-perverts");
  settle ();
  g_assert_cmpstr (tab_title ("history"), ==, "History");

  g_action_group_change_action_state (G_ACTION_GROUP (app), "language", g_variant_new_string ("cy"));
  settle ();
  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  exhibition = lgsm_application_get_exhibition (app);
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "cy");
  g_assert_cmpstr (tab_title ("history"), ==, "Hanes");
  g_assert_cmpstr (tab_title ("outlook"), ==, "Safbwyntiau");
  g_assert_cmpstr (tab_title ("twinning"), ==, "Gefeillio ag Onllwyn");
  g_assert_cmpstr (lgsm_record_get_title (lgsm_exhibition_lookup (exhibition, "minibus")), ==, "Y bws mini gwyn");
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "pits-and-perverts");
  g_assert_cmpstr (record_page_text ("record-date"), ==, "10 Rhagfyr 1984");
  g_assert_cmpstr (record_page_text ("record-amount"), ==, "tua £5,000");

  /* bilingual slides: the Welsh title with the English under it */
  {
    LgsmPresentation *p;
    GtkWidget *slide;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
    settle ();
    p = find_presentation ();
    g_assert_nonnull (p);
    lgsm_presentation_set_second_language (p, lgsm_application_get_second_exhibition (app), TRUE);
    slide = find_by_type (GTK_WIDGET (p), LGSM_TYPE_SLIDE);
    g_assert_cmpstr (lgsm_slide_get_title (LGSM_SLIDE (slide)), ==, "Cyngerdd ‘Pits and Perverts’");
    g_assert_cmpstr (lgsm_slide_get_second_title (LGSM_SLIDE (slide)), ==, "The ‘Pits and Perverts’ concert");
    press (p, GDK_KEY_l);
    g_assert_null (lgsm_slide_get_second_title (LGSM_SLIDE (slide)));
    press (p, GDK_KEY_Escape);
  }

  g_action_group_change_action_state (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  settle ();
  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  exhibition = lgsm_application_get_exhibition (app);
  g_assert_cmpstr (tab_title ("history"), ==, "History");
  g_assert_cmpstr (lgsm_record_get_title (lgsm_exhibition_lookup (exhibition, "minibus")), ==, "The white minibus");
  g_assert_cmpstr (record_page_text ("record-date"), ==, "10 December 1984");
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  settle ();
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--section=legacy", NULL };
  int status = 1;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_autofree char *data_home = g_dir_make_tmp ("lgsm-test-data-XXXXXX", NULL);

  /* the teacher's lessons go to a fresh folder, not the user's own */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/section-option", test_opens_on_section_option);
  g_test_add_func ("/window/tabs", test_tabs);
  g_test_add_func ("/window/features", test_features);
  g_test_add_func ("/window/record-and-links", test_record_and_links);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/text-scale", test_text_scale);
  g_test_add_func ("/presentation/keys", test_presentation);
  g_test_add_func ("/presentation/lesson-path", test_lesson_path);
  g_test_add_func ("/window/wrapped-text-layout", test_wrapped_text_layout);
  g_test_add_func ("/window/language", test_language);

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  return status;
}
