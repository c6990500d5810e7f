#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translations, as TAP:
# - every language in po/LINGUAS has a po file that msgfmt accepts as it is
#   (format strings, plural forms, header), and no po file is left out of
#   LINGUAS; a partial translation passes (a note says when it does not
#   name its language yet);
# - every language listed in po/COMPLETE (one code a line, # comments) has
#   nothing fuzzy and nothing untranslated: fuzzy entries are shown in
#   English, so a language that claims to be complete may not have any. The
#   po file is first merged with a template made from POTFILES.in as the
#   sources are now, so a string added to the code or the records and not
#   yet merged into the po file counts as untranslated;
# - within one po file, the same English (msgid) is translated the same way
#   in every context it appears in (the same picture description in two
#   records, a word in the interface and in a record), unless an entry
#   carries a translator comment "# consistency-exception: WHY";
# - every file in POTFILES.in exists and parses.
# usage: check-po.sh PO_DIR
po=$1
n=0; failed=0
python=/usr/bin/python3
[ -x "$python" ] || python=python3

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=$((failed + 1)); }

linguas=$(grep -v '^[[:space:]]*#' "$po/LINGUAS" | tr -s ' \t' '\n\n')
complete=""
if [ -f "$po/COMPLETE" ]; then
  complete=$(grep -v '^[[:space:]]*#' "$po/COMPLETE" | tr -s ' \t' '\n\n')
else
  not_ok "po/COMPLETE is missing (list the languages that must have no fuzzy or untranslated entry)"
fi

for lang in $linguas; do
  if out=$(msgfmt --check --statistics -o /dev/null "$po/$lang.po" 2>&1); then
    ok "$lang.po passes msgfmt --check: $(printf '%s\n' "$out" | tail -n 1)"
    printf '%s\n' "$out" | sed '$d' | sed 's/^/# /'
    # the language menu lists a language by the name its po file gives it
    if ! msggrep -J -F -e "language name" "$po/$lang.po" 2>/dev/null |
         msgattrib --translated --no-fuzzy - 2>/dev/null | grep -q '^msgctxt "language name"'; then
      echo "# note: $lang.po does not name its language yet (the entry with the context \"language name\"): the language menu shows the C library's name for it, or \"$lang\""
    fi
  else
    not_ok "$lang.po does not pass msgfmt --check"; echo "$out" | sed 's/^/# /'
  fi
done

# The template as the sources are now (the options of meson's glib preset).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
template=""
if xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ \
     --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
     --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     -f "$po/POTFILES.in" -D "$po/.." -o "$tmp/template.pot" 2>/dev/null; then
  template=$tmp/template.pot
fi

for lang in $complete; do
  if ! printf '%s\n' "$linguas" | grep -qx "$lang"; then
    not_ok "$lang is listed in COMPLETE but not in LINGUAS"; continue
  fi
  file=$po/$lang.po
  if [ -n "$template" ]; then
    msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/$lang.po" "$file" "$template" && file=$tmp/$lang.po
  fi
  out=$(msgfmt --statistics -o /dev/null "$file" 2>&1 | tail -n 1)
  if printf '%s' "$out" | grep -q 'fuzzy\|untranslated'; then
    not_ok "$lang.po is declared complete but has (with the sources as they are now): $out"
    # name them, so the translator can find them
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$file" 2>/dev/null | grep '^msgctxt\|^msgid "[^"]' | sed 's/^/# fuzzy: /'
    msgattrib --untranslated --no-obsolete --no-wrap "$file" 2>/dev/null | grep '^msgctxt\|^msgid "[^"]' | sed 's/^/# untranslated: /'
  else
    ok "$lang.po is complete: $out"
  fi
done

for lang in $linguas; do
  [ -f "$po/$lang.po" ] || continue
  if out=$("$python" - "$po/$lang.po" <<'EOF'
import re, sys

def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s[1:-1])

def entries(path):
    entry = {'comments': [], 'flags': '', 'fields': {}}
    key = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#~') or not line.strip():
                if entry['fields']:
                    yield entry
                    entry = {'comments': [], 'flags': '', 'fields': {}}
                key = None
                continue
            if line.startswith('#'):
                if entry['fields']:
                    yield entry
                    entry = {'comments': [], 'flags': '', 'fields': {}}
                if line.startswith('#,'):
                    entry['flags'] += line[2:]
                entry['comments'].append(line)
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if m:
                key = m.group(1)
                entry['fields'][key] = unquote(m.group(2))
            elif line.startswith('"') and key:
                entry['fields'][key] += unquote(line)
    if entry['fields']:
        yield entry

groups = {}
for e in entries(sys.argv[1]):
    f = e['fields']
    msgid = f.get('msgid', '')
    if msgid == '' or 'fuzzy' in e['flags']:
        continue
    msgstr = tuple(v for k, v in sorted(f.items()) if k.startswith('msgstr'))
    if not any(msgstr):
        continue
    if any(re.match(r'#\s+consistency-exception:', c) for c in e['comments']):
        continue
    key = (msgid, f.get('msgid_plural'))
    groups.setdefault(key, {}).setdefault(msgstr, []).append(f.get('msgctxt', '(no context)'))

bad = 0
for (msgid, _), variants in groups.items():
    if len(variants) > 1:
        bad += 1
        print('# %r is translated %d ways:' % (msgid[:70], len(variants)))
        for msgstr, contexts in variants.items():
            print('#   %r in %s' % (' | '.join(msgstr)[:70], ', '.join(contexts)))
sys.exit(1 if bad else 0)
EOF
  ); then
    ok "$lang.po translates each English text one way"
  else
    not_ok "$lang.po translates the same English differently (add '# consistency-exception: WHY' where that is meant)"
    echo "$out"
  fi
done

for file in "$po"/*.po; do
  [ -e "$file" ] || continue
  lang=$(basename "$file" .po)
  if printf '%s\n' "$linguas" | grep -qx "$lang"; then ok "$lang is in LINGUAS"
  else not_ok "$lang.po is not in LINGUAS"; fi
done

if xgettext --from-code=UTF-8 -o /dev/null -f "$po/POTFILES.in" -D "$po/.." 2>/dev/null; then
  ok "every file in POTFILES.in exists and parses"
else
  not_ok "POTFILES.in names a missing or unreadable file"
fi
echo "1..$n"
[ "$failed" -eq 0 ]
