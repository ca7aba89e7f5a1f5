"""The importer tests' shared steps: a text imported into a draft outline that must pass ``outlines check``, and
the draft's questions by prompt."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.loader import check_outline_text
from dialogs.outline import Outline


def imp(text: str, name: str = "de-cuong.txt") -> Outline:
    result = import_document(text.encode("utf-8"), name)
    outline, problems = check_outline_text(result.yaml)
    assert not problems, problems
    return outline


def prompts(o: Outline) -> dict[str, tuple[str, str]]:
    """prompt → (section number, type); the last one wins for a repeated prompt."""
    return {r.question.prompt: (r.section_number, r.question.type) for r in o.refs}
