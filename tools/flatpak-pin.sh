#!/bin/bash
# tools/flatpak-pin.sh — points the release Flatpak manifest at a release tag
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tools/flatpak-pin.sh v0.2.0
#
# Writes the tag and the commit it names into the app module's git source of
# flatpak/io.github.titrate.Titrate.json. Run it after tagging the release and
# before publishing the manifest; `meson test` (flatpak-manifest) then fails if
# the tag and the commit ever disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:?usage: tools/flatpak-pin.sh TAG}
commit=$(git rev-parse --verify "refs/tags/$tag^{commit}") \
  || { echo "flatpak-pin.sh: no tag $tag in this checkout" >&2; exit 2; }
/usr/bin/python3 - "$tag" "$commit" <<'PY'
import json, sys
path = "flatpak/io.github.titrate.Titrate.json"
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)
source = manifest["modules"][-1]["sources"][0]
assert source["type"] == "git", "the app module's source is not git"
source["tag"], source["commit"] = sys.argv[1], sys.argv[2]
with open(path, "w", encoding="utf-8") as f:
    f.write(json.dumps(manifest, indent=4, ensure_ascii=False) + "\n")
print(f"{path}: {sys.argv[1]} = {sys.argv[2]}")
PY
