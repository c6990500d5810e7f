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
  GtkWidget          *page;       /* the exhibition under the attract loop */
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

  /* wrong PINs: each one doubles the wait before the next try */
  guint               pin_failures;
  guint               pin_delay_first_ms;
  guint               pin_delay_max_ms;
  gint64              pin_locked_until;   /* monotonic µs */
  gint64              pin_last_failure;
  guint               pin_unlock_timer;
  GtkWidget          *pin_entry;          /* weak: inside pin_dialog */
  GtkLabel           *pin_label;          /* weak: inside pin_dialog */
};

G_DEFINE_FINAL_TYPE (LgsmKiosk, lgsm_kiosk, G_TYPE_OBJECT)

enum { SIGNAL_STATE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void enter_active (LgsmKiosk *self);
static void close_pin_dialog (LgsmKiosk *self);

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

/* Under the attract loop the exhibition is not drawn at all (opacity 0
 * leaves it out of every frame, and keeps its layout and scroll
 * positions): each frame of the loop then costs only the loop. */
static void
show_page (LgsmKiosk *self,
           gboolean   shown)
{
  if (self->page)
    gtk_widget_set_opacity (self->page, shown ? 1.0 : 0.0);
}

static void
enter_attract (LgsmKiosk *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  gtk_widget_set_visible (self->countdown, FALSE);
  /* a PIN half typed is not left for the next visitor */
  close_pin_dialog (self);
  if (self->reset)
    self->reset (self->reset_data);
  set_state (self, LGSM_KIOSK_ATTRACT);
  lgsm_attract_start (self->attract, self->slide_ms);
  show_page (self, FALSE);
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "MESSAGE", "Kiosk idle: back to the start, attract loop on",
                    "LGSM_KIOSK_EVENT", "reset");
}

/* Straight to the attract loop of a window at its opening state: how a
 * kiosk starts (at boot, or restarted after a crash), with nobody in front
 * of it yet. Nothing is reset: the window is new. */
void
lgsm_kiosk_start_attract (LgsmKiosk *self)
{
  g_return_if_fail (LGSM_IS_KIOSK (self));
  if (self->state == LGSM_KIOSK_ATTRACT)
    return;
  g_clear_handle_id (&self->timer, g_source_remove);
  gtk_widget_set_visible (self->countdown, FALSE);
  set_state (self, LGSM_KIOSK_ATTRACT);
  lgsm_attract_start (self->attract, self->slide_ms);
  show_page (self, FALSE);
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
    {
      lgsm_attract_stop (self->attract);
      show_page (self, TRUE);
    }
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

static void watch_corner (LgsmKiosk *self, GdkEvent *event);

static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          LgsmKiosk                *self)
{
  watch_corner (self, event);
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
      {
        gboolean swallow = self->state == LGSM_KIOSK_ATTRACT;
        enter_active (self);
        return swallow;
      }
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

static void
close_pin_dialog (LgsmKiosk *self)
{
  g_clear_handle_id (&self->pin_unlock_timer, g_source_remove);
  if (self->pin_dialog)
    gtk_window_destroy (GTK_WINDOW (self->pin_dialog));  /* the weak pointers clear themselves */
}

/* Milliseconds before the next PIN may be tried (0: now). */
guint
lgsm_kiosk_get_pin_wait (LgsmKiosk *self)
{
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (LGSM_IS_KIOSK (self), 0);
  return self->pin_locked_until > now ? (guint) ((self->pin_locked_until - now + 999) / 1000) : 0;
}

/* The first wrong PIN costs @first_ms before the next try, each further
 * one twice as long, up to @max_ms; a quarter of an hour without a wrong
 * PIN starts the count again. */
void
lgsm_kiosk_set_pin_delay (LgsmKiosk *self,
                          guint      first_ms,
                          guint      max_ms)
{
  g_return_if_fail (LGSM_IS_KIOSK (self));
  self->pin_delay_first_ms = MAX (first_ms, 1);
  self->pin_delay_max_ms = MAX (max_ms, self->pin_delay_first_ms);
}

gboolean
lgsm_kiosk_try_pin (LgsmKiosk  *self,
                    const char *pin)
{
  gint64 now = g_get_monotonic_time ();
  guint64 delay;

  g_return_val_if_fail (LGSM_IS_KIOSK (self), FALSE);

  if (self->pin == NULL || *self->pin == '\0')
    return FALSE;
  /* while the wait lasts, no PIN is even compared, the right one neither */
  if (lgsm_kiosk_get_pin_wait (self) > 0)
    return FALSE;
  if (g_strcmp0 (pin, self->pin) == 0)
    {
      self->pin_failures = 0;
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Kiosk left by the operator (PIN)",
                        "LGSM_KIOSK_EVENT", "operator-quit");
      g_application_quit (G_APPLICATION (gtk_window_get_application (self->window)));
      return TRUE;
    }
  if (now - self->pin_last_failure > 15 * 60 * G_USEC_PER_SEC)
    self->pin_failures = 0;
  self->pin_failures++;
  self->pin_last_failure = now;
  delay = (guint64) self->pin_delay_first_ms << MIN (self->pin_failures - 1, 20);
  delay = MIN (delay, self->pin_delay_max_ms);
  self->pin_locked_until = now + (gint64) delay * 1000;
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                    "MESSAGE", "Kiosk: wrong operator PIN (%u in a row), next try in %u ms",
                    self->pin_failures, (guint) delay,
                    "LGSM_KIOSK_EVENT", "wrong-pin");
  return FALSE;
}

