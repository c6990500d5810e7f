/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-audio-guide.h"
#include "lgsm-context.h"
#include "lgsm-kiosk.h"
#include "lgsm-reader.h"
#include "lgsm-record-card.h"
#include "lgsm-record-page.h"
#include "lgsm-sections.h"

/* The audio-led kiosk: for a visitor who cannot read the screen, with no
 * screen reader of their own and no desktop setting. Once enabled (the
 * "audio-guide" setting or --audio-guide, with --kiosk) it waits for a
 * visitor to press and hold anywhere for three seconds, or to press a key
 * of a kiosk keypad (arrows, Enter, Escape, plus, minus); from then on
 * every move of the keyboard focus is spoken (the tab, the card, the
 * record), Enter opens and then reads a record, Escape goes back, plus and
 * minus set the volume, and the kiosk's idle countdown is announced
 * before the exhibition goes back to the start. When the kiosk resets for
 * the next visitor the guide waits again.
 *
 * The keypad's model is simple enough to learn by ear: Up and Down go
 * through what is on the page one thing at a time (timeline marks, cards,
 * links; round again at the end), Left and Right go to the previous and
 * next tab. What gets the focus is said once the window has drawn it (a
 * grid may have to scroll to its card first). */

#define HOLD_MS 3000
#define HOLD_SLOP 48      /* px a held finger may wander */
#define CORNER 64         /* the kiosk operator's corner: not a visitor's hold */
#define VOLUME_STEP 0.25

struct _LgsmAudioGuide
{
  GObject      parent_instance;

  GtkWindow   *window;        /* weak */
  LgsmReader  *reader;
  LgsmKiosk   *kiosk;         /* weak */
  gboolean     enabled;
  gboolean     active;
  guint        hold_ms;
  guint        hold_timer;
  GtkGesture  *hold;
  gboolean     announcing;    /* waiting for a frame to say where the focus is */
  char        *prefix;        /* said before the focus: "Back.", the tab */
  gboolean     focus_first;   /* a new tab: the focus to its first thing first */
  gboolean     quiet;         /* the guide itself moves the focus */
  GtkGridView *pending_grid;  /* weak: a card to focus once the grid has made it */
  guint        pending_position;
  gboolean     warning;       /* saying the idle countdown */
  GWeakRef     before_record; /* the focus before a record opened */
};

G_DEFINE_FINAL_TYPE (LgsmAudioGuide, lgsm_audio_guide, G_TYPE_OBJECT)

enum { PROP_0, PROP_ENABLED, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- what is said --------------------------------------------------------------- */

static const char *
language (LgsmAudioGuide *self)
{
  LgsmContext *context = self->window ? lgsm_context_from_widget (GTK_WIDGET (self->window)) : NULL;

  return context ? lgsm_context_get_language (context) : NULL;
}

static void
say (LgsmAudioGuide *self,
     const char     *text)
{
  self->warning = FALSE;
  if (text && *text)
    lgsm_reader_say (self->reader, text, language (self));
}

static LgsmExhibition *
exhibition_of (GtkWidget *widget)
{
  LgsmContext *context = lgsm_context_from_widget (widget);

  return context ? lgsm_context_get_exhibition (context) : NULL;
}

/* "Title, date" for a record. */
static char *
describe_record (LgsmRecord *record)
{
  g_autofree char *date = lgsm_record_format_date (record);

  if (date == NULL)
    return g_strdup (lgsm_record_get_title (record));
  /* Translators: what the audio guide says for a record: its title, then its date */
  return g_strdup_printf (_("%s, %s"), lgsm_record_get_title (record), date);
}

/* The text of the labels in @widget, in order, at most @max of them. */
static void
collect_labels (GtkWidget *widget,
                GString   *text,
                guint     *n,
                guint      max)
{
  if (*n >= max || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (label && *label)
        {
          g_string_append_printf (text, "%s%s", text->len ? ", " : "", label);
          (*n)++;
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text, n, max);
}

static LgsmRecordCard *
find_card (GtkWidget *widget)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, LGSM_TYPE_RECORD_CARD);

