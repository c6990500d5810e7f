/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-context.h"
#include "lgsm-presentation-private.h"
#include "lgsm-presenter-console.h"
#include "lgsm-record-card.h"
#include "lgsm-slide.h"
#include "lgsm-gui-enums.h"

/* Full-screen slides from a list of records, driven by the keys clickers
 * send (PageUp/PageDown, B or period to blank), the keyboard, a click or
 * a swipe. With a second monitor the slides go there and the presenter
 * console takes the first; with one, C shows or hides the console. */

G_DEFINE_FINAL_TYPE (LgsmPresentation, lgsm_presentation, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_SLIDE, PROP_MODE, PROP_BILINGUAL, N_PROPS };
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

void
lgsm_presentation_set_mode (LgsmPresentation     *self,
                            LgsmPresentationMode  mode)
{
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  gtk_stack_set_visible_child_name (self->modes, lgsm_presentation_mode_to_nick (mode));
  if (mode == LGSM_PRESENTATION_OVERVIEW)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->overview), "list.scroll-to-item", "u", self->index);
      gtk_widget_grab_focus (GTK_WIDGET (self->overview));
    }
}

static void show_second_title (LgsmPresentation *self,
                               LgsmSlide        *slide);

static void
update_console (LgsmPresentation *self)
{
  guint n = lgsm_presentation_get_n_slides (self);

  if (self->console == NULL || n == 0)
    return;
  lgsm_presenter_console_show (LGSM_PRESENTER_CONSOLE (self->console),
                               lgsm_presentation_get_record (self, self->index),
                               self->index + 1 < n ? lgsm_presentation_get_record (self, self->index + 1) : NULL,
                               self->index, n);
}

void
lgsm_presentation_set_slide (LgsmPresentation *self,
                             guint             index)
{
  guint n;
  LgsmSlide *next;
  g_autofree char *name = NULL;

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
  /* Translators: the accessible name of the presentation: slide title and position */
  name = g_strdup_printf (_("%s, slide %u of %u"), lgsm_slide_get_title (next), index + 1, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slides), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  update_console (self);
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

/* Text is sized from the screen's height, so a slide reads the same from
 * the back of a room on a laptop or a 4K projector: the base size is
 * 1/27 of the height (40 px at 1080p, the size of the summary); titles
 * are 1.6 times that (64 px), legible from the back of a classroom. */
static void
update_scale (LgsmPresentation *self,
              int               height)
{
  g_autofree char *css = NULL;

  if (height <= 0 || ABS (height - self->scaled_height) < 8)
    return;
  self->scaled_height = height;
  css = g_strdup_printf ("window.presentation slide { font-size: %dpx; }", MAX (12, height / 27));
  gtk_css_provider_load_from_data (self->scale_css, css, -1);
}

static void
on_default_height (LgsmPresentation *self)
{
  update_scale (self, gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
lgsm_presentation_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GTK_WIDGET_CLASS (lgsm_presentation_parent_class)->size_allocate (widget, width, height, baseline);
  update_scale (LGSM_PRESENTATION (widget), height);
}

static void
follow_reduced_motion (LgsmPresentation *self)
{
  gboolean animate = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);
  gtk_stack_set_transition_type (self->slides, animate ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                                      : GTK_STACK_TRANSITION_TYPE_NONE);
}

/* Goes full screen: on the second monitor when there is one, with the
 * presenter console on the first. */
void
lgsm_presentation_start (LgsmPresentation *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n_monitors = g_list_model_get_n_items (monitors);

  g_return_if_fail (LGSM_IS_PRESENTATION (self));

  self->console = lgsm_presenter_console_new ();
  gtk_window_set_transient_for (self->console, NULL);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    g_signal_connect (keys, "key-pressed", G_CALLBACK (lgsm_presentation_on_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->console), keys);
  }
  update_console (self);

  /* the size of the screen, for desktops without a window manager (kiosks) */
  if (n_monitors >= 1)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, n_monitors >= 2 ? 1 : 0);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
    }

  if (n_monitors >= 2)
    {
      g_autoptr(GdkMonitor) audience = g_list_model_get_item (monitors, 1);
      g_autoptr(GdkMonitor) presenter = g_list_model_get_item (monitors, 0);

      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), audience);
      gtk_window_present (GTK_WINDOW (self));
      gtk_window_fullscreen_on_monitor (self->console, presenter);
      gtk_window_present (self->console);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_PRESENTATION);
  g_clear_object (&self->records);
  g_clear_object (&self->second);
  g_clear_object (&self->context);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  lgsm_presentation_class_add_actions (widget_class);
  g_type_ensure (LGSM_TYPE_SLIDE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, modes);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slides);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slide_a);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slide_b);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, progress);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, overview);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, jump_label);
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
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scale_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->scale_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  update_scale (self, 1080);
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
  GtkListItemFactory *factory = lgsm_record_card_factory_new ();

  self->records = g_object_ref (records);
  gtk_grid_view_set_factory (self->overview, factory);
  gtk_grid_view_set_model (self->overview, GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (records))));
  g_object_unref (factory);
  lgsm_presentation_set_slide (self, 0);
  /* bilingual slides as the menu left them */
  if (context && g_settings_get_boolean (lgsm_context_get_settings (context), "bilingual-slides"))
    lgsm_presentation_set_second_language (self, lgsm_context_get_second_exhibition (context), TRUE);
  return self;
}
