/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lgsm-handout.h"
#include "lgsm-record.h"

/* A printed handout of a section or lesson path: the records one after
 * another, as many to a page as fit: title, date, content note, the picture
 * centred, summary and the first paragraph, kept together on a page; the
 * other paragraphs, each whole; and with the last one, a question for the
 * class and the sources. The teacher's copy adds the presenter notes. The handout's title runs along
 * the top of every page, "page N of M" along the foot, inside margins of
 * 18 mm.
 *
 * It is laid out once (LgsmHandoutLayout) into rectangles — where each
 * thing is drawn — and each page draws its rectangles; the tests check the
 * same rectangles for overlaps. Text is laid out at 72 dpi with unhinted
 * metrics, so one unit is one point on paper and the printed text has the
 * size it was measured at. GtkPrintOperation prints it, or writes a PDF. */

typedef struct {
  LgsmHandoutBox  box;
  char           *text;      /* plain text, or NULL */
  PangoLayout    *layout;
  GdkPixbuf      *pixbuf;
  double          padding;   /* the text's inset in its rectangle */
  const GdkRGBA  *fill;      /* background, or NULL */
  const GdkRGBA  *ink;
} Box;

struct _LgsmHandoutLayout
{
  GPtrArray    *boxes;      /* of Box */
  guint         n_pages;
  double        width;
  double        height;
  PangoContext *pango;
};

static const GdkRGBA text_ink = { 0.10, 0.09, 0.10, 1 };
static const GdkRGBA soft_ink = { 0.33, 0.31, 0.33, 1 };
static const GdkRGBA date_ink = { 0.62, 0.08, 0.38, 1 };   /* the campaign's dark pink */
static const GdkRGBA note_fill = { 0.99, 0.93, 0.74, 1 };  /* gold, pale */
static const GdkRGBA question_fill = { 0.98, 0.89, 0.94, 1 };  /* pink, pale */
static const GdkRGBA teacher_fill = { 0.92, 0.92, 0.93, 1 };
static const GdkRGBA rule_ink = { 0.75, 0.73, 0.75, 1 };

/* The largest a picture is drawn, in points: half the text's width, 32 mm
 * high; several records fit on a page. */
#define PICTURE_MAX_HEIGHT (32.0 * 72.0 / 25.4)
#define PICTURE_MAX_WIDTH_SHARE 0.5
#define RECORD_GAP 20.0
#define BOX_PADDING 6.0

static void
box_free (Box *box)
{
  g_free (box->text);
  g_clear_object (&box->layout);
  g_clear_object (&box->pixbuf);
  g_free (box);
}

static PangoLayout *
text_layout (LgsmHandoutLayout *self,
             const char        *font,
             const char        *prefix,
             const char        *text,
             double             width,
             char             **plain)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  g_autofree char *all = prefix ? g_strdup_printf ("%s %s", prefix, text) : g_strdup (text);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (MAX (1, width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, all, -1);   /* plain text, never markup */
  if (prefix)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = strlen (prefix);
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  *plain = g_steal_pointer (&all);
  return layout;
}

/* A box not yet placed: its height and width are known. */
static Box *
text_box (LgsmHandoutLayout  *self,
          LgsmHandoutBoxKind  kind,
          guint               record,
          const char         *font,
          const char         *prefix,
          const char         *text,
          const GdkRGBA      *ink,
          const GdkRGBA      *fill,
          double              width)
{
  Box *box = g_new0 (Box, 1);
  int text_height;

  box->box.kind = kind;
  box->box.record = record;
  box->padding = fill ? BOX_PADDING : 0;
  box->fill = fill;
  box->ink = ink;
  box->layout = text_layout (self, font, prefix, text, width - 2 * box->padding, &box->text);
  pango_layout_get_pixel_size (box->layout, NULL, &text_height);
  {
    PangoRectangle logical;

    pango_layout_get_extents (box->layout, NULL, &logical);
    text_height = (int) ceil ((double) logical.height / PANGO_SCALE);
  }
  graphene_rect_init (&box->box.rect, 0, 0, width, text_height + 2 * box->padding);
  return box;
}

