/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "lgsm-search-index.h"
#include "lgsm-search-view.h"
#include "lgsm-record-card.h"

/* The search page: how many records match the query, and the records,
 * best first, each as its title over its date and summary (or the words
 * around the match when it was found further in), the matched words in
 * bold. "Did you mean …" when nothing matches. Activating a result opens
 * it through the window's win.open-record action. */
struct _LgsmSearchView
{
  GtkWidget       parent_instance;

  LgsmExhibition    *exhibition;
  char              *query;
  LgsmSearchResults *results;
  LgsmSearchIndex   *index;      /* the results' index, for the text around a match */

  GtkWidget      *box;
  GtkLabel       *results_label;
  GtkWidget      *suggestion_button;
  GtkListView    *results_view;
};

G_DEFINE_FINAL_TYPE (LgsmSearchView, lgsm_search_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_EXHIBITION, PROP_QUERY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
setup_result (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "result-title");
  gtk_widget_add_css_class (detail, "result-detail");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_add_css_class (box, "search-result");
  gtk_list_item_set_child (item, box);
}

/* Matched words in bold and underlined: seen without colour, and kept
 * when the row is selected. */
static PangoAttrList *
highlight (GArray *ranges,
           guint   offset,
           guint   length)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; ranges && i < ranges->len; i++)
    {
      LgsmSearchRange *range = &g_array_index (ranges, LgsmSearchRange, i);
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      PangoAttribute *line = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);

      if (range->end <= offset || range->start >= offset + length)
        continue;
      bold->start_index = line->start_index = MAX (range->start, offset) - offset;
      bold->end_index = line->end_index = MIN (range->end, offset + length) - offset;
      pango_attr_list_insert (attrs, bold);
      pango_attr_list_insert (attrs, line);
    }
  return attrs;
}

static void
set_highlighted (GtkLabel          *label,
                 LgsmSearchResults *results,
                 const char        *text)
{
  g_autoptr(GArray) ranges = results ? lgsm_search_results_match_text (results, text) : NULL;
  g_autoptr(PangoAttrList) attrs = highlight (ranges, 0, strlen (text));

  gtk_label_set_text (label, text);
  gtk_label_set_attributes (label, attrs);
}

/* What a result shows under its title: the date and the summary, or — when
 * the words were found elsewhere (a paragraph, a person, the sources) — the
 * words around the first match in that text. */
static char *
detail_text (LgsmSearchIndex   *index,
             LgsmSearchResults *results,
             LgsmRecord        *record,
             guint              position)
{
  LgsmSearchField field = results ? lgsm_search_results_get_field (results, position) : LGSM_SEARCH_FIELD_SUMMARY;
  g_autofree char *date = lgsm_record_format_date (record);
  GArray *ranges;

  if (field > LGSM_SEARCH_FIELD_SUMMARY && results &&
      (ranges = lgsm_search_results_get_ranges (results, position)) != NULL)
    {
      for (guint i = 0; i < ranges->len; i++)
        {
          LgsmSearchRange *range = &g_array_index (ranges, LgsmSearchRange, i);
          g_autofree char *text = NULL;
          const char *start;

          if (range->field != field)
            continue;
          text = index ? lgsm_search_index_dup_field_text (index, record, field, range->item) : NULL;
          if (text == NULL)
            break;
          /* from a few words before the match */
          start = text + range->start;
          for (int words = 0; start > text && words < 4; )
            {
              start = g_utf8_prev_char (start);
              if (*start == ' ')
                words++;
            }
          return start > text ? g_strconcat ("…", start + 1, NULL) : g_strdup (text);
        }
    }
  if (date)
    /* Translators: a search result's detail: its date, then its summary */
    return g_strdup_printf (_("%s — %s"), date, lgsm_record_get_summary (record));
  return g_strdup (lgsm_record_get_summary (record));
}

static void
bind_result (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  LgsmSearchView *self = user_data;
  LgsmRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *text = detail_text (self->index, self->results, record, gtk_list_item_get_position (item));

  set_highlighted (GTK_LABEL (title), self->results, lgsm_record_get_title (record));
  set_highlighted (GTK_LABEL (detail), self->results, text);
  /* the row (the list's cell) is what takes the focus and what a screen
   * reader reads: "title, date", with what is shown under the title as its
   * description */
  for (GtkWidget *w = box; w; w = w == box ? gtk_widget_get_parent (box) : NULL)
    {
      lgsm_record_card_describe (GTK_ACCESSIBLE (w), record);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  /* what it opens, for putting the focus back on it */
  g_object_set_data_full (G_OBJECT (box), "lgsm-record-id", g_strdup (lgsm_record_get_id (record)), g_free);
}

static void
run_query (LgsmSearchView *self)
{
  g_autofree char *summary = NULL;
  const char *suggestion;
  guint n;

  g_clear_object (&self->results);
  gtk_widget_set_visible (self->suggestion_button, FALSE);
  if (self->exhibition == NULL || self->query == NULL || *self->query == '\0')
    {
      gtk_list_view_set_model (self->results_view, NULL);
      gtk_label_set_text (self->results_label, "");
      return;
    }
  self->results = lgsm_exhibition_search_full (self->exhibition, self->query);
  g_clear_pointer (&self->index, lgsm_search_index_unref);
  self->index = lgsm_exhibition_get_search_index (self->exhibition);
  if (self->index)
    lgsm_search_index_ref (self->index);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  gtk_list_view_set_model (self->results_view,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)))));
  if (n == 0)
    /* Translators: the search page when nothing is found */
    summary = g_strdup (_("No records match your search"));
  else
    /* Translators: the search page: how many records match, over the list of them */
    summary = g_strdup_printf (ngettext ("%u record found", "%u records found", n), n);
  gtk_label_set_text (self->results_label, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results_label), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);

  suggestion = n == 0 ? lgsm_search_results_get_suggestion (self->results) : NULL;
  if (suggestion)
    {
      /* Translators: a button under "No records match your search"; %s is a word from the records */
      g_autofree char *label = g_strdup_printf (_("Did you mean “%s”?"), suggestion);
      gtk_button_set_label (GTK_BUTTON (self->suggestion_button), label);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->suggestion_button), "s", suggestion);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->suggestion_button), "win.search-for");
      gtk_widget_set_visible (self->suggestion_button, TRUE);
    }
}

