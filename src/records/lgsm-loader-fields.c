/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "lgsm-loader-private.h"

/* The typed field readers: each reads one member of a record (or of the
 * file's header), checks it and reports what is wrong with it. Strings are
 * borrowed from the parsed JSON, or from the message catalogue when a
 * translation domain is set. */

static const char * const date_fields[] = { "start", "end", "circa", "display" };
static const char * const image_fields[] = { "resource", "alt", "credit", "licence" };
static const char * const amount_fields[] = { "pence", "currency", "approximate" };
static const char * const geo_fields[] = { "lat", "lon" };

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

const char *
lgsm_loader_translate (RecCtx     *rc,
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
          lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_BAD_TEXT,
                              "contains the control character U+%04X; text must be plain", *p);
          return FALSE;
        }
  high = (seen & BYTE_HIGH) != 0;
  blank = (seen & BYTE_VISIBLE) == 0;

  if (len > LGSM_LOADER_MAX_STRING_SIZE)
    {
      lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_TOO_LARGE,
                          "is %" G_GSIZE_FORMAT " bytes long; the limit is %d",
                          len, LGSM_LOADER_MAX_STRING_SIZE);
      return FALSE;
    }
  if (high && !g_utf8_validate (text, (gssize) len, NULL))
    {
      lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_BAD_TEXT, "is not valid UTF-8");
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
              lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_BAD_TEXT,
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
      lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_EMPTY_TEXT, "is empty");
      return FALSE;
    }
  return TRUE;
}

