#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The template translators and translation platforms start from, as TAP:
# - po/lgsm-exhibition.pot (committed) is what `meson compile -C _build
#   lgsm-exhibition-pot` makes from the sources as they are now, but for
#   its POT-Creation-Date: the template is made again in a folder of its
#   own, with the very command of meson's pot target;
# - every message of it has a comment for translators, or is in
#   po/comment-allowlist.txt (tests/check-translator-comments.py).
# usage: check-pot.sh SOURCE_ROOT BUILD_ROOT [PO_DIR]
# (PO_DIR, po/ of SOURCE_ROOT unless given, holds the template compared,
# POTFILES.in and comment-allowlist.txt.)
src=$1; build=$2; po=${3:-$1/po}
n=0; failed=0
python=/usr/bin/python3
[ -x "$python" ] || python=python3
here=$(cd "$(dirname "$0")" && pwd)

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=$((failed + 1)); }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/po"
cp "$po/POTFILES.in" "$tmp/po/"

# meson's own command for the pot target, writing into $tmp/po instead
cmd=$(cd "$build" && ninja -t commands lgsm-exhibition-pot 2>/dev/null | grep -e '--internal gettext pot' | tail -n 1)
fresh=""
if [ -z "$cmd" ]; then
  not_ok "cannot find the command of meson's lgsm-exhibition-pot target in $build (ninja -t commands)"
elif ! (cd "$build" && sh -c "$(printf '%s\n' "$cmd" | sed "s|--subdir=po |--subdir=$tmp/po |")") >"$tmp/log" 2>&1 ||
     [ ! -f "$tmp/po/lgsm-exhibition.pot" ]; then
  not_ok "could not make the template"; sed 's/^/# /' "$tmp/log"
else
  fresh=$tmp/po/lgsm-exhibition.pot
  grep -v '^"POT-Creation-Date:' "$fresh" >"$tmp/fresh"
  if [ ! -f "$po/lgsm-exhibition.pot" ]; then
    not_ok "po/lgsm-exhibition.pot is missing: run \`meson compile -C _build lgsm-exhibition-pot\` and commit it"
  elif grep -v '^"POT-Creation-Date:' "$po/lgsm-exhibition.pot" | diff -u - "$tmp/fresh" >"$tmp/diff"; then
    ok "po/lgsm-exhibition.pot is current"
  else
    not_ok "po/lgsm-exhibition.pot is stale: run \`meson compile -C _build lgsm-exhibition-update-po\` (template and po files) and commit them"
    head -n 40 "$tmp/diff" | sed 's/^/# /'
  fi
fi

if [ -n "$fresh" ]; then
  if out=$("$python" "$here/check-translator-comments.py" "$fresh" "$po/comment-allowlist.txt"); then
    ok "every message has a comment for translators, or is in comment-allowlist.txt"
  else
    not_ok "messages without a comment for translators"
  fi
  [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/# /'
fi
echo "1..$n"
[ "$failed" -eq 0 ]
