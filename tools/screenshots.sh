#!/bin/bash
# tools/screenshots.sh — takes the screenshots for the metainfo (Flathub) and
# the README under a private Xvfb: the main window (light and dark), the
# calendar, the chart, the schedule, the patient handout and, when the app has
# it, learner mode. Windows are captured at 1000×700, the largest size the
# Flathub quality guidelines recommend, with GTK's own (default) decoration
# and GNOME's default button layout (close only), no pointer, no tooltip.
#
#   tools/screenshots.sh [BUILD_DIR] [OUT_DIR]      (defaults: _build, data/screenshots)
#
# Environment: SHOT_LANG (default C.UTF-8; e.g. de_DE.UTF-8 for German shots,
# translated from the build tree), LEARNER_ARGS (the app's arguments that open
# learner mode; default: a bundled teaching scenario, which opens in learner mode).
#
# Needs: xvfb xauth x11-utils xdotool imagemagick poppler-utils
# (tools/install-deps.sh).
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
out=${2:-data/screenshots}
app="$build/src/app/titrate"
cli="$build/src/cli/titrate-cli"
width=1000
height=700
example=older-adult-ckd

[[ -x $app && -x $cli ]] || { echo "screenshots.sh: $app or $cli not built (ninja -C $build)" >&2; exit 2; }
for tool in xvfb-run xwininfo xdotool import identify convert pdftoppm; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool missing (tools/install-deps.sh)" >&2; exit 2; }
done
mkdir -p "$out"
out=$(readlink -f "$out")
app=$(readlink -f "$app")
cli=$(readlink -f "$cli")
build=$(readlink -f "$build")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Deterministic pixels: cairo renderer, no GL, schema and catalogues from the
# build tree, settings from a private key file: the window's size, the
# decision-support notice already acknowledged (its text is in the metainfo).
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1
export GSETTINGS_SCHEMA_DIR=$build/data ADW_DISABLE_PORTAL=1 TITRATE_LOCALEDIR=$build/po
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$tmp/config TITRATE_STATE_DIR=$tmp/state
export LC_ALL=${SHOT_LANG:-C.UTF-8} LANGUAGE= TZ=UTC
mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings" "$XDG_CONFIG_HOME/gtk-4.0" "$TITRATE_STATE_DIR"
cat > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<KEYS
[io/github/titrate/Titrate]
window-width=$width
window-height=$height
window-maximized=false
disclaimer-accepted=true
KEYS
# GNOME's default title-bar buttons: close only.
printf '[Settings]\ngtk-decoration-layout=appmenu:close\n' > "$XDG_CONFIG_HOME/gtk-4.0/settings.ini"

shoot () {   # shoot NAME VIEW SCHEME [APP ARGUMENTS…]
  local name=$1 view=$2 scheme=$3
  shift 3
  xvfb-run -a -s "-screen 0 1600x1000x24" env ADW_DEBUG_COLOR_SCHEME="$scheme" TITRATE_VIEW="$view" \
    bash -c '
    out=$1; shift
    "$@" &
    pid=$!
    wid=""
    for i in $(seq 1 100); do
      sleep 0.1
      wid=$(xdotool search --onlyvisible --class titrate 2>/dev/null | tail -1) && [ -n "$wid" ] && break
    done
    [ -n "$wid" ] || { echo "screenshots.sh: no window" >&2; kill $pid; exit 1; }
    sleep 2
    xdotool mousemove 1599 999 2>/dev/null || true   # no hover, no tooltip
    sleep 0.3
    import -window "$wid" "$out"
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
  ' screenshot "$out/$name.png" "$app" "$@"
  echo "wrote $out/$name.png ($(identify -format '%wx%h, %k colours' "$out/$name.png"))"
  [[ $(identify -format '%wx%h' "$out/$name.png") == "${width}x${height}" ]] ||
    echo "screenshots.sh: warning: $name.png is not ${width}x${height}: the window's minimum size is larger" >&2
}

shoot main-light calendar prefer-light --example "$example"
shoot main-dark calendar prefer-dark --example "$example"
shoot calendar-light calendar prefer-light --example pregnancy
shoot chart-light chart prefer-light --example "$example"
shoot schedule-light schedule prefer-light --example child-cerebral-palsy

# Learner mode.
# Opening a teaching scenario starts learner mode.
learner_args=${LEARNER_ARGS:-$(readlink -f "$(dirname "$0")/../data/scenarios/01-renal-older-adult.titrate")}
if [[ -n $learner_args ]]; then
  # shellcheck disable=SC2086
  shoot learner-light calendar prefer-light $learner_args
else
  echo "screenshots.sh: this build has no learner mode (set LEARNER_ARGS): learner-light.png not taken"
fi

# The patient handout: its first calendar page, as printed (A4), on a
# 1000×700 canvas.
"$cli" export --pdf "$tmp/handout.pdf" --handout --paper a4 "data/examples/$example.titrate" >/dev/null
pdftotext -layout "$tmp/handout.pdf" "$tmp/handout.txt"
page=$(awk -v RS='\f' '/08:00/ { print NR; exit }' "$tmp/handout.txt")
pdftoppm -png -r 110 -f "${page:-1}" -l "${page:-1}" -singlefile "$tmp/handout.pdf" "$tmp/page"
convert "$tmp/page.png" -gravity north -crop "${width}x${height}+0+0" +repage \
  -background white -gravity center -extent "${width}x${height}" "$out/handout.png"
echo "wrote $out/handout.png ($(identify -format '%wx%h, %k colours' "$out/handout.png"))"
