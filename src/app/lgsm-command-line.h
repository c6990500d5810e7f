/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lgsm_command_line_check (int      argc,
                                  char   **argv,
                                  GError **error);

int      lgsm_command_line_prepare_quit (int      argc,
                                         char   **argv);

G_END_DECLS
