#!/usr/bin/python3
# check-app-libs.py — the desktop app starts without libical (and its ICU)
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-app-libs.py APP MODULE
#
# libical brings ICU (libicuuc, libicui18n, libicudata) with it: about
# 2.5 MiB of memory and their loading at every start, for the reminders
# export only. The app loads its calendar writer, MODULE (titrate-ics.so),
# on the first export instead (src/export/titrate-ics-loader.c). Checks:
# - APP does not list libical among its NEEDED libraries, and the dynamic
#   loader (ldd) loads neither libical nor an ICU library for it, unless
#   that ICU library comes with GTK or libadwaita themselves (then it is the
#   toolkit's, not ours);
# - MODULE needs libical and exports the writer's two functions, so the
#   export still has its writer.
# Exits 77 (skipped) when readelf or ldd is missing.

import os
import re
import shutil
import subprocess
import sys

SKIP = 77


def needed(path):
    out = subprocess.run(['readelf', '-d', path], check=True, capture_output=True, text=True).stdout
    return re.findall(r'\(NEEDED\)\s+Shared library: \[([^\]]+)\]', out)


def loaded(path):
    """{soname: resolved path} of everything the dynamic loader loads for path."""
    out = subprocess.run(['ldd', path], check=True, capture_output=True, text=True).stdout
    libs = {}
    for line in out.splitlines():
        m = re.match(r'\s*(\S+)\s+=>\s+(\S+)', line)
        if m:
            libs[m.group(1)] = m.group(2)
    return libs


def main():
    app, module = sys.argv[1], sys.argv[2]
    if shutil.which('readelf') is None or shutil.which('ldd') is None:
        print('readelf or ldd missing: skipped')
        return SKIP
    failures = []

    direct = needed(app)
    for lib in direct:
        if lib.startswith('libical'):
            failures.append(f'{os.path.basename(app)} links {lib} (NEEDED)')

    libs = loaded(app)
    print(f'{os.path.basename(app)}: {len(libs)} libraries loaded at start')
    toolkit_icu = set()
    for soname, path in libs.items():
        if soname.startswith(('libgtk-4', 'libadwaita-1')) and os.path.exists(path):
            toolkit_icu |= {s for s in loaded(path) if s.startswith('libicu')}
    for soname in sorted(libs):
        if soname.startswith('libical'):
            failures.append(f'{os.path.basename(app)} loads {soname} at start')
        elif soname.startswith('libicu') and soname not in toolkit_icu:
            failures.append(f'{os.path.basename(app)} loads {soname} at start (not through GTK or libadwaita)')
    if toolkit_icu:
        print(f'note: the toolkit itself loads {", ".join(sorted(toolkit_icu))}')

    mod_needed = needed(module)
    if not any(lib.startswith('libical') for lib in mod_needed):
        failures.append(f'{os.path.basename(module)} does not link libical: {mod_needed}')
    out = subprocess.run(['nm', '-D', '--defined-only', module], capture_output=True, text=True).stdout \
        if shutil.which('nm') else None
    if out is not None:
        for symbol in ('titrate_ics_module_abi', 'titrate_ics_module_write'):
            if not re.search(r'\bT ' + symbol + r'$', out, re.M):
                failures.append(f'{os.path.basename(module)} does not export {symbol}')

    for f in failures:
        print('not ok:', f)
    if failures:
        return 1
    print(f'ok: {os.path.basename(app)} starts without libical or ICU; '
          f'{os.path.basename(module)} has the writer ({", ".join(l for l in mod_needed if l.startswith("libical"))})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
