#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every XML file of the project is well-formed: GTK and GLib parse some of
# them leniently, but xgettext's ITS rules do not, and a file it cannot read
# silently drops its messages from the translation template.
# usage: check-xml.sh SOURCE-ROOT
root=$1
n=0; failed=0
for file in "$root"/data/*.xml "$root"/data/*.xml.in "$root"/resources/*.ui "$root"/resources/gtk/*.ui \
            "$root"/resources/*.xml "$root"/resources/images/*.svg "$root"/data/icons/hicolor/*/apps/*.svg; do
  [ -e "$file" ] || continue
  n=$((n + 1))
  if out=$(xmllint --noout "$file" 2>&1); then
    echo "ok $n - ${file#$root/}"
  else
    echo "not ok $n - ${file#$root/}"; echo "$out" | sed 's/^/# /'; failed=$((failed + 1))
  fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
