#!/usr/bin/env bash
# One command for a fresh machine: set everything up and run the whole test suite,
# on SQLite always, and again (database tests) on PostgreSQL when one is reachable.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
# the web form's browser tests use Debian's Chromium: installed when missing (quick, never fatal; skipped without)
bash scripts/install-chromium.sh || true
export PYTHONDONTWRITEBYTECODE=1
.venv/bin/python -m pytest -q "$@"
PG_URL="${TEST_DATABASE_URL:-postgresql+asyncpg://postgres@127.0.0.1:5432/test}"
if .venv/bin/python - "$PG_URL" <<'PY'
import asyncio, sys
import asyncpg
url = sys.argv[1].replace("postgresql+asyncpg://", "postgresql://")
async def ping():
    conn = await asyncio.wait_for(asyncpg.connect(url), 5)
    await conn.close()
try:
    asyncio.run(ping())
except Exception as e:
    print(f"PostgreSQL not reachable ({e.__class__.__name__}); database tests ran on SQLite only.")
    sys.exit(1)
PY
then
  echo "== database tests again on PostgreSQL ($PG_URL)"
  # the slow end-to-end runs (real bot processes) already ran once above; here: every database test
  TEST_DATABASE_URL="$PG_URL" .venv/bin/python -m pytest -q -m "db and not slow" "$@"
fi
