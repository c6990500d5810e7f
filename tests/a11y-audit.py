#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Accessibility audit (issue 16): what a screen reader finds.

Starts the real app with the accessibility bridge on (under
dbus-run-session, which starts the accessibility bus), goes where a visitor
goes -- every tab, the tabs as a menu on a narrow window, search results, a
record, the slides, the presenter console, the main menu, and each dialog
(lesson paths, problems, keyboard shortcuts, about) -- and walks the AT-SPI
tree each time, as Orca sees it. It fails on any object a visitor can act
on (a button, toggle, menu button, link, list item, cell, check box, menu
item, tab, entry...) that has no name, or whose name is a toolkit class
name such as "GtkButton" (what GTK says when nothing names a widget).
Cards and search results must read "title, date", with the summary as
their description.

usage: a11y-audit.py APP RECORDS_WITH_A_PROBLEM_DIR
"""
import os
import re
import subprocess
import sys
import time

import pyatspi

APP, PROBLEMS_DIR = sys.argv[1], sys.argv[2]

ACTIONABLE = {
    'push button', 'toggle button', 'check box', 'radio button', 'link', 'list item',
    'table cell', 'menu item', 'check menu item', 'radio menu item', 'page tab', 'combo box',
    'spin button', 'slider', 'entry', 'text', 'password text', 'menu', 'tree item',
}
NOT_CONTROLS = {'scroll bar', 'filler', 'label', 'static', 'panel', 'image', 'heading', 'frame',
                'window', 'dialog', 'status bar', 'separator', 'scroll pane', 'viewport'}
CLASS_NAME = re.compile(r'^(Gtk|Gdk|Adw|Lgsm|G)[A-Z][A-Za-z0-9]*$')

failures = []
visited = {}


def log(*args):
    print(*args, flush=True)


def key(*keys):
    subprocess.run(['xdotool', 'key', '--delay', '60'] + list(keys), check=True)
    time.sleep(0.8)


def type_text(text):
    subprocess.run(['xdotool', 'type', '--delay', '40', text], check=True)
    time.sleep(1.2)


def start(*args):
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)     # the bridge is what is tested
    env['GTK_A11Y'] = 'atspi'
    proc = subprocess.Popen([APP] + list(args), env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.3)
        try:
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and app.name == 'lgsm-exhibition' and app.childCount > 0:
                    time.sleep(2)      # the first frame, and the other tabs built after it
                    return proc, app
        except Exception:
            pass
    proc.kill()
    sys.exit('the app did not show up on the accessibility bus in 60 s')


def role(obj):
    try:
        return obj.getRoleName()
    except Exception:
        return '?'


def is_control(obj, r):
    if r in ('text', 'entry', 'password text'):
        # text a visitor can type in; text only to read is not a control
        try:
            return obj.getState().contains(pyatspi.STATE_EDITABLE)
        except Exception:
            return False
    if r in ACTIONABLE:
        return True
    if r in NOT_CONTROLS:
        return False
    try:
        return obj.queryAction().nActions > 0
    except Exception:
        return False


def walk(obj, context, path, depth=0):
    if obj is None or depth > 60:
        return
    r = role(obj)
    try:
        name = obj.name or ''
        states = obj.getState()
    except Exception:
        return
    if states.contains(pyatspi.STATE_DEFUNCT):
        return
    here = path + ' > ' + r + (f' “{name[:40]}”' if name else '')
    if is_control(obj, r):
        visited[context] = visited.get(context, 0) + 1
        if not name.strip():
            failures.append(f'{context}: {here}: no name')
        elif CLASS_NAME.match(name.strip()):
            failures.append(f'{context}: {here}: named after its class')
    try:
        children = list(obj)
    except Exception:
        children = []
    for child in children:
        walk(child, context, here, depth + 1)


def frames(app):
    out = []
    try:
        for child in app:
            if child is not None:
                out.append(child)
    except Exception:
        pass
    return out


def audit(app, context):
    before = len(failures)
    for frame in frames(app):
        walk(frame, context, role(frame) + f' “{frame.name}”')
    names = ', '.join(f'“{f.name}”' for f in frames(app))
    log(f'# {context}: {visited.get(context, 0)} controls, {len(failures) - before} problems; windows {names}')


def find(root, predicate):
    if root is None:
        return None
    try:
        if predicate(root):
            return root
        for child in root:
            found = find(child, predicate)
            if found is not None:
                return found
    except Exception:
        pass
    return None


def find_in_app(app, predicate):
    for frame in frames(app):
        found = find(frame, predicate)
        if found is not None:
            return found
    return None


def actions_of(obj):
    try:
        action = obj.queryAction()
        return action if action.nActions > 0 else None
    except Exception:
        return None


def click(obj):
    """Does what a screen reader's "activate" does, on @obj or (a menu
    button) the button inside it."""
    target = obj if actions_of(obj) else find(obj, lambda o: actions_of(o) is not None)
    if target is None:
        failures.append(f'“{obj.name}” cannot be activated')
        return
    action = actions_of(target)
    names = [action.getName(i) for i in range(action.nActions)]
    index = next((i for i, n in enumerate(names) if n in ('click', 'activate', 'press')), 0)
    action.doAction(index)
    time.sleep(1.0)


def wait_for(app, predicate, what, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = find_in_app(app, predicate)
        if found is not None:
            return found
        time.sleep(0.3)
    failures.append(f'could not find {what}')
    log(f'# could not find {what}')
    return None


def named(r, name):
    return lambda o: role(o) == r and (o.name or '') == name


def close_frame(app, title_part):
    frame = next((f for f in frames(app) if title_part in (f.name or '')), None)
    if frame is None:
        return
    button = find(frame, lambda o: role(o) == 'push button' and (o.name or '') in ('Close', '_Close'))
    if button is not None:
        click(button)
    else:
        key('Escape')


def check_card_names(app):
    """Cards: "title, date" as their name, the summary as description."""
    cells = []

    def collect(o):
        if role(o) in ('table cell', 'list item') and (o.name or '') and ', ' in o.name:
            cells.append(o)
        return False
    for frame in frames(app):
        find(frame, lambda o: collect(o))
    if not cells:
        failures.append('no card reads "title, date"')
    for cell in cells[:40]:
        if not (cell.description or '').strip():
            failures.append(f'card “{cell.name}” has no description (its summary)')
    log(f'# cards read as "title, date": {len(cells)}')


def main():
    proc, app = start('--section=history')
    try:
        frame = frames(app)[0]
        # every tab, clicked as a screen reader user would
        tabs = []
        find(frame, lambda o: role(o) == 'page tab' and tabs.append(o) and False)
        if len(tabs) < 4:
            failures.append(f'{len(tabs)} tabs found, not 4')
        for tab in tabs:
            click(tab)
            audit(app, f'tab “{tab.name}”')
        check_card_names(app)

        # the main menu
        menu = wait_for(app, lambda o: role(o) in ('push button', 'toggle button') and (o.name or '') == 'Main Menu',
                        'the main menu button')
        if menu is not None:
            click(menu)
            audit(app, 'main menu')
            key('Escape')

        # search results, then a record opened from them
        key('ctrl+f')
        type_text('miners')
        audit(app, 'search results')
        results = wait_for(app, lambda o: role(o) in ('list item', 'table cell') and ', ' in (o.name or ''),
                           'a search result read as "title, date"')
        if results is not None and not (results.description or '').strip():
            failures.append(f'search result “{results.name}” has no description')
        key('Return')
        wait_for(app, lambda o: role(o) == 'heading' and (o.name or '') != '', 'the record page heading')
        audit(app, 'record page')

        # the slides and the presenter console
        key('Escape')            # close the search: back to the tab
        key('F5')
        wait_for(app, lambda o: role(o) == 'frame' and 'LGSM' not in (o.name or '') and o.childCount > 0,
                 'the slides', 10)
        time.sleep(1.5)
        audit(app, 'slides')
        key('c')
        time.sleep(1.0)
        audit(app, 'presenter console')
        key('c')
        key('Escape')
        time.sleep(1.0)

        # a narrow window: the tabs become a menu button
        subprocess.run(['xdotool', 'search', '--name', 'LGSM Exhibition', 'windowsize', '%@', '360', '640'])
        time.sleep(1.5)
        audit(app, 'narrow window')
        if find_in_app(app, lambda o: (o.name or '').startswith('Sections: ')) is None:
            failures.append('narrow window: no menu of sections named "Sections: …"')
        subprocess.run(['xdotool', 'search', '--name', 'LGSM Exhibition', 'windowsize', '%@', '1200', '800'])
        time.sleep(1.0)

        # the dialogs
        key('ctrl+l')
        wait_for(app, lambda o: role(o) in ('frame', 'dialog', 'window') and 'Lesson' in (o.name or ''), 'the lesson paths')
        audit(app, 'lesson paths')
        close_frame(app, 'Lesson')

        key('ctrl+question')
        time.sleep(1.0)
        audit(app, 'keyboard shortcuts')
        close_frame(app, 'Shortcuts')

        menu = find_in_app(app, lambda o: role(o) in ('push button', 'toggle button') and (o.name or '') == 'Main Menu')
        if menu is not None:
            click(menu)
            about = wait_for(app, lambda o: (o.name or '').startswith('About LGSM') and role(o) == 'menu item',
                             'the About menu item')
            if about is not None:
                click(about)
                time.sleep(1.5)
                audit(app, 'about')
                close_frame(app, 'About')
    finally:
        proc.terminate()
        proc.wait(10)

    # the problems dialog, with a folder that has a problem
    proc, app = start('--records=' + PROBLEMS_DIR, '--section=history')
    try:
        button = wait_for(app, named('push button', 'Show Problems'), 'the Show Problems button')
        if button is not None:
            click(button)
            time.sleep(1.0)
            audit(app, 'problems')
    finally:
        proc.terminate()
        proc.wait(10)

    for context, minimum in (('search results', 5), ('record page', 5), ('slides', 0), ('about', 1),
                             ('keyboard shortcuts', 1), ('lesson paths', 3), ('problems', 1),
                             ('narrow window', 5), ('main menu', 5)):
        if visited.get(context, 0) < minimum:
            failures.append(f'{context}: only {visited.get(context, 0)} controls seen: the audit did not get there')
    if failures:
        log('\n'.join(failures))
        sys.exit(f'{len(failures)} accessibility problems')
    log(f'all {sum(visited.values())} controls named')


main()
