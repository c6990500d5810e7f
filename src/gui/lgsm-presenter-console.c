/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lgsm-context.h"
#include "lgsm-presenter-console.h"
#include "lgsm-slide-preview.h"

/* What the teacher sees while the class sees the slides: the current slide
 * as projected (blanking, pen and pointer included), the next one, the
 * question for the class and the record's notes, the slide's number, the
 * time since the start and the time of day. Keys pressed here drive the
 * slides too (lgsm-presentation.c forwards them).
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

struct _LgsmPresenterConsole
{
  GtkWindow         parent_instance;

  LgsmContext      *context;
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
};

G_DEFINE_FINAL_TYPE (LgsmPresenterConsole, lgsm_presenter_console, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
update_clocks (gpointer data)
{
  LgsmPresenterConsole *self = data;
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
lgsm_presenter_console_show (LgsmPresenterConsole *self,
                             LgsmRecord           *current,
                             LgsmRecord           *next,
                             guint                 index,
                             guint                 n_slides)
{
  g_autofree char *position = NULL;
  const char *notes, *question;

  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));
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
  gtk_label_set_text (self->notes_label, notes ? notes : _("No notes for this record."));
  /* Translators: the slide being shown, e.g. "Slide 3 of 12" */
  position = g_strdup_printf (_("Slide %u of %u"), index + 1, n_slides);
  gtk_label_set_text (self->position_label, position);
}

const char *
lgsm_presenter_console_get_notes (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return gtk_label_get_text (self->notes_label);
}

/* Returns: (nullable): the question for the class shown, if any */
const char *
lgsm_presenter_console_get_question (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->question_label)) ? gtk_label_get_text (self->question_label)
                                                                    : NULL;
}

/* "Slide 3 of 12" */
const char *
lgsm_presenter_console_get_position (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return gtk_label_get_text (self->position_label);
}

/* What the room sees when it is not the slide — a black or white screen
 * (@blank: the preview shows it too), the overview, a tool that is on —
 * or NULL. */
void
lgsm_presenter_console_set_status (LgsmPresenterConsole *self,
                                   const char           *status,
                                   const GdkRGBA        *blank)
{
  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));

  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  lgsm_slide_preview_set_blank (self->current, blank);
}

/* Returns: (nullable) */
const char *
lgsm_presenter_console_get_status (LgsmPresenterConsole *self)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->status_label)) ? gtk_label_get_text (self->status_label)
                                                                  : NULL;
}

/* The pen and pointer of the slides: shown on the current slide's
 * preview, and the teacher can point and draw there too. */
void
lgsm_presenter_console_set_ink_model (LgsmPresenterConsole *self,
                                      LgsmInkModel         *model)
{
  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));
  lgsm_slide_preview_set_ink_model (self->current, model);
}

/* The size of the slides' window: the previews are laid out at it. */
void
lgsm_presenter_console_set_audience_size (LgsmPresenterConsole *self,
                                          int                   width,
                                          int                   height)
{
  g_return_if_fail (LGSM_IS_PRESENTER_CONSOLE (self));
  lgsm_slide_preview_set_audience_size (self->current, width, height);
  lgsm_slide_preview_set_audience_size (self->next, width, height);
}

/* Returns: (transfer none): the current slide's preview, or the next's */
LgsmSlidePreview *
lgsm_presenter_console_get_preview (LgsmPresenterConsole *self,
                                    gboolean              next)
{
  g_return_val_if_fail (LGSM_IS_PRESENTER_CONSOLE (self), NULL);
  return next ? self->next : self->current;
}

static void
lgsm_presenter_console_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LgsmPresenterConsole *self = LGSM_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_presenter_console_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LgsmPresenterConsole *self = LGSM_PRESENTER_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_presenter_console_dispose (GObject *object)
{
  LgsmPresenterConsole *self = LGSM_PRESENTER_CONSOLE (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGSM_TYPE_PRESENTER_CONSOLE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lgsm_presenter_console_parent_class)->dispose (object);
}

static void
lgsm_presenter_console_class_init (LgsmPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgsm_presenter_console_dispose;
  object_class->get_property = lgsm_presenter_console_get_property;
  object_class->set_property = lgsm_presenter_console_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LGSM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LGSM_TYPE_SLIDE_PREVIEW);
  g_type_ensure (LGSM_TYPE_CONSOLE_SPLIT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/lgsm-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, current);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, next);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, next_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, last_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, question_heading);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, question_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, notes_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, position_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, status_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, clock_label);
  gtk_widget_class_bind_template_child (widget_class, LgsmPresenterConsole, keys_label);
}

static void
lgsm_presenter_console_init (LgsmPresenterConsole *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->started = g_get_monotonic_time ();
  self->tick = g_timeout_add_seconds (1, update_clocks, self);
  update_clocks (self);
  /* Translators: the presenter console's reminder of the keys; keep it short, it is one line */
  gtk_label_set_text (self->keys_label, _("→ next · ← back · B black · W white · P pointer · D pen · E erase · "
                                          "Tab all slides · C console · Esc leave"));
}

GtkWindow *
lgsm_presenter_console_new (LgsmContext *context)
{
  return g_object_new (LGSM_TYPE_PRESENTER_CONSOLE, "context", context, NULL);
}
