/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A point in time as precise as the sources allow: a year, a month or a day. */
typedef enum {
  LGSM_DATE_PRECISION_YEAR = 1,
  LGSM_DATE_PRECISION_MONTH,
  LGSM_DATE_PRECISION_DAY,
} LgsmDatePrecision;

typedef struct {
  guint16 year;
  guint8  month;   /* 1–12, or 0 when only the year is known */
  guint8  day;     /* 1–31, or 0 when not known */
} LgsmDatePoint;

#define LGSM_TYPE_DATE (lgsm_date_get_type ())
typedef struct _LgsmDate LgsmDate;

GType              lgsm_date_get_type        (void) G_GNUC_CONST;

gboolean           lgsm_date_point_parse     (const char          *text,
                                              LgsmDatePoint       *out,
                                              GError             **error);
LgsmDatePrecision  lgsm_date_point_precision (const LgsmDatePoint *point);
int                lgsm_date_point_compare   (const LgsmDatePoint *a,
                                              const LgsmDatePoint *b);

LgsmDate          *lgsm_date_new             (const LgsmDatePoint *start,
                                              const LgsmDatePoint *end,
                                              gboolean             circa,
                                              const char          *display);
LgsmDate          *lgsm_date_parse           (const char          *text,
                                              GError             **error);
LgsmDate          *lgsm_date_copy            (const LgsmDate      *date);
void               lgsm_date_free            (LgsmDate            *date);

const LgsmDatePoint *lgsm_date_get_start     (const LgsmDate      *date);
const LgsmDatePoint *lgsm_date_get_end       (const LgsmDate      *date);
gboolean           lgsm_date_is_circa        (const LgsmDate      *date);
const char        *lgsm_date_get_display     (const LgsmDate      *date);
void               lgsm_date_set_display     (LgsmDate            *date,
                                              const char          *display);

int                lgsm_date_compare         (const LgsmDate      *a,
                                              const LgsmDate      *b);
double             lgsm_date_to_years        (const LgsmDate      *date);
char              *lgsm_date_point_format    (const LgsmDatePoint *point);
char              *lgsm_date_format          (const LgsmDate      *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgsmDate, lgsm_date_free)

G_END_DECLS
