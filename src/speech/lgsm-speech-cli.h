/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lgsm-exhibition.h"

G_BEGIN_DECLS

char *lgsm_speech_current_language (void);
int   lgsm_speech_command_line     (LgsmExhibition  *exhibition,
                                    const char      *record_id_or_all,
                                    const char      *language,
                                    const char      *output,
                                    GError         **error);

G_END_DECLS
