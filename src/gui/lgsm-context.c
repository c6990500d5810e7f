/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lgsm-context.h"
#include "lgsm-language.h"
#include "lgsm-lesson-store.h"
#include "lgsm-picture-cache.h"

/* What the whole app shares, handed to every window as a construct-only
 * property: the exhibition in the current language (and, loaded when
 * first asked for, in the second language of bilingual slides), the
 * settings, the language, the picture cache, and whether the app runs as a
 * kiosk. Views read it and watch its properties; they never reach into
 * the application. */
struct _LgsmContext
{
  GObject           parent_instance;

  LgsmExhibition   *exhibition;
  LgsmExhibition   *second;
  GSettings        *settings;
  char             *records_dir;
  char             *language;       /* "" for the desktop's */
  LgsmPictureCache *pictures;
  LgsmLessonStore  *lessons;
  gboolean          kiosk;
  gboolean          audio_guide;
  LgsmExhibition   *pending;        /* reloaded, waiting for the kiosk's reset */
  char             *reload_summary; /* what the last reload found */
};

G_DEFINE_FINAL_TYPE (LgsmContext, lgsm_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXHIBITION,
  PROP_SETTINGS,
  PROP_RECORDS_DIR,
  PROP_LANGUAGE,
  PROP_PICTURE_CACHE,
  PROP_KIOSK,
  PROP_AUDIO_GUIDE,
  PROP_RELOAD_SUMMARY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/**
 * lgsm_context_from_widget:
 *
 * The context of the window @widget is in: its root's "context" property.
 *
 * Returns: (transfer none) (nullable)
 */
LgsmContext *
lgsm_context_from_widget (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  LgsmContext *context = NULL;

  if (root == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (root), "context") == NULL)
    return NULL;
  g_object_get (root, "context", &context, NULL);
  if (context)
    g_object_unref (context);  /* the window keeps it alive */
  return context;
}

/* Loads the records — the bundled ones, or the records folder's — in the
 * current language. */
LgsmExhibition *
lgsm_context_load_exhibition (LgsmContext  *self,
                              GError      **error)
{
  g_autoptr(LgsmExhibition) exhibition = lgsm_exhibition_new ();

  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);

  lgsm_exhibition_set_translation_domain (exhibition, GETTEXT_PACKAGE);
  if (self->records_dir)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (self->records_dir);
      if (!lgsm_exhibition_load_directory (exhibition, dir, RESOURCE_PREFIX, error))
        return NULL;
    }
  else if (!lgsm_exhibition_load_resources (exhibition, RESOURCE_PREFIX, error))
    return NULL;
  return g_steal_pointer (&exhibition);
}

/* Returns: (transfer none) */
LgsmExhibition *
lgsm_context_get_exhibition (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);
  return self->exhibition;
}

void
lgsm_context_set_exhibition (LgsmContext    *self,
                             LgsmExhibition *exhibition)
{
  g_return_if_fail (LGSM_IS_CONTEXT (self));

  if (!g_set_object (&self->exhibition, exhibition))
    return;
  g_clear_object (&self->second);  /* of the records before */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXHIBITION]);
}

const char *
lgsm_context_get_second_language (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);
  return lgsm_language_get_second (self->language);
}

/**
 * lgsm_context_get_second_exhibition:
 *
 * The same records in the second language of bilingual slides, loaded on
 * first use (the language is switched for the moment of loading).
 *
 * Returns: (transfer none) (nullable)
 */
LgsmExhibition *
lgsm_context_get_second_exhibition (LgsmContext *self)
{
  const char *other;

  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);

  other = lgsm_language_get_second (self->language);
  if (self->second == NULL && other != NULL)
    {
      lgsm_language_apply (other);
      self->second = lgsm_context_load_exhibition (self, NULL);
      lgsm_language_apply (self->language);
    }
  return self->second;
}

/* Returns: (transfer none) */
GSettings *
lgsm_context_get_settings (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);
  return self->settings;
}

