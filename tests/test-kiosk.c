/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk as a gallery runs it, with the day compressed: idle →
 * countdown → reset → attract → a touch → the start again; what visitors
 * cannot do; how the operator leaves; and a long run of such cycles, whose
 * memory is reported (RSS at the start and the end). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <malloc.h>
#include <signal.h>

#include "lgsm-application.h"
#include "lgsm-context.h"
#include "lgsm-picture-cache.h"
#include "lgsm-attract.h"
#include "lgsm-kiosk.h"
#include "lgsm-nav-bar.h"
#include "lgsm-window.h"

static LgsmApplication *app;
static LgsmWindow *window;
static LgsmKiosk *kiosk;
static double opening_text_scale;

/* the window on show: a language switch builds a new one */
static void
refresh_window (void)
{
  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  kiosk = lgsm_window_get_kiosk (window);
  g_assert_nonnull (kiosk);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @cond holds, or fails after a generous deadline. */
#define WAIT_UNTIL(cond) G_STMT_START {                                    \
    gint64 wait_deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(cond))                                                        \
      {                                                                    \
        g_assert_cmpint (g_get_monotonic_time (), <, wait_deadline_);      \
        g_main_context_iteration (NULL, FALSE);                            \
      }                                                                    \
  } G_STMT_END

/* Runs the main loop until @state, or fails after a generous deadline. */
static void
wait_for_state (LgsmKioskState state)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (lgsm_kiosk_get_state (kiosk) != state)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  iterate ();
}

/* Resident memory with the (bounded) picture cache emptied and freed
 * memory handed back, so that what remains is what the app holds on to. */
static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  lgsm_picture_cache_clear (lgsm_context_get_picture_cache (lgsm_application_get_context (app)));
  iterate ();
  malloc_trim (0);
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : 0;
}

/* A visitor's taps: each is input, which the kiosk sees first. */
static void
visit (void)
{
  lgsm_kiosk_activity (kiosk);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "twinning");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "minibus");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "pits-and-perverts");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  iterate ();
  lgsm_kiosk_activity (kiosk);
}

static void
test_locked (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");

  GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  GdkRectangle geometry;

  /* no window manager under Xvfb to make it full screen: it has the
   * monitor's size, and no frame or title bar */
  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) > 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, geometry.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, geometry.height);
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "about"));
  g_assert_cmpuint (g_strv_length (accels), ==, 0);
  /* disabled: asking for the lessons, a presentation or full screen opens nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lessons", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* a visitor's attempt to close the window is refused */
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
}

static void
test_idle_cycle (void)
{
  LgsmAttract *attract = lgsm_kiosk_get_attract (kiosk);

  /* idle after 0.4 s: longer than a visit's own work takes */
  lgsm_kiosk_set_timings (kiosk, 400, 3, 20, 25);
  visit ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "pits-and-perverts");
  g_assert_cmpint (lgsm_kiosk_get_state (kiosk), ==, LGSM_KIOSK_ACTIVE);

  wait_for_state (LGSM_KIOSK_COUNTDOWN);
  g_assert_cmpuint (lgsm_kiosk_get_countdown (kiosk), >, 0);
  /* nothing reset yet: the visitor may still come back */
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "pits-and-perverts");

  wait_for_state (LGSM_KIOSK_ATTRACT);
  g_assert_true (lgsm_attract_is_running (attract));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (attract)));
  g_assert_cmpstr (lgsm_attract_get_title (attract), !=, "");
  /* reset: first tab, no record, no search */
  g_assert_null (lgsm_window_get_record_id (window));
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "history");

  /* a touch: back to the start */
  lgsm_kiosk_activity (kiosk);
  iterate ();
  g_assert_cmpint (lgsm_kiosk_get_state (kiosk), ==, LGSM_KIOSK_ACTIVE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (attract)));
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "history");
}

static void
test_keep_looking (void)
{
  lgsm_kiosk_set_timings (kiosk, 400, 3, 200, 25);  visit ();
  wait_for_state (LGSM_KIOSK_COUNTDOWN);
  lgsm_kiosk_keep_looking (kiosk);
  iterate ();
  g_assert_cmpint (lgsm_kiosk_get_state (kiosk), ==, LGSM_KIOSK_ACTIVE);
  /* the visitor's place is kept */
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "pits-and-perverts");
}