static gboolean
on_pin_unlocked (gpointer data)
{
  LgsmKiosk *self = data;

  self->pin_unlock_timer = 0;
  if (self->pin_entry)
    {
      gtk_widget_set_sensitive (self->pin_entry, TRUE);
      gtk_widget_grab_focus (self->pin_entry);
    }
  if (self->pin_label)
    gtk_label_set_text (self->pin_label, _("Enter the operator's PIN to leave the kiosk"));
  return G_SOURCE_REMOVE;
}

static void
on_pin_activate (GtkEditable *entry,
                 LgsmKiosk   *self)
{
  g_autofree char *text = NULL;
  guint wait;

  if (lgsm_kiosk_try_pin (self, gtk_editable_get_text (entry)))
    return;
  gtk_editable_set_text (entry, "");
  gtk_widget_error_bell (GTK_WIDGET (entry));
  wait = lgsm_kiosk_get_pin_wait (self);
  if (wait == 0)
    return;
  /* Translators: after a wrong operator PIN; %u is a number of seconds */
  text = g_strdup_printf (ngettext ("Wrong PIN. Try again in %u second.",
                                    "Wrong PIN. Try again in %u seconds.", (wait + 999) / 1000),
                          (wait + 999) / 1000);
  gtk_label_set_text (self->pin_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (entry), FALSE);
  g_clear_handle_id (&self->pin_unlock_timer, g_source_remove);
  self->pin_unlock_timer = g_timeout_add (wait, on_pin_unlocked, self);
}

static void
on_pin_cancel (GtkButton *button,
               LgsmKiosk *self)
{
  close_pin_dialog (self);
}

