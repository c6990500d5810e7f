/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-chart.h"
#include "lgsm-layout.h"
#include "lgsm-map.h"
#include "lgsm-record-card.h"
#include "lgsm-section-view.h"
#include "lgsm-sections.h"
#include "lgsm-timeline.h"

/* One tab of the exhibition: the section's introduction, what suits it
 * best (a timeline for History and Legacy, the historians' debate for
 * Outlook, a map and the money for the twinning) and its records as cards
 * in a recycling grid, so a section of 100,000 records costs no more to
 * show than one of ten. The whole tab scrolls as one page; side by side
 * parts (the map and the chart, the two sides of the debate) go one under
 * the other when the window is narrow or the text large. */
struct _LgsmSectionView
{
  GtkWidget       parent_instance;

  LgsmExhibition *exhibition;
  LgsmSection    *section;
  GListModel     *cards;

  GtkScrolledWindow *scroller;
  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkBox         *feature_box;
  GtkWidget      *card_slot;
  GtkGridView    *grid;
  GtkWidget      *map;
  guint           fit_source;
};

/* ---- LgsmCardSlot ---------------------------------------------------------
 *
 * The cards' grid inside the scrolling page. A GtkGridView only makes
 * widgets for the cards in its own view, so it cannot simply be given its
 * full height inside the page: the slot is as tall as all the cards, and
 * keeps the grid, one page-height tall, where the page is scrolled to,
 * scrolled to the same place. Wheel, touch and scroll bar move the page;
 * keyboard moves in the grid move the page with them. */

#define LGSM_TYPE_CARD_SLOT (lgsm_card_slot_get_type ())
G_DECLARE_FINAL_TYPE (LgsmCardSlot, lgsm_card_slot, LGSM, CARD_SLOT, GtkWidget)

struct _LgsmCardSlot
{
  GtkWidget      parent_instance;

  GtkAdjustment *outer;         /* the page's, while the slot is in one */
  gboolean       syncing;
  gboolean       follow_outer;  /* the page moved: the grid follows at the next layout */
};

G_DEFINE_FINAL_TYPE (LgsmCardSlot, lgsm_card_slot, GTK_TYPE_WIDGET)

static GtkWidget *
card_slot_grid (LgsmCardSlot *self)
{
  return gtk_widget_get_first_child (GTK_WIDGET (self));
}

static GtkAdjustment *
card_slot_inner (LgsmCardSlot *self)
{
  GtkWidget *grid = card_slot_grid (self);

  return grid ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid)) : NULL;
}

/* Where the slot's top is, in the page's viewport (negative once scrolled past). */
static double
card_slot_offset (LgsmCardSlot *self,
                  int          *viewport_height)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  graphene_point_t p = GRAPHENE_POINT_INIT (0, 0);

  *viewport_height = viewport ? gtk_widget_get_height (viewport) : 0;
  if (viewport == NULL || !gtk_widget_compute_point (GTK_WIDGET (self), viewport, &p, &p))
    return 0;
  return p.y;
}

/* The part of the slot the page shows: the grid's window. */
static void
card_slot_window (LgsmCardSlot *self,
                  int           height,
                  int          *top,
                  int          *window)
{
  int viewport_height;
  double offset = card_slot_offset (self, &viewport_height);

  *window = viewport_height > 0 ? MIN (viewport_height, height) : height;
  *top = (int) CLAMP (-offset, 0, MAX (0, height - *window));
}

/* The page was scrolled: the grid shows the same place, once the page
 * has been laid out where it is scrolled to. */
static void
on_outer_changed (LgsmCardSlot *self)
{
  if (self->syncing)
    return;
  self->follow_outer = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The grid scrolled itself (the keyboard moved to a card out of view): the
 * page follows. */
static void
on_inner_changed (LgsmCardSlot *self)
{
  GtkAdjustment *inner = card_slot_inner (self);
  int top, window, viewport_height;
  double offset;

  if (self->syncing || self->outer == NULL || inner == NULL)
    return;
  card_slot_window (self, gtk_widget_get_height (GTK_WIDGET (self)), &top, &window);
  if ((int) gtk_adjustment_get_value (inner) == top)
    return;
  offset = card_slot_offset (self, &viewport_height);
  self->syncing = TRUE;
  /* the page's value that puts the slot's top @inner above the viewport */
  gtk_adjustment_set_value (self->outer, gtk_adjustment_get_value (self->outer) + offset +
                                         gtk_adjustment_get_value (inner));
  self->syncing = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
lgsm_card_slot_root (GtkWidget *widget)
{
  LgsmCardSlot *self = LGSM_CARD_SLOT (widget);
  GtkWidget *viewport;

  GTK_WIDGET_CLASS (lgsm_card_slot_parent_class)->root (widget);
  viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  if (viewport)
    {
      self->outer = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport)));
      g_signal_connect_object (self->outer, "value-changed", G_CALLBACK (on_outer_changed), self, G_CONNECT_SWAPPED);
    }
  if (card_slot_inner (self))
    g_signal_connect_object (card_slot_inner (self), "value-changed", G_CALLBACK (on_inner_changed), self,
                             G_CONNECT_SWAPPED);
}

