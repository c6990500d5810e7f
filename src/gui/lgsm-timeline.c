/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-record.h"
#include "lgsm-timeline.h"

#define PAD        32
#define LANE       22
#define MAX_LANES  40
#define MARK       18
#define MARK_GAP   4

/* A time axis with one focusable mark per dated record. The period a date
 * may mean is drawn as a bar (a year, a month, a range), so that "1984"
 * never looks as exact as "10 December 1984"; approximate dates are drawn
 * hatched. Left/Right move between marks, Enter opens the record. Marks
 * go in as many lanes as the width needs for none to touch; the labels of
 * the axis are thinned to those that fit at the width and text size. */
struct _LgsmTimeline
{
  GtkWidget  parent_instance;

  GPtrArray *records;   /* dated LgsmRecord, by date */
  GPtrArray *marks;     /* GtkButton, same order */
  GArray    *lanes;     /* guint per record, for lanes_width */
  guint      n_lanes;   /* lanes in use at lanes_width */
  int        lanes_width;
  double     first;     /* years */
  double     last;
};

G_DEFINE_FINAL_TYPE (LgsmTimeline, lgsm_timeline, GTK_TYPE_WIDGET)

static double
period_end (const LgsmDatePoint *p)
{
  switch (lgsm_date_point_precision (p))
    {
    case LGSM_DATE_PRECISION_YEAR:
      return p->year + 1.0;
    case LGSM_DATE_PRECISION_MONTH:
      return p->year + p->month / 12.0;
    case LGSM_DATE_PRECISION_DAY:
    default:
      return p->year + (p->month - 1) / 12.0 + p->day / 365.0;
    }
}

static double
period_start (const LgsmDatePoint *p)
{
  if (p->month == 0)
    return p->year;
  if (p->day == 0)
    return p->year + (p->month - 1) / 12.0;
  return p->year + (p->month - 1) / 12.0 + (p->day - 1) / 365.0;
}

static void
record_span (LgsmRecord *record,
             double     *from,
             double     *to)
{
  const LgsmDate *date = lgsm_record_get_date (record);
  const LgsmDatePoint *end = lgsm_date_get_end (date);

  *from = period_start (lgsm_date_get_start (date));
  *to = period_end (end ? end : lgsm_date_get_start (date));
}

static double
to_x (LgsmTimeline *self,
      double        years,
      int           width)
{
  return PAD + (years - self->first) / (self->last - self->first) * (width - 2 * PAD);
}

static void
clear_marks (LgsmTimeline *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->marks, i));
  g_ptr_array_set_size (self->marks, 0);
  g_ptr_array_set_size (self->records, 0);
  g_array_set_size (self->lanes, 0);
}

