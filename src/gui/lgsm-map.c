/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-map.h"
#include "lgsm-layout.h"
#include "lgsm-picture.h"
#include "lgsm-picture-cache.h"

#define MARK     24   /* a mark's size: a target for a finger too */
#define MARK_GAP 8    /* at least this much between two marks */
#define LABEL_GAP 6

/* Britain with a marker for every place record that has a position, and
 * a line for every record that links two or more places (the twinning's
 * twinning of the London group with the valleys' support group). Places that would be drawn
 * on top of one another (London, Camden Town and Islington are a few
 * pixels apart) are drawn apart, in a ring around where they are, each
 * with a leader line to its true position. Markers are buttons: a click
 * or a touch on a marker, or on its name, opens the place; Tab and the
 * arrow keys reach them, Enter opens the place; the one under the pointer
 * or with the keyboard focus always has its name shown. */
struct _LgsmMap
{
  GtkWidget   parent_instance;

  GPtrArray  *places;    /* LgsmRecord with geo */
  GPtrArray  *marks;     /* GtkButton, same order */
  GArray     *routes;    /* pairs of indices into places */
  GArray     *drawn;     /* graphene_point_t per place: where its mark is drawn */
  GArray     *labels;    /* graphene_rect_t per place: its name, or an empty rect */
  int         max_height; /* so that it fits on the screen, or 0 */
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

/* Where a place really is on the map. */
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

/* Where a place's mark is drawn: apart from the others. */
static graphene_point_t *
drawn_at (LgsmMap *self,
          guint    i)
{
  return &g_array_index (self->drawn, graphene_point_t, i);
}

static void
clear (LgsmMap *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->marks, i));
  g_ptr_array_set_size (self->marks, 0);
  g_ptr_array_set_size (self->places, 0);
  g_array_set_size (self->routes, 0);
  g_array_set_size (self->drawn, 0);
  g_array_set_size (self->labels, 0);
}

static void
on_mark_state_changed (GtkWidget     *mark,
                       GtkStateFlags  previous,
                       LgsmMap       *self)
{
  if ((previous ^ gtk_widget_get_state_flags (mark)) &
      (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUSED))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkWidget *
mark_new (LgsmMap    *self,
          LgsmRecord *place)
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
  g_signal_connect_object (mark, "state-flags-changed", G_CALLBACK (on_mark_state_changed), self, 0);
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
      mark = mark_new (self, place);
      gtk_widget_set_parent (mark, GTK_WIDGET (self));
      g_ptr_array_add (self->marks, mark);
      g_ptr_array_add (self->places, g_steal_pointer (&place));
    }
  g_array_set_size (self->drawn, self->places->len);
  g_array_set_size (self->labels, self->places->len);
  add_routes (self, routes);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
lgsm_map_get_n_places (LgsmMap *self)
{
  g_return_val_if_fail (LGSM_IS_MAP (self), 0);
  return self->places->len;
}

/* The mark of the @i-th place, and that place. */
GtkWidget *
lgsm_map_get_mark (LgsmMap *self,
                   guint    i)
{
  g_return_val_if_fail (LGSM_IS_MAP (self), NULL);
  g_return_val_if_fail (i < self->marks->len, NULL);
  return g_ptr_array_index (self->marks, i);
}

LgsmRecord *
lgsm_map_get_place (LgsmMap *self,
                    guint    i)
{
  g_return_val_if_fail (LGSM_IS_MAP (self), NULL);
  g_return_val_if_fail (i < self->places->len, NULL);
  return g_ptr_array_index (self->places, i);
}

/* The name shown beside the @i-th place's mark, in the map's coordinates;
 * FALSE when there is no room for it (it is shown when the mark has the
 * pointer or the focus). */
