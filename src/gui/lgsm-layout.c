/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-layout.h"

#define WRAP_SPACING 6

/* The average width of a character in @widget's font, in pixels: sizes
 * given in characters follow the text size (Ctrl+plus, the desktop's
 * large text). */
int
lgsm_widget_char_width (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = pango_font_metrics_get_approximate_char_width (metrics);

  pango_font_metrics_unref (metrics);
  return MAX (1, PANGO_PIXELS_CEIL (width));
}

static void
dispose_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* ---- LgsmClamp ------------------------------------------------------------ */

struct _LgsmClamp
{
  GtkWidget parent_instance;
  int       max_chars;
};

G_DEFINE_FINAL_TYPE (LgsmClamp, lgsm_clamp, GTK_TYPE_WIDGET)

enum { CLAMP_PROP_0, CLAMP_PROP_MAX_CHARS };

static int
clamp_child_width (LgsmClamp *self,
                   GtkWidget *child,
                   int        width)
{
  int min, largest = self->max_chars * lgsm_widget_char_width (GTK_WIDGET (self));

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return MAX (min, MIN (width, largest));
}

static void
lgsm_clamp_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  LgsmClamp *self = LGSM_CLAMP (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (child, orientation, -1, minimum, natural, NULL, NULL);
      *natural = MAX (*minimum, MIN (*natural, self->max_chars * lgsm_widget_char_width (widget)));
    }
  else
    gtk_widget_measure (child, orientation, for_size < 0 ? -1 : clamp_child_width (self, child, for_size),
                        minimum, natural, NULL, NULL);
}

static void
lgsm_clamp_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  LgsmClamp *self = LGSM_CLAMP (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_width;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  child_width = clamp_child_width (self, child, width);
  gtk_widget_size_allocate (child, &(GtkAllocation) { MAX (0, (width - child_width) / 2), 0, child_width, height },
                            baseline);
}

static GtkSizeRequestMode
lgsm_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_clamp_dispose (GObject *object)
{
  dispose_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (lgsm_clamp_parent_class)->dispose (object);
}

static void
lgsm_clamp_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case CLAMP_PROP_MAX_CHARS:
      g_value_set_int (value, LGSM_CLAMP (object)->max_chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_clamp_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case CLAMP_PROP_MAX_CHARS:
      lgsm_clamp_set_max_chars (LGSM_CLAMP (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_clamp_class_init (LgsmClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_clamp_dispose;
  object_class->get_property = lgsm_clamp_get_property;
  object_class->set_property = lgsm_clamp_set_property;
  widget_class->measure = lgsm_clamp_measure;
  widget_class->size_allocate = lgsm_clamp_size_allocate;
  widget_class->get_request_mode = lgsm_clamp_get_request_mode;

  g_object_class_install_property (object_class, CLAMP_PROP_MAX_CHARS,
    g_param_spec_int ("max-chars", NULL, NULL, 1, G_MAXINT, 80,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  gtk_widget_class_set_css_name (widget_class, "clamp");
}

static void
lgsm_clamp_init (LgsmClamp *self)
{
  self->max_chars = 80;
}

GtkWidget *
lgsm_clamp_new (GtkWidget *child,
                int        max_chars)
{
  LgsmClamp *self = g_object_new (LGSM_TYPE_CLAMP, "max-chars", max_chars, NULL);

  if (child)
    gtk_widget_set_parent (child, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

void
lgsm_clamp_set_max_chars (LgsmClamp *self,
                          int        max_chars)
{
  g_return_if_fail (LGSM_IS_CLAMP (self));

  if (self->max_chars == max_chars)
    return;
  self->max_chars = max_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), "max-chars");
}

/* ---- LgsmWrapBox ---------------------------------------------------------- */

struct _LgsmWrapBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LgsmWrapBox, lgsm_wrap_box, GTK_TYPE_WIDGET)

/* The width a child gets on a line @width wide. */
static int
wrap_child_width (GtkWidget *child,
                  int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return MAX (min, MIN (nat, width));
}

/* Lays the children out in lines @width wide; allocates them when
 * @allocate. Returns the height used. */
static int
wrap_layout (GtkWidget *widget,
             int        width,
             gboolean   allocate)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (line_start)
    {
      GtkWidget *child, *line_end;
      int x = 0, line_height = 0;

      /* which children fit on this line, and how tall it is */
      for (child = line_start; child; child = gtk_widget_get_next_sibling (child))
        {
          int w, h;

          if (!gtk_widget_should_layout (child))
            continue;
          w = wrap_child_width (child, width);
          if (x > 0 && x + w > width)
            break;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &h, NULL, NULL, NULL);
          line_height = MAX (line_height, h);
          x += w + WRAP_SPACING;
        }
      line_end = child;

      if (allocate)
        for (child = line_start, x = 0; child != line_end; child = gtk_widget_get_next_sibling (child))
          {
            int w;

            if (!gtk_widget_should_layout (child))
              continue;
            w = wrap_child_width (child, width);
            gtk_widget_size_allocate (child,
                                      &(GtkAllocation) { rtl ? width - x - w : x, y, w, line_height }, -1);
            x += w + WRAP_SPACING;
          }
      if (line_height > 0)
        y += line_height + WRAP_SPACING;
      line_start = line_end;
    }
  return MAX (0, y - WRAP_SPACING);
}

static void
lgsm_wrap_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (nat > 0 ? WRAP_SPACING : 0);
        }
      *minimum = min;
      *natural = MAX (min, nat);
      return;
    }
  if (for_size < 0)
    {
      int w_min, w_nat;

      lgsm_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &w_min, &w_nat, NULL, NULL);
      for_size = w_nat;
    }
  *minimum = *natural = wrap_layout (widget, for_size, FALSE);
}

