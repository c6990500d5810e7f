/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-map.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"

#define MARK 20

/* Britain with a marker for every place record that has a position, and
 * a line for every record that links two or more places (the twinning's
 * journeys between London and the valleys). Markers are buttons: Tab and
 * the arrow keys reach them, Enter opens the place. */
struct _LgsmMap
{
  GtkWidget   parent_instance;

  GPtrArray  *places;    /* LgsmRecord with geo */
  GPtrArray  *marks;     /* GtkButton, same order */
  GArray     *routes;    /* pairs of indices into places */
  GdkTexture *texture;
  int         texture_width;
};

G_DEFINE_FINAL_TYPE (LgsmMap, lgsm_map, GTK_TYPE_WIDGET)

/* Where the map sits in the widget: contained, centred. */
static void
map_frame (LgsmMap         *self,
           graphene_rect_t *frame)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double scale = MIN (w / LGSM_MAP_WIDTH, h / LGSM_MAP_HEIGHT);

  graphene_rect_init (frame, (w - LGSM_MAP_WIDTH * scale) / 2, (h - LGSM_MAP_HEIGHT * scale) / 2,
                      LGSM_MAP_WIDTH * scale, LGSM_MAP_HEIGHT * scale);
}

static void
project (LgsmMap          *self,
         LgsmRecord       *place,
         graphene_point_t *point)
{
  graphene_rect_t frame;
  double lat, lon;

  map_frame (self, &frame);
  lgsm_record_get_geo (place, &lat, &lon);
  point->x = frame.origin.x + LGSM_MAP_X (lon) / LGSM_MAP_WIDTH * frame.size.width;
  point->y = frame.origin.y + LGSM_MAP_Y (lat) / LGSM_MAP_HEIGHT * frame.size.height;
}

static void
clear (LgsmMap *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->marks, i));
  g_ptr_array_set_size (self->marks, 0);
  g_ptr_array_set_size (self->places, 0);
  g_array_set_size (self->routes, 0);
}

static GtkWidget *
mark_new (LgsmRecord *place)
{
  GtkWidget *mark = gtk_button_new ();

  gtk_widget_add_css_class (mark, "map-mark");
  gtk_widget_set_tooltip_text (mark, lgsm_record_get_title (place));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lgsm_record_get_title (place),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lgsm_record_get_summary (place),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (mark), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (mark), "s", lgsm_record_get_id (place));
  return mark;
}

static void
add_routes (LgsmMap    *self,
            GListModel *routes)
{
  guint n = routes ? g_list_model_get_n_items (routes) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (routes, i);
      const char * const *ids = lgsm_record_get_places (record);
      int previous = -1;

      for (guint j = 0; ids[j]; j++)
        for (guint k = 0; k < self->places->len; k++)
          if (g_strcmp0 (ids[j], lgsm_record_get_id (g_ptr_array_index (self->places, k))) == 0)
            {
              if (previous >= 0 && previous != (int) k)
                {
                  guint pair[2] = { (guint) previous, k };
                  g_array_append_vals (self->routes, pair, 2);
                }
              previous = (int) k;
            }
    }
}

/* @routes: records whose places are joined by lines, in the order listed */
void
lgsm_map_set_exhibition (LgsmMap        *self,
                         LgsmExhibition *exhibition,
                         GListModel     *routes)
{
  LgsmSection *section;
  GListModel *places;
  guint n;

  g_return_if_fail (LGSM_IS_MAP (self));

  clear (self);
  section = lgsm_exhibition_get_section (exhibition, "places");
  places = section ? lgsm_section_get_records (section) : NULL;
  n = places ? g_list_model_get_n_items (places) : 0;
  for (guint i = 0; i < n && self->places->len < 200; i++)
    {
      g_autoptr(LgsmRecord) place = g_list_model_get_item (places, i);
      GtkWidget *mark;

      if (!lgsm_record_get_geo (place, NULL, NULL))
        continue;
      mark = mark_new (place);
      gtk_widget_set_parent (mark, GTK_WIDGET (self));
      g_ptr_array_add (self->marks, mark);
      g_ptr_array_add (self->places, g_steal_pointer (&place));
    }
  add_routes (self, routes);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
lgsm_map_get_n_places (LgsmMap *self)
{
  g_return_val_if_fail (LGSM_IS_MAP (self), 0);
  return self->places->len;
}

static void
lgsm_map_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 300;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 380 : 560;
}

