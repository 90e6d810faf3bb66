#!/usr/bin/env bash
# One command from a fresh clone to the rendered gallery: installs what is needed, then
# renders every built-in spec into out/ (svg, png and mmd; light and dark).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
npm run gallery