gboolean
lgsm_map_get_label_bounds (LgsmMap         *self,
                           guint            i,
                           graphene_rect_t *bounds)
{
  g_return_val_if_fail (LGSM_IS_MAP (self), FALSE);
  g_return_val_if_fail (i < self->labels->len, FALSE);

  *bounds = g_array_index (self->labels, graphene_rect_t, i);
  return bounds->size.width > 0;
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
  LgsmMap *self = LGSM_MAP (widget);
  double tallest = self->max_height > 0 ? self->max_height : G_MAXINT;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* any width down to a phone's; as wide as it can be while all of it
       * fits on the screen */
      *minimum = 200;
      *natural = MAX (*minimum, (int) (tallest * LGSM_MAP_WIDTH / LGSM_MAP_HEIGHT));
    }
  else
    /* the artwork's shape: the map uses all the width it is given */
    *minimum = *natural = (int) MIN (tallest, ceil ((for_size < 0 ? LGSM_MAP_WIDTH : for_size) * LGSM_MAP_HEIGHT / LGSM_MAP_WIDTH));
}

/* The map is no taller than @height (the page's, so that all of it can be
 * seen at once); 0 for no limit. */
void
lgsm_map_set_max_height (LgsmMap *self,
                         int      height)
{
  g_return_if_fail (LGSM_IS_MAP (self));

  if (self->max_height == height)
    return;
  self->max_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static GtkSizeRequestMode
lgsm_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Draws places apart. Places closer than a mark and a gap are gathered
 * into clusters; a cluster's marks go round a ring about its middle, in
 * the order they lie around it; then any marks that still touch are
 * pushed apart, and all are kept inside the widget. */
static void
spread_marks (LgsmMap *self,
              int      width,
              int      height)
{
  const double apart = MARK + MARK_GAP;
  guint n = self->places->len;
  g_autofree graphene_point_t *truth = g_new0 (graphene_point_t, MAX (n, 1));
  g_autofree guint *cluster = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      project (self, g_ptr_array_index (self->places, i), &truth[i]);
      cluster[i] = i;
    }
  /* union of every pair closer than @apart (a cluster is named by its
   * smallest member) */
  for (gboolean changed = TRUE; changed;)
    {
      changed = FALSE;
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          if (cluster[i] != cluster[j] && graphene_point_distance (&truth[i], &truth[j], NULL, NULL) < apart)
            {
              guint to = MIN (cluster[i], cluster[j]), from = MAX (cluster[i], cluster[j]);
              for (guint k = 0; k < n; k++)
                if (cluster[k] == from)
                  cluster[k] = to;
              changed = TRUE;
            }
    }

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
      graphene_point_t middle = GRAPHENE_POINT_INIT (0, 0);
      double radius;

      for (guint i = 0; i < n; i++)
        if (cluster[i] == c)
          {
            g_array_append_val (members, i);
            middle.x += truth[i].x;
            middle.y += truth[i].y;
          }
      if (members->len == 0)
        continue;
      middle.x /= members->len;
      middle.y /= members->len;
      if (members->len == 1)
        {
          *drawn_at (self, c) = truth[c];
          continue;
        }
      /* a ring where neighbours are @apart from each other */
      radius = MAX (apart / (2 * sin (G_PI / members->len)), apart / 2);
      /* in the order they lie around the middle (by their index when they
       * lie on top of each other), starting at the top */
      for (guint a = 0; a < members->len; a++)
        for (guint b = a + 1; b < members->len; b++)
          {
            guint ia = g_array_index (members, guint, a), ib = g_array_index (members, guint, b);
            double angle_a = atan2 (truth[ia].y - middle.y, truth[ia].x - middle.x);
            double angle_b = atan2 (truth[ib].y - middle.y, truth[ib].x - middle.x);
            gboolean same_a = graphene_point_distance (&truth[ia], &middle, NULL, NULL) < 0.5;
            gboolean same_b = graphene_point_distance (&truth[ib], &middle, NULL, NULL) < 0.5;

            if (!same_a && !same_b && angle_b < angle_a)
              {
                g_array_index (members, guint, a) = ib;
                g_array_index (members, guint, b) = ia;
              }
          }
      for (guint m = 0; m < members->len; m++)
        {
          double angle = -G_PI / 2 + 2 * G_PI * m / members->len;
          *drawn_at (self, g_array_index (members, guint, m)) =
            GRAPHENE_POINT_INIT (middle.x + radius * cos (angle), middle.y + radius * sin (angle));
        }
    }

  /* what still touches is pushed apart; everything stays inside */
  for (int round = 0; round < 50; round++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            graphene_point_t *a = drawn_at (self, i), *b = drawn_at (self, j);
            double dx = b->x - a->x, dy = b->y - a->y;
            double d = sqrt (dx * dx + dy * dy);

            if (d >= apart - 0.01)
              continue;
            if (d < 0.01)
              {
                dx = cos (j);
                dy = sin (j);
                d = 1;
              }
            a->x -= dx / d * (apart - d) / 2;
            a->y -= dy / d * (apart - d) / 2;
            b->x += dx / d * (apart - d) / 2;
            b->y += dy / d * (apart - d) / 2;
            moved = TRUE;
          }
      for (guint i = 0; i < n; i++)
        {
          graphene_point_t *p = drawn_at (self, i);
          p->x = CLAMP (p->x, MARK / 2.0, MAX (MARK / 2.0, width - MARK / 2.0));
          p->y = CLAMP (p->y, MARK / 2.0, MAX (MARK / 2.0, height - MARK / 2.0));
        }
      if (!moved)
        break;
    }
}

