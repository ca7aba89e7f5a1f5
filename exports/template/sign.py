"""The very hidden sheet that says which outline, version, unit and period the file is for and which cell holds
which answer, signed with an HMAC so that a file not made by the bot (or changed outside the answer cells) is
refused; and the file's identity checked against what the officer is reporting."""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any

import orjson

from dialogs.outline import Outline
from exports.template.cells import MAP_START, META_SHEET, TemplateRefused

if TYPE_CHECKING:
    from exports.template.write import _Writer

META_NAMES = ("outline", "version", "unit", "period", "made_at", "unit_name", "period_label")
SIGNATURE_ROW = len(META_NAMES) + 1


def write_meta(w: _Writer, secret: str | bytes, meta: list[str]) -> None:
    ws = w.wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    for i, (name, v) in enumerate(zip(META_NAMES, meta, strict=True), 1):
        ws.cell(i, 1, name)
        ws.cell(i, 2, v).data_type = "s"
    ws.cell(SIGNATURE_ROW, 1, "signature")
    ws.cell(SIGNATURE_ROW, 2, sign(secret, meta, w.cells))
    for k, row in enumerate(w.cells):
        ws.cell(MAP_START + k, 1, row[0]).data_type = "s"
        ws.cell(MAP_START + k, 2, row[1])
        ws.cell(MAP_START + k, 3, orjson.dumps(row[2:]).decode())



def sign(secret: str | bytes, meta: list[str], cells: list[list[str]]) -> str:
    key = secret.encode() if isinstance(secret, str) else secret
    payload = orjson.dumps([meta, cells])
    return hmac.new(key, payload, hashlib.sha256).hexdigest()



NOT_OURS = ("Tệp này không phải mẫu do bot tạo (hoặc đã bị sửa ngoài các ô trả lời), nên không đọc được. "
            "Hãy gõ /mau để lấy mẫu mới, điền vào các ô trả lời rồi gửi lại.")


def read_meta(wb: Any, secret: str | bytes) -> tuple[dict[str, str], list[list[str]]]:
    if META_SHEET not in wb.sheetnames:
        raise TemplateRefused(NOT_OURS)
    ws = wb[META_SHEET]
    meta = [str(ws.cell(i, 2).value or "") for i in range(1, len(META_NAMES) + 1)]
    sig = str(ws.cell(SIGNATURE_ROW, 2).value or "")
    cells: list[list[str]] = []
    for row in ws.iter_rows(min_row=MAP_START, max_col=3, values_only=True):
        if not row[0]:
            break
        try:
            path = orjson.loads(row[2])
        except (orjson.JSONDecodeError, TypeError):
            raise TemplateRefused(NOT_OURS) from None
        cells.append([str(row[0]), str(row[1]), *map(str, path)])
    if not sig or not hmac.compare_digest(sig, sign(secret, meta, cells)):
        raise TemplateRefused(NOT_OURS)
    return dict(zip(META_NAMES, meta, strict=True)), cells


def check_identity(meta: dict[str, str], outline: Outline, unit_code: str, period_id: int, version: int) -> None:
    if meta["outline"] != outline.id:
        raise TemplateRefused(f"Tệp này là mẫu của một báo cáo khác, không phải «{outline.short}». "
                              "Hãy gõ /mau để lấy đúng mẫu.")
    if meta["unit"] != str(unit_code):
        raise TemplateRefused(f"Tệp này là mẫu của đơn vị «{meta['unit_name']}», không phải đơn vị của bạn. "
                              "Mỗi đơn vị chỉ gửi mẫu của mình: gõ /mau để lấy mẫu của đơn vị bạn.")
    if meta["period"] != str(period_id):
        raise TemplateRefused(f"Tệp này là mẫu của kỳ «{meta['period_label']}», không phải kỳ đang báo cáo. "
                              "Gõ /mau để lấy mẫu của kỳ này.")
    if meta["version"] != str(version):
        raise TemplateRefused("Tệp này làm theo phiên bản cũ của đề cương, các câu hỏi đã thay đổi. "
                              "Gõ /mau để lấy mẫu mới, chép số liệu sang rồi gửi lại.")


