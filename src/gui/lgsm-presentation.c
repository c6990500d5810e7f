/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lgsm-console-view.h"
#include "lgsm-context.h"
#include "lgsm-ink.h"
#include "lgsm-presentation-private.h"
#include "lgsm-presenter-console.h"
#include "lgsm-record-card.h"
#include "lgsm-slide.h"
#include "lgsm-gui-enums.h"

/* Full-screen slides from a list of records, driven by the keys clickers
 * send (PageUp/PageDown, B or period to blank), the keyboard, a click or
 * a swipe. With a second monitor the slides go there and the presenter
 * console takes the first; with one, C swaps the slides for the console
 * and back. A pen and a pointer (LgsmInk) draw over the slide and on the
 * console's preview of it. */

G_DEFINE_FINAL_TYPE (LgsmPresentation, lgsm_presentation, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_SLIDE, PROP_MODE, PROP_BILINGUAL, PROP_SLIDES_SCALE, N_PROPS };
static GParamSpec *properties[N_PROPS];


guint
lgsm_presentation_get_n_slides (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), 0);
  return g_list_model_get_n_items (self->records);
}

guint
lgsm_presentation_get_slide (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), 0);
  return self->index;
}

/* Returns: (transfer none) */
LgsmRecord *
lgsm_presentation_get_record (LgsmPresentation *self,
                              guint             index)
{
  g_autoptr(LgsmRecord) record = NULL;

  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), NULL);

  record = g_list_model_get_item (self->records, index);
  return record;  /* the model keeps it alive */
}

LgsmPresentationMode
lgsm_presentation_get_mode (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), LGSM_PRESENTATION_SLIDE);
  return self->mode;
}

GtkWindow *
lgsm_presentation_get_console (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), NULL);
  return self->console;
}

static void focus_overview_item (LgsmPresentation *self);

void
lgsm_presentation_set_mode (LgsmPresentation     *self,
                            LgsmPresentationMode  mode)
{
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  gtk_stack_set_visible_child_name (self->modes, lgsm_presentation_mode_to_nick (mode));
  if (mode == LGSM_PRESENTATION_OVERVIEW)
    focus_overview_item (self);
  lgsm_presentation_update_console (self);
}

static void show_second_title (LgsmPresentation *self,
                               LgsmSlide        *slide);

static void
update_console_view (LgsmPresentation *self,
                     LgsmConsoleView  *view)
{
  static const GdkRGBA black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
  guint n = lgsm_presentation_get_n_slides (self);
  LgsmInkTool tool = lgsm_ink_model_get_tool (self->ink_model);
  const char *status = NULL;
  const GdkRGBA *blank = NULL;

  lgsm_console_view_show (view,
                          lgsm_presentation_get_record (self, self->index),
                          self->index + 1 < n ? lgsm_presentation_get_record (self, self->index + 1) : NULL,
                          self->index, n);
  switch (self->mode)
    {
    case LGSM_PRESENTATION_BLACK:
      /* Translators: on the presenter console while the projector is blanked (B) */
      status = _("The room sees a black screen");
      blank = &black;
      break;
    case LGSM_PRESENTATION_WHITE:
      /* Translators: on the presenter console while the projector is blanked (W) */
      status = _("The room sees a white screen");
      blank = &white;
      break;
    case LGSM_PRESENTATION_OVERVIEW:
      /* Translators: on the presenter console while the room sees the overview (Tab) */
      status = _("The room sees all the slides");
      break;
    case LGSM_PRESENTATION_SLIDE:
    default:
      if (tool == LGSM_INK_TOOL_POINTER)
        /* Translators: on the presenter console: the spotlight pointer (P) is on */
        status = _("Pointer on");
      else if (tool == LGSM_INK_TOOL_PEN)
        /* Translators: on the presenter console: the pen (D) is on */
        status = _("Pen on");
      break;
    }
  lgsm_console_view_set_status (view, status, blank);
}

/* The console mirrors the room's screen: the slide, or what replaces it.
 * Both are kept up to date: the console's window, and the one shown in
 * place of the slides on a single screen. */
