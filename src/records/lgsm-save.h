/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files the app writes and the teacher's lesson files it reads: a save
 * that cannot destroy what was there, a read that never blocks on
 * something that is not a file, and reasons a teacher can act on. */

#define LGSM_LESSON_ERROR (lgsm_lesson_error_quark ())

/**
 * LgsmLessonError:
 * @LGSM_LESSON_ERROR_FAILED: anything not listed below
 * @LGSM_LESSON_ERROR_DISK_FULL: no space or quota left, or a file size limit
 * @LGSM_LESSON_ERROR_READ_ONLY: the folder or the disk cannot be written to
 * @LGSM_LESSON_ERROR_NO_FOLDER: the folder is missing or is not a folder
 * @LGSM_LESSON_ERROR_NAME_TOO_LONG: the file name is too long for the disk
 * @LGSM_LESSON_ERROR_IO: the disk reported an error (removed, failing)
 * @LGSM_LESSON_ERROR_NOT_REGULAR: a folder, link, pipe or device where a
 *   file was expected
 * @LGSM_LESSON_ERROR_TOO_LARGE: a lesson file over 1 MiB
 * @LGSM_LESSON_ERROR_UNREADABLE: a file that cannot be opened or read
 * @LGSM_LESSON_ERROR_FULL: a lesson path already holds its 1000 records
 * @LGSM_LESSON_ERROR_READY_MADE: a ready-made lesson cannot be changed
 */
typedef enum {
  LGSM_LESSON_ERROR_FAILED,
  LGSM_LESSON_ERROR_DISK_FULL,
  LGSM_LESSON_ERROR_READ_ONLY,
  LGSM_LESSON_ERROR_NO_FOLDER,
  LGSM_LESSON_ERROR_NAME_TOO_LONG,
  LGSM_LESSON_ERROR_IO,
  LGSM_LESSON_ERROR_NOT_REGULAR,
  LGSM_LESSON_ERROR_TOO_LARGE,
  LGSM_LESSON_ERROR_UNREADABLE,
  LGSM_LESSON_ERROR_FULL,
  LGSM_LESSON_ERROR_READY_MADE,
} LgsmLessonError;

GQuark           lgsm_lesson_error_quark        (void);
LgsmLessonError  lgsm_lesson_error_from_errno   (int            errsv);
LgsmLessonError  lgsm_lesson_error_from_gerror  (const GError  *error);
const char      *lgsm_lesson_error_get_reason   (LgsmLessonError code);

gboolean         lgsm_save_file_atomic          (const char    *path,
                                                 const char    *what,
                                                 const char    *data,
                                                 gsize          len,
                                                 GError       **error);

/* Flags for lgsm_read_regular_file() */
typedef enum {
  LGSM_READ_FOLLOW_LINKS = 1 << 0,  /* a link the user chose is followed */
  LGSM_READ_SKIPPING     = 1 << 1,  /* messages say the file "was skipped" */
} LgsmReadFlags;

GBytes          *lgsm_read_regular_file         (int            dir_fd,
                                                 const char    *path,
                                                 gsize          max_size,
                                                 LgsmReadFlags  flags,
                                                 GError       **error);

G_END_DECLS