static void
lgsm_card_slot_unroot (GtkWidget *widget)
{
  LgsmCardSlot *self = LGSM_CARD_SLOT (widget);

  if (self->outer)
    g_signal_handlers_disconnect_by_data (self->outer, self);
  g_clear_object (&self->outer);
  if (card_slot_inner (self))
    g_signal_handlers_disconnect_by_data (card_slot_inner (self), self);
  GTK_WIDGET_CLASS (lgsm_card_slot_parent_class)->unroot (widget);
}

static void
lgsm_card_slot_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *grid = card_slot_grid (LGSM_CARD_SLOT (widget));

  *minimum = *natural = 0;
  if (grid)
    gtk_widget_measure (grid, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
lgsm_card_slot_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  LgsmCardSlot *self = LGSM_CARD_SLOT (widget);
  GtkWidget *grid = card_slot_grid (self);
  int top, window;

  if (grid == NULL)
    return;
  card_slot_window (self, height, &top, &window);
  if (self->follow_outer && card_slot_inner (self))
    {
      self->syncing = TRUE;
      gtk_adjustment_set_value (card_slot_inner (self), top);
      self->syncing = FALSE;
      self->follow_outer = FALSE;
    }
  gtk_widget_size_allocate (grid, &(GtkAllocation) { 0, top, width, window }, -1);
}

static GtkSizeRequestMode
lgsm_card_slot_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_card_slot_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lgsm_card_slot_parent_class)->dispose (object);
}

static void
lgsm_card_slot_class_init (LgsmCardSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_card_slot_dispose;
  widget_class->root = lgsm_card_slot_root;
  widget_class->unroot = lgsm_card_slot_unroot;
  widget_class->measure = lgsm_card_slot_measure;
  widget_class->size_allocate = lgsm_card_slot_size_allocate;
  widget_class->get_request_mode = lgsm_card_slot_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "cardslot");
}

static void
lgsm_card_slot_init (LgsmCardSlot *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* ---- the section view ----------------------------------------------------- */

G_DEFINE_FINAL_TYPE (LgsmSectionView, lgsm_section_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_EXHIBITION, PROP_SECTION };

static void
on_grid_activate (GtkGridView     *grid,
                  guint            position,
                  LgsmSectionView *self)
{
  g_autoptr(LgsmRecord) record = g_list_model_get_item (self->cards, position);

  if (record)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", lgsm_record_get_id (record));
}

static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return lgsm_record_compare_by_date (a, b, NULL);
}

static gboolean
not_in_debate (gpointer item,
               gpointer user_data)
{
  return g_strcmp0 (lgsm_record_get_group (item), "debate") != 0;
}

/* One side of the historians' debate, as a button that opens its record. */
static GtkWidget *
debate_side_new (LgsmRecord *record)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *side_text = lgsm_record_get_side (record) ? lgsm_record_get_side (record) : "";
  GtkWidget *side = gtk_label_new (side_text);
  GtkWidget *title = gtk_label_new (lgsm_record_get_title (record));
  GtkWidget *summary = gtk_label_new (lgsm_record_get_summary (record));
  g_autofree char *name = NULL;

  gtk_widget_add_css_class (side, "debate-side-label");
  gtk_widget_add_css_class (title, "card-title");
  for (GtkWidget *label = side; label; label = label == side ? title : label == title ? summary : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_add_css_class (button, "debate-side");
  /* Translators: how a screen reader names one side of the historians'
   * debate: the side's label (e.g. "Twinning as a kind of rejection of the
   * NUM"), then the record's title */
  name = *side_text ? g_strdup_printf (_("%s: %s"), side_text, lgsm_record_get_title (record))
                    : g_strdup (lgsm_record_get_title (record));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lgsm_record_get_summary (record),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lgsm_record_get_id (record));
  return button;
}

