/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layout at every size a visitor may have (issue 16): the real window at
 * 360×640 (GNOME's smallest), 800×600, 1366×768 and 3840×2160, with the
 * text at 100 % and 200 % (gtk-xft-dpi, as the app's zoom and the
 * desktop's large text set it), in English and Welsh. On every tab, two
 * records and the search results:
 *
 *  - the window is as small as asked: nothing holds it wider;
 *  - no label is cut off: none is given less than the width its text
 *    needs, none is ellipsized, none is taller than the room it has, none
 *    runs past the edge of what clips it (labels made to shorten, with
 *    the "can-ellipsize" style class, excepted);
 *  - no two things a visitor can click, touch or focus overlap.
 */
#include <locale.h>

#include "lgsm-application.h"
#include "lgsm-test-util.h"
#include "lgsm-window.h"

static LgsmApplication *app;

typedef struct
{
  const char *lang;
  double      scale;
  int         width;
  int         height;
} Config;

static const Config configs[] = {
  { "en", 1.0,  360,  640 }, { "en", 1.0,  800,  600 }, { "en", 1.0, 1366,  768 }, { "en", 1.0, 3840, 2160 },
  { "en", 2.0,  360,  640 }, { "en", 2.0,  800,  600 }, { "en", 2.0, 1366,  768 }, { "en", 2.0, 3840, 2160 },
  { "cy", 1.0,  360,  640 }, { "cy", 1.0,  800,  600 }, { "cy", 1.0, 1366,  768 }, { "cy", 1.0, 3840, 2160 },
  { "cy", 2.0,  360,  640 }, { "cy", 2.0,  800,  600 }, { "cy", 2.0, 1366,  768 }, { "cy", 2.0, 3840, 2160 },
};

static int base_dpi;

static void
settle (void)
{
  lgsm_test_settle ();
}

/* ---- what is on screen ---- */

static gboolean
is_interactive (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_SCALE (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         g_str_equal (type, "GtkListItemWidget") || g_str_equal (type, "GtkFlowBoxChild");
}

/* The part of @widget not clipped away by what contains it, in @window's
 * coordinates; FALSE if none is left. What a page scrolls to is on
 * screen too: a scrolling page clips only at its sides. */
static gboolean
visible_bounds (GtkWidget       *widget,
                GtkWidget       *window,
                graphene_rect_t *bounds)
{
  if (!gtk_widget_compute_bounds (widget, window, bounds))
    return FALSE;
  for (GtkWidget *up = gtk_widget_get_parent (widget); up && up != window; up = gtk_widget_get_parent (up))
    if (gtk_widget_get_overflow (up) == GTK_OVERFLOW_HIDDEN || GTK_IS_VIEWPORT (up) ||
        GTK_IS_SCROLLED_WINDOW (up))
      {
        graphene_rect_t clip;

        if (!gtk_widget_compute_bounds (up, window, &clip))
          return FALSE;
        if (GTK_IS_VIEWPORT (up) || GTK_IS_SCROLLED_WINDOW (up))
          {
            clip.origin.y = -G_MAXFLOAT / 4;
            clip.size.height = G_MAXFLOAT / 2;
          }
        if (!graphene_rect_intersection (bounds, &clip, bounds))
          return FALSE;
      }
  return bounds->size.width > 0.5 && bounds->size.height > 0.5;
}

static const char *
describe (GtkWidget *widget)
{
  static char text[200];
  const char *label = NULL;

  if (GTK_IS_LABEL (widget))
    label = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)))
    label = gtk_button_get_icon_name (GTK_BUTTON (widget));
  else if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) &&
           g_variant_is_of_type (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), G_VARIANT_TYPE_STRING))
    label = g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), NULL);
  g_snprintf (text, sizeof text, "%s%s%s “%.50s”", G_OBJECT_TYPE_NAME (widget),
              gtk_widget_get_css_classes (widget)[0] ? "." : "",
              gtk_widget_get_css_classes (widget)[0] ? gtk_widget_get_css_classes (widget)[0] : "",
              label ? label : "");
  return text;
}

/* A label that does not show all its text, or NULL. */
static const char *
label_problem (GtkLabel  *label,
               GtkWidget *window)
{
  GtkWidget *widget = GTK_WIDGET (label);
  PangoLayout *layout;
  int min_width, min_height, text_height;
  /* what it was given, margins and all, as measure() counts them */
  int width = gtk_widget_get_allocated_width (widget) + gtk_widget_get_margin_start (widget) +
              gtk_widget_get_margin_end (widget);
  int height = gtk_widget_get_allocated_height (widget) + gtk_widget_get_margin_top (widget) +
               gtk_widget_get_margin_bottom (widget);

  if (*gtk_label_get_text (label) == '\0' || gtk_widget_has_css_class (widget, "can-ellipsize"))
    return NULL;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (width < min_width)
    return "narrower than its text";
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  if (height < min_height)
    return "lower than its text";
  layout = gtk_label_get_layout (label);
  if (pango_layout_is_ellipsized (layout))
    return "ellipsized";
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  if (text_height > gtk_widget_get_height (widget) + 1)
    return "its lines run out of it";
  /* nothing that clips it cuts it off at the side */
  for (GtkWidget *up = gtk_widget_get_parent (widget); up; up = gtk_widget_get_parent (up))
    if (up == window || gtk_widget_get_overflow (up) == GTK_OVERFLOW_HIDDEN || GTK_IS_VIEWPORT (up))
      {
        graphene_rect_t b;

        if (gtk_widget_compute_bounds (widget, up, &b) &&
            (b.origin.x < -0.5 || b.origin.x + b.size.width > gtk_widget_get_width (up) + 0.5))
          return up == window ? "past the window's edge" : "past the edge of what clips it";
        if (up == window)
          break;
      }
  return NULL;
}

