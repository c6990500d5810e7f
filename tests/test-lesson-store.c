/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The teacher's lessons on disk (issue 22): a save never destroys what was
 * there (a full disk, a read-only folder), a listing never blocks on what
 * is not a file and says what it skipped in words a teacher reads, changes
 * are saved once typing pauses, and export names suit every disk. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lgsm-lesson-store.h"
#include "lgsm-problem.h"

#define ORIGINAL "{\n  \"schema\" : 1,\n  \"name\" : \"Original\",\n  \"records\" : [\n    \"minibus\"\n  ]\n}"

/* ---- helpers -------------------------------------------------------------- */

/* A folder anyone may look into (the read-only test reads it as "nobody"). */
static char *
make_dir (void)
{
  char *dir = g_dir_make_tmp ("lgsm-lesson-store-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  return dir;
}

static int
remove_one (const char        *path,
            const struct stat *st,
            int                flag,
            struct FTW        *ftw)
{
  if (flag == FTW_DP)
    chmod (path, 0755);
  return remove (path);
}

static void
remove_tree (const char *dir)
{
  chmod (dir, 0755);
  nftw (dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: what is left there. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The first lesson of the teacher's own (not ready-made). */
static LgsmLesson *
first_editable (LgsmLessonStore *store)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(LgsmLesson) lesson = g_list_model_get_item (G_LIST_MODEL (store), i);
      if (lgsm_lesson_store_is_editable (store, lesson))
        return lesson;  /* the store keeps its own reference */
    }
  return NULL;
}

static guint
count_editable (LgsmLessonStore *store)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(LgsmLesson) lesson = g_list_model_get_item (G_LIST_MODEL (store), i);
      n += lgsm_lesson_store_is_editable (store, lesson);
    }
  return n;
}

static void
count_signal (gpointer  instance,
              gpointer  arg,
              guint    *count)
{
  (*count)++;
}

