/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-record.h"
#include "lgsm-timeline.h"

#define PAD        32
#define LANE       22
#define N_LANES    7
#define CAPTION    30
#define AXIS_SPACE 52
#define MARK       18

/* A time axis with one focusable mark per dated record. The period a date
 * may mean is drawn as a bar (a year, a month, a range), so that "1984"
 * never looks as exact as "10 December 1984"; approximate dates are drawn
 * hatched. Left/Right move between marks, Enter opens the record. */
struct _LgsmTimeline
{
  GtkWidget  parent_instance;

  GPtrArray *records;   /* dated LgsmRecord, by date */
  GPtrArray *marks;     /* GtkButton, same order */
  GArray    *lanes;     /* guint per record */
  guint      n_lanes;   /* lanes in use */
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

/* Puts each mark in the first lane where it does not touch its neighbour. */
static void
assign_lanes (LgsmTimeline *self)
{
  double lane_end[N_LANES];

  for (guint l = 0; l < N_LANES; l++)
    lane_end[l] = -G_MAXDOUBLE;
  for (guint i = 0; i < self->records->len; i++)
    {
      double from, to;
      guint lane = 0;

      record_span (g_ptr_array_index (self->records, i), &from, &to);
      while (lane < N_LANES - 1 && lane_end[lane] + (self->last - self->first) / 40 > from)
        lane++;
      lane_end[lane] = MAX (to, lgsm_date_to_years (lgsm_record_get_date (g_ptr_array_index (self->records, i))));
      g_array_append_val (self->lanes, lane);
      self->n_lanes = MAX (self->n_lanes, lane + 1);
    }
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
  assign_lanes (self);

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
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 1000;
    }
  else
    *minimum = *natural = CAPTION + LGSM_TIMELINE (widget)->n_lanes * LANE + AXIS_SPACE + 8;
}

static void
lgsm_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LgsmTimeline *self = LGSM_TIMELINE (widget);

  for (guint i = 0; i < self->marks->len; i++)
    {
      LgsmRecord *record = g_ptr_array_index (self->records, i);
      double x = to_x (self, lgsm_date_to_years (lgsm_record_get_date (record)), width);
      guint lane = g_array_index (self->lanes, guint, i);
      GtkAllocation alloc = { (int) x - MARK / 2, CAPTION + 8 + lane * LANE, MARK, MARK };
      int min;

      gtk_widget_measure (g_ptr_array_index (self->marks, i), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (g_ptr_array_index (self->marks, i), &alloc, -1);
    }
}

/* @align: 0 left of x, 0.5 centred on x */
static void
draw_label (GtkWidget     *widget,
            GtkSnapshot   *snapshot,
            const char    *text,
            double         x,
            double         y,
            double         align,
            const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - w * align, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (LgsmTimeline *self,
           GtkSnapshot  *snapshot,
           int           width,
           int           height,
           const GdkRGBA *fg)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double axis_y = CAPTION + self->n_lanes * LANE + 12;
  double span = self->last - self->first;
  GdkRGBA faint = *fg;
  int step = span <= 3 ? 1 : span <= 12 ? 2 : 5;

  faint.alpha = 0.35;
  gtk_snapshot_append_color (snapshot, fg, &GRAPHENE_RECT_INIT (PAD, axis_y, width - 2 * PAD, 2));

  for (int year = (int) self->first; year <= (int) self->last; year++)
    {
      double x = to_x (self, year, width);
      char text[16];

      gtk_snapshot_append_color (snapshot, fg, &GRAPHENE_RECT_INIT (x - 1, axis_y - 6, 2, 14));
      if (year % step == 0 || span <= 3)
        {
          g_snprintf (text, sizeof text, "%d", year);
          draw_label (widget, snapshot, text, x, axis_y + 10, 0.5, fg);
        }
      /* months, when there is room to read them */
      if (span <= 3 && year < (int) self->last)
        for (int m = 1; m <= 12; m++)
          {
            double mx = to_x (self, year + (m - 1) / 12.0, width);
            double mid = to_x (self, year + (m - 0.5) / 12.0, width);
            g_autoptr(GDateTime) dt = g_date_time_new_utc (year, m, 1, 0, 0, 0);
            g_autofree char *month = g_date_time_format (dt, "%b");

            if (m > 1)
              gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (mx, axis_y - 3, 1, 8));
            if (width / (span * 12) > 36)
              draw_label (widget, snapshot, month, mid, axis_y + 28, 0.5, &faint);
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
  for (guint i = 0; i < self->records->len; i++)
    {
      LgsmRecord *record = g_ptr_array_index (self->records, i);
      guint lane = g_array_index (self->lanes, guint, i);
      double from, to, x0, x1, y = CAPTION + 8 + lane * LANE + MARK / 2.0 - 3;
      GdkRGBA color = *accent;

      record_span (record, &from, &to);
      x0 = to_x (self, from, width);
      x1 = MAX (to_x (self, to, width), x0 + 2);
      color.alpha = 0.45;
      if (!lgsm_date_is_circa (lgsm_record_get_date (record)))
        gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x0, y, x1 - x0, 6));
      else
        for (double x = x0; x < x1; x += 8)
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, MIN (4, x1 - x), 6));
    }
}

/* The mark under the pointer or keyboard focus, named above the lanes. */
static void
draw_caption (LgsmTimeline  *self,
              GtkSnapshot   *snapshot,
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
  draw_label (GTK_WIDGET (self), snapshot, text, PAD, 4, 0, fg);
}

static void
lgsm_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LgsmTimeline *self = LGSM_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent = { 0.91, 0.21, 0.56, 1.0 };

  if (self->records->len == 0 || self->last <= self->first)
    return;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  draw_caption (self, snapshot, &fg);
  draw_periods (self, snapshot, width, &accent);
  draw_axis (self, snapshot, width, height, &fg);
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
