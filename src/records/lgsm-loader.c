/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "lgsm-json-locate.h"
#include "lgsm-loader.h"
#include "lgsm-record-private.h"

/* Reads one records file into an LgsmSection. Every problem is reported
 * with file, line:column, record id and field; a record with a problem is
 * left out (and said to be), the rest of the file still loads. */
struct _LgsmLoader
{
  GObject            parent_instance;
  char              *domain;
  LgsmImageResolver  resolver;
  gpointer           resolver_data;
  GDestroyNotify     resolver_destroy;
  GHashTable        *rejected;   /* (nullable) id → file of records left out */
};

G_DEFINE_FINAL_TYPE (LgsmLoader, lgsm_loader, G_TYPE_OBJECT)

typedef struct {
  LgsmLoader    *loader;
  const char    *file;
  const char    *text;
  gsize          len;
  GListStore    *problems;
  LgsmJsonIndex *index;     /* made on the first problem */
  gboolean       indexable; /* the text is sane enough to scan */
  const char    *section;
} FileCtx;

typedef struct {
  FileCtx      *fc;
  int           index;      /* position in "records", -1 for the file's header */
  const char   *id;         /* NULL until known to be valid */
  char          label[32];  /* "records[N]" when the id is not known */
  gboolean      failed;
  LgsmRecord   *record;
  guint         n_reported;
} RecCtx;

static const char * const record_fields[] = {
  "id", "kind", "title", "summary", "body", "date", "image", "amount", "places",
  "people", "see-also", "group", "side", "geo", "notes", "content-note", "sources",
};
static const char * const file_fields[] = { "schema", "section", "title", "summary", "records" };
static const char * const date_fields[] = { "start", "end", "circa", "display" };
static const char * const image_fields[] = { "resource", "alt", "credit", "licence" };
static const char * const amount_fields[] = { "pence", "currency", "approximate" };
static const char * const geo_fields[] = { "lat", "lon" };

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

gboolean
lgsm_id_is_valid (const char *id)
{
  gsize i;

  if (id == NULL || *id == '\0')
    return FALSE;
  for (i = 0; id[i]; i++)
    if (!(g_ascii_islower (id[i]) || g_ascii_isdigit (id[i]) || id[i] == '-') || i >= 64)
      return FALSE;
  return TRUE;
}

/* Only plain relative paths: each part starts with a letter, digit or
 * underscore, so "..", ".", "/etc", "C:\…", "file:///" and "resource:///"
 * are all refused before anything touches the file system. */
gboolean
lgsm_image_path_is_safe (const char *path)
{
  gboolean part_start = TRUE;

  if (path == NULL || *path == '\0' || strlen (path) > 512)
    return FALSE;
  for (const char *p = path; *p; p++)
    {
      gboolean ok_start = g_ascii_isalnum (*p) || *p == '_';

      if (part_start && !ok_start)
        return FALSE;
      if (*p == '/')
        {
          part_start = TRUE;
          continue;
        }
      if (!ok_start && *p != '.' && *p != '-')
        return FALSE;
      part_start = FALSE;
    }
  return !part_start;
}

/* ---- reporting ---------------------------------------------------------- */

static void
report_at (FileCtx         *fc,
           int              record,
           const char      *record_id,
           const char      *field,
           LgsmRecordError  code,
           const char      *message)
{
  g_autoptr(LgsmProblem) problem = NULL;
  guint line = 0, column = 0;

  if (fc->index == NULL && fc->indexable)
    fc->index = lgsm_json_index_new (fc->text, fc->len);
  if (fc->index != NULL)
    lgsm_json_index_locate (fc->index, record, field, &line, &column);

  problem = lgsm_problem_new (fc->file, line, column, record_id, field, code, message);
  g_list_store_append (fc->problems, problem);
}

/* The record's id, or "records[N]" while it is not known: made only when
 * there is something to report (formatting it for every record cost more
 * than reading most of the record). */
static const char *
record_label (RecCtx *rc)
{
  if (rc->id)
    return rc->id;
  if (rc->label[0] == '\0')
    g_snprintf (rc->label, sizeof rc->label, "records[%d]", rc->index);
  return rc->label;
}

