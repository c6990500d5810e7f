/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-console-view.h"
#include "lgsm-slide-preview.h"

/* What the teacher sees while the class sees the slides: the current slide
 * as projected (blanking, pen and pointer included), the next one, the
 * question for the class and the record's notes, the slide's number, the
 * time since the start and the time of day. The presenter console window
 * shows it on the teacher's monitor; with a single screen the slides'
 * window shows it in place of the slides (C).
 *
 * It must fit any monitor from 1280×720 up, on X11 and Wayland: nothing in
 * it asks for the size of its text. The previews are scaled-down slides
 * (LgsmSlidePreview) and ask for a thumbnail's size; the question and notes
 * scroll; the split below shares the width (or, on a tall screen, the
 * height) out by proportion, not by what the children would like. */

/* ---- LgsmConsoleSplit: the current slide, and the rest beside it -------- */

#define LGSM_TYPE_CONSOLE_SPLIT (lgsm_console_split_get_type ())
G_DECLARE_FINAL_TYPE (LgsmConsoleSplit, lgsm_console_split, LGSM, CONSOLE_SPLIT, GtkWidget)

struct _LgsmConsoleSplit
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LgsmConsoleSplit, lgsm_console_split, GTK_TYPE_WIDGET)

#define SPLIT_GAP   24
#define SPLIT_SHARE 0.62   /* of the width (or height) for the current slide */

static gboolean
split_is_tall (int width,
               int height)
{
  return height > 0 && width < height * 1.1;
}

static GtkSizeRequestMode
lgsm_console_split_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_console_split_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *main = gtk_widget_get_first_child (widget);
  GtkWidget *side = main ? gtk_widget_get_next_sibling (main) : NULL;
  int main_min = 0, main_nat = 0, side_min = 0, side_nat = 0;

  if (main == NULL || side == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (main, orientation, -1, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (side, orientation, -1, &side_min, &side_nat, NULL, NULL);
      /* side by side at the least; a tall screen stacks them */
      *minimum = main_min + SPLIT_GAP + side_min;
      *natural = main_nat + SPLIT_GAP + side_nat;
    }
  else
    {
      int main_width = for_size < 0 ? -1 : (int) ((for_size - SPLIT_GAP) * SPLIT_SHARE);
      int side_width = for_size < 0 ? -1 : MAX (0, for_size - SPLIT_GAP - main_width);
      int stacked_min = 0, m = 0, s = 0;

      gtk_widget_measure (main, orientation, main_width, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (side, orientation, side_width, &side_min, &side_nat, NULL, NULL);
      gtk_widget_measure (main, orientation, for_size, &m, NULL, NULL, NULL);
      gtk_widget_measure (side, orientation, for_size, &s, NULL, NULL, NULL);
      stacked_min = m + SPLIT_GAP + s;
      *minimum = MAX (MAX (main_min, side_min), stacked_min);
      *natural = MAX (*minimum, MAX (main_nat, side_nat));
    }
}

static void
lgsm_console_split_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GtkWidget *main = gtk_widget_get_first_child (widget);
  GtkWidget *side = main ? gtk_widget_get_next_sibling (main) : NULL;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int main_min = 0, side_min = 0;

  if (main == NULL || side == NULL)
    return;
  if (split_is_tall (width, height))
    {
      int main_height;

      gtk_widget_measure (main, GTK_ORIENTATION_VERTICAL, width, &main_min, NULL, NULL, NULL);
      gtk_widget_measure (side, GTK_ORIENTATION_VERTICAL, width, &side_min, NULL, NULL, NULL);
      main_height = CLAMP ((int) ((height - SPLIT_GAP) * SPLIT_SHARE), main_min,
                           MAX (main_min, height - SPLIT_GAP - side_min));
      gtk_widget_size_allocate (main, &(GtkAllocation) { 0, 0, width, main_height }, -1);
      gtk_widget_size_allocate (side, &(GtkAllocation) { 0, main_height + SPLIT_GAP, width,
                                                          MAX (0, height - main_height - SPLIT_GAP) }, -1);
    }
  else
    {
      int main_width, side_width;

      gtk_widget_measure (main, GTK_ORIENTATION_HORIZONTAL, -1, &main_min, NULL, NULL, NULL);
      gtk_widget_measure (side, GTK_ORIENTATION_HORIZONTAL, -1, &side_min, NULL, NULL, NULL);
      main_width = CLAMP ((int) ((width - SPLIT_GAP) * SPLIT_SHARE), main_min,
                          MAX (main_min, width - SPLIT_GAP - side_min));
      side_width = MAX (0, width - main_width - SPLIT_GAP);
      gtk_widget_size_allocate (main, &(GtkAllocation) { rtl ? width - main_width : 0, 0, main_width, height }, -1);
      gtk_widget_size_allocate (side, &(GtkAllocation) { rtl ? 0 : main_width + SPLIT_GAP, 0, side_width, height }, -1);
    }
}

