/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * gen-records N DIR — writes N synthetic, schema-valid records into
 * DIR/history.json (section "history", schema 1) for the benchmarks.
 *
 * Every record has an id (unique: it carries its number), kind "event", a
 * title, a summary, two body paragraphs, a date (day, month or year
 * precision, sometimes a range or approximate), notes and sources. The text
 * is made of words drawn from a fixed vocabulary by a seeded generator, so
 * two runs with the same N write the same file, and records differ from one
 * another. It holds no links (places, people, see-also): the folder must
 * validate on its own. The body paragraphs are sized so that a record takes
 * about 550 bytes: 100 000 records make a file of about 55 MB, under the
 * loader's 64 MiB limit.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "lgsm-loader.h"

static const char *const words[] = {
  "miners", "strike", "pit", "valley", "lodge", "union", "collection", "bucket",
  "march", "rally", "benefit", "concert", "minibus", "food", "parcel", "family",
  "families", "support", "group", "meeting", "pub", "bookshop", "banner", "picket",
  "line", "police", "village", "hall", "welfare", "community", "winter", "coal",
  "colliery", "Onllwyn", "Dulais", "Neath", "Swansea", "London", "Camden", "Islington",
  "lesbians", "gay", "men", "women", "solidarity", "money", "donation", "pounds",
  "newspaper", "leaflet", "speech", "visit", "journey", "weekend", "friendship",
  "vote", "conference", "Labour", "party", "resolution", "Pride", "1984", "1985",
  "week", "month", "year", "began", "grew", "raised", "travelled", "welcomed",
  "spoke", "wrote", "sent", "collected", "remembered", "argued", "shared", "stood",
  "together", "again", "quietly", "openly", "first", "later", "soon", "every",
  "many", "few", "small", "large", "local", "national", "long", "hard", "cold",
  "the", "the", "the", "a", "a", "of", "of", "and", "and", "to", "to", "in", "in",
  "with", "for", "from", "at", "on", "by", "their", "its", "who", "that", "was",
  "were", "had", "as", "after", "before", "during", "between", "about",
};

static const char *const id_words[] = {
  "collection", "benefit", "visit", "rally", "meeting", "parcel", "minibus",
  "march", "speech", "vote", "letter", "banner", "concert", "lodge", "picket",
};

static const char *const flourishes[] = {
  "Gay’s the Word", "the strike of 1984–85", "the Neath, Dulais and Swansea Valleys",
  "“Pits and Perverts”", "the Electric Ballroom", "the NUM’s lodge",
};

static GRand *rng;

static const char *
pick (const char *const *list, guint n)
{
  return list[g_rand_int_range (rng, 0, (gint32) n)];
}

/* Appends sentences to @out until it holds about @length more bytes. */
static void
append_text (GString *out,
             gsize    length)
{
  gsize goal = out->len + length;

  while (out->len < goal)
    {
      int n_words = g_rand_int_range (rng, 6, 15);

      if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      for (int i = 0; i < n_words; i++)
        {
          const char *w = pick (words, G_N_ELEMENTS (words));

          if (i >= 3 && out->len >= goal)
            break;  /* end the sentence early: the text stays near @length */
          if (i > 0)
            g_string_append_c (out, ' ');
          if (i == 0)
            {
              g_string_append_c (out, g_ascii_toupper (w[0]));
              g_string_append (out, w + 1);
            }
          else if (g_rand_int_range (rng, 0, 40) == 0)
            g_string_append (out, pick (flourishes, G_N_ELEMENTS (flourishes)));
          else
            g_string_append (out, w);
        }
      g_string_append_c (out, '.');
    }
}

static void
put_string (FILE       *out,
            const char *text)
{
  fputc ('"', out);
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        fputc ('\\', out);
      fputc (*p, out);
    }
  fputc ('"', out);
}

static void
put_text (FILE  *out,
          gsize  min,
          gsize  max)
{
  g_autoptr(GString) s = g_string_new (NULL);

  append_text (s, g_rand_int_range (rng, (gint32) min, (gint32) max + 1));
  put_string (out, s->str);
}

/* 3 to 9 words, no full stop: at most about 120 characters, under the
 * schema's 200. */
