/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-ink.h"

/* The teacher's pointer and pen. The model keeps the strokes of every
 * slide and where the spotlight is; each LgsmInk draws the model over a
 * slide — the room's and the presenter console's preview of it — and
 * feeds it from the mouse, a touch screen or a stylus (GtkGestureDrag
 * takes all three) while a tool is on. Without a tool the layer cannot be
 * targeted, so clicks go through to the slides. */

G_DEFINE_ENUM_TYPE (LgsmInkTool, lgsm_ink_tool,
                    G_DEFINE_ENUM_VALUE (LGSM_INK_TOOL_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (LGSM_INK_TOOL_POINTER, "pointer"),
                    G_DEFINE_ENUM_VALUE (LGSM_INK_TOOL_PEN, "pen"))

/* A page holds at most this many points: a whole lesson of scribbling is
 * far below it, and a stuck stylus cannot eat the memory. */
#define MAX_POINTS_PER_PAGE 200000

/* Points closer than this (a fraction of the slide) are not kept. */
#define MIN_STEP 0.0008

struct _LgsmInkModel
{
  GObject      parent_instance;

  LgsmInkTool  tool;
  guint        page;
  GHashTable  *pages;       /* page + 1 → GPtrArray of GArray of graphene_point_t */
  gboolean     drawing;
  gboolean     pointer_shown;
  double       pointer_x;
  double       pointer_y;
};

G_DEFINE_FINAL_TYPE (LgsmInkModel, lgsm_ink_model, G_TYPE_OBJECT)

enum { MODEL_PROP_0, MODEL_PROP_TOOL, MODEL_PROP_PAGE, MODEL_N_PROPS };
static GParamSpec *model_properties[MODEL_N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint model_signals[N_SIGNALS];

static void
changed (LgsmInkModel *self)
{
  g_signal_emit (self, model_signals[CHANGED], 0);
}

/* Returns: (transfer none) (nullable): the strokes of the page on show */
static GPtrArray *
page_strokes (LgsmInkModel *self,
              gboolean      create)
{
  GPtrArray *strokes = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (self->page + 1));

  if (strokes == NULL && create)
    {
      strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (self->page + 1), strokes);
    }
  return strokes;
}

static guint
page_points (GPtrArray *strokes)
{
  guint n = 0;

  for (guint i = 0; strokes && i < strokes->len; i++)
    n += ((GArray *) g_ptr_array_index (strokes, i))->len;
  return n;
}

LgsmInkModel *
lgsm_ink_model_new (void)
{
  return g_object_new (LGSM_TYPE_INK_MODEL, NULL);
}

LgsmInkTool
lgsm_ink_model_get_tool (LgsmInkModel *self)
{
  g_return_val_if_fail (LGSM_IS_INK_MODEL (self), LGSM_INK_TOOL_NONE);
  return self->tool;
}

void
lgsm_ink_model_set_tool (LgsmInkModel *self,
                         LgsmInkTool   tool)
{
  g_return_if_fail (LGSM_IS_INK_MODEL (self));

  if (self->tool == tool)
    return;
  self->tool = tool;
  self->drawing = FALSE;
  if (tool != LGSM_INK_TOOL_POINTER)
    self->pointer_shown = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), model_properties[MODEL_PROP_TOOL]);
  changed (self);
}

guint
lgsm_ink_model_get_page (LgsmInkModel *self)
{
  g_return_val_if_fail (LGSM_IS_INK_MODEL (self), 0);
  return self->page;
}

/* The slide on show: its own strokes are shown; those of other slides
 * wait until the class comes back to them. */
void
lgsm_ink_model_set_page (LgsmInkModel *self,
                         guint         page)
{
  g_return_if_fail (LGSM_IS_INK_MODEL (self));

  if (self->page == page || page == G_MAXUINT)
    return;
  self->page = page;
  self->drawing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), model_properties[MODEL_PROP_PAGE]);
  changed (self);
}

