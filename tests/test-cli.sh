#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line as a curator or a script uses it: exit codes and messages.
# usage: test-cli.sh PATH-TO-lgsm-exhibition TESTS-SOURCE-DIR
app=$1
data=$2/data
n=0; failed=0

check () {  # description, expected exit, expected text in output, command...
  desc=$1; want=$2; text=$3; shift 3
  n=$((n + 1))
  out=$("$@" 2>&1); got=$?
  if [ "$got" -ne "$want" ]; then
    echo "not ok $n - $desc: exit $got, wanted $want"; echo "$out" | sed 's/^/# /'; failed=$((failed + 1))
  elif [ -n "$text" ] && ! printf '%s' "$out" | grep -qF -- "$text"; then
    echo "not ok $n - $desc: output lacks “$text”"; echo "$out" | sed 's/^/# /'; failed=$((failed + 1))
  else
    echo "ok $n - $desc"
  fi
}

check "--version" 0 "lgsm-exhibition 0." "$app" --version
check "--help names the options" 0 "--records=DIR" "$app" --help
check "--help-all names --validate" 0 "--validate=DIR" "$app" --help-all
check "--validate on the bundled records" 0 "0 problems" "$app" --validate
check "--validate=DIR on a valid folder" 0 "7 records are valid; 0 problems" "$app" --validate="$data/valid"
check "--validate=DIR on a bad date" 1 "bad-date/records.json:30:7: odd-date: date: “1984-13-45”" "$app" --validate="$data/errors/bad-date"
check "--validate=DIR on truncated JSON" 1 "syntax/records.json:5:39: -: -: the file is not valid JSON" "$app" --validate="$data/errors/syntax"
check "--validate=DIR on a missing folder" 1 "cannot open the records folder" "$app" --validate=/nonexistent/records
check "unknown section" 2 "Unknown section “kitchen”" "$app" --section=kitchen
check "unknown option" 2 "Unknown option --frobnicate" "$app" --frobnicate
check "stray argument" 2 "Unexpected argument" "$app" stray
runtime=$(mktemp -d)
check "--quit with no exhibition running anywhere" 1 "No exhibition is running" \
  env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$runtime" "$app" --quit
rm -rf "$runtime"

# --search: ranked ID<TAB>TITLE lines, exit 1 when nothing matches
tab=$(printf '\t')
check "--search finds a person by name" 0 "jimmy-somerville${tab}Jimmy Somerville" "$app" --search=Somerville
check "--search forgives a typo" 0 "jimmy-somerville${tab}Jimmy Somerville" "$app" --search=Somervile
check "--search forgives a transposition" 0 "${tab}Mark Ashton" "$app" --search="Mark Ahston"
check "--search with nothing to find" 1 "No record matches" "$app" --search=zzzqqxx
check "--search ranks the title first" 0 "" sh -c "\"$app\" --search=minibus | head -n 1 | grep -q '^minibus${tab}'"
check "--search in Welsh" 0 "${tab}Y bws mini gwyn" "$app" --search="bws mini" --lang=cy
check "--search=QUERY --records=DIR" 0 "${tab}" "$app" --search=strike --records="$data/valid"
check "--search suggests a word" 1 "Did you mean “miners”?" "$app" --search=xqzminers --records="$data/valid"
check "--search on a missing folder" 1 "cannot open the records folder" "$app" --search=x --records=/nonexistent/records

echo "1..$n"
[ "$failed" -eq 0 ]
