/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lgsm-save.h"

/* Saving without ever destroying what was there, and reading without ever
 * blocking on what is not a file.
 *
 * A save writes the whole new file to a temporary file beside the old
 * one, fsync()s it, and only then renames it over the old one: a full
 * disk, a read-only folder or a crash at any point leaves the old file
 * byte for byte, and a failed save removes its temporary file. This is
 * g_file_set_contents_full (CONSISTENT | DURABLE) done by hand, for one
 * reason: GLib 2.74 folds EFBIG and EDQUOT into G_FILE_ERROR_FAILED with a
 * raw English message, and a teacher must be told "The disk is full".
 *
 * A read looks at what a name is before opening it (a pipe would block an
 * open or a read for ever, a device could be endless), opens it without
 * following a link and without blocking, checks that what was opened is
 * still the same regular file, and reads at most the size limit. */

G_DEFINE_QUARK (lgsm-lesson-error-quark, lgsm_lesson_error)

LgsmLessonError
lgsm_lesson_error_from_errno (int errsv)
{
  switch (errsv)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
    case EFBIG:
      return LGSM_LESSON_ERROR_DISK_FULL;
    case EACCES:
    case EPERM:
    case EROFS:
      return LGSM_LESSON_ERROR_READ_ONLY;
    case ENOENT:
    case ENOTDIR:
      return LGSM_LESSON_ERROR_NO_FOLDER;
    case ENAMETOOLONG:
      return LGSM_LESSON_ERROR_NAME_TOO_LONG;
    case EIO:
    case ENXIO:
    case ENODEV:
#ifdef ESTALE
    case ESTALE:
#endif
      return LGSM_LESSON_ERROR_IO;
    case EISDIR:
    case ELOOP:
      return LGSM_LESSON_ERROR_NOT_REGULAR;
    default:
      return LGSM_LESSON_ERROR_FAILED;
    }
}

/* For the paths that go through GIO (files that are not local, deleting). */
LgsmLessonError
lgsm_lesson_error_from_gerror (const GError *error)
{
  if (error == NULL)
    return LGSM_LESSON_ERROR_FAILED;
  if (error->domain == LGSM_LESSON_ERROR)
    return (LgsmLessonError) error->code;
  if (error->domain == G_FILE_ERROR)
    switch (error->code)
      {
      case G_FILE_ERROR_NOSPC:
        return LGSM_LESSON_ERROR_DISK_FULL;
      case G_FILE_ERROR_ACCES:
      case G_FILE_ERROR_PERM:
      case G_FILE_ERROR_ROFS:
        return LGSM_LESSON_ERROR_READ_ONLY;
      case G_FILE_ERROR_NOENT:
      case G_FILE_ERROR_NOTDIR:
        return LGSM_LESSON_ERROR_NO_FOLDER;
      case G_FILE_ERROR_NAMETOOLONG:
        return LGSM_LESSON_ERROR_NAME_TOO_LONG;
      case G_FILE_ERROR_IO:
      case G_FILE_ERROR_NXIO:
      case G_FILE_ERROR_NODEV:
        return LGSM_LESSON_ERROR_IO;
      case G_FILE_ERROR_ISDIR:
      case G_FILE_ERROR_LOOP:
        return LGSM_LESSON_ERROR_NOT_REGULAR;
      default:
        return LGSM_LESSON_ERROR_FAILED;
      }
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NO_SPACE:
        return LGSM_LESSON_ERROR_DISK_FULL;
      case G_IO_ERROR_PERMISSION_DENIED:
      case G_IO_ERROR_READ_ONLY:
        return LGSM_LESSON_ERROR_READ_ONLY;
      case G_IO_ERROR_NOT_FOUND:
      case G_IO_ERROR_NOT_DIRECTORY:
        return LGSM_LESSON_ERROR_NO_FOLDER;
      case G_IO_ERROR_FILENAME_TOO_LONG:
        return LGSM_LESSON_ERROR_NAME_TOO_LONG;
      case G_IO_ERROR_IS_DIRECTORY:
      case G_IO_ERROR_NOT_REGULAR_FILE:
      case G_IO_ERROR_TOO_MANY_LINKS:
        return LGSM_LESSON_ERROR_NOT_REGULAR;
      default:
        return LGSM_LESSON_ERROR_FAILED;
      }
  return LGSM_LESSON_ERROR_FAILED;
}

/**
 * lgsm_lesson_error_get_reason:
 *
 * Returns: a short reason in the current language, to show after "Not
 * saved:" or in a message naming the lesson
 */
