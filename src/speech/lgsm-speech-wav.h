/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes   *lgsm_speech_wav_new   (GBytes   *pcm,
                                 int       sample_rate,
                                 GError  **error);
gboolean  lgsm_speech_write_wav (GBytes   *pcm,
                                 int       sample_rate,
                                 GFile    *file,
                                 GError  **error);

G_END_DECLS