static void
put_title (FILE *out)
{
  g_autoptr(GString) s = g_string_new (NULL);
  int n_words = g_rand_int_range (rng, 3, 10);

  for (int i = 0; i < n_words; i++)
    {
      const char *w = pick (words, G_N_ELEMENTS (words));

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append_c (s, g_ascii_toupper (w[0]));
      g_string_append (s, w + 1);
    }
  g_assert (g_utf8_strlen (s->str, -1) <= 200);
  put_string (out, s->str);
}

static void
put_date (FILE *out)
{
  int year = g_rand_int_range (rng, 1984, 1986);
  int month = year == 1984 ? g_rand_int_range (rng, 3, 13) : g_rand_int_range (rng, 1, 4);
  int day = g_rand_int_range (rng, 1, g_date_get_days_in_month (month, year) + 1);
  int choice = g_rand_int_range (rng, 0, 10);

  fputs ("      \"date\": ", out);
  if (choice < 6)
    fprintf (out, "\"%04d-%02d-%02d\",\n", year, month, day);
  else if (choice < 8)
    fprintf (out, "\"%04d-%02d\",\n", year, month);
  else if (choice < 9)
    fprintf (out, "{ \"start\": \"%04d-%02d\", \"end\": \"1985-03\" },\n", year, month);
  else
    fprintf (out, "{ \"start\": \"%04d-%02d-%02d\", \"circa\": true },\n", year, month, day);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  char *end = NULL;
  guint64 n;
  FILE *out;

  if (argc != 3)
    {
      g_printerr ("usage: %s N DIR\n", argv[0]);
      return 2;
    }
  errno = 0;
  n = g_ascii_strtoull (argv[1], &end, 10);
  if (errno || end == argv[1] || *end || n > 999999)
    {
      g_printerr ("%s: N must be a number from 0 to 999999\n", argv[0]);
      return 2;
    }
  if (g_mkdir_with_parents (argv[2], 0755) != 0)
    {
      g_printerr ("%s: cannot create %s: %s\n", argv[0], argv[2], g_strerror (errno));
      return 1;
    }

  path = g_build_filename (argv[2], "history.json", NULL);
  tmp = g_strconcat (path, ".tmp", NULL);  /* not "*.json": never loaded half-written */
  out = fopen (tmp, "w");
  if (out == NULL)
    {
      g_printerr ("%s: cannot write %s: %s\n", argv[0], tmp, g_strerror (errno));
      return 1;
    }
  setvbuf (out, NULL, _IOFBF, 1 << 20);

  rng = g_rand_new_with_seed (1984);

  fputs ("{\n"
         "  \"schema\": 1,\n"
         "  \"section\": \"history\",\n"
         "  \"title\": \"History\",\n"
         "  \"summary\": \"Synthetic records written by gen-records for the benchmarks.\",\n"
         "  \"records\": [\n", out);

  for (guint64 i = 0; i < n; i++)
    {
      char id[65];

      g_snprintf (id, sizeof id, "r%06u-%s", (guint) i, pick (id_words, G_N_ELEMENTS (id_words)));
      g_assert (lgsm_id_is_valid (id));

      fputs ("    {\n", out);
      fprintf (out, "      \"id\": \"%s\",\n", id);
      fputs ("      \"kind\": \"event\",\n", out);
      put_date (out);
      fputs ("      \"title\": ", out);
      put_title (out);
      fputs (",\n      \"summary\": ", out);
      put_text (out, 45, 75);
      fputs (",\n      \"body\": [\n        ", out);
      put_text (out, 55, 95);
      fputs (",\n        ", out);
      put_text (out, 45, 85);
      fputs ("\n      ],\n      \"notes\": ", out);
      put_text (out, 15, 35);
      fprintf (out, ",\n      \"sources\": [\n        \"Synthetic record %u, written by gen-records\"\n      ]\n",
               (guint) i);
      fputs (i + 1 < n ? "    },\n" : "    }\n", out);
    }
  fputs ("  ]\n}\n", out);

  g_rand_free (rng);
  if (ferror (out) | (fclose (out) != 0))
    {
      g_printerr ("%s: cannot write %s: %s\n", argv[0], tmp, g_strerror (errno));
      g_unlink (tmp);
      return 1;
    }
  if (g_rename (tmp, path) != 0)
    {
      g_printerr ("%s: cannot rename %s: %s\n", argv[0], tmp, g_strerror (errno));
      g_unlink (tmp);
      return 1;
    }
  return 0;
}
