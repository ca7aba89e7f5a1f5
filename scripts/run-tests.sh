#!/usr/bin/env bash
# One command for a fresh machine: set everything up and run the whole test suite,
# on SQLite always, and again (database tests) on PostgreSQL when one is reachable.
# Each pass runs on TEST_WORKERS pytest-xdist workers (default 2; 0 runs in one process): one worker runs the
# end-to-end tests (real bot processes, on real time) one after another, as before, while the other runs the
# in-process tests (tests/conftest.py groups them). Each worker has its own SQLite files and its own PostgreSQL
# database (<name>_gw0, <name>_gw1). A failure in either pass fails the script (both passes run).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit $?
# the web form's browser tests use Debian's Chromium: installed when missing (quick, never fatal; skipped without)
bash scripts/install-chromium.sh || true
# the render tests use Debian's LibreOffice (the .docx / .xlsx printed to PDF): installed likewise when missing
bash scripts/install-libreoffice.sh || true
export PYTHONDONTWRITEBYTECODE=1
WORKERS=(-n "${TEST_WORKERS:-2}" --dist loadgroup)
rc=0
# the SQLite pass is on SQLite even when TEST_DATABASE_URL is set (that URL is the PostgreSQL pass's)
env -u TEST_DATABASE_URL .venv/bin/python -m pytest -q "${WORKERS[@]}" "$@" || rc=$?
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
  # 5: the tests asked for (arguments) hold no database test: nothing to run again, not a failure
  [ "$pg_rc" -ne 5 ] || pg_rc=0
  [ "$rc" -ne 0 ] || rc=$pg_rc
fi
exit "$rc"
