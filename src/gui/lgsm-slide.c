/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-slide.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"
#include "lgsm-reader.h"

/* One record as a projected slide: the picture large, the title, the date
 * and the summary, sized in em so that the presentation can scale the
 * whole slide with the screen (see lgsm-presentation.c). */
struct _LgsmSlide
{
  GtkWidget   parent_instance;

  LgsmRecord *record;

  GtkWidget  *text_box;
  LgsmPicture *picture;
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

  /* decoded at the size it is shown, known once the slide has been laid
   * out (a size of 0 waits for that, see size_allocate); the cache shares
   * it with the slide's twin */
  {
    int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

    lgsm_picture_load (self->picture, uri,
                       gtk_widget_get_width (GTK_WIDGET (self->picture)) * scale,
                       gtk_widget_get_height (GTK_WIDGET (self->picture)) * scale);
  }
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

/* The gap between the picture and the text, in px. */
#define GAP 48

/* Two equal halves, as a homogeneous horizontal GtkBox would give, but
 * without its cost: a GtkBox asks its children for their width at a given
 * height, and wrapped labels answer that with a search over widths, dozens
 * of Pango layouts each. Here the text is only ever asked for its height at
 * its width. */
static void
lgsm_slide_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  LgsmSlide *self = LGSM_SLIDE (widget);
  gboolean picture = gtk_widget_should_layout (GTK_WIDGET (self->picture));
  int text_min = 0, text_nat = 0, pic_min = 0, pic_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->text_box, orientation, -1, &text_min, &text_nat, NULL, NULL);
      if (!picture)
        {
          *minimum = text_min;
          *natural = text_nat;
          return;
        }
      gtk_widget_measure (GTK_WIDGET (self->picture), orientation, -1, &pic_min, &pic_nat, NULL, NULL);
      *minimum = 2 * MAX (text_min, pic_min) + GAP;
      *natural = 2 * MAX (text_nat, pic_nat) + GAP;
    }
  else
    {
      int column = for_size < 0 ? -1 : picture ? MAX ((for_size - GAP) / 2, 0) : for_size;

      gtk_widget_measure (self->text_box, orientation, column, &text_min, &text_nat, NULL, NULL);
      if (picture)
        gtk_widget_measure (GTK_WIDGET (self->picture), orientation, column, &pic_min, &pic_nat, NULL, NULL);
      *minimum = MAX (text_min, pic_min);
      *natural = MAX (text_nat, pic_nat);
    }
}

static GtkSizeRequestMode
lgsm_slide_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The picture is decoded again at the size it is drawn once that settles
 * (LgsmPicture:follow-allocation): a larger one, scaled on every frame,
 * made a cross-fade between two 1080p slides take 50-100 ms a frame. */
static void
lgsm_slide_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  LgsmSlide *self = LGSM_SLIDE (widget);
  gboolean picture = gtk_widget_should_layout (GTK_WIDGET (self->picture));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int column = picture ? MAX ((width - GAP) / 2, 0) : width;
  int text_height;

  /* the text is centred vertically here, not with valign: GTK would
   * otherwise ask it for its width at a height, another search over widths */
  gtk_widget_measure (self->text_box, GTK_ORIENTATION_VERTICAL, column, NULL, &text_height, NULL, NULL);
  text_height = MIN (text_height, height);
  if (picture)
    gtk_widget_size_allocate (GTK_WIDGET (self->picture),
                              &(GtkAllocation) { rtl ? width - column : 0, 0, column, height }, -1);
  gtk_widget_size_allocate (self->text_box,
                            &(GtkAllocation) { picture && !rtl ? width - column : 0, (height - text_height) / 2,
                                               column, text_height }, -1);
}

/* moved to a screen of another scale: decode again at the new size */
static void
on_scale_factor (LgsmSlide *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
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
  widget_class->get_request_mode = lgsm_slide_get_request_mode;
  widget_class->measure = lgsm_slide_measure;
  widget_class->size_allocate = lgsm_slide_size_allocate;

  g_type_ensure (LGSM_TYPE_PICTURE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-slide.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, text_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, picture);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, date_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, title_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, second_title_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSlide, summary_label);

  gtk_widget_class_set_css_name (widget_class, "slide");
}

static void
lgsm_slide_init (LgsmSlide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* read aloud with R: the sentence heard is highlighted (the date label
   * starts with the date) */
  lgsm_reader_mark_field (GTK_WIDGET (self->title_label), "title");
  lgsm_reader_mark_field (GTK_WIDGET (self->date_label), "date");
  lgsm_reader_mark_field (GTK_WIDGET (self->summary_label), "summary");
  lgsm_reader_mark_field (GTK_WIDGET (self->picture), "image-alt");
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor), NULL);
}

GtkWidget *
lgsm_slide_new (void)
{
  return g_object_new (LGSM_TYPE_SLIDE, NULL);
}