void
lgsm_presentation_update_console (LgsmPresentation *self)
{
  if (lgsm_presentation_get_n_slides (self) == 0)
    return;
  update_console_view (self, self->console_view);
  if (self->console)
    update_console_view (self, lgsm_presenter_console_get_view (LGSM_PRESENTER_CONSOLE (self->console)));
}

/* The slide's number, everywhere it is shown. */
static void
show_position (LgsmPresentation *self,
               LgsmSlide        *slide)
{
  guint n = lgsm_presentation_get_n_slides (self);
  g_autofree char *name = NULL;
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;

  /* Translators: the accessible name of the presentation: slide title and position */
  name = g_strdup_printf (_("%s, slide %u of %u"), lgsm_slide_get_title (slide), self->index + 1, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slides), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* Translators: the slide's number and the number of slides, in a corner of the slide */
  number = g_strdup_printf (_("%u / %u"), self->index + 1, n);
  gtk_label_set_text (self->number_label, number);
  /* Translators: the heading of the overview of all slides (Tab) */
  heading = g_strdup_printf (_("All slides — now on slide %u of %u"), self->index + 1, n);
  gtk_label_set_text (self->overview_label, heading);
}

void
lgsm_presentation_set_slide (LgsmPresentation *self,
                             guint             index)
{
  guint n;
  LgsmSlide *next;

  g_return_if_fail (LGSM_IS_PRESENTATION (self));

  n = lgsm_presentation_get_n_slides (self);
  if (n == 0)
    return;
  index = MIN (index, n - 1);

  /* two slides take turns, so one can fade into the other */
  next = gtk_stack_get_visible_child (self->slides) == GTK_WIDGET (self->slide_a) ? self->slide_b : self->slide_a;
  if (index == self->index && lgsm_slide_get_record (next) != NULL &&
      lgsm_slide_get_record (LGSM_SLIDE (gtk_stack_get_visible_child (self->slides))) != NULL)
    return;
  self->index = index;
  lgsm_slide_set_record (next, lgsm_presentation_get_record (self, index));
  show_second_title (self, next);
  gtk_stack_set_visible_child (self->slides, GTK_WIDGET (next));
  gtk_progress_bar_set_fraction (self->progress, n > 1 ? (double) index / (n - 1) : 1.0);
  show_position (self, next);
  if (gtk_grid_view_get_model (self->overview))
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_grid_view_get_model (self->overview)), index);
  /* each slide keeps its own drawing */
  lgsm_ink_model_set_page (self->ink_model, index);
  lgsm_presentation_update_console (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}

static void
show_second_title (LgsmPresentation *self,
                   LgsmSlide        *slide)
{
  LgsmRecord *record = lgsm_slide_get_record (slide);
  LgsmRecord *other = NULL;

  if (self->bilingual && self->second && record)
    other = lgsm_exhibition_lookup (self->second, lgsm_record_get_id (record));
  lgsm_slide_set_second_title (slide, other ? lgsm_record_get_title (other) : NULL);
}

/* Bilingual slides: each title in a second language too (L toggles). */
void
lgsm_presentation_set_second_language (LgsmPresentation *self,
                                       LgsmExhibition   *second,
                                       gboolean          bilingual)
{
  g_return_if_fail (LGSM_IS_PRESENTATION (self));

  g_set_object (&self->second, second);
  self->bilingual = bilingual;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BILINGUAL]);
  show_second_title (self, self->slide_a);
  show_second_title (self, self->slide_b);
}

gboolean
lgsm_presentation_get_bilingual (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), FALSE);
  return self->bilingual && self->second != NULL;
}

/* L: the second language is loaded when first asked for. */
void
lgsm_presentation_toggle_bilingual (LgsmPresentation *self)
{
  LgsmExhibition *second = self->second;

  if (second == NULL && self->context)
    second = lgsm_context_get_second_exhibition (self->context);
  lgsm_presentation_set_second_language (self, second, !self->bilingual);
}

/* "slide", "black", "white", "overview": the modes' nicks, which are also
 * the pages of the presentation's stack */