static void
lgsm_console_split_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lgsm_console_split_parent_class)->dispose (object);
}

static void
lgsm_console_split_class_init (LgsmConsoleSplitClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lgsm_console_split_dispose;
  widget_class->get_request_mode = lgsm_console_split_get_request_mode;
  widget_class->measure = lgsm_console_split_measure;
  widget_class->size_allocate = lgsm_console_split_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "consolesplit");
}

static void
lgsm_console_split_init (LgsmConsoleSplit *self)
{
}

/* ---- the console --------------------------------------------------------- */

struct _LgsmConsoleView
{
  GtkWidget         parent_instance;

  gint64            started;
  guint             tick;

  LgsmSlidePreview *current;
  LgsmSlidePreview *next;
  GtkWidget        *next_heading;
  GtkWidget        *last_label;
  GtkWidget        *question_heading;
  GtkLabel         *question_label;
  GtkLabel         *notes_label;
  GtkLabel         *position_label;
  GtkLabel         *status_label;
  GtkLabel         *elapsed_label;
  GtkLabel         *clock_label;
  GtkLabel         *keys_label;

  GtkCssProvider   *font_css;
  int               font_size;
  guint             font_idle;
};

G_DEFINE_FINAL_TYPE (LgsmConsoleView, lgsm_console_view, GTK_TYPE_WIDGET)

static gboolean
update_clocks (gpointer data)
{
  LgsmConsoleView *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  gint64 seconds = (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;
  g_autofree char *elapsed = g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                                              seconds / 60, seconds % 60);

  gtk_label_set_text (self->elapsed_label, elapsed);
  gtk_label_set_text (self->clock_label, clock);
  return G_SOURCE_CONTINUE;
}

void
lgsm_console_view_show (LgsmConsoleView *self,
                             LgsmRecord           *current,
                             LgsmRecord           *next,
                             guint                 index,
                             guint                 n_slides)
{
  g_autofree char *position = NULL;
  const char *notes, *question;

  g_return_if_fail (LGSM_IS_CONSOLE_VIEW (self));
  g_return_if_fail (LGSM_IS_RECORD (current));

  lgsm_slide_preview_set_record (self->current, current);
  gtk_widget_set_visible (GTK_WIDGET (self->next), next != NULL);
  gtk_widget_set_visible (self->next_heading, next != NULL);
  gtk_widget_set_visible (self->last_label, next == NULL);
  if (next)
    lgsm_slide_preview_set_record (self->next, next);

  question = lgsm_record_get_question (current);
  gtk_label_set_text (self->question_label, question ? question : "");
  gtk_widget_set_visible (GTK_WIDGET (self->question_label), question != NULL);
  gtk_widget_set_visible (self->question_heading, question != NULL);
  notes = lgsm_record_get_notes (current);
  /* Translators: presenter console: in place of the teacher's notes when the slide's record has
     none */
  gtk_label_set_text (self->notes_label, notes ? notes : _("No notes for this record."));
  /* Translators: the slide being shown, e.g. "Slide 3 of 12" */
  position = g_strdup_printf (_("Slide %u of %u"), index + 1, n_slides);
  gtk_label_set_text (self->position_label, position);
}

const char *
lgsm_console_view_get_notes (LgsmConsoleView *self)
{
  g_return_val_if_fail (LGSM_IS_CONSOLE_VIEW (self), NULL);
  return gtk_label_get_text (self->notes_label);
}

/* Returns: (nullable): the question for the class shown, if any */
const char *
lgsm_console_view_get_question (LgsmConsoleView *self)
{
  g_return_val_if_fail (LGSM_IS_CONSOLE_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->question_label)) ? gtk_label_get_text (self->question_label)
                                                                    : NULL;
}

/* "Slide 3 of 12" */
const char *
lgsm_console_view_get_position (LgsmConsoleView *self)
{
  g_return_val_if_fail (LGSM_IS_CONSOLE_VIEW (self), NULL);
  return gtk_label_get_text (self->position_label);
}

