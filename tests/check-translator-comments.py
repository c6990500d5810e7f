#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails on a message of the template that has no comment for translators.

A message needs a comment (`/* Translators: ... */` before it in C,
`comments="..."` on it in a .ui file, `<!-- Translators: ... -->` in XML)
unless its meaning and place are obvious from the text alone and it is
listed in the allow-list (one msgid a line, as in the template, with \\n
for a new line; # starts a comment). A placeholder in capitals (NAME, DIR:
the value of a command-line option in --help) always needs one.

usage: check-translator-comments.py TEMPLATE.pot ALLOWLIST
Prints each message without a comment; exits 1 if there is one.
"""
import re
import sys


def unquote(s):
    s = s.strip()
    escapes = {'n': '\n', 't': '\t', '\\': '\\', '"': '"'}
    return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(1)), s[1:-1])


def entries(path):
    """Yields (comments, locations, fields) for each entry, obsolete ones left out."""
    comments, locations, fields, key = [], [], {}, None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#~'):
                if fields:
                    yield comments, locations, fields
                comments, locations, fields, key = [], [], {}, None
                continue
            if line.startswith('#'):
                if fields:
                    yield comments, locations, fields
                    comments, locations, fields, key = [], [], {}, None
                if line.startswith('#.'):
                    comments.append(line[2:].strip())
                elif line.startswith('#:'):
                    locations += line[2:].split()
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if m:
                key = m.group(1)
                fields[key] = unquote(m.group(2))
            elif line.startswith('"') and key:
                fields[key] += unquote(line)
    if fields:
        yield comments, locations, fields


def escape(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n')


def main(template, allowlist_path):
    allowed = set()
    with open(allowlist_path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.strip() and not line.startswith('#'):
                allowed.add(line)

    missing = 0
    seen = set()
    for comments, locations, fields in entries(template):
        msgid = fields.get('msgid', '')
        if msgid == '':
            continue  # the header
        seen.add(escape(msgid))
        if any(c for c in comments):
            continue
        placeholder = re.fullmatch(r'[A-Z][A-Z_-]*', msgid) is not None
        if escape(msgid) in allowed and not placeholder:
            continue
        missing += 1
        context = ' (context "%s")' % fields['msgctxt'] if 'msgctxt' in fields else ''
        print('%s: "%s"%s has no comment for translators%s' % (
            locations[0] if locations else template, escape(msgid), context,
            ' (a placeholder always needs one)' if placeholder else ''))
    for msgid in sorted(allowed - seen):
        print('note: "%s" is in %s but not in the template any more' % (msgid, allowlist_path))
    if missing:
        print('%d message(s) without a comment for translators: add `/* Translators: ... */` before the '
              'string (C), comments="..." on it (.ui), or, if its meaning and place are obvious from the '
              'text alone, list it in %s' % (missing, allowlist_path))
    return 1 if missing else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
