/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-record-page.h"
#include "lgsm-layout.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"
#include "lgsm-reader.h"

/* One record in full, shared by every tab: picture, title, date, text,
 * people and places, links across tabs, and where the facts come from. */
struct _LgsmRecordPage
{
  GtkWidget          parent_instance;

  LgsmRecord        *record;

  GtkScrolledWindow *scroller;
  GtkWidget         *heading;
  LgsmPicture       *picture;
  GtkLabel          *credit_label;
  GtkLabel          *title_label;
  GtkButton         *read_button;
  GtkLabel          *date_label;
  GtkLabel          *amount_label;
  GtkWidget         *content_note;
  GtkLabel          *content_note_label;
  GtkBox            *body_box;
  GtkWidget         *people_heading;
  LgsmWrapBox       *people_box;
  GtkWidget         *places_heading;
  LgsmWrapBox       *places_box;
  GtkWidget         *see_also_heading;
  LgsmWrapBox       *see_also_box;
  GtkWidget         *backlinks_heading;
  LgsmWrapBox       *backlinks_box;
  GtkBox            *sources_box;
  GtkToggleButton   *lesson_button;
  GtkImage          *lesson_icon;
  GtkLabel          *lesson_label;
};

G_DEFINE_FINAL_TYPE (LgsmRecordPage, lgsm_record_page, GTK_TYPE_WIDGET)

/* "Add to Lesson", or "In Lesson" once it is: the button follows the
 * state of win.add-to-lesson */
static void
on_lesson_button_active (LgsmRecordPage *self)
{
  gboolean in = gtk_toggle_button_get_active (self->lesson_button);
  /* Translators: the record page's "Add to Lesson" button once the record is in the lesson path
     (pressing it again takes it out) */
  const char *text = in ? _("In Lesson") : _("Add to Lesson");

  gtk_label_set_text (self->lesson_label, text);
  gtk_image_set_from_icon_name (self->lesson_icon, in ? "object-select-symbolic" : "list-add-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->lesson_button),
                               /* Translators: tooltip of the record page's "In Lesson" button;
                                  Ctrl+D is the key */
                               in ? _("In your lesson path: press again (Ctrl+D) to take it out")
                                  /* Translators: tooltip of the record page's "Add to Lesson"
                                     button; Ctrl+D is the key */
                                  : _("Add this record to your lesson path (Ctrl+D)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lesson_button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

enum { PROP_0, PROP_RECORD, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  if (LGSM_IS_WRAP_BOX (box))
    {
      lgsm_wrap_box_remove_all (LGSM_WRAP_BOX (box));
      return;
    }
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* A link to another record: one Tab stop, read as a link with the
 * record's title. */
static GtkWidget *
link_button_new (LgsmRecord *target)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_LINK,
                                    "label", lgsm_record_get_title (target),
                                    NULL);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lgsm_record_get_title (target),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lgsm_record_get_summary (target),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lgsm_record_get_id (target));
  gtk_widget_add_css_class (button, "record-link");
  gtk_widget_set_tooltip_text (button, lgsm_record_get_summary (target));
  return button;
}

/* Fills a flow box with links; hides it and its heading when empty. */
static void
fill_links (LgsmWrapBox        *box,
            GtkWidget          *heading,
            LgsmExhibition     *exhibition,
            const char * const *ids,
            GListModel         *records)
{
  guint n = 0;

  clear_box (GTK_WIDGET (box));
  for (guint i = 0; ids && ids[i]; i++)
    {
      LgsmRecord *target = lgsm_exhibition_lookup (exhibition, ids[i]);
      if (target)
        {
          lgsm_wrap_box_append (box, link_button_new (target));
          n++;
        }
    }
  for (guint i = 0; records && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(LgsmRecord) target = g_list_model_get_item (records, i);
      lgsm_wrap_box_append (box, link_button_new (target));
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (box), n > 0);
  gtk_widget_set_visible (heading, n > 0);
}

static GtkWidget *
paragraph_new (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);  /* plain text: never markup */

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
load_picture (LgsmRecordPage *self)
{
  const char *uri = lgsm_record_get_image_uri (self->record);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  int width = native ? gtk_widget_get_width (GTK_WIDGET (native)) : 1280;
  int height;

  /* the size the last record's picture was shown at is the best guess;
   * the picture decodes again at the size it gets (follow-allocation) */
  if (gtk_widget_get_width (GTK_WIDGET (self->picture)) > 0)
    {
      width = gtk_widget_get_width (GTK_WIDGET (self->picture)) * scale;
      height = gtk_widget_get_height (GTK_WIDGET (self->picture)) * scale;
    }
  else
    {
      width = CLAMP (width, 800, 3840) * scale;
      height = width * 10 / 16;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->picture), uri != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_label), uri != NULL);
  lgsm_picture_load (self->picture, uri, width, height);
}

