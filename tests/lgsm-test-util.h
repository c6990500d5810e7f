/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the widget tests share: waiting for the toolkit on its frame clock
 * rather than sleeping. A test that asserts what a visitor would see
 * waits until a frame has been laid out and painted since it acted. */

#include <gtk/gtk.h>

/* Runs everything already pending, without blocking. */
static inline void
lgsm_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline void
lgsm_test_on_after_paint (GdkFrameClock *clock,
                          guint         *painted)
{
  (*painted)++;
}

/* Waits until @widget's window has painted @frames more frames (each
 * asked for by queuing a redraw), or 2 s a frame have passed: a window
 * that is not mapped paints nothing. */
static inline void
lgsm_test_wait_frames (GtkWidget *widget,
                       guint      frames)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;
  gint64 deadline = g_get_monotonic_time () + frames * 2 * G_USEC_PER_SEC;

  lgsm_test_iterate ();
  clock = gtk_widget_get_mapped (widget) ? gtk_widget_get_frame_clock (widget) : NULL;
  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (lgsm_test_on_after_paint), &painted);
  while (painted < frames && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
  lgsm_test_iterate ();
}

/* Lets idle work, layout and two frames of every mapped window happen. */
static inline void
lgsm_test_settle (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  lgsm_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (gtk_widget_get_mapped (window))
        lgsm_test_wait_frames (window, 2);
    }
}