GtkWindow *
lgsm_kiosk_get_pin_dialog (LgsmKiosk *self)
{
  g_return_val_if_fail (LGSM_IS_KIOSK (self), NULL);
  return self->pin_dialog ? GTK_WINDOW (self->pin_dialog) : NULL;
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
  /* no title bar: nothing for a window manager to minimise, move or close */
  gtk_window_set_deletable (GTK_WINDOW (self->pin_dialog), FALSE);
  gtk_window_set_decorated (GTK_WINDOW (self->pin_dialog), FALSE);
  gtk_widget_add_css_class (self->pin_dialog, "kiosk-pin");
  g_object_add_weak_pointer (G_OBJECT (self->pin_dialog), (gpointer *) &self->pin_dialog);
  lgsm_kiosk_lock_window (GTK_WINDOW (self->pin_dialog));

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
  gtk_widget_set_size_request (label, 360, -1);  /* its height is then asked for at that width */
  gtk_box_append (GTK_BOX (box), label);
  g_set_weak_pointer (&self->pin_label, GTK_LABEL (label));
  if (has_pin)
    {
      entry = gtk_password_entry_new ();
      g_set_weak_pointer (&self->pin_entry, entry);
      if (lgsm_kiosk_get_pin_wait (self) > 0)
        {
          gtk_widget_set_sensitive (entry, FALSE);
          g_clear_handle_id (&self->pin_unlock_timer, g_source_remove);
          self->pin_unlock_timer = g_timeout_add (lgsm_kiosk_get_pin_wait (self), on_pin_unlocked, self);
        }
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

/* Held for three seconds in the top-left corner: no visitor does that by
 * chance. Watched on the window's events themselves, not by a widget laid
 * over the corner, which would take the clicks of what is there (Back). */
#define CORNER_SIZE 64

static void
watch_corner (LgsmKiosk *self,
              GdkEvent  *event)
{
  double x = 0, y = 0;

  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      g_clear_handle_id (&self->corner_timer, g_source_remove);
      if (gdk_event_get_position (event, &x, &y) && x < CORNER_SIZE && y < CORNER_SIZE)
        self->corner_timer = g_timeout_add (3000, on_corner_held, self);
      break;
    case GDK_BUTTON_RELEASE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
      g_clear_handle_id (&self->corner_timer, g_source_remove);
      break;
    case GDK_MOTION_NOTIFY:
    case GDK_TOUCH_UPDATE:
      if (self->corner_timer && gdk_event_get_position (event, &x, &y) &&
          (x >= CORNER_SIZE || y >= CORNER_SIZE))
        g_clear_handle_id (&self->corner_timer, g_source_remove);
      break;
    default:
      break;
    }
}

/* ---- the lock-down -------------------------------------------------------- */

/* What a visitor's keyboard may do in a kiosk: type (a search), move
 * (arrows, Tab, Page Up/Down, Home, End, Enter, Space, Escape for Back),
 * and the few chords of the exhibition itself: Alt+1… (tabs), Alt+Left
 * (Back), Ctrl+F (search), Ctrl+plus/minus/0 (text size, undone by the
 * idle reset) and editing in the search entry. Every other chord with
 * Ctrl, Alt or Super, every function key and the Menu key is swallowed
 * before GTK sees it: the Inspector (Ctrl+Shift+D, Ctrl+Shift+I), the
 * emoji chooser (Ctrl+., Ctrl+;), context menus (Shift+F10, Menu), the
 * menu (F10), full screen (F11), print (Ctrl+P), open (Ctrl+O), quit and
 * close (Ctrl+Q, Ctrl+W), the shortcuts window (Ctrl+?), presenting (F5)
 * and whatever a later GTK adds. */
gboolean
lgsm_kiosk_key_allowed (guint           keyval,
                        GdkModifierType state)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK |
                                  GDK_META_MASK | GDK_HYPER_MASK);
  guint key = gdk_keyval_to_lower (keyval);

  if ((keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35) ||
      keyval == GDK_KEY_Menu || keyval == GDK_KEY_Help || keyval == GDK_KEY_Print ||
      keyval == GDK_KEY_Sys_Req || keyval == GDK_KEY_Execute ||
      (keyval >= GDK_KEY_Switch_VT_1 && keyval <= GDK_KEY_Switch_VT_12))
    return FALSE;
  if (mods == 0)
    return TRUE;
  if (mods == GDK_ALT_MASK)
    return (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9) || keyval == GDK_KEY_Left ||
           keyval == GDK_KEY_KP_Left;
  if (mods != GDK_CONTROL_MASK)
    return FALSE;
  if (state & GDK_SHIFT_MASK)
    /* Ctrl+Shift: only redo, and moving or selecting by words */
    return key == GDK_KEY_z || keyval == GDK_KEY_Left || keyval == GDK_KEY_Right ||
           keyval == GDK_KEY_Home || keyval == GDK_KEY_End || keyval == GDK_KEY_plus;
  switch (key)
    {
    case GDK_KEY_f:                                   /* search */
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
    case GDK_KEY_0: case GDK_KEY_KP_0:                /* text size */
    case GDK_KEY_a: case GDK_KEY_z:                   /* editing a search */
    case GDK_KEY_BackSpace: case GDK_KEY_Delete:
    case GDK_KEY_Left: case GDK_KEY_Right: case GDK_KEY_Home: case GDK_KEY_End:
    case GDK_KEY_Tab:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_locked_event (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 gpointer                  data)
{
  GdkEventType type = gdk_event_get_event_type (event);

  switch ((int) type)
    {
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
      return !lgsm_kiosk_key_allowed (gdk_key_event_get_keyval (event), gdk_event_get_modifier_state (event));
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
      /* right (and middle) click: context menus, and pasting the selection */
      return gdk_button_event_get_button (event) == GDK_BUTTON_SECONDARY ||
             gdk_button_event_get_button (event) == GDK_BUTTON_MIDDLE;
    case GDK_DRAG_ENTER:
    case GDK_DRAG_MOTION:
    case GDK_DROP_START:
      /* nothing is dropped on a kiosk */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Labels cannot be selected (no selection, no context menu, no dragging
 * text), links open nothing outside the exhibition, the entries have no
 * emoji chooser, no context menu and no extra menu. Applied to every
 * label, text and link button as it is realized in a kiosk window, so it
 * reaches what is built later (records, search results). */
static gboolean
on_kiosk_link (GtkWidget  *widget,
               const char *uri,
               gpointer    data)
{
  /* the exhibition's own links were handled by the handlers before this one */
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "MESSAGE", "Kiosk: a link to “%s” was not opened", uri ? uri : "",
                    "LGSM_KIOSK_EVENT", "link-blocked");
  return TRUE;
}

static gboolean
on_link_button (GtkLinkButton *button,
                gpointer       data)
{
  return on_kiosk_link (GTK_WIDGET (button), gtk_link_button_get_uri (button), data);
}

static void
lock_text (GtkText *text)
{
  static const char *actions[] = { "misc.insert-emoji", "menu.popup", "clipboard.paste" };

  gtk_text_set_enable_emoji_completion (text, FALSE);
  gtk_text_set_extra_menu (text, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (text), actions[i], FALSE);
}

/* Also for tests: whether @widget is in a window locked for a kiosk. */
gboolean
lgsm_kiosk_is_locked_window (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return root && g_object_get_data (G_OBJECT (root), "lgsm-kiosk-locked") != NULL;
}

static void
lock_widget (GtkWidget *widget)
{
  /* no tooltips: on a touch screen they only linger (over the attract
   * loop); the tooltip text stays the accessible description */
  gtk_widget_set_has_tooltip (widget, FALSE);
  if (!(GTK_IS_LABEL (widget) || GTK_IS_TEXT (widget) || GTK_IS_LINK_BUTTON (widget)) ||
      g_object_get_data (G_OBJECT (widget), "lgsm-kiosk-locked"))
    return;
  g_object_set_data (G_OBJECT (widget), "lgsm-kiosk-locked", GINT_TO_POINTER (1));
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_selectable (GTK_LABEL (widget), FALSE);
      g_signal_connect (widget, "activate-link", G_CALLBACK (on_kiosk_link), NULL);
    }
  else if (GTK_IS_TEXT (widget))
    lock_text (GTK_TEXT (widget));
  else
    g_signal_connect (widget, "activate-link", G_CALLBACK (on_link_button), NULL);
}

/* what a window had already built when it became a kiosk window */
static void
lock_tree (GtkWidget *widget)
{
  lock_widget (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    lock_tree (child);
}

static gboolean
on_realize_hook (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (lgsm_kiosk_is_locked_window (widget))
    lock_widget (widget);
  return TRUE;  /* stay connected */
}

/* The GTK Inspector, however it was asked for (its keys on a window that
 * is not locked, GTK_DEBUG=interactive, the desktop's GTK settings), is
 * closed as soon as it appears while a kiosk runs. */
static guint n_inspectors_closed;

static gboolean
close_inspector (gpointer data)
{
  gtk_window_set_interactive_debugging (FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_str_has_prefix (G_OBJECT_TYPE_NAME (window), "GtkInspector"))
        {
          n_inspectors_closed++;
          g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                            "MESSAGE", "Kiosk: the GTK Inspector was opened; closing it",
                            "LGSM_KIOSK_EVENT", "inspector-closed");
          gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
          g_idle_add (close_inspector, NULL);
        }
    }
}

