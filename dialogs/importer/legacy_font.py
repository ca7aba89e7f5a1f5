"""Text typed in the old Vietnamese 8-bit font code TCVN3 (ABC, the '.Vn' fonts) and read as Latin-1 by a copy:
'BiÓu sè', '§¬n vÞ b¸o c¸o', 'TRÞ GI¸ XUÊT KHÈU' → 'Biểu số', 'Đơn vị báo cáo', 'TRỊ GIÁ XUẤT KHẨU'.

The code is a closed table (one byte a letter with its tone). A word is decoded when it holds a byte no Vietnamese
word holds (§, ¬, ¸, µ, Þ …) and its decoding is a Vietnamese syllable; in a line with such words, a word of
ambiguous bytes only ('Bé', 'sè' are Latin-1 letters too) is decoded when it is no syllable and its decoding is one.
A page whose text is right (no such word anywhere) is left as it is."""

from __future__ import annotations

import re

from dialogs.importer.syllables import is_valid

# TCVN3 byte (as its Latin-1 character) → the letter; the capitals of the '.VnxxxH' fonts share the lower-case bytes
_LOWER = (
    "µà ¶ả ·ã ¸á ¹ạ ¨ă »ằ ¼ẳ ½ẵ ¾ắ Æặ ©â Çầ Èẩ Éẫ Êấ Ëậ ®đ Ìè Îẻ Ïẽ Ðé Ñẹ ªê Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ «ô åồ æổ çỗ èố éộ ¬ơ êờ ëở ìỡ íớ îợ ïù ñủ òũ óú ôụ \u00adư −ư õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ "
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ"
)
TCVN3 = {pair[0]: pair[1] for pair in _LOWER.split()}
# bytes no word of Vietnamese in Unicode holds: a word with one is TCVN3 read as Latin-1
SURE = set("µ¶·¸¹¨»¼½¾Æ©Ç®ÎÏÐÑªÖ×ØÜÞßåæçëîïñö÷øûüþ«¬¡¢£¤¥¦§−\u00ad")
WORD = re.compile(r"[^\s\d.,;:()/\\\[\]\"'“”…-]+")


def _decode(word: str) -> str:
    return "".join(TCVN3.get(ch, ch) for ch in word)


def _syllable(word: str) -> bool:
    return is_valid(word.lower())


INNER_CAPITAL = re.compile(r"[a-z][ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]")


def _sure(word: str) -> bool:
    """A byte no Unicode word holds, or a capital inside a lower-case word ('BiÓu'), that decodes to a syllable."""
    return bool(SURE & set(word) or INNER_CAPITAL.search(word)) and _syllable(_decode(word))


def _plain_caps(word: str) -> int:
    """How many plain capitals the word holds when all its plain letters are capitals, else 0."""
    plain = [c for c in word if c.isascii() and c.isalpha()]
    return len(plain) if plain and all(c.isupper() for c in plain) else 0


def _cased(word: str, between_caps: bool) -> str:
    """The decoded word; in capitals when its plain letters are ('TRÞ' → 'TRỊ': the capitals' font used the
    lower-case bytes), a word of one plain capital only between words in capitals ('TæNG Sè LAO')."""
    caps = _plain_caps(word)
    return _decode(word).upper() if caps >= 2 or (caps == 1 and between_caps) else _decode(word)


def _line(line: str) -> str:
    """Decode the sure words, and a word of ambiguous bytes next to a decoded one ('Vô' after 'DÞCH', 'Bé' after
    it: 'DỊCH Vụ Bộ'); a word of Unicode letters ('Đơn', 'Kế') ends the run."""
    spans = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(line)]
    if not any(_sure(w) for *_, w in spans):
        return line
    sure = [_sure(w) for *_, w in spans]
    done = [False] * len(spans)
    for k, (_, _, w) in enumerate(spans):
        d = _decode(w)
        near = (k > 0 and done[k - 1]) or (k + 1 < len(spans) and sure[k + 1])
        done[k] = d != w and _syllable(d) and (sure[k] or near)
    out, last = [], 0
    for k, ((a, b, w), yes) in enumerate(zip(spans, done, strict=True)):
        between = (
            k > 0
            and _plain_caps(spans[k - 1][2]) >= 2
            and k + 1 < len(spans)
            and _plain_caps(spans[k + 1][2]) >= 2
        )
        out.append(line[last:a] + (_cased(w, between) if yes else w))
        last = b
    return "".join(out) + line[last:]


def decode_tcvn3(lines: list[str]) -> list[str]:
    """The lines with their TCVN3 words decoded; the same list when the text shows none (three sure words needed)."""
    sure = sum(1 for line in lines for w in WORD.findall(line) if SURE & set(w) and _syllable(_decode(w)))
    if sure < 3:
        return lines
    return [_line(line) for line in lines]
