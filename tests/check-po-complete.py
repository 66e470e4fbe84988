#!/usr/bin/python3
# check-po-complete.py MSGFMT FILE.po… — fails unless every catalogue passes
# `msgfmt --check` with no untranslated and no fuzzy message.
#
# msgfmt --statistics prints e.g.
#   "1112 translated messages."
#   "1100 translated messages, 4 fuzzy translations, 8 untranslated messages."
import os, re, subprocess, sys

if len(sys.argv) < 3:
    sys.exit('usage: check-po-complete.py MSGFMT FILE.po...')
msgfmt = sys.argv[1]
env = dict(os.environ, LC_ALL='C', LANGUAGE='C')  # untranslated statistics line
failed = False
for po in sys.argv[2:]:
    name = os.path.basename(po)
    run = subprocess.run([msgfmt, '--check', '--statistics', '-o', os.devnull, po],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = run.stdout.strip()
    stats = re.search(r'(\d+) translated messages?(?:, (\d+) fuzzy translations?)?'
                      r'(?:, (\d+) untranslated messages?)?\.', out)
    if run.returncode != 0 or stats is None:
        print(f'{name}: msgfmt --check failed:\n{out}')
        failed = True
        continue
    translated = int(stats.group(1))
    fuzzy = int(stats.group(2) or 0)
    untranslated = int(stats.group(3) or 0)
    if fuzzy or untranslated or translated == 0:
        print(f'{name}: {translated} translated, {fuzzy} fuzzy, {untranslated} untranslated: '
              'translate every message and clear every fuzzy flag')
        failed = True
    else:
        print(f'{name}: {translated} translated, complete')
sys.exit(1 if failed else 0)