static void
on_mark_state_changed (GtkWidget     *mark,
                       GtkStateFlags  previous,
                       LgsmTimeline  *self)
{
  if ((previous ^ gtk_widget_get_state_flags (mark)) & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkWidget *
mark_new (LgsmRecord *record)
{
  g_autofree char *date = lgsm_record_format_date (record);
  /* Translators: a timeline mark's name: record title, then its date */
  g_autofree char *name = g_strdup_printf (_("%s, %s"), lgsm_record_get_title (record), date);
  GtkWidget *mark = gtk_button_new ();

  gtk_widget_add_css_class (mark, "timeline-mark");
  if (lgsm_date_is_circa (lgsm_record_get_date (record)))
    gtk_widget_add_css_class (mark, "circa");
  gtk_widget_set_tooltip_text (mark, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (mark), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (mark), "s", lgsm_record_get_id (record));
  return mark;
}

/* Puts each mark (and the bar of its period) in the first lane where it
 * does not touch the one before it, at @width pixels. */
static void
assign_lanes (LgsmTimeline *self,
              int           width)
{
  double lane_end[MAX_LANES];

  if (self->lanes_width == width && self->lanes->len == self->records->len)
    return;
  g_array_set_size (self->lanes, 0);
  self->n_lanes = 1;
  self->lanes_width = width;
  for (guint l = 0; l < MAX_LANES; l++)
    lane_end[l] = -G_MAXDOUBLE;
  for (guint i = 0; i < self->records->len; i++)
    {
      LgsmRecord *record = g_ptr_array_index (self->records, i);
      double from, to, x, start, end;
      guint lane = 0, best = 0;

      record_span (record, &from, &to);
      x = to_x (self, lgsm_date_to_years (lgsm_record_get_date (record)), width);
      start = MIN (to_x (self, from, width), x - MARK / 2.0);
      end = MAX (to_x (self, to, width), x + MARK / 2.0);
      while (lane < MAX_LANES && lane_end[lane] + MARK_GAP > start)
        {
          if (lane_end[lane] < lane_end[best])
            best = lane;
          lane++;
        }
      if (lane == MAX_LANES)
        lane = best;  /* hundreds of marks on a few pixels: share the emptiest lane */
      lane_end[lane] = end;
      g_array_append_val (self->lanes, lane);
      self->n_lanes = MAX (self->n_lanes, lane + 1);
    }
}

/* How tall the caption above the lanes is at @width: enough for the
 * longest text it can show (its hint, or any mark's name), wrapped. */
static int
caption_height (LgsmTimeline *self,
                int           width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  int tallest = 0, h;

  pango_layout_set_width (layout, MAX (1, width - 2 * PAD) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i <= self->marks->len; i++)
    {
      pango_layout_set_text (layout, i < self->marks->len ? gtk_widget_get_tooltip_text (g_ptr_array_index (self->marks, i))
                                                          : _("Each dot is a record: a solid bar shows the period its date covers, a dashed bar an approximate date"), -1);
      pango_layout_get_pixel_size (layout, NULL, &h);
      tallest = MAX (tallest, h);
    }
  return tallest + 8;
}

/* The height of one line of the axis's labels. */
static int
label_height (LgsmTimeline *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "1984");
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

/* Where the lanes start and the axis is, at @width. */
static int
lanes_top (LgsmTimeline *self,
           int           width)
{
  return caption_height (self, width) + 8;
}

/* g_ptr_array_sort() passes pointers to the elements */
static int
compare_elements (gconstpointer a,
                  gconstpointer b)
{
  return lgsm_record_compare_by_date (*(LgsmRecord **) a, *(LgsmRecord **) b, NULL);
}

void
lgsm_timeline_set_records (LgsmTimeline *self,
                           GListModel   *records)
{
  guint n = g_list_model_get_n_items (records);

  g_return_if_fail (LGSM_IS_TIMELINE (self));

  clear_marks (self);
  self->n_lanes = 1;
  self->lanes_width = -1;
  self->first = G_MAXDOUBLE;
  self->last = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      LgsmRecord *record = g_list_model_get_item (records, i);
      double from, to;

      if (lgsm_record_get_date (record) == NULL)
        {
          g_object_unref (record);
          continue;
        }
      record_span (record, &from, &to);
      self->first = MIN (self->first, floor (from));
      self->last = MAX (self->last, ceil (to));
      g_ptr_array_add (self->records, record);
    }
  g_ptr_array_sort (self->records, compare_elements);
  self->lanes_width = -1;

  if (self->records->len <= LGSM_TIMELINE_MAX_MARKS)
    for (guint i = 0; i < self->records->len; i++)
      {
        GtkWidget *mark = mark_new (g_ptr_array_index (self->records, i));
        g_signal_connect_object (mark, "state-flags-changed", G_CALLBACK (on_mark_state_changed), self, 0);
        gtk_widget_set_parent (mark, GTK_WIDGET (self));
        g_ptr_array_add (self->marks, mark);
      }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
lgsm_timeline_get_n_marks (LgsmTimeline *self)
{
  g_return_val_if_fail (LGSM_IS_TIMELINE (self), 0);
  return self->marks->len;
}

static void
lgsm_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LgsmTimeline *self = LGSM_TIMELINE (widget);
  int width;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 1000;
      return;
    }
  width = for_size < 0 ? 1000 : for_size;
  if (self->records->len == 0 || self->last <= self->first)
    {
      *minimum = *natural = 0;
      return;
    }
  assign_lanes (self, width);
  /* lanes, the axis, a line of years and a line of months */
  *minimum = *natural = lanes_top (self, width) + self->n_lanes * LANE + 12 + 10 + 2 * label_height (self) + 12;
}

