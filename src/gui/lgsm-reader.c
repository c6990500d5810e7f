/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gst/gst.h>
#include <string.h>

#include "lgsm-gui-enums.h"
#include "lgsm-reader.h"
#include "lgsm-speaker.h"
#include "lgsm-speech-cli.h"

/* Reads a record (or a short phrase) aloud: the voice makes the sound on
 * the speech thread (LgsmSpeaker), GStreamer plays it, and the sentence
 * being heard is highlighted in the views that follow the reader.
 *
 * Why GStreamer and not GtkMediaFile: GTK 4.8's GStreamer media module
 * cannot play from a GInputStream (gtk_gst_media_file_open() reaches
 * g_assert_not_reached() and aborts), so a GtkMediaFile would need every
 * reading written to a temporary file; and a GtkMediaStream offers no way
 * to choose the audio output or to tell "no audio device" from "playing".
 * Straight GStreamer plays the samples from memory (appsrc), its pipeline
 * is made (and the audio device opened) on a worker thread so no frame
 * waits for it, LGSM_AUDIO_SINK picks the output (an operator's sound
 * card, or "fakesink sync=true" in tests), and an autoaudiosink that
 * found no device (it falls back to a fakesink) is reported as "reading
 * aloud is unavailable". */

struct _LgsmReader
{
  GObject              parent_instance;

  LgsmSpeaker         *speaker;
  LgsmReaderState      state;
  LgsmRecord          *record;        /* being read, or NULL (a phrase, or nothing) */
  LgsmSpeechRecording *recording;
  const LgsmSpeechSentence *sentence; /* heard now, in recording */
  char                *message;       /* why the last reading failed, or NULL */
  gboolean             available;
  double               volume;

  guint                generation;    /* a reading's callbacks check it is still theirs */
  GCancellable        *cancellable;
  GstElement          *pipeline;
  guint                bus_watch;
  guint                position_timer;

  GPtrArray           *views;         /* GWeakRef: widgets whose marked labels highlight */
  GPtrArray           *buttons;       /* GWeakRef: "Read this aloud" buttons */
  GWeakRef             highlighted;
};

G_DEFINE_FINAL_TYPE (LgsmReader, lgsm_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_RECORD,
  PROP_SENTENCE,
  PROP_MESSAGE,
  PROP_AVAILABLE,
  PROP_VOLUME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_SPOKEN, SIGNAL_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define FIELD_KEY "lgsm-reader-field"
#define ATTRS_KEY "lgsm-reader-attributes"

static void update_highlight (LgsmReader *self);
static void update_buttons   (LgsmReader *self);

/* ---- state ---------------------------------------------------------------- */

static void
set_state (LgsmReader      *self,
           LgsmReaderState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_sentence (LgsmReader               *self,
              const LgsmSpeechSentence *sentence)
{
  if (self->sentence == sentence)
    return;
  self->sentence = sentence;
  update_highlight (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENTENCE]);
}

static void
set_message (LgsmReader *self,
             const char *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
set_available (LgsmReader *self,
               gboolean    available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

/* Ends whatever is being read or made, with no signal but the state's. */
static void
halt (LgsmReader *self)
{
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->position_timer, g_source_remove);
  if (self->bus_watch)
    {
      gst_bus_remove_watch (GST_ELEMENT_BUS (self->pipeline));
      self->bus_watch = 0;
    }
  if (self->pipeline)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      g_clear_pointer (&self->pipeline, gst_object_unref);
    }
  set_sentence (self, NULL);
  g_clear_pointer (&self->recording, lgsm_speech_recording_free);
  if (self->record)
    {
      g_clear_object (&self->record);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
    }
}

/**
 * lgsm_reader_stop:
 *
 * Stops reading; the text on screen is not touched.
 */
void
lgsm_reader_stop (LgsmReader *self)
{
  g_return_if_fail (LGSM_IS_READER (self));

  halt (self);
  set_state (self, LGSM_READER_STOPPED);
}

static void
fail (LgsmReader *self,
      const char *message)
{
  halt (self);
  set_message (self, message);
  set_state (self, LGSM_READER_STOPPED);
}

/* ---- playing ---------------------------------------------------------------- */

/* The sink the sound goes to: LGSM_AUDIO_SINK (a gst-launch description,
 * e.g. "alsasink device=hw:1", or "fakesink sync=true" in tests), else the
 * desktop's default output. */
static const char *
sink_description (void)
{
  const char *sink = g_getenv ("LGSM_AUDIO_SINK");

  return sink && *sink ? sink : "autoaudiosink";
}

/* autoaudiosink settles for a fakesink when no output opens. */
static gboolean
found_no_output (GstElement *pipeline)
{
  g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (pipeline), "output");
  g_autoptr(GstIterator) children = NULL;
  g_auto(GValue) item = G_VALUE_INIT;
  gboolean fake = FALSE;

  if (sink == NULL || !GST_IS_BIN (sink))
    return FALSE;
  children = gst_bin_iterate_elements (GST_BIN (sink));
  while (gst_iterator_next (children, &item) == GST_ITERATOR_OK)
    {
      GstElementFactory *factory = gst_element_get_factory (g_value_get_object (&item));
      const char *name = factory ? gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)) : "";

      if (g_str_equal (name, "fakesink") || g_str_equal (name, "fakeaudiosink"))
        fake = TRUE;
      g_value_reset (&item);
    }
  return fake;
}