static void
count_save_failed (LgsmLessonStore *store,
                   LgsmLesson      *lesson,
                   GError          *error,
                   guint           *count)
{
  (*count)++;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms: waiting, not a timing assertion. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A listing that hangs (a pipe read on the main thread or in the thread
 * the dialog waits for) never ends: the watchdog ends the test instead. */
static void
on_watchdog (int signum)
{
  static const char message[] = "Bail out! the lessons folder did not load within a second\n";

  (void) !write (STDOUT_FILENO, message, sizeof message - 1);
  _exit (1);
}

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lgsm_lesson_store_load_finish (LGSM_LESSON_STORE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static void
load_watched (LgsmLessonStore *store)
{
  struct sigaction action = { .sa_handler = on_watchdog };
  gboolean done = FALSE;

  sigaction (SIGALRM, &action, NULL);
  alarm (1);
  lgsm_lesson_store_load_async (store, NULL, on_load_done, &done);
  g_assert_true (lgsm_lesson_store_get_loading (store));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  alarm (0);
  g_assert_false (lgsm_lesson_store_get_loading (store));
  g_assert_true (lgsm_lesson_store_get_loaded (store));
}

static LgsmProblem *
find_problem (GListModel *problems,
              const char *file)
{
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
      if (g_str_equal (lgsm_problem_get_file (problem), file))
        return problem;  /* the list keeps its own reference */
    }
  return NULL;
}

/* ---- listing -------------------------------------------------------------- */

/* A pipe, a folder, a link out of the folder, a device, a file too big and
 * two broken files, all named *.json, beside two good lessons: the listing
 * ends, has the two lessons, and says in plain words what it skipped. */
static void
test_list (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "lessons", NULL);
  g_autofree char *outside = g_build_filename (dir, "outside.json", NULL);
  g_autofree char *path = NULL;
  g_autoptr(LgsmLessonStore) store = NULL;
  GListModel *problems;
  LgsmProblem *problem;
  gboolean have_device;
  guint n_bundled;
  int fd;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  path = g_build_filename (folder, "a.json", NULL);
  write_file (path, "{ \"schema\": 1, \"name\": \"Alpha\", \"records\": [\"minibus\"] }");
  g_free (path);
  path = g_build_filename (folder, "b.json", NULL);
  write_file (path, "{ \"schema\": 1, \"name\": \"Beta\", \"records\": [] }");
  g_free (path);
  path = g_build_filename (folder, "broken.json", NULL);
  write_file (path, "{ \"schema\": 1, \"name\": ");
  g_free (path);
  path = g_build_filename (folder, "line3.json", NULL);
  write_file (path, "{\n  \"schema\": 1,\n  \"name\": \"x\" \"records\": []\n}");
  g_free (path);
  path = g_build_filename (folder, "schema.json", NULL);
  write_file (path, "{ \"schema\": 2, \"name\": \"x\", \"records\": [] }");
  g_free (path);
  path = g_build_filename (folder, "notes.txt", NULL);
  write_file (path, "not a lesson, and not named like one");
  g_free (path);

  path = g_build_filename (folder, "pipe.json", NULL);
  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  g_free (path);
  path = g_build_filename (folder, "folder.json", NULL);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_free (path);
  write_file (outside, "{ \"schema\": 1, \"name\": \"Outside\", \"records\": [] }");
  path = g_build_filename (folder, "outside.json", NULL);
  g_assert_cmpint (symlink ("../outside.json", path), ==, 0);
  g_free (path);
  path = g_build_filename (folder, "big.json", NULL);
  fd = open (path, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 2 * 1024 * 1024), ==, 0);
  close (fd);
  g_free (path);
  /* a device needs root (and a container that allows it): /dev/null's numbers */
  path = g_build_filename (folder, "device.json", NULL);
  have_device = mknod (path, S_IFCHR | 0644, makedev (1, 3)) == 0;
  if (!have_device)
    g_test_message ("no device node: mknod: %s", g_strerror (errno));
  g_free (path);

  store = lgsm_lesson_store_new (folder);
  g_assert_cmpstr (lgsm_lesson_store_get_folder (store), ==, folder);
  load_watched (store);

  /* the ready-made lessons first, then a.json and b.json in name order */
  n_bundled = g_list_model_get_n_items (G_LIST_MODEL (store)) - count_editable (store);
  g_assert_cmpuint (n_bundled, >=, 1);
  g_assert_cmpuint (count_editable (store), ==, 2);
  {
    g_autoptr(LgsmLesson) ready = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_autoptr(LgsmLesson) a = g_list_model_get_item (G_LIST_MODEL (store), n_bundled);
    g_autoptr(LgsmLesson) b = g_list_model_get_item (G_LIST_MODEL (store), n_bundled + 1);
    g_autofree char *a_path = g_build_filename (folder, "a.json", NULL);

    g_assert_false (lgsm_lesson_store_is_editable (store, ready));
    g_assert_null (lgsm_lesson_store_get_file (store, ready));
    g_assert_cmpstr (lgsm_lesson_get_name (a), ==, "Alpha");
    g_assert_cmpstr (lgsm_lesson_get_name (b), ==, "Beta");
    g_assert_cmpstr (g_file_peek_path (lgsm_lesson_store_get_file (store, a)), ==, a_path);
    g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == LGSM_TYPE_LESSON);
  }

  problems = lgsm_lesson_store_get_problems (store);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 7 + have_device);
  g_assert_cmpstr (lgsm_problem_get_message (find_problem (problems, "pipe.json")), ==,
                   "“pipe.json” is not an ordinary file and was skipped");
  g_assert_cmpstr (lgsm_problem_get_message (find_problem (problems, "folder.json")), ==,
                   "“folder.json” is a folder, not a lesson file, and was skipped");
  g_assert_cmpstr (lgsm_problem_get_message (find_problem (problems, "outside.json")), ==,
                   "“outside.json” is a link to another file and was skipped");
  if (have_device)
    g_assert_cmpstr (lgsm_problem_get_message (find_problem (problems, "device.json")), ==,
                     "“device.json” is not an ordinary file and was skipped");
  g_assert_cmpstr (lgsm_problem_get_message (find_problem (problems, "big.json")), ==,
                   "“big.json” could not be read: it is larger than 1.0\u00A0MiB");  /* a no-break space */
  problem = find_problem (problems, "broken.json");
  g_assert_cmpstr (lgsm_problem_get_message (problem), ==,
                   "“broken.json” could not be read: it is not a valid lesson (line 1)");
  g_assert_cmpuint (lgsm_problem_get_line (problem), ==, 1);
  g_assert_cmpstr (lgsm_problem_get_message (find_problem (problems, "line3.json")), ==,
                   "“line3.json” could not be read: it is not a valid lesson (line 3)");
  g_assert_cmpstr (lgsm_problem_get_message (find_problem (problems, "schema.json")), ==,
                   "“schema.json” could not be read: it is in a format this version of the app does not know");
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LgsmProblem) p = g_list_model_get_item (problems, i);
      g_assert_null (strstr (lgsm_problem_get_message (p), "<data>"));
      g_assert_null (strstr (lgsm_problem_get_message (p), "Parse error"));
    }

  /* loading again keeps what the store has and finds a new file */
  path = g_build_filename (folder, "c.json", NULL);
  write_file (path, "{ \"schema\": 1, \"name\": \"Gamma\", \"records\": [] }");
  g_clear_pointer (&path, g_free);
  load_watched (store);
  g_assert_cmpuint (count_editable (store), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 7 + have_device);

  /* the same refusals for a file the teacher chose to import */
  {
    g_autofree char *pipe = g_build_filename (folder, "pipe.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (pipe);
    g_autoptr(GFile) link = g_file_new_build_filename (folder, "outside.json", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(LgsmLesson) lesson = NULL;

    alarm (1);
    lesson = lgsm_lesson_load_file (file, &error);
    alarm (0);
    g_assert_null (lesson);
    g_assert_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_NOT_REGULAR);
    g_assert_cmpstr (error->message, ==, "“pipe.json” is not an ordinary file");
    /* a link the teacher picked is followed */
    lesson = lgsm_lesson_load_file (link, NULL);
    g_assert_nonnull (lesson);
    g_assert_cmpstr (lgsm_lesson_get_name (lesson), ==, "Outside");
  }

  g_clear_object (&store);
  remove_tree (dir);
}

