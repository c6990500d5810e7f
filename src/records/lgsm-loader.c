/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lgsm-loader-private.h"

/* Reads one records file into an LgsmSection. Every problem is reported
 * with file, line:column, record id and field; a record with a problem is
 * left out (and said to be), the rest of the file still loads.
 *
 * This file has the object, a file's text and header and the loop over its
 * records; lgsm-loader-fields.c reads the fields, lgsm-loader-report.c
 * reports the problems. */

G_DEFINE_FINAL_TYPE (LgsmLoader, lgsm_loader, G_TYPE_OBJECT)

static const char * const record_fields[] = {
  "id", "kind", "title", "summary", "body", "date", "image", "amount", "places",
  "people", "see-also", "group", "side", "geo", "notes", "content-note", "question",
  "sources",
};
static const char * const file_fields[] = { "schema", "section", "title", "summary", "records" };

static void
lgsm_loader_finalize (GObject *object)
{
  LgsmLoader *self = LGSM_LOADER (object);

  g_free (self->domain);
  if (self->resolver_destroy)
    self->resolver_destroy (self->resolver_data);
  g_clear_pointer (&self->rejected, g_hash_table_unref);

  G_OBJECT_CLASS (lgsm_loader_parent_class)->finalize (object);
}

static void
lgsm_loader_class_init (LgsmLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgsm_loader_finalize;
}

static void
lgsm_loader_init (LgsmLoader *self)
{
}

LgsmLoader *
lgsm_loader_new (void)
{
  return g_object_new (LGSM_TYPE_LOADER, NULL);
}

/* With a domain set, every translatable field is looked up in the message
 * catalogue with the context "RECORD-ID|FIELD" (see po/README.md). */
void
lgsm_loader_set_translation_domain (LgsmLoader *self,
                                    const char *domain)
{
  g_return_if_fail (LGSM_IS_LOADER (self));
  g_free (self->domain);
  self->domain = g_strdup (domain);
}

void
lgsm_loader_set_image_resolver (LgsmLoader        *self,
                                LgsmImageResolver  resolver,
                                gpointer           user_data,
                                GDestroyNotify     destroy)
{
  g_return_if_fail (LGSM_IS_LOADER (self));

  if (self->resolver_destroy)
    self->resolver_destroy (self->resolver_data);
  self->resolver = resolver;
  self->resolver_data = user_data;
  self->resolver_destroy = destroy;
}

/**
 * lgsm_loader_set_rejected_ids:
 * @ids: (nullable): a #GHashTable (g_str_hash, keys freed with g_free) that
 *   receives id → file (an interned string) for every record with a valid
 *   id that is left out because of a problem
 *
 * So that links to those records can be told from links to ids that were
 * never written.
 */
void
lgsm_loader_set_rejected_ids (LgsmLoader *self,
                              GHashTable *ids)
{
  g_return_if_fail (LGSM_IS_LOADER (self));
  if (ids)
    g_hash_table_ref (ids);
  g_clear_pointer (&self->rejected, g_hash_table_unref);
  self->rejected = ids;
}

/* ---- records ------------------------------------------------------------ */

static void
read_identity (RecCtx     *rc,
               JsonObject *object)
{
  const char *id = lgsm_loader_get_text (rc, object, "id", "id", TRUE);
  const char *kind = lgsm_loader_get_text (rc, object, "kind", "kind", TRUE);

  if (id != NULL)
    {
      if (lgsm_id_is_valid (id))
        rc->id = rc->record->id = id;
      else
        lgsm_loader_report (rc, "id", LGSM_RECORD_ERROR_BAD_ID,
                            "“%s” is not a valid id: use 1 to 64 lower-case letters, digits and “-”",
                            id);
    }
  if (kind != NULL && !lgsm_record_kind_from_string (kind, &rc->record->kind))
    lgsm_loader_report (rc, "kind", LGSM_RECORD_ERROR_BAD_VALUE,
                        "“%s” is not a kind (event, theme, person, place, organisation, item)", kind);
}

