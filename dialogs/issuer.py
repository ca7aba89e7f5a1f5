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
    # the drafting office's abbreviation after "Lưu: VT," ("NC" → "Lưu: VT, NC."); the Party layout prints the
    # whole line after "Lưu" ("Văn phòng Tỉnh ủy"); None: not known, a dotted gap the văn thư fills in
    archive: str | None = None
    derived: bool = field(default=True, compare=False)  # not set by anybody: taken from the unit data
    from_settings: bool = field(default=False, compare=False)  # the last fallback: ORG_NAME, not the unit data

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
        """"Nơi nhận" lines: "Như trên" only when there is a "Kính gửi"; always ending with where the copy is kept:
        "Lưu: VT, <drafting office>." (Nghị định 30), "Lưu Văn phòng Tỉnh ủy." (Hướng dẫn 36-HD/VPTW)."""
        lines = (["Như trên;"] if self.addressee else []) + [f"{r.rstrip(' ;.')};" for r in self.recipients]
        office = DOTS_SHORT if self.archive is None else self.archive.rstrip(" ;.")
        if self.layout == "party":
            lines.append(f"Lưu {office}." if office else "Lưu Văn phòng.")
        else:
            lines.append(f"Lưu: VT, {office}." if office else "Lưu: VT.")
        return [f"- {x}" for x in lines]

    def gaps(self) -> list[str]:
        """What the document still prints as a placeholder (Vietnamese), for the administrator to set."""
        out = []
        if self.from_settings and is_generic_name(self.name):
            out.append(f"tên cơ quan ban hành (đang in «{self.name}» — chưa có tên địa phương)")
        if not self.title:
            out.append("chức vụ người ký")
        if not self.signer:
            out.append("họ tên người ký (đang để dòng chấm)")
        if self.archive is None:
            out.append("đơn vị soạn thảo sau «Lưu» (đang để dòng chấm)")
        return out

    def as_dict(self) -> dict:
        d = asdict(self)
        d["authority"], d["addressee"], d["recipients"] = list(self.authority), list(self.addressee), list(self.recipients)
        return d


DOTS = "…………………………"  # where the signer's name goes when nobody has set it: room to write it by hand
DOTS_SHORT = "………"
_GENERIC = re.compile(r"^(uy ban nhan dan|ubnd|co quan|don vi)( (tinh|thanh pho|xa|phuong|dac khu|huyen))?$")


def is_generic_name(name: str) -> bool:
    """"ỦY BAN NHÂN DÂN TỈNH" without the province's name: the ORG_NAME placeholder, not a body."""
    return bool(_GENERIC.match(" ".join(fold(name).split())))


def initials(name: str, place: str = "") -> str:
    """"Sở Nội vụ" → "SNV", "Ban Tổ chức Tỉnh ủy An Giang" (place "An Giang") → "BTCTU": the abbreviation in a
    document's number (the place name is not part of it)."""
    if place and fold(name).endswith(" " + fold(place)):
        name = name[: len(name) - len(place)]
    words = [w for w in re.split(r"[\s,.\-–]+", name) if w and w[0].isalpha()]
    while place and len(words) > 1 and fold(words[-1]) in ("tinh", "thanh", "pho", "xa", "phuong", "khu", "dac"):
        words.pop()  # "Sở Nội vụ tỉnh An Giang": the level word before the place name goes with it
    return "".join("Đ" if w[0] in "Đđ" else fold(w[0]).upper() for w in words)[:8]


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


_PREFIXES = (("tinh uy ", "TỈNH ỦY"), ("thanh uy ", "THÀNH ỦY"), ("dang uy xa ", "ĐẢNG ỦY XÃ"),
             ("dang uy phuong ", "ĐẢNG ỦY PHƯỜNG"), ("dang uy ", "ĐẢNG ỦY"), ("thanh pho ", "THÀNH PHỐ"), ("tinh ", "TỈNH"), ("xa ", "XÃ"), ("phuong ", "PHƯỜNG"), ("dac khu ", "ĐẶC KHU"))


def _place_of(name: str) -> str:
    """"Thành phố Hà Nội" → "Hà Nội", "Xã Phú Hòa" → "Phú Hòa" (the place name printed before the date)."""
    f = fold(name)
    for prefix, _ in _PREFIXES:
        if f.startswith(prefix):
            return name[len(prefix):].strip()
    return name.strip()


# ministry-level bodies whose head is not "Bộ trưởng" (folded name → title)
HEAD_TITLES = {"ngan hang nha nuoc": "THỐNG ĐỐC", "thanh tra chinh phu": "TỔNG THANH TRA",
               "van phong chinh phu": "BỘ TRƯỞNG, CHỦ NHIỆM", "uy ban dan toc": "BỘ TRƯỞNG, CHỦ NHIỆM"}
