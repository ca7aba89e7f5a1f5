"""Reviewing a unit's report, channel-free: a supervisor reads it (within their scope only), gets its .docx,
returns it with a comment or approves it; an officer asks to reopen a locked report and the unit's supervisors
decide. Every press checks role and scope again: a forged button does nothing. Each function returns an
``Outcome``; nothing here commits (the channel's unit of work does, before it shows anything).
"""

from __future__ import annotations

from datetime import datetime

from bot import texts
from bot.flows import questionnaire
from bot.flows.access import REFUSE, allowed_scopes, is_supervisor
from bot.flows.files import make_report
from bot.flows.outcome import (
    OPEN_QUESTION,
    REVIEW,
    UNLOCK_DECIDE,
    Choice,
    File,
    Outcome,
    reachable,
    refuse,
)
from bot.services import Services
from dialogs import lifecycle
from dialogs.engine.base import Mode
from dialogs.kinds import PROVINCE_KINDS
from dialogs.lifecycle import Status
from dialogs.localtime import short_text
from dialogs.outline import Outline
from dialogs.parsing import ParseError
from dialogs.review import STATUS_VI, event_line, lock_text, parse_reason, pointed_keys
from dialogs.text import norm_words
from exports.load import ExportError
from exports.unit_view import unit_report
from storage.models import Account, Period, Submission, Unit
from storage.repo import Repo

OUT_OF_SCOPE = "Đơn vị này không thuộc phạm vi bạn phụ trách, nên bạn không xem hay duyệt được báo cáo của đơn vị."
USAGE = ("Gõ /xem và tên đơn vị, ví dụ: /xem Bộ Tư pháp (viết không dấu cũng được). "
         "Hoặc gõ /tiendo và chọn đơn vị trong danh sách.")
NOT_OWN = "Nút này dành cho cán bộ đầu mối của đơn vị có báo cáo này."
COMMENT_MAX = 1000
COMMENT_MODE = "review_comment"
REASON_MODE = "unlock_reason"


def btn(text: str, kind: str, **args) -> Choice:
    return Choice.of(text[:60], kind, **args)


def rv(text: str, action: str, unit: Unit, period_id: int = 0) -> Choice:
    return btn(text, REVIEW, action=action, unit=unit.id, period=period_id)


def when_text(services: Services, dt: datetime) -> str:
    return short_text(dt, services.tz)


async def officers(repo: Repo, unit: Unit) -> list[Account]:
    found = (await repo.accounts.officers_of([unit.id])).get(unit.id, [])
    if not found and unit.kind in PROVINCE_KINDS:  # a province's report upward is sent by its supervisors
        found = await repo.accounts.unit_accounts(unit.id, "supervisor")
    return found


async def answers_period(repo: Repo, period: Period, unit: Unit, outline: Outline) -> bool:
    """The unit answers the period — or, a province, sends its own report of it upward (/baocaolen)."""
    if repo.periods.period_covers(period, unit, outline.respondents):
        return True
    return unit.kind in PROVINCE_KINDS and await repo.submissions.find_submission(unit.id, period.id) is not None


def first_question(outline: Outline, unit: Unit) -> int:
    """The index in the outline of the unit's first visible question (what "▶ Mở báo cáo" opens)."""
    return [r.key for r in outline.refs].index(outline.visible_refs(unit.code, unit.kind)[0].key)


# --------------------------------------------------------------------------- choosing unit and period


async def scoped_matches(services: Services, repo: Repo, acc: Account, query: str) -> list[Unit]:
    """Units whose name matches ``query`` (fuzzy, without accents), only those within the supervisor's scope; only
    the best when it is a clear winner (an exact name)."""
    index = await services.unit_index(repo)
    roots = await allowed_scopes(repo, acc)
    out: list[tuple[Unit, float]] = []
    for m in index.search(query, limit=40):
        unit = await repo.units.unit(m.unit_id)
        if unit is None or not unit.active:
            continue
        if roots is None or any(unit.path.startswith(r.path) for r in roots):
            out.append((unit, m.score))
    q = norm_words(query)
    exact = [u for u, _ in out if q in (norm_words(u.name), norm_words(u.name).split(" ", 1)[-1])]
    if len(exact) == 1:
        return exact
    if out and out[0][1] >= 95 and (len(out) == 1 or out[1][1] < out[0][1] - 3):
        return [out[0][0]]
    return [u for u, _ in out[:8]]


