#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Contrast of the colours style.css uses (issue 16), WCAG 2.1.

Every rule of resources/style.css that sets a text colour (color, or an
opacity on text) is checked against the backgrounds that text sits on, in
GTK's normal theme and in its high-contrast theme (GTK_THEME=HighContrast):
at least 4.5:1, or 3:1 for large text (24 px, or 18.7 px bold). Every rule
that colours a mark (the timeline's and the map's dots) or a focus ring is
checked for 3:1 against what is around it.

The theme's own colours (theme_fg_color, theme_bg_color...) are read from
the theme GTK itself ships (the CSS in libgtk-4's resources, extracted with
`gresource`), so the check follows the GTK the app runs with.

Where a text's background is not in its own rule, the "surfaces" table
below says what it sits on (a card, the slides' dark background, a list
row...): each selector is matched against the table in order.

usage: check-contrast.py STYLE_CSS   (TAP output)
"""
import re
import subprocess
import sys

BASE_FONT_PX = 14.67       # Cantarell 11 pt, GTK's default

# ---------------------------------------------------------------- colours


def parse_hex(text):
    text = text.lstrip('#')
    if len(text) == 3:
        text = ''.join(c * 2 for c in text)
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255, 1.0)


NAMED = {'white': (1, 1, 1, 1), 'black': (0, 0, 0, 1), 'transparent': (0, 0, 0, 0)}


def split_args(text):
    depth, start, out = 0, 0, []
    for i, c in enumerate(text):
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
        elif c == ',' and depth == 0:
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return out


def colour(expr, names, current):
    """Evaluates a GTK CSS colour expression to (r, g, b, a)."""
    expr = expr.strip()
    if expr.startswith('#'):
        return parse_hex(expr)
    if expr in NAMED:
        return NAMED[expr]
    if expr == 'currentColor':
        return current
    if expr.startswith('@'):
        return colour(names[expr[1:]], names, current)
    m = re.match(r'(\w+)\((.*)\)$', expr, re.S)
    if not m:
        raise ValueError(f'cannot read the colour “{expr}”')
    func, args = m.group(1), split_args(m.group(2))
    if func == 'alpha':
        r, g, b, a = colour(args[0], names, current)
        return (r, g, b, a * float(args[1]))
    if func == 'mix':
        c1, c2, t = colour(args[0], names, current), colour(args[1], names, current), float(args[2])
        return tuple(c1[i] * (1 - t) + c2[i] * t for i in range(4))
    if func in ('rgb', 'rgba'):
        values = [float(v) for v in args]
        return (values[0] / 255, values[1] / 255, values[2] / 255, values[3] if len(values) > 3 else 1.0)
    if func == 'shade':
        r, g, b, a = colour(args[0], names, current)
        f = float(args[1])
        return (min(1, r * f), min(1, g * f), min(1, b * f), a)
    raise ValueError(f'cannot read the colour “{expr}”')


def over(top, bottom):
    """@top composited over the opaque @bottom."""
    a = top[3]
    return tuple(top[i] * a + bottom[i] * (1 - a) for i in range(3)) + (1.0,)


def luminance(c):
    def channel(v):
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in c[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def hexof(c):
    return '#%02x%02x%02x' % tuple(round(v * 255) for v in c[:3])

# ---------------------------------------------------------------- CSS


def strip_comments(css):
    return re.sub(r'/\*.*?\*/', '', css, flags=re.S)


def defines(css):
    return {m.group(1): m.group(2).strip() for m in re.finditer(r'@define-color\s+([\w-]+)\s+([^;]+);', css)}


def rules(css):
    """(selectors, {property: value}) for each plain rule; @keyframes and
    @media blocks are skipped."""
    css = re.sub(r'@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}', '', css)
    css = re.sub(r'@define-color[^;]*;', '', css)
    out = []
    for m in re.finditer(r'([^{}]+)\{([^{}]*)\}', css):
        selectors = [s.strip() for s in m.group(1).split(',') if s.strip()]
        decls = {}
        for decl in m.group(2).split(';'):
            if ':' in decl:
                prop, value = decl.split(':', 1)
                decls[prop.strip()] = value.strip()
        out.append((selectors, decls))
    return out


def theme_css(name):
    """The CSS of GTK's built-in theme variant @name ("Default-light",
    "Default-hc"), from libgtk-4's resources."""
    libs = subprocess.run(['/sbin/ldconfig', '-p'], capture_output=True, text=True).stdout
    paths = re.findall(r'libgtk-4\.so\.1 \(.*?\) => (\S+)', libs)
    for path in paths:
        got = subprocess.run(['gresource', 'extract', path, f'/org/gtk/libgtk/theme/Default/{name}.css'],
                             capture_output=True, text=True)
        if got.returncode == 0 and got.stdout:
            return got.stdout
    sys.exit(f'Bail out! cannot read GTK’s {name} theme from libgtk-4 (gresource, from libglib2.0-bin)')


# ---------------------------------------------------------------- surfaces

PRESENTATION = ('presentation', 'slide', 'console', 'attract', 'kiosk-countdown', 'jump-label')


def surfaces(selector, names, fg, rule_bg):
    """What text of @selector sits on: [(what, colour)], opaque."""
    window = colour('@theme_bg_color', names, fg)
    view = colour('@theme_base_color', names, fg)
    dark = parse_hex(names['lgsm_presentation_bg']) if 'lgsm_presentation_bg' in names else parse_hex('#1d1a1f')
    if any(word in selector for word in PRESENTATION):
        base = [('the slides', dark)]
    elif 'card' in selector:
        card = over(colour('alpha(currentColor, 0.05)', names, fg), window)
        hover = over(colour('alpha(@lgsm_pink, 0.10)', names, fg), card)
        base = [('a card', card), ('a card under the pointer', hover)]
    elif 'result' in selector:
        selected = over(colour('mix(@theme_selected_bg_color, black, 0.25)', names, fg), view)
        base = [('a selected row', selected)] if ':selected' in selector else [('a list', view)]
    else:
        base = [('the window', window), ('a view', view)]
    if rule_bg is not None:
        base = [(f'its own background on {what}', over(rule_bg, c)) for what, c in base]
    return base