/* No folder yet (a first start): no lessons of the teacher's, no problem;
 * the synchronous load gives the same as the threaded one. */
static void
test_list_no_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "not", "yet", NULL);
  g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
  g_autoptr(LgsmLessonStore) fallback = lgsm_lesson_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "lgsm-exhibition", "lessons", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (lgsm_lesson_store_get_folder (fallback), ==, expected);
  g_assert_true (lgsm_lesson_store_load (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lgsm_lesson_store_get_loaded (store));
  g_assert_cmpuint (count_editable (store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_lesson_store_get_problems (store)), ==, 0);
  g_clear_object (&store);
  remove_tree (dir);
}

/* The folder's path runs through a regular file, so it can be neither
 * read nor made (ENOTDIR, for root as for anyone): the listing says so,
 * and adding a lesson fails with the reason, adding nothing. */
static void
test_folder_blocked (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_autofree char *folder = g_build_filename (blocker, "lessons", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
  g_autoptr(LgsmLesson) lesson = lgsm_lesson_new ("Blocked");
  g_autoptr(LgsmProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  write_file (blocker, "a file where a folder should be");
  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (lgsm_lesson_store_get_problems (store)), ==, 1);
  problem = g_list_model_get_item (lgsm_lesson_store_get_problems (store), 0);
  expected = g_strdup_printf ("The lessons folder “%s” could not be read: The folder is missing or is not a folder", folder);
  g_assert_cmpstr (lgsm_problem_get_message (problem), ==, expected);

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_false (lgsm_lesson_store_add (store, lesson, &error));
  g_assert_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_NO_FOLDER);
  g_assert_cmpstr (error->message, ==, "“Blocked” was not saved: The folder is missing or is not a folder");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  g_clear_object (&store);
  remove_tree (dir);
}

/* ---- a full disk ---------------------------------------------------------- */

/* Run in a child whose disk is full (a file size limit, or a small tmpfs
 * filled up): a bigger lesson saved over @folder/lesson-a.json fails with
 * the reason naming the lesson, the old file stays byte for byte, no
 * temporary file is left, and the change stays there, unsaved. */
static void
check_disk_full (const char *folder,
                 const char *expected_listing)
{
  g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
  g_autofree char *path = g_build_filename (folder, "lesson-a.json", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const GError *kept;
  LgsmLesson *lesson;
  guint failed = 0;

  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  lesson = first_editable (store);
  g_assert_nonnull (lesson);
  g_assert_cmpstr (lgsm_lesson_get_name (lesson), ==, "Original");
  g_signal_connect (store, "save-failed", G_CALLBACK (count_save_failed), &failed);

  lgsm_lesson_set_name (lesson, "Big lesson");
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("record-number-%u", i);
      lgsm_lesson_append (lesson, id);
    }
  g_assert_true (lgsm_lesson_store_get_has_unsaved (store));
  g_assert_false (lgsm_lesson_store_flush (store, &error));
  g_assert_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_DISK_FULL);
  g_assert_cmpstr (error->message, ==, "“Big lesson” was not saved: The disk is full");
  g_assert_cmpuint (failed, ==, 1);

  after = read_file (path);
  g_assert_cmpstr (after, ==, ORIGINAL);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, expected_listing);

  /* nothing dropped: the change is there, known to be unsaved, and why */
  g_assert_true (lgsm_lesson_store_get_has_unsaved (store));
  g_assert_true (lgsm_lesson_store_is_unsaved (store, lesson));
  kept = lgsm_lesson_store_get_save_error (store, lesson);
  g_assert_nonnull (kept);
  g_assert_cmpint (kept->code, ==, LGSM_LESSON_ERROR_DISK_FULL);
  g_assert_cmpstr (lgsm_lesson_get_name (lesson), ==, "Big lesson");
  g_assert_cmpuint (lgsm_lesson_get_n_items (lesson), ==, 201);

  /* a store let go with a change it cannot save tries once more, and
   * does not drop it without a word */
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "“Big lesson” was not saved: The disk is full");
  g_clear_object (&store);
  g_test_assert_expected_messages ();
  after = (g_free (after), read_file (path));
  g_assert_cmpstr (after, ==, ORIGINAL);
}