/* On a worker thread: GStreamer started (its registry may be scanned the
 * first time), the pipeline made and its output opened. */
static void
make_pipeline (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *sink = sink_description ();
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GError) error = NULL;

  if (!gst_init_check (NULL, NULL, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: shown in the window; GStreamer plays sound; %s is its
                                  error message (in English) */
                               _("Reading aloud is unavailable: GStreamer could not start (%s)"), error->message);
      return;
    }
  description = g_strdup_printf ("appsrc name=source format=time ! audioconvert ! audioresample"
                                 " ! volume name=volume ! %s name=output", sink);
  pipeline = gst_parse_launch (description, &error);
  if (pipeline)
    gst_object_ref_sink (pipeline);
  if (error)
    {
      /* a missing element: gstreamer1.0-plugins-base or -good is not installed */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: shown in the window; GStreamer plays sound; %s is its
                                  error message (in English), naming what is missing */
                               _("Reading aloud is unavailable: part of GStreamer is missing (%s)"), error->message);
      return;
    }
  if (gst_element_set_state (pipeline, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE ||
      found_no_output (pipeline))
    {
      gst_element_set_state (pipeline, GST_STATE_NULL);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               /* Translators: shown in the window when the computer has no sound
                                  card or speakers to play the reading on */
                               _("Reading aloud is unavailable: no audio output was found"));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&pipeline), gst_object_unref);
}

static gboolean
on_position (gpointer data)
{
  LgsmReader *self = data;
  gint64 position;

  if (self->pipeline && self->recording &&
      gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &position) && position >= 0)
    {
      guint64 sample = gst_util_uint64_scale ((guint64) position, self->recording->sample_rate, GST_SECOND);
      const LgsmSpeechSentence *sentence = lgsm_speech_recording_sentence_at (self->recording, sample);

      /* between two sentences, the last one stays lit */
      if (sentence)
        set_sentence (self, sentence);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    data)
{
  LgsmReader *self = data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_EOS:
      self->bus_watch = 0;   /* removed as this returns */
      halt (self);
      set_state (self, LGSM_READER_STOPPED);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      return G_SOURCE_REMOVE;
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *text = NULL;

        self->bus_watch = 0;
        gst_message_parse_error (message, &error, NULL);
        /* Translators: shown in the window when playing the reading failed; %s is GStreamer's
           error message (in English) */
        text = g_strdup_printf (_("Reading aloud is unavailable: %s"), error->message);
        set_available (self, FALSE);
        fail (self, text);
        return G_SOURCE_REMOVE;
      }
    default:
      return G_SOURCE_CONTINUE;
    }
}

