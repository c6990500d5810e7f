/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-record-card.h"
#include "lgsm-layout.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"

#define THUMB_WIDTH  320
#define THUMB_HEIGHT 200

/* A record at a glance: picture, date, title and summary. Used in the
 * sections' grids, recycled by their factories. */
struct _LgsmRecordCard
{
  GtkWidget   parent_instance;

  LgsmRecord *record;

  LgsmPicture *picture;
  GtkLabel   *date_label;
  GtkLabel   *title_label;
  GtkLabel   *summary_label;
};

G_DEFINE_FINAL_TYPE (LgsmRecordCard, lgsm_record_card, GTK_TYPE_WIDGET)

/* Cards are about 34 characters wide, so with larger text they grow and
 * fewer go on a line (the grids ask for their natural width); they can
 * shrink to their minimum (CSS min-width) on a narrow window. */
#define CARD_CHARS 34

static void
lgsm_record_card_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL)
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, CARD_CHARS * lgsm_widget_char_width (widget));
}

static void
lgsm_record_card_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child)
    gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, height }, baseline);
}

static GtkSizeRequestMode
lgsm_record_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_record_card_dispose (GObject *object)
{
  GtkWidget *child;
  LgsmRecordCard *self = LGSM_RECORD_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_RECORD_CARD);
  /* the template's unnamed root too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (lgsm_record_card_parent_class)->dispose (object);
}

static void
lgsm_record_card_class_init (LgsmRecordCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_record_card_dispose;

  g_type_ensure (LGSM_TYPE_PICTURE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-record-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordCard, picture);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordCard, date_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordCard, summary_label);

  widget_class->measure = lgsm_record_card_measure;
  widget_class->size_allocate = lgsm_record_card_size_allocate;
  widget_class->get_request_mode = lgsm_record_card_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "recordcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lgsm_record_card_init (LgsmRecordCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lgsm_record_card_new (void)
{
  return g_object_new (LGSM_TYPE_RECORD_CARD, NULL);
}

/* The name of a record's group, as a view shows it; NULL for groups this
 * version does not know (a curator's own). */
const char *
lgsm_record_group_name (const char *group)
{
  static const struct { const char *id; const char *name; } groups[] = {
    /* Translators: a record's group, shown above its title on its card (e.g. "Politics · 1984");
       then the other groups */
    { "politics", N_("Politics") },
    /* Translators: a record's group above its title on its card: concerts, film, books */
    { "culture", N_("Culture") },
    /* Translators: a record's group above its title on its card: how LGSM has been remembered */
    { "remembrance", N_("Remembrance") },
    /* Translators: a record's group above its title on its card (Outlook tab): what the group
       stood for */
    { "standpoint", N_("Standpoint") },
    /* Translators: a record's group above its title on its card (Outlook tab): members' links with
       political parties */
    { "affiliation", N_("Party ties") },
    /* Translators: a record's group above its title on its card (Outlook tab): the historians'
       debate */
    { "debate", N_("Debate") },
    /* Translators: a record's group above its title on its card: collecting money for the miners'
       families */
    { "fundraising", N_("Fundraising") },
    /* Translators: a record's group above its title on its card: journeys between London and Wales */
    { "visits", N_("Visits") },
    /* Translators: a record's group above its title on its card: how the group was set up and run */
    { "organisation", N_("Organisation") },
  };

  for (guint i = 0; group && i < G_N_ELEMENTS (groups); i++)
    if (g_str_equal (group, groups[i].id))
      return _(groups[i].name);
  return NULL;
}

void
lgsm_record_card_set_record (LgsmRecordCard *self,
                             LgsmRecord     *record)
{
  g_autofree char *date = NULL;
  g_autofree char *kicker = NULL;
  const char *group;
  const char *uri;
  int scale;

  g_return_if_fail (LGSM_IS_RECORD_CARD (self));

  if (!g_set_object (&self->record, record) || record == NULL)
    return;

  date = lgsm_record_format_date (record);
  group = lgsm_record_group_name (lgsm_record_get_group (record));
  if (date && group)
    /* Translators: above a card's title: its group, then its date, e.g. "Culture · 2014" */
    kicker = g_strdup_printf (_("%s · %s"), group, date);
  else
    kicker = g_strdup (date ? date : group);
  gtk_label_set_text (self->date_label, kicker ? kicker : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), kicker != NULL);
  gtk_label_set_text (self->title_label, lgsm_record_get_title (record));
  gtk_label_set_text (self->summary_label, lgsm_record_get_summary (record));

  uri = lgsm_record_get_image_uri (record);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), uri != NULL);
  lgsm_picture_load (self->picture, uri, THUMB_WIDTH * scale, THUMB_HEIGHT * scale);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lgsm_record_get_image_alt (record),
                                  -1);
  lgsm_record_card_describe (GTK_ACCESSIBLE (self), record);
}

/* What a screen reader says for a record's card (or a search result):
 * "title, date" as its name, the summary as its description. */
void
lgsm_record_card_describe (GtkAccessible *accessible,
                           LgsmRecord    *record)
{
  g_autofree char *date = lgsm_record_format_date (record);
  /* Translators: how a screen reader names a record's card: its title, then its date */
  g_autofree char *name = date ? g_strdup_printf (_("%s, %s"), lgsm_record_get_title (record), date)
                               : g_strdup (lgsm_record_get_title (record));

  gtk_accessible_update_property (accessible,
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lgsm_record_get_summary (record),
                                  -1);
}

LgsmRecord *
lgsm_record_card_get_record (LgsmRecordCard *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD_CARD (self), NULL);
  return self->record;
}

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gtk_list_item_set_child (item, lgsm_record_card_new ());
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  GtkWidget *cell = gtk_widget_get_parent (card);

  lgsm_record_card_set_record (LGSM_RECORD_CARD (card), gtk_list_item_get_item (item));
  /* the grid's cell is what takes the focus and what a screen reader
   * reads: it is named as the card is */
  if (cell)
    lgsm_record_card_describe (GTK_ACCESSIBLE (cell), gtk_list_item_get_item (item));
}

/* A factory of cards for a GtkGridView or GtkListView of LgsmRecord. */
GtkListItemFactory *
lgsm_record_card_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card), NULL);
  return factory;
}