void
lgsm_ink_model_begin_stroke (LgsmInkModel *self,
                             double        x,
                             double        y)
{
  GPtrArray *strokes;
  GArray *stroke;
  graphene_point_t point = GRAPHENE_POINT_INIT (CLAMP (x, 0, 1), CLAMP (y, 0, 1));

  g_return_if_fail (LGSM_IS_INK_MODEL (self));

  strokes = page_strokes (self, TRUE);
  if (page_points (strokes) >= MAX_POINTS_PER_PAGE)
    return;
  stroke = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  g_array_append_val (stroke, point);
  g_ptr_array_add (strokes, stroke);
  self->drawing = TRUE;
  changed (self);
}

void
lgsm_ink_model_extend_stroke (LgsmInkModel *self,
                              double        x,
                              double        y)
{
  GPtrArray *strokes;
  GArray *stroke;
  graphene_point_t point = GRAPHENE_POINT_INIT (CLAMP (x, 0, 1), CLAMP (y, 0, 1));
  const graphene_point_t *last;

  g_return_if_fail (LGSM_IS_INK_MODEL (self));

  strokes = page_strokes (self, FALSE);
  if (!self->drawing || strokes == NULL || strokes->len == 0)
    return;
  stroke = g_ptr_array_index (strokes, strokes->len - 1);
  last = &g_array_index (stroke, graphene_point_t, stroke->len - 1);
  if (graphene_point_distance (last, &point, NULL, NULL) < MIN_STEP)
    return;
  if (page_points (strokes) >= MAX_POINTS_PER_PAGE)
    return;
  g_array_append_val (stroke, point);
  changed (self);
}

void
lgsm_ink_model_end_stroke (LgsmInkModel *self)
{
  g_return_if_fail (LGSM_IS_INK_MODEL (self));
  self->drawing = FALSE;
}

/* E: the slide on show is clean again. */
void
lgsm_ink_model_clear_page (LgsmInkModel *self)
{
  g_return_if_fail (LGSM_IS_INK_MODEL (self));

  self->drawing = FALSE;
  if (g_hash_table_remove (self->pages, GUINT_TO_POINTER (self->page + 1)))
    changed (self);
}

guint
lgsm_ink_model_get_n_strokes (LgsmInkModel *self)
{
  GPtrArray *strokes;

  g_return_val_if_fail (LGSM_IS_INK_MODEL (self), 0);
  strokes = page_strokes (self, FALSE);
  return strokes ? strokes->len : 0;
}

/* Returns: (transfer none) (array length=n_points): the points of a
 * stroke of the page on show, as fractions of the slide's size */
