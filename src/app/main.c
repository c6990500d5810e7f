/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lgsm-application.h"
#include "lgsm-command-line.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LgsmApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  lgsm_i18n_init ();

  /* A usage error exits 2, before any instance is started or contacted. */
  if (!lgsm_command_line_check (argc, argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : "lgsm-exhibition", error->message);
      /* Translators: after a mistake on the command line; %s is the command, e.g.
         "lgsm-exhibition" */
      g_printerr (_("Run “%s --help” to see the options.\n"), argv[0]);
      return 2;
    }

  /* --quit from an SSH login finds the kiosk's session bus */
  status = lgsm_command_line_prepare_quit (argc, argv);
  if (status >= 0)
    return status;

  app = lgsm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
