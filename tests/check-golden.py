#!/usr/bin/python3
# check-golden.py CLI SRCDIR [--update]
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# titrate-cli's JSON output is a public contract: every JSON-producing
# command (check, plan, scenario) run on every bundled example and teaching
# scenario must print exactly tests/golden/COMMAND/NAME.json, byte for byte.
# The output is pinned by running with TZ=UTC and LC_ALL=C.UTF-8 (untranslated
# text, C number format), the embedded rules database and no other option;
# none of these commands reads today's date.
#
# A deliberate change (a rule text edited in data/rules/) is recorded with
#   /usr/bin/python3 tests/check-golden.py _build/src/cli/titrate-cli . --update
# and the diff of tests/golden/ reviewed like any other change.
import difflib, glob, os, subprocess, sys

cli, root = sys.argv[1], sys.argv[2]
update = '--update' in sys.argv[3:]

env = dict(os.environ)
env.update({'TZ': 'UTC', 'LC_ALL': 'C.UTF-8', 'LANGUAGE': ''})
env.pop('TITRATE_LOCALEDIR', None)

examples = sorted(glob.glob(os.path.join(root, 'data', 'examples', '*.titrate')))
scenarios = sorted(glob.glob(os.path.join(root, 'data', 'scenarios', '*.titrate')))
runs = []
for path in examples + scenarios:
    runs.append(('check', path))
    runs.append(('plan', path))
for path in scenarios:
    runs.append(('scenario', path))

failed = 0
for command, path in runs:
    name = os.path.splitext(os.path.basename(path))[0]
    golden = os.path.join(root, 'tests', 'golden', command, name + '.json')
    proc = subprocess.run([cli, command, path], env=env, capture_output=True)
    if proc.returncode != 0:
        print(f'FAIL {command} {name}: exit status {proc.returncode}\n{proc.stderr.decode(errors="replace")}')
        failed += 1
        continue
    if update:
        os.makedirs(os.path.dirname(golden), exist_ok=True)
        with open(golden, 'wb') as f:
            f.write(proc.stdout)
        continue
    try:
        with open(golden, 'rb') as f:
            expected = f.read()
    except OSError as e:
        print(f'FAIL {command} {name}: no golden file: {e}')
        failed += 1
        continue
    if proc.stdout != expected:
        diff = difflib.unified_diff(expected.decode(errors='replace').splitlines(True),
                                    proc.stdout.decode(errors='replace').splitlines(True),
                                    golden, f'titrate-cli {command} {os.path.relpath(path, root)}')
        print(f'FAIL {command} {name}: output differs from the golden file')
        sys.stdout.writelines(diff)
        failed += 1
    else:
        print(f'ok {command} {name}')

if update:
    print(f'{len(runs) - failed} golden files written, {failed} failed')
else:
    print(f'{len(runs) - failed} of {len(runs)} outputs match their golden files')
sys.exit(1 if failed else 0)
