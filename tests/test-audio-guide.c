/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audio-led kiosk under Xvfb, driven by real key presses (xdotool,
 * through the X server as a keypad's would come) and a real long press:
 * the guide waits, a keypad key starts it, every move of the focus is
 * spoken, Enter opens a record and then reads it, Escape goes back, plus
 * and minus set the volume, and the idle reset is announced before it
 * happens. What is spoken is what the reader hands to the voice (its
 * "spoken" signal); the sound goes to a fake sink that needs no device. */
#include <locale.h>
#include <string.h>

#include "lgsm-application.h"
#include "lgsm-audio-guide.h"
#include "lgsm-context.h"
#include "lgsm-kiosk.h"
#include "lgsm-reader.h"
#include "lgsm-speech-text.h"
#include "lgsm-record-card.h"
#include "lgsm-test-util.h"
#include "lgsm-window.h"

static LgsmApplication *app;
static LgsmWindow *window;
static LgsmAudioGuide *guide;
static LgsmReader *reader;
static GPtrArray *spoken;   /* every text handed to the voice, in order */

static void
on_spoken (LgsmReader *reader,
           const char *text,
           const char *language)
{
  g_ptr_array_add (spoken, g_strdup (text));
}

static const char *
last_spoken (void)
{
  return spoken->len ? spoken->pdata[spoken->len - 1] : NULL;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done, or fails after a generous deadline (a
 * timeout wakes the loop to look at the clock). */
#define WAIT_FOR(done) G_STMT_START {                                        \
    gint64 deadline_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;        \
    guint wake_ = g_timeout_add (100, wake, NULL);                           \
    while (!(done))                                                          \
      {                                                                      \
        if (g_get_monotonic_time () > deadline_)                             \
          g_error ("timed out waiting for %s", #done);                       \
        g_main_context_iteration (NULL, TRUE);                               \
      }                                                                      \
    g_source_remove (wake_);                                                 \
  } G_STMT_END

static void
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
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* A key of the keypad, pressed and released; returns once the window has
 * had it and something new has been handed to the voice. */
static void
press (const char *key)
{
  guint before = spoken->len;

  xdotool ("key", key, NULL);
  WAIT_FOR (spoken->len > before);
  lgsm_test_iterate ();
}

/* @text as the voice is given it. */
static char *
spoken_form (const char *text)
{
  return lgsm_speech_text_normalise (text, "en");
}

/* What the guide says for the focus, as the voice is given it (numbers,
 * ranges and abbreviations written out). */
static char *
describe_focus (void)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_autofree char *description = NULL;

  g_assert_nonnull (focus);
  description = lgsm_audio_guide_describe (focus);
  g_assert_nonnull (description);
  return lgsm_speech_text_normalise (description, "en");
}

static void
test_waits_for_a_visitor (void)
{
  g_assert_true (lgsm_audio_guide_get_enabled (guide));
  g_assert_false (lgsm_audio_guide_get_active (guide));

  /* a letter is not a keypad key: nothing is said */
  xdotool ("key", "a", NULL);
  lgsm_test_settle ();
  g_assert_false (lgsm_audio_guide_get_active (guide));
  g_assert_cmpuint (spoken->len, ==, 0);
}

/* A press held anywhere for the hold time (shortened here) starts it. */
static void
test_long_press_starts (void)
{
  lgsm_audio_guide_set_hold_ms (guide, 400);
  xdotool ("mousemove", "640", "500", "mousedown", "1", NULL);
  WAIT_FOR (lgsm_audio_guide_get_active (guide));
  xdotool ("mouseup", "1", NULL);
  lgsm_test_settle ();
  g_assert_true (g_str_has_prefix (last_spoken (), "Audio guide."));
  /* the press that started the guide did not also open what was under it */
  g_assert_null (lgsm_window_get_record_id (window));

  lgsm_audio_guide_end (guide);
  g_assert_false (lgsm_audio_guide_get_active (guide));
}

static void
test_keypad_key_starts (void)
{
  g_autofree char *focus = NULL;

  press ("Down");
  g_assert_true (lgsm_audio_guide_get_active (guide));
  /* how it works, then where the focus is */
  g_assert_true (g_str_has_prefix (last_spoken (), "Audio guide. Up and down move through the page"));
  focus = describe_focus ();
  g_assert_nonnull (focus);
  g_test_message ("said “%s”; the focus is on “%s”", last_spoken (), focus);
  g_assert_true (g_str_has_suffix (last_spoken (), focus));
}

/* One press: what has the focus now is said. */
static void
move (const char *key)
{
  g_autofree char *expected = NULL;

  press (key);
  expected = describe_focus ();
  g_test_message ("%s: “%s”", key, last_spoken ());
  g_assert_true (g_str_has_suffix (last_spoken (), expected));
}

static LgsmRecord *
focused_card_record (void)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  GtkWidget *card;

  if (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_GRID_VIEW) == NULL)
    return NULL;
  card = gtk_widget_get_ancestor (focus, LGSM_TYPE_RECORD_CARD);
  for (GtkWidget *child = gtk_widget_get_first_child (focus); card == NULL && child; child = gtk_widget_get_next_sibling (child))
    if (LGSM_IS_RECORD_CARD (child))
      card = child;
  return card ? lgsm_record_card_get_record (LGSM_RECORD_CARD (card)) : NULL;
}

