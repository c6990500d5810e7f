/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-audio-guide-private.h"
#include "lgsm-kiosk.h"
#include "lgsm-reader.h"
#include "lgsm-record-page.h"

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
 * This file is the object, starting and ending, and what the guide hears
 * from the window (the focus, a record, a tab) and the kiosk;
 * lgsm-audio-guide-keys.c has the keys, the long press and moving the
 * focus; lgsm-audio-guide-speech.c what is said, once the window has drawn
 * what gets the focus (a grid may have to scroll to its card first). */

#define HOLD_MS 3000

G_DEFINE_FINAL_TYPE (LgsmAudioGuide, lgsm_audio_guide, G_TYPE_OBJECT)

enum { PROP_0, PROP_ENABLED, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- the focus, the record and the tabs ---------------------------------------------- */

static void
on_focus_changed (LgsmAudioGuide *self)
{
  if (!self->active || self->quiet)
    return;
  lgsm_audio_guide_announce (self, NULL);
}

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
  exhibition = lgsm_audio_guide_exhibition_of (GTK_WIDGET (self->window));
  record = id && exhibition ? lgsm_exhibition_lookup (exhibition, id) : NULL;
  if (record)
    {
      g_autofree char *text = NULL;
      GtkWidget *focus = gtk_window_get_focus (self->window);

      /* where to come back to: a card, a mark; not a link on the record page */
      if (focus && gtk_widget_get_ancestor (focus, LGSM_TYPE_RECORD_PAGE) == NULL)
        g_weak_ref_set (&self->before_record, focus);
      lgsm_audio_guide_focus_quietly (self, find_read_button (GTK_WIDGET (self->window)));
      /* Translators: the audio guide when a record opens: its title */
      text = g_strdup_printf (_("%s. Press Enter to hear it, Escape to go back."), lgsm_record_get_title (record));
      lgsm_audio_guide_cancel_announcement (self);
      lgsm_audio_guide_say (self, text);
      return;
    }
  {
    g_autoptr(GtkWidget) before = g_weak_ref_get (&self->before_record);

    g_weak_ref_set (&self->before_record, NULL);
    if (before && gtk_widget_get_mapped (before))
      lgsm_audio_guide_focus_quietly (self, before);
    /* Translators: the audio guide going back from a record */
    lgsm_audio_guide_announce (self, _("Back."));
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
  exhibition = lgsm_audio_guide_exhibition_of (GTK_WIDGET (self->window));
  section = id && exhibition ? lgsm_exhibition_get_section (exhibition, id) : NULL;
  if (section == NULL)
    return;
  /* Translators: the audio guide on a tab, e.g. "History, tab." */
  text = g_strdup_printf (_("%s, tab."), lgsm_section_get_title (section));
  lgsm_audio_guide_announce (self, text);
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
      lgsm_audio_guide_cancel_announcement (self);
      /* Translators: the audio guide, spoken, when the kiosk is about to go back to the start for
         the next visitor; %u is a number of seconds */
      text = g_strdup_printf (ngettext ("Are you still there? In %u second the exhibition goes back to the start. "
                                        "Press any key to stay.",
                                        "Are you still there? In %u seconds the exhibition goes back to the start. "
                                        "Press any key to stay.", seconds), seconds);
      lgsm_audio_guide_say (self, text);
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
  lgsm_audio_guide_announce (self, _("Audio guide. Up and down move through the page, left and right change tab, "
                    "Enter opens a record or reads it aloud, Escape goes back, plus and minus set the volume."));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* Back to waiting for the next visitor. */
void
lgsm_audio_guide_end (LgsmAudioGuide *self)
{
  g_return_if_fail (LGSM_IS_AUDIO_GUIDE (self));

  lgsm_audio_guide_cancel_announcement (self);
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
  lgsm_audio_guide_cancel_announcement (self);
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

  g_set_weak_pointer (&self->window, window);
  self->reader = g_object_ref (reader);
  lgsm_audio_guide_add_controllers (self, window);

  g_signal_connect_swapped (window, "notify::focus-widget", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (window, "notify::record-id", G_CALLBACK (on_record_changed), self);
  g_signal_connect_swapped (window, "notify::section", G_CALLBACK (on_section_changed), self);
  return self;
}