static GdkPixbuf *
load_picture (const char *uri,
              int         width)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;

  if (uri == NULL)
    return NULL;
  file = g_file_new_for_uri (uri);
  stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  /* decoded at about 200 dpi, not at screen size */
  return stream ? gdk_pixbuf_new_from_stream_at_scale (stream, width, -1, TRUE, NULL, NULL) : NULL;
}

static Box *
picture_box (LgsmRecord *record,
             guint       index,
             double      width)
{
  double max_width = width * PICTURE_MAX_WIDTH_SHARE, scale;
  GdkPixbuf *pixbuf = load_picture (lgsm_record_get_image_uri (record), (int) (max_width * 2.8));
  Box *box;

  if (pixbuf == NULL)
    return NULL;
  box = g_new0 (Box, 1);
  box->box.kind = LGSM_HANDOUT_BOX_PICTURE;
  box->box.record = index;
  box->pixbuf = pixbuf;
  box->text = g_strdup (lgsm_record_get_image_alt (record));
  scale = MIN (max_width / gdk_pixbuf_get_width (pixbuf), PICTURE_MAX_HEIGHT / gdk_pixbuf_get_height (pixbuf));
  /* centred across the text's width */
  graphene_rect_init (&box->box.rect, (width - gdk_pixbuf_get_width (pixbuf) * scale) / 2, 0,
                      gdk_pixbuf_get_width (pixbuf) * scale, gdk_pixbuf_get_height (pixbuf) * scale);
  return box;
}

/* The record's boxes, in order, each with the space to leave after it. */
static GPtrArray *
record_boxes (LgsmHandoutLayout *self,
              LgsmRecord        *record,
              guint              index,
              LgsmHandoutKind    kind,
              double             width,
              GArray            *gaps)
{
  GPtrArray *boxes = g_ptr_array_new ();
  g_autofree char *date = lgsm_record_format_date (record);
  g_autofree char *amount = lgsm_record_format_amount (record);
  g_autofree char *when = NULL;
  const char * const *body = lgsm_record_get_body (record);
  const char * const *sources = lgsm_record_get_sources (record);
  const char *note = lgsm_record_get_content_note (record);
  const char *question = lgsm_record_get_question (record);
  const char *notes = lgsm_record_get_notes (record);
  Box *picture;
  double gap;

#define ADD(box, after) G_STMT_START { g_ptr_array_add (boxes, (box)); gap = (after); g_array_append_val (gaps, gap); } G_STMT_END

  ADD (text_box (self, LGSM_HANDOUT_BOX_TITLE, index, "Sans Bold 14", NULL, lgsm_record_get_title (record),
                 &text_ink, NULL, width), 2);
  if (date && amount)
    /* Translators: on a handout, the date and then the sum raised */
    when = g_strdup_printf (_("%s · %s"), date, amount);
  else
    when = g_strdup (date ? date : amount);
  if (when)
    ADD (text_box (self, LGSM_HANDOUT_BOX_DATE, index, "Sans Bold 9.5", NULL, when, &date_ink, NULL, width), 6);
  if (note)
    /* Translators: on a handout, before a record's content note (a warning about what the record tells) */
    ADD (text_box (self, LGSM_HANDOUT_BOX_CONTENT_NOTE, index, "Sans 9", _("Content note:"), note,
                   &text_ink, &note_fill, width), 8);
  picture = picture_box (record, index, width);
  if (picture)
    ADD (picture, 8);
  ADD (text_box (self, LGSM_HANDOUT_BOX_SUMMARY, index, "Sans Bold 10", NULL, lgsm_record_get_summary (record),
                 &text_ink, NULL, width), 5);
  for (guint i = 0; body[i]; i++)
    ADD (text_box (self, LGSM_HANDOUT_BOX_BODY, index, "Serif 10", NULL, body[i], &text_ink, NULL, width), 5);
  if (question)
    /* Translators: on a handout, before the record's question for the class */
    ADD (text_box (self, LGSM_HANDOUT_BOX_QUESTION, index, "Sans 10", _("Talk about it:"), question,
                   &text_ink, &question_fill, width), 6);
  if (notes && kind == LGSM_HANDOUT_TEACHER)
    /* Translators: on the teacher's copy of a handout, before the presenter notes */
    ADD (text_box (self, LGSM_HANDOUT_BOX_NOTES, index, "Sans 9", _("For the teacher:"), notes,
                   &text_ink, &teacher_fill, width), 6);
  if (sources[0])
    {
      g_autofree char *joined = g_strjoinv ("; ", (char **) sources);

      ADD (text_box (self, LGSM_HANDOUT_BOX_SOURCES, index, "Sans Italic 8", _("How do we know?"), joined,
                     &soft_ink, NULL, width), 0);
    }
#undef ADD
  return boxes;
}

