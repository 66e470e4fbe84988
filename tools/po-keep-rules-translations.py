#!/usr/bin/python3
# po-keep-rules-translations.py — no translation of a rules-database text is lost
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: po-keep-rules-translations.py [--from OLD.po] FILE.po…
#        (after msgmerge; edits FILE.po in place)
#
# The rules database's texts reach the catalogues through
# data/rules/rules-strings.c, each with the context "TABLE KEY COLUMN" of its
# row. msgmerge keeps the old translation of an edited text as fuzzy when the
# new English is close to the old; this script covers what msgmerge leaves
# untranslated:
#  - a text rewritten beyond msgmerge's similarity threshold: its row's old
#    translation is in the catalogue as obsolete (#~) under the same context.
#    It is restored as fuzzy, with the old English as "#| msgid", so it shows
#    as "needs re-translation" and is never used until a translator confirms it;
#  - a row whose key was renamed (rule code, id), English unchanged: the
#    translation of the old row is restored the same way, fuzzy, with the old
#    context as "#| msgctxt";
#  - with --from OLD.po (the catalogue as it was before the contexts, keyed on
#    the English alone): a text whose exact English OLD.po translated, without
#    a context, gets that translation, confirmed, since the English is the
#    same and the program showed exactly that translation. (This moved the
#    catalogues to the contexts once; without --from, a confirmed translation
#    is never invented: an entry msgmerge guessed stays fuzzy.)
# Obsolete entries whose translation was moved are dropped. Prints what it did.
import sys

import polib

RULES_STRINGS = 'data/rules/rules-strings.c'


def from_rules(entry):
    return any(path == RULES_STRINGS for path, _line in entry.occurrences)


def confirmed(e):
    return not e.msgid_plural and e.msgstr and 'fuzzy' not in e.flags


def main(paths, old_paths):
    plain = {}            # msgid -> entry of an OLD.po, confirmed, without context
    for old_path in old_paths:
        for e in polib.pofile(old_path):
            if confirmed(e) and not e.obsolete and e.msgctxt is None:
                plain.setdefault(e.msgid, e)
    for path in paths:
        po = polib.pofile(path)  # saved with polib's wrapping, as the catalogues are
        obsolete = {}     # msgctxt -> obsolete entry with a context
        moved = {}        # msgid -> obsolete entry with a context
        for e in po:
            if confirmed(e) and e.obsolete and e.msgctxt is not None:
                obsolete.setdefault(e.msgctxt, e)
                moved.setdefault(e.msgid, e)
        reused = restored = 0
        used = set()
        for e in po:
            if e.obsolete or not from_rules(e) or e.msgctxt is None:
                continue
            if e.msgstr and 'fuzzy' not in e.flags:
                continue
            old = plain.get(e.msgid)
            if old is not None:
                e.msgstr = old.msgstr
                if 'fuzzy' in e.flags:
                    e.flags.remove('fuzzy')
                e.previous_msgid = e.previous_msgctxt = None
                reused += 1
                continue
            old = obsolete.get(e.msgctxt)
            if old is not None and not e.msgstr:
                e.msgstr = old.msgstr
                if 'fuzzy' not in e.flags:
                    e.flags.append('fuzzy')
                e.previous_msgid = old.msgid
                e.previous_msgctxt = None
                used.add(id(old))
                restored += 1
                print(f'{path}: {e.msgctxt}: English rewritten, old translation kept as fuzzy')
                continue
            old = moved.get(e.msgid)
            if old is not None and not e.msgstr:
                e.msgstr = old.msgstr
                if 'fuzzy' not in e.flags:
                    e.flags.append('fuzzy')
                e.previous_msgctxt = old.msgctxt
                e.previous_msgid = old.msgid
                used.add(id(old))
                restored += 1
                print(f'{path}: {e.msgctxt}: same English as the old {old.msgctxt}, its translation kept as fuzzy')
        # a context whose obsolete translation now lives in an active entry of the
        # same context is gone for good
        active_ctx = {e.msgctxt for e in po if not e.obsolete and e.msgctxt is not None and e.msgstr}
        for e in list(po):
            if e.obsolete and (id(e) in used or
                               (e.msgctxt is not None and e.msgctxt in active_ctx)):
                po.remove(e)
        po.save(path)
        if old_paths:
            print(f'{path}: {reused} rules texts given their translation of the same English')
        print(f'{path}: {restored} rewritten rules texts keep their old translation as fuzzy')
    return 0


if __name__ == '__main__':
    args = sys.argv[1:]
    old = []
    while len(args) >= 2 and args[0] == '--from':
        old.append(args[1])
        args = args[2:]
    if not args or any(a.startswith('-') for a in args):
        sys.exit('usage: po-keep-rules-translations.py [--from OLD.po] FILE.po...')
    sys.exit(main(args, old))
