"""The web form's one contact with the questionnaire: opening a unit's report for a period, saving one field,
submitting — through the same parsers, rules, engine checks and repository as the chat.

Everything the web does to answers goes through here (``bot/web/routes.py`` only speaks HTTP), so that this
module alone changes when the conversation core moves into channel-free services. It reuses the chat's own
pieces: ``dialogs.answers`` (parse_answer, parse_scalar, failing_rules, table_grid), ``dialogs.engine.Engine``
(the «Gửi báo cáo» check is the engine's ``submit_ok``), ``dialogs.review`` (large changes and their reasons),
``Repo.can_edit`` / ``set_answer`` (``via="web"``) / ``submit``, and ``bot.handlers.report`` (which periods a
unit may answer, the supervisors' notices).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.flows import questionnaire as chat
from bot.flows import upward
from bot.flows.files import make_report
from bot.services import Services
from bot.web import batch
from bot.web.batch import GroupCommit, Later
from bot.web.cache import Context, SaveCache, remember
from bot.web.views import input_text
from dialogs.answers import (
    expected_form,
    failing_rules,
    format_value,
    none_value,
    numeric,
    parse_answer,
    parse_scalar,
    table_grid,
)
from dialogs.engine import Engine, ReportContext, Step
from dialogs.engine.tables import copy_table
from dialogs.lifecycle import is_sent
from dialogs.localtime import hm, to_local
from dialogs.outline import SCALAR_TYPES, Outline, Question
from dialogs.parsing import ParseError
from dialogs.review import large_change, lock_text, parse_reason
from storage.models import Account, Period, Submission, Unit
from storage.repo import Repo

VIA_VI = {"bot": "Telegram", "web": "trang web", "xlsx": "tệp Excel", "cli": "dòng lệnh", "import": "nhập tệp",
          "docx": "tệp Word", "rollup": "cộng từ các xã"}
# the questions typed into one input (not buttons, lists or a Biểu): a change by someone else replaces its text
TYPED_INPUTS = SCALAR_TYPES - {"yesno", "choice", "multichoice"}
UPWARD_SENT = "Báo cáo của tỉnh đã gửi lên cấp trên: số liệu đã khóa, chỉ sửa được khi cấp trên trả lại."


class Refused(Exception):
    """The account may not do this here; ``message`` is for the person (Vietnamese), ``status`` the HTTP code."""

    def __init__(self, message: str, status: int = 403):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class Report:
    """One unit's report for one period, as the form shows it."""

    acc: Account
    unit: Unit
    period: Period
    outline: Outline
    sub: Submission | None
    answers: dict[str, Any]
    previous: dict[str, Any] | None
    versions: dict[str, tuple[int, int | None, datetime, str]] = field(default_factory=dict)
    editable: bool = False
    why: str = ""
    last_revision: int = 0
    rev: int | None = None  # the submission's answers_rev that ``answers`` stand at (a field save), None: unknown

    def engine(self, services: Services) -> Engine:
        ctx = ReportContext(self.outline, self.unit.code, self.unit.kind, dict(self.answers), self.previous, self.period.label,
                  submitted=self.sub is not None and is_sent(self.sub.status),
                  today=services.today(), change_ratio=services.settings.change_ratio,
                  change_min=services.settings.change_min)
        return Engine(ctx)


@dataclass
class Saved:
    """What a save answers: the error under the field, or the stored value's display, the Biểu's grid, rule
    warnings, a large-change question, and who else changed this answer since the page was opened."""

    ok: bool
    key: str
    error: str | None = None
    item_errors: dict[str, str] = field(default_factory=dict)  # "index.field" -> message (lists, open groups)
    display: str = ""
    grid: dict[str, dict[str, Any]] | None = None
    warnings: list[str] = field(default_factory=list)
    reason_prompt: str | None = None
    conflict: str | None = None
    version: int = 0
    visible: list[str] | None = None


async def _can_edit(repo: Repo, sub: Submission, period: Period, now: datetime) -> tuple[bool, str]:
    """``Repo.can_edit`` with its reason as the officer reads it (the chat's words: ``lock_text``)."""
    ok, why = await repo.review.can_edit(sub, now, period=period)
    return ok, "" if ok or why is None else lock_text(why, period.label)