const char *
lgsm_presentation_mode_to_nick (LgsmPresentationMode mode)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LGSM_TYPE_PRESENTATION_MODE);
  GEnumValue *value = g_enum_get_value (klass, mode);

  return value ? value->value_nick : "slide";
}

LgsmPresentationMode
lgsm_presentation_mode_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LGSM_TYPE_PRESENTATION_MODE);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  return value ? (LgsmPresentationMode) value->value : LGSM_PRESENTATION_SLIDE;
}

static void
lgsm_presentation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LgsmPresentation *self = LGSM_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SLIDE:
      g_value_set_uint (value, self->index);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_BILINGUAL:
      g_value_set_boolean (value, lgsm_presentation_get_bilingual (self));
      break;
    case PROP_SLIDES_SCALE:
      g_value_set_double (value, self->slides_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_presentation_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LgsmPresentation *self = LGSM_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SLIDE:
      lgsm_presentation_set_slide (self, g_value_get_uint (value));
      break;
    case PROP_MODE:
      lgsm_presentation_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_SLIDES_SCALE:
      lgsm_presentation_set_slides_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_click (GtkGestureClick  *gesture,
          int               n_press,
          double            x,
          double            y,
          LgsmPresentation *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (self->mode == LGSM_PRESENTATION_OVERVIEW)
    return;
  lgsm_presentation_step (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static void
on_swipe (GtkGestureSwipe  *gesture,
          double            velocity_x,
          double            velocity_y,
          LgsmPresentation *self)
{
  if (ABS (velocity_x) > 400 && ABS (velocity_x) > 2 * ABS (velocity_y))
    lgsm_presentation_step (self, velocity_x < 0 ? 1 : -1);
}

static void
on_overview_activate (GtkGridView      *grid,
                      guint             position,
                      LgsmPresentation *self)
{
  lgsm_presentation_set_mode (self, LGSM_PRESENTATION_SLIDE);
  lgsm_presentation_set_slide (self, position);
}

/* ---- the overview: every slide as a numbered card ------------------------ */

#define SLIDE_KEY "lgsm-slide-number"

static void
setup_overview_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *number = gtk_label_new (NULL);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), lgsm_record_card_new ());
  gtk_widget_set_halign (number, GTK_ALIGN_START);
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_widget_set_can_target (number, FALSE);
  gtk_widget_add_css_class (number, "overview-number");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), number);
  gtk_list_item_set_child (item, overlay);
}

static void
bind_overview_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *overlay = gtk_list_item_get_child (item);
  GtkWidget *card = gtk_overlay_get_child (GTK_OVERLAY (overlay));
  GtkWidget *number = gtk_widget_get_last_child (overlay);
  guint position = gtk_list_item_get_position (item);
  char text[16];

  lgsm_record_card_set_record (LGSM_RECORD_CARD (card), gtk_list_item_get_item (item));
  g_snprintf (text, sizeof text, "%u", position + 1);
  gtk_label_set_text (GTK_LABEL (number), text);
  g_object_set_data (G_OBJECT (overlay), SLIDE_KEY, GUINT_TO_POINTER (position + 1));
  /* the grid's cell takes the focus and is what a screen reader reads:
   * named as the card is */
  if (gtk_widget_get_parent (overlay))
    lgsm_record_card_describe (GTK_ACCESSIBLE (gtk_widget_get_parent (overlay)), gtk_list_item_get_item (item));
}

/* The card of the slide on show, once the grid has made it. */
static GtkWidget *
find_overview_item (LgsmPresentation *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->overview)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *content = gtk_widget_get_first_child (child);

      if (content && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (content), SLIDE_KEY)) == self->index + 1)
        return child;
    }
  return NULL;
}

/* Tab: the overview opens on the slide on show, with the keyboard on it
 * (the arrows move from there, Enter shows the slide chosen). The grid
 * scrolls to a card only once it has a size, and makes the card's widget
 * only then: this runs on the frames after the overview is shown. */
