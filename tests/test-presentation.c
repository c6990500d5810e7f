/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presenting in a classroom, with the real application: the slides and the
 * presenter console on a desktop's monitors (one under Xvfb; two under
 * mutter, on Wayland and through Xwayland: see present-desktop.sh), the
 * console's layout at 1280×720, mirroring, slide numbers, the overview's
 * focus, L, Ctrl+plus on the slides, the pen and pointer drawn in the next
 * frame, the keys that reach the slides while the lessons dialog is open,
 * the shortcuts window, and the handout's layout.
 *
 * LGSM_SHOTS_DIR=DIR saves what the windows show as PNG files there. */
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "lgsm-application.h"
#include "lgsm-test-util.h"
#include "lgsm-console-view.h"
#include "lgsm-context.h"
#include "lgsm-handout.h"
#include "lgsm-ink.h"
#include "lgsm-lesson-dialog.h"
#include "lgsm-picture.h"
#include "lgsm-presentation.h"
#include "lgsm-presenter-console.h"
#include "lgsm-slide.h"
#include "lgsm-slide-preview.h"
#include "lgsm-window.h"

static LgsmApplication *app;
static LgsmWindow *window;

/* ---- helpers --------------------------------------------------------------- */

static gboolean
on_wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_tick_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* As lgsm_test_wait_frames(), but the wait ends at its deadline even when
 * no frame comes: a Wayland compositor sends no frame callbacks to a
 * window it does not show (a console behind full-screen slides). */
static void
wait_frames (GtkWidget *widget,
             guint      frames)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;
  guint wake;
  gint64 deadline = g_get_monotonic_time () + frames * 2 * G_USEC_PER_SEC;

  lgsm_test_iterate ();
  clock = gtk_widget_get_mapped (widget) ? gtk_widget_get_frame_clock (widget) : NULL;
  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (lgsm_test_on_after_paint), &painted);
  wake = g_timeout_add (100, on_tick_wake, NULL);
  while (painted < frames && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  g_signal_handler_disconnect (clock, handler);
  lgsm_test_iterate ();
}

/* Idle work, layout and two frames of every mapped window. */
static void
settle (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  lgsm_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
      if (gtk_widget_get_mapped (toplevel))
        wait_frames (toplevel, 2);
    }
}

/* Runs the main loop for about @ms milliseconds (the compositor answers in
 * its own time); never sleeps. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef gboolean (*Check) (gpointer data);

/* Waits until @check holds, for at most @seconds (generous: the machine
 * may be busy); returns whether it held. */
static gboolean
wait_until (Check    check,
            gpointer data,
            guint    seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  settle ();
  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      run_for (50);
    }
  settle ();
  return TRUE;
}

static gboolean
is_x11 (void)
{
  return strstr (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "X11") != NULL;
}

static const char *
backend_name (void)
{
  return is_x11 () ? "x11" : strstr (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "Wayland") ? "wayland"
                                                                                              : "other";
}

static guint
n_monitors (void)
{
  return g_list_model_get_n_items (gdk_display_get_monitors (gdk_display_get_default ()));
}

static LgsmPresentation *
find_presentation (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LGSM_IS_PRESENTATION (l->data))
      return l->data;
  return NULL;
}

static gboolean
no_presentation (gpointer data)
{
  return find_presentation () == NULL;
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

static GtkWidget *
find_by_class (GtkWidget  *root,
               const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);
      if (found)
        return found;
    }
  return NULL;
}

/* Sends a key through the presentation's key controllers, as GDK would. */
static gboolean
press_on (GtkWidget       *widget,
          guint            keyval,
          GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  settle ();
  return handled;
}

static void
press (LgsmPresentation *presentation,
       guint             keyval)
{
  g_assert_true (press_on (GTK_WIDGET (presentation), keyval, 0));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  return NULL;
}

static gboolean
picture_shown (gpointer data)
{
  GtkWidget *slide = find_by_type (GTK_WIDGET (data), LGSM_TYPE_SLIDE);
  GtkWidget *picture = slide ? find_by_type (slide, LGSM_TYPE_PICTURE) : NULL;

  return picture && GDK_IS_TEXTURE (lgsm_picture_get_paintable (LGSM_PICTURE (picture)));
}

static LgsmPresentation *
start_presenting (const char *section)
{
  LgsmPresentation *p;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section);
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  settle ();
  p = find_presentation ();
  g_assert_nonnull (p);
  /* the first slide's picture is decoded off the main thread */
  if (!wait_until (picture_shown, p, 20))
    g_test_message ("the first slide's picture is not shown yet");
  return p;
}

static void
stop_presenting (LgsmPresentation *p)
{
  gtk_window_destroy (GTK_WINDOW (p));
  g_assert_true (wait_until (no_presentation, NULL, 10));
}

static LgsmPresenterConsole *
console_of (LgsmPresentation *p)
{
  GtkWindow *console = lgsm_presentation_get_console (p);

  g_assert_nonnull (console);
  return LGSM_PRESENTER_CONSOLE (console);
}

/* What @widget shows, drawn by its window's renderer. A widget paintable
 * draws what the widget drew in its window's last frame: if something has
 * changed since (the console's clock ticks every second), the next frame
 * is waited for. */
static GdkTexture *
render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  for (int tries = 0; node == NULL && tries < 10; tries++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (tries > 0)
        wait_frames (GTK_WIDGET (gtk_widget_get_root (widget)), 1);
      paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

typedef struct {
  int     width;
  int     height;
  guchar *data;   /* cairo's ARGB32: B, G, R, A in memory, premultiplied */
} Pixels;

static Pixels *
pixels_of (GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = render (widget);
  Pixels *pixels = g_new0 (Pixels, 1);

  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->data = g_malloc ((gsize) pixels->width * pixels->height * 4);
  gdk_texture_download (texture, pixels->data, (gsize) pixels->width * 4);
  return pixels;
}

static void
pixels_free (Pixels *pixels)
{
  g_free (pixels->data);
  g_free (pixels);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pixels, pixels_free)

static void
pixel_at (Pixels *pixels,
          int     x,
          int     y,
          double  rgb[3])
{
  const guchar *p;

  x = CLAMP (x, 0, pixels->width - 1);
  y = CLAMP (y, 0, pixels->height - 1);
  p = pixels->data + ((gsize) y * pixels->width + x) * 4;
  rgb[0] = p[2] / 255.0;
  rgb[1] = p[1] / 255.0;
  rgb[2] = p[0] / 255.0;
}

/* The pen's pink, #e8368f */
static gboolean
is_pink (const double rgb[3])
{
  return fabs (rgb[0] - 0xe8 / 255.0) < 0.12 && fabs (rgb[1] - 0x36 / 255.0) < 0.12 &&
         fabs (rgb[2] - 0x8f / 255.0) < 0.12;
}

static double
luminance (const double rgb[3])
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("LGSM_SHOTS_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || !gtk_widget_get_mapped (widget))
    return;
  g_mkdir_with_parents (dir, 0755);
  texture = render (widget);
  path = g_strdup_printf ("%s/%s-%s-%umon.png", dir, name, backend_name (), n_monitors ());
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* Whether @widget is drawn, with some size, entirely inside @root. */
static void
assert_inside (GtkWidget  *widget,
               GtkWidget  *root,
               const char *what)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
  g_test_message ("%s: %.0f,%.0f %.0f×%.0f in %d×%d", what, bounds.origin.x, bounds.origin.y,
                  bounds.size.width, bounds.size.height,
                  gtk_widget_get_width (root), gtk_widget_get_height (root));
  if (bounds.size.width < 1 || bounds.size.height < 1 || bounds.origin.x < -0.5 || bounds.origin.y < -0.5 ||
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (root) + 0.5 ||
      bounds.origin.y + bounds.size.height > gtk_widget_get_height (root) + 0.5)
    g_error ("%s is not wholly inside its window: %.0f,%.0f %.0f×%.0f in %d×%d", what,
             bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
             gtk_widget_get_width (root), gtk_widget_get_height (root));
}

/* Every part of the console a teacher needs is on the screen (@root). */
static void
assert_console_parts_visible (GtkWidget       *root,
                              LgsmConsoleView *console)
{
  static const char *parts[] = { "console-position", "console-clock", "console-time-of-day",
                                 "console-notes", "console-current", "console-next" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *part = find_by_class (root, parts[i]);

      g_assert_nonnull (part);
      assert_inside (part, root, parts[i]);
    }
  /* the current slide is shown large enough to read its title */
  {
    graphene_rect_t slide;

    lgsm_slide_preview_get_slide_bounds (lgsm_console_view_get_preview (console, FALSE), &slide);
    g_assert_cmpfloat (slide.size.width, >=, 0.45 * gtk_widget_get_width (root));
  }
}

/* ---- the monitors ---------------------------------------------------------- */

typedef struct {
  GtkWindow  *window;
  GdkMonitor *monitor;   /* the monitor it entered last */
} Placed;

static void
on_enter_monitor (GdkSurface *surface,
                  GdkMonitor *monitor,
                  Placed     *placed)
{
  placed->monitor = monitor;
}

static GdkMonitor *
monitor_of (Placed *placed)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (placed->window));

  if (placed->monitor)
    return placed->monitor;
  return surface ? gdk_display_get_monitor_at_surface (gdk_display_get_default (), surface) : NULL;
}

