/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lgsm-problem.h"

/* One problem found in the records: where it is, which record and field,
 * what class it is, and a human message. */
struct _LgsmProblem
{
  GObject          parent_instance;
  char            *file;
  guint            line;
  guint            column;
  char            *record_id;
  char            *field;
  LgsmRecordError  code;
  char            *message;
  char            *full;
};

G_DEFINE_FINAL_TYPE (LgsmProblem, lgsm_problem, G_TYPE_OBJECT)

/* Problems quote what curators wrote, file names included: made valid
 * UTF-8 and with control characters shown as \uXXXX, so that a message can
 * never drive a terminal (escape sequences) or break a line. */
static char *
make_plain (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
lgsm_problem_finalize (GObject *object)
{
  LgsmProblem *self = LGSM_PROBLEM (object);

  g_free (self->file);
  g_free (self->record_id);
  g_free (self->field);
  g_free (self->message);
  g_free (self->full);

  G_OBJECT_CLASS (lgsm_problem_parent_class)->finalize (object);
}

static void
lgsm_problem_class_init (LgsmProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgsm_problem_finalize;
}

static void
lgsm_problem_init (LgsmProblem *self)
{
}

LgsmProblem *
lgsm_problem_new (const char      *file,
                  guint            line,
                  guint            column,
                  const char      *record_id,
                  const char      *field,
                  LgsmRecordError  code,
                  const char      *message)
{
  LgsmProblem *self = g_object_new (LGSM_TYPE_PROBLEM, NULL);

  self->file = make_plain (file ? file : "-");
  self->line = line;
  self->column = column;
  self->record_id = make_plain (record_id && *record_id ? record_id : "-");
  self->field = make_plain (field && *field ? field : "-");
  self->code = code;
  self->message = make_plain (message);
  self->full = g_strdup_printf ("%s:%u:%u: %s: %s: %s",
                                self->file, line, column,
                                self->record_id, self->field, self->message);
  return self;
}

const char *
lgsm_problem_get_file (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), NULL);
  return self->file;
}

guint
lgsm_problem_get_line (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), 0);
  return self->line;
}

guint
lgsm_problem_get_column (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), 0);
  return self->column;
}

const char *
lgsm_problem_get_record_id (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), NULL);
  return self->record_id;
}

const char *
lgsm_problem_get_field (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), NULL);
  return self->field;
}

LgsmRecordError
lgsm_problem_get_code (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), LGSM_RECORD_ERROR_IO);
  return self->code;
}

const char *
lgsm_problem_get_message (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), NULL);
  return self->message;
}

/* "FILE:LINE:COL: RECORD-ID: FIELD: message" */
const char *
lgsm_problem_to_string (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), NULL);
  return self->full;
}

GError *
lgsm_problem_to_error (LgsmProblem *self)
{
  g_return_val_if_fail (LGSM_IS_PROBLEM (self), NULL);
  return g_error_new_literal (LGSM_RECORD_ERROR, self->code, self->full);
}
