/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-chart.h"
#include "lgsm-map.h"
#include "lgsm-record-card.h"
#include "lgsm-section-view.h"
#include "lgsm-sections.h"
#include "lgsm-timeline.h"

/* One tab of the exhibition: the section's introduction, what suits it
 * best (a timeline for History and Legacy, the historians' debate for
 * Outlook, a map and the money for the twinning) and its records as cards
 * in a recycling grid, so a section of 100,000 records costs no more to
 * show than one of ten. */
struct _LgsmSectionView
{
  GtkWidget       parent_instance;

  LgsmExhibition *exhibition;
  LgsmSection    *section;
  GListModel     *cards;

  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkBox         *side_box;
  GtkBox         *feature_box;
  GtkGridView    *grid;
};

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
  GtkWidget *side = gtk_label_new (lgsm_record_get_side (record) ? lgsm_record_get_side (record) : "");
  GtkWidget *title = gtk_label_new (lgsm_record_get_title (record));
  GtkWidget *summary = gtk_label_new (lgsm_record_get_summary (record));

  gtk_widget_add_css_class (side, "debate-side-label");
  gtk_widget_add_css_class (title, "card-title");
  for (GtkWidget *label = side; label; label = label == side ? title : label == title ? summary : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_add_css_class (button, "debate-side");
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
  /* a grid, not a horizontal box: see lgsm-section-view.ui */
  GtkWidget *sides = gtk_grid_new ();
  guint n = g_list_model_get_n_items (records);
  guint found = 0;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->feature_box), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 18);
  gtk_widget_set_margin_start (sides, 18);
  gtk_widget_set_margin_end (sides, 18);
  gtk_grid_set_column_spacing (GTK_GRID (sides), 12);
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
          gtk_grid_attach (GTK_GRID (sides), versus, 2 * found - 3, 0, 1, 1);
        }
      gtk_grid_attach (GTK_GRID (sides), debate_side_new (record), 2 * found - 2, 0, 1, 1);
    }
  if (found == 0)
    return;
  gtk_box_append (self->feature_box, heading);
  gtk_box_append (self->feature_box, sides);
}

static void
build_twinning (LgsmSectionView *self,
                GListModel      *records)
{
  GtkWidget *map = lgsm_map_new ();
  GtkWidget *chart = lgsm_chart_new ();
  GtkWidget *heading = gtk_label_new (_("Money raised"));

  lgsm_map_set_exhibition (LGSM_MAP (map), self->exhibition, records);
  gtk_widget_set_vexpand (map, TRUE);
  gtk_box_append (self->side_box, map);
  gtk_widget_set_visible (GTK_WIDGET (self->side_box), TRUE);

  lgsm_chart_set_exhibition (LGSM_CHART (chart), self->exhibition);
  if (lgsm_chart_get_n_bars (LGSM_CHART (chart)) == 0)
    {
      g_object_ref_sink (chart);
      g_object_unref (chart);
      g_object_ref_sink (heading);
      g_object_unref (heading);
      return;
    }
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->feature_box), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 18);
  gtk_widget_set_margin_start (chart, 10);
  gtk_widget_set_margin_end (chart, 18);
  gtk_box_append (self->feature_box, heading);
  gtk_box_append (self->feature_box, chart);
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

/* The first feature widget of @type (LGSM_TYPE_TIMELINE, _MAP, _CHART). */
GtkWidget *
lgsm_section_view_get_feature (LgsmSectionView *self,
                               GType            type)
{
  GtkWidget *boxes[] = { GTK_WIDGET (self->feature_box), GTK_WIDGET (self->side_box) };

  for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
    for (GtkWidget *child = gtk_widget_get_first_child (boxes[i]); child;
         child = gtk_widget_get_next_sibling (child))
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
  return NULL;
}

static void
lgsm_section_view_dispose (GObject *object)
{
  GtkWidget *child;
  LgsmSectionView *self = LGSM_SECTION_VIEW (object);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-section-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, side_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, feature_box);
  gtk_widget_class_bind_template_child (widget_class, LgsmSectionView, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sectionview");
}

static void
lgsm_section_view_init (LgsmSectionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