static void
lgsm_wrap_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  wrap_layout (widget, width, TRUE);
}

static GtkSizeRequestMode
lgsm_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_wrap_box_dispose (GObject *object)
{
  dispose_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (lgsm_wrap_box_parent_class)->dispose (object);
}

static void
lgsm_wrap_box_class_init (LgsmWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_wrap_box_dispose;
  widget_class->measure = lgsm_wrap_box_measure;
  widget_class->size_allocate = lgsm_wrap_box_size_allocate;
  widget_class->get_request_mode = lgsm_wrap_box_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lgsm_wrap_box_init (LgsmWrapBox *self)
{
}

GtkWidget *
lgsm_wrap_box_new (void)
{
  return g_object_new (LGSM_TYPE_WRAP_BOX, NULL);
}

void
lgsm_wrap_box_append (LgsmWrapBox *self,
                      GtkWidget   *child)
{
  g_return_if_fail (LGSM_IS_WRAP_BOX (self));
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
lgsm_wrap_box_remove_all (LgsmWrapBox *self)
{
  g_return_if_fail (LGSM_IS_WRAP_BOX (self));
  dispose_children (GTK_WIDGET (self));
}

/* ---- LgsmHeading ---------------------------------------------------------- */

struct _LgsmHeading
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LgsmHeading, lgsm_heading, GTK_TYPE_WIDGET)

static gboolean
lgsm_heading_grab_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root == NULL || !gtk_widget_get_focusable (widget))
    return FALSE;
  gtk_root_set_focus (root, widget);
  return TRUE;
}

/* Not a Tab stop: Tab moves on from it, and never onto it. */
static gboolean
lgsm_heading_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  return FALSE;
}

static void
lgsm_heading_dispose (GObject *object)
{
  dispose_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (lgsm_heading_parent_class)->dispose (object);
}

static void
lgsm_heading_class_init (LgsmHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_heading_dispose;
  widget_class->grab_focus = lgsm_heading_grab_focus;
  widget_class->focus = lgsm_heading_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heading");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_HEADING);
}

