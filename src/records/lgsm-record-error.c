/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lgsm-record-error.h"
#include "lgsm-records-enums.h"

G_DEFINE_QUARK (lgsm-record-error-quark, lgsm_record_error)

/* Stable short names, used in fixtures' expected output and by tools:
 * the enum's nicks, as glib-mkenums makes them ("wrong-type"). */
const char *
lgsm_record_error_to_nick (LgsmRecordError code)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LGSM_TYPE_RECORD_ERROR);
  GEnumValue *value = g_enum_get_value (klass, code);

  return value ? value->value_nick : "unknown";
}
