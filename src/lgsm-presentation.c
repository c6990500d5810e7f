/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-presentation.h"
#include "lgsm-presenter-console.h"
#include "lgsm-record-card.h"
#include "lgsm-slide.h"

/* Full-screen slides from a list of records, driven by the keys clickers
 * send (PageUp/PageDown, B or period to blank), the keyboard, a click or
 * a swipe. With a second monitor the slides go there and the presenter
 * console takes the first; with one, C shows or hides the console. */
struct _LgsmPresentation
{
  GtkWindow           parent_instance;

  GListModel         *records;
  LgsmExhibition     *second;        /* the records in a second language */
  gboolean            bilingual;
  guint               index;
  LgsmPresentationMode mode;
  gboolean            jumping;       /* G pressed: digits follow */
  GString            *jump_digits;
  GtkWindow          *console;
  GtkCssProvider     *scale_css;
  int                 scaled_height;

  GtkStack           *modes;
  GtkStack           *slides;
  LgsmSlide          *slide_a;
  LgsmSlide          *slide_b;
  GtkProgressBar     *progress;
  GtkGridView        *overview;
  GtkLabel           *jump_label;
};

G_DEFINE_FINAL_TYPE (LgsmPresentation, lgsm_presentation, GTK_TYPE_WINDOW)

static const char * const mode_names[] = { "slide", "black", "white", "overview" };

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

static void
set_mode (LgsmPresentation     *self,
          LgsmPresentationMode  mode)
{
  self->mode = mode;
  gtk_stack_set_visible_child_name (self->modes, mode_names[mode]);
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
  show_second_title (self, self->slide_a);
  show_second_title (self, self->slide_b);
}

gboolean
lgsm_presentation_get_bilingual (LgsmPresentation *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), FALSE);
  return self->bilingual && self->second != NULL;
}

static void
step (LgsmPresentation *self,
      int               delta)
{
  int target = (int) self->index + delta;
  guint n = lgsm_presentation_get_n_slides (self);

  if (self->mode != LGSM_PRESENTATION_SLIDE)
    set_mode (self, LGSM_PRESENTATION_SLIDE);
  if (n > 0)
    lgsm_presentation_set_slide (self, (guint) CLAMP (target, 0, (int) n - 1));
}

static void
toggle_mode (LgsmPresentation     *self,
             LgsmPresentationMode  mode)
{
  set_mode (self, self->mode == mode ? LGSM_PRESENTATION_SLIDE : mode);
}

static void
toggle_console (LgsmPresentation *self)
{
  if (self->console == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->console), !gtk_widget_get_visible (GTK_WIDGET (self->console)));
  gtk_window_present (GTK_WINDOW (self));
}

static void
show_jump (LgsmPresentation *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->jump_label), self->jumping);
  if (!self->jumping)
    return;
  /* Translators: shown while the presenter types a slide number after pressing G */
  text = g_strdup_printf (_("Go to slide: %s"), self->jump_digits->str);
  gtk_label_set_text (self->jump_label, text);
}

/* G, then digits, then Enter: go to that slide. Any other key cancels. */
static gboolean
handle_jump (LgsmPresentation *self,
             guint             keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (c >= '0' && c <= '9')
    {
      g_string_append_c (self->jump_digits, (char) c);
      show_jump (self);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && self->jump_digits->len > 0)
    {
      guint64 number = g_ascii_strtoull (self->jump_digits->str, NULL, 10);
      if (number >= 1)
        step (self, (int) MIN (number, G_MAXINT) - 1 - (int) self->index);
    }
  if (keyval == GDK_KEY_BackSpace && self->jump_digits->len > 0)
    {
      g_string_truncate (self->jump_digits, self->jump_digits->len - 1);
      show_jump (self);
      return TRUE;
    }
  self->jumping = FALSE;
  show_jump (self);
  return TRUE;
}

gboolean
lgsm_presentation_handle_key (LgsmPresentation *self,
                              guint             keyval,
                              GdkModifierType   state)
{
  g_return_val_if_fail (LGSM_IS_PRESENTATION (self), FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (self->jumping)
    return handle_jump (self, keyval);

  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_Down: case GDK_KEY_Page_Down: case GDK_KEY_space:
    case GDK_KEY_KP_Right: case GDK_KEY_KP_Down: case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Return: case GDK_KEY_KP_Enter:
      if (self->mode == LGSM_PRESENTATION_OVERVIEW && keyval != GDK_KEY_Page_Down)
        return FALSE;  /* the grid moves its own focus; Enter picks */
      step (self, 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_Up: case GDK_KEY_Page_Up: case GDK_KEY_BackSpace:
    case GDK_KEY_KP_Left: case GDK_KEY_KP_Up: case GDK_KEY_KP_Page_Up:
      if (self->mode == LGSM_PRESENTATION_OVERVIEW && keyval != GDK_KEY_Page_Up)
        return FALSE;
      step (self, -1);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      step (self, -(int) self->index);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      step (self, (int) lgsm_presentation_get_n_slides (self));
      return TRUE;
    case GDK_KEY_b: case GDK_KEY_B: case GDK_KEY_period: case GDK_KEY_KP_Decimal:
      toggle_mode (self, LGSM_PRESENTATION_BLACK);
      return TRUE;
    case GDK_KEY_w: case GDK_KEY_W:
      toggle_mode (self, LGSM_PRESENTATION_WHITE);
      return TRUE;
    case GDK_KEY_Tab:
      toggle_mode (self, LGSM_PRESENTATION_OVERVIEW);
      return TRUE;
    case GDK_KEY_g: case GDK_KEY_G:
      self->jumping = TRUE;
      g_string_truncate (self->jump_digits, 0);
      show_jump (self);
      return TRUE;
    case GDK_KEY_c: case GDK_KEY_C:
      toggle_console (self);
      return TRUE;
    case GDK_KEY_l: case GDK_KEY_L:
      lgsm_presentation_set_second_language (self, self->second, !self->bilingual);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->mode != LGSM_PRESENTATION_SLIDE)
        set_mode (self, LGSM_PRESENTATION_SLIDE);
      else
        gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LgsmPresentation      *self)
{
  return lgsm_presentation_handle_key (self, keyval, state);
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
  step (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static void
on_swipe (GtkGestureSwipe  *gesture,
          double            velocity_x,
          double            velocity_y,
          LgsmPresentation *self)
{
  if (ABS (velocity_x) > 400 && ABS (velocity_x) > 2 * ABS (velocity_y))
    step (self, velocity_x < 0 ? 1 : -1);
}

static void
on_overview_activate (GtkGridView      *grid,
                      guint             position,
                      LgsmPresentation *self)
{
  set_mode (self, LGSM_PRESENTATION_SLIDE);
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
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
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
  widget_class->size_allocate = lgsm_presentation_size_allocate;

  g_type_ensure (LGSM_TYPE_SLIDE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, modes);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slides);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slide_a);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, slide_b);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, progress);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, overview);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresentation, jump_label);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);
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
                       GListModel     *records,
                       const char     *title)
{
  LgsmPresentation *self = g_object_new (LGSM_TYPE_PRESENTATION, "application", app, "title", title, NULL);
  GtkListItemFactory *factory = lgsm_record_card_factory_new ();

  self->records = g_object_ref (records);
  gtk_grid_view_set_factory (self->overview, factory);
  gtk_grid_view_set_model (self->overview, GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (records))));
  g_object_unref (factory);
  lgsm_presentation_set_slide (self, 0);
  return self;
}