/* Full screen, at the size of the monitor it is on. */
static gboolean
fills_its_monitor (gpointer data)
{
  Placed *placed = data;
  GdkMonitor *monitor = monitor_of (placed);
  GdkRectangle geometry;

  if (monitor == NULL || !gtk_widget_get_mapped (GTK_WIDGET (placed->window)) ||
      !gtk_window_is_fullscreen (placed->window))
    return FALSE;
  gdk_monitor_get_geometry (monitor, &geometry);
  return gtk_widget_get_width (GTK_WIDGET (placed->window)) == geometry.width &&
         gtk_widget_get_height (GTK_WIDGET (placed->window)) == geometry.height;
}

static void
assert_fits_monitor (Placed     *placed,
                     const char *what)
{
  GdkMonitor *monitor = monitor_of (placed);
  GdkRectangle geometry;
  int width = gtk_widget_get_width (GTK_WIDGET (placed->window));
  int height = gtk_widget_get_height (GTK_WIDGET (placed->window));

  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, &geometry);
  g_test_message ("%s: %d×%d on %s %d×%d+%d+%d", what, width, height,
                  gdk_monitor_get_connector (monitor) ? gdk_monitor_get_connector (monitor) : "?",
                  geometry.width, geometry.height, geometry.x, geometry.y);
  if (width > geometry.width || height > geometry.height)
    g_error ("the %s is %d×%d, larger than its monitor (%d×%d)", what, width, height,
             geometry.width, geometry.height);
}

static void
placed_init (Placed    *placed,
             GtkWindow *window)
{
  GdkSurface *surface;

  placed->window = window;
  placed->monitor = NULL;
  gtk_widget_realize (GTK_WIDGET (window));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_signal_connect (surface, "enter-monitor", G_CALLBACK (on_enter_monitor), placed);
}

static void
placed_clear (Placed *placed)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (placed->window));

  if (surface)
    g_signal_handlers_disconnect_by_data (surface, placed);
}

/* F5 on a desktop: the slides full screen; with two monitors the slides on
 * the second and the console on the first, each no larger than its
 * monitor, the console with every part in view. */
static void
test_monitors (void)
{
  LgsmPresentation *p = start_presenting ("history");
  LgsmPresenterConsole *console = console_of (p);
  Placed slides, teacher;

  placed_init (&slides, GTK_WINDOW (p));
  placed_init (&teacher, GTK_WINDOW (console));
  g_test_message ("%s, %u monitor(s)", backend_name (), n_monitors ());
  if (!wait_until (fills_its_monitor, &slides, 20))
    g_test_message ("the slides did not become full screen (no window manager?)");
  assert_fits_monitor (&slides, "slides window");

  if (n_monitors () >= 2)
    {
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (console)));
      if (!wait_until (fills_its_monitor, &teacher, 20))
        g_error ("the presenter console did not fill its monitor: %d×%d",
                 gtk_widget_get_width (GTK_WIDGET (console)), gtk_widget_get_height (GTK_WIDGET (console)));
      assert_fits_monitor (&teacher, "presenter console");
      g_assert_true (monitor_of (&slides) != monitor_of (&teacher));
      assert_console_parts_visible (GTK_WIDGET (console), lgsm_presenter_console_get_view (console));
      save_shot (GTK_WIDGET (console), "console");
      save_shot (GTK_WIDGET (p), "slides");

      /* C hides the console, and brings it back on its monitor */
      press (p, GDK_KEY_c);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (console)));
      press (p, GDK_KEY_c);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (console)));
      g_assert_true (wait_until (fills_its_monitor, &teacher, 20));
      assert_fits_monitor (&teacher, "presenter console, shown again");
    }
  else
    {
      /* one screen: the console waits for C */
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (console)));
      save_shot (GTK_WIDGET (p), "slides");
    }
  placed_clear (&slides);
  placed_clear (&teacher);
  stop_presenting (p);
}

/* The console at 1280×720, a small laptop: it asks for no more than that
 * (it once asked for 638×1883: the previews' and notes' natural sizes), and
 * everything is in view, for a record with a picture, notes and a
 * question, and for the last slide. */
static gboolean
has_size (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
test_console_fits_720p (void)
{
  LgsmContext *context = lgsm_application_get_context (app);
  LgsmExhibition *exhibition = lgsm_application_get_exhibition (app);
  GtkWindow *console = lgsm_presenter_console_new (context);
  LgsmRecord *record = lgsm_exhibition_lookup (exhibition, "pits-and-perverts");
  LgsmRecord *next = lgsm_exhibition_lookup (exhibition, "minibus");
  int min_width, min_height;

  g_assert_nonnull (record);
  g_assert_nonnull (lgsm_record_get_notes (record));
  lgsm_presenter_console_show (LGSM_PRESENTER_CONSOLE (console), record, next, 4, 14);

  gtk_widget_measure (GTK_WIDGET (console), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (console), GTK_ORIENTATION_VERTICAL, 1280, &min_height, NULL, NULL, NULL);
  g_test_message ("the console asks for at least %d wide, %d high at 1280 wide", min_width, min_height);
  g_assert_cmpint (min_width, <=, 1280);
  g_assert_cmpint (min_height, <=, 720);
  gtk_widget_measure (GTK_WIDGET (console), GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_height, <=, 720);

  gtk_window_set_default_size (console, 1280, 720);
  gtk_window_present (console);
  g_assert_true (wait_until (has_size, console, 20));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (console)), <=, 1280);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (console)), <=, 720);
  assert_console_parts_visible (GTK_WIDGET (console), lgsm_presenter_console_get_view (LGSM_PRESENTER_CONSOLE (console)));
  g_assert_cmpstr (lgsm_presenter_console_get_position (LGSM_PRESENTER_CONSOLE (console)), ==, "Slide 5 of 14");
  if (!wait_until (picture_shown, console, 20))
    g_test_message ("the preview's picture is not shown yet");
  save_shot (GTK_WIDGET (console), "console-1280x720");

  /* the last slide: no "Next" preview, but a note that it is the last */
  lgsm_presenter_console_show (LGSM_PRESENTER_CONSOLE (console), next, NULL, 13, 14);
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (lgsm_presenter_console_get_preview (LGSM_PRESENTER_CONSOLE (console), TRUE))));
  g_assert_cmpstr (lgsm_presenter_console_get_notes (LGSM_PRESENTER_CONSOLE (console)), ==,
                   lgsm_record_get_notes (next));
  gtk_window_destroy (console);
  settle ();
}