static void
build_debate (LgsmSectionView *self,
              GListModel      *records)
{
  /* Translators: the Outlook tab: heading over the two sides of the historians' debate about the
     twinning */
  GtkWidget *heading = gtk_label_new (_("The historians' debate"));
  GtkWidget *sides = lgsm_split_box_new (60, 0, 0);
  guint n = g_list_model_get_n_items (records);
  guint found = 0;

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_margin_start (heading, 18);
  gtk_widget_set_margin_end (heading, 18);
  gtk_widget_set_margin_start (sides, 18);
  gtk_widget_set_margin_end (sides, 18);
  for (guint i = 0; i < n && found < 4; i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (lgsm_record_get_group (record), "debate") != 0)
        continue;
      if (found++ > 0)
        {
          /* Translators: the Outlook tab: between the two sides of the historians' debate, set
             side by side (one view, or the other) */
          GtkWidget *versus = gtk_label_new (_("or"));
          gtk_widget_add_css_class (versus, "debate-versus");
          gtk_widget_set_valign (versus, GTK_ALIGN_CENTER);
          lgsm_split_box_append (LGSM_SPLIT_BOX (sides), versus);
        }
      lgsm_split_box_append (LGSM_SPLIT_BOX (sides), debate_side_new (record));
    }
  if (found == 0)
    {
      g_object_ref_sink (heading);
      g_object_unref (heading);
      g_object_ref_sink (sides);
      g_object_unref (sides);
      return;
    }
  gtk_box_append (self->feature_box, heading);
  gtk_box_append (self->feature_box, sides);
}

/* The map, and beside it (or under it, when narrow) the money raised. */
static void
build_twinning (LgsmSectionView *self,
                GListModel      *records)
{
  GtkWidget *split = lgsm_split_box_new (90, 0.42, 0);
  GtkWidget *map = lgsm_map_new ();
  GtkWidget *chart = lgsm_chart_new ();
  GtkWidget *money = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Money raised"));

  gtk_widget_set_margin_start (split, 18);
  gtk_widget_set_margin_end (split, 18);
  gtk_widget_set_margin_top (split, 6);
  lgsm_map_set_exhibition (LGSM_MAP (map), self->exhibition, records);
  self->map = map;
  lgsm_split_box_append (LGSM_SPLIT_BOX (split), map);

  lgsm_chart_set_exhibition (LGSM_CHART (chart), self->exhibition);
  if (lgsm_chart_get_n_bars (LGSM_CHART (chart)) > 0)
    {
      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_box_append (GTK_BOX (money), heading);
      gtk_box_append (GTK_BOX (money), chart);
      gtk_widget_set_hexpand (money, TRUE);
      gtk_widget_set_valign (money, GTK_ALIGN_START);
      lgsm_split_box_append (LGSM_SPLIT_BOX (split), money);
    }
  else
    {
      g_object_ref_sink (money);
      g_object_unref (money);
      g_object_ref_sink (chart);
      g_object_unref (chart);
      g_object_ref_sink (heading);
      g_object_unref (heading);
    }
  gtk_box_append (self->feature_box, split);
}

static void
build_timeline (LgsmSectionView *self,
                GListModel      *records)
{
  GtkWidget *timeline = lgsm_timeline_new ();

  lgsm_timeline_set_records (LGSM_TIMELINE (timeline), records);
  gtk_widget_set_hexpand (timeline, TRUE);
  gtk_box_append (self->feature_box, timeline);
}

static void
build (LgsmSectionView *self)
{
  GListModel *records = lgsm_section_get_records (self->section);
  const LgsmSectionInfo *info = lgsm_sections_lookup (lgsm_section_get_id (self->section));
  LgsmSectionViewKind view = info ? info->view : LGSM_SECTION_VIEW_NONE;
  GListModel *model = g_object_ref (records);
  GtkListItemFactory *factory;

  gtk_label_set_text (self->title_label, lgsm_section_get_title (self->section));
  gtk_label_set_text (self->summary_label, lgsm_section_get_summary (self->section));

  if (view == LGSM_SECTION_VIEW_TIMELINE)
    {
      build_timeline (self, records);
      model = G_LIST_MODEL (gtk_sort_list_model_new (model,
                GTK_SORTER (gtk_custom_sorter_new (compare_dates, NULL, NULL))));
    }
  else if (view == LGSM_SECTION_VIEW_DEBATE)
    {
      build_debate (self, records);
      model = G_LIST_MODEL (gtk_filter_list_model_new (model,
                GTK_FILTER (gtk_custom_filter_new (not_in_debate, NULL, NULL))));
    }
  else if (view == LGSM_SECTION_VIEW_TWINNING)
    build_twinning (self, records);

  self->cards = g_object_ref (model);
  factory = lgsm_record_card_factory_new ();
  gtk_grid_view_set_factory (self->grid, factory);
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (gtk_no_selection_new (model)));
  g_object_unref (factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lgsm_section_get_title (self->section), -1);
}

GtkWidget *
lgsm_section_view_new (LgsmExhibition *exhibition,
                       LgsmSection    *section)
{
  return g_object_new (LGSM_TYPE_SECTION_VIEW,
                       "exhibition", exhibition,
                       "section", section,
                       NULL);
}

LgsmSection *
lgsm_section_view_get_section (LgsmSectionView *self)
{
  g_return_val_if_fail (LGSM_IS_SECTION_VIEW (self), NULL);
  return self->section;
}

