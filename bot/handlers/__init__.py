"""All routers, joined in one place. Built by functions, so tests can build many dispatchers.

One router per feature; each module's ``setup()`` registers module-level handlers, which get ``services``,
``repo`` and ``account`` from the middleware's data. Order matters only where two routers could claim the
same update: typed text goes to the router whose ``InMode`` filter matches, then to the fallback.
"""

from __future__ import annotations

from aiogram import Router

from bot.handlers import (
    admin,
    common,
    consolidate,
    issuer,
    link,
    outline_import,
    progress,
    report,
    review,
    start,
    template,
    web,
)


def get_routers() -> list[Router]:
    return [
        common.setup(),       # /huongdan, the error handler
        start.setup(),        # /start, invites, joining a unit (mode "join")
        link.setup(),         # /lienket: Telegram and Zalo as one account (issue 25)
        consolidate.setup(),  # /tonghop
        progress.setup(),     # /tiendo
        admin.setup(),        # /moky (mode "moky")
        issuer.setup(),       # /coquan: who issues a scope's report (issuing body, signer, recipients)
        outline_import.setup(),  # /nhapdecuong (mode "import"): a đề cương document → a published outline
        review.setup(),       # /xem, return (mode "review_comment"), approve, unlock (mode "unlock_reason")
        template.setup(),     # /mau, a filled .xlsx sent back
        web.setup(),          # /web: the questionnaire on the web (Mini App button, signed link)
        report.setup(),       # /baocao, the questionnaire (its modes), /c<n>, /huy
        common.setup_fallback(),
    ]
