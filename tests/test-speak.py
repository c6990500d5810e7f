#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`lgsm-exhibition --speak` as a curator runs it: real records read aloud
into WAV files in English and Welsh, and its errors (exit codes, messages
that name the record or the path, nothing half-written left behind).

usage: test-speak.py PATH-TO-lgsm-exhibition TESTS-SOURCE-DIR
Prints TAP.
"""
import array
import math
import os
import subprocess
import sys
import tempfile
import wave

app, tests_dir = sys.argv[1], sys.argv[2]
valid_records = os.path.join(tests_dir, 'data', 'valid')
with open(os.path.join(tests_dir, '..', 'po', 'LINGUAS'), encoding='utf-8') as f:
    languages = ['en'] + [w for line in f if not line.startswith('#') for w in line.split()]

results = []


def check(ok, description, detail=''):
    results.append((bool(ok), description, detail))
    return ok


def run(*args):
    p = subprocess.run([app, *args], capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout + p.stderr


def read_wav(path):
    """(seconds, RMS, samples) of a 16-bit mono PCM WAV, or raises."""
    with wave.open(path, 'rb') as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2 or w.getcomptype() != 'NONE':
            raise ValueError(f'{path}: not 16-bit mono PCM')
        rate, frames = w.getframerate(), w.getnframes()
        data = w.readframes(frames)
    samples = array.array('h', data)
    if sys.byteorder == 'big':
        samples.byteswap()
    if len(samples) != frames:
        raise ValueError(f'{path}: {len(samples)} samples, header says {frames}')
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0
    return frames / rate, rms, samples


def spoken_well(path, what, min_seconds):
    try:
        seconds, rms, samples = read_wav(path)
    except Exception as e:  # noqa: BLE001 - report anything wrong with the file
        check(False, f'{what}: a valid WAV file', str(e))
        return None
    check(seconds > min_seconds, f'{what}: longer than {min_seconds} s', f'{seconds:.1f} s')
    # speech, not silence: full scale is 32767
    check(rms > 500, f'{what}: not silence', f'RMS {rms:.0f}')
    return samples


with tempfile.TemporaryDirectory() as tmp:
    # one record in English and in Welsh
    en_path = os.path.join(tmp, 'pits.en.wav')
    cy_path = os.path.join(tmp, 'pits.cy.wav')
    status, out = run('--speak=pits-and-perverts', '--lang=en', '--output=' + en_path)
    check(status == 0, '--speak=ID --lang=en exits 0', out)
    en = spoken_well(en_path, 'English record', 5.0)
    status, out = run('--speak=pits-and-perverts', '--lang=cy', '--output=' + cy_path)
    check(status == 0, '--speak=ID --lang=cy exits 0', out)
    cy = spoken_well(cy_path, 'Welsh record', 5.0)
    check(en is not None and cy is not None and en != cy,
          'the English and the Welsh readings differ')

    # an unknown id: exit 1, the id named, no file
    missing = os.path.join(tmp, 'missing.wav')
    status, out = run('--speak=no-such-record', '--lang=en', '--output=' + missing)
    check(status == 1 and 'no-such-record' in out, 'an unknown id exits 1 naming it', out)
    check(not os.path.exists(missing), 'an unknown id writes no file')

    # unwritable: a folder that does not exist, a folder where the file should go
    nowhere = os.path.join(tmp, 'no-such-folder', 'out.wav')
    status, out = run('--speak=pits-and-perverts', '--lang=en', '--output=' + nowhere)
    check(status == 1 and nowhere in out, 'a missing folder exits 1 naming the path', out)
    taken = os.path.join(tmp, 'taken')
    os.mkdir(taken)
    before = sorted(os.listdir(tmp))
    status, out = run('--speak=pits-and-perverts', '--lang=en', '--output=' + taken)
    check(status == 1 and taken in out, 'a folder in the way exits 1 naming the path', out)
    check(sorted(os.listdir(tmp)) == before and os.path.isdir(taken) and not os.listdir(taken),
          'an unwritable path leaves no partial file', ' '.join(sorted(os.listdir(tmp))))

    # every record of a folder, in English and every translation
    guide = os.path.join(tmp, 'guide')
    status, out = run('--speak=all', '--records=' + valid_records, '--output=' + guide)
    check(status == 0, '--speak=all --output=DIR exits 0', out)
    names = sorted(os.listdir(guide)) if os.path.isdir(guide) else []
    ids = sorted({n.split('.')[0] for n in names})
    expected = sorted(f'{i}.{lang}.wav' for i in ids for lang in languages)
    check(len(ids) == 7 and names == expected,
          f'--speak=all: one file per record per language ({", ".join(languages)})', ' '.join(names))
    for name in names:
        try:
            seconds, rms, _ = read_wav(os.path.join(guide, name))
            ok = seconds > 1 and rms > 500
        except Exception as e:  # noqa: BLE001
            ok, seconds, rms = False, 0, str(e)
        if not ok:
            check(False, f'--speak=all: {name} is speech', f'{seconds} s, RMS {rms}')
            break
    else:
        check(bool(names), '--speak=all: every file is speech')

    # a file where the folder should be
    blocker = os.path.join(tmp, 'a-file')
    open(blocker, 'w').close()
    status, out = run('--speak=all', '--records=' + valid_records, '--lang=en', '--output=' + blocker)
    check(status == 1 and blocker in out, '--speak=all with a file in the way exits 1 naming it', out)

    # usage
    status, out = run('--speak=pits-and-perverts')
    check(status == 1 and '--output' in out, '--speak without --output exits 1 and says so', out)
    status, out = run('--output=' + os.path.join(tmp, 'x.wav'))
    check(status == 2 and '--speak' in out, '--output without --speak is a usage error', out)

for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if detail and (not ok or os.environ.get('VERBOSE')):
        for line in str(detail).splitlines():
            print(f'# {line}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