async def unit_periods(services: Services, repo: Repo, unit: Unit) -> list[Period]:
    """The periods the unit answers, open ones first, then the newest."""
    out = []
    for p in await repo.periods.list_periods():
        o = services.catalogue.outlines.get(p.outline_id)
        if o is not None and await answers_period(repo, p, unit, o):
            out.append(p)
    return sorted(out, key=lambda p: (p.status == "open", p.deadline, p.id), reverse=True)


async def xem(services: Services, repo: Repo, acc: Account, query: str) -> Outcome:
    """/xem <unit>: the unit's report (its newest period), or a choice of units, or why not."""
    if not is_supervisor(acc):
        return Outcome().say(REFUSE)
    query = query.strip()
    if not query:
        return Outcome().say(USAGE)
    units = await scoped_matches(services, repo, acc, query)
    if not units:
        return Outcome().say(f"Không tìm thấy đơn vị «{texts.clip_user(query, 80)}» trong phạm vi bạn phụ trách. "
                             "Gõ lại tên, ví dụ: /xem Bộ Tư pháp, hoặc xem danh sách bằng /tiendo.")
    if len(units) > 1:
        return Outcome().say("Có nhiều đơn vị gần giống. Chọn đúng đơn vị:", [[rv(u.name, "u", u)] for u in units])
    return await show_default(services, repo, units[0])


async def show_default(services: Services, repo: Repo, unit: Unit) -> Outcome:
    periods = await unit_periods(services, repo, unit)
    if not periods:
        return Outcome().say(f"{unit.name} chưa có kỳ báo cáo nào. Khi có kỳ mới, gõ lại /xem.")
    return await show(services, repo, unit, periods[0])


# --------------------------------------------------------------------------- the view


async def event_lines(services: Services, repo: Repo, sub: Submission, outline: Outline, unit: Unit,
                        answers: dict) -> list[str]:
    visible = outline.visible_refs(unit.code, unit.kind, answers)
    number = {r.key: str(i) for i, r in enumerate(visible, 1)}
    lines = []
    for ev in (await repo.review.events(sub))[-8:]:
        who = await repo.accounts.account(ev.by_account) if ev.by_account else None
        lines.append(event_line(ev.kind, who.full_name if who else None, when_text(services, ev.at), ev.comment,
                                [number[k] for k in ev.keys or [] if k in number]))
    return lines


def view_choices(unit: Unit, period: Period, sub: Submission | None) -> list[list[Choice]]:
    rows = []
    if sub is not None:
        rows.append([rv("📄 Tải .docx", "doc", unit, period.id)])
        acts = []
        if lifecycle.is_sent(sub.status):
            acts.append(rv("↩ Trả lại", "ret", unit, period.id))
        if sub.status in lifecycle.APPROVABLE:
            acts.append(rv("✅ Duyệt", "ok", unit, period.id))
        if acts:
            rows.append(acts)
    rows.append([rv("🗓 Đổi kỳ", "per", unit, period.id)])
    return rows


async def show(services: Services, repo: Repo, unit: Unit, period: Period) -> Outcome:
    """The unit's report of ``period``: answers, comparisons, reasons, status, history, and the actions."""
    outline = services.catalogue.get(period.outline_id)
    sub = await repo.submissions.find_submission(unit.id, period.id)
    choices = view_choices(unit, period, sub)
    if sub is None:
        return Outcome().say(f"📄 {unit.name} — {outline.short}\nKỳ: {period.label}\n"
                             "Đơn vị chưa bắt đầu báo cáo kỳ này.", choices)
    answers = await repo.submissions.answers(sub.id)
    _, previous = await repo.submissions.unit_previous_answers(unit.id, period)
    hist = await event_lines(services, repo, sub, outline, unit, answers)
    tail = ["\n🕘 Lịch sử:", *hist] if hist else ["\n🕘 Chưa có lần gửi nào."]
    parts = unit_report(outline, unit=unit, period_label=period.label, answers=answers, previous=previous,
                        reasons=await repo.submissions.answer_reasons(sub.id), status=sub.status, comment=sub.comment, tail=tail)
    out = Outcome()
    for i, part in enumerate(parts):
        out.say(part, choices if i == len(parts) - 1 else None)
    return out


