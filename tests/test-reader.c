/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading aloud in the real application under Xvfb: "Read This Aloud"
 * and Ctrl+R on a record page, the sentence heard highlighted where it is
 * shown, Space to pause and resume, reading that stops when the visitor
 * leaves, R on slides, Welsh with the Welsh voice, the errors (no voice,
 * no audio output) with the app still working, and frames that keep
 * coming while a long record is made into speech. The sound goes to a
 * fake sink that plays in real time and needs no device. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "lgsm-application.h"
#include "lgsm-presentation.h"
#include "lgsm-reader.h"
#include "lgsm-record-page.h"
#include "lgsm-slide.h"
#include "lgsm-speech-text.h"
#include "lgsm-test-util.h"
#include "lgsm-window.h"

#define GOOD_SINK "fakesink sync=true"

static LgsmApplication *app;
static LgsmWindow *window;
static LgsmReader *reader;
static char *last_text;
static char *last_language;

static void
on_spoken (LgsmReader *reader,
           const char *text,
           const char *language)
{
  g_free (last_text);
  g_free (last_language);
  last_text = g_strdup (text);
  last_language = g_strdup (language);
}

/* The window on show, and its reader, whose texts are watched. */
static void
use_active_window (void)
{
  window = LGSM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  if (reader != lgsm_window_get_reader (window))
    {
      reader = lgsm_window_get_reader (window);
      g_signal_connect (reader, "spoken", G_CALLBACK (on_spoken), NULL);
    }
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done, or fails after a generous deadline. */
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
xdotool_key (const char *key)
{
  const char *argv[] = { "xdotool", "key", key, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static GtkWidget *
find_by_class (GtkWidget  *root,
               const char *css_class)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
record_page (void)
{
  GtkWidget *page = find_by_class (GTK_WIDGET (window), "record-column");

  g_assert_nonnull (page);
  return gtk_widget_get_ancestor (page, LGSM_TYPE_RECORD_PAGE);
}

static const char *
button_text (void)
{
  GtkWidget *button = find_by_class (record_page (), "read-aloud");
  GtkWidget *label;

  g_assert_nonnull (button);
  label = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (button)));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The highlight in @label: the range of its background attribute. */
static gboolean
highlighted_range (GtkLabel *label,
                   guint    *start,
                   guint    *end)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrIterator) iter = NULL;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      PangoAttribute *background = pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND);
      if (background)
        {
          *start = background->start_index;
          *end = background->end_index;
          return TRUE;
        }
    }
  while (pango_attr_iterator_next (iter));
  return FALSE;
}

static char *
spoken_form (const char *text)
{
  return lgsm_speech_text_normalise (text, "en");
}

static LgsmRecord *
open_record (const char *id)
{
  LgsmRecord *record = lgsm_exhibition_lookup (lgsm_application_get_exhibition (app), id);

  g_assert_nonnull (record);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", id);
  lgsm_test_settle ();
  g_assert_cmpstr (lgsm_window_get_record_id (window), ==, id);
  return record;
}

/* The button (its action, win.read-aloud, with Ctrl+R): the record is
 * read in order, and each sentence is highlighted in the label that shows
 * it while it is heard. */
static void
test_read_record (void)
{
  LgsmRecord *record = open_record ("lgsm");
  GtkWidget *title = find_by_class (record_page (), "record-title");
  GtkWidget *date = find_by_class (record_page (), "record-date");
  g_autofree char *spoken_title = spoken_form (lgsm_record_get_title (record));
  const LgsmSpeechSentence *sentence;
  guint start, end;

  g_assert_cmpstr (button_text (), ==, "Read This Aloud");
  xdotool_key ("ctrl+r");
  WAIT_FOR (lgsm_reader_is_active (reader));
  /* the whole record, title first and the picture last, to the voice */
  g_assert_true (g_str_has_prefix (last_text, spoken_title));
  g_assert_nonnull (strstr (last_text, "Picture: "));
  g_assert_cmpstr (last_language, ==, "en");
  g_assert_true (lgsm_reader_get_record (reader) == record);

  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_PLAYING);
  g_assert_cmpstr (button_text (), ==, "Pause");
  g_assert_true (lgsm_reader_get_available (reader));

  /* the title while it is heard */
  WAIT_FOR (lgsm_reader_get_sentence (reader) != NULL);
  sentence = lgsm_reader_get_sentence (reader);
  g_assert_cmpstr (sentence->field, ==, "title");
  g_assert_true (gtk_widget_has_css_class (title, "reading-aloud"));
  g_assert_true (highlighted_range (GTK_LABEL (title), &start, &end));
  g_assert_cmpuint (start, ==, sentence->start);
  g_assert_cmpuint (end, ==, sentence->end);
  g_assert_cmpuint (end, ==, strlen (gtk_label_get_text (GTK_LABEL (title))));

  /* then the date, and the title is plain again */
  WAIT_FOR (g_strcmp0 (lgsm_reader_get_sentence (reader)->field, "title") != 0);
  g_assert_cmpstr (lgsm_reader_get_sentence (reader)->field, ==, "date");
  g_assert_true (gtk_widget_has_css_class (date, "reading-aloud"));
  g_assert_true (highlighted_range (GTK_LABEL (date), &start, &end));
  g_assert_false (gtk_widget_has_css_class (title, "reading-aloud"));
  g_assert_false (highlighted_range (GTK_LABEL (title), &start, &end));
}

