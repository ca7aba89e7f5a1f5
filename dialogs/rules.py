"""Cross-question validation rules: small arithmetic comparisons over answer keys.

A rule is written in the outline as ``check: "nv_hoan_thanh + nv_dang_thuc_hien <= nv_tong"`` with a
Vietnamese ``message``. Names are question keys (numeric answers) or ``table.row.col`` for a Biểu cell.
Only + - * / unary minus, comparisons, ``and``/``or`` and number literals are allowed.
"""

from __future__ import annotations

import ast
import operator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMP = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
}


class RuleSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class CompiledRule:
    source: str
    tree: ast.Expression
    names: tuple[str, ...]


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


@lru_cache(maxsize=1024)
def compile_rule(source: str) -> CompiledRule:
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as e:
        raise RuleSyntaxError(f"biểu thức kiểm tra sai cú pháp: «{source}» ({e.msg})") from None
    names: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Expression):
            visit(node.body)
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And | ast.Or):
            for v in node.values:
                visit(v)
        elif isinstance(node, ast.Compare):
            if not all(type(o) in _CMP for o in node.ops):
                raise RuleSyntaxError(f"phép so sánh không được hỗ trợ trong «{source}»")
            visit(node.left)
            for c in node.comparators:
                visit(c)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _BIN:
                raise RuleSyntaxError(f"phép toán không được hỗ trợ trong «{source}» (chỉ + - * /)")
            visit(node.left)
            visit(node.right)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            visit(node.operand)
        elif isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(
            node.value, bool
        ):
            pass
        elif (name := _dotted(node)) is not None:
            if name not in names:
                names.append(name)
        else:
            raise RuleSyntaxError(f"thành phần không được phép trong «{source}»: {ast.dump(node)[:40]}")

    visit(tree)
    if not isinstance(tree.body, ast.Compare | ast.BoolOp):
        raise RuleSyntaxError(f"biểu thức kiểm tra phải là một phép so sánh: «{source}»")
    return CompiledRule(source, tree, tuple(names))


def evaluate(rule: CompiledRule, values: dict[str, Any]) -> bool | None:
    """True/False, or None when a name has no numeric value yet (the rule is not checked then)."""

    def ev(node: ast.AST) -> Any:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.BoolOp):
            vals = [ev(v) for v in node.values]
            return all(vals) if isinstance(node.op, ast.And) else any(vals)
        if isinstance(node, ast.Compare):
            left = ev(node.left)
            for op, comp in zip(node.ops, node.comparators, strict=True):
                right = ev(comp)
                if not _CMP[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.BinOp):
            lhs, rhs = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Div) and rhs == 0:
                raise _Missing
            return _BIN[type(node.op)](lhs, rhs)
        if isinstance(node, ast.UnaryOp):
            return -ev(node.operand)
        if isinstance(node, ast.Constant):
            return node.value
        name = _dotted(node)
        v = values.get(name) if name else None
        if v is None or isinstance(v, bool) or not isinstance(v, int | float):
            raise _Missing
        return v

    try:
        return bool(ev(rule.tree))
    except _Missing:
        return None


class _Missing(Exception):
    pass
