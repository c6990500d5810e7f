/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The language menu (issue 23) ticks the language in use: started with
 * --lang=cy it ticks "Cymraeg", not "Desktop Language"; choosing the
 * desktop's language or English moves the tick. Drives the real
 * application under Xvfb and reads the menu's own buttons. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "lgsm-application.h"
#include "lgsm-language.h"
#include "lgsm-test-util.h"
#include "lgsm-window.h"

static LgsmApplication *app;

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The menu's item labelled @text (GtkModelButton is GTK's own type). */
static GtkWidget *
find_item (GtkWidget  *root,
           const char *text)
{
  GType model_button = g_type_from_name ("GtkModelButton");

  if (model_button && G_TYPE_CHECK_INSTANCE_TYPE (root, model_button))
    {
      g_autofree char *label = NULL;

      g_object_get (root, "text", &label, NULL);
      if (g_strcmp0 (label, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item (child, text);
      if (found)
        return found;
    }
  return NULL;
}

/* Opens the main menu of the window on show and says whether the item
 * labelled @text is ticked. */
static gboolean
is_ticked (const char *text)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *item;
  gboolean active = FALSE;

  g_assert_true (LGSM_IS_WINDOW (window));
  button = find_by_type (window, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  lgsm_test_settle ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  item = find_item (popover, text);
  if (item == NULL)
    g_error ("the menu has no item “%s”", text);
  g_object_get (item, "active", &active, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  lgsm_test_settle ();
  return active;
}

static void
choose (const char *lang)
{
  g_action_group_change_action_state (G_ACTION_GROUP (app), "language", g_variant_new_string (lang));
  lgsm_test_settle ();
}

static void
test_tick_after_lang_option (void)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app), "language");

  /* started with --lang=cy: the menu is in Welsh and ticks Welsh */
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "cy");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "cy");
  g_assert_cmpstr (_("Desktop Language"), !=, "Desktop Language");
  g_assert_true (is_ticked ("Cymraeg"));
  g_assert_false (is_ticked (_("Desktop Language")));
  g_assert_false (is_ticked ("English"));

  choose ("");
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "");
  g_assert_true (is_ticked ("Desktop Language"));
  g_assert_false (is_ticked ("Cymraeg"));

  choose ("en");
  g_assert_true (is_ticked ("English"));
  g_assert_false (is_ticked ("Desktop Language"));
  g_assert_false (is_ticked ("Cymraeg"));

  /* a language the app has no translation for changes nothing */
  choose ("xx");
  g_assert_cmpstr (lgsm_application_get_language (app), ==, "en");
  g_assert_true (is_ticked ("English"));
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  lgsm_test_settle ();
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--lang=cy", "--section=history", NULL };
  int status = 1;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language-menu/tick-after-lang-option", test_tick_after_lang_option);

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 3, app_argv);
  g_clear_object (&app);
  return status;
}