/* Space pauses and resumes (as does the button); the place is kept. */
static void
test_pause_resume (void)
{
  const LgsmSpeechSentence *sentence;

  g_assert_cmpint (lgsm_reader_get_state (reader), ==, LGSM_READER_PLAYING);
  xdotool_key ("space");
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_PAUSED);
  g_assert_cmpstr (button_text (), ==, "Resume");
  sentence = lgsm_reader_get_sentence (reader);
  g_assert_nonnull (sentence);
  lgsm_test_settle ();
  g_assert_true (lgsm_reader_get_sentence (reader) == sentence);

  xdotool_key ("space");
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_PLAYING);
  g_assert_cmpstr (button_text (), ==, "Pause");
  /* the button does the same */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-aloud", NULL);
  g_assert_cmpint (lgsm_reader_get_state (reader), ==, LGSM_READER_PAUSED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-aloud", NULL);
  g_assert_cmpint (lgsm_reader_get_state (reader), ==, LGSM_READER_PLAYING);
}

/* Another record, or back: the reading stops and nothing stays lit. */
static void
test_stops_when_leaving (void)
{
  g_assert_true (lgsm_reader_is_active (reader));
  open_record ("pits-and-perverts");
  g_assert_cmpint (lgsm_reader_get_state (reader), ==, LGSM_READER_STOPPED);
  g_assert_null (find_by_class (GTK_WIDGET (window), "reading-aloud"));
  g_assert_cmpstr (button_text (), ==, "Read This Aloud");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-aloud", NULL);
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_PLAYING);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  lgsm_test_settle ();
  g_assert_cmpint (lgsm_reader_get_state (reader), ==, LGSM_READER_STOPPED);
  g_assert_null (lgsm_reader_get_record (reader));
}

static const char *
notice_text (void)
{
  GtkWidget *notice = find_by_class (GTK_WIDGET (window), "notice-banner");

  return notice ? gtk_label_get_text (GTK_LABEL (notice)) : NULL;
}

/* No voice for the language: said, and the text stays on screen. */
static void
test_no_voice (void)
{
  LgsmRecord *record = open_record ("lgsm");

  lgsm_reader_read_record (reader, record, "xx");
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_STOPPED);
  g_assert_nonnull (lgsm_reader_get_message (reader));
  g_assert_nonnull (strstr (lgsm_reader_get_message (reader), "no voice"));
  g_assert_nonnull (strstr (lgsm_reader_get_message (reader), "“xx”"));
  lgsm_test_settle ();
  g_assert_cmpstr (notice_text (), ==, lgsm_reader_get_message (reader));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_by_class (record_page (), "record-title"))), ==,
                   lgsm_record_get_title (record));
}

/* No audio output (or no GStreamer element for it): reading aloud is
 * unavailable, the window says so, and everything else goes on. */
static void
test_no_audio_output (void)
{
  open_record ("pits-and-perverts");
  g_setenv ("LGSM_AUDIO_SINK", "lgsm-no-such-audio-sink", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-aloud", NULL);
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_STOPPED && lgsm_reader_get_message (reader));
  g_assert_true (g_str_has_prefix (lgsm_reader_get_message (reader), "Reading aloud is unavailable"));
  g_assert_false (lgsm_reader_get_available (reader));
  lgsm_test_settle ();
  g_assert_cmpstr (notice_text (), ==, lgsm_reader_get_message (reader));
  g_assert_cmpstr (button_text (), ==, "Read This Aloud");

  /* the app goes on: another record opens, and with an output it reads */
  open_record ("lgsm");
  g_setenv ("LGSM_AUDIO_SINK", GOOD_SINK, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-aloud", NULL);
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_PLAYING);
  g_assert_true (lgsm_reader_get_available (reader));
  g_assert_null (lgsm_reader_get_message (reader));
  lgsm_reader_stop (reader);
}