static GtkSizeRequestMode
lgsm_timeline_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LgsmTimeline *self = LGSM_TIMELINE (widget);
  int top;

  if (self->marks->len == 0)
    return;
  assign_lanes (self, width);
  top = lanes_top (self, width);
  for (guint i = 0; i < self->marks->len; i++)
    {
      LgsmRecord *record = g_ptr_array_index (self->records, i);
      double x = to_x (self, lgsm_date_to_years (lgsm_record_get_date (record)), width);
      guint lane = g_array_index (self->lanes, guint, i);
      GtkAllocation alloc = { (int) round (x - MARK / 2.0), top + lane * LANE, MARK, MARK };
      int min;

      gtk_widget_measure (g_ptr_array_index (self->marks, i), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (g_ptr_array_index (self->marks, i), &alloc, -1);
    }
}

/* @align: 0 left of x, 0.5 centred on x; @wrap_width: wrap at that
 * width, or -1 */
static void
draw_label (GtkWidget     *widget,
            GtkSnapshot   *snapshot,
            const char    *text,
            double         x,
            double         y,
            double         align,
            int            wrap_width,
            const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, wrap_width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - w * align, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

static double
axis_y (LgsmTimeline *self,
        int           width)
{
  return lanes_top (self, width) + self->n_lanes * LANE + 4;
}

/* Every how many years a year is named, so that the names do not touch. */
static int
year_step (LgsmTimeline *self,
           int           width)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
  double per_year = (width - 2.0 * PAD) / (self->last - self->first);
  int label = text_width (GTK_WIDGET (self), "8888") + 12;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * per_year >= label)
      return steps[i];
  return 1000;
}

/* Every how many months a month is named (0: none), so that the names do
 * not touch: the longest month name of the language decides. */
static int
month_step (LgsmTimeline *self,
            int           width)
{
  static const int steps[] = { 1, 2, 3, 6 };
  double per_month = (width - 2.0 * PAD) / ((self->last - self->first) * 12);
  int widest = 0;

  if (self->last - self->first > 3)
    return 0;
  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      g_autofree char *month = g_date_time_format (dt, "%b");
      widest = MAX (widest, text_width (GTK_WIDGET (self), month));
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * per_month >= widest + 10)
      return steps[i];
  return 0;
}

static void
draw_axis (LgsmTimeline  *self,
           GtkSnapshot   *snapshot,
           int            width,
           const GdkRGBA *fg)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double y = axis_y (self, width);
  double span = self->last - self->first;
  /* months in a lighter ink that still reads (4.5:1 on the themes' backgrounds) */
  GdkRGBA dim = *fg;
  int step = year_step (self, width);
  int months = month_step (self, width);
  int line = label_height (self);

  dim.alpha = 0.8;
  gtk_snapshot_append_color (snapshot, fg, &GRAPHENE_RECT_INIT (PAD, y, width - 2 * PAD, 2));

  for (int year = (int) self->first; year <= (int) self->last; year++)
    {
      double x = to_x (self, year, width);
      char text[16];

      gtk_snapshot_append_color (snapshot, fg, &GRAPHENE_RECT_INIT (x - 1, y - 6, 2, 14));
      if (year % step == 0 || (step == 1 && span <= 3))
        {
          g_snprintf (text, sizeof text, "%d", year);
          draw_label (widget, snapshot, text, x, y + 10, 0.5, -1, fg);
        }
      if (span <= 3 && year < (int) self->last)
        for (int m = 1; m <= 12; m++)
          {
            double mx = to_x (self, year + (m - 1) / 12.0, width);
            double mid = to_x (self, year + (m - 0.5) / 12.0, width);

            if (m > 1)
              gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (mx, y - 3, 1, 8));
            if (months > 0 && (m - 1) % months == 0)
              {
                g_autoptr(GDateTime) dt = g_date_time_new_utc (year, m, 1, 0, 0, 0);
                g_autofree char *month = g_date_time_format (dt, "%b");

                draw_label (widget, snapshot, month, mid, y + 10 + line + 2, 0.5, -1, &dim);
              }
          }
    }
}

