"""The spreadsheet path: a unit's own questionnaire as an .xlsx to fill on a computer, and reading it back.

``make_template`` writes one sheet per top-level section (number, question, expected form, answer cell; list
questions as a small table, one row per item), one sheet per Biểu in its own layout (grouped headers, row
groups, computed rows as values the bot recomputes — never formulas), last period's answers pre-filled and
marked, Excel data validation, sheets protected except the answer cells, and a very hidden sheet that says
which outline, version, unit and period the file is for and which cell holds which answer, signed with an
HMAC so that a file not made by the bot is refused.

``read_template`` refuses (``TemplateRefused``, a Vietnamese reason) before reading anything a file that is
too big or not a spreadsheet, then one not made by the bot or made for another unit, period or outline
version; otherwise it reads every answer cell with the same parsers as a chat answer (formulas as their
cached values, never evaluated) and returns the answers and the cells in error with their address.

One module each: ``cells.py`` (what both sides share: limits, looks, results, an answer as a cell's value and
back), ``write.py`` (``make_template``), ``sign.py`` (the hidden meta sheet and its HMAC), ``read.py``
(``read_template``). The looks and the sheet names are ``exports/xlsx_style.py``'s, shared with the report.
"""

from exports.template.cells import (
    LABEL_COLUMN,
    MAP_START,
    MAX_BYTES,
    META_SHEET,
    CellError,
    TemplateRefused,
    TemplateResult,
    example_for,
)
from exports.template.read import check_container, read_template
from exports.template.sign import META_NAMES, NOT_OURS
from exports.template.write import make_template

__all__ = ["LABEL_COLUMN", "MAP_START", "MAX_BYTES", "META_NAMES", "META_SHEET", "NOT_OURS", "CellError",
           "TemplateRefused", "TemplateResult", "check_container", "example_for", "make_template", "read_template"]
