/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-audio-guide.h"
#include "lgsm-handout.h"
#include "lgsm-kiosk.h"
#include "lgsm-lesson-dialog.h"
#include "lgsm-lesson-store.h"
#include "lgsm-presentation.h"
#include "lgsm-problems-dialog.h"
#include "lgsm-reader.h"
#include "lgsm-record-page.h"
#include "lgsm-sections.h"
#include "lgsm-window-private.h"

/* The window's actions (win.*): what a visitor, a teacher or a curator
 * asks of the window, and the dialogs and windows they open. */

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lgsm_window_open_record (LGSM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lgsm_window_go_back (LGSM_WINDOW (widget));
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lgsm_window_show_section (LGSM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lgsm_window_begin_search (LGSM_WINDOW (widget));
}

/* "Did you mean …": search for that instead */
static void
search_for_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);

  gtk_window_present (lgsm_problems_dialog_new (GTK_WINDOW (self), self->context));
}

/* ---- presenting --------------------------------------------------------- */

typedef struct {
  GWeakRef  window;
  guint     cookie;
} PresentingState;

/* The presentation has closed: the screen may blank again, and the main
 * window comes back where it was. */
static void
on_presentation_destroyed (GtkWidget       *presentation,
                           PresentingState *state)
{
  g_autoptr(GtkWindow) window = g_weak_ref_get (&state->window);
  GtkApplication *app = window ? gtk_window_get_application (window) : NULL;

  if (app && state->cookie)
    gtk_application_uninhibit (app, state->cookie);
  if (window && !gtk_widget_get_visible (GTK_WIDGET (window)))
    gtk_window_present (window);
  g_weak_ref_clear (&state->window);
  g_free (state);
}

/* The slides in front and focused, on every desktop: the presentation is
 * presented with the time of the key or click that asked for it (window
 * managers give focus to the newest user action; mutter put the slides
 * behind the main window otherwise), and the main window is hidden while
 * the slides are shown, so nothing of the app can be stacked above them or
 * keep the keyboard; it comes back when the presentation closes. The
 * screen saver is held off meanwhile. */
void
lgsm_window_start_presentation (LgsmWindow *self,
                                GListModel *slides,
                                const char *title,
                                guint       first)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint32 time = self->user_time;
  LgsmPresentation *presentation;
  PresentingState *state;

  if (g_list_model_get_n_items (slides) == 0)
    return;
  presentation = lgsm_presentation_new (app, self->context, slides, title);
  lgsm_presentation_set_slide (presentation, first);

  state = g_new0 (PresentingState, 1);
  g_weak_ref_init (&state->window, self);
  if (app)
    state->cookie = gtk_application_inhibit (app, GTK_WINDOW (presentation), GTK_APPLICATION_INHIBIT_IDLE,
                                             /* Translators: why the screen saver is held off */
                                             _("Presenting slides"));
  g_signal_connect (presentation, "destroy", G_CALLBACK (on_presentation_destroyed), state);

  lgsm_presentation_start (presentation);
  gtk_window_present_with_time (GTK_WINDOW (presentation), time ? time : GDK_CURRENT_TIME);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* F5: the tab on show, from the record on show if there is one */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  const char *id = lgsm_window_get_section (self);
  LgsmRecord *record = lgsm_exhibition_lookup (self->exhibition, self->record_id);
  g_autoptr(GListModel) slides = NULL;
  guint first = 0;

  if (record && lgsm_sections_is_tab (lgsm_record_get_section (record)))
    id = lgsm_record_get_section (record);
  slides = lgsm_window_section_slides (self, id);
  for (guint i = 0; record && i < g_list_model_get_n_items (slides); i++)
    {
      g_autoptr(LgsmRecord) item = g_list_model_get_item (slides, i);
      if (item == record)
        first = i;
    }
  lgsm_window_start_presentation (self, slides,
                                  lgsm_section_get_title (lgsm_exhibition_get_section (self->exhibition, id)),
                                  first);
}

static void
present_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  g_autoptr(GListModel) slides = lgsm_window_all_slides (self);

  lgsm_window_start_presentation (self, slides, _("The whole exhibition"), 0);
}

/* ---- lessons and handouts ------------------------------------------------ */

static gboolean
hide_notice (gpointer data)
{
  LgsmWindow *self = data;

  self->notice_timeout = 0;
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

void
lgsm_window_show_notice (LgsmWindow *self,
                         const char *text)
{
  gtk_label_set_text (self->notice_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  self->notice_timeout = g_timeout_add_seconds (4, hide_notice, self);
}

static void
lessons_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (lgsm_lesson_dialog_new (GTK_WINDOW (self), self->context)));
}