static gboolean
focus_overview_item_tick (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       data)
{
  LgsmPresentation *self = LGSM_PRESENTATION (widget);
  GtkWidget *grid = GTK_WIDGET (self->overview);
  guint *frame = data;
  GtkWidget *item;
  graphene_rect_t bounds;

  if (self->mode != LGSM_PRESENTATION_OVERVIEW || ++(*frame) > 60)
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_height (grid) <= 0)
    return G_SOURCE_CONTINUE;
  item = find_overview_item (self);
  if (item && gtk_widget_get_mapped (item) && gtk_widget_compute_bounds (item, grid, &bounds) &&
      bounds.origin.y + bounds.size.height / 2 >= 0 &&
      bounds.origin.y + bounds.size.height / 2 <= gtk_widget_get_height (grid))
    {
      gtk_widget_grab_focus (item);
      return G_SOURCE_REMOVE;
    }
  if (*frame % 4 == 1)  /* ask again: the first size may not be the last */
    gtk_widget_activate_action (grid, "list.scroll-to-item", "u", self->index);
  return G_SOURCE_CONTINUE;
}

static void
focus_overview_item (LgsmPresentation *self)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_overview_item_tick, g_new0 (guint, 1), g_free);
}

/* ---- scale ---------------------------------------------------------------- */

/* Text is sized from the screen's height, so a slide reads the same from
 * the back of a room on a laptop or a 4K projector: the base size is
 * 1/27 of the height (40 px at 1080p, the size of the summary); titles
 * are 1.6 times that (64 px), legible from the back of a classroom.
 * Ctrl+plus and Ctrl+minus scale that for the room at hand; the console's
 * previews are laid out at the slides' size, so they follow. */
void
lgsm_presentation_update_scale (LgsmPresentation *self,
                                int               height,
                                gboolean          force)
{
  g_autofree char *css = NULL;
  int base;

  if (height <= 0 || (!force && ABS (height - self->scaled_height) < 8))
    return;
  self->scaled_height = height;
  base = MAX (12, (int) round (height / 27.0 * self->slides_scale));
  css = g_strdup_printf ("window.presentation slide, slidepreview slide { font-size: %dpx; }\n"
                         "window.presentation .slide-number { font-size: %dpx; }\n",
                         base, MAX (10, base * 3 / 5));
  gtk_css_provider_load_from_data (self->scale_css, css, -1);
}

double
lgsm_presentation_get_slides_scale (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), 1.0);
  return self->slides_scale;
}

/* 1.0 is the size for the screen's height; from half to two and a half
 * times that. */
void
lgsm_presentation_set_slides_scale (LgsmPresentation *self,
                                    double            scale)
{
  g_return_if_fail (LGSM_IS_PRESENTATION (self));

  scale = CLAMP (scale, 0.5, 2.5);
  if (fabs (scale - self->slides_scale) < 0.001)
    return;
  self->slides_scale = scale;
  lgsm_presentation_update_scale (self, self->scaled_height, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDES_SCALE]);
}

/* Returns: (transfer none): the pen and pointer */
LgsmInkModel *
lgsm_presentation_get_ink_model (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), NULL);
  return self->ink_model;
}

static void
on_default_height (LgsmPresentation *self)
{
  lgsm_presentation_update_scale (self, gtk_widget_get_height (GTK_WIDGET (self)), FALSE);
}

static gboolean
tell_audience_size (gpointer data)
{
  LgsmPresentation *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->ink));
  int height = gtk_widget_get_height (GTK_WIDGET (self->ink));

  self->audience_idle = 0;
  if (width > 0 && height > 0)
    {
      lgsm_console_view_set_audience_size (self->console_view, width, height);
      if (self->console)
        lgsm_presenter_console_set_audience_size (LGSM_PRESENTER_CONSOLE (self->console), width, height);
    }
  return G_SOURCE_REMOVE;
}

static void
lgsm_presentation_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LgsmPresentation *self = LGSM_PRESENTATION (widget);

  GTK_WIDGET_CLASS (lgsm_presentation_parent_class)->size_allocate (widget, width, height, baseline);
  lgsm_presentation_update_scale (self, height, FALSE);
  /* the console's previews are laid out at the size of the slide, told
   * after this allocation: the console in this window would need one more */
  if (self->audience_idle == 0)
    self->audience_idle = g_idle_add (tell_audience_size, self);
}

