/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A curator's records folder, as the app runs it: search that forgives and
 * highlights, a problems view grouped by file, and live reload — a change
 * is shown, a folder that cannot be read keeps what was shown and says
 * why, and a kiosk switches only at its next reset. */
#include <locale.h>
#include <glib/gstdio.h>

#include "lgsm-application.h"
#include "lgsm-context.h"
#include "lgsm-presentation.h"
#include "lgsm-problems-dialog.h"
#include "lgsm-record-page.h"
#include "lgsm-search-view.h"
#include "lgsm-test-util.h"
#include "lgsm-window.h"

static LgsmApplication *app;
static LgsmWindow *window;
static char *folder;

static LgsmContext *
context (void)
{
  return lgsm_application_get_context (app);
}

static const char *
title_of (const char *id)
{
  LgsmRecord *record = lgsm_exhibition_lookup (lgsm_context_get_exhibition (context ()), id);
  return record ? lgsm_record_get_title (record) : NULL;
}


static gboolean
title_is (gpointer data)
{
  const char **want = data;
  return g_strcmp0 (title_of (want[0]), want[1]) == 0;
}

static void
rewrite_title (const char *from,
               const char *to)
{
  g_autofree char *path = g_build_filename (folder, "history.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, changed->str, -1, NULL));
}



/* An edit to the folder is shown, and the visitor stays on the record. */
static void
test_reload_change (void)
{
  const char *want[] = { "concert", "Pits and Perverts benefit night" };
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "concert");
  lgsm_test_settle ();
  g_assert_cmpstr (title_of ("concert"), ==, "Pits and Perverts concert");

  rewrite_title ("\"Pits and Perverts concert\"", "\"Pits and Perverts benefit night\"");
  lgsm_test_wait_until (title_is, want);
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, "concert");
  page = lgsm_test_find_type (GTK_WIDGET (window), LGSM_TYPE_RECORD_PAGE, TRUE);
  g_assert_nonnull (page);
  g_assert_cmpstr (lgsm_record_get_title (lgsm_record_page_get_record (LGSM_RECORD_PAGE (page))), ==,
                   "Pits and Perverts benefit night");
  g_assert_nonnull (lgsm_test_find_label (page, "Pits and Perverts benefit night"));
  g_assert_nonnull (strstr (lgsm_context_get_reload_summary (context ()), "loaded again"));
}

static gboolean
has_reload_problem (gpointer data)
{
  GListModel *problems = lgsm_exhibition_get_problems (lgsm_context_get_exhibition (context ()));

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      if (strstr (lgsm_problem_get_message (problem), "could not be read again"))
        return TRUE;
    }
  return FALSE;
}

/* A folder that cannot be read at all: what was shown stays, and the
 * problems say why; once it is back, it reloads again. */
static void
test_reload_unreadable (void)
{
  g_autofree char *away = g_strconcat (folder, "-away", NULL);
  LgsmExhibition *before = lgsm_context_get_exhibition (context ());
  const char *want[] = { "collection", "First collection, again" };

  g_assert_cmpint (g_rename (folder, away), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.reload-records", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "reload-records", NULL);
  lgsm_test_wait_until (has_reload_problem, NULL);
  g_assert_true (lgsm_context_get_exhibition (context ()) == before);
  g_assert_cmpuint (lgsm_exhibition_get_n_records (before), ==, 7);

  /* the problems view shows it, grouped under the folder */
  {
    GtkWindow *dialog = lgsm_problems_dialog_new (GTK_WINDOW (window), context ());
    g_autofree char *text = NULL;

    gtk_window_present (dialog);
    lgsm_test_settle ();
    /* its Reload button reaches the app's action */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "app.reload-records", NULL));
    text = lgsm_problems_dialog_get_text (LGSM_PROBLEMS_DIALOG (dialog));
    g_assert_nonnull (strstr (text, "could not be read again"));
    g_assert_true (g_str_has_prefix (text, folder));
    gtk_window_destroy (dialog);
  }

  g_assert_cmpint (g_rename (away, folder), ==, 0);
  rewrite_title ("\"First collection\"", "\"First collection, again\"");
  g_action_group_activate_action (G_ACTION_GROUP (app), "reload-records", NULL);
  lgsm_test_wait_until (title_is, want);
}

static gboolean
has_pending (gpointer data)
{
  return lgsm_context_get_pending_exhibition (context ()) != NULL;
}

/* A kiosk keeps what the visitor sees until its idle reset. */
static void
test_reload_kiosk_waits (void)
{
  LgsmExhibition *before = lgsm_context_get_exhibition (context ());

  lgsm_context_set_kiosk (context (), TRUE);
  rewrite_title ("\"The strike\"", "\"The strike of 1984\"");
  lgsm_test_wait_until (has_pending, NULL);
  g_assert_true (lgsm_context_get_exhibition (context ()) == before);
  g_assert_cmpstr (title_of ("strike"), ==, "The strike");

  lgsm_window_reset_home (window);
  lgsm_test_settle ();
  g_assert_null (lgsm_context_get_pending_exhibition (context ()));
  g_assert_cmpstr (title_of ("strike"), ==, "The strike of 1984");
  lgsm_context_set_kiosk (context (), FALSE);
}

