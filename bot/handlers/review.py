"""/xem: a supervisor reads one unit's report (within their scope only), gets its .docx, returns it with a comment
(mode "review_comment") or approves it; officers ask to reopen a locked report (mode "unlock_reason") and the
unit's supervisors decide. Every button checks role and scope again on the server: a forged button does nothing.
"""

from __future__ import annotations

import logging
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot import texts
from bot.callbacks import RV, OpenQ, UnlockAsk, UnlockDecision
from bot.filters import InMode, Magic
from bot.handlers import report
from bot.handlers.access import REFUSE, allowed_scopes, is_supervisor
from bot.handlers.consolidate import make_report
from bot.services import Services
from dialogs.localtime import short_text
from dialogs.outline import Outline
from dialogs.parsing import ParseError
from dialogs.review import STATUS_VI, event_line, parse_reason, pointed_keys
from dialogs.text import norm_words
from exports.load import ExportError
from exports.unit_view import unit_report
from storage.models import Account, ConversationPosition, Period, Submission, Unit
from storage.repo import Repo

log = logging.getLogger(__name__)

OUT_OF_SCOPE = "Đơn vị này không thuộc phạm vi bạn phụ trách, nên bạn không xem hay duyệt được báo cáo của đơn vị."
USAGE = ("Gõ /xem và tên đơn vị, ví dụ: /xem Bộ Tư pháp (viết không dấu cũng được). "
         "Hoặc bấm «👁 Xem» trong danh sách của /tiendo.")
COMMENT_MAX = 1000


def _btn(text: str, data) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text[:60], callback_data=data.pack())


def when_text(services: Services, dt: datetime) -> str:
    return short_text(dt, services.tz)


async def tell(bot: Bot, repo: Repo, accounts: list[Account], text: str,
               kb: InlineKeyboardMarkup | None = None) -> int:
    """Send ``text`` to each account that has not blocked the bot; returns how many got it."""
    targets = [a.telegram_id for a in accounts if not a.blocked]
    await repo.commit()  # end the transaction before talking to Telegram
    sent = 0
    for tg in targets:
        try:
            await bot.send_message(tg, texts.clip(text), reply_markup=kb)
            sent += 1
        except TelegramForbiddenError:
            await repo.mark_blocked(tg)
            await repo.commit()
        except TelegramBadRequest as e:
            log.warning("message to %s failed: %s", tg, e)
    return sent


async def officers(repo: Repo, unit: Unit) -> list[Account]:
    return (await repo.officers_of([unit.id])).get(unit.id, [])


# --------------------------------------------------------------------------- choosing unit and period


async def scoped_matches(services: Services, repo: Repo, acc: Account, query: str) -> list[Unit]:
    """Units whose name matches ``query`` (fuzzy, without accents), only those within the supervisor's scope; only
    the best when it is a clear winner (an exact name)."""
    index = await services.unit_index(repo)
    roots = await allowed_scopes(repo, acc)
    out: list[tuple[Unit, float]] = []
    for m in index.search(query, limit=40):
        unit = await repo.unit(m.unit_id)
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
    for p in await repo.list_periods():
        o = services.catalogue.outlines.get(p.outline_id)
        if o is not None and repo.period_covers(p, unit, o.respondents):
            out.append(p)
    return sorted(out, key=lambda p: (p.status == "open", p.deadline, p.id), reverse=True)