static void
place (LgsmHandoutLayout *self,
       Box               *box,
       guint              page,
       double             x,
       double             y,
       double             max_height)
{
  box->box.page = page;
  box->box.rect.origin.x += x;
  box->box.rect.origin.y = y;
  if (box->box.rect.size.height > max_height)
    {
      /* taller than a whole page: cut short, with an ellipsis */
      if (box->layout)
        {
          pango_layout_set_height (box->layout, (int) ((max_height - 2 * box->padding) * PANGO_SCALE));
          pango_layout_set_ellipsize (box->layout, PANGO_ELLIPSIZE_END);
        }
      box->box.rect.size.height = max_height;
    }
  g_ptr_array_add (self->boxes, box);
}

static Box *
rule_box (guint  page,
          double x,
          double y,
          double width)
{
  Box *box = g_new0 (Box, 1);

  box->box.kind = LGSM_HANDOUT_BOX_RULE;
  box->box.page = page;
  box->box.record = G_MAXUINT;
  box->ink = &rule_ink;
  graphene_rect_init (&box->box.rect, x, y, width, 0.75);
  return box;
}

/**
 * lgsm_handout_layout_new:
 * @page_width, @page_height: the paper, in points
 *
 * Lays the handout out on pages of that size.
 */
LgsmHandoutLayout *
lgsm_handout_layout_new (const char      *title,
                         GListModel      *records,
                         LgsmHandoutKind  kind,
                         double           page_width,
                         double           page_height)
{
  LgsmHandoutLayout *self = g_new0 (LgsmHandoutLayout, 1);
  double margin = LGSM_HANDOUT_MARGIN;
  double width = page_width - 2 * margin;
  double header_height, footer_height, top, bottom, y;
  guint page = 0, n;
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autofree char *heading = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);

  self->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  self->width = page_width;
  self->height = page_height;
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);

  /* the running header and footer, measured once */
  if (kind == LGSM_HANDOUT_TEACHER)
    /* Translators: the running header of the teacher's copy of a handout: the handout's title */
    heading = g_strdup_printf (_("%s — teacher’s copy"), title ? title : "");
  else
    heading = g_strdup (title ? title : "");
  {
    g_autoptr(PangoLayout) probe = pango_layout_new (self->pango);
    g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Sans 8.5");
    int h;

    pango_layout_set_font_description (probe, desc);
    pango_layout_set_text (probe, "Ag", -1);
    pango_layout_get_pixel_size (probe, NULL, &h);
    header_height = h + 4;   /* and a rule under it */
    footer_height = h;
  }
  top = margin + header_height + 14;
  bottom = page_height - margin - footer_height - 10;
  y = top;

  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);
      g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GPtrArray) boxes = record_boxes (self, record, i, kind, width, gaps);
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
      guint first_body = G_MAXUINT, zero = 0;

      /* Pieces kept together on a page: the record's head (title to
       * summary) with its first paragraph; each further paragraph; the
       * last paragraph with the question, notes and sources after it. */
      g_array_append_val (starts, zero);
      for (guint j = 0; j < boxes->len; j++)
        if (((Box *) boxes->pdata[j])->box.kind == LGSM_HANDOUT_BOX_BODY)
          {
            if (first_body == G_MAXUINT)
              first_body = j;
            else
              g_array_append_val (starts, j);
          }
      for (guint k = 0; k < starts->len; k++)
        {
          guint start = g_array_index (starts, guint, k);
          guint end = k + 1 < starts->len ? g_array_index (starts, guint, k + 1) : boxes->len;
          double piece = k == 0 && y > top ? RECORD_GAP : 0;

          for (guint j = start; j < end; j++)
            piece += ((Box *) boxes->pdata[j])->box.rect.size.height + g_array_index (gaps, double, j);
          /* a piece starts a new page unless it fits on this one */
          if (y > top && y + piece > bottom)
            {
              page++;
              y = top;
            }
          else if (k == 0 && y > top)
            {
              g_ptr_array_add (self->boxes, rule_box (page, margin, y + RECORD_GAP / 2 - 0.375, width));
              y += RECORD_GAP;
            }
          for (guint j = start; j < end; j++)
            {
              Box *box = boxes->pdata[j];

              /* a piece taller than a page: what does not fit goes over */
              if (y > top && y + box->box.rect.size.height > bottom)
                {
                  page++;
                  y = top;
                }
              place (self, box, page, margin, y, bottom - y);
              y += box->box.rect.size.height + g_array_index (gaps, double, j);
            }
        }
    }
  self->n_pages = page + 1;

  for (page = 0; page < self->n_pages; page++)
    {
      g_autofree char *footer = NULL;
      Box *box = text_box (self, LGSM_HANDOUT_BOX_HEADER, G_MAXUINT, "Sans 8.5", NULL, heading,
                           &soft_ink, NULL, width);

      box->box.rect.size.height = header_height;
      place (self, box, page, margin, margin, header_height);
      /* Translators: the foot of each handout page */
      footer = g_strdup_printf (_("Page %d of %d"), page + 1, self->n_pages);
      box = text_box (self, LGSM_HANDOUT_BOX_FOOTER, G_MAXUINT, "Sans 8.5", NULL, footer, &soft_ink, NULL, width);
      place (self, box, page, margin, page_height - margin - footer_height, footer_height);
    }
  return self;
}

