#!/bin/bash
# tests/install-example.sh — installs the build into a temporary DESTDIR and
# uses it as an integrator would:
# - the shared library exports only titrate_* symbols;
# - examples/check-document.c builds against the installed headers and
#   library through pkg-config (titrate-1.pc) alone, with warnings as errors;
# - it checks every bundled example and finds exactly the alert codes that
#   `titrate-cli check` reports;
# - the installed titrate-cli is light (no cairo, Pango, libical) and its
#   `export` still works through the installed helper;
# - the desktop app's calendar writer (titrate-ics.so) is installed where the
#   app looks for it, and the app does not link libical.
#
# Usage: install-example.sh BUILDDIR SRCDIR PREFIX LIBDIR BINDIR CC…
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

builddir=$1 srcdir=$2 prefix=$3 libdir=$4 bindir=$5
shift 5
cc=("$@")

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

fail () { echo "not ok: $*"; exit 1; }

# runtime and devel only: the manual (-Ddocs=true) need not be built.
meson install -C "$builddir" --destdir "$dest" --no-rebuild --quiet --tags runtime,devel >/dev/null

case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
root=$dest$prefix
lib=$dest$libdir

# The library, its soname and its exports.
so=$(ls "$lib"/libtitrate-1.so.0.* 2>/dev/null | head -1)
[ -n "$so" ] || fail "libtitrate-1.so.0.* not installed in $lib"
[ -L "$lib/libtitrate-1.so" ] || fail "no libtitrate-1.so development link"
readelf -d "$so" | grep -q 'SONAME.*\[libtitrate-1\.so\.0\]' || fail "soname is not libtitrate-1.so.0"
exports=$(nm -D --defined-only "$so" | awk '{print $3}')
others=$(grep -v '^titrate_' <<<"$exports" || true)
[ -z "$others" ] || fail "exported beyond the public API: $others"
for private in titrate_io_replace_file titrate_selftest_run titrate_sidecar_save titrate_drug_names_match; do
  ! grep -qx "$private" <<<"$exports" || fail "private symbol $private is exported"
done
echo "ok: libtitrate-1.so.0 exports $(wc -l <<<"$exports") titrate_* symbols only"

# Only public headers installed.
inc=$root/include/titrate-1
for h in titrate.h titrate-version.h titrate-version-macros.h titrate-enum-types.h \
         titrate-checker.h titrate-document.h titrate-rules.h titrate-plan.h \
         titrate-alert-item.h titrate-format.h; do
  [ -f "$inc/$h" ] || fail "$h not installed"
done
for h in titrate-io.h titrate-sidecar.h titrate-selftest.h titrate-rules-private.h \
         titrate-units.h titrate-json-write.h titrate-document-private.h; do
  [ ! -e "$inc/$h" ] || fail "private header $h installed"
done

# Every function an installed header declares is exported (a declaration
# without TITRATE_AVAILABLE_IN_* would be hidden from the shared library).
declared=$(grep -hE '^[A-Za-z].*\btitrate_[a-z0-9_]+ *\(' "$inc"/*.h |
           sed -E 's/.*\b(titrate_[a-z0-9_]+) *\(.*/\1/' | sort -u)
[ -n "$declared" ] || fail "no declarations found in the installed headers"
missing=$(comm -23 <(echo "$declared") <(sort -u <<<"$exports"))
[ -z "$missing" ] || fail "declared in the installed headers but not exported: $missing"
echo "ok: all $(wc -l <<<"$declared") functions of the installed headers are exported"

# The example, through pkg-config only. The .pc names the configured
# prefix: a copy points it into DESTDIR (the rest of the file as installed).
mkdir "$dest/pc"
sed "s|^prefix=.*|prefix=$root|" "$lib/pkgconfig/titrate-1.pc" >"$dest/pc/titrate-1.pc"
grep -q '^includedir=${prefix}' "$dest/pc/titrate-1.pc" || fail "titrate-1.pc: includedir not under \${prefix}"
export PKG_CONFIG_PATH=$dest/pc
cflags=$(pkg-config --cflags titrate-1)
libs=$(pkg-config --libs titrate-1)
"${cc[@]}" -std=c11 -Wall -Wextra -Werror -o "$dest/check-document" \
  "$srcdir/examples/check-document.c" $cflags $libs
echo "ok: examples/check-document.c builds against the installed titrate-1"

cli=$dest$bindir/titrate-cli
for doc in "$srcdir"/data/examples/*.titrate; do
  out=$(LD_LIBRARY_PATH=$lib "$dest/check-document" "$doc")
  grep -q "^rules: " <<<"$out" || fail "$doc: no rules line"
  # The alert codes the example printed and those `titrate-cli check` reports.
  got=$(sed -n 's/^  \[.*(\([^()]*\))$/\1/p' <<<"$out" | sort)
  want=$("$cli" check "$doc" | /usr/bin/env python3 -c '
import json, sys
print("\n".join(sorted(a["code"] for a in json.load(sys.stdin)["alerts"])))' | sed '/^$/d')
  [ "$got" = "$want" ] || fail "$(basename "$doc"): example found [$got], titrate-cli [$want]"
  echo "ok: $(basename "$doc"): $(grep -c '^  \[' <<<"$out" || true) alerts, as titrate-cli check"
done

# The installed command line: light, and export still there.
if ldd "$cli" | grep -Eq 'libcairo|libpango|libical'; then
  fail "installed titrate-cli links cairo, Pango or libical"
fi
"$cli" export --csv "$dest/plan.csv" "$srcdir/data/examples/discontinuation-taper.titrate" >/dev/null
head -1 "$dest/plan.csv" | grep -q '^date,day,phase' || fail "installed titrate-cli export wrote no CSV"
echo "ok: installed titrate-cli is light and its export works"

# The desktop app's calendar writer, loaded on its first reminders export:
# installed where the app looks for it, and the app itself without libical.
module=$lib/titrate/titrate-ics.so
[ -f "$module" ] || fail "the calendar writer titrate-ics.so is not installed in $lib/titrate"
readelf -d "$module" | grep -q 'NEEDED.*libical' || fail "titrate-ics.so does not link libical"
app=$dest$bindir/titrate
if [ -x "$app" ]; then
  ! readelf -d "$app" | grep -q 'NEEDED.*libical' || fail "installed titrate links libical"
  grep -qa "$libdir/titrate" "$app" || fail "installed titrate does not look for its calendar writer in $libdir/titrate"
  echo "ok: installed titrate starts without libical; its calendar writer is in $libdir/titrate"
else
  echo "ok: calendar writer installed in $libdir/titrate (no desktop app in this build)"
fi
