/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text the voice is given: amounts, ranges, abbreviations, dates in
 * English and Welsh, sentences and the bytes each covers on screen. */
#include <string.h>

#include "lgsm-exhibition.h"
#include "lgsm-speech-text.h"
#include "speech-language.h"

typedef struct {
  const char *text;
  const char *spoken;
} Case;

static void
check_cases (const Case *cases,
             gsize       n,
             const char *language)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *spoken = lgsm_speech_text_normalise (cases[i].text, language);
      g_test_message ("%s: “%s” → “%s”", language, cases[i].text, spoken);
      g_assert_cmpstr (spoken, ==, cases[i].spoken);
    }
}

static void
test_amounts (void)
{
  static const Case cases[] = {
    { "£22,500", "22,500 pounds" },
    { "raised about £5,000.", "raised about 5,000 pounds." },
    { "£150 in buckets", "150 pounds in buckets" },
    { "£1", "1 pound" },
    { "£5.50", "5 pounds 50" },
    { "£5.00", "5 pounds" },
    { "£2 million", "2 million pounds" },
    { "£", "£" },                             /* no number: left alone */
    { "a £ sign", "a £ sign" },
  };

  check_cases (cases, G_N_ELEMENTS (cases), "en");
}

static void
test_ranges (void)
{
  static const Case cases[] = {
    { "the strike of 1984–85", "the strike of 19 84 to 19 85" },
    { "1984 – 1985", "19 84 to 19 85" },      /* as lgsm_date_format() writes a period */
    { "1984-85", "19 84 to 19 85" },
    { "1999–00", "19 99 to 2000" },
    { "10–12 people", "10 to 12 people" },
    { "2014—2016", "2014 to 2016" },
    { "a 24-hour vigil", "a 24-hour vigil" },  /* a hyphen only makes a range of years */
    { "10 - 12", "10 to 12" },
    { "2015-10-09", "2015-10-09" },
  };

  check_cases (cases, G_N_ELEMENTS (cases), "en");
}

static void
test_english_years (void)
{
  static const Case cases[] = {
    { "in 1984", "in 19 84" },                /* not "nineteen hundred and eighty-four" */
    { "in the 1980s", "in the 19 eighties" },
    { "1900", "1900" },
    { "1905", "1905" },
    { "2015", "2015" },
    { "22,500", "22,500" },
    { "3.5 million", "3.5 million" },
    { "the 30th", "the 30th" },
  };
  static const Case welsh_rules[] = {
    { "in 1984", "in 1984" },                 /* espeak-ng's Welsh reads years well */
    { "in the 1980s", "in the 1980s" },
  };

  check_cases (cases, G_N_ELEMENTS (cases), "en");
  check_cases (welsh_rules, G_N_ELEMENTS (welsh_rules), "cy");
}

static void
test_abbreviations (void)
{
  static const Case cases[] = {
    { "the NUM", "the N U M" },
    { "the NUM, the TUC", "the N U M, the T U C" },
    { "a placard: COAL AND STEEL", "a placard: coal and steel" },
    { "10 DEC 1984", "10 dec 19 84" },
    { "LGSM and the TUC.", "L G S M and the T U C." },
    { "LGSM’s banner", "L G S M's banner" },
    { "(LGSM)", "(L G S M)" },
    { "the UK", "the U K" },
    { "AIDS and HIV", "AIDS and H I V" },     /* said as a word */
    { "World War II", "World War II" },
    { "STRIKE", "STRIKE" },                   /* six capitals: a word */
    { "MPs", "MPs" },
    { "I said", "I said" },
    { "Mr. Jones and Dr. Smith", "Mr Jones and Dr Smith" },
    { "c. 1984", "about 19 84" },
  };

  check_cases (cases, G_N_ELEMENTS (cases), "en");
}

static void
test_punctuation (void)
{
  static const Case cases[] = {
    { "Mark – a founder – said", "Mark, a founder, said" },
    { "Mark—a founder—said", "Mark, a founder, said" },
    { "Mark - a founder", "Mark, a founder" },
    { "the word ‘alliance’ matters", "the word alliance matters" },
    { "“Pits and Perverts”", "Pits and Perverts" },
    { "\"quoted\"", "quoted" },
    { "Gay’s the Word", "Gay's the Word" },
    { "the miners’ wives", "the miners wives" },
    { "  spread \n out\u00a0 ", "spread out" },
    { "", "" },
  };

  check_cases (cases, G_N_ELEMENTS (cases), "en");
}

static void
test_bad_text (void)
{
  g_autofree char *spoken = lgsm_speech_text_normalise ("NUM \xff\xfe £5", "en");
  g_autoptr(GPtrArray) none = lgsm_speech_text_split ("title", NULL, "en");
  g_autoptr(GPtrArray) invalid = lgsm_speech_text_split ("title", "Bad \xff text.", "en");

  g_assert_true (g_utf8_validate (spoken, -1, NULL));
  g_assert_nonnull (strstr (spoken, "N U M"));
  g_assert_nonnull (strstr (spoken, "5 pounds"));
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (invalid->len, ==, 0);   /* no byte ranges into text that is not UTF-8 */
}