  if (ancestor)
    return LGSM_RECORD_CARD (ancestor);
  /* a grid's cell holds the card */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      LgsmRecordCard *card = LGSM_IS_RECORD_CARD (child) ? LGSM_RECORD_CARD (child) : find_card (child);
      if (card)
        return card;
    }
  return NULL;
}

/**
 * lgsm_audio_guide_describe:
 * @widget: the widget that has the focus
 *
 * What the guide says when @widget gets the focus: a record card or a
 * link to a record, its title and date; a tab, its name; a button, its
 * label (or tooltip); a text entry, what it is for and what is typed.
 *
 * Returns: (transfer full) (nullable)
 */
char *
lgsm_audio_guide_describe (GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new (NULL);
  LgsmRecordCard *card;
  guint n = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  card = find_card (widget);
  if (card && lgsm_record_card_get_record (card))
    return describe_record (lgsm_record_card_get_record (card));
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open-record") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      LgsmExhibition *exhibition = exhibition_of (widget);
      LgsmRecord *record = NULL;

      if (exhibition && target && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
        record = lgsm_exhibition_lookup (exhibition, g_variant_get_string (target, NULL));
      if (record)
        return describe_record (record);
    }
  if (GTK_IS_EDITABLE (widget) || gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY))
    {
      GtkWidget *entry = GTK_IS_SEARCH_ENTRY (widget) ? widget : gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY);
      const char *typed = GTK_IS_EDITABLE (widget) ? gtk_editable_get_text (GTK_EDITABLE (widget)) : "";

      if (entry)
        /* Translators: the audio guide, spoken, on the search field, with what is typed in it */
        return g_strdup_printf (_("Search: %s"), typed);
      /* Translators: the audio guide, spoken, on a text field, with what is typed in it */
      return g_strdup_printf (_("Text: %s"), typed);
    }

  collect_labels (widget, text, &n, 3);
  if (text->len == 0 && gtk_widget_get_tooltip_text (widget))
    g_string_append (text, gtk_widget_get_tooltip_text (widget));
  if (text->len == 0)
    return NULL;
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_STACK_SWITCHER))
    /* Translators: the audio guide on one of the exhibition's tabs, e.g. "History, tab" */
    return g_strdup_printf (_("%s, tab"), text->str);
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    /* Translators: the audio guide on a button, e.g. "Read This Aloud, button" */
    return g_strdup_printf (_("%s, button"), text->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
say_focus (LgsmAudioGuide *self,
           const char     *before)
{
  GtkWidget *focus = self->window ? gtk_window_get_focus (self->window) : NULL;
  g_autofree char *description = focus ? lgsm_audio_guide_describe (focus) : NULL;
  g_autofree char *text = NULL;

  if (before && description)
    text = g_strdup_printf ("%s %s", before, description);
  say (self, text ? text : before ? before : description);
}

/* ---- focus ------------------------------------------------------------------------ */

static gboolean grab_card (GtkGridView *grid,
                           guint        position);

static void
cancel_announcement (LgsmAudioGuide *self)
{
  if (self->announcing && self->window)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->window));
      if (clock)
        g_signal_handlers_disconnect_by_data (clock, self);
    }
  self->announcing = FALSE;
  self->focus_first = FALSE;
  g_clear_pointer (&self->prefix, g_free);
  g_clear_weak_pointer (&self->pending_grid);
}

static void
announce_now (LgsmAudioGuide *self)
{
  g_autofree char *prefix = g_steal_pointer (&self->prefix);
  gboolean focus_first = self->focus_first;

  cancel_announcement (self);
  if (!self->active || self->window == NULL)
    return;
  self->quiet = TRUE;
  if (focus_first)
    {
      gtk_window_set_focus (self->window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (self->window), GTK_DIR_TAB_FORWARD);
    }
  if (self->pending_grid)
    grab_card (self->pending_grid, self->pending_position);
  g_clear_weak_pointer (&self->pending_grid);
  self->quiet = FALSE;
  say_focus (self, prefix);
}

static void
on_after_paint (GdkFrameClock  *clock,
                LgsmAudioGuide *self)
{
  announce_now (self);
}

/* Says where the focus is (after @prefix) once the window has drawn the
 * next frame: by then a grid has scrolled to its card, a new tab has its
 * cards. Moves in between are said once, where they end. */