/* ---- what the console mirrors --------------------------------------------- */

static void
test_console_mirrors (void)
{
  LgsmPresentation *p = start_presenting ("history");
  LgsmPresenterConsole *console = console_of (p);
  LgsmSlidePreview *preview = lgsm_presenter_console_get_preview (console, FALSE);
  guint n = lgsm_presentation_get_n_slides (p);
  g_autofree char *position = g_strdup_printf ("Slide 2 of %u", n);
  GdkRGBA blank;

  press (p, GDK_KEY_Right);
  g_assert_cmpstr (lgsm_presenter_console_get_position (console), ==, position);
  /* the preview shows the slide on show, the next preview the one after */
  g_assert_true (lgsm_slide_get_record (lgsm_slide_preview_get_slide (preview)) == lgsm_presentation_get_record (p, 1));
  g_assert_true (lgsm_slide_get_record (lgsm_slide_preview_get_slide (lgsm_presenter_console_get_preview (console, TRUE))) ==
                 lgsm_presentation_get_record (p, 2));
  g_assert_cmpstr (lgsm_presenter_console_get_question (console), ==,
                   lgsm_record_get_question (lgsm_presentation_get_record (p, 1)));
  g_assert_null (lgsm_presenter_console_get_status (console));
  g_assert_false (lgsm_slide_preview_get_blank (preview, NULL));

  /* B: the console says so and its preview is black; W: white */
  press (p, GDK_KEY_b);
  g_assert_nonnull (lgsm_presenter_console_get_status (console));
  g_assert_true (strstr (lgsm_presenter_console_get_status (console), "black") != NULL);
  g_assert_true (lgsm_slide_preview_get_blank (preview, &blank));
  g_assert_cmpfloat (blank.red + blank.green + blank.blue, ==, 0);
  press (p, GDK_KEY_w);
  g_assert_true (lgsm_slide_preview_get_blank (preview, &blank));
  g_assert_cmpfloat (blank.red + blank.green + blank.blue, ==, 3);
  g_assert_true (strstr (lgsm_presenter_console_get_status (console), "white") != NULL);
  press (p, GDK_KEY_w);
  g_assert_false (lgsm_slide_preview_get_blank (preview, NULL));
  g_assert_null (lgsm_presenter_console_get_status (console));

  /* the preview is laid out at the slides' size, so it is the same slide */
  {
    int width, height;

    lgsm_slide_preview_get_audience_size (preview, &width, &height);
    g_assert_cmpint (ABS (width - gtk_widget_get_width (GTK_WIDGET (p))), <=, 1);
    g_assert_cmpint (height, <=, gtk_widget_get_height (GTK_WIDGET (p)));
    g_assert_cmpint (height, >=, gtk_widget_get_height (GTK_WIDGET (p)) - 40);
  }
  stop_presenting (p);
}

static gboolean
slides_are_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/* With one screen, C shows the console full screen in place of the slides
 * (in their window: no window manager can put it behind them), and C again
 * brings the slides back. */
static void
test_one_screen_console (void)
{
  LgsmPresentation *p;
  GtkWidget *view;

  if (n_monitors () != 1)
    {
      g_test_skip ("needs a single monitor");
      return;
    }
  p = start_presenting ("history");
  g_assert_null (find_by_type (GTK_WIDGET (p), LGSM_TYPE_CONSOLE_VIEW));
  g_assert_false (lgsm_presentation_get_console_shown (p));
  press (p, GDK_KEY_c);
  g_assert_true (lgsm_presentation_get_console_shown (p));
  view = find_by_type (GTK_WIDGET (p), LGSM_TYPE_CONSOLE_VIEW);
  g_assert_nonnull (view);
  /* no slide is on show but the console's previews */
  for (GtkWidget *slide = find_by_type (GTK_WIDGET (p), LGSM_TYPE_SLIDE); slide; slide = NULL)
    g_assert_true (gtk_widget_is_ancestor (slide, view));
  /* the console fills the screen, every part in view */
  g_assert_cmpint (gtk_widget_get_width (view), ==, gtk_widget_get_width (GTK_WIDGET (p)));
  g_assert_cmpint (gtk_widget_get_height (view), ==, gtk_widget_get_height (GTK_WIDGET (p)));
  assert_console_parts_visible (GTK_WIDGET (view), LGSM_CONSOLE_VIEW (view));
  save_shot (GTK_WIDGET (p), "console-one-screen");
  /* the keys still drive the slides */
  press (p, GDK_KEY_Right);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 1);
  g_assert_cmpstr (lgsm_console_view_get_position (LGSM_CONSOLE_VIEW (view)), ==,
                   lgsm_presenter_console_get_position (console_of (p)));
  press (p, GDK_KEY_c);
  g_assert_false (lgsm_presentation_get_console_shown (p));
  g_assert_null (find_by_type (GTK_WIDGET (p), LGSM_TYPE_CONSOLE_VIEW));
  g_assert_true (lgsm_slide_get_record (LGSM_SLIDE (find_by_type (GTK_WIDGET (p), LGSM_TYPE_SLIDE))) ==
                 lgsm_presentation_get_record (p, 1));
  stop_presenting (p);
}

/* ---- slide numbers and the overview --------------------------------------- */

static void
test_slide_numbers (void)
{
  GSettings *settings = lgsm_application_get_settings (app);
  LgsmPresentation *p;
  GtkWidget *number;
  g_autofree char *expected = NULL;

  g_settings_set_boolean (settings, "slide-numbers", FALSE);
  p = start_presenting ("history");
  number = find_by_class (GTK_WIDGET (p), "slide-number");
  g_assert_nonnull (number);
  g_assert_false (gtk_widget_get_visible (number));
  g_settings_set_boolean (settings, "slide-numbers", TRUE);
  press (p, GDK_KEY_Right);
  press (p, GDK_KEY_Right);
  g_assert_true (gtk_widget_get_mapped (number));
  expected = g_strdup_printf ("3 / %u", lgsm_presentation_get_n_slides (p));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (number)), ==, expected);
  save_shot (GTK_WIDGET (p), "slide-number");
  g_settings_set_boolean (settings, "slide-numbers", FALSE);
  g_assert_false (gtk_widget_get_visible (number));
  stop_presenting (p);
}

/* The number of the overview's card that has the keyboard focus, or 0 */
static guint
focused_card_number (LgsmPresentation *p)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (p));

  for (GtkWidget *w = focus; w; w = gtk_widget_get_parent (w))
    for (GtkWidget *child = gtk_widget_get_first_child (w); child; child = gtk_widget_get_next_sibling (child))
      if (g_object_get_data (G_OBJECT (child), "lgsm-slide-number"))
        return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "lgsm-slide-number"));
  return 0;
}

static gboolean
card_focused (gpointer data)
{
  LgsmPresentation *p = data;

  return focused_card_number (p) == lgsm_presentation_get_slide (p) + 1;
}