G_GNUC_PRINTF (4, 5) static void
report (RecCtx          *rc,
        const char      *field,
        LgsmRecordError  code,
        const char      *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  rc->failed = TRUE;
  /* a record with thousands of problems is listed up to a point */
  if (rc->n_reported++ >= LGSM_LOADER_MAX_PROBLEMS_PER_RECORD)
    return;
  report_at (rc->fc, rc->index, record_label (rc), field, code, message);
}

static void
report_more (RecCtx *rc)
{
  g_autofree char *message = NULL;
  guint more;

  if (rc->n_reported <= LGSM_LOADER_MAX_PROBLEMS_PER_RECORD)
    return;
  more = rc->n_reported - LGSM_LOADER_MAX_PROBLEMS_PER_RECORD;
  message = g_strdup_printf ("and %u more problems in this record, not listed one by one", more);
  report_at (rc->fc, rc->index, record_label (rc), NULL, LGSM_RECORD_ERROR_BAD_VALUE, message);
}

static const char *
json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "a string";
        case G_TYPE_BOOLEAN:
          return "true or false";
        default:
          return "a number";
        }
    }
}

static gboolean
expect_type (RecCtx     *rc,
             JsonNode   *node,
             const char *field,
             GType       value_type,
             const char *wanted)
{
  gboolean ok;

  if (value_type == JSON_TYPE_OBJECT)
    ok = JSON_NODE_HOLDS_OBJECT (node);
  else if (value_type == JSON_TYPE_ARRAY)
    ok = JSON_NODE_HOLDS_ARRAY (node);
  else if (value_type == G_TYPE_DOUBLE)
    ok = JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
          json_node_get_value_type (node) == G_TYPE_INT64);
  else
    ok = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;

  if (!ok)
    report (rc, field, LGSM_RECORD_ERROR_WRONG_TYPE,
            "must be %s, not %s", wanted, json_type_name (node));
  return ok;
}

/* Unknown members are errors, except the curators' own "x-…" fields. */
static void
check_members (RecCtx             *rc,
               JsonObject         *object,
               const char         *prefix,
               const char * const *known,
               guint               n_known)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      gboolean found = g_str_has_prefix (name, "x-");

      for (guint i = 0; !found && i < n_known; i++)
        found = strcmp (name, known[i]) == 0;
      if (!found)
        {
          g_autofree char *field = prefix ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
          report (rc, field, LGSM_RECORD_ERROR_UNKNOWN_FIELD,
                  "“%s” is not a field of the schema (misspelt? fields of your own must start with “x-”)",
                  name);
        }
    }
}

/* ---- values ------------------------------------------------------------- */

/**
 * lgsm_pgettext:
 *
 * Like g_dpgettext2(), but asks gettext every time: g_dgettext() decides
 * once per process whether to translate at all, which would keep the
 * records in the language the app started in when the language is switched.
 *
 * Returns: the translation, or @msgid itself
 */
const char *
lgsm_pgettext (const char *domain,
               const char *context,
               const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translated = dgettext (domain, key);

  return translated == key ? msgid : translated;
}

static const char *
translate (RecCtx     *rc,
           const char *owner,
           const char *field,
           const char *text)
{
  const char *domain = rc->fc->loader->domain;
  char context[160];

  if (domain == NULL || owner == NULL || strlen (text) > 64 * 1024)
    return text;
  g_snprintf (context, sizeof context, "%s|%s", owner, field);
  return lgsm_pgettext (domain, context, text);
}

/* What check_text() needs to know of a byte. */
enum { BYTE_CONTROL = 1, BYTE_HIGH = 2, BYTE_VISIBLE = 4 };

static const guint8 byte_class[256] = {
  /* 0x00–0x1F are controls, except tab and newline (white space, as is 0x20) */
  [0x00 ... 0x08] = BYTE_CONTROL,
  [0x0B ... 0x1F] = BYTE_CONTROL,
  [0x21 ... 0x7E] = BYTE_VISIBLE,
  /* DEL counts as visible here: the UTF-8 pass reports it */
  [0x7F] = BYTE_VISIBLE,
  [0x80 ... 0xFF] = BYTE_HIGH | BYTE_VISIBLE,
};