static void
announce (LgsmAudioGuide *self,
          const char     *prefix)
{
  GdkFrameClock *clock = self->window ? gtk_widget_get_frame_clock (GTK_WIDGET (self->window)) : NULL;

  if (prefix)
    {
      g_free (self->prefix);
      self->prefix = g_strdup (prefix);
    }
  if (clock == NULL)
    {
      announce_now (self);
      return;
    }
  if (!self->announcing)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  self->announcing = TRUE;
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
on_focus_changed (LgsmAudioGuide *self)
{
  if (!self->active || self->quiet)
    return;
  announce (self, NULL);
}

static gboolean
focus_quietly (LgsmAudioGuide *self,
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
  LgsmRecordCard *card = grid ? find_card (focus) : NULL;
  GListModel *model = grid ? G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (grid))) : NULL;

  if (card == NULL || model == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      if (item == (GObject *) lgsm_record_card_get_record (card))
        {
          *position = i;
          return GTK_GRID_VIEW (grid);
        }
    }
  return NULL;
}

/* The focus to the grid's cell that shows the card at @position, if the
 * grid has made it. */
static gboolean
grab_card (GtkGridView *grid,
           guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_grid_view_get_model (grid)), position);

  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (grid)); item && cell;
       cell = gtk_widget_get_next_sibling (cell))
    {
      LgsmRecordCard *card = gtk_widget_get_mapped (cell) ? find_card (cell) : NULL;

      if (card && (GObject *) lgsm_record_card_get_record (card) == item)
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
  if (grab_card (grid, position))
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
          announce (self, NULL);
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
  announce (self, prefix);
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
  cancel_announcement (self);
  {
    LgsmExhibition *exhibition = exhibition_of (GTK_WIDGET (self->window));
    LgsmSection *section = exhibition ? lgsm_exhibition_get_section (exhibition, lgsm_sections_get_tab (index)->id) : NULL;
    g_autofree char *text = g_strdup_printf (_("%s, tab."), section ? lgsm_section_get_title (section)
                                                                   : _(lgsm_sections_get_tab (index)->title));
    self->focus_first = TRUE;
    announce (self, text);
  }
}

/* ---- the record and the tabs -------------------------------------------------------- */

static GtkWidget *
find_read_button (GtkWidget *widget)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.read-aloud") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_read_button (child);
      if (found)
        return found;
    }
  return NULL;
}

/* A record opened: its title, and the focus on "Read this aloud" so that
 * Enter reads it. Back from a record: the focus where it was before. */
static void
on_record_changed (LgsmAudioGuide *self)
{
  g_autofree char *id = NULL;
  LgsmExhibition *exhibition;
  LgsmRecord *record;

  if (!self->active || self->window == NULL)
    return;
  g_object_get (self->window, "record-id", &id, NULL);
  exhibition = exhibition_of (GTK_WIDGET (self->window));
  record = id && exhibition ? lgsm_exhibition_lookup (exhibition, id) : NULL;
  if (record)
    {
      g_autofree char *text = NULL;
      GtkWidget *focus = gtk_window_get_focus (self->window);

      /* where to come back to: a card, a mark; not a link on the record page */
      if (focus && gtk_widget_get_ancestor (focus, LGSM_TYPE_RECORD_PAGE) == NULL)
        g_weak_ref_set (&self->before_record, focus);
      focus_quietly (self, find_read_button (GTK_WIDGET (self->window)));
      /* Translators: the audio guide when a record opens: its title */
      text = g_strdup_printf (_("%s. Press Enter to hear it, Escape to go back."), lgsm_record_get_title (record));
      cancel_announcement (self);
      say (self, text);
      return;
    }
  {
    g_autoptr(GtkWidget) before = g_weak_ref_get (&self->before_record);

    g_weak_ref_set (&self->before_record, NULL);
    if (before && gtk_widget_get_mapped (before))
      focus_quietly (self, before);
    /* Translators: the audio guide going back from a record */
    announce (self, _("Back."));
  }
}