static void
test_endurance (void)
{
  const char *env = g_getenv ("LGSM_ENDURANCE_CYCLES");
  guint cycles = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 100;
  /* caches (glyphs, the decoder's memory) fill during the first cycles */
  guint warmup = MIN (100, cycles / 3);
  long start = 0, end;

  /* as short as it goes: a visit, then straight to the countdown */
  lgsm_kiosk_set_timings (kiosk, 40, 3, 10, 25);
  g_autoptr(GString) trend = g_string_new (NULL);

  for (guint i = 0; i < cycles; i++)
    {
      if (i == warmup)
        start = rss_kib ();
      /* the trend: ten samples after the warm-up */
      if (i > warmup && (i - warmup) % MAX (1, (cycles - warmup) / 10) == 0)
        g_string_append_printf (trend, " %ld", rss_kib ());
      visit ();
      wait_for_state (LGSM_KIOSK_ATTRACT);
      lgsm_kiosk_activity (kiosk);
      iterate ();
    }
  end = rss_kib ();
  g_print ("# endurance: %u attract/idle/visit cycles; RSS after %u warm-up cycles %ld KiB, at the end %ld KiB (%+.1f%%)\n",
           cycles, warmup, start, end, 100.0 * (end - start) / start);
  g_print ("# endurance: RSS (KiB) along the run:%s\n", trend->str);
  /* a long run (LGSM_ENDURANCE_CYCLES=1000 or more) must hold memory flat;
   * the short CI run checks the cycle itself and reports the figures */
  if (cycles >= 1000)
    g_assert_cmpfloat ((double) end, <=, start * 1.05);
}


/* ---- the lock-down ---------------------------------------------------------- */

static void
test_keys (void)
{
  static const struct { guint keyval; GdkModifierType state; } refused[] = {
    { GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK },   /* the Inspector */
    { GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { GDK_KEY_period, GDK_CONTROL_MASK },               /* emoji */
    { GDK_KEY_semicolon, GDK_CONTROL_MASK },
    { GDK_KEY_q, GDK_CONTROL_MASK }, { GDK_KEY_w, GDK_CONTROL_MASK },
    { GDK_KEY_p, GDK_CONTROL_MASK }, { GDK_KEY_o, GDK_CONTROL_MASK },
    { GDK_KEY_s, GDK_CONTROL_MASK }, { GDK_KEY_l, GDK_CONTROL_MASK },
    { GDK_KEY_question, GDK_CONTROL_MASK | GDK_SHIFT_MASK }, /* shortcuts window */
    { GDK_KEY_F4, GDK_ALT_MASK }, { GDK_KEY_space, GDK_ALT_MASK },
    { GDK_KEY_F11, 0 }, { GDK_KEY_F10, 0 }, { GDK_KEY_F10, GDK_SHIFT_MASK },
    { GDK_KEY_F5, 0 }, { GDK_KEY_F1, 0 }, { GDK_KEY_Menu, 0 },
    { GDK_KEY_Tab, GDK_SUPER_MASK }, { GDK_KEY_x, GDK_SUPER_MASK },
  };
  static const struct { guint keyval; GdkModifierType state; } allowed[] = {
    { GDK_KEY_a, 0 }, { GDK_KEY_A, GDK_SHIFT_MASK }, { GDK_KEY_Return, 0 }, { GDK_KEY_Escape, 0 },
    { GDK_KEY_Tab, 0 }, { GDK_KEY_Left, 0 }, { GDK_KEY_Page_Down, 0 }, { GDK_KEY_space, 0 },
    { GDK_KEY_1, GDK_ALT_MASK }, { GDK_KEY_4, GDK_ALT_MASK }, { GDK_KEY_Left, GDK_ALT_MASK },
    { GDK_KEY_f, GDK_CONTROL_MASK }, { GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { GDK_KEY_minus, GDK_CONTROL_MASK }, { GDK_KEY_0, GDK_CONTROL_MASK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("refused: %s state %x", gdk_keyval_name (refused[i].keyval), refused[i].state);
      g_assert_false (lgsm_kiosk_key_allowed (refused[i].keyval, refused[i].state));
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_test_message ("allowed: %s state %x", gdk_keyval_name (allowed[i].keyval), allowed[i].state);
      g_assert_true (lgsm_kiosk_key_allowed (allowed[i].keyval, allowed[i].state));
    }
  /* and the filter is on the window itself, in the capture phase */
  g_assert_true (lgsm_kiosk_is_locked_window (GTK_WIDGET (window)));
}

static GtkWidget *
find_by_type_name (GtkWidget  *widget,
                   const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type_name (child, type_name);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
check_labels_unselectable (GtkWidget *widget,
                           guint     *n)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_realized (widget))
    {
      g_assert_false (gtk_label_get_selectable (GTK_LABEL (widget)));
      (*n)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_labels_unselectable (child, n);
}

static guint
count_visible_toplevels (const char *prefix)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (gtk_widget_get_visible (w) && g_str_has_prefix (G_OBJECT_TYPE_NAME (w), prefix))
        n++;
    }
  return n;
}

static void
test_surfaces (void)
{
  GtkWidget *text;
  guint n_labels = 0, closed = lgsm_kiosk_get_n_inspectors_closed ();
  gint64 deadline;

  lgsm_kiosk_activity (kiosk);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "pits-and-perverts");
  iterate ();
  /* no text of a record can be selected, dragged or given a context menu */
  check_labels_unselectable (GTK_WIDGET (window), &n_labels);
  g_assert_cmpuint (n_labels, >, 5);

  /* the search entry: no emoji chooser, no context menu */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  iterate ();
  text = find_by_type (find_by_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY), GTK_TYPE_TEXT);
  g_assert_nonnull (text);
  WAIT_UNTIL (gtk_widget_get_realized (text));
  g_assert_false (gtk_text_get_enable_emoji_completion (GTK_TEXT (text)));
  g_assert_null (gtk_text_get_extra_menu (GTK_TEXT (text)));
  gtk_widget_activate_action (text, "misc.insert-emoji", NULL);
  gtk_widget_activate_action (text, "menu.popup", NULL);
  iterate ();
  g_assert_null (find_by_type_name (text, "GtkEmojiChooser"));
  g_assert_null (find_by_type_name (text, "GtkPopoverMenu"));

  /* the Inspector, however it is asked for, is closed at once */
  gtk_window_set_interactive_debugging (TRUE);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (lgsm_kiosk_get_n_inspectors_closed () == closed && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_cmpuint (lgsm_kiosk_get_n_inspectors_closed (), >, closed);
  g_assert_cmpuint (count_visible_toplevels ("GtkInspector"), ==, 0);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));

  /* no shortcuts window, no way to ask for one */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  iterate ();
  g_assert_cmpuint (count_visible_toplevels ("GtkShortcutsWindow"), ==, 0);
}

