#!/bin/sh
# update-translations.sh — after any change to data/rules/*.sql or to a
# translatable string: regenerate the rules database's strings, the template
# and the catalogues, keeping every old translation of an edited text as fuzzy.
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/update-translations.sh [BUILD_DIR]   (default _build)
#
#  1. data/rules/rules-strings.c from the SQL (checked in: po/POTFILES lists it);
#  2. po/titrate.pot (xgettext over po/POTFILES);
#  3. every po/LL.po merged with msgmerge --previous, so an edited text keeps
#     its old translation as fuzzy with the old English ("#| msgid");
#  4. tools/po-keep-rules-translations.py: a rules text rewritten beyond
#     msgmerge's similarity threshold gets its row's old translation back, fuzzy;
#  5. the rules texts that need (re-)translation, by row, and msgfmt statistics.
# Exit status 0 even when translations are missing: step 5 says which, and the
# tests po-LL-complete and rules-translations-LL fail until they are done.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-_build}
py=/usr/bin/python3
[ -x "$py" ] || py=python3

ninja -C "$build" data/rules-strings.c
cp "$build/data/rules-strings.c" "$src/data/rules/rules-strings.c"
ninja -C "$build" titrate-pot

for lang in $(sed -e 's/#.*//' "$src/po/LINGUAS"); do
  po="$src/po/$lang.po"
  msgmerge --quiet --previous --output-file="$po" "$po" "$src/po/titrate.pot"
  "$py" "$src/tools/po-keep-rules-translations.py" "$po"
done

status=0
for lang in $(sed -e 's/#.*//' "$src/po/LINGUAS"); do
  printf '%s: ' "$lang"
  msgfmt --check --statistics --output-file=/dev/null "$src/po/$lang.po"
done
"$py" "$src/tests/check-rules-translations.py" "$src/data/rules/rules-strings.c" \
  $(sed -e 's/#.*//' -e "s|^\(..*\)$|$src/po/\1.po|" "$src/po/LINGUAS") || status=$?
[ "$status" -eq 0 ] || echo "update-translations: the texts above need a translator (then clear their fuzzy flag)"
exit 0