static void
collect (GtkWidget *widget,
         GtkWidget *window,
         GPtrArray *interactive,
         GString   *problems)
{
  if (!gtk_widget_get_mapped (widget) || GTK_IS_SCROLLBAR (widget))
    return;
  if (widget != window && GTK_IS_NATIVE (widget))
    return;  /* popovers, tooltips */
  if (GTK_IS_LABEL (widget))
    {
      const char *problem = label_problem (GTK_LABEL (widget), window);
      if (problem)
        g_string_append_printf (problems, "\n  %s: %s (%d×%d)", describe (widget), problem,
                                gtk_widget_get_width (widget), gtk_widget_get_height (widget));
    }
  if (widget != window && is_interactive (widget))
    {
      graphene_rect_t b;

      /* the outermost only: a menu button's own button is the same thing */
      if (visible_bounds (widget, window, &b))
        g_ptr_array_add (interactive, widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          g_autoptr(GPtrArray) inner = g_ptr_array_new ();
          collect (child, window, inner, problems);
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, window, interactive, problems);
}

static void
check_page (GtkWidget  *window,
            const char *page,
            GString    *problems)
{
  g_autoptr(GPtrArray) interactive = g_ptr_array_new ();
  g_autoptr(GString) found = g_string_new (NULL);
  int min_width;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  collect (window, window, interactive, found);
  for (guint i = 0; i < interactive->len; i++)
    for (guint j = i + 1; j < interactive->len; j++)
      {
        graphene_rect_t a, b, both;

        visible_bounds (g_ptr_array_index (interactive, i), window, &a);
        visible_bounds (g_ptr_array_index (interactive, j), window, &b);
        if (graphene_rect_intersection (&a, &b, &both) && both.size.width > 1 && both.size.height > 1)
          {
            g_string_append_printf (found, "\n  %s", describe (g_ptr_array_index (interactive, i)));
            g_string_append_printf (found, " overlaps %s (%.0f×%.0f)", describe (g_ptr_array_index (interactive, j)),
                                    both.size.width, both.size.height);
          }
      }
  g_test_message ("%s: %u interactive widgets, window minimum width %d", page, interactive->len, min_width);
  if (found->len > 0)
    g_string_append_printf (problems, "\n %s:%s", page, found->str);
}

static void
set_text_scale (double scale)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (base_dpi * scale), NULL);
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

static void
test_layout (gconstpointer data)
{
  const Config *config = data;
  static const char *tabs[] = { "history", "outlook", "legacy", "twinning" };
  static const char *records[] = { "pits-and-perverts", "london" };
  g_autoptr(GString) problems = g_string_new (NULL);
  LgsmWindow *window;
  int min_width;

  g_action_group_change_action_state (G_ACTION_GROUP (app), "language", g_variant_new_string (config->lang));
  settle ();
  set_text_scale (config->scale);
  window = window_at (config->width, config->height);

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *page = g_strdup_printf ("tab %s", tabs[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", tabs[i]);
      settle ();
      check_page (GTK_WIDGET (window), page, problems);
    }
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autofree char *page = g_strdup_printf ("record %s", records[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", records[i]);
      settle ();
      g_assert_cmpstr (lgsm_window_get_record_id (window), ==, records[i]);
      check_page (GTK_WIDGET (window), page, problems);
    }
  {
    GtkWidget *entry;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
    entry = gtk_root_get_focus (GTK_ROOT (window));
    while (entry && !GTK_IS_SEARCH_ENTRY (entry))
      entry = gtk_widget_get_parent (entry);
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "miners");
    for (int i = 0; i < 30 && g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), lgsm_record_get_title (lgsm_exhibition_lookup (lgsm_application_get_exhibition (app), "london"))) == 0; i++)
      settle ();
    settle ();
    check_page (GTK_WIDGET (window), "search results", problems);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    settle ();
  }

  /* nothing holds the window wider than asked */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("window %d×%d (asked %d×%d), minimum width %d",
                  gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                  config->width, config->height, min_width);
  if (min_width > config->width)
    g_string_append_printf (problems, "\n the window cannot be narrower than %d px", min_width);
  if (gtk_widget_get_width (GTK_WIDGET (window)) > config->width)
    g_string_append_printf (problems, "\n the window is %d px wide, not %d", gtk_widget_get_width (GTK_WIDGET (window)),
                            config->width);

  set_text_scale (1.0);
  if (problems->len > 0)
    {
      g_auto(GStrv) lines = g_strsplit (problems->str, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        if (*lines[i])
          g_test_message ("%s", lines[i]);
      g_test_fail_printf ("%s, text at %.0f %%, %d×%d: see the messages above", config->lang, config->scale * 100,
                          config->width, config->height);
    }
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &base_dpi, NULL);
  /* reduced motion: nothing animates between the states checked */
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

  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/layout/%s/text-%d/%dx%d", configs[i].lang,
                                               (int) (configs[i].scale * 100), configs[i].width, configs[i].height);
      g_test_add_data_func (path, &configs[i], test_layout);
    }

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  return status;
}