LOCAL = ("tinh", "thanh_pho", "xa", "phuong", "dac_khu")


def _ministry_title(name: str) -> str:
    f = fold(name)
    if f.startswith("bo "):
        return "BỘ TRƯỞNG"
    return next((t for k, t in HEAD_TITLES.items() if f.startswith(k)), "")


def _party(name: str, kind: str, code: str, place: str, parent: str | None) -> Issuer:
    """Hướng dẫn 36-HD/VPTW: a Party committee signs "T/M BAN THƯỜNG VỤ" / "BÍ THƯ" and keeps its copy at its
    Văn phòng; a committee's board (Ban Tổ chức …) is signed by its head; its Ủy ban Kiểm tra collectively."""
    f = fold(name)
    if kind in ("tinh_uy", "dang_uy") or f.startswith(("tinh uy", "thanh uy", "dang uy")):
        office = "Văn phòng Tỉnh ủy" if kind == "tinh_uy" or f.startswith(("tinh uy", "thanh uy")) else "Văn phòng Đảng ủy"
        abbrev = "TU" if office.endswith("Tỉnh ủy") else "ĐU"
        return Issuer(name=name.upper(), place=place, abbrev=abbrev, layout="party", authority=("T/M BAN THƯỜNG VỤ",),
                      title="BÍ THƯ", archive=office)
    authority: tuple[str, ...] = ()
    if f.startswith("uy ban kiem tra"):
        authority, title = ("T/M ỦY BAN KIỂM TRA",), "CHỦ NHIỆM"
    elif f.startswith("van phong"):
        title = "CHÁNH VĂN PHÒNG"
    else:
        title = "TRƯỞNG BAN"
    abbrev = code if code and not code.isdigit() else initials(name, place)
    own = name
    if parent and kind == "co_quan_dang" and fold(name).endswith(" " + fold(parent)):
        own = name[: len(name) - len(parent)].strip()  # "TỈNH ỦY AN GIANG" above "BAN TỔ CHỨC"
    return Issuer(name=own.upper(), place=place, abbrev=abbrev, layout="party", authority=authority, title=title,
                  parent=parent.upper() if parent and kind == "co_quan_dang" else None)


def default_issuer(name: str, kind: str, code: str = "", parent: str | None = None) -> Issuer:
    """A unit's issuer as the unit data says: a province or a commune is its People's Committee ("TM. ỦY BAN NHÂN
    DÂN" / "CHỦ TỊCH", its Văn phòng drafting), a ministry itself ("BỘ TRƯỞNG"), a Party committee in the Party
    layout ("T/M BAN THƯỜNG VỤ" / "BÍ THƯ"), a department its director. ``parent`` is the parent unit's name."""
    place = _place_of(name) if kind in LOCAL else _place_of(parent or name)
    if kind in LOCAL:
        return Issuer(name=f"ỦY BAN NHÂN DÂN {name.upper()}", place=place, abbrev="UBND",
                      authority=("TM. ỦY BAN NHÂN DÂN",), title="CHỦ TỊCH", archive="VP")
    if kind == "chinh_phu":
        return Issuer(name=name.upper(), place="Hà Nội", abbrev=code or "CP", authority=("TM. CHÍNH PHỦ",),
                      title="THỦ TƯỚNG")
    if kind in ("bo", "co_quan_ngang_bo"):
        return Issuer(name=name.upper(), place="Hà Nội", abbrev=code or initials(name), title=_ministry_title(name))
    if kind in ("tinh_uy", "dang_uy", "co_quan_dang") or is_party_body(name):
        return _party(name, kind, code, place, parent)
    abbrev = code if code and not code.isdigit() else initials(name, place)
    parent_line = f"ỦY BAN NHÂN DÂN {parent.upper()}" if parent and kind == "so_nganh" else (parent.upper() if parent else None)
    f = fold(name)
    if kind == "mttq" or f.startswith("uy ban mat tran"):
        return Issuer(name=name.upper(), place=place, abbrev=abbrev or "MTTQ", parent=parent_line,
                      authority=("TM. BAN THƯỜNG TRỰC",), title="CHỦ TỊCH")
    title = "GIÁM ĐỐC" if f.startswith("so ") else ("TRƯỞNG BAN" if f.startswith("ban ") else "")
    return Issuer(name=name.upper(), place=place, abbrev=abbrev or "BC", parent=parent_line, title=title,
                  archive="VP" if f.startswith("so ") else None)