/* Returns: (nullable): the curator's folder, NULL for the bundled records */
const char *
lgsm_context_get_records_dir (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);
  return self->records_dir;
}

/* Where lgsm_context_load_exhibition() reads from next: a curator's
 * folder, or NULL for the bundled records. */
void
lgsm_context_set_records_dir (LgsmContext *self,
                              const char  *records_dir)
{
  g_return_if_fail (LGSM_IS_CONTEXT (self));

  if (g_strcmp0 (self->records_dir, records_dir) == 0)
    return;
  g_free (self->records_dir);
  self->records_dir = g_strdup (records_dir);
  g_clear_object (&self->second);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDS_DIR]);
}

const char *
lgsm_context_get_language (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);
  return self->language;
}

/* Switches gettext and the locale to @language ("" for the desktop's);
 * the records in the old language are dropped, not reloaded: whoever
 * watches notify::language loads them again. */
void
lgsm_context_set_language (LgsmContext *self,
                           const char  *language)
{
  g_return_if_fail (LGSM_IS_CONTEXT (self));

  if (language == NULL)
    language = "";
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  lgsm_language_apply (self->language);
  g_clear_object (&self->second);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* Returns: (transfer none) */
LgsmPictureCache *
lgsm_context_get_picture_cache (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);
  return self->pictures;
}

static void
on_lessons_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lgsm_lesson_store_load_finish (LGSM_LESSON_STORE (source), result, &error))
    g_warning ("The lesson paths could not be read: %s", error->message);
}

/**
 * lgsm_context_get_lesson_store:
 *
 * The teacher's lesson paths (and the ready-made ones), read off the main
 * thread when first asked for; changes are saved as they pause.
 *
 * Returns: (transfer none)
 */
LgsmLessonStore *
lgsm_context_get_lesson_store (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);

  if (self->lessons == NULL)
    {
      self->lessons = lgsm_lesson_store_new (NULL);
      lgsm_lesson_store_load_async (self->lessons, NULL, on_lessons_loaded, NULL);
    }
  return self->lessons;
}

/* A kiosk switches to reloaded records only at its next idle reset:
 * until then they wait here. */
void
lgsm_context_set_pending_exhibition (LgsmContext    *self,
                                     LgsmExhibition *exhibition)
{
  g_return_if_fail (LGSM_IS_CONTEXT (self));
  g_set_object (&self->pending, exhibition);
}

LgsmExhibition *
lgsm_context_get_pending_exhibition (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);
  return self->pending;
}

/* Switches to the records waiting for a reset, if any: TRUE if it did. */
gboolean
lgsm_context_apply_pending (LgsmContext *self)
{
  g_autoptr(LgsmExhibition) pending = NULL;

  g_return_val_if_fail (LGSM_IS_CONTEXT (self), FALSE);

  if (self->pending == NULL)
    return FALSE;
  pending = g_steal_pointer (&self->pending);
  g_clear_object (&self->second);
  lgsm_context_set_exhibition (self, pending);
  return TRUE;
}

const char *
lgsm_context_get_reload_summary (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), NULL);
  return self->reload_summary;
}

void
lgsm_context_set_reload_summary (LgsmContext *self,
                                 const char  *summary)
{
  g_return_if_fail (LGSM_IS_CONTEXT (self));

  g_free (self->reload_summary);
  self->reload_summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELOAD_SUMMARY]);
}

gboolean
lgsm_context_get_kiosk (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), FALSE);
  return self->kiosk;
}

void
lgsm_context_set_kiosk (LgsmContext *self,
                        gboolean     kiosk)
{
  g_return_if_fail (LGSM_IS_CONTEXT (self));

  kiosk = !!kiosk;
  if (self->kiosk == kiosk)
    return;
  self->kiosk = kiosk;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIOSK]);
}

