#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# sh tests/bench/run-bench.sh BUILD_DIR
#
# The start-up and record-loading benchmarks (see README.md here). Builds
# nothing: meson builds the programs (`meson compile -C BUILD_DIR`). Prints
# tables of medians and ratios; never judges them (exit status 0 unless the
# harness itself could not run).
#
# Knobs (environment): BENCH_RECORD_REPS (default 9), BENCH_STARTUP_PAIRS
# (default 20), BENCH_APP_RECORD_ROUNDS (default 10), BENCH_FRAME_PAIRS
# (default 3), BENCH_FRAME_ROUNDS (default 4), BENCH_SEARCH_REPS (default 7),
# GTK_A11Y (default none),
# BENCH_PARTS (default "records search startup app-records frames attract": which
# tables), BENCH_ATTRACT_SECONDS (default 10: how long the attract loop runs).

set -u

if [ $# -ne 1 ]; then
  echo "usage: sh tests/bench/run-bench.sh BUILD_DIR" >&2
  exit 2
fi
build=$(cd "$1" 2>/dev/null && pwd) || { echo "run-bench.sh: $1: no such build directory" >&2; exit 2; }
bench=$build/tests/bench
app=$build/src/app/lgsm-exhibition

for program in "$bench/bench-baseline" "$bench/bench-frames" "$bench/bench-gen-records" "$bench/bench-records" "$bench/bench-run" "$bench/bench-search" "$app"; do
  if [ ! -x "$program" ]; then
    echo "run-bench.sh: $program is missing: build first (meson compile -C $1)" >&2
    exit 2
  fi
done
for tool in Xvfb dbus-run-session; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "run-bench.sh: $tool is missing (Debian: apt-get install xvfb dbus)" >&2
    exit 2
  fi
done

# One private D-Bus session around everything: the app is single-instance
# over D-Bus, and a run must never hand its command line to an instance
# living on the caller's session bus.
if [ "${LGSM_BENCH_IN_SESSION:-}" != "1" ]; then
  export LGSM_BENCH_IN_SESSION=1
  exec dbus-run-session -- sh "$0" "$build"
fi

record_reps=${BENCH_RECORD_REPS:-9}
startup_pairs=${BENCH_STARTUP_PAIRS:-20}
app_record_rounds=${BENCH_APP_RECORD_ROUNDS:-10}
frame_pairs=${BENCH_FRAME_PAIRS:-3}
frame_rounds=${BENCH_FRAME_ROUNDS:-4}
search_reps=${BENCH_SEARCH_REPS:-7}
attract_seconds=${BENCH_ATTRACT_SECONDS:-10}
export BENCH_ATTRACT_SECONDS=$attract_seconds
parts=" ${BENCH_PARTS:-records search startup app-records frames attract} "
want () { case $parts in *" $1 "*) return 0 ;; esac; return 1; }