static void
follow_reduced_motion (LgsmPresentation *self)
{
  gboolean animate = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);
  gtk_stack_set_transition_type (self->slides, animate ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                                      : GTK_STACK_TRANSITION_TYPE_NONE);
}

/* ---- the console ---------------------------------------------------------- */

gboolean
lgsm_presentation_get_console_shown (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), FALSE);

  if (self->one_screen)
    return gtk_stack_get_visible_child (self->screens) == GTK_WIDGET (self->console_view);
  return self->console != NULL && gtk_widget_get_visible (GTK_WIDGET (self->console));
}

/* C. With two monitors the console's window shows or hides. With one, the
 * console takes the slides' place in their window, and C again brings the
 * slides back: the teacher sees which it is, and no window manager can put
 * the console behind the slides. */
void
lgsm_presentation_toggle_console (LgsmPresentation *self)
{
  GtkWindow *console = self->console;

  if (self->one_screen)
    {
      gboolean shown = lgsm_presentation_get_console_shown (self);

      gtk_stack_set_visible_child_name (self->screens, shown ? "show" : "console");
      if (!shown && self->mode == LGSM_PRESENTATION_OVERVIEW)
        lgsm_presentation_set_mode (self, LGSM_PRESENTATION_SLIDE);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }
  if (console == NULL)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (console)))
    {
      gtk_widget_set_visible (GTK_WIDGET (console), FALSE);
      return;
    }
  /* full screen again: a window shown again is not always put back so */
  if (self->console_monitor)
    gtk_window_fullscreen_on_monitor (console, self->console_monitor);
  else
    gtk_window_fullscreen (console);
  gtk_window_present (console);
}

/* Goes full screen: on the second monitor when there is one, with the
 * presenter console on the first. */
void
lgsm_presentation_start (LgsmPresentation *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n_monitors = g_list_model_get_n_items (monitors);

  g_return_if_fail (LGSM_IS_PRESENTATION (self));

  self->console = lgsm_presenter_console_new (self->context);
  gtk_window_group_add_window (self->group, self->console);
  lgsm_presenter_console_set_ink_model (LGSM_PRESENTER_CONSOLE (self->console), self->ink_model);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    g_signal_connect (keys, "key-pressed", G_CALLBACK (lgsm_presentation_on_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->console), keys);
  }

  /* the size of the screen, for desktops without a window manager (kiosks) */
  if (n_monitors >= 1)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, n_monitors >= 2 ? 1 : 0);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      lgsm_presenter_console_set_audience_size (LGSM_PRESENTER_CONSOLE (self->console),
                                                geometry.width, geometry.height);
      lgsm_console_view_set_audience_size (self->console_view, geometry.width, geometry.height);
    }
  lgsm_presentation_update_console (self);

  self->one_screen = n_monitors < 2;
  if (n_monitors >= 2)
    {
      g_autoptr(GdkMonitor) audience = g_list_model_get_item (monitors, 1);
      g_autoptr(GdkMonitor) presenter = g_list_model_get_item (monitors, 0);
      GdkRectangle geometry;

      g_set_object (&self->console_monitor, presenter);
      gdk_monitor_get_geometry (presenter, &geometry);
      gtk_window_set_default_size (self->console, geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (self->console, presenter);
      gtk_window_present (self->console);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), audience);
      gtk_window_present (GTK_WINDOW (self));
    }
  else
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_window_present (GTK_WINDOW (self));
    }
}

static void
lgsm_presentation_dispose (GObject *object)
{
  LgsmPresentation *self = LGSM_PRESENTATION (object);

  g_clear_handle_id (&self->audience_idle, g_source_remove);
  if (self->console)
    {
      gtk_window_destroy (self->console);
      self->console = NULL;
    }
  if (self->scale_css)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->scale_css));
      g_clear_object (&self->scale_css);
    }
  if (self->ink_model)
    g_signal_handlers_disconnect_by_data (self->ink_model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_PRESENTATION);
  g_clear_object (&self->records);
  g_clear_object (&self->second);
  g_clear_object (&self->context);
  g_clear_object (&self->ink_model);
  g_clear_object (&self->group);
  g_clear_object (&self->console_monitor);

  G_OBJECT_CLASS (lgsm_presentation_parent_class)->dispose (object);
}

