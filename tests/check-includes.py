#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layers of src/ as the design draws them, checked on every `meson test`.

- No #include cycle among the project's headers (a header may include
  another project header only if that does not lead back to itself).
- The record layer (src/records/) and reading aloud (src/speech/) include
  no GTK or GDK header, directly or through another project header.
- No header of the record layer includes a header of the views or the
  shell, and no view includes the shell's headers.
Prints TAP; exits 1 on any failure.
"""
import os
import re
import sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'src')
include = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)

files = {}      # basename -> (layer, path)
for root, _, names in os.walk(src):
    for name in names:
        if name.endswith(('.c', '.h')):
            layer = os.path.relpath(root, src).split(os.sep)[0]
            files[name] = (layer, os.path.join(root, name))


def includes(name):
    with open(files[name][1], encoding='utf-8') as f:
        return include.findall(f.read())


graph = {name: [i for i in includes(name) if i in files] for name in files}
system = {name: [i for i in includes(name) if i not in files] for name in files}

results = []


def find_cycle():
    state = {}
    stack = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if not nxt.endswith('.h'):
                continue
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for name in sorted(graph):
        if name.endswith('.h') and name not in state:
            found = visit(name)
            if found:
                return found
    return None


cycle = find_cycle()
results.append((cycle is None, 'no #include cycle among the project headers'
                + ('' if cycle is None else ': ' + ' -> '.join(cycle))))


def reach(name, seen=None):
    seen = set() if seen is None else seen
    for nxt in graph[name]:
        if nxt not in seen:
            seen.add(nxt)
            reach(nxt, seen)
    return seen


order = {'records': 0, 'speech': 1, 'gui': 2, 'app': 3, 'tools': 2}
for name in sorted(files):
    layer = files[name][0]
    if layer in ('records', 'speech'):
        reached = {name} | reach(name)
        gtk = sorted(n for n in reached for s in system[n] if s.startswith(('gtk/', 'gdk/', 'gsk/')))
        results.append((not gtk, f'{name} ({layer}, no GTK) reaches no GTK header'
                        + ('' if not gtk else ': through ' + ', '.join(gtk))))
    upward = [i for i in graph[name] if order.get(files[i][0], 0) > order.get(layer, 0)
              and files[i][0] != 'tools']
    results.append((not upward, f'{name} ({layer}) includes nothing from a layer above it'
                    + ('' if not upward else ': ' + ', '.join(upward))))

failed = 0
for n, (ok, text) in enumerate(results, 1):
    print(('ok' if ok else 'not ok'), n, '-', text)
    failed += not ok
print(f'1..{len(results)}')
sys.exit(1 if failed else 0)
