#!/usr/bin/python3
# check-po-units.py FILE.po… — a translation keeps every unit and number of
# its English message: the same count of each dose unit (mg, mcg, mL, and
# never "µg" for mcg) and the same numbers (a decimal point may become a
# decimal comma). A dropped or changed number or unit in an alert, the
# handout or a reminder is a dosing error, so this is checked for every
# catalogue. A translator who writes a number out in words ("neuf
# premières années" for "first 9 years") marks that entry with the translator
# comment "# check-po-units: reviewed".
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import sys

UNITS = ("mg", "mcg", "mL")
UNIT_RE = {u: re.compile(r"(?<![A-Za-zµ])" + u + r"(?![A-Za-z])") for u in UNITS}
NUMBER_RE = re.compile(r"(?<![%$\w])\d+(?:[.,]\d+)?")
# printf directives and strftime formats are checked by msgfmt --check; drop
# them (and positional "%2$s") before counting numbers.
DIRECTIVE_RE = re.compile(r"%(?:\d+\$)?[-+ #0-9.]*[a-zA-Z%]")


def unquote(s):
    return (s[1:-1].replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t")
            .replace("\\\\", "\\"))


def entries(path):
    """(msgid, [msgstr…]) for every translated, non-fuzzy, non-obsolete entry."""
    text = open(path, encoding="utf-8").read()
    for block in text.split("\n\n"):
        lines = [l for l in block.splitlines() if not l.startswith("#~")]
        if any(l.startswith("#,") and "fuzzy" in l for l in lines):
            continue
        if any(l.startswith("# check-po-units: reviewed") for l in lines):
            continue
        fields, cur = {}, None
        for line in lines:
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) (".*")$', line)
            if m:
                cur = m.group(1)
                fields[cur] = unquote(m.group(2))
            elif line.startswith('"') and cur:
                fields[cur] += unquote(line)
        if not fields.get("msgid"):
            continue
        strs = [v for k, v in fields.items() if k.startswith("msgstr") and v]
        if strs:
            yield fields["msgid"], fields.get("msgid_plural"), strs


def numbers(s):
    return sorted(n.replace(",", ".") for n in NUMBER_RE.findall(DIRECTIVE_RE.sub(" ", s)))


def units(s):
    s = DIRECTIVE_RE.sub(" ", s)
    return {u: len(r.findall(s)) for u, r in UNIT_RE.items()}


failed = 0
for path in sys.argv[1:]:
    for msgid, plural, strs in entries(path):
        for i, msgstr in enumerate(strs):
            source = plural if (plural and i > 0) else msgid
            problems = []
            if "µg" in msgstr:
                problems.append("writes µg: keep mcg (ISMP error-prone abbreviation)")
            if units(msgstr) != units(source):
                problems.append(f"units {units(source)} became {units(msgstr)}")
            if numbers(msgstr) != numbers(source):
                problems.append(f"numbers {numbers(source)} became {numbers(msgstr)}")
            for p in problems:
                failed += 1
                print(f"{path}: {msgid[:70]!r}: {p}")
print(f"{failed} problem(s)" if failed else "units and numbers kept in every translation")
sys.exit(1 if failed else 0)