/* The period each date may mean: a solid bar when exact, hatched when approximate. */
static void
draw_periods (LgsmTimeline  *self,
              GtkSnapshot   *snapshot,
              int            width,
              const GdkRGBA *accent)
{
  int top = lanes_top (self, width);

  for (guint i = 0; i < self->records->len && i < self->lanes->len; i++)
    {
      LgsmRecord *record = g_ptr_array_index (self->records, i);
      guint lane = g_array_index (self->lanes, guint, i);
      double from, to, x0, x1, y = top + lane * LANE + MARK / 2.0 - 2;
      GdkRGBA color = *accent;

      record_span (record, &from, &to);
      x0 = to_x (self, from, width);
      x1 = MAX (to_x (self, to, width), x0 + 2);
      /* full strength: a period is read from the bar (3:1 on the window) */
      if (!lgsm_date_is_circa (lgsm_record_get_date (record)))
        gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x0, y, x1 - x0, 4));
      else
        for (double x = x0; x < x1; x += 8)
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, MIN (4, x1 - x), 4));
    }
}

/* The mark under the pointer or keyboard focus, named above the lanes. */
static void
draw_caption (LgsmTimeline  *self,
              GtkSnapshot   *snapshot,
              int            width,
              const GdkRGBA *fg)
{
  const char *text = NULL;

  for (guint i = 0; i < self->marks->len && text == NULL; i++)
    {
      GtkWidget *mark = g_ptr_array_index (self->marks, i);
      GtkStateFlags state = gtk_widget_get_state_flags (mark);

      if (state & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_FOCUS_VISIBLE))
        text = gtk_widget_get_tooltip_text (mark);
    }
  if (text == NULL)
    /* Translators: the key (legend) above the timeline on the History and Legacy tabs */
    text = _("Each dot is a record: a solid bar shows the period its date covers, a dashed bar an approximate date");
  draw_label (GTK_WIDGET (self), snapshot, text, PAD, 4, 0, MAX (1, width - 2 * PAD), fg);
}

static void
lgsm_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LgsmTimeline *self = LGSM_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, accent = { 0.91, 0.21, 0.56, 1.0 };

  if (self->records->len == 0 || self->last <= self->first)
    return;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  assign_lanes (self, width);
  draw_caption (self, snapshot, width, &fg);
  draw_periods (self, snapshot, width, &accent);
  draw_axis (self, snapshot, width, &fg);
  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->marks, i), snapshot);
}

/* Left and Right move between marks in date order. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LgsmTimeline          *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  guint index;
  int step;

  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    step = -1;
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    step = 1;
  else if (keyval == GDK_KEY_Home || keyval == GDK_KEY_End)
    step = 0;
  else
    return FALSE;
  if (self->marks->len == 0)
    return FALSE;

  if (step == 0)
    index = keyval == GDK_KEY_Home ? 0 : self->marks->len - 1;
  else if (focus && g_ptr_array_find (self->marks, focus, &index))
    index = (guint) CLAMP ((int) index + step, 0, (int) self->marks->len - 1);
  else
    index = 0;
  gtk_widget_grab_focus (g_ptr_array_index (self->marks, index));
  return TRUE;
}

static void
lgsm_timeline_dispose (GObject *object)
{
  LgsmTimeline *self = LGSM_TIMELINE (object);

  if (self->marks)
    clear_marks (self);

  G_OBJECT_CLASS (lgsm_timeline_parent_class)->dispose (object);
}

static void
lgsm_timeline_finalize (GObject *object)
{
  LgsmTimeline *self = LGSM_TIMELINE (object);

  g_ptr_array_unref (self->marks);
  g_ptr_array_unref (self->records);
  g_array_unref (self->lanes);

  G_OBJECT_CLASS (lgsm_timeline_parent_class)->finalize (object);
}

static void
lgsm_timeline_class_init (LgsmTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_timeline_dispose;
  object_class->finalize = lgsm_timeline_finalize;
  widget_class->measure = lgsm_timeline_measure;
  widget_class->get_request_mode = lgsm_timeline_get_request_mode;
  widget_class->size_allocate = lgsm_timeline_size_allocate;
  widget_class->snapshot = lgsm_timeline_snapshot;

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
lgsm_timeline_init (LgsmTimeline *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->marks = g_ptr_array_new ();
  self->lanes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  /* Translators: for screen readers: the timeline of records on the History and Legacy tabs */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
}

GtkWidget *
lgsm_timeline_new (void)
{
  return g_object_new (LGSM_TYPE_TIMELINE, NULL);
}
