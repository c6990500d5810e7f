/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text as the voice should be given it: "£22,500" as an amount in words,
 * "1984–85" as a range, "NUM" as letters, dashes as pauses, quotation marks
 * dropped. The words added come from the po files (context "speech"), so
 * they are in the language the record text was loaded in; @language picks
 * the rules that are not words (English reads "1984" as "19 84"). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "lgsm-loader.h"
#include "lgsm-speech-text.h"

typedef struct {
  const char *text;      /* the whole input */
  const char *p;         /* the next byte to read */
  GString    *out;
  gboolean    english;
} Norm;

#define EN_DASH "\xe2\x80\x93"
#define EM_DASH "\xe2\x80\x94"

static const char *
speech_word (const char *msgid)
{
  return lgsm_pgettext (GETTEXT_PACKAGE, "speech", msgid);
}

static gboolean
is_alnum_at (const char *p)
{
  return *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));
}

static gboolean
is_word_start (const Norm *n)
{
  return n->p == n->text || !is_alnum_at (g_utf8_find_prev_char (n->text, n->p));
}

static gboolean
is_space_at (const char *p)
{
  return *p != '\0' && g_unichar_isspace (g_utf8_get_char (p));
}

static const char *
skip_spaces (const char *p)
{
  while (is_space_at (p))
    p = g_utf8_next_char (p);
  return p;
}

/* Digits, with thousands commas ("22,500": a comma and exactly three
 * digits) and a decimal part ("3.5"). *plain: digits only. */
static const char *
scan_number (const char *p,
             gboolean   *plain)
{
  *plain = TRUE;
  while (g_ascii_isdigit (*p))
    {
      p++;
      if (*p == ',' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
          g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        {
          *plain = FALSE;
          p++;
        }
    }
  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      *plain = FALSE;
      for (p++; g_ascii_isdigit (*p); p++)
        ;
    }
  return p;
}

/* The value of a number's whole part, saturating. */
static guint64
number_value (const char *p,
              const char *end)
{
  guint64 value = 0;

  for (; p < end && *p != '.'; p++)
    if (g_ascii_isdigit (*p))
      value = value > G_MAXUINT64 / 16 ? G_MAXUINT64 / 16 : value * 10 + (guint64) (*p - '0');
  return value;
}

static gboolean
is_english_year (gboolean plain,
                 gsize    len,
                 guint64  value)
{
  return plain && len == 4 && value >= 1100 && value <= 1999;
}

/* A number as the voice should read it: English years in two halves,
 * "1984" → "19 84" (espeak-ng would say "nineteen hundred and eighty-four"). */
static char *
speak_number (const Norm *n,
              const char *start,
              const char *end)
{
  gboolean plain;
  guint64 value = number_value (start, end);

  scan_number (start, &plain);
  if (n->english && is_english_year (plain, end - start, value) && value % 100 >= 10)
    return g_strdup_printf ("%.2s %.2s", start, start + 2);
  return g_strndup (start, end - start);
}

/* English decades: "1980s" → "19 eighties". */
static gboolean
try_decade (Norm       *n,
            const char *start,
            const char *end)
{
  static const char * const tens[] = {
    "hundreds", "tens", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties",
  };
  gboolean plain;
  guint64 value = number_value (start, end);

  scan_number (start, &plain);
  if (!n->english || !is_english_year (plain, end - start, value) || value % 10 != 0 ||
      *end != 's' || is_alnum_at (end + 1))
    return FALSE;
  g_string_append_printf (n->out, "%.2s %s", start, tens[(value % 100) / 10]);
  n->p = end + 1;
  return TRUE;
}

/* After a number: a dash (en or em, spaced or not; a hyphen spaced,
 * "10 - 12", or between years, "1984-85") and a second number. Returns the
 * second number's start. */
static const char *
scan_range_dash (const char *first,
                 const char *end)
{
  const char *p = skip_spaces (end);
  gboolean spaced = p != end;

  if (g_str_has_prefix (p, EN_DASH) || g_str_has_prefix (p, EM_DASH))
    p += strlen (EN_DASH);
  else if (*p == '-' && (spaced ? is_space_at (p + 1) : end - first == 4))
    p++;
  else
    return NULL;
  p = skip_spaces (p);
  return g_ascii_isdigit (*p) ? p : NULL;
}

/* "1984–85": the second year written in full, "1985" (and "1999–00": "2000"). */
static char *
full_second_year (const char *first,
                  gsize       first_len,
                  const char *second,
                  gsize       second_len)
{
  guint64 a = number_value (first, first + first_len);
  guint64 b = number_value (second, second + second_len);

  if (first_len != 4 || second_len != 2 || strspn (first, "0123456789") < 4 ||
      strspn (second, "0123456789") < 2)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT, (a / 100 + (b < a % 100 ? 1 : 0)) * 100 + b);
}