/* Checks the sentences against the source, each as "start-end:spoken". */
static void
check_split (const char         *text,
             const char * const *expected)
{
  g_autoptr(GPtrArray) sentences = lgsm_speech_text_split ("body-1", text, "en");

  g_assert_cmpuint (sentences->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < sentences->len; i++)
    {
      LgsmSpeechSentence *sentence = sentences->pdata[i];
      g_autofree char *got = g_strdup_printf ("%.*s|%s", (int) (sentence->end - sentence->start),
                                              text + sentence->start, sentence->text);
      g_assert_cmpstr (sentence->field, ==, "body-1");
      g_assert_cmpuint (sentence->start, <, sentence->end);
      g_assert_cmpuint (sentence->end, <=, strlen (text));
      g_assert_cmpstr (got, ==, expected[i]);
    }
}

static void
test_split (void)
{
  const char *plain[] = {
    "Mr. Smith met Dr. Jones.|Mr Smith met Dr Jones.",
    "They spoke of 3.5 million people!|They spoke of 3.5 million people!",
    "Did it work?|Did it work?",
    "Yes.|Yes.",
    NULL,
  };
  const char *abbreviated[] = {
    "J. Smith came, e.g. the miners, c. 1984.|J. Smith came, e.g. the miners, about 19 84.",
    "Then more|Then more.",
    NULL,
  };
  const char *quoted[] = {
    "It was called ‘Pits and Perverts’.|It was called Pits and Perverts.",
    "“It worked.”|It worked.",
    "The end…|The end…",
    NULL,
  };
  const char *welsh[] = {
    "Roedd y glowyr, h.y. y gweithwyr, yno.|Roedd y glowyr, h.y. y gweithwyr, yno.",
    "Aeth £150 i’r gronfa.|Aeth 150 pounds i'r gronfa.",
    NULL,
  };

  check_split ("Mr. Smith met Dr. Jones. They spoke of 3.5 million people! Did it work? Yes.", plain);
  check_split ("  J. Smith came, e.g. the miners, c. 1984.  Then more  ", abbreviated);
  check_split ("It was called ‘Pits and Perverts’. “It worked.” The end…", quoted);
  check_split ("Roedd y glowyr, h.y. y gweithwyr, yno. Aeth £150 i’r gronfa.", welsh);
}

static void
test_split_nothing_to_say (void)
{
  g_autoptr(GPtrArray) blank = lgsm_speech_text_split ("summary", "   ", "en");
  g_autoptr(GPtrArray) dots = lgsm_speech_text_split ("summary", "… — …", "en");

  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (dots->len, ==, 0);
}

static LgsmExhibition *
load_bundled (void)
{
  LgsmExhibition *exhibition = lgsm_exhibition_new ();
  g_autoptr(GError) error = NULL;

  lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  g_assert_true (lgsm_exhibition_load_resources (exhibition, "/org/lgsm/Exhibition/", &error));
  g_assert_no_error (error);
  return exhibition;
}

/* The text of a sentence's field as shown on the record page. */
static char *
field_text (LgsmRecord *record,
            const char *field)
{
  if (g_str_equal (field, "title"))
    return g_strdup (lgsm_record_get_title (record));
  if (g_str_equal (field, "date"))
    return lgsm_record_format_date (record);
  if (g_str_equal (field, "amount"))
    return lgsm_record_format_amount (record);
  if (g_str_equal (field, "content-note"))
    return g_strdup (lgsm_record_get_content_note (record));
  if (g_str_equal (field, "summary"))
    return g_strdup (lgsm_record_get_summary (record));
  if (g_str_equal (field, "image-alt"))
    return g_strdup (lgsm_record_get_image_alt (record));
  g_assert_true (g_str_has_prefix (field, "body-"));
  return g_strdup (lgsm_record_get_body (record)[atoi (field + 5) - 1]);
}

/* Every sentence's range lies in its field, in order, and the fields come
 * in the order of the record page. Returns the fields, one each. */
static char *
check_record_sentences (LgsmRecord *record,
                        GPtrArray  *sentences)
{
  GString *fields = g_string_new (NULL);

  for (guint i = 0; i < sentences->len; i++)
    {
      LgsmSpeechSentence *sentence = sentences->pdata[i];
      g_autofree char *text = field_text (record, sentence->field);

      g_assert_nonnull (text);
      g_assert_cmpuint (sentence->end, <=, strlen (text));
      g_assert_cmpuint (sentence->start, <, sentence->end);
      g_assert_true (g_utf8_validate (text + sentence->start, sentence->end - sentence->start, NULL));
      if (i == 0 || !g_str_equal (sentence->field, ((LgsmSpeechSentence *) sentences->pdata[i - 1])->field))
        g_string_append_printf (fields, "%s%s", fields->len ? " " : "", sentence->field);
      else
        g_assert_cmpuint (sentence->start, >=, ((LgsmSpeechSentence *) sentences->pdata[i - 1])->end);
      g_assert_null (strstr (sentence->text, "£"));
      g_assert_null (strstr (sentence->text, "–"));
      g_assert_null (strstr (sentence->text, "LGSM"));
    }
  return g_string_free (fields, FALSE);
}