/* The desktop's default output, where there is no sound card (as on CI
 * machines): GStreamer settles for a fake sink, and that is "no audio
 * output", not a reading nobody hears. */
static void
test_no_audio_device (void)
{
  open_record ("lgsm");
  g_unsetenv ("LGSM_AUDIO_SINK");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-aloud", NULL);
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_PLAYING ||
            (lgsm_reader_get_state (reader) == LGSM_READER_STOPPED && lgsm_reader_get_message (reader)));
  g_setenv ("LGSM_AUDIO_SINK", GOOD_SINK, TRUE);
  if (lgsm_reader_get_state (reader) == LGSM_READER_PLAYING)
    {
      lgsm_reader_stop (reader);
      g_test_skip ("this machine has an audio output");
      return;
    }
  g_assert_cmpstr (lgsm_reader_get_message (reader), ==, "Reading aloud is unavailable: no audio output was found");
  g_assert_false (lgsm_reader_get_available (reader));
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

/* A long record: the bodies of the first @n records of the exhibition,
 * one after another, as one record of a folder of its own. */
static LgsmExhibition *
long_record (guint n)
{
  GListModel *sections = lgsm_exhibition_get_sections (lgsm_application_get_exhibition (app));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgsm-test-reader-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "history.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  LgsmExhibition *exhibition = lgsm_exhibition_new ();
  guint taken = 0;

  g_assert_no_error (error);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "section");
  json_builder_add_string_value (builder, "history");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "History");
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, "Every record's text, one after another.");
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "long");
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "event");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "A long record");
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, "The text of many records.");
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "Test fixture");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  for (guint s = 0; s < g_list_model_get_n_items (sections) && taken < n; s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);

      for (guint i = 0; i < g_list_model_get_n_items (records) && taken < n; i++, taken++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          const char * const *body = lgsm_record_get_body (record);

          for (guint b = 0; body[b]; b++)
            json_builder_add_string_value (builder, body[b]);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);

  g_assert_true (lgsm_exhibition_load_directory (exhibition, folder, "/org/lgsm/Exhibition/", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_exhibition_get_problems (exhibition)), ==, 0);
  g_unlink (path);
  g_rmdir (dir);
  return exhibition;
}

/* Speech never blocks a frame: while the voice makes a long record into
 * sound, and as it starts to be heard, the window keeps drawing (each
 * frame asked for as an animation would). */
static void
test_frames_keep_coming (void)
{
  g_autoptr(LgsmExhibition) exhibition = long_record (12);
  LgsmRecord *record = lgsm_exhibition_lookup (exhibition, "long");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  guint painted = 0, while_making, while_starting;
  gulong handler;
  gint64 started, made;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  started = g_get_monotonic_time ();
  lgsm_reader_read_record (reader, record, "en");
  while (lgsm_reader_get_state (reader) == LGSM_READER_SYNTHESISING)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  made = g_get_monotonic_time ();
  while_making = painted;
  g_assert_cmpint (lgsm_reader_get_state (reader), ==, LGSM_READER_PLAYING);

  /* heard: frames go on until the second sentence */
  while (lgsm_reader_get_sentence (reader) == NULL ||
         g_str_equal (lgsm_reader_get_sentence (reader)->field, "title"))
    {
      g_assert_cmpint (lgsm_reader_get_state (reader), ==, LGSM_READER_PLAYING);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  while_starting = painted - while_making;
  g_signal_handler_disconnect (clock, handler);
  g_test_message ("%u frames in the %.0f ms the voice took to make a long record into sound, "
                  "%u frames while its title was heard",
                  while_making, (made - started) / 1000.0, while_starting);
  /* had the voice run on the main thread, no frame could have been drawn */
  g_assert_cmpuint (while_making, >=, 2);
  g_assert_cmpuint (while_starting, >=, 2);
  lgsm_reader_stop (reader);
}

/* R on a slide reads its record; the title is lit on the slide; the next
 * slide stops it. */
static void
test_slides (void)
{
  LgsmPresentation *presentation = NULL;
  LgsmReader *slides_reader;
  GtkWidget *title;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  lgsm_test_settle ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LGSM_IS_PRESENTATION (l->data))
      presentation = l->data;
  g_assert_nonnull (presentation);

  g_assert_true (lgsm_presentation_handle_key (presentation, GDK_KEY_r, 0));
  slides_reader = g_object_get_data (G_OBJECT (presentation), "lgsm-reader");
  g_assert_nonnull (slides_reader);
  g_assert_true (lgsm_reader_get_record (slides_reader) ==
                 lgsm_presentation_get_record (presentation, lgsm_presentation_get_slide (presentation)));
  WAIT_FOR (lgsm_reader_get_sentence (slides_reader) != NULL);
  g_assert_cmpstr (lgsm_reader_get_sentence (slides_reader)->field, ==, "title");
  title = find_by_class (GTK_WIDGET (presentation), "reading-aloud");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_has_css_class (title, "slide-title"));

  /* R again pauses */
  g_assert_true (lgsm_presentation_handle_key (presentation, GDK_KEY_r, 0));
  g_assert_cmpint (lgsm_reader_get_state (slides_reader), ==, LGSM_READER_PAUSED);
  g_assert_true (lgsm_presentation_handle_key (presentation, GDK_KEY_r, 0));
  g_assert_cmpint (lgsm_reader_get_state (slides_reader), ==, LGSM_READER_PLAYING);

  g_assert_true (lgsm_presentation_handle_key (presentation, GDK_KEY_Right, 0));
  g_assert_cmpint (lgsm_reader_get_state (slides_reader), ==, LGSM_READER_STOPPED);
  g_assert_null (find_by_class (GTK_WIDGET (presentation), "reading-aloud"));
  gtk_window_destroy (GTK_WINDOW (presentation));
  lgsm_test_settle ();
}