export LC_ALL=C.UTF-8
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" LGSM_LOCALEDIR="$build/po"
export GTK_A11Y="${GTK_A11Y:-none}"
export NO_AT_BRIDGE=1
export GDK_BACKEND=x11
unset WAYLAND_DISPLAY GSK_RENDERER LGSM_BENCH_REPORT_RENDERER

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lgsm-bench.XXXXXX") || exit 1
xvfb_pid=
cleanup () {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log=$tmp/log   # the programs' own output; shown if something fails

progress () { printf '%s\n' "run-bench: $*" >&2; }
die () {
  printf '%s\n' "run-bench.sh: $*" >&2
  [ -s "$log" ] && tail -n 20 "$log" >&2
  exit 1
}

# median of column $2 of the successful runs (status "0") in file $1
median () {
  awk -v c="$2" '$3 == "0" { print $c }' "$1" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# "N ok" or "N ok, M FAILED (statuses)"
runs () {
  awk '$3 == "0" { ok++ } $3 != "0" { bad++; what = what " " $3 }
       END { printf "%d ok", ok; if (bad) printf ", %d FAILED (%s )", bad, what }' "$1"
}
# one benchmark run; the result line goes to file $1
run () {
  out=$1
  shift
  "$bench/bench-run" -t 300 -o "$out" -- "$@" >>"$log" 2>&1
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
gtk=$(pkg-config --modversion gtk4 2>/dev/null || echo "?")
echo "LGSM EXHIBITION BENCHMARKS - $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  $("$app" --version 2>/dev/null) ($app)"
echo "  $(nproc) CPUs ($cpu), $(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, kernel $(uname -r), GTK $gtk"
echo "  GTK_A11Y=$GTK_A11Y, GSETTINGS_BACKEND=memory, LC_ALL=$LC_ALL, private D-Bus session"

# ---- 1. record loading -------------------------------------------------------

if want records || want search || want app-records; then
progress "writing 10 000 and 100 000 synthetic records..."
"$bench/bench-gen-records" 10000 "$tmp/10k" || die "bench-gen-records 10000 failed"
"$bench/bench-gen-records" 100000 "$tmp/100k" || die "bench-gen-records 100000 failed"

fi
if want records; then
"$bench/bench-records" -n "$record_reps" "$tmp/10k/history.json" "$tmp/100k/history.json" ||
  die "bench-records failed"
fi

# ---- 1b. search per keystroke ----------------------------------------------------

if want search; then
progress "search per keystroke: bundled, 10k, 100k (the index, and the linear search it replaced)..."
"$bench/bench-search" -n "$search_reps" --bundled "$tmp/10k" "$tmp/100k" 2>>"$log" ||
  die "bench-search failed"
fi

# ---- 2. a display --------------------------------------------------------------

progress "starting Xvfb..."
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp -noreset 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
tries=0
while [ ! -s "$tmp/display" ]; do
  kill -0 "$xvfb_pid" 2>/dev/null || { cat "$tmp/xvfb.log" >&2; die "Xvfb did not start"; }
  tries=$((tries + 1))
  [ $tries -gt 200 ] && die "Xvfb did not report a display within 20 s"
  sleep 0.1
done
export DISPLAY=":$(head -n 1 "$tmp/display")"

# Which renderer GTK really uses: it falls back to cairo without a word when
# it cannot set up GL, so the baseline reports the class it got.
renderer_of () {
  LGSM_BENCH_REPORT_RENDERER=1 GSK_RENDERER=$1 "$bench/bench-baseline" 2>>"$log" | sed -n 's/^renderer: //p'
}
gl=
gl_note=
for name in gl ngl; do
  got=$(renderer_of $name)
  if [ "$got" = GskGLRenderer ]; then
    gl=$name
    break
  fi
  gl_note="$gl_note GSK_RENDERER=$name gave ${got:-no window};"
done
got=$(renderer_of cairo)
[ "$got" = GskCairoRenderer ] || die "GSK_RENDERER=cairo gave ${got:-no window}"
if [ -n "$gl" ]; then
  renderers="$gl cairo"
  gl_note="GSK_RENDERER=$gl uses GskGLRenderer (Mesa software GL under Xvfb: there is no GPU)"
else
  renderers=cairo
  gl_note="GL IS NOT AVAILABLE under this Xvfb:$gl_note only cairo is measured"
fi

if want startup; then
# ---- 3. start-up: baseline vs app ---------------------------------------------

for r in $renderers; do
  progress "start-up, GSK_RENDERER=$r: 1 warm-up pair + $startup_pairs pairs..."
  export GSK_RENDERER=$r
  i=0
  while [ $i -le "$startup_pairs" ]; do
    tag=$r
    [ $i -eq 0 ] && tag=warmup
    run "$tmp/base.$tag" "$bench/bench-baseline"
    run "$tmp/app.$tag" "$app" --quit-after-first-frame
    i=$((i + 1))
  done
  unset GSK_RENDERER
done

echo
echo "START-UP TO FIRST FRAME - Xvfb 1920x1080x24; median of $startup_pairs pairs (baseline, app, baseline, app, ...) after 1 warm-up pair"
echo "  wall = fork -> exit of the process, which quits after its first frame is painted; peak = its ru_maxrss"
echo "  baseline = GtkApplicationWindow 1200x800 + GtkNotebook of 4 GtkLabels; app = lgsm-exhibition --quit-after-first-frame (bundled records)"
echo "  $gl_note"
echo
printf '  %-10s | %-21s | %-21s | %s\n' "" "baseline" "lgsm-exhibition" "app / baseline"
printf '  %-10s | %10s %10s | %10s %10s | %7s %7s | %s\n' "renderer" "wall" "peak" "wall" "peak" "wall" "peak" "runs (baseline; app)"
for r in $renderers; do
  bw=$(median "$tmp/base.$r" 1); bm=$(median "$tmp/base.$r" 2)
  aw=$(median "$tmp/app.$r" 1);  am=$(median "$tmp/app.$r" 2)
  awk -v r="$r" -v bw="$bw" -v bm="$bm" -v aw="$aw" -v am="$am" -v n="$(runs "$tmp/base.$r"); $(runs "$tmp/app.$r")" 'BEGIN {
    printf "  %-10s | %7.1f ms %7.1f MB | %7.1f ms %7.1f MB | %6.2fx %6.2fx | %s\n",
           r, bw / 1000, bm / 1024, aw / 1000, am / 1024, aw / bw, am / bm, n }'
done

fi

if want app-records; then
# ---- 4. the app with many records ---------------------------------------------

r=${renderers%% *}
bundled=$("$app" --validate 2>/dev/null | sed -n 's/^\([0-9][0-9]*\) record.*/\1/p')
progress "records in the app, GSK_RENDERER=$r: 1 warm-up round + $app_record_rounds rounds (bundled, 10k, 100k)..."
export GSK_RENDERER=$r
i=0
while [ $i -le "$app_record_rounds" ]; do
  tag=$r
  [ $i -eq 0 ] && tag=warmup
  run "$tmp/recs-bundled.$tag" "$app" --quit-after-first-frame
  run "$tmp/recs-10k.$tag" "$app" --quit-after-first-frame --records="$tmp/10k"
  run "$tmp/recs-100k.$tag" "$app" --quit-after-first-frame --records="$tmp/100k"
  i=$((i + 1))
done
unset GSK_RENDERER

echo
echo "RECORDS IN THE APP - lgsm-exhibition --quit-after-first-frame, GSK_RENDERER=$r;"
echo "  median of $app_record_rounds rounds (bundled, 10k, 100k, bundled, ...) after 1 warm-up round; wall and peak as above"
echo "  10k/100k = --records=DIR holding only history.json with that many records (the other tabs are empty)"
echo
printf '  %-30s | %10s %10s | %s\n' "records shown" "wall" "peak" "vs bundled"
printf '  %-30s | %10s %10s | %8s %8s | %s\n' "" "" "" "wall" "peak" "runs"
bw=$(median "$tmp/recs-bundled.$r" 1); bm=$(median "$tmp/recs-bundled.$r" 2)
for which in bundled 10k 100k; do
  case $which in
    bundled) label="bundled (${bundled:-?} records)" ;;
    *) label="--records=$which" ;;
  esac
  w=$(median "$tmp/recs-$which.$r" 1); m=$(median "$tmp/recs-$which.$r" 2)
  awk -v l="$label" -v w="$w" -v m="$m" -v bw="$bw" -v bm="$bm" -v n="$(runs "$tmp/recs-$which.$r")" 'BEGIN {
    printf "  %-30s | %7.1f ms %7.1f MB | %7.2fx %7.2fx | %s\n", l, w / 1000, m / 1024, w / bw, m / bm, n }'
