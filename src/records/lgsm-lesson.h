/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "lgsm-exhibition.h"
#include "lgsm-save.h"

G_BEGIN_DECLS

/* Limits that keep every lesson, once saved, within what loading accepts
 * (1 MiB): a path of at most this many records, a name of at most this
 * many bytes with no control characters. */
#define LGSM_LESSON_MAX_RECORDS 1000
#define LGSM_LESSON_MAX_NAME    1024
/* the largest lesson file read, and the longest exported name before ".json" */
#define LGSM_LESSON_MAX_SIZE      (1024 * 1024)
#define LGSM_LESSON_MAX_FILE_NAME 120

#define LGSM_TYPE_LESSON (lgsm_lesson_get_type ())
G_DECLARE_FINAL_TYPE (LgsmLesson, lgsm_lesson, LGSM, LESSON, GObject)

LgsmLesson         *lgsm_lesson_new          (const char   *name);
LgsmLesson         *lgsm_lesson_load_bytes   (GBytes       *bytes,
                                              const char   *file,
                                              GError      **error);
LgsmLesson         *lgsm_lesson_load_bytes_full (GBytes    *bytes,
                                                 const char *file,
                                                 guint     *line,
                                                 GError   **error);
LgsmLesson         *lgsm_lesson_load_file    (GFile        *file,
                                              GError      **error);
gboolean            lgsm_lesson_save_file    (LgsmLesson   *self,
                                              GFile        *file,
                                              GError      **error);
char               *lgsm_lesson_to_json      (LgsmLesson   *self);

const char         *lgsm_lesson_get_name     (LgsmLesson   *self);
void                lgsm_lesson_set_name     (LgsmLesson   *self,
                                              const char   *name);
guint               lgsm_lesson_get_n_items  (LgsmLesson   *self);
const char         *lgsm_lesson_get_id       (LgsmLesson   *self,
                                              guint         index);
void                lgsm_lesson_append       (LgsmLesson   *self,
                                              const char   *id);
void                lgsm_lesson_remove       (LgsmLesson   *self,
                                              guint         index);
void                lgsm_lesson_move         (LgsmLesson   *self,
                                              guint         index,
                                              int           delta);
gboolean            lgsm_lesson_contains     (LgsmLesson   *self,
                                              const char   *id);
gboolean            lgsm_lesson_toggle       (LgsmLesson   *self,
                                              const char   *id,
                                              gboolean     *added,
                                              GError      **error);
char               *lgsm_lesson_safe_file_name (const char *name);
GListModel         *lgsm_lesson_resolve      (LgsmLesson     *self,
                                              LgsmExhibition *exhibition,
                                              guint          *n_missing);

G_END_DECLS
