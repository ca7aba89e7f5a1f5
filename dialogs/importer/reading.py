"""Reading a document (.docx, .txt, .pdf) into blocks: text lines and table grids.

Word's automatic numbering (``w:numPr``) is rendered into the line text from the numbering part, so the
rest of the importer sees "1." or "a)" as if typed. Footnotes are inlined as ``[footnoteRef:N]`` with the
text as ``[N: …]``, the form the seed texts use.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

# the document's types live in dialogs.importer.document (no reader imports another for them); re-exported here
from dialogs.importer.document import ROMAN, Document, DocumentError, Grid, Line  # noqa: F401
from dialogs.text import fold

MAX_BYTES = 20 * 1024 * 1024




def sniff(data: bytes, filename: str) -> str:
    """'docx' | 'pdf' | 'txt', by content (the extension only decides between equally plausible ones)."""
    if not data or not data.strip():
        raise DocumentError("Tệp rỗng: không có nội dung nào để đọc. Hãy gửi tệp đề cương .docx, .pdf hoặc .txt có nội dung.")
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"Tệp quá lớn ({len(data) / 1048576:.1f} MB); chỉ nhận tệp đến {MAX_BYTES // 1048576} MB. "
            "Hãy gửi riêng phần đề cương (ví dụ: đề cương.docx)."
        )
    if data[:4] == b"PK\x03\x04":
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            names = []
        if "word/document.xml" in names:
            return "docx"
        raise DocumentError("Tệp nén này không phải văn bản Word (.docx). Hãy mở bằng Word và lưu lại dạng .docx.")
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DocumentError("Đây là tệp Word cũ (.doc). Hãy mở bằng Word, chọn Lưu thành .docx rồi gửi lại.")
    try:
        text = decode_text(data)
    except UnicodeDecodeError:
        text = None
        if not _binaryish(data[:4000].decode("latin-1")):
            # text, but in an old 8-bit code page that is not Vietnamese Windows-1258 (TCVN3/ABC, VNI…)
            raise DocumentError(
                f"Tệp «{filename}» là văn bản nhưng không dùng mã Unicode (có thể là bảng mã cũ TCVN3/ABC hay VNI). "
                "Hãy mở tệp bằng Word, chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu thành "
                ".docx, hoặc lưu .txt với mã UTF-8, rồi gửi lại."
            ) from None
    if text is None or _binaryish(text):
        kind = "ảnh" if data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff" else "tệp nhị phân"
        raise DocumentError(
            f"Tệp «{filename}» không phải văn bản (nội dung là {kind}). "
            "Hãy gửi đề cương dạng .docx, .pdf có lớp chữ, hoặc .txt (UTF-8)."
        )
    return "txt"


def _binaryish(text: str) -> bool:
    sample = text[:4000]
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f")
    return ctrl > len(sample) * 0.01


# letters only Vietnamese writes: ă â đ ê ô ơ ư and the vowels with a tone mark (after NFC)
_VI_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
                        re.IGNORECASE)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM (Notepad's 'Unicode'), or Vietnamese Windows-1258 (old
    Notepad files: tone marks as combining characters, composed here). Anything else raises UnicodeDecodeError."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        legacy = _windows_1258(data)
        if legacy is None:
            raise
        return legacy


def _windows_1258(data: bytes) -> str | None:
    """The text of a Windows-1258 file when it reads as Vietnamese: most of its words carry Vietnamese letters.
    (A TCVN3 or VNI file also decodes as Windows-1258, but into words with few and stray tone marks: not taken.)"""
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    sample = text[:20000]
    words = re.findall(r"[^\W\d_]+", sample)
    if len(words) < 3 or _binaryish(text):
        return None
    # Vietnamese text: ~85–90 % of its words (the seeds); its tone marks all compose onto vowels, where a wrong
    # decoding leaves combining marks stranded after consonants or punctuation
    vietnamese = sum(1 for w in words if _VI_LETTER.search(w))
    stranded = sum(1 for ch in sample if unicodedata.category(ch) == "Mn")
    return text if vietnamese >= 0.6 * len(words) and stranded <= len(words) // 100 else None


def read(data: bytes, filename: str) -> Document:
    kind = sniff(data, filename)
    if kind == "docx":
        from dialogs.importer.reading_docx import read_docx

        doc = read_docx(data)
    elif kind == "pdf":
        doc = read_pdf(data)
    else:
        doc = read_txt(decode_text(data))
    if not any(isinstance(b, Grid) or b.text.strip() for b in doc.blocks):
        raise DocumentError(f"Tệp «{filename}» không có chữ nào (văn bản trống). Hãy gửi tệp đề cương có nội dung, "
                            "ví dụ: de-cuong.docx")
    return doc


# --------------------------------------------------------------------------- text


def read_txt(text: str, source: str = "txt") -> Document:
    doc = Document(source=source)
    from dialogs.importer.figure_rows import figure_rows
    from dialogs.importer.spreadsheet_rows import spreadsheet_rows

    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _pipe_rows_as_tabs(figure_rows(spreadsheet_rows(raw)))
    i = 0
    while i < len(lines):
        if _is_tab_row(lines[i]):
            j = i
            rows: list[str] = []
            while j < len(lines) and (_is_tab_row(lines[j]) or (not lines[j].strip() and _next_tab(lines, j, rows))):
                if lines[j].strip():
                    rows.append(lines[j])
                j += 1
            if len(rows) >= 2:
                doc.blocks.append(text_grid(rows))
                i = j
                continue
        doc.blocks.append(Line(lines[i]))
        i += 1
    return doc


PIPE_RULE = re.compile(r"\|?[\s:|-]*-{3,}[\s:|-]*\|?")  # '|---|:---|': a Markdown table's rule line


def _pipe_cells(line: str) -> list[str] | None:
    """'| STT | Chỉ tiêu | Số lượng |' or 'STT | Chỉ tiêu | Số lượng': a table's row whose cells a web page or a
    Markdown copy separated by '|' (three cells at least, two with text); None otherwise."""
    s = line.strip()
    if s.count("|") < 2 or PIPE_RULE.fullmatch(s):
        return None
    cells = [c.strip() for c in s.strip("|").split("|")]
    return cells if len(cells) >= 3 and sum(bool(c) for c in cells) >= 2 else None


def _pipe_rows_as_tabs(lines: list[str]) -> list[str]:
    from dialogs.importer.pipe_forms import pipe_form_rows, pipe_two_row_header
    from dialogs.importer.spaced_tables import pipe_figure_rows
    from dialogs.importer.table_shapes2 import broken_pipe_rows

    """Three or more consecutive '|' rows are read as a tab-separated table (a '|---|---|' rule line dropped)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        broken = (broken_pipe_rows(lines, i) or pipe_figure_rows(lines, i) or pipe_form_rows(lines, i)
                  or pipe_two_row_header(lines, i))  # a pipe
        # header over rows broken one cell a line (table_shapes2.py); rows of figures under a row of periods and a unit
        # row (spaced_tables.py); a form's rows short of their spanned cells, a header over two lines (pipe_forms.py)
        if broken:
            out += broken[0]
            i = broken[1]
            continue
        j = i
        while j < len(lines) and (_pipe_cells(lines[j]) or PIPE_RULE.fullmatch(lines[j].strip())):
            j += 1
        rows = [_pipe_cells(ln) for ln in lines[i:j]]
        widths = [len(r) for r in rows if r is not None]
        if len(widths) >= 3 and 3 * widths.count(max(set(widths), key=widths.count)) >= 2 * len(widths):
            out += ["\t".join(r) for r in rows if r is not None]
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _is_tab_row(line: str) -> bool:
    return line.count("\t") >= 2