/* Tab opens the overview on the slide on show, with the keyboard there,
 * its number on it; Enter on another card shows that one. */
static void
test_overview_focus (void)
{
  LgsmPresentation *p = start_presenting ("legacy");
  guint n = lgsm_presentation_get_n_slides (p);
  guint target = MIN (n - 1, 12);
  GtkWidget *heading;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (n, >=, 6);
  lgsm_presentation_set_slide (p, target);
  settle ();
  press (p, GDK_KEY_Tab);
  g_assert_cmpint (lgsm_presentation_get_mode (p), ==, LGSM_PRESENTATION_OVERVIEW);
  if (!wait_until (card_focused, p, 20))
    g_error ("the overview's focus is on card %u, not on the slide on show (%u)",
             focused_card_number (p), target + 1);
  heading = find_by_class (GTK_WIDGET (p), "overview-heading");
  expected = g_strdup_printf ("All slides — now on slide %u of %u", target + 1, n);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, expected);
  /* the focused card is in view, not scrolled away at the top */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (p));
    GtkWidget *grid = find_by_type (GTK_WIDGET (p), GTK_TYPE_GRID_VIEW);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (focus, grid, &bounds));
    g_test_message ("the focused card (%s): y %.0f, %.0f high, in a grid %d high", G_OBJECT_TYPE_NAME (focus),
                    bounds.origin.y, bounds.size.height, gtk_widget_get_height (grid));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height / 2, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height / 2, <=, gtk_widget_get_height (grid));
  }
  save_shot (GTK_WIDGET (p), "overview");
  /* the arrows move from there; Enter shows the slide chosen */
  gtk_widget_child_focus (GTK_WIDGET (p), GTK_DIR_LEFT);
  settle ();
  g_assert_cmpuint (focused_card_number (p), ==, target);
  g_signal_emit_by_name (find_by_type (GTK_WIDGET (p), GTK_TYPE_GRID_VIEW), "activate", target - 1);
  settle ();
  g_assert_cmpint (lgsm_presentation_get_mode (p), ==, LGSM_PRESENTATION_SLIDE);
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, target - 1);
  stop_presenting (p);
}

/* ---- L at any time ---------------------------------------------------------- */

static void
test_bilingual_on_demand (void)
{
  GSettings *settings = lgsm_application_get_settings (app);
  LgsmExhibition *welsh = NULL;
  LgsmPresentation *p;
  LgsmSlide *slide;
  LgsmRecord *record;
  gint64 start;

  g_assert_cmpstr (lgsm_application_get_language (app), ==, "en");
  /* the menu's setting is off: nothing in Welsh is loaded until L */
  g_settings_set_boolean (settings, "bilingual-slides", FALSE);
  p = start_presenting ("history");
  g_assert_false (lgsm_presentation_get_bilingual (p));
  slide = LGSM_SLIDE (find_by_type (GTK_WIDGET (p), LGSM_TYPE_SLIDE));
  g_assert_null (lgsm_slide_get_second_title (slide));

  /* a slide whose title is not the same in both languages */
  for (guint i = 0; i < lgsm_presentation_get_n_slides (p); i++)
    if (g_str_equal (lgsm_record_get_id (lgsm_presentation_get_record (p, i)), "miners-strike"))
      lgsm_presentation_set_slide (p, i);
  settle ();
  g_assert_cmpstr (lgsm_record_get_id (lgsm_presentation_get_record (p, lgsm_presentation_get_slide (p))), ==,
                   "miners-strike");
  start = g_get_monotonic_time ();
  press (p, GDK_KEY_l);
  g_test_message ("L: the Welsh records loaded and shown in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_true (lgsm_presentation_get_bilingual (p));
  slide = LGSM_SLIDE (find_by_type (GTK_WIDGET (p), LGSM_TYPE_SLIDE));
  record = lgsm_slide_get_record (slide);
  welsh = lgsm_context_get_second_exhibition (lgsm_application_get_context (app));
  g_assert_nonnull (welsh);
  g_assert_nonnull (lgsm_slide_get_second_title (slide));
  g_assert_cmpstr (lgsm_slide_get_second_title (slide), ==,
                   lgsm_record_get_title (lgsm_exhibition_lookup (welsh, lgsm_record_get_id (record))));
  g_assert_cmpstr (lgsm_slide_get_second_title (slide), !=, lgsm_record_get_title (record));
  /* the next slides have their second title too (none where both
   * languages call it the same) */
  for (guint i = 1; i < 4; i++)
    {
      const char *other;

      press (p, GDK_KEY_Right);
      slide = LGSM_SLIDE (find_by_type (GTK_WIDGET (p), LGSM_TYPE_SLIDE));
      record = lgsm_slide_get_record (slide);
      other = lgsm_record_get_title (lgsm_exhibition_lookup (welsh, lgsm_record_get_id (record)));
      if (g_strcmp0 (other, lgsm_record_get_title (record)) == 0)
        g_assert_null (lgsm_slide_get_second_title (slide));
      else
        g_assert_cmpstr (lgsm_slide_get_second_title (slide), ==, other);
    }
  press (p, GDK_KEY_L);
  g_assert_false (lgsm_presentation_get_bilingual (p));
  g_assert_null (lgsm_slide_get_second_title (slide));
  stop_presenting (p);
}

/* ---- Ctrl+plus on the slides --------------------------------------------- */

static int
title_height (GtkWidget *root)
{
  GtkWidget *slide = find_by_type (root, LGSM_TYPE_SLIDE);
  GtkWidget *title = find_by_class (slide, "slide-title");
  int height;

  g_assert_nonnull (title);
  pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (title)), NULL, &height);
  return height;
}

