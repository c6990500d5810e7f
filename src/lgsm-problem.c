/* SPDX-License-Identifier: GPL-3.0-or-later */
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

  self->file = g_strdup (file ? file : "-");
  self->line = line;
  self->column = column;
  self->record_id = g_strdup (record_id && *record_id ? record_id : "-");
  self->field = g_strdup (field && *field ? field : "-");
  self->code = code;
  self->message = g_strdup (message);
  self->full = g_strdup_printf ("%s:%u:%u: %s: %s: %s",
                                self->file, line, column,
                                self->record_id, self->field, message);
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