const graphene_point_t *
lgsm_ink_model_get_stroke (LgsmInkModel *self,
                           guint         index,
                           guint        *n_points)
{
  GPtrArray *strokes;
  GArray *stroke;

  g_return_val_if_fail (LGSM_IS_INK_MODEL (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  strokes = page_strokes (self, FALSE);
  if (strokes == NULL || index >= strokes->len)
    {
      *n_points = 0;
      return NULL;
    }
  stroke = g_ptr_array_index (strokes, index);
  *n_points = stroke->len;
  return (const graphene_point_t *) stroke->data;
}

void
lgsm_ink_model_set_pointer (LgsmInkModel *self,
                            double        x,
                            double        y)
{
  g_return_if_fail (LGSM_IS_INK_MODEL (self));

  if (self->pointer_shown && self->pointer_x == x && self->pointer_y == y)
    return;
  self->pointer_shown = TRUE;
  self->pointer_x = CLAMP (x, 0, 1);
  self->pointer_y = CLAMP (y, 0, 1);
  changed (self);
}

void
lgsm_ink_model_hide_pointer (LgsmInkModel *self)
{
  g_return_if_fail (LGSM_IS_INK_MODEL (self));

  if (!self->pointer_shown)
    return;
  self->pointer_shown = FALSE;
  changed (self);
}

/* Where the spotlight is, if the pointer tool is on and the mouse is over
 * a slide. */
gboolean
lgsm_ink_model_get_pointer (LgsmInkModel *self,
                            double       *x,
                            double       *y)
{
  g_return_val_if_fail (LGSM_IS_INK_MODEL (self), FALSE);

  if (x)
    *x = self->pointer_x;
  if (y)
    *y = self->pointer_y;
  return self->tool == LGSM_INK_TOOL_POINTER && self->pointer_shown;
}

static void
lgsm_ink_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LgsmInkModel *self = LGSM_INK_MODEL (object);

  switch (prop_id)
    {
    case MODEL_PROP_TOOL:
      g_value_set_enum (value, self->tool);
      break;
    case MODEL_PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_ink_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LgsmInkModel *self = LGSM_INK_MODEL (object);

  switch (prop_id)
    {
    case MODEL_PROP_TOOL:
      lgsm_ink_model_set_tool (self, g_value_get_enum (value));
      break;
    case MODEL_PROP_PAGE:
      lgsm_ink_model_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_ink_model_finalize (GObject *object)
{
  LgsmInkModel *self = LGSM_INK_MODEL (object);

  g_hash_table_unref (self->pages);

  G_OBJECT_CLASS (lgsm_ink_model_parent_class)->finalize (object);
}

static void
lgsm_ink_model_class_init (LgsmInkModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lgsm_ink_model_finalize;
  object_class->get_property = lgsm_ink_model_get_property;
  object_class->set_property = lgsm_ink_model_set_property;

  model_properties[MODEL_PROP_TOOL] =
    g_param_spec_enum ("tool", NULL, NULL, LGSM_TYPE_INK_TOOL, LGSM_INK_TOOL_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  model_properties[MODEL_PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, MODEL_N_PROPS, model_properties);

  /**
   * LgsmInkModel::changed:
   *
   * A stroke, the spotlight, the tool or the page changed: redraw.
   */
  model_signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lgsm_ink_model_init (LgsmInkModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/* ---- the layer ------------------------------------------------------------ */

/* Sizes as fractions of the slide's height, so they look the same on the
 * projector and in the console's preview. */
#define PEN_WIDTH      0.008
#define SPOT_RADIUS    0.09
#define SPOT_SOFT_EDGE 0.03
#define SPOT_DIM       0.62

struct _LgsmInk
{
  GtkWidget     parent_instance;

  LgsmInkModel *model;
  GtkGesture   *drag;
  double        drag_x;
  double        drag_y;
};

G_DEFINE_FINAL_TYPE (LgsmInk, lgsm_ink, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_MODEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
draw_strokes (LgsmInk     *self,
              GtkSnapshot *snapshot,
              double       width,
              double       height)
{
  guint n = lgsm_ink_model_get_n_strokes (self->model);
  double line = MAX (2.0, PEN_WIDTH * height);
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (n == 0)
    return;
  /* only the part with ink is painted: a cairo node is a surface of its size */
  for (guint i = 0; i < n; i++)
    {
      guint n_points;
      const graphene_point_t *points = lgsm_ink_model_get_stroke (self->model, i, &n_points);

      for (guint j = 0; j < n_points; j++)
        {
          x1 = MIN (x1, points[j].x * width);
          y1 = MIN (y1, points[j].y * height);
          x2 = MAX (x2, points[j].x * width);
          y2 = MAX (y2, points[j].y * height);
        }
    }
  x1 = floor (MAX (0, x1 - line));
  y1 = floor (MAX (0, y1 - line));
  x2 = ceil (MIN (width, x2 + line));
  y2 = ceil (MIN (height, y2 + line));
  if (x2 <= x1 || y2 <= y1)
    return;
  graphene_rect_init (&bounds, x1, y1, x2 - x1, y2 - y1);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_width (cr, line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* the campaign's pink, bright on the dark slides */
  cairo_set_source_rgb (cr, 0xe8 / 255.0, 0x36 / 255.0, 0x8f / 255.0);
  for (guint i = 0; i < n; i++)
    {
      guint n_points;
      const graphene_point_t *points = lgsm_ink_model_get_stroke (self->model, i, &n_points);

      if (n_points == 0)
        continue;
      cairo_move_to (cr, points[0].x * width, points[0].y * height);
      if (n_points == 1)  /* a tap: a dot */
        cairo_line_to (cr, points[0].x * width, points[0].y * height);
      for (guint j = 1; j < n_points; j++)
        cairo_line_to (cr, points[j].x * width, points[j].y * height);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
draw_spotlight (LgsmInk     *self,
                GtkSnapshot *snapshot,
                double       width,
                double       height)
{
  double x, y;
  double radius = SPOT_RADIUS * height, outer = (SPOT_RADIUS + SPOT_SOFT_EDGE) * height;
  const GskColorStop stops[] = {
    { 0, { 0, 0, 0, 0 } },
    { radius / outer, { 0, 0, 0, 0 } },
    { 1, { 0, 0, 0, SPOT_DIM } },
  };

  if (!lgsm_ink_model_get_pointer (self->model, &x, &y) || outer <= 0)
    return;
  /* past its end a radial gradient keeps its last colour: the rest dims */
  gtk_snapshot_append_radial_gradient (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height),
                                       &GRAPHENE_POINT_INIT (x * width, y * height),
                                       outer, outer, 0, 1, stops, G_N_ELEMENTS (stops));
}

static void
lgsm_ink_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  LgsmInk *self = LGSM_INK (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (self->model == NULL || width <= 0 || height <= 0)
    return;
  draw_strokes (self, snapshot, width, height);
  draw_spotlight (self, snapshot, width, height);
}

static void
follow_tool (LgsmInk *self)
{
  LgsmInkTool tool = self->model ? lgsm_ink_model_get_tool (self->model) : LGSM_INK_TOOL_NONE;

  gtk_widget_set_can_target (GTK_WIDGET (self), tool != LGSM_INK_TOOL_NONE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   tool == LGSM_INK_TOOL_PEN ? "crosshair" :
                                   tool == LGSM_INK_TOOL_POINTER ? "none" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               LgsmInk        *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->model == NULL || lgsm_ink_model_get_tool (self->model) != LGSM_INK_TOOL_PEN ||
      width <= 0 || height <= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  /* drawing is not a click: the slides do not move on */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_x = x;
  self->drag_y = y;
  lgsm_ink_model_begin_stroke (self->model, x / width, y / height);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                LgsmInk        *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->model == NULL || width <= 0 || height <= 0)
    return;
  lgsm_ink_model_extend_stroke (self->model, (self->drag_x + dx) / width, (self->drag_y + dy) / height);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             LgsmInk        *self)
{
  on_drag_update (gesture, dx, dy, self);
  if (self->model)
    lgsm_ink_model_end_stroke (self->model);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           LgsmInk                  *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->model == NULL || lgsm_ink_model_get_tool (self->model) != LGSM_INK_TOOL_POINTER ||
      width <= 0 || height <= 0)
    return;
  lgsm_ink_model_set_pointer (self->model, x / width, y / height);
}

static void
on_leave (GtkEventControllerMotion *motion,
          LgsmInk                  *self)
{
  if (self->model)
    lgsm_ink_model_hide_pointer (self->model);
}

LgsmInkModel *
lgsm_ink_get_model (LgsmInk *self)
{
  g_return_val_if_fail (LGSM_IS_INK (self), NULL);
  return self->model;
}

void
lgsm_ink_set_model (LgsmInk      *self,
                    LgsmInkModel *model)
{
  g_return_if_fail (LGSM_IS_INK (self));
  g_return_if_fail (model == NULL || LGSM_IS_INK_MODEL (model));

  if (self->model == model)
    return;
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model)
    {
      g_signal_connect_object (model, "changed", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::tool", G_CALLBACK (follow_tool), self, G_CONNECT_SWAPPED);
    }
  follow_tool (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void
lgsm_ink_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LgsmInk *self = LGSM_INK (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_ink_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LgsmInk *self = LGSM_INK (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      lgsm_ink_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_ink_dispose (GObject *object)
{
  LgsmInk *self = LGSM_INK (object);

  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (lgsm_ink_parent_class)->dispose (object);
}

static void
lgsm_ink_class_init (LgsmInkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_ink_dispose;
  object_class->get_property = lgsm_ink_get_property;
  object_class->set_property = lgsm_ink_set_property;
  widget_class->snapshot = lgsm_ink_snapshot;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, LGSM_TYPE_INK_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "ink");
}

static void
lgsm_ink_init (LgsmInk *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lgsm_ink_new (void)
{
  return g_object_new (LGSM_TYPE_INK, NULL);
}
