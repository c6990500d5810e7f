/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-audio-guide-private.h"
#include "lgsm-reader.h"
#include "lgsm-sections.h"

/* The audio guide's keys and the long press that starts it, and moving
 * the focus through the page (card by card in a grid) and the tabs. The
 * keypad's model is simple enough to learn by ear: Up and Down go through
 * what is on the page one thing at a time (timeline marks, cards, links;
 * round again at the end), Left and Right go to the previous and next
 * tab. */

#define HOLD_SLOP 48      /* px a held finger may wander */
#define CORNER 64         /* the kiosk operator's corner: not a visitor's hold */
#define VOLUME_STEP 0.25

/* ---- focus ------------------------------------------------------------------------ */

gboolean
lgsm_audio_guide_focus_quietly (LgsmAudioGuide *self,
                                GtkWidget      *widget)
{
  gboolean moved;

  self->quiet = TRUE;
  moved = widget && gtk_widget_get_mapped (widget) && gtk_widget_grab_focus (widget);
  self->quiet = FALSE;
  return moved;
}

/* The card grid @focus is in, and the card's place in it. */
static GtkGridView *
grid_position (GtkWidget *focus,
               guint     *position)
{
  GtkWidget *grid = gtk_widget_get_ancestor (focus, GTK_TYPE_GRID_VIEW);
  LgsmRecord *record = grid ? lgsm_audio_guide_card_record (focus) : NULL;
  GListModel *model = grid ? G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (grid))) : NULL;

  if (record == NULL || model == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      if (item == (GObject *) record)
        {
          *position = i;
          return GTK_GRID_VIEW (grid);
        }
    }
  return NULL;
}

/* The focus to the grid's cell that shows the card at @position, if the
 * grid has made it. */
gboolean
lgsm_audio_guide_grab_card (GtkGridView *grid,
                            guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_grid_view_get_model (grid)), position);

  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (grid)); item && cell;
       cell = gtk_widget_get_next_sibling (cell))
    {
      LgsmRecord *record = gtk_widget_get_mapped (cell) ? lgsm_audio_guide_card_record (cell) : NULL;

      if (record && (GObject *) record == item)
        return gtk_widget_grab_focus (cell);
    }
  return FALSE;
}

/* The grid's focus to a card: it scrolls to it, and if the card is not
 * made yet, it gets the focus once the grid has been laid out. */
static void
focus_card (LgsmAudioGuide *self,
            GtkGridView    *grid,
            guint           position)
{
  gtk_widget_activate_action (GTK_WIDGET (grid), "list.scroll-to-item", "u", position);
  if (lgsm_audio_guide_grab_card (grid, position))
    return;
  g_set_weak_pointer (&self->pending_grid, grid);
  self->pending_position = position;
}

/* Up, Down: the previous or next thing on the page, card by card in a
 * grid; past the end, round again from the start. */
static void
step_focus (LgsmAudioGuide *self,
            int             direction)
{
  GtkDirectionType tab = direction > 0 ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD;
  GtkWidget *focus = gtk_window_get_focus (self->window);
  GtkGridView *grid = NULL, *entered;
  guint position = 0;
  const char *prefix = NULL;

  if (focus)
    grid = grid_position (focus, &position);
  if (grid)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (grid)));

      if ((direction > 0 && position + 1 < n) || (direction < 0 && position > 0))
        {
          focus_card (self, grid, position + direction);
          lgsm_audio_guide_announce (self, NULL);
          return;
        }
    }

  self->quiet = TRUE;
  if (!gtk_widget_child_focus (GTK_WIDGET (self->window), tab))
    {
      gtk_window_set_focus (self->window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (self->window), tab);
      prefix = direction > 0
               /* Translators: the audio guide, spoken, going past the last thing on the page to the first */
               ? _("From the top:")
               /* Translators: the audio guide, spoken, going up past the first thing on the page to the last */
               : _("From the end:");
    }
  /* into a grid: its first card (its last, going up) */
  focus = gtk_window_get_focus (self->window);
  entered = focus ? GTK_GRID_VIEW (gtk_widget_get_ancestor (focus, GTK_TYPE_GRID_VIEW)) : NULL;
  if (entered && entered != grid)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (entered)));
      if (n > 0)
        focus_card (self, entered, direction > 0 ? 0 : n - 1);
    }
  self->quiet = FALSE;
  lgsm_audio_guide_announce (self, prefix);
}

/* Left, Right: the previous or next tab, from its first thing. */
static void
change_tab (LgsmAudioGuide *self,
            int             direction)
{
  g_autofree char *current = NULL;
  int n = (int) lgsm_sections_get_n_tabs ();
  int index = 0;

  if (n == 0)
    return;
  g_object_get (self->window, "section", &current, NULL);
  for (int i = 0; i < n; i++)
    if (g_strcmp0 (lgsm_sections_get_tab (i)->id, current) == 0)
      index = i;
  index = (index + direction + n) % n;
  self->quiet = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.section", "s", lgsm_sections_get_tab (index)->id);
  self->quiet = FALSE;
  lgsm_audio_guide_cancel_announcement (self);
  {
    LgsmExhibition *exhibition = lgsm_audio_guide_exhibition_of (GTK_WIDGET (self->window));
    LgsmSection *section = exhibition ? lgsm_exhibition_get_section (exhibition, lgsm_sections_get_tab (index)->id) : NULL;
    g_autofree char *text = g_strdup_printf (_("%s, tab."), section ? lgsm_section_get_title (section)
                                                                   : _(lgsm_sections_get_tab (index)->title));
    self->focus_first = TRUE;
    lgsm_audio_guide_announce (self, text);
  }
}