static void
on_result_activate (LgsmSearchView *self,
                    guint           position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->results_view));
  g_autoptr(LgsmRecord) record = model ? g_list_model_get_item (model, position) : NULL;

  if (record)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", lgsm_record_get_id (record));
}

void
lgsm_search_view_set_exhibition (LgsmSearchView *self,
                                 LgsmExhibition *exhibition)
{
  g_return_if_fail (LGSM_IS_SEARCH_VIEW (self));

  if (!g_set_object (&self->exhibition, exhibition))
    return;
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXHIBITION]);
}

const char *
lgsm_search_view_get_query (LgsmSearchView *self)
{
  g_return_val_if_fail (LGSM_IS_SEARCH_VIEW (self), NULL);
  return self->query;
}

void
lgsm_search_view_set_query (LgsmSearchView *self,
                            const char     *query)
{
  g_return_if_fail (LGSM_IS_SEARCH_VIEW (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

guint
lgsm_search_view_get_n_results (LgsmSearchView *self)
{
  GtkSelectionModel *model;

  g_return_val_if_fail (LGSM_IS_SEARCH_VIEW (self), 0);
  model = gtk_list_view_get_model (self->results_view);
  return model ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

/* Returns: (transfer none) (nullable): the result Enter opens */
LgsmRecord *
lgsm_search_view_get_selected (LgsmSearchView *self)
{
  GtkSelectionModel *model;

  g_return_val_if_fail (LGSM_IS_SEARCH_VIEW (self), NULL);
  model = gtk_list_view_get_model (self->results_view);
  return model ? gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) : NULL;
}

/* Puts the keyboard focus on the result that opens @id, scrolling to it.
 * Returns: whether there is one. */
gboolean
lgsm_search_view_focus_result (LgsmSearchView *self,
                               const char     *id)
{
  GListModel *model;

  g_return_val_if_fail (LGSM_IS_SEARCH_VIEW (self), FALSE);

  model = G_LIST_MODEL (gtk_list_view_get_model (self->results_view));
  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LgsmRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (lgsm_record_get_id (record), id) != 0)
        continue;
      gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", i);
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_view)); row;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *box = gtk_widget_get_first_child (row);

          if (box && g_strcmp0 (g_object_get_data (G_OBJECT (box), "lgsm-record-id"), id) == 0)
            return gtk_widget_grab_focus (row);
        }
      return FALSE;
    }
  return FALSE;
}

/* "3 records found" */
const char *
lgsm_search_view_get_summary (LgsmSearchView *self)
{
  g_return_val_if_fail (LGSM_IS_SEARCH_VIEW (self), NULL);
  return gtk_label_get_text (self->results_label);
}

static void
lgsm_search_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LgsmSearchView *self = LGSM_SEARCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_EXHIBITION:
      g_value_set_object (value, self->exhibition);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_search_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LgsmSearchView *self = LGSM_SEARCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_EXHIBITION:
      lgsm_search_view_set_exhibition (self, g_value_get_object (value));
      break;
    case PROP_QUERY:
      lgsm_search_view_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_search_view_dispose (GObject *object)
{
  LgsmSearchView *self = LGSM_SEARCH_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_SEARCH_VIEW);
  g_clear_object (&self->exhibition);
  g_clear_object (&self->results);
  g_clear_pointer (&self->index, lgsm_search_index_unref);

  G_OBJECT_CLASS (lgsm_search_view_parent_class)->dispose (object);
}

static void
lgsm_search_view_finalize (GObject *object)
{
  g_free (LGSM_SEARCH_VIEW (object)->query);

  G_OBJECT_CLASS (lgsm_search_view_parent_class)->finalize (object);
}

static void
lgsm_search_view_class_init (LgsmSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_search_view_dispose;
  object_class->finalize = lgsm_search_view_finalize;
  object_class->get_property = lgsm_search_view_get_property;
  object_class->set_property = lgsm_search_view_set_property;

  properties[PROP_EXHIBITION] =
    g_param_spec_object ("exhibition", NULL, NULL, LGSM_TYPE_EXHIBITION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmSearchView, box);
  gtk_widget_class_bind_template_child (widget_class, LgsmSearchView, results_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmSearchView, results_view);
  gtk_widget_class_bind_template_child (widget_class, LgsmSearchView, suggestion_button);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchview");
}

static void
lgsm_search_view_init (LgsmSearchView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result), self);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);
}

GtkWidget *
lgsm_search_view_new (void)
{
  return g_object_new (LGSM_TYPE_SEARCH_VIEW, NULL);
}