/* After check_disk_full() and room made again: "Try Again" saves it. */
static void
check_retry (const char *folder)
{
  g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
  g_autofree char *path = g_build_filename (folder, "lesson-a.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LgsmLesson) saved = NULL;
  LgsmLesson *lesson;

  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  lesson = first_editable (store);
  lgsm_lesson_set_name (lesson, "Big lesson");
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("record-number-%u", i);
      lgsm_lesson_append (lesson, id);
    }
  g_assert_true (lgsm_lesson_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (lgsm_lesson_store_get_has_unsaved (store));
  g_assert_null (lgsm_lesson_store_get_save_error (store, lesson));
  saved = lgsm_lesson_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lgsm_lesson_get_n_items (saved), ==, 201);
}

static char *
prepare_original (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "lessons", NULL);
  g_autofree char *path = g_build_filename (folder, "lesson-a.json", NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_file (path, ORIGINAL);
  g_setenv ("LGSM_TEST_DIR", dir, TRUE);
  return g_steal_pointer (&dir);
}

/* The file size limit: a write past it fails with EFBIG (SIGXFSZ ignored),
 * as a FAT stick fails past 4 GiB. Works as root and as a user, anywhere. */
static void
test_disk_full_rlimit (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(LgsmLesson) saved = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit limit;

      folder = g_build_filename (g_getenv ("LGSM_TEST_DIR"), "lessons", NULL);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      limit.rlim_cur = 512;  /* the original is smaller, the new lesson bigger */
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      check_disk_full (folder, "lesson-a.json");
      limit.rlim_cur = limit.rlim_max;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      check_retry (folder);
      return;
    }

  dir = prepare_original ();
  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
  /* and seen from outside the child: the retry's lesson, nothing else */
  folder = g_build_filename (dir, "lessons", NULL);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "lesson-a.json");
  path = g_build_filename (folder, "lesson-a.json", NULL);
  saved = lgsm_lesson_load_file (g_file_new_for_path (path), NULL);
  g_assert_cmpstr (lgsm_lesson_get_name (saved), ==, "Big lesson");
  remove_tree (dir);
}

static gboolean
write_proc (const char *path,
            const char *text)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (gssize) strlen (text);
  close (fd);
  return ok;
}

/* A mount namespace of this process's own, so that it can mount a tmpfs
 * that nobody else sees and that goes with it: as root directly, as a user
 * through a user namespace. FALSE where neither is allowed (a container
 * without CAP_SYS_ADMIN and without user namespaces). */
static gboolean
enter_private_mounts (void)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return FALSE;
      write_proc ("/proc/self/setgroups", "deny");
      if (!write_proc ("/proc/self/uid_map", uid_map) || !write_proc ("/proc/self/gid_map", gid_map))
        return FALSE;
    }
  return mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
}

/* The child leaves this file beside the folder when it cannot do the test */
static void
skip_in_child (const char *reason)
{
  g_autofree char *marker = g_build_filename (g_getenv ("LGSM_TEST_DIR"), "skipped", NULL);

  g_file_set_contents (marker, reason, -1, NULL);
}

static gboolean
skipped_by_child (const char *dir)
{
  g_autofree char *marker = g_build_filename (dir, "skipped", NULL);
  g_autofree char *reason = NULL;

  if (!g_file_get_contents (marker, &reason, NULL, NULL))
    return FALSE;
  g_test_skip (reason);
  return TRUE;
}

/* A real full disk: a 64 KiB tmpfs, filled up. */
static void
test_disk_full_tmpfs (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *folder = g_build_filename (g_getenv ("LGSM_TEST_DIR"), "lessons", NULL);
      g_autofree char *path = g_build_filename (folder, "lesson-a.json", NULL);
      g_autofree char *filler = g_build_filename (folder, "filler", NULL);
      char block[4096] = { 0 };
      int fd;

      if (!enter_private_mounts () ||
          mount ("lgsm-test", folder, "tmpfs", 0, "size=64k,mode=0755") != 0)
        {
          skip_in_child ("no tmpfs can be mounted here (no mount namespace); the rlimit test stands in");
          return;
        }
      write_file (path, ORIGINAL);
      fd = open (filler, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
      g_assert_cmpint (fd, >=, 0);
      while (write (fd, block, sizeof block) > 0)
        ;
      g_assert_cmpint (errno, ==, ENOSPC);
      close (fd);
      check_disk_full (folder, "filler lesson-a.json");
      g_assert_cmpint (g_unlink (filler), ==, 0);
      check_retry (folder);
      return;
    }

  dir = prepare_original ();
  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
  skipped_by_child (dir);
  remove_tree (dir);
}

/* ---- a read-only folder --------------------------------------------------- */

/* In a child that cannot write to @folder: the save fails with the
 * reason, the edit stays, nothing is added; "Save Elsewhere" works. */