async def officer_periods(services: Services, repo: Repo, unit: Unit) -> list[tuple[Period, Outline]]:
    return await chat.open_periods_for(services, repo, unit)


async def open_report(services: Services, repo: Repo, acc: Account, period_id: int | None, *,
                      unit: Unit | None = None) -> Report:
    """The report of ``unit`` (default: the account's own) for ``period_id`` (default: its only open period).
    An officer gets only the own unit; a supervisor only units in scope, read-only."""
    own = unit is None
    if own:
        if acc.unit_id is None:
            raise Refused("Tài khoản này chưa gắn với đơn vị nào nên không có báo cáo để điền. "
                          "Người tổng hợp: mở trang tiến độ.", 403)
        unit = await repo.units.unit(acc.unit_id)
    elif not await repo.accounts.in_scope(acc, unit) or acc.role == "officer" and acc.unit_id != unit.id:
        raise Refused("Bạn không có quyền xem báo cáo của đơn vị này.", 403)
    assert unit is not None
    period, outline = await _pick_period(services, repo, unit, period_id, own=own)
    sub = await repo.submissions.find_submission(unit.id, period.id)
    open_now = own and any(p.id == period.id for p, _ in await officer_periods(services, repo, unit))
    if own and period.status == "open" and upward.reports_upward(unit, outline):
        sub = (await upward.refresh(services, repo, acc, unit, period, outline)).sub  # the province's report upward
        open_now = True
    if sub is None and open_now:
        sub = await repo.submissions.ensure_submission(unit.id, period.id, services.outline_versions.get(outline.id))
        await repo.commit()
    answers = await repo.submissions.answers(sub.id) if sub else {}
    previous = await services.previous_answers(repo, unit.id, period)
    rep = Report(acc, unit, period, outline, sub, answers, previous)
    if sub is not None:
        rep.versions = await repo.submissions.answer_versions(sub.id)
        rep.last_revision = await repo.submissions.last_revision_id(sub.id)
    if own and sub is not None:
        rep.editable, rep.why = await _can_edit(repo, sub, period, services.now())
        _upward_lock(rep)
    elif own:
        rep.why = f"Kỳ «{period.label}» không còn mở cho {unit.name}."
    return rep


async def open_for_write(services: Services, repo: Repo, acc: Account, period_id: int | None) -> Report:
    """The account's own report for a save or a submit: what :func:`open_report` gives, in three statements
    (unit, period and submission at once; the answers; last period's answers are cached by the services)."""
    if period_id is None or acc.unit_id is None:
        return await open_report(services, repo, acc, period_id)
    found = await repo.web.report_context(acc.unit_id, period_id)
    if found is None or found[1].outline_id not in services.catalogue.outlines or found[2] is None:
        raise Refused("Báo cáo này chưa mở trên trang web. Tải lại trang rồi thử lại.", 409)
    unit, period, sub = found
    outline = services.catalogue.get(period.outline_id)
    if not repo.periods.period_covers(period, unit, outline.respondents) and not repo.periods.period_closed(period, services.now()) \
            and not upward.reports_upward(unit, outline):
        raise Refused(f"Kỳ báo cáo này không dành cho {unit.name}.", 403)
    rep = Report(acc, unit, period, outline, sub, await repo.submissions.answers(sub.id),
                 await services.previous_answers(repo, unit.id, period))
    rep.editable, rep.why = await _can_edit(repo, sub, period, services.now())
    _upward_lock(rep)
    return rep


def mark_upward(rep: Report, sections: list[dict[str, Any]]) -> None:
    """The province's report upward in the form: each carried figure says where it comes from and that it is read-only."""
    if not upward.reports_upward(rep.unit, rep.outline):
        return
    for sec in sections:
        for q in sec["questions"]:
            if not upward.editable_by_province(rep.outline, q["key"]):
                q["help"] = ("📊 Số liệu cộng từ báo cáo các xã đã gửi, tự tính lại đến khi tỉnh gửi; chỉ xem ở đây. "
                             "Số của xã nào sai thì trả lại báo cáo của xã đó (/xem) rồi bấm «🔄 Tính lại» trong /baocaolen.")


