/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map can be read and used (issue 16): at a phone's width, a laptop's
 * and a 4K screen's, with normal and double-size text, every place's mark
 * is where a click lands at its drawn position (nothing covers it) and
 * clicking it opens that place; no two marks overlap; no name covers a
 * mark or another name; the arrow keys reach every place from any other;
 * the name shown for the mark with the focus is that place's; and the map
 * uses the width it is given. */
#include <locale.h>

#include "lgsm-application.h"
#include "lgsm-map.h"
#include "lgsm-section-view.h"
#include "lgsm-test-util.h"
#include "lgsm-window.h"

static LgsmApplication *app;
static int base_dpi;

typedef struct
{
  double scale;
  int    width;
  int    height;
} Config;

static const Config configs[] = {
  { 1.0,  360,  640 }, { 1.0, 1366,  768 }, { 1.0, 3840, 2160 },
  { 2.0,  360,  640 }, { 2.0, 1366,  768 },
};

static void
settle (void)
{
  lgsm_test_settle ();
}

static LgsmWindow *
window_at (int width,
           int height)
{
  LgsmWindow *old = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  LgsmWindow *window = lgsm_window_new (GTK_APPLICATION (app), lgsm_window_get_context (old));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (old));
  settle ();
  return window;
}

static LgsmMap *
find_map (GtkWidget *root)
{
  if (LGSM_IS_MAP (root) && gtk_widget_get_mapped (root))
    return LGSM_MAP (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      LgsmMap *map = find_map (child);
      if (map)
        return map;
    }
  return NULL;
}

/* Sends a key to the map as GDK would (its key controller). */
static void
press (LgsmMap *map,
       guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (map));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  g_assert_true (handled);
}

static int
focused_mark (LgsmMap *map)
{
  for (guint i = 0; i < lgsm_map_get_n_places (map); i++)
    if (gtk_widget_has_focus (lgsm_map_get_mark (map, i)))
      return (int) i;
  return -1;
}