static const char *
text_of (GPtrArray  *sentences,
         const char *field,
         guint       nth)
{
  for (guint i = 0; i < sentences->len; i++)
    {
      LgsmSpeechSentence *sentence = sentences->pdata[i];
      if (g_str_equal (sentence->field, field) && nth-- == 0)
        return sentence->text;
    }
  return NULL;
}

static void
test_record_english (void)
{
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *fields = NULL;
  LgsmRecord *record;

  g_assert_true (speech_test_use_language ("en"));
  exhibition = load_bundled ();
  record = lgsm_exhibition_lookup (exhibition, "pits-and-perverts");
  sentences = lgsm_speech_text_for_record (record, "en");
  fields = check_record_sentences (record, sentences);

  g_assert_cmpstr (fields, ==, "title date amount content-note summary body-1 body-2 body-3 image-alt");
  g_assert_cmpuint (sentences->len, ==, 14);
  g_assert_cmpstr (text_of (sentences, "title", 0), ==, "The Pits and Perverts concert.");
  g_assert_cmpstr (text_of (sentences, "date", 0), ==, "10 December 19 84.");
  g_assert_cmpstr (text_of (sentences, "amount", 0), ==, "about 5,000 pounds.");
  g_assert_cmpstr (text_of (sentences, "body-2", 1), ==,
                   "The concert is estimated to have raised about 5,000 pounds.");
  g_assert_true (g_str_has_prefix (text_of (sentences, "summary", 0), "L G S M's biggest fundraiser"));
  g_assert_cmpstr (text_of (sentences, "image-alt", 0), ==,
                   "Picture: Illustration of a concert poster with the words pits and perverts, 10 dec 19 84 and electric ballroom.");
}

/* A range in a display date, and a record without an amount. */
static void
test_record_range (void)
{
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *fields = NULL;
  LgsmRecord *record;

  g_assert_true (speech_test_use_language ("en"));
  exhibition = load_bundled ();
  record = lgsm_exhibition_lookup (exhibition, "twinning-dulais");
  sentences = lgsm_speech_text_for_record (record, "en");
  fields = check_record_sentences (record, sentences);
  g_assert_true (g_str_has_prefix (fields, "title date summary body-1"));
  g_assert_cmpstr (text_of (sentences, "date", 0), ==, "during the strike, 19 84 to 19 85.");
}

static void
test_welsh (void)
{
  static const Case cases[] = {
    { "£22,500", "22,500 o bunnoedd" },
    { "£1", "1 bunt" },
    { "streic 1984–85", "streic 1984 i 1985" },
    { "yr NUM a’r TUC", "yr N U M a'r T U C" },
    { "c. 1984", "tua 1984" },
  };
  g_autoptr(LgsmExhibition) exhibition = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *fields = NULL;
  LgsmRecord *record;

  if (!speech_test_use_language ("cy"))
    {
      g_test_skip ("no cy_GB.UTF-8 locale (.ci/setup makes it)");
      return;
    }
  check_cases (cases, G_N_ELEMENTS (cases), "cy");

  exhibition = load_bundled ();
  record = lgsm_exhibition_lookup (exhibition, "pits-and-perverts");
  sentences = lgsm_speech_text_for_record (record, "cy");
  fields = check_record_sentences (record, sentences);
  g_assert_cmpstr (fields, ==, "title date amount content-note summary body-1 body-2 body-3 image-alt");
  g_assert_cmpstr (text_of (sentences, "title", 0), ==, "Cyngerdd Pits and Perverts.");
  g_assert_cmpstr (text_of (sentences, "date", 0), ==, "10 Rhagfyr 1984.");
  g_assert_cmpstr (text_of (sentences, "amount", 0), ==, "tua 5,000 o bunnoedd.");
  g_assert_cmpstr (text_of (sentences, "image-alt", 0), ==,
                   "Llun: Darlun o boster cyngerdd gyda'r geiriau pits and perverts, 10 dec 1984 ac electric ballroom.");
  speech_test_use_language ("en");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speech-text/amounts", test_amounts);
  g_test_add_func ("/speech-text/ranges", test_ranges);
  g_test_add_func ("/speech-text/english-years", test_english_years);
  g_test_add_func ("/speech-text/abbreviations", test_abbreviations);
  g_test_add_func ("/speech-text/punctuation", test_punctuation);
  g_test_add_func ("/speech-text/bad-text", test_bad_text);
  g_test_add_func ("/speech-text/split", test_split);
  g_test_add_func ("/speech-text/split-nothing-to-say", test_split_nothing_to_say);
  g_test_add_func ("/speech-text/record-english", test_record_english);
  g_test_add_func ("/speech-text/record-range", test_record_range);
  g_test_add_func ("/speech-text/welsh", test_welsh);

  return g_test_run ();
}
