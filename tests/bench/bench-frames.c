/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-frames MODE [ROUNDS]
 *
 * How long a tab switch and a slide change take to reach the screen, timed
 * on the window's GdkFrameClock. MODE is one of
 *
 *   baseline  a bare 1920×1080 GtkNotebook of four labels: switch pages
 *   tabs      lgsm-exhibition at 1920×1080: switch between the four tabs
 *   slides    lgsm-exhibition presenting History full screen: next slide
 *   records   lgsm-exhibition at 1920×1080: open a record from History, then
 *             go back (NAME is "open-ID" or "back")
 *   attract   lgsm-exhibition --kiosk left alone: its attract loop (a new
 *             picture every 8 s) over BENCH_ATTRACT_SECONDS (default 10 s),
 *             which a kiosk shows all day; prints
 *               attract FRAMES SECONDS MEDIAN_US MAX_US CPU_PERCENT
 *             (CPU_PERCENT of one core, the process's user+system time)
 *
 * After the first frame and a quiet second (pictures decoded), each change
 * is made from a quiet window (no frame for 150 ms), then the frames it
 * causes are collected until none comes for 150 ms. One line per change:
 *
 *   frames MODE NAME VISIT HANDLER_US FIRST_US LATENCY_US N_FRAMES MAX_US SETTLE_US
 *
 *   VISIT      "first" for the first time a tab or slide is shown, else "again"
 *   HANDLER_US the change itself (the action, run synchronously)
 *   FIRST_US   the first frame's work: ::before-paint to ::after-paint
 *   LATENCY_US from the change to the end of the first frame painted after it
 *              (includes waiting for the frame clock's next tick)
 *   N_FRAMES   frames painted until quiet (a cross-fade takes several)
 *   MAX_US     the longest frame (::before-paint to ::after-paint) of them
 *   SETTLE_US  from the change to the end of its last frame
 *
 * "Within one frame at 60 Hz" means HANDLER_US + FIRST_US ≤ 16 667 µs and
 * MAX_US ≤ 16 667 µs. run-bench.sh takes the medians.
 */
#include <gtk/gtk.h>
#include <locale.h>
#include <sys/resource.h>

#include "lgsm-application.h"
#include "lgsm-kiosk.h"
#include "lgsm-presentation.h"
#include "lgsm-window.h"

#define QUIET_US (150 * 1000)
#define GIVE_UP_US (3 * G_USEC_PER_SEC)

static const char *mode;
static guint rounds = 3;
static GtkApplication *app;
static GtkWidget *main_window;
static GtkWidget *notebook;       /* baseline */
static int status = 1;

typedef struct {
  gint64  last_paint;   /* time of the last ::after-paint */
  gint64  frame_start;  /* ::before-paint of the frame in progress */
  guint   n_frames;
  gint64  first_work;
  gint64  first_end;
  gint64  max_work;
} Frames;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();
  gint64 work = frames->frame_start ? now - frames->frame_start : 0;

  if (frames->n_frames == 0)
    {
      frames->first_work = work;
      frames->first_end = now;
    }
  frames->max_work = MAX (frames->max_work, work);
  frames->n_frames++;
  frames->last_paint = now;
  frames->frame_start = 0;
}

/* Runs the main loop until no frame has been painted for QUIET_US. */
static void
wait_quiet (Frames *frames,
            gint64  since)
{
  gint64 start = g_get_monotonic_time ();

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      gint64 last = MAX (frames->last_paint, since);

      if (now - last >= QUIET_US || now - start > GIVE_UP_US)
        return;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

typedef void (*Change) (gpointer data);

static void
measure (GtkWidget  *window,
         const char *name,
         gboolean    first_visit,
         Change      change,
         gpointer    data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frames frames = { 0 };
  gulong before, after;
  gint64 t0, t1;

  /* start from a quiet window */
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  wait_quiet (&frames, g_get_monotonic_time ());
  memset (&frames, 0, sizeof frames);

  t0 = g_get_monotonic_time ();
  change (data);
  t1 = g_get_monotonic_time ();
  wait_quiet (&frames, t1);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  if (frames.n_frames == 0)
    {
      g_printerr ("bench-frames: %s %s: no frame was painted\n", mode, name);
      status = 1;
      return;
    }
  g_print ("frames %s %s %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
           " %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           mode, name, first_visit ? "first" : "again",
           t1 - t0, frames.first_work, frames.first_end - t0,
           frames.n_frames, frames.max_work, frames.last_paint - t0);
}

/* ---- the changes ------------------------------------------------------------ */

static void
switch_page (gpointer data)
{
  gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook), GPOINTER_TO_INT (data));
}

