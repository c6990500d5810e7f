/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LGSM_RECORD_ERROR (lgsm_record_error_quark ())

/**
 * LgsmRecordError:
 * One code per class of problem a curator can make in a records folder.
 */
typedef enum {
  LGSM_RECORD_ERROR_IO,                 /* file or folder cannot be read */
  LGSM_RECORD_ERROR_SYNTAX,             /* not JSON at all */
  LGSM_RECORD_ERROR_WRONG_TYPE,         /* a field has the wrong JSON type */
  LGSM_RECORD_ERROR_MISSING_FIELD,      /* a required field is absent */
  LGSM_RECORD_ERROR_UNKNOWN_FIELD,      /* a field the schema does not know */
  LGSM_RECORD_ERROR_BAD_ID,             /* id not [a-z0-9-]+ or too long */
  LGSM_RECORD_ERROR_DUPLICATE_ID,       /* id used twice */
  LGSM_RECORD_ERROR_DANGLING_LINK,      /* a link names no record (or the wrong kind) */
  LGSM_RECORD_ERROR_BAD_DATE,           /* a date that does not exist or does not parse */
  LGSM_RECORD_ERROR_BAD_AMOUNT,         /* negative, fractional or out-of-range money */
  LGSM_RECORD_ERROR_BAD_IMAGE,          /* image path refused or file missing */
  LGSM_RECORD_ERROR_EMPTY_TEXT,         /* an empty or blank string */
  LGSM_RECORD_ERROR_BAD_TEXT,           /* invalid UTF-8 or control characters */
  LGSM_RECORD_ERROR_BAD_VALUE,          /* a value outside the allowed set (kind, section…) */
  LGSM_RECORD_ERROR_UNSUPPORTED_SCHEMA, /* schema version we cannot read */
  LGSM_RECORD_ERROR_TOO_LARGE,          /* file, string or nesting over the limits */
} LgsmRecordError;

GQuark       lgsm_record_error_quark     (void);
const char  *lgsm_record_error_to_nick   (LgsmRecordError code);

G_END_DECLS
