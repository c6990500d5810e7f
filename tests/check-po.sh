#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every language in po/LINGUAS has a po file that msgfmt accepts as it is
# (format strings, plural forms, header) with nothing left untranslated
# (fuzzy entries are allowed: they are a translator's open questions), and
# no po file is left out of LINGUAS.
po=$1
n=0; failed=0
for lang in $(grep -v '^#' "$po/LINGUAS"); do
  n=$((n + 1))
  if out=$(msgfmt --check --statistics -o /dev/null "$po/$lang.po" 2>&1) &&
     ! printf '%s' "$out" | grep -q untranslated; then
    echo "ok $n - $lang.po: $out"
  else
    echo "not ok $n - $lang.po"; echo "$out" | sed 's/^/# /'; failed=$((failed + 1))
  fi
done
for file in "$po"/*.po; do
  [ -e "$file" ] || continue
  n=$((n + 1))
  lang=$(basename "$file" .po)
  if grep -qx "$lang" "$po/LINGUAS"; then echo "ok $n - $lang is in LINGUAS"
  else echo "not ok $n - $lang.po is not in LINGUAS"; failed=$((failed + 1)); fi
done
n=$((n + 1))
if xgettext --from-code=UTF-8 -o /dev/null -f "$po/POTFILES.in" -D "$po/.." 2>/dev/null; then
  echo "ok $n - every file in POTFILES.in exists and parses"
else
  echo "not ok $n - POTFILES.in names a missing or unreadable file"; failed=$((failed + 1))
fi
echo "1..$n"
[ "$failed" -eq 0 ]