def _upward_lock(rep: Report) -> None:
    """The province's report upward is locked once sent (its figures with it), until the level above returns it."""
    if rep.editable and rep.sub is not None and is_sent(rep.sub.status) and upward.reports_upward(rep.unit, rep.outline):
        rep.editable, rep.why = False, UPWARD_SENT


async def _pick_period(services: Services, repo: Repo, unit: Unit, period_id: int | None, *,
                       own: bool) -> tuple[Period, Outline]:
    if period_id is None:
        periods = await officer_periods(services, repo, unit)
        if not periods:
            raise Refused(f"Hiện chưa có kỳ báo cáo nào đang mở cho {unit.name}. Khi có kỳ mới, bot sẽ báo.", 404)
        return periods[0]
    period = await repo.periods.period(period_id)
    if period is None or period.outline_id not in services.catalogue.outlines:
        raise Refused("Không có kỳ báo cáo này. Mở lại đường dẫn mới nhất bot gửi cho bạn.", 404)
    outline = services.catalogue.get(period.outline_id)
    covered = repo.periods.period_covers(period, unit, outline.respondents) or (own and upward.reports_upward(unit, outline))
    if not covered and await repo.submissions.find_submission(unit.id, period.id) is None:
        raise Refused(f"Kỳ báo cáo này không dành cho {unit.name}.", 403)
    return period, outline


# --------------------------------------------------------------------------- reading one field's input


def _parse_cell(col: Any, text: str) -> Any:
    try:
        return parse_scalar(col, text)
    except ParseError as e:
        raise ParseError(f"Ô «{col.label}»: {e.message}") from None


def _parse_items(fields: list[Any], raw_items: Any, *, labelled: bool, year: int) -> tuple[list[dict], dict[str, str]]:
    """Rows typed in the page (a list's items, or the named rows of a Biểu's open group): each field through
    ``parse_scalar``, errors worded as the chat words them; wholly empty rows are dropped, rows with an error
    are not stored (they stay on the page under their error)."""
    if not isinstance(raw_items, list) or len(raw_items) > 500:
        raise ParseError("Danh sách gửi lên không hợp lệ. Tải lại trang rồi nhập lại.")
    items: list[dict] = []
    errors: dict[str, str] = {}
    for i, raw in enumerate(raw_items):
        raw = raw if isinstance(raw, dict) else {}
        texts = {k: str(v).strip() for k, v in raw.items() if isinstance(v, str | int | float) and str(v).strip()}
        if not texts:
            continue
        item: dict[str, Any] = {}
        if labelled:
            if not texts.get("label"):
                errors[f"{i}.label"] = "Thiếu tên ở ô đầu tiên."
            else:
                item["label"] = texts["label"][:300]
        for f in fields:
            t = texts.get(f.key, "")
            if not t or t == "-":
                if getattr(f, "required", False):
                    errors[f"{i}.{f.key}"] = f"Thiếu «{f.label}». {expected_form(f)}."
                continue
            try:
                item[f.key] = parse_scalar(f, t, default_year=year)
            except ParseError as e:
                errors[f"{i}.{f.key}"] = (f"Cột «{f.label}»: " if labelled else f"«{f.label}»: ") + e.message
        if not any(k.startswith(f"{i}.") for k in errors):
            items.append(item)
    return items, errors


def read_input(services: Services, rep: Report, q: Question, req: dict[str, Any]) -> tuple[Any, dict[str, str]]:
    """The value ``req`` asks to store for ``q`` (raises ParseError with the chat's wording), and item errors."""
    op = req.get("op", "set")
    today = services.today()
    year = today.year
    if op == "none":
        if not q.none_ok:
            raise ParseError(f"Câu này cần câu trả lời cụ thể, không nhận «không». {expected_form(q)}.")
        return none_value(q), {}
    if op == "keep":
        if not rep.previous or q.key not in rep.previous:
            raise ParseError(f"Không có câu trả lời {rep.outline.period.previous_label} để giữ.")
        return rep.previous[q.key], {}
    if op == "set" and q.type not in ("list", "documents", "table"):
        return parse_answer(rep.outline, q, str(req.get("text", ""))[:20000], today=today), {}
    if op == "list" and q.type in ("list", "documents"):
        return _parse_items(q.record_fields, req.get("items"), labelled=False, year=year)
    if q.type == "table" and q.table is not None and op in ("cell", "group"):
        return _table_input(rep, q, req, year)
    raise ParseError("Yêu cầu không hợp lệ cho câu này. Tải lại trang rồi thử lại.")


