/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the widget tests share: waiting for the toolkit on its frame clock
 * rather than sleeping. A test that asserts what a visitor would see
 * waits until a frame has been laid out and painted since it acted. */

#include <gtk/gtk.h>
#include <string.h>

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

/* Runs the main loop until @done says so; fails after a generous
 * deadline (a loaded machine is slow, never wrong). */
static inline void
lgsm_test_wait_until (gboolean (*done) (gpointer),
                      gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  lgsm_test_settle ();
}

/* The first widget of @type below @root (itself included); mapped ones
 * only when @mapped_only. */
static inline GtkWidget *
lgsm_test_find_type (GtkWidget *root,
                     GType      type,
                     gboolean   mapped_only)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (!mapped_only || gtk_widget_get_mapped (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lgsm_test_find_type (child, type, mapped_only);
      if (found)
        return found;
    }
  return NULL;
}

/* The first mapped label below @root whose text contains @text. */
static inline GtkWidget *
lgsm_test_find_label (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lgsm_test_find_label (child, text);
      if (found)
        return found;
    }
  return NULL;
}