static gboolean
add_to_lesson_visible (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.add-to-lesson") == 0)
        return gtk_widget_get_visible (child);
      if (add_to_lesson_visible (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_add_to_lesson (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_ACTIONABLE (child) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.add-to-lesson") == 0) ||
        has_add_to_lesson (child))
      return TRUE;
  return FALSE;
}

static void
test_add_to_lesson_hidden (void)
{
  lgsm_kiosk_activity (kiosk);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "minibus");
  iterate ();
  g_assert_true (has_add_to_lesson (GTK_WIDGET (window)));
  g_assert_false (add_to_lesson_visible (GTK_WIDGET (window)));
}

/* ---- navigation on screen ------------------------------------------------------ */

static void
test_nav_bar (void)
{
  LgsmNavBar *bar;
  GtkWidget *switcher, *back;
  guint n_tabs = 0;

  lgsm_kiosk_activity (kiosk);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  iterate ();
  bar = LGSM_NAV_BAR (find_by_type (GTK_WIDGET (window), LGSM_TYPE_NAV_BAR));
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (bar)));
  switcher = lgsm_nav_bar_get_switcher (bar);
  back = lgsm_nav_bar_get_back_button (bar);
  g_assert_false (gtk_widget_get_visible (back));
  /* the four tabs, each a touch target of 48 px or more */
  for (GtkWidget *b = gtk_widget_get_first_child (switcher); b; b = gtk_widget_get_next_sibling (b))
    {
      g_assert_true (gtk_widget_get_mapped (b));
      g_assert_cmpint (gtk_widget_get_height (b), >=, 48);
      g_assert_cmpint (gtk_widget_get_width (b), >=, 48);
      n_tabs++;
    }
  g_assert_cmpuint (n_tabs, ==, 4);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (lgsm_nav_bar_get_search_button (bar))));

  /* a tab button switches the tab */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_last_child (switcher)), TRUE);
  iterate ();
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "twinning");

  /* Back is there when there is somewhere to go back to, and goes there */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "minibus");
  iterate ();
  WAIT_UNTIL (gtk_widget_get_mapped (back) && gtk_widget_get_height (back) > 0);
  g_assert_cmpint (gtk_widget_get_height (back), >=, 48);
  g_signal_emit_by_name (back, "clicked");
  iterate ();
  g_assert_null (lgsm_window_get_record_id (window));
  g_assert_false (gtk_widget_get_visible (back));

  /* the operator may take Search away */
  g_settings_set_boolean (lgsm_application_get_settings (app), "kiosk-search", FALSE);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (lgsm_nav_bar_get_search_button (bar))));
  g_settings_set_boolean (lgsm_application_get_settings (app), "kiosk-search", TRUE);
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (lgsm_nav_bar_get_search_button (bar))));
}