def _table_input(rep: Report, q: Question, req: dict[str, Any], year: int) -> tuple[Any, dict[str, str]]:
    t = q.table
    assert t is not None
    rows = {r.key: r for r in t.rows}
    row = rows.get(str(req.get("row", "")))
    value = copy_table(rep.answers.get(q.key))
    if req.get("op") == "cell":
        if row is None or not row.asked:
            raise ParseError("Dòng này không nhập được (dòng tổng hoặc dòng nhóm tự cộng).")
        col = next((c for c in t.input_columns if c.key == req.get("col")), None)
        if col is None:
            raise ParseError("Cột này không nhập được (cột tự cộng).")
        text = str(req.get("text", "")).strip()[:2000]
        cells = dict(value["rows"].get(row.key) or {})
        if text in ("", "-"):
            cells.pop(col.key, None)
        else:
            cells[col.key] = _parse_cell(col, text)
        value["rows"][row.key] = cells
        return value, {}
    if row is None or not row.open:
        raise ParseError("Nhóm này không thêm dòng được.")
    items, errors = _parse_items(t.input_columns, req.get("items"), labelled=True, year=year)
    value["items"][row.key] = items
    return value, errors


# --------------------------------------------------------------------------- saving


@dataclass
class SaveResult:
    """A save's outcome: the answer for the page, the submission it went to (for the change notice), or why the
    session may not save (``gone``: the account or its link; ``refused``: a Refused). ``answers``: the report's
    answers after the save, at the submission's ``answers_rev`` ``rev`` (for the process's cache, once committed)."""

    saved: Saved | None = None
    sub_id: int | None = None
    gone: bool = False
    refused: Refused | None = None
    rev: int | None = None
    answers: dict[str, Any] | None = None


async def save(services: Services, writer: GroupCommit, account_id: int, link_id: str | None, period_id: int,
               req: dict[str, Any]) -> SaveResult:
    """One field save as ONE job of the group commit (:mod:`bot.web.batch`): the report read in one statement (the
    rest from the process's cache while that statement says it holds), the input parsed and checked, the answer
    written — in the transaction the saves of the moment share, so a save costs no transaction of its own."""
    cache = writer.cache

    async def job(repo: Repo) -> SaveResult:
        try:
            rep = await load_for_save(services, repo, account_id, link_id, period_id, str(req.get("key", "")), cache)
        except Refused as e:
            return SaveResult(refused=e)
        if rep is None:
            return SaveResult(gone=True)
        saved = await save_field(services, repo, rep, req)
        sub_id = rep.sub.id if rep.sub else None
        if isinstance(saved, Later):  # written with the batch's other answers: the result once it is
            finish = saved.finish
            saved.finish = lambda version, rev: SaveResult(finish(version, rev), sub_id, rev=rep.rev, answers=rep.answers)
            return saved
        return SaveResult(saved, sub_id, rev=rep.rev, answers=rep.answers)

    res = await writer.run(account_id, job, (account_id, link_id, period_id, str(req.get("key", ""))))
    if res.sub_id is not None and res.rev is not None and res.answers is not None:
        cache.put_answers(res.sub_id, res.rev, res.answers)  # committed: what the next save of this report starts from
    return res


