"""Which kind of question handles which question type: one line per type.

A new kind (a photo or file answer, say) is one module with a :class:`~dialogs.engine.base.Kind` subclass
and one line here."""

from __future__ import annotations

from dialogs.engine.base import Kind
from dialogs.engine.lists import ListKind
from dialogs.engine.longtext import LongTextKind
from dialogs.engine.scalar import ScalarKind
from dialogs.engine.tables import TableKind

KINDS: dict[str, type[Kind]] = {
    "integer": ScalarKind,
    "decimal": ScalarKind,
    "percent": ScalarKind,
    "money": ScalarKind,
    "date": ScalarKind,
    "text": ScalarKind,
    "yesno": ScalarKind,
    "choice": ScalarKind,
    "multichoice": ScalarKind,
    "longtext": LongTextKind,
    "list": ListKind,
    "documents": ListKind,
    "table": TableKind,
}

_INSTANCES: dict[type[Kind], Kind] = {}


def kind_for(question_type: str) -> Kind:
    """The kind that handles ``question_type`` (kinds keep no data, so one instance serves all)."""
    cls = KINDS.get(question_type, ScalarKind)
    inst = _INSTANCES.get(cls)
    if inst is None:
        inst = _INSTANCES[cls] = cls()
    return inst