def issuer_from_name(name: str, parent: str | None = None, place: str = "Hà Nội") -> Issuer:
    """An issuer from a body's name alone (the ORG_NAME setting when nothing is stored for the scope): its kind
    guessed from the name, the place as given."""
    f = fold(name)
    if f.startswith("uy ban nhan dan"):
        return Issuer(name=name.upper(), place=place, abbrev="UBND", parent=parent, authority=("TM. ỦY BAN NHÂN DÂN",),
                      title="CHỦ TỊCH", archive="VP", from_settings=True)
    kind = ("tinh_uy" if f.startswith(("tinh uy", "thanh uy")) else "dang_uy" if f.startswith("dang uy") else
            "co_quan_dang" if is_party_body(name) else "bo" if f.startswith("bo ") else
            "so_nganh" if f.startswith("so ") else "khac")
    base = default_issuer(name, kind, "", None)
    return replace(base, place=place, parent=parent.upper() if parent else None, from_settings=True)


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
    "archive": (("luu", "don vi soan thao", "soan thao", "archive"), "đơn vị soạn thảo, viết tắt (in sau «Lưu: VT,»)"),
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
            ("Đơn vị soạn thảo", i.archive if i.archive is not None else "(chưa có)"),
            ("Người ký", i.signer or "(chưa có — văn bản để dòng chấm để ký)"), ("Kính gửi", "; ".join(i.addressee) or "(không)"),
            ("Nơi nhận", " ".join(i.recipient_lines()))]
    return "\n".join(f"{k}: {v}" for k, v in rows)


def from_dict(d: dict) -> Issuer:
    d = dict(d)
    for k in LIST_FIELDS:
        d[k] = tuple(d.get(k) or ())
    d.pop("derived", None)
    return Issuer(derived=False, **{k: v for k, v in d.items() if k in Issuer.__dataclass_fields__})


# --------------------------------------------------------------------------- what is still to be set, and how

# gap → (CLI option, chat field name, example value)
_HOW = {"name": ("--name", "tên", "ỦY BAN NHÂN DÂN TỈNH AN GIANG"), "place": ("--place", "địa danh", "An Giang"),
        "title": ("--title", "chức vụ", "CHỦ TỊCH"), "signer": ("--signer", "người ký", "Nguyễn Văn An"),
        "archive": ("--archive", "đơn vị soạn thảo", "VP")}


def _missing_fields(i: Issuer) -> list[str]:
    keys = ["name", "place"] if i.from_settings and is_generic_name(i.name) else []
    keys += [k for k, v in (("title", i.title), ("signer", i.signer)) if not v]
    return keys + (["archive"] if i.archive is None else [])


def body_is_placeholder(i: Issuer) -> bool:
    """The issuing body itself is the ORG_NAME placeholder ("ỦY BAN NHÂN DÂN TỈNH" without a name)."""
    return i.from_settings and is_generic_name(i.name)


def set_command(i: Issuer, scope: str | None) -> str:
    """The exact `baocao issuer set` command that fills what the document still leaves blank."""
    unit = scope or "'*'"
    opts = " ".join(f'{_HOW[k][0]} "{_HOW[k][2]}"' for k in _missing_fields(i))
    return f"baocao issuer set {unit} {opts}".rstrip()


def chat_command(i: Issuer, scope: str | None) -> str:
    """The same as an administrator types it in the bot: "/coquan 91" and one line per field."""
    lines = [f"/coquan {scope}" if scope else "/coquan"]
    lines += [f"{_HOW[k][1]}: {_HOW[k][2]}" for k in _missing_fields(i)]
    return "\n".join(lines)


def gaps_notice(i: Issuer, scope: str | None, *, chat: bool) -> str | None:
    """A plain sentence for the CLI or the chat when the .docx still has a placeholder (the ORG_NAME body, a
    dotted line for the signer …), with the exact command that sets it (example values to replace); None when
    nothing is missing."""
    gaps = i.gaps()
    if not gaps:
        return None
    where = "báo cáo tổng hợp mọi đơn vị" if scope is None else f"báo cáo của đơn vị {scope}"
    head = f"⚠️ Văn bản .docx ({where}) còn để trống: {'; '.join(gaps)}."
    if chat:
        return (f"{head}\nQuản trị viên đặt một lần bằng tin nhắn (thay giá trị ví dụ bằng giá trị thật):\n"
                f"{chat_command(i, scope)}")
    return f"{head}\nĐặt một lần bằng lệnh (thay giá trị ví dụ bằng giá trị thật):\n  {set_command(i, scope)}"
