#!/usr/bin/env bash
# One command for a fresh machine: set everything up and run the whole test suite,
# on SQLite always, and again (database tests) on PostgreSQL when one is reachable.
# Each pass runs on TEST_WORKERS pytest-xdist workers (default 2; 0 runs in one process): the end-to-end
# tests mostly wait on bot processes, so two workers halve the time even on two cores. Each worker has its
# own SQLite files and its own PostgreSQL database (<name>_gw0, <name>_gw1: tests/conftest.py).
# A failure in either pass fails the script (both passes run, the exit code is the first failure's).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit $?
# the web form's browser tests use Debian's Chromium: installed when missing (quick, never fatal; skipped without)
bash scripts/install-chromium.sh || true
export PYTHONDONTWRITEBYTECODE=1
WORKERS=(-n "${TEST_WORKERS:-2}")
rc=0
.venv/bin/python -m pytest -q "${WORKERS[@]}" "$@" || rc=$?
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
  pg_rc=0
  TEST_DATABASE_URL="$PG_URL" .venv/bin/python -m pytest -q -m "db and not slow" "${WORKERS[@]}" "$@" || pg_rc=$?
  [ "$rc" -ne 0 ] || rc=$pg_rc
fi
exit "$rc"