static void
on_current_lesson_changed (LgsmWindow *self)
{
  LgsmLesson *current = lgsm_lesson_store_get_current (self->lessons);

  if (self->current_lesson != current)
    {
      if (self->current_lesson)
        g_signal_handlers_disconnect_by_func (self->current_lesson, on_current_lesson_changed, self);
      g_set_object (&self->current_lesson, current);
      if (current)
        g_signal_connect_object (current, "changed", G_CALLBACK (on_current_lesson_changed), self, G_CONNECT_SWAPPED);
    }
  g_object_notify (G_OBJECT (self), "in-lesson");
}

static LgsmLessonStore *
lesson_store (LgsmWindow *self)
{
  if (self->lessons == NULL)
    {
      self->lessons = g_object_ref (lgsm_context_get_lesson_store (self->context));
      g_signal_connect_object (self->lessons, "notify::current-lesson",
                               G_CALLBACK (on_current_lesson_changed), self, G_CONNECT_SWAPPED);
      on_current_lesson_changed (self);
    }
  return self->lessons;
}

void
lgsm_window_forget_lessons (LgsmWindow *self)
{
  if (self->current_lesson)
    g_signal_handlers_disconnect_by_func (self->current_lesson, on_current_lesson_changed, self);
  g_clear_object (&self->current_lesson);
  g_clear_object (&self->lessons);
}

/* Whether the record on show is in the lesson "Add to Lesson" adds to:
 * the state of win.add-to-lesson (Ctrl+D), which toggles it. */
gboolean
lgsm_window_get_in_lesson (LgsmWindow *self)
{
  LgsmLesson *current;

  if (self->record_id == NULL)
    return FALSE;
  current = lgsm_lesson_store_get_current (lesson_store (self));
  return current && lgsm_lesson_contains (current, self->record_id);
}

void
lgsm_window_set_in_lesson (LgsmWindow *self,
                           gboolean    in_lesson)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean added = FALSE;
  LgsmLesson *lesson;
  guint n;

  if (self->record_id == NULL || self->kiosk || lgsm_window_get_in_lesson (self) == !!in_lesson)
    return;
  if (!lgsm_lesson_store_toggle (lesson_store (self), self->record_id, &added, &error))
    {
      lgsm_window_show_notice (self, error->message);
      return;
    }
  lesson = lgsm_lesson_store_get_current (self->lessons);
  n = lgsm_lesson_get_n_items (lesson);
  if (added)
    /* Translators: after adding a record to a lesson path: the lesson's name and its size */
    text = g_strdup_printf (ngettext ("Added to “%s”, which now has %u record",
                                      "Added to “%s”, which now has %u records", n),
                            lgsm_lesson_get_name (lesson), n);
  else
    /* Translators: after taking a record out of a lesson path (Ctrl+D again): the lesson's name and its size */
    text = g_strdup_printf (ngettext ("Removed from “%s”, which now has %u record",
                                      "Removed from “%s”, which now has %u records", n),
                            lgsm_lesson_get_name (lesson), n);
  lgsm_window_show_notice (self, text);
  g_object_notify (G_OBJECT (self), "in-lesson");
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  const char *id = lgsm_window_get_section (self);
  g_autoptr(GListModel) records = lgsm_window_section_slides (self, id);
  LgsmSection *section = lgsm_exhibition_get_section (self->exhibition, id);

  lgsm_handout_print (GTK_WINDOW (self), section ? lgsm_section_get_title (section) : "", records);
}

/* ---- kiosk -------------------------------------------------------------- */

static void
kiosk_reset (gpointer data)
{
  lgsm_window_reset_home (data);
}

/* Full screen and undecorated (with no window manager to make it full
 * screen, it is made the monitor's size), nothing that quits or leaves the
 * exhibition, the lock-down of LgsmKiosk (keys, menus, the Inspector), the
 * navigation bar on screen, and the idle reset and attract loop with the
 * timings and PIN of the context's settings. */
