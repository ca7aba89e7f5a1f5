"""`baocao link UNIT_OR_PERSON`: signed links to the web form, for officers outside Telegram; revoke and list them.

UNIT_OR_PERSON is a Telegram id or @username (that account), or a unit code (each active officer of the unit;
a unit without one gets an account for the web only, named by --name). Each link is bound to one account and
one period (--period, default the unit's open period) and valid WEB_LINK_HOURS (or --hours)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli.common import _catalogue_db, _db, _print_json
from bot.config import Settings


async def _accounts(repo: Any, target: str, name: str | None) -> list[Any] | None:
    """The accounts a link is made for, or None after saying why not."""
    if target.startswith("@"):
        acc = await repo.accounts.account_by_username(target[1:])
        if acc is None:
            print(f"Không có người dùng {target}. Xem danh sách: baocao users list", file=sys.stderr)
        return [acc] if acc else None
    if target.lstrip("-").isdigit():
        acc = await repo.accounts.account_by_tg(int(target))
        if acc is not None and acc.active:
            return [acc]
    unit = await repo.units.unit_by_code(target)
    if unit is None:
        print(f"Không có người dùng hay đơn vị «{target}». Dùng mã đơn vị (tìm: baocao units find TÊN), "
              "Telegram id hoặc @tên_người_dùng.", file=sys.stderr)
        return None
    officers = (await repo.accounts.officers_of([unit.id])).get(unit.id) or []
    if not officers:
        officers = [await repo.web.ensure_web_account(unit, name or f"Cán bộ đầu mối {unit.name}")]
    return officers


async def cmd_link(a: argparse.Namespace, st: Settings) -> int:
    if a.revoke or a.list:
        return await _revoke_or_list(a, st)
    if not a.target:
        print("Cần đơn vị hoặc người nhận: baocao link MÃ_ĐƠN_VỊ (hoặc Telegram id, @tên).", file=sys.stderr)
        return 2
    if not st.web_base_url:
        print("Chưa đặt WEB_BASE_URL (địa chỉ công khai của bot, ví dụ https://baocao.example.gov.vn) trong .env.",
              file=sys.stderr)
        return 2
    from bot.services import Services
    from bot.web.links import issue_link
    from bot.web.service import officer_periods
    from storage.repo import Repo

    catalogue = await _catalogue_db(st)
    out = []
    async with _db(st) as db, db.session() as s:
        repo = Repo(s)
        services = Services(settings=st, db=db, catalogue=catalogue)
        accs = await _accounts(repo, a.target, a.name)
        if accs is None:
            return 2
        for acc in accs:
            unit = await repo.units.unit(acc.unit_id) if acc.unit_id else None
            period_id = a.period
            if period_id is None and unit is not None:
                periods = await officer_periods(services, repo, unit)
                period_id = periods[0][0].id if periods else None
            if period_id is None:
                print(f"{acc.full_name or acc.telegram_id}: không có kỳ báo cáo nào đang mở; chọn kỳ bằng --period SỐ "
                      "(xem: baocao period list).", file=sys.stderr)
                continue
            issued = await issue_link(services, repo, acc, period_id, hours=a.hours)
            out.append({"link_id": issued.link.id, "url": issued.url, "account": acc.telegram_id,
                        "name": acc.full_name, "unit": unit.code if unit else None, "period": period_id,
                        "expires_at": issued.expires_at})
        await s.commit()
    _print_links(a, out)
    return 0 if out else 2


def _print_links(a: argparse.Namespace, out: list[dict[str, Any]]) -> None:
    if a.json:
        _print_json(out)
        return
    for r in out:
        print(f"{r['name'] or r['account']} ({r['unit'] or '-'}), kỳ số {r['period']}, hết hạn "
              f"{r['expires_at']:%d/%m/%Y %H:%M} UTC — mã {r['link_id']}:\n{r['url']}")
    if out:
        print("\nGửi đường dẫn cho đúng người (qua Zalo, thư điện tử…). Thu hồi: baocao link --revoke MÃ")


async def _revoke_or_list(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.session() as s:
        repo = Repo(s)
        accs = await _accounts(repo, a.target, None) if a.target else None
        if a.target and accs is None:
            return 2
        if a.revoke:
            n = 0
            if a.revoke == "all":
                for acc in accs or []:
                    n += await repo.web.revoke_web_links(account_id=acc.id)
            else:
                n = await repo.web.revoke_web_links(link_id=a.revoke)
            await s.commit()
            print(f"Đã thu hồi {n} đường dẫn." if n else "Không có đường dẫn nào còn hiệu lực để thu hồi.")
            return 0 if n else 1
        links = await repo.web.web_links([x.id for x in accs] if accs else None)
        rows = [{"link_id": x.id, "account_id": x.account_id, "period": x.period_id, "expires_at": x.expires_at,
                 "revoked": x.revoked_at is not None, "last_used_at": x.last_used_at} for x in links]
    if a.json:
        _print_json(rows)
    else:
        for r in rows:
            state = "đã thu hồi" if r["revoked"] else f"hết hạn {r['expires_at']:%d/%m/%Y %H:%M} UTC"
            print(f"{r['link_id']}  tài khoản {r['account_id']}  kỳ {r['period']}  {state}")
        print(f"Tổng: {len(rows)} đường dẫn.")
    return 0


def register(sub: Any) -> None:
    x = sub.add_parser("link", help="đường dẫn có chữ ký tới trang web điền báo cáo (người không dùng Telegram)")
    x.add_argument("target", nargs="?", help="mã đơn vị, Telegram id hoặc @tên người dùng")
    x.add_argument("--period", type=int, help="số kỳ báo cáo (mặc định: kỳ đang mở của đơn vị)")
    x.add_argument("--hours", type=float, help="hiệu lực, giờ (mặc định WEB_LINK_HOURS)")
    x.add_argument("--name", help="tên người nhận, khi đơn vị chưa có cán bộ nào")
    x.add_argument("--revoke", metavar="MÃ", help="thu hồi một đường dẫn (MÃ), hoặc «all»: mọi đường dẫn của target")
    x.add_argument("--list", action="store_true", help="liệt kê đường dẫn (của target, hoặc tất cả)")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_link)