def _next_tab(lines: list[str], j: int, rows: list[str]) -> bool:
    """A blank gap inside a tab-separated table (rows of empty cells do not count) continues it, unless the rows
    after it have another number of columns (then it is the next table, perhaps one without a header row)."""
    k = j
    blank = 0
    while k < len(lines) and not lines[k].strip():
        blank += "\t" not in lines[k]
        k += 1
    if k >= len(lines) or not _is_tab_row(lines[k]) or blank > 2:
        return False
    if blank and rows:
        width = max(r.rstrip("\n").count("\t") for r in rows)
        return abs(lines[k].count("\t") - width) <= max(1, width // 4)
    return True


def text_grid(rows: list[str]) -> Grid:
    split = [[c.strip() for c in r.split("\t")] for r in rows]
    width = max(len(r) for r in split)
    cells = []
    for ri, r in enumerate(split):
        r = r + [""] * (width - len(r))
        cells.append([(t, (ri, ci)) for ci, t in enumerate(r)])
    return Grid(cells, merged_known=False)


# --------------------------------------------------------------------------- pdf


UNLAID = ("tệp PDF chỉ đọc được chữ, không đọc được vị trí các dòng và ô: bảng kẻ ô (nếu có) không dựng lại được thành "
          "Biểu, dòng bị ngắt có thể tách đôi câu hỏi. Hãy kiểm tra các Biểu, hoặc gửi bản .docx của đề cương.")


def read_pdf(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure means we cannot read it
                ok = 0
            if not ok:
                raise DocumentError(
                    "Tệp PDF được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (hoặc gửi bản .docx) rồi gửi lại."
                )
        pages = [p.extract_text() or "" for p in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise DocumentError(f"Tệp PDF bị hỏng, không đọc được ({e}). Hãy xuất lại PDF hoặc gửi bản .docx.") from None
    text = "\n".join(pages)
    if len(re.findall(r"\w", text)) < 20:
        raise DocumentError(
            "Tệp PDF không có lớp chữ (có lẽ là bản scan/ảnh chụp), nên không đọc được nội dung. "
            "Hãy gửi bản .docx, hoặc PDF xuất trực tiếp từ Word."
        )
    from dialogs.importer.reading_pdf import pdf_pages

    laid = pdf_pages(data)  # the pages' paragraphs and ruled tables, by where they stand (pdfplumber)
    if laid is None or len(laid) != len(pages):
        doc = read_txt(text, source="pdf")
        doc.notes.append(UNLAID)
        return doc
    doc = Document(source="pdf", laid_out=True)
    ending: Grid | None = None  # the table the previous page ended with (it may go on over the page break)
    text: list[str] = []  # the text since the last table, over page breaks: read at once (a table typed one cell a line)
    for bands in laid:
        grids = [j for j, b in enumerate(bands) if isinstance(b, Grid)]
        for j, band in enumerate(bands):
            if not isinstance(band, Grid):
                text.append(band)
                continue
            if ending is not None and j == grids[0] and all(map(_page_furniture, bands[:j])) \
                    and _continues(ending, band):
                _append_rows(ending, band)  # one Biểu split by the page break
            else:
                doc.blocks.extend(_text_blocks(text))
                text = []
                doc.blocks.append(band)
                ending = band
        if not grids or not all(map(_page_furniture, bands[grids[-1] + 1:])):
            ending = None
    doc.blocks.extend(_text_blocks(text))
    return doc


def _text_blocks(bands: list[str]) -> list[Line | Grid]:
    """The text bands of a PDF between two tables, read as one text."""
    return read_txt("\n".join(bands), source="pdf").blocks if "".join(bands).strip() else []


def _page_furniture(text: str) -> bool:
    """Nothing but a page number or blank: "2", "- 2 -", "Trang 2", "2/5"."""
    return re.fullmatch(r"\s*(?:trang\s*)?[-–—\s]*\d{0,3}(?:\s*/\s*\d{1,3})?[-–—\s]*", fold(text).lower()) is not None


def _row_texts(row: list[tuple[str, tuple[int, int]]]) -> tuple[str, ...]:
    return tuple(" ".join(t.split()).lower() for t, _ in row)


def _continues(a: Grid, b: Grid) -> bool:
    """``b`` (at the top of a page) goes on with ``a`` (at the bottom of the page before): the same columns."""
    return bool(a.cells and b.cells) and len(a.cells[0]) == len(b.cells[0])


def _append_rows(a: Grid, b: Grid) -> None:
    """``b``'s rows after ``a``'s, without the header rows a printed table repeats on each page."""
    header = {_row_texts(r) for r in a.cells[:4]}
    skip = 0
    while skip < len(b.cells) and _row_texts(b.cells[skip]) in header:
        skip += 1
    offset = len(a.cells) - skip
    for r, row in enumerate(b.cells[skip:], start=skip):
        a.cells.append([(t, (orow + offset, ocol) if orow >= skip else (r + offset, c))
                        for c, (t, (orow, ocol)) in enumerate(row)])
