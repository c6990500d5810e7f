/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "lgsm-json-locate.h"
#include "lgsm-lesson.h"
#include "lgsm-loader.h"
#include "lgsm-record-error.h"
#include "lgsm-save.h"

/* A teacher's lesson path: a name and an ordered list of record ids, kept
 * as a small JSON file:
 *   { "schema": 1, "name": "…", "records": ["id", …] }
 * Saving writes a temporary file beside the old one and renames it over
 * (lgsm_save_file_atomic()), so a full disk, a read-only folder or a crash
 * mid-save keeps the old one byte for byte; a file that cannot be read
 * gives a GError, never a crash. */
struct _LgsmLesson
{
  GObject    parent_instance;
  char      *name;
  GPtrArray *ids;
};

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

/* { "records": [ "id" ] } is two levels; leave room for nothing more */
#define LESSON_MAX_DEPTH 4

static gboolean
fail (GError     **error,
      int          code,
      const char  *file,
      const char  *message)
{
  g_set_error (error, LGSM_RECORD_ERROR, code, "%s: %s", file, message);
  return FALSE;
}

static gboolean
name_is_valid (const char *name)
{
  gsize len = strlen (name);

  if (len > LGSM_LESSON_MAX_NAME)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((guchar) name[i] < 0x20 || name[i] == 0x7F)
      return FALSE;
  return TRUE;
}

static gboolean
read_ids (LgsmLesson  *self,
          JsonNode    *node,
          const char  *file,
          GError     **error)
{
  JsonArray *array;

  if (node == NULL)
    return fail (error, LGSM_RECORD_ERROR_MISSING_FIELD, file, "records: is required");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, LGSM_RECORD_ERROR_WRONG_TYPE, file, "records: must be an array of record ids");
  array = json_node_get_array (node);
  if (json_array_get_length (array) > LGSM_LESSON_MAX_RECORDS)
    return fail (error, LGSM_RECORD_ERROR_TOO_LARGE, file, "records: a lesson path holds at most 1000 records");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return fail (error, LGSM_RECORD_ERROR_WRONG_TYPE, file, "records: must be an array of record ids");
      id = json_node_get_string (item);
      if (!lgsm_id_is_valid (id))
        return fail (error, LGSM_RECORD_ERROR_BAD_ID, file, "records: holds something that is not a record id");
      g_ptr_array_add (self->ids, g_strdup (id));
    }
  return TRUE;
}

/**
 * lgsm_lesson_load_bytes_full:
 * @line: (out) (optional): the line of a syntax error, or 0 when the
 *   problem has no one line (a missing field, a wrong schema)
 *
 * Like lgsm_lesson_load_bytes(), and says where the text goes wrong.
 */