static gboolean
check_text (RecCtx     *rc,
            const char *field,
            const char *text)
{
  gboolean blank, high;
  guint seen = 0;
  gsize len = 0;

  /* one table lookup a byte: every text field of every record passes here */
  for (const guchar *p = (const guchar *) text; *p; p++, len++)
    seen |= byte_class[*p];
  if (seen & BYTE_CONTROL)
    for (const guchar *p = (const guchar *) text; *p; p++)
      if (byte_class[*p] & BYTE_CONTROL)
        {
          report (rc, field, LGSM_RECORD_ERROR_BAD_TEXT,
                  "contains the control character U+%04X; text must be plain", *p);
          return FALSE;
        }
  high = (seen & BYTE_HIGH) != 0;
  blank = (seen & BYTE_VISIBLE) == 0;

  if (len > LGSM_LOADER_MAX_STRING_SIZE)
    {
      report (rc, field, LGSM_RECORD_ERROR_TOO_LARGE,
              "is %" G_GSIZE_FORMAT " bytes long; the limit is %d", len, LGSM_LOADER_MAX_STRING_SIZE);
      return FALSE;
    }
  if (high && !g_utf8_validate (text, (gssize) len, NULL))
    {
      report (rc, field, LGSM_RECORD_ERROR_BAD_TEXT, "is not valid UTF-8");
      return FALSE;
    }
  if (high || memchr (text, 0x7F, len))
    {
      /* DEL and the C1 controls (U+0080–U+009F, e.g. a terminal's CSI) */
      gboolean all_space = TRUE;

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == 0x7F || (c >= 0x80 && c <= 0x9F))
            {
              report (rc, field, LGSM_RECORD_ERROR_BAD_TEXT,
                      "contains the control character U+%04X; text must be plain", c);
              return FALSE;
            }
          if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
            all_space = FALSE;
        }
      blank = all_space;
    }
  if (blank)
    {
      report (rc, field, LGSM_RECORD_ERROR_EMPTY_TEXT, "is empty");
      return FALSE;
    }
  return TRUE;
}

static const char *
get_text (RecCtx     *rc,
          JsonObject *object,
          const char *name,
          const char *field,
          gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *text;

  if (node == NULL)
    {
      if (required)
        report (rc, field, LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
      return NULL;
    }
  if (!expect_type (rc, node, field, G_TYPE_STRING, "a string"))
    return NULL;
  text = json_node_get_string (node);
  return check_text (rc, field, text) ? text : NULL;
}

/* "NAME.I" into @buf: called for every item of every list, so no printf. */
static void
item_field (char       *buf,
            gsize       size,
            const char *name,
            guint       i)
{
  char digits[12];
  int n = 0;
  gsize len = g_strlcpy (buf, name, size - sizeof digits - 1);

  len = MIN (len, size - sizeof digits - 1);
  do
    digits[n++] = (char) ('0' + i % 10);
  while ((i /= 10) > 0);
  buf[len++] = '.';
  while (n > 0)
    buf[len++] = digits[--n];
  buf[len] = '\0';
}

/* A string list; with @ids each item must be a valid record id. */
static const char **
get_strv (RecCtx     *rc,
          JsonObject *object,
          const char *name,
          gboolean    required,
          gboolean    ids)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;
  const char **strv;
  gboolean failed_before = rc->failed;
  guint n;

  if (node == NULL)
    {
      if (required)
        report (rc, name, LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
      return NULL;
    }
  if (!expect_type (rc, node, name, JSON_TYPE_ARRAY, "an array of strings"))
    return NULL;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0 && required)
    {
      report (rc, name, LGSM_RECORD_ERROR_EMPTY_TEXT, "needs at least one entry");
      return NULL;
    }

  strv = g_new0 (const char *, n + 1);
  rc->failed = FALSE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      char field[64];

      item_field (field, sizeof field, name, i);
      if (!expect_type (rc, item, field, G_TYPE_STRING, "a string"))
        continue;
      strv[i] = json_node_get_string (item);
      if (!check_text (rc, field, strv[i]))
        continue;
      if (ids && !lgsm_id_is_valid (strv[i]))
        report (rc, field, LGSM_RECORD_ERROR_BAD_ID,
                "“%s” is not a record id (lower-case letters, digits and “-”)", strv[i]);
    }
  if (rc->failed)
    g_clear_pointer (&strv, g_free);
  rc->failed |= failed_before;
  return strv;
}