static void
start_playing (LgsmReader *self,
               GstElement *pipeline)
{
  g_autoptr(GstElement) source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  g_autoptr(GstElement) volume = gst_bin_get_by_name (GST_BIN (pipeline), "volume");
  g_autoptr(GstCaps) caps = NULL;
  GstBuffer *buffer;
  GstFlowReturn flow;
  guint64 n_samples = lgsm_speech_recording_get_n_samples (self->recording);

  self->pipeline = pipeline;
  caps = gst_caps_new_simple ("audio/x-raw",
                              "format", G_TYPE_STRING, G_BYTE_ORDER == G_LITTLE_ENDIAN ? "S16LE" : "S16BE",
                              "rate", G_TYPE_INT, self->recording->sample_rate,
                              "channels", G_TYPE_INT, 1,
                              "layout", G_TYPE_STRING, "interleaved",
                              NULL);
  g_object_set (source, "caps", caps, NULL);
  g_object_set (volume, "volume", self->volume, NULL);

  /* the samples are handed over as they are, not copied */
  buffer = gst_buffer_new_wrapped_bytes (self->recording->pcm);
  GST_BUFFER_PTS (buffer) = 0;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n_samples, GST_SECOND, self->recording->sample_rate);
  g_signal_emit_by_name (source, "push-buffer", buffer, &flow);
  gst_buffer_unref (buffer);
  g_signal_emit_by_name (source, "end-of-stream", &flow);

  self->bus_watch = gst_bus_add_watch (GST_ELEMENT_BUS (pipeline), on_bus_message, self);
  self->position_timer = g_timeout_add (50, on_position, self);
  set_available (self, TRUE);
  set_state (self, LGSM_READER_PLAYING);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      set_available (self, FALSE);
      /* Translators: shown in the window when the sound card or speakers refused to play */
      fail (self, _("Reading aloud is unavailable: the audio output would not play"));
    }
}

/* A reading's callback: the reader (weakly: a reader that is gone plays
 * nothing) and which of its readings it belongs to. */
typedef struct {
  GWeakRef reader;
  guint    generation;
} Pending;

static Pending *
pending_new (LgsmReader *self)
{
  Pending *pending = g_new (Pending, 1);

  g_weak_ref_init (&pending->reader, self);
  pending->generation = self->generation;
  return pending;
}

static void
pending_free (Pending *pending)
{
  g_weak_ref_clear (&pending->reader);
  g_free (pending);
}

/* Returns: (transfer full) (nullable): the reader, if this is still its
 * reading */
static LgsmReader *
pending_get (Pending *pending)
{
  LgsmReader *self = g_weak_ref_get (&pending->reader);

  if (self && self->generation != pending->generation)
    g_clear_object (&self);
  return self;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
on_pipeline_made (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(Pending) pending = data;
  g_autoptr(LgsmReader) self = pending_get (pending);
  g_autoptr(GError) error = NULL;
  GstElement *pipeline = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL)
    {
      if (pipeline)
        {
          gst_element_set_state (pipeline, GST_STATE_NULL);
          gst_object_unref (pipeline);
        }
      return;
    }
  if (pipeline == NULL)
    {
      set_available (self, FALSE);
      fail (self, error->message);
      return;
    }
  start_playing (self, pipeline);
}

/* The recording is made: open the output (on a worker thread), then play. */
static void
play_recording (LgsmReader          *self,
                LgsmSpeechRecording *recording)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_pipeline_made, pending_new (self));

  self->recording = recording;
  g_task_set_source_tag (task, play_recording);
  g_task_run_in_thread (task, make_pipeline);
}

/* ---- reading ----------------------------------------------------------------- */

static void
on_record_spoken (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(Pending) pending = data;
  g_autoptr(LgsmReader) self = pending_get (pending);
  g_autoptr(GError) error = NULL;
  LgsmSpeechRecording *recording = lgsm_speaker_speak_record_finish (LGSM_SPEAKER (source), result, &error);

  if (self == NULL)
    {
      lgsm_speech_recording_free (recording);
      return;
    }
  if (recording == NULL)
    {
      /* no voice for the language: say so; the text stays on screen */
      fail (self, error->message);
      return;
    }
  play_recording (self, recording);
}

