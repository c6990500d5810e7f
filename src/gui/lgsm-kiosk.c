/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-gui-enums.h"
#include "lgsm-kiosk.h"

/* The gallery kiosk: watches for input on the window; after a while with
 * none, shows a countdown with a "Keep looking" button; if nobody answers,
 * resets to the start and runs the attract loop until someone touches the
 * screen. The operator leaves through a long press in the top-left corner
 * and a PIN, or with `lgsm-exhibition --quit` from a terminal. */
struct _LgsmKiosk
{
  GObject             parent_instance;

  GtkWindow          *window;     /* weak */
  LgsmAttract        *attract;
  GtkWidget          *countdown;
  GtkLabel           *countdown_label;
  GtkWidget          *pin_dialog;
  LgsmKioskResetFunc  reset;
  gpointer            reset_data;

  LgsmKioskState      state;
  guint               idle_ms;
  guint               countdown_steps;
  guint               step_ms;
  guint               slide_ms;
  guint               remaining;
  guint               timer;
  guint               corner_timer;
  char               *pin;
};

G_DEFINE_FINAL_TYPE (LgsmKiosk, lgsm_kiosk, G_TYPE_OBJECT)

enum { SIGNAL_STATE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void enter_active (LgsmKiosk *self);

/* The audio guide (issue 19) says the countdown aloud before the reset. */
static void
set_state (LgsmKiosk      *self,
           LgsmKioskState  state)
{
  guint seconds = state == LGSM_KIOSK_COUNTDOWN ? self->remaining * self->step_ms / 1000 : 0;

  if (self->state == state)
    return;
  self->state = state;
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0, state, seconds);
}

static void
update_countdown_label (LgsmKiosk *self)
{
  g_autofree char *text =
    /* Translators: the kiosk's countdown when nobody has touched it for a while; a "Keep looking"
       button is under it */
    g_strdup_printf (ngettext ("Still there? The exhibition goes back to the start in %u second.",
                               "Still there? The exhibition goes back to the start in %u seconds.",
                               self->remaining * self->step_ms / 1000),
                     self->remaining * self->step_ms / 1000);
  gtk_label_set_text (self->countdown_label, text);
}

static void
enter_attract (LgsmKiosk *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  gtk_widget_set_visible (self->countdown, FALSE);
  if (self->reset)
    self->reset (self->reset_data);
  set_state (self, LGSM_KIOSK_ATTRACT);
  lgsm_attract_start (self->attract, self->slide_ms);
}

static gboolean
on_countdown_step (gpointer data)
{
  LgsmKiosk *self = data;

  if (self->remaining > 0)
    self->remaining--;
  if (self->remaining == 0)
    {
      self->timer = 0;
      enter_attract (self);
      return G_SOURCE_REMOVE;
    }
  update_countdown_label (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_idle (gpointer data)
{
  LgsmKiosk *self = data;

  self->timer = 0;
  self->remaining = self->countdown_steps;
  set_state (self, LGSM_KIOSK_COUNTDOWN);
  update_countdown_label (self);
  gtk_widget_set_visible (self->countdown, TRUE);
  self->timer = g_timeout_add (self->step_ms, on_countdown_step, self);
  return G_SOURCE_REMOVE;
}

static void
enter_active (LgsmKiosk *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->state == LGSM_KIOSK_ATTRACT)
    lgsm_attract_stop (self->attract);
  gtk_widget_set_visible (self->countdown, FALSE);
  set_state (self, LGSM_KIOSK_ACTIVE);
  self->timer = g_timeout_add (self->idle_ms, on_idle, self);
}

/* Any touch, click or key: back to the exhibition, and the idle clock restarts. */
void
lgsm_kiosk_activity (LgsmKiosk *self)
{
  g_return_if_fail (LGSM_IS_KIOSK (self));
  enter_active (self);
}

void
lgsm_kiosk_keep_looking (LgsmKiosk *self)
{
  g_return_if_fail (LGSM_IS_KIOSK (self));
  enter_active (self);
}

static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          LgsmKiosk                *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_SCROLL:
      {
        /* the touch that wakes the attract loop is not also a tap on what is under it */
        gboolean swallow = self->state == LGSM_KIOSK_ATTRACT;
        enter_active (self);
        return swallow;
      }
    case GDK_MOTION_NOTIFY:
      if (self->state == LGSM_KIOSK_ACTIVE)
        enter_active (self);
      return FALSE;
    default:
      return FALSE;
    }
}

/* ---- the operator's way out ---------------------------------------------- */

