/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The start-up baseline: the least a GTK 4 application with the same shape as
 * lgsm-exhibition can do — a GtkApplicationWindow of the app's default size
 * holding a GtkNotebook of four tabs, each a GtkLabel — and quit right after
 * its first frame has been painted, exactly as `lgsm-exhibition
 * --quit-after-first-frame` does (GdkFrameClock::after-paint once mapped).
 *
 * Non-unique, so that it never talks to another instance over D-Bus.
 */
#include <gtk/gtk.h>

static void
on_after_paint (GdkFrameClock  *clock,
                GtkApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);

  /* run-bench.sh asks which renderer GTK really used: it falls back to
   * cairo silently when GL cannot be set up */
  if (g_getenv ("LGSM_BENCH_REPORT_RENDERER"))
    {
      GtkWindow *window = gtk_application_get_active_window (app);
      GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
      g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (renderer));
    }
  g_application_quit (G_APPLICATION (app));
}

static void
on_map (GtkWidget      *window,
        GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), app);
}

static void
on_activate (GtkApplication *app)
{
  static const char *const tabs[] = { "History", "Outlook", "Legacy", "Onllwyn twinning" };
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *notebook = gtk_notebook_new ();

  gtk_window_set_title (GTK_WINDOW (window), "Baseline");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);  /* the app's default */

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *text = g_strdup_printf ("The %s tab", tabs[i]);
      gtk_notebook_append_page (GTK_NOTEBOOK (notebook),
                                gtk_label_new (text),
                                gtk_label_new (tabs[i]));
    }
  gtk_window_set_child (GTK_WINDOW (window), notebook);

  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app =
    gtk_application_new ("org.lgsm.Exhibition.Baseline", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