void
lgsm_record_page_set_record (LgsmRecordPage *self,
                             LgsmExhibition *exhibition,
                             LgsmRecord     *record)
{
  g_autoptr(GListModel) backlinks = NULL;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *credit = NULL;
  const char * const *body;
  const char * const *sources;
  const char *note;

  g_return_if_fail (LGSM_IS_RECORD_PAGE (self));
  g_return_if_fail (LGSM_IS_RECORD (record));

  g_set_object (&self->record, record);

  load_picture (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lgsm_record_get_title (record),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lgsm_record_get_image_alt (record),
                                  -1);
  if (lgsm_record_get_image_licence (record))
    /* Translators: image credit and licence, e.g. "Drawn for this project · CC-BY-SA-4.0" */
    credit = g_strdup_printf (_("%s · %s"), lgsm_record_get_image_credit (record),
                              lgsm_record_get_image_licence (record));
  gtk_label_set_text (self->credit_label, credit ? credit : lgsm_record_get_image_credit (record));

  gtk_label_set_text (self->title_label, lgsm_record_get_title (record));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lgsm_record_get_title (record),
                                  -1);
  date = lgsm_record_format_date (record);
  gtk_label_set_text (self->date_label, date ? date : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date != NULL);
  amount = lgsm_record_format_amount (record);
  gtk_label_set_text (self->amount_label, amount ? amount : "");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_label), amount != NULL);

  note = lgsm_record_get_content_note (record);
  gtk_label_set_text (self->content_note_label, note ? note : "");
  gtk_widget_set_visible (self->content_note, note != NULL);

  clear_box (GTK_WIDGET (self->body_box));
  gtk_box_append (self->body_box, paragraph_new (lgsm_record_get_summary (record), "record-summary"));
  lgsm_reader_mark_field (gtk_widget_get_last_child (GTK_WIDGET (self->body_box)), "summary");
  body = lgsm_record_get_body (record);
  for (guint i = 0; body[i]; i++)
    {
      g_autofree char *field = g_strdup_printf ("body-%u", i + 1);

      gtk_box_append (self->body_box, paragraph_new (body[i], "record-body"));
      lgsm_reader_mark_field (gtk_widget_get_last_child (GTK_WIDGET (self->body_box)), field);
    }

  fill_links (self->people_box, self->people_heading, exhibition, lgsm_record_get_people (record), NULL);
  fill_links (self->places_box, self->places_heading, exhibition, lgsm_record_get_places (record), NULL);
  fill_links (self->see_also_box, self->see_also_heading, exhibition, lgsm_record_get_see_also (record), NULL);
  backlinks = lgsm_exhibition_get_backlinks (exhibition, lgsm_record_get_id (record));
  fill_links (self->backlinks_box, self->backlinks_heading, exhibition, NULL, backlinks);

  clear_box (GTK_WIDGET (self->sources_box));
  sources = lgsm_record_get_sources (record);
  for (guint i = 0; sources[i]; i++)
    gtk_box_append (self->sources_box, paragraph_new (sources[i], "record-source"));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/* Reading aloud: the button shows what it will do, and the sentence being
 * read is highlighted in the labels marked with their field. */