gboolean
lgsm_kiosk_try_pin (LgsmKiosk  *self,
                    const char *pin)
{
  g_return_val_if_fail (LGSM_IS_KIOSK (self), FALSE);

  if (self->pin == NULL || *self->pin == '\0' || g_strcmp0 (pin, self->pin) != 0)
    return FALSE;
  g_application_quit (G_APPLICATION (gtk_window_get_application (self->window)));
  return TRUE;
}

static void
on_pin_activate (GtkEditable *entry,
                 LgsmKiosk   *self)
{
  if (!lgsm_kiosk_try_pin (self, gtk_editable_get_text (entry)))
    {
      gtk_editable_set_text (entry, "");
      gtk_widget_error_bell (GTK_WIDGET (entry));
    }
}

static void
on_pin_cancel (GtkButton *button,
               LgsmKiosk *self)
{
  if (self->pin_dialog)
    gtk_window_destroy (GTK_WINDOW (self->pin_dialog));  /* the weak pointer clears itself */
}

void
lgsm_kiosk_ask_pin (LgsmKiosk *self)
{
  GtkWidget *box, *label, *entry, *cancel;
  gboolean has_pin = self->pin && *self->pin;

  if (self->pin_dialog)
    return;
  self->pin_dialog = gtk_window_new ();
  /* Translators: title of the small window where the operator (the member of staff who looks after
     the kiosk) types the PIN */
  gtk_window_set_title (GTK_WINDOW (self->pin_dialog), _("Operator"));
  gtk_window_set_modal (GTK_WINDOW (self->pin_dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (self->pin_dialog), self->window);
  g_object_add_weak_pointer (G_OBJECT (self->pin_dialog), (gpointer *) &self->pin_dialog);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  /* Translators: in the operator's window, over the box for the PIN (a number, not a password) */
  label = gtk_label_new (has_pin ? _("Enter the operator's PIN to leave the kiosk")
                                 /* Translators: in the operator's window when no PIN is set; keep
                                    the two commands as they are */
                                 : _("No operator PIN is set. Leave with “lgsm-exhibition --quit” "
                                     "from a terminal, or set one with “gsettings set org.lgsm.Exhibition kiosk-pin …”."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_box_append (GTK_BOX (box), label);
  if (has_pin)
    {
      entry = gtk_password_entry_new ();
      /* Translators: for screen readers: the box where the operator types the PIN (the kiosk's
         personal identification number) */
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("PIN"), -1);
      g_signal_connect (entry, "activate", G_CALLBACK (on_pin_activate), self);
      gtk_box_append (GTK_BOX (box), entry);
    }
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_pin_cancel), self);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (GTK_WINDOW (self->pin_dialog), box);
  gtk_window_present (GTK_WINDOW (self->pin_dialog));
}

static gboolean
on_corner_held (gpointer data)
{
  LgsmKiosk *self = data;

  self->corner_timer = 0;
  lgsm_kiosk_ask_pin (self);
  return G_SOURCE_REMOVE;
}

/* Held for three seconds: no visitor does that by chance. */
static void
on_corner_pressed (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LgsmKiosk       *self)
{
  g_clear_handle_id (&self->corner_timer, g_source_remove);
  self->corner_timer = g_timeout_add (3000, on_corner_held, self);
}

static void
on_corner_released (LgsmKiosk *self)
{
  g_clear_handle_id (&self->corner_timer, g_source_remove);
}

/* ---- building ------------------------------------------------------------- */

static void
on_keep_looking (GtkButton *button,
                 LgsmKiosk *self)
{
  lgsm_kiosk_keep_looking (self);
}

static GtkWidget *
countdown_new (LgsmKiosk *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *label = gtk_label_new (NULL);
  /* Translators: button under the kiosk's countdown: the visitor is still there and goes on
     looking */
  GtkWidget *button = gtk_button_new_with_label (_("Keep looking"));

  gtk_widget_add_css_class (box, "kiosk-countdown");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  /* Translators: for screen readers: the kiosk's countdown before it goes back to the first page */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Going back to the start"), -1);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect (button, "clicked", G_CALLBACK (on_keep_looking), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_visible (box, FALSE);
  self->countdown_label = GTK_LABEL (label);
  return box;
}

