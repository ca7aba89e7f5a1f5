"""Who issues a consolidated report: the issuing body, its place, number, layout, signature and recipients.

Nghị định 30/2020/NĐ-CP, Phụ lục I: the issuing body (and its parent, "cơ quan chủ quản") in capitals top left,
the number "Số:      /BC-<abbreviation>", the place name ("An Giang, ngày …" — the province's name for a
province, the commune's for a commune), the signature block (authority "TM." / "KT." / "Q." / "TL." / "TUQ.",
the title, the signer's full name) and "Nơi nhận" ending in "Lưu: VT, <unit>". A Party body (Tỉnh ủy, Đảng ủy,
a Party committee's board) uses the Party layout instead (Hướng dẫn 36-HD/VPTW).

Pure: the settings are stored per scope (unit) by ``storage``; defaults come from the unit's own name and kind.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from dialogs.text import fold

AUTHORITIES = ("TM.", "KT.", "Q.", "TL.", "TUQ.", "T/M", "K/T", "T/L")  # T/M, K/T, T/L: the Party's forms
LAYOUTS = ("state", "party")
LAYOUT_VI = {"state": "nhà nước", "party": "Đảng"}
_PARTY = re.compile(r"\b(tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|dang bo|chi bo|ban chap hanh|"
                    r"ban thuong vu|ban to chuc tinh uy|ban tuyen giao|uy ban kiem tra tinh uy|dang cong san)\b")


@dataclass(frozen=True)
class Issuer:
    """Everything the header, the signature block and "Nơi nhận" of one scope's report need."""

    name: str  # "ỦY BAN NHÂN DÂN TỈNH AN GIANG"
    place: str  # "An Giang"
    abbrev: str  # "UBND" → "Số:      /BC-UBND"
    parent: str | None = None  # "BỘ NỘI VỤ" above "VỤ CHÍNH QUYỀN ĐỊA PHƯƠNG"
    layout: str = "state"  # "state" or "party"
    authority: tuple[str, ...] = ()  # ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    title: str = ""  # "PHÓ CHỦ TỊCH"
    signer: str = ""  # "Nguyễn Văn A"
    addressee: tuple[str, ...] = ()  # "Kính gửi: …" (then "Nơi nhận" starts with "Như trên")
    recipients: tuple[str, ...] = ()  # further "Nơi nhận" lines
    archive: str = "VP"  # "Lưu: VT, VP."
    derived: bool = field(default=True, compare=False)  # not set by anybody: taken from the unit data

    def number_line(self) -> str:
        """"Số:      /BC-UBND" (state) or "Số      -BC/TU" (Party): the number itself is written by the văn thư."""
        if self.layout == "party":
            return f"Số      -BC/{self.abbrev}"
        return f"Số:      /BC-{self.abbrev}"

    def report_ref(self, on: date) -> str:
        """How an annex names its report: "Báo cáo số      /BC-UBND ngày 06 tháng 3 năm 2026"."""
        no = f"      -BC/{self.abbrev}" if self.layout == "party" else f"      /BC-{self.abbrev}"
        return f"Báo cáo số {no} ngày {nd30_day(on)}"

    def recipient_lines(self) -> list[str]:
        """"Nơi nhận" lines: "Như trên" only when there is a "Kính gửi"; always ending with "Lưu: VT, <unit>."."""
        lines = (["Như trên;"] if self.addressee else []) + [f"{r.rstrip(' ;.')};" for r in self.recipients]
        lines.append(f"Lưu: VT, {self.archive}." if self.archive else "Lưu: VT.")
        return [f"- {x}" for x in lines]

    def as_dict(self) -> dict:
        d = asdict(self)
        d["authority"], d["addressee"], d["recipients"] = list(self.authority), list(self.addressee), list(self.recipients)
        return d


def nd30_day(on: date) -> str:
    """"06 tháng 3 năm 2026": Nghị định 30's rule — a leading zero only for days 1–9 and months 1 and 2."""
    return f"{on.day:02d} tháng {month_nd30(on.month)} năm {on.year}"


