"""The province's own report for the level above (/baocaolen, the web form, an edited file sent back): which
report that is, and its answers carried from the communes — no aiogram here, every channel calls it.

The report is the province unit's submission in the communes' period. While it is not sent, each time it is shown
(or opened in the web form, or a file is read into it) the carried answers are recomputed from the communes' sent
reports (:func:`exports.upward.rollup`): numbers, Biểu and lists always (they are the communes' figures: a wrong one
is fixed in the commune's report), choices and narratives only while the province has not written its own (the
proposal and the draft). Once sent, nothing is recomputed: the figures are locked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.flows.access import REFUSE, is_supervisor
from bot.flows.outcome import UPWARD, Choice, File, Outcome, refuse
from bot.services import Services
from dialogs import lifecycle
from dialogs.answers import format_value, numeric, parse_answer
from dialogs.kinds import LOCAL_KINDS, PROVINCE_KINDS
from dialogs.outline import NUMERIC_TYPES, Outline
from dialogs.parsing import ParseError
from dialogs.periods import local_text
from dialogs.text import slug
from exports.load import load_consolidation
from exports.upward import CHOICE_TYPES, NARRATIVE_TYPES, rollup
from storage.models import Account, Period, Submission, Unit
from storage.repo import Repo

MODE = "upward_edit"
NO_PROVINCE = ("Lệnh /baocaolen dành cho người tổng hợp cấp tỉnh: tài khoản của bạn chưa được giao một tỉnh, thành phố. "
               "Hãy liên hệ quản trị viên.")
VIA = "rollup"
CARRIED_TYPES = (*NUMERIC_TYPES, "table", "list", "documents")
EMPTY: dict[str, Any] = {"list": [], "documents": [], "table": {"rows": {}, "items": {}}}
CARRIED_REFUSED = ("Số liệu này được cộng từ báo cáo của các xã nên tỉnh không sửa trực tiếp. Nếu một xã báo sai, "
                   "trả lại báo cáo của xã đó (/xem), xã sửa và gửi lại, rồi bấm «🔄 Tính lại» trong /baocaolen.")


def editable_by_province(outline: Outline, key: str) -> bool:
    """What the province writes itself: narratives and choices (carried numbers, Biểu and lists are not)."""
    return outline.has(key) and outline.question(key).type not in CARRIED_TYPES


def reports_upward(unit: Unit | None, outline: Outline | None) -> bool:
    """Whether ``unit`` sends this outline's report upward: a province, for an outline its communes answer."""
    return (unit is not None and outline is not None and unit.kind in PROVINCE_KINDS
            and bool(set(outline.respondents) & set(LOCAL_KINDS)) and not set(outline.respondents) & set(PROVINCE_KINDS))


async def province_of(repo: Repo, acc: Account) -> Unit | None:
    """The province whose report the account sends upward (a supervisor of it), if any."""
    if not is_supervisor(acc):
        return None
    for u in await repo.accounts.scopes(acc):
        if u.kind in PROVINCE_KINDS:
            return u
    unit = await repo.units.unit(acc.unit_id) if acc.unit_id else None
    return unit if unit is not None and unit.kind in PROVINCE_KINDS else None


async def periods_for(services: Services, repo: Repo) -> list[tuple[Period, Outline]]:
    """Open periods whose outline the communes answer: each is a report the province sends upward."""
    out = []
    for p in await repo.periods.list_periods(status="open"):
        o = services.catalogue.outlines.get(p.outline_id)
        if o is not None and set(o.respondents) & set(LOCAL_KINDS):
            out.append((p, o))
    return out


async def upward_report(services: Services, repo: Repo, acc: Account, period_id: int) -> tuple[Unit, Period, Outline] | None:
    """The province and the open period of the province's report for ``period_id``, when the account sends it."""
    province = await province_of(repo, acc)
    period = await repo.periods.period(period_id)
    outline = services.catalogue.outlines.get(period.outline_id) if period is not None else None
    if province is None or period is None or period.status != "open" or not reports_upward(province, outline):
        return None
    assert outline is not None
    return province, period, outline


