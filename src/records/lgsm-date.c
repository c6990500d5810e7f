/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lgsm-date.h"
#include "lgsm-language.h"
#include "lgsm-record-error.h"

struct _LgsmDate
{
  LgsmDatePoint  start;
  LgsmDatePoint  end;      /* year == 0: no range */
  gboolean       circa;
  char          *display;  /* wording that replaces the formatted date */
};

G_DEFINE_BOXED_TYPE (LgsmDate, lgsm_date, lgsm_date_copy, lgsm_date_free)

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Accepts "YYYY", "YYYY-MM" and "YYYY-MM-DD" (ISO 8601 calendar dates),
 * and refuses anything that does not exist in the calendar. */
gboolean
lgsm_date_point_parse (const char     *text,
                       LgsmDatePoint  *out,
                       GError        **error)
{
  gsize len = text ? strlen (text) : 0;
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if ((len != 4 && len != 7 && len != 10) ||
      !parse_digits (text, 4, &year) ||
      (len >= 7 && (text[4] != '-' || !parse_digits (text + 5, 2, &month))) ||
      (len == 10 && (text[7] != '-' || !parse_digits (text + 8, 2, &day))))
    {
      g_set_error (error, LGSM_RECORD_ERROR, LGSM_RECORD_ERROR_BAD_DATE,
                   "“%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                   text ? text : "");
      return FALSE;
    }

  if (year < 1 || (len >= 7 && (month < 1 || month > 12)))
    {
      g_set_error (error, LGSM_RECORD_ERROR, LGSM_RECORD_ERROR_BAD_DATE,
                   "“%s” has no such year or month", text);
      return FALSE;
    }

  if (len == 10 && !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, LGSM_RECORD_ERROR, LGSM_RECORD_ERROR_BAD_DATE,
                   "“%s” is not a day in the calendar", text);
      return FALSE;
    }

  out->year = (guint16) year;
  out->month = (guint8) month;
  out->day = (guint8) day;
  return TRUE;
}

LgsmDatePrecision
lgsm_date_point_precision (const LgsmDatePoint *point)
{
  if (point->day)
    return LGSM_DATE_PRECISION_DAY;
  if (point->month)
    return LGSM_DATE_PRECISION_MONTH;
  return LGSM_DATE_PRECISION_YEAR;
}

/* Orders by the earliest moment each point can mean; a vaguer point sorts
 * before a precise one that starts at the same moment ("1984" < "1984-01"). */
int
lgsm_date_point_compare (const LgsmDatePoint *a,
                         const LgsmDatePoint *b)
{
  guint ka = a->year * 10000u + a->month * 100u + a->day;
  guint kb = b->year * 10000u + b->month * 100u + b->day;

  return (ka > kb) - (ka < kb);
}

LgsmDate *
lgsm_date_new (const LgsmDatePoint *start,
               const LgsmDatePoint *end,
               gboolean             circa,
               const char          *display)
{
  LgsmDate *date = g_new0 (LgsmDate, 1);

  g_return_val_if_fail (start != NULL, NULL);

  date->start = *start;
  if (end)
    date->end = *end;
  date->circa = !!circa;
  date->display = g_strdup (display);
  return date;
}

LgsmDate *
lgsm_date_parse (const char  *text,
                 GError     **error)
{
  LgsmDatePoint point;

  if (!lgsm_date_point_parse (text, &point, error))
    return NULL;
  return lgsm_date_new (&point, NULL, FALSE, NULL);
}

LgsmDate *
lgsm_date_copy (const LgsmDate *date)
{
  LgsmDate *copy;

  g_return_val_if_fail (date != NULL, NULL);

  copy = g_memdup2 (date, sizeof *date);
  copy->display = g_strdup (date->display);
  return copy;
}

void
lgsm_date_free (LgsmDate *date)
{
  if (date == NULL)
    return;
  g_free (date->display);
  g_free (date);
}

const LgsmDatePoint *
lgsm_date_get_start (const LgsmDate *date)
{
  return &date->start;
}

const LgsmDatePoint *
lgsm_date_get_end (const LgsmDate *date)
{
  return date->end.year ? &date->end : NULL;
}

gboolean
lgsm_date_is_circa (const LgsmDate *date)
{
  return date->circa;
}

const char *
lgsm_date_get_display (const LgsmDate *date)
{
  return date->display;
}

