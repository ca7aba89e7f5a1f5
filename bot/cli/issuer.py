"""`baocao issuer show|set|reset [UNIT]`: who issues a scope's consolidated report (Nghị định 30): the issuing
body, its parent, the place, the number's abbreviation, the layout, the signature block and "Nơi nhận".
UNIT is a unit code (`baocao units find TÊN`), or `*` for the report over all units."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli.common import _db, _print_json, unit_or_complain
from bot.config import Settings

# option → Issuer field
OPTIONS = {"name": "name", "parent": "parent", "place": "place", "abbrev": "abbrev", "layout": "layout",
           "authority": "authority", "title": "title", "signer": "signer", "addressee": "addressee",
           "recipient": "recipients", "archive": "archive"}


def settings_issuer(st: Settings):
    """The issuer the settings describe (ORG_NAME, ORG_PARENT, ORG_PLACE): the last fallback."""
    from exports.docx_report import issuer_of

    return issuer_of(st.org_name, st.org_parent, st.org_place)


async def load_issuer(db, scope: str | None, st: Settings):
    """The issuer of a scope's report (what is stored, else the defaults from the unit data)."""
    from storage.repo import Repo

    async with db.read_session() as s:
        return await Repo(s).issuers.issuer_for(scope, settings_issuer(st))


async def _scope(db, code: str) -> tuple[bool, str | None]:
    """(ok, scope code or None for all units); tells the administrator when the code is unknown."""
    from storage.repo import Repo

    if code in ("*", "tat-ca", "all"):
        return True, None
    async with db.read_session() as s:
        return (await unit_or_complain(Repo(s), code)) is not None, code


async def cmd_issuer(a: argparse.Namespace, st: Settings) -> int:
    from dialogs.issuer import IssuerError, apply_changes, describe, gaps_notice
    from storage.repo import Repo

    async with _db(st) as db:
        ok, scope = await _scope(db, a.unit)
        if not ok:
            return 2
        if a.action == "reset":
            async with db.session() as s:
                await Repo(s).issuers.reset_issuer(scope)
                await s.commit()
        elif a.action == "set":
            changes = {f: getattr(a, opt) for opt, f in OPTIONS.items() if getattr(a, opt) is not None}
            if not changes:
                print("Chưa có gì để đặt. Ví dụ: baocao issuer set 89 --signer \"Nguyễn Văn An\" --title \"PHÓ CHỦ TỊCH\" "
                      "--authority \"TM. ỦY BAN NHÂN DÂN\" --authority \"KT. CHỦ TỊCH\"", file=sys.stderr)
                return 2
            try:
                new = apply_changes(await load_issuer(db, scope, st), changes)
            except IssuerError as e:
                print(str(e), file=sys.stderr)
                return 2
            async with db.session() as s:
                await Repo(s).issuers.set_issuer(scope, new)
                await s.commit()
        issuer = await load_issuer(db, scope, st)
        async with db.read_session() as s:
            stored = await Repo(s).issuers.issuer_is_set(scope)
    if a.json:
        _print_json({"scope": scope or "*", "stored": stored, **issuer.as_dict(), "gaps": issuer.gaps()})
    else:
        basis = "đã đặt" if stored else ("theo ORG_NAME" if issuer.from_settings else "mặc định theo dữ liệu đơn vị")
        print(f"Cơ quan ban hành báo cáo {'tổng hợp mọi đơn vị' if scope is None else f'của đơn vị {scope}'}"
              f" ({basis}):")
        print(describe(issuer))
        notice = gaps_notice(issuer, scope, chat=False)
        if notice:
            print(f"\n{notice}")
    return 0


def register(sub: Any) -> None:
    x = sub.add_parser("issuer", help="cơ quan ban hành, người ký, nơi nhận của báo cáo tổng hợp")
    x.add_argument("action", choices=("show", "set", "reset"), help="xem, đặt, hoặc trả về mặc định")
    x.add_argument("unit", nargs="?", default="*", help="mã đơn vị phạm vi tổng hợp; «*»: báo cáo mọi đơn vị")
    x.add_argument("--name", help="tên cơ quan ban hành, ví dụ «ỦY BAN NHÂN DÂN TỈNH AN GIANG»")
    x.add_argument("--parent", help="cơ quan chủ quản (để trống: không có)")
    x.add_argument("--place", help="địa danh trước ngày tháng, ví dụ «An Giang»")
    x.add_argument("--abbrev", help="chữ viết tắt trong số văn bản, ví dụ «UBND» → Số: /BC-UBND")
    x.add_argument("--layout", help="thể thức: «nhà nước» hoặc «Đảng»")
    x.add_argument("--authority", action="append", help="thẩm quyền ký, mỗi dòng một lần: «TM. ỦY BAN NHÂN DÂN», «KT. CHỦ TỊCH»")
    x.add_argument("--title", help="chức vụ người ký, ví dụ «PHÓ CHỦ TỊCH»")
    x.add_argument("--signer", help="họ tên người ký")
    x.add_argument("--addressee", action="append", help="«Kính gửi», mỗi nơi một lần")
    x.add_argument("--recipient", action="append", help="một dòng «Nơi nhận» (trước «Lưu: VT»), mỗi nơi một lần")
    x.add_argument("--archive", help="đơn vị lưu sau «Lưu: VT,», ví dụ «NC»")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_issuer)