@dataclass
class Refreshed:
    sub: Submission
    sources: dict[str, str] = field(default_factory=dict)  # question key → where the answer comes from
    sent: int = 0  # communes whose sent reports are counted


async def refresh(services: Services, repo: Repo, acc: Account, province: Unit, period: Period,
                  outline: Outline) -> Refreshed:
    """The province's submission with the carried answers recomputed from the communes (while it is not sent).
    Commits: the consolidation reads in a session of its own."""
    sub = await repo.submissions.ensure_submission(province.id, period.id, services.outline_versions.get(outline.id),
                                       now=services.now())
    await repo.commit()
    c = await load_consolidation(services.db, services.catalogue, period.id, province.code)
    r = rollup(c)
    if lifecycle.is_sent(sub.status):
        return Refreshed(sub, r.sources, r.sent)
    vias = await repo.submissions.answer_vias(sub.id)
    current = await repo.submissions.answers(sub.id)
    now = services.now()
    own = {**r.proposals, **r.narrative}  # the province's to change: kept once it has written its own
    # no sent commune carries it any more (its communes' reports were returned): a number becomes blank, a list or
    # Biểu empty — never a figure no sent report supports
    gone = {k: EMPTY.get(outline.question(k).type) for k, via in vias.items()
            if via == VIA and k not in r.figures and outline.has(k) and k not in own}
    for key, value in [*gone.items(), *r.figures.items(), *((k, v) for k, v in own.items() if vias.get(k, VIA) == VIA)]:
        if current.get(key) != value:
            await repo.submissions.set_answer(sub.id, key, value, num=numeric(outline.question(key), value), by=acc.id,
                                  via=VIA, now=now)
    await repo.commit()
    return Refreshed(sub, r.sources, r.sent)


def priority_of(outline: Outline, key: str) -> str:
    """How the draft labels an answer: ``figure`` (carried), ``choice`` or ``narrative`` (the province's)."""
    t = outline.question(key).type
    return "choice" if t in CHOICE_TYPES else "narrative" if t in NARRATIVE_TYPES else "figure" \
        if t in CARRIED_TYPES else "other"


