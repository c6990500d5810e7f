/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A record as sentences to read aloud, in the order of the record page:
 * title, date, amount, content note, summary, paragraphs, then the
 * picture's description. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgsm-loader.h"
#include "lgsm-speech-text.h"

LgsmSpeechSentence *
lgsm_speech_sentence_new (const char *field,
                          gsize       start,
                          gsize       end,
                          const char *text)
{
  LgsmSpeechSentence *sentence = g_new0 (LgsmSpeechSentence, 1);

  sentence->field = g_strdup (field);
  sentence->start = start;
  sentence->end = end;
  sentence->text = g_strdup (text);
  return sentence;
}

void
lgsm_speech_sentence_free (LgsmSpeechSentence *sentence)
{
  if (sentence == NULL)
    return;
  g_free (sentence->field);
  g_free (sentence->text);
  g_free (sentence);
}

/* ---- where sentences end ------------------------------------------------ */

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

static gboolean
is_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;   /* … */
}

static gboolean
is_closer (gunichar c)
{
  return c == ')' || c == ']' || c == '"' || c == '\'' ||
         c == 0x2019 || c == 0x201D || c == 0x00BB;          /* ’ ” » */
}

/* A word that a full stop follows without ending the sentence: a title
 * ("Mr."), an abbreviation ("e.g.", "c. 1984", Welsh "h.y.") or an
 * initial ("J. Smith"). */
static gboolean
is_abbreviation (const char *text,
                 const char *dot)
{
  static const char * const words[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Rev", "Revd", "No", "Nos", "c", "ca",
    "cf", "e.g", "i.e", "vs", "approx", "Parch", "Gol", "e.e", "h.y", "y.y", NULL,
  };
  const char *start = dot;
  g_autofree char *word = NULL;

  while (start > text && !is_space_at (g_utf8_find_prev_char (text, start)) &&
         !strchr ("(\"[", start[-1]))
    start = g_utf8_find_prev_char (text, start);
  word = g_strndup (start, dot - start);
  if (g_utf8_strlen (word, -1) == 1 && g_unichar_isupper (g_utf8_get_char (word)))
    return TRUE;
  return g_strv_contains (words, word);
}

/* If the sentence may end at @p (a terminator), returns the end of the
 * sentence, its closing quotes and brackets included; else NULL. */
static const char *
sentence_end_at (const char *text,
                 const char *p)
{
  const char *end = p;
  const char *next;
  gunichar after;

  while (is_terminator (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  while (*end && is_closer (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return end;
  if (!is_space_at (end))
    return NULL;             /* "3.5", "e.g.", "…)," */
  next = skip_spaces (end);
  if (*next == '\0')
    return end;
  after = g_utf8_get_char (next);
  if (g_unichar_islower (after))
    return NULL;             /* "e.g. the", "etc. and" */
  if (*p == '.' && end == p + 1 && is_abbreviation (text, p))
    return NULL;
  return end;
}

static gboolean
has_words (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
add_sentence (GPtrArray  *sentences,
              const char *field,
              const char *text,
              const char *start,
              const char *end,
              const char *language)
{
  g_autofree char *source = g_strndup (start, end - start);
  g_autofree char *spoken = lgsm_speech_text_normalise (source, language);
  gsize len = strlen (spoken);

  if (!has_words (spoken))
    return;
  /* a title or a date has no full stop: without one the voice runs on */
  if (!is_terminator (g_utf8_get_char (g_utf8_find_prev_char (spoken, spoken + len))))
    {
      char *stopped = g_strconcat (spoken, ".", NULL);
      g_free (spoken);
      spoken = stopped;
    }
  g_ptr_array_add (sentences, lgsm_speech_sentence_new (field, start - text, end - text, spoken));
}

/**
 * lgsm_speech_text_split:
 * @field: the field's name, for the sentences
 * @text: the field's text as shown
 * @language: its language ("en", "cy")
 *
 * Splits @text into sentences (not at "Mr.", "e.g.", "c. 1984", initials or
 * decimals) and gives each the text for the voice.
 *
 * Returns: (transfer full) (element-type LgsmSpeechSentence): the sentences,
 *   with byte ranges into @text
 */
GPtrArray *
lgsm_speech_text_split (const char *field,
                        const char *text,
                        const char *language)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) lgsm_speech_sentence_free);
  const char *start, *p;

  g_return_val_if_fail (field != NULL, sentences);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return sentences;
  start = skip_spaces (text);
  for (p = start; *p; )
    {
      const char *end = is_terminator (g_utf8_get_char (p)) ? sentence_end_at (text, p) : NULL;

      if (end == NULL)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      add_sentence (sentences, field, text, start, end, language);
      p = start = skip_spaces (end);
    }
  /* the last sentence without a full stop, trailing spaces left out */
  while (p > start && is_space_at (g_utf8_find_prev_char (start, p)))
    p = g_utf8_find_prev_char (start, p);
  if (p > start)
    add_sentence (sentences, field, text, start, p, language);
  return sentences;
}

static void
add_field (GPtrArray  *sentences,
           const char *field,
           const char *text,
           const char *language)
{
  g_ptr_array_extend_and_steal (sentences, lgsm_speech_text_split (field, text, language));
}

/* "Picture: " before the picture's description, once. */
static void
add_picture (GPtrArray  *sentences,
             const char *alt,
             const char *language)
{
  guint first = sentences->len;
  LgsmSpeechSentence *sentence;
  char *text;

  add_field (sentences, "image-alt", alt, language);
  if (sentences->len == first)
    return;
  sentence = sentences->pdata[first];
  /* Translators: read aloud before the description of a record's picture */
  text = g_strdup_printf (lgsm_pgettext (GETTEXT_PACKAGE, "speech", NC_("speech", "Picture: %s")),
                          sentence->text);
  g_free (sentence->text);
  sentence->text = text;
}

/**
 * lgsm_speech_text_for_record:
 * @record: a record, loaded in the language to read it in
 * @language: that language ("en", "cy"): it picks the rules for numbers
 *
 * The sentences to read @record aloud, in the order of the record page:
 * title, date, amount, content note, summary, paragraphs ("body-1", …) and
 * the picture's description ("Picture: …"). The words this adds ("pounds",
 * "to", "Picture") come from the current translation, as the record's
 * text does, and the date has the current locale's month names.
 *
 * Returns: (transfer full) (element-type LgsmSpeechSentence)
 */
GPtrArray *
lgsm_speech_text_for_record (LgsmRecord *record,
                             const char *language)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) lgsm_speech_sentence_free);
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  const char * const *body;

  g_return_val_if_fail (LGSM_IS_RECORD (record), sentences);

  date = lgsm_record_format_date (record);
  amount = lgsm_record_format_amount (record);
  add_field (sentences, "title", lgsm_record_get_title (record), language);
  add_field (sentences, "date", date, language);
  add_field (sentences, "amount", amount, language);
  add_field (sentences, "content-note", lgsm_record_get_content_note (record), language);
  add_field (sentences, "summary", lgsm_record_get_summary (record), language);
  body = lgsm_record_get_body (record);
  for (guint i = 0; body && body[i]; i++)
    {
      g_autofree char *field = g_strdup_printf ("body-%u", i + 1);
      add_field (sentences, field, body[i], language);
    }
  add_picture (sentences, lgsm_record_get_image_alt (record), language);
  return sentences;
}