async def cmd_xem(message: Message, command: CommandObject, bot: Bot, services: Services, repo: Repo,
                  account: Account) -> None:
    if not is_supervisor(account):
        await message.answer(REFUSE)
        return
    query = (command.args or "").strip()
    if not query:
        await message.answer(USAGE)
        return
    units = await scoped_matches(services, repo, account, query)
    if not units:
        await message.answer(f"Không tìm thấy đơn vị «{texts.clip_user(query, 80)}» trong phạm vi bạn phụ trách. "
                             "Gõ lại tên, ví dụ: /xem Bộ Tư pháp, hoặc xem danh sách bằng /tiendo.")
        return
    if len(units) > 1:
        rows = [[_btn(u.name, RV(action="u", unit=u.id))] for u in units]
        await message.answer("Có nhiều đơn vị gần giống. Chọn đúng đơn vị:",
                             reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        return
    await show_default(bot, message.chat.id, services, repo, units[0])


async def show_default(bot: Bot, chat_id: int, services: Services, repo: Repo, unit: Unit) -> None:
    periods = await unit_periods(services, repo, unit)
    if not periods:
        await bot.send_message(chat_id, f"{unit.name} chưa có kỳ báo cáo nào. Khi có kỳ mới, gõ lại /xem.")
        return
    await show(bot, chat_id, services, repo, unit, periods[0])


# --------------------------------------------------------------------------- the view


async def history_lines(services: Services, repo: Repo, sub: Submission, outline: Outline, unit: Unit,
                        answers: dict) -> list[str]:
    visible = outline.visible_refs(unit.code, unit.kind, answers)
    number = {r.key: str(i) for i, r in enumerate(visible, 1)}
    lines = []
    for ev in (await repo.history(sub))[-8:]:
        who = await repo.account(ev.by_account) if ev.by_account else None
        lines.append(event_line(ev.kind, who.full_name if who else None, when_text(services, ev.at), ev.comment,
                                [number[k] for k in ev.keys or [] if k in number]))
    return lines


def view_keyboard(unit: Unit, period: Period, sub: Submission | None) -> InlineKeyboardMarkup:
    rows = []
    if sub is not None:
        rows.append([_btn("📄 Tải .docx", RV(action="doc", unit=unit.id, period=period.id))])
        acts = []
        if sub.status in ("submitted", "approved"):
            acts.append(_btn("↩ Trả lại", RV(action="ret", unit=unit.id, period=period.id)))
        if sub.status == "submitted":
            acts.append(_btn("✅ Duyệt", RV(action="ok", unit=unit.id, period=period.id)))
        if acts:
            rows.append(acts)
    rows.append([_btn("🗓 Đổi kỳ", RV(action="per", unit=unit.id, period=period.id))])
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def show(bot: Bot, chat_id: int, services: Services, repo: Repo, unit: Unit, period: Period) -> None:
    outline = services.catalogue.get(period.outline_id)
    sub = await repo.find_submission(unit.id, period.id)
    kb = view_keyboard(unit, period, sub)
    if sub is None:
        await bot.send_message(chat_id, f"📄 {unit.name} — {outline.short}\nKỳ: {period.label}\n"
                                        "Đơn vị chưa bắt đầu báo cáo kỳ này.", reply_markup=kb)
        return
    answers = await repo.answers(sub.id)
    _, previous = await repo.unit_previous_answers(unit.id, period)
    msgs = unit_report(outline, unit=unit, period_label=period.label, answers=answers, previous=previous,
                       reasons=await repo.answer_reasons(sub.id), status=sub.status, comment=sub.comment)
    hist = await history_lines(services, repo, sub, outline, unit, answers)
    tail = "🕘 Lịch sử:\n" + "\n".join(hist) if hist else "🕘 Chưa có lần gửi nào."
    parts = msgs + texts.split_text(tail)
    for i, part in enumerate(parts):
        await bot.send_message(chat_id, part, reply_markup=kb if i == len(parts) - 1 else None)


# --------------------------------------------------------------------------- the buttons


async def pressed_unit(cb: CallbackQuery, repo: Repo, acc: Account, unit_id: int) -> Unit | None:
    """The unit a supervisor's button names, or None after telling the presser why not (role, scope)."""
    if not is_supervisor(acc):
        await cb.answer(REFUSE, show_alert=True)
        return None
    unit = await repo.unit(unit_id)
    if unit is None or not await repo.in_scope(acc, unit):
        await cb.answer(OUT_OF_SCOPE, show_alert=True)
        return None
    return unit


async def on_rv(cb: CallbackQuery, callback_data: RV, bot: Bot, services: Services, repo: Repo,
                account: Account) -> None:
    d = callback_data
    unit = await pressed_unit(cb, repo, account, d.unit)
    if unit is None:
        return
    chat = cb.from_user.id
    if d.action == "u":
        await cb.answer()
        await show_default(bot, chat, services, repo, unit)
        return
    period = await repo.period(d.period)
    outline = services.catalogue.outlines.get(period.outline_id) if period is not None else None
    if period is None or outline is None or not repo.period_covers(period, unit, outline.respondents):
        await cb.answer("Kỳ báo cáo này không còn hoặc không dành cho đơn vị này. Gõ /xem để chọn lại.",
                        show_alert=True)
        return
    act = ACTIONS.get(d.action)
    if act is None:
        await cb.answer("Nút không hợp lệ. Gõ /xem để bắt đầu lại.", show_alert=True)
        return
    await act(cb, bot, services, repo, account, unit, period)


async def act_view(cb, bot, services, repo, account, unit, period) -> None:
    await cb.answer()
    await show(bot, cb.from_user.id, services, repo, unit, period)


async def act_periods(cb, bot, services, repo, account, unit, period) -> None:
    await cb.answer()
    rows = [[_btn(f"{services.catalogue.get(p.outline_id).short} — {p.label}"
                  f"{' (đã đóng)' if p.status != 'open' else ''}", RV(action="v", unit=unit.id, period=p.id))]
            for p in (await unit_periods(services, repo, unit))[:10]]
    await bot.send_message(cb.from_user.id, f"Chọn kỳ báo cáo của {unit.name}:",
                           reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


async def act_docx(cb, bot, services, repo, account, unit, period) -> None:
    await cb.answer("Đang làm tệp .docx…")
    try:
        # one unit's own report, whatever its state (an unsent one is marked "tạm tính" in the file)
        rep, _picture = await make_report(services, period.id, unit.code, include_drafts=True)
    except ExportError as e:
        await bot.send_message(cb.from_user.id, f"❗ Không làm được tệp: {e}")
        return
    name = rep.docx_name.replace("tong-hop_", f"bao-cao_{unit.code}_", 1)
    await bot.send_document(cb.from_user.id, BufferedInputFile(rep.docx, filename=name),
                            caption=f"Báo cáo của {unit.name} — {period.label} (.docx)")


async def submission_or_alert(cb: CallbackQuery, repo: Repo, unit: Unit, period: Period,
                              statuses: tuple[str, ...], what: str) -> Submission | None:
    sub = await repo.find_submission(unit.id, period.id)
    if sub is None or sub.status not in statuses:
        state = STATUS_VI.get(sub.status, sub.status) if sub is not None else "chưa bắt đầu"
        await cb.answer(f"Không {what} được: báo cáo của {unit.name} kỳ này đang ở trạng thái «{state}». "
                        "Gõ /xem để xem lại.", show_alert=True)
        return None
    return sub


async def act_return(cb, bot, services, repo, account, unit, period) -> None:
    sub = await submission_or_alert(cb, repo, unit, period, ("submitted", "approved"), "trả lại")
    if sub is None:
        return
    await cb.answer()
    pos = await repo.position(account.id)
    await repo.save_position(account.id, submission_id=pos.submission_id if pos else None,
                             question_key=pos.question_key if pos else None, mode="review_comment",
                             state={"submission": sub.id, "unit": unit.id})
    await repo.commit()
    await bot.send_message(cb.from_user.id,
                           f"↩ Trả lại báo cáo của {unit.name} — {period.label}.\nGõ nhận xét (một tin nhắn), ghi số "
                           "câu cần sửa, ví dụ: «câu 3, câu 12: thiếu số liệu quý III». Gõ /huy để thôi.")


async def act_approve(cb, bot, services, repo, account, unit, period) -> None:
    sub = await submission_or_alert(cb, repo, unit, period, ("submitted",), "duyệt")
    if sub is None:
        return
    await repo.approve(sub, account, now=services.now())
    await repo.commit()
    await cb.answer("Đã duyệt.")
    outline = services.catalogue.get(period.outline_id)
    n = await tell(bot, repo, await officers(repo, unit),
                   f"✅ Báo cáo «{outline.short}» kỳ {period.label} của {unit.name} đã được duyệt "
                   f"({account.full_name or 'nơi tổng hợp'}). Báo cáo đã khóa, không sửa được nữa; nếu còn cần sửa, "
                   "bấm «🔓 Xin mở lại» và ghi lý do.",
                   InlineKeyboardMarkup(inline_keyboard=[[_btn("🔓 Xin mở lại", UnlockAsk(submission=sub.id))]]))
    await bot.send_message(cb.from_user.id, f"✅ Đã duyệt và khóa báo cáo của {unit.name} — {period.label}. "
                                            f"Đã báo {n} cán bộ của đơn vị.")


ACTIONS = {"v": act_view, "per": act_periods, "doc": act_docx, "ret": act_return, "ok": act_approve}


# --------------------------------------------------------------------------- the return comment


async def restore(repo: Repo, acc: Account, pos: ConversationPosition) -> None:
    await repo.save_position(acc.id, submission_id=pos.submission_id, question_key=pos.question_key, mode="idle",
                             state={})


async def on_comment(message: Message, position: ConversationPosition, bot: Bot, services: Services, repo: Repo,
                     account: Account) -> None:
    comment = " ".join((message.text or "").split())
    if not comment or len(comment) > COMMENT_MAX:
        await message.answer(f"Nhận xét cần từ 1 đến {COMMENT_MAX} ký tự. Gõ lại, ví dụ: «câu 3: thiếu số liệu "
                             "quý III». Gõ /huy để thôi.")
        return
    st = position.state or {}
    sub = await repo.submission(int(st.get("submission", 0)))
    unit = await repo.unit(sub.unit_id) if sub is not None else None
    await restore(repo, account, position)
    if unit is None or not is_supervisor(account) or not await repo.in_scope(account, unit):
        await message.answer(OUT_OF_SCOPE)
        return
    if sub.status not in ("submitted", "approved"):
        await message.answer("Báo cáo này không còn ở trạng thái đã gửi (có thể đã được trả lại). Gõ /xem để xem lại.")
        return
    period = await repo.period(sub.period_id)
    outline = services.catalogue.get(period.outline_id)
    visible = outline.visible_refs(unit.code, unit.kind, await repo.answers(sub.id))
    keys = pointed_keys(visible, comment)
    await repo.return_submission(sub, account, comment, keys, now=services.now())
    await repo.commit()
    numbers = [str(i) for i, r in enumerate(visible, 1) if r.key in keys]
    n = await notify_returned(bot, repo, account, unit, period, outline, sub, comment, keys, numbers)
    await message.answer(f"↩ Đã trả lại báo cáo của {unit.name} — {period.label} kèm nhận xét"
                         f"{' (câu ' + ', '.join(numbers) + ')' if numbers else ''}. Đã báo {n} cán bộ của đơn vị.")


async def notify_returned(bot: Bot, repo: Repo, by: Account, unit: Unit, period: Period, outline: Outline,
                          sub: Submission, comment: str, keys: list[str], numbers: list[str]) -> int:
    text = (f"↩ Nơi tổng hợp ({by.full_name or 'người tổng hợp'}) trả lại báo cáo «{outline.short}» kỳ {period.label} "
            f"của {unit.name} để sửa.\nNhận xét: {comment}")
    if numbers:
        text += "\nCâu cần sửa: " + ", ".join(f"/c{n}" for n in numbers) + " (gõ để mở)."
    text += "\nSửa xong, bấm «📨 Gửi báo cáo» lần nữa (gõ /baocao để làm tiếp)."
    first = keys[0] if keys else outline.visible_refs(unit.code, unit.kind)[0].key
    index = [r.key for r in outline.refs].index(first)
    label = f"▶ Mở câu {numbers[0]}" if numbers else "▶ Mở báo cáo"
    kb = InlineKeyboardMarkup(inline_keyboard=[[_btn(label, OpenQ(submission=sub.id, question=index))]])
    return await tell(bot, repo, await officers(repo, unit), text, kb)


# --------------------------------------------------------------------------- the officer's side


async def own_submission(cb: CallbackQuery, services: Services, repo: Repo, acc: Account,
                         submission_id: int) -> tuple[Submission | None, bool, str]:
    """The officer's own submission named by a button (None after an alert when it is not theirs), and whether
    the unit may change it now (and if not, why)."""
    sub = await repo.submission(submission_id)
    if sub is None or acc.unit_id is None or sub.unit_id != acc.unit_id:
        await cb.answer("Nút này dành cho cán bộ đầu mối của đơn vị có báo cáo này.", show_alert=True)
        return None, False, ""
    ok, why = await repo.can_edit(sub, services.now())
    return sub, ok, why


async def on_open_question(cb: CallbackQuery, callback_data: OpenQ, bot: Bot, services: Services, repo: Repo,
                           account: Account) -> None:
    sub, ok, why = await own_submission(cb, services, repo, account, callback_data.submission)
    if sub is None:
        return
    if not ok:
        await cb.answer(why, show_alert=True)
        return
    period = await repo.period(sub.period_id)
    refs = services.catalogue.get(period.outline_id).refs
    if not 0 <= callback_data.question < len(refs):
        await cb.answer("Câu hỏi này không còn trong đề cương. Gõ /baocao để làm tiếp.", show_alert=True)
        return
    await cb.answer()
    await repo.save_position(account.id, submission_id=sub.id, question_key=None, mode="question", state={})
    await repo.commit()
    ld = await report.load(services, repo, account)
    if ld is None:
        await bot.send_message(cb.from_user.id, "Gõ /baocao để làm tiếp báo cáo.")
        return
    step = ld.engine.on_action(None, "question", {}, "open", refs[callback_data.question].key)
    await report.apply_step(bot, cb.from_user.id, services, repo, account, ld, step)


async def on_unlock_ask(cb: CallbackQuery, callback_data: UnlockAsk, bot: Bot, services: Services, repo: Repo,
                        account: Account) -> None:
    sub, ok, _ = await own_submission(cb, services, repo, account, callback_data.submission)
    if sub is None:
        return
    if ok:
        await cb.answer("Báo cáo này đang sửa được, không cần xin mở lại. Gõ /baocao để sửa.", show_alert=True)
        return
    await cb.answer()
    pos = await repo.position(account.id)
    await repo.save_position(account.id, submission_id=pos.submission_id if pos else None,
                             question_key=pos.question_key if pos else None, mode="unlock_reason",
                             state={"submission": sub.id})
    await repo.commit()
    await bot.send_message(cb.from_user.id, "🔓 Ghi lý do cần mở lại để sửa (một dòng), ví dụ: «Nhập nhầm số hồ sơ ở "
                                            "câu 3». Gõ /huy để thôi.")


async def on_unlock_reason(message: Message, position: ConversationPosition, bot: Bot, services: Services,
                           repo: Repo, account: Account) -> None:
    try:
        reason = parse_reason(message.text or "")
    except ParseError as e:
        await message.answer(f"❗ {e.message}")
        return
    sub = await repo.submission(int((position.state or {}).get("submission", 0)))
    await restore(repo, account, position)
    if sub is None or sub.unit_id != account.unit_id:
        await message.answer("Không tìm thấy báo cáo cần mở lại. Gõ /baocao để xem các kỳ đang mở.")
        return
    req, created = await repo.request_unlock(sub, account, reason, now=services.now())
    await repo.commit()
    if not created:
        await message.answer("Yêu cầu mở lại trước đó vẫn đang chờ nơi tổng hợp trả lời. Bot sẽ báo khi có kết quả.")
        return
    unit = await repo.unit(sub.unit_id)
    period = await repo.period(sub.period_id)
    outline = services.catalogue.get(period.outline_id)
    kb = InlineKeyboardMarkup(inline_keyboard=[[_btn("✅ Đồng ý", UnlockDecision(request=req.id, approve=1)),
                                                _btn("⛔ Từ chối", UnlockDecision(request=req.id, approve=0))]])
    n = await tell(bot, repo, await repo.supervisors_of(unit),
                   f"🔓 {unit.name} xin mở lại báo cáo «{outline.short}» kỳ {period.label} để sửa.\nLý do: {reason}\n"
                   f"Người xin: {account.full_name or account.telegram_id}. Nếu đồng ý, đơn vị được sửa trong "
                   f"{services.settings.unlock_hours:g} giờ.", kb)
    await message.answer(f"Đã gửi yêu cầu mở lại tới {n} người tổng hợp. Bot sẽ báo khi có trả lời.")


async def on_unlock_decision(cb: CallbackQuery, callback_data: UnlockDecision, bot: Bot, services: Services,
                             repo: Repo, account: Account) -> None:
    req = await repo.unlock_request(callback_data.request)
    sub = await repo.submission(req.submission_id) if req is not None else None
    if sub is None:
        await cb.answer("Yêu cầu này không còn.", show_alert=True)
        return
    unit = await pressed_unit(cb, repo, account, sub.unit_id)
    if unit is None:
        return
    approve = bool(callback_data.approve)
    now = services.now()
    if not await repo.decide_unlock(req, account, approve, hours=services.settings.unlock_hours, now=now):
        done = "đồng ý" if req.status == "approved" else "từ chối"
        await cb.answer(f"Yêu cầu này đã được xử lý trước đó ({done}).", show_alert=True)
        return
    await repo.commit()
    await cb.answer("Đã ghi nhận.")
    period = await repo.period(sub.period_id)
    outline = services.catalogue.get(period.outline_id)
    what = f"báo cáo «{outline.short}» kỳ {period.label} của {unit.name}"
    if approve:
        until = report.fmt_dt(services, req.expires_at)
        text = (f"🔓 Nơi tổng hợp đồng ý mở lại {what} đến {until}. Sửa xong bấm «📨 Gửi báo cáo»; "
                "hết giờ báo cáo tự khóa lại.")
        first = [r.key for r in outline.refs].index(outline.visible_refs(unit.code, unit.kind)[0].key)
        kb = InlineKeyboardMarkup(inline_keyboard=[[_btn("▶ Mở báo cáo", OpenQ(submission=sub.id, question=first))]])
    else:
        text, kb = f"⛔ Nơi tổng hợp không đồng ý mở lại {what}.", None
    n = await tell(bot, repo, await officers(repo, unit), text, kb)
    await bot.send_message(cb.from_user.id, f"{'🔓 Đã đồng ý' if approve else '⛔ Đã từ chối'} mở lại {what}. "
                                            f"Đã báo {n} cán bộ.")


def setup() -> Router:
    router = Router(name="review")
    router.message.register(cmd_xem, Command("xem"))
    router.callback_query.register(on_rv, RV.filter())
    router.callback_query.register(on_open_question, OpenQ.filter())
    router.callback_query.register(on_unlock_ask, UnlockAsk.filter())
    router.callback_query.register(on_unlock_decision, UnlockDecision.filter())
    comment_text = Magic(F.text & (~F.text.startswith("/") | F.text.regexp(r"^/c\d")))
    router.message.register(on_comment, comment_text, InMode("review_comment"))
    router.message.register(on_unlock_reason, Magic(F.text & ~F.text.startswith("/")), InMode("unlock_reason"))
    return router
