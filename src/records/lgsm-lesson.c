/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgsm-lesson-private.h"
#include "lgsm-loader.h"

/* A teacher's lesson path: a name and an ordered list of record ids, kept
 * as a small JSON file:
 *   { "schema": 1, "name": "…", "records": ["id", …] }
 * Saving writes a temporary file beside the old one and renames it over
 * (lgsm_save_file_atomic()), so a full disk, a read-only folder or a crash
 * mid-save keeps the old one byte for byte; a file that cannot be read
 * gives a GError, never a crash. Reading and writing the file are in
 * lgsm-lesson-file.c. */

G_DEFINE_FINAL_TYPE (LgsmLesson, lgsm_lesson, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
lgsm_lesson_finalize (GObject *object)
{
  LgsmLesson *self = LGSM_LESSON (object);

  g_free (self->name);
  g_ptr_array_unref (self->ids);

  G_OBJECT_CLASS (lgsm_lesson_parent_class)->finalize (object);
}

static void
lgsm_lesson_class_init (LgsmLessonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgsm_lesson_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lgsm_lesson_init (LgsmLesson *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
}

LgsmLesson *
lgsm_lesson_new (const char *name)
{
  LgsmLesson *self = g_object_new (LGSM_TYPE_LESSON, NULL);

  lgsm_lesson_set_name (self, name);
  return self;
}

const char *
lgsm_lesson_get_name (LgsmLesson *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON (self), NULL);
  return self->name;
}

void
lgsm_lesson_set_name (LgsmLesson *self,
                      const char *name)
{
  g_autofree char *plain = NULL;

  g_return_if_fail (LGSM_IS_LESSON (self));

  /* what loading accepts: control characters become spaces, and the name
   * is cut at a character boundary within LGSM_LESSON_MAX_NAME bytes */
  if (name != NULL)
    {
      const char *end;

      plain = g_strdup (name);
      for (char *p = plain; *p; p++)
        if ((guchar) *p < 0x20 || *p == 0x7F)
          *p = ' ';
      if (strlen (plain) > LGSM_LESSON_MAX_NAME)
        {
          end = g_utf8_find_prev_char (plain, plain + LGSM_LESSON_MAX_NAME + 1);
          plain[end ? end - plain : 0] = '\0';
        }
      name = plain;
    }
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
lgsm_lesson_get_n_items (LgsmLesson *self)
{
  g_return_val_if_fail (LGSM_IS_LESSON (self), 0);
  return self->ids->len;
}

const char *
lgsm_lesson_get_id (LgsmLesson *self,
                    guint       index)
{
  g_return_val_if_fail (LGSM_IS_LESSON (self), NULL);
  return index < self->ids->len ? g_ptr_array_index (self->ids, index) : NULL;
}

void
lgsm_lesson_append (LgsmLesson *self,
                    const char *id)
{
  g_return_if_fail (LGSM_IS_LESSON (self));
  g_return_if_fail (lgsm_id_is_valid (id));
  g_return_if_fail (self->ids->len < LGSM_LESSON_MAX_RECORDS);

  g_ptr_array_add (self->ids, g_strdup (id));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
lgsm_lesson_remove (LgsmLesson *self,
                    guint       index)
{
  g_return_if_fail (LGSM_IS_LESSON (self));

  if (index >= self->ids->len)
    return;
  g_ptr_array_remove_index (self->ids, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Moves an item up (delta < 0) or down the path. */
void
lgsm_lesson_move (LgsmLesson *self,
                  guint       index,
                  int         delta)
{
  int target = (int) index + delta;
  gpointer item;

  g_return_if_fail (LGSM_IS_LESSON (self));

  if (index >= self->ids->len || target < 0 || target >= (int) self->ids->len || delta == 0)
    return;
  item = g_ptr_array_steal_index (self->ids, index);
  g_ptr_array_insert (self->ids, target, item);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
lgsm_lesson_contains (LgsmLesson *self,
                      const char *id)
{
  g_return_val_if_fail (LGSM_IS_LESSON (self), FALSE);

  for (guint i = 0; id && i < self->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->ids, i), id))
      return TRUE;
  return FALSE;
}

/**
 * lgsm_lesson_toggle:
 * @added: (out) (optional): %TRUE when @id was added, %FALSE when removed
 *
 * Adds @id at the end of the path, or takes it out (every time it is
 * there) when the path has it already: Ctrl+D on a record's page.
 *
 * Returns: %FALSE, with %LGSM_LESSON_ERROR_FULL, when adding to a path
 *   that already holds %LGSM_LESSON_MAX_RECORDS records
 */
gboolean
lgsm_lesson_toggle (LgsmLesson  *self,
                    const char  *id,
                    gboolean    *added,
                    GError     **error)
{
  gboolean removed = FALSE;

  g_return_val_if_fail (LGSM_IS_LESSON (self), FALSE);
  g_return_val_if_fail (lgsm_id_is_valid (id), FALSE);

  for (guint i = self->ids->len; i-- > 0;)
    if (g_str_equal (g_ptr_array_index (self->ids, i), id))
      {
        g_ptr_array_remove_index (self->ids, i);
        removed = TRUE;
      }
  if (removed)
    {
      if (added)
        *added = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }
  if (self->ids->len >= LGSM_LESSON_MAX_RECORDS)
    {
      g_set_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_FULL,
                   /* Translators: a lesson path (a teacher's chosen records) cannot take another
                      record; %d is the limit (1000) */
                   _("The lesson path is full: it holds at most %d records"), LGSM_LESSON_MAX_RECORDS);
      return FALSE;
    }
  if (added)
    *added = TRUE;
  lgsm_lesson_append (self, id);
  return TRUE;
}

/* Device names Windows keeps for itself, whatever follows a dot */
static gboolean
is_reserved_on_windows (const char *stem)
{
  static const char * const reserved[] = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
    "COM\u00B9", "COM\u00B2", "COM\u00B3",
    "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
  };
  const char *dot = strchr (stem, '.');
  g_autofree char *head = g_strndup (stem, dot ? (gsize) (dot - stem) : strlen (stem));

  g_strchomp (head);  /* "CON .x" is CON too */
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (g_ascii_strcasecmp (head, reserved[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * lgsm_lesson_safe_file_name:
 * @name: (nullable): a lesson's name
 *
 * A file name for exporting the lesson that every disk a teacher carries
 * accepts (FAT, exFAT and NTFS as well as Linux ones): none of
 * : * ? " < > | / \ and no control characters, no leading dot or space,
 * no trailing dot or space, not a device name Windows keeps (CON, NUL,
 * COM1…), at most %LGSM_LESSON_MAX_FILE_NAME bytes before ".json", and
 * never empty.
 *
 * Returns: (transfer full): a name ending in ".json"
 */
char *
lgsm_lesson_safe_file_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  GString *out = g_string_sized_new (strlen (nfc));
  g_autofree char *stem = NULL;

  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c == '|')
        c = '-';
      else if (c == '*' || c == '?' || c == '"' || c == '<' || c == '>')
        continue;
      else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || g_unichar_isspace (c))
        c = ' ';
      /* one space for many, and none at the start */
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_unichar (out, c);
    }
  /* no dot at the start (a hidden file); within the length limit, at a
   * character boundary; then no dot or space at the end */
  while (out->len > 0 && (out->str[0] == '.' || out->str[0] == ' '))
    g_string_erase (out, 0, 1);
  if (out->len > LGSM_LESSON_MAX_FILE_NAME)
    {
      gsize len = LGSM_LESSON_MAX_FILE_NAME;
      while (len > 0 && ((guchar) out->str[len] & 0xC0) == 0x80)
        len--;
      g_string_truncate (out, len);
    }
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  stem = g_string_free (out, FALSE);

  if (*stem == '\0')
    {
      g_free (stem);
      /* Translators: the file name of an exported lesson that has no usable
       * name; keep it short, and without the characters : * ? " < > | / or a backslash */
      stem = g_strdup (_("Lesson"));
    }
  if (is_reserved_on_windows (stem))
    {
      char *safe = g_strconcat ("_", stem, NULL);
      g_free (stem);
      stem = safe;
    }
  return g_strconcat (stem, ".json", NULL);
}

/**
 * lgsm_lesson_resolve:
 * @n_missing: (out) (optional): how many ids name no record
 *
 * Returns: (transfer full): the lesson's records, in order, skipping ids
 * the exhibition does not have
 */
GListModel *
lgsm_lesson_resolve (LgsmLesson     *self,
                     LgsmExhibition *exhibition,
                     guint          *n_missing)
{
  GListStore *store = g_list_store_new (LGSM_TYPE_RECORD);
  guint missing = 0;

  g_return_val_if_fail (LGSM_IS_LESSON (self), NULL);

  for (guint i = 0; i < self->ids->len; i++)
    {
      LgsmRecord *record = lgsm_exhibition_lookup (exhibition, g_ptr_array_index (self->ids, i));
      if (record)
        g_list_store_append (store, record);
      else
        missing++;
    }
  if (n_missing)
    *n_missing = missing;
  return G_LIST_MODEL (store);
}