static gboolean
rect_is_free (const graphene_rect_t *rect,
              const graphene_rect_t *bounds,
              GArray                *taken)
{
  if (!graphene_rect_contains_rect (bounds, rect))
    return FALSE;
  for (guint k = 0; k < taken->len; k++)
    if (graphene_rect_intersection (rect, &g_array_index (taken, graphene_rect_t, k), NULL))
      return FALSE;
  return TRUE;
}

/* Where a name could go beside a mark at @p, best first: away from the
 * middle of the mark's cluster when it has been moved, else to the right. */
static void
label_tries (const graphene_point_t *p,
             const graphene_point_t *truth,
             double                  w,
             double                  h,
             graphene_rect_t        *tries)
{
  double d = MARK / 2.0 + LABEL_GAP;
  graphene_rect_t right = GRAPHENE_RECT_INIT (p->x + d, p->y - h / 2, w, h);
  graphene_rect_t left = GRAPHENE_RECT_INIT (p->x - d - w, p->y - h / 2, w, h);
  graphene_rect_t above = GRAPHENE_RECT_INIT (p->x - w / 2, p->y - d - h, w, h);
  graphene_rect_t below = GRAPHENE_RECT_INIT (p->x - w / 2, p->y + d, w, h);
  graphene_rect_t up_right = GRAPHENE_RECT_INIT (p->x + d / 2, p->y - d - h, w, h);
  graphene_rect_t down_right = GRAPHENE_RECT_INIT (p->x + d / 2, p->y + d, w, h);
  graphene_rect_t up_left = GRAPHENE_RECT_INIT (p->x - d / 2 - w, p->y - d - h, w, h);
  graphene_rect_t down_left = GRAPHENE_RECT_INIT (p->x - d / 2 - w, p->y + d, w, h);
  double dx = p->x - truth->x, dy = p->y - truth->y;

  if (ABS (dx) < 1 && ABS (dy) < 1)
    dx = 1;  /* not moved: right first */
  if (ABS (dx) >= ABS (dy))
    {
      tries[0] = dx > 0 ? right : left;
      tries[1] = dy <= 0 ? (dx > 0 ? up_right : up_left) : (dx > 0 ? down_right : down_left);
      tries[2] = dy <= 0 ? above : below;
      tries[3] = dx > 0 ? left : right;
    }
  else
    {
      tries[0] = dy > 0 ? below : above;
      tries[1] = dx >= 0 ? (dy > 0 ? down_right : up_right) : (dy > 0 ? down_left : up_left);
      tries[2] = dx >= 0 ? right : left;
      tries[3] = dy > 0 ? above : below;
    }
  tries[4] = right;
  tries[5] = left;
  tries[6] = up_right;
  tries[7] = down_left;
}