static void
switch_tab (gpointer data)
{
  gtk_widget_activate_action (main_window, "win.section", "s", (const char *) data);
}

static void
open_record (gpointer data)
{
  gtk_widget_activate_action (main_window, "win.open-record", "s", (const char *) data);
}

static void
go_back (gpointer data)
{
  gtk_widget_activate_action (main_window, "win.back", NULL);
}

static void
next_slide (gpointer data)
{
  lgsm_presentation_handle_key (LGSM_PRESENTATION (data), GDK_KEY_Right, 0);
}

static void
first_slide (gpointer data)
{
  lgsm_presentation_handle_key (LGSM_PRESENTATION (data), GDK_KEY_Home, 0);
}

static LgsmPresentation *
find_presentation (void)
{
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (LGSM_IS_PRESENTATION (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

/* ---- the runs ------------------------------------------------------------------- */

static void
run_baseline (void)
{
  static const char *const names[] = { "page-2", "page-3", "page-4", "page-1" };

  for (guint r = 0; r <= rounds; r++)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      measure (main_window, names[i], r == 0, switch_page, GINT_TO_POINTER ((i + 1) % 4));
}

static void
run_tabs (void)
{
  static const char *const tabs[] = { "outlook", "legacy", "twinning", "history" };

  for (guint r = 0; r <= rounds; r++)
    for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
      /* History is built before the first frame: it is never a first visit */
      measure (main_window, tabs[i], r == 0 && i < 3, switch_tab, (gpointer) tabs[i]);
}

static void
run_records (void)
{
  static const char *const ids[] = { "lgsm", "lgsm-founded", "pits-and-perverts", "miners-strike" };

  for (guint r = 0; r <= rounds; r++)
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autofree char *name = g_strdup_printf ("open-%s", ids[i]);

        measure (main_window, name, r == 0, open_record, (gpointer) ids[i]);
        measure (main_window, "back", r == 0, go_back, NULL);
      }
}

static void
run_slides (void)
{
  LgsmPresentation *presentation;
  Frames frames = { 0 };
  guint n;

  gtk_widget_activate_action (main_window, "win.present", NULL);
  wait_quiet (&frames, g_get_monotonic_time ());
  presentation = find_presentation ();
  if (presentation == NULL)
    {
      g_printerr ("bench-frames: the presentation did not open\n");
      status = 1;
      return;
    }
  /* let the first slide's picture arrive */
  g_usleep (G_USEC_PER_SEC / 2);
  wait_quiet (&frames, g_get_monotonic_time ());
  g_printerr ("bench-frames: presentation %d×%d, %u slides\n",
              gtk_widget_get_width (GTK_WIDGET (presentation)),
              gtk_widget_get_height (GTK_WIDGET (presentation)),
              lgsm_presentation_get_n_slides (presentation));

  n = lgsm_presentation_get_n_slides (presentation);
  for (guint r = 0; r <= rounds; r++)
    {
      for (guint i = 1; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("slide-%u", i + 1);
          measure (GTK_WIDGET (presentation), name, r == 0, next_slide, presentation);
        }
      measure (GTK_WIDGET (presentation), "slide-1", FALSE, first_slide, presentation);
    }
}

typedef struct {
  gint64  frame_start;
  GArray *works;   /* gint64 µs per frame */
} Loop;

static void
on_loop_before (GdkFrameClock *clock,
                Loop          *loop)
{
  loop->frame_start = g_get_monotonic_time ();
}

static void
on_loop_after (GdkFrameClock *clock,
               Loop          *loop)
{
  gint64 work;

  if (loop->frame_start == 0)
    return;
  work = g_get_monotonic_time () - loop->frame_start;
  g_array_append_val (loop->works, work);
  loop->frame_start = 0;
}

static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
run_attract (void)
{
  LgsmKiosk *kiosk = lgsm_window_get_kiosk (LGSM_WINDOW (main_window));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (main_window);
  Loop loop = { 0, g_array_new (FALSE, FALSE, sizeof (gint64)) };
  const char *env = g_getenv ("BENCH_ATTRACT_SECONDS");
  gint64 seconds = env ? MAX (1, g_ascii_strtoll (env, NULL, 10)) : 10;
  gint64 start, cpu_start, end;
  gulong before, after;

  if (kiosk == NULL)
    {
      g_printerr ("bench-frames: not a kiosk\n");
      status = 1;
      return;
    }
  /* idle at once, straight into the loop, a new picture every 8 s as usual */
  lgsm_kiosk_set_timings (kiosk, 100, 1, 50, 8000);
  lgsm_kiosk_activity (kiosk);
  start = g_get_monotonic_time ();
  while (lgsm_kiosk_get_state (kiosk) != LGSM_KIOSK_ATTRACT && g_get_monotonic_time () - start < GIVE_UP_US)
    g_main_context_iteration (NULL, TRUE);
  if (lgsm_kiosk_get_state (kiosk) != LGSM_KIOSK_ATTRACT)
    {
      g_printerr ("bench-frames: the kiosk did not reach its attract loop\n");
      status = 1;
      return;
    }
  /* the first two pictures decoded and shown */
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);

  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_loop_before), &loop);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_loop_after), &loop);
  start = g_get_monotonic_time ();
  cpu_start = cpu_us ();
  while (g_get_monotonic_time () - start < seconds * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  g_array_sort (loop.works, compare_int64);
  g_print ("attract %u %.1f %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.1f\n", loop.works->len,
           (end - start) / (double) G_USEC_PER_SEC,
           loop.works->len ? g_array_index (loop.works, gint64, loop.works->len / 2) : 0,
           loop.works->len ? g_array_index (loop.works, gint64, loop.works->len - 1) : 0,
           100.0 * (cpu_us () - cpu_start) / (end - start));
  g_array_unref (loop.works);
}

