#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the app under Xvfb and writes one PNG per tab, a record page, a
# slide and the Welsh interface into data/screenshots/ (used by the
# metainfo). Needs ImageMagick's `import` and xdotool:
#   apt-get install -y --no-install-recommends imagemagick xdotool
# usage: sh tests/screenshots.sh [BUILD_DIR]
set -e
build=${1:-_build}
out=$(dirname "$0")/../data/screenshots
app=$build/src/app/lgsm-exhibition
mkdir -p "$out"
export GSETTINGS_SCHEMA_DIR="$build/data" LGSM_LOCALEDIR="$build/po" GSETTINGS_BACKEND=memory GDK_BACKEND=x11 GSK_RENDERER=cairo
display=:$(( 60 + $$ % 30 ))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
export DISPLAY=$display

shot () {  # name, keys to press (or -), app arguments...
  name=$1; keys=$2; shift 2
  dbus-run-session -- "$app" "$@" >/dev/null 2>&1 &
  pid=$!
  sleep 3
  if [ "$keys" != "-" ]; then
    for k in $keys; do xdotool key "$k"; sleep 1.5; done
  fi
  import -window root "$out/$name.png"
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  echo "wrote $out/$name.png"
}

shot history - --section=history
shot outlook - --section=outlook
shot legacy - --section=legacy
shot twinning - --section=twinning
shot record - --record=pits-and-perverts
shot search "ctrl+f m i n i b u s" --section=history
shot slide "Right Right Right Right Right Right Right" --present --section=history
shot welsh - --lang=cy --section=twinning