def own_answers(outline: Outline, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers the province may change (what an edited file or the web form may bring)."""
    return {k: v for k, v in answers.items() if editable_by_province(outline, k)}


# --------------------------------------------------------------------------- the conversation (any channel)


def _up(text: str, action: str, period: Period, q: int = -1) -> Choice:
    return Choice.of(text[:60], UPWARD, action=action, period=period.id, q=q)


async def begin(services: Services, repo: Repo, acc: Account) -> Outcome:
    """/baocaolen: the one report's draft, a choice of reports, or why there is none."""
    if not is_supervisor(acc):
        return Outcome().say(REFUSE)
    province = await province_of(repo, acc)
    if province is None:
        return Outcome().say(NO_PROVINCE)
    periods = await periods_for(services, repo)
    if not periods:
        return Outcome().say("Hiện không có kỳ báo cáo nào đang mở để tỉnh báo cáo lên cấp trên.")
    if len(periods) > 1:
        return Outcome().say("Chọn báo cáo cần gửi lên cấp trên:",
                             [[_up(f"{o.short} — {p.label}", "r", p)] for p, o in periods])
    return await draft(services, repo, acc, province, *periods[0])


def _answer_line(ref_no: str, q: Any, shown: str, source: str | None, kind: str, own: bool) -> str:
    if kind == "figure":
        src = f" ({source})" if source else ""
        return f"{ref_no} {q.prompt}{src}:\n{shown}" if "\n" in shown else f"{ref_no} {q.prompt}: {shown}{src}"
    if kind == "choice":
        who = "tỉnh đã chọn" if own else "đề xuất từ các xã, tỉnh xác nhận hoặc sửa"
        return f"{ref_no} {q.prompt}: {shown} — {who}" + (f"\n   Cấp xã: {source}" if source else "")
    who = "tỉnh đã sửa" if own else "dự thảo từ câu trả lời của các xã"
    return f"{ref_no} {q.prompt} — {who}:\n{shown}"


async def draft(services: Services, repo: Repo, acc: Account, province: Unit, period: Period, outline: Outline,
                lead: str = "") -> Outcome:
    """The province's report as it stands (recomputed while unsent), with its buttons."""
    r = await refresh(services, repo, acc, province, period, outline)
    sub = r.sub
    answers = await repo.submissions.answers(sub.id)
    vias = await repo.submissions.answer_vias(sub.id)
    deadline = period.level_deadline("province")
    lines = ([lead, ""] if lead else []) + [
        f"🏛 Báo cáo của {province.name} gửi cấp trên — «{outline.short}», {period.label}",
        f"Từ báo cáo của {r.sent} đơn vị cấp xã đã gửi."
        + (f" Hạn cấp tỉnh: {local_text(deadline, services.tz)}." if deadline else "")]
    sent_now = lifecycle.is_sent(sub.status)
    if sub.status == lifecycle.Status.RETURNED and sub.comment:
        lines.append(f"↩ Cấp trên trả lại: {sub.comment}")
    if sent_now:
        lines.append(f"📨 Đã gửi lên cấp trên lúc {local_text(sub.submitted_at, services.tz)}: số liệu đã khóa.")
    rows: list[list[Choice]] = []
    for i, ref in enumerate(outline.refs):
        q = ref.question
        if q.key not in answers:
            continue
        kind = priority_of(outline, q.key)
        no = ref.number or str(i + 1)
        lines.append(_answer_line(no, q, format_value(q, answers[q.key], limit=600), r.sources.get(q.key), kind,
                                  vias.get(q.key) != VIA))
        if kind in ("choice", "narrative") and not sent_now:
            rows.append([_up(f"✏️ Sửa mục {no}", "e", period, i)])
    if not sent_now:
        rows.append([_up("🔄 Tính lại", "r", period), _up("📥 Tải tệp để sửa", "f", period)])
        rows.append([_up("🌐 Sửa trên web", "w", period), _up("📨 Gửi lên cấp trên", "s", period)])
    text = "\n".join(lines)
    return Outcome().say(text if len(text) <= 4000 else text[:3990] + "…", rows)


async def press(services: Services, repo: Repo, acc: Account, action: str, period_id: int, q: int) -> Outcome:
    """An ``UPWARD`` choice (the province and its rights checked again). ``w`` and ``f`` are the channel's (a link,
    files): here they only check."""
    found = await upward_report(services, repo, acc, period_id)
    if found is None:
        return refuse(NO_PROVINCE if await province_of(repo, acc) is None
                      else "Kỳ này không còn mở. Gõ /baocaolen để chọn lại.")
    province, period, outline = found
    if action == "e" and 0 <= q < len(outline.refs) and editable_by_province(outline, outline.refs[q].key):
        question = outline.refs[q].question
        await repo.positions.save_position(acc.id, submission_id=None, question_key=None, mode=MODE,
                                 state={"period": period.id, "key": question.key})
        hint = ("Gõ nội dung mới" if question.type in NARRATIVE_TYPES
                else "Gõ câu trả lời của tỉnh (ví dụ: «có», «không», hoặc số thứ tự các lựa chọn: 1, 3)")
        return Outcome().say(f"{hint} cho «{question.prompt}» (một tin nhắn; gõ /huy để thôi).")
    if action == "s":
        return await send(services, repo, acc, province, period, outline)
    return await draft(services, repo, acc, province, period, outline)


async def give_text(services: Services, repo: Repo, acc: Account, state: dict[str, Any], text: str) -> Outcome:
    """The province's own words for the question being edited (mode :data:`MODE`); a choice is read as the chat
    reads it, and a wrong one is asked again."""
    found = await upward_report(services, repo, acc, int(state.get("period", 0) or 0))
    key = str(state.get("key", ""))
    if found is None or not editable_by_province(found[2], key):
        await repo.positions.save_position(acc.id, submission_id=None, question_key=None, mode="none", state={})
        return Outcome().say("Không còn mục nào đang sửa. Gõ /baocaolen để xem báo cáo của tỉnh.")
    province, period, outline = found
    q = outline.question(key)
    try:
        value = text.strip() if q.type in NARRATIVE_TYPES else parse_answer(outline, q, text, today=services.today())
    except ParseError as e:
        return Outcome().say(f"❗ {e.message}\nGõ lại, hoặc gõ /huy để thôi.")
    await repo.positions.save_position(acc.id, submission_id=None, question_key=None, mode="none", state={})
    sub = await repo.submissions.ensure_submission(province.id, period.id, services.outline_versions.get(outline.id))
    if lifecycle.is_sent(sub.status):
        return Outcome().say("Báo cáo của tỉnh đã gửi lên cấp trên: không sửa được nữa, trừ khi cấp trên trả lại.")
    await repo.submissions.set_answer(sub.id, key, value, num=numeric(q, value), by=acc.id, via="bot", now=services.now())
    return await draft(services, repo, acc, province, period, outline, lead="✔ Đã lưu phần tỉnh sửa.")


async def send(services: Services, repo: Repo, acc: Account, province: Unit, period: Period,
               outline: Outline) -> Outcome:
    """The figures recomputed one last time, then the report sent: from now on they are locked."""
    r = await refresh(services, repo, acc, province, period, outline)
    if lifecycle.is_sent(r.sub.status):
        return Outcome().say("Báo cáo của tỉnh đã gửi lên cấp trên rồi. Gõ /baocaolen để xem.")
    now = services.now()
    await repo.review.submit(r.sub, acc, now=now)
    deadline = period.level_deadline("province")
    late = deadline is not None and now > deadline
    await repo.outbox.enqueue_for_supervisors(province, "submitted",
                                       f"{province.name} đã gửi báo cáo «{outline.short}» kỳ {period.label} lên cấp "
                                       f"trên (từ {r.sent} đơn vị cấp xã){', sau hạn' if late else ''}.",
                                       period_id=period.id, now=now)
    return Outcome().say(f"📨 Đã gửi báo cáo của {province.name} lên cấp trên lúc {local_text(now, services.tz)}"
                         f"{' (sau hạn cấp tỉnh)' if late else ''}. Số liệu đã khóa; nếu cấp trên trả lại, "
                         "gõ /baocaolen để sửa và gửi lại.")


# --------------------------------------------------------------------------- the report as a file, edited and sent back


async def files(services: Services, repo: Repo, acc: Account, period_id: int) -> Outcome:
    """The province's report as the /mau .xlsx and as a .docx, to edit and send back."""
    import asyncio

    from bot.template_io import build
    from exports.upward_file import make_upward_docx

    found = await upward_report(services, repo, acc, period_id)
    if found is None:
        return refuse("Kỳ này không còn mở. Gõ /baocaolen để chọn lại.")
    province, period, outline = found
    r = await refresh(services, repo, acc, province, period, outline)
    answers = await repo.submissions.answers(r.sub.id)
    xlsx = await build(services, repo, province, period, outline)
    docx = await asyncio.to_thread(make_upward_docx, outline, province, period, answers, r.sources,
                                   lambda k: editable_by_province(outline, k))
    name = f"bao-cao-len_{province.code}_{slug(period.label)}"
    how = ("Sửa phần nhận định, đánh giá và các lựa chọn rồi gửi lại tệp vào đây; bot đọc lại, cho xem bản sửa và "
           "chờ bạn bấm «📨 Gửi lên cấp trên». Số liệu cộng từ các xã không đọc từ tệp.")
    out = Outcome(alert="Đang làm tệp…")
    out.items.append(File(f"{name}.xlsx", xlsx, f"📊 Báo cáo của {province.name} (.xlsx). {how}"))
    out.items.append(File(f"{name}.docx", docx, f"📄 Báo cáo của {province.name} (.docx). {how}"))
    return out


async def take_file(services: Services, repo: Repo, acc: Account, data: bytes) -> Outcome:
    """An edited .xlsx or .docx of the province's report: the province's own answers that changed are stored (the
    carried figures are not read), then the draft is shown with «📨 Gửi lên cấp trên» — the same confirm step."""
    from exports.upward_file import UpwardFileRefused, file_kind

    kind = file_kind(data)
    try:
        if kind == "docx":
            period_id, read, errors = await _read_docx(services, repo, acc, data)
        elif kind == "xlsx":
            period_id, read, errors = await _read_xlsx(services, repo, acc, data)
        else:
            raise UpwardFileRefused("Bot chỉ đọc lại tệp .xlsx hoặc .docx tải từ /baocaolen («📥 Tải tệp để sửa»).")
    except (UpwardFileRefused, ValueError) as e:
        return Outcome().say(f"⛔ Tệp không được nhận, chưa lưu gì: {e}")
    province, period, outline = await upward_report(services, repo, acc, period_id)  # type: ignore[misc]
    sub = await repo.submissions.ensure_submission(province.id, period.id, services.outline_versions.get(outline.id))
    if lifecycle.is_sent(sub.status):
        return Outcome().say("⛔ Chưa lưu gì: báo cáo của tỉnh đã gửi lên cấp trên, chỉ sửa được khi cấp trên trả lại.")
    current = await repo.submissions.answers(sub.id)
    changed = [k for k, v in own_answers(outline, read).items() if current.get(k, object()) != v]
    now = services.now()
    for key in changed:
        await repo.submissions.set_answer(sub.id, key, read[key], num=numeric(outline.question(key), read[key]), by=acc.id,
                              via="docx" if kind == "docx" else "xlsx", now=now)
    numbers = ", ".join(outline.ref(k).number or k for k in changed)
    lead = (f"📄 Đã đọc tệp: {'lưu phần sửa ở mục ' + numbers if changed else 'không có mục nào thay đổi'}."
            + ("".join(f"\n❗ {e}" for e in errors[:10]))
            + "\nXem lại dưới đây rồi bấm «📨 Gửi lên cấp trên».")
    return await draft(services, repo, acc, province, period, outline, lead=lead)


async def _read_docx(services: Services, repo: Repo, acc: Account, data: bytes) -> tuple[int, dict[str, Any], list[str]]:
    from exports.upward_file import NOT_OURS, UpwardFileRefused, docx_identity, read_upward_docx

    province = await province_of(repo, acc)
    code, period_id = docx_identity(data)
    found = await upward_report(services, repo, acc, period_id)
    if found is None or province is None or code != province.code:
        raise UpwardFileRefused(NOT_OURS)
    _, period, outline = found
    got = read_upward_docx(data, outline)
    sub = await repo.submissions.find_submission(province.id, period.id)
    current = await repo.submissions.answers(sub.id) if sub is not None else {}
    out: dict[str, Any] = {}
    errors: list[str] = []
    for key, text in got.texts.items():
        q = outline.question(key)
        if not editable_by_province(outline, key) or not text or (key in current and text == format_value(q, current[key])):
            continue  # a carried figure, an emptied or an unchanged answer
        try:
            out[key] = text if q.type in NARRATIVE_TYPES else parse_answer(outline, q, text, today=services.today())
        except ParseError as e:
            errors.append(f"Mục {outline.ref(key).number}: {e.message}")
    return period.id, out, errors


async def _read_xlsx(services: Services, repo: Repo, acc: Account, data: bytes) -> tuple[int, dict[str, Any], list[str]]:
    import asyncio

    from bot.template_io import outline_version, peek
    from exports.template import read_template
    from exports.upward_file import NOT_OURS

    meta = peek(data)
    province = await province_of(repo, acc)
    period_id = int(meta["period"]) if meta and meta.get("period", "").isdigit() else 0
    found = await upward_report(services, repo, acc, period_id)
    if found is None or province is None or meta.get("unit") != province.code:  # type: ignore[union-attr]
        raise ValueError(NOT_OURS)
    _, period, outline = found
    result = await asyncio.to_thread(read_template, data, expect_unit=province, expect_period=period,
                                     expect_outline_version=outline_version(services, outline),
                                     secret=services.settings.template_key(), outline=outline, today=services.today())
    return period.id, result.answers, [e.line() for e in result.errors]