def month_nd30(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def date_line(place: str, on: date) -> str:
    """"An Giang, ngày 06 tháng 3 năm 2026"."""
    return f"{place}, ngày {nd30_day(on)}"


def is_party_body(name: str) -> bool:
    """A Party body (Tỉnh ủy, Đảng ủy xã, Ban Tổ chức Tỉnh ủy …): printed in the Party layout."""
    return bool(_PARTY.search(fold(name)))


_PREFIXES = (("thanh pho ", "THÀNH PHỐ"), ("tinh ", "TỈNH"), ("xa ", "XÃ"), ("phuong ", "PHƯỜNG"), ("dac khu ", "ĐẶC KHU"))


def _place_of(name: str) -> str:
    """"Thành phố Hà Nội" → "Hà Nội", "Xã Phú Hòa" → "Phú Hòa" (the place name printed before the date)."""
    f = fold(name)
    for prefix, _ in _PREFIXES:
        if f.startswith(prefix):
            return name[len(prefix):].strip()
    return name.strip()


def default_issuer(name: str, kind: str, code: str = "", parent: str | None = None) -> Issuer:
    """A unit's issuer as the unit data says: a province or a commune is its People's Committee, a ministry
    itself, a Party committee in the Party layout. ``parent`` is the parent unit's name (for a department)."""
    place = _place_of(parent or name) if kind not in ("xa", "phuong", "dac_khu", "tinh", "thanh_pho") else _place_of(name)
    if kind in ("tinh", "thanh_pho", "xa", "phuong", "dac_khu"):
        return Issuer(name=f"ỦY BAN NHÂN DÂN {name.upper()}", place=place, abbrev="UBND",
                      authority=("TM. ỦY BAN NHÂN DÂN",), title="CHỦ TỊCH")
    if kind == "chinh_phu":
        return Issuer(name=name.upper(), place="Hà Nội", abbrev=code or "CP", authority=("TM. CHÍNH PHỦ",),
                      title="THỦ TƯỚNG")
    if kind in ("bo", "co_quan_ngang_bo"):
        head = "BỘ TRƯỞNG" if fold(name).startswith("bo ") else "THỦ TRƯỞNG"
        return Issuer(name=name.upper(), place="Hà Nội", abbrev=code or "BC", title=head)
    if kind in ("tinh_uy", "dang_uy", "co_quan_dang") or is_party_body(name):
        abbrev = "TU" if kind == "tinh_uy" else ("ĐU" if kind == "dang_uy" else (code or "ĐU"))
        return Issuer(name=name.upper(), place=place, abbrev=abbrev, layout="party",
                      parent=parent.upper() if parent and kind == "co_quan_dang" else None,
                      authority=("T/M BAN THƯỜNG VỤ",) if kind in ("tinh_uy", "dang_uy") else (),
                      title="BÍ THƯ" if kind in ("tinh_uy", "dang_uy") else "TRƯỞNG BAN")
    parent_line = f"ỦY BAN NHÂN DÂN {parent.upper()}" if parent and kind == "so_nganh" else (parent.upper() if parent else None)
    return Issuer(name=name.upper(), place=place, abbrev=code or "BC", parent=parent_line, title="GIÁM ĐỐC"
                  if fold(name).startswith("so ") else "THỦ TRƯỞNG")


def issuer_from_name(name: str, parent: str | None = None, place: str = "Hà Nội") -> Issuer:
    """An issuer from a body's name alone (the ORG_NAME setting when nothing is stored for the scope): its kind
    guessed from the name, the place as given."""
    f = fold(name)
    if f.startswith("uy ban nhan dan"):
        return Issuer(name=name.upper(), place=place, abbrev="UBND", parent=parent,
                      authority=("TM. ỦY BAN NHÂN DÂN",), title="CHỦ TỊCH")
    kind = ("tinh_uy" if f.startswith(("tinh uy", "thanh uy")) else "dang_uy" if f.startswith("dang uy") else
            "co_quan_dang" if is_party_body(name) else "bo" if f.startswith("bo ") else
            "so_nganh" if f.startswith("so ") else "khac")
    abbrev = "".join(w[0] for w in f.split()[:4]).upper() or "BC"
    base = default_issuer(name, kind, abbrev if kind not in ("tinh_uy", "dang_uy") else "", None)
    return replace(base, place=place, parent=parent.upper() if parent else None)


# --------------------------------------------------------------------------- changes typed by an administrator

# field → (accepted names, folded; Vietnamese name in messages)
FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "name": (("ten", "co quan", "ten co quan", "name"), "tên cơ quan ban hành"),
    "parent": (("cap tren", "co quan chu quan", "chu quan", "parent"), "cơ quan chủ quản"),
    "place": (("dia danh", "noi ban hanh", "place"), "địa danh"),
    "abbrev": (("ky hieu", "viet tat", "abbrev"), "chữ viết tắt trong số văn bản"),
    "layout": (("the thuc", "mau", "layout"), "thể thức (nhà nước / Đảng)"),
    "authority": (("tham quyen", "quyen ky", "authority"), "thẩm quyền ký (TM./KT./Q./TL./TUQ.)"),
    "title": (("chuc vu", "chuc danh", "title"), "chức vụ người ký"),
    "signer": (("nguoi ky", "ho ten", "ho va ten", "signer"), "họ tên người ký"),
    "addressee": (("kinh gui", "addressee"), "kính gửi"),
    "recipients": (("noi nhan", "recipients"), "nơi nhận"),
    "archive": (("luu", "archive"), "đơn vị lưu (sau «Lưu: VT,»)"),
}
LIST_FIELDS = ("authority", "addressee", "recipients")
EXAMPLE = ("người ký: Nguyễn Văn An\nchức vụ: PHÓ CHỦ TỊCH\nthẩm quyền: TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH\n"
           "nơi nhận: Văn phòng Chính phủ; Bộ Nội vụ\nlưu: NC")


