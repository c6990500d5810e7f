/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-handout.h"
#include "lgsm-record.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"

/* A printed handout of a section or lesson path: one record a page, with
 * its picture, title, date, text and sources, and "page N of M" at the
 * foot. GtkPrintOperation gives printing and "Print to File" (PDF). */

typedef struct {
  char       *title;
  GListModel *records;
} Handout;

static void
handout_free (Handout *handout)
{
  g_free (handout->title);
  g_object_unref (handout->records);
  g_free (handout);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Handout           *handout)
{
  gtk_print_operation_set_n_pages (operation, MAX (1, (int) g_list_model_get_n_items (handout->records)));
}

/* Lays @text out @width wide at @y in @font; returns the y below it. */
static double
draw_text (cairo_t    *cr,
           PangoLayout *layout,
           const char *text,
           const char *font,
           double      y,
           double      width,
           double      max_y)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_height (layout, (int) (MAX (0, max_y - y) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);   /* plain text, never markup */
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return y + h;
}

static double
draw_picture (cairo_t    *cr,
              LgsmRecord *record,
              double      width,
              double      height)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  const char *uri = lgsm_record_get_image_uri (record);
  double scale;

  if (uri == NULL)
    return 0;
  file = g_file_new_for_uri (uri);
  stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  /* decoded at print resolution (about 200 dpi), not screen size */
  pixbuf = stream ? gdk_pixbuf_new_from_stream_at_scale (stream, (int) (width * 2.8), -1, TRUE, NULL, NULL) : NULL;
  if (pixbuf == NULL)
    return 0;
  scale = MIN (width / gdk_pixbuf_get_width (pixbuf), height / gdk_pixbuf_get_height (pixbuf));
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  return gdk_pixbuf_get_height (pixbuf) * scale;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Handout           *handout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(LgsmRecord) record = g_list_model_get_item (handout->records, (guint) page_nr);
  g_autofree char *footer = NULL;
  g_autofree char *date = NULL;
  const char * const *body;
  const char * const *sources;
  double y = 0, bottom = height - 30;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  y = draw_text (cr, layout, handout->title, "Sans 9", y, width, bottom) + 6;
  if (record == NULL)
    return;

  y += draw_picture (cr, record, width, height * 0.35) + 10;
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  y = draw_text (cr, layout, lgsm_record_get_title (record), "Sans Bold 20", y, width, bottom) + 4;
  date = lgsm_record_format_date (record);
  if (date)
    y = draw_text (cr, layout, date, "Sans Bold 11", y, width, bottom) + 6;
  y = draw_text (cr, layout, lgsm_record_get_summary (record), "Sans Bold 11", y, width, bottom) + 6;
  body = lgsm_record_get_body (record);
  for (guint i = 0; body[i] && y < bottom; i++)
    y = draw_text (cr, layout, body[i], "Serif 11", y, width, bottom) + 6;

  sources = lgsm_record_get_sources (record);
  if (y < bottom)
    y = draw_text (cr, layout, _("How do we know?"), "Sans Bold 10", y + 4, width, bottom) + 2;
  for (guint i = 0; sources[i] && y < bottom; i++)
    y = draw_text (cr, layout, sources[i], "Sans Italic 9", y, width, bottom) + 2;

  /* Translators: the foot of each handout page */
  footer = g_strdup_printf (_("Page %d of %d"), page_nr + 1,
                            (int) g_list_model_get_n_items (handout->records));
  draw_text (cr, layout, footer, "Sans 9", height - 16, width, height);
}

GtkPrintOperation *
lgsm_handout_new (const char *title,
                  GListModel *records)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  Handout *handout = g_new0 (Handout, 1);

  handout->title = g_strdup (title);
  handout->records = g_object_ref (records);
  g_object_set_data_full (G_OBJECT (operation), "lgsm-handout", handout, (GDestroyNotify) handout_free);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), handout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), handout);
  return operation;
}

/* Writes the handout as a PDF without asking (tests, "Export"). */
gboolean
lgsm_handout_export (const char  *title,
                     GListModel  *records,
                     const char  *pdf_path,
                     GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = lgsm_handout_new (title, records);

  gtk_print_operation_set_export_filename (operation, pdf_path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
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
