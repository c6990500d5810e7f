/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gst/gst.h>

#include "lgsm-reader-private.h"

/* Playing a reading: the voice has made the sound (lgsm-reader.c), this
 * plays it and follows the position heard.
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
        lgsm_reader_set_sentence (self, sentence);
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
      lgsm_reader_finish (self);
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
        lgsm_reader_set_available (self, FALSE);
        lgsm_reader_fail (self, text);
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
  lgsm_reader_set_available (self, TRUE);
  lgsm_reader_set_state (self, LGSM_READER_PLAYING);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      lgsm_reader_set_available (self, FALSE);
      /* Translators: shown in the window when the sound card or speakers refused to play */
      lgsm_reader_fail (self, _("Reading aloud is unavailable: the audio output would not play"));
    }
}

static void
on_pipeline_made (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(LgsmReaderPending) pending = data;
  g_autoptr(LgsmReader) self = lgsm_reader_pending_get (pending);
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
      lgsm_reader_set_available (self, FALSE);
      lgsm_reader_fail (self, error->message);
      return;
    }
  start_playing (self, pipeline);
}

/* The recording is made: open the output (on a worker thread), then play.
 * The reader owns @recording from now on. */
void
lgsm_reader_playback_start (LgsmReader          *self,
                            LgsmSpeechRecording *recording)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_pipeline_made, lgsm_reader_pending_new (self));

  self->recording = recording;
  g_task_set_source_tag (task, lgsm_reader_playback_start);
  g_task_run_in_thread (task, make_pipeline);
}

/* Stops the sound and closes the output; the reading's state is the
 * caller's (lgsm_reader_halt()). */
void
lgsm_reader_playback_stop (LgsmReader *self)
{
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
}

/* Only while playing or paused: the pipeline is there. */
void
lgsm_reader_playback_pause (LgsmReader *self,
                            gboolean    paused)
{
  gst_element_set_state (self->pipeline, paused ? GST_STATE_PAUSED : GST_STATE_PLAYING);
}

/* The reader's volume, heard at once in what is playing. */
void
lgsm_reader_playback_update_volume (LgsmReader *self)
{
  if (self->pipeline)
    {
      g_autoptr(GstElement) element = gst_bin_get_by_name (GST_BIN (self->pipeline), "volume");
      g_object_set (element, "volume", self->volume, NULL);
    }
}