guint
lgsm_handout_layout_get_n_pages (LgsmHandoutLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->n_pages;
}

guint
lgsm_handout_layout_get_n_boxes (LgsmHandoutLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->boxes->len;
}

const LgsmHandoutBox *
lgsm_handout_layout_get_box (LgsmHandoutLayout *layout,
                             guint              index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->boxes->len, NULL);
  return &((Box *) layout->boxes->pdata[index])->box;
}

/* Returns: (nullable): the text a box shows (a picture: its description) */
const char *
lgsm_handout_layout_get_text (LgsmHandoutLayout *layout,
                              guint              index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->boxes->len, NULL);
  return ((Box *) layout->boxes->pdata[index])->text;
}

static void
rounded_rectangle (cairo_t               *cr,
                   const graphene_rect_t *rect,
                   double                 radius)
{
  double x = rect->origin.x, y = rect->origin.y, w = rect->size.width, h = rect->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Draws a page on @cr, whose units are points from the paper's corner. */
void
lgsm_handout_layout_draw_page (LgsmHandoutLayout *layout,
                               cairo_t           *cr,
                               guint              page)
{
  g_return_if_fail (layout != NULL);

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      Box *box = layout->boxes->pdata[i];
      const graphene_rect_t *rect = &box->box.rect;

      if (box->box.page != page)
        continue;
      cairo_save (cr);
      cairo_rectangle (cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
      cairo_clip (cr);
      if (box->fill)
        {
          gdk_cairo_set_source_rgba (cr, box->fill);
          rounded_rectangle (cr, rect, 4);
          cairo_fill (cr);
        }
      if (box->box.kind == LGSM_HANDOUT_BOX_RULE)
        {
          gdk_cairo_set_source_rgba (cr, box->ink);
          cairo_rectangle (cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
          cairo_fill (cr);
        }
      else if (box->box.kind == LGSM_HANDOUT_BOX_HEADER)
        {
          gdk_cairo_set_source_rgba (cr, box->ink);
          cairo_move_to (cr, rect->origin.x, rect->origin.y);
          pango_cairo_show_layout (cr, box->layout);
          gdk_cairo_set_source_rgba (cr, &rule_ink);
          cairo_rectangle (cr, rect->origin.x, rect->origin.y + rect->size.height - 0.75, rect->size.width, 0.75);
          cairo_fill (cr);
        }
      else if (box->pixbuf)
        {
          cairo_translate (cr, rect->origin.x, rect->origin.y);
          cairo_scale (cr, rect->size.width / gdk_pixbuf_get_width (box->pixbuf),
                       rect->size.height / gdk_pixbuf_get_height (box->pixbuf));
          gdk_cairo_set_source_pixbuf (cr, box->pixbuf, 0, 0);
          cairo_paint (cr);
        }
      else if (box->layout)
        {
          gdk_cairo_set_source_rgba (cr, box->ink);
          cairo_move_to (cr, rect->origin.x + box->padding, rect->origin.y + box->padding);
          pango_cairo_show_layout (cr, box->layout);
        }
      cairo_restore (cr);
    }
}

void
lgsm_handout_layout_free (LgsmHandoutLayout *layout)
{
  if (layout == NULL)
    return;
  g_ptr_array_unref (layout->boxes);
  g_clear_object (&layout->pango);
  g_free (layout);
}

/* ---- printing ------------------------------------------------------------- */

typedef struct {
  char              *title;
  GListModel        *records;
  LgsmHandoutKind    kind;
  LgsmHandoutLayout *layout;
  GtkWidget         *teacher_check;
} Handout;

static void
handout_free (Handout *handout)
{
  g_free (handout->title);
  g_object_unref (handout->records);
  g_clear_pointer (&handout->layout, lgsm_handout_layout_free);
  g_clear_object (&handout->teacher_check);
  g_free (handout);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Handout           *handout)
{
  g_clear_pointer (&handout->layout, lgsm_handout_layout_free);
  handout->layout = lgsm_handout_layout_new (handout->title, handout->records, handout->kind,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) lgsm_handout_layout_get_n_pages (handout->layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Handout           *handout)
{
  if (handout->layout)
    lgsm_handout_layout_draw_page (handout->layout, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

/* The print dialog's own tab: the teacher's copy */
static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         Handout           *handout)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  /* Translators: in the print dialog, on the handout's own tab */
  handout->teacher_check = g_object_ref_sink (gtk_check_button_new_with_mnemonic (_("_Teacher’s copy: add the presenter notes")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (handout->teacher_check), handout->kind == LGSM_HANDOUT_TEACHER);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), handout->teacher_check);
  return G_OBJECT (box);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        Handout           *handout)
{
  if (handout->teacher_check)
    handout->kind = gtk_check_button_get_active (GTK_CHECK_BUTTON (handout->teacher_check))
                    ? LGSM_HANDOUT_TEACHER : LGSM_HANDOUT_STUDENT;
}

GtkPrintOperation *
lgsm_handout_new_kind (const char      *title,
                       GListModel      *records,
                       LgsmHandoutKind  kind)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Handout *handout = g_new0 (Handout, 1);

  handout->title = g_strdup (title);
  handout->records = g_object_ref (records);
  handout->kind = kind;
  g_object_set_data_full (G_OBJECT (operation), "lgsm-handout", handout, (GDestroyNotify) handout_free);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* the margins are the handout's own, whatever the printer's */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the name of the handout's own tab in the print dialog */
  gtk_print_operation_set_custom_tab_label (operation, _("Handout"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), handout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), handout);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), handout);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), handout);
  return operation;
}

GtkPrintOperation *
lgsm_handout_new (const char *title,
                  GListModel *records)
{
  return lgsm_handout_new_kind (title, records, LGSM_HANDOUT_STUDENT);
}

/* Writes the handout as a PDF without asking (tests, "Export"). */
gboolean
lgsm_handout_export_kind (const char       *title,
                          GListModel       *records,
                          LgsmHandoutKind   kind,
                          const char       *pdf_path,
                          GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = lgsm_handout_new_kind (title, records, kind);

  gtk_print_operation_set_export_filename (operation, pdf_path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
lgsm_handout_export (const char  *title,
                     GListModel  *records,
                     const char  *pdf_path,
                     GError     **error)
{
  return lgsm_handout_export_kind (title, records, LGSM_HANDOUT_STUDENT, pdf_path, error);
}

void
lgsm_handout_print (GtkWindow  *parent,
                    const char *title,
                    GListModel *records)
{
  g_autoptr(GtkPrintOperation) operation = lgsm_handout_new (title, records);
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Cannot print the handout: %s", error->message);
}
