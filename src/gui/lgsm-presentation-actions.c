/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-context.h"
#include "lgsm-presentation-private.h"
#include "lgsm-reader.h"

/* The presenter's keys. Each is an action (slides.*), so the keys that
 * clickers send, the keyboard and the shortcuts window all name the same
 * thing; one table maps keys to actions, for the slides' window and for
 * the presenter console, which forwards its keys here. */

void
lgsm_presentation_step (LgsmPresentation *self,
                        int               delta)
{
  int target = (int) self->index + delta;
  guint n = lgsm_presentation_get_n_slides (self);

  if (self->mode != LGSM_PRESENTATION_SLIDE)
    lgsm_presentation_set_mode (self, LGSM_PRESENTATION_SLIDE);
  if (n > 0)
    lgsm_presentation_set_slide (self, (guint) CLAMP (target, 0, (int) n - 1));
}

static void
toggle_mode (LgsmPresentation     *self,
             LgsmPresentationMode  mode)
{
  lgsm_presentation_set_mode (self, self->mode == mode ? LGSM_PRESENTATION_SLIDE : mode);
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
        lgsm_presentation_step (self, (int) MIN (number, G_MAXINT) - 1 - (int) self->index);
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

/* ---- the actions ----------------------------------------------------------- */

static void
next_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lgsm_presentation_step (LGSM_PRESENTATION (widget), 1);
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lgsm_presentation_step (LGSM_PRESENTATION (widget), -1);
}

static void
first_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LgsmPresentation *self = LGSM_PRESENTATION (widget);

  lgsm_presentation_step (self, -(int) self->index);
}

static void
last_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LgsmPresentation *self = LGSM_PRESENTATION (widget);

  lgsm_presentation_step (self, (int) lgsm_presentation_get_n_slides (self));
}

static void
mode_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  toggle_mode (LGSM_PRESENTATION (widget), lgsm_presentation_mode_from_nick (g_variant_get_string (parameter, NULL)));
}

static void
go_to_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LgsmPresentation *self = LGSM_PRESENTATION (widget);

  self->jumping = TRUE;
  g_string_truncate (self->jump_digits, 0);
  show_jump (self);
}

static void
console_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LgsmPresentation *self = LGSM_PRESENTATION (widget);

  if (self->console == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->console), !gtk_widget_get_visible (GTK_WIDGET (self->console)));
  gtk_window_present (GTK_WINDOW (self));
}

static void
bilingual_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lgsm_presentation_toggle_bilingual (LGSM_PRESENTATION (widget));
}

static void
leave_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LgsmPresentation *self = LGSM_PRESENTATION (widget);

  if (self->mode != LGSM_PRESENTATION_SLIDE)
    lgsm_presentation_set_mode (self, LGSM_PRESENTATION_SLIDE);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* R (issue 19): the slide's record read aloud in the current language, the
 * sentence heard highlighted on the slide; R again pauses, resumes. A new
 * slide or leaving stops it. */
static void
read_aloud_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LgsmPresentation *self = LGSM_PRESENTATION (widget);
  LgsmReader *reader = g_object_get_data (G_OBJECT (self), "lgsm-reader");
  LgsmRecord *record = lgsm_presentation_get_n_slides (self) ? lgsm_presentation_get_record (self, self->index) : NULL;

  if (reader == NULL)
    {
      reader = lgsm_reader_new ();
      g_object_set_data_full (G_OBJECT (self), "lgsm-reader", reader, g_object_unref);
      lgsm_reader_follow (reader, GTK_WIDGET (self->slides));
      g_signal_connect_object (self, "notify::slide", G_CALLBACK (lgsm_reader_stop), reader, G_CONNECT_SWAPPED);
      g_signal_connect_object (self, "unmap", G_CALLBACK (lgsm_reader_stop), reader, G_CONNECT_SWAPPED);
    }
  if (record == NULL)
    return;
  if (lgsm_reader_is_active (reader) && lgsm_reader_get_record (reader) == record)
    lgsm_reader_toggle (reader);
  else
    lgsm_reader_read_record (reader, record, self->context ? lgsm_context_get_language (self->context) : NULL);
}

