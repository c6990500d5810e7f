/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "lgsm-record-error.h"

G_BEGIN_DECLS

#define LGSM_TYPE_PROBLEM (lgsm_problem_get_type ())
G_DECLARE_FINAL_TYPE (LgsmProblem, lgsm_problem, LGSM, PROBLEM, GObject)

LgsmProblem     *lgsm_problem_new            (const char      *file,
                                              guint            line,
                                              guint            column,
                                              const char      *record_id,
                                              const char      *field,
                                              LgsmRecordError  code,
                                              const char      *message);
const char      *lgsm_problem_get_file       (LgsmProblem *self);
guint            lgsm_problem_get_line       (LgsmProblem *self);
guint            lgsm_problem_get_column     (LgsmProblem *self);
const char      *lgsm_problem_get_record_id  (LgsmProblem *self);
const char      *lgsm_problem_get_field      (LgsmProblem *self);
LgsmRecordError  lgsm_problem_get_code       (LgsmProblem *self);
const char      *lgsm_problem_get_message    (LgsmProblem *self);
const char      *lgsm_problem_to_string      (LgsmProblem *self);
GError          *lgsm_problem_to_error       (LgsmProblem *self);

G_END_DECLS