static void
on_phrase_spoken (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(Pending) pending = data;
  g_autoptr(LgsmReader) self = pending_get (pending);
  g_autoptr(GError) error = NULL;
  LgsmSpeechRecording *recording;
  int rate = 0;
  GBytes *pcm = lgsm_speaker_synthesize_finish (LGSM_SPEAKER (source), result, &rate, &error);

  if (self == NULL)
    {
      g_clear_pointer (&pcm, g_bytes_unref);
      return;
    }
  if (pcm == NULL)
    {
      fail (self, error->message);
      return;
    }
  recording = g_new0 (LgsmSpeechRecording, 1);
  recording->pcm = pcm;
  recording->sample_rate = rate;
  recording->sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) lgsm_speech_sentence_free);
  play_recording (self, recording);
}

/* "" or NULL: the language of the interface as it is now */
static char *
voice_language (const char *language)
{
  return language && *language ? g_strdup (language) : lgsm_speech_current_language ();
}

static void
start (LgsmReader *self)
{
  halt (self);
  set_message (self, NULL);
  self->cancellable = g_cancellable_new ();
  set_state (self, LGSM_READER_SYNTHESISING);
}

/**
 * lgsm_reader_read_record:
 * @record: a record, loaded in the language of the interface
 * @language: (nullable): "en", "cy"; NULL or "" for the interface's
 *
 * Reads @record aloud, as lgsm_speech_text_for_record() gives it: title,
 * date, summary, paragraphs, "Picture: …". Anything being read stops.
 */
void
lgsm_reader_read_record (LgsmReader *self,
                         LgsmRecord *record,
                         const char *language)
{
  g_autofree char *lang = voice_language (language);

  g_return_if_fail (LGSM_IS_READER (self));
  g_return_if_fail (LGSM_IS_RECORD (record));

  start (self);
  self->record = g_object_ref (record);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  if (g_signal_has_handler_pending (self, signals[SIGNAL_SPOKEN], 0, FALSE))
    {
      g_autoptr(GPtrArray) sentences = lgsm_speech_text_for_record (record, lang);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < sentences->len; i++)
        {
          const LgsmSpeechSentence *sentence = sentences->pdata[i];
          g_string_append_printf (text, "%s%s", i ? " " : "", sentence->text);
        }
      g_signal_emit (self, signals[SIGNAL_SPOKEN], 0, text->str, lang);
    }
  lgsm_speaker_speak_record_async (self->speaker, record, lang, self->cancellable,
                                   on_record_spoken, pending_new (self));
}

/**
 * lgsm_reader_say:
 * @text: a short text, as shown (numbers and abbreviations are written out
 *   for the voice)
 * @language: (nullable): "en", "cy"; NULL or "" for the interface's
 *
 * Says @text (the audio guide's announcements). Anything being read stops.
 */
void
lgsm_reader_say (LgsmReader *self,
                 const char *text,
                 const char *language)
{
  g_autofree char *lang = voice_language (language);
  g_autofree char *spoken = NULL;

  g_return_if_fail (LGSM_IS_READER (self));
  g_return_if_fail (text != NULL);

  start (self);
  spoken = lgsm_speech_text_normalise (text, lang);
  g_signal_emit (self, signals[SIGNAL_SPOKEN], 0, spoken, lang);
  lgsm_speaker_synthesize_async (self->speaker, lang, spoken, self->cancellable,
                                 on_phrase_spoken, pending_new (self));
}

void
lgsm_reader_pause (LgsmReader *self)
{
  g_return_if_fail (LGSM_IS_READER (self));

  if (self->state != LGSM_READER_PLAYING)
    return;
  gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
  set_state (self, LGSM_READER_PAUSED);
}

void
lgsm_reader_resume (LgsmReader *self)
{
  g_return_if_fail (LGSM_IS_READER (self));

  if (self->state != LGSM_READER_PAUSED)
    return;
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  set_state (self, LGSM_READER_PLAYING);
}

/* Space, or the button while reading: pause, resume; while the voice is
 * still making the sound, stop. */
