#!/bin/bash
# tools/run.sh — installs dependencies (Debian 12), builds, and starts Titrate
# with its embedded rules database. Without a display it runs the command-line
# checker on a bundled example instead. It runs translated from the build
# tree (TITRATE_LOCALEDIR), e.g. LANG=de_DE.UTF-8 bash tools/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
[ -d _build ] || meson setup _build -Dbuildtype=debugoptimized >/dev/null
ninja -C _build >/dev/null
# The build tree's compiled catalogues: LANG/LANGUAGE choose the language.
export TITRATE_LOCALEDIR="$PWD/_build/po"
if [ -x _build/src/app/titrate ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
  exec _build/src/app/titrate "$@"
fi
echo "No display: checking data/examples/older-adult-ckd.titrate with titrate-cli" >&2
exec _build/src/cli/titrate-cli check data/examples/older-adult-ckd.titrate
