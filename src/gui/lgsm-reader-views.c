/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lgsm-reader-private.h"

/* What the views that follow the reader show: the sentence being heard,
 * highlighted in the label marked with its field (and brought into view),
 * and the "Read This Aloud" buttons, which say what pressing them does. */

#define FIELD_KEY "lgsm-reader-field"
#define ATTRS_KEY "lgsm-reader-attributes"

/* ---- highlighting -------------------------------------------------------------- */

/**
 * lgsm_reader_mark_field:
 * @widget: a label showing a record's field, or a picture ("image-alt")
 * @field: the field, as LgsmSpeechSentence names it: "title", "date",
 *   "amount", "content-note", "summary", "body-1", …, "image-alt"
 *
 * A label so marked highlights the sentence being read in it (its text
 * must be the field's text as shown, see LgsmSpeechSentence); another
 * widget gets the style class "reading-aloud" while it is read.
 */
void
lgsm_reader_mark_field (GtkWidget  *widget,
                        const char *field)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_object_set_data_full (G_OBJECT (widget), FIELD_KEY, g_strdup (field), g_free);
}

static GtkWidget *
find_marked (GtkWidget  *widget,
             const char *field,
             GtkWidget **unmapped)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), FIELD_KEY), field) == 0)
    {
      if (gtk_widget_get_mapped (widget))
        return widget;
      if (*unmapped == NULL)
        *unmapped = widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_marked (child, field, unmapped);
      if (found)
        return found;
    }
  return NULL;
}

static void
clear_highlight (LgsmReader *self)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&self->highlighted);

  g_weak_ref_set (&self->highlighted, NULL);
  if (widget == NULL)
    return;
  gtk_widget_remove_css_class (widget, "reading-aloud");
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_attributes (GTK_LABEL (widget), g_object_get_data (G_OBJECT (widget), ATTRS_KEY));
      g_object_set_data (G_OBJECT (widget), ATTRS_KEY, NULL);
    }
}

/* Brings @widget into view in the scrolled window around it, if it is not. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkWidget *content;
  graphene_point_t top;
  double value, page;

  if (scroller == NULL || (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) == NULL)
    return;
  if (!gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* the viewport's own offset is in the point already */
  if (GTK_IS_VIEWPORT (content))
    top.y += value;
  if (top.y < value || top.y + MIN (gtk_widget_get_height (widget), page / 2) > value + page)
    gtk_adjustment_set_value (adjustment, top.y - page / 4);
}

static void
highlight_label (GtkLabel                 *label,
                 const LgsmSpeechSentence *sentence)
{
  const char *text = gtk_label_get_text (label);
  gsize len = strlen (text);
  PangoAttrList *original = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrList) attrs = original ? pango_attr_list_copy (original) : pango_attr_list_new ();
  guint start = (guint) MIN (sentence->start, len);
  guint end = (guint) MIN (sentence->end, len);
  PangoAttribute *attr;

  if (start >= end)
    return;
  g_object_set_data_full (G_OBJECT (label), ATTRS_KEY,
                          original ? pango_attr_list_ref (original) : NULL,
                          (GDestroyNotify) pango_attr_list_unref);
  /* dark on yellow whatever the theme, and underlined, not only by colour */
  attr = pango_attr_background_new (0xffff, 0xeeee, 0x7777);
  attr->start_index = start, attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_foreground_new (0x1111, 0x1111, 0x1111);
  attr->start_index = start, attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
  attr->start_index = start, attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  gtk_label_set_attributes (label, attrs);
}

void
lgsm_reader_views_update_highlight (LgsmReader *self)
{
  GtkWidget *target = NULL;
  GtkWidget *unmapped = NULL;

  clear_highlight (self);
  if (self->sentence == NULL)
    return;
  for (guint i = 0; i < self->views->len && target == NULL; i++)
    {
      g_autoptr(GtkWidget) view = g_weak_ref_get (self->views->pdata[i]);
      if (view)
        target = find_marked (view, self->sentence->field, &unmapped);
    }
  if (target == NULL)
    target = unmapped;
  if (target == NULL)
    return;
  g_weak_ref_set (&self->highlighted, target);
  gtk_widget_add_css_class (target, "reading-aloud");
  if (GTK_IS_LABEL (target))
    highlight_label (GTK_LABEL (target), self->sentence);
  if (gtk_widget_get_mapped (target))
    scroll_to (target);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
add_weak (GPtrArray *array,
          gpointer   object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  /* forget those that are gone */
  for (guint i = array->len; i > 0; i--)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (array->pdata[i - 1]);
      if (alive == NULL)
        g_ptr_array_remove_index (array, i - 1);
      else if (alive == object)
        {
          g_free (ref);
          return;
        }
    }
  g_weak_ref_init (ref, object);
  g_ptr_array_add (array, ref);
}

