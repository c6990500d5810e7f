#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the presentation tests (test-presentation) on GNOME's own compositor
# with two monitors, as on a teacher's laptop with a projector: mutter,
# headless, with two virtual 1920×1080 monitors.
#
#   present-desktop.sh wayland TEST   the app as a Wayland client (GDK_BACKEND=wayland)
#   present-desktop.sh x11 TEST       the app as an X11 client of mutter's Xwayland
#   present-desktop.sh wayland-1 TEST on Wayland with a single monitor (C swaps
#                                     the slides and the console)
#
# mutter runs in a private D-Bus session with a private XDG_RUNTIME_DIR;
# this script starts it and stops it by its PID. Without mutter the test is
# skipped (TAP); anything else that is missing (Xwayland) is a failure.
# Extra arguments go to TEST (e.g. -p /presentation/monitors).
set -u

backend=${1:?usage: present-desktop.sh wayland|wayland-1|x11 TEST [ARGS]}
test_program=${2:?usage: present-desktop.sh wayland|wayland-1|x11 TEST [ARGS]}
shift 2

if ! command -v mutter >/dev/null 2>&1; then
  echo "1..0 # SKIP mutter is not installed (Debian package mutter)"
  exit 0
fi
if [ -z "${LGSM_PRESENT_BUS:-}" ]; then
  # a session bus of our own, gone when this script ends
  LGSM_PRESENT_BUS=1 exec dbus-run-session -- "$0" "$backend" "$test_program" "$@"
fi

runtime=$(mktemp -d "${TMPDIR:-/tmp}/lgsm-present-XXXXXX") || exit 1
chmod 700 "$runtime"
log="$runtime/mutter.log"
mutter_pid=""

status=1
cleanup () {
  if [ "$status" -ne 0 ] && [ -f "$log" ]; then
    echo "# the end of mutter's log:"
    sed 's/^/# mutter: /' "$log" | tail -n 30
  fi
  if [ -n "$mutter_pid" ]; then
    kill "$mutter_pid" 2>/dev/null
    wait "$mutter_pid" 2>/dev/null
  fi
  rm -rf "$runtime"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail () {
  echo "Bail out! $*"
  sed 's/^/# mutter: /' "$log" 2>/dev/null | tail -n 20
  exit 1
}

monitors="--virtual-monitor 1920x1080 --virtual-monitor 1920x1080"
case "$backend" in
  wayland) x11_option=--no-x11 ;;
  wayland-1)
    x11_option=--no-x11
    monitors="--virtual-monitor 1920x1080"
    backend=wayland ;;
  x11)
    command -v Xwayland >/dev/null 2>&1 || fail "Xwayland is not installed (Debian package xwayland)"
    x11_option= ;;
  *) echo "usage: present-desktop.sh wayland|wayland-1|x11 TEST" >&2; exit 2 ;;
esac

# mutter in an environment of its own: the tests' G_DEBUG=fatal-criticals
# would stop it at its first warning (mutter 43 has some, harmless)
env -u G_DEBUG -u GSETTINGS_BACKEND -u GSETTINGS_SCHEMA_DIR -u GSK_RENDERER -u GTK_A11Y \
  XDG_RUNTIME_DIR="$runtime" mutter --headless --wayland $x11_option --wayland-display=lgsm-present \
  $monitors >"$log" 2>&1 &
mutter_pid=$!

# up to 60 s for the compositor (and Xwayland) on a busy machine
display=""
i=0
while [ $i -lt 600 ]; do
  kill -0 "$mutter_pid" 2>/dev/null || fail "mutter stopped"
  if [ -S "$runtime/lgsm-present" ]; then
    if [ "$backend" = wayland ]; then break; fi
    display=$(sed -n 's/.*Using public X11 display \(:[0-9]*\).*/\1/p' "$log" | head -n 1)
    if [ -n "$display" ] && [ -S "/tmp/.X11-unix/X${display#:}" ]; then break; fi
  fi
  i=$((i + 1))
  sleep 0.1
done
[ $i -lt 600 ] || fail "mutter did not start in 60 s"

unset DISPLAY WAYLAND_DISPLAY
export XDG_RUNTIME_DIR="$runtime"
if [ "$backend" = wayland ]; then
  WAYLAND_DISPLAY=lgsm-present GDK_BACKEND=wayland "$test_program" --tap "$@"
else
  auth=$(ls "$runtime"/.mutter-Xwaylandauth.* 2>/dev/null | head -n 1)
  DISPLAY=$display XAUTHORITY=$auth GDK_BACKEND=x11 "$test_program" --tap "$@"
fi
status=$?
exit $status