/* How many times the Inspector appeared and was closed (tests). */
guint
lgsm_kiosk_get_n_inspectors_closed (void)
{
  return n_inspectors_closed;
}

static void
install_global_lock (void)
{
  static gboolean installed;

  if (installed)
    return;
  installed = TRUE;
  gtk_window_set_interactive_debugging (FALSE);
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                              on_realize_hook, NULL, NULL);
  g_signal_connect (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (on_toplevels_changed), NULL);
}

/* Every window a kiosk shows: its keys, right clicks and drops filtered
 * before GTK's own handlers (the capture phase of the window itself), and
 * the labels and entries in it locked as they are realized. */
void
lgsm_kiosk_lock_window (GtkWindow *window)
{
  GtkEventController *filter;

  g_return_if_fail (GTK_IS_WINDOW (window));

  install_global_lock ();
  if (g_object_get_data (G_OBJECT (window), "lgsm-kiosk-locked"))
    return;
  g_object_set_data (G_OBJECT (window), "lgsm-kiosk-locked", GINT_TO_POINTER (1));
  gtk_widget_add_css_class (GTK_WIDGET (window), "kiosk");
  filter = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (filter, "lgsm-kiosk-lock");
  gtk_event_controller_set_propagation_phase (filter, GTK_PHASE_CAPTURE);
  g_signal_connect (filter, "event", G_CALLBACK (on_locked_event), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), filter);
  lock_tree (GTK_WIDGET (window));
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

static void
lgsm_kiosk_dispose (GObject *object)
{
  LgsmKiosk *self = LGSM_KIOSK (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_handle_id (&self->corner_timer, g_source_remove);
  close_pin_dialog (self);
  g_clear_weak_pointer (&self->pin_entry);
  g_clear_weak_pointer (&self->pin_label);
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
  self->pin_delay_first_ms = 2000;
  self->pin_delay_max_ms = 5 * 60 * 1000;
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
  self->page = gtk_overlay_get_child (overlay);

  gtk_event_controller_set_propagation_phase (watch, GTK_PHASE_CAPTURE);
  g_signal_connect (watch, "event", G_CALLBACK (on_event), self);
  gtk_widget_add_controller (GTK_WIDGET (window), watch);

  lgsm_kiosk_lock_window (window);
  enter_active (self);
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "MESSAGE", "Kiosk window ready",
                    "LGSM_KIOSK_EVENT", "start");
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
