#!/usr/bin/python3
# check-bundled-titles.py SRCDIR — every bundled example and teaching
# scenario (data/examples, data/scenarios) opens with its title in the
# user's language: each title is marked for translation in
# src/app/titrate-session.c (bundled_titles, which xgettext reads) and has
# a translation, not fuzzy, in every po/LL.po listed in po/LINGUAS.
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
import glob, json, os, re, sys

root = sys.argv[1]


def catalogue(path):
    """msgid -> (msgstr, fuzzy) for the singular messages without context."""
    entries = {}
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for block in text.split('\n\n'):
        if re.search(r'^msgctxt ', block, re.M) or re.search(r'^msgid_plural ', block, re.M):
            continue
        m = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block, re.M)
        if not m:
            continue
        unquote = lambda s: json.loads('"' + ''.join(re.findall(r'^"(.*)"$', s, re.M)) + '"')
        fuzzy = re.search(r'^#,.*\bfuzzy\b', block, re.M) is not None
        entries[unquote(m.group(1))] = (unquote(m.group(2)), fuzzy)
    return entries


with open(os.path.join(root, 'src', 'app', 'titrate-session.c'), encoding='utf-8') as f:
    marked = {json.loads('"' + m + '"') for m in re.findall(r'\bN_\("((?:[^"\\]|\\.)*)"\)', f.read())}
with open(os.path.join(root, 'po', 'LINGUAS')) as f:
    languages = [w for line in f for w in line.split('#')[0].split()]
catalogues = {lang: catalogue(os.path.join(root, 'po', lang + '.po')) for lang in languages}

failures = []
files = sorted(glob.glob(os.path.join(root, 'data', 'examples', '*.titrate')) +
               glob.glob(os.path.join(root, 'data', 'scenarios', '*.titrate')))
for path in files:
    name = os.path.relpath(path, root)
    with open(path, encoding='utf-8') as f:
        title = json.load(f).get('title')
    if not title:
        failures.append(f'{name}: no title')
        continue
    if title not in marked:
        failures.append(f'{name}: title “{title}” is not marked for translation '
                        '(add it to bundled_titles in src/app/titrate-session.c)')
        continue
    for lang, entries in catalogues.items():
        translation, fuzzy = entries.get(title, ('', False))
        if not translation or fuzzy:
            failures.append(f'{name}: title “{title}” has no {"confirmed " if fuzzy else ""}'
                            f'translation in po/{lang}.po')

print(f'{len(files)} bundled documents, {len(catalogues)} languages')
for failure in failures:
    print(failure)
sys.exit(1 if failures or not files else 0)
