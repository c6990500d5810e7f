/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lesson paths as a teacher uses them, in the real app: odd files in the
 * lessons folder do not stop the dialog, Ctrl+D toggles, a rename reaches
 * the list and the disk once typing pauses, and a save that fails (a full
 * disk) says why in the teacher's language, keeps the edit, and holds the
 * dialog open until the teacher tries again. */
#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "lgsm-application.h"
#include "lgsm-context.h"
#include "lgsm-lesson-dialog.h"
#include "lgsm-lesson-store.h"
#include "lgsm-test-util.h"
#include "lgsm-window.h"

static LgsmApplication *app;
static LgsmWindow *window;
static char *lessons_dir;

static LgsmLessonStore *
store (void)
{
  return lgsm_context_get_lesson_store (lgsm_application_get_context (app));
}


static gboolean
store_loaded (gpointer data)
{
  return lgsm_lesson_store_get_loaded (store ());
}

static gboolean
nothing_unsaved (gpointer data)
{
  return !lgsm_lesson_store_get_has_unsaved (store ());
}



static LgsmLessonDialog *
open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.lessons", NULL);
  lgsm_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (LGSM_IS_LESSON_DIALOG (w))
        return LGSM_LESSON_DIALOG (w);
    }
  g_assert_not_reached ();
}

/* A pipe, a folder and a link out of the folder named *.json: the dialog
 * opens, lists the lessons, and names each odd file in a folded list. */
static void
test_odd_files (void)
{
  LgsmLessonDialog *dialog;
  GtkWidget *expander;

  lgsm_test_wait_until (store_loaded, NULL);
  dialog = open_dialog ();
  expander = lgsm_test_find_label (GTK_WIDGET (dialog), "3 files in the lessons folder were skipped");
  g_assert_nonnull (expander);
  gtk_expander_set_expanded (GTK_EXPANDER (gtk_widget_get_ancestor (expander, GTK_TYPE_EXPANDER)), TRUE);
  lgsm_test_settle ();
  g_assert_nonnull (lgsm_test_find_label (GTK_WIDGET (dialog), "pipe.json"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (lgsm_test_find_label (GTK_WIDGET (dialog), "pipe.json"))),
                            "“pipe.json” is not an ordinary file and was skipped"));
  g_assert_nonnull (lgsm_lesson_dialog_get_lesson (dialog));  /* the ready-made lesson at least */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Ctrl+D adds the record on show, and again takes it out. */
static void
test_toggle (void)
{
  LgsmLesson *current;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "minibus");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-lesson", NULL);
  lgsm_test_settle ();
  current = lgsm_lesson_store_get_current (store ());
  g_assert_nonnull (current);
  g_assert_true (lgsm_lesson_contains (current, "minibus"));
  g_assert_nonnull (lgsm_test_find_label (GTK_WIDGET (window), "In Lesson"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-lesson", NULL);
  lgsm_test_settle ();
  g_assert_false (lgsm_lesson_contains (current, "minibus"));
  g_assert_nonnull (lgsm_test_find_label (GTK_WIDGET (window), "Add to Lesson"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-lesson", NULL);
  lgsm_test_wait_until (nothing_unsaved, NULL);
}

/* A rename shows in the list and is saved once typing pauses. */
static void
test_rename (void)
{
  LgsmLessonDialog *dialog = open_dialog ();
  LgsmLesson *lesson = lgsm_lesson_store_get_current (store ());
  g_autoptr(GFile) file = g_object_ref (lgsm_lesson_store_get_file (store (), lesson));
  g_autoptr(LgsmLesson) saved = NULL;
  GtkWidget *entry = NULL;

  lgsm_lesson_dialog_select (dialog, lesson);
  entry = lgsm_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, FALSE);  /* the name: the dialog's only GtkEntry */
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Strike year");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Strike year, week one");
  lgsm_test_wait_until (nothing_unsaved, NULL);
  g_assert_nonnull (lgsm_test_find_label (GTK_WIDGET (dialog), "Strike year, week one"));
  saved = lgsm_lesson_load_file (file, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (lgsm_lesson_get_name (saved), ==, "Strike year, week one");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
has_save_message (gpointer data)
{
  return lgsm_lesson_dialog_get_save_message (data) != NULL;
}

/* The disk fills (a file-size limit stands in for a full USB stick): the
 * old file stays, the dialog says why in Welsh, the edit stays, closing
 * keeps the dialog open; with room again, Try Again saves. */
static void
test_disk_full (void)
{
  LgsmLessonDialog *dialog = open_dialog ();
  LgsmLesson *lesson = lgsm_lesson_store_get_current (store ());
  g_autoptr(GFile) file = g_object_ref (lgsm_lesson_store_get_file (store (), lesson));
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *long_name = g_strnfill (900, 'x');
  struct rlimit limit;

  lgsm_lesson_dialog_select (dialog, lesson);
  g_assert_true (g_file_load_contents (file, NULL, &before, NULL, NULL, NULL));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = 512;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  lgsm_language_apply ("cy");
  lgsm_lesson_set_name (lesson, long_name);
  lgsm_test_wait_until (has_save_message, dialog);
  g_assert_nonnull (strstr (lgsm_lesson_dialog_get_save_message (dialog), "Mae’r ddisg yn llawn"));
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (lgsm_lesson_get_name (lesson), ==, long_name);   /* the edit is kept */

  /* closing does not drop it: the dialog stays, with the way out */
  gtk_window_close (GTK_WINDOW (dialog));
  lgsm_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  limit.rlim_cur = limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "lesson.retry", NULL);
  lgsm_test_settle ();
  g_assert_null (lgsm_lesson_dialog_get_save_message (dialog));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_nonnull (strstr (after, long_name));
  lgsm_language_apply ("en");
  gtk_window_close (GTK_WINDOW (dialog));
  lgsm_test_settle ();
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  lgsm_test_settle ();
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("lgsm-lessons-XXXXXX", NULL);
  g_autofree char *pipe_path = NULL, *dir_path = NULL, *link_path = NULL, *outside = NULL;
  char *app_argv[] = { "lgsm-exhibition", NULL };
  int status = 1;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  /* the lessons folder as an odd USB stick might hold it */
  lessons_dir = g_build_filename (data_home, "lgsm-exhibition", "lessons", NULL);
  g_assert_cmpint (g_mkdir_with_parents (lessons_dir, 0755), ==, 0);
  pipe_path = g_build_filename (lessons_dir, "pipe.json", NULL);
  g_assert_cmpint (mkfifo (pipe_path, 0644), ==, 0);
  dir_path = g_build_filename (lessons_dir, "folder.json", NULL);
  g_assert_cmpint (g_mkdir (dir_path, 0755), ==, 0);
  outside = g_build_filename (data_home, "outside.json", NULL);
  g_assert_true (g_file_set_contents (outside, "{\"schema\": 1, \"name\": \"x\", \"records\": []}", -1, NULL));
  link_path = g_build_filename (lessons_dir, "link.json", NULL);
  g_assert_cmpint (symlink (outside, link_path), ==, 0);

  g_test_add_func ("/lessons/odd-files", test_odd_files);
  g_test_add_func ("/lessons/ctrl-d-toggles", test_toggle);
  g_test_add_func ("/lessons/rename", test_rename);
  g_test_add_func ("/lessons/disk-full", test_disk_full);

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  return status;
}
