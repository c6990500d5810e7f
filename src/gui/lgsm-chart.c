/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-chart.h"

#define ROW       64
#define BAR       18
#define MAX_BARS  12

/* The money raised, as bars drawn to scale from the records' amounts.
 * An approximate sum fades out at its end and says "about". Each bar is a
 * button that opens its record. */
struct _LgsmChart
{
  GtkWidget  parent_instance;

  GPtrArray *records;  /* LgsmRecord with an amount, smallest first */
  GPtrArray *rows;     /* GtkButton, same order */
  gint64     largest;
};

G_DEFINE_FINAL_TYPE (LgsmChart, lgsm_chart, GTK_TYPE_WIDGET)

static gint64
pence_of (LgsmRecord *record)
{
  gint64 pence = 0;

  lgsm_record_get_amount (record, &pence, NULL, NULL);
  return pence;
}

static int
compare_amounts (gconstpointer a,
                 gconstpointer b)
{
  gint64 pa = pence_of (*(LgsmRecord **) a);
  gint64 pb = pence_of (*(LgsmRecord **) b);

  return (pa > pb) - (pa < pb);
}

static void
clear (LgsmChart *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->records, 0);
}

static GtkWidget *
row_new (LgsmRecord *record)
{
  g_autofree char *amount = lgsm_record_format_amount (record);
  /* Translators: a bar of the fundraising chart, as read by a screen reader: what, then how much */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), lgsm_record_get_title (record), amount);
  GtkWidget *button = gtk_button_new_with_label (lgsm_record_get_title (record));
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "chart-row");
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lgsm_record_get_id (record));
  return button;
}

static void
collect (LgsmChart  *self,
         GListModel *records)
{
  guint n = g_list_model_get_n_items (records);

  for (guint i = 0; i < n; i++)
    {
      LgsmRecord *record = g_list_model_get_item (records, i);

      if (lgsm_record_get_amount (record, NULL, NULL, NULL))
        g_ptr_array_add (self->records, record);
      else
        g_object_unref (record);
    }
}

void
lgsm_chart_set_exhibition (LgsmChart      *self,
                           LgsmExhibition *exhibition)
{
  GListModel *sections;
  guint n;

  g_return_if_fail (LGSM_IS_CHART (self));

  clear (self);
  sections = lgsm_exhibition_get_sections (exhibition);
  n = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmSection) section = g_list_model_get_item (sections, i);
      collect (self, lgsm_section_get_records (section));
    }
  g_ptr_array_sort (self->records, compare_amounts);
  /* with a huge archive, chart the largest sums only */
  if (self->records->len > MAX_BARS)
    g_ptr_array_remove_range (self->records, 0, self->records->len - MAX_BARS);

  self->largest = 1;
  for (guint i = 0; i < self->records->len; i++)
    {
      GtkWidget *row = row_new (g_ptr_array_index (self->records, i));

      self->largest = MAX (self->largest, pence_of (g_ptr_array_index (self->records, i)));
      gtk_widget_set_parent (row, GTK_WIDGET (self));
      g_ptr_array_add (self->rows, row);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: for screen readers: the chart of the money raised
                                     for the miners' families, as the records give it */
                                  _("Money raised"), -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
lgsm_chart_get_n_bars (LgsmChart *self)
{
  g_return_val_if_fail (LGSM_IS_CHART (self), 0);
  return self->rows->len;
}

static void
lgsm_chart_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  LgsmChart *self = LGSM_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
    }
  else
    *minimum = *natural = (int) self->rows->len * ROW;
}

static void
lgsm_chart_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  LgsmChart *self = LGSM_CHART (widget);

  for (guint i = 0; i < self->rows->len; i++)
    {
      int min;

      gtk_widget_measure (g_ptr_array_index (self->rows, i), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (g_ptr_array_index (self->rows, i),
                                &(GtkAllocation) { 0, (int) i * ROW, width, ROW - 4 }, -1);
    }
}

static void
draw_sum (GtkWidget   *widget,
          GtkSnapshot *snapshot,
          LgsmRecord  *record,
          double       x,
          double       y)
{
  g_autofree char *amount = lgsm_record_format_amount (record);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, amount);
  GdkRGBA fg;
  int w, h;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y - h / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
}

static void
lgsm_chart_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  LgsmChart *self = LGSM_CHART (widget);
  int width = gtk_widget_get_width (widget) - 140;  /* room for the sum after the bar */
  GdkRGBA gold = { 0.96, 0.72, 0.0, 1 };
  GdkRGBA clear_gold = { 0.96, 0.72, 0.0, 0 };

  for (guint i = 0; i < self->records->len; i++)
    {
      LgsmRecord *record = g_ptr_array_index (self->records, i);
      gboolean approximate = FALSE;
      double length;
      double y = i * ROW + ROW - 4 - BAR - 8;

      lgsm_record_get_amount (record, NULL, NULL, &approximate);
      length = MAX (3.0, (double) pence_of (record) / self->largest * width);
      if (!approximate)
        gtk_snapshot_append_color (snapshot, &gold, &GRAPHENE_RECT_INIT (8, y, length, BAR));
      else
        {
          /* solid to nine tenths, then fading: the exact end is not known */
          double fade = MAX (2.0, length * 0.1);
          gtk_snapshot_append_color (snapshot, &gold, &GRAPHENE_RECT_INIT (8, y, length - fade, BAR));
          gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (8 + length - fade, y, fade * 2, BAR),
                                               &GRAPHENE_POINT_INIT (8 + length - fade, y),
                                               &GRAPHENE_POINT_INIT (8 + length + fade, y),
                                               (GskColorStop[]) { { 0, gold }, { 1, clear_gold } }, 2);
        }
      draw_sum (widget, snapshot, record, 8 + length + 10, y + BAR / 2.0);
    }
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->rows, i), snapshot);
}

static void
lgsm_chart_dispose (GObject *object)
{
  LgsmChart *self = LGSM_CHART (object);

  if (self->rows)
    clear (self);

  G_OBJECT_CLASS (lgsm_chart_parent_class)->dispose (object);
}

static void
lgsm_chart_finalize (GObject *object)
{
  LgsmChart *self = LGSM_CHART (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->records);

  G_OBJECT_CLASS (lgsm_chart_parent_class)->finalize (object);
}

static void
lgsm_chart_class_init (LgsmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_chart_dispose;
  object_class->finalize = lgsm_chart_finalize;
  widget_class->measure = lgsm_chart_measure;
  widget_class->size_allocate = lgsm_chart_size_allocate;
  widget_class->snapshot = lgsm_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
lgsm_chart_init (LgsmChart *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
}

GtkWidget *
lgsm_chart_new (void)
{
  return g_object_new (LGSM_TYPE_CHART, NULL);
}
