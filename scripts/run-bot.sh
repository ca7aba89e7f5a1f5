#!/usr/bin/env bash
# One command for a fresh machine: set everything up and run the bot (SQLite under ./data by default).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m bot "$@"