static GtkWidget *
corner_new (LgsmKiosk *self)
{
  GtkWidget *corner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkGesture *press = gtk_gesture_click_new ();

  gtk_widget_set_size_request (corner, 64, 64);
  gtk_widget_set_halign (corner, GTK_ALIGN_START);
  gtk_widget_set_valign (corner, GTK_ALIGN_START);
  g_signal_connect (press, "pressed", G_CALLBACK (on_corner_pressed), self);
  g_signal_connect_swapped (press, "released", G_CALLBACK (on_corner_released), self);
  g_signal_connect_swapped (press, "cancel", G_CALLBACK (on_corner_released), self);
  gtk_widget_add_controller (corner, GTK_EVENT_CONTROLLER (press));
  return corner;
}

static void
lgsm_kiosk_dispose (GObject *object)
{
  LgsmKiosk *self = LGSM_KIOSK (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_handle_id (&self->corner_timer, g_source_remove);
  if (self->pin_dialog)
    gtk_window_destroy (GTK_WINDOW (self->pin_dialog));
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (lgsm_kiosk_parent_class)->dispose (object);
}

static void
lgsm_kiosk_finalize (GObject *object)
{
  g_free (LGSM_KIOSK (object)->pin);
  G_OBJECT_CLASS (lgsm_kiosk_parent_class)->finalize (object);
}

static void
lgsm_kiosk_class_init (LgsmKioskClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lgsm_kiosk_dispose;
  G_OBJECT_CLASS (klass)->finalize = lgsm_kiosk_finalize;

  /**
   * LgsmKiosk::state-changed:
   * @state: the new LgsmKioskState
   * @seconds: for the countdown, the seconds until the reset; else 0
   */
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, LGSM_TYPE_KIOSK_STATE, G_TYPE_UINT);
}

static void
lgsm_kiosk_init (LgsmKiosk *self)
{
  self->idle_ms = 90 * 1000;
  self->countdown_steps = 15;
  self->step_ms = 1000;
  self->slide_ms = 8000;
}

LgsmKiosk *
lgsm_kiosk_new (GtkWindow          *window,
                GtkOverlay         *overlay,
                LgsmExhibition     *exhibition,
                LgsmKioskResetFunc  reset,
                gpointer            user_data)
{
  LgsmKiosk *self = g_object_new (LGSM_TYPE_KIOSK, NULL);
  GtkEventController *watch = gtk_event_controller_legacy_new ();

  g_set_weak_pointer (&self->window, window);
  self->reset = reset;
  self->reset_data = user_data;

  self->attract = LGSM_ATTRACT (lgsm_attract_new ());
  lgsm_attract_set_exhibition (self->attract, exhibition);
  self->countdown = countdown_new (self);
  gtk_overlay_add_overlay (overlay, self->countdown);
  gtk_overlay_add_overlay (overlay, GTK_WIDGET (self->attract));
  gtk_overlay_add_overlay (overlay, corner_new (self));

  gtk_event_controller_set_propagation_phase (watch, GTK_PHASE_CAPTURE);
  g_signal_connect (watch, "event", G_CALLBACK (on_event), self);
  gtk_widget_add_controller (GTK_WIDGET (window), watch);

  gtk_widget_add_css_class (GTK_WIDGET (window), "kiosk");
  enter_active (self);
  return self;
}

/* Shorter times for tests; the defaults suit a gallery. */
void
lgsm_kiosk_set_timings (LgsmKiosk *self,
                        guint      idle_ms,
                        guint      countdown_steps,
                        guint      step_ms,
                        guint      slide_ms)
{
  g_return_if_fail (LGSM_IS_KIOSK (self));

  self->idle_ms = MAX (idle_ms, 1);
  self->countdown_steps = MAX (countdown_steps, 1);
  self->step_ms = MAX (step_ms, 1);
  self->slide_ms = MAX (slide_ms, 1);
  if (self->state == LGSM_KIOSK_ACTIVE)
    enter_active (self);
}

void
lgsm_kiosk_set_pin (LgsmKiosk  *self,
                    const char *pin)
{
  g_return_if_fail (LGSM_IS_KIOSK (self));
  g_free (self->pin);
  self->pin = g_strdup (pin);
}

LgsmKioskState
lgsm_kiosk_get_state (LgsmKiosk *self)
{
  g_return_val_if_fail (LGSM_IS_KIOSK (self), LGSM_KIOSK_ACTIVE);
  return self->state;
}

guint
lgsm_kiosk_get_countdown (LgsmKiosk *self)
{
  g_return_val_if_fail (LGSM_IS_KIOSK (self), 0);
  return self->state == LGSM_KIOSK_COUNTDOWN ? self->remaining : 0;
}

LgsmAttract *
lgsm_kiosk_get_attract (LgsmKiosk *self)
{
  g_return_val_if_fail (LGSM_IS_KIOSK (self), NULL);
  return self->attract;
}