/* ---- the reset ---------------------------------------------------------------- */

static GtkAdjustment *
first_vadjustment (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
      if (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v) > 50)
        return v;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *found = first_vadjustment (child);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_reset_restores (void)
{
  GSettings *settings = lgsm_application_get_settings (app);
  GtkWidget *entry;
  gint64 deadline;

  lgsm_kiosk_set_timings (kiosk, 60000, 3, 20, 25);
  lgsm_kiosk_activity (kiosk);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  iterate ();
  /* what a visitor can change: text size, the search, scrolling */
  for (guint i = 0; i < 3; i++)
    g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-out", NULL);
  g_assert_cmpfloat (lgsm_application_get_text_scale (app), <, opening_text_scale - 0.1);
  /* the operator's setting is not the visitor's */
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, opening_text_scale);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  entry = find_by_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "miners");
  iterate ();
  /* and what an operator's slip or a bug could leave: another language, bilingual slides */
  g_settings_set_boolean (settings, "bilingual-slides", TRUE);
  lgsm_application_set_language (app, "cy");
  refresh_window ();
  lgsm_kiosk_set_timings (kiosk, 400, 3, 20, 25);
  lgsm_kiosk_activity (kiosk);
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "cy");

  wait_for_state (LGSM_KIOSK_ATTRACT);
  /* the language comes back in an idle, with a new window still in its attract loop */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_strcmp0 (lgsm_application_get_language (app), "") != 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  refresh_window ();
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "");
  g_assert_cmpint (lgsm_kiosk_get_state (kiosk), ==, LGSM_KIOSK_ATTRACT);
  g_assert_cmpfloat (lgsm_application_get_text_scale (app), ==, opening_text_scale);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, opening_text_scale);
  g_assert_false (g_settings_get_boolean (settings, "bilingual-slides"));
  entry = find_by_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "history");
  g_assert_null (lgsm_window_get_record_id (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  lgsm_kiosk_activity (kiosk);
  iterate ();
}

static void
test_reset_scroll (void)
{
  GtkAdjustment *scroll;
  gint64 until;

  /* laid out first, with the visitor still there */
  lgsm_kiosk_set_timings (kiosk, 60000, 3, 20, 25);
  lgsm_kiosk_activity (kiosk);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  scroll = first_vadjustment (GTK_WIDGET (window));
  g_assert_nonnull (scroll);
  g_object_ref (scroll);
  /* (a jump to the very end makes GTK warn about the views inside a
   * viewport being drawn before they are laid out: scrolled a little) */
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_lower (scroll) + 50);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  iterate ();
  lgsm_kiosk_set_timings (kiosk, 400, 3, 20, 25);
  g_assert_cmpint (lgsm_kiosk_get_state (kiosk), ==, LGSM_KIOSK_ACTIVE);
  wait_for_state (LGSM_KIOSK_ATTRACT);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, gtk_adjustment_get_lower (scroll));
  g_object_unref (scroll);
  lgsm_kiosk_activity (kiosk);
  iterate ();
}

/* ---- a later launch ------------------------------------------------------------- */

static void
on_child_exit (GPid pid, int status, gpointer data)
{
  *(int *) data = status;
  g_spawn_close_pid (pid);
}

/* Runs the real lgsm-exhibition with @args against this kiosk (a launch
 * from a terminal or the desktop); returns its exit status. */
static int
launch (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *exe = g_getenv ("LGSM_EXHIBITION_EXE");
  g_autoptr(GError) error = NULL;
  int status = -1;
  GPid pid;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &status);
  while (status == -1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  iterate ();
  return status;
}

