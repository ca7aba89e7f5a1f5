"""The Zalo adapter (issue 25): the same conversation over the Zalo Bot Platform (see docs/zalo.md).

Zalo updates are turned into aiogram updates and fed to the same Dispatcher (``conversation.py``); what the
handlers send goes through a Zalo bot whose request middleware renders screens as text (``render.py``,
``middleware.py``) before the same outbound layer, and whose session speaks the Zalo Bot API (``session.py``,
``api.py``). Files and pictures travel as expiring links served by ``routes.py``."""