static void
test_zoom (void)
{
  LgsmPresentation *p = start_presenting ("history");
  LgsmPresenterConsole *console = console_of (p);
  LgsmSlide *preview_slide = lgsm_slide_preview_get_slide (lgsm_presenter_console_get_preview (console, FALSE));
  GtkWidget *preview_title = find_by_class (GTK_WIDGET (preview_slide), "slide-title");
  double text_scale = lgsm_application_get_text_scale (app);
  int before = title_height (GTK_WIDGET (p)), after, preview_before, preview_after;
  int dpi_before, dpi_after;

  if (!gtk_widget_get_visible (GTK_WIDGET (console)))  /* one screen: C would show it */
    gtk_widget_set_visible (GTK_WIDGET (console), TRUE);
  settle ();
  pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (preview_title)), NULL, &preview_before);
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi_before, NULL);
  g_assert_true (press_on (GTK_WIDGET (p), GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_true (press_on (GTK_WIDGET (p), GDK_KEY_equal, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (lgsm_presentation_get_slides_scale (p), 1.21, 0.001);
  after = title_height (GTK_WIDGET (p));
  pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (preview_title)), NULL, &preview_after);
  g_test_message ("slide title %d px high, then %d px; in the console's preview %d, then %d",
                  before, after, preview_before, preview_after);
  g_assert_cmpint (after, >, before);
  g_assert_cmpint (preview_after, >, preview_before);
  /* the slides, not the window behind them */
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi_after, NULL);
  g_assert_cmpint (dpi_after, ==, dpi_before);
  g_assert_cmpfloat (lgsm_application_get_text_scale (app), ==, text_scale);
  /* the console's keys do it too; Ctrl+0 is the screen's own size again */
  g_assert_true (press_on (GTK_WIDGET (console), GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (lgsm_presentation_get_slides_scale (p), 1.1, 0.001);
  g_assert_true (press_on (GTK_WIDGET (p), GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat (lgsm_presentation_get_slides_scale (p), ==, 1.0);
  g_assert_cmpint (title_height (GTK_WIDGET (p)), ==, before);
  /* never below half or above two and a half times */
  for (int i = 0; i < 30; i++)
    press_on (GTK_WIDGET (p), GDK_KEY_minus, GDK_CONTROL_MASK);
  g_assert_cmpfloat (lgsm_presentation_get_slides_scale (p), ==, 0.5);
  press_on (GTK_WIDGET (p), GDK_KEY_0, GDK_CONTROL_MASK);
  stop_presenting (p);
}

/* ---- the pen and the pointer ------------------------------------------------ */

/* A stroke across the middle of the slide, as the drag gesture reports one */
static void
draw_stroke (GtkWidget *ink,
             double     x1,
             double     x2,
             double     y)
{
  GtkEventController *drag = find_controller (ink, GTK_TYPE_GESTURE_DRAG);
  double width = gtk_widget_get_width (ink), height = gtk_widget_get_height (ink);

  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", x1 * width, y * height);
  for (int i = 1; i <= 10; i++)
    g_signal_emit_by_name (drag, "drag-update", (x2 - x1) * width * i / 10, 0.0);
  g_signal_emit_by_name (drag, "drag-end", (x2 - x1) * width, 0.0);
}

/* Where a point of the slide (as fractions) is in the console */
static void
preview_point (LgsmPresenterConsole *console,
               double                fx,
               double                fy,
               int                  *x,
               int                  *y)
{
  LgsmSlidePreview *preview = lgsm_presenter_console_get_preview (console, FALSE);
  graphene_rect_t slide;
  graphene_point_t point;

  lgsm_slide_preview_get_slide_bounds (preview, &slide);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (preview), GTK_WIDGET (console),
                                           &GRAPHENE_POINT_INIT (slide.origin.x + fx * slide.size.width,
                                                                 slide.origin.y + fy * slide.size.height),
                                           &point));
  *x = (int) point.x;
  *y = (int) point.y;
}

static void
test_pen (void)
{
  LgsmPresentation *p = start_presenting ("history");
  LgsmPresenterConsole *console = console_of (p);
  LgsmInkModel *model = lgsm_presentation_get_ink_model (p);
  GtkWidget *ink = find_by_type (GTK_WIDGET (p), LGSM_TYPE_INK);
  g_autoptr(Pixels) before = NULL;
  g_autoptr(Pixels) after = NULL;
  g_autoptr(Pixels) console_after = NULL;
  g_autoptr(Pixels) erased = NULL;
  graphene_point_t mid;
  double rgb[3];
  int cx, cy;
  gboolean console_shown = gtk_widget_get_visible (GTK_WIDGET (console));

  g_assert_nonnull (ink);
  /* without a tool the layer lets clicks through to the slides */
  g_assert_false (gtk_widget_get_can_target (ink));
  if (!console_shown)  /* one screen: the console is drawn though not shown */
    {
      gtk_window_set_default_size (GTK_WINDOW (console), 1280, 720);
      gtk_widget_set_visible (GTK_WIDGET (console), TRUE);
    }
  settle ();
  g_assert_true (gtk_widget_compute_point (ink, GTK_WIDGET (p), &GRAPHENE_POINT_INIT (gtk_widget_get_width (ink) * 0.5,
                                                                                       gtk_widget_get_height (ink) * 0.55),
                                           &mid));
  before = pixels_of (GTK_WIDGET (p));
  pixel_at (before, (int) mid.x, (int) mid.y, rgb);
  g_assert_false (is_pink (rgb));

  press (p, GDK_KEY_d);
  g_assert_cmpint (lgsm_ink_model_get_tool (model), ==, LGSM_INK_TOOL_PEN);
  g_assert_true (gtk_widget_get_can_target (ink));
  g_assert_cmpstr (lgsm_presenter_console_get_status (console), ==, "Pen on");
  draw_stroke (ink, 0.3, 0.7, 0.55);
  g_assert_cmpuint (lgsm_ink_model_get_n_strokes (model), ==, 1);

  /* the next frame shows it, on the slides and on the console */
  wait_frames (GTK_WIDGET (p), 1);
  after = pixels_of (GTK_WIDGET (p));
  pixel_at (after, (int) mid.x, (int) mid.y, rgb);
  g_test_message ("slide at the stroke: %.2f %.2f %.2f", rgb[0], rgb[1], rgb[2]);
  g_assert_true (is_pink (rgb));
  /* above the stroke, the slide as it was */
  {
    double was[3];

    pixel_at (after, (int) mid.x, (int) mid.y - 60, rgb);
    pixel_at (before, (int) mid.x, (int) mid.y - 60, was);
    g_assert_cmpfloat (fabs (rgb[0] - was[0]) + fabs (rgb[1] - was[1]) + fabs (rgb[2] - was[2]), <, 0.05);
  }
  wait_frames (GTK_WIDGET (console), 1);
  console_after = pixels_of (GTK_WIDGET (console));
  preview_point (console, 0.5, 0.55, &cx, &cy);
  pixel_at (console_after, cx, cy, rgb);
  g_test_message ("console at the stroke (%d,%d): %.2f %.2f %.2f", cx, cy, rgb[0], rgb[1], rgb[2]);
  g_assert_true (is_pink (rgb));
  save_shot (GTK_WIDGET (p), "pen-slides");
  save_shot (GTK_WIDGET (console), "pen-console");

  /* a click while drawing does not move the slides on */
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 0);

  /* the drawing stays with its slide */
  press (p, GDK_KEY_Right);
  g_assert_cmpuint (lgsm_ink_model_get_n_strokes (model), ==, 0);
  press (p, GDK_KEY_Left);
  g_assert_cmpuint (lgsm_ink_model_get_n_strokes (model), ==, 1);

  /* E wipes it; Escape puts the pen away and stays in the presentation */
  press (p, GDK_KEY_e);
  g_assert_cmpuint (lgsm_ink_model_get_n_strokes (model), ==, 0);
  wait_frames (GTK_WIDGET (p), 1);
  erased = pixels_of (GTK_WIDGET (p));
  pixel_at (erased, (int) mid.x, (int) mid.y, rgb);
  g_assert_false (is_pink (rgb));
  press (p, GDK_KEY_Escape);
  g_assert_cmpint (lgsm_ink_model_get_tool (model), ==, LGSM_INK_TOOL_NONE);
  g_assert_false (gtk_widget_get_can_target (ink));
  g_assert_nonnull (find_presentation ());
  g_assert_null (lgsm_presenter_console_get_status (console));
  stop_presenting (p);
}

/* The teacher draws on the console's preview with the mouse: the room sees
 * it on the slide. */
static void
test_pen_on_console (void)
{
  LgsmPresentation *p = start_presenting ("history");
  LgsmPresenterConsole *console = console_of (p);
  LgsmInkModel *model = lgsm_presentation_get_ink_model (p);
  GtkWidget *preview_ink = find_by_type (GTK_WIDGET (lgsm_presenter_console_get_preview (console, FALSE)), LGSM_TYPE_INK);
  GtkWidget *ink = find_by_type (GTK_WIDGET (p), LGSM_TYPE_INK);
  g_autoptr(Pixels) after = NULL;
  graphene_point_t mid;
  double rgb[3];

  if (!gtk_widget_get_visible (GTK_WIDGET (console)))
    gtk_widget_set_visible (GTK_WIDGET (console), TRUE);
  settle ();
  preview_ink = find_by_type (GTK_WIDGET (lgsm_presenter_console_get_preview (console, FALSE)), LGSM_TYPE_INK);
  g_assert_nonnull (preview_ink);
  g_assert_true (press_on (GTK_WIDGET (console), GDK_KEY_d, 0));
  draw_stroke (preview_ink, 0.2, 0.6, 0.3);
  g_assert_cmpuint (lgsm_ink_model_get_n_strokes (model), ==, 1);
  wait_frames (GTK_WIDGET (p), 1);
  after = pixels_of (GTK_WIDGET (p));
  g_assert_true (gtk_widget_compute_point (ink, GTK_WIDGET (p), &GRAPHENE_POINT_INIT (gtk_widget_get_width (ink) * 0.4,
                                                                                       gtk_widget_get_height (ink) * 0.3),
                                           &mid));
  pixel_at (after, (int) mid.x, (int) mid.y, rgb);
  g_assert_true (is_pink (rgb));
  stop_presenting (p);
}

static void
test_pointer (void)
{
  LgsmPresentation *p = start_presenting ("history");
  LgsmPresenterConsole *console = console_of (p);
  LgsmInkModel *model = lgsm_presentation_get_ink_model (p);
  GtkWidget *ink = find_by_type (GTK_WIDGET (p), LGSM_TYPE_INK);
  GtkEventController *motion;
  g_autoptr(Pixels) before = NULL;
  g_autoptr(Pixels) after = NULL;
  graphene_point_t spot, corner;
  double a[3], b[3];

  g_assert_nonnull (ink);
  settle ();
  g_assert_true (gtk_widget_compute_point (ink, GTK_WIDGET (p), &GRAPHENE_POINT_INIT (gtk_widget_get_width (ink) * 0.3,
                                                                                       gtk_widget_get_height (ink) * 0.4),
                                           &spot));
  g_assert_true (gtk_widget_compute_point (ink, GTK_WIDGET (p), &GRAPHENE_POINT_INIT (gtk_widget_get_width (ink) * 0.8,
                                                                                       gtk_widget_get_height (ink) * 0.5),
                                           &corner));
  before = pixels_of (GTK_WIDGET (p));

  press (p, GDK_KEY_p);
  g_assert_cmpint (lgsm_ink_model_get_tool (model), ==, LGSM_INK_TOOL_POINTER);
  g_assert_cmpstr (lgsm_presenter_console_get_status (console), ==, "Pointer on");
  motion = find_controller (ink, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_assert_nonnull (motion);
  g_signal_emit_by_name (motion, "motion", gtk_widget_get_width (ink) * 0.3, gtk_widget_get_height (ink) * 0.4);
  g_assert_true (lgsm_ink_model_get_pointer (model, NULL, NULL));
  wait_frames (GTK_WIDGET (p), 1);
  after = pixels_of (GTK_WIDGET (p));

  /* the spot is as it was; away from it the slide is dimmed */
  pixel_at (before, (int) spot.x, (int) spot.y, b);
  pixel_at (after, (int) spot.x, (int) spot.y, a);
  g_assert_cmpfloat (fabs (luminance (a) - luminance (b)), <, 0.03);
  pixel_at (before, (int) corner.x, (int) corner.y, b);
  pixel_at (after, (int) corner.x, (int) corner.y, a);
  g_test_message ("away from the spot: luminance %.3f, then %.3f", luminance (b), luminance (a));
  g_assert_cmpfloat (luminance (a), <, luminance (b) * 0.5 + 0.001);
  save_shot (GTK_WIDGET (p), "pointer");

  /* the mouse leaves: no spot; P puts the pointer away */
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (lgsm_ink_model_get_pointer (model, NULL, NULL));
  press (p, GDK_KEY_P);
  g_assert_cmpint (lgsm_ink_model_get_tool (model), ==, LGSM_INK_TOOL_NONE);
  stop_presenting (p);
}

/* ---- real keys (X11: xdotool sends them through the X server) -------------- */

static gboolean
xdotool (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error))
    g_error ("xdotool: %s", error->message);
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
can_send_keys (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (!is_x11 ())
    {
      g_test_skip ("real key presses are sent with xdotool, on X11");
      return FALSE;
    }
  if (path == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_slide_1 (gpointer data)
{
  LgsmPresentation *p = find_presentation ();

  return p && lgsm_presentation_get_slide (p) == 1;
}

static LgsmLessonDialog *
find_lesson_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (LGSM_IS_LESSON_DIALOG (toplevel))
        return LGSM_LESSON_DIALOG (toplevel);
    }
  return NULL;
}

/* Presenting from the (modal) lessons dialog: the first Page Down moves the
 * slides on and Escape leaves them; neither goes to the dialog. */
static void
test_keys_from_lesson_dialog (void)
{
  LgsmLessonDialog *dialog;
  LgsmPresentation *p;

  if (!can_send_keys ())
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lessons", NULL);
  settle ();
  dialog = find_lesson_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "lesson.present", NULL);
  settle ();
  p = find_presentation ();
  g_assert_nonnull (p);
  g_assert_cmpuint (lgsm_presentation_get_n_slides (p), >=, 2);
  g_assert_true (wait_until (slides_are_active, p, 20));
  g_assert_cmpuint (lgsm_presentation_get_slide (p), ==, 0);

  g_assert_true (xdotool ("key", "Next", NULL));
  if (!wait_until (on_slide_1, NULL, 20))
    g_error ("Page Down did not reach the slides (slide %u)", lgsm_presentation_get_slide (p));
  g_assert_true (find_lesson_dialog () == dialog);
  g_assert_true (xdotool ("key", "Escape", NULL));
  g_assert_true (wait_until (no_presentation, NULL, 20));
  g_assert_true (find_lesson_dialog () == dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

static gboolean
scale_changed (gpointer data)
{
  LgsmPresentation *p = find_presentation ();

  return p && lgsm_presentation_get_slides_scale (p) > 1.05;
}

/* A real Ctrl+plus on the slides scales the slides: the app's own
 * Ctrl+plus (the window's text) does not get it first. */
static void
test_real_ctrl_plus (void)
{
  LgsmPresentation *p;
  double text_scale = lgsm_application_get_text_scale (app);

  if (!can_send_keys ())
    return;
  p = start_presenting ("history");
  g_assert_true (wait_until (slides_are_active, p, 20));
  g_assert_true (xdotool ("key", "ctrl+plus", NULL));
  if (!wait_until (scale_changed, NULL, 20))
    g_error ("Ctrl+plus did not scale the slides (the app's text scale is %.2f)", lgsm_application_get_text_scale (app));
  g_assert_cmpfloat (lgsm_application_get_text_scale (app), ==, text_scale);
  stop_presenting (p);
}

/* ---- the shortcuts window ----------------------------------------------------- */

static void
collect_accels (GtkWidget *widget,
                GString   *all)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      if (accel)
        g_string_append_printf (all, " %s ", accel);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_accels (child, all);
}

static void
test_shortcuts_window (void)
{
  static const char *keys[] = { "b", "w", "g", "l", "c", "Tab", "p", "d", "e", "Escape", "Page_Down", "Home",
                                "<ctrl>plus", "<ctrl>0", "F5" };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/lgsm/Exhibition/ui/help-overlay.ui");
  GtkWidget *help = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GString) all = g_string_new (" ");

  g_assert_nonnull (help);
  collect_accels (help, all);
  {
    g_auto(GStrv) words = g_strsplit (all->str, " ", -1);

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        gboolean found = FALSE;

        for (guint j = 0; words[j] && !found; j++)
          found = g_ascii_strcasecmp (words[j], keys[i]) == 0;
        if (!found)
          g_error ("the shortcuts window does not list %s:%s", keys[i], all->str);
      }
  }
  gtk_window_destroy (GTK_WINDOW (help));
}

