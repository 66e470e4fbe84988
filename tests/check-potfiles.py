#!/usr/bin/python3
# check-potfiles.py SRCDIR — fails when a file with translatable strings is
# missing from po/POTFILES, or POTFILES names a file that does not exist.
import os, re, sys

root = sys.argv[1]
markers = {
    '.c': re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"'),
    '.ui': re.compile(r'translatable="yes"'),
    '.xml': re.compile(r'<(?:summary|description)\b|translatable="yes"|<comment>'),
}
listed = set()
with open(os.path.join(root, 'po', 'POTFILES')) as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.add(line)

found = set()
for top in ('src', 'ui', 'data'):
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        for name in filenames:
            path = os.path.relpath(os.path.join(dirpath, name), root)
            if name.endswith(('.desktop.in.in', '.metainfo.xml.in.in', '.mime.xml.in', '.gschema.xml')):
                found.add(path)
                continue
            ext = os.path.splitext(name)[1]
            rx = markers.get(ext)
            if rx is None or ext == '.xml':
                continue
            with open(os.path.join(dirpath, name), encoding='utf-8', errors='replace') as f:
                if rx.search(f.read()):
                    found.add(path)

missing = sorted(found - listed)
stale = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))
for p in missing:
    print(f'po/POTFILES lacks {p} (it has translatable strings)')
for p in stale:
    print(f'po/POTFILES names {p}, which does not exist')
if sorted(listed) != [l for l in sorted(listed)]:
    pass
sys.exit(1 if missing or stale else 0)