static gboolean
get_point (RecCtx        *rc,
           JsonObject    *date,
           const char    *name,
           const char    *field,
           gboolean       required,
           LgsmDatePoint *point)
{
  g_autoptr(GError) error = NULL;
  const char *text = get_text (rc, date, name, field, required);

  if (text == NULL)
    return FALSE;
  if (!lgsm_date_point_parse (text, point, &error))
    {
      report (rc, field, LGSM_RECORD_ERROR_BAD_DATE, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
read_date (RecCtx     *rc,
           JsonObject *record)
{
  JsonNode *node = json_object_get_member (record, "date");
  JsonObject *date;
  LgsmDatePoint start = { 0 }, end = { 0 };
  gboolean circa = FALSE;
  const char *display;

  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (get_point (rc, record, "date", "date", TRUE, &start))
        rc->record->date = lgsm_date_new (&start, NULL, FALSE, NULL);
      return;
    }
  if (!expect_type (rc, node, "date", JSON_TYPE_OBJECT, "a date string or an object"))
    return;

  date = json_node_get_object (node);
  check_members (rc, date, "date", date_fields, G_N_ELEMENTS (date_fields));
  if (!get_point (rc, date, "start", "date.start", TRUE, &start))
    return;
  if (json_object_has_member (date, "end"))
    {
      if (!get_point (rc, date, "end", "date.end", TRUE, &end))
        return;
      if (lgsm_date_point_compare (&end, &start) < 0)
        {
          report (rc, "date.end", LGSM_RECORD_ERROR_BAD_DATE, "is before the start of the period");
          return;
        }
    }
  if (json_object_has_member (date, "circa"))
    {
      if (!expect_type (rc, json_object_get_member (date, "circa"), "date.circa",
                        G_TYPE_BOOLEAN, "true or false"))
        return;
      circa = json_object_get_boolean_member (date, "circa");
    }
  display = get_text (rc, date, "display", "date.display", FALSE);
  if (display)
    display = translate (rc, rc->id, "date", display);

  rc->record->date = lgsm_date_new (&start, end.year ? &end : NULL, circa, display);
}

static void
read_image (RecCtx     *rc,
            JsonObject *record)
{
  JsonNode *node = json_object_get_member (record, "image");
  LgsmLoader *loader = rc->fc->loader;
  g_autoptr(GError) error = NULL;
  JsonObject *image;
  const char *resource;

  if (node == NULL || !expect_type (rc, node, "image", JSON_TYPE_OBJECT, "an object"))
    return;

  image = json_node_get_object (node);
  check_members (rc, image, "image", image_fields, G_N_ELEMENTS (image_fields));
  resource = get_text (rc, image, "resource", "image.resource", TRUE);
  rc->record->image_alt = get_text (rc, image, "alt", "image.alt", TRUE);
  rc->record->image_credit = get_text (rc, image, "credit", "image.credit", TRUE);
  rc->record->image_licence = get_text (rc, image, "licence", "image.licence", FALSE);
  if (resource == NULL)
    return;

  if (!lgsm_image_path_is_safe (resource))
    {
      report (rc, "image.resource", LGSM_RECORD_ERROR_BAD_IMAGE,
              "“%s” is refused: give a plain relative path inside the records "
              "(no “..”, no absolute path, no URI)", resource);
      return;
    }
  if (loader->resolver)
    {
      rc->record->image_uri = loader->resolver (resource, loader->resolver_data, &error);
      if (rc->record->image_uri == NULL)
        report (rc, "image.resource", LGSM_RECORD_ERROR_BAD_IMAGE, "%s", error->message);
    }
}

static void
read_amount (RecCtx     *rc,
             JsonObject *record)
{
  JsonNode *node = json_object_get_member (record, "amount");
  JsonObject *amount;
  JsonNode *pence;
  const char *currency;

  if (node == NULL || !expect_type (rc, node, "amount", JSON_TYPE_OBJECT, "an object"))
    return;

  amount = json_node_get_object (node);
  check_members (rc, amount, "amount", amount_fields, G_N_ELEMENTS (amount_fields));
  pence = json_object_get_member (amount, "pence");
  if (pence == NULL)
    {
      report (rc, "amount.pence", LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
      return;
    }
  if (!JSON_NODE_HOLDS_VALUE (pence) ||
      (json_node_get_value_type (pence) != G_TYPE_INT64 &&
       json_node_get_value_type (pence) != G_TYPE_DOUBLE))
    {
      report (rc, "amount.pence", LGSM_RECORD_ERROR_WRONG_TYPE,
              "must be a whole number of pence, not %s", json_type_name (pence));
      return;
    }
  if (json_node_get_value_type (pence) == G_TYPE_DOUBLE)
    {
      report (rc, "amount.pence", LGSM_RECORD_ERROR_BAD_AMOUNT,
              "must be a whole number of pence (%g is not)", json_node_get_double (pence));
      return;
    }
  rc->record->pence = json_node_get_int (pence);
  if (rc->record->pence < 0 || rc->record->pence > G_GINT64_CONSTANT (100000000000000))
    {
      report (rc, "amount.pence", LGSM_RECORD_ERROR_BAD_AMOUNT,
              "%" G_GINT64_FORMAT " is out of range (0 to 10¹⁴ pence)", rc->record->pence);
      return;
    }

  currency = "GBP";
  if (json_object_has_member (amount, "currency"))
    {
      currency = get_text (rc, amount, "currency", "amount.currency", TRUE);
      if (currency && (strlen (currency) != 3 || !g_ascii_isupper (currency[0]) ||
                       !g_ascii_isupper (currency[1]) || !g_ascii_isupper (currency[2])))
        report (rc, "amount.currency", LGSM_RECORD_ERROR_BAD_AMOUNT,
                "“%s” is not an ISO 4217 currency code such as GBP", currency);
    }
  rc->record->currency = currency;
  if (json_object_has_member (amount, "approximate") &&
      expect_type (rc, json_object_get_member (amount, "approximate"), "amount.approximate",
                   G_TYPE_BOOLEAN, "true or false"))
    rc->record->approximate = json_object_get_boolean_member (amount, "approximate");
  rc->record->has_amount = TRUE;
}

static gboolean
get_degrees (RecCtx     *rc,
             JsonObject *geo,
             const char *name,
             double      limit,
             double     *out)
{
  JsonNode *node = json_object_get_member (geo, name);
  g_autofree char *field = g_strconcat ("geo.", name, NULL);

  if (node == NULL)
    {
      report (rc, field, LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
      return FALSE;
    }
  if (!expect_type (rc, node, field, G_TYPE_DOUBLE, "a number"))
    return FALSE;
  *out = json_node_get_double (node);
  if (!(*out >= -limit && *out <= limit))
    {
      report (rc, field, LGSM_RECORD_ERROR_BAD_VALUE, "must be between %g and %g", -limit, limit);
      return FALSE;
    }
  return TRUE;
}

static void
read_geo (RecCtx     *rc,
          JsonObject *record)
{
  JsonNode *node = json_object_get_member (record, "geo");
  JsonObject *geo;

  if (node == NULL || !expect_type (rc, node, "geo", JSON_TYPE_OBJECT, "an object"))
    return;
  if (rc->record->kind != LGSM_RECORD_KIND_PLACE)
    {
      report (rc, "geo", LGSM_RECORD_ERROR_BAD_VALUE, "only records of kind “place” have a position");
      return;
    }
  geo = json_node_get_object (node);
  check_members (rc, geo, "geo", geo_fields, G_N_ELEMENTS (geo_fields));
  if (get_degrees (rc, geo, "lat", 90, &rc->record->lat) &&
      get_degrees (rc, geo, "lon", 180, &rc->record->lon))
    rc->record->has_geo = TRUE;
}

static void
read_body (RecCtx     *rc,
           JsonObject *record)
{
  const char **body = get_strv (rc, record, "body", TRUE, FALSE);

  for (guint i = 0; body && body[i] && rc->fc->loader->domain; i++)
    {
      char field[32];

      g_snprintf (field, sizeof field, "body-%u", i + 1);
      body[i] = translate (rc, rc->id, field, body[i]);
    }
  rc->record->body = body;
}

/* ---- records ------------------------------------------------------------ */

static void
read_identity (RecCtx     *rc,
               JsonObject *object)
{
  const char *id = get_text (rc, object, "id", "id", TRUE);
  const char *kind = get_text (rc, object, "kind", "kind", TRUE);

  if (id != NULL)
    {
      if (lgsm_id_is_valid (id))
        rc->id = rc->record->id = id;
      else
        report (rc, "id", LGSM_RECORD_ERROR_BAD_ID,
                "“%s” is not a valid id: use 1 to 64 lower-case letters, digits and “-”", id);
    }
  if (kind != NULL && !lgsm_record_kind_from_string (kind, &rc->record->kind))
    report (rc, "kind", LGSM_RECORD_ERROR_BAD_VALUE,
            "“%s” is not a kind (event, theme, person, place, organisation, item)", kind);
}

static const char *
get_translated (RecCtx     *rc,
                JsonObject *object,
                const char *name,
                gboolean    required)
{
  const char *text = get_text (rc, object, name, name, required);

  return text ? translate (rc, rc->id, name, text) : NULL;
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
      report (&rc, NULL, LGSM_RECORD_ERROR_WRONG_TYPE, "a record must be an object, not %s",
              json_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  record = rc.record = lgsm_record_new_for_json (object);
  record->section = fc->section;
  record->file = fc->file;
  record->index = (guint) index;

  read_identity (&rc, object);
  check_members (&rc, object, NULL, record_fields, G_N_ELEMENTS (record_fields));
  record->title = get_translated (&rc, object, "title", TRUE);
  if (record->title && g_utf8_strlen (record->title, -1) > 200)
    report (&rc, "title", LGSM_RECORD_ERROR_TOO_LARGE, "is longer than 200 characters");
  record->summary = get_translated (&rc, object, "summary", TRUE);
  read_body (&rc, object);
  read_date (&rc, object);
  read_image (&rc, object);
  if (record->image_alt)
    record->image_alt = translate (&rc, rc.id, "image-alt", record->image_alt);
  if (record->image_credit)
    record->image_credit = translate (&rc, rc.id, "image-credit", record->image_credit);
  read_amount (&rc, object);
  read_geo (&rc, object);
  record->places = get_strv (&rc, object, "places", FALSE, TRUE);
  record->people = get_strv (&rc, object, "people", FALSE, TRUE);
  record->see_also = get_strv (&rc, object, "see-also", FALSE, TRUE);
  group = get_text (&rc, object, "group", "group", FALSE);
  if (group && !lgsm_id_is_valid (group))
    report (&rc, "group", LGSM_RECORD_ERROR_BAD_VALUE,
            "“%s” is not a group name (lower-case letters, digits and “-”)", group);
  record->group = group;
  record->side = get_translated (&rc, object, "side", FALSE);
  record->notes = get_translated (&rc, object, "notes", FALSE);
  record->content_note = get_translated (&rc, object, "content-note", FALSE);
  record->sources = get_strv (&rc, object, "sources", TRUE, FALSE);
  /* "How do we know?": each source is translated once, with the context
   * "source", wherever records cite it (po/records.pot) */
  for (guint i = 0; record->sources && record->sources[i] && fc->loader->domain; i++)
    record->sources[i] = lgsm_pgettext (fc->loader->domain, "source", record->sources[i]);

  report_more (&rc);
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
      report (&rc, NULL, LGSM_RECORD_ERROR_TOO_LARGE,
              "the file is %" G_GSIZE_FORMAT " bytes; the limit is %d MiB",
              fc->len, LGSM_LOADER_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  /* Invalid UTF-8 inside a string is reported by check_text() with its
   * field; outside strings it is not JSON. Only a NUL byte needs a look of
   * its own: json-glib would stop reading there. */
  if ((bad = memchr (fc->text, '\0', fc->len)) != NULL)
    {
      g_autoptr(LgsmProblem) problem = NULL;
      guint line, column;

      lgsm_json_offset_to_line_col (fc->text, fc->len, (gsize) (bad - fc->text), &line, &column);
      problem = lgsm_problem_new (fc->file, line, column, "-", NULL, LGSM_RECORD_ERROR_BAD_TEXT,
                                  "the file contains a NUL byte: it is not a text file");
      g_list_store_append (fc->problems, problem);
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
      g_autoptr(LgsmProblem) problem = NULL;
      guint line, column;

      lgsm_json_offset_to_line_col (fc->text, fc->len, offset, &line, &column);
      problem = lgsm_problem_new (fc->file, line, column, "-", NULL, checks[check].code, checks[check].message);
      g_list_store_append (fc->problems, problem);
      return FALSE;
    }
  fc->indexable = TRUE;
  return TRUE;
}

/* json-glib says "<data>:LINE:COL: Parse error: …"; keep its position. */
static void
report_syntax (FileCtx      *fc,
               const GError *error)
{
  g_autoptr(LgsmProblem) problem = NULL;
  const char *message = error->message;
  guint line = 0, column = 0;
  const char *p;

  if ((p = strchr (message, ':')) && sscanf (p, ":%u:%u:", &line, &column) == 2)
    {
      for (int i = 0; i < 3 && p; i++)
        p = strchr (p + 1, ':');
      if (p)
        message = p + 1 + (p[1] == ' ');
    }
  {
    g_autofree char *text = g_strdup_printf ("the file is not valid JSON (%s)", message);
    problem = lgsm_problem_new (fc->file, line, column, "-", NULL, LGSM_RECORD_ERROR_SYNTAX, text);
  }
  g_list_store_append (fc->problems, problem);
}

static LgsmSection *
read_header (FileCtx    *fc,
             JsonObject *root)
{
  RecCtx rc = { fc, -1, NULL, "-", FALSE, NULL, 0 };
  JsonNode *schema = json_object_get_member (root, "schema");
  JsonNode *records = json_object_get_member (root, "records");
  const char *section, *title, *summary;

  check_members (&rc, root, NULL, file_fields, G_N_ELEMENTS (file_fields));
  rc.failed = FALSE;  /* an unknown header field is reported, but not fatal */

  if (schema == NULL)
    report (&rc, "schema", LGSM_RECORD_ERROR_MISSING_FIELD, "is required (the schema version, %d)",
            LGSM_SCHEMA_VERSION);
  else if (expect_type (&rc, schema, "schema", G_TYPE_INT64, "a whole number") &&
           json_node_get_int (schema) != LGSM_SCHEMA_VERSION)
    report (&rc, "schema", LGSM_RECORD_ERROR_UNSUPPORTED_SCHEMA,
            "version %" G_GINT64_FORMAT " is not supported; this program reads version %d",
            json_node_get_int (schema), LGSM_SCHEMA_VERSION);

  section = get_text (&rc, root, "section", "section", TRUE);
  if (section && !lgsm_section_id_is_known (section))
    report (&rc, "section", LGSM_RECORD_ERROR_BAD_VALUE,
            "“%s” is not a section (history, outlook, legacy, twinning, people, places)", section);
  title = get_text (&rc, root, "title", "title", TRUE);
  summary = get_text (&rc, root, "summary", "summary", TRUE);

  if (records == NULL)
    report (&rc, "records", LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
  else
    expect_type (&rc, records, "records", JSON_TYPE_ARRAY, "an array of records");

  if (rc.failed)
    return NULL;

  fc->section = g_intern_string (section);
  rc.id = section;
  return lgsm_section_new (section,
                           translate (&rc, section, "section-title", title),
                           translate (&rc, section, "section-summary", summary),
                           fc->file);
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
  g_autoptr(GPtrArray) records = NULL;
  LgsmSection *section;
  FileCtx fc = { 0 };
  JsonNode *root;
  JsonArray *array;
  guint n;

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
      const char *bad = NULL;

      /* json-glib checks the encoding itself; say where, only when it fails */
      if (!g_utf8_validate (fc.text, (gssize) fc.len, &bad))
        {
          g_autoptr(LgsmProblem) problem = NULL;
          guint line, column;

          lgsm_json_offset_to_line_col (fc.text, fc.len, (gsize) (bad - fc.text), &line, &column);
          problem = lgsm_problem_new (fc.file, line, column, "-", NULL, LGSM_RECORD_ERROR_BAD_TEXT,
                                      "the file is not valid UTF-8 here");
          g_list_store_append (fc.problems, problem);
        }
      else
        report_syntax (&fc, error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      RecCtx rc = { &fc, -1, NULL, "-", FALSE, NULL, 0 };
      report (&rc, NULL, LGSM_RECORD_ERROR_WRONG_TYPE,
              "the file must hold one JSON object with “schema”, “section” and “records”");
      g_clear_pointer (&fc.index, lgsm_json_index_free);
      return NULL;
    }

  section = read_header (&fc, json_node_get_object (root));
  if (section == NULL)
    {
      g_clear_pointer (&fc.index, lgsm_json_index_free);
      return NULL;
    }

  array = json_object_get_array_member (json_node_get_object (root), "records");
  n = json_array_get_length (array);
  records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      LgsmRecord *record = read_record (&fc, json_array_get_element (array, i), (int) i);

      if (record)
        g_ptr_array_add (records, record);
    }
  lgsm_section_take_records (section, g_steal_pointer (&records));

  g_clear_pointer (&fc.index, lgsm_json_index_free);
  return section;
}