const char *
lgsm_loader_get_text (RecCtx     *rc,
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
        lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
      return NULL;
    }
  if (!lgsm_loader_expect_type (rc, node, field, G_TYPE_STRING, "a string"))
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
const char **
lgsm_loader_get_strv (RecCtx     *rc,
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
        lgsm_loader_report (rc, name, LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
      return NULL;
    }
  if (!lgsm_loader_expect_type (rc, node, name, JSON_TYPE_ARRAY, "an array of strings"))
    return NULL;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0 && required)
    {
      lgsm_loader_report (rc, name, LGSM_RECORD_ERROR_EMPTY_TEXT, "needs at least one entry");
      return NULL;
    }

  strv = g_new0 (const char *, n + 1);
  rc->failed = FALSE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      char field[64];

      item_field (field, sizeof field, name, i);
      if (!lgsm_loader_expect_type (rc, item, field, G_TYPE_STRING, "a string"))
        continue;
      strv[i] = json_node_get_string (item);
      if (!check_text (rc, field, strv[i]))
        continue;
      if (ids && !lgsm_id_is_valid (strv[i]))
        lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_BAD_ID,
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
  const char *text = lgsm_loader_get_text (rc, date, name, field, required);

  if (text == NULL)
    return FALSE;
  if (!lgsm_date_point_parse (text, point, &error))
    {
      lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_BAD_DATE, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
lgsm_loader_read_date (RecCtx     *rc,
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
  if (!lgsm_loader_expect_type (rc, node, "date", JSON_TYPE_OBJECT, "a date string or an object"))
    return;

  date = json_node_get_object (node);
  lgsm_loader_check_members (rc, date, "date", date_fields, G_N_ELEMENTS (date_fields));
  if (!get_point (rc, date, "start", "date.start", TRUE, &start))
    return;
  if (json_object_has_member (date, "end"))
    {
      if (!get_point (rc, date, "end", "date.end", TRUE, &end))
        return;
      if (lgsm_date_point_compare (&end, &start) < 0)
        {
          lgsm_loader_report (rc, "date.end", LGSM_RECORD_ERROR_BAD_DATE,
                              "is before the start of the period");
          return;
        }
    }
  if (json_object_has_member (date, "circa"))
    {
      if (!lgsm_loader_expect_type (rc, json_object_get_member (date, "circa"), "date.circa",
                                    G_TYPE_BOOLEAN, "true or false"))
        return;
      circa = json_object_get_boolean_member (date, "circa");
    }
  display = lgsm_loader_get_text (rc, date, "display", "date.display", FALSE);
  if (display)
    display = lgsm_loader_translate (rc, rc->id, "date", display);

  rc->record->date = lgsm_date_new (&start, end.year ? &end : NULL, circa, display);
}

void
lgsm_loader_read_image (RecCtx     *rc,
                        JsonObject *record)
{
  JsonNode *node = json_object_get_member (record, "image");
  LgsmLoader *loader = rc->fc->loader;
  g_autoptr(GError) error = NULL;
  JsonObject *image;
  const char *resource;

  if (node == NULL || !lgsm_loader_expect_type (rc, node, "image", JSON_TYPE_OBJECT, "an object"))
    return;

  image = json_node_get_object (node);
  lgsm_loader_check_members (rc, image, "image", image_fields, G_N_ELEMENTS (image_fields));
  resource = lgsm_loader_get_text (rc, image, "resource", "image.resource", TRUE);
  rc->record->image_alt = lgsm_loader_get_text (rc, image, "alt", "image.alt", TRUE);
  rc->record->image_credit = lgsm_loader_get_text (rc, image, "credit", "image.credit", TRUE);
  rc->record->image_licence = lgsm_loader_get_text (rc, image, "licence", "image.licence", FALSE);
  if (resource == NULL)
    return;

  if (!lgsm_image_path_is_safe (resource))
    {
      lgsm_loader_report (rc, "image.resource", LGSM_RECORD_ERROR_BAD_IMAGE,
                          "“%s” is refused: give a plain relative path inside the records "
                          "(no “..”, no absolute path, no URI)", resource);
      return;
    }
  if (loader->resolver)
    {
      rc->record->image_uri = loader->resolver (resource, loader->resolver_data, &error);
      if (rc->record->image_uri == NULL)
        lgsm_loader_report (rc, "image.resource", LGSM_RECORD_ERROR_BAD_IMAGE, "%s", error->message);
    }
}

void
lgsm_loader_read_amount (RecCtx     *rc,
                         JsonObject *record)
{
  JsonNode *node = json_object_get_member (record, "amount");
  JsonObject *amount;
  JsonNode *pence;
  const char *currency;

  if (node == NULL || !lgsm_loader_expect_type (rc, node, "amount", JSON_TYPE_OBJECT, "an object"))
    return;

  amount = json_node_get_object (node);
  lgsm_loader_check_members (rc, amount, "amount", amount_fields, G_N_ELEMENTS (amount_fields));
  pence = json_object_get_member (amount, "pence");
  if (pence == NULL)
    {
      lgsm_loader_report (rc, "amount.pence", LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
      return;
    }
  if (!JSON_NODE_HOLDS_VALUE (pence) ||
      (json_node_get_value_type (pence) != G_TYPE_INT64 &&
       json_node_get_value_type (pence) != G_TYPE_DOUBLE))
    {
      lgsm_loader_report (rc, "amount.pence", LGSM_RECORD_ERROR_WRONG_TYPE,
                          "must be a whole number of pence, not %s", lgsm_loader_json_type_name (pence));
      return;
    }
  if (json_node_get_value_type (pence) == G_TYPE_DOUBLE)
    {
      lgsm_loader_report (rc, "amount.pence", LGSM_RECORD_ERROR_BAD_AMOUNT,
                          "must be a whole number of pence (%g is not)", json_node_get_double (pence));
      return;
    }
  rc->record->pence = json_node_get_int (pence);
  if (rc->record->pence < 0 || rc->record->pence > G_GINT64_CONSTANT (100000000000000))
    {
      lgsm_loader_report (rc, "amount.pence", LGSM_RECORD_ERROR_BAD_AMOUNT,
                          "%" G_GINT64_FORMAT " is out of range (0 to 10¹⁴ pence)", rc->record->pence);
      return;
    }

  currency = "GBP";
  if (json_object_has_member (amount, "currency"))
    {
      currency = lgsm_loader_get_text (rc, amount, "currency", "amount.currency", TRUE);
      if (currency && (strlen (currency) != 3 || !g_ascii_isupper (currency[0]) ||
                       !g_ascii_isupper (currency[1]) || !g_ascii_isupper (currency[2])))
        lgsm_loader_report (rc, "amount.currency", LGSM_RECORD_ERROR_BAD_AMOUNT,
                            "“%s” is not an ISO 4217 currency code such as GBP", currency);
    }
  rc->record->currency = currency;
  if (json_object_has_member (amount, "approximate") &&
      lgsm_loader_expect_type (rc, json_object_get_member (amount, "approximate"), "amount.approximate",
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
      lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_MISSING_FIELD, "is required");
      return FALSE;
    }
  if (!lgsm_loader_expect_type (rc, node, field, G_TYPE_DOUBLE, "a number"))
    return FALSE;
  *out = json_node_get_double (node);
  if (!(*out >= -limit && *out <= limit))
    {
      lgsm_loader_report (rc, field, LGSM_RECORD_ERROR_BAD_VALUE, "must be between %g and %g", -limit, limit);
      return FALSE;
    }
  return TRUE;
}

void
lgsm_loader_read_geo (RecCtx     *rc,
                      JsonObject *record)
{
  JsonNode *node = json_object_get_member (record, "geo");
  JsonObject *geo;

  if (node == NULL || !lgsm_loader_expect_type (rc, node, "geo", JSON_TYPE_OBJECT, "an object"))
    return;
  if (rc->record->kind != LGSM_RECORD_KIND_PLACE)
    {
      lgsm_loader_report (rc, "geo", LGSM_RECORD_ERROR_BAD_VALUE,
                          "only records of kind “place” have a position");
      return;
    }
  geo = json_node_get_object (node);
  lgsm_loader_check_members (rc, geo, "geo", geo_fields, G_N_ELEMENTS (geo_fields));
  if (get_degrees (rc, geo, "lat", 90, &rc->record->lat) &&
      get_degrees (rc, geo, "lon", 180, &rc->record->lon))
    rc->record->has_geo = TRUE;
}

void
lgsm_loader_read_body (RecCtx     *rc,
                       JsonObject *record)
{
  const char **body = lgsm_loader_get_strv (rc, record, "body", TRUE, FALSE);

  for (guint i = 0; body && body[i] && rc->fc->loader->domain; i++)
    {
      char field[32];

      g_snprintf (field, sizeof field, "body-%u", i + 1);
      body[i] = lgsm_loader_translate (rc, rc->id, field, body[i]);
    }
  rc->record->body = body;
}

const char *
lgsm_loader_get_translated (RecCtx     *rc,
                            JsonObject *object,
                            const char *name,
                            gboolean    required)
{
  const char *text = lgsm_loader_get_text (rc, object, name, name, required);

  return text ? lgsm_loader_translate (rc, rc->id, name, text) : NULL;
}
