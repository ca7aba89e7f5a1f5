"""A Biểu's row label printed twice under different parents ('1.4. Thẩm định, phê duyệt đúng trình tự.' under '1. Lập
nhiệm vụ quy hoạch' and '2.2.5. Thẩm định, phê duyệt đúng trình tự.' under '2.2. Phần bản vẽ'): read alone, the two
rows cannot be told apart, so each takes its parent's label in brackets ('Thẩm định, phê duyệt đúng trình tự (Phần
bản vẽ)'). The parent is the nearest row above numbered as the row's number without its last part, else the nearest
row above at a lower level. Short labels ('Nam', 'Nữ' under each group) and a block of rows printed again under each parent stay as they are:
they are read by their place."""

from __future__ import annotations

from dialogs.text import fold

MIN_WORDS = 3  # a short breakdown repeated under each group ('Nam' / 'Nữ', 'Đạt') is read by its place: it stays


def _key(label: str) -> str:
    return " ".join(fold(label).strip(" .:;").split())


def _parent(rows: list[dict], i: int) -> dict | None:
    no = (rows[i].get("no") or "").strip().rstrip(".")
    if "." in no:
        want = no.rsplit(".", 1)[0]
        return next((rows[j] for j in range(i - 1, -1, -1) if (rows[j].get("no") or "").strip().rstrip(".") == want),
                    None)
    level = rows[i].get("level", 0)
    return next((rows[j] for j in range(i - 1, -1, -1) if rows[j].get("level", 0) < level), None)


def _in_a_repeated_block(rows: list[dict], alike: dict[str, list[int]], i: int) -> bool:
    """A row beside another repeated row: the same block of rows printed under each parent (a budget's 'Chi đầu tư',
    'Chi thường xuyên' under 'Cấp tỉnh' and under 'Cấp xã'), read by its place like a short breakdown."""
    return any(0 <= k < len(rows) and rows[k].get("label") and len(alike.get(_key(rows[k]["label"]), ())) > 1
               for k in (i - 1, i + 1))


def name_repeated_rows(rows: list[dict]) -> None:
    """Each row whose label another row of the Biểu repeats gets its parent's label in brackets (rows changed in
    place) — only when every row of that label has a parent above and the parents tell them apart."""
    alike: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if r.get("label") and r.get("kind") != "total":
            alike.setdefault(_key(r["label"]), []).append(i)
    for key, where in alike.items():
        parents = [_parent(rows, i) for i in where]
        names = [_key(p["label"]) if p is not None and p.get("label") else "" for p in parents]
        if len(where) < 2 or len(key.split()) < MIN_WORDS or any(_in_a_repeated_block(rows, alike, i) for i in where) \
                or not all(names) or len(set(names)) < len(names) or key in names:
            continue
        for i, p in zip(where, parents, strict=True):
            rows[i]["label"] = f"{rows[i]['label'].strip().rstrip(' .:;')} ({p['label'].strip().rstrip(' .:;')})"