# --------------------------------------------------------------------------- the supervisor's buttons


async def pressed_unit(repo: Repo, acc: Account, unit_id: int) -> Unit | Outcome:
    """The unit a supervisor's button names, or the refusal (role, scope)."""
    if not is_supervisor(acc):
        return refuse(REFUSE)
    unit = await repo.units.unit(unit_id)
    if unit is None or not await repo.accounts.in_scope(acc, unit):
        return refuse(OUT_OF_SCOPE)
    return unit


async def press(services: Services, repo: Repo, acc: Account, action: str, unit_id: int, period_id: int) -> Outcome:
    """A ``REVIEW`` choice: u (the unit's default view), v (a period), per (choose a period), doc (the .docx),
    ret (return: asks for the comment), ok (approve)."""
    unit = await pressed_unit(repo, acc, unit_id)
    if isinstance(unit, Outcome):
        return unit
    if action == "u":
        return await show_default(services, repo, unit)
    period = await repo.periods.period(period_id)
    outline = services.catalogue.outlines.get(period.outline_id) if period is not None else None
    if period is None or outline is None or not await answers_period(repo, period, unit, outline):
        return refuse("Kỳ báo cáo này không còn hoặc không dành cho đơn vị này. Gõ /xem để chọn lại.")
    act = ACTIONS.get(action)
    if act is None:
        return refuse("Nút không hợp lệ. Gõ /xem để bắt đầu lại.")
    return await act(services, repo, acc, unit, period)


async def act_view(services: Services, repo: Repo, acc: Account, unit: Unit, period: Period) -> Outcome:
    return await show(services, repo, unit, period)


async def act_periods(services: Services, repo: Repo, acc: Account, unit: Unit, period: Period) -> Outcome:
    rows = [[rv(f"{services.catalogue.get(p.outline_id).short} — {p.label}"
                f"{' (đã đóng)' if p.status != 'open' else ''}", "v", unit, p.id)]
            for p in (await unit_periods(services, repo, unit))[:10]]
    return Outcome().say(f"Chọn kỳ báo cáo của {unit.name}:", rows)


async def act_docx(services: Services, repo: Repo, acc: Account, unit: Unit, period: Period) -> Outcome:
    out = Outcome(alert="Đang làm tệp .docx…")
    try:
        rep, _picture = await make_report(services, period.id, unit.code, include_drafts=True)
    except ExportError as e:
        return out.say(f"❗ Không làm được tệp: {e}")
    name = rep.docx_name.replace("tong-hop_", f"bao-cao_{unit.code}_", 1)
    out.items.append(File(name, rep.docx, f"Báo cáo của {unit.name} — {period.label} (.docx)"))
    return out


async def sent_submission(repo: Repo, unit: Unit, period: Period, statuses, what: str) -> Submission | Outcome:
    sub = await repo.submissions.find_submission(unit.id, period.id)
    if sub is None or sub.status not in statuses:
        state = STATUS_VI.get(sub.status, sub.status) if sub is not None else "chưa bắt đầu"
        return refuse(f"Không {what} được: báo cáo của {unit.name} kỳ này đang ở trạng thái «{state}». "
                      "Gõ /xem để xem lại.")
    return sub


async def act_return(services: Services, repo: Repo, acc: Account, unit: Unit, period: Period) -> Outcome:
    sub = await sent_submission(repo, unit, period, lifecycle.SENT, "trả lại")
    if isinstance(sub, Outcome):
        return sub
    pos = await repo.positions.position(acc.id)
    await repo.positions.save_position(acc.id, submission_id=pos.submission_id if pos else None,
                             question_key=pos.question_key if pos else None, mode=COMMENT_MODE,
                             state={"submission": sub.id, "unit": unit.id})
    return Outcome().say(f"↩ Trả lại báo cáo của {unit.name} — {period.label}.\nGõ nhận xét (một tin nhắn), ghi số "
                         "câu cần sửa, ví dụ: «câu 3, câu 12: thiếu số liệu quý III». Gõ /huy để thôi.")


