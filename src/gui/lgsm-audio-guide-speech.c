/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-audio-guide-private.h"
#include "lgsm-context.h"
#include "lgsm-reader.h"
#include "lgsm-record-card.h"

/* What the audio guide says: the widget with the focus described (a
 * record card or link by its record, a tab, a button, a text field), and
 * said once the window has drawn the frame it is in. */

/* ---- what is said --------------------------------------------------------------- */

static const char *
language (LgsmAudioGuide *self)
{
  LgsmContext *context = self->window ? lgsm_context_from_widget (GTK_WIDGET (self->window)) : NULL;

  return context ? lgsm_context_get_language (context) : NULL;
}

void
lgsm_audio_guide_say (LgsmAudioGuide *self,
                      const char     *text)
{
  self->warning = FALSE;
  if (text && *text)
    lgsm_reader_say (self->reader, text, language (self));
}

LgsmExhibition *
lgsm_audio_guide_exhibition_of (GtkWidget *widget)
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

/* The record of the card @widget is in, or holds (a grid's cell), or NULL. */
LgsmRecord *
lgsm_audio_guide_card_record (GtkWidget *widget)
{
  LgsmRecordCard *card = find_card (widget);

  return card ? lgsm_record_card_get_record (card) : NULL;
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
  LgsmRecord *card_record;
  guint n = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  card_record = lgsm_audio_guide_card_record (widget);
  if (card_record)
    return describe_record (card_record);
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open-record") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      LgsmExhibition *exhibition = lgsm_audio_guide_exhibition_of (widget);
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

void
lgsm_audio_guide_say_focus (LgsmAudioGuide *self,
                            const char     *before)
{
  GtkWidget *focus = self->window ? gtk_window_get_focus (self->window) : NULL;
  g_autofree char *description = focus ? lgsm_audio_guide_describe (focus) : NULL;
  g_autofree char *text = NULL;

  if (before && description)
    text = g_strdup_printf ("%s %s", before, description);
  lgsm_audio_guide_say (self, text ? text : before ? before : description);
}

/* ---- saying it once drawn --------------------------------------------------------- */

void
lgsm_audio_guide_cancel_announcement (LgsmAudioGuide *self)
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

  lgsm_audio_guide_cancel_announcement (self);
  if (!self->active || self->window == NULL)
    return;
  self->quiet = TRUE;
  if (focus_first)
    {
      gtk_window_set_focus (self->window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (self->window), GTK_DIR_TAB_FORWARD);
    }
  if (self->pending_grid)
    lgsm_audio_guide_grab_card (self->pending_grid, self->pending_position);
  g_clear_weak_pointer (&self->pending_grid);
  self->quiet = FALSE;
  lgsm_audio_guide_say_focus (self, prefix);
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
void
lgsm_audio_guide_announce (LgsmAudioGuide *self,
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