/* What the room sees when it is not the slide — a black or white screen
 * (@blank: the preview shows it too), the overview, a tool that is on —
 * or NULL. */
void
lgsm_console_view_set_status (LgsmConsoleView *self,
                                   const char           *status,
                                   const GdkRGBA        *blank)
{
  g_return_if_fail (LGSM_IS_CONSOLE_VIEW (self));

  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  lgsm_slide_preview_set_blank (self->current, blank);
}

/* Returns: (nullable) */
const char *
lgsm_console_view_get_status (LgsmConsoleView *self)
{
  g_return_val_if_fail (LGSM_IS_CONSOLE_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->status_label)) ? gtk_label_get_text (self->status_label)
                                                                  : NULL;
}

/* The pen and pointer of the slides: shown on the current slide's
 * preview, and the teacher can point and draw there too. */
void
lgsm_console_view_set_ink_model (LgsmConsoleView *self,
                                      LgsmInkModel         *model)
{
  g_return_if_fail (LGSM_IS_CONSOLE_VIEW (self));
  lgsm_slide_preview_set_ink_model (self->current, model);
}

/* The size of the slides' window: the previews are laid out at it. */
void
lgsm_console_view_set_audience_size (LgsmConsoleView *self,
                                          int                   width,
                                          int                   height)
{
  g_return_if_fail (LGSM_IS_CONSOLE_VIEW (self));
  lgsm_slide_preview_set_audience_size (self->current, width, height);
  lgsm_slide_preview_set_audience_size (self->next, width, height);
}

/* Returns: (transfer none): the current slide's preview, or the next's */
LgsmSlidePreview *
lgsm_console_view_get_preview (LgsmConsoleView *self,
                                    gboolean              next)
{
  g_return_val_if_fail (LGSM_IS_CONSOLE_VIEW (self), NULL);
  return next ? self->next : self->current;
}

/* The console's text follows its height, as the slides' does: 20 px at
 * 1080, 13 px at 720 (a laptop), at most 40 px. */
static int
font_size_for (int height)
{
  return CLAMP (height / 54, 12, 40);
}

static gboolean
apply_font_size (gpointer data)
{
  LgsmConsoleView *self = data;
  g_autofree char *css = g_strdup_printf ("consoleview { font-size: %dpx; }", self->font_size);

  self->font_idle = 0;
  gtk_css_provider_load_from_data (self->font_css, css, -1);
  return G_SOURCE_REMOVE;
}

static void
lgsm_console_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
lgsm_console_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgsm_console_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LgsmConsoleView *self = LGSM_CONSOLE_VIEW (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child)
    gtk_widget_allocate (child, width, height, -1, NULL);
  /* the text size changes after this allocation: it would need another */
  if (font_size_for (height) != self->font_size)
    {
      self->font_size = font_size_for (height);
      if (self->font_idle == 0)
        self->font_idle = g_idle_add (apply_font_size, self);
    }
}

static void
lgsm_console_view_dispose (GObject *object)
{
  LgsmConsoleView *self = LGSM_CONSOLE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_handle_id (&self->font_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_CONSOLE_VIEW);
  /* the template's unnamed root too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->font_css);

  G_OBJECT_CLASS (lgsm_console_view_parent_class)->dispose (object);
}

static void
lgsm_console_view_class_init (LgsmConsoleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_console_view_dispose;
  widget_class->measure = lgsm_console_view_measure;
  widget_class->get_request_mode = lgsm_console_view_get_request_mode;
  widget_class->size_allocate = lgsm_console_view_size_allocate;

  g_type_ensure (LGSM_TYPE_SLIDE_PREVIEW);
  g_type_ensure (LGSM_TYPE_CONSOLE_SPLIT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-console-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, current);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, next);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, next_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, last_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, question_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, question_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, position_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, status_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, clock_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmConsoleView, keys_label);
  gtk_widget_class_set_css_name (widget_class, "consoleview");
}

static void
lgsm_console_view_init (LgsmConsoleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->font_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->font_css), GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  self->started = g_get_monotonic_time ();
  self->tick = g_timeout_add_seconds (1, update_clocks, self);
  update_clocks (self);
  /* Translators: the presenter console's reminder of the keys; keep it short, it is one line */
  gtk_label_set_text (self->keys_label, _("→ next · ← back · B black · W white · P pointer · D pen · E erase · "
                                          "Tab all slides · C console · Esc leave"));
}

GtkWidget *
lgsm_console_view_new (void)
{
  return g_object_new (LGSM_TYPE_CONSOLE_VIEW, NULL);
}
