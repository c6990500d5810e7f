/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the lesson's files, and included from src/records/ only:
 * lgsm-lesson.c (the object, its name and records, a safe file name) and
 * lgsm-lesson-file.c (reading and writing a lesson's JSON file). */

#include "lgsm-lesson.h"

G_BEGIN_DECLS

struct _LgsmLesson
{
  GObject    parent_instance;
  char      *name;
  GPtrArray *ids;
};

G_END_DECLS