static void
assert_still_kiosk (void)
{
  g_autoptr(GVariant) print = NULL;

  refresh_window ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (lgsm_kiosk_is_locked_window (GTK_WIDGET (window)));
  /* print, presenting, the shortcuts window and closing are not there: nothing opens */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpuint (count_visible_toplevels (""), ==, 1);
}

static void
test_second_launch (void)
{
  const char *change[] = { "--lang=cy", "--section=twinning", "--present", "--records=/nonexistent", NULL };
  const char *back[] = { "--lang=en", NULL };
  const char *plain[] = { NULL };

  lgsm_kiosk_activity (kiosk);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "outlook");
  iterate ();
  /* only the language changes: the kiosk stays a kiosk, on its tab, with its records */
  g_assert_cmpint (launch (change), ==, 0);
  assert_still_kiosk ();
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "cy");
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "outlook");
  g_assert_null (lgsm_context_get_records_dir (lgsm_application_get_context (app)));
  /* the operator's language is the one resets come back to */
  lgsm_kiosk_set_timings (kiosk, 200, 2, 20, 25);
  lgsm_kiosk_activity (kiosk);
  wait_for_state (LGSM_KIOSK_ATTRACT);
  iterate ();
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "cy");

  g_assert_cmpint (launch (plain), ==, 0);
  assert_still_kiosk ();
  g_assert_cmpint (launch (back), ==, 0);
  assert_still_kiosk ();
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "en");
  lgsm_kiosk_set_timings (kiosk, 400, 3, 20, 25);
  lgsm_kiosk_activity (kiosk);
  iterate ();
}

/* ---- the operator ----------------------------------------------------------------- */