/* A name above or below its mark slides sideways to stay on the map. */
static void
keep_inside (graphene_rect_t       *tries,
             guint                  n,
             const graphene_point_t *p,
             double                 width)
{
  for (guint t = 0; t < n; t++)
    if (tries[t].origin.y + tries[t].size.height <= p->y - MARK / 2.0 || tries[t].origin.y >= p->y + MARK / 2.0)
      tries[t].origin.x = CLAMP (tries[t].origin.x, 0, MAX (0, width - tries[t].size.width));
}

/* A place's name as drawn: on one line, or wrapped at @wrap pixels. */
static PangoLayout *
name_layout (LgsmMap    *self,
             LgsmRecord *place,
             int         wrap)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), lgsm_record_get_title (place));

  if (wrap > 0)
    {
      pango_layout_set_width (layout, wrap * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static gboolean
place_label (LgsmMap         *self,
             guint            i,
             int              wrap,
             graphene_rect_t *bounds,
             GArray          *taken)
{
  LgsmRecord *place = g_ptr_array_index (self->places, i);
  g_autoptr(PangoLayout) layout = name_layout (self, place, wrap);
  graphene_rect_t tries[8];
  graphene_point_t truth;
  int w, h;

  project (self, place, &truth);
  pango_layout_get_pixel_size (layout, &w, &h);
  /* the paper behind the text is a little wider than the text */
  label_tries (drawn_at (self, i), &truth, w + 6, h, tries);
  keep_inside (tries, G_N_ELEMENTS (tries), drawn_at (self, i), bounds->size.width);
  for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
    if (rect_is_free (&tries[t], bounds, taken))
      {
        g_array_index (self->labels, graphene_rect_t, i) = tries[t];
        g_array_append_val (taken, tries[t]);
        return TRUE;
      }
  return FALSE;
}

/* Names beside their marks where they cover no mark and no other name:
 * first the places drawn where they are, then those drawn apart; a name
 * with no room on one line tries two. */
static void
place_labels (LgsmMap *self,
              int      width,
              int      height)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  for (guint i = 0; i < self->places->len; i++)
    {
      graphene_point_t *p = drawn_at (self, i);
      g_array_append_val (taken, GRAPHENE_RECT_INIT (p->x - MARK / 2.0, p->y - MARK / 2.0, MARK, MARK));
      g_array_index (self->labels, graphene_rect_t, i) = GRAPHENE_RECT_INIT (0, 0, 0, 0);
    }
  for (int moved = 0; moved <= 1; moved++)
    for (guint i = 0; i < self->places->len; i++)
      {
        LgsmRecord *place = g_ptr_array_index (self->places, i);
        g_autoptr(PangoLayout) layout = NULL;
        graphene_point_t truth;
        int w;

        project (self, place, &truth);
        if ((graphene_point_distance (&truth, drawn_at (self, i), NULL, NULL) > 1) != moved)
          continue;
        if (place_label (self, i, -1, &bounds, taken))
          continue;
        layout = name_layout (self, place, -1);
        pango_layout_get_pixel_size (layout, &w, NULL);
        place_label (self, i, MAX (w / 2 + 1, 10 * lgsm_widget_char_width (GTK_WIDGET (self))), &bounds, taken);
      }
}

static void
lgsm_map_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  LgsmMap *self = LGSM_MAP (widget);

  spread_marks (self, width, height);
  place_labels (self, width, height);
  for (guint i = 0; i < self->marks->len; i++)
    {
      graphene_point_t *p = drawn_at (self, i);
      int min;

      gtk_widget_measure (g_ptr_array_index (self->marks, i), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (g_ptr_array_index (self->marks, i),
                                &(GtkAllocation) { (int) round (p->x - MARK / 2.0), (int) round (p->y - MARK / 2.0),
                                                   MARK, MARK }, -1);
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

  /* a dotted arc, bowed to the side: a link between places, not a route */
  for (int i = 0; i <= steps; i++)
    {
      double t = (double) i / steps;
      double bow = 4 * t * (1 - t) * length * 0.18;
      double x = a->x + (b->x - a->x) * t - (b->y - a->y) / length * bow;
      double y = a->y + (b->y - a->y) * t + (b->x - a->x) / length * bow;

      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - 2, y - 2, 4, 4));
    }
}