/* ---- keys and the long press --------------------------------------------------------- */

static gboolean
is_arrow (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_Right: case GDK_KEY_Up: case GDK_KEY_Down:
    case GDK_KEY_KP_Left: case GDK_KEY_KP_Right: case GDK_KEY_KP_Up: case GDK_KEY_KP_Down:
      return TRUE;
    default:
      return FALSE;
    }
}

static int
volume_step (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_KP_Add: case GDK_KEY_equal:
      return 1;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract: case GDK_KEY_underscore:
      return -1;
    default:
      return 0;
    }
}

static gboolean
is_keypad_key (guint keyval)
{
  return is_arrow (keyval) || volume_step (keyval) != 0 || keyval == GDK_KEY_Return ||
         keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter || keyval == GDK_KEY_Escape;
}

/* Escape: back from a record, or where the visitor is, at the start. */
static void
go_back (LgsmAudioGuide *self)
{
  g_autofree char *id = NULL;

  lgsm_audio_guide_cancel_announcement (self);
  g_object_get (self->window, "record-id", &id, NULL);
  if (id)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.back", NULL);
  else
    /* Translators: the audio guide when Escape has nowhere to go back to */
    lgsm_audio_guide_say_focus (self, _("This is the start."));
}

/* Plus, minus: the volume a step up or down (never silent), said. */
static void
change_volume (LgsmAudioGuide *self,
               int             step)
{
  g_autofree char *text = NULL;
  double volume = lgsm_reader_get_volume (self->reader) + step * VOLUME_STEP;

  lgsm_audio_guide_cancel_announcement (self);
  lgsm_reader_set_volume (self->reader, MAX (volume, VOLUME_STEP));
  /* Translators: the audio guide after plus or minus; 100 is the voice's own loudness */
  text = g_strdup_printf (_("Volume %d per cent"), (int) (lgsm_reader_get_volume (self->reader) * 100 + 0.5));
  lgsm_audio_guide_say (self, text);
}

/**
 * lgsm_audio_guide_handle_key:
 *
 * A key pressed in the window, before the window handles it. While the
 * guide waits, a keypad key starts it (and does nothing else); while it
 * guides: Up and Down move through the page, Left and Right change tab
 * (and what gets the focus is said), Escape goes back, plus and minus set
 * the volume; Enter is the window's (it opens a card, and on a record
 * presses "Read this aloud").
 *
 * Returns: TRUE if the key was the guide's
 */
gboolean
lgsm_audio_guide_handle_key (LgsmAudioGuide  *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  int step;

  g_return_val_if_fail (LGSM_IS_AUDIO_GUIDE (self), FALSE);

  if (!self->enabled || self->window == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  if (!self->active)
    {
      if (!is_keypad_key (keyval))
        return FALSE;
      lgsm_audio_guide_start (self);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      step_focus (self, -1);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      step_focus (self, 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      change_tab (self, -1);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      change_tab (self, 1);
      return TRUE;
    default:
      break;
    }
  if (keyval == GDK_KEY_Escape)
    {
      go_back (self);
      return TRUE;
    }
  step = volume_step (keyval);
  if (step != 0)
    {
      change_volume (self, step);
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LgsmAudioGuide        *self)
{
  return lgsm_audio_guide_handle_key (self, keyval, state);
}

static gboolean
on_held (gpointer data)
{
  LgsmAudioGuide *self = data;

  self->hold_timer = 0;
  /* the finger that was held is not also a tap on what is under it */
  gtk_gesture_set_state (self->hold, GTK_EVENT_SEQUENCE_CLAIMED);
  lgsm_audio_guide_start (self);
  return G_SOURCE_REMOVE;
}

static void
on_hold_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               LgsmAudioGuide *self)
{
  g_clear_handle_id (&self->hold_timer, g_source_remove);
  if (!self->enabled || self->active || (x < CORNER && y < CORNER))
    return;
  self->hold_timer = g_timeout_add (self->hold_ms, on_held, self);
}

static void
on_hold_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                LgsmAudioGuide *self)
{
  if (ABS (dx) > HOLD_SLOP || ABS (dy) > HOLD_SLOP)
    g_clear_handle_id (&self->hold_timer, g_source_remove);
}

static void
on_hold_end (LgsmAudioGuide *self)
{
  g_clear_handle_id (&self->hold_timer, g_source_remove);
}

/* The keypad's keys and the long press, on @window; the long press is
 * off until the guide is enabled (lgsm_audio_guide_set_enabled()). */
void
lgsm_audio_guide_add_controllers (LgsmAudioGuide *self,
                                  GtkWindow      *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_name (keys, "lgsm-audio-guide-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  self->hold = gtk_gesture_drag_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (self->hold), "lgsm-audio-guide-hold");
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->hold), GTK_PHASE_NONE);
  g_signal_connect (self->hold, "drag-begin", G_CALLBACK (on_hold_begin), self);
  g_signal_connect (self->hold, "drag-update", G_CALLBACK (on_hold_update), self);
  g_signal_connect_swapped (self->hold, "drag-end", G_CALLBACK (on_hold_end), self);
  g_signal_connect_swapped (self->hold, "cancel", G_CALLBACK (on_hold_end), self);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (self->hold));
}
