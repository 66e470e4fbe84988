#!/usr/bin/python3
# check-flatpak-manifest.py — checks the Flatpak manifest offline
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.py MANIFEST APP_ID
#        check-flatpak-manifest.py --show-manifest MANIFEST
#
# The first form checks the manifest's structure: valid JSON with no duplicate
# keys, the app id, a pinned org.gnome.Platform/Sdk, the app module last (built
# from the local tree with its tests run), every remote source pinned by sha256,
# and the smallest sandbox (finish-args from an allowed list; never network,
# home or host access).
#
# The second form runs `flatpak-builder --show-manifest`, which parses the
# manifest as flatpak-builder does; an unknown key is only a WARNING there, so
# any WARNING fails. It exits 77 (skipped) when flatpak-builder is missing.
# No runtime can be fetched offline, so no real build is attempted.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
COMMAND = "titrate"
# The whole sandbox: the display and GPU only. Files go through the document
# portal (file chooser), printing through the print portal.
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
FORBIDDEN = [
    (re.compile(r"^--share=network$"), "network access"),
    (re.compile(r"^--filesystem=(home|host|host-os|host-etc|~)([/:].*)?$"),
     "home or host file-system access"),
    (re.compile(r"^--device=all$"), "all devices"),
    (re.compile(r"^--socket=(x11|session-bus|system-bus)$"), "a broad socket"),
]


def no_duplicate_keys(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"duplicate key {key!r}")
        obj[key] = value
    return obj


def check_structure(path, app_id):
    errors = []

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f, object_pairs_hook=no_duplicate_keys)
    except (OSError, ValueError) as e:
        return [f"not valid JSON: {e}"]
    if not isinstance(manifest, dict):
        return ["the top level is not an object"]

    ids = [manifest[k] for k in ("app-id", "id") if k in manifest]
    if len(ids) != 1:
        errors.append("give exactly one of 'app-id' or 'id'")
    elif ids[0] != app_id:
        errors.append(f"app id is {ids[0]!r}, expected {app_id!r}")

    if manifest.get("runtime") != RUNTIME:
        errors.append(f"runtime is {manifest.get('runtime')!r}, expected {RUNTIME!r}")
    version = manifest.get("runtime-version")
    if not isinstance(version, str) or not re.fullmatch(r"\d+(\.\d+)?", version):
        errors.append(f"runtime-version {version!r} is not a pinned release "
                      "(such as \"43\"; not master, nightly or empty)")
    if manifest.get("sdk") != SDK:
        errors.append(f"sdk is {manifest.get('sdk')!r}, expected {SDK!r}")
    if manifest.get("command") != COMMAND:
        errors.append(f"command is {manifest.get('command')!r}, expected {COMMAND!r}")

    finish_args = manifest.get("finish-args", [])
    if not isinstance(finish_args, list):
        errors.append("finish-args is not a list")
        finish_args = []
    for arg in finish_args:
        for pattern, what in FORBIDDEN:
            if isinstance(arg, str) and pattern.match(arg):
                errors.append(f"finish-args grants {what}: {arg}")
                break
        else:
            if arg not in ALLOWED_FINISH_ARGS:
                errors.append(f"finish-args has {arg!r}, which is not in the allowed set "
                              f"{sorted(ALLOWED_FINISH_ARGS)}")
    for arg in sorted(ALLOWED_FINISH_ARGS - set(finish_args)):
        errors.append(f"finish-args lacks {arg}")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        errors.append("no modules")
        return errors

    for module in modules:
        if not isinstance(module, dict):
            continue  # a module given as a file name; flatpak-builder checks it
        for source in module.get("sources", []):
            if isinstance(source, dict) and "url" in source and source.get("type") in ("archive", "file"):
                if not re.fullmatch(r"[0-9a-f]{64}", str(source.get("sha256", ""))):
                    errors.append(f"module {module.get('name')!r}: source {source['url']} "
                                  "is not pinned by a sha256")

    app = modules[-1]
    if not isinstance(app, dict):
        errors.append("the last module (the app) is not an inline object")
        return errors
    if app.get("buildsystem") != "meson":
        errors.append(f"app module {app.get('name')!r}: buildsystem is "
                      f"{app.get('buildsystem')!r}, expected 'meson'")
    if app.get("run-tests") is not True:
        errors.append(f"app module {app.get('name')!r}: run-tests is not true")
    sources = app.get("sources", [])
    if not any(isinstance(s, dict) and s.get("type") == "dir" and s.get("path") == ".."
               for s in sources):
        errors.append(f"app module {app.get('name')!r}: no source "
                      "{\"type\": \"dir\", \"path\": \"..\"} (the local tree)")
    for s in sources:
        if isinstance(s, dict) and s.get("type") == "dir":
            root = os.path.normpath(os.path.join(os.path.dirname(path), s.get("path", "")))
            if not os.path.isfile(os.path.join(root, "meson.build")):
                errors.append(f"app module: dir source {s.get('path')!r} has no meson.build")
    return errors


def show_manifest(path):
    builder = shutil.which("flatpak-builder")
    if builder is None:
        print("flatpak-builder not found; skipping")
        return SKIP
    # flatpak-builder creates .flatpak-builder/ in its working directory: use a
    # throwaway one so neither the source tree nor the build tree is littered.
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([builder, "--show-manifest", os.path.abspath(path)], cwd=tmp,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        print(f"flatpak-builder --show-manifest failed with status {proc.returncode}")
        return 1
    if "WARNING" in proc.stderr:
        print("flatpak-builder --show-manifest printed a WARNING (an unknown key?)")
        return 1
    print("flatpak-builder --show-manifest: ok")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--show-manifest":
        return show_manifest(argv[2])
    if len(argv) != 3:
        print("usage: check-flatpak-manifest.py MANIFEST APP_ID\n"
              "       check-flatpak-manifest.py --show-manifest MANIFEST", file=sys.stderr)
        return 2
    errors = check_structure(argv[1], argv[2])
    for e in errors:
        print(f"{argv[1]}: {e}")
    if not errors:
        print(f"{argv[1]}: ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