static void
draw_name (LgsmMap               *self,
           GtkSnapshot           *snapshot,
           LgsmRecord            *place,
           const graphene_rect_t *rect,
           gboolean               current)
{
  GdkRGBA ink = { 0.14, 0.12, 0.13, 1 };
  GdkRGBA paper = { 0.99, 0.98, 0.95, current ? 1 : 0.92 };
  /* wrapped as it was placed: the paper is the text's size and a little */
  g_autoptr(PangoLayout) layout = name_layout (self, place, (int) rect->size.width - 6 + 1);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &rect->origin);
  if (current)
    {
      /* the name of what has the pointer or the focus, framed in ink */
      GskRoundedRect outline;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (-2, -2, rect->size.width + 4, rect->size.height + 4), 4);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { ink, ink, ink, ink });
    }
  gtk_snapshot_append_color (snapshot, &paper, &GRAPHENE_RECT_INIT (0, 0, rect->size.width, rect->size.height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (3, 0));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}

/* The mark with the keyboard focus, else the one under the pointer. */
static int
current_mark (LgsmMap *self)
{
  int hovered = -1;

  for (guint i = 0; i < self->marks->len; i++)
    {
      GtkStateFlags state = gtk_widget_get_state_flags (g_ptr_array_index (self->marks, i));

      if (state & GTK_STATE_FLAG_FOCUS_VISIBLE)
        return (int) i;
      if (state & GTK_STATE_FLAG_PRELIGHT)
        hovered = (int) i;
    }
  return hovered;
}

/* The name shown for the mark with the keyboard focus (or, else, the
 * pointer), always drawn; NULL when there is none. */
const char *
lgsm_map_get_current_name (LgsmMap *self)
{
  int current;

  g_return_val_if_fail (LGSM_IS_MAP (self), NULL);
  current = current_mark (self);
  return current >= 0 ? lgsm_record_get_title (g_ptr_array_index (self->places, current)) : NULL;
}

/* Names beside their marks; the name of the mark with the focus (or the
 * pointer) is always shown, over the others if it must. */
static void
draw_names (LgsmMap     *self,
            GtkSnapshot *snapshot)
{
  int current = current_mark (self);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                                               gtk_widget_get_height (GTK_WIDGET (self)));

  for (guint i = 0; i < self->places->len; i++)
    {
      graphene_rect_t *rect = &g_array_index (self->labels, graphene_rect_t, i);

      if (rect->size.width > 0 && (int) i != current)
        draw_name (self, snapshot, g_ptr_array_index (self->places, i), rect, FALSE);
    }
  if (current >= 0)
    {
      LgsmRecord *place = g_ptr_array_index (self->places, current);
      graphene_rect_t rect = g_array_index (self->labels, graphene_rect_t, current);

      if (rect.size.width <= 0)
        {
          g_autoptr(PangoLayout) layout = name_layout (self, place, MAX (1, (int) bounds.size.width - 8));
          graphene_rect_t tries[8];
          graphene_point_t truth;
          int w, h;

          project (self, place, &truth);
          pango_layout_get_pixel_size (layout, &w, &h);
          label_tries (drawn_at (self, current), &truth, w + 6, h, tries);
          keep_inside (tries, G_N_ELEMENTS (tries), drawn_at (self, current), bounds.size.width);
          rect = tries[0];
          for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
            if (graphene_rect_contains_rect (&bounds, &tries[t]))
              {
                rect = tries[t];
                break;
              }
          /* too wide for the map: along its top, as much as fits */
          if (!graphene_rect_contains_rect (&bounds, &rect))
            rect = GRAPHENE_RECT_INIT (MAX (0, (bounds.size.width - rect.size.width) / 2), 2, rect.size.width, rect.size.height);
        }
      draw_name (self, snapshot, place, &rect, TRUE);
    }
}

