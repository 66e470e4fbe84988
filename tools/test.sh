#!/bin/bash
# tools/test.sh — installs dependencies (Debian 12), builds, and runs every test:
# the normal suite (unit + widget tests under Xvfb, and the installed library
# used through pkg-config by examples/) and the same unit suite under
# AddressSanitizer + UndefinedBehaviorSanitizer, then a short fuzz smoke of
# each libFuzzer target (clang). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh

export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none GSETTINGS_BACKEND=memory
rc=0
logs=()

rm -rf _build _build-asan _build-fuzz
meson setup _build -Dbuildtype=debugoptimized --werror -Ddocs=true >/dev/null
ninja -C _build
# The libtitrate reference manual (gtk-doc), from the public headers.
ninja -C _build titrate-1-doc >/dev/null
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C _build --print-errorlogs --num-processes 2 || rc=$?
logs+=(_build/meson-logs/testlog.json)

# Sanitizers: the whole suite again, halting on any report.
meson setup _build-asan -Dbuildtype=debug -Db_sanitize=address,undefined \
  -Dc_args=-fno-sanitize-recover=undefined >/dev/null
ninja -C _build-asan
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C _build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3 || rc=$?
logs+=(_build-asan/meson-logs/testlog.json)

# Fuzz smoke: each libFuzzer target (documents, autosave sidecars, the CLI's
# command line) for a few seconds from its seeds plus deep-nesting seeds
# (fuzz/smoke.sh); a crash, leak or hang fails CI and counts below.
CC=clang meson setup _build-fuzz -Dfuzzing=true -Dgui=disabled -Dbuildtype=debugoptimized \
  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link \
  -Dfuzz_smoke_seconds=15 >/dev/null
ninja -C _build-fuzz fuzz/fuzz-document fuzz/fuzz-sidecar fuzz/fuzz-cli-args fuzz/fuzz-rules
meson test -C _build-fuzz --no-rebuild --suite fuzz --print-errorlogs --num-processes 1 || rc=$?
logs+=(_build-fuzz/meson-logs/testlog.json)

/usr/bin/python3 .ci/summarize.py "${logs[@]}" || rc=1
exit $rc