void
lgsm_date_set_display (LgsmDate   *date,
                       const char *display)
{
  g_free (date->display);
  date->display = g_strdup (display);
}

int
lgsm_date_compare (const LgsmDate *a,
                   const LgsmDate *b)
{
  int r;

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);   /* undated records sort last */
  r = lgsm_date_point_compare (&a->start, &b->start);
  if (r == 0)
    r = lgsm_date_point_compare (&a->end, &b->end);
  return r;
}

/* The middle of the period a point may mean, in fractional years: used to
 * place a date on a timeline ("1984" sits mid-1984, "1984-12" mid-December). */
static double
point_to_years (const LgsmDatePoint *p)
{
  switch (lgsm_date_point_precision (p))
    {
    case LGSM_DATE_PRECISION_YEAR:
      return p->year + 0.5;
    case LGSM_DATE_PRECISION_MONTH:
      return p->year + (p->month - 0.5) / 12.0;
    case LGSM_DATE_PRECISION_DAY:
    default:
      return p->year + (p->month - 1) / 12.0 + (p->day - 0.5) / 365.0;
    }
}

double
lgsm_date_to_years (const LgsmDate *date)
{
  return point_to_years (&date->start);
}

/* The month names dates use when the C library has no locale for the
 * chosen language (lgsm_language_get_dates_from_translation()). */
static const char * const month_names[] = {
  /* Translators: a month's name as dates show it ("10 January 1985",
     "January 1985") where the computer has no locale for your language;
     with one, the C library's names are used and these are not. */
  NC_("month", "January"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "February"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "March"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "April"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "May"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "June"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "July"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "August"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "September"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "October"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "November"),
  /* Translators: a month's name in a date, as for "January" */
  NC_("month", "December"),
};

/* @format with the month's name (%B, %OB) written in from the translation,
 * for a language the C library has no locale for. */
static char *
with_translated_month (const char *format,
                       guint       month)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (month >= 1 && month <= 12, g_strdup (format));

  /* a "%" in the name is not a conversion */
  parts = g_strsplit (g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]), "%", -1);
  name = g_strjoinv ("%%", parts);
  for (const char *p = format; *p; p++)
    {
      if (p[0] == '%' && p[1] == 'B')
        {
          g_string_append (out, name);
          p++;
        }
      else if (p[0] == '%' && p[1] == 'O' && p[2] == 'B')
        {
          g_string_append (out, name);
          p += 2;
        }
      else if (p[0] == '%' && p[1] != '\0')
        {
          g_string_append_len (out, p, 2);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Formats at the precision given, with the locale's month names, or the
 * translation's when the language has no locale. */
char *
lgsm_date_point_format (const LgsmDatePoint *point)
{
  g_autofree char *translated_format = NULL;
  g_autoptr(GDateTime) dt = NULL;
  const char *format;

  switch (lgsm_date_point_precision (point))
    {
    case LGSM_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%u", point->year);
    case LGSM_DATE_PRECISION_MONTH:
      /* Translators: strftime format for a month and year, e.g. "September 1984" */
      format = C_("date", "%B %Y");
      break;
    case LGSM_DATE_PRECISION_DAY:
    default:
      /* Translators: strftime format for a full date, e.g. "10 December 1984" */
      format = C_("date", "%-d %B %Y");
      break;
    }

  dt = g_date_time_new_utc (point->year, point->month, point->day ? point->day : 1, 12, 0, 0);
  if (dt == NULL)
    return g_strdup_printf ("%u", point->year);
  if (lgsm_language_get_dates_from_translation ())
    format = translated_format = with_translated_month (format, point->month);
  return g_date_time_format (dt, format);
}

char *
lgsm_date_format (const LgsmDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (date->display != NULL)
    return g_strdup (date->display);

  start = lgsm_date_point_format (&date->start);
  if (date->end.year)
    {
      g_autofree char *end = lgsm_date_point_format (&date->end);
      /* Translators: a period of time, e.g. "1984 – 1985" */
      text = g_strdup_printf (C_("date", "%s – %s"), start, end);
    }
  else
    text = g_steal_pointer (&start);

  if (date->circa)
    /* Translators: an approximate date, e.g. "c. 1984" */
    return g_strdup_printf (C_("date", "c. %s"), text);
  return g_steal_pointer (&text);
}