static void
on_old_reader_state (LgsmReader *old,
                     GParamSpec *pspec,
                     gboolean   *played)
{
  if (lgsm_reader_get_state (old) == LGSM_READER_PLAYING)
    *played = TRUE;
}

/* In Welsh, the Welsh text with the Welsh voice. A reading still being
 * prepared when the language changes (the window is made again) is never
 * heard. */
static void
test_welsh (void)
{
  LgsmRecord *record;
  LgsmReader *old = reader;
  g_autofree char *title = NULL;
  gboolean played = FALSE;

  open_record ("lgsm");
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
  g_signal_connect (old, "notify::state", G_CALLBACK (on_old_reader_state), &played);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-aloud", NULL);
  g_assert_cmpint (lgsm_reader_get_state (old), ==, LGSM_READER_SYNTHESISING);
  lgsm_application_set_language (app, "cy");
  lgsm_test_settle ();
  WAIT_FOR (old == NULL);
  g_assert_false (played);
  use_active_window ();
  record = open_record ("lgsm");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-aloud", NULL);
  g_assert_cmpstr (last_language, ==, "cy");
  title = lgsm_speech_text_normalise (lgsm_record_get_title (record), "cy");
  g_assert_true (g_str_has_prefix (last_text, title));
  WAIT_FOR (lgsm_reader_get_state (reader) == LGSM_READER_PLAYING);
  g_assert_cmpstr (button_text (), ==, "Oedi");
  lgsm_reader_stop (reader);
  lgsm_application_set_language (app, "en");
  lgsm_test_settle ();
  use_active_window ();
}

static gboolean
run_tests (gpointer data)
{
  int *status = data;
  const char *argv[] = { "xdotool", "mousemove", "640", "400", NULL };

  use_active_window ();
  /* keys go to the window under the pointer (no window manager) */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  lgsm_test_settle ();
  *status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { "lgsm-exhibition", "--lang=en", NULL };
  int status = 1;

  setlocale (LC_ALL, "C.UTF-8");
  lgsm_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LGSM_AUDIO_SINK", GOOD_SINK, TRUE);

  g_test_add_func ("/reader/read-record", test_read_record);
  g_test_add_func ("/reader/pause-resume", test_pause_resume);
  g_test_add_func ("/reader/stops-when-leaving", test_stops_when_leaving);
  g_test_add_func ("/reader/no-voice", test_no_voice);
  g_test_add_func ("/reader/no-audio-output", test_no_audio_output);
  g_test_add_func ("/reader/no-audio-device", test_no_audio_device);
  g_test_add_func ("/reader/frames-keep-coming", test_frames_keep_coming);
  g_test_add_func ("/reader/slides", test_slides);
  g_test_add_func ("/reader/welsh", test_welsh);

  app = lgsm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, run_tests, &status);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  g_free (last_text);
  g_free (last_language);
  return status;
}
