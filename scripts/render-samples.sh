#!/usr/bin/env bash
# Sample consolidated reports (.docx and .xlsx) for each of the five outlines, from generated demo data,
# converted to PDF with LibreOffice (installed with apt-get when missing). Output: ./demo/samples/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if ! command -v soffice >/dev/null 2>&1; then
  echo "Installing LibreOffice (Debian packages)…"
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libreoffice-writer-nogui \
      libreoffice-calc-nogui fonts-liberation) >/dev/null
fi
out=demo/samples
mkdir -p "$out/pdf-docx" "$out/pdf-xlsx"
.venv/bin/python - "$out" <<'PY'
import sys
from pathlib import Path
from dialogs.loader import load_catalogue
from exports import build_report
from exports.consolidate import UnitInfo, consolidate
from exports.sample import synth_answers

out = Path(sys.argv[1])
for o in load_catalogue():
    units = [UnitInfo(i, f"U{i}", f"Đơn vị mẫu {i}", o.respondents[0]) for i in range(1, 9)]
    cur = {u.id: synth_answers(o, u, 2) for u in units[:7]}
    prev = {u.id: synth_answers(o, u, 1) for u in units[:7]}
    c = consolidate(o, units=units, current=cur, previous=prev, status={u.id: "submitted" for u in units[:5]},
                    submitted_at={}, period_label="Kỳ mẫu", deadline=None, previous_label="Kỳ trước",
                    scope_name="Đơn vị mẫu")
    rep = build_report(c)
    (out / rep.docx_name).write_bytes(rep.docx)
    (out / rep.xlsx_name).write_bytes(rep.xlsx)
    print(rep.docx_name, rep.xlsx_name)
PY
soffice --headless --convert-to pdf --outdir "$out/pdf-docx" "$out"/*.docx >/dev/null
soffice --headless --convert-to pdf --outdir "$out/pdf-xlsx" "$out"/*.xlsx >/dev/null
ls -1 "$out"/pdf-*/*.pdf
echo "Rendered $(ls "$out"/pdf-*/*.pdf | wc -l) PDF files without error."
