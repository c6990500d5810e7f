/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 16-bit mono PCM as a WAV file (RIFF, little-endian), written whole or
 * not at all. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgsm-speaker.h"
#include "lgsm-speech-wav.h"

#define WAV_HEADER_SIZE 44

static void
put_u32 (guint8  *p,
         guint32  value)
{
  value = GUINT32_TO_LE (value);
  memcpy (p, &value, 4);
}

static void
put_u16 (guint8  *p,
         guint16  value)
{
  value = GUINT16_TO_LE (value);
  memcpy (p, &value, 2);
}

static void
write_header (guint8  *p,
              guint32  data_size,
              guint32  rate)
{
  memcpy (p, "RIFF", 4);
  put_u32 (p + 4, 36 + data_size);
  memcpy (p + 8, "WAVEfmt ", 8);
  put_u32 (p + 16, 16);          /* the size of the format chunk */
  put_u16 (p + 20, 1);           /* PCM */
  put_u16 (p + 22, 1);           /* mono */
  put_u32 (p + 24, rate);
  put_u32 (p + 28, rate * 2);    /* bytes a second */
  put_u16 (p + 32, 2);           /* bytes a frame */
  put_u16 (p + 34, 16);          /* bits a sample */
  memcpy (p + 36, "data", 4);
  put_u32 (p + 40, data_size);
}

/**
 * lgsm_speech_wav_new:
 * @pcm: 16-bit signed mono samples in the machine's byte order
 * @sample_rate: samples a second
 *
 * Returns: (transfer full): the contents of a WAV file, or NULL with
 *   @error set when there is too much audio for one
 */
GBytes *
lgsm_speech_wav_new (GBytes  *pcm,
                     int      sample_rate,
                     GError **error)
{
  const gint16 *samples;
  guint8 *wav;
  gsize size;

  g_return_val_if_fail (pcm != NULL, NULL);
  g_return_val_if_fail (sample_rate > 0, NULL);

  samples = g_bytes_get_data (pcm, &size);
  if (size > G_MAXUINT32 - WAV_HEADER_SIZE || size % 2 != 0)
    {
      g_autofree char *amount = g_format_size (size);
      g_set_error (error, LGSM_SPEECH_ERROR, LGSM_SPEECH_ERROR_TOO_LONG,
                   /* Translators: --speak writing a .wav file: the sound is over the format's 4 GB
                      limit; %s is its size, e.g. "4.3 GB" */
                   _("There is too much audio for a WAV file (%s)"), amount);
      return NULL;
    }
  wav = g_malloc (WAV_HEADER_SIZE + size);
  write_header (wav, (guint32) size, (guint32) sample_rate);
  for (gsize i = 0; i < size / 2; i++)
    put_u16 (wav + WAV_HEADER_SIZE + 2 * i, (guint16) samples[i]);
  return g_bytes_new_take (wav, WAV_HEADER_SIZE + size);
}

/**
 * lgsm_speech_write_wav:
 * @file: where to write: a new file, or one to replace
 *
 * Writes @pcm to @file as a WAV file, atomically: on failure there is no
 * file, or the old one is left as it was.
 */
gboolean
lgsm_speech_write_wav (GBytes  *pcm,
                       int      sample_rate,
                       GFile   *file,
                       GError **error)
{
  g_autoptr(GBytes) wav = lgsm_speech_wav_new (pcm, sample_rate, error);
  g_autofree char *path = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (wav == NULL)
    return FALSE;
  path = g_file_get_path (file);
  if (path)
    ok = g_file_set_contents_full (path, g_bytes_get_data (wav, NULL), g_bytes_get_size (wav),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
  else
    ok = g_file_replace_contents (file, g_bytes_get_data (wav, NULL), g_bytes_get_size (wav),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: put before the reason, e.g. "No such file or directory" */
      g_prefix_error (error, _("Could not write the audio file “%s”: "), name);
    }
  return ok;
}