/**
 * lgsm_reader_follow:
 * @view: a record page, a slide: widgets marked with lgsm_reader_mark_field()
 *   inside it show the sentence being read
 *
 * The reader keeps only a weak reference to @view.
 */
void
lgsm_reader_follow (LgsmReader *self,
                    GtkWidget  *view)
{
  g_return_if_fail (LGSM_IS_READER (self));
  g_return_if_fail (GTK_IS_WIDGET (view));

  add_weak (self->views, view);
}

/* ---- buttons -------------------------------------------------------------------- */

static void
update_button (LgsmReader *self,
               GtkButton  *button)
{
  GtkImage *image = g_object_get_data (G_OBJECT (button), "lgsm-reader-image");
  GtkLabel *label = g_object_get_data (G_OBJECT (button), "lgsm-reader-label");
  const char *icon, *text;

  switch (self->state)
    {
    case LGSM_READER_SYNTHESISING:
      icon = "media-playback-stop-symbolic";
      /* Translators: on the read-aloud button while the voice prepares the reading */
      text = _("Preparing… (Stop)");
      break;
    case LGSM_READER_PLAYING:
      icon = "media-playback-pause-symbolic";
      /* Translators: on the read-aloud button while it reads */
      text = C_("reading", "Pause");
      break;
    case LGSM_READER_PAUSED:
      icon = "media-playback-start-symbolic";
      /* Translators: on the read-aloud button while reading is paused */
      text = C_("reading", "Resume");
      break;
    case LGSM_READER_STOPPED:
    default:
      icon = "audio-speakers-symbolic";
      /* Translators: the button under a record's title that reads the record aloud with a
         synthetic voice */
      text = _("Read This Aloud");
      break;
    }
  gtk_image_set_from_icon_name (image, icon);
  gtk_label_set_text (label, text);
  /* a screen reader says it too, not "GtkButton" (issue 16) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

void
lgsm_reader_views_update_buttons (LgsmReader *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    {
      g_autoptr(GtkButton) button = g_weak_ref_get (self->buttons->pdata[i]);
      if (button)
        update_button (self, button);
    }
}

/**
 * lgsm_reader_bind_button:
 *
 * Makes @button show what pressing it does now: read aloud, pause,
 * resume, or stop while the voice prepares. The button's action (e.g.
 * win.read-aloud) is the caller's.
 */
void
lgsm_reader_bind_button (LgsmReader *self,
                         GtkButton  *button)
{
  GtkWidget *box, *image, *label;

  g_return_if_fail (LGSM_IS_READER (self));
  g_return_if_fail (GTK_IS_BUTTON (button));

  if (g_object_get_data (G_OBJECT (button), "lgsm-reader-label") == NULL)
    {
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      image = gtk_image_new ();
      label = gtk_label_new (NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (button, box);
      g_object_set_data (G_OBJECT (button), "lgsm-reader-image", image);
      g_object_set_data (G_OBJECT (button), "lgsm-reader-label", label);
      gtk_widget_add_css_class (GTK_WIDGET (button), "read-aloud");
    }
  add_weak (self->buttons, button);
  update_button (self, button);
}

/* ---- the reader's lists of views and buttons --------------------------------------- */

void
lgsm_reader_views_init (LgsmReader *self)
{
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);
  self->buttons = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);
  g_weak_ref_init (&self->highlighted, NULL);
}

void
lgsm_reader_views_dispose (LgsmReader *self)
{
  clear_highlight (self);
  g_ptr_array_set_size (self->views, 0);
  g_ptr_array_set_size (self->buttons, 0);
}

void
lgsm_reader_views_finalize (LgsmReader *self)
{
  g_ptr_array_unref (self->views);
  g_ptr_array_unref (self->buttons);
  g_weak_ref_clear (&self->highlighted);
}
