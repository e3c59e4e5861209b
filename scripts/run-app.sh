#!/usr/bin/env bash
# Installs what is missing, then opens ContactMap Desktop on the default workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/contactmap "$@"
