/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lgsm-record-error.h"

G_DEFINE_QUARK (lgsm-record-error-quark, lgsm_record_error)

/* Stable short names, used in fixtures' expected output and by tools. */
const char *
lgsm_record_error_to_nick (LgsmRecordError code)
{
  static const char * const nicks[] = {
    "io", "syntax", "wrong-type", "missing-field", "unknown-field", "bad-id",
    "duplicate-id", "dangling-link", "bad-date", "bad-amount", "bad-image",
    "empty-text", "bad-text", "bad-value", "unsupported-schema", "too-large",
  };

  if ((guint) code < G_N_ELEMENTS (nicks))
    return nicks[code];
  return "unknown";
}
