/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lgsm-loader-private.h"

/* The loader's problems: each is placed at its file's line:column (found
 * only when there is something to report), with the record's id or
 * "records[N]", and the field; a record's problems are listed up to
 * LGSM_LOADER_MAX_PROBLEMS_PER_RECORD. The checks of a value's JSON type
 * and of an object's members are here too: what they do is report. */

static void
report_at (FileCtx         *fc,
           int              record,
           const char      *record_id,
           const char      *field,
           LgsmRecordError  code,
           const char      *message)
{
  g_autoptr(LgsmProblem) problem = NULL;
  guint line = 0, column = 0;

  if (fc->index == NULL && fc->indexable)
    fc->index = lgsm_json_index_new (fc->text, fc->len);
  if (fc->index != NULL)
    lgsm_json_index_locate (fc->index, record, field, &line, &column);

  problem = lgsm_problem_new (fc->file, line, column, record_id, field, code, message);
  g_list_store_append (fc->problems, problem);
}

/* The record's id, or "records[N]" while it is not known: made only when
 * there is something to report (formatting it for every record cost more
 * than reading most of the record). */
static const char *
record_label (RecCtx *rc)
{
  if (rc->id)
    return rc->id;
  if (rc->label[0] == '\0')
    g_snprintf (rc->label, sizeof rc->label, "records[%d]", rc->index);
  return rc->label;
}

void
lgsm_loader_report (RecCtx          *rc,
                    const char      *field,
                    LgsmRecordError  code,
                    const char      *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  rc->failed = TRUE;
  /* a record with thousands of problems is listed up to a point */
  if (rc->n_reported++ >= LGSM_LOADER_MAX_PROBLEMS_PER_RECORD)
    return;
  report_at (rc->fc, rc->index, record_label (rc), field, code, message);
}

void
lgsm_loader_report_more (RecCtx *rc)
{
  g_autofree char *message = NULL;
  guint more;

  if (rc->n_reported <= LGSM_LOADER_MAX_PROBLEMS_PER_RECORD)
    return;
  more = rc->n_reported - LGSM_LOADER_MAX_PROBLEMS_PER_RECORD;
  message = g_strdup_printf ("and %u more problems in this record, not listed one by one", more);
  report_at (rc->fc, rc->index, record_label (rc), NULL, LGSM_RECORD_ERROR_BAD_VALUE, message);
}

const char *
lgsm_loader_json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "a string";
        case G_TYPE_BOOLEAN:
          return "true or false";
        default:
          return "a number";
        }
    }
}

gboolean
lgsm_loader_expect_type (RecCtx     *rc,
                         JsonNode   *node,
                         const char *field,
                         GType       value_type,
                         const char *wanted)
{
  gboolean ok;

  if (value_type == JSON_TYPE_OBJECT)
    ok = JSON_NODE_HOLDS_OBJECT (node);
  else if (value_type == JSON_TYPE_ARRAY)
    ok = JSON_NODE_HOLDS_ARRAY (node);
  else if (value_type == G_TYPE_DOUBLE)
    ok = JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
          json_node_get_value_type (node) == G_TYPE_INT64);
  else
    ok = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;

  if (!ok)
    lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_WRONG_TYPE,
                        "must be %s, not %s", wanted, lgsm_loader_json_type_name (node));
  return ok;
}

/* Unknown members are errors, except the curators' own "x-…" fields. */
void
lgsm_loader_check_members (RecCtx             *rc,
                           JsonObject         *object,
                           const char         *prefix,
                           const char * const *known,
                           guint               n_known)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      gboolean found = g_str_has_prefix (name, "x-");

      for (guint i = 0; !found && i < n_known; i++)
        found = strcmp (name, known[i]) == 0;
      if (!found)
        {
          g_autofree char *field = prefix ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
          lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_UNKNOWN_FIELD,
                              "“%s” is not a field of the schema (misspelt? fields of your own must start with “x-”)",
                              name);
        }
    }
}

/* json-glib says "<data>:LINE:COL: Parse error: …"; keep its position. */
static void
report_syntax (FileCtx      *fc,
               const GError *error)
{
  g_autoptr(LgsmProblem) problem = NULL;
  const char *message = error->message;
  guint line = 0, column = 0;
  const char *p;

  if ((p = strchr (message, ':')) && sscanf (p, ":%u:%u:", &line, &column) == 2)
    {
      for (int i = 0; i < 3 && p; i++)
        p = strchr (p + 1, ':');
      if (p)
        message = p + 1 + (p[1] == ' ');
    }
  {
    g_autofree char *text = g_strdup_printf ("the file is not valid JSON (%s)", message);
    problem = lgsm_problem_new (fc->file, line, column, "-", NULL, LGSM_RECORD_ERROR_SYNTAX, text);
  }
  g_list_store_append (fc->problems, problem);
}

/* A problem of the file as a whole, at a byte offset in its text. */
void
lgsm_loader_report_offset (FileCtx         *fc,
                           gsize            offset,
                           LgsmRecordError  code,
                           const char      *message)
{
  g_autoptr(LgsmProblem) problem = NULL;
  guint line, column;

  lgsm_json_offset_to_line_col (fc->text, fc->len, offset, &line, &column);
  problem = lgsm_problem_new (fc->file, line, column, "-", NULL, code, message);
  g_list_store_append (fc->problems, problem);
}

/* json-glib could not parse the text: bad UTF-8 or a syntax error. */
void
lgsm_loader_report_parse_error (FileCtx      *fc,
                                const GError *error)
{
  const char *bad = NULL;

  /* json-glib checks the encoding itself; say where, only when it fails */
  if (!g_utf8_validate (fc->text, (gssize) fc->len, &bad))
    lgsm_loader_report_offset (fc, (gsize) (bad - fc->text), LGSM_RECORD_ERROR_BAD_TEXT,
                               "the file is not valid UTF-8 here");
  else
    report_syntax (fc, error);
}