static void
lgsm_map_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  LgsmMap *self = LGSM_MAP (widget);

  for (guint i = 0; i < self->marks->len; i++)
    {
      graphene_point_t p;
      int min;

      project (self, g_ptr_array_index (self->places, i), &p);
      gtk_widget_measure (g_ptr_array_index (self->marks, i), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (g_ptr_array_index (self->marks, i),
                                &(GtkAllocation) { (int) p.x - MARK / 2, (int) p.y - MARK / 2, MARK, MARK }, -1);
    }
}

static void
ensure_texture (LgsmMap *self,
                int      width,
                int      height)
{
  g_autoptr(GError) error = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  width *= scale;
  height *= scale;
  if (self->texture && ABS (self->texture_width - width) < width / 8)
    return;
  g_clear_object (&self->texture);
  self->texture = lgsm_texture_load_sync ("resource://" RESOURCE_PREFIX "images/map-britain.svg",
                                          width, height, &error);
  self->texture_width = width;
  if (self->texture == NULL)
    g_warning ("Cannot draw the map: %s", error->message);
}

static void
draw_route (GtkSnapshot            *snapshot,
            const graphene_point_t *a,
            const graphene_point_t *b,
            const GdkRGBA          *color)
{
  double length = graphene_point_distance (a, b, NULL, NULL);
  int steps = MAX (2, (int) (length / 6));

  /* a dotted arc, bowed to the side, like a journey drawn on a map */
  for (int i = 0; i <= steps; i++)
    {
      double t = (double) i / steps;
      double bow = 4 * t * (1 - t) * length * 0.18;
      double x = a->x + (b->x - a->x) * t - (b->y - a->y) / length * bow;
      double y = a->y + (b->y - a->y) * t + (b->x - a->x) / length * bow;

      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - 2, y - 2, 4, 4));
    }
}

/* Names beside their markers: right, left, above or below, whichever
 * does not cover a name already placed; a name with no room is left to
 * the marker's tooltip and accessible name. */
static void
draw_names (LgsmMap     *self,
            GtkSnapshot *snapshot)
{
  GdkRGBA ink = { 0.14, 0.12, 0.13, 1 };
  GdkRGBA paper = { 0.96, 0.94, 0.89, 0.9 };
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_rect_t bounds;

  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)));
  for (guint i = 0; i < self->places->len; i++)
    {
      graphene_point_t p;

      project (self, g_ptr_array_index (self->places, i), &p);
      g_array_append_val (placed, GRAPHENE_RECT_INIT (p.x - MARK / 2, p.y - MARK / 2, MARK, MARK));
    }

  for (guint i = 0; i < self->places->len; i++)
    {
      LgsmRecord *place = g_ptr_array_index (self->places, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), lgsm_record_get_title (place));
      graphene_point_t p;
      int w, h;

      project (self, place, &p);
      pango_layout_get_pixel_size (layout, &w, &h);
      {
        graphene_rect_t tries[] = {
          GRAPHENE_RECT_INIT (p.x + 14, p.y - h / 2.0, w, h),
          GRAPHENE_RECT_INIT (p.x - 14 - w, p.y - h / 2.0, w, h),
          GRAPHENE_RECT_INIT (p.x - w / 2.0, p.y - 12 - h, w, h),
          GRAPHENE_RECT_INIT (p.x - w / 2.0, p.y + 12, w, h),
        };

        for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
          {
            gboolean free = graphene_rect_contains_rect (&bounds, &tries[t]);

            for (guint k = 0; free && k < placed->len; k++)
              free = !graphene_rect_intersection (&tries[t], &g_array_index (placed, graphene_rect_t, k), NULL);
            if (!free)
              continue;
            g_array_append_val (placed, tries[t]);
            gtk_snapshot_save (snapshot);
            gtk_snapshot_translate (snapshot, &tries[t].origin);
            gtk_snapshot_append_color (snapshot, &paper, &GRAPHENE_RECT_INIT (-3, 0, w + 6, h));
            gtk_snapshot_append_layout (snapshot, layout, &ink);
            gtk_snapshot_restore (snapshot);
            break;
          }
      }
    }
}

