#!/usr/bin/python3
# check-no-codes.py — no developer code in any text shown to a user
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-no-codes.py SRC_ROOT RULES.sqlite TITRATE_CLI LOCALEDIR
#
# Scans, for snake_case identifiers (cockcroft_gault_actual_weight) and dotted
# codes (renal.moderate):
#  - the rules database's user-visible texts: every translatable column
#    (src/tools/titrate-rules-texts.h), source citations, pump model names,
#    product names and the database title;
#  - every message of the program: the template xgettext makes from
#    po/POTFILES (msgid and msgid_plural), and every French and German
#    translation in po/*.po;
#  - the user manual's pages (help/C);
#  - titrate-cli's output for every bundled example (data/examples) and
#    teaching scenario (data/scenarios) in English, French and German: the
#    alert and note texts of `check`'s JSON (title, reason, action, trigger,
#    notes, labels), `plan --table`, the printed handout and clinician summary
#    (export --pdf, read back with pdftotext), `scenario`, `selftest`, `drugs`
#    and `rules`. Not the CSV calendar: a data file the program reads back,
#    whose header names and phase values are its keys, not prose.
# JSON keys and values that are a public contract (codes, categories, bases)
# are not prose and are not scanned. Every exception is in ALLOWED below, with
# its reason. Prints each finding with where it was seen.
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import polib

SNAKE = re.compile(r'(?<![\w./%@-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w/])')
DOTTED = re.compile(r'(?<![\w./@-])[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+(?![\w/-])')

# Real words and names that look like codes, and why each is allowed.
ALLOWED = {
    'e.g': 'abbreviation (e.g.)',
    'i.e': 'abbreviation (i.e.)',
    'TITRATE_RULES_DB': 'the environment variable the user set: the message tells them to unset it',
}
# A web site's name (calculators.org) or a file name (plan.titrate) is a name.
WEB_OR_FILE = re.compile(r'^[a-z0-9_.-]+\.(org|com|net|info|gov|eu|uk|de|fr|ch|'
                         r'titrate|csv|ics|pdf|sqlite|json)$')

# Errors about a file the user gave (a .titrate document, a teaching scenario,
# a self-test file, a CSV calendar read back, an institution's rules database)
# name the field as it is written in that file: the contract "bad input gets
# a clear message naming the field". Only program messages may use these
# names, and only as the file spells them; the database's texts and the
# command line's prose about a plan may not. The names are taken from the
# formats themselves (every key of the bundled documents and scenarios, every
# table and column of the rules schema, the keys of its meta table), plus
# the few below that no bundled file holds.
FILE_FIELDS_EXTRA = {
    'serum_creatinine_umol_l': 'document: patient creatinine in µmol/L',
    'dose_mcg': 'document: intrathecal bolus entry',
    'post_implant': 'document: intrathecal phase value',
    'must_alert': 'self-test file key',
    'must_not_alert': 'self-test file key',
    'daily_total_mg': 'CSV calendar header',
    'daily_total_mcg': 'CSV calendar header',
    'synchromed_ii_20': 'document: pump model value',
    'synchromed_ii_40': 'document: pump model value',
    'prometra_20': 'document: pump model value',
    'prometra_ii_20': 'document: pump model value',
    'prometra_ii_40': 'document: pump model value',
}


def file_fields(root, db):
    names = set(FILE_FIELDS_EXTRA)
    for sub in ('data/examples', 'data/scenarios'):
        for f in os.listdir(os.path.join(root, sub)):
            if f.endswith('.titrate'):
                text = open(os.path.join(root, sub, f), encoding='utf-8').read()
                names.update(re.findall(r'"([a-z][a-z0-9_]*)"\s*:', text))
    for table, in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"):
        names.add(table)
        names.update(row[1] for row in db.execute(f'PRAGMA table_info("{table}")'))
    names.update(k for k, in db.execute('SELECT key FROM meta'))
    return names


FILE_FIELDS = set()
# Whole lines of `titrate-cli rules` that name the database's tables: that
# command prints the rows per SQL table for whoever reviews the file, who
# needs the table names as they are in the database.
RULES_TABLE_LINE = re.compile(r'^  [a-z_]+ +\d+$')