/* Matched words in bold, and "Did you mean" when nothing matches. */
static void
test_search_view (void)
{
  GtkWidget *view, *title, *entry;
  PangoAttrList *attrs;
  g_autoptr(GSList) list = NULL;
  gboolean bold = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search-for", "s", "Somervile");
  for (int i = 0; i < 50 && lgsm_test_find_type (GTK_WIDGET (window), LGSM_TYPE_SEARCH_VIEW, TRUE) == NULL; i++)
    lgsm_test_settle ();
  view = lgsm_test_find_type (GTK_WIDGET (window), LGSM_TYPE_SEARCH_VIEW, TRUE);
  g_assert_nonnull (view);
  for (int i = 0; i < 50 && lgsm_search_view_get_n_results (LGSM_SEARCH_VIEW (view)) == 0; i++)
    lgsm_test_settle ();
  g_assert_cmpuint (lgsm_search_view_get_n_results (LGSM_SEARCH_VIEW (view)), >=, 1);
  g_assert_cmpstr (lgsm_record_get_id (lgsm_search_view_get_selected (LGSM_SEARCH_VIEW (view))), ==, "singer");

  title = lgsm_test_find_label (view, "Jimmy Somerville");
  g_assert_nonnull (title);
  attrs = gtk_label_get_attributes (GTK_LABEL (title));
  g_assert_nonnull (attrs);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;
      /* "Somerville" is bytes 6..16 of the title */
      if (attr->klass->type == PANGO_ATTR_WEIGHT && attr->start_index == 6 && attr->end_index == 16)
        bold = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  g_assert_true (bold);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search-for", "s", "xqzminers");
  for (int i = 0; i < 50 && lgsm_test_find_label (view, "Did you mean “miners”?") == NULL; i++)
    lgsm_test_settle ();
  g_assert_nonnull (lgsm_test_find_label (view, "Did you mean “miners”?"));
  g_assert_cmpuint (lgsm_search_view_get_n_results (LGSM_SEARCH_VIEW (view)), ==, 0);
  g_signal_emit_by_name (gtk_widget_get_parent (lgsm_test_find_label (view, "Did you mean “miners”?")), "clicked");
  lgsm_test_settle ();
  entry = lgsm_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "miners");

  /* leave the search (its entry reports changes after a pause) */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  for (int i = 0; i < 20; i++)
    lgsm_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "history");
}

/* Shift+F5: every record of the tabs, the undated ones after the dated. */
static void
test_present_all_keeps_undated (void)
{
  LgsmPresentation *presentation = NULL;
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-all", NULL);
  lgsm_test_settle ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LGSM_IS_PRESENTATION (l->data))
      presentation = l->data;
  g_assert_nonnull (presentation);
  n = lgsm_presentation_get_n_slides (presentation);
  g_assert_cmpuint (n, ==, 4);  /* history's four records; people and places are not tabs */
  g_assert_nonnull (lgsm_record_get_date (lgsm_presentation_get_record (presentation, 0)));
  g_assert_null (lgsm_record_get_date (lgsm_presentation_get_record (presentation, n - 1)));
  g_assert_cmpstr (lgsm_record_get_id (lgsm_presentation_get_record (presentation, n - 1)), ==, "undated");
  gtk_window_destroy (GTK_WINDOW (presentation));
  lgsm_test_settle ();
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  for (int i = 0; i < 100 && lgsm_window_get_loading (window); i++)
    lgsm_test_settle ();
  lgsm_test_settle ();
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_mkdir_with_parents (to, 0755);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);
      g_autofree char *text = NULL;
      gsize len;

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        copy_folder (src, dst);
      else
        {
          g_assert_true (g_file_get_contents (src, &text, &len, NULL));
          g_assert_true (g_file_set_contents (dst, text, len, NULL));
        }
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("lgsm-records-XXXXXX", NULL);
  g_autofree char *source = NULL;
  g_autofree char *records_arg = NULL;
  char *app_argv[3];
  int status = 1;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  source = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  folder = g_build_filename (tmp, "records", NULL);
  copy_folder (source, folder);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);

  g_test_add_func ("/records-folder/search-view", test_search_view);
  g_test_add_func ("/records-folder/present-all-keeps-undated", test_present_all_keeps_undated);
  g_test_add_func ("/records-folder/reload-change", test_reload_change);
  g_test_add_func ("/records-folder/reload-unreadable", test_reload_unreadable);
  g_test_add_func ("/records-folder/reload-kiosk-waits", test_reload_kiosk_waits);

  records_arg = g_strconcat ("--records=", folder, NULL);
  app_argv[0] = (char *) "lgsm-exhibition";
  app_argv[1] = records_arg;
  app_argv[2] = NULL;
  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  return status;
}
