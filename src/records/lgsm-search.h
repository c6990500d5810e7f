/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include "lgsm-exhibition.h"

G_BEGIN_DECLS

int lgsm_search_print (LgsmExhibition *exhibition,
                       const char     *query,
                       GString        *out);

G_END_DECLS
