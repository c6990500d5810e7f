/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "lgsm-record-private.h"

G_DEFINE_FINAL_TYPE (LgsmRecord, lgsm_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SECTION,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  "event", "theme", "person", "place", "organisation", "item",
};

gboolean
lgsm_record_kind_from_string (const char     *text,
                              LgsmRecordKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (LgsmRecordKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lgsm_record_kind_to_string (LgsmRecordKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

static void
lgsm_record_finalize (GObject *object)
{
  LgsmRecord *self = LGSM_RECORD (object);

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->date, lgsm_date_free);
  g_free (self->image_uri);
  g_free (self->body);
  g_free (self->places);
  g_free (self->people);
  g_free (self->see_also);
  g_free (self->sources);

  G_OBJECT_CLASS (lgsm_record_parent_class)->finalize (object);
}

static void
lgsm_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LgsmRecord *self = LGSM_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, lgsm_record_kind_to_string (self->kind));
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_record_class_init (LgsmRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lgsm_record_finalize;
  object_class->get_property = lgsm_record_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lgsm_record_init (LgsmRecord *self)
{
}

LgsmRecord *
lgsm_record_new_for_json (JsonObject *json)
{
  LgsmRecord *self = g_object_new (LGSM_TYPE_RECORD, NULL);

  self->json = json_object_ref (json);
  return self;
}

static const char * const empty_strv[] = { NULL };

#define STRV_OR_EMPTY(v) ((v) ? (const char * const *) (v) : empty_strv)

const char *
lgsm_record_get_id (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->id;
}

LgsmRecordKind
lgsm_record_get_kind (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), 0);
  return self->kind;
}

const char *
lgsm_record_get_section (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->section;
}

const char *
lgsm_record_get_file (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->file;
}

const char *
lgsm_record_get_title (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->title;
}

const char *
lgsm_record_get_summary (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->summary;
}

const char * const *
lgsm_record_get_body (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return STRV_OR_EMPTY (self->body);
}

const LgsmDate *
lgsm_record_get_date (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->date;
}

/* The date as shown to people, or NULL for an undated record. */
char *
lgsm_record_format_date (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->date ? lgsm_date_format (self->date) : NULL;
}

const char *
lgsm_record_get_image_uri (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->image_uri;
}

const char *
lgsm_record_get_image_alt (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->image_alt;
}

const char *
lgsm_record_get_image_credit (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->image_credit;
}

const char *
lgsm_record_get_image_licence (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->image_licence;
}

gboolean
lgsm_record_get_amount (LgsmRecord  *self,
                        gint64      *pence,
                        const char **currency,
                        gboolean    *approximate)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), FALSE);

  if (pence)
    *pence = self->has_amount ? self->pence : 0;
  if (currency)
    *currency = self->has_amount ? self->currency : NULL;
  if (approximate)
    *approximate = self->has_amount && self->approximate;
  return self->has_amount;
}

/* Whole units with the locale's thousands separator; the C locale has
 * none, and there the exhibition's own convention (",") is used. */
static char *
group_digits (gint64 units)
{
  const char *sep = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, units);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  if (sep == NULL || *sep == '\0')
    sep = ",";
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* The sum as shown to people ("£5,000", "about £150"), or NULL. */
char *
lgsm_record_format_amount (LgsmRecord *self)
{
  g_autofree char *units = NULL;
  g_autofree char *money = NULL;

  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);

  if (!self->has_amount)
    return NULL;
  units = group_digits (self->pence / 100);
  if (g_strcmp0 (self->currency, "GBP") == 0)
    money = self->pence % 100 == 0
      ? g_strdup_printf ("£%s", units)
      : g_strdup_printf ("£%s.%02d", units, (int) (self->pence % 100));
  else
    money = g_strdup_printf ("%s.%02d %s", units, (int) (self->pence % 100), self->currency);
  /* Translators: an approximate sum of money, e.g. "about £5,000" */
  return self->approximate ? g_strdup_printf (_("about %s"), money) : g_steal_pointer (&money);
}

const char * const *
lgsm_record_get_places (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return STRV_OR_EMPTY (self->places);
}

const char * const *
lgsm_record_get_people (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return STRV_OR_EMPTY (self->people);
}

const char * const *
lgsm_record_get_see_also (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return STRV_OR_EMPTY (self->see_also);
}

const char *
lgsm_record_get_group (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->group;
}

const char *
lgsm_record_get_side (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->side;
}

gboolean
lgsm_record_get_geo (LgsmRecord *self,
                     double     *lat,
                     double     *lon)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), FALSE);

  if (lat)
    *lat = self->lat;
  if (lon)
    *lon = self->lon;
  return self->has_geo;
}

const char *
lgsm_record_get_notes (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->notes;
}

const char *
lgsm_record_get_content_note (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return self->content_note;
}

const char * const *
lgsm_record_get_sources (LgsmRecord *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD (self), NULL);
  return STRV_OR_EMPTY (self->sources);
}

/* GCompareDataFunc for g_list_store_sort(): by date, undated last, then in
 * the order of the records files (cheap, stable, and the curator's order;
 * collating titles made sorting 100,000 records take seconds). */
int
lgsm_record_compare_by_date (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  LgsmRecord *ra = (LgsmRecord *) a;
  LgsmRecord *rb = (LgsmRecord *) b;
  int r = lgsm_date_compare (ra->date, rb->date);

  if (r != 0)
    return r;
  r = g_strcmp0 (ra->file, rb->file);
  if (r != 0)
    return r;
  return (ra->index > rb->index) - (ra->index < rb->index);
}