# Keys of check/scenario JSON whose string values are prose shown to people.
PROSE_KEYS = {'title', 'reason', 'action', 'trigger', 'label', 'note', 'notes', 'text',
              'topic', 'message', 'summary', 'description', 'detail', 'warning', 'warnings'}


def prose_key(key):
    return key in PROSE_KEYS or key.endswith(('_note', '_label', '_text', '_message'))


findings = []


def is_file_field(word):
    # a name of the file, or a path through it (regimen.protocol.start_dose_mg)
    return all(part in FILE_FIELDS for part in word.split('.'))


def scan(text, where, message=False, mnemonics=False):
    if not text:
        return
    if mnemonics:
        text = re.sub(r'(?<=\w)_(?=\w)', '', text)
    # format directives and markup are not prose
    clean = re.sub(r'%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:l|ll|h|z|j|t|G_GU?INT64_FORMAT)?[a-zA-Z%]', ' ', text)
    clean = re.sub(r'<[^>]+>', ' ', clean)
    clean = re.sub(r'https?://\S+', ' ', clean)
    for rx in (SNAKE, DOTTED):
        for m in rx.finditer(clean):
            word = m.group(0)
            if word in ALLOWED or WEB_OR_FILE.match(word):
                continue
            if message and is_file_field(word):
                continue
            findings.append(f'{where}: “{word}” in “{text.strip()[:120]}”')


def scan_db(db_path, root):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    header = open(os.path.join(root, 'src', 'tools', 'titrate-rules-texts.h'), encoding='utf-8').read()
    columns = re.findall(r'\] = \{ "(\w+)", "(\w+)", "(\w+)"', header)
    if len(columns) < 10:
        sys.exit('cannot read the translatable columns from titrate-rules-texts.h')
    columns += [('source', 'key', 'citation'), ('pump_model', 'code', 'label'),
                ('strength', 'formulation', 'product'), ('meta', 'key', 'value')]
    db = sqlite3.connect(f'file:{db_path}?mode=ro', uri=True)
    n = 0
    for table, key, column in columns:
        where_sql = " WHERE key = 'title'" if table == 'meta' else ''
        for k, text in db.execute(f'SELECT "{key}", "{column}" FROM "{table}"{where_sql}'):
            scan(text, f'rules database {table} {k} {column}')
            n += 1
    print(f'# rules database: {n} texts')


def has_mnemonic(entry):
    # GTK mnemonics: "Ste_p per dose" in a .ui file,
    # or "C_hange Route", "Refill-by _margin" in C (one underscore, inside a
    # capitalised word or opening one: a code is lower-case snake_case)
    return (any(p.startswith('ui/') for p, _ in entry.occurrences)
            or entry.msgid.count('_') == 1
            and re.search(r'(?:^|[\s(])(?:_\w|[A-Z][a-z]*_[a-z])', entry.msgid) is not None)


def scan_messages(root):
    keywords = ['--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
                '--keyword=ngettext:1,2', '--keyword=NC_:1c,2']
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'titrate.pot')
        subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', *keywords,
                        '--directory=' + root, '--files-from=' + os.path.join(root, 'po', 'POTFILES'),
                        '--output=' + pot], check=True)
        n = 0
        for e in polib.pofile(pot):
            ref = e.occurrences[0][0] if e.occurrences else '?'
            rules_text = ref == 'data/rules/rules-strings.c'
            scan(e.msgid, f'message ({ref})', message=not rules_text, mnemonics=has_mnemonic(e))
            scan(e.msgid_plural, f'message ({ref})', message=not rules_text)
            n += 1
        print(f'# template: {n} messages')
    for lang in open(os.path.join(root, 'po', 'LINGUAS')).read().split():
        n = 0
        for e in polib.pofile(os.path.join(root, 'po', lang + '.po')):
            if e.obsolete or 'fuzzy' in e.flags:
                continue
            rules_text = any(p == 'data/rules/rules-strings.c' for p, _ in e.occurrences)
            for s in [e.msgstr, *e.msgstr_plural.values()]:
                scan(s, f'{lang}.po translation of “{e.msgid[:50]}”', message=not rules_text,
                     mnemonics=has_mnemonic(e))
            n += 1
        print(f'# {lang}.po: {n} translations')