void
lgsm_record_page_set_reader (LgsmRecordPage *self,
                             LgsmReader     *reader)
{
  g_return_if_fail (LGSM_IS_RECORD_PAGE (self));

  lgsm_reader_bind_button (reader, self->read_button);
  lgsm_reader_follow (reader, GTK_WIDGET (self));
}

LgsmRecord *
lgsm_record_page_get_record (LgsmRecordPage *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD_PAGE (self), NULL);
  return self->record;
}

/* Shows the page from its top with the keyboard focus on the record's
 * title, as a record just opened is shown. */
void
lgsm_record_page_focus_heading (LgsmRecordPage *self)
{
  g_return_if_fail (LGSM_IS_RECORD_PAGE (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (self->heading);
}

GtkWidget *
lgsm_record_page_get_heading (LgsmRecordPage *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD_PAGE (self), NULL);
  return self->heading;
}

GtkAdjustment *
lgsm_record_page_get_vadjustment (LgsmRecordPage *self)
{
  g_return_val_if_fail (LGSM_IS_RECORD_PAGE (self), NULL);
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

static void
on_swipe (GtkGestureSwipe *gesture,
          double           velocity_x,
          double           velocity_y,
          LgsmRecordPage  *self)
{
  /* a swipe to the right goes back, as in a book */
  if (velocity_x > 600 && ABS (velocity_x) > 2 * ABS (velocity_y))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

static void
lgsm_record_page_dispose (GObject *object)
{
  GtkWidget *child;
  LgsmRecordPage *self = LGSM_RECORD_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_RECORD_PAGE);
  /* the template's unnamed root too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (lgsm_record_page_parent_class)->dispose (object);
}

static void
lgsm_record_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, lgsm_record_page_get_record (LGSM_RECORD_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_record_page_class_init (LgsmRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lgsm_record_page_get_property;
  /**
   * LgsmRecordPage:record:
   *
   * The record shown (set with lgsm_record_page_set_record(), which also
   * needs the exhibition its links resolve in).
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, LGSM_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  object_class->dispose = lgsm_record_page_dispose;

  g_type_ensure (LGSM_TYPE_PICTURE);
  g_type_ensure (LGSM_TYPE_CLAMP);
  g_type_ensure (LGSM_TYPE_WRAP_BOX);
  g_type_ensure (LGSM_TYPE_HEADING);
  g_type_ensure (LGSM_TYPE_ASPECT_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, lesson_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, lesson_icon);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, lesson_label);
  gtk_widget_class_bind_template_callback (widget_class, on_lesson_button_active);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, picture);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, credit_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, read_button);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, amount_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, content_note);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, content_note_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, body_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, people_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, people_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, places_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, places_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, see_also_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, see_also_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, backlinks_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, backlinks_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmRecordPage, sources_box);
  gtk_widget_class_bind_template_callback (widget_class, on_swipe);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recordpage");
}

static void
lgsm_record_page_init (LgsmRecordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_lesson_button_active (self);  /* its name for screen readers from the start */
  lgsm_reader_mark_field (GTK_WIDGET (self->title_label), "title");
  lgsm_reader_mark_field (GTK_WIDGET (self->date_label), "date");
  lgsm_reader_mark_field (GTK_WIDGET (self->amount_label), "amount");
  lgsm_reader_mark_field (GTK_WIDGET (self->content_note_label), "content-note");
  lgsm_reader_mark_field (GTK_WIDGET (self->picture), "image-alt");
}

GtkWidget *
lgsm_record_page_new (void)
{
  return g_object_new (LGSM_TYPE_RECORD_PAGE, NULL);
}
