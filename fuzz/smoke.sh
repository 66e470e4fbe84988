#!/bin/bash
# fuzz/smoke.sh TARGET SEEDS SECONDS — a short libFuzzer run of TARGET from
# a scratch copy of the SEEDS folder (the repository is never written),
# plus generated deep-nesting seeds. Fails on any crash, leak, timeout or
# sanitizer report. Prints the executions done.
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
target=$1 seeds=$2 seconds=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/titrate-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
if [ -d "$seeds" ]; then
  cp -r "$seeds"/. "$work/corpus/" 2>/dev/null || true
fi
# Deep nesting, which once crashed the app's start: arrays and objects,
# far beyond the limit, well inside -max_len.
printf '{"format":"titrate-regimen","version":1,"patient":{},"regimen":{"route":"oral","steps":[]},"x":' > "$work/corpus/deep-arrays"
head -c 200000 /dev/zero | tr '\0' '[' >> "$work/corpus/deep-arrays"
printf '{"format":"titrate-autosave","title":' > "$work/corpus/deep-sidecar"
for _ in $(seq 20000); do printf '{"a":'; done >> "$work/corpus/deep-sidecar"

log="$work/fuzz.log"
status=0
"$target" -max_total_time="$seconds" -max_len=1048576 -timeout=20 -rss_limit_mb=2560 \
  -dict="$(dirname "$0")/json.dict" -print_final_stats=1 -artifact_prefix="$work/" \
  "$work/corpus" >"$log" 2>&1 || status=$?
grep -E "^stat::number_of_executed_units|^#[0-9]+ +DONE" "$log" || true
if [ "$status" -ne 0 ]; then
  tail -n 60 "$log"
  for crash in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [ -e "$crash" ] && echo "artifact: $(basename "$crash") ($(stat -c %s "$crash") bytes)"
  done
  exit 1
fi
echo "ok: $(basename "$target") ran ${seconds}s"