static void
lgsm_map_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  LgsmMap *self = LGSM_MAP (widget);
  GdkRGBA pink = { 0.91, 0.21, 0.56, 1 };
  GdkRGBA ink = { 0.14, 0.12, 0.13, 1 };
  graphene_rect_t frame;

  map_frame (self, &frame);
  ensure_texture (self, (int) frame.size.width, (int) frame.size.height);
  if (self->texture)
    gtk_snapshot_append_texture (snapshot, self->texture, &frame);

  for (guint i = 0; i + 1 < self->routes->len; i += 2)
    draw_route (snapshot, drawn_at (self, g_array_index (self->routes, guint, i)),
                drawn_at (self, g_array_index (self->routes, guint, i + 1)), &pink);

  /* leader lines from marks drawn apart to where the places are */
  for (guint i = 0; i < self->places->len; i++)
    {
      graphene_point_t truth, *p = drawn_at (self, i);
      double length, dx, dy;

      project (self, g_ptr_array_index (self->places, i), &truth);
      dx = truth.x - p->x;
      dy = truth.y - p->y;
      length = sqrt (dx * dx + dy * dy);
      if (length < MARK / 2.0)
        continue;
      for (double t = MARK / 2.0; t < length; t += 1)
        gtk_snapshot_append_color (snapshot, &ink,
                                   &GRAPHENE_RECT_INIT (p->x + dx * t / length - 0.75, p->y + dy * t / length - 0.75, 1.5, 1.5));
      gtk_snapshot_append_color (snapshot, &ink, &GRAPHENE_RECT_INIT (truth.x - 2.5, truth.y - 2.5, 5, 5));
    }
  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->marks, i), snapshot);
  draw_names (self, snapshot);
}

/* A click or a touch on a place's name opens it, as its mark does. */
static void
on_name_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 LgsmMap         *self)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      graphene_rect_t *rect = &g_array_index (self->labels, graphene_rect_t, i);

      if (rect->size.width > 0 && graphene_rect_contains_point (rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (gtk_gesture_is_active (GTK_GESTURE (gesture)))
            gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          gtk_widget_activate (g_ptr_array_index (self->marks, i));
          return;
        }
    }
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

  from = *drawn_at (self, index);
  for (guint i = 0; i < self->places->len; i++)
    {
      graphene_point_t to = *drawn_at (self, i);
      double along, across;

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
  g_array_unref (self->drawn);
  g_array_unref (self->labels);

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
  widget_class->get_request_mode = lgsm_map_get_request_mode;
  widget_class->size_allocate = lgsm_map_size_allocate;
  widget_class->snapshot = lgsm_map_snapshot;

  gtk_widget_class_set_css_name (widget_class, "map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lgsm_map_init (LgsmMap *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->places = g_ptr_array_new_with_free_func (g_object_unref);
  self->marks = g_ptr_array_new ();
  self->routes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->drawn = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  self->labels = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (on_name_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: for screen readers: the map on the Onllwyn
                                     twinning tab */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of Britain"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  /* Translators: for screen readers: what the map shows; the
                                     valleys are those of the Neath, Dulais and Swansea rivers in
                                     south Wales */
                                  _("Places in the story, with a line for the twinning of London and the valleys"),
                                  -1);
}

GtkWidget *
lgsm_map_new (void)
{
  return g_object_new (LGSM_TYPE_MAP, NULL);
}