async def act_approve(services: Services, repo: Repo, acc: Account, unit: Unit, period: Period) -> Outcome:
    sub = await sent_submission(repo, unit, period, lifecycle.APPROVABLE, "duyệt")
    if isinstance(sub, Outcome):
        return sub
    await repo.review.approve(sub, acc, now=services.now())
    outline = services.catalogue.get(period.outline_id)
    told = reachable(await officers(repo, unit))
    return (Outcome(alert="Đã duyệt.")
            .notify(told, f"✅ Báo cáo «{outline.short}» kỳ {period.label} của {unit.name} đã được duyệt "
                          f"({acc.full_name or 'nơi tổng hợp'}). Báo cáo đã khóa, không sửa được nữa; nếu còn cần "
                          "sửa, bấm «🔓 Xin mở lại» và ghi lý do.", questionnaire.unlock_choice(sub.id))
            .say(f"✅ Đã duyệt và khóa báo cáo của {unit.name} — {period.label}. Đã báo {len(told)} cán bộ của đơn vị."))


ACTIONS = {"v": act_view, "per": act_periods, "doc": act_docx, "ret": act_return, "ok": act_approve}


# --------------------------------------------------------------------------- the return comment


async def restore(repo: Repo, acc: Account, submission_id: int | None, question_key: str | None) -> None:
    await repo.positions.save_position(acc.id, submission_id=submission_id, question_key=question_key, mode=Mode.IDLE, state={})


async def give_comment(services: Services, repo: Repo, acc: Account, text: str) -> Outcome:
    """The supervisor's return comment (typed in mode ``review_comment``): the report goes back to the unit."""
    comment = " ".join(text.split())
    if not comment or len(comment) > COMMENT_MAX:
        return Outcome().say(f"Nhận xét cần từ 1 đến {COMMENT_MAX} ký tự. Gõ lại, ví dụ: «câu 3: thiếu số liệu "
                             "quý III». Gõ /huy để thôi.")
    pos = await repo.positions.position(acc.id)
    st = (pos.state or {}) if pos is not None else {}
    sub = await repo.submissions.submission(int(st.get("submission", 0)))
    unit = await repo.units.unit(sub.unit_id) if sub is not None else None
    await restore(repo, acc, pos.submission_id if pos else None, pos.question_key if pos else None)
    if unit is None or not is_supervisor(acc) or not await repo.accounts.in_scope(acc, unit):
        return Outcome().say(OUT_OF_SCOPE)
    if not lifecycle.is_sent(sub.status):
        return Outcome().say("Báo cáo này không còn ở trạng thái đã gửi (có thể đã được trả lại). Gõ /xem để xem lại.")
    period = await repo.periods.period(sub.period_id)
    outline = services.catalogue.get(period.outline_id)
    visible = outline.visible_refs(unit.code, unit.kind, await repo.submissions.answers(sub.id))
    keys = pointed_keys(visible, comment)
    await repo.review.return_submission(sub, acc, comment, keys, now=services.now())
    numbers = [str(i) for i, r in enumerate(visible, 1) if r.key in keys]
    told = reachable(await officers(repo, unit))
    out = Outcome().notify(told, *returned_notice(acc, unit, period, outline, sub, comment, keys, numbers))
    return out.say(f"↩ Đã trả lại báo cáo của {unit.name} — {period.label} kèm nhận xét"
                   f"{' (câu ' + ', '.join(numbers) + ')' if numbers else ''}. Đã báo {len(told)} cán bộ của đơn vị.")


def returned_notice(by: Account, unit: Unit, period: Period, outline: Outline, sub: Submission, comment: str,
                    keys: list[str], numbers: list[str]) -> tuple[str, list[list[Choice]]]:
    text = (f"↩ Nơi tổng hợp ({by.full_name or 'người tổng hợp'}) trả lại báo cáo «{outline.short}» kỳ {period.label} "
            f"của {unit.name} để sửa.\nNhận xét: {comment}")
    if numbers:
        text += "\nCâu cần sửa: " + ", ".join(f"/c{n}" for n in numbers) + " (gõ để mở)."
    if numbers:
        text += "\nBấm nút bên dưới: bot đưa bạn qua từng câu cần sửa (kèm nhận xét), rồi tới bước gửi lại."
    else:
        text += "\nBấm nút bên dưới để mở báo cáo; sửa xong thì gửi lại (gõ /baocao để làm tiếp)."
    index = [r.key for r in outline.refs].index(keys[0]) if keys else first_question(outline, unit)
    label = f"▶ Mở câu {numbers[0]}" if numbers else "▶ Mở báo cáo"
    return text, [[btn(label, OPEN_QUESTION, submission=sub.id, question=index)]]