const char *
lgsm_lesson_error_get_reason (LgsmLessonError code)
{
  switch (code)
    {
    case LGSM_LESSON_ERROR_DISK_FULL:
      /* Translators: why a lesson was not saved (also: the quota is used up) */
      return _("The disk is full");
    case LGSM_LESSON_ERROR_READ_ONLY:
      /* Translators: why a lesson was not saved: no permission, or a read-only disk */
      return _("This folder cannot be written to");
    case LGSM_LESSON_ERROR_NO_FOLDER:
      /* Translators: why a lesson was not saved; it follows "“My lesson” was not saved: " */
      return _("The folder is missing or is not a folder");
    case LGSM_LESSON_ERROR_NAME_TOO_LONG:
      /* Translators: why a lesson was not saved; it follows "“My lesson” was not saved: " */
      return _("The file name is too long for this disk");
    case LGSM_LESSON_ERROR_IO:
      /* Translators: why a lesson was not saved, e.g. a USB stick pulled out */
      return _("The disk reported an error; it may have been removed");
    case LGSM_LESSON_ERROR_NOT_REGULAR:
      /* Translators: why a lesson was not saved: a folder has the file's name */
      return _("Something that is not a lesson file is in its place");
    case LGSM_LESSON_ERROR_TOO_LARGE:
      /* Translators: why a lesson file was not read (MiB: mebibyte); it follows "... was not
         saved: " or stands alone */
      return _("The file is larger than 1 MiB");
    case LGSM_LESSON_ERROR_UNREADABLE:
      /* Translators: why a lesson file could not be used; it follows "... was not saved: " or
         stands alone */
      return _("The file cannot be read");
    case LGSM_LESSON_ERROR_FULL:
      /* Translators: why a record was not added: a lesson path holds at most 1000 records */
      return _("The lesson path is full");
    case LGSM_LESSON_ERROR_READY_MADE:
      /* Translators: lessons that come with the app */
      return _("Ready-made lessons cannot be changed");
    case LGSM_LESSON_ERROR_FAILED:
    default:
      /* Translators: why a lesson was not saved, when nothing more precise is known; it follows
         "“My lesson” was not saved: " */
      return _("The file could not be written");
    }
}

static gboolean
save_failed (GError     **error,
             int          errsv,
             const char  *what)
{
  LgsmLessonError code = lgsm_lesson_error_from_errno (errsv);
  /* an error with no reason of our own keeps the system's words for it */
  const char *reason = code == LGSM_LESSON_ERROR_FAILED ? g_strerror (errsv)
                                                         : lgsm_lesson_error_get_reason (code);

  /* Translators: the first %s is a lesson's name (or a file's), the second
   * why it was not saved, e.g. “My lesson” was not saved: The disk is full */
  g_set_error (error, LGSM_LESSON_ERROR, code, _("“%s” was not saved: %s"), what, reason);
  return FALSE;
}

/* A name for the temporary file: hidden, beside @base, never ending in
 * ".json" (so a listing of lessons never picks one up), short enough for
 * any file system whatever the length of @base. */
static char *
temporary_template (const char *dir,
                    const char *base)
{
  gsize len = strlen (base);

  if (len > 40)
    {
      len = 40;
      while (len > 0 && ((guchar) base[len] & 0xC0) == 0x80)  /* not mid-character */
        len--;
    }
  return g_strdup_printf ("%s%c.%.*s.XXXXXX", dir, G_DIR_SEPARATOR, (int) len, base);
}

/**
 * lgsm_save_file_atomic:
 * @path: the file to write (its folder must exist)
 * @what: (nullable): what to call it in a message (a lesson's name); the
 *   file's name when %NULL
 *
 * Replaces @path with @data, or leaves it exactly as it was. New files get
 * mode 0644 (less the umask); a file that is replaced keeps its mode.
 *
 * Returns: %TRUE on success; on failure an %LGSM_LESSON_ERROR saying why,
 *   in the current language, naming @what
 */
gboolean
lgsm_save_file_atomic (const char  *path,
                       const char  *what,
                       const char  *data,
                       gsize        len,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  g_autofree char *tmp = NULL;
  struct stat st;
  int fd, dir_fd, errsv;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  display = what ? g_strdup (what) : g_filename_display_basename (path);
  tmp = temporary_template (dir, base);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    return save_failed (error, errno, display);

  /* a lesson the teacher had made private stays private */
  if (stat (path, &st) == 0 && S_ISREG (st.st_mode))
    (void) fchmod (fd, st.st_mode & 07777);

  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          errsv = n < 0 ? errno : EIO;
          goto failed;
        }
      data += n;
      len -= (gsize) n;
    }
  /* network and some USB file systems report a full disk only here */
  if (fsync (fd) != 0)
    {
      errsv = errno;
      goto failed;
    }
  if (close (fd) != 0)
    {
      errsv = errno;
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    {
      errsv = errno;
      goto failed;
    }
  /* so that the new name, not only the new data, survives a power cut */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      (void) fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return save_failed (error, errsv, display);
}

/* ---- reading -------------------------------------------------------------- */

