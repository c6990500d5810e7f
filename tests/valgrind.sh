#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the UI smoke test (start, first frame, quit) under valgrind's leak
# checker and reports what is definitely lost in the app's own code: a leak
# record counts as the app's when the first frame after the allocator is in
# src/ (lgsm_*). Needs: apt-get install -y --no-install-recommends valgrind
# usage: sh tests/valgrind.sh [BUILD_DIR] [extra app arguments]
build=${1:-_build}
[ $# -gt 0 ] && shift
log=$(mktemp /tmp/lgsm-valgrind.XXXXXX)
here=$(dirname "$0")
GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" LGSM_LOCALEDIR="$build/po" GSK_RENDERER=cairo GTK_A11Y=none \
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  valgrind --leak-check=full --num-callers=40 --errors-for-leak-kinds=definite \
    --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
    --suppressions="$here/valgrind.supp" \
    "$build/src/app/lgsm-exhibition" --quit-after-first-frame "$@" > "$log" 2>&1
grep -E "definitely lost:|indirectly lost:|possibly lost:|ERROR SUMMARY" "$log" | sed 's/^==[0-9]*== *//'
awk '
  /are definitely lost in loss record/ { inrec = 1; bytes = $2; first = ""; next }
  inrec && /^==[0-9]+== *(at|by) / {
    if (first == "" && $0 !~ /(malloc|calloc|realloc|memalign|g_malloc|g_malloc0|g_realloc|g_strdup|g_strndup|g_memdup2|g_slice_alloc|g_slice_alloc0|g_type_create_instance|g_object_new[a-z_]*|g_try_malloc)[ (]/)
      first = $0
    next
  }
  inrec && /^==[0-9]+== *$/ {
    if (first ~ /lgsm_|src\/main\.c/) { own += bytes; n++; print "app leak: " first }
    inrec = 0
  }
  END { printf "definitely lost in the app'"'"'s own code: %d bytes in %d records\n", own, n }
' "$log"
echo "full log: $log"