done
w10=$(median "$tmp/recs-10k.$r" 1); m10=$(median "$tmp/recs-10k.$r" 2)
w100=$(median "$tmp/recs-100k.$r" 1); m100=$(median "$tmp/recs-100k.$r" 2)
awk -v w10="$w10" -v m10="$m10" -v w100="$w100" -v m100="$m100" -v bw="$bw" -v bm="$bm" 'BEGIN {
  printf "  scaling 10k -> 100k (records x10): wall x%.2f, peak RSS x%.2f\n", w100 / w10, m100 / m10
  printf "  extra over bundled: 10k %+.0f ms %+.1f MB, 100k %+.0f ms %+.1f MB",
         (w10 - bw) / 1000, (m10 - bm) / 1024, (w100 - bw) / 1000, (m100 - bm) / 1024
  # a ratio of differences means something only when both are well above the noise
  if (w10 - bw > 5000 && w100 - bw > 5000)
    printf " (100k/10k: wall x%.1f", (w100 - bw) / (w10 - bw)
  else
    printf " (100k/10k: wall within noise of the bundled set"
  if (m10 - bm > 1024 && m100 - bm > 1024)
    printf ", RSS x%.1f; x10 = linear)\n", (m100 - bm) / (m10 - bm)
  else
    printf ")\n" }'
echo

fi

if want frames; then
# ---- 5. tab switches and slide changes -----------------------------------------

