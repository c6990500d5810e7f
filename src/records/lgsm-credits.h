/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GStrv lgsm_credits_parse_pictures (const char *markdown);

G_END_DECLS
