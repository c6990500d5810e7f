/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes every translatable field of the bundled records to a gettext
 * template, with the context "RECORD-ID|FIELD" the loader looks them up by
 * and a comment naming the record, so translators work in po files only;
 * the sources ("How do we know?") once each, with the context "source".
 *
 * usage: lgsm-extract-records OUTPUT.pot   (or "-" for standard output) */
#include "config.h"

#include <locale.h>

#include <string.h>

#include "lgsm-exhibition.h"
#include "lgsm-lesson.h"

static void
append_escaped (GString    *out,
                const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
entry (GString    *out,
       const char *comment,
       const char *owner,
       const char *field,
       const char *text)
{
  if (text == NULL)
    return;
  g_string_append_printf (out, "#. %s\n#. field: %s\nmsgctxt \"%s|%s\"\nmsgid ", comment, field, owner, field);
  append_escaped (out, text);
  g_string_append (out, "\nmsgstr \"\"\n\n");
}

static void
record_entries (GString    *out,
                LgsmRecord *record)
{
  const char *id = lgsm_record_get_id (record);
  const char * const *body = lgsm_record_get_body (record);
  const LgsmDate *date = lgsm_record_get_date (record);
  g_autofree char *comment = g_strdup_printf ("Record “%s” (%s, %s)", lgsm_record_get_title (record),
                                              lgsm_record_get_section (record),
                                              lgsm_record_kind_to_string (lgsm_record_get_kind (record)));

  entry (out, comment, id, "title", lgsm_record_get_title (record));
  entry (out, comment, id, "summary", lgsm_record_get_summary (record));
  for (guint i = 0; body[i]; i++)
    {
      char field[32];
      g_snprintf (field, sizeof field, "body-%u", i + 1);
      entry (out, comment, id, field, body[i]);
    }
  entry (out, comment, id, "date", date ? lgsm_date_get_display (date) : NULL);
  entry (out, comment, id, "image-alt", lgsm_record_get_image_alt (record));
  entry (out, comment, id, "image-credit", lgsm_record_get_image_credit (record));
  entry (out, comment, id, "side", lgsm_record_get_side (record));
  entry (out, comment, id, "notes", lgsm_record_get_notes (record));
  entry (out, comment, id, "content-note", lgsm_record_get_content_note (record));
}

int
main (int argc, char *argv[])
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GListModel *sections, *problems;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT.pot\n", argv[0]);
      return 2;
    }
  if (!lgsm_exhibition_load_resources (exhibition, RESOURCE_PREFIX, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  problems = lgsm_exhibition_get_problems (exhibition);
  if (g_list_model_get_n_items (problems) > 0)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, 0);
      g_printerr ("The records have problems; fix them first:\n%s\n", lgsm_problem_to_string (problem));
      return 1;
    }

  g_string_append (out,
    "# Exhibition text for translation, written by lgsm-extract-records from seeds/*.json.\n"
    "# Do not edit: run `meson compile -C _build lgsm-exhibition-records-pot`.\n"
    "#, fuzzy\n"
    "msgid \"\"\nmsgstr \"\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");

  sections = lgsm_exhibition_get_sections (exhibition);
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
      GListModel *records = lgsm_section_get_records (section);
      g_autofree char *comment = g_strdup_printf ("Section “%s”", lgsm_section_get_title (section));

      entry (out, comment, lgsm_section_get_id (section), "section-title", lgsm_section_get_title (section));
      entry (out, comment, lgsm_section_get_id (section), "section-summary", lgsm_section_get_summary (section));
      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
          record_entries (out, record);
        }
    }

  /* The sources named under "How do we know?", once each, with the
   * context "source": a citation reads the same in every record. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
      {
        g_autoptr(LgsmSection) section = g_list_model_get_item (sections, s);
        GListModel *records = lgsm_section_get_records (section);

        for (guint i = 0; i < g_list_model_get_n_items (records); i++)
          {
            g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
            const char * const *sources = lgsm_record_get_sources (record);

            for (guint j = 0; sources[j]; j++)
              if (g_hash_table_add (seen, (gpointer) sources[j]))
                {
                  g_string_append (out, "#. A source named under “How do we know?”\nmsgctxt \"source\"\nmsgid ");
                  append_escaped (out, sources[j]);
                  g_string_append (out, "\nmsgstr \"\"\n\n");
                }
          }
      }
  }

  /* the ready-made lesson paths' names */
  {
    g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_PREFIX "lessons/", 0, NULL);

    for (guint i = 0; names && names[i]; i++)
      {
        g_autofree char *path = g_strconcat (RESOURCE_PREFIX "lessons/", names[i], NULL);
        g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
        g_autoptr(LgsmLesson) lesson = bytes ? lgsm_lesson_load_bytes (bytes, path, NULL) : NULL;
        g_autofree char *owner = NULL;

        if (lesson == NULL)
          continue;
        owner = g_strdup_printf ("lesson-%.*s", (int) (strlen (names[i]) - strlen (".json")), names[i]);
        entry (out, "A ready-made lesson path", owner, "name", lgsm_lesson_get_name (lesson));
      }
  }

  if (g_str_equal (argv[1], "-"))
    {
      g_print ("%s", out->str);
      return 0;
    }
  /* atomically: a full disk or a crash mid-write leaves the old template whole */
  if (!lgsm_save_file_atomic (argv[1], NULL, out->str, out->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