static void
check_read_only (const char *folder,
                 const char *elsewhere)
{
  g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
  g_autofree char *path = g_build_filename (folder, "lesson-a.json", NULL);
  g_autofree char *other_path = g_build_filename (elsewhere, "renamed.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(LgsmLesson) added = lgsm_lesson_new ("Another");
  g_autoptr(LgsmLesson) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  LgsmLesson *lesson;
  guint n;

  g_assert_cmpint (access (folder, W_OK), !=, 0);  /* truly read-only, even for root */

  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  lesson = first_editable (store);
  lgsm_lesson_set_name (lesson, "Renamed");
  g_assert_false (lgsm_lesson_store_flush (store, &error));
  g_assert_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "“Renamed” was not saved: This folder cannot be written to");
  g_clear_error (&error);
  g_assert_cmpstr (lgsm_lesson_get_name (lesson), ==, "Renamed");
  g_assert_true (lgsm_lesson_store_get_has_unsaved (store));
  after = read_file (path);
  g_assert_cmpstr (after, ==, ORIGINAL);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "lesson-a.json");

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_false (lgsm_lesson_store_add (store, added, &error));
  g_assert_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "“Another” was not saved: This folder cannot be written to");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);

  /* saved elsewhere, and its next change goes there too */
  g_assert_true (lgsm_lesson_store_save_as (store, lesson, other, &error));
  g_assert_no_error (error);
  g_assert_false (lgsm_lesson_store_get_has_unsaved (store));
  g_assert_true (g_file_equal (lgsm_lesson_store_get_file (store, lesson), other));
  lgsm_lesson_append (lesson, "pits-and-perverts");
  g_assert_true (lgsm_lesson_store_flush (store, &error));
  g_assert_no_error (error);
  moved = lgsm_lesson_load_file (other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lgsm_lesson_get_name (moved), ==, "Renamed");
  g_assert_cmpuint (lgsm_lesson_get_n_items (moved), ==, 2);
}

static char *
prepare_read_only (void)
{
  g_autofree char *dir = prepare_original ();
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);

  g_assert_cmpint (g_mkdir (elsewhere, 0777), ==, 0);
  g_assert_cmpint (g_chmod (elsewhere, 0777), ==, 0);  /* whatever the umask */
  return g_steal_pointer (&dir);
}

/* Permissions: chmod 0555. Root ignores permissions (CAP_DAC_OVERRIDE), so
 * when the tests run as root the child first becomes "nobody" (65534), for
 * whom the folder is not writable either (not the owner, mode 0555): the
 * same EACCES a locked-down school account gets, for root and for users. */
