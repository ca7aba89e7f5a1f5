"""Text typed in the old TCVN3 (ABC) font and read as Latin-1: 'BiÓu sè' (Biểu số), '§¬n vÞ b¸o c¸o' (Đơn vị báo
cáo), 'TRÞ GI¸ XUÊT KHÈU' (TRỊ GIÁ XUẤT KHẨU). A line with three words or more holding a character Vietnamese in
Unicode never uses ('§', '¬', 'Þ', '¸' …) is repaired word by word: such a word is mapped through the TCVN3 table,
and so is a word of Latin-1 letters only that becomes a Vietnamese syllable and either was none ('XUÊT' → 'XUẤT')
or stands next to a marked word ('Thèng kª' → 'Thống kê'). A word in capitals (a caps font kept the lower-case
accented letters) is written in capitals. Unicode words stay as they are."""

from __future__ import annotations

TCVN3 = dict(
    zip(
        "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦−",
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯư",
        strict=True,
    )
)
UNICODE_VI = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
MARKERS = {c for c in TCVN3 if c not in UNICODE_VI}


def _latin1(word: str) -> bool:
    return all(ord(c) <= 0xFF or c == "−" for c in word)


def _decoded(word: str) -> str:
    out = "".join(TCVN3.get(c, c) for c in word)
    letters = [c for c in word if c.isalpha() and c not in TCVN3]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        out = out.upper()
    return out


def _marked(word: str) -> bool:
    return _latin1(word) and any(c in MARKERS for c in word)


def _plain_unicode(word: str) -> bool:
    """A word plainly typed in Unicode: a Vietnamese letter outside Latin-1 ('đạt', 'Quốc'), or a syllable that the
    TCVN3 table would turn into none ('chuyên' → 'chuyờn'). A valid word standing between it and a TCVN3 word is at
    the seam of a page mixing both ('chuyên môn D©n'): which one it is cannot be told, so it stays as written."""
    from dialogs.importer.syllables import load_syllables

    core = word.strip(".,;:()").lower()
    if not core or not any(c.isalpha() for c in core):
        return False
    if not _latin1(word):
        return True
    syllables = load_syllables()
    return core in syllables and any(c in TCVN3 for c in word) and _decoded(core) not in syllables


def _repair(words: list[str], k: int) -> str:
    from dialogs.importer.syllables import load_syllables

    word = words[k]
    if not _latin1(word) or not any(c in TCVN3 for c in word):
        return word
    if _marked(word):
        return _decoded(word)
    around = [words[x] for x in (k - 1, k + 1) if 0 <= x < len(words)]
    near = any(_marked(w) for w in around) and not any(_plain_unicode(w) for w in around)
    core, fixed = word.strip(".,;:()").lower(), _decoded(word).strip(".,;:()").lower()
    syllables = load_syllables()
    return _decoded(word) if fixed in syllables and (near or core not in syllables) else word


def repair_old_font(line: str, known: bool = False) -> str:
    """The line with its TCVN3 words read again (see the module's note); any other line unchanged. Once the
    document is known to be TCVN3, one marked word is enough ('B¸O C¸O', 'UBND X· T¢N PHó' above the text)."""
    words = line.split(" ")
    if sum(_marked(w) for w in words) < (1 if known else 3):
        return line
    return " ".join(_repair(words, k) for k in range(len(words)))


def _tcvn3_gains(line: str, syllables: frozenset[str]) -> int:
    """Words of the line that no syllable reads and that become one through the TCVN3 table."""
    cores = [w.strip(".,;:()") for w in line.split(" ")]
    return sum(1 for w in cores if _marked(w) and w.lower() not in syllables and _decoded(w).lower() in syllables)


def repair_old_fonts(lines: list[str]) -> tuple[list[str], str | None]:
    """The lines with an old font's words read again, and the font's name ('TCVN3', 'VNI') when any was. The
    document's font is the one whose table turns more broken words into syllables: VNI text also holds the
    characters TCVN3 uses ('Soá hoä daân'), and TCVN3 text the ones VNI uses ('tö vong')."""
    from dialogs.importer.syllables import load_syllables
    from dialogs.importer.vni_font import repair_vni, vni_gains

    syllables = load_syllables()
    vni = sum(vni_gains(x, syllables) for x in lines)
    tcvn3 = sum(_tcvn3_gains(x, syllables) for x in lines)
    if vni >= 3 and vni > tcvn3:
        return [repair_vni(x, syllables, known=True) for x in lines], "VNI"
    out = [repair_old_font(x) for x in lines]
    if out == lines:
        return lines, None
    return [repair_old_font(x, known=True) for x in lines], "TCVN3"