LgsmLesson *
lgsm_lesson_load_bytes_full (GBytes      *bytes,
                             const char  *file,
                             guint       *line,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(LgsmLesson) self = lgsm_lesson_new (NULL);
  g_autoptr(GError) local = NULL;
  JsonObject *root;
  JsonNode *schema, *name;
  gsize len, offset;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end;
  guint column;
  LgsmJsonCheck check;

  if (line)
    *line = 0;
  if (len > LGSM_LESSON_MAX_SIZE)
    return fail (error, LGSM_RECORD_ERROR_TOO_LARGE, file, "a lesson file is at most 1 MiB"), NULL;
  if (data == NULL || len == 0)
    data = "", len = 0;
  if (!g_utf8_validate (data, (gssize) len, &end) || memchr (data, '\0', len) != NULL)
    {
      const char *nul = memchr (data, '\0', len);
      if (line)
        lgsm_json_offset_to_line_col (data, len, (gsize) ((nul && nul < end ? nul : end) - data), line, &column);
      return fail (error, LGSM_RECORD_ERROR_BAD_TEXT, file, "not a UTF-8 text file"), NULL;
    }
  /* the same strictness as records files: json-glib's parser recurses, and
   * it would pass on comments, \u0000 and half surrogate pairs */
  check = lgsm_json_precheck (data, len, LESSON_MAX_DEPTH, &offset);
  if (check != LGSM_JSON_OK && line)
    lgsm_json_offset_to_line_col (data, len, offset, line, &column);
  switch (check)
    {
    case LGSM_JSON_OK:
      break;
    case LGSM_JSON_TOO_DEEP:
      return fail (error, LGSM_RECORD_ERROR_TOO_LARGE, file, "nesting is deeper than a lesson file has"), NULL;
    case LGSM_JSON_ESCAPED_NUL:
    case LGSM_JSON_LONE_SURROGATE:
      return fail (error, LGSM_RECORD_ERROR_BAD_TEXT, file, "a string holds an escape that is not text"), NULL;
    case LGSM_JSON_NOT_STRICT:
    case LGSM_JSON_TRAILING:
    default:
      return fail (error, LGSM_RECORD_ERROR_SYNTAX, file, "not valid JSON"), NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error…" */
      const char *at = strchr (local->message, ':');
      guint l;

      if (line && at && sscanf (at, ":%u:", &l) == 1)
        *line = l;
      return fail (error, LGSM_RECORD_ERROR_SYNTAX, file, local->message), NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (error, LGSM_RECORD_ERROR_WRONG_TYPE, file, "a lesson file holds one JSON object"), NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  schema = json_object_get_member (root, "schema");
  if (schema == NULL || !JSON_NODE_HOLDS_VALUE (schema) || json_node_get_value_type (schema) != G_TYPE_INT64 ||
      json_node_get_int (schema) != 1)
    return fail (error, LGSM_RECORD_ERROR_UNSUPPORTED_SCHEMA, file, "schema: must be 1"), NULL;
  name = json_object_get_member (root, "name");
  if (name == NULL || !JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING ||
      *json_node_get_string (name) == '\0')
    return fail (error, LGSM_RECORD_ERROR_MISSING_FIELD, file, "name: must be a non-empty string"), NULL;
  if (!name_is_valid (json_node_get_string (name)))
    return fail (error, LGSM_RECORD_ERROR_BAD_TEXT, file,
                 "name: at most 1024 bytes of plain text (no control characters)"), NULL;
  self->name = g_strdup (json_node_get_string (name));
  if (!read_ids (self, json_object_get_member (root, "records"), file, error))
    return NULL;
  return g_steal_pointer (&self);
}

LgsmLesson *
lgsm_lesson_load_bytes (GBytes      *bytes,
                        const char  *file,
                        GError     **error)
{
  return lgsm_lesson_load_bytes_full (bytes, file, NULL, error);
}

/* A file the teacher chose: a link is followed, but a pipe or a device is
 * refused without blocking, and nothing over 1 MiB is read. */
LgsmLesson *
lgsm_lesson_load_file (GFile   *file,
                       GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_file_peek_path (file) != NULL)
    bytes = lgsm_read_regular_file (AT_FDCWD, g_file_peek_path (file), LGSM_LESSON_MAX_SIZE,
                                    LGSM_READ_FOLLOW_LINKS, error);
  else
    bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return lgsm_lesson_load_bytes (bytes, name, error);
}

char *
lgsm_lesson_to_json (LgsmLesson *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (LGSM_IS_LESSON (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name ? self->name : "");
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->ids, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * lgsm_lesson_save_file:
 *
 * Writes the lesson to @file, making its folder if need be. A local file
 * is written to a temporary file beside it and renamed over
 * (lgsm_save_file_atomic()): whatever fails, the old file stays byte for
 * byte and no temporary file is left.
 *
 * Returns: %TRUE on success; on failure an %LGSM_LESSON_ERROR naming the
 *   lesson with the reason in the current language ("The disk is full")
 */
gboolean
lgsm_lesson_save_file (LgsmLesson  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) local = NULL;
  const char *path;
  const char *what;

  g_return_val_if_fail (LGSM_IS_LESSON (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = lgsm_lesson_to_json (self);
  what = self->name && *self->name ? self->name : NULL;
  path = g_file_peek_path (file);
  if (path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *display = what ? g_strdup (what) : g_filename_display_basename (path);

      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          int errsv = errno;
          LgsmLessonError code = lgsm_lesson_error_from_errno (errsv);

          g_set_error (error, LGSM_LESSON_ERROR, code, _("“%s” was not saved: %s"), display,
                       code == LGSM_LESSON_ERROR_FAILED ? g_strerror (errsv) : lgsm_lesson_error_get_reason (code));
          return FALSE;
        }
      return lgsm_save_file_atomic (path, what, json, strlen (json), error);
    }

  /* not a local file (a network share through GVfs): GIO's own temporary
   * file and rename, without G_FILE_CREATE_REPLACE_DESTINATION, which in
   * GLib 2.74 empties the old file when the disk is full */
  if (!g_file_replace_contents (file, json, strlen (json), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &local))
    {
      g_autofree char *display = what ? g_strdup (what) : g_file_get_basename (file);
      LgsmLessonError code = lgsm_lesson_error_from_gerror (local);

      g_set_error (error, LGSM_LESSON_ERROR, code, _("“%s” was not saved: %s"), display,
                   code == LGSM_LESSON_ERROR_FAILED ? local->message : lgsm_lesson_error_get_reason (code));
      return FALSE;
    }
  return TRUE;
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