async def load_for_save(services: Services, repo: Repo, account_id: int, link_id: str | None, period_id: int,
                        key: str, cache: SaveCache | None = None) -> Report | None:
    """The account's own report for one field save: None when the session's account is gone or its link revoked.
    One statement (``repo.web.web_save_probe``) checks the account, its unit, the period and the submission against
    what ``cache`` holds from an earlier save and reads the key's version; the full read only when they changed."""
    cache = cache if cache is not None else SaveCache()
    found = await _save_context(repo, account_id, link_id, period_id, key, cache)
    if found is None:
        return None
    probe, ctx, answers = found
    unit, period, sub = ctx.unit, ctx.period, ctx.submission
    if unit is None:
        raise Refused("Tài khoản này chưa gắn với đơn vị nào nên không có báo cáo để điền.", 403)
    if period is None or period.outline_id not in services.catalogue.outlines or sub is None:
        raise Refused("Báo cáo này chưa mở trên trang web. Tải lại trang rồi thử lại.", 409)
    outline = services.catalogue.get(period.outline_id)
    if not repo.periods.period_covers(period, unit, outline.respondents) and not repo.periods.period_closed(period, services.now()) \
            and not upward.reports_upward(unit, outline):
        raise Refused(f"Kỳ báo cáo này không dành cho {unit.name}.", 403)
    if not services.previous_cached(unit.id, period):  # read with the batch's other saves (their caches expire together)
        await services.previous_answers_many(repo, [unit.id, *batch.probed_units(repo, period.id)], period)
    rep = Report(ctx.account, unit, period, outline, sub, answers, await services.previous_answers(repo, unit.id, period))
    rep.editable, rep.why = await _can_edit(repo, sub, period, services.now())
    _upward_lock(rep)
    rep.rev = probe.answers_rev
    if probe.version is not None:
        rep.versions[key] = probe.version
    return rep


async def _save_context(repo: Repo, account_id: int, link_id: str | None, period_id: int, key: str,
                        cache: SaveCache) -> tuple[Any, Context, dict[str, Any]] | None:
    """The probe, the session's context and a copy of the report's answers: from ``cache`` while the probe says they
    hold, else read in full (after the probe: what is cached is never older than the stamp it is kept under)."""
    probe = batch.take_probe(repo, (account_id, link_id, period_id, key))
    if probe is batch.MISSING:  # not read with the batch, or its report written since: read now, after what waits
        await batch.flush(repo)
        probe = await repo.web.web_save_probe(account_id, link_id, period_id, key)
    if probe is None:
        return None
    ctx = cache.context((account_id, link_id, period_id), probe.stamp)
    answers = cache.answers(repo, probe.submission_id, probe.answers_rev) if ctx is not None else None
    if ctx is None or answers is None:
        full = await repo.web.web_save_context(account_id, link_id, period_id, key)
        if full is None:
            return None
        ctx = cache.put_context((account_id, link_id, period_id), probe.stamp, full)
        answers = dict(full.answers)
        if full.submission is not None:
            cache.put_answers(full.submission.id, full.submission.answers_rev, full.answers)
    return probe, ctx, answers


async def prime_saves(repo: Repo, rep: Report, link_id: str | None, cache: SaveCache) -> None:
    """The form of an editable report was opened: what its first field save needs is read now, into the process's
    save cache (two statements on the page's ~50 ms), so that save costs one probe like the next ones."""
    if rep.editable and rep.sub is not None:
        await _save_context(repo, rep.acc.id, link_id, rep.period.id, "", cache)


async def save_field(services: Services, repo: Repo, rep: Report, req: dict[str, Any]) -> Saved | Later:
    """Store one field the officer left (or a button: «Không có», «Giữ như kỳ trước»), like the chat
    stores an answer; a large-change reason with ``op="reason"``. Runs inside a group-commit job (no commit here);
    in a batch (``bot/web/batch.py``) a plain answer's write waits for the batch's others: a :class:`Later`."""
    key = str(req.get("key", ""))
    if not rep.outline.has(key) or not rep.outline.is_visible(key, rep.unit.code, rep.unit.kind, rep.answers):
        return Saved(False, key, error="Câu này không có trong báo cáo của đơn vị bạn. Tải lại trang.")
    if not rep.editable or rep.sub is None:
        return Saved(False, key, error=f"⛔ {rep.why or 'Báo cáo này không sửa được nữa.'}")
    q = rep.outline.question(key)
    if upward.reports_upward(rep.unit, rep.outline) and not upward.editable_by_province(rep.outline, key):
        return Saved(False, key, error=f"⛔ {upward.CARRIED_REFUSED}")
    if req.get("op") == "reason":
        return await _save_reason(repo, rep, key, req)
    sub_id, now = rep.sub.id, services.now()
    try:
        if q.type == "table":  # merge into what is stored now (another person may have typed another cell)
            rep.answers[key] = await repo.web.answer_value(sub_id, key, for_update=True)
        value, item_errors = read_input(services, rep, q, req)
    except ParseError as e:
        return Saved(False, key, error=f"❗ {e.message}")
    # who changed this answer since the page read it (for a Biểu the cells merge; for a scalar: overwritten)
    conflict = _conflict(rep, key, req, rep.versions.get(key))
    others = await _names(repo, rep, conflict)

    def done(version: int, rev: int) -> Saved:
        rep.answers[key] = value
        # the answers now stand at ``rev`` only if no other process wrote to this report since they were read
        rep.rev = rev if rep.rev is not None and rev == rep.rev + 1 else None
        remember(repo, sub_id, rep.rev, rep.answers)
        return _saved(services, rep, q, value, version, item_errors, _conflict_text(services, rep, key, conflict, others))

    writes = batch.Writes.of(repo)
    late = is_sent(rep.sub.status) and now > rep.period.deadline
    params = {"p_sid": sub_id, "p_key": key, "p_value": value, "p_num": numeric(q, value), "p_by": rep.acc.id,
              "p_now": now, "p_via": "web"}
    if writes is not None and q.type != "table" and not late and sub_id not in writes.pending:
        return writes.add(params, done)
    await batch.flush(repo)  # the one-by-one write: after what the batch's saves before it put off
    if writes is not None:
        writes.written.add(sub_id)
    version, rev = await repo.submissions.write_answer(sub_id, key, value, num=params["p_num"], by=rep.acc.id,
                                                       via="web", now=now)
    saved = done(version, rev)
    await _late_change_notice(services, repo, rep, key, now)
    return saved