static void
test_map (gconstpointer data)
{
  const Config *config = data;
  LgsmWindow *window;
  LgsmMap *map;
  guint n;
  g_autofree gboolean *reached = NULL;
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  graphene_rect_t map_bounds, frame;
  GtkWidget *view;

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (base_dpi * config->scale), NULL);
  window = window_at (config->width, config->height);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "twinning");
  settle ();
  map = find_map (GTK_WIDGET (window));
  g_assert_nonnull (map);
  n = lgsm_map_get_n_places (map);
  g_assert_cmpuint (n, >=, 8);

  /* the map uses the width it is given: the drawing fills its widget's
   * width, or its height when the page is too low for all of it */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (map), GTK_WIDGET (map), &map_bounds));
  frame.size.width = MIN (map_bounds.size.width, map_bounds.size.height * LGSM_MAP_WIDTH / LGSM_MAP_HEIGHT);
  g_test_message ("map %.0f×%.0f in a %d px window", map_bounds.size.width, map_bounds.size.height,
                  gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpfloat (frame.size.width, >=, map_bounds.size.width - 2);
  view = gtk_widget_get_ancestor (GTK_WIDGET (map), LGSM_TYPE_SECTION_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpfloat (map_bounds.size.height, <=, gtk_widget_get_height (view));
  if (config->width >= 1366)  /* beside the chart, a good share of a wide window */
    g_assert_cmpfloat (map_bounds.size.width, >=,
                       MIN (0.3 * gtk_widget_get_width (GTK_WIDGET (window)),
                            (gtk_widget_get_height (view) - 24) * LGSM_MAP_WIDTH / LGSM_MAP_HEIGHT) - 1);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *mark = lgsm_map_get_mark (map, i);
      LgsmRecord *place = lgsm_map_get_place (map, i);
      graphene_rect_t bounds, label;
      GtkWidget *picked;
      double x, y;

      g_assert_true (gtk_widget_compute_bounds (mark, GTK_WIDGET (window), &bounds));
      /* every mark is inside the map */
      {
        graphene_rect_t in_map;
        g_assert_true (gtk_widget_compute_bounds (mark, GTK_WIDGET (map), &in_map));
        g_assert_true (graphene_rect_contains_rect (&map_bounds, &in_map));
      }
      /* no two marks overlap */
      for (guint j = 0; j < n; j++)
        {
          graphene_rect_t other;

          if (j == i)
            continue;
          g_assert_true (gtk_widget_compute_bounds (lgsm_map_get_mark (map, j), GTK_WIDGET (window), &other));
          if (graphene_rect_intersection (&bounds, &other, NULL))
            g_error ("%s overlaps %s", lgsm_record_get_title (place), lgsm_record_get_title (lgsm_map_get_place (map, j)));
        }
      /* a name covers no mark and no other name */
      if (lgsm_map_get_label_bounds (map, i, &label))
        for (guint j = 0; j < n; j++)
          {
            graphene_rect_t other;

            g_assert_true (gtk_widget_compute_bounds (lgsm_map_get_mark (map, j), GTK_WIDGET (map), &other));
            if (graphene_rect_intersection (&label, &other, NULL))
              g_error ("the name “%s” covers a mark", lgsm_record_get_title (place));
            if (j != i && lgsm_map_get_label_bounds (map, j, &other) && graphene_rect_intersection (&label, &other, NULL))
              g_error ("the name “%s” covers the name “%s”", lgsm_record_get_title (place),
                       lgsm_record_get_title (lgsm_map_get_place (map, j)));
          }

      /* a click at the middle of the mark as drawn, scrolled into view,
       * lands on it */
      gtk_widget_grab_focus (mark);
      settle ();
      {
        /* (the page scrolls to the focus in an active window; Xvfb with
         * no window manager has none, so the test scrolls) */
        GtkAdjustment *adjustment = lgsm_section_view_get_vadjustment (LGSM_SECTION_VIEW (view));
        graphene_rect_t in_view;

        g_assert_true (gtk_widget_compute_bounds (mark, view, &in_view));
        if (in_view.origin.y < 0 || in_view.origin.y + in_view.size.height > gtk_widget_get_height (view))
          {
            gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + in_view.origin.y -
                                                  gtk_widget_get_height (view) / 2.0);
            settle ();
          }
      }
      g_assert_true (gtk_widget_compute_bounds (mark, GTK_WIDGET (window), &bounds));
      x = bounds.origin.x + bounds.size.width / 2;
      y = bounds.origin.y + bounds.size.height / 2;
      g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (window)));
      picked = gtk_widget_pick (GTK_WIDGET (window), x, y, GTK_PICK_DEFAULT);
      g_assert_nonnull (picked);
      if (picked != mark && !gtk_widget_is_ancestor (picked, mark))
        g_error ("a click on “%s” at %.0f,%.0f lands on a %s", lgsm_record_get_title (place), x, y,
                 G_OBJECT_TYPE_NAME (picked));
      /* and opens that place */
      g_signal_emit_by_name (mark, "clicked");
      settle ();
      g_assert_cmpstr (lgsm_window_get_record_id (window), ==, lgsm_record_get_id (place));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
      settle ();
      g_assert_null (lgsm_window_get_record_id (window));
    }

  /* the keyboard reaches every place; the name shown is the focused one's */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  reached = g_new0 (gboolean, n);
  for (guint start = 0; start < n; start++)
    {
      guint first = start;

      if (reached[start] && start > 0)
        continue;
      g_array_append_val (queue, first);
      reached[start] = TRUE;
      while (queue->len > 0)
        {
          guint from = g_array_index (queue, guint, 0);
          static const guint keys[] = { GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down };

          g_array_remove_index (queue, 0);
          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            {
              int to;

              gtk_widget_grab_focus (lgsm_map_get_mark (map, from));
              press (map, keys[k]);
              to = focused_mark (map);
              g_assert_cmpint (to, >=, 0);
              g_assert_cmpstr (lgsm_map_get_current_name (map), ==,
                               lgsm_record_get_title (lgsm_map_get_place (map, to)));
              if (!reached[to])
                {
                  guint next = to;
                  reached[to] = TRUE;
                  g_array_append_val (queue, next);
                }
            }
        }
      if (start == 0)
        for (guint i = 0; i < n; i++)
          if (!reached[i])
            g_error ("the arrow keys do not reach “%s” from “%s”", lgsm_record_get_title (lgsm_map_get_place (map, i)),
                     lgsm_record_get_title (lgsm_map_get_place (map, 0)));
    }

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", base_dpi, NULL);
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &base_dpi, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  settle ();
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--section=twinning", NULL };
  int status = 1;
  g_autofree char *data_home = g_dir_make_tmp ("lgsm-test-data-XXXXXX", NULL);

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/map/text-%d/%dx%d", (int) (configs[i].scale * 100),
                                               configs[i].width, configs[i].height);
      g_test_add_data_func (path, &configs[i], test_map);
    }

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  return status;
}