/* ---- keys ------------------------------------------------------------------ */

typedef enum {
  ANY_MODE,
  NOT_IN_OVERVIEW,  /* the overview's grid moves its own focus; Enter picks */
} KeyScope;

static const struct {
  guint       keyval;
  const char *action;
  const char *target;
  KeyScope    scope;
} keys[] = {
  { GDK_KEY_Right, "slides.next", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_Down, "slides.next", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_Page_Down, "slides.next", NULL, ANY_MODE },
  { GDK_KEY_space, "slides.next", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_KP_Right, "slides.next", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_KP_Down, "slides.next", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_KP_Page_Down, "slides.next", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_Return, "slides.next", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_KP_Enter, "slides.next", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_Left, "slides.previous", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_Up, "slides.previous", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_Page_Up, "slides.previous", NULL, ANY_MODE },
  { GDK_KEY_BackSpace, "slides.previous", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_KP_Left, "slides.previous", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_KP_Up, "slides.previous", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_KP_Page_Up, "slides.previous", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_Home, "slides.first", NULL, ANY_MODE },
  { GDK_KEY_KP_Home, "slides.first", NULL, ANY_MODE },
  { GDK_KEY_End, "slides.last", NULL, ANY_MODE },
  { GDK_KEY_KP_End, "slides.last", NULL, ANY_MODE },
  { GDK_KEY_b, "slides.mode", "black", ANY_MODE },
  { GDK_KEY_B, "slides.mode", "black", ANY_MODE },
  { GDK_KEY_period, "slides.mode", "black", ANY_MODE },
  { GDK_KEY_KP_Decimal, "slides.mode", "black", ANY_MODE },
  { GDK_KEY_w, "slides.mode", "white", ANY_MODE },
  { GDK_KEY_W, "slides.mode", "white", ANY_MODE },
  { GDK_KEY_Tab, "slides.mode", "overview", ANY_MODE },
  { GDK_KEY_g, "slides.go-to", NULL, ANY_MODE },
  { GDK_KEY_G, "slides.go-to", NULL, ANY_MODE },
  { GDK_KEY_c, "slides.console", NULL, ANY_MODE },
  { GDK_KEY_C, "slides.console", NULL, ANY_MODE },
  { GDK_KEY_l, "slides.bilingual", NULL, ANY_MODE },
  { GDK_KEY_L, "slides.bilingual", NULL, ANY_MODE },
  { GDK_KEY_Escape, "slides.leave", NULL, ANY_MODE },
  { GDK_KEY_r, "slides.read-aloud", NULL, NOT_IN_OVERVIEW },
  { GDK_KEY_R, "slides.read-aloud", NULL, NOT_IN_OVERVIEW },
};

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
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (keys[i].keyval == keyval)
      {
        if (keys[i].scope == NOT_IN_OVERVIEW && self->mode == LGSM_PRESENTATION_OVERVIEW)
          return FALSE;
        if (keys[i].target)
          return gtk_widget_activate_action (GTK_WIDGET (self), keys[i].action, "s", keys[i].target);
        return gtk_widget_activate_action (GTK_WIDGET (self), keys[i].action, NULL);
      }
  return FALSE;
}

gboolean
lgsm_presentation_on_key_pressed (GtkEventControllerKey *controller,
                                  guint                  keyval,
                                  guint                  keycode,
                                  GdkModifierType        state,
                                  LgsmPresentation      *self)
{
  return lgsm_presentation_handle_key (self, keyval, state);
}

void
lgsm_presentation_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "slides.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "slides.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "slides.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "slides.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "slides.mode", "s", mode_action);
  gtk_widget_class_install_action (widget_class, "slides.go-to", NULL, go_to_action);
  gtk_widget_class_install_action (widget_class, "slides.console", NULL, console_action);
  gtk_widget_class_install_action (widget_class, "slides.bilingual", NULL, bilingual_action);
  gtk_widget_class_install_action (widget_class, "slides.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "slides.read-aloud", NULL, read_aloud_action);
}