/* Down goes through the page one thing at a time, every move said: the
 * timeline's marks, then the cards one by one; Up comes back; Left and
 * Right change tab. */
static void
test_arrows_speak_each_move (void)
{
  LgsmRecord *first_card, *second_card;
  guint n;

  /* a tab starts at its first thing */
  move ("Right");
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "outlook");
  g_assert_true (g_str_has_prefix (last_spoken (), "Outlook, tab. "));
  move ("Left");
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "history");
  g_assert_true (g_str_has_prefix (last_spoken (), "History, tab. "));
  g_assert_null (focused_card_record ());

  /* down through the timeline's marks to the cards, one at a time */
  for (n = 0; n < 80 && focused_card_record () == NULL; n++)
    {
      GtkWidget *before = gtk_window_get_focus (GTK_WINDOW (window));
      move ("Down");
      g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) != before);
    }
  first_card = focused_card_record ();
  g_assert_nonnull (first_card);
  g_assert_cmpuint (n, >, 1);
  move ("Down");
  second_card = focused_card_record ();
  g_assert_nonnull (second_card);
  g_assert_true (second_card != first_card);
  move ("Up");
  g_assert_true (focused_card_record () == first_card);
  move ("Up");
  g_assert_null (focused_card_record ());
  move ("Down");
  g_assert_true (focused_card_record () == first_card);

  /* round the tabs */
  move ("Left");
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "twinning");
  move ("Right");
  g_assert_cmpstr (lgsm_window_get_section (window), ==, "history");
}

/* Enter on a record: it opens and says its title; Enter again reads it. */
static void
test_enter_opens_and_reads (void)
{
  LgsmExhibition *exhibition = lgsm_application_get_exhibition (app);
  g_autofree char *title = NULL;
  LgsmRecord *record;

  for (guint i = 0; i < 80 && focused_card_record () == NULL; i++)
    press ("Down");
  g_assert_nonnull (focused_card_record ());

  press ("Return");
  g_assert_nonnull (lgsm_window_get_record_id (window));
  record = lgsm_exhibition_lookup (exhibition, lgsm_window_get_record_id (window));
  title = spoken_form (lgsm_record_get_title (record));
  g_assert_true (g_str_has_prefix (last_spoken (), title));
  g_assert_nonnull (strstr (last_spoken (), "Press Enter to hear it"));

  press ("Return");
  g_assert_true (lgsm_reader_get_record (reader) == record);
  g_assert_true (g_str_has_prefix (last_spoken (), title));
  g_assert_nonnull (strstr (last_spoken (), "Picture: "));
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_PLAYING);
}