static void
wait_pin (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (lgsm_kiosk_get_pin_wait (kiosk) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
test_pin_delay (void)
{
  guint first, second;

  lgsm_kiosk_set_pin (kiosk, "2468");
  lgsm_kiosk_set_pin_delay (kiosk, 200, 5000);
  g_assert_cmpuint (lgsm_kiosk_get_pin_wait (kiosk), ==, 0);
  g_assert_false (lgsm_kiosk_try_pin (kiosk, "1111"));
  first = lgsm_kiosk_get_pin_wait (kiosk);
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <=, 200);
  /* while it lasts, even the right PIN does nothing */
  g_assert_false (lgsm_kiosk_try_pin (kiosk, "2468"));
  iterate ();
  g_assert_nonnull (gtk_application_get_active_window (GTK_APPLICATION (app)));
  wait_pin ();
  g_assert_false (lgsm_kiosk_try_pin (kiosk, "1112"));
  second = lgsm_kiosk_get_pin_wait (kiosk);
  g_assert_cmpuint (second, >, 200);   /* it grows */
  g_assert_cmpuint (second, <=, 400);
  wait_pin ();
  g_assert_false (lgsm_kiosk_try_pin (kiosk, "1113"));
  g_assert_cmpuint (lgsm_kiosk_get_pin_wait (kiosk), >, 400);
  wait_pin ();

  /* the dialog: the entry waits too */
  lgsm_kiosk_ask_pin (kiosk);
  iterate ();
  g_assert_nonnull (lgsm_kiosk_get_pin_dialog (kiosk));
  g_assert_true (lgsm_kiosk_is_locked_window (GTK_WIDGET (lgsm_kiosk_get_pin_dialog (kiosk))));
  g_assert_false (gtk_window_get_deletable (lgsm_kiosk_get_pin_dialog (kiosk)));
  /* an idle reset closes it */
  lgsm_kiosk_set_timings (kiosk, 200, 2, 20, 25);
  lgsm_kiosk_activity (kiosk);
  wait_for_state (LGSM_KIOSK_ATTRACT);
  g_assert_null (lgsm_kiosk_get_pin_dialog (kiosk));
  lgsm_kiosk_activity (kiosk);
  iterate ();
}

/* ---- the screen stays on -------------------------------------------------------------- */

static GVariant *
session_manager_call (const char *interface,
                      const char *method,
                      GVariant   *args,
                      const char *type)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (bus, "org.gnome.SessionManager", "/org/gnome/SessionManager",
                                                 interface, method, args, G_VARIANT_TYPE (type),
                                                 G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  return reply;
}

static gboolean
idle_inhibited (void)
{
  g_autoptr(GVariant) reply = session_manager_call ("org.gnome.SessionManager", "IsInhibited",
                                                    g_variant_new ("(u)", GTK_APPLICATION_INHIBIT_IDLE), "(b)");
  gboolean inhibited;

  g_variant_get (reply, "(b)", &inhibited);
  return inhibited;
}

static char *
session_manager_calls (void)
{
  g_autoptr(GVariant) reply = session_manager_call ("org.lgsm.Test.Recorder", "Calls", NULL, "(as)");
  g_autofree const char **calls = NULL;

  g_variant_get (reply, "(^a&s)", &calls);
  return g_strjoinv ("\n", (char **) calls);
}

static void
test_inhibit (void)
{
  g_autofree char *calls = session_manager_calls ();

  g_test_message ("session manager calls:\n%s", calls);
  /* the kiosk's one Inhibit, for idle, made by the app */
  g_assert_true (idle_inhibited ());
  g_assert_nonnull (strstr (calls, "Inhibit 1 org.lgsm.Exhibition 8 "));
  g_assert_null (strstr (calls, "Uninhibit 1"));
  /* the idle resets, language switches and launches did not let go of it, nor inhibit again */
  g_assert_null (strstr (calls, "Inhibit 2 "));
}

static void
test_operator_exit (void)
{
  /* the corner's PIN: a wrong one changes nothing */
  lgsm_kiosk_set_pin (kiosk, "2468");
  g_assert_false (lgsm_kiosk_try_pin (kiosk, "1234"));
  g_assert_false (lgsm_kiosk_try_pin (kiosk, ""));
  iterate ();
  g_assert_nonnull (gtk_application_get_active_window (GTK_APPLICATION (app)));

  /* the operator's exit closes even the kiosk window */
  lgsm_application_operator_quit (app);
  iterate ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* After the app has shut down: the inhibition was released. */
static void
check_released (void)
{
  g_autofree char *calls = session_manager_calls ();

  g_assert_false (idle_inhibited ());
  g_assert_nonnull (strstr (calls, "Uninhibit 1"));
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  refresh_window ();
  opening_text_scale = lgsm_application_get_text_scale (app);
  /* a kiosk starts in its attract loop: nobody has touched it yet */
  g_assert_cmpint (lgsm_kiosk_get_state (kiosk), ==, LGSM_KIOSK_ATTRACT);
  /* a day in a few seconds */
  lgsm_kiosk_set_timings (kiosk, 400, 3, 20, 25);
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

/* The stand-in session manager, on the test's own bus before the app
 * starts (GTK looks for it at start-up). */
static GPid
start_session_manager (void)
{
  g_autofree char *exe = g_test_build_filename (G_TEST_BUILT, "fake-session-manager", NULL);
  char *argv[] = { exe, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) out = NULL;
  g_autofree char *line = NULL;
  GPid pid;
  int fd;

  g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &pid, NULL, &fd, NULL, &error);
  g_assert_no_error (error);
  out = g_io_channel_unix_new (fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  g_io_channel_read_line (out, &line, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready\n");
  return pid;
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--kiosk", NULL };
  int status = 1;
  GPid session_manager;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/locked", test_locked);
  g_test_add_func ("/kiosk/keys", test_keys);
  g_test_add_func ("/kiosk/surfaces", test_surfaces);
  g_test_add_func ("/kiosk/add-to-lesson-hidden", test_add_to_lesson_hidden);
  g_test_add_func ("/kiosk/nav-bar", test_nav_bar);
  g_test_add_func ("/kiosk/idle-cycle", test_idle_cycle);
  g_test_add_func ("/kiosk/keep-looking", test_keep_looking);
  g_test_add_func ("/kiosk/reset-scroll", test_reset_scroll);
  g_test_add_func ("/kiosk/reset-restores", test_reset_restores);
  g_test_add_func ("/kiosk/second-launch", test_second_launch);
  g_test_add_func ("/kiosk/pin-delay", test_pin_delay);
  g_test_add_func ("/kiosk/endurance", test_endurance);
  g_test_add_func ("/kiosk/inhibit", test_inhibit);
  g_test_add_func ("/kiosk/operator-exit", test_operator_exit);

  session_manager = start_session_manager ();
  app = lgsm_application_new ();
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  /* the app has shut down: the kiosk let go of idle (GTK sends Uninhibit as it ends) */
  if (status == 0)
    {
      check_released ();
      g_print ("# idle released after the kiosk ended\n");
    }
  kill (session_manager, SIGTERM);
  return status;
}
