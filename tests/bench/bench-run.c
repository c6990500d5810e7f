/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-run [-t SECONDS] [-o FILE] -- COMMAND [ARG…]
 *
 * Runs COMMAND and appends one line to FILE (or prints it on stdout):
 *
 *   WALL_US MAXRSS_KB STATUS
 *
 * WALL_US is the wall time from fork() to the end of wait4(), in
 * microseconds (monotonic clock); MAXRSS_KB the child's peak resident set
 * size (ru_maxrss from wait4); STATUS its exit status, "signal-N", or
 * "timeout" when it was still running after SECONDS (default 300) and was
 * killed. COMMAND's own output goes wherever bench-run's goes.
 *
 * /usr/bin/time -f "%e %M" gives the same figures, but only to 10 ms.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>

static volatile sig_atomic_t child_pid;
static volatile sig_atomic_t timed_out;

static void
on_alarm (int sig)
{
  timed_out = 1;
  if (child_pid > 0)
    kill (child_pid, SIGKILL);
}

int
main (int   argc,
      char *argv[])
{
  const char *result_file = NULL;
  unsigned timeout = 300;
  struct sigaction sa;
  struct rusage usage;
  char status_text[32];
  gint64 start, end;
  int status = 0;
  pid_t pid;
  int i;
  FILE *out;

  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        {
          i++;
          break;
        }
      else if (strcmp (argv[i], "-o") == 0 && i + 1 < argc)
        result_file = argv[++i];
      else if (strcmp (argv[i], "-t") == 0 && i + 1 < argc)
        timeout = (unsigned) strtoul (argv[++i], NULL, 10);
      else
        break;
    }
  if (i >= argc)
    {
      fprintf (stderr, "usage: %s [-t SECONDS] [-o FILE] -- COMMAND [ARG…]\n", argv[0]);
      return 2;
    }

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction (SIGALRM, &sa, NULL);

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 1;
    }
  if (pid == 0)
    {
      execvp (argv[i], argv + i);
      fprintf (stderr, "%s: cannot run %s: %s\n", argv[0], argv[i], strerror (errno));
      _exit (127);
    }
  child_pid = pid;
  alarm (timeout);
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        perror ("wait4");
        return 1;
      }
  end = g_get_monotonic_time ();
  alarm (0);

  if (timed_out)
    g_strlcpy (status_text, "timeout", sizeof status_text);
  else if (WIFEXITED (status))
    g_snprintf (status_text, sizeof status_text, "%d", WEXITSTATUS (status));
  else
    g_snprintf (status_text, sizeof status_text, "signal-%d", WTERMSIG (status));

  out = result_file ? fopen (result_file, "a") : stdout;
  if (out == NULL)
    {
      perror (result_file);
      return 1;
    }
  fprintf (out, "%" G_GINT64_FORMAT " %ld %s\n", end - start, usage.ru_maxrss, status_text);
  if (out != stdout)
    fclose (out);
  return 0;
}