void
lgsm_reader_toggle (LgsmReader *self)
{
  g_return_if_fail (LGSM_IS_READER (self));

  switch (self->state)
    {
    case LGSM_READER_PLAYING:
      lgsm_reader_pause (self);
      break;
    case LGSM_READER_PAUSED:
      lgsm_reader_resume (self);
      break;
    case LGSM_READER_SYNTHESISING:
      lgsm_reader_stop (self);
      break;
    case LGSM_READER_STOPPED:
    default:
      break;
    }
}

/* ---- what views see ----------------------------------------------------------- */

LgsmReaderState
lgsm_reader_get_state (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), LGSM_READER_STOPPED);
  return self->state;
}

/* Reading, or about to: not stopped. */
gboolean
lgsm_reader_is_active (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), FALSE);
  return self->state != LGSM_READER_STOPPED;
}

/* Returns: (transfer none) (nullable): the record being read */
LgsmRecord *
lgsm_reader_get_record (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), NULL);
  return self->record;
}

/* Returns: (transfer none) (nullable): the sentence being heard: its
 * field, and the bytes it covers in the field's text */
const LgsmSpeechSentence *
lgsm_reader_get_sentence (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), NULL);
  return self->sentence;
}

/* Returns: (nullable): why the last reading did not happen or stopped
 * (no voice for the language, no audio output), for the visitor */
const char *
lgsm_reader_get_message (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), NULL);
  return self->message;
}

/* FALSE once reading aloud found no way to play sound (until it does). */
gboolean
lgsm_reader_get_available (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), FALSE);
  return self->available;
}

double
lgsm_reader_get_volume (LgsmReader *self)
{
  g_return_val_if_fail (LGSM_IS_READER (self), 1.0);
  return self->volume;
}

/* 0 (silent) to 2 (twice as loud as the voice); 1 is the voice as made. */
void
lgsm_reader_set_volume (LgsmReader *self,
                        double      volume)
{
  g_return_if_fail (LGSM_IS_READER (self));

  volume = CLAMP (volume, 0.0, 2.0);
  if (G_APPROX_VALUE (self->volume, volume, 1e-6))
    return;
  self->volume = volume;
  if (self->pipeline)
    {
      g_autoptr(GstElement) element = gst_bin_get_by_name (GST_BIN (self->pipeline), "volume");
      g_object_set (element, "volume", volume, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

/* ---- highlighting -------------------------------------------------------------- */

/**
 * lgsm_reader_mark_field:
 * @widget: a label showing a record's field, or a picture ("image-alt")
 * @field: the field, as LgsmSpeechSentence names it: "title", "date",
 *   "amount", "content-note", "summary", "body-1", …, "image-alt"
 *
 * A label so marked highlights the sentence being read in it (its text
 * must be the field's text as shown, see LgsmSpeechSentence); another
 * widget gets the style class "reading-aloud" while it is read.
 */
void
lgsm_reader_mark_field (GtkWidget  *widget,
                        const char *field)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_object_set_data_full (G_OBJECT (widget), FIELD_KEY, g_strdup (field), g_free);
}

static GtkWidget *
find_marked (GtkWidget  *widget,
             const char *field,
             GtkWidget **unmapped)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), FIELD_KEY), field) == 0)
    {
      if (gtk_widget_get_mapped (widget))
        return widget;
      if (*unmapped == NULL)
        *unmapped = widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_marked (child, field, unmapped);
      if (found)
        return found;
    }
  return NULL;
}

static void
clear_highlight (LgsmReader *self)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&self->highlighted);

  g_weak_ref_set (&self->highlighted, NULL);
  if (widget == NULL)
    return;
  gtk_widget_remove_css_class (widget, "reading-aloud");
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_attributes (GTK_LABEL (widget), g_object_get_data (G_OBJECT (widget), ATTRS_KEY));
      g_object_set_data (G_OBJECT (widget), ATTRS_KEY, NULL);
    }
}