/* ---- handouts ----------------------------------------------------------------- */

#define A4_WIDTH  (210.0 * 72.0 / 25.4)
#define A4_HEIGHT (297.0 * 72.0 / 25.4)

/* Every record of the exhibition, in the order of its sections */
static GListModel *
all_records (void)
{
  LgsmExhibition *exhibition = lgsm_application_get_exhibition (app);
  GListModel *sections = lgsm_exhibition_get_sections (exhibition);
  GListStore *store = g_list_store_new (LGSM_TYPE_RECORD);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);

      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          g_list_store_append (store, record);
        }
    }
  return G_LIST_MODEL (store);
}

static const char *
box_name (LgsmHandoutBoxKind kind)
{
  static const char *names[] = { "header", "footer", "title", "date", "content note", "picture", "summary",
                                 "body", "question", "notes", "sources", "rule" };
  return kind < G_N_ELEMENTS (names) ? names[kind] : "?";
}

/* Nothing drawn on a page overlaps anything else; everything is inside
 * margins of at least 15 mm; pictures are centred; each page has its
 * header above everything and its footer below; each record's head is on
 * one page. */
static void
check_layout (LgsmHandoutLayout *layout,
              GListModel        *records,
              LgsmHandoutKind    kind)
{
  guint n = lgsm_handout_layout_get_n_boxes (layout), n_pages = lgsm_handout_layout_get_n_pages (layout);
  guint n_records = g_list_model_get_n_items (records);
  double min_margin = 15.0 * 72.0 / 25.4;
  g_autofree guint *record_page = g_new (guint, n_records);
  g_autofree guint *headers = g_new0 (guint, n_pages);
  g_autofree guint *footers = g_new0 (guint, n_pages);
  guint n_questions = 0, n_notes = 0, n_content_notes = 0, n_pictures = 0;

  for (guint r = 0; r < n_records; r++)
    record_page[r] = G_MAXUINT;
  g_assert_cmpfloat (LGSM_HANDOUT_MARGIN, >=, min_margin);
  for (guint i = 0; i < n; i++)
    {
      const LgsmHandoutBox *a = lgsm_handout_layout_get_box (layout, i);
      const graphene_rect_t *r = &a->rect;

      g_assert_cmpuint (a->page, <, n_pages);
      if (r->origin.x < min_margin - 0.01 || r->origin.y < min_margin - 0.01 ||
          r->origin.x + r->size.width > A4_WIDTH - min_margin + 0.01 ||
          r->origin.y + r->size.height > A4_HEIGHT - min_margin + 0.01 || r->size.height <= 0 || r->size.width <= 0)
        g_error ("the %s at %.1f,%.1f %.1f×%.1f on page %u is outside the margins", box_name (a->kind),
                 r->origin.x, r->origin.y, r->size.width, r->size.height, a->page + 1);
      for (guint j = i + 1; j < n; j++)
        {
          const LgsmHandoutBox *b = lgsm_handout_layout_get_box (layout, j);
          graphene_rect_t overlap;

          if (a->page == b->page && graphene_rect_intersection (&a->rect, &b->rect, &overlap) &&
              overlap.size.width > 0.01 && overlap.size.height > 0.01)
            g_error ("on page %u the %s of record %u (%.1f,%.1f %.1f×%.1f) overlaps the %s of record %u (%.1f,%.1f %.1f×%.1f)",
                     a->page + 1, box_name (a->kind), a->record, r->origin.x, r->origin.y, r->size.width, r->size.height,
                     box_name (b->kind), b->record, b->rect.origin.x, b->rect.origin.y, b->rect.size.width, b->rect.size.height);
        }
      switch (a->kind)
        {
        case LGSM_HANDOUT_BOX_HEADER:
          headers[a->page]++;
          break;
        case LGSM_HANDOUT_BOX_FOOTER:
          footers[a->page]++;
          break;
        case LGSM_HANDOUT_BOX_PICTURE:
          n_pictures++;
          g_assert_cmpfloat (fabs (r->origin.x + r->size.width / 2 - A4_WIDTH / 2), <, 0.5);
          break;
        case LGSM_HANDOUT_BOX_QUESTION:
          {
            g_autoptr(LgsmRecord) record = g_list_model_get_item (records, a->record);
            n_questions++;
            g_assert_nonnull (strstr (lgsm_handout_layout_get_text (layout, i), lgsm_record_get_question (record)));
          }
          break;
        case LGSM_HANDOUT_BOX_NOTES:
          n_notes++;
          break;
        case LGSM_HANDOUT_BOX_CONTENT_NOTE:
          {
            g_autoptr(LgsmRecord) record = g_list_model_get_item (records, a->record);
            n_content_notes++;
            g_assert_nonnull (strstr (lgsm_handout_layout_get_text (layout, i), lgsm_record_get_content_note (record)));
          }
          break;
        default:
          break;
        }
      /* a record's head (title to summary) is on one page; its text goes
       * on from there, never back; the question and sources stay with its
       * last paragraph */
      if (a->record != G_MAXUINT)
        {
          g_assert_cmpuint (a->record, <, n_records);
          if (record_page[a->record] == G_MAXUINT)
            record_page[a->record] = a->page;
          else if (a->kind <= LGSM_HANDOUT_BOX_SUMMARY)
            g_assert_cmpuint (record_page[a->record], ==, a->page);
          else
            g_assert_cmpuint (record_page[a->record], <=, a->page);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      const LgsmHandoutBox *a = lgsm_handout_layout_get_box (layout, i);
      guint last_body_page = G_MAXUINT;

      if (a->kind != LGSM_HANDOUT_BOX_QUESTION && a->kind != LGSM_HANDOUT_BOX_SOURCES)
        continue;
      for (guint j = 0; j < n; j++)
        {
          const LgsmHandoutBox *b = lgsm_handout_layout_get_box (layout, j);
          if (b->record == a->record && b->kind == LGSM_HANDOUT_BOX_BODY)
            last_body_page = b->page;
        }
      g_assert_cmpuint (a->page, ==, last_body_page);
    }
  /* the header above everything on its page, the footer below */
  for (guint i = 0; i < n; i++)
    {
      const LgsmHandoutBox *a = lgsm_handout_layout_get_box (layout, i);

      for (guint j = 0; j < n; j++)
        {
          const LgsmHandoutBox *b = lgsm_handout_layout_get_box (layout, j);

          if (a->page != b->page || i == j)
            continue;
          if (a->kind == LGSM_HANDOUT_BOX_HEADER)
            g_assert_cmpfloat (a->rect.origin.y + a->rect.size.height, <=, b->rect.origin.y);
          if (a->kind == LGSM_HANDOUT_BOX_FOOTER)
            g_assert_cmpfloat (a->rect.origin.y, >=, b->rect.origin.y + b->rect.size.height);
        }
    }
  for (guint p = 0; p < n_pages; p++)
    {
      g_assert_cmpuint (headers[p], ==, 1);
      g_assert_cmpuint (footers[p], ==, 1);
    }
  /* every record is there, with its question, content note and (teacher) notes */
  {
    guint want_questions = 0, want_notes = 0, want_content_notes = 0, want_pictures = 0;

    for (guint r = 0; r < n_records; r++)
      {
        g_autoptr(LgsmRecord) record = g_list_model_get_item (records, r);

        g_assert_cmpuint (record_page[r], !=, G_MAXUINT);
        want_questions += lgsm_record_get_question (record) != NULL;
        want_notes += lgsm_record_get_notes (record) != NULL;
        want_content_notes += lgsm_record_get_content_note (record) != NULL;
        want_pictures += lgsm_record_get_image_uri (record) != NULL;
      }
    g_assert_cmpuint (n_questions, ==, want_questions);
    g_assert_cmpuint (n_content_notes, ==, want_content_notes);
    g_assert_cmpuint (n_pictures, ==, want_pictures);
    g_assert_cmpuint (n_notes, ==, kind == LGSM_HANDOUT_TEACHER ? want_notes : 0);
  }
}

static char *
run_tool (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s: %s", first, error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_handout (void)
{
  g_autoptr(GListModel) records = all_records ();
  guint n_records = g_list_model_get_n_items (records);
  g_autoptr(GListStore) content_note_only = g_list_store_new (LGSM_TYPE_RECORD);
  LgsmRecord *with_note = NULL;

  g_assert_cmpuint (n_records, >=, 40);
  for (LgsmHandoutKind kind = LGSM_HANDOUT_STUDENT; kind <= LGSM_HANDOUT_TEACHER; kind++)
    {
      g_autoptr(LgsmHandoutLayout) layout = lgsm_handout_layout_new ("The whole exhibition", records, kind,
                                                                     A4_WIDTH, A4_HEIGHT);
      guint n_pages = lgsm_handout_layout_get_n_pages (layout);
      g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), kind == LGSM_HANDOUT_TEACHER ? "lgsm-teacher.pdf"
                                                                                              : "lgsm-handout.pdf", NULL);
      g_autofree char *info = NULL, *text = NULL, *pages = NULL;
      g_autoptr(LgsmRecord) first = g_list_model_get_item (records, 0);

      g_test_message ("%s: %u records on %u pages", kind == LGSM_HANDOUT_TEACHER ? "teacher's copy" : "handout",
                      n_records, n_pages);
      check_layout (layout, records, kind);
      /* compact: more than two records to a page on average (one and a
       * half with the teacher's notes) */
      if (kind == LGSM_HANDOUT_TEACHER)
        g_assert_cmpuint (n_pages * 3, <, n_records * 2);
      else
        g_assert_cmpuint (n_pages * 2, <, n_records);

      /* the PDF has those pages, and the text */
      g_assert_true (lgsm_handout_export_kind ("The whole exhibition", records, kind, pdf, NULL));
      info = run_tool ("pdfinfo", pdf, NULL);
      pages = g_strdup_printf ("Pages:           %u\n", n_pages);
      g_assert_nonnull (strstr (info, pages));
      if (g_getenv ("LGSM_SHOTS_DIR"))
        {
          g_autofree char *prefix = g_build_filename (g_getenv ("LGSM_SHOTS_DIR"),
                                                      kind == LGSM_HANDOUT_TEACHER ? "teacher" : "handout", NULL);
          g_autofree char *out = NULL;

          g_mkdir_with_parents (g_getenv ("LGSM_SHOTS_DIR"), 0755);
          out = run_tool ("pdftoppm", "-r", "60", "-png", pdf, prefix, NULL);
        }
      text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
      g_assert_nonnull (strstr (text, "Talk about it:"));
      g_assert_nonnull (strstr (text, "Content note:"));
      g_assert_nonnull (strstr (text, "How do we know?"));
      g_assert_true ((strstr (text, "For the teacher:") != NULL) == (kind == LGSM_HANDOUT_TEACHER));
      g_assert_true ((strstr (text, "teacher’s copy") != NULL) == (kind == LGSM_HANDOUT_TEACHER));
      {
        g_autofree char *footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
        g_assert_nonnull (strstr (text, footer));
      }
      g_unlink (pdf);
    }

  /* a record with a content note, alone: one page, the note drawn */
  for (guint i = 0; i < n_records && with_note == NULL; i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
      if (lgsm_record_get_content_note (record))
        with_note = record;
    }
  g_assert_nonnull (with_note);
  g_list_store_append (content_note_only, with_note);
  {
    g_autoptr(LgsmHandoutLayout) layout = lgsm_handout_layout_new ("One", G_LIST_MODEL (content_note_only),
                                                                   LGSM_HANDOUT_STUDENT, A4_WIDTH, A4_HEIGHT);
    g_assert_cmpuint (lgsm_handout_layout_get_n_pages (layout), ==, 1);
    check_layout (layout, G_LIST_MODEL (content_note_only), LGSM_HANDOUT_STUDENT);
  }
  /* nothing to print: one page with its header */
  {
    g_autoptr(GListStore) none = g_list_store_new (LGSM_TYPE_RECORD);
    g_autoptr(LgsmHandoutLayout) layout = lgsm_handout_layout_new ("Empty", G_LIST_MODEL (none),
                                                                   LGSM_HANDOUT_STUDENT, A4_WIDTH, A4_HEIGHT);
    g_assert_cmpuint (lgsm_handout_layout_get_n_pages (layout), ==, 1);
    g_assert_cmpuint (lgsm_handout_layout_get_n_boxes (layout), ==, 2);
  }
}