static gboolean
try_range (Norm       *n,
           const char *start,
           const char *end)
{
  const char *second = scan_range_dash (start, end);
  const char *second_end;
  g_autofree char *full = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gboolean plain;

  if (second == NULL)
    return FALSE;
  second_end = scan_number (second, &plain);
  if (is_alnum_at (second_end) || *second_end == '-')
    return FALSE;   /* "1984–85s", "2015-10-09" */
  a = speak_number (n, start, end);
  full = full_second_year (start, end - start, second, second_end - second);
  b = full ? speak_number (n, full, full + strlen (full)) : speak_number (n, second, second_end);
  /* Translators: a range read aloud, e.g. "1984 to 1985" for "1984–85" */
  g_string_append_printf (n->out, speech_word (NC_("speech", "%s to %s")), a, b);
  n->p = second_end;
  return TRUE;
}

static gboolean
try_number (Norm *n)
{
  const char *start = n->p;
  const char *end;
  gboolean plain;
  g_autofree char *spoken = NULL;

  if (!g_ascii_isdigit (*start) || !is_word_start (n))
    return FALSE;
  end = scan_number (start, &plain);
  if (try_decade (n, start, end) || try_range (n, start, end))
    return TRUE;
  if (is_alnum_at (end))
    spoken = g_strndup (start, end - start);   /* "30th", "4x4": as it is */
  else
    spoken = speak_number (n, start, end);
  g_string_append (n->out, spoken);
  n->p = end;
  return TRUE;
}

/* "£22,500" → "22,500 pounds"; "£2 million" → "2 million pounds";
 * "£5.50" → "5 pounds 50". */
static gboolean
try_amount (Norm *n)
{
  static const char * const scales[] = { " million", " billion", NULL };
  const char *start = n->p + strlen ("£");
  const char *end, *whole_end;
  const char *scale = "";
  g_autofree char *number = NULL;
  guint64 value;
  gboolean plain;

  if (!g_str_has_prefix (n->p, "£") || !g_ascii_isdigit (*start))
    return FALSE;
  end = scan_number (start, &plain);
  whole_end = memchr (start, '.', end - start);
  for (guint i = 0; scales[i]; i++)
    if (g_str_has_prefix (end, scales[i]) && !is_alnum_at (end + strlen (scales[i])))
      scale = scales[i];
  if (*scale || whole_end == NULL || end - whole_end != 3)
    whole_end = end;   /* "£1.5 million", "£2.5": the decimal is read as it is */
  value = *scale ? 1000000 : number_value (start, whole_end);
  number = g_strdup_printf ("%.*s%s", (int) (whole_end - start), start, scale);
  /* Translators: an amount of money read aloud, "£22,500" → "22,500 pounds"
     (Welsh: "22,500 o bunnoedd"); %s is the number, with its digits */
  g_string_append_printf (n->out, dngettext (GETTEXT_PACKAGE, "%s pound", "%s pounds",
                                             (unsigned long) value), number);
  if (whole_end != end && strncmp (whole_end, ".00", 3) != 0)
    g_string_append_printf (n->out, " %.2s", whole_end + 1);
  n->p = end + strlen (scale);
  return TRUE;
}

/* "c. 1984" (circa) → "about 1984". */
static gboolean
try_circa (Norm *n)
{
  const char *after;

  if (n->p[0] != 'c' || n->p[1] != '.' || !is_word_start (n))
    return FALSE;
  after = skip_spaces (n->p + 2);
  if (after == n->p + 2 || !g_ascii_isdigit (*after))
    return FALSE;
  /* Translators: said for "c." (circa) before a year, "c. 1984" → "about 1984" */
  g_string_append_printf (n->out, "%s ", speech_word (NC_("speech", "about")));
  n->p = after;
  return TRUE;
}

