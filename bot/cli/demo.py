"""`baocao demo`: the offline demonstration (the real bot against the Bot API stand-in)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    x = sub.add_parser("demo", help="trình diễn ngoại tuyến: bot thật với máy chủ Bot API giả lập")
    x.add_argument("--out", default="demo", help="thư mục ghi báo cáo tổng hợp (mặc định ./demo)")
    x.add_argument("--quiet", action="store_true", help="không in hội thoại")
    x.set_defaults(fn=cmd_demo)


async def cmd_demo(a: Any, st: Any) -> int:
    from bot.devtools.demo import run_demo

    res = await run_demo(Path(a.out), echo=None if a.quiet else _echo)
    print(f"\nXong: tuần 47 mỗi đơn vị trả lời {', '.join(f'{k}: {v} câu' for k, v in res['week1_answered'].items())}; "
          f"{len(res['files'])} tệp tổng hợp trong {a.out}/.")
    return 0


def _echo(s: str) -> None:
    sys.stdout.write(s + "\n")
    sys.stdout.flush()