def scan_help(root):
    # the user manual (Mallard): the text between the tags
    helpdir = os.path.join(root, 'help', 'C')
    pages = sorted(f for f in os.listdir(helpdir) if f.endswith('.page')) if os.path.isdir(helpdir) else []
    for f in pages:
        text = open(os.path.join(helpdir, f), encoding='utf-8').read()
        text = re.sub(r'<\?xml[^>]*>|<!--.*?-->', ' ', text, flags=re.S)
        for line in re.sub(r'<[^>]+>', ' ', text).splitlines():
            scan(line, f'help/C/{f}')
    print(f'# user manual: {len(pages)} pages')


def walk_json(obj, where, key=None):
    if isinstance(obj, dict):
        for k, v in obj.items():
            walk_json(v, where, k)
    elif isinstance(obj, list):
        for v in obj:
            walk_json(v, where, key)
    elif isinstance(obj, str) and key is not None and prose_key(key):
        scan(obj, f'{where} .{key}')


def run_cli_bytes(cli, env, *args):
    return subprocess.run([cli, *args], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL).stdout


def run_cli(cli, env, *args):
    return subprocess.run([cli, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)


def scan_cli(cli, localedir, root):
    examples = sorted(os.path.join(root, 'data', 'examples', f)
                      for f in os.listdir(os.path.join(root, 'data', 'examples')) if f.endswith('.titrate'))
    scenarios = sorted(os.path.join(root, 'data', 'scenarios', f)
                       for f in os.listdir(os.path.join(root, 'data', 'scenarios')) if f.endswith('.titrate'))
    if not examples:
        sys.exit('no bundled example found')
    pdftotext = shutil.which('pdftotext')
    if pdftotext is None:
        print('# pdftotext not found: the printed handout and summary are not scanned')
    runs = 0
    for lang in ('C.UTF-8', 'fr_FR.UTF-8', 'de_DE.UTF-8'):
        env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE='', TITRATE_LOCALEDIR=localedir)
        for path in examples + scenarios:
            name = f'{lang[:2]} {os.path.basename(path)}'
            out = run_cli(cli, env, 'check', path)
            runs += 1
            if out.returncode != 0 or not out.stdout.strip():
                findings.append(f'{name}: titrate-cli check failed: {out.stderr.strip()[:200]}')
                continue
            walk_json(json.loads(out.stdout), f'{name} check')
            scan(out.stderr, f'{name} check (stderr)')
            out = run_cli(cli, env, 'plan', '--table', path)
            runs += 1
            for line in out.stdout.splitlines() + out.stderr.splitlines():
                scan(line, f'{name} plan --table')
            if path in examples and pdftotext:
                for kind in ('--handout', '--summary'):
                    pdf = run_cli_bytes(cli, env, 'export', '--pdf', '-', kind, path)
                    runs += 1
                    text = subprocess.run([pdftotext, '-', '-'], input=pdf, stdout=subprocess.PIPE).stdout
                    for line in text.decode('utf-8', 'replace').splitlines():
                        scan(line, f'{name} export --pdf {kind}')
        for path in scenarios:
            out = run_cli(cli, env, 'scenario', path)
            runs += 1
            if out.stdout.strip():
                walk_json(json.loads(out.stdout), f'{lang[:2]} {os.path.basename(path)} scenario')
            scan(out.stderr, f'{lang[:2]} {os.path.basename(path)} scenario (stderr)')
        for args in (['selftest'], ['rules'], ['drugs', 'a'], ['drugs', 'o']):
            out = run_cli(cli, env, *args)
            runs += 1
            for line in out.stdout.splitlines() + out.stderr.splitlines():
                if args == ['rules'] and RULES_TABLE_LINE.match(line):
                    continue
                scan(line, f'{lang[:2]} {args[0]}')
    print(f'# titrate-cli: {runs} runs over {len(examples)} examples and {len(scenarios)} scenarios, '
          'in English, French and German')


def main(root, db, cli, localedir):
    FILE_FIELDS.update(file_fields(root, sqlite3.connect(f'file:{db}?mode=ro', uri=True)))
    scan_db(db, root)
    scan_messages(root)
    scan_help(root)
    scan_cli(cli, localedir, root)
    for f in dict.fromkeys(findings):
        print(f)
    print(f'# {len(set(findings))} developer codes in user-visible text')
    return 1 if findings else 0


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit('usage: check-no-codes.py SRC_ROOT RULES.sqlite TITRATE_CLI LOCALEDIR')
    sys.exit(main(*sys.argv[1:]))
