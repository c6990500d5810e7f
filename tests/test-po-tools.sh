#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translators' checks, tried on fixtures (tests/data/po-check: one
# source file and a half-translated language xx), as TAP:
# - check-po.sh passes a half-translated language and fails a syntax error,
#   a broken format string, a po file left out of LINGUAS, and a language
#   declared complete that is not;
# - check-translator-comments.py fails on a message without a comment
#   unless it is allowed, and on a placeholder without one always;
# - check-pot.sh fails on a stale template (but not on a new date alone);
# - lgsm-language-table.py names each language as its po file does and
#   counts what it translates.
# usage: test-po-tools.sh TESTS_DIR SOURCE_ROOT BUILD_ROOT
tests=$1; src=$2; build=$3
fixture=$tests/data/po-check
n=0; failed=0
python=/usr/bin/python3
[ -x "$python" ] || python=python3

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=$((failed + 1)); }
# expect WANT(pass|fail) DESCRIPTION COMMAND...: the command's status, its output as comments
expect () {
  want=$1; what=$2; shift 2
  if out=$("$@" 2>&1); then got=pass; else got=fail; fi
  if [ "$got" = "$want" ]; then ok "$what"
  else not_ok "$what (it did not $want)"; printf '%s\n' "$out" | sed 's/^/# /'; fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# a fresh copy of the fixture, to change
fresh () {
  rm -rf "$tmp/case"; mkdir "$tmp/case"
  cp -R "$fixture/po" "$fixture/hello.c" "$tmp/case/"
}

# ---- check-po.sh --------------------------------------------------------

fresh
expect pass "a half-translated language passes check-po.sh" sh "$tests/check-po.sh" "$tmp/case/po"

fresh
echo xx >>"$tmp/case/po/COMPLETE"
expect fail "a language declared complete with an untranslated message fails" sh "$tests/check-po.sh" "$tmp/case/po"
if printf '%s\n' "$out" | grep -q 'untranslated: msgid "Goodbye"'; then ok "the untranslated message is named"
else not_ok "the untranslated message is named"; printf '%s\n' "$out" | sed 's/^/# /'; fi

fresh
printf '\nmsgid "Broken\nmsgstr ""\n' >>"$tmp/case/po/xx.po"
expect fail "a syntax error in a half-translated language fails" sh "$tests/check-po.sh" "$tmp/case/po"

fresh
sed -i 's/^msgstr "%s xwrote %d xrecords\\n"/msgstr "%d xwrote %s xrecords\\n"/' "$tmp/case/po/xx.po"
grep -q '^msgstr "%d xwrote' "$tmp/case/po/xx.po" || not_ok "(the fixture has the format string this test breaks)"
expect fail "a translation with the format's conversions swapped fails" sh "$tests/check-po.sh" "$tmp/case/po"

fresh
cp "$tmp/case/po/xx.po" "$tmp/case/po/yy.po"
expect fail "a po file left out of LINGUAS fails" sh "$tests/check-po.sh" "$tmp/case/po"

fresh
sed -i 's/^msgstr "Xxish"$/msgstr ""/' "$tmp/case/po/xx.po"
expect pass "a language that does not name itself yet passes" sh "$tests/check-po.sh" "$tmp/case/po"
if printf '%s\n' "$out" | grep -q '^# note: xx.po does not name its language'; then ok "with a note saying so"
else not_ok "with a note saying so"; printf '%s\n' "$out" | sed 's/^/# /'; fi

# ---- check-translator-comments.py --------------------------------------

fresh
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=NC_:1c,2 \
  -D "$tmp/case" -o "$tmp/case/hello.pot" hello.c
: >"$tmp/empty-allowlist"
expect fail "a message without a comment fails" "$python" "$tests/check-translator-comments.py" "$tmp/case/hello.pot" "$tmp/empty-allowlist"
if printf '%s\n' "$out" | grep -q '"Goodbye" has no comment'; then ok "the message is named"
else not_ok "the message is named"; printf '%s\n' "$out" | sed 's/^/# /'; fi
printf '# obvious\nGoodbye\n' >"$tmp/allowlist"
expect pass "an allowed message needs no comment" "$python" "$tests/check-translator-comments.py" "$tmp/case/hello.pot" "$tmp/allowlist"
printf '\nmsgid "DIR"\nmsgstr ""\n' >>"$tmp/case/hello.pot"
echo DIR >>"$tmp/allowlist"
expect fail "a placeholder (DIR) without a comment fails even when allowed" "$python" "$tests/check-translator-comments.py" "$tmp/case/hello.pot" "$tmp/allowlist"

# ---- check-pot.sh -------------------------------------------------------

mkdir "$tmp/po"
cp "$src/po/POTFILES.in" "$src/po/comment-allowlist.txt" "$tmp/po/"
sed 's/^"POT-Creation-Date: .*\\n"$/"POT-Creation-Date: 1984-03-06 00:00+0000\\n"/' \
  "$src/po/lgsm-exhibition.pot" >"$tmp/po/lgsm-exhibition.pot"
expect pass "check-pot.sh: a template that differs only in its date is current" sh "$tests/check-pot.sh" "$src" "$build" "$tmp/po"
# a message taken out, as if added to the code after the template was made
"$python" - "$tmp/po/lgsm-exhibition.pot" <<'EOF'
import sys
path = sys.argv[1]
entries = open(path, encoding='utf-8').read().split('\n\n')
open(path, 'w', encoding='utf-8').write('\n\n'.join(e for e in entries if 'msgid "Desktop Language"' not in e))
EOF
expect fail "check-pot.sh: a stale template fails" sh "$tests/check-pot.sh" "$src" "$build" "$tmp/po"
if printf '%s\n' "$out" | grep -q '^not ok .* is stale'; then ok "check-pot.sh says the template is stale"
else not_ok "check-pot.sh says the template is stale"; printf '%s\n' "$out" | sed 's/^/# /'; fi

# ---- lgsm-language-table.py ---------------------------------------------

fresh
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=NC_:1c,2 \
  -D "$tmp/case" -o "$tmp/case/po/fixture.pot" hello.c
if "$python" "$src/src/tools/lgsm-language-table.py" "$tmp/table.h" "$tmp/case/po/fixture.pot" \
     "$tmp/case/po/LINGUAS" "$tmp/case/po" >"$tmp/log" 2>&1 &&
   grep -q '^#define LGSM_LANGUAGE_N_MESSAGES 4u$' "$tmp/table.h" &&
   grep -q '{ "en", "English", 4u },' "$tmp/table.h" &&
   grep -q '{ "xx", "Xxish", 3u },' "$tmp/table.h"; then
  ok "the language table names xx as its po file does, 3 of 4 messages translated"
else
  not_ok "the language table names xx as its po file does, 3 of 4 messages translated"
  cat "$tmp/log" "$tmp/table.h" 2>/dev/null | sed 's/^/# /'
fi
sed -i 's/^msgstr "Xxish"$/msgstr ""/' "$tmp/case/po/xx.po"
if "$python" "$src/src/tools/lgsm-language-table.py" "$tmp/table.h" "$tmp/case/po/fixture.pot" \
     "$tmp/case/po/LINGUAS" "$tmp/case/po" >"$tmp/log" 2>&1 &&
   grep -q '{ "xx", NULL, 2u },' "$tmp/table.h"; then
  ok "a language that does not name itself has no name in the table"
else
  not_ok "a language that does not name itself has no name in the table"
  cat "$tmp/log" "$tmp/table.h" 2>/dev/null | sed 's/^/# /'
fi

echo "1..$n"
[ "$failed" -eq 0 ]