/* The records shown as cards, in the order shown. */
GListModel *
lgsm_section_view_get_cards (LgsmSectionView *self)
{
  g_return_val_if_fail (LGSM_IS_SECTION_VIEW (self), NULL);
  return self->cards;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The first feature widget of @type (LGSM_TYPE_TIMELINE, _MAP, _CHART). */
GtkWidget *
lgsm_section_view_get_feature (LgsmSectionView *self,
                               GType            type)
{
  g_return_val_if_fail (LGSM_IS_SECTION_VIEW (self), NULL);
  return find_descendant (GTK_WIDGET (self->feature_box), type);
}

/* Puts the keyboard focus on the card of the record @id, scrolling to it.
 * Returns: whether there is such a card. */
gboolean
lgsm_section_view_focus_card (LgsmSectionView *self,
                              const char      *id)
{
  guint n;

  g_return_val_if_fail (LGSM_IS_SECTION_VIEW (self), FALSE);

  n = self->cards ? g_list_model_get_n_items (self->cards) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (self->cards, i);

      if (g_strcmp0 (lgsm_record_get_id (record), id) != 0)
        continue;
      /* the grid makes the card's widget when it is scrolled to */
      gtk_widget_activate_action (GTK_WIDGET (self->grid), "list.scroll-to-item", "u", i);
      for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); cell;
           cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *card = gtk_widget_get_first_child (cell);

          if (LGSM_IS_RECORD_CARD (card) && lgsm_record_card_get_record (LGSM_RECORD_CARD (card)) == record)
            return gtk_widget_grab_focus (cell);
        }
      return FALSE;
    }
  return FALSE;
}

/* The page's scroll position (tests: a record opened and closed again
 * leaves the tab where it was). */
GtkAdjustment *
lgsm_section_view_get_vadjustment (LgsmSectionView *self)
{
  g_return_val_if_fail (LGSM_IS_SECTION_VIEW (self), NULL);
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/* The map fits in the page's height (set after the layout that found it). */
static gboolean
fit_map (gpointer data)
{
  LgsmSectionView *self = data;

  self->fit_source = 0;
  if (self->map)
    lgsm_map_set_max_height (LGSM_MAP (self->map), MAX (300, gtk_widget_get_height (GTK_WIDGET (self)) - 24));
  return G_SOURCE_REMOVE;
}

static void
lgsm_section_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (LGSM_SECTION_VIEW (widget)->scroller), orientation, for_size,
                      minimum, natural, NULL, NULL);
}

static void
lgsm_section_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LgsmSectionView *self = LGSM_SECTION_VIEW (widget);

  gtk_widget_size_allocate (GTK_WIDGET (self->scroller), &(GtkAllocation) { 0, 0, width, height }, baseline);
  if (self->map && self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_map, self, NULL);
}

static void
lgsm_section_view_dispose (GObject *object)
{
  GtkWidget *child;
  LgsmSectionView *self = LGSM_SECTION_VIEW (object);

  g_clear_handle_id (&self->fit_source, g_source_remove);
  self->map = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_SECTION_VIEW);
  /* the template's unnamed root too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cards);
  g_clear_object (&self->section);
  g_clear_object (&self->exhibition);

  G_OBJECT_CLASS (lgsm_section_view_parent_class)->dispose (object);
}

static void
lgsm_section_view_constructed (GObject *object)
{
  LgsmSectionView *self = LGSM_SECTION_VIEW (object);

  G_OBJECT_CLASS (lgsm_section_view_parent_class)->constructed (object);
  if (self->exhibition && self->section)
    build (self);
}

static void
lgsm_section_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LgsmSectionView *self = LGSM_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_EXHIBITION:
      g_value_set_object (value, self->exhibition);
      break;
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_section_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LgsmSectionView *self = LGSM_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_EXHIBITION:
      self->exhibition = g_value_dup_object (value);
      break;
    case PROP_SECTION:
      self->section = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_section_view_class_init (LgsmSectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lgsm_section_view_constructed;
  object_class->dispose = lgsm_section_view_dispose;
  object_class->get_property = lgsm_section_view_get_property;
  object_class->set_property = lgsm_section_view_set_property;

  g_object_class_install_property (object_class, PROP_EXHIBITION,
    g_param_spec_object ("exhibition", NULL, NULL, LGSM_TYPE_EXHIBITION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_SECTION,
    g_param_spec_object ("section", NULL, NULL, LGSM_TYPE_SECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_type_ensure (LGSM_TYPE_CARD_SLOT);
  g_type_ensure (LGSM_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-section-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, feature_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, card_slot);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate);

  widget_class->measure = lgsm_section_view_measure;
  widget_class->size_allocate = lgsm_section_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "sectionview");
}

static void
lgsm_section_view_init (LgsmSectionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
