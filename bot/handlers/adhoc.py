"""/baocaonhanh: an administrator or a supervisor composes an ad hoc ("đột xuất") report in chat — a title, questions
one per line (types guessed as the importer guesses them, shown for confirmation), the scope, a deadline in hours —
and it goes out at once: every officer of every unit in scope gets the first question, at interactive priority.

The report is an outline published from the bot and a period of kind "adhoc", so /tiendo, /tonghop, /xem and the
reminders work on it as on any other.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.callbacks import AdhocButton
from bot.filters import InMode, Magic
from bot.flows import questionnaire
from bot.flows.outcome import QUESTION, Choice
from bot.handlers.access import is_supervisor
from bot.render import keyboard, show
from bot.services import Services
from dialogs.adhoc import AdhocError, AdhocQuestion, adhoc_yaml, parse_hours, parse_questions
from dialogs.engine import Engine, ReportContext
from dialogs.kinds import LOCAL_KINDS, PROVINCE_KINDS
from dialogs.loader import load_outline_text, text_hash
from dialogs.outline import Outline
from dialogs.periods import local_text
from dialogs.regime import period_heading
from dialogs.text import fold
from exports.load import expected_units
from storage.models import Account, ConversationPosition, Period, Unit
from storage.repo import Repo

log = logging.getLogger(__name__)
MODE = "adhoc"
NOT_ALLOWED = ("Lệnh /baocaonhanh dành cho quản trị viên và người tổng hợp. Bạn là cán bộ đầu mối: gõ /baocao "
               "để làm báo cáo của đơn vị mình.")
ASK_QUESTIONS = ("Gõ các câu hỏi, mỗi câu một dòng (trong một tin nhắn), ví dụ:\nSố nhà bị hư hại\n"
                 "Số người phải sơ tán\nNhu cầu hỗ trợ")


async def _save(repo: Repo, acc: Account, state: dict) -> None:
    await repo.positions.save_position(acc.id, submission_id=None, question_key=None, mode=MODE, state=state)
    await repo.commit()


async def cmd_adhoc(message: Message, repo: Repo, account: Account) -> None:
    if not is_supervisor(account):
        await message.answer(NOT_ALLOWED)
        return
    await _save(repo, account, {"step": "title"})
    await message.answer("⚡ Báo cáo nhanh (đột xuất). Gõ tên báo cáo, ví dụ: Thiệt hại do bão số 5 "
                         "(gõ /huy để thôi).")


def _kb(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=t, callback_data=AdhocButton(action=a).pack()) for t, a in buttons]])


async def on_text(message: Message, services: Services, repo: Repo, account: Account,
                  position: ConversationPosition) -> None:
    """Typed text in the «adhoc» mode: the title, the questions, the scope, the hours — by the stored step."""
    state = dict(position.state or {})
    text = (message.text or "").strip()
    if not is_supervisor(account):
        await message.answer(NOT_ALLOWED)
        return
    step = state.get("step")
    try:
        if step == "title":
            if not 3 <= len(text) <= 150:
                raise AdhocError("Tên báo cáo cần từ 3 đến 150 ký tự, ví dụ: Thiệt hại do bão số 5")
            await _save(repo, account, {"step": "questions", "title": text})
            await message.answer(ASK_QUESTIONS)
        elif step in ("questions", "confirm"):
            questions = parse_questions(text)
            await _save(repo, account, {**state, "step": "confirm", "questions": [q.to_json() for q in questions]})
            lines = [f"«{state['title']}» — {len(questions)} câu, kiểu câu trả lời đoán như sau:"]
            lines += [f"{i}. {q.describe()}" for i, q in enumerate(questions, 1)]
            lines.append("Đúng thì bấm «✅ Đúng»; nếu sai, gõ lại cả danh sách câu hỏi "
                         "(viết rõ hơn, ví dụ «Số người …», «Tỷ lệ … (%)», «Có … không?»).")
            await message.answer("\n".join(lines), reply_markup=_kb(("✅ Đúng", "qok"), ("✖ Huỷ", "cancel")))
        elif step == "scope":
            units = await _resolve_scope(services, repo, account, text)
            await _save(repo, account, {**state, "step": "hours", "scope": [u.id for u in units]})
            await message.answer(f"Phạm vi: {', '.join(u.name for u in units)[:1500]}.\n"
                                 "Hạn nộp sau bao nhiêu giờ? Gõ số giờ, ví dụ: 6")
        elif step == "hours":
            hours = parse_hours(text)
            await _save(repo, account, {**state, "step": "ready", "hours": hours})
            await message.answer(await _summary(services, repo, state, hours),
                                 reply_markup=_kb(("📤 Gửi ngay", "go"), ("✖ Huỷ", "cancel")))
        else:
            await message.answer("Bấm một nút ở tin trên, hoặc gõ /baocaonhanh để soạn lại từ đầu.")
    except AdhocError as e:
        await message.answer(f"❗ {e}")


async def _resolve_scope(services: Services, repo: Repo, acc: Account, text: str) -> list[Unit]:
    """Units named by code or name, separated by commas; «tất cả» = the whole scope of the account."""
    if fold(text) in ("tat ca", "toan bo", "het"):
        scopes = await repo.accounts.scopes(acc) if acc.role != "admin" else []
        if acc.role == "admin":  # every province (the ministries have no communes to ask)
            return [u for u in await repo.units.list_units(None, kinds=PROVINCE_KINDS) if u.parent_id is None]
        if not scopes:
            raise AdhocError("Bạn chưa được giao phạm vi nào. Gõ mã hoặc tên đơn vị, ví dụ: 91, Tỉnh An Giang")
        return scopes
    out: list[Unit] = []
    index = await services.unit_index(repo)
    for part in [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]:
        unit = await repo.units.unit_by_code(part) if len(part) <= 32 else None
        if unit is None:
            found = index.search(part, limit=1)
            unit = await repo.units.unit(found[0].unit_id) if found and found[0].score >= 85 else None
        if unit is None:
            raise AdhocError(f"Không tìm thấy đơn vị «{part}». Gõ mã hoặc tên đúng, cách nhau dấu phẩy, "
                             "ví dụ: 91, Tỉnh Gia Lai — hoặc «tất cả».")
        if not await repo.accounts.in_scope(acc, unit):
            raise AdhocError(f"«{unit.name}» ngoài phạm vi bạn phụ trách. Gõ đơn vị trong phạm vi của bạn.")
        out.append(unit)
    if not out:
        raise AdhocError("Gõ mã hoặc tên đơn vị, cách nhau dấu phẩy, ví dụ: 91, Tỉnh Gia Lai — hoặc «tất cả».")
    return out


async def _targets(repo: Repo, scope_ids: list[int]) -> list[Unit]:
    """The units that answer: the commune-level units under the scope units, or a scope unit itself when it is one
    (or has none below it). One query, whatever the number of scope units."""
    roots = set(scope_ids)
    local = await repo.units.list_units(None, kinds=LOCAL_KINDS)
    out = {u.id: u for u in local if roots & {int(x) for x in u.path.strip("/").split("/") if x}}
    covered = {int(x) for u in out.values() for x in u.path.strip("/").split("/") if x}
    for uid in roots - covered:  # a scope unit with no commune below it answers itself
        u = await repo.units.unit(uid)
        if u is not None:
            out[u.id] = u
    return list(out.values())


async def _summary(services: Services, repo: Repo, state: dict, hours: float) -> str:
    units = await _targets(repo, state["scope"])
    officers = await repo.accounts.officers_of([u.id for u in units])
    deadline = services.now() + timedelta(hours=hours)
    return (f"Gửi báo cáo nhanh «{state['title']}» ({len(state['questions'])} câu) tới {len(units)} đơn vị "
            f"({sum(len(v) for v in officers.values())} cán bộ đã vào bot), hạn nộp {local_text(deadline, services.tz)}?")


async def on_ah(cb: CallbackQuery, services: Services, callback_data: AdhocButton, bot: Bot, repo: Repo, account: Account) -> None:
    if not is_supervisor(account):
        await cb.answer(NOT_ALLOWED, show_alert=True)
        return
    pos = await repo.positions.position(account.id)
    state = dict(pos.state or {}) if pos is not None and pos.mode == MODE else {}
    if callback_data.action == "cancel" or not state:
        await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
        await repo.commit()
        await cb.answer("Đã huỷ báo cáo nhanh." if state else "Không còn báo cáo nhanh nào đang soạn. Gõ /baocaonhanh.",
                        show_alert=not state)
        return
    if callback_data.action == "qok" and state.get("step") == "confirm":
        await _save(repo, account, {**state, "step": "scope"})
        await cb.answer()
        hint = "«tất cả» (toàn bộ phạm vi của bạn)" if account.role != "admin" else "«tất cả»"
        await bot.send_message(cb.from_user.id, "Gửi cho đơn vị nào? Gõ mã hoặc tên tỉnh/đơn vị, cách nhau dấu phẩy, "
                                                f"ví dụ: 91, Tỉnh Gia Lai — hoặc {hint}.")
        return
    if callback_data.action == "go" and state.get("step") == "ready":
        await cb.answer("Đang gửi…")
        period, outline = await _publish(services, repo, account, state)
        await bot.send_message(cb.from_user.id, f"📤 Đang gửi «{outline.short}» tới các đơn vị…")
        rep = await send_first_questions(bot, services, period, outline)
        await bot.send_message(cb.from_user.id, (
            f"✅ Đã gửi câu hỏi đầu tiên tới {rep.sent} cán bộ của {rep.units} đơn vị"
            + (f"; {rep.failed} cán bộ không nhận được (đã chặn bot)" if rep.failed else "")
            + (f"; {rep.no_officer} đơn vị chưa có cán bộ vào bot" if rep.no_officer else "")
            + f". Hạn nộp {local_text(period.deadline, services.tz)}. Theo dõi: /tiendo; tổng hợp: /tonghop."))
        return
    await cb.answer("Nút này đã cũ. Gõ /baocaonhanh để soạn lại.", show_alert=True)


async def _publish(services: Services, repo: Repo, acc: Account, state: dict) -> tuple[Period, Outline]:
    """The outline (published from the bot) and its period (kind "adhoc", the units in scope, the deadline)."""
    now = services.now()
    units = await _targets(repo, state["scope"])
    kinds = sorted({u.kind for u in units}) or list(LOCAL_KINDS)
    questions = [AdhocQuestion(**q) for q in state["questions"]]
    text = adhoc_yaml(state["title"], questions, kinds, now.astimezone(services.tz))
    outline = load_outline_text(text, "báo cáo nhanh")
    await repo.outlines.register_outline(outline.id, outline.version, text_hash(text), f"{outline.id}.yaml", outline.title,
                                yaml_text=text)
    deadline = now + timedelta(hours=float(state["hours"]))
    period, _ = await repo.periods.open_period(outline.id, f"Đột xuất {local_text(now, services.tz)}", deadline=deadline,
                                       starts_on=None, ends_on=now.astimezone(services.tz).date(),
                                       closes_at=deadline + timedelta(hours=services.settings.period_grace_hours),
                                       unit_ids=[u.id for u in units], now=now, kind="adhoc")
    await repo.positions.save_position(acc.id, submission_id=None, question_key=None, mode="none", state={})
    await repo.commit()
    await services.reload_outlines(repo)
    return period, services.catalogue.get(outline.id)


@dataclass
class DispatchReport:
    units: int = 0
    sent: int = 0
    failed: int = 0
    no_officer: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


async def send_first_questions(bot: Bot, services: Services, period: Period, outline: Outline,
                               concurrency: int = 64, batch: int = 500) -> DispatchReport:
    """Every officer of every unit the period covers gets the first question, as if he had typed /baocao: each
    batch of units' submissions and positions is committed, then its messages go out at interactive priority
    through the outbound layer (its budget and per-chat pacing) while the next batch is stored. An officer in the
    middle of another report keeps what he typed there; /baocao takes him back."""
    rep = DispatchReport()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    sem = asyncio.Semaphore(concurrency)
    sending: list[asyncio.Task] = []

    async def one(chat_id: int, text: str, kb: InlineKeyboardMarkup | None) -> None:
        async with sem:
            try:
                await bot.send_message(chat_id, text[:4000], reply_markup=kb)
                rep.sent += 1
            except TelegramForbiddenError:
                rep.failed += 1
            except TelegramAPIError as e:  # recorded by the outbound layer's sink; counted here
                rep.failed += 1
                rep.errors.append(str(e)[:200])

    async with services.db.read_session() as s:
        units = await expected_units(Repo(s), period, outline.respondents, None)
    rep.units = len(units)
    for i in range(0, len(units), batch):
        jobs = await _store_batch(services, period, outline, units[i:i + batch], rep)
        sending += [asyncio.create_task(one(*j)) for j in jobs]
        await asyncio.sleep(0)
    await asyncio.gather(*sending)
    rep.seconds = loop.time() - t0
    return rep


async def _store_batch(services: Services, period: Period, outline: Outline, units: list[Unit],
                       rep: DispatchReport) -> list[tuple[int, str, InlineKeyboardMarkup | None]]:
    """One batch of units: submissions and officers' positions on the first question, committed; the messages."""
    heading = period_heading(period.label, period.cutoff_on)
    head = f"⚡ BÁO CÁO ĐỘT XUẤT — hạn nộp {local_text(period.deadline, services.tz)}.\n"
    async with services.db.session() as s:
        repo = Repo(s)
        officers = await repo.accounts.officers_of([u.id for u in units])
        reached = [u for u in units if any(not a.blocked for a in officers.get(u.id, []))]
        rep.no_officer += len(units) - len(reached)
        subs = await repo.submissions.ensure_submissions([u.id for u in reached], period.id,
                                             services.outline_versions.get(outline.id), now=services.now())
        moves, texts = [], {}
        for u in reached:
            step = Engine(ReportContext(outline, u.code, u.kind, {}, None, heading, today=services.today())).begin(None)
            for a in officers[u.id]:
                if not a.blocked:
                    moves.append((a.id, subs[u.id], step.key, step.mode, step.state))
                    texts[a.id] = (a.telegram_id, head + "\n\n".join(sc.text for sc in step.screens), step.screens[-1])
        nonces = await repo.positions.place_positions(moves)
        await s.commit()
    return [(tg, text, _markup(screen, nonces[aid])) for aid, (tg, text, screen) in texts.items()]


def _markup(screen, nonce: int) -> InlineKeyboardMarkup | None:
    """The first question's buttons, as the questionnaire renders them (``AnswerButton`` with the position's nonce)."""
    return keyboard([[Choice.of(b.text, QUESTION, nonce=nonce, action=b.action, arg=b.arg) for b in row]
                     for row in screen.buttons])


async def cmd_cancel(message: Message, bot: Bot, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await questionnaire.leave(repo, account, "Đã thôi soạn báo cáo nhanh. Gõ /baocaonhanh để soạn lại."))


def setup() -> Router:
    router = Router(name="adhoc")
    router.message.register(cmd_adhoc, Command("baocaonhanh"))
    router.message.register(cmd_cancel, Command("huy"), InMode(MODE))
    router.message.register(on_text, Magic(F.text & ~F.text.startswith("/")), InMode(MODE))
    router.callback_query.register(on_ah, AdhocButton.filter())
    return router