/* Brings @widget into view in the scrolled window around it, if it is not. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkWidget *content;
  graphene_point_t top;
  double value, page;

  if (scroller == NULL || (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) == NULL)
    return;
  if (!gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* the viewport's own offset is in the point already */
  if (GTK_IS_VIEWPORT (content))
    top.y += value;
  if (top.y < value || top.y + MIN (gtk_widget_get_height (widget), page / 2) > value + page)
    gtk_adjustment_set_value (adjustment, top.y - page / 4);
}

static void
highlight_label (GtkLabel                 *label,
                 const LgsmSpeechSentence *sentence)
{
  const char *text = gtk_label_get_text (label);
  gsize len = strlen (text);
  PangoAttrList *original = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrList) attrs = original ? pango_attr_list_copy (original) : pango_attr_list_new ();
  guint start = (guint) MIN (sentence->start, len);
  guint end = (guint) MIN (sentence->end, len);
  PangoAttribute *attr;

  if (start >= end)
    return;
  g_object_set_data_full (G_OBJECT (label), ATTRS_KEY,
                          original ? pango_attr_list_ref (original) : NULL,
                          (GDestroyNotify) pango_attr_list_unref);
  /* dark on yellow whatever the theme, and underlined, not only by colour */
  attr = pango_attr_background_new (0xffff, 0xeeee, 0x7777);
  attr->start_index = start, attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_foreground_new (0x1111, 0x1111, 0x1111);
  attr->start_index = start, attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
  attr->start_index = start, attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  gtk_label_set_attributes (label, attrs);
}

static void
update_highlight (LgsmReader *self)
{
  GtkWidget *target = NULL;
  GtkWidget *unmapped = NULL;

  clear_highlight (self);
  if (self->sentence == NULL)
    return;
  for (guint i = 0; i < self->views->len && target == NULL; i++)
    {
      g_autoptr(GtkWidget) view = g_weak_ref_get (self->views->pdata[i]);
      if (view)
        target = find_marked (view, self->sentence->field, &unmapped);
    }
  if (target == NULL)
    target = unmapped;
  if (target == NULL)
    return;
  g_weak_ref_set (&self->highlighted, target);
  gtk_widget_add_css_class (target, "reading-aloud");
  if (GTK_IS_LABEL (target))
    highlight_label (GTK_LABEL (target), self->sentence);
  if (gtk_widget_get_mapped (target))
    scroll_to (target);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
add_weak (GPtrArray *array,
          gpointer   object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  /* forget those that are gone */
  for (guint i = array->len; i > 0; i--)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (array->pdata[i - 1]);
      if (alive == NULL)
        g_ptr_array_remove_index (array, i - 1);
      else if (alive == object)
        {
          g_free (ref);
          return;
        }
    }
  g_weak_ref_init (ref, object);
  g_ptr_array_add (array, ref);
}

/**
 * lgsm_reader_follow:
 * @view: a record page, a slide: widgets marked with lgsm_reader_mark_field()
 *   inside it show the sentence being read
 *
 * The reader keeps only a weak reference to @view.
 */
void
lgsm_reader_follow (LgsmReader *self,
                    GtkWidget  *view)
{
  g_return_if_fail (LGSM_IS_READER (self));
  g_return_if_fail (GTK_IS_WIDGET (view));

  add_weak (self->views, view);
}

/* ---- buttons -------------------------------------------------------------------- */

static void
update_button (LgsmReader *self,
               GtkButton  *button)
{
  GtkImage *image = g_object_get_data (G_OBJECT (button), "lgsm-reader-image");
  GtkLabel *label = g_object_get_data (G_OBJECT (button), "lgsm-reader-label");
  const char *icon, *text;

  switch (self->state)
    {
    case LGSM_READER_SYNTHESISING:
      icon = "media-playback-stop-symbolic";
      /* Translators: on the read-aloud button while the voice prepares the reading */
      text = _("Preparing… (Stop)");
      break;
    case LGSM_READER_PLAYING:
      icon = "media-playback-pause-symbolic";
      /* Translators: on the read-aloud button while it reads */
      text = C_("reading", "Pause");
      break;
    case LGSM_READER_PAUSED:
      icon = "media-playback-start-symbolic";
      /* Translators: on the read-aloud button while reading is paused */
      text = C_("reading", "Resume");
      break;
    case LGSM_READER_STOPPED:
    default:
      icon = "audio-speakers-symbolic";
      /* Translators: the button under a record's title that reads the record aloud with a
         synthetic voice */
      text = _("Read This Aloud");
      break;
    }
  gtk_image_set_from_icon_name (image, icon);
  gtk_label_set_text (label, text);
}