/* A tab changed some other way (a swipe): say which. */
static void
on_section_changed (LgsmAudioGuide *self)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  LgsmExhibition *exhibition;
  LgsmSection *section;

  if (!self->active || self->quiet || self->window == NULL)
    return;
  g_object_get (self->window, "section", &id, NULL);
  exhibition = exhibition_of (GTK_WIDGET (self->window));
  section = id && exhibition ? lgsm_exhibition_get_section (exhibition, id) : NULL;
  if (section == NULL)
    return;
  /* Translators: the audio guide on a tab, e.g. "History, tab." */
  text = g_strdup_printf (_("%s, tab."), lgsm_section_get_title (section));
  announce (self, text);
}

/* ---- the kiosk's idle reset ---------------------------------------------------------- */

static void
on_kiosk_state (LgsmKiosk      *kiosk,
                LgsmKioskState  state,
                guint           seconds,
                LgsmAudioGuide *self)
{
  g_autofree char *text = NULL;

  if (!self->active)
    return;
  switch (state)
    {
    case LGSM_KIOSK_COUNTDOWN:
      cancel_announcement (self);
      /* Translators: the audio guide, spoken, when the kiosk is about to go back to the start for
         the next visitor; %u is a number of seconds */
      text = g_strdup_printf (ngettext ("Are you still there? In %u second the exhibition goes back to the start. "
                                        "Press any key to stay.",
                                        "Are you still there? In %u seconds the exhibition goes back to the start. "
                                        "Press any key to stay.", seconds), seconds);
      say (self, text);
      self->warning = TRUE;
      break;
    case LGSM_KIOSK_ATTRACT:
      /* the next visitor starts the guide again */
      lgsm_audio_guide_end (self);
      break;
    case LGSM_KIOSK_ACTIVE:
    default:
      if (self->warning)
        lgsm_reader_stop (self->reader);
      self->warning = FALSE;
      break;
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
      g_autofree char *id = NULL;

      cancel_announcement (self);
      g_object_get (self->window, "record-id", &id, NULL);
      if (id)
        gtk_widget_activate_action (GTK_WIDGET (self->window), "win.back", NULL);
      else
        /* Translators: the audio guide when Escape has nowhere to go back to */
        say_focus (self, _("This is the start."));
      return TRUE;
    }
  step = volume_step (keyval);
  if (step != 0)
    {
      g_autofree char *text = NULL;
      double volume = lgsm_reader_get_volume (self->reader) + step * VOLUME_STEP;

      cancel_announcement (self);
      lgsm_reader_set_volume (self->reader, MAX (volume, VOLUME_STEP));
      /* Translators: the audio guide after plus or minus; 100 is the voice's own loudness */
      text = g_strdup_printf (_("Volume %d per cent"), (int) (lgsm_reader_get_volume (self->reader) * 100 + 0.5));
      say (self, text);
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

/* ---- starting and ending ----------------------------------------------------------------- */

/**
 * lgsm_audio_guide_start:
 *
 * A visitor has asked for the guide: it says how it works and where the
 * focus is, and speaks from now on.
 */
void
lgsm_audio_guide_start (LgsmAudioGuide *self)
{
  g_return_if_fail (LGSM_IS_AUDIO_GUIDE (self));

  if (self->active || self->window == NULL)
    return;
  self->active = TRUE;
  if (gtk_window_get_focus (self->window) == NULL)
    {
      self->quiet = TRUE;
      gtk_widget_child_focus (GTK_WIDGET (self->window), GTK_DIR_TAB_FORWARD);
      self->quiet = FALSE;
    }
  /* Translators: the audio guide, spoken when a visitor starts it; up, down, left, right, plus and
     minus are the keys of a kiosk keypad; Enter and Escape as written on the keys */
  announce (self, _("Audio guide. Up and down move through the page, left and right change tab, "
                    "Enter opens a record or reads it aloud, Escape goes back, plus and minus set the volume."));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* Back to waiting for the next visitor. */
void
lgsm_audio_guide_end (LgsmAudioGuide *self)
{
  g_return_if_fail (LGSM_IS_AUDIO_GUIDE (self));

  cancel_announcement (self);
  if (!self->active)
    return;
  self->active = FALSE;
  self->warning = FALSE;
  lgsm_reader_stop (self->reader);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
lgsm_audio_guide_get_active (LgsmAudioGuide *self)
{
  g_return_val_if_fail (LGSM_IS_AUDIO_GUIDE (self), FALSE);
  return self->active;
}

/* Enabled: it listens for a visitor's keypad key or long press. */
void
lgsm_audio_guide_set_enabled (LgsmAudioGuide *self,
                              gboolean        enabled)
{
  g_return_if_fail (LGSM_IS_AUDIO_GUIDE (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  /* a kiosk without the guide has no gesture of its own on every press */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->hold),
                                              enabled ? GTK_PHASE_CAPTURE : GTK_PHASE_NONE);
  if (!enabled)
    lgsm_audio_guide_end (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
lgsm_audio_guide_get_enabled (LgsmAudioGuide *self)
{
  g_return_val_if_fail (LGSM_IS_AUDIO_GUIDE (self), FALSE);
  return self->enabled;
}

/* The kiosk whose idle countdown the guide announces. */
void
lgsm_audio_guide_set_kiosk (LgsmAudioGuide *self,
                            LgsmKiosk      *kiosk)
{
  g_return_if_fail (LGSM_IS_AUDIO_GUIDE (self));

  if (self->kiosk)
    g_signal_handlers_disconnect_by_data (self->kiosk, self);
  g_set_weak_pointer (&self->kiosk, kiosk);
  if (kiosk)
    g_signal_connect (kiosk, "state-changed", G_CALLBACK (on_kiosk_state), self);
}

/* How long a press must be held to start the guide (tests shorten it). */
void
lgsm_audio_guide_set_hold_ms (LgsmAudioGuide *self,
                              guint           hold_ms)
{
  g_return_if_fail (LGSM_IS_AUDIO_GUIDE (self));
  self->hold_ms = MAX (hold_ms, 1);
}

/* ---- object ---------------------------------------------------------------------------------- */

static void
lgsm_audio_guide_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LgsmAudioGuide *self = LGSM_AUDIO_GUIDE (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_audio_guide_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ENABLED:
      lgsm_audio_guide_set_enabled (LGSM_AUDIO_GUIDE (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_audio_guide_dispose (GObject *object)
{
  LgsmAudioGuide *self = LGSM_AUDIO_GUIDE (object);

  g_clear_handle_id (&self->hold_timer, g_source_remove);
  cancel_announcement (self);
  lgsm_audio_guide_set_kiosk (self, NULL);
  if (self->window)
    g_signal_handlers_disconnect_by_data (self->window, self);
  g_clear_weak_pointer (&self->window);
  g_weak_ref_set (&self->before_record, NULL);
  g_clear_object (&self->reader);

  G_OBJECT_CLASS (lgsm_audio_guide_parent_class)->dispose (object);
}

static void
lgsm_audio_guide_finalize (GObject *object)
{
  g_weak_ref_clear (&LGSM_AUDIO_GUIDE (object)->before_record);
  G_OBJECT_CLASS (lgsm_audio_guide_parent_class)->finalize (object);
}

static void
lgsm_audio_guide_class_init (LgsmAudioGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lgsm_audio_guide_dispose;
  object_class->finalize = lgsm_audio_guide_finalize;
  object_class->get_property = lgsm_audio_guide_get_property;
  object_class->set_property = lgsm_audio_guide_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lgsm_audio_guide_init (LgsmAudioGuide *self)
{
  self->hold_ms = HOLD_MS;
  g_weak_ref_init (&self->before_record, NULL);
}

/**
 * lgsm_audio_guide_new:
 * @window: the window to guide (an LgsmWindow: its "record-id" and
 *   "section" are announced); the guide's controllers go on it
 * @reader: the window's reader, which speaks
 *
 * Returns: (transfer full): a guide, disabled until
 *   lgsm_audio_guide_set_enabled()
 */
LgsmAudioGuide *
lgsm_audio_guide_new (GtkWindow  *window,
                      LgsmReader *reader)
{
  LgsmAudioGuide *self = g_object_new (LGSM_TYPE_AUDIO_GUIDE, NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_set_weak_pointer (&self->window, window);
  self->reader = g_object_ref (reader);

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

  g_signal_connect_swapped (window, "notify::focus-widget", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (window, "notify::record-id", G_CALLBACK (on_record_changed), self);
  g_signal_connect_swapped (window, "notify::section", G_CALLBACK (on_section_changed), self);
  return self;
}