static gboolean
run (gpointer data)
{
  status = 0;
  if (main_window == NULL || !gtk_widget_get_mapped (main_window))
    {
      g_printerr ("bench-frames: no window\n");
      status = 1;
    }
  else
    {
      g_printerr ("bench-frames: %s, window %d×%d, %s\n", mode,
                  gtk_widget_get_width (main_window), gtk_widget_get_height (main_window),
                  G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (main_window))));
      if (g_str_equal (mode, "baseline"))
        run_baseline ();
      else if (g_str_equal (mode, "tabs"))
        run_tabs ();
      else if (g_str_equal (mode, "attract"))
        run_attract ();
      else if (g_str_equal (mode, "records"))
        run_records ();
      else
        run_slides ();
    }
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

/* a quiet second after the first frame: pictures decoded, idle work done */
static void
on_first_paint (GdkFrameClock *clock,
                gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, data);
  g_timeout_add (1000, run, NULL);
}

static void
on_map (GtkWidget *window)
{
  /* the app restores its saved size after the window is made: size it here
   * (a kiosk asks for full screen, which needs a window manager) */
  gtk_window_unfullscreen (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), NULL);
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  if (main_window != NULL)
    return;
  main_window = GTK_WIDGET (window);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}

static void
on_baseline_activate (GtkApplication *application)
{
  GtkWidget *window = gtk_application_window_new (application);

  notebook = gtk_notebook_new ();
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *tab = g_strdup_printf ("Tab %u", i + 1);
      g_autofree char *text = g_strdup_printf ("The page of tab %u", i + 1);
      gtk_notebook_append_page (GTK_NOTEBOOK (notebook), gtk_label_new (text), gtk_label_new (tab));
    }
  gtk_window_set_child (GTK_WINDOW (window), notebook);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--section=history", NULL };
  char *kiosk_argv[] = { "lgsm-exhibition", "--kiosk", NULL };

  setlocale (LC_ALL, "");
  if (argc < 2 || (!g_str_equal (argv[1], "baseline") && !g_str_equal (argv[1], "tabs") &&
                   !g_str_equal (argv[1], "slides") && !g_str_equal (argv[1], "attract") &&
                   !g_str_equal (argv[1], "records")))
    {
      g_printerr ("usage: bench-frames baseline|tabs|slides|records|attract [ROUNDS]\n");
      return 2;
    }
  mode = argv[1];
  if (argc > 2)
    rounds = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  if (g_str_equal (mode, "baseline"))
    {
      app = gtk_application_new ("org.lgsm.Exhibition.BenchFrames", G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "activate", G_CALLBACK (on_baseline_activate), NULL);
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
      g_application_run (G_APPLICATION (app), 0, NULL);
    }
  else
    {
      lgsm_i18n_init ();
      app = GTK_APPLICATION (lgsm_application_new ());
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
      g_application_run (G_APPLICATION (app), 2, g_str_equal (mode, "attract") ? kiosk_argv : app_argv);
    }
  g_clear_object (&app);
  return status;
}