def _saved(services: Services, rep: Report, q: Question, value: Any, version: int, item_errors: dict[str, str],
           conflict: str | None) -> Saved:
    key = q.key
    out = Saved(True, key, item_errors=item_errors, display=format_value(q, value, limit=300), version=version,
                conflict=conflict)
    if q.type == "table" and q.table is not None:
        out.grid = table_grid(q.table, value)
    out.warnings = [f.message for f in failing_rules(rep.outline, rep.answers, involving=key)]
    if rep.previous and key in rep.previous:
        lc = large_change(q, value, rep.previous.get(key), services.settings.change_ratio,
                          services.settings.change_min)
        out.reason_prompt = lc.prompt() if lc is not None else None
    if _answer_conditions(rep.outline):  # only then can an answer show or hide other questions
        out.visible = [r.key for r in _visible(rep)]
    return out


def _answer_conditions(o: Outline) -> bool:
    hit = o.__dict__.get("_web_answer_conditions")
    if hit is None:  # computed once per outline
        hit = any(c is not None and c.answer is not None
                  for r in o.refs for c in [r.question.visible_if, *(s.visible_if for s in r.path)])
        o.__dict__["_web_answer_conditions"] = hit
    return hit


async def _save_reason(repo: Repo, rep: Report, key: str, req: dict[str, Any]) -> Saved:
    try:
        reason = parse_reason(str(req.get("text", ""))[:2000])
    except ParseError as e:
        return Saved(False, key, error=f"❗ {e.message}")
    assert rep.sub is not None
    await batch.flush(repo)  # an answer of this report the batch put off is written first (the reason goes on it)
    await repo.submissions.set_reason(rep.sub.id, key, reason)
    return Saved(True, key, display=f"✔ Đã ghi lý do: {reason}")


def _conflict(rep: Report, key: str, req: dict[str, Any], cur: Any) -> tuple[int, int | None, datetime, str] | None:
    """The stored answer's (version, by, at, via) when someone else changed it after the page read ``base``."""
    base = req.get("base")
    if cur is None or not isinstance(base, int) or cur[0] <= base or cur[1] == rep.acc.id:
        return None
    return cur


async def _names(repo: Repo, rep: Report, conflict: Any) -> str:
    if conflict is None or conflict[1] is None:
        return "Một người khác"
    acc = await repo.accounts.account(conflict[1])
    return (acc.full_name or "Một cán bộ khác") if acc else "Một người khác"


def _conflict_text(services: Services, rep: Report, key: str, conflict: Any, who: str) -> str | None:
    if conflict is None:
        return None
    return (f"Lưu ý: {who} đã sửa câu này lúc {hm(conflict[2], services.tz)} (qua {VIA_VI.get(conflict[3], conflict[3])}) "
            "sau khi bạn mở trang. Giá trị của bạn đã được lưu đè; xem lại nếu cần.")


