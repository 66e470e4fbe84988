#!/bin/bash
# bench/settled-content.sh — time to settled content of the desktop app
# against a bare libadwaita window, measured in the same run (issue #11 §5:
# target settled ≤ 1.5 × the bare window), plus RSS. Runs
# bench/settled-content.c under Xvfb 1440×900 with a private session bus in
# the CI environment, comparing $build/bench/first-frame-baseline (the bare
# window, run without TITRATE_FIRST_FRAME so that it stays open) with
# $build/src/app/titrate, and optionally further programs (e.g. an older
# build, for A/B), each NAME=COMMAND or a path.
#
#   bench/settled-content.sh [BUILD_DIR] [RUNS] [NAME=COMMAND|PATH...]   (defaults: _build 7)
#   bench/settled-content.sh --self-test [BUILD_DIR]
#
# --self-test checks the harness itself: bench/late-change.c is the bare
# window whose label changes 500 ms after its first frame, so its settled
# time must come 450–800 ms after its first content (exit 1 otherwise),
# also when the window is redrawn, unchanged, every 100 ms.
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
self_test=0
if [[ ${1:-} == --self-test ]]; then self_test=1; shift; fi
build=$(readlink -f "${1:-_build}")
runs=${2:-7}
shift $(( $# > 2 ? 2 : $# ))
[[ -x $build/bench/settled-content && -x $build/bench/first-frame-baseline && -x $build/src/app/titrate ]] ||
  { echo "settled-content.sh: build first: ninja -C $build (settled-content needs libx11-dev)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/gtk-4.0" "$tmp/state"
# A blinking text cursor would keep a window from ever settling.
printf '[Settings]\ngtk-cursor-blink=false\n' > "$tmp/config/gtk-4.0/settings.ini"

unset TITRATE_FIRST_FRAME TITRATE_QUIT_DELAY_MS WAYLAND_DISPLAY ADW_DISABLE_PORTAL
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none GDK_BACKEND=x11 NO_AT_BRIDGE=1
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data
export TITRATE_STATE_DIR=$tmp/state XDG_CONFIG_HOME=$tmp/config

programs=("bare=$build/bench/first-frame-baseline")
if (( self_test )); then
  [[ -x $build/bench/late-change ]] || { echo "settled-content.sh: no $build/bench/late-change" >&2; exit 2; }
  programs+=("late500=$build/bench/late-change 500" "repaint=$build/bench/late-change 500 --repaint")
  runs=3
else
  programs+=("titrate=$build/src/app/titrate")
  for p in "$@"; do
    if [[ $p == *=* ]]; then programs+=("$p"); else programs+=("other=$p"); fi
  done
fi

echo "Environment: Xvfb 1440x900x24, dbus-run-session, GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none"
echo "  GSETTINGS_BACKEND=memory, empty TITRATE_STATE_DIR, XDG_CONFIG_HOME with gtk-cursor-blink=false"
out=$(xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- \
        "$build/bench/settled-content" "$runs" "${programs[@]}" 2> >(grep -vE "dbus-daemon|Activating" >&2)) || status=$?
echo "$out"
status=${status:-0}
if (( self_test && status == 0 )); then
  # settled minus first content, per run
  for name in late500 repaint; do
    read -ra s < <(grep "^raw $name " <<<"$out" | sed 's/.*settled \([0-9 ]*\) *first content.*/\1/')
    read -ra c < <(grep "^raw $name " <<<"$out" | sed 's/.*first content \([0-9 ]*\) *grabs.*/\1/')
    for i in "${!s[@]}"; do
      d=$(( s[i] - c[i] ))
      echo "self-test: $name run $((i + 1)): settled - first content = $d ms (expected 500 + one redraw)"
      (( d >= 450 && d <= 800 )) || status=1
    done
  done
  (( status == 0 )) && echo "self-test: passed" || echo "self-test: FAILED"
fi
exit "$status"
