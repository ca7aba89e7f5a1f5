"""The words of a failed send, one place for the outbound layer and the reminder sender."""

from __future__ import annotations

from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)


def status_code(e: TelegramAPIError) -> int:
    """The HTTP status of a Bot API error (0 when it has none of these)."""
    for cls, code in ((TelegramForbiddenError, 403), (TelegramBadRequest, 400), (TelegramNotFound, 404),
                      (TelegramUnauthorizedError, 401), (TelegramEntityTooLarge, 413)):
        if isinstance(e, cls):
            return code
    return 0


def benign(e: TelegramAPIError) -> bool:
    """An edit that changes nothing is not a lost message."""
    return isinstance(e, TelegramBadRequest) and "message is not modified" in e.message


def failure_reason(e: BaseException, attempts: int, times_429: int | None = None) -> str:
    """Why a send failed for good, as stored in the reminder log and reported to the sink: "429 lặp lại 10 lần
    (retry_after=3)", "lỗi máy chủ/mạng sau 6 lần thử: …", "403: Forbidden: bot was blocked by the user"."""
    if isinstance(e, TelegramRetryAfter):
        times = f"{times_429} lần" if times_429 else "quá nhiều lần"
        return f"429 lặp lại {times} (retry_after={e.retry_after})"
    if isinstance(e, (TelegramServerError, TelegramNetworkError, TimeoutError)):
        return f"lỗi máy chủ/mạng sau {attempts} lần thử: {e}"
    if isinstance(e, TelegramAPIError):
        return f"{status_code(e)}: {e.message}"
    return f"lỗi không lường trước: {e!r}"