static void
test_read_only_permissions (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;

  if (g_test_subprocess ())
    {
      const char *base = g_getenv ("LGSM_TEST_DIR");
      g_autofree char *lessons = g_build_filename (base, "lessons", NULL);
      g_autofree char *elsewhere = g_build_filename (base, "elsewhere", NULL);

      if (geteuid () == 0 &&
          (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
        {
          skip_in_child ("running as root and cannot become nobody (no CAP_SETUID)");
          return;
        }
      check_read_only (lessons, elsewhere);
      return;
    }

  dir = prepare_read_only ();
  folder = g_build_filename (dir, "lessons", NULL);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
  if (!skipped_by_child (dir))
    {
      listing = list_dir (folder);
      g_assert_cmpstr (listing, ==, "lesson-a.json");
      path = g_build_filename (folder, "lesson-a.json", NULL);
      after = read_file (path);
      g_assert_cmpstr (after, ==, ORIGINAL);
    }
  remove_tree (dir);
}

/* A read-only file system (EROFS), which binds root too: a tmpfs mounted
 * read-only in a mount namespace of the child's own. */
static void
test_read_only_mount (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      const char *base = g_getenv ("LGSM_TEST_DIR");
      g_autofree char *folder = g_build_filename (base, "lessons", NULL);
      g_autofree char *elsewhere = g_build_filename (base, "elsewhere", NULL);
      g_autofree char *path = g_build_filename (folder, "lesson-a.json", NULL);

      if (!enter_private_mounts () ||
          mount ("lgsm-test", folder, "tmpfs", 0, "size=64k,mode=0755") != 0)
        {
          skip_in_child ("no tmpfs can be mounted here (no mount namespace); the permissions test stands in");
          return;
        }
      write_file (path, ORIGINAL);
      g_assert_cmpint (mount (NULL, folder, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
      check_read_only (folder, elsewhere);
      return;
    }

  dir = prepare_read_only ();
  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
  skipped_by_child (dir);
  remove_tree (dir);
}

/* ---- saving once typing pauses -------------------------------------------- */

typedef struct {
  guint n;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->n++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static char *
saved_name (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LgsmLesson) lesson = lgsm_lesson_load_file (file, NULL);

  g_assert_nonnull (lesson);
  return g_strdup (lgsm_lesson_get_name (lesson));
}

static void
test_debounce (void)
{
  g_autofree char *dir = prepare_original ();
  g_autofree char *folder = g_build_filename (dir, "lessons", NULL);
  g_autofree char *path = g_build_filename (folder, "lesson-a.json", NULL);
  g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
  g_autofree char *name = NULL;
  g_autofree char *listing = NULL;
  ItemsChanged seen = { 0 };
  LgsmLesson *lesson;
  guint saved = 0, position = 0, unsaved_notes = 0;

  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  lesson = first_editable (store);
  g_assert_true (lgsm_lesson_store_find (store, lesson, &position));
  g_signal_connect (store, "saved", G_CALLBACK (count_signal), &saved);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &seen);
  g_signal_connect (store, "notify::has-unsaved", G_CALLBACK (count_signal), &unsaved_notes);

  /* a teacher typing a new name: ten changes, nothing written yet */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *typed = g_strdup_printf ("Name %u", i);
      lgsm_lesson_set_name (lesson, typed);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (lgsm_lesson_store_get_has_unsaved (store));
  g_assert_true (lgsm_lesson_store_is_unsaved (store, lesson));
  g_assert_cmpuint (unsaved_notes, ==, 1);
  g_assert_cmpuint (saved, ==, 0);
  g_assert_cmpuint (seen.n, ==, 0);
  name = saved_name (path);
  g_assert_cmpstr (name, ==, "Original");
  g_clear_pointer (&name, g_free);

  /* then a pause: written once, with the last name, and the row updated */
  while (saved == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (saved, ==, 1);
  g_assert_cmpuint (seen.n, ==, 1);
  g_assert_cmpuint (seen.position, ==, position);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);
  name = saved_name (path);
  g_assert_cmpstr (name, ==, "Name 9");
  g_clear_pointer (&name, g_free);
  g_assert_false (lgsm_lesson_store_get_has_unsaved (store));
  g_assert_cmpuint (unsaved_notes, ==, 2);
  run_for (2 * LGSM_LESSON_STORE_SAVE_DELAY);
  g_assert_cmpuint (saved, ==, 1);

  /* flush writes now, and the pending timer goes with it */
  lgsm_lesson_set_name (lesson, "Flushed");
  g_assert_true (lgsm_lesson_store_flush (store, NULL));
  g_assert_cmpuint (saved, ==, 2);
  name = saved_name (path);
  g_assert_cmpstr (name, ==, "Flushed");
  g_clear_pointer (&name, g_free);
  run_for (2 * LGSM_LESSON_STORE_SAVE_DELAY);
  g_assert_cmpuint (saved, ==, 2);

  /* a change still waiting when the store goes is written, not dropped */
  lgsm_lesson_set_name (lesson, "Last");
  g_clear_object (&store);
  name = saved_name (path);
  g_assert_cmpstr (name, ==, "Last");
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "lesson-a.json");
  remove_tree (dir);
}

/* ---- adding, deleting, Ctrl+D --------------------------------------------- */

static void
test_add_remove (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "lessons", NULL);
  g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
  g_autoptr(LgsmLesson) lesson = lgsm_lesson_new ("New lesson");
  g_autoptr(LgsmLesson) second = lgsm_lesson_new ("Second");
  g_autoptr(LgsmLesson) ready = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ItemsChanged seen = { 0 };
  guint position;

  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &seen);

  /* made in a folder that is not there yet */
  g_assert_true (lgsm_lesson_store_add (store, lesson, &error));
  g_assert_no_error (error);
  g_assert_true (lgsm_lesson_store_add (store, second, &error));
  g_assert_cmpuint (seen.n, ==, 2);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_true (lgsm_lesson_store_find (store, lesson, &position));
  g_assert_cmpuint (seen.position, ==, position + 1);  /* in the order they were made */
  path = g_strdup (g_file_peek_path (lgsm_lesson_store_get_file (store, lesson)));
  g_assert_true (g_str_has_prefix (path, folder));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_str_equal (path, g_file_peek_path (lgsm_lesson_store_get_file (store, second))));

  g_assert_true (lgsm_lesson_store_remove (store, lesson, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (lgsm_lesson_store_find (store, lesson, NULL));
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.position, ==, position);

  /* a ready-made lesson stays */
  ready = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_false (lgsm_lesson_store_remove (store, ready, &error));
  g_assert_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_READY_MADE);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_toggle (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *folder = g_build_filename (dir, "lessons", NULL);
  g_autofree char *mine = g_build_filename (folder, "my-lesson.json", NULL);
  g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
  g_autoptr(LgsmLesson) full = lgsm_lesson_new ("Full");
  g_autoptr(LgsmLesson) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  LgsmLesson *current;
  gboolean added = FALSE;

  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  g_assert_null (lgsm_lesson_store_get_current (store));

  /* Ctrl+D makes "My lesson" and adds; again takes it out; again adds */
  g_assert_true (lgsm_lesson_store_toggle (store, "minibus", &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);
  current = lgsm_lesson_store_get_current (store);
  g_assert_nonnull (current);
  g_assert_cmpstr (lgsm_lesson_get_name (current), ==, "My lesson");
  g_assert_cmpstr (g_file_peek_path (lgsm_lesson_store_get_file (store, current)), ==, mine);
  g_assert_true (lgsm_lesson_contains (current, "minibus"));
  g_assert_false (lgsm_lesson_contains (current, "pits-and-perverts"));
  g_assert_true (lgsm_lesson_store_toggle (store, "minibus", &added, NULL));
  g_assert_false (added);
  g_assert_false (lgsm_lesson_contains (current, "minibus"));
  g_assert_true (lgsm_lesson_store_toggle (store, "minibus", &added, NULL));
  g_assert_true (lgsm_lesson_store_toggle (store, "pits-and-perverts", &added, NULL));
  g_assert_true (lgsm_lesson_store_flush (store, NULL));
  file = g_file_new_for_path (mine);
  saved = lgsm_lesson_load_file (file, NULL);
  g_assert_cmpuint (lgsm_lesson_get_n_items (saved), ==, 2);
  g_assert_cmpstr (lgsm_lesson_get_id (saved, 0), ==, "minibus");
  g_assert_cmpstr (lgsm_lesson_get_id (saved, 1), ==, "pits-and-perverts");
  g_clear_object (&store);

  /* a new store finds my-lesson.json as the current lesson */
  store = lgsm_lesson_store_new (folder);
  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  current = lgsm_lesson_store_get_current (store);
  g_assert_nonnull (current);
  g_assert_true (lgsm_lesson_contains (current, "pits-and-perverts"));
  g_clear_object (&store);

  /* Ctrl+D before the folder has loaded: my-lesson.json is read, not
   * replaced, and loading then does not list it twice */
  store = lgsm_lesson_store_new (folder);
  g_assert_true (lgsm_lesson_store_toggle (store, "minibus", &added, NULL));
  g_assert_false (added);
  current = lgsm_lesson_store_get_current (store);
  g_assert_cmpuint (lgsm_lesson_get_n_items (current), ==, 1);
  g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
  g_assert_true (lgsm_lesson_store_get_current (store) == current);
  g_assert_cmpuint (count_editable (store), ==, 1);
  g_assert_true (lgsm_lesson_store_flush (store, NULL));
  g_clear_object (&saved);
  saved = lgsm_lesson_load_file (file, NULL);
  g_assert_cmpuint (lgsm_lesson_get_n_items (saved), ==, 1);
  g_assert_cmpstr (lgsm_lesson_get_id (saved, 0), ==, "pits-and-perverts");
  g_clear_object (&store);

  /* a path that holds all it can: Ctrl+D says so, and takes out as before */
  for (guint i = 0; i < LGSM_LESSON_MAX_RECORDS; i++)
    {
      g_autofree char *id = g_strdup_printf ("record-%u", i);
      lgsm_lesson_append (full, id);
    }
  g_assert_false (lgsm_lesson_toggle (full, "minibus", &added, &error));
  g_assert_error (error, LGSM_LESSON_ERROR, LGSM_LESSON_ERROR_FULL);
  g_clear_error (&error);
  g_assert_true (lgsm_lesson_toggle (full, "record-7", &added, &error));
  g_assert_false (added);
  g_assert_cmpuint (lgsm_lesson_get_n_items (full), ==, LGSM_LESSON_MAX_RECORDS - 1);

  remove_tree (dir);
}

/* my-lesson.json that is not a lesson is left alone: Ctrl+D starts "My
 * lesson" in a new file, whether the folder was loaded yet or not. */
static void
test_toggle_keeps_corrupt (void)
{
  for (guint loaded = 0; loaded < 2; loaded++)
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *folder = g_build_filename (dir, "lessons", NULL);
      g_autofree char *mine = g_build_filename (folder, "my-lesson.json", NULL);
      g_autoptr(LgsmLessonStore) store = lgsm_lesson_store_new (folder);
      g_autofree char *after = NULL;
      LgsmLesson *current;

      g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
      write_file (mine, "{ \"schema\": 1, \"name\": ");
      if (loaded)
        g_assert_true (lgsm_lesson_store_load (store, NULL, NULL));
      g_assert_true (lgsm_lesson_store_toggle (store, "minibus", NULL, NULL));
      current = lgsm_lesson_store_get_current (store);
      g_assert_cmpstr (g_file_peek_path (lgsm_lesson_store_get_file (store, current)), !=, mine);
      g_assert_true (lgsm_lesson_store_flush (store, NULL));
      after = read_file (mine);
      g_assert_cmpstr (after, ==, "{ \"schema\": 1, \"name\": ");
      g_clear_object (&store);
      remove_tree (dir);
    }
}