static void
lgsm_presentation_finalize (GObject *object)
{
  LgsmPresentation *self = LGSM_PRESENTATION (object);

  g_string_free (self->jump_digits, TRUE);

  G_OBJECT_CLASS (lgsm_presentation_parent_class)->finalize (object);
}

static void
lgsm_presentation_class_init (LgsmPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_presentation_dispose;
  object_class->finalize = lgsm_presentation_finalize;
  object_class->get_property = lgsm_presentation_get_property;
  object_class->set_property = lgsm_presentation_set_property;
  widget_class->size_allocate = lgsm_presentation_size_allocate;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LGSM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLIDE] =
    g_param_spec_uint ("slide", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, LGSM_TYPE_PRESENTATION_MODE, LGSM_PRESENTATION_SLIDE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BILINGUAL] =
    g_param_spec_boolean ("bilingual", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLIDES_SCALE] =
    g_param_spec_double ("slides-scale", NULL, NULL, 0.5, 2.5, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  lgsm_presentation_class_add_actions (widget_class);
  g_type_ensure (LGSM_TYPE_SLIDE);
  g_type_ensure (LGSM_TYPE_INK);
  g_type_ensure (LGSM_TYPE_CONSOLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, screens);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, console_view);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, modes);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slides);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slide_a);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slide_b);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, progress);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, overview);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, overview_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, jump_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, ink);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, number_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_key_pressed",
                                                G_CALLBACK (lgsm_presentation_on_key_pressed));
  gtk_widget_class_bind_template_callback (widget_class, on_click);
  gtk_widget_class_bind_template_callback (widget_class, on_swipe);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_default_height);
}

static void
lgsm_presentation_init (LgsmPresentation *self)
{
  self->jump_digits = g_string_new (NULL);
  self->slides_scale = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* a modal dialog (the lessons) grabs the keys of every window in its
   * group: the slides and their console are a group of their own */
  self->group = gtk_window_group_new ();
  gtk_window_group_add_window (self->group, GTK_WINDOW (self));

  self->ink_model = lgsm_ink_model_new ();
  lgsm_ink_set_model (self->ink, self->ink_model);
  lgsm_console_view_set_ink_model (self->console_view, self->ink_model);
  g_signal_connect_swapped (self->ink_model, "notify::tool", G_CALLBACK (lgsm_presentation_update_console), self);

  self->scale_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->scale_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  lgsm_presentation_update_scale (self, 1080, TRUE);
  follow_reduced_motion (self);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-enable-animations",
                           G_CALLBACK (follow_reduced_motion), self, G_CONNECT_SWAPPED);
}

LgsmPresentation *
lgsm_presentation_new (GtkApplication *app,
                       LgsmContext    *context,
                       GListModel     *records,
                       const char     *title)
{
  LgsmPresentation *self = g_object_new (LGSM_TYPE_PRESENTATION,
                                         "application", app,
                                         "context", context,
                                         "title", title,
                                         NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->records = g_object_ref (records);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_overview_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_overview_item), NULL);
  gtk_grid_view_set_factory (self->overview, factory);
  gtk_grid_view_set_model (self->overview, GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (records))));
  g_object_unref (factory);
  lgsm_presentation_set_slide (self, 0);
  if (context)
    {
      GSettings *settings = lgsm_context_get_settings (context);

      /* bilingual slides as the menu left them */
      if (g_settings_get_boolean (settings, "bilingual-slides"))
        lgsm_presentation_set_second_language (self, lgsm_context_get_second_exhibition (context), TRUE);
      g_settings_bind (settings, "slide-numbers", self->number_label, "visible", G_SETTINGS_BIND_GET);
    }
  return self;
}
