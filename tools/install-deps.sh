#!/bin/bash
# tools/install-deps.sh — Debian 12 build and test dependencies.
# Uses apt as root, or through sudo when run as a normal user.
set -euo pipefail
PKGS="gcc libc6-dev pkg-config libgtk-4-dev libgtk-4-bin libadwaita-1-dev libjson-glib-dev
      libsqlite3-dev sqlite3 meson ninja-build gettext desktop-file-utils appstream
      libglib2.0-dev-bin libglib2.0-bin xvfb xauth x11-utils xdotool imagemagick librsvg2-common
      at-spi2-core dbus dbus-x11 python3 fonts-dejavu-core adwaita-icon-theme flatpak-builder
      libical-dev libcairo2-dev libpango1.0-dev poppler-utils locales python3-pyatspi gir1.2-atspi-2.0
      clang libclang-rt-14-dev itstool yelp-tools gtk-doc-tools python3-polib
      libx11-dev libxdamage-dev libxfixes-dev libxext-dev"
# shellcheck disable=SC2086
if ! dpkg -s $PKGS >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $PKGS >/dev/null
fi

# Locales the widget tests and translated runs switch to (French and German
# decimal commas and Monday
# weeks; US English, where "," groups thousands). Without them those
# checks are skipped, so generate them here.
have=$(locale -a 2>/dev/null || true)
missing=""
for loc in fr_FR de_DE en_US; do
  grep -qix "$loc.utf8" <<<"$have" || missing="$missing $loc"
done
if [ -n "$missing" ] && [ -f /etc/locale.gen ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  for loc in $missing; do
    $SUDO sed -i "s/^# *\($loc\.UTF-8 UTF-8\)/\1/" /etc/locale.gen
  done
  $SUDO locale-gen >/dev/null
fi
