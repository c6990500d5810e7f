/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-slide.h"
#include "lgsm-texture-cache.h"

/* One record as a projected slide: the picture large, the title, the date
 * and the summary, sized in em so that the presentation can scale the
 * whole slide with the screen (see lgsm-presentation.c). */
struct _LgsmSlide
{
  GtkWidget   parent_instance;

  LgsmRecord *record;

  GtkPicture *picture;
  GtkLabel   *date_label;
  GtkLabel   *title_label;
  GtkLabel   *second_title_label;
  GtkLabel   *summary_label;
};

G_DEFINE_FINAL_TYPE (LgsmSlide, lgsm_slide, GTK_TYPE_WIDGET)

void
lgsm_slide_set_record (LgsmSlide  *self,
                       LgsmRecord *record)
{
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *when = NULL;
  const char *uri;

  g_return_if_fail (LGSM_IS_SLIDE (self));

  if (!g_set_object (&self->record, record) || record == NULL)
    return;

  date = lgsm_record_format_date (record);
  amount = lgsm_record_format_amount (record);
  if (date && amount)
    /* Translators: on a slide, the date and then the sum raised */
    when = g_strdup_printf (_("%s · %s"), date, amount);
  else
    when = g_strdup (date ? date : amount);
  gtk_label_set_text (self->date_label, when ? when : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), when != NULL);
  gtk_label_set_text (self->title_label, lgsm_record_get_title (record));
  gtk_label_set_text (self->summary_label, lgsm_record_get_summary (record));

  uri = lgsm_record_get_image_uri (record);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), uri != NULL);
  /* decoded once at projector size, then shared by every view of the slide */
  lgsm_picture_load (self->picture, uri, 1920, 1200);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lgsm_record_get_image_alt (record),
                                  -1);
}

/* Bilingual slides: the title in the other language, under the first;
 * NULL (or the same words) shows nothing. */
void
lgsm_slide_set_second_title (LgsmSlide  *self,
                             const char *title)
{
  gboolean show;

  g_return_if_fail (LGSM_IS_SLIDE (self));

  show = title != NULL && g_strcmp0 (title, gtk_label_get_text (self->title_label)) != 0;
  gtk_label_set_text (self->second_title_label, show ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->second_title_label), show);
}

const char *
lgsm_slide_get_second_title (LgsmSlide *self)
{
  g_return_val_if_fail (LGSM_IS_SLIDE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->second_title_label))
         ? gtk_label_get_text (self->second_title_label) : NULL;
}

LgsmRecord *
lgsm_slide_get_record (LgsmSlide *self)
{
  g_return_val_if_fail (LGSM_IS_SLIDE (self), NULL);
  return self->record;
}

const char *
lgsm_slide_get_title (LgsmSlide *self)
{
  g_return_val_if_fail (LGSM_IS_SLIDE (self), NULL);
  return gtk_label_get_text (self->title_label);
}

static void
lgsm_slide_dispose (GObject *object)
{
  GtkWidget *child;
  LgsmSlide *self = LGSM_SLIDE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_SLIDE);
  /* the template's unnamed root too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (lgsm_slide_parent_class)->dispose (object);
}

static void
lgsm_slide_class_init (LgsmSlideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_slide_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-slide.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, picture);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, date_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, title_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, second_title_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, summary_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slide");
}

static void
lgsm_slide_init (LgsmSlide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lgsm_slide_new (void)
{
  return g_object_new (LGSM_TYPE_SLIDE, NULL);
}
