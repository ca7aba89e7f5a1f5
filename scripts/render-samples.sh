#!/usr/bin/env bash
# Sample consolidated reports (.docx and .xlsx, with 8 weeks of history for the charts) for each of the five
# outlines, from generated demo data, converted to PDF with LibreOffice (installed with apt-get when missing)
# and to PNG pages (pdftoppm), with the /tonghop picture of each outline. Output: ./demo/samples/; the README's
# phone-size pictures (the first page and the first Biểu annex page of each .docx) are refreshed in docs/img/, and
# the README's table rows (pages of each .docx / .xlsx) are printed at the end. One command: bash scripts/render-samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  echo "Installing LibreOffice and poppler-utils (Debian packages)…"
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libreoffice-writer-nogui \
      libreoffice-calc-nogui fonts-liberation poppler-utils) >/dev/null
fi
out=demo/samples
mkdir -p "$out/pdf-docx" "$out/pdf-xlsx" "$out/png"
.venv/bin/python - "$out" <<'PY'
import sys
from datetime import UTC, datetime
from pathlib import Path

from dialogs.issuer import apply_changes, default_issuer
from dialogs.loader import load_catalogue
from exports import build_report
from exports.charts import history_chart
from exports.consolidate import UnitInfo, consolidate
from exports.trends import History, history_from_consolidation
from exports.sample import synth_answers

out = Path(sys.argv[1])
# the issuing body a province's People's Committee would configure (baocao issuer set 91 …)
issuer = apply_changes(default_issuer("Tỉnh An Giang", "tinh", "91"),
                       {"authority": "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                        "signer": "Nguyễn Văn An", "recipients": "Văn phòng Chính phủ; Bộ Nội vụ", "archive": "NC"})
for o in load_catalogue():
    units = [UnitInfo(i, f"U{i}", f"Ủy ban nhân dân xã mẫu số {i}", o.respondents[0]) for i in range(1, 9)]
    at = {u.id: datetime(2026, 11, 10, 3, 5, tzinfo=UTC) for u in units}

    def week(w: int, prev: int | None = None):
        cur = {u.id: synth_answers(o, u, w) for u in units[:7]}
        before = {u.id: synth_answers(o, u, prev) for u in units[:7]} if prev else None
        return consolidate(o, units=units, current=cur, previous=before, status={u.id: "submitted" for u in units[:5]},
                           submitted_at=at, period_label=f"Tuần {40 + w}/2026", deadline=None,
                           previous_label=f"Tuần {39 + w}/2026" if prev else None, scope_name="Tỉnh mẫu")

    weeks = [history_from_consolidation(week(w)) for w in range(1, 9)]
    hist = History(o.id, "Tỉnh mẫu", [h.labels[0] for h in weeks],
                   [type(s)(s.key, s.number, s.label, s.unit, s.qtype, [h.series[i].values[0] for h in weeks])
                    for i, s in enumerate(weeks[0].series)])
    c = week(8, 7)
    rep = build_report(c, history=hist, issuer=issuer, on=datetime(2026, 12, 4).date())
    (out / rep.docx_name).write_bytes(rep.docx)
    (out / rep.xlsx_name).write_bytes(rep.xlsx)
    png = history_chart(hist, title=f"Số liệu chính «{o.short}»")
    if png:
        (out / "png" / f"{o.id}_tonghop.png").write_bytes(png)
    print(rep.docx_name, rep.xlsx_name)
PY
# a profile of our own: another LibreOffice running on the machine would otherwise take (or refuse) the job
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out/pdf-docx" "$out"/*.docx >/dev/null
soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out/pdf-xlsx" "$out"/*.xlsx >/dev/null
for pdf in "$out"/pdf-*/*.pdf; do
  kind=$(basename "$(dirname "$pdf")")
  pdftoppm -r 60 -png "$pdf" "$out/png/$(basename "$pdf" .pdf)_${kind#pdf-}"
  echo "$pdf: $(.venv/bin/python -c "import sys; from pypdf import PdfReader; print(len(PdfReader(sys.argv[1]).pages))" "$pdf") pages"
done
echo "Rendered $(ls "$out"/pdf-*/*.pdf | wc -l) PDF files; page images in $out/png/"
# docs/img: phone-size (900 px high) pictures of page 1 and of the first page of the first Biểu annex (else Phụ lục II)
.venv/bin/python - "$out" <<'PY'
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from dialogs.loader import load_catalogue

out, img = Path(sys.argv[1]), Path("docs/img")
img.mkdir(parents=True, exist_ok=True)
rows = []
for o in load_catalogue():
    docx = next((out / "pdf-docx").glob(f"tong-hop_{o.id}_*.pdf"))
    xlsx = next((out / "pdf-xlsx").glob(f"tong-hop_{o.id}_*.pdf"))
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(docx)).pages]
    annex = [i for i, t in enumerate(pages) if re.search(r"Phụ lục [IVXL]+ ", t) and "Kèm theo Báo cáo" in t]
    bieu = next((i for i in annex if re.search(r"Phụ lục [IVXL]+ BIỂU", pages[i])), annex[1] if len(annex) > 1 else annex[0])
    for page, name in ((1, "trang-1"), (bieu + 1, "bieu")):
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-scale-to", "900", "-png", "-singlefile", str(docx),
                        str(img / f"{o.id}_{name}")], check=True)
    m = re.search(r"Phụ lục ([IVXL]+) BIỂU (\w+)", pages[bieu])
    what = f"Phụ lục {m.group(1)} (Biểu {m.group(2)})" if m else re.search(r"(Phụ lục [IVXL]+)", pages[bieu]).group(1)
    rows.append(f"| {o.short} | {len(pages)} / {len(PdfReader(str(xlsx)).pages)} trang | "
                f"[xem](docs/img/{o.id}_trang-1.png) | [{what}](docs/img/{o.id}_bieu.png) |")
print("README rows:")
print("\n".join(rows))
PY
