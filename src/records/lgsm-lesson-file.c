/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "lgsm-json-locate.h"
#include "lgsm-lesson-private.h"
#include "lgsm-loader.h"
#include "lgsm-record-error.h"
#include "lgsm-save.h"

/* A lesson's file: { "schema": 1, "name": "…", "records": ["id", …] }.
 * Reading is as strict as for records files and gives a GError naming the
 * file (and the line where the text goes wrong), never a crash; saving
 * goes through lgsm_save_file_atomic(), so the old file stays byte for
 * byte whatever fails. */

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

/* What comes before parsing: the size, the encoding, and the same
 * strictness as records files (json-glib's parser recurses, and it would
 * pass on comments, \u0000 and half surrogate pairs). */
static gboolean
check_text (const char  *data,
            gsize        len,
            const char  *file,
            guint       *line,
            GError     **error)
{
  gsize offset;
  const char *end;
  guint column;
  LgsmJsonCheck check;

  if (!g_utf8_validate (data, (gssize) len, &end) || memchr (data, '\0', len) != NULL)
    {
      const char *nul = memchr (data, '\0', len);
      if (line)
        lgsm_json_offset_to_line_col (data, len, (gsize) ((nul && nul < end ? nul : end) - data), line, &column);
      return fail (error, LGSM_RECORD_ERROR_BAD_TEXT, file, "not a UTF-8 text file");
    }
  check = lgsm_json_precheck (data, len, LESSON_MAX_DEPTH, &offset);
  if (check != LGSM_JSON_OK && line)
    lgsm_json_offset_to_line_col (data, len, offset, line, &column);
  switch (check)
    {
    case LGSM_JSON_OK:
      return TRUE;
    case LGSM_JSON_TOO_DEEP:
      return fail (error, LGSM_RECORD_ERROR_TOO_LARGE, file, "nesting is deeper than a lesson file has");
    case LGSM_JSON_ESCAPED_NUL:
    case LGSM_JSON_LONE_SURROGATE:
      return fail (error, LGSM_RECORD_ERROR_BAD_TEXT, file, "a string holds an escape that is not text");
    case LGSM_JSON_NOT_STRICT:
    case LGSM_JSON_TRAILING:
    default:
      return fail (error, LGSM_RECORD_ERROR_SYNTAX, file, "not valid JSON");
    }
}

/* The parsed object: the schema, the name, then the records. */
static gboolean
read_root (LgsmLesson  *self,
           JsonObject  *root,
           const char  *file,
           GError     **error)
{
  JsonNode *schema = json_object_get_member (root, "schema");
  JsonNode *name;

  if (schema == NULL || !JSON_NODE_HOLDS_VALUE (schema) || json_node_get_value_type (schema) != G_TYPE_INT64 ||
      json_node_get_int (schema) != 1)
    return fail (error, LGSM_RECORD_ERROR_UNSUPPORTED_SCHEMA, file, "schema: must be 1");
  name = json_object_get_member (root, "name");
  if (name == NULL || !JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING ||
      *json_node_get_string (name) == '\0')
    return fail (error, LGSM_RECORD_ERROR_MISSING_FIELD, file, "name: must be a non-empty string");
  if (!name_is_valid (json_node_get_string (name)))
    return fail (error, LGSM_RECORD_ERROR_BAD_TEXT, file,
                 "name: at most 1024 bytes of plain text (no control characters)");
  self->name = g_strdup (json_node_get_string (name));
  return read_ids (self, json_object_get_member (root, "records"), file, error);
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
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (line)
    *line = 0;
  if (len > LGSM_LESSON_MAX_SIZE)
    return fail (error, LGSM_RECORD_ERROR_TOO_LARGE, file, "a lesson file is at most 1 MiB"), NULL;
  if (data == NULL || len == 0)
    data = "", len = 0;
  if (!check_text (data, len, file, line, error))
    return NULL;
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
  if (!read_root (self, json_node_get_object (json_parser_get_root (parser)), file, error))
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
