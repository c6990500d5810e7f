/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-section.h"
#include "lgsm-sections.h"

/* A section of the exhibition: one records file, one list model. */
struct _LgsmSection
{
  GObject     parent_instance;
  char       *id;
  char       *title;
  char       *summary;
  char       *file;
  GListStore *records;
};

G_DEFINE_FINAL_TYPE (LgsmSection, lgsm_section, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_TITLE, PROP_SUMMARY, N_PROPS };
static GParamSpec *properties[N_PROPS];

gboolean
lgsm_section_id_is_known (const char *id)
{
  return lgsm_sections_lookup (id) != NULL;
}

static void
lgsm_section_finalize (GObject *object)
{
  LgsmSection *self = LGSM_SECTION (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->file);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (lgsm_section_parent_class)->finalize (object);
}

static void
lgsm_section_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LgsmSection *self = LGSM_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
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
lgsm_section_class_init (LgsmSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lgsm_section_finalize;
  object_class->get_property = lgsm_section_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lgsm_section_init (LgsmSection *self)
{
  self->records = g_list_store_new (LGSM_TYPE_RECORD);
}

LgsmSection *
lgsm_section_new (const char *id,
                  const char *title,
                  const char *summary,
                  const char *file)
{
  LgsmSection *self = g_object_new (LGSM_TYPE_SECTION, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->summary = g_strdup (summary);
  self->file = g_strdup (file);
  return self;
}

const char *
lgsm_section_get_id (LgsmSection *self)
{
  g_return_val_if_fail (LGSM_IS_SECTION (self), NULL);
  return self->id;
}

const char *
lgsm_section_get_title (LgsmSection *self)
{
  g_return_val_if_fail (LGSM_IS_SECTION (self), NULL);
  return self->title;
}

const char *
lgsm_section_get_summary (LgsmSection *self)
{
  g_return_val_if_fail (LGSM_IS_SECTION (self), NULL);
  return self->summary;
}

const char *
lgsm_section_get_file (LgsmSection *self)
{
  g_return_val_if_fail (LGSM_IS_SECTION (self), NULL);
  return self->file;
}

/* The section's records in file order, as a GListModel of LgsmRecord. */
GListModel *
lgsm_section_get_records (LgsmSection *self)
{
  g_return_val_if_fail (LGSM_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->records);
}

void
lgsm_section_take_records (LgsmSection *self,
                           GPtrArray   *records)
{
  g_return_if_fail (LGSM_IS_SECTION (self));

  g_list_store_splice (self->records, g_list_model_get_n_items (G_LIST_MODEL (self->records)),
                       0, records->pdata, records->len);
  g_ptr_array_unref (records);
}

void
lgsm_section_remove (LgsmSection *self,
                     LgsmRecord  *record)
{
  guint position;

  g_return_if_fail (LGSM_IS_SECTION (self));

  if (g_list_store_find (self->records, record, &position))
    g_list_store_remove (self->records, position);
}
