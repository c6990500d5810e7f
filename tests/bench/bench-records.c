/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-records [-n REPS] FILE [FILE…]
 *
 * For each records file, measures in the same run, alternating (bare, full,
 * bare, full, …, after one warm-up pair that is not counted):
 *
 *   bare  json_parser_load_from_file (FILE) — json-glib alone;
 *   full  lgsm_exhibition_load_directory (the folder of FILE) — read, parse,
 *         validate, build the records, sections, ids and links, and the
 *         search index: what the app does with --records=DIR before it shows
 *         anything. The index's own build time and size are reported too.
 *
 * Every measurement runs in a fresh process (this program, exec'd again with
 * --child MODE PATH), so that each peak RSS is the peak of that load alone and
 * no run warms the allocator for the next. The child times the load with
 * g_get_monotonic_time () (process start-up is not counted), then reports its
 * VmHWM (peak RSS) and its VmRSS before loading; the parent also reads
 * ru_maxrss from wait4 () as a cross-check.
 *
 * Prints the medians, the ratios full/bare and, for each further FILE, how
 * time and memory scale from the first FILE (e.g. 10k → 100k records). It
 * never fails on a figure: exit status 1 only when a child could not run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "lgsm-exhibition.h"

/* ---- the child ------------------------------------------------------------ */

static long
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  line = strstr (text, field);
  if (line == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

static int
run_child (const char *mode,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  long rss_before = status_kb ("VmRSS:");
  guint n_records = 0, n_problems = 0;
  gint64 start, end, index_us = 0;
  gsize index_bytes = 0;

  if (strcmp (mode, "bare") == 0)
    {
      JsonParser *parser = json_parser_new ();
      JsonNode *root;

      start = g_get_monotonic_time ();
      if (!json_parser_load_from_file (parser, path, &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
      end = g_get_monotonic_time ();

      root = json_parser_get_root (parser);
      if (JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *object = json_node_get_object (root);
          JsonNode *records = json_object_get_member (object, "records");
          if (records && JSON_NODE_HOLDS_ARRAY (records))
            n_records = json_array_get_length (json_node_get_array (records));
        }
      /* the parser is not freed: the process ends here */
    }
  else if (strcmp (mode, "full") == 0)
    {
      LgsmExhibition *exhibition;
      GFile *dir = g_file_new_for_path (path);
      GListModel *problems;

      start = g_get_monotonic_time ();
      exhibition = lgsm_exhibition_new ();
      if (!lgsm_exhibition_load_directory (exhibition, dir, NULL, &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
      end = g_get_monotonic_time ();

      n_records = lgsm_exhibition_get_n_records (exhibition);
      index_us = lgsm_search_index_get_build_time (lgsm_exhibition_get_search_index (exhibition));
      index_bytes = lgsm_search_index_get_size (lgsm_exhibition_get_search_index (exhibition));
      problems = lgsm_exhibition_get_problems (exhibition);
      n_problems = g_list_model_get_n_items (problems);
      for (guint i = 0; i < n_problems && i < 3; i++)
        {
          g_autoptr(LgsmProblem) problem = g_list_model_get_item (problems, i);
          g_printerr ("  problem: %s\n", lgsm_problem_to_string (problem));
        }
    }
  else
    {
      g_printerr ("unknown mode %s\n", mode);
      return 2;
    }

  g_print ("%" G_GINT64_FORMAT " %ld %ld %u %u %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT "\n",
           end - start, status_kb ("VmHWM:"), rss_before, n_records, n_problems, index_us, index_bytes);
  fflush (stdout);
  _exit (0);
}

/* ---- the parent ----------------------------------------------------------- */

typedef struct {
  gint64 wall_us;
  long   hwm_kb;       /* VmHWM at the end of the child */
  long   start_kb;     /* VmRSS of the child before loading */
  long   maxrss_kb;    /* ru_maxrss from wait4 */
  guint  n_records;
  guint  n_problems;
  gint64 index_us;     /* the search index's build, within wall_us (full only) */
  gsize  index_bytes;
} Sample;

typedef struct {
  char   *file;
  char   *dir;
  gint64  size;
  GArray *bare;   /* of Sample */
  GArray *full;
} Bench;

static gboolean
measure (const char *mode,
         const char *path,
         Sample     *sample)
{
  int fds[2];
  pid_t pid;
  int status;
  struct rusage usage;
  char buf[256];
  gsize len = 0;
  ssize_t n;
  int fields;

  if (pipe (fds) != 0)
    {
      perror ("pipe");
      return FALSE;
    }
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return FALSE;
    }
  if (pid == 0)
    {
      char *args[] = { (char *) "bench-records", (char *) "--child", (char *) mode, (char *) path, NULL };

      close (fds[0]);
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[1]);
      execv ("/proc/self/exe", args);
      perror ("execv /proc/self/exe");
      _exit (127);
    }
  close (fds[1]);
  while (len < sizeof buf - 1 && (n = read (fds[0], buf + len, sizeof buf - 1 - len)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      len += (gsize) n;
    }
  buf[len] = '\0';
  close (fds[0]);
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        perror ("wait4");
        return FALSE;
      }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-records: the %s load of %s failed\n", mode, path);
      return FALSE;
    }

  memset (sample, 0, sizeof *sample);
  fields = sscanf (buf, "%" G_GINT64_FORMAT " %ld %ld %u %u %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT,
                   &sample->wall_us, &sample->hwm_kb, &sample->start_kb,
                   &sample->n_records, &sample->n_problems, &sample->index_us, &sample->index_bytes);
  if (fields != 7)
    {
      g_printerr ("bench-records: cannot read the child's report: '%s'\n", buf);
      return FALSE;
    }
  sample->maxrss_kb = usage.ru_maxrss;
  return TRUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* @field: offset of a gint64 or long member of Sample */
static double
median (GArray *samples,
        gsize   field,
        gboolean is_long)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), samples->len);
  double m;

  for (guint i = 0; i < samples->len; i++)
    {
      const char *s = (const char *) &g_array_index (samples, Sample, i);
      double v = is_long ? (double) *(const long *) (s + field) : (double) *(const gint64 *) (s + field);
      g_array_append_val (values, v);
    }
  g_array_sort (values, compare_double);
  if (values->len == 0)
    return 0;
  if (values->len % 2)
    m = g_array_index (values, double, values->len / 2);
  else
    m = (g_array_index (values, double, values->len / 2 - 1) + g_array_index (values, double, values->len / 2)) / 2;
  return m;
}