/* The audio-led kiosk (issue 19): a visitor may start the spoken guide. */
gboolean
lgsm_context_get_audio_guide (LgsmContext *self)
{
  g_return_val_if_fail (LGSM_IS_CONTEXT (self), FALSE);
  return self->audio_guide;
}

void
lgsm_context_set_audio_guide (LgsmContext *self,
                              gboolean     audio_guide)
{
  g_return_if_fail (LGSM_IS_CONTEXT (self));

  audio_guide = !!audio_guide;
  if (self->audio_guide == audio_guide)
    return;
  self->audio_guide = audio_guide;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIO_GUIDE]);
}

static void
lgsm_context_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LgsmContext *self = LGSM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_EXHIBITION:
      g_value_set_object (value, self->exhibition);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_RECORDS_DIR:
      g_value_set_string (value, self->records_dir);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_PICTURE_CACHE:
      g_value_set_object (value, self->pictures);
      break;
    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk);
      break;
    case PROP_AUDIO_GUIDE:
      g_value_set_boolean (value, self->audio_guide);
      break;
    case PROP_RELOAD_SUMMARY:
      g_value_set_string (value, self->reload_summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_context_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LgsmContext *self = LGSM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_EXHIBITION:
      lgsm_context_set_exhibition (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_RECORDS_DIR:
      lgsm_context_set_records_dir (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      lgsm_context_set_language (self, g_value_get_string (value));
      break;
    case PROP_KIOSK:
      lgsm_context_set_kiosk (self, g_value_get_boolean (value));
      break;
    case PROP_AUDIO_GUIDE:
      lgsm_context_set_audio_guide (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgsm_context_dispose (GObject *object)
{
  LgsmContext *self = LGSM_CONTEXT (object);

  g_clear_object (&self->exhibition);
  g_clear_object (&self->second);
  g_clear_object (&self->pending);
  g_clear_object (&self->settings);
  g_clear_object (&self->pictures);
  if (self->lessons)
    {
      g_autoptr(GError) error = NULL;
      /* what is waiting to be saved is saved now */
      if (!lgsm_lesson_store_flush (self->lessons, &error))
        g_warning ("%s", error->message);
      g_clear_object (&self->lessons);
    }

  G_OBJECT_CLASS (lgsm_context_parent_class)->dispose (object);
}

static void
lgsm_context_finalize (GObject *object)
{
  LgsmContext *self = LGSM_CONTEXT (object);

  g_free (self->records_dir);
  g_free (self->language);
  g_free (self->reload_summary);

  G_OBJECT_CLASS (lgsm_context_parent_class)->finalize (object);
}

static void
lgsm_context_class_init (LgsmContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lgsm_context_dispose;
  object_class->finalize = lgsm_context_finalize;
  object_class->get_property = lgsm_context_get_property;
  object_class->set_property = lgsm_context_set_property;

  properties[PROP_EXHIBITION] =
    g_param_spec_object ("exhibition", NULL, NULL, LGSM_TYPE_EXHIBITION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDS_DIR] =
    g_param_spec_string ("records-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PICTURE_CACHE] =
    g_param_spec_object ("picture-cache", NULL, NULL, LGSM_TYPE_PICTURE_CACHE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUDIO_GUIDE] =
    g_param_spec_boolean ("audio-guide", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELOAD_SUMMARY] =
    g_param_spec_string ("reload-summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lgsm_context_init (LgsmContext *self)
{
  self->language = g_strdup ("");
  self->pictures = lgsm_picture_cache_new ();
  /* until a window's first frame is on screen */
  lgsm_picture_cache_set_held (self->pictures, TRUE);
}

/* @settings: the app's (tests pass a memory-backed one); @records_dir: a
 * curator's folder, or NULL for the bundled records */
LgsmContext *
lgsm_context_new (GSettings  *settings,
                  const char *records_dir)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LGSM_TYPE_CONTEXT,
                       "settings", settings,
                       "records-dir", records_dir,
                       NULL);
}
