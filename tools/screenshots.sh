#!/bin/bash
# tools/screenshots.sh — renders the main window to PNG for the README and
# the metainfo: light and dark style, the "older adult with CKD on
# lorazepam" teaching case loaded, under a private Xvfb, at 1000×700
# (the largest size Flathub's quality guidelines accept).
#
#   tools/screenshots.sh [BUILD_DIR] [OUT_DIR]      (defaults: _build, data/screenshots)
#
# Needs: xvfb xauth x11-utils xdotool imagemagick (tools/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
out=${2:-data/screenshots}
app="$build/src/app/titrate"
width=1000
height=700

[[ -x $app ]] || { echo "screenshots.sh: $app not built (ninja -C $build)" >&2; exit 2; }
for tool in xvfb-run xwininfo xdotool import identify; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool missing (tools/install-deps.sh)" >&2; exit 2; }
done
mkdir -p "$out"
out=$(readlink -f "$out")
app=$(readlink -f "$app")

# Deterministic pixels: cairo renderer, no GL, settings in memory (so the
# window has its default size and the first-run notice shows), schema from
# the build tree.
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$(readlink -f "$build/data") ADW_DISABLE_PORTAL=1
export LC_ALL=C.UTF-8 TZ=UTC

shoot () {   # shoot NAME VIEW [ENV=VALUE…]
  local name=$1 view=$2
  shift 2
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" env "$@" TITRATE_VIEW="$view" bash -c '
    "$0" --example older-adult-ckd &
    pid=$!
    for i in $(seq 1 80); do
      sleep 0.1
      xwininfo -root -children 2>/dev/null | grep -q "Titrate" && break
    done
    sleep 1.5
    xdotool mousemove 0 '"$height"' 2>/dev/null || true   # no hover, no tooltip
    sleep 0.3
    import -window root "$1"
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
  ' "$app" "$out/$name.png"
  echo "wrote $out/$name.png ($(identify -format '%wx%h, %k colours' "$out/$name.png"))"
}

shoot main-light calendar ADW_DEBUG_COLOR_SCHEME=prefer-light
shoot main-dark calendar ADW_DEBUG_COLOR_SCHEME=prefer-dark
shoot chart-light chart ADW_DEBUG_COLOR_SCHEME=prefer-light
shoot schedule-light schedule ADW_DEBUG_COLOR_SCHEME=prefer-light