#define MED_US(a)     median ((a), G_STRUCT_OFFSET (Sample, wall_us), FALSE)
#define MED_HWM(a)    median ((a), G_STRUCT_OFFSET (Sample, hwm_kb), TRUE)
#define MED_START(a)  median ((a), G_STRUCT_OFFSET (Sample, start_kb), TRUE)
#define MED_MAXRSS(a) median ((a), G_STRUCT_OFFSET (Sample, maxrss_kb), TRUE)
#define MED_INDEX(a)  median ((a), G_STRUCT_OFFSET (Sample, index_us), FALSE)

static double
spread (GArray *samples)
{
  /* (max − min) / median of the wall times, as a rough noise figure */
  gint64 lo = G_MAXINT64, hi = 0;
  for (guint i = 0; i < samples->len; i++)
    {
      gint64 v = g_array_index (samples, Sample, i).wall_us;
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  return samples->len ? (double) (hi - lo) / MED_US (samples) : 0;
}

static char *
format_time (double us)
{
  if (us >= 1e6)
    return g_strdup_printf ("%.2f s", us / 1e6);
  if (us >= 1e3)
    return g_strdup_printf ("%.1f ms", us / 1e3);
  return g_strdup_printf ("%.0f us", us);
}

static char *
format_mb (double kb)
{
  return g_strdup_printf ("%.1f MB", kb / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) benches = g_ptr_array_new ();
  int reps = 7;
  int first = 1;
  gboolean ok = TRUE;

  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    return run_child (argv[2], argv[3]);

  if (argc > 2 && strcmp (argv[1], "-n") == 0)
    {
      reps = atoi (argv[2]);
      first = 3;
    }
  if (first >= argc || reps < 1)
    {
      g_printerr ("usage: %s [-n REPS] FILE [FILE...]\n", argv[0]);
      return 2;
    }

  for (int i = first; i < argc; i++)
    {
      Bench *b = g_new0 (Bench, 1);
      struct stat st;

      if (stat (argv[i], &st) != 0)
        {
          g_printerr ("%s: %s\n", argv[i], g_strerror (errno));
          return 1;
        }
      b->file = g_canonicalize_filename (argv[i], NULL);
      b->dir = g_path_get_dirname (b->file);
      b->size = st.st_size;
      b->bare = g_array_new (FALSE, TRUE, sizeof (Sample));
      b->full = g_array_new (FALSE, TRUE, sizeof (Sample));
      g_ptr_array_add (benches, b);
    }

  for (guint f = 0; f < benches->len && ok; f++)
    {
      Bench *b = g_ptr_array_index (benches, f);
      Sample s;

      g_printerr ("bench-records: %s: warm-up, then %d x (bare, full)...\n", b->file, reps);
      /* warm-up pair: page cache, dynamic linker; not counted */
      ok = measure ("bare", b->file, &s) && measure ("full", b->dir, &s);
      for (int r = 0; r < reps && ok; r++)
        {
          ok = measure ("bare", b->file, &s);
          if (ok)
            g_array_append_val (b->bare, s);
          ok = ok && measure ("full", b->dir, &s);
          if (ok)
            g_array_append_val (b->full, s);
        }
    }
  if (!ok)
    return 1;

  g_print ("\nRECORD LOADING - median of %d runs each, bare and full alternating, each run in a fresh process\n", reps);
  g_print ("  bare = json_parser_load_from_file (FILE); full = lgsm_exhibition_load_directory (its folder)\n");
  g_print ("  time = the load alone; peak = VmHWM of the process; +load = peak - RSS before loading\n\n");
  g_print ("  %-22s %9s %8s | %-26s | %-26s | %-18s\n", "", "", "", "bare json-glib parse", "full: validate+model+index", "full / bare");
  g_print ("  %-22s %9s %8s | %8s %8s %8s | %8s %8s %8s | %5s %5s %6s\n",
           "file", "size", "records", "time", "peak", "+load", "time", "peak", "+load", "time", "peak", "+load");
  for (guint f = 0; f < benches->len; f++)
    {
      Bench *b = g_ptr_array_index (benches, f);
      g_autofree char *dirname = g_path_get_basename (b->dir);
      g_autofree char *base = g_path_get_basename (b->file);
      g_autofree char *name = g_build_filename (dirname, base, NULL);
      double bt = MED_US (b->bare), ft = MED_US (b->full);
      double bp = MED_HWM (b->bare), fp = MED_HWM (b->full);
      double bd = bp - MED_START (b->bare), fd = fp - MED_START (b->full);
      g_autofree char *bts = format_time (bt), *fts = format_time (ft);
      g_autofree char *bps = format_mb (bp), *fps = format_mb (fp);
      g_autofree char *bds = format_mb (bd), *fds = format_mb (fd);
      g_autofree char *size = g_strdup_printf ("%.1f MB", b->size / 1048576.0);
      const Sample *last = &g_array_index (b->full, Sample, b->full->len - 1);

      g_print ("  %-22s %9s %8u | %8s %8s %8s | %8s %8s %8s | %4.2fx %4.2fx %5.2fx\n",
               name, size, last->n_records, bts, bps, bds, fts, fps, fds,
               ft / bt, fp / bp, fd / bd);
    }
  g_print ("\n");
  for (guint f = 0; f < benches->len; f++)
    {
      Bench *b = g_ptr_array_index (benches, f);
      const Sample *last = &g_array_index (b->full, Sample, b->full->len - 1);
      g_autofree char *base = g_path_get_basename (b->dir);

      g_autofree char *index_time = format_time (MED_INDEX (b->full));

      g_print ("  %-10s throughput: bare %.1f MB/s, full %.1f MB/s; full load %.2f us and %.2f KB per record; "
               "spread (max-min)/median: bare %.0f%%, full %.0f%%; ru_maxrss/VmHWM %.2f; problems: %u\n",
               base,
               b->size / 1048576.0 / (MED_US (b->bare) / 1e6),
               b->size / 1048576.0 / (MED_US (b->full) / 1e6),
               last->n_records ? MED_US (b->full) / last->n_records : 0,
               last->n_records ? (MED_HWM (b->full) - MED_START (b->full)) / last->n_records : 0,
               100 * spread (b->bare), 100 * spread (b->full),
               MED_MAXRSS (b->full) / MED_HWM (b->full),
               last->n_problems);
      g_print ("  %-10s search index (part of full): built in %s (%.0f%% of the full load, %.2fx the bare parse), "
               "holds %.1f MB (%.0f bytes a record)\n",
               "", index_time, 100 * MED_INDEX (b->full) / MED_US (b->full), MED_INDEX (b->full) / MED_US (b->bare),
               last->index_bytes / 1048576.0, last->n_records ? (double) last->index_bytes / last->n_records : 0);
      {
        /* the app shows a records folder's records first and builds the
         * index after (lgsm_exhibition_set_index_deferred) */
        double visible = MED_US (b->full) - MED_INDEX (b->full);
        g_autofree char *visible_time = format_time (visible);

        g_print ("  %-10s to visible (the app builds the index after showing the records): %s, %.2fx the bare parse\n",
                 "", visible_time, visible / MED_US (b->bare));
      }
    }

  for (guint f = 1; f < benches->len; f++)
    {
      Bench *a = g_ptr_array_index (benches, 0);
      Bench *b = g_ptr_array_index (benches, f);
      g_autofree char *an = g_path_get_basename (a->dir);
      g_autofree char *bn = g_path_get_basename (b->dir);
      double nr = (double) g_array_index (b->full, Sample, 0).n_records
                  / MAX (1, g_array_index (a->full, Sample, 0).n_records);

      g_print ("\n  SCALING %s -> %s (records x%.1f, bytes x%.1f; linear would be x%.1f)\n",
               an, bn, nr, (double) b->size / a->size, nr);
      g_print ("    bare parse: time x%.2f, peak RSS x%.2f, RSS added by the load x%.2f\n",
               MED_US (b->bare) / MED_US (a->bare), MED_HWM (b->bare) / MED_HWM (a->bare),
               (MED_HWM (b->bare) - MED_START (b->bare)) / (MED_HWM (a->bare) - MED_START (a->bare)));
      g_print ("    full load:  time x%.2f, peak RSS x%.2f, RSS added by the load x%.2f\n",
               MED_US (b->full) / MED_US (a->full), MED_HWM (b->full) / MED_HWM (a->full),
               (MED_HWM (b->full) - MED_START (b->full)) / (MED_HWM (a->full) - MED_START (a->full)));
    }
  g_print ("\n");
  return 0;
}