class IssuerError(ValueError):
    """A change that cannot be applied; the message (Vietnamese) says what to type instead."""


def field_of(word: str) -> str | None:
    f = " ".join(fold(word).replace("_", " ").replace("-", " ").split())
    for key, (names, _) in FIELDS.items():
        if f in names:
            return key
    return None


def parse_lines(text: str) -> dict[str, str]:
    """"người ký: Nguyễn Văn An" lines → {"signer": "Nguyễn Văn An"}; an unknown field name is an error."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        if ":" not in line:
            raise IssuerError(f"Dòng «{line.strip()}» thiếu dấu «:». Gõ mỗi dòng một mục, ví dụ:\n{EXAMPLE}")
        word, value = line.split(":", 1)
        key = field_of(word)
        if key is None:
            names = ", ".join(v for _, v in FIELDS.values())
            raise IssuerError(f"Không có mục «{word.strip()}». Các mục: {names}. Ví dụ:\n{EXAMPLE}")
        out[key] = value.strip()
    return out


def _split(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    parts = value if isinstance(value, list | tuple) else re.split(r"\s*[;\n|]\s*", value)
    return tuple(p.strip().rstrip(";.").strip() for p in parts if p and p.strip().rstrip(";."))


def _layout(value: str) -> str:
    f = fold(value)
    if f in ("state", "nha nuoc", "chinh quyen"):
        return "state"
    if f in ("party", "dang"):
        return "party"
    raise IssuerError(f"Thể thức «{value}» không có. Gõ «nhà nước» hoặc «Đảng».")


def _authority(lines: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for line in lines:
        up = " ".join(line.split()).upper()
        if not up.startswith(AUTHORITIES):
            raise IssuerError(f"Thẩm quyền «{line}» phải bắt đầu bằng TM., KT., Q., TL. hoặc TUQ. (văn bản của Đảng: "
                              "T/M, K/T, T/L), ví dụ: TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH")
        out.append(up)
    return tuple(out)


def apply_changes(base: Issuer, changes: dict[str, str | list[str]]) -> Issuer:
    """``base`` with the typed changes: names in capitals where the document prints them so, lists split at
    ";"; an empty value clears an optional field."""
    values: dict = {}
    for key, raw in changes.items():
        if key not in FIELDS:
            raise IssuerError(f"Không có mục «{key}».")
        if key in LIST_FIELDS:
            v = _split(raw)
            values[key] = _authority(v) if key == "authority" else v
            continue
        text = " ".join(str(raw).split())
        if key == "layout":
            values[key] = _layout(text)
        elif key in ("name", "title", "parent"):
            if key == "name" and not text:
                raise IssuerError("Tên cơ quan ban hành không được để trống, ví dụ: ỦY BAN NHÂN DÂN TỈNH AN GIANG")
            values[key] = text.upper() or (None if key == "parent" else "")
        elif key in ("place", "abbrev") and not text:
            raise IssuerError(f"{FIELDS[key][1].capitalize()} không được để trống, ví dụ: "
                              + ("An Giang" if key == "place" else "UBND"))
        else:
            values[key] = text
    if "name" in values and "layout" not in values:
        values["layout"] = "party" if is_party_body(values["name"]) else "state"
    return replace(base, derived=False, **values)


def describe(i: Issuer) -> str:
    """The settings as an administrator reads them (one line per field)."""
    rows = [("Cơ quan chủ quản", i.parent or "(không)"), ("Cơ quan ban hành", i.name), ("Số", i.number_line()),
            ("Địa danh", i.place), ("Thể thức", LAYOUT_VI.get(i.layout, i.layout)),
            ("Thẩm quyền ký", "; ".join(i.authority) or "(ký trực tiếp)"), ("Chức vụ", i.title or "(chưa có)"),
            ("Người ký", i.signer or "(chưa có)"), ("Kính gửi", "; ".join(i.addressee) or "(không)"),
            ("Nơi nhận", " ".join(i.recipient_lines()))]
    return "\n".join(f"{k}: {v}" for k, v in rows)


def from_dict(d: dict) -> Issuer:
    d = dict(d)
    for k in LIST_FIELDS:
        d[k] = tuple(d.get(k) or ())
    d.pop("derived", None)
    return Issuer(derived=False, **{k: v for k, v in d.items() if k in Issuer.__dataclass_fields__})