# --------------------------------------------------------------------------- the officer's side


async def own_submission(repo: Repo, acc: Account, submission_id: int) -> Submission | None:
    """The officer's own submission named by a button (None when it is not theirs)."""
    sub = await repo.submissions.submission(submission_id)
    if sub is None or acc.unit_id is None or sub.unit_id != acc.unit_id:
        return None
    return sub


async def open_question(services: Services, repo: Repo, acc: Account, submission_id: int, question: int) -> Outcome:
    """"▶ Mở câu n" / "▶ Mở báo cáo": the officer is put at that question of their report."""
    sub = await own_submission(repo, acc, submission_id)
    if sub is None:
        return refuse(NOT_OWN)
    period = await repo.periods.period(sub.period_id)
    lock = await repo.review.lock(sub, services.now())
    if lock is not None:
        return refuse(lock_text(lock, period.label))
    refs = services.catalogue.get(period.outline_id).refs
    if not 0 <= question < len(refs):
        return refuse("Câu hỏi này không còn trong đề cương. Gõ /baocao để làm tiếp.")
    out = await questionnaire.open_key(services, repo, acc, sub.id, refs[question].key)
    return out if out is not None else Outcome().say("Gõ /baocao để làm tiếp báo cáo.")


async def ask_unlock(services: Services, repo: Repo, acc: Account, submission_id: int) -> Outcome:
    """«🔓 Xin mở lại»: the officer is asked for the reason (mode ``unlock_reason``)."""
    sub = await own_submission(repo, acc, submission_id)
    if sub is None:
        return refuse(NOT_OWN)
    if await repo.review.lock(sub, services.now()) is None:
        return refuse("Báo cáo này đang sửa được, không cần xin mở lại. Gõ /baocao để sửa.")
    pos = await repo.positions.position(acc.id)
    await repo.positions.save_position(acc.id, submission_id=pos.submission_id if pos else None,
                             question_key=pos.question_key if pos else None, mode=REASON_MODE,
                             state={"submission": sub.id})
    return Outcome().say("🔓 Ghi lý do cần mở lại để sửa (một dòng), ví dụ: «Nhập nhầm số hồ sơ ở câu 3». "
                         "Gõ /huy để thôi.")


async def give_unlock_reason(services: Services, repo: Repo, acc: Account, text: str) -> Outcome:
    """The officer's reason (typed in mode ``unlock_reason``): the unit's supervisors are asked to decide."""
    try:
        reason = parse_reason(text)
    except ParseError as e:
        return Outcome().say(f"❗ {e.message}")
    pos = await repo.positions.position(acc.id)
    sub = await repo.submissions.submission(int(((pos.state if pos else None) or {}).get("submission", 0)))
    await restore(repo, acc, pos.submission_id if pos else None, pos.question_key if pos else None)
    if sub is None or sub.unit_id != acc.unit_id:
        return Outcome().say("Không tìm thấy báo cáo cần mở lại. Gõ /baocao để xem các kỳ đang mở.")
    req, created = await repo.review.request_unlock(sub, acc, reason, now=services.now())
    if not created:
        return Outcome().say("Yêu cầu mở lại trước đó vẫn đang chờ nơi tổng hợp trả lời. Bot sẽ báo khi có kết quả.")
    unit = await repo.units.unit(sub.unit_id)
    period = await repo.periods.period(sub.period_id)
    outline = services.catalogue.get(period.outline_id)
    choices = [[btn("✅ Đồng ý", UNLOCK_DECIDE, request=req.id, approve=1),
                btn("⛔ Từ chối", UNLOCK_DECIDE, request=req.id, approve=0)]]
    told = reachable(await repo.accounts.supervisors_of(unit))
    return (Outcome()
            .notify(told, f"🔓 {unit.name} xin mở lại báo cáo «{outline.short}» kỳ {period.label} để sửa.\nLý do: "
                          f"{reason}\nNgười xin: {acc.full_name or acc.telegram_id}. Nếu đồng ý, đơn vị được sửa trong "
                          f"{services.settings.unlock_hours:g} giờ.", choices)
            .say(f"Đã gửi yêu cầu mở lại tới {len(told)} người tổng hợp. Bot sẽ báo khi có trả lời."))