static void
lgsm_map_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  LgsmMap *self = LGSM_MAP (widget);
  GdkRGBA pink = { 0.91, 0.21, 0.56, 1 };
  graphene_rect_t frame;

  map_frame (self, &frame);
  ensure_texture (self, (int) frame.size.width, (int) frame.size.height);
  if (self->texture)
    gtk_snapshot_append_texture (snapshot, self->texture, &frame);

  for (guint i = 0; i + 1 < self->routes->len; i += 2)
    {
      graphene_point_t a, b;

      project (self, g_ptr_array_index (self->places, g_array_index (self->routes, guint, i)), &a);
      project (self, g_ptr_array_index (self->places, g_array_index (self->routes, guint, i + 1)), &b);
      draw_route (snapshot, &a, &b, &pink);
    }
  draw_names (self, snapshot);
  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->marks, i), snapshot);
}

/* Arrow keys move to the nearest marker in that direction. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LgsmMap               *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  double dx = 0, dy = 0, best_score = G_MAXDOUBLE;
  graphene_point_t from;
  guint index, best = G_MAXUINT;

  switch (keyval)
    {
    case GDK_KEY_Left: dx = -1; break;
    case GDK_KEY_Right: dx = 1; break;
    case GDK_KEY_Up: dy = -1; break;
    case GDK_KEY_Down: dy = 1; break;
    default: return FALSE;
    }
  if (self->marks->len == 0)
    return FALSE;
  if (focus == NULL || !g_ptr_array_find (self->marks, focus, &index))
    {
      gtk_widget_grab_focus (g_ptr_array_index (self->marks, 0));
      return TRUE;
    }

  project (self, g_ptr_array_index (self->places, index), &from);
  for (guint i = 0; i < self->places->len; i++)
    {
      graphene_point_t to;
      double along, across;

      project (self, g_ptr_array_index (self->places, i), &to);
      along = (to.x - from.x) * dx + (to.y - from.y) * dy;
      across = ABS ((to.x - from.x) * dy) + ABS ((to.y - from.y) * dx);
      if (i == index || along <= 0)
        continue;
      if (along + 2 * across < best_score)
        {
          best_score = along + 2 * across;
          best = i;
        }
    }
  if (best != G_MAXUINT)
    gtk_widget_grab_focus (g_ptr_array_index (self->marks, best));
  return TRUE;
}

static void
lgsm_map_dispose (GObject *object)
{
  LgsmMap *self = LGSM_MAP (object);

  if (self->marks)
    clear (self);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (lgsm_map_parent_class)->dispose (object);
}

static void
lgsm_map_finalize (GObject *object)
{
  LgsmMap *self = LGSM_MAP (object);

  g_ptr_array_unref (self->marks);
  g_ptr_array_unref (self->places);
  g_array_unref (self->routes);

  G_OBJECT_CLASS (lgsm_map_parent_class)->finalize (object);
}

static void
lgsm_map_class_init (LgsmMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_map_dispose;
  object_class->finalize = lgsm_map_finalize;
  widget_class->measure = lgsm_map_measure;
  widget_class->size_allocate = lgsm_map_size_allocate;
  widget_class->snapshot = lgsm_map_snapshot;

  gtk_widget_class_set_css_name (widget_class, "map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lgsm_map_init (LgsmMap *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->places = g_ptr_array_new_with_free_func (g_object_unref);
  self->marks = g_ptr_array_new ();
  self->routes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: for screen readers: the map on the Onllwyn
                                     twinning tab */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of Britain"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  /* Translators: for screen readers: what the map shows; the
                                     valleys are those of the Neath, Dulais and Swansea rivers in
                                     south Wales */
                                  _("Places in the story, with the journeys between London and the valleys"),
                                  -1);
}

GtkWidget *
lgsm_map_new (void)
{
  return g_object_new (LGSM_TYPE_MAP, NULL);
}
