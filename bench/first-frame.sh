#!/bin/bash
# bench/first-frame.sh — the desktop app's two speed figures, in the CI
# environment (Xvfb, private session bus, cairo renderer, no GL, no a11y):
#   1. time to the first painted frame vs a bare libadwaita window
#      (median of RUNS runs each; bench/first-frame.py);
#   2. field edit → re-check → redraw for a 90-day plan with 10
#      comedications (p50/p99 over EDITS edits; bench/bench-edits.c);
#   3. time to settled content and RSS vs the bare window, X side (the
#      window's pixels, unchanged for 1.5 s; bench/settled-content.sh,
#      which can also be run on its own, with RUNS runs, at least 7): the
#      figure issue #11 §5 sets its target on (≤ 1.5 × the bare window).
# Not a test: the figures go in the README's development section.
#
#   bench/first-frame.sh [BUILD_DIR] [RUNS] [EDITS]     (defaults: _build 10 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
runs=${2:-10}
edits=${3:-1000}
[[ -x $build/src/app/titrate && -x $build/bench/first-frame-baseline && -x $build/bench/bench-edits ]] ||
  { echo "first-frame.sh: build first: ninja -C $build" >&2; exit 2; }

export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none GDK_BACKEND=x11 NO_AT_BRIDGE=1
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$(readlink -f "$build/data") ADW_DISABLE_PORTAL=1

xvfb-run -a -s "-screen 0 1400x880x24" dbus-run-session -- bash -c '
  /usr/bin/python3 bench/first-frame.py "$1" "$2"
  echo
  "$1/bench/bench-edits" "$3"
' bash "$build" "$runs" "$edits" 2>&1 | grep -vE "dbus-daemon|Activating|SpiRegistry|Adwaita-DEBUG|GLib-GIO-DEBUG|^plan:"

echo
if [[ -x $build/bench/settled-content ]]; then
  bench/settled-content.sh "$build" "$(( runs < 7 ? 7 : runs ))"
else
  echo "settled content: not measured ($build/bench/settled-content not built: needs libx11-dev)"
fi