static LgsmRecord *
read_record (FileCtx  *fc,
             JsonNode *node,
             int       index)
{
  RecCtx rc = { fc, index, NULL, { 0 }, FALSE, NULL, 0 };
  g_autoptr(LgsmRecord) record = NULL;
  JsonObject *object;
  const char *group;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      lgsm_loader_report (&rc, NULL, LGSM_RECORD_ERROR_WRONG_TYPE, "a record must be an object, not %s",
                          lgsm_loader_json_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  record = rc.record = lgsm_record_new_for_json (object);
  record->section = fc->section;
  record->file = fc->file;
  record->index = (guint) index;

  read_identity (&rc, object);
  lgsm_loader_check_members (&rc, object, NULL, record_fields, G_N_ELEMENTS (record_fields));
  record->title = lgsm_loader_get_translated (&rc, object, "title", TRUE);
  if (record->title && g_utf8_strlen (record->title, -1) > 200)
    lgsm_loader_report (&rc, "title", LGSM_RECORD_ERROR_TOO_LARGE, "is longer than 200 characters");
  record->summary = lgsm_loader_get_translated (&rc, object, "summary", TRUE);
  lgsm_loader_read_body (&rc, object);
  lgsm_loader_read_date (&rc, object);
  lgsm_loader_read_image (&rc, object);
  if (record->image_alt)
    record->image_alt = lgsm_loader_translate (&rc, rc.id, "image-alt", record->image_alt);
  if (record->image_credit)
    record->image_credit = lgsm_loader_translate (&rc, rc.id, "image-credit", record->image_credit);
  lgsm_loader_read_amount (&rc, object);
  lgsm_loader_read_geo (&rc, object);
  record->places = lgsm_loader_get_strv (&rc, object, "places", FALSE, TRUE);
  record->people = lgsm_loader_get_strv (&rc, object, "people", FALSE, TRUE);
  record->see_also = lgsm_loader_get_strv (&rc, object, "see-also", FALSE, TRUE);
  group = lgsm_loader_get_text (&rc, object, "group", "group", FALSE);
  if (group && !lgsm_id_is_valid (group))
    lgsm_loader_report (&rc, "group", LGSM_RECORD_ERROR_BAD_VALUE,
                        "“%s” is not a group name (lower-case letters, digits and “-”)", group);
  record->group = group;
  record->side = lgsm_loader_get_translated (&rc, object, "side", FALSE);
  record->notes = lgsm_loader_get_translated (&rc, object, "notes", FALSE);
  record->content_note = lgsm_loader_get_translated (&rc, object, "content-note", FALSE);
  record->question = lgsm_loader_get_translated (&rc, object, "question", FALSE);
  record->sources = lgsm_loader_get_strv (&rc, object, "sources", TRUE, FALSE);
  /* "How do we know?": each source is translated once, with the context
   * "source", wherever records cite it (po/records.pot) */
  for (guint i = 0; record->sources && record->sources[i] && fc->loader->domain; i++)
    record->sources[i] = lgsm_pgettext (fc->loader->domain, "source", record->sources[i]);

  lgsm_loader_report_more (&rc);
  if (rc.failed && rc.id && fc->loader->rejected)
    g_hash_table_insert (fc->loader->rejected, g_strdup (rc.id), (gpointer) fc->file);
  return rc.failed ? NULL : g_steal_pointer (&record);
}

/* ---- files -------------------------------------------------------------- */

static gboolean
check_raw_text (FileCtx *fc)
{
  RecCtx rc = { fc, -1, NULL, "-", FALSE, NULL, 0 };
  const char *bad = NULL;
  LgsmJsonCheck check;
  gsize offset;

  if (fc->len > LGSM_LOADER_MAX_FILE_SIZE)
    {
      lgsm_loader_report (&rc, NULL, LGSM_RECORD_ERROR_TOO_LARGE,
                          "the file is %" G_GSIZE_FORMAT " bytes; the limit is %d MiB",
                          fc->len, LGSM_LOADER_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  /* Invalid UTF-8 inside a string is reported by check_text() with its
   * field; outside strings it is not JSON. Only a NUL byte needs a look of
   * its own: json-glib would stop reading there. */
  if ((bad = memchr (fc->text, '\0', fc->len)) != NULL)
    {
      lgsm_loader_report_offset (fc, (gsize) (bad - fc->text), LGSM_RECORD_ERROR_BAD_TEXT,
                                 "the file contains a NUL byte: it is not a text file");
      return FALSE;
    }
  check = lgsm_json_precheck (fc->text, fc->len, LGSM_LOADER_MAX_DEPTH, &offset);
  if (check != LGSM_JSON_OK)
    {
      static const struct { LgsmRecordError code; const char *message; } checks[] = {
        [LGSM_JSON_TOO_DEEP] = { LGSM_RECORD_ERROR_TOO_LARGE, "nesting is deeper than the schema allows" },
        [LGSM_JSON_NOT_STRICT] = { LGSM_RECORD_ERROR_SYNTAX,
                                   "the file is not valid JSON (comments and single quotes are not JSON)" },
        [LGSM_JSON_TRAILING] = { LGSM_RECORD_ERROR_SYNTAX,
                                 "the file is not valid JSON (something follows the one top-level object)" },
        [LGSM_JSON_ESCAPED_NUL] = { LGSM_RECORD_ERROR_BAD_TEXT, "\\u0000 (a NUL character) is not allowed in text" },
        [LGSM_JSON_LONE_SURROGATE] = { LGSM_RECORD_ERROR_BAD_TEXT,
                                       "a \\uD800–\\uDFFF escape that is not half of a pair is not text" },
      };

      lgsm_loader_report_offset (fc, offset, checks[check].code, checks[check].message);
      return FALSE;
    }
  fc->indexable = TRUE;
  return TRUE;
}

static LgsmSection *
read_header (FileCtx    *fc,
             JsonObject *root)
{
  RecCtx rc = { fc, -1, NULL, "-", FALSE, NULL, 0 };
  JsonNode *schema = json_object_get_member (root, "schema");
  JsonNode *records = json_object_get_member (root, "records");
  const char *section, *title, *summary;

  lgsm_loader_check_members (&rc, root, NULL, file_fields, G_N_ELEMENTS (file_fields));
  rc.failed = FALSE;  /* an unknown header field is reported, but not fatal */

  if (schema == NULL)
    lgsm_loader_report (&rc, "schema", LGSM_RECORD_ERROR_MISSING_FIELD,
                        "is required (the schema version, %d)", LGSM_SCHEMA_VERSION);
  else if (lgsm_loader_expect_type (&rc, schema, "schema", G_TYPE_INT64, "a whole number") &&
           json_node_get_int (schema) != LGSM_SCHEMA_VERSION)
    lgsm_loader_report (&rc, "schema", LGSM_RECORD_ERROR_UNSUPPORTED_SCHEMA,
                        "version %" G_GINT64_FORMAT " is not supported; this program reads version %d",
                        json_node_get_int (schema), LGSM_SCHEMA_VERSION);

  section = lgsm_loader_get_text (&rc, root, "section", "section", TRUE);
  if (section && !lgsm_section_id_is_known (section))
    lgsm_loader_report (&rc, "section", LGSM_RECORD_ERROR_BAD_VALUE,
                        "“%s” is not a section (history, outlook, legacy, twinning, people, places)",
                        section);
  title = lgsm_loader_get_text (&rc, root, "title", "title", TRUE);
  summary = lgsm_loader_get_text (&rc, root, "summary", "summary", TRUE);

  if (records == NULL)
    lgsm_loader_report (&rc, "records", LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
  else
    lgsm_loader_expect_type (&rc, records, "records", JSON_TYPE_ARRAY, "an array of records");

  if (rc.failed)
    return NULL;

  fc->section = g_intern_string (section);
  rc.id = section;
  return lgsm_section_new (section,
                           lgsm_loader_translate (&rc, section, "section-title", title),
                           lgsm_loader_translate (&rc, section, "section-summary", summary),
                           fc->file);
}

static void
read_records (FileCtx     *fc,
              LgsmSection *section,
              JsonArray   *array)
{
  guint n = json_array_get_length (array);
  g_autoptr(GPtrArray) records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      LgsmRecord *record = read_record (fc, json_array_get_element (array, i), (int) i);

      if (record)
        g_ptr_array_add (records, record);
    }
  lgsm_section_take_records (section, g_steal_pointer (&records));
}

/* The parsed file: its header, then its records. */
static LgsmSection *
read_root (FileCtx  *fc,
           JsonNode *root)
{
  LgsmSection *section;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      RecCtx rc = { fc, -1, NULL, "-", FALSE, NULL, 0 };
      lgsm_loader_report (&rc, NULL, LGSM_RECORD_ERROR_WRONG_TYPE,
                          "the file must hold one JSON object with “schema”, “section” and “records”");
      return NULL;
    }

  section = read_header (fc, json_node_get_object (root));
  if (section != NULL)
    read_records (fc, section, json_object_get_array_member (json_node_get_object (root), "records"));
  return section;
}

/**
 * lgsm_loader_load_bytes:
 * @file: the name to give in messages (a path, or a resource path)
 * @problems: a #GListStore of #LgsmProblem that receives every problem
 *
 * Returns: (transfer full) (nullable): the section with every valid record,
 * or %NULL when the file as a whole could not be read.
 */
LgsmSection *
lgsm_loader_load_bytes (LgsmLoader *self,
                        GBytes     *bytes,
                        const char *file,
                        GListStore *problems)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  LgsmSection *section;
  FileCtx fc = { 0 };

  g_return_val_if_fail (LGSM_IS_LOADER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (problems), NULL);

  fc.loader = self;
  fc.file = g_intern_string (file);
  fc.text = g_bytes_get_data (bytes, &fc.len);
  fc.problems = problems;
  if (fc.text == NULL)
    fc.text = "";

  if (!check_raw_text (&fc))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, fc.text, (gssize) fc.len, &error))
    {
      lgsm_loader_report_parse_error (&fc, error);
      return NULL;
    }

  section = read_root (&fc, json_parser_get_root (parser));
  g_clear_pointer (&fc.index, lgsm_json_index_free);
  return section;
}
