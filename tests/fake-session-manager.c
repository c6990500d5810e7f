/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A stand-in for GNOME's session manager on a test's private session bus:
 * owns org.gnome.SessionManager and answers what GtkApplication calls —
 * RegisterClient (on Wayland), Inhibit, Uninhibit, IsInhibited — recording
 * every call. A test reads the
 * record with org.lgsm.Test.Recorder.Calls() (one line a call:
 * "Inhibit COOKIE APP-ID FLAGS REASON", "Uninhibit COOKIE"). Prints
 * "ready" once it owns the name; exits when the bus goes away.
 *
 * usage: fake-session-manager */
#include <gio/gio.h>

static const char introspection[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' name='app_id' direction='in'/>"
  "      <arg type='u' name='toplevel_xid' direction='in'/>"
  "      <arg type='s' name='reason' direction='in'/>"
  "      <arg type='u' name='flags' direction='in'/>"
  "      <arg type='u' name='cookie' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'>"
  "      <arg type='u' name='cookie' direction='in'/>"
  "    </method>"
  "    <method name='RegisterClient'>"
  "      <arg type='s' name='app_id' direction='in'/>"
  "      <arg type='s' name='client_startup_id' direction='in'/>"
  "      <arg type='o' name='client_id' direction='out'/>"
  "    </method>"
  "    <method name='UnregisterClient'>"
  "      <arg type='o' name='client_id' direction='in'/>"
  "    </method>"
  "    <method name='IsInhibited'>"
  "      <arg type='u' name='flags' direction='in'/>"
  "      <arg type='b' name='is_inhibited' direction='out'/>"
  "    </method>"
  "  </interface>"
  "  <interface name='org.gnome.SessionManager.ClientPrivate'>"
  "    <method name='EndSessionResponse'>"
  "      <arg type='b' name='is_ok' direction='in'/>"
  "      <arg type='s' name='reason' direction='in'/>"
  "    </method>"
  "  </interface>"
  "  <interface name='org.lgsm.Test.Recorder'>"
  "    <method name='Calls'>"
  "      <arg type='as' name='calls' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GPtrArray *calls;       /* char *: every call, in order */
static GHashTable *inhibitors; /* cookie → flags */
static guint next_cookie = 1;
static GMainLoop *loop;

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  if (g_str_equal (method_name, "Inhibit"))
    {
      const char *app_id, *reason;
      guint xid, flags, cookie = next_cookie++;

      g_variant_get (parameters, "(&su&su)", &app_id, &xid, &reason, &flags);
      g_hash_table_insert (inhibitors, GUINT_TO_POINTER (cookie), GUINT_TO_POINTER (flags));
      g_ptr_array_add (calls, g_strdup_printf ("Inhibit %u %s %u %s", cookie, app_id, flags, reason));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", cookie));
    }
  else if (g_str_equal (method_name, "Uninhibit"))
    {
      guint cookie;

      g_variant_get (parameters, "(u)", &cookie);
      g_hash_table_remove (inhibitors, GUINT_TO_POINTER (cookie));
      g_ptr_array_add (calls, g_strdup_printf ("Uninhibit %u", cookie));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "RegisterClient"))
    {
      g_ptr_array_add (calls, g_strdup ("RegisterClient"));
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(o)", "/org/gnome/SessionManager/Client1"));
    }
  else if (g_str_equal (method_name, "UnregisterClient") || g_str_equal (method_name, "EndSessionResponse"))
    g_dbus_method_invocation_return_value (invocation, NULL);
  else if (g_str_equal (method_name, "IsInhibited"))
    {
      GHashTableIter iter;
      gpointer value;
      guint flags;
      gboolean inhibited = FALSE;

      g_variant_get (parameters, "(u)", &flags);
      g_hash_table_iter_init (&iter, inhibitors);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (GPOINTER_TO_UINT (value) & flags)
          inhibited = TRUE;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(b)", inhibited));
    }
  else if (g_str_equal (method_name, "Calls"))
    {
      g_ptr_array_add (calls, NULL);
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(^as)", (char **) calls->pdata));
      g_ptr_array_remove_index (calls, calls->len - 1);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "no method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };

static void
on_bus_acquired (GDBusConnection *connection,
                 const char      *name,
                 gpointer         data)
{
  GDBusNodeInfo *info = data;

  for (guint i = 0; info->interfaces[i]; i++)
    g_dbus_connection_register_object (connection,
                                       g_str_has_suffix (info->interfaces[i]->name, "ClientPrivate")
                                         ? "/org/gnome/SessionManager/Client1" : "/org/gnome/SessionManager",
                                       info->interfaces[i], &vtable, NULL, NULL, NULL);
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         data)
{
  g_print ("ready\n");
}

static void
on_name_lost (GDBusConnection *connection,
              const char      *name,
              gpointer         data)
{
  g_main_loop_quit (loop);
}

int
main (int argc, char *argv[])
{
  GDBusNodeInfo *info = g_dbus_node_info_new_for_xml (introspection, NULL);

  calls = g_ptr_array_new_with_free_func (g_free);
  inhibitors = g_hash_table_new (NULL, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  g_bus_own_name (G_BUS_TYPE_SESSION, "org.gnome.SessionManager", G_BUS_NAME_OWNER_FLAGS_NONE,
                  on_bus_acquired, on_name_acquired, on_name_lost, info, NULL);
  g_main_loop_run (loop);
  return 0;
}
