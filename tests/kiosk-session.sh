#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# sh kiosk-session.sh COMPOSITOR TEST-PROGRAM APP FAKE-SESSION-MANAGER [SHOT-DIR]
#
# Runs tests/test-kiosk-session (TAP) under a real compositor or window
# manager, in a private D-Bus session with a private XDG_RUNTIME_DIR (and,
# on X11, the stand-in org.gnome.SessionManager); everything it starts is
# stopped by its PID at the end. COMPOSITOR is one of
#   cage     Wayland kiosk compositor, headless (WLR_BACKENDS=headless),
#            screenshots with grim; cage 0.1.4 has no virtual input, so the
#            clicks and keys are tested under the other two
#   mutter   GNOME's compositor, headless Wayland (--headless --virtual-monitor),
#            input through its remote desktop D-Bus API
#   openbox  X11: Xvfb with openbox, input with xdotool, screenshots with import
# A missing compositor (or its helpers) is a TAP skip; nothing else is.
# Screenshots are kept in SHOT-DIR if given (else in a temporary folder).
set -u
compositor=$1
test_program=$2
app=$3
fake_sm=$4
shots=${5:-${LGSM_KIOSK_SHOTS:-}}

skip () { echo "ok 1 # SKIP $*"; echo "1..1"; exit 0; }

case $compositor in
  cage) needs="cage grim" ;;
  mutter) needs="mutter" ;;
  openbox) needs="Xvfb openbox xdotool import" ;;
  *) echo "kiosk-session.sh: unknown compositor $compositor" >&2; exit 2 ;;
esac
for tool in $needs dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done

# cage refuses to run as root: the whole session then runs as nobody
if [ "$compositor" = cage ] && [ "$(id -u)" = 0 ] && [ "${LGSM_SESSION_AS:-}" = "" ]; then
  home=$(mktemp -d "${TMPDIR:-/tmp}/lgsm-kiosk-home.XXXXXX") || exit 1
  chmod 755 "$home"
  # the build tree may not be readable by nobody (a clone under /root):
  # the programs (the project's libraries are linked in), the schema and
  # the translations are copied
  mkdir -p "$home/bin" "$home/schemas"
  cp "$test_program" "$app" "$fake_sm" "$0" "$home/bin/"
  cp "${GSETTINGS_SCHEMA_DIR:-.}/gschemas.compiled" "$home/schemas/" 2>/dev/null
  [ -n "${LGSM_LOCALEDIR:-}" ] && cp -r "$LGSM_LOCALEDIR" "$home/locale"
  chown -R 65534:65534 "$home"
  [ -n "$shots" ] && mkdir -p "$shots" && chown 65534:65534 "$shots"
  setpriv --reuid=65534 --regid=65534 --clear-groups \
    env LGSM_SESSION_AS=nobody HOME="$home" GSETTINGS_SCHEMA_DIR="$home/schemas" \
        LGSM_LOCALEDIR="$home/locale" \
    sh "$home/bin/$(basename "$0")" "$compositor" "$home/bin/$(basename "$test_program")" \
       "$home/bin/$(basename "$app")" "$home/bin/$(basename "$fake_sm")" $shots
  status=$?
  rm -rf "$home"
  exit $status
fi

# a private session bus around everything
if [ "${LGSM_SESSION_IN_BUS:-}" != 1 ]; then
  LGSM_SESSION_IN_BUS=1 exec dbus-run-session -- sh "$0" "$@" 2>/dev/null
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lgsm-kiosk-session.XXXXXX") || exit 1
mkdir -m 700 "$tmp/run"
export XDG_RUNTIME_DIR="$tmp/run"
[ -n "$shots" ] || shots=$tmp/shots
mkdir -p "$shots"
export LGSM_TEST_SHOT_DIR="$shots" LGSM_EXHIBITION_EXE="$app"
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none
unset WAYLAND_DISPLAY DISPLAY
pids=
cleanup () {
  for pid in $pids; do kill "$pid" 2>/dev/null; done
  for pid in $pids; do wait "$pid" 2>/dev/null; done
  [ -n "${LGSM_SESSION_KEEP_LOGS:-}" ] && cp "$tmp"/*.log "$LGSM_SESSION_KEEP_LOGS"/ 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# On X11 GTK holds off the screen saver through org.gnome.SessionManager:
# the stand-in records it. (On Wayland GTK uses the compositor's
# idle-inhibit protocol instead; under cage 0.1.4 a stand-in session
# manager on the bus kept the inhibiting window from ever being drawn.)
if [ "$compositor" = openbox ]; then
  "$fake_sm" >"$tmp/sm.out" 2>"$tmp/sm.err" &
  pids="$pids $!"
  for i in $(seq 1 100); do grep -q ready "$tmp/sm.out" 2>/dev/null && break; sleep 0.1; done
  grep -q ready "$tmp/sm.out" || { echo "Bail out! the stand-in session manager did not start"; exit 1; }
fi

case $compositor in
  cage)
    export GDK_BACKEND=wayland LGSM_TEST_INPUT=none LGSM_TEST_SHOT=grim
    # cage shows one window at a time, for kiosks: presenting is tested under the others
    export LGSM_TEST_NO_PRESENT="cage is a kiosk compositor: presenting is tested under mutter and openbox"
    # as it is deployed: `cage -- lgsm-exhibition --kiosk` (a window shown
    # first as a normal one stops being redrawn under cage 0.1.4 headless)
    export LGSM_TEST_START_KIOSK=1
    export LGSM_TEST_SHOT_UNRELIABLE=1
    export WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman
    # cage runs the test as its only client and ends with it
    env -u G_DEBUG cage -- env G_DEBUG="${G_DEBUG:-}" "$test_program" --tap 2>"$tmp/cage.log" &
    cage_pid=$!
    pids="$pids $cage_pid"
    wait "$cage_pid"
    status=$?
    ;;
  mutter)
    # G_DEBUG=fatal-criticals is for our programs: mutter 43 logs a
    # critical (stack position) when a window of ours is hidden
    env -u G_DEBUG mutter --headless --wayland --no-x11 --wayland-display=lgsm-kiosk-test \
      --virtual-monitor 1280x800 >"$tmp/mutter.log" 2>&1 &
    pids="$pids $!"
    for i in $(seq 1 100); do [ -S "$XDG_RUNTIME_DIR/lgsm-kiosk-test" ] && break; sleep 0.1; done
    [ -S "$XDG_RUNTIME_DIR/lgsm-kiosk-test" ] || { echo "Bail out! mutter did not start"; cat "$tmp/mutter.log" >&2; exit 1; }
    export WAYLAND_DISPLAY=lgsm-kiosk-test GDK_BACKEND=wayland LGSM_TEST_INPUT=mutter LGSM_TEST_SHOT=
    "$test_program" --tap
    status=$?
    ;;
  openbox)
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
    pids="$pids $!"
    for i in $(seq 1 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
    [ -s "$tmp/display" ] || { echo "Bail out! Xvfb did not start"; exit 1; }
    export DISPLAY=":$(head -n 1 "$tmp/display")" GDK_BACKEND=x11
    env -u G_DEBUG openbox --sm-disable >"$tmp/openbox.log" 2>&1 &
    pids="$pids $!"
    sleep 1
    export LGSM_TEST_INPUT=xdotool LGSM_TEST_SHOT=import
    "$test_program" --tap
    status=$?
    ;;
esac
echo "# screenshots: $(ls "$shots" 2>/dev/null | tr '\n' ' ')"
exit $status