async def decide_unlock(services: Services, repo: Repo, acc: Account, request_id: int, approve: bool) -> Outcome:
    """A supervisor agrees to (or refuses) an unlock request; only the first decision counts."""
    req = await repo.review.unlock_request(request_id)
    sub = await repo.submissions.submission(req.submission_id) if req is not None else None
    if sub is None:
        return refuse("Yêu cầu này không còn.")
    unit = await pressed_unit(repo, acc, sub.unit_id)
    if isinstance(unit, Outcome):
        return unit
    if not await repo.review.decide_unlock(req, acc, approve, hours=services.settings.unlock_hours, now=services.now()):
        done = "đồng ý" if req.status == "approved" else "từ chối"
        return refuse(f"Yêu cầu này đã được xử lý trước đó ({done}).")
    period = await repo.periods.period(sub.period_id)
    outline = services.catalogue.get(period.outline_id)
    what = f"báo cáo «{outline.short}» kỳ {period.label} của {unit.name}"
    told = reachable(await officers(repo, unit))
    out = Outcome(alert="Đã ghi nhận.")
    if approve:
        until = questionnaire.fmt_dt(services, req.expires_at)
        out.notify(told, f"🔓 Nơi tổng hợp đồng ý mở lại {what} đến {until}. Bấm «▶ Mở báo cáo» để sửa, sửa xong "
                         "thì gửi lại. Khi gửi lại hoặc khi hết giờ, báo cáo tự khóa"
                         + (" và chờ nơi tổng hợp duyệt lại." if sub.status == Status.UNLOCKED else "."),
                   [[btn("▶ Mở báo cáo", OPEN_QUESTION, submission=sub.id, question=first_question(outline, unit))]])
    else:
        out.notify(told, f"⛔ Nơi tổng hợp không đồng ý mở lại {what}.")
    again = ""
    if approve and sub.status == Status.UNLOCKED:
        again = (f" Đơn vị sửa được đến {questionnaire.fmt_dt(services, req.expires_at)}; khi đơn vị gửi lại hoặc "
                 "hết giờ, báo cáo cần bạn duyệt lại (bot sẽ báo kèm các câu đã sửa).")
    return out.say(f"{'🔓 Đã đồng ý' if approve else '⛔ Đã từ chối'} mở lại {what}. Đã báo {len(told)} cán bộ."
                   + again)


async def relock_expired(services: Services, repo: Repo, now: datetime) -> Outcome:
    """Unlocks whose time is up (the scheduler's tick): each closed once; the unit's officers told it is locked
    again, the supervisors (queued notice) which answers changed and that it waits for their approval."""
    out = Outcome()
    for req, sub in await repo.review.relock_expired(now):
        period = await repo.periods.period(sub.period_id)
        unit = await repo.units.unit(sub.unit_id)
        outline = services.catalogue.outlines.get(period.outline_id)
        if outline is not None:
            await questionnaire.enqueue_corrected(repo, unit, period, outline, sub, req, now)
        again = " và chờ nơi tổng hợp duyệt lại" if sub.status == Status.CORRECTED else ""
        out.notify(reachable(await officers(repo, unit)),
                   f"🔒 Hết thời gian mở lại: báo cáo «{outline.short if outline else period.outline_id}» kỳ "
                   f"{period.label} của {unit.name} đã khóa lại{again}; mọi thay đổi từ nay không được nhận. Nếu còn "
                   "cần sửa, bấm «🔓 Xin mở lại».", questionnaire.unlock_choice(sub.id))
    return out


__all__ = ["Status", "xem", "show", "press", "give_comment", "open_question", "ask_unlock", "give_unlock_reason",
           "decide_unlock", "relock_expired"]
