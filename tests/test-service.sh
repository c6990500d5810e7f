#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The kiosk's systemd user service (data/org.lgsm.Exhibition-kiosk.service.in):
# it validates with systemd-analyze verify (run on a copy whose ExecStart is
# the build tree's binary, since verify checks the program exists), and it
# keeps what the kiosk needs: Restart=always, a short RestartSec, the
# operator's exit (status 0) not restarted, a D-Bus name to wait for.
# Restarting after a crash needs a running systemd user manager: where
# there is one (LGSM_TEST_SYSTEMD_USER=1), the unit is started, its process
# killed with SIGSEGV, and it must come back; elsewhere that part is skipped
# (README.md, "Exhibition kiosk", says how to check it by hand).
# usage: test-service.sh SERVICE.in BUILD-BINDIR
in=$1
bindir=$2
n=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
notok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }
failed=0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unit=$tmp/org.lgsm.Exhibition-kiosk.service
sed "s|@bindir@|$bindir|g" "$in" >"$unit"

for line in "Restart=always" "RestartPreventExitStatus=0" "ExecStart=$bindir/lgsm-exhibition --kiosk" \
            "ExecStop=$bindir/lgsm-exhibition --quit" "BusName=org.lgsm.Exhibition" \
            "WantedBy=graphical-session.target"; do
  if grep -qxF "$line" "$unit"; then ok "the unit has $line"; else notok "the unit lacks $line"; fi
done
delay=$(sed -n 's/^RestartSec=//p' "$unit")
if [ -n "$delay" ] && [ "$delay" -le 5 ]; then ok "restarts within $delay s"; else notok "RestartSec=$delay: not within a few seconds"; fi

if command -v systemd-analyze >/dev/null 2>&1; then
  if out=$(systemd-analyze verify --man=no "$unit" 2>&1) && [ -z "$out" ]; then
    ok "systemd-analyze verify"
  else
    notok "systemd-analyze verify"
    printf '%s\n' "$out" | sed 's/^/# /'
  fi
else
  skip "systemd-analyze is not installed"
fi

if [ "${LGSM_TEST_SYSTEMD_USER:-}" = 1 ] && systemctl --user show-environment >/dev/null 2>&1; then
  name=lgsm-kiosk-restart-test.service
  cp "$unit" "$tmp/$name"
  systemctl --user link "$tmp/$name" >/dev/null 2>&1
  systemctl --user start "$name"
  first=$(systemctl --user show -p MainPID --value "$name")
  kill -SEGV "$first" 2>/dev/null
  second=0
  for i in $(seq 1 30); do
    sleep 1
    second=$(systemctl --user show -p MainPID --value "$name")
    [ "$second" != 0 ] && [ "$second" != "$first" ] && break
  done
  if [ "$second" != 0 ] && [ "$second" != "$first" ]; then ok "a crashed kiosk is restarted"; else notok "a crashed kiosk was not restarted"; fi
  systemctl --user stop "$name"
  systemctl --user disable "$name" >/dev/null 2>&1
else
  skip "no systemd user manager here (set LGSM_TEST_SYSTEMD_USER=1 in a graphical session to test a restart)"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
