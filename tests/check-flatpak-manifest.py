#!/usr/bin/python3
# check-flatpak-manifest.py — checks the Flatpak manifests offline
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.py --release MANIFEST APP_ID
#        check-flatpak-manifest.py --devel MANIFEST APP_ID
#        check-flatpak-manifest.py --same-modules RELEASE DEVEL
#        check-flatpak-manifest.py --show-manifest MANIFEST
#
# --release and --devel check a manifest's structure: valid JSON with no
# duplicate keys, "id" (never the old "app-id"), a pinned org.gnome.Platform/
# Sdk no older than MIN_GNOME_RUNTIME, the app module last (meson, its tests
# run), every remote archive pinned by sha256 and watched by x-checker-data,
# and the smallest sandbox (finish-args from an allowed list; never network,
# home or host access).
#   --release: the app comes from one git source with an https url, a tag and
#     its 40-hex commit, and no local "dir" source anywhere. When the source
#     tree is a git checkout that has the tag, the commit must be the tag's.
#   --devel: APP_ID.Devel, built with -Ddevelopment=true from the local tree
#     ({"type": "dir", "path": ".."}).
# --same-modules checks that both manifests use the same runtime and the same
# dependency modules, so the development build tests what is released.
#
# --show-manifest runs `flatpak-builder --show-manifest`, which parses the
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

# The oldest GNOME runtime accepted. Flathub retires a GNOME runtime when the
# release two versions later ships (47: 15 Oct 2025, 48: 24 Mar 2026), so in
# December 2026 GNOME 50 and 51 are supported. Raise this when 50 is retired.
MIN_GNOME_RUNTIME = 50

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


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_duplicate_keys)


def git_tag_commit(source_root, tag):
    """The commit @tag names in the checkout at @source_root, or None."""
    if shutil.which("git") is None or not os.path.exists(os.path.join(source_root, ".git")):
        return None
    proc = subprocess.run(["git", "-C", source_root, "rev-parse", "--verify", "--quiet",
                           f"refs/tags/{tag}^{{commit}}"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else None


def check_structure(path, app_id, kind):
    errors = []

    try:
        manifest = load(path)
    except (OSError, ValueError) as e:
        return [f"not valid JSON: {e}"]
    if not isinstance(manifest, dict):
        return ["the top level is not an object"]

    if "app-id" in manifest:
        errors.append("uses 'app-id': write 'id' instead")
    expected_id = app_id + ".Devel" if kind == "devel" else app_id
    if manifest.get("id") != expected_id:
        errors.append(f"id is {manifest.get('id')!r}, expected {expected_id!r}")

    if manifest.get("runtime") != RUNTIME:
        errors.append(f"runtime is {manifest.get('runtime')!r}, expected {RUNTIME!r}")
    version = manifest.get("runtime-version")
    if not isinstance(version, str) or not re.fullmatch(r"\d+", version):
        errors.append(f"runtime-version {version!r} is not a pinned GNOME release "
                      "(such as \"50\"; not master, nightly or empty)")
    elif int(version) < MIN_GNOME_RUNTIME:
        errors.append(f"runtime-version {version} is end-of-life on Flathub; "
                      f"use {MIN_GNOME_RUNTIME} or later")
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
            errors.append("a module is given as a file name: keep every module inline")
            continue
        for source in module.get("sources", []):
            if not isinstance(source, dict):
                continue
            if "url" in source and source.get("type") in ("archive", "file"):
                if not re.fullmatch(r"[0-9a-f]{64}", str(source.get("sha256", ""))):
                    errors.append(f"module {module.get('name')!r}: source {source['url']} "
                                  "is not pinned by a sha256")
                if not isinstance(source.get("x-checker-data"), dict) or \
                        not source["x-checker-data"].get("type"):
                    errors.append(f"module {module.get('name')!r}: source {source['url']} "
                                  "has no x-checker-data (so no update is ever proposed)")
            if kind == "release" and source.get("type") == "dir":
                errors.append(f"module {module.get('name')!r}: a local 'dir' source belongs "
                              "in the development manifest only")

    app = modules[-1]
    if not isinstance(app, dict):
        return errors
    if app.get("buildsystem") != "meson":
        errors.append(f"app module {app.get('name')!r}: buildsystem is "
                      f"{app.get('buildsystem')!r}, expected 'meson'")
    if app.get("run-tests") is not True:
        errors.append(f"app module {app.get('name')!r}: run-tests is not true")
    sources = [s for s in app.get("sources", []) if isinstance(s, dict)]

    if kind == "release":
        gits = [s for s in sources if s.get("type") == "git"]
        if len(gits) != 1 or len(sources) != 1:
            errors.append(f"app module {app.get('name')!r}: needs exactly one source, "
                          "of type git")
        for s in gits:
            if not str(s.get("url", "")).startswith("https://"):
                errors.append(f"app module: git url {s.get('url')!r} is not https")
            if not s.get("tag"):
                errors.append("app module: the git source has no tag")
            if not re.fullmatch(r"[0-9a-f]{40}", str(s.get("commit", ""))):
                errors.append(f"app module: the git source's commit {s.get('commit')!r} "
                              "is not a full 40-hex commit")
            if "branch" in s:
                errors.append("app module: a release builds a tag, not a branch")
            root = os.path.normpath(os.path.join(os.path.dirname(path), ".."))
            tagged = git_tag_commit(root, s.get("tag", "")) if s.get("tag") else None
            if tagged is not None and tagged != s.get("commit"):
                errors.append(f"app module: tag {s['tag']} is commit {tagged}, "
                              f"but the manifest says {s.get('commit')}")
    else:
        if "-Ddevelopment=true" not in app.get("config-opts", []):
            errors.append("app module: a development manifest builds with -Ddevelopment=true")
        if not any(s.get("type") == "dir" and s.get("path") == ".." for s in sources):
            errors.append(f"app module {app.get('name')!r}: no source "
                          "{\"type\": \"dir\", \"path\": \"..\"} (the local tree)")
        for s in sources:
            if s.get("type") == "dir":
                root = os.path.normpath(os.path.join(os.path.dirname(path), s.get("path", "")))
                if not os.path.isfile(os.path.join(root, "meson.build")):
                    errors.append(f"app module: dir source {s.get('path')!r} has no meson.build")
    return errors


def check_same_modules(release_path, devel_path):
    try:
        release, devel = load(release_path), load(devel_path)
    except (OSError, ValueError) as e:
        return [f"not valid JSON: {e}"]
    errors = []
    for key in ("runtime", "runtime-version", "sdk", "command", "finish-args", "cleanup"):
        if release.get(key) != devel.get(key):
            errors.append(f"{key} differs: {release.get(key)!r} (release) vs "
                          f"{devel.get(key)!r} (development)")
    if release.get("modules", [])[:-1] != devel.get("modules", [])[:-1]:
        errors.append("the dependency modules (all but the app) differ between the manifests")
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
    if len(argv) == 4 and argv[1] == "--same-modules":
        errors = check_same_modules(argv[2], argv[3])
        name = "manifests"
    elif len(argv) == 4 and argv[1] in ("--release", "--devel"):
        errors = check_structure(argv[2], argv[3], argv[1][2:])
        name = argv[2]
    else:
        print("usage: check-flatpak-manifest.py --release|--devel MANIFEST APP_ID\n"
              "       check-flatpak-manifest.py --same-modules RELEASE DEVEL\n"
              "       check-flatpak-manifest.py --show-manifest MANIFEST", file=sys.stderr)
        return 2
    for e in errors:
        print(f"{name}: {e}")
    if not errors:
        print(f"{name}: ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
