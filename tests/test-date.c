/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "lgsm-date.h"
#include "lgsm-record-error.h"

static void
test_parse_precision (void)
{
  LgsmDatePoint p;

  g_assert_true (lgsm_date_point_parse ("1984", &p, NULL));
  g_assert_cmpuint (p.year, ==, 1984);
  g_assert_cmpuint (p.month, ==, 0);
  g_assert_cmpint (lgsm_date_point_precision (&p), ==, LGSM_DATE_PRECISION_YEAR);

  g_assert_true (lgsm_date_point_parse ("1984-09", &p, NULL));
  g_assert_cmpuint (p.month, ==, 9);
  g_assert_cmpint (lgsm_date_point_precision (&p), ==, LGSM_DATE_PRECISION_MONTH);

  g_assert_true (lgsm_date_point_parse ("1984-12-10", &p, NULL));
  g_assert_cmpuint (p.day, ==, 10);
  g_assert_cmpint (lgsm_date_point_precision (&p), ==, LGSM_DATE_PRECISION_DAY);

  g_assert_true (lgsm_date_point_parse ("1988-02-29", &p, NULL));   /* leap year */
}

static void
test_parse_invalid (void)
{
  const char *bad[] = { "", "84", "1984-1", "1984-13", "1984-00", "1984-13-45", "1985-02-29",
                        "1984-12-32", "1984/12/10", "1984-12-10T00:00", "nineteen", " 1984", "0000" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      LgsmDatePoint p;

      g_assert_false (lgsm_date_point_parse (bad[i], &p, &error));
      g_assert_error (error, LGSM_RECORD_ERROR, LGSM_RECORD_ERROR_BAD_DATE);
    }
}

static void
test_format (void)
{
  LgsmDatePoint start, end;
  g_autoptr(LgsmDate) year = lgsm_date_parse ("1984", NULL);
  g_autoptr(LgsmDate) month = lgsm_date_parse ("1984-09", NULL);
  g_autoptr(LgsmDate) day = lgsm_date_parse ("1984-12-10", NULL);
  g_autoptr(LgsmDate) range = NULL;
  g_autoptr(LgsmDate) circa = NULL;
  g_autoptr(LgsmDate) shown = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *s5 = NULL, *s6 = NULL;

  lgsm_date_point_parse ("1984-03", &start, NULL);
  lgsm_date_point_parse ("1985", &end, NULL);
  range = lgsm_date_new (&start, &end, FALSE, NULL);
  circa = lgsm_date_new (&end, NULL, TRUE, NULL);
  shown = lgsm_date_new (&start, &end, TRUE, "winter 1984–85");

  g_assert_cmpstr ((s1 = lgsm_date_format (year)), ==, "1984");
  g_assert_cmpstr ((s2 = lgsm_date_format (month)), ==, "September 1984");
  g_assert_cmpstr ((s3 = lgsm_date_format (day)), ==, "10 December 1984");
  g_assert_cmpstr ((s4 = lgsm_date_format (range)), ==, "March 1984 – 1985");
  g_assert_cmpstr ((s5 = lgsm_date_format (circa)), ==, "c. 1985");
  g_assert_cmpstr ((s6 = lgsm_date_format (shown)), ==, "winter 1984–85");
}

static void
test_compare (void)
{
  g_autoptr(LgsmDate) year = lgsm_date_parse ("1984", NULL);
  g_autoptr(LgsmDate) month = lgsm_date_parse ("1984-09", NULL);
  g_autoptr(LgsmDate) day = lgsm_date_parse ("1984-12-10", NULL);
  g_autoptr(LgsmDate) later = lgsm_date_parse ("1985", NULL);
  g_autoptr(LgsmDate) copy = lgsm_date_copy (day);

  g_assert_cmpint (lgsm_date_compare (year, month), <, 0);   /* vaguer first */
  g_assert_cmpint (lgsm_date_compare (month, day), <, 0);
  g_assert_cmpint (lgsm_date_compare (day, later), <, 0);
  g_assert_cmpint (lgsm_date_compare (later, year), >, 0);
  g_assert_cmpint (lgsm_date_compare (day, copy), ==, 0);
  g_assert_cmpint (lgsm_date_compare (day, NULL), <, 0);     /* undated last */

  /* a year sits in its middle on a timeline, a day where it falls */
  g_assert_cmpfloat_with_epsilon (lgsm_date_to_years (year), 1984.5, 0.001);
  g_assert_cmpfloat_with_epsilon (lgsm_date_to_years (day), 1984.0 + 11 / 12.0 + 9.5 / 365.0, 0.001);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/precision", test_parse_precision);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/compare", test_compare);

  return g_test_run ();
}
