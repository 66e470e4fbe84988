#!/usr/bin/python3
# check-rules-runtime-translations.py — the program translates each rules text
# with its row's context
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-rules-runtime-translations.py SRC_ROOT RULES.sqlite TITRATE_CLI LOCALEDIR
#
# For every bundled example and scenario, in French and German, every alert
# titrate-cli check raises: its title and action are the catalogue's confirmed
# translation under the context "rule CODE title" / "rule CODE action" (the
# one rules-strings.c gives xgettext), or the English when the catalogue has
# none. A library that looked texts up under another context (or none) shows
# English here, and fails.
import json
import os
import sqlite3
import subprocess
import sys

import polib


def main(root, db_path, cli, localedir):
    db = sqlite3.connect(f'file:{db_path}?mode=ro', uri=True)
    english = {(code, col): text for code, title, action in
               db.execute('SELECT code, title, action FROM rule')
               for col, text in (('title', title), ('action', action))}
    docs = [os.path.join(root, sub, f) for sub in ('data/examples', 'data/scenarios')
            for f in sorted(os.listdir(os.path.join(root, sub))) if f.endswith('.titrate')]
    failed = checked = 0
    for lang, locale in (('fr', 'fr_FR.UTF-8'), ('de', 'de_DE.UTF-8')):
        catalogue = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(os.path.join(root, 'po', lang + '.po'))
                     if not e.obsolete and e.msgctxt and e.msgstr and 'fuzzy' not in e.flags}
        env = dict(os.environ, LANG=locale, LC_ALL=locale, LANGUAGE='', TITRATE_LOCALEDIR=localedir)
        for doc in docs:
            out = subprocess.run([cli, 'check', doc], env=env, stdout=subprocess.PIPE, text=True)
            for alert in json.loads(out.stdout).get('alerts', []):
                for col in ('title', 'action'):
                    en = english.get((alert['code'], col))
                    if en is None or '%' in en:
                        continue  # a text the checker words itself, or fills in
                    want = catalogue.get((f'rule {alert["code"]} {col}', en), en)
                    checked += 1
                    if not alert[col].startswith(want):  # the checker may add a sentence
                        failed += 1
                        print(f'{lang} {os.path.basename(doc)}: rule {alert["code"]} {col}: '
                              f'shows “{alert[col][:70]}”, the catalogue says “{want[:70]}”')
    print(f'# {checked} alert texts checked, {failed} not translated with their row\'s context')
    return 1 if failed or checked == 0 else 0


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit('usage: check-rules-runtime-translations.py SRC_ROOT RULES.sqlite TITRATE_CLI LOCALEDIR')
    sys.exit(main(*sys.argv[1:]))