/* Every record asks the class one question, about its own facts; the
 * Welsh records ask it in Welsh. */
static void
test_questions (void)
{
  g_autoptr(GListModel) records = all_records ();
  LgsmExhibition *welsh = lgsm_context_get_second_exhibition (lgsm_application_get_context (app));

  g_assert_nonnull (welsh);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
      const char *question = lgsm_record_get_question (record);
      LgsmRecord *cy = lgsm_exhibition_lookup (welsh, lgsm_record_get_id (record));

      if (question == NULL)
        g_error ("record %s has no question for the class", lgsm_record_get_id (record));
      g_assert_true (g_str_has_suffix (question, "?"));
      g_assert_nonnull (cy);
      g_assert_nonnull (lgsm_record_get_question (cy));
      if (g_str_equal (lgsm_record_get_question (cy), question))
        g_error ("the question of %s is not in Welsh", lgsm_record_get_id (record));
    }
}

/* ---- setup -------------------------------------------------------------------- */

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
  char *app_argv[] = { "lgsm-exhibition", "--section=history", "--lang=en", NULL };
  int status = 1;
  g_autofree char *data_home = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  data_home = g_dir_make_tmp ("lgsm-test-data-XXXXXX", NULL);
  /* the teacher's lessons go to a fresh folder, not the user's own */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/presentation/monitors", test_monitors);
  g_test_add_func ("/presentation/console-fits-720p", test_console_fits_720p);
  g_test_add_func ("/presentation/console-mirrors", test_console_mirrors);
  g_test_add_func ("/presentation/one-screen-console", test_one_screen_console);
  g_test_add_func ("/presentation/slide-numbers", test_slide_numbers);
  g_test_add_func ("/presentation/overview-focus", test_overview_focus);
  g_test_add_func ("/presentation/bilingual-on-demand", test_bilingual_on_demand);
  g_test_add_func ("/presentation/zoom", test_zoom);
  g_test_add_func ("/presentation/pen", test_pen);
  g_test_add_func ("/presentation/pen-on-console", test_pen_on_console);
  g_test_add_func ("/presentation/pointer", test_pointer);
  g_test_add_func ("/presentation/keys-from-lesson-dialog", test_keys_from_lesson_dialog);
  g_test_add_func ("/presentation/real-ctrl-plus", test_real_ctrl_plus);
  g_test_add_func ("/presentation/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/handout/layout", test_handout);
  g_test_add_func ("/records/questions", test_questions);

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 3, app_argv);
  g_clear_object (&app);
  return status;
}