static GBytes *
not_regular (GError        **error,
             mode_t          mode,
             const char     *display,
             LgsmReadFlags   flags)
{
  gboolean skipping = (flags & LGSM_READ_SKIPPING) != 0;

  if (S_ISDIR (mode))
    g_set_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name in the lessons folder */
                 skipping ? _("“%s” is a folder, not a lesson file, and was skipped")
                          /* Translators: %s is a file name in the lessons folder */
                          : _("“%s” is a folder, not a lesson file"), display);
  else if (S_ISLNK (mode))
    g_set_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name in the lessons folder; a
                  * link (symbolic link, shortcut) is not followed */
                 skipping ? _("“%s” is a link to another file and was skipped")
                          /* Translators: %s is a file name in the lessons folder; a link (symbolic
                             link, shortcut) is not followed */
                          : _("“%s” is a link to another file"), display);
  else
    g_set_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_NOT_REGULAR,
                 /* Translators: %s is a file name; it is a pipe, a device or a socket */
                 skipping ? _("“%s” is not an ordinary file and was skipped")
                          /* Translators: %s is a file name; it is a pipe, a device or a socket */
                          : _("“%s” is not an ordinary file"), display);
  return NULL;
}

static GBytes *
too_large (GError     **error,
           gsize        max_size,
           const char  *display)
{
  g_autofree char *size = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_TOO_LARGE,
               /* Translators: %s is a file name, then a size such as “1.0 MiB” */
               _("“%s” could not be read: it is larger than %s"), display, size);
  return NULL;
}

static GBytes *
unreadable (GError     **error,
            int          errsv,
            const char  *display)
{
  const char *reason;

  switch (errsv)
    {
    case EACCES:
    case EPERM:
      /* Translators: why a lesson file could not be read */
      reason = _("you are not allowed to open it");
      break;
    case ENOENT:
      /* Translators: why a lesson file could not be read; it follows "“my-lesson.json” could not
         be read: " */
      reason = _("it is no longer there");
      break;
    case EIO:
      /* Translators: why a lesson file could not be read; it follows "“my-lesson.json” could not
         be read: " */
      reason = _("the disk reported an error");
      break;
    default:
      reason = g_strerror (errsv);
      break;
    }
  g_set_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_UNREADABLE,
               /* Translators: %s is a file name, then why it could not be read */
               _("“%s” could not be read: %s"), display, reason);
  return NULL;
}

/**
 * lgsm_read_regular_file:
 * @dir_fd: a folder @path is relative to, or %AT_FDCWD
 * @path: the file
 * @max_size: the most that is read
 * @flags: whether a link is followed, and how problems are worded
 *
 * Reads a regular file of at most @max_size bytes. A folder, a link (unless
 * %LGSM_READ_FOLLOW_LINKS), a pipe, a device or a socket is refused without
 * being read, and without blocking.
 *
 * Returns: (transfer full): the contents, or %NULL with an
 *   %LGSM_LESSON_ERROR in the current language naming the file
 */
GBytes *
lgsm_read_regular_file (int             dir_fd,
                        const char     *path,
                        gsize           max_size,
                        LgsmReadFlags   flags,
                        GError        **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  gboolean follow = (flags & LGSM_READ_FOLLOW_LINKS) != 0;
  g_autoptr(GByteArray) buffer = NULL;
  struct stat before, opened;
  int fd, errsv;

  g_return_val_if_fail (path != NULL, NULL);

  /* what it is, before opening it: opening a pipe or a device could block
   * or do something; neither is ever opened */
  if (fstatat (dir_fd, path, &before, follow ? 0 : AT_SYMLINK_NOFOLLOW) != 0)
    return unreadable (error, errno, display);
  if (!S_ISREG (before.st_mode))
    return not_regular (error, before.st_mode, display, flags);
  if ((guint64) before.st_size > max_size)
    return too_large (error, max_size, display);

  /* and it must still be that file once opened: O_NONBLOCK and O_NOFOLLOW
   * for a name swapped for a pipe or a link in between */
  fd = openat (dir_fd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW));
  if (fd < 0)
    {
      errsv = errno;
      if (errsv == ELOOP && !follow)
        return not_regular (error, S_IFLNK, display, flags);
      return unreadable (error, errsv, display);
    }
  if (fstat (fd, &opened) != 0)
    {
      errsv = errno;
      close (fd);
      return unreadable (error, errsv, display);
    }
  if (!S_ISREG (opened.st_mode) || opened.st_dev != before.st_dev || opened.st_ino != before.st_ino)
    {
      close (fd);
      return not_regular (error, S_ISREG (opened.st_mode) ? S_IFIFO : opened.st_mode, display, flags);
    }

  /* never more than max_size + 1 bytes, however much the file grows */
  buffer = g_byte_array_sized_new ((guint) MIN ((guint64) opened.st_size + 1, (guint64) max_size + 1));
  for (;;)
    {
      guint8 chunk[16384];
      gsize want = MIN (sizeof chunk, max_size + 1 - buffer->len);
      gssize n = read (fd, chunk, want);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          errsv = errno;
          close (fd);
          return unreadable (error, errsv, display);
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > max_size)
        {
          close (fd);
          return too_large (error, max_size, display);
        }
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
