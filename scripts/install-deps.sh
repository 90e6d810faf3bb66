#!/usr/bin/env bash
# Installs everything vstack needs on a fresh Debian/Ubuntu machine with Node 20:
# Chromium (Debian's; puppeteer never downloads a browser), fonts that cover Latin, CJK and
# emoji, fontconfig (fc-match finds the fonts to embed), and for the tests poppler-utils (PDFs),
# librsvg2-bin (SVGs drawn without a browser), DejaVu (a machine without Noto), LibreOffice
# Impress (decks) and Inkscape (SVGs drawn as an editor and Office imports draw them); then the npm
# packages (npm ci also builds dist/ through the "prepare" script).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -n "${VSTACK_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
for pkg in fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core fontconfig poppler-utils librsvg2-bin; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# LibreOffice Impress and Inkscape, for the tests only: they open vstack's PowerPoint decks and
# draw its SVGs (without their recommends, which bring Java and more).
lean=()
for pkg in libreoffice-impress inkscape; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || lean+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ] || [ ${#lean[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "install-deps: apt-get install ${missing[*]} ${lean[*]}"
  $sudo apt-get update -qq
  [ ${#missing[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  [ ${#lean[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi

export PUPPETEER_SKIP_DOWNLOAD=1
npm ci --no-audit --no-fund
# The site generators the tests build real sites with (Docusaurus, Astro), apart from vstack's own
# devDependencies: a git install of vstack runs prepare with those, and should not fetch a site tool.
# `npm install` from the lock rather than `npm ci`: some of @swc/html's optional per-platform
# packages are missing from the registry, so the lock cannot list them and `npm ci` refuses it.
npm install --prefix test/site-tools --no-save --no-audit --no-fund