void
lgsm_window_lock_for_kiosk (LgsmWindow *self)
{
  static const char *locked[] = {
    "win.fullscreen", "win.lessons", "win.print", "win.present", "win.present-all",
    "win.add-to-lesson", "win.show-problems", "window.close", "window.minimize",
    "window.toggle-maximized",
  };
  GSettings *settings = lgsm_context_get_settings (self->context);
  g_autofree char *pin = g_settings_get_string (settings, "kiosk-pin");
  guint idle_seconds = g_settings_get_uint (settings, "idle-seconds");
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkShortcutsWindow *help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  GAction *show_help;

  if (self->kiosk)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), locked[i], FALSE);
  /* no shortcuts window: it lists keys that a kiosk does not have */
  g_clear_handle_id (&self->help_overlay_idle, g_source_remove);
  if (help)
    {
      /* the app window holds a reference until it lets go of it */
      gtk_window_destroy (GTK_WINDOW (help));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), NULL);
    }
  show_help = g_action_map_lookup_action (G_ACTION_MAP (self), "show-help-overlay");
  if (G_IS_SIMPLE_ACTION (show_help))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (show_help), FALSE);
  gtk_widget_set_visible (self->menu_button, FALSE);
  gtk_widget_set_visible (self->present_button, FALSE);
  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  if (g_list_model_get_n_items (monitors) > 0)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
    }
  gtk_window_fullscreen (GTK_WINDOW (self));

  /* the window's child; not a bound template child, which GtkWindow's own
   * dispose would then unparent a second time */
  self->kiosk = lgsm_kiosk_new (GTK_WINDOW (self), GTK_OVERLAY (gtk_window_get_child (GTK_WINDOW (self))),
                                self->exhibition, kiosk_reset, self);
  lgsm_kiosk_set_timings (self->kiosk, MAX (idle_seconds, 1) * 1000, 15, 1000, 8000);
  lgsm_kiosk_set_pin (self->kiosk, pin);
  lgsm_window_update_nav_bar (self);
}

/* ---- reading aloud (issue 19) ------------------------------------------------ */

/* Ctrl+R and the record page's button: read the record on show aloud;
 * while it is read, pause, resume (or stop while the voice prepares it). */
static void
read_aloud_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LgsmWindow *self = LGSM_WINDOW (widget);
  LgsmRecord *record = self->record_id ? lgsm_exhibition_lookup (self->exhibition, self->record_id) : NULL;

  if (record == NULL)
    return;
  if (lgsm_reader_is_active (self->reader) && lgsm_reader_get_record (self->reader) == record)
    lgsm_reader_toggle (self->reader);
  else
    lgsm_reader_read_record (self->reader, record, lgsm_context_get_language (self->context));
}

/* Reading stops when the visitor leaves the record (the guide's own
 * announcements are not a record's reading and go on). */
static void
on_record_shown (LgsmWindow *self)
{
  LgsmRecord *reading = lgsm_reader_get_record (self->reader);

  if (self->record_page)
    lgsm_record_page_set_reader (self->record_page, self->reader);
  if (reading && g_strcmp0 (lgsm_record_get_id (reading), self->record_id) != 0)
    lgsm_reader_stop (self->reader);
}

/* No voice for the language, no audio output: said in the notice banner;
 * the text stays on screen and the app goes on. */
static void
on_reader_message (LgsmWindow *self)
{
  const char *message = lgsm_reader_get_message (self->reader);

  if (message)
    lgsm_window_show_notice (self, message);
}

/* Space pauses and resumes a reading, wherever the focus is but in text. */
static gboolean
on_reading_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LgsmWindow            *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) ||
      !lgsm_reader_is_active (self->reader) || lgsm_reader_get_record (self->reader) == NULL ||
      (focus && (GTK_IS_EDITABLE (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_TEXT))))
    return FALSE;
  lgsm_reader_toggle (self->reader);
  return TRUE;
}

static void
update_audio_guide (LgsmWindow *self)
{
  lgsm_audio_guide_set_enabled (self->audio_guide,
                                self->kiosk != NULL && lgsm_context_get_audio_guide (self->context));
}

/* The window's reader (the record page's button, Ctrl+R, Space) and, in
 * a kiosk with the audio-guide setting, the audio guide. */
void
lgsm_window_setup_reading (LgsmWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->reader = lgsm_reader_new ();
  g_signal_connect_object (self->reader, "notify::message", G_CALLBACK (on_reader_message), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::record-id", G_CALLBACK (on_record_shown), NULL);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_reading_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->audio_guide = lgsm_audio_guide_new (GTK_WINDOW (self), self->reader);
  lgsm_audio_guide_set_kiosk (self->audio_guide, self->kiosk);
  g_signal_connect_object (self->context, "notify::audio-guide", G_CALLBACK (update_audio_guide), self, G_CONNECT_SWAPPED);
  update_audio_guide (self);
}

/* Returns: (transfer none) */
LgsmReader *
lgsm_window_get_reader (LgsmWindow *self)
{
  g_return_val_if_fail (LGSM_IS_WINDOW (self), NULL);
  return self->reader;
}

/* Returns: (transfer none) */
LgsmAudioGuide *
lgsm_window_get_audio_guide (LgsmWindow *self)
{
  g_return_val_if_fail (LGSM_IS_WINDOW (self), NULL);
  return self->audio_guide;
}

void
lgsm_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-record", "s", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_for_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.lessons", NULL, lessons_action);
  gtk_widget_class_install_property_action (widget_class, "win.add-to-lesson", "in-lesson");
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.present-all", NULL, present_all_action);
  gtk_widget_class_install_action (widget_class, "win.read-aloud", NULL, read_aloud_action);
}
