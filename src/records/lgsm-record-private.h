/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include "lgsm-record.h"

G_BEGIN_DECLS

/* The loader fills a record in place. Strings are borrowed, not copied:
 * they point into the parsed JSON object the record keeps a reference to,
 * into an interned string, or into the message catalogue (translations). */
struct _LgsmRecord
{
  GObject          parent_instance;

  JsonObject      *json;
  const char      *section;   /* interned */
  const char      *file;      /* interned */
  guint            index;     /* position in the file's "records" array */

  const char      *id;
  LgsmRecordKind   kind;
  const char      *title;
  const char      *summary;
  const char     **body;
  LgsmDate        *date;

  char            *image_uri;
  const char      *image_alt;
  const char      *image_credit;
  const char      *image_licence;

  gint64           pence;
  const char      *currency;
  guint            has_amount : 1;
  guint            approximate : 1;
  guint            has_geo : 1;
  double           lat;
  double           lon;

  const char     **places;
  const char     **people;
  const char     **see_also;
  const char      *group;
  const char      *side;
  const char      *notes;
  const char      *content_note;
  const char     **sources;
};

LgsmRecord *lgsm_record_new_for_json (JsonObject *json);

G_END_DECLS