static void
test_escape_goes_back (void)
{
  LgsmRecord *opened = lgsm_exhibition_lookup (lgsm_application_get_exhibition (app),
                                               lgsm_window_get_record_id (window));

  g_assert_nonnull (opened);
  press ("Escape");
  g_assert_null (lgsm_window_get_record_id (window));
  /* the record's reading stopped with it */
  g_assert_null (lgsm_reader_get_record (reader));
  g_assert_true (g_str_has_prefix (last_spoken (), "Back. "));
  /* and the focus is back on the card that was opened */
  g_assert_true (focused_card_record () == opened);
  {
    g_autofree char *focus = describe_focus ();
    g_assert_true (g_str_has_suffix (last_spoken (), focus));
  }
  /* at the start, Escape says so */
  press ("Escape");
  g_assert_true (g_str_has_prefix (last_spoken (), "This is the start."));
}

static void
test_volume (void)
{
  g_assert_cmpfloat (lgsm_reader_get_volume (reader), ==, 1.0);
  press ("plus");
  g_assert_cmpfloat (lgsm_reader_get_volume (reader), ==, 1.25);
  g_assert_cmpstr (last_spoken (), ==, "Volume 125 per cent");
  press ("minus");
  press ("KP_Subtract");
  g_assert_cmpfloat (lgsm_reader_get_volume (reader), ==, 0.75);
  g_assert_cmpstr (last_spoken (), ==, "Volume 75 per cent");
}

/* The idle countdown is said before the reset; after the reset the guide
 * waits for the next visitor. */
static void
test_idle_reset_is_announced (void)
{
  LgsmKiosk *kiosk = lgsm_window_get_kiosk (window);

  g_assert_true (lgsm_audio_guide_get_active (guide));
  lgsm_kiosk_set_timings (kiosk, 300, 3, 1000, 8000);
  WAIT_FOR (lgsm_kiosk_get_state (kiosk) == LGSM_KIOSK_COUNTDOWN);
  g_assert_nonnull (strstr (last_spoken (), "In 3 seconds the exhibition goes back to the start"));
  g_assert_true (lgsm_audio_guide_get_active (guide));

  WAIT_FOR (lgsm_kiosk_get_state (kiosk) == LGSM_KIOSK_ATTRACT);
  g_assert_false (lgsm_audio_guide_get_active (guide));
  g_assert_cmpint (lgsm_reader_get_state (reader), ==, LGSM_READER_STOPPED);
  lgsm_kiosk_set_timings (kiosk, 90000, 15, 1000, 8000);
  lgsm_kiosk_activity (kiosk);
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;

  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  guide = lgsm_window_get_audio_guide (window);
  reader = lgsm_window_get_reader (window);
  g_signal_connect (reader, "spoken", G_CALLBACK (on_spoken), NULL);
  /* keys go to the window under the pointer (no window manager) */
  xdotool ("mousemove", "640", "400", NULL);
  lgsm_test_settle ();
  *status = g_test_run ();
  lgsm_application_operator_quit (app);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--kiosk", "--audio-guide", NULL };
  int status = 1;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  /* a sink that needs no sound card, playing in real time */
  g_setenv ("LGSM_AUDIO_SINK", "fakesink sync=true", TRUE);
  spoken = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/audio-guide/waits-for-a-visitor", test_waits_for_a_visitor);
  g_test_add_func ("/audio-guide/long-press-starts", test_long_press_starts);
  g_test_add_func ("/audio-guide/keypad-key-starts", test_keypad_key_starts);
  g_test_add_func ("/audio-guide/arrows-speak-each-move", test_arrows_speak_each_move);
  g_test_add_func ("/audio-guide/enter-opens-and-reads", test_enter_opens_and_reads);
  g_test_add_func ("/audio-guide/escape-goes-back", test_escape_goes_back);
  g_test_add_func ("/audio-guide/volume", test_volume);
  g_test_add_func ("/audio-guide/idle-reset-is-announced", test_idle_reset_is_announced);

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 3, app_argv);
  g_clear_object (&app);
  g_ptr_array_unref (spoken);
  return status;
}
