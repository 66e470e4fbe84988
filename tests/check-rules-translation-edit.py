#!/usr/bin/python3
# check-rules-translation-edit.py — an edited rules text keeps its translation, as fuzzy
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-rules-translation-edit.py COMPILER FILE.po SQL…
#
# On a temporary copy of the SQL sources, as a contributor would:
#  1. the unedited SQL: the rows FILE.po already translates (the others are
#     left out: rules-translations-LL fails for them);
#  2. one rule title gets a small edit, one counselling text is rewritten
#     completely, another counselling row is renumbered; the strings are regenerated, a template made with xgettext and
#     FILE.po merged as tools/update-translations.sh does (msgmerge --previous,
#     then tools/po-keep-rules-translations.py);
#  3. the edited rows keep their old translation, marked fuzzy with the old
#     English as the previous msgid, the renumbered one its old row's, fuzzy;
#     no other rules text loses its translation;
#  4. check-rules-translations.py fails and names exactly those rows;
#  5. the compiled catalogue does not hold the fuzzy translations (the
#     prescriber sees the new English, never a translation of the old one).
import os
import re
import shutil
import subprocess
import sys
import tempfile

import polib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHECK = os.path.join(HERE, 'check-rules-translations.py')
KEEP = os.path.join(ROOT, 'tools', 'po-keep-rules-translations.py')
sys.path.insert(0, HERE)
import importlib.util  # noqa: E402
spec = importlib.util.spec_from_file_location('check_rules_translations', CHECK)
crt = importlib.util.module_from_spec(spec)
spec.loader.exec_module(crt)

failures = 0


def ok(cond, what):
    global failures
    print(('ok - ' if cond else 'not ok - ') + what)
    if not cond:
        failures += 1


def run(*args, **kw):
    return subprocess.run(list(args), check=True, **kw)


def strings(compiler, sql, work, name):
    db = os.path.join(work, name + '.sqlite')
    out_dir = os.path.join(work, name, 'data', 'rules')
    os.makedirs(out_dir)
    out = os.path.join(out_dir, 'rules-strings.c')
    run(compiler, db, *sql)
    run(compiler, '--strings', out, db)
    return os.path.join(work, name), out


def sql_literal(text):
    return "'" + text.replace("'", "''") + "'"