/* "Mr. Jones": the full stop would make the voice stop as at a sentence end. */
static gboolean
try_title_abbreviation (Norm *n)
{
  static const char * const titles[] = { "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Revd", "Rev", NULL };

  if (!is_word_start (n))
    return FALSE;
  for (guint i = 0; titles[i]; i++)
    {
      gsize len = strlen (titles[i]);
      if (strncmp (n->p, titles[i], len) == 0 && n->p[len] == '.' && is_space_at (n->p + len + 1))
        {
          g_string_append_len (n->out, n->p, len);
          n->p += len + 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* Capitals read as a word by everyone, not letter by letter. */
static gboolean
is_said_as_word (const char *word,
                 gsize       len)
{
  static const char * const words[] = {
    "AIDS", "NATO", "NASA", "UNESCO", "UNICEF", "UNISON", "OK", NULL,
  };

  if (strspn (word, "IVX") >= len)
    return TRUE;   /* Roman numerals, "World War II" */
  for (guint i = 0; words[i]; i++)
    if (strlen (words[i]) == len && strncmp (word, words[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* A word of two or more capitals (and nothing else) ends at @end. */
static gboolean
is_capital_word_before (const char *text,
                        const char *end)
{
  const char *q = end;
  gsize len = 0;

  while (q > text && q[-1] == ' ')
    q--;
  while (q > text && g_ascii_isupper (q[-1]))
    q--, len++;
  return len >= 2 && (q == text || !g_ascii_isalnum (q[-1]));
}

static gboolean
is_capital_word_at (const char *p)
{
  gsize len = 0;

  while (*p == ' ')
    p++;
  while (g_ascii_isupper (p[len]))
    len++;
  return len >= 2 && !g_ascii_isalnum (p[len]);
}

/* Words in capitals, as on a poster or a placard ("PITS AND PERVERTS",
 * "10 DEC"), are read as words: lower-cased, which a voice reads as it
 * reads any word. */
static gboolean
is_shouted (const Norm *n,
            gsize       len)
{
  static const char * const months[] = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", NULL,
  };

  for (guint i = 0; months[i]; i++)
    if (strlen (months[i]) == len && strncmp (n->p, months[i], len) == 0)
      return TRUE;
  return is_capital_word_before (n->text, n->p) || is_capital_word_at (n->p + len);
}

/* "NUM" → "N U M": an abbreviation of two to five capitals. */
static gboolean
try_capitals (Norm *n)
{
  gsize len = 0;

  if (!g_ascii_isupper (*n->p) || !is_word_start (n))
    return FALSE;
  while (g_ascii_isupper (n->p[len]))
    len++;
  if (len < 2 || is_alnum_at (n->p + len) || is_said_as_word (n->p, len))
    return FALSE;
  if (is_shouted (n, len))
    {
      for (gsize i = 0; i < len; i++)
        g_string_append_c (n->out, g_ascii_tolower (n->p[i]));
      n->p += len;
      return TRUE;
    }
  if (len > 5)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0)
        g_string_append_c (n->out, ' ');
      g_string_append_c (n->out, n->p[i]);
    }
  n->p += len;
  return TRUE;
}

static void
trim_end (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

/* A dash between words is a pause: "Mark – a founder – said" → "Mark, a founder, said". */
static gboolean
try_dash (Norm *n)
{
  gsize len;

  if (g_str_has_prefix (n->p, EN_DASH) || g_str_has_prefix (n->p, EM_DASH))
    len = strlen (EN_DASH);
  else if (n->p[0] == '-' && n->p > n->text && n->p[-1] == ' ' && is_space_at (n->p + 1))
    len = 1;
  else
    return FALSE;
  trim_end (n->out);
  if (n->out->len > 0 && !strchr (",.;:!?", n->out->str[n->out->len - 1]))
    g_string_append (n->out, ", ");
  n->p = skip_spaces (n->p + len);
  return TRUE;
}

/* Quotation marks are dropped; a curly apostrophe inside a word becomes a
 * plain one ("Gay’s"). */
static gboolean
try_quote (Norm *n)
{
  static const char * const quotes[] = {
    "\"", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x9e", "\xe2\x80\x98", "\xc2\xab", "\xc2\xbb", NULL,
  };
  const char *apostrophe = "\xe2\x80\x99";

  if (g_str_has_prefix (n->p, apostrophe))
    {
      if (!is_word_start (n) && is_alnum_at (n->p + strlen (apostrophe)))
        g_string_append_c (n->out, '\'');
      n->p += strlen (apostrophe);
      return TRUE;
    }
  for (guint i = 0; quotes[i]; i++)
    if (g_str_has_prefix (n->p, quotes[i]))
      {
        n->p += strlen (quotes[i]);
        return TRUE;
      }
  return FALSE;
}

static gboolean
try_space (Norm *n)
{
  if (!is_space_at (n->p))
    return FALSE;
  if (n->out->len > 0 && n->out->str[n->out->len - 1] != ' ')
    g_string_append_c (n->out, ' ');
  n->p = skip_spaces (n->p);
  return TRUE;
}

/**
 * lgsm_speech_text_normalise:
 * @text: text as shown, valid UTF-8
 * @language: the language code of the text ("en", "cy")
 *
 * Returns: (transfer full): the text as the voice should be given it
 */
char *
lgsm_speech_text_normalise (const char *text,
                            const char *language)
{
  g_autofree char *valid = NULL;
  Norm n = { NULL, NULL, NULL, FALSE };

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  n.text = n.p = text;
  n.out = g_string_sized_new (strlen (text) + 16);
  n.english = language == NULL || g_str_has_prefix (language, "en");
  while (*n.p)
    {
      if (try_space (&n) || try_amount (&n) || try_number (&n) || try_circa (&n) ||
          try_title_abbreviation (&n) || try_capitals (&n) || try_dash (&n) || try_quote (&n))
        continue;
      g_string_append_len (n.out, n.p, g_utf8_next_char (n.p) - n.p);
      n.p = g_utf8_next_char (n.p);
    }
  trim_end (n.out);
  return g_string_free (n.out, FALSE);
}