async def _late_change_notice(services: Services, repo: Repo, rep: Report, key: str, now: datetime) -> None:
    """A change after the deadline to a submitted report: the supervisors' notice, as the chat sends it."""
    assert rep.sub is not None
    if is_sent(rep.sub.status) and now > rep.period.deadline:
        loaded = chat.Loaded(None, rep.sub, rep.period, rep.outline, rep.unit, rep.engine(services))  # type: ignore[arg-type]
        await chat.enqueue_notice(repo, rep.acc, loaded, Step(store=[(key, rep.answers[key])]), True, now)


def _visible(rep: Report) -> list[Any]:
    return rep.outline.visible_refs(rep.unit.code, rep.unit.kind, rep.answers)


# --------------------------------------------------------------------------- submitting


async def submit(services: Services, repo: Repo, rep: Report) -> tuple[bool, str]:
    """«Gửi báo cáo»: the chat's own check (the engine's ``submit_ok``: every rule must hold), then the submission
    and the supervisors' notice, as the chat does. Returns (sent, message)."""
    if rep.sub is None or not rep.editable:
        return False, f"⛔ {rep.why or 'Báo cáo này không gửi được nữa.'}"
    if upward.reports_upward(rep.unit, rep.outline):  # the province's report: recomputed one last time, then sent
        out = await upward.send(services, repo, rep.acc, rep.unit, rep.period, rep.outline)
        await repo.commit()
        return True, out.messages[0].text
    engine = rep.engine(services)
    step = engine.on_action(None, "confirm", {}, "submit_ok", "")
    if not step.submit:
        return False, "\n".join(s.text for s in step.screens).replace("(xem lại, gõ /c<số>)", "(các câu có ⚠️)")
    now = services.now()
    ok, why = await _can_edit(repo, rep.sub, rep.period, now)
    if not ok:
        return False, f"⛔ {why}"
    await repo.review.submit(rep.sub, rep.acc, now=now)
    loaded = chat.Loaded(None, rep.sub, rep.period, rep.outline, rep.unit, engine)  # type: ignore[arg-type]
    await chat.enqueue_notice(repo, rep.acc, loaded, step, False, now)
    await repo.commit()
    return True, (f"📨 Đã gửi báo cáo «{rep.outline.short}» kỳ {rep.period.label} lúc {chat.fmt_dt(services, now)}.\n"
                  "Nơi tổng hợp đã được báo. Bạn vẫn sửa được đến khi đóng kỳ.")


async def changes_since(services: Services, repo: Repo, rep: Report, after: int) -> list[dict[str, Any]]:
    """What other people changed in this report since revision ``after``: who, which question, when, via."""
    if rep.sub is None:
        return []
    out = []
    names: dict[int, str] = {}
    for rv in await repo.submissions.revisions_after(rep.sub.id, after, not_by=rep.acc.id):
        if rv.changed_by is not None and rv.changed_by not in names:
            a = await repo.accounts.account(rv.changed_by)
            names[rv.changed_by] = (a.full_name if a else "") or "Một cán bộ khác"
        who = names.get(rv.changed_by or -1, "Một người khác")
        local = to_local(rv.changed_at, services.tz)
        ref = rep.outline.ref(rv.question_key) if rep.outline.has(rv.question_key) else None
        where = f"câu {ref.number}" if ref is not None and ref.number else "một câu"
        value = format_value(ref.question, rv.new_value, limit=120) if ref is not None else ""
        change = {"id": rv.id, "key": rv.question_key, "version": rv.version, "who": who, "display": value,
                  "text": f"{who} đã sửa {where} lúc {local.hour}:{local.minute:02d} "
                          f"(qua {VIA_VI.get(rv.via, rv.via)}): {value}"}
        if ref is not None and ref.question.type in TYPED_INPUTS:  # the page puts the new value in the input
            change["input"] = input_text(ref.question, rv.new_value)
        out.append(change)
    return out


async def consolidated(services: Services, period_id: int, scope_code: str | None) -> Any:
    """/tonghop's .docx and .xlsx for a scope, built as the chat builds them (``bot/flows/files.py::make_report``:
    the scope's issuing body, the last periods' figures)."""
    report, _picture = await make_report(services, period_id, scope_code)
    return report