def main(compiler, po_path, sql_paths):
    work = tempfile.mkdtemp(prefix='titrate-edit-')
    try:
        sql = []
        for p in sql_paths:
            dst = os.path.join(work, os.path.basename(p))
            shutil.copyfile(p, dst)
            sql.append(dst)

        _, orig_strings = strings(compiler, sql, work, 'orig')
        texts = crt.read_strings(orig_strings)
        # rows the catalogue does not translate yet (new SQL merged, translators
        # not done: rules-translations-LL says so); the proof uses the others
        before = subprocess.run([sys.executable, CHECK, orig_strings, po_path],
                                stdout=subprocess.PIPE, text=True).stdout
        before_bad = set(re.findall(r'^.*?: (\S+ \S+ \S+): ', before, re.M))
        print(f'# {len(before_bad)} rules texts untranslated or fuzzy before the edit')
        texts_ok = [(c, t) for c, t in texts if c not in before_bad]
        ok(len(texts_ok) > 0, 'the catalogue translates rules texts')

        # pick texts that appear exactly once in the SQL, as a contributor edits them
        sources = {p: open(p, encoding='utf-8').read() for p in sql}

        def once(text):
            lit = sql_literal(text)
            hits = [p for p, s in sources.items() if s.count(lit) == 1]
            return hits[0] if len(hits) == 1 and sum(s.count(lit) for s in sources.values()) == 1 else None

        small = next((c, t) for c, t in texts_ok
                     if re.match(r'rule \S+ title$', c) and len(t) > 25 and once(t))
        rewrite = next((c, t) for c, t in texts_ok
                       if re.match(r'counselling \d+ text$', c) and once(t))
        small_new = small[1] + ', and check again'
        rewrite_new = 'Completely new wording: keep the card with you.'
        for (ctx, old), new in ((small, small_new), (rewrite, rewrite_new)):
            path = once(old)
            sources[path] = sources[path].replace(sql_literal(old), sql_literal(new))
            with open(path, 'w', encoding='utf-8') as f:
                f.write(sources[path])
        # a renumbered row (same English): counselling id N becomes 9000 + N
        topics = dict(texts)
        renumbered = next(c.split()[1] for c, t in texts_ok
                          if re.match(r'counselling \d+ topic$', c) and c.split()[1] != rewrite[0].split()[1]
                          and f'counselling {c.split()[1]} text' not in before_bad)
        new_id = str(9000 + int(renumbered))
        row_start = f"('baclofen', {renumbered}, {sql_literal(topics[f'counselling {renumbered} topic'])}"
        hits = [p for p, text in sources.items() if row_start in text]
        ok(len(hits) == 1, f'counselling row {renumbered} found in the SQL')
        sources[hits[0]] = sources[hits[0]].replace(row_start, row_start.replace(f', {renumbered}, ', f', {new_id}, ', 1))
        with open(hits[0], 'w', encoding='utf-8') as f:
            f.write(sources[hits[0]])
        print(f'# edited {small[0]}: {small[1]!r} -> {small_new!r}')
        print(f'# renumbered counselling {renumbered} as {new_id}')
        print(f'# rewrote {rewrite[0]}')

        edit_root, edit_strings = strings(compiler, sql, work, 'edit')
        pot = os.path.join(work, 'edit.pot')
        run('xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=NC_:1c,2',
            '--directory=' + edit_root, '--output=' + pot, 'data/rules/rules-strings.c')
        merged = os.path.join(work, 'merged.po')
        run('msgmerge', '--quiet', '--previous', '--output-file=' + merged, po_path, pot)
        before_keep = {e.msgctxt: e for e in polib.pofile(merged) if not e.obsolete and e.msgctxt}
        ok(not before_keep[rewrite[0]].msgstr,
           f'{rewrite[0]}: msgmerge alone leaves the rewritten text untranslated (old one obsolete)')
        run(sys.executable, KEEP, merged, stdout=subprocess.DEVNULL)

        old_po = polib.pofile(po_path)
        new_po = polib.pofile(merged)
        old_tr = {(e.msgctxt, e.msgid): e.msgstr for e in old_po if not e.obsolete and e.msgctxt}
        entry = {(e.msgctxt): e for e in new_po if not e.obsolete and e.msgctxt}
        for (ctx, old), new in ((small, small_new), (rewrite, rewrite_new)):
            e = entry.get(ctx)
            ok(e is not None and e.msgid == new, f'{ctx}: the catalogue holds the new English')
            ok(e is not None and 'fuzzy' in e.flags and e.msgstr == old_tr[(ctx, old)],
               f'{ctx}: the old translation is kept, marked fuzzy')
            ok(e is not None and e.previous_msgid == old,
               f'{ctx}: the old English is shown to the translator (#| msgid)')
        for column in ('topic', 'text'):
            old_ctx, ctx = f'counselling {renumbered} {column}', f'counselling {new_id} {column}'
            e = entry.get(ctx)
            en = topics[old_ctx]
            ok(e is not None and e.msgid == en and 'fuzzy' in e.flags and e.msgstr == old_tr[(old_ctx, en)]
               and e.previous_msgctxt == old_ctx,
               f'{ctx} (renumbered from {renumbered}): the old row’s translation is kept, fuzzy')
        moved = {f'counselling {renumbered} topic', f'counselling {renumbered} text'}
        lost = [c for c, t in texts_ok
                if c not in (small[0], rewrite[0]) and c not in moved
                and not (entry.get(c) and entry[c].msgstr == old_tr.get((c, t)) and 'fuzzy' not in entry[c].flags)]
        ok(not lost, f'no other rules text lost its translation ({len(lost)} lost)')

        check = subprocess.run([sys.executable, CHECK, edit_strings, merged],
                               stdout=subprocess.PIPE, text=True)
        flagged = [line for line in check.stdout.splitlines() if 'needs re-translation' in line
                   or 'needs confirmation' in line]
        print('# ' + '\n# '.join(flagged))
        ok(check.returncode == 1, 'the check fails')
        newly = {m for line in flagged for m in re.findall(r'^.*?: (\S+ \S+ \S+): ', line)} - before_bad
        ok(newly == {small[0], rewrite[0], f'counselling {new_id} topic', f'counselling {new_id} text'},
           'the check names exactly the edited and renumbered rows as needing re-translation')

        mo = os.path.join(work, 'merged.mo')
        run('msgfmt', '--output-file=' + mo, merged)
        shown = polib.mofile(mo)
        ok(not any(e.msgctxt in (small[0], rewrite[0]) for e in shown),
           'the compiled catalogue holds no translation for the edited rows (English shown)')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == '__main__':
    if len(sys.argv) < 4:
        sys.exit('usage: check-rules-translation-edit.py COMPILER FILE.po SQL...')
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