def is_large(decls):
    size = decls.get('font-size', '1em')
    weight = decls.get('font-weight', '400')
    m = re.match(r'([\d.]+)(em|px)', size)
    px = float(m.group(1)) * (BASE_FONT_PX if m.group(2) == 'em' else 1) if m else BASE_FONT_PX
    bold = weight in ('bold', 'bolder') or (weight.isdigit() and int(weight) >= 700)
    return px >= 24 or (bold and px >= 18.66)


def base_of(selector):
    """@selector without its state (:hover, :focus-visible...)."""
    return re.sub(r':(hover|focus-visible|focus-within|focus|active|checked|selected)', '', selector)


def check(style, theme_name, theme, results):
    all_rules = rules(style)
    # a state's rule (a mark under the pointer) keeps what its element's own
    # rules say (its border) unless it says otherwise
    plain = {}
    for selectors, decls in all_rules:
        for selector in selectors:
            if base_of(selector) == selector:
                plain.setdefault(selector, {}).update(decls)
    names = defines(theme)
    names.update(defines(style))
    names.setdefault('lgsm_presentation_bg', '#1d1a1f')
    fg_theme = colour('@theme_fg_color', names, (0, 0, 0, 1))
    for selectors, own in all_rules:
        for selector in selectors:
            decls = dict(plain.get(base_of(selector), {})) if base_of(selector) != selector else {}
            decls.update(own)
            if base_of(selector) != selector:
                # the state's text colour and opacity only if it sets them
                for prop in ('color', 'opacity'):
                    if prop not in own:
                        decls.pop(prop, None)
            selector_fg = fg_theme
            if any(word in selector for word in PRESENTATION):
                selector_fg = parse_hex('#f6efe2')
            if 'result' in selector and ':selected' in selector:
                selector_fg = colour('@theme_selected_fg_color', names, fg_theme)
            bg_expr = decls.get('background-color') or decls.get('background')
            rule_bg = None
            if bg_expr and not bg_expr.startswith(('none', 'url', 'linear', 'radial', 'image')):
                rule_bg = colour(bg_expr, names, selector_fg)
            # text
            if 'color' in decls or ('opacity' in decls and 'picture' not in selector):
                text = colour(decls['color'], names, selector_fg) if 'color' in decls else selector_fg
                alpha = float(decls.get('opacity', '1'))
                need = 3.0 if is_large(decls) else 4.5
                for what, surface in surfaces(selector, names, selector_fg, rule_bg):
                    seen = over((text[0], text[1], text[2], text[3] * alpha), surface)
                    r = ratio(seen, surface)
                    results.append((r >= need, f'{theme_name}: {selector}: text {hexof(seen)} on {what} '
                                               f'{hexof(surface)}: {r:.2f}:1 (needs {need}:1)'))
            # marks and focus rings: 3:1 against what is around them
            if 'mark' in selector or 'outline' in decls:
                around = [('the window', colour('@theme_bg_color', names, fg_theme))]
                if any(word in selector for word in PRESENTATION):
                    around = [('the slides', parse_hex(names['lgsm_presentation_bg']))]
                if 'map' in selector:
                    around = [('the map’s land', parse_hex('#f6efe2')), ('the map’s sea', parse_hex('#6b7c88'))]
                if 'card' in selector or 'recordcard' in selector:
                    around = [('a card', over(colour('alpha(currentColor, 0.05)', names, fg_theme),
                                             colour('@theme_bg_color', names, fg_theme)))]
                parts = []
                if rule_bg is not None and 'mark' in selector:
                    parts.append(('fill', rule_bg))
                border = re.search(r'solid\s+(\S+(?:\([^)]*\))?)', decls.get('border', ''))
                if border and 'mark' in selector:
                    parts.append(('border', colour(border.group(1), names, fg_theme)))
                if 'border-color' in decls and 'mark' in selector:
                    parts.append(('border', colour(decls['border-color'], names, fg_theme)))
                outline = re.search(r'solid\s+(\S+(?:\([^)]*\))?)', decls.get('outline', ''))
                if outline:
                    parts.append(('focus ring', colour(outline.group(1), names, fg_theme)))
                for what, surface in around:
                    if not parts:
                        continue
                    if any(p == 'focus ring' for p, _ in parts):
                        ring = next(c for p, c in parts if p == 'focus ring')
                        r = ratio(over(ring, surface), surface)
                        results.append((r >= 3, f'{theme_name}: {selector}: focus ring {hexof(ring)} on {what}: '
                                                f'{r:.2f}:1 (needs 3:1)'))
                    marks = [(p, c) for p, c in parts if p != 'focus ring']
                    if marks:
                        # a mark stands out if its fill or its border does
                        best = max(ratio(over(c, surface), surface) for _, c in marks)
                        results.append((best >= 3, f'{theme_name}: {selector}: mark on {what}: '
                                                   f'{best:.2f}:1 (needs 3:1)'))


def main():
    style = strip_comments(open(sys.argv[1], encoding='utf-8').read())
    results = []
    for theme_name, variant in (('normal', 'Default-light'), ('high contrast', 'Default-hc')):
        theme = strip_comments(theme_css(variant))
        check(style, theme_name, theme, results)
    print(f'1..{len(results)}')
    failed = 0
    for i, (ok, text) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} {text}')
        failed += not ok
    return 1 if failed else 0


sys.exit(main())