static void
lgsm_heading_init (LgsmHeading *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/* ---- LgsmSplitLayout ------------------------------------------------------ */

struct _LgsmSplitLayout
{
  GtkLayoutManager parent_instance;
  int              threshold_chars;
  double           first_fraction;
  int              first_max_chars;
  int              spacing;
};

G_DEFINE_FINAL_TYPE (LgsmSplitLayout, lgsm_split_layout, GTK_TYPE_LAYOUT_MANAGER)

enum { SPLIT_PROP_0, SPLIT_PROP_THRESHOLD_CHARS, SPLIT_PROP_FIRST_FRACTION, SPLIT_PROP_FIRST_MAX_CHARS,
       SPLIT_PROP_SPACING, SPLIT_N_PROPS };
static GParamSpec *split_props[SPLIT_N_PROPS];

static int
count_children (GtkWidget *widget)
{
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);
  return n;
}

/* The widths of the children in a row @width wide, in @widths (one per
 * child laid out); FALSE when they do not fit in a row. */
static gboolean
split_row_widths (LgsmSplitLayout *self,
                  GtkWidget       *widget,
                  int              width,
                  int             *widths)
{
  int cw = lgsm_widget_char_width (widget);
  int n = count_children (widget), i = 0, used = 0, n_expand = 0, min_sum = 0;
  GtkWidget *child;

  if (n == 0 || width < self->threshold_chars * cw)
    return FALSE;
  for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      min_sum += min;
      if (i == 0 && self->first_fraction > 0)
        {
          int largest = self->first_max_chars > 0 ? self->first_max_chars * cw : G_MAXINT;
          /* its share of the width, but no wider than it would be */
          widths[i] = MAX (min, MIN (MIN ((int) (width * self->first_fraction), largest), nat));
        }
      else if (gtk_widget_get_hexpand (child))
        {
          widths[i] = -min;  /* shares what is left, at least its minimum */
          n_expand++;
        }
      else
        widths[i] = MAX (min, nat);
      used += MAX (widths[i], 0);
      i++;
    }
  used += (n - 1) * self->spacing;
  if (min_sum + (n - 1) * self->spacing > width)
    return FALSE;
  for (i = 0; i < n; i++)
    if (widths[i] <= 0)
      {
        int share = n_expand > 0 ? (width - used) / n_expand : 0;
        widths[i] = MAX (-widths[i], share);
      }
  {
    int total = (n - 1) * self->spacing;
    for (i = 0; i < n; i++)
      total += widths[i];
    return total <= width;
  }
}

gboolean
lgsm_split_layout_is_row (LgsmSplitLayout *self,
                          GtkWidget       *widget,
                          int              width)
{
  int n = count_children (widget);
  g_autofree int *widths = g_new0 (int, MAX (n, 1));

  return split_row_widths (self, widget, width, widths);
}

static void
lgsm_split_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  LgsmSplitLayout *self = LGSM_SPLIT_LAYOUT (manager);
  int n = count_children (widget);
  g_autofree int *widths = g_new0 (int, MAX (n, 1));
  int min = 0, nat = 0, i = 0;
  gboolean row;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (i++ > 0 ? self->spacing : 0);
        }
      *minimum = min;
      *natural = MAX (min, nat);
      return;
    }

  if (for_size < 0)
    {
      int w_min, w_nat;
      lgsm_split_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1, &w_min, &w_nat, NULL, NULL);
      for_size = w_nat;
    }
  row = split_row_widths (self, widget, for_size, widths);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, row ? widths[i] : for_size, &child_min, &child_nat, NULL, NULL);
      if (row)
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
      else
        {
          min += child_min + (i > 0 ? self->spacing : 0);
          nat += child_nat + (i > 0 ? self->spacing : 0);
        }
      i++;
    }
  *minimum = min;
  *natural = nat;
}