/* ---- export names --------------------------------------------------------- */

static void
test_safe_file_name (void)
{
  static const struct { const char *name; const char *file; } cases[] = {
    { "Strike & Pride", "Strike & Pride.json" },
    { "1984/85: the strike", "1984-85- the strike.json" },
    { "What? *Why*", "What Why.json" },
    { "\"quoted\" <b>bold</b>", "quoted bbold-b.json" },
    { "a|b\\c", "a-b-c.json" },
    { "tab\there\nnew  line\r", "tab here new line.json" },
    { "trailing dots...", "trailing dots.json" },
    { "trailing space   ", "trailing space.json" },
    { "  .hidden", "hidden.json" },
    { "dots . . .", "dots.json" },
    { "CON", "_CON.json" },
    { "nul", "_nul.json" },
    { "com1", "_com1.json" },
    { "Lpt9.txt", "_Lpt9.txt.json" },
    { "COM\u00B9", "_COM\u00B9.json" },
    { "con .x", "_con .x.json" },
    { "CONSOLE", "CONSOLE.json" },
    { "COM10", "COM10.json" },
    { "Cafe\u0301", "Caf\u00E9.json" },           /* NFC: one é, as Windows and macOS expect */
    { "next\xc2\x85line", "next line.json" },      /* a C1 control */
    { "\xff\xfe", "\uFFFD\uFFFD.json" },          /* not UTF-8 */
    { "", "Lesson.json" },
    { NULL, "Lesson.json" },
    { "???", "Lesson.json" },
    { "...", "Lesson.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = lgsm_lesson_safe_file_name (cases[i].name);
      g_assert_cmpstr (file, ==, cases[i].file);
    }

  /* long names: cut at a character, within the limit, no space at the end */
  {
    GString *long_name = g_string_new (NULL);
    g_autofree char *file = NULL;
    g_autofree char *expected = NULL;

    for (guint i = 0; i < 300; i++)
      g_string_append (long_name, "\u00E9");  /* two bytes each */
    file = lgsm_lesson_safe_file_name (long_name->str);
    g_assert_true (g_utf8_validate (file, -1, NULL));
    g_assert_cmpuint (strlen (file), ==, LGSM_LESSON_MAX_FILE_NAME + strlen (".json"));
    g_string_truncate (long_name, 0);
    g_clear_pointer (&file, g_free);

    g_string_append (long_name, "a\u00E9");  /* odd: the cut falls in an é */
    for (guint i = 0; i < 100; i++)
      g_string_append (long_name, "\u00E9");
    file = lgsm_lesson_safe_file_name (long_name->str);
    g_assert_true (g_utf8_validate (file, -1, NULL));
    g_assert_cmpuint (strlen (file), ==, LGSM_LESSON_MAX_FILE_NAME - 1 + strlen (".json"));
    g_string_truncate (long_name, 0);
    g_clear_pointer (&file, g_free);

    for (guint i = 0; i < LGSM_LESSON_MAX_FILE_NAME - 1; i++)
      g_string_append_c (long_name, 'a');
    expected = g_strconcat (long_name->str, ".json", NULL);
    g_string_append (long_name, " and more");
    file = lgsm_lesson_safe_file_name (long_name->str);
    g_assert_cmpstr (file, ==, expected);
    g_string_free (long_name, TRUE);
  }

  /* and what every result has in common */
  for (guint c = 1; c < 0x80; c++)
    {
      char name[4] = { 'x', (char) c, 'y', '\0' };
      g_autofree char *file = lgsm_lesson_safe_file_name (name);

      g_assert_null (strpbrk (file, ":*?\"<>|/\\"));
      for (const char *p = file; *p; p++)
        g_assert_cmpint ((guchar) *p, >=, 0x20);
      g_assert_true (g_str_has_suffix (file, ".json"));
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lesson-store/list", test_list);
  g_test_add_func ("/lesson-store/list-no-folder", test_list_no_folder);
  g_test_add_func ("/lesson-store/folder-blocked", test_folder_blocked);
  g_test_add_func ("/lesson-store/disk-full/rlimit", test_disk_full_rlimit);
  g_test_add_func ("/lesson-store/disk-full/tmpfs", test_disk_full_tmpfs);
  g_test_add_func ("/lesson-store/read-only/permissions", test_read_only_permissions);
  g_test_add_func ("/lesson-store/read-only/mount", test_read_only_mount);
  g_test_add_func ("/lesson-store/debounce", test_debounce);
  g_test_add_func ("/lesson-store/add-remove", test_add_remove);
  g_test_add_func ("/lesson-store/toggle", test_toggle);
  g_test_add_func ("/lesson-store/toggle-keeps-corrupt", test_toggle_keeps_corrupt);
  g_test_add_func ("/lesson/safe-file-name", test_safe_file_name);

  return g_test_run ();
}
