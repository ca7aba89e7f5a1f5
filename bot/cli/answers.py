"""`baocao answers export`: every answer of a period as CSV."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

from bot.cli.common import _db
from bot.config import Settings


async def cmd_answers_export(a: argparse.Namespace, st: Settings) -> int:
    from sqlalchemy import select

    from storage.models import Answer, Submission, Unit

    out = Path(a.out)
    n = 0
    async with _db(st) as db, db.read_session() as s:
        q = (
            select(Unit.code, Unit.name, Submission.status, Answer.question_key, Answer.value, Answer.version,
                   Answer.set_at, Answer.via)
            .join(Submission, Submission.id == Answer.submission_id)
            .join(Unit, Unit.id == Submission.unit_id)
            .where(Submission.period_id == a.period)
            .order_by(Unit.code, Answer.question_key)
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(["ma_don_vi", "ten_don_vi", "trang_thai", "cau_hoi", "gia_tri_json", "phien_ban",
                        "thoi_diem", "nguon"])
            for code, name, status, key, value, version, set_at, via in (await s.execute(q)).all():
                w.writerow([code, name, status, key, json.dumps(value, ensure_ascii=False), version,
                            set_at.isoformat(), via])
                n += 1
    print(f"Đã xuất {n} câu trả lời của kỳ {a.period} vào {out}.")
    return 0


def register(sub: Any) -> None:
    an = sub.add_parser("answers", help="câu trả lời").add_subparsers(dest="sub", required=True)
    x = an.add_parser("export", help="xuất mọi câu trả lời của một kỳ ra CSV")
    x.add_argument("--period", type=int, required=True)
    x.add_argument("--out", required=True)
    x.set_defaults(fn=cmd_answers_export)
