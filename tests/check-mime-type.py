#!/usr/bin/python3
# check-mime-type.py — the .titrate MIME type installs and the desktop file claims it
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-mime-type.py MIME_XML DESKTOP_FILE
#
# Builds a throwaway shared-mime-info database from MIME_XML alone with
# update-mime-database and checks that *.titrate maps to application/x-titrate,
# a subclass of application/json with a comment; then that DESKTOP_FILE lists
# the type in MimeType= and takes files (%f/%F/%u/%U) in Exec=, so a
# double-click in the file manager opens the document in Titrate.
# Exits 77 (skipped) when update-mime-database is missing.

import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIME = "application/x-titrate"
PARENT = "application/json"
GLOB = "*.titrate"
SMI = "{http://www.freedesktop.org/standards/shared-mime-info}"


def main(argv):
    if len(argv) != 3:
        print("usage: check-mime-type.py MIME_XML DESKTOP_FILE", file=sys.stderr)
        return 2
    mime_xml, desktop = argv[1], argv[2]
    errors = []

    tool = shutil.which("update-mime-database")
    if tool is None:
        print("update-mime-database not found; skipping")
        return 77

    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, "mime", "packages")
        os.makedirs(packages)
        shutil.copy(mime_xml, packages)
        proc = subprocess.run([tool, "-V", os.path.join(tmp, "mime")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            print(proc.stdout)
            return 1
        with open(os.path.join(tmp, "mime", "globs2"), encoding="utf-8") as f:
            globs = [line.strip().split(":") for line in f if not line.startswith("#")]
        if not any(g[1:3] == [MIME, GLOB] for g in globs):
            errors.append(f"globs2 does not map {GLOB} to {MIME}: {globs}")
        with open(os.path.join(tmp, "mime", "subclasses"), encoding="utf-8") as f:
            if f"{MIME} {PARENT}" not in (line.strip() for line in f):
                errors.append(f"{MIME} is not a subclass of {PARENT}")
        type_xml = os.path.join(tmp, "mime", *MIME.split("/")) + ".xml"
        if not os.path.isfile(type_xml):
            errors.append(f"no {MIME}.xml in the built database")
        else:
            comments = ET.parse(type_xml).getroot().findall(SMI + "comment")
            if not any(c.get("{http://www.w3.org/XML/1998/namespace}lang") is None and c.text
                       for c in comments):
                errors.append(f"{MIME} has no untranslated comment")

    entry = configparser.RawConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    if not entry.has_section("Desktop Entry"):
        errors.append(f"{desktop}: no [Desktop Entry]")
    else:
        section = entry["Desktop Entry"]
        types = [t for t in section.get("MimeType", "").split(";") if t]
        if MIME not in types:
            errors.append(f"{desktop}: MimeType= does not list {MIME}")
        if not any(code in section.get("Exec", "").split() for code in ("%f", "%F", "%u", "%U")):
            errors.append(f"{desktop}: Exec= takes no file argument (%f, %F, %u or %U)")

    for e in errors:
        print(e)
    if not errors:
        print(f"{GLOB} -> {MIME} (subclass of {PARENT}); {os.path.basename(desktop)} opens it")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
