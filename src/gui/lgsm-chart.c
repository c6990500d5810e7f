/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-chart.h"

#define BAR       18
#define MAX_BARS  12

/* The money raised, as bars drawn to scale from the records' amounts.
 * An approximate sum fades out at its end and says "about". Each bar is a
 * button, its title over the bar, that opens its record; titles wrap and
 * the sum after the bar keeps the room it needs at any text size. */
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

/* ---- a bar and its sum ---- */

#define LGSM_TYPE_CHART_BAR (lgsm_chart_bar_get_type ())
G_DECLARE_FINAL_TYPE (LgsmChartBar, lgsm_chart_bar, LGSM, CHART_BAR, GtkWidget)

struct _LgsmChartBar
{
  GtkWidget   parent_instance;
  double      fraction;     /* of the largest sum */
  gboolean    approximate;
  char       *sum;
};

G_DEFINE_FINAL_TYPE (LgsmChartBar, lgsm_chart_bar, GTK_TYPE_WIDGET)

static void
lgsm_chart_bar_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  LgsmChartBar *self = LGSM_CHART_BAR (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->sum);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* the sum and a short bar at least */
      *minimum = w + 10 + 24;
      *natural = w + 10 + 240;
    }
  else
    *minimum = *natural = MAX (BAR, h) + 4;
}

static void
lgsm_chart_bar_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LgsmChartBar *self = LGSM_CHART_BAR (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->sum);
  GdkRGBA gold = { 0.96, 0.72, 0.0, 1 };
  GdkRGBA clear_gold = { 0.96, 0.72, 0.0, 0 };
  GdkRGBA edge = { 0.45, 0.32, 0.0, 1 };  /* 3:1 and more against light and dark backgrounds */
  GdkRGBA fg;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double length, y = (height - BAR) / 2.0;
  int w, h;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS
  pango_layout_get_pixel_size (layout, &w, &h);
  length = MAX (3.0, self->fraction * (width - w - 10));
  if (!self->approximate)
    gtk_snapshot_append_color (snapshot, &gold, &GRAPHENE_RECT_INIT (0, y, length, BAR));
  else
    {
      /* solid to nine tenths, then fading: the exact end is not known */
      double fade = MAX (2.0, length * 0.1);
      gtk_snapshot_append_color (snapshot, &gold, &GRAPHENE_RECT_INIT (0, y, length - fade, BAR));
      gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (length - fade, y, fade, BAR),
                                           &GRAPHENE_POINT_INIT (length - fade, y),
                                           &GRAPHENE_POINT_INIT (length, y),
                                           (GskColorStop[]) { { 0, gold }, { 1, clear_gold } }, 2);
    }
  /* the bar's top and bottom edges, dark enough to see on any background */
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (0, y, self->approximate ? length * 0.9 : length, 2));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (0, y + BAR - 2, self->approximate ? length * 0.9 : length, 2));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (0, y, 2, BAR));
  if (!self->approximate)
    gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (length - 2, y, 2, BAR));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (length + 10, (height - h) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
}

static void
lgsm_chart_bar_finalize (GObject *object)
{
  g_free (LGSM_CHART_BAR (object)->sum);
  G_OBJECT_CLASS (lgsm_chart_bar_parent_class)->finalize (object);
}

static void
lgsm_chart_bar_class_init (LgsmChartBarClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = lgsm_chart_bar_measure;
  GTK_WIDGET_CLASS (klass)->snapshot = lgsm_chart_bar_snapshot;
  G_OBJECT_CLASS (klass)->finalize = lgsm_chart_bar_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "chartbar");
  /* the button it is in says the sum */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
lgsm_chart_bar_init (LgsmChartBar *self)
{
}

static GtkWidget *
row_new (LgsmRecord *record,
         double      fraction)
{
  g_autofree char *amount = lgsm_record_format_amount (record);
  const char *title = lgsm_record_get_title (record);
  g_autofree char *name = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);
  LgsmChartBar *bar = g_object_new (LGSM_TYPE_CHART_BAR, NULL);
  gboolean approximate = FALSE;

  lgsm_record_get_amount (record, NULL, NULL, &approximate);
  bar->fraction = fraction;
  bar->approximate = approximate;
  bar->sum = g_strdup (amount);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bar));
  gtk_button_set_child (GTK_BUTTON (button), box);
  /* the title, and the sum unless the title says it already */
  if (amount && strstr (title, amount) == NULL)
    /* Translators: a bar of the fundraising chart, as read by a screen reader: what, then how much */
    name = g_strdup_printf (_("%s: %s"), title, amount);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name ? name : title, -1);
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
    self->largest = MAX (self->largest, pence_of (g_ptr_array_index (self->records, i)));
  for (guint i = 0; i < self->records->len; i++)
    {
      LgsmRecord *record = g_ptr_array_index (self->records, i);
      GtkWidget *row = row_new (record, (double) pence_of (record) / self->largest);

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
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
lgsm_chart_init (LgsmChart *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
}

GtkWidget *
lgsm_chart_new (void)
{
  return g_object_new (LGSM_TYPE_CHART, NULL);
}