for r in $renderers; do
  progress "frames, GSK_RENDERER=$r: $frame_pairs x (baseline, tabs, records, slides), $frame_rounds rounds each..."
  export GSK_RENDERER=$r
  i=0
  while [ $i -lt "$frame_pairs" ]; do
    for m in baseline tabs records slides; do
      "$bench/bench-frames" $m "$frame_rounds" >>"$tmp/frames.$r" 2>>"$log" ||
        die "bench-frames $m failed (GSK_RENDERER=$r)"
    done
    i=$((i + 1))
  done
  unset GSK_RENDERER
done

echo "TAB SWITCH, RECORD AND SLIDE CHANGE - frame clock timings at 1920x1080 (tests/bench/bench-frames.c);"
echo "  $frame_pairs x (baseline, tabs, records, slides) processes, each: first visits, then $frame_rounds rounds again"
echo "  work = the change itself + its first frame (::before-paint to ::after-paint); the change is on"
echo "  screen after that work; latency adds the wait for the frame clock's tick. worst frame = the"
echo "  longest frame until the window is quiet (a slide cross-fade is ~20 frames). One frame at 60 Hz"
echo "  = 16.7 ms. baseline = a GtkNotebook of 4 labels switching pages; ratio = work / baseline work"
for r in $renderers; do
  echo
  printf '  %-8s %-26s | %5s | %9s %9s %9s | %11s | %s\n' "$r" "change" "n" "work" "latency" "worst fr." "ratio work" "median work <= 16.7 ms"
  awk -v r="$r" '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      if (n == 0) return -1
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $1 == "frames" {
      k = $2 " " $4
      if ($2 == "records") k = ($3 == "back" ? "back" : "open") " " $4
      work[k] = work[k] " " ($5 + $6); lat[k] = lat[k] " " $7; worst[k] = worst[k] " " $9; n[k]++
    }
    END {
      base = median(work["baseline again"])
      split("baseline again|tabs first|tabs again|open first|open again|back again|slides first|slides again", keys, "|")
      label["baseline again"] = "baseline: notebook page"
      label["tabs first"] = "app: tab, first visit"
      label["tabs again"] = "app: tab, visited before"
      label["open first"] = "app: open a record, 1st"
      label["open again"] = "app: open a record again"
      label["back again"] = "app: back from a record"
      label["slides first"] = "app: slide, first time"
      label["slides again"] = "app: slide, shown before"
      for (i = 1; i <= 8; i++) {
        k = keys[i]
        if (!(k in n)) continue
        w = median(work[k])
        printf "  %-8s %-26s | %5d | %6.1f ms %6.1f ms %6.1f ms | %10.2fx | %s\n", "", label[k], n[k],
               w / 1000, median(lat[k]) / 1000, median(worst[k]) / 1000, (base > 0 ? w / base : 0),
               (w <= 16667 ? "yes" : "NO")
      }
    }' "$tmp/frames.$r"
done
echo "  (worst fr. is the median over changes of each change's longest frame)"
echo

fi

if want attract; then
# ---- 6. the kiosk's attract loop -------------------------------------------------

for r in $renderers; do
  progress "attract loop, GSK_RENDERER=$r: $attract_seconds s..."
  GSK_RENDERER=$r "$bench/bench-frames" attract >>"$tmp/attract.$r" 2>>"$log" ||
    die "bench-frames attract failed (GSK_RENDERER=$r)"
done
echo "KIOSK ATTRACT LOOP - lgsm-exhibition --kiosk left alone for $attract_seconds s at 1920x1080 (a new"
echo "  picture every 8 s); CPU = the process's user+system time / wall time, of one core"
for r in $renderers; do
  awk -v r="$r" '$1 == "attract" {
    printf "  %-8s %4d frames in %.0f s, median frame %.1f ms, worst %.1f ms, CPU %.1f%% of a core\n", r, $2, $3, $4 / 1000, $5 / 1000, $6 }' "$tmp/attract.$r"
done
echo

fi

if grep -q -i -E 'error|critical|warning' "$log"; then
  echo "Messages from the programs (first 10):"
  grep -i -E 'error|critical|warning' "$log" |
    sed -E 's/:[0-9]+\): /): /; s/ [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+://' |
    sort | uniq -c | sort -rn | head -n 10 | sed 's/^/  /'
  echo
fi
exit 0