static void
lgsm_split_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  LgsmSplitLayout *self = LGSM_SPLIT_LAYOUT (manager);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int n = count_children (widget);
  g_autofree int *widths = g_new0 (int, MAX (n, 1));
  gboolean row = split_row_widths (self, widget, width, widths);
  int nat_sum = 0, i = 0, pos = 0;

  if (!row)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_should_layout (child))
        {
          int child_nat;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_nat, NULL, NULL);
          nat_sum += child_nat + (nat_sum > 0 ? self->spacing : 0);
        }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      if (row)
        {
          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { rtl ? width - pos - widths[i] : pos, 0, widths[i], height }, -1);
          pos += widths[i] + self->spacing;
        }
      else
        {
          int h;

          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
          h = nat_sum <= height ? child_nat : child_min;
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, pos, width, h }, -1);
          pos += h + self->spacing;
        }
      i++;
    }
}

static GtkSizeRequestMode
lgsm_split_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_split_layout_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LgsmSplitLayout *self = LGSM_SPLIT_LAYOUT (object);

  switch (prop_id)
    {
    case SPLIT_PROP_THRESHOLD_CHARS:
      g_value_set_int (value, self->threshold_chars);
      break;
    case SPLIT_PROP_FIRST_FRACTION:
      g_value_set_double (value, self->first_fraction);
      break;
    case SPLIT_PROP_FIRST_MAX_CHARS:
      g_value_set_int (value, self->first_max_chars);
      break;
    case SPLIT_PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_split_layout_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LgsmSplitLayout *self = LGSM_SPLIT_LAYOUT (object);

  switch (prop_id)
    {
    case SPLIT_PROP_THRESHOLD_CHARS:
      self->threshold_chars = g_value_get_int (value);
      break;
    case SPLIT_PROP_FIRST_FRACTION:
      self->first_fraction = g_value_get_double (value);
      break;
    case SPLIT_PROP_FIRST_MAX_CHARS:
      self->first_max_chars = g_value_get_int (value);
      break;
    case SPLIT_PROP_SPACING:
      self->spacing = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

static void
lgsm_split_layout_class_init (LgsmSplitLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = lgsm_split_layout_get_property;
  object_class->set_property = lgsm_split_layout_set_property;
  layout_class->measure = lgsm_split_layout_measure;
  layout_class->allocate = lgsm_split_layout_allocate;
  layout_class->get_request_mode = lgsm_split_layout_get_request_mode;

  split_props[SPLIT_PROP_THRESHOLD_CHARS] =
    g_param_spec_int ("threshold-chars", NULL, NULL, 0, G_MAXINT, 80,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  split_props[SPLIT_PROP_FIRST_FRACTION] =
    g_param_spec_double ("first-fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  split_props[SPLIT_PROP_FIRST_MAX_CHARS] =
    g_param_spec_int ("first-max-chars", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  split_props[SPLIT_PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 12,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SPLIT_N_PROPS, split_props);
}

static void
lgsm_split_layout_init (LgsmSplitLayout *self)
{
  self->threshold_chars = 80;
  self->spacing = 12;
}

/* ---- LgsmFitBin ------------------------------------------------------------ */

struct _LgsmFitBin
{
  GtkWidget parent_instance;
  gboolean  compact;
  gboolean  applied;  /* the children's visibility has been set once */
};

G_DEFINE_FINAL_TYPE (LgsmFitBin, lgsm_fit_bin, GTK_TYPE_WIDGET)

static void
fit_children (GtkWidget  *widget,
              GtkWidget **full,
              GtkWidget **compact)
{
  *full = gtk_widget_get_first_child (widget);
  *compact = *full ? gtk_widget_get_next_sibling (*full) : NULL;
}

static void
lgsm_fit_bin_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *full, *compact;
  int full_min = 0, full_nat = 0, compact_min = 0, compact_nat = 0;

  fit_children (widget, &full, &compact);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (full)
        gtk_widget_measure (full, orientation, -1, &full_min, &full_nat, NULL, NULL);
      if (compact)
        gtk_widget_measure (compact, orientation, -1, &compact_min, &compact_nat, NULL, NULL);
      *minimum = compact ? compact_min : full_min;
      *natural = MAX (*minimum, full_nat);
      return;
    }
  /* as tall as the one shown at that width */
  *minimum = *natural = 0;
  if (full)
    gtk_widget_measure (full, GTK_ORIENTATION_HORIZONTAL, -1, &full_min, NULL, NULL, NULL);
  if (compact && for_size >= 0 && for_size < full_min)
    {
      gtk_widget_measure (compact, GTK_ORIENTATION_HORIZONTAL, -1, &compact_min, &compact_nat, NULL, NULL);
      gtk_widget_measure (compact, orientation, MAX (compact_min, MIN (for_size, compact_nat)), minimum, natural, NULL, NULL);
    }
  else if (full)
    gtk_widget_measure (full, orientation, -1, minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
lgsm_fit_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_fit_bin_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  LgsmFitBin *self = LGSM_FIT_BIN (widget);
  GtkWidget *full, *compact, *shown, *hidden;
  int full_min = 0, nat = 0, min = 0;
  gboolean use_compact;

  fit_children (widget, &full, &compact);
  if (full == NULL)
    return;
  gtk_widget_measure (full, GTK_ORIENTATION_HORIZONTAL, -1, &full_min, NULL, NULL, NULL);
  use_compact = compact != NULL && width < full_min;
  shown = use_compact ? compact : full;
  hidden = use_compact ? full : compact;
  if (!self->applied || self->compact != use_compact)
    {
      /* the one not shown is kept measurable (visible), but is neither
       * drawn nor presented to screen readers */
      if (hidden)
        {
          gtk_widget_set_child_visible (hidden, FALSE);
          gtk_accessible_update_state (GTK_ACCESSIBLE (hidden), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
        }
      gtk_widget_set_child_visible (shown, TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
      self->applied = TRUE;
    }
  gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  nat = MAX (min, MIN (nat, width));
  gtk_widget_size_allocate (shown, &(GtkAllocation) { (width - nat) / 2, 0, nat, height }, baseline);
  if (self->compact != use_compact)
    {
      self->compact = use_compact;
      g_object_notify (G_OBJECT (self), "compact");
    }
}

static void
lgsm_fit_bin_dispose (GObject *object)
{
  dispose_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (lgsm_fit_bin_parent_class)->dispose (object);
}

static void
lgsm_fit_bin_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case 1:
      g_value_set_boolean (value, LGSM_FIT_BIN (object)->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_fit_bin_class_init (LgsmFitBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_fit_bin_dispose;
  object_class->get_property = lgsm_fit_bin_get_property;
  widget_class->measure = lgsm_fit_bin_measure;
  widget_class->size_allocate = lgsm_fit_bin_size_allocate;
  widget_class->get_request_mode = lgsm_fit_bin_get_request_mode;

  g_object_class_install_property (object_class, 1,
    g_param_spec_boolean ("compact", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  gtk_widget_class_set_css_name (widget_class, "fitbin");
}

static void
lgsm_fit_bin_init (LgsmFitBin *self)
{
}

gboolean
lgsm_fit_bin_get_compact (LgsmFitBin *self)
{
  g_return_val_if_fail (LGSM_IS_FIT_BIN (self), FALSE);
  return self->compact;
}

/* ---- LgsmAspectBin --------------------------------------------------------- */

struct _LgsmAspectBin
{
  GtkWidget parent_instance;
  double    ratio;
  int       min_height;
  int       max_height;
};

G_DEFINE_FINAL_TYPE (LgsmAspectBin, lgsm_aspect_bin, GTK_TYPE_WIDGET)

enum { ASPECT_PROP_0, ASPECT_PROP_RATIO, ASPECT_PROP_MIN_HEIGHT, ASPECT_PROP_MAX_HEIGHT };

static void
lgsm_aspect_bin_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LgsmAspectBin *self = LGSM_ASPECT_BIN (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (child && gtk_widget_should_layout (child))
        gtk_widget_measure (child, orientation, -1, minimum, natural, NULL, NULL);
      return;
    }
  *minimum = *natural = for_size < 0 ? self->max_height
                                     : CLAMP ((int) (for_size * self->ratio), self->min_height, self->max_height);
}

static void
lgsm_aspect_bin_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child && gtk_widget_should_layout (child))
    gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, height }, baseline);
}

static GtkSizeRequestMode
lgsm_aspect_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_aspect_bin_dispose (GObject *object)
{
  dispose_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (lgsm_aspect_bin_parent_class)->dispose (object);
}

static void
lgsm_aspect_bin_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LgsmAspectBin *self = LGSM_ASPECT_BIN (object);

  switch (prop_id)
    {
    case ASPECT_PROP_RATIO:
      g_value_set_double (value, self->ratio);
      break;
    case ASPECT_PROP_MIN_HEIGHT:
      g_value_set_int (value, self->min_height);
      break;
    case ASPECT_PROP_MAX_HEIGHT:
      g_value_set_int (value, self->max_height);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_aspect_bin_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LgsmAspectBin *self = LGSM_ASPECT_BIN (object);

  switch (prop_id)
    {
    case ASPECT_PROP_RATIO:
      self->ratio = g_value_get_double (value);
      break;
    case ASPECT_PROP_MIN_HEIGHT:
      self->min_height = g_value_get_int (value);
      break;
    case ASPECT_PROP_MAX_HEIGHT:
      self->max_height = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
lgsm_aspect_bin_class_init (LgsmAspectBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_aspect_bin_dispose;
  object_class->get_property = lgsm_aspect_bin_get_property;
  object_class->set_property = lgsm_aspect_bin_set_property;
  widget_class->measure = lgsm_aspect_bin_measure;
  widget_class->size_allocate = lgsm_aspect_bin_size_allocate;
  widget_class->get_request_mode = lgsm_aspect_bin_get_request_mode;

  g_object_class_install_property (object_class, ASPECT_PROP_RATIO,
    g_param_spec_double ("ratio", NULL, NULL, 0.01, 100, 0.625, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, ASPECT_PROP_MIN_HEIGHT,
    g_param_spec_int ("min-height", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, ASPECT_PROP_MAX_HEIGHT,
    g_param_spec_int ("max-height", NULL, NULL, 0, G_MAXINT, G_MAXINT, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  gtk_widget_class_set_css_name (widget_class, "aspectbin");
}

static void
lgsm_aspect_bin_init (LgsmAspectBin *self)
{
  self->ratio = 0.625;
  self->max_height = G_MAXINT;
}

/* ---- LgsmSplitBox ------------------------------------------------------------ */

struct _LgsmSplitBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LgsmSplitBox, lgsm_split_box, GTK_TYPE_WIDGET)

static void
lgsm_split_box_dispose (GObject *object)
{
  dispose_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (lgsm_split_box_parent_class)->dispose (object);
}

static void
lgsm_split_box_class_init (LgsmSplitBoxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lgsm_split_box_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), LGSM_TYPE_SPLIT_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "splitbox");
}

static void
lgsm_split_box_init (LgsmSplitBox *self)
{
}

GtkWidget *
lgsm_split_box_new (int    threshold_chars,
                    double first_fraction,
                    int    first_max_chars)
{
  GtkWidget *self = g_object_new (LGSM_TYPE_SPLIT_BOX, NULL);

  g_object_set (gtk_widget_get_layout_manager (self),
                "threshold-chars", threshold_chars,
                "first-fraction", first_fraction,
                "first-max-chars", first_max_chars,
                NULL);
  return self;
}

void
lgsm_split_box_append (LgsmSplitBox *self,
                       GtkWidget    *child)
{
  g_return_if_fail (LGSM_IS_SPLIT_BOX (self));
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

/* Whether the children are side by side at the width the box has. */
gboolean
lgsm_split_box_is_row (LgsmSplitBox *self)
{
  g_return_val_if_fail (LGSM_IS_SPLIT_BOX (self), FALSE);
  return lgsm_split_layout_is_row (LGSM_SPLIT_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                   GTK_WIDGET (self), gtk_widget_get_width (GTK_WIDGET (self)));
}
