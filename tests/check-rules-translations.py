#!/usr/bin/python3
# check-rules-translations.py — every rules-database text has a confirmed translation
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-rules-translations.py RULES-STRINGS.c FILE.po…
#
# RULES-STRINGS.c is what the SQL sources generate now (titrate-rulesdb-compile
# --strings): one NC_("TABLE KEY COLUMN", "English") per user-visible text.
# Fails, naming the row, for every text a catalogue does not translate with a
# confirmed (not fuzzy) translation under that context and that exact English:
#  - "needs re-translation": the English changed and the catalogue holds the
#    old translation as fuzzy (msgmerge, tools/po-keep-rules-translations.py);
#  - "needs confirmation": a row renamed (its key), same English, holds the
#    old row's translation as fuzzy;
#  - "not merged": the catalogue has no entry for the text's current English
#    (run tools/update-translations.sh);
#  - "not translated": a new text.
# A fuzzy translation is never shown, so until a translator confirms it the
# prescriber sees the current English, never a translation of an old text.
import re
import sys

import polib

CALL = re.compile(r'^NC_\("((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\);$')


def unescape(s):
    return re.sub(r'\\(.)', lambda m: '\n' if m.group(1) == 'n' else m.group(1), s)


def read_strings(path):
    texts = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = CALL.match(line.rstrip('\n'))
            if m:
                texts.append((unescape(m.group(1)), unescape(m.group(2))))
            elif line.startswith('NC_('):
                sys.exit(f'{path}: cannot read {line.strip()!r}')
    if not texts:
        sys.exit(f'{path}: no NC_() text found')
    return texts


def main(strings_path, po_paths):
    texts = read_strings(strings_path)
    failed = 0
    for path in po_paths:
        po = polib.pofile(path)
        by_ctx = {}
        for e in po:
            if not e.obsolete and e.msgctxt is not None:
                by_ctx.setdefault(e.msgctxt, []).append(e)
        bad = 0
        for ctx, english in texts:
            entries = by_ctx.get(ctx, [])
            e = next((x for x in entries if x.msgid == english), None)
            if e is not None and e.msgstr and 'fuzzy' not in e.flags:
                continue
            if e is None:
                why = 'not merged into the catalogue (its English is new or changed)'
            elif not e.msgstr:
                why = 'not translated'
            elif e.previous_msgctxt and e.previous_msgctxt != ctx and e.previous_msgid == english:
                why = f'needs confirmation: the translation of the renamed row {e.previous_msgctxt}'
            elif e.previous_msgid:
                why = f'needs re-translation: the English changed (was “{e.previous_msgid[:60]}…”)'
            else:
                why = 'needs re-translation (fuzzy)'
            print(f'{path}: {ctx}: {why}')
            bad += 1
        print(f'{path}: {len(texts) - bad} of {len(texts)} rules-database texts translated')
        failed += bad
    return 1 if failed else 0


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit('usage: check-rules-translations.py RULES-STRINGS.c FILE.po...')
    sys.exit(main(sys.argv[1], sys.argv[2:]))