static void
update_buttons (LgsmReader *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    {
      g_autoptr(GtkButton) button = g_weak_ref_get (self->buttons->pdata[i]);
      if (button)
        update_button (self, button);
    }
}

/**
 * lgsm_reader_bind_button:
 *
 * Makes @button show what pressing it does now: read aloud, pause,
 * resume, or stop while the voice prepares. The button's action (e.g.
 * win.read-aloud) is the caller's.
 */
void
lgsm_reader_bind_button (LgsmReader *self,
                         GtkButton  *button)
{
  GtkWidget *box, *image, *label;

  g_return_if_fail (LGSM_IS_READER (self));
  g_return_if_fail (GTK_IS_BUTTON (button));

  if (g_object_get_data (G_OBJECT (button), "lgsm-reader-label") == NULL)
    {
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      image = gtk_image_new ();
      label = gtk_label_new (NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (button, box);
      g_object_set_data (G_OBJECT (button), "lgsm-reader-image", image);
      g_object_set_data (G_OBJECT (button), "lgsm-reader-label", label);
      gtk_widget_add_css_class (GTK_WIDGET (button), "read-aloud");
    }
  add_weak (self->buttons, button);
  update_button (self, button);
}

/* ---- object ---------------------------------------------------------------------- */

static void
lgsm_reader_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LgsmReader *self = LGSM_READER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_SENTENCE:
      g_value_set_pointer (value, (gpointer) self->sentence);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_reader_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VOLUME:
      lgsm_reader_set_volume (LGSM_READER (object), g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_reader_dispose (GObject *object)
{
  LgsmReader *self = LGSM_READER (object);

  halt (self);
  clear_highlight (self);
  g_ptr_array_set_size (self->views, 0);
  g_ptr_array_set_size (self->buttons, 0);

  G_OBJECT_CLASS (lgsm_reader_parent_class)->dispose (object);
}

static void
lgsm_reader_finalize (GObject *object)
{
  LgsmReader *self = LGSM_READER (object);

  g_clear_object (&self->speaker);
  g_ptr_array_unref (self->views);
  g_ptr_array_unref (self->buttons);
  g_weak_ref_clear (&self->highlighted);
  g_free (self->message);

  G_OBJECT_CLASS (lgsm_reader_parent_class)->finalize (object);
}

static void
lgsm_reader_class_init (LgsmReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lgsm_reader_dispose;
  object_class->finalize = lgsm_reader_finalize;
  object_class->get_property = lgsm_reader_get_property;
  object_class->set_property = lgsm_reader_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LGSM_TYPE_READER_STATE, LGSM_READER_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, LGSM_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LgsmReader:sentence: (type gpointer)
   *
   * The LgsmSpeechSentence being heard: lgsm_reader_get_sentence().
   */
  properties[PROP_SENTENCE] =
    g_param_spec_pointer ("sentence", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 2.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LgsmReader::spoken:
   * @text: what is handed to the voice (for a record, its sentences one
   *   after another, as the voice reads them)
   * @language: the language of the voice
   *
   * Emitted as a reading starts.
   */
  signals[SIGNAL_SPOKEN] =
    g_signal_new ("spoken", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * LgsmReader::finished:
   *
   * Emitted when a reading has been heard to its end (not when it stops
   * for another reason).
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lgsm_reader_init (LgsmReader *self)
{
  self->speaker = lgsm_speaker_new ();
  self->available = TRUE;
  self->volume = 1.0;
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);
  self->buttons = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);
  g_weak_ref_init (&self->highlighted, NULL);
}

LgsmReader *
lgsm_reader_new (void)
{
  return g_object_new (LGSM_TYPE_READER, NULL);
}
